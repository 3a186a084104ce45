/* SPDX-License-Identifier: MIT */
/*
 * This file tests meetings: the cadence and its DST behaviour, the next
 * call around cancellations, the roll call (accents, unknown names,
 * --create), agenda notes and links, the minutes' approval chain with the
 * 3-week rule, the quorum baseline, and the demo's minutes against the
 * published ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "harness.h"
#include "meeting_key.h"
#include "op.h"
#include "op_kinds.h"

/* 2024-12-18 16:00 UTC: the demo's 12-18 call. */
#define DEC18 1734537600

static struct gv_db *
group(void)
{
	struct gv_body_change change = {0};
	struct gv_db *db = t_smcwg_db(t_at("2024-01-01"));

	if (!db)
		return NULL;
	change.cadence = "every 2 weeks on Wednesday at 11:00 from 2024-10-09";
	if (gv_body_set(db, "SMCWG", &change) < 0) {
		gv_db_free(db);
		return NULL;
	}
	return db;
}

/* Moves the clock to an hour into meeting id, unless it is later: a
 * roll call is taken once the meeting has begun. */
static void
begun(struct gv_db *db, int64_t id)
{
	struct gv_meeting_detail *d = NULL;

	if (gv_meeting_get(&d, db, id) == 0 &&
	    gv_db_now(db) < d->meeting.starts_at + 3600)
		gv_db_set_now(db, d->meeting.starts_at + 3600);
	gv_meeting_detail_free(d);
}

/* A roll call of one (created): the meeting was held as recorded. */
static void
held(struct gv_db *db, int64_t id)
{
	const char *who = "Stephen Davidson (DigiCert)";
	struct gv_roll_call r;

	begun(db, id);
	gv_meeting_attend(&r, db, id, &who, 1, GV_ATTEND_CREATE);
	gv_roll_call_dispose(&r);
}

static void
cadence_parse_and_format(void)
{
	struct gv_cadence c;
	char buf[96];

	T_EQ_INT(gv_cadence_parse(&c, "every 2 weeks on Wednesday at 11:00 "
	                              "from 2024-12-04"),
	         0);
	T_EQ_INT(c.weeks, 2);
	T_EQ_INT(c.weekday, 3);
	T_EQ_INT(c.minute, 660);
	gv_cadence_format(buf, sizeof(buf), &c);
	T_EQ_STR(buf, "every 2 weeks on Wednesday at 11:00 from 2024-12-04");
	T_EQ_INT(gv_cadence_parse(&c, "Biweekly on wed at 4 pm from "
	                              "2024-12-04"),
	         0);
	T_EQ_INT(c.minute, 16 * 60);
	T_EQ_INT(gv_cadence_parse(&c, "weekly on Thursday at 12:00 from "
	                              "2025-01-09"),
	         0);
	T_EQ_INT(c.weeks, 1);
	T_EQ_INT(gv_cadence_parse(&c, "none"), 0);
	T_EQ_INT(c.weeks, 0);
	T_EQ_INT(gv_cadence_parse(&c, "every 2 weeks on Wednesday at 11:00 "
	                              "from 2024-12-05"),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message,
	           "the first call, 2024-12-05, is not on a Wednesday");
	T_EQ_INT(gv_cadence_parse(&c, "sometimes"), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "write it like");
}

/* The first call at or after a time, its wall clock kept across the
 * change of clocks: the one thing the calendar, `meeting next` and the
 * final minutes ask of a cadence. */
static void
cadence_next_call(void)
{
	struct gv_cadence c;
	int64_t t;

	T_ASSERT(gv_cadence_parse(&c, "every 2 weeks on Wednesday at 11:00 "
	                              "from 2024-10-23") == 0);
	T_EQ_INT(gv_cadence_next(&t, &c, "America/New_York", INT64_MIN), 0);
	T_EQ_INT(t, t_at("2024-10-23 15:00"));
	/* At the call itself: that call; a second later: the next, in EST. */
	T_EQ_INT(gv_cadence_next(&t, &c, "America/New_York",
	                         t_at("2024-10-23 15:00")),
	         0);
	T_EQ_INT(t, t_at("2024-10-23 15:00"));
	T_EQ_INT(gv_cadence_next(&t, &c, "America/New_York",
	                         t_at("2024-10-23 15:00") + 1),
	         0);
	T_EQ_INT(t, t_at("2024-11-06 16:00"));
	/* Before the first call: the first; a day between: the next. */
	T_EQ_INT(
	        gv_cadence_next(&t, &c, "America/New_York", t_at("2024-01-01")),
	        0);
	T_EQ_INT(t, t_at("2024-10-23 15:00"));
	T_EQ_INT(
	        gv_cadence_next(&t, &c, "America/New_York", t_at("2025-03-01")),
	        0);
	T_EQ_INT(t, t_at("2025-03-12 15:00"));
}

