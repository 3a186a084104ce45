/* SPDX-License-Identifier: MIT */
/*
 * This file implements time-zone lookups and local-to-UTC conversion with
 * libical, which reads the system's IANA database (Debian's tzdata).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "gavel/time.h"
#include "gavel/zone.h"
#include "internal.h"

static icaltimezone *
zone_find(const char *name)
{
	if (!strcmp(name, "UTC"))
		return icaltimezone_get_utc_timezone();
	return icaltimezone_get_builtin_timezone(name);
}

int
gv_zone_check(const char *name)
{
	if (!name || !*name || !zone_find(name))
		return gv__error_set(GV_ERRCLASS_TIME, GV_EINVALID,
		                     "unknown time zone \"%s\": use a name "
		                     "from the IANA database, such as "
		                     "America/New_York or UTC",
		                     name ? name : "");
	return 0;
}

int
gv_zone_to_utc(int64_t *out, const char *zone, int64_t day, int minute)
{
	icaltimezone *tz = zone ? zone_find(zone) : NULL;
	struct icaltimetype t = icaltime_null_time();
	int64_t y;
	unsigned m, d;
	int error;

	if ((error = gv_zone_check(zone)) < 0)
		return error;
	/* libical counts leap years by the Julian rule up to 1752
	 * (icaltime_is_leap_year), gavel by the Gregorian one throughout:
	 * an earlier wall clock would land a day or more off. */
	if (day < gv_days_from_civil(1753, 1, 1))
		return gv__error_set(GV_ERRCLASS_TIME, GV_EINVALID,
		                     "no local time before 1753 can be read "
		                     "in %s: give the time in UTC, ending in Z",
		                     zone);
	gv_civil_from_days(&y, &m, &d, day);
	t.year = (int)y;
	t.month = (int)m;
	t.day = (int)d;
	t.hour = minute / 60;
	t.minute = minute % 60;
	t.zone = tz;
	*out = (int64_t)icaltime_as_timet_with_zone(t, tz);
	return 0;
}

int
gv_zone_from_utc(struct gv_local *out, const char *zone, int64_t t)
{
	icaltimezone *tz = zone ? zone_find(zone) : NULL;
	struct icaltimetype local;
	int daylight = 0;
	int error;

	if ((error = gv_zone_check(zone)) < 0)
		return error;
	local = icaltime_from_timet_with_zone((time_t)t, 0, tz);
	out->year = local.year;
	out->month = local.month;
	out->day = local.day;
	out->hour = local.hour;
	out->minute = local.minute;
	out->second = local.second;
	out->days = gv_days_from_civil(local.year, (unsigned)local.month,
	                               (unsigned)local.day);
	/* 1970-01-01 was a Thursday. */
	out->weekday = (int)(((out->days % 7) + 7 + 4) % 7);
	out->utc_offset = icaltimezone_get_utc_offset(tz, &local, &daylight);
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

int
gv_time_parse_in(int64_t *out, const char *text, const char *zone)
{
	int64_t wall;
	int zoned, error;

	if ((error = gv_time_parse_zoned(&wall, &zoned, text)) < 0)
		return error;
	if (zoned || !zone) {
		*out = wall;
		return 0;
	}
	/* Seconds are kept as written: a wall clock has them too. */
	error = gv_zone_to_utc(out, zone,
	                       wall >= 0 ? wall / 86400
	                                 : -((-wall + 86399) / 86400),
	                       (int)(((wall % 86400) + 86400) % 86400 / 60));
	if (error == 0)
		*out += ((wall % 60) + 60) % 60;
	return error;
}

char *
gv_time_spoken(char *buf, size_t n, int64_t t, const char *zone)
{
	static const char *const months[] = {"January", "February", "March",
	                                     "April",   "May",      "June",
	                                     "July",    "August",   "September",
	                                     "October", "November", "December"};
	static const char *const days[] = {"Sunday",    "Monday",   "Tuesday",
	                                   "Wednesday", "Thursday", "Friday",
	                                   "Saturday"};
	struct gv_local l;

	if (gv_zone_from_utc(&l, zone, t) < 0) {
		snprintf(buf, n, "?");
		return buf;
	}
	snprintf(buf, n, "%s, %s %d, %d at %d:%02d %s %s", days[l.weekday],
	         months[l.month - 1], l.day, l.year,
	         l.hour % 12 ? l.hour % 12 : 12, l.minute,
	         l.hour < 12 ? "am" : "pm", gv_zone_display_name(zone));
	return buf;
}
