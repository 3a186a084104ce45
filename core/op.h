/* SPDX-License-Identifier: MIT */
/*
 * This file declares operations, the one way the store changes. A public
 * function that changes something packs its arguments as an operation's
 * data and submits it; the operation's kind applies it, checking every
 * guard. The same apply runs when the operation is replayed (gavel
 * rebuild) or arrives from another member (gavel sync), so the tables are
 * always what the log, applied in its one order, makes them.
 */
#ifndef GV_CORE_OP_H
#define GV_CORE_OP_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

struct gv_db;
struct gv__op;

/* Who may record an operation of a kind in a body that has roles (a body
 * without roles is one person's: anyone may do anything). */
enum gv__may {
	GV__MAY_ANYONE,  /* issues, their notes, review notes */
	GV__MAY_OFFICER, /* chair, vice-chair, secretary: ballots, votes,
	                  * meetings, roll calls, minutes, the roster */
	GV__MAY_CHAIR,   /* chair, vice-chair: roles, the body's rules */
};

struct gv__op_kind {
	const char *name; /* "ballot.vote": stored in every operation */
	enum gv__may may;
	/* Applies op inside the engine's transaction: 0, a negative error
	 * whose message says which guard failed, or GV__OP_SAME. */
	int (*apply)(struct gv_db *db, const struct gv__op *op);
};

/* What apply returns when an earlier operation already did this one's
 * work (the same vote mail recorded on two laptops): kept, not applied,
 * not a conflict. */
#define GV__OP_SAME 1

/* Operation flags. */
#define GV__OP_PRIVATE 1u /* recorded and applied here, never sent */

/* The part of the log an operation belongs to when it names no body. */
#define GV__OP_NO_PART "_"

struct gv__op {
	const struct gv__op_kind *kind;
	const json_t *data;
	const char *actor;
	const char *part; /* a body's code, or GV__OP_NO_PART */
	int64_t at;       /* when the act happened (--at) */
	int64_t recorded; /* when it was recorded: the clock during apply */
	int64_t lamport;
	unsigned flags;
	/* Its id (the hash of its text), or NULL for a change made inside
	 * another operation's apply, which is part of that one. */
	const char *id;
	void *out; /* the caller's result; NULL when replayed */
};

/*
 * Records and applies one operation of kind with data (taken over, even
 * on failure; NULL when packing it failed, which is reported as text that
 * is not UTF-8), all in one transaction: nothing is recorded when apply
 * fails. Inside another operation's apply it only applies. out is handed
 * to apply.
 */
int gv__op_submit(struct gv_db *db, const struct gv__op_kind *kind,
                  const char *part, int64_t at, json_t *data, unsigned flags,
                  void *out);

/*
 * Reads op's data with a jansson unpack format; data of another shape
 * (an operation written by another program) is GV_ECORRUPT naming the
 * kind. Unknown keys are allowed: a newer gavel may add some.
 */
int gv__op_unpack(const struct gv__op *op, const char *fmt, ...);

/* A JSON array of the texts, for an operation's data; NULL when one is
 * not UTF-8 (the caller reports it). */
json_t *gv__op_texts(const char *const *v, size_t n);

/* Runs kind's apply for op under op's clock and actor, as the engine
 * does for every operation. */
int gv__op_run(struct gv_db *db, const struct gv__op *op);

#endif
