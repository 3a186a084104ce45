/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading a chain back (gv__chain_walk): its commits
 * parents first, each checked to be what gv__chain_append writes (a tree
 * of the one blob "ops", within GV__CHAIN_BLOB_MAX) before its bytes are
 * handed over. A ref fetched from someone else may hold anything, so a
 * commit of another shape or a missing object stops the walk as
 * GV_ECORRUPT, and nothing of it reaches the caller.
 */
#include <stdlib.h>
#include <string.h>

#include "git.h"
#include "git_chain_repo.h"
#include "internal.h"

/* What to do about a chain that is not gavel's, said once. */
#define CORRUPT_HINT                                                           \
	"fetch it again, or remove the ref that leads to it (git update-ref "  \
	"-d REF)"

/* GV_ECORRUPT: "what hex: libgit2's message: what to do". */
static int
unreadable(const char *what, const char *hex)
{
	const git_error *e = git_error_last();

	return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
	                     "%s %s: %s: " CORRUPT_HINT, what, hex,
	                     e && e->message ? e->message : "unreadable");
}

/*
 * The id of the one blob "ops" of commit's tree, once the tree is that
 * and the blob exists within the cap (its header read, not the blob, so
 * a huge one is refused before it is loaded).
 */
static int
check_commit(git_oid *blob, git_repository *repo, git_commit *commit,
             const char *hex)
{
	git_tree *tree = NULL;
	const git_tree_entry *e;
	git_odb *odb = NULL;
	git_object_t type;
	size_t size = 0, n;
	int error = 0;

	if (git_commit_tree(&tree, commit) < 0)
		return unreadable("the tree of commit", hex);
	n = git_tree_entrycount(tree);
	e = n == 1 ? git_tree_entry_byindex(tree, 0) : NULL;
	if (!e || strcmp(git_tree_entry_name(e), "ops") != 0 ||
	    git_tree_entry_filemode(e) != GIT_FILEMODE_BLOB)
		error = gv__error_set(
		        GV_ERRCLASS_SYNC, GV_ECORRUPT,
		        "commit %s is not a gavel operation commit: its tree "
		        "holds %s, not the one file \"ops\": " CORRUPT_HINT,
		        hex, n == 1 ? "one other entry" : "several entries");
	else if (git_repository_odb(&odb, repo) < 0 ||
	         git_odb_read_header(&size, &type, odb, git_tree_entry_id(e)) <
	                 0 ||
	         type != GIT_OBJECT_BLOB)
		error = gv__error_set(
		        GV_ERRCLASS_SYNC, GV_ECORRUPT,
		        "commit %s: its operations (blob %.7s) are "
		        "missing: " CORRUPT_HINT,
		        hex, git_oid_tostr_s(git_tree_entry_id(e)));
	else if (size > GV__CHAIN_BLOB_MAX)
		error = gv__error_set(
		        GV_ERRCLASS_SYNC, GV_ECORRUPT,
		        "commit %s: its operations are %zu bytes, "
		        "over the %u MiB gavel reads: " CORRUPT_HINT,
		        hex, size, GV__CHAIN_BLOB_MAX >> 20);
	else
		git_oid_cpy(blob, git_tree_entry_id(e));
	git_odb_free(odb);
	git_tree_free(tree);
	return error;
}

/* A commit to hand over, and its operations' blob, as the first pass
 * checked them. */
struct checked {
	git_oid commit, blob;
};

/* The commit c->commit, checked to be a chain commit (the first pass);
 * c->blob gets its operations' blob. */
static int
check_id(git_repository *repo, struct checked *c)
{
	char hex[GV__OID_HEX];
	git_commit *commit = NULL;
	int error;

	git_oid_tostr(hex, sizeof(hex), &c->commit);
	if (git_commit_lookup(&commit, repo, &c->commit) < 0)
		return unreadable("commit", hex);
	error = check_commit(&c->blob, repo, commit, hex);
	git_commit_free(commit);
	return error;
}

/*
 * The commit's signature and the bytes it covers, when it has one (rc
 * GIT_ENOTFOUND when not). Its parsed header says whether it has one:
 * extracting reads the whole commit again, where libgit2 keeps only the
 * parsed one (a tenth of the walk with a commit per operation).
 */
static int
signature(git_buf *sig, git_buf *data, git_repository *repo, git_commit *commit)
{
	git_buf field = GIT_BUF_INIT;
	int rc = git_commit_header_field(&field, commit, "gpgsig");

	git_buf_dispose(&field);
	if (rc < 0)
		return rc;
	return git_commit_extract_signature(
	        sig, data, repo, (git_oid *)git_commit_id(commit), "gpgsig");
}

/* Hands one commit over to fn: its operations, its signature, the bytes
 * that signature covers. */
