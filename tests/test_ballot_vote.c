/* SPDX-License-Identifier: MIT */
/*
 * This file tests who may vote and when against RULES: the voting window
 * (§4), who may act and vote (§1, §8), and a vote cast before any voting.
 */
#include <stdlib.h>
#include <string.h>

#include "ballot_fixture.h"
#include "gavel/gavel.h"
#include "harness.h"

/* ---- RULES §4: the window [start, end) ---- */

static void
vote_window(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t start = t_at("2024-11-14 14:00"),
	        end = t_at("2024-11-21 14:00");
	const struct gv_vote *v;
	struct gv_tally *t = NULL;
	char *reason = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 5, 2));
	T_OK(run_to_vote(db, &p));
	T_OK(gv_ballot_vote(&reason, db, "SMC010", "Issuer 1", GV_VOTE_YES,
	                    start, "list"));
	T_EQ_STR(reason, NULL); /* the start instant counts */
	T_OK(gv_ballot_vote(&reason, db, "SMC010", "Issuer 2", GV_VOTE_YES, end,
	                    NULL));
	T_EQ_STR(reason, "cast after voting closed"); /* the end does not */
	free(reason);
	T_OK(gv_ballot_vote(&reason, db, "SMC010", "Issuer 3", GV_VOTE_YES,
	                    start - 1, NULL));
	T_EQ_STR(reason, "cast before voting opened");
	free(reason);
	T_OK(gv_ballot_vote(&reason, db, "SMC010", "Issuer 4", GV_VOTE_NO,
	                    end + 3600, NULL));
	T_EQ_STR(reason, "cast after voting closed");
	free(reason);
	T_OK(vote1(db, "SMC010", "Consumer 1", GV_VOTE_YES, end - 1));
	/* The ledger keeps every vote; two count. */
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_EQ_INT(t->nvotes, 5);
	T_EQ_INT(t->participants, 2);
	T_EQ_INT(t->issuers.yes, 1);
	T_EQ_INT(t->issuers.no, 0);
	T_ASSERT((v = ledger(t, "Issuer 1", start)) && v->counted);
	T_ASSERT((v = ledger(t, "Issuer 3", start - 1)) && !v->counted);
	T_EQ_STR(v->reason, "cast before voting opened");
	T_ASSERT((v = ledger(t, "Issuer 2", end)) && !v->counted);
	T_EQ_STR(v->reason, "cast after voting closed");
	T_ASSERT((v = ledger(t, "Issuer 4", end + 3600)) && !v->counted);
	T_EQ_STR(v->reason, "cast after voting closed");
	gv_tally_free(t);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM vote"), 5);
	/* A body that reads the end as inclusive counts the vote at it. */
	T_OK(sql_exec(db, "UPDATE body SET vote_end_inclusive = 1"));
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_ASSERT((v = ledger(t, "Issuer 2", end)) && v->counted);
	T_EQ_STR(v->reason, NULL);
	T_ASSERT((v = ledger(t, "Issuer 4", end + 3600)) && !v->counted);
	T_EQ_INT(t->issuers.yes, 2);
	gv_tally_free(t);
	T_OK(gv_ballot_vote(&reason, db, "SMC010", "Issuer 5", GV_VOTE_YES, end,
	                    NULL));
	T_EQ_STR(reason, NULL);
	gv_db_free(db);
}

/* ---- RULES §1, §8: who may act and vote ---- */

