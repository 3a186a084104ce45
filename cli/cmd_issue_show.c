/* SPDX-License-Identifier: MIT */
/*
 * This file implements the reading side of `gavel issue`: show (an issue's
 * whole story, as text, Markdown from templates/issue.md, or JSON) and list
 * (by number, or found by a search with a snippet of each match).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "gavel/gavel.h"

/* "CODE#N" when --body names the body of a bare number. */
static char *
full_ref(const char *body, const char *ref)
{
	size_t n;
	char *out;

	if (!body || strchr(ref, '#') > ref)
		return strdup(ref);
	n = strlen(body) + strlen(ref) + 2;
	if ((out = malloc(n)))
		snprintf(out, n, "%s#%s", body, ref[0] == '#' ? ref + 1 : ref);
	return out;
}

/* clone: this copy's clone of the issue's body's guideline (gavel config
 * repo), or NULL; it comes before the folder a draft was linked in, which
 * is on the machine of whoever linked it. */
static void
print_entry(const struct gv_issue_entry *e, const char *clone)
{
	char when[GV_TIME_BUFSZ];

	cli_printf("%s  ", gv_time_format(when, e->at, GV_TIME_HUMAN));
	switch (e->kind) {
	case GV_ISSUE_OPENED:
		cli_printf("opened");
		break;
	case GV_ISSUE_NOTE:
		cli_printf("note");
		break;
	case GV_ISSUE_MEETING:
		cli_printf("discussed at %s (meeting %lld)", e->meeting_title,
		           (long long)e->meeting);
		break;
	case GV_ISSUE_DRAFT:
		cli_printf("draft redline %s", e->url);
		break;
	case GV_ISSUE_BALLOT:
		cli_printf("%s Ballot %s, %s (%s)",
		           e->resolves ? "resolved by" : "linked to", e->ballot,
		           e->ballot_title, e->ballot_state);
		break;
	case GV_ISSUE_CLOSED:
		cli_printf("closed");
		break;
	case GV_ISSUE_REOPENED:
		cli_printf("reopened");
		break;
	}
	/* Who linked a meeting, draft or ballot is in --format json. */
	if (e->author &&
	    (e->kind == GV_ISSUE_OPENED || e->kind == GV_ISSUE_NOTE))
		cli_printf(" by %s", e->author);
	if (e->kind == GV_ISSUE_NOTE && e->meeting)
		cli_printf(", at %s (meeting %lld)", e->meeting_title,
		           (long long)e->meeting);
	if (e->imported)
		cli_printf(", imported from GitHub");
	putchar('\n');
	if (e->text)
		cli_print_block(e->text, "    ");
	if (e->kind == GV_ISSUE_DRAFT && e->repo)
		cli_printf("    see it: gavel redline --repo %s %s..%s\n",
		           clone ? clone : e->repo, e->base, e->head);
	else if (e->kind == GV_ISSUE_DRAFT)
		cli_printf("    see it: gavel redline --repo CLONE %s\n",
		           e->url);
}

static void
print_story(const struct gv_issue_story *s, const char *clone)
{
	const struct gv_issue *is = &s->issue;
	size_t i;

	cli_printf("%s#%lld: %s\n", is->body, (long long)is->number, is->title);
	cli_printf("state: %s", is->closed ? "closed" : "open");
	for (i = 0; i < is->nlabels; i++)
		cli_printf("%s%s", i ? ", " : " · labels: ", is->labels[i]);
	if (is->assignee)
		cli_printf(" · assignee: %s", is->assignee);
	putchar('\n');
	if (is->url)
		cli_printf("upstream: %s\n", is->url);
	if (is->body_md) {
		putchar('\n');
		cli_print_block(is->body_md, "  ");
	}
	putchar('\n');
	for (i = 0; i < s->n; i++)
		print_entry(&s->v[i], clone);
}

int
cmd_issue_show(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *body = NULL, *format_opt = NULL;
	enum cli_format format;
	struct gv_issue_story s;
	char *pos[1], *ref, *json = NULL;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"body", &body, NULL},
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_format_doc(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (!(ref = full_ref(body, pos[0])))
		abort();
	if (format == CLI_MD) {
		struct gv_render_spec spec = {0};

		spec.template = "issue.md";
		spec.issue = ref;
		spec.format = GV_RENDER_MD;
		rc = cli_render(c, &spec, 0);
	} else if (format == CLI_JSON) {
		rc = gv_view_issue_json(&json, c->db, ref);
		rc = cli_print_json(rc, json);
	} else if (gv_issue_story(&s, c->db, NULL, ref) < 0) {
		rc = cli_fail();
	} else {
		char *clone = NULL;

		/* Without one, the folder the draft was linked in. */
		if (gv_config_repo_get(&clone, c->db, s.issue.body) < 0)
			clone = NULL;
		print_story(&s, clone);
		free(clone);
		gv_issue_story_dispose(&s);
	}
	free(ref);
	return rc;
}

/* A search hit's snippet, the matches marked: bold on a terminal that
 * takes colour, [brackets] otherwise. */
