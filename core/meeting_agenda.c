/* SPDX-License-Identifier: MIT */
/*
 * This file implements a meeting's agenda items (their notes, and links to
 * the issues and ballots they discussed) and the minutes' approval chain:
 * approved at a later meeting, or final three weeks after the draft when
 * no meeting falls within them (BYL 5.1(1)), and whether a meeting has
 * minutes to render at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"
#include "gavel/ballot.h"
#include "gavel/meeting.h"
#include "gavel/text.h"
#include "gavel/time.h"
#include "gavel/zone.h"
#include "issue_internal.h"
#include "meeting_items.h"
#include "meeting_key.h"
#include "op_kinds.h"

/*
 * An agenda item as an operation names it: what the person typed (its
 * position, or the start of its title), or its whole title, exactly. An
 * operation carries the whole title too ("item_title", "before_title"):
 * an item added on another copy meanwhile moves the positions, and a
 * note recorded on item 8 would land on whichever item is 8 once both
 * are in (issue 17). Where several items have that title (two slots
 * titled "Discussion"), it carries which of them, counted in the
 * agenda's order ("item_nth", "before_nth": 2 for the second); without
 * it, the first.
 */
struct item_ref {
	const char *which;
	int exact;   /* which is a whole title */
	int64_t nth; /* with exact: the nth item of that title, from 1 */
};

/* Whether stored starts with want, both folded (gv_text_fold). */
static int
title_starts(const char *stored, const char *want)
{
	char *fold = gv_text_fold(stored);
	int yes = !strncmp(fold, want, strlen(want));

	free(fold);
	return yes;
}

/* The agenda item of meeting id ref names: its position and its row,
 * and its title (owned) where title is not NULL. */
static int
item_find(int64_t *pos_out, int64_t *row, char **title,
          const struct item_ref *ref, struct gv_db *db, int64_t id)
{
	struct gv__meeting_head m;
	sqlite3_stmt *st;
	const char *which = ref->which ? ref->which : "", *stored;
	char *want = gv_text_fold(which), *end = want;
	long pos = ref->exact ? 0 : strtol(want, &end, 10);
	int64_t seen = 0;
	int error, found = 0, match;

	if ((error = gv__meeting_head(&m, db, id)) < 0 ||
	    (error = gv__db_stmt(&st, db, GV__STMT_ITEM_TITLES)) < 0) {
		free(want);
		return error;
	}
	gv__meeting_head_dispose(&m);
	gv__bind_int(st, 1, id);
	while (!found && (error = gv__db_step(db, st)) > 0) {
		stored = (const char *)sqlite3_column_text(st, 1);
		if (ref->exact)
			match = !strcmp(stored, which) &&
			        ++seen == (ref->nth > 1 ? ref->nth : 1);
		else if (*end) /* the start of a title */
			match = title_starts(stored, want);
		else /* a position */
			match = *want && sqlite3_column_int(st, 0) == pos;
		if (match) {
			found = sqlite3_column_int(st, 0);
			*row = sqlite3_column_int64(st, 2);
			if (title)
				*title = gv__xstrdup(stored);
		}
	}
	gv__db_reset(st);
	free(want);
	if (error < 0)
		return error;
	if (!found && ref->exact && seen)
		return gv__error_set(
		        GV_ERRCLASS_MEETING, GV_ENOTFOUND,
		        "meeting %lld has no agenda item %lld of those titled "
		        "\"%s\" (it has %lld): see 'gavel meeting show %lld'",
		        (long long)id, (long long)ref->nth, which,
		        (long long)seen, (long long)id);
	if (!found)
		return gv__error_set(GV_ERRCLASS_MEETING, GV_ENOTFOUND,
		                     "meeting %lld has no agenda item \"%s\": "
		                     "see 'gavel meeting show %lld'",
		                     (long long)id, which, (long long)id);
	*pos_out = found;
	return 0;
}

/*
 * The whole title of the item of meeting id that the start of a title
 * typed (want, folded) names: the item it is the whole title of, else the
 * one item it starts. Several it starts, or several it is the title of,
 * are refused, named: the first would have been taken, and a note put on
 * an item the chair did not mean. *title stays NULL when none matches.
 */
