/* SPDX-License-Identifier: MIT */
/*
 * This file tests how gavel reads a wall clock in a body's zone (the hour
 * the clocks skip is refused, the hour they repeat needs an offset, each
 * message naming the choices) and how it writes a body's local time
 * beside UTC, in zones on both sides of the world.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "internal.h"
#include "gavel/error.h"
#include "gavel/time.h"
#include "gavel/zone.h"

#define NY "America/New_York"

/* TIME read in zone, as UTC ("2025-01-15 16:00 UTC"), or the error. */
static const char *
read_in(const char *text, const char *zone)
{
	static char buf[GV_TIME_BUFSZ];
	int64_t t = 0;

	if (gv_time_parse_in(&t, text, zone) < 0)
		return gv_error_last()->message;
	return gv_time_format(buf, t, GV_TIME_HUMAN);
}

static void
dst_moves_the_utc_hour(void)
{
	/* A chair's "11:00" is Eastern: EST in January, EDT in April. */
	T_EQ_STR(read_in("2025-01-15 11:00", NY), "2025-01-15 16:00 UTC");
	T_EQ_STR(read_in("2025-04-15 11:00", NY), "2025-04-15 15:00 UTC");
	/* Central Europe: CET, then CEST from the last Sunday of March. */
	T_EQ_STR(read_in("2025-01-15 11:00", "Europe/Berlin"),
	         "2025-01-15 10:00 UTC");
	T_EQ_STR(read_in("2025-07-15 11:00", "Europe/Berlin"),
	         "2025-07-15 09:00 UTC");
	/* Lord Howe Island: +10:30 in winter, +11:00 in summer. */
	T_EQ_STR(read_in("2025-07-15 11:00", "Australia/Lord_Howe"),
	         "2025-07-15 00:30 UTC");
	T_EQ_STR(read_in("2025-01-15 11:00", "Australia/Lord_Howe"),
	         "2025-01-15 00:00 UTC");
	/* Z or an offset always wins over the zone. */
	T_EQ_STR(read_in("2025-01-15 11:00Z", NY), "2025-01-15 11:00 UTC");
	T_EQ_STR(read_in("2025-01-15 11:00+01:00", NY), "2025-01-15 10:00 UTC");
	T_EQ_STR(read_in("2025-01-15 11:00", NULL), "2025-01-15 11:00 UTC");
}

static void
skipped_time_is_refused(void)
{
	int64_t t = 0;

	T_EQ_INT(gv_time_parse_in(&t, "2025-03-09 02:30", NY), GV_EINVALID);
	T_EQ_STR(gv_error_last()->message,
	         "2025-03-09 02:30 does not exist in America/New_York (clocks "
	         "go forward from 02:00 to 03:00): use 2025-03-09 01:59-05:00 "
	         "(EST) or 2025-03-09 03:00-04:00 (EDT)");
	/* The gap starts at 02:00 and ends before 03:00. */
	T_EQ_INT(gv_time_parse_in(&t, "2025-03-09 02:00", NY), GV_EINVALID);
	T_EQ_INT(gv_time_parse_in(&t, "2025-03-09 02:59:59", NY), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "2025-03-09 02:59:59 does not");
	/* The choices either side are the instants next to the gap. */
	T_EQ_STR(read_in("2025-03-09 01:59-05:00", NY), "2025-03-09 06:59 UTC");
	T_EQ_STR(read_in("2025-03-09 01:59", NY), "2025-03-09 06:59 UTC");
	T_EQ_STR(read_in("2025-03-09 03:00", NY), "2025-03-09 07:00 UTC");
	T_EQ_STR(read_in("2025-03-09 03:00-04:00", NY), "2025-03-09 07:00 UTC");
}

