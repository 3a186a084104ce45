/* SPDX-License-Identifier: MIT */
/*
 * This file tests the store: creating and opening databases, migrations
 * (each in its own transaction, refusal of newer schemas), the files it
 * refuses, locking and the operation log.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"

/* The first column of sql's first row in the store at path, read
 * without gavel (kept until the test ends; "" for NULL), or NULL when
 * there is no row. */
static const char *
query_text(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	const char *v = NULL;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) ==
	            SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		v = (const char *)sqlite3_column_text(st, 0);
		v = t_keep(strdup(v ? v : ""));
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static int64_t
query_int(const char *path, const char *sql)
{
	const char *v = query_text(path, sql);

	return v ? strtoll(v, NULL, 10) : -1;
}

static void
write_file(const char *path, const char *data)
{
	FILE *f = fopen(path, "wb");

	fputs(data, f);
	fclose(f);
}

static void
creates_schema(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	const char *path = t_path("g.db");
	struct gv_db *db = NULL;

	T_EQ_INT(gv_db_open(&db, path, &opts), 0);
	gv_db_free(db);
	T_EQ_INT(query_int(path, "PRAGMA user_version"),
	         gv_db_schema_version());
	T_EQ_INT(query_int(path, "PRAGMA application_id"), GV__APPLICATION_ID);
	T_EQ_INT(query_int(path, "SELECT count(*) FROM sqlite_schema WHERE "
	                         "type = 'table' AND name IN ('body', 'org',"
	                         " 'membership', 'person', 'rep', 'meeting',"
	                         " 'attendance', 'agenda_item', 'agenda_link',"
	                         " 'issue', 'issue_label', 'issue_note',"
	                         " 'ballot', 'ballot_version', 'endorsement',"
	                         " 'vote', 'exclusion_notice', 'review_note',"
	                         " 'op', 'holiday')"),
	         20);
	/* Every table is STRICT (FTS5's own tables are virtual or shadow). */
	T_EQ_INT(query_int(path, "SELECT count(*) FROM pragma_table_list "
	                         "WHERE schema = 'main' AND strict = 0 AND "
	                         "type = 'table' AND name NOT LIKE 'sqlite_%'"),
	         0);
	T_EQ_INT(query_int(path, "SELECT journal_mode = 'wal' FROM "
	                         "pragma_journal_mode"),
	         1);
	/* Pages of 8 KiB (core/db_open.c says why). */
	T_EQ_INT(query_int(path, "PRAGMA page_size"), 8192);
}

static void
reopens_and_sets_pragmas(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	const char *path = t_path("g.db");
	struct gv_db *db = NULL;
	int64_t fk = 0;

	T_EQ_INT(gv_db_open(&db, path, &opts), 0);
	gv_db_free(db);
	T_EQ_INT(gv_db_open(&db, path, NULL), 0);
	T_ASSERT(sqlite3_exec(db->sql, "SELECT 1", NULL, NULL, NULL) ==
	         SQLITE_OK);
	{
		sqlite3_stmt *st = NULL;

		sqlite3_prepare_v2(db->sql, "PRAGMA foreign_keys", -1, &st,
		                   NULL);
		if (sqlite3_step(st) == SQLITE_ROW)
			fk = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	gv_db_free(db);
	T_EQ_INT(fk, 1);
}

static void
create_refuses_existing(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	const char *path = t_path("g.db");
	struct gv_db *db = NULL;

	T_EQ_INT(gv_db_open(&db, path, &opts), 0);
	gv_db_free(db);
	T_EQ_INT(gv_db_open(&db, path, &opts), GV_EEXISTS);
	T_ASSERT(db == NULL);
	T_CONTAINS(gv_error_last()->message, "already exists");
}

static void
missing_file_and_folder(void)
{
	struct gv_db_options create = {GV_DB_CREATE, 0};
	struct gv_db *db = NULL;

	T_EQ_INT(gv_db_open(&db, t_path("none.db"), NULL), GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "gavel init");
	T_EQ_INT(gv_db_open(&db, t_path("no/such/dir/g.db"), &create),
	         GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "no/such/dir does not exist");
}

/* The schema as "sql;" lines ordered by name, as tests/data keeps it. */
static char *
schema_dump(sqlite3 *sql)
{
	sqlite3_stmt *st = NULL;
	size_t len = 0;
	char *out = calloc(1, 1);

	sqlite3_prepare_v2(sql,
	                   "SELECT sql || ';' FROM sqlite_schema WHERE sql IS "
	                   "NOT NULL AND name NOT IN (SELECT name FROM "
	                   "pragma_table_list WHERE type = 'shadow') ORDER BY "
	                   "name",
	                   -1, &st, NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);

		out = gv__xrealloc(out, len + strlen(line) + 2);
		memcpy(out + len, line, strlen(line));
		len += strlen(line);
		out[len++] = '\n';
		out[len] = '\0';
	}
	sqlite3_finalize(st);
	return out;
}

/*
 * Migrations are append-only: each version's schema is saved in
 * tests/data/schema-vN.sql when it ships, and migrating a new file to N
 * must still make exactly that schema.
 */
static void
migrations_match_saved_schemas(void)
{
	char path[64], *got;
	const char *want;
	int v, error;

	for (v = 1; v <= gv_db_schema_version(); v++) {
		struct gv_db *db = calloc(1, sizeof(*db));

		snprintf(path, sizeof(path), "tests/data/schema-v%d.sql", v);
		want = t_read_file(path, NULL);
		db->path = strdup(t_path("m.db"));
		db->now = -1;
		sqlite3_open(":memory:", &db->sql);
		error = gv__db_migrate(db, gv__migrations, v);
		got = schema_dump(db->sql);
		gv_db_free(db);
		if (!want || error || strcmp(got, want)) {
			t_fail(__FILE__, __LINE__,
			       "schema v%d differs from %s (a shipped "
			       "migration was edited, or its dump is missing)",
			       v, path);
			free(got);
			return;
		}
		free(got);
	}
}

/* A new store is made in one step from the schema the migrations leave
 * (tools/schema_now.c): the same objects, the same search index set-up,
 * the same version, as running every migration. */
static void
new_store_made_as_migrations_leave_it(void)
{
	struct gv_db_options create = {GV_DB_CREATE, 0};
	struct gv_db *db = NULL, *migrated = calloc(1, sizeof(*migrated));
	char *got, *want;
	const char *fts = "SELECT count(*) * 100 + max(CASE WHEN k ="
	                  " 'version' THEN v END) FROM issue_fts_config";
	int64_t fts_new = 0, fts_migrated = -1;

	migrated->path = strdup(t_path("m.db"));
	migrated->now = -1;
	sqlite3_open(":memory:", &migrated->sql);
	T_OK(gv__db_migrate(migrated, gv__migrations, gv__migration_count));
	want = schema_dump(migrated->sql);
	T_OK(gv__db_query_int(migrated, fts, &fts_migrated));
	gv_db_free(migrated);
	T_OK(gv_db_open(&db, t_path("new.db"), &create));
	got = schema_dump(db->sql);
	T_OK(gv__db_query_int(db, fts, &fts_new));
	gv_db_free(db);
	T_EQ_STR(got, want);
	T_EQ_INT(fts_new, fts_migrated);
	T_EQ_INT(gv__schema_now_version, gv__migration_count);
	T_EQ_INT(query_int(t_path("new.db"), "PRAGMA user_version"),
	         gv__migration_count);
	T_EQ_INT(query_int(t_path("new.db"), "PRAGMA application_id"),
	         GV__APPLICATION_ID);
	free(got);
	free(want);
}

