/* SPDX-License-Identifier: MIT */
/*
 * This file tests that `gavel digest` covers the record (issue 17): every
 * column of every table the log derives is in its table's digest
 * statement (core/db_stmt_digest.h), or is listed here with why it is
 * not. A column added to the schema and forgotten there would let two
 * copies differ with one digest, so sync could not tell they diverged.
 */
#include <ctype.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "db_stmt_digest.h"
#include "gavel/gavel.h"
#include "harness.h"

#define X(name, sql) {#name, sql},
static const struct {
	const char *name, *sql;
} digest[] = {GV__STMTS_DIGEST(X)};
#undef X

/* Tables that are not the record's content. */
static const char *const not_content[] = {
        "op",                      /* the log itself, which the digest is of */
        "config",                  /* this copy's own settings */
        "remote",                  /* where this copy syncs */
        "chain_seen", "issue_fts", /* sync's bookkeeping; search index */
};

/* Columns of content tables left out, and why. */
static const struct {
	const char *table, *column;
} left_out[] = {
        /* Row ids differ between copies; rows are named by their keys. */
        {"*", "id"},
        /* Derived from digested columns: by the schema's triggers (v11),
         * and the names as they are compared (gv_text_fold). */
        {"ballot", "settled_at"},
        {"body", "fold"},
        {"org", "fold"},
        {"person", "fold"},
        /* A path on one machine, moved to this copy's config in v8; the
         * column stays, unused, in files from before. */
        {"body", "templates"},
        /* The operation that added the issue or ballot: how operations
         * find it (v15), not what it holds; empty on an upgraded copy's
         * older rows until it is rebuilt, where a new copy has it. */
        {"issue", "made_by"},
        {"ballot", "made_by"},
};

static int
listed(const char *table, const char *column)
{
	size_t i;

	for (i = 0; i < sizeof(left_out) / sizeof(*left_out); i++)
		if ((!strcmp(left_out[i].table, "*") ||
		     !strcmp(left_out[i].table, table)) &&
		    !strcmp(left_out[i].column, column))
			return 1;
	return 0;
}

static int
not_content_table(const char *table)
{
	size_t i, n;

	for (i = 0; i < sizeof(not_content) / sizeof(*not_content); i++) {
		n = strlen(not_content[i]);
		/* FTS5 keeps its index in shadow tables named after it. */
		if (!strncmp(table, not_content[i], n) &&
		    (!table[n] || table[n] == '_'))
			return 1;
	}
	return 0;
}

/* The digest statement of table, or NULL. */
static const char *
statement_of(const char *table)
{
	char want[64];
	size_t i, k;

	for (i = 0; i < sizeof(digest) / sizeof(*digest); i++) {
		for (k = 0; digest[i].name[k] && k + 1 < sizeof(want); k++)
			want[k] =
			        (char)tolower((unsigned char)digest[i].name[k]);
		want[k] = '\0';
		if (!strcmp(want + strlen("digest_"), table))
			return digest[i].sql;
	}
	return NULL;
}

/* Whether sql reads "t.column" as a whole name. */
static int
reads(const char *sql, const char *column)
{
	char want[80];
	const char *p = sql;
	size_t n;

	n = (size_t)snprintf(want, sizeof(want), "t.%s", column);
	while ((p = strstr(p, want))) {
		if (!isalnum((unsigned char)p[n]) && p[n] != '_' &&
		    (p == sql || !isalnum((unsigned char)p[-1])))
			return 1;
		p += n;
	}
	return 0;
}

static void
every_column_is_digested_or_said_why(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_db *db = NULL;
	sqlite3 *sql = NULL;
	sqlite3_stmt *st = NULL;
	const char *table, *column, *stmt;
	char last[64] = "";
	size_t tables = 0, columns = 0;

	/* The schema a new copy gets: every migration applied. */
	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &opts), 0);
	gv_db_free(db);
	T_EQ_INT(sqlite3_open_v2(t_path("g.db"), &sql, SQLITE_OPEN_READONLY,
	                         NULL),
	         SQLITE_OK);
	T_EQ_INT(sqlite3_prepare_v2(
	                 sql,
	                 "SELECT m.name, c.name FROM sqlite_schema m,"
	                 " pragma_table_info(m.name) c WHERE m.type = 'table'"
	                 " AND m.name NOT LIKE 'sqlite_%' ORDER BY 1, c.cid",
	                 -1, &st, NULL),
	         SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		table = (const char *)sqlite3_column_text(st, 0);
		column = (const char *)sqlite3_column_text(st, 1);
		if (not_content_table(table))
			continue;
		if (!(stmt = statement_of(table))) {
			t_fail(__FILE__, __LINE__,
			       "table %s has no DIGEST_ statement", table);
			break;
		}
		columns++;
		if (strcmp(table, last)) {
			tables++;
			snprintf(last, sizeof(last), "%s", table);
		}
		if (!listed(table, column) && !reads(stmt, column))
			t_fail(__FILE__, __LINE__,
			       "%s.%s is not in the digest, nor said why here",
			       table, column);
	}
	sqlite3_finalize(st);
	sqlite3_close(sql);
	/* What the schema holds today, so the walk is known to have run. */
	T_ASSERT(tables >= 20);
	T_ASSERT(columns >= 150);
	T_EQ_INT((long)(sizeof(digest) / sizeof(*digest)), (long)tables);
}

/* The check itself: a column the digest does not read is caught. */
static void
a_missing_column_is_caught(void)
{
	T_ASSERT(reads("quote(t.name) || quote(t.day)", "day"));
	T_ASSERT(!reads("quote(t.name) || quote(t.day)", "da"));
	T_ASSERT(!reads("quote(t.name) || quote(t.days)", "day"));
	T_ASSERT(!reads("quote(at.day)", "day"));
	T_ASSERT(statement_of("holiday") != NULL);
	T_ASSERT(statement_of("holidays") == NULL);
	T_ASSERT(not_content_table("issue_fts_data"));
	T_ASSERT(!not_content_table("issue"));
}

const struct t_case digest_tests[] = {
        {"every_column_is_digested_or_said_why",
         every_column_is_digested_or_said_why},
        {"a_missing_column_is_caught", a_missing_column_is_caught},
        {NULL, NULL},
};
