/* SPDX-License-Identifier: MIT */
/*
 * This file declares the fixtures the sync tests share (test_sync.c,
 * test_sync_faults.c): replicas of a working group as separate databases
 * in the test's folder, a bare repository as their remote, and commits
 * forged with git itself, as another program or an attacker would write
 * them.
 */
#ifndef GV_TEST_SYNC_FIXTURE_H
#define GV_TEST_SYNC_FIXTURE_H

#include "harness.h"

/* Runs gavel on the database t_path(db) with the clock at sf_now (NULL
 * arguments end the list); the result is the harness's. */
struct t_run *sf_run(const char *db, ...);

/* The clock sf_run gives gavel ("2025-01-20 12:00" unless a test sets
 * it). */
extern const char *sf_now;

/* Runs gavel as sf_run does; on a non-zero exit the test fails with
 * what gavel said, and -1 comes back. */
int sf_ok(const char *db, ...);
#define SF(...)                                                                \
	do {                                                                   \
		if (sf_ok(__VA_ARGS__, NULL) < 0)                              \
			return;                                                \
	} while (0)

/* A bare repository t_path(name) (0, or -1 with the test failed). */
int sf_bare(const char *name);

/* An empty replica db (init) with the remote "origin" at t_path(remote),
 * not synced yet. 0, or -1 with the test failed. */
int sf_copy(const char *db, const char *remote);

/* sf_copy, a first sync, and its user (a person the roster holds once
 * synced). */
int sf_join(const char *db, const char *remote, const char *user);

/* The digest of db ("" on failure), kept. */
const char *sf_digest(const char *db);

/* How many operations of db are in a state ("applied", "conflict",
 * ...; NULL: all), from `gavel sync --conflicts --format json` or the
 * log itself; -1 on failure. */
long sf_ops(const char *db, const char *status);

/*
 * Writes a commit whose "ops" blob is ops on top of ref in the git
 * repository t_path(repo) (a new ref when it has none), signed with the
 * SSH key file key when not NULL, with git itself (git commit-tree -S),
 * and moves ref to it. 0, or -1 with the test failed.
 */
int sf_forge(const char *repo, const char *ref, const char *ops,
             const char *key);

#endif
