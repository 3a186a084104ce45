/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel init [--demo]`: a new database, optionally
 * holding the demo working group.
 */
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "gavel/gavel.h"

static int
init_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	int demo = 0, npos, rc;
	char *pos[1];
	const struct cli_opt opts[] = {
	        {"demo", NULL, &demo},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0)
		return rc;
	if ((rc = cli_open(c, GV_DB_CREATE)) != CLI_OK)
		return rc;
	if (demo && gv_demo_load(c->db, NULL, 0) < 0) {
		rc = cli_fail();
		/* Leave no half-made database behind. */
		gv_db_free(c->db);
		c->db = NULL;
		unlink(c->db_path);
		return rc;
	}
	printf("%s\n", c->db_path);
	return CLI_OK;
}

const struct cli_cmd cmd_init = {
        "init",
        init_run,
        "gavel init [--demo]",
        "create a new database (--demo: the SMCWG of December 2024)",
        NULL,
};
