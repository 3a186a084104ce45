/* SPDX-License-Identifier: MIT */
/*
 * This file implements the import of a GitHub repository's issues from
 * the JSON of `gh issue list --json ...` or of the REST API's /issues
 * pages. The two name the same things differently (createdAt and
 * created_at, author and user, url and html_url, comments as a list or as
 * a count); one reader takes either. The file is read twice, one issue
 * at a time (core/issue_stream.c): once to check it is JSON and count
 * its issues, then to import them, in one transaction, as operations of
 * about PART_BYTES of JSON each, so memory stays flat whatever the size
 * (issue 21).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "db.h"
#include "gavel/issue.h"
#include "gavel/roster.h"
#include "gavel/time.h"
#include "issue_internal.h"
#include "op_kinds.h"

/* The JSON one operation carries: its tree in memory is about ten
 * times this. */
#define PART_BYTES ((size_t)2 << 20)

/* What one import needs as it goes. */
struct import {
	struct gv_db *db;
	const char *path;
	int64_t body, now;
	struct gv_issue_import_stats *stats;
	size_t index, total; /* the issue object being read, 1-based */
};

static int
shape(const struct import *im, const char *fmt, const char *what)
{
	gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
	              "%s: issue %zu of %zu %s%s: nothing was imported",
	              im->path, im->index, im->total, fmt, what);
	return GV_EINVALID;
}

/* A string member under either of two names; NULL if absent or null. */
static int
text_of(const char **out, const struct import *im, json_t *o, const char *a,
        const char *b, int required)
{
	json_t *v = json_object_get(o, a);

	if ((!v || json_is_null(v)) && b)
		v = json_object_get(o, b);
	*out = NULL;
	if (!v || json_is_null(v))
		return required ? shape(im, "has no ", a) : 0;
	if (!json_is_string(v))
		return shape(im, "has a non-text ", a);
	*out = json_string_value(v);
	return 0;
}

/* A login, from {"login": ...} (or gh's {"name": ...}) or a string. */
static const char *
login_of(json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_object(v)) {
		json_t *l = json_object_get(v, "login");

		return json_is_string(l)
		               ? json_string_value(l)
		               : json_string_value(json_object_get(v, "name"));
	}
	return NULL;
}

/* An instant under either name; *out = fallback when absent or null. */
static int
time_of(int64_t *out, const struct import *im, json_t *o, const char *a,
        const char *b, int64_t fallback)
{
	const char *s;
	int error;

	if ((error = text_of(&s, im, o, a, b, 0)) < 0)
		return error;
	*out = fallback;
	if (s && gv_time_parse(out, s) < 0)
		return shape(im, "has a malformed ", a);
	return 0;
}

/* GitHub's titles and labels are not the user's to fix: a control
 * character in one becomes a space, in place, so each stays one line
 * (core/validate.c's rule for single-line fields). */
static void
flatten(json_t *v)
{
	char *line;

	if (!json_is_string(v))
		return;
	line = gv__line_flatten(json_string_value(v));
	if (strcmp(line, json_string_value(v)))
		json_string_set(v, line);
	free(line);
}

/* One issue object, as read. */
struct item {
	int64_t number;
	const char *title, *state, *url, *body_md, *author, *assignee;
	int64_t created, closed;
	json_t *labels, *comments;
};

static int
item_read(struct item *it, const struct import *im, json_t *o)
{
	json_t *n = json_object_get(o, "number");
	json_t *assignees = json_object_get(o, "assignees");
	int error;

	memset(it, 0, sizeof(*it));
	if (!json_is_object(o))
		return shape(im, "is not an object", "");
	if (!json_is_integer(n) || json_integer_value(n) <= 0)
		return shape(
		        im,
		        n ? "has a number that is not a whole number above 0"
		          : "has no number",
		        "");
	it->number = json_integer_value(n);
	flatten(json_object_get(o, "title"));
	if ((error = text_of(&it->title, im, o, "title", NULL, 1)) < 0 ||
	    (error = text_of(&it->state, im, o, "state", NULL, 1)) < 0 ||
	    (error = text_of(&it->url, im, o, "html_url", "url", 0)) < 0 ||
	    (error = text_of(&it->body_md, im, o, "body", NULL, 0)) < 0 ||
	    (error = time_of(&it->created, im, o, "createdAt", "created_at",
	                     im->now)) < 0 ||
	    (error = time_of(&it->closed, im, o, "closedAt", "closed_at", -1)) <
	            0)
		return error;
	if (strcasecmp(it->state, "open") && strcasecmp(it->state, "closed"))
		return shape(im, "has a state that is neither open nor closed",
		             "");
	if (gv__issue_check_title(it->title) < 0) {
		char *why = gv__xstrdup(gv_error_last()->message);

		error = shape(im, "cannot be stored: ", why);
		free(why);
		return error;
	}
	it->author = login_of(json_object_get(o, "author"));
	if (!it->author)
		it->author = login_of(json_object_get(o, "user"));
	it->assignee = login_of(json_object_get(o, "assignee"));
	if (!it->assignee && json_is_array(assignees))
		it->assignee = login_of(json_array_get(assignees, 0));
	it->labels = json_object_get(o, "labels");
	if (it->labels && !json_is_array(it->labels))
		return shape(im, "has labels that are not a list", "");
	/* REST gives a count of comments; gh gives the comments. */
	it->comments = json_object_get(o, "comments");
	if (!json_is_array(it->comments))
		it->comments = NULL;
	if (!strcasecmp(it->state, "closed") && it->closed < 0)
		it->closed = im->now;
	return 0;
}

