/* SPDX-License-Identifier: MIT */
/*
 * This file is a build tool: it applies every migration of
 * core/db_schema.c to an empty database in memory and writes the schema
 * they leave as one script, in the order SQLite holds its objects, so
 * that a new store is made in one step (core/db_open.c). Each ALTER
 * TABLE of the migrations makes SQLite read the whole schema again: 42
 * of them were half of `gavel init`. Usage: schema_now OUT.c.
 */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

extern const char *const gv__migrations[];
extern const int gv__migration_count;

/* sql as the characters of a C string literal. */
static void
literal(FILE *out, const char *sql)
{
	for (; *sql; sql++) {
		if (*sql == '"' || *sql == '\\')
			fprintf(out, "\\%c", *sql);
		else if (*sql == '\n')
			fputs("\\n\"\n\t\"", out);
		else
			fputc(*sql, out);
	}
}

int
main(int argc, char **argv)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	FILE *out;
	char *err = NULL;
	int i, rc;

	if (argc != 2) {
		fprintf(stderr, "usage: schema_now OUT.c\n");
		return 2;
	}
	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		return 1;
	for (i = 0; i < gv__migration_count; i++)
		if (sqlite3_exec(db, gv__migrations[i], NULL, NULL, &err) !=
		    SQLITE_OK) {
			fprintf(stderr, "schema_now: migration %d: %s\n", i + 1,
			        err);
			return 1;
		}
	/* Not SQLite's own objects, nor the tables FTS5 makes for its
	 * virtual table (made again with it), nor automatic indexes. */
	if (sqlite3_prepare_v2(
	            db,
	            "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND"
	            " name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT IN"
	            " (SELECT name FROM pragma_table_list WHERE type ="
	            " 'shadow') ORDER BY rowid",
	            -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "schema_now: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	if (!(out = fopen(argv[1], "w"))) {
		perror(argv[1]);
		return 1;
	}
	fprintf(out,
	        "/* Written by tools/schema_now.c: do not edit. */\n"
	        "#include \"db.h\"\n\n"
	        "const int gv__schema_now_version = %d;\n"
	        "const char gv__schema_now[] =\n\t\"",
	        gv__migration_count);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		literal(out, (const char *)sqlite3_column_text(st, 0));
		fputs(";\\n\"\n\t\"", out);
	}
	fputs("\";\n", out);
	sqlite3_finalize(st);
	sqlite3_close(db);
	if (fclose(out) != 0 || rc != SQLITE_DONE) {
		fprintf(stderr, "schema_now: cannot write %s\n", argv[1]);
		return 1;
	}
	return 0;
}
