/* SPDX-License-Identifier: MIT */
/*
 * This file tests the worked examples of RULES §9 (E1, E2, E5, E6), each
 * from proposal to its outcome.
 */
#include <stdlib.h>
#include <string.h>

#include "ballot_fixture.h"
#include "gavel/gavel.h"
#include "harness.h"

/* ---- RULES §9, the worked examples ---- */

/* E1, SC-080v3: a Final Maintenance Guideline that passed, its vote
 * across the US DST change, then 30 days of review and adoption. */
static void
e1_sc080(void)
{
	struct gv_db *db = open_db();
	struct gv_ballot *b = NULL;
	struct gv_tally *t = NULL;
	struct plan p;
	int64_t vote = t_at("2024-10-31 14:00");

	T_ASSERT(db);
	T_OK(body_with(db, "SCWG", "America/New_York", 22, 2));
	T_OK(member(db, "SCWG", "Google", GV_CLASS_CONSUMER));
	T_OK(member(db, "SCWG", "GlobalSign", GV_CLASS_ISSUER));
	T_OK(member(db, "SCWG", "OISTE", GV_CLASS_ISSUER));
	p = usual("SCWG", "SC-080v3", 80);
	p.proposer = "Google";
	p.endorser1 = "GlobalSign";
	p.endorser2 = "OISTE";
	p.version = p.discuss = "2024-10-23 20:00";
	p.until = "2024-10-31 13:59";
	p.vote = NULL;
	T_OK(run_to_vote(db, &p));
	/* Discussion announced to end 13:59 (RULES §4), voting at 14:00. */
	T_REFUSED(gv_ballot_open_vote(db, "SC-080v3", vote - 120), GV_ECONFLICT,
	          "2024-10-31 13:59 UTC");
	T_OK(gv_ballot_open_vote(db, "SC-080v3", vote));
	T_OK(gv_ballot_get(&b, db, "SC-080v3"));
	T_EQ_INT(b->discussion_ends_at, t_at("2024-10-31 13:59"));
	T_EQ_STR(b->number, "SC080");
	T_EQ_STR(b->proposer, "Google");
	T_EQ_INT(b->nendorsers, 2);
	/* BYL 2.3(4), RULES §4: exactly 7 x 24 h, same UTC clock time. */
	T_EQ_INT(b->vote_ends_at - b->vote_starts_at, 7 * 86400);
	T_EQ_INT(b->vote_ends_at, t_at("2024-11-07 14:00"));
	gv_ballot_free(b);
	/* 23 issuers yes, 1 abstains; 3 consumers yes. */
	T_OK(vote1(db, "SC080", "GlobalSign", GV_VOTE_YES, vote + 3600));
	T_OK(vote1(db, "SC080", "OISTE", GV_VOTE_YES, vote + 3600));
	T_OK(votes(db, "SC080", "Issuer", 1, 21, GV_VOTE_YES, vote + DAY));
	T_OK(votes(db, "SC080", "Issuer", 22, 22, GV_VOTE_ABSTAIN, vote + DAY));
	T_OK(vote1(db, "SC080", "Google", GV_VOTE_YES, vote + 2 * DAY));
	T_OK(votes(db, "SC080", "Consumer", 1, 2, GV_VOTE_YES, vote + 2 * DAY));
	T_OK(gv_ballot_set_quorum(db, "SC080", 14, "the results notice"));
	T_OK(gv_ballot_close(db, "SC080", t_at("2024-11-07 15:00")));
	T_OK(gv_ballot_tally(&t, db, "SC080"));
	T_EQ_INT(t->issuers.yes, 23);
	T_EQ_INT(t->issuers.no, 0);
	T_EQ_INT(t->issuers.abstain, 1);
	T_EQ_INT(t->consumers.yes, 3);
	T_EQ_INT(t->consumers.no + t->consumers.abstain, 0);
	T_EQ_INT(t->participants, 27);
	T_EQ_INT(t->quorum, 14);
	T_EQ_STR(t->quorum_from, "published");
	T_EQ_INT(t->quorum_met, 1);
	T_EQ_INT(t->issuers.met, 1);
	T_EQ_INT(t->consumers.met, 1);
	T_EQ_STR(t->result, "passed");
	gv_tally_free(t);
	T_EQ_INT(state_at(db, "SC080", t_at("2024-11-08")), GV_BALLOT_PASSED);
	/* IPR 4.1: 30 days for a Final Maintenance Guideline. */
	T_OK(gv_ballot_review(db, "SC080", t_at("2024-11-14 13:00")));
	T_OK(gv_ballot_get(&b, db, "SC080"));
	T_EQ_INT(b->review_ends_at, t_at("2024-12-14 13:00"));
	gv_ballot_free(b);
	T_EQ_INT(state_at(db, "SC080", t_at("2024-12-14 12:59")),
	         GV_BALLOT_IPR_REVIEW);
	/* BYL 2.4(8): no Exclusion Notice, adopted at the review's end. */
	T_EQ_INT(state_at(db, "SC080", t_at("2024-12-15")), GV_BALLOT_ADOPTED);
	gv_db_free(db);
}

