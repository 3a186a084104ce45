/* SPDX-License-Identifier: MIT */
/*
 * This file tests that a ballot read as of a past day (`--now`) is the
 * ballot as it stood that day when a later act changed it: a new version
 * during voting (BYL 2.3(4); RULES §3), a withdrawal, a new version during
 * discussion, a later vote of the same organisation, the close and the
 * cancellation. Each is checked where a chair reads it: `ballot show`
 * (text and JSON), the tally, `deadlines`, `ballot list` and the screen.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "screen_fixture.h"

#define RUN(now, ...) t_gavel(t_env((now), "chair"), __VA_ARGS__, NULL)
#define NOW           "2025-06-01 12:00" /* after every act below */

/* A new ballot of the demo's SMCWG (number: its number to be), drafted
 * on 05-01 with two endorsements and its first version on 05-02; 1 when
 * every step was taken. */
static int
drafted(const char *number)
{
	return RUN(NOW, "ballot", "new", "SMCWG", "--title", "T", "--kind",
	           "fmg", "--proposer", "DigiCert", "--at", "2025-05-01 09:00")
	                       ->status == 0 &&
	       RUN(NOW, "ballot", "endorse", number, "Sectigo", "--at",
	           "2025-05-01 10:00")
	                       ->status == 0 &&
	       RUN(NOW, "ballot", "endorse", number, "Google", "--at",
	           "2025-05-01 11:00")
	                       ->status == 0 &&
	       RUN(NOW, "ballot", "version", number, "--url",
	           "https://example.org/pr/2a", "--at", "2025-05-02 10:00")
	                       ->status == 0;
}

/* The demo's SMCWG with SMC011 proposed on 05-03 and voting from 05-12,
 * DigiCert voting yes on its first day. */
static int
voting_smc011(void)
{
	return RUN(NOW, "init", "--demo")->status == 0 && drafted("SMC011") &&
	       RUN(NOW, "ballot", "discuss", "SMC011", "--at",
	           "2025-05-03 10:00")
	                       ->status == 0 &&
	       RUN(NOW, "ballot", "open-vote", "SMC011", "--at",
	           "2025-05-12 10:00")
	                       ->status == 0 &&
	       RUN(NOW, "ballot", "vote", "SMC011", "DigiCert", "yes", "--at",
	           "2025-05-12 11:00")
	                       ->status == 0;
}

/* What `ballot show --format json` says as of now at a path of object
 * keys (a number indexes an array), as text: a string as it is, true,
 * false, null, a number, or the size of an array. */
static const char *
shown(const char *now, const char *a, const char *b, const char *c)
{
	static char out[512];
	const char *path[] = {a, b, c};
	json_t *doc = json_loads(
	        RUN(now, "ballot", "show", "SMC011", "--format", "json")->out,
	        0, NULL);
	json_t *v = doc;

	for (size_t i = 0; i < 3 && path[i] && v; i++)
		v = json_is_array(v)
		            ? json_array_get(v, strtoul(path[i], NULL, 10))
		            : json_object_get(v, path[i]);
	if (json_is_string(v))
		snprintf(out, sizeof(out), "%s", json_string_value(v));
	else if (json_is_array(v))
		snprintf(out, sizeof(out), "%zu", json_array_size(v));
	else if (json_is_integer(v))
		snprintf(out, sizeof(out), "%lld",
		         (long long)json_integer_value(v));
	else
		snprintf(out, sizeof(out), "%s",
		         !v || json_is_null(v) ? "null"
		         : json_is_true(v)     ? "true"
		                               : "false");
	json_decref(doc);
	return out;
}

/* The ISO instant of the clock named what in a JSON array, or "". */
static const char *
clock_in(const char *json, const char *key, const char *what)
{
	static char out[64];
	json_t *doc = json_loads(json, 0, NULL), *e;
	json_t *a = key ? json_object_get(doc, key) : doc;
	size_t i;

	out[0] = '\0';
	json_array_foreach (a, i, e) {
		const char *w = json_string_value(json_object_get(e, "what"));
		const char *at = json_string_value(json_object_get(e, "iso"));

		if (!at)
			at = json_string_value(json_object_get(e, "time"));
		if (w && at && !strcmp(w, what))
			snprintf(out, sizeof(out), "%s", at);
	}
	json_decref(doc);
	return out;
}

static const char *
show_clock(const char *now, const char *what)
{
	return clock_in(
	        RUN(now, "ballot", "show", "SMC011", "--format", "json")->out,
	        "clocks", what);
}

