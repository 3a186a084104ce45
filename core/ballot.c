/* SPDX-License-Identifier: MIT */
/*
 * This file implements ballot numbering (RULES §2) and the recording of a
 * ballot's published history: proposer, endorsers, versions and the
 * instants of each period.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "event.h"
#include "gavel/ballot.h"
#include "gavel/roster.h"
#include "gavel/time.h"

static const char *const ballot_kinds[] = {"fg", "fmg", "other", NULL};
static const char *const ballot_states[] = {
        "draft",     "discussion",  "voting",    "withdrawn",  "closed",
        "passed",    "failed",      "expired",   "ipr_review", "adopted",
        "rescinded", "second_vote", "cancelled", NULL};

void
gv_ballot_format_number(char *buf, size_t n, const char *prefix, int width,
                        int64_t number)
{
	snprintf(buf, n, "%s%0*lld", prefix, width, (long long)number);
}

int
gv_ballot_find(int64_t *id_out, struct gv_db *db, const char *ref)
{
	struct gv_body body = {0};
	char prefix[32], *code = NULL;
	const char *p = ref ? ref : "";
	size_t n = 0;
	int64_t number = 0;
	sqlite3_stmt *st;
	int error = 0, rc;

	while (*p && !isdigit((unsigned char)*p) && *p != '-' && n + 1 < 32)
		prefix[n++] = *p++;
	prefix[n] = '\0';
	if (*p == '-')
		p++;
	while (isdigit((unsigned char)*p) && number < 1000000)
		number = number * 10 + (*p++ - '0');
	if (!n || !number || *p)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "\"%s\" is not a ballot: write it as the "
		                     "body does, such as SMC011",
		                     ref ? ref : "");
	if (!(st = gv__db_stmt(db, GV__STMT_BODY_BY_PREFIX)))
		return GV_ERROR;
	gv__bind_text(st, 1, prefix);
	if (sqlite3_step(st) == SQLITE_ROW)
		code = gv__col_text(st, 0);
	gv__db_reset(st);
	if (!code)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_ENOTFOUND,
		                     "no body numbers its ballots %s", prefix);
	if ((error = gv_body_get(&body, db, code)) < 0)
		goto out;
	if (!(st = gv__db_stmt(db, GV__STMT_BALLOT_BY_NUMBER))) {
		error = GV_ERROR;
		goto out;
	}
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, number);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id_out = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	if (rc != SQLITE_ROW)
		error = gv__error_set(GV_ERRCLASS_BALLOT, GV_ENOTFOUND,
		                      "no ballot %s in %s", ref, body.code);
out:
	gv_body_dispose(&body);
	free(code);
	return error;
}

static int
ballot_word_valid(const char *const *words, const char *w)
{
	for (; w && *words; words++)
		if (!strcmp(*words, w))
			return 1;
	return 0;
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
		if (!(st = gv__db_stmt(db, GV__STMT_BALLOT_VERSION_INSERT)))
			return GV_ERROR;
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
		if (!(st = gv__db_stmt(db, GV__STMT_ENDORSEMENT_INSERT)))
			return GV_ERROR;
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

int
gv_ballot_record(int64_t *id_out, struct gv_db *db,
                 const struct gv_ballot_record *r)
{
	struct gv_body body = {0};
	char *title = NULL, number[32];
	int64_t proposer = 0, id;
	sqlite3_stmt *st;
	int error;

	if (!ballot_word_valid(ballot_kinds, r->kind))
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "unknown ballot kind \"%s\": use fg "
		                     "(Final Guideline), fmg (Final "
		                     "Maintenance Guideline) or other",
		                     r->kind ? r->kind : "");
	if (!ballot_word_valid(ballot_states, r->state))
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "unknown ballot state \"%s\"",
		                     r->state ? r->state : "");
	if (r->number <= 0)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "ballot number %lld is not valid",
		                     (long long)r->number);
	if ((error = ballot_check_order(r)) < 0 ||
	    (error = gv__clean_name(&title, GV_ERRCLASS_BALLOT, "title",
	                            r->title)) < 0 ||
	    (error = gv_body_get(&body, db, r->body)) < 0 ||
	    (r->proposer &&
	     (error = gv_org_find(&proposer, db, r->proposer)) < 0))
		goto out;
	gv_ballot_format_number(number, sizeof(number), body.prefix,
	                        body.id_width, r->number);
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if (!(st = gv__db_stmt(db, GV__STMT_BALLOT_EXISTS))) {
		error = GV_ERROR;
		goto rollback;
	}
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, r->number);
	if ((error = gv__db_has_row(db, st)) != 0) {
		if (error > 0)
			error = gv__error_set(GV_ERRCLASS_BALLOT, GV_EEXISTS,
			                      "ballot %s already exists",
			                      number);
		goto rollback;
	}
	if (!(st = gv__db_stmt(db, GV__STMT_BALLOT_INSERT))) {
		error = GV_ERROR;
		goto rollback;
	}
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, r->number);
	gv__bind_text(st, 3, title);
	gv__bind_text(st, 4, r->kind);
	gv__bind_text(st, 5, r->state);
	gv__bind_opt(st, 6, proposer, r->proposer != NULL);
	gv__bind_text(st, 7, NULL);
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
	    (error = gv__eventf(db, body.id, "ballot.record", number,
	                        "{s:s, s:s, s:s, s:s?}", "title", title, "kind",
	                        r->kind, "state", r->state, "proposer",
	                        r->proposer)) < 0 ||
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
