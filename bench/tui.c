/* SPDX-License-Identifier: MIT */
/*
 * This file is the curses UI benchmark's driver. "tui-bench populate DB
 * REPO BASE HEAD" adds to a demo database 500 ballots with a vote from
 * every voting member, 300 meetings with a roll call, and a last ballot
 * whose version is pinned to BASE..HEAD of REPO (the largest ballot range
 * of cabforum/smime), so the redline view opens on it. The issues come
 * from bench/issues.c's file, imported by the script.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "gavel/redline.h"

#define BALLOTS  500
#define MEETINGS 300
#define DAY      86400

static int
fail(const char *what)
{
	fprintf(stderr, "tui-bench: %s: %s\n", what, gv_error_last()->message);
	return 1;
}

/* 500 decided ballots, two a week back from 2024, each with every voting
 * member's vote. */
static int
ballots(struct gv_db *db, const struct gv_org_list *orgs)
{
	int64_t start = 1420070400; /* 2015-01-01 */
	int i;
	size_t o;

	for (i = 0; i < BALLOTS; i++) {
		struct gv_ballot_record r = {0};
		const char *endorsers[2] = {orgs->v[1].name, orgs->v[2].name};
		int64_t version = start + (int64_t)i * 3 * DAY;
		char title[64], ref[32];

		snprintf(title, sizeof(title), "Bench ballot %d", i + 100);
		r.body = "SMCWG";
		r.number = i + 100;
		r.title = title;
		r.kind = "fmg";
		r.state = i % 5 ? "adopted" : "failed";
		r.proposer = orgs->v[0].name;
		r.endorsers = endorsers;
		r.n_endorsers = 2;
		r.versions = &version;
		r.n_versions = 1;
		r.discussion_ends_at = version + 7 * DAY;
		r.vote_starts_at = version + 7 * DAY;
		r.vote_ends_at = version + 14 * DAY;
		r.results_at = version + 15 * DAY;
		r.review_starts_at = r.review_ends_at = r.adopted_at = -1;
		r.quorum = 5;
		if (gv_ballot_record(NULL, db, &r) < 0)
			return fail("recording a ballot");
		snprintf(ref, sizeof(ref), "SMC%d", i + 100);
		for (o = 0; o < orgs->n; o++)
			if (gv_class_votes(orgs->v[o].klass) &&
			    gv_ballot_vote(NULL, db, ref, orgs->v[o].name,
			                   o % 7 ? GV_VOTE_YES
			                         : GV_VOTE_ABSTAIN,
			                   r.vote_starts_at + DAY, NULL) < 0)
				return fail("recording a vote");
	}
	return 0;
}

static int
meetings(struct gv_db *db, const struct gv_person_list *people)
{
	const char *names[8];
	char who[8][256];
	int64_t start = 1420070400 + 16 * 3600;
	size_t i, n;

	for (i = 0; i < MEETINGS; i++) {
		struct gv_meeting_spec m = {0};
		struct gv_roll_call rc = {0};
		int64_t id;

		m.body = "SMCWG";
		m.starts_at = start + (int64_t)i * 7 * DAY;
		m.bare = 1;
		if (gv_meeting_add(&id, db, &m) < 0)
			return fail("adding a meeting");
		for (n = 0; n < 8 && n < people->n; n++) {
			const struct gv_person *p =
			        &people->v[(i + n * 3) % people->n];

			snprintf(who[n], sizeof(who[n]), "%s (%s)", p->name,
			         p->org ? p->org : "");
			names[n] = who[n];
		}
		if (gv_meeting_attend(&rc, db, id, names, n, 0) < 0) {
			gv_roll_call_dispose(&rc);
			return fail("taking a roll call");
		}
		gv_roll_call_dispose(&rc);
	}
	return 0;
}

/* The last ballot, in discussion, its version pinned to the range. */
static int
pinned(struct gv_db *db, const struct gv_org_list *orgs, const char *repo,
       const char *base, const char *head)
{
	int64_t now = gv_db_now(db), number = 0;
	char ref[32];

	if (gv_ballot_new(NULL, &number, db,
	                  &(struct gv_ballot_spec){
	                          "SMCWG",
	                          "Bench: the whole history of the S/MIME BR",
	                          "fg", orgs->v[0].name, NULL, 0},
	                  now - 2 * DAY) < 0)
		return fail("proposing the pinned ballot");
	snprintf(ref, sizeof(ref), "SMC%lld", (long long)number);
	if (gv_ballot_pin(db, ref, repo, base, head, NULL, 0, now - DAY) < 0)
		return fail("pinning its version");
	return 0;
}

int
main(int argc, char **argv)
{
	struct gv_org_filter of = {"SMCWG", -1};
	struct gv_person_filter pf = {0};
	struct gv_org_list *orgs = NULL;
	struct gv_person_list *people = NULL;
	struct gv_db *db = NULL;
	int rc = 1;

	if (argc != 6 || strcmp(argv[1], "populate")) {
		fprintf(stderr,
		        "usage: tui-bench populate DB REPO BASE HEAD\n");
		return 2;
	}
	if (gv_global_init() < 0 || gv_db_open(&db, argv[2], NULL) < 0)
		return fail("opening the database");
	gv_db_set_actor(db, "bench");
	pf.body = "SMCWG";
	if (gv_org_list(&orgs, db, &of) < 0 ||
	    gv_person_list(&people, db, &pf) < 0)
		rc = fail("reading the roster");
	else if (orgs->n < 3 || !people->n)
		fprintf(stderr, "tui-bench: the demo's roster is missing\n");
	else
		rc = ballots(db, orgs) || meetings(db, people) ||
		     pinned(db, orgs, argv[3], argv[4], argv[5]);
	gv_org_list_free(orgs);
	gv_person_list_free(people);
	gv_db_free(db);
	gv_global_shutdown();
	return rc;
}
