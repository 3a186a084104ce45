/* SPDX-License-Identifier: MIT */
/*
 * This file declares reading votes from a message's words (plain C, no
 * mail library): which part of a message is its sender's own
 * (core/vote_own.c), the ballot numbers a text names and the votes it
 * states (core/vote_text.c).
 */
#ifndef GV_CORE_VOTE_TEXT_H
#define GV_CORE_VOTE_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* A ballot number as a text writes it: "Ballot SMC011" is {"SMC", 11, 1}. */
struct gv__ballot_ref {
	char prefix[16];  /* its letters, as written */
	int64_t number;   /* 11 */
	int after_ballot; /* the word "ballot" comes just before it */
};

/*
 * Every ballot number in text: letters (1 to 15, starting a word), an
 * optional '-', digits, then maybe a version ("SMC011", "SMC-11",
 * "SC-080v3", "FORUM-019 v.2", "SMC01v3"). Returns how many; *out holds
 * them (caller frees; NULL when none).
 */
size_t gv__ballot_refs(struct gv__ballot_ref **out, const char *text);

/* The parts of a message's text, by whose words they are. */
struct gv__own_text {
	char *own;       /* the sender's own lines (never NULL) */
	char *forwarded; /* what a forwarded block holds, or NULL */
	char *scrubbed;  /* Mailman's archive kept no text of a part (an
	                    HTML attachment was scrubbed): its URL, "" when
	                    none is given; NULL when nothing was */
};

/*
 * Splits text into the sender's own lines and the rest: quoted lines
 * ("> ...") and attributions ("On ... wrote:") are not the sender's;
 * nothing after a forwarded block's marker ("---------- Forwarded
 * message ---------", "-----Original Message-----", "Begin forwarded
 * message:"), an Outlook-style quoted header block ("From: ... Sent: ...
 * To: ... Subject: ..."), a signature ("-- ") or Mailman's "next part"
 * is. A header block is forwarded rather than quoted when forward is set
 * (the subject says "Fwd:"). Dispose of out after.
 */
void gv__own_text(struct gv__own_text *out, const char *text, int forward);
void gv__own_text_dispose(struct gv__own_text *t);

/* One vote a text states. */
struct gv__vote_said {
	int value; /* enum gv_vote_value */
	char *who; /* the words before it in its clause ("Sectigo", "We"),
	              or NULL */
	struct gv__ballot_ref *refs; /* the ballots its line names */
	size_t nrefs;
	size_t line; /* in the text, from 1 */
};

struct gv__votes_said {
	struct gv__vote_said *v;
	size_t n;
	int tally; /* counts of votes ("15 Yes votes", "Yes votes:"): a
	              results or reminder message, not a vote */
};

/*
 * The votes text states, in the ways members write them: "Sectigo votes
 * YES on Ballot SMC011", "we vote to abstain", "HARICA votes
 * \"abstain\"", "Google casts a yes vote", "abstains", a line that is
 * only "Yes", "No." or "Abstain", "DigiCert: Yes". A value is read only
 * next to its verb ("the vote is no longer open" is none). Dispose of
 * out after.
 */
void gv__votes_said(struct gv__votes_said *out, const char *text);
void gv__votes_said_dispose(struct gv__votes_said *s);

/*
 * A subject without its "Re:", "AW:", "Fwd:" prefixes and "[list]" tags
 * (caller frees); *reply is set when it had a reply or forward prefix,
 * *forward when a forward one ("Fwd:", "FW:", "WG:").
 */
char *gv__subject_base(const char *subject, int *reply, int *forward);

/* A notice's subject (a base one): "Voting Period Begins - Ballot ...",
 * "Results on Ballot ...", "Reminder: ...", "... - VOTING PERIOD". */
int gv__subject_is_notice(const char *base);

#endif
