/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading mail archives with GMime: an mbox (and a
 * Mailman monthly archive, which is one), gzipped or not, a maildir, a
 * folder of files, one message, one message at a time (GMime's parser
 * reads the stream as it goes, so an archive of any size takes the
 * memory of its largest message). Each message becomes a struct gv__mail;
 * nothing of GMime leaves this file (see core/mail.h).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "html_text.h"
#include "internal.h"
#include "mail.h"
#include "mail_gmime.h"
#include "gavel/text.h"

struct gv__mail_reader {
	char **files; /* to read, in order */
	size_t nfiles, next;
	char *mem; /* gv__gmime_open_mem's copy, or NULL */
	size_t memlen;
	const char *file; /* the one being read ("the input" for memory) */
	GMimeStream *stream;
	GMimeParser *parser;
	GMimeParserOptions *options;
	int mbox;      /* the file is an mbox: many messages */
	size_t count;  /* messages read from it */
	int truncated; /* GMime saw the stream end inside a message */
};

/* ---- Which files: a folder's, by name ---- */

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds dir's regular files (not hidden ones), by name. */
static int
reader_add_dir(struct gv__mail_reader *r, const char *dir, size_t *alloc)
{
	struct dirent *e;
	struct stat sb;
	size_t first = r->nfiles;
	DIR *d = opendir(dir);

	if (!d)
		return gv__error_set(GV_ERRCLASS_OS, GV_ERROR,
		                     "cannot read the folder %s: %s", dir,
		                     strerror(errno));
	while ((e = readdir(d))) {
		char *path;

		if (e->d_name[0] == '.')
			continue;
		path = gv__xsprintf("%s/%s", dir, e->d_name);
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
			r->files = gv__grow(r->files, alloc, r->nfiles,
			                    sizeof(*r->files));
			r->files[r->nfiles++] = path;
		} else {
			free(path);
		}
	}
	closedir(d);
	if (r->nfiles > first)
		qsort(r->files + first, r->nfiles - first, sizeof(*r->files),
		      name_cmp);
	return 0;
}

static int
reader_add_path(struct gv__mail_reader *r, const char *path)
{
	struct stat sb;
	size_t alloc = 0;
	int error = 0;

	if (stat(path, &sb) < 0)
		return gv__error_set(GV_ERRCLASS_OS,
		                     errno == ENOENT ? GV_ENOTFOUND : GV_ERROR,
		                     "cannot read %s: %s", path,
		                     strerror(errno));
	if (!S_ISDIR(sb.st_mode)) {
		r->files = gv__xcalloc(1, sizeof(*r->files));
		r->files[r->nfiles++] = gv__xstrdup(path);
		return 0;
	}
	/* A maildir keeps its messages in cur/ and new/ (tmp/ holds those
	 * being delivered); any other folder is a set of files. */
	{
		char *cur = gv__xsprintf("%s/cur", path),
		     *fresh = gv__xsprintf("%s/new", path);
		struct stat cs, ns;

		if (stat(cur, &cs) == 0 && S_ISDIR(cs.st_mode) &&
		    stat(fresh, &ns) == 0 && S_ISDIR(ns.st_mode)) {
			if ((error = reader_add_dir(r, cur, &alloc)) == 0)
				error = reader_add_dir(r, fresh, &alloc);
		} else {
			error = reader_add_dir(r, path, &alloc);
		}
		free(cur);
		free(fresh);
	}
	return error;
}

/* ---- One file: its stream and parser ---- */

static void
reader_warning(gint64 offset, GMimeParserWarning code, const gchar *item,
               gpointer payload)
{
	struct gv__mail_reader *r = payload;

	(void)offset;
	(void)item;
	if (code == GMIME_WARN_TRUNCATED_MESSAGE)
		r->truncated = 1;
}

static void
reader_end_file(struct gv__mail_reader *r)
{
	if (r->parser)
		g_object_unref(r->parser);
	if (r->stream)
		g_object_unref(r->stream);
	r->parser = NULL;
	r->stream = NULL;
	r->file = NULL;
}

