/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the chain files (core/git_chain.c for local
 * chains, core/git_remote.c for their transfer) share: the repository
 * behind struct gv__chain_repo and the sync class's libgit2 errors.
 */
#ifndef GV_CORE_GIT_CHAIN_REPO_H
#define GV_CORE_GIT_CHAIN_REPO_H

#include <git2.h>

#include "gavel/error.h"
#include "gavel/progress.h"
#include "git_chain.h"

struct gv__chain_repo {
	git_repository *repo;
	char *path;              /* as given, for messages (owned) */
	gv_progress_fn progress; /* where transfers report, or NULL */
	void *progress_payload;
	/* What the last copy from a folder keeps in memory for the walk
	 * (core/git_chain_kept.c): a backend in repo's object database
	 * (owned by it) or NULL, and the bound of what it holds. */
	struct gv__kept *kept;
	size_t keep_max;
};

/* Sets the error "what: libgit2's message" (class GV_ERRCLASS_SYNC) and
 * returns code. */
int gv__chain_failed(enum gv_error_code code, const char *what);

/* Reads a full commit id (40 hex digits); GV_EINVALID naming what
 * otherwise. */
int gv__chain_oid(git_oid *out, const char *hex, const char *what);

/*
 * gv__chain_fetch from a remote that is a folder here, path a repository
 * (core/git_copy.c): the objects r lacks copied as one pack, then the
 * mirror under refs/gavel-remotes/<remote>/ set and pruned. Errors are
 * libgit2's (negative, git_error_last saying why).
 */
int gv__chain_copy(struct gv__chain_transfer *stats, struct gv__chain_repo *r,
                   const char *remote, const char *path);

/*
 * gv__chain_push to a remote that is a folder here, path a repository
 * (bare or not; core/git_copy.c): each refs[i] there moved to tips[i],
 * the objects it lacks copied first as one pack. Errors are libgit2's;
 * for GIT_ENONFASTFORWARD (a ref there not behind ours), GIT_EMODIFIED
 * (moved by another writer meanwhile) and GIT_ELOCKED (being written)
 * *failed is the index of the ref.
 */
int gv__chain_copy_out(struct gv__chain_transfer *stats,
                       struct gv__chain_repo *r, const char *path,
                       const char *const *refs, const git_oid *tips, size_t n,
                       size_t *failed);

/*
 * Keeps the object id (data, which the caller has checked hashes to id)
 * in memory for the walk that reads it next, unless r's bound would be
 * passed: then the object is read from its pack. Errors are libgit2's.
 */
int gv__chain_keep(struct gv__chain_repo *r, const git_oid *id,
                   git_object_t type, const void *data, size_t len);

#endif
