/* SPDX-License-Identifier: MIT */
/*
 * This file implements the checks every user-supplied name and text goes
 * through before it is stored, so that what is in the database is always
 * valid UTF-8 and every single-line field (names, titles, labels) is one
 * line: no control characters, so none can pass for a row of a listing.
 */
#include <string.h>

#include "gavel/text.h"
#include "internal.h"

#define NAME_MAX_BYTES 300

int
gv__check_text(enum gv_error_class klass, const char *what, const char *s)
{
	if (s && !gv_utf8_valid(s, strlen(s)))
		return gv__error_set(klass, GV_EINVALID,
		                     "%s contains bytes that are not UTF-8: "
		                     "re-enter it in UTF-8",
		                     what);
	return 0;
}

/* The length of a control character at p (C0, DEL, or C1 as UTF-8), or
 * 0. p is valid UTF-8. */
static size_t
control_at(const unsigned char *p)
{
	if (*p < 0x20 || *p == 0x7F)
		return 1;
	return p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F ? 2 : 0;
}

int
gv__check_line(enum gv_error_class klass, const char *what, const char *s)
{
	const unsigned char *p;
	int error;

	if ((error = gv__check_text(klass, what, s)) < 0 || !s)
		return error;
	for (p = (const unsigned char *)s; *p; p++)
		if (control_at(p))
			return gv__error_set(klass, GV_EINVALID,
			                     "%s contains a control character "
			                     "(byte 0x%02X): one line of text, "
			                     "without it",
			                     what, p[control_at(p) - 1]);
	return 0;
}

char *
gv__line_flatten(const char *s)
{
	char *out = gv__xstrdup(s), *w = out;
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	while (*p) {
		if ((n = control_at(p))) {
			*w++ = ' ';
			p += n;
		} else {
			*w++ = (char)*p++;
		}
	}
	*w = '\0';
	return out;
}

int
gv__clean_name(char **out, enum gv_error_class klass, const char *what,
               const char *s)
{
	size_t len;
	int error;

	*out = NULL;
	if (!s)
		s = "";
	if ((error = gv__check_line(klass, what, s)) < 0)
		return error;
	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len && s[len - 1] == ' ')
		len--;
	if (!len)
		return gv__error_set(klass, GV_EINVALID, "%s is empty", what);
	if (len > NAME_MAX_BYTES)
		return gv__error_set(klass, GV_EINVALID,
		                     "%s is longer than %d bytes", what,
		                     NAME_MAX_BYTES);
	*out = gv__xstrndup(s, len);
	return 0;
}
