/* SPDX-License-Identifier: MIT */
/*
 * This file implements the operation that holds a database from before
 * the log (issue 17: "existing databases migrate: what they hold becomes
 * the first operations, with nothing lost"): every row of every derived
 * table, with its row ids. Its apply inserts them again. Its table and
 * column names come from another member's copy too, so each is checked
 * against the schema before it is written into the INSERT it builds;
 * values are always bound.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/log.h"
#include "gavel/sync.h"
#include "op_kinds.h"
#include "op_log.h"
#include "snapshot.h"

/* The tables a snapshot holds, parents before children. */
static const char *const tables[] = {
        "body",
        "holiday",
        "org",
        "membership",
        "person",
        "person_email",
        "rep",
        "affiliation",
        "meeting",
        "attendance",
        "agenda_item",
        "issue",
        "issue_label",
        "issue_note",
        "issue_state",
        "ballot",
        "agenda_link",
        "issue_link",
        "ballot_version",
        "ballot_version_file",
        "endorsement",
        "vote",
        "exclusion_notice",
        "ballot_quorum",
        "review_note",
};

static int
known_table(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (!strcmp(tables[i], name))
			return 1;
	return 0;
}

/* Whether table.name is derived from the other columns by the schema's
 * triggers (core/db_schema.c v11): not content, and a copy of gavel from
 * before the column could not insert it. */
static int
derived_column(const char *table, const char *name)
{
	return !strcmp(table, "ballot") && !strcmp(name, "settled_at");
}

/* Whether table has a column name (its schema, not the operation, says). */
static int
known_column(struct gv_db *db, const char *table, const char *name)
{
	sqlite3_stmt *st = NULL;
	int found = 0;

	if (sqlite3_prepare_v2(db->sql,
	                       "SELECT 1 FROM pragma_table_info(?1)"
	                       " WHERE name = ?2",
	                       -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* Column i of the row st is on, as JSON. */
static json_t *
column_value(sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER:
		return json_integer(sqlite3_column_int64(st, i));
	case SQLITE_NULL:
		return json_null();
	default:
		return json_string((const char *)sqlite3_column_text(st, i));
	}
}

/* {"columns": [...], "rows": [[...], ...]} of one table. */
static int
table_rows(json_t **out, struct gv_db *db, const char *table)
{
	sqlite3_stmt *st = NULL;
	json_t *columns = json_array(), *rows = json_array(), *row;
	char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", table);
	int i, n, rc;

	*out = NULL;
	rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		json_decref(columns);
		json_decref(rows);
		return gv__db_error(db, GV_ERRCLASS_DB);
	}
	n = sqlite3_column_count(st);
	for (i = 0; i < n; i++)
		if (!derived_column(table, sqlite3_column_name(st, i)))
			json_array_append_new(
			        columns,
			        json_string(sqlite3_column_name(st, i)));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row = json_array();
		for (i = 0; i < n; i++)
			if (!derived_column(table, sqlite3_column_name(st, i)))
				json_array_append_new(row, column_value(st, i));
		json_array_append_new(rows, row);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		json_decref(columns);
		json_decref(rows);
		return gv__db_error(db, GV_ERRCLASS_DB);
	}
	*out = json_pack("{s:o, s:o}", "columns", columns, "rows", rows);
	return 0;
}

/* INSERT INTO "table" ("a", "b") VALUES (?, ?), the names checked. */
static int
insert_sql(char **out, struct gv_db *db, const char *table,
           const json_t *columns)
{
	struct gv_buf sql = GV_BUF_INIT;
	const json_t *c;
	size_t i;

	*out = NULL;
	if (!known_table(table))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                     "a snapshot holds a table gavel does not "
		                     "have (%s)",
		                     table);
	gv__buf_printf(&sql, "INSERT INTO \"%s\" (", table);
	json_array_foreach (columns, i, c) {
		if (!json_is_string(c) ||
		    !known_column(db, table, json_string_value(c))) {
			gv__buf_dispose(&sql);
			return gv__error_set(
			        GV_ERRCLASS_SYNC, GV_ECORRUPT,
			        "a snapshot holds a column %s does "
			        "not have",
			        table);
		}
		gv__buf_printf(&sql, "%s\"%s\"", i ? ", " : "",
		               json_string_value(c));
	}
	gv__buf_puts(&sql, ") VALUES (");
	for (i = 0; i < json_array_size(columns); i++)
		gv__buf_puts(&sql, i ? ", ?" : "?");
	gv__buf_puts(&sql, ")");
	*out = gv__buf_detach(&sql);
	return 0;
}