static void
repeated_time_needs_an_offset(void)
{
	int64_t t = 0;

	T_EQ_INT(gv_time_parse_in(&t, "2025-11-02 01:30", NY), GV_EINVALID);
	T_EQ_STR(gv_error_last()->message,
	         "2025-11-02 01:30 occurs twice in America/New_York (clocks go "
	         "back from 02:00 to 01:00): write 2025-11-02 01:30-04:00 "
	         "(EDT) or 2025-11-02 01:30-05:00 (EST)");
	T_EQ_STR(read_in("2025-11-02 01:30-04:00", NY), "2025-11-02 05:30 UTC");
	T_EQ_STR(read_in("2025-11-02 01:30-05:00", NY), "2025-11-02 06:30 UTC");
	/* Seconds are kept in the choices; the hour's edges are single. */
	T_EQ_INT(gv_time_parse_in(&t, "2025-11-02 01:00:30", NY), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message,
	           "write 2025-11-02 01:00:30-04:00 (EDT) or");
	T_EQ_STR(read_in("2025-11-02 00:59", NY), "2025-11-02 04:59 UTC");
	T_EQ_STR(read_in("2025-11-02 02:00", NY), "2025-11-02 07:00 UTC");
}

static void
far_zones_either_side(void)
{
	int64_t t = 0;

	/* Lord Howe moves by half an hour; tzdata names its times by their
	 * offsets, so the message does not repeat them. */
	T_EQ_INT(
	        gv_time_parse_in(&t, "2025-10-05 02:15", "Australia/Lord_Howe"),
	        GV_EINVALID);
	T_EQ_STR(gv_error_last()->message,
	         "2025-10-05 02:15 does not exist in Australia/Lord_Howe "
	         "(clocks go forward from 02:00 to 02:30): use 2025-10-05 "
	         "01:59+10:30 or 2025-10-05 02:30+11:00");
	T_EQ_STR(read_in("2025-10-05 02:30", "Australia/Lord_Howe"),
	         "2025-10-04 15:30 UTC");
	T_EQ_INT(
	        gv_time_parse_in(&t, "2025-04-06 01:45", "Australia/Lord_Howe"),
	        GV_EINVALID);
	T_EQ_STR(gv_error_last()->message,
	         "2025-04-06 01:45 occurs twice in Australia/Lord_Howe (clocks "
	         "go back from 02:00 to 01:30): write 2025-04-06 01:45+11:00 "
	         "or 2025-04-06 01:45+10:30");
	T_EQ_INT(gv_time_parse_in(&t, "2025-03-30 02:30", "Europe/Berlin"),
	         GV_EINVALID);
	T_EQ_STR(gv_error_last()->message,
	         "2025-03-30 02:30 does not exist in Europe/Berlin (clocks go "
	         "forward from 02:00 to 03:00): use 2025-03-30 01:59+01:00 "
	         "(CET) or 2025-03-30 03:00+02:00 (CEST)");
	T_EQ_INT(gv_time_parse_in(&t, "2025-10-26 02:30", "Europe/Berlin"),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message,
	           "(clocks go back from 03:00 to 02:00): write 2025-10-26 "
	           "02:30+02:00 (CEST) or 2025-10-26 02:30+01:00 (CET)");
	/* A change at midnight names the dates; Samoa skipped a whole day. */
	T_EQ_INT(gv_time_parse_in(&t, "2011-12-30 10:00", "Pacific/Apia"),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message,
	           "(clocks go forward from 2011-12-30 00:00 to 2011-12-31 "
	           "00:00): use 2011-12-29 23:59-10:00 or 2011-12-31 "
	           "00:00+14:00");
}

static void
computed_times_read_as_rfc5545(void)
{
	int64_t t = 0;
	char buf[GV_TIME_BUFSZ];

	/* A cadence at 02:30 on the day clocks skip it: 03:30 EDT. */
	T_EQ_INT(gv_zone_to_utc(&t, NY, gv_days_from_civil(2025, 3, 9), 150),
	         0);
	T_EQ_STR(gv_time_format(buf, t, GV_TIME_HUMAN), "2025-03-09 07:30 UTC");
	/* At 01:30 on the day they repeat it: the first, EDT. */
	T_EQ_INT(gv_zone_to_utc(&t, NY, gv_days_from_civil(2025, 11, 2), 90),
	         0);
	T_EQ_STR(gv_time_format(buf, t, GV_TIME_HUMAN), "2025-11-02 05:30 UTC");
}

