/* SPDX-License-Identifier: MIT */
/*
 * This file implements a body's issues: adding, editing, closing and
 * labelling them, each change one transaction, and the REF lookup the
 * other core/issue*.c files share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "body_key.h"
#include "db.h"
#include "gavel/issue.h"
#include "gavel/text.h"
#include "gavel/time.h"
#include "issue_internal.h"
#include "op_kinds.h"

/* Issue titles are stored as given (GitHub's may hold anything), so only
 * emptiness, size and UTF-8 are checked; output makes them safe. */
#define TITLE_MAX_BYTES 1024

int
gv__issue_check_title(const char *title)
{
	const char *p = title;

	int error;

	if (!title || !gv_utf8_valid(title, strlen(title)))
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "the issue title is not UTF-8 text: "
		                     "re-enter it in UTF-8");
	if ((error = gv__check_line(GV_ERRCLASS_ISSUE, "the issue title",
	                            title)) < 0)
		return error;
	while (*p == ' ')
		p++;
	if (!*p)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "the issue title is empty: give one with "
		                     "--title");
	if (strlen(title) > TITLE_MAX_BYTES)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "the issue title is longer than %d bytes: "
		                     "shorten it",
		                     TITLE_MAX_BYTES);
	return 0;
}

/* Splits "SMCWG#263", "#263" or "263" into an optional code and number. */
static int
ref_parse(char *code, size_t n, int64_t *number, const char *ref)
{
	const char *hash = ref ? strchr(ref, '#') : NULL;
	const char *digits = hash ? hash + 1 : ref;
	char *end = NULL;
	long long v;

	code[0] = '\0';
	if (hash && hash != ref) {
		if ((size_t)(hash - ref) >= n)
			goto bad;
		memcpy(code, ref, (size_t)(hash - ref));
		code[hash - ref] = '\0';
	}
	v = digits ? strtoll(digits, &end, 10) : 0;
	if (!digits || !*digits || *end || v <= 0 || digits[0] == '+' ||
	    digits[0] == ' ')
		goto bad;
	*number = v;
	return 0;
bad:
	gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
	              "\"%s\" is not an issue: write its number, as 263, "
	              "#263 or SMCWG#263",
	              ref ? ref : "");
	return GV_EINVALID;
}

/* The one issue of that number when no body is named. */
static int
find_any(struct gv__issue_ref *out, struct gv_db *db, int64_t number)
{
	int error;
	sqlite3_stmt *st = NULL;
	char first[16] = "", second[16] = "";
	int rc, found = 0;

	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_BY_NUMBER_ANY)) < 0)
		return error;
	gv__bind_int(st, 1, number);
	while ((rc = gv__db_step(db, st)) > 0 && found < 2) {
		const char *code = (const char *)sqlite3_column_text(st, 2);

		if (!found++) {
			out->id = sqlite3_column_int64(st, 0);
			out->body = sqlite3_column_int64(st, 1);
			snprintf(first, sizeof(first), "%s", code);
		} else {
			snprintf(second, sizeof(second), "%s", code);
		}
	}
	gv__db_reset(st);
	if (rc < 0)
		return rc;
	if (!found)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_ENOTFOUND,
		                     "no issue #%lld: see 'gavel issue list'",
		                     (long long)number);
	if (found > 1)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "issue #%lld is in %s and %s: name the "
		                     "body, as %s#%lld or with --body",
		                     (long long)number, first, second, first,
		                     (long long)number);
	snprintf(out->subject, sizeof(out->subject), "%s#%lld", first,
	         (long long)number);
	return 0;
}

