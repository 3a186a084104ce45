/* SPDX-License-Identifier: MIT */
/*
 * This file implements building a redline: libgit2's tree diff (renames
 * found as git finds them) gives the changed lines of each file; each
 * change's deleted and added lines are paired by similarity and diffed by
 * words (core/git_redline_words.c); every line is labelled with the
 * Markdown heading it sits under, in its revision.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "git_redline.h"
#include "gavel/text.h"

/* Deleted lines pair with added lines this alike (percent of words). */
#define PAIR_SIMILARITY 50
/* How far ahead an added line is looked for, to keep pairing linear. */
#define PAIR_WINDOW 32

/* A diff line as libgit2 gives it, text repaired to valid UTF-8. */
struct raw {
	char origin;
	int old_no, new_no;
	char *text;
};

/* A heading's text in its blob; its entry in the file's sections once a
 * changed line needs it, or -1. */
struct heading {
	const char *s;
	size_t n;
	int section;
};

/* Headings of one revision of a file: the heading above each line. Only
 * headings that output lines sit under become sections, so a guideline
 * with hundreds of headings costs one pass, not a lookup per heading. */
struct outline {
	git_blob *blob; /* holds the text the headings point into */
	struct heading *heads;
	size_t nheads;
	int *of_line; /* index into heads, or -1; by line - 1 */
	size_t nlines;
};

static int
heading_level(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 7 && s[i] == '#')
		i++;
	return i >= 1 && i <= 6 && i < n && (s[i] == ' ' || s[i] == '\t')
	               ? (int)i
	               : 0;
}

static int
section_add(struct gv_rfile *f, const char *s, size_t n)
{
	size_t i;
	char *text;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '#' || s[n - 1] == '\r'))
		n--;
	text = gv_utf8_repair(s, n);
	for (i = 0; i < f->nsections; i++)
		if (!strcmp(f->sections[i], text)) {
			free(text);
			return (int)i;
		}
	f->sections = gv__xrealloc(f->sections,
	                           (f->nsections + 1) * sizeof(*f->sections));
	f->sections[f->nsections] = text;
	return (int)f->nsections++;
}

static int
heading_add(struct outline *o, size_t *alloc, const char *s, size_t n)
{
	o->heads = gv__grow(o->heads, alloc, o->nheads, sizeof(*o->heads));
	o->heads[o->nheads].s = s;
	o->heads[o->nheads].n = n;
	o->heads[o->nheads].section = -1;
	return (int)o->nheads++;
}

/* Labels each line of a blob with its innermost heading. A YAML front
 * matter block at the top is its own section. */
static void
outline_build(struct outline *o, const char *text, size_t len)
{
	size_t i = 0, end, line = 0, alloc = 0, heads_alloc = 0;
	int current = -1, in_front = len >= 4 && !strncmp(text, "---", 3);
	int level;

	if (in_front)
		current = heading_add(o, &heads_alloc, "(front matter)", 14);
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);

		end = nl ? (size_t)(nl - text) : len;
		if (in_front) {
			if (line > 0 && end - i >= 3 &&
			    !strncmp(text + i, "---", 3))
				in_front = 0;
		} else if ((level = heading_level(text + i, end - i))) {
			const char *h = text + i + level;

			while (*h == ' ')
				h++;
			current = heading_add(o, &heads_alloc, h,
			                      (size_t)(text + end - h));
		}
		o->of_line =
		        gv__grow(o->of_line, &alloc, line, sizeof(*o->of_line));
		o->of_line[line++] = current;
		i = end + 1;
	}
	o->nlines = line;
}

static const char *
outline_at(struct outline *o, struct gv_rfile *f, int line_no)
{
	struct heading *h;
	int k;

	if (line_no < 1 || (size_t)line_no > o->nlines)
		return NULL;
	if ((k = o->of_line[line_no - 1]) < 0)
		return NULL;
	h = &o->heads[k];
	if (h->section < 0)
		h->section = section_add(f, h->s, h->n);
	return f->sections[h->section];
}

static void
rline_plain(struct gv_rline *l, enum gv_rline_kind kind, enum gv_span_kind span,
            struct raw *r)
{
	memset(l, 0, sizeof(*l));
	l->kind = kind;
	l->old_no = kind == GV_RLINE_ADDED ? 0 : r->old_no;
	l->new_no = kind == GV_RLINE_DELETED ? 0 : r->new_no;
	l->spans = gv__xcalloc(1, sizeof(*l->spans));
	l->spans[0].kind = span;
	l->spans[0].text = r->text; /* the line's text moves into its span */
	r->text = NULL;
	l->nspans = 1;
}

struct lines {
	struct gv_rline *v;
	size_t n, alloc;
};

static struct gv_rline *
lines_next(struct lines *ls)
{
	ls->v = gv__grow(ls->v, &ls->alloc, ls->n, sizeof(*ls->v));
	return &ls->v[ls->n++];
}

