/* SPDX-License-Identifier: MIT */
/*
 * This file implements the meeting views: the list (held, no roll call,
 * cancelled, scheduled), and one meeting with its agenda and notes,
 * attendance by organisation and class (`t` toggles a representative
 * present or absent during a live call), and a preview of its minutes from
 * the template (or why it has none).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "tui.h"

/* Each body's next call, and every meeting. */
struct meetings_data {
	struct gv_meeting_list *list;
	struct gv_body_list *bodies;
	int64_t *next, *next_id; /* per body: its next call, or -1 */
	int64_t now;
};

static int
meetings_open(struct view *v)
{
	struct meetings_data *d = calloc(1, sizeof(*d));
	struct gv_meeting_filter f = {0};
	size_t i;

	if (!d)
		abort();
	v->data = d;
	d->now = gv_db_now(v->db);
	if (gv_meeting_list(&d->list, v->db, &f) < 0 ||
	    gv_body_list(&d->bodies, v->db) < 0)
		return -1;
	d->next = calloc(d->bodies->n + 1, sizeof(*d->next));
	d->next_id = calloc(d->bodies->n + 1, sizeof(*d->next_id));
	if (!d->next || !d->next_id)
		abort();
	for (i = 0; i < d->bodies->n; i++) {
		d->next[i] = d->next_id[i] = -1;
		/* A body without calls scheduled or a cadence has none. */
		if (gv_meeting_next(&d->next[i], &d->next_id[i], v->db,
		                    d->bodies->v[i].code, d->now) < 0)
			d->next[i] = -1;
	}
	return 0;
}

/* What became of a meeting's minutes (RULES §4: drafts become final
 * three weeks on unless a meeting approves them sooner). */
static void
minutes_text(char *buf, size_t n, const struct gv_meeting *m)
{
	char local[GV_LOCAL_BUFSZ];

	switch (m->minutes) {
	case GV_MINUTES_DRAFT:
		if (m->minutes_final_at >= 0)
			snprintf(buf, n, "draft, final %.10s",
			         gv_time_format_local(local,
			                              m->minutes_final_at,
			                              m->tz, GV_LOCAL_FULL));
		else
			snprintf(buf, n, "draft");
		break;
	case GV_MINUTES_APPROVED:
		snprintf(buf, n, "approved at meeting %lld",
		         (long long)m->approved_in);
		break;
	case GV_MINUTES_FINAL:
		snprintf(buf, n, "final since %.10s",
		         gv_time_format_local(local, m->minutes_final_at, m->tz,
		                              GV_LOCAL_FULL));
		break;
	default:
		buf[0] = '\0';
	}
}

/* Each body's next call, in its time, with the countdown. */
static void
next_calls(struct view *v, const struct meetings_data *d)
{
	char local[GV_LOCAL_BUFSZ], left[GV_TIME_BUFSZ];
	size_t i;

	for (i = 0; i < d->bodies->n; i++) {
		struct line *l;

		if (d->next[i] < 0)
			continue;
		l = line_new(v, NULL);
		segf(l, LINE_HEADER, "Next call of %s: ", d->bodies->v[i].code);
		segf(l, LINE_DEFAULT, "%s ",
		     gv_time_format_local(local, d->next[i], d->bodies->v[i].tz,
		                          GV_LOCAL_FULL));
		segf(l, LINE_OK, "%s",
		     gv_duration_format(left, sizeof(left), d->now,
		                        d->next[i]));
		if (d->next_id[i] >= 0)
			segf(l, LINE_DIM, ", meeting %lld",
			     (long long)d->next_id[i]);
		else
			seg(l, LINE_DIM, ", from the cadence");
	}
}

/*
 * One meeting: id, body, when (from 100 columns in UTC and its own wall
 * clock, narrower in its own time alone), kind, status, what became of
 * its minutes, who came and its title (issue 20, item 8).
 */
