/* SPDX-License-Identifier: MIT */
/*
 * This file implements the VTIMEZONE gavel writes for a zone (RFC 5545
 * 3.6.5): libical's, built from the system's tzdata, under the IANA name,
 * cut to the span the calendar uses, and cleared of the mark the 32-bit
 * data of a TZif file leaves at 2038-01-19 03:14:07 UTC.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "gavel/time.h"
#include "ical.h"
#include "internal.h"

/* The last second a signed 32-bit time_t holds. */
#define T32_END INT64_C(2147483647)

/* The UTC instant of an observance's onset: its DTSTART is the wall
 * clock before it, at TZOFFSETFROM (RFC 5545 3.8.2.4). */
static int64_t
onset_utc(icalcomponent *o)
{
	icalproperty *p =
	        icalcomponent_get_first_property(o, ICAL_TZOFFSETFROM_PROPERTY);
	struct icaltimetype t = icalcomponent_get_dtstart(o);

	if (!p || icaltime_is_null_time(t))
		return INT64_MIN;
	return gv_days_from_civil(t.year, (unsigned)t.month, (unsigned)t.day) *
	               86400 +
	       t.hour * 3600 + t.minute * 60 + t.second -
	       icalproperty_get_tzoffsetfrom(p);
}

static int
offset_to(icalcomponent *o)
{
	icalproperty *p =
	        icalcomponent_get_first_property(o, ICAL_TZOFFSETTO_PROPERTY);

	return p ? icalproperty_get_tzoffsetto(p) : INT32_MIN;
}

/* o's rule as text without its UNTIL (the caller frees), or NULL. */
static char *
rule_open(icalcomponent *o)
{
	icalproperty *p =
	        icalcomponent_get_first_property(o, ICAL_RRULE_PROPERTY);
	struct icalrecurrencetype r;

	if (!p)
		return NULL;
	r = icalproperty_get_rrule(p);
	r.until = icaltime_null_time();
	return icalrecurrencetype_as_string_r(&r);
}

/*
 * The observance of vtz that mark continues: one of its kind and offset
 * whose rule is mark's but ends (UNTIL) before it. tzdata's zic writes
 * its rules as transitions until 2037 then the rule itself; libical
 * reads the 32-bit data's end as one more transition and starts the rule
 * again there, at a DTSTART that is not one of its days.
 */
static icalcomponent *
rule_continued(icalcomponent *vtz, icalcomponent *mark)
{
	char *want = rule_open(mark), *have;
	icalcomponent *c, *found = NULL;

	for (c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	     c && want && !found;
	     c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
		icalproperty *p = icalcomponent_get_first_property(
		        c, ICAL_RRULE_PROPERTY);

		if (c == mark || !p ||
		    icalcomponent_isa(c) != icalcomponent_isa(mark) ||
		    offset_to(c) != offset_to(mark) ||
		    icaltime_is_null_time(icalproperty_get_rrule(p).until) ||
		    onset_utc(c) >= T32_END)
			continue;
		have = rule_open(c);
		if (have && !strcmp(have, want))
			found = c;
		free(have);
	}
	free(want);
	return found;
}

static int
offset_from(icalcomponent *o)
{
	icalproperty *p =
	        icalcomponent_get_first_property(o, ICAL_TZOFFSETFROM_PROPERTY);

	return p ? icalproperty_get_tzoffsetfrom(p) : INT32_MIN;
}

/*
 * Removes the 32-bit end marks from vtz: observances whose onset is
 * 2038-01-19 03:14:07 UTC. One that changes no offset is dropped; one
 * that restarts a rule gives it back to the observance it continues,
 * whose UNTIL goes (so the rule runs on from its own days). Any other
 * (an offset that really changed then: tzdata has none) is kept. The
 * marks are found first: looking for a rule walks vtz's components.
 */
static void
vtimezone_repair(icalcomponent *vtz)
{
	icalcomponent *marks[8], *c, *from;
	size_t n = 0;

	for (c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	     c && n < sizeof(marks) / sizeof(marks[0]);
	     c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
		if (onset_utc(c) == T32_END)
			marks[n++] = c;
	for (size_t i = 0; i < n; i++) {
		icalproperty *p = icalcomponent_get_first_property(
		        marks[i], ICAL_RRULE_PROPERTY);

		if (p) {
			struct icalrecurrencetype r;

			if (!(from = rule_continued(vtz, marks[i])))
				continue;
			p = icalcomponent_get_first_property(
			        from, ICAL_RRULE_PROPERTY);
			r = icalproperty_get_rrule(p);
			r.until = icaltime_null_time();
			icalproperty_set_rrule(p, r);
		} else if (offset_from(marks[i]) != offset_to(marks[i])) {
			continue;
		}
		icalcomponent_remove_component(vtz, marks[i]);
		icalcomponent_free(marks[i]);
	}
}

/*
 * Adds to vcal the zone as libical builds it from the system's tzdata,
 * under the IANA name as TZID: libical's own prefix
 * (/freeassociation.sourceforge.net/) is a name no other program knows,
 * where Google, Apple and Outlook take "America/New_York" as it is. Its
 * observances since 1883 are cut to those from a day before earliest,
 * the earliest time written in it (RFC 5545 3.6.5 lets a VTIMEZONE cover
 * only the span it serves; a day: no reader has to decide about the very
 * instant).
 */
int
gv__ical_vtimezone(icalcomponent *vcal, const char *name, int64_t earliest)
{
	icaltimezone *zone = icaltimezone_get_builtin_timezone(name);
	icalcomponent *c = zone ? icaltimezone_get_component(zone) : NULL;
	icalproperty *p;

	if (!c)
		return gv__error_set(GV_ERRCLASS_CALENDAR, GV_EINVALID,
		                     "unknown time zone \"%s\"", name);
	c = icalcomponent_new_clone(c);
	vtimezone_repair(c);
	icaltimezone_truncate_vtimezone(
	        c,
	        icaltime_from_timet_with_zone((time_t)(earliest - 86400), 0,
	                                      icaltimezone_get_utc_timezone()),
	        icaltime_null_time(), 0);
	if ((p = icalcomponent_get_first_property(c, ICAL_TZID_PROPERTY)))
		icalproperty_set_tzid(p, name);
	icalcomponent_add_component(vcal, c);
	return 0;
}
