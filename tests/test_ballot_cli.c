/* SPDX-License-Identifier: MIT */
/*
 * This file tests the ballot commands as a chair runs a ballot: the demo's
 * SMC010 figures (tally, deadlines), a ballot from proposal to adoption
 * through the command line with the notices it sends, and bad input that
 * changes nothing.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static const char *const *
env(const char *now)
{
	return t_env(now, "chair");
}

static int64_t
rows(const char *table)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", table);
	return t_file_int(sql, 0);
}

static void
demo_smc010_figures(void)
{
	const char *const *e = env("2024-12-18 16:00");
	json_error_t jerr;
	json_t *doc;
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	r = t_gavel(e, "ballot", "tally", "SMC010", "--format", "json", NULL);
	T_EQ_INT(r->status, 0);
	doc = json_loads(r->out, 0, &jerr);
	T_ASSERT(doc);
	T_EQ_STR(json_string_value(json_object_get(doc, "ballot")), "SMC010");
	T_EQ_STR(json_string_value(json_object_get(doc, "result")), "passed");
	T_EQ_INT(json_integer_value(json_object_get(
	                 json_object_get(doc, "issuers"), "yes")),
	         16);
	T_EQ_INT(json_integer_value(json_object_get(
	                 json_object_get(doc, "consumers"), "yes")),
	         4);
	T_ASSERT(json_is_true(
	        json_object_get(json_object_get(doc, "issuers"), "met")));
	T_EQ_INT(json_integer_value(json_object_get(doc, "participants")), 20);
	T_EQ_INT(json_integer_value(json_object_get(doc, "quorum")), 11);
	T_ASSERT(json_is_true(json_object_get(doc, "quorum_met")));
	json_decref(doc);
	/* RULES §9 E2: as of 12-18 16:00 the next deadline is the end of the
	 * IPR review, 2024-12-22 16:00 UTC, in 4 days. */
	r = t_gavel(e, "deadlines", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "\n2024-12-22 16:00 UTC (11:00 EST)  in 4 d 0 h   "
	                   "IPR review ends");
	r = t_gavel(e, "ballot", "list", NULL);
	T_CONTAINS(r->out, "SMC010  ipr_review  IPR review ends  2024-12-22 "
	                   "16:00 UTC");
	r = t_gavel(env("2024-12-23 00:00"), "ballot", "show", "smc10", NULL);
	T_CONTAINS(r->out, "state: adopted");
	r = t_gavel(e, "ballot", "lint", "SMC-010", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "ok      IPR review length matches the kind");
}

