/* SPDX-License-Identifier: MIT */
/*
 * This file implements the word level of a redline: a changed line is cut
 * into tokens (words, runs of white space, single punctuation marks), the
 * two token streams are diffed by libgit2's own engine (one token per
 * line, git_diff_buffers) rather than by a second diff algorithm, and the
 * result becomes spans of same, deleted and inserted text. Deleted and
 * added lines of a change are first paired by similarity, so a one-word
 * edit in a 1,400-character paragraph marks one word.
 */
#include <stdlib.h>
#include <string.h>

#include "git_redline.h"

/* A token's class: W word (letters, digits, _ and any non-ASCII byte),
 * S space or tab, P punctuation (each mark its own token, unless inside
 * a word), by byte: a table, as every byte of a changed paragraph is
 * classed at least twice. */
enum { W, S, P };
#define P8  P, P, P, P, P, P, P, P
#define W8  W, W, W, W, W, W, W, W
#define W16 W8, W8
/* One row of the table per 16 bytes, kept as written. */
/* clang-format off */
static const unsigned char token_classes[256] = {
	/* 0x00 */ P, P, P, P, P, P, P, P, P, S, P, P, P, P, P, P,
	/* 0x10 */ P8, P8,
	/* 0x20  !"#$%&'()*+,-./ */ S, P, P, P, P, P, P, P, P8,
	/* 0x30 0-9 :;<=>? */ W8, W, W, P, P, P, P, P, P,
	/* 0x40 @A-O */ P, W, W, W, W, W, W, W, W8,
	/* 0x50 P-Z [\]^_ */ W8, W, W, W, P, P, P, P, W,
	/* 0x60 `a-o */ P, W, W, W, W, W, W, W, W8,
	/* 0x70 p-z {|}~ DEL */ W8, W, W, W, P, P, P, P, P,
	/* 0x80-0xFF */ W16, W16, W16, W16, W16, W16, W16, W16,
};
/* clang-format on */

static int
token_class(unsigned char c)
{
	return token_classes[c];
}

/* The length of the token s starts with (n > 0 bytes). */
static size_t
token_len(const char *s, size_t n)
{
	int k = token_class((unsigned char)s[0]);
	size_t j = 1;

	for (;;) {
		while (k != 2 && j < n && token_class((unsigned char)s[j]) == k)
			j++;
		/* A mark between word characters stays in the word:
		 * "1.0.9", "S/MIME", "3.2.2.4" read whole. */
		if (k != 0 || j + 1 >= n || !strchr(".,/-:'", s[j]) ||
		    token_class((unsigned char)s[j + 1]) != 0)
			return j;
		j++;
	}
}

/* The text as tokens, one per line, for git_diff_buffers. */
static char *
tokens(const char *s, size_t n, size_t *len, size_t *count)
{
	struct gv_buf b = GV_BUF_INIT;
	size_t i = 0, j;

	*count = 0;
	while (i < n) {
		j = i + token_len(s + i, n - i);
		gv__buf_put(&b, s + i, j - i);
		gv__buf_putc(&b, '\n');
		(*count)++;
		i = j;
	}
	*len = b.size;
	return gv__buf_detach(&b);
}

struct spans {
	struct gv_span *v;
	size_t n, alloc;
};

static void
span_add(struct spans *s, enum gv_span_kind kind, const char *text, size_t n)
{
	if (s->n && s->v[s->n - 1].kind == kind) {
		struct gv_span *last = &s->v[s->n - 1];
		size_t have = strlen(last->text);

		last->text = gv__xrealloc(last->text, have + n + 1);
		memcpy(last->text + have, text, n);
		last->text[have + n] = '\0';
		return;
	}
	s->v = gv__grow(s->v, &s->alloc, s->n, sizeof(*s->v));
	s->v[s->n].kind = kind;
	s->v[s->n++].text = gv__xstrndup(text, n);
}

