/* SPDX-License-Identifier: MIT */
/*
 * This file tests the VTIMEZONEs `gavel calendar` writes for every zone
 * of the system's time-zone database (/usr/share/zoneinfo): each
 * observance valid by RFC 5545 3.6.5, its DTSTART the first onset its
 * RRULE gives, and none at the end of 32-bit time (2038-01-19 03:14:07
 * UTC), which libical reads from a TZif file's 32-bit data as one more
 * transition (Australia/Lord_Howe's October rule restarted there, at a
 * DTSTART that is not a first Sunday).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libical/ical.h>

#include "calendar_fixture.h"
#include "gavel/gavel.h"
#include "harness.h"

#define ZONEINFO "/usr/share/zoneinfo"

/* The last second a signed 32-bit time_t holds. */
#define T32_END INT64_C(2147483647)

struct zones {
	char **v;
	size_t n, alloc;
};

/* Whether path is a TZif file (not zone.tab, leap-seconds.list, ...). */
static int
tzif(const char *path)
{
	char magic[4] = {0};
	FILE *f = fopen(path, "rb");
	int yes = f && fread(magic, 1, 4, f) == 4 && !memcmp(magic, "TZif", 4);

	if (f)
		fclose(f);
	return yes;
}

/* The zone names under dir (rel its name under ZONEINFO, "" at the top),
 * less the posix/ and right/ copies of the same zones. */
static void
zones_walk(struct zones *z, const char *rel)
{
	char path[1024], name[512];
	DIR *d;
	struct dirent *e;
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", ZONEINFO, rel);
	if (!(d = opendir(path)))
		return;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' ||
		    (!*rel && (!strcmp(e->d_name, "posix") ||
		               !strcmp(e->d_name, "right"))))
			continue;
		snprintf(name, sizeof(name), "%s%s%s", rel, *rel ? "/" : "",
		         e->d_name);
		snprintf(path, sizeof(path), "%s/%s", ZONEINFO, name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			zones_walk(z, name);
			continue;
		}
		if (!tzif(path))
			continue;
		if (z->n == z->alloc) {
			z->alloc = z->alloc ? 2 * z->alloc : 512;
			z->v = realloc(z->v, z->alloc * sizeof(*z->v));
		}
		z->v[z->n++] = strdup(name);
	}
	closedir(d);
}

/* The UTC instant of an observance's onset: DTSTART at TZOFFSETFROM. */
static int64_t
onset(icalcomponent *o)
{
	struct icaltimetype t = icalcomponent_get_dtstart(o);
	icalproperty *p =
	        icalcomponent_get_first_property(o, ICAL_TZOFFSETFROM_PROPERTY);

	t.zone = icaltimezone_get_utc_timezone();
	return (int64_t)icaltime_as_timet(t) -
	       (p ? icalproperty_get_tzoffsetfrom(p) : 0);
}

/* NULL when every observance of vtz is right, else what is wrong. */
static const char *
vtimezone_check(icalcomponent *vtz)
{
	static char why[256];
	icalproperty *id =
	        icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	const char *tzid = id ? icalproperty_get_tzid(id) : "?";
	icalcomponent *o;

	for (o = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT); o;
	     o = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
		icalproperty *r = icalcomponent_get_first_property(
		        o, ICAL_RRULE_PROPERTY);
		struct icaltimetype start = icalcomponent_get_dtstart(o);
		icalrecur_iterator *it;
		struct icaltimetype first;

		if (onset(o) == T32_END) {
			snprintf(why, sizeof(why), "%s: an onset at %s", tzid,
			         icaltime_as_ical_string(start));
			return why;
		}
		if (!r)
			continue;
		it = icalrecur_iterator_new(icalproperty_get_rrule(r), start);
		first = it ? icalrecur_iterator_next(it) : icaltime_null_time();
		if (it)
			icalrecur_iterator_free(it);
		if (icaltime_compare(first, start) != 0) {
			snprintf(why, sizeof(why),
			         "%s: DTSTART %s is not its RRULE's first "
			         "onset",
			         tzid, icaltime_as_ical_string(start));
			return why;
		}
	}
	return NULL;
}

