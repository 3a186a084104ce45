/* SPDX-License-Identifier: MIT */
/*
 * This file declares reading a ballot's votes from the list's archive
 * (issue 18): every vote is a reply in the ballot's thread ("Sectigo
 * votes YES on Ballot SMC011"), recorded as `gavel ballot vote` records
 * one, with its Message-ID as the source.
 */
#ifndef GV_VOTE_MAIL_H
#define GV_VOTE_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "gavel/ballot.h"

struct gv_db;

enum gv_mail_vote_state {
	GV_MAIL_VOTE_RECORDED,  /* recorded now (with --dry-run: would be) */
	GV_MAIL_VOTE_KNOWN,     /* its message was recorded before */
	GV_MAIL_VOTE_UNMATCHED, /* it looks like a vote, and nothing was
	                           recorded: reason says why, for the chair */
};

/* One message of the ballot's thread that states a vote. */
struct gv_mail_vote {
	enum gv_mail_vote_state state;
	char *message_id; /* "<id@host>", the vote's source; or NULL */
	char *subject;    /* or NULL */
	char *from;       /* "Name <address>" as it came, or NULL */
	int64_t date;     /* its Date, UTC; -1 when it has none */
	char *person;     /* the sender, when known; or NULL */
	char *org;        /* the organisation it votes for, or NULL */
	enum gv_vote_value value;
	char *reason; /* unmatched: why; recorded: why it does not count
	                 (cast after voting closed, ...), or NULL */
};

struct gv_mail_votes {
	char *ballot;           /* "SMC010", as the body writes it */
	struct gv_mail_vote *v; /* by date */
	size_t n;
	size_t messages;  /* read */
	size_t in_thread; /* of them in the ballot's thread */
	size_t notices;   /* notices, results and reminders in the thread,
	                     which list votes but cast none */
};

enum {
	GV_MAIL_DRY_RUN = 1, /* record nothing: say what would be */
};

/*
 * Reads the messages in paths (mboxes, maildirs, Mailman monthly
 * archives, gzipped or not, .eml files: core/mail.h) and records, for
 * the ballot ref, the vote each message of its thread casts: the thread
 * is the messages whose subject names the ballot's number, those whose
 * References name one of them, and those whose own text names it. A
 * vote is read from the sender's own words only (not from what it quotes
 * or forwards), its time is its Date, its organisation is the one the
 * sender (by any of their addresses) is a voting representative for on
 * that day, and it is recorded through gv_ballot_vote with its
 * Message-ID as the source, so the window, eligibility and "the last
 * vote counts" are the ledger's, and a message recorded before is not
 * again. What cannot be matched is listed, never guessed. Either every
 * vote is recorded or none. Returns 0 (*out: caller frees with
 * gv_mail_votes_free), GV_ENOTFOUND (ballot, file) or GV_EINVALID (a file
 * that is not mail, or cut short).
 */
int gv_ballot_votes_from(struct gv_mail_votes **out, struct gv_db *db,
                         const char *ref, const char *const *paths,
                         size_t npaths, unsigned flags);
void gv_mail_votes_free(struct gv_mail_votes *votes);

#endif
