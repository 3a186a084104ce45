/* SPDX-License-Identifier: MIT */
/*
 * This file declares the deadlines a secretary watches: every open clock
 * of every ballot (gv_ballot_clocks) and each body's next call.
 */
#ifndef GV_DEADLINES_H
#define GV_DEADLINES_H

#include <stddef.h>
#include <stdint.h>

struct gv_db;

struct gv_deadline {
	int64_t at;       /* UTC */
	char *subject;    /* "SMC010", or a body's code for its next call */
	char *title;      /* the ballot's title, or "next call" */
	const char *what; /* "IPR review ends" (static) */
	const char *rule; /* "IPR 4.1", or "" (static) */
	char *state;      /* the ballot's state, or NULL */
	char *tz;         /* its body's zone, for the local time beside UTC */
	int overdue;      /* at is before now and it is still open */
	int clock;        /* the ballot clock's enum gv_clock_kind, or -1
	                     for a next call */
	int64_t meeting;  /* a next call's meeting id, or -1 (a cadence
	                     slot with no meeting yet, or a ballot) */
};

struct gv_deadline_list {
	struct gv_deadline *v;
	size_t n;
};

/*
 * Every open clock as of the db's clock, overdue ones first, then the
 * soonest; body NULL for all bodies, within_days > 0 to keep only those
 * due within so many days (overdue ones are always kept). Caller frees
 * *out with gv_deadline_list_free().
 */
int gv_deadlines(struct gv_deadline_list **out, struct gv_db *db,
                 const char *body, int within_days);
void gv_deadline_list_free(struct gv_deadline_list *list);

/* The deadline of subject ("SMC010") that a list shows first (overdue,
 * else the soonest), or NULL. Borrowed from list. */
const struct gv_deadline *gv_deadline_next(const struct gv_deadline_list *list,
                                           const char *subject);

#endif
