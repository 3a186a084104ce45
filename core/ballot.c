/* SPDX-License-Identifier: MIT */
/*
 * This file implements the first steps of a ballot (a new draft, its
 * purpose, endorsements, versions of its text) and the recording of a
 * ballot's published history for ballots that ran before gavel.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ballot_internal.h"
#include "db.h"
#include "op_kinds.h"
#include "gavel/ballot.h"
#include "gavel/roster.h"
#include "gavel/time.h"

static const char *const ballot_kinds[] = {"fg", "fmg", "other", NULL};
static const char *const ballot_states[] = {
        "draft",     "discussion",  "voting",    "withdrawn",  "closed",
        "passed",    "failed",      "expired",   "ipr_review", "adopted",
        "rescinded", "second_vote", "cancelled", NULL};

/* The word of words that w is, in any letter case, or NULL. */
static const char *
ballot_word(const char *const *words, const char *w)
{
	for (; w && *words; words++)
		if (!strcasecmp(*words, w))
			return *words;
	return NULL;
}

/*
 * The recorded instants must follow the Bylaws' order: versions, end of
 * discussion, voting, results, review (RULES §3). Unknown (-1) ones are
 * skipped.
 */
static int
ballot_check_order(const struct gv_ballot_record *r)
{
	const int64_t steps[] = {r->n_versions ? r->versions[r->n_versions - 1]
	                                       : -1,
	                         r->discussion_ends_at,
	                         r->vote_starts_at,
	                         r->vote_ends_at,
	                         r->results_at,
	                         r->review_starts_at,
	                         r->review_ends_at};
	static const char *const names[] = {
	        "the last version",    "the end of discussion",
	        "the start of voting", "the end of voting",
	        "the results",         "the start of review",
	        "the end of review"};
	int64_t last = -1;
	size_t i, last_i = 0;
	char a[GV_TIME_BUFSZ], b[GV_TIME_BUFSZ];

	for (i = 0; i + 1 < r->n_versions; i++)
		if (r->versions[i + 1] < r->versions[i])
			return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
			                     "version %zu is dated before "
			                     "version %zu",
			                     i + 2, i + 1);
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (steps[i] < 0)
			continue;
		if (last >= 0 && steps[i] < last)
			return gv__error_set(
			        GV_ERRCLASS_BALLOT, GV_EINVALID,
			        "%s (%s) comes before %s (%s)", names[i],
			        gv_time_format(a, steps[i], GV_TIME_HUMAN),
			        names[last_i],
			        gv_time_format(b, last, GV_TIME_HUMAN));
		last = steps[i];
		last_i = i;
	}
	return 0;
}

static int
ballot_insert_parts(struct gv_db *db, int64_t id,
                    const struct gv_ballot_record *r)
{
	sqlite3_stmt *st;
	int64_t org;
	size_t i;
	int error;

	for (i = 0; i < r->n_versions; i++) {
		if ((error = gv__db_stmt(&st, db,
		                         GV__STMT_BALLOT_VERSION_INSERT)) < 0)
			return error;
		gv__bind_int(st, 1, id);
		gv__bind_int(st, 2, (int64_t)i + 1);
		gv__bind_int(st, 3, r->versions[i]);
		gv__bind_text(st, 4, NULL);
		if ((error = gv__db_run(db, st)) < 0)
			return error;
	}
	for (i = 0; i < r->n_endorsers; i++) {
		if ((error = gv_org_find(&org, db, r->endorsers[i])) < 0)
			return error;
		if ((error = gv__db_stmt(&st, db,
		                         GV__STMT_ENDORSEMENT_INSERT)) < 0)
			return error;
		gv__bind_int(st, 1, id);
		gv__bind_int(st, 2, org);
		gv__bind_int(st, 3,
		             r->n_versions ? r->versions[0] : gv_db_now(db));
		if ((error = gv__db_run(db, st)) < 0)
			return error == GV_ECONFLICT
			               ? gv__error_set(GV_ERRCLASS_BALLOT,
			                               GV_EINVALID,
			                               "%s endorses twice",
			                               r->endorsers[i])
			               : error;
	}
	return 0;
}

