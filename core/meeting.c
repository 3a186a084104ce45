/* SPDX-License-Identifier: MIT */
/*
 * This file implements the changes to meetings: adding one with the body's
 * standard agenda, cancelling it, taking people off the roll call (which
 * core/roll_call.c records), the minute-taker, agenda items with their
 * notes and links, and the minutes' approval chain.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/ballot.h"
#include "gavel/meeting.h"
#include "gavel/roster.h"
#include "gavel/templates.h"
#include "gavel/text.h"
#include "gavel/time.h"
#include "gavel/zone.h"
#include "meeting_items.h"
#include "meeting_key.h"
#include "op_kinds.h"
#include "roll_call.h"

/*
 * The role of a standard agenda item, from its title: the minutes template
 * fills in the roll call, the minute-taker, approvals and the next call.
 */
static const char *
item_role(const char *title)
{
	static const struct {
		const char *role, *words[3];
	} roles[] = {
	        {"roll-call", {"roll call", NULL}},
	        {"antitrust", {"antitrust", NULL}},
	        {"antitrust", {"note well", NULL}},
	        {"antitrust", {"note-well", NULL}},
	        {"approval", {"approv", "minutes", NULL}},
	        {"agenda", {"agenda", NULL}},
	        {"other-business", {"other business", NULL}},
	        {"next-call", {"next", "call", NULL}},
	        {"next-call", {"next", "meeting", NULL}},
	        {"discussion", {"discussion", NULL}},
	};
	char *fold = gv_text_fold(title);
	const char *role = NULL;
	size_t i, w;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]) && !role; i++) {
		for (w = 0; roles[i].words[w]; w++)
			if (!strstr(fold, roles[i].words[w]))
				break;
		if (!roles[i].words[w])
			role = roles[i].role;
	}
	free(fold);
	return role;
}

int
gv__meeting_item_insert(int *pos, struct gv_db *db, int64_t meeting,
                        const char *title)
{
	int error;
	sqlite3_stmt *st = NULL;
	int rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_ITEM_INSERT)) < 0)
		return error;
	gv__bind_int(st, 1, meeting);
	gv__bind_text(st, 2, title);
	gv__bind_text(st, 3, item_role(title));
	if ((error = gv__db_run(db, st)) < 0 || !pos ||
	    (error = gv__db_stmt(&st, db, GV__STMT_ITEM_POS)) < 0)
		return error;
	gv__bind_int(st, 1, sqlite3_last_insert_rowid(db->sql));
	if ((rc = gv__db_step(db, st)) > 0)
		*pos = sqlite3_column_int(st, 0);
	gv__db_reset(st);
	return rc < 0 ? rc : 0;
}

int
gv__meeting_item_insert_at(struct gv_db *db, int64_t meeting, int pos,
                           const char *title)
{
	sqlite3_stmt *st = NULL;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_ITEM_SHIFT_OUT)) < 0)
		return error;
	gv__bind_int(st, 1, meeting);
	gv__bind_int(st, 2, pos);
	if ((error = gv__db_run(db, st)) < 0 ||
	    (error = gv__db_stmt(&st, db, GV__STMT_ITEM_SHIFT_IN)) < 0)
		return error;
	gv__bind_int(st, 1, meeting);
	if ((error = gv__db_run(db, st)) < 0 ||
	    (error = gv__db_stmt(&st, db, GV__STMT_ITEM_INSERT_AT)) < 0)
		return error;
	gv__bind_int(st, 1, meeting);
	gv__bind_int(st, 2, pos);
	gv__bind_text(st, 3, title);
	gv__bind_text(st, 4, item_role(title));
	return gv__db_run(db, st);
}

/* The standard items' titles: agenda-items.txt on the body's template
 * path. Read where the meeting is added, and carried by the operation, so
 * every copy gives the meeting the items its chair's templates gave it. */