int
gv__issue_find(struct gv__issue_ref *out, struct gv_db *db, const char *body,
               const char *ref)
{
	struct gv__body_key b = {0};
	char code[32];
	sqlite3_stmt *st;
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = ref_parse(code, sizeof(code), &out->number, ref)) < 0)
		return error;
	if (code[0])
		body = code;
	if (!body || !*body)
		return find_any(out, db, out->number);
	if ((error = gv__body_key(&b, db, body)) < 0)
		return error;
	out->body = b.id;
	snprintf(out->subject, sizeof(out->subject), "%s#%lld", b.code,
	         (long long)out->number);
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_BY_NUMBER)) < 0)
		goto out;
	gv__bind_int(st, 1, b.id);
	gv__bind_int(st, 2, out->number);
	if ((error = gv__db_step(db, st)) > 0) {
		out->id = sqlite3_column_int64(st, 0);
		error = 0;
	} else if (error == 0) {
		error = gv__error_set(GV_ERRCLASS_ISSUE, GV_ENOTFOUND,
		                      "%s has no issue #%lld: see 'gavel "
		                      "issue list --body %s'",
		                      b.code, (long long)out->number, b.code);
	}
	gv__db_reset(st);
out:
	gv__body_key_dispose(&b);
	return error;
}

/* Indexes the issues first to last again. */
static int
reindex_now(struct gv_db *db, int64_t first, int64_t last)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_FTS_DELETE)) < 0)
		return error;
	gv__bind_int(st, 1, first);
	gv__bind_int(st, 2, last);
	if ((error = gv__db_run(db, st)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_FTS_INSERT)) < 0)
		return error;
	gv__bind_int(st, 1, first);
	gv__bind_int(st, 2, last);
	return gv__db_run(db, st);
}

/*
 * Each note rewrites its issue's whole index row, and FTS5 flushes its
 * pending terms at every savepoint once a transaction has written to it:
 * applying a log of thousands of notes (a sync, a rebuild) spent most of
 * its time there (bench/README.md). While a whole log is applied, the
 * issues are only noted, and each is indexed once at the end.
 */
int
gv__issue_reindex(struct gv_db *db, int64_t id)
{
	if (!db->fts_defer)
		return reindex_now(db, id, id);
	db->fts_dirty = gv__grow(db->fts_dirty, &db->fts_alloc, db->fts_ndirty,
	                         sizeof(*db->fts_dirty));
	db->fts_dirty[db->fts_ndirty++] = id;
	return 0;
}

void
gv__issue_reindex_defer(struct gv_db *db)
{
	db->fts_defer = 1;
	db->fts_ndirty = 0;
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int
gv__issue_reindex_flush(struct gv_db *db)
{
	size_t i, j;
	int error = 0;

	db->fts_defer = 0;
	if (db->fts_ndirty)
		qsort(db->fts_dirty, db->fts_ndirty, sizeof(*db->fts_dirty),
		      id_cmp);
	/* A run of consecutive ids is one statement: FTS5 writes its
	 * pending terms out at each statement's savepoint, so an issue
	 * at a time cost 8 % of a sync of 2,384 new issues. */
	for (i = 0; i < db->fts_ndirty && error == 0; i = j) {
		for (j = i + 1; j < db->fts_ndirty &&
		                db->fts_dirty[j] <= db->fts_dirty[j - 1] + 1;
		     j++)
			;
		error = reindex_now(db, db->fts_dirty[i], db->fts_dirty[j - 1]);
	}
	db->fts_ndirty = 0;
	return error;
}

static int label_one(struct gv_db *db, const struct gv__issue_ref *r,
                     const char *label, int remove);
static int labels_apply(struct gv_db *db, const struct gv__issue_ref *r,
                        const char *const *labels, size_t n, int remove);

/* The body's next free number, for an issue with no upstream. */
static int
next_number(int64_t *out, struct gv_db *db, int64_t body)
{
	int error;
	sqlite3_stmt *st = NULL;
	int rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_NEXT_NUMBER)) < 0)
		return error;
	gv__bind_int(st, 1, body);
	if ((rc = gv__db_step(db, st)) > 0)
		*out = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	return rc < 0 ? rc : 0;
}

static int
check_spec(const struct gv_issue_spec *spec)
{
	int error;

	if (spec->number < 0)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "issue number %lld is not valid: use a "
		                     "number above 0",
		                     (long long)spec->number);
	if ((error = gv__issue_check_title(spec->title)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_ISSUE, "the issue text",
	                            spec->body_md)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_ISSUE, "the url", spec->url)) <
	            0 ||
	    (error = gv__check_text(GV_ERRCLASS_ISSUE, "the author",
	                            spec->author)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_ISSUE, "the assignee",
	                            spec->assignee)) < 0)
		return error;
	return 0;
}

