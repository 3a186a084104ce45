/* SPDX-License-Identifier: MIT */
/*
 * This file declares the range helpers of core/git_repo.c that files
 * outside core/git*.c use: they take and give only text, so libgit2's
 * types stay in core/git*.c.
 */
#ifndef GV_CORE_GIT_RANGE_H
#define GV_CORE_GIT_RANGE_H

/*
 * Splits a range into its two revisions as written, and whether it means
 * the merge base ("..."; three may be NULL). A GitHub compare URL
 * (".../compare/A...B", possibly with "owner:" before B, a query or a
 * fragment) becomes its A...B.
 */
int gv__git_range_split(char **base, char **head, int *three,
                        const char *range);

/* Resolves a range in repo to full commit ids (the merge base for "...")
 * and the repository's absolute folder; all three are the caller's. */
int gv__git_resolve(char **base, char **head, char **where, const char *repo,
                    const char *range);

/* The absolute folder of the repository at path (a working tree's top or
 * a bare repository), or GV_ENOTFOUND when path is not one. */
int gv__git_folder(char **where, const char *path);

#endif
