/* SPDX-License-Identifier: MIT */
/*
 * This file implements the calendar's meeting events: each body's calls
 * as one recurring event (its cadence, RULES §7) with its cancelled calls
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

/* The body, its cadence and the series' numbers. */
struct series {
	const struct gv_body *body;
	struct gv_cadence cadence;
	int64_t sequence;
	int has_event; /* the body has a cadence: its series is in cal */
	size_t index;  /* the series' place in cal (gv__cal_add moves) */
};

/* Whether m is one of the series' calls: the body's own meeting at the
 * wall clock of a slot, on a day the cadence meets. */
static int
series_slot(int *yes, const struct series *s, const struct gv_meeting *m)
{
	const struct gv_cadence *c = &s->cadence;
	struct gv_local l;
	int64_t slot;
	int error;

	*yes = 0;
	if (!s->has_event || m->subcommittee)
		return 0;
	if ((error = gv_zone_from_utc(&l, s->body->tz, m->starts_at)) < 0)
		return error;
	if (l.days < c->anchor || (l.days - c->anchor) % (7 * c->weeks))
		return 0;
	if ((error = gv_zone_to_utc(&slot, s->body->tz, l.days, c->minute)) < 0)
		return error;
	*yes = slot == m->starts_at;
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
	char when[GV_TIME_BUFSZ], *p, *q;

	gv_time_format(when, m->starts_at, GV_TIME_ISO);
	/* 2025-01-29T16:00:00Z -> 20250129T160000Z */
	for (p = q = when; *p; p++)
		if (*p != '-' && *p != ':')
			*q++ = *p;
	*q = '\0';
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
	int slot, cancelled = !strcmp(m->status, "cancelled"), error;
	char *uid;

	if ((error = series_slot(&slot, s, m)) < 0 ||
	    (error = gv_meeting_get(&d, db, m->id)) < 0)
		return error;
	uid = slot ? gv__xstrdup(cal->v[s->index].uid)
	           : meeting_uid(s->body, m);
	e = gv__cal_add(cal, m->starts_at);
	e->instance = slot;
	e->uid = uid;
	/* An instance keeps the series' zone: its RECURRENCE-ID names the
	 * slot as the series writes it. */
	e->tz = gv__xstrdup(slot ? s->body->tz : m->tz);
	e->duration = MEETING_LENGTH;
	e->sequence = slot ? s->sequence : cancelled;
	e->cancelled = cancelled;
	e->category = "meeting";
	e->summary = meeting_summary(s->body, m);
	e->description = meeting_description(s->body, d);
	if (slot && cancelled) {
		struct gv__cal_event *series = &cal->v[s->index];

		series->exdates = gv__xrealloc(
		        series->exdates,
		        (series->nexdates + 1) * sizeof(*series->exdates));
		series->exdates[series->nexdates++] = m->starts_at;
	}
	gv_meeting_detail_free(d);
	return 0;
}

/* The body's calls as one recurring event, from its first slot. */
static int
series_event(struct gv__cal *cal, struct gv_db *db, struct series *s)
{
	static const char *const changes[] = {"body.set", "meeting.cancel",
	                                      NULL};
	const struct gv_body *body = s->body;
	struct gv__cal_event *e;
	char rule[160];
	struct gv_buf b = GV_BUF_INIT;
	int64_t first;
	int error;

	gv_body_cadence(&s->cadence, body);
	if (s->cadence.weeks <= 0)
		return 0;
	if ((error = gv_zone_to_utc(&first, body->tz, s->cadence.anchor,
	                            s->cadence.minute)) < 0 ||
	    (error = gv__cal_op_count(&s->sequence, db, body->code, changes)) <
	            0)
		return error;
	gv_cadence_format(rule, sizeof(rule), &s->cadence);
	s->has_event = 1;
	s->index = cal->n;
	e = gv__cal_add(cal, first);
	e->uid = gv__xsprintf("%s-calls@gavel", body->code);
	e->tz = gv__xstrdup(body->tz);
	e->duration = MEETING_LENGTH;
	e->sequence = s->sequence;
	e->weeks = s->cadence.weeks;
	e->category = "meeting";
	e->summary = gv__xsprintf("%s call", body->code);
	gv__buf_printf(&b, "%s, teleconference\nCalls %s, %s (%s).\n",
	               body->name, rule, gv_zone_display_name(body->tz),
	               body->tz);
	if (body->list_addr)
		gv__buf_printf(&b, "Public list: %s\n", body->list_addr);
	e->description = gv__buf_detach(&b);
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
	if ((error = series_event(cal, db, &s)) < 0 ||
	    (error = gv_meeting_list(&list, db, &f)) < 0)
		return error;
	for (size_t i = 0; i < list->n && error == 0; i++)
		error = meeting_event(cal, db, &s, &list->v[i]);
	gv_meeting_list_free(list);
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
