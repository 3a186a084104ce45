/* SPDX-License-Identifier: MIT */
/*
 * This file implements the libgit2 adapter for files at commits
 * (core/git_files.h): the files a range changes, a file's lines at a
 * commit, and the checks `ballot verify` makes with hashing on.
 */
#include <stdlib.h>
#include <string.h>

#include "gavel/text.h"
#include "git.h"
#include "git_files.h"
#include "internal.h"

void
gv__git_changes_free(struct gv__git_change *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].path);
	free(v);
}

/* The id, or "" for the zero id (the side a file is absent from). */
static void
change_id(char out[41], const git_oid *id)
{
	if (git_oid_is_zero(id))
		out[0] = '\0';
	else
		git_oid_tostr(out, 41, id);
}

int
gv__git_changes(struct gv__git_change **out, size_t *n, const char *repo_dir,
                const char *base, const char *head)
{
	git_repository *repo = NULL;
	git_commit *a = NULL, *b = NULL;
	git_tree *ta = NULL, *tb = NULL;
	git_diff *diff = NULL;
	struct gv__git_change *v = NULL;
	size_t alloc = 0, count = 0;
	int error;

	*out = NULL;
	*n = 0;
	if ((error = gv__git_open(&repo, repo_dir)) < 0 ||
	    (error = gv__git_commit(&a, repo, base)) < 0 ||
	    (error = gv__git_commit(&b, repo, head)) < 0)
		goto out;
	if (git_commit_tree(&ta, a) < 0 || git_commit_tree(&tb, b) < 0 ||
	    git_diff_tree_to_tree(&diff, repo, ta, tb, NULL) < 0) {
		error = gv__git_failed("cannot diff the range");
		goto out;
	}
	for (size_t i = 0; i < git_diff_num_deltas(diff); i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);

		v = gv__grow(v, &alloc, count, sizeof(*v));
		v[count].path = gv__xstrdup(d->new_file.path);
		change_id(v[count].base, &d->old_file.id);
		change_id(v[count].head, &d->new_file.id);
		count++;
	}
	*out = v;
	*n = count;
out:
	git_diff_free(diff);
	git_tree_free(ta);
	git_tree_free(tb);
	git_commit_free(a);
	git_commit_free(b);
	git_repository_free(repo);
	return error;
}

/* The blob of path at commit, or an error that names what is missing. */
static int
blob_of(git_blob **out, git_repository *repo, git_commit *commit,
        const char *path)
{
	git_tree *tree = NULL;
	git_tree_entry *e = NULL;
	int error = 0;

	*out = NULL;
	if (git_commit_tree(&tree, commit) < 0)
		error = gv__git_failed("cannot read the commit's tree");
	else if (git_tree_entry_bypath(&e, tree, path) < 0)
		error = gv__error_set(GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
		                      "%s is not in that commit", path);
	else if (git_blob_lookup(out, repo, git_tree_entry_id(e)) < 0)
		error = gv__git_failed(path);
	git_tree_entry_free(e);
	git_tree_free(tree);
	return error;
}

int
gv__git_file_lines(char ***out, size_t *n, const char *repo_dir,
                   const char *commit_id, const char *path)
{
	git_repository *repo = NULL;
	git_commit *commit = NULL;
	git_blob *blob = NULL;
	char **lines = NULL;
	size_t alloc = 0, count = 0, len, i = 0, end;
	const char *text;
	int error;

	*out = NULL;
	*n = 0;
	if ((error = gv__git_open(&repo, repo_dir)) < 0 ||
	    (error = gv__git_commit(&commit, repo, commit_id)) < 0 ||
	    (error = blob_of(&blob, repo, commit, path)) < 0)
		goto out;
	text = git_blob_rawcontent(blob);
	len = (size_t)git_blob_rawsize(blob);
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);

		end = nl ? (size_t)(nl - text) : len;
		lines = gv__grow(lines, &alloc, count, sizeof(*lines));
		lines[count++] = gv_utf8_repair(
		        text + i, end - i - (end > i && text[end - 1] == '\r'));
		i = end + 1;
	}
	*out = lines;
	*n = count;
out:
	git_blob_free(blob);
	git_commit_free(commit);
	git_repository_free(repo);
	return error;
}

struct gv__git_check {
	git_repository *repo;
};

int
gv__git_check_open(struct gv__git_check **out, const char *repo_dir)
{
	git_repository *repo = NULL;
	int error;

	*out = NULL;
	if ((error = gv__git_open(&repo, repo_dir)) < 0)
		return error;
	/* Verifying trusts no object it has not hashed: a corrupt commit or
	 * tree must not vouch for the text voted on. */
	gv__git_verify_hashes(1);
	*out = gv__xcalloc(1, sizeof(**out));
	(*out)->repo = repo;
	return 0;
}

void
gv__git_check_free(struct gv__git_check *c)
{
	if (!c)
		return;
	gv__git_verify_hashes(0);
	git_repository_free(c->repo);
	free(c);
}

int
gv__git_check_commit(char out[41], struct gv__git_check *c, const char *rev)
{
	git_commit *commit = NULL;
	int error;

	out[0] = '\0';
	if ((error = gv__git_commit(&commit, c->repo, rev)) < 0)
		return error;
	git_oid_tostr(out, 41, git_commit_id(commit));
	git_commit_free(commit);
	return 0;
}

/* libgit2's own words for an object it could not read ("object hash
 * mismatch ..."), for the caller to place. */
static int
check_failed(void)
{
	const git_error *e = git_error_last();

	return gv__error_set(GV_ERRCLASS_REDLINE, GV_ERROR, "%s",
	                     e && e->message ? e->message : "unknown error");
}

int
gv__git_check_blob(char out[41], struct gv__git_check *c, const char *commit_id,
                   const char *path)
{
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	git_tree_entry *e = NULL;
	git_blob *blob = NULL;
	int error = 0;

	out[0] = '\0';
	if ((error = gv__git_commit(&commit, c->repo, commit_id)) < 0)
		return error;
	/* Each object is read whole, so its hash is checked. */
	if (git_commit_tree(&tree, commit) < 0)
		error = check_failed();
	else if (git_tree_entry_bypath(&e, tree, path) == 0 &&
	         git_blob_lookup(&blob, c->repo, git_tree_entry_id(e)) < 0)
		error = check_failed();
	else if (e)
		git_oid_tostr(out, 41, git_tree_entry_id(e));
	git_blob_free(blob);
	git_tree_entry_free(e);
	git_tree_free(tree);
	git_commit_free(commit);
	return error;
}