static void
next_call_keeps_local_hour_across_dst(void)
{
	struct gv_db *db = group();
	int64_t when, id;

	T_ASSERT(db);
	/* 2024-10-23 is before the US change (EDT, UTC-4): 15:00 UTC. */
	T_EQ_INT(gv_meeting_next(&when, &id, db, "SMCWG", t_at("2024-10-20")),
	         0);
	T_EQ_INT(when, t_at("2024-10-23 15:00"));
	T_EQ_INT(id, -1);
	/* 2024-11-06 is after it (EST, UTC-5): still 11:00, 16:00 UTC. */
	T_EQ_INT(gv_meeting_next(&when, &id, db, "SMCWG", t_at("2024-10-25")),
	         0);
	T_EQ_INT(when, t_at("2024-11-06 16:00"));
	/* And back in March 2025 (EDT again). */
	T_EQ_INT(gv_meeting_next(&when, &id, db, "SMCWG", t_at("2025-03-10")),
	         0);
	T_EQ_INT(when, t_at("2025-03-12 15:00"));
	gv_db_free(db);
}

static void
next_call_skips_cancelled(void)
{
	struct gv_db *db = group();
	int64_t jan1, when, id, f2f;

	T_ASSERT(db);
	jan1 = t_smcwg_meeting(db, "2025-01-01 11:00");
	T_ASSERT(jan1 > 0);
	T_EQ_INT(gv_meeting_cancel(db, jan1, "holiday"), 0);
	T_EQ_INT(gv_meeting_cancel(db, jan1, NULL), GV_ECONFLICT);
	/* RULES §7, the seed case: after the 2024-12-18 call the next is
	 * 2025-01-15 11:00 ET = 16:00 UTC. */
	T_EQ_INT(gv_meeting_next(&when, &id, db, "SMCWG", DEC18), 0);
	T_EQ_INT(when, t_at("2025-01-15 16:00"));
	/* A meeting scheduled off the cadence comes first when sooner. */
	f2f = t_smcwg_meeting(db, "2025-01-08 09:00");
	T_EQ_INT(gv_meeting_next(&when, &id, db, "SMCWG", DEC18), 0);
	T_EQ_INT(id, f2f);
	gv_db_free(db);
}

static void
roll_call_matches_and_creates(void)
{
	struct gv_db *db = group();
	const char *const known[] = {"inigo BARREIRA (sectigo)",
	                             "Kateryna Aleksieieva - (Asseco Data "
	                             "Systems SA (Certum))"};
	const char *const unknown[] = {"Iñigo Barreira (Sectigo)",
	                               "Jane Roe (Nowhere Inc.)", "Nobody"};
	struct gv_person_spec p = {0};
	struct gv_meeting_detail *d = NULL;
	struct gv_roll_call r;
	int64_t id;

	T_ASSERT(db);
	T_EQ_INT(gv_org_add(NULL, db, "Sectigo", "SMCWG", GV_CLASS_ISSUER, 0),
	         0);
	T_EQ_INT(gv_org_add(NULL, db, "Asseco Data Systems SA (Certum)",
	                    "SMCWG", GV_CLASS_ISSUER, 0),
	         0);
	p.name = "Iñigo Barreira";
	p.org = "Sectigo";
	T_EQ_INT(gv_person_add(NULL, db, &p), 0);
	p.name = "Kateryna Aleksieieva";
	p.org = "Asseco Data Systems SA (Certum)";
	T_EQ_INT(gv_person_add(NULL, db, &p), 0);
	id = t_smcwg_meeting(db, "2024-12-18 11:00");
	begun(db, id);
	T_EQ_INT(gv_meeting_attend(&r, db, id, known, 2, 0), 0);
	T_EQ_INT(r.recorded, 2);
	gv_roll_call_dispose(&r);
	/* Unknown names: nothing recorded, each one reported. */
	T_EQ_INT(gv_meeting_attend(&r, db, id, unknown, 3, 0), GV_ENOTFOUND);
	T_EQ_INT(r.nunmatched, 2);
	T_EQ_STR(r.unmatched[0], "Jane Roe (Nowhere Inc.)");
	T_EQ_STR(r.unmatched[1], "Nobody");
	gv_roll_call_dispose(&r);
	T_EQ_INT(gv_meeting_attend(&r, db, id, unknown, 3, GV_ATTEND_CREATE),
	         0);
	T_EQ_INT(r.created_people, 2);
	T_EQ_INT(r.created_orgs, 1);
	gv_roll_call_dispose(&r);
	T_EQ_INT(gv_meeting_get(&d, db, id), 0);
	T_EQ_INT(d->nattendees, 4);
	/* The new organisation's class is unknown: it is no voting member. */
	T_EQ_INT(d->meeting.voting_orgs, 2);
	gv_meeting_detail_free(d);
	T_EQ_INT(gv_meeting_unattend(db, id, unknown + 2, 1), 0);
	T_EQ_INT(gv_meeting_get(&d, db, id), 0);
	T_EQ_INT(d->nattendees, 3);
	gv_meeting_detail_free(d);
	gv_db_free(db);
}

