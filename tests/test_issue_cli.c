/* SPDX-License-Identifier: MIT */
/*
 * This file tests `gavel issue` as a chair uses it: the demo's issues with
 * their notes and the compare links from the 2024-12-18 minutes, numbers
 * on stdout, search from the command line, draft redlines resolved in the
 * demo's guideline repository, the import's summary and progress line,
 * and hostile titles that never reach a terminal raw.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static const char *const *
env(void)
{
	return t_env("2024-12-18 17:00", "chair");
}

static int
demo(void)
{
	return t_gavel(env(), "init", "--demo", NULL)->status == 0;
}

static void
demo_issues_have_their_story(void)
{
	struct t_run *r;
	json_error_t jerr;
	json_t *doc, *tl;

	T_ASSERT(demo());
	r = t_gavel(env(), "issue", "show", "263", "--format", "json", NULL);
	T_EQ_INT(r->status, 0);
	T_ASSERT((doc = json_loads(r->out, 0, &jerr)) != NULL);
	tl = json_object_get(doc, "timeline");
	T_EQ_INT(json_array_size(tl), 4);
	T_EQ_STR(json_string_value(
	                 json_object_get(json_array_get(tl, 1), "kind")),
	         "meeting");
	T_EQ_STR(json_string_value(
	                 json_object_get(json_array_get(tl, 2), "author")),
	         "Stephen Davidson");
	T_CONTAINS(json_string_value(json_object_get(
	                   json_object_get(json_array_get(tl, 2), "note"),
	                   "text")),
	           "NTR registration scheme");
	T_CONTAINS(json_string_value(json_object_get(
	                   json_object_get(json_array_get(tl, 3), "draft"),
	                   "link")),
	           "compare/cd7c998984050e61fabddda0cbba2e9b02954360..."
	           "8150e7ac0cf4a6f0c2afd7ad9df98b12330c00bc");
	json_decref(doc);

	r = t_gavel(env(), "issue", "show", "SMCWG#3", "--format", "md", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "# SMCWG#3: Additional methods for Domain "
	                   "Authorization or Mailbox Control\n");
	T_CONTAINS(r->out, "**2024-12-18 16:00 UTC**: discussed at the call "
	                   "(meeting 2).");
	T_CONTAINS(r->out, "draft redline <https://github.com/srdavidson/"
	                   "smime/compare/cd7c998984050e61fabddda0cbba2e9b0"
	                   "2954360...893390696b4080acb00cb2df650d895fdbf6c7"
	                   "38>");
	r = t_gavel(env(), "issue", "show", "263", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "2024-12-18 16:00 UTC  note by Stephen Davidson, "
	                   "at the call (meeting 2)\n");
	r = t_gavel(env(), "meeting", "list", "--issue", "3", NULL);
	T_CONTAINS(r->out, "2024-12-18 16:00 UTC");
	r = t_gavel(env(), "issue", "show", "999", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: no issue #999: see 'gavel issue list'\n");
	r = t_gavel(env(), "issue", "show", "263", "--body", "SMCWG",
	            "--format", "md", NULL);
	T_CONTAINS(r->out, "# SMCWG#263: EUID in OrganizationIdentifier");
	r = t_gavel(env(), "issue", "show", "263", "--format", "pdf", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "unknown format 'pdf': use text, md or json");
	r = t_gavel(env(), "review", "list", "SMC010", "--format", "pdf", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "unknown format 'pdf': use text, md or json");
}

static void
add_note_close_and_list(void)
{
	struct t_run *r;

	T_ASSERT(demo());
	r = t_gavel(env(), "issue", "add", "SMCWG", "--title",
	            "Clarify pseudonym rules", "--label", "clarification,bug",
	            NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "264\n");
	r = t_gavel(env(), "issue", "add", "SMCWG", "--title", "Again",
	            "--number", "#3", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "SMCWG already has issue #3");
	r = t_gavel(env(), "issue", "add", "SMCWG", "--title", "x", "--label",
	            "a\tb", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "the label contains a control character");
	T_EQ_INT(t_gavel(env(), "issue", "list", "--state", "all", "--format",
	                 "json", NULL)
	                 ->status,
	         0);
	r = t_gavel(env(), "issue", "note", "264", "Pseudonyms need a rule.",
	            "--meeting", "2", NULL);
	T_EQ_INT(r->status, 0);
	{
		/* A note from standard input, as a pipe gives it. */
		char cmd[8192], *out;

		snprintf(
		        cmd, sizeof(cmd),
		        "cd '%s' && printf 'Line one.\\n\\nLine three.\\n' | "
		        "GAVEL_DB=g.db GAVEL_NOW='2024-12-18 17:00' '%s' issue "
		        "note 264 - && GAVEL_DB=g.db '%s' issue show 264",
		        t_tmpdir(), getenv("GAVEL_BIN"), getenv("GAVEL_BIN"));
		T_ASSERT((out = t_shell_output(cmd)) != NULL);
		T_CONTAINS(out, "    Line one.\n    \n    Line three.\n");
	}
	/* More labels than one command takes: refused, nothing added. */
	{
		char labels[200];
		int i, n = 0;

		for (i = 0; i < 33; i++)
			n += snprintf(labels + n, sizeof(labels) - (size_t)n,
			              "%sl%d", i ? "," : "", i);
		r = t_gavel(env(), "issue", "add", "SMCWG", "--title", "Many",
		            "--label", labels, NULL);
		T_EQ_INT(r->status, 2);
		T_CONTAINS(r->err, "give at most 32 labels");
		r = t_gavel(env(), "issue", "show", "265", NULL);
		T_EQ_INT(r->status, 1);
	}
	r = t_gavel(env(), "issue", "note", "264", "x", "--meeting", "77",
	            NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no meeting 77");
	T_EQ_INT(t_gavel(env(), "issue", "close", "264", NULL)->status, 0);
	r = t_gavel(env(), "issue", "close", "264", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "SMCWG#264 is already closed");
	r = t_gavel(env(), "issue", "list", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "SMCWG#263");
	T_ASSERT(strstr(r->out, "SMCWG#264") == NULL);
	r = t_gavel(env(), "issue", "list", "--state", "closed", "--label",
	            "bug", NULL);
	T_CONTAINS(r->out, "SMCWG#264  closed  Clarify pseudonym rules");
	r = t_gavel(env(), "issue", "list", "--search", "pseudonym*", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "SMCWG#264  closed  Clarify pseudonym rules  "
	                   "(bug, clarification)\n");
	T_CONTAINS(r->out, "    Clarify [pseudonym] rules\n");
	r = t_gavel(env(), "issue", "list", "--search", "\"NTR", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "unclosed quote");
	r = t_gavel(env(), "issue", "list", "--state", "shut", NULL);
	T_EQ_INT(r->status, 2);
	r = t_gavel(env(), "issue", "label", "264", "clarification", "--remove",
	            NULL);
	T_EQ_INT(r->status, 0);
	r = t_gavel(env(), "issue", "list", "--search", "pseudonym", "--format",
	            "json", NULL);
	T_CONTAINS(r->out, "\"labels\": [\n      \"bug\"\n    ]");
	T_CONTAINS(r->out, "\"text\": \"pseudonym\",\n        \"match\": true");
}

