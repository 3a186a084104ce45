/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel meeting ...`: scheduling, the roll call, the
 * agenda and its notes, and the quorum baseline a chair checks before a
 * ballot's vote.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gavel/gavel.h"

/* "Wed 2024-12-18 11:00 EST": the weekday, then the wall clock. */
static void
local_time(char *buf, size_t n, int64_t t, const char *tz)
{
	char day[GV_LOCAL_BUFSZ], local[GV_LOCAL_BUFSZ];

	gv_time_format_local(day, t, tz, GV_LOCAL_WEEKDAY);
	snprintf(buf, n, "%.3s %s", day,
	         gv_time_format_local(local, t, tz, GV_LOCAL_FULL));
}

static int
meeting_add(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_meeting_spec spec = {0};
	const char *kind = NULL;
	struct gv_body body;
	char *pos[2];
	int64_t id;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"tz", &spec.tz, NULL},
	        {"kind", &kind, NULL},
	        {"title", &spec.title, NULL},
	        {"subcommittee", &spec.subcommittee, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 2, 2)) >= 0)
		return rc;
	if (kind && strcmp(kind, "call") && strcmp(kind, "f2f"))
		return cli_usage_error(
		        cmd, "unknown kind '%s': use call or f2f", kind);
	spec.kind =
	        kind && !strcmp(kind, "f2f") ? GV_MEETING_F2F : GV_MEETING_CALL;
	spec.body = pos[0];
	/* A meeting starts at an hour: a date alone would be read as its
	 * midnight, a time no chair announces. */
	if (!strchr(pos[1], ':')) {
		cli_eprintf("gavel: \"%s\" has no time of day: give the "
		            "meeting's start as YYYY-MM-DD HH:MM (\"2025-03-05 "
		            "11:00\")\n",
		            pos[1]);
		return CLI_FAILED;
	}
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_body_get(&body, c->db, spec.body) < 0)
		return cli_fail();
	/* A chair's "11:00" is the body's wall clock (RULES 4: SMCWG calls
	 * are "11:00 am Eastern Time"), or --tz's; Z or an offset wins. */
	if (gv_time_parse_in(&spec.starts_at, pos[1],
	                     spec.tz ? spec.tz : body.tz) < 0 ||
	    gv_meeting_add(&id, c->db, &spec) < 0)
		rc = cli_fail();
	else
		printf("%lld\n", (long long)id);
	gv_body_dispose(&body);
	return rc;
}

static int
meeting_cancel(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *reason = NULL;
	char *pos[1];
	int64_t id;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"reason", &reason, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_id(&id, cmd, "meeting", pos[0])) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	return gv_meeting_cancel(c->db, id, reason) < 0 ? cli_fail() : CLI_OK;
}

static int
meeting_next(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *after_opt = NULL, *format_opt = NULL;
	char utc[GV_TIME_BUFSZ], spoken[GV_SPOKEN_BUFSZ], *pos[1], *json;
	enum cli_format format;
	struct gv_body body;
	int64_t after, when, id;
	int npos, rc, error;
	const struct cli_opt opts[] = {
	        {"after", &after_opt, NULL},
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK ||
	    (rc = cli_time(&after, after_opt, gv_db_now(c->db))) != CLI_OK)
		return rc;
	if (gv_body_get(&body, c->db, pos[0]) < 0)
		return cli_fail();
	if (gv_meeting_next(&when, &id, c->db, pos[0], after) < 0) {
		gv_body_dispose(&body);
		return cli_fail();
	}
	if (format == CLI_JSON) {
		error = gv_view_next_json(&json, body.code, body.tz, when, id);
		rc = cli_print_json(error, json);
	} else {
		printf("%s  %s%s\n", gv_time_format(utc, when, GV_TIME_HUMAN),
		       gv_time_spoken(spoken, sizeof(spoken), when, body.tz),
		       id < 0 ? "  (from the cadence)" : "");
	}
	gv_body_dispose(&body);
	return rc;
}

static int
meeting_list(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	static const char *const heads[] = {
	        "ID",     "BODY",   "UTC",    "LOCAL",   "KIND",
	        "STATUS", "PEOPLE", "VOTING", "MINUTES", "TITLE"};
	struct gv_meeting_filter filter = {0};
	const char *format_opt = NULL, *issue = NULL;
	struct gv_meeting_list *list = NULL;
	enum cli_format format;
	struct table *t;
	char *pos[1], *json;
	int npos, rc, error;
	size_t i;
	const struct cli_opt opts[] = {
	        {"body", &filter.body, NULL},
	        {"issue", &issue, NULL},
	        {"ballot", &filter.ballot, NULL},
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    (issue &&
	     (rc = cli_id(&filter.issue, cmd, "issue",
	                  issue[0] == '#' ? issue + 1 : issue)) != CLI_OK) ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_meeting_list(&list, c->db, &filter) < 0)
		return cli_fail();
	if (format == CLI_JSON) {
		error = gv_view_meetings_json(&json, list);
		rc = cli_print_json(error, json);
		gv_meeting_list_free(list);
		return rc;
	}
	t = table_new(10, heads);
	for (i = 0; i < list->n; i++) {
		const struct gv_meeting *m = &list->v[i];
		char id[24], utc[GV_TIME_BUFSZ], local[80], people[16],
		        voting[16];
		const char *row[10];

		snprintf(id, sizeof(id), "%lld", (long long)m->id);
		snprintf(people, sizeof(people), "%d", m->attendees);
		snprintf(voting, sizeof(voting), "%d", m->voting_orgs);
		local_time(local, sizeof(local), m->starts_at, m->tz);
		row[0] = id, row[1] = m->body;
		row[2] = gv_time_format(utc, m->starts_at, GV_TIME_HUMAN);
		row[3] = local;
		row[4] = m->subcommittee             ? m->subcommittee
		         : m->kind == GV_MEETING_F2F ? "f2f"
		                                     : "call";
		row[5] = m->status, row[6] = people, row[7] = voting;
		row[8] = m->minutes == GV_MINUTES_NONE
		                 ? "-"
		                 : gv_minutes_state_name(m->minutes);
		row[9] = m->title;
		table_add(t, row);
	}
	table_print(t, stdout);
	table_free(t);
	gv_meeting_list_free(list);
	return CLI_OK;
}

/* "issuer (18): A, B; consumer (2): C" from the roll call. */
static void
show_attendance(const struct gv_meeting_detail *d)
{
	int klass, orgs;
	size_t i;

	printf("\nAttendance: %d %s, %d voting %s present\n",
	       d->meeting.attendees,
	       cli_noun(d->meeting.attendees, "person", "people"),
	       d->meeting.voting_orgs,
	       cli_noun(d->meeting.voting_orgs, "member", "members"));
	for (klass = GV_CLASS_ISSUER; klass <= GV_CLASS_UNKNOWN; klass++) {
		orgs = 0;
		for (i = 0; i < d->nattendees; i++) {
			const struct gv_attendee *a = &d->attendees[i];

			if ((int)a->klass != klass ||
			    !gv_attendee_org_first(d, i))
				continue;
			if (orgs++)
				cli_printf(", %s", a->org);
			else
				cli_printf("  %s: %s",
				           gv_class_name((enum gv_class)klass),
				           a->org);
		}
		if (orgs)
			putchar('\n');
	}
	for (i = 0; i < d->nattendees; i++)
		cli_printf("  - %s%s%s%s\n", d->attendees[i].name,
		           d->attendees[i].org ? " (" : "",
		           d->attendees[i].org ? d->attendees[i].org : "",
		           d->attendees[i].org ? ")" : "");
}

static void
show_items(const struct gv_meeting_detail *d)
{
	size_t i;

	if (d->nitems)
		printf("\nAgenda:\n");
	for (i = 0; i < d->nitems; i++) {
		const struct gv_agenda_item *it = &d->items[i];

		cli_printf("  %d. %s%s%s%s\n", it->pos, it->title,
		           it->links ? "  [" : "", it->links ? it->links : "",
		           it->links ? "]" : "");
		if (it->notes)
			cli_print_block(it->notes, "     ");
	}
}

/* The minutes' state in words (BYL 5.1(1)): a draft with what makes it
 * final, final since when, or approved where. */
static void
show_minutes(const struct gv_meeting *m)
{
	char day[GV_TIME_BUFSZ];

	switch (m->minutes) {
	case GV_MINUTES_APPROVED:
		printf("Minutes: approved at meeting %lld (%s)\n",
		       (long long)m->approved_in,
		       gv_time_format(day, m->approved_at, GV_TIME_DATE));
		break;
	case GV_MINUTES_FINAL:
		printf("Minutes: final since %s (no meeting within 3 weeks of "
		       "the draft)\n",
		       gv_time_format(day, m->minutes_final_at, GV_TIME_DATE));
		break;
	case GV_MINUTES_DRAFT:
		if (m->minutes_final_at >= 0)
			printf("Minutes: draft, final on %s unless a meeting "
			       "approves them sooner\n",
			       gv_time_format(day, m->minutes_final_at,
			                      GV_TIME_DATE));
		else
			printf("Minutes: draft, until a later meeting approves "
			       "them (the meeting of %s is within 3 weeks of "
			       "the draft)\n",
			       gv_time_format(day, m->minutes_next_at,
			                      GV_TIME_DATE));
		break;
	default:
		break;
	}
}

static int
meeting_show(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_meeting_detail *d = NULL;
	const char *format_opt = NULL;
	enum cli_format format;
	char *pos[1], spoken[GV_SPOKEN_BUFSZ], utc[GV_TIME_BUFSZ], *json;
	int64_t id;
	size_t i;
	int npos, rc, error;
	const struct cli_opt opts[] = {
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_id(&id, cmd, "meeting", pos[0])) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (format == CLI_JSON) {
		error = gv_view_meeting_json(&json, c->db, id);
		return cli_print_json(error, json);
	}
	if (gv_meeting_get(&d, c->db, id) < 0)
		return cli_fail();
	cli_printf("Meeting %lld of %s%s%s: %s (%s)\n", (long long)id,
	           d->meeting.body, d->meeting.subcommittee ? ", " : "",
	           d->meeting.subcommittee ? d->meeting.subcommittee : "",
	           gv_time_spoken(spoken, sizeof(spoken), d->meeting.starts_at,
	                          d->meeting.tz),
	           gv_time_format(utc, d->meeting.starts_at, GV_TIME_HUMAN));
	if (d->meeting.title)
		cli_printf("Title: %s\n", d->meeting.title);
	cli_printf("Status: %s%s%s\n", d->meeting.status,
	           d->meeting.cancel_reason ? ": " : "",
	           d->meeting.cancel_reason ? d->meeting.cancel_reason : "");
	if (d->meeting.minute_taker)
		cli_printf("Minute-taker: %s\n", d->meeting.minute_taker);
	if (!strcmp(d->meeting.status, "no roll call"))
		printf("Roll call: none recorded (record it with 'gavel "
		       "meeting attend %lld ...')\n",
		       (long long)id);
	show_minutes(&d->meeting);
	for (i = 0; i < d->napproves; i++)
		printf("Approved the minutes of meeting %lld\n",
		       (long long)d->approves[i]);
	show_attendance(d);
	show_items(d);
	if (d->minutes_md)
		cli_printf(
		        "\nImported minutes: %s (%zu bytes; see 'gavel minutes "
		        "%lld')\n",
		        d->source ? d->source : "", strlen(d->minutes_md),
		        (long long)id);
	gv_meeting_detail_free(d);
	return CLI_OK;
}

/* Prints what a roll call could not read or match, one entry a line. */
static void
report_unmatched(const struct gv_roll_call *r)
{
	size_t i;

	for (i = 0; i < r->nrejected; i++)
		cli_eprintf("gavel: not a name: %s\n", r->rejected[i]);
	for (i = 0; i < r->nunmatched; i++)
		cli_eprintf("gavel: not matched: %s\n", r->unmatched[i]);
}

/* --line TEXT or --line - (standard input): the attendee line as minutes
 * write it, read as `minutes import` reads it. */
static int
attend_line(struct gv_roll_call *r, struct cli *c, int64_t id, const char *line,
            unsigned flags)
{
	char *text = strcmp(line, "-") ? NULL : cli_read_text("-");
	int error;

	if (!strcmp(line, "-") && !text) {
		cli_eprintf("gavel: cannot read the attendee line from "
		            "standard input\n");
		memset(r, 0, sizeof(*r));
		return -1;
	}
	if ((error = gv_meeting_attend_line(r, c->db, id, text ? text : line,
	                                    flags)) < 0)
		cli_fail();
	free(text);
	return error;
}

static int
meeting_attend(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_roll_call r;
	char **pos = calloc((size_t)argc, sizeof(*pos));
	const char *line = NULL;
	int64_t id;
	int npos, rc, create = 0, error;
	const struct cli_opt opts[] = {
	        {"create", NULL, &create},
	        {"line", &line, NULL},
	        {NULL, NULL, NULL},
	};

	if (!pos)
		abort();
	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, argc)) < 0 &&
	    (npos > 1) == (line != NULL))
		rc = cli_usage_error(cmd, line ? "give names or --line, not "
		                                 "both"
		                               : "give the names, or --line");
	if (rc >= 0 || (rc = cli_id(&id, cmd, "meeting", pos[0])) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK) {
		free(pos);
		return rc;
	}
	if (line)
		error = attend_line(&r, c, id, line,
		                    create ? GV_ATTEND_CREATE : 0);
	else if ((error = gv_meeting_attend(
	                  &r, c->db, id, (const char *const *)pos + 1,
	                  (size_t)npos - 1, create ? GV_ATTEND_CREATE : 0)) < 0)
		cli_fail();
	free(pos);
	if (error < 0) {
		rc = CLI_FAILED;
		report_unmatched(&r);
	} else {
		printf("%d recorded", r.recorded - r.already);
		if (r.already)
			printf(", %d already present", r.already);
		if (create)
			printf(", %d new %s, %d new %s", r.created_people,
			       cli_noun(r.created_people, "person", "people"),
			       r.created_orgs,
			       cli_noun(r.created_orgs, "organisation",
			                "organisations"));
		putchar('\n');
	}
	gv_roll_call_dispose(&r);
	return rc;
}

static int
meeting_absent(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	char **pos = calloc((size_t)argc, sizeof(*pos));
	int64_t id;
	int npos, rc;

	if (!pos)
		abort();
	if ((rc = cli_parse(cmd, argc, argv, NULL, pos, &npos, 2, argc)) >= 0 ||
	    (rc = cli_id(&id, cmd, "meeting", pos[0])) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK) {
		free(pos);
		return rc;
	}
	if (gv_meeting_unattend(c->db, id, (const char *const *)pos + 1,
	                        (size_t)npos - 1) < 0)
		rc = cli_fail();
	free(pos);
	return rc;
}

static int
meeting_taker(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	char *pos[2];
	int64_t id;
	int npos, rc;

	if ((rc = cli_parse(cmd, argc, argv, NULL, pos, &npos, 2, 2)) >= 0 ||
	    (rc = cli_id(&id, cmd, "meeting", pos[0])) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	return gv_meeting_set_taker(c->db, id, pos[1]) < 0 ? cli_fail()
	                                                   : CLI_OK;
}

static int
meeting_item(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *before = NULL;
	char *pos[2];
	int64_t id;
	int npos, rc, n;
	const struct cli_opt opts[] = {
	        {"before", &before, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 2, 2)) >= 0 ||
	    (rc = cli_id(&id, cmd, "meeting", pos[0])) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_meeting_insert_item(&n, c->db, id, pos[1], before) < 0)
		return cli_fail();
	printf("%d\n", n);
	return CLI_OK;
}

static int
meeting_note(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	char *pos[3];
	int64_t id;
	int npos, rc;

	if ((rc = cli_parse(cmd, argc, argv, NULL, pos, &npos, 3, 3)) >= 0 ||
	    (rc = cli_id(&id, cmd, "meeting", pos[0])) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	return gv_meeting_note(c->db, id, pos[1], pos[2]) < 0 ? cli_fail()
	                                                      : CLI_OK;
}

static int
meeting_link(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *issue = NULL, *ballot = NULL;
	int64_t id, number = 0;
	char *pos[2];
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"issue", &issue, NULL},
	        {"ballot", &ballot, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 2, 2)) >= 0 ||
	    (rc = cli_id(&id, cmd, "meeting", pos[0])) != CLI_OK ||
	    (issue &&
	     (rc = cli_id(&number, cmd, "issue",
	                  issue[0] == '#' ? issue + 1 : issue)) != CLI_OK))
		return rc;
	if (!issue == !ballot)
		return cli_usage_error(cmd,
		                       "give --issue N or --ballot NUMBER");
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	return gv_meeting_link(c->db, id, pos[1], number, ballot) < 0
	               ? cli_fail()
	               : CLI_OK;
}

static int
meeting_baseline(struct cli *c, const struct cli_cmd *cmd, int argc,
                 char **argv)
{
	const char *before_opt = NULL, *format_opt = NULL;
	char *pos[1], when[GV_TIME_BUFSZ], *json;
	struct gv_baseline b;
	enum cli_format format;
	int64_t before;
	int npos, rc, error;
	size_t i;
	const struct cli_opt opts[] = {
	        {"before", &before_opt, NULL},
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK ||
	    (rc = cli_time(&before, before_opt, gv_db_now(c->db))) != CLI_OK)
		return rc;
	if (gv_meeting_baseline(&b, c->db, pos[0], before) < 0)
		return cli_fail();
	if (format == CLI_JSON) {
		error = gv_view_baseline_json(&json, &b);
		return cli_print_json(error, json);
	}
	if (b.n == 1)
		printf("Quorum baseline (BYL 2.3(7)): the previous held "
		       "meeting before %s\n",
		       gv_time_format(when, before, GV_TIME_HUMAN));
	else
		printf("Quorum baseline (BYL 2.3(7)): the previous %zu held "
		       "meetings before %s\n",
		       b.n, gv_time_format(when, before, GV_TIME_HUMAN));
	for (i = 0; i < b.n; i++)
		printf("  meeting %-5lld %s  %d voting %s present\n",
		       (long long)b.meetings[i],
		       gv_time_format(when, b.starts[i], GV_TIME_DATE),
		       b.present[i],
		       cli_noun(b.present[i], "member", "members"));
	/* They are no held meetings: "no roll call" is their status. */
	if (b.skipped)
		printf("  (%d past %s with no roll call left out)\n", b.skipped,
		       cli_noun(b.skipped, "meeting", "meetings"));
	printf("Average %.2f; quorum floor(%.2f / 2) + 1 = %d\n", b.average,
	       b.average, b.quorum);
	return CLI_OK;
}

static const struct cli_cmd meeting_subs[] = {
        {"add", meeting_add,
         "gavel meeting add CODE TIME [--tz ZONE] [--kind call|f2f] "
         "[--title T] [--subcommittee NAME]",
         "schedule a meeting; TIME is the body's wall clock (--tz ZONE: "
         "that zone's), unless it ends in Z or an offset",
         NULL},
        {"cancel", meeting_cancel, "gavel meeting cancel ID [--reason TEXT]",
         "cancel a meeting", NULL},
        {"next", meeting_next,
         "gavel meeting next CODE [--after TIME] [--format text|json]",
         "the next call: scheduled, or from the cadence", NULL},
        {"list", meeting_list,
         "gavel meeting list [--body CODE] [--issue N] [--ballot NUMBER] "
         "[--format text|json]",
         "meetings by time (--issue, --ballot: those that discussed it)", NULL},
        {"show", meeting_show, "gavel meeting show ID [--format text|json]",
         "one meeting: attendance by class, agenda, notes", NULL},
        {"attend", meeting_attend,
         "gavel meeting attend ID \"Name (Organisation)\"... | --line "
         "\"Name (Org), ...\"|- [--create]",
         "record the roll call (--line: as minutes write it; -: stdin)", NULL},
        {"absent", meeting_absent, "gavel meeting absent ID PERSON...",
         "take people off the roll call", NULL},
        {"taker", meeting_taker, "gavel meeting taker ID PERSON",
         "set the minute-taker", NULL},
        {"item", meeting_item, "gavel meeting item ID TITLE [--before ITEM]",
         "add an agenda item at the end, or before ITEM (its number or "
         "title)",
         NULL},
        {"note", meeting_note, "gavel meeting note ID ITEM TEXT",
         "add Markdown notes to an item (its number or title)", NULL},
        {"link", meeting_link,
         "gavel meeting link ID ITEM --issue N | --ballot NUMBER",
         "record that an item discussed an issue or a ballot", NULL},
        {"baseline", meeting_baseline,
         "gavel meeting baseline CODE [--before TIME] [--format text|json]",
         "the quorum baseline: voting members at the last three meetings",
         NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

const struct cli_cmd cmd_meeting = {
        "meeting",
        cli_dispatch,
        "gavel meeting add|cancel|next|list|show|...",
        "meetings: schedule, roll call, agenda, quorum baseline",
        meeting_subs,
};
