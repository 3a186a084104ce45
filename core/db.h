/* SPDX-License-Identifier: MIT */
/*
 * This file declares the store's internals for the core modules: the
 * prepared-statement cache, transactions and the binding helpers. All SQL
 * lives in core/db*.c; the statements are listed in core/db_stmt.h.
 */
#ifndef GV_CORE_DB_H
#define GV_CORE_DB_H

#include <sqlite3.h>

#include "gavel/db.h"
#include "internal.h"

#define GV__STMT_ENUM(name, sql) GV__STMT_##name,
#include "db_stmt.h"
enum gv__stmt { GV__STMT_LIST(GV__STMT_ENUM) GV__STMT_COUNT };
#undef GV__STMT_ENUM

struct gv__op;

struct gv_db {
	sqlite3 *sql;
	sqlite3_stmt *stmt[GV__STMT_COUNT]; /* prepared on first use */
	char *path;                         /* owned */
	char *actor;                        /* owned; set by the program */
	char *actor_found;       /* owned; the user as sync resolved it */
	char *actor_fallback;    /* owned; when nothing else names one */
	int64_t now;             /* fixed clock, or -1 */
	gv_progress_fn progress; /* where long work reports, or NULL */
	void *progress_payload;
	int depth;   /* transaction nesting */
	int flat;    /* levels above this are not opened (gv__db_flatten) */
	int spoiled; /* one of them was rolled back */
	int bulk;    /* gv__db_bulk_begin nesting */
	int bulk_rollback;       /* it switched WAL for a rollback journal */
	int64_t bulk_cache;      /* the page cache's size before it */
	const struct gv__op *op; /* the operation being applied */
	/* Issues whose search index waits for gv__issue_reindex_flush,
	 * while a whole log is applied (core/issue.c says why). */
	int64_t *fts_dirty;
	size_t fts_ndirty, fts_alloc;
	int fts_defer;
};

/* The application_id that marks a gavel database ("Gvl1"). */
#define GV__APPLICATION_ID 0x47766C31

extern const char *const gv__migrations[];
extern const int gv__migration_count;
extern const char gv__derived_clear[];

/* An issue's closes and reopenings from the event history that gavel
 * kept until v16, events: the table named event in its own database when
 * it upgrades, or the rows of one in a snapshot from before
 * (core/snapshot.c). The act time is the one the event held, else when it
 * was recorded; a detail that is not JSON, or whose time is not a number,
 * counts as the latter. */
#define GV__ISSUE_STATE_FROM(events)                                           \
	"INSERT INTO issue_state (issue, at, reopened)"                        \
	" SELECT i.id, CASE WHEN json_valid(e.detail)"                         \
	"  AND json_type(e.detail, '$.at') = 'integer'"                        \
	"  THEN json_extract(e.detail, '$.at') ELSE e.at END,"                 \
	" e.kind = 'issue.reopen' FROM " events " e"                           \
	" JOIN body b ON b.id = e.body"                                        \
	" JOIN issue i ON i.body = b.id"                                       \
	"  AND e.subject = b.code || '#' || i.number"                          \
	" WHERE e.kind = 'issue.close' OR e.kind = 'issue.reopen'"             \
	" ORDER BY e.id"

/* The schema the migrations leave, as one script, and the version it is
 * (written at build time by tools/schema_now.c): how a new store is made. */
extern const char gv__schema_now[];
extern const int gv__schema_now_version;

/* Applies migrations[user_version..count) (exposed for the tests). */
int gv__db_migrate(struct gv_db *db, const char *const *migrations, int count);

/* The cached statement of the table into *out, prepared on first use:
 * 0, or the error code with SQLite's message. */
int gv__db_stmt(sqlite3_stmt **out, struct gv_db *db, enum gv__stmt which);

/*
 * Steps st once: 1 with a row to read, 0 when there is none left, else
 * the error code with SQLite's message, so a busy or failing database is
 * never read as "no such row". A parameter that failed to bind since the
 * last step is reported here. The caller resets st when done with it.
 */
