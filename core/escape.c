/* SPDX-License-Identifier: MIT */
/*
 * This file implements the escaping of template values for each output
 * format. Markdown escaping backslash-escapes the characters CommonMark
 * (and GitHub's table, strikethrough and autolink extensions) give meaning
 * to, so a value such as "*SMC010* <script>" stays text and cannot change
 * the document's structure.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/text.h"
#include "internal.h"
#include "mustache.h"

static void
escape_html(struct gv_buf *b, const char *s, size_t n)
{
	size_t i, from = 0;
	const char *with;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			with = "&amp;";
			break;
		case '<':
			with = "&lt;";
			break;
		case '>':
			with = "&gt;";
			break;
		case '"':
			with = "&quot;";
			break;
		case '\'':
			with = "&#39;";
			break;
		default:
			continue;
		}
		gv__buf_put(b, s + from, i - from);
		gv__buf_puts(b, with);
		from = i + 1;
	}
	gv__buf_put(b, s + from, n - from);
}

/*
 * Anywhere in a line these start emphasis, code, links, raw HTML, entities,
 * strikethrough or table cells; at the start of a value (which may be the
 * start of a line) '#', '+', '-', '=' and "1." or "1)" start headings,
 * lists and setext underlines. Line breaks become spaces, so a value never
 * starts a new block.
 */
static void
escape_markdown(struct gv_buf *b, const char *s, size_t n)
{
	size_t i, digits = 0;
	int at_start = 1;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '\n' || c == '\r' || c == '\t') {
			gv__buf_putc(b, ' ');
			continue;
		}
		if ((c && strchr("\\`*_[]<>&~|", c)) ||
		    (at_start && !digits && strchr("#+-=", c)) ||
		    (at_start && digits && (c == '.' || c == ')')))
			gv__buf_putc(b, '\\');
		gv__buf_putc(b, c);
		if (at_start && isdigit((unsigned char)c))
			digits++;
		else if (!(at_start && c == ' ' && !digits))
			at_start = 0;
	}
}

void
gv__escape(struct gv_buf *b, const char *s, size_t n, enum gv_escape mode)
{
	switch (mode) {
	case GV_ESCAPE_HTML:
		escape_html(b, s, n);
		break;
	case GV_ESCAPE_MARKDOWN:
		escape_markdown(b, s, n);
		break;
	case GV_ESCAPE_NONE:
		gv__buf_put(b, s, n);
		break;
	}
}

void
gv__escape_text(struct gv_buf *b, const char *s, enum gv_escape mode)
{
	char *clean;

	if (!s)
		return;
	clean = gv_text_sanitize(s, 0);
	gv__escape(b, clean, strlen(clean), mode);
	free(clean);
}
