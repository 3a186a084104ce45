/* SPDX-License-Identifier: MIT */
/*
 * This file tests the check that an operation's text is its canonical
 * form (core/json_canon.c) against what it stands in for: jansson's own
 * writer. Each text is parsed as gv__op_parse parses it and written out
 * again with JSON_COMPACT | JSON_SORT_KEYS; the check must say "same"
 * exactly when the bytes are the same, and each case says which it is,
 * so a case that stopped testing what it names fails too.
 */
#include <jansson.h>
#include <string.h>

#include "harness.h"
#include "json_canon.h"

struct canon_case {
	const char *text;
	int canonical;
};

static const struct canon_case cases[] = {
        {"{\"a\":1,\"b\":\"x\"}", 1},
        {"{}", 1},
        /* Keys in jansson's order: bytes, a prefix first, capitals
         * before small letters, UTF-8 after ASCII. */
        {"{\"b\":1,\"a\":2}", 0},
        {"{\"a\":1,\"ab\":2}", 1},
        {"{\"ab\":1,\"a\":2}", 0},
        {"{\"B\":1,\"a\":1}", 1},
        {"{\"z\":1,\"\xc3\xa9\":2}", 1},
        {"{\"\":1,\"a\":2}", 1},
        /* Escaped keys compare as the bytes they stand for. */
        {"{\"a\":1,\"a\\u0001\":2}", 1},
        {"{\"a\\u0001\":1,\"a\":2}", 0},
        {"{\"\\\"\":1,\"\\\\\":2}", 1},
        {"{\"\\\\\":1,\"\\\"\":2}", 0},
        {"{\"a\\n\":1,\"a\\u000B\":2}", 1},
        /* No space outside strings, none after. */
        {"{\"a\":1, \"b\":2}", 0},
        {"{ \"a\":1}", 0},
        {"{\"a\":1}\n", 0},
        {"{\"a\":\"x y\"}", 1},
        /* Integers as %lld writes them. */
        {"{\"a\":0}", 1},
        {"{\"a\":-0}", 0},
        {"{\"a\":-12}", 1},
        {"{\"a\":9223372036854775807}", 1},
        {"{\"a\":-9223372036854775808}", 1},
        /* Strings: only what must be escaped is, as jansson escapes. */
        {"{\"a\":\"/\"}", 1},
        {"{\"a\":\"\\/\"}", 0},
        {"{\"a\":\"\xc3\xa9\"}", 1},
        {"{\"a\":\"\\u00e9\"}", 0},
        {"{\"a\":\"\\u00E9\"}", 0},
        {"{\"a\":\"\\n\\t\\r\\b\\f\\\"\\\\\"}", 1},
        {"{\"a\":\"\\u000a\"}", 0},
        {"{\"a\":\"\\u0008\"}", 0},
        {"{\"a\":\"\\u001F\"}", 1},
        {"{\"a\":\"\\u001f\"}", 0},
        {"{\"a\":\"\\u0041\"}", 0},
        {"{\"a\":\"\x7f\"}", 1},
        {"{\"a\":\"\\u007F\"}", 0},
        {"{\"a\":\"\xf0\x9f\x98\x80\"}", 1},
        {"{\"a\":\"\\ud83d\\ude00\"}", 0},
        /* Inside arrays and nested objects too. */
        {"{\"a\":[],\"b\":[1,2,{\"c\":true,\"d\":null}],\"e\":false}", 1},
        {"{\"a\":{\"y\":1,\"x\":2}}", 0},
        {"{\"a\":[{\"b\":1,\"a\":2}]}", 0},
        {"{\"a\":[{\"a\":1,\"b\":2}],\"b\":{}}", 1},
        {"{\"a\":{\"z\":1},\"b\":2}", 1},
        {"{\"b\":{\"a\":1},\"a\":2}", 0},
        {"{\"a\":[1 ,2]}", 0},
};

/* Whether jansson writes text's JSON back as text. */
static int
jansson_same(const char *text)
{
	json_error_t e;
	json_t *root =
	        json_loadb(text, strlen(text), JSON_REJECT_DUPLICATES, &e);
	char *again;
	int same;

	if (!root)
		return -1;
	again = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
	same = again && strcmp(again, text) == 0;
	free(again);
	json_decref(root);
	return same;
}

static void
agrees_with_janssons_writer(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *text = cases[i].text;
		int got = gv__json_canonical(text, strlen(text));

		if (jansson_same(text) != cases[i].canonical)
			t_fail(__FILE__, __LINE__,
			       "case %zu (%s): jansson's writer says %d", i,
			       text, jansson_same(text));
		if (got != cases[i].canonical)
			t_fail(__FILE__, __LINE__, "case %zu (%s): got %d", i,
			       text, got);
	}
}

/* A real is never canonical: jansson writes 1.5 as 1.5, but a real
 * has other spellings (15e-1), so no operation holds one. */
static void
reals_refused(void)
{
	T_EQ_INT(gv__json_canonical("{\"a\":1.5}", 9), 0);
	T_EQ_INT(gv__json_canonical("{\"a\":1e5}", 9), 0);
	T_EQ_INT(gv__json_canonical("{\"a\":1E5}", 9), 0);
}

const struct t_case json_canon_tests[] = {
        {"agrees_with_janssons_writer", agrees_with_janssons_writer},
        {"reals_refused", reals_refused},
        {NULL, NULL},
};
