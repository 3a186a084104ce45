/* SPDX-License-Identifier: MIT */
/*
 * This file implements loading the demo working group from its JSON
 * document through the same core functions the commands use, so the demo
 * keeps loading as the schema grows. Keys starting with "_" are notes for
 * readers and are ignored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "db.h"
#include "gavel/ballot.h"
#include "gavel/demo.h"
#include "gavel/issue.h"
#include "gavel/meeting.h"
#include "gavel/roster.h"
#include "gavel/schedule.h"
#include "gavel/time.h"
#include "gavel/zone.h"

static int
demo_bad(const char *what, const json_error_t *jerr)
{
	return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID, "demo data: %s: %s",
	                     what, jerr->text);
}

/* "YYYY-MM-DD HH:MM" read as a wall clock: its day and minute of day. */
static int
demo_wall_clock(int64_t *day, int *minute, const char *text)
{
	int64_t t;
	int error;

	if ((error = gv_time_parse(&t, text)) < 0)
		return error;
	*day = t / 86400;
	*minute = (int)(t % 86400 / 60);
	return 0;
}

static int
demo_bodies(struct gv_db *db, json_t *list)
{
	json_error_t jerr;
	json_t *item;
	size_t i;
	int error;

	json_array_foreach (list, i, item) {
		struct gv_body_spec spec = {0};
		struct gv_cadence cadence = {0};
		const char *calls = NULL;

		if (json_unpack_ex(item, &jerr, 0,
		                   "{s:s, s:s, s?s, s?i, s?s, s?s, s?s, s?s}",
		                   "code", &spec.code, "name", &spec.name,
		                   "prefix", &spec.prefix, "id_width",
		                   &spec.id_width, "tz", &spec.tz, "list",
		                   &spec.list_addr, "tag", &spec.tag, "cadence",
		                   &calls) < 0)
			return demo_bad("bodies", &jerr);
		if (calls && (error = gv_cadence_parse(&cadence, calls)) < 0)
			return error;
		spec.cadence_weeks = cadence.weeks;
		spec.cadence_weekday = cadence.weekday;
		spec.cadence_minute = cadence.minute;
		spec.cadence_anchor = cadence.anchor;
		if ((error = gv_body_add(NULL, db, &spec)) < 0)
			return error;
	}
	return 0;
}

static int
demo_orgs(struct gv_db *db, json_t *list, int64_t since)
{
	json_error_t jerr;
	json_t *item;
	size_t i;
	int error;

	json_array_foreach (list, i, item) {
		const char *name, *body, *klass_name;
		enum gv_class klass;

		if (json_unpack_ex(item, &jerr, 0, "{s:s, s:s, s:s}", "name",
		                   &name, "body", &body, "class",
		                   &klass_name) < 0)
			return demo_bad("orgs", &jerr);
		if ((error = gv_class_parse(&klass, klass_name)) < 0 ||
		    (error = gv_org_add(NULL, db, name, body, klass, since)) <
		            0)
			return error;
	}
	return 0;
}

/* People are written as minutes write them: "Name (Organisation)". */
static int
demo_people(struct gv_db *db, json_t *list)
{
	json_t *item;
	size_t i;
	int error;

	json_array_foreach (list, i, item) {
		const char *who = json_string_value(item);
		struct gv_person_spec spec = {0};
		char *name = NULL, *org = NULL;

		if (!who)
			return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID,
			                     "demo data: people[%zu] is not a "
			                     "string",
			                     i);
		gv__attendee_split(&name, &org, who);
		spec.name = name;
		spec.org = org;
		error = gv_person_add(NULL, db, &spec);
		free(name);
		free(org);
		if (error < 0)
			return error;
	}
	return 0;
}

static int
demo_attend(struct gv_db *db, int64_t id, json_t *attendees)
{
	size_t n = json_array_size(attendees), i;
	const char **names = gv__xcalloc(n, sizeof(*names));
	struct gv_roll_call r;
	int error;

	for (i = 0; i < n; i++)
		names[i] = json_string_value(json_array_get(attendees, i));
	error = gv_meeting_attend(&r, db, id, names, n, 0);
	gv_roll_call_dispose(&r);
	free(names);
	return error;
}

/* Issue notes taken at a meeting, and the draft links it cited. */
static int
demo_meeting_issues(struct gv_db *db, const char *body, int64_t id,
                    int64_t start, json_t *m)
{
	json_error_t jerr;
	json_t *v;
	size_t i;
	int error;

	json_array_foreach (json_object_get(m, "issue_notes"), i, v) {
		struct gv_issue_note_spec spec = {NULL, NULL, id, -1};
		json_int_t number;
		char ref[32];

		if (json_unpack_ex(v, &jerr, 0, "{s:I, s:s, s?s}", "issue",
		                   &number, "text", &spec.text, "author",
		                   &spec.author) < 0)
			return demo_bad("issue_notes", &jerr);
		snprintf(ref, sizeof(ref), "%lld", (long long)number);
		if ((error = gv_issue_note(NULL, db, body, ref, &spec)) < 0)
			return error;
	}
	json_array_foreach (json_object_get(m, "issue_drafts"), i, v) {
		const char *link;
		json_int_t number;
		char ref[32];

		if (json_unpack_ex(v, &jerr, 0, "{s:I, s:s}", "issue", &number,
		                   "link", &link) < 0)
			return demo_bad("issue_drafts", &jerr);
		snprintf(ref, sizeof(ref), "%lld", (long long)number);
		if ((error = gv_issue_link_draft(db, body, ref, NULL, link,
		                                 start)) < 0)
			return error;
	}
	return 0;
}

