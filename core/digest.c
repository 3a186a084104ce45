/* SPDX-License-Identifier: MIT */
/*
 * This file implements the digest: the logical content of the derived
 * tables, as core/db_stmt_digest.h writes it (references as names, rows
 * sorted), and its git blob id.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/log.h"
#include "gavel/roster.h"

#define DIGEST_TABLE(stmt, name) {GV__STMT_DIGEST_##stmt, #name},
static const struct {
	enum gv__stmt stmt;
	const char *name;
} tables[] = {GV__DIGEST_TABLES(DIGEST_TABLE)};
#undef DIGEST_TABLE

static int
digest_table(struct gv_buf *out, struct gv_db *db, size_t i, int64_t body)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db, tables[i].stmt)) < 0)
		return error;
	gv__bind_opt(st, 1, body, body >= 0);
	gv__buf_printf(out, "[%s]\n", tables[i].name);
	while ((error = gv__db_step(db, st)) > 0) {
		gv__buf_puts(out, (const char *)sqlite3_column_text(st, 0));
		gv__buf_putc(out, '\n');
	}
	gv__db_reset(st);
	return error;
}

int
gv_digest_text(char **out, struct gv_db *db, const char *code)
{
	struct gv_buf buf = GV_BUF_INIT;
	struct gv_body body = {0};
	int64_t id = -1;
	size_t i;
	int error = 0;

	*out = NULL;
	if (code) {
		if ((error = gv_body_get(&body, db, code)) < 0)
			return error;
		id = body.id;
		gv_body_dispose(&body);
	}
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if ((error = digest_table(&buf, db, i, id)) < 0) {
			gv__buf_dispose(&buf);
			return error;
		}
	*out = gv__buf_detach(&buf);
	return 0;
}

int
gv_digest(char out[GV_DIGEST_HEX], struct gv_db *db, const char *body)
{
	char *text = NULL, *hash;
	int error;

	if ((error = gv_digest_text(&text, db, body)) < 0)
		return error;
	hash = gv__text_hash(text);
	free(text);
	if (!hash)
		return GV_ERROR;
	memcpy(out, hash, GV_DIGEST_HEX - 1);
	out[GV_DIGEST_HEX - 1] = '\0';
	free(hash);
	return 0;
}