/* The draft of a ballot, resolved in the demo's guideline repository. */
static void
draft_links_resolve_in_a_clone(void)
{
	char repo[4096];
	struct t_run *r;

	T_ASSERT(demo());
	snprintf(repo, sizeof(repo), "%s/g-guideline", t_tmpdir());
	r = t_gavel(env(), "issue", "link", "263", "--repo", repo, "--base",
	            "Ballot_SMC09", "--head", "Ballot_SMC010", NULL);
	T_EQ_INT(r->status, 0);
	r = t_gavel(env(), "issue", "show", "263", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"link\": \"Ballot_SMC09..Ballot_SMC010\"");
	T_CONTAINS(r->out, "\"head\": \"79336700d3f8");
	r = t_gavel(env(), "issue", "show", "263", NULL);
	T_CONTAINS(r->out, "see it: gavel redline --repo ");
	r = t_gavel(env(), "issue", "link", "263", "--repo", repo, "--draft",
	            "https://github.com/srdavidson/smime/compare/cd7c998984050e"
	            "61fabddda0cbba2e9b02954360...8150e7ac0cf4a6f0c2afd7ad9df9"
	            "8b12330c00bc",
	            NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "commit cd7c998 is not in");
	r = t_gavel(env(), "issue", "link", "263", "--ballot", "SMC010",
	            "--resolves", NULL);
	T_EQ_INT(r->status, 0);
	r = t_gavel(env(), "issue", "show", "263", NULL);
	T_CONTAINS(r->out, "resolved by Ballot SMC010, Introduction of "
	                   "Multi-Perspective Issuance Corroboration "
	                   "(ipr_review)");
	r = t_gavel(env(), "issue", "link", "263", "--ballot", "SMC010", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "already linked");
	r = t_gavel(env(), "issue", "link", "263", NULL);
	T_EQ_INT(r->status, 2);
}