/*
 * One change: deleted lines d[0..nd), added a[0..na). Each deleted line
 * pairs with the first alike added line ahead of the last pair; added
 * lines passed over are whole insertions, unpaired deleted lines whole
 * deletions. Pairs become changed lines, diffed by words.
 */
static int
change_pair(struct lines *out, struct raw *d, size_t nd, struct raw *a,
            size_t na)
{
	size_t i, j, next = 0, best;
	int sim, best_sim, error;
	struct gv_rline *l;

	for (i = 0; i < nd; i++) {
		best = na;
		best_sim = PAIR_SIMILARITY - 1;
		for (j = next; j < na && j < next + PAIR_WINDOW; j++)
			if ((sim = gv__words_similarity(d[i].text, a[j].text)) >
			    best_sim)
				best_sim = sim, best = j;
		if (best == na) {
			rline_plain(lines_next(out), GV_RLINE_DELETED,
			            GV_SPAN_DEL, &d[i]);
			continue;
		}
		for (; next < best; next++)
			rline_plain(lines_next(out), GV_RLINE_ADDED,
			            GV_SPAN_INS, &a[next]);
		l = lines_next(out);
		memset(l, 0, sizeof(*l));
		l->kind = GV_RLINE_CHANGED;
		l->old_no = d[i].old_no;
		l->new_no = a[best].new_no;
		if ((error = gv__words_diff(&l->spans, &l->nspans, d[i].text,
		                            a[best].text)) < 0)
			return error;
		next = best + 1;
	}
	for (; next < na; next++)
		rline_plain(lines_next(out), GV_RLINE_ADDED, GV_SPAN_INS,
		            &a[next]);
	return 0;
}

/* Turns a hunk's raw lines into redline lines. */
static int
hunk_lines(struct lines *out, struct raw *raw, size_t n)
{
	size_t i = 0, d, a;
	int error;

	while (i < n) {
		if (raw[i].origin == GIT_DIFF_LINE_CONTEXT) {
			rline_plain(lines_next(out), GV_RLINE_CONTEXT,
			            GV_SPAN_SAME, &raw[i++]);
			continue;
		}
		for (d = i; d < n && raw[d].origin == GIT_DIFF_LINE_DELETION;
		     d++)
			;
		for (a = d; a < n && raw[a].origin == GIT_DIFF_LINE_ADDITION;
		     a++)
			;
		if ((error = change_pair(out, raw + i, d - i, raw + d, a - d)) <
		    0)
			return error;
		i = a;
	}
	return 0;
}

/* Reads hunk h of a patch into raw lines (text repaired, no newline). */
static struct raw *
hunk_raw(git_patch *patch, size_t h, size_t *n)
{
	size_t count = (size_t)git_patch_num_lines_in_hunk(patch, h), i;
	struct raw *raw = gv__xcalloc(count + 1, sizeof(*raw));
	const git_diff_line *line;

	*n = 0;
	for (i = 0; i < count; i++) {
		size_t len;

		if (git_patch_get_line_in_hunk(&line, patch, h, i) < 0 ||
		    (line->origin != GIT_DIFF_LINE_CONTEXT &&
		     line->origin != GIT_DIFF_LINE_ADDITION &&
		     line->origin != GIT_DIFF_LINE_DELETION))
			continue;
		len = line->content_len;
		while (len && (line->content[len - 1] == '\n' ||
		               line->content[len - 1] == '\r'))
			len--;
		raw[*n].origin = line->origin;
		raw[*n].old_no = line->old_lineno > 0 ? line->old_lineno : 0;
		raw[*n].new_no = line->new_lineno > 0 ? line->new_lineno : 0;
		raw[(*n)++].text = gv_utf8_repair(line->content, len);
	}
	return raw;
}

static void
raw_free(struct raw *raw, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(raw[i].text);
	free(raw);
}

/* Labels lines and the hunk with sections; 1 if the hunk is kept. */
static int
hunk_sections(struct gv_rhunk *h, struct gv_rfile *f, struct outline *old,
              struct outline *new, const char *only)
{
	size_t i;
	int keep = !only;

	for (i = 0; i < h->nlines; i++) {
		struct gv_rline *l = &h->lines[i];

		l->section = l->new_no ? outline_at(new, f, l->new_no)
		                       : outline_at(old, f, l->old_no);
		if (l->kind != GV_RLINE_CONTEXT && !h->section)
			h->section = l->section;
		if (only && l->kind != GV_RLINE_CONTEXT && l->section &&
		    !strncasecmp(l->section, only, strlen(only)))
			keep = 1;
	}
	return keep;
}

void
gv__rhunk_dispose(struct gv_rhunk *h)
{
	size_t i;

	for (i = 0; i < h->nlines; i++)
		gv__spans_free(h->lines[i].spans, h->lines[i].nspans);
	free(h->lines);
}

