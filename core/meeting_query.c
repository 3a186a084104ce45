/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading meetings: the list (by body, or the
 * meetings that discussed an issue or a ballot), one meeting in full, the
 * next call from the body's cadence, and the quorum baseline that the
 * Bylaws compute from attendance (BYL 2.3(7), RULES §5.3).
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/ballot.h"
#include "gavel/meeting.h"
#include "gavel/schedule.h"
#include "meeting_items.h"

/* BYL 5.1(1): draft minutes are final 3 weeks after the draft when no
 * meeting is scheduled within those 3 weeks. */
#define MINUTES_FINAL_AFTER (21 * 86400)

static const char *const minutes_states[] = {
        [GV_MINUTES_DRAFT] = "draft",
        [GV_MINUTES_APPROVED] = "approved",
        [GV_MINUTES_FINAL] = "final",
        [GV_MINUTES_NONE] = "none",
};

const char *
gv_minutes_state_name(enum gv_minutes_state state)
{
	return minutes_states[state];
}

/* Fills m from a row of GV__MEETING_COLUMNS; *draft is when its draft
 * minutes were circulated, *next the start of the body's next meeting
 * added after it (-1: none). minutes_state sets the minutes' state. */
static void
meeting_read(struct gv_meeting *m, int64_t *draft, int64_t *next,
             sqlite3_stmt *st)
{
	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, GV__MEETING_ID);
	m->body = gv__col_text(st, GV__MEETING_BODY);
	m->starts_at = sqlite3_column_int64(st, GV__MEETING_STARTS_AT);
	m->tz = gv__col_text(st, GV__MEETING_TZ);
	m->kind =
	        !strcmp((const char *)sqlite3_column_text(st, GV__MEETING_KIND),
	                "f2f")
	                ? GV_MEETING_F2F
	                : GV_MEETING_CALL;
	m->status = gv__col_text(st, GV__MEETING_STATUS);
	m->title = gv__col_text(st, GV__MEETING_TITLE);
	m->subcommittee = gv__col_text(st, GV__MEETING_SUBCOMMITTEE);
	m->cancel_reason = gv__col_text(st, GV__MEETING_CANCEL_REASON);
	m->minute_taker = gv__col_text(st, GV__MEETING_MINUTE_TAKER);
	m->attendees = sqlite3_column_int(st, GV__MEETING_ATTENDEES);
	m->voting_orgs = sqlite3_column_int(st, GV__MEETING_VOTING_ORGS);
	m->approved_in = gv__col_opt(st, GV__MEETING_APPROVED_IN);
	m->approved_at = gv__col_opt(st, GV__MEETING_APPROVED_AT);
	*draft = sqlite3_column_int64(st, GV__MEETING_DRAFTED_AT);
	*next = gv__col_opt(st, GV__MEETING_NEXT_MEETING);
	m->minutes_final_at = m->minutes_next_at = -1;
	m->minutes = GV_MINUTES_NONE;
}

static void
meeting_dispose(struct gv_meeting *m)
{
	free(m->body);
	free(m->tz);
	free(m->status);
	free(m->title);
	free(m->subcommittee);
	free(m->cancel_reason);
	free(m->minute_taker);
}

static int cadence_next(int64_t *when, int64_t *id, struct gv_db *db,
                        const struct gv_body *b, int64_t after);

/* The body whose cadence minutes_state read last, kept for the next
 * meeting of the list (a list is mostly one body's). */
struct cadence_cache {
	struct gv_body body;
	int loaded;
};

/* The start of the body's next call of its cadence after `after` that
 * was not cancelled, or -1. */
static int
cadence_call(int64_t *when, struct cadence_cache *c, struct gv_db *db,
             const char *code, int64_t after)
{
	int64_t id;
	int error;

	if (c->loaded && strcmp(c->body.code, code)) {
		gv_body_dispose(&c->body);
		c->loaded = 0;
	}
	if (!c->loaded && (error = gv_body_get(&c->body, db, code)) < 0)
		return error;
	c->loaded = 1;
	return cadence_next(when, &id, db, &c->body, after);
}

/*
 * The state of m's minutes (RULES §4, §7). BYL 5.1(1): "Minutes will be
 * considered final when approved at a subsequent Forum Meeting or Forum
 * Teleconference; provided, however, that if there is no Forum Meeting or
 * Forum Teleconference scheduled within three (3) weeks of the
 * publication of the draft minutes" (the sentence stops there; RULES §4
 * reads it as: then they are final three weeks after the draft). A call
 * of the body's cadence is a teleconference scheduled as surely as one
 * added with `meeting add`: the charter's regular calls are what the
 * cadence records, and `meeting next` reports them. So the next cadence
 * call that was not cancelled counts when it falls within the three
 * weeks, and the draft then waits for an approval. A cancelled meeting
 * (or call) is none; nor is a subcommittee's, no Forum Meeting or
 * Teleconference (BYL Definitions). Minutes of a meeting not held as
 * recorded are no draft, and never final by the clock; an approval
 * recorded for them still stands.
 */
