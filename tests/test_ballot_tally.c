/* SPDX-License-Identifier: MIT */
/*
 * This file tests the tally against RULES: the quorum from attendance and
 * its readings (§5.3), the thresholds (§5.2) and changed votes (§5.1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_fixture.h"
#include "gavel/gavel.h"
#include "harness.h"

/* ---- RULES §5.3: quorum from attendance ---- */

static void
quorum_from_attendance(void)
{
	static const char *const readings[][3] = {
	        /* quorum_at, quorum_rule, Q */
	        {"vote-start", "bylaws", "11"},       /* A = 61/3: floor+1 */
	        {"vote-start", "average", "21"},      /* ceil(A) */
	        {"vote-start", "half-average", "11"}, /* ceil(A/2) */
	        {"vote-end", "bylaws", "10"},         /* A = 54/3 = 18 */
	        {"vote-end", "average", "18"},
	        {"vote-end", "half-average", "9"},
	};
	const char *const fewer[] = {"Issuer 1", "Issuer 2", "Issuer 3",
	                             "Issuer 4", "Issuer 5"};
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	struct gv_tally *t = NULL;
	struct gv_baseline base;
	int64_t m[4], vote = t_at(p.vote);
	char sql[160];
	size_t i;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", "America/New_York", 30, 2));
	T_OK(member(db, "SMCWG", "CPA Canada/WebTrust", GV_CLASS_ASSOCIATE));
	/* An older meeting, left out: only the previous three count. */
	T_ASSERT(meeting_of(db, "2024-10-02 15:00", NULL, 5) > 0);
	T_ASSERT((m[0] = meeting_of(db, "2024-10-16 15:00", NULL, 19)) > 0);
	T_ASSERT((m[1] = meeting_of(db, "2024-10-30 15:00", NULL, 20)) > 0);
	/* A subcommittee's meeting does not count (SMC-CH 5.1). */
	T_ASSERT(meeting_of(db, "2024-11-06 16:00", "Certificate Profiles", 3) >
	         0);
	T_ASSERT((m[2] = meeting_of(db, "2024-11-13 16:00", NULL, 22)) > 0);
	/* During the vote: only the vote-end reading uses it. */
	T_ASSERT((m[3] = meeting_of(db, "2024-11-20 16:00", NULL, 12)) > 0);
	T_OK(run_to_vote(db, &p));
	T_OK(votes(db, "SMC010", "Issuer", 1, 12, GV_VOTE_YES, vote + DAY));
	T_OK(votes(db, "SMC010", "Consumer", 1, 2, GV_VOTE_YES, vote + DAY));
	/* Bylaws 2.3(7), vote start: 22, 20, 19 present; A = 20.33. */
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_EQ_STR(t->quorum_from, "attendance");
	T_EQ_STR(t->quorum_rule, "bylaws");
	T_EQ_INT(t->nquorum_meetings, 3);
	T_EQ_INT(t->quorum_meetings[0], m[2]);
	T_EQ_INT(t->quorum_meetings[1], m[1]);
	T_EQ_INT(t->quorum_meetings[2], m[0]);
	T_EQ_INT(t->quorum_present[0], 22);
	T_EQ_INT(t->quorum_present[1], 20);
	T_EQ_INT(t->quorum_present[2], 19);
	T_EQ_INT((int)(t->active_average * 100 + 0.5), 2033);
	T_EQ_INT(t->quorum, 11);
	T_EQ_INT(t->participants, 14);
	T_EQ_STR(t->result, "passed");
	gv_tally_free(t);
	/* Each reading of the body (RULES §5.3 [INTERP], [UNCONFIRMED]). */
	for (i = 0; i < sizeof(readings) / sizeof(readings[0]); i++) {
		snprintf(sql, sizeof(sql),
		         "UPDATE body SET quorum_at = '%s', quorum_rule = '%s'"
		         " WHERE code = 'SMCWG'",
		         readings[i][0], readings[i][1]);
		T_OK(sql_exec(db, sql));
		T_OK(gv_ballot_tally(&t, db, "SMC010"));
		if (t->quorum != atoi(readings[i][2]))
			t_fail(__FILE__, __LINE__,
			       "%s, %s: got Q = %d, want %s", readings[i][0],
			       readings[i][1], t->quorum, readings[i][2]);
		if (!strcmp(readings[i][0], "vote-end"))
			T_EQ_INT(t->quorum_meetings[0], m[3]);
		gv_tally_free(t);
	}
	/* The close fixes the meetings its quorum used. */
	T_OK(sql_exec(db, "UPDATE body SET quorum_at = 'vote-start',"
	                  " quorum_rule = 'bylaws' WHERE code = 'SMCWG'"));
	T_OK(gv_ballot_close(db, "SMC010", t_at("2024-11-21 15:00")));
	{
		const char *names[5];
		char buf[5][64];

		for (i = 0; i < 5; i++) {
			snprintf(buf[i], sizeof(buf[i]), "Rep %s (%s)",
			         fewer[i], fewer[i]);
			names[i] = buf[i];
		}
		T_OK(gv_meeting_unattend(db, m[2], names, 5));
	}
	T_OK(gv_meeting_baseline(&base, db, "SMCWG", vote));
	T_EQ_INT(base.present[0], 17); /* the attendance did change */
	T_ASSERT(meeting_of(db, "2024-11-14 13:00", NULL, 2) > 0);
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_EQ_INT(t->nquorum_meetings, 3);
	T_EQ_INT(t->quorum_meetings[0], m[2]);
	T_EQ_INT(t->quorum_present[0], 22);
	T_EQ_INT(t->quorum_present[2], 19);
	T_EQ_INT(t->quorum, 11);
	T_EQ_STR(t->result, "passed");
	gv_tally_free(t);
	gv_db_free(db);
}

