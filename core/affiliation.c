/* SPDX-License-Identifier: MIT */
/*
 * This file implements people's affiliations over time (issue 14): a
 * person who moves between organisations (Entrust, then Sectigo) stays one
 * person with a history, each row one organisation from the first meeting
 * that showed them there. Roll calls read the organisation in force on a
 * meeting's day; the attendance row keeps it, so a later move never
 * changes the quorum of a meeting already held (BYL 2.3(7)).
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/text.h"
#include "person_email.h"
#include "roll_call.h"

/* One affiliation; until is the next one's since. */
struct affil {
	int64_t org;
	int64_t since;
	int from_start; /* entered by hand: may have held before since */
};

/* A person's affiliations by since. */
struct timeline {
	struct affil *v;
	size_t n, alloc;
};

static int
timeline_load(struct timeline *t, struct gv_db *db, int64_t person)
{
	int error;
	sqlite3_stmt *st = NULL;
	int rc;

	memset(t, 0, sizeof(*t));
	if ((error = gv__db_stmt(&st, db, GV__STMT_AFFILIATION_LOAD)) < 0)
		return error;
	gv__bind_int(st, 1, person);
	while ((rc = gv__db_step(db, st)) > 0) {
		t->v = gv__grow(t->v, &t->alloc, t->n, sizeof(*t->v));
		t->v[t->n].org = sqlite3_column_int64(st, 0);
		t->v[t->n].since = sqlite3_column_int64(st, 1);
		t->v[t->n++].from_start = sqlite3_column_int(st, 2);
	}
	gv__db_reset(st);
	return rc;
}

/* The row in force at the instant at: the last that started by then;
 * before the first, the first only when it was entered by hand. -1: none. */
static long
timeline_index(const struct timeline *t, int64_t at)
{
	long k = -1;

	for (size_t i = 0; i < t->n && t->v[i].since <= at; i++)
		k = (long)i;
	if (k < 0 && t->n && t->v[0].from_start)
		k = 0;
	return k;
}

static void
timeline_insert(struct timeline *t, size_t pos, int64_t org, int64_t since)
{
	t->v = gv__grow(t->v, &t->alloc, t->n, sizeof(*t->v));
	memmove(&t->v[pos + 1], &t->v[pos], (t->n - pos) * sizeof(*t->v));
	t->v[pos].org = org;
	t->v[pos].since = since;
	t->v[pos].from_start = 0;
	t->n++;
}

/* Adds that org was seen at the instant at; returns 1 when the history
 * changed, 0 when the row in force then already says so. */
static int
timeline_seen(struct timeline *t, int64_t org, int64_t at)
{
	long k = timeline_index(t, at);
	size_t i;

	if (k >= 0 && t->v[k].org == org)
		return 0;
	if (k >= 0 && t->v[k].since <= at) {
		timeline_insert(t, (size_t)k + 1, org, at); /* a move */
	} else if (t->n && t->v[0].org == org) {
		t->v[0].since = at; /* there earlier than known */
	} else {
		/* something else before the first known: that one no longer
		 * holds "from the start" */
		if (t->n)
			t->v[0].from_start = 0;
		timeline_insert(t, 0, org, at);
	}
	for (i = 1; i < t->n;) { /* one row per stay */
		if (t->v[i].org != t->v[i - 1].org) {
			i++;
			continue;
		}
		memmove(&t->v[i], &t->v[i + 1], (t->n - i - 1) * sizeof(*t->v));
		t->n--;
	}
	return 1;
}

/* Rewrites the person's rows, and person.org as the current one. */
static int
timeline_save(struct gv_db *db, int64_t person, const struct timeline *t)
{
	sqlite3_stmt *st = NULL;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_AFFILIATION_CLEAR)) < 0)
		return error;
	gv__bind_int(st, 1, person);
	if ((error = gv__db_run(db, st)) < 0)
		return error;
	for (size_t i = 0; i < t->n; i++) {
		if ((error = gv__db_stmt(&st, db,
		                         GV__STMT_AFFILIATION_INSERT)) < 0)
			return error;
		gv__bind_int(st, 1, person);
		gv__bind_int(st, 2, t->v[i].org);
		gv__bind_int(st, 3, t->v[i].since);
		gv__bind_opt(st, 4, i + 1 < t->n ? t->v[i + 1].since : 0,
		             i + 1 < t->n);
		gv__bind_int(st, 5, t->v[i].from_start);
		if ((error = gv__db_run(db, st)) < 0)
			return error;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_SET_ORG)) < 0)
		return error;
	gv__bind_int(st, 1, person);
	gv__bind_opt(st, 2, t->n ? t->v[t->n - 1].org : 0, t->n > 0);
	return gv__db_run(db, st);
}

int
gv__affiliation_at(int64_t *org, struct gv_db *db, int64_t person, int64_t at)
{
	struct timeline t;
	long k;
	int error = timeline_load(&t, db, person);

	*org = 0;
	if (error == 0 && (k = timeline_index(&t, at)) >= 0)
		*org = t.v[k].org;
	free(t.v);
	return error;
}

int
gv__affiliation_seen(struct gv_db *db, int64_t person, int64_t org, int64_t at)
{
	struct timeline t;
	int error = timeline_load(&t, db, person);

	if (error == 0 && timeline_seen(&t, org, at))
		error = timeline_save(db, person, &t);
	free(t.v);
	return error;
}

int
gv__person_create(int64_t *id_out, struct gv_db *db, const char *name,
                  int64_t org, const char *email, int64_t since, int from_start)
{
	char *clean = NULL, *fold = NULL;
	struct timeline t = {0};
	sqlite3_stmt *st;
	int64_t id;
	int error;

	if ((error = gv__clean_name(&clean, GV_ERRCLASS_ROSTER, "name", name)) <
	    0)
		return error;
	fold = gv_text_fold(clean);
	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_INSERT)) < 0)
		goto out;
	gv__bind_text(st, 1, clean);
	gv__bind_text(st, 2, fold);
	gv__bind_opt(st, 3, org, org != 0);
	gv__bind_text(st, 4, email);
	gv__bind_int(st, 5, gv_db_now(db));
	if ((error = gv__db_run(db, st)) < 0)
		goto out;
	id = sqlite3_last_insert_rowid(db->sql);
	if (email && (error = gv__person_email_put(db, id, email)) < 0)
		goto out;
	if (org) {
		timeline_insert(&t, 0, org, since);
		t.v[0].from_start = from_start;
		if ((error = timeline_save(db, id, &t)) < 0)
			goto out;
	}
	if (id_out)
		*id_out = id;
out:
	free(t.v);
	free(clean);
	free(fold);
	return error;
}
