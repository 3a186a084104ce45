/* SPDX-License-Identifier: MIT */
/*
 * This file reads GitHub's issue JSON one issue at a time (issue 21): the
 * top-level arrays' brackets and commas here, each issue by jansson
 * (json_load_callback with JSON_DISABLE_EOF_CHECK, which parses one value and
 * says how many bytes it took). A file of 50,000 issues is never a tree
 * in memory; only the issue being read is.
 *
 * jansson asks its reader for up to 1,024 bytes at a time and leaves what
 * follows the value unread in the last of them; the buffer here keeps the
 * last bytes handed to it, so reading resumes right after the value.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "issue_internal.h"

/* jansson's own reader asks for this much at most (load.c). */
#define HANDED_MAX 1024

struct gv__issue_stream {
	FILE *f;
	const char *name; /* for messages */
	char buf[1 << 16];
	size_t len, pos; /* bytes in buf; the next one to read or hand */
	int64_t base;    /* the file offset of buf[0] */
	int in_array;    /* inside a top-level array */
	int first;       /* before the array's first element */
	int arrays;      /* top-level arrays begun */
	size_t read;     /* elements read */
};

/* Reads more into the buffer (pos is at its end), keeping the last
 * HANDED_MAX bytes before pos; 0 at the end of the file. */
static size_t
stream_fill(struct gv__issue_stream *s)
{
	size_t from = s->pos > HANDED_MAX ? s->pos - HANDED_MAX : 0, got;

	if (s->len == sizeof(s->buf) || from > sizeof(s->buf) / 2) {
		memmove(s->buf, s->buf + from, s->len - from);
		s->base += (int64_t)from;
		s->len -= from;
		s->pos -= from;
	}
	got = fread(s->buf + s->len, 1, sizeof(s->buf) - s->len, s->f);
	s->len += got;
	return got;
}

/* The next byte, or EOF; not consumed. */
static int
stream_peek(struct gv__issue_stream *s)
{
	if (s->pos == s->len && !stream_fill(s))
		return EOF;
	return (unsigned char)s->buf[s->pos];
}

static int
stream_skip_space(struct gv__issue_stream *s)
{
	int c;

	while ((c = stream_peek(s)) == ' ' || c == '\t' || c == '\r' ||
	       c == '\n')
		s->pos++;
	return c;
}

/* jansson's reader: the buffer from pos on. */
static size_t
stream_hand(void *buffer, size_t want, void *ctx)
{
	struct gv__issue_stream *s = ctx;
	size_t n;

	if (s->pos == s->len && !stream_fill(s))
		return ferror(s->f) ? (size_t)-1 : 0;
	n = s->len - s->pos;
	if (n > want)
		n = want;
	memcpy(buffer, s->buf + s->pos, n);
	s->pos += n;
	return n;
}

/* Where offset is in the file, as jansson counts lines and columns from
 * 1; read again from the start (only for a message). */
static void
stream_where(struct gv__issue_stream *s, int64_t offset, int *line,
             int64_t *line_start)
{
	int64_t at = 0;
	int c;

	*line = 1;
	*line_start = 0;
	if (fseek(s->f, 0, SEEK_SET) != 0)
		return;
	while (at < offset && (c = getc(s->f)) != EOF)
		if (at++, c == '\n') {
			++*line;
			*line_start = at;
		}
}

/* A JSON error at line:col of the value that began at start. */
static int
stream_json_error(struct gv__issue_stream *s, int64_t start,
                  const json_error_t *e)
{
	int64_t line_start;
	int line, col;

	stream_where(s, start, &line, &line_start);
	col = e->line == 1 ? e->column + (int)(start - line_start) : e->column;
	/* jansson's own words name its option. */
	return gv__error_set(
	        GV_ERRCLASS_ISSUE, GV_EINVALID,
	        "%s:%d:%d: %s: fix the JSON; nothing was imported", s->name,
	        line + e->line - 1, col,
	        json_error_code(e) == json_error_null_character
	                ? "a text holds \\u0000 (a NUL character), which no "
	                  "title or text may hold"
	                : e->text);
}

