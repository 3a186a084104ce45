/* SPDX-License-Identifier: MIT */
/*
 * This file declares what a database from before the operation log
 * becomes: its content, as it is, the log's first operation.
 */
#ifndef GV_CORE_SNAPSHOT_H
#define GV_CORE_SNAPSHOT_H

struct gv_db;

/*
 * When the log is empty and the tables are not (a database an older
 * gavel wrote), records their rows as one operation, store.snapshot, at
 * Lamport clock 0, so it comes before any other and a rebuild keeps all
 * of it. Does nothing otherwise, or on a read-only database.
 */
int gv__snapshot_legacy(struct gv_db *db);

#endif