/*
 * Two processes opening one store at once, as `init` in two terminals or
 * the screen and a command on a chair's first day would: one makes its
 * tables (a new file: the other may instead find it there, and says so)
 * or upgrades it (a file from v15), the other finds that done under the
 * write lock. Before, the second failed on "table body already exists"
 * every time.
 */
static void
two_openers_at_once(void)
{
	struct gv_db_options create = {GV_DB_CREATE, 0};
	const char *path = t_path("both.db");
	int round, k, status;
	pid_t kid[2];

	for (round = 0; round < 8; round++) {
		gv_db_remove(path);
		if (round % 2)
			T_OK(t_store_at(path, 15));
		for (k = 0; k < 2; k++)
			if ((kid[k] = fork()) == 0) {
				struct gv_db *db = NULL;
				int rc = gv_db_open(&db, path,
				                    round % 2 ? NULL : &create);

				gv_db_free(db);
				_exit(rc == 0 ? 0 : rc == GV_EEXISTS ? 2 : 1);
			}
		for (k = 0; k < 2; k++) {
			T_ASSERT(kid[k] > 0 && waitpid(kid[k], &status, 0) > 0);
			T_ASSERT(WIFEXITED(status));
			T_ASSERT(WEXITSTATUS(status) == 0 ||
			         (WEXITSTATUS(status) == 2 && !(round % 2)));
		}
		T_EQ_INT(query_int(path, "PRAGMA user_version"),
		         gv__migration_count);
	}
}

/* A database saved at every older version upgrades to the current one. */
static void
upgrades_every_saved_schema(void)
{
	struct gv_db *db = NULL;
	char path[64], pragma[96];
	const char *dump;
	sqlite3 *sql = NULL;
	int v;

	for (v = 1; v <= gv_db_schema_version(); v++) {
		const char *file = t_path(v % 2 ? "odd.db" : "even.db");

		snprintf(path, sizeof(path), "tests/data/schema-v%d.sql", v);
		T_ASSERT((dump = t_read_file(path, NULL)) != NULL);
		remove(file);
		snprintf(pragma, sizeof(pragma),
		         "PRAGMA user_version = %d; PRAGMA application_id = %d",
		         v, GV__APPLICATION_ID);
		sqlite3_open(file, &sql);
		T_EQ_INT(sqlite3_exec(sql, dump, NULL, NULL, NULL), SQLITE_OK);
		T_EQ_INT(sqlite3_exec(sql, pragma, NULL, NULL, NULL),
		         SQLITE_OK);
		sqlite3_close(sql);
		T_EQ_INT(gv_db_open(&db, file, NULL), 0);
		gv_db_free(db);
		T_EQ_INT(query_int(file, "PRAGMA user_version"),
		         gv_db_schema_version());
		/* A file that exists keeps the size of its pages. */
		T_EQ_INT(query_int(file, "PRAGMA page_size"), 4096);
	}
}

/* v7: people stored before affiliations keep their organisation, as one
 * affiliation entered by hand (it holds from the start). */
static void
upgrade_v7_keeps_organisations(void)
{
	const char *path = t_path("v6.db");
	struct gv_person_list *list = NULL;
	struct gv_db *db = NULL;

	T_OK(t_store_at(path, 6));
	t_sql_file(path,
	           "INSERT INTO org (id, name, fold, created_at) VALUES"
	           " (7, 'Sectigo', 'sectigo', 100);"
	           "INSERT INTO person (id, name, fold, org, created_at)"
	           " VALUES (3, 'Tim Callan', 'tim callan', 7, 1700000000),"
	           " (4, 'Wayne Thayer', 'wayne thayer', NULL, 1700000000);");
	T_EQ_INT(gv_db_open(&db, path, NULL), 0);
	T_EQ_INT(gv_person_list(&list, db, NULL), 0);
	T_EQ_INT(list->n, 2);
	T_EQ_INT(list->v[0].nhistory, 1);
	T_EQ_STR(list->v[0].history[0].org, "Sectigo");
	T_EQ_INT(list->v[0].history[0].since, 1700000000);
	T_EQ_INT(list->v[0].history[0].until, -1);
	T_EQ_INT(list->v[0].history[0].from_start, 1);
	T_EQ_INT(list->v[1].nhistory, 0);
	gv_person_list_free(list);
	gv_db_free(db);
	T_EQ_INT(query_int(path, "SELECT count(*) FROM affiliation"), 1);
}

/* v17: the search index is made again without its three-letter prefix
 * index, from the issues and their notes; every search finds what it
 * found, by a prefix of any length. */
static void
upgrade_v17_search_index_made_again(void)
{
	const char *path = t_path("v16.db");
	struct gv_db *db = NULL;

	T_OK(t_store_at(path, 16));
	t_sql_file(
	        path,
	        "INSERT INTO body (id, code, fold, name, prefix, created_at)"
	        " VALUES (1, 'SMCWG', 'smcwg', 'S/MIME', 'SMC', 1700000000);"
	        "INSERT INTO issue (id, body, number, title, body_md,"
	        " created_at, updated_at) VALUES"
	        " (1, 1, 263, 'Registration numbers', 'For legal entities.',"
	        " 1700000000, 1700000000),"
	        " (2, 1, 264, 'Certificate profiles', NULL, 1700000000,"
	        " 1700000000);"
	        "INSERT INTO issue_note (issue, at, body_md) VALUES"
	        " (2, 1700000100, 'The registration authority is delegated.');"
	        "INSERT INTO issue_fts (rowid, title, body, notes)"
	        " SELECT i.id, i.title, ifnull(i.body_md, ''),"
	        " ifnull((SELECT group_concat(n.body_md, char(10))"
	        " FROM issue_note n WHERE n.issue = i.id), '') FROM issue i;");
	T_EQ_INT(gv_db_open(&db, path, NULL), 0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE"
	                       " name = 'issue_fts' AND sql LIKE"
	                       " '%prefix = ''2'')'"),
	         1);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM issue_fts"), 2);
	T_EQ_STR(t_issues_found(db, "re*", -1, NULL), "263 264");
	T_EQ_STR(t_issues_found(db, "reg*", -1, NULL), "263 264");
	T_EQ_STR(t_issues_found(db, "registration", -1, NULL), "263 264");
	T_EQ_STR(t_issues_found(db, "cer*", -1, NULL), "264");
	T_EQ_STR(t_issues_found(db, "delegated", -1, NULL), "264");
	T_EQ_STR(t_issues_found(db, "entities", -1, NULL), "263");
	gv_db_free(db);
}

/*
 * v18: the log's table made again without the index of its ids. Every
 * row comes through as it was; its triggers and indexes are there again;
 * and an operation already in the log is still found by its id.
 */
