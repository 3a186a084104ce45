/* SPDX-License-Identifier: MIT */
/*
 * This file implements the parser of published minutes: the YAML front
 * matter of a cabforum.org Hugo post, then the body, meeting day and
 * subcommittee its tags and title give, and the attendee list and the
 * minute-taker found in its Markdown.
 */
#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gavel/error.h"
#include "gavel/text.h"
#include "internal.h"
#include "minutes_parse.h"
#include "minutes_scan.h"

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/*
 * Front matter.
 */

static int
fm_error(struct minutes_scan *p, size_t i, const char *what)
{
	return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
	                     "%s: front matter line %zu: %s", p->file, i + 1,
	                     what);
}

/* "---" alone on its line (trailing white space allowed). */
static int
is_fence(const char *s)
{
	return !strncmp(s, "---", 3) && !*gv__ms_skip_space(s + 3);
}

static char *
trimmed(const char *s, size_t n)
{
	size_t k;

	while (n && (k = gv__ms_space_at(s)) && k <= n)
		s += k, n -= k;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n >= 2 && !strncmp(s + n - 2, "\xC2\xA0", 2))
		n -= 2;
	return gv__xstrndup(s, n);
}

/*
 * Appends the character the escape at s (after its backslash) stands for
 * in a double-quoted YAML scalar (YAML 1.2, 5.7): \uXXXX, \UXXXXXXXX and
 * \xXX as UTF-8, \" \\ \/ as themselves, \_ (no-break) and a line end or
 * another control (\n, \t, \e, \0, ...) as a space: a front matter value
 * is one line. An escape YAML does not know is kept as written. Returns
 * the escape's last byte.
 */
static const char *
fm_escape(struct gv_buf *b, const char *s)
{
	static const struct {
		char c;
		int digits;
	} hex[] = {{'x', 2}, {'u', 4}, {'U', 8}};
	char u[4];

	for (size_t k = 0; k < sizeof(hex) / sizeof(hex[0]); k++) {
		uint32_t cp = 0;
		int n = 0;

		if (*s != hex[k].c)
			continue;
		for (; n < hex[k].digits && isxdigit((unsigned char)s[n + 1]);
		     n++)
			cp = cp * 16 +
			     (uint32_t)(isdigit((unsigned char)s[n + 1])
			                        ? s[n + 1] - '0'
			                        : (s[n + 1] | 0x20) - 'a' + 10);
		if (n < hex[k].digits)
			break;
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			cp = ' ';
		gv__buf_put(b, u, gv__utf8_encode(u, cp));
		return s + n;
	}
	if (strchr("\"\\/", *s))
		gv__buf_putc(b, *s);
	else if (strchr("0abtnvfre _NLP\t", *s))
		gv__buf_putc(b, ' ');
	else {
		gv__buf_putc(b, '\\');
		gv__buf_putc(b, *s);
	}
	return s;
}

/* A plain, "double" or 'single' quoted YAML scalar, unquoted and trimmed. */
static int
fm_value(char **out, struct minutes_scan *p, size_t i, const char *s)
{
	struct gv_buf b = GV_BUF_INIT;
	const char *end;
	char q = *s, c, *v;

	if (q != '"' && q != '\'') {
		/* " #" starts a comment in a plain scalar */
		for (end = s; *end; end++)
			if (*end == '#' && end > s &&
			    (end[-1] == ' ' || end[-1] == '\t'))
				break;
		*out = trimmed(s, (size_t)(end - s));
		return 0;
	}
	for (s++; *s; s++) {
		c = *s;
		if (c == q && !(q == '\'' && s[1] == '\''))
			break;
		if (c == q) { /* '' in single quotes */
			s++;
		} else if (q == '"' && c == '\\' && s[1]) {
			s = fm_escape(&b, s + 1);
			continue;
		}
		gv__buf_putc(&b, c);
	}
	if (*s != q) {
		gv__buf_dispose(&b);
		return fm_error(p, i, "the quoted value has no closing quote");
	}
	v = gv__buf_detach(&b);
	*out = trimmed(v, strlen(v));
	free(v);
	return 0;
}

