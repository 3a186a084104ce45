/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading ballots: one ballot with its endorsers and
 * versions, and the list, each read as of an instant through
 * core/ballot_acts.c, so that every view, "as of" ones included, agrees.
 * A view reads a ballot as it stood then (core/ballot_past.c); a step
 * reads its row as it is, to check and write it back.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ballot_internal.h"
#include "db.h"

static const char *const state_names[] = {
        [GV_BALLOT_DRAFT] = "draft",
        [GV_BALLOT_DISCUSSION] = "discussion",
        [GV_BALLOT_EXPIRED] = "expired",
        [GV_BALLOT_VOTING] = "voting",
        [GV_BALLOT_CLOSED] = "closed",
        [GV_BALLOT_PASSED] = "passed",
        [GV_BALLOT_FAILED] = "failed",
        [GV_BALLOT_INVALID] = "invalid",
        [GV_BALLOT_IPR_REVIEW] = "ipr_review",
        [GV_BALLOT_ADOPTED] = "adopted",
        [GV_BALLOT_RESCINDED] = "rescinded",
        [GV_BALLOT_WITHDRAWN] = "withdrawn",
        [GV_BALLOT_CANCELLED] = "cancelled",
};

/* As a person reads them (issue 20, item 8): "IPR review", not
 * "ipr_review"; "closed" is the wait for the results. */
static const char *const state_labels[] = {
        [GV_BALLOT_DRAFT] = "draft",
        [GV_BALLOT_DISCUSSION] = "discussion",
        [GV_BALLOT_EXPIRED] = "expired",
        [GV_BALLOT_VOTING] = "voting",
        [GV_BALLOT_CLOSED] = "results due",
        [GV_BALLOT_PASSED] = "passed",
        [GV_BALLOT_FAILED] = "failed",
        [GV_BALLOT_INVALID] = "no quorum",
        [GV_BALLOT_IPR_REVIEW] = "IPR review",
        [GV_BALLOT_ADOPTED] = "adopted",
        [GV_BALLOT_RESCINDED] = "rescinded",
        [GV_BALLOT_WITHDRAWN] = "withdrawn",
        [GV_BALLOT_CANCELLED] = "cancelled",
};

/* After "SMC010 is" in a refusal: "SMC010 is under IPR review: ...". */
static const char *const state_phrases[] = {
        [GV_BALLOT_DRAFT] = "a draft",
        [GV_BALLOT_DISCUSSION] = "in discussion",
        [GV_BALLOT_EXPIRED] = "expired",
        [GV_BALLOT_VOTING] = "in voting",
        [GV_BALLOT_CLOSED] = "closed, its results due",
        [GV_BALLOT_PASSED] = "passed",
        [GV_BALLOT_FAILED] = "failed",
        [GV_BALLOT_INVALID] = "invalid (no quorum)",
        [GV_BALLOT_IPR_REVIEW] = "under IPR review",
        [GV_BALLOT_ADOPTED] = "adopted",
        [GV_BALLOT_RESCINDED] = "rescinded",
        [GV_BALLOT_WITHDRAWN] = "withdrawn",
        [GV_BALLOT_CANCELLED] = "cancelled",
};

const char *
gv__ballot_state_phrase(enum gv_ballot_state state)
{
	return state_phrases[state];
}

const char *
gv_ballot_state_name(enum gv_ballot_state state)
{
	return state_names[state];
}

const char *
gv_ballot_state_label(enum gv_ballot_state state)
{
	return state_labels[state];
}

int
gv_ballot_state_parse(enum gv_ballot_state *out, const char *name)
{
	struct gv_buf known = GV_BUF_INIT;
	size_t i, n = sizeof(state_names) / sizeof(state_names[0]);
	int error;

	for (i = 0; i < n; i++)
		if (!strcasecmp(name, state_names[i])) {
			*out = (enum gv_ballot_state)i;
			return 0;
		}
	for (i = 0; i < n; i++)
		gv__buf_printf(&known, "%s%s", i ? ", " : "", state_names[i]);
	error = gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
	                      "unknown ballot state \"%s\": the states are %s",
	                      name, known.ptr);
	gv__buf_dispose(&known);
	return error;
}