static int
bind_value(sqlite3_stmt *st, int i, const json_t *v)
{
	if (json_is_integer(v))
		return sqlite3_bind_int64(st, i, json_integer_value(v));
	if (json_is_string(v))
		return sqlite3_bind_text(st, i, json_string_value(v), -1,
		                         SQLITE_STATIC);
	return json_is_null(v) ? sqlite3_bind_null(st, i) : SQLITE_MISMATCH;
}

/* Whether each row of table t has a value for each of its columns. */
static int
rows_fit(const char *table, const json_t *t)
{
	size_t n = json_array_size(json_object_get(t, "columns")), r;
	const json_t *row;

	json_array_foreach (json_object_get(t, "rows"), r, row)
		if (json_array_size(row) != n)
			return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
			                     "a snapshot row of %s has %zu "
			                     "values for %zu columns",
			                     table, json_array_size(row), n);
	return 0;
}

/*
 * A row SQLite refused (a NOT NULL, a CHECK, a key): the snapshot's
 * fault, said as one, with SQLite's words for which. Any other failure
 * (the disk, the store) is left as SQLite said it.
 */
static int
rows_refused(struct gv_db *db, int error, const char *what)
{
	if ((sqlite3_errcode(db->sql) & 0xff) != SQLITE_CONSTRAINT)
		return error;
	return gv__error_set(
	        GV_ERRCLASS_SYNC, GV_ECORRUPT,
	        "a snapshot's %s do not fit what gavel keeps of "
	        "them (%s): the snapshot was not written by gavel, "
	        "or was changed since",
	        what, sqlite3_errmsg(db->sql));
}

static int
insert_rows(struct gv_db *db, const char *table, const json_t *t)
{
	const json_t *columns = json_object_get(t, "columns"), *rows, *row;
	sqlite3_stmt *st = NULL;
	char *sql = NULL;
	size_t r, i, n = json_array_size(columns);
	int error;

	rows = json_object_get(t, "rows");
	if ((error = rows_fit(table, t)) < 0 ||
	    (error = insert_sql(&sql, db, table, columns)) < 0)
		return error;
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
		free(sql);
		return gv__db_error(db, GV_ERRCLASS_SYNC);
	}
	free(sql);
	json_array_foreach (rows, r, row) {
		for (i = 0; i < n && error == 0; i++)
			if (bind_value(st, (int)i + 1,
			               json_array_get(row, i)) != SQLITE_OK)
				error = gv__error_set(
				        GV_ERRCLASS_SYNC, GV_ECORRUPT,
				        "a snapshot value of %s is neither a "
				        "number nor text",
				        table);
		if (error < 0)
			break;
		if ((error = gv__db_step(db, st)) < 0) {
			char *what = gv__xsprintf("rows of %s", table);

			error = rows_refused(db, error, what);
			free(what);
			break;
		}
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	sqlite3_finalize(st);
	return error < 0 ? error : 0;
}

/* The event rows of a snapshot (?1: the table's columns and rows), each
 * column found by its name in the columns the snapshot lists. */
#define SNAPSHOT_EVENTS                                                        \
	"(SELECT json_extract(r.value, k.id) AS id,"                           \
	" json_extract(r.value, k.at) AS at,"                                  \
	" json_extract(r.value, k.body) AS body,"                              \
	" json_extract(r.value, k.kind) AS kind,"                              \
	" json_extract(r.value, k.subject) AS subject,"                        \
	" json_extract(r.value, k.detail) AS detail"                           \
	" FROM json_each(?1, '$.rows') r, (SELECT"                             \
	"  max(CASE value WHEN 'id' THEN '$[' || key || ']' END) AS id,"       \
	"  max(CASE value WHEN 'at' THEN '$[' || key || ']' END) AS at,"       \
	"  max(CASE value WHEN 'body' THEN '$[' || key || ']' END) AS body,"   \
	"  max(CASE value WHEN 'kind' THEN '$[' || key || ']' END) AS kind,"   \
	"  max(CASE value WHEN 'subject' THEN '$[' || key || ']' END)"         \
	"   AS subject,"                                                       \
	"  max(CASE value WHEN 'detail' THEN '$[' || key || ']' END)"          \
	"   AS detail"                                                         \
	"  FROM json_each(?1, '$.columns')) k)"

