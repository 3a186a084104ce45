/* SPDX-License-Identifier: MIT */
/*
 * This file tests the ballot engine against RULES.md: the worked examples
 * E1, E2, E5 and E6 (§9), the quorum from attendance and its readings
 * (§5.3), the thresholds (§5.2), the voting window (§4), who may act and
 * vote (§1, §8), changed votes (§5.1), the lifecycle's guards and dates
 * (§3, §4), refusals that change nothing, and the lint (§8).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"

#define DAY  86400
#define WEEK (7 * DAY)

/* Every membership starts well before any ballot. */
#define SINCE "2020-01-01"

/* ---- Helpers ---- */

/* expr returns 0; else the test fails with the engine's message. */
#define T_OK(expr)                                                             \
	do {                                                                   \
		int rc_ = (expr);                                              \
		if (rc_ < 0) {                                                 \
			t_fail(__FILE__, __LINE__, "%s: got %d (%s), want 0",  \
			       #expr, rc_, gv_error_last()->message);          \
			return;                                                \
		}                                                              \
	} while (0)

/* expr is refused with code, and the message contains needle. */
#define T_REFUSED(expr, code, needle)                                          \
	do {                                                                   \
		T_EQ_INT((expr), (code));                                      \
		T_CONTAINS(gv_error_last()->message, (needle));                \
	} while (0)

/* A new database in the test's folder; its clock stands after every
 * ballot here, so tallies see every vote. */
static struct gv_db *
open_db(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_db *db = NULL;

	if (gv_db_open(&db, t_path("ballot.db"), &opts) < 0)
		return NULL;
	gv_db_set_now(db, t_at("2025-06-01"));
	return db;
}

/* Runs SQL the API has no setter for yet (the body's readings). */
static int
sql_exec(struct gv_db *db, const char *sql)
{
	return sqlite3_exec(db->sql, sql, NULL, NULL, NULL) == SQLITE_OK ? 0
	                                                                 : -1;
}

/* A voting member (or any class) of body since SINCE, with one person,
 * "Rep <name>", for roll calls. */
static int
member(struct gv_db *db, const char *body, const char *name,
       enum gv_class klass)
{
	struct gv_person_spec p = {0};
	char person[96];
	int rc;

	if ((rc = gv_org_add(NULL, db, name, body, klass, t_at(SINCE))) < 0)
		return rc;
	snprintf(person, sizeof(person), "Rep %s", name);
	p.name = person;
	p.org = name;
	return gv_person_add(NULL, db, &p);
}

/* A body with issuers "Issuer 1".."Issuer n" and consumers "Consumer
 * 1".."Consumer m". */
static int
body_with(struct gv_db *db, const char *code, const char *tz, int n, int m)
{
	struct gv_body_spec spec = {0};
	char name[32];
	int i, rc;

	spec.code = code;
	spec.name = code;
	spec.tz = tz;
	if ((rc = gv_body_add(NULL, db, &spec)) < 0)
		return rc;
	for (i = 1; i <= n; i++) {
		snprintf(name, sizeof(name), "Issuer %d", i);
		if ((rc = member(db, code, name, GV_CLASS_ISSUER)) < 0)
			return rc;
	}
	for (i = 1; i <= m; i++) {
		snprintf(name, sizeof(name), "Consumer %d", i);
		if ((rc = member(db, code, name, GV_CLASS_CONSUMER)) < 0)
			return rc;
	}
	return 0;
}

/* Votes value for "<who> from".."<who> to" at t; each must be valid. */
static int
votes(struct gv_db *db, const char *ref, const char *who, int from, int to,
      enum gv_vote_value value, int64_t t)
{
	char name[32], *reason = NULL;
	int i, rc;

	for (i = from; i <= to; i++) {
		snprintf(name, sizeof(name), "%s %d", who, i);
		if ((rc = gv_ballot_vote(&reason, db, ref, name, value, t,
		                         NULL)) < 0)
			return rc;
		if (reason) {
			free(reason);
			return GV_ERROR;
		}
	}
	return 0;
}

/* One organisation's vote, which must be valid. */
static int
vote1(struct gv_db *db, const char *ref, const char *org,
      enum gv_vote_value value, int64_t t)
{
	char *reason = NULL;
	int rc = gv_ballot_vote(&reason, db, ref, org, value, t, NULL);

	if (rc == 0 && reason)
		rc = GV_ERROR;
	free(reason);
	return rc;
}

/* How a ballot goes to its vote. */
struct plan {
	const char *body, *ref, *kind;
	int64_t number;
	const char *proposer, *endorser1, *endorser2;
	const char *version; /* new, both endorsements and the version */
	const char *discuss; /* discussion opens (until: the earliest) */
	const char *vote;    /* voting opens; NULL: stay in discussion */
	const char *until;   /* announced end of discussion, or NULL */
};

/* A plan with the usual cast: Issuer 1 proposes, Issuer 2 and Consumer 1
 * endorse; version 2024-11-07 12:00, vote 2024-11-14 14:00 to 11-21. */
static struct plan
usual(const char *body, const char *ref, int64_t number)
{
	struct plan p = {
	        .body = body,
	        .ref = ref,
	        .kind = "fmg",
	        .number = number,
	        .proposer = "Issuer 1",
	        .endorser1 = "Issuer 2",
	        .endorser2 = "Consumer 1",
	        .version = "2024-11-07 12:00",
	        .discuss = "2024-11-07 12:00",
	        .vote = "2024-11-14 14:00",
	};
	return p;
}

/* new -> 2 endorsements -> version -> discuss -> open-vote. */
static int
run_to_vote(struct gv_db *db, const struct plan *p)
{
	int64_t v = t_at(p->version);
	int rc;

	if ((rc = gv_ballot_new(NULL, NULL, db,
	                        &(struct gv_ballot_spec){p->body, p->ref,
	                                                 p->kind, p->proposer,
	                                                 "To test.", p->number},
	                        v)) < 0 ||
	    (rc = gv_ballot_endorse(db, p->ref, p->endorser1, v)) < 0 ||
	    (rc = gv_ballot_endorse(db, p->ref, p->endorser2, v)) < 0 ||
	    (rc = gv_ballot_version(db, p->ref, "text", NULL, 0, v)) < 0 ||
	    (rc = gv_ballot_discuss(db, p->ref, t_at(p->discuss),
	                            p->until ? t_at(p->until) : -1)) < 0)
		return rc;
	return p->vote ? gv_ballot_open_vote(db, p->ref, t_at(p->vote)) : 0;
}

/* The ballot's state as of t. */
static int
state_at(struct gv_db *db, const char *ref, int64_t t)
{
	struct gv_ballot *b = NULL;
	int64_t saved = gv_db_now(db);
	int state;

	gv_db_set_now(db, t);
	state = gv_ballot_get(&b, db, ref) < 0 ? -1 : (int)b->state;
	gv_db_set_now(db, saved);
	gv_ballot_free(b);
	return state;
}

/* The tally's result ("passed", ...), or "error"; static strings. */
static const char *
result_of(struct gv_db *db, const char *ref)
{
	struct gv_tally *t = NULL;
	const char *r;

	if (gv_ballot_tally(&t, db, ref) < 0)
		return "error";
	r = t->result;
	gv_tally_free(t);
	return r;
}

/* The ledger's entry for org cast at t, or NULL. */
static const struct gv_vote *
ledger(const struct gv_tally *t, const char *org, int64_t cast_at)
{
	for (size_t i = 0; i < t->nvotes; i++)
		if (!strcmp(t->votes[i].org, org) &&
		    t->votes[i].cast_at == cast_at)
			return &t->votes[i];
	return NULL;
}

/* A held meeting of body at when, with "Rep <org>" of each org present. */
static int64_t
meeting_with(struct gv_db *db, const char *body, const char *when,
             const char *subcommittee, const char *const *orgs, size_t n)
{
	struct gv_meeting_spec spec = {0};
	struct gv_roll_call r;
	const char *names[64];
	char buf[64][96];
	int64_t id = -1;
	size_t i;
	int rc;

	spec.body = body;
	spec.starts_at = t_at(when);
	spec.subcommittee = subcommittee;
	spec.bare = 1;
	if (n > 64 || gv_meeting_add(&id, db, &spec) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		snprintf(buf[i], sizeof(buf[i]), "Rep %s (%s)", orgs[i],
		         orgs[i]);
		names[i] = buf[i];
	}
	rc = gv_meeting_attend(&r, db, id, names, n, 0);
	gv_roll_call_dispose(&r);
	return rc < 0 ? -1 : id;
}

/* Issuer 1..n present (n <= 40), the associate member too. */
static int64_t
meeting_of(struct gv_db *db, const char *when, const char *subcommittee, int n)
{
	static char names[41][32];
	const char *orgs[41];
	int i;

	for (i = 0; i < n; i++) {
		snprintf(names[i], sizeof(names[i]), "Issuer %d", i + 1);
		orgs[i] = names[i];
	}
	orgs[n] = "CPA Canada/WebTrust"; /* an associate: not counted */
	return meeting_with(db, "SMCWG", when, subcommittee, orgs,
	                    (size_t)n + 1);
}

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
	events = (int)t_sql_int(db, "SELECT count(*) FROM event");
	T_REFUSED(gv_ballot_review(db, "FORUM-019", t_at("2023-12-05 12:00")),
	          GV_ECONFLICT, "not a Draft Guideline Ballot");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM event"), events);
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
	events = t_sql_int(db, "SELECT count(*) FROM event");
	T_EQ_INT(gv_ballot_close(db, "SMC010", t_at("2024-11-21 15:00")),
	         GV_ECONFLICT);
	T_CONTAINS(gv_error_last()->message, "quorum");
	T_CONTAINS(gv_error_last()->message, "unknown");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM event"), events);
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

/* ---- RULES §3, §4: guards and dates ---- */

/* 7 days of discussion from the latest version (BYL 2.3(3)). */
static void
discussion_guards(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	struct gv_ballot *b = NULL;
	int64_t v = t_at(p.version);

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	/* Fewer than two endorsements: no discussion. */
	T_OK(gv_ballot_new(NULL, NULL, db,
	                   &(struct gv_ballot_spec){"SMCWG", "x", "fmg",
	                                            "Issuer 1", NULL, 10},
	                   v));
	T_OK(gv_ballot_version(db, "SMC010", "text", NULL, 0, v));
	T_REFUSED(gv_ballot_discuss(db, "SMC010", v, -1), GV_ECONFLICT,
	          "needs two");
	T_OK(gv_ballot_endorse(db, "SMC010", "Issuer 2", v));
	T_REFUSED(gv_ballot_discuss(db, "SMC010", v, -1), GV_ECONFLICT,
	          "needs two");
	T_OK(gv_ballot_endorse(db, "SMC010", "Consumer 1", v));
	T_OK(gv_ballot_discuss(db, "SMC010", v, -1));
	/* Voting before the 7 days is refused with the date. */
	T_REFUSED(gv_ballot_open_vote(db, "SMC010", t_at("2024-11-14 11:59")),
	          GV_ECONFLICT, "2024-11-14 12:00 UTC");
	T_CONTAINS(gv_error_last()->message, "cannot come before");
	/* A new version restarts them. */
	T_OK(gv_ballot_version(db, "SMC010", "text v2", NULL, 0,
	                       t_at("2024-11-10 12:00")));
	T_EQ_INT(state_at(db, "SMC010", t_at("2024-11-11")),
	         GV_BALLOT_DISCUSSION);
	T_REFUSED(gv_ballot_open_vote(db, "SMC010", t_at("2024-11-14 12:00")),
	          GV_ECONFLICT, "2024-11-17 12:00 UTC");
	T_OK(gv_ballot_open_vote(db, "SMC010", t_at("2024-11-17 12:00")));
	T_OK(gv_ballot_get(&b, db, "SMC010"));
	T_EQ_INT(b->nversions, 2);
	T_EQ_INT(b->vote_ends_at, t_at("2024-11-24 12:00"));
	gv_ballot_free(b);
	gv_db_free(db);
}

/* [INTERP] RULES §3: a new version during voting withdraws the vote and
 * reopens discussion; the votes cast before it no longer count. */
static void
version_during_voting(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t start = t_at(p.vote), v2 = t_at("2024-11-16 12:00");
	const struct gv_vote *v;
	struct gv_tally *t = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	T_OK(run_to_vote(db, &p));
	T_OK(vote1(db, "SMC010", "Issuer 1", GV_VOTE_YES, start + 3600));
	T_OK(vote1(db, "SMC010", "Consumer 1", GV_VOTE_YES, start + 3600));
	T_OK(gv_ballot_version(db, "SMC010", "text v2", NULL, 0, v2));
	T_EQ_INT(state_at(db, "SMC010", v2 + 60), GV_BALLOT_DISCUSSION);
	/* The 7 days run from v2. */
	T_REFUSED(gv_ballot_open_vote(db, "SMC010", v2 + WEEK - 1),
	          GV_ECONFLICT, "2024-11-23 12:00 UTC");
	T_OK(gv_ballot_open_vote(db, "SMC010", v2 + WEEK));
	T_OK(vote1(db, "SMC010", "Issuer 2", GV_VOTE_YES, v2 + WEEK + 60));
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_EQ_INT(t->nvotes, 3);
	T_EQ_INT(t->participants, 1);
	T_ASSERT((v = ledger(t, "Issuer 1", start + 3600)) && !v->counted);
	T_ASSERT(v->reason != NULL);
	T_ASSERT((v = ledger(t, "Consumer 1", start + 3600)) && !v->counted);
	gv_tally_free(t);
	gv_db_free(db);
}

/* BYL 2.3(3): 90 days after the last version without a vote. */
static void
expiry_at_day_90(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t last = t_at("2024-01-10 12:00");

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	p.version = p.discuss = "2024-01-10 12:00";
	p.vote = NULL;
	T_OK(run_to_vote(db, &p));
	T_EQ_INT(state_at(db, "SMC010", last + 90 * DAY - 1),
	         GV_BALLOT_DISCUSSION);
	T_EQ_INT(state_at(db, "SMC010", last + 90 * DAY), GV_BALLOT_EXPIRED);
	T_REFUSED(gv_ballot_open_vote(db, "SMC010", last + 90 * DAY),
	          GV_ECONFLICT, "expired");
	T_CONTAINS(gv_error_last()->message, "2024-04-09 12:00 UTC");
	gv_db_free(db);
}

/* The steps each state allows (BYL 2.3(4), 2.4(6)-(9); IPR 4.2). */
static void
step_guards(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t end = t_at("2024-11-21 14:00"),
	        review = t_at("2024-11-22 16:00");
	struct gv_ballot *b = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	T_OK(run_to_vote(db, &p));
	T_OK(votes(db, "SMC010", "Issuer", 1, 3, GV_VOTE_YES,
	           t_at(p.vote) + DAY));
	T_OK(votes(db, "SMC010", "Consumer", 1, 2, GV_VOTE_YES,
	           t_at(p.vote) + DAY));
	T_OK(gv_ballot_set_quorum(db, "SMC010", 3, "test"));
	/* No cancelling during voting; no results before its end. */
	T_REFUSED(gv_ballot_cancel(db, "SMC010", end - DAY), GV_ECONFLICT,
	          "is voting");
	T_REFUSED(gv_ballot_close(db, "SMC010", end - 1), GV_ECONFLICT,
	          "2024-11-21 14:00 UTC");
	/* No exclusion notice outside an IPR review. */
	T_EQ_INT(gv_ballot_exclusion(db, "SMC010", "Issuer 4", end - DAY,
	                             "patent"),
	         GV_ECONFLICT);
	T_OK(gv_ballot_close(db, "SMC010", end + 3600));
	T_EQ_INT(state_at(db, "SMC010", end + 7200), GV_BALLOT_PASSED);
	T_REFUSED(gv_ballot_close(db, "SMC010", end + 7200), GV_ECONFLICT,
	          "is passed");
	T_OK(gv_ballot_review(db, "SMC010", review));
	T_REFUSED(gv_ballot_review(db, "SMC010", review + DAY), GV_ECONFLICT,
	          "is ipr_review");
	T_EQ_INT(gv_ballot_version(db, "SMC010", "v2", NULL, 0, review + DAY),
	         GV_ECONFLICT);
	/* Outside the review period [start, end): refused. */
	T_REFUSED(gv_ballot_exclusion(db, "SMC010", "Issuer 4", review - 1,
	                              "patent"),
	          GV_ECONFLICT, "within the review period");
	T_REFUSED(gv_ballot_exclusion(db, "SMC010", "Issuer 4",
	                              review + 30 * DAY, "patent"),
	          GV_ECONFLICT, "within the review period");
	T_OK(gv_ballot_get(&b, db, "SMC010"));
	T_EQ_INT(b->exclusions, 0);
	gv_ballot_free(b);
	/* Within it: rescinded at the review's end (BYL 2.4(9)). */
	T_OK(gv_ballot_exclusion(db, "SMC010", "Issuer 4", review + 5 * DAY,
	                         "US 1,234,567"));
	T_EQ_INT(state_at(db, "SMC010", review + 30 * DAY - 1),
	         GV_BALLOT_IPR_REVIEW);
	T_EQ_INT(state_at(db, "SMC010", review + 30 * DAY),
	         GV_BALLOT_RESCINDED);

	/* Withdraw only during voting; cancel only before it. */
	p = usual("SMCWG", "SMC011", 11);
	p.vote = NULL;
	T_OK(run_to_vote(db, &p));
	T_REFUSED(gv_ballot_withdraw(db, "SMC011", t_at("2024-11-10")),
	          GV_ECONFLICT, "during voting");
	T_OK(gv_ballot_cancel(db, "SMC011", t_at("2024-11-10")));
	T_EQ_INT(state_at(db, "SMC011", t_at("2024-11-11")),
	         GV_BALLOT_CANCELLED);
	p = usual("SMCWG", "SMC012", 12);
	T_OK(run_to_vote(db, &p));
	T_OK(gv_ballot_withdraw(db, "SMC012", t_at("2024-11-15")));
	T_EQ_INT(state_at(db, "SMC012", t_at("2024-11-16")),
	         GV_BALLOT_WITHDRAWN);
	T_REFUSED(gv_ballot_withdraw(db, "SMC012", t_at("2024-11-16")),
	          GV_ECONFLICT, "during voting");
	/* A new version after the withdrawal: a fresh 7 days. */
	T_OK(gv_ballot_version(db, "SMC012", "v2", NULL, 0,
	                       t_at("2024-11-18")));
	T_EQ_INT(state_at(db, "SMC012", t_at("2024-11-19")),
	         GV_BALLOT_DISCUSSION);
	T_REFUSED(gv_ballot_open_vote(db, "SMC012", t_at("2024-11-24")),
	          GV_ECONFLICT, "2024-11-25 00:00 UTC");
	T_OK(gv_ballot_open_vote(db, "SMC012", t_at("2024-11-25")));

	/* A failed ballot has no review; a Final Guideline's lasts 60 days
	 * (IPR 4.1). */
	p = usual("SMCWG", "SMC013", 13);
	p.kind = "fg";
	T_OK(run_to_vote(db, &p));
	p = usual("SMCWG", "SMC014", 14);
	T_OK(run_to_vote(db, &p));
	T_OK(votes(db, "SMC013", "Issuer", 1, 3, GV_VOTE_YES,
	           t_at(p.vote) + DAY));
	T_OK(votes(db, "SMC013", "Consumer", 1, 2, GV_VOTE_YES,
	           t_at(p.vote) + DAY));
	T_OK(votes(db, "SMC014", "Issuer", 1, 3, GV_VOTE_NO,
	           t_at(p.vote) + DAY));
	T_OK(gv_ballot_set_quorum(db, "SMC013", 3, "test"));
	T_OK(gv_ballot_set_quorum(db, "SMC014", 3, "test"));
	T_OK(gv_ballot_close(db, "SMC013", end + 3600));
	T_OK(gv_ballot_close(db, "SMC014", end + 3600));
	T_EQ_INT(state_at(db, "SMC014", end + 7200), GV_BALLOT_FAILED);
	T_REFUSED(gv_ballot_review(db, "SMC014", review), GV_ECONFLICT,
	          "is failed");
	T_OK(gv_ballot_review(db, "SMC013", review));
	T_OK(gv_ballot_get(&b, db, "SMC013"));
	T_EQ_INT(b->review_ends_at, review + 60 * DAY);
	gv_ballot_free(b);
	T_EQ_INT(state_at(db, "SMC013", review + 60 * DAY), GV_BALLOT_ADOPTED);
	gv_db_free(db);
}

/* RULES §4: calendar days across February 29. */
static void
leap_day(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	struct gv_ballot *b = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	p.version = p.discuss = "2024-02-15 10:00";
	p.vote = "2024-02-25 10:00";
	T_OK(run_to_vote(db, &p));
	T_OK(gv_ballot_get(&b, db, "SMC010"));
	T_EQ_INT(b->vote_ends_at, t_at("2024-03-03 10:00"));
	gv_ballot_free(b);
	gv_db_free(db);
}

/* ---- Refusals change nothing ---- */

static void
bad_input_changes_nothing(void)
{
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	int64_t t = t_at(p.vote) + DAY, events, nvotes, nballots;
	enum gv_vote_value value = GV_VOTE_YES;
	struct gv_ballot *b = NULL;
	char *reason = NULL;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	T_OK(run_to_vote(db, &p));
	T_OK(vote1(db, "SMC010", "Issuer 1", GV_VOTE_YES, t));
	events = t_sql_int(db, "SELECT count(*) FROM event");
	nvotes = t_sql_int(db, "SELECT count(*) FROM vote");
	nballots = t_sql_int(db, "SELECT count(*) FROM ballot");
	T_ASSERT(events > 0 && nvotes == 1 && nballots == 1);
#define UNCHANGED()                                                            \
	do {                                                                   \
		T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM event"), events); \
		T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM vote"), nvotes);  \
		T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM ballot"),         \
		         nballots);                                            \
	} while (0)
	T_EQ_INT(gv_ballot_vote(&reason, db, "SMC099", "Issuer 2", GV_VOTE_YES,
	                        t, NULL),
	         GV_ENOTFOUND);
	T_EQ_STR(reason, NULL);
	UNCHANGED();
	T_EQ_INT(gv_ballot_vote(&reason, db, "hello", "Issuer 2", GV_VOTE_YES,
	                        t, NULL),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "not a ballot");
	UNCHANGED();
	T_EQ_INT(gv_ballot_vote(&reason, db, "SMC010", "Nowhere Inc.",
	                        GV_VOTE_YES, t, NULL),
	         GV_ENOTFOUND);
	UNCHANGED();
	T_EQ_INT(gv_vote_value_parse(&value, "maybe"), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "maybe");
	T_EQ_INT(value, GV_VOTE_YES);
	T_EQ_INT(gv_ballot_new(NULL, NULL, db,
	                       &(struct gv_ballot_spec){"SMCWG", "x", "xyz",
	                                                "Issuer 1", NULL, 0},
	                       t),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "xyz");
	UNCHANGED();
	T_EQ_INT(gv_ballot_new(NULL, NULL, db,
	                       &(struct gv_ballot_spec){"NOWG", "x", "fg",
	                                                "Issuer 1", NULL, 0},
	                       t),
	         GV_ENOTFOUND);
	T_EQ_INT(
	        gv_ballot_new(NULL, NULL, db,
	                      &(struct gv_ballot_spec){"SMCWG", "x", "fg",
	                                               "Nowhere Inc.", NULL, 0},
	                      t),
	        GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_new(NULL, NULL, db,
	                       &(struct gv_ballot_spec){"SMCWG", "x", "fg",
	                                                "Issuer 1", NULL, 10},
	                       t),
	         GV_EEXISTS);
	UNCHANGED();
	/* Every step on a ballot that does not exist, or is no ballot. */
	T_EQ_INT(gv_ballot_endorse(db, "SMC099", "Issuer 2", t), GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_version(db, "hello", NULL, NULL, 0, t), GV_EINVALID);
	T_EQ_INT(gv_ballot_discuss(db, "SMC099", t, -1), GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_open_vote(db, "hello", t), GV_EINVALID);
	T_EQ_INT(gv_ballot_close(db, "SMC099", t), GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_review(db, "SMC099", t), GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_exclusion(db, "SMC099", "Issuer 2", t, "x"),
	         GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_withdraw(db, "hello", t), GV_EINVALID);
	T_EQ_INT(gv_ballot_cancel(db, "SMC099", t), GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_set_quorum(db, "SMC099", 3, NULL), GV_ENOTFOUND);
	T_EQ_INT(gv_ballot_set_quorum(db, "SMC010", -1, NULL), GV_EINVALID);
	T_EQ_INT(gv_ballot_get(&b, db, "SMC099"), GV_ENOTFOUND);
	T_ASSERT(b == NULL);
	UNCHANGED();
	/* A refused step on a real ballot changes nothing either. */
	T_EQ_INT(gv_ballot_close(db, "SMC010", t), GV_ECONFLICT);
	T_EQ_INT(gv_ballot_cancel(db, "SMC010", t), GV_ECONFLICT);
	T_EQ_INT(gv_ballot_endorse(db, "SMC010", "Issuer 3", t), GV_ECONFLICT);
	UNCHANGED();
	T_EQ_INT(state_at(db, "SMC010", t), GV_BALLOT_VOTING);
#undef UNCHANGED
	gv_db_free(db);
}

