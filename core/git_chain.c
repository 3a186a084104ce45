/* SPDX-License-Identifier: MIT */
/*
 * This file implements the local side of the operation chains
 * (core/git_chain.h): the bare repository beside the database, reading
 * tips and listing refs, and appending a commit whose tree is the one
 * blob "ops", signed as git signs with gpg.format=ssh, with a
 * compare-and-swap on its ref so two writers never lose a commit.
 * Reading chains back is core/git_chain_walk.c.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain_locks.h"
#include "git.h"
#include "git_chain_repo.h"
#include "internal.h"
#include "ssh_sign.h"

int
gv__chain_failed(enum gv_error_code code, const char *what)
{
	const git_error *e = git_error_last();

	return gv__error_set(GV_ERRCLASS_SYNC, code, "%s: %s", what,
	                     e && e->message ? e->message : "libgit2 failed");
}

int
gv__chain_oid(git_oid *out, const char *hex, const char *what)
{
	if (!hex || strlen(hex) != GV__OID_HEX - 1 ||
	    strspn(hex, "0123456789abcdef") != GV__OID_HEX - 1 ||
	    git_oid_fromstr(out, hex) < 0)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_EINVALID,
		                     "%s \"%.60s\" is not a full commit id (40 "
		                     "hex digits)",
		                     what, hex ? hex : "");
	return 0;
}

int
gv__chain_check_ref(const char *name, int mirrors)
{
	int valid = 0;

	if ((strncmp(name, "refs/gavel/", 11) != 0 &&
	     (!mirrors || strncmp(name, "refs/gavel-remotes/", 19) != 0)) ||
	    git_reference_name_is_valid(&valid, name) < 0 || !valid)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_EINVALID,
		                     "\"%.200s\" is not a chain's ref: chains "
		                     "are refs/gavel/PART/ACTOR",
		                     name);
	return 0;
}

/* Whether path is a folder with nothing in it (where a repository may be
 * made without mixing into someone's files). */
static int
empty_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int empty = 1;

	if (!d)
		return 0;
	while (empty && (e = readdir(d)))
		empty = strcmp(e->d_name, ".") == 0 ||
		        strcmp(e->d_name, "..") == 0;
	closedir(d);
	return empty;
}

static int
remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

/*
 * Makes the bare repository, with no work tree, where nothing is. It is
 * made beside and renamed into place, so a sync killed while making it
 * leaves either nothing or a whole repository, never a folder the next
 * sync must refuse.
 */
