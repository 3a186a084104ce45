/* SPDX-License-Identifier: MIT */
/*
 * This file implements what an issue's timeline records: notes (taken at
 * a meeting or not), the meetings that discussed it, the ballots linked to
 * it and its draft redlines. Each is one transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"
#include "gavel/ballot.h"
#include "gavel/issue.h"
#include "git_range.h"
#include "issue_internal.h"
#include "meeting_key.h"
#include "op_kinds.h"

/* The start of meeting id, which must belong to the issue's body. */
static int
meeting_start(int64_t *out, struct gv_db *db, const struct gv__issue_ref *r,
              int64_t meeting)
{
	int error;
	sqlite3_stmt *st = NULL;
	int rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_MEETING_OF)) < 0)
		return error;
	gv__bind_int(st, 1, meeting);
	gv__bind_int(st, 2, r->body);
	if ((rc = gv__db_step(db, st)) > 0)
		*out = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	if (rc == 0)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_ENOTFOUND,
		                     "no meeting %lld of %s's body: see 'gavel "
		                     "meeting list'",
		                     (long long)meeting, r->subject);
	return rc < 0 ? rc : 0;
}

/* The actor's name for notes and links that name no author. */
static const char *
author_or_actor(struct gv_db *db, const char *author)
{
	return author ? author : gv__db_actor(db);
}

/* Records a note on the issue made names (found by the operation that
 * added it), else on ref's. */
static int
issue_note(int64_t *id_out, struct gv_db *db, const struct gv__issue_ref *made,
           const char *ref, const struct gv_issue_note_spec *spec)
{
	const char *author = author_or_actor(db, spec->author);
	struct gv__issue_ref r;
	int64_t at = spec->at;
	sqlite3_stmt *st;
	int error;

	if (!spec->text || !spec->text[strspn(spec->text, " \t\r\n")])
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "the note is empty: give its text");
	if ((error = gv__check_text(GV_ERRCLASS_ISSUE, "the note",
	                            spec->text)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_ISSUE, "the author", author)) <
	            0)
		return error;
	if ((error = gv__db_begin(db)) < 0)
		return error;
	if (made)
		r = *made;
	else if ((error = gv__issue_find(&r, db, NULL, ref)) < 0)
		goto rollback;
	if (spec->meeting) {
		int64_t start = 0;

		if ((error = meeting_start(&start, db, &r, spec->meeting)) < 0)
			goto rollback;
		if (at < 0)
			at = start;
	}
	if (at < 0)
		at = gv_db_now(db);
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_NOTE_INSERT)) < 0)
		goto rollback;
	gv__bind_int(st, 1, r.id);
	gv__bind_opt(st, 2, spec->meeting, spec->meeting > 0);
	gv__bind_int(st, 3, at);
	gv__bind_text(st, 4, author);
	gv__bind_text(st, 5, spec->text);
	gv__bind_text(st, 6, "local");
	gv__bind_text(st, 7, NULL);
	if ((error = gv__db_run(db, st)) < 0)
		goto rollback;
	if (id_out)
		*id_out = sqlite3_last_insert_rowid(db->sql);
	if ((error = gv__issue_reindex(db, r.id)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	return 0;
rollback:
	gv__db_rollback(db);
	return error;
}

/* What one issue_link row holds. */
struct link {
	const char *kind;
	int64_t at;
	int64_t meeting, ballot; /* or 0 */
	int resolves;
	const char *url, *repo, *base, *head;
};

/* Inserts a link; a second link of the same thing is GV_EEXISTS. */
static int
link_insert(struct gv_db *db, const struct gv__issue_ref *r,
            const struct link *l, const char *what)
{
	int error;
	sqlite3_stmt *st = NULL;
	int rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_LINK_INSERT)) < 0)
		return error;
	gv__bind_int(st, 1, r->id);
	gv__bind_int(st, 2, l->at);
	gv__bind_text(st, 3, gv__db_actor(db));
	gv__bind_text(st, 4, l->kind);
	gv__bind_opt(st, 5, l->meeting, l->meeting > 0);
	gv__bind_opt(st, 6, l->ballot, l->ballot > 0);
	gv__bind_int(st, 7, l->resolves);
	gv__bind_text(st, 8, l->url);
	gv__bind_text(st, 9, l->repo);
	gv__bind_text(st, 10, l->base);
	gv__bind_text(st, 11, l->head);
	rc = gv__db_step(db, st);
	gv__db_reset(st);
	/* The unique keys of issue_link: the same meeting, ballot or range. */
	if (rc == GV_ECONFLICT)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EEXISTS,
		                     "%s is already linked to %s", r->subject,
		                     what);
	if (rc < 0)
		return rc;
	return 0;
}

