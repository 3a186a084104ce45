/* SPDX-License-Identifier: MIT */
/*
 * This file implements organisations and their memberships: class and
 * status per body, kept as dated rows so eligibility can be asked "as of"
 * any instant (RULES §1, §8).
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "op_kinds.h"
#include "roll_call.h"
#include "gavel/roster.h"
#include "gavel/text.h"
#include "gavel/time.h"

int
gv_org_find(int64_t *id_out, struct gv_db *db, const char *name)
{
	sqlite3_stmt *st = NULL;
	char *fold;
	int rc;

	if ((rc = gv__db_stmt(&st, db, GV__STMT_ORG_BY_FOLD)) < 0)
		return rc;
	fold = gv_text_fold(name ? name : "");
	gv__bind_text(st, 1, fold);
	if ((rc = gv__db_step(db, st)) > 0)
		*id_out = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	free(fold);
	if (rc != 0)
		return rc < 0 ? rc : 0;
	return gv__error_set(GV_ERRCLASS_ROSTER, GV_ENOTFOUND,
	                     "no organisation \"%s\": add it with 'gavel org "
	                     "add'",
	                     name ? name : "");
}

/* The membership row in force now; *row_id 0 when there is none. */
static int
membership_current(struct gv_db *db, int64_t org, int64_t body, int64_t *row_id,
                   enum gv_class *klass, enum gv_status *status, int64_t *since)
{
	sqlite3_stmt *st = NULL;
	int rc, error = 0;

	*row_id = 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEMBERSHIP_CURRENT)) < 0)
		return error;
	gv__bind_int(st, 1, org);
	gv__bind_int(st, 2, body);
	if ((rc = gv__db_step(db, st)) > 0) {
		*row_id = sqlite3_column_int64(st, 0);
		gv_class_parse(klass, (const char *)sqlite3_column_text(st, 1));
		gv_status_parse(status,
		                (const char *)sqlite3_column_text(st, 2));
		*since = sqlite3_column_int64(st, 3);
	}
	gv__db_reset(st);
	return rc < 0 ? rc : 0;
}

int
gv__membership_class(int *member, enum gv_class *klass, struct gv_db *db,
                     int64_t org, int64_t body)
{
	enum gv_status status;
	int64_t row, since;
	int error =
	        membership_current(db, org, body, &row, klass, &status, &since);

	*member = error == 0 && row != 0;
	return error;
}

static int
membership_insert(struct gv_db *db, int64_t org, int64_t body,
                  enum gv_class klass, enum gv_status status, int64_t since)
{
	int error;
	sqlite3_stmt *st = NULL;

	if ((error = gv__db_stmt(&st, db, GV__STMT_MEMBERSHIP_INSERT)) < 0)
		return error;
	gv__bind_int(st, 1, org);
	gv__bind_int(st, 2, body);
	gv__bind_text(st, 3, gv_class_name(klass));
	gv__bind_text(st, 4, gv_status_name(status));
	gv__bind_int(st, 5, since);
	return gv__db_run(db, st);
}

/* Finds the organisation, or creates it when create is set. */
static int
org_find_or_add(int64_t *id, int *created, struct gv_db *db, const char *name)
{
	sqlite3_stmt *st;
	char *fold;
	int error;

	*created = 0;
	if ((error = gv_org_find(id, db, name)) != GV_ENOTFOUND)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ORG_INSERT)) < 0)
		return error;
	fold = gv_text_fold(name);
	gv__bind_text(st, 1, name);
	gv__bind_text(st, 2, fold);
	gv__bind_int(st, 3, gv_db_now(db));
	error = gv__db_run(db, st);
	free(fold);
	if (error < 0)
		return error;
	*id = sqlite3_last_insert_rowid(db->sql);
	*created = 1;
	return 0;
}

