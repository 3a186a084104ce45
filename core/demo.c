/* SPDX-License-Identifier: MIT */
/*
 * This file implements loading the demo working group from its JSON
 * document through the same core functions the commands use, so the demo
 * keeps loading as the schema grows. Keys starting with "_" are notes for
 * readers and are ignored. Every date goes through a struct
 * gv__demo_clock (core/demo_clock.c): as recorded for `init --demo`,
 * moved to the clock's week for `init --demo --today`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "db.h"
#include "demo_internal.h"
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

/* "YYYY-MM-DD HH:MM" read as a wall clock: its day (moved) and minute of
 * day. */
static int
demo_wall_clock(int64_t *day, int *minute, const char *text,
                const struct gv__demo_clock *clk)
{
	int64_t t;
	int error;

	if ((error = gv_time_parse(&t, text)) < 0)
		return error;
	*day = gv__demo_day(t / 86400, clk);
	*minute = (int)(t % 86400 / 60);
	return 0;
}

static int
demo_bodies(struct gv_db *db, json_t *list, const struct gv__demo_clock *clk)
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
		spec.cadence_anchor = calls ? gv__demo_day(cadence.anchor, clk)
		                            : cadence.anchor;
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
                    int64_t start, json_t *m, const struct gv__demo_clock *clk)
{
	json_error_t jerr;
	json_t *v;
	size_t i;
	int error;

	json_array_foreach (json_object_get(m, "issue_notes"), i, v) {
		struct gv_issue_note_spec spec = {NULL, NULL, id, -1};
		const char *raw;
		char *text;
		json_int_t number;
		char ref[32];

		if (json_unpack_ex(v, &jerr, 0, "{s:I, s:s, s?s}", "issue",
		                   &number, "text", &raw, "author",
		                   &spec.author) < 0)
			return demo_bad("issue_notes", &jerr);
		if ((error = gv__demo_text(&text, raw, clk)) < 0)
			return error;
		spec.text = text;
		snprintf(ref, sizeof(ref), "%lld", (long long)number);
		error = gv_issue_note(NULL, db, body, ref, &spec);
		free(text);
		if (error < 0)
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
demo_meeting_record(struct gv_db *db, int64_t id, json_t *m,
                    const struct gv__demo_clock *clk)
{
	json_t *attendees = json_object_get(m, "attendees");
	json_t *notes = json_object_get(m, "notes"), *v, *link;
	const char *taker = json_string_value(json_object_get(m, "taker"));
	const char *item;
	char *text;
	size_t i;
	int error;

	if (json_array_size(attendees) &&
	    (error = demo_attend(db, id, attendees)) < 0)
		return error;
	if (taker && (error = gv_meeting_set_taker(db, id, taker)) < 0)
		return error;
	json_object_foreach (notes, item, v) {
		if ((error = gv__demo_text(&text, json_string_value(v), clk)) <
		    0)
			return error;
		error = gv_meeting_note(db, id, item, text);
		free(text);
		if (error < 0)
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

/*
 * One meeting. Its roll call, notes and approvals are kept only when it
 * has started by clk->until; a cancellation was announced before.
 * "approves" names an earlier meeting by its date, a key of ids.
 */
static int
demo_meeting(struct gv_db *db, json_t *item, json_t *ids,
             const struct gv__demo_clock *clk)
{
	struct gv_meeting_spec spec = {0};
	const char *local, *cancelled = NULL, *approves = NULL;
	char date[11], *reason = NULL;
	struct gv_body body;
	json_error_t jerr;
	int64_t day, id;
	int minute, error;

	if (json_unpack_ex(item, &jerr, 0, "{s:s, s:s, s?s, s?s}", "body",
	                   &spec.body, "local", &local, "cancelled", &cancelled,
	                   "approves", &approves) < 0)
		return demo_bad("meetings", &jerr);
	if ((error = gv_body_get(&body, db, spec.body)) < 0)
		return error;
	error = demo_wall_clock(&day, &minute, local, clk);
	if (error == 0)
		error = gv_zone_to_utc(&spec.starts_at, body.tz, day, minute);
	gv_body_dispose(&body);
	if (error < 0 || (error = gv_meeting_add(&id, db, &spec)) < 0)
		return error;
	/* A roll call or an approval is recorded once the meeting has
	 * begun (BYL 5.1(1), 2.3(7)): by until, and by the clock. */
	if (spec.starts_at <= clk->until && spec.starts_at <= gv_db_now(db) &&
	    ((error = demo_meeting_record(db, id, item, clk)) < 0 ||
	     (error = demo_meeting_issues(db, spec.body, id, spec.starts_at,
	                                  item, clk)) < 0 ||
	     (approves &&
	      (error = gv_minutes_approve(
	               db, json_integer_value(json_object_get(ids, approves)),
	               id, -1)) < 0)))
		return error;
	if (cancelled) {
		if ((error = gv__demo_text(&reason, cancelled, clk)) == 0)
			error = gv_meeting_cancel(db, id, reason);
		free(reason);
		if (error < 0)
			return error;
	}
	snprintf(date, sizeof(date), "%.10s", local);
	json_object_set_new(ids, date, json_integer(id));
	return 0;
}

/* Meetings in time order. */
static int
demo_meetings(struct gv_db *db, json_t *list, const struct gv__demo_clock *clk)
{
	json_t *ids = json_object(), *item;
	size_t i;
	int error = 0;

	json_array_foreach (list, i, item) {
		if ((error = demo_meeting(db, item, ids, clk)) < 0)
			break;
	}
	json_decref(ids);
	return error;
}

static int
demo_issues(struct gv_db *db, json_t *list, const struct gv__demo_clock *clk)
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
		if ((error = gv__demo_time(&spec.created_at, created, clk)) < 0)
			return error;
		spec.number = number;
		if ((error = gv_issue_add(NULL, db, &spec)) < 0)
			return error;
	}
	return 0;
}

int
gv__demo_ballot_ref(char *ref, size_t n, struct gv_db *db, json_t *ballot)
{
	struct gv_body body;
	int error;

	if ((error = gv_body_get(
	             &body, db,
	             json_string_value(json_object_get(ballot, "body")))) < 0)
		return error;
	gv_ballot_format_number(
	        ref, n, body.prefix, body.id_width,
	        json_integer_value(json_object_get(ballot, "number")));
	gv_body_dispose(&body);
	return 0;
}

int
gv__demo_votes(struct gv_db *db, json_t *ballot,
               const struct gv__demo_clock *clk)
{
	json_t *v;
	json_error_t jerr;
	char ref[48];
	size_t i;
	int error;

	if ((error = gv__demo_ballot_ref(ref, sizeof(ref), db, ballot)) < 0)
		return error;
	json_array_foreach (json_object_get(ballot, "votes"), i, v) {
		const char *org, *value, *at;
		enum gv_vote_value val;
		int64_t t;
		char *reason = NULL;

		if (json_unpack_ex(v, &jerr, 0, "{s:s, s:s, s:s}", "org", &org,
		                   "value", &value, "at", &at) < 0)
			return demo_bad("votes", &jerr);
		if ((error = gv_vote_value_parse(&val, value)) < 0 ||
		    (error = gv__demo_time(&t, at, clk)) < 0)
			return error;
		/* Not cast yet by the clock the demo is placed at. */
		if (t > clk->until)
			continue;
		if ((error = gv_ballot_vote(&reason, db, ref, org, val, t,
		                            "demo")) < 0)
			return error;
		free(reason);
	}
	return 0;
}

/* The instants of a recorded ballot, moved. */
static int
demo_ballot_times(struct gv_ballot_record *r, int64_t *versions, json_t *jver,
                  json_t *item, const struct gv__demo_clock *clk)
{
	static const char *const keys[] = {"discussion_ends", "vote_starts",
	                                   "vote_ends",       "results",
	                                   "review_starts",   "review_ends"};
	int64_t *const fields[] = {&r->discussion_ends_at, &r->vote_starts_at,
	                           &r->vote_ends_at,       &r->results_at,
	                           &r->review_starts_at,   &r->review_ends_at};
	json_t *v;
	size_t i;
	int error;

	json_array_foreach (jver, i, v) {
		if (!json_is_string(v))
			return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID,
			                     "demo data: a version is not a "
			                     "time");
		if ((error = gv__demo_time(&versions[i], json_string_value(v),
		                           clk)) < 0)
			return error;
	}
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		v = json_object_get(item, keys[i]);
		if (v && !json_is_string(v))
			return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID,
			                     "demo data: %s is not a time",
			                     keys[i]);
		if ((error = gv__demo_time(fields[i], json_string_value(v),
		                           clk)) < 0)
			return error;
	}
	return 0;
}

