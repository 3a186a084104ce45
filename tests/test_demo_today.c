/* SPDX-License-Identifier: MIT */
/*
 * This file tests the demo placed at the clock (issue 20, item 1):
 * `gavel init --demo --today`, which `make run` opens, shows a live
 * working group whatever the date: ballots in discussion, voting and IPR
 * review, a call ahead and open issues, with every clock as RULES.md
 * sets it and nothing dated after the clock.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "demo_internal.h"
#include "gavel/gavel.h"
#include "harness.h"
#include "screen_fixture.h"
#include "install_fixture.h"

/* Whether the JSON list text has an element whose key is value. */
static int
has(const char *text, const char *key, const char *value)
{
	json_t *doc = json_loads(text, 0, NULL), *item;
	size_t i;
	int found = 0;

	json_array_foreach (doc, i, item) {
		const char *v = json_string_value(json_object_get(item, key));

		found |= v && !strcmp(v, value);
	}
	json_decref(doc);
	return found;
}

/* Removes the test's database and the guideline written beside it. */
static void
fresh(void)
{
	char cmd[8192];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s' '%s-wal' '%s-shm' '%s'",
	         t_path("g.db"), t_path("g.db"), t_path("g.db"),
	         t_path("g-guideline"));
	if (system(cmd) != 0)
		t_fail(__FILE__, __LINE__, "cannot remove %s", t_path("g.db"));
}

/* The demo made at now (NULL: the real clock) is live; fails the test
 * naming the date otherwise. */
static void
live_at(const char *now)
{
	const char *const *env = t_env(now, "chair");
	static const char *const states[] = {"discussion", "voting",
	                                     "ipr_review"};
	const char *at = now ? now : "today";
	struct t_run *r;
	json_t *doc;
	int64_t clock, next;
	size_t i;

	fresh();
	r = t_gavel(env, "init", "--demo", "--today", NULL);
	T_EQ_INT(r->status, 0);
	if (now)
		T_EQ_INT(gv_time_parse(&clock, now), 0);
	else
		clock = (int64_t)time(NULL);
	r = t_gavel(env, "ballot", "list", "--format", "json", NULL);
	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		if (!has(r->out, "state", states[i]))
			t_fail(__FILE__, __LINE__, "%s: no ballot in %s", at,
			       states[i]);
	/* Every ballot passes the checks of RULES §8 (7-day vote, IPR
	 * length, discussion of 7 days, two endorsers, ...). */
	for (i = 10; i <= 13; i++) {
		char ref[16];

		snprintf(ref, sizeof(ref), "SMC%03zu", i);
		r = t_gavel(env, "ballot", "lint", ref, NULL);
		if (r->status != 0)
			t_fail(__FILE__, __LINE__, "%s: %s: %s", at, ref,
			       r->out);
	}
	/* A call ahead. */
	r = t_gavel(env, "meeting", "next", "SMCWG", "--format", "json", NULL);
	T_EQ_INT(r->status, 0);
	doc = json_loads(r->out, 0, NULL);
	T_ASSERT(doc);
	T_EQ_INT(gv_time_parse(&next,
	                       json_string_value(json_object_get(
	                               json_object_get(doc, "when"), "iso"))),
	         0);
	json_decref(doc);
	if (next <= clock || next > clock + 35 * 86400)
		t_fail(__FILE__, __LINE__, "%s: the next call is not ahead",
		       at);
	r = t_gavel(env, "issue", "list", "--format", "json", NULL);
	T_ASSERT(has(r->out, "state", "open"));
	/* Nothing has happened after the clock: no act, no vote, no roll
	 * call of a meeting still to come. */
	T_EQ_INT(t_file_int("SELECT count(*) FROM op WHERE at > ?1", clock), 0);
	T_EQ_INT(t_file_int("SELECT count(*) FROM vote WHERE cast_at > ?1",
	                    clock),
	         0);
	T_EQ_INT(t_file_int("SELECT count(*) FROM attendance a JOIN meeting "
	                    "m ON m.id = a.meeting WHERE m.starts_at > ?1",
	                    clock),
	         0);
}

