/* SPDX-License-Identifier: MIT */
/*
 * This file implements what every view shares: its rows of typed
 * segments, wrapping text to the width (UTF-8 names in their true width,
 * stored text made safe first), loading and laying out, and the cursor.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "gavel/text.h"
#include "tui.h"

static void *
xrealloc(void *p, size_t n)
{
	if (!(p = realloc(p, n ? n : 1)))
		abort();
	return p;
}

static char *
xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		abort();
	return d;
}

struct view *
view_new(const struct view_ops *ops, struct gv_db *db, const char *arg)
{
	struct view *v = calloc(1, sizeof(*v));

	if (!v)
		abort();
	v->ops = ops;
	v->db = db;
	v->arg = arg ? xstrdup(arg) : NULL;
	snprintf(v->title, sizeof(v->title), "%s", ops->name);
	return v;
}

void
view_clear(struct view *v)
{
	size_t i, j;

	for (i = 0; i < v->nlines; i++) {
		for (j = 0; j < v->lines[i].nsegs; j++)
			free(v->lines[i].segs[j].text);
		free(v->lines[i].segs);
	}
	v->nlines = 0;
}

void
view_free(struct view *v)
{
	if (!v)
		return;
	view_clear(v);
	free(v->lines);
	if (v->ops->done)
		v->ops->done(v);
	free(v->arg);
	free(v);
}

void
view_relayout(struct view *v, size_t cols)
{
	size_t cursor = v->cursor;

	view_clear(v);
	v->cols = cols;
	v->ops->layout(v, cols);
	v->cursor =
	        v->nlines ? (cursor < v->nlines ? cursor : v->nlines - 1) : 0;
	if (v->offset > v->cursor)
		v->offset = v->cursor;
}

int
view_load(struct view *v, size_t cols)
{
	int first = !v->lines;
	size_t i;

	if (v->ops->done && v->data)
		v->ops->done(v);
	v->data = NULL;
	if (v->ops->open(v) < 0)
		return -1;
	view_relayout(v, cols);
	/* Opened: the cursor on the first row that opens something, not on
	 * a heading. */
	for (i = 0; first && !v->cursor && i < v->nlines; i++)
		if (v->lines[i].data) {
			v->cursor = i;
			break;
		}
	return 0;
}

struct line *
line_new(struct view *v, void *data)
{
	struct line *l;

	if (v->nlines == v->alloc) {
		v->alloc = v->alloc ? v->alloc * 2 : 64;
		v->lines = xrealloc(v->lines, v->alloc * sizeof(*v->lines));
	}
	l = &v->lines[v->nlines++];
	memset(l, 0, sizeof(*l));
	l->data = data;
	return l;
}

void
seg(struct line *l, enum line_type type, const char *text)
{
	l->segs = xrealloc(l->segs, (l->nsegs + 1) * sizeof(*l->segs));
	l->segs[l->nsegs].type = type;
	l->segs[l->nsegs].text = gv_text_sanitize(text ? text : "", 0);
	l->nsegs++;
}

void
segf(struct line *l, enum line_type type, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	seg(l, type, buf);
}

size_t
line_cols(const struct line *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->nsegs; i++)
		n += gv_text_width(l->segs[i].text);
	return n;
}

void
line_blank(struct view *v)
{
	line_new(v, NULL);
}

/* Columns of the UTF-8 character at s (its length in *len). */
static int
char_cols(const char *s, size_t *len)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;
	int w;

	memset(&st, 0, sizeof(st));
	n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*len = 1;
		return 1;
	}
	*len = n;
	w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

char *
text_fit(const char *text, size_t cols, int pad)
{
	char *safe = gv_text_sanitize(text ? text : "", 0), *out;
	size_t used = 0, i = 0, len, cut = 0;

	/* Find where cols - 1 columns end, in case "…" is needed. */
	while (safe[i]) {
		int w = char_cols(safe + i, &len);

		if (used + (size_t)w > cols)
			break;
		if (used + (size_t)w <= cols - (cols > 0))
			cut = i + len;
		used += (size_t)w;
		i += len;
	}
	if (safe[i]) {
		out = xrealloc(NULL, cut + 4 + cols);
		memcpy(out, safe, cut);
		memcpy(out + cut, "…", 3);
		len = cut + 3;
		used = cols;
	} else {
		out = xrealloc(NULL, i + 1 + cols);
		memcpy(out, safe, i);
		len = i;
	}
	while (pad && used < cols) {
		out[len++] = ' ';
		used++;
	}
	out[len] = '\0';
	free(safe);
	return out;
}

