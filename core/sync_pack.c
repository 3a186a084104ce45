/* SPDX-License-Identifier: MIT */
/*
 * This file implements putting this copy's operations in chains: one
 * commit per chain (a body and an actor) holding the canonical text of
 * each new operation, one per line, signed when the body requires it or
 * the member has a signing key. A commit is written first and the log
 * marked after, so an interruption between the two leaves a chain ahead
 * of the log, which the next sync reads back (gv__sync_ingest_local)
 * instead of writing the operations twice.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/roster.h"
#include "gavel/sync.h"
#include "gavel/text.h"
#include "identity.h"
#include "role_check.h"
#include "sync.h"

/* This copy's unsent operations of one chain. */
struct group {
	char *part, *actor;
	int64_t *seqs; /* the operations' rows */
	size_t n, alloc;
	char *blob;
	size_t len;
};

static void
groups_free(struct group *g, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(g[i].seqs);
		free(g[i].part);
		free(g[i].actor);
		free(g[i].blob);
	}
	free(g);
}

/* Reads the unsent operations, grouped by chain, in the log's order. */
static int
unsent(struct group **out, size_t *count, struct gv_db *db)
{
	struct group *g = NULL, *cur = NULL;
	sqlite3_stmt *st;
	size_t alloc = 0;
	int error;

	*count = 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_UNSENT)) < 0)
		return error;
	while ((error = gv__db_step(db, st)) > 0) {
		const char *actor = (const char *)sqlite3_column_text(st, 1),
		           *part = (const char *)sqlite3_column_text(st, 2),
		           *text = (const char *)sqlite3_column_text(st, 3);
		size_t len = (size_t)sqlite3_column_bytes(st, 3);

		if (!cur || strcmp(cur->part, part) ||
		    strcmp(cur->actor, actor)) {
			if (*count == alloc)
				g = gv__xrealloc(
				        g, (alloc = alloc ? alloc * 2 : 4) *
				                   sizeof(*g));
			cur = &g[(*count)++];
			memset(cur, 0, sizeof(*cur));
			cur->part = gv__xstrdup(part);
			cur->actor = gv__xstrdup(actor);
		}
		cur->seqs = gv__grow(cur->seqs, &cur->alloc, cur->n,
		                     sizeof(*cur->seqs));
		cur->seqs[cur->n++] = sqlite3_column_int64(st, 0);
		cur->blob = gv__xrealloc(cur->blob, cur->len + len + 1);
		memcpy(cur->blob + cur->len, text, len);
		cur->len += len;
		cur->blob[cur->len++] = '\n';
	}
	gv__db_reset(st);
	*out = g;
	if (error < 0) {
		groups_free(g, *count);
		*out = NULL;
		*count = 0;
	}
	return error < 0 ? error : 0;
}

/* The key to sign g's commit with, or NULL: a body that requires signed
 * operations without one is an error that says how to set it. */
static int
signing_key_for(char **key, struct gv__sync *s, const struct group *g)
{
	struct gv_body body = {0};
	int error, required = 0;

	if ((error = gv__signing_key(key, s->db)) < 0)
		return error;
	if (gv_body_get(&body, s->db, g->part) == 0)
		required = body.require_signed;
	gv_body_dispose(&body);
	if (required && !*key)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_EDENIED,
		                     "%s requires signed operations: give your "
		                     "SSH key with 'gavel config signing-key "
		                     "FILE' (or git's user.signingkey with "
		                     "gpg.format ssh)",
		                     g->part);
	return 0;
}