static void
upgrade_v18_log_kept_whole(void)
{
	const char
	        *path = t_path("v17.db"),
	        *rows = "SELECT group_concat(seq || '|' || id || '|' || lamport"
	                " || '|' || actor || '|' || part || '|' || kind || '|'"
	                " || at || '|' || recorded_at || '|' || text || '|' ||"
	                " status || '|' || ifnull(reason, '-') || '|' ||"
	                " private || '|' || ifnull(chain, '-') || '|' ||"
	                " source, char(10)) FROM op ORDER BY seq";
	struct gv_db *db = NULL;
	const char *before;

	t_rebuild_skip(); /* its operations are rows, not gavel's texts */
	T_OK(t_store_at(path, 17));
	t_sql_file(path,
	           "INSERT INTO op (seq, id, lamport, actor, part, kind, at,"
	           " recorded_at, text, status, reason, private, chain, source)"
	           " VALUES (1, 'aaaa', 1, 'Ann', 'SMCWG', 'body.add', 10, 11,"
	           " '{\"a\":1}', 'applied', NULL, 0, 'c0ffee', 'local'),"
	           " (2, 'bbbb', 2, 'Bob', 'SMCWG', 'issue.add', 12, 13,"
	           " '{\"b\":2}', 'conflict', 'a reason', 0, NULL, 'origin'),"
	           " (3, 'cccc', 3, 'Ann', 'SMCWG', 'review.add', 14, 15,"
	           " '{\"c\":3}', 'applied', NULL, 1, NULL, 'local');");
	before = query_text(path, rows);
	T_EQ_INT(gv_db_open(&db, path, NULL), 0);
	T_EQ_STR(t_sql_text(db, rows), before);
	T_CONTAINS(before, "2|bbbb|2|Bob|SMCWG|issue.add|12|13|{\"b\":2}|"
	                   "conflict|a reason|0|-|origin");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM op"), 3);
	T_EQ_INT(
	        t_sql_int(db,
	                  "SELECT count(*) FROM sqlite_schema WHERE"
	                  " tbl_name = 'op' AND name LIKE 'sqlite_autoindex%'"),
	        0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE"
	                       " tbl_name = 'op' AND name IN ('op_order',"
	                       " 'op_trouble', 'op_unsent', 'op_append_only',"
	                       " 'op_text_fixed')"),
	         5);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE"
	                       " name = 'op_v17'"),
	         0);
	/* Its triggers: nothing deleted, nothing sent changed. */
	T_EQ_INT(sqlite3_exec(db->sql, "DELETE FROM op WHERE seq = 1", NULL,
	                      NULL, NULL),
	         SQLITE_CONSTRAINT_TRIGGER);
	T_EQ_INT(sqlite3_exec(db->sql, "UPDATE op SET text = 'x' WHERE seq = 1",
	                      NULL, NULL, NULL),
	         SQLITE_CONSTRAINT_TRIGGER);
	/* The same operation again is not a second row. */
	T_EQ_INT(
	        sqlite3_exec(db->sql,
	                     "INSERT INTO op (id, lamport, actor, part, kind,"
	                     " at, recorded_at, text) VALUES ('bbbb', 2, 'Bob',"
	                     " 'SMCWG', 'issue.add', 12, 13, '{\"b\":2}')"
	                     " ON CONFLICT (lamport, actor, id) DO NOTHING",
	                     NULL, NULL, NULL),
	        SQLITE_OK);
	T_EQ_STR(t_sql_text(db, rows), before);
	gv_db_free(db);
}

/* v10: an address stored before (person.email) becomes its person's
 * first in person_email, and finds them in any letter case. */
static void
upgrade_v10_keeps_addresses(void)
{
	const char *path = t_path("v9.db");
	struct gv_person_list *list = NULL;
	struct gv_db *db = NULL;

	T_OK(t_store_at(path, 9));
	t_sql_file(path,
	           "INSERT INTO person (id, name, fold, org, email, created_at)"
	           " VALUES (3, 'Tim Callan', 'tim callan', NULL,"
	           " 'Tim@Sectigo.example', 1700000000),"
	           " (4, 'Wayne Thayer', 'wayne thayer', NULL, NULL, "
	           "1700000000);");
	T_EQ_INT(gv_db_open(&db, path, NULL), 0);
	T_EQ_INT(gv_person_list(&list, db, NULL), 0);
	T_EQ_INT(list->n, 2);
	T_EQ_STR(list->v[0].email, "Tim@Sectigo.example");
	T_EQ_STR(list->v[0].emails, "Tim@Sectigo.example");
	T_EQ_STR(list->v[1].emails, NULL);
	gv_person_list_free(list);
	gv_db_free(db);
	T_EQ_INT(query_int(path, "SELECT count(*) FROM person_email WHERE"
	                         " fold = 'tim@sectigo.example'"),
	         1);
}

/*
 * v11: ballots stored before settle as the triggers would have settled
 * them: a failed ballot from its count, a passed Final Maintenance
 * Guideline two weeks after its review's end, three with a holiday after
 * it (IPR 4.1; BYL 2.4(8)), one passed with its review still to come
 * never. The snapshot
 * the upgrade makes of them (core/snapshot.c) leaves the derived column
 * out, and the replay derives the same instants.
 */
static void
upgrade_v11_settles_ballots(void)
{
	const char *path = t_path("v10.db");
	struct gv_rebuild_report r;
	struct gv_db *db = NULL;
	const int64_t t = 1700000000, day = 86400;

	T_OK(t_store_at(path, 10));
	t_sql_file(
	        path,
	        "INSERT INTO body (id, code, fold, name, prefix, created_at)"
	        " VALUES (1, 'SMCWG', 'smcwg', 'S/MIME', 'SMC', 1600000000),"
	        " (2, 'SCWG', 'scwg', 'Server', 'SC', 1600000000);"
	        "INSERT INTO holiday (body, day) VALUES (2, 19733);"
	        "INSERT INTO ballot (id, body, number, title, kind, created_at,"
	        " proposed_at, vote_starts_at, results_at, review_starts_at,"
	        " result) VALUES"
	        " (1, 1, 1, 'Failed', 'fg', 1700000000, 1700000000,"
	        "  1700604800, 1701209600, NULL, 'failed'),"
	        " (2, 1, 2, 'Adopted', 'fmg', 1700000000, 1700000000,"
	        "  1700604800, 1701209600, 1701296000, 'passed'),"
	        " (3, 2, 3, 'Adopted', 'fmg', 1700000000, 1700000000,"
	        "  1700604800, 1701209600, 1701296000, 'passed'),"
	        " (4, 1, 4, 'Passed', 'fmg', 1700000000, 1700000000,"
	        "  1700604800, 1701209600, NULL, 'passed');"
	        "INSERT INTO ballot_version (ballot, n, posted_at)"
	        " SELECT id, 1, 1700000000 FROM ballot;");
	T_EQ_INT(gv_db_open(&db, path, NULL), 0);
	T_EQ_INT(query_int(path, "SELECT settled_at FROM ballot WHERE id = 1"),
	         t + 7 * day + 7 * day);
	T_EQ_INT(query_int(path, "SELECT settled_at FROM ballot WHERE id = 2"),
	         t + 15 * day + 30 * day + 14 * day);
	T_EQ_INT(query_int(path, "SELECT settled_at FROM ballot WHERE id = 3"),
	         t + 15 * day + 30 * day + 21 * day);
	T_EQ_INT(query_int(path, "SELECT ifnull(settled_at, -2) FROM ballot"
	                         " WHERE id = 4"),
	         -2);
	T_EQ_INT(query_int(path, "SELECT count(*) FROM op WHERE kind ="
	                         " 'store.snapshot' AND text NOT LIKE"
	                         " '%settled_at%' AND text LIKE '%Adopted%'"),
	         1);
	T_EQ_INT(gv_rebuild(&r, db), 0);
	gv_db_free(db);
	T_EQ_INT(query_int(path, "SELECT sum(settled_at) FROM ballot"),
	         3 * t + 14 * day + 2 * 45 * day + 35 * day);
}

