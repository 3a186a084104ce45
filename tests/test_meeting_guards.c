/* SPDX-License-Identifier: MIT */
/*
 * This file tests what a meeting must have done before an act on it is
 * recorded, judged on the act's time as every copy's replay judges it:
 * minutes are approved at a later meeting that took place, never for a
 * cancelled one (BYL 5.1(1)); a roll call is taken once the meeting has
 * begun, and a meeting still to come counts for no quorum baseline (BYL
 * 2.3(7)).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"
#include "meeting_key.h"
#include "op.h"
#include "op_kinds.h"

static struct gv_db *
group(const char *now)
{
	return t_smcwg_db(t_at(now));
}

static int
attend(struct gv_db *db, int64_t id, const char *who)
{
	struct gv_roll_call r;
	int error = gv_meeting_attend(&r, db, id, &who, 1, GV_ATTEND_CREATE);

	gv_roll_call_dispose(&r);
	return error;
}

static int
count_ops(struct gv_db *db, const char *kind)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM op WHERE kind = '%s'",
	         kind);
	return t_sql_int(db, sql);
}

/* The 2025-01-15 minutes, approved at a call that is still to come, at
 * a cancelled one, or dated ahead of the clock: each refused with what to
 * do, and nothing recorded. */
static void
approval_waits_for_the_meeting(void)
{
	struct gv_db *db = group("2025-01-15 17:00Z");
	int64_t jan15, jan29, feb12, apr16;

	T_ASSERT(db);
	jan15 = t_smcwg_meeting(db, "2025-01-15 11:00");
	jan29 = t_smcwg_meeting(db, "2025-01-29 11:00");
	feb12 = t_smcwg_meeting(db, "2025-02-12 11:00");
	apr16 = t_smcwg_meeting(db, "2025-04-16 11:00");
	T_OK(attend(db, jan15, "Stephen Davidson (DigiCert)"));
	T_OK(gv_meeting_cancel(db, jan29, "holiday"));
	gv_db_set_now(db, t_at("2025-02-12 18:00Z"));
	T_REFUSED(gv_minutes_approve(db, jan15, apr16, -1), GV_EINVALID,
	          "meeting 4 has not taken place yet (it starts 2025-04-16 "
	          "15:00 UTC (11:00 EDT)): record the approval at or after "
	          "it (BYL 5.1(1))");
	/* An act dated ahead of the clock does not get round it. */
	T_REFUSED(
	        gv_minutes_approve(db, jan15, apr16, t_at("2025-04-16 16:00Z")),
	        GV_EINVALID, "cannot be dated after the time it is recorded");
	/* A cancelled call neither approves minutes nor has any. */
	T_REFUSED(gv_minutes_approve(db, jan15, jan29, -1), GV_EINVALID,
	          "meeting 2 was cancelled: minutes are approved at a meeting "
	          "that took place");
	T_REFUSED(gv_minutes_approve(db, jan29, feb12, -1), GV_EINVALID,
	          "meeting 2 was cancelled: it has no minutes to approve");
	T_REFUSED(gv_minutes_approve(db, feb12, jan15, -1), GV_EINVALID,
	          "meeting 1 is not later than meeting 3");
	/* The act's time is judged, not the clock's: an approval dated
	 * before the 02-12 call began is refused, one during it kept. */
	T_REFUSED(
	        gv_minutes_approve(db, jan15, feb12, t_at("2025-02-12 15:59Z")),
	        GV_EINVALID, "meeting 3 has not taken place yet");
	T_EQ_INT(count_ops(db, "minutes.approve"), 0);
	T_OK(gv_minutes_approve(db, jan15, feb12, t_at("2025-02-12 16:30Z")));
	T_EQ_INT(count_ops(db, "minutes.approve"), 1);
	gv_db_free(db);
}

/* An approval another copy sends (a sync, a replay) meets the same guard
 * in its apply: by its act's time, whatever this copy's clock says. */
