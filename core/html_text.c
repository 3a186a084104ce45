/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading an HTML mail part as text. Many members'
 * mailers send HTML only ("VikingCloud votes “Yes” for ballot FORUM-019
 * v2" in an Outlook <p class=MsoNormal>), and a vote is read from what
 * the reader sees: the words, one block a line, with what a <blockquote>
 * holds marked as quoted. Not a renderer: tables become words separated
 * by spaces, images and forms nothing.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_text.h"
#include "internal.h"
#include "gavel/text.h"

struct html {
	struct gv_buf out;
	int depth;      /* <blockquote> levels open */
	int pre;        /* <pre> levels open */
	int line_start; /* nothing written on this line yet */
	int space;      /* a space is due before the next word */
};

static void
html_newline(struct html *h)
{
	if (!h->line_start)
		gv__buf_putc(&h->out, '\n');
	h->line_start = 1;
	h->space = 0;
}

/* One character of text (a byte of UTF-8). */
static void
html_char(struct html *h, char c)
{
	if (c == '\n' && h->pre) {
		html_newline(h);
		return;
	}
	if ((c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') &&
	    !h->pre) {
		h->space = !h->line_start;
		return;
	}
	if (h->line_start) {
		for (int i = 0; i < h->depth; i++)
			gv__buf_puts(&h->out, "> ");
		h->line_start = 0;
	} else if (h->space) {
		gv__buf_putc(&h->out, ' ');
	}
	h->space = 0;
	gv__buf_putc(&h->out, c);
}

static void
html_text(struct html *h, const char *s)
{
	for (; *s; s++)
		html_char(h, *s);
}

/* U+cp as UTF-8 text (a replacement character when not a character). */
static void
html_codepoint(struct html *h, unsigned long cp)
{
	char u[5] = {0};

	if (cp == 0 || cp > 0x10FFFF)
		cp = 0xFFFD;
	if (cp == 0xA0) {
		html_char(h, ' '); /* &nbsp; spaces as a space does */
		return;
	}
	gv__utf8_encode(u, (uint32_t)cp);
	html_text(h, u);
}

/* The entities mail writes; others stay as written. */
static const struct {
	const char *name;
	unsigned long cp;
} entities[] = {
        {"amp", '&'},       {"lt", '<'},       {"gt", '>'},
        {"quot", '"'},      {"apos", '\''},    {"nbsp", 0xA0},
        {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"ldquo", 0x201C},
        {"rdquo", 0x201D},  {"ndash", 0x2013}, {"mdash", 0x2014},
        {"hellip", 0x2026}, {"laquo", 0xAB},   {"raquo", 0xBB},
        {"copy", 0xA9},     {"reg", 0xAE},     {"bull", 0x2022},
        {"shy", 0xAD},      {"zwnj", 0x200C},  {"zwj", 0x200D},
};

/* Decodes the entity at s ("&amp;" ...); returns the bytes it took, 0
 * when it is none (the '&' is then text). */
static size_t
html_entity(struct html *h, const char *s, const char *end)
{
	const char *semi =
	        memchr(s, ';', (size_t)(end - s) < 12 ? (size_t)(end - s) : 12);
	size_t n;

	if (!semi)
		return 0;
	n = (size_t)(semi - s - 1);
	if (n > 1 && s[1] == '#') {
		char num[12], *stop;
		unsigned long cp;
		int hex = s[2] == 'x' || s[2] == 'X';

		memcpy(num, s + 2 + hex, n - 1 - hex);
		num[n - 1 - hex] = '\0';
		cp = strtoul(num, &stop, hex ? 16 : 10);
		if (*stop || stop == num)
			return 0;
		html_codepoint(h, cp);
		return n + 2;
	}
	for (size_t i = 0; i < sizeof(entities) / sizeof(entities[0]); i++)
		if (strlen(entities[i].name) == n &&
		    !strncmp(s + 1, entities[i].name, n)) {
			if (entities[i].cp != 0xAD)
				html_codepoint(h, entities[i].cp);
			return n + 2;
		}
	return 0;
}

static int
tag_is(const char *name, size_t n, const char *const *set)
{
	for (; *set; set++)
		if (strlen(*set) == n && !strncasecmp(name, *set, n))
			return 1;
	return 0;
}

/* Tags whose content is not text. */
static const char *const hidden[] = {"head",  "style",    "script",
                                     "title", "template", NULL};
/* Tags that end a line (block-level, and <br>). */
static const char *const blocks[] = {
        "p",      "div",    "br",      "li",   "tr",      "h1",      "h2",
        "h3",     "h4",     "h5",      "h6",   "table",   "ul",      "ol",
        "dl",     "dt",     "dd",      "hr",   "section", "article", "header",
        "footer", "center", "address", "form", "tbody",   "thead",   NULL};

/* Where the element named name (n bytes) that opens before s ends: after
 * its closing tag, or NULL when it has none. */
static const char *
html_close_of(const char *s, const char *end, const char *name, size_t n)
{
	for (const char *p = s; p + n + 2 < end; p++)
		if (p[0] == '<' && p[1] == '/' &&
		    !strncasecmp(p + 2, name, n) && p[2 + n] &&
		    strchr("> \t\r\n", p[2 + n])) {
			const char *gt = memchr(p, '>', (size_t)(end - p));

			return gt ? gt + 1 : end;
		}
	return NULL;
}

/* Reads the tag at s ('<'); returns where the text goes on. */
static const char *
html_tag(struct html *h, const char *s, const char *end)
{
	const char *name, *p, *skip;
	char quote = 0;
	size_t n;
	int closing;

	if (end - s >= 4 && !strncmp(s, "<!--", 4)) {
		for (p = s + 4; p + 3 <= end; p++)
			if (!strncmp(p, "-->", 3))
				return p + 3;
		return end;
	}
	closing = s + 1 < end && s[1] == '/';
	name = s + 1 + closing;
	if (name >= end) {
		html_char(h, '<');
		return s + 1;
	}
	for (n = 0; name + n < end && (strchr("-:", name[n]) ||
	                               (name[n] >= 'a' && name[n] <= 'z') ||
	                               (name[n] >= 'A' && name[n] <= 'Z') ||
	                               (name[n] >= '0' && name[n] <= '9'));
	     n++)
		;
	if (n == 0 && name[0] != '!' && name[0] != '?') {
		html_char(h, '<'); /* "a < b": text */
		return s + 1;
	}
	for (p = name + n; p < end && (quote || *p != '>'); p++)
		if (quote ? *p == quote : (*p == '"' || *p == '\''))
			quote = quote ? 0 : *p;
	p = p < end ? p + 1 : end;
	if (!closing && tag_is(name, n, hidden) &&
	    (skip = html_close_of(p, end, name, n)))
		return skip;
	if (tag_is(name, n, (const char *const[]){"blockquote", NULL})) {
		html_newline(h);
		h->depth += closing ? (h->depth > 0 ? -1 : 0) : 1;
	} else if (tag_is(name, n, (const char *const[]){"pre", NULL})) {
		html_newline(h);
		h->pre += closing ? (h->pre > 0 ? -1 : 0) : 1;
	} else if (tag_is(name, n, blocks)) {
		html_newline(h);
	} else if (tag_is(name, n, (const char *const[]){"td", "th", NULL})) {
		h->space = !h->line_start;
	}
	return p;
}

char *
gv__html_text(const char *html, size_t len)
{
	struct html h = {GV_BUF_INIT, 0, 0, 1, 0};
	const char *s = html, *end = html + len;
	char *text, *fixed;
	size_t taken;

	while (s < end) {
		if (*s == '<') {
			s = html_tag(&h, s, end);
		} else if (*s == '&' && (taken = html_entity(&h, s, end))) {
			s += taken;
		} else {
			html_char(&h, *s == '\0' ? ' ' : *s);
			s++;
		}
	}
	html_newline(&h);
	text = gv__buf_detach(&h.out);
	fixed = gv_utf8_repair(text, strlen(text));
	free(text);
	return fixed;
}
