/* SPDX-License-Identifier: MIT */
/*
 * This file implements the canonical-form check of core/json_canon.h. The
 * text has been parsed, so its brackets match, its literals are spelled
 * right, its strings are valid UTF-8 and its integers in range: what is
 * left to check is every choice jansson's writer makes where a reader
 * accepts several (jansson 2.14, src/dump.c: dump_string, compare_keys,
 * do_dump). An operation's id is the hash of its text, so a text that
 * passed here and was written differently would be the same operation
 * under a second id; tests/fuzz/fuzz_op.c holds this check to jansson's
 * writer on every text it tries.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "json_canon.h"

/* Where an object's previous key is, between its quotes. */
struct key {
	const char *at;
	size_t len;
};

/* A hex digit as jansson writes them (capitals), or 16 for another
 * character. */
static unsigned
hex_upper(char c)
{
	return (c >= '0' && c <= '9')   ? (unsigned)(c - '0')
	       : (c >= 'A' && c <= 'F') ? (unsigned)(c - 'A' + 10)
	                                : 16;
}

/*
 * Checks the string whose opening quote is at *p, as dump_string writes
 * it, and moves *p past its closing quote. 0 when it is written another
 * way.
 */
static int
string_ok(const char **p, const char *end)
{
	const char *s = *p + 1;
	unsigned hi, lo, c;

	while (s < end && *s != '"') {
		if ((unsigned char)*s < 0x20)
			return 0;
		if (*s++ != '\\')
			continue;
		if (s >= end)
			return 0;
		if (*s && strchr("\"\\bfnrt", *s)) {
			s++;
			continue;
		}
		/* Only a control character without a letter of its own is
		 * written \u00XX; '/' and everything else as it is. */
		if (*s != 'u' || end - s < 5 || s[1] != '0' || s[2] != '0' ||
		    (hi = hex_upper(s[3])) > 1 || (lo = hex_upper(s[4])) > 15)
			return 0;
		c = hi << 4 | lo;
		if (c == 0 || c == '\b' || c == '\f' || c == '\n' ||
		    c == '\r' || c == '\t')
			return 0;
		s += 5;
	}
	if (s >= end)
		return 0;
	*p = s + 1;
	return 1;
}

/* The next byte a key's text stands for (its escapes read). */
static unsigned char
key_byte(const char **p)
{
	const char *s = *p;
	unsigned char c = (unsigned char)*s;

	if (c != '\\') {
		*p = s + 1;
		return c;
	}
	*p = s + 2;
	switch (s[1]) {
	case 'b':
		return '\b';
	case 'f':
		return '\f';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	case 'u':
		*p = s + 6;
		return (unsigned char)(hex_upper(s[4]) << 4 | hex_upper(s[5]));
	default:
		return (unsigned char)s[1];
	}
}

/* Whether key b comes after key a as compare_keys sorts them: their
 * bytes compared, then the shorter first. */
static int
key_after(struct key a, struct key b)
{
	const char *x = a.at, *y = b.at, *xe = a.at + a.len, *ye = b.at + b.len;

	while (x < xe && y < ye) {
		unsigned char cx = key_byte(&x), cy = key_byte(&y);

		if (cx != cy)
			return cy > cx;
	}
	return x == xe && y < ye;
}

/* An integer as %lld writes it: no '+', no leading zero, no "-0". */
static int
number_ok(const char **p, const char *end)
{
	const char *s = *p;

	if (*s == '-')
		s++;
	if (s >= end || *s < '0' || *s > '9' || (*s == '0' && s != *p))
		return 0;
	if (*s == '0') {
		s++;
	} else {
		while (s < end && *s >= '0' && *s <= '9')
			s++;
	}
	/* A fraction or exponent is a real, which another check refuses;
	 * here it is not the text's one spelling either. */
	if (s < end &&
	    (*s == '.' || *s == 'e' || *s == 'E' || (*s >= '0' && *s <= '9')))
		return 0;
	*p = s;
	return 1;
}

/* An open object or array; for an object, its last key so far. */
struct frame {
	struct key last;
	int object;
};

int
gv__json_canonical(const char *text, size_t len)
{
	const char *p = text, *end = text + len, *start;
	struct frame *open = NULL, *top = NULL;
	size_t depth = 0, alloc = 0;
	/* Whether the next string is a key of the innermost object. */
	int ok = 1, keyed = 0;

	while (ok && p < end) {
		switch (*p) {
		case '{':
		case '[':
			open = gv__grow(open, &alloc, depth, sizeof(*open));
			top = &open[depth++];
			top->last.at = NULL;
			keyed = top->object = *p++ == '{';
			break;
		case '}':
		case ']':
			depth -= depth > 0;
			top = depth ? &open[depth - 1] : NULL;
			keyed = 0;
			p++;
			break;
		case ',':
			keyed = top && top->object;
			p++;
			break;
		case ':':
			keyed = 0;
			p++;
			break;
		case '"':
			start = p + 1;
			if ((ok = string_ok(&p, end)) && keyed) {
				struct key k = {start, (size_t)(p - 1 - start)};

				ok = !top->last.at || key_after(top->last, k);
				top->last = k;
			}
			break;
		case 't':
		case 'n':
			p += 4;
			break;
		case 'f':
			p += 5;
			break;
		default:
			/* A space, or anything else outside a string. */
			ok = (*p == '-' || (*p >= '0' && *p <= '9')) &&
			     number_ok(&p, end);
			break;
		}
	}
	free(open);
	return ok && p == end;
}