static int
on_token(const git_diff_delta *delta, const git_diff_hunk *hunk,
         const git_diff_line *line, void *payload)
{
	struct spans *s = payload;
	size_t n = line->content_len;

	(void)delta, (void)hunk;
	if (n && line->content[n - 1] == '\n')
		n--;
	if (line->origin == GIT_DIFF_LINE_CONTEXT)
		span_add(s, GV_SPAN_SAME, line->content, n);
	else if (line->origin == GIT_DIFF_LINE_DELETION)
		span_add(s, GV_SPAN_DEL, line->content, n);
	else if (line->origin == GIT_DIFF_LINE_ADDITION)
		span_add(s, GV_SPAN_INS, line->content, n);
	return 0;
}

static int
blank(const char *s)
{
	return *s && strspn(s, " \t") == strlen(s);
}

static char *
concat3(const char *a, const char *b, const char *c)
{
	return gv__xsprintf("%s%s%s", a, b, c);
}

/*
 * Slides each lone insertion or deletion between two runs of same text as
 * far right as it goes, token by token, as git's diff compacts its
 * changes: "Entity {+Identifier, or EUID ... Unique +}Identifier," reads
 * "Entity Identifier, {+or EUID ... Unique Identifier, +}followed".
 */
static void
slide(struct spans *s)
{
	size_t i;

	for (i = 1; i + 1 < s->n; i++) {
		struct gv_span *a = &s->v[i - 1], *x = &s->v[i],
		               *b = &s->v[i + 1];
		size_t xn, bn, t, an;
		char *moved;

		if (a->kind != GV_SPAN_SAME || x->kind == GV_SPAN_SAME ||
		    b->kind != GV_SPAN_SAME)
			continue;
		xn = strlen(x->text);
		bn = strlen(b->text);
		an = strlen(a->text);
		/* Every token moved leaves b's head and joins a's tail. */
		while (xn && bn && (t = token_len(x->text, xn)) <= bn &&
		       token_len(b->text, bn) == t &&
		       !memcmp(x->text, b->text, t)) {
			a->text = gv__xrealloc(a->text, an + t + 1);
			memcpy(a->text + an, x->text, t);
			a->text[an += t] = '\0';
			moved = gv__xsprintf("%s%.*s", x->text + t, (int)t,
			                     b->text);
			free(x->text);
			x->text = moved;
			memmove(b->text, b->text + t, bn - t + 1);
			bn -= t;
		}
		if (!bn) {
			/* b is used up: x now ends the line, or meets the
			 * next change. */
			free(b->text);
			memmove(b, b + 1, (s->n - i - 2) * sizeof(*b));
			s->n--;
		}
	}
}

/* The width of the change at i: 2 for a replacement (a deletion and the
 * insertion after it), 1 for a lone deletion or insertion, 0 for none. */
static size_t
change_at(const struct spans *s, size_t i)
{
	if (i >= s->n || s->v[i].kind == GV_SPAN_SAME)
		return 0;
	if (s->v[i].kind == GV_SPAN_DEL && i + 1 < s->n &&
	    s->v[i + 1].kind == GV_SPAN_INS)
		return 2;
	return 1;
}

/*
 * Joins two changes of the same shape (both replacements, both deletions
 * or both insertions) that only spaces separate, as git's word diff does:
 * "[-May-]{+July+} [-14-]{+2+}" reads "[-May 14-]{+July 2+}".
 */
static void
coalesce(struct spans *s)
{
	size_t i = 0, gap, w, p;

	while (i < s->n) {
		struct gv_span *v = s->v;

		if (!(w = change_at(s, i))) {
			i++;
			continue;
		}
		gap = i + w;
		if (gap >= s->n || !blank(v[gap].text) ||
		    change_at(s, gap + 1) != w ||
		    v[gap + 1].kind != v[i].kind) {
			i += w;
			continue;
		}
		for (p = 0; p < w; p++) {
			char *t = concat3(v[i + p].text, v[gap].text,
			                  v[gap + 1 + p].text);

			free(v[i + p].text);
			free(v[gap + 1 + p].text);
			v[i + p].text = t;
		}
		free(v[gap].text);
		memmove(v + gap, v + gap + 1 + w,
		        (s->n - gap - 1 - w) * sizeof(*v));
		s->n -= 1 + w;
	}
}

