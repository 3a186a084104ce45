/* SPDX-License-Identifier: MIT */
/*
 * This file declares gavel's view of time zones (the IANA database, read
 * through libical): meetings keep their local wall-clock time, instants are
 * stored in UTC.
 */
#ifndef GV_ZONE_H
#define GV_ZONE_H

#include <stddef.h>
#include <stdint.h>

/* 0 when name is a zone the time-zone database knows ("UTC" included),
 * else GV_EINVALID with a message that says what to write. */
int gv_zone_check(const char *name);

/*
 * The UTC instant of a local wall-clock time in zone: days since
 * 1970-01-01 plus the local minute of the day. A time the clocks skip
 * (spring forward) is read with the offset before the change, so it lands
 * as far after the change as it was written after its start (02:30 ->
 * 03:30 EDT), and a time that occurs twice (fall back) is its first
 * occurrence, as RFC 5545 3.3.5 reads them: for times gavel computes (a
 * cadence, imported minutes). Returns 0 or GV_EINVALID.
 */
int gv_zone_to_utc(int64_t *out, const char *zone, int64_t day, int minute);

/*
 * Parses TIME (see gv_time_parse) as a wall clock of zone, unless it names
 * its own zone (Z, UTC, an offset) or zone is NULL. A wall clock that does
 * not exist in zone (the hour clocks skip) or occurs twice (the hour they
 * repeat) is refused, and the message gives the valid choices written
 * with their offsets. Returns 0 or GV_EINVALID.
 */
int gv_time_parse_in(int64_t *out, const char *text, const char *zone);

/* A UTC instant as a zone's wall clock shows it. */
struct gv_local {
	int year, month, day; /* 2025, 1, 15 */
	int hour, minute, second;
	int weekday;     /* 0 = Sunday .. 6 = Saturday */
	int64_t days;    /* the local date, days since 1970-01-01 */
	int utc_offset;  /* seconds east of UTC */
	char abbrev[16]; /* "EST", "CEST", "+1030" (the database's name) */
};

/* Converts t to zone's wall clock. Returns 0 or GV_EINVALID (zone). */
int gv_zone_from_utc(struct gv_local *out, const char *zone, int64_t t);

/*
 * How announcements name a zone's time: "Eastern Time" for
 * America/New_York (RULES §4: SMCWG calls are "11:00 am Eastern Time"),
 * else the zone's own name. Static string or zone itself.
 */
const char *gv_zone_display_name(const char *zone);

enum gv_local_style {
	GV_LOCAL_FULL,    /* 2025-01-29 11:00 EST */
	GV_LOCAL_BESIDE,  /* 11:00 EST; with the date when it is not UTC's */
	GV_LOCAL_WEEKDAY, /* Wed 11:00 EST (the screen's narrow column) */
	GV_LOCAL_ISO,     /* 2025-01-29T11:00:00-05:00 */
};

#define GV_LOCAL_BUFSZ 48

/*
 * Writes t as zone's wall clock in the given style into buf
 * (GV_LOCAL_BUFSZ bytes; ":SS" only when nonzero) and returns buf; "?"
 * for an unknown zone.
 */
char *gv_time_format_local(char *buf, int64_t t, const char *zone,
                           enum gv_local_style style);

#define GV_BOTH_BUFSZ 80

/*
 * Writes t as announcements give a body's time: UTC, which stays the
 * authoritative one (RULES 4), then zone's wall clock beside it,
 * "2025-01-29 16:00 UTC (11:00 EST)"; UTC alone when zone keeps UTC or is
 * unknown. buf holds GV_BOTH_BUFSZ bytes; returns buf.
 */
char *gv_time_format_both(char *buf, int64_t t, const char *zone);

#define GV_SPOKEN_BUFSZ 96

/*
 * Writes t as announcements say it in zone: "Wednesday, January 15, 2025
 * at 11:00 am Eastern Time". Returns buf ("?" for an unknown zone).
 */
char *gv_time_spoken(char *buf, size_t n, int64_t t, const char *zone);

#endif
