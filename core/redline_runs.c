/* SPDX-License-Identifier: MIT */
/*
 * This file implements what every redline writer builds on: a line's text
 * as runs (consecutive spans of one kind merged), cut into pieces at word
 * boundaries, and the comparison of section headings.
 */
#include <stdlib.h>
#include <string.h>

#include "gavel/text.h"
#include "internal.h"
#include "redline_runs.h"

static enum gv_span_kind
line_span_kind(const struct gv_rline *line, const struct gv_span *span)
{
	switch (line->kind) {
	case GV_RLINE_CONTEXT:
		return GV_SPAN_SAME;
	case GV_RLINE_DELETED:
		return GV_SPAN_DEL;
	case GV_RLINE_ADDED:
		return GV_SPAN_INS;
	case GV_RLINE_CHANGED:
		break;
	}
	return span->kind;
}

static void
runs_flush(struct gv__rl_runs *runs, size_t *alloc, struct gv_buf *text,
           enum gv_span_kind kind)
{
	if (!text->size)
		return;
	runs->v = gv__grow(runs->v, alloc, runs->n, sizeof(*runs->v));
	runs->v[runs->n].kind = kind;
	runs->v[runs->n].len = text->size;
	runs->v[runs->n].text = gv__buf_detach(text);
	runs->n++;
}

void
gv__rl_runs_init(struct gv__rl_runs *runs, const struct gv_rline *line,
                 unsigned flags)
{
	struct gv_buf text = GV_BUF_INIT;
	enum gv_span_kind kind = GV_SPAN_SAME, k;
	size_t alloc = 0, i;
	char *clean;

	runs->v = NULL;
	runs->n = 0;
	for (i = 0; i < line->nspans; i++) {
		if (!line->spans[i].text || !line->spans[i].text[0])
			continue;
		k = line_span_kind(line, &line->spans[i]);
		if (k != kind)
			runs_flush(runs, &alloc, &text, kind);
		kind = k;
		gv__buf_puts(&text, line->spans[i].text);
	}
	runs_flush(runs, &alloc, &text, kind);
	gv__buf_dispose(&text);
	if (!(flags & GV__RL_SANITIZE))
		return;
	for (i = 0; i < runs->n; i++) {
		clean = gv_text_sanitize(runs->v[i].text, 0);
		free(runs->v[i].text);
		runs->v[i].text = clean;
		runs->v[i].len = strlen(clean);
	}
}

void
gv__rl_runs_dispose(struct gv__rl_runs *runs)
{
	size_t i;

	for (i = 0; i < runs->n; i++)
		free(runs->v[i].text);
	free(runs->v);
	runs->v = NULL;
	runs->n = 0;
}

void
gv__rl_pieces(struct gv__rl_piece **out, size_t *n,
              const struct gv__rl_runs *runs)
{
	struct gv__rl_piece *v = NULL;
	size_t alloc = 0, i, at, end;
	const char *s;

	*n = 0;
	for (i = 0; i < runs->n; i++) {
		s = runs->v[i].text;
		for (at = 0; at < runs->v[i].len; at = end) {
			int ws = s[at] == ' ' || s[at] == '\t';

			for (end = at; end < runs->v[i].len &&
			               (s[end] == ' ' || s[end] == '\t') == ws;
			     end++)
				;
			v = gv__grow(v, &alloc, *n, sizeof(*v));
			v[*n].kind = runs->v[i].kind;
			v[*n].s = s + at;
			v[*n].n = end - at;
			v[*n].ws = ws;
			(*n)++;
		}
	}
	*out = v;
}

char *
gv__rl_line_text(const struct gv_rline *line)
{
	struct gv_buf b = GV_BUF_INIT;
	size_t i;

	for (i = 0; i < line->nspans; i++)
		if (line->spans[i].text)
			gv__buf_puts(&b, line->spans[i].text);
	return gv__buf_detach(&b);
}

int
gv__rl_same_section(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Paths as git quotes them (quote.c: core.quotePath's default) */
