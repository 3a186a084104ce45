/* SPDX-License-Identifier: MIT */
/*
 * This file tests the GitHub import of a file larger than one operation
 * carries (issue 21): it is read one issue at a time and applied in
 * parts, yet it is one import (whole-file counts, progress and event,
 * one transaction), a re-import changes nothing, and broken JSON or a
 * wrong shape anywhere, even after the first part, writes nothing and
 * says where. The rebuild check at the end of the run replays the parts
 * from the log and compares digests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"

/* More than one operation's 2 MB of JSON (core/issue_import.c). */
#define N     1500
#define BODY  2000
#define LINES 3 /* lines per issue in big_file */

static struct gv_db *
group(void)
{
	return t_smcwg_db(t_at("2024-12-01 12:00"));
}

/* N issues of BODY bytes of text with a comment each, LINES lines per
 * issue after the "[" line; issue `bad` is written as `shape` instead
 * and the file ends with `end`. */
static const char *
big_file(const char *name, int bad, const char *shape, const char *end)
{
	const char *path = t_path(name);
	FILE *f = fopen(path, "w");
	char *text = malloc(BODY + 1);
	int i;

	if (!f || !text)
		abort();
	memset(text, 'x', BODY);
	text[BODY] = '\0';
	fputs("[\n", f);
	for (i = 1; i <= N; i++) {
		if (i > 1)
			fputs(",\n", f);
		if (i == bad) {
			fputs(shape, f);
			fputs("\n\n", f);
			continue;
		}
		fprintf(f,
		        "{\"number\": %d, \"title\": \"Issue %d\", \"state\": "
		        "\"%s\", \"labels\": [{\"name\": \"l%d\"}],\n "
		        "\"body\": "
		        "\"%s\", \"createdAt\": \"2024-01-01T00:00:00Z\",\n "
		        "\"comments\": [{\"id\": \"C%d\", \"body\": \"c\"}]}",
		        i, i, i % 3 ? "OPEN" : "CLOSED", i % 5, text, i);
	}
	fputs(end, f);
	fclose(f);
	free(text);
	return path;
}

struct seen {
	size_t calls, last, total;
	int ordered;
};

static void
progress(const char *what, size_t done, size_t total, void *payload)
{
	struct seen *s = payload;

	s->ordered &= !strcmp(what, "importing issues") &&
	              done == s->last + 1 && (!s->calls || total == s->total);
	s->calls++;
	s->last = done;
	s->total = total;
}

static void
import_in_parts_is_one_import(void)
{
	struct gv_db *db = group();
	struct gv_issue_import_stats st = {0};
	struct seen seen = {0, 0, 0, 1};

	T_ASSERT(db);
	gv_db_set_progress(db, progress, &seen);
	T_EQ_INT(gv_issue_import(&st, db, "SMCWG",
	                         big_file("big.json", 0, "", "\n]\n")),
	         0);
	gv_db_set_progress(db, NULL, NULL);
	T_EQ_INT(st.issues, N);
	T_EQ_INT(st.added, N);
	T_EQ_INT(st.comments, N);
	T_EQ_INT(st.notes_added, N);
	/* Progress over the whole file, not per part. */
	T_EQ_INT(seen.calls, N);
	T_EQ_INT(seen.total, N);
	T_ASSERT(seen.ordered);
	/* Parts: more than one operation, every issue imported at the same
	 * instant. */
	T_ASSERT(t_sql_int(db, "SELECT count(*) FROM op WHERE kind = "
	                       "'issue.import'") > 1);
	T_EQ_INT(t_sql_int(db, "SELECT count(DISTINCT imported_at) FROM issue"),
	         1);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM issue WHERE state = "
	                       "'closed'"),
	         N / 3);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM issue_fts"), N);
	/* Again: nothing new, and the counts are the whole file's. */
	T_EQ_INT(gv_issue_import(&st, db, "SMCWG", t_path("big.json")), 0);
	T_EQ_INT(st.issues, N);
	T_EQ_INT(st.added + st.updated + st.notes_added + st.notes_updated, 0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM issue"), N);
	gv_db_free(db);
}

/* Imports path, which must fail with message; nothing is written. */
static void
refused(struct gv_db *db, const char *path, const char *message)
{
	struct gv_issue_import_stats st = {0};
	int64_t ops = t_sql_int(db, "SELECT count(*) FROM op");

	T_EQ_INT(gv_issue_import(&st, db, "SMCWG", path), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, message);
	T_EQ_INT(st.issues, 0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM issue"), 0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM issue_note"), 0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM op"), ops);
}

static void
import_in_parts_is_all_or_nothing(void)
{
	struct gv_db *db = group();
	char want[128];

	T_ASSERT(db);
	/* The last issue, well after the first part, breaks the file. */
	snprintf(want, sizeof(want), "x.json:%d:18: ", 2 + (N - 1) * LINES);
	refused(db, big_file("x.json", N, "{\"number\": 1500, }", "\n]\n"),
	        want);
	refused(db,
	        big_file("x.json", N, "{\"number\": 1500, \"state\": \"open\"}",
	                 "\n]\n"),
	        "x.json: issue 1500 of 1500 has no title");
	refused(db, big_file("x.json", N, "[1500]", "\n]\n"),
	        "issue 1500 of 1500 is not an object");
	/* The arrays' own punctuation, with its line and column. */
	refused(db, big_file("x.json", 0, "", "\n"),
	        "the file ends inside the list of issues");
	snprintf(want, sizeof(want),
	         "x.json:%d:1: ',' or ']' expected after an issue",
	         2 + N * LINES);
	refused(db, big_file("x.json", 0, "", "\n}\n"), want);
	refused(db, big_file("x.json", 0, "", "\n]\n{\"number\": 1}\n"),
	        "a JSON object where an array of issues belongs");
	snprintf(want, sizeof(want), "x.json:%d:", 3 + N * LINES);
	refused(db, big_file("x.json", 0, "", "\n]\n[1, ]\n"), want);
	gv_db_free(db);
}

const struct t_case issue_import_tests[] = {
        {"import_in_parts_is_one_import", import_in_parts_is_one_import},
        {"import_in_parts_is_all_or_nothing",
         import_in_parts_is_all_or_nothing},
        {NULL, NULL},
};
