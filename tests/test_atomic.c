/* SPDX-License-Identifier: MIT */
/*
 * This file tests that every change is one transaction: all of it or
 * nothing. Each change of the core API is made on the demo's database
 * with the disk full at its first write, then its second, and so on
 * until it succeeds: every failed try must say so (that the disk is full,
 * not a stale or a wrong message), leave every table as it was, and leave
 * no transaction open. Faults come from temporary triggers on the test's
 * own connection, so the code under test is the code that ships.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/gavel.h"
#include "atomic.h"
#include "harness.h"
#include "internal.h"

/* What gavel says when a write finds the disk full. */
#define FAULT "the disk is full"

static int
exec_sql(struct gv_db *db, const char *sql)
{
	return sqlite3_exec(db->sql, sql, NULL, NULL, NULL) == SQLITE_OK ? 0
	                                                                 : -1;
}

/* The disk filling up, as SQLite reports it. */
static void
fault_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	sqlite3_result_error(ctx, "database or disk is full", -1);
	sqlite3_result_error_code(ctx, SQLITE_FULL);
}

/*
 * Makes the n-th write (insert, update or delete of a row of any ordinary
 * table) from now on fail as on a full disk. FTS tables and their shadow tables
 * are left alone: SQLite writes those itself, after the row they index.
 */
static int
inject(struct gv_db *db, int n)
{
	static const char *const kinds[] = {"INSERT", "UPDATE", "DELETE"};
	sqlite3_stmt *st = NULL;
	char *sql;
	int error = 0;

	if (sqlite3_create_function(db->sql, "fault", 0, SQLITE_UTF8, NULL,
	                            fault_fn, NULL, NULL) != SQLITE_OK)
		return -1;
	sql = sqlite3_mprintf("CREATE TEMP TABLE fault (n INTEGER);"
	                      "INSERT INTO fault VALUES (%d)",
	                      n);
	error = exec_sql(db, sql);
	sqlite3_free(sql);
	if (error < 0 ||
	    sqlite3_prepare_v2(db->sql,
	                       "SELECT name FROM sqlite_schema WHERE type = "
	                       "'table' AND name NOT LIKE 'sqlite%' AND name "
	                       "NOT LIKE '%fts%'",
	                       -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (error == 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		for (size_t k = 0; k < 3 && error == 0; k++) {
			sql = sqlite3_mprintf(
			        "CREATE TEMP TRIGGER \"fault %w %s\" BEFORE %s "
			        "ON main.\"%w\" BEGIN UPDATE fault SET n = n - "
			        "1; SELECT fault() WHERE (SELECT n FROM fault) "
			        "= "
			        "0; END",
			        t, kinds[k], kinds[k], t);
			error = exec_sql(db, sql);
			sqlite3_free(sql);
		}
	}
	sqlite3_finalize(st);
	return error;
}

/* A copy of the template database, opened at NOW; NULL on failure. */
static struct gv_db *
fresh(const char *template)
{
	struct gv_db_options opts = {0, 0};
	struct gv_db *db = NULL;
	char cmd[9000];

	snprintf(cmd, sizeof(cmd), "cp '%s' '%s' && rm -f '%s-wal' '%s-shm'",
	         t_path(template), t_path("work.db"), t_path("work.db"),
	         t_path("work.db"));
	if (system(cmd) != 0 || gv_db_open(&db, t_path("work.db"), &opts) < 0)
		return NULL;
	gv_db_set_now(db, t_at(NOW));
	gv_db_set_actor(db, "test");
	return db;
}

/*
 * Runs op with a fault at its 1st, 2nd, ... write until it succeeds; each
 * failure must be reported with the database's message and change
 * nothing. Returns how many writes the op made, or -1 (test failed).
 */
static int
sweep(const struct op *op, const char *template)
{
	for (int n = 1; n <= 500; n++) {
		struct gv_db *db = fresh(template);
		const char *before, *after;
		int rc, same, open_txn;

		if (!db || (op->prepare && op->prepare(db) < 0)) {
			t_fail(__FILE__, __LINE__, "%s: cannot prepare: %s",
			       op->name, gv_error_last()->message);
			gv_db_free(db);
			return -1;
		}
		before = t_db_snapshot(db);
		if (inject(db, n) < 0) {
			t_fail(__FILE__, __LINE__, "%s: cannot inject: %s",
			       op->name, sqlite3_errmsg(db->sql));
			gv_db_free(db);
			return -1;
		}
		gv_error_clear();
		rc = op->act(db);
		after = t_db_snapshot(db);
		open_txn = !sqlite3_get_autocommit(db->sql);
		same = before && after && !strcmp(before, after);
		gv_db_free(db);
		if (rc == 0) {
			if (n == 1)
				t_fail(__FILE__, __LINE__,
				       "%s: succeeded without writing",
				       op->name);
			return n == 1 ? -1 : n - 1;
		}
		if (!gv_error_last()->message ||
		    !strstr(gv_error_last()->message, FAULT)) {
			t_fail(__FILE__, __LINE__,
			       "%s, write %d failing: got %d with \"%s\", want "
			       "the database's message",
			       op->name, n, rc,
			       gv_error_last()->message
			               ? gv_error_last()->message
			               : "(none)");
			return -1;
		}
		if (!same || open_txn) {
			t_fail(__FILE__, __LINE__, "%s, write %d failing: %s",
			       op->name, n,
			       open_txn ? "a transaction was left open"
			                : "the database changed");
			return -1;
		}
	}
	t_fail(__FILE__, __LINE__, "%s: still failing after 500 writes",
	       op->name);
	return -1;
}

/* The demo's database and an empty one, made once per test. */
static int
templates(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_db *db = NULL;
	int error;

	if (gv_db_open(&db, t_path("empty.db"), &opts) < 0)
		return -1;
	gv_db_free(db);
	db = NULL;
	if (gv_db_open(&db, t_path("demo.db"), &opts) < 0)
		return -1;
	gv_db_set_now(db, t_at(NOW));
	error = gv_demo_load(db, NULL, 0);
	gv_db_free(db);
	return error;
}

/* Runs each op of a table on the demo; each must write at least once. */
static void
sweep_all(const struct op *ops)
{
	size_t n = 0, writes = 0;

	while (ops[n].name)
		n++;
	T_ASSERT(n > 0);
	if (templates() < 0) {
		t_fail(__FILE__, __LINE__, "no demo: %s",
		       gv_error_last()->message);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		int w = sweep(&ops[i], "demo.db");

		if (w < 0)
			return;
		writes += (size_t)w;
	}
	printf("  atomic: %zu changes, %zu writes made to fail, each "
	       "undone whole\n",
	       n, writes);
}

/* The demo itself loads in one transaction, or not at all. */
static void
demo_load_all_or_nothing(void)
{
	T_ASSERT(templates() == 0);
	T_ASSERT(sweep(&demo_load_op, "empty.db") > 10);
}

static void
roster_changes(void)
{
	sweep_all(roster_ops);
}

static void
meeting_changes(void)
{
	sweep_all(meeting_ops);
}

static void
issue_changes(void)
{
	sweep_all(issue_ops);
}

static void
ballot_changes(void)
{
	sweep_all(ballot_ops);
}

const struct t_case atomic_tests[] = {
        {"demo_load_all_or_nothing", demo_load_all_or_nothing},
        {"roster_changes", roster_changes},
        {"meeting_changes", meeting_changes},
        {"issue_changes", issue_changes},
        {"ballot_changes", ballot_changes},
        {NULL, NULL},
};