static void
agenda_notes_and_links(void)
{
	struct gv_db *db = group();
	struct gv_meeting_filter f = {"SMCWG", 263, NULL};
	struct gv_issue_spec issue = {0};
	struct gv_meeting_detail *d = NULL;
	struct gv_meeting_list *list = NULL;
	int64_t a, b;
	int pos;

	T_ASSERT(db);
	issue.body = "SMCWG";
	issue.number = 263;
	issue.title = "EUID in OrganizationIdentifier attribute";
	issue.created_at = -1;
	T_EQ_INT(gv_issue_add(NULL, db, &issue), 0);
	a = t_smcwg_meeting(db, "2024-12-04 11:00");
	b = t_smcwg_meeting(db, "2024-12-18 11:00");
	T_EQ_INT(gv_meeting_get(&d, db, a), 0);
	T_EQ_INT(d->nitems, 7); /* the standard agenda */
	T_EQ_STR(d->items[3].role, "approval");
	T_EQ_STR(d->items[6].title, "Next call");
	gv_meeting_detail_free(d);
	T_EQ_INT(gv_meeting_note(db, b, "discussion", "EUID text *updated*."),
	         0);
	T_EQ_INT(gv_meeting_note(db, b, "5", "A ballot early in 2025."), 0);
	T_EQ_INT(gv_meeting_link(db, b, "Discussion", 263, NULL), 0);
	T_EQ_INT(gv_meeting_link(db, b, "Discussion", 999, NULL), GV_ENOTFOUND);
	T_EQ_INT(gv_meeting_link(db, b, "Discussion", 0, "SMC099"),
	         GV_ENOTFOUND);
	T_EQ_INT(gv_meeting_note(db, b, "Lunch", "x"), GV_ENOTFOUND);
	T_EQ_INT(gv_meeting_add_item(&pos, db, b, "Membership"), 0);
	T_EQ_INT(pos, 8);
	T_EQ_INT(gv_meeting_get(&d, db, b), 0);
	T_EQ_STR(d->items[4].notes,
	         "EUID text *updated*.\n\nA ballot early in 2025.");
	T_EQ_STR(d->items[4].links, "#263");
	gv_meeting_detail_free(d);
	/* "Which meetings discussed issue #263" is one query. */
	T_EQ_INT(gv_meeting_list(&list, db, &f), 0);
	T_EQ_INT(list->n, 1);
	T_EQ_INT(list->v[0].id, b);
	gv_meeting_list_free(list);
	gv_db_free(db);
}

/* RULES §7's order puts discussion items before "Any other business"
 * and "Next call": an item added --before one goes there, the closing
 * items moving down, their roles with them. */
static void
item_goes_before_the_closing_items(void)
{
	struct gv_db *db = group();
	struct gv_meeting_detail *d = NULL;
	int64_t id;
	int pos = 0;

	T_ASSERT(db);
	id = t_smcwg_meeting(db, "2025-01-29 11:00");
	T_OK(gv_meeting_insert_item(&pos, db, id, "Membership", "any other"));
	T_EQ_INT(pos, 6);
	T_OK(gv_meeting_insert_item(&pos, db, id, "Ballot SMC011", "6"));
	T_EQ_INT(pos, 6);
	T_REFUSED(gv_meeting_insert_item(&pos, db, id, "Lunch", "dinner"),
	          GV_ENOTFOUND, "meeting 1 has no agenda item \"dinner\"");
	T_OK(gv_meeting_note(db, id, "next call", "February 12."));
	T_OK(gv_meeting_get(&d, db, id));
	T_EQ_INT(d->nitems, 9);
	T_EQ_STR(d->items[4].title, "Discussion");
	T_EQ_STR(d->items[5].title, "Ballot SMC011");
	T_EQ_STR(d->items[6].title, "Membership");
	T_EQ_STR(d->items[7].role, "other-business");
	T_EQ_INT(d->items[7].pos, 8);
	T_EQ_STR(d->items[8].role, "next-call");
	T_EQ_STR(d->items[8].notes, "February 12.");
	gv_meeting_detail_free(d);
	gv_db_free(db);
}

/* The start of a title names one item: its whole title wins over the
 * titles it starts, and one that starts several is refused, each named,
 * instead of the note going to the first. */
