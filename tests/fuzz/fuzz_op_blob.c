/* SPDX-License-Identifier: MIT */
/*
 * This file fuzzes applying operations from another member (issue 17):
 * the input is a commit's "ops" blob, one operation a line, recorded in
 * the log of an empty store and applied in the log's order through the
 * path replay and sync share (gv_rebuild, gv__replay_run_text), so every
 * kind's apply meets unknown kinds, data of other shapes, huge numbers,
 * deep nesting and operations that no longer fit the store. Whatever an
 * operation holds, applying it is a status (applied, conflict, ...), never
 * an error of the store, which would stop every later sync; and applying
 * the same log again gives the same digest.
 *
 * A line that is JSON but not canonical is written canonically first
 * (fuzz_op.c fuzzes the refusal of such a line), so a mutation that only
 * breaks the form still reaches apply. A line that is not an operation is
 * skipped, as is one already in the log. The seeds are real operations
 * written by `gavel` commands (`SELECT text FROM op`), a body with its
 * members and roles then one theme each: meetings, issues, ballots with
 * votes, a ballot through its IPR review, redline notes (one private),
 * the demo's recorded ballot, a ballot closed on two copies, a newer
 * gavel's operation, a snapshot of a store from before the log holding
 * the event history of v15 (tests/fuzz/op_seeds.sh writes them).
 */
#include "db.h"
#include "fuzz.h"
#include "gavel/log.h"
#include "gavel/time.h"
#include "op_log.h"

/*
 * One store for the whole run, made once; each input runs inside a
 * transaction that is rolled back (the rebuild's becomes a savepoint), so
 * each starts from the same empty store and the run stays deterministic.
 */
static struct gv_db *
store(void)
{
	static struct gv_db *db;
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	int64_t now;

	if (db)
		return db;
	FUZZ_CHECK(gv_db_open(&db, ":memory:", &opts) == 0);
	FUZZ_CHECK(gv_time_parse(&now, "2024-12-18 16:00") == 0);
	gv_db_set_now(db, now);
	gv_db_set_actor(db, "fuzz");
	return db;
}

/* The line's JSON in canonical form, or NULL when it is not JSON. */
static char *
canonical(const uint8_t *line, size_t len)
{
	json_error_t jerr;
	json_t *root = json_loadb((const char *)line, len,
	                          JSON_REJECT_DUPLICATES, &jerr);
	char *text;

	if (!root)
		return NULL;
	text = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(root);
	return text;
}

/* Records one line as sync records an operation it has not seen; 1 when
 * it was recorded. */
static int
record(struct gv_db *db, const uint8_t *line, size_t len)
{
	struct gv__op_read r;
	char *text = canonical(line, len);
	int added;

	if (!text)
		return 0;
	if (gv__op_parse(&r, text, strlen(text)) < 0) {
		free(text);
		return 0;
	}
	FUZZ_CHECK(gv__op_record_text(&added, db, &r.op, r.kind_name, r.id,
	                              text, "fuzz", NULL) == 0);
	gv__op_read_dispose(&r);
	free(text);
	return added;
}

/* Applies the whole log; its digest. */
static void
apply(struct gv_rebuild_report *r, char digest[GV_DIGEST_HEX], struct gv_db *db)
{
	FUZZ_CHECK(gv_rebuild(r, db) == 0);
	FUZZ_CHECK(r->applied + r->conflicts + r->same + r->unknown +
	                   r->denied ==
	           r->ops);
	FUZZ_CHECK(gv_digest(digest, db, NULL) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gv_rebuild_report first, again;
	char d1[GV_DIGEST_HEX], d2[GV_DIGEST_HEX];
	struct gv_db *db = store();
	const uint8_t *p = data, *end = data + size, *nl;
	size_t n = 0;

	FUZZ_CHECK(gv__db_begin(db) == 0);
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n += (size_t)record(db, p, (size_t)((nl ? nl : end) - p));
		p = nl ? nl + 1 : end;
	}
	if (n) {
		apply(&first, d1, db);
		FUZZ_CHECK(first.ops == n);
		apply(&again, d2, db);
		FUZZ_CHECK(memcmp(&first, &again, sizeof(first)) == 0);
		FUZZ_CHECK(strcmp(d1, d2) == 0);
	}
	gv__db_rollback(db);
	return 0;
}
