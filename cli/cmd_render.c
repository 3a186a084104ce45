/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel render` (a template filled with data, written
 * byte for byte) and `gavel templates list|show` (the search path, to start
 * one's own templates from the defaults).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gavel/gavel.h"

static int
render_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_render_spec spec = {0};
	const char *format = NULL, *meeting = NULL;
	char *pos[1];
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"data", &spec.data_path, NULL},
	        {"body", &spec.body, NULL},
	        {"meeting", &meeting, NULL},
	        {"partials", &spec.partials_dir, NULL},
	        {"templates", &spec.templates_dir, NULL},
	        {"format", &format, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_render_format(&spec.format, cmd, format)) != CLI_OK)
		return rc;
	spec.template = pos[0];
	if (meeting &&
	    (rc = cli_id(&spec.meeting, cmd, "meeting", meeting)) != CLI_OK)
		return rc;
	/* Only the store's data needs the database. */
	return cli_render(c, &spec, spec.body || meeting);
}

const struct cli_cmd cmd_render = {
        "render",
        render_run,
        "gavel render TEMPLATE [--data FILE.json] [--body CODE] "
        "[--partials DIR] [--templates DIR] [--format md|html|text]",
        "fill a template (a name or a file) with data",
        NULL,
};

/* The search path of --templates and --body, for both subcommands. */
static struct gv_templates *
templates_path(struct cli *c, const char *dir, const char *code, int *rc)
{
	struct gv_body body = {0};
	struct gv_templates *path;
	const char *dirs[2] = {dir, NULL};

	*rc = CLI_OK;
	if (code) {
		if ((*rc = cli_open(c, 0)) != CLI_OK)
			return NULL;
		if (gv_body_get(&body, c->db, code) < 0) {
			*rc = cli_fail();
			return NULL;
		}
		dirs[1] = body.templates;
	}
	path = gv_templates_new(dirs, 2);
	gv_body_dispose(&body);
	return path;
}

static int
templates_list(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	static const char *const heads[] = {"TEMPLATE", "FROM"};
	const char *dir = NULL, *code = NULL, *format_opt = NULL;
	struct gv_template_list *list = NULL;
	struct gv_templates *path;
	enum cli_format format;
	struct table *t;
	char *pos[1];
	size_t i;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"templates", &dir, NULL},
	        {"body", &code, NULL},
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    !(path = templates_path(c, dir, code, &rc)))
		return rc;
	gv_templates_list(&list, path);
	gv_templates_free(path);
	if (format == CLI_JSON) {
		char *json = NULL;
		int error = gv_view_templates_json(&json, list);

		rc = cli_print_json(error, json);
	} else {
		t = table_new(2, heads);
		for (i = 0; i < list->n; i++) {
			const char *row[2] = {list->v[i].name,
			                      list->v[i].origin};

			table_add(t, row);
		}
		table_print(t, stdout);
		table_free(t);
	}
	gv_template_list_free(list);
	return rc;
}

static int
templates_show(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *dir = NULL, *code = NULL;
	struct gv_templates *path;
	char *pos[1], *text = NULL;
	int npos, rc, error;
	const struct cli_opt opts[] = {
	        {"templates", &dir, NULL},
	        {"body", &code, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    !(path = templates_path(c, dir, code, &rc)))
		return rc;
	error = gv_templates_read(&text, NULL, path, pos[0]);
	gv_templates_free(path);
	if (error < 0)
		return cli_fail();
	fputs(text, stdout);
	free(text);
	return CLI_OK;
}

static const struct cli_cmd templates_subs[] = {
        {"list", templates_list,
         "gavel templates list [--templates DIR] [--body CODE] "
         "[--format text|json]",
         "the templates on the search path, and where each comes from", NULL},
        {"show", templates_show,
         "gavel templates show TEMPLATE [--templates DIR] [--body CODE]",
         "print a template, to start your own from it", NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

const struct cli_cmd cmd_templates = {
        "templates",
        cli_dispatch,
        "gavel templates list|show ...",
        "the template search path: --templates DIR, the body's folder, "
        "the installed defaults, the built-in copies",
        templates_subs,
};
