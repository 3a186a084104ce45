/* SPDX-License-Identifier: MIT */
/*
 * This file implements who this copy's operations are by (issue 17: a
 * person of the roster, set with `gavel config user NAME` or found from
 * git's user.email).
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/sync.h"
#include "gavel/text.h"
#include "git_config.h"
#include "identity.h"

/* The roster's spelling of name, or NULL when no one, or more than one
 * person, has it (*count says which). Owned. */
int
gv__person_named(char **out, int *count, struct gv_db *db, const char *name)
{
	sqlite3_stmt *st;
	char *fold = gv_text_fold(name);
	int error;

	*out = NULL;
	*count = 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_CANONICAL)) < 0)
		goto out;
	gv__bind_text(st, 1, fold);
	while ((error = gv__db_step(db, st)) > 0)
		if (++*count == 1)
			*out = gv__col_text(st, 0);
	gv__db_reset(st);
	if (*count > 1) {
		free(*out);
		*out = NULL;
	}
out:
	free(fold);
	return error < 0 ? error : 0;
}

void
gv_db_set_actor_fallback(struct gv_db *db, const char *fallback)
{
	free(db->actor_fallback);
	db->actor_fallback = fallback ? gv__xstrdup(fallback) : NULL;
	free(db->actor_found);
	db->actor_found = NULL;
}

/* The roster's person whose email is git's user.email, or NULL. */
static char *
person_of_git_email(struct gv_db *db)
{
	sqlite3_stmt *st;
	char *email = NULL, *name = NULL;
	int rows = 0;

	if (gv__git_config_string(&email, "user.email") < 0 || !email ||
	    gv__db_stmt(&st, db, GV__STMT_PERSON_BY_EMAIL) < 0)
		goto out;
	gv__bind_text(st, 1, email);
	while (gv__db_step(db, st) > 0)
		if (++rows == 1)
			name = gv__col_text(st, 0);
	gv__db_reset(st);
	/* Two people with one address: git's setting names neither. */
	if (rows > 1) {
		free(name);
		name = NULL;
	}
out:
	free(email);
	return name;
}

const char *
gv_db_actor(struct gv_db *db)
{
	char *user = NULL;

	if (db->actor)
		return db->actor;
	if (db->actor_found)
		return db->actor_found;
	if (gv_config_get(&user, db, "user") == 0 && user)
		db->actor_found = user;
	else if (!(db->actor_found = person_of_git_email(db)))
		db->actor_found = gv__xstrdup(
		        db->actor_fallback ? db->actor_fallback : "unknown");
	return db->actor_found;
}
