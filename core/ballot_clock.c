/* SPDX-License-Identifier: MIT */
/*
 * This file implements the one deadline function (RULES §4): every clock of
 * a ballot, computed from its recorded instants, and the business-day
 * arithmetic those clocks use.
 */
#include <assert.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"
#include "gavel/ballot.h"
#include "gavel/roster.h"

#define DAY 86400

/* Instants from 0001-01-01 to 9999-12-31 UTC: what gv_time_format writes,
 * and far from int64_t overflow when days are added. */
#define INSTANT_MIN (-62135596800LL)
#define INSTANT_MAX 253402300799LL

static const struct {
	const char *what;
	const char *rule;
} clock_text[] = {
        [GV_CLOCK_DISCUSSION_ENDS] = {"discussion ends", "BYL 2.3(3)"},
        [GV_CLOCK_EXPIRES] = {"expires", "BYL 2.3(3)"},
        [GV_CLOCK_VOTE_CLOSES] = {"voting closes", "BYL 2.3(4)"},
        [GV_CLOCK_RESULTS_DUE] = {"results due", "BYL 2.3(8), 2.4(4)"},
        [GV_CLOCK_REVIEW_NOTICE_DUE] = {"review notice due", "BYL 2.4(5)"},
        [GV_CLOCK_REVIEW_NOTICE_VICE_CHAIR] =
                {"review notice due from the Vice Chair", "BYL 2.4(5)"},
        [GV_CLOCK_REVIEW_ENDS] = {"IPR review ends", "IPR 4.1"},
        [GV_CLOCK_OUTCOME_NOTICE_DUE] = {"outcome notice due", "BYL 2.4(8)"},
        [GV_CLOCK_PUBLICATION_DUE] = {"publication due", "BYL 2.4(8)"},
};

static int
clock_range_error(int64_t t)
{
	return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
	                     "instant %lld is out of range", (long long)t);
}

/*
 * t plus days calendar days: the same clock time, UTC, whatever the DST
 * of any zone does (RULES §4: SC-080 voted 2024-10-31 14:00 to 2024-11-07
 * 14:00 UTC across the US change).
 */
static int
clock_add_days(int64_t *out, int64_t t, int days)
{
	if (t < INSTANT_MIN || t > INSTANT_MAX - (int64_t)days * DAY)
		return clock_range_error(t);
	*out = t + (int64_t)days * DAY;
	return 0;
}

/* The UTC calendar day of t (days since 1970-01-01, rounded down). */
static int64_t
clock_day(int64_t t)
{
	int64_t d = t / DAY;

	return t % DAY < 0 ? d - 1 : d;
}

/* Saturday or Sunday on the UTC calendar (1970-01-01 was a Thursday). */
static int
clock_weekend(int64_t day)
{
	int64_t wd = ((day % 7) + 7 + 4) % 7; /* 0 = Sunday */

	return wd == 0 || wd == 6;
}

/* 1 if day is a business day of the body, 0 if not, or an error code. */
static int
clock_business_day(struct gv_db *db, int64_t body_id, int64_t day)
{
	int error;
	sqlite3_stmt *st;
	int rc;

	if (clock_weekend(day))
		return 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_HOLIDAY_ON)) < 0)
		return error;
	gv__bind_int(st, 1, body_id);
	gv__bind_int(st, 2, day);
	rc = gv__db_has_row(db, st);
	return rc < 0 ? rc : !rc;
}

/*
 * Business days (RULES §4, [UNCONFIRMED]): Monday to Friday on the UTC
 * calendar, less the body's holidays. Steps a calendar day at a time,
 * keeping the clock time, and counts only the business days it lands on.
 */
static int
business_days_add_id(int64_t *out, struct gv_db *db, int64_t body_id, int64_t t,
                     int n)
{
	int64_t at = t;
	int counted = 0, rc;

	if (n < 0)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "negative number of business days %d", n);
	/* n business days take at least n calendar days. */
	if ((rc = clock_add_days(&at, t, n)) < 0)
		return rc;
	at = t;
	while (counted < n) {
		if ((rc = clock_add_days(&at, at, 1)) < 0)
			return rc;
		if ((rc = clock_business_day(db, body_id, clock_day(at))) < 0)
			return rc;
		counted += rc;
	}
	*out = at;
	return 0;
}

int
gv_business_days_add(int64_t *out, struct gv_db *db, const char *body,
                     int64_t t, int n)
{
	struct gv_body b;
	int error;

	assert(out && db);
	if ((error = gv_body_get(&b, db, body)) < 0)
		return error;
	error = business_days_add_id(out, db, b.id, t, n);
	gv_body_dispose(&b);
	return error;
}

/* Adds a clock; gv_ballot_clocks sorts them at the end. */
static void
clock_push(struct gv_clocks *out, enum gv_clock_kind kind, int64_t at, int open)
{
	struct gv_clock *c;

	assert(out->n < sizeof(out->v) / sizeof(out->v[0]));
	c = &out->v[out->n++];
	c->kind = kind;
	c->at = at;
	c->what = clock_text[kind].what;
	c->rule = clock_text[kind].rule;
	c->open = open;
}