/*
 * v12: the enumerations whose CHECK listed more than two values, each as
 * an UPDATE that sets the column of the fixture's row to ?1 (issue_link's
 * other CHECKs tie its kind to the column it names), its values and one
 * it must refuse.
 */
static const struct enum_check {
	const char *update;
	const char *good[14];
	const char *bad;
} enum_checks[] = {
        {"UPDATE body SET quorum_rule = ?1",
         {"bylaws", "average", "half-average"},
         "median"},
        {"UPDATE membership SET class = ?1",
         {"issuer", "consumer", "associate", "interested", "probationary",
          "unknown"},
         "observer"},
        {"UPDATE meeting SET status = ?1",
         {"scheduled", "held", "cancelled"},
         "postponed"},
        {"UPDATE meeting SET minutes_state = ?1",
         {"draft", "approved", "final"},
         "published"},
        {"UPDATE ballot SET kind = ?1", {"fg", "fmg", "other"}, "bylaw"},
        {"UPDATE ballot SET state = ?1",
         {"draft", "discussion", "voting", "withdrawn", "closed", "passed",
          "failed", "expired", "ipr_review", "adopted", "rescinded",
          "second_vote", "cancelled"},
         "nonsense"},
        {"UPDATE ballot SET result = ?1",
         {"passed", "failed", "invalid"},
         "tied"},
        {"UPDATE vote SET value = ?1", {"yes", "no", "abstain"}, "maybe"},
        {"UPDATE issue_link SET kind = ?1,"
         " meeting = iif(?1 = 'meeting', 1, NULL),"
         " ballot = iif(?1 = 'ballot', 1, NULL),"
         " base = iif(?1 = 'draft', 'b', NULL),"
         " head = iif(?1 = 'draft', 'h', NULL)",
         {"meeting", "ballot", "draft"},
         "commit"},
        {"UPDATE op SET status = ?1",
         {"applied", "conflict", "same", "unknown", "denied"},
         "bogus"},
        {"UPDATE role SET role = ?1",
         {"chair", "vice-chair", "secretary", "member"},
         "president"},
        {"UPDATE ballot_notice SET kind = ?1",
         {"proposal", "voting", "results", "review", "adopted"},
         "reminder"},
};

/* One row in each of those tables, and the rows they refer to. The op
 * row makes it a store with a log: opening it adds no snapshot. */
static const char enum_rows[] =
        "INSERT INTO body (id, code, fold, name, prefix, created_at)"
        " VALUES (1, 'SMCWG', 'smcwg', 'S/MIME', 'SMC', 1600000000);"
        "INSERT INTO org (id, name, fold, created_at)"
        " VALUES (1, 'Sectigo', 'sectigo', 1600000000);"
        "INSERT INTO person (id, name, fold, org, created_at)"
        " VALUES (1, 'Tim Callan', 'tim callan', 1, 1600000000);"
        "INSERT INTO membership (org, body, class, since)"
        " VALUES (1, 1, 'issuer', 1600000000);"
        "INSERT INTO role (body, person, role, since)"
        " VALUES (1, 1, 'chair', 1600000000);"
        "INSERT INTO meeting (id, body, starts_at, tz, created_at)"
        " VALUES (1, 1, 1700000000, 'UTC', 1600000000);"
        "INSERT INTO ballot (id, body, number, title, kind, created_at,"
        " proposed_at) VALUES (1, 1, 1, 'Ballot', 'fg', 1700000000,"
        " 1700000000);"
        "INSERT INTO vote (ballot, org, value, cast_at, valid, recorded_at)"
        " VALUES (1, 1, 'yes', 1700000000, 1, 1700000000);"
        "INSERT INTO ballot_notice (ballot, kind, version, message_id,"
        " sent_at, sent_by) VALUES (1, 'proposal', 1, '<1@example>',"
        " 1700000000, 'chair');"
        "INSERT INTO issue (id, body, number, title, created_at, updated_at)"
        " VALUES (1, 1, 1, 'Issue', 1700000000, 1700000000);"
        "INSERT INTO issue_fts (rowid, title, body, notes)"
        " VALUES (1, 'Issue', '', '');"
        "INSERT INTO issue_link (issue, at, kind, meeting)"
        " VALUES (1, 1700000000, 'meeting', 1);"
        "INSERT INTO op (id, lamport, actor, part, kind, at, recorded_at,"
        " text) VALUES ('0123abcd', 1, 'chair', 'SMCWG', 'body.add',"
        " 1600000000, 1600000000, '{}');";

#define ENUM_PROBES 128

/* What writing v (NULL: SQL NULL) through update gives, undone: 0, or
 * SQLite's extended code. */
static int
enum_try(sqlite3 *sql, const char *update, const char *v)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	sqlite3_exec(sql, "SAVEPOINT probe", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(sql, update, -1, &st, NULL) == SQLITE_OK) {
		if (v)
			sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE
		             ? 0
		             : sqlite3_extended_errcode(sql);
	}
	sqlite3_finalize(st);
	sqlite3_exec(sql, "ROLLBACK TO probe; RELEASE probe", NULL, NULL, NULL);
	return rc;
}

/*
 * Writes each column's every value (each must pass), its bad value (its
 * CHECK must refuse it), NULL, its first value in capitals and with a
 * space after it; the outcomes go to out, to compare with another store.
 */
static void
enum_outcomes(int out[ENUM_PROBES], const char *path)
{
	size_t i, j, n = 0;
	sqlite3 *sql = NULL;

	memset(out, 0, ENUM_PROBES * sizeof(*out));
	sqlite3_open(path, &sql);
	for (i = 0; i < sizeof(enum_checks) / sizeof(enum_checks[0]); i++) {
		const struct enum_check *c = &enum_checks[i];
		char upper[32], spaced[32];

		for (j = 0; c->good[j]; j++)
			if ((out[n++] = enum_try(sql, c->update, c->good[j])))
				t_fail(__FILE__, __LINE__, "%s refuses '%s'",
				       c->update, c->good[j]);
		T_EQ_INT(out[n++] = enum_try(sql, c->update, c->bad),
		         SQLITE_CONSTRAINT_CHECK);
		out[n++] = enum_try(sql, c->update, NULL);
		for (j = 0; c->good[0][j] && j + 1 < sizeof(upper); j++)
			upper[j] = (char)(c->good[0][j] & ~0x20);
		upper[j] = '\0';
		snprintf(spaced, sizeof(spaced), "%s ", c->good[0]);
		out[n++] = enum_try(sql, c->update, upper);
		out[n++] = enum_try(sql, c->update, spaced);
	}
	sqlite3_close(sql);
}

