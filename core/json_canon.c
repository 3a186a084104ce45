/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading a JSON text that must be in its canonical
 * form (core/json_canon.h). Only one spelling of each value is accepted,
 * the one jansson's writer chooses wherever a reader would accept several
 * (jansson 2.14, src/dump.c: dump_string, compare_keys, do_dump), so the
 * reader needs no lexer: the first byte of each value says what it is,
 * and a string without an escape is handed to jansson as it stands.
 * Reading with json_loadb and checking the form afterwards cost 87 K
 * instructions for an operation of 500 bytes (80 K of them jansson's
 * lexer, which copies strings a byte at a time); a sync reads an
 * operation for every line of every chain.
 *
 * An operation's id is the hash of its text, so a text accepted here and
 * written differently would be the same operation under a second id;
 * tests/fuzz/fuzz_op.c holds this reader to json_loadb and jansson's
 * writer on every text it tries.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "json_canon.h"

/* Where the text is, and the buffer an escaped string is read into. */
struct reader {
	const char *p, *end;
	size_t depth;
	char *buf;
	size_t alloc;
};

/* A key as it stands in the text, between its quotes. */
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
 * The byte the escape after a backslash at s stands for, when jansson
 * writes that byte so: \" \\ \b \f \n \r \t, and \u00XX in capitals for
 * a control character without a letter of its own. *len is the escape's
 * length; -1 when it is written another way ('/' and everything else
 * stand as they are).
 */
static int
escape(const char *s, const char *end, size_t *len)
{
	static const char letters[] = "\"\\bfnrt", bytes[] = "\"\\\b\f\n\r\t";
	const char *l;
	unsigned hi, lo, c;

	if (s + 1 >= end)
		return -1;
	if (s[1] && (l = strchr(letters, s[1]))) {
		*len = 2;
		return (unsigned char)bytes[l - letters];
	}
	if (s[1] != 'u' || end - s < 6 || s[2] != '0' || s[3] != '0' ||
	    (hi = hex_upper(s[4])) > 1 || (lo = hex_upper(s[5])) > 15)
		return -1;
	c = hi << 4 | lo;
	if (c == 0 || strchr("\b\f\n\r\t", (int)c))
		return -1;
	*len = 6;
	return (int)c;
}

/* Each byte of a word: ONES * c holds c eight times. */
#define ONES  UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/*
 * Whether a byte of w may end a string's plain run: a quote, a
 * backslash, a control character. Never wrong when it says no; when it
 * says yes the bytes are read one at a time (a byte past the first such
 * one may be flagged too). A byte a step, and jansson checking each
 * string's UTF-8 again, were half of reading a sync's operations
 * (callgrind, 20,000 reads: 155 M of 299 M instructions; 211 M in all
 * after).
 */
static int
word_stops(uint64_t w)
{
	uint64_t q = w ^ (ONES * '"'), b = w ^ (ONES * '\\');

	return ((((q - ONES) & ~q) | ((b - ONES) & ~b) |
	         ((w - ONES * 0x20) & ~w)) &
	        HIGHS) != 0;
}

/*
 * Reads the string whose opening quote is at r->p, moving past its
 * closing quote: *out and *len are its bytes, the text's own when it
 * holds no escape, else r->buf. *ascii says whether all are below 0x80:
 * then they are UTF-8, and jansson need not check them again; any other
 * string jansson checks when it becomes a value or a key. -1 when it is
 * not written as jansson writes it.
 */
static int
string(const char **out, size_t *len, int *ascii, struct reader *r)
{
	const char *s = r->p + 1, *start = s;
	uint64_t high = 0, w;
	size_t n = 0, step;
	int c;

	while (r->end - s >= 8 && (memcpy(&w, s, 8), !word_stops(w))) {
		high |= w;
		s += 8;
	}
	while (s < r->end && *s != '"' && *s != '\\' &&
	       (unsigned char)*s >= 0x20)
		high |= (unsigned char)*s++;
	if (s < r->end && *s == '"') {
		*out = start;
		*len = (size_t)(s - start);
		*ascii = !(high & HIGHS);
		r->p = s + 1;
		return 0;
	}
	/* Escaped: what it stands for is never longer than its text. */
	if (r->alloc < (size_t)(r->end - start)) {
		r->alloc = (size_t)(r->end - start);
		r->buf = gv__xrealloc(r->buf, r->alloc);
	}
	high = 0;
	for (s = start; s < r->end && *s != '"'; s += step) {
		if ((unsigned char)*s < 0x20)
			return -1;
		if (*s != '\\') {
			high |= (unsigned char)*s;
			r->buf[n++] = *s;
			step = 1;
		} else if ((c = escape(s, r->end, &step)) < 0) {
			return -1;
		} else {
			r->buf[n++] = (char)c;
		}
	}
	if (s >= r->end)
		return -1;
	*out = r->buf;
	*len = n;
	*ascii = !(high & 0x80);
	r->p = s + 1;
	return 0;
}

/* The next byte a key's text stands for (its escapes read). */
static unsigned char
key_byte(const char **p, const char *end)
{
	size_t len;
	int c = **p == '\\' ? escape(*p, end, &len) : -1;

	if (c < 0) {
		len = 1;
		c = (unsigned char)**p;
	}
	*p += len;
	return (unsigned char)c;
}