static void
ballot_read_row(struct gv_ballot *b, sqlite3_stmt *st)
{
	char number[48];

	b->id = sqlite3_column_int64(st, GV__BALLOT_ID);
	b->body = gv__col_text(st, GV__BALLOT_BODY_CODE);
	b->body_id = sqlite3_column_int64(st, GV__BALLOT_BODY_ID);
	b->seq = sqlite3_column_int64(st, GV__BALLOT_NUMBER);
	gv_ballot_format_number(
	        number, sizeof(number),
	        (const char *)sqlite3_column_text(st, GV__BALLOT_PREFIX),
	        sqlite3_column_int(st, GV__BALLOT_ID_WIDTH), b->seq);
	b->number = gv__xstrdup(number);
	b->title = gv__col_text(st, GV__BALLOT_TITLE);
	b->kind = gv__col_text(st, GV__BALLOT_KIND);
	b->proposer = gv__col_text(st, GV__BALLOT_PROPOSER);
	b->proposed_at = gv__col_opt(st, GV__BALLOT_PROPOSED_AT);
	b->discussion_ends_at = gv__col_opt(st, GV__BALLOT_DISCUSSION_ENDS_AT);
	b->vote_starts_at = gv__col_opt(st, GV__BALLOT_VOTE_STARTS_AT);
	b->vote_ends_at = gv__col_opt(st, GV__BALLOT_VOTE_ENDS_AT);
	b->results_at = gv__col_opt(st, GV__BALLOT_RESULTS_AT);
	b->review_starts_at = gv__col_opt(st, GV__BALLOT_REVIEW_STARTS_AT);
	b->review_ends_at = gv__col_opt(st, GV__BALLOT_REVIEW_ENDS_AT);
	b->withdrawn_at = gv__col_opt(st, GV__BALLOT_WITHDRAWN_AT);
	b->cancelled_at = gv__col_opt(st, GV__BALLOT_CANCELLED_AT);
	b->result = gv__col_text(st, GV__BALLOT_RESULT);
	b->quorum_published =
	        sqlite3_column_int(st, GV__BALLOT_QUORUM_PUBLISHED);
	b->quorum_source = gv__col_text(st, GV__BALLOT_QUORUM_SOURCE);
	b->exclusions = sqlite3_column_int(st, GV__BALLOT_EXCLUSIONS);
	b->purpose = gv__col_text(st, GV__BALLOT_PURPOSE);
}

/* The endorsers of b made by t, and its versions. */
static int
ballot_read_parts(struct gv_ballot *b, struct gv_db *db, int64_t t)
{
	int error;
	sqlite3_stmt *st = NULL;
	size_t alloc = 0;
	int rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_ENDORSERS)) < 0)
		return error;
	gv__bind_int(st, 1, b->id);
	gv__bind_int(st, 2, t);
	while ((rc = gv__db_step(db, st)) > 0) {
		b->endorsers = gv__grow(b->endorsers, &alloc, b->nendorsers,
		                        sizeof(*b->endorsers));
		b->endorsers[b->nendorsers++] = gv__col_text(st, 0);
	}
	gv__db_reset(st);
	if (rc < 0 || (rc = gv__db_stmt(&st, db, GV__STMT_BALLOT_VERSIONS)) < 0)
		return rc;
	alloc = 0;
	gv__bind_int(st, 1, b->id);
	while ((rc = gv__db_step(db, st)) > 0) {
		struct gv_ballot_version *v;

		b->versions = gv__grow(b->versions, &alloc, b->nversions,
		                       sizeof(*b->versions));
		v = &b->versions[b->nversions++];
		v->n = sqlite3_column_int(st, 0);
		v->posted_at = sqlite3_column_int64(st, 1);
		v->url = gv__col_text(st, 2);
		v->hash = gv__col_text(st, 3);
		v->repo = gv__col_text(st, 4);
		v->base = gv__col_text(st, 5);
		v->head = gv__col_text(st, 6);
		v->has_text = sqlite3_column_int(st, 7);
	}
	gv__db_reset(st);
	return rc;
}

static void
ballot_version_dispose(struct gv_ballot_version *v)
{
	free(v->url);
	free(v->hash);
	free(v->repo);
	free(v->base);
	free(v->head);
}