static void
import_summary_and_progress(void)
{
	struct t_run *r;

	T_ASSERT(demo());
	r = t_gavel(env(), "issue", "import",
	            t_gh_issues("big.json", 1500, "Item"), "--body", "SMCWG",
	            NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "1500 issues: 1500 new, 0 updated, 0 unchanged; "
	                 "1500 comments: 1500 new, 0 updated\n");
	/* Not a terminal: no progress (test_progress.c has the terminal). */
	T_EQ_STR(r->err, "");
	r = t_gavel(env(), "issue", "import", t_path("big.json"), "--body",
	            "SMCWG", NULL);
	T_EQ_STR(r->out, "1500 issues: 0 new, 0 updated, 1500 unchanged; "
	                 "1500 comments: 0 new, 0 updated\n");
	r = t_gavel(env(), "issue", "import",
	            t_gh_issues("small.json", 2, "Item"), NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "give the --body CODE");
	r = t_gavel(env(), "issue", "import", t_path("small.json"), "--body",
	            "SMCWG", NULL);
	T_EQ_STR(r->err, "");
}

static void
hostile_titles_never_reach_a_terminal(void)
{
	const char *title = "\033]0;pwned\a\033[31mred\033[0m \r\033[2J";
	char cmd[8192];
	struct t_run *r;
	char *out;

	T_ASSERT(demo());
	/* Issue 15: a title is one line; one with a control character is
	 * refused, as a ballot's is. */
	r = t_gavel(env(), "issue", "add", "SMCWG", "--title", title, "--text",
	            "\033[5mblink\033[0m", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "the issue title contains a control character "
	                   "(byte 0x1B)");
	T_ASSERT(!strchr(r->err, '\033'));
	r = t_gavel(env(), "issue", "add", "SMCWG", "--title",
	            "ok\nSMCWG#263  closed", NULL);
	T_EQ_INT(r->status, 1);
	/* Titles stored before the rule (or by another tool) are shown with
	 * their control characters visible, on one line. */
	T_EQ_INT(t_gavel(env(), "issue", "add", "SMCWG", "--title", "red",
	                 "--text", "\033[5mblink\033[0m\x7F", NULL)
	                 ->status,
	         0);
	/* JSON escapes DEL too, which jansson leaves raw. */
	r = t_gavel(env(), "issue", "show", "264", "--format", "json", NULL);
	T_CONTAINS(r->out, "blink\\u001B[0m\\u007F");
	T_ASSERT(!strchr(r->out, 0x7F));
	snprintf(cmd, sizeof(cmd),
	         "sqlite3 '%s' \"UPDATE issue SET title = char(27) || "
	         "']0;pwned' || char(7) || char(27) || '[31mred' || char(27) "
	         "|| '[0m ' || char(13) || char(27) || '[2J' || char(10) || "
	         "'SMCWG#263  closed' WHERE number = 264\"",
	         t_path("g.db"));
	t_rebuild_skip();
	T_ASSERT(t_shell_output(cmd) != NULL);
	r = t_gavel(env(), "issue", "list", "--search", "red", NULL);
	T_CONTAINS(r->out, "^JSMCWG#263  closed");
	T_ASSERT(!strstr(r->out, "\nSMCWG#263  closed"));
	r = t_gavel(env(), "issue", "list", NULL);
	T_ASSERT(!strchr(r->out, '\033') && !strchr(r->out, '\a') &&
	         !strchr(r->out, '\r'));
	T_CONTAINS(r->out, "red");
	/* Each check of what is absent needs the output to be there. */
	r = t_gavel(env(), "issue", "show", "264", NULL);
	T_CONTAINS(r->out, "^[[31mred^[[0m");
	T_ASSERT(!strchr(r->out, '\033') && !strchr(r->out, '\a'));
	r = t_gavel(env(), "issue", "list", "--search", "red", NULL);
	T_CONTAINS(r->out, "SMCWG#264");
	T_ASSERT(!strchr(r->out, '\033') && !strchr(r->out, '\a'));
	r = t_gavel(env(), "issue", "show", "264", "--format", "json", NULL);
	T_CONTAINS(r->out, "\\u001B]0;pwned\\u0007");
	/* Markdown into a file is the document, byte for byte; onto a
	 * terminal it is made safe. */
	r = t_gavel(env(), "issue", "show", "264", "--format", "md", NULL);
	T_ASSERT(strchr(r->out, '\033') != NULL);
	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && GAVEL_DB=g.db GAVEL_NOW='2024-12-18 17:00' "
	         "script -qec '%s issue show 264 --format md' /dev/null",
	         t_tmpdir(), getenv("GAVEL_BIN"));
	T_ASSERT((out = t_shell_output(cmd)) != NULL);
	T_CONTAINS(out, "red");
	T_ASSERT(!strchr(out, '\033') && !strchr(out, '\a'));
	/* Its lines stay lines (script(1) ends each with CR LF). */
	T_CONTAINS(out, "\r\n## Timeline\r\n");
	T_ASSERT(strstr(out, "^J") == NULL);
}