static int
standard_items(json_t **out, struct gv_db *db, const char *code)
{
	struct gv_body b = {0};
	struct gv_templates *path;
	const char *dirs[1];
	char *text = NULL, *line, *next;
	int error;

	*out = json_array();
	if ((error = gv_body_get(&b, db, code)) < 0)
		return error;
	dirs[0] = b.templates;
	path = gv_templates_new(dirs, 1);
	error = gv_templates_read(&text, NULL, path, "agenda-items.txt");
	gv_templates_free(path);
	gv_body_dispose(&b);
	if (error == GV_ENOTFOUND)
		return 0;
	for (line = text; error == 0 && line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		while (*line == ' ')
			line++;
		if (*line && *line != '#' &&
		    json_array_append_new(*out, json_string(line)) < 0)
			error = gv__error_set(GV_ERRCLASS_TEMPLATE, GV_EINVALID,
			                      "agenda-items.txt is not UTF-8: "
			                      "save it as UTF-8");
	}
	free(text);
	return error;
}

static int
insert_items(struct gv_db *db, int64_t meeting, const json_t *items)
{
	const json_t *item;
	size_t i;
	int error = 0;

	json_array_foreach (items, i, item) {
		if (!json_is_string(item))
			return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
			                     "an operation lists an agenda "
			                     "item that is not text");
		if ((error = gv__check_line(GV_ERRCLASS_MEETING, "agenda item",
		                            json_string_value(item))) < 0 ||
		    (error = gv__meeting_item_insert(
		             NULL, db, meeting, json_string_value(item))) < 0)
			break;
	}
	return error;
}

/*
 * GV_EEXISTS when the body (or the same subcommittee) already has a
 * meeting at that start: one call is one meeting, whatever its status, and
 * a second row would split its roll call and approvals.
 */
static int
meeting_clash(struct gv_db *db, const struct gv_body *body,
              const struct gv_meeting_spec *spec)
{
	int error;
	sqlite3_stmt *st = NULL;
	char when[GV_TIME_BUFSZ];
	int64_t other = -1;
	int cancelled = 0, rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_AT_START)) < 0)
		return error;
	gv__bind_int(st, 1, body->id);
	gv__bind_int(st, 2, spec->starts_at);
	gv__bind_text(st, 3, spec->subcommittee);
	if ((rc = gv__db_step(db, st)) > 0) {
		other = sqlite3_column_int64(st, 0);
		cancelled = !strcmp((const char *)sqlite3_column_text(st, 1),
		                    "cancelled");
	}
	gv__db_reset(st);
	if (rc < 0)
		return rc;
	if (other < 0)
		return 0;
	return gv__error_set(
	        GV_ERRCLASS_MEETING, GV_EEXISTS,
	        "%s already has meeting %lld at %s%s: see "
	        "'gavel meeting show %lld'",
	        body->code, (long long)other,
	        gv_time_format(when, spec->starts_at, GV_TIME_HUMAN),
	        cancelled ? " (cancelled)" : "", (long long)other);
}

static int
meeting_add(int64_t *id_out, struct gv_db *db,
            const struct gv_meeting_spec *spec, const json_t *items)
{
	struct gv_body body = {0};
	const char *tz;
	sqlite3_stmt *st;
	int64_t id;
	int error;

	if ((error = gv_body_get(&body, db, spec->body)) < 0)
		return error;
	tz = spec->tz ? spec->tz : body.tz;
	if ((error = gv__zone_check_form(tz)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_MEETING, "meeting title",
	                            spec->title)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_MEETING, "subcommittee",
	                            spec->subcommittee)) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = meeting_clash(db, &body, spec)) < 0)
		goto rollback;
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_INSERT)) < 0)
		goto rollback;
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, spec->starts_at);
	gv__bind_text(st, 3, tz);
	gv__bind_text(st, 4, spec->kind == GV_MEETING_F2F ? "f2f" : "call");
	gv__bind_text(st, 5, spec->title);
	gv__bind_text(st, 6, spec->subcommittee);
	gv__bind_int(st, 7, gv_db_now(db));
	if ((error = gv__db_run(db, st)) < 0)
		goto rollback;
	id = sqlite3_last_insert_rowid(db->sql);
	if ((items && (error = insert_items(db, id, items)) < 0) ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	if (id_out)
		*id_out = id;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	gv_body_dispose(&body);
	return error;
}

/* Reads a meeting's body, start and whether it is cancelled. */
static int
meeting_find(struct gv_db *db, int64_t id, int64_t *body, int64_t *starts,
             int *cancelled)
{
	int error;
	sqlite3_stmt *st = NULL;
	int rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_STATUS)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	if ((rc = gv__db_step(db, st)) > 0) {
		*body = sqlite3_column_int64(st, 0);
		*cancelled = !strcmp((const char *)sqlite3_column_text(st, 1),
		                     "cancelled");
		*starts = sqlite3_column_int64(st, 2);
	}
	gv__db_reset(st);
	if (rc != 0)
		return rc < 0 ? rc : 0;
	return gv__error_set(GV_ERRCLASS_MEETING, GV_ENOTFOUND,
	                     "no meeting %lld: see 'gavel meeting list'",
	                     (long long)id);
}

