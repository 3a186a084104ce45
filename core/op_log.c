/* SPDX-License-Identifier: MIT */
/*
 * This file implements the operation log's rows: an operation's canonical
 * text and id, appending it, and reading one back from its text with the
 * checks a copy from another member must pass.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "json_canon.h"
#include "op_log.h"

int
gv__op_next_lamport(int64_t *out, struct gv_db *db)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_LAMPORT_MAX)) < 0)
		return error;
	if ((error = gv__db_step(db, st)) > 0)
		*out = sqlite3_column_int64(st, 0) + 1;
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

char *
gv__op_text(const struct gv__op *op)
{
	json_t *root;
	char *text;

	root = json_pack(
	        "{s:i, s:s, s:s, s:s, s:I, s:I, s:I, s:O}", "v", GV__OP_FORMAT,
	        "kind", op->kind->name, "part", op->part, "actor", op->actor,
	        "lamport", (json_int_t)op->lamport, "at", (json_int_t)op->at,
	        "recorded", (json_int_t)op->recorded, "data", op->data);
	if (!root)
		return NULL;
	if (op->flags & GV__OP_PRIVATE)
		json_object_set_new(root, "private", json_true());
	text = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(root);
	return text;
}

static int
not_json(const struct gv__op *op)
{
	return gv__error_set(GV_ERRCLASS_SYNC, GV_EINVALID,
	                     "cannot write operation %s: its data is not JSON",
	                     op->kind->name);
}

static int
op_insert(struct gv_db *db, enum gv__stmt which, const struct gv__op *op,
          const char *kind, const char *text, const char *id,
          const char *status, const char *reason, const char *source,
          const char *chain)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db, which)) < 0)
		return error;
	gv__bind_text_kept(st, 1, id);
	gv__bind_int(st, 2, op->lamport);
	gv__bind_text_kept(st, 3, op->actor);
	gv__bind_text_kept(st, 4, op->part);
	gv__bind_text_kept(st, 5, kind);
	gv__bind_int(st, 6, op->at);
	gv__bind_int(st, 7, op->recorded);
	gv__bind_text_kept(st, 8, text);
	gv__bind_text_kept(st, 9, status);
	gv__bind_text_kept(st, 10, reason);
	gv__bind_int(st, 11, (op->flags & GV__OP_PRIVATE) != 0);
	gv__bind_text_kept(st, 12, source);
	gv__bind_text_kept(st, 13, chain);
	return gv__db_run(db, st);
}

int
gv__op_record(struct gv_db *db, const struct gv__op *op, const char *text,
              const char *status, const char *reason)
{
	char *own = NULL, *id = NULL;
	int error;

	if (!text && !(text = own = gv__op_text(op)))
		return not_json(op);
	if (!op->id && !(id = gv__text_hash(text))) {
		free(own);
		return GV_ERROR;
	}
	error = op_insert(db, GV__STMT_OP_INSERT, op, op->kind->name, text,
	                  op->id ? op->id : id, status, reason, "local", NULL);
	free(id);
	free(own);
	return error;
}

int
gv__op_id(char **text, char **id, struct gv__op *op)
{
	*id = NULL;
	if (!(*text = gv__op_text(op)))
		return not_json(op);
	*id = gv__text_hash(*text);
	op->id = *id;
	return *id ? 0 : GV_ERROR;
}

int
gv__op_record_text(int *added, struct gv_db *db, const struct gv__op *op,
                   const char *kind, const char *id, const char *text,
                   const char *source, const char *chain)
{
	int error = op_insert(db, GV__STMT_OP_INSERT_NEW, op, kind, text, id,
	                      "applied", NULL, source, chain);

	*added = error == 0 && sqlite3_changes(db->sql) > 0;
	return error;
}

static int
corrupt(const char *why)
{
	return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
	                     "an operation %s: it was not written by gavel, "
	                     "or was changed since",
	                     why);
}

/* Whether v holds a real number anywhere: operations never do, and a
 * real has more than one spelling, so a canonical text cannot hold one. */
