/* SPDX-License-Identifier: MIT */
/*
 * This file implements writing a redline: the format names, and the
 * formats that mirror git (plain word diff, numstat), the terminal's (ANSI
 * colours, wrapped) and JSON. The document formats, HTML and Markdown, are
 * in core/redline_html.c; both build on core/redline_runs.c.
 */
#include <assert.h>
#include <string.h>

#include <jansson.h>

#include "gavel/redline.h"
#include "gavel/text.h"
#include "internal.h"
#include "redline_write.h"
#include "view.h"

static const char *const format_names[] = {
        [GV_REDLINE_ANSI] = "ansi",       [GV_REDLINE_PLAIN] = "plain",
        [GV_REDLINE_HTML] = "html",       [GV_REDLINE_MD] = "md",
        [GV_REDLINE_NUMSTAT] = "numstat", [GV_REDLINE_JSON] = "json",
};

#define NFORMATS (sizeof(format_names) / sizeof(format_names[0]))

int
gv_redline_format_parse(enum gv_redline_format *out, const char *name)
{
	size_t i;

	assert(out && name);
	for (i = 0; i < NFORMATS; i++) {
		if (format_names[i] && strcmp(name, format_names[i]) == 0) {
			*out = (enum gv_redline_format)i;
			return 0;
		}
	}
	return gv__error_set(GV_ERRCLASS_REDLINE, GV_EINVALID,
	                     "unknown redline format '%s': use ansi, plain, "
	                     "html, md, numstat or json",
	                     name);
}

/* Runs, pieces, sections: shared by the writers */

static int
path_must_quote(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++)
		if (*p < 0x20 || *p == '"' || *p == '\\' || *p >= 0x7F)
			return 1;
	return 0;
}

static void
path_quote_body(struct gv_buf *b, const char *s)
{
	static const char named[] = "abtnvfr"; /* \a (7) to \r (13) */
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (*p == '"' || *p == '\\')
			gv__buf_printf(b, "\\%c", *p);
		else if (*p >= 7 && *p <= 13)
			gv__buf_printf(b, "\\%c", named[*p - 7]);
		else if (*p < 0x20 || *p >= 0x7F)
			gv__buf_printf(b, "\\%03o", *p);
		else
			gv__buf_putc(b, *p);
	}
}

/* prefix and path as one name, quoted when either needs it (quote_two). */
static void
path_put(struct gv_buf *b, const char *prefix, const char *path)
{
	if (!path_must_quote(prefix) && !path_must_quote(path)) {
		gv__buf_puts(b, prefix);
		gv__buf_puts(b, path);
		return;
	}
	gv__buf_putc(b, '"');
	path_quote_body(b, prefix);
	path_quote_body(b, path);
	gv__buf_putc(b, '"');
}

/*
 * A rename as git diff --stat and --numstat print it (diff.c's
 * pprint_rename): the common leading directories and trailing part that
 * starts at a slash stay outside braces, "docs/{old.md => new.md}".
 */
static void
path_put_rename(struct gv_buf *b, const char *a, const char *c)
{
	long la = (long)strlen(a), lc = (long)strlen(c), pfx = 0, sfx = 0;
	long i, j, adjust, amid, cmid;

	if (path_must_quote(a) || path_must_quote(c)) {
		path_put(b, "", a);
		gv__buf_puts(b, " => ");
		path_put(b, "", c);
		return;
	}
	for (i = 0; a[i] && c[i] && a[i] == c[i]; i++)
		if (a[i] == '/')
			pfx = i + 1;
	/* With a prefix, look one into it to see its closing slash. */
	adjust = pfx ? 1 : 0;
	for (i = la, j = lc;
	     pfx - adjust <= i && pfx - adjust <= j && a[i] == c[j]; i--, j--)
		if (a[i] == '/')
			sfx = la - i;
	amid = la - pfx - sfx > 0 ? la - pfx - sfx : 0;
	cmid = lc - pfx - sfx > 0 ? lc - pfx - sfx : 0;
	if (pfx + sfx) {
		gv__buf_put(b, a, (size_t)pfx);
		gv__buf_putc(b, '{');
	}
	gv__buf_put(b, a + pfx, (size_t)amid);
	gv__buf_puts(b, " => ");
	gv__buf_put(b, c + pfx, (size_t)cmid);
	if (pfx + sfx) {
		gv__buf_putc(b, '}');
		gv__buf_put(b, a + la - sfx, (size_t)sfx);
	}
}

