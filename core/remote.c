/* SPDX-License-Identifier: MIT */
/*
 * This file implements the remotes a copy syncs with: this machine's own
 * settings, never part of the shared log.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/sync.h"
#include "git_chain.h"

int
gv_remote_add(struct gv_db *db, const char *name, const char *url)
{
	char *abs = NULL;
	sqlite3_stmt *st;
	int error;

	if ((error = gv__chain_remote_check(name, url)) < 0)
		return error;
	/* A relative path is where it was said, not wherever gavel runs
	 * next. */
	if (gv__chain_url_is_path(url))
		abs = gv__path_absolute(url);
	if ((error = gv__db_stmt(&st, db, GV__STMT_REMOTE_INSERT)) < 0)
		goto out;
	gv__bind_text(st, 1, name);
	gv__bind_text(st, 2, abs ? abs : url);
	gv__bind_int(st, 3, gv_db_now(db));
	if ((error = gv__db_run(db, st)) == GV_ECONFLICT)
		error = gv__error_set(GV_ERRCLASS_SYNC, GV_EEXISTS,
		                      "there is a remote \"%s\" already: "
		                      "remove it first to change its URL",
		                      name);
out:
	free(abs);
	return error;
}

int
gv_remote_remove(struct gv_db *db, const char *name)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_REMOTE_DELETE)) < 0)
		return error;
	gv__bind_text(st, 1, name);
	if ((error = gv__db_run(db, st)) < 0)
		return error;
	if (!sqlite3_changes(db->sql))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_ENOTFOUND,
		                     "no remote \"%s\": see 'gavel remote "
		                     "list'",
		                     name);
	return 0;
}

static void
remote_read(struct gv_remote *r, sqlite3_stmt *st)
{
	char *url = gv__col_text(st, 1);

	r->name = gv__col_text(st, 0);
	r->url = gv__chain_url_shown(url);
	free(url);
	r->added_at = sqlite3_column_int64(st, 2);
	r->synced_at = sqlite3_column_type(st, 3) == SQLITE_NULL
	                       ? -1
	                       : sqlite3_column_int64(st, 3);
	r->ops_in = sqlite3_column_int64(st, 4);
	r->ops_out = sqlite3_column_int64(st, 5);
	r->error = gv__col_text(st, 6);
	r->conflicts = sqlite3_column_int64(st, 7);
}

int
gv_remote_list(struct gv_remote **out, size_t *n, struct gv_db *db,
               const char *name)
{
	struct gv_remote *list = NULL;
	sqlite3_stmt *st;
	size_t alloc = 0;
	int error;

	*out = NULL;
	*n = 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_REMOTE_LIST)) < 0)
		return error;
	gv__bind_text(st, 1, name);
	while ((error = gv__db_step(db, st)) > 0) {
		if (*n == alloc)
			list = gv__xrealloc(list,
			                    (alloc = alloc ? alloc * 2 : 4) *
			                            sizeof(*list));
		remote_read(&list[(*n)++], st);
	}
	gv__db_reset(st);
	if (error == 0 && name && !*n)
		error = gv__error_set(GV_ERRCLASS_SYNC, GV_ENOTFOUND,
		                      "no remote \"%s\": see 'gavel remote "
		                      "list'",
		                      name);
	if (error < 0) {
		gv_remote_list_free(list, *n);
		*n = 0;
		return error;
	}
	*out = list;
	return 0;
}

void
gv_remote_list_free(struct gv_remote *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(r[i].name);
		free(r[i].url);
		free(r[i].error);
	}
	free(r);
}
