/* SPDX-License-Identifier: MIT */
/*
 * This file tests the work a vote, a close, a roll call and a new meeting
 * do as they are applied, which a sync into an empty copy does thousands
 * of times (issue 17): a vote looks its ballot up once, not the whole
 * ballot and body again; the membership of the day, a meeting's voting
 * members and the people of a name are read by index, without a sorter;
 * an agenda item is inserted without RETURNING. And the readings these
 * statements give where they take another path: a membership that has
 * ended since, namesakes in the order they were recorded, the position of
 * a new agenda item.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_fixture.h"
#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"

/* Whether the plan SQLite makes for statement which mentions needle. */
static int
plan_mentions(struct gv_db *db, enum gv__stmt which, const char *needle)
{
	sqlite3_stmt *st = NULL, *plan = NULL;
	char *sql;
	int found = 0;

	if (gv__db_stmt(&st, db, which) < 0)
		return -1;
	sql = gv__xsprintf("EXPLAIN QUERY PLAN %s", sqlite3_sql(st));
	if (sqlite3_prepare_v2(db->sql, sql, -1, &plan, NULL) != SQLITE_OK)
		found = -1;
	while (found == 0 && sqlite3_step(plan) == SQLITE_ROW)
		found = strstr((const char *)sqlite3_column_text(plan, 3),
		               needle) != NULL;
	sqlite3_finalize(plan);
	free(sql);
	return found;
}

static void
statements_use_indexes(void)
{
	struct gv_db *db = open_db();
	sqlite3_stmt *st = NULL;

	T_ASSERT(db);
	/* Every vote, and every vote a close tallies: the open membership
	 * by its index, no sort for the one row in force. */
	T_EQ_INT(plan_mentions(db, GV__STMT_MEMBERSHIP_AT, "TEMP B-TREE"), 0);
	T_EQ_INT(plan_mentions(db, GV__STMT_MEMBERSHIP_AT, "membership_since"),
	         1);
	/* What a vote has seen of the organisation's votes: the latest
	 * first, as the index holds them. */
	T_EQ_INT(plan_mentions(db, GV__STMT_VOTE_SEEN, "TEMP B-TREE"), 0);
	/* An organisation by name (each vote, each attendee): the index
	 * alone answers. */
	T_EQ_INT(plan_mentions(db, GV__STMT_ORG_BY_FOLD, "COVERING INDEX"), 1);
	/* Each close's quorum: the attendees' memberships by the index,
	 * not the body's every membership against every attendee. */
	T_EQ_INT(plan_mentions(db, GV__STMT_BASELINE_MEETINGS,
	                       "membership_since"),
	         1);
	T_EQ_INT(plan_mentions(db, GV__STMT_BASELINE_MEETINGS, "SCAN ms"), 0);
	/* Each attendee of a roll call: the people of the name and their
	 * past at the organisation in one statement, without a sort. */
	T_EQ_INT(plan_mentions(db, GV__STMT_ROLL_NAMESAKES, "TEMP B-TREE"), 0);
	/* The few operations not applied as they are, and an issue's
	 * closes and reopenings: by their partial indexes, not by reading
	 * the whole log or the whole history. */
	T_EQ_INT(plan_mentions(db, GV__STMT_OP_NEW_STATUS, "op_trouble"), 1);
	T_EQ_INT(plan_mentions(db, GV__STMT_OP_NEW_TROUBLE, "op_trouble"), 1);
	T_EQ_INT(plan_mentions(db, GV__STMT_OP_OLD_TROUBLE, "op_trouble"), 1);
	T_EQ_INT(plan_mentions(db, GV__STMT_OP_TROUBLE, "op_trouble"), 1);
	T_EQ_INT(plan_mentions(db, GV__STMT_OP_TALLY, "op_trouble"), 1);
	T_EQ_INT(plan_mentions(db, GV__STMT_REMOTE_LIST, "op_trouble"), 1);
	T_EQ_INT(plan_mentions(db, GV__STMT_ISSUE_STORY_STATES,
	                       "issue_state_issue"),
	         1);
	/* Each agenda item of a new meeting: no row to return. */
	T_OK(gv__db_stmt(&st, db, GV__STMT_ITEM_INSERT));
	T_EQ_INT(sqlite3_column_count(st), 0);
	gv_db_free(db);
}

/* A vote finds its ballot once to record the operation and once to apply
 * it, and reads neither the whole ballot nor the body's row. */
