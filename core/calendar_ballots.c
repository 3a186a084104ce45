/* SPDX-License-Identifier: MIT */
/*
 * This file implements the calendar's ballot events: one per clock of a
 * ballot (and one for the opening of its vote), dated by the one deadline
 * function, gv_ballot_clocks, read as of now and as of the moments before
 * each act that can end a clock, so that a clock that no longer applies
 * is still known, and published as cancelled. gv_deadlines lists only
 * the open clocks; a member's calendar keeps the met ones too (the vote
 * that closed last month), so this reads the function gv_deadlines
 * reads, and never computes a date of its own. A withdrawal or a new
 * version clears the vote from the ballot's row; the log keeps when each
 * vote opened, and the clocks of a cleared vote are read from the ballot
 * as it stood then.
 *
 * SEQUENCE without memory. A calendar program keeps the copy of an event
 * with the highest SEQUENCE, so it must grow whenever a date or a status
 * changes. Rather than store what each run emitted (a table every copy of
 * the record would disagree on, and a calendar that would change with the
 * runs instead of with the record), it is derived from what moves a
 * ballot's dates: its rounds. A new version (a round) restarts every
 * clock; within a round a clock only appears, applies and may end
 * (withdrawal, cancellation, voting opening ends the expiry); one that
 * applies is open, then met (its time passed, or the act it waits for
 * was recorded: the Review Notice sent before it was due), and a met
 * clock loses its reminder and says so. So with k the round and s = -1
 * (not yet applied in this round: still the earlier round's, cancelled),
 * 0 (applies, open), 1 (applies, met) or 2 (ended in this round),
 * 3(k-1) + s never decreases as the record grows and grows at each of
 * those changes (nor is it below what 2(k-1) + s gave before met clocks
 * were told apart, so no calendar that read an older gavel goes back).
 * The other cause of a move is the body's calendar: a holiday added or
 * removed, or a change of its rules, moves business-day clocks. Which
 * ones it moved would need the dates before it, so every such operation
 * in the body's part of the log counts for every clock: SEQUENCE may grow
 * without a move (a calendar reads an unchanged update), never the
 * reverse. Every copy that holds the same log computes the same numbers.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ballot_internal.h"
#include "calendar_events.h"
#include "db.h"
#include "gavel/ballot.h"
#include "gavel/roster.h"
#include "gavel/zone.h"
#include "internal.h"

/* The clocks of enum gv_clock_kind, and the opening of the vote. */
enum { CAL_VOTING_OPENS = GV_CLOCK_PUBLICATION_DUE + 1, CAL_KINDS };

/* Part of every UID: never change one, subscribed calendars key on it. */
static const char *const slugs[CAL_KINDS] = {
        [GV_CLOCK_DISCUSSION_ENDS] = "discussion-ends",
        [GV_CLOCK_EXPIRES] = "expires",
        [GV_CLOCK_VOTE_CLOSES] = "voting-closes",
        [GV_CLOCK_RESULTS_DUE] = "results-due",
        [GV_CLOCK_REVIEW_NOTICE_DUE] = "review-notice-due",
        [GV_CLOCK_REVIEW_NOTICE_VICE_CHAIR] = "review-notice-vice-chair",
        [GV_CLOCK_REVIEW_ENDS] = "review-ends",
        [GV_CLOCK_OUTCOME_NOTICE_DUE] = "outcome-notice-due",
        [GV_CLOCK_PUBLICATION_DUE] = "publication-due",
        [CAL_VOTING_OPENS] = "voting-opens",
};

/* What one clock of a ballot did across the evaluations, oldest first. */
struct seen {
	int any;      /* applied at some evaluation */
	int in_round; /* ... at one in the current round */
	int now;      /* ... at the last one, now */
	int open;     /* now: not met yet */
	int64_t at;   /* its instant at the latest evaluation that had it */
	const char *what, *rule; /* static */
};

/* Every opening of a vote the log holds, for all ballots: a withdrawal
 * or a new version clears the ballot's row, not the history. */
struct openings {
	struct opening {
		char *body, *number; /* the operation's part and ballot */
		int64_t at;
	} * v;
	size_t n, alloc;
};

/* What the calendar needs of a ballot besides itself. */
struct ballot_ctx {
	struct gv_db *db;
	const struct gv_ballot *b;
	const struct gv_body *body;
	const struct openings *openings;
	struct gv__ballot_acts acts; /* as of now */
	int64_t now, round_start;
	int64_t round;   /* k: 1 for the first text put before the group */
	int64_t changes; /* the body's operations that move business days */
	struct seen seen[CAL_KINDS];
};

static void
seen_mark(struct seen *s, int64_t at, const char *what, const char *rule,
          int open, int in_round, int now)
{
	s->any = 1;
	s->in_round |= in_round;
	s->now = now;
	s->open = now && open;
	s->at = at;
	s->what = what;
	s->rule = rule;
}