static const char *
deadline(const char *now, const char *what)
{
	return clock_in(RUN(now, "deadlines", "--format", "json")->out, NULL,
	                what);
}

/* The ballot's detail on the screen as of now. */
static const char *
screen_of(const char *now)
{
	const char *script =
	        t_write_file("s.txt", "view-ballots\nenter\n"
	                              ":save-display ballot.txt\nquit\n");

	if (t_gavel(scr_headless(now, "chair", script, "120x40"), NULL)
	            ->status != 0)
		return "";
	return t_read_file(t_path("ballot.txt"), NULL);
}

/* As of day, in the first round's voting (05-12 to 05-19): its clock and
 * deadline, and DigiCert's yes of 05-12 counted, the only vote then. */
static void
first_round_on(const char *day)
{
	struct t_run *r;

	T_EQ_STR(show_clock(day, "voting closes"), "2025-05-19T10:00:00Z");
	T_EQ_STR(deadline(day, "voting closes"), "2025-05-19T10:00:00Z");
	r = RUN(day, "ballot", "tally", "SMC011", "--format", "json");
	T_CONTAINS(r->out, "\"counted\": true");
	T_CONTAINS(r->out, "\"yes\": 1,");
	T_CONTAINS(r->out, "\"no\": 0,");
}

/* The new-user trial's report: a version on 05-14 withdrew the vote open
 * since 05-12 (BYL 2.3(4)), and voting opened again on 05-21. On 05-13
 * the ballot was in voting on version 1, with its clock, and the vote
 * counted; today the vote says the version withdrew it. */
static void
new_version_during_voting(void)
{
	const char *day = "2025-05-13 00:00";
	struct t_run *r;

	T_ASSERT(voting_smc011());
	T_ASSERT(RUN(NOW, "ballot", "version", "SMC011", "--url",
	             "https://example.org/pr/2c", "--at", "2025-05-14 10:00")
	                 ->status == 0);
	T_ASSERT(RUN(NOW, "ballot", "open-vote", "SMC011", "--at",
	             "2025-05-21 10:00")
	                 ->status == 0);
	r = RUN(day, "ballot", "show", "SMC011");
	T_CONTAINS(r->out, "state: voting (as of 2025-05-13 00:00 UTC)");
	T_CONTAINS(r->out, "Version 1: 2025-05-02 10:00 UTC");
	T_ASSERT(strstr(r->out, "Version 2") == NULL);
	T_ASSERT(strstr(r->out, "not counted") == NULL);
	T_EQ_STR(shown(day, "ballot", "versions", NULL), "1");
	T_EQ_STR(shown(day, "ballot", "dates", "vote_starts"),
	         "2025-05-12 10:00 UTC");
	first_round_on(day);
	r = RUN(day, "ballot", "list");
	T_CONTAINS(r->out, "SMC011  voting");
	T_CONTAINS(screen_of(day), "voting closes");

	/* Today: the second round's clock; the vote withdrawn with the
	 * first round, and why. */
	r = RUN(NOW, "ballot", "show", "SMC011");
	T_CONTAINS(r->out, "Version 2: 2025-05-14 10:00 UTC");
	T_CONTAINS(r->out, "not counted: withdrawn by version 2 of "
	                   "2025-05-14 10:00 UTC, which restarted the ballot "
	                   "(BYL 2.3(4))");
	T_EQ_STR(show_clock(NOW, "voting closes"), "2025-05-28T10:00:00Z");
	/* Between the version and the second vote: discussing again. */
	T_EQ_STR(shown("2025-05-15 00:00", "ballot", "state", NULL),
	         "discussion");
	T_EQ_STR(show_clock("2025-05-15 00:00", "voting closes"), "");
}

/* A withdrawal (BYL 2.3(4)): in voting until it, withdrawn after, and a
 * vote cast before it withdrawn with the ballot. */
