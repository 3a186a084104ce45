/* SPDX-License-Identifier: MIT */
/*
 * This file declares the operation log's rows: the canonical text of an
 * operation, its id, and reading one back from its text.
 */
#ifndef GV_CORE_OP_LOG_H
#define GV_CORE_OP_LOG_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "op.h"

/* The format of an operation's text; a higher one is a newer gavel's. */
#define GV__OP_FORMAT 1

/* The next Lamport clock: one more than any in the log. */
int gv__op_next_lamport(int64_t *out, struct gv_db *db);

/*
 * The canonical text of op: one line of JSON, keys sorted, no spaces,
 * numbers as integers. Its id is the git blob id of that text, so any
 * copy can be checked against its name.
 */
char *gv__op_text(const struct gv__op *op);

/* Writes op's text in *text and its id in *id (both owned, for
 * gv__op_record), and sets op->id to it: 0 or an error. */
int gv__op_id(char **text, char **id, struct gv__op *op);

/* Appends op to the log, with what applying it did; text is op's (from
 * gv__op_id), or NULL to write it here. */
int gv__op_record(struct gv_db *db, const struct gv__op *op, const char *text,
                  const char *status, const char *reason);

/* An operation read back from its text. */
struct gv__op_read {
	struct gv__op op;      /* op.kind is for the caller to find */
	const char *kind_name; /* borrowed from root */
	json_t *root;          /* owned */
	int format;            /* above GV__OP_FORMAT: a newer gavel's */
	char id[41];
};

/*
 * Reads an operation's text, which must be its canonical form exactly (a
 * copy that differs by a byte is not the operation its id names):
 * GV_ECORRUPT otherwise, saying what is wrong. gv__op_parse_logged does
 * the same for a text the log holds, whose id is its row's: out->id is
 * id, the text not hashed again. out->op.id is out->id.
 */
int gv__op_parse(struct gv__op_read *out, const char *text, size_t len);
int gv__op_parse_logged(struct gv__op_read *out, const char *text, size_t len,
                        const char *id);
void gv__op_read_dispose(struct gv__op_read *r);

/* Appends an operation read from a chain, as its text came, with the
 * status "applied", unless the log has it (its id): *added says which.
 * op->data is not read: text holds it. */
int gv__op_record_text(int *added, struct gv_db *db, const struct gv__op *op,
                       const char *kind, const char *id, const char *text,
                       const char *source, const char *chain);

#endif
