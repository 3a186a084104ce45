/* SPDX-License-Identifier: MIT */
/*
 * This file implements building a body's year report: which ballots and
 * meetings fall in the year, each ballot's periods read from the one
 * reading of its acts (core/ballot_acts.c) and the dates of its clocks,
 * its tally, and the quorum baseline in force after each meeting. Nothing
 * is counted here; the writers are in core/report_*.c.
 */
#include <string.h>

#include "ballot_internal.h"
#include "gavel/db.h"
#include "gavel/report.h"
#include "gavel/roster.h"
#include "gavel/time.h"
#include "internal.h"

static const char *const phase_names[] = {
        [GV_PHASE_DISCUSSION] = "discussion",
        [GV_PHASE_VOTING] = "voting",
        [GV_PHASE_REVIEW] = "IPR review",
};

const char *
gv_report_phase_name(enum gv_report_phase phase)
{
	return phase_names[phase];
}

static const char *const state_texts[] = {
        [GV_BALLOT_DRAFT] = "draft",
        [GV_BALLOT_DISCUSSION] = "in discussion",
        [GV_BALLOT_EXPIRED] = "expired",
        [GV_BALLOT_VOTING] = "in voting",
        [GV_BALLOT_CLOSED] = "voting closed, results due",
        [GV_BALLOT_PASSED] = "passed",
        [GV_BALLOT_FAILED] = "failed",
        [GV_BALLOT_INVALID] = "failed: no quorum",
        [GV_BALLOT_IPR_REVIEW] = "in IPR review",
        [GV_BALLOT_ADOPTED] = "adopted",
        [GV_BALLOT_RESCINDED] = "rescinded: exclusion notices",
        [GV_BALLOT_WITHDRAWN] = "withdrawn",
        [GV_BALLOT_CANCELLED] = "cancelled",
};

const char *
gv_report_state_text(enum gv_ballot_state state)
{
	return state_texts[state];
}

/* The date of a clock of the ballot's, or fallback when it has none. */
static int64_t
clock_at(const struct gv_clocks *c, enum gv_clock_kind kind, int64_t fallback)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].kind == kind)
			return c->v[i].at;
	return fallback;
}

static void
period_add(struct gv_report_ballot *rb, enum gv_report_phase phase,
           int64_t start, int64_t end)
{
	if (start < 0 || end < start)
		return;
	rb->periods[rb->nperiods].phase = phase;
	rb->periods[rb->nperiods].start = start;
	rb->periods[rb->nperiods++].end = end;
}

/*
 * The discussion runs from the proposal (a new version restarts its
 * clock, not the period) to the vote, or to the withdrawal, cancellation
 * or expiry that ended it; while it lasts, to the earliest vote the rules
 * allow, or to now when that has passed and voting has not opened.
 */
static int64_t
discussion_end(const struct gv__ballot_acts *a, const struct gv_ballot *b,
               const struct gv_clocks *c, int64_t now)
{
	int64_t earliest;

	if (a->vote >= 0)
		return a->vote;
	if (a->withdrawn >= 0)
		return a->withdrawn;
	if (a->cancelled >= 0)
		return a->cancelled;
	if (b->state == GV_BALLOT_EXPIRED)
		return a->expires;
	earliest = clock_at(c, GV_CLOCK_DISCUSSION_ENDS, a->discussion_end);
	return earliest > now ? earliest : now;
}

/* When the ballot's course ended, as its state says, or -1. */
static int64_t
ended_at(const struct gv__ballot_acts *a, const struct gv_ballot *b)
{
	switch (b->state) {
	case GV_BALLOT_ADOPTED:
	case GV_BALLOT_RESCINDED:
		return a->review_ends;
	case GV_BALLOT_WITHDRAWN:
		return a->withdrawn;
	case GV_BALLOT_CANCELLED:
		return a->cancelled;
	case GV_BALLOT_EXPIRED:
		return a->expires;
	default:
		return -1;
	}
}

/* The ballot's periods and results as of now (the current round: a new
 * version during voting withdrew the vote before it). */
static int
ballot_read(struct gv_report_ballot *rb, struct gv_db *db,
            const struct gv_ballot *b, int64_t now)
{
	struct gv__ballot_acts a;
	struct gv_clocks c;
	int64_t proposed;
	int error;

	memset(rb, 0, sizeof(*rb));
	rb->ballot = b;
	gv__ballot_acts(&a, b, now);
	if ((error = gv_ballot_clocks(&c, db, b, now)) < 0)
		return error;
	proposed = b->proposed_at >= 0 && b->proposed_at <= now
	                   ? b->proposed_at
	                   : a.discussion_start;
	if (a.discussion_start >= 0)
		period_add(rb, GV_PHASE_DISCUSSION, proposed,
		           discussion_end(&a, b, &c, now));
	if (a.vote >= 0)
		period_add(rb, GV_PHASE_VOTING, a.vote,
		           a.withdrawn > a.vote
		                   ? a.withdrawn
		                   : clock_at(&c, GV_CLOCK_VOTE_CLOSES,
		                              b->vote_ends_at));
	if (a.review >= 0)
		period_add(
		        rb, GV_PHASE_REVIEW, a.review,
		        clock_at(&c, GV_CLOCK_REVIEW_ENDS, b->review_ends_at));
	rb->results_at = a.results;
	rb->ended_at = ended_at(&a, b);
	if (a.vote >= 0)
		return gv_ballot_tally(&rb->tally, db, b->number);
	return 0;
}