static void
eligibility(void)
{
	static const struct {
		const char *org;
		enum gv_class klass;
		const char *reason;
	} no_vote[] = {
	        {"CPA Canada/WebTrust", GV_CLASS_ASSOCIATE, "associate"},
	        {"Vigil Security LLC", GV_CLASS_INTERESTED, "interested party"},
	        {"Probie CA", GV_CLASS_PROBATIONARY, "probationary"},
	        {"Mystery CA", GV_CLASS_UNKNOWN, "class unknown"},
	};
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t start = t_at("2024-11-14 14:00"), v1 = start + DAY;
	const struct gv_vote *v;
	struct gv_tally *t = NULL;
	char *reason = NULL;
	size_t i;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 5, 2));
	T_OK(body_with(db, "SCWG", NULL, 0, 0));
	T_OK(member(db, "SCWG", "Elsewhere CA", GV_CLASS_ISSUER));
	for (i = 0; i < sizeof(no_vote) / sizeof(no_vote[0]); i++)
		T_OK(member(db, "SMCWG", no_vote[i].org, no_vote[i].klass));
	T_OK(gv_org_add(NULL, db, "Latecomer", "SMCWG", GV_CLASS_ISSUER,
	                t_at("2024-12-01")));
	/* Issuer 3 suspended before the vote, Issuer 4 after its vote. */
	T_OK(gv_org_set(db, "Issuer 3", "SMCWG", -1, GV_STATUS_SUSPENDED,
	                t_at("2024-11-01")));
	T_OK(gv_org_set(db, "Issuer 4", "SMCWG", -1, GV_STATUS_SUSPENDED,
	                v1 + DAY));

	/* BYL 2.3(3), 5.3.1(3): proposer and endorsers are voting
	 * members of the body at the time. */
	T_REFUSED(gv_ballot_new(NULL, NULL, db,
	                        &(struct gv_ballot_spec){"SMCWG", "x", "fmg",
	                                                 "CPA Canada/WebTrust",
	                                                 NULL, 0},
	                        t_at(p.version)),
	          GV_ECONFLICT, "cannot propose");
	T_REFUSED(gv_ballot_new(NULL, NULL, db,
	                        &(struct gv_ballot_spec){"SMCWG", "x", "fmg",
	                                                 "Latecomer", NULL, 0},
	                        t_at(p.version)),
	          GV_ECONFLICT, "not a member");
	T_REFUSED(
	        gv_ballot_new(NULL, NULL, db,
	                      &(struct gv_ballot_spec){"SMCWG", "x", "fmg",
	                                               "Elsewhere CA", NULL, 0},
	                      t_at(p.version)),
	        GV_ECONFLICT, "not a member");
	T_REFUSED(gv_ballot_new(NULL, NULL, db,
	                        &(struct gv_ballot_spec){"SMCWG", "x", "fmg",
	                                                 "Issuer 3", NULL, 0},
	                        t_at(p.version)),
	          GV_ECONFLICT, "suspended");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM ballot"), 0);
	T_OK(gv_ballot_new(NULL, NULL, db,
	                   &(struct gv_ballot_spec){"SMCWG", "x", "fmg",
	                                            "Issuer 1", NULL, 10},
	                   t_at(p.version)));
	T_REFUSED(gv_ballot_endorse(db, "SMC010", "Probie CA", t_at(p.version)),
	          GV_ECONFLICT, "cannot endorse");
	T_REFUSED(gv_ballot_endorse(db, "SMC010", "Vigil Security LLC",
	                            t_at(p.version)),
	          GV_ECONFLICT, "cannot endorse");
	T_REFUSED(gv_ballot_endorse(db, "SMC010", "Issuer 3", t_at(p.version)),
	          GV_ECONFLICT, "suspended");
	/* An endorser from the proposer's own organisation, or twice. */
	T_REFUSED(gv_ballot_endorse(db, "SMC010", "Issuer 1", t_at(p.version)),
	          GV_ECONFLICT, "other organisations");
	T_OK(gv_ballot_endorse(db, "SMC010", "Issuer 2", t_at(p.version)));
	T_REFUSED(gv_ballot_endorse(db, "SMC010", "ISSUER 2", t_at(p.version)),
	          GV_EEXISTS, "already endorses");
	T_OK(gv_ballot_endorse(db, "SMC010", "Consumer 1", t_at(p.version)));
	T_OK(gv_ballot_version(db, "SMC010", "text", NULL, 0, t_at(p.version)));
	T_OK(gv_ballot_discuss(db, "SMC010", t_at(p.discuss), -1));
	T_OK(gv_ballot_open_vote(db, "SMC010", start));

	/* Votes without a right to vote are kept, with the reason. */
	for (i = 0; i < sizeof(no_vote) / sizeof(no_vote[0]); i++) {
		T_OK(gv_ballot_vote(&reason, db, "SMC010", no_vote[i].org,
		                    GV_VOTE_YES, v1, NULL));
		T_CONTAINS(reason, no_vote[i].reason);
		free(reason);
	}
	T_OK(gv_ballot_vote(&reason, db, "SMC010", "Issuer 3", GV_VOTE_YES, v1,
	                    NULL));
	T_CONTAINS(reason, "suspended");
	free(reason);
	T_OK(gv_ballot_vote(&reason, db, "SMC010", "Elsewhere CA", GV_VOTE_YES,
	                    v1, NULL));
	T_CONTAINS(reason, "not a member");
	free(reason);
	/* SMC-CH 3.2.3: a vote cast before the suspension stays valid. */
	T_OK(vote1(db, "SMC010", "Issuer 4", GV_VOTE_YES, v1));
	T_OK(vote1(db, "SMC010", "Consumer 2", GV_VOTE_YES, v1));
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_EQ_INT(t->nvotes, 8);
	T_EQ_INT(t->participants, 2);
	T_EQ_INT(t->issuers.yes, 1);
	T_EQ_STR(t->issuers.yes_orgs[0], "Issuer 4");
	T_EQ_INT(t->consumers.yes, 1);
	for (i = 0; i < sizeof(no_vote) / sizeof(no_vote[0]); i++) {
		T_ASSERT((v = ledger(t, no_vote[i].org, v1)));
		T_EQ_INT(v->counted, 0);
		T_CONTAINS(v->reason, no_vote[i].reason);
	}
	T_ASSERT((v = ledger(t, "Issuer 3", v1)) && !v->counted);
	T_CONTAINS(v->reason, "suspended");
	T_ASSERT((v = ledger(t, "Issuer 4", v1)) && v->counted);
	T_EQ_STR(v->reason, NULL);
	gv_tally_free(t);
	gv_db_free(db);
}

/* RULES §5.1: votes are never silently dropped; one on a ballot whose
 * voting never opened is kept, with the reason, and counts for nothing. */
static void
vote_before_any_voting(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC011", 11);
	struct gv_tally *t = NULL;
	char *reason = NULL;
	int64_t nvotes;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	p.vote = NULL;
	T_OK(run_to_vote(db, &p));
	nvotes = t_sql_int(db, "SELECT count(*) FROM vote");
	T_OK(gv_ballot_vote(&reason, db, "SMC011", "Issuer 2", GV_VOTE_YES,
	                    t_at("2024-11-10"), NULL));
	T_EQ_STR(reason, "voting was not open");
	free(reason);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM vote"), nvotes + 1);
	T_OK(gv_ballot_tally(&t, db, "SMC011"));
	T_EQ_INT(t->participants, 0);
	T_EQ_STR(t->result, "pending");
	gv_tally_free(t);
	gv_db_free(db);
}

const struct t_case ballot_vote_tests[] = {
        {"vote_window", vote_window},
        {"eligibility", eligibility},
        {"vote_before_any_voting", vote_before_any_voting},
        {NULL, NULL},
};
