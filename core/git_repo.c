/* SPDX-License-Identifier: MIT */
#define _XOPEN_SOURCE 700 /* realpath */

/*
 * This file implements finding revisions in a guideline's repository: a
 * working or bare repository, any revspec, "BASE..HEAD", "BASE...HEAD"
 * (from the merge base, as GitHub compare links mean it) and GitHub
 * compare URLs resolved against the local clone. Only core/git*.c uses
 * libgit2 (STYLE.md §6).
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "git.h"
#include "internal.h"

int
gv__git_failed(const char *what)
{
	const git_error *e = git_error_last();

	return gv__error_set(GV_ERRCLASS_REDLINE, GV_ERROR, "%s: %s", what,
	                     e && e->message ? e->message : "libgit2 failed");
}

int
gv__git_open(git_repository **out, const char *path)
{
	int error;

	if ((error = gv__git_start()) < 0)
		return error;
	if (git_repository_open_ext(out, path ? path : ".", 0, NULL) < 0)
		return gv__error_set(
		        GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
		        "%s is not a git repository: give a clone of "
		        "the guideline with --repo DIR",
		        path ? path : "the current folder");
	return 0;
}

/* A commit id someone pasted (7 to 40 hex digits). */
static int
looks_like_id(const char *s)
{
	size_t n = strlen(s), i;

	for (i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return n >= 7 && n <= 40;
}

int
gv__git_commit(git_commit **out, git_repository *repo, const char *spec)
{
	const char *where = git_repository_workdir(repo)
	                            ? git_repository_workdir(repo)
	                            : git_repository_path(repo);
	git_object *obj = NULL, *peeled = NULL;
	int rc;

	if ((rc = git_revparse_single(&obj, repo, spec)) < 0) {
		if (looks_like_id(spec))
			return gv__error_set(
			        GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
			        "commit %.7s is not in %s: fetch it, or the "
			        "branch was rewritten",
			        spec, where);
		if (rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS)
			return gv__error_set(GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
			                     "no revision \"%s\" in %s: give a "
			                     "tag, a branch "
			                     "or a commit id",
			                     spec, where);
		return gv__error_set(GV_ERRCLASS_REDLINE, GV_EINVALID,
		                     "\"%s\" is not a revision: give a tag, a "
		                     "branch or a commit id",
		                     spec);
	}
	rc = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (rc < 0)
		return gv__error_set(GV_ERRCLASS_REDLINE, GV_EINVALID,
		                     "\"%s\" names no commit", spec);
	*out = (git_commit *)peeled;
	return 0;
}

int
gv__git_range_split(char **base, char **head, int *three, const char *range)
{
	const char *r = range, *dots, *compare = strstr(range, "/compare/");
	size_t n;
	char *spec;

	if (compare)
		r = compare + strlen("/compare/");
	n = strcspn(r, "?#");
	spec = gv__xstrndup(r, n);
	if (!(dots = strstr(spec, ".."))) {
		free(spec);
		gv__error_set(GV_ERRCLASS_REDLINE, GV_EINVALID,
		              "\"%s\" is not a range: write BASE..HEAD, "
		              "BASE...HEAD or a GitHub compare URL",
		              range);
		return GV_EINVALID;
	}
	*base = gv__xstrndup(spec, (size_t)(dots - spec));
	*head = gv__xstrdup(dots + (dots[2] == '.' ? 3 : 2));
	if (three)
		*three = dots[2] == '.';
	free(spec);
	/* "owner:branch" in a compare URL: the branch is what is local. */
	if (compare && strchr(*head, ':')) {
		char *b = gv__xstrdup(strchr(*head, ':') + 1);

		free(*head);
		*head = b;
	}
	if (!**base || !**head) {
		free(*base);
		free(*head);
		*base = *head = NULL;
		gv__error_set(GV_ERRCLASS_REDLINE, GV_EINVALID,
		              "\"%s\" is missing a revision", range);
		return GV_EINVALID;
	}
	return 0;
}

int
gv__git_range(struct gv__git_range *out, const char *repo_path,
              const char *range)
{
	char *base = NULL, *head = NULL;
	git_oid merge_base;
	int error, three = 0;

	memset(out, 0, sizeof(*out));
	if ((error = gv__git_range_split(&base, &head, &three, range)) < 0)
		return error;
	if ((error = gv__git_open(&out->repo, repo_path)) < 0 ||
	    (error = gv__git_commit(&out->base, out->repo, base)) < 0 ||
	    (error = gv__git_commit(&out->head, out->repo, head)) < 0)
		goto out;
	if (three) {
		if (git_merge_base(&merge_base, out->repo,
		                   git_commit_id(out->base),
		                   git_commit_id(out->head)) < 0) {
			error = gv__error_set(
			        GV_ERRCLASS_REDLINE, GV_ECONFLICT,
			        "%s and %s have no common ancestor: compare "
			        "them with %s..%s",
			        base, head, base, head);
			goto out;
		}
		git_commit_free(out->base);
		out->base = NULL;
		if (git_commit_lookup(&out->base, out->repo, &merge_base) < 0)
			error = gv__git_failed("cannot read the merge base");
	}
out:
	free(base);
	free(head);
	if (error < 0)
		gv__git_range_dispose(out);
	return error;
}

void
gv__git_range_dispose(struct gv__git_range *r)
{
	git_commit_free(r->base);
	git_commit_free(r->head);
	git_repository_free(r->repo);
	memset(r, 0, sizeof(*r));
}

const char *
gv__git_where(git_repository *repo)
{
	return git_repository_workdir(repo) ? git_repository_workdir(repo)
	                                    : git_repository_path(repo);
}

/* realpath's answer for the folder git names, or that name. */
static char *
folder_of(git_repository *repo)
{
	char real[PATH_MAX];

	return gv__xstrdup(realpath(gv__git_where(repo), real)
	                           ? real
	                           : gv__git_where(repo));
}

int
gv__git_folder(char **where, const char *path)
{
	git_repository *repo;
	int error;

	*where = NULL;
	if ((error = gv__git_open(&repo, path)) < 0)
		return error;
	*where = folder_of(repo);
	git_repository_free(repo);
	return 0;
}

int
gv__git_resolve(char **base, char **head, char **where, const char *repo,
                const char *range)
{
	char hex[GIT_OID_HEXSZ + 1];
	struct gv__git_range r;
	int error;

	*base = *head = *where = NULL;
	if ((error = gv__git_range(&r, repo, range)) < 0)
		return error;
	*base = gv__xstrdup(
	        git_oid_tostr(hex, sizeof(hex), git_commit_id(r.base)));
	*head = gv__xstrdup(
	        git_oid_tostr(hex, sizeof(hex), git_commit_id(r.head)));
	*where = folder_of(r.repo);
	gv__git_range_dispose(&r);
	return 0;
}
