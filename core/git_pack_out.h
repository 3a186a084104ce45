/* SPDX-License-Identifier: MIT */
/*
 * This file declares writing whole objects into a repository as one new
 * pack (core/git_pack_out.c): the pack stream git's format describes
 * (Documentation/gitformat-pack.txt: a header with the count, each object
 * deflated whole, no deltas, the SHA-1 of it all), handed to the
 * repository's own indexer (git_odb_write_pack), which checks it, names
 * each object by its hash and moves the pack and its index into place
 * only once both are whole. Errors are libgit2's: negative, with
 * git_error_last saying why.
 */
#ifndef GV_CORE_GIT_PACK_OUT_H
#define GV_CORE_GIT_PACK_OUT_H

#include <stddef.h>

#include <git2.h>

struct gv__pack_out;

/* Starts a pack of exactly count objects into odb. */
int gv__pack_out_start(struct gv__pack_out **out, git_odb *odb, size_t count);

/* Adds one object, deflated whole. */
int gv__pack_out_add(struct gv__pack_out *p, git_object_t type,
                     const void *data, size_t len);

/* Ends the pack (its checksum) and has the indexer move it into place;
 * *bytes gets its size. An error, or fewer objects than announced,
 * leaves nothing in the repository. */
int gv__pack_out_finish(struct gv__pack_out *p, size_t *bytes);

/* Frees p; a pack not finished is dropped. */
void gv__pack_out_free(struct gv__pack_out *p);

#endif
