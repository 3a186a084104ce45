/* SPDX-License-Identifier: MIT */
/*
 * This file tests the one deadline function (RULES §4): calendar days as
 * start + N x 24 h in UTC, business days with weekends and a body's
 * holidays, and which clocks of a ballot apply and are open, on the worked
 * examples SMC010 and SC-080v3 (RULES §9).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"

#define DAY 86400

/* An instant, UTC. */
static int64_t
at(int64_t y, unsigned mo, unsigned d, int h, int mi)
{
	return gv_days_from_civil(y, mo, d) * DAY + h * 3600 + mi * 60;
}

/* A database with the bodies SMCWG and SCWG, no holidays. */
static struct gv_db *
clock_db(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_body_spec smc = {0}, sc = {0};
	struct gv_db *db = NULL;

	if (gv_db_open(&db, t_path("g.db"), &opts) < 0)
		return NULL;
	smc.code = "SMCWG";
	smc.name = "S/MIME Certificate Working Group";
	sc.code = "SCWG";
	sc.name = "Server Certificate Working Group";
	if (gv_body_add(NULL, db, &smc) < 0 || gv_body_add(NULL, db, &sc) < 0) {
		gv_db_free(db);
		return NULL;
	}
	return db;
}

/* Adds a holiday of a body, directly through SQL. */
static int
add_holiday(struct gv_db *db, const char *code, int64_t y, unsigned m,
            unsigned d)
{
	sqlite3_stmt *st = NULL;
	int rc;

	t_rebuild_skip();
	rc = sqlite3_prepare_v2(db->sql,
	                        "INSERT INTO holiday (body, day)"
	                        " SELECT id, ?2 FROM body WHERE code = ?1",
	                        -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, gv_days_from_civil(y, m, d));
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE && sqlite3_changes(db->sql) == 1 ? 0 : -1;
}

/* A ballot with nothing recorded. */
static void
ballot_init(struct gv_ballot *b, const char *body, const char *kind)
{
	memset(b, 0, sizeof(*b));
	b->body = (char *)body;
	b->kind = (char *)kind;
	b->proposed_at = b->discussion_ends_at = b->vote_starts_at = -1;
	b->vote_ends_at = b->results_at = b->review_starts_at = -1;
	b->review_ends_at = b->withdrawn_at = b->cancelled_at = -1;
}

/* The clock of that kind, or NULL. */
static const struct gv_clock *
find_clock(const struct gv_clocks *c, enum gv_clock_kind kind)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].kind == kind)
			return &c->v[i];
	return NULL;
}

static size_t
count_open(const struct gv_clocks *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->n; i++)
		n += c->v[i].open != 0;
	return n;
}

/* ---- Business days ---- */

static void
business_days_skip_weekends(void)
{
	struct gv_db *db = clock_db();
	int64_t t = 0;

	T_ASSERT(db);
	/* Thursday 14:00 + 3 = the following Tuesday 14:00. */
	T_EQ_INT(gv_business_days_add(&t, db, "SMCWG", at(2024, 11, 7, 14, 0),
	                              3),
	         0);
	T_EQ_INT(t, at(2024, 11, 12, 14, 0));
	/* Friday + 1 = Monday, Saturday + 1 = Monday, Sunday + 1 = Monday. */
	T_EQ_INT(gv_business_days_add(&t, db, "SMCWG", at(2024, 11, 8, 9, 30),
	                              1),
	         0);
	T_EQ_INT(t, at(2024, 11, 11, 9, 30));
	T_EQ_INT(gv_business_days_add(&t, db, "smcwg", at(2024, 11, 9, 23, 59),
	                              1),
	         0);
	T_EQ_INT(t, at(2024, 11, 11, 23, 59));
	T_EQ_INT(gv_business_days_add(&t, db, "SMCWG", at(2024, 11, 10, 0, 0),
	                              1),
	         0);
	T_EQ_INT(t, at(2024, 11, 11, 0, 0));
	/* 10 business days cross two weekends. */
	T_EQ_INT(gv_business_days_add(&t, db, "SMCWG", at(2024, 12, 22, 16, 0),
	                              10),
	         0);
	T_EQ_INT(t, at(2025, 1, 3, 16, 0));
	/* Before 1970 the weekdays still hold: 1969-12-31 was a Wednesday. */
	T_EQ_INT(gv_business_days_add(&t, db, "SMCWG", at(1969, 12, 31, 12, 0),
	                              3),
	         0);
	T_EQ_INT(t, at(1970, 1, 5, 12, 0));
	gv_db_free(db);
}

