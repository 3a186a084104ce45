/* SPDX-License-Identifier: MIT */
/*
 * This file implements writing a message with GMime 3 (core/mail.h): the
 * headers, a multipart/alternative body of a text/plain and a text/html
 * part, each in UTF-8 with the transfer encoding GMime finds best, and
 * the serialisation. Which headers a notice carries is decided above, in
 * core/message*.c; this file only builds what it is given.
 */
#include <stdlib.h>
#include <string.h>

#include <gmime/gmime.h>

#include "internal.h"
#include "mail.h"
#include "mail_gmime.h"

/* A copy of header text with every control character (C0, DEL) a space.
 * GMime would carry a CR or LF as =0D=0A inside an encoded word, which
 * a reader decodes back into a line break in the middle of a Subject or
 * a name: a header's text is one line. */
static char *
mail_header_text(const char *s)
{
	char *copy = gv__xstrdup(s ? s : ""), *p;

	for (p = copy; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = ' ';
	return copy;
}

static int
mail_check(const struct gv__mail_out *m)
{
	size_t i;

	if (!gv__mail_addr_ok(m->from_addr))
		return gv__error_set(GV_ERRCLASS_MAIL, GV_EINVALID,
		                     "\"%s\" is not an e-mail address",
		                     m->from_addr ? m->from_addr : "");
	if (!gv__mail_addr_ok(m->to_addr))
		return gv__error_set(GV_ERRCLASS_MAIL, GV_EINVALID,
		                     "\"%s\" is not an e-mail address",
		                     m->to_addr ? m->to_addr : "");
	if (!gv__mail_id_ok(m->message_id) ||
	    (m->in_reply_to && !gv__mail_id_ok(m->in_reply_to)))
		return gv__error_set(GV_ERRCLASS_MAIL, GV_EINVALID,
		                     "a message id is not of the form "
		                     "left@right");
	for (i = 0; i < m->nreferences; i++)
		if (!gv__mail_id_ok(m->references[i]))
			return gv__error_set(GV_ERRCLASS_MAIL, GV_EINVALID,
			                     "a reference is not of the form "
			                     "left@right");
	return 0;
}

/* A text part holding len bytes of UTF-8 text, in the transfer encoding
 * GMime finds best for 7-bit transport. */
static GMimeObject *
mail_text_part(const char *subtype, const char *text, size_t len)
{
	GMimeTextPart *part = g_mime_text_part_new_with_subtype(subtype);
	GMimeStream *mem = g_mime_stream_mem_new_with_buffer(text, len);
	GMimeDataWrapper *content = g_mime_data_wrapper_new_with_stream(
	        mem, GMIME_CONTENT_ENCODING_DEFAULT);

	g_mime_part_set_content(GMIME_PART(part), content);
	g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset",
	                                         "utf-8");
	g_mime_part_set_content_encoding(
	        GMIME_PART(part),
	        g_mime_part_get_best_content_encoding(
	                GMIME_PART(part), GMIME_ENCODING_CONSTRAINT_7BIT));
	g_object_unref(content);
	g_object_unref(mem);
	return GMIME_OBJECT(part);
}

/*
 * A boundary made from the message id, so writing the same message twice
 * gives the same bytes; lengthened until neither part's text holds it
 * (a 7bit part is written as it is).
 */
static char *
mail_boundary(const struct gv__mail_out *m)
{
	struct gv_buf b = GV_BUF_INIT;
	const char *p;

	gv__buf_puts(&b, "=-gavel-");
	for (p = m->message_id; *p && *p != '@'; p++)
		gv__buf_putc(&b, strchr("=_-.", *p) ||
		                                 (*p >= '0' && *p <= '9') ||
		                                 (*p >= 'A' && *p <= 'Z') ||
		                                 (*p >= 'a' && *p <= 'z')
		                         ? *p
		                         : '-');
	while ((m->text && strstr(m->text, b.ptr)) ||
	       (m->html && strstr(m->html, b.ptr)))
		gv__buf_puts(&b, "-x");
	return gv__buf_detach(&b);
}

