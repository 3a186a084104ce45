/* SPDX-License-Identifier: MIT */
/*
 * This file declares the calendar tests' readers: an iCalendar file read
 * back with libical (its own VTIMEZONEs resolving the wall clocks, its
 * series expanded) and, as an independent reader, with Python's
 * icalendar package; and the check of its physical lines.
 */
#ifndef GV_TEST_CALENDAR_FIXTURE_H
#define GV_TEST_CALENDAR_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

/* One VEVENT as a reader understood it; strings as unescaped. */
struct cal_event {
	char *uid, *status, *summary, *description;
	int sequence;
	int64_t start;      /* UTC */
	int64_t recurrence; /* RECURRENCE-ID, UTC, or -1 */
	int rrule;          /* a series */
	int64_t exdates[64];
	size_t nexdates;
	int64_t alarms[8]; /* seconds before the start */
	size_t nalarms;
	int64_t occurrences[64]; /* a series' starts in the asked window */
	size_t noccurrences;
};

struct cal_read {
	struct cal_event *v;
	size_t n;
};

/*
 * Reads text with libical; the series' occurrences in [from, to). 0, or
 * -1 with the reason in *why (a parse error libical recorded, a property
 * missing). Everything is kept until the test ends.
 */
int cal_read_libical(struct cal_read *out, const char **why, const char *text,
                     int64_t from, int64_t to);

/*
 * Reads the file at path with Python's icalendar (Debian's
 * python3-icalendar, with pytz and dateutil): 0, 1 when it is not
 * installed (the test is then marked skipped, naming the package), or -1
 * with the reason in *why.
 */
int cal_read_python(struct cal_read *out, const char **why, const char *path,
                    int64_t from, int64_t to);

/* The event with uid (and RECURRENCE-ID recurrence, -1 for none). */
const struct cal_event *cal_find(const struct cal_read *r, const char *uid,
                                 int64_t recurrence);

/* The first event whose summary starts with prefix. */
const struct cal_event *cal_find_summary(const struct cal_read *r,
                                         const char *prefix);

/* NULL when every physical line of text ends in CRLF, holds at most 75
 * octets, no control character and valid UTF-8; else what is wrong. */
const char *cal_lines_check(const char *text);

/*
 * `gavel calendar -o name` as of now (acting as the chair), its lines
 * checked and read back into *r by libical, and by Python's icalendar
 * when it is installed: alike says whether Python read an event (b) as
 * libical did (a). 1, or 0 with the test failed saying where.
 */
int cal_written(struct cal_read *r, const char *now, const char *name,
                int64_t from, int64_t to,
                int (*alike)(const struct cal_event *a,
                             const struct cal_event *b));

/* An ISO instant as JSON gives it ("2025-02-05T12:00:00Z"), or -1. */
int64_t cal_iso(const char *iso);

#endif
