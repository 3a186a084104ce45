/* SPDX-License-Identifier: MIT */
/*
 * This file implements gv_redline_build: a range's two trees, diffed the
 * way `git diff` does (renames found at git's default 50% similarity), each
 * file then built by core/git_redline.c.
 */
#include <stdlib.h>
#include <string.h>

#include "git_redline.h"

/* Is path in the tree (a file, or a folder)? */
static int
tree_has(git_tree *tree, const char *path)
{
	git_tree_entry *e = NULL;
	int found = git_tree_entry_bypath(&e, tree, path) == 0;

	git_tree_entry_free(e);
	return found;
}

static int
redline_diff(git_diff **diff, git_diff_options *opts, git_repository *repo,
             git_tree *a, git_tree *b, const struct gv_redline_opts *o)
{
	git_diff_find_options find;
	char *paths[1];

	git_diff_options_init(opts, GIT_DIFF_OPTIONS_VERSION);
	git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
	opts->context_lines = o->context > 0 ? (uint32_t)o->context : 3;
	if (o->path) {
		paths[0] = (char *)o->path;
		opts->pathspec.strings = paths;
		opts->pathspec.count = 1;
		opts->flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;
	}
	if (git_diff_tree_to_tree(diff, repo, a, b, opts) < 0)
		return gv__git_failed("cannot diff the range");
	/* git diff's default, diff.renames = true. */
	find.flags = GIT_DIFF_FIND_RENAMES;
	opts->pathspec.strings = NULL; /* paths[] ends here */
	opts->pathspec.count = 0;
	if (git_diff_find_similar(*diff, &find) < 0)
		return gv__error_set(GV_ERRCLASS_REDLINE, GV_ERROR,
		                     "cannot find renames in the range");
	return 0;
}

int
gv_redline_build(struct gv_redline **out, const struct gv_redline_opts *o)
{
	struct gv__git_range range;
	struct gv_redline *r = NULL;
	git_tree *a = NULL, *b = NULL;
	git_diff_options diff_opts;
	git_diff *diff = NULL;
	size_t i, n;
	int error;

	*out = NULL;
	if ((error = gv__git_range(&range, o->repo, o->range ? o->range : "")) <
	    0)
		return error;
	if (git_commit_tree(&a, range.base) < 0 ||
	    git_commit_tree(&b, range.head) < 0) {
		error = gv__error_set(GV_ERRCLASS_REDLINE, GV_ERROR,
		                      "cannot read the range's trees");
		goto out;
	}
	if (o->path && !tree_has(a, o->path) && !tree_has(b, o->path)) {
		error = gv__error_set(GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
		                      "%s is in neither revision of %s",
		                      o->path, o->range);
		goto out;
	}
	if ((error = redline_diff(&diff, &diff_opts, range.repo, a, b, o)) < 0)
		goto out;
	r = gv__xcalloc(1, sizeof(*r));
	r->repo = gv__xstrdup(gv__git_where(range.repo));
	r->range = gv__xstrdup(o->range);
	git_oid_tostr(r->base, sizeof(r->base), git_commit_id(range.base));
	git_oid_tostr(r->head, sizeof(r->head), git_commit_id(range.head));
	n = git_diff_num_deltas(diff);
	r->files = gv__xcalloc(n ? n : 1, sizeof(*r->files));
	for (i = 0; i < n && error == 0; i++) {
		struct gv_rfile *f = &r->files[r->nfiles];

		error = gv__redline_file(f, range.repo, diff, i, &diff_opts,
		                         o->section);
		r->nfiles++;
		/* With a section asked for, files without it drop out. */
		if (error == 0 && o->section && !f->nhunks) {
			gv__rfile_dispose(f);
			r->nfiles--;
		}
	}
out:
	git_diff_free(diff);
	git_tree_free(a);
	git_tree_free(b);
	gv__git_range_dispose(&range);
	if (error < 0) {
		gv_redline_free(r);
		return error;
	}
	*out = r;
	return 0;
}

void
gv__rfile_dispose(struct gv_rfile *f)
{
	size_t i;

	for (i = 0; i < f->nhunks; i++)
		gv__rhunk_dispose(&f->hunks[i]);
	for (i = 0; i < f->nsections; i++)
		free(f->sections[i]);
	free(f->sections);
	free(f->hunks);
	free(f->old_path);
	free(f->new_path);
	memset(f, 0, sizeof(*f));
}

void
gv_redline_free(struct gv_redline *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nfiles; i++)
		gv__rfile_dispose(&r->files[i]);
	free(r->files);
	free(r->repo);
	free(r->ballot);
	free(r->ballot_title);
	free(r->range);
	free(r);
}