static GMimeObject *
mail_body(const struct gv__mail_out *m)
{
	GMimeMultipart *alt;
	GMimeObject *part;
	char *boundary;

	if (!m->html)
		return mail_text_part("plain", m->text, m->text_len);
	alt = g_mime_multipart_new_with_subtype("alternative");
	boundary = mail_boundary(m);
	g_mime_multipart_set_boundary(alt, boundary);
	free(boundary);
	/* RFC 2046 5.1.4: the plainest first, the preferred last. */
	part = mail_text_part("plain", m->text, m->text_len);
	g_mime_multipart_add(alt, part);
	g_object_unref(part);
	part = mail_text_part("html", m->html, m->html_len);
	g_mime_multipart_add(alt, part);
	g_object_unref(part);
	return GMIME_OBJECT(alt);
}

/* In-Reply-To and References, each id in angle brackets. */
static void
mail_thread(GMimeMessage *msg, const struct gv__mail_out *m)
{
	struct gv_buf b = GV_BUF_INIT;
	char *value;
	size_t i;

	if (m->in_reply_to) {
		value = gv__xsprintf("<%s>", m->in_reply_to);
		g_mime_object_set_header(GMIME_OBJECT(msg), "In-Reply-To",
		                         value, NULL);
		free(value);
	}
	for (i = 0; i < m->nreferences; i++)
		gv__buf_printf(&b, "%s<%s>", i ? " " : "", m->references[i]);
	if (b.size)
		g_mime_object_set_header(GMIME_OBJECT(msg), "References", b.ptr,
		                         NULL);
	gv__buf_dispose(&b);
}

/* A mailbox whose display name is encoded as UTF-8 (GMime would pick
 * Latin-1 for a name that fits it). */
static void
mail_mailbox(GMimeMessage *msg, GMimeAddressType type, const char *name,
             const char *addr)
{
	InternetAddress *ia = internet_address_mailbox_new(name, addr);

	internet_address_set_charset(ia, "utf-8");
	internet_address_list_add(g_mime_message_get_addresses(msg, type), ia);
	g_object_unref(ia);
}

static void
mail_headers(GMimeMessage *msg, const struct gv__mail_out *m, GDateTime *date)
{
	char *name = m->from_name ? mail_header_text(m->from_name) : NULL;
	char *subject = mail_header_text(m->subject);
	char *value;
	size_t i;

	mail_mailbox(msg, GMIME_ADDRESS_TYPE_FROM, name, m->from_addr);
	mail_mailbox(msg, GMIME_ADDRESS_TYPE_TO, NULL, m->to_addr);
	g_mime_message_set_subject(msg, subject, "utf-8");
	g_mime_message_set_date(msg, date);
	g_mime_message_set_message_id(msg, m->message_id);
	mail_thread(msg, m);
	for (i = 0; m->extra && m->extra[i] && m->extra[i + 1]; i += 2) {
		value = mail_header_text(m->extra[i + 1]);
		g_mime_object_set_header(GMIME_OBJECT(msg), m->extra[i], value,
		                         "utf-8");
		free(value);
	}
	free(name);
	free(subject);
}

int
gv__gmime_write(char **out, size_t *len, const struct gv__mail_out *m)
{
	GMimeMessage *msg;
	GMimeObject *body;
	GMimeStream *mem;
	GByteArray *bytes;
	GDateTime *date;
	int error;

	*out = NULL;
	*len = 0;
	if ((error = mail_check(m)) < 0)
		return error;
	gv__gmime_init();
	if (!(date = g_date_time_new_from_unix_utc(m->date)))
		return gv__error_set(GV_ERRCLASS_MAIL, GV_EINVALID,
		                     "instant %lld is out of range",
		                     (long long)m->date);
	msg = g_mime_message_new(TRUE);
	mail_headers(msg, m, date);
	g_date_time_unref(date);
	body = mail_body(m);
	g_mime_message_set_mime_part(msg, body);
	g_object_unref(body);
	mem = g_mime_stream_mem_new();
	g_mime_object_write_to_stream(GMIME_OBJECT(msg), NULL, mem);
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	*len = bytes->len;
	*out = gv__xmalloc(bytes->len + 1);
	memcpy(*out, bytes->data, bytes->len);
	(*out)[bytes->len] = '\0';
	g_object_unref(mem);
	g_object_unref(msg);
	return 0;
}
