/* SPDX-License-Identifier: MIT */
/*
 * This file tests the deadline list's shortcut (issue 21): gv_deadlines
 * leaves out, by its query, the ballots whose every clock is over, and
 * must list exactly what computing every ballot's clocks lists. Ballots
 * of every shape are written straight into the tables (kinds, results,
 * versions before and after the vote, withdrawals, cancellations, ties
 * at one instant, IPR reviews, holidays after them), and the two lists
 * are compared at instants across their whole lives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"

#define DAY 86400

static unsigned seed = 21;

static int64_t
pick(int64_t n)
{
	seed = seed * 1103515245u + 12345u;
	return (int64_t)((seed >> 8) % (unsigned)n);
}

/* An instant near base, or NULL (as text for the SQL) one time in
 * null_in. */
static void
instant(char *out, size_t size, int64_t base, int null_in)
{
	if (null_in && pick(null_in) == 0)
		snprintf(out, size, "NULL");
	else
		snprintf(out, size, "%lld",
		         (long long)(base + pick(3) * (pick(120) * DAY) +
		                     pick(2) * 43200));
}

/* Ballot number n of body 1, its acts in lifecycle order from t0. */
static int
ballot_row(struct gv_db *db, int n, int64_t t0)
{
	static const char *const kinds[] = {"fg", "fmg", "other"};
	static const char *const results[] = {"'passed'", "'failed'",
	                                      "'invalid'", "NULL"};
	char sql[1024], prop[24], vote[24], res[24], rev[24], wd[24], can[24];
	int64_t v0 = t0 + pick(20) * DAY, r0 = v0 + (7 + pick(4)) * DAY;

	snprintf(prop, sizeof(prop), "%lld", (long long)t0);
	/* Acts at the version's instant too: ties decide rounds. */
	if (pick(6) == 0)
		snprintf(vote, sizeof(vote), "%lld", (long long)t0);
	else
		instant(vote, sizeof(vote), v0, 4);
	instant(res, sizeof(res), r0, 4);
	instant(rev, sizeof(rev), r0 + pick(6) * DAY, 3);
	instant(wd, sizeof(wd), v0, pick(2) ? 12 : 1);
	instant(can, sizeof(can), v0, pick(2) ? 12 : 1);
	snprintf(sql, sizeof(sql),
	         "INSERT INTO ballot (body, number, title, kind, created_at,"
	         " proposed_at, discussion_ends_at, vote_starts_at,"
	         " results_at, review_starts_at, withdrawn_at, cancelled_at,"
	         " result) VALUES (1, %d, 'B%d', '%s', %lld, %s, %s, %s, %s,"
	         " %s, %s, %s, %s);"
	         " INSERT INTO ballot_version (ballot, n, posted_at) VALUES"
	         " (last_insert_rowid(), 1, %lld)",
	         n, n, kinds[pick(3)], (long long)t0, pick(8) ? prop : "NULL",
	         pick(3) ? "NULL" : prop, vote, res, rev, wd, can,
	         results[pick(4)], (long long)t0);
	if (gv__db_exec(db, sql) < 0)
		return -1;
	/* A later version: the acts before it belong to an old round. */
	if (pick(5) == 0) {
		snprintf(sql, sizeof(sql),
		         "INSERT INTO ballot_version (ballot, n, posted_at)"
		         " SELECT id, 2, %lld FROM ballot WHERE number = %d",
		         (long long)(v0 + pick(3) * 7 * DAY), n);
		return gv__db_exec(db, sql);
	}
	return 0;
}

/* The list as one line per deadline. */
static char *
listed(struct gv_db *db, int every)
{
	struct gv_deadline_list *l = NULL;
	size_t i, len = 0;
	char *out;

	if (gv__deadlines(&l, db, NULL, 0, every) < 0)
		return NULL;
	if (!(out = calloc(1, 1)))
		abort();
	for (i = 0; i < l->n; i++) {
		char line[256];
		int n = snprintf(line, sizeof(line), "%lld %s %s %s %d %d\n",
		                 (long long)l->v[i].at, l->v[i].subject,
		                 l->v[i].what, l->v[i].state, l->v[i].clock,
		                 l->v[i].overdue);
		char *grown = realloc(out, len + (size_t)n + 1);

		if (!grown)
			abort();
		out = grown;
		memcpy(out + len, line, (size_t)n + 1);
		len += (size_t)n;
	}
	gv_deadline_list_free(l);
	return out;
}

