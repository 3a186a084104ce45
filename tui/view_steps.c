/* SPDX-License-Identifier: MIT */
/*
 * This file implements acting on a ballot (`s`, issue 20, item 9): the
 * steps of its lifecycle its state allows now, each taken with Enter
 * after a question that quotes the command, and for every other step
 * what it waits for, from when, or why it cannot come. The answers are
 * the lifecycle's own: core asks each step of its guards
 * (gv_ballot_check_steps), nothing here knows a rule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "tui.h"

/* What a step does, and its words when a clock stands in the way. */
static const struct {
	const char *does, *can;
} step_words[GV_STEP_COUNT] = {
        [GV_STEP_DISCUSS] = {"post the proposal: its discussion opens",
                             "discussion can open"},
        [GV_STEP_OPEN_VOTE] = {"open voting", "voting can open"},
        [GV_STEP_CLOSE] = {"announce the results: the tally is fixed",
                           "the results can be announced"},
        [GV_STEP_REVIEW] = {"send the IPR Review Notice: the review opens",
                            "the review can open"},
        [GV_STEP_WITHDRAW] = {"withdraw it during voting",
                              "it can be withdrawn"},
        [GV_STEP_CANCEL] = {"cancel it before voting", "it can be cancelled"},
};

struct steps_data {
	struct gv_ballot *b;
	struct gv_body body; /* its zone, for the dates */
	struct gv_step_checks checks;
	int64_t now;
};

static int
steps_open(struct view *v)
{
	struct steps_data *d = calloc(1, sizeof(*d));

	if (!d)
		abort();
	v->data = d;
	d->now = gv_db_now(v->db);
	if (gv_ballot_get(&d->b, v->db, v->arg) < 0 ||
	    gv_body_get(&d->body, v->db, d->b->body) < 0 ||
	    gv_ballot_check_steps(&d->checks, v->db, d->b->number, d->now) < 0)
		return -1;
	return 0;
}

/* "voting can open 2025-01-29 12:00 EST (in 10 d 19 h): discussion ends
 * then (BYL 2.3(3))", or the step's own refusal. */
static void
waits_for(char *buf, size_t n, const struct steps_data *d,
          const struct gv_step_check *c)
{
	char local[GV_LOCAL_BUFSZ], left[GV_TIME_BUFSZ];

	if (c->from < 0) {
		snprintf(buf, n, "%s", c->why ? c->why : "");
		return;
	}
	snprintf(
	        buf, n, "%s %s (%s): %s then (%s)", step_words[c->step].can,
	        gv_time_format_local(local, c->from, d->body.tz, GV_LOCAL_FULL),
	        gv_duration_format(left, sizeof(left), d->now, c->from),
	        c->clock, c->rule);
}

static void
step_row(struct view *v, const struct steps_data *d,
         const struct gv_step_check *c, size_t cols)
{
	char lead[32], text[1024], cmd[128];

	snprintf(lead, sizeof(lead), "  %-10s ", gv_ballot_step_name(c->step));
	if (c->allowed) {
		snprintf(cmd, sizeof(cmd), "gavel ballot %s %s",
		         gv_ballot_step_name(c->step), d->b->number);
		snprintf(text, sizeof(text), "%s: %s", step_words[c->step].does,
		         cmd);
		line_wrap_hanging(v, (void *)c, LINE_TITLE, lead, LINE_DEFAULT,
		                  text, cols);
		return;
	}
	waits_for(text, sizeof(text), d, c);
	line_wrap_hanging(v, (void *)c, LINE_DIM, lead,
	                  c->from >= 0 ? LINE_WARN : LINE_DIM, text, cols);
}

static void
steps_layout(struct view *v, size_t cols)
{
	struct steps_data *d = v->data;
	size_t i, allowed = 0;

	snprintf(v->title, sizeof(v->title), "Act on %s: %s", d->b->number,
	         gv_ballot_state_label(d->b->state));
	line_wrap(v, NULL, LINE_DEFAULT, "", d->b->title, cols);
	line_blank(v);
	seg(line_new(v, NULL), LINE_HEADER, "Now (Enter takes it, after y)");
	for (i = 0; i < d->checks.n; i++)
		if (d->checks.v[i].allowed) {
			step_row(v, d, &d->checks.v[i], cols);
			allowed++;
		}
	if (!allowed)
		seg(line_new(v, NULL), LINE_DIM,
		    "  nothing: no step of its lifecycle can be taken now");
	line_blank(v);
	seg(line_new(v, NULL), LINE_HEADER, "Not now");
	for (i = 0; i < d->checks.n; i++)
		if (!d->checks.v[i].allowed)
			step_row(v, d, &d->checks.v[i], cols);
	/* The cursor starts on the first step that can be taken. */
	for (i = 0; i < v->nlines && !v->cursor; i++)
		if (v->lines[i].data &&
		    ((const struct gv_step_check *)v->lines[i].data)->allowed)
			v->cursor = i;
}

static int
steps_select(struct view *v, void *data)
{
	struct steps_data *d = v->data;
	const struct gv_step_check *c = data;
	char why[1024];

	if (!c)
		return 0;
	if (!c->allowed) {
		waits_for(why, sizeof(why), d, c);
		report_error("%s: %s", gv_ballot_step_name(c->step), why);
		return 1;
	}
	{
		char number[32];
		char *argv[] = {(char *)"ballot",
		                (char *)gv_ballot_step_name(c->step), number};

		snprintf(number, sizeof(number), "%s", d->b->number);
		tui_exec(3, argv);
	}
	return 1;
}

static void
steps_done(struct view *v)
{
	struct steps_data *d = v->data;

	if (!d)
		return;
	gv_step_checks_dispose(&d->checks);
	gv_ballot_free(d->b);
	gv_body_dispose(&d->body);
	free(d);
	v->data = NULL;
}

const struct view_ops steps_ops = {
        .name = "steps",
        .open = steps_open,
        .layout = steps_layout,
        .select = steps_select,
        .done = steps_done,
};