/*
 * How many tables open an ephemeral table (a temporary b-tree) to check a
 * row they insert, read through sql with triggers off: they are not the
 * row's check (holiday's touch of ballots needs one).
 */
static int
ephemeral_tables(sqlite3 *sql)
{
	sqlite3_stmt *tables = NULL, *st = NULL;
	int n = 0, on = 1;

	sqlite3_db_config(sql, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &on);
	sqlite3_prepare_v2(sql,
	                   "SELECT name FROM pragma_table_list WHERE schema ="
	                   " 'main' AND type = 'table' AND name NOT LIKE"
	                   " 'sqlite_%'",
	                   -1, &tables, NULL);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char *q = sqlite3_mprintf("EXPLAIN INSERT INTO \"%w\" DEFAULT "
		                          "VALUES",
		                          sqlite3_column_text(tables, 0));
		int found = 0;

		sqlite3_prepare_v2(sql, q, -1, &st, NULL);
		while (sqlite3_step(st) == SQLITE_ROW)
			found |=
			        strcmp((const char *)sqlite3_column_text(st, 1),
			               "OpenEphemeral") == 0;
		sqlite3_finalize(st);
		sqlite3_free(q);
		n += found;
	}
	sqlite3_finalize(tables);
	sqlite3_db_config(sql, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, &on);
	return n;
}

/* The first column of sql's rows on path, one a line (kept). */
static char *
file_rows(const char *path, const char *sql)
{
	struct gv_db *db = gv__xcalloc(1, sizeof(*db));
	char *out;

	db->path = gv__xstrdup(path);
	sqlite3_open(path, &db->sql);
	out = sql ? NULL : t_db_snapshot(db);
	if (sql) {
		struct gv_buf b = GV_BUF_INIT;
		sqlite3_stmt *st = NULL;

		sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);
		while (sqlite3_step(st) == SQLITE_ROW)
			gv__buf_printf(&b, "%s\n", sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		out = t_keep(gv__buf_detach(&b));
	}
	gv_db_free(db);
	return out;
}

/* Every object of the schema but the rewritten tables' text. */
#define SCHEMA_OBJECTS                                                         \
	"SELECT type || ' ' || name || ' ' || tbl_name || ' ' || rootpage"     \
	" || ' ' || iif(type = 'table' AND name IN ('body', 'membership',"     \
	" 'meeting', 'ballot', 'vote', 'issue_link', 'op', 'role',"            \
	" 'ballot_notice'), '', ifnull(sql, '')) FROM sqlite_schema"           \
	" ORDER BY name"

/* A store passes SQLite's checks, its FTS index's own, and no row
 * refers to a missing one. */
static void
store_sound(const char *path)
{
	T_EQ_STR(file_rows(path, "PRAGMA integrity_check"), "ok\n");
	T_EQ_STR(file_rows(path, "PRAGMA foreign_key_check"), "");
	T_EQ_STR(file_rows(path, "SELECT count(*) FROM issue_fts WHERE"
	                         " issue_fts MATCH 'issue'"),
	         "1\n");
	T_EQ_STR(file_rows(path, "INSERT INTO issue_fts (issue_fts) VALUES"
	                         " ('integrity-check') RETURNING 'ok'"),
	         "ok\n");
}

/*
 * v12: a store upgraded from v11 and a new one check their enumerations
 * without an ephemeral table, accept and refuse exactly what v11 did
 * (NULL, case and spaces included), and the upgrade keeps every row,
 * index, trigger and FTS table. The connection that upgraded reads the
 * new schema at once, and one open across the upgrade reads it too (the
 * schema's version moved).
 */
static void
upgrade_v12_checks_without_ephemeral(void)
{
	const char *path = t_path("v11.db"), *fresh = t_path("g.db");
	struct gv_db_options create = {GV_DB_CREATE, 0};
	int before[ENUM_PROBES], after[ENUM_PROBES];
	char *rows, *objects, *schema;
	struct gv_db *db = NULL;
	sqlite3 *other = NULL;

	t_rebuild_skip(); /* rows written as another tool would */
	T_OK(t_store_at(path, 11));
	t_sql_file(path, enum_rows);
	enum_outcomes(before, path);
	rows = file_rows(path, NULL);
	objects = file_rows(path, SCHEMA_OBJECTS);
	sqlite3_open(path, &other);
	T_EQ_INT(ephemeral_tables(other), 9);

	/* To v12 alone, as gv_db_open would have when v12 was the last. */
	db = calloc(1, sizeof(*db));
	db->path = strdup(path);
	db->now = -1;
	sqlite3_open(path, &db->sql);
	sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	T_EQ_INT(gv__db_migrate(db, gv__migrations, 12), 0);
	T_EQ_INT(ephemeral_tables(db->sql), 0);
	gv_db_free(db);
	T_EQ_INT(ephemeral_tables(other), 0);
	sqlite3_close(other);
	T_EQ_STR(file_rows(path, NULL), rows);
	T_EQ_STR(file_rows(path, SCHEMA_OBJECTS), objects);
	schema = file_rows(path, "SELECT sql || ';' FROM sqlite_schema WHERE"
	                         " sql IS NOT NULL AND name NOT IN (SELECT"
	                         " name FROM pragma_table_list WHERE type ="
	                         " 'shadow') ORDER BY name");
	enum_outcomes(after, path);
	T_ASSERT(memcmp(before, after, sizeof(before)) == 0);
	T_EQ_STR(schema, t_read_file("tests/data/schema-v12.sql", NULL));
	store_sound(path);

	T_EQ_INT(gv_db_open(&db, fresh, &create), 0);
	gv_db_free(db);
	t_sql_file(fresh, enum_rows);
	sqlite3_open(fresh, &other);
	T_EQ_INT(ephemeral_tables(other), 0);
	sqlite3_close(other);
	store_sound(fresh);
	enum_outcomes(after, fresh);
	T_ASSERT(memcmp(before, after, sizeof(before)) == 0);
}

/* A connection is one thread's at a time: SQLite takes no mutex for its
 * calls (core/db_open.c says what they cost a sync). */
static void
connections_take_no_mutex(void)
{
	struct gv_db_options create = {GV_DB_CREATE, 0};
	struct gv_db *db = NULL;

	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &create), 0);
	T_ASSERT(sqlite3_db_mutex(db->sql) == NULL);
	gv_db_free(db);
}

/* The default VFS, wrapped to count the savepoint journals it opens. */
static sqlite3_vfs *plain_vfs;
static int subjournals;

static int
counting_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file,
              int flags, int *out)
{
	(void)vfs;
	subjournals += (flags & SQLITE_OPEN_SUBJOURNAL) != 0;
	return plain_vfs->xOpen(plain_vfs, name, file, flags, out);
}

/* Rewrites 400 KiB of t's pages in a savepoint of a transaction that
 * began with them. */
static void
rewrite_in_savepoint(struct gv_db *db)
{
	T_EQ_INT(gv__db_begin(db), 0);
	T_EQ_INT(gv__db_begin(db), 0);
	T_EQ_INT(gv__db_exec(db, "UPDATE t SET x = randomblob(4000)"), 0);
	T_EQ_INT(gv__db_commit(db), 0);
	T_EQ_INT(gv__db_commit(db), 0);
}