static const char *
file_old(const struct gv_rfile *f)
{
	return f->old_path ? f->old_path : f->new_path ? f->new_path : "";
}

static const char *
file_new(const struct gv_rfile *f)
{
	return f->new_path ? f->new_path : f->old_path ? f->old_path : "";
}

static int
file_renamed(const struct gv_rfile *f)
{
	return f->status == 'R' || (f->old_path && f->new_path &&
	                            strcmp(f->old_path, f->new_path) != 0);
}

/*
 * The columns of the head's line numbers in a file (issue 20, item 7: a
 * reviewer quotes them, and `gavel review add --line N` takes them): the
 * widest number its hunks show.
 */
static int
number_width(const struct gv_rfile *f)
{
	int most = 1, width = 1;
	size_t j, k;

	for (j = 0; j < f->nhunks; j++)
		for (k = 0; k < f->hunks[j].nlines; k++)
			if (f->hunks[j].lines[k].new_no > most)
				most = f->hunks[j].lines[k].new_no;
	while (most >= 10) {
		most /= 10;
		width++;
	}
	return width;
}

/* A line's number in the head, right-aligned in width columns and
 * followed by a space; blanks for a line the head does not have. */
static void
number_put(struct gv_buf *b, const struct gv_rline *line, int width)
{
	if (line->new_no)
		gv__buf_printf(b, "%*d ", width, line->new_no);
	else
		gv__buf_printf(b, "%*s ", width, "");
}

/* NUMSTAT */

static void
write_numstat(struct gv_buf *b, const struct gv_redline *r)
{
	const struct gv_rfile *f;
	size_t i;

	for (i = 0; i < r->nfiles; i++) {
		f = &r->files[i];
		if (f->binary)
			gv__buf_puts(b, "-\t-\t");
		else
			gv__buf_printf(b, "%d\t%d\t", f->added, f->deleted);
		if (file_renamed(f))
			path_put_rename(b, f->old_path, f->new_path);
		else
			path_put(b, "", file_new(f));
		gv__buf_putc(b, '\n');
	}
}

/* PLAIN: git diff --word-diff=plain */

static void
plain_file_header(struct gv_buf *b, const struct gv_rfile *f)
{
	gv__buf_puts(b, "diff --git ");
	path_put(b, "a/", file_old(f));
	gv__buf_putc(b, ' ');
	path_put(b, "b/", file_new(f));
	gv__buf_putc(b, '\n');
	if (file_renamed(f)) {
		gv__buf_puts(b, "rename from ");
		path_put(b, "", f->old_path);
		gv__buf_puts(b, "\nrename to ");
		path_put(b, "", f->new_path);
		gv__buf_putc(b, '\n');
	}
	if (!f->binary && !f->nhunks)
		return;
	gv__buf_puts(b, f->binary ? "Binary files " : "--- ");
	if (f->old_path)
		path_put(b, "a/", f->old_path);
	else
		gv__buf_puts(b, "/dev/null");
	gv__buf_puts(b, f->binary ? " and " : "\n+++ ");
	if (f->new_path)
		path_put(b, "b/", f->new_path);
	else
		gv__buf_puts(b, "/dev/null");
	gv__buf_puts(b, f->binary ? " differ\n" : "\n");
}

/* git's hunk header leaves out a count of one: "@@ -5 +5,2 @@". */
static void
hunk_range(struct gv_buf *b, const struct gv_rhunk *h)
{
	gv__buf_printf(b, "@@ -%d", h->old_start);
	if (h->old_lines != 1)
		gv__buf_printf(b, ",%d", h->old_lines);
	gv__buf_printf(b, " +%d", h->new_start);
	if (h->new_lines != 1)
		gv__buf_printf(b, ",%d", h->new_lines);
	gv__buf_puts(b, " @@");
}

/*
 * A run in [-...-] or {+...+}. As in git's word diff, the marks wrap
 * words: spaces at a run's ends stay outside ("[-or-] LEI"), unless the
 * run is nothing but spaces (then the change would not show).
 */