/* E2, SMC010: passed, in review on 2024-12-18; only the review's end and
 * the duties after it are still ahead. */
static void
e2_smc010(void)
{
	struct gv_db *db = open_db();
	int64_t dec18 = t_at("2024-12-18 16:00"),
	        vote = t_at("2024-11-14 14:00");
	struct gv_ballot *b = NULL;
	struct gv_tally *t = NULL;
	struct gv_clocks c;
	struct plan p;
	size_t i, open = 0;
	int seen = 0;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", "America/New_York", 14, 0));
	T_OK(member(db, "SMCWG", "DigiCert", GV_CLASS_ISSUER));
	T_OK(member(db, "SMCWG", "GlobalSign", GV_CLASS_ISSUER));
	T_OK(member(db, "SMCWG", "Google", GV_CLASS_CONSUMER));
	T_OK(member(db, "SMCWG", "Apple", GV_CLASS_CONSUMER));
	T_OK(member(db, "SMCWG", "Microsoft", GV_CLASS_CONSUMER));
	T_OK(member(db, "SMCWG", "Mozilla", GV_CLASS_CONSUMER));
	p = usual("SMCWG", "SMC010", 10);
	p.proposer = "DigiCert";
	p.endorser1 = "GlobalSign";
	p.endorser2 = "Google";
	T_OK(run_to_vote(db, &p));
	T_OK(vote1(db, "SMC010", "DigiCert", GV_VOTE_YES, vote + 60));
	T_OK(vote1(db, "SMC010", "GlobalSign", GV_VOTE_YES, vote + 60));
	T_OK(votes(db, "SMC010", "Issuer", 1, 14, GV_VOTE_YES, vote + DAY));
	T_OK(vote1(db, "SMC010", "Google", GV_VOTE_YES, vote + DAY));
	T_OK(vote1(db, "SMC010", "Apple", GV_VOTE_YES, vote + DAY));
	T_OK(vote1(db, "SMC010", "Microsoft", GV_VOTE_YES, vote + DAY));
	T_OK(vote1(db, "SMC010", "Mozilla", GV_VOTE_YES, vote + DAY));
	T_OK(gv_ballot_set_quorum(db, "SMC010", 11, "the results notice"));
	T_OK(gv_ballot_close(db, "SMC010", t_at("2024-11-21 17:00")));
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_EQ_INT(t->issuers.yes, 16);
	T_EQ_INT(t->issuers.no + t->issuers.abstain, 0);
	T_EQ_INT(t->consumers.yes, 4);
	T_EQ_INT(t->consumers.no + t->consumers.abstain, 0);
	T_EQ_INT(t->participants, 20);
	T_EQ_INT(t->quorum, 11);
	T_EQ_STR(t->result, "passed");
	gv_tally_free(t);
	T_OK(gv_ballot_review(db, "SMC010", t_at("2024-11-22 16:00")));
	/* As of the 12-18 call. */
	gv_db_set_now(db, dec18);
	T_OK(gv_ballot_get(&b, db, "SMC010"));
	T_EQ_INT(b->state, GV_BALLOT_IPR_REVIEW);
	T_EQ_INT(b->review_ends_at, t_at("2024-12-22 16:00")); /* a Sunday */
	T_OK(gv_ballot_clocks(&c, db, b, dec18));
	gv_ballot_free(b);
	for (i = 0; i < c.n; i++) {
		if (!c.v[i].open)
			continue;
		open++;
		T_ASSERT(c.v[i].at >= t_at("2024-12-22 16:00"));
		switch (c.v[i].kind) {
		case GV_CLOCK_REVIEW_ENDS:
			T_EQ_INT(c.v[i].at, t_at("2024-12-22 16:00"));
			seen |= 1;
			break;
		case GV_CLOCK_OUTCOME_NOTICE_DUE: /* 3 business days */
			T_EQ_INT(c.v[i].at, t_at("2024-12-25 16:00"));
			seen |= 2;
			break;
		case GV_CLOCK_PUBLICATION_DUE: /* 10 business days */
			T_EQ_INT(c.v[i].at, t_at("2025-01-03 16:00"));
			seen |= 4;
			break;
		default:
			t_fail(__FILE__, __LINE__, "clock \"%s\" is open",
			       c.v[i].what);
			return;
		}
	}
	T_EQ_INT(open, 3);
	T_EQ_INT(seen, 7);
	gv_db_free(db);
}

