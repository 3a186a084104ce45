/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the ballot files share inside core: loading and
 * saving a ballot's row, its state at an instant, and the eligibility of
 * an organisation at an instant (RULES §1).
 */
#ifndef GV_CORE_BALLOT_INTERNAL_H
#define GV_CORE_BALLOT_INTERNAL_H

#include <stdint.h>

#include <jansson.h>

#include "gavel/ballot.h"
#include "gavel/redline.h"
#include "gavel/roster.h"

struct gv_db;

#define GV__DAY 86400

/* BYL 2.3(4), 2.4(3): voting lasts exactly 7 days. */
#define GV__VOTING_LENGTH (7 * GV__DAY)

/* Loads a ballot by row id, its state as of now: its row as it is, what
 * a step checks and writes back. */
int gv__ballot_load(struct gv_ballot **out, struct gv_db *db, int64_t id,
                    int64_t now);

/* Loads a ballot by row id as it stood at t, for a view: its row as it
 * was then (gv__ballot_past) and the endorsements made by then. */
int gv__ballot_read(struct gv_ballot **out, struct gv_db *db, int64_t id,
                    int64_t t);

/* gv_deadlines; every_ballot: compute every ballot's clocks, the
 * shortcut's reference (tests/test_deadlines_live.c). */
struct gv_deadline_list;
int gv__deadlines(struct gv_deadline_list **out, struct gv_db *db,
                  const char *body, int within_days, int every_ballot);

/* Loads the ballot ref names ("SMC010"), its state as of at. */
int gv__ballot_load_ref(struct gv_ballot **out, struct gv_db *db,
                        const char *ref, int64_t at);

/* Pins a range of repo_dir to the ballot's latest version, whatever its
 * state (the demo locates the text its voted ballots were on). */
int gv__ballot_pin_latest(struct gv_db *db, const char *ref,
                          const char *repo_dir, const char *base_rev,
                          const char *head_rev, int64_t at);

/* What a new version carries; any may be NULL (base and head: the full
 * commit ids of a pinned range). */
struct gv__version_text {
	const char *text, *url, *base, *head;
};

/* gv_ballot_version with a pinned range: it refuses the latest version's
 * range again as it refuses its text. */
int gv__ballot_version_add(struct gv_db *db, const char *ref,
                           const struct gv__version_text *v, unsigned flags,
                           int64_t at);

struct gv__op;
struct gv__op_kind;

/* Submits an operation of kind on the ballot ref names, found here first
 * (an unknown one is refused as gv_ballot_get says): data (taken over)
 * gains "ballot": its number ("SMC010"), and "ballot_made": the id of
 * the ballot.new that made it, where one did; the body is its part. */
int gv__ballot_submit(struct gv_db *db, const struct gv__op_kind *kind,
                      const char *ref, int64_t at, json_t *data);

/* Adds "ballot_made" to data for ballot id, where an operation made it. */
int gv__ballot_made_add(json_t *data, struct gv_db *db, int64_t id);

/*
 * The ballot an operation names: *ballot is its "ballot" or, when it
 * names the ballot.new that made it ("ballot_made"), that ballot's number
 * here, in buf. Of two ballots proposed at once with one number, one is
 * a conflict; by "ballot_made", what was recorded on it is a conflict
 * too (GV_ENOTFOUND, saying so), and never lands on the other.
 */
int gv__ballot_named(const char **ballot, char buf[48], struct gv_db *db,
                     const struct gv__op *op);

/* A version pinned to a repository (core/ballot_pin.c). */
struct gv__pin {
	int64_t version; /* row id */
	int n;
	char *repo, *base, *head;
};

/* The ballot's pinned version n (0: the latest pinned one); GV_ENOTFOUND
 * with what to run when there is none. Dispose with gv__pin_dispose. */
int gv__pin_get(struct gv__pin *p, struct gv_db *db, const struct gv_ballot *b,
                int n);
/* The ballot's pinned version whose head is head: number n if its head
 * is that, else the latest pinned there. A review note names the head it
 * was made on, so it stays on that version when two officers pinned one
 * at once and the log numbered theirs otherwise. GV_ECONFLICT when no
 * version is pinned there. */
int gv__pin_get_at(struct gv__pin *p, struct gv_db *db,
                   const struct gv_ballot *b, int n, const char *head);
void gv__pin_dispose(struct gv__pin *p);

/* Points p->repo at the clone this copy reads b's pinned commits from
 * (core/pin_repo.c): its own for b's body if named, else the folder the
 * pin was made in; GV_ENOTFOUND, saying how to name one, when that is
 * not on this machine. */
int gv__pin_locate(struct gv__pin *p, struct gv_db *db,
                   const struct gv_ballot *b);

/* A line of `ballot verify`'s report (core/verify.c; takes line), and the
 * notes of other pending ballots that change the same sections
 * (core/ballot_overlap.c). */