static void
span_add(int64_t *lo, int64_t *hi, int64_t t)
{
	if (t < 0)
		return;
	if (*lo < 0 || t < *lo)
		*lo = t;
	if (t > *hi)
		*hi = t;
}

/* Whether anything of the ballot (a version posted, a period, its
 * results or its end) falls in [from, to). */
static int
ballot_in(const struct gv_report_ballot *rb, int64_t from, int64_t to,
          int64_t now)
{
	const struct gv_ballot *b = rb->ballot;
	int64_t lo = -1, hi = -1;
	size_t i;

	for (i = 0; i < b->nversions; i++)
		if (b->versions[i].posted_at <= now)
			span_add(&lo, &hi, b->versions[i].posted_at);
	for (i = 0; i < rb->nperiods; i++) {
		span_add(&lo, &hi, rb->periods[i].start);
		span_add(&lo, &hi, rb->periods[i].end);
	}
	span_add(&lo, &hi, rb->results_at);
	span_add(&lo, &hi, rb->ended_at);
	return lo >= 0 && lo < to && hi >= from;
}

static int
report_ballots(struct gv_report *r, struct gv_db *db)
{
	struct gv_report_ballot rb;
	size_t i, alloc = 0;
	int error;

	if ((error = gv_ballot_list(&r->all_ballots, db, r->body)) < 0)
		return error;
	for (i = 0; i < r->all_ballots->n; i++) {
		if ((error = ballot_read(&rb, db, r->all_ballots->v[i],
		                         r->now)) < 0) {
			gv_tally_free(rb.tally);
			return error;
		}
		if (!ballot_in(&rb, r->from, r->to, r->now)) {
			gv_tally_free(rb.tally);
			continue;
		}
		r->ballots = gv__grow(r->ballots, &alloc, r->nballots,
		                      sizeof(*r->ballots));
		r->ballots[r->nballots++] = rb;
	}
	return 0;
}

/* The baseline in force after before - 1 (0 and has set, or has unset
 * when no meeting with a roll call precedes it). */
static int
baseline_at(struct gv_baseline *out, int *has, struct gv_db *db,
            const char *body, int64_t before)
{
	int error = gv_meeting_baseline(out, db, body, before);

	*has = error == 0;
	return error == GV_ENOTFOUND ? 0 : error;
}

static int
report_meetings(struct gv_report *r, struct gv_db *db)
{
	struct gv_meeting_filter filter = {0};
	struct gv_report_meeting *rm;
	const struct gv_meeting *m;
	size_t i, alloc = 0;
	int error;

	filter.body = r->body;
	if ((error = gv_meeting_list(&r->all_meetings, db, &filter)) < 0)
		return error;
	for (i = 0; i < r->all_meetings->n; i++) {
		m = &r->all_meetings->v[i];
		/* The body's own meetings, those quorum counts (BYL 2.3(7)). */
		if (m->subcommittee || m->starts_at < r->from ||
		    m->starts_at >= r->to)
			continue;
		r->meetings = gv__grow(r->meetings, &alloc, r->nmeetings,
		                       sizeof(*r->meetings));
		rm = &r->meetings[r->nmeetings++];
		memset(rm, 0, sizeof(*rm));
		rm->meeting = m;
		if (m->starts_at <= r->now &&
		    (error = baseline_at(&rm->baseline, &rm->has_baseline, db,
		                         r->body, m->starts_at + 1)) < 0)
			return error;
	}
	if (r->from <= r->now)
		return baseline_at(&r->start_baseline, &r->has_start_baseline,
		                   db, r->body, r->from);
	return 0;
}

int
gv_report_build(struct gv_report **out, struct gv_db *db, const char *body,
                int year)
{
	struct gv_body b = {0};
	struct gv_report *r;
	int error;

	*out = NULL;
	if (year < 1970 || year > 9999)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "year %d is not one from 1970 to 9999",
		                     year);
	if ((error = gv_body_get(&b, db, body)) < 0)
		return error;
	r = gv__xcalloc(1, sizeof(*r));
	r->body = gv__xstrdup(b.code);
	r->name = gv__xstrdup(b.name);
	r->tz = gv__xstrdup(b.tz);
	gv_body_dispose(&b);
	r->year = year;
	r->from = gv_days_from_civil(year, 1, 1) * GV__DAY;
	r->to = gv_days_from_civil(year + 1, 1, 1) * GV__DAY;
	r->now = gv_db_now(db);
	if ((error = report_ballots(r, db)) < 0 ||
	    (error = report_meetings(r, db)) < 0) {
		gv_report_free(r);
		return error;
	}
	*out = r;
	return 0;
}

void
gv_report_free(struct gv_report *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->nballots; i++)
		gv_tally_free(r->ballots[i].tally);
	free(r->ballots);
	free(r->meetings);
	gv_ballot_list_free(r->all_ballots);
	gv_meeting_list_free(r->all_meetings);
	free(r->body);
	free(r->name);
	free(r->tz);
	free(r);
}
