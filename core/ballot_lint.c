/* SPDX-License-Identifier: MIT */
/*
 * This file implements `ballot lint`: the checks of RULES §8 that catch
 * the errors real ballots and notices have carried (an IPR review of the
 * wrong length, a vote that does not last exactly 7 days, a discussion cut
 * short, endorsers who are not two other organisations).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"
#include "gavel/time.h"

static void
lint_add(struct gv_lint *l, int ok, const char *check, char *detail)
{
	l->v = gv__xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n].ok = ok;
	l->v[l->n].check = check;
	l->v[l->n++].detail = detail;
	l->problems += !ok;
}

static void
lint_periods(struct gv_lint *l, const struct gv_ballot *b)
{
	struct gv__ballot_acts a;
	int64_t days;
	int want;

	gv__ballot_acts(&a, b, b->vote_starts_at);
	if (b->vote_starts_at >= 0 && a.discussion_start >= 0)
		lint_add(
		        l,
		        b->vote_starts_at - a.discussion_start >= 7 * GV__DAY,
		        "discussion of at least 7 days from the proposal or "
		        "the last version, whichever is later (BYL 2.3(3))",
		        gv__xsprintf("%.2f days", (double)(b->vote_starts_at -
		                                           a.discussion_start) /
		                                          GV__DAY));
	if (b->vote_starts_at >= 0)
		lint_add(l, b->vote_ends_at - b->vote_starts_at == 7 * GV__DAY,
		         "voting lasts exactly 7 days (BYL 2.3(4))",
		         gv__xsprintf("%.2f days", (double)(b->vote_ends_at -
		                                            b->vote_starts_at) /
		                                           GV__DAY));
	if (b->review_starts_at >= 0 && strcmp(b->kind, "other")) {
		want = !strcmp(b->kind, "fg") ? 60 : 30;
		days = (b->review_ends_at - b->review_starts_at) / GV__DAY;
		lint_add(l,
		         b->review_ends_at - b->review_starts_at ==
		                 want * GV__DAY,
		         "IPR review length matches the kind (IPR 4.1)",
		         gv__xsprintf("%lld days for a %s; %d are due",
		                      (long long)days, b->kind, want));
	}
	if (b->review_starts_at >= 0 && !strcmp(b->kind, "other"))
		lint_add(l, 0,
		         "only Draft Guideline Ballots have an IPR review",
		         gv__xstrdup("kind is other"));
}

static void
lint_people(struct gv_lint *l, const struct gv_ballot *b)
{
	size_t i, j;
	int distinct = 1, proposer = 0;

	for (i = 0; i < b->nendorsers; i++) {
		for (j = 0; j < i; j++)
			distinct &=
			        strcmp(b->endorsers[i], b->endorsers[j]) != 0;
		proposer |=
		        b->proposer && !strcmp(b->endorsers[i], b->proposer);
	}
	lint_add(l, b->nendorsers >= 2 && distinct && !proposer,
	         "two endorsers from organisations other than the "
	         "proposer's (BYL 2.3(3))",
	         gv__xsprintf("%zu endorser%s%s", b->nendorsers,
	                      b->nendorsers == 1 ? "" : "s",
	                      proposer ? ", one of them the proposer's" : ""));
}

/* RULES §5.5: what the proposal states, so no notice goes out with a
 * blank where the purpose or the motion belongs. */
static void
lint_blanks(struct gv_lint *l, const struct gv_ballot *b)
{
	const char *purpose = gv__purpose_blank(b),
	           *motion = gv__motion_blank(b);

	lint_add(l, !purpose, "the proposal states its purpose (RULES §5.5)",
	         purpose ? gv__xsprintf("%s is blank: gavel ballot set %s "
	                                "--purpose TEXT",
	                                purpose, b->number)
	                 : gv__xstrdup("recorded"));
	lint_add(l, !motion,
	         "the motion has its text, compare URL or redline (BYL "
	         "2.4(1))",
	         motion ? gv__xsprintf("%s is blank: gavel ballot version %s "
	                               "--text FILE, --url URL or --repo DIR "
	                               "--base REV --head REV",
	                               motion, b->number)
	                : gv__xsprintf("version %d",
	                               b->versions[b->nversions - 1].n));
}

int
gv_ballot_lint(struct gv_lint *out, struct gv_db *db, const char *ref)
{
	struct gv_ballot *b = NULL;
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = gv_ballot_get(&b, db, ref)) < 0)
		return error;
	lint_add(out, strcmp(b->kind, "other") || b->review_starts_at < 0,
	         "kind declared: fg, fmg or other (BYL 2.4(1))",
	         gv__xstrdup(b->kind));
	lint_people(out, b);
	lint_periods(out, b);
	lint_blanks(out, b);
	gv_ballot_free(b);
	return 0;
}

void
gv_lint_dispose(struct gv_lint *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].detail);
	free(l->v);
	memset(l, 0, sizeof(*l));
}
