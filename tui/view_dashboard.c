/* SPDX-License-Identifier: MIT */
/*
 * This file implements the dashboard, the start screen: how this copy
 * stands with the group's remotes, every open clock soonest first with its
 * countdown (overdue in red), then the ballots in voting with their live
 * tally. Enter opens the ballot, the meeting or the conflicts view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "tui.h"

struct dashboard {
	struct gv_deadline_list *clocks;
	struct gv_ballot_list *ballots;
	struct gv_tally **tallies; /* per ballot; NULL when not voting */
	struct gv_sync_state sync;
	struct gv_remote *remotes;
	size_t nremotes;
	int64_t now;
};

static int
dashboard_open(struct view *v)
{
	struct dashboard *d = calloc(1, sizeof(*d));
	size_t i;

	if (!d)
		abort();
	v->data = d;
	d->now = gv_db_now(v->db);
	if (gv_sync_state(&d->sync, v->db) < 0 ||
	    gv_remote_list(&d->remotes, &d->nremotes, v->db, NULL) < 0 ||
	    gv_deadlines(&d->clocks, v->db, NULL, 0) < 0 ||
	    gv_ballot_list_live(&d->ballots, v->db, NULL) < 0)
		return -1;
	d->tallies = calloc(d->ballots->n + 1, sizeof(*d->tallies));
	if (!d->tallies)
		abort();
	for (i = 0; i < d->ballots->n; i++)
		if (d->ballots->v[i]->state == GV_BALLOT_VOTING &&
		    gv_ballot_tally(&d->tallies[i], v->db,
		                    d->ballots->v[i]->number) < 0)
			return -1;
	return 0;
}

static void
class_segs(struct line *l, const char *name, const struct gv_class_tally *t)
{
	segf(l, LINE_DEFAULT, "  %s %d yes %d no %d abstain ", name, t->yes,
	     t->no, t->abstain);
	seg(l, t->met ? LINE_OK : LINE_BAD, t->met ? "MET" : "NOT MET");
}

/* "5 min ago" for a time before now (gv_duration_format words it "in
 * 5 min" seen from then), "just now" within the minute. */
static const char *
ago(char *buf, size_t n, int64_t now, int64_t t)
{
	size_t len;

	if (now - t < 60)
		return "just now";
	gv_duration_format(buf, n, t, now);
	len = strlen(buf);
	snprintf(buf + len, n - len, " ago");
	return strncmp(buf, "in ", 3) ? buf : buf + 3;
}

/* How this copy stands with the group (issue 17, item 5): the last sync,
 * operations received and sent, those not sent yet (and those kept until
 * the user is chosen), those not applied, and each remote whose last
 * sync failed, with why. */
static void
sync_layout(struct view *v, const struct dashboard *d, size_t cols)
{
	const struct gv_sync_state *s = &d->sync;
	char when[GV_TIME_BUFSZ], buf[GV_TIME_BUFSZ + 8];
	struct line *l;
	size_t i;

	seg(line_new(v, NULL), LINE_HEADER, "Sync with the group");
	l = line_new(v, (void *)s);
	if (!s->remotes) {
		seg(l, LINE_DIM,
		    "  not shared: gavel remote add NAME URL, then S syncs");
		return;
	}
	if (s->synced_at < 0) {
		seg(l, LINE_WARN, "  never synced (S syncs)");
	} else {
		seg(l, LINE_DEFAULT, "  synced");
		/* A clock set back (--now) before the sync: no "ago". */
		if (s->synced_at <= d->now)
			segf(l, LINE_DEFAULT, " %s",
			     ago(buf, sizeof(buf), d->now, s->synced_at));
		segf(l, LINE_DIM, " (%s)",
		     gv_time_format(when, s->synced_at, GV_TIME_HUMAN));
	}
	if (cols < 90)
		l = line_new(v, (void *)s);
	segf(l, LINE_DEFAULT, "  in %lld  out %lld  ", (long long)s->ops_in,
	     (long long)s->ops_out);
	segf(l, s->unsent ? LINE_WARN : LINE_OK, "not sent %zu  ", s->unsent);
	segf(l, s->conflicts ? LINE_BAD : LINE_OK, "conflicts %zu",
	     s->conflicts);
	if (s->conflicts)
		seg(l, LINE_DIM, " (C lists them)");
	if (s->held)
		segf(line_new(v, (void *)s), LINE_WARN,
		     "  %zu kept here until you choose who you are: gavel "
		     "config user PERSON",
		     s->held);
	for (i = 0; i < d->nremotes; i++) {
		const struct gv_remote *r = &d->remotes[i];
		char *why;
		size_t used;

		if (!r->error)
			continue;
		l = line_new(v, (void *)s);
		segf(l, LINE_BAD, "  ! %s: last sync failed: ", r->name);
		used = line_cols(l);
		why = text_fit(r->error, cols > used + 10 ? cols - used : 10,
		               0);
		seg(l, LINE_BAD, why);
		free(why);
	}
}

