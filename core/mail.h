/* SPDX-License-Identifier: MIT */
/*
 * This file declares the mail adapter (core/mail_*.c): the one family of
 * files that calls GMime and GLib. It writes messages (core/mail_write.c)
 * and reads archives as a list keeps them, one message at a time
 * (core/mail_read.c). Its types are plain C, so the rules above it
 * (core/message*.c: headers, subjects, threading ids; core/vote_*.c: the
 * votes a message states) never see a GMime type. The GMime side is
 * gavel-mail.so (core/mail_init.c, mail_read.c, mail_write.c), loaded
 * the first time a message is written or read (core/module.h); what is
 * declared here is core/mail_api.c's, in gavel itself.
 */
#ifndef GV_CORE_MAIL_H
#define GV_CORE_MAIL_H

#include <stddef.h>
#include <stdint.h>

/* One message to write: headers and a multipart/alternative body. */
struct gv__mail_out {
	const char *from_name; /* display name (UTF-8), or NULL */
	const char *from_addr; /* name@example.org */
	const char *to_addr;
	const char *subject; /* UTF-8, one line: encoded per RFC 2047 */
	int64_t date;        /* UTC seconds */
	/* Message ids without their angle brackets: "left@right". */
	const char *message_id;
	const char *in_reply_to;       /* or NULL */
	const char *const *references; /* the thread, oldest first */
	size_t nreferences;
	const char *const *extra; /* more headers as name, value pairs,
	                             NULL-terminated, or NULL */
	const char *text;         /* text/plain, UTF-8 */
	size_t text_len;
	const char *html; /* text/html, UTF-8, or NULL for text alone */
	size_t html_len;
};

/*
 * Writes m as an RFC 5322 message with LF line ends (what `sendmail -t`
 * and .eml files take). Each part gets the transfer encoding GMime finds
 * best for 7-bit transport (7bit, quoted-printable or base64); header
 * text is encoded by GMime, and any control character in it becomes a
 * space first, so no value can start a header of its own. Returns 0
 * (caller frees *out; *len its bytes) or GV_EINVALID (an address or id
 * that is not one, a date out of range).
 */
int gv__mail_write(char **out, size_t *len, const struct gv__mail_out *m);

/* Nonzero when s is an address gv__mail_write takes: local@domain, ASCII
 * or UTF-8, without spaces, controls, quotes, angle brackets, commas or
 * semicolons. */
int gv__mail_addr_ok(const char *s);

/* Nonzero when s is a message id without its angle brackets: printable
 * ASCII on both sides of one '@', no spaces or specials. */
int gv__mail_id_ok(const char *s);

/* One Received header: the host that added it and when. */
struct gv__mail_hop {
	char *by;   /* its "by" host, or NULL */
	int64_t at; /* UTC seconds; -1: unreadable */
};

/* One message, as plain C. Every string is UTF-8 and owned. */
struct gv__mail {
	char *id;        /* Message-ID without <>, or NULL */
	int64_t date;    /* its Date, UTC seconds; -1: none, or unreadable */
	char *from;      /* the From address ("user at example.org", as
	                    Mailman's archives write it, read as
	                    user@example.org), or NULL */
	char *from_name; /* its display name, or NULL */
	char *reply_to;  /* the first Reply-To address, or NULL */
	char *subject;   /* decoded, or NULL */
	char **refs;     /* In-Reply-To, then References: ids without <> */
	size_t nrefs;
	/* Its Received headers, the last added first (the servers it
	 * passed, the list's among them when the archive kept them). */
	struct gv__mail_hop *hops;
	size_t nhops;
	/* The message's text: its text/plain part (the first of a
	 * multipart/alternative, the content of a multipart/signed), else
	 * its HTML as text (core/html_text.c). An attached message
	 * (message/rfc822) follows as a forwarded block, as mailers write
	 * one inline. Never NULL. */
	char *text;
};

void gv__mail_dispose(struct gv__mail *m);

struct gv__mail_reader;

/*
 * Opens path for reading: a file (an mbox, a Mailman monthly archive
 * with its "From user at example.org" lines, or one message; each may be
 * gzipped) or a folder (a maildir, read from cur/ and new/; else each of
 * its files, by name). Returns 0, GV_ENOTFOUND or GV_ERROR (unreadable).
 * Close it with gv__mail_close().
 */
int gv__mail_open(struct gv__mail_reader **out, const char *path);

/* Opens len bytes of memory (an mbox or one message), copied. Returns 0
 * or GV_ERROR (gavel-mail.so cannot be loaded). */
int gv__mail_open_mem(struct gv__mail_reader **out, const void *data,
                      size_t len);

/*
 * Reads the next message into *m (dispose of it after): 1, 0 at the end,
 * GV_EINVALID naming the file (not mail; ends inside a message, so it was
 * cut short) or GV_ERROR (unreadable). Messages are read as a stream: one
 * at a time is in memory.
 */
int gv__mail_next(struct gv__mail *m, struct gv__mail_reader *r);

void gv__mail_close(struct gv__mail_reader *r);

#endif
