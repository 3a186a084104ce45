/* SPDX-License-Identifier: MIT */
/*
 * This file implements the roll call: finding the person each attendee
 * names as of the meeting's day, and recording their attendance with the
 * organisation they attended for, which quorum counts (BYL 2.3(7)).
 * "Name (Organisation)" is the person of that name who was ever with that
 * organisation, else the only person of that name, who has moved (the
 * move is recorded); a bare "Name" is the only person of that name,
 * attending for the organisation they had that day. A name written family
 * name first ("Ono Fumiaki") finds "Fumiaki Ono" when nobody is written
 * the other way. gavel meeting attend (with --line, the line a secretary
 * pastes, read as minutes are) and the minutes importer record through it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/meeting.h"
#include "gavel/roster.h"
#include "gavel/text.h"
#include "gavel/zone.h"
#include "meeting_items.h"
#include "meeting_key.h"
#include "minutes_parse.h"
#include "op_kinds.h"
#include "roll_call.h"

/* The people of one name, by id: each with their organisation now (or
 * NULL) and whether they were ever with the organisation the roll call
 * names. */
struct namesakes {
	struct namesake {
		int64_t id;
		char *org;
		int ever;
	} * v;
	size_t n, alloc;
};

static void
namesakes_dispose(struct namesakes *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].org);
	free(c->v);
	memset(c, 0, sizeof(*c));
}

static int
namesake_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct namesake *)a)->id;
	int64_t y = ((const struct namesake *)b)->id;

	return (x > y) - (x < y);
}

/* One query reads them all, with their past at org (0: none named); the
 * order by id is taken here, which costs less than SQLite's sorter. */
static int
namesakes_fold(struct namesakes *c, struct gv_db *db, const char *fold,
               int64_t org)
{
	int error;
	sqlite3_stmt *st = NULL;
	int rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_ROLL_NAMESAKES)) < 0)
		return error;
	gv__bind_text(st, 1, fold);
	gv__bind_opt(st, 2, org, org != 0);
	while ((rc = gv__db_step(db, st)) > 0) {
		c->v = gv__grow(c->v, &c->alloc, c->n, sizeof(*c->v));
		c->v[c->n].id = sqlite3_column_int64(st, 0);
		c->v[c->n].org = gv__col_text(st, 1);
		c->v[c->n++].ever = sqlite3_column_int(st, 2);
	}
	gv__db_reset(st);
	if (c->n > 1)
		qsort(c->v, c->n, sizeof(*c->v), namesake_cmp);
	return rc;
}

/* The people named name, else those named with its two words swapped. */
static int
namesakes_find(struct namesakes *c, struct gv_db *db, const char *name,
               int64_t org)
{
	char *fold = gv_text_fold(name), *space, *swapped;
	int error = namesakes_fold(c, db, fold, org);

	space = strchr(fold, ' ');
	if (error == 0 && !c->n && space && !strchr(space + 1, ' ')) {
		*space = '\0';
		swapped = gv__xsprintf("%s %s", space + 1, fold);
		error = namesakes_fold(c, db, swapped, org);
		free(swapped);
	}
	free(fold);
	return error;
}

static int
namesakes_conflict(const struct namesakes *c, const char *name)
{
	struct gv_buf b = GV_BUF_INIT;
	int error;

	for (size_t i = 0; i < c->n; i++)
		gv__buf_printf(&b, "%s%s", i ? "; " : "",
		               c->v[i].org ? c->v[i].org : "no organisation");
	error = gv__error_set(GV_ERRCLASS_MEETING, GV_ECONFLICT,
	                      "\"%s\" names %zu people (%s): write it as "
	                      "Name (Organisation)",
	                      name, c->n, b.ptr);
	gv__buf_dispose(&b);
	return error;
}

/*
 * The organisation named org_name; with create, one the store does not
 * know yet joins the body with class "unknown", unless it is a member. The
 * membership has no start (0): when the roster later sets the class, it
 * holds for the meetings already recorded too (see gv_org_set).
 */
