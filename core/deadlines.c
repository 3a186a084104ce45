/* SPDX-License-Identifier: MIT */
/*
 * This file implements the deadline list: the open clocks of every ballot,
 * from the one deadline function, and every body's next call.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ballot_internal.h"
#include "db.h"
#include "gavel/ballot.h"
#include "gavel/deadlines.h"
#include "gavel/meeting.h"
#include "gavel/roster.h"

/* Adds a deadline; the caller sets its clock and meeting when it has
 * them. */
static struct gv_deadline *
add(struct gv_deadline_list *l, size_t *alloc, int64_t at, const char *subject,
    const char *title, const char *what, const char *rule, const char *state,
    const char *tz, int64_t now)
{
	struct gv_deadline *d;

	l->v = gv__grow(l->v, alloc, l->n, sizeof(*l->v));
	d = &l->v[l->n++];
	d->clock = -1;
	d->meeting = -1;
	d->at = at;
	d->subject = gv__xstrdup(subject);
	d->title = gv__xstrdup(title);
	d->what = what;
	d->rule = rule;
	d->state = state ? gv__xstrdup(state) : NULL;
	d->tz = gv__xstrdup(tz ? tz : "UTC");
	d->overdue = at < now;
	return d;
}

static int
by_time(const void *a, const void *b)
{
	const struct gv_deadline *x = a, *y = b;

	if (x->overdue != y->overdue)
		return x->overdue ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* The zone of the body with code, or NULL. */
static const char *
body_tz(const struct gv_body_list *bodies, const char *code)
{
	size_t i;

	for (i = 0; i < bodies->n; i++)
		if (!strcasecmp(bodies->v[i].code, code))
			return bodies->v[i].tz;
	return NULL;
}

/* The open clocks of the ballots that may have one (every ballot's, when
 * every is set): a decided ballot is left out by the query, not by
 * computing its clocks; one whose IPR review or its duties still run is
 * not decided (RULES §4). */
static int
add_ballots(struct gv_deadline_list *l, size_t *alloc, struct gv_db *db,
            const struct gv_body_list *bodies, const char *body, int64_t now,
            int every)
{
	struct gv_ballot_list *ballots = NULL;
	struct gv_clocks clocks;
	size_t i, j;
	int error;

	if ((error = every ? gv_ballot_list(&ballots, db, body)
	                   : gv_ballot_list_live(&ballots, db, body)) < 0)
		return error;
	for (i = 0; i < ballots->n && error == 0; i++) {
		const struct gv_ballot *b = ballots->v[i];

		if ((error = gv_ballot_clocks(&clocks, db, b, now)) < 0)
			break;
		for (j = 0; j < clocks.n; j++)
			if (clocks.v[j].open)
				add(l, alloc, clocks.v[j].at, b->number,
				    b->title, clocks.v[j].what,
				    clocks.v[j].rule,
				    gv_ballot_state_name(b->state),
				    body_tz(bodies, b->body), now)
				        ->clock = (int)clocks.v[j].kind;
	}
	gv_ballot_list_free(ballots);
	return error;
}

static void
add_calls(struct gv_deadline_list *l, size_t *alloc, struct gv_db *db,
          const struct gv_body_list *bodies, const char *body, int64_t now)
{
	int64_t when, id;
	size_t i;

	for (i = 0; i < bodies->n; i++) {
		if (body && strcasecmp(body, bodies->v[i].code))
			continue;
		if (gv_meeting_next(&when, &id, db, bodies->v[i].code, now) ==
		    0)
			add(l, alloc, when, bodies->v[i].code,
			    bodies->v[i].name, "next call", "", NULL,
			    bodies->v[i].tz, now)
			        ->meeting = id;
	}
}

/* Frees what one deadline owns. */
static void
deadline_dispose(struct gv_deadline *d)
{
	free(d->subject);
	free(d->title);
	free(d->state);
	free(d->tz);
}

int
gv__deadlines(struct gv_deadline_list **out, struct gv_db *db, const char *body,
              int within_days, int every_ballot)
{
	struct gv_deadline_list *l = gv__xcalloc(1, sizeof(*l));
	struct gv_body_list *bodies = NULL;
	int64_t now = gv_db_now(db);
	size_t alloc = 0, i, kept = 0;
	int error;

	*out = NULL;
	if ((error = gv_body_list(&bodies, db)) < 0 ||
	    (error = add_ballots(l, &alloc, db, bodies, body, now,
	                         every_ballot)) < 0) {
		gv_body_list_free(bodies);
		gv_deadline_list_free(l);
		return error;
	}
	add_calls(l, &alloc, db, bodies, body, now);
	gv_body_list_free(bodies);
	if (l->n > 1) /* qsort's base may not be NULL, even for 0 items */
		qsort(l->v, l->n, sizeof(*l->v), by_time);
	for (i = 0; i < l->n; i++) {
		if (within_days > 0 && !l->v[i].overdue &&
		    l->v[i].at > now + (int64_t)within_days * 86400) {
			deadline_dispose(&l->v[i]);
			continue;
		}
		l->v[kept++] = l->v[i];
	}
	l->n = kept;
	*out = l;
	return 0;
}

int
gv_deadlines(struct gv_deadline_list **out, struct gv_db *db, const char *body,
             int within_days)
{
	return gv__deadlines(out, db, body, within_days, 0);
}

void
gv_deadline_list_free(struct gv_deadline_list *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++)
		deadline_dispose(&l->v[i]);
	free(l->v);
	free(l);
}

const struct gv_deadline *
gv_deadline_next(const struct gv_deadline_list *l, const char *subject)
{
	size_t i;

	/* The list is in gv_deadlines' order: the first match is next. */
	for (i = 0; l && i < l->n; i++)
		if (!strcmp(l->v[i].subject, subject))
			return &l->v[i];
	return NULL;
}
