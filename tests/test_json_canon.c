/* SPDX-License-Identifier: MIT */
/*
 * This file tests the reader of an operation's text in its canonical form
 * (core/json_canon.c) against what it stands in for: json_loadb and
 * jansson's own writer. Each text is parsed by json_loadb and written out
 * again with JSON_COMPACT | JSON_SORT_KEYS; the reader must accept it
 * exactly when the bytes are the same, with the value json_loadb read,
 * and each case says which it is, so a case that stopped testing what it
 * names fails too.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
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
        /* An escaped key, then an escaped value: each read whole. */
        {"{\"\\u0001\":\"x\\\"y\",\"\\n\":\"\\t\"}", 1},
        {"{\"a\":[\"\\n\",\"\\r\"],\"b\\n\":{\"c\\t\":\"\\\\\"}}", 1},
        /* Strings longer than a word, read eight bytes a step: what
         * ends a plain run, at each place in a word; UTF-8 after ASCII
         * (not checked again by jansson when all is ASCII). */
        {"{\"a\":\"abcdefgh\"}", 1},
        {"{\"a\":\"abcdefghijklmnop\"}", 1},
        {"{\"a\":\"abcdefghijklmno\\\"\"}", 1},
        {"{\"a\":\"abcdefghij\\\\kl\"}", 1},
        {"{\"a\":\"abcdefghij\x01kl\"}", -1},
        {"{\"a\":\"abcdefghijklmno\x1f\"}", -1},
        {"{\"a\":\"abcdefghij klmnop\x7f\"}", 1},
        {"{\"a\":\"abcdefghij\xc3\xa9klmnop\"}", 1},
        {"{\"a\":\"abcdefghijklmnop\xff\"}", -1},
        {"{\"abcdefghijk\xc3\xa9\":1}", 1},
        {"{\"abcdefghijk\xc3\":1}", -1},
        {"{\"a\":\"abcdefgh\\u001Fijklmnop\xe2\x82\xac\"}", 1},
        {"{\"a\":\"abcdefghijklm\\n\xe2\x82\"}", -1},
        /* Not UTF-8, in a key or a value. */
        {"{\"\xc3\":1}", -1},
        {"{\"a\":\"\xff\"}", -1},
        {"{\"a\\n\xc3(\":1}", -1},
        {"{\"a\":\"\\n\xe2\x82\"}", -1},
        /* Not JSON at all, or not an object of it. */
        {"{\"a\":01}", -1},
        {"{\"a\":+1}", -1},
        {"{\"a\":1.}", -1},
        {"{\"a\":-}", -1},
        {"{\"a\":9223372036854775808}", -1},
        {"{\"a\":-9223372036854775809}", -1},
        {"{\"a\":tru}", -1},
        {"{\"a\":1,}", -1},
        {"{\"a\":1}}", -1},
        {"{\"a\":\"\\u0000\"}", -1},
        {"{\"a\":\"\\x\"}", -1},
        {"{\"a\":\"x", -1},
        {"{\"a\"", -1},
        {"{", -1},
        {"", -1},
        {"[1]", -1},
};

/* What json_loadb reads of text (NULL when it is not a JSON object),
 * and whether jansson writes it back as text. */
static json_t *
jansson_read(const char *text, int *same)
{
	json_error_t e;
	json_t *root =
	        json_loadb(text, strlen(text), JSON_REJECT_DUPLICATES, &e);
	char *again;

	*same = -1;
	if (!json_is_object(root)) {
		json_decref(root);
		return NULL;
	}
	again = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
	*same = again && strcmp(again, text) == 0;
	free(again);
	return root;
}

static void
agrees_with_jansson(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *text = cases[i].text;
		json_t *got = gv__json_load_canonical(text, strlen(text));
		int same;
		json_t *want = jansson_read(text, &same);

		if (same != cases[i].canonical)
			t_fail(__FILE__, __LINE__,
			       "case %zu (%s): json_loadb and its writer say "
			       "%d",
			       i, text, same);
		if ((got != NULL) != (cases[i].canonical == 1))
			t_fail(__FILE__, __LINE__, "case %zu (%s): %s", i, text,
			       got ? "read" : "refused");
		if (got && !json_equal(got, want))
			t_fail(__FILE__, __LINE__,
			       "case %zu (%s): read another value", i, text);
		json_decref(got);
		json_decref(want);
	}
}

/* A real is never canonical: jansson writes 1.5 as 1.5, but a real
 * has other spellings (15e-1), so no operation holds one. */
static void
reals_refused(void)
{
	T_ASSERT(!gv__json_load_canonical("{\"a\":1.5}", 9));
	T_ASSERT(!gv__json_load_canonical("{\"a\":1e5}", 9));
	T_ASSERT(!gv__json_load_canonical("{\"a\":1E5}", 9));
}

/* n arrays around an object, "[[...[{}]...]]" inside {"a":...}. */
static char *
nested(size_t n)
{
	char *text = malloc(2 * n + 10), *p = text;

	p += sprintf(p, "{\"a\":");
	memset(p, '[', n);
	p += n;
	p += sprintf(p, "{}");
	memset(p, ']', n);
	p += n;
	strcpy(p, "}");
	return text;
}

/* As deep as json_loadb reads (JSON_PARSER_MAX_DEPTH values, the
 * innermost counted), and no deeper. */
static void
depth_as_jansson(void)
{
	size_t n[] = {JSON_PARSER_MAX_DEPTH - 2, JSON_PARSER_MAX_DEPTH - 1};

	for (size_t i = 0; i < 2; i++) {
		char *text = nested(n[i]);
		json_t *got = gv__json_load_canonical(text, strlen(text));
		int same;
		json_t *want = jansson_read(text, &same);

		T_EQ_INT(got != NULL, i == 0);
		T_EQ_INT(want != NULL, i == 0);
		json_decref(got);
		json_decref(want);
		free(text);
	}
}

const struct t_case json_canon_tests[] = {
        {"agrees_with_jansson", agrees_with_jansson},
        {"reals_refused", reals_refused},
        {"depth_as_jansson", depth_as_jansson},
        {NULL, NULL},
};
