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
#include "gavel/redline.h"
#include "git_files.h"
#include "git_range.h"
#include "op_kinds.h"

void
gv__pin_dispose(struct gv__pin *p)
{
	free(p->repo);
	free(p->base);
	free(p->head);
	memset(p, 0, sizeof(*p));
}

/* Reads into p the ballot's pinned version n (0: the latest) or, with a
 * head, the one pinned there (VERSION_PINNED_AT); 0 when there is none. */
static int
pin_find(struct gv__pin *p, struct gv_db *db, const struct gv_ballot *b, int n,
         const char *head)
{
	sqlite3_stmt *st = NULL;
	int rc;

	memset(p, 0, sizeof(*p));
	if ((rc = gv__db_stmt(&st, db,
	                      head ? GV__STMT_VERSION_PINNED_AT
	                           : GV__STMT_VERSION_PINNED)) < 0)
		return rc;
	gv__bind_int(st, 1, b->id);
	gv__bind_int(st, 2, n);
	if (head)
		gv__bind_text(st, 3, head);
	if ((rc = gv__db_step(db, st)) > 0) {
		p->version = sqlite3_column_int64(st, 0);
		p->n = sqlite3_column_int(st, 1);
		p->repo = gv__col_text(st, 2);
		p->base = gv__col_text(st, 3);
		p->head = gv__col_text(st, 4);
	}
	gv__db_reset(st);
	return rc;
}

int
gv__pin_get(struct gv__pin *p, struct gv_db *db, const struct gv_ballot *b,
            int n)
{
	int rc = pin_find(p, db, b, n, NULL);

	if (rc != 0)
		return rc < 0 ? rc : 0;
	return gv__error_set(GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
	                     "%s has no version pinned to a repository%s: "
	                     "record one with 'gavel ballot version %s --repo "
	                     "DIR --base REV --head REV'",
	                     b->number, n ? " with that number" : "",
	                     b->number);
}

int
gv__pin_get_at(struct gv__pin *p, struct gv_db *db, const struct gv_ballot *b,
               int n, const char *head)
{
	int rc = pin_find(p, db, b, n, head);

	if (rc != 0)
		return rc < 0 ? rc : 0;
	return gv__error_set(GV_ERRCLASS_REDLINE, GV_ECONFLICT,
	                     "%s has no version pinned at %.12s, the commit "
	                     "this note was made on: pin it with 'gavel "
	                     "ballot version %s', then add the note again",
	                     b->number, head, b->number);
}

/* Stores the files the range changes, with their blob ids: the list the
 * operation carries, [[path, base blob or "", head blob or ""], ...]. */
static int
pin_files(struct gv_db *db, int64_t version, const json_t *files)
{
	const char *path, *base, *head;
	const json_t *f;
	sqlite3_stmt *st;
	size_t i;
	int error = 0;

	json_array_foreach (files, i, f) {
		if (json_unpack((json_t *)f, "[sss]", &path, &base, &head) < 0)
			return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
			                     "a pinned version lists a file "
			                     "without its path and blobs");
		if ((error = gv__db_stmt(&st, db, GV__STMT_VERSION_FILE_ADD)) <
		    0)
			break;
		gv__bind_int(st, 1, version);
		gv__bind_text(st, 2, path);
		gv__bind_text(st, 3, *base ? base : NULL);
		gv__bind_text(st, 4, *head ? head : NULL);
		if ((error = gv__db_run(db, st)) < 0)
			break;
	}
	return error;
}

/* The files the range changes, as pin_files reads them. */
static int
pin_changes(json_t **out, const char *repo, const char *base, const char *head)
{
	struct gv__git_change *v = NULL;
	size_t n = 0, i;
	int error;

	*out = NULL;
	if ((error = gv__git_changes(&v, &n, repo, base, head)) < 0)
		return error;
	*out = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(*out, json_pack("[sss]", v[i].path,
		                                      v[i].base, v[i].head));
	gv__git_changes_free(v, n);
	return 0;
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
           const char *base, const char *head, const json_t *files, int64_t at)
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
	else if (error >= 0)
		error = pin_files(db, version, files);
	gv_ballot_free(b);
	return error;
}

/* What a pin operation carries. */
struct pin {
	const char *ballot, *repo, *base, *head, *url;
	const json_t *files;
	int force, in_place;
};

