/* SPDX-License-Identifier: MIT */
/*
 * This file implements the fixtures the ballot engine's tests share
 * (ballot_fixture.h says what each does).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_fixture.h"
#include "db.h"
#include "harness.h"

/* A new database in the test's folder; its clock stands after every
 * ballot here, so tallies see every vote. */
struct gv_db *
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
int
sql_exec(struct gv_db *db, const char *sql)
{
	t_rebuild_skip();
	return sqlite3_exec(db->sql, sql, NULL, NULL, NULL) == SQLITE_OK ? 0
	                                                                 : -1;
}

/* A voting member (or any class) of body since SINCE, with one person,
 * "Rep <name>", for roll calls. */
int
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
int
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
int
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
int
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

/* A plan with the usual cast: Issuer 1 proposes, Issuer 2 and Consumer 1
 * endorse; version 2024-11-07 12:00, vote 2024-11-14 14:00 to 11-21. */
struct plan
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
int
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
int
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
const char *
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
const struct gv_vote *
ledger(const struct gv_tally *t, const char *org, int64_t cast_at)
{
	for (size_t i = 0; i < t->nvotes; i++)
		if (!strcmp(t->votes[i].org, org) &&
		    t->votes[i].cast_at == cast_at)
			return &t->votes[i];
	return NULL;
}

/* A held meeting of body at when, with "Rep <org>" of each org present. */
int64_t
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
int64_t
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