/* SPDX-License-Identifier: MIT */
/*
 * This file tests the ballot's lifecycle against RULES §3 and §4: the
 * discussion and expiry dates, the steps each state allows, and that a
 * refused step changes nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "ballot_fixture.h"
#include "gavel/gavel.h"
#include "harness.h"

/* ---- RULES §3, §4: guards and dates ---- */

/* 7 days of discussion from the latest version (BYL 2.3(3)). */
static void
discussion_guards(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	struct gv_ballot *b = NULL;
	int64_t v = t_at(p.version);

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	/* Fewer than two endorsements: no discussion. */
	T_OK(gv_ballot_new(NULL, NULL, db,
	                   &(struct gv_ballot_spec){"SMCWG", "x", "fmg",
	                                            "Issuer 1", NULL, 10},
	                   v));
	T_OK(gv_ballot_version(db, "SMC010", "text", NULL, 0, v));
	T_REFUSED(gv_ballot_discuss(db, "SMC010", v, -1), GV_ECONFLICT,
	          "needs two");
	T_OK(gv_ballot_endorse(db, "SMC010", "Issuer 2", v));
	T_REFUSED(gv_ballot_discuss(db, "SMC010", v, -1), GV_ECONFLICT,
	          "needs two");
	T_OK(gv_ballot_endorse(db, "SMC010", "Consumer 1", v));
	T_OK(gv_ballot_discuss(db, "SMC010", v, -1));
	/* Voting before the 7 days is refused with the date. */
	T_REFUSED(gv_ballot_open_vote(db, "SMC010", t_at("2024-11-14 11:59")),
	          GV_ECONFLICT, "2024-11-14 12:00 UTC");
	T_CONTAINS(gv_error_last()->message, "cannot come before");
	/* A new version restarts them. */
	T_OK(gv_ballot_version(db, "SMC010", "text v2", NULL, 0,
	                       t_at("2024-11-10 12:00")));
	T_EQ_INT(state_at(db, "SMC010", t_at("2024-11-11")),
	         GV_BALLOT_DISCUSSION);
	T_REFUSED(gv_ballot_open_vote(db, "SMC010", t_at("2024-11-14 12:00")),
	          GV_ECONFLICT, "2024-11-17 12:00 UTC");
	T_OK(gv_ballot_open_vote(db, "SMC010", t_at("2024-11-17 12:00")));
	T_OK(gv_ballot_get(&b, db, "SMC010"));
	T_EQ_INT(b->nversions, 2);
	T_EQ_INT(b->vote_ends_at, t_at("2024-11-24 12:00"));
	gv_ballot_free(b);
	gv_db_free(db);
}

/* [INTERP] RULES §3: a new version during voting withdraws the vote and
 * reopens discussion; the votes cast before it no longer count. */
static void
version_during_voting(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t start = t_at(p.vote), v2 = t_at("2024-11-16 12:00");
	const struct gv_vote *v;
	struct gv_tally *t = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	T_OK(run_to_vote(db, &p));
	T_OK(vote1(db, "SMC010", "Issuer 1", GV_VOTE_YES, start + 3600));
	T_OK(vote1(db, "SMC010", "Consumer 1", GV_VOTE_YES, start + 3600));
	T_OK(gv_ballot_version(db, "SMC010", "text v2", NULL, 0, v2));
	T_EQ_INT(state_at(db, "SMC010", v2 + 60), GV_BALLOT_DISCUSSION);
	/* The 7 days run from v2. */
	T_REFUSED(gv_ballot_open_vote(db, "SMC010", v2 + WEEK - 1),
	          GV_ECONFLICT, "2024-11-23 12:00 UTC");
	T_OK(gv_ballot_open_vote(db, "SMC010", v2 + WEEK));
	T_OK(vote1(db, "SMC010", "Issuer 2", GV_VOTE_YES, v2 + WEEK + 60));
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_EQ_INT(t->nvotes, 3);
	T_EQ_INT(t->participants, 1);
	T_ASSERT((v = ledger(t, "Issuer 1", start + 3600)) && !v->counted);
	T_ASSERT(v->reason != NULL);
	T_ASSERT((v = ledger(t, "Consumer 1", start + 3600)) && !v->counted);
	gv_tally_free(t);
	gv_db_free(db);
}

