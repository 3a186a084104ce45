/* SPDX-License-Identifier: MIT */
/*
 * This file implements the hunks of a redline: libgit2's line diff of two
 * blobs, taken line by line as it is made (git_diff_blobs: no patch kept
 * beside it), each line's text left where it is in its blob; then each
 * change's deleted and added lines paired by similarity and diffed by
 * words (core/git_redline_words.c).
 */
#include <stdlib.h>
#include <string.h>

#include "gavel/text.h"
#include "git_redline.h"

/* Deleted lines pair with added lines this alike (percent of words). */
#define PAIR_SIMILARITY 50
/* How far ahead an added line is looked for, to keep pairing linear. */
#define PAIR_WINDOW 32

static int
on_file(const git_diff_delta *delta, float progress, void *payload)
{
	struct gv__raw_file *rf = payload;

	(void)progress;
	rf->binary = (delta->flags & GIT_DIFF_FLAG_BINARY) != 0;
	return 0;
}

static int
on_hunk(const git_diff_delta *delta, const git_diff_hunk *h, void *payload)
{
	struct gv__raw_file *rf = payload;
	struct gv__raw_hunk *x;

	(void)delta;
	rf->hunks = gv__grow(rf->hunks, &rf->halloc, rf->nhunks,
	                     sizeof(*rf->hunks));
	x = &rf->hunks[rf->nhunks++];
	x->old_start = h->old_start;
	x->old_lines = h->old_lines;
	x->new_start = h->new_start;
	x->new_lines = h->new_lines;
	x->first = rf->nlines;
	x->n = 0;
	return 0;
}

/* Whether s lies in one of the blobs (libgit2 points its lines there). */
static int
in_blobs(const struct gv__raw_file *rf, const char *s, size_t n)
{
	int i;

	for (i = 0; i < 2; i++)
		if (rf->text[i] && s >= rf->text[i] &&
		    n <= (size_t)(rf->text[i] + rf->size[i] - s))
			return 1;
	return 0;
}

static int
on_line(const git_diff_delta *delta, const git_diff_hunk *hunk,
        const git_diff_line *line, void *payload)
{
	struct gv__raw_file *rf = payload;
	const char *s = line->content, *nul;
	size_t n = line->content_len;
	struct gv__raw *r;

	(void)delta, (void)hunk;
	if (!rf->nhunks || (line->origin != GIT_DIFF_LINE_CONTEXT &&
	                    line->origin != GIT_DIFF_LINE_ADDITION &&
	                    line->origin != GIT_DIFF_LINE_DELETION))
		return 0;
	rf->adds += line->origin == GIT_DIFF_LINE_ADDITION;
	rf->dels += line->origin == GIT_DIFF_LINE_DELETION;
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	/* A line's text ends at a NUL, as a C string's would. */
	if ((nul = memchr(s, '\0', n)))
		n = (size_t)(nul - s);
	rf->lines =
	        gv__grow(rf->lines, &rf->alloc, rf->nlines, sizeof(*rf->lines));
	r = &rf->lines[rf->nlines++];
	rf->hunks[rf->nhunks - 1].n++;
	r->origin = line->origin;
	r->old_no = line->old_lineno > 0 ? line->old_lineno : 0;
	r->new_no = line->new_lineno > 0 ? line->new_lineno : 0;
	r->s = s;
	r->n = n;
	r->owned = 0;
	/* Nearly every line of a guideline is valid text in its blob. */
	if (!gv_utf8_valid(s, n) || !in_blobs(rf, s, n)) {
		r->s = gv_utf8_repair(s, n);
		r->n = strlen(r->s);
		r->owned = 1;
	}
	return 0;
}

int
gv__raw_diff(struct gv__raw_file *rf, git_blob *old, git_blob *new,
             const char *path, const git_diff_options *opts)
{
	git_blob *side[2] = {old, new};
	int i;

	memset(rf, 0, sizeof(*rf));
	for (i = 0; i < 2; i++)
		if (side[i]) {
			rf->text[i] = git_blob_rawcontent(side[i]);
			rf->size[i] = (size_t)git_blob_rawsize(side[i]);
		}
	if (git_diff_blobs(old, path, new, path, opts, on_file, NULL, on_hunk,
	                   on_line, rf) < 0) {
		gv__raw_dispose(rf);
		return gv__error_set(GV_ERRCLASS_REDLINE, GV_ERROR,
		                     "cannot diff %s", path);
	}
	return 0;
}

static void
raw_drop(struct gv__raw *r)
{
	if (r->owned)
		free((char *)r->s);
	r->s = NULL;
	r->n = 0;
	r->owned = 0;
}

void
gv__raw_dispose(struct gv__raw_file *rf)
{
	size_t i;

	for (i = 0; i < rf->nlines; i++)
		raw_drop(&rf->lines[i]);
	free(rf->lines);
	free(rf->hunks);
	memset(rf, 0, sizeof(*rf));
}

struct lines {
	struct gv_rline *v;
	size_t n, alloc;
};

