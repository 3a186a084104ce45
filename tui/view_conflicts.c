/* SPDX-License-Identifier: MIT */
/*
 * This file implements the conflicts view (issue 17, item 3): what the
 * last sync from this screen said, note by note, then every operation
 * the log keeps but did not apply, with why, as `gavel sync --conflicts`
 * lists them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "tui.h"

struct conflicts_data {
	struct gv_conflict *v;
	size_t n;
};

static int
conflicts_open(struct view *v)
{
	struct conflicts_data *d = calloc(1, sizeof(*d));

	if (!d)
		abort();
	v->data = d;
	return gv_conflicts(&d->v, &d->n, v->db) < 0 ? -1 : 0;
}

/* A line of text from elsewhere wrapped to cols, its line breaks shown
 * (^J) rather than kept, so that no reason or note passes for a row of
 * its own. */
static void
wrap_one(struct view *v, void *data, enum line_type type, const char *indent,
         const char *text, size_t cols)
{
	char *safe = gv_text_sanitize(text ? text : "", 0);

	line_wrap(v, data, type, indent, safe, cols);
	free(safe);
}

/* The summary and notes of the last sync run here. */
static void
last_sync_layout(struct view *v, size_t cols)
{
	const struct gv_sync_report *r;
	const char *text = NULL;
	char when[GV_TIME_BUFSZ];
	int64_t at = 0;
	int failed = 0;
	size_t i;

	if (!(r = sync_last(&text, &at, &failed))) {
		seg(line_new(v, NULL), LINE_HEADER, "Last sync");
		seg(line_new(v, NULL), LINE_DIM,
		    "  none from this screen yet: S syncs with every remote");
		return;
	}
	segf(line_new(v, NULL), LINE_HEADER, "Last sync, %s",
	     gv_time_format(when, at, GV_TIME_HUMAN));
	wrap_one(v, NULL, failed ? LINE_BAD : LINE_DEFAULT, "  ", text, cols);
	if (r->replayed)
		line_wrap(v, NULL, LINE_DEFAULT, "  ",
		          "some came from before what was here: the log was "
		          "applied again, in its order",
		          cols);
	for (i = 0; i < r->nnotes; i++)
		wrap_one(v, NULL, LINE_WARN, "    ", r->notes[i], cols);
}

/* One operation: who did what, where and when, then why it stands
 * unapplied, wrapped. */
static void
conflict_layout(struct view *v, const struct gv_conflict *c, size_t cols)
{
	char when[GV_TIME_BUFSZ], tail[GV_TIME_BUFSZ + 80];
	struct line *l = line_new(v, (void *)c);

	segf(l, LINE_DIM, "  %.10s ", c->id);
	seg(l, strcmp(c->status, "unknown") ? LINE_BAD : LINE_WARN, c->status);
	segf(l, LINE_DEFAULT, " %s by ", c->kind);
	seg(l, LINE_TITLE, c->actor);
	segf(l, LINE_DEFAULT, " in %s", c->part);
	snprintf(tail, sizeof(tail), " at %s (from %s)",
	         gv_time_format(when, c->at, GV_TIME_HUMAN), c->source);
	if (line_cols(l) + strlen(tail) > cols) {
		l = line_new(v, (void *)c);
		seg(l, LINE_DEFAULT, "     ");
	}
	seg(l, LINE_DIM, tail);
	wrap_one(v, (void *)c, LINE_DEFAULT, "      ", c->reason, cols);
}

static void
conflicts_layout(struct view *v, size_t cols)
{
	struct conflicts_data *d = v->data;
	size_t i;

	snprintf(v->title, sizeof(v->title),
	         "Sync: %zu operation%s kept but not applied", d->n,
	         d->n == 1 ? "" : "s");
	last_sync_layout(v, cols);
	line_blank(v);
	seg(line_new(v, NULL), LINE_HEADER,
	    "Kept in the log, not applied, in the log's order");
	for (i = 0; i < d->n; i++)
		conflict_layout(v, &d->v[i], cols);
	if (!d->n) {
		seg(line_new(v, NULL), LINE_DIM,
		    "  none: every operation in the log is applied");
		return;
	}
	line_blank(v);
	line_wrap(v, NULL, LINE_DIM, "  ",
	          "Each is kept in the log. Settle one with a new change (a "
	          "vote, a step) if it is still wanted.",
	          cols);
}

static void
conflicts_done(struct view *v)
{
	struct conflicts_data *d = v->data;

	if (!d)
		return;
	gv_conflicts_free(d->v, d->n);
	free(d);
	v->data = NULL;
}

const struct view_ops conflicts_ops = {
        .name = "conflicts",
        .open = conflicts_open,
        .layout = conflicts_layout,
        .done = conflicts_done,
};