static int
demo_ballot(struct gv_db *db, json_t *item, const struct gv__demo_clock *clk)
{
	struct gv_ballot_record r = {0};
	const char *endorsers[8], *purpose = NULL;
	json_t *jend, *jver, *v;
	int64_t versions[16];
	json_error_t jerr;
	json_int_t number;
	char *text = NULL;
	size_t i;
	int error;

	if (json_unpack_ex(item, &jerr, 0,
	                   "{s:s, s:I, s:s, s:s, s:s, s:s, s?s, s:o, s:o,"
	                   " s?i}",
	                   "body", &r.body, "number", &number, "title",
	                   &r.title, "kind", &r.kind, "state", &r.state,
	                   "proposer", &r.proposer, "purpose", &purpose,
	                   "endorsers", &jend, "versions", &jver, "quorum",
	                   &r.quorum) < 0)
		return demo_bad("ballots", &jerr);
	if (json_array_size(jend) > 8 || json_array_size(jver) > 16)
		return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID,
		                     "demo data: too many endorsers or "
		                     "versions");
	json_array_foreach (jend, i, v)
		endorsers[i] = json_string_value(v);
	r.number = number;
	r.endorsers = endorsers;
	r.n_endorsers = json_array_size(jend);
	r.versions = versions;
	r.n_versions = json_array_size(jver);
	r.adopted_at = -1;
	if ((error = demo_ballot_times(&r, versions, jver, item, clk)) < 0 ||
	    (error = gv__demo_text(&text, purpose, clk)) < 0)
		return error;
	r.purpose = text;
	error = gv_ballot_record(NULL, db, &r);
	free(text);
	if (error < 0)
		return error;
	return gv__demo_votes(db, item, clk);
}

