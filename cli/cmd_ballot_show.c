/* SPDX-License-Identifier: MIT */
/*
 * This file implements the reading side of `gavel ballot` (show, list,
 * tally, lint, notice) and `gavel deadlines`. Every date printed comes from
 * the core's one deadline function.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gavel/gavel.h"

/* Parses NUMBER [--format text|json] and opens the store. */
static int
read_args(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv,
          char **ref, enum cli_format *format)
{
	const char *format_opt = NULL;
	char *pos[1];
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_format(format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	*ref = pos[0];
	return -1;
}

static void
print_class(const char *name, const struct gv_class_tally *t, const char *test)
{
	char percent[32];
	int i;

	cli_printf("%s: %d yes, %d no, %d abstain (%s%s); %s: %s\n", name,
	           t->yes, t->no, t->abstain,
	           gv_tally_percent(percent, sizeof(percent), t),
	           t->percent_tenths < 0 ? "" : " yes", test,
	           t->met ? "MET" : "NOT MET");
	for (i = 0; i < t->yes; i++)
		cli_printf("%s%s", i ? ", " : "  yes: ", t->yes_orgs[i]);
	if (t->yes)
		putchar('\n');
	for (i = 0; i < t->no; i++)
		cli_printf("%s%s", i ? ", " : "  no: ", t->no_orgs[i]);
	if (t->no)
		putchar('\n');
	for (i = 0; i < t->abstain; i++)
		cli_printf("%s%s",
		           i ? ", " : "  abstain: ", t->abstain_orgs[i]);
	if (t->abstain)
		putchar('\n');
}

/* The tally as a results notice states it: each test with its sums. */
static void
print_tally(const struct gv_tally *t)
{
	const struct gv_class_tally *i = &t->issuers, *c = &t->consumers;
	char test[128];

	cli_printf("%s: %s\n", t->ballot, t->result);
	snprintf(test, sizeof(test), "two-thirds, 3 × %d ≥ 2 × (%d + %d)",
	         i->yes, i->yes, i->no);
	print_class("Certificate Issuers", i, test);
	if (!strcmp(t->consumer_rule, "half-plus-one"))
		snprintf(test, sizeof(test),
		         "50%% plus one, 2 × %d ≥ (%d + %d) + 2", c->yes,
		         c->yes, c->no);
	else
		snprintf(test, sizeof(test), "more than 50%%, 2 × %d > %d + %d",
		         c->yes, c->yes, c->no);
	print_class("Certificate Consumers", c, test);
	if (!strcmp(t->quorum_from, "none"))
		printf("Quorum: unknown (no roll call before voting opened; "
		       "see 'gavel ballot quorum')\n");
	else
		printf("Quorum: %d participants (abstentions count) ≥ %d%s: "
		       "%s\n",
		       t->participants, t->quorum,
		       !strcmp(t->quorum_from, "published")
		               ? " (as the results notice published it)"
		               : "",
		       t->quorum_met ? "MET" : "NOT MET");
	if (!strcmp(t->quorum_from, "attendance"))
		printf("  average of the last %zu meetings' voting members: "
		       "%.2f; %s reading\n",
		       t->nquorum_meetings, t->active_average, t->quorum_rule);
	if (!t->charter_meetings_met)
		printf("  the charter's minimum of meetings before a ballot is "
		       "not met: %d held with a roll call before voting "
		       "began, %d needed\n",
		       t->charter_meetings_held, t->charter_meetings_needed);
}

int
cmd_ballot_tally(struct cli *c, const struct cli_cmd *cmd, int argc,
                 char **argv)
{
	enum cli_format format;
	struct gv_tally *t = NULL;
	char *ref = NULL, *json;
	int rc, error;

	if ((rc = read_args(c, cmd, argc, argv, &ref, &format)) >= 0)
		return rc;
	if (gv_ballot_tally(&t, c->db, ref) < 0)
		return cli_fail();
	if (format == CLI_JSON) {
		error = gv_view_tally_json(&json, t);
		rc = cli_print_json(error, json);
	} else {
		print_tally(t);
		rc = CLI_OK;
	}
	gv_tally_free(t);
	return rc;
}

/* Each clock in UTC with the body's wall clock beside it (tz). */
static void
print_clocks(const struct gv_clocks *k, const char *tz, int64_t now)
{
	char when[GV_BOTH_BUFSZ], left[GV_TIME_BUFSZ];
	int width = 21, what = 0, rule = 0;
	size_t i;

	/* Each column as wide as its longest cell (a date when the local
	 * day is not UTC's, a clock under two rules). */
	for (i = 0; i < k->n; i++) {
		if ((int)strlen(gv_time_format_both(when, k->v[i].at, tz)) >
		    width)
			width = (int)strlen(when);
		if ((int)strlen(k->v[i].what) > what)
			what = (int)strlen(k->v[i].what);
		if ((int)strlen(k->v[i].rule) > rule)
			rule = (int)strlen(k->v[i].rule);
	}
	printf("Clocks:\n");
	for (i = 0; i < k->n; i++)
		printf("  %-*s  %-*s  %-*s  %s\n", width,
		       gv_time_format_both(when, k->v[i].at, tz), what,
		       k->v[i].what, rule, k->v[i].rule,
		       k->v[i].open ? gv_duration_format(left, sizeof(left),
		                                         now, k->v[i].at)
		                    : "done");
}

/* Pads to width display columns after text of display width used. */
static void
pad_to(size_t width, size_t used)
{
	printf("%*s", (int)(width > used ? width - used : 0) + 2, "");
}

/* The votes in columns as wide as their widest cell: a time with seconds,
 * a long or accented organisation name keep the rest in line. */
static void
print_ledger(const struct gv_tally *t)
{
	char when[GV_TIME_BUFSZ];
	size_t i, tw = 0, ow = 0, cw = 0;

	if (t->nvotes)
		printf("Votes:\n");
	for (i = 0; i < t->nvotes; i++) {
		const struct gv_vote *v = &t->votes[i];

		gv_time_format(when, v->cast_at, GV_TIME_HUMAN);
		tw = strlen(when) > tw ? strlen(when) : tw;
		ow = gv_text_width(v->org) > ow ? gv_text_width(v->org) : ow;
		cw = strlen(v->klass) > cw ? strlen(v->klass) : cw;
	}
	for (i = 0; i < t->nvotes; i++) {
		const struct gv_vote *v = &t->votes[i];

		cli_printf("  %s",
		           gv_time_format(when, v->cast_at, GV_TIME_HUMAN));
		pad_to(tw, strlen(when));
		cli_printf("%s", v->org);
		pad_to(ow, gv_text_width(v->org));
		cli_printf("%s", v->klass);
		pad_to(cw, strlen(v->klass));
		if (!v->reason && v->counted)
			cli_printf("%s\n", gv_vote_value_name(v->value));
		else
			cli_printf("%-7s %s%s\n", gv_vote_value_name(v->value),
			           v->reason ? "not counted: "
			                     : "superseded by a later vote",
			           v->reason ? v->reason : "");
	}
}

static void
print_ballot(const struct gv_ballot *b, int64_t now)
{
	char when[GV_TIME_BUFSZ];
	size_t i;

	cli_printf("%s  %s\n", b->number, b->title);
	cli_printf("Body: %s; kind: %s; state: %s (as of %s)\n", b->body,
	           b->kind, gv_ballot_state_name(b->state),
	           gv_time_format(when, now, GV_TIME_HUMAN));
	cli_printf("Proposer: %s", b->proposer ? b->proposer : "-");
	for (i = 0; i < b->nendorsers; i++)
		cli_printf("%s%s", i ? ", " : "; endorsers: ", b->endorsers[i]);
	putchar('\n');
	if (b->purpose) {
		cli_printf("Purpose:\n");
		cli_print_block(b->purpose, "  ");
	}
	for (i = 0; i < b->nversions; i++) {
		const struct gv_ballot_version *v = &b->versions[i];

		cli_printf("Version %d: %s%s%s%s%s\n", v->n,
		           gv_time_format(when, v->posted_at, GV_TIME_HUMAN),
		           v->url ? "  " : "", v->url ? v->url : "",
		           v->hash ? "  text " : "", v->hash ? v->hash : "");
		if (v->base)
			cli_printf("  pinned: %s  base %s  head %s\n", v->repo,
			           v->base, v->head);
	}
}

/* The notices sent as mail (`ballot notice --send`), by Message-ID. */
static int
print_notices(struct gv_db *db, const char *number)
{
	struct gv_notice_sent_list *sent = NULL;
	char when[GV_TIME_BUFSZ];
	size_t i;

	if (gv_notice_sent_list(&sent, db, number) < 0)
		return -1;
	if (sent->n)
		printf("Notices sent:\n");
	for (i = 0; i < sent->n; i++)
		cli_printf(
		        "  %-21s  %-8s version %d  <%s>  by %s\n",
		        gv_time_format(when, sent->v[i].sent_at, GV_TIME_HUMAN),
		        gv_notice_name(sent->v[i].kind), sent->v[i].version,
		        sent->v[i].message_id, sent->v[i].sent_by);
	gv_notice_sent_list_free(sent);
	return 0;
}

int
cmd_ballot_show(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	enum cli_format format;
	struct gv_ballot *b = NULL;
	struct gv_tally *t = NULL;
	struct gv_body body = {0};
	struct gv_clocks clocks;
	char *ref = NULL, *json;
	int rc, error;

	if ((rc = read_args(c, cmd, argc, argv, &ref, &format)) >= 0)
		return rc;
	if (format == CLI_JSON) {
		error = gv_view_ballot_json(&json, c->db, ref);
		return cli_print_json(error, json);
	}
	if (gv_ballot_get(&b, c->db, ref) < 0 ||
	    gv_body_get(&body, c->db, b->body) < 0 ||
	    gv_ballot_clocks(&clocks, c->db, b, gv_db_now(c->db)) < 0 ||
	    gv_ballot_tally(&t, c->db, ref) < 0) {
		gv_body_dispose(&body);
		gv_ballot_free(b);
		return cli_fail();
	}
	print_ballot(b, gv_db_now(c->db));
	rc = print_notices(c->db, b->number) < 0 ? cli_fail() : CLI_OK;
	print_clocks(&clocks, body.tz, gv_db_now(c->db));
	print_ledger(t);
	if (b->vote_starts_at >= 0)
		print_tally(t);
	gv_tally_free(t);
	gv_body_dispose(&body);
	gv_ballot_free(b);
	return rc;
}

/* --state voting,discussion: a set of (1u << state); 0 or 2 after a usage
 * error naming the states. */
static int
list_states(unsigned *out, const struct cli_cmd *cmd, const char *text)
{
	enum gv_ballot_state state;
	char *copy, *name, *save = NULL;
	int rc = CLI_OK;

	*out = 0;
	if (!text)
		return CLI_OK;
	copy = strdup(text);
	if (!copy)
		abort();
	for (name = strtok_r(copy, ", ", &save); name && rc == CLI_OK;
	     name = strtok_r(NULL, ", ", &save))
		if (gv_ballot_state_parse(&state, name) < 0)
			rc = cli_usage_error(cmd, "%s",
			                     gv_error_last()->message);
		else
			*out |= 1u << state;
	free(copy);
	if (rc == CLI_OK && !*out)
		rc = cli_usage_error(cmd, "--state takes one or more states, "
		                          "like voting,discussion");
	return rc;
}

static void
list_table(const struct gv_ballot_list *list, const struct gv_deadline_list *dl)
{
	static const char *const heads[] = {"BALLOT", "STATE", "NEXT", "WHEN",
	                                    "TITLE"};
	struct table *t = table_new(5, heads);
	char when[GV_BOTH_BUFSZ];
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct gv_ballot *b = list->v[i];
		const struct gv_deadline *next =
		        gv_deadline_next(dl, b->number);
		const char *row[5] = {
		        b->number, gv_ballot_state_name(b->state),
		        next ? next->what : NULL,
		        next ? gv_time_format_both(when, next->at, next->tz)
		             : NULL,
		        b->title};

		table_add(t, row);
	}
	table_print(t, stdout);
	table_free(t);
}