/* An error of the arrays' own punctuation, at the next byte. */
static int
stream_error(struct gv__issue_stream *s, const char *what)
{
	int64_t at = s->base + (int64_t)s->pos, line_start;
	int line;

	stream_where(s, at, &line, &line_start);
	return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
	                     "%s:%d:%d: %s: fix the JSON; nothing was "
	                     "imported",
	                     s->name, line, (int)(at - line_start) + 1, what);
}

/* One JSON value from the next byte on. */
static int
stream_value(json_t **out, struct gv__issue_stream *s, size_t flags)
{
	int64_t start = s->base + (int64_t)s->pos;
	json_error_t e;

	*out = json_load_callback(stream_hand, s,
	                          flags | JSON_DISABLE_EOF_CHECK, &e);
	if (!*out)
		return stream_json_error(s, start, &e);
	/* Back to the first byte jansson left unread. */
	s->pos = (size_t)(start + e.position - s->base);
	return 0;
}

/* What stands where an array of issues belongs. */
static int
stream_not_array(struct gv__issue_stream *s)
{
	const char *msg;
	json_t *v;
	int error;

	/* jansson says what is wrong with what is not JSON. */
	if ((error = stream_value(&v, s, 0)) < 0)
		return error;
	msg = json_string_value(json_object_get(v, "message"));
	if (msg)
		error = gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                      "%s is an error from GitHub, not "
		                      "issues: \"%s\"",
		                      s->name, msg);
	else
		error = gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                      "%s holds a JSON object where an array "
		                      "of issues belongs: give the output of "
		                      "'gh issue list --json ...' or of the "
		                      "/issues API",
		                      s->name);
	json_decref(v);
	return error;
}

int
gv__issue_stream_next(json_t **item, struct gv__issue_stream *s, size_t *bytes)
{
	int64_t start;
	int c, error;

	*item = NULL;
	for (;;) {
		c = stream_skip_space(s);
		if (!s->in_array) {
			if (c == EOF && s->arrays)
				return ferror(s->f)
				               ? stream_error(s, strerror(EIO))
				               : 0;
			if (c != '[')
				return stream_not_array(s);
			s->pos++;
			s->in_array = s->first = 1;
			s->arrays++;
			continue;
		}
		if (c == ']') {
			s->pos++;
			s->in_array = 0;
			continue;
		}
		if (c == EOF)
			return stream_error(s, "the file ends inside the list "
			                       "of issues");
		if (!s->first && c != ',')
			return stream_error(s, "',' or ']' expected after an "
			                       "issue");
		if (!s->first) {
			s->pos++;
			if (stream_skip_space(s) == ']')
				return stream_error(s, "an issue expected "
				                       "after ','");
		}
		break;
	}
	start = s->base + (int64_t)s->pos;
	if ((error = stream_value(item, s, JSON_DECODE_ANY)) < 0)
		return error;
	s->first = 0;
	s->read++;
	if (bytes)
		*bytes = (size_t)(s->base + (int64_t)s->pos - start);
	return 1;
}

struct gv__issue_stream *
gv__issue_stream_open(FILE *f, const char *name)
{
	struct gv__issue_stream *s = gv__xcalloc(1, sizeof(*s));

	s->f = f;
	s->name = name;
	return s;
}

int
gv__issue_stream_rewind(struct gv__issue_stream *s)
{
	FILE *f = s->f;
	const char *name = s->name;

	memset(s, 0, sizeof(*s));
	s->f = f;
	s->name = name;
	if (fseek(f, 0, SEEK_SET) != 0)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_ERROR,
		                     "cannot read %s again: %s", name,
		                     strerror(errno));
	return 0;
}

void
gv__issue_stream_free(struct gv__issue_stream *s)
{
	free(s);
}
