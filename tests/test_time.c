/* SPDX-License-Identifier: MIT */
/*
 * This file tests how gavel reads and writes UTC instants (core/time.c),
 * its civil-date arithmetic, and the time-zone lookups of core/zone.c.
 */
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "gavel/error.h"
#include "gavel/time.h"
#include "gavel/zone.h"

/* 2024-12-18 16:00 UTC, the running example. */
#define DEC18_1600 INT64_C(1734537600)

struct parsed {
	const char *text;
	int64_t want;
};

/* Parses every text and checks it gives want, reporting each mismatch. */
static void
check_parses(const char *file, int line, const struct parsed *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int64_t got = INT64_C(-123456789);
		int rc = gv_time_parse(&got, cases[i].text);

		if (rc != 0)
			t_fail(file, line,
			       "gv_time_parse(\"%s\"): got %d (%s), "
			       "want 0",
			       cases[i].text, rc, gv_error_last()->message);
		else if (got != cases[i].want)
			t_fail(file, line,
			       "gv_time_parse(\"%s\"): got %lld, "
			       "want %lld",
			       cases[i].text, (long long)got,
			       (long long)cases[i].want);
	}
}

/* Checks that every text is rejected with GV_EINVALID and a message
 * containing needle. */
static void
check_rejects(const char *file, int line, const char *const *texts, size_t n,
              const char *needle)
{
	for (size_t i = 0; i < n; i++) {
		int64_t got = 0;
		int rc = gv_time_parse(&got, texts[i]);
		const struct gv_error *e = gv_error_last();

		if (rc != GV_EINVALID)
			t_fail(file, line,
			       "gv_time_parse(\"%s\"): got %d "
			       "(%lld), want GV_EINVALID",
			       texts[i], rc, (long long)got);
		else if (e->code != GV_EINVALID || !strstr(e->message, needle))
			t_fail(file, line,
			       "gv_time_parse(\"%s\"): error %d "
			       "\"%s\", want GV_EINVALID containing \"%s\"",
			       texts[i], e->code, e->message, needle);
	}
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void
parse_forms(void)
{
	static const struct parsed cases[] = {
	        {"2024-12-18 16:00", DEC18_1600},
	        {"2024-12-18T16:00", DEC18_1600},
	        {"2024-12-18 16:00:00", DEC18_1600},
	        {"2024-12-18T16:00:00Z", DEC18_1600},
	        {"2024-12-18 16:00Z", DEC18_1600},
	        {"2024-12-18 16:00 UTC", DEC18_1600},
	        {"2024-12-18 16:00UTC", DEC18_1600},
	        {"2024-12-18", INT64_C(1734480000)},
	        {"2024-12-18 UTC", INT64_C(1734480000)},
	        {"1970-01-01 00:00", 0},
	        {"1970-01-01", 0},
	};

	check_parses(__FILE__, __LINE__, cases, NELEM(cases));
}

static void
parse_offsets(void)
{
	static const struct parsed cases[] = {
	        {"2024-12-18 11:00-05:00", DEC18_1600},
	        {"2024-12-18 11:00 -0500", DEC18_1600},
	        {"2024-12-18 11:00 -05:00", DEC18_1600},
	        {"2024-12-18 11:00-05", DEC18_1600},
	        {"2024-12-18 17:00+01:00", DEC18_1600},
	        {"2024-12-18T17:00:00+0100", DEC18_1600},
	        {"2024-12-18 21:30+05:30", DEC18_1600},
	        {"2024-12-19 01:00+09:00", DEC18_1600}, /* the next day */
	        {"2024-12-18 16:00+00:00", DEC18_1600},
	        {"2024-12-18 16:00-00:00", DEC18_1600},
	};

	check_parses(__FILE__, __LINE__, cases, NELEM(cases));
}

static void
parse_seconds(void)
{
	static const struct parsed cases[] = {
	        {"2024-11-14 13:59:59", INT64_C(1731592799)},
	        {"2024-11-14T13:59:59Z", INT64_C(1731592799)},
	        {"2024-11-14 08:59:59-05:00", INT64_C(1731592799)},
	        {"1999-12-31 23:59:59", INT64_C(946684799)},
	        {"1970-01-01 00:00:01", 1},
	};

	check_parses(__FILE__, __LINE__, cases, NELEM(cases));
}

static void
parse_leap_days(void)
{
	static const struct parsed cases[] = {
	        {"2024-02-29", INT64_C(1709164800)},
	        {"2024-02-29 12:34", INT64_C(1709210040)},
	        {"2000-02-29", INT64_C(951782400)}, /* divisible by 400 */
	        {"2024-03-01", INT64_C(1709251200)},
	};
	static const char *const bad[] = {
	        "2023-02-29",
	        "1900-02-29 12:00", /* divisible by 100, not by 400 */
	        "2100-02-29",
	};

	check_parses(__FILE__, __LINE__, cases, NELEM(cases));
	check_rejects(__FILE__, __LINE__, bad, NELEM(bad), "no such date");
}

static void
parse_rejects_dates(void)
{
	static const char *const bad[] = {
	        "2024-13-01", "2024-00-10", "2024-04-31",       "2024-06-31",
	        "2024-12-32", "2024-12-00", "2023-02-29 16:00",
	};

	check_rejects(__FILE__, __LINE__, bad, NELEM(bad), "no such date");
}

static void
parse_rejects_times(void)
{
	static const char *const bad[] = {
	        "2024-12-18 24:00",
	        "2024-12-18 23:60",
	        "2024-12-18 23:59:60",
	        "2024-12-18T24:00:00Z",
	};

	check_rejects(__FILE__, __LINE__, bad, NELEM(bad),
	              "no such time of day");
}

static void
parse_rejects_malformed(void)
{
	static const char *const bad[] = {
	        "",
	        "yesterday",
	        "2024-12-18 16",
	        "2024/12/18",
	        "2024-12-18 16:00 EST",
	        "2024-12-18 16:00 +5",
	        "2024-12-18 16:00 +05:00x",
	        "2024-12-18 16:00 +24:00",
	        "2024-12-18 16:00:",
	        "24-12-18",
	        "2024-1-8",
	        "2024-12",
	        "2024-12-18 4:00",
	        "2024-12-18 16:00 UTC junk",
	        " 2024-12-18",
	};

	check_rejects(__FILE__, __LINE__, bad, NELEM(bad), "YYYY-MM-DD HH:MM");
}

static void
parse_before_1970(void)
{
	static const struct parsed cases[] = {
	        {"1969-12-31 23:59", -60},
	        {"1969-12-31 23:59:59", -1},
	        {"1969-12-31", -86400},
	        {"1900-03-01", INT64_C(-2203891200)},
	};

	check_parses(__FILE__, __LINE__, cases, NELEM(cases));
}

static void
format_styles(void)
{
	char buf[GV_TIME_BUFSZ];

	T_EQ_STR(gv_time_format(buf, DEC18_1600, GV_TIME_ISO),
	         "2024-12-18T16:00:00Z");
	T_EQ_STR(gv_time_format(buf, DEC18_1600, GV_TIME_HUMAN),
	         "2024-12-18 16:00 UTC");
	T_EQ_STR(gv_time_format(buf, DEC18_1600, GV_TIME_DATE), "2024-12-18");
	T_EQ_STR(gv_time_format(buf, 0, GV_TIME_ISO), "1970-01-01T00:00:00Z");
	T_ASSERT(gv_time_format(buf, 0, GV_TIME_DATE) == buf);
}

static void
format_human_seconds(void)
{
	char buf[GV_TIME_BUFSZ];

	T_EQ_STR(gv_time_format(buf, INT64_C(1731592799), GV_TIME_HUMAN),
	         "2024-11-14 13:59:59 UTC");
	T_EQ_STR(gv_time_format(buf, INT64_C(1731592799), GV_TIME_ISO),
	         "2024-11-14T13:59:59Z");
	T_EQ_STR(gv_time_format(buf, INT64_C(1731592799), GV_TIME_DATE),
	         "2024-11-14");
	T_EQ_STR(gv_time_format(buf, DEC18_1600 + 1, GV_TIME_HUMAN),
	         "2024-12-18 16:00:01 UTC");
}

static void
format_before_1970(void)
{
	char buf[GV_TIME_BUFSZ];

	T_EQ_STR(gv_time_format(buf, -60, GV_TIME_ISO), "1969-12-31T23:59:00Z");
	T_EQ_STR(gv_time_format(buf, -60, GV_TIME_HUMAN),
	         "1969-12-31 23:59 UTC");
	T_EQ_STR(gv_time_format(buf, -1, GV_TIME_ISO), "1969-12-31T23:59:59Z");
	T_EQ_STR(gv_time_format(buf, -86400, GV_TIME_ISO),
	         "1969-12-31T00:00:00Z");
	T_EQ_STR(gv_time_format(buf, -86401, GV_TIME_ISO),
	         "1969-12-30T23:59:59Z");
	T_EQ_STR(gv_time_format(buf, -60, GV_TIME_DATE), "1969-12-31");
	T_EQ_STR(gv_time_format(buf, INT64_C(-2203891200), GV_TIME_ISO),
	         "1900-03-01T00:00:00Z");
}

static void
format_round_trip(void)
{
	static const int64_t values[] = {
	        0,
	        1,
	        -1,
	        -60,
	        -86400,
	        -86401,
	        59,
	        86399,
	        86400,
	        INT64_C(951782400),  /* 2000-02-29 */
	        INT64_C(951868799),  /* 2000-02-29 23:59:59 */
	        INT64_C(1709210040), /* 2024-02-29 12:34 */
	        INT64_C(1709251199), /* 2024-02-29 23:59:59 */
	        INT64_C(1709251200), /* 2024-03-01 */
	        INT64_C(1731592799),
	        DEC18_1600,
	        INT64_C(2147483647),   /* 2038-01-19 03:14:07 */
	        INT64_C(2147483648),   /* one past 32 bits */
	        INT64_C(4107542399),   /* 2100-02-28 23:59:59 */
	        INT64_C(4107542400),   /* 2100-03-01 */
	        INT64_C(-2203891201),  /* 1900-02-28 23:59:59 */
	        INT64_C(253402300799), /* 9999-12-31 23:59:59 */
	};
	static const enum gv_time_style styles[] = {GV_TIME_ISO, GV_TIME_HUMAN};

	for (size_t i = 0; i < NELEM(values); i++) {
		for (size_t j = 0; j < NELEM(styles); j++) {
			char buf[GV_TIME_BUFSZ];
			int64_t back = INT64_C(-123456789);
			int rc;

			gv_time_format(buf, values[i], styles[j]);
			rc = gv_time_parse(&back, buf);
			if (rc != 0 || back != values[i])
				t_fail(__FILE__, __LINE__,
				       "%lld -> \"%s\" -> %lld (rc %d)",
				       (long long)values[i], buf,
				       (long long)back, rc);
		}
	}
	/* A date alone reads back as that day's midnight. */
	for (size_t i = 0; i < NELEM(values); i++) {
		char buf[GV_TIME_BUFSZ];
		int64_t back = INT64_C(-123456789), mod = values[i] % 86400;
		int64_t midnight = values[i] - (mod < 0 ? mod + 86400 : mod);

		gv_time_format(buf, values[i], GV_TIME_DATE);
		if (gv_time_parse(&back, buf) != 0 || back != midnight)
			t_fail(__FILE__, __LINE__,
			       "%lld -> \"%s\" -> %lld, want %lld",
			       (long long)values[i], buf, (long long)back,
			       (long long)midnight);
	}
}

static void
civil_known_days(void)
{
	static const struct {
		int64_t y;
		unsigned m, d;
		int64_t days;
	} cases[] = {
	        {1970, 1, 1, 0},       {1970, 1, 2, 1},
	        {1969, 12, 31, -1},    {2000, 3, 1, 11017},
	        {2000, 2, 29, 11016},  {2024, 2, 29, 19782},
	        {2024, 12, 18, 20075}, {1900, 2, 28, -25509},
	        {1900, 3, 1, -25508},  {2100, 2, 28, 47540},
	        {2100, 3, 1, 47541},   {1600, 2, 29, -135081},
	        {1, 1, 1, -719162},    {0, 3, 1, -719468},
	};

	for (size_t i = 0; i < NELEM(cases); i++) {
		int64_t days =
		        gv_days_from_civil(cases[i].y, cases[i].m, cases[i].d);
		int64_t y = -1;
		unsigned m = 0, d = 0;

		if (days != cases[i].days)
			t_fail(__FILE__, __LINE__,
			       "gv_days_from_civil(%lld, %u, %u): got %lld, "
			       "want %lld",
			       (long long)cases[i].y, cases[i].m, cases[i].d,
			       (long long)days, (long long)cases[i].days);
		gv_civil_from_days(&y, &m, &d, cases[i].days);
		if (y != cases[i].y || m != cases[i].m || d != cases[i].d)
			t_fail(__FILE__, __LINE__,
			       "gv_civil_from_days(%lld): got %lld-%02u-%02u, "
			       "want %lld-%02u-%02u",
			       (long long)cases[i].days, (long long)y, m, d,
			       (long long)cases[i].y, cases[i].m, cases[i].d);
	}
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned
month_days(int64_t y, unsigned m)
{
	static const unsigned days[] = {31, 28, 31, 30, 31, 30,
	                                31, 31, 30, 31, 30, 31};

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Walks the calendar one day at a time from 1970-01-01 forward to 2401
 * and backward to 1599, and checks both conversions on every day. */
static void
civil_walk(void)
{
	for (int dir = 1; dir >= -1; dir -= 2) {
		int64_t y = 1970, days = 0;
		unsigned m = 1, d = 1;

		while (y >= 1599 && y <= 2401) {
			int64_t gy = -1;
			unsigned gm = 0, gd = 0;

			gv_civil_from_days(&gy, &gm, &gd, days);
			if (gy != y || gm != m || gd != d ||
			    gv_days_from_civil(y, m, d) != days) {
				t_fail(__FILE__, __LINE__,
				       "day %lld: want %lld-%02u-%02u, got "
				       "%lld-%02u-%02u and back %lld",
				       (long long)days, (long long)y, m, d,
				       (long long)gy, gm, gd,
				       (long long)gv_days_from_civil(y, m, d));
				return;
			}
			days += dir;
			if (dir > 0 && ++d > month_days(y, m)) {
				d = 1;
				if (++m > 12)
					m = 1, y++;
			} else if (dir < 0 && --d == 0) {
				if (--m == 0)
					m = 12, y--;
				d = month_days(y, m);
			}
		}
	}
}

static void
civil_negative_days(void)
{
	int64_t y;
	unsigned m, d;

	gv_civil_from_days(&y, &m, &d, -1);
	T_EQ_INT(y, 1969);
	T_EQ_INT(m, 12);
	T_EQ_INT(d, 31);
	gv_civil_from_days(&y, &m, &d, -365);
	T_EQ_INT(y, 1969);
	T_EQ_INT(m, 1);
	T_EQ_INT(d, 1);
	gv_civil_from_days(&y, &m, &d, -366);
	T_EQ_INT(y, 1968);
	T_EQ_INT(m, 12);
	T_EQ_INT(d, 31);
	/* 1968 was a leap year: 1968-02-29 is day -672. */
	gv_civil_from_days(&y, &m, &d, -672);
	T_EQ_INT(y, 1968);
	T_EQ_INT(m, 2);
	T_EQ_INT(d, 29);
	T_EQ_INT(gv_days_from_civil(1968, 2, 29), -672);
	T_EQ_INT(gv_days_from_civil(1968, 3, 1), -671);
}

/*
 * The Bylaws count days as start + N * 86400 s in UTC. Both periods cross
 * the end of US daylight saving time on 2024-11-03, and must not move by
 * the hour that New York's wall clock does.
 */
static void
bylaws_days_cross_dst(void)
{
	int64_t start, end;
	char buf[GV_TIME_BUFSZ];

	/* SC-080: the voting period starts 2024-10-31 14:00 UTC, 7 days. */
	T_EQ_INT(gv_time_parse(&start, "2024-10-31 14:00 UTC"), 0);
	T_EQ_INT(gv_time_parse(&end, "2024-11-07 14:00 UTC"), 0);
	T_EQ_INT(start, INT64_C(1730383200));
	T_EQ_INT(start + 7 * 86400, end);
	T_EQ_STR(gv_time_format(buf, start + 7 * 86400, GV_TIME_HUMAN),
	         "2024-11-07 14:00 UTC");

	/* SMC010: the review period starts 2024-11-22 16:00 UTC, 30 days. */
	T_EQ_INT(gv_time_parse(&start, "2024-11-22 16:00"), 0);
	T_EQ_INT(gv_time_parse(&end, "2024-12-22 16:00"), 0);
	T_EQ_INT(start, INT64_C(1732291200));
	T_EQ_INT(start + 30 * 86400, end);
	T_EQ_STR(gv_time_format(buf, start + 30 * 86400, GV_TIME_HUMAN),
	         "2024-12-22 16:00 UTC");
}

static void
zone_check_known(void)
{
	T_EQ_INT(gv_zone_check("America/New_York"), 0);
	T_EQ_INT(gv_zone_check("UTC"), 0);
	T_EQ_INT(gv_zone_check("Europe/Warsaw"), 0);
}

static void
zone_check_unknown(void)
{
	static const char *const bad[] = {
	        "America/New_Yrok",
	        "",
	        "../../etc/passwd",
	};

	for (size_t i = 0; i < NELEM(bad); i++) {
		int rc = gv_zone_check(bad[i]);
		const struct gv_error *e = gv_error_last();

		if (rc != GV_EINVALID || e->code != GV_EINVALID ||
		    !strstr(e->message, "time zone"))
			t_fail(__FILE__, __LINE__,
			       "gv_zone_check(\"%s\"): got %d \"%s\", want "
			       "GV_EINVALID containing \"time zone\"",
			       bad[i], rc, rc < 0 ? e->message : "");
	}
}

static void
zone_to_utc_new_york(void)
{
	int64_t t = 0;
	char buf[GV_TIME_BUFSZ];

	/* 11:00 in New York: EST (UTC-5) in December and January. */
	T_EQ_INT(gv_zone_to_utc(&t, "America/New_York",
	                        gv_days_from_civil(2024, 12, 18), 660),
	         0);
	T_EQ_INT(t, DEC18_1600);
	T_EQ_INT(gv_zone_to_utc(&t, "America/New_York",
	                        gv_days_from_civil(2025, 1, 15), 660),
	         0);
	T_EQ_STR(gv_time_format(buf, t, GV_TIME_HUMAN), "2025-01-15 16:00 UTC");
	/* EDT (UTC-4) in July: the meeting keeps its local hour. */
	T_EQ_INT(gv_zone_to_utc(&t, "America/New_York",
	                        gv_days_from_civil(2024, 7, 3), 660),
	         0);
	T_EQ_STR(gv_time_format(buf, t, GV_TIME_HUMAN), "2024-07-03 15:00 UTC");
	T_EQ_INT(t, INT64_C(1720018800));
}

static void
zone_to_utc_utc(void)
{
	int64_t t = 0;
	char buf[GV_TIME_BUFSZ];

	T_EQ_INT(gv_zone_to_utc(&t, "UTC", gv_days_from_civil(2024, 12, 18),
	                        660),
	         0);
	T_EQ_STR(gv_time_format(buf, t, GV_TIME_HUMAN), "2024-12-18 11:00 UTC");
	T_EQ_INT(gv_zone_to_utc(&t, "UTC", gv_days_from_civil(2024, 7, 3), 660),
	         0);
	T_EQ_STR(gv_time_format(buf, t, GV_TIME_HUMAN), "2024-07-03 11:00 UTC");
}

static void
zone_to_utc_unknown(void)
{
	int64_t t = 0;

	T_EQ_INT(gv_zone_to_utc(&t, "America/New_Yrok",
	                        gv_days_from_civil(2024, 12, 18), 660),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "time zone");
}

/* Found by tests/fuzz/fuzz_time.c: "0200-12-30" in UTC read as another
 * day, because libical takes 1700, 1500, ... 100 for leap years. */
static void
zone_to_utc_before_1753(void)
{
	int64_t t;

	T_EQ_INT(gv_time_parse_in(&t, "1700-03-01 11:00", "America/New_York"),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "before 1753");
	T_EQ_INT(gv_time_parse_in(&t, "0200-12-30", "UTC"), GV_EINVALID);
	T_EQ_INT(gv_time_parse_in(&t, "1752-12-31 23:59", "UTC"), GV_EINVALID);
	T_EQ_INT(gv_time_parse_in(&t, "1753-01-01 00:00", "UTC"), 0);
	T_EQ_INT(t, gv_days_from_civil(1753, 1, 1) * 86400);
	/* A time that names its zone needs no zone's calendar. */
	T_EQ_INT(gv_time_parse_in(&t, "1700-03-01 11:00Z", "America/New_York"),
	         0);
	T_EQ_INT(t, gv_days_from_civil(1700, 3, 1) * 86400 + 11 * 3600);
}

const struct t_case time_tests[] = {
        {"parse_forms", parse_forms},
        {"parse_offsets", parse_offsets},
        {"parse_seconds", parse_seconds},
        {"parse_leap_days", parse_leap_days},
        {"parse_rejects_dates", parse_rejects_dates},
        {"parse_rejects_times", parse_rejects_times},
        {"parse_rejects_malformed", parse_rejects_malformed},
        {"parse_before_1970", parse_before_1970},
        {"format_styles", format_styles},
        {"format_human_seconds", format_human_seconds},
        {"format_before_1970", format_before_1970},
        {"format_round_trip", format_round_trip},
        {"civil_known_days", civil_known_days},
        {"civil_walk", civil_walk},
        {"civil_negative_days", civil_negative_days},
        {"bylaws_days_cross_dst", bylaws_days_cross_dst},
        {"zone_check_known", zone_check_known},
        {"zone_check_unknown", zone_check_unknown},
        {"zone_to_utc_new_york", zone_to_utc_new_york},
        {"zone_to_utc_utc", zone_to_utc_utc},
        {"zone_to_utc_unknown", zone_to_utc_unknown},
        {"zone_to_utc_before_1753", zone_to_utc_before_1753},
        {NULL, NULL},
};