static void
title_typed_names_one_item(void)
{
	struct gv_db *db = group();
	struct gv_meeting_detail *d = NULL;
	const char *before;
	int64_t id;
	int pos = 0;

	T_ASSERT(db);
	id = t_smcwg_meeting(db, "2025-01-29 11:00");
	T_OK(gv_meeting_insert_item(&pos, db, id, "Ballot SMC011",
	                            "any other"));
	T_OK(gv_meeting_insert_item(&pos, db, id, "Ballot SMC012",
	                            "any other"));
	T_OK(gv_meeting_insert_item(&pos, db, id, "Discussion of SMC013",
	                            "any other"));
	before = t_db_snapshot(db);
	T_REFUSED(gv_meeting_note(db, id, "ballot", "Which one?"), GV_ECONFLICT,
	          "\"ballot\" starts 2 agenda items of meeting 1 (6 Ballot "
	          "SMC011, 7 Ballot SMC012): give its number, or more of its "
	          "title");
	T_EQ_STR(t_db_snapshot(db), before);
	T_OK(gv_meeting_note(db, id, "ballot smc012", "Second."));
	T_OK(gv_meeting_note(db, id, "discussion", "Whole title."));
	T_OK(gv_meeting_note(db, id, "discussion of", "Started."));
	T_OK(gv_meeting_get(&d, db, id));
	T_EQ_STR(d->items[4].title, "Discussion");
	T_EQ_STR(d->items[4].notes, "Whole title.");
	T_EQ_STR(d->items[6].notes, "Second.");
	T_EQ_STR(d->items[7].title, "Discussion of SMC013");
	T_EQ_STR(d->items[7].notes, "Started.");
	gv_meeting_detail_free(d);
	gv_db_free(db);
}

/*
 * Two items of one title (a second "Discussion" slot): a note given the
 * second's position lands on it, and stays there when the log is
 * replayed; the title alone names neither, and is refused.
 */
static void
same_title_items_keep_their_notes(void)
{
	struct gv_db *db = group();
	struct gv_meeting_detail *d = NULL;
	struct gv_rebuild_report report;
	struct gv__op op = {0};
	json_t *data, *key;
	char *part = NULL;
	const char *before;
	int64_t id;
	int pos = 0;

	T_ASSERT(db);
	id = t_smcwg_meeting(db, "2025-01-29 11:00");
	T_OK(gv_meeting_add_item(&pos, db, id, "Discussion"));
	T_EQ_INT(pos, 8);
	T_OK(gv_meeting_note(db, id, "8", "On the second."));
	T_OK(gv_meeting_note(db, id, "5", "On the first."));
	T_OK(gv_meeting_insert_item(&pos, db, id, "Before the second", "8"));
	T_EQ_INT(pos, 8);
	before = t_db_snapshot(db);
	T_REFUSED(gv_meeting_note(db, id, "discussion", "Which one?"),
	          GV_ECONFLICT,
	          "\"discussion\" is the title of 2 agenda items of meeting 1 "
	          "(5 Discussion, 9 Discussion): give its number");
	T_EQ_STR(t_db_snapshot(db), before);
	T_OK(gv_rebuild(&report, db));
	T_EQ_INT(report.conflicts, 0);
	T_OK(gv_meeting_get(&d, db, id));
	T_EQ_STR(d->items[4].notes, "On the first.");
	T_EQ_STR(d->items[7].title, "Before the second");
	T_EQ_STR(d->items[8].title, "Discussion");
	T_EQ_STR(d->items[8].notes, "On the second.");
	gv_meeting_detail_free(d);
	/* An operation naming a third "Discussion", which is not there. */
	data = json_pack("{s:s, s:s, s:s, s:I}", "item", "10", "notes",
	                 "Where?", "item_title", "Discussion", "item_nth",
	                 (json_int_t)3);
	T_OK(gv__meeting_key(&key, &part, db, id));
	json_object_set_new(data, "meeting", key);
	op.kind = gv__op_kind_find("meeting.note");
	op.data = data;
	op.actor = "secretary";
	op.part = part;
	op.at = op.recorded = gv_db_now(db);
	T_REFUSED(gv__op_run(db, &op), GV_ENOTFOUND,
	          "meeting 1 has no agenda item 3 of those titled "
	          "\"Discussion\" (it has 2): see 'gavel meeting show 1'");
	free(part);
	json_decref(data);
	gv_db_free(db);
}