static struct gv_rline *
lines_next(struct lines *ls)
{
	struct gv_rline *l;

	ls->v = gv__grow(ls->v, &ls->alloc, ls->n, sizeof(*ls->v));
	l = &ls->v[ls->n++];
	memset(l, 0, sizeof(*l));
	return l;
}

static void
rline_plain(struct gv_rline *l, enum gv_rline_kind kind, enum gv_span_kind span,
            struct gv__raw *r)
{
	l->kind = kind;
	l->old_no = kind == GV_RLINE_ADDED ? 0 : r->old_no;
	l->new_no = kind == GV_RLINE_DELETED ? 0 : r->new_no;
	l->spans = gv__xcalloc(1, sizeof(*l->spans));
	l->spans[0].kind = span;
	/* A copy the line owns moves into its span. */
	l->spans[0].text = r->owned ? (char *)r->s : gv__xstrndup(r->s, r->n);
	r->owned = 0;
	raw_drop(r);
	l->nspans = 1;
}

/* The best alike added line for a deleted one among a[from..na), or na. */
static size_t
pair_best(const struct gv__words *dw, struct gv__words *aw, char *hashed,
          const struct gv__raw *a, size_t from, size_t na)
{
	size_t j, best = na;
	int sim, best_sim = PAIR_SIMILARITY - 1;

	for (j = from; j < na && j < from + PAIR_WINDOW; j++) {
		if (!hashed[j]) {
			gv__words_hash(&aw[j], a[j].s, a[j].n);
			hashed[j] = 1;
		}
		if ((sim = gv__words_alike(dw, &aw[j])) > best_sim)
			best_sim = sim, best = j;
	}
	return best;
}

/*
 * One change: deleted lines d[0..nd), added a[0..na). Each deleted line
 * pairs with the first alike added line ahead of the last pair; added
 * lines passed over are whole insertions, unpaired deleted lines whole
 * deletions. Pairs become changed lines, diffed by words.
 */
static int
change_pair(struct lines *out, struct gv__raw *d, size_t nd, struct gv__raw *a,
            size_t na)
{
	struct gv__words *aw = gv__xcalloc(na + 1, sizeof(*aw)), dw;
	char *hashed = gv__xcalloc(na + 1, 1);
	size_t i, next = 0, best;
	struct gv_rline *l;
	int error = 0;

	for (i = 0; i < nd && error == 0; i++) {
		best = na;
		if (next + 1 == na) {
			/* One line to weigh: only the pair's middles hashed. */
			if (gv__words_similarity(d[i].s, d[i].n, a[next].s,
			                         a[next].n) >= PAIR_SIMILARITY)
				best = next;
		} else if (next < na) {
			gv__words_hash(&dw, d[i].s, d[i].n);
			best = pair_best(&dw, aw, hashed, a, next, na);
			free(dw.h);
		}
		if (best == na) {
			rline_plain(lines_next(out), GV_RLINE_DELETED,
			            GV_SPAN_DEL, &d[i]);
			continue;
		}
		for (; next < best; next++)
			rline_plain(lines_next(out), GV_RLINE_ADDED,
			            GV_SPAN_INS, &a[next]);
		l = lines_next(out);
		l->kind = GV_RLINE_CHANGED;
		l->old_no = d[i].old_no;
		l->new_no = a[best].new_no;
		error = gv__words_diff(&l->spans, &l->nspans, d[i].s, d[i].n,
		                       a[best].s, a[best].n);
		raw_drop(&d[i]);
		raw_drop(&a[best]);
		next = best + 1;
	}
	for (; next < na && error == 0; next++)
		rline_plain(lines_next(out), GV_RLINE_ADDED, GV_SPAN_INS,
		            &a[next]);
	for (i = 0; i < na; i++)
		free(aw[i].h);
	free(aw);
	free(hashed);
	return error;
}

int
gv__raw_hunk_lines(struct gv_rline **out, size_t *nout, struct gv__raw *raw,
                   size_t n)
{
	struct lines ls = {0};
	size_t i = 0, d, a;
	int error = 0;

	while (i < n && error == 0) {
		if (raw[i].origin == GIT_DIFF_LINE_CONTEXT) {
			rline_plain(lines_next(&ls), GV_RLINE_CONTEXT,
			            GV_SPAN_SAME, &raw[i++]);
			continue;
		}
		for (d = i; d < n && raw[d].origin == GIT_DIFF_LINE_DELETION;
		     d++)
			;
		for (a = d; a < n && raw[a].origin == GIT_DIFF_LINE_ADDITION;
		     a++)
			;
		error = change_pair(&ls, raw + i, d - i, raw + d, a - d);
		i = a;
	}
	/* A hunk's lines stay as long as the redline: no room to spare. */
	if (ls.n && ls.n < ls.alloc)
		ls.v = gv__xrealloc(ls.v, ls.n * sizeof(*ls.v));
	*out = ls.v;
	*nout = ls.n;
	return error;
}
