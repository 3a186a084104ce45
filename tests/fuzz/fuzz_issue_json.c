/* SPDX-License-Identifier: MIT */
/*
 * This file fuzzes the import of GitHub issues (gv_issue_import, through
 * gv__issue_import_data): the JSON of `gh issue list --json ...` or of the
 * REST API's /issues pages, read into an in-memory database with one body.
 * Importing the same file again must then succeed and add nothing: the
 * import is idempotent (README, "Issues").
 */
#include "db.h"
#include "fuzz.h"
#include "gavel/error.h"
#include "gavel/issue.h"
#include "gavel/roster.h"
#include "gavel/time.h"
#include "issue_internal.h"

/*
 * One group for the whole run, made once: opening a database costs more
 * than ten imports. Each input runs inside a transaction that is rolled
 * back (the import's own becomes a savepoint), so each starts from the
 * same empty body and the run stays deterministic.
 */
static struct gv_db *
group(void)
{
	static struct gv_db *db;
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_body_spec spec = {0};
	int64_t now;

	if (db)
		return db;
	FUZZ_CHECK(gv_db_open(&db, ":memory:", &opts) == 0);
	FUZZ_CHECK(gv_time_parse(&now, "2024-12-01 12:00") == 0);
	gv_db_set_now(db, now);
	gv_db_set_actor(db, "chair");
	spec.code = "SMCWG";
	spec.name = "S/MIME Certificate Working Group";
	FUZZ_CHECK(gv_body_add(NULL, db, &spec) == 0);
	return db;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gv_issue_import_stats first, again;
	struct gv_db *db = group();

	FUZZ_CHECK(gv__db_begin(db) == 0);
	if (gv__issue_import_data(&first, db, "SMCWG", "issues.json",
	                          (const char *)data, size) == 0) {
		FUZZ_CHECK(first.added <= first.issues);
		FUZZ_CHECK(gv__issue_import_data(
		                   &again, db, "SMCWG", "issues.json",
		                   (const char *)data, size) == 0);
		FUZZ_CHECK(again.issues == first.issues);
		FUZZ_CHECK(again.added == 0 && again.notes_added == 0);
	} else {
		FUZZ_CHECK(gv_error_last()->message[0] != '\0');
	}
	gv__db_rollback(db);
	return 0;
}
