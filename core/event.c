/* SPDX-License-Identifier: MIT */
/*
 * This file implements the event log's writer: every change appends one row
 * in the same transaction, with its detail packed as a JSON object.
 */
#include <stdlib.h>

#include <jansson.h>

#include "db.h"
#include "event.h"

int
gv__eventf(struct gv_db *db, int64_t body, const char *kind,
           const char *subject, const char *fmt, ...)
{
	json_error_t jerr;
	json_t *detail;
	char *text;
	va_list ap;
	int error;

	va_start(ap, fmt);
	detail = json_vpack_ex(&jerr, 0, fmt, ap);
	va_end(ap);
	if (!detail)
		return gv__error_set(GV_ERRCLASS_DB, GV_ERROR,
		                     "cannot record event %s: %s", kind,
		                     jerr.text);
	text = json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(detail);
	if (!text)
		abort();
	error = gv__event(db, body, kind, subject, text);
	free(text);
	return error;
}