/* A ballot from the draft to adoption, through the command line. */
static void
full_lifecycle(void)
{
	const char *const *e = env("2025-03-10 00:00");
	static const char *const issuers[] = {"Asseco Data Systems SA (Certum)",
	                                      "CertiPath",
	                                      "Chunghwa Telecom",
	                                      "D-TRUST",
	                                      "Disig",
	                                      "eMudhra",
	                                      "IdenTrust",
	                                      "OISTE Foundation",
	                                      "SECOM Trust Systems",
	                                      "Sectigo",
	                                      "SSL.com",
	                                      "SwissSign",
	                                      "TrustAsia",
	                                      "VikingCloud"};
	struct t_run *r;
	size_t i;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	r = t_gavel(e, "ballot", "new", "SMCWG", "--title",
	            "EUID in OrganizationIdentifier", "--kind", "fmg",
	            "--proposer", "DigiCert", "--at", "2025-01-20 10:00", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "SMC011\n");
	T_EQ_INT(t_gavel(e, "ballot", "endorse", "SMC011", "Sectigo", "--at",
	                 "2025-01-21 10:00", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "ballot", "endorse", "SMC011", "Google", "--at",
	                 "2025-01-21 11:00", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "ballot", "version", "SMC011", "--url",
	                 "https://github.com/cabforum/smime/pull/281", "--at",
	                 "2025-01-22 12:00", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "ballot", "discuss", "SMC011", "--at",
	                 "2025-01-22 12:00", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "ballot", "open-vote", "SMC011", "--at",
	            "2025-01-28 12:00", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: discussion ends 2025-01-29 12:00 UTC; the "
	                   "opening of voting cannot come before then\n");
	T_EQ_INT(t_gavel(e, "ballot", "open-vote", "SMC011", "--at",
	                 "2025-01-29 12:00", NULL)
	                 ->status,
	         0);
	for (i = 0; i < sizeof(issuers) / sizeof(issuers[0]); i++)
		T_EQ_INT(t_gavel(e, "ballot", "vote", "SMC011", issuers[i],
		                 "yes", "--at", "2025-01-30 09:00", NULL)
		                 ->status,
		         0);
	t_gavel(e, "ballot", "vote", "SMC011", "Apple", "yes", "--at",
	        "2025-01-30 10:00", NULL);
	t_gavel(e, "ballot", "vote", "SMC011", "Mozilla", "no", "--at",
	        "2025-01-30 10:00", NULL);
	t_gavel(e, "ballot", "vote", "SMC011", "Google", "yes", "--at",
	        "2025-01-30 10:00", NULL);
	/* An associate member's vote is kept, with the reason. */
	r = t_gavel(e, "ballot", "vote", "SMC011", "CPA Canada/WebTrust", "yes",
	            "--at", "2025-01-30 11:00", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->err, "recorded, but it does not count: associate "
	                   "member: no vote (BYL 3.1)");
	/* Late: kept and not counted. */
	r = t_gavel(e, "ballot", "vote", "SMC011", "DigiCert", "yes", "--at",
	            "2025-02-05 12:00", NULL);
	T_CONTAINS(r->err, "cast after voting closed");
	T_EQ_INT(t_gavel(e, "ballot", "quorum", "SMC011", "11", NULL)->status,
	         0);
	r = t_gavel(e, "ballot", "close", "SMC011", "--at", "2025-02-04 12:00",
	            NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "voting closes 2025-02-05 12:00 UTC");
	T_EQ_INT(t_gavel(e, "ballot", "close", "SMC011", "--at",
	                 "2025-02-06 09:00", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "ballot", "notice", "SMC011", "results", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "The result is: **passed**.");
	T_CONTAINS(r->out, "- No: Mozilla\n");
	T_CONTAINS(r->out, "| 3 × 14 ≥ 2 × (14 + 0) | MET |");
	T_CONTAINS(r->out, "17 member organisations voted");
	T_CONTAINS(r->out, "IPR review period of 30 days");
	T_EQ_INT(t_gavel(e, "ballot", "review", "SMC011", "--at",
	                 "2025-02-07 16:00", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "ballot", "notice", "SMC011", "review", NULL);
	/* UTC with the body's wall clock beside it: the review ends on the
	 * day New York moves to EDT. */
	T_CONTAINS(r->out, "| IPR review | 2025-02-07 16:00 UTC (11:00 EST) | "
	                   "2025-03-09 16:00 UTC (12:00 EDT) |");
	T_CONTAINS(r->out, "the CA/Browser Forum Chair");
	r = t_gavel(env("2025-03-10 00:00"), "ballot", "show", "SMC011", NULL);
	T_CONTAINS(r->out, "state: adopted");
	T_CONTAINS(r->out, "not counted: cast after voting closed");
	r = t_gavel(env("2025-03-10 00:00"), "ballot", "notice", "SMC011",
	            "adopted", "--format", "html", NULL);
	T_CONTAINS(r->out, "is adopted, effective as of the end of the review");
}

static void
bad_input_changes_nothing(void)
{
	const char *const *e = env("2024-11-16 12:00");
	int64_t ops, votes;
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	ops = rows("op");
	votes = rows("vote");
	r = t_gavel(e, "ballot", "vote", "SMC099", "DigiCert", "yes", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no ballot SMC099 in SMCWG");
	r = t_gavel(e, "ballot", "vote", "SMC010", "Entrust", "yes", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no organisation \"Entrust\"");
	r = t_gavel(e, "ballot", "vote", "SMC010", "DigiCert", "maybe", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "\"maybe\" is not a vote: use yes, no or abstain");
	r = t_gavel(e, "ballot", "vote", "SMC010", "DigiCert", "yes", "--at",
	            "next tuesday", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "malformed time \"next tuesday\"");
	r = t_gavel(e, "ballot", "tally", "hello", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "\"hello\" is not a ballot");
	r = t_gavel(e, "ballot", "new", "SMCWG", "--title", "x", "--kind",
	            "xyz", "--proposer", "DigiCert", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "unknown ballot kind \"xyz\"");
	r = t_gavel(e, "ballot", "new", "SMCWG", "--title", "x", "--kind", "fg",
	            "--proposer", "CPA Canada/WebTrust", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "cannot propose a ballot: associate member");
	r = t_gavel(e, "ballot", "notice", "SMC010", "memo", NULL);
	T_EQ_INT(r->status, 2);
	r = t_gavel(e, "ballot", "notice", "SMC010", "results", "--format",
	            "pdf", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "unknown format 'pdf': use md, html or text");
	T_EQ_INT(rows("op"), ops);
	T_EQ_INT(rows("vote"), votes);
}

/* The BALLOT column of `ballot list`'s text, one number a line. */
static char *
list_numbers(const char *out)
{
	static char numbers[256];
	const char *line = strchr(out, '\n');
	size_t n = 0, len;

	numbers[0] = '\0';
	while (line && line[1]) {
		line++;
		len = strcspn(line, " ");
		if (n + len + 2 > sizeof(numbers))
			break;
		memcpy(numbers + n, line, len);
		n += len;
		numbers[n++] = '\n';
		numbers[n] = '\0';
		line = strchr(line, '\n');
	}
	return numbers;
}

/* Issue 14: `ballot list --state` and `--body`, text and json alike. */
static void
list_by_state_and_body(void)
{
	const char *const *e = env("2024-12-18 16:00Z");
	json_t *doc;
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	T_EQ_INT(t_gavel(e, "body", "add", "SCWG", "--name", "Server Certs",
	                 NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "org", "add", "DigiCert", "--body", "SCWG",
	                 "--class", "issuer", NULL)
	                 ->status,
	         0);
	T_EQ_STR(t_gavel(e, "ballot", "new", "SCWG", "--title", "Sunset",
	                 "--kind", "other", "--proposer", "DigiCert", NULL)
	                 ->out,
	         "SC001\n");
	T_EQ_STR(t_gavel(e, "ballot", "new", "SMCWG", "--title", "EUID",
	                 "--kind", "fmg", "--proposer", "DigiCert", "--at",
	                 "2024-12-10 10:00Z", NULL)
	                 ->out,
	         "SMC011\n");
	T_EQ_INT(t_gavel(e, "ballot", "endorse", "SMC011", "Sectigo", "--at",
	                 "2024-12-10 11:00Z", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "ballot", "endorse", "SMC011", "Google", "--at",
	                 "2024-12-10 11:00Z", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "ballot", "version", "SMC011", "--url",
	                 "https://example.org/pr/1", "--at",
	                 "2024-12-12 12:00Z", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "ballot", "discuss", "SMC011", "--at",
	                 "2024-12-12 12:00Z", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "ballot", "list", NULL);
	T_EQ_STR(list_numbers(r->out), "SC001\nSMC010\nSMC011\n");
	r = t_gavel(e, "ballot", "list", "--state", "discussion,ipr_review",
	            NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(list_numbers(r->out), "SMC010\nSMC011\n");
	T_CONTAINS(r->out, "SMC011  discussion  discussion ends  2024-12-19 "
	                   "12:00 UTC (07:00 EST)  EUID\n");
	r = t_gavel(e, "ballot", "list", "--state", "Draft", NULL);
	T_EQ_STR(list_numbers(r->out), "SC001\n");
	r = t_gavel(e, "ballot", "list", "--state", "draft,discussion",
	            "--body", "smcwg", NULL);
	T_EQ_STR(list_numbers(r->out), "SMC011\n");
	/* The JSON lists the same ballots, with the same next deadline. */
	r = t_gavel(e, "ballot", "list", "--state", "discussion,ipr_review",
	            "--format", "json", NULL);
	doc = json_loads(r->out, 0, NULL);
	T_EQ_INT(json_array_size(doc), 2);
	T_EQ_STR(json_string_value(
	                 json_object_get(json_array_get(doc, 0), "ballot")),
	         "SMC010");
	T_EQ_STR(json_string_value(
	                 json_object_get(json_array_get(doc, 1), "state")),
	         "discussion");
	T_EQ_STR(json_string_value(json_object_get(
	                 json_object_get(json_array_get(doc, 1), "next"),
	                 "time")),
	         "2024-12-19T12:00:00Z");
	json_decref(doc);
	r = t_gavel(e, "ballot", "list", "--body", "SCWG", "--format", "json",
	            NULL);
	doc = json_loads(r->out, 0, NULL);
	T_EQ_INT(json_array_size(doc), 1);
	T_ASSERT(json_is_null(json_object_get(json_array_get(doc, 0), "next")));
	json_decref(doc);
	r = t_gavel(e, "ballot", "list", "--state", "voting,in-review", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "gavel: unknown ballot state \"in-review\": the "
	                   "states are draft, discussion, expired, voting, "
	                   "closed, passed, failed, invalid, ipr_review, "
	                   "adopted, rescinded, withdrawn, cancelled\n");
	T_EQ_STR(r->out, "");
}

/* The ledger's columns line up whatever a time or a name holds: a vote
 * cast at a second past the minute, a long organisation name. */
static void
ledger_columns_line_up(void)
{
	const char *const *e = env("2024-12-18 16:00");
	const char *line;
	struct t_run *r;
	long at = -1;
	int lines = 0;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	t_gavel(e, "ballot", "vote", "SMC010", "Sectigo", "no", "--at",
	        "2024-11-20 12:17:59", NULL);
	r = t_gavel(e, "ballot", "show", "SMC010", NULL);
	T_CONTAINS(r->out, "2024-11-20 12:17:59 UTC  Sectigo ");
	T_ASSERT((line = strstr(r->out, "Votes:")) != NULL);
	for (line = line ? strstr(line, "\n  2024-") : NULL; line;
	     line = strstr(line + 1, "\n  2024-")) {
		const char *end = strchr(line + 1, '\n'),
		           *k = strstr(line, "  issuer  ");

		if (!k || (end && k > end))
			k = strstr(line, "  consumer");
		T_ASSERT(k && (!end || k < end));
		if (!k)
			return;
		if (at < 0)
			at = k - line;
		T_EQ_INT(k - line, at);
		T_ASSERT(end && end[-1] != ' ');
		lines++;
	}
	T_EQ_INT(lines, 21);
}

const struct t_case ballot_cli_tests[] = {
        {"ledger_columns_line_up", ledger_columns_line_up},
        {"list_by_state_and_body", list_by_state_and_body},
        {"demo_smc010_figures", demo_smc010_figures},
        {"full_lifecycle", full_lifecycle},
        {"bad_input_changes_nothing", bad_input_changes_nothing},
        {NULL, NULL},
};
