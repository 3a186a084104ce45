/* SPDX-License-Identifier: MIT */
/*
 * This file implements how a body's local time is written beside UTC: the
 * wall clock with the zone's own abbreviation, in the styles the command
 * line, the notices, the JSON and the screen use.
 */
#include <stdio.h>
#include <string.h>

#include "gavel/time.h"
#include "gavel/zone.h"
#include "internal.h"

char *
gv_time_format_local(char *buf, int64_t t, const char *zone,
                     enum gv_local_style style)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed",
	                                   "Thu", "Fri", "Sat"};
	int64_t utc_days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	char date[16], clock[16], offset[16];
	struct gv_local l;

	if (!zone || gv_zone_from_utc(&l, zone, t) < 0) {
		snprintf(buf, GV_LOCAL_BUFSZ, "?");
		return buf;
	}
	/* The ranges are the calendar's; the modulos tell the compiler. */
	snprintf(date, sizeof(date), "%04u-%02u-%02u", (unsigned)l.year % 10000,
	         (unsigned)l.month % 100, (unsigned)l.day % 100);
	snprintf(clock, sizeof(clock),
	         l.second ? "%02u:%02u:%02u" : "%02u:%02u",
	         (unsigned)l.hour % 100, (unsigned)l.minute % 100,
	         (unsigned)l.second % 100);
	switch (style) {
	case GV_LOCAL_ISO:
		gv__time_format_offset(offset, sizeof(offset), l.utc_offset);
		snprintf(buf, GV_LOCAL_BUFSZ, "%sT%02u:%02u:%02u%s", date,
		         (unsigned)l.hour % 100, (unsigned)l.minute % 100,
		         (unsigned)l.second % 100, offset);
		break;
	case GV_LOCAL_WEEKDAY:
		snprintf(buf, GV_LOCAL_BUFSZ, "%s %s %s", days[l.weekday],
		         clock, l.abbrev);
		break;
	case GV_LOCAL_BESIDE:
		/* Beside the UTC date the local one is only needed when it
		 * differs (evening in the Americas, morning in Asia). */
		if (l.days == utc_days) {
			snprintf(buf, GV_LOCAL_BUFSZ, "%s %s", clock, l.abbrev);
			break;
		}
		/* fall through */
	case GV_LOCAL_FULL:
		snprintf(buf, GV_LOCAL_BUFSZ, "%s %s %s", date, clock,
		         l.abbrev);
		break;
	}
	return buf;
}

char *
gv_time_format_both(char *buf, int64_t t, const char *zone)
{
	char utc[GV_TIME_BUFSZ], local[GV_LOCAL_BUFSZ];
	struct gv_local l;

	gv_time_format(utc, t, GV_TIME_HUMAN);
	/* A body that keeps UTC has nothing to add. */
	if (!zone || gv_zone_from_utc(&l, zone, t) < 0 ||
	    (l.utc_offset == 0 && !strcmp(l.abbrev, "UTC")))
		snprintf(buf, GV_BOTH_BUFSZ, "%s", utc);
	else
		snprintf(buf, GV_BOTH_BUFSZ, "%s (%s)", utc,
		         gv_time_format_local(local, t, zone, GV_LOCAL_BESIDE));
	return buf;
}