/* The stream of the file at path, gunzipped when it is gzipped. */
static int
reader_stream(GMimeStream **out, const char *path)
{
	unsigned char magic[2] = {0, 0};
	GMimeStream *fs, *filtered;
	GMimeFilter *gunzip;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*out = NULL;
	if (fd < 0)
		return gv__error_set(GV_ERRCLASS_OS,
		                     errno == ENOENT ? GV_ENOTFOUND : GV_ERROR,
		                     "cannot read %s: %s", path,
		                     strerror(errno));
	if (read(fd, magic, 2) < 0 || lseek(fd, 0, SEEK_SET) < 0) {
		int e = errno;

		close(fd);
		return gv__error_set(GV_ERRCLASS_OS, GV_ERROR,
		                     "cannot read %s: %s", path, strerror(e));
	}
	fs = g_mime_stream_fs_new(fd); /* closes fd when freed */
	if (magic[0] != 0x1f || magic[1] != 0x8b) {
		*out = fs;
		return 0;
	}
	filtered = g_mime_stream_filter_new(fs);
	gunzip = g_mime_filter_gzip_new(GMIME_FILTER_GZIP_MODE_UNZIP, 0);
	g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered), gunzip);
	g_object_unref(gunzip);
	g_object_unref(fs);
	*out = filtered;
	return 0;
}

/* Starts on the reader's next file (or its memory). */
static int
reader_begin(struct gv__mail_reader *r)
{
	char head[5] = {0};
	size_t got = 0;
	ssize_t n;
	int error;

	if (r->mem) {
		r->stream =
		        g_mime_stream_mem_new_with_buffer(r->mem, r->memlen);
		r->file = "the input";
	} else {
		r->file = r->files[r->next];
		if ((error = reader_stream(&r->stream, r->file)) < 0) {
			r->file = NULL;
			return error;
		}
	}
	r->next++;
	/* An mbox (Mailman's archives are ones) starts with a "From "
	 * line; anything else is read as one message. */
	while (got < sizeof(head) &&
	       (n = g_mime_stream_read(r->stream, head + got,
	                               sizeof(head) - got)) > 0)
		got += (size_t)n; /* a filter gives what it has decoded */
	r->mbox = got == sizeof(head) && !memcmp(head, "From ", 5);
	if (g_mime_stream_reset(r->stream) < 0) {
		reader_end_file(r);
		return gv__error_set(GV_ERRCLASS_OS, GV_ERROR,
		                     "cannot read %s again from its start",
		                     r->mem ? "the input"
		                            : r->files[r->next - 1]);
	}
	r->parser = g_mime_parser_new_with_stream(r->stream);
	g_mime_parser_set_format(r->parser, r->mbox ? GMIME_FORMAT_MBOX
	                                            : GMIME_FORMAT_MESSAGE);
	r->count = 0;
	r->truncated = 0;
	return 0;
}

/* ---- A message as plain C ---- */

static char *
mail_utf8(const char *s)
{
	return s ? gv_utf8_repair(s, strlen(s)) : NULL;
}

/* The first mailbox of list: its address and name (both owned). */
static void
mail_mailbox(char **addr, char **name, InternetAddressList *list)
{
	InternetAddress *a;

	*addr = NULL;
	if (name)
		*name = NULL;
	if (!list || internet_address_list_length(list) < 1)
		return;
	a = internet_address_list_get_address(list, 0);
	if (INTERNET_ADDRESS_IS_GROUP(a)) {
		list = internet_address_group_get_members(
		        INTERNET_ADDRESS_GROUP(a));
		if (internet_address_list_length(list) < 1)
			return;
		a = internet_address_list_get_address(list, 0);
	}
	if (!INTERNET_ADDRESS_IS_MAILBOX(a))
		return;
	*addr = mail_utf8(
	        internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)));
	if (name)
		*name = mail_utf8(internet_address_get_name(a));
}

/*
 * Mailman's archives write "From: user at example.org (User Name)": the
 * address with its '@' spelled out, which no parser reads as one. The
 * first " at " between two words becomes '@' again. Caller frees.
 */
static char *
mail_unmunge(const char *from)
{
	const char *at = strstr(from, " at ");

	if (!at || at == from || at[-1] == ' ' || !at[4] || at[4] == ' ')
		return NULL;
	return gv__xsprintf("%.*s@%s", (int)(at - from), from, at + 4);
}

