/* SPDX-License-Identifier: MIT */
/*
 * This file implements submitting an operation on a ballot: the ballot is
 * found first, and the operation names it by its number, as every copy
 * does.
 */
#include "ballot_internal.h"
#include "db.h"
#include "op.h"

/* Submits an operation on the ballot ref names (found here, so an unknown
 * one is refused as gv_ballot_get says): data gains its number. */
int
gv__ballot_submit(struct gv_db *db, const struct gv__op_kind *kind,
                  const char *ref, int64_t at, json_t *data)
{
	struct gv_ballot *b = NULL;
	int error;

	if ((error = gv_ballot_get(&b, db, ref)) < 0) {
		json_decref(data);
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