/* BYL 2.3(3): 90 days after the last version without a vote. */
static void
expiry_at_day_90(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t last = t_at("2024-01-10 12:00");

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	p.version = p.discuss = "2024-01-10 12:00";
	p.vote = NULL;
	T_OK(run_to_vote(db, &p));
	T_EQ_INT(state_at(db, "SMC010", last + 90 * DAY - 1),
	         GV_BALLOT_DISCUSSION);
	T_EQ_INT(state_at(db, "SMC010", last + 90 * DAY), GV_BALLOT_EXPIRED);
	T_REFUSED(gv_ballot_open_vote(db, "SMC010", last + 90 * DAY),
	          GV_ECONFLICT, "expired");
	T_CONTAINS(gv_error_last()->message, "2024-04-09 12:00 UTC");
	gv_db_free(db);
}

/* The steps each state allows (BYL 2.3(4), 2.4(6)-(9); IPR 4.2). */
static void
step_guards(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t end = t_at("2024-11-21 14:00"),
	        review = t_at("2024-11-22 16:00");
	struct gv_ballot *b = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	T_OK(run_to_vote(db, &p));
	T_OK(votes(db, "SMC010", "Issuer", 1, 3, GV_VOTE_YES,
	           t_at(p.vote) + DAY));
	T_OK(votes(db, "SMC010", "Consumer", 1, 2, GV_VOTE_YES,
	           t_at(p.vote) + DAY));
	T_OK(gv_ballot_set_quorum(db, "SMC010", 3, "test"));
	/* No cancelling during voting; no results before its end. */
	T_REFUSED(gv_ballot_cancel(db, "SMC010", end - DAY), GV_ECONFLICT,
	          "is in voting");
	T_REFUSED(gv_ballot_close(db, "SMC010", end - 1), GV_ECONFLICT,
	          "2024-11-21 14:00 UTC");
	/* No exclusion notice outside an IPR review. */
	T_EQ_INT(gv_ballot_exclusion(db, "SMC010", "Issuer 4", end - DAY,
	                             "patent"),
	         GV_ECONFLICT);
	T_OK(gv_ballot_close(db, "SMC010", end + 3600));
	T_EQ_INT(state_at(db, "SMC010", end + 7200), GV_BALLOT_PASSED);
	T_REFUSED(gv_ballot_close(db, "SMC010", end + 7200), GV_ECONFLICT,
	          "is passed");
	T_OK(gv_ballot_review(db, "SMC010", review));
	T_REFUSED(gv_ballot_review(db, "SMC010", review + DAY), GV_ECONFLICT,
	          "is under IPR review");
	T_EQ_INT(gv_ballot_version(db, "SMC010", "v2", NULL, 0, review + DAY),
	         GV_ECONFLICT);
	/* Outside the review period [start, end): refused. */
	T_REFUSED(gv_ballot_exclusion(db, "SMC010", "Issuer 4", review - 1,
	                              "patent"),
	          GV_ECONFLICT, "within the review period");
	T_REFUSED(gv_ballot_exclusion(db, "SMC010", "Issuer 4",
	                              review + 30 * DAY, "patent"),
	          GV_ECONFLICT, "within the review period");
	T_OK(gv_ballot_get(&b, db, "SMC010"));
	T_EQ_INT(b->exclusions, 0);
	gv_ballot_free(b);
	/* Within it: rescinded at the review's end (BYL 2.4(9)). */
	T_OK(gv_ballot_exclusion(db, "SMC010", "Issuer 4", review + 5 * DAY,
	                         "US 1,234,567"));
	T_EQ_INT(state_at(db, "SMC010", review + 30 * DAY - 1),
	         GV_BALLOT_IPR_REVIEW);
	T_EQ_INT(state_at(db, "SMC010", review + 30 * DAY),
	         GV_BALLOT_RESCINDED);

	/* Withdraw only during voting; cancel only before it. */
	p = usual("SMCWG", "SMC011", 11);
	p.vote = NULL;
	T_OK(run_to_vote(db, &p));
	T_REFUSED(gv_ballot_withdraw(db, "SMC011", t_at("2024-11-10")),
	          GV_ECONFLICT, "during voting");
	T_OK(gv_ballot_cancel(db, "SMC011", t_at("2024-11-10")));
	T_EQ_INT(state_at(db, "SMC011", t_at("2024-11-11")),
	         GV_BALLOT_CANCELLED);
	p = usual("SMCWG", "SMC012", 12);
	T_OK(run_to_vote(db, &p));
	T_OK(gv_ballot_withdraw(db, "SMC012", t_at("2024-11-15")));
	T_EQ_INT(state_at(db, "SMC012", t_at("2024-11-16")),
	         GV_BALLOT_WITHDRAWN);
	T_REFUSED(gv_ballot_withdraw(db, "SMC012", t_at("2024-11-16")),
	          GV_ECONFLICT, "during voting");
	/* A new version after the withdrawal: a fresh 7 days. */
	T_OK(gv_ballot_version(db, "SMC012", "v2", NULL, 0,
	                       t_at("2024-11-18")));
	T_EQ_INT(state_at(db, "SMC012", t_at("2024-11-19")),
	         GV_BALLOT_DISCUSSION);
	T_REFUSED(gv_ballot_open_vote(db, "SMC012", t_at("2024-11-24")),
	          GV_ECONFLICT, "2024-11-25 00:00 UTC");
	T_OK(gv_ballot_open_vote(db, "SMC012", t_at("2024-11-25")));

	/* A failed ballot has no review; a Final Guideline's lasts 60 days
	 * (IPR 4.1). */
	p = usual("SMCWG", "SMC013", 13);
	p.kind = "fg";
	T_OK(run_to_vote(db, &p));
	p = usual("SMCWG", "SMC014", 14);
	T_OK(run_to_vote(db, &p));
	T_OK(votes(db, "SMC013", "Issuer", 1, 3, GV_VOTE_YES,
	           t_at(p.vote) + DAY));
	T_OK(votes(db, "SMC013", "Consumer", 1, 2, GV_VOTE_YES,
	           t_at(p.vote) + DAY));
	T_OK(votes(db, "SMC014", "Issuer", 1, 3, GV_VOTE_NO,
	           t_at(p.vote) + DAY));
	T_OK(gv_ballot_set_quorum(db, "SMC013", 3, "test"));
	T_OK(gv_ballot_set_quorum(db, "SMC014", 3, "test"));
	T_OK(gv_ballot_close(db, "SMC013", end + 3600));
	T_OK(gv_ballot_close(db, "SMC014", end + 3600));
	T_EQ_INT(state_at(db, "SMC014", end + 7200), GV_BALLOT_FAILED);
	T_REFUSED(gv_ballot_review(db, "SMC014", review), GV_ECONFLICT,
	          "is failed");
	T_OK(gv_ballot_review(db, "SMC013", review));
	T_OK(gv_ballot_get(&b, db, "SMC013"));
	T_EQ_INT(b->review_ends_at, review + 60 * DAY);
	gv_ballot_free(b);
	T_EQ_INT(state_at(db, "SMC013", review + 60 * DAY), GV_BALLOT_ADOPTED);
	gv_db_free(db);
}