static void
mail_from(struct gv__mail *m, GMimeMessage *msg)
{
	const char *raw;
	char *fixed;
	InternetAddressList *list;

	mail_mailbox(&m->from, &m->from_name, g_mime_message_get_from(msg));
	if (m->from && strchr(m->from, '@'))
		return;
	raw = g_mime_object_get_header(GMIME_OBJECT(msg), "From");
	if (!raw || !(fixed = mail_unmunge(raw)))
		return;
	if ((list = internet_address_list_parse(NULL, fixed))) {
		free(m->from);
		free(m->from_name);
		mail_mailbox(&m->from, &m->from_name, list);
		g_object_unref(list);
	}
	free(fixed);
}

static void
mail_refs(struct gv__mail *m, GMimeMessage *msg, const char *header,
          size_t *alloc)
{
	const char *raw = g_mime_object_get_header(GMIME_OBJECT(msg), header);
	GMimeReferences *refs;

	if (!raw || !(refs = g_mime_references_parse(NULL, raw)))
		return;
	for (int i = 0; i < g_mime_references_length(refs); i++) {
		m->refs = gv__grow(m->refs, alloc, m->nrefs, sizeof(*m->refs));
		m->refs[m->nrefs++] =
		        mail_utf8(g_mime_references_get_message_id(refs, i));
	}
	g_mime_references_free(refs);
}

/*
 * The host named after "by" in a Received header's value (RFC 5321
 * 4.4: "from A (comment) by B (comment) with ... ; date"), outside the
 * comments, where "by" may be any word; or NULL. Owned.
 */
static char *
hop_by(const char *v)
{
	const char *p, *end;
	int depth = 0;

	for (p = v; *p && *p != ';'; p++) {
		if (*p == '(' || *p == ')') {
			depth += *p == '(' ? 1 : depth ? -1 : 0;
			continue;
		}
		if (depth || g_ascii_strncasecmp(p, "by", 2) ||
		    (p > v && !g_ascii_isspace(p[-1])) ||
		    !g_ascii_isspace(p[2]))
			continue;
		for (p += 2; g_ascii_isspace(*p); p++)
			;
		end = p + strcspn(p, " \t\r\n;()");
		return end > p ? gv__xsprintf("%.*s", (int)(end - p), p) : NULL;
	}
	return NULL;
}

/* The Received headers, the last added (the top one) first. */
static void
mail_hops(struct gv__mail *m, GMimeMessage *msg)
{
	GMimeHeaderList *list =
	        g_mime_object_get_header_list(GMIME_OBJECT(msg));
	int n = list ? g_mime_header_list_get_count(list) : 0;
	size_t alloc = 0;

	for (int i = 0; i < n; i++) {
		GMimeHeader *h = g_mime_header_list_get_header_at(list, i);
		const char *v = g_mime_header_get_value(h), *semi;
		struct gv__mail_hop *hop;
		GDateTime *when;
		char *by;

		if (g_ascii_strcasecmp(g_mime_header_get_name(h), "Received") ||
		    !v)
			continue;
		m->hops = gv__grow(m->hops, &alloc, m->nhops, sizeof(*m->hops));
		hop = &m->hops[m->nhops++];
		by = hop_by(v);
		hop->by = mail_utf8(by);
		free(by);
		hop->at = -1;
		if ((semi = strrchr(v, ';')) &&
		    (when = g_mime_utils_header_decode_date(semi + 1))) {
			hop->at = (int64_t)g_date_time_to_unix(when);
			g_date_time_unref(when);
		}
	}
}

static void mail_text(struct gv_buf *out, GMimeObject *part, int depth,
                      int mbox);

/* An attached message, as a forwarded block the way mailers write one
 * inline: the quote rules above read both alike. */
static void
mail_forwarded(struct gv_buf *out, GMimeMessage *msg, int depth, int mbox)
{
	const char *subject;
	char *from = NULL;
	GMimeObject *body;

	if (!msg)
		return;
	mail_mailbox(&from, NULL, g_mime_message_get_from(msg));
	subject = g_mime_message_get_subject(msg);
	gv__buf_printf(out,
	               "\n---------- Forwarded message ---------\n"
	               "From: %s\nSubject: %s\n\n",
	               from ? from : "", subject ? subject : "");
	free(from);
	if ((body = g_mime_message_get_mime_part(msg)))
		mail_text(out, body, depth + 1, mbox);
}