static void
replayed_approval_meets_the_guard(void)
{
	struct gv_db *db = group("2025-01-15 17:00Z");
	struct gv__op op = {0};
	json_t *data, *key;
	char *part = NULL;
	int64_t jan15, apr16;

	T_ASSERT(db);
	jan15 = t_smcwg_meeting(db, "2025-01-15 11:00");
	apr16 = t_smcwg_meeting(db, "2025-04-16 11:00");
	T_OK(attend(db, jan15, "Stephen Davidson (DigiCert)"));
	gv_db_set_now(db, t_at("2025-06-01"));
	data = json_object();
	T_OK(gv__meeting_key(&key, &part, db, jan15));
	json_object_set_new(data, "meeting", key);
	free(part);
	T_OK(gv__meeting_key(&key, &part, db, apr16));
	json_object_set_new(data, "approved_in", key);
	op.kind = &gv__op_minutes_approve;
	op.data = data;
	op.actor = "secretary";
	op.part = part;
	op.at = op.recorded = t_at("2025-02-01");
	T_REFUSED(gv__op_run(db, &op), GV_EINVALID,
	          "meeting 2 has not taken place yet");
	/* Dated after the clock of its recording: refused as well. */
	op.at = t_at("2025-04-16 16:00Z");
	T_REFUSED(gv__op_run(db, &op), GV_EINVALID,
	          "cannot be dated after the time it is recorded");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM meeting"
	                       " WHERE approved_in IS NOT NULL"),
	         0);
	free(part);
	json_decref(data);
	gv_db_free(db);
}

/* A roll call for a call still to come is refused with when it can be
 * taken; on the day it is kept. */
static void
roll_call_waits_for_the_start(void)
{
	struct gv_db *db = group("2025-01-29 18:00Z");
	struct gv_meeting_detail *d = NULL;
	int64_t feb26;

	T_ASSERT(db);
	feb26 = t_smcwg_meeting(db, "2025-02-26 11:00");
	T_REFUSED(attend(db, feb26, "Ben Wilson (Mozilla)"), GV_EINVALID,
	          "meeting 1 has not started yet (it starts 2025-02-26 16:00 "
	          "UTC (11:00 EST)): record its roll call once it has begun");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM attendance"), 0);
	T_EQ_INT(count_ops(db, "meeting.attend"), 0);
	gv_db_set_now(db, t_at("2025-02-26 16:00Z"));
	T_OK(attend(db, feb26, "Ben Wilson (Mozilla)"));
	T_OK(gv_meeting_get(&d, db, feb26));
	T_EQ_STR(d->meeting.status, "held");
	gv_meeting_detail_free(d);
	gv_db_free(db);
}

/* RULES §5.3: a meeting still scheduled by the clock counts for no
 * baseline, even with attendance on record (a copy whose roll call came
 * in by sync, read --now before it); nor is it a past meeting "without a
 * roll call". */
static void
baseline_leaves_scheduled_meetings_out(void)
{
	struct gv_db *db = group("2025-01-01");
	struct gv_baseline b;
	int64_t jan15, jan29, feb12;

	T_ASSERT(db);
	jan15 = t_smcwg_meeting(db, "2025-01-15 11:00");
	jan29 = t_smcwg_meeting(db, "2025-01-29 11:00");
	feb12 = t_smcwg_meeting(db, "2025-02-12 11:00");
	gv_db_set_now(db, t_at("2025-02-12 17:00Z"));
	T_OK(attend(db, jan15, "Stephen Davidson (DigiCert)"));
	T_OK(attend(db, feb12, "Ben Wilson (Mozilla)"));
	(void)jan29;
	T_OK(gv_meeting_baseline(&b, db, "SMCWG", t_at("2025-03-01")));
	T_EQ_INT(b.n, 2);
	T_EQ_INT(b.skipped, 1); /* 01-29: past, no roll call */
	/* As of 2025-02-01 (--now), 02-12 is still to come. */
	gv_db_set_now(db, t_at("2025-02-01"));
	T_OK(gv_meeting_baseline(&b, db, "SMCWG", t_at("2025-03-01")));
	T_EQ_INT(b.n, 1);
	T_EQ_INT(b.meetings[0], jan15);
	T_EQ_INT(b.skipped, 1);
	gv_db_free(db);
}

