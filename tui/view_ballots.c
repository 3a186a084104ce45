/* SPDX-License-Identifier: MIT */
/*
 * This file implements the ballot views: the list by state, and one
 * ballot in full (versions, proposer and endorsers, every clock, the vote
 * ledger with the reasons a vote does not count, and the tally drawn as
 * bars per class with each test MET or NOT MET and the quorum).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "gavel/gavel.h"
#include "tui.h"

struct ballots_data {
	struct gv_ballot_list *list;
	struct gv_deadline_list *clocks; /* each ballot's next one */
	int64_t now;
};

static int
ballots_open(struct view *v)
{
	struct ballots_data *d = calloc(1, sizeof(*d));

	if (!d)
		abort();
	v->data = d;
	d->now = gv_db_now(v->db);
	if (gv_ballot_list(&d->list, v->db, NULL) < 0 ||
	    gv_deadlines(&d->clocks, v->db, NULL, 0) < 0)
		return -1;
	return 0;
}

/* Voting first, then discussion, then the rest by number. */
static int
state_rank(enum gv_ballot_state s)
{
	return s == GV_BALLOT_VOTING       ? 0
	       : s == GV_BALLOT_DISCUSSION ? 1
	       : s == GV_BALLOT_IPR_REVIEW ? 2
	       : s == GV_BALLOT_DRAFT      ? 3
	                                   : 4;
}

/* The columns of a ballot's next deadline: what, when in its body's
 * zone, and how long until (or overdue by). */
#define WHAT_COLS 19
#define WHEN_COLS 22

static void
deadline_segs(struct line *row, const struct gv_deadline *c, int64_t now)
{
	char local[GV_LOCAL_BUFSZ], left[GV_TIME_BUFSZ];
	char *what = text_fit(c->what, WHAT_COLS - 1, 1);

	segf(row, LINE_DEFAULT, "%s ", what);
	segf(row, LINE_DEFAULT, "%-*s", WHEN_COLS,
	     gv_time_format_local(local, c->at, c->tz, GV_LOCAL_FULL));
	segf(row,
	     c->overdue                ? LINE_BAD
	     : c->at - now < 3 * 86400 ? LINE_WARN
	                               : LINE_OK,
	     "%-15s", gv_duration_format(left, sizeof(left), now, c->at));
	free(what);
}

/*
 * One ballot: number, state as people say it, kind, the next deadline
 * (issue 20, item 8) and the title; from 110 columns on one row, else
 * the deadline on a second row under the state.
 */
static void
ballot_row(struct view *v, const struct ballots_data *d,
           const struct gv_ballot *b, size_t cols)
{
	const struct gv_deadline *c = gv_deadline_next(d->clocks, b->number);
	const char *state = gv_ballot_state_label(b->state);
	int rank = state_rank(b->state), wide = cols >= 110;
	struct line *row = line_new(v, (void *)b);
	size_t used;
	char *title;

	segf(row, LINE_TITLE, "%-9s", b->number);
	segf(row,
	     rank == 0   ? LINE_WARN
	     : rank <= 2 ? LINE_OK
	                 : LINE_DIM,
	     "%-12s", state);
	segf(row, LINE_DIM, "%-6s", b->kind);
	if (wide) {
		if (c)
			deadline_segs(row, c, d->now);
		else
			segf(row, LINE_DIM, "%-*s", WHAT_COLS + WHEN_COLS + 15,
			     "");
	}
	used = line_cols(row);
	title = text_fit(b->title, cols > used + 4 ? cols - used : 4, 0);
	seg(row, LINE_DEFAULT, title);
	free(title);
	if (!wide && c) {
		row = line_new(v, (void *)b);
		seg(row, LINE_DEFAULT, "         ");
		deadline_segs(row, c, d->now);
	}
}

static void
ballots_layout(struct view *v, size_t cols)
{
	struct ballots_data *d = v->data;
	size_t i;
	int rank;

	snprintf(v->title, sizeof(v->title), "Ballots (%zu)", d->list->n);
	if (cols >= 110 && d->list->n) {
		struct line *h = line_new(v, NULL);

		segf(h, LINE_HEADER, "%-9s%-12s%-6s%-*s%-*s%-15s%s", "Ballot",
		     "State", "Kind", WHAT_COLS, "Next", WHEN_COLS,
		     "When (its body's time)", "", "Title");
	}
	for (rank = 0; rank <= 4; rank++)
		for (i = d->list->n; i-- > 0;)
			if (state_rank(d->list->v[i]->state) == rank)
				ballot_row(v, d, d->list->v[i], cols);
	if (!d->list->n)
		seg(line_new(v, NULL), LINE_DIM,
		    "no ballots: ':ballot new CODE --title T ...' adds one");
}

