/* SPDX-License-Identifier: MIT */
/*
 * This file declares documents sent as mail: a ballot's notices, a
 * meeting's agenda and minutes, and the digest of what is due, each one
 * RFC 5322 message (From the acting user, To the body's list, a Subject
 * in the shape the Forum's lists use, a stable Message-ID, threading, and
 * the Markdown text beside its HTML), and sending them through sendmail.
 */
#ifndef GV_MAIL_H
#define GV_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "gavel/notice.h"

struct gv_db;

enum gv_mail_kind {
	GV_MAIL_NOTICE,  /* a ballot's notice */
	GV_MAIL_AGENDA,  /* a meeting's agenda */
	GV_MAIL_MINUTES, /* a meeting's minutes */
	GV_MAIL_REMIND,  /* what is due (gavel remind) */
};

struct gv_mail_spec {
	enum gv_mail_kind kind;
	const char *ballot;    /* GV_MAIL_NOTICE: "SMC011" */
	enum gv_notice notice; /* GV_MAIL_NOTICE */
	int again;        /* GV_MAIL_NOTICE: a notice already sent, as a new
	                     message (a new Message-ID: mail systems drop a
	                     second message with the same one) */
	int64_t meeting;  /* GV_MAIL_AGENDA, GV_MAIL_MINUTES */
	const char *body; /* GV_MAIL_REMIND: a body's code, or NULL: all */
	int within_days;  /* GV_MAIL_REMIND: > 0 */
	const char *to;   /* the recipient instead of the body's list (of
	                     the sender, for a reminder), or NULL */
	const char *templates_dir; /* searched first, or NULL */
};

/* A message. */
struct gv_mail {
	char *text; /* RFC 5322, LF line ends, NUL-terminated */
	size_t len;
	char *message_id; /* without angle brackets: "left@right" */
	char *to;         /* the recipient's address */
	int version;      /* a notice's: the ballot's version it is for */
};

/*
 * Builds the message spec names, as of the db's clock (its Date). From is
 * the acting user (gv_db_actor: a person of the roster with an e-mail
 * address), To the body's list address (`body set --list`). A notice's
 * Message-ID is the same whenever it is built, from the body, the ballot,
 * the notice and the ballot's version; it answers the ballot's notices
 * sent before it (In-Reply-To, References), under its proposal. Returns
 * 0 (dispose of *out with gv_mail_dispose()), GV_ENOTFOUND (ballot,
 * meeting) or GV_EINVALID (no From or To address: the message says how
 * to set it; minutes not ready).
 */
int gv_mail_render(struct gv_mail *out, struct gv_db *db,
                   const struct gv_mail_spec *spec);
void gv_mail_dispose(struct gv_mail *mail);

/*
 * Builds the message and pipes it to command, a shell command line
 * ($GAVEL_SENDMAIL; NULL: `sendmail -t -i`, looked for in /usr/sbin,
 * /usr/lib and PATH), which reads its recipients from the headers. A
 * notice's Message-ID is then recorded on its ballot (an operation:
 * "ballot.notice-sent"), in the same transaction as the sending: a
 * command that fails (exits non-zero, or cannot start) records nothing,
 * and a notice already sent under its Message-ID is refused unless
 * spec->again. *output is what the command printed, or NULL (caller
 * frees). Returns 0, the errors of gv_mail_render, GV_EEXISTS (sent
 * already), GV_EDENIED (the actor's role) or GV_ERROR (the command
 * failed: the message gives its status and first line of error).
 */
int gv_mail_send(struct gv_mail *out, char **output, struct gv_db *db,
                 const struct gv_mail_spec *spec, const char *command);

#endif