/* The string field of the current key, or NULL for lists and others. */
static char **
fm_field(struct minutes_scan *p)
{
	struct gv_minutes_doc *d = p->doc;

	switch (p->key) {
	case KEY_TITLE:
		return &d->title;
	case KEY_AUTHOR:
		return &d->author;
	case KEY_SLUG:
		return &d->slug;
	case KEY_DATE:
		return &d->date;
	default:
		return NULL;
	}
}

/* Adds an item to the tags or aliases; takes value. */
static void
fm_add(struct minutes_scan *p, char *value)
{
	struct gv_minutes_doc *d = p->doc;

	if (!value || !*value ||
	    (p->key != KEY_TAGS && p->key != KEY_ALIASES)) {
		free(value);
	} else if (p->key == KEY_TAGS) {
		d->tags = gv__grow(d->tags, &p->tags_alloc, d->ntags,
		                   sizeof(*d->tags));
		d->tags[d->ntags++] = value;
	} else {
		d->aliases = gv__grow(d->aliases, &p->aliases_alloc,
		                      d->naliases, sizeof(*d->aliases));
		d->aliases[d->naliases++] = value;
	}
}

/* A flow list, "tags: [Minutes, S/MIME]". */
static int
fm_flow(struct minutes_scan *p, size_t i, const char *s)
{
	const char *end = strrchr(s, ']'), *comma;
	char *item, *value;
	int error;

	if (!end)
		return fm_error(p, i, "the list has no closing \"]\"");
	for (s++; s < end; s = comma + 1) {
		if (!(comma = memchr(s, ',', (size_t)(end - s))))
			comma = end;
		item = gv__xstrndup(s, (size_t)(comma - s));
		error = fm_value(&value, p, i, gv__ms_skip_space(item));
		free(item);
		if (error < 0)
			return error;
		fm_add(p, value);
	}
	return 0;
}

/* "key: value", at the start of the line. */
static int
fm_key(struct minutes_scan *p, size_t i, const char *s)
{
	static const struct {
		const char *name;
		enum fm_key key;
	} keys[] = {
	        {"title", KEY_TITLE}, {"author", KEY_AUTHOR},
	        {"slug", KEY_SLUG},   {"date", KEY_DATE},
	        {"tags", KEY_TAGS},   {"aliases", KEY_ALIASES},
	};
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
	                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.");
	char *value = NULL, **field;
	int error;

	if (!n || s[n] != ':' || (s[n + 1] && !gv__ms_space_at(s + n + 1)))
		return fm_error(p, i, "expected \"key: value\"");
	p->key = KEY_OTHER;
	for (size_t k = 0; k < NARRAY(keys); k++)
		if (strlen(keys[k].name) == n &&
		    !strncasecmp(s, keys[k].name, n))
			p->key = keys[k].key;
	s = gv__ms_skip_space(s + n + 1);
	/* "|" or ">": a block scalar, its text on the indented lines below */
	if ((*s == '|' || *s == '>') &&
	    !*gv__ms_skip_space(s + strspn(s, "|>+-")))
		s = "";
	p->key_scalar = *s && *s != '#';
	if (*s == '[' && (p->key == KEY_TAGS || p->key == KEY_ALIASES))
		return fm_flow(p, i, s);
	if ((error = fm_value(&value, p, i, s)) < 0)
		return error;
	if ((field = fm_field(p))) {
		free(*field);
		*field = value; /* "author:" with no value is no author */
		if (!*value) {
			free(value);
			*field = NULL;
		}
	} else {
		fm_add(p, value); /* "tags: Minutes" is a list of one */
	}
	return 0;
}

/* An indented line that is not a list item: more of the key above. */
static int
fm_more(struct minutes_scan *p, size_t i, const char *s)
{
	char **field = fm_field(p), *joined;

	if (p->key == KEY_NONE || p->key == KEY_TAGS || p->key == KEY_ALIASES)
		return fm_error(p, i, "expected \"key: value\"");
	if (!field)
		return 0; /* nested under an unknown key */
	/* a folded plain or block scalar: its lines join with spaces */
	joined = gv__xsprintf("%s%s%s", *field ? *field : "",
	                      *field && **field ? " " : "", s);
	free(*field);
	*field = trimmed(joined, strlen(joined));
	free(joined);
	return 0;
}

