/* SPDX-License-Identifier: MIT */
/*
 * This file implements the ballot lifecycle's steps after the draft
 * (RULES §3): discussion, voting, the close with its tally, IPR review,
 * exclusion notices, withdrawal and cancellation. Each guard refuses an
 * illegal step with the reason and the date that would make it legal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"
#include "op_kinds.h"
#include "gavel/time.h"

/* "SMC010 is in voting: it cannot ..." */
static int
step_refuse(const struct gv_ballot *b, const char *what)
{
	return gv__error_set(GV_ERRCLASS_BALLOT, GV_ECONFLICT, "%s is %s: %s",
	                     b->number, gv__ballot_state_phrase(b->state),
	                     what);
}

/* "discussion ends 2024-11-14 12:00 UTC; voting cannot open before then" */
static int
step_too_early(const char *until_what, int64_t until, const char *what)
{
	char when[GV_TIME_BUFSZ];

	return gv__error_set(GV_ERRCLASS_BALLOT, GV_ECONFLICT,
	                     "%s %s; %s cannot come before then", until_what,
	                     gv_time_format(when, until, GV_TIME_HUMAN), what);
}

/* The latest step recorded for the ballot, whenever it is dated. */
static int64_t
last_step(const struct gv_ballot *b)
{
	const int64_t steps[] = {b->proposed_at,  b->vote_starts_at,
	                         b->results_at,   b->review_starts_at,
	                         b->withdrawn_at, b->cancelled_at};
	int64_t last = -1;

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (steps[i] > last)
			last = steps[i];
	return last;
}

/*
 * Loads the ballot as of at for a step, refusing a step dated before one
 * already recorded. Each step is checked against the ballot as it stood
 * at its own instant, so without this, two members closing one ballot
 * offline would both pass when the later-dated close is applied first
 * (issue 17, item 3: the second of two closes is a conflict).
 */
static int
step_load(struct gv_ballot **b, struct gv_db *db, const char *ref, int64_t at)
{
	char when[GV_TIME_BUFSZ];
	int64_t last;
	int error;

	if ((error = gv__ballot_load_ref(b, db, ref, at)) < 0)
		return error;
	if ((last = last_step(*b)) <= at)
		return 0;
	gv__error_set(GV_ERRCLASS_BALLOT, GV_ECONFLICT,
	              "%s has a step recorded at %s, after this one: a step "
	              "cannot be dated before it (see 'gavel ballot show %s')",
	              (*b)->number, gv_time_format(when, last, GV_TIME_HUMAN),
	              (*b)->number);
	gv_ballot_free(*b);
	*b = NULL;
	return GV_ECONFLICT;
}

/* Saves the ballot, in one transaction. */
static int
step_save(struct gv_db *db, const struct gv_ballot *b, int64_t at)
{
	int error;

	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__ballot_save(db, b, at)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
	return error;
}

static int
ballot_discuss(struct gv_db *db, const char *ref, int64_t at, int64_t until)
{
	struct gv_ballot *b = NULL;
	struct gv__ballot_acts a;
	int error;

	if ((error = step_load(&b, db, ref, at)) < 0)
		return error;
	/* The discussion this proposal would open: from the later of now and
	 * the latest version (BYL 2.3(3)). */
	b->proposed_at = at;
	gv__ballot_acts(&a, b, at);
	if (b->state == GV_BALLOT_WITHDRAWN)
		/* BYL 2.3(4): withdrawn for its language; a new version
		 * reopens the discussion. */
		error = step_refuse(b, "post a new version ('gavel ballot "
		                       "version'), which reopens discussion");
	else if (b->state != GV_BALLOT_DRAFT)
		error = step_refuse(b, "its discussion is already open");
	else if (a.discussion_start < 0 || !b->nversions)
		error = gv__error_set(GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		                      "%s has no text yet: record a version "
		                      "first ('gavel ballot version')",
		                      b->number);
	else if (b->nendorsers < 2)
		/* BYL 2.3(3): proposed with at least two endorsements. */
		error = gv__error_set(GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		                      "%s has %zu endorsement%s: a proposal "
		                      "needs two, from other voting members "
		                      "(BYL 2.3(3))",
		                      b->number, b->nendorsers,
		                      b->nendorsers == 1 ? "" : "s");
	else if (until >= 0 && until < a.discussion_end)
		error = step_too_early("the 7 days of discussion end",
		                       a.discussion_end,
		                       "the end of discussion");
	if (error < 0)
		goto out;
	/* Only an announced end is stored: the earliest one is derived. */
	b->discussion_ends_at = until;
	error = step_save(db, b, at);
out:
	gv_ballot_free(b);
	return error;
}

