/* SPDX-License-Identifier: MIT */
/*
 * This file implements the keys operations name meetings by (a body's
 * meetings never share a start, core/meeting.c's meeting_clash).
 */
#include <stdlib.h>

#include "db.h"
#include "gavel/text.h"
#include "gavel/time.h"
#include "meeting_key.h"
#include "op.h"

int
gv__meeting_key(json_t **out, char **body, struct gv_db *db, int64_t id)
{
	sqlite3_stmt *st;
	int error;

	*out = NULL;
	*body = NULL;
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_KEY)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	if ((error = gv__db_step(db, st)) > 0) {
		const char *sub = (const char *)sqlite3_column_text(st, 2);

		*body = gv__col_text(st, 0);
		*out = json_pack("{s:s, s:I, s:s*}", "body", *body, "starts",
		                 (json_int_t)sqlite3_column_int64(st, 1), "sub",
		                 sub);
	}
	gv__db_reset(st);
	if (error < 0)
		return error;
	if (!*out)
		return gv__error_set(
		        GV_ERRCLASS_MEETING, GV_ENOTFOUND,
		        "no meeting %lld: see 'gavel meeting list'",
		        (long long)id);
	return 0;
}

int
gv__meeting_by_key(int64_t *id, struct gv_db *db, const json_t *key)
{
	const char *body = NULL, *sub = NULL;
	char when[GV_TIME_BUFSZ], *fold;
	json_int_t starts = 0;
	sqlite3_stmt *st;
	int error;

	*id = 0;
	if (json_unpack((json_t *)key, "{s:s, s:I, s?s}", "body", &body,
	                "starts", &starts, "sub", &sub) < 0)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                     "an operation names a meeting without its "
		                     "body and start");
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_BY_KEY)) < 0)
		return error;
	fold = gv_text_fold(body);
	gv__bind_text(st, 1, fold);
	gv__bind_int(st, 2, starts);
	gv__bind_text(st, 3, sub);
	if ((error = gv__db_step(db, st)) > 0)
		*id = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	free(fold);
	if (error < 0)
		return error;
	if (!*id)
		return gv__error_set(
		        GV_ERRCLASS_MEETING, GV_ENOTFOUND,
		        "%s has no meeting%s%s at %s", body, sub ? " of " : "",
		        sub ? sub : "",
		        gv_time_format(when, starts, GV_TIME_HUMAN));
	return 0;
}

int
gv__meeting_submit(struct gv_db *db, const struct gv__op_kind *kind, int64_t id,
                   json_t *data, void *out)
{
	json_t *meeting = NULL;
	char *part = NULL;
	int error;

	if ((error = gv__meeting_key(&meeting, &part, db, id)) < 0) {
		json_decref(data);
		return error;
	}
	if (data && json_object_set_new(data, "meeting", meeting) < 0) {
		json_decref(data);
		data = NULL;
	} else if (!data) {
		json_decref(meeting);
	}
	error = gv__op_submit(db, kind, part, -1, data, 0, out);
	free(part);
	return error;
}