static int
label_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Replaces the issue's upstream labels when they differ; 1 if changed. */
static int
labels_sync(struct import *im, int64_t id, json_t *labels)
{
	const char **want = NULL;
	size_t i, n = 0, alloc = 0, have = 0;
	sqlite3_stmt *st;
	int same = 1, rc, error = 0;
	json_t *l;

	json_array_foreach (labels, i, l) {
		const char *name;

		flatten(json_is_string(l) ? l : json_object_get(l, "name"));
		name = json_is_string(l)
		               ? json_string_value(l)
		               : json_string_value(json_object_get(l, "name"));

		if (!name || !*name)
			continue;
		want = gv__grow(want, &alloc, n + 1, sizeof(*want));
		want[n++] = name;
	}
	if (n)
		qsort(want, n, sizeof(*want), label_cmp);
	if ((error = gv__db_stmt(&st, im->db, GV__STMT_ISSUE_LABELS_UPSTREAM)) <
	    0) {
		free(want);
		return error;
	}
	gv__bind_int(st, 1, id);
	while ((rc = gv__db_step(im->db, st)) > 0) {
		if (have >= n ||
		    strcmp(want[have],
		           (const char *)sqlite3_column_text(st, 0)))
			same = 0;
		have++;
	}
	gv__db_reset(st);
	if (rc < 0)
		error = rc;
	if (error || (same && have == n))
		goto out;
	if ((error = gv__db_stmt(&st, im->db,
	                         GV__STMT_ISSUE_LABELS_UPSTREAM_CLEAR)) < 0)
		goto out;
	gv__bind_int(st, 1, id);
	if ((error = gv__db_run(im->db, st)) < 0)
		goto out;
	for (i = 0; i < n; i++) {
		if ((error = gv__db_stmt(
		             &st, im->db,
		             GV__STMT_ISSUE_LABEL_UPSTREAM_INSERT)) < 0)
			goto out;
		gv__bind_int(st, 1, id);
		gv__bind_text(st, 2, want[i]);
		if ((error = gv__db_run(im->db, st)) < 0)
			goto out;
	}
	error = 1;
out:
	free(want);
	return error;
}