static void
business_days_zero_is_identity(void)
{
	struct gv_db *db = clock_db();
	int64_t t = 0;

	T_ASSERT(db);
	T_EQ_INT(gv_business_days_add(&t, db, "SMCWG", at(2024, 11, 9, 10, 0),
	                              0),
	         0);
	T_EQ_INT(t, at(2024, 11, 9, 10, 0)); /* a Saturday stays put */
	T_EQ_INT(gv_business_days_add(&t, db, "SMCWG", at(2024, 11, 7, 14, 0),
	                              0),
	         0);
	T_EQ_INT(t, at(2024, 11, 7, 14, 0));
	gv_db_free(db);
}

static void
business_days_skip_holidays(void)
{
	struct gv_db *db = clock_db();
	int64_t t = 0;

	T_ASSERT(db);
	T_EQ_INT(add_holiday(db, "SMCWG", 2024, 11, 11), 0);
	T_EQ_INT(add_holiday(db, "SMCWG", 2024, 11, 16), 0); /* a Saturday */
	/* Friday + 1 skips the weekend and Monday's holiday. */
	T_EQ_INT(gv_business_days_add(&t, db, "SMCWG", at(2024, 11, 8, 14, 0),
	                              1),
	         0);
	T_EQ_INT(t, at(2024, 11, 12, 14, 0));
	T_EQ_INT(gv_business_days_add(&t, db, "SMCWG", at(2024, 11, 7, 14, 0),
	                              3),
	         0);
	T_EQ_INT(t, at(2024, 11, 13, 14, 0));
	/* A holiday on a weekend changes nothing. */
	T_EQ_INT(gv_business_days_add(&t, db, "SMCWG", at(2024, 11, 15, 8, 0),
	                              1),
	         0);
	T_EQ_INT(t, at(2024, 11, 18, 8, 0));
	/* Holidays are per body. */
	T_EQ_INT(
	        gv_business_days_add(&t, db, "SCWG", at(2024, 11, 8, 14, 0), 1),
	        0);
	T_EQ_INT(t, at(2024, 11, 11, 14, 0));
	gv_db_free(db);
}

static void
business_days_errors(void)
{
	struct gv_db *db = clock_db();
	int64_t t = 42;

	T_ASSERT(db);
	T_EQ_INT(
	        gv_business_days_add(&t, db, "CSCWG", at(2024, 11, 7, 0, 0), 1),
	        GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "SMCWG");
	T_EQ_INT(gv_business_days_add(&t, db, "SMCWG", at(2024, 11, 7, 0, 0),
	                              -1),
	         GV_EINVALID);
	T_EQ_INT(gv_business_days_add(&t, db, "SMCWG", INT64_MAX - 10, 1),
	         GV_EINVALID);
	T_EQ_INT(t, 42);
	gv_db_free(db);
}

/* ---- Calendar days ---- */