static int
minutes_state(struct gv_meeting *m, struct cadence_cache *c, struct gv_db *db,
              int64_t draft, int64_t next, int64_t now)
{
	int64_t deadline = draft + MINUTES_FINAL_AFTER, call = -1;
	int error;

	/* An approval counts from its meeting on: as of an earlier day
	 * the minutes were still what the clock made them. */
	if (m->approved_in >= 0 && m->approved_at <= now) {
		m->minutes = GV_MINUTES_APPROVED;
		return 0;
	}
	if (strcmp(m->status, "held"))
		return 0;
	m->minutes = GV_MINUTES_DRAFT;
	if (next < 0 || next > deadline) {
		if ((error = cadence_call(&call, c, db, m->body, draft)) < 0)
			return error;
		if (call >= 0 && (next < 0 || call < next))
			next = call;
	}
	if (next >= 0 && next <= deadline) {
		m->minutes_next_at = next;
		return 0;
	}
	m->minutes_final_at = deadline;
	if (now >= deadline)
		m->minutes = GV_MINUTES_FINAL;
	return 0;
}

/* Runs MEETING_LIST with its five parameters into a new list. */
static int
meeting_query(struct gv_meeting_list **out, struct gv_db *db, int64_t body,
              int64_t issue, int64_t ballot, int64_t only)
{
	struct cadence_cache cache = {0};
	int64_t draft, next;
	int error;
	sqlite3_stmt *st = NULL;
	struct gv_meeting_list *list;
	size_t alloc = 0;
	int rc;

	*out = NULL;
	/* One meeting (gv_meeting_get, which filters nothing else). */
	if ((error = gv__db_stmt(&st, db,
	                         only >= 0 ? GV__STMT_MEETING_BY_ID
	                                   : GV__STMT_MEETING_LIST)) < 0)
		return error;
	gv__bind_opt(st, 1, body, body >= 0);
	gv__bind_opt(st, 2, issue, issue > 0);
	gv__bind_opt(st, 3, ballot, ballot >= 0);
	gv__bind_int(st, 4, gv_db_now(db));
	gv__bind_opt(st, 5, only, only >= 0);
	list = gv__xcalloc(1, sizeof(*list));
	while ((rc = gv__db_step(db, st)) > 0) {
		list->v = gv__grow(list->v, &alloc, list->n, sizeof(*list->v));
		meeting_read(&list->v[list->n], &draft, &next, st);
		if ((rc = minutes_state(&list->v[list->n++], &cache, db, draft,
		                        next, gv_db_now(db))) < 0)
			break;
	}
	gv__db_reset(st);
	if (cache.loaded)
		gv_body_dispose(&cache.body);
	if (rc < 0) {
		gv_meeting_list_free(list);
		return rc;
	}
	*out = list;
	return 0;
}

int
gv_meeting_list(struct gv_meeting_list **out, struct gv_db *db,
                const struct gv_meeting_filter *f)
{
	struct gv_body body = {0};
	int64_t ballot = -1;
	int error;

	*out = NULL;
	if (f && f->body && (error = gv_body_get(&body, db, f->body)) < 0)
		return error;
	if (f && f->ballot &&
	    (error = gv_ballot_find(&ballot, db, f->ballot)) < 0) {
		gv_body_dispose(&body);
		return error;
	}
	error = meeting_query(out, db, f && f->body ? body.id : -1,
	                      f ? f->issue : 0, ballot, -1);
	gv_body_dispose(&body);
	return error;
}

void
gv_meeting_list_free(struct gv_meeting_list *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->n; i++)
		meeting_dispose(&list->v[i]);
	free(list->v);
	free(list);
}

static int
detail_attendees(struct gv_meeting_detail *d, struct gv_db *db)
{
	int error;
	sqlite3_stmt *st = NULL;
	size_t alloc = 0;
	int rc;

	/* Not yet held by the clock: no roll call (GV__MEETING_COLUMNS). */
	if (d->meeting.starts_at > gv_db_now(db))
		return 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_ATTENDEES)) < 0)
		return error;
	gv__bind_int(st, 1, d->meeting.id);
	while ((rc = gv__db_step(db, st)) > 0) {
		struct gv_attendee *a;

		d->attendees = gv__grow(d->attendees, &alloc, d->nattendees,
		                        sizeof(*d->attendees));
		a = &d->attendees[d->nattendees++];
		a->name = gv__col_text(st, 0);
		a->org = gv__col_text(st, 1);
		gv_class_parse(&a->klass,
		               (const char *)sqlite3_column_text(st, 2));
		a->voting = sqlite3_column_int(st, 3);
	}
	gv__db_reset(st);
	return rc;
}