/* Whether key b comes after key a as compare_keys sorts them: the bytes
 * they stand for compared, then the shorter first. Both are known to be
 * well written. */
static int
key_after(struct key a, struct key b)
{
	const char *x = a.at, *y = b.at, *xe = a.at + a.len, *ye = b.at + b.len;

	while (x < xe && y < ye) {
		unsigned char cx = key_byte(&x, xe), cy = key_byte(&y, ye);

		if (cx != cy)
			return cy > cx;
	}
	return x == xe && y < ye;
}

/* An integer as %lld writes it (no '+', no leading zero, no "-0"), in
 * json_int_t's range; a fraction or exponent is a real, which no
 * canonical text holds: a real has more than one spelling. */
static json_t *
integer(struct reader *r)
{
	const char *s = r->p;
	int negative = *s == '-';
	uint64_t v = 0, limit = (uint64_t)INT64_MAX + (uint64_t)negative;

	s += negative;
	if (s >= r->end || *s < '0' || *s > '9' || (*s == '0' && negative))
		return NULL;
	if (*s == '0') {
		s++;
	} else {
		for (; s < r->end && *s >= '0' && *s <= '9'; s++) {
			unsigned d = (unsigned)(*s - '0');

			if (v > (limit - d) / 10)
				return NULL;
			v = v * 10 + d;
		}
	}
	if (s < r->end &&
	    (*s == '.' || *s == 'e' || *s == 'E' || (*s >= '0' && *s <= '9')))
		return NULL;
	r->p = s;
	/* -v in two steps: 2^63 itself has no positive json_int_t. */
	return json_integer(negative ? -(json_int_t)(v - 1) - 1
	                             : (json_int_t)v);
}

/* true, false or null, spelled out. */
static json_t *
word(struct reader *r, const char *spelling, json_t *value)
{
	size_t len = strlen(spelling);

	if ((size_t)(r->end - r->p) < len || memcmp(r->p, spelling, len)) {
		json_decref(value);
		return NULL;
	}
	r->p += len;
	return value;
}

static json_t *value(struct reader *r);

/* Whether the text at r->p is c, which is then passed. */
static int
next_is(struct reader *r, char c)
{
	if (r->p < r->end && *r->p == c) {
		r->p++;
		return 1;
	}
	return 0;
}

static json_t *
array(struct reader *r)
{
	json_t *a = json_array(), *item;

	r->p++;
	if (next_is(r, ']'))
		return a;
	do {
		if (!(item = value(r)) || json_array_append_new(a, item) < 0) {
			json_decref(a);
			return NULL;
		}
	} while (next_is(r, ','));
	if (next_is(r, ']'))
		return a;
	json_decref(a);
	return NULL;
}

static json_t *
object(struct reader *r)
{
	json_t *o = json_object(), *item;
	struct key last = {NULL, 0}, k;
	const char *bytes;
	char *copy;
	size_t len;
	int ascii, error;

	r->p++;
	if (next_is(r, '}'))
		return o;
	do {
		k.at = r->p + 1;
		if (r->p >= r->end || *r->p != '"' ||
		    string(&bytes, &len, &ascii, r) < 0)
			goto fail;
		k.len = (size_t)(r->p - 1 - k.at);
		/* Sorted, so no key twice (json_loadb refuses that too). */
		if ((last.at && !key_after(last, k)) || !next_is(r, ':'))
			goto fail;
		last = k;
		/* An escaped key is in r->buf, which an escaped value
		 * reuses. It holds no NUL: \u0000 is refused. */
		copy = bytes == r->buf ? gv__xstrndup(bytes, len) : NULL;
		if (!(item = value(r)))
			error = -1;
		else if (ascii)
			error = json_object_setn_new_nocheck(
			        o, copy ? copy : bytes, len, item);
		else
			error = json_object_setn_new(o, copy ? copy : bytes,
			                             len, item);
		free(copy);
		if (error < 0)
			goto fail;
	} while (next_is(r, ','));
	if (next_is(r, '}'))
		return o;
fail:
	json_decref(o);
	return NULL;
}

static json_t *
value(struct reader *r)
{
	json_t *v = NULL;
	const char *bytes;
	size_t len;
	int ascii;

	/* As deep as json_loadb reads, counted as it counts. */
	if (r->p >= r->end || ++r->depth > JSON_PARSER_MAX_DEPTH)
		return NULL;
	switch (*r->p) {
	case '{':
		v = object(r);
		break;
	case '[':
		v = array(r);
		break;
	case '"':
		if (string(&bytes, &len, &ascii, r) == 0)
			v = ascii ? json_stringn_nocheck(bytes, len)
			          : json_stringn(bytes, len);
		break;
	case 't':
		v = word(r, "true", json_true());
		break;
	case 'f':
		v = word(r, "false", json_false());
		break;
	case 'n':
		v = word(r, "null", json_null());
		break;
	default:
		v = integer(r);
		break;
	}
	r->depth--;
	return v;
}

json_t *
gv__json_load_canonical(const char *text, size_t len)
{
	struct reader r = {text, text + len, 0, NULL, 0};
	json_t *root = NULL;

	if (len && *text == '{' && (root = value(&r)) && r.p != r.end) {
		json_decref(root);
		root = NULL;
	}
	free(r.buf);
	return root;
}