static void
vote_looks_its_ballot_up_once(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	struct t_runs n = {
	        {"FROM body b LEFT JOIN ballot bl", "FROM body b WHERE b.fold"},
	        {0, 0}};
	char *reason = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 5, 2));
	T_OK(run_to_vote(db, &p));
	t_runs_start(db, &n);
	T_OK(gv_ballot_vote(&reason, db, "smc10", "Issuer 1", GV_VOTE_YES,
	                    t_at("2024-11-15"), NULL));
	t_runs_stop(db);
	T_EQ_STR(reason, NULL);
	T_EQ_INT(n.n[0], 2); /* the ballot */
	T_EQ_INT(n.n[1], 0); /* the body's row */
	/* The log names the ballot as the body writes it. */
	T_EQ_INT(t_sql_int(db,
	                   "SELECT count(*) FROM op WHERE kind ="
	                   " 'ballot.vote' AND"
	                   " json_extract(text, '$.data.ballot') = 'SMC010'"),
	         1);
	gv_db_free(db);
}

/* SMC-CH 3.2.3, BYL 3.3: a vote is read against the membership of its
 * day, an ended one included (the open row's index does not hold it). */
static void
vote_reads_an_ended_membership(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t start = t_at("2024-11-14 14:00");
	const struct gv_vote *v;
	struct gv_tally *t = NULL;
	char *reason = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 5, 2));
	T_OK(member(db, "SMCWG", "Probie CA", GV_CLASS_PROBATIONARY));
	T_OK(run_to_vote(db, &p));
	/* Probie CA becomes an issuer during the vote; Issuer 5 is
	 * suspended then. */
	T_OK(gv_org_set(db, "Probie CA", "SMCWG", GV_CLASS_ISSUER, -1,
	                start + 2 * DAY));
	T_OK(gv_org_set(db, "Issuer 5", "SMCWG", -1, GV_STATUS_SUSPENDED,
	                start + 2 * DAY));
	T_OK(gv_ballot_vote(&reason, db, "SMC010", "Probie CA", GV_VOTE_NO,
	                    start + DAY, NULL));
	T_EQ_STR(reason, "probationary member: no vote (BYL 3.3)");
	free(reason);
	T_OK(vote1(db, "SMC010", "Probie CA", GV_VOTE_YES, start + 3 * DAY));
	T_OK(vote1(db, "SMC010", "Issuer 5", GV_VOTE_YES, start + DAY));
	T_OK(gv_ballot_vote(&reason, db, "SMC010", "Issuer 4", GV_VOTE_YES,
	                    start + 3 * DAY, NULL));
	T_EQ_STR(reason, NULL);
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_EQ_INT(t->nvotes, 4);
	T_EQ_INT(t->issuers.yes, 3);
	T_EQ_INT(t->issuers.no, 0);
	T_ASSERT((v = ledger(t, "Probie CA", start + DAY)) && !v->counted);
	T_EQ_STR(v->klass, "probationary");
	T_ASSERT((v = ledger(t, "Probie CA", start + 3 * DAY)) && v->counted);
	T_EQ_STR(v->klass, "issuer");
	T_ASSERT((v = ledger(t, "Issuer 5", start + DAY)) && v->counted);
	gv_tally_free(t);
	gv_db_free(db);
}

/* BYL 2.3(7): a meeting counts the voting members present as they were
 * that day: one whose membership ended later, not one that became a
 * voting member later; and an organisation once however many attend. */
static void
meeting_counts_the_day_s_members(void)
{
	struct gv_db *db = open_db();
	struct gv_person_spec second = {"Second Rep", "Issuer 1", NULL, NULL};
	const char *names[] = {
	        "Rep Issuer 1 (Issuer 1)", "Second Rep (Issuer 1)",
	        "Rep Probie CA (Probie CA)", "Rep Consumer 1 (Consumer 1)"};
	int64_t before, after, change = t_at("2024-06-01");
	struct gv_meeting_spec spec = {0};
	struct gv_roll_call r;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 1, 1));
	T_OK(member(db, "SMCWG", "Probie CA", GV_CLASS_PROBATIONARY));
	T_OK(gv_person_add(NULL, db, &second));
	T_OK(gv_org_set(db, "Probie CA", "SMCWG", GV_CLASS_ISSUER, -1, change));
	T_OK(gv_org_set(db, "Consumer 1", "SMCWG", -1, GV_STATUS_SUSPENDED,
	                change));
	spec.body = "SMCWG";
	spec.bare = 1;
	spec.starts_at = change - DAY;
	T_OK(gv_meeting_add(&before, db, &spec));
	spec.starts_at = change + DAY;
	T_OK(gv_meeting_add(&after, db, &spec));
	T_OK(gv_meeting_attend(&r, db, before, names, 4, 0));
	gv_roll_call_dispose(&r);
	T_OK(gv_meeting_attend(&r, db, after, names, 4, 0));
	gv_roll_call_dispose(&r);
	/* Before: Issuer 1 (twice) and Consumer 1; Probie CA on probation. */
	T_EQ_INT(t_voting_orgs(db, before), 2);
	/* After: Issuer 1 and Probie CA; Consumer 1 suspended. */
	T_EQ_INT(t_voting_orgs(db, after), 2);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM attendance"), 8);
	gv_db_free(db);
}

