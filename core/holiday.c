/* SPDX-License-Identifier: MIT */
/*
 * This file implements a body's holidays: the days its business-day clocks
 * step over (RULES §4; core/ballot_clock.c reads them). Each change is one
 * transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/holiday.h"
#include "gavel/roster.h"
#include "gavel/time.h"
#include "op_kinds.h"

/* The stored name of a holiday ("" without one) in *name, or NULL when
 * day is not a holiday of the body. */
static int
holiday_find(char **name, struct gv_db *db, int64_t body, int64_t day)
{
	int error;
	sqlite3_stmt *st = NULL;
	int rc;

	*name = NULL;
	if ((error = gv__db_stmt(&st, db, GV__STMT_HOLIDAY_NAME)) < 0)
		return error;
	gv__bind_int(st, 1, body);
	gv__bind_int(st, 2, day);
	if ((rc = gv__db_step(db, st)) > 0)
		*name = gv__col_text(st, 0);
	gv__db_reset(st);
	return rc < 0 ? rc : 0;
}

static int
holiday_add(struct gv_db *db, const char *code, int64_t day, const char *name)
{
	struct gv_body body = {0};
	char *clean = NULL, *known = NULL, date[GV_TIME_BUFSZ];
	sqlite3_stmt *st;
	int error;

	gv_time_format(date, day * 86400, GV_TIME_DATE);
	if ((name && (error = gv__clean_name(&clean, GV_ERRCLASS_ROSTER,
	                                     "holiday name", name)) < 0) ||
	    (error = gv_body_get(&body, db, code)) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = holiday_find(&known, db, body.id, day)) < 0)
		goto rollback;
	if (known) {
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_EEXISTS,
		                      "%s is already a holiday of %s%s%s%s: "
		                      "remove it first to rename it",
		                      date, body.code, *known ? " (" : "",
		                      known, *known ? ")" : "");
		goto rollback;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_HOLIDAY_INSERT)) < 0)
		goto rollback;
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, day);
	gv__bind_text(st, 3, clean);
	if ((error = gv__db_run(db, st)) < 0 || (error = gv__db_commit(db)) < 0)
		goto rollback;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	gv_body_dispose(&body);
	free(clean);
	free(known);
	return error;
}

static int
holiday_remove(struct gv_db *db, const char *code, int64_t day)
{
	struct gv_body body = {0};
	char date[GV_TIME_BUFSZ];
	sqlite3_stmt *st;
	int error, rc;

	gv_time_format(date, day * 86400, GV_TIME_DATE);
	if ((error = gv_body_get(&body, db, code)) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_HOLIDAY_DELETE)) < 0)
		goto rollback;
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, day);
	if ((rc = gv__db_has_row(db, st)) < 0) {
		error = rc;
		goto rollback;
	}
	if (rc == 0) {
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_ENOTFOUND,
		                      "%s is not a holiday of %s: 'gavel body "
		                      "holiday list %s' shows them",
		                      date, body.code, body.code);
		goto rollback;
	}
	if ((error = gv__db_commit(db)) < 0)
		goto rollback;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	gv_body_dispose(&body);
	return error;
}

static int
holiday_add_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *code, *name = NULL;
	json_int_t day;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s:I, s?s}", "body", &code, "day",
	                           &day, "name", &name)) < 0)
		return error;
	return holiday_add(db, code, day, name);
}

static int
holiday_remove_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *code;
	json_int_t day;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s:I}", "body", &code, "day",
	                           &day)) < 0)
		return error;
	return holiday_remove(db, code, day);
}

const struct gv__op_kind gv__op_holiday_add = {"holiday.add", GV__MAY_CHAIR,
                                               holiday_add_apply};
const struct gv__op_kind gv__op_holiday_remove = {
        "holiday.remove", GV__MAY_CHAIR, holiday_remove_apply};

int
gv_holiday_add(struct gv_db *db, const char *code, int64_t day,
               const char *name)
{
	return gv__op_submit(db, &gv__op_holiday_add, code, -1,
	                     json_pack("{s:s, s:I, s:s*}", "body", code, "day",
	                               (json_int_t)day, "name", name),
	                     0, NULL);
}

int
gv_holiday_remove(struct gv_db *db, const char *code, int64_t day)
{
	return gv__op_submit(
	        db, &gv__op_holiday_remove, code, -1,
	        json_pack("{s:s, s:I}", "body", code, "day", (json_int_t)day),
	        0, NULL);
}

int
gv_holiday_list(struct gv_holiday_list **out, struct gv_db *db,
                const char *code)
{
	struct gv_body body = {0};
	struct gv_holiday_list *list;
	sqlite3_stmt *st;
	size_t alloc = 0;
	int error, rc;

	*out = NULL;
	if ((error = gv_body_get(&body, db, code)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_HOLIDAY_LIST)) < 0) {
		gv_body_dispose(&body);
		return error;
	}
	gv__bind_int(st, 1, body.id);
	list = gv__xcalloc(1, sizeof(*list));
	while ((rc = gv__db_step(db, st)) > 0) {
		list->v = gv__grow(list->v, &alloc, list->n, sizeof(*list->v));
		list->v[list->n].day = sqlite3_column_int64(st, 0);
		list->v[list->n].name = gv__col_text(st, 1);
		list->n++;
	}
	if (rc < 0) {
		error = rc;
		gv_holiday_list_free(list);
		list = NULL;
	}
	gv__db_reset(st);
	gv_body_dispose(&body);
	*out = list;
	return error;
}

void
gv_holiday_list_free(struct gv_holiday_list *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->n; i++)
		free(list->v[i].name);
	free(list->v);
	free(list);
}