/* The instants the table's first version lacked: the proposal (with the
 * first version) and the quorum as published. */
static int
ballot_record_rest(struct gv_db *db, int64_t id,
                   const struct gv_ballot_record *r)
{
	struct gv_ballot *b = NULL;
	sqlite3_stmt *st;
	int error;

	if ((error = gv__ballot_load(&b, db, id, gv_db_now(db))) < 0)
		return error;
	b->proposed_at = r->n_versions ? r->versions[0] : -1;
	/* A ballot in or past review passed its vote. */
	if (!strcmp(r->state, "passed") || !strcmp(r->state, "ipr_review") ||
	    !strcmp(r->state, "adopted") || !strcmp(r->state, "rescinded"))
		b->result = gv__xstrdup("passed");
	else if (!strcmp(r->state, "failed"))
		b->result = gv__xstrdup("failed");
	error = gv__ballot_save(db, b, gv_db_now(db));
	gv_ballot_free(b);
	if (error < 0 || !r->quorum)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_SET_QUORUM)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	gv__bind_int(st, 2, r->quorum);
	gv__bind_text(st, 3, "the published results");
	return gv__db_run(db, st);
}

static int
ballot_record(int64_t *id_out, struct gv_db *db,
              const struct gv_ballot_record *r)
{
	const char *kind = ballot_word(ballot_kinds, r->kind),
	           *state = ballot_word(ballot_states, r->state);
	struct gv_ballot_record canon;
	struct gv_body body = {0};
	char *title = NULL, number[32];
	int64_t proposer = 0, id;
	sqlite3_stmt *st;
	int error;

	if (!kind)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "unknown ballot kind \"%s\": use fg "
		                     "(Final Guideline), fmg (Final "
		                     "Maintenance Guideline) or other",
		                     r->kind ? r->kind : "");
	if (!state)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "unknown ballot state \"%s\"",
		                     r->state ? r->state : "");
	/* The words as the store spells them, in lower case. */
	canon = *r;
	canon.kind = kind;
	canon.state = state;
	r = &canon;
	if (r->number <= 0)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "ballot number %lld is not valid",
		                     (long long)r->number);
	if ((error = ballot_check_order(r)) < 0 ||
	    (error = gv__clean_name(&title, GV_ERRCLASS_BALLOT, "title",
	                            r->title)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_BALLOT, "purpose",
	                            r->purpose)) < 0 ||
	    (error = gv_body_get(&body, db, r->body)) < 0 ||
	    (r->proposer &&
	     (error = gv_org_find(&proposer, db, r->proposer)) < 0))
		goto out;
	gv_ballot_format_number(number, sizeof(number), body.prefix,
	                        body.id_width, r->number);
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_EXISTS)) < 0)
		goto rollback;
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, r->number);
	if ((error = gv__db_has_row(db, st)) != 0) {
		if (error > 0)
			error = gv__error_set(GV_ERRCLASS_BALLOT, GV_EEXISTS,
			                      "ballot %s already exists",
			                      number);
		goto rollback;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_INSERT)) < 0)
		goto rollback;
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, r->number);
	gv__bind_text(st, 3, title);
	gv__bind_text(st, 4, r->kind);
	gv__bind_text(st, 5, r->state);
	gv__bind_opt(st, 6, proposer, r->proposer != NULL);
	gv__bind_text(st, 7, r->purpose);
	gv__bind_opt(st, 8, r->discussion_ends_at, r->discussion_ends_at >= 0);
	gv__bind_opt(st, 9, r->vote_starts_at, r->vote_starts_at >= 0);
	gv__bind_opt(st, 10, r->vote_ends_at, r->vote_ends_at >= 0);
	gv__bind_opt(st, 11, r->results_at, r->results_at >= 0);
	gv__bind_opt(st, 12, r->review_starts_at, r->review_starts_at >= 0);
	gv__bind_opt(st, 13, r->review_ends_at, r->review_ends_at >= 0);
	gv__bind_opt(st, 14, r->adopted_at, r->adopted_at >= 0);
	gv__bind_int(st, 15, gv_db_now(db));
	if ((error = gv__db_run(db, st)) < 0)
		goto rollback;
	id = sqlite3_last_insert_rowid(db->sql);
	if ((error = ballot_insert_parts(db, id, r)) < 0 ||
	    (error = ballot_record_rest(db, id, r)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	if (id_out)
		*id_out = id;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	gv_body_dispose(&body);
	free(title);
	return error;
}

/* The organisation's id, if it may act for the body at t (BYL 2.3(3),
 * 5.3.1(3): proposer, endorsers and voters are the WG's voting members). */
static int
ballot_actor(int64_t *org, struct gv_db *db, const char *name, int64_t body,
             int64_t t, const char *role)
{
	const char *reason = NULL;
	int error;

	if ((error = gv_org_find(org, db, name)) < 0 ||
	    (error = gv__org_votes_at(&reason, NULL, db, *org, body, t)) < 0)
		return error;
	if (reason)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		                     "%s cannot %s: %s", name, role, reason);
	return 0;
}

