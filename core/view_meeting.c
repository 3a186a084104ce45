/* SPDX-License-Identifier: MIT */
/*
 * This file implements the meetings' view builders: the list as JSON, and
 * one meeting as template data for minutes.md and agenda.md (dates in the
 * body's zone as announcements write them, attendance by organisation and
 * class, agenda items with their roles, approvals, the next call and the
 * ballots' status).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "db.h"
#include "gavel/gavel.h"
#include "internal.h"
#include "view.h"

json_t *
gv__view_meeting_row(const struct gv_meeting *m)
{
	json_t *o = json_pack(
	        "{s:I, s:s, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s?, s:i, s:i,"
	        " s:s?}",
	        "id", (json_int_t)m->id, "body", m->body, "tz", m->tz, "kind",
	        m->kind == GV_MEETING_F2F ? "f2f" : "call", "status", m->status,
	        "title", m->title, "subcommittee", m->subcommittee,
	        "cancel_reason", m->cancel_reason, "minute_taker",
	        m->minute_taker, "attendees", m->attendees, "voting_orgs",
	        m->voting_orgs, "minutes",
	        /* null: no minutes (scheduled, cancelled, no roll call) */
	        m->minutes == GV_MINUTES_NONE
	                ? NULL
	                : gv_minutes_state_name(m->minutes));
	char iso[GV_TIME_BUFSZ];

	json_object_set_new(
	        o, "time",
	        json_string(gv_time_format(iso, m->starts_at, GV_TIME_ISO)));
	json_object_set_new(o, "local", gv__view_when(m->starts_at, m->tz));
	return o;
}

int
gv_view_meetings_json(char **out, const struct gv_meeting_list *list)
{
	json_t *doc = json_array();
	size_t i;

	for (i = 0; i < list->n; i++)
		json_array_append_new(doc, gv__view_meeting_row(&list->v[i]));
	return gv__view_dump(out, doc, 0);
}

/* "2024-12-18 Minutes of the ..." as YAML: quoted when it must be. */
static json_t *
yaml_scalar(const char *s)
{
	struct gv_buf b = GV_BUF_INIT;

	if (!strpbrk(s, ":#\"'{}[]&*!|>%@`,") && s[0] != '-' && s[0] != ' ')
		return json_string(s);
	gv__buf_putc(&b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			gv__buf_putc(&b, '\\');
		gv__buf_putc(&b, *s);
	}
	gv__buf_putc(&b, '"');
	{
		char *q = gv__buf_detach(&b);
		json_t *v = json_string(q);

		free(q);
		return v;
	}
}

/* "minutes-of-the-s-mime-certificate-working-group" */
static char *
slug(const char *s)
{
	struct gv_buf b = GV_BUF_INIT;
	int dash = 0;

	for (; *s; s++) {
		char c = *s >= 'A' && *s <= 'Z' ? (char)(*s + 32) : *s;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b.size)
				gv__buf_putc(&b, '-');
			gv__buf_putc(&b, c);
			dash = 0;
		} else {
			dash = 1;
		}
	}
	return gv__buf_detach(&b);
}

static json_t *
view_attendance(const struct gv_meeting_detail *d)
{
	json_t *list = json_array();
	struct gv_buf text = GV_BUF_INIT;
	char *joined;
	size_t i;

	for (i = 0; i < d->nattendees; i++) {
		const struct gv_attendee *a = &d->attendees[i];

		json_array_append_new(list,
		                      json_pack("{s:s, s:s?, s:s, s:b}", "name",
		                                a->name, "org", a->org, "class",
		                                gv_class_name(a->klass),
		                                "voting", a->voting));
		gv__buf_printf(&text, "%s%s", i ? ", " : "", a->name);
		if (a->org)
			gv__buf_printf(&text, " (%s)", a->org);
	}
	joined = gv__buf_detach(&text);
	list = json_pack("{s:o, s:s%}", "list", list, "text", joined,
	                 strlen(joined));
	free(joined);
	return list;
}

/* The organisations present, grouped by class, with their people. */
static json_t *
view_by_class(const struct gv_meeting_detail *d)
{
	json_t *classes = json_array();
	int klass;
	size_t i;

	for (klass = GV_CLASS_ISSUER; klass <= GV_CLASS_UNKNOWN; klass++) {
		json_t *orgs = json_array();

		for (i = 0; i < d->nattendees; i++) {
			const struct gv_attendee *a = &d->attendees[i];

			if ((int)a->klass == klass &&
			    gv_attendee_org_first(d, i))
				json_array_append_new(
				        orgs,
				        json_pack("{s:s}", "name", a->org));
		}
		if (json_array_size(orgs))
			json_array_append_new(
			        classes,
			        json_pack("{s:s, s:b, s:I, s:o}", "class",
			                  gv_class_name((enum gv_class)klass),
			                  "voting",
			                  gv_class_votes((enum gv_class)klass),
			                  "count",
			                  (json_int_t)json_array_size(orgs),
			                  "orgs", orgs));
		else
			json_decref(orgs);
	}
	return classes;
}

