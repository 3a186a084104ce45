/* SPDX-License-Identifier: MIT */
/*
 * This file declares the mail adapter (core/mail_*.c): the one family of
 * files that calls GMime and GLib. Its types are plain C, so the rules
 * above it (core/message*.c: which headers, subjects, threading ids) never
 * see a GMime type, and a later change can load GMime on demand.
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

#endif