static int
org_add(int64_t *id_out, struct gv_db *db, const char *name,
        const char *body_code, enum gv_class klass, int64_t since)
{
	struct gv_body body = {0};
	enum gv_class cur_class = GV_CLASS_UNKNOWN;
	enum gv_status cur_status = GV_STATUS_ACTIVE;
	int64_t org = 0, row = 0, cur_since = 0;
	char *clean = NULL;
	int error, created;

	if ((error = gv__clean_name(&clean, GV_ERRCLASS_ROSTER,
	                            "organisation name", name)) < 0)
		return error;
	if (body_code && (error = gv_body_get(&body, db, body_code)) < 0)
		goto out;
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = org_find_or_add(&org, &created, db, clean)) < 0)
		goto rollback;
	if (!body_code) {
		if (!created) {
			error = gv__error_set(GV_ERRCLASS_ROSTER, GV_EEXISTS,
			                      "organisation %s already "
			                      "exists",
			                      clean);
			goto rollback;
		}
	} else {
		if ((error = membership_current(db, org, body.id, &row,
		                                &cur_class, &cur_status,
		                                &cur_since)) < 0)
			goto rollback;
		if (row) {
			error = gv__error_set(
			        GV_ERRCLASS_ROSTER, GV_EEXISTS,
			        "%s is already a member of %s (%s): change "
			        "it with 'gavel org set'",
			        clean, body.code, gv_class_name(cur_class));
			goto rollback;
		}
		if ((error = membership_insert(db, org, body.id, klass,
		                               GV_STATUS_ACTIVE, since)) < 0)
			goto rollback;
	}
	if ((error = gv__db_commit(db)) < 0)
		goto rollback;
	if (id_out)
		*id_out = org;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	gv_body_dispose(&body);
	free(clean);
	return error;
}

static int
membership_classify(struct gv_db *db, int64_t row, enum gv_class klass)
{
	sqlite3_stmt *st = NULL;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_MEMBERSHIP_CLASSIFY)) < 0)
		return error;
	gv__bind_int(st, 1, row);
	gv__bind_text(st, 2, gv_class_name(klass));
	if ((error = gv__db_run(db, st)) < 0)
		return error;
	return 0;
}

static int
org_set(struct gv_db *db, const char *name, const char *body_code, int klass,
        int status, int64_t since, int dated)
{
	struct gv_body body = {0};
	enum gv_class cur_class = GV_CLASS_UNKNOWN, new_class;
	enum gv_status cur_status = GV_STATUS_ACTIVE, new_status;
	int64_t org = 0, row = 0, cur_since = 0;
	sqlite3_stmt *st;
	int error;

	if ((error = gv_org_find(&org, db, name)) < 0 ||
	    (error = gv_body_get(&body, db, body_code)) < 0)
		goto out;
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = membership_current(db, org, body.id, &row, &cur_class,
	                                &cur_status, &cur_since)) < 0)
		goto rollback;
	if (!row) {
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_ENOTFOUND,
		                      "%s is not a member of %s: add it with "
		                      "'gavel org add'",
		                      name, body.code);
		goto rollback;
	}
	new_class = klass >= 0 ? (enum gv_class)klass : cur_class;
	new_status = status >= 0 ? (enum gv_status)status : cur_status;
	if (new_class == cur_class && new_status == cur_status) {
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
		                      "%s is already %s and %s in %s", name,
		                      gv_class_name(cur_class),
		                      gv_status_name(cur_status), body.code);
		goto rollback;
	}
	/* Classifying an organisation met in imported minutes corrects the
	 * record rather than changing it: the class holds from the start,
	 * unless the change was given a date (--since), from which it holds
	 * (before it, the organisation stays of a class not known). */
	if (cur_class == GV_CLASS_UNKNOWN && new_status == cur_status &&
	    !dated) {
		error = membership_classify(db, row, new_class);
		if (error < 0 || (error = gv__db_commit(db)) < 0)
			goto rollback;
		goto out;
	}
	if (since < cur_since) {
		char when[GV_TIME_BUFSZ];

		error = gv__error_set(
		        GV_ERRCLASS_ROSTER, GV_EINVALID,
		        "the change cannot start before the "
		        "current membership, which began %s",
		        gv_time_format(when, cur_since, GV_TIME_HUMAN));
		goto rollback;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEMBERSHIP_CLOSE)) < 0)
		goto rollback;
	gv__bind_int(st, 1, row);
	gv__bind_int(st, 2, since);
	if ((error = gv__db_run(db, st)) < 0 ||
	    (error = membership_insert(db, org, body.id, new_class, new_status,
	                               since)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	gv_body_dispose(&body);
	return error;
}

int
gv_org_list(struct gv_org_list **out, struct gv_db *db,
            const struct gv_org_filter *filter)
{
	struct gv_body body = {0};
	struct gv_org_list *list = NULL;
	sqlite3_stmt *st;
	size_t alloc = 0;
	int error = 0, rc;

	*out = NULL;
	if (filter && filter->body &&
	    (error = gv_body_get(&body, db, filter->body)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ORG_LIST)) < 0) {
		gv_body_dispose(&body);
		return error;
	}
	gv__bind_opt(st, 1, body.id, filter && filter->body);
	gv__bind_text(st, 2,
	              filter && filter->klass >= 0
	                      ? gv_class_name((enum gv_class)filter->klass)
	                      : NULL);
	list = gv__xcalloc(1, sizeof(*list));
	while ((rc = gv__db_step(db, st)) > 0) {
		struct gv_org *o;

		list->v = gv__grow(list->v, &alloc, list->n, sizeof(*list->v));
		o = &list->v[list->n++];
		memset(o, 0, sizeof(*o));
		o->id = sqlite3_column_int64(st, GV__ORG_ID);
		o->name = gv__col_text(st, GV__ORG_NAME);
		o->body = gv__col_text(st, GV__ORG_BODY);
		gv_class_parse(&o->klass, (const char *)sqlite3_column_text(
		                                  st, GV__ORG_CLASS));
		gv_status_parse(&o->status, (const char *)sqlite3_column_text(
		                                    st, GV__ORG_STATUS));
		o->since = sqlite3_column_type(st, GV__ORG_SINCE) == SQLITE_NULL
		                   ? -1
		                   : sqlite3_column_int64(st, GV__ORG_SINCE);
		o->reps = sqlite3_column_int(st, GV__ORG_REPS);
		o->people = sqlite3_column_int(st, GV__ORG_PEOPLE);
	}
	if (rc < 0) {
		error = rc;
		gv_org_list_free(list);
		list = NULL;
	}
	gv__db_reset(st);
	gv_body_dispose(&body);
	*out = list;
	return error;
}

