/* SPDX-License-Identifier: MIT */
/*
 * This file implements offline review notes on a ballot's redline. A note
 * is anchored to a version, a file, a line of the head and the hash of
 * that line's text; when a new version comes, the note finds its line
 * again by the hash (or says it is orphaned), and the digest quotes it with
 * its section and the words the ballot changes in it. The file's lines
 * come through the git adapter (core/git_files.h).
 */
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"
#include "gavel/redline.h"
#include "gavel/text.h"
#include "git_files.h"
#include "op_kinds.h"

static void
lines_free(char **lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* What a review note holds: where it is anchored, and its text. */
struct note {
	const char *ballot, *path, *hash, *text, *author;
	const char *head; /* the version's pinned head, or NULL (older) */
	int version, line, private_note;
};

static int
review_add(int64_t *id_out, struct gv_db *db, const struct note *n)
{
	struct gv_ballot *b = NULL;
	struct gv__pin p = {0};
	sqlite3_stmt *st;
	int error;

	if (!n->text || !*n->text)
		return gv__error_set(GV_ERRCLASS_REDLINE, GV_EINVALID,
		                     "the note is empty");
	if ((error = gv__check_text(GV_ERRCLASS_REDLINE, "note", n->text)) <
	            0 ||
	    (error = gv_ballot_get(&b, db, n->ballot)) < 0 ||
	    (error = n->head ? gv__pin_get_at(&p, db, b, n->version, n->head)
	                     : gv__pin_get(&p, db, b, n->version)) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_REVIEW_ADD)) < 0) {
		gv__db_rollback(db);
		goto out;
	}
	gv__bind_int(st, 1, p.version);
	gv__bind_text(st, 2, n->path);
	gv__bind_int(st, 3, n->line);
	gv__bind_text(st, 4, n->hash);
	gv__bind_text(st, 5, n->author);
	gv__bind_text(st, 6, n->text);
	gv__bind_int(st, 7, gv_db_now(db));
	gv__bind_int(st, 8, n->private_note);
	if ((error = gv__db_run(db, st)) == 0 && id_out)
		*id_out = sqlite3_last_insert_rowid(db->sql);
	if (error < 0 || (error = gv__db_commit(db)) < 0)
		gv__db_rollback(db);
out:
	gv__pin_dispose(&p);
	gv_ballot_free(b);
	return error;
}

static int
review_add_apply(struct gv_db *db, const struct gv__op *op)
{
	struct note n = {0};
	char buf[48];
	int error;

	if ((error = gv__op_unpack(
	             op, "{s:s, s:i, s:s, s:i, s:s, s:s, s?s, s?s}", "ballot",
	             &n.ballot, "version", &n.version, "path", &n.path, "line",
	             &n.line, "hash", &n.hash, "text", &n.text, "author",
	             &n.author, "head", &n.head)) < 0 ||
	    (error = gv__ballot_named(&n.ballot, buf, db, op)) < 0)
		return error;
	if (n.version < 1)
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                     "a review note names no version");
	n.private_note = (op->flags & GV__OP_PRIVATE) != 0;
	return review_add(op->out, db, &n);
}

const struct gv__op_kind gv__op_review_add = {"review.add", GV__MAY_ANYONE,
                                              review_add_apply};

int
gv_review_add(int64_t *id_out, struct gv_db *db, const char *ref,
              const char *path, int line, const char *text, const char *author,
              unsigned flags)
{
	char **lines = NULL, *hash = NULL;
	struct gv_ballot *b = NULL;
	struct gv__pin p = {0};
	json_t *data;
	size_t n = 0;
	int error;

	if (!text || !*text)
		return gv__error_set(GV_ERRCLASS_REDLINE, GV_EINVALID,
		                     "the note is empty");
	if ((error = gv_ballot_get(&b, db, ref)) < 0 ||
	    (error = gv__pin_get(&p, db, b, 0)) < 0 ||
	    (error = gv__pin_locate(&p, db, b)) < 0)
		goto out;
	/* The line's hash is taken here, from this member's clone: the
	 * operation carries it, so no other copy needs the repository. */
	if (gv__git_file_lines(&lines, &n, p.repo, p.head, path) < 0 || !n) {
		error = gv__error_set(GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
		                      "%s is not in version %d of %s", path,
		                      p.n, b->number);
		goto out;
	}
	if (line < 1 || (size_t)line > n) {
		error = gv__error_set(
		        GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
		        "%s has %zu lines in version %d of %s: no "
		        "line %d",
		        path, n, p.n, b->number, line);
		goto out;
	}
	hash = gv__text_hash(lines[line - 1]);
	/* The version by its number and its head: another officer's,
	 * pinned meanwhile, may take the number (gv__pin_get_at). */
	data = json_pack("{s:s, s:i, s:s, s:i, s:s?, s:s, s:s*, s:s*}",
	                 "ballot", b->number, "version", p.n, "path", path,
	                 "line", line, "hash", hash, "text", text, "author",
	                 author, "head", p.head);
	if ((error = gv__ballot_made_add(data, db, b->id)) < 0) {
		json_decref(data);
		goto out;
	}
	error = gv__op_submit(db, &gv__op_review_add, b->body, -1, data,
	                      flags & GV_REVIEW_PRIVATE ? GV__OP_PRIVATE : 0,
	                      id_out);
out:
	lines_free(lines, n);
	free(hash);
	gv__pin_dispose(&p);
	gv_ballot_free(b);
	return error;
}