/* Drops the versions posted after t: a view as of t lists the texts put
 * before the group by then (versions are dated in order). */
static void
ballot_versions_by(struct gv_ballot *b, int64_t t)
{
	while (b->nversions && b->versions[b->nversions - 1].posted_at > t)
		ballot_version_dispose(&b->versions[--b->nversions]);
}

/* An instant recorded by t, else -1. */
static int64_t
ballot_by(int64_t instant, int64_t t)
{
	return instant <= t ? instant : -1;
}

/* Forgets the acts recorded after t, so that a view as of t shows none
 * of them: each act with what it set (voting, its scheduled close; the
 * review, its end; the proposal, its announced end of discussion). */
static void
ballot_acts_by(struct gv_ballot *b, int64_t t)
{
	if ((b->proposed_at = ballot_by(b->proposed_at, t)) < 0)
		b->discussion_ends_at = -1;
	if ((b->vote_starts_at = ballot_by(b->vote_starts_at, t)) < 0)
		b->vote_ends_at = -1;
	b->results_at = ballot_by(b->results_at, t);
	if ((b->review_starts_at = ballot_by(b->review_starts_at, t)) < 0)
		b->review_ends_at = -1;
	b->withdrawn_at = ballot_by(b->withdrawn_at, t);
	b->cancelled_at = ballot_by(b->cancelled_at, t);
	ballot_versions_by(b, t);
}

/* Loads ballot id; as_of: as it stood at now, for a view. */
static int
ballot_load(struct gv_ballot **out, struct gv_db *db, int64_t id, int64_t now,
            int as_of)
{
	sqlite3_stmt *st = NULL;
	struct gv_ballot *b;
	int rc, error;

	*out = NULL;
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_GET)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	gv__bind_int(st, 2, as_of ? now : INT64_MAX);
	if ((rc = gv__db_step(db, st)) <= 0) {
		gv__db_reset(st);
		return rc < 0 ? rc
		              : gv__error_set(GV_ERRCLASS_BALLOT, GV_ENOTFOUND,
		                              "no ballot with id %lld",
		                              (long long)id);
	}
	b = gv__xcalloc(1, sizeof(*b));
	ballot_read_row(b, st);
	gv__db_reset(st);
	/* A step reads every endorsement: its guards say which count. */
	if ((error = ballot_read_parts(b, db, as_of ? now : INT64_MAX)) < 0 ||
	    (as_of && (error = gv__ballot_past(b, db, now)) < 0)) {
		gv_ballot_free(b);
		return error;
	}
	if (as_of)
		ballot_acts_by(b, now);
	gv__ballot_set_now(b, now);
	*out = b;
	return 0;
}

int
gv__ballot_load(struct gv_ballot **out, struct gv_db *db, int64_t id,
                int64_t now)
{
	return ballot_load(out, db, id, now, 0);
}

int
gv__ballot_read(struct gv_ballot **out, struct gv_db *db, int64_t id, int64_t t)
{
	return ballot_load(out, db, id, t, 1);
}

int
gv__ballot_save(struct gv_db *db, const struct gv_ballot *b, int64_t now)
{
	int error;
	sqlite3_stmt *st = NULL;
	enum gv_ballot_state state = gv__ballot_state_at(b, now);
	/* The stored column predates "invalid": it says failed, and the
	 * result column says why. */
	const char *name =
	        state == GV_BALLOT_INVALID ? "failed" : state_names[state];

	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_SAVE)) < 0)
		return error;
	gv__bind_int(st, 1, b->id);
	gv__bind_text(st, 2, name);
	gv__bind_opt(st, 3, b->proposed_at, b->proposed_at >= 0);
	gv__bind_opt(st, 4, b->discussion_ends_at, b->discussion_ends_at >= 0);
	gv__bind_opt(st, 5, b->vote_starts_at, b->vote_starts_at >= 0);
	gv__bind_opt(st, 6, b->vote_ends_at, b->vote_ends_at >= 0);
	gv__bind_opt(st, 7, b->results_at, b->results_at >= 0);
	gv__bind_opt(st, 8, b->review_starts_at, b->review_starts_at >= 0);
	gv__bind_opt(st, 9, b->review_ends_at, b->review_ends_at >= 0);
	gv__bind_opt(st, 10, b->withdrawn_at, b->withdrawn_at >= 0);
	gv__bind_opt(st, 11, b->cancelled_at, b->cancelled_at >= 0);
	gv__bind_text(st, 12, b->result);
	gv__bind_opt(st, 13, b->review_ends_at,
	             state == GV_BALLOT_ADOPTED && b->review_ends_at >= 0);
	return gv__db_run(db, st);
}

