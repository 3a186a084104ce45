/* SPDX-License-Identifier: MIT */
/*
 * This file implements opening the store (checks that the file is gavel's,
 * WAL, foreign keys, busy timeout), its migrations, the prepared-statement
 * cache and nested transactions.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
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

static int
db_exec(struct gv_db *db, const char *sql)
{
	return sqlite3_exec(db->sql, sql, NULL, NULL, NULL) == SQLITE_OK
	               ? 0
	               : gv__db_error(db, GV_ERRCLASS_DB);
}

int
gv__db_begin(struct gv_db *db)
{
	int error;

	if (db->depth == 0 && sqlite3_db_readonly(db->sql, "main") == 1)
		return gv__error_set(GV_ERRCLASS_DB, GV_EREADONLY,
		                     "database %s is read-only: check the "
		                     "permissions of the file and its folder",
		                     db->path);
	error = db_exec(db, db->depth ? "SAVEPOINT gv" : "BEGIN IMMEDIATE");
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
	error = db_exec(db, db->depth > 1 ? "RELEASE gv" : "COMMIT");
	if (error == 0)
		db->depth--;
	return error;
}

void
gv__db_rollback(struct gv_db *db)
{
	if (db->depth == 0)
		return;
	/* Keep the message of the failure that led here. */
	sqlite3_exec(db->sql,
	             db->depth > 1 ? "ROLLBACK TO gv; RELEASE gv" : "ROLLBACK",
	             NULL, NULL, NULL);
	db->depth--;
}

int
gv__event(struct gv_db *db, int64_t body, const char *kind, const char *subject,
          const char *detail)
{
	sqlite3_stmt *st = NULL;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_EVENT_INSERT)) < 0)
		return error;
	gv__bind_int(st, 1, gv_db_now(db));
	gv__bind_text(st, 2, db->actor ? db->actor : "gavel");
	gv__bind_opt(st, 3, body, body >= 0);
	gv__bind_text(st, 4, kind);
	gv__bind_text(st, 5, subject);
	gv__bind_text(st, 6, detail ? detail : "{}");
	return gv__db_run(db, st);
}

/* Reads one integer from a query without parameters. */
static int
db_query_int(struct gv_db *db, const char *sql, int64_t *out)
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
gv__db_migrate(struct gv_db *db, const char *const *migrations, int count)
{
	int64_t version = 0;
	char pragma[80];
	int error, i;

	if ((error = db_query_int(db, "PRAGMA user_version", &version)) < 0)
		return error;
	if (version > count)
		return gv__error_set(GV_ERRCLASS_DB, GV_EVERSION,
		                     "database %s was written by a newer gavel "
		                     "(schema %lld; this program knows up to "
		                     "%d): upgrade gavel to use it",
		                     db->path, (long long)version, count);
	if (version < count && sqlite3_db_readonly(db->sql, "main") == 1)
		return gv__error_set(GV_ERRCLASS_DB, GV_EREADONLY,
		                     "database %s is read-only and was written "
		                     "by an older gavel (schema %lld, this one "
		                     "needs %d): open it once where it can be "
		                     "written, or read it with that gavel",
		                     db->path, (long long)version, count);
	for (i = (int)version; i < count; i++) {
		if ((error = gv__db_begin(db)) < 0)
			return error;
		/* The integer cannot be bound; it comes from our own list. */
		snprintf(pragma, sizeof(pragma),
		         "PRAGMA application_id = %d; PRAGMA user_version = %d",
		         GV__APPLICATION_ID, i + 1);
		if ((error = db_exec(db, migrations[i])) < 0 ||
		    (error = db_exec(db, pragma)) < 0) {
			char *why = gv__xstrdup(gv_error_last()->message);

			gv__db_rollback(db);
			gv__error_set(GV_ERRCLASS_DB, error,
			              "cannot upgrade to schema %d: %s", i + 1,
			              why);
			free(why);
			return error;
		}
		if ((error = gv__db_commit(db)) < 0) {
			gv__db_rollback(db);
			return error;
		}
	}
	return 0;
}

/* Refuses SQLite files that some other program made. */
static int
db_check_owner(struct gv_db *db)
{
	int64_t app = 0, version = 0, objects = 0;
	int error;

	if ((error = db_query_int(db, "PRAGMA application_id", &app)) < 0 ||
	    (error = db_query_int(db, "PRAGMA user_version", &version)) < 0 ||
	    (error = db_query_int(db, "SELECT count(*) FROM sqlite_schema",
	                          &objects)) < 0)
		return error;
	if (app == GV__APPLICATION_ID || (app == 0 && objects == 0))
		return 0;
	return gv__error_set(GV_ERRCLASS_DB, GV_ENOTDB,
	                     "%s is an SQLite database, but not gavel's: "
	                     "choose another --db",
	                     db->path);
}

/* The folder part of path, for messages and checks. Caller frees. */
static char *
path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return gv__xstrdup(".");
	return gv__xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

static int
db_check_path(const char *path, unsigned flags)
{
	struct stat st;
	char *dir = path_dir(path);
	int error = 0;

	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			error = gv__error_set(GV_ERRCLASS_DB, GV_EINVALID,
			                      "%s is a folder, not a database "
			                      "file",
			                      path);
		/* An empty file (mktemp's, a truncated copy) is no
		 * database: only init makes one of it. */
		else if (st.st_size == 0 && !(flags & GV_DB_CREATE))
			error = gv__error_set(
			        GV_ERRCLASS_DB, GV_ENOTDB,
			        "%s is an empty file, not a gavel "
			        "database: make one there with "
			        "'gavel --db %s init'",
			        path, path);
		else if (st.st_size > 0 && (flags & GV_DB_CREATE))
			error = gv__error_set(GV_ERRCLASS_DB, GV_EEXISTS,
			                      "a database already exists at "
			                      "%s: choose another --db",
			                      path);
	} else if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		error = gv__error_set(GV_ERRCLASS_DB, GV_ENOTFOUND,
		                      "folder %s does not exist: create it, "
		                      "or choose another --db",
		                      dir);
	} else if (!(flags & GV_DB_CREATE)) {
		error = gv__error_set(GV_ERRCLASS_DB, GV_ENOTFOUND,
		                      "no database at %s: create one with "
		                      "'gavel init'",
		                      path);
	}
	free(dir);
	return error;
}