void gv__verify_add(struct gv_verify *v, enum gv_verify_kind kind, char *line);
int gv__verify_overlaps(struct gv_verify *v, struct gv_db *db,
                        const struct gv_ballot *b);

/* What a proposal notice would leave blank (RULES §5.5), or NULL: the
 * purpose, and the motion (the latest version has no text, address or
 * pinned range). Static strings naming the blank. */
const char *gv__purpose_blank(const struct gv_ballot *b);
const char *gv__motion_blank(const struct gv_ballot *b);

/* Writes the ballot's instants, result and state (as of now) back. */
int gv__ballot_save(struct gv_db *db, const struct gv_ballot *b, int64_t now);

/*
 * The acts of a ballot's lifecycle in the order they are taken when two
 * are recorded at the same instant (core/ballot_acts.c says why): a
 * withdrawal, then a new version, the proposal, voting, its end, the
 * results, the review and its end.
 */
enum gv__act {
	GV__ACT_WITHDRAW,
	GV__ACT_VERSION,
	GV__ACT_PROPOSE,
	GV__ACT_VOTE,
	GV__ACT_VOTE_END,
	GV__ACT_RESULTS,
	GV__ACT_REVIEW,
	GV__ACT_REVIEW_END,
};

/*
 * What a ballot has done by an instant, read from its recorded instants
 * alone (so "as of" views work for any past date): each field is the
 * instant of the act, or -1 when it has not happened by then or belongs
 * to an earlier round (before the latest version).
 */
struct gv__ballot_acts {
	int64_t latest;              /* the latest version (or the proposal) */
	int64_t cancelled;           /* cancelled (final) */
	int64_t withdrawn;           /* withdrawn, and no new version since */
	int64_t vote, vote_ends;     /* voting opened, and its end reached */
	int64_t results;             /* the results announced */
	int64_t review, review_ends; /* the IPR review opened, its end */
	int64_t discussion_start;    /* max(proposal, latest version) */
	int64_t discussion_end;      /* the earliest vote (BYL 2.3(3)) */
	int64_t expires;             /* 90 days after the latest version */
};

void gv__ballot_acts(struct gv__ballot_acts *out, const struct gv_ballot *b,
                     int64_t t);

/* The state as a refusal words it after "SMC010 is": "under IPR review",
 * "in voting". Static. */
const char *gv__ballot_state_phrase(enum gv_ballot_state state);

/* The ballot's state at instant t (from gv__ballot_acts). */
enum gv_ballot_state gv__ballot_state_at(const struct gv_ballot *b, int64_t t);

/* Sets what a ballot reads as of t: its state and discussion period. */
void gv__ballot_set_now(struct gv_ballot *b, int64_t t);

/*
 * A ballot's rounds by an instant (core/ballot_past.c): the first before
 * any version, then one from each version (RULES §3). Within one, voting
 * opens once at most, and ends early when the ballot is withdrawn or the
 * next version comes during it (BYL 2.3(4)).
 */
struct gv__round {
	int64_t vote, vote_ends; /* voting opened and closes, or -1 */
	int64_t withdrawn;       /* `ballot withdraw` during it, or -1 */
	int64_t discussion_ends; /* the end announced with the proposal */
	const struct gv_ballot_version *next; /* the version ending it */
};

struct gv__rounds {
	struct gv__round *v;
	size_t n;
};

/* The rounds of b by t, from its row and, when a later act cleared some
 * of them from the row, the operation log. Dispose with
 * gv__rounds_dispose. */
int gv__ballot_rounds(struct gv__rounds *out, struct gv_db *db,
                      const struct gv_ballot *b, int64_t t);
void gv__rounds_dispose(struct gv__rounds *rounds);

/* Sets b's (as loaded) instants to what its row held at t: the vote, the
 * withdrawal and the announced end of discussion of the round then, which
 * a new version or a withdrawal since may have cleared. */
int gv__ballot_past(struct gv_ballot *b, struct gv_db *db, int64_t t);

/* Why a vote cast at cast does not count in the rounds (of b, by the
 * clock), or NULL: outside its round's voting, or withdrawn with it
 * (BYL 2.3(4)). Caller frees. */
char *gv__vote_round_reason(const struct gv__rounds *rounds,
                            const struct gv_ballot *b, int64_t cast,
                            int end_inclusive);

/*
 * Whether org may vote (propose, endorse) in body at t: a voting member,
 * issuer or consumer, active then (BYL 2.1, 2.3; SMC-CH 3.2.3). Returns 0
 * and *reason NULL when it may, else a static reason ("associate member:
 * no vote (BYL 3.1)"); *klass (may be NULL) is its class then.
 */
int gv__org_votes_at(const char **reason, enum gv_class *klass,
                     struct gv_db *db, int64_t org, int64_t body, int64_t t);

#endif
