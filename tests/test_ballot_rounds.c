/* SPDX-License-Identifier: MIT */
/*
 * This file tests that every reader of a ballot gives the same instant
 * (issue 14): the discussion clock runs from the later of the proposal and
 * the latest version, a new version during voting keeps every clock, the
 * same text again is refused, and the tally gives each class's share of
 * yes. Each is checked where a chair reads it: the guard, `ballot show`,
 * `deadlines`, lint, the notices and the screen.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/ballot.h"
#include "harness.h"
#include "screen_fixture.h"

#define RUN(now, ...) t_gavel(t_env((now), "chair"), __VA_ARGS__, NULL)

/* The demo's SMCWG with SMC011 proposed as the issue reported it: its
 * text recorded on 01-20, its proposal posted on 01-22. */
static int
proposed_smc011(void)
{
	const char *now = "2025-01-20 08:00";

	return RUN(now, "init", "--demo")->status == 0 &&
	       RUN(now, "ballot", "new", "SMCWG", "--title", "EUID", "--kind",
	           "fmg", "--proposer", "DigiCert", "--purpose",
	           "EUID in the organizationIdentifier", "--at",
	           "2025-01-20 09:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "endorse", "SMC011", "Sectigo", "--at",
	           "2025-01-20 10:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "endorse", "SMC011", "Google", "--at",
	           "2025-01-20 10:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "version", "SMC011", "--url",
	           "https://github.com/cabforum/smime/pull/281", "--at",
	           "2025-01-20 10:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "discuss", "SMC011", "--at",
	           "2025-01-22 12:00")
	                       ->status == 0;
}

/* The ISO instants of a JSON array's objects whose "what" is what. */
static char *
instants(const char *json, const char *key, const char *what)
{
	static char out[512];
	json_t *doc = json_loads(json, 0, NULL), *a, *e;
	size_t i, used = 0;

	out[0] = '\0';
	a = key ? json_object_get(doc, key) : doc;
	json_array_foreach (a, i, e) {
		const char *w = json_string_value(json_object_get(e, "what"));
		const char *at = json_string_value(json_object_get(e, "iso"));

		if (!at)
			at = json_string_value(json_object_get(e, "time"));
		if (w && at && !strcmp(w, what) && used + 32 < sizeof(out))
			used += (size_t)snprintf(out + used, sizeof(out) - used,
			                         "%s%s", used ? " " : "", at);
	}
	json_decref(doc);
	return out;
}

/* A headless screen of the dashboard and of the ballot's detail. */
static const char *
screen_of(const char *now, const char *name)
{
	const char *script = t_write_file(
	        "s.txt", ":save-display dash.txt\nview-ballots\n"
	                 "enter\n:save-display ballot.txt\nquit\n");

	if (t_gavel(scr_headless(now, "chair", script, "120x40"), NULL)
	            ->status != 0)
		return "";
	return t_read_file(t_path(name), NULL);
}

/* Issue 14.1: version on 01-20, proposal on 01-22: the 7 days run from
 * the proposal, so voting opens 01-29 12:00, not 01-27 10:00. */
