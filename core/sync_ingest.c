/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading chains into the log (issue 17, items 2 to
 * 4). Every commit of a chain is checked before anything of it is used:
 * each operation in its canonical form, under the ref of its own body and
 * actor, never private, and signed by its actor's key when the body
 * requires it. A chain with one bad commit is refused whole and reported.
 * What passes is recorded once (an operation's id is its content) and
 * applied in the log's one order: straight on when everything new sorts
 * after what was applied, else by replaying the whole log.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/log.h"
#include "gavel/roster.h"
#include "gavel/sync.h"
#include "gavel/text.h"
#include "identity.h"
#include "issue_internal.h"
#include "op_kinds.h"
#include "op_log.h"
#include "replay.h"
#include "ssh_sign.h"
#include "sync.h"

/*
 * One operation read from a chain, waiting to be recorded: the fields of
 * its row in the log. What it does is read again from the log when it is
 * applied: every operation's tree held from its chain's walk to its apply
 * was memory the kernel had to clear on first touch (bench/README.md,
 * "Memory touched once").
 */
struct incoming {
	int64_t lamport, at, recorded;
	unsigned flags;
	char *actor, *part, *kind;
	char id[41];
	char *text;
	size_t len;
	char commit[GV__OID_HEX];
};

/* Operations collected from the chains of one remote. */
struct batch {
	struct incoming *ops;
	size_t n, alloc;
};

/* What the walk of one chain needs and finds. */
struct range {
	struct gv__sync *s;
	struct batch *batch;
	size_t first; /* the chain's first operation in batch */
	char *part, *slug;
	int require_signed;
	char *allowed_signers;
	char *why; /* why a commit was refused */
	char bad[GV__OID_HEX];
};

static void
batch_truncate(struct batch *b, size_t n)
{
	while (b->n > n) {
		struct incoming *in = &b->ops[--b->n];

		free(in->actor);
		free(in->part);
		free(in->kind);
		free(in->text);
	}
}

/* Splits refs/gavel/<part>/<slug>; 0 when ref has another shape. */
static int
ref_parts(char **part, char **slug, const char *ref)
{
	const char *p = ref + strlen("refs/gavel/"), *slash;

	if (strncmp(ref, "refs/gavel/", 11) != 0 || !(slash = strchr(p, '/')) ||
	    slash == p || !slash[1] || strchr(slash + 1, '/'))
		return 0;
	*part = gv__xstrndup(p, (size_t)(slash - p));
	*slug = gv__xstrdup(slash + 1);
	return 1;
}

static int
refuse(struct range *r, const char *oid, char *why)
{
	free(r->why);
	r->why = why;
	memcpy(r->bad, oid, GV__OID_HEX - 1);
	r->bad[GV__OID_HEX - 1] = '\0';
	return 1;
}

/* The address the actor's signatures are checked against, or NULL. */
static char *
email_of(struct gv_db *db, const char *actor)
{
	sqlite3_stmt *st;
	char *fold = gv_text_fold(actor), *email = NULL;

	if (gv__db_stmt(&st, db, GV__STMT_PERSON_EMAIL_OF) == 0) {
		gv__bind_text(st, 1, fold);
		if (gv__db_step(db, st) > 0)
			email = gv__col_text(st, 0);
		gv__db_reset(st);
	}
	free(fold);
	return email;
}

/*
 * Checks the signature of a commit whose operations are actor's, as git
 * verify-commit does against the body's allowed signers, the principal
 * being the actor's email in the roster. 1 when refused (r->why says
 * why), 0 when it passes, else an error.
 */
static int
check_signature(struct range *r, const struct gv__chain_link *link,
                const char *actor)
{
	char *email, *why = NULL;
	int ok = 0, error;

	if (!link->signature && !r->require_signed)
		return 0;
	if (!r->allowed_signers)
		/* Signed, but nothing here to check it against. */
		return r->require_signed
		               ? refuse(r, link->oid,
		                        gv__xsprintf("%s requires signed "
		                                     "operations but has no "
		                                     "allowed signers",
		                                     r->part))
		               : 0;
	if (!link->signature)
		return refuse(r, link->oid,
		              gv__xsprintf("%s's operations are not signed, "
		                           "and %s requires signed operations",
		                           actor, r->part));
	if (!(email = email_of(r->s->db, actor)))
		return refuse(
		        r, link->oid,
		        gv__xsprintf("%s has no email in the roster, "
		                     "which signatures are checked against",
		                     actor));
	error = gv__ssh_verify(&ok, &why, r->allowed_signers, email,
	                       link->signature, link->signed_data,
	                       link->signed_len);
	free(email);
	if (error < 0)
		return error;
	if (!ok)
		error = refuse(r, link->oid,
		               gv__xsprintf("its signature is not %s's (%s)",
		                            actor,
		                            why ? why : "no reason given"));
	free(why);
	return error;
}

/* Reads one line of a commit's blob as an operation of this chain. */
static int
take_line(struct range *r, const struct gv__chain_link *link, const char *line,
          size_t len)
{
	struct batch *b = r->batch;
	struct gv__op_read rd;
	struct incoming *in;
	char *slug;
	int mine;

	if (gv__op_parse(&rd, line, len) < 0)
		return refuse(r, link->oid,
		              gv__xstrdup(gv_error_last()->message));
	slug = gv__actor_slug(rd.op.actor);
	mine = !strcmp(rd.op.part, r->part) && !strcmp(slug, r->slug);
	free(slug);
	if (!mine || (rd.op.flags & GV__OP_PRIVATE)) {
		char *why = gv__xsprintf(
		        mine ? "it holds a private operation of %s"
		             : "it holds an operation of %s in %s, "
		               "which is not this chain's",
		        rd.op.actor, rd.op.part);

		gv__op_read_dispose(&rd);
		return refuse(r, link->oid, why);
	}
	b->ops = gv__grow(b->ops, &b->alloc, b->n, sizeof(*b->ops));
	in = &b->ops[b->n++];
	in->lamport = rd.op.lamport;
	in->at = rd.op.at;
	in->recorded = rd.op.recorded;
	in->flags = rd.op.flags;
	in->actor = gv__xstrdup(rd.op.actor);
	in->part = gv__xstrdup(rd.op.part);
	in->kind = gv__xstrdup(rd.kind_name);
	memcpy(in->id, rd.id, sizeof(in->id));
	in->text = gv__xstrndup(line, len);
	in->len = len;
	memcpy(in->commit, link->oid, GV__OID_HEX - 1);
	in->commit[GV__OID_HEX - 1] = '\0';
	gv__op_read_dispose(&rd);
	return 0;
}

/* The walk's callback: checks one commit and collects its operations. */
static int
take_commit(const struct gv__chain_link *link, void *ctx)
{
	struct range *r = ctx;
	size_t first = r->batch->n, i;
	const char *p = link->ops, *end = link->ops + link->len, *nl;
	int rc;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if ((rc = take_line(r, link, p,
		                    nl ? (size_t)(nl - p)
		                       : (size_t)(end - p))) != 0)
			return rc;
		p = nl ? nl + 1 : end;
	}
	if (r->batch->n == first)
		return 0;
	/* One commit, one author. */
	for (i = first + 1; i < r->batch->n; i++)
		if (strcmp(r->batch->ops[i].actor, r->batch->ops[first].actor))
			return refuse(r, link->oid,
			              gv__xstrdup("it holds operations of two "
			                          "actors"));
	return check_signature(r, link, r->batch->ops[first].actor);
}

