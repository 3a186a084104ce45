/* SPDX-License-Identifier: MIT */
/*
 * This file implements the calendar's meeting events: each body's calls
 * as a recurring event per cadence it has had (RULES §7; the series and
 * their UIDs are core/calendar_cadences.c's) with its cancelled calls
 * excluded, the meetings held at its slots as instances of it, and every
 * other meeting as an event of its own, each with its agenda.
 *
 * UIDs: a meeting is known by its body, start and subcommittee, as every
 * copy of the record knows it (row ids are each copy's own). SEQUENCE of
 * the series and its instances counts the body's operations that change
 * them (its rules, with the cadence, and the cancellations), so it grows
 * with each change and every copy of the log gives the same number; a
 * meeting of its own only changes by being cancelled (its start is its
 * identity), so it is 1 once cancelled.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calendar_events.h"
#include "gavel/meeting.h"
#include "gavel/roster.h"
#include "gavel/schedule.h"
#include "gavel/time.h"
#include "gavel/zone.h"
#include "internal.h"

/* gavel records no end: a call is shown as the hour it usually takes. */
#define MEETING_LENGTH 3600

/* The body, the series of its calls (one per cadence it has had) and
 * their numbers. */
struct series {
	const struct gv_body *body;
	struct gv__cal_series *v;
	size_t n;
	size_t *index; /* each series' place in cal (gv__cal_add moves) */
	int64_t sequence;
};

/* Whether the series k holds m: the body's own meeting at the wall clock
 * of one of its slots, on a day its cadence meets, in its span. */
static int
series_holds(int *yes, const struct gv__cal_series *k,
             const struct gv_meeting *m)
{
	int64_t slot;
	int error;

	*yes = 0;
	if (m->starts_at < k->start || m->starts_at >= k->end)
		return 0;
	if ((error = gv_cadence_next(&slot, &k->cadence, k->tz, m->starts_at)) <
	    0)
		return error;
	*yes = slot == m->starts_at;
	return 0;
}

/* The series m is a call of (*which), or n: none. */
static int
series_slot(size_t *which, const struct series *s, const struct gv_meeting *m)
{
	int yes = 0, error;

	*which = s->n;
	if (m->subcommittee)
		return 0;
	for (size_t k = 0; k < s->n; k++) {
		if ((error = series_holds(&yes, &s->v[k], m)) < 0)
			return error;
		if (yes) {
			*which = k;
			break;
		}
	}
	return 0;
}

/* A stable piece of UID for a subcommittee's name (FNV-1a): any text
 * may be a name, a UID is better kept to letters and digits. */
static unsigned long
name_hash(const char *s)
{
	unsigned long h = 2166136261UL;

	for (; *s; s++)
		h = ((h ^ (unsigned char)*s) * 16777619UL) & 0xffffffffUL;
	return h;
}

static char *
meeting_uid(const struct gv_body *body, const struct gv_meeting *m)
{
	char when[GV_TIME_BUFSZ];

	gv__cal_uid_time(when, m->starts_at);
	if (m->subcommittee)
		return gv__xsprintf("%s-meeting-%s-sc%08lx@gavel", body->code,
		                    when, name_hash(m->subcommittee));
	return gv__xsprintf("%s-meeting-%s@gavel", body->code, when);
}

static char *
meeting_summary(const struct gv_body *body, const struct gv_meeting *m)
{
	const char *kind =
	        m->kind == GV_MEETING_F2F ? "face-to-face meeting" : "call";
	const char *cancelled =
	        strcmp(m->status, "cancelled") ? "" : "Cancelled: ";

	if (m->title)
		return gv__xsprintf("%s%s %s", cancelled, body->code, m->title);
	if (m->subcommittee)
		return gv__xsprintf("%s%s %s %s", cancelled, body->code,
		                    m->subcommittee, kind);
	return gv__xsprintf("%s%s %s", cancelled, body->code, kind);
}

/* The call details and the agenda, as a member reads them. */
static char *
meeting_description(const struct gv_body *body,
                    const struct gv_meeting_detail *d)
{
	const struct gv_meeting *m = &d->meeting;
	char spoken[GV_SPOKEN_BUFSZ], utc[GV_TIME_BUFSZ];
	struct gv_buf b = GV_BUF_INIT;

	gv__buf_printf(&b, "%s%s%s, %s\n", body->name,
	               m->subcommittee ? ", " : "",
	               m->subcommittee ? m->subcommittee : "",
	               m->kind == GV_MEETING_F2F ? "face-to-face meeting"
	                                         : "teleconference");
	gv__buf_printf(
	        &b, "%s (%s)\n",
	        gv_time_spoken(spoken, sizeof(spoken), m->starts_at, m->tz),
	        gv_time_format(utc, m->starts_at, GV_TIME_HUMAN));
	if (!strcmp(m->status, "cancelled"))
		gv__buf_printf(&b, "Cancelled%s%s.\n",
		               m->cancel_reason ? ": " : "",
		               m->cancel_reason ? m->cancel_reason : "");
	if (body->list_addr)
		gv__buf_printf(&b, "Public list: %s\n", body->list_addr);
	if (d->nitems)
		gv__buf_puts(&b, "\nAgenda\n");
	for (size_t i = 0; i < d->nitems; i++) {
		gv__buf_printf(&b, "%d. %s", d->items[i].pos,
		               d->items[i].title);
		if (d->items[i].links)
			gv__buf_printf(&b, " (%s)", d->items[i].links);
		gv__buf_putc(&b, '\n');
	}
	return gv__buf_detach(&b);
}

