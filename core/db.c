/* SPDX-License-Identifier: MIT */
/*
 * This file implements the store's connection: its errors, the
 * prepared-statement cache, binds and steps, nested transactions, the
 * clock and the actor. Opening it is core/db_open.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "op.h"
#include "gavel/text.h"

#define GV__STMT_SQL(name, sql) sql,
static const char *const stmt_sql[] = {GV__STMT_LIST(GV__STMT_SQL)};
#undef GV__STMT_SQL

int
gv_db_schema_version(void)
{
	return gv__migration_count;
}

int
gv__db_error(struct gv_db *db, enum gv_error_class klass)
{
	int rc = sqlite3_extended_errcode(db->sql);
	const char *msg = sqlite3_errmsg(db->sql);

	switch (rc & 0xFF) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return gv__error_set(klass, GV_EBUSY,
		                     "database %s is locked by another writer: "
		                     "try again when it has finished",
		                     db->path);
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return gv__error_set(klass, GV_EREADONLY,
		                     "database %s is read-only: check the "
		                     "permissions of the file and its folder",
		                     db->path);
	case SQLITE_NOTADB:
		return gv__error_set(klass, GV_ENOTDB,
		                     "%s is not a gavel database (not an "
		                     "SQLite file): choose another --db",
		                     db->path);
	case SQLITE_CORRUPT:
		return gv__error_set(klass, GV_ENOTDB,
		                     "database %s is damaged (%s): restore it "
		                     "from a backup",
		                     db->path, msg);
	case SQLITE_FULL:
		return gv__error_set(klass, GV_ERROR,
		                     "cannot write %s: the disk is full",
		                     db->path);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		/* A full or failing disk fails reads too (the WAL index). */
		return gv__error_set(klass, GV_ERROR,
		                     "cannot read or write %s (%s): check that "
		                     "its disk has free space and no errors",
		                     db->path, msg);
	case SQLITE_CONSTRAINT:
		return gv__error_set(klass, GV_ECONFLICT, "%s", msg);
	default:
		return gv__error_set(klass, GV_ERROR, "database %s: %s",
		                     db->path, msg);
	}
}

int
gv__db_stmt(sqlite3_stmt **out, struct gv_db *db, enum gv__stmt which)
{
	if (!db->stmt[which] &&
	    sqlite3_prepare_v3(db->sql, stmt_sql[which], -1,
	                       SQLITE_PREPARE_PERSISTENT, &db->stmt[which],
	                       NULL) != SQLITE_OK) {
		*out = NULL;
		return gv__db_error(db, GV_ERRCLASS_DB);
	}
	*out = db->stmt[which];
	return 0;
}

/*
 * The first bind that failed since the last step (SQLITE_RANGE for a
 * parameter the statement does not have, SQLITE_TOOBIG, SQLITE_NOMEM).
 * The bind helpers keep it rather than each caller checking each bind;
 * gv__db_step reports it. One per thread, as the last error is.
 */
static _Thread_local int bind_failed, bind_failed_at;

static void
bind_check(int rc, int i)
{
	if (rc != SQLITE_OK && !bind_failed) {
		bind_failed = rc;
		bind_failed_at = i;
	}
}

void
gv__db_reset(sqlite3_stmt *st)
{
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
}

int
gv__db_step(struct gv_db *db, sqlite3_stmt *st)
{
	int rc;

	if (bind_failed) {
		rc = gv__error_set(GV_ERRCLASS_DB, GV_ERROR,
		                   "database %s: cannot bind parameter %d: %s",
		                   db->path, bind_failed_at,
		                   sqlite3_errstr(bind_failed));
		bind_failed = 0;
		return rc;
	}
	rc = sqlite3_step(st);
	return rc == SQLITE_ROW    ? 1
	       : rc == SQLITE_DONE ? 0
	                           : gv__db_error(db, GV_ERRCLASS_DB);
}

int
gv__db_run(struct gv_db *db, sqlite3_stmt *st)
{
	int rc;

	while ((rc = gv__db_step(db, st)) > 0)
		;
	gv__db_reset(st);
	return rc;
}

int
gv__db_has_row(struct gv_db *db, sqlite3_stmt *st)
{
	int rc = gv__db_step(db, st);

	gv__db_reset(st);
	return rc;
}

void
gv__bind_text(sqlite3_stmt *st, int i, const char *s)
{
	bind_check(s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT)
	             : sqlite3_bind_null(st, i),
	           i);
}

void
gv__bind_text_kept(sqlite3_stmt *st, int i, const char *s)
{
	bind_check(s ? sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC)
	             : sqlite3_bind_null(st, i),
	           i);
}

void
gv__bind_int(sqlite3_stmt *st, int i, int64_t v)
{
	bind_check(sqlite3_bind_int64(st, i, v), i);
}

