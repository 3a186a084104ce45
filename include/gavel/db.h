/* SPDX-License-Identifier: MIT */
/*
 * This file declares the store: one SQLite file per user (or per group),
 * opened, upgraded and closed here. Every change made through the other
 * modules is one transaction that also appends an operation to the log.
 */
#ifndef GV_DB_H
#define GV_DB_H

#include <stdint.h>

#include "gavel/progress.h"

struct gv_db;

enum gv_db_flags {
	GV_DB_CREATE =
	        1 << 0, /* make a new database; the file must not exist */
};

struct gv_db_options {
	unsigned flags;      /* enum gv_db_flags */
	int busy_timeout_ms; /* wait this long for another writer; 0: 5000 */
};

/*
 * Opens the database at path and brings its schema up to date, each
 * migration in its own transaction. Without GV_DB_CREATE the file must
 * exist. Returns 0, GV_ENOTFOUND (no file, or no folder), GV_EEXISTS
 * (GV_DB_CREATE on an existing file), GV_ENOTDB (not a gavel database),
 * GV_EVERSION (written by a newer gavel), GV_EBUSY, GV_EREADONLY or
 * GV_ERROR. Caller frees *out with gv_db_free().
 */
int gv_db_open(struct gv_db **out, const char *path,
               const struct gv_db_options *opts);

/* Closes the database (NULL is accepted). */
void gv_db_free(struct gv_db *db);

/* Removes a database file with its WAL and index (-wal, -shm), as after an
 * init that failed; a close on a full disk leaves the WAL behind. */
void gv_db_remove(const char *path);

/* Fixes the clock, for tests and "as of" views (--now); clock < 0 frees it. */
void gv_db_set_now(struct gv_db *db, int64_t clock);

/* The clock: the fixed time if one was set, else the system's. */
int64_t gv_db_now(const struct gv_db *db);

/* Who the operation log names for the changes that follow (copied). */
void gv_db_set_actor(struct gv_db *db, const char *actor);

/*
 * Where long work on this connection reports how far it got (fn NULL:
 * nowhere, the default): importing issues, a sync's transfers and the
 * operations it applies, a ballot's redline. fn is called from inside
 * those calls, never after they return.
 */
void gv_db_set_progress(struct gv_db *db, gv_progress_fn fn, void *payload);

/* The schema version this program writes. */
int gv_db_schema_version(void);

#endif