int
gv__ballot_load_ref(struct gv_ballot **out, struct gv_db *db, const char *ref,
                    int64_t at)
{
	int64_t id = 0;
	int error;

	*out = NULL;
	if ((error = gv_ballot_find(&id, db, ref)) < 0)
		return error;
	return gv__ballot_load(out, db, id, at);
}

int
gv_ballot_get(struct gv_ballot **out, struct gv_db *db, const char *ref)
{
	int64_t id = 0;
	int error;

	*out = NULL;
	if ((error = gv_ballot_find(&id, db, ref)) < 0)
		return error;
	return gv__ballot_read(out, db, id, gv_db_now(db));
}

void
gv_ballot_free(struct gv_ballot *b)
{
	size_t i;

	if (!b)
		return;
	free(b->body);
	free(b->number);
	free(b->title);
	free(b->kind);
	free(b->proposer);
	for (i = 0; i < b->nendorsers; i++)
		free(b->endorsers[i]);
	free(b->endorsers);
	for (i = 0; i < b->nversions; i++)
		ballot_version_dispose(&b->versions[i]);
	free(b->versions);
	free(b->result);
	free(b->quorum_source);
	free(b->purpose);
	free(b);
}

/* The ballots a statement lists (?1: the body or NULL, ?2: now). */
static int
ballot_list_of(struct gv_ballot_list **out, struct gv_db *db, const char *code,
               enum gv__stmt which)
{
	struct gv_body body = {0};
	struct gv_ballot_list *list;
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, alloc = 0, i;
	int error = 0, rc;

	*out = NULL;
	if (code && (error = gv_body_get(&body, db, code)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, which)) < 0) {
		gv_body_dispose(&body);
		return error;
	}
	gv__bind_opt(st, 1, body.id, code != NULL);
	if (which == GV__STMT_BALLOT_LIST_LIVE)
		gv__bind_int(st, 2, gv_db_now(db));
	while ((rc = gv__db_step(db, st)) > 0) {
		ids = gv__grow(ids, &alloc, n, sizeof(*ids));
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	gv__db_reset(st);
	gv_body_dispose(&body);
	list = gv__xcalloc(1, sizeof(*list));
	list->v = gv__xcalloc(n, sizeof(*list->v));
	for (i = 0; i < n && error == 0; i++)
		if ((error = gv__ballot_read(&list->v[i], db, ids[i],
		                             gv_db_now(db))) == 0)
			list->n++;
	free(ids);
	if (rc < 0 && error == 0)
		error = rc;
	if (error < 0) {
		gv_ballot_list_free(list);
		return error;
	}
	*out = list;
	return 0;
}

int
gv_ballot_list(struct gv_ballot_list **out, struct gv_db *db, const char *code)
{
	return ballot_list_of(out, db, code, GV__STMT_BALLOT_LIST_ALL);
}

int
gv_ballot_list_live(struct gv_ballot_list **out, struct gv_db *db,
                    const char *code)
{
	return ballot_list_of(out, db, code, GV__STMT_BALLOT_LIST_LIVE);
}

void
gv_ballot_list_free(struct gv_ballot_list *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->n; i++)
		gv_ballot_free(list->v[i]);
	free(list->v);
	free(list);
}

void
gv_ballot_list_keep(struct gv_ballot_list *list, unsigned states)
{
	size_t i, kept = 0;

	if (!list || !states)
		return;
	for (i = 0; i < list->n; i++)
		if (states & (1u << list->v[i]->state))
			list->v[kept++] = list->v[i];
		else
			gv_ballot_free(list->v[i]);
	list->n = kept;
}
