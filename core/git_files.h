/* SPDX-License-Identifier: MIT */
/*
 * This file declares the libgit2 adapter for files at commits: what the
 * ballot rules above it ask of a repository (the files a range changes,
 * a file's lines, each blob's id), in plain C types, so libgit2 stays in
 * core/git*.c and the pinning, verifying and reviewing rules sit above it.
 */
#ifndef GV_CORE_GIT_FILES_H
#define GV_CORE_GIT_FILES_H

#include <stddef.h>

/* A file a range changes; a side it is absent from has an empty id. */
struct gv__git_change {
	char *path;
	char base[41], head[41]; /* blob ids, full */
};

/* The files changed between two commits of repo (full ids). Caller frees
 * with gv__git_changes_free. Errors: GV_ENOTFOUND, GV_ERROR. */
int gv__git_changes(struct gv__git_change **out, size_t *n, const char *repo,
                    const char *base, const char *head);
void gv__git_changes_free(struct gv__git_change *v, size_t n);

/* The lines of path at commit in repo, each a copy (invalid UTF-8
 * repaired, a CR before the LF dropped). Caller frees each and the list.
 * Errors: GV_ENOTFOUND (repository, commit or path). */
int gv__git_file_lines(char ***out, size_t *n, const char *repo,
                       const char *commit, const char *path);

/* A repository opened to check what was pinned: every object it reads is
 * hashed again, so a damaged one cannot vouch for a text. */
struct gv__git_check;

int gv__git_check_open(struct gv__git_check **out, const char *repo);
void gv__git_check_free(struct gv__git_check *c);

/* The full id of the commit rev names into out; GV_ENOTFOUND (with the
 * message of gv__git_commit) when it is not there. */
int gv__git_check_commit(char out[41], struct gv__git_check *c,
                         const char *rev);

/* The blob id of path at commit into out ("" when the file is not
 * there); GV_ERROR with libgit2's message alone when the tree or the
 * text cannot be read whole. */
int gv__git_check_blob(char out[41], struct gv__git_check *c,
                       const char *commit, const char *path);

#endif