/* The clocks of b as of t, and the vote's opening while it stands. */
static int
ballot_eval(struct ballot_ctx *x, const struct gv_ballot *b, int64_t t, int now)
{
	struct gv_clocks c;
	struct gv__ballot_acts a;
	int in_round = t >= x->round_start, error;

	if ((error = gv_ballot_clocks(&c, x->db, b, t)) < 0)
		return error;
	for (size_t i = 0; i < c.n; i++)
		seen_mark(&x->seen[c.v[i].kind], c.v[i].at, c.v[i].what,
		          c.v[i].rule, c.v[i].open, in_round, now);
	gv__ballot_acts(&a, b, t);
	if (a.vote >= 0 && a.cancelled < 0 && a.withdrawn < 0)
		seen_mark(&x->seen[CAL_VOTING_OPENS], a.vote, "voting opens",
		          "BYL 2.3(4)", 0, in_round, now);
	return 0;
}

/* A moment to read the clocks at: the ballot as recorded, or as it was
 * when a vote opened that a withdrawal or a new version later cleared. */
struct moment {
	int64_t t;
	int64_t vote; /* the cleared vote's opening, or -1 */
};

static int
by_moment(const void *a, const void *b)
{
	const struct moment *x = a, *y = b;

	return x->t < y->t ? -1 : x->t > y->t;
}

/* Whether the vote opened at t was ended by now by what clears it from
 * the ballot's row: a new version, or a withdrawal (the row keeps the
 * latest; an earlier one was followed by a new version). */
static int
ballot_cleared(const struct ballot_ctx *x, int64_t t)
{
	const struct gv_ballot *b = x->b;

	if (b->withdrawn_at >= t && b->withdrawn_at <= x->now)
		return 1;
	for (size_t i = 0; i < b->nversions; i++)
		if (b->versions[i].posted_at > t &&
		    b->versions[i].posted_at <= x->now)
			return 1;
	return 0;
}

/* The ballot's own vote openings of the log, until now: the moment before
 * each (what the vote ended), and the moment itself for one that was
 * cleared since. */
static void
ballot_openings(struct moment *m, size_t *n, const struct ballot_ctx *x)
{
	const struct openings *o = x->openings;

	for (size_t i = 0; i < o->n; i++) {
		int64_t t = o->v[i].at;

		if (strcasecmp(o->v[i].body, x->body->code) ||
		    strcmp(o->v[i].number, x->b->number) || t <= 0)
			continue;
		m[(*n)++] = (struct moment){t - 1, -1};
		if (t != x->b->vote_starts_at && ballot_cleared(x, t))
			m[(*n)++] = (struct moment){t, t};
	}
}

/*
 * Reads the clocks just before each act that ends some (a new version,
 * the opening of a vote, a withdrawal, a cancellation), at each opening
 * of a vote since cleared, then now: the last reading that had a clock
 * gives its latest instant.
 */
static int
ballot_history(struct ballot_ctx *x)
{
	const struct gv_ballot *b = x->b;
	struct moment *m =
	        gv__xcalloc(b->nversions + 2 * x->openings->n + 3, sizeof(*m));
	int64_t acts[3] = {b->vote_starts_at, b->withdrawn_at, b->cancelled_at};
	struct gv_ballot past;
	size_t n = 0, i;
	int error = 0;

	for (i = 0; i < b->nversions; i++)
		if (b->versions[i].posted_at > 0 &&
		    b->versions[i].posted_at <= x->now)
			m[n++] = (struct moment){b->versions[i].posted_at - 1,
			                         -1};
	for (i = 0; i < 3; i++)
		if (acts[i] > 0 && acts[i] <= x->now)
			m[n++] = (struct moment){acts[i] - 1, -1};
	ballot_openings(m, &n, x);
	if (n > 1)
		qsort(m, n, sizeof(*m), by_moment);
	for (i = 0; i < n && error == 0; i++) {
		if (m[i].vote < 0) {
			error = ballot_eval(x, b, m[i].t, 0);
			continue;
		}
		/* The ballot as it stood when that vote opened: what came
		 * after it is later than the moment, and not read. */
		past = *b;
		past.vote_starts_at = m[i].vote;
		past.vote_ends_at = past.withdrawn_at = past.cancelled_at = -1;
		error = ballot_eval(x, &past, m[i].t, 0);
	}
	free(m);
	return error < 0 ? error : ballot_eval(x, b, x->now, 1);
}

/* k: the texts put before the group by now, the proposal counting as one
 * when it came before every version (a ballot recorded from its posts). */