/* Time order; on a tie, the order of the lifecycle (enum order). */
static void
clock_sort(struct gv_clocks *out)
{
	for (size_t i = 1; i < out->n; i++) {
		struct gv_clock c = out->v[i];
		size_t j = i;

		while (j > 0 && (out->v[j - 1].at > c.at ||
		                 (out->v[j - 1].at == c.at &&
		                  out->v[j - 1].kind > c.kind))) {
			out->v[j] = out->v[j - 1];
			j--;
		}
		out->v[j] = c;
	}
}

static int
clock_is(const char *s, const char *want)
{
	return s && strcmp(s, want) == 0;
}

/* Discussion: the earliest vote and the expiry (BYL 2.3(3)). */
static void
clocks_discussion(struct gv_clocks *out, const struct gv__ballot_acts *a,
                  int64_t now)
{
	clock_push(out, GV_CLOCK_DISCUSSION_ENDS, a->discussion_end,
	           now < a->discussion_end);
	clock_push(out, GV_CLOCK_EXPIRES, a->expires, now < a->expires);
}

/* The IPR review and the duties after it (IPR 4.1; BYL 2.4(8)). */
static int
clocks_review(struct gv_clocks *out, struct gv_db *db, int64_t body_id,
              const struct gv_ballot *b, int64_t review, int64_t now)
{
	int64_t ends = 0, outcome = 0, publication = 0;
	int error;

	if ((error = clock_add_days(&ends, review,
	                            clock_is(b->kind, "fg") ? 60 : 30)) < 0 ||
	    (error = business_days_add_id(&outcome, db, body_id, ends, 3)) <
	            0 ||
	    (error = business_days_add_id(&publication, db, body_id, ends,
	                                  10)) < 0)
		return error;
	clock_push(out, GV_CLOCK_REVIEW_ENDS, ends, now < ends);
	/* The tracker does not record these notices yet: open until due. */
	clock_push(out, GV_CLOCK_OUTCOME_NOTICE_DUE, outcome, now < outcome);
	clock_push(out, GV_CLOCK_PUBLICATION_DUE, publication,
	           now < publication);
	return 0;
}

/* Voting, its results, the Review Notice and the review. */
static int
clocks_vote(struct gv_clocks *out, struct gv_db *db, int64_t body_id,
            const struct gv_ballot *b, const struct gv__ballot_acts *a,
            int64_t now)
{
	int64_t closes = 0, due = 0, notice = 0, vice = 0;
	int64_t results = a->results, review = a->review;
	int guideline = clock_is(b->kind, "fg") || clock_is(b->kind, "fmg");
	int error;

	/* Exactly 7 days (BYL 2.3(4)), results within 3 business days of
	 * the close (BYL 2.3(8), 2.4(4)). */
	if ((error = clock_add_days(&closes, a->vote, 7)) < 0 ||
	    (error = business_days_add_id(&due, db, body_id, closes, 3)) < 0)
		return error;
	clock_push(out, GV_CLOCK_VOTE_CLOSES, closes, now < closes);
	/* A later recorded step implies the results were announced (a
	 * ballot recorded from its posts may lack their hour). */
	clock_push(out, GV_CLOCK_RESULTS_DUE, due,
	           results == -1 && review == -1);
	if (!guideline)
		return 0;
	/* A passed Draft Guideline Ballot: the Chair's Review Notice by the
	 * 3rd business day after the results, the Vice Chair's after 5
	 * (BYL 2.4(5)). */
	if (results != -1 && clock_is(b->result, "passed")) {
		if ((error = business_days_add_id(&notice, db, body_id, results,
		                                  3)) < 0 ||
		    (error = business_days_add_id(&vice, db, body_id, results,
		                                  5)) < 0)
			return error;
		clock_push(out, GV_CLOCK_REVIEW_NOTICE_DUE, notice,
		           review == -1);
		clock_push(out, GV_CLOCK_REVIEW_NOTICE_VICE_CHAIR, vice,
		           review == -1);
	}
	if (review != -1)
		return clocks_review(out, db, body_id, b, review, now);
	return 0;
}

int
gv_ballot_clocks(struct gv_clocks *out, struct gv_db *db,
                 const struct gv_ballot *b, int64_t now)
{
	struct gv_body body;
	struct gv__ballot_acts a;
	int error;

	assert(out && db && b);
	memset(out, 0, sizeof(*out));
	gv__ballot_acts(&a, b, now);
	/* The expiry adds the most days to an instant of the discussion. */
	if (a.discussion_start > INSTANT_MAX - 90 * DAY)
		return clock_range_error(a.discussion_start);
	if ((error = gv_body_get(&body, db, b->body)) < 0)
		return error;
	/* Cancelled, or withdrawn with no new version since: nothing runs. */
	if (a.cancelled >= 0 || a.withdrawn >= 0)
		goto out;
	if (a.vote >= 0)
		error = clocks_vote(out, db, body.id, b, &a, now);
	else if (a.discussion_start >= 0)
		clocks_discussion(out, &a, now);
	if (error < 0) {
		out->n = 0;
		goto out;
	}
	clock_sort(out);
out:
	gv_body_dispose(&body);
	return error;
}