static int
ballot_new(int64_t *id_out, int64_t *number_out, struct gv_db *db,
           const struct gv_ballot_spec *spec, int64_t at, const char *made_by)
{
	const char *code = spec->body,
	           *kind = ballot_word(ballot_kinds, spec->kind),
	           *proposer = spec->proposer;
	struct gv_body body = {0};
	char *clean = NULL, num[48];
	int64_t org = 0, id, number = spec->number;
	sqlite3_stmt *st;
	int error;

	if (!kind)
		return gv__error_set(
		        GV_ERRCLASS_BALLOT, GV_EINVALID,
		        "unknown ballot kind \"%s\": use fg (Final "
		        "Guideline), fmg (Final Maintenance "
		        "Guideline) or other",
		        spec->kind ? spec->kind : "");
	if (number < 0)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "ballot number %lld is not valid",
		                     (long long)number);
	if ((error = gv__clean_name(&clean, GV_ERRCLASS_BALLOT, "title",
	                            spec->title)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_BALLOT, "purpose",
	                            spec->purpose)) < 0 ||
	    (error = gv_body_get(&body, db, code)) < 0 ||
	    (error = ballot_actor(&org, db, proposer, body.id, at,
	                          "propose a ballot")) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		goto out;
	if (!number) {
		if ((error = gv__db_stmt(&st, db,
		                         GV__STMT_BALLOT_NEXT_NUMBER)) < 0)
			goto rollback;
		gv__bind_int(st, 1, body.id);
		if ((error = gv__db_step(db, st)) > 0)
			number = sqlite3_column_int64(st, 0);
		gv__db_reset(st);
		if (error < 0)
			goto rollback;
	}
	gv_ballot_format_number(num, sizeof(num), body.prefix, body.id_width,
	                        number);
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_EXISTS)) < 0)
		goto rollback;
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, number);
	if ((error = gv__db_has_row(db, st)) != 0) {
		if (error > 0)
			error = gv__error_set(GV_ERRCLASS_BALLOT, GV_EEXISTS,
			                      "ballot %s already exists", num);
		goto rollback;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_NEW)) < 0)
		goto rollback;
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, number);
	gv__bind_text(st, 3, clean);
	gv__bind_text(st, 4, kind);
	gv__bind_int(st, 5, org);
	gv__bind_int(st, 6, at);
	gv__bind_text(st, 7,
	              spec->purpose && *spec->purpose ? spec->purpose : NULL);
	gv__bind_text(st, 8, made_by);
	if ((error = gv__db_run(db, st)) < 0)
		goto rollback;
	id = sqlite3_last_insert_rowid(db->sql);
	if ((error = gv__db_commit(db)) < 0)
		goto rollback;
	if (id_out)
		*id_out = id;
	if (number_out)
		*number_out = number;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	gv_body_dispose(&body);
	free(clean);
	return error;
}