static void
approval_chain_and_three_weeks(void)
{
	struct gv_db *db = group();
	struct gv_body_change none = {0};
	struct gv_meeting_detail *d = NULL;
	int64_t a, b, c;

	T_ASSERT(db);
	/* Only the meetings added count here: the cadence's calls are
	 * minutes_final_counts_the_cadence's. */
	none.cadence = "none";
	T_OK(gv_body_set(db, "SMCWG", &none));
	a = t_smcwg_meeting(db, "2024-12-04 11:00");
	b = t_smcwg_meeting(db, "2024-12-18 11:00");
	c = t_smcwg_meeting(db, "2025-03-05 11:00");
	held(db, a);
	held(db, b);
	gv_db_set_now(db, t_at("2025-06-01"));
	T_EQ_INT(gv_minutes_approve(db, b, a, -1), GV_EINVALID);
	T_EQ_INT(gv_minutes_approve(db, a, b, -1), 0);
	T_EQ_INT(gv_minutes_approve(db, a, b, -1), GV_ECONFLICT);
	T_EQ_INT(gv_meeting_get(&d, db, a), 0);
	T_EQ_INT(d->meeting.minutes, GV_MINUTES_APPROVED);
	T_EQ_INT(d->meeting.approved_in, b);
	gv_meeting_detail_free(d);
	T_EQ_INT(gv_meeting_get(&d, db, b), 0);
	T_EQ_INT(d->napproves, 1);
	/* BYL 5.1(1): no meeting within 3 weeks of the draft (the next is
	 * in March), so the 12-18 minutes became final on 2025-01-08. */
	T_EQ_INT(d->meeting.minutes, GV_MINUTES_FINAL);
	T_EQ_INT(d->meeting.minutes_final_at, t_at("2025-01-08 16:00"));
	gv_meeting_detail_free(d);
	/* Before then they were still a draft. */
	gv_db_set_now(db, t_at("2025-01-07"));
	T_EQ_INT(gv_meeting_get(&d, db, b), 0);
	T_EQ_INT(d->meeting.minutes, GV_MINUTES_DRAFT);
	gv_meeting_detail_free(d);
	/* A draft circulated later starts the clock later. */
	gv_db_set_now(db, t_at("2025-06-01"));
	T_EQ_INT(gv_minutes_drafted(db, b, t_at("2025-02-20")), 0);
	T_EQ_INT(gv_meeting_get(&d, db, b), 0);
	T_EQ_INT(d->meeting.minutes, GV_MINUTES_DRAFT); /* March 5 is near */
	gv_meeting_detail_free(d);
	(void)c;
	gv_db_free(db);
}

/* BYL 5.1(1): draft minutes are final three weeks on only when no
 * meeting is scheduled within them; the cadence's calls are scheduled
 * meetings, unless cancelled. */
static void
minutes_final_counts_the_cadence(void)
{
	struct gv_db *db = group(); /* every 2 weeks on Wednesday at 11:00 */
	struct gv_meeting_detail *d = NULL;
	int64_t jan29, feb12;

	T_ASSERT(db);
	jan29 = t_smcwg_meeting(db, "2025-01-29 11:00");
	held(db, jan29);
	gv_db_set_now(db, t_at("2025-02-20 12:00Z"));
	/* The 02-12 call of the cadence, never added, is within 3 weeks. */
	T_OK(gv_meeting_get(&d, db, jan29));
	T_EQ_INT(d->meeting.minutes, GV_MINUTES_DRAFT);
	T_EQ_INT(d->meeting.minutes_final_at, -1);
	T_EQ_INT(d->meeting.minutes_next_at, t_at("2025-02-12 16:00Z"));
	gv_meeting_detail_free(d);
	/* Cancelled, it is no meeting: the next call (02-26) is beyond the
	 * three weeks, so the draft was final on 02-19. */
	feb12 = t_smcwg_meeting(db, "2025-02-12 11:00");
	T_OK(gv_meeting_cancel(db, feb12, "holiday"));
	T_OK(gv_meeting_get(&d, db, jan29));
	T_EQ_INT(d->meeting.minutes, GV_MINUTES_FINAL);
	T_EQ_INT(d->meeting.minutes_final_at, t_at("2025-02-19 16:00Z"));
	T_EQ_INT(d->meeting.minutes_next_at, -1);
	gv_meeting_detail_free(d);
	gv_db_free(db);
}

/* A roll call of n voting organisations (and one associate). */
static void
roll_call(struct gv_db *db, int64_t id, int n)
{
	const char *names[8];
	char buf[8][64];
	struct gv_roll_call r;
	int i;

	for (i = 0; i < n; i++) {
		snprintf(buf[i], sizeof(buf[i]), "Rep %d (Org %d)", i, i);
		names[i] = buf[i];
	}
	names[n] = "Tim Crawford (CPA Canada/WebTrust)";
	begun(db, id);
	gv_meeting_attend(&r, db, id, names, (size_t)n + 1, 0);
	gv_roll_call_dispose(&r);
}