/* E5, FORUM-019 v.2: a charter amendment ("other"), passed, no IPR
 * review (BYL 2.3, 5.3.2(1)). */
static void
e5_forum019(void)
{
	struct gv_db *db = open_db();
	int64_t vote = t_at("2023-11-27 16:00");
	struct gv_ballot *b = NULL;
	struct gv_tally *t = NULL;
	struct plan p;
	int events;

	T_ASSERT(db);
	T_OK(body_with(db, "Forum", NULL, 22, 3));
	p = usual("Forum", "FORUM-019 v.2", 19);
	p.kind = "other";
	p.version = p.discuss = "2023-11-17 16:00";
	p.vote = "2023-11-27 16:00";
	T_OK(run_to_vote(db, &p));
	T_OK(gv_ballot_get(&b, db, "FORUM-019 v.2"));
	T_EQ_INT(b->vote_ends_at, t_at("2023-12-04 16:00"));
	gv_ballot_free(b);
	T_OK(votes(db, "FORUM-019", "Issuer", 1, 20, GV_VOTE_YES, vote + DAY));
	T_OK(votes(db, "FORUM-019", "Issuer", 21, 22, GV_VOTE_ABSTAIN,
	           vote + DAY));
	T_OK(votes(db, "FORUM-019", "Consumer", 1, 3, GV_VOTE_YES, vote + DAY));
	/* "Half of active 13" -> quorum 14, as published. */
	T_OK(gv_ballot_set_quorum(db, "FORUM-019", 14, "the results notice"));
	T_OK(gv_ballot_close(db, "FORUM-019", t_at("2023-12-04 21:47")));
	T_OK(gv_ballot_tally(&t, db, "FORUM-019"));
	T_EQ_INT(t->issuers.yes, 20);
	T_EQ_INT(t->issuers.abstain, 2);
	T_EQ_INT(t->consumers.yes, 3);
	T_EQ_INT(t->participants, 25);
	T_EQ_INT(t->quorum, 14);
	T_EQ_STR(t->result, "passed");
	gv_tally_free(t);
	T_EQ_INT(state_at(db, "FORUM-019", t_at("2023-12-05")),
	         GV_BALLOT_PASSED);
	/* Not a Draft Guideline Ballot: no Review Notice. */
	events = (int)t_sql_int(db, "SELECT count(*) FROM op");
	T_REFUSED(gv_ballot_review(db, "FORUM-019", t_at("2023-12-05 12:00")),
	          GV_ECONFLICT, "not a Draft Guideline Ballot");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM op"), events);
	T_EQ_INT(state_at(db, "FORUM-019", t_at("2024-06-01")),
	         GV_BALLOT_PASSED);
	gv_db_free(db);
}