static int
ballots_select(struct view *v, void *data)
{
	(void)v;
	return data &&
	       view_push(&ballot_ops, ((struct gv_ballot *)data)->number) == 0;
}

/* The ballot a request is about: the row's in the list. */
static const char *
ballot_of(struct view *v)
{
	const struct gv_ballot *b;

	if (v->ops == &ballot_ops)
		return v->arg;
	if (!v->nlines || !(b = v->lines[v->cursor].data))
		return NULL;
	return b->number;
}

static int
ballots_request(struct view *v, enum request req)
{
	const char *number = ballot_of(v);
	char title[64];

	if (req != REQ_VOTE && req != REQ_STEP && req != REQ_VIEW_REDLINE)
		return 0;
	if (!number) {
		report("no ballot on this line");
		return 1;
	}
	if (req == REQ_VIEW_REDLINE) {
		view_push(&redline_ops, number);
		return 1;
	}
	if (req == REQ_STEP) {
		view_push(&steps_ops, number);
		return 1;
	}
	{
		const char *base[] = {"ballot", "vote", number};
		static const struct form_field fields[] = {
		        {"organisation", NULL, NULL, 0},
		        {"yes, no or abstain", NULL, NULL, 0},
		};

		snprintf(title, sizeof(title), "vote on %s", number);
		form_run(title, base, 3, fields, 2);
	}
	return 1;
}

static void
ballots_done(struct view *v)
{
	struct ballots_data *d = v->data;

	if (!d)
		return;
	gv_ballot_list_free(d->list);
	gv_deadline_list_free(d->clocks);
	free(d);
	v->data = NULL;
}

const struct view_ops ballots_ops = {
        .name = "ballots",
        .open = ballots_open,
        .layout = ballots_layout,
        .request = ballots_request,
        .select = ballots_select,
        .done = ballots_done,
};

/* ---- One ballot ---- */

struct ballot_data {
	struct gv_ballot *b;
	struct gv_body body; /* its zone: the local time beside UTC */
	struct gv_clocks clocks;
	struct gv_tally *tally;
	int64_t now;
};

static int
ballot_open(struct view *v)
{
	struct ballot_data *d = calloc(1, sizeof(*d));

	if (!d)
		abort();
	v->data = d;
	d->now = gv_db_now(v->db);
	if (gv_ballot_get(&d->b, v->db, v->arg) < 0 ||
	    gv_body_get(&d->body, v->db, d->b->body) < 0 ||
	    gv_ballot_clocks(&d->clocks, v->db, d->b, d->now) < 0 ||
	    gv_ballot_tally(&d->tally, v->db, v->arg) < 0)
		return -1;
	return 0;
}

/* One class: a bar per value, scaled to the widest, and its test. */
static void
tally_class(struct view *v, const char *name, const struct gv_class_tally *t,
            int scale)
{
	const int counts[3] = {t->yes, t->no, t->abstain};
	static const char *const values[3] = {"yes", "no", "abstain"};
	char bar[200];
	int i;

	seg(line_new(v, NULL), LINE_HEADER, name);
	for (i = 0; i < 3; i++) {
		struct line *l = line_new(v, NULL);
		int w = scale ? counts[i] * 40 / scale : 0;

		if (counts[i] && !w)
			w = 1;
		segf(l, LINE_DEFAULT, "  %-8s %3d ", values[i], counts[i]);
		seg(l,
		    i == 0   ? LINE_OK
		    : i == 1 ? LINE_BAD
		             : LINE_DIM,
		    bar_text(bar, sizeof(bar), w, MB_CUR_MAX > 1 ? "█" : "#"));
	}
	{
		struct line *l = line_new(v, NULL);
		char percent[32];

		segf(l, LINE_DEFAULT, "  test: ");
		seg(l, t->met ? LINE_OK : LINE_BAD, t->met ? "MET" : "NOT MET");
		segf(l, LINE_DIM, "  (%s%s)",
		     gv_tally_percent(percent, sizeof(percent), t),
		     t->percent_tenths < 0 ? "" : " yes of yes and no");
	}
}