static void
days_cross_dst_and_leap_day(void)
{
	struct gv_db *db = clock_db();
	struct gv_ballot b;
	struct gv_ballot_version v = {.n = 1};
	struct gv_clocks c;
	const struct gv_clock *k;

	T_ASSERT(db);
	/* SC-080 (E1): 2024-10-31 14:00 -> 2024-11-07 14:00 UTC, across the
	 * US change on 11-03. */
	ballot_init(&b, "SCWG", "fmg");
	b.vote_starts_at = at(2024, 10, 31, 14, 0);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 1, 0, 0)), 0);
	T_ASSERT((k = find_clock(&c, GV_CLOCK_VOTE_CLOSES)) != NULL);
	T_EQ_INT(k->at, at(2024, 11, 7, 14, 0));
	T_EQ_INT(k->at - b.vote_starts_at, 7 * DAY);
	/* 2024-02-25 + 7 days = 2024-03-03 (Feb 29 counts). */
	ballot_init(&b, "SMCWG", "fmg");
	v.posted_at = at(2024, 2, 25, 9, 15);
	b.versions = &v;
	b.nversions = 1;
	b.proposed_at = v.posted_at;
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 2, 26, 0, 0)), 0);
	T_EQ_INT(c.n, 2);
	T_EQ_INT(c.v[0].kind, GV_CLOCK_DISCUSSION_ENDS);
	T_EQ_INT(c.v[0].at, at(2024, 3, 3, 9, 15));
	T_EQ_STR(c.v[0].what, "discussion ends");
	T_EQ_STR(c.v[0].rule, "BYL 2.3(3)");
	T_EQ_INT(c.v[1].kind, GV_CLOCK_EXPIRES);
	T_EQ_INT(c.v[1].at, at(2024, 5, 25, 9, 15));
	T_EQ_STR(c.v[1].what, "expires");
	gv_db_free(db);
}

static void
expiry_at_day_90(void)
{
	struct gv_db *db = clock_db();
	struct gv_ballot_version v[2] = {{.n = 1}, {.n = 2}};
	struct gv_ballot b;
	struct gv_clocks c;
	const struct gv_clock *k;
	int64_t last = at(2024, 6, 3, 12, 0);

	T_ASSERT(db);
	ballot_init(&b, "SMCWG", "fg");
	v[0].posted_at = at(2024, 5, 1, 12, 0);
	v[1].posted_at = last; /* the clocks run from the latest version */
	b.versions = v;
	b.nversions = 2;
	b.proposed_at = v[0].posted_at;
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, last + 90 * DAY - 1), 0);
	T_ASSERT((k = find_clock(&c, GV_CLOCK_EXPIRES)) != NULL);
	T_EQ_INT(k->at, last + 90 * DAY);
	T_EQ_INT(k->at, at(2024, 9, 1, 12, 0));
	T_EQ_STR(k->rule, "BYL 2.3(3)");
	T_EQ_INT(k->open, 1);
	T_EQ_INT(find_clock(&c, GV_CLOCK_DISCUSSION_ENDS)->at, last + 7 * DAY);
	T_EQ_INT(find_clock(&c, GV_CLOCK_DISCUSSION_ENDS)->open, 0);
	/* Half-open: at day 90 exactly the ballot has expired. */
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, last + 90 * DAY), 0);
	T_EQ_INT(c.n, 2);
	T_EQ_INT(count_open(&c), 0);
	gv_db_free(db);
}

/* ---- Ballots ---- */

/* SMC010 (RULES §9 E2). The results' hour is not published: taken as the
 * Review Notice's. */
static void
smc010(struct gv_ballot *b, struct gv_ballot_version *v)
{
	ballot_init(b, "SMCWG", "fmg");
	v->n = 1;
	v->posted_at = at(2024, 11, 7, 12, 0);
	b->versions = v;
	b->nversions = 1;
	b->proposed_at = v->posted_at;
	b->discussion_ends_at = at(2024, 11, 14, 14, 0);
}