/* A meeting's roll call, minute-taker, notes and links. */
static int
demo_meeting_record(struct gv_db *db, int64_t id, json_t *m)
{
	json_t *attendees = json_object_get(m, "attendees");
	json_t *notes = json_object_get(m, "notes"), *v, *link;
	const char *taker = json_string_value(json_object_get(m, "taker"));
	const char *item;
	size_t i;
	int error;

	if (json_array_size(attendees) &&
	    (error = demo_attend(db, id, attendees)) < 0)
		return error;
	if (taker && (error = gv_meeting_set_taker(db, id, taker)) < 0)
		return error;
	json_object_foreach (notes, item, v) {
		if ((error = gv_meeting_note(db, id, item,
		                             json_string_value(v))) < 0)
			return error;
	}
	json_array_foreach (json_object_get(m, "links"), i, link) {
		if ((error = gv_meeting_link(
		             db, id,
		             json_string_value(json_object_get(link, "item")),
		             json_integer_value(json_object_get(link, "issue")),
		             json_string_value(
		                     json_object_get(link, "ballot")))) < 0)
			return error;
	}
	return 0;
}

/* Meetings in time order; "approves" names an earlier one by its date. */
static int
demo_meetings(struct gv_db *db, json_t *list)
{
	json_t *ids = json_object(), *item;
	json_error_t jerr;
	size_t i;
	int error = 0;

	json_array_foreach (list, i, item) {
		struct gv_meeting_spec spec = {0};
		const char *local, *cancelled = NULL, *approves = NULL;
		struct gv_body body;
		char date[11];
		int64_t day, id;
		int minute;

		if (json_unpack_ex(item, &jerr, 0, "{s:s, s:s, s?s, s?s}",
		                   "body", &spec.body, "local", &local,
		                   "cancelled", &cancelled, "approves",
		                   &approves) < 0) {
			error = demo_bad("meetings", &jerr);
			break;
		}
		if ((error = gv_body_get(&body, db, spec.body)) < 0)
			break;
		error = demo_wall_clock(&day, &minute, local);
		if (error == 0)
			error = gv_zone_to_utc(&spec.starts_at, body.tz, day,
			                       minute);
		gv_body_dispose(&body);
		if (error < 0 || (error = gv_meeting_add(&id, db, &spec)) < 0 ||
		    (error = demo_meeting_record(db, id, item)) < 0 ||
		    (error = demo_meeting_issues(db, spec.body, id,
		                                 spec.starts_at, item)) < 0 ||
		    (cancelled &&
		     (error = gv_meeting_cancel(db, id, cancelled)) < 0) ||
		    (approves && (error = gv_minutes_approve(
		                          db,
		                          json_integer_value(json_object_get(
		                                  ids, approves)),
		                          id)) < 0))
			break;
		snprintf(date, sizeof(date), "%.10s", local);
		json_object_set_new(ids, date, json_integer(id));
	}
	json_decref(ids);
	return error;
}

/* An optional instant: -1 when absent. */
static int
demo_instant(int64_t *out, const char *text)
{
	*out = -1;
	return text ? gv_time_parse(out, text) : 0;
}

static int
demo_issues(struct gv_db *db, json_t *list)
{
	json_error_t jerr;
	json_t *item;
	size_t i;
	int error;

	json_array_foreach (list, i, item) {
		struct gv_issue_spec spec = {0};
		const char *created = NULL;
		json_int_t number;

		if (json_unpack_ex(item, &jerr, 0, "{s:s, s:I, s:s, s?s, s?s}",
		                   "body", &spec.body, "number", &number,
		                   "title", &spec.title, "url", &spec.url,
		                   "created", &created) < 0)
			return demo_bad("issues", &jerr);
		if ((error = demo_instant(&spec.created_at, created)) < 0)
			return error;
		spec.number = number;
		if ((error = gv_issue_add(NULL, db, &spec)) < 0)
			return error;
	}
	return 0;
}

/* A recorded ballot's votes: {"org", "value", "at"}. */
static int
demo_votes(struct gv_db *db, json_t *ballot)
{
	struct gv_body body;
	json_t *v;
	json_error_t jerr;
	char ref[48];
	size_t i;
	int error;

	if ((error = gv_body_get(
	             &body, db,
	             json_string_value(json_object_get(ballot, "body")))) < 0)
		return error;
	gv_ballot_format_number(
	        ref, sizeof(ref), body.prefix, body.id_width,
	        json_integer_value(json_object_get(ballot, "number")));
	gv_body_dispose(&body);
	json_array_foreach (json_object_get(ballot, "votes"), i, v) {
		const char *org, *value, *at;
		enum gv_vote_value val;
		int64_t t;
		char *reason = NULL;

		if (json_unpack_ex(v, &jerr, 0, "{s:s, s:s, s:s}", "org", &org,
		                   "value", &value, "at", &at) < 0)
			return demo_bad("votes", &jerr);
		if ((error = gv_vote_value_parse(&val, value)) < 0 ||
		    (error = gv_time_parse(&t, at)) < 0 ||
		    (error = gv_ballot_vote(&reason, db, ref, org, val, t,
		                            "demo")) < 0)
			return error;
		free(reason);
	}
	return 0;
}

