/* SPDX-License-Identifier: MIT */
/*
 * This file declares how gavel reads and writes instants. Every instant is
 * int64_t seconds since 1970-01-01 00:00:00 UTC; local zones come in only
 * where a meeting's wall clock matters.
 */
#ifndef GV_TIME_H
#define GV_TIME_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parses TIME as the command line writes it: "YYYY-MM-DD", "YYYY-MM-DD
 * HH:MM" or "YYYY-MM-DD HH:MM:SS" (a "T" may replace the space), in UTC
 * unless it ends in "Z", "UTC" or an offset ("+01:00", "-0500").
 * Returns 0, or GV_EINVALID with a message that shows the accepted forms.
 */
int gv_time_parse(int64_t *out, const char *text);

/* Like gv_time_parse; *zoned tells whether TIME named its zone (Z, UTC or
 * an offset), so a caller can read a bare time as another zone's. */
int gv_time_parse_zoned(int64_t *out, int *zoned, const char *text);

enum gv_time_style {
	GV_TIME_HUMAN, /* 2024-12-18 16:00 UTC (":SS" only when nonzero) */
	GV_TIME_ISO,   /* 2024-12-18T16:00:00Z */
	GV_TIME_DATE,  /* 2024-12-18 */
};

#define GV_TIME_BUFSZ 32

/* Writes t in the given style into buf (GV_TIME_BUFSZ bytes); returns buf. */
char *gv_time_format(char *buf, int64_t t, enum gv_time_style style);

/*
 * A countdown from now to t, as a dashboard shows it: "in 4 d 23 h",
 * "in 35 min", "overdue by 2 d 1 h" (t before now). Writes into buf of
 * size n (GV_TIME_BUFSZ is enough) and returns it.
 */
char *gv_duration_format(char *buf, size_t n, int64_t now, int64_t t);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
int64_t gv_days_from_civil(int64_t y, unsigned m, unsigned d);
void gv_civil_from_days(int64_t *y, unsigned *m, unsigned *d, int64_t days);

/*
 * Reads a calendar date, "YYYY-MM-DD" and nothing else, into days since
 * 1970-01-01. Returns 0 or GV_EINVALID (malformed, or no such date).
 */
int gv_date_parse(int64_t *days_out, const char *text);

/* The weekday of a day since 1970-01-01 (0 = Sunday .. 6 = Saturday), and
 * its English name ("Wednesday"). */
int gv_weekday(int64_t days);
const char *gv_weekday_name(int weekday);

#endif