/*
 * In a bulk (a sync, a rebuild) a savepoint's journal stays in memory
 * however large it grows: each operation applied is a savepoint, and one
 * whose journal went to a file sent every later one's there too. Outside
 * one, a large savepoint's journal goes to a file past 64 KiB, not held
 * in memory to the savepoint's end (core/db.c, bulk_memory).
 */
static void
savepoint_journal_in_memory_in_a_bulk(void)
{
	struct gv_db_options create = {GV_DB_CREATE, 0};
	static sqlite3_vfs counting;
	struct gv_db *db = NULL;

	plain_vfs = sqlite3_vfs_find(NULL);
	counting = *plain_vfs;
	counting.zName = "gavel-test-counting";
	counting.xOpen = counting_open;
	T_EQ_INT(sqlite3_vfs_register(&counting, 1), SQLITE_OK);
	subjournals = 0;
	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &create), 0);
	T_EQ_INT(sqlite3_exec(db->sql,
	                      "CREATE TABLE t (x); WITH RECURSIVE"
	                      " n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
	                      " WHERE i < 100) INSERT INTO t SELECT"
	                      " randomblob(4000) FROM n",
	                      NULL, NULL, NULL),
	         SQLITE_OK);
	gv__db_bulk_begin(db, 0);
	rewrite_in_savepoint(db);
	gv__db_bulk_end(db);
	T_EQ_INT(subjournals, 0);
	rewrite_in_savepoint(db);
	T_EQ_INT(subjournals, 1);
	T_EQ_INT(gv__db_exec(db, "DROP TABLE t"), 0);
	gv_db_free(db);
	sqlite3_vfs_unregister(&counting);
}

/* The page cache's size in pages, or KiB when negative. */
static int64_t
cache_size(struct gv_db *db)
{
	return t_sql_int(db, "PRAGMA cache_size");
}

/* How many dirty pages SQLite wrote out of a full cache (and, in WAL
 * mode, read back when written again), since the last call. */
static int
cache_spills(struct gv_db *db)
{
	int now = 0, high = 0;

	sqlite3_db_status(db->sql, SQLITE_DBSTATUS_CACHE_SPILL, &now, &high, 1);
	return now;
}

/*
 * A transaction that writes thousands of operations' rows keeps its pages
 * in a cache of 32 MiB (core/db.c says why): inside gv__db_bulk_begin, 8 MiB
 * written in one transaction spill nothing, where the default cache
 * spills; the calls nest, and the last gives back the size it had. A
 * rebuild runs inside one.
 */
static void
bulk_writes_keep_their_pages(void)
{
	struct gv_db_options create = {GV_DB_CREATE, 0};
	struct t_runs n = {{"cache_size = -32768", NULL}, {0}};
	struct gv_rebuild_report r;
	struct gv_db *db = NULL;
	int64_t plain;
	const char *fill = "INSERT INTO t SELECT randomblob(3000) FROM"
	                   " (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
	                   " SELECT i + 1 FROM n WHERE i < 2800)"
	                   " SELECT i FROM n)";

	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &create), 0);
	if (!db)
		return;
	plain = cache_size(db);
	T_ASSERT(plain > -GV__DB_BULK_CACHE_KIB / 4);
	T_EQ_INT(gv__db_exec(db, "CREATE TABLE t (x)"), 0);
	cache_spills(db);
	T_EQ_INT(gv__db_begin(db), 0);
	T_EQ_INT(gv__db_exec(db, fill), 0);
	T_EQ_INT(gv__db_commit(db), 0);
	T_ASSERT(cache_spills(db) > 0);

	/* Savepoints' journals go to a file past 64 KiB (temp_store 0),
	 * except in a bulk (2: memory). */
	T_EQ_INT(t_sql_int(db, "PRAGMA temp_store"), 0);
	gv__db_bulk_begin(db, 0);
	gv__db_bulk_begin(db, 0);
	gv__db_bulk_end(db);
	T_EQ_INT(cache_size(db), -GV__DB_BULK_CACHE_KIB);
	T_EQ_INT(t_sql_int(db, "PRAGMA temp_store"), 2);
	T_EQ_INT(gv__db_begin(db), 0);
	T_EQ_INT(gv__db_exec(db, "DELETE FROM t"), 0);
	T_EQ_INT(gv__db_exec(db, fill), 0);
	T_EQ_INT(gv__db_commit(db), 0);
	T_EQ_INT(cache_spills(db), 0);
	gv__db_bulk_end(db);
	T_EQ_INT(cache_size(db), plain);
	T_EQ_INT(t_sql_int(db, "PRAGMA temp_store"), 0);
	T_EQ_INT(gv__db_exec(db, "DROP TABLE t"), 0);

	t_runs_start(db, &n);
	T_EQ_INT(gv_rebuild(&r, db), 0);
	t_runs_stop(db);
	T_EQ_INT(n.n[0], 1);
	T_EQ_INT(cache_size(db), plain);
	gv_db_free(db);
}