static void
discussion_from_the_later_of_proposal_and_version(void)
{
	const char *now = "2025-01-23 00:00";
	struct t_run *r;

	T_ASSERT(proposed_smc011());
	r = RUN(now, "ballot", "show", "SMC011", "--format", "json");
	T_EQ_STR(instants(r->out, "clocks", "discussion ends"),
	         "2025-01-29T12:00:00Z");
	/* The expiry still runs from the version (BYL 2.3(3)). */
	T_EQ_STR(instants(r->out, "clocks", "expires"), "2025-04-20T10:00:00Z");
	r = RUN(now, "deadlines", "--format", "json");
	T_EQ_STR(instants(r->out, NULL, "discussion ends"),
	         "2025-01-29T12:00:00Z");
	r = RUN(now, "ballot", "notice", "SMC011", "proposal");
	T_CONTAINS(r->out, "| Discussion (at least 7 days) | 2025-01-22 12:00 "
	                   "UTC (07:00 EST) | 2025-01-29 12:00 UTC (07:00 EST) "
	                   "|");
	T_CONTAINS(screen_of(now, "dash.txt"), "2025-01-29 12:00 UTC");
	T_CONTAINS(screen_of(now, "ballot.txt"), "2025-01-29 12:00 UTC");
	r = RUN(now, "ballot", "open-vote", "SMC011", "--at",
	        "2025-01-29 11:59");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "discussion ends 2025-01-29 12:00 UTC");
	T_EQ_INT(RUN(now, "ballot", "open-vote", "SMC011", "--at",
	             "2025-01-29 12:00")
	                 ->status,
	         0);
	r = RUN("2025-02-10 00:00", "ballot", "lint", "SMC011");
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "ok      discussion of at least 7 days");
	T_CONTAINS(r->out, "(BYL 2.3(3)): 7.00 days");
}

/* An announced end earlier than 7 days from the proposal is refused. */
static void
announced_end_counts_from_the_proposal(void)
{
	struct t_run *r;

	T_ASSERT(RUN("2025-01-20 08:00", "init", "--demo")->status == 0);
	T_ASSERT(RUN("2025-01-20 08:00", "ballot", "new", "SMCWG", "--title",
	             "T", "--kind", "fmg", "--proposer", "DigiCert", "--at",
	             "2025-01-20 09:00")
	                 ->status == 0);
	RUN("2025-01-20 08:00", "ballot", "endorse", "SMC011", "Sectigo",
	    "--at", "2025-01-20 10:00");
	RUN("2025-01-20 08:00", "ballot", "endorse", "SMC011", "Google", "--at",
	    "2025-01-20 10:00");
	RUN("2025-01-20 08:00", "ballot", "version", "SMC011", "--url", "u",
	    "--at", "2025-01-20 10:00");
	r = RUN("2025-01-20 08:00", "ballot", "discuss", "SMC011", "--at",
	        "2025-01-22 12:00", "--until", "2025-01-28 12:00");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "the 7 days of discussion end 2025-01-29 12:00 UTC");
	r = RUN("2025-01-20 08:00", "ballot", "discuss", "SMC011", "--at",
	        "2025-01-22 12:00", "--until", "2025-01-31 14:00");
	T_EQ_INT(r->status, 0);
	r = RUN("2025-01-23 00:00", "ballot", "show", "SMC011", "--format",
	        "json");
	T_EQ_STR(instants(r->out, "clocks", "discussion ends"),
	         "2025-01-31T14:00:00Z");
}

/* Issue 14.2: a new version during voting withdraws the vote and opens a
 * new discussion at the same instant; the clocks, deadlines and state
 * follow it, and again once voting reopens. */