/* Runs a one-row update of meeting id, in a transaction. */
static int
meeting_update(struct gv_db *db, int64_t id, sqlite3_stmt *st)
{
	int64_t body = -1, starts = 0;
	int error, cancelled = 0;

	if ((error = meeting_find(db, id, &body, &starts, &cancelled)) < 0 ||
	    (error = gv__db_run(db, st)) < 0)
		return error;
	return 0;
}

int
gv_meeting_cancellable(const struct gv_meeting *m)
{
	if (!strcmp(m->status, "cancelled"))
		return gv__error_set(GV_ERRCLASS_MEETING, GV_ECONFLICT,
		                     "meeting %lld is already cancelled",
		                     (long long)m->id);
	/* Its roll call, as of the clock (GV__MEETING_COLUMNS). */
	if (m->attendees)
		return gv__error_set(GV_ERRCLASS_MEETING, GV_ECONFLICT,
		                     "meeting %lld has a roll call: it was "
		                     "held, so it cannot be cancelled",
		                     (long long)m->id);
	return 0;
}

static int
meeting_cancel(struct gv_db *db, int64_t id, const char *reason)
{
	struct gv_meeting_detail *m = NULL;
	sqlite3_stmt *st;
	int error;

	if ((error = gv__check_text(GV_ERRCLASS_MEETING, "reason", reason)) <
	            0 ||
	    (error = gv_meeting_get(&m, db, id)) < 0)
		return error;
	error = gv_meeting_cancellable(&m->meeting);
	gv_meeting_detail_free(m);
	if (error < 0 || (error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_CANCEL)) < 0) {
		gv__db_rollback(db);
		return error;
	}
	gv__bind_int(st, 1, id);
	gv__bind_text(st, 2, reason);
	if ((error = meeting_update(db, id, st)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
	return error;
}

static int
meeting_unattend(struct gv_db *db, int64_t id, const char *const *names,
                 size_t n)
{
	int64_t person = 0, body = -1, starts = 0;
	sqlite3_stmt *st;
	int error, cancelled = 0;
	size_t i;

	if ((error = meeting_find(db, id, &body, &starts, &cancelled)) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		return error;
	for (i = 0; i < n && error == 0; i++) {
		if ((error = gv__roll_lookup(&person, db, id, names[i])) < 0)
			break;
		if ((error = gv__db_stmt(&st, db, GV__STMT_ATTENDANCE_DELETE)) <
		    0)
			break;
		gv__bind_int(st, 1, id);
		gv__bind_int(st, 2, person);
		error = gv__db_run(db, st);
	}
	if (error < 0 || (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
	return error;
}

static int
meeting_set_taker(struct gv_db *db, int64_t id, const char *who)
{
	int64_t person = 0;
	sqlite3_stmt *st;
	int error;

	if ((error = gv__roll_lookup(&person, db, id, who)) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_SET_TAKER)) < 0)
		goto rollback;
	gv__bind_int(st, 1, id);
	gv__bind_int(st, 2, person);
	if ((error = meeting_update(db, id, st)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	return 0;
rollback:
	gv__db_rollback(db);
	return error;
}

static int
meeting_add_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_meeting_spec spec = {0};
	const char *kind = "call";
	json_int_t starts = 0;
	json_t *items = NULL;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s:I, s?s, s?s, s?s, s?s, s?o}",
	                           "body", &spec.body, "starts", &starts, "tz",
	                           &spec.tz, "kind", &kind, "title",
	                           &spec.title, "sub", &spec.subcommittee,
	                           "items", &items)) < 0)
		return error;
	spec.starts_at = starts;
	spec.kind = strcmp(kind, "f2f") ? GV_MEETING_CALL : GV_MEETING_F2F;
	if (items && !json_is_array(items))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                     "an operation lists agenda items that are "
		                     "not a list");
	return meeting_add(op->out, db, &spec, items);
}