/* The trial's commands: the refusals as a secretary sees them. */
static void
cli_refuses_acts_before_the_meeting(void)
{
	const char *const *e = t_env("2025-01-29 18:00", "secretary");
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	r = t_gavel(e, "meeting", "add", "SMCWG", "2025-04-16 11:00", NULL);
	T_EQ_STR(r->out, "5\n");
	r = t_gavel(e, "minutes", "approve", "2", "--at-meeting", "5", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: meeting 5 has not taken place yet (it starts "
	                 "2025-04-16 15:00 UTC (11:00 EDT)): record the "
	                 "approval at or after it (BYL 5.1(1))\n");
	r = t_gavel(e, "minutes", "approve", "3", "--at-meeting", "4", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "meeting 3 was cancelled: it has no minutes");
	r = t_gavel(e, "meeting", "list", NULL);
	T_CONTAINS(r->out, "cancelled     0       0       -");
	r = t_gavel(e, "minutes", "approve", "2", "--at-meeting", "4", "--at",
	            "2025-01-15 17:00", NULL);
	T_EQ_INT(r->status, 0);
	r = t_gavel(e, "meeting", "add", "SMCWG", "2025-02-26 11:00", NULL);
	T_EQ_STR(r->out, "6\n");
	r = t_gavel(e, "meeting", "attend", "6", "Ben Wilson (Mozilla)", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: meeting 6 has not started yet (it starts "
	                   "2025-02-26 16:00 UTC (11:00 EST))");
	r = t_gavel(e, "meeting", "list", NULL);
	T_CONTAINS(r->out, "scheduled     0");
	r = t_gavel(e, "meeting", "baseline", "SMCWG", "--before",
	            "2025-03-01 00:00", NULL);
	T_CONTAINS(r->out, "quorum floor(20.00 / 2) + 1 = 11");
}

/* An approval counts from its meeting on: as of an earlier day the
 * minutes are what the clock made them (the demo's meeting 1, approved
 * at meeting 2 on 2024-12-18, had no roll call: no minutes before). */
static void
approval_shown_from_its_meeting_on(void)
{
	const char *const *e = t_env("2025-01-29 18:00", "secretary");
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	r = t_gavel(e, "--now", "2024-12-10 12:00", "meeting", "show", "1",
	            NULL);
	T_EQ_INT(r->status, 0);
	T_ASSERT(!strstr(r->out, "approved"));
	r = t_gavel(e, "--now", "2024-12-10 12:00", "meeting", "list",
	            "--format", "json", NULL);
	T_ASSERT(!strstr(r->out, "\"approved\""));
	r = t_gavel(e, "--now", "2024-12-18 16:00", "meeting", "show", "1",
	            NULL);
	T_CONTAINS(r->out, "Minutes: approved at meeting 2 (2024-12-18)");
	r = t_gavel(e, "meeting", "list", NULL);
	T_CONTAINS(r->out, "no roll call  0       0       approved");
}

/* Nor its roll call: a roll call is recorded only from the meeting's
 * start, so a view of a day before it (meeting list and show, their JSON,
 * the screen through the same calls) counts nobody present, and does not
 * say the meeting approved minutes it approves later. */
static void
roll_call_shown_from_its_meeting_on(void)
{
	const char *const *e = t_env("2025-01-29 18:00", "secretary");
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	r = t_gavel(e, "--now", "2024-12-10 12:00", "meeting", "list", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "scheduled     0       0");
	T_ASSERT(!strstr(r->out, " 30 "));
	r = t_gavel(e, "--now", "2024-12-10 12:00", "meeting", "show", "2",
	            "--format", "json", NULL);
	T_CONTAINS(r->out, "\"attendees\": 0,");
	T_CONTAINS(r->out, "\"voting_orgs\": 0,");
	r = t_gavel(e, "--now", "2024-12-10 12:00", "meeting", "show", "2",
	            NULL);
	T_CONTAINS(r->out, "Attendance: 0 people, 0 voting members present");
	T_ASSERT(!strstr(r->out, "Approved the minutes"));
	T_ASSERT(!strstr(r->out, "Ben Wilson"));
	r = t_gavel(e, "--now", "2024-12-18 17:00", "meeting", "show", "2",
	            NULL);
	T_CONTAINS(r->out, "Attendance: 30 people, 20 voting members present");
	T_CONTAINS(r->out, "Approved the minutes of meeting 1");
	T_CONTAINS(r->out, "Ben Wilson (Mozilla)");
}

const struct t_case meeting_guards_tests[] = {
        {"approval_waits_for_the_meeting", approval_waits_for_the_meeting},
        {"replayed_approval_meets_the_guard",
         replayed_approval_meets_the_guard},
        {"roll_call_waits_for_the_start", roll_call_waits_for_the_start},
        {"baseline_leaves_scheduled_meetings_out",
         baseline_leaves_scheduled_meetings_out},
        {"cli_refuses_acts_before_the_meeting",
         cli_refuses_acts_before_the_meeting},
        {"approval_shown_from_its_meeting_on",
         approval_shown_from_its_meeting_on},
        {"roll_call_shown_from_its_meeting_on",
         roll_call_shown_from_its_meeting_on},
        {NULL, NULL},
};
