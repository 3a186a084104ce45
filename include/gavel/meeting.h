/* SPDX-License-Identifier: MIT */
/*
 * This file declares meetings: a body's calls and face-to-face meetings,
 * their cancellation and their attendance (from which quorum is computed,
 * BYL 2.3(7)).
 */
#ifndef GV_MEETING_H
#define GV_MEETING_H

#include <stdint.h>

struct gv_db;

enum gv_meeting_kind {
	GV_MEETING_CALL, /* a teleconference */
	GV_MEETING_F2F,  /* a face-to-face meeting */
};

struct gv_meeting_spec {
	const char *body;  /* the body's code */
	int64_t starts_at; /* UTC */
	const char *tz;    /* the zone its time is announced in; NULL: body's */
	enum gv_meeting_kind kind;
	const char *title; /* or NULL */
};

/* Adds a scheduled meeting. Returns 0 (id in *id_out), GV_ENOTFOUND
 * (body) or GV_EINVALID (zone, title). */
int gv_meeting_add(int64_t *id_out, struct gv_db *db,
                   const struct gv_meeting_spec *spec);

/* Cancels a meeting. Returns 0, GV_ENOTFOUND or GV_ECONFLICT (already
 * cancelled). */
int gv_meeting_cancel(struct gv_db *db, int64_t id, const char *reason);

/*
 * Records that a person attended, for the organisation they belong to.
 * who is written as minutes write it, "Name (Organisation)"; the person
 * must be known. Returns 0 or GV_ENOTFOUND.
 */
int gv_meeting_attend(struct gv_db *db, int64_t id, const char *who);

#endif
