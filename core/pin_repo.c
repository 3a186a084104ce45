/* SPDX-License-Identifier: MIT */
/*
 * This file implements where this copy reads pinned versions from. A pin
 * records the folder it was made in, a path on the machine of whoever
 * pinned it; after a sync, the other members name their own clone of the
 * body's guideline (`gavel config repo BODY DIR`, this copy's setting
 * "repo BODY", as "templates BODY" names its templates folder). Any
 * clone that holds the commits serves: the redline is rebuilt from the
 * recorded commit ids, and `ballot verify` checks each file against its
 * recorded blob id.
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "ballot_internal.h"
#include "config.h"
#include "db.h"
#include "gavel/redline.h"
#include "gavel/roster.h"
#include "gavel/sync.h"
#include "git_range.h"

static char *
repo_key(const char *body)
{
	return gv__xsprintf("repo %s", body);
}

int
gv_config_repo(struct gv_db *db, const char *body, const char *dir)
{
	struct gv_body b;
	char *where = NULL, *key;
	int error;

	if ((error = gv_body_get(&b, db, body)) < 0)
		return error;
	if (dir && gv__git_folder(&where, dir) < 0) {
		error = gv__error_set(GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
		                      "%s is not a git repository: give your "
		                      "clone of %s's guideline",
		                      dir, b.code);
	} else {
		key = repo_key(b.code);
		error = gv__config_set(db, key, where);
		free(key);
		free(where);
	}
	gv_body_dispose(&b);
	return error;
}

int
gv_config_repo_get(char **out, struct gv_db *db, const char *body)
{
	struct gv_body b;
	char *key;
	int error;

	*out = NULL;
	if ((error = gv_body_get(&b, db, body)) < 0)
		return error;
	key = repo_key(b.code);
	error = gv_config_get(out, db, key);
	free(key);
	gv_body_dispose(&b);
	return error;
}

int
gv__pin_locate(struct gv__pin *p, struct gv_db *db, const struct gv_ballot *b)
{
	char *key = repo_key(b->body), *mine = NULL;
	struct stat sb;
	int error;

	error = gv_config_get(&mine, db, key);
	free(key);
	if (error < 0)
		return error;
	if (mine) {
		free(p->repo);
		p->repo = mine;
		return 0;
	}
	/* A folder that is not a repository gets git's own message. */
	if (stat(p->repo, &sb) == 0 && S_ISDIR(sb.st_mode))
		return 0;
	return gv__error_set(GV_ERRCLASS_REDLINE, GV_ENOTFOUND,
	                     "name your clone of %s's guideline with 'gavel "
	                     "config repo %s DIR': %s version %d was pinned "
	                     "in %s, which is not on this machine",
	                     b->body, b->body, b->number, p->n, p->repo);
}