static int
demo_ballot(struct gv_db *db, json_t *item)
{
	struct gv_ballot_record r = {0};
	const char *endorsers[8], *dis = NULL, *vs = NULL, *ve = NULL,
	                          *res = NULL, *rs = NULL, *re = NULL;
	json_t *jend, *jver, *v;
	int64_t versions[16];
	json_error_t jerr;
	json_int_t number;
	size_t i;
	int error;

	if (json_unpack_ex(item, &jerr, 0,
	                   "{s:s, s:I, s:s, s:s, s:s, s:s, s?s, s:o, s:o, s?s,"
	                   " s?s, s?s, s?s, s?s, s?s, s?i}",
	                   "body", &r.body, "number", &number, "title",
	                   &r.title, "kind", &r.kind, "state", &r.state,
	                   "proposer", &r.proposer, "purpose", &r.purpose,
	                   "endorsers", &jend, "versions", &jver,
	                   "discussion_ends", &dis, "vote_starts", &vs,
	                   "vote_ends", &ve, "results", &res, "review_starts",
	                   &rs, "review_ends", &re, "quorum", &r.quorum) < 0)
		return demo_bad("ballots", &jerr);
	if (json_array_size(jend) > 8 || json_array_size(jver) > 16)
		return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID,
		                     "demo data: too many endorsers or "
		                     "versions");
	json_array_foreach (jend, i, v)
		endorsers[i] = json_string_value(v);
	json_array_foreach (jver, i, v) {
		if ((error = gv_time_parse(&versions[i],
		                           json_string_value(v)
		                                   ? json_string_value(v)
		                                   : "")) < 0)
			return error;
	}
	r.number = number;
	r.endorsers = endorsers;
	r.n_endorsers = json_array_size(jend);
	r.versions = versions;
	r.n_versions = json_array_size(jver);
	r.adopted_at = -1;
	if ((error = demo_instant(&r.discussion_ends_at, dis)) < 0 ||
	    (error = demo_instant(&r.vote_starts_at, vs)) < 0 ||
	    (error = demo_instant(&r.vote_ends_at, ve)) < 0 ||
	    (error = demo_instant(&r.results_at, res)) < 0 ||
	    (error = demo_instant(&r.review_starts_at, rs)) < 0 ||
	    (error = demo_instant(&r.review_ends_at, re)) < 0)
		return error;
	if ((error = gv_ballot_record(NULL, db, &r)) < 0)
		return error;
	return demo_votes(db, item);
}

static int
demo_apply(struct gv_db *db, json_t *doc)
{
	json_t *ballots, *item;
	const char *since_text = NULL;
	int64_t since;
	json_error_t jerr;
	size_t i;
	int error;

	if (json_unpack_ex(doc, &jerr, 0, "{s?s}", "members_since",
	                   &since_text) < 0)
		return demo_bad("members_since", &jerr);
	if ((error = demo_instant(&since, since_text)) < 0)
		return error;
	if (since < 0)
		since = gv_db_now(db);
	if ((error = demo_bodies(db, json_object_get(doc, "bodies"))) < 0 ||
	    (error = demo_orgs(db, json_object_get(doc, "orgs"), since)) < 0 ||
	    (error = demo_people(db, json_object_get(doc, "people"))) < 0 ||
	    (error = demo_issues(db, json_object_get(doc, "issues"))) < 0)
		return error;
	ballots = json_object_get(doc, "ballots");
	json_array_foreach (ballots, i, item) {
		if ((error = demo_ballot(db, item)) < 0)
			return error;
	}
	return demo_meetings(db, json_object_get(doc, "meetings"));
}

int
gv_demo_load(struct gv_db *db, const char *data, size_t size)
{
	const struct gv__embedded *builtin = gv__embedded_find("demo.json");
	json_error_t jerr;
	json_t *doc;
	int error;

	if (!data) {
		if (!builtin)
			return gv__error_set(GV_ERRCLASS_DEMO, GV_ENOTFOUND,
			                     "this gavel was built without "
			                     "its demo data");
		data = builtin->data;
		size = (size_t)builtin->size;
	}
	if (!(doc = json_loadb(data, size, 0, &jerr)))
		return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID,
		                     "demo data, line %d, column %d: %s",
		                     jerr.line, jerr.column, jerr.text);
	if ((error = gv__db_begin(db)) == 0) {
		if ((error = demo_apply(db, doc)) < 0 ||
		    (error = gv__db_commit(db)) < 0)
			gv__db_rollback(db);
	}
	json_decref(doc);
	return error;
}
