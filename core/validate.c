/* SPDX-License-Identifier: MIT */
/*
 * This file implements the checks every user-supplied name and text goes
 * through before it is stored, so that what is in the database is always
 * valid UTF-8 and names are free of control characters.
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

int
gv__clean_name(char **out, enum gv_error_class klass, const char *what,
               const char *s)
{
	const unsigned char *p;
	size_t len;
	int error;

	*out = NULL;
	if (!s)
		s = "";
	if ((error = gv__check_text(klass, what, s)) < 0)
		return error;
	for (p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7F)
			return gv__error_set(klass, GV_EINVALID,
			                     "%s contains a control character "
			                     "(byte 0x%02X): remove it",
			                     what, *p);
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
