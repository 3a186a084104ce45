/* SPDX-License-Identifier: MIT */
/*
 * This file tests where an issue's closes and reopenings are kept since
 * the event history went (core/db_schema.c v16): a store that upgrades
 * moves them over from its events, a snapshot from before v16 brings them
 * from the events it holds, and either way the story, a rebuild and the
 * digest agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"

/* The kinds and times of issue ref's story entries, as "c@T r@T ...",
 * closes and reopenings only. */
static const char *
turns(struct gv_db *db, const char *ref)
{
	static char out[256];
	struct gv_issue_story s;
	size_t i, len = 0;

	out[0] = '\0';
	if (gv_issue_story(&s, db, NULL, ref) < 0)
		return "(no story)";
	for (i = 0; i < s.n; i++)
		if (s.v[i].kind == GV_ISSUE_CLOSED ||
		    s.v[i].kind == GV_ISSUE_REOPENED)
			len += (size_t)snprintf(
			        out + len, sizeof(out) - len, "%s%c@%lld",
			        len ? " " : "",
			        s.v[i].kind == GV_ISSUE_CLOSED ? 'c' : 'r',
			        (long long)s.v[i].at);
	gv_issue_story_dispose(&s);
	return out;
}

/* A v15 store whose history holds an issue's close with its act time,
 * a reopening with none (its record time), a close whose detail is not
 * JSON, and events of other kinds and of another issue number. */
static void
upgrade_moves_closes_from_events(void)
{
	const char *path = t_path("v15.db");
	char before[GV_DIGEST_HEX], after[GV_DIGEST_HEX];
	struct gv_rebuild_report r;
	struct gv_db *db = NULL;

	T_OK(t_store_at(path, 15));
	t_sql_file(
	        path,
	        "INSERT INTO body (id, code, fold, name, prefix, created_at)"
	        " VALUES (1, 'SMCWG', 'smcwg', 'S/MIME', 'SMC', 1700000000);"
	        "INSERT INTO issue (id, body, number, title, state, created_at,"
	        " updated_at, closed_at) VALUES (1, 1, 263, 'EUID', 'closed',"
	        " 1700000000, 1700900000, 1700800000);"
	        "INSERT INTO event (id, at, actor, body, kind, subject, detail)"
	        " VALUES (1, 1700000000, 'chair', 1, 'issue.add', 'SMCWG#263',"
	        " '{\"title\": \"EUID\"}'),"
	        " (2, 1700500000, 'chair', 1, 'issue.close', 'SMCWG#263',"
	        " '{\"at\": 1700400000}'),"
	        " (3, 1700600000, 'chair', 1, 'issue.reopen', 'SMCWG#263',"
	        " '{}'),"
	        " (4, 1700700000, 'chair', 1, 'issue.close', 'SMCWG#264',"
	        " '{\"at\": 1700650000}'),"
	        " (5, 1700800000, 'chair', 1, 'issue.close', 'SMCWG#263',"
	        " 'not json');");
	T_EQ_INT(gv_db_open(&db, path, NULL), 0);
	T_EQ_STR(turns(db, "263"), "c@1700400000 r@1700600000 c@1700800000");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE"
	                       " name = 'event'"),
	         0);
	/* The store from before the log became a snapshot that holds them;
	 * replayed, it gives the same story and the same digest. */
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM op WHERE kind ="
	                       " 'store.snapshot' AND text LIKE"
	                       " '%\"issue_state\"%'"),
	         1);
	T_OK(gv_digest(before, db, NULL));
	T_OK(gv_rebuild(&r, db));
	T_OK(gv_digest(after, db, NULL));
	T_EQ_STR(after, before);
	T_EQ_STR(turns(db, "263"), "c@1700400000 r@1700600000 c@1700800000");
	gv_db_free(db);
}

/* A new store, the file name, made by replaying tables with one value of
 * a row of table changed: removed (value NULL) or replaced by value
 * (taken over). NULL when it cannot be made. */
static struct gv_db *
replay_changed(struct gv_rebuild_report *r, const char *name,
               const char *tables, const char *table, size_t row, size_t column,
               json_t *value)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	json_t *data = json_loads(tables, 0, NULL), *cells;
	struct gv_db *db = NULL;
	char *text;

	cells = json_array_get(
	        json_object_get(
	                json_object_get(json_object_get(data, "tables"), table),
	                "rows"),
	        row);
	if (value)
		json_array_set_new(cells, column, value);
	else
		json_array_remove(cells, column);
	text = json_dumps(data, 0);
	json_decref(data);
	if (!text || gv_db_open(&db, t_path(name), &opts) < 0 ||
	    t_snapshot_replay(r, db, text) < 0) {
		gv_db_free(db);
		db = NULL;
	}
	free(text);
	return db;
}