static int
ballot_endorse(struct gv_db *db, const char *ref, const char *name, int64_t at)
{
	struct gv_ballot *b = NULL;
	int64_t org = 0, proposer = 0;
	sqlite3_stmt *st;
	int error;

	if ((error = gv__ballot_load_ref(&b, db, ref, at)) < 0)
		return error;
	if (b->state != GV_BALLOT_DRAFT && b->state != GV_BALLOT_DISCUSSION) {
		error = gv__error_set(GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		                      "%s is %s: endorsements come before "
		                      "voting",
		                      b->number,
		                      gv__ballot_state_phrase(b->state));
		goto out;
	}
	if ((error = ballot_actor(&org, db, name, b->body_id, at,
	                          "endorse a ballot")) < 0)
		goto out;
	/* BYL 2.3(3): two endorsers from organisations other than the
	 * proposer's. */
	if (b->proposer && gv_org_find(&proposer, db, b->proposer) == 0 &&
	    proposer == org) {
		error = gv__error_set(GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		                      "%s proposes %s: endorsers come from two "
		                      "other organisations (BYL 2.3(3))",
		                      name, b->number);
		goto out;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_ENDORSED)) < 0)
		goto out;
	gv__bind_int(st, 1, b->id);
	gv__bind_int(st, 2, org);
	if ((error = gv__db_has_row(db, st)) != 0) {
		if (error > 0)
			error = gv__error_set(GV_ERRCLASS_BALLOT, GV_EEXISTS,
			                      "%s already endorses %s", name,
			                      b->number);
		goto out;
	}
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ENDORSEMENT_INSERT)) < 0) {
		gv__db_rollback(db);
		goto out;
	}
	gv__bind_int(st, 1, b->id);
	gv__bind_int(st, 2, org);
	gv__bind_int(st, 3, at);
	if ((error = gv__db_run(db, st)) < 0 || (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
out:
	gv_ballot_free(b);
	return error;
}

static int
ballot_set(struct gv_db *db, const char *ref, const struct gv_ballot_edit *e)
{
	struct gv_ballot *b = NULL;
	char *title = NULL;
	sqlite3_stmt *st;
	int error;

	if (!e->title && !e->purpose)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "nothing to change: give a title or a "
		                     "purpose");
	if ((e->title && (error = gv__clean_name(&title, GV_ERRCLASS_BALLOT,
	                                         "title", e->title)) < 0) ||
	    (error = gv__check_text(GV_ERRCLASS_BALLOT, "purpose",
	                            e->purpose)) < 0 ||
	    (error = gv__ballot_load_ref(&b, db, ref, gv_db_now(db))) < 0)
		goto out;
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_SET)) < 0)
		goto rollback;
	gv__bind_int(st, 1, b->id);
	gv__bind_text(st, 2, title);
	gv__bind_text(st, 3, e->purpose);
	if ((error = gv__db_run(db, st)) < 0 || (error = gv__db_commit(db)) < 0)
		goto rollback;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	free(title);
	gv_ballot_free(b);
	return error;
}

/* Saves b's instants, then its state as the new version leaves it. */
static int
ballot_save_reloaded(struct gv_db *db, const struct gv_ballot *b, int64_t at)
{
	struct gv_ballot *now = NULL;
	int error;

	if ((error = gv__ballot_save(db, b, at)) < 0 ||
	    (error = gv__ballot_load(&now, db, b->id, at)) < 0)
		return error;
	error = gv__ballot_save(db, now, at);
	gv_ballot_free(now);
	return error;
}

/* The latest version's content again: the same text, the same pinned
 * range, or the same address with neither (RULES §8: each version's text
 * hash is kept). */
static int
version_same(const struct gv_ballot_version *v, const char *hash,
             const char *base, const char *head, const char *url)
{
	if (hash)
		return v->hash && !strcmp(v->hash, hash);
	if (base)
		return v->base && !strcmp(v->base, base) && v->head &&
		       !strcmp(v->head, head);
	return url && !v->hash && !v->base && v->url && !strcmp(v->url, url);
}

