/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel minutes` (render a meeting's minutes, record
 * their approval or draft, import published minutes) and `gavel agenda`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "gavel/gavel.h"

/* Renders template with a meeting's data, or makes it a message:
 * `gavel minutes|agenda ID [--format eml] [--send]`. */
static int
render_meeting(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv,
               const char *template)
{
	struct gv_render_spec spec = {0};
	struct gv_mail_spec mail = {0};
	const char *format = NULL;
	int npos, rc, send = 0;
	char *pos[1];
	const struct cli_opt opts[] = {
	        {"format", &format, NULL},
	        {"templates", &spec.templates_dir, NULL},
	        {"send", NULL, &send},
	        {"to", &mail.to, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_id(&spec.meeting, cmd, "meeting", pos[0])) != CLI_OK)
		return rc;
	if ((rc = cli_mail_wanted(cmd, format, send, 0, mail.to)) == CLI_USAGE)
		return rc;
	if (rc) {
		mail.kind = strcmp(template, "minutes.md") ? GV_MAIL_AGENDA
		                                           : GV_MAIL_MINUTES;
		mail.meeting = spec.meeting;
		mail.templates_dir = spec.templates_dir;
		return cli_mail(c, &mail, send);
	}
	if ((rc = cli_render_format(&spec.format, cmd, format)) != CLI_OK)
		return rc;
	/* Minutes of a meeting without a roll call would be empty headings:
	 * say what is missing instead. */
	if (!strcmp(template, "minutes.md")) {
		if ((rc = cli_open(c, 0)) != CLI_OK)
			return rc;
		if (gv_minutes_ready(c->db, spec.meeting) < 0)
			return cli_fail();
	}
	spec.template = template;
	return cli_render(c, &spec, 1);
}

static int
minutes_show(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	return render_meeting(c, cmd, argc, argv, "minutes.md");
}

static int
agenda_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	return render_meeting(c, cmd, argc, argv, "agenda.md");
}

static int
minutes_approve(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *later_opt = NULL, *at_opt = NULL;
	int64_t id, later, at;
	char *pos[1];
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"at-meeting", &later_opt, NULL},
	        {"at", &at_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0)
		return rc;
	if (!later_opt)
		return cli_usage_error(cmd, "--at-meeting is required");
	if ((rc = cli_id(&id, cmd, "meeting", pos[0])) != CLI_OK ||
	    (rc = cli_id(&later, cmd, "meeting", later_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK ||
	    (rc = cli_time(&at, at_opt, -1)) != CLI_OK)
		return rc;
	return gv_minutes_approve(c->db, id, later, at) < 0 ? cli_fail()
	                                                    : CLI_OK;
}

static int
minutes_draft(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *at_opt = NULL;
	int64_t id, at;
	char *pos[1];
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"at", &at_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_id(&id, cmd, "meeting", pos[0])) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK ||
	    (rc = cli_time(&at, at_opt, gv_db_now(c->db))) != CLI_OK)
		return rc;
	return gv_minutes_drafted(c->db, id, at) < 0 ? cli_fail() : CLI_OK;
}

static void
print_report(const char *file, const struct gv_import_report *r)
{
	char day[GV_TIME_BUFSZ];
	size_t i;

	gv_time_format(day, r->day * 86400, GV_TIME_DATE);
	cli_printf("%s: %s meeting %lld of %s (%s): %d %s, %d %s", file,
	           r->body, (long long)r->meeting, day,
	           r->new_meeting ? "new" : "updated", r->attendees,
	           cli_noun(r->attendees, "attendee", "attendees"),
	           r->organisations,
	           cli_noun(r->organisations, "organisation", "organisations"));
	/* Names the roll call could not tell apart: each is a warning below,
	 * with its file and line. */
	if (r->unresolved)
		printf(", %d not recorded", r->unresolved);
	printf("; new: %d %s, %d %s%s\n", r->new_people,
	       cli_noun(r->new_people, "person", "people"), r->new_orgs,
	       cli_noun(r->new_orgs, "organisation", "organisations"),
	       r->new_body ? ", the body" : "");
	if (r->minute_taker)
		cli_printf("  minute-taker: %s\n", r->minute_taker);
	if (r->new_orgs)
		printf("  new organisations have class unknown until set: see "
		       "'gavel org list --body %s --class unknown'\n",
		       r->body);
	for (i = 0; i < r->nwarnings; i++)
		cli_printf("  warning: %s\n", r->warnings[i]);
}

static int
minutes_import(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_import_report r;
	char **pos = calloc((size_t)argc, sizeof(*pos));
	int npos, rc, i, failed = 0;

	if (!pos)
		abort();
	if ((rc = cli_parse(cmd, argc, argv, NULL, pos, &npos, 1, argc)) >= 0 ||
	    (rc = cli_open(c, 0)) != CLI_OK) {
		free(pos);
		return rc;
	}
	/* One transaction per file: a bad file is reported and skipped. */
	for (i = 0; i < npos; i++) {
		if (npos > 1)
			cli_progress("importing minutes", (size_t)i,
			             (size_t)npos, NULL);
		/* The shell passes a pattern that matches nothing as it is. */
		if (strpbrk(pos[i], "*?[") && access(pos[i], F_OK) != 0) {
			cli_eprintf("gavel: no file matches %s: check the "
			            "folder and the pattern\n",
			            pos[i]);
			failed++;
			continue;
		}
		if (gv_minutes_import(&r, c->db, pos[i]) < 0) {
			cli_fail();
			failed++;
			continue;
		}
		cli_progress_clear();
		print_report(pos[i], &r);
		gv_import_report_dispose(&r);
	}
	if (npos > 1)
		printf("%d of %d files imported\n", npos - failed, npos);
	free(pos);
	return failed ? CLI_FAILED : CLI_OK;
}

static const struct cli_cmd minutes_subs[] = {
        {"import", minutes_import, "gavel minutes import FILE...",
         "import cabforum.org minutes posts (meeting, roll call, text)", NULL},
        {"approve", minutes_approve,
         "gavel minutes approve ID --at-meeting LATER [--at TIME]",
         "record that a later meeting approved these minutes (--at: "
         "when, if not now)",
         NULL},
        {"draft", minutes_draft, "gavel minutes draft ID [--at TIME]",
         "record when the draft was circulated (starts the 3 weeks)", NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

static const struct cli_cmd minutes_render_cmd = {
        "minutes",
        minutes_show,
        "gavel minutes ID [--format md|html|eml] [--send] [--to ADDR] "
        "[--templates DIR]",
        "render a meeting's minutes (templates/minutes.md), or send them",
        NULL,
};

/* `gavel minutes ID` renders; `gavel minutes approve|draft|import ...`. */
static int
minutes_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const struct cli_cmd *s;

	if (argc >= 2 && strcmp(argv[1], "--help") && strcmp(argv[1], "help"))
		for (s = cmd->sub; s->name; s++)
			if (!strcmp(s->name, argv[1]))
				return s->run(c, s, argc - 1, argv + 1);
	if (argc >= 2 && argv[1][0] != '-' && strcmp(argv[1], "help"))
		return minutes_show(c, &minutes_render_cmd, argc, argv);
	return cli_dispatch(c, cmd, argc, argv);
}

const struct cli_cmd cmd_minutes = {
        "minutes",
        minutes_run,
        "gavel minutes ID [--format md|html|eml] [--send] [--to ADDR] "
        "[--templates DIR] | approve | draft | import",
        "a meeting's minutes: render, approval, import",
        minutes_subs,
};

const struct cli_cmd cmd_agenda = {
        "agenda",
        agenda_run,
        "gavel agenda ID [--format md|html|eml] [--send] [--to ADDR] "
        "[--templates DIR]",
        "render a meeting's agenda (templates/agenda.md), or send it",
        NULL,
};