/* One comment as an imported note; 1 if it added or changed one. */
static int
comment_sync(struct import *im, int64_t id, json_t *c)
{
	json_t *idv = json_object_get(c, "id");
	const char *body = json_string_value(json_object_get(c, "body"));
	const char *author = login_of(json_object_get(c, "author"));
	const char *url = json_string_value(json_object_get(c, "url"));
	char upstream[64];
	sqlite3_stmt *st;
	int64_t at, note;
	int rc, same, error;

	if (!json_is_object(c))
		return shape(im, "has a comment that is not an object", "");
	if (json_is_string(idv))
		snprintf(upstream, sizeof(upstream), "%s",
		         json_string_value(idv));
	else if (json_is_integer(idv))
		snprintf(upstream, sizeof(upstream), "%" JSON_INTEGER_FORMAT,
		         json_integer_value(idv));
	else if (url && strrchr(url, '#'))
		snprintf(upstream, sizeof(upstream), "%s", strrchr(url, '#'));
	else
		return shape(im, "has a comment without an id or url", "");
	if (!author)
		author = login_of(json_object_get(c, "user"));
	if ((error = time_of(&at, im, c, "createdAt", "created_at", im->now)) <
	    0)
		return error;
	if (!body)
		body = "";
	im->stats->comments++;
	if ((error = gv__db_stmt(&st, im->db, GV__STMT_ISSUE_NOTE_UPSTREAM)) <
	    0)
		return error;
	gv__bind_int(st, 1, id);
	gv__bind_text(st, 2, upstream);
	gv__bind_text(st, 3, body);
	gv__bind_text(st, 4, author);
	gv__bind_int(st, 5, at);
	rc = gv__db_step(im->db, st);
	note = rc > 0 ? sqlite3_column_int64(st, 0) : 0;
	same = rc > 0 && sqlite3_column_int(st, 1);
	gv__db_reset(st);
	if (rc < 0)
		return rc;
	if (same)
		return 0;
	if ((error = gv__db_stmt(&st, im->db,
	                         note ? GV__STMT_ISSUE_NOTE_UPDATE
	                              : GV__STMT_ISSUE_NOTE_INSERT)) < 0)
		return error;
	if (note) {
		gv__bind_int(st, 1, note);
		gv__bind_text(st, 2, body);
		gv__bind_text(st, 3, author);
		gv__bind_int(st, 4, at);
	} else {
		gv__bind_int(st, 1, id);
		gv__bind_text(st, 2, NULL);
		gv__bind_int(st, 3, at);
		gv__bind_text(st, 4, author);
		gv__bind_text(st, 5, body);
		gv__bind_text(st, 6, "github");
		gv__bind_text(st, 7, upstream);
	}
	if ((error = gv__db_run(im->db, st)) < 0)
		return error;
	if (note)
		im->stats->notes_updated++;
	else
		im->stats->notes_added++;
	return 1;
}

/* Inserts a new issue, or updates it in place; 1 if it changed. */
static int
issue_sync(int64_t *id, struct import *im, const struct item *it)
{
	int closed = !strcasecmp(it->state, "closed");
	sqlite3_stmt *st = NULL;
	int rc, error;

	if ((error = gv__db_stmt(&st, im->db, GV__STMT_ISSUE_BY_NUMBER)) < 0)
		return error;
	gv__bind_int(st, 1, im->body);
	gv__bind_int(st, 2, it->number);
	rc = gv__db_step(im->db, st);
	*id = rc > 0 ? sqlite3_column_int64(st, 0) : 0;
	gv__db_reset(st);
	if (rc < 0)
		return rc;
	if ((error = gv__db_stmt(&st, im->db,
	                         *id ? GV__STMT_ISSUE_IMPORT_UPDATE
	                             : GV__STMT_ISSUE_INSERT)) < 0)
		return error;
	gv__bind_int(st, 1, *id ? *id : im->body);
	gv__bind_int(st, 2, it->number);
	gv__bind_text(st, 3, it->title);
	gv__bind_text(st, 4, closed ? "closed" : "open");
	gv__bind_text(st, 5, it->url);
	gv__bind_text(st, 6, it->body_md);
	gv__bind_text(st, 7, it->author);
	gv__bind_text(st, 8, it->assignee);
	gv__bind_int(st, 9, it->created);
	gv__bind_opt(st, 10, it->closed, closed);
	gv__bind_int(st, 11, im->now);
	if ((error = gv__db_run(im->db, st)) < 0)
		return error;
	if (*id)
		return sqlite3_changes(im->db->sql) > 0;
	*id = sqlite3_last_insert_rowid(im->db->sql);
	im->stats->added++;
	return 1;
}

/* One issue object: the issue, its labels and comments, its search row. */
static int
import_one(struct import *im, json_t *o)
{
	struct item it;
	int64_t id;
	int changed, rc, is_new;
	size_t k, added = im->stats->added;
	json_t *c;

	if (json_is_object(o) && json_object_get(o, "pull_request")) {
		im->stats->pulls++;
		return 0;
	}
	if ((rc = item_read(&it, im, o)) < 0)
		return rc;
	im->stats->issues++;
	if ((changed = issue_sync(&id, im, &it)) < 0)
		return changed;
	is_new = im->stats->added > added;
	if (it.labels) {
		if ((rc = labels_sync(im, id, it.labels)) < 0)
			return rc;
		changed |= rc;
	}
	json_array_foreach (it.comments, k, c) {
		if ((rc = comment_sync(im, id, c)) < 0)
			return rc;
		changed |= rc;
	}
	if (!changed)
		return 0;
	if (!is_new)
		im->stats->updated++;
	return gv__issue_reindex(im->db, id);
}

