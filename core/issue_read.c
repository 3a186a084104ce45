/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading issues: the list with its filters, the
 * full-text search (ranked by bm25, with a snippet of the match) and one
 * issue's whole story in time order.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/ballot.h"
#include "gavel/issue.h"
#include "gavel/roster.h"
#include "issue_internal.h"

/* Labels joined by the unit separator (GV__ISSUE_COLUMNS) into an array. */
static void
labels_split(struct gv_issue *is, const char *joined)
{
	const char *p = joined;
	size_t alloc = 0;

	while (p && *p) {
		size_t n = strcspn(p, "\x1f");

		is->labels = gv__grow(is->labels, &alloc, is->nlabels + 1,
		                      sizeof(*is->labels));
		is->labels[is->nlabels++] = gv__xstrndup(p, n);
		p += n + (p[n] != '\0');
	}
}

/* One row of GV__ISSUE_COLUMNS or GV__ISSUE_HIT_COLUMNS. */
static void
issue_read(struct gv_issue *is, sqlite3_stmt *st)
{
	memset(is, 0, sizeof(*is));
	is->id = sqlite3_column_int64(st, GV__ISSUE_ID);
	is->body = gv__col_text(st, GV__ISSUE_BODY);
	is->number = sqlite3_column_int64(st, GV__ISSUE_NUMBER);
	is->title = gv__col_text(st, GV__ISSUE_TITLE);
	is->closed =
	        !strcmp((const char *)sqlite3_column_text(st, GV__ISSUE_STATE),
	                "closed");
	is->url = gv__col_text(st, GV__ISSUE_URL);
	is->body_md = gv__col_text(st, GV__ISSUE_BODY_MD);
	is->assignee = gv__col_text(st, GV__ISSUE_ASSIGNEE);
	is->author = gv__col_text(st, GV__ISSUE_AUTHOR);
	is->created_at = sqlite3_column_int64(st, GV__ISSUE_CREATED_AT);
	is->updated_at = sqlite3_column_int64(st, GV__ISSUE_UPDATED_AT);
	is->closed_at = gv__col_opt(st, GV__ISSUE_CLOSED_AT);
	is->imported_at = gv__col_opt(st, GV__ISSUE_IMPORTED_AT);
	is->activity = sqlite3_column_int64(st, GV__ISSUE_ACTIVITY);
	is->nnotes = (size_t)sqlite3_column_int64(st, GV__ISSUE_NOTES);
	labels_split(is,
	             (const char *)sqlite3_column_text(st, GV__ISSUE_LABELS));
	is->snippet = gv__col_text(st, GV__ISSUE_SNIPPET);
	is->rank = sqlite3_column_double(st, GV__ISSUE_RANK);
}

static void
issue_dispose(struct gv_issue *is)
{
	size_t i;

	for (i = 0; i < is->nlabels; i++)
		free(is->labels[i]);
	free(is->labels);
	free(is->body);
	free(is->title);
	free(is->url);
	free(is->body_md);
	free(is->assignee);
	free(is->author);
	free(is->snippet);
	memset(is, 0, sizeof(*is));
}

void
gv_issue_list_dispose(struct gv_issue_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		issue_dispose(&list->v[i]);
	free(list->v);
	memset(list, 0, sizeof(*list));
}

/* Binds the filters shared by the list and the search. */
static int
bind_filter(sqlite3_stmt *st, struct gv_db *db, const struct gv_issue_filter *f)
{
	struct gv_body body = {0};
	int error;

	if (f->body) {
		if ((error = gv_body_get(&body, db, f->body)) < 0)
			return error;
		gv__bind_int(st, 1, body.id);
		gv_body_dispose(&body);
	}
	if (f->state >= 0)
		gv__bind_text(st, 2, f->state ? "closed" : "open");
	gv__bind_text(st, 3, f->label);
	gv__bind_int(st, 4, f->limit ? (int64_t)f->limit : -1);
	return 0;
}

/* Runs the list or the search, giving fn each issue as read; fn owns
 * it. Returns 0, the first error, or what fn returned when not 0. */
