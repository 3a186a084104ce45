/* SPDX-License-Identifier: MIT */
/*
 * This file declares ballots (RULES §2-§6): numbering, the lifecycle with
 * its guards, the one deadline function every date comes from, the vote
 * ledger and the tally with quorum.
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
	const char *purpose;  /* Markdown, or NULL */
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
	int quorum; /* as the results notice published it, or 0 */
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
 * "smc11", "SC-080v3" (the prefix names the body; a version suffix is
 * ignored). Returns 0 (its row id in *id_out), GV_ENOTFOUND or
 * GV_EINVALID (not a ballot identifier).
 */
int gv_ballot_find(int64_t *id_out, struct gv_db *db, const char *ref);

/* Writes a body's ballot id ("SMC010") into buf of size n. */
void gv_ballot_format_number(char *buf, size_t n, const char *prefix, int width,
                             int64_t number);

/* ---- The lifecycle (RULES §3). Each step is one transaction; a step the
 * rules do not allow yet is refused with GV_ECONFLICT and a message that
 * gives the reason and, where there is one, the date that would make it
 * legal. at is the instant of the act (the post to the list). ---- */

/* What a new ballot is. */
struct gv_ballot_spec {
	const char *body;     /* the body's code */
	const char *title;    /* one line */
	const char *kind;     /* fg, fmg or other (RULES §2) */
	const char *proposer; /* organisation */
	const char *purpose;  /* Markdown for the proposal notice, or NULL */
	int64_t number;       /* 0: the body's next one */
};

/*
 * A new ballot (a draft). The proposer must be a voting member (issuer or
 * consumer) of the body at `at` (BYL 2.3(3), 5.3.1(3)). *id_out is its row
 * id; *number_out its number.
 */
int gv_ballot_new(int64_t *id_out, int64_t *number_out, struct gv_db *db,
                  const struct gv_ballot_spec *spec, int64_t at);

/* What `ballot set` changes: NULL leaves a field as it is; an empty
 * purpose clears it. */
struct gv_ballot_edit {
	const char *title;
	const char *purpose;
};

/* Changes a ballot's title or purpose (one transaction, one operation).
 * Returns 0, GV_ENOTFOUND or GV_EINVALID (a title that is not one line). */
int gv_ballot_set(struct gv_db *db, const char *ref,
                  const struct gv_ballot_edit *edit);

/* An endorsement: a voting member other than the proposer's organisation,
 * once (BYL 2.3(3)). */
int gv_ballot_endorse(struct gv_db *db, const char *ref, const char *org,
                      int64_t at);

/* gv_ballot_version's and gv_ballot_pin's flags. */
enum {
	/* Record a text identical to the latest version's anyway (it
	 * restarts the discussion all the same). */
	GV_VERSION_FORCE = 1,
};

/*
 * A new version of the text (BYL 2.3(3): each text carries a version
 * number). During discussion it restarts the 7-day clock; during voting it
 * withdraws the ballot and opens a new discussion ([INTERP], RULES §3).
 * text may be NULL (the text lives elsewhere, as a redline); url too. The
 * latest version's own text again is refused with GV_EEXISTS unless flags
 * has GV_VERSION_FORCE, since it would restart the clock for nothing.
 */
int gv_ballot_version(struct gv_db *db, const char *ref, const char *text,
                      const char *url, unsigned flags, int64_t at);

/* The proposal is posted: discussion opens. Needs a version and two
 * endorsements. until: the announced end of discussion, or -1 for the
 * earliest the rules allow (7 days after the latest version). */
int gv_ballot_discuss(struct gv_db *db, const char *ref, int64_t at,
                      int64_t until);

/* Voting opens, for exactly 7 days (BYL 2.3(4)); not before the
 * discussion's end, not after the ballot expired. */
int gv_ballot_open_vote(struct gv_db *db, const char *ref, int64_t at);

enum gv_vote_value { GV_VOTE_YES, GV_VOTE_NO, GV_VOTE_ABSTAIN };
const char *gv_vote_value_name(enum gv_vote_value v);
int gv_vote_value_parse(enum gv_vote_value *out, const char *text);

