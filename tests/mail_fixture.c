/* SPDX-License-Identifier: MIT */
/*
 * This file implements the fixtures of the message tests: SMC011's life
 * on the demo, a stand-in sendmail, and reading a message back with GMime
 * into plain strings (tests may link GMime: they are no front end).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <gmime/gmime.h>

#include "harness.h"
#include "mail_fixture.h"

const char *const *
mail_env(const char *now, const char *sendmail)
{
	static char db[4200], clock[64], mail[4300];
	static const char *vars[5];
	size_t n = 0;

	snprintf(db, sizeof(db), "GAVEL_DB=%s", t_path("g.db"));
	vars[n++] = db;
	vars[n++] = "GAVEL_USER=" MAIL_USER;
	if (now) {
		snprintf(clock, sizeof(clock), "GAVEL_NOW=%s", now);
		vars[n++] = clock;
	}
	if (sendmail) {
		snprintf(mail, sizeof(mail), "GAVEL_SENDMAIL=%s", sendmail);
		vars[n++] = mail;
	}
	vars[n] = NULL;
	return vars;
}

/* One step of the ballot's life; the test fails with gavel's words. */
static int
step(const char *at, const char *const *args)
{
	struct t_run *r =
	        t_gavel(mail_env(at, NULL), args[0], args[1], args[2], args[3],
	                args[4], args[5], args[6], args[7], args[8], args[9],
	                args[10], args[11], args[12], args[13], args[14], NULL);

	if (r->status != 0)
		t_fail(__FILE__, __LINE__, "gavel %s %s %s: %s", args[0],
		       args[1], args[2] ? args[2] : "", r->err);
	return r->status == 0;
}

int
mail_ballot(void)
{
	static const char *const votes[] = {
	        "DigiCert",  "Sectigo", "GlobalSign", "D-TRUST",
	        "SwissSign", "Disig",   "eMudhra",    "IdenTrust",
	        "Microsoft", "Google",  "Apple",      "Mozilla",
	};
	const char *motion = t_write_file("motion.md", "Allow the EUID.\n");
	const char *at = "2025-02-10 12:00";
	size_t i;

#define STEP(...)                                                              \
	do {                                                                   \
		const char *a_[15] = {__VA_ARGS__};                            \
		if (!step(at, a_))                                             \
			return 0;                                              \
	} while (0)
	STEP("init", "--demo");
	STEP("person", "set", MAIL_USER, "--email", MAIL_FROM);
	STEP("ballot", "new", "SMCWG", "--title",
	     "EUID in OrganizationIdentifier", "--kind", "fmg", "--proposer",
	     "DigiCert", "--purpose", "Allow the EUID.", "--at",
	     "2025-01-20 09:00");
	STEP("ballot", "endorse", "SMC011", "Sectigo", "--at",
	     "2025-01-20 10:00");
	STEP("ballot", "endorse", "SMC011", "Google", "--at",
	     "2025-01-20 10:00");
	STEP("ballot", "version", "SMC011", "--text", motion, "--at",
	     "2025-01-21 10:00");
	STEP("ballot", "discuss", "SMC011", "--at", "2025-01-22 12:00");
	STEP("ballot", "open-vote", "SMC011", "--at", "2025-01-29 12:00");
	for (i = 0; i < sizeof(votes) / sizeof(votes[0]); i++)
		STEP("ballot", "vote", "SMC011", votes[i], "yes", "--at",
		     "2025-01-30 09:00");
	STEP("ballot", "close", "SMC011", "--at", "2025-02-06 09:00");
	STEP("ballot", "review", "SMC011", "--at", "2025-02-07 16:00");
#undef STEP
	return 1;
}

const char *
mail_standin(const char *name, int status)
{
	char file[64], *script;
	const char *path;

	snprintf(file, sizeof(file), "%s.sh", name);
	script = t_keep(malloc(8300));
	snprintf(script, 8300,
	         "#!/bin/sh\n"
	         "printf '%%s\\n' \"$*\" > '%s/%s.args'\n"
	         "cat > '%s/%s.eml'\n"
	         "%s"
	         "exit %d\n",
	         t_tmpdir(), name, t_tmpdir(), name,
	         status ? "echo 'relay refused' >&2\n" : "", status);
	if (!(path = t_write_file(file, script)) || chmod(path, 0755) < 0)
		return NULL;
	return path;
}

/* A copy of a GLib string, kept by the harness; NULL stays NULL. */
static char *
keep_g(gchar *s)
{
	char *copy = s ? t_keep(strdup(s)) : NULL;

	g_free(s);
	return copy;
}