/*
 * Collects the commits of ref from tip back to stop ("" for all) into
 * batch. A chain that cannot be read or holds a refused commit adds
 * nothing and is reported: *refused is set.
 */
static int
collect(struct gv__sync *s, struct batch *batch, int *refused, const char *ref,
        const char *tip, const char *stop, const char *where)
{
	struct range r = {0};
	struct gv_body body = {0};
	int error;

	*refused = 0;
	r.s = s;
	r.batch = batch;
	r.first = batch->n;
	if (!ref_parts(&r.part, &r.slug, ref)) {
		gv__sync_note(s->report,
		              gv__xsprintf("%s: %s is not a chain of gavel's "
		                           "(refs/gavel/BODY/ACTOR): ignored",
		                           where, ref));
		*refused = 1;
		return 0;
	}
	/* The body's rules as this copy knows them now. */
	if (gv_body_get(&body, s->db, r.part) == 0) {
		r.require_signed = body.require_signed;
		r.allowed_signers = body.allowed_signers;
		body.allowed_signers = NULL;
	}
	gv_body_dispose(&body);
	error = gv__chain_walk(s->repo, tip, stop, take_commit, &r);
	if (error == GV_ENOTFOUND && stop && *stop)
		/* The commit we last saw is gone (the chain repository was
		 * made again): read the chain whole; what is known is
		 * skipped by its id. */
		error = gv__chain_walk(s->repo, tip, "", take_commit, &r);
	if (error > 0 || error == GV_ECORRUPT) {
		gv__sync_note(s->report,
		              error > 0
		                      ? gv__xsprintf("%s: %s refused at commit "
		                                     "%.7s: %s; nothing of it "
		                                     "applied",
		                                     where, ref, r.bad, r.why)
		                      : gv__xsprintf("%s: %s refused: %s; "
		                                     "nothing of it applied",
		                                     where, ref,
		                                     gv_error_last()->message));
		batch_truncate(batch, r.first);
		*refused = 1;
		error = 0;
	} else if (error < 0) {
		batch_truncate(batch, r.first);
	}
	free(r.part);
	free(r.slug);
	free(r.why);
	free(r.allowed_signers);
	return error;
}

