/* SPDX-License-Identifier: MIT */
/*
 * This file implements writing the calendar with libical (RFC 5545): the
 * VCALENDAR, a VTIMEZONE for each zone a wall clock is written in, and
 * the VEVENTs with their reminders. Text goes through libical's property
 * setters, which escape backslashes, commas, semicolons and line breaks
 * and fold lines at 75 octets without splitting a UTF-8 character; what
 * RFC 5545 allows in no text (control characters, invalid UTF-8) is made
 * visible first, as everywhere gavel prints stored text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "calendar_events.h"
#include "gavel/gavel.h"
#include "gavel/text.h"
#include "gavel/zone.h"
#include "ical.h"
#include "internal.h"
#include "module.h"

/* "MO".."SU" of RRULE's BYDAY, by weekday (0 = Sunday). */
static const char *const byday[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

/* Whether times in tz are written as its wall clock with its VTIMEZONE:
 * not for UTC, nor for what libical reads as UTC ("GMT"), which has no
 * VTIMEZONE to write; a time in UTC is written as such ("...Z"). */
static int
ical_zoned(const char *tz)
{
	return tz && icaltimezone_get_builtin_timezone(tz) !=
	                     icaltimezone_get_utc_timezone();
}

/* t as UTC ("20250129T160000Z"). */
static struct icaltimetype
ical_utc(int64_t t)
{
	return icaltime_from_timet_with_zone((time_t)t, 0,
	                                     icaltimezone_get_utc_timezone());
}

/*
 * Whether t is written as tz's wall clock (into l): unless that wall
 * clock is one the zone repeats, the night its clocks go back. RFC 5545
 * 3.3.5 reads a repeated time as its first occurrence, libical and pytz
 * read the second: such a time is written in UTC, which no one reads
 * two ways. The repeat shows as the offset a day before or after naming
 * the same wall clock at an instant that has that offset.
 */
static int
ical_local(struct gv_local *l, int64_t t, const char *tz)
{
	static const int64_t day[] = {-86400, 86400};
	struct gv_local near, other;
	int error;

	if (!ical_zoned(tz))
		return 0;
	if ((error = gv_zone_from_utc(l, tz, t)) < 0)
		return error;
	for (size_t i = 0; i < 2; i++) {
		int64_t twin;

		if ((error = gv_zone_from_utc(&near, tz, t + day[i])) < 0)
			return error;
		if (near.utc_offset == l->utc_offset)
			continue;
		twin = t + l->utc_offset - near.utc_offset;
		if ((error = gv_zone_from_utc(&other, tz, twin)) < 0)
			return error;
		if (other.utc_offset == near.utc_offset)
			return 0;
	}
	return 1;
}

/* A DATE-TIME property of kind at t: the wall clock of tz with its TZID
 * parameter (the VTIMEZONE written with the same name), or UTC. */
static int
ical_when(icalproperty **out, icalproperty_kind kind, int64_t t, const char *tz)
{
	struct icaltimetype v = ical_utc(t);
	struct gv_local l;
	int local;

	if ((local = ical_local(&l, t, tz)) < 0)
		return local;
	if (local) {
		v = icaltime_null_time();
		v.year = l.year, v.month = l.month, v.day = l.day;
		v.hour = l.hour, v.minute = l.minute, v.second = l.second;
	}
	*out = icalproperty_new(kind);
	icalproperty_set_value(*out, icalvalue_new_datetime(v));
	if (local)
		icalproperty_add_parameter(*out, icalparameter_new_tzid(tz));
	return 0;
}

static int
ical_add_when(icalcomponent *c, icalproperty_kind kind, int64_t t,
              const char *tz)
{
	icalproperty *p;
	int error;

	if ((error = ical_when(&p, kind, t, tz)) < 0)
		return error;
	icalcomponent_add_property(c, p);
	return 0;
}

/* The earliest time written in zone tz: a start (a series' first call,
 * before its exceptions and instances). */
static int64_t
ical_earliest(const struct gv__cal *cal, const char *tz)
{
	int64_t t = INT64_MAX;

	for (size_t i = 0; i < cal->n; i++)
		if (cal->v[i].tz && !strcmp(cal->v[i].tz, tz) &&
		    cal->v[i].start < t)
			t = cal->v[i].start;
	return t;
}

/* One VTIMEZONE per zone the events use, in the order they first do. */
static int
ical_zones(icalcomponent *vcal, const struct gv__cal *cal)
{
	int error = 0;

	for (size_t i = 0; i < cal->n && error == 0; i++) {
		const char *tz = cal->v[i].tz;
		size_t j;

		if (!ical_zoned(tz))
			continue;
		for (j = 0; j < i; j++)
			if (cal->v[j].tz && !strcmp(cal->v[j].tz, tz))
				break;
		if (j == i)
			error = gv__ical_vtimezone(vcal, tz,
			                           ical_earliest(cal, tz));
	}
	return error;
}

/* A TEXT property of stored text, made safe: one line, or lines. */
static icalproperty *
ical_text(icalproperty *(*make)(const char *), const char *text, int lines)
{
	char *safe = gv_text_sanitize(text ? text : "",
	                              lines ? GV_SANITIZE_KEEP_NEWLINES : 0);
	icalproperty *p = make(safe);

	free(safe);
	return p;
}

static void
ical_alarms(icalcomponent *ev, const struct gv__cal_event *e,
            const struct gv_alarms *alarms)
{
	for (size_t i = 0; i < alarms->n; i++) {
		icalcomponent *a = icalcomponent_new_valarm();
		struct icaltriggertype trigger;

		memset(&trigger, 0, sizeof(trigger));
		trigger.time = icaltime_null_time();
		trigger.duration =
		        icaldurationtype_from_int(-(int)alarms->before[i]);
		icalcomponent_add_property(
		        a, icalproperty_new_action(ICAL_ACTION_DISPLAY));
		icalcomponent_add_property(a,
		                           icalproperty_new_trigger(trigger));
		icalcomponent_add_property(
		        a,
		        ical_text(icalproperty_new_description, e->summary, 0));
		icalcomponent_add_component(ev, a);
	}
}

/* The series' rule: every so many weeks on the weekday of its start. */
static int
ical_series(icalcomponent *ev, const struct gv__cal_event *e)
{
	struct gv_local l;
	char rule[96];
	int error;

	if ((error = gv_zone_from_utc(&l, e->tz ? e->tz : "UTC", e->start)) < 0)
		return error;
	snprintf(rule, sizeof(rule), "FREQ=WEEKLY;INTERVAL=%d;BYDAY=%s",
	         e->weeks, byday[l.weekday]);
	if (e->until) {
		/* RFC 5545 3.3.10: in UTC when DTSTART has a TZID. */
		struct icaltimetype u = ical_utc(e->until);

		snprintf(rule + strlen(rule), sizeof(rule) - strlen(rule),
		         ";UNTIL=%s", icaltime_as_ical_string(u));
	}
	icalcomponent_add_property(
	        ev,
	        icalproperty_new_rrule(icalrecurrencetype_from_string(rule)));
	for (size_t i = 0; i < e->nexdates && error == 0; i++)
		error = ical_add_when(ev, ICAL_EXDATE_PROPERTY, e->exdates[i],
		                      e->tz);
	return error;
}

static int
ical_event(icalcomponent *vcal, const struct gv__cal *cal,
           const struct gv__cal_event *e, const struct gv_alarms *alarms)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	int error;

	icalcomponent_add_property(ev, icalproperty_new_uid(e->uid));
	icalcomponent_add_property(
	        ev, icalproperty_new_dtstamp(ical_utc(cal->now)));
	if ((error = ical_add_when(ev, ICAL_DTSTART_PROPERTY, e->start,
	                           e->tz)) < 0 ||
	    (e->instance &&
	     (error = ical_add_when(ev, ICAL_RECURRENCEID_PROPERTY, e->start,
	                            e->tz)) < 0) ||
	    (e->weeks > 0 && (error = ical_series(ev, e)) < 0)) {
		icalcomponent_free(ev);
		return error;
	}
	if (e->duration > 0)
		icalcomponent_add_property(
		        ev, icalproperty_new_duration(icaldurationtype_from_int(
		                    (int)e->duration)));
	icalcomponent_add_property(ev,
	                           icalproperty_new_sequence((int)e->sequence));
	icalcomponent_add_property(
	        ev,
	        icalproperty_new_status(e->cancelled ? ICAL_STATUS_CANCELLED
	                                             : ICAL_STATUS_CONFIRMED));
	icalcomponent_add_property(
	        ev, ical_text(icalproperty_new_summary, e->summary, 0));
	icalcomponent_add_property(
	        ev, ical_text(icalproperty_new_description, e->description, 1));
	icalcomponent_add_property(ev,
	                           icalproperty_new_categories(e->category));
	/* A deadline takes no time: it leaves the day free. */
	icalcomponent_add_property(
	        ev,
	        icalproperty_new_transp(e->deadline ? ICAL_TRANSP_TRANSPARENT
	                                            : ICAL_TRANSP_OPAQUE));
	/* RFC 5545 gives a VEVENT no STATUS for done (COMPLETED is a
	 * VTODO's): a met clock stays CONFIRMED, a fact of the ballot's
	 * history, and loses its reminders, which would tell members of a
	 * duty already done (the Review Notice sent); its title and
	 * description say it was met. */
	if (!e->cancelled && !e->met)
		ical_alarms(ev, e, alarms);
	icalcomponent_add_component(vcal, ev);
	return 0;
}