static int
roll_org(int64_t *org, struct gv__roll *roll, const char *org_name, int create)
{
	int error = gv_org_find(org, roll->db, org_name);

	if (error < 0 && (error != GV_ENOTFOUND || !create))
		return error;
	if (error == 0) {
		if (!create)
			return 0;
		error = gv_org_add(NULL, roll->db, org_name, roll->body,
		                   GV_CLASS_UNKNOWN, 0);
		return error == GV_EEXISTS ? 0 : error;
	}
	if ((error = gv_org_add(org, roll->db, org_name, roll->body,
	                        GV_CLASS_UNKNOWN, 0)) == 0 &&
	    roll->result)
		roll->result->created_orgs++;
	return error;
}

/* Nonzero when person is in this roll call already, for another
 * organisation: "Adam Jones (Google)" after "Adam Jones (Microsoft)" in
 * one meeting is a namesake, not a move. */
static int
roll_taken(const struct gv__roll *roll, int64_t person, int64_t org)
{
	for (size_t i = 0; i < roll->n; i++)
		if (roll->person[i] == person && roll->org[i] != org)
			return 1;
	return 0;
}

/* How many people a name fits. */
enum fit { FIT_NONE, FIT_ONE, FIT_SEVERAL };

/* Of the namesakes, the one "Name (Organisation)" names: who was ever
 * there, else the only one free to have moved. */
static void
pick_at_org(enum fit *fit, int64_t *pick, const struct gv__roll *roll,
            const struct namesakes *c, int64_t org)
{
	size_t ever = 0, free_ = 0;
	int64_t moved = 0;

	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].ever)
			ever++, *pick = c->v[i].id;
		else if (!roll_taken(roll, c->v[i].id, org))
			free_++, moved = c->v[i].id;
	}
	if (!ever)
		*pick = moved;
	ever = ever ? ever : free_;
	*fit = ever == 0 ? FIT_NONE : ever == 1 ? FIT_ONE : FIT_SEVERAL;
}

/* The person and organisation of one attendee; write: create (with
 * GV_ATTEND_CREATE) and record what the roll call shows. */
static int
roll_resolve(int64_t *person, int64_t *org, struct gv__roll *roll,
             const char *name, const char *org_name, int write)
{
	int create = write && (roll->flags & GV_ATTEND_CREATE);
	struct namesakes c = {0};
	enum fit fit;
	int error;

	*person = *org = 0;
	if ((org_name && (error = roll_org(org, roll, org_name, create)) < 0) ||
	    (error = namesakes_find(&c, roll->db, name, *org)) < 0)
		goto out;
	if (org_name) {
		pick_at_org(&fit, person, roll, &c, *org);
	} else {
		fit = c.n == 0 ? FIT_NONE : c.n == 1 ? FIT_ONE : FIT_SEVERAL;
		*person = c.n ? c.v[0].id : 0;
	}
	if (fit == FIT_SEVERAL) {
		error = namesakes_conflict(&c, name);
	} else if (fit == FIT_NONE && create) {
		if ((error = gv__person_create(person, roll->db, name, *org,
		                               NULL, roll->at, 0)) == 0)
			roll->result->created_people++;
	} else if (fit == FIT_NONE) {
		error = gv__error_set(GV_ERRCLASS_MEETING, GV_ENOTFOUND,
		                      "no person \"%s\"", name);
	} else if (org_name && write) {
		error = gv__affiliation_seen(roll->db, *person, *org, roll->at);
	} else if (!org_name) {
		error = gv__affiliation_at(org, roll->db, *person, roll->at);
	}
out:
	namesakes_dispose(&c);
	return error;
}

int
gv__roll_open(struct gv__roll *roll, struct gv_db *db, int64_t id,
              unsigned flags, struct gv_roll_call *result)
{
	struct gv__meeting_head m;
	int error;

	memset(roll, 0, sizeof(*roll));
	if ((error = gv__meeting_head(&m, db, id)) < 0)
		return error;
	if (m.cancelled)
		error = gv__error_set(GV_ERRCLASS_MEETING, GV_ECONFLICT,
		                      "meeting %lld was cancelled: nobody "
		                      "attended it",
		                      (long long)id);
	roll->db = db;
	roll->meeting = id;
	roll->at = m.starts_at;
	roll->body = m.body; /* taken over */
	m.body = NULL;
	gv__meeting_head_dispose(&m);
	roll->flags = flags;
	roll->result = result;
	return error;
}

void
gv__roll_dispose(struct gv__roll *roll)
{
	free(roll->body);
	free(roll->person);
	free(roll->org);
	memset(roll, 0, sizeof(*roll));
}