/*
 * Records the range as the ballot's text: a new version, or, when
 * in_place, its latest one (a voted ballot whose text is located after
 * the fact, as the demo does).
 */
static int
pin_apply(struct gv_db *db, const struct gv__op *op)
{
	struct pin p = {0};
	struct gv__version_text v = {NULL, NULL, NULL, NULL};
	char buf[48];
	int error;

	if ((error = gv__op_unpack(
	             op, "{s:s, s:s, s:s, s:s, s?s, s:o, s?b, s?b}", "ballot",
	             &p.ballot, "repo", &p.repo, "base", &p.base, "head",
	             &p.head, "url", &p.url, "files", &p.files, "force",
	             &p.force, "in_place", &p.in_place)) < 0 ||
	    (error = gv__ballot_named(&p.ballot, buf, db, op)) < 0)
		return error;
	v.url = p.url;
	v.base = p.base;
	v.head = p.head;
	if ((error = gv__db_begin(db)) < 0)
		return error;
	if (p.in_place)
		error = pin_in_place(db, p.ballot, op->at);
	else if ((error = gv__ballot_version_add(db, p.ballot, &v,
	                                         p.force ? GV_VERSION_FORCE : 0,
	                                         op->at)) == GV_ECONFLICT)
		error = pin_in_place(db, p.ballot, op->at);
	if (error < 0 ||
	    (error = pin_latest(db, p.ballot, p.repo, p.base, p.head, p.files,
	                        op->at)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
	return error;
}

const struct gv__op_kind gv__op_ballot_pin = {"ballot.pin", GV__MAY_OFFICER,
                                              pin_apply};

/* Resolves the range in this member's clone (repo_dir, else the one
 * gv_config_repo named for the body, else the current folder) and records
 * what it found: the commits and the blobs of the files they change
 * travel with the operation, so every copy keeps what was pinned without
 * the clone. */
static int
pin(struct gv_db *db, const char *ref, const char *repo_dir,
    const char *base_rev, const char *head_rev, const char *url, unsigned flags,
    int64_t at, int in_place)
{
	char *spec, *base = NULL, *head = NULL, *where = NULL, *mine = NULL;
	struct gv_ballot *b = NULL;
	json_t *files = NULL, *data;
	int error;

	if ((error = gv_ballot_get(&b, db, ref)) < 0 ||
	    (!repo_dir && (error = gv_config_repo_get(&mine, db, b->body)) < 0))
		goto out;
	spec = gv__xsprintf("%s..%s", base_rev, head_rev);
	error = gv__git_resolve(&base, &head, &where,
	                        repo_dir ? repo_dir : mine, spec);
	free(spec);
	if (error < 0 || (error = pin_changes(&files, where, base, head)) < 0)
		goto out;
	data = json_pack("{s:s, s:s, s:s, s:s, s:s*, s:o, s:b, s:b}", "ballot",
	                 b->number, "repo", where, "base", base, "head", head,
	                 "url", url, "files", files, "force",
	                 (flags & GV_VERSION_FORCE) != 0, "in_place", in_place);
	if ((error = gv__ballot_made_add(data, db, b->id)) < 0) {
		json_decref(data);
		goto out;
	}
	error = gv__op_submit(db, &gv__op_ballot_pin, b->body, at, data, 0,
	                      NULL);
out:
	gv_ballot_free(b);
	free(mine);
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
	if (extra)
		o = *extra;
	/* A clone named for this redline comes before the copy's own. */
	if ((error = gv__pin_get(&p, db, b, n)) == 0 &&
	    (o.repo || (error = gv__pin_locate(&p, db, b)) == 0)) {
		if (!o.progress) {
			o.progress = db->progress;
			o.payload = db->progress_payload;
		}
		if (!o.repo)
			o.repo = p.repo;
		o.range = gv__xsprintf("%s..%s", p.base, p.head);
		error = gv_redline_build(out, &o);
		free((char *)o.range);
	}
	/* Pages and headings name the ballot and version, not the ids. */
	if (error == 0) {
		(*out)->ballot = gv__xstrdup(b->number);
		(*out)->version = p.n;
		(*out)->ballot_title = gv__xstrdup(b->title);
	}
	gv__pin_dispose(&p);
	gv_ballot_free(b);
	return error;
}
