/* SPDX-License-Identifier: MIT */
/*
 * This file implements time-zone lookups and local-to-UTC conversion. The
 * zones are libical's, built from the system's IANA database (Debian's
 * tzdata), in gavel-ical.so (core/zone_ical.c), which the first zone
 * asked for loads; reading a wall clock back (gaps, repeats) is here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/time.h"
#include "gavel/zone.h"
#include "internal.h"
#include "module.h"

#define DAY INT64_C(86400)

/* A zone of gavel-ical.so (core/module.h), loaded on first use. */
struct zone {
	const struct gv__ical_ops *ops;
	const void *tz;
};

/* Finds name; GV_ERROR when the module cannot be loaded, GV_EINVALID
 * when the database has no such zone. */
static int
zone_find(struct zone *z, const char *name)
{
	z->tz = NULL;
	if (!(z->ops = gv__ical()))
		return GV_ERROR;
	if (!name || !*name || !(z->tz = z->ops->zone_find(name)))
		return gv__error_set(GV_ERRCLASS_TIME, GV_EINVALID,
		                     "unknown time zone \"%s\": use a name "
		                     "from the IANA database, such as "
		                     "America/New_York or UTC",
		                     name ? name : "");
	return 0;
}

int
gv_zone_check(const char *name)
{
	struct zone z = {NULL, NULL};

	return zone_find(&z, name);
}

/*
 * A zone name as the IANA database spells them: parts of letters,
 * digits and "_-+" between single slashes (America/Port-au-Prince,
 * Etc/GMT+5). An operation from another member is held to this, not to
 * this machine's database: a zone their tzdata knows and an older one
 * here does not would otherwise put the body and everything after it in
 * conflict, where a time computed in the zone says so when one is
 * needed. It also leaves libical unloaded by a sync that computes no
 * wall clock (4 ms of its start: bench/README.md).
 */
int
gv__zone_check_form(const char *name)
{
	const char *p = name ? name : "";
	size_t len = strlen(p);
	int part = 0; /* characters of the part so far */

	for (; len <= 64; p++, part++) {
		if (*p == '/' || *p == '\0') {
			if (!part)
				break;
			if (!*p)
				return 0;
			part = -1;
		} else if (!((*p >= 'A' && *p <= 'Z') ||
		             (*p >= 'a' && *p <= 'z') ||
		             (*p >= '0' && *p <= '9') || *p == '_' ||
		             *p == '-' || *p == '+')) {
			break;
		}
	}
	return gv__error_set(GV_ERRCLASS_TIME, GV_EINVALID,
	                     "\"%s\" is not a time zone's name: use a name "
	                     "from the IANA database, such as America/New_York "
	                     "or UTC",
	                     name ? name : "");
}

/* The offset of z, in seconds east of UTC, at the UTC instant t. */
static int
zone_offset(const struct zone *z, int64_t t)
{
	return z->ops->zone_offset(z->tz, t);
}

/* What a wall clock names in a zone: the one instant, none (the clocks
 * skip it) or two (they repeat it). */
struct wall {
	int n;             /* instants named: 0, 1 or 2 */
	int64_t at[2];     /* those instants, the earlier first */
	int64_t change;    /* n != 1: the instant the clocks change */
	int before, after; /* n != 1: the offsets either side of it */
};

/* Finds the change of offset in (lo, hi], where lo has offset before. */
static void
wall_change(struct wall *w, const struct zone *tz, int64_t lo, int64_t hi)
{
	w->before = zone_offset(tz, lo);
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;

		if (zone_offset(tz, mid) == w->before)
			lo = mid;
		else
			hi = mid;
	}
	w->change = hi;
	w->after = zone_offset(tz, hi);
}

/*
 * Reads the wall clock (local seconds since 1970-01-01) in tz. The
 * candidates are the offsets a day either side and the offsets at the
 * instants those name; a candidate holds when the zone has that offset at
 * the instant it gives. Two holding is the repeated hour, none the
 * skipped one, whose edges are found between the candidates' instants.
 * Only a zone changing twice within a day of the wall clock could fool
 * this, and none does.
 */