/* The line whose text hashes to hash, nearest to where it was; 0 if none. */
static int
review_find(char **lines, size_t n, int was, const char *hash)
{
	size_t i, best = 0;
	char *h;

	if (was >= 1 && (size_t)was <= n) {
		h = gv__text_hash(lines[was - 1]);
		i = h && !strcmp(h, hash);
		free(h);
		if (i)
			return was;
	}
	for (i = 0; i < n; i++) {
		h = gv__text_hash(lines[i]);
		if (h && !strcmp(h, hash) &&
		    (!best || labs((long)i + 1 - was) < labs((long)best - was)))
			best = i + 1;
		free(h);
	}
	return (int)best;
}

/* The heading above line no (1-based), or NULL. */
static char *
review_section(char **lines, size_t n, int no)
{
	int i, level;

	for (i = no - 1; i >= 0 && (size_t)i < n; i--) {
		for (level = 0; lines[i][level] == '#'; level++)
			;
		if (level >= 1 && level <= 6 && lines[i][level] == ' ')
			return gv__xstrdup(lines[i] + level + 1);
	}
	return NULL;
}

/* The changed words of the head's line no of path in the redline. */
static void
review_spans(struct gv_review_note *note, const struct gv_redline *r)
{
	size_t f, h, l, s;

	for (f = 0; r && f < r->nfiles; f++) {
		if (!r->files[f].new_path ||
		    strcmp(r->files[f].new_path, note->path))
			continue;
		for (h = 0; h < r->files[f].nhunks; h++)
			for (l = 0; l < r->files[f].hunks[h].nlines; l++) {
				const struct gv_rline *rl =
				        &r->files[f].hunks[h].lines[l];

				if (rl->new_no != note->now ||
				    rl->kind == GV_RLINE_CONTEXT)
					continue;
				note->spans = gv__xcalloc(rl->nspans + 1,
				                          sizeof(*note->spans));
				for (s = 0; s < rl->nspans; s++) {
					note->spans[s].kind = rl->spans[s].kind;
					note->spans[s].text =
					        gv__xstrdup(rl->spans[s].text);
				}
				note->nspans = rl->nspans;
				return;
			}
	}
}

static int
review_read(struct gv_review_list *list, struct gv_db *db,
            const struct gv_ballot *b, const struct gv__pin *p,
            const struct gv_redline *r)
{
	int error;
	sqlite3_stmt *st = NULL;
	size_t alloc = 0, n = 0;
	char **lines = NULL;
	int rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_REVIEW_LIST)) < 0)
		return error;
	gv__bind_int(st, 1, b->id);
	while ((rc = gv__db_step(db, st)) > 0) {
		struct gv_review_note *note;

		list->v = gv__grow(list->v, &alloc, list->n, sizeof(*list->v));
		note = &list->v[list->n++];
		memset(note, 0, sizeof(*note));
		note->id = sqlite3_column_int64(st, 0);
		note->version = sqlite3_column_int(st, 1);
		note->path = gv__col_text(st, 2);
		note->line = sqlite3_column_int(st, 3);
		note->author = gv__col_text(st, 5);
		note->body = gv__col_text(st, 6);
		if (gv__git_file_lines(&lines, &n, p->repo, p->head,
		                       note->path) < 0)
			lines = NULL, n = 0;
		note->now =
		        review_find(lines, n, note->line,
		                    (const char *)sqlite3_column_text(st, 4));
		if (note->now && lines) {
			note->text = gv__xstrdup(lines[note->now - 1]);
			note->section = review_section(lines, n, note->now);
			review_spans(note, r);
		}
		lines_free(lines, n);
	}
	gv__db_reset(st);
	return rc;
}

int
gv_review_list(struct gv_review_list **out, struct gv_db *db, const char *ref)
{
	struct gv_review_list *list = gv__xcalloc(1, sizeof(*list));
	struct gv_redline *r = NULL;
	struct gv_ballot *b = NULL;
	struct gv__pin p = {0};
	int error;

	*out = NULL;
	if ((error = gv_ballot_get(&b, db, ref)) < 0 ||
	    (error = gv__pin_get(&p, db, b, 0)) < 0 ||
	    (error = gv__pin_locate(&p, db, b)) < 0 ||
	    (error = gv_ballot_redline(&r, db, ref, 0, NULL)) < 0 ||
	    (error = review_read(list, db, b, &p, r)) < 0)
		goto out;
	list->version = p.n;
	list->ballot = gv__xstrdup(b->number);
	*out = list;
	list = NULL;
out:
	gv_review_list_free(list);
	gv_redline_free(r);
	gv__pin_dispose(&p);
	gv_ballot_free(b);
	return error;
}

void
gv_review_list_free(struct gv_review_list *list)
{
	size_t i, s;

	if (!list)
		return;
	for (i = 0; i < list->n; i++) {
		struct gv_review_note *n = &list->v[i];

		free(n->path);
		free(n->author);
		free(n->body);
		free(n->text);
		free(n->section);
		for (s = 0; s < n->nspans; s++)
			free(n->spans[s].text);
		free(n->spans);
	}
	free(list->v);
	free(list->ballot);
	free(list);
}
