/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the redline builder's files share.
 */
#ifndef GV_CORE_GIT_REDLINE_H
#define GV_CORE_GIT_REDLINE_H

#include <stddef.h>

#include "gavel/redline.h"
#include "git.h"
#include "internal.h"

/* The word diff of one changed line: spans of same, deleted and inserted
 * text (caller frees with gv__spans_free). 0 or GV_ERROR. */
int gv__words_diff(struct gv_span **out, size_t *n, const char *old,
                   const char *new);
void gv__spans_free(struct gv_span *v, size_t n);

/* How alike two lines are by their words, 0 to 100. */
int gv__words_similarity(const char *a, const char *b);

/* Builds file i of a diff made with gopts: hunks with sections, only
 * those under o->section when it is set, reporting to o->progress. */
int gv__redline_file(struct gv_rfile *f, git_repository *repo, git_diff *diff,
                     size_t i, const git_diff_options *gopts,
                     const struct gv_redline_opts *o);
void gv__rhunk_dispose(struct gv_rhunk *h);
void gv__rfile_dispose(struct gv_rfile *f);

#endif