/*
 * An mbox writer puts a '>' before each body line that begins "From ",
 * which would read as the next message's start, and (mboxrd) before one
 * that begins ">From " already: such a line loses one '>' here, so that
 * "From Sectigo: we vote yes" is the sender's line again, not a quote.
 * (An mboxo writer, such as Mailman's archiver and Python's mailbox,
 * leaves a line the member wrote as ">From " as it was, so that one loses
 * its '>' too; mailers quote with "> ".) A base64 part's lines were not
 * the message's own, and were not touched.
 */
static void
mbox_unescape(char *text)
{
	const char *r = text, *q;
	char *w = text;
	int line_start = 1;

	while (*r) {
		if (line_start && *r == '>') {
			for (q = r; *q == '>'; q++)
				;
			if (!strncmp(q, "From ", 5))
				r++;
		}
		line_start = *r == '\n';
		*w++ = *r++;
	}
	*w = '\0';
}

static void
mail_text_part(struct gv_buf *out, GMimeTextPart *part, int mbox)
{
	GMimeContentType *ct =
	        g_mime_object_get_content_type(GMIME_OBJECT(part));
	char *raw = g_mime_text_part_get_text(part), *text;

	if (!raw)
		return;
	if (mbox && g_mime_part_get_content_encoding(GMIME_PART(part)) !=
	                    GMIME_CONTENT_ENCODING_BASE64)
		mbox_unescape(raw);
	text = g_mime_content_type_is_type(ct, "text", "html")
	               ? gv__html_text(raw, strlen(raw))
	               : gv_utf8_repair(raw, strlen(raw));
	g_free(raw);
	if (out->size && out->ptr[out->size - 1] != '\n')
		gv__buf_putc(out, '\n');
	gv__buf_puts(out, text);
	free(text);
}

/* Of a multipart/alternative, the part a plain-text reader shows:
 * text/plain, else a part that holds one, else HTML. */
static GMimeObject *
mail_alternative(GMimeMultipart *mp)
{
	GMimeObject *best = NULL;
	int best_rank = 0;

	for (int i = 0; i < g_mime_multipart_get_count(mp); i++) {
		GMimeObject *p = g_mime_multipart_get_part(mp, i);
		GMimeContentType *ct = g_mime_object_get_content_type(p);
		int rank = g_mime_content_type_is_type(ct, "text", "plain") ? 3
		           : GMIME_IS_MULTIPART(p)                          ? 2
		           : g_mime_content_type_is_type(ct, "text", "html")
		                   ? 1
		                   : 0;

		if (rank > best_rank) {
			best = p;
			best_rank = rank;
		}
	}
	return best;
}

static void
mail_text(struct gv_buf *out, GMimeObject *part, int depth, int mbox)
{
	GMimeContentType *ct = g_mime_object_get_content_type(part);

	if (depth > 16)
		return;
	if (GMIME_IS_MULTIPART(part)) {
		GMimeMultipart *mp = GMIME_MULTIPART(part);

		if (GMIME_IS_MULTIPART_ENCRYPTED(part))
			return;
		if (GMIME_IS_MULTIPART_SIGNED(part) ||
		    g_mime_content_type_is_type(ct, "multipart",
		                                "alternative")) {
			/* The signed content; a signature is not text. */
			GMimeObject *p =
			        GMIME_IS_MULTIPART_SIGNED(part)
			                ? g_mime_multipart_get_part(mp, 0)
			                : mail_alternative(mp);

			if (p)
				mail_text(out, p, depth + 1, mbox);
			return;
		}
		for (int i = 0; i < g_mime_multipart_get_count(mp); i++)
			mail_text(out, g_mime_multipart_get_part(mp, i),
			          depth + 1, mbox);
	} else if (GMIME_IS_MESSAGE_PART(part)) {
		mail_forwarded(out,
		               g_mime_message_part_get_message(
		                       GMIME_MESSAGE_PART(part)),
		               depth, mbox);
	} else if (GMIME_IS_TEXT_PART(part) &&
	           !g_mime_part_is_attachment(GMIME_PART(part)) &&
	           (g_mime_content_type_is_type(ct, "text", "plain") ||
	            g_mime_content_type_is_type(ct, "text", "html"))) {
		mail_text_part(out, GMIME_TEXT_PART(part), mbox);
	}
}

