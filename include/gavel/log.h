/* SPDX-License-Identifier: MIT */
/*
 * This file declares the operation log as the front ends see it: every
 * change is an operation, the tables are derived from the log, a rebuild
 * derives them again, and a digest of the logical content lets two
 * members check that their copies agree.
 */
#ifndef GV_LOG_H
#define GV_LOG_H

#include <stddef.h>
#include <stdint.h>

struct gv_db;

/* What a replay of the log did. */
struct gv_rebuild_report {
	size_t ops;       /* operations replayed */
	size_t applied;   /* applied */
	size_t conflicts; /* kept, not applied: a guard no longer held */
	size_t same;      /* kept, not applied: an earlier one did it */
	size_t unknown;   /* kept, not applied: a newer gavel's kind */
	size_t denied;    /* kept, not applied: the actor's role */
};

/*
 * Derives every table again from the operation log, in its one order
 * (Lamport clock, actor, id), in one transaction. Returns 0 or an error
 * that left the store as it was.
 */
int gv_rebuild(struct gv_rebuild_report *r, struct gv_db *db);

#define GV_DIGEST_HEX 41 /* 40 hex digits and a NUL */

/*
 * A hash of the logical content (every derived table, with references
 * written as names, not row ids), of one body (its code) or, body NULL,
 * of all. Two copies that applied the same operations have the same
 * digest, whatever order they received them in. Private notes are not
 * part of it.
 */
int gv_digest(char out[GV_DIGEST_HEX], struct gv_db *db, const char *body);

/* The logical content gv_digest hashes, one row per line (owned). */
int gv_digest_text(char **out, struct gv_db *db, const char *body);

#endif
