/* SPDX-License-Identifier: MIT */
/*
 * This file tests redlines as members and chairs use them from the
 * command line: the demo's guideline repository and its pinned ballot,
 * a new ballot pinned to a draft branch (and the section it shares with a
 * pending ballot), review notes that follow their line to a new version,
 * and bad input that changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "harness.h"

static const char *const *
env(void)
{
	return t_env("2024-12-18 16:00", "chair");
}

/* Runs a shell command in the test's folder; its exit status. */
static int
sh(const char *cmd)
{
	char line[4200];

	snprintf(line, sizeof(line), "cd '%s' && { %s; } >/dev/null 2>&1",
	         t_tmpdir(), cmd);
	return system(line);
}

/* What git prints in the demo's guideline repository. */
static char *
git_out(const char *args)
{
	char cmd[4096];

	snprintf(cmd, sizeof(cmd), "git -C '%s' %s", t_path("g-guideline"),
	         args);
	return t_shell_output(cmd);
}

static void
demo_guideline_redline(void)
{
	const char *const *e = env();
	struct t_run *r;
	json_error_t jerr;
	json_t *doc;
	char *git;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	/* Fixed identity and clock: the same commit on every machine. */
	git = git_out("rev-parse Ballot_SMC010");
	T_EQ_STR(git, "79336700d3f8b96e1e7e528b10b96f0c47c36683\n");
	r = t_gavel(e, "redline", "--ballot", "SMC010", "--format", "numstat",
	            NULL);
	T_EQ_INT(r->status, 0);
	git = git_out("diff --numstat Ballot_SMC09..Ballot_SMC010");
	T_EQ_STR(r->out, git);
	T_EQ_STR(r->out, "9\t2\tguideline.md\n");

	r = t_gavel(e, "redline", "--ballot", "SMC010", "--format", "plain",
	            NULL);
	T_EQ_INT(r->status, 0);
	/* Each line after its number in the head (issue 20, item 7): what
	 * `review add --line` takes. */
	T_CONTAINS(r->out, "\n 3 subtitle: Version [-1.0.7-]{+1.0.8+}\n");
	T_CONTAINS(r->out, "\n 6 date: [-November-]{+December+} 22, 2024\n");
	T_CONTAINS(r->out, "@@ -18,6 +18,7 @@ 1.2.1 Revisions\n18 |---");
	T_CONTAINS(r->out, "\n21 {+| 1.0.8   | SMC010 |");
	r = t_gavel(e, "redline", "--ballot", "SMC010", "--format", "md", NULL);
	T_CONTAINS(r->out, "\nLine 3: subtitle: Version ~~1.0.7~~**1.0.8**\n");
	r = t_gavel(e, "redline", "--ballot", "SMC010", "--format", "ansi",
	            NULL);
	T_CONTAINS(r->out, "\033[2m 3 \033[m~ subtitle: Version ");
	T_EQ_INT(t_gavel(e, "review", "add", "SMC010", "--path", "guideline.md",
	                 "--line", "21", "the row of 1.0.8", NULL)
	                 ->status,
	         0);
	T_CONTAINS(t_gavel(e, "review", "list", "SMC010", NULL)->out,
	           "| 1.0.8   | SMC010 |");

	/* The same range given by hand, and as a GitHub compare link. */
	r = t_gavel(e, "redline", "--repo", t_path("g-guideline"), "--format",
	            "json",
	            "https://github.com/cabforum/smime/compare/"
	            "Ballot_SMC09...Ballot_SMC010",
	            NULL);
	T_EQ_INT(r->status, 0);
	doc = json_loads(r->out, 0, &jerr);
	T_ASSERT(doc);
	T_EQ_STR(json_string_value(json_object_get(doc, "head")),
	         "79336700d3f8b96e1e7e528b10b96f0c47c36683");
	T_EQ_INT((int)json_array_size(json_object_get(doc, "files")), 1);
	json_decref(doc);

	r = t_gavel(e, "redline", "--ballot", "SMC010", "--format", "html",
	            NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "<ins>");
	T_CONTAINS(r->out, "Multi-perspective issuance corroboration");

	r = t_gavel(e, "ballot", "verify", "SMC010", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "ok      head 79336700d3f8: present\n");
	T_CONTAINS(r->out, "ok      guideline.md at the pinned head: the text "
	                   "voted on\n");
	/* A merge that is not the voted text is a problem. */
	r = t_gavel(e, "ballot", "verify", "SMC010", "--merge", "draft-263",
	            NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->out, "PROBLEM guideline.md as merged: is NOT the text "
	                   "voted on\n");
	r = t_gavel(e, "ballot", "verify", "SMC010", "--merge", "Ballot_SMC010",
	            NULL);
	T_EQ_INT(r->status, 0);
}

