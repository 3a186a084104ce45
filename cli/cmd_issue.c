/* SPDX-License-Identifier: MIT */
/*
 * This file implements the writing side of `gavel issue`: add, edit,
 * close, reopen, label, note, link and import. The reading side (show,
 * list) is in cmd_issue_show.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "gavel/gavel.h"

/* As many labels as `issue label` takes at once. */
#define MAX_LABELS 32

/* add CODE --title T ... */
static int
cmd_add(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *number = NULL, *at = NULL, *labels = NULL;
	struct gv_issue_spec spec = {0};
	char *copy = NULL, *save = NULL, *l;
	const char *list[MAX_LABELS];
	size_t n = 0;
	int64_t out = 0;
	char *pos[1];
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"title", &spec.title, NULL},
	        {"number", &number, NULL},
	        {"url", &spec.url, NULL},
	        {"text", &spec.body_md, NULL},
	        {"author", &spec.author, NULL},
	        {"assignee", &spec.assignee, NULL},
	        {"label", &labels, NULL},
	        {"at", &at, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0)
		return rc;
	if (!spec.title)
		return cli_usage_error(cmd, "give the issue's --title");
	if (number &&
	    (rc = cli_id(&spec.number, cmd, "issue number",
	                 number[0] == '#' ? number + 1 : number)) != CLI_OK)
		return rc;
	spec.body = pos[0];
	if ((rc = cli_time(&spec.created_at, at, -1)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (labels && !(copy = strdup(labels)))
		abort();
	if (labels) {
		/* --label a,b */
		for (l = strtok_r(copy, ",", &save); l;
		     l = strtok_r(NULL, ",", &save)) {
			if (n == MAX_LABELS) {
				free(copy);
				return cli_usage_error(cmd,
				                       "give at most %d labels",
				                       MAX_LABELS);
			}
			list[n++] = l;
		}
		spec.labels = list;
		spec.nlabels = n;
	}
	rc = gv_issue_add(&out, c->db, &spec);
	free(copy);
	if (rc < 0)
		return cli_fail();
	printf("%lld\n", (long long)out);
	return CLI_OK;
}

/* Parses REF and opts (which include --body), opens the store; pos ends
 * with NULL. Returns -1 to go on. */
static int
ref_args(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv,
         const struct cli_opt *opts, char **pos, int max_pos)
{
	int npos, rc;

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, max_pos)) >=
	    0)
		return rc;
	pos[npos] = NULL;
	return cli_open(c, 0) != CLI_OK ? CLI_FAILED : -1;
}

static int
cmd_edit(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_issue_edit edit = {0};
	const char *body = NULL;
	char *pos[2];
	int rc;
	const struct cli_opt opts[] = {
	        {"title", &edit.title, NULL},
	        {"url", &edit.url, NULL},
	        {"text", &edit.body_md, NULL},
	        {"assignee", &edit.assignee, NULL},
	        {"body", &body, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = ref_args(c, cmd, argc, argv, opts, pos, 1)) >= 0)
		return rc;
	return gv_issue_edit(c->db, body, pos[0], &edit) < 0 ? cli_fail()
	                                                     : CLI_OK;
}

static int
set_state(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv,
          int closed)
{
	const char *body = NULL, *at_opt = NULL;
	char *pos[2];
	int64_t at;
	int rc;
	const struct cli_opt opts[] = {
	        {"at", &at_opt, NULL},
	        {"body", &body, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = ref_args(c, cmd, argc, argv, opts, pos, 1)) >= 0 ||
	    (rc = cli_time(&at, at_opt, -1)) != CLI_OK)
		return rc;
	return gv_issue_set_state(c->db, body, pos[0], closed, at) < 0
	               ? cli_fail()
	               : CLI_OK;
}

static int
cmd_close(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	return set_state(c, cmd, argc, argv, 1);
}

static int
cmd_reopen(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	return set_state(c, cmd, argc, argv, 0);
}

static int
cmd_label(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *body = NULL;
	char *pos[MAX_LABELS + 2]; /* REF, the labels, the NULL after */
	int remove = 0, rc, n;
	const struct cli_opt opts[] = {
	        {"remove", NULL, &remove},
	        {"body", &body, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = ref_args(c, cmd, argc, argv, opts, pos, MAX_LABELS + 1)) >= 0)
		return rc;
	for (n = 1; pos[n]; n++)
		;
	if (n < 2)
		return cli_usage_error(cmd, "give at least one label");
	return gv_issue_label(c->db, body, pos[0], (const char *const *)pos + 1,
	                      (size_t)n - 1, remove) < 0
	               ? cli_fail()
	               : CLI_OK;
}

static int
cmd_note(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *body = NULL, *meeting = NULL, *at = NULL;
	struct gv_issue_note_spec spec = {0};
	char *pos[3], *text;
	int64_t id = 0;
	int rc;
	const struct cli_opt opts[] = {
	        {"meeting", &meeting, NULL}, {"author", &spec.author, NULL},
	        {"at", &at, NULL},           {"body", &body, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = ref_args(c, cmd, argc, argv, opts, pos, 2)) >= 0)
		return rc;
	if (!pos[1])
		return cli_usage_error(cmd, "give the note's TEXT (or - to "
		                            "read it from standard input)");
	if ((meeting &&
	     (rc = cli_id(&spec.meeting, cmd, "meeting", meeting)) != CLI_OK) ||
	    (rc = cli_time(&spec.at, at, -1)) != CLI_OK)
		return rc;
	if (!(text = strcmp(pos[1], "-") ? strdup(pos[1]) : cli_read_text("-")))
		return CLI_FAILED;
	spec.text = text;
	rc = gv_issue_note(&id, c->db, body, pos[0], &spec);
	free(text);
	return rc < 0 ? cli_fail() : CLI_OK;
}