static void
plain_run(struct gv_buf *b, const struct gv__rl_run *run)
{
	const char *s = run->text;
	size_t from = 0, to = run->len;

	if (run->kind == GV_SPAN_SAME) {
		gv__buf_put(b, s, run->len);
		return;
	}
	while (from < to && s[from] == ' ')
		from++;
	while (to > from && s[to - 1] == ' ')
		to--;
	if (from == to)
		from = 0, to = run->len;
	gv__buf_put(b, s, from);
	gv__buf_puts(b, run->kind == GV_SPAN_DEL ? "[-" : "{+");
	gv__buf_put(b, s + from, to - from);
	gv__buf_puts(b, run->kind == GV_SPAN_DEL ? "-]" : "+}");
	gv__buf_put(b, s + to, run->len - to);
}

/* Document text is sanitized: a pipe often ends on a terminal too. No
 * newline. */
static void
plain_text(struct gv_buf *b, const struct gv_rline *line)
{
	struct gv__rl_runs runs;
	size_t i;

	gv__rl_runs_init(&runs, line, GV__RL_SANITIZE);
	for (i = 0; i < runs.n; i++)
		plain_run(b, &runs.v[i]);
	gv__rl_runs_dispose(&runs);
}

/* git's word diff with the head's line number before each line. */
static void
plain_line(struct gv_buf *b, const struct gv_rline *line, int width)
{
	size_t before = b->size, text;

	number_put(b, line, width);
	text = b->size;
	plain_text(b, line);
	/* An empty line: its number, without blanks after it. */
	if (b->size == text) {
		b->size = before;
		if (line->new_no)
			gv__buf_printf(b, "%*d", width, line->new_no);
	}
	gv__buf_putc(b, '\n');
}

int
gv_redline_write_line(char **out, const struct gv_rline *line,
                      enum gv_redline_format format)
{
	struct gv_buf b = GV_BUF_INIT;

	*out = NULL;
	if (format == GV_REDLINE_PLAIN)
		plain_text(&b, line);
	else if (format == GV_REDLINE_MD)
		gv__rl_md_line(&b, line);
	else
		return gv__error_set(GV_ERRCLASS_REDLINE, GV_EINVALID,
		                     "a single line is written as plain or md");
	*out = gv__buf_detach(&b);
	return 0;
}

static void
write_plain(struct gv_buf *b, const struct gv_redline *r)
{
	const struct gv_rfile *f;
	const struct gv_rhunk *h;
	size_t i, j, k;
	char *clean;
	int width;

	for (i = 0; i < r->nfiles; i++) {
		f = &r->files[i];
		width = number_width(f);
		plain_file_header(b, f);
		for (j = 0; !f->binary && j < f->nhunks; j++) {
			h = &f->hunks[j];
			hunk_range(b, h);
			if (h->section && h->section[0]) {
				clean = gv_text_sanitize(h->section, 0);
				gv__buf_printf(b, " %s", clean);
				free(clean);
			}
			gv__buf_putc(b, '\n');
			for (k = 0; k < h->nlines; k++)
				plain_line(b, &h->lines[k], width);
		}
	}
}

/* ANSI: colours for a terminal, wrapped to its width */

#define SGR_RESET   "\033[m"
#define SGR_BOLD    "\033[1m"
#define SGR_DIM     "\033[2m"
#define SGR_SECTION "\033[1;36m"
#define SGR_DEL     "\033[31;9m"
#define SGR_INS     "\033[32;4m"
#define GUTTER      2 /* "- ", "+ ", "~ ", "  ", after the number */
#define MIN_WIDTH   4 /* the gutter and one wide character */

struct wrap {
	struct gv_buf *b;
	size_t indent;          /* the gutter's columns: a new row's blanks */
	size_t avail;           /* columns for text, after the gutter */
	size_t col;             /* columns of text in the row so far */
	enum gv_span_kind open; /* the colour on (SAME: none) */
};

static size_t
utf8_seq_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static size_t
text_width_n(const char *s, size_t n)
{
	char *copy = gv__xstrndup(s, n);
	size_t w = gv_text_width(copy);

	free(copy);
	return w;
}

