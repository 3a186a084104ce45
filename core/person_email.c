/* SPDX-License-Identifier: MIT */
/*
 * This file implements people's e-mail addresses (issue 18). Votes come
 * from the list's archive, matched by their sender's address, and a
 * voting representative writes from more than one (a work and a personal
 * address, a new employer's): a person has any number, and each address
 * is one person's, so a sender names one person or none.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "event.h"
#include "op_kinds.h"
#include "person_email.h"
#include "gavel/roster.h"
#include "gavel/text.h"

int
gv__email_check(const char *email)
{
	const char *at = strchr(email, '@');

	/* A comma or semicolon is two addresses typed as one. */
	if (!at || at == email || !at[1] || strchr(at + 1, '@') ||
	    strpbrk(email, " \t\r\n<>\",;") ||
	    !gv_utf8_valid(email, strlen(email)))
		return gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
		                     "\"%s\" is not an e-mail address: write "
		                     "it as name@example.org",
		                     email);
	return 0;
}

char *
gv__email_fold(const char *email)
{
	char *fold = gv__xstrdup(email);

	for (char *p = fold; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return fold;
}

int
gv__person_email_put(struct gv_db *db, int64_t person, const char *who,
                     const char *email)
{
	sqlite3_stmt *st;
	char *fold = NULL, *owner = NULL;
	int64_t owner_id = 0;
	int error;

	if ((error = gv__email_check(email)) < 0)
		return error;
	fold = gv__email_fold(email);
	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_EMAIL_OWNER)) < 0)
		goto out;
	gv__bind_text(st, 1, fold);
	if ((error = gv__db_step(db, st)) > 0) {
		owner_id = sqlite3_column_int64(st, 0);
		owner = gv__col_text(st, 1);
	}
	gv__db_reset(st);
	if (error < 0)
		goto out;
	if (owner) {
		error = owner_id == person
		                ? gv__error_set(GV_ERRCLASS_ROSTER, GV_EEXISTS,
		                                "%s is already %s's address",
		                                email, owner)
		                : gv__error_set(
		                          GV_ERRCLASS_ROSTER, GV_EEXISTS,
		                          "%s is %s's address: an address "
		                          "is one person's, so a vote "
		                          "from it names one",
		                          email, owner);
		goto out;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_EMAIL_INSERT)) < 0)
		goto out;
	gv__bind_int(st, 1, person);
	gv__bind_text(st, 2, email);
	gv__bind_text(st, 3, fold);
	if ((error = gv__db_run(db, st)) < 0)
		goto out;
	error = gv__eventf(db, -1, "person.email", who, "{s:s}", "email",
	                   email);
out:
	free(fold);
	free(owner);
	return error;
}

/* The one person named name (of org, when given): 0 (id in *id),
 * GV_ENOTFOUND or GV_EINVALID (namesakes: say which organisation). */
static int
person_named(int64_t *id, struct gv_db *db, const char *name, const char *org)
{
	sqlite3_stmt *st;
	char *fold = gv_text_fold(name), *want = org ? gv_text_fold(org) : NULL;
	int error, found = 0;

	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_NAMED)) < 0)
		goto out;
	gv__bind_text(st, 1, fold);
	while ((error = gv__db_step(db, st)) > 0) {
		const char *o = (const char *)sqlite3_column_text(st, 1);
		char *ofold = o ? gv_text_fold(o) : NULL;

		if (!want || (ofold && !strcmp(ofold, want))) {
			found++;
			*id = sqlite3_column_int64(st, 0);
		}
		free(ofold);
	}
	gv__db_reset(st);
	if (error < 0)
		goto out;
	if (found == 0)
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_ENOTFOUND,
		                      "no person \"%s\"%s%s: see 'gavel person "
		                      "list'",
		                      name, org ? " of " : "", org ? org : "");
	else if (found > 1)
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
		                      "%d people are named \"%s\": say which "
		                      "with --org",
		                      found, name);
out:
	free(fold);
	free(want);
	return error < 0 ? error : 0;
}

static int
email_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *name, *org = NULL, *email;
	int64_t id = 0;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s?s, s:s}", "name", &name, "org",
	                           &org, "email", &email)) < 0 ||
	    (error = person_named(&id, db, name, org)) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__person_email_put(db, id, name, email)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
	return error;
}

const struct gv__op_kind gv__op_person_email = {"person.email", GV__MAY_OFFICER,
                                                email_apply};

int
gv_person_email_add(struct gv_db *db, const char *name, const char *org,
                    const char *email)
{
	json_t *data = json_pack("{s:s, s:s*, s:s}", "name", name, "org", org,
	                         "email", email);

	return gv__op_submit(db, &gv__op_person_email, NULL, -1, data, 0, NULL);
}
