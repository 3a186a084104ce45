/* SPDX-License-Identifier: MIT */
/*
 * This file declares a body's cadence of calls: every N weeks on a weekday
 * at a wall-clock time of the body's zone, counted from a first call.
 */
#ifndef GV_SCHEDULE_H
#define GV_SCHEDULE_H

#include <stddef.h>
#include <stdint.h>

struct gv_cadence {
	int weeks;      /* 0: no regular calls */
	int weekday;    /* 0 = Sunday .. 6 = Saturday */
	int minute;     /* wall-clock minute of the day, 11:00 = 660 */
	int64_t anchor; /* the first call's day, days since 1970-01-01 */
};

/*
 * Reads a cadence as a chair says it: "every 2 weeks on Wednesday at 11:00
 * from 2024-12-04", "weekly on Thursday at 12:00 from 2025-01-09",
 * "biweekly on wed at 11:00 am from 2024-12-04", or "none". The first call
 * must fall on the weekday. Returns 0 or GV_EINVALID.
 */
int gv_cadence_parse(struct gv_cadence *out, const char *text);

/* The cadence a body keeps (weeks 0 when it has none). */
struct gv_body;
void gv_body_cadence(struct gv_cadence *out, const struct gv_body *body);

/*
 * The first call of c (weeks > 0) at or after t, UTC seconds, its wall
 * clock kept in the zone tz whatever daylight saving does; t of
 * INT64_MIN gives its first call. Returns 0 or the zone's error.
 */
int gv_cadence_next(int64_t *out, const struct gv_cadence *c, const char *tz,
                    int64_t t);

/* Writes "every 2 weeks on Wednesday at 11:00 from 2024-12-04" (or
 * "none") into buf of size n. */
void gv_cadence_format(char *buf, size_t n, const struct gv_cadence *c);

#endif