static void
wall_resolve(struct wall *w, const struct zone *tz, int64_t wall)
{
	int cand[4], lo = INT32_MAX, hi = INT32_MIN;
	size_t i;

	cand[0] = zone_offset(tz, wall - DAY);
	cand[1] = zone_offset(tz, wall + DAY);
	cand[2] = zone_offset(tz, wall - cand[0]);
	cand[3] = zone_offset(tz, wall - cand[1]);
	w->n = 0;
	for (i = 0; i < 4; i++) {
		int64_t u = wall - cand[i];

		lo = cand[i] < lo ? cand[i] : lo;
		hi = cand[i] > hi ? cand[i] : hi;
		if (zone_offset(tz, u) != cand[i] ||
		    (w->n > 0 && w->at[0] == u) || w->n == 2)
			continue;
		w->at[w->n++] = u;
	}
	if (w->n == 2 && w->at[0] > w->at[1]) {
		int64_t t = w->at[0];

		w->at[0] = w->at[1];
		w->at[1] = t;
	}
	if (w->n == 0 && lo == hi) /* no change to be in: read it as is */
		w->at[w->n++] = wall - lo;
	if (w->n == 2)
		wall_change(w, tz, w->at[0], w->at[1]);
	else if (w->n == 0)
		wall_change(w, tz, wall - hi, wall - lo);
}

/* Local seconds since 1970-01-01 from days and seconds of the day. */
static int64_t
wall_seconds(int64_t day, int64_t seconds)
{
	return day * DAY + seconds;
}

/*
 * libical counts leap years by the Julian rule up to 1752
 * (icaltime_is_leap_year), gavel by the Gregorian one throughout: a wall
 * clock before 1753 would land a day or more off (found by fuzz_time).
 */
static int
zone_too_early(const char *zone, int64_t day)
{
	if (day >= gv_days_from_civil(1753, 1, 1))
		return 0;
	return gv__error_set(GV_ERRCLASS_TIME, GV_EINVALID,
	                     "no local time before 1753 can be read in %s: "
	                     "give the time in UTC, ending in Z",
	                     zone);
}

int
gv_zone_to_utc(int64_t *out, const char *zone, int64_t day, int minute)
{
	int64_t wall = wall_seconds(day, (int64_t)minute * 60);
	struct zone z = {NULL, NULL};
	struct wall w;
	int error;

	if ((error = zone_find(&z, zone)) < 0)
		return error;
	if ((error = zone_too_early(zone, day)) < 0)
		return error;
	wall_resolve(&w, &z, wall);
	/* RFC 5545 3.3.5: a skipped time takes the offset before the gap, a
	 * repeated one is its first occurrence. */
	*out = w.n ? w.at[0] : wall - w.before;
	return 0;
}

int
gv_zone_from_utc(struct gv_local *out, const char *zone, int64_t t)
{
	struct zone z = {NULL, NULL};
	int error;

	if ((error = zone_find(&z, zone)) < 0)
		return error;
	z.ops->zone_local(out, z.tz, t);
	out->days = gv_days_from_civil(out->year, (unsigned)out->month,
	                               (unsigned)out->day);
	/* 1970-01-01 was a Thursday. */
	out->weekday = (int)(((out->days % 7) + 7 + 4) % 7);
	return 0;
}

const char *
gv_zone_display_name(const char *zone)
{
	static const struct {
		const char *zone, *name;
	} names[] = {
	        {"America/New_York", "Eastern Time"},
	        {"America/Chicago", "Central Time"},
	        {"America/Denver", "Mountain Time"},
	        {"America/Los_Angeles", "Pacific Time"},
	        {"Etc/UTC", "UTC"},
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(names[i].zone, zone))
			return names[i].name;
	return zone;
}

/* "2025-03-09 01:59-05:00 (EST)": an instant as TIME writes it with its
 * offset, so the choice can be pasted back; the zone's name after it
 * unless the name is the offset itself (+1030). */
