/* SPDX-License-Identifier: MIT */
/*
 * This file implements the timeline: each ballot as a bar on a date axis
 * (discussion, voting and IPR review in their own colours, adoption
 * marked), the meetings as ticks, and a line for today. h and l move in
 * time, z zooms between a day and a week per column, x writes what is in
 * view as a calendar file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "tui.h"

#define LABEL 10
#define DAY   86400

struct timeline {
	struct gv_ballot_list *ballots;
	struct gv_meeting_list *meetings;
	int64_t now;
	int days_per_col; /* 1 (weeks) or 7 (months) */
	int shift;        /* columns moved from today's place */
	int64_t from, to; /* the instants in view, [from, to) */
};

static int
timeline_open(struct view *v)
{
	struct timeline *t = calloc(1, sizeof(*t));
	struct gv_meeting_filter f = {0};

	if (!t)
		abort();
	v->data = t;
	t->now = gv_db_now(v->db);
	t->days_per_col = 1;
	if (gv_ballot_list(&t->ballots, v->db, NULL) < 0 ||
	    gv_meeting_list(&t->meetings, v->db, &f) < 0)
		return -1;
	return 0;
}

/* What a ballot is doing during [from, to): its period's line type. A
 * review not begun as of now is not drawn (the clock may be set back). */
static enum line_type
period(const struct gv_ballot *b, int64_t from, int64_t to, int64_t now)
{
	if (b->review_starts_at >= 0 && b->review_starts_at <= now &&
	    b->review_ends_at >= 0 && from < b->review_ends_at &&
	    to > b->review_starts_at)
		return LINE_REVIEW;
	if (b->vote_starts_at >= 0 && b->vote_ends_at >= 0 &&
	    from < b->vote_ends_at && to > b->vote_starts_at)
		return LINE_VOTE;
	/* From the proposal (a new version restarts the clock, not the
	 * period) to the earliest vote. */
	if (b->discussion_start >= 0 && from < b->discussion_end &&
	    to > b->proposed_at)
		return LINE_DISCUSS;
	return LINE_DEFAULT;
}

/* The row of one ballot: cells grouped into segments of one type. */
static void
ballot_row(struct view *v, const struct timeline *t, const struct gv_ballot *b,
           int64_t origin, size_t ncols)
{
	int64_t span = (int64_t)t->days_per_col * DAY;
	struct line *l = line_new(v, (void *)b);
	char cells[1024];
	enum line_type run = LINE_DEFAULT;
	/* Adopted when its IPR review ended (a ballot without one: at its
	 * results). */
	int64_t adopted = b->state != GV_BALLOT_ADOPTED ? -1
	                  : b->review_ends_at >= 0      ? b->review_ends_at
	                                                : b->results_at;
	size_t c, used = 0;
	int any = 0;

	segf(l, LINE_TITLE, "%-*.*s", LABEL, LABEL - 1, b->number);
	for (c = 0; c <= ncols; c++) {
		int64_t from = origin + (int64_t)c * span;
		enum line_type type =
		        c < ncols ? period(b, from, from + span, t->now)
		                  : LINE_TYPES;
		const char *cell = type == LINE_DISCUSS  ? "-"
		                   : type == LINE_VOTE   ? "="
		                   : type == LINE_REVIEW ? "~"
		                                         : " ";

		if (c < ncols && adopted >= 0 && adopted >= from &&
		    adopted < from + span)
			type = LINE_OK, cell = "*";
		else if (c < ncols && t->now >= from && t->now < from + span)
			type = LINE_TODAY, cell = "|";
		if (c && (type != run || used + 4 >= sizeof(cells))) {
			cells[used] = '\0';
			seg(l, run, cells);
			used = 0;
		}
		if (c == ncols)
			break;
		any |= type != LINE_DEFAULT && type != LINE_TODAY;
		run = type;
		memcpy(cells + used, cell, strlen(cell));
		used += strlen(cell);
	}
	if (!any) /* nothing in view: say where it is */
		segf(l, LINE_DIM, " %s", gv_ballot_state_name(b->state));
}