/*
 * Records a vote. It is kept even when it does not count (outside the
 * window, before voting opened, an organisation without a vote that day:
 * RULES §5.1, never silently dropped): *reason_out (may be NULL; caller
 * frees) says why, and is NULL for a valid vote. Returns 0, GV_ENOTFOUND
 * (ballot, organisation) or GV_EINVALID (the source text).
 */
int gv_ballot_vote(char **reason_out, struct gv_db *db, const char *ref,
                   const char *org, enum gv_vote_value value, int64_t at,
                   const char *source);

/* The results are tabulated and announced (not before the vote ends);
 * the tally is fixed with the meetings its quorum used. */
int gv_ballot_close(struct gv_db *db, const char *ref, int64_t at);

/* The IPR Review Notice is sent: review opens for 60 days (Final
 * Guideline) or 30 (Final Maintenance Guideline) (IPR 4.1). */
int gv_ballot_review(struct gv_db *db, const char *ref, int64_t at);

/* An Exclusion Notice, within the review period (IPR 4.2-4.3). */
int gv_ballot_exclusion(struct gv_db *db, const char *ref, const char *org,
                        int64_t at, const char *text);

/* Withdrawn by the proposer during voting (BYL 2.3(4)); cancelled before
 * voting (practice: RULES §3 CANCELLED). */
int gv_ballot_withdraw(struct gv_db *db, const char *ref, int64_t at);
int gv_ballot_cancel(struct gv_db *db, const char *ref, int64_t at);

/* Sets a quorum as a results notice published it, for ballots whose
 * meetings the tracker has no roll calls of (0 clears it). */
int gv_ballot_set_quorum(struct gv_db *db, const char *ref, int quorum,
                         const char *source);

/* ---- Reading ---- */

enum gv_ballot_state {
	GV_BALLOT_DRAFT,
	GV_BALLOT_DISCUSSION,
	GV_BALLOT_EXPIRED, /* 90 days after the last version, no vote */
	GV_BALLOT_VOTING,
	GV_BALLOT_CLOSED, /* voting ended, results not yet announced */
	GV_BALLOT_PASSED, /* a Draft Guideline Ballot awaits its review */
	GV_BALLOT_FAILED,
	GV_BALLOT_INVALID, /* no quorum */
	GV_BALLOT_IPR_REVIEW,
	GV_BALLOT_ADOPTED,
	GV_BALLOT_RESCINDED, /* exclusion notices: initial vote void (PAG) */
	GV_BALLOT_WITHDRAWN,
	GV_BALLOT_CANCELLED,
};
const char *gv_ballot_state_name(enum gv_ballot_state state);
/* The state as a person reads it ("IPR review", "results due"), for
 * screens; scripts use gv_ballot_state_name. Static. */
const char *gv_ballot_state_label(enum gv_ballot_state state);
/* The state of a name as gv_ballot_state_name writes it, in any case.
 * Returns 0, or GV_EINVALID naming the states. */
int gv_ballot_state_parse(enum gv_ballot_state *out, const char *name);

struct gv_ballot_version {
	int n;
	int64_t posted_at;
	char *url;                /* or NULL */
	char *hash;               /* git blob id of the text, or NULL */
	char *repo, *base, *head; /* the pinned range (full ids), or NULL */
	int has_text;             /* the text itself was recorded */
};

struct gv_ballot {
	int64_t id;
	char *body; /* code */
	int64_t body_id;
	char *number; /* "SMC010" */
	int64_t seq;  /* 10 */
	char *title;
	char *kind;       /* fg, fmg, other */
	char *proposer;   /* organisation, or NULL */
	char **endorsers; /* organisations */
	size_t nendorsers;
	struct gv_ballot_version *versions;
	size_t nversions;
	int64_t proposed_at;        /* the proposal was posted, or -1 */
	int64_t discussion_ends_at; /* an end announced later than the
	                               earliest, or -1 */
	int64_t vote_starts_at, vote_ends_at, results_at, review_starts_at,
	        review_ends_at, withdrawn_at, cancelled_at;
	/* The discussion as of the clock, or -1: from the later of the
	 * proposal and the latest version, to 7 days on or the later end
	 * announced (BYL 2.3(3)). Every view shows these. */
	int64_t discussion_start, discussion_end;
	char *purpose;  /* Markdown, or NULL */
	char *result;   /* passed, failed or invalid once closed, or NULL */
	int exclusions; /* exclusion notices filed */
	int quorum_published; /* 0, or the quorum a results notice gave */
	char *quorum_source;
	enum gv_ballot_state state; /* as of the clock */
};