/* Namesakes are listed in the order they were recorded, whatever the
 * order of their organisations. */
static void
namesakes_in_recorded_order(void)
{
	struct gv_db *db = open_db();
	struct gv_person_spec at_m = {"Adam Jones", "Mozilla", NULL, NULL};
	struct gv_person_spec at_e = {"Adam Jones", "Entrust", NULL, NULL};
	const char *bare = "Adam Jones";
	struct gv_meeting_spec spec = {0};
	struct gv_roll_call r;
	int64_t id;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 1, 1));
	T_OK(member(db, "SMCWG", "Entrust", GV_CLASS_ISSUER));
	T_OK(member(db, "SMCWG", "Mozilla", GV_CLASS_CONSUMER));
	T_OK(gv_person_add(NULL, db, &at_m));
	T_OK(gv_person_add(NULL, db, &at_e));
	spec.body = "SMCWG";
	spec.bare = 1;
	spec.starts_at = t_at("2024-06-05 15:00");
	T_OK(gv_meeting_add(&id, db, &spec));
	T_EQ_INT(gv_meeting_attend(&r, db, id, &bare, 1, 0), GV_ECONFLICT);
	gv_roll_call_dispose(&r);
	T_EQ_STR(gv_error_last()->message,
	         "\"Adam Jones\" names 2 people (Mozilla; Entrust): write it "
	         "as Name (Organisation)");
	gv_db_free(db);
}

/* A meeting of SMCWG (one issuer, one consumer) on 2024-06-05 with the
 * item "Ballot SMC010" added by hand at *pos. */
static int
meeting_with_item(int64_t *id, int *pos, struct gv_db *db)
{
	struct gv_meeting_spec spec = {0};
	int error;

	if ((error = body_with(db, "SMCWG", NULL, 1, 1)) < 0)
		return error;
	spec.body = "SMCWG";
	spec.starts_at = t_at("2024-06-05 15:00");
	if ((error = gv_meeting_add(id, db, &spec)) < 0)
		return error;
	return gv_meeting_add_item(pos, db, *id, "Ballot SMC010");
}

/* An agenda item added by hand comes after the meeting's items. */
static void
item_takes_the_next_position(void)
{
	struct gv_db *db = open_db();
	int64_t id;
	int pos = 0;

	T_ASSERT(db);
	T_OK(meeting_with_item(&id, &pos, db));
	T_EQ_INT(pos, t_sql_int(db, "SELECT count(*) FROM agenda_item"));
	T_ASSERT(pos > 1);
	T_OK(gv_meeting_add_item(&pos, db, id, "Ballot SMC011"));
	T_EQ_INT(pos, t_sql_int(db, "SELECT max(pos) FROM agenda_item"));
	T_EQ_INT(t_sql_int(db, "SELECT pos FROM agenda_item"
	                       " WHERE title = 'Ballot SMC011'"),
	         pos);
	gv_db_free(db);
}

/* A note on an agenda item finds the item twice, by its position or
 * title: once to name it in the operation by its whole title (which
 * another copy's new item does not move), once to apply it; and reads
 * no listing of the agenda with its links. */
static void
item_note_reads_the_titles_twice(void)
{
	struct gv_db *db = open_db();
	struct t_runs n = {{"SELECT pos, title, id FROM agenda_item",
	                    "FROM agenda_item a WHERE a.meeting"},
	                   {0, 0}};
	int64_t id;
	int pos = 0;

	T_ASSERT(db);
	T_OK(meeting_with_item(&id, &pos, db));
	t_runs_start(db, &n);
	T_OK(gv_meeting_note(db, id, "ballot smc", "Discussed."));
	t_runs_stop(db);
	T_EQ_INT(n.n[0], 2);
	T_EQ_INT(n.n[1], 0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM agenda_item WHERE"
	                       " title = 'Ballot SMC010'"
	                       " AND notes_md = 'Discussed.'"),
	         1);
	gv_db_free(db);
}

const struct t_case ballot_apply_tests[] = {
        {"statements_use_indexes", statements_use_indexes},
        {"vote_looks_its_ballot_up_once", vote_looks_its_ballot_up_once},
        {"vote_reads_an_ended_membership", vote_reads_an_ended_membership},
        {"meeting_counts_the_day_s_members", meeting_counts_the_day_s_members},
        {"namesakes_in_recorded_order", namesakes_in_recorded_order},
        {"item_takes_the_next_position", item_takes_the_next_position},
        {"item_note_reads_the_titles_twice", item_note_reads_the_titles_twice},
        {NULL, NULL},
};
