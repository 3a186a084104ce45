/* SPDX-License-Identifier: MIT */
/*
 * This file implements the one reading of what a ballot has done by an
 * instant (RULES §3, §4): its round, its discussion period and its state.
 * The state, the clocks, the guards of each step, lint and the notices all
 * read a ballot through it, so that they agree to the second.
 */
#include <string.h>

#include "ballot_internal.h"

/* BYL 2.3(3): at least 7 days of discussion; the ballot fails 90 days
 * after the proposer's last version if voting has not started. */
#define DISCUSSION_MIN (7 * GV__DAY)
#define EXPIRY         (90 * GV__DAY)

/* An instant recorded and reached by t, else -1. */
static int64_t
acts_by(int64_t instant, int64_t t)
{
	return instant >= 0 && instant <= t ? instant : -1;
}

static int64_t
acts_max(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

/*
 * Acts recorded at the same instant are taken in the lifecycle's order
 * (enum gv__act): a withdrawal comes before a new version posted with it,
 * so the version reopens discussion (RULES §3 [INTERP]: a new version
 * during voting withdraws the ballot and starts a new discussion); the
 * version before the proposal and the opening of voting, so a vote opened
 * at the instant of a version belongs to that version's round. Each
 * comparison below that decides which of two acts came later reads
 * through this one function.
 */
static int
acts_after(int64_t a, enum gv__act kind_a, int64_t b, enum gv__act kind_b)
{
	if (a < 0)
		return 0;
	if (b < 0)
		return 1;
	return a > b || (a == b && kind_a > kind_b);
}

/* An act of the current round: reached by t and not older than the latest
 * version (a version withdraws what came before it). */
static int64_t
acts_round(const struct gv__ballot_acts *a, int64_t instant, enum gv__act kind,
           int64_t t)
{
	instant = acts_by(instant, t);
	return acts_after(a->latest, GV__ACT_VERSION, instant, kind) ? -1
	                                                             : instant;
}

void
gv__ballot_acts(struct gv__ballot_acts *a, const struct gv_ballot *b, int64_t t)
{
	int64_t proposed = acts_by(b->proposed_at, t);
	int64_t withdrawn = acts_by(b->withdrawn_at, t);

	memset(a, 0, sizeof(*a));
	a->latest = -1;
	for (size_t i = 0; i < b->nversions; i++)
		a->latest = acts_max(a->latest,
		                     acts_by(b->versions[i].posted_at, t));
	/* Without versions (a ballot recorded from its posts), the proposal
	 * posted the text. */
	if (a->latest == -1)
		a->latest = proposed;
	a->cancelled = acts_by(b->cancelled_at, t);
	/* A withdrawal stands until a new version reopens discussion. */
	a->withdrawn = acts_after(withdrawn, GV__ACT_WITHDRAW, a->latest,
	                          GV__ACT_VERSION)
	                       ? withdrawn
	                       : -1;
	a->vote = acts_round(a, b->vote_starts_at, GV__ACT_VOTE, t);
	a->vote_ends = acts_round(a, b->vote_ends_at, GV__ACT_VOTE_END, t);
	a->results = acts_round(a, b->results_at, GV__ACT_RESULTS, t);
	a->review = acts_round(a, b->review_starts_at, GV__ACT_REVIEW, t);
	a->review_ends =
	        acts_round(a, b->review_ends_at, GV__ACT_REVIEW_END, t);
	a->discussion_start = a->discussion_end = a->expires = -1;
	if (proposed < 0 || a->latest < 0)
		return;
	/*
	 * BYL 2.3(3): the 7 days run from when the text was put before the
	 * group, the later of the proposal and the latest version. A later
	 * end announced with the proposal holds; an announced end older than
	 * a new version does not shorten the restarted 7 days.
	 */
	a->discussion_start = acts_max(proposed, a->latest);
	a->discussion_end = acts_max(a->discussion_start + DISCUSSION_MIN,
	                             b->discussion_ends_at);
	a->expires = a->latest + EXPIRY;
}

enum gv_ballot_state
gv__ballot_state_at(const struct gv_ballot *b, int64_t t)
{
	struct gv__ballot_acts a;

	gv__ballot_acts(&a, b, t);
	if (a.cancelled >= 0)
		return GV_BALLOT_CANCELLED;
	if (a.review >= 0) {
		if (a.review_ends < 0)
			return GV_BALLOT_IPR_REVIEW;
		/* BYL 2.4(8), 2.4(9): adopted at the end of review unless an
		 * Exclusion Notice voided the Initial Vote. */
		return b->exclusions ? GV_BALLOT_RESCINDED : GV_BALLOT_ADOPTED;
	}
	if (a.results >= 0 && b->result)
		return !strcmp(b->result, "passed")   ? GV_BALLOT_PASSED
		       : !strcmp(b->result, "failed") ? GV_BALLOT_FAILED
		                                      : GV_BALLOT_INVALID;
	if (a.vote_ends >= 0)
		return GV_BALLOT_CLOSED;
	if (a.vote >= 0)
		return GV_BALLOT_VOTING;
	if (a.withdrawn >= 0)
		return GV_BALLOT_WITHDRAWN;
	if (a.discussion_start >= 0)
		return t >= a.expires ? GV_BALLOT_EXPIRED
		                      : GV_BALLOT_DISCUSSION;
	return GV_BALLOT_DRAFT;
}

void
gv__ballot_set_now(struct gv_ballot *b, int64_t t)
{
	struct gv__ballot_acts a;

	gv__ballot_acts(&a, b, t);
	b->state = gv__ballot_state_at(b, t);
	b->discussion_start = a.discussion_start;
	b->discussion_end = a.discussion_end;
}