/* E6, CSC-24: six issuers yes, no consumer vote: "at least one yes per
 * class" NOT MET, so it fails, and RULES §9 E6: "FAIL regardless of
 * quorum" (a quorum only decides between passed and invalid). */
static void
e6_csc24(void)
{
	static const char *const six[] = {"DigiCert", "Entrust",   "GlobalSign",
	                                  "HARICA",   "IdenTrust", "Sectigo"};
	struct gv_db *db = open_db();
	int64_t vote = t_at("2024-05-22 17:00");
	struct gv_tally *t = NULL;
	struct plan p;
	size_t i;

	T_ASSERT(db);
	T_OK(body_with(db, "CSCWG", NULL, 0, 1));
	for (i = 0; i < 6; i++)
		T_OK(member(db, "CSCWG", six[i], GV_CLASS_ISSUER));
	p = usual("CSCWG", "CSC-24", 24);
	p.proposer = "DigiCert";
	p.endorser1 = "Entrust";
	p.endorser2 = "GlobalSign";
	p.version = p.discuss = "2024-05-08 17:00";
	p.vote = "2024-05-22 17:00";
	T_OK(run_to_vote(db, &p));
	p.ref = "CSC-25"; /* the same votes, a quorum not met */
	p.number = 25;
	T_OK(run_to_vote(db, &p));
	for (i = 0; i < 6; i++) {
		T_OK(vote1(db, "CSC-24", six[i], GV_VOTE_YES, vote + DAY));
		T_OK(vote1(db, "CSC-25", six[i], GV_VOTE_YES, vote + DAY));
	}
	T_OK(gv_ballot_set_quorum(db, "CSC-24", 6, "the results notice"));
	T_OK(gv_ballot_set_quorum(db, "CSC-25", 7, "test"));
	T_OK(gv_ballot_close(db, "CSC-24", t_at("2024-05-29 18:00")));
	T_OK(gv_ballot_close(db, "CSC-25", t_at("2024-05-29 18:00")));
	T_OK(gv_ballot_tally(&t, db, "CSC-24"));
	T_EQ_INT(t->issuers.yes, 6);
	T_EQ_STR(t->issuers.yes_orgs[3], "HARICA"); /* by name */
	T_EQ_INT(t->issuers.met, 1);
	T_EQ_INT(t->consumers.yes + t->consumers.no, 0);
	T_EQ_INT(t->consumers.met, 0);
	T_EQ_INT(t->quorum_met, 1);
	T_EQ_STR(t->result, "failed");
	gv_tally_free(t);
	T_EQ_INT(state_at(db, "CSC-24", t_at("2024-06-01")), GV_BALLOT_FAILED);
	T_OK(gv_ballot_tally(&t, db, "CSC-25"));
	T_EQ_INT(t->consumers.met, 0);
	T_EQ_INT(t->quorum_met, 0);
	T_EQ_STR(t->result, "failed");
	gv_tally_free(t);
	T_EQ_INT(state_at(db, "CSC-25", t_at("2024-06-01")), GV_BALLOT_FAILED);
	gv_db_free(db);
}

const struct t_case ballot_examples_tests[] = {
        {"e1_sc080", e1_sc080},
        {"e2_smc010", e2_smc010},
        {"e5_forum019", e5_forum019},
        {"e6_csc24", e6_csc24},
        {NULL, NULL},
};