/* Refuses a version that repeats the latest one: it would restart the
 * 7 days of discussion (BYL 2.3(3)) with nothing new to discuss. */
static int
version_refuse_same(const struct gv_ballot *b)
{
	const struct gv_ballot_version *v = &b->versions[b->nversions - 1];
	char when[GV_TIME_BUFSZ];

	return gv__error_set(
	        GV_ERRCLASS_BALLOT, GV_EEXISTS,
	        "%s version %d (%s) already has this text: a new version "
	        "restarts the 7 days of discussion (BYL 2.3(3)); add --force "
	        "to record it anyway",
	        b->number, v->n,
	        gv_time_format(when, v->posted_at, GV_TIME_HUMAN));
}

/* What a new version does to the ballot's instants (RULES §3). */
static int
version_apply(struct gv_ballot *b)
{
	switch (b->state) {
	case GV_BALLOT_DRAFT:
	case GV_BALLOT_WITHDRAWN:
		return 0;
	case GV_BALLOT_DISCUSSION:
		b->discussion_ends_at = -1; /* the 7 days run again */
		return 0;
	case GV_BALLOT_VOTING:
		/* RULES §3 [INTERP]: a new version during voting withdraws
		 * the ballot and opens a new discussion. */
		b->vote_starts_at = b->vote_ends_at = -1;
		b->discussion_ends_at = -1;
		return 1;
	default:
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		                     "%s is %s: a new text needs a new ballot",
		                     b->number,
		                     gv__ballot_state_phrase(b->state));
	}
}

int
gv__ballot_version_add(struct gv_db *db, const char *ref,
                       const struct gv__version_text *v, unsigned flags,
                       int64_t at)
{
	struct gv_ballot *b = NULL;
	char *hash = NULL;
	sqlite3_stmt *st;
	int error, withdraws;

	if ((error = gv__check_text(GV_ERRCLASS_BALLOT, "ballot text",
	                            v->text)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_BALLOT, "url", v->url)) < 0 ||
	    (error = gv__ballot_load_ref(&b, db, ref, at)) < 0)
		return error;
	if (v->text)
		hash = gv__text_hash(v->text);
	if (b->nversions && at < b->versions[b->nversions - 1].posted_at) {
		error = gv__error_set(
		        GV_ERRCLASS_BALLOT, GV_EINVALID,
		        "a new version cannot be dated before the "
		        "last one");
		goto out;
	}
	if ((error = withdraws = version_apply(b)) < 0)
		goto out;
	if (b->nversions && !(flags & GV_VERSION_FORCE) &&
	    version_same(&b->versions[b->nversions - 1], hash, v->base, v->head,
	                 v->url)) {
		error = version_refuse_same(b);
		goto out;
	}
	if (withdraws)
		b->withdrawn_at = at;
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_VERSION_ADD)) < 0)
		goto rollback;
	gv__bind_int(st, 1, b->id);
	gv__bind_int(st, 2, at);
	gv__bind_text(st, 3, v->url);
	gv__bind_text(st, 4, v->text);
	gv__bind_text(st, 5, hash);
	if ((error = gv__db_run(db, st)) < 0 ||
	    (error = ballot_save_reloaded(db, b, at)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	free(hash);
	gv_ballot_free(b);
	return error;
}

/* The row id and number a new ballot reports. */
struct ballot_new_out {
	int64_t *id, *number;
};

static int
ballot_new_apply(struct gv_db *db, const struct gv__op *op)
{
	const struct ballot_new_out *out = op->out;
	struct gv_ballot_spec spec = {0};
	json_int_t number = 0;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s:I, s:s, s:s, s?s, s?s}", "body",
	                           &spec.body, "number", &number, "title",
	                           &spec.title, "kind", &spec.kind, "proposer",
	                           &spec.proposer, "purpose", &spec.purpose)) <
	    0)
		return error;
	if (number <= 0)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                     "a new ballot has no number");
	spec.number = number;
	return ballot_new(out ? out->id : NULL, out ? out->number : NULL, db,
	                  &spec, op->at, op->id);
}