static int
detail_items(struct gv_meeting_detail *d, struct gv_db *db)
{
	int error;
	sqlite3_stmt *st = NULL;
	size_t alloc = 0;
	int rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_ITEM_LIST)) < 0)
		return error;
	gv__bind_int(st, 1, d->meeting.id);
	while ((rc = gv__db_step(db, st)) > 0) {
		struct gv_agenda_item *it;

		d->items = gv__grow(d->items, &alloc, d->nitems,
		                    sizeof(*d->items));
		it = &d->items[d->nitems++];
		it->pos = sqlite3_column_int(st, 1);
		it->title = gv__col_text(st, 2);
		it->role = gv__col_text(st, 3);
		it->notes = gv__col_text(st, 4);
		it->links = gv__col_text(st, 5);
	}
	gv__db_reset(st);
	return rc;
}

static int
detail_rest(struct gv_meeting_detail *d, struct gv_db *db)
{
	int error;
	sqlite3_stmt *st = NULL;
	size_t alloc = 0;
	int rc;

	/* Approvals recorded later are not shown in a view of an earlier
	 * day, as minutes_state does not count them. */
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_APPROVES)) < 0)
		return error;
	gv__bind_int(st, 1, d->meeting.id);
	gv__bind_int(st, 2, gv_db_now(db));
	while ((rc = gv__db_step(db, st)) > 0) {
		d->approves = gv__grow(d->approves, &alloc, d->napproves,
		                       sizeof(*d->approves));
		d->approves[d->napproves++] = sqlite3_column_int64(st, 0);
	}
	gv__db_reset(st);
	if (rc < 0 || (rc = gv__db_stmt(&st, db, GV__STMT_MEETING_TEXT)) < 0)
		return rc;
	gv__bind_int(st, 1, d->meeting.id);
	if ((rc = gv__db_step(db, st)) > 0) {
		d->minutes_md = gv__col_text(st, 0);
		d->source = gv__col_text(st, 1);
	}
	gv__db_reset(st);
	return rc < 0 ? rc : 0;
}

static int
no_meeting(int64_t id)
{
	return gv__error_set(GV_ERRCLASS_MEETING, GV_ENOTFOUND,
	                     "no meeting %lld: see 'gavel meeting list'",
	                     (long long)id);
}

int
gv_meeting_get(struct gv_meeting_detail **out, struct gv_db *db, int64_t id)
{
	struct gv_meeting_list *one = NULL;
	struct gv_meeting_detail *d;
	int error;

	*out = NULL;
	if ((error = meeting_query(&one, db, -1, 0, -1, id)) < 0)
		return error;
	if (!one || !one->n) {
		gv_meeting_list_free(one);
		return no_meeting(id);
	}
	d = gv__xcalloc(1, sizeof(*d));
	d->meeting = one->v[0];
	one->n = 0;
	gv_meeting_list_free(one);
	if ((error = detail_attendees(d, db)) < 0 ||
	    (error = detail_items(d, db)) < 0 ||
	    (error = detail_rest(d, db)) < 0) {
		gv_meeting_detail_free(d);
		return error;
	}
	*out = d;
	return 0;
}

int
gv__meeting_head(struct gv__meeting_head *out, struct gv_db *db, int64_t id)
{
	sqlite3_stmt *st;
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_HEAD)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	if ((error = gv__db_step(db, st)) > 0) {
		out->body = gv__col_text(st, 0);
		out->body_id = sqlite3_column_int64(st, 1);
		out->starts_at = sqlite3_column_int64(st, 2);
		out->cancelled = sqlite3_column_int(st, 3);
		out->tz = gv__col_text(st, 4);
	}
	gv__db_reset(st);
	if (error < 0)
		return error;
	return error ? 0 : no_meeting(id);
}

void
gv__meeting_head_dispose(struct gv__meeting_head *h)
{
	free(h->body);
	free(h->tz);
	memset(h, 0, sizeof(*h));
}

int
gv_attendee_org_first(const struct gv_meeting_detail *d, size_t i)
{
	size_t j;

	if (!d->attendees[i].org)
		return 0;
	for (j = 0; j < i; j++)
		if (d->attendees[j].org &&
		    !strcmp(d->attendees[j].org, d->attendees[i].org))
			return 0;
	return 1;
}

void
gv_meeting_detail_free(struct gv_meeting_detail *d)
{
	size_t i;

	if (!d)
		return;
	meeting_dispose(&d->meeting);
	for (i = 0; i < d->nattendees; i++) {
		free(d->attendees[i].name);
		free(d->attendees[i].org);
	}
	for (i = 0; i < d->nitems; i++) {
		free(d->items[i].title);
		free(d->items[i].role);
		free(d->items[i].notes);
		free(d->items[i].links);
	}
	free(d->attendees);
	free(d->items);
	free(d->approves);
	free(d->minutes_md);
	free(d->source);
	free(d);
}

