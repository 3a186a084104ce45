/* SPDX-License-Identifier: MIT */
/*
 * This file tests that a proposal notice has no blanks (issue 14, item
 * 11; RULES §5.5): the purpose and the motion come from what was recorded
 * (the text, its compare URL, or the Markdown redline of the pinned
 * range), `ballot lint` names each blank that would remain, and `ballot
 * show` shows the pinned repository, base and head.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"

#define RUN(...) t_gavel(t_env("2025-01-20 08:00", "chair"), __VA_ARGS__, NULL)

/* The demo's SMCWG with a new draft SMC011, endorsed, nothing else. */
static int
draft(void)
{
	return RUN("init", "--demo")->status == 0 &&
	       RUN("ballot", "new", "SMCWG", "--title", "EUID", "--kind", "fmg",
	           "--proposer", "DigiCert")
	                       ->status == 0 &&
	       RUN("ballot", "endorse", "SMC011", "Sectigo")->status == 0 &&
	       RUN("ballot", "endorse", "SMC011", "Google")->status == 0;
}

static void
blanks_are_named_until_filled(void)
{
	const char *text = t_write_file("motion.md", "Add EUID to 7.1.4.2.\n");
	const char *purpose = t_write_file("purpose.md", "Let *EUID* in.\n");
	struct t_run *r;

	T_ASSERT(draft());
	r = RUN("ballot", "notice", "SMC011", "proposal");
	T_CONTAINS(r->out, "_(no purpose recorded: gavel ballot set SMC011 "
	                   "--purpose TEXT)_");
	T_CONTAINS(r->out, "_(no text recorded: gavel ballot version SMC011");
	r = RUN("ballot", "lint", "SMC011");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->out, "PROBLEM the proposal states its purpose");
	T_CONTAINS(r->out, "the purpose of the ballot is blank: gavel ballot "
	                   "set SMC011 --purpose TEXT");
	T_CONTAINS(r->out, "the text of the motion is blank");
	T_CONTAINS(r->err, "2 problems in SMC011");
	T_EQ_INT(RUN("ballot", "set", "SMC011", "--purpose-file", purpose)
	                 ->status,
	         0);
	T_EQ_INT(RUN("ballot", "version", "SMC011", "--text", text)->status, 0);
	r = RUN("ballot", "notice", "SMC011", "proposal");
	T_CONTAINS(r->out, "**Purpose of the ballot:** Let *EUID* in.");
	T_CONTAINS(r->out, "## Motion begins\n\nAdd EUID to 7.1.4.2.\n");
	T_ASSERT(!strstr(r->out, "_(no "));
	r = RUN("ballot", "lint", "SMC011");
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "ok      the motion has its text, compare URL or "
	                   "redline (BYL 2.4(1)): version 1");
	/* "" clears the purpose, and lint finds the blank again. */
	T_EQ_INT(RUN("ballot", "set", "SMC011", "--purpose", "")->status, 0);
	T_EQ_INT(RUN("ballot", "lint", "SMC011")->status, 1);
}

/* A pinned range: the Markdown redline inline, or the compare URL when
 * one is recorded; `ballot show` names the pin. */
static void
motion_from_the_pinned_range(void)
{
	char repo[4200];
	struct t_run *r;

	T_ASSERT(draft());
	snprintf(repo, sizeof(repo), "%s/g-guideline", t_tmpdir());
	T_EQ_INT(RUN("ballot", "version", "SMC011", "--repo", repo, "--base",
	             "Ballot_SMC010", "--head", "draft-263")
	                 ->status,
	         0);
	r = RUN("ballot", "notice", "SMC011", "proposal");
	T_CONTAINS(r->out, "MODIFY the text as specified in the following "
	                   "redline (base ");
	T_CONTAINS(r->out, "## guideline.md");
	T_CONTAINS(r->out, "~~");
	r = RUN("ballot", "show", "SMC011");
	T_CONTAINS(r->out, "  pinned: ");
	T_CONTAINS(r->out, "/g-guideline  base ");
	r = RUN("ballot", "show", "SMC011", "--format", "json");
	T_CONTAINS(r->out, "\"head\": \"");
	T_EQ_INT(RUN("ballot", "version", "SMC011", "--repo", repo, "--base",
	             "Ballot_SMC010", "--head", "draft-263", "--url",
	             "https://github.com/cabforum/smime/compare/a...b",
	             "--force")
	                 ->status,
	         0);
	r = RUN("ballot", "notice", "SMC011", "proposal");
	T_CONTAINS(r->out, "MODIFY the text as specified in the following "
	                   "redline: https://github.com/cabforum/smime/"
	                   "compare/a...b");
	T_ASSERT(!strstr(r->out, "## guideline.md"));
}

static void
set_refuses_bad_input(void)
{
	struct t_run *r;

	T_ASSERT(draft());
	r = RUN("ballot", "set", "SMC011");
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "give what to change");
	r = RUN("ballot", "set", "SMC011", "--title", "two\nlines");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "control character");
	r = RUN("ballot", "set", "SMC099", "--purpose", "x");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no ballot SMC099");
	r = RUN("ballot", "set", "SMC011", "--purpose-file", "/nonexistent");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "cannot read /nonexistent: No such file");
	/* A binary file given for a text (here the database itself). */
	r = RUN("ballot", "version", "SMC011", "--text", t_path("g.db"));
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "is not a text file (it holds a NUL byte)");
	T_EQ_INT(RUN("ballot", "set", "SMC011", "--title", "EUID v2")->status,
	         0);
	T_CONTAINS(RUN("ballot", "show", "SMC011")->out, "SMC011  EUID v2");
}

const struct t_case ballot_notice_tests[] = {
        {"blanks_are_named_until_filled", blanks_are_named_until_filled},
        {"motion_from_the_pinned_range", motion_from_the_pinned_range},
        {"set_refuses_bad_input", set_refuses_bad_input},
        {NULL, NULL},
};
