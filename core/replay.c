/* SPDX-License-Identifier: MIT */
/*
 * This file implements applying stored operations: one at its place in
 * the log's order, checking its actor's role and every guard again, and
 * the rebuild that empties the derived tables and applies the whole log.
 * An operation whose guard no longer holds is kept and marked, never
 * dropped (issue 17, item 3).
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/log.h"
#include "issue_internal.h"
#include "op_kinds.h"
#include "op_log.h"
#include "replay.h"
#include "role_check.h"

static int
set_status(struct gv_db *db, int64_t seq, const char *status,
           const char *reason)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_SET_STATUS)) < 0)
		return error;
	gv__bind_int(st, 1, seq);
	gv__bind_text(st, 2, status);
	gv__bind_text(st, 3, reason);
	return gv__db_run(db, st);
}

static void
count(struct gv_rebuild_report *r, const char *status)
{
	if (!r)
		return;
	r->ops++;
	if (!strcmp(status, "applied"))
		r->applied++;
	else if (!strcmp(status, "conflict"))
		r->conflicts++;
	else if (!strcmp(status, "same"))
		r->same++;
	else if (!strcmp(status, "unknown"))
		r->unknown++;
	else
		r->denied++;
}

/*
 * Whether the failure in gv_error_last() is this machine's, not the
 * operation's: a module that cannot be loaded (a zone needs gavel-ical.so),
 * a database locked, read-only or damaged. Recorded as the operation's
 * conflict, it would stay in the log's statuses after the machine was
 * mended, and every operation after it that needs what it made would
 * fail too: the apply stops instead, and nothing of it is kept.
 */
static int
machine_failed(int rc)
{
	return gv_error_last()->klass == GV_ERRCLASS_OS || rc == GV_EBUSY ||
	       rc == GV_EREADONLY || rc == GV_ENOTDB;
}

/* Applies op in a savepoint of its own: a failed guard undoes only it. */
static int
apply_guarded(const char **status, char **reason, struct gv_db *db,
              const struct gv__op *op)
{
	int error, rc;

	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((rc = gv__role_allows(db, op)) == 0)
		rc = gv__op_run(db, op);
	if (rc < 0 && machine_failed(rc)) {
		gv__db_rollback(db);
		return rc;
	}
	if (rc < 0) {
		*status = rc == GV_EDENIED ? "denied" : "conflict";
		*reason = gv__xstrdup(gv_error_last()->message);
		gv__db_rollback(db);
		return 0;
	}
	*status = rc == GV__OP_SAME ? "same" : "applied";
	return gv__db_commit(db);
}

/* Applies rd (or says why not) and stores what that did as row seq's
 * status; a row just recorded already says "applied", and is left as it
 * is when that is what happened (fresh). */
static int
replay(struct gv_db *db, int64_t seq, struct gv__op_read *rd, int fresh,
       struct gv_rebuild_report *r)
{
	const char *status = "applied";
	char *reason = NULL;
	int error;

	if (rd->format > GV__OP_FORMAT ||
	    !(rd->op.kind = gv__op_kind_find(rd->kind_name))) {
		status = "unknown";
		reason = gv__xsprintf("%s is an operation of a newer gavel: "
		                      "kept, applied once gavel is upgraded",
		                      rd->kind_name);
	} else if ((error = apply_guarded(&status, &reason, db, &rd->op)) < 0) {
		return error;
	}
	count(r, status);
	error = fresh && !reason && !strcmp(status, "applied")
	                ? 0
	                : set_status(db, seq, status, reason);
	free(reason);
	return error;
}

int
gv__replay_read(struct gv_db *db, int64_t seq, struct gv__op_read *rd)
{
	return replay(db, seq, rd, 1, NULL);
}

int
gv__replay_one(struct gv_db *db, int64_t seq, const char *text, size_t len,
               struct gv_rebuild_report *r)
{
	struct gv__op_read rd;
	char *reason;
	int error;

	if (gv__op_parse(&rd, text, len) < 0) {
		/* Checked when it entered the log; only a hand-edited file
		 * gets here. */
		reason = gv__xstrdup(gv_error_last()->message);
		count(r, "conflict");
		error = set_status(db, seq, "conflict", reason);
		free(reason);
		return error;
	}
	error = replay(db, seq, &rd, 0, r);
	gv__op_read_dispose(&rd);
	return error;
}

/* How many operations the log holds, for the progress of a rebuild. */
static size_t
log_size(struct gv_db *db)
{
	sqlite3_stmt *st;
	size_t n = 0;

	if (gv__db_stmt(&st, db, GV__STMT_OP_COUNT) < 0)
		return 0;
	if (gv__db_step(db, st) > 0)
		n = (size_t)sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	return n;
}

int
gv_rebuild(struct gv_rebuild_report *r, struct gv_db *db)
{
	sqlite3_stmt *st = NULL;
	size_t n, done = 0;
	int error;

	if (r)
		memset(r, 0, sizeof(*r));
	if ((error = gv__db_begin(db)) < 0)
		return error;
	n = log_size(db);
	if ((error = gv__db_clear_derived(db)) < 0 ||
	    (error = gv__db_stmt(&st, db, GV__STMT_OP_IN_ORDER)) < 0)
		goto rollback;
	gv__issue_reindex_defer(db);
	while ((error = gv__db_step(db, st)) > 0) {
		gv__progress(db, "applying operations", done++, n);
		if ((error = gv__replay_one(
		             db, sqlite3_column_int64(st, 0),
		             (const char *)sqlite3_column_text(st, 1),
		             (size_t)sqlite3_column_bytes(st, 1), r)) < 0)
			break;
	}
	gv__db_reset(st);
	gv__progress(db, "applying operations", n, n);
	if (error < 0) {
		gv__issue_reindex_flush(db);
		goto rollback;
	}
	if ((error = gv__issue_reindex_flush(db)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	return 0;
rollback:
	gv__db_rollback(db);
	if (r)
		memset(r, 0, sizeof(*r));
	return error;
}
