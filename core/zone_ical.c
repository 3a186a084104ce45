/* SPDX-License-Identifier: MIT */
/*
 * This file is gavel-ical.so's side of the time zones (core/module.h):
 * libical's zones, which it builds from the system's IANA database
 * (Debian's tzdata), asked for an offset and a wall clock. How a wall
 * clock is read back (gaps, repeats) is core/zone.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "gavel/time.h"
#include "gavel/zone.h"
#include "ical.h"

const void *
gv__ical_zone_find(const char *name)
{
	if (!strcmp(name, "UTC"))
		return icaltimezone_get_utc_timezone();
	return icaltimezone_get_builtin_timezone(name);
}

/* Asked of the UTC instant, never of a wall clock, so it has one answer
 * even in the hour the clocks repeat. */
int
gv__ical_zone_offset(const void *zone, int64_t t)
{
	struct icaltimetype u = icaltime_from_timet_with_zone(
	        (time_t)t, 0, icaltimezone_get_utc_timezone());
	int daylight = 0;

	return icaltimezone_get_utc_offset_of_utc_time((icaltimezone *)zone, &u,
	                                               &daylight);
}

/* Local seconds since 1970-01-01 of a VTIMEZONE's DTSTART. */
static int64_t
zone_start(const struct icaltimetype *t)
{
	return gv_days_from_civil(t->year, (unsigned)t->month,
	                          (unsigned)t->day) *
	               86400 +
	       t->hour * 3600 + t->minute * 60 + t->second;
}

/*
 * The database's name for tz's time at t ("EST", "CEST", "+1030"): the
 * TZNAME of the latest observance (STANDARD or DAYLIGHT) that starts
 * before t and has its offset. libical builds the zone from the system's
 * tzdata with one observance per rule, so history keeps its own names
 * (EWT in 1942). A zone without names (libical's own UTC) gets UTC or
 * the offset as tzdata writes unnamed ones.
 */
static void
zone_abbrev(char *buf, size_t n, icaltimezone *tz, int64_t t, int offset)
{
	icalcomponent *vtz = icaltimezone_get_component(tz), *c;
	int64_t local = t + offset, best = INT64_MIN, start;
	const char *name = NULL;
	icalproperty *p;

	for (c = vtz ? icalcomponent_get_first_component(vtz,
	                                                 ICAL_ANY_COMPONENT)
	             : NULL;
	     c; c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
		struct icaltimetype dt;

		if (!(p = icalcomponent_get_first_property(
		              c, ICAL_TZOFFSETTO_PROPERTY)) ||
		    icalproperty_get_tzoffsetto(p) != offset ||
		    !(p = icalcomponent_get_first_property(
		              c, ICAL_DTSTART_PROPERTY)))
			continue;
		dt = icalproperty_get_dtstart(p);
		start = zone_start(&dt);
		if (start > local || start < best ||
		    !(p = icalcomponent_get_first_property(
		              c, ICAL_TZNAME_PROPERTY)))
			continue;
		best = start;
		name = icalproperty_get_tzname(p);
	}
	if (name && *name)
		snprintf(buf, n, "%s", name);
	else if (offset == 0)
		snprintf(buf, n, "UTC");
	else if (offset % 3600)
		snprintf(buf, n, "%c%02d%02d", offset < 0 ? '-' : '+',
		         abs(offset) / 3600, abs(offset) % 3600 / 60);
	else
		snprintf(buf, n, "%c%02d", offset < 0 ? '-' : '+',
		         abs(offset) / 3600);
}

void
gv__ical_zone_local(struct gv_local *out, const void *zone, int64_t t)
{
	icaltimezone *tz = (icaltimezone *)zone;
	struct icaltimetype local =
	        icaltime_from_timet_with_zone((time_t)t, 0, tz);

	out->year = local.year;
	out->month = local.month;
	out->day = local.day;
	out->hour = local.hour;
	out->minute = local.minute;
	out->second = local.second;
	out->utc_offset = gv__ical_zone_offset(zone, t);
	zone_abbrev(out->abbrev, sizeof(out->abbrev), tz, t, out->utc_offset);
}