static json_t *
int_list(const int64_t *v, size_t n)
{
	json_t *list = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(list, json_integer(v[i]));
	return list;
}

/* The record's instants, by name, as the operation carries them. */
#define RECORD_TIMES(X)                                                        \
	X(discussion_ends_at)                                                  \
	X(vote_starts_at)                                                      \
	X(vote_ends_at)                                                        \
	X(results_at)                                                          \
	X(review_starts_at)                                                    \
	X(review_ends_at)                                                      \
	X(adopted_at)

static int
record_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_ballot_record r = {0};
	const json_t *endorsers, *versions, *item;
	const char **names = NULL;
	int64_t *times = NULL;
	json_int_t number = 0;
	size_t i;
	int error;

	if ((error = gv__op_unpack(
	             op, "{s:s, s:I, s:s, s:s, s:s, s?s, s?s, s?i}", "body",
	             &r.body, "number", &number, "title", &r.title, "kind",
	             &r.kind, "state", &r.state, "proposer", &r.proposer,
	             "purpose", &r.purpose, "quorum", &r.quorum)) < 0)
		return error;
	r.number = number;
#define RECORD_TIME(name)                                                      \
	r.name =                                                               \
	        json_is_integer(json_object_get(op->data, #name))              \
	                ? json_integer_value(json_object_get(op->data, #name)) \
	                : -1;
	RECORD_TIMES(RECORD_TIME)
#undef RECORD_TIME
	endorsers = json_object_get(op->data, "endorsers");
	versions = json_object_get(op->data, "versions");
	r.n_endorsers = json_array_size(endorsers);
	r.n_versions = json_array_size(versions);
	names = gv__xcalloc(r.n_endorsers + 1, sizeof(*names));
	times = gv__xcalloc(r.n_versions + 1, sizeof(*times));
	json_array_foreach (endorsers, i, item)
		if (!(names[i] = json_string_value(item)))
			error = GV_ECORRUPT;
	json_array_foreach (versions, i, item)
		if (!json_is_integer(item))
			error = GV_ECORRUPT;
		else
			times[i] = json_integer_value(item);
	r.endorsers = names;
	r.versions = times;
	if (error < 0)
		error = gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                      "a ballot record lists an endorser or a "
		                      "version of another shape");
	else
		error = ballot_record(op->out, db, &r);
	free(names);
	free(times);
	return error;
}

static int
endorse_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *ballot, *org;
	char buf[48];
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s:s}", "ballot", &ballot, "org",
	                           &org)) < 0 ||
	    (error = gv__ballot_named(&ballot, buf, db, op)) < 0)
		return error;
	return ballot_endorse(db, ballot, org, op->at);
}

static int
set_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_ballot_edit e = {0};
	const char *ballot;
	char buf[48];
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s?s, s?s}", "ballot", &ballot,
	                           "title", &e.title, "purpose", &e.purpose)) <
	            0 ||
	    (error = gv__ballot_named(&ballot, buf, db, op)) < 0)
		return error;
	return ballot_set(db, ballot, &e);
}

static int
version_apply_op(struct gv_db *db, const struct gv__op *op)
{
	struct gv__version_text v = {NULL, NULL, NULL, NULL};
	const char *ballot;
	char buf[48];
	int force = 0, error;

	if ((error = gv__op_unpack(op, "{s:s, s?s, s?s, s?b}", "ballot",
	                           &ballot, "text", &v.text, "url", &v.url,
	                           "force", &force)) < 0 ||
	    (error = gv__ballot_named(&ballot, buf, db, op)) < 0)
		return error;
	return gv__ballot_version_add(db, ballot, &v,
	                              force ? GV_VERSION_FORCE : 0, op->at);
}

const struct gv__op_kind gv__op_ballot_new = {"ballot.new", GV__MAY_OFFICER,
                                              ballot_new_apply};
const struct gv__op_kind gv__op_ballot_record = {"ballot.record",
                                                 GV__MAY_OFFICER, record_apply};