static int
title_typed(char **title, struct gv_db *db, int64_t id, const char *typed,
            const char *want)
{
	struct gv_buf named[2] = {GV_BUF_INIT, GV_BUF_INIT};
	char *first[2] = {NULL, NULL};
	int n[2] = {0, 0}, error, w;
	sqlite3_stmt *st;

	*title = NULL;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ITEM_TITLES)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	while ((error = gv__db_step(db, st)) > 0) {
		const char *stored = (const char *)sqlite3_column_text(st, 1);
		char *fold = gv_text_fold(stored);

		/* [0] the items it starts, [1] those it is the title of */
		if (!strncmp(fold, want, strlen(want))) {
			for (w = 0; w <= !strcmp(fold, want); w++) {
				if (!n[w]++)
					first[w] = gv__xstrdup(stored);
				gv__buf_printf(&named[w], "%s%d %s",
				               n[w] > 1 ? ", " : "",
				               sqlite3_column_int(st, 0),
				               stored);
			}
		}
		free(fold);
	}
	gv__db_reset(st);
	w = n[1] ? 1 : 0;
	if (error == 0 && n[w] > 1)
		error = gv__error_set(
		        GV_ERRCLASS_MEETING, GV_ECONFLICT,
		        "\"%s\" %s %d agenda items of meeting %lld (%s): "
		        "give its number%s",
		        typed, w ? "is the title of" : "starts", n[w],
		        (long long)id, named[w].ptr,
		        w ? "" : ", or more of its title");
	else if (error == 0 && n[w])
		*title = first[w], first[w] = NULL;
	for (w = 0; w < 2; w++) {
		free(first[w]);
		gv__buf_dispose(&named[w]);
	}
	return error < 0 ? error : 0;
}

/* Which of the items of meeting id titled title, counted in the agenda's
 * order from 1, the one at position pos is. */
static int
title_nth(int64_t *nth, struct gv_db *db, int64_t id, const char *title,
          int64_t pos)
{
	sqlite3_stmt *st;
	int error;

	*nth = 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ITEM_TITLES)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	while ((error = gv__db_step(db, st)) > 0 &&
	       sqlite3_column_int64(st, 0) <= pos) {
		const char *stored = (const char *)sqlite3_column_text(st, 1);

		*nth += stored && !strcmp(stored, title);
	}
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

/* Adds the whole title of the item which names to data under
 * "<key>_title", and which of the items so titled it is under "<key>_nth"
 * where it is not the first. */
static int
item_title_add(json_t *data, struct gv_db *db, int64_t id, const char *which,
               const char *key)
{
	struct item_ref ref = {which, 0, 0};
	char *title = NULL, *want, *end, name[32];
	int64_t pos = 0, row, nth = 1;
	int error;

	if (!data || !which)
		return 0;
	/* A number is a position, as item_find reads it. */
	want = gv_text_fold(which);
	strtol(want, &end, 10);
	error = *end ? title_typed(&title, db, id, which, want) : 0;
	free(want);
	if (error == 0 && !title &&
	    (error = item_find(&pos, &row, &title, &ref, db, id)) == 0 && title)
		error = title_nth(&nth, db, id, title, pos);
	if (error == 0) {
		snprintf(name, sizeof(name), "%s_title", key);
		json_object_set_new(data, name, json_string(title));
	}
	if (error == 0 && nth > 1) {
		snprintf(name, sizeof(name), "%s_nth", key);
		json_object_set_new(data, name, json_integer(nth));
	}
	free(title);
	return error;
}

/* The item an operation names: by its whole title under "<key>_title"
 * (and which of the items so titled under "<key>_nth"), else by what was
 * typed (an operation from before titles were carried). */
