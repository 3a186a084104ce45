/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the calendar's files share inside core: the
 * events gathered from ballots and meetings (no libical type), and the
 * writer that turns them into iCalendar with libical.
 */
#ifndef GV_CORE_CALENDAR_EVENTS_H
#define GV_CORE_CALENDAR_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "gavel/calendar.h"
#include "gavel/schedule.h"

struct gv_db;
struct gv_body;

/* One VEVENT, as gavel knows it. */
struct gv__cal_event {
	char *uid;            /* stable from run to run (owned) */
	int64_t start;        /* UTC */
	char *tz;             /* the zone its wall clock is written in, or
	                         NULL: UTC (owned) */
	int64_t duration;     /* seconds; 0: an instant (a deadline) */
	int64_t sequence;     /* RFC 5545 SEQUENCE */
	int cancelled;        /* STATUS:CANCELLED, else CONFIRMED */
	int open;             /* a clock not met yet (kept when overdue) */
	int met;              /* a clock met: no reminder */
	int instance;         /* an instance of a series: RECURRENCE-ID */
	int deadline;         /* a clock: TRANSP:TRANSPARENT */
	char *summary;        /* one line, unsanitized (owned) */
	char *description;    /* lines, unsanitized (owned) */
	const char *category; /* "ballot", "meeting" (static) */
	int weeks;            /* > 0: a series, every so many weeks */
	int64_t until;        /* a series: no start after it (UTC); 0: none */
	int64_t *exdates;     /* the series' cancelled slots, UTC (owned) */
	size_t nexdates;
};

struct gv__cal {
	struct gv__cal_event *v;
	size_t n, alloc;
	int64_t now;      /* the db's clock: DTSTAMP */
	const char *name; /* the calendar's name (borrowed) */
};

/* A new event at the end of cal, zeroed but for start; its strings are
 * the caller's to fill (gv__xstrdup). */
struct gv__cal_event *gv__cal_add(struct gv__cal *cal, int64_t start);

/* Frees what one event holds. */
void gv__cal_event_dispose(struct gv__cal_event *e);

/* Frees what cal holds (not cal itself). */
void gv__cal_dispose(struct gv__cal *cal);

/* t as a UID names it, 20250129T160000Z (UTC), into buf of
 * GV_TIME_BUFSZ bytes; returns buf. */
char *gv__cal_uid_time(char *buf, int64_t t);

/* How many operations of the body's part of the log have one of the
 * kinds (NULL-terminated list of at most 3): what the SEQUENCEs count. */
int gv__cal_op_count(int64_t *out, struct gv_db *db, const char *body,
                     const char *const *kinds);

/* The events of every clock of the body's ballots (all bodies' for
 * NULL), as of the db's clock (core/calendar_ballots.c). */
int gv__cal_ballots(struct gv__cal *cal, struct gv_db *db, const char *body);

/* One series of a body's calls: a cadence it had, in the zone it had
 * then, holding its slots in [start, end). */
struct gv__cal_series {
	char *uid; /* (owned) */
	struct gv_cadence cadence;
	char *tz;           /* (owned) */
	int64_t start, end; /* UTC; end INT64_MAX: the body's cadence now */
};

/* The series of the body's calls, one per cadence the log gave it, oldest
 * first (core/calendar_cadences.c); free with gv__cal_series_free. */
int gv__cal_series_load(struct gv__cal_series **out, size_t *n,
                        struct gv_db *db, const struct gv_body *body);
void gv__cal_series_free(struct gv__cal_series *v, size_t n);

/* The events of the body's meetings and its series of calls
 * (core/calendar_meetings.c). */
int gv__cal_meetings(struct gv__cal *cal, struct gv_db *db, const char *body);

/* The iCalendar text of cal's events is written by gavel-ical.so
 * (core/calendar_ical.c): gv__ical()->cal_write (core/module.h). */

#endif
