/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel redline`: the word-level redline of a range
 * of a guideline's repository, in the format a reviewer or a chair needs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "gavel/gavel.h"

static int
has_hunks(const struct gv_redline *r)
{
	size_t i;

	for (i = 0; i < r->nfiles; i++)
		if (r->files[i].nhunks)
			return 1;
	return 0;
}

/*
 * A --section that matches no change says so on stderr, with the
 * sections the range does change, so a mistyped number does not read as
 * "this ballot leaves it alone".
 */
static void
section_missed(struct cli *c, const char *ballot, int vn,
               const struct gv_redline_opts *opts)
{
	struct gv_redline_opts all = *opts;
	struct gv_redline *r = NULL;
	const char *last = NULL, *s, *sep = "; it changes ";
	size_t f, h;

	all.section = NULL;
	cli_eprintf("gavel: no change under a section starting with \"%s\"",
	            opts->section);
	if ((ballot ? gv_ballot_redline(&r, c->db, ballot, vn, &all)
	            : gv_redline_build(&r, &all)) == 0)
		for (f = 0; f < r->nfiles; f++)
			for (h = 0; h < r->files[f].nhunks; h++) {
				s = r->files[f].hunks[h].section;
				if (!s || (last && !strcmp(s, last)))
					continue;
				cli_eprintf("%s%s", sep, s);
				sep = "; ";
				last = s;
			}
	cli_eprintf("\n");
	gv_redline_free(r);
}

static int
redline_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_redline_opts opts = {0};
	enum gv_redline_format format;
	const char *format_opt = NULL, *context = NULL, *ballot = NULL,
	           *version = NULL;
	long vn = 0;
	struct gv_redline *r = NULL;
	char *pos[1], *out = NULL, *end;
	size_t len = 0, width;
	int npos, rc;
	const struct cli_opt options[] = {
	        {"repo", &opts.repo, NULL},  {"format", &format_opt, NULL},
	        {"path", &opts.path, NULL},  {"section", &opts.section, NULL},
	        {"context", &context, NULL}, {"ballot", &ballot, NULL},
	        {"version", &version, NULL}, {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, options, pos, &npos, 0, 1)) >= 0)
		return rc;
	if (!npos == !ballot)
		return cli_usage_error(cmd, "give a range, or --ballot NUMBER");
	if (version && ((vn = strtol(version, &end, 10)) <= 0 || *end))
		return cli_usage_error(cmd, "--version takes a number");
	opts.range = npos ? pos[0] : NULL;
	opts.progress = cli_progress;
	/* The core reads 0 as its default (3), so 0 is not offered. */
	if (context && ((opts.context = (int)strtol(context, &end, 10)) < 1 ||
	                opts.context > 1000 || *end))
		return cli_usage_error(cmd, "--context takes a number of lines "
		                            "from 1 to 1000");
	/* Colours for a terminal, plain text for a pipe (git's habit). */
	if (!format_opt)
		format = isatty(STDOUT_FILENO) ? GV_REDLINE_ANSI
		                               : GV_REDLINE_PLAIN;
	else if (gv_redline_format_parse(&format, format_opt) < 0)
		return cli_usage_error(cmd, "%s", gv_error_last()->message);
	if (ballot && (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if ((ballot ? gv_ballot_redline(&r, c->db, ballot, (int)vn, &opts)
	            : gv_redline_build(&r, &opts)) < 0)
		return cli_fail();
	if (opts.section && !has_hunks(r))
		section_missed(c, ballot, (int)vn, &opts);
	width = cli_terminal_width(stdout);
	if (gv_redline_write(&out, &len, r, format, width ? (int)width : 80) <
	    0) {
		gv_redline_free(r);
		return cli_fail();
	}
	fwrite(out, 1, len, stdout);
	free(out);
	gv_redline_free(r);
	return CLI_OK;
}

const struct cli_cmd cmd_redline = {
        "redline",
        redline_run,
        "gavel redline [--repo DIR] BASE..HEAD|BASE...HEAD|COMPARE-URL | "
        "--ballot NUMBER [--version N] "
        "[--format ansi|plain|html|md|numstat|json] [--path FILE] "
        "[--section S] [--context N]",
        "the word-level redline of a guideline between two revisions",
        NULL,
};