/* Where a live import reports to. */
struct import_out {
	struct gv_issue_import_stats *stats;
	size_t total; /* the file's issue objects */
};

/* The counts as an operation carries them. */
static json_t *
stats_json(const struct gv_issue_import_stats *s)
{
	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "issues",
	                 (json_int_t)s->issues, "added", (json_int_t)s->added,
	                 "updated", (json_int_t)s->updated, "pulls",
	                 (json_int_t)s->pulls, "comments",
	                 (json_int_t)s->comments, "notes_added",
	                 (json_int_t)s->notes_added, "notes_updated",
	                 (json_int_t)s->notes_updated);
}

static int
stats_read(struct gv_issue_import_stats *s, json_t *o)
{
	json_int_t v[7] = {0};

	memset(s, 0, sizeof(*s));
	if (o && json_unpack(o, "{s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "issues",
	                     &v[0], "added", &v[1], "updated", &v[2], "pulls",
	                     &v[3], "comments", &v[4], "notes_added", &v[5],
	                     "notes_updated", &v[6]) < 0)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                     "an issue import has counts of another "
		                     "shape: it was not written by this gavel");
	s->issues = (size_t)v[0];
	s->added = (size_t)v[1];
	s->updated = (size_t)v[2];
	s->pulls = (size_t)v[3];
	s->comments = (size_t)v[4];
	s->notes_added = (size_t)v[5];
	s->notes_updated = (size_t)v[6];
	return 0;
}

/*
 * One part of an import, read from name, into body b: stats hold the
 * counts of the parts before it and gain this one's.
 */
static int
import_items(struct gv_issue_import_stats *stats, struct gv_db *db,
             const struct gv_body *b, const char *name, const json_t *items,
             const struct import_out *out)
{
	struct import im = {db, name, b->id, gv_db_now(db), stats, 0, 0};
	size_t i, before = stats->issues + stats->pulls;
	json_t *o;
	int error;

	im.total = out && out->total ? out->total
	                             : before + json_array_size(items);
	if ((error = gv__db_begin(db)) < 0)
		return error;
	json_array_foreach (items, i, o) {
		im.index = before + i + 1;
		if ((error = import_one(&im, o)) < 0)
			goto rollback;
		gv__progress(db, "importing issues", im.index, im.total);
	}
	if ((error = gv__db_commit(db)) < 0)
		goto rollback;
	return 0;
rollback:
	gv__db_rollback(db);
	return error;
}

/*
 * {"body", "file", "items"}: a whole import, as one operation carries a
 * file of up to PART_BYTES; a larger one is several, each with the
 * counts of those before it ("earlier") and all but the last marked
 * "more".
 */
static int
import_apply(struct gv_db *db, const struct gv__op *op)
{
	const struct import_out *out = op->out;
	struct gv_issue_import_stats own = {0},
	                             *stats = out ? out->stats : &own;
	struct gv_body b = {0};
	json_t *items, *earlier = NULL;
	const char *body, *name;
	int error, more = 0; /* only its shape is checked */

	if ((error = gv__op_unpack(op, "{s:s, s:s, s:o, s?o, s?b}", "body",
	                           &body, "file", &name, "items", &items,
	                           "earlier", &earlier, "more", &more)) < 0)
		return error;
	if (!json_is_array(items))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                     "an issue import holds no list of issues");
	if ((error = stats_read(stats, earlier)) == 0 &&
	    (error = gv_body_get(&b, db, body)) == 0)
		error = import_items(stats, db, &b, name, items, out);
	gv_body_dispose(&b);
	return error;
}

const struct gv__op_kind gv__op_issue_import = {"issue.import", GV__MAY_ANYONE,
                                                import_apply};

/*
 * Operations hold integers and text only (a real has many spellings, so
 * a copy could not be checked against its id); the importer reads no
 * real, so any in GitHub's JSON is kept as its text.
 */
static json_t *
real_text(const json_t *real)
{
	char text[32];

	snprintf(text, sizeof(text), "%.17g", json_real_value(real));
	return json_string(text);
}

static void
reals_as_text(json_t *v)
{
	const char *key;
	json_t *item;
	size_t i;

	if (json_is_object(v)) {
		json_object_foreach (v, key, item) {
			if (json_is_real(item))
				json_object_set_new(v, key, real_text(item));
			else
				reals_as_text(item);
		}
	} else if (json_is_array(v)) {
		json_array_foreach (v, i, item) {
			if (json_is_real(item))
				json_array_set_new(v, i, real_text(item));
			else
				reals_as_text(item);
		}
	}
}

