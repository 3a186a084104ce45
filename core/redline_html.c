/* SPDX-License-Identifier: MIT */
/*
 * This file implements the redline's document formats: one self-contained
 * HTML page (contents of the changed sections, <del> and <ins>, print
 * styles) and Markdown that pastes into a ballot e-mail or a GitHub post.
 * Document text is sanitized, then escaped, so it never becomes markup.
 */
#include <string.h>

#include "gavel/gavel.h"
#include "gavel/redline.h"
#include "gavel/text.h"
#include "internal.h"
#include "mustache.h"
#include "redline_write.h"

/* HTML */

/* A long word (a hash, a link) wraps rather than run off the page. */
static const char html_style[] =
        "body { font: 16px/1.5 Georgia, \"Times New Roman\", serif; "
        "color: #111;\n"
        "       max-width: 52rem; margin: 2rem auto; padding: 0 1rem;\n"
        "       overflow-wrap: anywhere; }\n"
        "h1, h2, h3 { font-family: \"Helvetica Neue\", Arial, sans-serif;\n"
        "             line-height: 1.2; }\n"
        "h2 { border-bottom: 1px solid #999; padding-bottom: .2rem; }\n"
        "code { font: 90% Menlo, Consolas, monospace; }\n"
        ".meta, .stat, .note { color: #555; }\n"
        "nav.toc ul { padding-left: 1.25rem; margin: .2rem 0; }\n"
        ".hunk { border-top: 1px dashed #bbb; margin: 1rem 0; }\n"
        ".hunk p { margin: .5rem 0; white-space: pre-wrap;\n"
        "          overflow-wrap: anywhere; }\n"
        "p.ctx { color: #777; }\n"
        "del { color: #a00; text-decoration: line-through; "
        "background: #fdecec; }\n"
        "ins { color: #060; text-decoration: underline; "
        "background: #e6f4e6; }\n"
        "@media print {\n"
        "  body { max-width: none; margin: 0; padding: 0; "
        "font-size: 11pt; }\n"
        "  a { color: inherit; text-decoration: none; }\n"
        "  h2, h3 { break-after: avoid; }\n"
        "  .hunk p { break-inside: avoid; }\n"
        "  del, ins { print-color-adjust: exact; "
        "-webkit-print-color-adjust: exact; }\n"
        "}\n";

/* Sanitized (no control characters, valid UTF-8), then escaped. */
static void
html_text(struct gv_buf *b, const char *s)
{
	gv__escape_text(b, s, GV_ESCAPE_HTML);
}

static char *
redline_range(const struct gv_redline *r)
{
	if (r->range && r->range[0])
		return gv__xstrdup(r->range);
	return gv__xsprintf("%.7s..%.7s", r->base, r->head);
}

static void
html_file_name(struct gv_buf *b, const struct gv_rfile *f)
{
	if (f->old_path && f->new_path &&
	    strcmp(f->old_path, f->new_path) != 0) {
		html_text(b, f->old_path);
		gv__buf_puts(b, " \xE2\x86\x92 ");
		html_text(b, f->new_path);
	} else {
		html_text(b, f->new_path ? f->new_path : f->old_path);
	}
	if (!f->old_path)
		gv__buf_puts(b, " <span class=\"note\">(new file)</span>");
	else if (!f->new_path)
		gv__buf_puts(b, " <span class=\"note\">(deleted)</span>");
}

static void
html_line(struct gv_buf *b, const struct gv_rline *line)
{
	static const char *const classes[] = {"ctx", "del", "add", "chg"};
	struct gv__rl_runs runs;
	size_t i;

	gv__rl_runs_init(&runs, line, GV__RL_SANITIZE);
	if (!runs.n)
		goto out;
	gv__buf_printf(b, "<p class=\"%s\">", classes[line->kind]);
	for (i = 0; i < runs.n; i++) {
		if (runs.v[i].kind == GV_SPAN_DEL)
			gv__buf_puts(b, "<del>");
		else if (runs.v[i].kind == GV_SPAN_INS)
			gv__buf_puts(b, "<ins>");
		gv__escape(b, runs.v[i].text, runs.v[i].len, GV_ESCAPE_HTML);
		if (runs.v[i].kind == GV_SPAN_DEL)
			gv__buf_puts(b, "</del>");
		else if (runs.v[i].kind == GV_SPAN_INS)
			gv__buf_puts(b, "</ins>");
	}
	gv__buf_puts(b, "</p>\n");
out:
	gv__rl_runs_dispose(&runs);
}

/* The sections of one file that have changes, for the contents. */
struct html_toc {
	struct gv_buf *b;
	const char **seen; /* sections listed (borrowed) */
	size_t nseen, alloc;
};

