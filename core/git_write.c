/* SPDX-License-Identifier: MIT */
/*
 * This file implements writing to a repository with a fixed identity and
 * clock, so the ids repeat on every run: the demo's guideline repository
 * (through core/git_out.h, in plain C types), and the tests' fixture
 * repositories (STYLE.md §11).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git.h"
#include "git_out.h"
#include "internal.h"

int
gv__git_init(git_repository **out, const char *dir)
{
	git_repository_init_options opts;

	if (gv__git_start() < 0)
		return GV_ERROR;
	git_repository_init_options_init(&opts,
	                                 GIT_REPOSITORY_INIT_OPTIONS_VERSION);
	opts.flags = GIT_REPOSITORY_INIT_MKPATH;
	opts.initial_head = "main";
	if (git_repository_init_ext(out, dir, &opts) < 0)
		return gv__git_failed("cannot create the repository");
	return 0;
}

/*
 * Commits content as path on parent's tree (NULL: a root commit with that
 * file alone), at when, and points branch at it whatever it pointed at
 * before, so writing the same commits again gives the same ids and refs.
 * *id (may be NULL) is the new commit's id.
 */
static int
commit_file(git_oid *id, git_repository *repo, const char *branch,
            const git_oid *parent, const char *path, const char *content,
            size_t len, const char *message, int64_t when)
{
	git_signature *who = NULL;
	git_reference *branch_ref = NULL;
	git_treebuilder *tb = NULL;
	git_commit *base = NULL;
	git_tree *tree = NULL, *base_tree = NULL;
	git_oid blob, tree_id, commit;
	char ref[256];
	int error = 0;

	snprintf(ref, sizeof(ref), "refs/heads/%s", branch);
	if (parent && git_commit_lookup(&base, repo, parent) < 0)
		return gv__git_failed("cannot read the parent commit");
	if ((base && git_commit_tree(&base_tree, base) < 0) ||
	    git_blob_create_from_buffer(&blob, repo, content, len) < 0 ||
	    git_treebuilder_new(&tb, repo, base_tree) < 0 ||
	    git_treebuilder_insert(NULL, tb, path, &blob, GIT_FILEMODE_BLOB) <
	            0 ||
	    git_treebuilder_write(&tree_id, tb) < 0 ||
	    git_tree_lookup(&tree, repo, &tree_id) < 0 ||
	    git_signature_new(&who, "gavel demo", "demo@gavel.invalid",
	                      (git_time_t)when, 0) < 0 ||
	    git_commit_create(&commit, repo, NULL, who, who, NULL, message,
	                      tree, base ? 1 : 0,
	                      (const git_commit **)&base) < 0 ||
	    git_reference_create(&branch_ref, repo, ref, &commit, 1, message) <
	            0)
		error = gv__git_failed("cannot commit");
	git_reference_free(branch_ref);
	if (error == 0 && id)
		*id = commit;
	git_signature_free(who);
	git_tree_free(tree);
	git_tree_free(base_tree);
	git_treebuilder_free(tb);
	git_commit_free(base);
	return error;
}

/* Tags a commit (lightweight, as cabforum/smime's ballot tags are). */
static int
tag_commit(git_repository *repo, const char *name, const git_oid *commit)
{
	git_object *obj = NULL;
	git_oid tag;
	int error = 0;

	if (git_object_lookup(&obj, repo, commit, GIT_OBJECT_COMMIT) < 0 ||
	    git_tag_create_lightweight(&tag, repo, name, obj, 1) < 0)
		error = gv__git_failed("cannot tag");
	git_object_free(obj);
	return error;
}

/* Makes the working tree match HEAD (for a person who looks at it). */
static int
checkout_head(git_repository *repo)
{
	git_checkout_options opts;

	git_checkout_options_init(&opts, GIT_CHECKOUT_OPTIONS_VERSION);
	opts.checkout_strategy = GIT_CHECKOUT_FORCE;
	if (git_checkout_head(repo, &opts) < 0)
		return gv__git_failed("cannot check out the guideline");
	return 0;
}

struct gv__git_out {
	git_repository *repo;
};

int
gv__git_out_init(struct gv__git_out **out, const char *dir)
{
	git_repository *repo = NULL;
	int error;

	*out = NULL;
	if ((error = gv__git_init(&repo, dir)) < 0)
		return error;
	*out = gv__xcalloc(1, sizeof(**out));
	(*out)->repo = repo;
	return 0;
}

void
gv__git_out_free(struct gv__git_out *w)
{
	if (!w)
		return;
	git_repository_free(w->repo);
	free(w);
}

int
gv__git_out_commit(char id[41], struct gv__git_out *w, const char *branch,
                   const char *parent, const char *path, const char *content,
                   size_t len, const char *message, int64_t when)
{
	git_oid base, commit;
	int error;

	if (parent && git_oid_fromstr(&base, parent) < 0)
		return gv__git_failed("not a commit id");
	if ((error = commit_file(&commit, w->repo, branch,
	                         parent ? &base : NULL, path, content, len,
	                         message, when)) < 0)
		return error;
	git_oid_tostr(id, 41, &commit);
	return 0;
}

int
gv__git_out_tag(struct gv__git_out *w, const char *name, const char *commit)
{
	git_oid id;

	if (git_oid_fromstr(&id, commit) < 0)
		return gv__git_failed("not a commit id");
	return tag_commit(w->repo, name, &id);
}

int
gv__git_out_checkout(struct gv__git_out *w)
{
	return checkout_head(w->repo);
}