static void
wrap_colour(struct wrap *w, enum gv_span_kind kind)
{
	if (w->open == kind)
		return;
	if (w->open != GV_SPAN_SAME)
		gv__buf_puts(w->b, SGR_RESET);
	if (kind == GV_SPAN_DEL)
		gv__buf_puts(w->b, SGR_DEL);
	else if (kind == GV_SPAN_INS)
		gv__buf_puts(w->b, SGR_INS);
	w->open = kind;
}

/* Ends the row (colours off: a pager may cut between rows). */
static void
wrap_break(struct wrap *w)
{
	wrap_colour(w, GV_SPAN_SAME);
	gv__buf_printf(w->b, "\n%*s", (int)w->indent, "");
	w->col = 0;
}

static void
wrap_put(struct wrap *w, const struct gv__rl_piece *p, size_t width)
{
	wrap_colour(w, p->kind);
	gv__buf_put(w->b, p->s, p->n);
	w->col += width;
}

/* A word wider than the row, cut between characters. */
static void
wrap_put_hard(struct wrap *w, const struct gv__rl_piece *p)
{
	size_t at, len, cw;

	for (at = 0; at < p->n; at += len) {
		len = utf8_seq_len((unsigned char)p->s[at]);
		if (len > p->n - at)
			len = p->n - at;
		cw = text_width_n(p->s + at, len);
		if (w->col + cw > w->avail && w->col > 0)
			wrap_break(w);
		wrap_colour(w, p->kind);
		gv__buf_put(w->b, p->s + at, len);
		w->col += cw;
	}
}

/*
 * Greedy wrapping at spaces: a word is a run of pieces without spaces
 * (it may change colour inside, "fox[-es-]"); the spaces where a row
 * breaks are dropped, and a word wider than a row is cut.
 */
static void
wrap_line(struct wrap *w, const struct gv__rl_piece *p, size_t n)
{
	size_t i = 0, ws_from, ws_to, word_to, wsw, ww, k;
	size_t *widths = gv__xcalloc(n ? n : 1, sizeof(*widths));

	for (k = 0; k < n; k++)
		widths[k] = text_width_n(p[k].s, p[k].n);
	while (i < n) {
		for (ws_from = i, wsw = 0; i < n && p[i].ws; i++)
			wsw += widths[i];
		for (ws_to = i, ww = 0; i < n && !p[i].ws; i++)
			ww += widths[i];
		word_to = i;
		if (w->col + wsw + ww <= w->avail) {
			for (k = ws_from; k < word_to; k++)
				wrap_put(w, &p[k], widths[k]);
			continue;
		}
		if (ws_to == word_to) /* trailing spaces that do not fit */
			break;
		if (ww > w->avail) {
			for (k = ws_from;
			     k < ws_to && w->col + widths[k] < w->avail; k++)
				wrap_put(w, &p[k], widths[k]);
			for (k = ws_to; k < word_to; k++)
				wrap_put_hard(w, &p[k]);
			continue;
		}
		wrap_break(w);
		for (k = ws_to; k < word_to; k++)
			wrap_put(w, &p[k], widths[k]);
	}
	wrap_colour(w, GV_SPAN_SAME);
	free(widths);
}

/* The line's number in the head (dim; numw < 0: none), its mark, and its
 * text wrapped under itself, after the gutter. */
static void
ansi_line(struct gv_buf *b, const struct gv_rline *line, size_t width, int numw)
{
	static const char marks[] = {[GV_RLINE_CONTEXT] = ' ',
	                             [GV_RLINE_DELETED] = '-',
	                             [GV_RLINE_ADDED] = '+',
	                             [GV_RLINE_CHANGED] = '~'};
	size_t gutter = numw < 0 ? GUTTER : (size_t)numw + 1 + GUTTER;
	/* A width too narrow for the gutter still gets a wide character a
	 * row (MIN_WIDTH), past the width rather than never ending. */
	struct wrap w = {b, gutter, width > gutter + 2 ? width - gutter : 2, 0,
	                 GV_SPAN_SAME};
	struct gv__rl_runs runs;
	struct gv__rl_piece *pieces;
	size_t n;

	gv__rl_runs_init(&runs, line, GV__RL_SANITIZE);
	gv__rl_pieces(&pieces, &n, &runs);
	if (numw >= 0) {
		gv__buf_puts(b, SGR_DIM);
		if (n || line->kind != GV_RLINE_CONTEXT)
			number_put(b, line, numw);
		else if (line->new_no)
			gv__buf_printf(b, "%*d", numw, line->new_no);
		gv__buf_puts(b, SGR_RESET);
	}
	if (n) {
		gv__buf_putc(b, marks[line->kind]);
		gv__buf_putc(b, ' ');
		wrap_line(&w, pieces, n);
	} else if (line->kind != GV_RLINE_CONTEXT) {
		gv__buf_putc(b, marks[line->kind]);
	}
	gv__buf_putc(b, '\n');
	free(pieces);
	gv__rl_runs_dispose(&runs);
}

