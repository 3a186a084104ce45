/* SPDX-License-Identifier: MIT */
/*
 * This file implements this copy's own settings (the config table): what
 * belongs to one member's machine and never travels with the log, such
 * as who they are, their signing key and their templates folders.
 */
#include <stdlib.h>

#include "config.h"
#include "db.h"
#include "gavel/sync.h"

int
gv_config_get(char **out, struct gv_db *db, const char *key)
{
	sqlite3_stmt *st;
	int error;

	*out = NULL;
	if ((error = gv__db_stmt(&st, db, GV__STMT_CONFIG_GET)) < 0)
		return error;
	gv__bind_text(st, 1, key);
	if ((error = gv__db_step(db, st)) > 0)
		*out = gv__col_text(st, 0);
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

int
gv__config_set(struct gv_db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db,
	                         value ? GV__STMT_CONFIG_SET
	                               : GV__STMT_CONFIG_UNSET)) < 0)
		return error;
	gv__bind_text(st, 1, key);
	if (value)
		gv__bind_text(st, 2, value);
	return gv__db_run(db, st);
}
