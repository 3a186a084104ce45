/* SPDX-License-Identifier: MIT */
/*
 * This file implements the issue views: the list with state, labels and
 * last activity, `/` for a full-text search (best match first, each with
 * its snippet), and one issue with its whole timeline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "tui.h"

/* The state shown for each press of f: a list starts with the open
 * issues, a search with all of them (as the CLI's do). */
static int
shown_state(const struct view *v)
{
	static const int list[3] = {0, 1, -1}, search[3] = {-1, 0, 1};

	return (v->arg ? search : list)[v->filter % 3];
}

struct issues_data {
	struct gv_issue_list list;
	char *search; /* the search shown, or NULL: open issues */
};

static int
issues_open(struct view *v)
{
	struct issues_data *d = calloc(1, sizeof(*d));
	struct gv_issue_filter f = {0};

	if (!d)
		abort();
	v->data = d;
	f.state = shown_state(v);
	if (v->arg) {
		d->search = strdup(v->arg);
		f.search = v->arg;
		f.limit = 200;
	}
	return gv_issue_list(&d->list, v->db, &f) < 0 ? -1 : 0;
}

/* The snippet as segments: matches highlighted. */
static void
snippet_segs(struct line *l, const char *s, size_t cols)
{
	int match = 0;
	size_t used = 6;

	seg(l, LINE_DIM, "      ");
	while (*s && used < cols) {
		size_t n = strcspn(s, GV_ISSUE_MARK_START GV_ISSUE_MARK_END);
		char *piece = malloc(n + 1), *fit;

		if (!piece)
			abort();
		memcpy(piece, s, n);
		piece[n] = '\0';
		fit = text_fit(piece, cols - used, 0);
		used += strlen(fit);
		seg(l, match ? LINE_MATCH : LINE_DIM, fit);
		free(fit);
		free(piece);
		s += n;
		if (*s)
			match = *s++ == GV_ISSUE_MARK_START[0];
	}
}

static void
issues_layout(struct view *v, size_t cols)
{
	struct issues_data *d = v->data;
	size_t i, j;

	const char *state = shown_state(v) < 0 ? "all"
	                    : shown_state(v)   ? "closed"
	                                       : "open";

	if (d->search)
		snprintf(v->title, sizeof(v->title),
		         "Issues matching \"%s\" (%zu, %s)", d->search,
		         d->list.n, state);
	else
		snprintf(v->title, sizeof(v->title), "Issues (%zu, %s)",
		         d->list.n, state);
	for (i = 0; i < d->list.n; i++) {
		struct gv_issue *is = &d->list.v[i];
		char ref[48], date[GV_TIME_BUFSZ], *title;
		struct line *l = line_new(v, is);

		snprintf(ref, sizeof(ref), "%s#%lld", is->body,
		         (long long)is->number);
		segf(l, LINE_TITLE, "%-11s", ref);
		seg(l, is->closed ? LINE_DIM : LINE_OK,
		    is->closed ? "closed " : "open   ");
		seg(l, LINE_DIM,
		    gv_time_format(date, is->activity, GV_TIME_DATE));
		title = text_fit(is->title, cols > 45 ? cols - 45 : 10, 0);
		segf(l, LINE_DEFAULT, "  ");
		seg(l, LINE_DEFAULT, title);
		free(title);
		for (j = 0; j < is->nlabels; j++)
			segf(l, LINE_WARN, " [%s]", is->labels[j]);
		if (is->snippet)
			snippet_segs(line_new(v, is), is->snippet, cols);
	}
	if (!d->list.n)
		seg(line_new(v, NULL), LINE_DIM,
		    d->search ? "no issue matches" : "no issues");
}

static int
issues_select(struct view *v, void *data)
{
	const struct gv_issue *is = data;
	char ref[48];

	(void)v;
	if (!is)
		return 0;
	snprintf(ref, sizeof(ref), "%s#%lld", is->body, (long long)is->number);
	return view_push(&issue_ops, ref) == 0;
}

static int
issues_request(struct view *v, enum request req)
{
	struct issues_data *d = v->data;
	const struct gv_issue *is = v->nlines ? v->lines[v->cursor].data : NULL;
	switch (req) {
	case REQ_SEARCH:
		/* Full text, in a view of its own: q comes back. */
		if (d->search && !strcmp(d->search, display.search))
			return 1;
		view_push(&issues_ops, display.search);
		return 1;
	case REQ_ADD: {
		const char *base[] = {"issue", "add", is ? is->body : "CODE"};
		static const struct form_field fields[] = {
		        {"title", "--title", NULL, 0},
		        {"labels, comma-separated", "--label", NULL, 1},
		};

		form_run("new issue", base, 3, fields, 2);
		return 1;
	}
	case REQ_FILTER:
		v->filter = (v->filter + 1) % 3;
		if (view_load(v, v->cols) < 0)
			report_error("%s", gv_error_last()->message);
		return 1;
	default:
		return 0;
	}
}

static void
issues_done(struct view *v)
{
	struct issues_data *d = v->data;

	if (!d)
		return;
	gv_issue_list_dispose(&d->list);
	free(d->search);
	free(d);
	v->data = NULL;
}

