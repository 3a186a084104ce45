/* SPDX-License-Identifier: MIT */
/*
 * This file implements asking a ballot which steps of its lifecycle it
 * would take now, and why not (issue 20, item 9: the screen offers only
 * the steps the state allows and says what the others wait for). Each
 * step is submitted exactly as the command submits it, inside a
 * transaction that is rolled back whatever happens, so the answer and its
 * reason are the guards' own (core/ballot_steps.c, core/role_check.c) and
 * cannot drift from them. A refused step is tried again at each of the
 * ballot's clocks still ahead (gv_ballot_clocks) to say from when it
 * would be taken: "discussion ends" for the vote, "voting closes" for the
 * results.
 */
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"

static const char *const step_names[GV_STEP_COUNT] = {
        [GV_STEP_DISCUSS] = "discuss",   [GV_STEP_OPEN_VOTE] = "open-vote",
        [GV_STEP_CLOSE] = "close",       [GV_STEP_REVIEW] = "review",
        [GV_STEP_WITHDRAW] = "withdraw", [GV_STEP_CANCEL] = "cancel",
};

const char *
gv_ballot_step_name(enum gv_ballot_step step)
{
	return step < GV_STEP_COUNT ? step_names[step] : "";
}

/* The public function the command line calls for the step. */
static int
step_submit(struct gv_db *db, enum gv_ballot_step step, const char *ref,
            int64_t at)
{
	switch (step) {
	case GV_STEP_DISCUSS:
		return gv_ballot_discuss(db, ref, at, -1);
	case GV_STEP_OPEN_VOTE:
		return gv_ballot_open_vote(db, ref, at);
	case GV_STEP_CLOSE:
		return gv_ballot_close(db, ref, at);
	case GV_STEP_REVIEW:
		return gv_ballot_review(db, ref, at);
	case GV_STEP_WITHDRAW:
		return gv_ballot_withdraw(db, ref, at);
	default:
		return gv_ballot_cancel(db, ref, at);
	}
}

/*
 * The step taken at instant at, by the clock set to at (as a member
 * recording it then would), and undone: 0 when it was taken, else the
 * guard's code with its message in *why (may be NULL; caller frees). A
 * failure to start the transaction (a read-only file) is returned as
 * such, with nothing in *why.
 */
static int
step_try(char **why, struct gv_db *db, enum gv_ballot_step step,
         const char *ref, int64_t at)
{
	int64_t clock = db->now;
	int error;

	if ((error = gv__db_begin(db)) < 0)
		return error;
	db->now = at;
	error = step_submit(db, step, ref, at);
	db->now = clock;
	if (error < 0 && why)
		*why = gv__xstrdup(gv_error_last()->message);
	gv__db_rollback(db);
	return error < 0 ? error : 0;
}

/* The first clock still ahead of at from which the refused step would be
 * taken, recorded in c. */
static int
step_from(struct gv_step_check *c, struct gv_db *db, const char *ref,
          const struct gv_clocks *clocks, int64_t at)
{
	const struct gv_clock *ahead[sizeof(clocks->v) / sizeof(clocks->v[0])];
	size_t i, j, n = 0;
	int error;

	/* Soonest first (an insertion sort of a dozen). */
	for (i = 0; i < clocks->n; i++) {
		const struct gv_clock *k = &clocks->v[i];

		if (!k->open || k->at <= at)
			continue;
		for (j = n++; j > 0 && ahead[j - 1]->at > k->at; j--)
			ahead[j] = ahead[j - 1];
		ahead[j] = k;
	}
	for (i = 0; i < n; i++) {
		error = step_try(NULL, db, c->step, ref, ahead[i]->at);
		if (error == GV_EREADONLY)
			return error;
		if (error == 0) {
			c->from = ahead[i]->at;
			c->clock = ahead[i]->what;
			c->rule = ahead[i]->rule;
			return 0;
		}
	}
	return 0;
}

int
gv_ballot_check_steps(struct gv_step_checks *out, struct gv_db *db,
                      const char *ref, int64_t at)
{
	struct gv_ballot *b = NULL;
	struct gv_clocks clocks;
	int error;
	size_t i;

	memset(out, 0, sizeof(*out));
	if ((error = gv__ballot_load_ref(&b, db, ref, at)) < 0 ||
	    (error = gv_ballot_clocks(&clocks, db, b, at)) < 0)
		goto out;
	for (i = 0; i < GV_STEP_COUNT; i++) {
		struct gv_step_check *c = &out->v[i];

		c->step = (enum gv_ballot_step)i;
		c->from = -1;
		out->n++;
		error = step_try(&c->why, db, c->step, b->number, at);
		if (error == GV_EREADONLY)
			goto out;
		c->allowed = error == 0;
		if (!c->allowed &&
		    (error = step_from(c, db, b->number, &clocks, at)) < 0)
			goto out;
		error = 0;
	}
out:
	gv_ballot_free(b);
	if (error < 0)
		gv_step_checks_dispose(out);
	return error;
}

void
gv_step_checks_dispose(struct gv_step_checks *checks)
{
	size_t i;

	if (!checks)
		return;
	for (i = 0; i < checks->n; i++)
		free(checks->v[i].why);
	memset(checks, 0, sizeof(*checks));
}
