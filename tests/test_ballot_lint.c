/* SPDX-License-Identifier: MIT */
/*
 * This file tests the ballot lint against RULES §8: each check, passed and
 * failed.
 */
#include <stdlib.h>
#include <string.h>

#include "ballot_fixture.h"
#include "gavel/gavel.h"
#include "harness.h"

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

const struct t_case ballot_lint_tests[] = {
        {"lint", lint},
        {NULL, NULL},
};