static void
quorum_baseline(void)
{
	struct gv_db *db = group();
	struct gv_person_spec p = {0};
	struct gv_meeting_spec sub = {0};
	struct gv_baseline b;
	char org[32], name[32];
	int64_t m[4];
	int i;

	T_ASSERT(db);
	for (i = 0; i < 7; i++) {
		snprintf(org, sizeof(org), "Org %d", i);
		snprintf(name, sizeof(name), "Rep %d", i);
		gv_org_add(NULL, db, org, "SMCWG",
		           i % 3 ? GV_CLASS_ISSUER : GV_CLASS_CONSUMER, 0);
		p.name = name;
		p.org = org;
		gv_person_add(NULL, db, &p);
	}
	gv_org_add(NULL, db, "CPA Canada/WebTrust", "SMCWG", GV_CLASS_ASSOCIATE,
	           0);
	p.name = "Tim Crawford";
	p.org = "CPA Canada/WebTrust";
	gv_person_add(NULL, db, &p);
	m[0] = t_smcwg_meeting(db, "2024-10-02 11:00");
	m[1] = t_smcwg_meeting(db, "2024-10-16 11:00");
	m[2] = t_smcwg_meeting(db, "2024-10-30 11:00");
	m[3] = t_smcwg_meeting(db, "2024-11-13 11:00"); /* no roll call */
	roll_call(db, m[0], 7);
	roll_call(db, m[1], 5);
	roll_call(db, m[2], 5);
	/* A subcommittee's meeting does not count (SMC-CH 5.1). */
	sub.body = "SMCWG";
	sub.starts_at = t_at("2024-11-06 15:00");
	sub.subcommittee = "Certificate Profiles";
	T_EQ_INT(gv_meeting_add(&m[3], db, &sub), 0);
	roll_call(db, m[3], 1);
	gv_db_set_now(db, t_at("2024-11-14 14:00"));
	T_EQ_INT(gv_meeting_baseline(&b, db, "SMCWG", t_at("2024-11-14 14:00")),
	         0);
	T_EQ_INT(b.n, 3);
	T_EQ_INT(b.present[0], 5);
	T_EQ_INT(b.present[1], 5);
	T_EQ_INT(b.present[2], 7);
	T_EQ_INT(b.skipped, 1);
	/* A fractional average: A = 17 / 3 = 5.67, Q = floor(2.83) + 1 = 3. */
	T_EQ_INT((int)(b.average * 100), 566);
	T_EQ_INT(b.quorum, 3);
	/* Early in the record there are fewer than three meetings. */
	T_EQ_INT(gv_meeting_baseline(&b, db, "SMCWG", t_at("2024-10-17")), 0);
	T_EQ_INT(b.n, 2);
	T_EQ_INT(b.quorum, 4); /* A = 6 */
	T_EQ_INT(gv_meeting_baseline(&b, db, "SMCWG", t_at("2024-10-01")),
	         GV_ENOTFOUND);
	gv_db_free(db);
}

/* Issue 14.10: one body, one start, one meeting; a subcommittee is its
 * own series. */
static void
same_start_refused(void)
{
	struct gv_db *db = group();
	struct gv_meeting_spec spec = {0};
	int64_t first = -1, other = -1;

	T_ASSERT(db);
	spec.body = "SMCWG";
	spec.starts_at = t_at("2025-01-29 16:00Z");
	T_EQ_INT(gv_meeting_add(&first, db, &spec), 0);
	T_EQ_INT(gv_meeting_add(&other, db, &spec), GV_EEXISTS);
	T_EQ_STR(gv_error_last()->message,
	         "SMCWG already has meeting 1 at 2025-01-29 16:00 UTC: see "
	         "'gavel meeting show 1'");
	T_EQ_INT(other, -1);
	/* Nothing half-written: no row, no agenda, no operation. */
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM meeting"), 1);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM agenda_item"), 7);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM op WHERE kind = "
	                       "'meeting.add'"),
	         1);
	/* Cancelled, it still holds the slot: the message says so. */
	T_EQ_INT(gv_meeting_cancel(db, first, "holiday"), 0);
	T_EQ_INT(gv_meeting_add(&other, db, &spec), GV_EEXISTS);
	T_CONTAINS(gv_error_last()->message, "meeting 1 at 2025-01-29 16:00 "
	                                     "UTC (cancelled)");
	spec.subcommittee = "Certificate Profiles";
	T_EQ_INT(gv_meeting_add(&other, db, &spec), 0);
	T_EQ_INT(gv_meeting_add(NULL, db, &spec), GV_EEXISTS);
	spec.starts_at += 60;
	T_EQ_INT(gv_meeting_add(NULL, db, &spec), 0);
	gv_db_free(db);
}

/* Issue 14.10: a past meeting without attendance is no held meeting. */
static void
no_roll_call_is_not_held(void)
{
	struct gv_db *db = group();
	struct gv_meeting_detail *d = NULL;
	int64_t id;

	T_ASSERT(db);
	id = t_smcwg_meeting(db, "2024-12-18 11:00");
	gv_db_set_now(db, t_at("2025-06-01"));
	T_EQ_INT(gv_meeting_get(&d, db, id), 0);
	T_EQ_STR(d->meeting.status, "no roll call");
	/* Months later, with no meeting after it: still no final minutes. */
	T_EQ_INT(d->meeting.minutes, GV_MINUTES_NONE);
	T_EQ_INT(d->meeting.minutes_final_at, -1);
	gv_meeting_detail_free(d);
	T_EQ_INT(gv_minutes_ready(db, id), GV_EINVALID);
	T_EQ_STR(gv_error_last()->message,
	         "meeting 1 has no roll call: record it with 'gavel meeting "
	         "attend 1 \"Name (Organisation)\"...', or 'gavel meeting "
	         "cancel 1' if it did not take place");
	held(db, id);
	T_EQ_INT(gv_minutes_ready(db, id), 0);
	T_EQ_INT(gv_meeting_get(&d, db, id), 0);
	T_EQ_STR(d->meeting.status, "held");
	/* Minutes now; a draft still, as the cadence's 01-01 call fell
	 * within three weeks of it and approved nothing (BYL 5.1(1)). */
	T_EQ_INT(d->meeting.minutes, GV_MINUTES_DRAFT);
	T_EQ_INT(d->meeting.minutes_next_at, t_at("2025-01-01 16:00Z"));
	gv_meeting_detail_free(d);
	/* A meeting yet to come has no minutes either. */
	id = t_smcwg_meeting(db, "2025-07-02 11:00");
	T_EQ_INT(gv_meeting_get(&d, db, id), 0);
	T_EQ_STR(d->meeting.status, "scheduled");
	T_EQ_INT(d->meeting.minutes, GV_MINUTES_NONE);
	gv_meeting_detail_free(d);
	T_EQ_INT(gv_minutes_ready(db, id), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "has not taken place yet");
	gv_db_free(db);
}