static int
issue_add(int64_t *number_out, struct gv_db *db,
          const struct gv_issue_spec *spec, const char *made_by)
{
	struct gv__body_key body = {0};
	int64_t now = gv_db_now(db),
	        created = spec->created_at >= 0 ? spec->created_at : now;
	int64_t number = spec->number;
	struct gv__issue_ref ref;
	sqlite3_stmt *st;
	int error;

	if ((error = check_spec(spec)) < 0 ||
	    (error = gv__body_key(&body, db, spec->body)) < 0)
		goto out;
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	/* A number given may be taken; the next free one is not. */
	if (!number) {
		if ((error = next_number(&number, db, body.id)) < 0)
			goto rollback;
	} else if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_EXISTS)) < 0) {
		goto rollback;
	} else {
		gv__bind_int(st, 1, body.id);
		gv__bind_int(st, 2, number);
		error = gv__db_has_row(db, st);
	}
	if (error != 0) {
		if (error > 0)
			error = gv__error_set(GV_ERRCLASS_ISSUE, GV_EEXISTS,
			                      "%s already has issue #%lld: see "
			                      "'gavel issue show %s#%lld'",
			                      body.code, (long long)number,
			                      body.code, (long long)number);
		goto rollback;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_INSERT)) < 0)
		goto rollback;
	gv__bind_int(st, 1, body.id);
	gv__bind_int(st, 2, number);
	gv__bind_text(st, 3, spec->title);
	gv__bind_text(st, 4, spec->closed ? "closed" : "open");
	gv__bind_text(st, 5, spec->url);
	gv__bind_text(st, 6, spec->body_md);
	gv__bind_text(st, 7, spec->author);
	gv__bind_text(st, 8, spec->assignee);
	gv__bind_int(st, 9, created);
	gv__bind_opt(st, 10, spec->closed_at, spec->closed);
	gv__bind_opt(st, 11, -1, 0);
	gv__bind_text(st, 12, made_by);
	/* Labels given with it touch it as labels added later do (up to
	 * now): set here, not by an UPDATE of the row just written. Any
	 * label given changes it, or is refused. */
	if (spec->nlabels)
		gv__bind_int(st, 13, created > now ? created : now);
	snprintf(ref.subject, sizeof(ref.subject), "%s#%lld", body.code,
	         (long long)number);
	ref.body = body.id;
	ref.number = number;
	if ((error = gv__db_run(db, st)) < 0)
		goto rollback;
	ref.id = sqlite3_last_insert_rowid(db->sql);
	if ((spec->nlabels && (error = labels_apply(db, &ref, spec->labels,
	                                            spec->nlabels, 0)) < 0) ||
	    (error = gv__issue_reindex(db, ref.id)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	if (number_out)
		*number_out = number;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	gv__body_key_dispose(&body);
	return error;
}

static int
issue_edit(struct gv_db *db, const char *body, const char *ref,
           const struct gv_issue_edit *edit)
{
	struct gv__issue_ref r;
	sqlite3_stmt *st;
	int error;

	if (!edit->title && !edit->url && !edit->body_md && !edit->assignee)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "nothing to change: give --title, --url, "
		                     "--text or --assignee");
	if ((edit->title && (error = gv__issue_check_title(edit->title)) < 0) ||
	    (error = gv__check_text(GV_ERRCLASS_ISSUE, "the issue text",
	                            edit->body_md)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_ISSUE, "the url", edit->url)) <
	            0 ||
	    (error = gv__check_text(GV_ERRCLASS_ISSUE, "the assignee",
	                            edit->assignee)) < 0)
		return error;
	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__issue_find(&r, db, body, ref)) < 0)
		goto rollback;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_UPDATE)) < 0)
		goto rollback;
	gv__bind_int(st, 1, r.id);
	gv__bind_text(st, 2, edit->title);
	gv__bind_text(st, 3, edit->url);
	gv__bind_text(st, 4, edit->body_md);
	gv__bind_text(st, 5, edit->assignee);
	gv__bind_int(st, 6, gv_db_now(db));
	if ((error = gv__db_run(db, st)) < 0 ||
	    (error = gv__issue_reindex(db, r.id)) < 0 ||
	    (error = gv__db_commit(db)) < 0)
		goto rollback;
	return 0;