static void
smc010_discussion(void)
{
	struct gv_db *db = clock_db();
	struct gv_ballot_version v;
	struct gv_ballot b;
	struct gv_clocks c;

	T_ASSERT(db);
	smc010(&b, &v);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 10, 0, 0)), 0);
	T_EQ_INT(c.n, 2);
	/* The announced end, later than the 7 days (11-14 12:00). */
	T_EQ_INT(c.v[0].kind, GV_CLOCK_DISCUSSION_ENDS);
	T_EQ_INT(c.v[0].at, at(2024, 11, 14, 14, 0));
	T_EQ_INT(c.v[0].open, 1);
	T_EQ_INT(c.v[1].kind, GV_CLOCK_EXPIRES);
	T_EQ_INT(c.v[1].at, at(2025, 2, 5, 12, 0));
	T_EQ_INT(c.v[1].open, 1);
	/* Between 12:00 and 14:00 on 11-14 discussion is still open. */
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 14, 13, 0)), 0);
	T_EQ_INT(c.v[0].open, 1);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 14, 14, 0)), 0);
	T_EQ_INT(c.v[0].open, 0);
	/* An announced end earlier than 7 days after a newer version does not
	 * shorten the restarted clock. */
	b.discussion_ends_at = at(2024, 11, 10, 0, 0);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 10, 0, 0)), 0);
	T_EQ_INT(c.v[0].at, at(2024, 11, 14, 12, 0));
	gv_db_free(db);
}

static void
smc010_voting_and_review(void)
{
	struct gv_db *db = clock_db();
	struct gv_ballot_version v;
	struct gv_ballot b;
	struct gv_clocks c;
	static const struct {
		enum gv_clock_kind kind;
		int64_t y;
		unsigned mo, d;
		int h;
		int open;
	} want[] = {
	        {GV_CLOCK_VOTE_CLOSES, 2024, 11, 21, 14, 0},
	        {GV_CLOCK_RESULTS_DUE, 2024, 11, 26, 14, 0},
	        {GV_CLOCK_REVIEW_NOTICE_DUE, 2024, 11, 27, 16, 0},
	        {GV_CLOCK_REVIEW_NOTICE_VICE_CHAIR, 2024, 11, 29, 16, 0},
	        {GV_CLOCK_REVIEW_ENDS, 2024, 12, 22, 16, 1},
	        {GV_CLOCK_OUTCOME_NOTICE_DUE, 2024, 12, 25, 16, 1},
	        {GV_CLOCK_PUBLICATION_DUE, 2025, 1, 3, 16, 1},
	};

	T_ASSERT(db);
	smc010(&b, &v);
	b.vote_starts_at = at(2024, 11, 14, 14, 0);
	/* Voting: only the close and the results that follow it. */
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 18, 0, 0)), 0);
	T_EQ_INT(c.n, 2);
	T_EQ_INT(c.v[0].kind, GV_CLOCK_VOTE_CLOSES);
	T_EQ_INT(c.v[0].at, at(2024, 11, 21, 14, 0));
	T_EQ_STR(c.v[0].what, "voting closes");
	T_EQ_STR(c.v[0].rule, "BYL 2.3(4)");
	T_EQ_INT(c.v[0].open, 1);
	T_EQ_INT(c.v[1].kind, GV_CLOCK_RESULTS_DUE);
	T_EQ_STR(c.v[1].what, "results due");
	T_EQ_STR(c.v[1].rule, "BYL 2.3(8), 2.4(4)");
	T_EQ_INT(c.v[1].open, 1);
	/* Results overdue and not recorded: still open. */
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 12, 1, 0, 0)), 0);
	T_EQ_INT(c.v[0].open, 0);
	T_EQ_INT(c.v[1].open, 1);
	/* As of 2024-12-18 16:00 (the SMCWG call): only the review's end and
	 * the duties after it are open. */
	b.results_at = at(2024, 11, 22, 16, 0);
	b.result = (char *)"passed";
	b.review_starts_at = at(2024, 11, 22, 16, 0);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 12, 18, 16, 0)), 0);
	T_EQ_INT(c.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < c.n; i++) {
		T_EQ_INT(c.v[i].kind, want[i].kind);
		T_EQ_INT(c.v[i].at,
		         at(want[i].y, want[i].mo, want[i].d, want[i].h, 0));
		T_EQ_INT(c.v[i].open, want[i].open);
	}
	T_EQ_STR(c.v[4].what, "IPR review ends");
	T_EQ_STR(c.v[4].rule, "IPR 4.1");
	T_EQ_STR(c.v[5].what, "outcome notice due");
	T_EQ_STR(c.v[5].rule, "BYL 2.4(8)");
	T_EQ_STR(c.v[6].what, "publication due");
	T_EQ_STR(c.v[3].what, "review notice due from the Vice Chair");
	T_EQ_STR(c.v[3].rule, "BYL 2.4(5)");
	/* The same record as of an earlier clock: what happened after it
	 * does not count yet, as in the ballot's state. */
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 18, 0, 0)), 0);
	T_EQ_INT(c.n, 2);
	T_EQ_INT(count_open(&c), 2);
	T_EQ_INT(c.v[1].kind, GV_CLOCK_RESULTS_DUE);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 10, 0, 0)), 0);
	T_EQ_INT(c.n, 2);
	T_EQ_INT(c.v[0].kind, GV_CLOCK_DISCUSSION_ENDS);
	T_EQ_INT(c.v[0].open, 1);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 22, 15, 0)), 0);
	T_EQ_INT(find_clock(&c, GV_CLOCK_RESULTS_DUE)->open, 1);
	T_ASSERT(find_clock(&c, GV_CLOCK_REVIEW_ENDS) == NULL);
	/* The review ended on a Sunday; after it, only the notices. */
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 12, 22, 16, 0)), 0);
	T_EQ_INT(count_open(&c), 2);
	T_EQ_INT(find_clock(&c, GV_CLOCK_REVIEW_ENDS)->open, 0);
	gv_db_free(db);
}

