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
 * operation's: a database locked, read-only or damaged, a module that
 * cannot be loaded (no kind's apply loads one now: a zone is held to its
 * name's form, core/zone.c). Recorded as the operation's
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

/*
 * Operations are applied in runs. A savepoint for each operation, which a
 * failed guard needs to undo only that operation, and the savepoints each
 * apply opens inside it as a command's transaction, cost a sync 2.7 to
 * 4.1 % of its instructions: SQLite copies every page a savepoint first
 * writes into its journal, and every operation writes the same few pages
 * (the last leaf of each table). A failed guard is rare, so a run of up
 * to RUN_MAX operations shares one savepoint, and the applies' own open
 * none (gv__db_flatten). When one of them fails, or undoes a part of its
 * own (which only a savepoint can), the run goes back to its savepoint,
 * the operations before it are applied again (the store is as it was for
 * them: they do the same), it alone is applied in a savepoint of its own
 * as apply_guarded always did, and the run is kept there.
 */
#define RUN_MAX 16
#define RETRY   2 /* failed without a savepoint of its own */

/* An operation of a run, held until the run is kept. */
struct entry {
	int64_t seq;
	/* &own, or NULL: its text does not read (why). */
	struct gv__op_read *rd;
	struct gv__op_read own;
	char *why;
	int fresh;          /* just recorded with the status "applied" */
	int guarded;        /* in a savepoint of its own */
	const char *status; /* what applying it did */
};

struct gv__replay_run {
	struct gv_db *db;
	struct gv_rebuild_report *r;
	int open; /* the run's savepoint */
	size_t n;
	struct entry e[RUN_MAX];
};

/* Applies e (or says why not) and stores what that did as row seq's
 * status; a row just recorded already says "applied", and is left as it
 * is when that is what happened (fresh). RETRY when e failed outside a
 * savepoint of its own. */
static int
apply_entry(struct gv_db *db, struct entry *e)
{
	const char *status = "applied";
	char *reason = NULL;
	int error = 0, rc, spoiled;

	if (!e->rd) {
		/* Checked when it entered the log; only a hand-edited file
		 * gets here. */
		status = "conflict";
		reason = gv__xstrdup(e->why);
	} else if (e->rd->format > GV__OP_FORMAT ||
	           !(e->rd->op.kind = gv__op_kind_find(e->rd->kind_name))) {
		status = "unknown";
		reason = gv__xsprintf("%s is an operation of a newer gavel: "
		                      "kept, applied once gavel is upgraded",
		                      e->rd->kind_name);
	} else if (e->guarded) {
		error = apply_guarded(&status, &reason, db, &e->rd->op);
	} else {
		gv__db_flatten(db, 1);
		if ((rc = gv__role_allows(db, &e->rd->op)) == 0)
			rc = gv__op_run(db, &e->rd->op);
		spoiled = gv__db_flatten(db, 0);
		if (rc < 0 && machine_failed(rc))
			return rc;
		if (rc < 0 || spoiled)
			return RETRY;
		status = rc == GV__OP_SAME ? "same" : "applied";
	}
	e->status = status;
	if (error == 0 && (!e->fresh || reason || strcmp(status, "applied")))
		error = set_status(db, e->seq, status, reason);
	free(reason);
	return error;
}

static void
entry_dispose(struct entry *e)
{
	gv__op_read_dispose(&e->own);
	free(e->why);
	memset(e, 0, sizeof(*e));
}

/* Releases the run's savepoint: what it applied is the caller's. */
static int
run_keep(struct gv__replay_run *run)
{
	int error = 0;
	size_t i;

	if (run->open && (error = gv__db_commit(run->db)) < 0)
		return error;
	run->open = 0;
	for (i = 0; i < run->n; i++) {
		count(run->r, run->e[i].status);
		entry_dispose(&run->e[i]);
	}
	run->n = 0;
	return 0;
}

/* Undoes the run and applies it again, the operation at failed in a
 * savepoint of its own, then keeps it. */
static int
run_again(struct gv__replay_run *run, size_t failed)
{
	size_t i;
	int error;

	for (;;) {
		run->e[failed].guarded = 1;
		gv__db_rollback(run->db);
		run->open = 0;
		if ((error = gv__db_begin(run->db)) < 0)
			return error;
		run->open = 1;
		for (i = 0; i < run->n; i++)
			if ((error = apply_entry(run->db, &run->e[i])) != 0)
				break;
		if (error != RETRY)
			break;
		/* Not expected: the store was as it was the first time. */
		failed = i;
	}
	return error < 0 ? error : run_keep(run);
}

/* Applies the entry just added at the run's end. */
static int
run_apply_last(struct gv__replay_run *run)
{
	int error;

	if (!run->open) {
		if ((error = gv__db_begin(run->db)) < 0)
			return error;
		run->open = 1;
	}
	error = apply_entry(run->db, &run->e[run->n - 1]);
	if (error == RETRY)
		return run_again(run, run->n - 1);
	if (error == 0 && run->n == RUN_MAX)
		error = run_keep(run);
	return error;
}

struct gv__replay_run *
gv__replay_run_new(struct gv_db *db, struct gv_rebuild_report *r)
{
	struct gv__replay_run *run = gv__xcalloc(1, sizeof(*run));

	run->db = db;
	run->r = r;
	return run;
}

/* Reads the operation stored as row seq and applies it at the run's end;
 * the text is the log's, checked when it came in: not hashed again. */
static int
run_add(struct gv__replay_run *run, int64_t seq, const char *id,
        const char *text, size_t len, int fresh)
{
	struct entry *e = &run->e[run->n++];

	e->seq = seq;
	e->fresh = fresh;
	if (gv__op_parse_logged(&e->own, text, len, id) < 0)
		e->why = gv__xstrdup(gv_error_last()->message);
	else
		e->rd = &e->own;
	return run_apply_last(run);
}

int
gv__replay_run_text(struct gv__replay_run *run, int64_t seq, const char *id,
                    const char *text, size_t len)
{
	return run_add(run, seq, id, text, len, 0);
}

int
gv__replay_run_fresh(struct gv__replay_run *run, int64_t seq, const char *id,
                     const char *text, size_t len)
{
	return run_add(run, seq, id, text, len, 1);
}

int
gv__replay_run_finish(struct gv__replay_run *run)
{
	return run_keep(run);
}

void
gv__replay_run_free(struct gv__replay_run *run)
{
	size_t i;

	if (!run)
		return;
	if (run->open)
		gv__db_rollback(run->db);
	for (i = 0; i < run->n; i++)
		entry_dispose(&run->e[i]);
	free(run);
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
	struct gv__replay_run *run;
	sqlite3_stmt *st = NULL;
	size_t n, done = 0;
	int error;

	if (r)
		memset(r, 0, sizeof(*r));
	n = log_size(db);
	/* Every derived table is written again, whatever the log's size. */
	gv__db_bulk_begin(db, SIZE_MAX);
	if ((error = gv__db_begin(db)) < 0) {
		gv__db_bulk_end(db);
		return error;
	}
	if ((error = gv__db_clear_derived(db)) < 0 ||
	    (error = gv__db_stmt(&st, db, GV__STMT_OP_IN_ORDER)) < 0)
		goto rollback;
	gv__issue_reindex_defer(db);
	run = gv__replay_run_new(db, r);
	while ((error = gv__db_step(db, st)) > 0) {
		gv__progress(db, "applying operations", done++, n);
		if ((error = gv__replay_run_text(
		             run, sqlite3_column_int64(st, 0),
		             (const char *)sqlite3_column_text(st, 2),
		             (const char *)sqlite3_column_text(st, 1),
		             (size_t)sqlite3_column_bytes(st, 1))) < 0)
			break;
	}
	gv__db_reset(st);
	if (error == 0)
		error = gv__replay_run_finish(run);
	gv__replay_run_free(run);
	gv__progress(db, "applying operations", n, n);
	if (error < 0) {
		gv__issue_reindex_flush(db);
		goto rollback;
	}
	if ((error = gv__issue_reindex_flush(db)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	gv__db_bulk_end(db);
	return 0;
rollback:
	gv__db_rollback(db);
	gv__db_bulk_end(db);
	if (r)
		memset(r, 0, sizeof(*r));
	return error;
}