/*
 * Whether the file can be written where it is: the file itself, and its
 * folder, where SQLite keeps the WAL and its index. A copy on a read-only
 * mount, a CD or a 0444 file in a 0555 folder is opened read-only, so
 * every read command works and a write says the file is read-only.
 */
static int
db_writable(const char *path)
{
	char *dir = path_dir(path);
	int ok = access(path, W_OK) == 0 && access(dir, W_OK) == 0;

	free(dir);
	return ok;
}

/*
 * Opens a file gavel cannot write. A database in WAL mode needs its index
 * (the -shm file) beside it, which a read-only folder cannot hold; SQLite
 * then reads it only as "immutable" (nothing changes it while it is open,
 * which holds where no one may write). Returns 0 or an SQLite code.
 */
static int
db_open_readonly(struct gv_db *db, const char *path)
{
	struct gv_buf uri = GV_BUF_INIT;
	int64_t n = 0;
	int rc;

	if ((rc = sqlite3_open_v2(path, &db->sql, SQLITE_OPEN_READONLY,
	                          NULL)) != SQLITE_OK ||
	    db_query_int(db, "SELECT count(*) FROM sqlite_schema", &n) == 0)
		return rc == SQLITE_OK ? 0 : -1;
	sqlite3_close(db->sql);
	db->sql = NULL;
	gv__buf_puts(&uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if (strchr("?#%", *p) || *p < 0x21 || *p > 0x7E)
			gv__buf_printf(&uri, "%%%02X", *p);
		else
			gv__buf_putc(&uri, (char)*p);
	gv__buf_puts(&uri, "?immutable=1");
	rc = sqlite3_open_v2(uri.ptr, &db->sql,
	                     SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	gv__buf_dispose(&uri);
	return rc == SQLITE_OK ? 0 : -1;
}

/*
 * The collation "gv_name": names in the order people expect ("Issuer 2"
 * before "Issuer 10", accents ignored). A collation keeps the lists' other
 * sort keys (body, class) in their ORDER BY; it is used only in queries,
 * never in the schema, so the sqlite3 shell can still read every table.
 */
static int
db_collate_name(void *unused, int na, const void *a, int nb, const void *b)
{
	char *x = gv__xstrndup(a, (size_t)na), *y = gv__xstrndup(b, (size_t)nb);
	int c = gv_text_collate(x, y);

	(void)unused;
	free(x);
	free(y);
	return c;
}

static int
db_configure(struct gv_db *db, int busy_ms)
{
	int64_t fk;
	int error;

	sqlite3_extended_result_codes(db->sql, 1);
	sqlite3_busy_timeout(db->sql, busy_ms > 0 ? busy_ms : 5000);
	if (sqlite3_create_collation_v2(db->sql, "gv_name", SQLITE_UTF8, NULL,
	                                db_collate_name, NULL) != SQLITE_OK)
		return gv__db_error(db, GV_ERRCLASS_DB);
	if ((error = db_check_owner(db)) < 0 ||
	    (error = db_exec(db, "PRAGMA foreign_keys = ON")) < 0 ||
	    (error = db_query_int(db, "PRAGMA foreign_keys", &fk)) < 0)
		return error;
	/* WAL lets readers go on while one writer writes; setting it on a
	 * read-only file fails, and is not needed to read one. */
	if (sqlite3_db_readonly(db->sql, "main") != 1 &&
	    (error = db_exec(db, "PRAGMA journal_mode = WAL;"
	                         " PRAGMA synchronous = NORMAL")) < 0)
		return error;
	return gv__db_migrate(db, gv__migrations, gv__migration_count);
}

int
gv_db_open(struct gv_db **out, const char *path,
           const struct gv_db_options *opts)
{
	unsigned flags = opts ? opts->flags : 0;
	struct gv_db *db = NULL;
	int error, created = 0;

	*out = NULL;
	if ((error = db_check_path(path, flags)) < 0)
		return error;
	db = gv__xcalloc(1, sizeof(*db));
	db->path = gv__xstrdup(path);
	db->now = -1;
	if ((flags & GV_DB_CREATE) || db_writable(path)
	            ? sqlite3_open_v2(path, &db->sql,
	                              SQLITE_OPEN_READWRITE |
	                                      (flags & GV_DB_CREATE
	                                               ? SQLITE_OPEN_CREATE
	                                               : 0),
	                              NULL) != SQLITE_OK
	            : db_open_readonly(db, path) < 0) {
		error = db->sql ? gv__db_error(db, GV_ERRCLASS_DB)
		                : gv__error_set(GV_ERRCLASS_DB, GV_ERROR,
		                                "cannot open %s", path);
		goto out;
	}
	created = (flags & GV_DB_CREATE) != 0;
	error = db_configure(db, opts ? opts->busy_timeout_ms : 0);
out:
	if (error < 0) {
		gv_db_free(db);
		/* A database we were making is removed, not left half-made. */
		if (created)
			gv_db_remove(path);
		return error;
	}
	*out = db;
	return 0;
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
gv_db_set_actor(struct gv_db *db, const char *actor)
{
	free(db->actor);
	db->actor = gv__xstrdup(actor);
}