/* Whether a token starts at i of s (n bytes) whatever came before: a
 * non-space after a space. */
static int
fresh_start(const char *s, size_t i, size_t n)
{
	return i > 0 && i < n && s[i - 1] == ' ' && s[i] != ' ';
}

/*
 * The lengths of the common head and tail of a and b, each ending or
 * starting where a token starts in both, so the middles tokenize exactly
 * as the whole lines would. Most changed lines are one edited word in a
 * long paragraph: only the middle goes to the token diff.
 */
static void
common_ends(const char *a, size_t an, const char *b, size_t bn, size_t *head,
            size_t *tail)
{
	size_t p = 0, k = 0, max = an < bn ? an : bn;

	while (p < max && a[p] == b[p])
		p++;
	while (p > 0 && !(fresh_start(a, p, an) && fresh_start(b, p, bn)))
		p--;
	while (k < max - p && a[an - 1 - k] == b[bn - 1 - k])
		k++;
	while (k > 0 &&
	       !(fresh_start(a, an - k, an) && fresh_start(b, bn - k, bn)))
		k--;
	*head = p;
	*tail = k;
}

/* Diffs a and b token by token with libgit2's engine into s. */
static int
diff_tokens(struct spans *s, const char *old, size_t on, const char *new,
            size_t nn)
{
	git_diff_options opts;
	size_t olen, nlen, ocount, ncount, ot, nt;
	char *a, *b;
	int rc;

	if (!on || !nn) {
		span_add(s, on ? GV_SPAN_DEL : GV_SPAN_INS, on ? old : new,
		         on ? on : nn);
		return 0;
	}
	/* One word for another (and the same space after each), the usual
	 * edit once the common ends are cut: the engine could only answer
	 * "replaced". */
	ot = token_len(old, on);
	nt = token_len(new, nn);
	if (on - ot == nn - nt && !memcmp(old + ot, new + nt, on - ot) &&
	    (ot == on || (token_class((unsigned char)old[ot]) == S &&
	                  token_len(old + ot, on - ot) == on - ot))) {
		span_add(s, GV_SPAN_DEL, old, ot);
		span_add(s, GV_SPAN_INS, new, nt);
		if (ot < on)
			span_add(s, GV_SPAN_SAME, old + ot, on - ot);
		return 0;
	}
	a = tokens(old, on, &olen, &ocount);
	b = tokens(new, nn, &nlen, &ncount);
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	/* One hunk holding every token, unchanged ones as context. */
	opts.context_lines = (uint32_t)(ocount + ncount + 1);
	opts.interhunk_lines = opts.context_lines;
	opts.flags = GIT_DIFF_FORCE_TEXT;
	rc = git_diff_buffers(a, olen, NULL, b, nlen, NULL, &opts, NULL, NULL,
	                      NULL, on_token, s);
	free(a);
	free(b);
	return rc;
}

int
gv__words_diff(struct gv_span **out, size_t *nout, const char *old, size_t on,
               const char *new, size_t nn)
{
	size_t head, tail;
	struct spans s = {0};
	int rc = 0;

	if (on == nn && !memcmp(old, new, on)) {
		if (on)
			span_add(&s, GV_SPAN_SAME, new, nn);
	} else {
		common_ends(old, on, new, nn, &head, &tail);
		if (head)
			span_add(&s, GV_SPAN_SAME, new, head);
		rc = diff_tokens(&s, old + head, on - head - tail, new + head,
		                 nn - head - tail);
		if (tail)
			span_add(&s, GV_SPAN_SAME, new + nn - tail, tail);
	}
	slide(&s);
	coalesce(&s);
	if (rc < 0) {
		gv__spans_free(s.v, s.n);
		return gv__error_set(GV_ERRCLASS_REDLINE, GV_ERROR,
		                     "cannot diff a changed line");
	}
	*out = s.v;
	*nout = s.n;
	return 0;
}