int
gv__demo_apply(struct gv_db *db, json_t *doc, const struct gv__demo_clock *clk)
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
	if ((error = gv__demo_time(&since, since_text, clk)) < 0)
		return error;
	if (since < 0)
		since = gv_db_now(db);
	if ((error = demo_bodies(db, json_object_get(doc, "bodies"), clk)) <
	            0 ||
	    (error = demo_orgs(db, json_object_get(doc, "orgs"), since)) < 0 ||
	    (error = demo_people(db, json_object_get(doc, "people"))) < 0 ||
	    (error = demo_issues(db, json_object_get(doc, "issues"), clk)) < 0)
		return error;
	ballots = json_object_get(doc, "ballots");
	json_array_foreach (ballots, i, item) {
		if ((error = demo_ballot(db, item, clk)) < 0)
			return error;
	}
	return demo_meetings(db, json_object_get(doc, "meetings"), clk);
}

/* A demo document's text, parsed. */
static int
demo_parse(json_t **out, const char *data, size_t size)
{
	json_error_t jerr;

	if (!(*out = json_loadb(data, size, 0, &jerr)))
		return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID,
		                     "demo data, line %d, column %d: %s",
		                     jerr.line, jerr.column, jerr.text);
	return 0;
}

int
gv__demo_builtin(json_t **out, const char *name)
{
	const struct gv__embedded *builtin = gv__embedded_find(name);

	*out = NULL;
	if (!builtin)
		return gv__error_set(GV_ERRCLASS_DEMO, GV_ENOTFOUND,
		                     "this gavel was built without its demo "
		                     "data (%s)",
		                     name);
	return demo_parse(out, builtin->data, (size_t)builtin->size);
}

int
gv_demo_load(struct gv_db *db, const char *data, size_t size)
{
	const struct gv__demo_clock as_recorded = {0, INT64_MAX};
	json_t *doc = NULL;
	int error;

	if ((error = data ? demo_parse(&doc, data, size)
	                  : gv__demo_builtin(&doc, "demo.json")) < 0)
		return error;
	if ((error = gv__db_begin(db)) == 0) {
		if ((error = gv__demo_apply(db, doc, &as_recorded)) < 0 ||
		    (error = gv__db_commit(db)) < 0)
			gv__db_rollback(db);
	}
	json_decref(doc);
	return error;
}