/* The log's order: Lamport clock, then actor, then id. */
struct key {
	int64_t lamport;
	char *actor, *id;
};

static int
key_after(const struct key *last, const struct incoming *in)
{
	int c;

	if (!last->id)
		return 1;
	if (in->lamport != last->lamport)
		return in->lamport > last->lamport;
	if ((c = strcmp(in->actor, last->actor)) != 0)
		return c > 0;
	return strcmp(in->id, last->id) > 0;
}

static int
last_key(struct key *k, struct gv_db *db)
{
	sqlite3_stmt *st;
	int error;

	memset(k, 0, sizeof(*k));
	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_LAST)) < 0)
		return error;
	if ((error = gv__db_step(db, st)) > 0) {
		k->lamport = sqlite3_column_int64(st, 0);
		k->actor = gv__col_text(st, 1);
		k->id = gv__col_text(st, 2);
	}
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

static int64_t
scalar(struct gv_db *db, enum gv__stmt which, int64_t arg, int *error)
{
	sqlite3_stmt *st;
	int64_t v = 0;

	if ((*error = gv__db_stmt(&st, db, which)) < 0)
		return 0;
	if (which != GV__STMT_OP_SEQ_MAX)
		gv__bind_int(st, 1, arg);
	if ((*error = gv__db_step(db, st)) > 0)
		v = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	if (*error > 0)
		*error = 0;
	return v;
}

/* Records one operation unless the log has it; one this copy wrote but
 * had not marked sent is marked now. *added when it is new. */
static int
record(int *added, struct gv__sync *s, const struct incoming *in,
       const char *source)
{
	struct gv__op op = {
	        .actor = in->actor,
	        .part = in->part,
	        .at = in->at,
	        .recorded = in->recorded,
	        .lamport = in->lamport,
	        .flags = in->flags,
	};
	sqlite3_stmt *st;
	int error;

	if ((error = gv__op_record_text(added, s->db, &op, in->kind, in->id,
	                                in->text, source, in->commit)) < 0 ||
	    *added)
		return error;
	if ((error = gv__db_stmt(&st, s->db, GV__STMT_OP_SET_CHAIN)) < 0)
		return error;
	gv__bind_text(st, 1, in->id);
	gv__bind_text(st, 2, in->commit);
	gv__bind_int(st, 3, in->lamport);
	gv__bind_text(st, 4, in->actor);
	return gv__db_run(s->db, st);
}

/* Applies the n operations recorded after row seq0, in the log's order. */
static int
apply_new(struct gv_db *db, int64_t seq0, size_t n)
{
	struct gv__replay_run *run = gv__replay_run_new(db, NULL);
	sqlite3_stmt *st;
	size_t done = 0;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_NEW_IN_ORDER)) < 0)
		goto out;
	gv__bind_int(st, 1, seq0);
	while ((error = gv__db_step(db, st)) > 0) {
		gv__progress(db, "applying operations", done++, n);
		if ((error = gv__replay_run_fresh(
		             run, sqlite3_column_int64(st, 0),
		             (const char *)sqlite3_column_text(st, 2),
		             (const char *)sqlite3_column_text(st, 1),
		             (size_t)sqlite3_column_bytes(st, 1))) < 0)
			break;
	}
	gv__db_reset(st);
	if (error == 0)
		error = gv__replay_run_finish(run);
	gv__progress(db, "applying operations", n, n);
out:
	gv__replay_run_free(run);
	return error < 0 ? error : 0;
}

