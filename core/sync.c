/* SPDX-License-Identifier: MIT */
/*
 * This file implements one sync (issue 17, item 2): this copy's new
 * operations go into its chains, then with each remote in turn its chains
 * are fetched, read into the log and applied, and every local chain the
 * remote lacks is pushed. Each step can be interrupted and run again:
 * fetch and push are git's, the log's writes are transactions, and
 * operations are known by their ids.
 */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "gavel/sync.h"
#include "sync.h"

static int
count_ops(const struct gv__chain_link *link, void *ctx)
{
	size_t *n = ctx, i;

	for (i = 0; i < link->len; i++)
		*n += link->ops[i] == '\n';
	return 0;
}

static const char *
refs_tip(const struct gv__chain_ref *refs, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(refs[i].name, name))
			return refs[i].oid;
	return "";
}

/*
 * How a local chain stands to its copy fetched from remote: *ahead when
 * the remote lacks commits of ours that it can take (it has no copy, or
 * an older one), with *ops the operations in them; there gets the
 * remote's tip ("" for none).
 */
static int
ahead_of(int *ahead, size_t *ops, char **mirror, char there[GV__OID_HEX],
         struct gv__chain_repo *repo, const char *remote,
         const struct gv__chain_ref *ref)
{
	int error, yes = 1;

	*ahead = 0;
	*mirror = gv__xsprintf("refs/gavel-remotes/%s/%s", remote,
	                       ref->name + strlen("refs/gavel/"));
	if ((error = gv__chain_tip(there, repo, *mirror)) < 0 ||
	    !strcmp(there, ref->oid))
		return error;
	if (*there &&
	    (error = gv__chain_descends(&yes, repo, ref->oid, there)) < 0)
		return error;
	/* The remote's is not ours plus more: ingest reported it. */
	if (!yes)
		return 0;
	*ahead = 1;
	return gv__chain_walk(repo, ref->oid, there, count_ops, ops);
}

/* Pushes every local chain the remote lacks or has an older copy of,
 * and notes what the remote now holds. */
static int
push(size_t *out, struct gv__sync *s, const struct gv_remote *remote,
     const char *url)
{
	struct gv__chain_ref *refs = NULL;
	struct gv__chain_transfer stats = {0};
	const char **names = NULL;
	char(*there)[GV__OID_HEX] = NULL, **mirrors = NULL;
	size_t n = 0, i, k = 0;
	int error, ahead;

	*out = 0;
	if ((error = gv__chain_refs(&refs, &n, s->repo, "refs/gavel/")) < 0)
		return error;
	names = gv__xcalloc(n + 1, sizeof(*names));
	mirrors = gv__xcalloc(n + 1, sizeof(*mirrors));
	there = gv__xcalloc(n + 1, sizeof(*there));
	for (i = 0; i < n && error == 0; i++) {
		if ((error = ahead_of(&ahead, out, &mirrors[k], there[k],
		                      s->repo, remote->name, &refs[i])) < 0 ||
		    !ahead) {
			free(mirrors[k]);
			mirrors[k] = NULL;
			continue;
		}
		names[k++] = refs[i].name;
	}
	if (error == 0 && k)
		error = gv__chain_push(&stats, s->repo, url, names, k);
	/* The remote has ours now: its copy here says so until the next
	 * fetch reads it again. */
	for (i = 0; i < k && error == 0; i++)
		error = gv__chain_move(s->repo, mirrors[i], there[i],
		                       refs_tip(refs, n, names[i]));
	for (i = 0; i < n; i++)
		free(mirrors[i]);
	free(mirrors);
	free(there);
	free(names);
	gv__chain_refs_free(refs, n);
	return error;
}

/*
 * Operations in this copy's chains that no remote has yet: per chain,
 * the fewest any remote lacks.
 */
