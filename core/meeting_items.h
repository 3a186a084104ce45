/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the meeting files share inside core.
 */
#ifndef GV_CORE_MEETING_ITEMS_H
#define GV_CORE_MEETING_ITEMS_H

#include <stdint.h>

struct gv_db;

/* Appends an agenda item (with its role) to a meeting, in the caller's
 * transaction; *pos (may be NULL) is its position. */
int gv__meeting_item_insert(int *pos, struct gv_db *db, int64_t meeting,
                            const char *title);

#endif