void
gv_org_list_free(struct gv_org_list *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->n; i++) {
		free(list->v[i].name);
		free(list->v[i].body);
	}
	free(list->v);
	free(list);
}

static int
org_add_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *name, *body = NULL, *klass = "unknown";
	enum gv_class c;
	json_int_t since = 0;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s?s, s?s, s?I}", "name", &name,
	                           "body", &body, "class", &klass, "since",
	                           &since)) < 0 ||
	    (error = gv_class_parse(&c, klass)) < 0)
		return error;
	return org_add(op->out, db, name, body, c, since);
}

static int
org_set_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *name, *body, *klass = NULL, *status = NULL;
	enum gv_class c = GV_CLASS_UNKNOWN;
	enum gv_status t = GV_STATUS_ACTIVE;
	json_int_t since = 0;
	int error, dated = 0;

	if ((error = gv__op_unpack(op, "{s:s, s:s, s?s, s?s, s:I, s?b}", "name",
	                           &name, "body", &body, "class", &klass,
	                           "status", &status, "since", &since, "dated",
	                           &dated)) < 0 ||
	    (klass && (error = gv_class_parse(&c, klass)) < 0) ||
	    (status && (error = gv_status_parse(&t, status)) < 0))
		return error;
	return org_set(db, name, body, klass ? (int)c : -1,
	               status ? (int)t : -1, since, dated);
}

const struct gv__op_kind gv__op_org_add = {"org.add", GV__MAY_OFFICER,
                                           org_add_apply};
const struct gv__op_kind gv__op_org_set = {"org.set", GV__MAY_OFFICER,
                                           org_set_apply};

int
gv_org_add(int64_t *id_out, struct gv_db *db, const char *name,
           const char *body_code, enum gv_class klass, int64_t since)
{
	json_t *data = json_pack("{s:s?, s:s*, s:s, s:I}", "name", name, "body",
	                         body_code, "class", gv_class_name(klass),
	                         "since", (json_int_t)since);

	return gv__op_submit(db, &gv__op_org_add, body_code, -1, data, 0,
	                     id_out);
}

int
gv_org_set(struct gv_db *db, const char *name, const char *body_code, int klass,
           int status, int64_t since)
{
	int dated = since >= 0;
	json_t *data;

	/* "dated" only when given, so an undated change's operation is the
	 * one gavel wrote before it knew the difference. */
	if (!dated)
		since = gv_db_now(db);
	data = json_pack(
	        "{s:s?, s:s?, s:s*, s:s*, s:I}", "name", name, "body",
	        body_code, "class",
	        klass >= 0 ? gv_class_name((enum gv_class)klass) : NULL,
	        "status",
	        status >= 0 ? gv_status_name((enum gv_status)status) : NULL,
	        "since", (json_int_t)since);
	if (data && dated)
		json_object_set_new(data, "dated", json_true());

	return gv__op_submit(db, &gv__op_org_set, body_code, since, data, 0,
	                     NULL);
}