/* The hunks of one file's patch. */
static int
file_hunks(struct gv_rfile *f, git_patch *patch, struct outline *old,
           struct outline *new, const struct gv_redline_opts *o)
{
	size_t h, nraw, alloc = 0, n = git_patch_num_hunks(patch);
	const git_diff_hunk *gh;
	struct lines ls;
	struct raw *raw;
	int error = 0;

	for (h = 0; h < n && error == 0; h++) {
		struct gv_rhunk hunk = {0};

		/* Each edited paragraph is diffed by words: on a long
		 * guideline, the part that takes time. */
		if (o->progress)
			o->progress("comparing words", h, n, o->payload);
		if (git_patch_get_hunk(&gh, NULL, patch, h) < 0)
			continue;
		memset(&ls, 0, sizeof(ls));
		raw = hunk_raw(patch, h, &nraw);
		error = hunk_lines(&ls, raw, nraw);
		raw_free(raw, nraw);
		hunk.old_start = gh->old_start;
		hunk.old_lines = gh->old_lines;
		hunk.new_start = gh->new_start;
		hunk.new_lines = gh->new_lines;
		hunk.lines = ls.v;
		hunk.nlines = ls.n;
		if (error < 0 ||
		    !hunk_sections(&hunk, f, old, new, o->section)) {
			gv__rhunk_dispose(&hunk);
			continue;
		}
		f->hunks = gv__grow(f->hunks, &alloc, f->nhunks,
		                    sizeof(*f->hunks));
		f->hunks[f->nhunks++] = hunk;
	}
	if (o->progress)
		o->progress("comparing words", n, n, o->payload);
	return error;
}

/* One side's blob, into o; none when the side has none. */
static int
side_blob(struct outline *o, git_repository *repo, const git_diff_file *side)
{
	memset(o, 0, sizeof(*o));
	if (git_oid_is_zero(&side->id))
		return 0;
	if (git_blob_lookup(&o->blob, repo, &side->id) < 0)
		return gv__error_set(GV_ERRCLASS_REDLINE, GV_ERROR,
		                     "cannot read %s", side->path);
	return 0;
}

/* The outline of one side's blob; empty when there is none. */
static void
side_outline(struct outline *o)
{
	if (o->blob)
		outline_build(o, git_blob_rawcontent(o->blob),
		              (size_t)git_blob_rawsize(o->blob));
}

static void
outline_dispose(struct outline *o)
{
	free(o->of_line);
	free(o->heads);
	git_blob_free(o->blob);
}

int
gv__redline_file(struct gv_rfile *f, git_repository *repo, git_diff *diff,
                 size_t i, const git_diff_options *gopts,
                 const struct gv_redline_opts *o)
{
	const git_diff_delta *d = git_diff_get_delta(diff, i);
	struct outline old = {0}, new = {0};
	git_patch *patch = NULL;
	size_t adds = 0, dels = 0;
	int error = 0;

	memset(f, 0, sizeof(*f));
	f->status = d->status == GIT_DELTA_ADDED     ? 'A'
	            : d->status == GIT_DELTA_DELETED ? 'D'
	            : d->status == GIT_DELTA_RENAMED ? 'R'
	                                             : 'M';
	f->old_path = f->status == 'A' ? NULL : gv__xstrdup(d->old_file.path);
	f->new_path = f->status == 'D' ? NULL : gv__xstrdup(d->new_file.path);
	if (!git_oid_is_zero(&d->old_file.id))
		git_oid_tostr(f->old_blob, sizeof(f->old_blob),
		              &d->old_file.id);
	if (!git_oid_is_zero(&d->new_file.id))
		git_oid_tostr(f->new_blob, sizeof(f->new_blob),
		              &d->new_file.id);
	/* The patch from the blobs the outlines read too, so that each is
	 * inflated once: git_patch_from_diff would read them again, from
	 * libgit2's cache only below its size limit (core/git_init.c). */
	if ((error = side_blob(&old, repo, &d->old_file)) < 0 ||
	    (error = side_blob(&new, repo, &d->new_file)) < 0)
		goto out;
	if (git_patch_from_blobs(&patch, old.blob, d->old_file.path, new.blob,
	                         d->new_file.path, gopts) < 0) {
		error = gv__error_set(GV_ERRCLASS_REDLINE, GV_ERROR,
		                      "cannot diff %s", d->new_file.path);
		goto out;
	}
	f->binary =
	        (git_patch_get_delta(patch)->flags & GIT_DIFF_FLAG_BINARY) != 0;
	if (!f->binary) {
		git_patch_line_stats(NULL, &adds, &dels, patch);
		f->added = (int)adds;
		f->deleted = (int)dels;
		side_outline(&old);
		side_outline(&new);
		error = file_hunks(f, patch, &old, &new, o);
	}
out:
	outline_dispose(&old);
	outline_dispose(&new);
	git_patch_free(patch);
	return error;
}