/* Resolves and records one attendee; gv__roll_add() wraps it. *there:
 * whether they were on the roll call already. */
static int
roll_record(struct gv__roll *roll, int64_t *person, int *there,
            const char *name, const char *org_name)
{
	sqlite3_stmt *st;
	int64_t org;
	size_t alloc;
	int error;

	if ((error = roll_resolve(person, &org, roll, name, org_name, 1)) < 0 ||
	    (error = gv__db_stmt(&st, roll->db, GV__STMT_ATTENDANCE_HAS)) < 0)
		return error;
	gv__bind_int(st, 1, roll->meeting);
	gv__bind_int(st, 2, *person);
	error = gv__db_step(roll->db, st);
	gv__db_reset(st);
	if (error < 0)
		return error;
	*there = error > 0;
	if ((error = gv__db_stmt(&st, roll->db,
	                         *there ? GV__STMT_ATTENDANCE_ORG
	                                : GV__STMT_ATTENDANCE_ADD)) < 0)
		return error;
	gv__bind_int(st, 1, roll->meeting);
	gv__bind_int(st, 2, *person);
	gv__bind_opt(st, 3, org, org != 0);
	if ((error = gv__db_run(roll->db, st)) < 0)
		return error;
	alloc = roll->alloc;
	roll->person =
	        gv__grow(roll->person, &alloc, roll->n, sizeof(*roll->person));
	roll->org =
	        gv__grow(roll->org, &roll->alloc, roll->n, sizeof(*roll->org));
	roll->person[roll->n] = *person;
	roll->org[roll->n++] = org;
	return 0;
}

int
gv__roll_add(struct gv__roll *roll, int64_t *person_out, const char *name,
             const char *org_name)
{
	struct gv_roll_call before = *roll->result;
	int64_t person = 0;
	int error, there = 0;

	/* One attendee is all or nothing: a name refused leaves no new
	 * organisation or person behind. */
	if ((error = gv__db_begin(roll->db)) < 0)
		return error;
	if ((error = roll_record(roll, &person, &there, name, org_name)) < 0 ||
	    (error = gv__db_commit(roll->db)) < 0) {
		gv__db_rollback(roll->db);
		roll->result->created_people = before.created_people;
		roll->result->created_orgs = before.created_orgs;
		return error;
	}
	roll->result->recorded++;
	roll->result->already += there;
	if (person_out)
		*person_out = person;
	return 0;
}

int
gv__roll_lookup(int64_t *person, struct gv_db *db, int64_t id, const char *who)
{
	struct gv_roll_call result = {0};
	struct gv__roll roll = {0};
	char *name = NULL, *org_name = NULL;
	int64_t org;
	int error = gv__roll_open(&roll, db, id, 0, &result);

	/* a cancelled meeting's people can still be named */
	if (error == 0 || error == GV_ECONFLICT) {
		gv__attendee_split(&name, &org_name, who);
		error = roll_resolve(person, &org, &roll, name, org_name, 0);
	}
	gv__roll_dispose(&roll);
	free(name);
	free(org_name);
	return error;
}

/* Records each of v[0..n): all, or nothing when a name matches nobody
 * (listed in r->unmatched) or several people. */
static int
attend_all(struct gv_roll_call *r, struct gv_db *db, int64_t id,
           const struct gv_minutes_attendee *v, size_t n, unsigned flags)
{
	struct gv__roll roll = {0};
	size_t i, alloc = 0;
	int error;

	if ((error = gv__roll_open(&roll, db, id, flags, r)) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		goto out;
	for (i = 0; i < n && error == 0; i++) {
		error = gv__roll_add(&roll, NULL, v[i].name, v[i].org);
		if (error != GV_ENOTFOUND)
			continue;
		r->unmatched = gv__grow(r->unmatched, &alloc, r->nunmatched,
		                        sizeof(*r->unmatched));
		r->unmatched[r->nunmatched++] =
		        v[i].org ? gv__xsprintf("%s (%s)", v[i].name, v[i].org)
		                 : gv__xstrdup(v[i].name);
		error = 0;
	}
	if (error == 0 && r->nunmatched)
		error = gv__error_set(
		        GV_ERRCLASS_MEETING, GV_ENOTFOUND,
		        "%zu of %zu names match nobody known: add "
		        "them with 'gavel person add', or use "
		        "--create",
		        r->nunmatched, n);
	if (error < 0 || (error = gv__db_commit(db)) < 0) {
		gv__db_rollback(db);
		r->recorded = r->already = r->created_people = r->created_orgs =
		        0;
	}
out:
	gv__roll_dispose(&roll);
	return error;
}

static int
meeting_attend(struct gv_roll_call *r, struct gv_db *db, int64_t id,
               const char *const *names, size_t n, unsigned flags)
{
	struct gv_minutes_attendee *v = gv__xcalloc(n + 1, sizeof(*v));
	size_t i;
	int error;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < n; i++)
		gv__attendee_split(&v[i].name, &v[i].org, names[i]);
	error = attend_all(r, db, id, v, n, flags);
	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].org);
	}
	free(v);
	return error;
}

