/* SPDX-License-Identifier: MIT */
/*
 * This file implements how the demo's dates move: instants by whole
 * weeks, and the dates its texts name ("its IPR review completes on
 * December 22") with them, so a demo placed at another week still says
 * what its clocks say.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_internal.h"
#include "gavel/time.h"
#include "internal.h"

int
gv__demo_time(int64_t *out, const char *text, const struct gv__demo_clock *clk)
{
	int error;

	*out = -1;
	if (!text)
		return 0;
	if ((error = gv_time_parse(out, text)) < 0)
		return error;
	*out += clk->shift;
	return 0;
}

int64_t
gv__demo_day(int64_t day, const struct gv__demo_clock *clk)
{
	return day + clk->shift / 86400;
}

/* One placeholder's words ("day 2024-12-22") written into b. */
static int
placeholder(struct gv_buf *b, const char *p, size_t n,
            const struct gv__demo_clock *clk)
{
	char words[24], style[8] = "", date[11] = "";
	int64_t day, y;
	unsigned m, d;

	snprintf(words, sizeof(words), "%.*s", (int)n, p);
	if (n >= sizeof(words) || sscanf(words, "%7s %10s", style, date) != 2 ||
	    strlen(style) + 1 + strlen(date) != n ||
	    gv_date_parse(&day, date) < 0)
		return gv__error_set(
		        GV_ERRCLASS_DEMO, GV_EINVALID,
		        "demo data: \"{{%.*s}}\" is not {{day|date|"
		        "iso YYYY-MM-DD}}",
		        (int)n, p);
	gv_civil_from_days(&y, &m, &d, gv__demo_day(day, clk));
	if (!strcmp(style, "day"))
		gv__buf_printf(b, "%s %u", gv__month_name(m), d);
	else if (!strcmp(style, "date"))
		gv__buf_printf(b, "%s %u, %lld", gv__month_name(m), d,
		               (long long)y);
	else if (!strcmp(style, "iso"))
		gv__buf_printf(b, "%04lld-%02u-%02u", (long long)y, m, d);
	else
		return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID,
		                     "demo data: unknown date style \"%s\": "
		                     "use day, date or iso",
		                     style);
	return 0;
}

int
gv__demo_text(char **out, const char *text, const struct gv__demo_clock *clk)
{
	struct gv_buf b = GV_BUF_INIT;
	const char *p = text, *open, *close;
	int error;

	*out = NULL;
	if (!text)
		return 0;
	while ((open = strstr(p, "{{"))) {
		if (!(close = strstr(open + 2, "}}"))) {
			gv__buf_dispose(&b);
			return gv__error_set(
			        GV_ERRCLASS_DEMO, GV_EINVALID,
			        "demo data: \"{{\" is never closed "
			        "in \"%.40s\"",
			        open);
		}
		gv__buf_put(&b, p, (size_t)(open - p));
		if ((error = placeholder(&b, open + 2,
		                         (size_t)(close - open - 2), clk)) <
		    0) {
			gv__buf_dispose(&b);
			return error;
		}
		p = close + 2;
	}
	gv__buf_puts(&b, p);
	*out = gv__buf_detach(&b);
	return 0;
}