/* The meeting at a cadence slot, if any: its id and whether cancelled. */
static int
slot_meeting(int64_t *id, int *cancelled, struct gv_db *db, int64_t body,
             int64_t when)
{
	int error;
	sqlite3_stmt *st = NULL;

	*id = -1;
	*cancelled = 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_AT_SLOT)) < 0)
		return error;
	gv__bind_int(st, 1, body);
	gv__bind_int(st, 2, when);
	if ((error = gv__db_step(db, st)) > 0) {
		*id = sqlite3_column_int64(st, 0);
		*cancelled = !strcmp((const char *)sqlite3_column_text(st, 1),
		                     "cancelled");
	}
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

/* The next cadence slot after `after` that was not cancelled, or -1. The
 * wall clock is kept: 11:00 in the body's zone, whatever DST does. */
static int
cadence_next(int64_t *when, int64_t *id, struct gv_db *db,
             const struct gv_body *b, int64_t after)
{
	struct gv_cadence c;
	int64_t t = after;
	int error, cancelled = 1;

	*when = -1;
	gv_body_cadence(&c, b);
	if (c.weeks <= 0)
		return 0;
	for (int k = 0; cancelled && k < 100000; k++) {
		if ((error = gv_cadence_next(&t, &c, b->tz, t + 1)) < 0 ||
		    (error = slot_meeting(id, &cancelled, db, b->id, t)) < 0)
			return error;
	}
	if (!cancelled)
		*when = t;
	return 0;
}

int
gv_meeting_next(int64_t *starts_at, int64_t *id_out, struct gv_db *db,
                const char *code, int64_t after)
{
	struct gv_body body = {0};
	int64_t slot = -1, slot_id = -1, sched = -1, sched_id = -1;
	sqlite3_stmt *st;
	int error;

	if ((error = gv_body_get(&body, db, code)) < 0 ||
	    (error = cadence_next(&slot, &slot_id, db, &body, after)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_NEXT_SCHEDULED)) < 0)
		goto out;
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, after);
	if ((error = gv__db_step(db, st)) > 0) {
		sched_id = sqlite3_column_int64(st, 0);
		sched = sqlite3_column_int64(st, 1);
	}
	gv__db_reset(st);
	if (error < 0)
		goto out;
	error = 0;
	if (slot < 0 && sched < 0) {
		error = gv__error_set(
		        GV_ERRCLASS_MEETING, GV_ENOTFOUND,
		        "%s has no meeting scheduled and no "
		        "cadence: add one with 'gavel meeting add' "
		        "or 'gavel body set %s --cadence'",
		        body.code, body.code);
		goto out;
	}
	if (sched >= 0 && (slot < 0 || sched <= slot)) {
		*starts_at = sched;
		*id_out = sched_id;
	} else {
		*starts_at = slot;
		*id_out = slot_id;
	}
out:
	gv_body_dispose(&body);
	return error;
}

int
gv_meeting_baseline(struct gv_baseline *out, struct gv_db *db, const char *code,
                    int64_t before)
{
	struct gv_body body = {0};
	sqlite3_stmt *st;
	int error, sum = 0;

	memset(out, 0, sizeof(*out));
	if ((error = gv_body_get(&body, db, code)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_BASELINE_MEETINGS)) < 0) {
		gv_body_dispose(&body);
		return error;
	}
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, before);
	/* A meeting still to come by the clock is scheduled, whatever was
	 * recorded for it: it counts for no baseline (BYL 2.3(7)). */
	gv__bind_int(st, 3, gv_db_now(db));
	while (out->n < 3 && (error = gv__db_step(db, st)) > 0) {
		if (sqlite3_column_int(st, 3) == 0) {
			out->skipped++;
			continue;
		}
		out->meetings[out->n] = sqlite3_column_int64(st, 0);
		out->starts[out->n] = sqlite3_column_int64(st, 1);
		out->present[out->n] = sqlite3_column_int(st, 2);
		sum += out->present[out->n++];
	}
	gv__db_reset(st);
	if (error >= 0 && !out->n)
		error = gv__error_set(GV_ERRCLASS_MEETING, GV_ENOTFOUND,
		                      "%s has no held meeting with a roll call "
		                      "before then: record attendance with "
		                      "'gavel meeting attend'",
		                      body.code);
	gv_body_dispose(&body);
	if (error < 0 || !out->n)
		return error < 0 ? error : GV_ERROR;
	/* RULES §5.3: Q = floor(A / 2) + 1, A possibly fractional; with
	 * A = sum / n that is the integer sum / 2n, plus one. */
	out->average = (double)sum / (double)out->n;
	out->quorum = sum / (2 * (int)out->n) + 1;
	return 0;
}