int
cmd_ballot_list(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *body = NULL, *format_opt = NULL, *state_opt = NULL;
	struct gv_ballot_list *list = NULL;
	struct gv_deadline_list *dl = NULL;
	enum cli_format format;
	unsigned states;
	char *pos[1], *json = NULL;
	int npos, rc, error;
	const struct cli_opt opts[] = {
	        {"body", &body, NULL},
	        {"state", &state_opt, NULL},
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = list_states(&states, cmd, state_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_ballot_list(&list, c->db, body) < 0 ||
	    gv_deadlines(&dl, c->db, body, 0) < 0) {
		gv_ballot_list_free(list);
		return cli_fail();
	}
	gv_ballot_list_keep(list, states);
	if (format == CLI_JSON) {
		error = gv_view_ballots_json(&json, list, dl, gv_db_now(c->db));
		rc = cli_print_json(error, json);
	} else {
		list_table(list, dl);
	}
	gv_deadline_list_free(dl);
	gv_ballot_list_free(list);
	return rc;
}

int
cmd_ballot_lint(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	enum cli_format format;
	struct gv_lint lint;
	char *ref = NULL;
	size_t i;
	int rc;

	if ((rc = read_args(c, cmd, argc, argv, &ref, &format)) >= 0)
		return rc;
	if (gv_ballot_lint(&lint, c->db, ref) < 0)
		return cli_fail();
	for (i = 0; i < lint.n; i++)
		cli_printf("%-7s %s: %s\n", lint.v[i].ok ? "ok" : "PROBLEM",
		           lint.v[i].check, lint.v[i].detail);
	rc = lint.problems ? CLI_FAILED : CLI_OK;
	if (lint.problems)
		fprintf(stderr, "gavel: %d problem%s in %s\n", lint.problems,
		        lint.problems == 1 ? "" : "s", ref);
	gv_lint_dispose(&lint);
	return rc;
}

int
cmd_ballot_notice(struct cli *c, const struct cli_cmd *cmd, int argc,
                  char **argv)
{
	struct gv_render_spec spec = {0};
	struct gv_mail_spec mail = {0};
	const char *format = NULL;
	int npos, rc, send = 0;
	char *pos[2];
	const struct cli_opt opts[] = {
	        {"format", &format, NULL},
	        {"templates", &spec.templates_dir, NULL},
	        {"send", NULL, &send},
	        {"again", NULL, &mail.again},
	        {"to", &mail.to, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 2, 2)) >= 0)
		return rc;
	if (gv_notice_parse(&mail.notice, pos[1]) < 0)
		return cli_usage_error(cmd, "%s", gv_error_last()->message);
	if ((rc = cli_mail_wanted(cmd, format, send, mail.again, mail.to)) ==
	    CLI_USAGE)
		return rc;
	if (rc) {
		mail.kind = GV_MAIL_NOTICE;
		mail.ballot = pos[0];
		mail.templates_dir = spec.templates_dir;
		return cli_mail(c, &mail, send);
	}
	if ((rc = cli_render_format(&spec.format, cmd, format)) != CLI_OK)
		return rc;
	spec.template = gv_notice_template(mail.notice);
	spec.ballot = pos[0];
	return cli_render(c, &spec, 1);
}