/* The minutes of meeting id. */
static char *
minutes_of(struct gv_db *db, int64_t id)
{
	struct gv_render_spec spec = {0};
	char *md = NULL;

	spec.template = "minutes";
	spec.meeting = id;
	return gv_render(&md, NULL, db, &spec) < 0 ? NULL : md;
}

/* Issue 14.10: the approval item says what was approved, what was still
 * pending or that nothing was, and which calls were cancelled since the
 * previous held one (as the 2014-01-30 Forum minutes do). */
static void
minutes_report_approvals_and_cancellations(void)
{
	struct gv_db *db = group();
	int64_t dec18, jan1, jan15, jan29;
	char *md;

	T_ASSERT(db);
	dec18 = t_smcwg_meeting(db, "2024-12-18 11:00");
	jan1 = t_smcwg_meeting(db, "2025-01-01 11:00");
	jan15 = t_smcwg_meeting(db, "2025-01-15 11:00");
	jan29 = t_smcwg_meeting(db, "2025-01-29 11:00");
	T_EQ_INT(gv_meeting_cancel(db, jan1, "holiday"), 0);
	held(db, dec18);
	held(db, jan15);
	held(db, jan29);
	gv_db_set_now(db, t_at("2025-02-01"));
	/* 12-18 + 3 weeks = 01-08 passed with no meeting: final by 01-15. */
	md = minutes_of(db, jan15);
	T_CONTAINS(md, "## 4. Approval of minutes from last teleconference\n\n"
	               "No minutes were pending approval.\n\n"
	               "The teleconference of January 1, 2025 was cancelled "
	               "(holiday).\n\n## 5.");
	free(md);
	/* 01-15's minutes were a draft at 01-29, and 01-01 is reported once. */
	md = minutes_of(db, jan29);
	T_CONTAINS(md, "The minutes of the teleconference of January 15, 2025 "
	               "were not yet approved.\n\n## 5.");
	T_ASSERT(!strstr(md, "January 1, 2025"));
	free(md);
	T_EQ_INT(gv_minutes_approve(db, jan15, jan29, -1), 0);
	md = minutes_of(db, jan29);
	T_CONTAINS(md, "Approval of minutes from last teleconference\n\nThe "
	               "minutes of the teleconference of January 15, 2025 "
	               "were approved.\n\n## 5.");
	free(md);
	md = minutes_of(db, dec18);
	T_ASSERT(md != NULL);
	T_CONTAINS(md, "Approval of minutes from last teleconference");
	T_ASSERT(!strstr(md, "cancelled"));
	free(md);
	gv_db_free(db);
}

/* Issue 14.10: linked issues appear under their item; one linked to the
 * meeting alone under Discussion, or a section of its own. */
