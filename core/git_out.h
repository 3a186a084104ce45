/* SPDX-License-Identifier: MIT */
/*
 * This file declares writing a repository from outside core/git*.c, in
 * plain C types: commits with a fixed identity and clock, so the ids
 * repeat on every run (the demo's guideline repository).
 */
#ifndef GV_CORE_GIT_OUT_H
#define GV_CORE_GIT_OUT_H

#include <stddef.h>
#include <stdint.h>

/* A repository being written. */
struct gv__git_out;

/* Creates (or opens) the repository in dir, its first branch "main". */
int gv__git_out_init(struct gv__git_out **out, const char *dir);
void gv__git_out_free(struct gv__git_out *w);

/*
 * Commits content as path on parent's tree (a full id, or NULL: a root
 * commit with that file alone), at when, and points branch at it whatever
 * it pointed at before, so writing the same commits again gives the same
 * ids and refs. id gets the new commit's full id.
 */
int gv__git_out_commit(char id[41], struct gv__git_out *w, const char *branch,
                       const char *parent, const char *path,
                       const char *content, size_t len, const char *message,
                       int64_t when);

/* Tags a commit (a full id; lightweight, as cabforum/smime's are). */
int gv__git_out_tag(struct gv__git_out *w, const char *name,
                    const char *commit);

/* Makes the working tree match HEAD (for a person who looks at it). */
int gv__git_out_checkout(struct gv__git_out *w);

#endif