static int
ballot_open_vote(struct gv_db *db, const char *ref, int64_t at)
{
	struct gv_ballot *b = NULL;
	struct gv__ballot_acts a;
	int error;

	if ((error = step_load(&b, db, ref, at)) < 0)
		return error;
	gv__ballot_acts(&a, b, at);
	if (b->state == GV_BALLOT_EXPIRED) {
		char when[GV_TIME_BUFSZ];

		error = gv__error_set(
		        GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		        "%s expired on %s, 90 days after its last version "
		        "(BYL 2.3(3)): propose it again as a new ballot",
		        b->number,
		        gv_time_format(when, a.expires, GV_TIME_HUMAN));
	} else if (b->state != GV_BALLOT_DISCUSSION) {
		error = step_refuse(b,
		                    "voting opens after a discussion period");
	} else if (at < a.discussion_end) {
		error = step_too_early("discussion ends", a.discussion_end,
		                       "the opening of voting");
	} else {
		b->vote_starts_at = at;
		b->vote_ends_at = at + GV__VOTING_LENGTH;
		error = step_save(db, b, at);
	}
	gv_ballot_free(b);
	return error;
}

/* Keeps the meetings the quorum was computed from (RULES §5.3). */
static int
close_store_quorum(struct gv_db *db, const struct gv_ballot *b,
                   const struct gv_tally *t)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_QUORUM_CLEAR)) < 0)
		return error;
	gv__bind_int(st, 1, b->id);
	if ((error = gv__db_run(db, st)) < 0)
		return error;
	for (i = 0; i < t->nquorum_meetings; i++) {
		if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_QUORUM_ADD)) <
		    0)
			return error;
		gv__bind_int(st, 1, b->id);
		gv__bind_int(st, 2, t->quorum_meetings[i]);
		gv__bind_int(st, 3, t->quorum_present[i]);
		if ((error = gv__db_run(db, st)) < 0)
			return error;
	}
	return 0;
}

static int
ballot_close(struct gv_db *db, const char *ref, int64_t at)
{
	struct gv_ballot *b = NULL;
	struct gv_tally *t = NULL;
	int64_t saved_now = gv_db_now(db);
	int error;

	if ((error = step_load(&b, db, ref, at)) < 0)
		return error;
	if (b->state == GV_BALLOT_VOTING)
		error = step_too_early("voting closes", b->vote_ends_at,
		                       "the results");
	else if (b->state != GV_BALLOT_CLOSED)
		error = step_refuse(b, "only a ballot whose voting ended is "
		                       "tallied");
	if (error < 0)
		goto out;
	/* The tally as of the close, with the votes of the whole period. */
	gv_db_set_now(db, b->vote_ends_at);
	error = gv_ballot_tally(&t, db, b->number);
	gv_db_set_now(db, saved_now);
	if (error < 0)
		goto out;
	if (!strcmp(t->quorum_from, "none")) {
		char when[GV_TIME_BUFSZ];

		error = gv__error_set(
		        GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		        "the quorum of %s is unknown: %s has no roll call "
		        "before "
		        "%s; record the attendance of its earlier meetings, or "
		        "the quorum the results notice gave ('gavel ballot "
		        "quorum')",
		        b->number, b->body,
		        gv_time_format(when, b->vote_starts_at, GV_TIME_HUMAN));
		goto out;
	}
	b->results_at = at;
	b->result = gv__xstrdup(t->result);
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = close_store_quorum(db, b, t)) < 0 ||
	    (error = gv__ballot_save(db, b, at)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
out:
	gv_tally_free(t);
	gv_ballot_free(b);
	return error;
}

static int
ballot_review(struct gv_db *db, const char *ref, int64_t at)
{
	struct gv_ballot *b = NULL;
	int error;

	if ((error = step_load(&b, db, ref, at)) < 0)
		return error;
	if (b->state != GV_BALLOT_PASSED)
		error = step_refuse(b, "the IPR review follows a passed vote");
	else if (!strcmp(b->kind, "other"))
		error = gv__error_set(GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		                      "%s is not a Draft Guideline Ballot: it "
		                      "has no IPR review (BYL 2.3)",
		                      b->number);
	if (error == 0) {
		/* IPR 4.1: 60 days for a Final Guideline, 30 for a Final
		 * Maintenance Guideline, from the Review Notice. */
		b->review_starts_at = at;
		b->review_ends_at =
		        at + (!strcmp(b->kind, "fg") ? 60 : 30) * GV__DAY;
		error = step_save(db, b, at);
	}
	gv_ballot_free(b);
	return error;
}