/* Why the log's one conflict is one. */
static const char *
conflict_reason(struct gv_db *db)
{
	return t_sql_text(db,
	                  "SELECT reason FROM op WHERE status = 'conflict'");
}

/* A snapshot written before v16 holds the event history, not
 * issue_state: replaying it keeps the closes and reopenings it tells,
 * and one whose events are not of the shape they had is refused whole. */
static void
snapshot_from_v15_keeps_closes(void)
{
	static const char tables[] =
	        "{\"tables\": {"
	        "\"body\": {\"columns\": [\"id\", \"code\", \"fold\", "
	        "\"name\", \"prefix\", \"id_width\", \"tz\", \"created_at\"], "
	        "\"rows\": [[1, \"SMCWG\", \"smcwg\", \"S/MIME\", \"SMC\", 3, "
	        "\"UTC\", 0]]},"
	        "\"issue\": {\"columns\": [\"id\", \"body\", \"number\", "
	        "\"title\", \"state\", \"created_at\", \"updated_at\", "
	        "\"closed_at\"], \"rows\": [[1, 1, 263, \"EUID\", \"closed\", "
	        "0, 50, 40]]},"
	        "\"event\": {\"columns\": [\"id\", \"at\", \"actor\", "
	        "\"body\", "
	        "\"kind\", \"subject\", \"detail\"], \"rows\": ["
	        "[1, 10, \"chair\", 1, \"issue.close\", \"SMCWG#263\", "
	        "\"{\\\"at\\\": 5}\"],"
	        "[2, 20, \"chair\", 1, \"issue.reopen\", \"SMCWG#263\", "
	        "\"{}\"],"
	        "[3, 40, \"chair\", 1, \"issue.close\", \"SMCWG#263\", "
	        "\"{\\\"at\\\": \\\"soon\\\"}\"],"
	        "[4, 45, \"chair\", 1, \"issue.note\", \"SMCWG#263\", "
	        "\"{}\"]]}}}";
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_rebuild_report r;
	struct gv_db *db = NULL;

	T_EQ_INT(gv_db_open(&db, t_path("snap.db"), &opts), 0);
	T_OK(t_snapshot_replay(&r, db, tables));
	T_EQ_INT(r.conflicts, 0);
	T_EQ_STR(turns(db, "263"), "c@5 r@20 c@40");
	/* The history is read into a table of its own, gone after. */
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM sqlite_temp_schema"), 0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE"
	                       " name = 'event'"),
	         0);
	gv_db_free(db);

	/* An event row with a value missing: the snapshot is a conflict and
	 * nothing of it is kept. */
	T_ASSERT((db = replay_changed(&r, "bad.db", tables, "event", 0, 6,
	                              NULL)) != NULL);
	T_EQ_INT(r.conflicts, 1);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM issue"), 0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM issue_state"), 0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM sqlite_temp_schema"), 0);
	gv_db_free(db);

	/* A reopening whose time is null: refused whole, and the reason
	 * says so in gavel's words, with SQLite's after them. */
	T_ASSERT((db = replay_changed(&r, "null.db", tables, "event", 1, 1,
	                              json_null())) != NULL);
	T_EQ_INT(r.conflicts, 1);
	T_EQ_STR(conflict_reason(db),
	         "a snapshot's event rows do not fit what gavel keeps of them "
	         "(NOT NULL constraint failed: issue_state.at): the snapshot "
	         "was not written by gavel, or was changed since");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM issue"), 0);
	gv_db_free(db);

	/* The same of a table's row: an issue without a title. */
	T_ASSERT((db = replay_changed(&r, "untitled.db", tables, "issue", 0, 3,
	                              json_null())) != NULL);
	T_EQ_INT(r.conflicts, 1);
	T_EQ_STR(conflict_reason(db),
	         "a snapshot's rows of issue do not fit what gavel keeps of "
	         "them (NOT NULL constraint failed: issue.title): the "
	         "snapshot was not written by gavel, or was changed since");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM body"), 0);
	gv_db_free(db);

	/* Events that are not a table at all: refused the same way. */
	T_EQ_INT(gv_db_open(&db, t_path("odd.db"), &opts), 0);
	T_OK(t_snapshot_replay(&r, db, "{\"tables\": {\"event\": \"x\"}}"));
	T_EQ_INT(r.conflicts, 1);
	gv_db_free(db);
}

const struct t_case issue_state_tests[] = {
        {"upgrade_moves_closes_from_events", upgrade_moves_closes_from_events},
        {"snapshot_from_v15_keeps_closes", snapshot_from_v15_keeps_closes},
        {NULL, NULL},
};
