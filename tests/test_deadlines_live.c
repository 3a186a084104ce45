/* SPDX-License-Identifier: MIT */
/*
 * This file tests the deadline list's shortcut (issue 21): gv_deadlines
 * leaves out, by its query, the ballots whose every clock is over, and
 * must list exactly what computing every ballot's clocks lists. Ballots
 * of every shape are written straight into the tables (kinds, results,
 * versions before and after the vote, withdrawals, cancellations, ties
 * at one instant, IPR reviews, holidays after them), and the two lists
 * are compared at instants across their whole lives; then again once
 * their rows, versions and holidays have changed. The query reads only
 * the ballots not settled by its now (ballot.settled_at, derived by the
 * schema's triggers): no ballot may be live at or after that instant.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_fixture.h"
#include "ballot_internal.h"
#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"

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

/* The deadlines at now with the live filter and without it are the same
 * (0); a failure names the moment and both lists (-1). */
static int
same_lists_at(struct gv_db *db, int64_t now)
{
	char *every, *live;
	int same;

	gv_db_set_now(db, now);
	every = listed(db, 1);
	live = listed(db, 0);
	same = every && live && !strcmp(every, live);
	if (!same)
		t_fail(__FILE__, __LINE__,
		       "at %lld the live ballots give \"%s\", all of them "
		       "\"%s\"",
		       (long long)now, live ? live : "(null)",
		       every ? every : "(null)");
	free(every);
	free(live);
	return same ? 0 : -1;
}

/* Changes after the fact, as later operations (or acts recorded with
 * --at in the past) make them: a cancellation recorded or undone, a
 * withdrawal, a new version reopening a round, a result or kind
 * corrected, a review started, holidays added and removed. */
static int
change_rows(struct gv_db *db, int64_t t0)
{
	static const char *const changes[] = {
	        "UPDATE ballot SET cancelled_at = ?1 WHERE number = ?2",
	        "UPDATE ballot SET withdrawn_at = ?1 WHERE number = ?2",
	        "INSERT OR IGNORE INTO ballot_version (ballot, n, posted_at)"
	        " SELECT id, 3, ?1 FROM ballot WHERE number = ?2 AND ?1 > 0",
	        "UPDATE ballot SET review_starts_at = ?1 WHERE number = ?2",
	        "UPDATE ballot SET results_at = ?1 WHERE number = ?2",
	        "UPDATE ballot SET result = CASE WHEN ?1 > 0 THEN 'passed'"
	        " END, kind = 'fg' WHERE number = ?2",
	        "UPDATE ballot SET kind = 'other' WHERE ?1 > 0 AND number = ?2",
	        "DELETE FROM ballot_version WHERE n = 1 AND ?1 > 0 AND ballot ="
	        " (SELECT id FROM ballot WHERE number = ?2)",
	        "DELETE FROM holiday WHERE ?1 > 0 AND day IN (SELECT day FROM"
	        " holiday ORDER BY day LIMIT 1 OFFSET ?2 % 100)",
	        "INSERT OR IGNORE INTO holiday (body, day) SELECT 1, ?1 / 86400"
	        " + ?2 % 40 WHERE ?1 > 0",
	};
	sqlite3_stmt *st = NULL;
	char at[24];
	int i, rc = SQLITE_OK;

	for (i = 0; i < 300 && rc == SQLITE_OK; i++) {
		instant(at, sizeof(at), t0 + pick(400) * DAY, 6);
		if (sqlite3_prepare_v2(db->sql, changes[pick(10)], -1, &st,
		                       NULL) != SQLITE_OK)
			return -1;
		if (strcmp(at, "NULL"))
			sqlite3_bind_int64(st, 1, strtoll(at, NULL, 10));
		sqlite3_bind_int64(st, 2, 1 + pick(400));
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
		sqlite3_finalize(st);
	}
	return rc == SQLITE_OK ? 0 : -1;
}

/* The count sql gives, with ?1 the database's now. */
static int64_t
query_count(struct gv_db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, gv_db_now(db));
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

