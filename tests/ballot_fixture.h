/* SPDX-License-Identifier: MIT */
/*
 * This file declares the fixtures the ballot engine's tests share
 * (test_ballot_*.c): a database with a body of issuers and consumers, a
 * ballot run to its vote by a plan, votes, roll calls, and readers of
 * the state and tally.
 */
#ifndef GV_TEST_BALLOT_FIXTURE_H
#define GV_TEST_BALLOT_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "gavel/gavel.h"

#define DAY  86400
#define WEEK (7 * DAY)

/* Every membership starts well before any ballot. */
#define SINCE "2020-01-01"

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

/* A new database in the test's folder; its clock stands after every
 * ballot here, so tallies see every vote. */
struct gv_db *open_db(void);

/* Runs SQL the API has no setter for yet (the body's readings). */
int sql_exec(struct gv_db *db, const char *sql);

/* A voting member (or any class) of body since SINCE, with one person,
 * "Rep <name>", for roll calls. */
int member(struct gv_db *db, const char *body, const char *name,
           enum gv_class klass);

/* A body with issuers "Issuer 1".."Issuer n" and consumers "Consumer
 * 1".."Consumer m". */
int body_with(struct gv_db *db, const char *code, const char *tz, int n, int m);

/* Votes value for "<who> from".."<who> to" at t; each must be valid. */
int votes(struct gv_db *db, const char *ref, const char *who, int from, int to,
          enum gv_vote_value value, int64_t t);

/* One organisation's vote, which must be valid. */
int vote1(struct gv_db *db, const char *ref, const char *org,
          enum gv_vote_value value, int64_t t);

/* A plan with the usual cast: Issuer 1 proposes, Issuer 2 and Consumer 1
 * endorse; version 2024-11-07 12:00, vote 2024-11-14 14:00 to 11-21. */
struct plan usual(const char *body, const char *ref, int64_t number);

/* new -> 2 endorsements -> version -> discuss -> open-vote. */
int run_to_vote(struct gv_db *db, const struct plan *p);

/* The ballot's state as of t, or -1. */
int state_at(struct gv_db *db, const char *ref, int64_t t);

/* The tally's result ("passed", ...), or "error"; static strings. */
const char *result_of(struct gv_db *db, const char *ref);

/* The ledger's entry for org cast at t, or NULL. */
const struct gv_vote *ledger(const struct gv_tally *t, const char *org,
                             int64_t cast_at);

/* A held meeting of body at when, with "Rep <org>" of each org present;
 * its id, or -1. */
int64_t meeting_with(struct gv_db *db, const char *body, const char *when,
                     const char *subcommittee, const char *const *orgs,
                     size_t n);

/* An SMCWG meeting with Issuer 1..n present (n <= 40), the associate
 * member too; its id, or -1. */
int64_t meeting_of(struct gv_db *db, const char *when, const char *subcommittee,
                   int n);

#endif