/* Adds what applying the new operations did to the report. */
static int
report_new(struct gv__sync *s, int64_t seq0, size_t added, int64_t trouble0)
{
	struct gv_sync_report *r = s->report;
	sqlite3_stmt *st;
	int64_t trouble;
	int error;

	/* The rows after seq0 are the added ones; those not counted here
	 * were applied. */
	r->applied += added;
	if ((error = gv__db_stmt(&st, s->db, GV__STMT_OP_NEW_STATUS)) < 0)
		return error;
	gv__bind_int(st, 1, seq0);
	while ((error = gv__db_step(s->db, st)) > 0) {
		const char *status = (const char *)sqlite3_column_text(st, 0);
		size_t n = (size_t)sqlite3_column_int64(st, 1);

		r->applied -= n;
		if (!strcmp(status, "same"))
			r->same += n;
		else if (!strcmp(status, "conflict"))
			r->conflicts += n;
		else if (!strcmp(status, "denied"))
			r->denied += n;
		else
			r->unknown += n;
	}
	gv__db_reset(st);
	if (error < 0 ||
	    (error = gv__db_stmt(&st, s->db, GV__STMT_OP_NEW_TROUBLE)) < 0)
		return error;
	gv__bind_int(st, 1, seq0);
	while ((error = gv__db_step(s->db, st)) > 0)
		gv__sync_note(r, gv__xsprintf("%s: %s's %s not applied: %s",
		                              sqlite3_column_text(st, 2),
		                              sqlite3_column_text(st, 0),
		                              sqlite3_column_text(st, 1),
		                              sqlite3_column_text(st, 3)));
	gv__db_reset(st);
	if (error < 0)
		return error;
	trouble = scalar(s->db, GV__STMT_OP_OLD_TROUBLE, seq0, &error);
	if (error == 0 && trouble > trouble0)
		gv__sync_note(
		        r,
		        gv__xsprintf("%lld operation%s recorded before "
		                     "%s no longer applied: what came in "
		                     "goes first (see 'gavel sync "
		                     "--conflicts')",
		                     (long long)(trouble - trouble0),
		                     trouble - trouble0 == 1 ? "" : "s",
		                     trouble - trouble0 == 1 ? "is" : "are"));
	return error;
}

/* The size of the batch's texts, for gv__db_bulk_begin. */
static size_t
batch_bytes(const struct batch *b)
{
	size_t bytes = 0;

	for (size_t i = 0; i < b->n; i++)
		bytes += b->ops[i].len;
	return bytes;
}

/* Applies the whole log again, and says which issues it renumbered. */
static int
replay_all(struct gv__sync *s)
{
	struct gv__numbers was;
	int error;

	if ((error = gv__numbers_read(&was, s->db)) == 0 &&
	    (error = gv_rebuild(NULL, s->db)) == 0)
		error = gv__numbers_report(&was, s->db, s->report);
	gv__numbers_dispose(&was);
	s->report->replayed = 1;
	return error;
}

/* Records and applies the batch in one transaction. */
static int
apply_batch(size_t *in, struct gv__sync *s, struct batch *b, const char *source)
{
	struct key last;
	int64_t seq0, trouble0 = 0;
	int error, added, before = 0;
	size_t i;

	*in = 0;
	if ((error = last_key(&last, s->db)) < 0)
		return error;
	seq0 = scalar(s->db, GV__STMT_OP_SEQ_MAX, 0, &error);
	if (error == 0)
		trouble0 = scalar(s->db, GV__STMT_OP_OLD_TROUBLE, seq0, &error);
	for (i = 0; error == 0 && i < b->n; i++) {
		if ((error = record(&added, s, &b->ops[i], source)) == 0 &&
		    added) {
			++*in;
			before |= !key_after(&last, &b->ops[i]);
		}
		/* In the log now: its copy is not needed again. */
		free(b->ops[i].text);
		b->ops[i].text = NULL;
	}
	if (error == 0 && *in) {
		/* Something new sorts before what is applied: the tables
		 * are what the whole log, in its order, makes them. */
		if (before) {
			error = replay_all(s);
		} else {
			gv__issue_reindex_defer(s->db);
			error = apply_new(s->db, seq0, *in);
			if (gv__issue_reindex_flush(s->db) < 0 && error == 0)
				error = GV_ERROR;
		}
		if (error == 0)
			error = report_new(s, seq0, *in, trouble0);
	}
	free(last.actor);
	free(last.id);
	return error;
}