/* One paragraph (no newline) as rows of at most width columns. */
static void
wrap_paragraph(struct view *v, void *data, enum line_type type,
               const char *indent, const char *p, size_t width)
{
	do {
		size_t used = 0, i = 0, brk = 0, len;
		struct line *l;
		char *row;

		while (p[i]) {
			int w = char_cols(p + i, &len);

			if (used + (size_t)w > width)
				break;
			used += (size_t)w;
			i += len;
			if (p[i] == ' ')
				brk = i;
		}
		if (p[i] && brk)
			i = brk;
		row = xrealloc(NULL, i + 1);
		memcpy(row, p, i);
		row[i] = '\0';
		l = line_new(v, data);
		if (*indent)
			seg(l, LINE_DEFAULT, indent);
		seg(l, type, row);
		free(row);
		p += i;
		while (*p == ' ')
			p++;
	} while (*p);
}

void
line_wrap(struct view *v, void *data, enum line_type type, const char *indent,
          const char *text, size_t cols)
{
	char *safe =
	        gv_text_sanitize(text ? text : "", GV_SANITIZE_KEEP_NEWLINES);
	size_t ind = strlen(indent), width = cols > ind + 10 ? cols - ind : 10;
	char *p = safe, *nl;

	do {
		if ((nl = strchr(p, '\n')))
			*nl = '\0';
		wrap_paragraph(v, data, type, indent, p, width);
		p = nl ? nl + 1 : NULL;
	} while (p);
	free(safe);
}

void
line_wrap_hanging(struct view *v, void *data, enum line_type lead_type,
                  const char *lead, enum line_type type, const char *text,
                  size_t cols)
{
	size_t first = v->nlines, w = gv_text_width(lead);
	char pad[128];
	struct line *l;

	if (w >= sizeof(pad))
		w = sizeof(pad) - 1;
	memset(pad, ' ', w);
	pad[w] = '\0';
	line_wrap(v, data, type, pad, text, cols);
	/* The first row starts with the lead instead of its blanks. */
	l = &v->lines[first];
	free(l->segs[0].text);
	l->segs[0].text = gv_text_sanitize(lead, 0);
	l->segs[0].type = lead_type;
}

void
view_goto(struct view *v, size_t row, size_t height)
{
	if (!v->nlines)
		return;
	if (row >= v->nlines)
		row = v->nlines - 1;
	v->cursor = row;
	if (row < v->offset)
		v->offset = row;
	else if (height && row >= v->offset + height)
		v->offset = row - height + 1;
}

/* Adds text of a type to the rows being built, breaking at spaces (or
 * inside a word longer than a row) so no row passes width columns. */
struct wrap {
	struct view *view;
	void *data;
	const char *gutter; /* on the first row; spaces of its width after */
	size_t width, used;
	struct line *row;
	int mark;
};

static void
wrap_row(struct wrap *w)
{
	size_t n = gv_text_width(w->gutter);
	char pad[64];

	w->row = line_new(w->view, w->data);
	w->row->mark = w->mark;
	w->mark = 0;
	if (n >= sizeof(pad))
		n = sizeof(pad) - 1;
	memset(pad, ' ', n);
	pad[n] = '\0';
	seg(w->row, LINE_DIM, w->used == (size_t)-1 ? w->gutter : pad);
	w->used = n;
}

void
line_spans(struct view *v, void *data, int mark, const char *gutter,
           const enum line_type *types, const char *const *texts, size_t n,
           size_t cols)
{
	struct wrap w = {v, data, gutter, cols, (size_t)-1, NULL, mark};
	size_t i;

	wrap_row(&w);
	for (i = 0; i < n; i++) {
		char *safe = gv_text_sanitize(texts[i], 0);
		const char *p = safe;

		while (*p) {
			/* The next word with the spaces before it. */
			size_t len = strspn(p, " "), cw = 0, clen, k;
			char *piece;

			len += strcspn(p + len, " ");
			for (k = 0; k < len; k += clen)
				cw += (size_t)char_cols(p + k, &clen);
			if (w.used + cw > w.width &&
			    w.used > gv_text_width(gutter)) {
				wrap_row(&w);
				p += strspn(p, " ");
				continue;
			}
			if (w.used + cw > w.width) {
				/* Longer than a row: as much as fits. */
				cw = 0;
				for (len = 0; p[len]; len += clen) {
					int c = char_cols(p + len, &clen);

					if (w.used + cw + (size_t)c > w.width)
						break;
					cw += (size_t)c;
				}
				if (!len)
					len = 1;
			}
			piece = xrealloc(NULL, len + 1);
			memcpy(piece, p, len);
			piece[len] = '\0';
			seg(w.row, types[i], piece);
			free(piece);
			w.used += cw;
			p += len;
		}
		free(safe);
	}
}

const char *
bar_text(char *buf, size_t size, int n, const char *fill)
{
	size_t len = strlen(fill), used = 0;

	while (n-- > 0 && used + len < size) {
		memcpy(buf + used, fill, len);
		used += len;
	}
	buf[used] = '\0';
	return buf;
}