/* ballot.h: a vote on a ballot that never had a vote is refused with
 * GV_ECONFLICT (RULES is silent; the ledger would keep it otherwise). */
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

/* ---- RULES §8: lint ---- */

/* The check of that name failed, or -1 when absent. */
static int
lint_failed(const struct gv_lint *l, const char *check_part)
{
	for (size_t i = 0; i < l->n; i++)
		if (strstr(l->v[i].check, check_part))
			return !l->v[i].ok;
	return -1;
}

static void
lint(void)
{
	const char *const endorsers[] = {"Issuer 2", "Consumer 1"};
	const int64_t versions[] = {t_at("2024-01-03 12:00")};
	struct gv_ballot_record rec = {0};
	struct gv_db *db = open_db();
	struct plan p = usual("SMCWG", "SMC010", 10);
	struct gv_lint l;
	size_t i;

	T_ASSERT(db);
	T_OK(body_with(db, "SMCWG", NULL, 4, 2));
	/* A clean ballot, through its review: no problem. */
	T_OK(run_to_vote(db, &p));
	T_OK(votes(db, "SMC010", "Issuer", 1, 3, GV_VOTE_YES,
	           t_at(p.vote) + DAY));
	T_OK(votes(db, "SMC010", "Consumer", 1, 2, GV_VOTE_YES,
	           t_at(p.vote) + DAY));
	T_OK(gv_ballot_set_quorum(db, "SMC010", 3, "test"));
	T_OK(gv_ballot_close(db, "SMC010", t_at("2024-11-21 15:00")));
	T_OK(gv_ballot_review(db, "SMC010", t_at("2024-11-22 16:00")));
	T_OK(gv_ballot_lint(&l, db, "SMC010"));
	for (i = 0; i < l.n; i++)
		if (!l.v[i].ok)
			t_fail(__FILE__, __LINE__, "\"%s\" failed: %s",
			       l.v[i].check, l.v[i].detail);
	T_EQ_INT(l.problems, 0);
	T_EQ_INT(lint_failed(&l, "IPR review length"), 0);
	gv_lint_dispose(&l);
	/* The proposer among the endorsers (past the engine's refusal). */
	T_OK(sql_exec(db, "INSERT INTO endorsement (ballot, org, at)"
	                  " SELECT id, proposer, 0 FROM ballot"
	                  " WHERE number = 10"));
	T_OK(gv_ballot_lint(&l, db, "SMC010"));
	T_EQ_INT(l.problems, 1);
	T_EQ_INT(lint_failed(&l, "two endorsers"), 1);
	gv_lint_dispose(&l);
	/* A Final Maintenance Guideline reviewed for 60 days (IPR 4.1). */
	rec.body = "SMCWG";
	rec.number = 5;
	rec.title = "A recorded ballot";
	rec.kind = "fmg";
	rec.state = "adopted";
	rec.proposer = "Issuer 1";
	rec.endorsers = endorsers;
	rec.n_endorsers = 2;
	rec.versions = versions;
	rec.n_versions = 1;
	rec.discussion_ends_at = t_at("2024-01-10 12:00");
	rec.vote_starts_at = t_at("2024-01-10 12:00");
	rec.vote_ends_at = t_at("2024-01-17 12:00");
	rec.results_at = t_at("2024-01-17 18:00");
	rec.review_starts_at = t_at("2024-01-18 12:00");
	rec.review_ends_at = t_at("2024-03-18 12:00"); /* 60 days */
	rec.adopted_at = rec.review_ends_at;
	rec.purpose = "To test.";
	T_OK(gv_ballot_record(NULL, db, &rec));
	T_OK(gv_ballot_lint(&l, db, "SMC005"));
	/* The record has no text of its motion either (RULES §5.5). */
	T_EQ_INT(l.problems, 2);
	T_EQ_INT(lint_failed(&l, "IPR review length"), 1);
	T_EQ_INT(lint_failed(&l, "the motion has its text"), 1);
	for (i = 0; i < l.n; i++)
		if (!l.v[i].ok && strstr(l.v[i].check, "IPR"))
			T_CONTAINS(l.v[i].detail, "60 days");
	gv_lint_dispose(&l);
	gv_db_free(db);
}

const struct t_case ballot_tests[] = {
        {"e1_sc080", e1_sc080},
        {"e2_smc010", e2_smc010},
        {"e5_forum019", e5_forum019},
        {"e6_csc24", e6_csc24},
        {"quorum_from_attendance", quorum_from_attendance},
        {"quorum_unknown_refuses_close", quorum_unknown_refuses_close},
        {"thresholds", thresholds},
        {"vote_window", vote_window},
        {"eligibility", eligibility},
        {"changed_votes", changed_votes},
        {"discussion_guards", discussion_guards},
        {"version_during_voting", version_during_voting},
        {"expiry_at_day_90", expiry_at_day_90},
        {"step_guards", step_guards},
        {"leap_day", leap_day},
        {"bad_input_changes_nothing", bad_input_changes_nothing},
        {"vote_before_any_voting", vote_before_any_voting},
        {"lint", lint},
        {NULL, NULL},
};