const struct gv__op_kind gv__op_ballot_endorse = {
        "ballot.endorse", GV__MAY_OFFICER, endorse_apply};
const struct gv__op_kind gv__op_ballot_set = {"ballot.set", GV__MAY_OFFICER,
                                              set_apply};
const struct gv__op_kind gv__op_ballot_version = {
        "ballot.version", GV__MAY_OFFICER, version_apply_op};

int
gv_ballot_new(int64_t *id_out, int64_t *number_out, struct gv_db *db,
              const struct gv_ballot_spec *spec, int64_t at)
{
	struct ballot_new_out out = {id_out, number_out};
	struct gv_body body = {0};
	int64_t number = spec->number, body_id;
	sqlite3_stmt *st;
	int error;

	/* The number is chosen here and carried: SMC012 is SMC012 on every
	 * copy, and a second SMC012 from another member is a conflict. */
	if (!number) {
		if ((error = gv_body_get(&body, db, spec->body)) < 0)
			return error;
		body_id = body.id;
		gv_body_dispose(&body);
		if ((error = gv__db_stmt(&st, db,
		                         GV__STMT_BALLOT_NEXT_NUMBER)) < 0)
			return error;
		gv__bind_int(st, 1, body_id);
		if ((error = gv__db_step(db, st)) > 0)
			number = sqlite3_column_int64(st, 0);
		gv__db_reset(st);
		if (error < 0)
			return error;
	}
	if (number < 0)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "ballot number %lld is not valid",
		                     (long long)number);
	return gv__op_submit(
	        db, &gv__op_ballot_new, spec->body, at,
	        json_pack("{s:s?, s:I, s:s?, s:s?, s:s*, s:s*}", "body",
	                  spec->body, "number", (json_int_t)number, "title",
	                  spec->title, "kind", spec->kind, "proposer",
	                  spec->proposer, "purpose",
	                  spec->purpose && *spec->purpose ? spec->purpose
	                                                  : NULL),
	        0, &out);
}

int
gv_ballot_record(int64_t *id_out, struct gv_db *db,
                 const struct gv_ballot_record *r)
{
	json_t *data = json_pack(
	        "{s:s?, s:I, s:s?, s:s?, s:s?, s:s*, s:s*, s:i, s:o, s:o}",
	        "body", r->body, "number", (json_int_t)r->number, "title",
	        r->title, "kind", r->kind, "state", r->state, "proposer",
	        r->proposer, "purpose", r->purpose, "quorum", r->quorum,
	        "endorsers", gv__op_texts(r->endorsers, r->n_endorsers),
	        "versions", int_list(r->versions, r->n_versions));

#define RECORD_TIME(name)                                                      \
	if (data && r->name >= 0)                                              \
		json_object_set_new(data, #name, json_integer(r->name));
	RECORD_TIMES(RECORD_TIME)
#undef RECORD_TIME
	return gv__op_submit(db, &gv__op_ballot_record, r->body, -1, data, 0,
	                     id_out);
}

int
gv_ballot_endorse(struct gv_db *db, const char *ref, const char *name,
                  int64_t at)
{
	return gv__ballot_submit(db, &gv__op_ballot_endorse, ref, at,
	                         json_pack("{s:s?}", "org", name));
}

int
gv_ballot_set(struct gv_db *db, const char *ref, const struct gv_ballot_edit *e)
{
	if (!e->title && !e->purpose)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "nothing to change: give a title or a "
		                     "purpose");
	return gv__ballot_submit(db, &gv__op_ballot_set, ref, -1,
	                         json_pack("{s:s*, s:s*}", "title", e->title,
	                                   "purpose", e->purpose));
}

int
gv_ballot_version(struct gv_db *db, const char *ref, const char *text,
                  const char *url, unsigned flags, int64_t at)
{
	return gv__ballot_submit(db, &gv__op_ballot_version, ref, at,
	                         json_pack("{s:s*, s:s*, s:b}", "text", text,
	                                   "url", url, "force",
	                                   (flags & GV_VERSION_FORCE) != 0));
}