static void
smc010_review_notice_pending(void)
{
	struct gv_db *db = clock_db();
	struct gv_ballot_version v;
	struct gv_ballot b;
	struct gv_clocks c;
	const struct gv_clock *k;

	T_ASSERT(db);
	smc010(&b, &v);
	b.vote_starts_at = at(2024, 11, 14, 14, 0);
	b.results_at = at(2024, 11, 21, 18, 0); /* a Thursday */
	b.result = (char *)"passed";
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 22, 0, 0)), 0);
	T_EQ_INT(c.n, 4);
	T_EQ_INT(find_clock(&c, GV_CLOCK_RESULTS_DUE)->open, 0);
	T_ASSERT((k = find_clock(&c, GV_CLOCK_REVIEW_NOTICE_DUE)) != NULL);
	T_EQ_INT(k->at, at(2024, 11, 26, 18, 0));
	T_EQ_INT(k->open, 1);
	T_ASSERT((k = find_clock(&c, GV_CLOCK_REVIEW_NOTICE_VICE_CHAIR)));
	T_EQ_INT(k->at, at(2024, 11, 28, 18, 0));
	/* Overdue notices stay open until the notice is recorded. */
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 12, 10, 0, 0)), 0);
	T_EQ_INT(count_open(&c), 2);
	/* A failed ballot, or one that is not a Draft Guideline Ballot, has
	 * no Review Notice to send. */
	b.result = (char *)"failed";
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 22, 0, 0)), 0);
	T_EQ_INT(c.n, 2);
	b.result = (char *)"passed";
	b.kind = (char *)"other";
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 22, 0, 0)), 0);
	T_EQ_INT(c.n, 2);
	gv_db_free(db);
}

