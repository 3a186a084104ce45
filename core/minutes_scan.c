/* SPDX-License-Identifier: MIT */
/*
 * This file implements the text helpers every part of the minutes parser
 * shares (core/minutes_scan.h): warnings with their line, spaces, words,
 * capitals and the particles of names, below the front matter, the day,
 * the attendee list and its entries.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gavel/text.h"
#include "internal.h"
#include "minutes_scan.h"

static void warn_v(struct minutes_scan *p, const char *prefix, const char *fmt,
                   va_list ap) GV__PRINTF(3, 0);

static void
warn_v(struct minutes_scan *p, const char *prefix, const char *fmt, va_list ap)
{
	struct gv_minutes_doc *d = p->doc;
	va_list copy;
	char *msg;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	msg = gv__xmalloc(strlen(prefix) + (size_t)(n < 0 ? 0 : n) + 1);
	memcpy(msg, prefix, strlen(prefix));
	vsnprintf(msg + strlen(prefix), (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	d->warnings = gv__grow(d->warnings, &p->warn_alloc, d->nwarnings,
	                       sizeof(*d->warnings));
	d->warnings[d->nwarnings++] = msg;
}

void
gv__ms_warn(struct minutes_scan *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	warn_v(p, "", fmt, ap);
	va_end(ap);
}

void
gv__ms_warn_at(struct minutes_scan *p, size_t i, const char *fmt, ...)
{
	char *prefix = gv__xsprintf("%s:%zu: ", p->file, i + 1);
	va_list ap;

	va_start(ap, fmt);
	warn_v(p, prefix, fmt, ap);
	va_end(ap);
	free(prefix);
}

/* Bytes of the white space at s: space, tab or a no-break space. */
size_t
gv__ms_space_at(const char *s)
{
	if (*s == ' ' || *s == '\t')
		return 1;
	if (!strncmp(s, "\xC2\xA0", 2))
		return 2;
	if (!strncmp(s, "\xE2\x80\xAF", 3)) /* narrow no-break space */
		return 3;
	return 0;
}

const char *
gv__ms_skip_space(const char *s)
{
	size_t n;

	while ((n = gv__ms_space_at(s)))
		s += n;
	return s;
}

/* A copy of s[0..n) with each run of white space made one space, trimmed. */
char *
gv__ms_squeeze(const char *s, size_t n)
{
	struct gv_buf b = GV_BUF_INIT;
	const char *end = s + n;
	int pending = 0;
	size_t k;

	while (s < end) {
		if ((k = gv__ms_space_at(s)) && s + k <= end) {
			pending = b.size > 0;
			s += k;
			continue;
		}
		if (pending)
			gv__buf_putc(&b, ' ');
		pending = 0;
		gv__buf_putc(&b, *s++);
	}
	return gv__buf_detach(&b);
}

/* A word that may start a name: a capital, or a non-ASCII letter. */
int
gv__ms_upper_start(const char *s)
{
	unsigned char c = (unsigned char)*s;

	/* U+00C0-U+04FF (Latin, Greek, Cyrillic) and CJK or Hangul; the
	 * lead byte 0xE2 is punctuation (dashes, bullets), not a letter. */
	return (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xD3) || c >= 0xE3;
}

/* The lower-case words inside names ("Paul van Brouwershaven"). */
int
gv__ms_particle(const char *s, size_t n)
{
	static const char *const words[] = {
	        "de",  "del", "della", "der", "den",   "di",  "da",
	        "das", "do",  "dos",   "du",  "van",   "von", "la",
	        "le",  "y",   "e",     "bin", "binti", "ibn", "al",
	        "el",  "ter", "ten",   "zu",  "af",    "av",
	};

	for (size_t i = 0; i < NARRAY(words); i++)
		if (strlen(words[i]) == n && !strncmp(s, words[i], n))
			return 1;
	return n > 2 && s[1] == '\'' && s[0] >= 'a' && s[0] <= 'z'; /* d' */
}

/* Words that names and organisations do not hold, but sentences do. */
int
gv__ms_prose_word(const char *s, size_t n)
{
	static const char *const words[] = {
	        "is",    "are",   "was",   "were",  "will",   "would", "should",
	        "shall", "can",   "could", "may",   "might",  "must",  "has",
	        "have",  "had",   "do",    "does",  "did",    "be",    "been",
	        "being", "said",  "noted", "asked", "agreed", "the",   "that",
	        "this",  "which", "while", "there", "they",   "we",    "it",
	        "he",    "she",   "not",   "yet",   "to",
	};

	while (n && !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		s++, n--;
	while (n && strchr(".,;:!?)\"'", s[n - 1]))
		n--;
	for (size_t i = 0; i < NARRAY(words); i++)
		if (strlen(words[i]) == n && !strncmp(s, words[i], n))
			return 1;
	return 0;
}

size_t
gv__ms_word_len(const char *s)
{
	size_t n = 0;

	while (s[n] && !gv__ms_space_at(s + n))
		n++;
	return n;
}

/* Case-insensitive strstr (ASCII), for titles and phrases. */
const char *
gv__ms_find_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return hay;
	return NULL;
}