/* A new ballot pinned to the draft branch for issue #263. */
static void
new_ballot_on_draft(const char *const *e)
{
	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	T_EQ_INT(t_gavel(e, "ballot", "new", "SMCWG", "--title",
	                 "EUID in OrganizationIdentifier", "--kind", "fmg",
	                 "--proposer", "DigiCert", "--at", "2024-12-18 10:00",
	                 NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "ballot", "version", "SMC011", "--repo",
	                 t_path("g-guideline"), "--base", "Ballot_SMC010",
	                 "--head", "draft-263", "--at", "2024-12-18 11:00",
	                 NULL)
	                 ->status,
	         0);
}

static void
pending_ballots_share_a_section(void)
{
	const char *const *e = env();
	struct t_run *r;

	new_ballot_on_draft(e);
	r = t_gavel(e, "ballot", "verify", "SMC011", NULL);
	/* A note is to act on, not a problem with the text. */
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "note    guideline.md, 1.2.1 Revisions: SMC010 "
	                   "(ipr_review) changes it too; the later ballot must "
	                   "reference the earlier (BYL 2.4(10))\n");
	/* Only SMC011 changes 7.1.4.2.2. */
	T_ASSERT(!strstr(r->out, "7.1.4.2.2"));
	r = t_gavel(e, "redline", "--ballot", "SMC011", "--format", "plain",
	            "--section", "7.1.4.2.2", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "authorisation, [-or-] LEI for a Legal Entity "
	                   "Identifier, {+or EUID for a European Unique "
	                   "Identifier,+} followed");
	T_ASSERT(!strstr(r->out, "1.2.1 Revisions"));
	/* A section the ballot leaves alone is said to be left alone, with
	 * the sections it does change. */
	r = t_gavel(e, "redline", "--ballot", "SMC011", "--format", "plain",
	            "--section", "9.9.9", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "");
	T_CONTAINS(r->err, "gavel: no change under a section starting with "
	                   "\"9.9.9\"; it changes ");
	T_CONTAINS(r->err, "; 7.1.4.2.2 ");
}