/* Submits one part: items (taken over) with the counts so far. */
static int
part_submit(struct gv_db *db, const struct gv_body *b, const char *name,
            json_t *items, int more, struct import_out *out)
{
	const struct gv_issue_import_stats *st = out->stats;
	json_t *data;

	reals_as_text(items);
	data = json_pack("{s:s, s:s, s:o}", "body", b->code, "file", name,
	                 "items", items);
	/* A file of one part is the operation it always was. */
	if (data && (st->issues || st->pulls))
		json_object_set_new(data, "earlier", stats_json(st));
	if (data && more)
		json_object_set_new(data, "more", json_true());
	return gv__op_submit(db, &gv__op_issue_import, b->code, -1, data, 0,
	                     out);
}

/* Counts the file's issues, checking it is JSON of the right shape. */
static int
import_count(size_t *total, struct gv__issue_stream *s)
{
	json_t *item;
	int rc;

	*total = 0;
	while ((rc = gv__issue_stream_next(&item, s, NULL)) > 0) {
		json_decref(item);
		++*total;
	}
	return rc < 0 ? rc : gv__issue_stream_rewind(s);
}

/* The second reading: the issues, a part at a time. */
static int
import_parts(struct gv_db *db, const struct gv_body *b, const char *name,
             struct gv__issue_stream *s, struct import_out *out)
{
	json_t *items = json_array(), *item;
	size_t bytes = 0, n;
	int rc, error = 0;

	while (error == 0 && (rc = gv__issue_stream_next(&item, s, &n)) > 0) {
		json_array_append_new(items, item);
		if ((bytes += n) < PART_BYTES)
			continue;
		error = part_submit(db, b, name, items, 1, out);
		items = json_array();
		bytes = 0;
	}
	if (error == 0 && rc < 0)
		error = rc;
	if (error < 0) {
		json_decref(items);
		return error;
	}
	return part_submit(db, b, name, items, 0, out);
}

/* Imports what f holds; name stands for it in messages. */
static int
import_file(struct gv_issue_import_stats *stats, struct gv_db *db,
            const char *body, const char *name, FILE *f)
{
	struct import_out out = {stats, 0};
	const char *slash = strrchr(name, '/');
	struct gv__issue_stream *s = gv__issue_stream_open(f, name);
	int64_t clock = db->now;
	struct gv_body b = {0};
	int error;

	/* Checked first, so bad JSON is refused with its line and column
	 * before anything is written. */
	if ((error = gv_body_get(&b, db, body)) < 0 ||
	    (error = import_count(&out.total, s)) < 0)
		goto out;
	/* Every part is recorded at the same instant. */
	gv_db_set_now(db, gv_db_now(db));
	if ((error = gv__db_begin(db)) == 0 &&
	    (error = import_parts(db, &b, slash ? slash + 1 : name, s, &out)) ==
	            0)
		error = gv__db_commit(db);
	if (error < 0)
		gv__db_rollback(db);
	gv_db_set_now(db, clock);
out:
	if (error < 0)
		memset(stats, 0, sizeof(*stats));
	gv__issue_stream_free(s);
	gv_body_dispose(&b);
	return error;
}

int
gv__issue_import_data(struct gv_issue_import_stats *stats, struct gv_db *db,
                      const char *body, const char *name, const char *data,
                      size_t len)
{
	/* fmemopen may refuse an empty buffer: none is JSON. */
	FILE *f = fmemopen((void *)(len ? data : " "), len ? len : 1, "r");
	int error;

	memset(stats, 0, sizeof(*stats));
	if (!f)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_ERROR,
		                     "cannot read %s: %s", name,
		                     strerror(errno));
	error = import_file(stats, db, body, name, f);
	fclose(f);
	return error;
}

int
gv_issue_import(struct gv_issue_import_stats *stats, struct gv_db *db,
                const char *body, const char *path)
{
	struct gv_body b = {0};
	FILE *f = NULL;
	int error;

	memset(stats, 0, sizeof(*stats));
	if ((error = gv_body_get(&b, db, body)) < 0)
		return error;
	if (!(f = fopen(path, "rb")))
		error = gv__error_set(GV_ERRCLASS_ISSUE, GV_ENOTFOUND,
		                      "cannot read %s: %s", path,
		                      strerror(errno));
	else
		error = import_file(stats, db, b.code, path, f);
	if (f)
		fclose(f);
	gv_body_dispose(&b);
	return error;
}
