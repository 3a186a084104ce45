/* SPDX-License-Identifier: MIT */
/*
 * This file declares the calendar: every meeting, each body's recurring
 * call and every clock of every ballot as one RFC 5545 iCalendar, for the
 * members' own calendar programs to subscribe to or import.
 */
#ifndef GV_CALENDAR_H
#define GV_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

struct gv_db;

#define GV_ALARMS_MAX 8

/* The reminders of each event (VALARM), as seconds before it. */
struct gv_alarms {
	int64_t before[GV_ALARMS_MAX];
	size_t n; /* 0: no reminders */
};

/*
 * Reads reminders as a chair writes them: durations before the event,
 * comma-separated ("1d", "2h,15m", "1d12h", "1w"; RFC 5545's "P1D" and
 * "PT15M" too), or "none". Returns 0 or GV_EINVALID saying what to write.
 */
int gv_alarms_parse(struct gv_alarms *out, const char *text);

struct gv_calendar_spec {
	const char *body; /* a body's code, or NULL for every body */
	/* > 0: only what falls within so many days of the db's clock, and
	 * the open clocks already overdue (as gv_deadlines keeps them). */
	int within_days;
	/* to > from: only what falls in [from, to), the screen's window. */
	int64_t from, to;
	const struct gv_alarms *alarms; /* NULL: one day before */
};

/*
 * The calendar as of the db's clock, in *out (caller frees with free()):
 * a VEVENT per meeting, in its zone with the VTIMEZONE, with the agenda;
 * per body with a cadence one recurring VEVENT of its calls, cancelled
 * calls as EXDATEs and the meetings held at its slots as its instances;
 * per ballot one VEVENT for each clock (discussion ends, voting opens
 * and closes, results, notices, IPR review, outcome and publication)
 * with its rule. UIDs stay the same from run to run; SEQUENCE grows when
 * an event's date or status changes, and a clock that no longer applies
 * stays as a cancelled event. *nevents (may be NULL) is the number of
 * VEVENTs. Returns 0, GV_ENOTFOUND (body) or GV_EINVALID (an instant out
 * of range).
 */
int gv_calendar(char **out, size_t *nevents, struct gv_db *db,
                const struct gv_calendar_spec *spec);

/* The same written to the file path, whole or not at all (a temporary
 * file beside it, renamed). Returns 0, what gv_calendar returns, or
 * GV_ERROR when the file cannot be written. */
int gv_calendar_save(size_t *nevents, struct gv_db *db,
                     const struct gv_calendar_spec *spec, const char *path);

#endif