static void
meeting_row(struct view *v, const struct gv_meeting *m, size_t cols)
{
	char when[GV_TIME_BUFSZ], local[GV_LOCAL_BUFSZ], minutes[96];
	char tail[300];
	struct line *row = line_new(v, (void *)m);
	size_t used;
	char *rest;

	segf(row, LINE_TITLE, "%4lld  ", (long long)m->id);
	segf(row, LINE_DEFAULT, "%-6s ", m->body);
	if (cols >= 100) {
		seg(row, LINE_DEFAULT,
		    gv_time_format(when, m->starts_at, GV_TIME_HUMAN));
		segf(row, LINE_DIM, "  %-*s", TUI_LOCAL_COLS,
		     gv_time_format_local(local, m->starts_at, m->tz,
		                          GV_LOCAL_WEEKDAY));
	} else {
		segf(row, LINE_DEFAULT, "%-20s",
		     gv_time_format_local(local, m->starts_at, m->tz,
		                          GV_LOCAL_FULL));
	}
	segf(row, LINE_DEFAULT, "  %-5s ",
	     m->kind == GV_MEETING_F2F ? "f2f" : "call");
	segf(row,
	     !strcmp(m->status, "cancelled")      ? LINE_BAD
	     : !strcmp(m->status, "no roll call") ? LINE_WARN
	     : !strcmp(m->status, "held")         ? LINE_DIM
	                                          : LINE_OK,
	     "%-13s", m->status);
	minutes_text(minutes, sizeof(minutes), m);
	segf(row, m->minutes == GV_MINUTES_DRAFT ? LINE_WARN : LINE_DIM, "%-*s",
	     cols >= 100 ? 32 : 24, minutes);
	used = line_cols(row);
	if (used + 8 > cols)
		return;
	if (!strcmp(m->status, "held"))
		snprintf(tail, sizeof(tail), "%d present%s%s", m->attendees,
		         m->title ? "  " : "", m->title ? m->title : "");
	else
		snprintf(tail, sizeof(tail), "%s", m->title ? m->title : "");
	rest = text_fit(tail, cols - used, 0);
	seg(row, LINE_DEFAULT, rest);
	free(rest);
}

static void
meetings_layout(struct view *v, size_t cols)
{
	struct meetings_data *d = v->data;
	size_t i;

	snprintf(v->title, sizeof(v->title), "Meetings (%zu)", d->list->n);
	next_calls(v, d);
	if (d->list->n) {
		struct line *h = line_new(v, NULL);

		segf(h, LINE_HEADER, "%4s  %-6s %-*s  %-5s %-13s%-*s", "Id",
		     "Body", cols >= 100 ? 35 : 20,
		     cols >= 100 ? "When (UTC, its own time)" : "When", "Kind",
		     "Status", cols >= 100 ? 32 : 24, "Minutes");
		if (line_cols(h) + 8 <= cols)
			seg(h, LINE_HEADER, "Present, title");
	}
	for (i = d->list->n; i-- > 0;)
		meeting_row(v, &d->list->v[i], cols);
	if (!d->list->n)
		seg(line_new(v, NULL), LINE_DIM, "no meetings");
}

static int
meetings_select(struct view *v, void *data)
{
	char id[32];

	(void)v;
	if (!data)
		return 0;
	snprintf(id, sizeof(id), "%lld",
	         (long long)((struct gv_meeting *)data)->id);
	return view_push(&meeting_ops, id) == 0;
}

/* Whether m (NULL: no meeting) can still be cancelled, by core's rule. */
static int
cancellable(const struct gv_meeting *m)
{
	return m && gv_meeting_cancellable(m) == 0;
}

/* Cancelling a meeting, with its reason; one that cannot be is said so
 * at once, in core's words, rather than after its reason is asked for. */
static void
cancel_form(const struct gv_meeting *m)
{
	char id[32];
	const char *base[] = {"meeting", "cancel", id};
	static const struct form_field fields[] = {
	        {"reason", "--reason", NULL, 1},
	};

	snprintf(id, sizeof(id), "%lld", (long long)m->id);
	if (cancellable(m))
		form_run("cancel", base, 3, fields, 1);
	else
		report("%s", gv_error_last()->message);
}

/* The cancel key, hinted only where it would cancel something. */
static int
meetings_offers(const struct view *v, enum request req)
{
	return req != REQ_CANCEL ||
	       cancellable(v->nlines ? v->lines[v->cursor].data : NULL);
}

