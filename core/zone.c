/* SPDX-License-Identifier: MIT */
/*
 * This file implements time-zone lookups and local-to-UTC conversion with
 * libical, which reads the system's IANA database (Debian's tzdata).
 */
#include <string.h>

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