static void
live_whatever_the_date(void)
{
	static const char *const days[] = {
	        "2024-12-18 17:00",    /* the week as recorded, its start */
	        "2024-12-25 16:59:59", /* its last second */
	        "2026-03-08 07:30",    /* New York springs forward */
	        "2027-07-01 09:00",    /* summer */
	        "2028-02-29 12:00",    /* a leap day */
	        "2019-11-03 06:30",    /* New York falls back, years before */
	        "2031-12-31 23:59",
	};
	size_t i;

	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++)
		live_at(days[i]);
	live_at(NULL); /* and today, whatever day the tests run */
}

/* The week turns: a second before, the vote closes; at it, the vote of
 * the next placement has just opened, with no votes yet. */
static void
week_boundary(void)
{
	const char *const *env = t_env("2026-12-09 16:59:59", "chair");
	struct t_run *r;

	T_EQ_INT(t_gavel(env, "init", "--demo", "--today", NULL)->status, 0);
	r = t_gavel(env, "ballot", "show", "SMC012", NULL);
	T_CONTAINS(r->out, "2026-12-09 17:00 UTC (12:00 EST)  voting closes");
	T_CONTAINS(r->out, "2026-12-02 18:05 UTC  DigiCert");
	r = t_gavel(env, "ballot", "tally", "SMC012", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"participants\": 13");
	fresh();
	env = t_env("2026-12-09 17:00", "chair");
	T_EQ_INT(t_gavel(env, "init", "--demo", "--today", NULL)->status, 0);
	r = t_gavel(env, "ballot", "show", "SMC012", NULL);
	T_CONTAINS(r->out, "2026-12-16 17:00 UTC (12:00 EST)  voting closes");
	r = t_gavel(env, "ballot", "tally", "SMC012", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"participants\": 0");
}

/* Its texts name the moved dates; calls keep 11:00 in New York. */
static void
texts_and_calls_move_with_it(void)
{
	const char *const *env = t_env("2026-12-06 11:48", "chair");
	struct t_run *r;

	T_EQ_INT(t_gavel(env, "init", "--demo", "--today", NULL)->status, 0);
	r = t_gavel(env, "minutes", "2", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "2026-12-02 Minutes of the S/MIME Certificate");
	T_CONTAINS(r->out, "Its IPR review completes on December 6;");
	T_CONTAINS(r->out, "30 people attended, for 20 voting members.");
	T_CONTAINS(r->out, "The call of December 16, 2026 is cancelled.");
	T_ASSERT(!strstr(r->out, "2024") && !strstr(r->out, "{{"));
	r = t_gavel(env, "meeting", "list", NULL);
	T_CONTAINS(r->out, "Wed 2026-12-02 11:00 EST");
	T_CONTAINS(r->out, "cancelled");
	r = t_gavel(env, "ballot", "show", "SMC010", NULL);
	T_CONTAINS(r->out, "optional from February 27, 2027");
	/* Summer: the same wall clock, an hour earlier in UTC. */
	fresh();
	env = t_env("2027-07-01 09:00", "chair");
	T_EQ_INT(t_gavel(env, "init", "--demo", "--today", NULL)->status, 0);
	r = t_gavel(env, "meeting", "list", NULL);
	T_CONTAINS(r->out, "15:00 UTC  Wed 2027-06-16 11:00 EDT");
}

