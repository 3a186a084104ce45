/* SPDX-License-Identifier: MIT */
/*
 * This file declares the rules of gavel's messages, shared by the files
 * that build and send them (core/message*.c, core/notice.c): the shape of
 * their Message-IDs and Subjects, how a ballot's notices thread, and the
 * record of a notice sent. Plain C: GMime stays in core/mail_*.c.
 */
#ifndef GV_CORE_MESSAGE_H
#define GV_CORE_MESSAGE_H

#include <stddef.h>
#include <stdint.h>

#include "gavel/mail.h"
#include "gavel/notice.h"

struct gv_db;

/* Records a notice of ballot ref sent as message_id (the operation
 * "ballot.notice-sent", core/notice.c). */
int gv__notice_record(struct gv_db *db, const char *ref, enum gv_notice kind,
                      int version, const char *message_id);

/* The domain of an address, for Message-IDs: what follows its '@' in
 * lower case when it is a plain ASCII domain, else "localhost". Caller
 * frees. */
char *gv__message_domain(const char *addr);

/*
 * Message-IDs (without angle brackets), the same whenever a message is
 * built again: a notice's from its body, ballot, kind, the ballot's
 * version and the round (1; 2, 3, ... for one sent again), "gavel.SMCWG.
 * SMC011.v1.results@lists.example.org"; a meeting's from its body,
 * subcommittee, start and what it is ("agenda", "minutes", ...); a
 * reminder's from its body (or "all") and the clock. Caller frees.
 */
char *gv__message_id_notice(const char *body, const char *number,
                            enum gv_notice kind, int version, int round,
                            const char *domain);
char *gv__message_id_meeting(const char *body, const char *subcommittee,
                             int64_t starts_at, const char *what,
                             const char *domain);
char *gv__message_id_remind(const char *body, int64_t now, const char *domain);

/*
 * Subjects in the shape the Forum's lists use: "Voting Period Begins -
 * Ballot SMC011: EUID in OrganizationIdentifier", "Results on Ballot
 * SMC011 v2: ...", "Agenda - SMCWG teleconference of January 29, 2025".
 * Text from the store is made one line of valid UTF-8. Caller frees.
 */
char *gv__subject_notice(enum gv_notice kind, const char *number, int version,
                         const char *title);
char *gv__subject_meeting(const char *what, const char *body,
                          const char *subcommittee, const char *kind_word,
                          const char *long_date);

/* A message's place in its thread: References, oldest first (the last
 * is In-Reply-To). */
struct gv__thread {
	char **ids;
	size_t n;
};

/*
 * The thread of a ballot's notice self: the notices of the ballot sent
 * before it (all of sent, when self was not sent), under the proposal
 * root when no proposal was among them. Caller disposes of out.
 */
void gv__thread_notice(struct gv__thread *out,
                       const struct gv_notice_sent_list *sent, const char *self,
                       const char *root);
void gv__thread_add(struct gv__thread *t, const char *id);
void gv__thread_dispose(struct gv__thread *t);

/* The round of a notice: how many times kind for version was sent (0
 * counts as 1), one more when again. */
int gv__notice_round(const struct gv_notice_sent_list *sent,
                     enum gv_notice kind, int version, int again);

#endif