static int
create_bare(git_repository **out, const char *path)
{
	git_repository_init_options opts;
	struct stat st;
	char *fresh;
	int error = 0;

	if (stat(path, &st) == 0 && !empty_dir(path))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_EEXISTS,
		                     "%s holds files but no git repository: "
		                     "move them away or give another folder",
		                     path);
	fresh = gv__xsprintf("%s.new", path);
	/* What an interrupted earlier attempt left. */
	if (stat(fresh, &st) == 0)
		nftw(fresh, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	git_repository_init_options_init(&opts,
	                                 GIT_REPOSITORY_INIT_OPTIONS_VERSION);
	opts.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_BARE;
	opts.initial_head = "main";
	if (git_repository_init_ext(out, fresh, &opts) < 0) {
		error = gv__chain_failed(GV_ERROR, "cannot create the sync "
		                                   "repository");
		goto out;
	}
	git_repository_free(*out);
	*out = NULL;
	if (rename(fresh, path) != 0)
		error = gv__error_set(GV_ERRCLASS_SYNC, GV_ERROR,
		                      "cannot create the sync repository %s: "
		                      "%s",
		                      path, strerror(errno));
	else if (git_repository_open_ext(
	                 out, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0)
		error = gv__chain_failed(GV_ERROR, "cannot open the sync "
		                                   "repository");
out:
	free(fresh);
	return error;
}

int
gv__chain_open(struct gv__chain_repo **out, const char *path)
{
	git_repository *repo = NULL;
	int error, rc;

	*out = NULL;
	if ((error = gv__git_start()) < 0)
		return error;
	rc = git_repository_open_ext(&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH,
	                             NULL);
	if (rc == GIT_ENOTFOUND)
		error = create_bare(&repo, path);
	else if (rc < 0)
		error = gv__chain_failed(GV_ERROR, "cannot open the sync "
		                                   "repository");
	if (error < 0)
		return error;
	/* What a sync killed while writing a ref left. */
	gv__chain_clear_stale_locks(git_repository_path(repo));
	*out = gv__xcalloc(1, sizeof(**out));
	(*out)->repo = repo;
	(*out)->path = gv__xstrdup(path);
	(*out)->keep_max = GV__CHAIN_KEEP_MAX;
	return 0;
}

void
gv__chain_free(struct gv__chain_repo *r)
{
	if (!r)
		return;
	git_repository_free(r->repo);
	free(r->path);
	free(r);
}

int
gv__chain_tip(char oid[GV__OID_HEX], struct gv__chain_repo *r, const char *ref)
{
	git_oid id;
	int error, rc;

	oid[0] = '\0';
	if ((error = gv__chain_check_ref(ref, 1)) < 0)
		return error;
	rc = git_reference_name_to_id(&id, r->repo, ref);
	if (rc == GIT_ENOTFOUND)
		return 0;
	if (rc < 0)
		return gv__chain_failed(GV_ERROR, ref);
	git_oid_tostr(oid, GV__OID_HEX, &id);
	return 0;
}

void
gv__chain_refs_free(struct gv__chain_ref *refs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(refs[i].name);
	free(refs);
}

static int
ref_cmp(const void *a, const void *b)
{
	return strcmp(((const struct gv__chain_ref *)a)->name,
	              ((const struct gv__chain_ref *)b)->name);
}

int
gv__chain_refs(struct gv__chain_ref **out, size_t *n, struct gv__chain_repo *r,
               const char *prefix)
{
	git_reference_iterator *it = NULL;
	git_reference *ref = NULL, *resolved = NULL;
	struct gv__chain_ref *v = NULL;
	size_t alloc = 0, count = 0, plen = strlen(prefix);
	char *glob;
	int error = 0, rc = 0;

	*out = NULL;
	*n = 0;
	/* The prefix becomes a glob: it must not be one itself. */
	if (strncmp(prefix, "refs/", 5) != 0 || prefix[plen - 1] != '/' ||
	    strpbrk(prefix, "*?[\\"))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_EINVALID,
		                     "\"%.200s\" is not a folder of refs",
		                     prefix);
	glob = gv__xsprintf("%s*", prefix);
	if (git_reference_iterator_glob_new(&it, r->repo, glob) < 0)
		error = gv__chain_failed(GV_ERROR, "cannot list the refs");
	while (error == 0 && (rc = git_reference_next(&ref, it)) == 0) {
		if (strncmp(git_reference_name(ref), prefix, plen) == 0 &&
		    git_reference_resolve(&resolved, ref) == 0) {
			v = gv__grow(v, &alloc, count, sizeof(*v));
			v[count].name = gv__xstrdup(git_reference_name(ref));
			git_oid_tostr(v[count++].oid, GV__OID_HEX,
			              git_reference_target(resolved));
		}
		git_reference_free(resolved);
		git_reference_free(ref);
		resolved = ref = NULL;
	}
	if (error == 0 && rc != GIT_ITEROVER)
		error = gv__chain_failed(GV_ERROR, "cannot list the refs");
	git_reference_iterator_free(it);
	free(glob);
	if (error < 0) {
		gv__chain_refs_free(v, count);
		return error;
	}
	if (count)
		qsort(v, count, sizeof(*v), ref_cmp);
	*out = v;
	*n = count;
	return 0;
}

/* The tree of one entry, the blob "ops" holding the operations. */
static int
ops_tree(git_tree **out, git_repository *repo, const char *ops, size_t len)
{
	git_treebuilder *tb = NULL;
	git_oid blob, tree;
	int error = 0;

	if (git_blob_create_from_buffer(&blob, repo, ops, len) < 0 ||
	    git_treebuilder_new(&tb, repo, NULL) < 0 ||
	    git_treebuilder_insert(NULL, tb, "ops", &blob, GIT_FILEMODE_BLOB) <
	            0 ||
	    git_treebuilder_write(&tree, tb) < 0 ||
	    git_tree_lookup(out, repo, &tree) < 0)
		error = gv__chain_failed(GV_ERROR,
		                         "cannot write the operations");
	git_treebuilder_free(tb);
	return error;
}