static int
fm_line(struct minutes_scan *p, size_t i)
{
	const char *s = p->line[i], *t = gv__ms_skip_space(s);
	char *value = NULL;
	int error;

	if (!*t || *t == '#')
		return 0;
	if (*t != '-' || (t[1] && !gv__ms_space_at(t + 1)))
		return t != s ? fm_more(p, i, t) : fm_key(p, i, s);
	if (p->key == KEY_NONE || p->key_scalar)
		return fm_error(p, i, "expected \"key: value\"");
	if ((error = fm_value(&value, p, i, gv__ms_skip_space(t + 1))) < 0)
		return error;
	fm_add(p, value);
	return 0;
}

static int
fm_parse(struct minutes_scan *p)
{
	size_t i, end;
	int error;

	if (!is_fence(p->line[0]))
		return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                     "%s: no front matter (a post starts with "
		                     "a \"---\" line)",
		                     p->file);
	/* Find the end first: a missing one would otherwise be reported as
	 * a bad line somewhere in the Markdown. */
	for (end = 1; end < p->nlines && !is_fence(p->line[end]); end++)
		;
	if (end == p->nlines)
		return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                     "%s: the front matter has no closing "
		                     "\"---\" line",
		                     p->file);
	for (i = 1; i < end; i++)
		if ((error = fm_line(p, i)) < 0)
			return error;
	p->text_line = end + 1;
	return 0;
}

/*
 * What the tags and the title say.
 */

static int
body_from_tags(struct minutes_scan *p)
{
	static const struct {
		const char *tag, *code;
	} bodies[] = {
	        {"Forum", "FORUM"},
	        {"Server Certificates", "SCWG"},
	        {"S/MIME", "SMCWG"},
	        {"Code Signing", "CSCWG"},
	        {"Network Security", "NETSEC"},
	};
	struct gv_minutes_doc *d = p->doc;
	int minutes = 0, others = 0;
	size_t i, k;

	for (i = 0; i < d->ntags; i++) {
		for (k = 0; k < NARRAY(bodies); k++)
			if (!strcasecmp(d->tags[i], bodies[k].tag))
				break;
		if (!strcasecmp(d->tags[i], "Face-to-Face"))
			d->f2f = 1;
		else if (!strcasecmp(d->tags[i], "Minutes"))
			minutes = 1;
		else if (k == NARRAY(bodies))
			others = 1;
		if (k == NARRAY(bodies))
			continue;
		if (!d->body_code) {
			d->body_code = bodies[k].code;
			d->body_tag = bodies[k].tag;
		} else if (strcmp(d->body_code, bodies[k].code)) {
			gv__ms_warn(p,
			            "the tags name two bodies, %s and %s (the "
			            "first "
			            "is used)",
			            d->body_tag, bodies[k].tag);
		}
	}
	/* Before the working groups (2018) minutes were tagged "Minutes"
	 * alone, sometimes with "Face-to-Face": those are the Forum's. */
	if (!d->body_code && minutes && !others) {
		d->body_code = "FORUM";
		d->body_tag = "Minutes";
	}
	if (!d->body_code)
		return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                     "%s: no tag names a body (Forum, Server "
		                     "Certificates, S/MIME, Code Signing, "
		                     "Network Security)",
		                     p->file);
	return 0;
}

static int
has_digit(const char *s, const char *end)
{
	for (; s < end; s++)
		if (is_digit(*s))
			return 1;
	return 0;
}

/* Where the title names a subcommittee: "Subcommittee" or a word "SC". */
static const char *
sc_keyword(const char *t, size_t *n)
{
	const char *s;

	for (s = t; *s; s++) {
		if (s > t && s[-1] != ' ' && s[-1] != '(' && s[-1] != '-')
			continue;
		*n = 12;
		if (!strncasecmp(s, "subcommittee", 12))
			return s;
		*n = 13;
		if (!strncasecmp(s, "sub-committee", 13))
			return s;
		*n = 2;
		if (!strncmp(s, "SC", 2) && (!s[2] || strchr(" ),:;", s[2])))
			return s;
	}
	return NULL;
}

/* "... - Validation SC" gives "Validation SC": the capitalised words
 * before the keyword, up to a dash, a lower-case word or a number. */
