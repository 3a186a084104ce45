/* SPDX-License-Identifier: MIT */
/*
 * This file implements the roster's view builders: bodies, organisations
 * and people as JSON documents. Field names here are part of the
 * command-line contract (DESIGN.md), so they change only by addition.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "gavel/roster.h"
#include "gavel/time.h"
#include "gavel/view.h"
#include "internal.h"

static const char *const weekdays[] = {"Sunday",    "Monday",   "Tuesday",
                                       "Wednesday", "Thursday", "Friday",
                                       "Saturday"};

/* Serialises and releases doc. */
static int
view_dump(char **out, json_t *doc)
{
	*out = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(doc);
	if (!*out)
		return gv__error_set(GV_ERRCLASS_NONE, GV_ERROR,
		                     "cannot write the JSON document");
	return 0;
}

static json_t *
view_time(int64_t t)
{
	char buf[GV_TIME_BUFSZ];

	return t < 0 ? json_null()
	             : json_string(gv_time_format(buf, t, GV_TIME_ISO));
}

static json_t *
view_body(const struct gv_body *b)
{
	json_t *cadence = json_null();

	if (b->cadence_weeks > 0) {
		char at[16], anchor[GV_TIME_BUFSZ];

		snprintf(at, sizeof(at), "%02d:%02d", b->cadence_minute / 60,
		         b->cadence_minute % 60);
		cadence = json_pack(
		        "{s:i, s:s, s:s, s:s}", "every_weeks", b->cadence_weeks,
		        "weekday", weekdays[b->cadence_weekday % 7], "time", at,
		        "from",
		        gv_time_format(anchor, b->cadence_anchor * 86400,
		                       GV_TIME_DATE));
	}
	return json_pack(
	        "{s:s, s:s, s:s, s:i, s:s, s:s?, s:o, s:{s:s, s:s,"
	        " s:s, s:s}, s:i, s:i}",
	        "code", b->code, "name", b->name, "prefix", b->prefix,
	        "id_width", b->id_width, "tz", b->tz, "list", b->list_addr,
	        "cadence", cadence, "rules", "quorum", b->quorum_rule,
	        "consumer_threshold", b->consumer_rule, "vote_window",
	        b->vote_end_inclusive ? "[start, end]" : "[start, end)",
	        "business_days", b->business_days, "voting_members",
	        b->voting_members, "members", b->members);
}

int
gv_view_bodies_json(char **out, const struct gv_body_list *list)
{
	json_t *doc = json_array();
	size_t i;

	for (i = 0; i < list->n; i++)
		json_array_append_new(doc, view_body(&list->v[i]));
	return view_dump(out, doc);
}

int
gv_view_orgs_json(char **out, const struct gv_org_list *list)
{
	json_t *doc = json_array();
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct gv_org *o = &list->v[i];

		json_array_append_new(
		        doc,
		        json_pack("{s:s, s:s?, s:s, s:s, s:b, s:o, s:i, s:i}",
		                  "name", o->name, "body", o->body, "class",
		                  gv_class_name(o->klass), "status",
		                  gv_status_name(o->status), "voting",
		                  o->body && gv_class_votes(o->klass) &&
		                          o->status == GV_STATUS_ACTIVE,
		                  "since", view_time(o->since),
		                  "representatives", o->reps, "people",
		                  o->people));
	}
	return view_dump(out, doc);
}

/* "SMCWG,SCWG" as a JSON array of codes. */
static json_t *
view_codes(const char *csv)
{
	json_t *a = json_array();
	const char *p = csv, *comma;

	while (p && *p) {
		comma = strchr(p, ',');
		json_array_append_new(
		        a, json_stringn(p, comma ? (size_t)(comma - p)
		                                 : strlen(p)));
		p = comma ? comma + 1 : NULL;
	}
	return a;
}

int
gv_view_people_json(char **out, const struct gv_person_list *list)
{
	json_t *doc = json_array();
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct gv_person *p = &list->v[i];

		json_array_append_new(doc, json_pack("{s:s, s:s?, s:s?, s:o}",
		                                     "name", p->name, "org",
		                                     p->org, "email", p->email,
		                                     "representative_of",
		                                     view_codes(p->reps)));
	}
	return view_dump(out, doc);
}