rollback:
	gv__db_rollback(db);
	return error;
}

static int
issue_set_state(struct gv_db *db, const char *body, const char *ref, int closed,
                int64_t at)
{
	const char *state = closed ? "closed" : "open";
	struct gv__issue_ref r;
	sqlite3_stmt *st;
	int error;

	if (at < 0)
		at = gv_db_now(db);
	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__issue_find(&r, db, body, ref)) < 0)
		goto rollback;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_SET_STATE)) < 0)
		goto rollback;
	gv__bind_int(st, 1, r.id);
	gv__bind_text(st, 2, state);
	gv__bind_opt(st, 3, at, closed);
	gv__bind_int(st, 4, at);
	if ((error = gv__db_run(db, st)) < 0)
		goto rollback;
	/* Only a real change: closing a closed issue would move its date. */
	if (!sqlite3_changes(db->sql)) {
		error = gv__error_set(GV_ERRCLASS_ISSUE, GV_ECONFLICT,
		                      "%s is already %s", r.subject, state);
		goto rollback;
	}
	/* Each close and reopening, at its act time: the issue's story. */
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_STATE_ADD)) < 0)
		goto rollback;
	gv__bind_int(st, 1, r.id);
	gv__bind_int(st, 2, at);
	gv__bind_int(st, 3, !closed);
	if ((error = gv__db_run(db, st)) < 0 || (error = gv__db_commit(db)) < 0)
		goto rollback;
	return 0;
rollback:
	gv__db_rollback(db);
	return error;
}

/* Adds or removes one label; 1 if it changed something. The insert
 * ignores a label the issue has, and what either statement changed says
 * whether it had it. */
static int
label_one(struct gv_db *db, const struct gv__issue_ref *r, const char *label,
          int remove)
{
	sqlite3_stmt *st = NULL;
	int error;

	if ((error = gv__db_stmt(&st, db,
	                         remove ? GV__STMT_ISSUE_LABEL_DELETE
	                                : GV__STMT_ISSUE_LABEL_INSERT)) < 0)
		return error;
	gv__bind_int(st, 1, r->id);
	gv__bind_text(st, 2, label);
	if (!remove)
		gv__bind_text(st, 3, "local");
	if ((error = gv__db_run(db, st)) < 0)
		return error;
	if (sqlite3_changes(db->sql) > 0)
		return 1;
	if (remove)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_ENOTFOUND,
		                     "%s has no label \"%s\": see 'gavel issue "
		                     "show %s'",
		                     r->subject, label, r->subject);
	return 0;
}

/* Adds or removes each label: how many changed, or an error. */
static int
labels_apply(struct gv_db *db, const struct gv__issue_ref *r,
             const char *const *labels, size_t n, int remove)
{
	char *clean = NULL;
	int changed = 0, error = 0;
	size_t i;

	for (i = 0; labels && i < n && error >= 0; i++) {
		if ((error = gv__clean_name(&clean, GV_ERRCLASS_ISSUE,
		                            "the label", labels[i])) < 0 ||
		    (error = label_one(db, r, clean, remove)) <= 0) {
			free(clean);
			continue;
		}
		changed++;
		free(clean);
	}
	return error < 0 ? error : changed;
}

/* The same, touching the issue if any changed. */
static int
labels_change(struct gv_db *db, const struct gv__issue_ref *r,
              const char *const *labels, size_t n, int remove)
{
	sqlite3_stmt *st;
	int error = labels_apply(db, r, labels, n, remove);

	if (error <= 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_TOUCH)) < 0)
		return error;
	gv__bind_int(st, 1, r->id);
	gv__bind_int(st, 2, gv_db_now(db));
	return gv__db_run(db, st);
}

