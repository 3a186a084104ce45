/* SPDX-License-Identifier: MIT */
/*
 * This file implements building one file of a redline: libgit2's line
 * diff of its two blobs gives the changed lines (core/git_redline_hunks.c
 * pairs and diffs them by words); every line is labelled with the
 * Markdown heading it sits under, in its revision.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "git_redline.h"
#include "gavel/text.h"

/* A heading's text in its blob; its entry in the file's sections once a
 * changed line needs it, or -1. */
struct heading {
	const char *s;
	size_t n;
	int section;
	int owned; /* s copied out of the blob */
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
	o->heads[o->nheads].owned = 0;
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

/* The hunks of one file's patch, each built as its raw lines are let go. */
static int
file_hunks(struct gv_rfile *f, struct gv__raw_file *rf, struct outline *old,
           struct outline *new, const char *only)
{
	size_t h, alloc = 0;
	int error = 0;

	for (h = 0; h < rf->nhunks && error == 0; h++) {
		const struct gv__raw_hunk *x = &rf->hunks[h];
		struct gv_rhunk hunk = {0};

		error = gv__raw_hunk_lines(&hunk.lines, &hunk.nlines,
		                           rf->lines + x->first, x->n);
		hunk.old_start = x->old_start;
		hunk.old_lines = x->old_lines;
		hunk.new_start = x->new_start;
		hunk.new_lines = x->new_lines;
		if (error < 0 || !hunk_sections(&hunk, f, old, new, only)) {
			gv__rhunk_dispose(&hunk);
			continue;
		}
		f->hunks = gv__grow(f->hunks, &alloc, f->nhunks,
		                    sizeof(*f->hunks));
		f->hunks[f->nhunks++] = hunk;
	}
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
	size_t i;

	for (i = 0; i < o->nheads; i++)
		if (o->heads[i].owned)
			free((char *)o->heads[i].s);
	free(o->of_line);
	free(o->heads);
	git_blob_free(o->blob);
	memset(o, 0, sizeof(*o));
}

/* The heading above a line of the blob, copied out of it. */
static void
heading_keep(struct outline *o, int line_no)
{
	struct heading *h;
	int k;

	if (line_no < 1 || (size_t)line_no > o->nlines ||
	    (k = o->of_line[line_no - 1]) < 0 || o->heads[k].owned)
		return;
	h = &o->heads[k];
	h->s = gv__xstrndup(h->s, h->n);
	h->owned = 1;
}

/*
 * Lets the base's blob go before the redline's lines are built, so that
 * the two blobs and the lines copied out of them are never all held at
 * once (issue 21: a 20 MB guideline at most 1.2 times git's peak). The
 * line diff takes context lines from the head's blob (as git's xdiff
 * does); the text of a line in the base's, and the heading above a
 * deleted line, are copied.
 */
static void
old_blob_release(struct gv__raw_file *rf, struct outline *old)
{
	const char *text = rf->text[0];
	size_t i;

	for (i = 0; text && i < rf->nlines; i++) {
		struct gv__raw *r = &rf->lines[i];

		if (r->origin == GIT_DIFF_LINE_DELETION)
			heading_keep(old, r->old_no);
		if (r->owned || r->s < text || r->s >= text + rf->size[0])
			continue;
		r->s = gv__xstrndup(r->s, r->n);
		r->owned = 1;
	}
	rf->text[0] = NULL;
	git_blob_free(old->blob);
	old->blob = NULL;
}

int
gv__redline_file(struct gv_rfile *f, git_repository *repo, git_diff *diff,
                 size_t i, const git_diff_options *opts, const char *only)
{
	const git_diff_delta *d = git_diff_get_delta(diff, i);
	struct outline old = {0}, new = {0};
	struct gv__raw_file rf = {0};
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
	/* The line diff of the blobs the outlines read too, so that each is
	 * inflated once: git_patch_from_diff would read them again, from
	 * libgit2's cache only below its size limit (core/git_init.c). */
	if ((error = side_blob(&old, repo, &d->old_file)) < 0 ||
	    (error = side_blob(&new, repo, &d->new_file)) < 0 ||
	    (error = gv__raw_diff(&rf, old.blob, new.blob, d->new_file.path,
	                          opts)) < 0)
		goto out;
	f->binary = rf.binary;
	if (!f->binary) {
		f->added = (int)rf.adds;
		f->deleted = (int)rf.dels;
		side_outline(&old);
		side_outline(&new);
		old_blob_release(&rf, &old);
		error = file_hunks(f, &rf, &old, &new, only);
	}
out:
	gv__raw_dispose(&rf);
	outline_dispose(&old);
	outline_dispose(&new);
	return error;
}