/* RULES §4: calendar days across February 29. */
static void
leap_day(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	struct gv_ballot *b = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	p.version = p.discuss = "2024-02-15 10:00";
	p.vote = "2024-02-25 10:00";
	T_OK(run_to_vote(db, &p));
	T_OK(gv_ballot_get(&b, db, "SMC010"));
	T_EQ_INT(b->vote_ends_at, t_at("2024-03-03 10:00"));
	gv_ballot_free(b);
	gv_db_free(db);
}

/* ---- Refusals change nothing ---- */

static void
bad_input_changes_nothing(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t t = t_at(p.vote) + DAY, events, nvotes, nballots;
	enum gv_vote_value value = GV_VOTE_YES;
	struct gv_ballot *b = NULL;
	char *reason = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	T_OK(run_to_vote(db, &p));
	T_OK(vote1(db, "SMC010", "Issuer 1", GV_VOTE_YES, t));
	events = t_sql_int(db, "SELECT count(*) FROM op");
	nvotes = t_sql_int(db, "SELECT count(*) FROM vote");
	nballots = t_sql_int(db, "SELECT count(*) FROM ballot");
	T_ASSERT(events > 0 && nvotes == 1 && nballots == 1);
#define UNCHANGED()                                                            \
	do {                                                                   \
		T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM op"), events);    \
		T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM vote"), nvotes);  \
		T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM ballot"),         \
		         nballots);                                            \
	} while (0)
	T_EQ_INT(gv_ballot_vote(&reason, db, "SMC099", "Issuer 2", GV_VOTE_YES,
	                        t, NULL),
	         GV_ENOTFOUND);
	T_EQ_STR(reason, NULL);
	UNCHANGED();
	T_EQ_INT(gv_ballot_vote(&reason, db, "hello", "Issuer 2", GV_VOTE_YES,
	                        t, NULL),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "not a ballot");
	UNCHANGED();
	T_EQ_INT(gv_ballot_vote(&reason, db, "SMC010", "Nowhere Inc.",
	                        GV_VOTE_YES, t, NULL),
	         GV_ENOTFOUND);
	UNCHANGED();
	T_EQ_INT(gv_vote_value_parse(&value, "maybe"), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "maybe");
	T_EQ_INT(value, GV_VOTE_YES);
	T_EQ_INT(gv_ballot_new(NULL, NULL, db,
	                       &(struct gv_ballot_spec){"SMCWG", "x", "xyz",
	                                                "Issuer 1", NULL, 0},
	                       t),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "xyz");
	UNCHANGED();
	T_EQ_INT(gv_ballot_new(NULL, NULL, db,
	                       &(struct gv_ballot_spec){"NOWG", "x", "fg",
	                                                "Issuer 1", NULL, 0},
	                       t),
	         GV_ENOTFOUND);
	T_EQ_INT(
	        gv_ballot_new(NULL, NULL, db,
	                      &(struct gv_ballot_spec){"SMCWG", "x", "fg",
	                                               "Nowhere Inc.", NULL, 0},
	                      t),
	        GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_new(NULL, NULL, db,
	                       &(struct gv_ballot_spec){"SMCWG", "x", "fg",
	                                                "Issuer 1", NULL, 10},
	                       t),
	         GV_EEXISTS);
	UNCHANGED();
	/* Every step on a ballot that does not exist, or is no ballot. */
	T_EQ_INT(gv_ballot_endorse(db, "SMC099", "Issuer 2", t), GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_version(db, "hello", NULL, NULL, 0, t), GV_EINVALID);
	T_EQ_INT(gv_ballot_discuss(db, "SMC099", t, -1), GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_open_vote(db, "hello", t), GV_EINVALID);
	T_EQ_INT(gv_ballot_close(db, "SMC099", t), GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_review(db, "SMC099", t), GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_exclusion(db, "SMC099", "Issuer 2", t, "x"),
	         GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_withdraw(db, "hello", t), GV_EINVALID);
	T_EQ_INT(gv_ballot_cancel(db, "SMC099", t), GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_set_quorum(db, "SMC099", 3, NULL), GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_set_quorum(db, "SMC010", -1, NULL), GV_EINVALID);
	T_EQ_INT(gv_ballot_get(&b, db, "SMC099"), GV_ENOTFOUND);
	T_ASSERT(b == NULL);
	UNCHANGED();
	/* A refused step on a real ballot changes nothing either. */
	T_EQ_INT(gv_ballot_close(db, "SMC010", t), GV_ECONFLICT);
	T_EQ_INT(gv_ballot_cancel(db, "SMC010", t), GV_ECONFLICT);
	T_EQ_INT(gv_ballot_endorse(db, "SMC010", "Issuer 3", t), GV_ECONFLICT);
	UNCHANGED();
	T_EQ_INT(state_at(db, "SMC010", t), GV_BALLOT_VOTING);
