/* SPDX-License-Identifier: MIT */
/*
 * This file implements people and the bodies they are voting
 * representatives in (BYL 2.3(2): only a Voting Representative of a Voting
 * Member casts its vote).
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/roster.h"
#include "gavel/text.h"
#include "gavel/time.h"
#include "op_kinds.h"
#include "person_email.h"
#include "roll_call.h"

/* The org must be a voting member (issuer or consumer) of the body now. */
static int
person_check_rep(struct gv_db *db, int64_t org, const char *org_name,
                 const struct gv_body *body)
{
	enum gv_class klass = GV_CLASS_UNKNOWN;
	int error, member;

	if ((error = gv__membership_class(&member, &klass, db, org, body->id)) <
	    0)
		return error;
	if (!member)
		return gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
		                     "%s is not a member of %s, so it has no "
		                     "voting representatives there",
		                     org_name, body->code);
	if (!gv_class_votes(klass))
		return gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
		                     "%s is %s in %s: only voting members "
		                     "(issuer, consumer) have voting "
		                     "representatives",
		                     org_name, gv_class_name(klass),
		                     body->code);
	return 0;
}

static int
person_add(int64_t *id_out, struct gv_db *db, const struct gv_person_spec *spec)
{
	struct gv_body body = {0};
	char *name = NULL, *fold = NULL;
	int64_t org = 0, id = 0;
	sqlite3_stmt *st;
	int error, rc;

	if ((error = gv__clean_name(&name, GV_ERRCLASS_ROSTER, "name",
	                            spec->name)) < 0 ||
	    (spec->email && (error = gv__email_check(spec->email)) < 0))
		goto out;
	if (spec->org && (error = gv_org_find(&org, db, spec->org)) < 0)
		goto out;
	if (spec->rep_body) {
		if (!spec->org) {
			error = gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
			                      "a voting representative needs "
			                      "an organisation (--org)");
			goto out;
		}
		if ((error = gv_body_get(&body, db, spec->rep_body)) < 0 ||
		    (error = person_check_rep(db, org, spec->org, &body)) < 0)
			goto out;
	}
	fold = gv_text_fold(name);
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_FIND)) < 0)
		goto rollback;
	gv__bind_text(st, 1, fold);
	gv__bind_int(st, 2, org);
	if ((rc = gv__db_has_row(db, st)) < 0) {
		error = rc;
		goto rollback;
	}
	if (rc > 0) {
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_EEXISTS,
		                      "%s%s%s is already known", name,
		                      spec->org ? " of " : "",
		                      spec->org ? spec->org : "");
		goto rollback;
	}
	/* Entered by hand: the organisation holds from the start, as far as
	 * anyone knows, until a roll call shows another. */
	if ((error = gv__person_create(&id, db, name, org, spec->email,
	                               gv_db_now(db), 1)) < 0)
		goto rollback;
	if (spec->rep_body) {
		if ((error = gv__db_stmt(&st, db, GV__STMT_REP_INSERT)) < 0)
			goto rollback;
		gv__bind_int(st, 1, id);
		gv__bind_int(st, 2, body.id);
		gv__bind_int(st, 3, gv_db_now(db));
		if ((error = gv__db_run(db, st)) < 0)
			goto rollback;
	}
	if ((error = gv__db_commit(db)) < 0)
		goto rollback;
	if (id_out)
		*id_out = id;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	gv_body_dispose(&body);
	free(name);
	free(fold);
	return error;
}

static int
person_add_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_person_spec spec = {0};
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s?s, s?s, s?s}", "name",
	                           &spec.name, "org", &spec.org, "email",
	                           &spec.email, "rep", &spec.rep_body)) < 0)
		return error;
	return person_add(op->out, db, &spec);
}

const struct gv__op_kind gv__op_person_add = {"person.add", GV__MAY_OFFICER,
                                              person_add_apply};

int
gv_person_add(int64_t *id_out, struct gv_db *db,
              const struct gv_person_spec *spec)
{
	json_t *data = json_pack("{s:s?, s:s*, s:s*, s:s*}", "name", spec->name,
	                         "org", spec->org, "email", spec->email, "rep",
	                         spec->rep_body);

	return gv__op_submit(db, &gv__op_person_add, spec->rep_body, -1, data,
	                     0, id_out);
}

/* A person's term in a body: when the current one began (-1: none) and
 * when the last ended (-1: never). */
