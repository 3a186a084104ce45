/* SPDX-License-Identifier: MIT */
/*
 * This file implements what every command that fills a template shares
 * (`render`, `minutes`, `agenda`, `ballot notice`, `remind`): its
 * --format, writing the document byte for byte, and writing or sending
 * it as a message (--format eml, --send).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "gavel/gavel.h"

void
cli_write_document(const char *out, size_t len)
{
	char *safe;

	if (!isatty(fileno(stdout))) {
		fwrite(out, 1, len, stdout);
		return;
	}
	/* Onto a terminal it keeps its lines; an escape sequence or another
	 * control a terminal would act on is shown, not done. */
	safe = gv_text_sanitize(out, GV_SANITIZE_KEEP_NEWLINES);
	fputs(safe, stdout);
	free(safe);
}

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
	cli_write_document(out, len);
	free(out);
	return CLI_OK;
}

int
cli_mail_wanted(const struct cli_cmd *cmd, const char *format, int send,
                int again, const char *to)
{
	int eml = format && !strcmp(format, "eml");

	if (!eml && !send && !again && !to)
		return 0;
	if (format && !eml)
		return cli_usage_error(cmd, "--send, --again and --to make a "
		                            "message: use --format eml, or "
		                            "leave --format out");
	return 1;
}

int
cli_mail(struct cli *c, const struct gv_mail_spec *spec, int send)
{
	const char *command = getenv("GAVEL_SENDMAIL");
	struct gv_mail m;
	char *output = NULL, *safe;
	int rc;

	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (!send) {
		if (gv_mail_render(&m, c->db, spec) < 0)
			return cli_fail();
		cli_write_document(m.text, m.len);
		gv_mail_dispose(&m);
		return CLI_OK;
	}
	if (gv_mail_send(&m, &output, c->db, spec,
	                 command && *command ? command : NULL) < 0)
		return cli_fail();
	/* What the command printed is its own report: on stderr, so that
	 * stdout holds the Message-ID alone, as a created thing's id. */
	if (output) {
		safe = gv_text_sanitize(output, GV_SANITIZE_KEEP_NEWLINES);
		fputs(safe, stderr);
		free(safe);
		free(output);
	}
	printf("<%s>\n", m.message_id);
	gv_mail_dispose(&m);
	return CLI_OK;
}
