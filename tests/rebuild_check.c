/* SPDX-License-Identifier: MIT */
/*
 * This file implements the check the harness runs after every test that
 * passed: each gavel database the test left in its folder is derived
 * again from its operation log (gavel rebuild), and must come out as it
 * was, row for row of its logical content, every operation with the same
 * outcome, every ballot settling at the same instant. So every change any test
 * makes, through the CLI or the API, is checked to be an operation that replays
 * to what it did live.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/db.h"
#include "gavel/log.h"
#include "harness.h"
#include "rebuild_check.h"

static int skip;
static size_t checked_dbs, checked_ops;

void
t_rebuild_skip(void)
{
	skip = 1;
}

/* The rows of sql, one a line. */
static char *
rows_text(struct gv_db *db, const char *sql)
{
	struct gv_buf b = GV_BUF_INIT;
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return gv__buf_detach(&b);
	while (sqlite3_step(st) == SQLITE_ROW)
		gv__buf_printf(&b, "%s\n", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return gv__buf_detach(&b);
}

/* The outcome of every operation, in the log's order. */
static char *
statuses(struct gv_db *db)
{
	return rows_text(db, "SELECT id || ' ' || status || ' ' || "
	                     "ifnull(reason, '') FROM op ORDER BY lamport, "
	                     "actor, id");
}

/* When each ballot settles: kept by the schema's triggers through every
 * change (core/db_schema.c v11), out of the digest. With again set, it is
 * first derived anew from each ballot's final rows, which gives what was
 * kept live only if every change reached it. */
static char *
settled(struct gv_db *db, int again)
{
	if (again && sqlite3_exec(db->sql, "UPDATE ballot SET kind = kind",
	                          NULL, NULL, NULL) != SQLITE_OK)
		return strdup("not derived anew\n");
	return rows_text(db, "SELECT k.code || ' ' || b.number || ' ' || "
	                     "ifnull(b.settled_at, 'never') FROM ballot b "
	                     "JOIN body k ON k.id = b.body ORDER BY k.code, "
	                     "b.number");
}

/* The first line where a and b differ, for the failure message. */
static const char *
first_difference(const char *a, const char *b, char *line, size_t size)
{
	const char *start = a;

	while (*a && *a == *b) {
		if (*a == '\n')
			start = a + 1;
		a++, b++;
	}
	snprintf(line, size, "%.*s", (int)strcspn(start, "\n"), start);
	return line;
}

static void
check_one(const char *path)
{
	struct gv_rebuild_report r;
	struct gv_db *db = NULL;
	char *before = NULL, *after = NULL, *sb = NULL, *sa = NULL, line[300];
	char *settled_before = NULL, *settled_after = NULL;

	/* Not a gavel database, or one the test left unwritable: nothing
	 * to check. */
	if (gv_db_open(&db, path, NULL) < 0)
		return;
	if (gv_digest_text(&before, db, NULL) < 0)
		goto out;
	sb = statuses(db);
	settled_before = settled(db, 0);
	if (gv_rebuild(&r, db) < 0)
		goto out;
	if (gv_digest_text(&after, db, NULL) < 0)
		goto out;
	sa = statuses(db);
	settled_after = settled(db, 1);
	if (strcmp(before, after))
		t_fail(__FILE__, __LINE__,
		       "%s: rebuilt from its log, it differs from what was "
		       "written live, first at: %s",
		       strrchr(path, '/') + 1,
		       first_difference(before, after, line, sizeof(line)));
	else if (strcmp(sb, sa))
		t_fail(__FILE__, __LINE__,
		       "%s: replayed, an operation ends otherwise: %s",
		       strrchr(path, '/') + 1,
		       first_difference(sb, sa, line, sizeof(line)));
	else if (strcmp(settled_before, settled_after))
		t_fail(__FILE__, __LINE__,
		       "%s: replayed and derived anew, a ballot settles "
		       "otherwise: %s",
		       strrchr(path, '/') + 1,
		       first_difference(settled_before, settled_after, line,
		                        sizeof(line)));
	else {
		checked_dbs++;
		checked_ops += r.ops;
	}
out:
	free(before);
	free(after);
	free(sb);
	free(sa);
	free(settled_before);
	free(settled_after);
	gv_db_free(db);
}

void
t_rebuild_check(const char *dir)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	char path[4096];
	size_t n;

	if (skip || !d) {
		skip = 0;
		if (d)
			closedir(d);
		return;
	}
	while ((e = readdir(d))) {
		n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 3, ".db"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		check_one(path);
	}
	closedir(d);
}

void
t_rebuild_summary(void)
{
	if (checked_dbs)
		printf("rebuild check: %zu databases the tests left, %zu "
		       "operations, each rebuilt from its log as written "
		       "live\n",
		       checked_dbs, checked_ops);
}
