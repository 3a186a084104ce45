/* SPDX-License-Identifier: MIT */
/*
 * This file implements what a meeting's minutes report beyond its own
 * record: the approval item (the minutes it approved, those still pending,
 * the meetings cancelled since the previous held one) and the issues and
 * ballots each agenda item discussed.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ballot_internal.h"
#include "db.h"
#include "gavel/gavel.h"
#include "view.h"

/* How minutes word a ballot's state at the meeting. */
static const char *const state_words[] = {
        [GV_BALLOT_DRAFT] = "draft",
        [GV_BALLOT_DISCUSSION] = "in discussion",
        [GV_BALLOT_EXPIRED] = "expired without a vote",
        [GV_BALLOT_VOTING] = "in voting",
        [GV_BALLOT_CLOSED] = "voting ended, results due",
        [GV_BALLOT_PASSED] = "passed",
        [GV_BALLOT_FAILED] = "failed",
        [GV_BALLOT_INVALID] = "failed for want of quorum",
        [GV_BALLOT_IPR_REVIEW] = "under IPR review",
        [GV_BALLOT_ADOPTED] = "adopted",
        [GV_BALLOT_RESCINDED] = "rescinded",
        [GV_BALLOT_WITHDRAWN] = "withdrawn",
        [GV_BALLOT_CANCELLED] = "cancelled",
};

/* Another meeting as a sentence names it: "the teleconference of
 * January 1, 2025", with the reason it was cancelled. */
static json_t *
meeting_ref(const struct gv_meeting *m)
{
	return json_pack("{s:I, s:o, s:s, s:s?}", "id", (json_int_t)m->id,
	                 "when", gv__view_when(m->starts_at, m->tz),
	                 "kind_word",
	                 m->kind == GV_MEETING_F2F ? "face-to-face meeting"
	                                           : "teleconference",
	                 "reason", m->cancel_reason);
}

/* A body's own meetings and each subcommittee's are separate series. */
static int
same_series(const struct gv_meeting *a, const struct gv_meeting *b)
{
	return !strcmp(a->subcommittee ? a->subcommittee : "",
	               b->subcommittee ? b->subcommittee : "");
}

/* Whether m's minutes were a draft at instant t: not approved before it
 * and not yet final by the 3-week rule (BYL 5.1(1)). */
static int
draft_at(const struct gv_meeting *m, int64_t t)
{
	if (m->approved_in >= 0 && m->approved_at < t)
		return 0;
	return m->minutes_final_at < 0 || t < m->minutes_final_at;
}

/*
 * The approval item: the minutes this meeting approved; the previous held
 * meeting's when they were still a draft and not approved here; and the
 * meetings cancelled since the previous held one, which the minutes report
 * as the Forum's do ("The meeting of 16 Jan 2014 was cancelled.").
 */
static int
view_approval(json_t *doc, struct gv_db *db, const struct gv_meeting *m)
{
	struct gv_meeting_filter f = {0};
	struct gv_meeting_list *list = NULL;
	const struct gv_meeting *prev = NULL, *o;
	json_t *approved, *pending, *cancelled;
	size_t i;
	int error;

	f.body = m->body;
	if ((error = gv_meeting_list(&list, db, &f)) < 0)
		return error;
	approved = json_array();
	pending = json_array();
	cancelled = json_array();
	/* The list is in time order: the last held one before m is prev. */
	for (i = 0; i < list->n; i++) {
		o = &list->v[i];
		if (o->approved_in == m->id)
			json_array_append_new(approved, meeting_ref(o));
		if (o->starts_at < m->starts_at && same_series(o, m) &&
		    !strcmp(o->status, "held"))
			prev = o;
	}
	for (i = 0; i < list->n; i++) {
		o = &list->v[i];
		if (o->starts_at < m->starts_at && same_series(o, m) &&
		    (!prev || o->starts_at > prev->starts_at) &&
		    !strcmp(o->status, "cancelled"))
			json_array_append_new(cancelled, meeting_ref(o));
	}
	if (prev && prev->approved_in != m->id && draft_at(prev, m->starts_at))
		json_array_append_new(pending, meeting_ref(prev));
	json_object_set_new(doc, "none_pending",
	                    json_boolean(!json_array_size(approved) &&
	                                 !json_array_size(pending)));
	json_object_set_new(doc, "approved", approved);
	json_object_set_new(doc, "pending", pending);
	json_object_set_new(doc, "cancelled_since", cancelled);
	gv_meeting_list_free(list);
	return 0;
}

