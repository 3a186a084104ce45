/* SPDX-License-Identifier: MIT */
/*
 * This file implements meetings: adding and cancelling them and recording
 * who attended, for which organisation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "event.h"
#include "gavel/meeting.h"
#include "gavel/roster.h"
#include "gavel/text.h"
#include "gavel/time.h"
#include "gavel/zone.h"

int
gv_meeting_add(int64_t *id_out, struct gv_db *db,
               const struct gv_meeting_spec *spec)
{
	struct gv_body body = {0};
	char when[GV_TIME_BUFSZ];
	const char *tz;
	sqlite3_stmt *st;
	int64_t id;
	int error;

	if ((error = gv_body_get(&body, db, spec->body)) < 0)
		return error;
	tz = spec->tz ? spec->tz : body.tz;
	if ((error = gv_zone_check(tz)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_MEETING, "meeting title",
	                            spec->title)) < 0)
		goto out;
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if (!(st = gv__db_stmt(db, GV__STMT_MEETING_INSERT))) {
		error = GV_ERROR;
		goto rollback;
	}
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, spec->starts_at);
	gv__bind_text(st, 3, tz);
	gv__bind_text(st, 4, spec->kind == GV_MEETING_F2F ? "f2f" : "call");
	gv__bind_text(st, 5, "scheduled");
	gv__bind_text(st, 6, NULL);
	gv__bind_text(st, 7, spec->title);
	gv__bind_int(st, 8, gv_db_now(db));
	if ((error = gv__db_run(db, st)) < 0)
		goto rollback;
	id = sqlite3_last_insert_rowid(db->sql);
	gv_time_format(when, spec->starts_at, GV_TIME_ISO);
	if ((error = gv__eventf(
	             db, body.id, "meeting.add", when, "{s:I, s:s, s:s}",
	             "meeting", (json_int_t)id, "tz", tz, "kind",
	             spec->kind == GV_MEETING_F2F ? "f2f" : "call")) < 0 ||
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

/* Reads a meeting's body and whether it is cancelled. */
static int
meeting_find(struct gv_db *db, int64_t id, int64_t *body, int *cancelled)
{
	sqlite3_stmt *st = gv__db_stmt(db, GV__STMT_MEETING_STATUS);
	int rc;

	if (!st)
		return GV_ERROR;
	gv__bind_int(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*body = sqlite3_column_int64(st, 0);
		*cancelled = !strcmp((const char *)sqlite3_column_text(st, 1),
		                     "cancelled");
	}
	gv__db_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return gv__db_error(db, GV_ERRCLASS_MEETING);
	return gv__error_set(GV_ERRCLASS_MEETING, GV_ENOTFOUND,
	                     "no meeting %lld: see 'gavel meeting list'",
	                     (long long)id);
}

int
gv_meeting_cancel(struct gv_db *db, int64_t id, const char *reason)
{
	sqlite3_stmt *st;
	int64_t body = -1;
	int error, cancelled = 0;
	char subject[32];

	if ((error = gv__check_text(GV_ERRCLASS_MEETING, "reason", reason)) < 0)
		return error;
	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((error = meeting_find(db, id, &body, &cancelled)) < 0)
		goto rollback;
	if (cancelled) {
		error = gv__error_set(GV_ERRCLASS_MEETING, GV_ECONFLICT,
		                      "meeting %lld is already cancelled",
		                      (long long)id);
		goto rollback;
	}
	if (!(st = gv__db_stmt(db, GV__STMT_MEETING_CANCEL))) {
		error = GV_ERROR;
		goto rollback;
	}
	gv__bind_int(st, 1, id);
	gv__bind_text(st, 2, reason);
	snprintf(subject, sizeof(subject), "%lld", (long long)id);
	if ((error = gv__db_run(db, st)) < 0 ||
	    (error = gv__eventf(db, body, "meeting.cancel", subject, "{s:s?}",
	                        "reason", reason)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	return 0;
rollback:
	gv__db_rollback(db);
	return error;
}

void
gv__attendee_split(char **name, char **org, const char *who)
{
	size_t len = strlen(who);
	int depth = 0;
	size_t i;

	while (len && who[len - 1] == ' ')
		len--;
	*org = NULL;
	if (len && who[len - 1] == ')') {
		for (i = len; i-- > 0;) {
			depth += who[i] == ')' ? 1 : who[i] == '(' ? -1 : 0;
			if (depth == 0) {
				*org = gv__xstrndup(who + i + 1, len - i - 2);
				len = i;
				break;
			}
		}
	}
	*name = gv__xstrndup(who, len);
}

/* The id of the person named, with their organisation when given. */
static int
attendee_find(int64_t *person, struct gv_db *db, const char *who)
{
	char *name = NULL, *org_name = NULL, *fold = NULL;
	int64_t org = 0;
	sqlite3_stmt *st;
	int error = 0, rows = 0;

	gv__attendee_split(&name, &org_name, who);
	fold = gv_text_fold(name);
	if (org_name && (error = gv_org_find(&org, db, org_name)) < 0)
		goto out;
	st = gv__db_stmt(db, org_name ? GV__STMT_PERSON_FIND
	                              : GV__STMT_PERSON_BY_FOLD);
	if (!st) {
		error = GV_ERROR;
		goto out;
	}
	gv__bind_text(st, 1, fold);
	if (org_name)
		gv__bind_int(st, 2, org);
	while ((error = sqlite3_step(st)) == SQLITE_ROW)
		*person = sqlite3_column_int64(st, 0), rows++;
	error = error == SQLITE_DONE ? 0
	                             : gv__db_error(db, GV_ERRCLASS_MEETING);
	gv__db_reset(st);
	if (error == 0 && rows != 1)
		error = gv__error_set(GV_ERRCLASS_MEETING,
		                      rows ? GV_ECONFLICT : GV_ENOTFOUND,
		                      rows ? "\"%s\" names %d people: write "
		                             "it as Name (Organisation)"
		                           : "no person \"%s\": add them with "
		                             "'gavel person add'",
		                      who, rows);
out:
	free(name);
	free(org_name);
	free(fold);
	return error;
}

int
gv_meeting_attend(struct gv_db *db, int64_t id, const char *who)
{
	sqlite3_stmt *st;
	int64_t person = 0, body = -1;
	int error, cancelled = 0;
	char subject[32];

	if ((error = attendee_find(&person, db, who)) < 0)
		return error;
	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((error = meeting_find(db, id, &body, &cancelled)) < 0)
		goto rollback;
	if (cancelled) {
		error = gv__error_set(GV_ERRCLASS_MEETING, GV_ECONFLICT,
		                      "meeting %lld was cancelled: nobody "
		                      "attended it",
		                      (long long)id);
		goto rollback;
	}
	if (!(st = gv__db_stmt(db, GV__STMT_ATTENDANCE_INSERT))) {
		error = GV_ERROR;
		goto rollback;
	}
	gv__bind_int(st, 1, id);
	gv__bind_int(st, 2, person);
	snprintf(subject, sizeof(subject), "%lld", (long long)id);
	if ((error = gv__db_run(db, st)) < 0 ||
	    (error = gv__eventf(db, body, "meeting.attend", subject, "{s:s}",
	                        "who", who)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	return 0;
rollback:
	gv__db_rollback(db);
	return error;
}