static void
ballot_layout(struct view *v, size_t cols)
{
	struct ballot_data *d = v->data;
	const struct gv_ballot *b = d->b;
	const struct gv_tally *t = d->tally;
	char when[GV_TIME_BUFSZ], left[GV_TIME_BUFSZ], local[GV_LOCAL_BUFSZ];
	int scale = 1;
	struct line *l;
	size_t i;

	snprintf(v->title, sizeof(v->title), "Ballot %s: %s", b->number,
	         gv_ballot_state_label(b->state));
	line_wrap(v, NULL, LINE_TITLE, "", b->title, cols);
	l = line_new(v, NULL);
	segf(l, LINE_DEFAULT, "%s ballot of %s, proposed by %s", b->kind,
	     b->body, b->proposer ? b->proposer : "-");
	l = line_new(v, NULL);
	seg(l, LINE_DIM, "endorsed by ");
	for (i = 0; i < b->nendorsers; i++)
		segf(l, LINE_DEFAULT, "%s%s", i ? ", " : "", b->endorsers[i]);
	if (!b->nendorsers)
		seg(l, LINE_DIM, "nobody yet");
	line_blank(v);
	seg(line_new(v, NULL), LINE_HEADER, "Versions");
	for (i = 0; i < b->nversions; i++) {
		l = line_new(v, NULL);
		segf(l, LINE_DEFAULT, "  %d  %s  %s", b->versions[i].n,
		     gv_time_format(when, b->versions[i].posted_at,
		                    GV_TIME_HUMAN),
		     b->versions[i].url ? b->versions[i].url : "");
	}
	line_blank(v);
	seg(line_new(v, NULL), LINE_HEADER, "Clocks");
	for (i = 0; i < d->clocks.n; i++) {
		const struct gv_clock *c = &d->clocks.v[i];

		l = line_new(v, NULL);
		segf(l, LINE_DEFAULT, "  %-18s %s  ", c->what,
		     gv_time_format(when, c->at, GV_TIME_HUMAN));
		segf(l, LINE_DIM, "%-*s  ", TUI_LOCAL_COLS,
		     gv_time_format_local(local, c->at, d->body.tz,
		                          GV_LOCAL_WEEKDAY));
		gv_duration_format(left, sizeof(left), d->now, c->at);
		if (c->open)
			segf(l, c->at < d->now ? LINE_BAD : LINE_WARN, "%-12s",
			     left);
		else
			segf(l, LINE_DIM, "%-12s", "done");
		/* The rules when the screen has room for them (90 columns
		 * hold the longest), each whole: a cut citation misleads. */
		if (cols >= 90 && line_cols(l) + 2 + strlen(c->rule) <= cols)
			segf(l, LINE_DIM, "  %s", c->rule);
	}
	line_blank(v);
	snprintf(when, sizeof(when), "Tally: %s", t->result);
	seg(line_new(v, NULL), LINE_HEADER, when);
	if (t->issuers.yes + t->issuers.no + t->issuers.abstain > scale)
		scale = t->issuers.yes + t->issuers.no + t->issuers.abstain;
	tally_class(v, "  Certificate Issuers (two-thirds)", &t->issuers,
	            scale);
	tally_class(v, "  Certificate Consumers (majority)", &t->consumers,
	            scale);
	l = line_new(v, NULL);
	segf(l, LINE_DEFAULT, "  quorum: %d participants of %d needed (%s) ",
	     t->participants, t->quorum, t->quorum_from);
	seg(l, t->quorum_met ? LINE_OK : LINE_BAD,
	    t->quorum_met ? "MET" : "NOT MET");
	line_blank(v);
	seg(line_new(v, NULL), LINE_HEADER, "Votes");
	for (i = 0; i < t->nvotes; i++) {
		const struct gv_vote *vote = &t->votes[i];

		l = line_new(v, NULL);
		segf(l, vote->reason ? LINE_BAD : LINE_DEFAULT,
		     "  %-34s %-9s %-7s ", vote->org, vote->klass,
		     gv_vote_value_name(vote->value));
		seg(l, LINE_DIM,
		    gv_time_format(when, vote->cast_at, GV_TIME_HUMAN));
		if (vote->reason)
			segf(l, LINE_BAD, "  not counted: %s", vote->reason);
		else if (!vote->counted)
			seg(l, LINE_DIM, "  superseded");
	}
	if (!t->nvotes)
		seg(line_new(v, NULL), LINE_DIM, "  no votes");
}

static void
ballot_done(struct view *v)
{
	struct ballot_data *d = v->data;

	if (!d)
		return;
	gv_ballot_free(d->b);
	gv_body_dispose(&d->body);
	gv_tally_free(d->tally);
	free(d);
	v->data = NULL;
}

const struct view_ops ballot_ops = {
        .name = "ballot",
        .open = ballot_open,
        .layout = ballot_layout,
        .request = ballots_request,
        .done = ballot_done,
};