#undef UNCHANGED
	gv_db_free(db);
}

/* ---- What the screen offers (issue 20, item 9) ---- */

/* The check of one step: allowed, or refused with the guard's words. */
#define STEP(c, step, ok, words)                                               \
	do {                                                                   \
		T_EQ_INT((c).v[step].allowed, ok);                             \
		if (!(ok))                                                     \
			T_CONTAINS((c).v[step].why, words);                    \
		else                                                           \
			T_EQ_STR((c).v[step].why, NULL);                       \
	} while (0)

/* Each step is asked of the lifecycle itself: the answers are its guards'
 * refusals, a step waiting for a clock says which and from when, and
 * nothing asked is recorded. */
static void
steps_offered_by_the_guards(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t v = t_at(p.version), ops, events;
	struct gv_step_checks c = {0};

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	T_OK(gv_ballot_new(NULL, NULL, db,
	                   &(struct gv_ballot_spec){"SMCWG", "x", "fmg",
	                                            "Issuer 1", NULL, 10},
	                   v));
	T_OK(gv_ballot_version(db, "SMC010", "text", NULL, 0, v));
	T_OK(gv_ballot_endorse(db, "SMC010", "Issuer 2", v));
	ops = t_sql_int(db, "SELECT count(*) FROM op");
	events = t_sql_int(db, "SELECT count(*) FROM op");
	/* A draft with one endorsement: only a cancel. */
	T_OK(gv_ballot_check_steps(&c, db, "smc10", v + 60));
	T_EQ_INT(c.n, GV_STEP_COUNT);
	STEP(c, GV_STEP_DISCUSS, 0, "1 endorsement: a proposal needs two");
	STEP(c, GV_STEP_OPEN_VOTE, 0, "voting opens after a discussion");
	STEP(c, GV_STEP_CLOSE, 0, "only a ballot whose voting ended");
	STEP(c, GV_STEP_REVIEW, 0, "the IPR review follows a passed vote");
	STEP(c, GV_STEP_WITHDRAW, 0, "withdrawn during voting");
	STEP(c, GV_STEP_CANCEL, 1, "");
	T_EQ_INT(c.v[GV_STEP_DISCUSS].from, -1);
	gv_step_checks_dispose(&c);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM op"), ops);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM op"), events);
	T_EQ_INT(state_at(db, "SMC010", v + 60), GV_BALLOT_DRAFT);
	/* In discussion: voting waits for the 7 days, and says so. */
	T_OK(gv_ballot_endorse(db, "SMC010", "Consumer 1", v));
	T_OK(gv_ballot_discuss(db, "SMC010", v, -1));
	T_OK(gv_ballot_check_steps(&c, db, "SMC010", v + DAY));
	STEP(c, GV_STEP_DISCUSS, 0, "its discussion is already open");
	STEP(c, GV_STEP_OPEN_VOTE, 0,
	     "discussion ends 2024-11-14 12:00 UTC; the opening of voting "
	     "cannot come before then");
	T_EQ_INT(c.v[GV_STEP_OPEN_VOTE].from, v + WEEK);
	T_EQ_STR(c.v[GV_STEP_OPEN_VOTE].clock, "discussion ends");
	T_EQ_STR(c.v[GV_STEP_OPEN_VOTE].rule, "BYL 2.3(3)");
	STEP(c, GV_STEP_CANCEL, 1, "");
	/* Closing waits for a vote that has not opened: no clock says
	 * when. */
	T_EQ_INT(c.v[GV_STEP_CLOSE].from, -1);
	gv_step_checks_dispose(&c);
	T_OK(gv_ballot_check_steps(&c, db, "SMC010", v + WEEK));
	STEP(c, GV_STEP_OPEN_VOTE, 1, "");
	gv_step_checks_dispose(&c);
	/* Voting: withdraw now, the results from when it closes (the
	 * quorum known: the close needs it). */
	T_OK(gv_ballot_open_vote(db, "SMC010", v + WEEK));
	T_OK(gv_ballot_check_steps(&c, db, "SMC010", v + WEEK + DAY));
	T_EQ_INT(c.v[GV_STEP_CLOSE].from, -1);
	gv_step_checks_dispose(&c);
	T_OK(gv_ballot_set_quorum(db, "SMC010", 3, "test"));
	T_OK(gv_ballot_check_steps(&c, db, "SMC010", v + WEEK + DAY));
	STEP(c, GV_STEP_WITHDRAW, 1, "");
	STEP(c, GV_STEP_CANCEL, 0, "only a ballot not yet in voting");
	STEP(c, GV_STEP_CLOSE, 0, "voting closes 2024-11-21 12:00 UTC");
	T_EQ_INT(c.v[GV_STEP_CLOSE].from, v + 2 * WEEK);
	T_EQ_STR(c.v[GV_STEP_CLOSE].clock, "voting closes");
	gv_step_checks_dispose(&c);
	T_EQ_INT(state_at(db, "SMC010", v + WEEK + DAY), GV_BALLOT_VOTING);
	T_REFUSED(gv_ballot_check_steps(&c, db, "SMC099", v), GV_ENOTFOUND,
	          "SMC099");
	T_EQ_INT(c.n, 0);
	gv_db_free(db);
}

#undef STEP

const struct t_case ballot_lifecycle_tests[] = {
        {"discussion_guards", discussion_guards},
        {"version_during_voting", version_during_voting},
        {"expiry_at_day_90", expiry_at_day_90},
        {"step_guards", step_guards},
        {"leap_day", leap_day},
        {"bad_input_changes_nothing", bad_input_changes_nothing},
        {"steps_offered_by_the_guards", steps_offered_by_the_guards},
        {NULL, NULL},
};