/*
 * The event history of a snapshot taken before v16, which had no
 * issue_state: its closes and reopenings of an issue are kept, as an
 * upgrade keeps them (core/db_schema.c v16), read off the snapshot's rows
 * with the same statement.
 */
static int
events_apply(struct gv_db *db, const json_t *t)
{
	static const char sql[] = GV__ISSUE_STATE_FROM(SNAPSHOT_EVENTS);
	sqlite3_stmt *st = NULL;
	char *text;
	int error;

	if (!json_is_object(t))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                     "a snapshot's events are not a table");
	if ((error = rows_fit("event", t)) < 0)
		return error;
	if (!(text = json_dumps(t, JSON_COMPACT)))
		abort();
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
		free(text);
		return gv__db_error(db, GV_ERRCLASS_SYNC);
	}
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	if ((error = gv__db_step(db, st)) < 0)
		error = rows_refused(db, error, "event rows");
	sqlite3_finalize(st);
	free(text);
	return error < 0 ? error : 0;
}

static int
snapshot_apply(struct gv_db *db, const struct gv__op *op)
{
	const json_t *all = json_object_get(op->data, "tables");
	sqlite3_stmt *st;
	size_t i;
	int error;

	if (!json_is_object(all))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ECORRUPT,
		                     "a snapshot holds no tables");
	/* A snapshot is a whole database: it only goes into an empty one. */
	if ((error = gv__db_exec(db, "PRAGMA defer_foreign_keys = ON")) < 0)
		return error;
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		const json_t *t = json_object_get(all, tables[i]);

		if (t && (error = insert_rows(db, tables[i], t)) < 0)
			return error;
	}
	if (json_object_get(all, "event") &&
	    (error = events_apply(db, json_object_get(all, "event"))) < 0)
		return error;
	/* A snapshot taken before addresses had a table of their own (v9)
	 * gives each person the one address it kept, as v9 did. */
	if (!json_object_get(all, "person_email") &&
	    ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_EMAIL_LEGACY)) < 0 ||
	     (error = gv__db_run(db, st)) < 0))
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ISSUE_FTS_ALL)) < 0)
		return error;
	return gv__db_run(db, st);
}

const struct gv__op_kind gv__op_store_snapshot = {
        "store.snapshot", GV__MAY_CHAIR, snapshot_apply};

int
gv__snapshot_legacy(struct gv_db *db)
{
	struct gv__op op = {0};
	json_t *all, *rows;
	sqlite3_stmt *st;
	size_t i;
	int error, legacy = 0;

	if (sqlite3_db_readonly(db->sql, "main") == 1)
		return 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_LEGACY)) < 0)
		return error;
	if ((error = gv__db_step(db, st)) > 0)
		legacy = sqlite3_column_int(st, 0);
	gv__db_reset(st);
	if (error < 0 || !legacy)
		return error < 0 ? error : 0;
	all = json_object();
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		if ((error = table_rows(&rows, db, tables[i])) < 0) {
			json_decref(all);
			return error;
		}
		json_object_set_new(all, tables[i], rows);
	}
	op.kind = &gv__op_store_snapshot;
	op.data = json_pack("{s:o}", "tables", all);
	op.actor = gv_db_actor(db);
	op.part = GV__OP_NO_PART;
	op.recorded = op.at = gv_db_now(db);
	op.lamport = 0;
	if ((error = gv__db_begin(db)) == 0 &&
	    ((error = gv__op_record(db, &op, NULL, "applied", NULL)) < 0 ||
	     (error = gv__db_commit(db)) < 0))
		gv__db_rollback(db);
	json_decref((json_t *)op.data);
	return error;
}