static int
meeting_attend_line(struct gv_roll_call *r, struct gv_db *db, int64_t id,
                    const char *line, unsigned flags)
{
	struct gv_minutes_line l;
	int error;

	memset(r, 0, sizeof(*r));
	if ((error = gv__check_text(GV_ERRCLASS_MEETING, "attendee line",
	                            line)) < 0)
		return error;
	gv__minutes_split_line(&l, line);
	if (l.nrejected) {
		r->rejected = l.rejected;
		r->nrejected = l.nrejected;
		l.rejected = NULL;
		l.nrejected = 0;
		error = gv__error_set(
		        GV_ERRCLASS_MEETING, GV_EINVALID,
		        "%zu of the entries do not read as a person's name: "
		        "write the line as \"Name (Organisation), Name "
		        "(Organisation), ...\"",
		        r->nrejected);
	} else if (!l.n) {
		error = gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                      "the line names nobody: write it as "
		                      "\"Name (Organisation), Name "
		                      "(Organisation), ...\"");
	} else {
		error = attend_all(r, db, id, l.v, l.n, flags);
	}
	gv__minutes_line_dispose(&l);
	return error;
}

/* The roll call of meeting id as it stands: how many attend, and a hash
 * of who (names and organisations, not row ids), owned. */
static int
roll_seen(int *count, char **hash, struct gv_db *db, int64_t id)
{
	sqlite3_stmt *st;
	int error;

	*hash = NULL;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ATTENDANCE_SEEN)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	if ((error = gv__db_step(db, st)) > 0) {
		*count = sqlite3_column_int(st, 0);
		*hash = gv__text_hash((const char *)sqlite3_column_text(st, 1));
	}
	gv__db_reset(st);
	if (error < 0)
		return error;
	return *hash ? 0 : GV_ERROR;
}

/* Records the roll call op carries: a list of names, or a line. */
static int
attend_run(struct gv_roll_call *r, struct gv_db *db, int64_t id,
           const json_t *names, const char *line, unsigned flags)
{
	const char **v;
	json_t *name;
	size_t i, n;
	int error;

	if (line)
		return meeting_attend_line(r, db, id, line, flags);
	n = json_array_size(names);
	v = gv__xcalloc(n + 1, sizeof(*v));
	json_array_foreach (names, i, name)
		if (!(v[i] = json_string_value(name))) {
			free(v);
			return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
			                     "a roll call lists a name that "
			                     "is not text");
		}
	error = meeting_attend(r, db, id, v, n, flags);
	free(v);
	return error;
}

/*
 * A roll call recorded while another member recorded one for the same
 * meeting (the roll call it saw is not the one there now): nothing to do
 * when everyone it names is already there, else a conflict for the chair
 * or secretary to settle by recording the missing names again.
 */
