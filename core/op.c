/* SPDX-License-Identifier: MIT */
/*
 * This file implements submitting an operation: the change a person makes
 * here. It takes the next Lamport clock, checks the actor's role, applies
 * the operation under its own clock and actor, and records it in the log,
 * all in one transaction.
 */
#include <stdlib.h>

#include "db.h"
#include "gavel/sync.h"
#include "gavel/text.h"
#include "op.h"
#include "op_log.h"
#include "role_check.h"

json_t *
gv__op_texts(const char *const *v, size_t n)
{
	json_t *list = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		if (json_array_append_new(list, json_string(v[i])) < 0) {
			json_decref(list);
			return NULL;
		}
	return list;
}

int
gv__op_run(struct gv_db *db, const struct gv__op *op)
{
	const struct gv__op *outer = db->op;
	int64_t clock = db->now;
	int error;

	/* Whatever apply reads as "now" is the recorded time, so a replay
	 * on another day writes what was written the first time. */
	db->now = op->recorded;
	db->op = op;
	error = op->kind->apply(db, op);
	db->op = outer;
	db->now = clock;
	return error;
}

/* The body's code as it is stored, whatever case the caller typed, so
 * one body's operations are one part of the log; or part as given (a
 * body being added) or GV__OP_NO_PART. Owned. */
static int
op_part(char **out, struct gv_db *db, const char *part)
{
	sqlite3_stmt *st;
	char *fold;
	int error;

	*out = NULL;
	if (!part) {
		*out = gv__xstrdup(GV__OP_NO_PART);
		return 0;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_PART_CODE)) < 0)
		return error;
	fold = gv_text_fold(part);
	gv__bind_text(st, 1, fold);
	if ((error = gv__db_step(db, st)) > 0)
		*out = gv__col_text(st, 0);
	gv__db_reset(st);
	free(fold);
	if (error < 0)
		return error;
	if (!*out)
		*out = gv__xstrdup(part);
	return 0;
}

/* Inside another operation's apply: the change is part of that one. */
static int
op_nested(struct gv_db *db, const struct gv__op_kind *kind, json_t *data,
          void *out)
{
	struct gv__op op = *db->op;

	op.kind = kind;
	op.data = data;
	op.id = NULL;
	op.out = out;
	return kind->apply(db, &op);
}

int
gv__op_submit(struct gv_db *db, const struct gv__op_kind *kind,
              const char *part, int64_t at, json_t *data, unsigned flags,
              void *out)
{
	struct gv__op op = {0};
	char *code = NULL, *text = NULL, *id = NULL;
	int error;

	if (!data)
		return gv__error_set(GV_ERRCLASS_NONE, GV_EINVALID,
		                     "the text given for %s is not UTF-8: "
		                     "re-enter it in UTF-8",
		                     kind->name);
	if (db->op) {
		error = op_nested(db, kind, data, out);
		json_decref(data);
		return error < 0 ? error : 0;
	}
	op.kind = kind;
	op.data = data;
	op.actor = gv_db_actor(db);
	op.recorded = gv_db_now(db);
	op.at = at >= 0 ? at : op.recorded;
	op.flags = flags;
	op.out = out;
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = op_part(&code, db, part)) < 0)
		goto rollback;
	op.part = code;
	/* Its id is known before it is applied, as a replay knows it: what
	 * it adds is named by it (core/issue.c, gv__issue_named). */
	if ((error = gv__op_next_lamport(&op.lamport, db)) < 0 ||
	    (error = gv__op_id(&text, &id, &op)) < 0 ||
	    (error = gv__role_allows(db, &op)) < 0 ||
	    (error = gv__op_run(db, &op)) < 0)
		goto rollback;
	if (error == GV__OP_SAME) {
		/* Nothing changed: nothing to record. */
		error = gv__db_commit(db);
		goto out;
	}
	if ((error = gv__op_record(db, &op, text, "applied", NULL)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	json_decref(data);
	free(code);
	free(text);
	free(id);
	return error < 0 ? error : 0;
}