static void
withdrawal(void)
{
	const char *day = "2025-05-13 00:00";
	struct t_run *r;

	T_ASSERT(voting_smc011());
	T_ASSERT(RUN(NOW, "ballot", "withdraw", "SMC011", "--at",
	             "2025-05-14 10:00")
	                 ->status == 0);
	T_ASSERT(RUN(NOW, "ballot", "vote", "SMC011", "Sectigo", "yes", "--at",
	             "2025-05-15 10:00")
	                 ->status == 0);
	T_EQ_STR(shown(day, "ballot", "state", NULL), "voting");
	first_round_on(day);
	T_EQ_STR(shown(NOW, "ballot", "state", NULL), "withdrawn");
	r = RUN(NOW, "ballot", "show", "SMC011");
	T_CONTAINS(r->out, "DigiCert  issuer  yes     not counted: withdrawn "
	                   "with the ballot on "
	                   "2025-05-14 10:00 UTC (BYL 2.3(4))");
	T_CONTAINS(r->out, "not counted: the ballot was withdrawn from "
	                   "voting");
	T_EQ_STR(deadline(NOW, "voting closes"), "");
	/* Recorded after the withdrawal, a vote cast in the withdrawn round
	 * (or before it opened) is told what `ballot show` says of it, not
	 * that voting was never open. */
	r = RUN(NOW, "ballot", "vote", "SMC011", "Sectigo", "no", "--at",
	        "2025-05-13 10:00");
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->err, "recorded, but it does not count: withdrawn with "
	                   "the ballot on 2025-05-14 10:00 UTC (BYL 2.3(4))");
	r = RUN(NOW, "ballot", "vote", "SMC011", "Google", "no", "--at",
	        "2025-05-10 10:00");
	T_CONTAINS(r->err, "does not count: cast before voting opened");
}

/* A new version during discussion clears the end announced with the
 * proposal (the 7 days run again); before it, that end stood. */
static void
new_version_during_discussion(void)
{
	const char *day = "2025-05-04 00:00";

	T_ASSERT(RUN(NOW, "init", "--demo")->status == 0);
	T_ASSERT(drafted("SMC011"));
	T_ASSERT(RUN(NOW, "ballot", "discuss", "SMC011", "--at",
	             "2025-05-03 10:00", "--until", "2025-05-15 14:00")
	                 ->status == 0);
	T_ASSERT(RUN(NOW, "ballot", "version", "SMC011", "--url", "u2", "--at",
	             "2025-05-05 10:00")
	                 ->status == 0);
	T_EQ_STR(show_clock(day, "discussion ends"), "2025-05-15T14:00:00Z");
	T_EQ_STR(deadline(day, "discussion ends"), "2025-05-15T14:00:00Z");
	T_EQ_STR(show_clock("2025-05-06 00:00", "discussion ends"),
	         "2025-05-12T10:00:00Z");
	/* Endorsements count from their day. */
	T_EQ_STR(shown("2025-05-01 09:30", "ballot", "endorsers", NULL), "0");
}

/* Acts that add to the record: a changed vote, the close, the results
 * and a cancellation, each read before and after its day. */
static void
later_vote_close_and_cancel(void)
{
	struct t_run *r;

	T_ASSERT(voting_smc011());
	T_ASSERT(RUN(NOW, "ballot", "vote", "SMC011", "DigiCert", "no", "--at",
	             "2025-05-14 11:00")
	                 ->status == 0);
	T_ASSERT(RUN(NOW, "ballot", "quorum", "SMC011", "1")->status == 0);
	T_ASSERT(RUN(NOW, "ballot", "close", "SMC011", "--at",
	             "2025-05-20 10:00")
	                 ->status == 0);
	r = RUN("2025-05-13 00:00", "ballot", "tally", "SMC011", "--format",
	        "json");
	T_ASSERT(strstr(r->out, "\"no\": 1") == NULL);
	T_CONTAINS(r->out, "\"yes\": 1");
	r = RUN("2025-05-15 00:00", "ballot", "tally", "SMC011", "--format",
	        "json");
	T_CONTAINS(r->out, "\"no\": 1");
	T_CONTAINS(r->out, "\"yes\": 0");
	T_EQ_STR(shown("2025-05-19 12:00", "ballot", "state", NULL), "closed");
	T_EQ_STR(shown("2025-05-19 12:00", "ballot", "dates", "results"),
	         "null");
	T_EQ_STR(shown(NOW, "ballot", "state", NULL), "failed");
	T_EQ_STR(shown(NOW, "ballot", "dates", "results"),
	         "2025-05-20 10:00 UTC");

	/* A cancellation: discussing until its day. */
	T_ASSERT(drafted("SMC012"));
	RUN(NOW, "ballot", "discuss", "SMC012", "--at", "2025-05-03 10:00");
	T_ASSERT(RUN(NOW, "ballot", "cancel", "SMC012", "--at",
	             "2025-05-08 10:00")
	                 ->status == 0);
	r = RUN("2025-05-07 00:00", "ballot", "list", "--state", "discussion");
	T_CONTAINS(r->out, "SMC012");
	r = RUN(NOW, "ballot", "list", "--state", "cancelled");
	T_CONTAINS(r->out, "SMC012");
}