/* No roll call at all: the quorum is unknown, and the close says so. */
static void
quorum_unknown_refuses_close(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t events;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 3, 2));
	T_OK(run_to_vote(db, &p));
	T_OK(votes(db, "SMC010", "Issuer", 1, 3, GV_VOTE_YES,
	           t_at(p.vote) + DAY));
	T_OK(votes(db, "SMC010", "Consumer", 1, 2, GV_VOTE_YES,
	           t_at(p.vote) + DAY));
	T_EQ_STR(result_of(db, "SMC010"), "pending");
	events = t_sql_int(db, "SELECT count(*) FROM op");
	T_EQ_INT(gv_ballot_close(db, "SMC010", t_at("2024-11-21 15:00")),
	         GV_ECONFLICT);
	T_CONTAINS(gv_error_last()->message, "quorum");
	T_CONTAINS(gv_error_last()->message, "unknown");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM op"), events);
	T_EQ_INT(state_at(db, "SMC010", t_at("2024-11-22")), GV_BALLOT_CLOSED);
	gv_db_free(db);
}

/* ---- RULES §5.2: thresholds ---- */

/* A ballot numbered n with the given counted votes, quorum q. */
static int
threshold_case(struct gv_db *db, int64_t n, int iy, int in, int ia, int cy,
               int cn, int ca, int q)
{
	char ref[16];
	struct plan p;
	int64_t t;
	int rc;

	snprintf(ref, sizeof(ref), "SMC%03lld", (long long)n);
	p = usual("SMCWG", ref, n);
	t = t_at(p.vote) + DAY;
	if ((rc = run_to_vote(db, &p)) < 0 ||
	    (rc = votes(db, ref, "Issuer", 1, iy, GV_VOTE_YES, t)) < 0 ||
	    (rc = votes(db, ref, "Issuer", iy + 1, iy + in, GV_VOTE_NO, t)) <
	            0 ||
	    (rc = votes(db, ref, "Issuer", iy + in + 1, iy + in + ia,
	                GV_VOTE_ABSTAIN, t)) < 0 ||
	    (rc = votes(db, ref, "Consumer", 1, cy, GV_VOTE_YES, t)) < 0 ||
	    (rc = votes(db, ref, "Consumer", cy + 1, cy + cn, GV_VOTE_NO, t)) <
	            0 ||
	    (rc = votes(db, ref, "Consumer", cy + cn + 1, cy + cn + ca,
	                GV_VOTE_ABSTAIN, t)) < 0)
		return rc;
	return gv_ballot_set_quorum(db, ref, q, "test");
}