static void
review_notes_follow_their_line(void)
{
	const char *const *e = env();
	struct t_run *r;

	new_ballot_on_draft(e);
	T_EQ_INT(t_gavel(e, "review", "add", "SMC011", "--path", "guideline.md",
	                 "--line", "40", "Should EUID come before LEI?", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "review", "add", "SMC011", "--path", "guideline.md",
	                 "--line", "42", "Heading wording?", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "review", "list", "SMC011", "--format", "md", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "**guideline.md:40, 7.1.4.2.2 Subject "
	                   "distinguished name fields**\n");
	T_CONTAINS(r->out, "payment services authorisation, ~~or~~ LEI for a "
	                   "Legal Entity Identifier, **or EUID for a European "
	                   "Unique Identifier,** followed");

	/* Version 2: a line above both notes, and the heading reworded. */
	T_EQ_INT(sh("cd g-guideline && git checkout -q draft-263 && "
	            "sed -i -e '12i Inserted line.' -e 's/^# 8 Compliance "
	            "Audit and Other Assessments$/# 8 Compliance audits/' "
	            "guideline.md && git -c user.name=t -c user.email=t@t "
	            "commit -qam v2"),
	         0);
	T_EQ_INT(t_gavel(e, "ballot", "version", "SMC011", "--repo",
	                 t_path("g-guideline"), "--base", "Ballot_SMC010",
	                 "--head", "draft-263", "--at", "2024-12-19 11:00",
	                 NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "review", "list", "SMC011", "--format", "json", NULL);
	T_EQ_INT(r->status, 0);
	r = t_gavel(e, "review", "list", "SMC011", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "guideline.md:41, 7.1.4.2.2 Subject distinguished "
	                   "name fields\n");
	T_CONTAINS(r->out, "guideline.md line 42 (version 1): orphaned, the "
	                   "line is gone\n");
	/* Version 1's redline is still there, as pinned. */
	r = t_gavel(e, "redline", "--ballot", "SMC011", "--version", "1",
	            "--format", "numstat", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "4\t3\tguideline.md\n");
}

static void
bad_input_changes_nothing(void)
{
	const char *const *e = env();
	struct t_run *r;

	new_ballot_on_draft(e);
	r = t_gavel(e, "redline", "--repo", t_tmpdir(), "A..B", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "is not a git repository");
	r = t_gavel(e, "redline", "--repo", t_path("g-guideline"),
	            "Ballot_SMC09..no-such-branch", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no-such-branch");
	r = t_gavel(e, "redline", "--repo", t_path("g-guideline"), "--format",
	            "pdf", "Ballot_SMC09..Ballot_SMC010", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "pdf");
	r = t_gavel(e, "redline", "--repo", t_path("g-guideline"), "--path",
	            "SBR.md", "Ballot_SMC09..Ballot_SMC010", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "SBR.md");
	r = t_gavel(e, "redline", "--ballot", "SMC010", "--context", "0", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "--context takes a number of lines from 1 to 1000");
	r = t_gavel(e, "redline", "--ballot", "SMC010", "--context", "1",
	            "--format", "plain", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "@@ -20,2 +20,3 @@ 1.2.1 Revisions\n");
	r = t_gavel(e, "redline", "--ballot", "SMC999", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "SMC999");

	/* A revision that is not there adds no version. */
	r = t_gavel(e, "ballot", "version", "SMC011", "--repo",
	            t_path("g-guideline"), "--base", "Ballot_SMC010", "--head",
	            "8150e7ac0cf4a6f0c2afd7ad9df98b12330c00bc", "--at",
	            "2024-12-18 12:00", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "commit 8150e7a is not in");
	r = t_gavel(e, "ballot", "show", "SMC011", "--format", "json", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "\"n\": 1");
	T_ASSERT(!strstr(r->out, "\"n\": 2"));

	r = t_gavel(e, "review", "add", "SMC011", "--path", "guideline.md",
	            "--line", "9999", "x", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no line 9999");
	r = t_gavel(e, "review", "add", "SMC010", "--path", "guideline.md",
	            "--line", "0", "x", NULL);
	T_EQ_INT(r->status, 2);
}

static void
hostile_text_never_reaches_the_terminal_raw(void)
{
	const char *const *e = env();
	struct t_run *r;

	new_ballot_on_draft(e);
	T_EQ_INT(sh("cd g-guideline && git checkout -q draft-263 && "
	            "printf 'Evil \\033]0;pwned\\007 title \\033[2J.\\n' "
	            ">> guideline.md && git -c user.name=t -c user.email=t@t "
	            "commit -qam evil"),
	         0);
	r = t_gavel(e, "redline", "--repo", t_path("g-guideline"), "--format",
	            "plain", "Ballot_SMC010..draft-263", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "Evil");
	T_ASSERT(!strchr(r->out, '\033'));
	T_ASSERT(!strchr(r->out, '\007'));
	r = t_gavel(e, "redline", "--repo", t_path("g-guideline"), "--format",
	            "html", "Ballot_SMC010..draft-263", NULL);
	T_EQ_INT(r->status, 0);
	T_ASSERT(!strchr(r->out, '\033'));
}

/*
 * Redlines read objects as git does, without re-hashing each; verifying
 * a ballot hashes every object it relies on. The voted text's object is
 * overwritten with another text's (a damaged disk, a bad copy).
 */
static void
verify_finds_a_damaged_object(void)
{
	const char *const *e = env();
	struct t_run *r;
	char *voted, *other, cmd[512];

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	voted = git_out("rev-parse Ballot_SMC010:guideline.md");
	other = git_out("rev-parse Ballot_SMC09:guideline.md");
	T_ASSERT(voted && other && strlen(voted) == 41 && strlen(other) == 41);
	if (!voted || !other || strlen(voted) != 41 || strlen(other) != 41)
		return;
	snprintf(cmd, sizeof(cmd),
	         "cd g-guideline/.git/objects && chmod u+w %.2s/%.38s && "
	         "cp %.2s/%.38s %.2s/%.38s",
	         voted, voted + 2, other, other + 2, voted, voted + 2);
	T_EQ_INT(sh(cmd), 0);
	r = t_gavel(e, "ballot", "verify", "SMC010", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->out, "PROBLEM guideline.md at the pinned head: cannot be "
	                   "read (");
	T_CONTAINS(r->out, "the repository is damaged: run git fsck\n");
}

const struct t_case redline_cli_tests[] = {
        {"demo guideline redline", demo_guideline_redline},
        {"pending ballots share a section", pending_ballots_share_a_section},
        {"review notes follow their line", review_notes_follow_their_line},
        {"bad input changes nothing", bad_input_changes_nothing},
        {"verify finds a damaged object", verify_finds_a_damaged_object},
        {"hostile text never reaches the terminal raw",
         hostile_text_never_reaches_the_terminal_raw},
        {NULL, NULL},
};
