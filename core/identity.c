/* SPDX-License-Identifier: MIT */
/*
 * This file implements setting who this copy's operations are by
 * (`gavel config user NAME`, which makes what was recorded here before
 * theirs) and the signing key sync uses.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "gavel/log.h"
#include "gavel/sync.h"
#include "git_config.h"
#include "identity.h"
#include "op_log.h"

/* The ids of the operations made name's so far, before and after. */
struct renamed {
	struct {
		char before[41], after[41];
	} * v;
	size_t n, alloc;
};

/* What was recorded on an issue or a ballot an operation made names it
 * by that operation's id ("issue_made", core/issue.c; "ballot_made",
 * core/ballot_op.c): its new one. */
static void
rename_made(json_t *data, const struct renamed *r)
{
	static const char *const keys[] = {"issue_made", "ballot_made"};

	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		const char *made =
		        json_string_value(json_object_get(data, keys[k]));

		for (size_t i = 0; made && i < r->n; i++)
			if (!strcmp(made, r->v[i].before)) {
				json_object_set_new(data, keys[k],
				                    json_string(r->v[i].after));
				break;
			}
	}
}

/* Records op (seq, text) as name's: a new text, so a new id, which r
 * keeps. */
static int
restamp(struct gv_db *db, int64_t seq, const char *text, const char *name,
        struct renamed *r)
{
	struct gv__op_kind kind = {0};
	struct gv__op_read rd;
	sqlite3_stmt *st;
	char *again = NULL, *id = NULL;
	int error;

	if ((error = gv__op_parse(&rd, text, strlen(text))) < 0)
		return error;
	kind.name = rd.kind_name;
	rd.op.kind = &kind;
	rd.op.actor = name;
	rename_made(json_object_get(rd.root, "data"), r);
	if (!(again = gv__op_text(&rd.op)) || !(id = gv__text_hash(again))) {
		error = gv__error_set(GV_ERRCLASS_SYNC, GV_ERROR,
		                      "cannot write operation %s again",
		                      rd.kind_name);
		goto out;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_RESTAMP)) < 0)
		goto out;
	gv__bind_int(st, 1, seq);
	gv__bind_text(st, 2, name);
	gv__bind_text(st, 3, id);
	gv__bind_text(st, 4, again);
	if ((error = gv__db_run(db, st)) == 0) {
		r->v = gv__grow(r->v, &r->alloc, r->n, sizeof(*r->v));
		memcpy(r->v[r->n].before, rd.id, sizeof(rd.id));
		snprintf(r->v[r->n++].after, sizeof(r->v[0].after), "%s", id);
	}
out:
	free(again);
	free(id);
	gv__op_read_dispose(&rd);
	return error;
}

/*
 * What was recorded here before the user was set, under a name that is
 * no person's ($USER), and is not sent yet, becomes the user's: the
 * others would refuse an actor their roster does not know.
 */
static int
restamp_anonymous(size_t *n, struct gv_db *db, const char *name)
{
	struct renamed renamed = {0};
	sqlite3_stmt *st;
	int error, count;

	*n = 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_UNSTAMPED)) < 0)
		return error;
	gv__bind_text(st, 1, name);
	while ((error = gv__db_step(db, st)) > 0) {
		int64_t seq = sqlite3_column_int64(st, 0);
		char *text = gv__col_text(st, 1), *actor = NULL, *who = NULL;
		struct gv__op_read rd;

		if ((error = gv__op_parse(&rd, text, strlen(text))) == 0) {
			actor = gv__xstrdup(json_string_value(
			        json_object_get(rd.root, "actor")));
			gv__op_read_dispose(&rd);
			error = gv__person_named(&who, &count, db, actor);
		}
		if (error == 0 && count == 0 &&
		    (error = restamp(db, seq, text, name, &renamed)) == 0)
			++*n;
		free(text);
		free(actor);
		free(who);
		if (error < 0)
			break;
	}
	gv__db_reset(st);
	free(renamed.v);
	return error < 0 ? error : 0;
}

int
gv_config_user(struct gv_db *db, const char *name)
{
	struct gv_rebuild_report report;
	char *who = NULL;
	size_t n = 0;
	int count, error;

	if ((error = gv__person_named(&who, &count, db, name)) < 0)
		return error;
	if (!who && count)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_EINVALID,
		                     "%d people are named \"%s\": tell them "
		                     "apart in the roster before choosing",
		                     count, name);
	if (!who)
		return gv__error_set(
		        GV_ERRCLASS_SYNC, GV_ENOTFOUND,
		        "no person \"%s\" in the roster: add them "
		        "with 'gavel person add \"%s\" --email "
		        "ADDRESS', or sync first to get the roster",
		        name, name);
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__config_set(db, "user", who)) < 0 ||
	    (error = restamp_anonymous(&n, db, who)) < 0 ||
	    (n && (error = gv_rebuild(&report, db)) < 0) ||
	    (error = gv__db_commit(db)) < 0) {
		gv__db_rollback(db);
		goto out;
	}
	free(db->actor_found);
	db->actor_found = NULL;
out:
	free(who);
	return error;
}

int
gv_config_signing_key(struct gv_db *db, const char *path)
{
	char *abs = NULL;
	int error;

	if (path && *path) {
		abs = gv__path_absolute(path);
		if (access(abs, R_OK) != 0) {
			error = gv__error_set(
			        GV_ERRCLASS_SYNC, GV_ENOTFOUND,
			        "cannot read the key %s: give an "
			        "SSH key file (the public one will "
			        "do when ssh-agent holds the key)",
			        path);
			free(abs);
			return error;
		}
	}
	error = gv__config_set(db, "signing-key", abs);
	free(abs);
	return error;
}

int
gv__signing_key(char **out, struct gv_db *db)
{
	char *format = NULL;
	int error;

	if ((error = gv_config_get(out, db, "signing-key")) < 0 || *out)
		return error;
	/* git's own key, when git signs with SSH too. */
	if ((error = gv__git_config_string(&format, "gpg.format")) < 0)
		return error;
	if (format && !strcmp(format, "ssh"))
		error = gv__git_config_string(out, "user.signingkey");
	free(format);
	return error;
}