static void
new_version_during_voting_keeps_the_clocks(void)
{
	struct t_run *r;

	T_ASSERT(proposed_smc011());
	T_ASSERT(RUN("2025-01-30 00:00", "ballot", "open-vote", "SMC011",
	             "--at", "2025-01-29 12:00")
	                 ->status == 0);
	T_ASSERT(RUN("2025-01-30 00:00", "ballot", "vote", "SMC011", "DigiCert",
	             "yes", "--at", "2025-01-30 09:00")
	                 ->status == 0);
	T_ASSERT(RUN("2025-02-01 09:00", "ballot", "version", "SMC011", "--url",
	             "https://github.com/cabforum/smime/pull/282", "--at",
	             "2025-02-01 09:00")
	                 ->status == 0);
	/* At the very instant of the version: discussing, not withdrawn. */
	r = RUN("2025-02-01 09:00", "ballot", "show", "SMC011");
	T_CONTAINS(r->out, "state: discussion");
	r = RUN("2025-02-01 10:00", "ballot", "show", "SMC011", "--format",
	        "json");
	T_EQ_STR(instants(r->out, "clocks", "discussion ends"),
	         "2025-02-08T09:00:00Z");
	r = RUN("2025-02-01 10:00", "deadlines", "--format", "json");
	T_EQ_STR(instants(r->out, NULL, "discussion ends"),
	         "2025-02-08T09:00:00Z");
	r = RUN("2025-02-01 10:00", "ballot", "open-vote", "SMC011", "--at",
	        "2025-02-08 08:59");
	T_EQ_INT(r->status, 1);
	T_ASSERT(RUN("2025-02-08 09:00", "ballot", "open-vote", "SMC011",
	             "--at", "2025-02-08 09:00")
	                 ->status == 0);
	r = RUN("2025-02-09 00:00", "ballot", "show", "SMC011", "--format",
	        "json");
	T_EQ_STR(instants(r->out, "clocks", "voting closes"),
	         "2025-02-15T09:00:00Z");
	r = RUN("2025-02-09 00:00", "deadlines", "--format", "json");
	T_EQ_STR(instants(r->out, NULL, "voting closes"),
	         "2025-02-15T09:00:00Z");
	/* The first round's vote stays in the ledger and does not count:
	 * the version withdrew it (BYL 2.3(4)). */
	r = RUN("2025-02-09 00:00", "ballot", "tally", "SMC011", "--format",
	        "json");
	T_CONTAINS(r->out, "\"invalid\": \"withdrawn by version 2 of "
	                   "2025-02-01 09:00 UTC, which restarted the ballot "
	                   "(BYL 2.3(4))\"");
}

/* Issue 14.3: the latest version's text, address or range again. */
static void
same_text_again_is_refused(void)
{
	const char *now = "2025-01-23 00:00";
	const char *text = t_write_file("v.md", "The motion.\n");
	char repo[4200];
	struct t_run *r;
	json_t *doc;
	size_t n;

	T_ASSERT(proposed_smc011());
	r = RUN(now, "ballot", "version", "SMC011", "--url",
	        "https://github.com/cabforum/smime/pull/281", "--at",
	        "2025-01-23 10:00");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "SMC011 version 1 (2025-01-20 10:00 UTC) already "
	                   "has this text");
	T_CONTAINS(r->err, "add --force to record it anyway");
	/* Nothing moved: voting still opens at the first clock. */
	r = RUN(now, "ballot", "show", "SMC011", "--format", "json");
	T_EQ_STR(instants(r->out, "clocks", "discussion ends"),
	         "2025-01-29T12:00:00Z");
	T_EQ_INT(RUN(now, "ballot", "version", "SMC011", "--text", text, "--at",
	             "2025-01-23 10:00")
	                 ->status,
	         0);
	r = RUN(now, "ballot", "version", "SMC011", "--text", text, "--at",
	        "2025-01-23 11:00");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "SMC011 version 2 (2025-01-23 10:00 UTC) already");
	r = RUN(now, "ballot", "version", "SMC011", "--text", text, "--at",
	        "2025-01-23 11:00", "--force");
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->err, "recorded version 3 with the text of the one "
	                   "before; the 7 days of discussion restart: voting "
	                   "can open from 2025-01-30 11:00 UTC");
	/* A pinned range: the same base and head again. */
	snprintf(repo, sizeof(repo), "%s/g-guideline", t_tmpdir());
	T_EQ_INT(RUN(now, "ballot", "version", "SMC011", "--repo", repo,
	             "--base", "Ballot_SMC010", "--head", "draft-263", "--at",
	             "2025-01-23 12:00")
	                 ->status,
	         0);
	r = RUN(now, "ballot", "version", "SMC011", "--repo", repo, "--base",
	        "Ballot_SMC010", "--head", "draft-263", "--at",
	        "2025-01-23 13:00");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "SMC011 version 4 (2025-01-23 12:00 UTC) already");
	/* Read once they are all posted: a view lists those posted by its
	 * clock. */
	r = RUN("2025-01-24 00:00", "ballot", "show", "SMC011", "--format",
	        "json");
	doc = json_loads(r->out, 0, NULL);
	n = json_array_size(
	        json_object_get(json_object_get(doc, "ballot"), "versions"));
	json_decref(doc);
	T_EQ_INT(n, 4);
}

