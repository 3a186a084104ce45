/* SPDX-License-Identifier: MIT */
/*
 * This file implements how a moment of a body is given to templates and
 * to JSON: its date and time as minutes write them ("Wednesday, January
 * 29, 2025 at 11:00 am Eastern Time"), UTC, and the wall clock beside it.
 */
#include <stdio.h>

#include "gavel/gavel.h"
#include "internal.h"
#include "view.h"

json_t *
gv__view_when(int64_t t, const char *zone)
{
	struct gv_local l;
	char date[16], long_date[48], clock[24], spoken[GV_SPOKEN_BUFSZ],
	        utc[GV_TIME_BUFSZ], iso[GV_TIME_BUFSZ], local[GV_LOCAL_BUFSZ],
	        both[GV_BOTH_BUFSZ];
	json_t *when;

	if (gv_zone_from_utc(&l, zone, t) < 0)
		return json_null();
	snprintf(date, sizeof(date), "%04d-%02d-%02d", l.year, l.month, l.day);
	snprintf(long_date, sizeof(long_date), "%s %d, %d",
	         gv__month_name((unsigned)l.month), l.day, l.year);
	snprintf(clock, sizeof(clock), "%d:%02d %s",
	         l.hour % 12 ? l.hour % 12 : 12, l.minute,
	         l.hour < 12 ? "am" : "pm");
	when = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "date", date,
	                 "long_date", long_date, "weekday",
	                 gv_weekday_name(l.weekday), "time", clock, "spoken",
	                 gv_time_spoken(spoken, sizeof(spoken), t, zone), "utc",
	                 gv_time_format(utc, t, GV_TIME_HUMAN), "iso",
	                 gv_time_format(iso, t, GV_TIME_ISO));
	/* Beside the UTC fields: the zone's abbreviation, the wall clock with
	 * its offset, and both as a notice prints them. */
	json_object_set_new(when, "zone", json_string(l.abbrev));
	json_object_set_new(when, "local_iso",
	                    json_string(gv_time_format_local(local, t, zone,
	                                                     GV_LOCAL_ISO)));
	json_object_set_new(when, "both",
	                    json_string(gv_time_format_both(both, t, zone)));
	return when;
}