static int
unpushed(size_t *out, struct gv_db *db, const struct gv_remote *remotes,
         size_t nremotes)
{
	struct gv__chain_repo *repo = NULL;
	struct gv__chain_ref *refs = NULL;
	char *path = gv__sync_repo_path(db), *mirror = NULL, there[GV__OID_HEX];
	size_t n = 0, i, r, ops, fewest;
	int error = 0, ahead;

	*out = 0;
	/* No chain repository yet: nothing was ever put in a chain. */
	if (!nremotes || access(path, F_OK) != 0)
		goto out;
	if ((error = gv__chain_open(&repo, path)) < 0 ||
	    (error = gv__chain_refs(&refs, &n, repo, "refs/gavel/")) < 0)
		goto out;
	for (i = 0; i < n && error == 0; i++) {
		fewest = SIZE_MAX;
		for (r = 0; r < nremotes && error == 0; r++) {
			ops = 0;
			error = ahead_of(&ahead, &ops, &mirror, there, repo,
			                 remotes[r].name, &refs[i]);
			free(mirror);
			mirror = NULL;
			if (ops < fewest)
				fewest = ops;
		}
		*out += fewest;
	}
out:
	gv__chain_refs_free(refs, n);
	gv__chain_free(repo);
	free(path);
	return error;
}

static int
record_remote(struct gv_db *db, const char *name, size_t in, size_t out,
              const char *failure)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db,
	                         failure ? GV__STMT_REMOTE_FAILED
	                                 : GV__STMT_REMOTE_SYNCED)) < 0)
		return error;
	gv__bind_text(st, 1, name);
	if (failure) {
		gv__bind_text(st, 2, failure);
	} else {
		gv__bind_int(st, 2, gv_db_now(db));
		gv__bind_int(st, 3, (int64_t)in);
		gv__bind_int(st, 4, (int64_t)out);
	}
	return gv__db_run(db, st);
}

/* The URL as stored (gv_remote_list hides a password in it). */
static int
remote_url(char **url, struct gv_db *db, const char *name)
{
	sqlite3_stmt *st;
	int error;

	*url = NULL;
	if ((error = gv__db_stmt(&st, db, GV__STMT_REMOTE_URL)) < 0)
		return error;
	gv__bind_text(st, 1, name);
	if ((error = gv__db_step(db, st)) > 0)
		*url = gv__col_text(st, 0);
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

static int
sync_one(struct gv__sync *s, const struct gv_remote *remote)
{
	struct gv__chain_transfer stats = {0};
	size_t in = 0, out = 0;
	char *url = NULL;
	int error;

	if ((error = remote_url(&url, s->db, remote->name)) < 0 ||
	    (error = gv__chain_fetch(&stats, s->repo, remote->name, url)) < 0 ||
	    (error = gv__sync_ingest(&in, s, remote->name)) < 0)
		goto out;
	s->report->ops_in += in;
	if ((error = push(&out, s, remote, url)) < 0)
		goto out;
	s->report->ops_out += out;
	error = record_remote(s->db, remote->name, in, out, NULL);
out:
	free(url);
	return error;
}

int
gv_sync(struct gv_sync_report *r, struct gv_db *db, const char *name)
{
	struct gv__sync s = {0};
	struct gv_remote *remotes = NULL;
	char *path = NULL, *last = NULL;
	size_t n = 0, i;
	int error, failed_code = 0;

	memset(r, 0, sizeof(*r));
	if ((error = gv_remote_list(&remotes, &n, db, name)) < 0)
		return error;
	if (!n) {
		error = gv__error_set(GV_ERRCLASS_SYNC, GV_ENOTFOUND,
		                      "no remote to sync with: add one with "
		                      "'gavel remote add NAME URL'");
		goto out;
	}
	s.db = db;
	s.report = r;
	s.me = gv_db_actor(db);
	path = gv__sync_repo_path(db);
	if ((error = gv__chain_open(&s.repo, path)) < 0)
		goto out;
	gv__chain_set_progress(s.repo, db->progress, db->progress_payload);
	if ((error = gv__sync_pack(&s)) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		if ((error = sync_one(&s, &remotes[i])) == 0)
			continue;
		free(last);
		last = gv__xstrdup(gv_error_last()->message);
		failed_code = error;
		r->failed_remotes++;
		gv__sync_note(r, gv__xsprintf("%s: %s", remotes[i].name, last));
		if ((error = record_remote(db, remotes[i].name, 0, 0, last)) <
		    0)
			goto out;
	}
	error = 0;
	if (r->failed_remotes == n)
		error = gv__error_set(GV_ERRCLASS_SYNC, failed_code, "%s",
		                      last);
out:
	gv__chain_free(s.repo);
	gv_remote_list_free(remotes, n);
	free(path);
	free(last);
	return error;
}

/* How many of this copy's unsent operations stay here until its user is
 * chosen (gv__sync_held). */
static int
count_held(size_t *n, struct gv_db *db)
{
	sqlite3_stmt *st;
	int error, yes;

	*n = 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_UNSENT_CHAINS)) < 0)
		return error;
	while ((error = gv__db_step(db, st)) > 0)
		if ((error = gv__sync_held(
		             &yes, db, (const char *)sqlite3_column_text(st, 0),
		             (const char *)sqlite3_column_text(st, 1))) < 0)
			break;
		else if (yes)
			*n += (size_t)sqlite3_column_int64(st, 2);
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

