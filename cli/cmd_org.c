/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel org add|set|list`: organisations and their
 * class and status in each body.
 */
#include <stdio.h>

#include "cli.h"
#include "gavel/gavel.h"

static int
org_add(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *body = NULL, *klass_name = NULL, *since_opt = NULL;
	enum gv_class klass;
	int64_t since;
	int npos, rc;
	char *pos[1];
	const struct cli_opt opts[] = {
	        {"body", &body, NULL},
	        {"class", &klass_name, NULL},
	        {"since", &since_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0)
		return rc;
	if (!body || !klass_name)
		return cli_usage_error(cmd, "--body and --class are required");
	if (gv_class_parse(&klass, klass_name) < 0)
		return cli_fail();
	if ((rc = cli_open(c, 0)) != CLI_OK ||
	    (rc = cli_time(&since, since_opt, gv_db_now(c->db))) != CLI_OK)
		return rc;
	if (gv_org_add(NULL, c->db, pos[0], body, klass, since) < 0)
		return cli_fail();
	printf("%s\n", pos[0]);
	return CLI_OK;
}

static int
org_set(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *body = NULL, *klass_name = NULL, *status_name = NULL,
	           *since_opt = NULL;
	enum gv_class klass;
	enum gv_status status;
	int64_t since;
	int npos, rc;
	char *pos[1];
	const struct cli_opt opts[] = {
	        {"body", &body, NULL},
	        {"class", &klass_name, NULL},
	        {"status", &status_name, NULL},
	        {"since", &since_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0)
		return rc;
	if (!body || (!klass_name && !status_name))
		return cli_usage_error(cmd, "--body and --class or --status "
		                            "are required");
	if ((klass_name && gv_class_parse(&klass, klass_name) < 0) ||
	    (status_name && gv_status_parse(&status, status_name) < 0))
		return cli_fail();
	if ((rc = cli_open(c, 0)) != CLI_OK ||
	    (rc = cli_time(&since, since_opt, -1)) != CLI_OK)
		return rc;
	if (gv_org_set(c->db, pos[0], body, klass_name ? (int)klass : -1,
	               status_name ? (int)status : -1, since) < 0)
		return cli_fail();
	return CLI_OK;
}

static void
org_table(const struct gv_org_list *list)
{
	static const char *const heads[] = {"ORGANISATION", "BODY",   "CLASS",
	                                    "STATUS",       "VOTING", "REPS",
	                                    "PEOPLE"};
	struct table *t = table_new(7, heads);
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct gv_org *o = &list->v[i];
		char reps[16], people[16];
		const char *row[7];

		snprintf(reps, sizeof(reps), "%d", o->reps);
		snprintf(people, sizeof(people), "%d", o->people);
		row[0] = o->name, row[1] = o->body;
		row[2] = gv_class_name(o->klass);
		row[3] = gv_status_name(o->status);
		row[4] = o->body && gv_class_votes(o->klass) &&
		                         o->status == GV_STATUS_ACTIVE
		                 ? "yes"
		                 : "no";
		row[5] = reps, row[6] = people;
		table_add(t, row);
	}
	table_print(t, stdout);
	table_free(t);
}

static int
org_list(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_org_filter filter = {NULL, -1};
	const char *klass_name = NULL, *format_opt = NULL;
	struct gv_org_list *list = NULL;
	enum cli_format format;
	enum gv_class klass;
	int npos, rc;
	char *pos[1];
	const struct cli_opt opts[] = {
	        {"body", &filter.body, NULL},
	        {"class", &klass_name, NULL},
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK)
		return rc;
	if (klass_name) {
		if (gv_class_parse(&klass, klass_name) < 0)
			return cli_fail();
		filter.klass = (int)klass;
	}
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_org_list(&list, c->db, &filter) < 0)
		return cli_fail();
	if (format == CLI_JSON) {
		char *json = NULL;
		int error = gv_view_orgs_json(&json, list);

		rc = cli_print_json(error, json);
	} else {
		org_table(list);
	}
	gv_org_list_free(list);
	return rc;
}

static const struct cli_cmd org_subs[] = {
        {"add", org_add,
         "gavel org add NAME --body CODE --class CLASS [--since TIME]",
         "add an organisation, or its membership of another body", NULL},
        {"set", org_set,
         "gavel org set ORG --body CODE [--class CLASS] [--status STATUS] "
         "[--since TIME]",
         "change its class or status (active, suspended) in a body", NULL},
        {"list", org_list,
         "gavel org list [--body CODE] [--class CLASS] [--format text|json]",
         "list organisations by body and class", NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

const struct cli_cmd cmd_org = {
        "org",
        cli_dispatch,
        "gavel org add|set|list ...",
        "organisations and their class in each body (issuer, consumer, "
        "probationary, associate, interested)",
        org_subs,
};