static int
issue_label(struct gv_db *db, const char *body, const char *ref,
            const char *const *labels, size_t n, int remove)
{
	struct gv__issue_ref r;
	int error;

	if (!n)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "give at least one label");
	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__issue_find(&r, db, body, ref)) < 0 ||
	    (error = labels_change(db, &r, labels, n, remove)) < 0 ||
	    (error = gv__db_commit(db)) < 0) {
		gv__db_rollback(db);
		return error;
	}
	return 0;
}

int
gv__issue_made_of(char **made, struct gv_db *db, int64_t id)
{
	sqlite3_stmt *st;
	int error;

	*made = NULL;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_MADE_OF)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	if ((error = gv__db_step(db, st)) > 0) {
		*made = gv__col_text(st, 0);
		error = 0;
	}
	gv__db_reset(st);
	return error;
}

int
gv__issue_made(struct gv__issue_ref *r, struct gv_db *db,
               const struct gv__op *op, const char *then)
{
	const char *made = NULL;
	sqlite3_stmt *st;
	int error;

	memset(r, 0, sizeof(*r));
	if ((error = gv__op_unpack(op, "{s?s}", "issue_made", &made)) < 0 ||
	    !made)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_MADE_BY)) < 0)
		return error;
	gv__bind_text(st, 1, made);
	if ((error = gv__db_step(db, st)) > 0) {
		r->id = sqlite3_column_int64(st, 0);
		r->body = sqlite3_column_int64(st, 1);
		r->number = sqlite3_column_int64(st, 3);
		snprintf(r->subject, sizeof(r->subject), "%s#%lld",
		         sqlite3_column_text(st, 2), (long long)r->number);
	} else if (error == 0) {
		error = gv__error_set(GV_ERRCLASS_ISSUE, GV_ENOTFOUND,
		                      "the issue it was recorded on (%s then) "
		                      "is not here: the operation that added "
		                      "it, %.10s, was not applied",
		                      then, made);
	}
	gv__db_reset(st);
	return error;
}

int
gv__issue_named(const char **subject, char buf[48], struct gv_db *db,
                const struct gv__op *op)
{
	struct gv__issue_ref r;
	int rc = gv__issue_made(&r, db, op, *subject);

	if (rc > 0) {
		snprintf(buf, 48, "%s", r.subject);
		*subject = buf;
	}
	return rc < 0 ? rc : 0;
}

int
gv__issue_submit(struct gv_db *db, const struct gv__op_kind *kind,
                 const char *body, const char *ref, int64_t at, json_t *data,
                 void *out)
{
	struct gv__issue_ref r;
	char *part, *made = NULL;
	int error;

	if ((error = gv__issue_find(&r, db, body, ref)) < 0 ||
	    (error = gv__issue_made_of(&made, db, r.id)) < 0) {
		json_decref(data);
		return error;
	}
	if (data &&
	    (json_object_set_new(data, "issue", json_string(r.subject)) < 0 ||
	     (made && json_object_set_new(data, "issue_made",
	                                  json_string(made)) < 0))) {
		json_decref(data);
		data = NULL;
	}
	free(made);
	part = gv__xstrndup(r.subject, strcspn(r.subject, "#"));
	error = gv__op_submit(db, kind, part, at, data, 0, out);
	free(part);
	return error;
}

/* Reads a list of texts (labels) from an operation; *v is owned. */
static int
op_texts(const char ***v, size_t *n, const struct gv__op *op, const char *key)
{
	json_t *list = json_object_get(op->data, key), *item;
	size_t i;

	*v = NULL;
	*n = json_array_size(list);
	*v = gv__xcalloc(*n + 1, sizeof(**v));
	json_array_foreach (list, i, item)
		if (!((*v)[i] = json_string_value(item))) {
			free(*v);
			*v = NULL;
			return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
			                     "operation %s lists %s that are "
			                     "not text",
			                     op->kind->name, key);
		}
	return 0;
}