static int
cmd_link(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *body = NULL, *meeting = NULL, *ballot = NULL, *at = NULL;
	const char *draft = NULL, *repo = NULL, *base = NULL, *head = NULL;
	char *pos[2], *range = NULL;
	int64_t when, id = 0;
	int resolves = 0, rc;
	const struct cli_opt opts[] = {
	        {"meeting", &meeting, NULL},   {"ballot", &ballot, NULL},
	        {"resolves", NULL, &resolves}, {"draft", &draft, NULL},
	        {"repo", &repo, NULL},         {"base", &base, NULL},
	        {"head", &head, NULL},         {"at", &at, NULL},
	        {"body", &body, NULL},         {NULL, NULL, NULL},
	};

	if ((rc = ref_args(c, cmd, argc, argv, opts, pos, 1)) >= 0 ||
	    (rc = cli_time(&when, at, -1)) != CLI_OK)
		return rc;
	if (!base != !head)
		return cli_usage_error(cmd, "give both --base and --head");
	if ((meeting != NULL) + (ballot != NULL) + (draft || base) != 1)
		return cli_usage_error(cmd, "give one of --meeting ID, "
		                            "--ballot NUMBER, --draft RANGE "
		                            "or --base/--head");
	if (resolves && !ballot)
		return cli_usage_error(cmd, "--resolves goes with --ballot");
	if (meeting) {
		if ((rc = cli_id(&id, cmd, "meeting", meeting)) != CLI_OK)
			return rc;
		rc = gv_issue_link_meeting(c->db, body, pos[0], id, when);
	} else if (ballot) {
		rc = gv_issue_link_ballot(c->db, body, pos[0], ballot, resolves,
		                          when);
	} else {
		if (base) {
			size_t n = strlen(base) + strlen(head) + 3;

			if (!(range = malloc(n)))
				abort();
			snprintf(range, n, "%s..%s", base, head);
		}
		rc = gv_issue_link_draft(c->db, body, pos[0], repo,
		                         range ? range : draft, when);
		free(range);
	}
	return rc < 0 ? cli_fail() : CLI_OK;
}

static int
cmd_import(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_issue_import_stats s = {0};
	const char *body = NULL;
	char *pos[1];
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"body", &body, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0)
		return rc;
	if (!body)
		return cli_usage_error(cmd, "give the --body CODE the issues "
		                            "belong to");
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_issue_import(&s, c->db, body, pos[0]) < 0)
		return cli_fail();
	printf("%zu issue%s: %zu new, %zu updated, %zu unchanged; "
	       "%zu comment%s: %zu new, %zu updated",
	       s.issues, s.issues == 1 ? "" : "s", s.added, s.updated,
	       s.issues - s.added - s.updated, s.comments,
	       s.comments == 1 ? "" : "s", s.notes_added, s.notes_updated);
	if (s.pulls)
		printf("; %zu pull request%s skipped", s.pulls,
		       s.pulls == 1 ? "" : "s");
	putchar('\n');
	return CLI_OK;
}

static const struct cli_cmd issue_cmds[] = {
        {"add", cmd_add,
         "gavel issue add CODE --title T [--number N] [--url U] "
         "[--text MD] [--author A] [--assignee A] [--label L,L] [--at TIME]",
         "add an issue (default number: the body's next); prints its "
         "number",
         NULL},
        {"edit", cmd_edit,
         "gavel issue edit REF [--title T] [--url U] [--text MD] "
         "[--assignee A]",
         "change an issue (\"\" clears an optional field)", NULL},
        {"close", cmd_close, "gavel issue close REF [--at TIME]",
         "close an issue", NULL},
        {"reopen", cmd_reopen, "gavel issue reopen REF [--at TIME]",
         "reopen a closed issue", NULL},
        {"label", cmd_label, "gavel issue label REF LABEL... [--remove]",
         "add (or remove) labels", NULL},
        {"note", cmd_note,
         "gavel issue note REF TEXT|- [--meeting ID] [--author NAME] "
         "[--at TIME]",
         "add a note to the issue's timeline (-: read standard input)", NULL},
        {"link", cmd_link,
         "gavel issue link REF --meeting ID | --ballot N [--resolves] | "
         "--draft RANGE|URL [--repo DIR] | --repo DIR --base R --head R",
         "link a meeting, a ballot or a draft redline", NULL},
        {"import", cmd_import, "gavel issue import FILE.json --body CODE",
         "import issues from gh issue list --json or the /issues API", NULL},
        {"show", cmd_issue_show, "gavel issue show REF [--format text|md|json]",
         "an issue's whole story in time order", NULL},
        {"list", cmd_issue_list,
         "gavel issue list [--body CODE] [--state open|closed|all] "
         "[--label L] [--search QUERY] [--limit N] [--format text|json]",
         "issues by number, or found by a search, best first", NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

const struct cli_cmd cmd_issue = {
        "issue", cli_dispatch,
        "gavel issue COMMAND ...  (REF: 263, #263 or SMCWG#263; --body CODE "
        "names the body of a bare number)",
        "the working group's issues: timeline, search, GitHub import",
        issue_cmds};
