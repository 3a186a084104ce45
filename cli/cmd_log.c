/* SPDX-License-Identifier: MIT */
/*
 * This file implements the operation log's commands: `gavel rebuild`
 * (derive every table again from the log) and `gavel digest` (a hash of
 * the logical content, equal on copies that applied the same operations).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gavel/gavel.h"

static int
rebuild_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_rebuild_report r;
	char before[GV_DIGEST_HEX], after[GV_DIGEST_HEX];
	char *pos[1];
	int npos, rc;
	const struct cli_opt opts[] = {{NULL, NULL, NULL}};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0)
		return rc;
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_digest(before, c->db, NULL) < 0 || gv_rebuild(&r, c->db) < 0 ||
	    gv_digest(after, c->db, NULL) < 0)
		return cli_fail();
	printf("%zu operations: %zu applied, %zu conflicts, %zu same as an "
	       "earlier one, %zu of a newer gavel, %zu denied\n",
	       r.ops, r.applied, r.conflicts, r.same, r.unknown, r.denied);
	printf("digest %s\n", after);
	/* Only a database changed around gavel (by hand, or an older
	 * tool) gets here: say so, with what it was. */
	if (strcmp(before, after))
		printf("the tables did not match the log (digest %s before): "
		       "they do now\n",
		       before);
	return CLI_OK;
}

static int
digest_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *body = NULL;
	char hex[GV_DIGEST_HEX], *text = NULL;
	char *pos[1];
	int npos, rc, show = 0;
	const struct cli_opt opts[] = {
	        {"body", &body, NULL},
	        {"show", NULL, &show},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0)
		return rc;
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (show) {
		if (gv_digest_text(&text, c->db, body) < 0)
			return cli_fail();
		cli_write_document(text, strlen(text));
		free(text);
		return CLI_OK;
	}
	if (gv_digest(hex, c->db, body) < 0)
		return cli_fail();
	printf("%s\n", hex);
	return CLI_OK;
}

const struct cli_cmd cmd_rebuild = {
        "rebuild",
        rebuild_run,
        "gavel rebuild",
        "derive every table again from the operation log, in its one order",
        NULL,
};

const struct cli_cmd cmd_digest = {
        "digest",
        digest_run,
        "gavel digest [--body CODE] [--show]",
        "a hash of the logical content: copies that applied the same "
        "operations print the same (--show: the content itself)",
        NULL,
};
