/* SPDX-License-Identifier: MIT */
/*
 * This file tests what a sync says of the issues a replay renumbered
 * (core/sync_renumber.c): a line for each, with its name before and
 * after, up to twenty, then one that counts the rest; nothing for an
 * issue that kept its number or is no longer there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"
#include "sync.h"

/* A store with n issues of SMCWG, #1 to #n, each added by an operation
 * (fewer if one failed: the tests count them). */
static struct gv_db *
issues(int n)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_body_spec body = {0};
	struct gv_issue_spec spec = {0};
	struct gv_db *db = NULL;
	char title[32];
	int i;

	if (gv_db_open(&db, t_path("g.db"), &opts) < 0)
		return NULL;
	gv_db_set_now(db, t_at("2025-01-06 10:00"));
	gv_db_set_actor(db, "chair");
	body.code = "SMCWG";
	body.name = "S/MIME";
	if (gv_body_add(NULL, db, &body) < 0)
		return db;
	spec.body = "SMCWG";
	spec.title = title;
	spec.created_at = -1;
	for (i = 1; i <= n; i++) {
		snprintf(title, sizeof(title), "issue %d", i);
		if (gv_issue_add(NULL, db, &spec) < 0)
			break;
	}
	return db;
}

/* was as if each issue from `from` on had had the number before. */
static void
numbered_one_less(struct gv__numbers *was, size_t from)
{
	for (size_t i = from; i < was->n; i++) {
		free(was->v[i].name);
		was->v[i].name = gv__xsprintf("SMCWG#%zu", i);
	}
}

static void
each_renumbered_issue_told(void)
{
	struct gv_db *db = issues(3);
	struct gv_sync_report r = {0};
	struct gv__numbers was;

	T_ASSERT(db);
	T_OK(gv__numbers_read(&was, db));
	T_EQ_INT(was.n, 3);
	T_EQ_STR(was.v[0].name, "SMCWG#1");
	numbered_one_less(&was, 2); /* #3 was #2 */
	free(was.v[1].made);        /* #2's issue.add is not applied now */
	was.v[1].made = gv__xstrdup("0000000000");
	free(was.v[1].name);
	was.v[1].name = gv__xstrdup("SMCWG#9");
	T_OK(gv__numbers_report(&was, db, &r));
	T_EQ_INT(r.nnotes, 1);
	T_EQ_STR(r.notes[0], "SMCWG#2 \"issue 3\" is now SMCWG#3: an issue "
	                     "added elsewhere sorts before it and took its "
	                     "number");
	gv__numbers_dispose(&was);
	gv_sync_report_dispose(&r);
	gv_db_free(db);
}

static void
many_renumbered_issues_counted(void)
{
	struct gv_db *db = issues(25);
	struct gv_sync_report r = {0};
	struct gv__numbers was;

	T_ASSERT(db);
	T_OK(gv__numbers_read(&was, db));
	numbered_one_less(&was, 1);
	T_OK(gv__numbers_report(&was, db, &r));
	T_EQ_INT(r.nnotes, 21);
	T_CONTAINS(r.notes[0], "SMCWG#1 \"issue 2\" is now SMCWG#2");
	T_CONTAINS(r.notes[19], "SMCWG#20 \"issue 21\" is now SMCWG#21");
	T_EQ_STR(r.notes[20], "and 4 more issues renumbered: 'gavel issue "
	                      "list' shows them");
	gv__numbers_dispose(&was);
	gv_sync_report_dispose(&r);
	gv_db_free(db);
}

const struct t_case sync_renumber_tests[] = {
        {"each_renumbered_issue_told", each_renumbered_issue_told},
        {"many_renumbered_issues_counted", many_renumbered_issues_counted},
        {NULL, NULL},
};