/* The first screen shows them: each ballot's clock and the next call. */
static void
first_screen(void)
{
	const char *now = "2026-12-06 11:48";
	const char *script =
	        t_write_file("s.txt", ":save-display dash.txt\nquit\n");
	char *dash;

	T_EQ_INT(t_gavel(t_env(now, "chair"), "init", "--demo", "--today", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(scr_headless(now, "chair", script, "120x40"), NULL)
	                 ->status,
	         0);
	T_ASSERT((dash = t_read_file(t_path("dash.txt"), NULL)));
	T_CONTAINS(dash, "SMC013");
	T_CONTAINS(dash, "SMC012");
	T_CONTAINS(dash, "SMC011");
	T_CONTAINS(dash, "next call");
}

/* `gavel init --demo` stays the record, whatever the clock. */
static void
as_recorded_without_today(void)
{
	const char *const *env = t_env("2026-12-06 11:48", "chair");
	struct t_run *r;

	T_EQ_INT(t_gavel(env, "init", "--demo", NULL)->status, 0);
	r = t_gavel(env, "ballot", "list", NULL);
	T_CONTAINS(r->out, "SMC010");
	T_ASSERT(!strstr(r->out, "SMC011"));
	r = t_gavel(env, "meeting", "list", NULL);
	T_CONTAINS(r->out, "Wed 2024-12-18 11:00 EST");
	r = t_gavel(env, "init", "--today", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "--today goes with --demo");
}

/* `make run` builds a fresh demo of this week and opens it (in a pipe
 * the overview, so the test can run it). */
static void
make_run(void)
{
	char cmd[8192], *out;
	struct gv_db_options opts = {0, 0};
	struct gv_db *db = NULL;
	struct gv_ballot_list *l = NULL;
	size_t i;
	int voting = 0;

	snprintf(cmd, sizeof(cmd), "run DEMO_DB='%s' </dev/null",
	         t_path("demo.db"));
	T_ASSERT((out = t_make(cmd)));
	T_CONTAINS(out, "SMCWG    S/MIME Certificate Working Group");
	/* A second run starts afresh: what the first left is gone. */
	T_EQ_INT(t_gavel(NULL, "--db", t_path("demo.db"), "issue", "add",
	                 "SMCWG", "--title", "Left over", NULL)
	                 ->status,
	         0);
	T_ASSERT((out = t_make(cmd)));
	T_EQ_INT(gv_db_open(&db, t_path("demo.db"), &opts), 0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM issue WHERE title = "
	                       "'Left over'"),
	         0);
	T_EQ_INT(gv_ballot_list(&l, db, NULL), 0);
	for (i = 0; i < l->n; i++)
		voting += l->v[i]->state == GV_BALLOT_VOTING;
	gv_ballot_list_free(l);
	gv_db_free(db);
	T_EQ_INT(voting, 1);
	/* It deletes what DEMO_DB names first, so a group's record is never
	 * taken for the demo. */
	T_ASSERT(t_write_file("group.db", "a group's record\n") != NULL);
	snprintf(cmd, sizeof(cmd),
	         "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s "
	         "--no-print-directory BUILD='%s' BIN='%s' run DEMO_DB='%s' "
	         "</dev/null 2>&1; echo rc=$?",
	         t_build_dir(), t_gavel_bin(), t_path("group.db"));
	T_ASSERT((out = t_shell_output(cmd)));
	T_CONTAINS(out, "DEMO_DB must name a file demo.db");
	T_CONTAINS(out, "rc=2");
	T_EQ_STR(t_read_file(t_path("group.db"), NULL), "a group's record\n");
}

/* A date placeholder of the demo's texts, and the ones it refuses. */
static void
text_placeholders(void)
{
	const struct gv__demo_clock two_weeks = {14 * 86400, INT64_MAX};
	char *out = NULL;

	T_EQ_INT(gv__demo_text(&out,
	                       "on {{day 2024-12-22}}, {{date 2025-01-01}} "
	                       "and {{iso 2024-12-18}}",
	                       &two_weeks),
	         0);
	T_EQ_STR(out, "on January 5, January 15, 2025 and 2025-01-01");
	free(out);
	T_EQ_INT(gv__demo_text(&out, "{{week 2024-12-22}}", &two_weeks),
	         GV_EINVALID);
	T_EQ_INT(gv__demo_text(&out, "{{day 2024-02-30}}", &two_weeks),
	         GV_EINVALID);
	T_EQ_INT(gv__demo_text(&out, "open {{day 2024-12-22", &two_weeks),
	         GV_EINVALID);
	T_ASSERT(!out);
}

const struct t_case demo_today_tests[] = {
        {"live_whatever_the_date", live_whatever_the_date},
        {"week_boundary", week_boundary},
        {"texts_and_calls_move_with_it", texts_and_calls_move_with_it},
        {"first_screen", first_screen},
        {"as_recorded_without_today", as_recorded_without_today},
        {"make_run", make_run},
        {"text_placeholders", text_placeholders},
        {NULL, NULL},
};
