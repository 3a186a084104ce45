/* SPDX-License-Identifier: MIT */
/*
 * This file implements UTF-8 handling: validation, the folded matching key
 * of names and their natural order, terminal sanitizing and column widths.
 * Widths come from the C library's wcwidth() under the built-in C.UTF-8 locale,
 * so they do not depend on the user's locale (CI runs with none).
 */
#define _XOPEN_SOURCE 700
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "gavel/text.h"
#include "internal.h"

#define REPLACEMENT 0xFFFD

/*
 * How many bytes at s (n left) are ASCII, or printable ASCII (0x20-0x7E)
 * with printable set, tested eight at a time: a redline passes every line
 * of a guideline through the repair and the sanitizer, and nearly all of
 * it is plain ASCII. The count may stop short of the first other byte by
 * up to seven; the byte loops after it decide the rest.
 */
static size_t
ascii_span(const unsigned char *s, size_t n, int printable)
{
	const uint64_t ones = 0x0101010101010101u, high = ones << 7;
	size_t i = 0;
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & high)
			break;
		/* Every byte is below 0x80, so neither sum carries or borrows
		 * into its neighbour unless the byte is 0x7F or below 0x20. */
		if (printable &&
		    (((w + ones) & high) || ((w - 0x20 * ones) & high)))
			break;
	}
	return i;
}

/*
 * Decodes one code point at s (n bytes left). Returns its length, or 0 for
 * an invalid sequence (then *cp is U+FFFD and one byte should be skipped).
 */
static size_t
utf8_decode(uint32_t *cp, const unsigned char *s, size_t n)
{
	uint32_t c = s[0], min;
	size_t len, i;

	*cp = REPLACEMENT;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2, c &= 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, c &= 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

size_t
gv__utf8_encode(char out[4], uint32_t c)
{
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = REPLACEMENT;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

static void
utf8_put(struct gv_buf *b, uint32_t c)
{
	char o[4];

	gv__buf_put(b, o, gv__utf8_encode(o, c));
}

/* How many bytes at the start of p (n bytes) are valid UTF-8. */
static size_t
utf8_valid_prefix(const unsigned char *p, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		i += ascii_span(p + i, n - i, 0);
		if (i == n || !(len = utf8_decode(&cp, p + i, n - i)))
			break;
		i += len;
	}
	return i;
}

int
gv_utf8_valid(const char *s, size_t len)
{
	return utf8_valid_prefix((const unsigned char *)s, len) == len;
}

static locale_t
utf8_locale(void)
{
	static locale_t loc;

	if (!loc)
		loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	return loc;
}

/*
 * Base letters of U+00C0..U+017F, lower case: '*' marks the letters that
 * fold to two (Æ ae, Þ th, ß ss, Ĳ ij, Œ oe), '=' the signs kept as they are
 * (× ÷).
 */
static const char latin_base[] =
        "aaaaaa*ceeeeiiiidnooooo=ouuuuy**"
        "aaaaaa*ceeeeiiiidnooooo=ouuuuy*y"
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkk"
        "llllllllllnnnnnnnnnoooooo**rrrrrrsssssssstttttt"
        "uuuuuuuuuuuuwwyyyzzzzzzs";

_Static_assert(sizeof(latin_base) == 192 + 1, "latin_base covers C0..17F");

static const char *
fold_latin(uint32_t c, char one[2])
{
	switch (c) {
	case 0xC6:
	case 0xE6:
		return "ae";
	case 0xDE:
	case 0xFE:
		return "th";
	case 0xDF:
		return "ss";
	case 0x132:
	case 0x133:
		return "ij";
	case 0x152:
	case 0x153:
		return "oe";
	}
	if (latin_base[c - 0xC0] == '=')
		return NULL;
	one[0] = latin_base[c - 0xC0];
	one[1] = '\0';
	return one;
}

char *
gv_text_fold(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	struct gv_buf b = GV_BUF_INIT;
	size_t n, len = strlen(s);
	int space = 0;
	uint32_t c;
	char one[2];
	const char *latin;
	locale_t loc = utf8_locale();

	while (len) {
		if (!(n = utf8_decode(&c, p, len)))
			n = 1;
		p += n, len -= n;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == 0xA0) {
			space = b.size > 0;
			continue;
		}
		if (c >= 0x300 && c <= 0x36F) /* combining marks */
			continue;
		if (space)
			gv__buf_putc(&b, ' ');
		space = 0;
		if (c < 0x80) {
			gv__buf_putc(&b, c >= 'A' && c <= 'Z' ? (int)c + 32
			                                      : (int)c);
		} else if (c >= 0xC0 && c <= 0x17F &&
		           (latin = fold_latin(c, one))) {
			gv__buf_puts(&b, latin);
		} else {
			utf8_put(&b, loc ? (uint32_t)towlower_l((wint_t)c, loc)
			                 : c);
		}
	}
	return gv__buf_detach(&b);
}

/*
 * Orders two folded keys with their digit runs read as numbers, so
 * "issuer 2" comes before "issuer 10". Leading zeros count only to break
 * a tie ("2" before "02"); other bytes compare as they are, which for
 * UTF-8 is code point order.
 */