/* The connection's journal mode ("wal", "delete"), as a static copy. */
static const char *
journal_mode(struct gv_db *db)
{
	static char mode[16];
	sqlite3_stmt *st;

	mode[0] = '\0';
	if (sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode", -1, &st, NULL) ==
	            SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		snprintf(mode, sizeof(mode), "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return mode;
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * A bulk of GV__DB_BULK_JOURNAL_BYTES or more writes its pages once, with
 * a rollback journal synced in full, in place of the WAL (core/db.c says
 * why), and gives the WAL back at its end; a connection opened during it
 * works in its mode. A smaller bulk, one begun inside a transaction, and
 * one while another connection has the file open keep the WAL. That last
 * one does not wait out the busy timeout for the other connection to go.
 */
static void
large_bulk_journals_once(void)
{
	struct gv_db_options create = {GV_DB_CREATE, 60000}, open = {0, 60000};
	struct gv_db *db = NULL, *other = NULL;
	double start;

	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &create), 0);
	if (!db)
		return;
	T_EQ_STR(journal_mode(db), "wal");
	T_EQ_INT(t_sql_int(db, "PRAGMA synchronous"), 1);

	gv__db_bulk_begin(db, GV__DB_BULK_JOURNAL_BYTES - 1);
	T_EQ_STR(journal_mode(db), "wal");
	gv__db_bulk_end(db);

	gv__db_bulk_begin(db, GV__DB_BULK_JOURNAL_BYTES);
	gv__db_bulk_begin(db, GV__DB_BULK_JOURNAL_BYTES);
	gv__db_bulk_end(db);
	T_EQ_STR(journal_mode(db), "delete");
	T_EQ_INT(t_sql_int(db, "PRAGMA synchronous"), 2);
	T_EQ_INT(gv__db_begin(db), 0);
	T_EQ_INT(gv__db_exec(db, "CREATE TABLE t (x); INSERT INTO t"
	                         " VALUES (randomblob(9000))"),
	         0);
	/* A gavel started meanwhile opens the file as it is, reads what
	 * was committed, syncs its own commits in full, and follows the
	 * file back to WAL. */
	T_EQ_INT(gv_db_open(&other, t_path("g.db"), &open), 0);
	if (other) {
		T_EQ_INT(t_sql_int(other, "SELECT count(*) FROM sqlite_schema"
		                          " WHERE name = 't'"),
		         0);
		T_EQ_INT(t_sql_int(other, "PRAGMA synchronous"), 2);
	}
	T_EQ_INT(gv__db_commit(db), 0);
	gv__db_bulk_end(db);
	T_EQ_STR(journal_mode(db), "wal");
	T_EQ_INT(t_sql_int(db, "PRAGMA synchronous"), 1);
	if (other) {
		T_EQ_INT(t_sql_int(other, "SELECT count(*) FROM t"), 1);
		T_EQ_STR(journal_mode(other), "wal");
	}

	T_EQ_INT(gv__db_begin(db), 0);
	gv__db_bulk_begin(db, SIZE_MAX);
	T_EQ_STR(journal_mode(db), "wal");
	gv__db_bulk_end(db);
	T_EQ_INT(gv__db_commit(db), 0);

	start = seconds();
	gv__db_bulk_begin(db, SIZE_MAX);
	T_ASSERT(seconds() - start < 10);
	T_EQ_STR(journal_mode(db), "wal");
	T_EQ_INT(t_sql_int(db, "PRAGMA synchronous"), 1);
	T_EQ_INT(gv__db_begin(db), 0);
	T_EQ_INT(gv__db_exec(db, "INSERT INTO t VALUES (2)"), 0);
	T_EQ_INT(gv__db_commit(db), 0);
	gv__db_bulk_end(db);
	T_EQ_STR(journal_mode(db), "wal");
	if (other)
		T_EQ_INT(t_sql_int(other, "SELECT count(*) FROM t"), 2);
	gv_db_free(other);
	gv_db_free(db);
}

/*
 * The runs of replayed operations (core/replay.c): while flattened, a
 * transaction begun inside opens no savepoint and its commit releases
 * none; its rollback can undo nothing, so it marks the store spoiled,
 * which the end of the flattening reports once. After it, a nested begin
 * opens a savepoint again, and its rollback undoes.
 */
static void
flattened_levels_open_no_savepoint(void)
{
	struct gv_db_options create = {GV_DB_CREATE, 0};
	struct t_runs n = {{"SAVEPOINT", "ROLLBACK"}, {0}};
	struct gv_db *db = NULL;

	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &create), 0);
	if (!db)
		return;
	T_EQ_INT(gv__db_exec(db, "CREATE TABLE t (x)"), 0);
	T_EQ_INT(gv__db_begin(db), 0);
	T_EQ_INT(gv__db_begin(db), 0); /* the run's savepoint */
	t_runs_start(db, &n);
	gv__db_flatten(db, 1);
	T_EQ_INT(gv__db_begin(db), 0);
	T_EQ_INT(gv__db_begin(db), 0);
	T_EQ_INT(gv__db_exec(db, "INSERT INTO t VALUES (1)"), 0);
	T_EQ_INT(gv__db_commit(db), 0);
	T_EQ_INT(gv__db_commit(db), 0);
	T_EQ_INT(gv__db_flatten(db, 0), 0);
	T_EQ_INT(n.n[0] + n.n[1], 0);
	gv__db_flatten(db, 1);
	T_EQ_INT(gv__db_begin(db), 0);
	T_EQ_INT(gv__db_exec(db, "INSERT INTO t VALUES (2)"), 0);
	gv__db_rollback(db);
	T_EQ_INT(n.n[1], 0);
	T_EQ_INT(gv__db_flatten(db, 0), 1);
	T_EQ_INT(gv__db_flatten(db, 0), 0);
	/* Not undone: the caller goes back to its own savepoint. */
	T_EQ_INT(db->depth, 2);
	T_EQ_INT(gv__db_begin(db), 0);
	T_EQ_INT(n.n[0], 1);
	T_EQ_INT(gv__db_exec(db, "INSERT INTO t VALUES (3)"), 0);
	gv__db_rollback(db);
	T_EQ_INT(n.n[1], 1);
	t_runs_stop(db);
	gv__db_rollback(db);
	T_EQ_INT(gv__db_commit(db), 0);
	T_EQ_INT(query_int(t_path("g.db"), "SELECT count(*) FROM t"), 0);
	gv_db_free(db);
}

static void
refuses_newer_schema(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	const char *path = t_path("g.db");
	struct gv_db *db = NULL;

	T_EQ_INT(gv_db_open(&db, path, &opts), 0);
	gv_db_free(db);
	t_sql_file(path, "PRAGMA user_version = 99");
	T_EQ_INT(gv_db_open(&db, path, NULL), GV_EVERSION);
	T_CONTAINS(gv_error_last()->message, "newer gavel");
	T_EQ_INT(query_int(path, "PRAGMA user_version"), 99);
}

static void
failed_migration_rolls_back(void)
{
	static const char *const steps[] = {
	        "CREATE TABLE one (x INTEGER) STRICT;",
	        "CREATE TABLE two (x INTEGER) STRICT; INSERT INTO nowhere "
	        "VALUES (1);",
	};
	struct gv_db *db = calloc(1, sizeof(*db));
	int error;

	/* A bare connection, given a private list of steps. */
	db->path = strdup(t_path("bare.db"));
	db->now = -1;
	T_EQ_INT(sqlite3_open(db->path, &db->sql), SQLITE_OK);
	error = gv__db_migrate(db, steps, 2);
	gv_db_free(db);
	T_EQ_INT(error, GV_ERROR);
	T_CONTAINS(gv_error_last()->message, "schema 2");
	/* Step 1 stays, step 2 left nothing, not even its first table. */
	T_EQ_INT(query_int(t_path("bare.db"), "PRAGMA user_version"), 1);
	T_EQ_INT(query_int(t_path("bare.db"),
	                   "SELECT count(*) FROM sqlite_schema WHERE name = "
	                   "'one'"),
	         1);
	T_EQ_INT(query_int(t_path("bare.db"),
	                   "SELECT count(*) FROM sqlite_schema WHERE name = "
	                   "'two'"),
	         0);
}

static void
refuses_non_database(void)
{
	const char *path = t_path("notes.txt");
	const char *text = "These are the minutes, not a database.\n";
	struct gv_db *db = NULL;
	size_t size;

	write_file(path, text);
	T_EQ_INT(gv_db_open(&db, path, NULL), GV_ENOTDB);
	T_CONTAINS(gv_error_last()->message, "not a gavel database");
	T_EQ_STR(t_read_file(path, &size), text);
}

static void
refuses_foreign_sqlite(void)
{
	const char *path = t_path("other.db");
	struct gv_db *db = NULL;

	t_sql_file(path, "CREATE TABLE t (x); INSERT INTO t VALUES (42);");
	T_EQ_INT(gv_db_open(&db, path, NULL), GV_ENOTDB);
	T_CONTAINS(gv_error_last()->message, "not gavel's");
	T_EQ_INT(query_int(path, "SELECT x FROM t"), 42);
	T_EQ_INT(query_int(path, "PRAGMA user_version"), 0);
}

