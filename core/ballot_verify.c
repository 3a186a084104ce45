/* SPDX-License-Identifier: MIT */
/*
 * This file implements `ballot verify`: the latest pinned version's
 * commits are still in the repository, each file's text at head (and as
 * merged) is the one pinned, every object read hashed again; and the
 * other pending ballots that change the same sections are noted
 * (core/ballot_overlap.c).
 */
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"
#include "git_files.h"

/* One line of verify_files: the text at a commit against the pin. */
static void
verify_text(struct gv_verify *v, struct gv__git_check *c, const char *commit,
            const char *path, const char *pinned, const char *where,
            const char *same, const char *other)
{
	char now[41];

	if (gv__git_check_blob(now, c, commit, path) < 0) {
		gv__verify_add(v, GV_VERIFY_PROBLEM,
		               gv__xsprintf("%s %s: cannot be read (%s); the "
		                            "repository is damaged: run git "
		                            "fsck",
		                            path, where,
		                            gv_error_last()->message));
		return;
	}
	if (pinned ? !strcmp(now, pinned) : !now[0])
		gv__verify_add(v, GV_VERIFY_OK,
		               gv__xsprintf("%s %s: %s", path, where, same));
	else
		gv__verify_add(v, GV_VERIFY_PROBLEM,
		               gv__xsprintf("%s %s: %s", path, where, other));
}

static void
verify_add(struct gv_verify *v, int ok, char *line)
{
	gv__verify_add(v, ok ? GV_VERIFY_OK : GV_VERIFY_PROBLEM, line);
}

/* Each pinned file's text at head (and at merge) is what was pinned. */
static int
verify_files(struct gv_verify *v, struct gv_db *db, struct gv__git_check *c,
             const struct gv__pin *p, const char *head, const char *merged)
{
	int error;
	sqlite3_stmt *st = NULL;
	int rc;

	if ((error = gv__db_stmt(&st, db, GV__STMT_VERSION_FILES)) < 0)
		return error;
	gv__bind_int(st, 1, p->version);
	while ((rc = gv__db_step(db, st)) > 0) {
		const char *path = (const char *)sqlite3_column_text(st, 0);
		const char *pinned = (const char *)sqlite3_column_text(st, 2);

		if (head[0])
			verify_text(v, c, head, path, pinned,
			            "at the pinned head", "the text voted on",
			            "differs from the text pinned");
		if (merged)
			verify_text(v, c, merged, path, pinned, "as merged",
			            "equals the text voted on",
			            "is NOT the text voted on");
	}
	gv__db_reset(st);
	return rc;
}

int
gv_ballot_verify(struct gv_verify *v, struct gv_db *db, const char *ref,
                 const char *merge)
{
	char base[41], head[41], merged[41];
	struct gv__git_check *c = NULL;
	struct gv_ballot *b = NULL;
	struct gv__pin p = {0};
	int error;

	memset(v, 0, sizeof(*v));
	if ((error = gv_ballot_get(&b, db, ref)) < 0 ||
	    (error = gv__pin_get(&p, db, b, 0)) < 0 ||
	    (error = gv__pin_locate(&p, db, b)) < 0 ||
	    (error = gv__git_check_open(&c, p.repo)) < 0)
		goto out;
	error = gv__git_check_commit(base, c, p.base);
	verify_add(v, error == 0,
	           gv__xsprintf("base %.12s: %s", p.base,
	                        error == 0 ? "present" : "missing"));
	error = gv__git_check_commit(head, c, p.head);
	verify_add(v, error == 0,
	           gv__xsprintf("head %.12s: %s", p.head,
	                        error == 0 ? "present" : "missing"));
	if (merge && (error = gv__git_check_commit(merged, c, merge)) < 0)
		goto out;
	/* The other pending ballots are compared through this one's
	 * redline; when the repository cannot give it, that is one more
	 * problem to report, not a reason to hide the others. */
	if ((error = verify_files(v, db, c, &p, head, merge ? merged : NULL)) ==
	            0 &&
	    gv__verify_overlaps(v, db, b) < 0)
		gv__verify_add(v, GV_VERIFY_PROBLEM,
		               gv__xsprintf("other pending ballots not "
		                            "compared: %s",
		                            gv_error_last()->message));
out:
	gv__git_check_free(c);
	gv__pin_dispose(&p);
	gv_ballot_free(b);
	return error;
}
