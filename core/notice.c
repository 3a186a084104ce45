/* SPDX-License-Identifier: MIT */
/*
 * This file implements a ballot's notice kinds and the record of the
 * notices sent as mail: the operation "ballot.notice-sent", which keeps a
 * sent message's Message-ID on its ballot so that every copy threads the
 * later notices under it.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ballot_internal.h"
#include "db.h"
#include "gavel/notice.h"
#include "mail.h"
#include "message.h"
#include "op_kinds.h"

static const char *const notice_names[GV_NOTICE_COUNT] = {
        "proposal", "voting", "results", "review", "adopted",
};

static const char *const notice_templates[GV_NOTICE_COUNT] = {
        "ballot-proposal.md", "voting-period.md", "results.md",
        "review-notice.md",   "adopted.md",
};

const char *
gv_notice_name(enum gv_notice kind)
{
	return (unsigned)kind < GV_NOTICE_COUNT ? notice_names[kind] : "?";
}

const char *
gv_notice_template(enum gv_notice kind)
{
	return (unsigned)kind < GV_NOTICE_COUNT ? notice_templates[kind] : NULL;
}

int
gv_notice_parse(enum gv_notice *out, const char *name)
{
	int i;

	for (i = 0; i < GV_NOTICE_COUNT; i++)
		if (name && !strcasecmp(name, notice_names[i])) {
			*out = (enum gv_notice)i;
			return 0;
		}
	return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
	                     "unknown notice '%s': use proposal, voting, "
	                     "results, review or adopted",
	                     name ? name : "");
}

/* Records that a notice of the ballot went out as message_id. The same
 * message recorded again (on two copies, or sent twice) is one record. */
static int
notice_sent(struct gv_db *db, const char *ref, const char *kind_name,
            int version, const char *message_id, int64_t at)
{
	struct gv_ballot *b = NULL;
	enum gv_notice kind;
	sqlite3_stmt *st;
	int error, rc;

	if ((error = gv_notice_parse(&kind, kind_name)) < 0)
		return error;
	if (version < 0 || !gv__mail_id_ok(message_id))
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "a sent notice needs its version and a "
		                     "Message-ID of the form left@right");
	if ((error = gv__ballot_load_ref(&b, db, ref, at)) < 0)
		return error;
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_NOTICE_EXISTS)) < 0)
		goto rollback;
	gv__bind_int(st, 1, b->id);
	gv__bind_text(st, 2, message_id);
	if ((rc = gv__db_has_row(db, st)) != 0) {
		error = rc < 0 ? rc : GV__OP_SAME;
		goto rollback;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_NOTICE_INSERT)) < 0)
		goto rollback;
	gv__bind_int(st, 1, b->id);
	gv__bind_text(st, 2, notice_names[kind]);
	gv__bind_int(st, 3, version);
	gv__bind_text(st, 4, message_id);
	gv__bind_int(st, 5, at);
	gv__bind_text(st, 6, gv__db_actor(db));
	if ((error = gv__db_run(db, st)) < 0 || (error = gv__db_commit(db)) < 0)
		goto rollback;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	gv_ballot_free(b);
	return error;
}

static int
notice_sent_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *ballot, *kind, *message_id;
	char buf[48];
	int version, error;

	if ((error = gv__op_unpack(op, "{s:s, s:s, s:i, s:s}", "ballot",
	                           &ballot, "notice", &kind, "version",
	                           &version, "message_id", &message_id)) < 0 ||
	    (error = gv__ballot_named(&ballot, buf, db, op)) < 0)
		return error;
	return notice_sent(db, ballot, kind, version, message_id, op->at);
}

const struct gv__op_kind gv__op_ballot_notice_sent = {
        "ballot.notice-sent", GV__MAY_OFFICER, notice_sent_apply};

int
gv__notice_record(struct gv_db *db, const char *ref, enum gv_notice kind,
                  int version, const char *message_id)
{
	return gv__ballot_submit(db, &gv__op_ballot_notice_sent, ref, -1,
	                         json_pack("{s:s, s:i, s:s}", "notice",
	                                   gv_notice_name(kind), "version",
	                                   version, "message_id", message_id));
}

int
gv_notice_sent_list(struct gv_notice_sent_list **out, struct gv_db *db,
                    const char *ref)
{
	struct gv_notice_sent_list *l = NULL;
	struct gv_ballot *b = NULL;
	struct gv_notice_sent *n;
	size_t alloc = 0;
	sqlite3_stmt *st;
	int error;

	*out = NULL;
	if ((error = gv_ballot_get(&b, db, ref)) < 0 ||
	    (error = gv__db_stmt(&st, db, GV__STMT_NOTICE_LIST)) < 0)
		goto out;
	l = gv__xcalloc(1, sizeof(*l));
	gv__bind_int(st, 1, b->id);
	while ((error = gv__db_step(db, st)) > 0) {
		/* Sent after the clock: not yet, in an "as of" view. */
		if (sqlite3_column_int64(st, 3) > gv_db_now(db))
			continue;
		l->v = gv__grow(l->v, &alloc, l->n, sizeof(*l->v));
		n = &l->v[l->n++];
		gv_notice_parse(&n->kind,
		                (const char *)sqlite3_column_text(st, 0));
		n->version = sqlite3_column_int(st, 1);
		n->message_id = gv__col_text(st, 2);
		n->sent_at = sqlite3_column_int64(st, 3);
		n->sent_by = gv__col_text(st, 4);
	}
	gv__db_reset(st);
	if (error < 0) {
		gv_notice_sent_list_free(l);
		goto out;
	}
	*out = l;
out:
	gv_ballot_free(b);
	return error < 0 ? error : 0;
}

void
gv_notice_sent_list_free(struct gv_notice_sent_list *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].message_id);
		free(l->v[i].sent_by);
	}
	free(l->v);
	free(l);
}