static void
local_time_names_its_offset(void)
{
	struct gv_local l;

	/* Both 01:30s of 2025-11-02: the offset comes from the instant. */
	T_EQ_INT(gv_zone_from_utc(&l, NY, INT64_C(1762061400)), 0);
	T_EQ_INT(l.hour * 100 + l.minute, 130);
	T_EQ_INT(l.utc_offset, -4 * 3600);
	T_EQ_STR(l.abbrev, "EDT");
	T_EQ_INT(gv_zone_from_utc(&l, NY, INT64_C(1762065000)), 0);
	T_EQ_INT(l.hour * 100 + l.minute, 130);
	T_EQ_INT(l.utc_offset, -5 * 3600);
	T_EQ_STR(l.abbrev, "EST");
	/* History keeps its names: Eastern War Time in 1943. */
	T_EQ_INT(gv_zone_from_utc(&l, NY, INT64_C(-838922400)), 0);
	T_EQ_STR(l.abbrev, "EWT");
	T_EQ_INT(gv_zone_from_utc(&l, "UTC", 0), 0);
	T_EQ_STR(l.abbrev, "UTC");
}

static void
local_beside_utc(void)
{
	char buf[GV_BOTH_BUFSZ];
	int64_t jan29 = INT64_C(1738166400); /* 2025-01-29 16:00 UTC */

	T_EQ_STR(gv_time_format_both(buf, jan29, NY),
	         "2025-01-29 16:00 UTC (11:00 EST)");
	/* Late in the UTC day it is still the day before in New York. */
	T_EQ_STR(gv_time_format_both(buf, jan29 + 10 * 3600, NY),
	         "2025-01-30 02:00 UTC (2025-01-29 21:00 EST)");
	T_EQ_STR(gv_time_format_both(buf, jan29, "Australia/Lord_Howe"),
	         "2025-01-29 16:00 UTC (2025-01-30 03:00 +11)");
	T_EQ_STR(gv_time_format_both(buf, jan29, "Europe/London"),
	         "2025-01-29 16:00 UTC (16:00 GMT)");
	/* A body that keeps UTC shows UTC once. */
	T_EQ_STR(gv_time_format_both(buf, jan29, "UTC"),
	         "2025-01-29 16:00 UTC");
	T_EQ_STR(gv_time_format_both(buf, jan29, "Etc/UTC"),
	         "2025-01-29 16:00 UTC");
	T_EQ_STR(gv_time_format_local(buf, jan29, NY, GV_LOCAL_FULL),
	         "2025-01-29 11:00 EST");
	T_EQ_STR(gv_time_format_local(buf, jan29, NY, GV_LOCAL_ISO),
	         "2025-01-29T11:00:00-05:00");
	T_EQ_STR(gv_time_format_local(buf, jan29, "Australia/Lord_Howe",
	                              GV_LOCAL_ISO),
	         "2025-01-30T03:00:00+11:00");
	T_EQ_STR(gv_time_format_local(buf, jan29 + 10 * 3600, NY,
	                              GV_LOCAL_WEEKDAY),
	         "Wed 21:00 EST");
	T_EQ_STR(gv_time_format_local(buf, jan29 + 5, NY, GV_LOCAL_BESIDE),
	         "11:00:05 EST");
	T_EQ_STR(
	        gv_time_format_local(buf, jan29, "Mars/Olympus", GV_LOCAL_FULL),
	        "?");
}

static const char *const *
env(void)
{
	return t_env("2024-12-18 17:00", "chair");
}