/* The minutes of a call held while voting was open name the ballot as in
 * voting, though it was withdrawn the next day. */
static void
minutes_of_a_call_during_voting(void)
{
	struct t_run *r;
	char id[32];

	T_ASSERT(voting_smc011());
	r = RUN(NOW, "meeting", "add", "SMCWG", "2025-05-13 11:00");
	T_EQ_INT(r->status, 0);
	snprintf(id, sizeof(id), "%.*s", (int)strcspn(r->out, "\n"), r->out);
	T_EQ_INT(RUN(NOW, "meeting", "attend", id, "Ann Example (DigiCert)",
	             "--create")
	                 ->status,
	         0);
	T_EQ_INT(RUN(NOW, "meeting", "item", id, "Ballots")->status, 0);
	T_EQ_INT(RUN(NOW, "meeting", "link", id, "1", "--ballot", "SMC011")
	                 ->status,
	         0);
	T_ASSERT(RUN(NOW, "ballot", "withdraw", "SMC011", "--at",
	             "2025-05-14 10:00")
	                 ->status == 0);
	r = RUN(NOW, "minutes", id);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "- Ballot SMC011 (T): in voting");
}

/* Voting opened late in the 90 days (BYL 2.3(3)) and withdrawn later:
 * on a day after those 90 days, while voting was open, the deadlines
 * still list its close (the live ballots' shortcut, core/db_stmt_live.h,
 * must not take it for a ballot that expired unvoted). */
static void
late_vote_withdrawn_later(void)
{
	const char *day = "2025-08-01 00:00";

	T_ASSERT(RUN("2025-08-10 00:00", "init", "--demo")->status == 0);
	T_ASSERT(drafted("SMC011"));
	RUN(NOW, "ballot", "discuss", "SMC011", "--at", "2025-05-03 10:00");
	T_ASSERT(RUN(NOW, "ballot", "open-vote", "SMC011", "--at",
	             "2025-07-30 10:00")
	                 ->status == 0);
	T_ASSERT(RUN("2025-08-10 00:00", "ballot", "withdraw", "SMC011", "--at",
	             "2025-08-02 10:00")
	                 ->status == 0);
	T_EQ_STR(deadline(day, "voting closes"), "2025-08-06T10:00:00Z");
	T_EQ_STR(deadline("2025-08-10 00:00", "voting closes"), "");
}

/* An Exclusion Notice counts from the day it was received (IPR 4.2). */
static void
exclusion_notice_from_its_day(void)
{
	T_ASSERT(voting_smc011());
	T_ASSERT(RUN(NOW, "ballot", "vote", "SMC011", "Google", "yes", "--at",
	             "2025-05-12 12:00")
	                 ->status == 0);
	T_ASSERT(RUN(NOW, "ballot", "quorum", "SMC011", "2")->status == 0);
	T_ASSERT(RUN(NOW, "ballot", "close", "SMC011", "--at",
	             "2025-05-20 10:00")
	                 ->status == 0);
	T_ASSERT(RUN(NOW, "ballot", "review", "SMC011", "--at",
	             "2025-05-21 10:00")
	                 ->status == 0);
	T_ASSERT(RUN(NOW, "ballot", "exclusion", "SMC011", "Sectigo", "--at",
	             "2025-05-25 10:00")
	                 ->status == 0);
	T_EQ_STR(shown("2025-05-24 00:00", "ballot", "exclusions", NULL), "0");
	T_EQ_STR(shown(NOW, "ballot", "exclusions", NULL), "1");
	T_EQ_STR(shown("2025-05-24 00:00", "ballot", "state", NULL),
	         "ipr_review");
}

const struct t_case ballot_asof_tests[] = {
        {"new_version_during_voting", new_version_during_voting},
        {"withdrawal", withdrawal},
        {"new_version_during_discussion", new_version_during_discussion},
        {"later_vote_close_and_cancel", later_vote_close_and_cancel},
        {"minutes_of_a_call_during_voting", minutes_of_a_call_during_voting},
        {"late_vote_withdrawn_later", late_vote_withdrawn_later},
        {"exclusion_notice_from_its_day", exclusion_notice_from_its_day},
        {NULL, NULL},
};