static int64_t
ballot_round(const struct gv_ballot *b, int64_t now)
{
	int64_t k = 0, first = -1;

	for (size_t i = 0; i < b->nversions; i++) {
		int64_t p = b->versions[i].posted_at;

		if (p < 0 || p > now)
			continue;
		k++;
		if (first < 0 || p < first)
			first = p;
	}
	if (b->proposed_at >= 0 && b->proposed_at <= now &&
	    (first < 0 || b->proposed_at < first))
		k++;
	return k;
}

/* Why a clock that applied no longer does, for its description. */
static const char *
ballot_why(const struct ballot_ctx *x, int kind, int this_round)
{
	if (x->acts.cancelled >= 0)
		return "The ballot was cancelled.";
	if (!this_round)
		return "A new version restarted the ballot's clocks.";
	if (x->acts.withdrawn >= 0)
		return "The ballot was withdrawn.";
	if (kind == GV_CLOCK_EXPIRES && x->acts.vote >= 0)
		return "Voting opened: the ballot no longer expires.";
	return "This clock no longer applies.";
}

/*
 * How a met clock was met, for its description, and when (*at, -1 when
 * the record does not say): by the act it waits for (the vote opening
 * ends the discussion, the results, the Review Notice that opens the IPR
 * review, BYL 2.3(3), 2.3(8), 2.4(5)) or by its time passing.
 */
static const char *
ballot_met(int64_t *at, const struct ballot_ctx *x, int kind,
           const struct seen *s)
{
	const struct gv__ballot_acts *a = &x->acts;

	*at = s->at;
	switch (kind) {
	case GV_CLOCK_DISCUSSION_ENDS:
		if (a->vote < 0)
			return "the discussion period ended";
		*at = a->vote;
		return "voting opened";
	case GV_CLOCK_EXPIRES:
		return "the ballot expired";
	case GV_CLOCK_VOTE_CLOSES:
		return "voting closed";
	case GV_CLOCK_RESULTS_DUE:
		*at = a->results;
		return "the results were announced";
	case GV_CLOCK_REVIEW_NOTICE_DUE:
	case GV_CLOCK_REVIEW_NOTICE_VICE_CHAIR:
		*at = a->review;
		return "the Review Notice was sent: the IPR review opened";
	case GV_CLOCK_REVIEW_ENDS:
		return "the IPR review ended";
	case CAL_VOTING_OPENS: /* the act itself: nothing more to say */
		return NULL;
	default: /* the notices after the review: not recorded yet */
		return "its time passed (gavel does not record this notice)";
	}
}

/* The line that says a clock was met, and whether it was met before its
 * time (its title then says it is done: no one owes it any more). */
static int
ballot_met_line(struct gv_buf *d, const struct ballot_ctx *x, int kind,
                const struct seen *s)
{
	char when[GV_BOTH_BUFSZ];
	int64_t at;
	const char *how = ballot_met(&at, x, kind, s);

	if (!how)
		return 0;
	if (at < 0) {
		gv__buf_printf(d, "Met: %s (the record does not say when).\n",
		               how);
		return 0;
	}
	gv__buf_printf(d, "Met: %s, %s.\n", how,
	               gv_time_format_both(when, at, x->body->tz));
	return at < s->at;
}

/* The event's title and description; why: why it was cancelled, or
 * NULL; met: it applies and was met. */
static void
ballot_text(struct gv__cal_event *e, const struct ballot_ctx *x, int kind,
            const char *why, int met)
{
	const struct seen *s = &x->seen[kind];
	char when[GV_BOTH_BUFSZ];
	struct gv_buf d = GV_BUF_INIT;
	int early = 0;

	gv__buf_printf(&d, "%s: %s\n", x->b->number, x->b->title);
	gv__buf_printf(&d, "%s %s (%s)\n", s->what,
	               gv_time_format_both(when, s->at, x->body->tz), s->rule);
	if (met)
		early = ballot_met_line(&d, x, kind, s);
	if (why)
		gv__buf_printf(&d, "%s\n", why);
	e->summary = gv__xsprintf("%s%s %s: %s",
	                          why     ? "Cancelled: "
	                          : early ? "Done: "
	                                  : "",
	                          x->b->number, s->what, x->b->title);
	gv__buf_printf(&d, "State: %s. %s (%s)",
	               gv_ballot_state_name(x->b->state), x->body->name,
	               x->body->code);
	e->description = gv__buf_detach(&d);
}