/* One ballot, its state as of the db's clock. Caller frees with
 * gv_ballot_free(). */
int gv_ballot_get(struct gv_ballot **out, struct gv_db *db, const char *ref);
void gv_ballot_free(struct gv_ballot *ballot);

struct gv_ballot_list {
	struct gv_ballot **v;
	size_t n;
};

/* A body's ballots (all bodies' when body is NULL), by number. */
int gv_ballot_list(struct gv_ballot_list **out, struct gv_db *db,
                   const char *body);
/* The same less the ballots whose every clock is over as of the db's
 * clock, by what is recorded (no clock is computed): every ballot in
 * discussion, voting or its IPR review is among them, a decided one is
 * not. What gv_deadlines and the dashboard read, so years of decided
 * ballots cost them nothing. */
int gv_ballot_list_live(struct gv_ballot_list **out, struct gv_db *db,
                        const char *body);
void gv_ballot_list_free(struct gv_ballot_list *list);
/* Keeps the ballots whose state is in states, a set of
 * (1u << enum gv_ballot_state); 0 keeps them all. */
void gv_ballot_list_keep(struct gv_ballot_list *list, unsigned states);

/* ---- The one deadline function (RULES §4) ---- */

enum gv_clock_kind {
	GV_CLOCK_DISCUSSION_ENDS, /* earliest vote: 7 days after the version */
	GV_CLOCK_EXPIRES,         /* 90 days after the last version */
	GV_CLOCK_VOTE_CLOSES,     /* 7 days after voting opened */
	GV_CLOCK_RESULTS_DUE,     /* 3 business days after the close */
	GV_CLOCK_REVIEW_NOTICE_DUE, /* 3rd business day after the results */
	GV_CLOCK_REVIEW_NOTICE_VICE_CHAIR, /* 5 business days: Vice Chair */
	GV_CLOCK_REVIEW_ENDS,              /* 60 / 30 days after the notice */
	GV_CLOCK_OUTCOME_NOTICE_DUE, /* 3 business days after review ends */
	GV_CLOCK_PUBLICATION_DUE,    /* 10 business days after review ends */
};

struct gv_clock {
	enum gv_clock_kind kind;
	int64_t at;       /* UTC */
	const char *what; /* "discussion ends" (static) */
	const char *rule; /* "BYL 2.3(3)" (static) */
	int open;         /* still ahead of the ballot (not met yet) */
};

struct gv_clocks {
	struct gv_clock v[12];
	size_t n;
};

/*
 * Every clock of a ballot that applies to where it is, from its recorded
 * instants, kind and the body's business days (Monday to Friday, less the
 * body's holidays). open marks those not yet met as of now: discussion
 * ends, voting closes, notices not yet sent. Instants recorded after now
 * do not count yet, so "as of" views agree with gv_ballot_get. Everything
 * that shows a ballot's date calls this. Returns 0, GV_ENOTFOUND (body) or
 * GV_EINVALID (an instant outside the years 1 to 9999).
 */
int gv_ballot_clocks(struct gv_clocks *out, struct gv_db *db,
                     const struct gv_ballot *b, int64_t now);

/* t plus n business days of the body (same clock time): 3 business days
 * after a Thursday is the Tuesday. Returns 0, GV_ENOTFOUND (body) or
 * GV_EINVALID (n < 0, out of range). */
int gv_business_days_add(int64_t *out, struct gv_db *db, const char *body,
                         int64_t t, int n);

/* ---- Votes and the tally (RULES §5) ---- */

struct gv_vote {
	char *org;
	char *klass; /* the organisation's class in the body when it voted */
	enum gv_vote_value value;
	int64_t cast_at;
	char *source; /* or NULL */
	char *reason; /* why it does not count, or NULL */
	int counted;  /* the organisation's last valid vote */
};

