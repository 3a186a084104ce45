/* SPDX-License-Identifier: MIT */
/*
 * This file implements a ballot's rounds (RULES §3): each version put
 * before the group opens one; within it voting opens once at most, and a
 * withdrawal or a new version during the vote withdraws the votes cast
 * (BYL 2.3(4)). The ballot's row keeps only what stands now: a withdrawal
 * or a new version clears the vote from it, and a new version the end of
 * discussion announced with the proposal. The operation log keeps every
 * act with its instant, so the rounds those acts cleared are read back
 * from it: an "as of" view then shows the ballot as it stood on its day,
 * and the ledger says of a vote which round it was cast in.
 */
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"
#include "gavel/time.h"

/* The versions posted by t: a prefix, as versions are dated in order. */
static size_t
past_versions(const struct gv_ballot *b, int64_t t)
{
	size_t n = 0;

	while (n < b->nversions && b->versions[n].posted_at <= t)
		n++;
	return n;
}

/* The round an act at `at` belongs to, of the first nv versions. A
 * version posted at the same instant comes before every act but a
 * withdrawal (enum gv__act): the withdrawal ends the round before it. */
static size_t
past_round(const struct gv_ballot *b, size_t nv, int64_t at, int withdrawal)
{
	size_t i = 0;

	while (i < nv && (b->versions[i].posted_at < at ||
	                  (!withdrawal && b->versions[i].posted_at == at)))
		i++;
	return i;
}

static void
past_vote(struct gv__rounds *r, const struct gv_ballot *b, size_t nv,
          int64_t at, int64_t ends)
{
	struct gv__round *round = &r->v[past_round(b, nv, at, 0)];

	round->vote = at;
	round->vote_ends = ends;
}

/* A withdrawal; the row's may be a version's own (gv_ballot_version
 * during voting), which the version's round boundary says already. */
static void
past_withdrawal(struct gv__rounds *r, const struct gv_ballot *b, size_t nv,
                int64_t at)
{
	for (size_t i = 0; i < nv; i++)
		if (b->versions[i].posted_at == at)
			return;
	r->v[past_round(b, nv, at, 1)].withdrawn = at;
}

static void
past_discussion(struct gv__rounds *r, const struct gv_ballot *b, size_t nv,
                int64_t at, int64_t until)
{
	struct gv__round *round = &r->v[past_round(b, nv, at, 0)];

	if (until > round->discussion_ends)
		round->discussion_ends = until;
}

/* Whether a version was posted after t. */
static int
past_version_after(const struct gv_ballot *b, int64_t t)
{
	return b->nversions && b->versions[b->nversions - 1].posted_at > t;
}

/* Whether an act by t may have cleared from the row what it held before
 * (a withdrawal, by `ballot withdraw` or by a version during voting, sets
 * withdrawn_at), or an act after t what it held at t. */
static int
past_cleared(const struct gv_ballot *b, int64_t t)
{
	return b->withdrawn_at >= 0 || past_version_after(b, t);
}

/* Adds the acts the operation log holds of b by t. */
static int
past_logged(struct gv__rounds *r, struct gv_db *db, const struct gv_ballot *b,
            size_t nv, int64_t t)
{
	sqlite3_stmt *st = NULL;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_ACTS_LOGGED)) < 0)
		return error;
	gv__bind_text(st, 1, b->body);
	gv__bind_text(st, 2, b->number);
	gv__bind_int(st, 3, t);
	while ((error = gv__db_step(db, st)) > 0) {
		const char *kind = (const char *)sqlite3_column_text(st, 0);
		int64_t at = sqlite3_column_int64(st, 1);

		if (!strcmp(kind, "ballot.open-vote"))
			past_vote(r, b, nv, at, at + GV__VOTING_LENGTH);
		else if (!strcmp(kind, "ballot.withdraw"))
			past_withdrawal(r, b, nv, at);
		else
			past_discussion(r, b, nv, at, gv__col_opt(st, 2));
	}
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