const struct view_ops issues_ops = {
        .name = "issues",
        .open = issues_open,
        .layout = issues_layout,
        .request = issues_request,
        .select = issues_select,
        .done = issues_done,
};

/* ---- One issue ---- */

static int
issue_open(struct view *v)
{
	struct gv_issue_story *s = calloc(1, sizeof(*s));

	if (!s)
		abort();
	v->data = s;
	return gv_issue_story(s, v->db, NULL, v->arg) < 0 ? -1 : 0;
}

static void
entry_layout(struct view *v, const struct gv_issue_entry *e, size_t cols)
{
	char when[GV_TIME_BUFSZ];
	struct line *l = line_new(v, (void *)e);

	seg(l, LINE_DIM, gv_time_format(when, e->at, GV_TIME_HUMAN));
	seg(l, LINE_DEFAULT, "  ");
	switch (e->kind) {
	case GV_ISSUE_OPENED:
		seg(l, LINE_OK, "opened");
		break;
	case GV_ISSUE_MEETING:
		segf(l, LINE_TITLE, "discussed at %s (meeting %lld)",
		     e->meeting_title, (long long)e->meeting);
		break;
	case GV_ISSUE_NOTE:
		seg(l, LINE_HEADER, "note");
		if (e->meeting)
			segf(l, LINE_DIM, " at %s (meeting %lld)",
			     e->meeting_title, (long long)e->meeting);
		break;
	case GV_ISSUE_DRAFT:
		seg(l, LINE_INS, "draft redline");
		break;
	case GV_ISSUE_BALLOT:
		segf(l, LINE_WARN, "%s Ballot %s (%s)",
		     e->resolves ? "resolved by" : "linked to", e->ballot,
		     e->ballot_state);
		break;
	case GV_ISSUE_CLOSED:
		seg(l, LINE_BAD, "closed");
		break;
	case GV_ISSUE_REOPENED:
		seg(l, LINE_OK, "reopened");
		break;
	}
	if (e->author &&
	    (e->kind == GV_ISSUE_NOTE || e->kind == GV_ISSUE_OPENED))
		segf(l, LINE_DIM, " by %s", e->author);
	if (e->imported)
		seg(l, LINE_DIM, ", imported from GitHub");
	if (e->text)
		line_wrap(v, (void *)e, LINE_DEFAULT, "    ", e->text, cols);
	if (e->kind == GV_ISSUE_DRAFT)
		line_wrap(v, (void *)e, LINE_DIM, "    ", e->url, cols);
	if (e->kind == GV_ISSUE_BALLOT)
		line_wrap(v, (void *)e, LINE_DIM, "    ", e->ballot_title,
		          cols);
}

static void
issue_layout(struct view *v, size_t cols)
{
	struct gv_issue_story *s = v->data;
	const struct gv_issue *is = &s->issue;
	struct line *l;
	size_t i;

	snprintf(v->title, sizeof(v->title), "Issue %s#%lld", is->body,
	         (long long)is->number);
	line_wrap(v, NULL, LINE_TITLE, "", is->title, cols);
	l = line_new(v, NULL);
	seg(l, is->closed ? LINE_BAD : LINE_OK, is->closed ? "closed" : "open");
	for (i = 0; i < is->nlabels; i++)
		segf(l, LINE_WARN, " [%s]", is->labels[i]);
	if (is->assignee)
		segf(l, LINE_DIM, "  assigned to %s", is->assignee);
	if (is->url)
		seg(line_new(v, NULL), LINE_DIM, is->url);
	if (is->body_md) {
		line_blank(v);
		line_wrap(v, NULL, LINE_DEFAULT, "  ", is->body_md, cols);
	}
	line_blank(v);
	seg(line_new(v, NULL), LINE_HEADER, "Timeline");
	for (i = 0; i < s->n; i++)
		entry_layout(v, &s->v[i], cols);
}

static int
issue_select(struct view *v, void *data)
{
	const struct gv_issue_entry *e = data;
	char id[32];

	(void)v;
	if (!e)
		return 0;
	if (e->kind == GV_ISSUE_BALLOT)
		return view_push(&ballot_ops, e->ballot) == 0;
	if (e->meeting) {
		snprintf(id, sizeof(id), "%lld", (long long)e->meeting);
		return view_push(&meeting_ops, id) == 0;
	}
	return 0;
}

static int
issue_request(struct view *v, enum request req)
{
	const char *base[] = {"issue", "note", v->arg};
	static const struct form_field fields[] = {{"note", NULL, NULL, 0}};

	if (req != REQ_NOTE)
		return 0;
	form_run("note", base, 3, fields, 1);
	return 1;
}

static void
issue_done(struct view *v)
{
	if (!v->data)
		return;
	gv_issue_story_dispose(v->data);
	free(v->data);
	v->data = NULL;
}

const struct view_ops issue_ops = {
        .name = "issue",
        .open = issue_open,
        .layout = issue_layout,
        .request = issue_request,
        .select = issue_select,
        .done = issue_done,
};