static int
collate_folded(const char *a, const char *b)
{
	static const char digits[] = "0123456789";
	size_t na, nb;
	int zeros = 0, c;

	while (*a && *b) {
		if (!strchr(digits, *a) || !strchr(digits, *b)) {
			if (*a != *b)
				return (unsigned char)*a < (unsigned char)*b
				               ? -1
				               : 1;
			a++, b++;
			continue;
		}
		na = strspn(a, "0"), nb = strspn(b, "0");
		if (!zeros && na != nb)
			zeros = na < nb ? -1 : 1;
		a += na, b += nb;
		na = strspn(a, digits), nb = strspn(b, digits);
		if (na != nb)
			return na < nb ? -1 : 1;
		if ((c = memcmp(a, b, na)) != 0)
			return c < 0 ? -1 : 1;
		a += na, b += nb;
	}
	if (*a || *b)
		return *a ? 1 : -1;
	return zeros;
}

int
gv_text_collate(const char *a, const char *b)
{
	char *fa = gv_text_fold(a), *fb = gv_text_fold(b);
	int c = collate_folded(fa, fb);

	free(fa);
	free(fb);
	/* Names equal but for case or accents still get one order. */
	if (c == 0)
		c = strcmp(a, b);
	return c < 0 ? -1 : c > 0;
}

/* Bidirectional embeddings and overrides can reorder what a terminal
 * shows ("Trojan Source"), so stored text never carries them through. */
static int
is_bidi_control(uint32_t c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
	       c == 0x200E || c == 0x200F || c == 0x061C;
}

char *
gv_text_sanitize(const char *s, unsigned flags)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	struct gv_buf b = GV_BUF_INIT;
	size_t n, len = strlen(s);
	uint32_t c;

	gv__buf_put(&b, "", 0);
	while (len) {
		/* Printable ASCII and well-formed, harmless characters are
		 * copied in runs; the rest flush the run and are replaced. */
		n = ascii_span(p, len, 1);
		p += n, len -= n;
		if (!len)
			break;
		if (*p >= 0x20 && *p < 0x7F) {
			p++, len--;
			continue;
		}
		n = utf8_decode(&c, p, len);
		if (n && (c == '\n' && (flags & GV_SANITIZE_KEEP_NEWLINES))) {
			p += n, len -= n;
			continue;
		}
		if (n && c >= 0xA0 && !is_bidi_control(c)) {
			p += n, len -= n;
			continue;
		}
		gv__buf_put(&b, (const char *)run, (size_t)(p - run));
		if (!n) {
			utf8_put(&b, REPLACEMENT);
			n = 1;
		} else if ((c == '\t' || c == '\r') &&
		           (flags & GV_SANITIZE_KEEP_NEWLINES)) {
			/* Layout inside multi-line text. */
			gv__buf_putc(&b, ' ');
		} else if (c < 0x20 || c == 0x7F) {
			/* In one line a line feed shows as ^J: it cannot
			 * start a row of its own. */
			gv__buf_putc(&b, '^');
			gv__buf_putc(&b, c == 0x7F ? '?' : (int)c + 64);
		} else {
			/* C1 controls (0x80-0x9F) and bidi controls. */
			utf8_put(&b, REPLACEMENT);
		}
		p += n, len -= n;
		run = p;
	}
	gv__buf_put(&b, (const char *)run, (size_t)(p - run));
	return gv__buf_detach(&b);
}

static int
codepoint_width(uint32_t c)
{
	locale_t loc = utf8_locale(), old;
	int w;

	if (c < 0x7F)
		return c >= 0x20;
	if (!loc)
		return 1;
	old = uselocale(loc);
	w = wcwidth((wchar_t)c);
	uselocale(old);
	return w < 0 ? 1 : w;
}

size_t
gv_text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n, len = strlen(s), w = 0;
	uint32_t c;

	while (len) {
		/* ASCII, most of any text, without decoding (issue 21). */
		if (*p < 0x80) {
			w += *p >= 0x20 && *p < 0x7F;
			p++, len--;
			continue;
		}
		if (!(n = utf8_decode(&c, p, len)))
			n = 1;
		w += (size_t)codepoint_width(c);
		p += n, len -= n;
	}
	return w;
}

char *
gv_text_truncate(const char *s, size_t cols)
{
	char *clean = gv_text_sanitize(s, 0);
	const unsigned char *p = (const unsigned char *)clean;
	struct gv_buf b = GV_BUF_INIT;
	size_t n, len = strlen(clean), w = 0;
	uint32_t c;
	int cw;

	if (gv_text_width(clean) <= cols)
		return clean;
	while (len && cols) {
		n = utf8_decode(&c, p, len);
		cw = codepoint_width(c);
		if (w + (size_t)cw > cols - 1)
			break;
		gv__buf_put(&b, (const char *)p, n);
		w += (size_t)cw;
		p += n, len -= n;
	}
	if (cols)
		gv__buf_puts(&b, "\xE2\x80\xA6");
	free(clean);
	return gv__buf_detach(&b);
}

char *
gv_utf8_repair(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	struct gv_buf b = GV_BUF_INIT;
	size_t ok = utf8_valid_prefix(p, n);

	/* Valid text, nearly every line of a guideline, is one copy. */
	if (ok == n)
		return gv__xstrndup(s, n);
	for (;;) {
		gv__buf_put(&b, (const char *)p, ok);
		p += ok, n -= ok;
		if (!n)
			break;
		utf8_put(&b, REPLACEMENT);
		p++, n--;
		ok = utf8_valid_prefix(p, n);
	}
	return gv__buf_detach(&b);
}