static void
print_snippet(const char *s)
{
	int ansi = isatty(1) && !getenv("NO_COLOR");
	const char *on = ansi ? "\033[1m" : "[", *off = ansi ? "\033[0m" : "]";
	int match = 0;

	fputs("    ", stdout);
	while (*s) {
		size_t n = strcspn(s, GV_ISSUE_MARK_START GV_ISSUE_MARK_END);
		char *piece = malloc(n + 1);

		if (!piece)
			abort();
		memcpy(piece, s, n);
		piece[n] = '\0';
		cli_printf("%s", piece);
		free(piece);
		s += n;
		if (*s) {
			int starts = *s++ == GV_ISSUE_MARK_START[0];

			if (starts != match)
				fputs(starts ? on : off, stdout);
			match = starts;
		}
	}
	if (match)
		fputs(off, stdout);
	putchar('\n');
}

/* The labels as "a, b" (caller frees). */
static char *
labels_text(const struct gv_issue *is)
{
	size_t len = 1, at = 0, j;
	char *labels;

	for (j = 0; j < is->nlabels; j++)
		len += strlen(is->labels[j]) + 2;
	if (!(labels = malloc(len)))
		abort();
	for (j = 0; j < is->nlabels; j++)
		at += (size_t)snprintf(labels + at, len - at, "%s%s",
		                       j ? ", " : "", is->labels[j]);
	labels[at] = '\0';
	return labels;
}

/* How a list goes out, one issue at a time (gv_issue_each). */
struct list_out {
	enum cli_format format;
	int search;
	size_t n;        /* issues so far */
	struct table *t; /* the text list's table */
};

static int
list_one(void *ctx, const struct gv_issue *is)
{
	struct list_out *o = ctx;
	char ref[48], date[GV_TIME_BUFSZ], *labels, *json;
	const char *cells[5];

	if (o->format == CLI_JSON) {
		if (gv_view_issue_item_json(&json, is) < 0)
			return GV_ERROR;
		fputs(o->n++ ? ",\n" : "[\n", stdout);
		fputs(json, stdout);
		free(json);
		return 0;
	}
	o->n++;
	labels = labels_text(is);
	snprintf(ref, sizeof(ref), "%s#%lld", is->body, (long long)is->number);
	if (o->search) {
		cli_printf("%s  %s  %s%s%s%s\n", ref,
		           is->closed ? "closed" : "open", is->title,
		           is->nlabels ? "  (" : "", labels,
		           is->nlabels ? ")" : "");
		if (is->snippet)
			print_snippet(is->snippet);
	} else {
		cells[0] = ref;
		cells[1] = is->closed ? "closed" : "open";
		cells[2] = is->title;
		cells[3] = is->nlabels ? labels : NULL;
		cells[4] = gv_time_format(date, is->activity, GV_TIME_DATE);
		table_add(o->t, cells);
	}
	free(labels);
	return 0;
}

/* Prints the list as it is read: a search and JSON line by line, the
 * text list as a table once its widths are known. */
static int
print_list(struct cli *c, const struct gv_issue_filter *f,
           enum cli_format format)
{
	static const char *const heads[] = {"ISSUE", "STATE", "TITLE", "LABELS",
	                                    "ACTIVITY"};
	struct list_out o = {format, f->search != NULL, 0, NULL};
	int error;

	if (format != CLI_JSON && !o.search)
		o.t = table_new(5, heads);
	error = gv_issue_each(c->db, f, list_one, &o);
	if (error < 0) {
		/* JSON begun is left unended: the command fails. */
		table_free(o.t);
		return cli_fail();
	}
	if (format == CLI_JSON)
		fputs(o.n ? "\n]\n" : "[]\n", stdout);
	else if (!o.n)
		printf(o.search ? "no issues match\n" : "no issues\n");
	else if (o.t)
		table_print(o.t, stdout);
	table_free(o.t);
	return CLI_OK;
}

int
cmd_issue_list(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *state = NULL, *limit = NULL, *format_opt = NULL;
	struct gv_issue_filter f = {0};
	enum cli_format format;
	int64_t n = 0;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"body", &f.body, NULL},   {"state", &state, NULL},
	        {"label", &f.label, NULL}, {"search", &f.search, NULL},
	        {"limit", &limit, NULL},   {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, NULL, &npos, 0, 0)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK)
		return rc;
	/* A list shows open issues; a search looks at every one. */
	if (!state)
		f.state = f.search ? -1 : 0;
	else if (!strcmp(state, "open") || !strcmp(state, "closed"))
		f.state = !strcmp(state, "closed");
	else if (!strcmp(state, "all"))
		f.state = -1;
	else
		return cli_usage_error(cmd,
		                       "unknown state '%s': use open, closed "
		                       "or all",
		                       state);
	if (limit && (rc = cli_id(&n, cmd, "--limit", limit)) != CLI_OK)
		return rc;
	f.limit = (size_t)n;
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	return print_list(c, &f, format);
}
