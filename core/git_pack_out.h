/* SPDX-License-Identifier: MIT */
/*
 * This file declares writing whole objects into a repository as one new
 * pack and its index (core/git_pack_out.c), as git's index-pack leaves
 * them (Documentation/gitformat-pack.txt: the pack a header with the
 * count, each object zlib-compressed whole, no deltas, the SHA-1 of it
 * all; the index version 2). Each object is checked to be the id it is
 * added under, and the pack and its index move into
 * objects/pack/ only once both are whole. Errors are libgit2's:
 * negative, with git_error_last saying why.
 */
#ifndef GV_CORE_GIT_PACK_OUT_H
#define GV_CORE_GIT_PACK_OUT_H

#include <stddef.h>

#include <git2.h>

struct gv__pack_out;

/* Starts a pack of exactly count objects into repo, each deflated at
 * zlib's default level when deflated is set, stored as it is if not. */
int gv__pack_out_start(struct gv__pack_out **out, git_repository *repo,
                       size_t count, int deflated);

/* Adds one object as id; an error when its content does not hash to id
 * (a damaged or forged object is never stored under another's name). */
int gv__pack_out_add(struct gv__pack_out *p, const git_oid *id,
                     git_object_t type, const void *data, size_t len);

/* Ends the pack (its checksum), writes its index, moves both into place
 * and has the repository see them; *bytes gets the pack's size. An
 * error, or fewer objects than announced, leaves nothing in the
 * repository. */
int gv__pack_out_finish(struct gv__pack_out *p, size_t *bytes);

/* Frees p; a pack not finished is removed. */
void gv__pack_out_free(struct gv__pack_out *p);

#endif