void
gv__bind_opt(sqlite3_stmt *st, int i, int64_t v, int present)
{
	bind_check(present ? sqlite3_bind_int64(st, i, v)
	                   : sqlite3_bind_null(st, i),
	           i);
}

int64_t
gv__col_opt(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL
	               ? -1
	               : sqlite3_column_int64(st, i);
}

char *
gv__col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? gv__xstrdup((const char *)s) : NULL;
}

int
gv__db_exec(struct gv_db *db, const char *sql)
{
	return sqlite3_exec(db->sql, sql, NULL, NULL, NULL) == SQLITE_OK
	               ? 0
	               : gv__db_error(db, GV_ERRCLASS_DB);
}

/* Reads one integer from a query without parameters. */
int
gv__db_query_int(struct gv_db *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st = NULL;
	int error = 0;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return gv__db_error(db, GV_ERRCLASS_DB);
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else
		error = gv__db_error(db, GV_ERRCLASS_DB);
	sqlite3_finalize(st);
	return error;
}

int
gv__db_clear_derived(struct gv_db *db)
{
	return gv__db_exec(db, gv__derived_clear);
}

/* Runs SAVEPOINT or RELEASE from the statement cache. */
static int
saved(struct gv_db *db, enum gv__stmt which)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db, which)) < 0)
		return error;
	return gv__db_run(db, st);
}

int
gv__db_begin(struct gv_db *db)
{
	int error;

	if (db->flat && db->depth >= db->flat) {
		db->depth++;
		return 0;
	}
	if (db->depth == 0 && sqlite3_db_readonly(db->sql, "main") == 1)
		return gv__error_set(GV_ERRCLASS_DB, GV_EREADONLY,
		                     "database %s is read-only: check the "
		                     "permissions of the file and its folder",
		                     db->path);
	error = db->depth ? saved(db, GV__STMT_SAVEPOINT)
	                  : gv__db_exec(db, "BEGIN IMMEDIATE");
	if (error == 0)
		db->depth++;
	return error;
}

int
gv__db_commit(struct gv_db *db)
{
	int error;

	if (db->depth == 0)
		return 0;
	if (db->flat && db->depth > db->flat) {
		db->depth--;
		return 0;
	}
	error = db->depth > 1 ? saved(db, GV__STMT_RELEASE)
	                      : gv__db_exec(db, "COMMIT");
	if (error == 0)
		db->depth--;
	return error;
}

void
gv__db_rollback(struct gv_db *db)
{
	if (db->depth == 0)
		return;
	if (db->flat && db->depth > db->flat) {
		db->spoiled = 1;
		db->depth--;
		return;
	}
	/* Keep the message of the failure that led here. */
	sqlite3_exec(db->sql,
	             db->depth > 1 ? "ROLLBACK TO gv; RELEASE gv" : "ROLLBACK",
	             NULL, NULL, NULL);
	db->depth--;
}

int
gv__db_flatten(struct gv_db *db, int on)
{
	int spoiled = db->spoiled;

	db->flat = on ? db->depth : 0;
	db->spoiled = 0;
	return spoiled;
}

/*
 * Savepoints' journals and temporary tables in memory, around a bulk
 * only. Each operation applied is a savepoint; by SQLite's default its
 * journal goes to a file once it passes 64 KiB (a person added: the row,
 * its timeline, the indexes), and every later operation's
 * pages were written there for the rest of the transaction: 120,000
 * writes in a sync of 10,000 operations, 8 % of its time. Raising that
 * threshold instead (SQLITE_CONFIG_STMTJRNL_SPILL) makes SQLite allocate
 * the whole threshold for every savepoint's journal, which mimalloc at
 * times zeroes: 0.4 G instructions of such a sync. Outside a bulk the
 * default stays: one large operation's savepoint (an import of 600
 * issues rewrites the search index's pages) held its whole journal in
 * memory, and an import of 50,000 issues peaked at 72.5 MB, past issue
 * 21's 64 MB; 27.8 MB with the default (bench/README.md).
 *
 * SQLite's page cache is 2 MiB by default. A sync of 10,000 operations
 * writes a store of 17 MB in one transaction: each page pushed out of the
 * cache while dirty went to the WAL and was read back the next time an
 * index or table leaf was written, 16,000 reads and 16,000 writes. With a
 * cache of 32 MiB the pages stay: CPU time of such syncs, median of five
 * (bench/README.md), 0.405 -> 0.350 s with 9 chains and 0.620 -> 0.565 s
 * with a commit per operation, the peak 18 MB higher. The cache grows
 * only as pages are read, and shrinks back when the bulk ends, so a
 * small sync and the screen that ran it keep their size.
 */