static int
has_real(const json_t *v)
{
	const char *key;
	json_t *item;
	size_t i;

	if (json_is_real(v))
		return 1;
	if (json_is_object(v)) {
		json_object_foreach ((json_t *)v, key, item)
			if (has_real(item))
				return 1;
	} else if (json_is_array(v)) {
		json_array_foreach (v, i, item)
			if (has_real(item))
				return 1;
	}
	return 0;
}

/* An integer field of an operation, when it is one. */
static int
int_field(json_int_t *out, const json_t *root, const char *key)
{
	const json_t *v = json_object_get(root, key);

	*out = json_integer_value(v);
	return json_is_integer(v);
}

/* A text field of an operation, or NULL. */
static const char *
text_field(const json_t *root, const char *key)
{
	return json_string_value(json_object_get(root, key));
}

/* Reads the fields every operation has; json_object_get each, where
 * json_unpack read its format string again for each of a sync's
 * operations at four times the cost. */
static int
op_fields(struct gv__op_read *r)
{
	json_int_t v = 0, lamport = 0, at = 0, recorded = 0;
	json_t *data = json_object_get(r->root, "data"),
	       *private = json_object_get(r->root, "private");

	r->kind_name = text_field(r->root, "kind");
	r->op.part = text_field(r->root, "part");
	r->op.actor = text_field(r->root, "actor");
	if (!int_field(&v, r->root, "v") ||
	    !int_field(&lamport, r->root, "lamport") ||
	    !int_field(&at, r->root, "at") ||
	    !int_field(&recorded, r->root, "recorded") || !r->kind_name ||
	    !r->op.part || !r->op.actor || !json_is_object(data) ||
	    (private && !json_is_boolean(private)))
		return corrupt("lacks a field every operation has");
	/* A clock near the top of the range would make the next one
	 * overflow: no log of people's acts gets within a factor of a
	 * billion of 2^53. */
	if (v < 1 || lamport < 0 || lamport > ((json_int_t)1 << 53) ||
	    !*r->op.actor || !*r->op.part)
		return corrupt("has an empty actor or part, or a bad clock");
	r->format = (int)(v > GV__OP_FORMAT ? GV__OP_FORMAT + 1 : v);
	/* In this format an operation has these eight fields, and
	 * "private" only when true: any other spelling of the same
	 * operation would carry another id and be applied twice. A newer
	 * format may add fields. */
	if (r->format == GV__OP_FORMAT &&
	    (json_object_size(r->root) != 8u + (private ? 1u : 0u) ||
	     (private && !json_is_true(private))))
		return corrupt("has a field its format does not have");
	r->op.lamport = lamport;
	r->op.at = at;
	r->op.recorded = recorded;
	r->op.data = data;
	r->op.flags = json_is_true(private) ? GV__OP_PRIVATE : 0;
	return 0;
}

/* Why text was refused by the canonical reader, which does not say. */
static int
refused(const char *text, size_t len)
{
	json_error_t jerr;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	int shape;

	if (!root)
		return corrupt("is not JSON");
	shape = json_is_object(root) && !has_real(root);
	json_decref(root);
	return corrupt(shape ? "is not in its canonical form"
	                     : "is not a JSON object of integers and text");
}

/* Reads text into out, its id hashed or, for the log's, its row's. */
static int
parse(struct gv__op_read *out, const char *text, size_t len, const char *id)
{
	int error;

	memset(out, 0, sizeof(*out));
	if (!(out->root = gv__json_load_canonical(text, len)))
		return refused(text, len);
	if ((error = op_fields(out)) < 0 ||
	    (!id && (error = gv__text_hash_into(out->id, text, len)) < 0)) {
		gv__op_read_dispose(out);
		return error;
	}
	if (id)
		snprintf(out->id, sizeof(out->id), "%s", id);
	out->op.id = out->id;
	return 0;
}

int
gv__op_parse(struct gv__op_read *out, const char *text, size_t len)
{
	return parse(out, text, len, NULL);
}

int
gv__op_parse_logged(struct gv__op_read *out, const char *text, size_t len,
                    const char *id)
{
	return parse(out, text, len, id);
}

void
gv__op_read_dispose(struct gv__op_read *r)
{
	json_decref(r->root);
	memset(r, 0, sizeof(*r));
}