static int
mark_sent(struct gv_db *db, const struct group *g, const char *ref,
          const char *oid)
{
	sqlite3_stmt *st;
	size_t i;
	int error;

	if ((error = gv__db_begin(db)) < 0)
		return error;
	for (i = 0; i < g->n && error == 0; i++) {
		if ((error = gv__db_stmt(&st, db, GV__STMT_OP_SENT)) < 0)
			break;
		gv__bind_int(st, 1, g->seqs[i]);
		gv__bind_text(st, 2, oid);
		error = gv__db_run(db, st);
	}
	if (error == 0 &&
	    (error = gv__db_stmt(&st, db, GV__STMT_CHAIN_SEEN_SET)) == 0) {
		gv__bind_text(st, 1, ref);
		gv__bind_text(st, 2, oid);
		error = gv__db_run(db, st);
	}
	if (error < 0 || (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
	return error;
}

static int
pack_group(struct gv__sync *s, const struct group *g)
{
	struct gv__chain_commit c = {0};
	char tip[GV__OID_HEX], oid[GV__OID_HEX];
	char *ref = gv__chain_ref_of(g->part, g->actor), *key = NULL,
	     *email = NULL, *message = NULL;
	sqlite3_stmt *st;
	int error;

	if ((error = signing_key_for(&key, s, g)) < 0 ||
	    (error = gv__chain_tip(tip, s->repo, ref)) < 0 ||
	    (error = gv__db_stmt(&st, s->db, GV__STMT_PERSON_EMAIL_OF)) < 0)
		goto out;
	{
		char *fold = gv_text_fold(g->actor);

		gv__bind_text(st, 1, fold);
		if (gv__db_step(s->db, st) > 0)
			email = gv__col_text(st, 0);
		gv__db_reset(st);
		free(fold);
	}
	message = gv__xsprintf("gavel: %zu operation%s in %s", g->n,
	                       g->n == 1 ? "" : "s", g->part);
	c.ref = ref;
	c.expect = tip;
	c.ops = g->blob;
	c.len = g->len;
	c.name = g->actor;
	c.email = email ? email : "";
	c.when = gv_db_now(s->db);
	c.message = message;
	c.signing_key = key;
	if ((error = gv__chain_append(oid, s->repo, &c)) < 0 ||
	    (error = mark_sent(s->db, g, ref, oid)) < 0)
		goto out;
	s->report->packed += g->n;
out:
	free(ref);
	free(key);
	free(email);
	free(message);
	return error;
}

/*
 * A body with roles is a group's: an operation there by no person of the
 * roster would be no one's in its record for good ('gavel config user'
 * makes what a copy recorded before it knew its user the user's only
 * while it is unsent: a sent operation never changes), and every member's
 * copy without a user would write to one chain, refs/gavel/BODY/unknown.
 * A body without roles is one person's, synced between their own
 * machines: it goes as it is.
 */
int
gv__sync_held(int *yes, struct gv_db *db, const char *actor, const char *part)
{
	char *who = NULL;
	int count, roles, error;

	*yes = 0;
	if ((error = gv__person_named(&who, &count, db, actor)) < 0)
		return error;
	free(who);
	if (count || (error = gv__roles_in(&roles, db, part)) < 0)
		return error;
	*yes = roles;
	return 0;
}

/* Whether g stays here, said in the report when it does. */
static int
hold(int *yes, struct gv__sync *s, const struct group *g)
{
	int error;

	if ((error = gv__sync_held(yes, s->db, g->actor, g->part)) < 0 || !*yes)
		return error;
	s->report->held += g->n;
	gv__sync_note(s->report,
	              gv__xsprintf("%zu operation%s in %s not sent: recorded "
	                           "as \"%s\", who is no person of the "
	                           "roster: choose who you are with 'gavel "
	                           "config user PERSON', then sync again",
	                           g->n, g->n == 1 ? "" : "s", g->part,
	                           g->actor));
	return 0;
}

int
gv__sync_pack(struct gv__sync *s)
{
	struct group *groups = NULL;
	size_t n = 0, i, in;
	int error, held;

	if ((error = gv__sync_ingest_local(&in, s)) < 0 ||
	    (error = unsent(&groups, &n, s->db)) < 0)
		return error;
	s->report->ops_local += in;
	for (i = 0; i < n && error == 0; i++)
		if ((error = hold(&held, s, &groups[i])) == 0 && !held)
			error = pack_group(s, &groups[i]);
	groups_free(groups, n);
	return error;
}
