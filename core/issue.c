/* SPDX-License-Identifier: MIT */
/*
 * This file implements a body's issues.
 */
#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "event.h"
#include "gavel/issue.h"
#include "gavel/roster.h"

int
gv_issue_add(int64_t *id_out, struct gv_db *db,
             const struct gv_issue_spec *spec)
{
	struct gv_body body = {0};
	int64_t created =
	        spec->created_at >= 0 ? spec->created_at : gv_db_now(db);
	char *title = NULL, subject[32];
	sqlite3_stmt *st;
	int64_t id;
	int error;

	if (spec->number <= 0)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "issue number %lld is not valid: use a "
		                     "number above 0",
		                     (long long)spec->number);
	if ((error = gv__clean_name(&title, GV_ERRCLASS_ISSUE, "title",
	                            spec->title)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_ISSUE, "issue text",
	                            spec->body_md)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_ISSUE, "url", spec->url)) < 0 ||
	    (error = gv_body_get(&body, db, spec->body)) < 0)
		goto out;
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if (!(st = gv__db_stmt(db, GV__STMT_ISSUE_EXISTS))) {
		error = GV_ERROR;
		goto rollback;
	}
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, spec->number);
	if ((error = gv__db_has_row(db, st)) != 0) {
		if (error > 0)
			error = gv__error_set(GV_ERRCLASS_ISSUE, GV_EEXISTS,
			                      "%s already has issue #%lld",
			                      body.code,
			                      (long long)spec->number);
		goto rollback;
	}
	if (!(st = gv__db_stmt(db, GV__STMT_ISSUE_INSERT))) {
		error = GV_ERROR;
		goto rollback;
	}
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, spec->number);
	gv__bind_text(st, 3, title);
	gv__bind_text(st, 4, spec->closed ? "closed" : "open");
	gv__bind_text(st, 5, spec->url);
	gv__bind_text(st, 6, spec->body_md);
	gv__bind_text(st, 7, spec->author);
	gv__bind_int(st, 8, created);
	gv__bind_opt(st, 9, spec->closed_at, spec->closed);
	snprintf(subject, sizeof(subject), "#%lld", (long long)spec->number);
	if ((error = gv__db_run(db, st)) < 0)
		goto rollback;
	id = sqlite3_last_insert_rowid(db->sql);
	if ((error = gv__eventf(db, body.id, "issue.add", subject,
	                        "{s:s, s:s?}", "title", title, "url",
	                        spec->url)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	if (id_out)
		*id_out = id;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	gv_body_dispose(&body);
	free(title);
	return error;
}