static int
seen_set(struct gv_db *db, const char *ref, const char *oid)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_CHAIN_SEEN_SET)) < 0)
		return error;
	gv__bind_text(st, 1, ref);
	gv__bind_text(st, 2, oid);
	return gv__db_run(db, st);
}

static void
batch_free(struct batch *b)
{
	batch_truncate(b, 0);
	free(b->ops);
}

/* The commit tip we last read into the log from ref, or "". */
static int
seen_get(char oid[GV__OID_HEX], struct gv_db *db, const char *ref)
{
	sqlite3_stmt *st;
	int error;

	oid[0] = '\0';
	if ((error = gv__db_stmt(&st, db, GV__STMT_CHAIN_SEEN_GET)) < 0)
		return error;
	gv__bind_text(st, 1, ref);
	if ((error = gv__db_step(db, st)) > 0) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		if (t && strlen(t) == GV__OID_HEX - 1)
			memcpy(oid, t, GV__OID_HEX);
	}
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

/*
 * Every local chain read into one batch, as a fetch's are: applied one
 * chain at a time, a chain whose operations sort before the last one's
 * made the store be rebuilt from the whole log each time, and an act
 * read before the roster it names stood as a conflict until then (a copy
 * whose database was made again beside its chains: nine chains of 10,000
 * operations took 5.2 s and printed a conflict for each such act).
 */
int
gv__sync_ingest_local(size_t *in, struct gv__sync *s)
{
	struct gv__chain_ref *refs = NULL;
	struct batch b = {0};
	char seen[GV__OID_HEX];
	unsigned char *read;
	size_t n = 0, i;
	int refused, error;

	*in = 0;
	if ((error = gv__chain_refs(&refs, &n, s->repo, "refs/gavel/")) < 0)
		return error;
	read = gv__xcalloc(n + 1, 1);
	for (i = 0; i < n && error == 0; i++)
		if ((error = seen_get(seen, s->db, refs[i].name)) == 0 &&
		    strcmp(seen, refs[i].oid) &&
		    (error = collect(s, &b, &refused, refs[i].name, refs[i].oid,
		                     seen, "local")) == 0)
			read[i] = !refused;
	if (error < 0 || !memchr(read, 1, n))
		goto out;
	gv__db_bulk_begin(s->db, batch_bytes(&b));
	if ((error = gv__db_begin(s->db)) == 0) {
		error = apply_batch(in, s, &b, "local");
		for (i = 0; i < n && error == 0; i++)
			if (read[i])
				error = seen_set(s->db, refs[i].name,
				                 refs[i].oid);
		if (error < 0 || (error = gv__db_commit(s->db)) < 0)
			gv__db_rollback(s->db);
	}
	gv__db_bulk_end(s->db);
out:
	batch_free(&b);
	free(read);
	gv__chain_refs_free(refs, n);
	return error;
}

/* How a fetched chain stands to the local one. */
enum relation { SAME, AHEAD, BEHIND, DIVERGED };

struct chain {
	char *local; /* refs/gavel/<part>/<slug> */
	char local_tip[GV__OID_HEX];
	char tip[GV__OID_HEX]; /* the remote's */
	enum relation rel;
	int refused;
};

static int
relate(struct gv__sync *s, struct chain *c)
{
	int yes = 0, error;

	if (!strcmp(c->tip, c->local_tip)) {
		c->rel = SAME;
		return 0;
	}
	if (!*c->local_tip) {
		c->rel = AHEAD;
		return 0;
	}
	if ((error = gv__chain_descends(&yes, s->repo, c->tip, c->local_tip)) <
	    0)
		return error;
	if (yes) {
		c->rel = AHEAD;
		return 0;
	}
	if ((error = gv__chain_descends(&yes, s->repo, c->local_tip, c->tip)) <
	    0)
		return error;
	c->rel = yes ? BEHIND : DIVERGED;
	return 0;
}

/* This copy's chain, written elsewhere too (the same person on two
 * machines): a commit with both as parents joins them. */
static int
join_own(struct gv__sync *s, struct chain *c)
{
	struct gv__chain_commit commit = {0};
	char oid[GV__OID_HEX], *key = NULL;
	int error;

	if ((error = gv__signing_key(&key, s->db)) < 0)
		return error;
	commit.ref = c->local;
	commit.expect = c->local_tip;
	commit.merge = c->tip;
	commit.ops = "";
	commit.len = 0;
	commit.name = s->me;
	commit.email = "";
	commit.when = gv_db_now(s->db);
	commit.message = "gavel: join this chain's two copies";
	commit.signing_key = key;
	if ((error = gv__chain_append(oid, s->repo, &commit)) == 0)
		error = seen_set(s->db, c->local, oid);
	free(key);
	return error;
}