/* The "time" of meeting id in `meeting list --format json`, or NULL. */
static const char *
meeting_time(int id)
{
	static char buf[64];
	struct t_run *r =
	        t_gavel(env(), "meeting", "list", "--format", "json", NULL);
	json_t *doc = json_loads(r->out, 0, NULL), *m;
	size_t i;

	buf[0] = '\0';
	json_array_foreach (doc, i, m) {
		if (json_integer_value(json_object_get(m, "id")) == id)
			snprintf(buf, sizeof(buf), "%s",
			         json_string_value(json_object_get(m, "time")));
	}
	json_decref(doc);
	return buf[0] ? buf : NULL;
}

static void
meeting_add_reads_the_body_zone(void)
{
	struct t_run *r;
	char *before;

	T_EQ_INT(t_gavel(env(), "init", "--demo", NULL)->status, 0);
	/* SMCWG keeps America/New_York: "11:00" is Eastern all year. */
	T_EQ_STR(t_gavel(env(), "meeting", "add", "SMCWG", "2025-01-29 11:00",
	                 NULL)
	                 ->out,
	         "5\n");
	T_EQ_STR(meeting_time(5), "2025-01-29T16:00:00Z");
	T_EQ_STR(t_gavel(env(), "meeting", "add", "SMCWG", "2025-04-16 11:00",
	                 NULL)
	                 ->out,
	         "6\n");
	T_EQ_STR(meeting_time(6), "2025-04-16T15:00:00Z");
	/* --tz reads it in another zone; Z or an offset always wins. */
	T_EQ_STR(t_gavel(env(), "meeting", "add", "SMCWG", "2025-02-05 17:00",
	                 "--tz", "Europe/Berlin", NULL)
	                 ->out,
	         "7\n");
	T_EQ_STR(meeting_time(7), "2025-02-05T16:00:00Z");
	T_EQ_STR(t_gavel(env(), "meeting", "add", "SMCWG", "2025-02-12 16:00Z",
	                 "--tz", "Europe/Berlin", NULL)
	                 ->out,
	         "8\n");
	T_EQ_STR(meeting_time(8), "2025-02-12T16:00:00Z");
	/* The hour the clocks skip, and the one they repeat: refused with
	 * the choices, nothing written. */
	before = t_gavel(env(), "meeting", "list", NULL)->out;
	r = t_gavel(env(), "meeting", "add", "SMCWG", "2025-03-09 02:30", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: 2025-03-09 02:30 does not exist in "
	                 "America/New_York (clocks go forward from 02:00 to "
	                 "03:00): use 2025-03-09 01:59-05:00 (EST) or "
	                 "2025-03-09 03:00-04:00 (EDT)\n");
	r = t_gavel(env(), "meeting", "add", "SMCWG", "2025-11-02 01:30", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: 2025-11-02 01:30 occurs twice in "
	                 "America/New_York (clocks go back from 02:00 to "
	                 "01:00): write 2025-11-02 01:30-04:00 (EDT) or "
	                 "2025-11-02 01:30-05:00 (EST)\n");
	T_EQ_STR(t_gavel(env(), "meeting", "list", NULL)->out, before);
	T_EQ_STR(t_gavel(env(), "meeting", "add", "SMCWG",
	                 "2025-11-02 01:30-05:00", NULL)
	                 ->out,
	         "9\n");
	T_EQ_STR(meeting_time(9), "2025-11-02T06:30:00Z");
	T_CONTAINS(t_gavel(env(), "meeting", "add", "--help", NULL)->out,
	           "TIME is the body's wall clock");
	T_CONTAINS(t_gavel(env(), "--help", NULL)->out,
	           "A meeting's TIME (meeting add) is its body's\nwall clock");
}

/* A string member of a JSON document at a path of keys and indexes
 * ("0", "clocks"), or NULL. */
static const char *
json_at(const char *text, const char *const *path)
{
	static char buf[128];
	json_t *doc = json_loads(text, 0, NULL), *v = doc;

	buf[0] = '\0';
	for (; *path && v; path++)
		v = json_is_array(v)
		            ? json_array_get(v, strtoul(*path, NULL, 10))
		            : json_object_get(v, *path);
	if (json_is_string(v))
		snprintf(buf, sizeof(buf), "%s", json_string_value(v));
	json_decref(doc);
	return buf[0] ? buf : NULL;
}