int
gv_sync_state(struct gv_sync_state *st, struct gv_db *db)
{
	struct gv_remote *remotes = NULL;
	sqlite3_stmt *q;
	size_t n = 0, i;
	int error;

	memset(st, 0, sizeof(*st));
	st->synced_at = -1;
	if ((error = gv_remote_list(&remotes, &n, db, NULL)) < 0)
		return error;
	st->remotes = n;
	for (i = 0; i < n; i++) {
		if (remotes[i].synced_at > st->synced_at)
			st->synced_at = remotes[i].synced_at;
		st->ops_in += remotes[i].ops_in;
		st->ops_out += remotes[i].ops_out;
		st->failing |= remotes[i].error != NULL;
	}
	error = unpushed(&st->unsent, db, remotes, n);
	gv_remote_list_free(remotes, n);
	if (error < 0 || (error = count_held(&st->held, db)) < 0)
		return error;
	if ((error = gv__db_stmt(&q, db, GV__STMT_OP_TALLY)) < 0)
		return error;
	if ((error = gv__db_step(db, q)) > 0) {
		st->unsent += (size_t)sqlite3_column_int64(q, 0);
		st->conflicts = (size_t)sqlite3_column_int64(q, 1);
	}
	gv__db_reset(q);
	return error < 0 ? error : 0;
}

int
gv_conflicts(struct gv_conflict **out, size_t *n, struct gv_db *db)
{
	struct gv_conflict *list = NULL, *c;
	sqlite3_stmt *st;
	size_t alloc = 0;
	int error;

	*out = NULL;
	*n = 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_TROUBLE)) < 0)
		return error;
	while ((error = gv__db_step(db, st)) > 0) {
		if (*n == alloc)
			list = gv__xrealloc(list,
			                    (alloc = alloc ? alloc * 2 : 8) *
			                            sizeof(*list));
		c = &list[(*n)++];
		c->id = gv__col_text(st, 0);
		c->lamport = sqlite3_column_int64(st, 1);
		c->actor = gv__col_text(st, 2);
		c->part = gv__col_text(st, 3);
		c->kind = gv__col_text(st, 4);
		c->at = sqlite3_column_int64(st, 5);
		c->status = gv__col_text(st, 6);
		c->reason = gv__col_text(st, 7);
		c->source = gv__col_text(st, 8);
	}
	gv__db_reset(st);
	if (error < 0) {
		gv_conflicts_free(list, *n);
		*n = 0;
		return error;
	}
	*out = list;
	return 0;
}

void
gv_conflicts_free(struct gv_conflict *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(c[i].id);
		free(c[i].actor);
		free(c[i].part);
		free(c[i].kind);
		free(c[i].status);
		free(c[i].reason);
		free(c[i].source);
	}
	free(c);
}
