/* SPDX-License-Identifier: MIT */
/*
 * This file declares the changes test_atomic.c makes with faults
 * injected: each with what brings the demo to where it applies.
 */
#ifndef GV_TEST_ATOMIC_H
#define GV_TEST_ATOMIC_H

struct gv_db;

/* A change: prepare (no fault; may be NULL) brings the demo to where act
 * applies; act is the one call under test. */
struct op {
	const char *name;
	int (*prepare)(struct gv_db *db);
	int (*act)(struct gv_db *db);
};

/* The clock of every op: the evening of the 2024-12-18 call. */
#define NOW "2024-12-18 17:00Z"

/* Tables of ops, each ended by an entry whose name is NULL. */
extern const struct op roster_ops[], meeting_ops[], issue_ops[], ballot_ops[];

/* gv_demo_load on an empty database. */
extern const struct op demo_load_op;

#endif