static void
sc080_review(void)
{
	struct gv_db *db = clock_db();
	struct gv_ballot_version v = {.n = 3};
	struct gv_ballot b;
	struct gv_clocks c;
	const struct gv_clock *k;

	T_ASSERT(db);
	/* SC-080v3 (RULES §9 E1). */
	ballot_init(&b, "SCWG", "fmg");
	v.posted_at = at(2024, 10, 23, 20, 0);
	b.versions = &v;
	b.nversions = 1;
	b.proposed_at = v.posted_at;
	b.discussion_ends_at = at(2024, 10, 31, 13, 59);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 10, 31, 13, 0)), 0);
	T_EQ_INT(c.v[0].at, at(2024, 10, 31, 13, 59));
	b.vote_starts_at = at(2024, 10, 31, 14, 0);
	b.results_at = at(2024, 11, 7, 16, 0);
	b.result = (char *)"passed";
	b.review_starts_at = at(2024, 11, 14, 13, 0);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 12, 1, 0, 0)), 0);
	T_EQ_INT(c.n, 7);
	T_ASSERT(find_clock(&c, GV_CLOCK_DISCUSSION_ENDS) == NULL);
	T_ASSERT(find_clock(&c, GV_CLOCK_EXPIRES) == NULL);
	T_EQ_INT(find_clock(&c, GV_CLOCK_VOTE_CLOSES)->at,
	         at(2024, 11, 7, 14, 0));
	T_EQ_INT(find_clock(&c, GV_CLOCK_RESULTS_DUE)->at,
	         at(2024, 11, 12, 14, 0));
	T_ASSERT((k = find_clock(&c, GV_CLOCK_REVIEW_ENDS)) != NULL);
	T_EQ_INT(k->at, at(2024, 12, 14, 13, 0)); /* a Saturday */
	T_EQ_INT(k->open, 1);
	T_EQ_INT(find_clock(&c, GV_CLOCK_OUTCOME_NOTICE_DUE)->at,
	         at(2024, 12, 18, 13, 0));
	T_EQ_INT(find_clock(&c, GV_CLOCK_PUBLICATION_DUE)->at,
	         at(2024, 12, 27, 13, 0));
	for (size_t i = 1; i < c.n; i++)
		T_ASSERT(c.v[i - 1].at <= c.v[i].at);
	gv_db_free(db);
}

static void
final_guideline_60_days(void)
{
	struct gv_db *db = clock_db();
	struct gv_ballot b;
	struct gv_clocks c;
	const struct gv_clock *k;

	T_ASSERT(db);
	ballot_init(&b, "SMCWG", "fg");
	b.vote_starts_at = at(2024, 11, 14, 14, 0);
	b.results_at = at(2024, 11, 22, 16, 0);
	b.result = (char *)"passed";
	b.review_starts_at = at(2024, 11, 22, 16, 0);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 12, 23, 0, 0)), 0);
	T_ASSERT((k = find_clock(&c, GV_CLOCK_REVIEW_ENDS)) != NULL);
	T_EQ_INT(k->at, at(2025, 1, 21, 16, 0));
	T_EQ_INT(k->at - b.review_starts_at, 60 * DAY);
	T_EQ_INT(k->open, 1);
	/* Outcome: Wed, Thu, Fri after a Tuesday. */
	T_EQ_INT(find_clock(&c, GV_CLOCK_OUTCOME_NOTICE_DUE)->at,
	         at(2025, 1, 24, 16, 0));
	gv_db_free(db);
}

static void
holidays_move_ballot_duties(void)
{
	struct gv_db *db = clock_db();
	struct gv_ballot_version v;
	struct gv_ballot b;
	struct gv_clocks c;

	T_ASSERT(db);
	T_EQ_INT(add_holiday(db, "SMCWG", 2024, 12, 25), 0);
	T_EQ_INT(add_holiday(db, "SMCWG", 2025, 1, 1), 0);
	smc010(&b, &v);
	b.vote_starts_at = at(2024, 11, 14, 14, 0);
	b.results_at = b.review_starts_at = at(2024, 11, 22, 16, 0);
	b.result = (char *)"passed";
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 12, 18, 16, 0)), 0);
	T_EQ_INT(find_clock(&c, GV_CLOCK_OUTCOME_NOTICE_DUE)->at,
	         at(2024, 12, 26, 16, 0));
	T_EQ_INT(find_clock(&c, GV_CLOCK_PUBLICATION_DUE)->at,
	         at(2025, 1, 7, 16, 0));
	gv_db_free(db);
}