static char *
keep_s(const char *s)
{
	return s ? t_keep(strdup(s)) : NULL;
}

/* The ids of a References or In-Reply-To header, space separated. */
static char *
ids_of(GMimeMessage *m, const char *header)
{
	const char *value = g_mime_object_get_header(GMIME_OBJECT(m), header);
	GMimeReferences *refs;
	GString *s;
	int i;

	if (!value)
		return NULL;
	refs = g_mime_references_parse(NULL, value);
	s = g_string_new(NULL);
	for (i = 0; refs && i < g_mime_references_length(refs); i++)
		g_string_append_printf(
		        s, "%s%s", i ? " " : "",
		        g_mime_references_get_message_id(refs, i));
	if (refs)
		g_mime_references_free(refs);
	return keep_g(g_string_free(s, FALSE));
}

/* A part's content, its transfer encoding undone. */
static char *
part_text(GMimeObject *part)
{
	GMimeDataWrapper *w = g_mime_part_get_content(GMIME_PART(part));
	GMimeStream *mem = g_mime_stream_mem_new();
	GByteArray *bytes;
	char *text;

	g_mime_data_wrapper_write_to_stream(w, mem);
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	text = t_keep(malloc(bytes->len + 1));
	memcpy(text, bytes->data, bytes->len);
	text[bytes->len] = '\0';
	g_object_unref(mem);
	return text;
}

static void
read_part(struct mail_msg *out, GMimeObject *part)
{
	GMimeContentType *ct = g_mime_object_get_content_type(part);
	const char *type = g_mime_object_get_header(part, "Content-Type");

	if (!GMIME_IS_PART(part))
		return;
	if (g_mime_content_type_is_type(ct, "text", "plain")) {
		out->plain = part_text(part);
		out->plain_type = keep_s(type);
		out->plain_encoding = keep_s(g_mime_object_get_header(
		        part, "Content-Transfer-Encoding"));
	} else if (g_mime_content_type_is_type(ct, "text", "html")) {
		out->html = part_text(part);
		out->html_type = keep_s(type);
	}
}

static void
read_headers(struct mail_msg *out, GMimeMessage *m)
{
	GMimeHeaderList *list = g_mime_object_get_header_list(GMIME_OBJECT(m));
	GString *names = g_string_new(NULL);
	int i;

	for (i = 0; i < g_mime_header_list_get_count(list); i++)
		g_string_append_printf(
		        names, "%s\n",
		        g_mime_header_get_name(
		                g_mime_header_list_get_header_at(list, i)));
	out->headers = keep_g(g_string_free(names, FALSE));
	out->from = keep_g(internet_address_list_to_string(
	        g_mime_message_get_from(m), NULL, FALSE));
	out->to = keep_g(internet_address_list_to_string(
	        g_mime_message_get_to(m), NULL, FALSE));
	out->subject = keep_s(g_mime_message_get_subject(m));
	out->date = keep_s(g_mime_object_get_header(GMIME_OBJECT(m), "Date"));
	out->message_id = keep_s(g_mime_message_get_message_id(m));
	out->in_reply_to = ids_of(m, "In-Reply-To");
	out->references = ids_of(m, "References");
}

const struct mail_msg *
mail_parse(const char *text)
{
	static int inited;
	struct mail_msg *out;
	GMimeStream *stream;
	GMimeParser *parser;
	GMimeMessage *m;
	GMimeObject *body;
	int i;

	if (!text)
		return NULL;
	if (!inited++)
		g_mime_init();
	stream = g_mime_stream_mem_new_with_buffer(text, strlen(text));
	parser = g_mime_parser_new_with_stream(stream);
	m = g_mime_parser_construct_message(parser, NULL);
	g_object_unref(parser);
	g_object_unref(stream);
	if (!m)
		return NULL;
	out = t_keep(calloc(1, sizeof(*out)));
	read_headers(out, m);
	body = g_mime_message_get_mime_part(m);
	out->type = body ? keep_g(g_mime_content_type_get_mime_type(
	                           g_mime_object_get_content_type(body)))
	                 : NULL;
	if (body && GMIME_IS_MULTIPART(body))
		for (i = 0;
		     i < g_mime_multipart_get_count(GMIME_MULTIPART(body)); i++)
			read_part(out, g_mime_multipart_get_part(
			                       GMIME_MULTIPART(body), i));
	else if (body)
		read_part(out, body);
	g_object_unref(m);
	return out;
}
