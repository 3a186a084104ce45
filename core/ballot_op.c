/* SPDX-License-Identifier: MIT */
/*
 * This file implements submitting an operation on a ballot: the ballot is
 * found first, and the operation names it by its number, as every copy
 * does.
 */
#include <stdio.h>

#include "ballot_internal.h"
#include "db.h"
#include "op.h"

int
gv__ballot_made_add(json_t *data, struct gv_db *db, int64_t id)
{
	sqlite3_stmt *st;
	int error;

	if (!data)
		return 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_MADE_OF)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	if ((error = gv__db_step(db, st)) > 0) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			json_object_set_new(
			        data, "ballot_made",
			        json_string((const char *)sqlite3_column_text(
			                st, 0)));
		error = 0;
	}
	gv__db_reset(st);
	return error;
}

int
gv__ballot_named(const char **ballot, char buf[48], struct gv_db *db,
                 const struct gv__op *op)
{
	const char *made = NULL;
	sqlite3_stmt *st;
	int error;

	if ((error = gv__op_unpack(op, "{s?s}", "ballot_made", &made)) < 0 ||
	    !made)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_MADE_BY)) < 0)
		return error;
	gv__bind_text(st, 1, made);
	if ((error = gv__db_step(db, st)) > 0) {
		gv_ballot_format_number(
		        buf, 48, (const char *)sqlite3_column_text(st, 0),
		        sqlite3_column_int(st, 1), sqlite3_column_int64(st, 2));
		*ballot = buf;
		error = 0;
	} else if (error == 0) {
		error = gv__error_set(GV_ERRCLASS_BALLOT, GV_ENOTFOUND,
		                      "the ballot it was recorded on (%s then) "
		                      "is not here: the proposal that made it, "
		                      "%.10s, was not applied",
		                      *ballot, made);
	}
	gv__db_reset(st);
	return error;
}

/* Submits an operation on the ballot ref names (found here, so an unknown
 * one is refused as gv_ballot_get says): data gains its number. */
int
gv__ballot_submit(struct gv_db *db, const struct gv__op_kind *kind,
                  const char *ref, int64_t at, json_t *data)
{
	struct gv_ballot *b = NULL;
	int error;

	if ((error = gv_ballot_get(&b, db, ref)) < 0 ||
	    (error = gv__ballot_made_add(data, db, b->id)) < 0) {
		json_decref(data);
		gv_ballot_free(b);
		return error;
	}
	if (data &&
	    json_object_set_new(data, "ballot", json_string(b->number)) < 0) {
		json_decref(data);
		data = NULL;
	}
	error = gv__op_submit(db, kind, b->body, at, data, 0, NULL);
	gv_ballot_free(b);
	return error;
}
