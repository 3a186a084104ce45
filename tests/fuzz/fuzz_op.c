/* SPDX-License-Identifier: MIT */
/*
 * This file fuzzes the reading of an operation's text (gv__op_parse), the
 * first thing sync does with each line of a commit fetched from another
 * member (issue 17). The input is one line. A text it accepts is the
 * canonical form of its JSON, byte for byte; and a text of the shape this
 * gavel writes (format 1, its own fields, "private" only when true) must
 * come out of gv__op_text again exactly, so the operation keeps its id
 * (the git blob id of that text) wherever it is written again. The
 * canonical reader agrees with json_loadb and jansson's writer on every
 * text: what it reads, and what it refuses.
 *
 * The seeds are real operations, one of each kind, as `gavel` commands
 * recorded them (`SELECT text FROM op`), and one of a newer gavel;
 * tests/fuzz/op_seeds.sh writes them again when operations change.
 */
#include "fuzz.h"
#include "gavel/error.h"
#include "internal.h"
#include "json_canon.h"
#include "op_kinds.h"
#include "op_log.h"

/* The fields gv__op_text writes, "private" aside. */
static const char *const fields[] = {
        "actor", "at", "data", "kind", "lamport", "part", "recorded", "v",
};

/* Whether r's text is of the shape this gavel writes. */
static int
ours(const struct gv__op_read *r)
{
	const json_t *private = json_object_get(r->root, "private");
	size_t i;

	if (json_integer_value(json_object_get(r->root, "v")) != GV__OP_FORMAT)
		return 0;
	if (private && !json_is_true(private))
		return 0;
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (!json_object_get(r->root, fields[i]))
			return 0;
	return json_object_size(r->root) ==
	       sizeof(fields) / sizeof(fields[0]) + (private != NULL);
}

/* Whether v holds a real number anywhere. */
static int
holds_real(json_t *v)
{
	const char *key;
	json_t *item;
	size_t i;

	if (json_is_real(v))
		return 1;
	json_object_foreach (v, key, item)
		if (holds_real(item))
			return 1;
	json_array_foreach (v, i, item)
		if (holds_real(item))
			return 1;
	return 0;
}

/* The canonical reader (core/json_canon.c) reads a text exactly when
 * json_loadb reads an object holding no real and jansson's writer gives
 * the bytes back, and then reads the same value. */
static void
canonical_as_jansson_reads(const uint8_t *data, size_t size)
{
	json_error_t e;
	json_t *root = json_loadb((const char *)data, size,
	                          JSON_REJECT_DUPLICATES, &e),
	       *got = gv__json_load_canonical((const char *)data, size);
	char *again = NULL;
	int same = 0;

	if (root && json_is_object(root) && !holds_real(root)) {
		again = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
		FUZZ_CHECK(again != NULL);
		same = strlen(again) == size && memcmp(again, data, size) == 0;
	}
	FUZZ_CHECK((got != NULL) == same);
	FUZZ_CHECK(!got || json_equal(got, root));
	free(again);
	json_decref(got);
	json_decref(root);
}

/* Writes r again as gv__op_text does: the same bytes, the same id. */
static void
write_again(struct gv__op_read *r, const uint8_t *data, size_t size)
{
	struct gv__op_kind unknown = {NULL, GV__MAY_ANYONE, NULL};
	char *text, *id;

	unknown.name = r->kind_name;
	r->op.kind = gv__op_kind_find(r->kind_name);
	if (!r->op.kind)
		r->op.kind = &unknown;
	text = gv__op_text(&r->op);
	FUZZ_CHECK(text != NULL);
	FUZZ_CHECK(strlen(text) == size && memcmp(text, data, size) == 0);
	id = gv__text_hash(text);
	FUZZ_CHECK(id != NULL && strcmp(id, r->id) == 0);
	free(id);
	free(text);
	r->op.kind = NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gv__op_read r;
	char *again;

	canonical_as_jansson_reads(data, size);
	if (gv__op_parse(&r, (const char *)data, size) < 0) {
		FUZZ_CHECK(gv_error_last()->message[0] != '\0');
		return 0;
	}
	again = json_dumps(r.root, JSON_COMPACT | JSON_SORT_KEYS);
	FUZZ_CHECK(again != NULL);
	FUZZ_CHECK(strlen(again) == size && memcmp(again, data, size) == 0);
	free(again);
	FUZZ_CHECK(r.kind_name && r.op.actor[0] && r.op.part[0]);
	FUZZ_CHECK(r.op.lamport >= 0 && r.format >= 1 && strlen(r.id) == 40);
	FUZZ_CHECK(json_is_object(r.op.data));
	if (ours(&r))
		write_again(&r, data, size);
	gv__op_read_dispose(&r);
	return 0;
}
