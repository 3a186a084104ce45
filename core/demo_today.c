/* SPDX-License-Identifier: MIT */
/*
 * This file implements the demo placed at the clock (`gavel init --demo
 * --today`, `make run`): the recorded working group moved by whole weeks
 * so the clock falls in its live week, and the made-up ballots of
 * templates/demo-today.json put through the lifecycle steps, so whatever
 * the day a newcomer sees ballots in discussion, voting and IPR review
 * with every clock as RULES.md sets it.
 */
#include <stdlib.h>

#include "db.h"
#include "demo_internal.h"
#include "gavel/ballot.h"
#include "gavel/demo.h"
#include "gavel/time.h"

#define WEEK (7 * 86400)

/*
 * The instant of step key of ballot b, moved, into *t: 1 when the step is
 * there and happened by the clock, 0 when it is absent or still to come
 * (the ballot stops there), or an error.
 */
static int
step_due(int64_t *t, json_t *b, const char *key,
         const struct gv__demo_clock *clk)
{
	json_t *v = json_object_get(b, key);
	int error;

	*t = -1;
	if (!v)
		return 0;
	if (!json_is_string(v))
		return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID,
		                     "demo data: %s is not a time", key);
	if ((error = gv__demo_time(t, json_string_value(v), clk)) < 0)
		return error;
	return *t <= clk->until;
}

/* The endorsements or versions of b: each {"org"|"url", "at"}; 1 when all
 * happened by the clock. */
static int
today_list(struct gv_db *db, const char *ref, json_t *b, const char *key,
           const struct gv__demo_clock *clk)
{
	json_t *item;
	int64_t t;
	size_t i;
	int error;

	json_array_foreach (json_object_get(b, key), i, item) {
		if ((error = step_due(&t, item, "at", clk)) <= 0)
			return error;
		error = key[0] == 'e'
		                ? gv_ballot_endorse(
		                          db, ref,
		                          json_string_value(
		                                  json_object_get(item, "org")),
		                          t)
		                : gv_ballot_version(
		                          db, ref, NULL,
		                          json_string_value(
		                                  json_object_get(item, "url")),
		                          0, t);
		if (error < 0)
			return error;
	}
	return 1;
}

/* What follows the vote: the quorum as published, the results, the
 * Review Notice. */
static int
today_after_vote(struct gv_db *db, const char *ref, json_t *b,
                 const struct gv__demo_clock *clk)
{
	json_t *quorum = json_object_get(b, "quorum");
	int64_t t;
	int error;

	if ((error = step_due(&t, b, "close", clk)) <= 0)
		return error;
	/* The record holds no roll call of the meetings before the vote:
	 * the quorum is the published one, as for SMC010. */
	if (json_is_integer(quorum) &&
	    (error = gv_ballot_set_quorum(
	             db, ref, (int)json_integer_value(quorum),
	             "the demo's results notice (made up)")) < 0)
		return error;
	if ((error = gv_ballot_close(db, ref, t)) < 0 ||
	    (error = step_due(&t, b, "review", clk)) <= 0)
		return error;
	return gv_ballot_review(db, ref, t);
}

/* One made-up ballot, step by step, as far as the clock has come. */
static int
today_ballot(struct gv_db *db, json_t *b, const struct gv__demo_clock *clk)
{
	struct gv_ballot_spec spec = {0};
	json_int_t number = 0;
	json_error_t jerr;
	char ref[48], *purpose = NULL;
	const char *raw = NULL;
	int64_t t;
	int error;

	if (json_unpack_ex(b, &jerr, 0, "{s:s, s:I, s:s, s:s, s:s, s?s}",
	                   "body", &spec.body, "number", &number, "title",
	                   &spec.title, "kind", &spec.kind, "proposer",
	                   &spec.proposer, "purpose", &raw) < 0)
		return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID,
		                     "demo data: ballots: %s", jerr.text);
	spec.number = number;
	if ((error = step_due(&t, b, "new", clk)) <= 0 ||
	    (error = gv__demo_ballot_ref(ref, sizeof(ref), db, b)) < 0 ||
	    (error = gv__demo_text(&purpose, raw, clk)) < 0)
		return error;
	spec.purpose = purpose;
	error = gv_ballot_new(NULL, NULL, db, &spec, t);
	free(purpose);
	if (error < 0 ||
	    (error = today_list(db, ref, b, "endorsements", clk)) <= 0 ||
	    (error = today_list(db, ref, b, "versions", clk)) <= 0 ||
	    (error = step_due(&t, b, "discuss", clk)) <= 0 ||
	    (error = gv_ballot_discuss(db, ref, t, -1)) < 0 ||
	    (error = step_due(&t, b, "open_vote", clk)) <= 0 ||
	    (error = gv_ballot_open_vote(db, ref, t)) < 0 ||
	    (error = gv__demo_votes(db, b, clk)) < 0)
		return error;
	return today_after_vote(db, ref, b, clk);
}

/* Whole weeks from the live week's start to now, rounded down. */
static int64_t
weeks_to(int64_t now, int64_t week)
{
	int64_t d = now - week;

	return d / WEEK - (d % WEEK < 0);
}

static int
today_apply(struct gv_db *db, json_t *record, json_t *today)
{
	struct gv__demo_clock clk = {0, INT64_MAX};
	const char *week_text = NULL;
	int64_t week, now = gv_db_now(db);
	json_error_t jerr;
	json_t *b;
	size_t i;
	int error;

	if (json_unpack_ex(today, &jerr, 0, "{s:s}", "week", &week_text) < 0)
		return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID,
		                     "demo data: %s", jerr.text);
	if ((error = gv_time_parse(&week, week_text)) < 0)
		return error;
	clk.shift = weeks_to(now, week) * WEEK;
	clk.until = now;
	if ((error = gv__demo_apply(db, record, &clk)) < 0)
		return error;
	json_array_foreach (json_object_get(today, "ballots"), i, b) {
		if ((error = today_ballot(db, b, &clk)) < 0)
			return error;
	}
	return 0;
}

int
gv_demo_load_today(struct gv_db *db)
{
	json_t *record = NULL, *today = NULL;
	int error;

	if ((error = gv__demo_builtin(&record, "demo.json")) == 0 &&
	    (error = gv__demo_builtin(&today, "demo-today.json")) == 0 &&
	    (error = gv__db_begin(db)) == 0) {
		if ((error = today_apply(db, record, today)) < 0 ||
		    (error = gv__db_commit(db)) < 0)
			gv__db_rollback(db);
	}
	json_decref(record);
	json_decref(today);
	return error;
}