static int
ballot_exclusion(struct gv_db *db, const char *ref, const char *name,
                 int64_t at, const char *text)
{
	struct gv_ballot *b = NULL;
	char from[GV_TIME_BUFSZ], to[GV_TIME_BUFSZ];
	sqlite3_stmt *st;
	int64_t org;
	int error;

	if ((error = gv__check_text(GV_ERRCLASS_BALLOT, "notice", text)) < 0 ||
	    (error = gv__ballot_load_ref(&b, db, ref, at)) < 0)
		return error;
	if ((error = gv_org_find(&org, db, name)) < 0)
		goto out;
	if (b->review_starts_at < 0 || at < b->review_starts_at ||
	    at >= b->review_ends_at) {
		error = b->review_starts_at < 0
		                ? step_refuse(b, "exclusion notices are filed "
		                                 "during an IPR review")
		                : gv__error_set(
		                          GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		                          "exclusion notices are filed within "
		                          "the review period, %s to %s (IPR "
		                          "4.2)",
		                          gv_time_format(from,
		                                         b->review_starts_at,
		                                         GV_TIME_HUMAN),
		                          gv_time_format(to, b->review_ends_at,
		                                         GV_TIME_HUMAN));
		goto out;
	}
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_EXCLUSION_INSERT)) < 0) {
		gv__db_rollback(db);
		goto out;
	}
	gv__bind_int(st, 1, b->id);
	gv__bind_int(st, 2, org);
	gv__bind_int(st, 3, at);
	gv__bind_text(st, 4, text);
	b->exclusions++;
	if ((error = gv__db_run(db, st)) < 0 ||
	    (error = gv__ballot_save(db, b, at)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
out:
	gv_ballot_free(b);
	return error;
}

static int
ballot_withdraw(struct gv_db *db, const char *ref, int64_t at)
{
	struct gv_ballot *b = NULL;
	int error;

	if ((error = step_load(&b, db, ref, at)) < 0)
		return error;
	/* BYL 2.3(4): the proposer may withdraw during voting. */
	if (b->state != GV_BALLOT_VOTING) {
		error = step_refuse(b, "a ballot is withdrawn during voting "
		                       "(BYL 2.3(4)); cancel it before");
	} else {
		b->withdrawn_at = at;
		b->vote_starts_at = b->vote_ends_at = -1;
		error = step_save(db, b, at);
	}
	gv_ballot_free(b);
	return error;
}

static int
ballot_cancel(struct gv_db *db, const char *ref, int64_t at)
{
	struct gv_ballot *b = NULL;
	int error;

	if ((error = step_load(&b, db, ref, at)) < 0)
		return error;
	switch (b->state) {
	case GV_BALLOT_DRAFT:
	case GV_BALLOT_DISCUSSION:
	case GV_BALLOT_WITHDRAWN:
		b->cancelled_at = at;
		error = step_save(db, b, at);
		break;
	default:
		error = step_refuse(b, "only a ballot not yet in voting is "
		                       "cancelled");
	}
	gv_ballot_free(b);
	return error;
}

static int
ballot_set_quorum(struct gv_db *db, const char *ref, int quorum,
                  const char *source)
{
	struct gv_ballot *b = NULL;
	sqlite3_stmt *st;
	int error;

	if (quorum < 0)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "a quorum is a number of organisations");
	if ((error = gv__check_text(GV_ERRCLASS_BALLOT, "source", source)) <
	            0 ||
	    (error = gv__ballot_load_ref(&b, db, ref, gv_db_now(db))) < 0)
		return error;
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_SET_QUORUM)) < 0) {
		gv__db_rollback(db);
		goto out;
	}
	gv__bind_int(st, 1, b->id);
	gv__bind_opt(st, 2, quorum, quorum > 0);
	gv__bind_text(st, 3, quorum > 0 ? source : NULL);
	if ((error = gv__db_run(db, st)) < 0 || (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
out:
	gv_ballot_free(b);
	return error;
}

/* The ballot an operation names (gv__ballot_named), in buf. */
static int
op_ballot(const char **ballot, char buf[48], struct gv_db *db,
          const struct gv__op *op)
{
	int error = gv__op_unpack(op, "{s:s}", "ballot", ballot);

	return error < 0 ? error : gv__ballot_named(ballot, buf, db, op);
}

static int
discuss_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *ballot;
	char buf[48];
	json_int_t until = -1;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s?I}", "ballot", &ballot, "until",
	                           &until)) < 0 ||
	    (error = gv__ballot_named(&ballot, buf, db, op)) < 0)
		return error;
	return ballot_discuss(db, ballot, op->at, until);
}