/* Issue 14.4: yes among yes and no, rounded down to a tenth. */
static void
percent_of_yes_rounds_down(void)
{
	struct gv_class_tally c = {0};
	char buf[32];

	c.yes = 11, c.no = 1, c.percent_tenths = 916;
	T_EQ_STR(gv_tally_percent(buf, sizeof(buf), &c), "91.6%");
	c.percent_tenths = 1000;
	T_EQ_STR(gv_tally_percent(buf, sizeof(buf), &c), "100%");
	c.percent_tenths = -1;
	T_EQ_STR(gv_tally_percent(buf, sizeof(buf), &c), "no yes or no votes");
}

static void
percent_of_yes_in_tally_and_notice(void)
{
	const char *now = "2025-02-20 00:00";
	struct t_run *r;

	T_ASSERT(proposed_smc011());
	T_ASSERT(RUN(now, "ballot", "open-vote", "SMC011", "--at",
	             "2025-01-29 12:00")
	                 ->status == 0);
	/* 2 of 3 issuers (exactly two-thirds: MET) and 1 of 2 consumers
	 * (half: NOT MET). */
	RUN(now, "ballot", "vote", "SMC011", "DigiCert", "yes", "--at",
	    "2025-01-30 09:00");
	RUN(now, "ballot", "vote", "SMC011", "Sectigo", "yes", "--at",
	    "2025-01-30 09:00");
	RUN(now, "ballot", "vote", "SMC011", "GlobalSign", "no", "--at",
	    "2025-01-30 09:00");
	RUN(now, "ballot", "vote", "SMC011", "Google", "yes", "--at",
	    "2025-01-30 09:00");
	RUN(now, "ballot", "vote", "SMC011", "Mozilla", "no", "--at",
	    "2025-01-30 09:00");
	RUN(now, "ballot", "vote", "SMC011", "Apple", "abstain", "--at",
	    "2025-01-30 09:00");
	r = RUN(now, "ballot", "tally", "SMC011");
	T_CONTAINS(r->out, "Certificate Issuers: 2 yes, 1 no, 0 abstain (66.6% "
	                   "yes); two-thirds, 3 × 2 ≥ 2 × (2 + 1): MET");
	T_CONTAINS(r->out, "Certificate Consumers: 1 yes, 1 no, 1 abstain (50% "
	                   "yes)");
	r = RUN(now, "ballot", "tally", "SMC011", "--format", "json");
	T_CONTAINS(r->out, "\"percent_yes\": 66.6");
	T_CONTAINS(r->out, "\"percent_text\": \"50%\"");
	r = RUN(now, "ballot", "notice", "SMC011", "results");
	T_CONTAINS(r->out, "2 voted yes, 1 voted no, 0 abstained: 66.6% of "
	                   "those voting yes or no voted yes.");
	T_CONTAINS(screen_of(now, "ballot.txt"), "(66.6% yes of yes and no)");
	/* Before any vote: no share to give, and it does not say "yes". */
	r = RUN("2025-01-25 00:00", "ballot", "tally", "SMC011");
	T_CONTAINS(r->out, "0 abstain (no yes or no votes); two-thirds");
}

const struct t_case ballot_rounds_tests[] = {
        {"discussion_from_the_later_of_proposal_and_version",
         discussion_from_the_later_of_proposal_and_version},
        {"announced_end_counts_from_the_proposal",
         announced_end_counts_from_the_proposal},
        {"new_version_during_voting_keeps_the_clocks",
         new_version_during_voting_keeps_the_clocks},
        {"same_text_again_is_refused", same_text_again_is_refused},
        {"percent_of_yes_rounds_down", percent_of_yes_rounds_down},
        {"percent_of_yes_in_tally_and_notice",
         percent_of_yes_in_tally_and_notice},
        {NULL, NULL},
};
