/* SPDX-License-Identifier: MIT */
/*
 * This file implements a body's roles (issue 17, item 4): who is its
 * chair, vice-chair, secretary or a member, which core/role_check.c reads
 * to decide who may record what.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "gavel/roster.h"
#include "gavel/sync.h"
#include "gavel/text.h"
#include "op_kinds.h"

static const char *const roles[] = {"chair", "vice-chair", "secretary",
                                    "member", "none"};

/* The role named, as the store spells it (in any letter case: "Chair"),
 * in *out. */
static int
role_check(const char **out, const char *role)
{
	size_t i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (!strcasecmp(role, roles[i])) {
			*out = roles[i];
			return 0;
		}
	return gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
	                     "\"%.100s\" is not a role: give chair, "
	                     "vice-chair, secretary, member or none",
	                     role);
}

/* The one person of that name. */
static int
person_id(int64_t *id, struct gv_db *db, const char *name)
{
	sqlite3_stmt *st;
	char *fold = gv_text_fold(name);
	int error, rows = 0;

	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_NAMED)) < 0)
		goto out;
	gv__bind_text(st, 1, fold);
	while ((error = gv__db_step(db, st)) > 0)
		if (++rows == 1)
			*id = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	if (error == 0 && rows != 1)
		error = gv__error_set(
		        GV_ERRCLASS_ROSTER, rows ? GV_EINVALID : GV_ENOTFOUND,
		        rows ? "more than one person is named \"%s\""
		             : "no person \"%s\": add them with 'gavel person "
		               "add'",
		        name);
out:
	free(fold);
	return error < 0 ? error : 0;
}

static int
body_role_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_body body = {0};
	const char *code, *name, *said, *role = NULL;
	sqlite3_stmt *st;
	int64_t person = 0;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s:s, s:s}", "body", &code,
	                           "person", &name, "role", &said)) < 0 ||
	    (error = role_check(&role, said)) < 0 ||
	    (error = gv_body_get(&body, db, code)) < 0 ||
	    (error = person_id(&person, db, name)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db,
	                         strcmp(role, "none") ? GV__STMT_ROLE_PUT
	                                              : GV__STMT_ROLE_DROP)) <
	    0)
		goto out;
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, person);
	if (strcmp(role, "none")) {
		gv__bind_text(st, 3, role);
		gv__bind_int(st, 4, op->at);
	}
	error = gv__db_run(db, st);
out:
	gv_body_dispose(&body);
	return error;
}

const struct gv__op_kind gv__op_body_role = {"body.role", GV__MAY_CHAIR,
                                             body_role_apply};

int
gv_body_role(struct gv_db *db, const char *body, const char *person,
             const char *role, int64_t at)
{
	const char *canon = NULL;
	int error;

	if ((error = role_check(&canon, role)) < 0)
		return error;
	return gv__op_submit(db, &gv__op_body_role, body, at,
	                     json_pack("{s:s, s:s, s:s}", "body", body,
	                               "person", person, "role", canon),
	                     0, NULL);
}

int
gv_body_roles(struct gv_role **out, size_t *n, struct gv_db *db,
              const char *code)
{
	struct gv_body body = {0};
	struct gv_role *list = NULL;
	sqlite3_stmt *st;
	size_t alloc = 0;
	int error;

	*out = NULL;
	*n = 0;
	if ((error = gv_body_get(&body, db, code)) < 0 ||
	    (error = gv__db_stmt(&st, db, GV__STMT_ROLE_LIST)) < 0)
		goto out;
	gv__bind_int(st, 1, body.id);
	while ((error = gv__db_step(db, st)) > 0) {
		if (*n == alloc)
			list = gv__xrealloc(list,
			                    (alloc = alloc ? alloc * 2 : 4) *
			                            sizeof(*list));
		list[*n].person = gv__col_text(st, 0);
		list[*n].role = gv__col_text(st, 1);
		list[(*n)++].since = sqlite3_column_int64(st, 2);
	}
	gv__db_reset(st);
	if (error < 0) {
		gv_roles_free(list, *n);
		list = NULL;
		*n = 0;
	}
	*out = list;
out:
	gv_body_dispose(&body);
	return error < 0 ? error : 0;
}

void
gv_roles_free(struct gv_role *roles_, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(roles_[i].person);
		free(roles_[i].role);
	}
	free(roles_);
}
