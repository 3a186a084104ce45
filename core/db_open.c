/* SPDX-License-Identifier: MIT */
/*
 * This file implements opening the store: the checks that the file is
 * gavel's, WAL, foreign keys and the busy timeout, the migrations, and
 * for a database from before the operation log, its content made the
 * log's first operation (core/snapshot.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "gavel/text.h"
#include "snapshot.h"

int
gv__db_migrate(struct gv_db *db, const char *const *migrations, int count)
{
	int64_t version = 0;
	char pragma[80];
	int error, i;

	if ((error = gv__db_query_int(db, "PRAGMA user_version", &version)) < 0)
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
		/* Another process may have upgraded it since it was read:
		 * read again under the write lock, and go on from there. */
		if ((error = gv__db_query_int(db, "PRAGMA user_version",
		                              &version)) < 0) {
			gv__db_rollback(db);
			return error;
		}
		if (version > i) {
			if ((error = gv__db_commit(db)) < 0) {
				gv__db_rollback(db);
				return error;
			}
			i = (int)version - 1;
			continue;
		}
		/* The integer cannot be bound; it comes from our own list. */
		snprintf(pragma, sizeof(pragma),
		         "PRAGMA application_id = %d; PRAGMA user_version = %d",
		         GV__APPLICATION_ID, i + 1);
		if ((error = gv__db_exec(db, migrations[i])) < 0 ||
		    (error = gv__db_exec(db, pragma)) < 0) {
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

/* 1 when the store has no version and no object yet, else 0. */
static int
db_empty(struct gv_db *db)
{
	int64_t version = 0, objects = 0;
	int error;

	if ((error = gv__db_query_int(db, "PRAGMA user_version", &version)) <
	            0 ||
	    (error = gv__db_query_int(db, "SELECT count(*) FROM sqlite_schema",
	                              &objects)) < 0)
		return error;
	return version == 0 && objects == 0;
}

/*
 * Makes a new, empty store's tables in one step, from the schema the
 * migrations leave (gv__schema_now): each ALTER TABLE of the migrations
 * has SQLite read the whole schema again, which was half of `gavel init`
 * (49 M instructions, 42 of them). A file with anything in it, or a
 * version, is upgraded migration by migration (gv__db_migrate).
 */
static int
db_make_new(struct gv_db *db)
{
	char pragma[80];
	int error;

	if (sqlite3_db_readonly(db->sql, "main") == 1)
		return 0;
	if ((error = db_empty(db)) <= 0)
		return error;
	/* Another process may be making it too: ask again under the write
	 * lock, so that only one of them does. */
	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((error = db_empty(db)) > 0) {
		/* The integers cannot be bound; they are our own. */
		snprintf(pragma, sizeof(pragma),
		         "PRAGMA application_id = %d; PRAGMA user_version = %d",
		         GV__APPLICATION_ID, gv__schema_now_version);
		if ((error = gv__db_exec(db, gv__schema_now)) == 0)
			error = gv__db_exec(db, pragma);
	}
	if (error < 0 || (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
	return error < 0 ? error : 0;
}

/* Refuses SQLite files that some other program made. */
static int
db_check_owner(struct gv_db *db)
{
	int64_t app = 0, version = 0, objects = 0;
	int error;

	if ((error = gv__db_query_int(db, "PRAGMA application_id", &app)) < 0 ||
	    (error = gv__db_query_int(db, "PRAGMA user_version", &version)) <
	            0 ||
	    (error = gv__db_query_int(db, "SELECT count(*) FROM sqlite_schema",
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

	if ((rc = sqlite3_open_v2(path, &db->sql,
	                          SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
	                          NULL)) != SQLITE_OK ||
	    gv__db_query_int(db, "SELECT count(*) FROM sqlite_schema", &n) == 0)
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
	                     SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	                             SQLITE_OPEN_NOMUTEX,
	                     NULL);
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
	int error, rc;

	sqlite3_extended_result_codes(db->sql, 1);
	sqlite3_busy_timeout(db->sql, busy_ms > 0 ? busy_ms : 5000);
	if (sqlite3_create_collation_v2(db->sql, "gv_name", SQLITE_UTF8, NULL,
	                                db_collate_name, NULL) != SQLITE_OK)
		return gv__db_error(db, GV_ERRCLASS_DB);
	/* A savepoint's journal stays in memory up to 64 KiB, then goes to a
	 * temporary file: while a sync or a rebuild applies thousands of
	 * small operations, all of it stays in memory (gv__db_bulk_begin,
	 * core/db.c says why). */
	if ((error = db_check_owner(db)) < 0 ||
	    (error = gv__db_exec(db, "PRAGMA foreign_keys = ON")) < 0 ||
	    (error = gv__db_query_int(db, "PRAGMA foreign_keys", &fk)) < 0)
		return error;
	/*
	 * WAL lets readers go on while one writer writes; setting it on a
	 * read-only file fails, and is not needed to read one. While a sync
	 * writes a large batch with a rollback journal (gv__db_bulk_begin,
	 * core/db.c), SQLite refuses the switch at once: this connection
	 * then works in that mode, with its commits synced in full as that
	 * mode needs, and follows the file back to WAL after the batch.
	 */
	if (sqlite3_db_readonly(db->sql, "main") != 1) {
		/* A new file gets pages of 8 KiB, not 4: SQLite writes each
		 * page with a system call of its own, and a sync of 10,000
		 * operations into a new copy made 4,489 of them (12 ms of
		 * its 0.32 s; bench/README.md, "Pages of 8 KiB"). A file
		 * that exists keeps its size: this does nothing there. */
		if ((error = gv__db_exec(db, "PRAGMA page_size = 8192")) < 0)
			return error;
		rc = sqlite3_exec(db->sql, "PRAGMA journal_mode = WAL", NULL,
		                  NULL, NULL);
		if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY)
			return gv__db_error(db, GV_ERRCLASS_DB);
		if ((error = gv__db_exec(
		             db, rc == SQLITE_OK
		                         ? "PRAGMA synchronous = NORMAL"
		                         : "PRAGMA synchronous = FULL")) < 0)
			return error;
	}
	if ((error = db_make_new(db)) < 0 ||
	    (error = gv__db_migrate(db, gv__migrations, gv__migration_count)) <
	            0)
		return error;
	return gv__snapshot_legacy(db);
}

/*
 * How gavel runs SQLite: a connection is used by one thread at a time
 * (SQLITE_OPEN_NOMUTEX on each open), and no memory statistics are kept
 * (gavel reads none). In the default serialized mode SQLite took a mutex
 * for every call on a connection and, keeping the statistics, for every
 * allocation: 3 million of them, 5 % of the instructions of a sync of
 * 10,000 operations. These settings are process-wide and can be made
 * only before SQLite starts: where a program used SQLite first, it keeps
 * its own.
 */
static void
sqlite_configure(void)
{
	static int done;

	if (!done) {
		done = 1;
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	}
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
	sqlite_configure();
	db = gv__xcalloc(1, sizeof(*db));
	db->path = gv__xstrdup(path);
	db->now = -1;
	if ((flags & GV_DB_CREATE) || db_writable(path)
	            ? sqlite3_open_v2(
	                      path, &db->sql,
	                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
	                              (flags & GV_DB_CREATE ? SQLITE_OPEN_CREATE
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