/* The event of one clock, if it ever applied. */
static void
ballot_event(struct gv__cal *cal, const struct ballot_ctx *x, int kind)
{
	const struct seen *s = &x->seen[kind];
	/* A discussion that ended and a vote that opened stay facts of
	 * their round, even when a withdrawal ends what followed. */
	int fact = kind == GV_CLOCK_DISCUSSION_ENDS || kind == CAL_VOTING_OPENS;
	int stage;
	struct gv__cal_event *e;
	int64_t seq;

	if (!s->any)
		return;
	if (s->now)
		stage = s->open ? 0 : 1;
	else if (s->in_round && fact && x->acts.cancelled < 0)
		stage = 1; /* met: what followed it has begun */
	else
		stage = s->in_round ? 2 : -1;
	seq = 3 * (x->round - 1) + stage + x->changes;
	e = gv__cal_add(cal, s->at);
	e->uid = gv__xsprintf("%s-ballot-%lld-%s@gavel", x->body->code,
	                      (long long)x->b->seq, slugs[kind]);
	e->sequence = seq < 0 ? 0 : seq;
	e->cancelled = stage == 2 || stage == -1;
	e->met = stage == 1;
	e->open = s->open;
	e->deadline = 1;
	e->category = "ballot";
	ballot_text(e, x, kind,
	            e->cancelled ? ballot_why(x, kind, s->in_round) : NULL,
	            e->met);
}

static int
ballot_events(struct gv__cal *cal, struct gv_db *db, const struct gv_ballot *b,
              const struct gv_body *body, int64_t changes,
              const struct openings *openings)
{
	struct ballot_ctx x;
	int error;

	memset(&x, 0, sizeof(x));
	x.db = db;
	x.b = b;
	x.body = body;
	x.openings = openings;
	x.changes = changes;
	x.now = cal->now;
	gv__ballot_acts(&x.acts, b, x.now);
	x.round_start = x.acts.latest;
	x.round = ballot_round(b, x.now);
	if (x.acts.latest < 0) /* a draft: no clock runs */
		return 0;
	if ((error = ballot_history(&x)) < 0)
		return error;
	for (int kind = 0; kind < CAL_KINDS; kind++)
		ballot_event(cal, &x, kind);
	return 0;
}

/* The index of the body with code in bodies, or -1. */
static long
body_of(const struct gv_body_list *bodies, const char *code)
{
	for (size_t i = 0; i < bodies->n; i++)
		if (!strcasecmp(bodies->v[i].code, code))
			return (long)i;
	return -1;
}

/* The body's operations that move business days, counted once a run:
 * a scan of the log per ballot would cost seconds on 500 ballots. */
static int
body_changes(int64_t *out, int64_t *cache, struct gv_db *db,
             const struct gv_body *body)
{
	static const char *const moves[] = {"holiday.add", "holiday.remove",
	                                    "body.set", NULL};
	int error;

	if (*cache < 0 &&
	    (error = gv__cal_op_count(cache, db, body->code, moves)) < 0)
		return error;
	*out = *cache;
	return 0;
}

static void
openings_dispose(struct openings *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->v[i].body);
		free(o->v[i].number);
	}
	free(o->v);
}

static int
openings_load(struct openings *o, struct gv_db *db, int64_t now)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_BALLOT_ACTS)) < 0)
		return error;
	gv__bind_text(st, 1, "ballot.open-vote");
	gv__bind_int(st, 2, now);
	while ((error = gv__db_step(db, st)) > 0) {
		struct opening *v;

		if (sqlite3_column_type(st, 1) != SQLITE_TEXT)
			continue;
		o->v = gv__grow(o->v, &o->alloc, o->n, sizeof(*o->v));
		v = &o->v[o->n++];
		v->body = gv__col_text(st, 0);
		v->number = gv__col_text(st, 1);
		v->at = sqlite3_column_int64(st, 2);
	}
	gv__db_reset(st);
	return error;
}

int
gv__cal_ballots(struct gv__cal *cal, struct gv_db *db, const char *body)
{
	struct gv_ballot_list *ballots = NULL;
	struct gv_body_list *bodies = NULL;
	struct openings openings = {0};
	int64_t *cache = NULL, changes = 0;
	long of;
	int error;

	if ((error = gv_body_list(&bodies, db)) < 0 ||
	    (error = gv_ballot_list(&ballots, db, body)) < 0 ||
	    (error = openings_load(&openings, db, cal->now)) < 0)
		goto out;
	cache = gv__xcalloc(bodies->n, sizeof(*cache));
	for (size_t i = 0; i < bodies->n; i++)
		cache[i] = -1;
	for (size_t i = 0; i < ballots->n && error == 0; i++) {
		if ((of = body_of(bodies, ballots->v[i]->body)) < 0)
			continue;
		if ((error = body_changes(&changes, &cache[of], db,
		                          &bodies->v[of])) == 0)
			error = ballot_events(cal, db, ballots->v[i],
			                      &bodies->v[of], changes,
			                      &openings);
	}
out:
	free(cache);
	openings_dispose(&openings);
	gv_ballot_list_free(ballots);
	gv_body_list_free(bodies);
	return error;
}
