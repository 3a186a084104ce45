/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel report`: a body's year (its ballots with
 * their periods and results, the tallies, the meetings with attendance
 * and the quorum baseline) as text on a terminal, or as the page, the
 * Markdown or the JSON the core writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gavel/gavel.h"
#include "gavel/report.h"

enum report_out { OUT_TEXT, OUT_DOC };

static int
report_format(enum report_out *out, enum gv_report_format *doc,
              const struct cli_cmd *cmd, const char *value)
{
	*out = OUT_DOC;
	if (!value || !strcmp(value, "text"))
		*out = OUT_TEXT;
	else if (!strcmp(value, "html"))
		*doc = GV_REPORT_HTML;
	else if (!strcmp(value, "md"))
		*doc = GV_REPORT_MD;
	else if (!strcmp(value, "json"))
		*doc = GV_REPORT_JSON;
	else
		return cli_usage_error(
		        cmd,
		        "unknown format '%s': use text, md, html "
		        "or json",
		        value);
	return CLI_OK;
}

/* --year, else the year of the clock (UTC). */
static int
report_year(int *out, const struct cli_cmd *cmd, const char *value, int64_t now)
{
	int64_t y;
	unsigned m, d;
	char *end;
	long year;

	if (!value) {
		gv_civil_from_days(&y, &m, &d,
		                   (now >= 0 ? now : now - 86399) / 86400);
		*out = (int)y;
		return CLI_OK;
	}
	year = strtol(value, &end, 10);
	if (*end || end == value || year < 1970 || year > 9999)
		return cli_usage_error(cmd, "--year takes a year from 1970 to "
		                            "9999");
	*out = (int)year;
	return CLI_OK;
}

/* "2024-11-14 to 2024-11-21", "(ahead)" when its end is still to come. */
static void
text_period(char *buf, size_t n, const struct gv_report *r,
            const struct gv_report_ballot *rb, enum gv_report_phase phase)
{
	char from[GV_TIME_BUFSZ], to[GV_TIME_BUFSZ];
	size_t i;

	snprintf(buf, n, "-");
	for (i = 0; i < rb->nperiods; i++)
		if (rb->periods[i].phase == phase)
			snprintf(buf, n, "%s to %s%s",
			         gv_time_format(from, rb->periods[i].start,
			                        GV_TIME_DATE),
			         gv_time_format(to, rb->periods[i].end,
			                        GV_TIME_DATE),
			         rb->periods[i].end > r->now ? " (ahead)" : "");
}

static void
text_ballots(const struct gv_report *r)
{
	static const char *const heads[] = {
	        "BALLOT",     "STATE",  "DISCUSSION", "VOTING",
	        "IPR REVIEW", "RESULT", "TITLE"};
	char periods[3][80];
	const char *cells[7];
	struct table *t = table_new(7, heads);
	size_t i, k;

	for (i = 0; i < r->nballots; i++) {
		const struct gv_report_ballot *rb = &r->ballots[i];

		for (k = 0; k < 3; k++)
			text_period(periods[k], sizeof(periods[k]), r, rb,
			            (enum gv_report_phase)k);
		cells[0] = rb->ballot->number;
		cells[1] = gv_report_state_text(rb->ballot->state);
		cells[2] = periods[0];
		cells[3] = periods[1];
		cells[4] = periods[2];
		cells[5] = rb->tally ? rb->tally->result : NULL;
		cells[6] = rb->ballot->title;
		table_add(t, cells);
	}
	table_print(t, stdout);
	table_free(t);
}

static void
text_class(const char *name, const struct gv_class_tally *c)
{
	char percent[32];

	printf("  %-22s %3d yes %3d no %3d abstain  %s  %s\n", name, c->yes,
	       c->no, c->abstain, gv_tally_percent(percent, sizeof(percent), c),
	       c->met ? "met" : "not met");
}

static void
text_tallies(const struct gv_report *r)
{
	const struct gv_tally *t;
	size_t i, n = 0;

	for (i = 0; i < r->nballots; i++) {
		if (!(t = r->ballots[i].tally))
			continue;
		n++;
		cli_printf("%s: %s\n", t->ballot, t->result);
		text_class("Certificate Issuers:", &t->issuers);
		text_class("Certificate Consumers:", &t->consumers);
		if (!strcmp(t->quorum_from, "none"))
			printf("  Quorum: unknown (no roll call before voting "
			       "opened)\n");
		else
			printf("  Quorum: %d participants ≥ %d: %s\n",
			       t->participants, t->quorum,
			       t->quorum_met ? "met" : "not met");
	}
	if (!n)
		printf("No vote opened in %d.\n", r->year);
}

static void
text_meetings(const struct gv_report *r)
{
	static const char *const heads[] = {"ID",     "UTC",    "STATUS",
	                                    "PEOPLE", "VOTING", "BASELINE",
	                                    "QUORUM"};
	char id[24], when[GV_TIME_BUFSZ], people[16], voting[16], a[24], q[16];
	const char *cells[7] = {id, when, NULL, people, voting, a, q};
	struct table *t = table_new(7, heads);
	size_t i;

	for (i = 0; i < r->nmeetings; i++) {
		const struct gv_report_meeting *rm = &r->meetings[i];
		const struct gv_meeting *m = rm->meeting;
		int held = !strcmp(m->status, "held");

		snprintf(id, sizeof(id), "%lld", (long long)m->id);
		gv_time_format(when, m->starts_at, GV_TIME_HUMAN);
		cells[2] = m->status;
		/* Who was there, of a meeting held. */
		cells[3] = held ? people : "-";
		cells[4] = held ? voting : "-";
		snprintf(people, sizeof(people), "%d", m->attendees);
		snprintf(voting, sizeof(voting), "%d", m->voting_orgs);
		snprintf(a, sizeof(a), "%.2f", rm->baseline.average);
		snprintf(q, sizeof(q), "%d", rm->baseline.quorum);
		cells[5] = rm->has_baseline ? a : "-";
		cells[6] = rm->has_baseline ? q : "-";
		table_add(t, cells);
	}
	table_print(t, stdout);
	table_free(t);
}

static void
report_print(const struct gv_report *r)
{
	char when[GV_TIME_BUFSZ];

	cli_printf("%s (%s) in %d, as of %s; times are UTC\n\n", r->name,
	           r->body, r->year,
	           gv_time_format(when, r->now, GV_TIME_HUMAN));
	printf("Ballots\n");
	if (r->nballots)
		text_ballots(r);
	else
		printf("No ballot ran in %d.\n", r->year);
	printf("\nTallies\n");
	text_tallies(r);
	printf("\nMeetings and quorum (baseline and quorum in force after "
	       "each, BYL 2.3(7))\n");
	if (r->has_start_baseline)
		printf("On January 1: baseline %.2f, quorum %d\n",
		       r->start_baseline.average, r->start_baseline.quorum);
	if (r->nmeetings)
		text_meetings(r);
	else
		printf("No meeting in %d.\n", r->year);
}

static int
report_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *year_opt = NULL, *format_opt = NULL;
	enum gv_report_format doc = GV_REPORT_HTML;
	enum report_out out;
	struct gv_report *r = NULL;
	char *pos[1], *text = NULL;
	size_t len = 0;
	int npos, rc, year = 0;
	const struct cli_opt opts[] = {
	        {"year", &year_opt, NULL},
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = report_format(&out, &doc, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK ||
	    (rc = report_year(&year, cmd, year_opt, gv_db_now(c->db))) !=
	            CLI_OK)
		return rc;
	if (gv_report_build(&r, c->db, pos[0], year) < 0)
		return cli_fail();
	if (out == OUT_TEXT) {
		report_print(r);
	} else if (gv_report_write(&text, &len, r, doc) < 0) {
		gv_report_free(r);
		return cli_fail();
	} else {
		cli_write_document(text, len);
		free(text);
	}
	gv_report_free(r);
	return CLI_OK;
}

const struct cli_cmd cmd_report = {
        "report",
        report_run,
        "gavel report CODE [--year YEAR] [--format text|md|html|json]",
        "a body's year: ballots on a timeline, tallies, attendance and the "
        "quorum baseline (--format html: one page to post or print)",
        NULL,
};
