/* SPDX-License-Identifier: MIT */
/*
 * This file tests how an operation's data is read by a format
 * (core/op_unpack.c) against what it stands in for, jansson's
 * json_unpack_ex without JSON_STRICT: for each data text, the same
 * verdict and the same values, and the refusal's words.
 */
#include <jansson.h>
#include <string.h>

#include "gavel/gavel.h"
#include "harness.h"
#include "op.h"

static const struct gv__op_kind kind = {"test.kind", GV__MAY_ANYONE, NULL};

/* What one format reads; the targets start at values no text holds. */
struct got {
	const char *s, *t;
	json_int_t big;
	int small, flag;
	json_t *obj;
	int rc;
};

static void
fresh(struct got *g)
{
	memset(g, 0, sizeof(*g));
	g->s = g->t = "untouched";
	g->big = -7;
	g->small = -8;
	g->flag = -9;
}

static void
same(const struct got *a, const struct got *b, const char *text)
{
	if ((a->rc < 0) != (b->rc < 0) || strcmp(a->s, b->s) ||
	    strcmp(a->t, b->t) || a->big != b->big || a->small != b->small ||
	    a->flag != b->flag || a->obj != b->obj)
		t_fail(__FILE__, __LINE__,
		       "%s: read otherwise than json_unpack (rc %d/%d, s "
		       "%s/%s, "
		       "t %s/%s, I %lld/%lld, i %d/%d, b %d/%d)",
		       text, a->rc, b->rc, a->s, b->s, a->t, b->t,
		       (long long)a->big, (long long)b->big, a->small, b->small,
		       a->flag, b->flag);
}

#define FMT "{s:s, s?s, s?I, s?i, s?b, s?o}"
#define ARGS(g)                                                                \
	"title", &(g)->s, "before", &(g)->t, "n", &(g)->big, "pos",            \
	        &(g)->small, "private", &(g)->flag, "list", &(g)->obj

static void
agrees_with_jansson(void)
{
	static const char *const texts[] = {
	        "{\"title\":\"x\"}",
	        "{\"title\":\"x\",\"before\":\"y\",\"n\":5,\"pos\":3,"
	        "\"private\":true,\"list\":[1]}",
	        "{\"title\":\"x\",\"private\":false,\"extra\":{\"a\":1}}",
	        "{\"title\":\"x\",\"n\":-9223372036854775807}",
	        "{}",
	        "{\"before\":\"y\"}",
	        "{\"title\":null}",
	        "{\"title\":5}",
	        "{\"title\":\"x\",\"before\":null}",
	        "{\"title\":\"x\",\"n\":\"5\"}",
	        "{\"title\":\"x\",\"n\":true}",
	        "{\"title\":\"x\",\"pos\":2147483647}",
	        "{\"title\":\"x\",\"pos\":-2147483648}",
	        "{\"title\":\"x\",\"private\":1}",
	        "{\"title\":\"x\",\"private\":null}",
	        "{\"title\":\"x\",\"list\":null}",
	        "{\"title\":\"x\",\"list\":\"text\"}",
	        "[\"title\"]",
	        "\"title\"",
	};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		json_t *data = json_loads(texts[i], JSON_DECODE_ANY, NULL);
		struct gv__op op = {.kind = &kind, .data = data};
		struct got ours, theirs;
		json_error_t jerr;

		T_ASSERT(data);
		fresh(&ours);
		fresh(&theirs);
		ours.rc = gv__op_unpack(&op, FMT, ARGS(&ours));
		theirs.rc = json_unpack_ex(data, &jerr, 0, FMT, ARGS(&theirs));
		same(&ours, &theirs, texts[i]);
		if (ours.rc < 0)
			T_EQ_INT(ours.rc, GV_ECORRUPT);
		json_decref(data);
	}
}

/* Each refusal names the key and what is wrong with it. Past int's
 * range an "i" is refused, where jansson would cut the value short: the
 * one place the two differ, so it is checked here, not compared. */
static void
refusals_name_the_key(void)
{
	json_t *data = json_pack("{s:s, s:I, s:n}", "title", "x", "pos",
	                         (json_int_t)1 << 40, "before");
	struct gv__op op = {.kind = &kind, .data = data};
	const char *s = NULL, *t = NULL;
	int small = 0;

	T_EQ_INT(gv__op_unpack(&op, "{s:s, s:i}", "title", &s, "pos", &small),
	         GV_ECORRUPT);
	T_EQ_STR(gv_error_last()->message,
	         "operation test.kind has data of another shape (no integer "
	         "of int's range at \"pos\"): it was not written by this "
	         "gavel");
	T_EQ_INT(gv__op_unpack(&op, "{s:s, s?s}", "title", &s, "before", &t),
	         GV_ECORRUPT);
	T_CONTAINS(gv_error_last()->message, "(no text at \"before\")");
	T_EQ_INT(gv__op_unpack(&op, "{s:s, s:s}", "title", &s, "item", &t),
	         GV_ECORRUPT);
	T_CONTAINS(gv_error_last()->message, "(no \"item\")");
	json_decref(data);
	data = json_pack("[s]", "title");
	op.data = data;
	T_EQ_INT(gv__op_unpack(&op, "{s:s}", "title", &s), GV_ECORRUPT);
	T_CONTAINS(gv_error_last()->message, "(no object at \"data\")");
	json_decref(data);
}

const struct t_case op_unpack_tests[] = {
        {"agrees_with_jansson", agrees_with_jansson},
        {"refusals_name_the_key", refusals_name_the_key},
        {NULL, NULL},
};