/* The parents a new commit names: expect (unless the chain is new), then
 * merge. */
static int
parents_of(git_commit *parents[2], size_t *n, git_repository *repo,
           const struct gv__chain_commit *c)
{
	const char *ids[2] = {c->expect, c->merge};
	const char *what[2] = {"the expected tip", "the merged commit"};
	git_oid id;
	int error;

	*n = 0;
	for (size_t i = 0; i < 2; i++) {
		if (!ids[i] || !*ids[i])
			continue;
		if ((error = gv__chain_oid(&id, ids[i], what[i])) < 0)
			return error;
		if (git_commit_lookup(&parents[*n], repo, &id) < 0)
			return gv__error_set(GV_ERRCLASS_SYNC, GV_ENOTFOUND,
			                     "%s %.7s is not a commit of the "
			                     "sync repository",
			                     what[i], ids[i]);
		(*n)++;
	}
	return 0;
}

/*
 * Writes the commit, signed when c->signing_key is set: the commit's
 * bytes as git would write them, signed by ssh-keygen, then stored with
 * the signature in its gpgsig header as `git commit -S` does.
 */
static int
write_commit(git_oid *id, git_repository *repo, const git_signature *who,
             const struct gv__chain_commit *c, const git_tree *tree,
             git_commit *parents[2], size_t n)
{
	const char *message = c->message ? c->message : "";
	git_buf buf = GIT_BUF_INIT;
	char *sig = NULL;
	int error = 0;

	if (!c->signing_key) {
		if (git_commit_create(id, repo, NULL, who, who, NULL, message,
		                      tree, n,
		                      (const git_commit **)parents) < 0)
			return gv__chain_failed(GV_ERROR, "cannot commit");
		return 0;
	}
	if (git_commit_create_buffer(&buf, repo, who, who, NULL, message, tree,
	                             n, (const git_commit **)parents) < 0)
		error = gv__chain_failed(GV_ERROR, "cannot commit");
	else if ((error = gv__ssh_sign(&sig, c->signing_key, buf.ptr,
	                               buf.size)) == 0 &&
	         git_commit_create_with_signature(id, repo, buf.ptr, sig,
	                                          "gpgsig") < 0)
		error = gv__chain_failed(GV_ERROR, "cannot store the signed "
		                                   "commit");
	free(sig);
	git_buf_dispose(&buf);
	return error;
}

/*
 * Moves ref to id only if it is still at expect (absent for ""): libgit2
 * compares under the ref's lock, so of two writers racing one wins and
 * the other learns it.
 */
static int
move_ref(git_repository *repo, const char *name, const char *expect_hex,
         const git_oid *id)
{
	git_reference *ref = NULL;
	git_oid expect, now;
	char at[GV__OID_HEX] = "";
	int rc;

	if (!expect_hex || !*expect_hex)
		rc = git_reference_create(&ref, repo, name, id, 0, "gavel");
	else if ((rc = gv__chain_oid(&expect, expect_hex, "the expected tip")) <
	         0)
		return rc;
	else
		rc = git_reference_create_matching(&ref, repo, name, id, 1,
		                                   &expect, "gavel");
	git_reference_free(ref);
	if (rc == GIT_ELOCKED)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_EBUSY,
		                     "%s is being written by another sync of "
		                     "this copy, or by git: try again once it "
		                     "is done",
		                     name);
	if (rc == GIT_EEXISTS || rc == GIT_EMODIFIED || rc == GIT_ENOTFOUND) {
		if (git_reference_name_to_id(&now, repo, name) == 0)
			git_oid_tostr(at, sizeof(at), &now);
		return gv__error_set(
		        GV_ERRCLASS_SYNC, GV_ECONFLICT,
		        "%s moved while this was written (it is at "
		        "%.7s, not %.7s): read it again",
		        name, *at ? at : "nothing",
		        expect_hex && *expect_hex ? expect_hex : "nothing");
	}
	if (rc < 0)
		return gv__chain_failed(GV_ERROR, name);
	return 0;
}

/*
 * Whether an author's name or email can go into a commit header as is.
 * libgit2 only refuses angle brackets and trims the ends, so a line
 * break would let a name write headers of its own (a forged parent, a
 * forged signature): nothing below a space is let through, nor DEL.
 */
