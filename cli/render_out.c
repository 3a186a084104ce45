/* SPDX-License-Identifier: MIT */
/*
 * This file implements what every command that fills a template shares
 * (`render`, `minutes`, `agenda`, `ballot notice`): its --format and
 * writing the document byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "gavel/gavel.h"

int
cli_render_format(enum gv_render_format *out, const struct cli_cmd *cmd,
                  const char *value)
{
	if (!value)
		*out = GV_RENDER_AUTO;
	else if (!strcmp(value, "md"))
		*out = GV_RENDER_MD;
	else if (!strcmp(value, "html"))
		*out = GV_RENDER_HTML;
	else if (!strcmp(value, "text"))
		*out = GV_RENDER_TEXT;
	else
		return cli_usage_error(cmd,
		                       "unknown format '%s': use md, "
		                       "html or text",
		                       value);
	return CLI_OK;
}

int
cli_render(struct cli *c, const struct gv_render_spec *spec, int needs_db)
{
	char *out = NULL;
	size_t len = 0;
	int rc;

	if (needs_db && (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_render(&out, &len, c->db, spec) < 0)
		return cli_fail();
	/* Byte for byte into a file or a pipe; on a terminal, stored text
	 * (a title with an escape sequence) must not reach it raw. */
	if (isatty(fileno(stdout)))
		cli_printf("%s", out);
	else
		fwrite(out, 1, len, stdout);
	free(out);
	return CLI_OK;
}