static int
meetings_request(struct view *v, enum request req)
{
	const struct gv_meeting *m =
	        v->nlines ? v->lines[v->cursor].data : NULL;

	if (req == REQ_ADD) {
		const char *base[] = {"meeting", "add", m ? m->body : "CODE"};
		static const struct form_field fields[] = {
		        {"time, YYYY-MM-DD HH:MM", NULL, NULL, 0},
		        {"in the zone (Enter: the body's)", "--tz", NULL, 1},
		        {"kind, call or f2f", "--kind", "call", 1},
		};

		form_run("new meeting", base, 3, fields, 3);
		return 1;
	}
	if (req == REQ_CANCEL && m) {
		cancel_form(m);
		return 1;
	}
	return 0;
}

static void
meetings_done(struct view *v)
{
	struct meetings_data *d = v->data;

	if (!d)
		return;
	gv_meeting_list_free(d->list);
	gv_body_list_free(d->bodies);
	free(d->next);
	free(d->next_id);
	free(d);
	v->data = NULL;
}

const struct view_ops meetings_ops = {
        .name = "meetings",
        .open = meetings_open,
        .layout = meetings_layout,
        .request = meetings_request,
        .offers = meetings_offers,
        .select = meetings_select,
        .done = meetings_done,
};

/* ---- One meeting ---- */

struct meeting_data {
	struct gv_meeting_detail *d;
	struct gv_person_list *reps; /* the people of its members */
	char *minutes;               /* the preview, or NULL */
	char *no_minutes;            /* why there is none, or NULL */
};

static int
meeting_open(struct view *v)
{
	struct meeting_data *m = calloc(1, sizeof(*m));
	struct gv_person_filter pf = {0};
	struct gv_render_spec spec = {0};
	size_t len;

	if (!m)
		abort();
	v->data = m;
	if (gv_meeting_get(&m->d, v->db, strtoll(v->arg, NULL, 10)) < 0)
		return -1;
	pf.body = m->d->meeting.body;
	if (gv_person_list(&m->reps, v->db, &pf) < 0)
		return -1;
	spec.template = "minutes.md";
	spec.meeting = m->d->meeting.id;
	spec.format = GV_RENDER_MD;
	/* As `gavel minutes ID`: no empty minutes without a roll call. */
	if (gv_minutes_ready(v->db, spec.meeting) < 0) {
		if (!(m->no_minutes = strdup(gv_error_last()->message)))
			abort();
	} else if (gv_render(&m->minutes, &len, v->db, &spec) < 0)
		m->minutes = NULL;
	return 0;
}

/* The organisation p was with at instant t, by their history; NULL when
 * it says none (the roll call then reads the bare name as of that day). A
 * past meeting is not recorded under today's organisation. */
static const char *
org_on(const struct gv_person *p, int64_t t)
{
	for (size_t i = p->nhistory; i-- > 0;) {
		const struct gv_affiliation *a = &p->history[i];

		if ((a->since <= t || a->from_start) &&
		    (a->until < 0 || t < a->until))
			return a->org;
	}
	return NULL;
}

static int
is_present(const struct gv_meeting_detail *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->nattendees; i++)
		if (!strcmp(d->attendees[i].name, name))
			return 1;
	return 0;
}