/* Runs link_insert for REF in one transaction. */
static int
link_add(struct gv_db *db, struct gv__issue_ref *r, const struct link *l,
         const char *what)
{
	int error;

	if ((error = link_insert(db, r, l, what)) < 0 ||
	    (error = gv__db_commit(db)) < 0) {
		gv__db_rollback(db);
		return error;
	}
	return 0;
}

static int
issue_link_meeting(struct gv_db *db, const char *body, const char *ref,
                   int64_t meeting, int64_t at)
{
	struct link l = {"meeting", at, meeting, 0, 0, NULL, NULL, NULL, NULL};
	struct gv__issue_ref r;
	char what[48];
	int64_t start = 0;
	int error;

	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__issue_find(&r, db, body, ref)) < 0 ||
	    (error = meeting_start(&start, db, &r, meeting)) < 0) {
		gv__db_rollback(db);
		return error;
	}
	if (l.at < 0)
		l.at = start;
	snprintf(what, sizeof(what), "meeting %lld", (long long)meeting);
	return link_add(db, &r, &l, what);
}

static int
issue_link_ballot(struct gv_db *db, const char *body, const char *ref,
                  const char *ballot, int resolves, int64_t at)
{
	struct link l = {"ballot", at,   0,    0,   resolves != 0,
	                 NULL,     NULL, NULL, NULL};
	struct gv__issue_ref r;
	int error;

	if (l.at < 0)
		l.at = gv_db_now(db);
	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__issue_find(&r, db, body, ref)) < 0 ||
	    (error = gv_ballot_find(&l.ballot, db, ballot)) < 0) {
		gv__db_rollback(db);
		return error;
	}
	return link_add(db, &r, &l, ballot);
}

static int
issue_link_draft(struct gv_db *db, const char *subject, const struct link *l)
{
	struct gv__issue_ref r;
	int error;

	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__issue_find(&r, db, NULL, subject)) < 0) {
		gv__db_rollback(db);
		return error;
	}
	return link_add(db, &r, l, l->url);
}

/* The meeting an operation names under "meeting", or 0 without one. */
static int
op_meeting(int64_t *id, struct gv_db *db, const struct gv__op *op)
{
	json_t *key = json_object_get(op->data, "meeting");

	*id = 0;
	return key ? gv__meeting_by_key(id, db, key) : 0;
}

static int
note_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_issue_note_spec spec = {0};
	struct gv__issue_ref made;
	const char *subject;
	json_int_t at = -1;
	int named = 0, error;

	if ((error = gv__op_unpack(op, "{s:s, s:s, s?s, s?I}", "issue",
	                           &subject, "text", &spec.text, "author",
	                           &spec.author, "at", &at)) < 0 ||
	    (error = named = gv__issue_made(&made, db, op, subject)) < 0 ||
	    (error = op_meeting(&spec.meeting, db, op)) < 0)
		return error;
	spec.at = at;
	return issue_note(op->out, db, named ? &made : NULL, subject, &spec);
}

static int
link_meeting_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *subject;
	char buf[48];
	json_int_t at = -1;
	int64_t meeting;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s?I}", "issue", &subject, "at",
	                           &at)) < 0 ||
	    (error = gv__issue_named(&subject, buf, db, op)) < 0 ||
	    (error = op_meeting(&meeting, db, op)) < 0)
		return error;
	return issue_link_meeting(db, NULL, subject, meeting, at);
}

static int
link_ballot_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *subject, *ballot;
	char buf[48], named[48];
	int resolves = 0, error;

	if ((error = gv__op_unpack(op, "{s:s, s:s, s?b}", "issue", &subject,
	                           "ballot", &ballot, "resolves", &resolves)) <
	            0 ||
	    (error = gv__issue_named(&subject, buf, db, op)) < 0 ||
	    (error = gv__ballot_named(&ballot, named, db, op)) < 0)
		return error;
	return issue_link_ballot(db, NULL, subject, ballot, resolves, op->at);
}