static void
busy_writer_times_out(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 100};
	const char *path = t_path("g.db");
	struct gv_db *db = NULL;
	struct gv_body_spec spec = {0};
	sqlite3 *other = NULL;

	T_EQ_INT(gv_db_open(&db, path, &opts), 0);
	sqlite3_open(path, &other);
	T_EQ_INT(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL),
	         SQLITE_OK);
	spec.code = "SMCWG";
	spec.name = "S/MIME Certificate Working Group";
	T_EQ_INT(gv_body_add(NULL, db, &spec), GV_EBUSY);
	T_CONTAINS(gv_error_last()->message, "locked by another writer");
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	/* Once the other writer is gone the same change goes through. */
	T_EQ_INT(gv_body_add(NULL, db, &spec), 0);
	gv_db_free(db);
}

static void
every_change_is_an_operation(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_body_spec spec = {0};
	const char *path = t_path("g.db");
	struct gv_db *db = NULL;

	T_EQ_INT(gv_db_open(&db, path, &opts), 0);
	gv_db_set_now(db, 1734537600);
	gv_db_set_actor(db, "Stephen Davidson");
	spec.code = "SMCWG";
	spec.name = "S/MIME Certificate Working Group";
	T_EQ_INT(gv_body_add(NULL, db, &spec), 0);
	T_EQ_INT(gv_org_add(NULL, db, "DigiCert", "SMCWG", GV_CLASS_ISSUER, 0),
	         0);
	/* A refused change writes nothing, its operation included. */
	T_EQ_INT(gv_org_add(NULL, db, "digicert", "SMCWG", GV_CLASS_ISSUER, 0),
	         GV_EEXISTS);
	gv_db_free(db);
	T_EQ_INT(query_int(path, "SELECT count(*) FROM op"), 2);
	T_EQ_INT(query_int(path, "SELECT count(*) FROM op WHERE at = "
	                         "1734537600 AND actor = 'Stephen Davidson'"),
	         2);
	T_EQ_INT(query_int(path, "SELECT count(*) FROM op WHERE kind = "
	                         "'org.add' AND json_extract(text, "
	                         "'$.data.class') = 'issuer'"),
	         1);
	T_EQ_INT(query_int(path, "SELECT count(*) FROM org"), 1);
}

/* The operation log is append-only, and an operation that left this copy
 * never changes. */
static void
operation_log_is_append_only(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_body_spec spec = {0};
	struct gv_db *db = NULL;

	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &opts), 0);
	spec.code = "SMCWG";
	spec.name = "S/MIME";
	T_EQ_INT(gv_body_add(NULL, db, &spec), 0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM op"), 1);
	T_ASSERT(sqlite3_exec(db->sql, "DELETE FROM op", NULL, NULL, NULL) !=
	         SQLITE_OK);
	T_ASSERT(sqlite3_exec(db->sql, "UPDATE op SET chain = 'c'", NULL, NULL,
	                      NULL) == SQLITE_OK);
	T_ASSERT(sqlite3_exec(db->sql, "UPDATE op SET text = 'x'", NULL, NULL,
	                      NULL) != SQLITE_OK);
	T_ASSERT(sqlite3_exec(db->sql, "UPDATE op SET lamport = 9", NULL, NULL,
	                      NULL) != SQLITE_OK);
	gv_db_free(db);
}

/* A step SQLite stops half-way, as a busy or failing disk would. */
static int
interrupt_every_step(void *payload)
{
	(void)payload;
	return 1;
}

/*
 * Issue 16: a busy or failing database is never "not found". Eleven
 * lookups tested for a row only, so a failed step read as "no ballot
 * SMC010". With every step failing, each lookup reports SQLite's error.
 */
static void
failing_is_not_not_found(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_meeting_detail *m = NULL;
	struct gv_ballot *b = NULL;
	struct gv_db *db = NULL;
	struct gv_body body;
	int64_t id = 0;
	int rc;

	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &opts), 0);
	T_EQ_INT(gv_demo_load(db, NULL, 0), 0);
	sqlite3_progress_handler(db->sql, 1, interrupt_every_step, NULL);
	rc = gv_ballot_find(&id, db, "SMC010");
	T_ASSERT(rc < 0 && rc != GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "interrupted");
	T_ASSERT(gv_ballot_get(&b, db, "SMC010") < 0 &&
	         gv_error_last()->code != GV_ENOTFOUND);
	T_ASSERT(gv_org_find(&id, db, "DigiCert") < 0 &&
	         gv_error_last()->code != GV_ENOTFOUND);
	T_ASSERT(gv_body_get(&body, db, "SMCWG") < 0 &&
	         gv_error_last()->code != GV_ENOTFOUND);
	T_ASSERT(gv_meeting_get(&m, db, 2) < 0 &&
	         gv_error_last()->code != GV_ENOTFOUND);
	sqlite3_progress_handler(db->sql, 0, NULL, NULL);
	/* Once it works again, the same lookups find their rows. */
	T_EQ_INT(gv_ballot_find(&id, db, "SMC010"), 0);
	T_EQ_INT(gv_meeting_get(&m, db, 2), 0);
	gv_meeting_detail_free(m);
	gv_db_free(db);
}

const struct t_case db_tests[] = {
        {"failing_is_not_not_found", failing_is_not_not_found},
        {"creates_schema", creates_schema},
        {"reopens_and_sets_pragmas", reopens_and_sets_pragmas},
        {"create_refuses_existing", create_refuses_existing},
        {"missing_file_and_folder", missing_file_and_folder},
        {"migrations_match_saved_schemas", migrations_match_saved_schemas},
        {"new_store_made_as_migrations_leave_it",
         new_store_made_as_migrations_leave_it},
        {"two_openers_at_once", two_openers_at_once},
        {"upgrades_every_saved_schema", upgrades_every_saved_schema},
        {"upgrade_v7_keeps_organisations", upgrade_v7_keeps_organisations},
        {"upgrade_v17_search_index_made_again",
         upgrade_v17_search_index_made_again},
        {"upgrade_v18_log_kept_whole", upgrade_v18_log_kept_whole},
        {"refuses_newer_schema", refuses_newer_schema},
        {"connections_take_no_mutex", connections_take_no_mutex},
        {"savepoint_journal_in_memory_in_a_bulk",
         savepoint_journal_in_memory_in_a_bulk},
        {"flattened_levels_open_no_savepoint",
         flattened_levels_open_no_savepoint},
        {"bulk_writes_keep_their_pages", bulk_writes_keep_their_pages},
        {"large_bulk_journals_once", large_bulk_journals_once},
        {"upgrade_v10_keeps_addresses", upgrade_v10_keeps_addresses},
        {"upgrade_v11_settles_ballots", upgrade_v11_settles_ballots},
        {"upgrade_v12_checks_without_ephemeral",
         upgrade_v12_checks_without_ephemeral},
        {"failed_migration_rolls_back", failed_migration_rolls_back},
        {"refuses_non_database", refuses_non_database},
        {"refuses_foreign_sqlite", refuses_foreign_sqlite},
        {"busy_writer_times_out", busy_writer_times_out},
        {"every_change_is_an_operation", every_change_is_an_operation},
        {"operation_log_is_append_only", operation_log_is_append_only},
        {NULL, NULL},
};
