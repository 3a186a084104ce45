/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel person add|list`: people and the bodies they
 * are voting representatives in.
 */
#include <stdio.h>

#include "cli.h"
#include "gavel/gavel.h"

static int
person_add(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_person_spec spec = {0};
	int npos, rc;
	char *pos[1];
	const struct cli_opt opts[] = {
	        {"org", &spec.org, NULL},
	        {"email", &spec.email, NULL},
	        {"rep", &spec.rep_body, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0)
		return rc;
	spec.name = pos[0];
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_person_add(NULL, c->db, &spec) < 0)
		return cli_fail();
	printf("%s\n", spec.name);
	return CLI_OK;
}

static int
person_list(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	static const char *const heads[] = {"NAME", "ORGANISATION", "EMAIL",
	                                    "REPRESENTS"};
	struct gv_person_filter filter = {0};
	struct gv_person_list *list = NULL;
	const char *format_opt = NULL;
	enum cli_format format;
	struct table *t;
	int npos, rc;
	size_t i;
	char *pos[1];
	const struct cli_opt opts[] = {
	        {"org", &filter.org, NULL},
	        {"body", &filter.body, NULL},
	        {"reps", NULL, &filter.reps_only},
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_person_list(&list, c->db, &filter) < 0)
		return cli_fail();
	if (format == CLI_JSON) {
		char *json = NULL;
		int error = gv_view_people_json(&json, list);

		rc = cli_print_json(error, json);
		gv_person_list_free(list);
		return rc;
	}
	t = table_new(4, heads);
	for (i = 0; i < list->n; i++) {
		const struct gv_person *p = &list->v[i];
		const char *row[4] = {p->name, p->org, p->email, p->reps};

		table_add(t, row);
	}
	table_print(t, stdout);
	table_free(t);
	gv_person_list_free(list);
	return CLI_OK;
}

static const struct cli_cmd person_subs[] = {
        {"add", person_add,
         "gavel person add NAME [--org ORG] [--email E] [--rep CODE]",
         "add a person (--rep: a voting representative in that body)", NULL},
        {"list", person_list,
         "gavel person list [--org ORG] [--body CODE] [--reps] "
         "[--format text|json]",
         "list people", NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

const struct cli_cmd cmd_person = {
        "person",
        cli_dispatch,
        "gavel person add|list ...",
        "people and the bodies they represent their organisation in",
        person_subs,
};