static int
issue_rows(struct gv_db *db, const struct gv_issue_filter *f,
           int (*fn)(void *, struct gv_issue *), void *ctx)
{
	char *query = NULL;
	struct gv_issue is;
	sqlite3_stmt *st;
	int rc, error;

	if (f->search && (error = gv_issue_query(&query, f->search)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db,
	                         query ? GV__STMT_ISSUE_SEARCH
	                               : GV__STMT_ISSUE_LIST)) < 0) {
		free(query);
		return error;
	}
	if ((error = bind_filter(st, db, f)) < 0) {
		gv__db_reset(st);
		free(query);
		return error;
	}
	if (query) /* the list statement has no ?5 */
		gv__bind_text(st, 5, query);
	while ((rc = gv__db_step(db, st)) > 0) {
		issue_read(&is, st);
		if ((error = fn(ctx, &is)) != 0)
			break;
	}
	gv__db_reset(st);
	/* The query was checked; say what SQLite found, in terms of the
	 * search. */
	if (rc < 0 && query)
		rc = gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                   "the search \"%s\" cannot be run (%s): "
		                   "simplify it",
		                   f->search, gv_error_last()->message);
	free(query);
	return rc < 0 ? rc : error;
}

struct each {
	gv_issue_each_fn fn;
	void *ctx;
};

/* Gives the caller's fn one issue, then frees it. */
static int
each_one(void *ctx, struct gv_issue *is)
{
	const struct each *e = ctx;
	int rc = e->fn(e->ctx, is);

	issue_dispose(is);
	return rc;
}

int
gv_issue_each(struct gv_db *db, const struct gv_issue_filter *f,
              gv_issue_each_fn fn, void *ctx)
{
	struct each e = {fn, ctx};

	return issue_rows(db, f, each_one, &e);
}

struct keep {
	struct gv_issue_list *list;
	size_t alloc;
};

/* Keeps each issue in the list. */
static int
keep_one(void *ctx, struct gv_issue *is)
{
	struct keep *k = ctx;
	struct gv_issue_list *l = k->list;

	l->v = gv__grow(l->v, &k->alloc, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = *is;
	return 0;
}

int
gv_issue_list(struct gv_issue_list *out, struct gv_db *db,
              const struct gv_issue_filter *f)
{
	struct keep k;
	int error;

	memset(out, 0, sizeof(*out));
	k.list = out;
	k.alloc = 0;
	if ((error = issue_rows(db, f, keep_one, &k)) < 0)
		gv_issue_list_dispose(out);
	return error;
}

/* ---- The story ---- */

static struct gv_issue_entry *
entry_new(struct gv_issue_story *s, size_t *alloc,
          enum gv_issue_entry_kind kind, int64_t at)
{
	struct gv_issue_entry *e;

	s->v = gv__grow(s->v, alloc, s->n + 1, sizeof(*s->v));
	e = &s->v[s->n++];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->at = at;
	return e;
}

/* Runs one of the story's queries for issue id; read adds its entry. */
static int
story_rows(struct gv_db *db, enum gv__stmt which, int64_t id,
           struct gv_issue_story *s, size_t *alloc,
           void (*read)(struct gv_issue_story *, size_t *, sqlite3_stmt *))
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = gv__db_stmt(&st, db, which)) < 0)
		return rc;
	gv__bind_int(st, 1, id);
	while ((rc = gv__db_step(db, st)) > 0)
		read(s, alloc, st);
	gv__db_reset(st);
	return rc;
}

static void
read_note(struct gv_issue_story *s, size_t *alloc, sqlite3_stmt *st)
{
	struct gv_issue_entry *e =
	        entry_new(s, alloc, GV_ISSUE_NOTE, sqlite3_column_int64(st, 0));

	e->author = gv__col_text(st, 1);
	e->text = gv__col_text(st, 2);
	e->imported = sqlite3_column_int(st, 3);
	e->meeting = sqlite3_column_int64(st, 4);
	e->meeting_title = gv__col_text(st, 5);
}

static void
read_meeting(struct gv_issue_story *s, size_t *alloc, sqlite3_stmt *st)
{
	struct gv_issue_entry *e = entry_new(s, alloc, GV_ISSUE_MEETING,
	                                     sqlite3_column_int64(st, 0));

	e->meeting = sqlite3_column_int64(st, 1);
	e->meeting_title = gv__col_text(st, 2);
	e->author = gv__col_text(st, 3);
}

static void
read_ballot(struct gv_issue_story *s, size_t *alloc, sqlite3_stmt *st)
{
	struct gv_issue_entry *e = entry_new(s, alloc, GV_ISSUE_BALLOT,
	                                     sqlite3_column_int64(st, 0));
	char number[32];

	e->author = gv__col_text(st, 1);
	gv_ballot_format_number(number, sizeof(number),
	                        (const char *)sqlite3_column_text(st, 3),
	                        sqlite3_column_int(st, 4),
	                        sqlite3_column_int64(st, 2));
	e->ballot = gv__xstrdup(number);
	e->ballot_title = gv__col_text(st, 5);
	e->ballot_state = gv__col_text(st, 6);
	e->resolves = sqlite3_column_int(st, 7);
}

