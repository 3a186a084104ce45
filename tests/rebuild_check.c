/* SPDX-License-Identifier: MIT */
/*
 * This file implements the check the harness runs after every test that
 * passed: each gavel database the test left in its folder is derived
 * again from its operation log (gavel rebuild), and must come out as it
 * was, row for row of its logical content, every operation with the same
 * outcome. So every change any test makes, through the CLI or the API, is
 * checked to be an operation that replays to what it did live.
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

/* The outcome of every operation, in the log's order. */
static char *
statuses(struct gv_db *db)
{
	struct gv_buf b = GV_BUF_INIT;
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db->sql,
	                       "SELECT id || ' ' || status || ' ' || "
	                       "ifnull(reason, '') FROM op ORDER BY lamport, "
	                       "actor, id",
	                       -1, &st, NULL) != SQLITE_OK)
		return gv__buf_detach(&b);
	while (sqlite3_step(st) == SQLITE_ROW)
		gv__buf_printf(&b, "%s\n", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return gv__buf_detach(&b);
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

	/* Not a gavel database, or one the test left unwritable: nothing
	 * to check. */
	if (gv_db_open(&db, path, NULL) < 0)
		return;
	if (gv_digest_text(&before, db, NULL) < 0)
		goto out;
	sb = statuses(db);
	if (gv_rebuild(&r, db) < 0)
		goto out;
	if (gv_digest_text(&after, db, NULL) < 0)
		goto out;
	sa = statuses(db);
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
	else {
		checked_dbs++;
		checked_ops += r.ops;
	}
out:
	free(before);
	free(after);
	free(sb);
	free(sa);
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