static int
issue_add_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_issue_spec spec = {0};
	json_int_t number = 0, created = 0, closed_at = -1;
	const char **labels = NULL;
	int error;

	if ((error = gv__op_unpack(
	             op, "{s:s, s:I, s:s, s?s, s?s, s?s, s?s, s?b, s:I, s?I}",
	             "body", &spec.body, "number", &number, "title",
	             &spec.title, "url", &spec.url, "text", &spec.body_md,
	             "author", &spec.author, "assignee", &spec.assignee,
	             "closed", &spec.closed, "created", &created, "closed_at",
	             &closed_at)) < 0 ||
	    (error = op_texts(&labels, &spec.nlabels, op, "labels")) < 0)
		return error;
	spec.number = number;
	spec.created_at = created;
	spec.closed_at = closed_at;
	spec.labels = labels;
	/* Named by its operation unless it was added inside another's
	 * (op->id NULL), which may add several. */
	error = issue_add(op->out, db, &spec, op->id);
	free(labels);
	return error;
}

static int
issue_edit_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_issue_edit edit = {0};
	const char *subject;
	char buf[48];
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s?s, s?s, s?s, s?s}", "issue",
	                           &subject, "title", &edit.title, "url",
	                           &edit.url, "text", &edit.body_md, "assignee",
	                           &edit.assignee)) < 0 ||
	    (error = gv__issue_named(&subject, buf, db, op)) < 0)
		return error;
	return issue_edit(db, NULL, subject, &edit);
}

static int
issue_state_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *subject;
	char buf[48];
	int closed = 0, error;

	if ((error = gv__op_unpack(op, "{s:s, s:b}", "issue", &subject,
	                           "closed", &closed)) < 0 ||
	    (error = gv__issue_named(&subject, buf, db, op)) < 0)
		return error;
	return issue_set_state(db, NULL, subject, closed, op->at);
}

static int
issue_label_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *subject, **labels = NULL;
	char buf[48];
	int remove = 0, error;
	size_t n = 0;

	if ((error = gv__op_unpack(op, "{s:s, s?b}", "issue", &subject,
	                           "remove", &remove)) < 0 ||
	    (error = gv__issue_named(&subject, buf, db, op)) < 0 ||
	    (error = op_texts(&labels, &n, op, "labels")) < 0)
		return error;
	error = issue_label(db, NULL, subject, labels, n, remove);
	free(labels);
	return error;
}

const struct gv__op_kind gv__op_issue_add = {"issue.add", GV__MAY_ANYONE,
                                             issue_add_apply};
const struct gv__op_kind gv__op_issue_edit = {"issue.edit", GV__MAY_ANYONE,
                                              issue_edit_apply};
const struct gv__op_kind gv__op_issue_state = {"issue.state", GV__MAY_ANYONE,
                                               issue_state_apply};
const struct gv__op_kind gv__op_issue_label = {"issue.label", GV__MAY_ANYONE,
                                               issue_label_apply};

int
gv_issue_add(int64_t *number_out, struct gv_db *db,
             const struct gv_issue_spec *spec)
{
	int64_t number = spec->number;
	json_t *data, *list = NULL;
	int error;

	if ((error = gv__issue_check_title(spec->title)) < 0)
		return error;
	if (spec->nlabels &&
	    !(list = gv__op_texts(spec->labels, spec->nlabels)))
		return gv__error_set(
		        GV_ERRCLASS_ISSUE, GV_EINVALID,
		        "a label is not UTF-8: re-enter it in UTF-8");
	/* Without --number, the number is chosen when the operation is
	 * applied, the next free one in the log's order: two members who
	 * file issues offline both keep theirs, numbered in that order,
	 * where numbers fixed here would make the second a conflict. */
	data = json_pack(
	        "{s:s?, s:I, s:s?, s:s*, s:s*, s:s*, s:s*, s:b, s:I, s:I, "
	        "s:o*}",
	        "body", spec->body, "number", (json_int_t)number, "title",
	        spec->title, "url", spec->url, "text", spec->body_md, "author",
	        spec->author, "assignee", spec->assignee, "closed",
	        spec->closed != 0, "created",
	        (json_int_t)(spec->created_at >= 0 ? spec->created_at
	                                           : gv_db_now(db)),
	        "closed_at", (json_int_t)spec->closed_at, "labels", list);
	return gv__op_submit(db, &gv__op_issue_add, spec->body, -1, data, 0,
	                     number_out);
}