static void
html_toc_add(struct html_toc *toc, const char *section, size_t fileno,
             size_t heading)
{
	size_t i;

	for (i = 0; i < toc->nseen; i++)
		if (gv__rl_same_section(toc->seen[i], section))
			return;
	toc->seen = gv__grow(toc->seen, &toc->alloc, toc->nseen,
	                     sizeof(*toc->seen));
	toc->seen[toc->nseen++] = section;
	gv__buf_puts(toc->b, toc->nseen == 1 ? "<ul>\n" : "");
	gv__buf_printf(toc->b, "<li><a href=\"#f%zu-s%zu\">", fileno, heading);
	html_text(toc->b, section);
	gv__buf_puts(toc->b, "</a></li>\n");
}

/*
 * A file's hunks, a heading wherever the section changes; each heading
 * that has a change under it goes into the contents (once per section).
 */
static void
html_hunks(struct gv_buf *b, struct html_toc *toc, const struct gv_rfile *f,
           size_t fileno)
{
	const struct gv_rline *line;
	const char *section = NULL;
	size_t j, k, heading = 0;
	int listed = 0;

	for (j = 0; j < f->nhunks; j++) {
		gv__buf_puts(b, "<div class=\"hunk\">\n");
		for (k = 0; k < f->hunks[j].nlines; k++) {
			line = &f->hunks[j].lines[k];
			if (line->section &&
			    !gv__rl_same_section(line->section, section)) {
				gv__buf_printf(b, "<h3 id=\"f%zu-s%zu\">",
				               fileno, ++heading);
				html_text(b, line->section);
				gv__buf_puts(b, "</h3>\n");
				section = line->section;
				listed = 0;
			}
			if (line->kind != GV_RLINE_CONTEXT && heading &&
			    !listed) {
				html_toc_add(toc, section, fileno, heading);
				listed = 1;
			}
			html_line(b, line);
		}
		gv__buf_puts(b, "</div>\n");
	}
}

static void
html_file(struct gv_buf *body, struct gv_buf *contents,
          const struct gv_rfile *f, size_t fileno)
{
	struct html_toc toc = {contents, NULL, 0, 0};

	gv__buf_printf(contents, "<li><a href=\"#f%zu\">", fileno);
	html_file_name(contents, f);
	gv__buf_puts(contents, "</a>");
	if (f->binary)
		gv__buf_puts(contents, " <span class=\"stat\">binary</span>\n");
	else
		gv__buf_printf(
		        contents,
		        " <span class=\"stat\">+%d \xE2\x88\x92%d</span>\n",
		        f->added, f->deleted);
	gv__buf_printf(body, "<section class=\"file\" id=\"f%zu\">\n<h2>",
	               fileno);
	html_file_name(body, f);
	gv__buf_puts(body, "</h2>\n");
	if (f->binary)
		gv__buf_puts(body, "<p class=\"note\">Binary file: its "
		                   "contents are not shown.</p>\n");
	else
		html_hunks(body, &toc, f, fileno);
	gv__buf_puts(body, "</section>\n");
	gv__buf_puts(contents, toc.nseen ? "</ul>\n</li>\n" : "</li>\n");
	free(toc.seen);
}

/*
 * The repository by its folder's name: a page posted to a list names the
 * guideline's repository, not where the reviewer's clone sits
 * ("/home/me/src/smime/" is "smime"; a ".git" folder its parent's).
 */
static char *
repo_name(const char *repo)
{
	size_t end = strlen(repo), start;

	while (end > 1 && repo[end - 1] == '/')
		end--;
	if (end >= 5 && !strncmp(repo + end - 5, "/.git", 5))
		for (end -= 5; end > 1 && repo[end - 1] == '/'; end--)
			;
	for (start = end; start > 0 && repo[start - 1] != '/'; start--)
		;
	return gv__xstrndup(repo + start, end - start);
}

/* "Ballot SMC011 version 2" for a ballot's pinned version, else "Redline
 * RANGE". */
static void
html_name(struct gv_buf *b, const struct gv_redline *r, const char *range)
{
	if (r->ballot) {
		gv__buf_puts(b, "Ballot ");
		html_text(b, r->ballot);
		gv__buf_printf(b, " version %d", r->version);
	} else {
		gv__buf_puts(b, "Redline ");
		html_text(b, range);
	}
}

