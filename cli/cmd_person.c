/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel person add|set|list|show`: people, the
 * organisations they were with over time, and the bodies they are voting
 * representatives in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
person_set(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *email = NULL, *rep = NULL, *no_rep = NULL,
	           *since_opt = NULL;
	int64_t since;
	int npos, rc;
	char *pos[1];
	const struct cli_opt opts[] = {
	        {"email", &email, NULL},   {"rep", &rep, NULL},
	        {"no-rep", &no_rep, NULL}, {"since", &since_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0)
		return rc;
	/* One change, one transaction: nothing half-done. */
	if (!!email + !!rep + !!no_rep != 1)
		return cli_usage_error(cmd, "give one change: --email ADDRESS "
		                            "(\"\" clears it), --rep CODE or "
		                            "--no-rep CODE");
	if (since_opt && email)
		return cli_usage_error(cmd, "--since goes with --rep or "
		                            "--no-rep");
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (email)
		return gv_person_set_email(c->db, pos[0], email) < 0
		               ? cli_fail()
		               : CLI_OK;
	if ((rc = cli_time(&since, since_opt, gv_db_now(c->db))) != CLI_OK)
		return rc;
	return gv_person_set_rep(c->db, pos[0], rep ? rep : no_rep, rep != NULL,
	                         since) < 0
	               ? cli_fail()
	               : CLI_OK;
}

/* Gives a person more addresses: a representative's votes come from any
 * of them. */
static int
person_email(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *org = NULL;
	char *pos[9];
	int npos, rc, i;
	const struct cli_opt opts[] = {
	        {"org", &org, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 2, 9)) >= 0 ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	for (i = 1; i < npos; i++)
		if (gv_person_email_add(c->db, pos[0], org, pos[i]) < 0)
			return cli_fail();
	return CLI_OK;
}

/* The organisations before the current one, latest first: "Entrust,
 * Symantec". Caller frees. */
static char *
earlier_orgs(const struct gv_person *p)
{
	size_t i, len = 1, at = 0, n;
	char *out;

	for (i = 0; i + 1 < p->nhistory; i++)
		len += strlen(p->history[i].org) + 2;
	if (!(out = calloc(1, len)))
		abort();
	for (i = p->nhistory > 0 ? p->nhistory - 1 : 0; i-- > 0;) {
		n = strlen(p->history[i].org);
		if (at) {
			memcpy(out + at, ", ", 2);
			at += 2;
		}
		memcpy(out + at, p->history[i].org, n);
		at += n;
	}
	out[at] = '\0';
	return out;
}

static int
person_list(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	static const char *const heads[] = {"NAME", "ORGANISATION", "EARLIER",
	                                    "EMAIL", "REPRESENTS"};
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
	t = table_new(5, heads);
	for (i = 0; i < list->n; i++) {
		const struct gv_person *p = &list->v[i];
		char *earlier = earlier_orgs(p);
		const char *row[5] = {p->name, p->org,
		                      *earlier ? earlier : NULL, p->emails,
		                      p->reps};

		table_add(t, row);
		free(earlier);
	}
	table_print(t, stdout);
	table_free(t);
	gv_person_list_free(list);
	return CLI_OK;
}

/* One affiliation: "Sectigo, from 2024-03-06" (to ..., or earlier). */
static void
show_affiliation(const char *label, const struct gv_affiliation *a)
{
	char since[GV_TIME_BUFSZ], until[GV_TIME_BUFSZ];

	gv_time_format(since, a->since, GV_TIME_DATE);
	cli_printf("  %-13s %s, from %s%s", label, a->org, since,
	           a->from_start ? " or earlier" : "");
	if (a->until >= 0)
		cli_printf(" to %s",
		           gv_time_format(until, a->until, GV_TIME_DATE));
	putchar('\n');
}

static void
show_person(const struct gv_person *p)
{
	char last[GV_TIME_BUFSZ];
	size_t i;

	cli_printf("%s\n", p->name);
	if (!p->nhistory)
		printf("  organisation: -\n");
	for (i = p->nhistory; i-- > 0;)
		show_affiliation(i + 1 == p->nhistory ? "organisation:"
		                                      : "earlier:",
		                 &p->history[i]);
	cli_printf("  email:        ");
	/* "a@x,b@y" as "a@x, b@y": an address holds no comma. */
	for (const char *e = p->emails ? p->emails : "-"; *e;) {
		size_t n = strcspn(e, ",");

		cli_printf("%.*s%s", (int)n, e, e[n] ? ", " : "");
		e += n + (e[n] != '\0');
	}
	putchar('\n');
	cli_printf("  represents:   %s\n", p->reps ? p->reps : "-");
	if (p->meetings)
		printf("  meetings:     %d attended, the last on %s\n",
		       p->meetings,
		       gv_time_format(last, p->last_meeting, GV_TIME_DATE));
	else
		printf("  meetings:     none attended\n");
}

static int
person_show(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_person_filter filter = {0};
	struct gv_person_list *list = NULL;
	const char *format_opt = NULL;
	enum cli_format format;
	int npos, rc;
	char *pos[1];
	const struct cli_opt opts[] = {
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	filter.name = pos[0];
	if (gv_person_list(&list, c->db, &filter) < 0)
		return cli_fail();
	if (!list->n) {
		cli_eprintf("gavel: no person \"%s\": see 'gavel person "
		            "list'\n",
		            pos[0]);
		gv_person_list_free(list);
		return CLI_FAILED;
	}
	if (format == CLI_JSON) {
		char *json = NULL;
		int error = gv_view_people_json(&json, list);

		rc = cli_print_json(error, json);
		gv_person_list_free(list);
		return rc;
	}
	/* Namesakes are different people: each is shown. */
	for (size_t i = 0; i < list->n; i++) {
		if (i)
			putchar('\n');
		show_person(&list->v[i]);
	}
	gv_person_list_free(list);
	return CLI_OK;
}

static const struct cli_cmd person_subs[] = {
        {"add", person_add,
         "gavel person add NAME [--org ORG] [--email E] [--rep CODE]",
         "add a person (--rep: a voting representative in that body)", NULL},
        {"set", person_set,
         "gavel person set PERSON --email ADDRESS | --rep CODE | --no-rep "
         "CODE [--since TIME]",
         "change a person's e-mail address (\"\" clears it), or make them "
         "a voting representative of their organisation in a body or end "
         "that (PERSON may be \"Name (Organisation)\")",
         NULL},
        {"email", person_email,
         "gavel person email PERSON ADDRESS... [--org ORG]",
         "more addresses of a person (votes from the list are matched by "
         "any; --org: which of two namesakes)",
         NULL},
        {"list", person_list,
         "gavel person list [--org ORG] [--body CODE] [--reps] "
         "[--format text|json]",
         "list people (EARLIER: the organisations they were with before)",
         NULL},
        {"show", person_show, "gavel person show PERSON [--format text|json]",
         "one person: organisations over time, meetings attended", NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

const struct cli_cmd cmd_person = {
        "person",
        cli_dispatch,
        "gavel person add|set|email|list|show ...",
        "people and the bodies they represent their organisation in",
        person_subs,
};