static void
read_draft(struct gv_issue_story *s, size_t *alloc, sqlite3_stmt *st)
{
	struct gv_issue_entry *e = entry_new(s, alloc, GV_ISSUE_DRAFT,
	                                     sqlite3_column_int64(st, 0));

	e->author = gv__col_text(st, 1);
	e->url = gv__col_text(st, 2);
	e->repo = gv__col_text(st, 3);
	e->base = gv__col_text(st, 4);
	e->head = gv__col_text(st, 5);
}

/* Time order; at the same instant, the order of enum gv_issue_entry_kind
 * (opened first, closed and reopened last), then the order read: an insertion
 * sort, which is stable, over a story of at most a few hundred entries. */
static void
entries_sort(struct gv_issue_entry *v, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		struct gv_issue_entry e = v[i];

		for (j = i;
		     j > 0 && (v[j - 1].at > e.at ||
		               (v[j - 1].at == e.at && v[j - 1].kind > e.kind));
		     j--)
			v[j] = v[j - 1];
		v[j] = e;
	}
}

/*
 * Each time the issue was closed or reopened, as its operations recorded
 * it (issue_state); an issue imported closed has no such row, and its
 * close is told at its closed_at.
 */
static int
story_states(struct gv_issue_story *s, size_t *alloc, struct gv_db *db,
             const struct gv__issue_ref *r)
{
	sqlite3_stmt *st;
	int rc, closes = 0;

	if ((rc = gv__db_stmt(&st, db, GV__STMT_ISSUE_STORY_STATES)) < 0)
		return rc;
	gv__bind_int(st, 1, r->id);
	while ((rc = gv__db_step(db, st)) > 0) {
		int reopened = sqlite3_column_int(st, 1);

		entry_new(s, alloc,
		          reopened ? GV_ISSUE_REOPENED : GV_ISSUE_CLOSED,
		          sqlite3_column_int64(st, 0));
		closes += !reopened;
	}
	gv__db_reset(st);
	if (rc == 0 && !closes && s->issue.closed_at >= 0)
		entry_new(s, alloc, GV_ISSUE_CLOSED, s->issue.closed_at);
	return rc;
}

int
gv_issue_story(struct gv_issue_story *out, struct gv_db *db, const char *body,
               const char *ref)
{
	struct gv__issue_ref r;
	struct gv_issue_entry *e;
	size_t alloc = 0;
	sqlite3_stmt *st;
	int error, rc;

	memset(out, 0, sizeof(*out));
	if ((error = gv__issue_find(&r, db, body, ref)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_GET)) < 0)
		return error;
	gv__bind_int(st, 1, r.id);
	if ((rc = gv__db_step(db, st)) > 0)
		issue_read(&out->issue, st);
	gv__db_reset(st);
	if (rc <= 0)
		return rc < 0 ? rc
		              : gv__error_set(GV_ERRCLASS_ISSUE, GV_ENOTFOUND,
		                              "%s was removed while read",
		                              r.subject);
	e = entry_new(out, &alloc, GV_ISSUE_OPENED, out->issue.created_at);
	e->author = out->issue.author ? gv__xstrdup(out->issue.author) : NULL;
	if ((error = story_rows(db, GV__STMT_ISSUE_STORY_NOTES, r.id, out,
	                        &alloc, read_note)) < 0 ||
	    (error = story_rows(db, GV__STMT_ISSUE_STORY_MEETINGS, r.id, out,
	                        &alloc, read_meeting)) < 0 ||
	    (error = story_rows(db, GV__STMT_ISSUE_STORY_BALLOTS, r.id, out,
	                        &alloc, read_ballot)) < 0 ||
	    (error = story_rows(db, GV__STMT_ISSUE_STORY_DRAFTS, r.id, out,
	                        &alloc, read_draft)) < 0) {
		gv_issue_story_dispose(out);
		return error;
	}
	if ((error = story_states(out, &alloc, db, &r)) < 0) {
		gv_issue_story_dispose(out);
		return error;
	}
	entries_sort(out->v, out->n);
	return 0;
}

void
gv_issue_story_dispose(struct gv_issue_story *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		struct gv_issue_entry *e = &s->v[i];

		free(e->author);
		free(e->text);
		free(e->meeting_title);
		free(e->ballot);
		free(e->ballot_title);
		free(e->ballot_state);
		free(e->url);
		free(e->repo);
		free(e->base);
		free(e->head);
	}
	free(s->v);
	issue_dispose(&s->issue);
	memset(s, 0, sizeof(*s));
}
