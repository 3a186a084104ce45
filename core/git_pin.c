/* SPDX-License-Identifier: MIT */
/*
 * This file implements redlines pinned to ballot versions: a version names
 * a repository and two commits, and keeps the blob ids of the files they
 * change, so its redline can always be rebuilt and checked against what
 * was voted ("ballot verify"). It also finds the lines review notes are
 * anchored to, by the hash of their text, as new versions come.
 */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"
#include "event.h"
#include "gavel/redline.h"
#include "git.h"

struct pin {
	int64_t version; /* row id */
	int n;
	char *repo, *base, *head;
};

static void
pin_dispose(struct pin *p)
{
	free(p->repo);
	free(p->base);
	free(p->head);
	memset(p, 0, sizeof(*p));
}

/* The ballot's pinned version n (0: the latest pinned one). */
static int
pin_get(struct pin *p, struct gv_db *db, const struct gv_ballot *b, int n)
{
	sqlite3_stmt *st = gv__db_stmt(db, GV__STMT_VERSION_PINNED);
	int rc;

	memset(p, 0, sizeof(*p));
	if (!st)
		return GV_ERROR;
	gv__bind_int(st, 1, b->id);
	gv__bind_int(st, 2, n);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->version = sqlite3_column_int64(st, 0);
		p->n = sqlite3_column_int(st, 1);
		p->repo = gv__col_text(st, 2);
		p->base = gv__col_text(st, 3);
		p->head = gv__col_text(st, 4);
	}
	gv__db_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	return gv__error_set(GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
	                     "%s has no version pinned to a repository%s: "
	                     "record one with 'gavel ballot version %s --repo "
	                     "DIR --base REV --head REV'",
	                     b->number, n ? " with that number" : "",
	                     b->number);
}

/* Stores the files the range changes, with their blob ids. */
static int
pin_files(struct gv_db *db, int64_t version, git_repository *repo,
          git_commit *base, git_commit *head)
{
	git_tree *a = NULL, *b = NULL;
	git_diff *diff = NULL;
	char ab[41], hb[41];
	sqlite3_stmt *st;
	size_t i;
	int error = 0;

	if (git_commit_tree(&a, base) < 0 || git_commit_tree(&b, head) < 0 ||
	    git_diff_tree_to_tree(&diff, repo, a, b, NULL) < 0) {
		error = gv__error_set(GV_ERRCLASS_REDLINE, GV_ERROR,
		                      "cannot diff the pinned range");
		goto out;
	}
	for (i = 0; i < git_diff_num_deltas(diff) && error == 0; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);

		git_oid_tostr(ab, sizeof(ab), &d->old_file.id);
		git_oid_tostr(hb, sizeof(hb), &d->new_file.id);
		if (!(st = gv__db_stmt(db, GV__STMT_VERSION_FILE_ADD))) {
			error = GV_ERROR;
			break;
		}
		gv__bind_int(st, 1, version);
		gv__bind_text(st, 2, d->new_file.path);
		gv__bind_text(st, 3,
		              git_oid_is_zero(&d->old_file.id) ? NULL : ab);
		gv__bind_text(st, 4,
		              git_oid_is_zero(&d->new_file.id) ? NULL : hb);
		error = gv__db_run(db, st);
	}
out:
	git_diff_free(diff);
	git_tree_free(a);
	git_tree_free(b);
	return error;
}

/*
 * Whether the ballot's latest version can be pinned where it is: it has
 * one, and no repository is pinned to it yet. Used when the ballot is past
 * its discussion and takes no new text (gv_ballot_version said so), since
 * the text it was voted on can still be located.
 */
static int
pin_in_place(struct gv_db *db, const char *ref, int64_t at)
{
	struct gv_ballot *b = NULL;
	struct pin p = {0};
	int error;

	if ((error = gv__ballot_load_ref(&b, db, ref, at)) < 0)
		return error;
	if (b->nversions == 0 || (pin_get(&p, db, b, 0) == 0 &&
	                          p.n == b->versions[b->nversions - 1].n))
		error = gv__error_set(GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		                      "%s is %s and its text is pinned: a new "
		                      "text needs a new ballot",
		                      b->number,
		                      gv_ballot_state_name(b->state));
	pin_dispose(&p);
	gv_ballot_free(b);
	return error;
}

