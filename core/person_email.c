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
gv__person_email_put(struct gv_db *db, int64_t person, const char *email)
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
	error = gv__db_run(db, st);
out:
	free(fold);
	free(owner);
	return error;
}

int
gv__person_find(int64_t *id, struct gv_db *db, const char *name,
                const char *org, const char *hint)
{
	char *fold = gv_text_fold(name),
	     *org_fold = org ? gv_text_fold(org) : NULL;
	sqlite3_stmt *st;
	int error, n = 0;

	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_NAMED)) < 0)
		goto out;
	gv__bind_text(st, 1, fold);
	while ((error = gv__db_step(db, st)) > 0) {
		const char *now = (const char *)sqlite3_column_text(st, 1);
		char *now_fold = now ? gv_text_fold(now) : NULL;
		int other =
		        org_fold && (!now_fold || strcmp(now_fold, org_fold));

		free(now_fold);
		if (!other && n++ == 0)
			*id = sqlite3_column_int64(st, 0);
	}
	gv__db_reset(st);
	if (error < 0)
		goto out;
	if (n == 0)
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_ENOTFOUND,
		                      "no person \"%s\"%s%s: see 'gavel person "
		                      "list'",
		                      name, org ? " of " : "", org ? org : "");
	else if (n > 1)
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_ECONFLICT,
		                      "%d people are named \"%s\": say which "
		                      "with %s",
		                      n, name, hint);
out:
	free(fold);
	free(org_fold);
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
	    (error = gv__person_find(&id, db, name, org, "--org")) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__person_email_put(db, id, email)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
	return error;
}

const struct gv__op_kind gv__op_person_email_add = {
        "person.email_add", GV__MAY_OFFICER, email_apply};

int
gv_person_email_add(struct gv_db *db, const char *name, const char *org,
                    const char *email)
{
	json_t *data = json_pack("{s:s, s:s*, s:s}", "name", name, "org", org,
	                         "email", email);

	return gv__op_submit(db, &gv__op_person_email_add, NULL, -1, data, 0,
	                     NULL);
}

/* Removes fold from person's addresses (their first, being replaced). */
static int
email_drop(struct gv_db *db, int64_t person, const char *email)
{
	sqlite3_stmt *st;
	char *fold = gv__email_fold(email);
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_EMAIL_DELETE)) == 0) {
		gv__bind_int(st, 1, person);
		gv__bind_text(st, 2, fold);
		error = gv__db_run(db, st);
	}
	free(fold);
	return error;
}

/*
 * Sets (or, with NULL, clears) the first address of the person who is
 * who ("Name" or "Name (Organisation)"): the one notices are sent from
 * and lists show. It replaces the old first address among the person's
 * addresses, so votes are matched by the new one and no longer by the
 * old; the person's other addresses stay.
 */
static int
set_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *who, *email = NULL;
	char *name = NULL, *org = NULL, *old = NULL;
	sqlite3_stmt *st;
	int64_t id = 0;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s?s}", "name", &who, "email",
	                           &email)) < 0 ||
	    (email && (error = gv__email_check(email)) < 0))
		return error;
	gv__attendee_split(&name, &org, who);
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__person_find(&id, db, name, org,
	                             "\"Name (Organisation)\"")) < 0 ||
	    (error = gv__db_stmt(&st, db, GV__STMT_PERSON_EMAIL_FIRST)) < 0)
		goto rollback;
	gv__bind_int(st, 1, id);
	if ((error = gv__db_step(db, st)) > 0)
		old = gv__col_text(st, 0);
	gv__db_reset(st);
	if (error < 0 || (old && (error = email_drop(db, id, old)) < 0) ||
	    (email && (error = gv__person_email_put(db, id, email)) < 0) ||
	    (error = gv__db_stmt(&st, db, GV__STMT_PERSON_SET_EMAIL)) < 0)
		goto rollback;
	gv__bind_int(st, 1, id);
	gv__bind_text(st, 2, email);
	if ((error = gv__db_run(db, st)) < 0 || (error = gv__db_commit(db)) < 0)
		goto rollback;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	free(name);
	free(org);
	free(old);
	return error;
}

/* "person.email" is the name the first address's operation shipped with
 * (schema v9); adding one more address came after, as "person.email_add". */
const struct gv__op_kind gv__op_person_email = {"person.email", GV__MAY_OFFICER,
                                                set_apply};

int
gv_person_set_email(struct gv_db *db, const char *who, const char *email)
{
	return gv__op_submit(db, &gv__op_person_email, NULL, -1,
	                     json_pack("{s:s?, s:s*}", "name", who, "email",
	                               email && *email ? email : NULL),
	                     0, NULL);
}
