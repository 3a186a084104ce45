/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel calendar`: every meeting, call and ballot
 * clock as one iCalendar file, for a member's calendar program.
 * `gavel deadlines --format ics` prints the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gavel/gavel.h"

int
cli_calendar(struct cli *c, const struct cli_cmd *cmd, const char *body,
             const char *within, const char *alarm, const char *output)
{
	struct gv_calendar_spec spec = {0};
	struct gv_alarms alarms;
	char *text = NULL, *end;
	long days = 0;
	int rc;

	if (within &&
	    ((days = strtol(within, &end, 10)) <= 0 || *end || days > 36500))
		return cli_usage_error(cmd, "--within takes a number of days");
	if (alarm && gv_alarms_parse(&alarms, alarm) < 0)
		return cli_usage_error(cmd, "%s", gv_error_last()->message);
	if (output && !*output)
		return cli_usage_error(cmd, "-o takes a file name");
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	spec.body = body;
	spec.within_days = (int)days;
	spec.alarms = alarm ? &alarms : NULL;
	if (output)
		return gv_calendar_save(NULL, c->db, &spec, output) < 0
		               ? cli_fail()
		               : CLI_OK;
	if (gv_calendar(&text, NULL, c->db, &spec) < 0)
		return cli_fail();
	/* Written as it is: the text is iCalendar, its stored text already
	 * made safe (no control character reaches the terminal). */
	rc = fputs(text, stdout) < 0 || fflush(stdout) != 0 ? CLI_FAILED
	                                                    : CLI_OK;
	if (rc != CLI_OK)
		fprintf(stderr, "gavel: cannot write the calendar\n");
	free(text);
	return rc;
}

static int
calendar_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *body = NULL, *within = NULL, *alarm = NULL, *output = NULL;
	char *pos[1];
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"body", &body, NULL},     {"within", &within, NULL},
	        {"alarm", &alarm, NULL},   {"o", &output, NULL},
	        {"output", &output, NULL}, {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0)
		return rc;
	return cli_calendar(c, cmd, body, within, alarm, output);
}

const struct cli_cmd cmd_calendar = {
        "calendar",
        calendar_run,
        "gavel calendar [--body CODE] [--within DAYS] "
        "[--alarm DURATION[,DURATION]|none] [-o FILE]",
        "every meeting, call and ballot clock as an iCalendar file (.ics)",
        NULL,
};