static void
html_head(struct gv_buf *b, const struct gv_redline *r, const char *range)
{
	char *repo = r->repo && r->repo[0] ? repo_name(r->repo) : NULL;

	gv__buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	                "<meta charset=\"utf-8\">\n"
	                "<meta name=\"viewport\" content=\"width=device-width, "
	                "initial-scale=1\">\n"
	                "<meta name=\"generator\" content=\"gavel " GV_VERSION
	                "\">\n<title>");
	html_name(b, r, range);
	if (r->ballot) {
		gv__buf_puts(b, " \xE2\x80\x94 redline");
	} else if (repo) {
		gv__buf_puts(b, " \xE2\x80\x94 ");
		html_text(b, repo);
	}
	gv__buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
	               html_style);
	gv__buf_puts(b, "<h1>");
	html_name(b, r, range);
	if (r->ballot && r->ballot_title) {
		gv__buf_puts(b, ": ");
		html_text(b, r->ballot_title);
	}
	gv__buf_puts(b, "</h1>\n<p class=\"meta\">");
	if (r->ballot)
		gv__buf_puts(b, "Redline of the pinned text. ");
	if (repo) {
		gv__buf_puts(b, "Repository <code>");
		html_text(b, repo);
		gv__buf_puts(b, "</code>, ");
	}
	gv__buf_puts(b, "base <code>");
	html_text(b, r->base);
	gv__buf_puts(b, "</code>, head <code>");
	html_text(b, r->head);
	gv__buf_puts(b,
	             "</code>. <del>Deleted</del>, <ins>inserted</ins>.</p>\n");
	free(repo);
}

void
gv__rl_write_html(struct gv_buf *b, const struct gv_redline *r)
{
	struct gv_buf body = GV_BUF_INIT, contents = GV_BUF_INIT;
	char *range = redline_range(r);
	size_t i;

	for (i = 0; i < r->nfiles; i++)
		html_file(&body, &contents, &r->files[i], i + 1);
	html_head(b, r, range);
	if (r->nfiles) {
		gv__buf_puts(b, "<nav class=\"toc\">\n<h2>Contents</h2>\n"
		                "<ul>\n");
		gv__buf_put(b, contents.ptr, contents.size);
		gv__buf_puts(b, "</ul>\n</nav>\n");
		gv__buf_put(b, body.ptr, body.size);
	} else {
		gv__buf_puts(b, "<p>No changes.</p>\n");
	}
	gv__buf_puts(b, "</body>\n</html>\n");
	gv__buf_dispose(&body);
	gv__buf_dispose(&contents);
	free(range);
}

/* MD */

/*
 * Escapes s for Markdown. Only at the start of a paragraph can "1." or "-"
 * start a list (gv__escape assumes a start); elsewhere leading digits and
 * #+-= are written as they are, so the e-mail reads "4.2.2", not "4\.2.2".
 */
static void
md_text(struct gv_buf *b, const char *s, size_t n, int line_start)
{
	size_t i = 0;

	if (!line_start)
		for (; i < n && strchr("0123456789#+-=", s[i]); i++)
			gv__buf_putc(b, s[i]);
	gv__escape(b, s + i, n - i, GV_ESCAPE_MARKDOWN);
}

/* A paragraph being written: the marker open and the spaces held back. */
struct md_para {
	struct gv_buf *b;
	struct gv_buf spaces;   /* written only if a word follows */
	enum gv_span_kind open; /* ~~ (DEL), ** (INS), or none */
};

static const char *
md_marker(enum gv_span_kind kind)
{
	return kind == GV_SPAN_DEL ? "~~" : kind == GV_SPAN_INS ? "**" : "";
}

static void
md_spaces(struct md_para *p)
{
	if (p->b->size)
		gv__buf_put(p->b, p->spaces.ptr, p->spaces.size);
	p->spaces.size = 0;
}

static void
md_switch(struct md_para *p, enum gv_span_kind kind)
{
	if (p->open == kind) {
		md_spaces(p);
		return;
	}
	gv__buf_puts(p->b, md_marker(p->open));
	md_spaces(p);
	gv__buf_puts(p->b, md_marker(kind));
	p->open = kind;
}

/*
 * A word changed inside ("fox." to "fox!"): "fox~~.~~" would not parse as
 * strikethrough (a delimiter between a letter and punctuation cannot
 * open), so the whole word is shown, "~~fox.~~**fox!**".
 */
static void
md_word(struct md_para *p, const struct gv__rl_piece *w, size_t n)
{
	size_t i;

	md_switch(p, GV_SPAN_SAME);
	gv__buf_puts(p->b, "~~");
	for (i = 0; i < n; i++)
		if (w[i].kind != GV_SPAN_INS)
			md_text(p->b, w[i].s, w[i].n, 0);
	gv__buf_puts(p->b, "~~**");
	for (i = 0; i < n; i++)
		if (w[i].kind != GV_SPAN_DEL)
			md_text(p->b, w[i].s, w[i].n, 0);
	gv__buf_puts(p->b, "**");
}

/*
 * A line as one paragraph. Markers open and close only next to spaces,
 * the paragraph's ends or other markers, where CommonMark's flanking rules
 * accept them; spaces between two deletions go inside one ~~...~~.
 */
