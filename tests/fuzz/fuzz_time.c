/* SPDX-License-Identifier: MIT */
/*
 * This file fuzzes the reading of times (gv_time_parse_zoned) and of a
 * time in a zone (gv_time_parse_in, gv_zone_check): the --now, --at and
 * meeting times of the command line, the dates of imports, and the zone
 * names of `body add --tz` and `meeting add --tz`. The input is TIME, or
 * TIME, a newline and ZONE. A time read must write out as itself, and
 * one read in a zone must say itself in that zone.
 */
#include "fuzz.h"
#include "gavel/time.h"
#include "gavel/zone.h"

/* What gv_time_format writes and gv_time_parse reads: years 0 to 9999. */
static int
four_digit_year(int64_t t)
{
	return t >= gv_days_from_civil(0, 1, 1) * 86400 &&
	       t < gv_days_from_civil(10000, 1, 1) * 86400;
}

/* Each style of gv_time_format reads back as the same instant. */
static void
round_trip(int64_t t)
{
	static const enum gv_time_style styles[] = {GV_TIME_HUMAN, GV_TIME_ISO};
	char buf[GV_TIME_BUFSZ];
	int64_t back;
	int zoned;
	size_t i;

	for (i = 0; i < sizeof(styles) / sizeof(styles[0]); i++) {
		gv_time_format(buf, t, styles[i]);
		FUZZ_CHECK(gv_time_parse_zoned(&back, &zoned, buf) == 0);
		FUZZ_CHECK(back == t && zoned);
	}
	gv_time_format(buf, t, GV_TIME_DATE);
	FUZZ_CHECK(gv_time_parse_zoned(&back, &zoned, buf) == 0);
	FUZZ_CHECK(back == t - ((t % 86400) + 86400) % 86400 && !zoned);
}

/* The zone's offset changes within a day of t: a wall clock in its gap
 * does not exist, and reads as another. */
static int
near_transition(const char *zone, int64_t t)
{
	struct gv_local a, b;

	return gv_zone_from_utc(&a, zone, t - 86400) == 0 &&
	       gv_zone_from_utc(&b, zone, t + 86400) == 0 &&
	       a.utc_offset != b.utc_offset;
}

static void
in_zone(const char *text, const char *zone)
{
	char spoken[GV_SPOKEN_BUFSZ];
	struct gv_local l;
	int64_t t, wall;
	int zoned;

	if (gv_zone_check(zone) < 0 || gv_time_parse_in(&t, text, zone) < 0)
		return;
	FUZZ_CHECK(gv_zone_from_utc(&l, zone, t) == 0);
	FUZZ_CHECK(l.month >= 1 && l.month <= 12 && l.day >= 1 && l.day <= 31 &&
	           l.weekday >= 0 && l.weekday <= 6);
	FUZZ_CHECK(gv_time_parse_zoned(&wall, &zoned, text) == 0);
	if (!zoned && !near_transition(zone, t))
		FUZZ_CHECK(l.days * 86400 + l.hour * 3600 + l.minute * 60 +
		                   l.second ==
		           wall);
	gv_time_spoken(spoken, sizeof(spoken), t, zone);
	FUZZ_CHECK(spoken[0] != '\0');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size), *zone = strchr(text, '\n');
	int64_t t;
	int zoned;

	if (zone)
		*zone++ = '\0';
	if (gv_time_parse_zoned(&t, &zoned, text) == 0 && four_digit_year(t))
		round_trip(t);
	if (zone)
		in_zone(text, zone);
	free(text);
	return 0;
}