static int
item_ref_of(struct item_ref *ref, const struct gv__op *op, const char *key,
            const char *which)
{
	const char *title = NULL;
	char title_key[32], nth_key[32];
	json_int_t nth = 1;
	int error;

	snprintf(title_key, sizeof(title_key), "%s_title", key);
	snprintf(nth_key, sizeof(nth_key), "%s_nth", key);
	if ((error = gv__op_unpack(op, "{s?s, s?I}", title_key, &title, nth_key,
	                           &nth)) < 0)
		return error;
	ref->which = title ? title : which;
	ref->exact = title != NULL;
	ref->nth = nth;
	return 0;
}

/* Adds an agenda item at the end, or before the item named before (its
 * position or the start of its title), so that discussion items can go
 * ahead of "Any other business" and "Next call" (RULES §7's order). */
static int
meeting_add_item(int *pos_out, struct gv_db *db, int64_t id, const char *title,
                 const struct item_ref *before)
{
	struct gv_meeting_detail *m = NULL;
	int64_t at = 0, row = 0;
	char *clean = NULL;
	int error, pos = 0;

	if ((error = gv__clean_name(&clean, GV_ERRCLASS_MEETING, "agenda item",
	                            title)) < 0 ||
	    (error = gv_meeting_get(&m, db, id)) < 0 ||
	    (before->which &&
	     (error = item_find(&at, &row, NULL, before, db, id)) < 0) ||
	    (error = gv__db_begin(db)) < 0)
		goto out;
	pos = (int)at;
	if ((error = before->which
	                     ? gv__meeting_item_insert_at(db, id, pos, clean)
	                     : gv__meeting_item_insert(&pos, db, id, clean)) <
	            0 ||
	    (error = gv__db_commit(db)) < 0) {
		gv__db_rollback(db);
		goto out;
	}
	if (pos_out)
		*pos_out = pos;
out:
	gv_meeting_detail_free(m);
	free(clean);
	return error;
}

static int
meeting_note(struct gv_db *db, int64_t id, const struct item_ref *item,
             const char *notes)
{
	int64_t pos = 0, row = 0;
	sqlite3_stmt *st;
	int error;

	if (!notes || !*notes)
		return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                     "the note is empty");
	if ((error = gv__check_text(GV_ERRCLASS_MEETING, "note", notes)) < 0 ||
	    (error = item_find(&pos, &row, NULL, item, db, id)) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ITEM_NOTE)) < 0) {
		gv__db_rollback(db);
		return error;
	}
	gv__bind_int(st, 1, row);
	gv__bind_text(st, 2, notes);
	if ((error = gv__db_run(db, st)) < 0 || (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
	return error;
}

/* The issue's row id: number in the meeting's body. */
static int
issue_row(int64_t *row, struct gv_db *db, int64_t meeting, int64_t number)
{
	struct gv__meeting_head m;
	sqlite3_stmt *st;
	int error, rc;

	if ((error = gv__meeting_head(&m, db, meeting)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_BY_NUMBER)) < 0)
		goto out;
	gv__bind_int(st, 1, m.body_id);
	gv__bind_int(st, 2, number);
	if ((rc = gv__db_step(db, st)) > 0)
		*row = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	if (rc < 0)
		error = rc;
	else if (rc == 0)
		error = gv__error_set(GV_ERRCLASS_MEETING, GV_ENOTFOUND,
		                      "%s has no issue #%lld: add it with "
		                      "'gavel issue add'",
		                      m.body, (long long)number);
out:
	gv__meeting_head_dispose(&m);
	return error;
}