static size_t
count(struct gv_db *db, int live)
{
	struct gv_ballot_list *l = NULL;
	size_t n;

	if ((live ? gv_ballot_list_live(&l, db, NULL)
	          : gv_ballot_list(&l, db, NULL)) < 0)
		return 0;
	n = l->n;
	gv_ballot_list_free(l);
	return n;
}

static void
shortcut_lists_what_every_clock_lists(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_body_spec spec = {0};
	struct gv_db *db = NULL;
	int64_t t0 = t_at("2024-01-01 00:00"), now;
	int n, skipped = 0;

	t_rebuild_skip(); /* rows written past the operations */
	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &opts), 0);
	gv_db_set_actor(db, "chair");
	spec.code = "SMCWG";
	spec.name = "S/MIME Certificate Working Group";
	T_EQ_INT(gv_body_add(NULL, db, &spec), 0);
	for (n = 1; n <= 400; n++)
		T_EQ_INT(ballot_row(db, n,
		                    t0 + pick(300) * DAY + pick(4) * 3600),
		         0);
	/* Holidays where reviews end, so business days stretch. */
	for (n = 0; n < 120; n++) {
		char sql[128];

		snprintf(sql, sizeof(sql),
		         "INSERT OR IGNORE INTO holiday (body, day) VALUES"
		         " (1, %lld)",
		         (long long)(t0 / DAY + 60 + pick(500)));
		T_EQ_INT(gv__db_exec(db, sql), 0);
	}
	for (now = t0 - 10 * DAY; now < t0 + 800 * DAY; now += 9 * DAY + 3607) {
		char *every, *live;

		gv_db_set_now(db, now);
		every = listed(db, 1);
		live = listed(db, 0);
		T_ASSERT(every && live);
		T_EQ_STR(live, every);
		free(every);
		free(live);
		skipped += count(db, 1) < count(db, 0);
	}
	/* The shortcut did leave ballots out. */
	T_ASSERT(skipped > 50);
	gv_db_free(db);
}

/* A passed guideline ballot with its results in is decided, yet its IPR
 * review and the duties after it run: it stays in the list (RULES §4;
 * IPR 4.1; BYL 2.4(8)), until its publication is due. */
static void
review_running_is_not_decided(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_body_spec spec = {0};
	struct gv_db *db = NULL;
	struct gv_deadline_list *l = NULL;
	int64_t t0 = t_at("2024-11-07 12:00");
	char sql[512];

	t_rebuild_skip();
	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &opts), 0);
	gv_db_set_actor(db, "chair");
	spec.code = "SMCWG";
	spec.name = "S/MIME Certificate Working Group";
	T_EQ_INT(gv_body_add(NULL, db, &spec), 0);
	snprintf(sql, sizeof(sql),
	         "INSERT INTO ballot (body, number, title, kind, created_at,"
	         " proposed_at, vote_starts_at, results_at, review_starts_at,"
	         " result) VALUES (1, 11, 'Reviewed', 'fmg', %lld, %lld,"
	         " %lld, %lld, %lld, 'passed')",
	         (long long)t0, (long long)t0, (long long)(t0 + 7 * DAY),
	         (long long)(t0 + 15 * DAY), (long long)(t0 + 15 * DAY));
	T_EQ_INT(gv__db_exec(db, sql), 0);
	/* 30 days of review from day 15 (IPR 4.1), then 10 business days
	 * to publish (BYL 2.4(8)). */
	gv_db_set_now(db, t0 + 40 * DAY);
	T_EQ_INT(count(db, 1), 1);
	T_EQ_INT(gv_deadlines(&l, db, NULL, 0), 0);
	T_EQ_INT(l->n, 3);
	T_EQ_STR(l->v[0].what, "IPR review ends");
	T_EQ_STR(l->v[2].what, "publication due");
	gv_deadline_list_free(l);
	/* The review ended on Sunday 12-22, the outcome notice was due on
	 * the 3rd business day; publication is still due. */
	gv_db_set_now(db, t0 + 50 * DAY);
	T_EQ_INT(count(db, 1), 1);
	T_EQ_INT(gv_deadlines(&l, db, NULL, 0), 0);
	T_EQ_INT(l->n, 1);
	T_EQ_STR(l->v[0].what, "publication due");
	gv_deadline_list_free(l);
	gv_db_set_now(db, t0 + 90 * DAY);
	T_EQ_INT(count(db, 1), 0);
	gv_db_free(db);
}

const struct t_case deadlines_live_tests[] = {
        {"shortcut_lists_what_every_clock_lists",
         shortcut_lists_what_every_clock_lists},
        {"review_running_is_not_decided", review_running_is_not_decided},
        {NULL, NULL},
};
