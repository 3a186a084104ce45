/* SPDX-License-Identifier: MIT */
/*
 * This file implements keeping in memory what a copy from a folder has
 * just checked and written (core/git_copy.c), for the walk of the same
 * sync that reads it next (core/git_chain_walk.c). The objects go into a
 * libgit2 mempack placed ahead of the repository's packs in its object
 * database, so the walk finds them there instead of locating each in the
 * new pack's index and inflating it again. With a commit per operation
 * (bench/sync.sh, 10,000 commits: 30,000 objects) that was a third of
 * the walk's own instructions.
 *
 * Only an object hashed to its id goes in (gv__pack_out_add checked it,
 * and it goes in through the backend's own write, which does not hash
 * again), and a copy that fails empties the mempack: it never holds an
 * object the repository's packs lack. What is kept is bounded by bytes
 * (GV__CHAIN_KEEP_MAX); an object that would pass the bound is left to
 * be read from the pack.
 */
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

#include "git_chain_repo.h"

/* Ahead of libgit2's own backends (loose 1, packed 2). */
#define KEPT_PRIORITY 100

/* What the mempack holds for an object besides its bytes (its header of
 * id, type and size, malloc's own, its slot in the map), about. */
#define KEPT_OVERHEAD 64

/* The mempack in r's object database, made on first use. */
static int
kept_backend(git_odb_backend **out, struct gv__chain_repo *r)
{
	git_odb_backend *mem = NULL;
	git_odb *odb = NULL;
	int rc;

	if (!r->kept) {
		if ((rc = git_mempack_new(&mem)) < 0)
			return rc;
		if ((rc = git_repository_odb(&odb, r->repo)) < 0 ||
		    (rc = git_odb_add_backend(odb, mem, KEPT_PRIORITY)) < 0) {
			/* Not added: still ours to free. */
			mem->free(mem);
			git_odb_free(odb);
			return rc;
		}
		git_odb_free(odb); /* the database owns the mempack now */
		r->kept = mem;
	}
	*out = r->kept;
	return 0;
}

int
gv__chain_keep(struct gv__chain_repo *r, const git_oid *id, git_object_t type,
               const void *data, size_t len)
{
	git_odb_backend *mem;
	size_t cost = len + KEPT_OVERHEAD;
	int rc;

	if (cost < len || cost > r->keep_max - r->kept_bytes)
		return 0;
	if ((rc = kept_backend(&mem, r)) < 0 ||
	    (rc = mem->write(mem, id, data, len, type)) < 0)
		return rc;
	r->kept_bytes += cost;
	return 0;
}

void
gv__chain_forget(struct gv__chain_repo *r)
{
	if (r->kept)
		git_mempack_reset(r->kept);
	r->kept_bytes = 0;
}

size_t
gv__chain_kept(const struct gv__chain_repo *r)
{
	return r->kept_bytes;
}

void
gv__chain_keep_limit(struct gv__chain_repo *r, size_t max)
{
	gv__chain_forget(r);
	r->keep_max = max;
}