static void
deadlines_show_local_beside_utc(void)
{
	static const char *const first[][2] = {
	        {"time", "2024-12-22T16:00:00Z"}, /* unchanged for scripts */
	        {"tz", NY},
	        {"local", "2024-12-22 11:00 EST"},
	        {"local_iso", "2024-12-22T11:00:00-05:00"},
	        {"both", "2024-12-22 16:00 UTC (11:00 EST)"},
	};
	const char *out;
	size_t i;

	T_EQ_INT(t_gavel(env(), "init", "--demo", NULL)->status, 0);
	T_CONTAINS(t_gavel(env(), "deadlines", NULL)->out,
	           "\n2024-12-22 16:00 UTC (11:00 EST)  in 3 d 23 h   IPR "
	           "review ends");
	out = t_gavel(env(), "deadlines", "--format", "json", NULL)->out;
	for (i = 0; i < sizeof(first) / sizeof(first[0]); i++) {
		const char *path[] = {"0", first[i][0], NULL};

		T_EQ_STR(json_at(out, path), first[i][1]);
	}
	T_CONTAINS(t_gavel(env(), "ballot", "list", NULL)->out,
	           "IPR review ends  2024-12-22 16:00 UTC (11:00 EST)  ");
	T_CONTAINS(t_gavel(env(), "ballot", "show", "SMC010", NULL)->out,
	           "\n  2024-12-22 16:00 UTC (11:00 EST)  IPR review ends ");
	out = t_gavel(env(), "ballot", "show", "SMC010", "--format", "json",
	              NULL)
	              ->out;
	{
		const char *utc[] = {"ballot", "dates", "review_ends", NULL};
		const char *local[] = {"ballot", "dates_local", "review_ends",
		                       NULL};
		const char *clock[] = {"clocks", "2", "local_iso", NULL};

		T_EQ_STR(json_at(out, utc), "2024-12-22 16:00 UTC");
		T_EQ_STR(json_at(out, local), "2024-12-22 11:00 EST");
		T_EQ_STR(json_at(out, clock), "2024-12-22T11:00:00-05:00");
	}
	T_CONTAINS(t_gavel(env(), "meeting", "list", NULL)->out,
	           "2025-01-15 16:00 UTC  Wed 2025-01-15 11:00 EST  call");
	/* Another zone, far from the US; a body that keeps UTC shows it
	 * once. */
	T_EQ_INT(t_gavel(env(), "body", "set", "SMCWG", "--tz", "Europe/Berlin",
	                 NULL)
	                 ->status,
	         0);
	T_CONTAINS(t_gavel(env(), "deadlines", NULL)->out,
	           "\n2024-12-22 16:00 UTC (17:00 CET)  in 3 d 23 h");
	T_EQ_INT(t_gavel(env(), "body", "set", "SMCWG", "--tz", "UTC", NULL)
	                 ->status,
	         0);
	T_CONTAINS(t_gavel(env(), "deadlines", NULL)->out,
	           "\n2024-12-22 16:00 UTC  in 3 d 23 h   IPR review ends");
}