/* A header line: sanitized, cut to the width, in one colour. */
static void
ansi_header(struct gv_buf *b, const char *sgr, const char *text, size_t width)
{
	char *cut = gv_text_truncate(text, width);

	gv__buf_printf(b, "%s%s%s\n", sgr, cut, SGR_RESET);
	free(cut);
}

static void
ansi_file_header(struct gv_buf *b, const struct gv_rfile *f, size_t width)
{
	char *name;

	if (file_renamed(f))
		name = gv__xsprintf("%s \xE2\x86\x92 %s", f->old_path,
		                    f->new_path);
	else if (!f->old_path)
		name = gv__xsprintf("%s (new file)", file_new(f));
	else if (!f->new_path)
		name = gv__xsprintf("%s (deleted)", file_old(f));
	else
		name = gv__xstrdup(file_new(f));
	ansi_header(b, SGR_BOLD, name, width);
	free(name);
	if (f->binary)
		ansi_header(b, SGR_DIM, "  binary file differs", width);
}

static void
ansi_file(struct gv_buf *b, const struct gv_rfile *f, size_t width)
{
	const struct gv_rhunk *h;
	const struct gv_rline *line;
	const char *section = NULL;
	struct gv_buf range = GV_BUF_INIT;
	char *label;
	size_t j, k;
	int numw = number_width(f);

	/* Too narrow for the numbers and a wide character after them:
	 * the text alone, as before numbers (-1). */
	if (width < (size_t)numw + 1 + GUTTER + 2)
		numw = -1;
	ansi_file_header(b, f, width);
	for (j = 0; !f->binary && j < f->nhunks; j++) {
		h = &f->hunks[j];
		hunk_range(&range, h);
		ansi_header(b, SGR_DIM, range.ptr, width);
		range.size = 0;
		for (k = 0; k < h->nlines; k++) {
			line = &h->lines[k];
			if (line->section &&
			    !gv__rl_same_section(line->section, section)) {
				label = gv__xsprintf("\xC2\xA7 %s",
				                     line->section);
				ansi_header(b, SGR_SECTION, label, width);
				free(label);
			}
			section = line->section ? line->section : section;
			ansi_line(b, line, width, numw);
		}
	}
	gv__buf_dispose(&range);
}

static void
write_ansi(struct gv_buf *b, const struct gv_redline *r, int width)
{
	size_t cols, i;

	cols = width <= 0 ? 80 : width < MIN_WIDTH ? MIN_WIDTH : (size_t)width;
	for (i = 0; i < r->nfiles; i++) {
		if (i)
			gv__buf_putc(b, '\n');
		ansi_file(b, &r->files[i], cols);
	}
}

/* JSON */

/*
 * A JSON string of s; jansson takes only UTF-8, so an invalid byte becomes
 * U+FFFD (controls are kept: they are JSON's to quote).
 */
static json_t *
json_text(const char *s)
{
	size_t n;
	char *fixed;
	json_t *v;

	if (!s)
		return json_null();
	n = strlen(s);
	if (gv_utf8_valid(s, n))
		return json_stringn(s, n);
	fixed = gv_utf8_repair(s, n);
	v = json_string(fixed);
	free(fixed);
	return v;
}

static json_t *
json_blob(const char *id)
{
	return id[0] ? json_text(id) : json_null();
}