struct gv_class_tally {
	int yes, no, abstain;
	char **yes_orgs, **no_orgs, **abstain_orgs; /* names, by name */
	int threshold;      /* the class's threshold alone (RULES §5.2) */
	int met;            /* the threshold and at least one yes */
	int percent_tenths; /* yes of yes + no, in 0.1 %, rounded down; -1
	                       when nobody voted yes or no (RULES §5.4) */
};

/* The class's share of yes as a results notice prints it ("91.6%",
 * "100%", or "no yes or no votes"); returns buf. */
char *gv_tally_percent(char *buf, size_t n, const struct gv_class_tally *c);

struct gv_tally {
	char *ballot;          /* "SMC010" */
	struct gv_vote *votes; /* the whole ledger, in cast order */
	size_t nvotes;
	struct gv_class_tally issuers, consumers;
	int participants; /* organisations with a counted vote */
	double active_average;
	int quorum;
	int quorum_met;
	const char *quorum_from;  /* "attendance", "published" or "none" */
	const char *quorum_rule;  /* the body's reading: bylaws, average, ... */
	int charter_meetings_met; /* a charter's minimum of meetings held
	                             before any ballot (SMC-CH 5.1), or 1 */
	int charter_meetings_held;   /* with a roll call, before voting */
	int charter_meetings_needed; /* the minimum; 0: none */
	int64_t quorum_meetings[3];  /* the meetings the average used */
	int quorum_present[3];
	size_t nquorum_meetings;
	const char *consumer_rule; /* "majority" or "half-plus-one" */
	const char *result; /* passed, failed, invalid or pending (static) */
};

/* The tally of a ballot as of the db's clock. Caller frees with
 * gv_tally_free(). */
int gv_ballot_tally(struct gv_tally **out, struct gv_db *db, const char *ref);
void gv_tally_free(struct gv_tally *tally);

/* ---- What can be done next ---- */

/* The lifecycle's steps after the draft, as the command line names them
 * (gv_ballot_step_name: "open-vote"). */
enum gv_ballot_step {
	GV_STEP_DISCUSS,
	GV_STEP_OPEN_VOTE,
	GV_STEP_CLOSE,
	GV_STEP_REVIEW,
	GV_STEP_WITHDRAW,
	GV_STEP_CANCEL,
	GV_STEP_COUNT
};
const char *gv_ballot_step_name(enum gv_ballot_step step);

struct gv_step_check {
	enum gv_ballot_step step;
	int allowed; /* taken if recorded at the instant asked about */
	char *why;   /* the step's own refusal, or NULL (owned) */
	/* Refused for its date alone: the first of the ballot's open
	 * clocks (gv_ballot_clocks) from which it is taken, with that
	 * clock's name and rule (static); else -1 and NULL. */
	int64_t from;
	const char *clock, *rule;
};

struct gv_step_checks {
	struct gv_step_check v[GV_STEP_COUNT]; /* by enum gv_ballot_step */
	size_t n;
};

/*
 * Whether each step would be taken on ballot ref at instant at, and why
 * not: every step is submitted as the command would submit it, in a
 * transaction that is rolled back, so the answers are the lifecycle's
 * own guards and roles (nothing is recorded). Returns 0, GV_ENOTFOUND
 * (the ballot) or GV_EREADONLY. Dispose *out with gv_step_checks_dispose.
 */
int gv_ballot_check_steps(struct gv_step_checks *out, struct gv_db *db,
                          const char *ref, int64_t at);
void gv_step_checks_dispose(struct gv_step_checks *checks);

/* ---- Lint (RULES §8) ---- */

struct gv_lint {
	struct {
		int ok;
		const char *check; /* static */
		char *detail;      /* owned */
	} * v;
	size_t n;
	int problems;
};

/* Checks a ballot against RULES §8. Caller disposes *out with
 * gv_lint_dispose(). */
int gv_ballot_lint(struct gv_lint *out, struct gv_db *db, const char *ref);
void gv_lint_dispose(struct gv_lint *lint);

#endif