/* The item of doc's items at agenda position pos, or NULL. */
static json_t *
item_at(json_t *items, int pos)
{
	size_t i;
	json_t *it;

	json_array_foreach (items, i, it) {
		if (json_integer_value(json_object_get(it, "n")) == pos)
			return it;
	}
	return NULL;
}

/* Whether an item already lists issue number. */
static int
issue_listed(json_t *items, json_int_t number)
{
	size_t i, j;
	json_t *it, *issue;

	json_array_foreach (items, i, it) {
		json_array_foreach (json_object_get(it, "linked_issues"), j,
		                    issue) {
			if (json_integer_value(
			            json_object_get(issue, "number")) == number)
				return 1;
		}
	}
	return 0;
}

/*
 * Issues by item; those linked to the meeting itself go to its first
 * discussion item unless an item lists them already, or to
 * also_discussed when it has no discussion item.
 */
static int
view_issues(json_t *items, json_t *also, struct gv_db *db, int64_t id)
{
	int error;
	sqlite3_stmt *st = NULL;
	json_t *discussion = NULL, *it, *to;
	json_int_t number;
	size_t i;
	int rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_MINUTES_ISSUES)) < 0)
		return error;
	json_array_foreach (items, i, it) {
		if (!discussion &&
		    json_is_true(json_object_get(it, "is_discussion")))
			discussion = it;
	}
	gv__bind_int(st, 1, id);
	while ((rc = gv__db_step(db, st)) > 0) {
		number = sqlite3_column_int64(st, 3);
		if (sqlite3_column_int(st, 0) == 0)
			to = item_at(items, sqlite3_column_int(st, 1));
		else if (issue_listed(items, number))
			continue;
		else
			to = discussion ? discussion : also;
		if (!to)
			continue;
		json_array_append_new(
		        json_object_get(to, "linked_issues"),
		        json_pack("{s:I, s:s, s:s?, s:s}", "number", number,
		                  "title",
		                  (const char *)sqlite3_column_text(st, 4),
		                  "url",
		                  (const char *)sqlite3_column_text(st, 5),
		                  "state",
		                  (const char *)sqlite3_column_text(st, 6)));
	}
	gv__db_reset(st);
	return rc;
}

/* Ballots by item, each in the state it was in at the meeting. */
static int
view_ballots(json_t *items, struct gv_db *db, const struct gv_meeting *m)
{
	sqlite3_stmt *st = NULL;
	struct gv_ballot *b = NULL;
	enum gv_ballot_state state;
	json_t *it;
	int rc = 0, error = 0;

	if ((error = gv__db_stmt(&st, db, GV__STMT_MINUTES_BALLOTS)) < 0)
		return error;
	gv__bind_int(st, 1, m->id);
	while (error == 0 && (rc = gv__db_step(db, st)) > 0) {
		it = item_at(items, sqlite3_column_int(st, 0));
		/* As it stood at the meeting: a vote withdrawn since was
		 * open then (core/ballot_past.c). */
		if (!it || (error = gv__ballot_read(&b, db,
		                                    sqlite3_column_int64(st, 1),
		                                    m->starts_at)) < 0)
			continue;
		state = b->state;
		json_array_append_new(
		        json_object_get(it, "linked_ballots"),
		        json_pack("{s:s, s:s, s:s, s:s}", "number", b->number,
		                  "title", b->title, "state",
		                  gv_ballot_state_name(state), "state_words",
		                  state_words[state]));
		gv_ballot_free(b);
		b = NULL;
	}
	gv__db_reset(st);
	if (error < 0)
		return error;
	return rc;
}

int
gv__view_minutes(json_t *doc, struct gv_db *db,
                 const struct gv_meeting_detail *d)
{
	json_t *items = json_object_get(doc, "items"), *it;
	json_t *also = json_pack("{s:[]}", "linked_issues");
	size_t i;
	int error;

	json_array_foreach (items, i, it) {
		json_object_set_new(it, "linked_issues", json_array());
		json_object_set_new(it, "linked_ballots", json_array());
	}
	if ((error = view_approval(doc, db, &d->meeting)) < 0 ||
	    (error = view_issues(items, also, db, d->meeting.id)) < 0 ||
	    (error = view_ballots(items, db, &d->meeting)) < 0) {
		json_decref(also);
		return error;
	}
	json_array_foreach (items, i, it) {
		json_object_set_new(
		        it, "linked",
		        json_boolean(json_array_size(json_object_get(
		                             it, "linked_issues")) ||
		                     json_array_size(json_object_get(
		                             it, "linked_ballots"))));
	}
	json_object_set_new(also, "any",
	                    json_boolean(json_array_size(
	                            json_object_get(also, "linked_issues"))));
	json_object_set_new(doc, "also_discussed", also);
	return 0;
}