/* The steps that take nothing but the ballot and the instant. */
#define STEP_APPLY(name)                                                       \
	static int name##_apply(struct gv_db *db, const struct gv__op *op)     \
	{                                                                      \
		const char *ballot;                                            \
		char buf[48];                                                  \
		int error = op_ballot(&ballot, buf, db, op);                   \
                                                                               \
		return error < 0 ? error : ballot_##name(db, ballot, op->at);  \
	}
STEP_APPLY(open_vote)
STEP_APPLY(close)
STEP_APPLY(review)
STEP_APPLY(withdraw)
STEP_APPLY(cancel)
#undef STEP_APPLY

static int
exclusion_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *ballot, *org, *text = NULL;
	char buf[48];
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s:s, s?s}", "ballot", &ballot,
	                           "org", &org, "text", &text)) < 0 ||
	    (error = gv__ballot_named(&ballot, buf, db, op)) < 0)
		return error;
	return ballot_exclusion(db, ballot, org, op->at, text);
}

static int
quorum_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *ballot, *source = NULL;
	char buf[48];
	int quorum = 0, error;

	if ((error = gv__op_unpack(op, "{s:s, s:i, s?s}", "ballot", &ballot,
	                           "quorum", &quorum, "source", &source)) < 0 ||
	    (error = gv__ballot_named(&ballot, buf, db, op)) < 0)
		return error;
	return ballot_set_quorum(db, ballot, quorum, source);
}

const struct gv__op_kind gv__op_ballot_discuss = {
        "ballot.discuss", GV__MAY_OFFICER, discuss_apply};
const struct gv__op_kind gv__op_ballot_open_vote = {
        "ballot.open-vote", GV__MAY_OFFICER, open_vote_apply};
const struct gv__op_kind gv__op_ballot_close = {"ballot.close", GV__MAY_OFFICER,
                                                close_apply};
const struct gv__op_kind gv__op_ballot_review = {"ballot.review",
                                                 GV__MAY_OFFICER, review_apply};
const struct gv__op_kind gv__op_ballot_withdraw = {
        "ballot.withdraw", GV__MAY_OFFICER, withdraw_apply};
const struct gv__op_kind gv__op_ballot_cancel = {"ballot.cancel",
                                                 GV__MAY_OFFICER, cancel_apply};
const struct gv__op_kind gv__op_ballot_exclusion = {
        "ballot.exclusion", GV__MAY_OFFICER, exclusion_apply};
const struct gv__op_kind gv__op_ballot_quorum = {"ballot.quorum",
                                                 GV__MAY_OFFICER, quorum_apply};

int
gv_ballot_discuss(struct gv_db *db, const char *ref, int64_t at, int64_t until)
{
	json_t *data = json_object();

	if (until >= 0)
		json_object_set_new(data, "until", json_integer(until));
	return gv__ballot_submit(db, &gv__op_ballot_discuss, ref, at, data);
}

int
gv_ballot_open_vote(struct gv_db *db, const char *ref, int64_t at)
{
	return gv__ballot_submit(db, &gv__op_ballot_open_vote, ref, at,
	                         json_object());
}

int
gv_ballot_close(struct gv_db *db, const char *ref, int64_t at)
{
	return gv__ballot_submit(db, &gv__op_ballot_close, ref, at,
	                         json_object());
}

int
gv_ballot_review(struct gv_db *db, const char *ref, int64_t at)
{
	return gv__ballot_submit(db, &gv__op_ballot_review, ref, at,
	                         json_object());
}

int
gv_ballot_withdraw(struct gv_db *db, const char *ref, int64_t at)
{
	return gv__ballot_submit(db, &gv__op_ballot_withdraw, ref, at,
	                         json_object());
}

int
gv_ballot_cancel(struct gv_db *db, const char *ref, int64_t at)
{
	return gv__ballot_submit(db, &gv__op_ballot_cancel, ref, at,
	                         json_object());
}

int
gv_ballot_exclusion(struct gv_db *db, const char *ref, const char *name,
                    int64_t at, const char *text)
{
	return gv__ballot_submit(
	        db, &gv__op_ballot_exclusion, ref, at,
	        json_pack("{s:s?, s:s*}", "org", name, "text", text));
}

int
gv_ballot_set_quorum(struct gv_db *db, const char *ref, int quorum,
                     const char *source)
{
	if (quorum < 0)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "a quorum is a number of organisations");
	return gv__ballot_submit(
	        db, &gv__op_ballot_quorum, ref, -1,
	        json_pack("{s:i, s:s*}", "quorum", quorum, "source", source));
}