static int
rep_span(int64_t *since, int64_t *ended, struct gv_db *db, int64_t person,
         int64_t body)
{
	sqlite3_stmt *st;
	int error;

	*since = *ended = -1;
	if ((error = gv__db_stmt(&st, db, GV__STMT_REP_SPAN)) < 0)
		return error;
	gv__bind_int(st, 1, person);
	gv__bind_int(st, 2, body);
	if ((error = gv__db_step(db, st)) > 0) {
		*since = gv__col_opt(st, 0);
		*ended = gv__col_opt(st, 1);
	}
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

/* Begins the person's term in the body at when: their organisation must
 * vote there (BYL 2.3(2)), and a term cannot begin inside the last. */
static int
rep_begin(struct gv_db *db, int64_t person, const char *who,
          const struct gv_body *body, int64_t when)
{
	char *org_name = NULL, at[GV_TIME_BUFSZ];
	int64_t org = 0, since, ended;
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_ORG_OF)) < 0)
		return error;
	gv__bind_int(st, 1, person);
	if ((error = gv__db_step(db, st)) > 0) {
		org = sqlite3_column_int64(st, 0);
		org_name = gv__col_text(st, 1);
	}
	gv__db_reset(st);
	if (error >= 0 && !org_name)
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
		                      "%s has no organisation: a voting "
		                      "representative needs one",
		                      who);
	if (error < 0 ||
	    (error = person_check_rep(db, org, org_name, body)) < 0 ||
	    (error = rep_span(&since, &ended, db, person, body->id)) < 0)
		goto out;
	if (since >= 0)
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_EEXISTS,
		                      "%s is a voting representative in %s "
		                      "already",
		                      who, body->code);
	else if (ended > when)
		error = gv__error_set(
		        GV_ERRCLASS_ROSTER, GV_EINVALID,
		        "%s was a voting representative in %s until %s: a new "
		        "term begins then or later (--since)",
		        who, body->code,
		        gv_time_format(at, ended, GV_TIME_HUMAN));
	if (error < 0 ||
	    (error = gv__db_stmt(&st, db, GV__STMT_REP_INSERT)) < 0)
		goto out;
	gv__bind_int(st, 1, person);
	gv__bind_int(st, 2, body->id);
	gv__bind_int(st, 3, when);
	error = gv__db_run(db, st);
out:
	free(org_name);
	return error;
}

/* Ends the person's term in the body at when. */
static int
rep_end(struct gv_db *db, int64_t person, const char *who,
        const struct gv_body *body, int64_t when)
{
	char at[GV_TIME_BUFSZ];
	int64_t since, ended;
	sqlite3_stmt *st;
	int error;

	if ((error = rep_span(&since, &ended, db, person, body->id)) < 0)
		return error;
	if (since < 0)
		return gv__error_set(
		        GV_ERRCLASS_ROSTER, GV_ENOTFOUND,
		        "%s is no voting representative in %s: see "
		        "'gavel person list --reps --body %s'",
		        who, body->code, body->code);
	/* A first term's start is when it was entered, which may be after
	 * it began; a later one's is when it began. */
	if (ended >= 0 && when < since)
		return gv__error_set(
		        GV_ERRCLASS_ROSTER, GV_EINVALID,
		        "%s became a voting representative in %s on %s: the "
		        "term ends then or later (--since)",
		        who, body->code,
		        gv_time_format(at, since, GV_TIME_HUMAN));
	if ((error = gv__db_stmt(&st, db, GV__STMT_REP_END)) < 0)
		return error;
	gv__bind_int(st, 1, person);
	gv__bind_int(st, 2, body->id);
	gv__bind_int(st, 3, when);
	if ((error = gv__db_run(db, st)) < 0)
		return error;
	return 0;
}

static int
rep_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_body body = {0};
	const char *who, *code;
	char *name = NULL, *org = NULL;
	json_int_t since = 0;
	int64_t id = 0;
	int error, on = 0;

	if ((error = gv__op_unpack(op, "{s:s, s:s, s:b, s:I}", "name", &who,
	                           "body", &code, "rep", &on, "since",
	                           &since)) < 0)
		return error;
	gv__attendee_split(&name, &org, who);
	if ((error = gv_body_get(&body, db, code)) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__person_find(&id, db, name, org,
	                             "\"Name (Organisation)\"")) < 0 ||
	    (error = on ? rep_begin(db, id, name, &body, since)
	                : rep_end(db, id, name, &body, since)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
out:
	gv_body_dispose(&body);
	free(name);
	free(org);
	return error;
}

