/* SPDX-License-Identifier: MIT */
/*
 * This file declares the fixtures of the tests of votes read from the
 * list's archive (test_votes_from*.c): a working group in the middle of
 * a vote with its representatives' addresses, and messages written as
 * RFC 5322 text, in an mbox, a maildir or a Mailman archive.
 */
#ifndef GV_TEST_MAIL_IN_FIXTURE_H
#define GV_TEST_MAIL_IN_FIXTURE_H

#include <stddef.h>

#include "gavel/gavel.h"
#include "gavel/vote_mail.h"

/*
 * A database at t_path(file): SMCWG (list smcwg-public@example.org) with
 * Issuer 1..6 and Consumer 1..3, SMC010 voting from 2024-11-14 14:00 to
 * 11-21 14:00 UTC. Each member's representative is "<Member> Rep" with
 * the address rep@issuer1.example ("issuer1" for "Issuer 1"); Issuer 1's
 * has a second, alice@home.example. "Associate" is an associate member
 * whose person, Ann Associate <ann@associate.example>, was its
 * representative while it was an issuer, until 2024-11-01.
 */
struct gv_db *mail_db(const char *file);

/*
 * One message as RFC 5322 text: From, Subject, Date ("15 Nov 2024
 * 10:00"; +0000 is added), Message-ID (<id>; none when id is NULL), then
 * the header lines in extra (each ending "\n"; may be NULL), a blank
 * line and body. Kept until the test ends.
 */
const char *mail_msg(const char *from, const char *subject, const char *date,
                     const char *id, const char *extra, const char *body);

/* Writes the messages (NULL-terminated) as an mbox at t_path(name);
 * returns its path. */
const char *mail_mbox(const char *name, ...);

/* The votes of one state in v. */
size_t mail_count(const struct gv_mail_votes *v, enum gv_mail_vote_state s);

/* The entry of v whose message id is <id>, or NULL. */
const struct gv_mail_vote *mail_entry(const struct gv_mail_votes *v,
                                      const char *id);

/* Operations in the log (every change is one). */
long mail_ops(struct gv_db *db);

#endif