static void
md_line(struct gv_buf *b, const struct gv__rl_piece *p, size_t n)
{
	struct md_para para = {b, GV_BUF_INIT, GV_SPAN_SAME};
	size_t i = 0, end, k;
	int same, other;

	while (i < n) {
		if (p[i].ws) {
			gv__buf_put(&para.spaces, p[i].s, p[i].n);
			i++;
			continue;
		}
		same = other = 0;
		for (end = i; end < n && !p[end].ws; end++) {
			same |= p[end].kind == GV_SPAN_SAME;
			other |= p[end].kind != GV_SPAN_SAME;
		}
		if (same && other) {
			md_word(&para, p + i, end - i);
		} else {
			for (k = i; k < end; k++) {
				int start =
				        !b->size && p[k].kind == GV_SPAN_SAME;

				md_switch(&para, p[k].kind);
				md_text(b, p[k].s, p[k].n, start);
			}
		}
		i = end;
	}
	gv__buf_puts(b, md_marker(para.open));
	gv__buf_dispose(&para.spaces);
}

void
gv__rl_md_line(struct gv_buf *b, const struct gv_rline *line)
{
	struct gv__rl_runs runs;
	struct gv__rl_piece *pieces;
	size_t n;

	gv__rl_runs_init(&runs, line, GV__RL_SANITIZE);
	gv__rl_pieces(&pieces, &n, &runs);
	md_line(b, pieces, n);
	free(pieces);
	gv__rl_runs_dispose(&runs);
}

static void
md_block(struct gv_buf *b, const char *text, size_t n)
{
	if (b->size)
		gv__buf_putc(b, '\n');
	gv__buf_put(b, text, n);
	gv__buf_putc(b, '\n');
}

static void
md_file_heading(struct gv_buf *b, const struct gv_rfile *f)
{
	struct gv_buf h = GV_BUF_INIT;
	char *name, *clean;

	gv__buf_puts(&h, "## ");
	if (f->old_path && f->new_path && strcmp(f->old_path, f->new_path) != 0)
		name = gv__xsprintf("%s \xE2\x86\x92 %s", f->old_path,
		                    f->new_path);
	else
		name = gv__xstrdup(f->new_path ? f->new_path : f->old_path);
	clean = gv_text_sanitize(name, 0);
	md_text(&h, clean, strlen(clean), 0);
	gv__buf_puts(&h, !f->old_path   ? " (new file)"
	                 : !f->new_path ? " (deleted)"
	                                : "");
	md_block(b, h.ptr, h.size);
	gv__buf_dispose(&h);
	free(clean);
	free(name);
}

/* A changed line's paragraph after the head's line number (issue 20,
 * item 7): what a reviewer quotes, and `gavel review add --line` takes.
 * A line the head does not have (struck whole) has none. */
static void
md_numbered(struct gv_buf *b, const struct gv_rline *line,
            const struct gv_buf *para)
{
	struct gv_buf block = GV_BUF_INIT;

	if (line->new_no)
		gv__buf_printf(&block, "Line %d: ", line->new_no);
	gv__buf_put(&block, para->ptr, para->size);
	md_block(b, block.ptr, block.size);
	gv__buf_dispose(&block);
}

static void
md_file(struct gv_buf *b, const struct gv_rfile *f)
{
	struct gv_buf para = GV_BUF_INIT, heading = GV_BUF_INIT;
	const struct gv_rline *line;
	const char *section = NULL;
	size_t j, k;
	char *clean;

	md_file_heading(b, f);
	if (f->binary)
		md_block(b, "Binary file changed.", 20);
	for (j = 0; !f->binary && j < f->nhunks; j++) {
		for (k = 0; k < f->hunks[j].nlines; k++) {
			line = &f->hunks[j].lines[k];
			if (line->kind == GV_RLINE_CONTEXT)
				continue;
			para.size = 0;
			gv__rl_md_line(&para, line);
			if (para.size && line->section &&
			    !gv__rl_same_section(line->section, section)) {
				clean = gv_text_sanitize(line->section, 0);
				heading.size = 0;
				gv__buf_puts(&heading, "### ");
				md_text(&heading, clean, strlen(clean), 0);
				md_block(b, heading.ptr, heading.size);
				section = line->section;
				free(clean);
			}
			if (para.size)
				md_numbered(b, line, &para);
		}
	}
	gv__buf_dispose(&para);
	gv__buf_dispose(&heading);
}

void
gv__rl_write_md(struct gv_buf *b, const struct gv_redline *r)
{
	size_t i;

	for (i = 0; i < r->nfiles; i++)
		md_file(b, &r->files[i]);
}
