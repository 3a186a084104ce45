/* SPDX-License-Identifier: MIT */
/*
 * This file implements the roster's view builders: bodies, organisations
 * and people as JSON documents, and a body's roster as template data. Field
 * names here are part of the command-line contract (DESIGN.md), so they change
 * only by addition.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "gavel/gavel.h"
#include "gavel/holiday.h"
#include "gavel/roster.h"
#include "gavel/time.h"
#include "gavel/view.h"
#include "internal.h"
#include "view.h"

/* Serialises and releases doc. */
static int
view_dump(char **out, json_t *doc)
{
	return gv__view_dump(out, doc, 0);
}

static json_t *
view_body(const struct gv_body *b)
{
	json_t *cadence = json_null();
	struct gv_cadence c;

	gv_body_cadence(&c, b);
	if (c.weeks > 0) {
		char at[16], anchor[GV_TIME_BUFSZ], text[128];

		snprintf(at, sizeof(at), "%02d:%02d", c.minute / 60,
		         c.minute % 60);
		gv_cadence_format(text, sizeof(text), &c);
		cadence = json_pack(
		        "{s:i, s:s, s:s, s:s, s:s}", "every_weeks", c.weeks,
		        "weekday", gv_weekday_name(c.weekday), "time", at,
		        "from",
		        gv_time_format(anchor, c.anchor * 86400, GV_TIME_DATE),
		        "text", text);
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
gv_view_body_json(char **out, const struct gv_body *body)
{
	return view_dump(out, view_body(body));
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
		                  "since", gv__view_iso(o->since),
		                  "representatives", o->reps, "people",
		                  o->people));
	}
	return view_dump(out, doc);
}

int
gv_view_holidays_json(char **out, const char *body,
                      const struct gv_holiday_list *list)
{
	json_t *doc = json_array();
	char date[GV_TIME_BUFSZ];
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct gv_holiday *h = &list->v[i];

		json_array_append_new(
		        doc,
		        json_pack("{s:s, s:s, s:s, s:s?}", "body", body, "date",
		                  gv_time_format(date, h->day * 86400,
		                                 GV_TIME_DATE),
		                  "weekday",
		                  gv_weekday_name(gv_weekday(h->day)), "name",
		                  h->name));
	}
	return view_dump(out, doc);
}

/* "SMCWG,SCWG" as a JSON array of codes (or of addresses). */
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

/* A person's organisations over time, earliest first. */
static json_t *
view_history(const struct gv_person *p)
{
	json_t *a = json_array();

	for (size_t i = 0; i < p->nhistory; i++) {
		const struct gv_affiliation *h = &p->history[i];

		json_array_append_new(
		        a, json_pack("{s:s, s:o, s:o, s:b}", "org", h->org,
		                     "since", gv__view_iso(h->since), "until",
		                     gv__view_iso(h->until), "since_or_earlier",
		                     h->from_start));
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

		json_array_append_new(
		        doc,
		        json_pack("{s:s, s:s?, s:s?, s:o, s:o, s:o, s:i, s:o}",
		                  "name", p->name, "org", p->org, "email",
		                  p->email, "emails", view_codes(p->emails),
		                  "representative_of", view_codes(p->reps),
		                  "affiliations", view_history(p), "meetings",
		                  p->meetings, "last_meeting",
		                  gv__view_iso(p->last_meeting)));
	}
	return view_dump(out, doc);
}

/* RULES §1's names of the classes, as notices write them. */
static const char *const class_titles[] = {
        [GV_CLASS_ISSUER] = "Certificate Issuers",
        [GV_CLASS_CONSUMER] = "Certificate Consumers",
        [GV_CLASS_PROBATIONARY] = "Probationary Members",
        [GV_CLASS_ASSOCIATE] = "Associate Members",
        [GV_CLASS_INTERESTED] = "Interested Parties",
        [GV_CLASS_UNKNOWN] = "Not yet classified",
};