static void
notices_carry_local_time(void)
{
	struct t_run *r;

	T_EQ_INT(t_gavel(env(), "init", "--demo", NULL)->status, 0);
	r = t_gavel(env(), "ballot", "notice", "SMC010", "proposal", NULL);
	T_CONTAINS(r->out, "| Discussion (at least 7 days) | 2024-11-07 12:00 "
	                   "UTC (07:00 EST) | 2024-11-14 14:00 UTC (09:00 EST) "
	                   "|");
	r = t_gavel(env(), "ballot", "notice", "SMC010", "voting", NULL);
	T_CONTAINS(r->out, "| Vote for approval | 2024-11-14 14:00 UTC (09:00 "
	                   "EST) | 2024-11-21 14:00 UTC (09:00 EST) |");
	r = t_gavel(env(), "ballot", "notice", "SMC010", "results", NULL);
	T_CONTAINS(r->out, "ended at 2024-11-21 14:00 UTC (09:00 EST). The "
	                   "result");
	r = t_gavel(env(), "ballot", "notice", "SMC010", "review", NULL);
	T_CONTAINS(r->out, "| IPR review | 2024-11-22 16:00 UTC (11:00 EST) | "
	                   "2024-12-22 16:00 UTC (11:00 EST) |");
	r = t_gavel(t_env("2024-12-23 00:00", "chair"), "ballot", "notice",
	            "SMC010", "adopted", NULL);
	T_CONTAINS(r->out, "ended at 2024-12-22 16:00 UTC (11:00 EST).");
	T_CONTAINS(r->out, "- outcome notice due: 2024-12-25 16:00 UTC (11:00 "
	                   "EST) (BYL 2.4(8))");
	r = t_gavel(env(), "minutes", "2", NULL);
	T_CONTAINS(r->out, "IPR review ends 2024-12-22 16:00 UTC (11:00 EST)");
	T_CONTAINS(r->out, "Next call: Wednesday, January 15, 2025 at 11:00 am "
	                   "Eastern Time (2025-01-15 16:00 UTC)");
	/* A body that keeps UTC: the notice gives UTC alone. */
	T_EQ_INT(t_gavel(env(), "body", "set", "SMCWG", "--tz", "UTC", NULL)
	                 ->status,
	         0);
	r = t_gavel(env(), "ballot", "notice", "SMC010", "review", NULL);
	T_CONTAINS(r->out, "| IPR review | 2024-11-22 16:00 UTC | 2024-12-22 "
	                   "16:00 UTC |");
}

/*
 * An operation from another member is held to the form of a zone's name,
 * an act to this machine's database: a name this database lacks passes
 * the first (a newer tzdata may have it) and not the second.
 */
static void
zone_names_by_form(void)
{
	static const char *const good[] = {
	        "UTC",
	        NY,
	        "America/Argentina/Buenos_Aires",
	        "Etc/GMT+5",
	        "America/Port-au-Prince",
	        "EST5EDT",
	        "Mars/Olympus",
	};
	static const char *const bad[] = {
	        "",
	        "/etc/passwd",
	        "America//New_York",
	        "America/",
	        "../../etc/passwd",
	        "America/New York",
	        "Europe/Berlin\n",
	        "Europe/Berlin\x1b[2J",
	        "Zone\"Quoted",
	        "A/"
	        "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"
	        "BB",
	};
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		T_EQ_INT(gv__zone_check_form(good[i]), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		T_EQ_INT(gv__zone_check_form(bad[i]), GV_EINVALID);
		T_CONTAINS(gv_error_last()->message,
		           "is not a time zone's name: use a name from the "
		           "IANA database");
	}
	T_EQ_INT(gv__zone_check_form(NULL), GV_EINVALID);
	T_EQ_INT(gv_zone_check("Mars/Olympus"), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message,
	           "unknown time zone \"Mars/Olympus\"");
}

const struct t_case zone_tests[] = {
        {"zone_names_by_form", zone_names_by_form},
        {"dst_moves_the_utc_hour", dst_moves_the_utc_hour},
        {"skipped_time_is_refused", skipped_time_is_refused},
        {"repeated_time_needs_an_offset", repeated_time_needs_an_offset},
        {"far_zones_either_side", far_zones_either_side},
        {"computed_times_read_as_rfc5545", computed_times_read_as_rfc5545},
        {"local_time_names_its_offset", local_time_names_its_offset},
        {"local_beside_utc", local_beside_utc},
        {"meeting_add_reads_the_body_zone", meeting_add_reads_the_body_zone},
        {"deadlines_show_local_beside_utc", deadlines_show_local_beside_utc},
        {"notices_carry_local_time", notices_carry_local_time},
        {NULL, NULL},
};
