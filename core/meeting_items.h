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

/* Inserts an agenda item at position pos, the items from there moving
 * down one, in the caller's transaction. */
int gv__meeting_item_insert_at(struct gv_db *db, int64_t meeting, int pos,
                               const char *title);

/* What applying an act on a meeting needs of it: gv_meeting_get reads
 * the whole meeting (its attendees, items, the voting members present),
 * which was a tenth of a sync that applies 900 such acts. */
struct gv__meeting_head {
	char *body; /* code */
	int64_t body_id;
	int64_t starts_at;
	int cancelled;
	char *tz; /* the zone its time is announced in */
};

/* Meeting id's head, or GV_ENOTFOUND as gv_meeting_get says it. */
int gv__meeting_head(struct gv__meeting_head *out, struct gv_db *db,
                     int64_t id);
void gv__meeting_head_dispose(struct gv__meeting_head *h);

#endif