static int
visit(git_repository *repo, const struct checked *c, gv__chain_link_fn fn,
      void *ctx)
{
	char hex[GV__OID_HEX];
	struct gv__chain_link link;
	git_buf sig = GIT_BUF_INIT, data = GIT_BUF_INIT;
	git_commit *commit = NULL;
	git_blob *blob = NULL;
	const git_signature *author;
	int error, rc;

	git_oid_tostr(hex, sizeof(hex), &c->commit);
	if (git_commit_lookup(&commit, repo, &c->commit) < 0)
		return unreadable("commit", hex);
	if (git_blob_lookup(&blob, repo, &c->blob) < 0) {
		error = unreadable("the operations of commit", hex);
		goto out;
	}
	rc = signature(&sig, &data, repo, commit);
	if (rc < 0 && rc != GIT_ENOTFOUND) {
		error = unreadable("the signature of commit", hex);
		goto out;
	}
	author = git_commit_author(commit);
	memset(&link, 0, sizeof(link));
	link.oid = hex;
	link.ops = git_blob_rawcontent(blob);
	link.len = (size_t)git_blob_rawsize(blob);
	link.signature = rc == 0 ? sig.ptr : NULL;
	link.signed_data = rc == 0 ? data.ptr : NULL;
	link.signed_len = rc == 0 ? data.size : 0;
	link.email = author->email;
	link.when = (int64_t)author->when.time;
	link.parents = git_commit_parentcount(commit);
	error = fn(&link, ctx);
out:
	git_buf_dispose(&sig);
	git_buf_dispose(&data);
	git_blob_free(blob);
	git_commit_free(commit);
	return error;
}

/* The walk's start: tip must be a commit this repository has. */
static int
push_tip(git_revwalk *walk, git_repository *repo, const char *tip)
{
	git_odb *odb = NULL;
	git_object_t type = GIT_OBJECT_INVALID;
	git_oid id;
	size_t size;
	int error, rc;

	if ((error = gv__chain_oid(&id, tip, "the chain's tip")) < 0)
		return error;
	if (git_repository_odb(&odb, repo) < 0)
		return gv__chain_failed(GV_ERROR, "cannot read the objects");
	rc = git_odb_read_header(&size, &type, odb, &id);
	git_odb_free(odb);
	if (rc < 0)
		return gv__error_set(
		        GV_ERRCLASS_SYNC, GV_ECORRUPT,
		        "the chain's tip %s is missing: " CORRUPT_HINT, tip);
	if (type != GIT_OBJECT_COMMIT)
		return gv__error_set(
		        GV_ERRCLASS_SYNC, GV_ECORRUPT,
		        "the chain's tip %s is a %s, not a commit: "
		        "gavel did not write it: " CORRUPT_HINT,
		        tip, git_object_type2string(type));
	if (git_revwalk_push(walk, &id) < 0)
		return unreadable("the chain at", tip);
	return 0;
}

/* Commits reachable from stop are not walked again. */
static int
hide_stop(git_revwalk *walk, const char *stop)
{
	git_oid id;
	int error;

	if (!stop || !*stop)
		return 0;
	if ((error = gv__chain_oid(&id, stop, "where the walk stops")) < 0)
		return error;
	if (git_revwalk_hide(walk, &id) < 0)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ENOTFOUND,
		                     "commit %.7s, where the last walk ended, "
		                     "is not in the sync repository",
		                     stop);
	return 0;
}

int
gv__chain_walk(struct gv__chain_repo *r, const char *tip, const char *stop,
               gv__chain_link_fn fn, void *ctx)
{
	git_revwalk *walk = NULL;
	struct checked *ids = NULL;
	git_oid id;
	size_t alloc = 0, n = 0;
	int error, rc;

	if (git_revwalk_new(&walk, r->repo) < 0)
		return gv__chain_failed(GV_ERROR, "cannot walk the chain");
	/* Parents before children, whatever the commit times say. */
	git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	if ((error = push_tip(walk, r->repo, tip)) < 0 ||
	    (error = hide_stop(walk, stop)) < 0)
		goto out;
	/* Every commit is checked before the first is handed over: of a
	 * forged or damaged chain, nothing is applied. */
	while ((rc = git_revwalk_next(&id, walk)) == 0) {
		ids = gv__grow(ids, &alloc, n, sizeof(*ids));
		git_oid_cpy(&ids[n].commit, &id);
		if ((error = check_id(r->repo, &ids[n++])) < 0)
			goto out;
	}
	if (rc != GIT_ITEROVER) {
		error = unreadable("the chain at", tip);
		goto out;
	}
	/* Each blob is read once: cached, the chain's would all stay in
	 * memory as long as the repository is open (bench/README.md,
	 * "Memory touched once"). */
	gv__git_cache_blobs(0);
	for (size_t i = 0; i < n && error == 0; i++)
		error = visit(r->repo, &ids[i], fn, ctx);
	gv__git_cache_blobs(1);
out:
	free(ids);
	git_revwalk_free(walk);
	return error;
}