/* Pins the range to the ballot's latest version (in a transaction). */
static int
pin_latest(struct gv_db *db, const char *ref, struct gv__git_range *range,
           int64_t at)
{
	struct gv_ballot *b = NULL;
	char real[PATH_MAX], base[41], head[41];
	sqlite3_stmt *st;
	int64_t version = 0;
	int error;

	if (!realpath(gv__git_where(range->repo), real))
		snprintf(real, sizeof(real), "%s", gv__git_where(range->repo));
	git_oid_tostr(base, sizeof(base), git_commit_id(range->base));
	git_oid_tostr(head, sizeof(head), git_commit_id(range->head));
	if ((error = gv__ballot_load_ref(&b, db, ref, at)) < 0)
		return error;
	if (!(st = gv__db_stmt(db, GV__STMT_VERSION_PIN))) {
		gv_ballot_free(b);
		return GV_ERROR;
	}
	gv__bind_int(st, 1, b->id);
	gv__bind_text(st, 2, real);
	gv__bind_text(st, 3, base);
	gv__bind_text(st, 4, head);
	gv__bind_int(st, 5, b->nversions ? b->versions[b->nversions - 1].n : 0);
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	if (!version)
		error = gv__db_error(db, GV_ERRCLASS_REDLINE);
	else if ((error = pin_files(db, version, range->repo, range->base,
	                            range->head)) == 0)
		error = gv__eventf(db, b->body_id, "ballot.pin", b->number,
		                   "{s:s, s:s, s:s}", "repo", real, "base",
		                   base, "head", head);
	gv_ballot_free(b);
	return error;
}

/*
 * Records the range as the ballot's text: a new version, or, when
 * in_place, its latest one (a voted ballot whose text is located after
 * the fact, as the demo does).
 */