/* The meeting an operation names, and the text field key (NULL: none). */
static int
meeting_op(int64_t *id, const char **text, struct gv_db *db,
           const struct gv__op *op, const char *key)
{
	json_t *meeting = NULL;
	int error;

	*text = NULL;
	if ((error = key ? gv__op_unpack(op, "{s:o, s?s}", "meeting", &meeting,
	                                 key, text)
	                 : gv__op_unpack(op, "{s:o}", "meeting", &meeting)) < 0)
		return error;
	return gv__meeting_by_key(id, db, meeting);
}

static int
meeting_cancel_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *reason;
	int64_t id;
	int error;

	if ((error = meeting_op(&id, &reason, db, op, "reason")) < 0)
		return error;
	return meeting_cancel(db, id, reason);
}

static int
meeting_taker_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *who;
	int64_t id;
	int error;

	if ((error = meeting_op(&id, &who, db, op, "who")) < 0)
		return error;
	if (!who)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                     "a meeting.taker operation names no one");
	return meeting_set_taker(db, id, who);
}

static int
meeting_unattend_apply(struct gv_db *db, const struct gv__op *op)
{
	const char **names = NULL;
	const char *unused;
	json_t *list = NULL, *name;
	size_t i, n;
	int64_t id;
	int error;

	if ((error = meeting_op(&id, &unused, db, op, NULL)) < 0 ||
	    (error = gv__op_unpack(op, "{s:o}", "names", &list)) < 0)
		return error;
	n = json_array_size(list);
	names = gv__xcalloc(n + 1, sizeof(*names));
	json_array_foreach (list, i, name)
		if (!(names[i] = json_string_value(name))) {
			free(names);
			return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
			                     "a meeting.unattend operation "
			                     "lists a name that is not text");
		}
	error = meeting_unattend(db, id, names, n);
	free(names);
	return error;
}

const struct gv__op_kind gv__op_meeting_add = {"meeting.add", GV__MAY_OFFICER,
                                               meeting_add_apply};
const struct gv__op_kind gv__op_meeting_cancel = {
        "meeting.cancel", GV__MAY_OFFICER, meeting_cancel_apply};
const struct gv__op_kind gv__op_meeting_taker = {
        "meeting.taker", GV__MAY_OFFICER, meeting_taker_apply};
const struct gv__op_kind gv__op_meeting_unattend = {
        "meeting.unattend", GV__MAY_OFFICER, meeting_unattend_apply};

int
gv_meeting_add(int64_t *id_out, struct gv_db *db,
               const struct gv_meeting_spec *spec)
{
	json_t *items = NULL, *data;
	int error;

	/* The zone as core/body.c's acts check theirs. */
	if (spec->tz && (error = gv_zone_check(spec->tz)) < 0)
		return error;
	if (!spec->bare &&
	    (error = standard_items(&items, db, spec->body)) < 0) {
		json_decref(items);
		return error;
	}
	data = json_pack(
	        "{s:s?, s:I, s:s*, s:s, s:s*, s:s*, s:o*}", "body", spec->body,
	        "starts", (json_int_t)spec->starts_at, "tz", spec->tz, "kind",
	        spec->kind == GV_MEETING_F2F ? "f2f" : "call", "title",
	        spec->title, "sub", spec->subcommittee, "items", items);
	return gv__op_submit(db, &gv__op_meeting_add, spec->body, -1, data, 0,
	                     id_out);
}

int
gv_meeting_cancel(struct gv_db *db, int64_t id, const char *reason)
{
	return gv__meeting_submit(db, &gv__op_meeting_cancel, id,
	                          json_pack("{s:s*}", "reason", reason), NULL);
}

int
gv_meeting_set_taker(struct gv_db *db, int64_t id, const char *who)
{
	return gv__meeting_submit(db, &gv__op_meeting_taker, id,
	                          json_pack("{s:s?}", "who", who), NULL);
}

int
gv_meeting_unattend(struct gv_db *db, int64_t id, const char *const *names,
                    size_t n)
{
	json_t *list = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		if (json_array_append_new(list, json_string(names[i])) < 0) {
			json_decref(list);
			return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
			                     "the name \"%s\" is not UTF-8: "
			                     "re-enter it in UTF-8",
			                     names[i]);
		}
	return gv__meeting_submit(db, &gv__op_meeting_unattend, id,
	                          json_pack("{s:o}", "names", list), NULL);
}