int
gv__ical_cal_write(char **out, const struct gv__cal *cal,
                   const struct gv_alarms *alarms)
{
	icalcomponent *vcal = icalcomponent_new_vcalendar();
	icalproperty *name;
	char *text;
	int error;

	*out = NULL;
	icalcomponent_add_property(vcal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(
	        vcal,
	        icalproperty_new_prodid("-//gavel//gavel " GV_VERSION "//EN"));
	icalcomponent_add_property(vcal,
	                           icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(
	        vcal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	icalcomponent_add_property(
	        vcal, ical_text(icalproperty_new_name, cal->name, 0));
	/* The name most programs read (RFC 7986's NAME is newer). */
	name = ical_text(icalproperty_new_x, cal->name, 0);
	icalproperty_set_x_name(name, "X-WR-CALNAME");
	icalcomponent_add_property(vcal, name);
	if ((error = ical_zones(vcal, cal)) < 0)
		goto out;
	for (size_t i = 0; i < cal->n && error == 0; i++)
		error = ical_event(vcal, cal, &cal->v[i], alarms);
	if (error < 0)
		goto out;
	text = icalcomponent_as_ical_string_r(vcal);
	*out = gv__xstrdup(text);
	icalmemory_free_buffer(text);
out:
	icalcomponent_free(vcal);
	return error;
}

/* gavel-ical.so's table (core/module.h). */
const struct gv__ical_ops gv__ical_module = {
        GV_VERSION,          gv__ical_zone_find, gv__ical_zone_offset,
        gv__ical_zone_local, gv__ical_cal_write,
};