static int
link_draft_apply(struct gv_db *db, const struct gv__op *op)
{
	struct link l = {"draft", op->at, 0, 0, 0, NULL, NULL, NULL, NULL};
	const char *subject;
	char buf[48];
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s:s, s?s, s:s, s:s}", "issue",
	                           &subject, "range", &l.url, "repo", &l.repo,
	                           "base", &l.base, "head", &l.head)) < 0 ||
	    (error = gv__issue_named(&subject, buf, db, op)) < 0)
		return error;
	return issue_link_draft(db, subject, &l);
}

const struct gv__op_kind gv__op_issue_note = {"issue.note", GV__MAY_ANYONE,
                                              note_apply};
const struct gv__op_kind gv__op_issue_link_meeting = {
        "issue.link-meeting", GV__MAY_ANYONE, link_meeting_apply};
const struct gv__op_kind gv__op_issue_link_ballot = {
        "issue.link-ballot", GV__MAY_ANYONE, link_ballot_apply};
const struct gv__op_kind gv__op_issue_link_draft = {
        "issue.link-draft", GV__MAY_ANYONE, link_draft_apply};

/* data (taken over) with the key of meeting (0: none) added. */
static json_t *
with_meeting(struct gv_db *db, json_t *data, int64_t meeting, int *error)
{
	json_t *key = NULL;
	char *part = NULL;

	*error = 0;
	if (!meeting || !data)
		return data;
	if ((*error = gv__meeting_key(&key, &part, db, meeting)) < 0) {
		json_decref(data);
		return NULL;
	}
	free(part);
	json_object_set_new(data, "meeting", key);
	return data;
}

int
gv_issue_note(int64_t *id_out, struct gv_db *db, const char *body,
              const char *ref, const struct gv_issue_note_spec *spec)
{
	json_t *data;
	int error;

	if (!spec->text || !spec->text[strspn(spec->text, " \t\r\n")])
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "the note is empty: give its text");
	data = json_pack("{s:s, s:s*, s:I}", "text", spec->text, "author",
	                 spec->author, "at", (json_int_t)spec->at);
	if (!(data = with_meeting(db, data, spec->meeting, &error)) && error)
		return error;
	return gv__issue_submit(db, &gv__op_issue_note, body, ref, spec->at,
	                        data, id_out);
}

int
gv_issue_link_meeting(struct gv_db *db, const char *body, const char *ref,
                      int64_t meeting, int64_t at)
{
	json_t *data = json_pack("{s:I}", "at", (json_int_t)at);
	int error;

	if (!meeting)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "name the meeting to link");
	if (!(data = with_meeting(db, data, meeting, &error)) && error)
		return error;
	return gv__issue_submit(db, &gv__op_issue_link_meeting, body, ref, at,
	                        data, NULL);
}

int
gv_issue_link_ballot(struct gv_db *db, const char *body, const char *ref,
                     const char *ballot, int resolves, int64_t at)
{
	json_t *data = json_pack("{s:s?, s:b}", "ballot", ballot, "resolves",
	                         resolves != 0);
	int64_t id;
	int error;

	/* The ballot named by its proposal too (core/ballot_op.c). */
	if (ballot && ((error = gv_ballot_find(&id, db, ballot)) < 0 ||
	               (error = gv__ballot_made_add(data, db, id)) < 0)) {
		json_decref(data);
		return error;
	}
	return gv__issue_submit(db, &gv__op_issue_link_ballot, body, ref, at,
	                        data, NULL);
}

int
gv_issue_link_draft(struct gv_db *db, const char *body, const char *ref,
                    const char *repo, const char *range, int64_t at)
{
	char *base = NULL, *head = NULL, *where = NULL;
	int error;

	if ((error = gv__check_text(GV_ERRCLASS_ISSUE, "the range", range)) < 0)
		return error;
	/* Resolved here, in this member's clone: the operation carries the
	 * commits, which every copy then shows. */
	error = repo ? gv__git_resolve(&base, &head, &where, repo, range)
	             : gv__git_range_split(&base, &head, NULL, range);
	if (error < 0)
		return error;
	error = gv__issue_submit(db, &gv__op_issue_link_draft, body, ref, at,
	                         json_pack("{s:s, s:s*, s:s, s:s}", "range",
	                                   range, "repo", where, "base", base,
	                                   "head", head),
	                         NULL);
	free(base);
	free(head);
	free(where);
	return error;
}
