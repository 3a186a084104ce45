/* SPDX-License-Identifier: MIT */
/*
 * This file declares core's reader of mail (core/mail_read.c, over
 * GMime): archives as a list keeps them, read one message at a time into
 * plain C structs. No GMime or GLib type crosses it; the rules that read
 * votes from the messages sit above, in plain C (core/vote_*.c).
 */
#ifndef GV_CORE_MAIL_H
#define GV_CORE_MAIL_H

#include <stddef.h>
#include <stdint.h>

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
	/* The message's text: its text/plain part (the first of a
	 * multipart/alternative, the content of a multipart/signed), else
	 * its HTML as text (core/html_text.c). An attached message
	 * (message/rfc822) follows as a forwarded block, as mailers write
	 * one inline. Never NULL. */
	char *text;
};

void gv__mail_dispose(struct gv__mail *m);

/* Initialises GMime, once per process: it cannot be initialised again
 * after a shutdown, so it never shuts down. */
void gv__mail_init(void);

struct gv__mail_reader;

/*
 * Opens path for reading: a file (an mbox, a Mailman monthly archive
 * with its "From user at example.org" lines, or one message; each may be
 * gzipped) or a folder (a maildir, read from cur/ and new/; else each of
 * its files, by name). Returns 0, GV_ENOTFOUND or GV_ERROR (unreadable).
 * Close it with gv__mail_close().
 */
int gv__mail_open(struct gv__mail_reader **out, const char *path);

/* Opens len bytes of memory (an mbox or one message), copied. */
void gv__mail_open_mem(struct gv__mail_reader **out, const void *data,
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