static json_t *
view_items(const struct gv_meeting_detail *d)
{
	static const char *const roles[] = {
	        "roll-call",  "antitrust",      "agenda",   "approval",
	        "discussion", "other-business", "next-call"};
	json_t *items = json_array(), *it;
	char flag[32];
	size_t i, r;

	for (i = 0; i < d->nitems; i++) {
		const struct gv_agenda_item *a = &d->items[i];

		it = json_pack("{s:i, s:s, s:s?, s:s?, s:s?}", "n", a->pos,
		               "title", a->title, "role", a->role, "notes",
		               a->notes, "links", a->links);
		/* is_approval and friends, for the templates' sections. */
		for (r = 0; r < sizeof(roles) / sizeof(roles[0]); r++) {
			snprintf(flag, sizeof(flag), "is_%s", roles[r]);
			for (char *p = flag; *p; p++)
				if (*p == '-')
					*p = '_';
			json_object_set_new(
			        it, flag,
			        json_boolean(a->role &&
			                     !strcmp(a->role, roles[r])));
		}
		json_array_append_new(items, it);
	}
	return items;
}

static json_t *
view_next(struct gv_db *db, const struct gv_meeting_detail *d)
{
	int64_t when, id;

	if (gv_meeting_next(&when, &id, db, d->meeting.body,
	                    d->meeting.starts_at) < 0)
		return json_null();
	return gv__view_when(when, d->meeting.tz);
}

static json_t *
view_front(const struct gv_body *b, const struct gv_meeting_detail *d,
           json_t *when)
{
	const char *date = json_string_value(json_object_get(when, "date"));
	char *title =
	        gv__xsprintf("%s Minutes of the %s", date ? date : "", b->name);
	char *s = gv__xsprintf("minutes-of-the-%s", b->name);
	char *sl = slug(s);
	json_t *front = json_pack(
	        "{s:o, s:s, s:o, s:s, s:o}", "author",
	        d->meeting.minute_taker ? yaml_scalar(d->meeting.minute_taker)
	                                : json_string(""),
	        "date", date ? date : "", "title", yaml_scalar(title), "slug",
	        sl, "tag", yaml_scalar(b->tag ? b->tag : b->code));

	free(title);
	free(s);
	free(sl);
	return front;
}

int
gv__view_meeting(json_t **out, struct gv_db *db, int64_t id)
{
	struct gv_meeting_detail *d = NULL;
	struct gv_body body = {0};
	json_t *when, *doc;
	int error;

	*out = NULL;
	if ((error = gv_meeting_get(&d, db, id)) < 0 ||
	    (error = gv_body_get(&body, db, d->meeting.body)) < 0)
		goto out;
	when = gv__view_when(d->meeting.starts_at, d->meeting.tz);
	doc = json_pack(
	        "{s:s, s:{s:s, s:s, s:s, s:s, s:s?}, s:o, s:O, s:o, s:o, s:o,"
	        " s:o, s:s?, s:s, s:b, s:s?}",
	        "generator", "gavel " GV_VERSION, "body", "code", body.code,
	        "name", body.name, "tag", body.tag ? body.tag : body.code, "tz",
	        body.tz, "list", body.list_addr, "meeting",
	        gv__view_meeting_row(&d->meeting), "when", when, "front",
	        view_front(&body, d, when), "attendees", view_attendance(d),
	        "by_class", view_by_class(d), "items", view_items(d),
	        "minute_taker", d->meeting.minute_taker, "kind_word",
	        d->meeting.kind == GV_MEETING_F2F ? "face-to-face meeting"
	                                          : "teleconference",
	        "cancelled", !strcmp(d->meeting.status, "cancelled"),
	        "imported", d->minutes_md);
	json_object_set_new(doc, "has_roll_call",
	                    json_boolean(d->nattendees > 0));
	/* "1 person attended, for 1 voting member." */
	json_object_set_new(
	        doc, "attendees_word",
	        json_string(d->meeting.attendees == 1 ? "person" : "people"));
	json_object_set_new(doc, "voting_word",
	                    json_string(d->meeting.voting_orgs == 1
	                                        ? "voting member"
	                                        : "voting members"));
	json_object_set_new(doc, "next_call", view_next(db, d));
	json_object_set_new(
	        doc, "ballots",
	        gv__view_ballot_status(db, &body, d->meeting.starts_at));
	json_decref(when);
	if ((error = gv__view_minutes(doc, db, d)) < 0) {
		json_decref(doc);
		goto out;
	}
	*out = doc;
out:
	gv_body_dispose(&body);
	gv_meeting_detail_free(d);
	return error;
}

json_t *
gv__view_baseline(const struct gv_baseline *b)
{
	json_t *used = json_array();
	char iso[GV_TIME_BUFSZ];
	size_t i;

	for (i = 0; i < b->n; i++)
		json_array_append_new(
		        used,
		        json_pack(
		                "{s:I, s:s, s:i}", "meeting",
		                (json_int_t)b->meetings[i], "time",
		                gv_time_format(iso, b->starts[i], GV_TIME_ISO),
		                "voting_members_present", b->present[i]));
	return json_pack("{s:o, s:f, s:i, s:i}", "meetings", used,
	                 "active_average", b->average, "quorum", b->quorum,
	                 "skipped_without_roll_call", b->skipped);
}

int
gv_view_baseline_json(char **out, const struct gv_baseline *b)
{
	return gv__view_dump(out, gv__view_baseline(b), 0);
}

int
gv_view_next_json(char **out, const char *body, const char *tz, int64_t when,
                  int64_t meeting)
{
	json_t *doc = json_pack("{s:s, s:o?}", "body", body, "meeting",
	                        meeting >= 0 ? json_integer(meeting) : NULL);

	json_object_set_new(doc, "when", gv__view_when(when, tz));
	return gv__view_dump(out, doc, 0);
}

int
gv_view_meeting_json(char **out, struct gv_db *db, int64_t id)
{
	json_t *doc = NULL;
	int error;

	*out = NULL;
	if ((error = gv__view_meeting(&doc, db, id)) < 0)
		return error;
	return gv__view_dump(out, doc, 0);
}