static void
dashboard_layout(struct view *v, size_t cols)
{
	struct dashboard *d = v->data;
	char when[GV_TIME_BUFSZ], left[GV_TIME_BUFSZ], local[GV_LOCAL_BUFSZ];
	size_t i, voting = 0;
	struct line *l;

	snprintf(v->title, sizeof(v->title), "Dashboard, as of %s",
	         gv_time_format(when, d->now, GV_TIME_HUMAN));
	sync_layout(v, d, cols);
	line_blank(v);
	seg(line_new(v, NULL), LINE_HEADER, "Open clocks, soonest first");
	for (i = 0; d->clocks && i < d->clocks->n; i++) {
		const struct gv_deadline *c = &d->clocks->v[i];
		int64_t in = c->at - d->now;
		size_t used;
		char *title;

		l = line_new(v, (void *)c);
		gv_duration_format(left, sizeof(left), d->now, c->at);
		segf(l, LINE_DEFAULT, "  %-8s %-22s ", c->subject, c->what);
		/* The date always (issue 20, item 8): from 90 columns in UTC
		 * and the body's wall clock, narrower in the body's time
		 * alone; then the countdown, the rule and the title. */
		if (cols >= 90) {
			seg(l, LINE_DIM,
			    gv_time_format(when, c->at, GV_TIME_HUMAN));
			segf(l, LINE_DEFAULT, "  %-*s  ", TUI_LOCAL_COLS,
			     gv_time_format_local(local, c->at, c->tz,
			                          GV_LOCAL_WEEKDAY));
		} else {
			segf(l, LINE_DEFAULT, "%-20s  ",
			     gv_time_format_local(local, c->at, c->tz,
			                          GV_LOCAL_FULL));
		}
		/* The countdown whole or not at all: cut, "in 13 d 22 h"
		 * would read "in 1". */
		if (line_cols(l) + strlen(left) <= (size_t)cols)
			segf(l,
			     c->overdue       ? LINE_BAD
			     : in < 3 * 86400 ? LINE_WARN
			                      : LINE_OK,
			     "%-14s", left);
		used = line_cols(l);
		/* The rule whole ("BYL 2.3(8), 2.4(4)"), then the title. */
		if (cols >= 90 && used + 20 <= cols)
			segf(l, LINE_DIM, "%-20s", c->rule);
		if (cols >= 90 && used + 20 + 10 <= cols) {
			title = text_fit(c->title, cols - used - 20, 1);
			seg(l, LINE_DEFAULT, title);
			free(title);
		}
	}
	if (!d->clocks || !d->clocks->n)
		seg(line_new(v, NULL), LINE_DIM, "  no open clocks");
	line_blank(v);
	seg(line_new(v, NULL), LINE_HEADER, "Ballots in voting, live tally");
	for (i = 0; i < d->ballots->n; i++) {
		const struct gv_tally *t = d->tallies[i];

		if (!t)
			continue;
		voting++;
		l = line_new(v, d->ballots->v[i]);
		segf(l, LINE_TITLE, "  %s ", d->ballots->v[i]->number);
		seg(l, LINE_DEFAULT, d->ballots->v[i]->title);
		l = line_new(v, d->ballots->v[i]);
		class_segs(l, "issuers", &t->issuers);
		if (cols < 100)
			l = line_new(v, d->ballots->v[i]);
		class_segs(l, "consumers", &t->consumers);
		if (cols < 100)
			l = line_new(v, d->ballots->v[i]);
		segf(l, LINE_DEFAULT, "  quorum %d of %d ", t->participants,
		     t->quorum);
		seg(l, t->quorum_met ? LINE_OK : LINE_BAD,
		    t->quorum_met ? "MET" : "NOT MET");
	}
	if (!voting)
		seg(line_new(v, NULL), LINE_DIM, "  none in voting");
}

static int
dashboard_select(struct view *v, void *data)
{
	struct dashboard *d = v->data;
	size_t i;

	if (!data)
		return 0;
	if (data == &d->sync)
		return view_push(&conflicts_ops, NULL) == 0;
	for (i = 0; i < d->ballots->n; i++)
		if (data == d->ballots->v[i])
			return view_push(&ballot_ops,
			                 d->ballots->v[i]->number) == 0;
	/* A clock: its ballot, or the body's meetings for the next call. */
	{
		const struct gv_deadline *c = data;

		if (c->state)
			return view_push(&ballot_ops, c->subject) == 0;
		return view_push(&meetings_ops, NULL) == 0;
	}
}

static void
dashboard_done(struct view *v)
{
	struct dashboard *d = v->data;
	size_t i;

	if (!d)
		return;
	for (i = 0; d->ballots && d->tallies && i < d->ballots->n; i++)
		gv_tally_free(d->tallies[i]);
	free(d->tallies);
	gv_remote_list_free(d->remotes, d->nremotes);
	gv_ballot_list_free(d->ballots);
	gv_deadline_list_free(d->clocks);
	free(d);
	v->data = NULL;
}

const struct view_ops dashboard_ops = {
        .name = "dashboard",
        .open = dashboard_open,
        .layout = dashboard_layout,
        .select = dashboard_select,
        .done = dashboard_done,
};
