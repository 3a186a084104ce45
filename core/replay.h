/* SPDX-License-Identifier: MIT */
/*
 * This file declares applying one stored operation at its place in the
 * log (core/replay.c), for the rebuild and for operations from a chain.
 */
#ifndef GV_CORE_REPLAY_H
#define GV_CORE_REPLAY_H

#include <stddef.h>
#include <stdint.h>

struct gv_db;
struct gv_rebuild_report;

/*
 * Applies stored operations in the log's order, inside the caller's
 * transaction, each checked again and its status stored (and the reason
 * when it was not applied); only a failing store is an error. They are
 * applied in runs that share a savepoint (core/replay.c says why): what a
 * run applied is the caller's once gv__replay_run_finish returns, and
 * gv__replay_run_free undoes what it has not kept.
 */
struct gv__replay_run;

struct gv__replay_run *gv__replay_run_new(struct gv_db *db,
                                          struct gv_rebuild_report *r);
/* The operation stored as row seq with its id and text. */
int gv__replay_run_text(struct gv__replay_run *run, int64_t seq, const char *id,
                        const char *text, size_t len);
/* The same for an operation just recorded with the status "applied" (a
 * sync's): its row is written again only when applying it does something
 * else. */
int gv__replay_run_fresh(struct gv__replay_run *run, int64_t seq,
                         const char *id, const char *text, size_t len);
int gv__replay_run_finish(struct gv__replay_run *run);
void gv__replay_run_free(struct gv__replay_run *run);

#endif