static void
stopped_ballots_have_no_clocks(void)
{
	struct gv_db *db = clock_db();
	struct gv_ballot_version v[2] = {{.n = 1}, {.n = 2}};
	struct gv_ballot b;
	struct gv_clocks c;

	T_ASSERT(db);
	/* A draft: discussion has not opened. */
	ballot_init(&b, "SMCWG", "fmg");
	v[0].posted_at = at(2024, 11, 7, 12, 0);
	b.versions = v;
	b.nversions = 1;
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 8, 0, 0)), 0);
	T_EQ_INT(c.n, 0);
	/* Cancelled during discussion. */
	b.proposed_at = v[0].posted_at;
	b.cancelled_at = at(2024, 11, 9, 0, 0);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 10, 0, 0)), 0);
	T_EQ_INT(c.n, 0);
	/* ... but not before it was cancelled. */
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 8, 0, 0)), 0);
	T_EQ_INT(c.n, 2);
	T_EQ_INT(count_open(&c), 2);
	/* Withdrawn during voting. */
	b.cancelled_at = -1;
	b.vote_starts_at = at(2024, 11, 14, 14, 0);
	b.withdrawn_at = at(2024, 11, 15, 10, 0);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 16, 0, 0)), 0);
	T_EQ_INT(c.n, 0);
	/* A new version reopens discussion with fresh 7- and 90-day clocks;
	 * the earlier vote belongs to the withdrawn round (RULES §3). */
	v[1].posted_at = at(2024, 11, 18, 9, 0);
	b.nversions = 2;
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 19, 0, 0)), 0);
	T_EQ_INT(c.n, 2);
	T_EQ_INT(c.v[0].kind, GV_CLOCK_DISCUSSION_ENDS);
	T_EQ_INT(c.v[0].at, at(2024, 11, 25, 9, 0));
	T_EQ_INT(c.v[0].open, 1);
	T_EQ_INT(c.v[1].kind, GV_CLOCK_EXPIRES);
	T_EQ_INT(c.v[1].at, at(2025, 2, 16, 9, 0));
	/* ... until it votes again. */
	b.vote_starts_at = at(2024, 11, 25, 9, 0);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, at(2024, 11, 26, 0, 0)), 0);
	T_EQ_INT(c.n, 2);
	T_EQ_INT(c.v[0].kind, GV_CLOCK_VOTE_CLOSES);
	T_EQ_INT(c.v[0].at, at(2024, 12, 2, 9, 0));
	gv_db_free(db);
}

static void
clocks_unknown_body(void)
{
	struct gv_db *db = clock_db();
	struct gv_ballot b;
	struct gv_clocks c;

	T_ASSERT(db);
	ballot_init(&b, "NOSUCHWG", "fmg");
	b.vote_starts_at = at(2024, 11, 14, 14, 0);
	T_EQ_INT(gv_ballot_clocks(&c, db, &b, 0), GV_ENOTFOUND);
	T_EQ_INT(c.n, 0);
	gv_db_free(db);
}

const struct t_case ballot_clock_tests[] = {
        {"business_days_skip_weekends", business_days_skip_weekends},
        {"business_days_zero_is_identity", business_days_zero_is_identity},
        {"business_days_skip_holidays", business_days_skip_holidays},
        {"business_days_errors", business_days_errors},
        {"days_cross_dst_and_leap_day", days_cross_dst_and_leap_day},
        {"expiry_at_day_90", expiry_at_day_90},
        {"smc010_discussion", smc010_discussion},
        {"smc010_voting_and_review", smc010_voting_and_review},
        {"smc010_review_notice_pending", smc010_review_notice_pending},
        {"sc080_review", sc080_review},
        {"final_guideline_60_days", final_guideline_60_days},
        {"holidays_move_ballot_duties", holidays_move_ballot_duties},
        {"stopped_ballots_have_no_clocks", stopped_ballots_have_no_clocks},
        {"clocks_unknown_body", clocks_unknown_body},
        {NULL, NULL},
};