const struct gv__op_kind gv__op_person_rep = {"person.rep", GV__MAY_OFFICER,
                                              rep_apply};

int
gv_person_set_rep(struct gv_db *db, const char *who, const char *body_code,
                  int rep, int64_t since)
{
	json_t *data;
	char at[GV_TIME_BUFSZ];

	/* The roster says what holds: a term is begun or ended on the day,
	 * not ahead of it. */
	if (since > gv_db_now(db))
		return gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
		                     "--since %s is still to come: change the "
		                     "roster on the day",
		                     gv_time_format(at, since, GV_TIME_HUMAN));
	data = json_pack("{s:s?, s:s?, s:b, s:I}", "name", who, "body",
	                 body_code, "rep", rep, "since", (json_int_t)since);
	return gv__op_submit(db, &gv__op_person_rep, body_code, since, data, 0,
	                     NULL);
}

/* Reads p's affiliations, earliest first. */
static int
person_history(struct gv_person *p, struct gv_db *db)
{
	int error;
	sqlite3_stmt *st = NULL;
	struct gv_affiliation *a;
	size_t alloc = 0;
	int rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_AFFILIATION_HISTORY)) < 0)
		return error;
	gv__bind_int(st, 1, p->id);
	while ((rc = gv__db_step(db, st)) > 0) {
		p->history = gv__grow(p->history, &alloc, p->nhistory,
		                      sizeof(*p->history));
		a = &p->history[p->nhistory++];
		a->org = gv__col_text(st, 0);
		a->since = sqlite3_column_int64(st, 1);
		a->until = gv__col_opt(st, 2);
		a->from_start = sqlite3_column_int(st, 3);
	}
	gv__db_reset(st);
	return rc;
}

int
gv_person_list(struct gv_person_list **out, struct gv_db *db,
               const struct gv_person_filter *filter)
{
	struct gv_body body = {0};
	struct gv_person_list *list;
	char *fold;
	int64_t org = 0;
	sqlite3_stmt *st;
	size_t alloc = 0;
	int error = 0, rc;

	*out = NULL;
	if (filter && filter->org &&
	    (error = gv_org_find(&org, db, filter->org)) < 0)
		return error;
	if (filter && filter->body &&
	    (error = gv_body_get(&body, db, filter->body)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_LIST)) < 0) {
		gv_body_dispose(&body);
		return error;
	}
	fold = filter && filter->name ? gv_text_fold(filter->name) : NULL;
	gv__bind_opt(st, 1, org, org != 0);
	gv__bind_opt(st, 2, body.id, filter && filter->body);
	gv__bind_int(st, 3, filter ? filter->reps_only : 0);
	gv__bind_text(st, 4, fold);
	list = gv__xcalloc(1, sizeof(*list));
	while ((rc = gv__db_step(db, st)) > 0) {
		struct gv_person *p;

		list->v = gv__grow(list->v, &alloc, list->n, sizeof(*list->v));
		p = &list->v[list->n++];
		memset(p, 0, sizeof(*p));
		p->id = sqlite3_column_int64(st, GV__PERSON_ID);
		p->name = gv__col_text(st, GV__PERSON_NAME);
		p->org = gv__col_text(st, GV__PERSON_ORG);
		p->email = gv__col_text(st, GV__PERSON_EMAIL);
		p->emails = gv__col_text(st, GV__PERSON_EMAILS);
		p->reps = gv__col_text(st, GV__PERSON_REPS);
		p->meetings = sqlite3_column_int(st, GV__PERSON_MEETINGS);
		p->last_meeting = gv__col_opt(st, GV__PERSON_LAST_MEETING);
	}
	if (rc < 0)
		error = rc;
	gv__db_reset(st);
	for (size_t i = 0; i < list->n && error == 0; i++)
		error = person_history(&list->v[i], db);
	if (error < 0) {
		gv_person_list_free(list);
		list = NULL;
	}
	free(fold);
	gv_body_dispose(&body);
	*out = list;
	return error;
}

void
gv_person_list_free(struct gv_person_list *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->n; i++) {
		free(list->v[i].name);
		free(list->v[i].org);
		free(list->v[i].email);
		free(list->v[i].emails);
		free(list->v[i].reps);
		for (size_t k = 0; k < list->v[i].nhistory; k++)
			free(list->v[i].history[k].org);
		free(list->v[i].history);
	}
	free(list->v);
	free(list);
}