int gv__db_step(struct gv_db *db, sqlite3_stmt *st);

/* Resets st and clears its bindings (call after every use). */
void gv__db_reset(sqlite3_stmt *st);

/* Steps st to completion, then resets it. 0 or a gv_error_code. */
int gv__db_run(struct gv_db *db, sqlite3_stmt *st);

/* Steps a bound query once: 1 if it gave a row, 0 if not, or an error
 * code; then resets it. */
int gv__db_has_row(struct gv_db *db, sqlite3_stmt *st);

/* Sets the error from SQLite's last result; returns the gv_error_code. */
int gv__db_error(struct gv_db *db, enum gv_error_class klass);

/*
 * Transactions nest: the outermost is BEGIN IMMEDIATE (so a second writer
 * waits at the start, not half-way), inner ones are savepoints.
 */
/* Runs SQL of our own (no parameters). */
int gv__db_exec(struct gv_db *db, const char *sql);

int gv__db_begin(struct gv_db *db);
/* Reads one integer from a query without parameters. */
int gv__db_query_int(struct gv_db *db, const char *sql, int64_t *out);
/* Empties the tables derived from the operation log (in a transaction). */
int gv__db_clear_derived(struct gv_db *db);
int gv__db_commit(struct gv_db *db);
void gv__db_rollback(struct gv_db *db);

/*
 * While flattened, a transaction begun inside the current one opens no
 * savepoint: core/replay.c holds one for a run of operations, and their
 * applies' own savepoints would each journal the same pages again. Such a
 * level cannot be rolled back; its rollback marks the store spoiled, and
 * the caller goes back to its savepoint. gv__db_flatten(db, 0) ends it
 * and says whether that happened.
 */
int gv__db_flatten(struct gv_db *db, int on);

/*
 * Around a transaction that writes the rows of many operations (a sync's
 * batch, a rebuild): gv__db_bulk_begin, called before the transaction
 * begins with the size of the operations' texts it will apply, gives the
 * connection a page cache of GV__DB_BULK_CACHE_KIB and, from
 * GV__DB_BULK_JOURNAL_BYTES on, a rollback journal in place of
 * the WAL when this is the only connection to the file (core/db.c says
 * why); gv__db_bulk_end, after the commit or rollback, gives back what it
 * had. The calls nest. Only speed depends on them.
 */
#define GV__DB_BULK_CACHE_KIB     32768
#define GV__DB_BULK_JOURNAL_BYTES (64 << 10)
void gv__db_bulk_begin(struct gv_db *db, size_t bytes);
void gv__db_bulk_end(struct gv_db *db);

/* Binding helpers: NULL text and an absent optional value bind SQL NULL;
 * a failure is kept and reported by the next gv__db_step. */
void gv__bind_text(sqlite3_stmt *st, int i, const char *s);
/* The same, not copied: s stays as it is until the statement is reset
 * (gv__db_run, right after). For the log's rows, whose texts are
 * 440 bytes each and many. */
void gv__bind_text_kept(sqlite3_stmt *st, int i, const char *s);
void gv__bind_int(sqlite3_stmt *st, int i, int64_t v);
void gv__bind_opt(sqlite3_stmt *st, int i, int64_t v, int present);

/* An integer column, or -1 for SQL NULL (instants not recorded). */
int64_t gv__col_opt(sqlite3_stmt *st, int i);

/* A column as a new string (NULL for SQL NULL). */
char *gv__col_text(sqlite3_stmt *st, int i);

/* Who the changes being made are by: the operation's actor while one is
 * applied, else this copy's user. */
const char *gv__db_actor(const struct gv_db *db);

/* Reports long work to the program's callback, if it set one
 * (gv_db_set_progress); what is a constant phrase. */
void gv__progress(const struct gv_db *db, const char *what, size_t done,
                  size_t total);

#endif