int
gv_issue_edit(struct gv_db *db, const char *body, const char *ref,
              const struct gv_issue_edit *edit)
{
	if (!edit->title && !edit->url && !edit->body_md && !edit->assignee)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "nothing to change: give --title, --url, "
		                     "--text or --assignee");
	return gv__issue_submit(db, &gv__op_issue_edit, body, ref, -1,
	                        json_pack("{s:s*, s:s*, s:s*, s:s*}", "title",
	                                  edit->title, "url", edit->url, "text",
	                                  edit->body_md, "assignee",
	                                  edit->assignee),
	                        NULL);
}

/*
 * Whether the issue may be closed (or reopened) at at: not before it was
 * opened, a reopening not before its close, and not later than now (the
 * story would tell of what has not happened).
 */
static int
state_when_ok(struct gv_db *db, const char *body, const char *ref, int closed,
              int64_t at)
{
	char when[GV_TIME_BUFSZ];
	int64_t opened = -1, shut = -1;
	struct gv__issue_ref r;
	sqlite3_stmt *st;
	int error;

	if (at > gv_db_now(db))
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "--at %s is still to come: record it on "
		                     "the day",
		                     gv_time_format(when, at, GV_TIME_HUMAN));
	if ((error = gv__issue_find(&r, db, body, ref)) < 0 ||
	    (error = gv__db_stmt(&st, db, GV__STMT_ISSUE_TIMES)) < 0)
		return error;
	gv__bind_int(st, 1, r.id);
	if ((error = gv__db_step(db, st)) > 0) {
		opened = sqlite3_column_int64(st, 0);
		shut = gv__col_opt(st, 1);
	}
	gv__db_reset(st);
	if (error < 0)
		return error;
	if (at >= 0 && at < opened)
		return gv__error_set(
		        GV_ERRCLASS_ISSUE, GV_EINVALID,
		        "%s was opened on %s: it cannot be %s before",
		        r.subject, gv_time_format(when, opened, GV_TIME_HUMAN),
		        closed ? "closed" : "reopened");
	if (!closed && at >= 0 && shut >= 0 && at < shut)
		return gv__error_set(
		        GV_ERRCLASS_ISSUE, GV_EINVALID,
		        "%s was closed on %s: it is reopened then or later",
		        r.subject, gv_time_format(when, shut, GV_TIME_HUMAN));
	return 0;
}

int
gv_issue_set_state(struct gv_db *db, const char *body, const char *ref,
                   int closed, int64_t at)
{
	int error;

	if ((error = state_when_ok(db, body, ref, closed, at)) < 0)
		return error;
	return gv__issue_submit(db, &gv__op_issue_state, body, ref, at,
	                        json_pack("{s:b}", "closed", closed != 0),
	                        NULL);
}

int
gv_issue_label(struct gv_db *db, const char *body, const char *ref,
               const char *const *labels, size_t n, int remove)
{
	if (!n)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "give at least one label");
	/* Lists write labels "a, b" and --label reads "a,b" as two: a label
	 * with a comma would read as two wherever it is shown. */
	for (size_t i = 0; i < n; i++)
		if (labels[i] && strchr(labels[i], ','))
			return gv__error_set(
			        GV_ERRCLASS_ISSUE, GV_EINVALID,
			        "\"%.100s\" is not one label: give each on its "
			        "own (gavel issue label REF a b)",
			        labels[i]);
	return gv__issue_submit(db, &gv__op_issue_label, body, ref, -1,
	                        json_pack("{s:o, s:b}", "labels",
	                                  gv__op_texts(labels, n), "remove",
	                                  remove != 0),
	                        NULL);
}