/* The ballots BALLOT_LIST_LIVE lists at now. */
static size_t
live_at(int64_t *ids, size_t max, struct gv_db *db, int64_t now)
{
	sqlite3_stmt *st;
	size_t n = 0;

	if (gv__db_stmt(&st, db, GV__STMT_BALLOT_LIST_LIVE) < 0)
		return 0;
	gv__bind_opt(st, 1, 0, 0);
	gv__bind_int(st, 2, now);
	while (gv__db_step(db, st) > 0 && n < max)
		ids[n++] = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	return n;
}

/*
 * No ballot is live at or after its settled_at, by the whole test: with
 * every settled_at set aside (the query then reads every ballot), each
 * is looked for at that instant, the next day and a week on. Then every
 * settled_at is derived again from scratch, which must give what the
 * triggers kept through every change.
 */
static void
never_live_once_settled(struct gv_db *db)
{
	static int64_t settled[401], ids[401];
	sqlite3_stmt *st = NULL;
	int64_t id, at;
	size_t i, n, late = 0, checked = 0;
	int step;

	T_ASSERT(sqlite3_prepare_v2(db->sql,
	                            "SELECT id, ifnull(settled_at, -1) FROM"
	                            " ballot",
	                            -1, &st, NULL) == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		if ((id = sqlite3_column_int64(st, 0)) > 0 && id <= 400)
			settled[id] = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	T_EQ_INT(gv__db_exec(db, "UPDATE ballot SET settled_at = NULL"), 0);
	for (id = 1; id <= 400; id++)
		for (step = 0; step < 3 && settled[id] >= 0; step++) {
			at = settled[id] + (step == 2 ? 7 * DAY : step * DAY);
			n = live_at(ids, 401, db, at);
			checked++;
			for (i = 0; i < n; i++)
				if (ids[i] <= 400 && settled[ids[i]] >= 0 &&
				    settled[ids[i]] <= at)
					late++;
		}
	T_EQ_INT(late, 0);
	T_ASSERT(checked > 300);
	/* Derived again: what the triggers kept. */
	T_EQ_INT(gv__db_exec(db, "UPDATE ballot SET kind = kind"), 0);
	T_ASSERT(sqlite3_prepare_v2(db->sql,
	                            "SELECT id, ifnull(settled_at, -1) FROM"
	                            " ballot",
	                            -1, &st, NULL) == SQLITE_OK);
	n = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		if ((id = sqlite3_column_int64(st, 0)) > 0 && id <= 400)
			n += settled[id] != sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	T_EQ_INT(n, 0);
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
	int n, round, skipped = 0;

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
	for (round = 0; round < 2; round++) {
		if (round == 1)
			T_EQ_INT(change_rows(db, t0), 0);
		never_live_once_settled(db);
		for (now = t0 - 10 * DAY; now < t0 + 800 * DAY;
		     now += 9 * DAY + 3607) {
			if (same_lists_at(db, now) < 0)
				return;
			skipped += count(db, 1) < count(db, 0);
		}
	}
	/* The shortcut did leave ballots out, most by their settled_at. */
	T_ASSERT(skipped > 100);
	gv_db_set_now(db, t0 + 800 * DAY);
	T_ASSERT(query_count(db, "SELECT count(*) FROM ballot WHERE"
	                         " settled_at <= ?1") > 200);
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

/* When SMCWG's ballot number settles, or -1 (not known to). */
static int64_t
settled_of(struct gv_db *db, int number)
{
	char sql[160];

	snprintf(sql, sizeof(sql),
	         "SELECT ifnull(settled_at, -1) FROM ballot WHERE number = %d"
	         " AND ?1 = ?1",
	         number);
	return query_count(db, sql);
}

/* The two lists agree on every day of [from, to), at 05:00. */
static void
same_lists_daily(struct gv_db *db, int64_t from, int64_t to)
{
	int64_t saved = gv_db_now(db), now;

	for (now = from + 5 * 3600; now < to; now += DAY)
		if (same_lists_at(db, now) < 0)
			break;
	gv_db_set_now(db, saved);
}

/* A ballot through its vote and count, with its quorum. */
static int
voted(struct gv_db *db, const struct plan *p, int64_t close)
{
	int rc;

	if ((rc = run_to_vote(db, p)) < 0 ||
	    (rc = votes(db, p->ref, "Issuer", 1, 3, GV_VOTE_YES,
	                t_at(p->vote) + DAY)) < 0 ||
	    (rc = votes(db, p->ref, "Consumer", 1, 2, GV_VOTE_YES,
	                t_at(p->vote) + DAY)) < 0 ||
	    (rc = gv_ballot_set_quorum(db, p->ref, 3, "test")) < 0)
		return rc;
	return gv_ballot_close(db, p->ref, close);
}

/*
 * settled_at through the operations that change a ballot, each recorded
 * after the fact (--at in the past): a count, an IPR review and holidays
 * after it (IPR 4.1; BYL 2.4(8)), a withdrawal, a new version reopening
 * the round, a cancellation, an expiry undone by a vote opened later
 * (BYL 2.3(3)). Through all of them the two lists agree, and the replay
 * after the test derives the same instants (tests/rebuild_check.c).
 */
static void
settles_through_operations(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t close = t_at("2024-11-21 15:00"),
	        review_end = t_at("2024-11-22 16:00") + 30 * DAY;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	/* Passed: its review is still to come, so it never settles yet. */
	T_OK(voted(db, &p, close));
	T_EQ_INT(settled_of(db, 10), -1);
	T_OK(gv_ballot_review(db, "SMC010", t_at("2024-11-22 16:00")));
	T_EQ_INT(settled_of(db, 10), review_end + 2 * WEEK);
	/* A holiday after the review's end: a week more, surely enough. */
	T_OK(gv_holiday_add(db, "SMCWG", t_at("2024-12-25") / DAY, "Xmas"));
	T_EQ_INT(settled_of(db, 10), review_end + 3 * WEEK);
	T_OK(gv_holiday_remove(db, "SMCWG", t_at("2024-12-25") / DAY));
	T_EQ_INT(settled_of(db, 10), review_end + 2 * WEEK);
	T_OK(gv_holiday_add(db, "SMCWG", t_at("2024-12-24") / DAY, "Eve"));

	/* Not a guideline: settled from its count. */
	p = usual("SMCWG", "SMC011", 11);
	p.kind = "other";
	T_OK(voted(db, &p, close));
	T_EQ_INT(settled_of(db, 11), close);

	/* Withdrawn, reopened by a new version, then cancelled. */
	p = usual("SMCWG", "SMC012", 12);
	T_OK(run_to_vote(db, &p));
	T_EQ_INT(settled_of(db, 12), -1);
	T_OK(gv_ballot_withdraw(db, "SMC012", t_at("2024-11-15")));
	T_EQ_INT(settled_of(db, 12), t_at("2024-11-15"));
	/* A fresh round, not voted in: it would expire 90 days on. */
	T_OK(gv_ballot_version(db, "SMC012", "v2", NULL, 0,
	                       t_at("2024-11-18")));
	T_EQ_INT(settled_of(db, 12), t_at("2024-11-18") + 90 * DAY);
	T_OK(gv_ballot_cancel(db, "SMC012", t_at("2024-11-20")));
	T_EQ_INT(settled_of(db, 12), t_at("2024-11-20"));

	/* Never voted: expired 90 days after its version, until a vote
	 * opened within them is recorded. */
	p = usual("SMCWG", "SMC013", 13);
	p.vote = NULL;
	T_OK(run_to_vote(db, &p));
	T_EQ_INT(settled_of(db, 13), t_at(p.version) + 90 * DAY);
	T_OK(gv_ballot_open_vote(db, "SMC013", t_at("2024-11-20")));
	T_EQ_INT(settled_of(db, 13), -1);

	same_lists_daily(db, t_at("2024-11-01"), t_at("2025-03-01"));
	gv_db_free(db);
}

const struct t_case deadlines_live_tests[] = {
        {"shortcut_lists_what_every_clock_lists",
         shortcut_lists_what_every_clock_lists},
        {"review_running_is_not_decided", review_running_is_not_decided},
        {"settles_through_operations", settles_through_operations},
        {NULL, NULL},
};