static void
every_zone_is_valid(void)
{
	struct zones z = {0};
	struct gv_calendar_spec spec = {0};
	struct gv_alarms none = {{0}, 0};
	struct gv_db *db = t_smcwg_db(t_at("2025-06-01 00:00"));
	struct gv_meeting_spec m = {0};
	icalcomponent *cal, *vtz;
	char *text = NULL;
	size_t added = 0, checked = 0;
	const char *why;

	T_ASSERT(db);
	zones_walk(&z, "");
	/* One meeting in each zone, an hour apart, a year before 2038. */
	m.body = "SMCWG";
	m.bare = 1;
	for (size_t i = 0; i < z.n; i++) {
		int64_t id;

		m.tz = z.v[i];
		m.starts_at = t_at("2037-01-05 00:00") + (int64_t)i * 3600;
		if (gv_zone_check(z.v[i]) == 0 &&
		    gv_meeting_add(&id, db, &m) == 0)
			added++;
	}
	/* Debian's tzdata: some 600 names, links and all. */
	T_ASSERT(added > 400);
	spec.alarms = &none;
	if (gv_calendar(&text, NULL, db, &spec) < 0)
		t_fail(__FILE__, __LINE__, "%s", gv_error_last()->message);
	T_ASSERT(text && !cal_lines_check(text));
	T_ASSERT((cal = icalparser_parse_string(text)));
	for (vtz = icalcomponent_get_first_component(cal,
	                                             ICAL_VTIMEZONE_COMPONENT);
	     vtz; vtz = icalcomponent_get_next_component(
	                  cal, ICAL_VTIMEZONE_COMPONENT)) {
		if ((why = vtimezone_check(vtz)))
			t_fail(__FILE__, __LINE__, "%s", why);
		checked++;
	}
	/* All but UTC and GMT, whose times are written in UTC ("Z"),
	 * where GMT once failed the whole calendar (no VTIMEZONE). */
	T_ASSERT(checked + 2 >= added && checked > 400);
	icalcomponent_free(cal);
	free(text);
	for (size_t i = 0; i < z.n; i++)
		free(z.v[i]);
	free(z.v);
	gv_db_free(db);
}

/* Lord Howe's clocks go forward half an hour on the first Sunday of
 * October, in 2038 too: the rule runs on from 2037 (no UNTIL), and
 * libical, reading the file's own VTIMEZONE, puts a call of October 2038
 * at +11:00. (Python's icalendar reads the IANA name with pytz, whose
 * transitions end in 2037: not a reader for this.) */
static void
lord_howe_runs_past_2038(void)
{
	struct gv_db *db = t_smcwg_db(t_at("2025-06-01 00:00"));
	struct gv_meeting_spec m = {0};
	struct gv_calendar_spec spec = {0};
	struct cal_read lic;
	const struct cal_event *e;
	char *text = NULL;
	const char *why;
	int64_t id, at = t_at("2038-10-10 22:00"); /* 09:00 at +11:00 */

	T_ASSERT(db);
	m.body = "SMCWG";
	m.bare = 1;
	m.tz = "Australia/Lord_Howe";
	m.starts_at = t_at("2025-06-02 22:30"); /* 09:00 at +10:30 */
	T_EQ_INT(gv_meeting_add(&id, db, &m), 0);
	m.starts_at = at;
	T_EQ_INT(gv_meeting_add(&id, db, &m), 0);
	T_EQ_INT(gv_calendar(&text, NULL, db, &spec), 0);
	T_ASSERT(text);
	T_ASSERT(strstr(text, "20380119T") == NULL);
	T_CONTAINS(text, "DTSTART;TZID=Australia/Lord_Howe:20381011T090000");
	T_ASSERT(cal_read_libical(&lic, &why, text, t_at("2025-01-01 00:00"),
	                          t_at("2039-01-01 00:00")) == 0);
	T_ASSERT((e = cal_find(&lic, "SMCWG-meeting-20381010T220000Z@gavel",
	                       -1)));
	T_EQ_INT(e->start, at);
	free(text);
	gv_db_free(db);
}

const struct t_case calendar_zones_tests[] = {
        {"every_zone_is_valid", every_zone_is_valid},
        {"lord_howe_runs_past_2038", lord_howe_runs_past_2038},
        {NULL, NULL},
};
