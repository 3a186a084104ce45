/* SPDX-License-Identifier: MIT */
/*
 * This file implements the calendar's list of events, which the ballot
 * and meeting files fill, the instants their UIDs name, and the count of
 * operations their SEQUENCEs are derived from.
 */
#include <stdlib.h>
#include <string.h>

#include "calendar_events.h"
#include "db.h"
#include "gavel/time.h"
#include "internal.h"

struct gv__cal_event *
gv__cal_add(struct gv__cal *cal, int64_t start)
{
	struct gv__cal_event *e;

	cal->v = gv__grow(cal->v, &cal->alloc, cal->n, sizeof(*cal->v));
	e = &cal->v[cal->n++];
	memset(e, 0, sizeof(*e));
	e->start = start;
	return e;
}

void
gv__cal_event_dispose(struct gv__cal_event *e)
{
	free(e->uid);
	free(e->tz);
	free(e->summary);
	free(e->description);
	free(e->exdates);
}

void
gv__cal_dispose(struct gv__cal *cal)
{
	for (size_t i = 0; i < cal->n; i++)
		gv__cal_event_dispose(&cal->v[i]);
	free(cal->v);
	cal->v = NULL;
	cal->n = cal->alloc = 0;
}

char *
gv__cal_uid_time(char *buf, int64_t t)
{
	char *p, *q;

	gv_time_format(buf, t, GV_TIME_ISO);
	/* 2025-01-29T16:00:00Z -> 20250129T160000Z */
	for (p = q = buf; *p; p++)
		if (*p != '-' && *p != ':')
			*q++ = *p;
	*q = '\0';
	return buf;
}

int
gv__cal_op_count(int64_t *out, struct gv_db *db, const char *body,
                 const char *const *kinds)
{
	sqlite3_stmt *st;
	int error, i;

	*out = 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_KIND_COUNT)) < 0)
		return error;
	gv__bind_text(st, 1, body);
	for (i = 0; i < 3 && kinds[i]; i++)
		gv__bind_text(st, i + 2, kinds[i]);
	if ((error = gv__db_step(db, st)) > 0)
		*out = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	return error < 0 ? error : 0;
}