static void
title_subcommittee(struct minutes_scan *p)
{
	struct gv_minutes_doc *d = p->doc;
	const char *t = d->title, *k, *start, *ws, *we;
	size_t n, words = 0;

	if (!t || !(k = sc_keyword(t, &n)))
		return;
	start = k;
	while (words < 4) {
		for (we = start; we > t && we[-1] == ' '; we--)
			;
		for (ws = we; ws > t && ws[-1] != ' ' && ws[-1] != '('; ws--)
			;
		if (ws == we || !gv__ms_upper_start(ws) || has_digit(ws, we) ||
		    !strncasecmp(ws, "Minutes", 7) ||
		    !strncasecmp(ws, "Meeting", 7))
			break;
		start = ws;
		words++;
	}
	d->subcommittee = gv__ms_squeeze(start, (size_t)(k + n - start));
}

static void
f2f_find(struct minutes_scan *p)
{
	const char *t = p->doc->title;

	if (t &&
	    (gv__ms_find_ci(t, "F2F") || gv__ms_find_ci(t, "face-to-face") ||
	     gv__ms_find_ci(t, "face to face")))
		p->doc->f2f = 1;
}
/*
 * The whole post.
 */

static void
strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int
input_check(struct minutes_scan *p, const char *data, size_t len)
{
	size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;

	if (memchr(data, '\0', len) || !gv_utf8_valid(data, len))
		return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                     "%s: not UTF-8 text (save the file as "
		                     "UTF-8)",
		                     p->file);
	while (i < len && strchr(" \t\r\n", data[i]))
		i++;
	if (i == len)
		return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
		                     "%s: the file is empty", p->file);
	return 0;
}

/* Copies the file without a byte order mark, CRLF and CR made LF, and
 * splits the copy into lines (p->work, p->line). Returns the copy. */
static char *
lines_split(struct minutes_scan *p, const char *data, size_t len)
{
	char *norm = gv__xmalloc(len + 1);
	size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
	size_t n = 0, alloc = 0;

	for (; i < len; i++) {
		norm[n++] = data[i] == '\r' ? '\n' : data[i];
		if (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n')
			i++;
	}
	norm[n] = '\0';
	p->work = gv__xstrndup(norm, n);
	p->line = gv__grow(NULL, &alloc, 0, sizeof(*p->line));
	p->line[p->nlines++] = p->work;
	for (i = 0; i < n; i++) {
		if (p->work[i] != '\n')
			continue;
		p->work[i] = '\0';
		p->line =
		        gv__grow(p->line, &alloc, p->nlines, sizeof(*p->line));
		p->line[p->nlines++] = p->work + i + 1;
	}
	return norm;
}

int
gv__minutes_parse(struct gv_minutes_doc **out, const char *file_name,
                  const char *data, size_t len)
{
	struct minutes_scan p;
	char *norm = NULL;
	int error;

	assert(out && file_name && (data || !len));
	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.file = file_name;
	if ((error = input_check(&p, data ? data : "", len)) < 0)
		return error;
	p.doc = gv__xcalloc(1, sizeof(*p.doc));
	norm = lines_split(&p, data, len);
	if ((error = fm_parse(&p)) < 0 || (error = body_from_tags(&p)) < 0 ||
	    (error = gv__ms_day_find(&p)) < 0)
		goto out;
	p.doc->text = gv__xstrdup(
	        p.text_line < p.nlines ? norm + (p.line[p.text_line] - p.work)
	                               : "");
	title_subcommittee(&p);
	f2f_find(&p);
	gv__ms_attendees_find(&p);
	gv__ms_taker_find(&p);
	*out = p.doc;
	p.doc = NULL;
out:
	gv__minutes_doc_free(p.doc);
	strings_free(p.att_keys, p.nkeys);
	free(p.line);
	free(p.work);
	free(norm);
	return error;
}

void
gv__minutes_doc_free(struct gv_minutes_doc *doc)
{
	if (!doc)
		return;
	free(doc->title);
	free(doc->author);
	free(doc->slug);
	free(doc->date);
	strings_free(doc->tags, doc->ntags);
	strings_free(doc->aliases, doc->naliases);
	free(doc->subcommittee);
	for (size_t i = 0; i < doc->nattendees; i++) {
		free(doc->attendees[i].name);
		free(doc->attendees[i].org);
	}
	free(doc->attendees);
	free(doc->minute_taker);
	free(doc->text);
	strings_free(doc->warnings, doc->nwarnings);
	free(doc);
}
