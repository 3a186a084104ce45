/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel init [--demo]`: a new database, optionally
 * holding the demo working group.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gavel/gavel.h"

/* The demo guideline's folder beside the database: demo.db gives
 * demo-guideline (caller frees). */
static char *
guideline_dir(const char *db_path)
{
	size_t n = strlen(db_path);
	char *dir;

	if (n > 3 && !strcmp(db_path + n - 3, ".db"))
		n -= 3;
	if (!(dir = malloc(n + sizeof("-guideline"))))
		return NULL;
	memcpy(dir, db_path, n);
	memcpy(dir + n, "-guideline", sizeof("-guideline"));
	return dir;
}

/* Loads the demo, as recorded or placed at the clock's week (today), and
 * pins its ballot to a guideline repository: repo (a clone of
 * cabforum/smime) or the demo's own, written beside the database. */
static int
load_demo(struct cli *c, const char *repo, int today)
{
	char *dir = repo ? NULL : guideline_dir(c->db_path);

	if ((today ? gv_demo_load_today(c->db) : gv_demo_load(c->db, NULL, 0)) <
	            0 ||
	    gv_demo_guideline(c->db, repo ? repo : dir, !repo) < 0) {
		free(dir);
		return -1;
	}
	free(dir);
	return 0;
}

static int
init_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	int demo = 0, today = 0, npos, rc;
	const char *repo = NULL;
	char *pos[1];
	const struct cli_opt opts[] = {
	        {"demo", NULL, &demo},
	        {"today", NULL, &today},
	        {"repo", &repo, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0)
		return rc;
	if (repo && !demo) {
		cli_eprintf("gavel: --repo goes with --demo (a clone of "
		            "cabforum/smime to pin the demo ballot to)\n");
		return CLI_USAGE;
	}
	if (today && !demo)
		return cli_usage_error(cmd, "--today goes with --demo (the "
		                            "demo placed at this week)");
	if ((rc = cli_open(c, GV_DB_CREATE)) != CLI_OK)
		return rc;
	if (demo && load_demo(c, repo, today) < 0) {
		rc = cli_fail();
		/* Leave no half-made database behind. */
		gv_db_free(c->db);
		c->db = NULL;
		gv_db_remove(c->db_path);
		return rc;
	}
	printf("%s\n", c->db_path);
	return CLI_OK;
}

const struct cli_cmd cmd_init = {
        "init",
        init_run,
        "gavel init [--demo [--today] [--repo DIR]]",
        "create a new database (--demo: the SMCWG as recorded in December "
        "2024, its ballot pinned to a guideline repository written beside "
        "the database, or to DIR, a clone of cabforum/smime; --today: "
        "that group moved to this week, with ballots in discussion, voting "
        "and IPR review)",
        NULL,
};