int
gv__ballot_rounds(struct gv__rounds *r, struct gv_db *db,
                  const struct gv_ballot *b, int64_t t)
{
	size_t nv = past_versions(b, t);
	int error = 0;

	r->n = nv + 1;
	r->v = gv__xcalloc(r->n, sizeof(*r->v));
	for (size_t i = 0; i < r->n; i++) {
		r->v[i].vote = r->v[i].vote_ends = r->v[i].withdrawn = -1;
		r->v[i].discussion_ends = -1;
		r->v[i].next = i < nv ? &b->versions[i] : NULL;
	}
	if (past_cleared(b, t) && (error = past_logged(r, db, b, nv, t)) < 0) {
		gv__rounds_dispose(r);
		return error;
	}
	/* The row's own acts (a ballot recorded from its posts has no
	 * others), after the log's: its vote keeps the end it recorded. */
	if (b->vote_starts_at >= 0 && b->vote_starts_at <= t)
		past_vote(r, b, nv, b->vote_starts_at, b->vote_ends_at);
	if (b->withdrawn_at >= 0 && b->withdrawn_at <= t)
		past_withdrawal(r, b, nv, b->withdrawn_at);
	if (b->proposed_at >= 0 && b->proposed_at <= t)
		past_discussion(r, b, nv, b->proposed_at,
		                b->discussion_ends_at);
	return 0;
}

void
gv__rounds_dispose(struct gv__rounds *r)
{
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

int
gv__ballot_past(struct gv_ballot *b, struct gv_db *db, int64_t t)
{
	struct gv__rounds r = {0};
	const struct gv__round *now;
	int64_t withdrawn = -1;
	int error;

	if (b->withdrawn_at <= t && !past_version_after(b, t))
		return 0; /* the row is as it was at t */
	if ((error = gv__ballot_rounds(&r, db, b, t)) < 0)
		return error;
	/* The row keeps the latest withdrawal: by `ballot withdraw`, or by
	 * a version posted during voting (gv_ballot_version). */
	for (size_t i = 0; i < r.n; i++) {
		const struct gv__round *o = &r.v[i];

		if (o->withdrawn >= 0)
			withdrawn = o->withdrawn;
		else if (o->vote >= 0 && o->next)
			withdrawn = o->next->posted_at;
	}
	now = &r.v[r.n - 1];
	b->withdrawn_at = withdrawn;
	/* A withdrawal clears the vote from the row (ballot_withdraw). */
	b->vote_starts_at = now->withdrawn >= 0 ? -1 : now->vote;
	b->vote_ends_at = now->withdrawn >= 0 ? -1 : now->vote_ends;
	b->discussion_ends_at = now->discussion_ends;
	gv__rounds_dispose(&r);
	return 0;
}

char *
gv__vote_round_reason(const struct gv__rounds *r, const struct gv_ballot *b,
                      int64_t cast, int end_inclusive)
{
	const struct gv__round *o = &r->v[past_round(b, r->n - 1, cast, 0)];
	char when[GV_TIME_BUFSZ];

	if (o->vote < 0)
		return gv__xstrdup("voting was not open");
	if (cast < o->vote)
		return gv__xstrdup("cast before voting opened");
	if (o->withdrawn >= 0 && cast >= o->withdrawn)
		return gv__xstrdup("the ballot was withdrawn from voting");
	if (cast > o->vote_ends || (cast == o->vote_ends && !end_inclusive))
		return gv__xstrdup("cast after voting closed");
	/* BYL 2.3(4): withdrawn during voting, the votes cast go with it;
	 * RULES §3 [INTERP]: so does a new version posted during voting. */
	if (o->withdrawn >= 0)
		return gv__xsprintf(
		        "withdrawn with the ballot on %s (BYL "
		        "2.3(4))",
		        gv_time_format(when, o->withdrawn, GV_TIME_HUMAN));
	if (o->next)
		return gv__xsprintf("withdrawn by version %d of %s, which "
		                    "restarted the ballot (BYL 2.3(4))",
		                    o->next->n,
		                    gv_time_format(when, o->next->posted_at,
		                                   GV_TIME_HUMAN));
	return NULL;
}