/* m from msg, read from an mbox when mbox is set. */
static void
mail_fill(struct gv__mail *m, GMimeMessage *msg, int mbox)
{
	struct gv_buf text = GV_BUF_INIT;
	GDateTime *date = g_mime_message_get_date(msg);
	GMimeObject *body = g_mime_message_get_mime_part(msg);
	size_t alloc = 0;

	memset(m, 0, sizeof(*m));
	m->id = mail_utf8(g_mime_message_get_message_id(msg));
	m->date = date ? (int64_t)g_date_time_to_unix(date) : -1;
	m->subject = mail_utf8(g_mime_message_get_subject(msg));
	mail_from(m, msg);
	mail_mailbox(&m->reply_to, NULL, g_mime_message_get_reply_to(msg));
	mail_refs(m, msg, "In-Reply-To", &alloc);
	mail_refs(m, msg, "References", &alloc);
	mail_hops(m, msg);
	if (body)
		mail_text(&text, body, 0, mbox);
	m->text = gv__buf_detach(&text);
}

/* ---- The reader ---- */

static struct gv__mail_reader *
reader_new(void)
{
	struct gv__mail_reader *r = gv__xcalloc(1, sizeof(*r));

	gv__gmime_init();
	r->options = g_mime_parser_options_new();
	g_mime_parser_options_set_warning_callback(r->options, reader_warning,
	                                           r);
	return r;
}

int
gv__gmime_open(struct gv__mail_reader **out, const char *path)
{
	struct gv__mail_reader *r = reader_new();
	int error;

	*out = NULL;
	if ((error = reader_add_path(r, path)) < 0) {
		gv__gmime_close(r);
		return error;
	}
	*out = r;
	return 0;
}

void
gv__gmime_open_mem(struct gv__mail_reader **out, const void *data, size_t len)
{
	struct gv__mail_reader *r = reader_new();

	r->mem = gv__xmalloc(len ? len : 1);
	if (len)
		memcpy(r->mem, data, len);
	r->memlen = len;
	r->nfiles = 1;
	*out = r;
}

/* The stream ended inside a message: the file was cut short. */
static int
reader_cut_short(struct gv__mail_reader *r)
{
	int error = gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
	                          "%s ends inside its message %zu: the file "
	                          "was cut short (copy it again)",
	                          r->file, r->count + 1);

	reader_end_file(r);
	return error;
}

static int
reader_not_mail(struct gv__mail_reader *r, const char *why)
{
	int error = gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
	                          "%s is not mail (%s): give an mbox, a "
	                          "maildir, a Mailman archive or .eml files",
	                          r->file, why);

	reader_end_file(r);
	return error;
}

int
gv__gmime_next(struct gv__mail *m, struct gv__mail_reader *r)
{
	GMimeMessage *msg;
	int error;

	memset(m, 0, sizeof(*m));
	for (;;) {
		if (!r->parser) {
			if (r->next >= r->nfiles)
				return 0;
			if ((error = reader_begin(r)) < 0)
				return error;
		}
		if (r->count > 0 &&
		    (!r->mbox || g_mime_parser_eos(r->parser))) {
			reader_end_file(r);
			continue;
		}
		msg = g_mime_parser_construct_message(r->parser, r->options);
		if (!msg)
			return r->count > 0 || r->truncated
			               ? reader_cut_short(r)
			               : reader_not_mail(r, "it has no message "
			                                    "headers");
		if (r->truncated && g_mime_parser_eos(r->parser)) {
			g_object_unref(msg);
			return reader_cut_short(r);
		}
		if (!r->mbox &&
		    !g_mime_object_get_header(GMIME_OBJECT(msg), "From")) {
			g_object_unref(msg);
			return reader_not_mail(r, "it has no From header");
		}
		r->count++;
		r->truncated = 0;
		mail_fill(m, msg, r->mbox);
		g_object_unref(msg);
		return 1;
	}
}

void
gv__gmime_close(struct gv__mail_reader *r)
{
	if (!r)
		return;
	reader_end_file(r);
	if (r->options)
		g_mime_parser_options_free(r->options);
	for (size_t i = 0; r->files && i < r->nfiles; i++)
		free(r->files[i]);
	free(r->files);
	free(r->mem);
	free(r);
}
