/* SPDX-License-Identifier: MIT */
/*
 * This file implements who may record what. Issue 17: ballot steps, votes
 * and roll calls are the chair's or secretary's acts (with the
 * vice-chair, who stands in for the chair, Bylaws 5.1(b)); review notes,
 * issues and their notes are anyone's; roles and a body's rules are the
 * chair's. A body without any role is one person's, where anyone may do
 * anything, as before roles existed.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/text.h"
#include "op.h"
#include "role_check.h"

static const char *const may_text[] = {
        [GV__MAY_ANYONE] = "anyone",
        [GV__MAY_OFFICER] = "its chair, vice-chair or secretary",
        [GV__MAY_CHAIR] = "its chair or vice-chair",
};

/* Whether the body (part's fold; NULL: any body) has any role. */
static int
roles_exist(int *yes, struct gv_db *db, const char *fold)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db,
	                         fold ? GV__STMT_ROLE_ANY_IN
	                              : GV__STMT_ROLE_ANY)) < 0)
		return error;
	if (fold)
		gv__bind_text(st, 1, fold);
	if ((error = gv__db_step(db, st)) > 0)
		*yes = sqlite3_column_int(st, 0);
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

/* The actor's highest role in the body (any body when fold is NULL), or
 * NULL (owned), and whether the body has any role. */
static int
role_of(char **out, int *any, struct gv_db *db, const char *actor,
        const char *fold)
{
	sqlite3_stmt *st;
	char *who = gv_text_fold(actor);
	int error;

	*out = NULL;
	*any = 0;
	if ((error = gv__db_stmt(
	             &st, db, fold ? GV__STMT_ROLE_OF : GV__STMT_ROLE_OF_ANY)) <
	    0)
		goto out;
	gv__bind_text(st, 1, who);
	if (fold)
		gv__bind_text(st, 2, fold);
	if ((error = gv__db_step(db, st)) > 0) {
		*out = gv__col_text(st, 0);
		*any = sqlite3_column_int(st, 2);
	}
	gv__db_reset(st);
out:
	free(who);
	return error < 0 ? error : 0;
}

static int
allowed(enum gv__may may, const char *role)
{
	if (may == GV__MAY_ANYONE)
		return 1;
	if (!role)
		return 0;
	if (!strcmp(role, "chair") || !strcmp(role, "vice-chair"))
		return 1;
	return may == GV__MAY_OFFICER && !strcmp(role, "secretary");
}

/* The folded code of part's body, or NULL for an operation of no body,
 * which is checked against every body (owned). */
static char *
part_fold(const char *part)
{
	return strcmp(part, GV__OP_NO_PART) ? gv_text_fold(part) : NULL;
}

int
gv__roles_in(int *yes, struct gv_db *db, const char *part)
{
	char *fold = part_fold(part);
	int error;

	*yes = 0;
	error = roles_exist(yes, db, fold);
	free(fold);
	return error;
}

int
gv__role_allows(struct gv_db *db, const struct gv__op *op)
{
	int bodyless = !strcmp(op->part, GV__OP_NO_PART), any = 0, error = 0;
	char *fold, *role = NULL;

	if (op->kind->may == GV__MAY_ANYONE)
		return 0;
	fold = part_fold(op->part);
	if ((error = role_of(&role, &any, db, op->actor, fold)) < 0 || !any ||
	    allowed(op->kind->may, role))
		goto out;
	error = gv__error_set(GV_ERRCLASS_SYNC, GV_EDENIED,
	                      "%s %s%s %s %s: %s is for %s (see 'gavel body "
	                      "roles %s')",
	                      op->actor,
	                      !role                    ? "has no role"
	                      : strcmp(role, "member") ? "is the "
	                                               : "is a ",
	                      role ? role : "", role ? "of" : "in",
	                      bodyless ? "any body" : op->part, op->kind->name,
	                      may_text[op->kind->may],
	                      bodyless ? "CODE" : op->part);
out:
	free(fold);
	free(role);
	return error;
}
