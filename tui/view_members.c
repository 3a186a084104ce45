/* SPDX-License-Identifier: MIT */
/*
 * This file implements the members view: each body's organisations by
 * class and status, their voting representatives, and how many of the
 * body's last six held meetings each attended.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "tui.h"

#define RECENT 6

struct members_data {
	struct gv_org_list *orgs;
	struct gv_person_list *reps;
	struct gv_meeting_detail *recent[RECENT * 8]; /* per body, newest */
	size_t nrecent;
};

static int
members_open(struct view *v)
{
	struct members_data *m = calloc(1, sizeof(*m));
	struct gv_org_filter of = {NULL, -1};
	struct gv_person_filter pf = {0};
	struct gv_meeting_filter mf = {0};
	struct gv_meeting_list *l = NULL;
	size_t i, per_body[8] = {0};
	const char *bodies[8] = {0};
	int error = 0;

	if (!m)
		abort();
	v->data = m;
	pf.reps_only = 1;
	if (gv_org_list(&m->orgs, v->db, &of) < 0 ||
	    gv_person_list(&m->reps, v->db, &pf) < 0 ||
	    gv_meeting_list(&l, v->db, &mf) < 0)
		return -1;
	/* The last RECENT held meetings of each body (at most 8 bodies). */
	for (i = l->n; i-- > 0 && m->nrecent < RECENT * 8 && !error;) {
		const struct gv_meeting *mt = &l->v[i];
		size_t b;

		if (strcmp(mt->status, "held"))
			continue;
		for (b = 0; b < 8 && bodies[b] && strcmp(bodies[b], mt->body);
		     b++)
			;
		if (b == 8 || (bodies[b] && per_body[b] >= RECENT))
			continue;
		bodies[b] = mt->body;
		per_body[b]++;
		error = gv_meeting_get(&m->recent[m->nrecent++], v->db, mt->id);
	}
	gv_meeting_list_free(l);
	return error < 0 ? -1 : 0;
}

/* Of the body's recent held meetings: how many, and with org present. */
static void
attendance(const struct members_data *m, const char *body, const char *org,
           int *held, int *present)
{
	size_t i, j;

	*held = *present = 0;
	for (i = 0; i < m->nrecent; i++) {
		const struct gv_meeting_detail *d = m->recent[i];

		if (!d || strcmp(d->meeting.body, body))
			continue;
		(*held)++;
		for (j = 0; j < d->nattendees; j++)
			if (d->attendees[j].org &&
			    !strcmp(d->attendees[j].org, org)) {
				(*present)++;
				break;
			}
	}
}

/* Whether a comma-separated list of body codes names body. */
static int
names_body(const char *codes, const char *body)
{
	size_t n = strlen(body);

	while (codes && *codes) {
		codes += strspn(codes, ", ");
		if (!strncmp(codes, body, n) &&
		    (codes[n] == '\0' || codes[n] == ',' || codes[n] == ' '))
			return 1;
		codes += strcspn(codes, ",");
	}
	return 0;
}

/* The organisation's voting representatives in the body, on a row of
 * their own (issue 20, item 8); a voting member without any says so. */
static void
reps_layout(struct view *v, const struct members_data *m,
            const struct gv_org *o, size_t cols)
{
	char names[1024] = "";
	size_t j, len = 0;

	for (j = 0; m->reps && j < m->reps->n; j++) {
		const struct gv_person *p = &m->reps->v[j];

		if (!p->org || strcmp(p->org, o->name) ||
		    !names_body(p->reps, o->body) || len + 4 >= sizeof(names))
			continue;
		len += (size_t)snprintf(names + len, sizeof(names) - len,
		                        "%s%s", len ? ", " : "", p->name);
	}
	if (names[0])
		line_wrap_hanging(v, (void *)o, LINE_DIM,
		                  "      voting representatives: ",
		                  LINE_DEFAULT, names, cols);
	else if (o->klass == GV_CLASS_ISSUER || o->klass == GV_CLASS_CONSUMER)
		seg(line_new(v, (void *)o), LINE_DIM,
		    "      no voting representative named");
}

static void
members_layout(struct view *v, size_t cols)
{
	struct members_data *m = v->data;
	const char *body = NULL;
	int klass = -1;
	size_t i;

	snprintf(v->title, sizeof(v->title), "Members (%zu memberships)",
	         m->orgs->n);
	for (i = 0; i < m->orgs->n; i++) {
		const struct gv_org *o = &m->orgs->v[i];
		int held, present;
		struct line *l;

		if (!o->body)
			continue;
		if (!body || strcmp(body, o->body)) {
			body = o->body;
			klass = -1;
			line_blank(v);
			segf(line_new(v, NULL), LINE_HEADER, "%s", body);
		}
		if ((int)o->klass != klass) {
			klass = (int)o->klass;
			segf(line_new(v, NULL), LINE_TITLE, "  %s",
			     gv_class_name(o->klass));
		}
		l = line_new(v, (void *)o);
		segf(l, LINE_DEFAULT, "    %-44s", o->name);
		seg(l, o->status == GV_STATUS_ACTIVE ? LINE_OK : LINE_BAD,
		    gv_status_name(o->status));
		attendance(m, o->body, o->name, &held, &present);
		segf(l, LINE_DIM, "  attended %d of the last %d", present,
		     held);
		reps_layout(v, m, o, cols);
	}
	if (!m->orgs->n)
		seg(line_new(v, NULL), LINE_DIM, "no organisations");
}

static void
members_done(struct view *v)
{
	struct members_data *m = v->data;
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->nrecent; i++)
		gv_meeting_detail_free(m->recent[i]);
	gv_org_list_free(m->orgs);
	gv_person_list_free(m->reps);
	free(m);
	v->data = NULL;
}

const struct view_ops members_ops = {
        .name = "members",
        .open = members_open,
        .layout = members_layout,
        .done = members_done,
};
