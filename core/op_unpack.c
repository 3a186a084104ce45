/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading an operation's data by a format, in the
 * part of jansson's unpack syntax the operation kinds use: one object of
 * keys, each "s:T" (required) or "s?T" (optional: left as it was when
 * the key is missing), T one of s (const char *), I (json_int_t), i
 * (int), b (int, true or false) and o (json_t *, borrowed). A key present
 * with a value of another type is refused, null included, as jansson
 * refuses it.
 *
 * Why not json_unpack: for every object it unpacks, jansson builds a set
 * of the keys it read (a hash table, an allocation per key) to check for
 * keys left over in strict mode, which gavel does not ask for: 2,800
 * instructions a call, 46 M of a sync of 10,000 operations
 * (bench/README.md).
 */
#include <limits.h>
#include <stdarg.h>
#include <string.h>

#include "internal.h"
#include "op.h"

static int
another_shape(const struct gv__op *op, const char *why, const char *key)
{
	return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
	                     "operation %s has data of another shape (%s "
	                     "\"%s\"): it was not written by this gavel",
	                     op->kind->name, why, key);
}

/* Stores v, of type t, at the next argument's target: NULL, or what is
 * wrong with v. */
static const char *
take(va_list *ap, char t, const json_t *v)
{
	switch (t) {
	case 's':
		if (!json_is_string(v))
			return "no text at";
		*va_arg(*ap, const char **) = json_string_value(v);
		return NULL;
	case 'I':
		if (!json_is_integer(v))
			return "no integer at";
		*va_arg(*ap, json_int_t *) = json_integer_value(v);
		return NULL;
	case 'i':
		if (!json_is_integer(v) || json_integer_value(v) < INT_MIN ||
		    json_integer_value(v) > INT_MAX)
			return "no integer of int's range at";
		*va_arg(*ap, int *) = (int)json_integer_value(v);
		return NULL;
	case 'b':
		if (!json_is_boolean(v))
			return "no true or false at";
		*va_arg(*ap, int *) = json_is_true(v);
		return NULL;
	case 'o':
		*va_arg(*ap, json_t **) = (json_t *)v;
		return NULL;
	}
	return "a format gavel does not read, at";
}

int
gv__op_unpack(const struct gv__op *op, const char *fmt, ...)
{
	const char *p = fmt, *key, *why = NULL;
	const json_t *v;
	va_list ap;
	int optional;

	if (!json_is_object(op->data))
		return another_shape(op, "no object at", "data");
	va_start(ap, fmt);
	p += strspn(p, "{ ");
	while (*p && *p != '}' && !why) {
		/* "s:T" or "s?T", then ", " */
		if (p[0] != 's' || (p[1] != ':' && p[1] != '?') || !p[2]) {
			why = "a format gavel does not read, at";
			key = fmt;
			break;
		}
		optional = p[1] == '?';
		key = va_arg(ap, const char *);
		if (!(v = json_object_get(op->data, key))) {
			if (!optional)
				why = "no";
			else
				(void)va_arg(ap, void *); /* its target stays */
		} else {
			why = take(&ap, p[2], v);
		}
		p += 3;
		p += strspn(p, ", ");
	}
	va_end(ap);
	return why ? another_shape(op, why, key) : 0;
}