static int
pin(struct gv_db *db, const char *ref, const char *repo_dir,
    const char *base_rev, const char *head_rev, const char *url, unsigned flags,
    int64_t at, int in_place)
{
	struct gv__git_range range = {0};
	struct gv__version_text v = {NULL, url, NULL, NULL};
	char *spec, base[41], head[41];
	int error;

	spec = gv__xsprintf("%s..%s", base_rev, head_rev);
	error = gv__git_range(&range, repo_dir, spec);
	free(spec);
	if (error < 0)
		return error;
	git_oid_tostr(base, sizeof(base), git_commit_id(range.base));
	git_oid_tostr(head, sizeof(head), git_commit_id(range.head));
	v.base = base;
	v.head = head;
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if (in_place)
		error = pin_in_place(db, ref, at);
	else if ((error = gv__ballot_version_add(db, ref, &v, flags, at)) ==
	         GV_ECONFLICT)
		error = pin_in_place(db, ref, at);
	if (error < 0 || (error = pin_latest(db, ref, &range, at)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
out:
	gv__git_range_dispose(&range);
	return error;
}

int
gv_ballot_pin(struct gv_db *db, const char *ref, const char *repo_dir,
              const char *base_rev, const char *head_rev, const char *url,
              unsigned flags, int64_t at)
{
	return pin(db, ref, repo_dir, base_rev, head_rev, url, flags, at, 0);
}

int
gv__ballot_pin_latest(struct gv_db *db, const char *ref, const char *repo_dir,
                      const char *base_rev, const char *head_rev, int64_t at)
{
	return pin(db, ref, repo_dir, base_rev, head_rev, NULL, 0, at, 1);
}

int
gv_ballot_redline(struct gv_redline **out, struct gv_db *db, const char *ref,
                  int n, const struct gv_redline_opts *extra)
{
	struct gv_redline_opts o = {0};
	struct gv_ballot *b = NULL;
	struct pin p;
	int error;

	*out = NULL;
	if ((error = gv_ballot_get(&b, db, ref)) < 0)
		return error;
	if ((error = pin_get(&p, db, b, n)) == 0) {
		if (extra)
			o = *extra;
		o.repo = p.repo;
		o.range = gv__xsprintf("%s..%s", p.base, p.head);
		error = gv_redline_build(out, &o);
		free((char *)o.range);
	}
	pin_dispose(&p);
	gv_ballot_free(b);
	return error;
}

/* The blob id of path at commit ("" when it is not there); -1 when the
 * tree or the text cannot be read whole (a corrupt object). */
static int
blob_at(char out[41], git_repository *repo, git_commit *commit,
        const char *path)
{
	git_tree *tree = NULL;
	git_tree_entry *e = NULL;
	git_blob *blob = NULL;
	int rc = 0;

	out[0] = '\0';
	if (!commit)
		return 0;
	if (git_commit_tree(&tree, commit) < 0)
		rc = -1;
	else if (git_tree_entry_bypath(&e, tree, path) == 0 &&
	         git_blob_lookup(&blob, repo, git_tree_entry_id(e)) < 0)
		rc = -1;
	else if (e)
		git_oid_tostr(out, 41, git_tree_entry_id(e));
	git_blob_free(blob);
	git_tree_entry_free(e);
	git_tree_free(tree);
	return rc;
}

/* One line of verify_files: the text at a commit against the pin. */
static void
verify_text(struct gv_verify *v, git_repository *repo, git_commit *commit,
            const char *path, const char *pinned, const char *where,
            const char *same, const char *other)
{
	char now[41];

	if (blob_at(now, repo, commit, path) < 0) {
		gv__verify_add(v, GV_VERIFY_PROBLEM,
		               gv__xsprintf("%s %s: cannot be read (%s); the "
		                            "repository is damaged: run git "
		                            "fsck",
		                            path, where,
		                            git_error_last()
		                                    ? git_error_last()->message
		                                    : "unknown error"));
		return;
	}
	if (pinned ? !strcmp(now, pinned) : !now[0])
		gv__verify_add(v, GV_VERIFY_OK,
		               gv__xsprintf("%s %s: %s", path, where, same));
	else
		gv__verify_add(v, GV_VERIFY_PROBLEM,
		               gv__xsprintf("%s %s: %s", path, where, other));
}

void
gv__verify_add(struct gv_verify *v, enum gv_verify_kind kind, char *line)
{
	v->lines = gv__xrealloc(v->lines, (v->n + 1) * sizeof(*v->lines));
	v->kind = gv__xrealloc(v->kind, (v->n + 1) * sizeof(*v->kind));
	v->lines[v->n] = line;
	v->kind[v->n++] = kind;
	v->problems += kind == GV_VERIFY_PROBLEM;
}

static void
verify_add(struct gv_verify *v, int ok, char *line)
{
	gv__verify_add(v, ok ? GV_VERIFY_OK : GV_VERIFY_PROBLEM, line);
}

/* Each pinned file's text at head (and at merge) is what was pinned. */
static int
verify_files(struct gv_verify *v, struct gv_db *db, git_repository *repo,
             const struct pin *p, git_commit *head, git_commit *merged)
{
	sqlite3_stmt *st = gv__db_stmt(db, GV__STMT_VERSION_FILES);
	int rc;

	if (!st)
		return GV_ERROR;
	gv__bind_int(st, 1, p->version);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *path = (const char *)sqlite3_column_text(st, 0);
		const char *pinned = (const char *)sqlite3_column_text(st, 2);

		verify_text(v, repo, head, path, pinned, "at the pinned head",
		            "the text voted on",
		            "differs from the text pinned");
		if (merged)
			verify_text(v, repo, merged, path, pinned, "as merged",
			            "equals the text voted on",
			            "is NOT the text voted on");
	}
	gv__db_reset(st);
	return rc == SQLITE_DONE ? 0 : gv__db_error(db, GV_ERRCLASS_REDLINE);
}

int
gv_ballot_verify(struct gv_verify *v, struct gv_db *db, const char *ref,
                 const char *merge)
{
	git_commit *head = NULL, *merged = NULL, *base = NULL;
	git_repository *repo = NULL;
	struct gv_ballot *b = NULL;
	struct pin p = {0};
	int error;

	memset(v, 0, sizeof(*v));
	if ((error = gv_ballot_get(&b, db, ref)) < 0 ||
	    (error = pin_get(&p, db, b, 0)) < 0 ||
	    (error = gv__git_open(&repo, p.repo)) < 0)
		goto out;
	/* Verifying trusts no object it has not hashed: a corrupt commit or
	 * tree must not vouch for the text voted on. */
	gv__git_verify_hashes(1);
	error = gv__git_commit(&base, repo, p.base);
	verify_add(v, error == 0,
	           gv__xsprintf("base %.12s: %s", p.base,
	                        error == 0 ? "present" : "missing"));
	error = gv__git_commit(&head, repo, p.head);
	verify_add(v, error == 0,
	           gv__xsprintf("head %.12s: %s", p.head,
	                        error == 0 ? "present" : "missing"));
	if (merge && (error = gv__git_commit(&merged, repo, merge)) < 0)
		goto out;
	/* The other pending ballots are compared through this one's
	 * redline; when the repository cannot give it, that is one more
	 * problem to report, not a reason to hide the others. */
	if ((error = verify_files(v, db, repo, &p, head, merged)) == 0 &&
	    gv__verify_overlaps(v, db, b) < 0)
		gv__verify_add(v, GV_VERIFY_PROBLEM,
		               gv__xsprintf("other pending ballots not "
		                            "compared: %s",
		                            gv_error_last()->message));
out:
	if (repo)
		gv__git_verify_hashes(0);
	git_commit_free(base);
	git_commit_free(head);
	git_commit_free(merged);
	git_repository_free(repo);
	pin_dispose(&p);
	gv_ballot_free(b);
	return error;
}

void
gv_verify_dispose(struct gv_verify *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->lines[i]);
	free(v->lines);
	free(v->kind);
	memset(v, 0, sizeof(*v));
}