static int
meeting_link(struct gv_db *db, int64_t id, const struct item_ref *item,
             int64_t issue, const char *ballot)
{
	int64_t pos = 0, row = 0, target = 0;
	sqlite3_stmt *st;
	int error;

	if ((issue > 0) == (ballot != NULL))
		return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                     "link an item to one issue or one ballot");
	if ((error = item_find(&pos, &row, NULL, item, db, id)) < 0 ||
	    (error = issue > 0 ? issue_row(&target, db, id, issue)
	                       : gv_ballot_find(&target, db, ballot)) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_LINK_INSERT)) < 0) {
		gv__db_rollback(db);
		return error;
	}
	gv__bind_int(st, 1, row);
	gv__bind_opt(st, 2, target, issue > 0);
	gv__bind_opt(st, 3, target, ballot != NULL);
	if ((error = gv__db_run(db, st)) < 0 || (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
	return error;
}

/*
 * BYL 5.1(1): minutes "will be considered final when approved at a
 * subsequent Forum Meeting or Forum Teleconference". So the approving
 * meeting is a later one of the same body that was not cancelled and had
 * begun by the act (at, the operation's time: --at, or when it was
 * recorded), and a cancelled meeting has no minutes to approve. Judged on
 * the act's recorded times, never the clock, so a rebuild agrees.
 */
static int
approve_check(const struct gv_meeting *a, const struct gv_meeting *b,
              int64_t at, int64_t recorded)
{
	char when[GV_BOTH_BUFSZ];

	if (a->approved_in >= 0)
		return gv__error_set(GV_ERRCLASS_MEETING, GV_ECONFLICT,
		                     "the minutes of meeting %lld were already "
		                     "approved at meeting %lld",
		                     (long long)a->id,
		                     (long long)a->approved_in);
	if (!strcmp(a->status, "cancelled"))
		return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                     "meeting %lld was cancelled: it has no "
		                     "minutes to approve (the next held "
		                     "meeting's minutes report it)",
		                     (long long)a->id);
	if (strcmp(a->body, b->body) || b->starts_at <= a->starts_at)
		return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                     "minutes are approved at a later meeting "
		                     "of the same body (BYL 5.1(1)): meeting "
		                     "%lld is not later than meeting %lld",
		                     (long long)b->id, (long long)a->id);
	if (!strcmp(b->status, "cancelled"))
		return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                     "meeting %lld was cancelled: minutes are "
		                     "approved at a meeting that took place "
		                     "(BYL 5.1(1))",
		                     (long long)b->id);
	if (at > recorded)
		return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                     "an approval cannot be dated after the "
		                     "time it is recorded: give --at a past "
		                     "time");
	if (b->starts_at > at)
		return gv__error_set(
		        GV_ERRCLASS_MEETING, GV_EINVALID,
		        "meeting %lld has not taken place yet (it starts %s): "
		        "record the approval at or after it (BYL 5.1(1))",
		        (long long)b->id,
		        gv_time_format_both(when, b->starts_at, b->tz));
	return 0;
}

static int
minutes_approve(struct gv_db *db, int64_t id, int64_t later, int64_t at,
                int64_t recorded)
{
	struct gv_meeting_detail *a = NULL, *b = NULL;
	sqlite3_stmt *st;
	int error;

	if ((error = gv_meeting_get(&a, db, id)) < 0 ||
	    (error = gv_meeting_get(&b, db, later)) < 0 ||
	    (error = approve_check(&a->meeting, &b->meeting, at, recorded)) <
	            0 ||
	    (error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_MINUTES_APPROVE)) < 0) {
		gv__db_rollback(db);
		goto out;
	}
	gv__bind_int(st, 1, id);
	gv__bind_int(st, 2, later);
	gv__bind_int(st, 3, b->meeting.starts_at);
	if ((error = gv__db_run(db, st)) < 0 || (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
out:
	gv_meeting_detail_free(a);
	gv_meeting_detail_free(b);
	return error;
}

static int
minutes_drafted(struct gv_db *db, int64_t id, int64_t at)
{
	struct gv__meeting_head m;
	sqlite3_stmt *st;
	int error;

	if ((error = gv__meeting_head(&m, db, id)) < 0)
		return error;
	if (at < m.starts_at)
		error = gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                      "draft minutes cannot come before their "
		                      "meeting");
	gv__meeting_head_dispose(&m);
	if (error < 0 || (error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_MINUTES_DRAFTED)) < 0) {
		gv__db_rollback(db);
		return error;
	}
	gv__bind_int(st, 1, id);
	gv__bind_int(st, 2, at);
	if ((error = gv__db_run(db, st)) < 0 || (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
	return error;
}

/* The meeting an operation names under key. */
static int
meeting_at(int64_t *id, struct gv_db *db, const struct gv__op *op,
           const char *key)
{
	json_t *meeting = json_object_get(op->data, key);

	if (!meeting)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                     "operation %s names no %s", op->kind->name,
		                     key);
	return gv__meeting_by_key(id, db, meeting);
}

