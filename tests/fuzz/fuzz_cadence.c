/* SPDX-License-Identifier: MIT */
/*
 * This file fuzzes the reading of a body's cadence of calls
 * (gv_cadence_parse), as `body set --cadence` takes it: "every 2 weeks on
 * Wednesday at 11:00 from 2024-12-04". What it reads must be a cadence
 * (1 to 52 weeks, a weekday, a minute of the day, a first call on that
 * weekday), and what gv_cadence_format writes of it must read back the
 * same.
 */
#include "fuzz.h"
#include "gavel/schedule.h"

static void
cadence_check(const struct gv_cadence *c)
{
	char text[128];
	struct gv_cadence back;

	if (c->weeks == 0)
		return; /* "none" */
	FUZZ_CHECK(c->weeks >= 1 && c->weeks <= 52);
	FUZZ_CHECK(c->weekday >= 0 && c->weekday <= 6);
	FUZZ_CHECK(c->minute >= 0 && c->minute < 24 * 60);
	FUZZ_CHECK(c->anchor >= 0 && ((c->anchor % 7) + 4) % 7 == c->weekday);
	gv_cadence_format(text, sizeof(text), c);
	FUZZ_CHECK(gv_cadence_parse(&back, text) == 0);
	FUZZ_CHECK(back.weeks == c->weeks && back.weekday == c->weekday &&
	           back.minute == c->minute && back.anchor == c->anchor);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size);
	struct gv_cadence c;

	if (gv_cadence_parse(&c, text) == 0)
		cadence_check(&c);
	free(text);
	return 0;
}