static void
bulk_memory(struct gv_db *db, int on)
{
	char pragma[48];

	if (on) {
		db->bulk_cache = -2000; /* SQLite's default */
		gv__db_query_int(db, "PRAGMA cache_size", &db->bulk_cache);
		snprintf(pragma, sizeof(pragma), "PRAGMA cache_size = -%d",
		         GV__DB_BULK_CACHE_KIB);
	} else {
		snprintf(pragma, sizeof(pragma), "PRAGMA cache_size = %lld",
		         (long long)db->bulk_cache);
	}
	/* The integers are our own; a failure costs only speed. */
	sqlite3_exec(db->sql, pragma, NULL, NULL, NULL);
	sqlite3_exec(db->sql,
	             on ? "PRAGMA temp_store = MEMORY"
	                : "PRAGMA temp_store = DEFAULT",
	             NULL, NULL, NULL);
}

/*
 * In WAL mode every page a transaction writes is written twice: to the
 * WAL at the commit, then read back and written to the store by the
 * checkpoint. A rollback journal holds only the pages the transaction
 * changes that existed before it, none of a new copy's pages: CPU time
 * of a first sync of 10,000 operations, 0.42 -> 0.32 s (bench/README.md).
 * Switching costs about 2 ms (the WAL is checkpointed and removed, then
 * made again): a sync of 20 operations (9 KB of text) took 23 -> 25 ms,
 * one of 100 (43 KB) 31.9 -> 32.6 ms, one of 300 (128 KB) 57 -> 54 ms;
 * hence GV__DB_BULK_JOURNAL_BYTES. The size of the texts stands for the
 * rows they make: one import of 300 issues is one operation. The switch
 * needs the file to itself: while another connection (a screen open
 * elsewhere) has it open, SQLite refuses at once, without the busy
 * timeout, and the bulk goes on in WAL.
 * While the rollback journal is used, its commit is synced in full:
 * synchronous = NORMAL is safe from corruption only in WAL mode
 * (sqlite.org/pragma.html#pragma_synchronous). A sync killed in between
 * leaves a hot journal that SQLite rolls back on the next open, and
 * gv_db_open puts the WAL back.
 */
static void
bulk_journal(struct gv_db *db, int on)
{
	sqlite3_stmt *st;
	int rollback = 0;

	if (!on) {
		if (db->bulk_rollback)
			sqlite3_exec(db->sql,
			             "PRAGMA journal_mode = WAL;"
			             " PRAGMA synchronous = NORMAL",
			             NULL, NULL, NULL);
		db->bulk_rollback = 0;
		return;
	}
	if (!sqlite3_get_autocommit(db->sql) ||
	    sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode = DELETE", -1, &st,
	                       NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(st) == SQLITE_ROW)
		rollback = !sqlite3_stricmp(
		        (const char *)sqlite3_column_text(st, 0), "delete");
	sqlite3_finalize(st);
	db->bulk_rollback = rollback;
	if (rollback && sqlite3_exec(db->sql, "PRAGMA synchronous = FULL", NULL,
	                             NULL, NULL) != SQLITE_OK)
		bulk_journal(db, 0);
}

void
gv__db_bulk_begin(struct gv_db *db, size_t bytes)
{
	if (db->bulk++ > 0)
		return;
	bulk_memory(db, 1);
	if (bytes >= GV__DB_BULK_JOURNAL_BYTES)
		bulk_journal(db, 1);
}

void
gv__db_bulk_end(struct gv_db *db)
{
	if (--db->bulk > 0)
		return;
	bulk_memory(db, 0);
	bulk_journal(db, 0);
}

void
gv_db_free(struct gv_db *db)
{
	size_t i;

	if (!db)
		return;
	for (i = 0; i < GV__STMT_COUNT; i++)
		sqlite3_finalize(db->stmt[i]);
	sqlite3_close(db->sql);
	free(db->path);
	free(db->actor);
	free(db->actor_found);
	free(db->actor_fallback);
	free(db->fts_dirty);
	free(db);
}

void
gv_db_remove(const char *path)
{
	char *wal = gv__xsprintf("%s-wal", path);
	char *shm = gv__xsprintf("%s-shm", path);

	unlink(path);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
}

void
gv_db_set_now(struct gv_db *db, int64_t clock)
{
	db->now = clock;
}

int64_t
gv_db_now(const struct gv_db *db)
{
	return db->now >= 0 ? db->now : (int64_t)time(NULL);
}

void
gv_db_set_progress(struct gv_db *db, gv_progress_fn fn, void *payload)
{
	db->progress = fn;
	db->progress_payload = payload;
}

void
gv__progress(const struct gv_db *db, const char *what, size_t done,
             size_t total)
{
	if (db->progress)
		db->progress(what, done, total, db->progress_payload);
}

const char *
gv__db_actor(const struct gv_db *db)
{
	if (db->op)
		return db->op->actor;
	return db->actor ? db->actor : "gavel";
}

void
gv_db_set_actor(struct gv_db *db, const char *actor)
{
	free(db->actor);
	db->actor = gv__xstrdup(actor);
}