/* Nonzero when the comma-separated codes include code. */
static int
codes_have(const char *csv, const char *code)
{
	size_t n = strlen(code);

	while (csv && *csv) {
		if (!strncmp(csv, code, n) && (csv[n] == ',' || !csv[n]))
			return 1;
		csv = strchr(csv, ',');
		csv = csv ? csv + 1 : NULL;
	}
	return 0;
}

/* "A, B" of the people of org (representatives of code only, if set). */
static char *
roster_people(const struct gv_person_list *people, const char *org,
              const char *rep_code)
{
	struct gv_buf b = GV_BUF_INIT;
	size_t i;

	for (i = 0; i < people->n; i++) {
		const struct gv_person *p = &people->v[i];

		if (!p->org || strcmp(p->org, org) ||
		    (rep_code && !codes_have(p->reps, rep_code)))
			continue;
		gv__buf_printf(&b, "%s%s", b.size ? ", " : "", p->name);
	}
	return gv__buf_detach(&b);
}

static json_t *
roster_member(const struct gv_org *o, const struct gv_person_list *people,
              const char *code)
{
	char since[GV_TIME_BUFSZ] = "";
	char *reps = roster_people(people, o->name, code);
	char *all = roster_people(people, o->name, NULL);
	json_t *m;

	if (o->since >= 0)
		gv_time_format(since, o->since, GV_TIME_DATE);
	m = json_pack("{s:s, s:s, s:b, s:s, s:s, s:s}", "name", o->name,
	              "status", gv_status_name(o->status), "suspended",
	              o->status == GV_STATUS_SUSPENDED, "since", since,
	              "representatives", reps, "people", all);
	free(reps);
	free(all);
	return m;
}

int
gv__view_roster(json_t **out, struct gv_db *db, const char *code)
{
	struct gv_org_filter orgs_of = {code, -1};
	struct gv_person_filter people_of = {NULL, code, 0, NULL};
	struct gv_org_list *orgs = NULL;
	struct gv_person_list *people = NULL;
	struct gv_body body = {0};
	json_t *classes = json_array(), *cls = NULL, *members = NULL;
	char as_of[GV_TIME_BUFSZ], as_of_date[GV_TIME_BUFSZ];
	int error, voting = 0, klass = -1;
	size_t i;

	*out = NULL;
	if ((error = gv_body_get(&body, db, code)) < 0 ||
	    (error = gv_org_list(&orgs, db, &orgs_of)) < 0 ||
	    (error = gv_person_list(&people, db, &people_of)) < 0)
		goto out;
	for (i = 0; i < orgs->n; i++) {
		const struct gv_org *o = &orgs->v[i];

		if ((int)o->klass != klass) {
			klass = (int)o->klass;
			members = json_array();
			cls = json_pack("{s:s, s:s, s:b, s:o}", "class",
			                gv_class_name(o->klass), "title",
			                class_titles[o->klass], "voting",
			                gv_class_votes(o->klass), "members",
			                members);
			json_array_append_new(classes, cls);
		}
		json_array_append_new(members, roster_member(o, people, code));
		json_object_set_new(
		        cls, "count",
		        json_integer((json_int_t)json_array_size(members)));
		voting += gv_class_votes(o->klass) &&
		          o->status == GV_STATUS_ACTIVE;
	}
	gv_time_format(as_of, gv_db_now(db), GV_TIME_HUMAN);
	gv_time_format(as_of_date, gv_db_now(db), GV_TIME_DATE);
	*out = json_pack("{s:s, s:s, s:s, s:{s:s, s:s, s:s, s:s, s:s?}, s:i,"
	                 " s:i, s:O}",
	                 "generator", "gavel " GV_VERSION, "as_of", as_of,
	                 "as_of_date", as_of_date, "body", "code", body.code,
	                 "name", body.name, "prefix", body.prefix, "tz",
	                 body.tz, "list", body.list_addr, "voting_members",
	                 voting, "members", (int)orgs->n, "classes", classes);
out:
	json_decref(classes);
	gv_org_list_free(orgs);
	gv_person_list_free(people);
	gv_body_dispose(&body);
	return error;
}