static int
item_add_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *title, *before = NULL;
	struct item_ref ref;
	int64_t id = 0;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s?s}", "title", &title, "before",
	                           &before)) < 0 ||
	    (error = meeting_at(&id, db, op, "meeting")) < 0 ||
	    (error = item_ref_of(&ref, op, "before", before)) < 0)
		return error;
	return meeting_add_item(op->out, db, id, title, &ref);
}

static int
item_note_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *which, *notes;
	struct item_ref ref;
	int64_t id = 0;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s:s}", "item", &which, "notes",
	                           &notes)) < 0 ||
	    (error = meeting_at(&id, db, op, "meeting")) < 0 ||
	    (error = item_ref_of(&ref, op, "item", which)) < 0)
		return error;
	return meeting_note(db, id, &ref, notes);
}

static int
item_link_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *which, *ballot = NULL;
	struct gv__issue_ref made;
	struct item_ref ref;
	json_int_t issue = 0;
	int64_t id = 0;
	char then[32], named[48];
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s?I, s?s}", "item", &which,
	                           "issue", &issue, "ballot", &ballot)) < 0 ||
	    (error = meeting_at(&id, db, op, "meeting")) < 0 ||
	    (error = item_ref_of(&ref, op, "item", which)) < 0 ||
	    (ballot && (error = gv__ballot_named(&ballot, named, db, op)) < 0))
		return error;
	snprintf(then, sizeof(then), "#%lld", (long long)issue);
	if ((error = gv__issue_made(&made, db, op, then)) < 0)
		return error;
	return meeting_link(db, id, &ref, error > 0 ? made.number : issue,
	                    ballot);
}

static int
minutes_approve_apply(struct gv_db *db, const struct gv__op *op)
{
	int64_t id = 0, later = 0;
	int error;

	if ((error = meeting_at(&id, db, op, "meeting")) < 0 ||
	    (error = meeting_at(&later, db, op, "approved_in")) < 0)
		return error;
	return minutes_approve(db, id, later, op->at, op->recorded);
}

static int
minutes_drafted_apply(struct gv_db *db, const struct gv__op *op)
{
	int64_t id = 0;
	int error;

	if ((error = meeting_at(&id, db, op, "meeting")) < 0)
		return error;
	return minutes_drafted(db, id, op->at);
}

const struct gv__op_kind gv__op_meeting_item = {"meeting.item", GV__MAY_OFFICER,
                                                item_add_apply};
const struct gv__op_kind gv__op_meeting_note = {"meeting.note", GV__MAY_OFFICER,
                                                item_note_apply};
const struct gv__op_kind gv__op_meeting_link = {"meeting.link", GV__MAY_OFFICER,
                                                item_link_apply};
const struct gv__op_kind gv__op_minutes_approve = {
        "minutes.approve", GV__MAY_OFFICER, minutes_approve_apply};
const struct gv__op_kind gv__op_minutes_draft = {
        "minutes.draft", GV__MAY_OFFICER, minutes_drafted_apply};

int
gv_meeting_add_item(int *pos_out, struct gv_db *db, int64_t id,
                    const char *title)
{
	return gv_meeting_insert_item(pos_out, db, id, title, NULL);
}

int
gv_meeting_insert_item(int *pos_out, struct gv_db *db, int64_t id,
                       const char *title, const char *before)
{
	json_t *data =
	        json_pack("{s:s?, s:s*}", "title", title, "before", before);
	int error;

	if ((error = item_title_add(data, db, id, before, "before")) < 0) {
		json_decref(data);
		return error;
	}
	return gv__meeting_submit(db, &gv__op_meeting_item, id, data, pos_out);
}

int
gv_meeting_note(struct gv_db *db, int64_t id, const char *which,
                const char *notes)
{
	json_t *data = json_pack("{s:s?, s:s?}", "item", which ? which : "",
	                         "notes", notes ? notes : "");
	int error;

	if ((error = item_title_add(data, db, id, which, "item")) < 0) {
		json_decref(data);
		return error;
	}
	return gv__meeting_submit(db, &gv__op_meeting_note, id, data, NULL);
}