static void
wall_choice(struct gv_buf *b, const char *zone, int64_t t)
{
	char offset[16];
	struct gv_local l;

	if (gv_zone_from_utc(&l, zone, t) < 0)
		return;
	gv__buf_printf(b, "%04d-%02d-%02d %02d:%02d", l.year, l.month, l.day,
	               l.hour, l.minute);
	if (l.second)
		gv__buf_printf(b, ":%02d", l.second);
	gv__time_format_offset(offset, sizeof(offset), l.utc_offset);
	gv__buf_puts(b, offset);
	if (l.abbrev[0] != '+' && l.abbrev[0] != '-')
		gv__buf_printf(b, " (%s)", l.abbrev);
}

/* Local seconds since 1970-01-01 as "HH:MM", or "YYYY-MM-DD HH:MM" when
 * dated (a change that crosses midnight, or skips a day as Apia's did). */
static const char *
wall_clock(char *buf, int64_t wall, int dated)
{
	gv_time_format(buf, wall, GV_TIME_HUMAN);
	buf[strlen(buf) - 4] = '\0'; /* " UTC": this is a wall clock */
	return dated ? buf : buf + 11;
}

/* Refuses a wall clock the zone skips or repeats, naming the choices:
 * the minute before the gap and its end, or both occurrences. */
static int
wall_refuse(const struct wall *w, const char *zone, int64_t wall)
{
	struct gv_buf b = GV_BUF_INIT;
	char written[GV_TIME_BUFSZ], from[GV_TIME_BUFSZ], to[GV_TIME_BUFSZ];
	int64_t was = w->change + w->before, is = w->change + w->after;
	int dated = (was - (was % DAY + DAY) % DAY) !=
	            (is - (is % DAY + DAY) % DAY);
	char *msg;
	int error;

	gv__buf_printf(&b, "%s %s in %s (clocks go %s from %s to %s): %s ",
	               wall_clock(written, wall, 1),
	               w->n ? "occurs twice" : "does not exist", zone,
	               w->after > w->before ? "forward" : "back",
	               wall_clock(from, was, dated), wall_clock(to, is, dated),
	               w->n ? "write" : "use");
	wall_choice(&b, zone, w->n ? w->at[0] : w->change - 60);
	gv__buf_puts(&b, " or ");
	wall_choice(&b, zone, w->n ? w->at[1] : w->change);
	msg = gv__buf_detach(&b);
	error = gv__error_set(GV_ERRCLASS_TIME, GV_EINVALID, "%s", msg);
	free(msg);
	return error;
}

int
gv_time_parse_in(int64_t *out, const char *text, const char *zone)
{
	struct zone z = {NULL, NULL};
	struct wall w;
	int64_t wall;
	int zoned, error;

	if ((error = gv_time_parse_zoned(&wall, &zoned, text)) < 0)
		return error;
	if (zoned || !zone) {
		*out = wall;
		return 0;
	}
	if ((error = zone_find(&z, zone)) < 0 ||
	    (error = zone_too_early(
	             zone,
	             wall >= 0 ? wall / DAY : -((-wall + DAY - 1) / DAY))) < 0)
		return error;
	wall_resolve(&w, &z, wall);
	if (w.n != 1)
		return wall_refuse(&w, zone, wall);
	*out = w.at[0];
	return 0;
}

char *
gv_time_spoken(char *buf, size_t n, int64_t t, const char *zone)
{
	struct gv_local l;

	if (gv_zone_from_utc(&l, zone, t) < 0) {
		snprintf(buf, n, "?");
		return buf;
	}
	snprintf(buf, n, "%s, %s %d, %d at %d:%02d %s %s",
	         gv_weekday_name(l.weekday), gv__month_name((unsigned)l.month),
	         l.day, l.year, l.hour % 12 ? l.hour % 12 : 12, l.minute,
	         l.hour < 12 ? "am" : "pm", gv_zone_display_name(zone));
	return buf;
}
