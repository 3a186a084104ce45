/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the tests of messages share (test_mail_*.c): a
 * ballot run through its whole life on the demo's SMCWG, gavel run as its
 * chair with a stand-in sendmail, and messages parsed back with GMime, a
 * reader independent of how gavel wrote them.
 */
#ifndef GV_TEST_MAIL_FIXTURE_H
#define GV_TEST_MAIL_FIXTURE_H

#include <stddef.h>

#include "harness.h"

/* Who acts in these tests: the demo's Stephen Davidson (DigiCert). */
#define MAIL_USER "Stephen Davidson"
#define MAIL_FROM "sd@example.org"
#define MAIL_LIST "smcwg-public@groups.cabforum.org"

/* An environment: the test's database, GAVEL_USER=MAIL_USER, GAVEL_NOW
 * (if not NULL) and GAVEL_SENDMAIL (if not NULL). Valid until the next
 * call. */
const char *const *mail_env(const char *now, const char *sendmail);

/* gavel as MAIL_USER at now with no sendmail named. */
#define MAIL_RUN(now, ...) t_gavel(mail_env(now, NULL), __VA_ARGS__, NULL)

/*
 * The demo, MAIL_USER's address, and SMC011 taken through its life as
 * the README does: proposed 2025-01-22, voting from 01-29, passed and
 * closed 02-06, IPR review from 02-07 (it ends 03-09 16:00). Nonzero on
 * success; a failed step fails the test.
 */
int mail_ballot(void);

/* A stand-in sendmail in the test's folder, for GAVEL_SENDMAIL: it saves
 * what it reads to name.eml and its arguments to name.args, then exits
 * with status (printing "relay refused" first when it is not 0). Its
 * path. */
const char *mail_standin(const char *name, int status);

/* A message as GMime reads it back: every field decoded, NULL when the
 * message has none (all kept until the test ends). */
struct mail_msg {
	char *headers;    /* the names of its headers, one per line */
	char *from, *to;  /* "Name <addr>" */
	char *subject;    /* decoded (RFC 2047) */
	char *date;       /* as written */
	char *message_id; /* without angle brackets */
	char *in_reply_to, *references; /* ids without brackets, space
	                                   separated */
	char *type;                     /* "multipart/alternative" */
	char *plain, *html;             /* each part's decoded text */
	char *plain_type, *html_type;   /* "text/plain; charset=utf-8" */
	char *plain_encoding;           /* its Content-Transfer-Encoding */
};

/* text parsed with GMime, or NULL when it is not a message. */
const struct mail_msg *mail_parse(const char *text);

#endif
