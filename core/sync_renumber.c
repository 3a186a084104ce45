/* SPDX-License-Identifier: MIT */
/*
 * This file implements what a sync says of the issues it renumbered. An
 * issue gavel numbers takes its body's next number when its issue.add is
 * applied; when a sync brings operations that sort before some already
 * applied and the whole log is applied again, an issue added elsewhere
 * meanwhile can take the number one here had (core/db_schema.c v15).
 * What was recorded on it follows it (gv__issue_named, core/issue.c);
 * whoever wrote its number down is told here.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/sync.h"
#include "sync.h"

/* At most this many lines name a renumbered issue; one more counts the
 * rest. */
#define RENUMBERED_SHOWN 20

int
gv__numbers_read(struct gv__numbers *o, struct gv_db *db)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	int error;

	memset(o, 0, sizeof(*o));
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_NUMBERS)) < 0)
		return error;
	while ((error = gv__db_step(db, st)) > 0) {
		o->v = gv__grow(o->v, &alloc, o->n, sizeof(*o->v));
		o->v[o->n].made = gv__col_text(st, 0);
		o->v[o->n].name = gv__col_text(st, 1);
		o->v[o->n++].title = gv__col_text(st, 2);
	}
	gv__db_reset(st);
	return error;
}

/* The name issue made (the id of its issue.add) has now, or NULL. */
static int
name_now(char **out, struct gv_db *db, const char *made)
{
	sqlite3_stmt *st;
	int error;

	*out = NULL;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_MADE_BY)) < 0)
		return error;
	gv__bind_text(st, 1, made);
	if ((error = gv__db_step(db, st)) > 0)
		*out = gv__xsprintf("%s#%lld", sqlite3_column_text(st, 2),
		                    (long long)sqlite3_column_int64(st, 3));
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

int
gv__numbers_report(const struct gv__numbers *was, struct gv_db *db,
                   struct gv_sync_report *r)
{
	size_t i, moved = 0;
	char *now;
	int error = 0;

	for (i = 0; i < was->n && error == 0; i++) {
		/* An issue.add not applied now is a conflict, told as one. */
		if ((error = name_now(&now, db, was->v[i].made)) < 0 || !now ||
		    !strcmp(now, was->v[i].name)) {
			free(now);
			continue;
		}
		if (moved++ < RENUMBERED_SHOWN)
			gv__sync_note(
			        r, gv__xsprintf("%s \"%s\" is now %s: an issue "
			                        "added elsewhere sorts before "
			                        "it and took its number",
			                        was->v[i].name, was->v[i].title,
			                        now));
		free(now);
	}
	if (moved > RENUMBERED_SHOWN)
		gv__sync_note(r, gv__xsprintf("and %zu more issues renumbered: "
		                              "'gavel issue list' shows them",
		                              moved - RENUMBERED_SHOWN));
	return error;
}

void
gv__numbers_dispose(struct gv__numbers *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->v[i].made);
		free(o->v[i].name);
		free(o->v[i].title);
	}
	free(o->v);
	memset(o, 0, sizeof(*o));
}