void
gv__spans_free(struct gv_span *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

/* Sorts a line's word hashes: by insertion when there are few, else by
 * their bytes, lowest first (radix). qsort's calls of a comparison were
 * most of the pairing's time (bench/redline.sh). */
static void
hashes_sort(uint32_t *v, size_t n)
{
	size_t i, j, k, sum, c, count[256];
	uint32_t *tmp, *from = v, *to, *t, x;
	int shift;

	if (n < 48) {
		for (i = 1; i < n; i++) {
			x = v[i];
			for (j = i; j > 0 && v[j - 1] > x; j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
		return;
	}
	to = tmp = gv__xmalloc(n * sizeof(*tmp));
	for (shift = 0; shift < 32; shift += 8) {
		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[(from[i] >> shift) & 255]++;
		for (sum = 0, k = 0; k < 256; k++)
			c = count[k], count[k] = sum, sum += c;
		for (i = 0; i < n; i++)
			to[count[(from[i] >> shift) & 255]++] = from[i];
		t = from, from = to, to = t;
	}
	free(tmp); /* four passes: the sorted hashes are back in v */
}

void
gv__words_hash(struct gv__words *w, const char *s, size_t len)
{
	size_t i = 0, j, alloc = 0;
	uint32_t h;

	w->h = NULL;
	w->n = 0;
	while (i < len) {
		int k = token_class((unsigned char)s[i]);

		for (j = i + 1;
		     k != P && j < len && token_class((unsigned char)s[j]) == k;
		     j++)
			;
		if (k != S) {
			for (h = 2166136261u; i < j; i++)
				h = (h ^ (unsigned char)s[i]) * 16777619u;
			w->h = gv__grow(w->h, &alloc, w->n, sizeof(*w->h));
			w->h[w->n++] = h;
		}
		i = j;
	}
	hashes_sort(w->h, w->n);
}

/* The words two lines share (as multisets, by hash) and ends more, over
 * the words of both and ends more each. */
static int
alike(const struct gv__words *a, const struct gv__words *b, size_t ends)
{
	size_t i = 0, j = 0, common = ends, total = a->n + b->n + 2 * ends;

	while (i < a->n && j < b->n) {
		if (a->h[i] == b->h[j])
			common++, i++, j++;
		else if (a->h[i] < b->h[j])
			i++;
		else
			j++;
	}
	return total ? (int)(200 * common / total) : 100;
}

int
gv__words_alike(const struct gv__words *a, const struct gv__words *b)
{
	return alike(a, b, 0);
}

/* How many words s has (len bytes; white space left out). */
static size_t
words_count(const char *s, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len) {
		int k = token_class((unsigned char)s[i++]);

		while (k != P && i < len &&
		       token_class((unsigned char)s[i]) == k)
			i++;
		n += k != S;
	}
	return n;
}

/*
 * The same measure for one pair: the words of the common head and tail
 * are shared as they are; only the middles are hashed and matched. The
 * words of the whole lines are the head's, the middle's and the tail's
 * (the ends are cut where words start), so the measure is the one
 * gv__words_alike gives.
 */
int
gv__words_similarity(const char *a, size_t la, const char *b, size_t lb)
{
	struct gv__words ma, mb;
	size_t head, tail, ends;
	int pct;

	common_ends(a, la, b, lb, &head, &tail);
	ends = words_count(a, head) + words_count(a + la - tail, tail);
	gv__words_hash(&ma, a + head, la - head - tail);
	gv__words_hash(&mb, b + head, lb - head - tail);
	pct = alike(&ma, &mb, ends);
	free(ma.h);
	free(mb.h);
	return pct;
}