static int
meeting_event(struct gv__cal *cal, struct gv_db *db, struct series *s,
              const struct gv_meeting *m)
{
	struct gv_meeting_detail *d = NULL;
	struct gv__cal_event *e;
	int cancelled = !strcmp(m->status, "cancelled"), error;
	size_t k;
	char *uid;

	if ((error = series_slot(&k, s, m)) < 0 ||
	    (error = gv_meeting_get(&d, db, m->id)) < 0)
		return error;
	uid = k < s->n ? gv__xstrdup(cal->v[s->index[k]].uid)
	               : meeting_uid(s->body, m);
	e = gv__cal_add(cal, m->starts_at);
	e->instance = k < s->n;
	e->uid = uid;
	/* An instance keeps the series' zone: its RECURRENCE-ID names the
	 * slot as the series writes it. */
	e->tz = gv__xstrdup(k < s->n ? s->v[k].tz : m->tz);
	e->duration = MEETING_LENGTH;
	e->sequence = k < s->n ? s->sequence : cancelled;
	e->cancelled = cancelled;
	e->category = "meeting";
	e->summary = meeting_summary(s->body, m);
	e->description = meeting_description(s->body, d);
	if (k < s->n && cancelled) {
		struct gv__cal_event *series = &cal->v[s->index[k]];

		series->exdates = gv__xrealloc(
		        series->exdates,
		        (series->nexdates + 1) * sizeof(*series->exdates));
		series->exdates[series->nexdates++] = m->starts_at;
	}
	gv_meeting_detail_free(d);
	return 0;
}

/* What a series says: its cadence and zone, and why it ended. */
static char *
series_description(const struct gv_body *body, const struct gv__cal_series *k)
{
	char rule[160], when[GV_BOTH_BUFSZ];
	struct gv_buf b = GV_BUF_INIT;

	gv_cadence_format(rule, sizeof(rule), &k->cadence);
	gv__buf_printf(&b, "%s, teleconference\nCalls %s, %s (%s).\n",
	               body->name, rule, gv_zone_display_name(k->tz), k->tz);
	if (k->end <= k->start)
		gv__buf_puts(&b, "The cadence changed before the first of "
		                 "these calls.\n");
	else if (k->end != INT64_MAX)
		gv__buf_printf(&b,
		               "The cadence changed: these calls end before "
		               "%s.\n",
		               gv_time_format_both(when, k->end, k->tz));
	if (body->list_addr)
		gv__buf_printf(&b, "Public list: %s\n", body->list_addr);
	return gv__buf_detach(&b);
}

/* The body's calls as one recurring event per cadence it has had. */
static int
series_events(struct gv__cal *cal, struct gv_db *db, struct series *s)
{
	static const char *const changes[] = {"body.set", "meeting.cancel",
	                                      NULL};
	int error;

	if ((error = gv__cal_series_load(&s->v, &s->n, db, s->body)) < 0 ||
	    (error = gv__cal_op_count(&s->sequence, db, s->body->code,
	                              changes)) < 0)
		return error;
	s->index = gv__xcalloc(s->n ? s->n : 1, sizeof(*s->index));
	for (size_t k = 0; k < s->n; k++) {
		const struct gv__cal_series *x = &s->v[k];
		struct gv__cal_event *e;

		s->index[k] = cal->n;
		e = gv__cal_add(cal, x->start);
		e->uid = gv__xstrdup(x->uid);
		e->tz = gv__xstrdup(x->tz);
		e->duration = MEETING_LENGTH;
		e->sequence = s->sequence;
		e->weeks = x->cadence.weeks;
		/* RFC 5545 3.3.10: UNTIL is inclusive, in UTC. */
		e->until = x->end == INT64_MAX ? 0 : x->end - 1;
		e->cancelled = x->end <= x->start;
		e->category = "meeting";
		e->summary = gv__xsprintf("%s%s call",
		                          e->cancelled ? "Cancelled: " : "",
		                          s->body->code);
		e->description = series_description(s->body, x);
	}
	return 0;
}

static int
body_events(struct gv__cal *cal, struct gv_db *db, const struct gv_body *body)
{
	struct gv_meeting_filter f = {0};
	struct gv_meeting_list *list = NULL;
	struct series s = {0};
	int error;

	s.body = body;
	f.body = body->code;
	if ((error = series_events(cal, db, &s)) == 0 &&
	    (error = gv_meeting_list(&list, db, &f)) == 0)
		for (size_t i = 0; i < list->n && error == 0; i++)
			error = meeting_event(cal, db, &s, &list->v[i]);
	gv_meeting_list_free(list);
	gv__cal_series_free(s.v, s.n);
	free(s.index);
	return error;
}

int
gv__cal_meetings(struct gv__cal *cal, struct gv_db *db, const char *body)
{
	struct gv_body_list *bodies = NULL;
	int error;

	if ((error = gv_body_list(&bodies, db)) < 0)
		return error;
	for (size_t i = 0; i < bodies->n && error == 0; i++)
		if (!body || !strcasecmp(body, bodies->v[i].code))
			error = body_events(cal, db, &bodies->v[i]);
	gv_body_list_free(bodies);
	return error;
}