static void
meeting_layout(struct view *v, size_t cols)
{
	struct meeting_data *m = v->data;
	const struct gv_meeting_detail *d = m->d;
	char when[GV_TIME_BUFSZ], local[GV_LOCAL_BUFSZ];
	struct line *l;
	size_t i;
	int klass;

	snprintf(v->title, sizeof(v->title), "Meeting %lld of %s: %s",
	         (long long)d->meeting.id, d->meeting.body, d->meeting.status);
	l = line_new(v, NULL);
	seg(l, LINE_TITLE,
	    gv_time_format(when, d->meeting.starts_at, GV_TIME_HUMAN));
	segf(l, LINE_DEFAULT, "  %s",
	     gv_time_format_local(local, d->meeting.starts_at, d->meeting.tz,
	                          GV_LOCAL_WEEKDAY));
	segf(l, LINE_DEFAULT, "  %s (%s)",
	     d->meeting.kind == GV_MEETING_F2F ? "face-to-face" : "call",
	     d->meeting.tz);
	if (d->meeting.cancel_reason)
		segf(line_new(v, NULL), LINE_BAD, "cancelled: %s",
		     d->meeting.cancel_reason);
	line_blank(v);
	seg(line_new(v, NULL), LINE_HEADER, "Agenda");
	for (i = 0; i < d->nitems; i++) {
		l = line_new(v, NULL);
		segf(l, LINE_DEFAULT, "%2d. %s", d->items[i].pos,
		     d->items[i].title);
		if (d->items[i].links)
			segf(l, LINE_DIM, "  (%s)", d->items[i].links);
		if (d->items[i].notes)
			line_wrap(v, NULL, LINE_DIM, "      ",
			          d->items[i].notes, cols);
	}
	line_blank(v);
	segf(line_new(v, NULL), LINE_HEADER, "Attendance: %zu present",
	     d->nattendees);
	for (klass = GV_CLASS_ISSUER; klass <= GV_CLASS_UNKNOWN; klass++) {
		int header = 0;

		for (i = 0; i < d->nattendees; i++) {
			const struct gv_attendee *a = &d->attendees[i];

			if ((int)a->klass != klass)
				continue;
			if (!header++)
				segf(line_new(v, NULL), LINE_TITLE, "  %s",
				     gv_class_name((enum gv_class)klass));
			l = line_new(v, (void *)a);
			segf(l, LINE_OK, "    present ");
			segf(l, LINE_DEFAULT, "%s", a->name);
			if (a->org)
				segf(l, LINE_DIM, " (%s)", a->org);
		}
	}
	for (i = 0, klass = 0; m->reps && i < m->reps->n; i++) {
		const struct gv_person *p = &m->reps->v[i];

		if (is_present(d, p->name))
			continue;
		/* Under a heading of their own, not the last class's. */
		if (!klass++)
			seg(line_new(v, NULL), LINE_TITLE, "  not present");
		l = line_new(v, (void *)p);
		segf(l, LINE_DIM, "    absent  ");
		segf(l, LINE_DEFAULT, "%s", p->name);
		if (p->org)
			segf(l, LINE_DIM, " (%s)", p->org);
	}
	if (m->minutes || m->no_minutes) {
		line_blank(v);
		seg(line_new(v, NULL), LINE_HEADER, "Minutes (preview)");
	}
	if (m->minutes)
		line_wrap(v, NULL, LINE_DEFAULT, "  ", m->minutes, cols);
	else if (m->no_minutes)
		line_wrap(v, NULL, LINE_WARN, "  ", m->no_minutes, cols);
}

/* Present or absent: the row's person, by the kind of row it is. */
static int
meeting_request(struct view *v, enum request req)
{
	struct meeting_data *m = v->data;
	const void *data = v->nlines ? v->lines[v->cursor].data : NULL;
	char cmd[512];
	size_t i;

	if (req == REQ_CANCEL) {
		cancel_form(&m->d->meeting);
		return 1;
	}
	if (req != REQ_TOGGLE)
		return 0;
	for (i = 0; data && i < m->d->nattendees; i++)
		if (data == &m->d->attendees[i]) {
			snprintf(cmd, sizeof(cmd), "meeting absent %lld \"%s\"",
			         (long long)m->d->meeting.id,
			         m->d->attendees[i].name);
			tui_command(cmd);
			return 1;
		}
	for (i = 0; data && m->reps && i < m->reps->n; i++)
		if (data == &m->reps->v[i]) {
			const char *org =
			        org_on(&m->reps->v[i], m->d->meeting.starts_at);

			snprintf(cmd, sizeof(cmd),
			         org ? "meeting attend %lld \"%s (%s)\""
			             : "meeting attend %lld \"%s\"",
			         (long long)m->d->meeting.id,
			         m->reps->v[i].name, org);
			tui_command(cmd);
			return 1;
		}
	report("move to a person first");
	return 1;
}

static int
meeting_offers(const struct view *v, enum request req)
{
	const struct meeting_data *m = v->data;

	return req != REQ_CANCEL || (m && cancellable(&m->d->meeting));
}

static void
meeting_done(struct view *v)
{
	struct meeting_data *m = v->data;

	if (!m)
		return;
	gv_meeting_detail_free(m->d);
	gv_person_list_free(m->reps);
	free(m->minutes);
	free(m->no_minutes);
	free(m);
	v->data = NULL;
}

const struct view_ops meeting_ops = {
        .name = "meeting",
        .open = meeting_open,
        .layout = meeting_layout,
        .request = meeting_request,
        .done = meeting_done,
        .offers = meeting_offers,
};