static void
minutes_list_linked_issues(void)
{
	struct gv_db *db = group();
	struct gv_issue_spec issue = {0};
	struct gv_meeting_spec bare = {0};
	int64_t a, b;
	char *md;

	T_ASSERT(db);
	issue.body = "SMCWG";
	issue.created_at = -1;
	issue.number = 263;
	issue.title = "EUID in OrganizationIdentifier attribute";
	issue.url = "https://github.com/cabforum/smime/issues/263";
	T_EQ_INT(gv_issue_add(NULL, db, &issue), 0);
	issue.number = 3;
	issue.title = "Additional methods for mailbox control";
	issue.url = NULL;
	T_EQ_INT(gv_issue_add(NULL, db, &issue), 0);
	a = t_smcwg_meeting(db, "2024-12-18 11:00");
	held(db, a);
	T_EQ_INT(gv_meeting_link(db, a, "any other", 3, NULL), 0);
	T_EQ_INT(gv_meeting_link(db, a, "any other", 3, NULL), 0);
	T_EQ_INT(gv_issue_link_meeting(db, "SMCWG", "263", a, -1), 0);
	T_EQ_INT(gv_issue_link_meeting(db, "SMCWG", "3", a, -1), 0);
	gv_db_set_now(db, t_at("2025-02-01"));
	md = minutes_of(db, a);
	T_CONTAINS(md, "## 5. Discussion\n\nDiscussed:\n\n- Issue #263 (EUID "
	               "in OrganizationIdentifier attribute) "
	               "https://github.com/cabforum/smime/issues/263\n\n");
	/* Linked to an item and to the meeting: listed once, twice linked
	 * to the same item: once. */
	T_CONTAINS(md, "## 6. Any other business\n\nDiscussed:\n\n- Issue #3 "
	               "(Additional methods for mailbox control)\n\n## 7.");
	free(md);
	/* A meeting with no discussion item: a Discussion section. */
	bare.body = "SMCWG";
	bare.starts_at = t_at("2025-01-15 16:00Z");
	bare.bare = 1;
	T_EQ_INT(gv_meeting_add(&b, db, &bare), 0);
	T_EQ_INT(gv_meeting_add_item(NULL, db, b, "Roll Call"), 0);
	held(db, b);
	T_EQ_INT(gv_issue_link_meeting(db, "SMCWG", "263", b, -1), 0);
	md = minutes_of(db, b);
	T_CONTAINS(md, "## Discussion\n\n- Issue #263 (EUID in "
	               "OrganizationIdentifier attribute) https://github.com/"
	               "cabforum/smime/issues/263\n\n## Adjourned");
	free(md);
	gv_db_free(db);
}

static void
demo_minutes_match_published(void)
{
	static const char *const sections[] = {
	        "## Attendees",
	        "## 1. Roll Call",
	        "## 2. Read Antitrust Statement",
	        "## 3. Review Agenda",
	        "## 4. Approval of minutes from last teleconference",
	        "## 5. Discussion",
	        "## 6. Any other business",
	        "## 7. Next call",
	        "## Adjourned",
	};
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_render_spec spec = {0};
	struct gv_db *db = NULL;
	const char *path;
	char *md = NULL, *published, *names, *p, *end;
	size_t i;

	T_EQ_INT(gv_db_open(&db, t_path("d.db"), &opts), 0);
	gv_db_set_now(db, DEC18 + 3600);
	T_EQ_INT(gv_demo_load(db, NULL, 0), 0);
	spec.template = "minutes";
	spec.meeting = 2;
	T_EQ_INT(gv_render(&md, NULL, db, &spec), 0);
	gv_db_free(db);
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		T_CONTAINS(md, sections[i]);
	T_CONTAINS(md, "title: 2024-12-18 Minutes of the S/MIME Certificate "
	               "Working Group\n");
	T_CONTAINS(md, "Minutes were prepared by Stephen Davidson.");
	T_CONTAINS(md, "The minutes of the teleconference of December 4, 2024 "
	               "were approved.");
	T_CONTAINS(md, "SMC010 has passed");
	T_CONTAINS(md, "Next call: Wednesday, January 15, 2025 at 11:00 am "
	               "Eastern Time");
	if (!(path = t_testdata_file("minutes/2024/2024-12-18-minutes-"
	                             "smcwg.md"))) {
		free(md);
		return;
	}
	/* The same attendee list as the published minutes, in order. */
	published = t_read_file(path, NULL);
	T_ASSERT(published);
	p = strstr(published, "## Attendees");
	T_ASSERT(p);
	p = strchr(p, '\n') + 1;
	while (*p == '\r' || *p == '\n')
		p++;
	end = strpbrk(p, "\r\n");
	names = strndup(p, (size_t)(end - p));
	T_CONTAINS(md, names);
	free(names);
	free(md);
}

const struct t_case meeting_tests[] = {
        {"cadence_parse_and_format", cadence_parse_and_format},
        {"cadence_next_call", cadence_next_call},
        {"next_call_keeps_local_hour_across_dst",
         next_call_keeps_local_hour_across_dst},
        {"next_call_skips_cancelled", next_call_skips_cancelled},
        {"roll_call_matches_and_creates", roll_call_matches_and_creates},
        {"agenda_notes_and_links", agenda_notes_and_links},
        {"item_goes_before_the_closing_items",
         item_goes_before_the_closing_items},
        {"title_typed_names_one_item", title_typed_names_one_item},
        {"same_title_items_keep_their_notes",
         same_title_items_keep_their_notes},
        {"approval_chain_and_three_weeks", approval_chain_and_three_weeks},
        {"minutes_final_counts_the_cadence", minutes_final_counts_the_cadence},
        {"quorum_baseline", quorum_baseline},
        {"same_start_refused", same_start_refused},
        {"no_roll_call_is_not_held", no_roll_call_is_not_held},
        {"minutes_report_approvals_and_cancellations",
         minutes_report_approvals_and_cancellations},
        {"minutes_list_linked_issues", minutes_list_linked_issues},
        {"demo_minutes_match_published", demo_minutes_match_published},
        {NULL, NULL},
};