static int
attend_concurrent(struct gv_roll_call *r, struct gv_db *db, int64_t id,
                  const json_t *names, const char *line, unsigned flags)
{
	char *hash = NULL;
	int before = 0, after = 0, error;

	if ((error = roll_seen(&before, &hash, db, id)) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		goto out;
	free(hash);
	hash = NULL;
	if ((error = attend_run(r, db, id, names, line, flags)) == 0)
		error = roll_seen(&after, &hash, db, id);
	gv__db_rollback(db);
	if (error == 0)
		error = after == before
		                ? GV__OP_SAME
		                : gv__error_set(
		                          GV_ERRCLASS_MEETING, GV_ECONFLICT,
		                          "another roll call of this meeting "
		                          "was recorded, which the copy that "
		                          "recorded this one had not seen: "
		                          "record the %d attendees it misses "
		                          "again",
		                          after - before);
out:
	free(hash);
	return error;
}

/*
 * A roll call records who was there: it is taken once the meeting has
 * begun, by the act's time, never the clock's, so a rebuild agrees. A
 * meeting still to come has no attendance to count toward quorum (BYL
 * 2.3(7), RULES §5.3).
 */
static int
attend_started(struct gv_db *db, int64_t id, int64_t at)
{
	struct gv__meeting_head m;
	char when[GV_BOTH_BUFSZ];
	int error;

	if ((error = gv__meeting_head(&m, db, id)) < 0)
		return error;
	/* A cancelled one is refused as such, when the roll call opens. */
	if (!m.cancelled && m.starts_at > at)
		error = gv__error_set(
		        GV_ERRCLASS_MEETING, GV_EINVALID,
		        "meeting %lld has not started yet (it starts %s): "
		        "record its roll call once it has begun",
		        (long long)id,
		        gv_time_format_both(when, m.starts_at, m.tz));
	gv__meeting_head_dispose(&m);
	return error;
}

static int
attend_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_roll_call own = {0}, *r = op->out ? op->out : &own;
	const char *line = NULL, *seen = NULL;
	json_t *meeting = NULL, *names = NULL;
	char *now = NULL;
	int create = 0, count = 0, error;
	int64_t id;

	if ((error = gv__op_unpack(op, "{s:o, s?o, s?s, s?b, s?s}", "meeting",
	                           &meeting, "names", &names, "line", &line,
	                           "create", &create, "seen", &seen)) < 0 ||
	    (error = gv__meeting_by_key(&id, db, meeting)) < 0 ||
	    (error = attend_started(db, id, op->at)) < 0)
		return error;
	if (!line && !json_is_array(names))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                     "a roll call names nobody");
	if (seen && (error = roll_seen(&count, &now, db, id)) < 0)
		return error;
	if (seen && strcmp(seen, now))
		error = attend_concurrent(r, db, id, names, line,
		                          create ? GV_ATTEND_CREATE : 0);
	else
		error = attend_run(r, db, id, names, line,
		                   create ? GV_ATTEND_CREATE : 0);
	free(now);
	gv_roll_call_dispose(&own);
	return error;
}

const struct gv__op_kind gv__op_meeting_attend = {
        "meeting.attend", GV__MAY_OFFICER, attend_apply};

/* Submits a roll call with what this copy saw of the meeting's one. */
static int
attend_submit(struct gv_roll_call *r, struct gv_db *db, int64_t id,
              json_t *data, unsigned flags)
{
	char *seen = NULL;
	int count = 0, error;

	memset(r, 0, sizeof(*r));
	if ((error = roll_seen(&count, &seen, db, id)) < 0) {
		json_decref(data);
		return error;
	}
	if (data &&
	    (json_object_set_new(data, "seen", json_string(seen)) < 0 ||
	     json_object_set_new(data, "create",
	                         json_boolean(flags & GV_ATTEND_CREATE)) < 0)) {
		json_decref(data);
		data = NULL;
	}
	free(seen);
	return gv__meeting_submit(db, &gv__op_meeting_attend, id, data, r);
}

int
gv_meeting_attend(struct gv_roll_call *r, struct gv_db *db, int64_t id,
                  const char *const *names, size_t n, unsigned flags)
{
	json_t *list = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		if (json_array_append_new(list, json_string(names[i])) < 0) {
			json_decref(list);
			memset(r, 0, sizeof(*r));
			return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
			                     "attendee %zu is not UTF-8: "
			                     "re-enter the name in UTF-8",
			                     i + 1);
		}
	return attend_submit(r, db, id, json_pack("{s:o}", "names", list),
	                     flags);
}

int
gv_meeting_attend_line(struct gv_roll_call *r, struct gv_db *db, int64_t id,
                       const char *line, unsigned flags)
{
	return attend_submit(r, db, id, json_pack("{s:s?}", "line", line),
	                     flags);
}

void
gv_roll_call_dispose(struct gv_roll_call *r)
{
	size_t i;

	for (i = 0; i < r->nunmatched; i++)
		free(r->unmatched[i]);
	free(r->unmatched);
	for (i = 0; i < r->nrejected; i++)
		free(r->rejected[i]);
	free(r->rejected);
	memset(r, 0, sizeof(*r));
}
