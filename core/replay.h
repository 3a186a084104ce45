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
struct gv__op_read;

/*
 * Applies the operation stored as row seq with text, inside the caller's
 * transaction, and stores what that did as its status (and the reason
 * when it was not applied). Only a failing store is an error.
 */
int gv__replay_one(struct gv_db *db, int64_t seq, const char *text, size_t len,
                   struct gv_rebuild_report *r);

/* The same for an operation already read from its text (a sync reads
 * each once, as it comes in) and just recorded with the status
 * "applied": rd->op.kind is set here. */
int gv__replay_read(struct gv_db *db, int64_t seq, struct gv__op_read *rd);

#endif
