/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel review add|list`: offline review notes on a
 * ballot's redline, and the digest a member pastes into a list reply.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gavel/gavel.h"

static int
review_add(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *path = NULL, *line = NULL, *author = getenv("GAVEL_USER");
	char *pos[2], *end;
	long n = 0;
	int npos, rc, private_note = 0;
	const struct cli_opt opts[] = {
	        {"path", &path, NULL},     {"line", &line, NULL},
	        {"author", &author, NULL}, {"private", NULL, &private_note},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 2, 2)) >= 0)
		return rc;
	if (!path || !line || (n = strtol(line, &end, 10)) <= 0 || *end)
		return cli_usage_error(cmd, "--path FILE and --line N are "
		                            "required");
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	return gv_review_add(c->db, pos[0], path, (int)n, pos[1], author,
	                     private_note ? GV_REVIEW_PRIVATE : 0) < 0
	               ? cli_fail()
	               : CLI_OK;
}

/* The line with the words the ballot changes in it, as the plain or md
 * redline writes them ([-old-]{+new+} or ~~old~~ **new**). */
static void
print_line(const struct gv_review_note *n, int md)
{
	struct gv_span same = {GV_SPAN_SAME, n->text};
	struct gv_rline line = {GV_RLINE_CHANGED,
	                        0,
	                        n->now,
	                        n->nspans ? n->spans : &same,
	                        n->nspans ? n->nspans : 1,
	                        NULL};
	char *text = NULL;

	if (gv_redline_write_line(&text, &line,
	                          md ? GV_REDLINE_MD : GV_REDLINE_PLAIN) == 0)
		fputs(text, stdout);
	free(text);
}

static void
print_notes(const struct gv_review_list *l, int md)
{
	size_t i;

	if (md)
		printf("Review notes on %s (version %d)\n\n", l->ballot,
		       l->version);
	for (i = 0; i < l->n; i++) {
		const struct gv_review_note *n = &l->v[i];

		if (!n->now) {
			cli_printf("%s%s line %d (version %d): orphaned, the "
			           "line is gone\n",
			           md ? "- " : "", n->path, n->line,
			           n->version);
		} else {
			cli_printf("%s%s:%d%s%s%s\n", md ? "**" : "", n->path,
			           n->now, n->section ? ", " : "",
			           n->section ? n->section : "",
			           md ? "**" : "");
			fputs(md ? "> " : "  > ", stdout);
			print_line(n, md);
			putchar('\n');
		}
		if (md)
			putchar('\n');
		if (strchr(n->body, '\n')) {
			/* Several lines: each kept, the author after. */
			cli_print_block(n->body, md ? "" : "  ");
			if (n->author)
				cli_printf("%s(%s)\n", md ? "" : "  ",
				           n->author);
		} else if (n->author) {
			cli_printf("%s%s (%s)\n", md ? "" : "  ", n->body,
			           n->author);
		} else {
			cli_printf("%s%s\n", md ? "" : "  ", n->body);
		}
		putchar('\n');
	}
}

static int
review_list(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_review_list *l = NULL;
	const char *format_opt = NULL;
	enum cli_format format;
	char *pos[1], *json;
	int npos, rc, error;
	const struct cli_opt opts[] = {
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_format_doc(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_review_list(&l, c->db, pos[0]) < 0)
		return cli_fail();
	if (format == CLI_JSON) {
		error = gv_view_review_json(&json, l);
		rc = cli_print_json(error, json);
	} else {
		print_notes(l, format == CLI_MD);
	}
	gv_review_list_free(l);
	return rc;
}

static const struct cli_cmd review_subs[] = {
        {"add", review_add,
         "gavel review add NUMBER --path FILE --line N TEXT [--author NAME] "
         "[--private]",
         "a note on a line of the ballot's redline (its head; --private: "
         "never leaves this copy)",
         NULL},
        {"list", review_list,
         "gavel review list NUMBER [--format "
         "text|md|json]",
         "the notes, found again in the latest version", NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

const struct cli_cmd cmd_review = {
        "review",
        cli_dispatch,
        "gavel review add|list ...",
        "offline review notes on a ballot's redline",
        review_subs,
};
