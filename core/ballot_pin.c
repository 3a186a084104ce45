/* SPDX-License-Identifier: MIT */
/*
 * This file implements redlines pinned to ballot versions: a version names
 * a repository and two commits, and keeps the blob ids of the files they
 * change, so its redline can always be rebuilt and checked against what
 * was voted (core/ballot_verify.c). The repository is read through the
 * git adapters (core/git_files.h, core/git_range.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"
#include "event.h"
#include "gavel/redline.h"
#include "git_files.h"
#include "git_range.h"

void
gv__pin_dispose(struct gv__pin *p)
{
	free(p->repo);
	free(p->base);
	free(p->head);
	memset(p, 0, sizeof(*p));
}

int
gv__pin_get(struct gv__pin *p, struct gv_db *db, const struct gv_ballot *b,
            int n)
{
	int error;
	sqlite3_stmt *st = NULL;
	int rc;

	memset(p, 0, sizeof(*p));
	if ((error = gv__db_stmt(&st, db, GV__STMT_VERSION_PINNED)) < 0)
		return error;
	gv__bind_int(st, 1, b->id);
	gv__bind_int(st, 2, n);
	if ((rc = gv__db_step(db, st)) > 0) {
		p->version = sqlite3_column_int64(st, 0);
		p->n = sqlite3_column_int(st, 1);
		p->repo = gv__col_text(st, 2);
		p->base = gv__col_text(st, 3);
		p->head = gv__col_text(st, 4);
	}
	gv__db_reset(st);
	if (rc != 0)
		return rc < 0 ? rc : 0;
	return gv__error_set(GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
	                     "%s has no version pinned to a repository%s: "
	                     "record one with 'gavel ballot version %s --repo "
	                     "DIR --base REV --head REV'",
	                     b->number, n ? " with that number" : "",
	                     b->number);
}

/* Stores the files the range changes, with their blob ids. */
static int
pin_files(struct gv_db *db, int64_t version, const char *repo, const char *base,
          const char *head)
{
	struct gv__git_change *v = NULL;
	sqlite3_stmt *st;
	size_t n = 0;
	int error;

	if ((error = gv__git_changes(&v, &n, repo, base, head)) < 0)
		return error;
	for (size_t i = 0; i < n && error == 0; i++) {
		if ((error = gv__db_stmt(&st, db, GV__STMT_VERSION_FILE_ADD)) <
		    0)
			break;
		gv__bind_int(st, 1, version);
		gv__bind_text(st, 2, v[i].path);
		gv__bind_text(st, 3, v[i].base[0] ? v[i].base : NULL);
		gv__bind_text(st, 4, v[i].head[0] ? v[i].head : NULL);
		error = gv__db_run(db, st);
	}
	gv__git_changes_free(v, n);
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
	struct gv__pin p = {0};
	int error;

	if ((error = gv__ballot_load_ref(&b, db, ref, at)) < 0)
		return error;
	if (b->nversions == 0 || (gv__pin_get(&p, db, b, 0) == 0 &&
	                          p.n == b->versions[b->nversions - 1].n))
		error = gv__error_set(GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		                      "%s is %s and its text is pinned: a new "
		                      "text needs a new ballot",
		                      b->number,
		                      gv_ballot_state_name(b->state));
	gv__pin_dispose(&p);
	gv_ballot_free(b);
	return error;
}

/* Pins the range (full commit ids in repo, an absolute folder) to the
 * ballot's latest version (in the caller's transaction). */
static int
pin_latest(struct gv_db *db, const char *ref, const char *repo,
           const char *base, const char *head, int64_t at)
{
	struct gv_ballot *b = NULL;
	sqlite3_stmt *st;
	int64_t version = 0;
	int error;

	if ((error = gv__ballot_load_ref(&b, db, ref, at)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_VERSION_PIN)) < 0) {
		gv_ballot_free(b);
		return error;
	}
	gv__bind_int(st, 1, b->id);
	gv__bind_text(st, 2, repo);
	gv__bind_text(st, 3, base);
	gv__bind_text(st, 4, head);
	gv__bind_int(st, 5, b->nversions ? b->versions[b->nversions - 1].n : 0);
	if ((error = gv__db_step(db, st)) > 0)
		version = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	if (error >= 0 && !version)
		error = gv__error_set(GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
		                      "%s has no version to pin", b->number);
	else if (error >= 0 &&
	         (error = pin_files(db, version, repo, base, head)) == 0)
		error = gv__eventf(db, b->body_id, "ballot.pin", b->number,
		                   "{s:s, s:s, s:s}", "repo", repo, "base",
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
	struct gv__version_text v = {NULL, url, NULL, NULL};
	char *spec, *base = NULL, *head = NULL, *where = NULL;
	int error;

	spec = gv__xsprintf("%s..%s", base_rev, head_rev);
	error = gv__git_resolve(&base, &head, &where, repo_dir, spec);
	free(spec);
	if (error < 0)
		return error;
	v.base = base;
	v.head = head;
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if (in_place)
		error = pin_in_place(db, ref, at);
	else if ((error = gv__ballot_version_add(db, ref, &v, flags, at)) ==
	         GV_ECONFLICT)
		error = pin_in_place(db, ref, at);
	if (error < 0 ||
	    (error = pin_latest(db, ref, where, base, head, at)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
out:
	free(base);
	free(head);
	free(where);
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
	struct gv__pin p;
	int error;

	*out = NULL;
	if ((error = gv_ballot_get(&b, db, ref)) < 0)
		return error;
	if ((error = gv__pin_get(&p, db, b, n)) == 0) {
		if (extra)
			o = *extra;
		o.repo = p.repo;
		o.range = gv__xsprintf("%s..%s", p.base, p.head);
		error = gv_redline_build(out, &o);
		free((char *)o.range);
	}
	gv__pin_dispose(&p);
	gv_ballot_free(b);
	return error;
}
