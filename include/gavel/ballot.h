/* SPDX-License-Identifier: MIT */
/*
 * This file declares ballots (RULES §2-§3): their numbering and their
 * recorded history.
 */
#ifndef GV_BALLOT_H
#define GV_BALLOT_H

#include <stddef.h>
#include <stdint.h>

struct gv_db;

/*
 * A ballot as it was published, for recording ballots that ran before
 * gavel was used (and the demo). Instants are UTC; -1 when not (yet)
 * known.
 */
struct gv_ballot_record {
	const char *body; /* the body's code */
	int64_t number;   /* SMC010 is 10 */
	const char *title;
	const char *kind;     /* fg, fmg or other (RULES §2) */
	const char *state;    /* discussion, voting, ipr_review, adopted, ... */
	const char *proposer; /* organisation */
	const char *const *endorsers; /* organisations */
	size_t n_endorsers;
	const int64_t *versions; /* posting instant of each version, in order */
	size_t n_versions;
	int64_t discussion_ends_at;
	int64_t vote_starts_at;
	int64_t vote_ends_at;
	int64_t results_at;
	int64_t review_starts_at;
	int64_t review_ends_at;
	int64_t adopted_at;
};

/*
 * Records a ballot's published history in one transaction. Returns 0 (id
 * in *id_out), GV_EEXISTS, GV_ENOTFOUND (body, organisation) or
 * GV_EINVALID (kind, state, instants out of order).
 */
int gv_ballot_record(int64_t *id_out, struct gv_db *db,
                     const struct gv_ballot_record *rec);

/*
 * Finds a ballot by its identifier, read loosely: "SMC011", "SMC-011",
 * "smc11" (the prefix names the body). Returns 0 (its row id in *id_out),
 * GV_ENOTFOUND or GV_EINVALID (not a ballot identifier).
 */
int gv_ballot_find(int64_t *id_out, struct gv_db *db, const char *ref);

/* Writes a body's ballot id ("SMC010") into buf of size n. */
void gv_ballot_format_number(char *buf, size_t n, const char *prefix, int width,
                             int64_t number);

#endif