/* A close or a reopening is told at its time: not before the issue was
 * opened, a reopening not before its close, nothing still to come; a
 * refusal changes nothing. */
static void
closed_and_reopened_in_order(void)
{
	struct t_run *r;

	T_ASSERT(demo());
	T_EQ_STR(t_gavel(env(), "issue", "add", "SMCWG", "--title", "Order",
	                 NULL)
	                 ->out,
	         "264\n");
	r = t_gavel(env(), "issue", "close", "264", "--at", "2020-01-01 00:00",
	            NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: SMCWG#264 was opened on 2024-12-18 17:00 "
	                 "UTC: it cannot be closed before\n");
	r = t_gavel(env(), "issue", "close", "264", "--at", "2030-01-01 00:00",
	            NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: --at 2030-01-01 00:00 UTC is still to come: "
	                 "record it on the day\n");
	T_CONTAINS(t_gavel(env(), "issue", "show", "264", NULL)->out,
	           "state: open");
	/* The demo's #263 was opened long before: closed at noon, it is not
	 * reopened in the morning. */
	T_EQ_INT(t_gavel(env(), "issue", "close", "263", "--at",
	                 "2024-12-18 12:00", NULL)
	                 ->status,
	         0);
	r = t_gavel(env(), "issue", "reopen", "263", "--at", "2024-12-18 09:00",
	            NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: SMCWG#263 was closed on 2024-12-18 12:00 "
	                 "UTC: it is reopened then or later\n");
	T_EQ_INT(t_gavel(env(), "issue", "reopen", "263", "--at",
	                 "2024-12-18 13:00", NULL)
	                 ->status,
	         0);
	/* Its story tells both, each at its time. */
	r = t_gavel(env(), "issue", "show", "263", NULL);
	T_CONTAINS(r->out, "\n2024-12-18 12:00 UTC  closed\n"
	                   "2024-12-18 13:00 UTC  reopened\n");
	T_CONTAINS(r->out, "state: open");
	r = t_gavel(env(), "issue", "show", "263", "--format", "md", NULL);
	T_CONTAINS(r->out, "**2024-12-18 13:00 UTC**: reopened.");
	r = t_gavel(env(), "issue", "show", "263", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"reopened\": true");
	/* A label is one word of a list: "a,b" would read as two. */
	r = t_gavel(env(), "issue", "label", "263", "a,b", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: \"a,b\" is not one label: give each on its "
	                 "own (gavel issue label REF a b)\n");
}

const struct t_case issue_cli_tests[] = {
        {"demo_issues_have_their_story", demo_issues_have_their_story},
        {"add_note_close_and_list", add_note_close_and_list},
        {"closed_and_reopened_in_order", closed_and_reopened_in_order},
        {"draft_links_resolve_in_a_clone", draft_links_resolve_in_a_clone},
        {"import_summary_and_progress", import_summary_and_progress},
        {"hostile_titles_never_reach_a_terminal",
         hostile_titles_never_reach_a_terminal},
        {NULL, NULL},
};