static int
deadlines_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	static const char *const heads[] = {"WHEN", "DUE", "WHAT", "OF",
	                                    "RULE"};
	const char *body = NULL, *within_opt = NULL, *format_opt = NULL;
	struct gv_deadline_list *dl = NULL;
	enum cli_format format;
	struct table *t;
	char *pos[1], *json, *end, when[GV_BOTH_BUFSZ], left[GV_TIME_BUFSZ];
	long within = 0;
	int npos, rc, error;
	size_t i;
	const struct cli_opt opts[] = {
	        {"body", &body, NULL},
	        {"within", &within_opt, NULL},
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0)
		return rc;
	/* The same clocks for a calendar program: `gavel calendar`. */
	if (format_opt && !strcmp(format_opt, "ics"))
		return cli_calendar(c, cmd, body, within_opt, NULL, NULL);
	if (format_opt && strcmp(format_opt, "text") &&
	    strcmp(format_opt, "json"))
		return cli_usage_error(cmd,
		                       "unknown format '%s': use text, json or "
		                       "ics",
		                       format_opt);
	if ((rc = cli_format(&format, cmd, format_opt)) != CLI_OK)
		return rc;
	if (within_opt &&
	    ((within = strtol(within_opt, &end, 10)) <= 0 || *end))
		return cli_usage_error(cmd, "--within takes a number of days");
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_deadlines(&dl, c->db, body, (int)within) < 0)
		return cli_fail();
	if (format == CLI_JSON) {
		error = gv_view_deadlines_json(&json, dl, gv_db_now(c->db));
		rc = cli_print_json(error, json);
	} else {
		t = table_new(5, heads);
		for (i = 0; i < dl->n; i++) {
			const char *row[5] = {
			        gv_time_format_both(when, dl->v[i].at,
			                            dl->v[i].tz),
			        gv_duration_format(left, sizeof(left),
			                           gv_db_now(c->db),
			                           dl->v[i].at),
			        dl->v[i].what, dl->v[i].subject, dl->v[i].rule};

			table_add(t, row);
		}
		table_print(t, stdout);
		table_free(t);
	}
	gv_deadline_list_free(dl);
	return rc;
}

const struct cli_cmd cmd_deadlines = {
        "deadlines",
        deadlines_run,
        "gavel deadlines [--body CODE] [--within DAYS] "
        "[--format text|json|ics]",
        "every open clock of every ballot and the next calls, soonest first",
        NULL,
};