int
gv_meeting_link(struct gv_db *db, int64_t id, const char *which, int64_t issue,
                const char *ballot)
{
	json_t *data = json_pack("{s:s?, s:s*}", "item", which ? which : "",
	                         "ballot", ballot);
	char *made = NULL;
	int64_t row = 0;
	int error;

	/* The issue and the ballot are named by the operations that made
	 * them too, as core/issue.c's and core/ballot_op.c's operations
	 * name theirs. */
	if ((error = item_title_add(data, db, id, which, "item")) < 0 ||
	    (issue > 0 && ((error = issue_row(&row, db, id, issue)) < 0 ||
	                   (error = gv__issue_made_of(&made, db, row)) < 0)) ||
	    (ballot && ((error = gv_ballot_find(&row, db, ballot)) < 0 ||
	                (error = gv__ballot_made_add(data, db, row)) < 0))) {
		json_decref(data);
		return error;
	}
	if (data && issue > 0)
		json_object_set_new(data, "issue", json_integer(issue));
	if (data && made)
		json_object_set_new(data, "issue_made", json_string(made));
	free(made);
	return gv__meeting_submit(db, &gv__op_meeting_link, id, data, NULL);
}

int
gv_minutes_approve(struct gv_db *db, int64_t id, int64_t later, int64_t at)
{
	json_t *key = NULL, *meeting = NULL;
	char *part = NULL, *later_part = NULL;
	int error;

	if ((error = gv__meeting_key(&key, &later_part, db, later)) < 0 ||
	    (error = gv__meeting_key(&meeting, &part, db, id)) < 0) {
		json_decref(key);
		free(later_part);
		return error;
	}
	free(later_part);
	error = gv__op_submit(
	        db, &gv__op_minutes_approve, part, at,
	        json_pack("{s:o, s:o}", "meeting", meeting, "approved_in", key),
	        0, NULL);
	free(part);
	return error;
}

int
gv_minutes_drafted(struct gv_db *db, int64_t id, int64_t at)
{
	json_t *meeting = NULL;
	char *part = NULL;
	int error;

	if ((error = gv__meeting_key(&meeting, &part, db, id)) < 0)
		return error;
	error = gv__op_submit(db, &gv__op_minutes_draft, part, at,
	                      json_pack("{s:o}", "meeting", meeting), 0, NULL);
	free(part);
	return error;
}

int
gv_minutes_ready(struct gv_db *db, int64_t id)
{
	struct gv_meeting_detail *m = NULL;
	char when[GV_TIME_BUFSZ];
	int error = 0;

	if ((error = gv_meeting_get(&m, db, id)) < 0)
		return error;
	/* Minutes record a roll call first (RULES §7): without one they would
	 * be a list of empty headings. Imported minutes are the text itself. */
	if (m->minutes_md || m->nattendees > 0)
		error = 0;
	else if (!strcmp(m->meeting.status, "cancelled"))
		error = gv__error_set(
		        GV_ERRCLASS_MEETING, GV_EINVALID,
		        "meeting %lld was cancelled: it has no "
		        "minutes (the next held meeting's minutes "
		        "report it)",
		        (long long)id);
	else if (!strcmp(m->meeting.status, "scheduled"))
		error = gv__error_set(
		        GV_ERRCLASS_MEETING, GV_EINVALID,
		        "meeting %lld has not taken place yet (it starts %s): "
		        "its minutes follow its roll call",
		        (long long)id,
		        gv_time_format(when, m->meeting.starts_at,
		                       GV_TIME_HUMAN));
	else
		error = gv__error_set(
		        GV_ERRCLASS_MEETING, GV_EINVALID,
		        "meeting %lld has no roll call: record it with 'gavel "
		        "meeting attend %lld \"Name (Organisation)\"...', or "
		        "'gavel meeting cancel %lld' if it did not take place",
		        (long long)id, (long long)id, (long long)id);
	gv_meeting_detail_free(m);
	return error;
}