static void
thresholds(void)
{
	struct gv_db *db = open_db();
	struct gv_tally *t = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 5, 5));
	/* Consumers 2 yes / 1 no: a strict majority passes... */
	T_OK(threshold_case(db, 1, 1, 0, 0, 2, 1, 0, 1));
	T_EQ_STR(result_of(db, "SMC001"), "passed");
	/* ...the literal "50% plus one" (2 >= 1.5 + 1) fails. */
	T_OK(sql_exec(db, "UPDATE body SET consumer_rule = 'half-plus-one'"));
	T_OK(gv_ballot_tally(&t, db, "SMC001"));
	T_EQ_STR(t->consumer_rule, "half-plus-one");
	T_EQ_INT(t->consumers.met, 0);
	T_EQ_STR(t->result, "failed");
	gv_tally_free(t);
	T_OK(sql_exec(db, "UPDATE body SET consumer_rule = 'majority'"));
	/* Consumers 2 yes / 2 no: not a majority. */
	T_OK(threshold_case(db, 2, 1, 0, 0, 2, 2, 0, 1));
	T_EQ_STR(result_of(db, "SMC002"), "failed");
	/* Issuers 2 yes / 1 no: exactly two-thirds passes. */
	T_OK(threshold_case(db, 3, 2, 1, 0, 1, 0, 0, 1));
	T_EQ_STR(result_of(db, "SMC003"), "passed");
	/* Issuers 1 yes / 1 no fails. */
	T_OK(threshold_case(db, 4, 1, 1, 0, 1, 0, 0, 1));
	T_OK(gv_ballot_tally(&t, db, "SMC004"));
	T_EQ_INT(t->issuers.met, 0);
	T_EQ_INT(t->consumers.met, 1);
	T_EQ_STR(t->result, "failed");
	gv_tally_free(t);
	/* Zero votes in a class fails (CSC-24). */
	T_OK(threshold_case(db, 5, 0, 0, 0, 3, 0, 0, 1));
	T_OK(gv_ballot_tally(&t, db, "SMC005"));
	T_EQ_INT(t->issuers.met, 0);
	T_EQ_STR(t->result, "failed");
	gv_tally_free(t);
	/* Only abstentions in a class: no yes, fails. */
	T_OK(threshold_case(db, 6, 1, 0, 0, 0, 0, 2, 1));
	T_EQ_STR(result_of(db, "SMC006"), "failed");
	/* Abstentions count for quorum (P = 6 of Q = 6), not thresholds:
	 * 1 yes + 3 abstain issuers, 1 yes + 1 abstain consumers passes. */
	T_OK(threshold_case(db, 7, 1, 0, 3, 1, 0, 1, 6));
	T_OK(gv_ballot_tally(&t, db, "SMC007"));
	T_EQ_INT(t->participants, 6);
	T_EQ_INT(t->quorum_met, 1);
	T_EQ_INT(t->issuers.met, 1);
	T_EQ_INT(t->consumers.met, 1);
	T_EQ_STR(t->result, "passed");
	gv_tally_free(t);
	/* One more needed than took part: invalid. */
	T_OK(gv_ballot_set_quorum(db, "SMC007", 7, "test"));
	T_EQ_STR(result_of(db, "SMC007"), "invalid");
	gv_db_free(db);
}

/* ---- RULES §5.1: the last valid vote of an organisation counts ---- */