static int
ident_ok(const char *s, int may_be_empty)
{
	size_t n = strlen(s);

	if (n == 0)
		return may_be_empty;
	if (s[0] == ' ' || s[n - 1] == ' ')
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s < ' ' || *s == 0x7f || *s == '<' ||
		    *s == '>')
			return 0;
	return 1;
}

int
gv__chain_append(char oid[GV__OID_HEX], struct gv__chain_repo *r,
                 const struct gv__chain_commit *c)
{
	git_signature who;
	git_commit *parents[2] = {NULL, NULL};
	git_tree *tree = NULL;
	git_oid id;
	size_t n = 0;
	int error;

	oid[0] = '\0';
	if ((error = gv__chain_check_ref(c->ref, 0)) < 0)
		return error;
	/* The walk refuses a longer blob: never write a chain it refuses. */
	if (c->len > GV__CHAIN_BLOB_MAX)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_EINVALID,
		                     "the operations are %zu bytes, over the "
		                     "%u MiB a chain commit holds",
		                     c->len, GV__CHAIN_BLOB_MAX >> 20);
	if (!c->name || !ident_ok(c->name, 0) ||
	    !ident_ok(c->email ? c->email : "", 1))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_EINVALID,
		                     "an author's name (not empty) and email "
		                     "cannot start or end with a space or hold "
		                     "'<', '>' or a control character");
	/* Written as given, not through git_signature_new, which trims
	 * "J. Smith Jr." to "J. Smith Jr" and refuses an empty email. */
	who.name = (char *)c->name;
	who.email = (char *)(c->email ? c->email : "");
	who.when.time = (git_time_t)c->when;
	who.when.offset = 0;
	who.when.sign = '+';
	if ((error = parents_of(parents, &n, r->repo, c)) < 0 ||
	    (error = ops_tree(&tree, r->repo, c->ops, c->len)) < 0 ||
	    (error = write_commit(&id, r->repo, &who, c, tree, parents, n)) <
	            0 ||
	    (error = move_ref(r->repo, c->ref, c->expect, &id)) < 0)
		goto out;
	git_oid_tostr(oid, GV__OID_HEX, &id);
out:
	git_tree_free(tree);
	git_commit_free(parents[0]);
	git_commit_free(parents[1]);
	return error;
}

int
gv__chain_move(struct gv__chain_repo *r, const char *ref, const char *expect,
               const char *oid)
{
	git_object *obj = NULL;
	git_oid id;
	int error;

	if ((error = gv__chain_check_ref(ref, 1)) < 0 ||
	    (error = gv__chain_oid(&id, oid, "the new tip")) < 0)
		return error;
	/* Only a commit the repository holds may become a tip. */
	if (git_object_lookup(&obj, r->repo, &id, GIT_OBJECT_COMMIT) < 0)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ENOTFOUND,
		                     "commit %.7s is not in the sync "
		                     "repository",
		                     oid);
	git_object_free(obj);
	return move_ref(r->repo, ref, expect, &id);
}

int
gv__chain_descends(int *yes, struct gv__chain_repo *r, const char *descendant,
                   const char *ancestor)
{
	git_odb *odb = NULL;
	git_oid d, a;
	int error, rc, have;

	*yes = 0;
	if ((error = gv__chain_oid(&d, descendant, "commit")) < 0 ||
	    (error = gv__chain_oid(&a, ancestor, "commit")) < 0)
		return error;
	if (git_oid_equal(&d, &a)) {
		*yes = 1;
		return 0;
	}
	if (git_repository_odb(&odb, r->repo) < 0)
		return gv__chain_failed(GV_ERROR, "cannot read the objects");
	have = git_odb_exists(odb, &a);
	rc = git_odb_exists(odb, &d);
	git_odb_free(odb);
	if (!rc)
		return gv__error_set(
		        GV_ERRCLASS_SYNC, GV_ENOTFOUND,
		        "commit %.7s is not in the sync repository",
		        descendant);
	/* A commit this repository does not have cannot be an ancestor of
	 * one it has whole. */
	if (!have)
		return 0;
	if ((rc = git_graph_descendant_of(r->repo, &d, &a)) < 0)
		return gv__chain_failed(GV_ECORRUPT, "cannot read the chain");
	*yes = rc;
	return 0;
}
