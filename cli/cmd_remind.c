/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel remind`: what is due as one digest, as text
 * or as a message a secretary sends or cron mails, with an exit status
 * that tells a script whether anything is overdue.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gavel/gavel.h"

/* The exit status when something is overdue: 1 and 2 are taken by
 * failure and bad usage. */
#define REMIND_OVERDUE 3

/* How many days ahead a digest looks unless --within says. */
#define REMIND_DAYS 14

/* Whether anything is overdue, from the same deadline function as the
 * digest: 0 (no), 1 (yes), or -1 (the store failed; reported). */
static int
remind_overdue(struct cli *c, const char *body, int within)
{
	struct gv_deadline_list *dl = NULL;
	int overdue = 0;
	size_t i;

	if (gv_deadlines(&dl, c->db, body, within) < 0) {
		cli_fail();
		return -1;
	}
	for (i = 0; i < dl->n; i++)
		overdue |= dl->v[i].overdue;
	gv_deadline_list_free(dl);
	return overdue;
}

static int
remind_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_render_spec spec = {0};
	struct gv_mail_spec mail = {0};
	const char *within_opt = NULL, *format = NULL;
	int npos, rc, send = 0, overdue;
	char *pos[1], *end;
	long within = REMIND_DAYS;
	const struct cli_opt opts[] = {
	        {"body", &spec.body, NULL},
	        {"within", &within_opt, NULL},
	        {"format", &format, NULL},
	        {"send", NULL, &send},
	        {"to", &mail.to, NULL},
	        {"templates", &spec.templates_dir, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0)
		return rc;
	if (within_opt && ((within = strtol(within_opt, &end, 10)) <= 0 ||
	                   *end || within > 36500))
		return cli_usage_error(cmd, "--within takes a number of days");
	if (format && strcmp(format, "text") && strcmp(format, "eml"))
		return cli_usage_error(cmd,
		                       "unknown format '%s': use text or "
		                       "eml",
		                       format);
	if ((rc = cli_mail_wanted(
	             cmd, format && strcmp(format, "text") ? format : NULL,
	             send, 0, mail.to)) == CLI_USAGE)
		return rc;
	if (rc && format && !strcmp(format, "text"))
		return cli_usage_error(cmd, "--send and --to make a message: "
		                            "use --format eml, or leave "
		                            "--format out");
	if (cli_open(c, 0) != CLI_OK ||
	    (overdue = remind_overdue(c, spec.body, (int)within)) < 0)
		return CLI_FAILED;
	if (rc) {
		mail.kind = GV_MAIL_REMIND;
		mail.body = spec.body;
		mail.within_days = (int)within;
		mail.templates_dir = spec.templates_dir;
		rc = cli_mail(c, &mail, send);
	} else {
		spec.template = "remind.md";
		spec.remind = 1;
		spec.within_days = (int)within;
		spec.format = GV_RENDER_MD;
		rc = cli_render(c, &spec, 1);
	}
	return rc != CLI_OK ? rc : overdue ? REMIND_OVERDUE : CLI_OK;
}

const struct cli_cmd cmd_remind = {
        "remind",
        remind_run,
        "gavel remind [--body CODE] [--within DAYS] [--format text|eml] "
        "[--send] [--to ADDR]\n"
        "\n"
        "What is due within DAYS (14 unless given), and everything "
        "overdue: notices\n"
        "owed, votes closing, IPR reviews ending, minutes awaiting "
        "approval, the next\n"
        "call's agenda. --format eml writes it as a message to you (or "
        "--to ADDR);\n"
        "--send pipes that to $GAVEL_SENDMAIL, else sendmail -t.\n"
        "\n"
        "Exit status: 0 nothing is overdue, 3 something is overdue (for "
        "cron),\n"
        "1 the command failed, 2 bad usage.",
        "what is due, as one digest (exit 3 when something is overdue)",
        NULL,
};
