/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the redline builder's files share.
 */
#ifndef GV_CORE_GIT_REDLINE_H
#define GV_CORE_GIT_REDLINE_H

#include <stddef.h>
#include <stdint.h>

#include "gavel/redline.h"
#include "git.h"
#include "internal.h"

/* The word diff of one changed line (old and new: on and nn bytes):
 * spans of same, deleted and inserted text (caller frees with
 * gv__spans_free). 0 or GV_ERROR. */
int gv__words_diff(struct gv_span **out, size_t *n, const char *old, size_t on,
                   const char *new, size_t nn);
void gv__spans_free(struct gv_span *v, size_t n);

/* A line's words (white space left out) as sorted hashes. */
struct gv__words {
	uint32_t *h; /* owned */
	size_t n;
};

void gv__words_hash(struct gv__words *w, const char *s, size_t n);

/* How alike two lines are by their words, 0 to 100: from their hashed
 * words, or (the same measure, cheaper for one pair) from their texts. */
int gv__words_alike(const struct gv__words *a, const struct gv__words *b);
int gv__words_similarity(const char *a, size_t la, const char *b, size_t lb);

/* A diff line: its text (no newline, valid UTF-8) in one of the blobs,
 * or a copy the line owns. */
struct gv__raw {
	const char *s;
	size_t n;
	int old_no, new_no;
	char origin; /* GIT_DIFF_LINE_CONTEXT, _ADDITION or _DELETION */
	char owned;
};

struct gv__raw_hunk {
	int old_start, old_lines, new_start, new_lines;
	size_t first, n; /* its lines in the file's */
};

/* One file's patch as libgit2's line diff gives it, before pairing. */
struct gv__raw_file {
	struct gv__raw *lines;
	size_t nlines, alloc;
	struct gv__raw_hunk *hunks;
	size_t nhunks, halloc;
	const char *text[2]; /* the blobs' texts the lines point into */
	size_t size[2];
	int binary;
	size_t adds, dels;
};

/* Diffs two blobs (either may be NULL) into rf. 0 or GV_ERROR. */
int gv__raw_diff(struct gv__raw_file *rf, git_blob *old, git_blob *new,
                 const char *path, const git_diff_options *opts);
void gv__raw_dispose(struct gv__raw_file *rf);

/* A hunk's raw lines as redline lines (*out grown; the raw lines' copies
 * move into them or are freed). 0 or GV_ERROR. */
int gv__raw_hunk_lines(struct gv_rline **out, size_t *n, struct gv__raw *raw,
                       size_t nraw);

/* Builds file i of a diff made with opts (hunks with sections; only: a
 * section filter or NULL). */
int gv__redline_file(struct gv_rfile *f, git_repository *repo, git_diff *diff,
                     size_t i, const git_diff_options *opts, const char *only);
void gv__rhunk_dispose(struct gv_rhunk *h);
void gv__rfile_dispose(struct gv_rfile *f);

#endif
