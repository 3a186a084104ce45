/* SPDX-License-Identifier: MIT */
/*
 * This file declares finding who cast a vote sent to the list
 * (core/vote_sender.c): the sender's address, the person it is one of
 * the addresses of, the body they are a voting representative in, the
 * organisation they were with that day.
 */
#ifndef GV_CORE_VOTE_SENDER_H
#define GV_CORE_VOTE_SENDER_H

#include <stdint.h>

struct gv_db;
struct gv_body;

/* A message's sender, as its headers give it. */
struct gv__from {
	const char *addr;     /* From's address, or NULL */
	const char *name;     /* its display name, or NULL */
	const char *reply_to; /* Reply-To's first address, or NULL */
};

struct gv__sender {
	char *person; /* the voting representative */
	int64_t org;  /* the organisation they voted for */
	char *org_name;
};

/*
 * Who cast, at the instant at, the vote of a message from `from` to
 * body's list: 0 with *out filled (dispose of it), 1 with *why saying
 * for the chair why nobody can be named (caller frees: an unknown
 * address, someone not a voting representative, an organisation without
 * a vote in body then), or a negative error. A suspended member is named:
 * its vote is kept in the ledger with the reason it does not count.
 */
int gv__vote_sender(struct gv__sender *out, char **why, struct gv_db *db,
                    const struct gv_body *body, const struct gv__from *from,
                    int64_t at);
void gv__sender_dispose(struct gv__sender *s);

#endif
