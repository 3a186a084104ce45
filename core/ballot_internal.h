/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the ballot files share inside core: loading and
 * saving a ballot's row, its state at an instant, and the eligibility of
 * an organisation at an instant (RULES §1).
 */
#ifndef GV_CORE_BALLOT_INTERNAL_H
#define GV_CORE_BALLOT_INTERNAL_H

#include <stdint.h>

#include "gavel/ballot.h"
#include "gavel/roster.h"

struct gv_db;

#define GV__DAY 86400

/* Loads a ballot by row id, its state as of now. */
int gv__ballot_load(struct gv_ballot **out, struct gv_db *db, int64_t id,
                    int64_t now);

/* Loads the ballot ref names ("SMC010"), its state as of at. */
int gv__ballot_load_ref(struct gv_ballot **out, struct gv_db *db,
                        const char *ref, int64_t at);

/* Pins a range of repo_dir to the ballot's latest version, whatever its
 * state (the demo locates the text its voted ballots were on). */
int gv__ballot_pin_latest(struct gv_db *db, const char *ref,
                          const char *repo_dir, const char *base_rev,
                          const char *head_rev, int64_t at);

/* Writes the ballot's instants, result and state (as of now) back. */
int gv__ballot_save(struct gv_db *db, const struct gv_ballot *b, int64_t now);

/* The ballot's state at instant t, from its recorded instants alone, so
 * that "as of" views work for any past date. */
enum gv_ballot_state gv__ballot_state_at(const struct gv_ballot *b, int64_t t);

/* The latest version's posting instant, or -1. */
int64_t gv__ballot_last_version(const struct gv_ballot *b);

/*
 * Whether org may vote (propose, endorse) in body at t: a voting member,
 * issuer or consumer, active then (BYL 2.1, 2.3; SMC-CH 3.2.3). Returns 0
 * and *reason NULL when it may, else a static reason ("associate member:
 * no vote (BYL 3.1)"); *klass (may be NULL) is its class then.
 */
int gv__org_votes_at(const char **reason, enum gv_class *klass,
                     struct gv_db *db, int64_t org, int64_t body, int64_t t);

#endif