static void
timeline_layout(struct view *v, size_t cols)
{
	struct timeline *t = v->data;
	size_t ncols = cols > LABEL + 2 ? cols - LABEL - 1 : 10, c, i;
	int64_t span = (int64_t)t->days_per_col * DAY;
	int64_t today = t->now - t->now % DAY;
	int64_t origin =
	        today - (int64_t)(ncols / 3) * span + (int64_t)t->shift * span;
	char axis[1024], ticks[1024], date[GV_TIME_BUFSZ];
	struct line *l;

	if (ncols > sizeof(axis) - 16)
		ncols = sizeof(axis) - 16;
	t->from = origin;
	t->to = origin + (int64_t)ncols * span;
	snprintf(v->title, sizeof(v->title), "Timeline: %s per column",
	         t->days_per_col == 1 ? "a day" : "a week");
	/* The axis: a date every 10 columns. */
	memset(axis, ' ', ncols);
	axis[ncols] = '\0';
	for (c = 0; c + 10 <= ncols; c += 10) {
		gv_time_format(date, origin + (int64_t)c * span, GV_TIME_DATE);
		memcpy(axis + c, date + 5, 5); /* MM-DD */
	}
	l = line_new(v, NULL);
	segf(l, LINE_DIM, "%-*s", LABEL, "");
	seg(l, LINE_HEADER, axis);
	/* The meetings as ticks. */
	memset(ticks, ' ', ncols);
	ticks[ncols] = '\0';
	for (i = 0; i < t->meetings->n; i++) {
		const struct gv_meeting *m = &t->meetings->v[i];
		int64_t col = (m->starts_at - origin) / span;

		if (m->starts_at >= origin && col < (int64_t)ncols)
			ticks[col] = strcmp(m->status, "cancelled") ? '|' : 'x';
	}
	l = line_new(v, NULL);
	segf(l, LINE_DIM, "%-*s", LABEL, "meetings");
	seg(l, LINE_WARN, ticks);
	for (i = t->ballots->n; i-- > 0;)
		ballot_row(v, t, t->ballots->v[i], origin, ncols);
	line_blank(v);
	l = line_new(v, NULL);
	seg(l, LINE_DISCUSS, "--- discussion");
	seg(l, LINE_DEFAULT, "  ");
	seg(l, LINE_VOTE, "=== voting");
	seg(l, LINE_DEFAULT, "  ");
	seg(l, LINE_REVIEW, "~~~ IPR review");
	seg(l, LINE_OK, "  * adopted");
	seg(l, LINE_TODAY, "  | today");
}

/* Writes the clocks and meetings in view to a file the user names. */
static void
timeline_export(struct view *v, const struct timeline *t)
{
	struct gv_calendar_spec spec = {0};
	char from[GV_TIME_BUFSZ], to[GV_TIME_BUFSZ];
	const char *path = prompt_input("calendar file: ", "timeline.ics");
	size_t n = 0;

	if (!path || !*path)
		return;
	spec.from = t->from;
	spec.to = t->to;
	if (gv_calendar_save(&n, v->db, &spec, path) < 0) {
		report_error("cannot export the timeline: %s",
		             gv_error_last()->message);
		return;
	}
	gv_time_format(from, t->from, GV_TIME_DATE);
	gv_time_format(to, t->to - 1, GV_TIME_DATE);
	report("%zu events from %s to %s written to %s", n, from, to, path);
}

static int
timeline_request(struct view *v, enum request req)
{
	struct timeline *t = v->data;

	switch (req) {
	case REQ_EXPORT:
		timeline_export(v, t);
		return 1;
	case REQ_SCROLL_LEFT:
		t->shift -= 7;
		break;
	case REQ_SCROLL_RIGHT:
		t->shift += 7;
		break;
	case REQ_ZOOM:
		t->days_per_col = t->days_per_col == 1 ? 7 : 1;
		t->shift = 0;
		break;
	default:
		return 0;
	}
	view_relayout(v, v->cols);
	return 1;
}

static int
timeline_select(struct view *v, void *data)
{
	(void)v;
	return data &&
	       view_push(&ballot_ops, ((struct gv_ballot *)data)->number) == 0;
}

static void
timeline_done(struct view *v)
{
	struct timeline *t = v->data;

	if (!t)
		return;
	gv_ballot_list_free(t->ballots);
	gv_meeting_list_free(t->meetings);
	free(t);
	v->data = NULL;
}

const struct view_ops timeline_ops = {
        .name = "timeline",
        .open = timeline_open,
        .layout = timeline_layout,
        .request = timeline_request,
        .select = timeline_select,
        .done = timeline_done,
};