static void
changed_votes(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t start = t_at(p.vote), end = start + WEEK;
	const struct gv_vote *v;
	struct gv_tally *t = NULL;
	char *reason = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	T_OK(run_to_vote(db, &p));
	/* No, then yes: the yes counts, the no stays in the ledger. */
	T_OK(vote1(db, "SMC010", "Issuer 1", GV_VOTE_NO, start + 3600));
	T_OK(vote1(db, "SMC010", "Issuer 1", GV_VOTE_YES, start + 7200));
	/* Yes, then a late no: the late vote replaces nothing. */
	T_OK(vote1(db, "SMC010", "Issuer 2", GV_VOTE_YES, start + 3600));
	T_OK(gv_ballot_vote(&reason, db, "SMC010", "Issuer 2", GV_VOTE_NO,
	                    end + 60, NULL));
	T_EQ_STR(reason, "cast after voting closed");
	free(reason);
	/* Yes, then a no after its suspension: the yes stands. */
	T_OK(vote1(db, "SMC010", "Issuer 3", GV_VOTE_YES, start + 3600));
	T_OK(gv_org_set(db, "Issuer 3", "SMCWG", -1, GV_STATUS_SUSPENDED,
	                start + DAY));
	T_OK(gv_ballot_vote(&reason, db, "SMC010", "Issuer 3", GV_VOTE_NO,
	                    start + 2 * DAY, NULL));
	T_CONTAINS(reason, "suspended");
	free(reason);
	/* Yes, no, abstain: the abstention counts (for quorum only). */
	T_OK(vote1(db, "SMC010", "Consumer 1", GV_VOTE_YES, start + 60));
	T_OK(vote1(db, "SMC010", "Consumer 2", GV_VOTE_YES, start + 60));
	T_OK(vote1(db, "SMC010", "Consumer 2", GV_VOTE_NO, start + 120));
	T_OK(vote1(db, "SMC010", "Consumer 2", GV_VOTE_ABSTAIN, start + 180));
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_EQ_INT(t->nvotes, 10);
	T_EQ_INT(t->participants, 5);
	T_EQ_INT(t->issuers.yes, 3);
	T_EQ_INT(t->issuers.no, 0);
	T_EQ_INT(t->consumers.yes, 1);
	T_EQ_INT(t->consumers.no, 0);
	T_EQ_INT(t->consumers.abstain, 1);
	T_ASSERT((v = ledger(t, "Issuer 1", start + 3600)));
	T_EQ_INT(v->value, GV_VOTE_NO);
	T_EQ_INT(v->counted, 0);
	T_EQ_STR(v->reason, NULL); /* valid, but replaced */
	T_ASSERT((v = ledger(t, "Issuer 1", start + 7200)) && v->counted);
	T_ASSERT((v = ledger(t, "Issuer 2", start + 3600)) && v->counted);
	T_ASSERT((v = ledger(t, "Issuer 2", end + 60)) && !v->counted);
	T_ASSERT((v = ledger(t, "Issuer 3", start + 3600)) && v->counted);
	T_ASSERT((v = ledger(t, "Issuer 3", start + 2 * DAY)) && !v->counted);
	gv_tally_free(t);
	gv_db_free(db);
}

/*
 * SMC-CH 5.1: no ballot is adopted before three meetings have happened.
 * A meeting happened when its roll call is recorded, as the quorum's
 * baseline reads it: not one past without a roll call, a subcommittee's,
 * a cancelled one, or one during the vote. The tally says how many it
 * counted and how many the charter needs.
 */
static void
charter_minimum_counts_meetings_with_a_roll_call(void)
{
	struct gv_meeting_spec bare = {0};
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	struct gv_tally *t = NULL;
	int64_t vote = t_at(p.vote), id = -1;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", "America/New_York", 30, 2));
	T_OK(member(db, "SMCWG", "CPA Canada/WebTrust", GV_CLASS_ASSOCIATE));
	T_ASSERT(meeting_of(db, "2024-10-16 15:00", NULL, 19) > 0);
	bare.body = "SMCWG";
	bare.starts_at = t_at("2024-10-30 15:00");
	bare.bare = 1;
	T_OK(gv_meeting_add(&id, db, &bare)); /* no roll call recorded */
	T_ASSERT(meeting_of(db, "2024-11-06 16:00", "Certificate Profiles", 3) >
	         0);
	T_ASSERT(meeting_of(db, "2024-11-13 16:00", NULL, 22) > 0);
	T_ASSERT(meeting_of(db, "2024-11-20 16:00", NULL, 12) > 0);
	T_OK(run_to_vote(db, &p));
	T_OK(votes(db, "SMC010", "Issuer", 1, 12, GV_VOTE_YES, vote + DAY));
	T_OK(votes(db, "SMC010", "Consumer", 1, 2, GV_VOTE_YES, vote + DAY));
	T_OK(sql_exec(db, "UPDATE body SET min_meetings = 3"));
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_EQ_INT(t->charter_meetings_held, 2);
	T_EQ_INT(t->charter_meetings_needed, 3);
	T_EQ_INT(t->charter_meetings_met, 0);
	T_EQ_INT(t->quorum_met, 0);
	gv_tally_free(t);
	T_OK(sql_exec(db, "UPDATE body SET min_meetings = 2"));
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_EQ_INT(t->charter_meetings_met, 1);
	T_EQ_INT(t->quorum_met, 1);
	T_EQ_STR(t->result, "passed");
	gv_tally_free(t);
	gv_db_free(db);
}

const struct t_case ballot_tally_tests[] = {
        {"quorum_from_attendance", quorum_from_attendance},
        {"quorum_unknown_refuses_close", quorum_unknown_refuses_close},
        {"thresholds", thresholds},
        {"changed_votes", changed_votes},
        {"charter_minimum_counts_meetings_with_a_roll_call",
         charter_minimum_counts_meetings_with_a_roll_call},
        {NULL, NULL},
};