/* Moves the local chains to what was read, once it is in the log. */
static int
advance(struct gv__sync *s, struct chain *chains, size_t n, const char *remote)
{
	char *me = gv__actor_slug(s->me), *part = NULL, *slug = NULL;
	int error = 0;
	size_t i;

	for (i = 0; i < n && error == 0; i++) {
		struct chain *c = &chains[i];

		if (c->refused || c->rel == SAME || c->rel == BEHIND)
			continue;
		if (c->rel == AHEAD) {
			error = gv__chain_move(s->repo, c->local, c->local_tip,
			                       c->tip);
			continue;
		}
		free(part);
		free(slug);
		part = slug = NULL;
		ref_parts(&part, &slug, c->local);
		if (slug && !strcmp(slug, me))
			error = join_own(s, c);
		else
			gv__sync_note(
			        s->report,
			        gv__xsprintf("%s: %s has two histories "
			                     "(its author wrote on two "
			                     "copies, or rewrote it): both "
			                     "were read; the author should "
			                     "sync to join them",
			                     remote, c->local));
	}
	free(me);
	free(part);
	free(slug);
	return error;
}

static void
chains_free(struct chain *chains, size_t n)
{
	size_t i;

	for (i = 0; chains && i < n; i++)
		free(chains[i].local);
	free(chains);
}

int
gv__sync_ingest(size_t *in, struct gv__sync *s, const char *remote)
{
	struct gv__chain_ref *refs = NULL;
	struct chain *chains = NULL;
	struct batch b = {0};
	char *prefix = gv__xsprintf("refs/gavel-remotes/%s/", remote);
	size_t nrefs = 0, i;
	int error;

	*in = 0;
	if ((error = gv__chain_refs(&refs, &nrefs, s->repo, prefix)) < 0)
		goto out;
	chains = gv__xcalloc(nrefs + 1, sizeof(*chains));
	for (i = 0; i < nrefs && error == 0; i++) {
		struct chain *c = &chains[i];

		c->local = gv__xsprintf("refs/gavel/%s",
		                        refs[i].name + strlen(prefix));
		memcpy(c->tip, refs[i].oid, GV__OID_HEX);
		if (gv__chain_check_ref(c->local, 0) < 0) {
			gv__sync_note(s->report,
			              gv__xsprintf("%s: %s: %s", remote,
			                           refs[i].name,
			                           gv_error_last()->message));
			c->refused = 1;
			continue;
		}
		if ((error = gv__chain_tip(c->local_tip, s->repo, c->local)) <
		            0 ||
		    (error = relate(s, c)) < 0)
			break;
		if (c->rel == SAME || c->rel == BEHIND)
			continue;
		error = collect(s, &b, &c->refused, c->local, c->tip,
		                c->local_tip, remote);
	}
	/* What the fetch kept in memory for the walks is read: not held
	 * through the apply. */
	gv__chain_forget(s->repo);
	if (error < 0)
		goto out;
	gv__db_bulk_begin(s->db, batch_bytes(&b));
	if ((error = gv__db_begin(s->db)) < 0) {
		gv__db_bulk_end(s->db);
		goto out;
	}
	if ((error = apply_batch(in, s, &b, remote)) < 0)
		goto rollback;
	for (i = 0; i < nrefs; i++)
		if (!chains[i].refused && chains[i].rel == AHEAD &&
		    (error = seen_set(s->db, chains[i].local, chains[i].tip)) <
		            0)
			goto rollback;
	if ((error = gv__db_commit(s->db)) < 0)
		goto rollback;
	gv__db_bulk_end(s->db);
	/* Only now, with the operations safe in the log, do the chains
	 * move: an interruption before this reads them again, and what is
	 * known is skipped. */
	error = advance(s, chains, nrefs, remote);
	goto out;
rollback:
	gv__db_rollback(s->db);
	gv__db_bulk_end(s->db);
out:
	batch_free(&b);
	chains_free(chains, nrefs);
	gv__chain_refs_free(refs, nrefs);
	free(prefix);
	return error;
}