static json_t *
json_line(const struct gv_rline *line)
{
	static const char *const kinds[] = {"context", "deleted", "added",
	                                    "changed"};
	static const char *const span_kinds[] = {"same", "del", "ins"};
	json_t *o = json_object(), *spans = json_array(), *span;
	size_t i;

	json_object_set_new(o, "kind", json_string(kinds[line->kind]));
	json_object_set_new(o, "old",
	                    line->old_no ? json_integer(line->old_no)
	                                 : json_null());
	json_object_set_new(o, "new",
	                    line->new_no ? json_integer(line->new_no)
	                                 : json_null());
	json_object_set_new(o, "section", json_text(line->section));
	for (i = 0; i < line->nspans; i++) {
		span = json_object();
		json_object_set_new(
		        span, "kind",
		        json_string(span_kinds[line->spans[i].kind]));
		json_object_set_new(span, "text",
		                    json_text(line->spans[i].text
		                                      ? line->spans[i].text
		                                      : ""));
		json_array_append_new(spans, span);
	}
	json_object_set_new(o, "spans", spans);
	return o;
}

static json_t *
json_hunk(const struct gv_rhunk *h)
{
	json_t *o = json_object(), *lines = json_array();
	size_t i;

	json_object_set_new(o, "old_start", json_integer(h->old_start));
	json_object_set_new(o, "old_lines", json_integer(h->old_lines));
	json_object_set_new(o, "new_start", json_integer(h->new_start));
	json_object_set_new(o, "new_lines", json_integer(h->new_lines));
	json_object_set_new(o, "section", json_text(h->section));
	for (i = 0; i < h->nlines; i++)
		json_array_append_new(lines, json_line(&h->lines[i]));
	json_object_set_new(o, "lines", lines);
	return o;
}

static json_t *
json_file(const struct gv_rfile *f)
{
	char status[2] = {f->status, '\0'};
	json_t *o = json_object(), *hunks = json_array();
	size_t i;

	json_object_set_new(o, "old_path", json_text(f->old_path));
	json_object_set_new(o, "new_path", json_text(f->new_path));
	json_object_set_new(o, "status", json_text(status));
	json_object_set_new(o, "binary", json_boolean(f->binary));
	json_object_set_new(o, "added", json_integer(f->added));
	json_object_set_new(o, "deleted", json_integer(f->deleted));
	json_object_set_new(o, "old_blob", json_blob(f->old_blob));
	json_object_set_new(o, "new_blob", json_blob(f->new_blob));
	for (i = 0; i < f->nhunks; i++)
		json_array_append_new(hunks, json_hunk(&f->hunks[i]));
	json_object_set_new(o, "hunks", hunks);
	return o;
}

static int
write_json(struct gv_buf *b, const struct gv_redline *r)
{
	json_t *doc = json_object(), *files = json_array();
	char *text;
	size_t i;
	int error;

	json_object_set_new(doc, "repo", json_text(r->repo));
	json_object_set_new(doc, "base", json_blob(r->base));
	json_object_set_new(doc, "head", json_blob(r->head));
	json_object_set_new(doc, "range", json_text(r->range));
	for (i = 0; i < r->nfiles; i++)
		json_array_append_new(files, json_file(&r->files[i]));
	json_object_set_new(doc, "files", files);
	if ((error = gv__view_dump(&text, doc, 0)) < 0)
		return error;
	gv__buf_puts(b, text);
	gv__buf_putc(b, '\n');
	free(text);
	return 0;
}

int
gv_redline_write(char **out, size_t *len, const struct gv_redline *r,
                 enum gv_redline_format format, int width)
{
	struct gv_buf b = GV_BUF_INIT;
	int error = 0;

	assert(out && r);
	*out = NULL;
	switch (format) {
	case GV_REDLINE_ANSI:
		write_ansi(&b, r, width);
		break;
	case GV_REDLINE_PLAIN:
		write_plain(&b, r);
		break;
	case GV_REDLINE_HTML:
		gv__rl_write_html(&b, r);
		break;
	case GV_REDLINE_MD:
		gv__rl_write_md(&b, r);
		break;
	case GV_REDLINE_NUMSTAT:
		write_numstat(&b, r);
		break;
	case GV_REDLINE_JSON:
		error = write_json(&b, r);
		break;
	default:
		assert(!"unknown redline format");
	}
	if (error < 0) {
		gv__buf_dispose(&b);
		return error;
	}
	if (len)
		*len = b.size;
	*out = gv__buf_detach(&b);
	return 0;
}
