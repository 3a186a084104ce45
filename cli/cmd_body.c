/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel body add|set|show|list`: the Forum and its
 * working groups, with their cadence of calls and their holidays.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "gavel/gavel.h"

static int
body_add(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_body_spec spec = {0};
	const char *width = NULL;
	int npos, rc;
	char *pos[1], *end;
	const struct cli_opt opts[] = {
	        {"name", &spec.name, NULL}, {"prefix", &spec.prefix, NULL},
	        {"tz", &spec.tz, NULL},     {"list", &spec.list_addr, NULL},
	        {"id-width", &width, NULL}, {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0)
		return rc;
	if (!spec.name)
		return cli_usage_error(cmd, "--name is required");
	if (width) {
		spec.id_width = (int)strtol(width, &end, 10);
		if (*end || end == width)
			return cli_usage_error(cmd,
			                       "--id-width takes a number");
	}
	spec.code = pos[0];
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_body_add(NULL, c->db, &spec) < 0)
		return cli_fail();
	printf("%s\n", spec.code);
	return CLI_OK;
}

static int
body_set(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_body_change change = {0};
	const char *signers = NULL;
	char *pos[1], *text = NULL;
	int npos, rc, require = 0, no_require = 0;
	const struct cli_opt opts[] = {
	        {"name", &change.name, NULL},
	        {"tz", &change.tz, NULL},
	        {"list", &change.list_addr, NULL},
	        {"templates", &change.templates, NULL},
	        {"cadence", &change.cadence, NULL},
	        {"require-signed", NULL, &require},
	        {"no-require-signed", NULL, &no_require},
	        {"allowed-signers", &signers, NULL},
	        {"quorum-rule", &change.quorum_rule, NULL},
	        {"consumer-rule", &change.consumer_rule, NULL},
	        {"vote-end", &change.vote_end, NULL},
	        {"quorum-at", &change.quorum_at, NULL},
	        {"min-meetings", &change.min_meetings, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0)
		return rc;
	if (require && no_require)
		return cli_usage_error(cmd, "--require-signed and "
		                            "--no-require-signed contradict");
	change.require_signed = require ? 1 : no_require ? -1 : 0;
	if (signers &&
	    !(change.allowed_signers = text = cli_read_text(signers)))
		return CLI_FAILED;
	if ((rc = cli_open(c, 0)) == CLI_OK &&
	    gv_body_set(c->db, pos[0], &change) < 0)
		rc = cli_fail();
	free(text);
	return rc;
}

/* `gavel body role CODE PERSON ROLE`. */
static int
body_role(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *at_opt = NULL;
	int64_t at = -1;
	char *pos[3];
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"at", &at_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 3, 3)) >= 0 ||
	    (rc = cli_open(c, 0)) != CLI_OK ||
	    (at_opt && (rc = cli_time(&at, at_opt, -1)) != CLI_OK))
		return rc;
	if (gv_body_role(c->db, pos[0], pos[1], pos[2], at) < 0)
		return cli_fail();
	return CLI_OK;
}

/* `gavel body roles CODE`: who holds which role. */
static int
body_roles(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	static const char *const heads[] = {"PERSON", "ROLE", "SINCE"};
	struct gv_role *roles = NULL;
	struct table *t;
	char *pos[1], since[GV_TIME_BUFSZ];
	size_t n = 0, i;
	int npos, rc;
	const struct cli_opt opts[] = {{NULL, NULL, NULL}};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_body_roles(&roles, &n, c->db, pos[0]) < 0)
		return cli_fail();
	if (!n)
		cli_printf("%s has no roles: anyone may record anything in "
		           "it (give one with 'gavel body role')\n",
		           pos[0]);
	t = table_new(3, heads);
	for (i = 0; i < n; i++) {
		const char *row[3] = {roles[i].person, roles[i].role, since};

		gv_time_format(since, roles[i].since, GV_TIME_HUMAN);
		table_add(t, row);
	}
	if (n)
		table_print(t, stdout);
	table_free(t);
	gv_roles_free(roles, n);
	return CLI_OK;
}

/* The cadence as `body set --cadence` takes it, or "none". */
static const char *
body_calls(char *buf, size_t n, const struct gv_body *b)
{
	struct gv_cadence cadence;

	gv_body_cadence(&cadence, b);
	gv_cadence_format(buf, n, &cadence);
	return buf;
}

/* The body of `code` in *list (read here for its member counts), or NULL
 * after printing the error. */
static const struct gv_body *
body_find(struct gv_body_list **list, struct gv_db *db, const char *code)
{
	const struct gv_body *found = NULL;
	struct gv_body one;
	size_t i;

	if (gv_body_get(&one, db, code) < 0) {
		cli_fail();
		return NULL;
	}
	if (gv_body_list(list, db) == 0)
		for (i = 0; i < (*list)->n; i++)
			if ((*list)->v[i].id == one.id)
				found = &(*list)->v[i];
	gv_body_dispose(&one);
	if (!found)
		cli_fail();
	return found;
}

static void
body_print(const struct gv_body *b, size_t holidays)
{
	char calls[128];

	cli_printf("%s: %s\n", b->code, b->name);
	cli_printf("  ballots: %s, numbers of %d digits\n", b->prefix,
	           b->id_width);
	cli_printf("  zone: %s\n", b->tz);
	cli_printf("  calls: %s\n", body_calls(calls, sizeof(calls), b));
	cli_printf("  list: %s\n", b->list_addr ? b->list_addr : "none");
	if (b->tag)
		cli_printf("  website tag: %s\n", b->tag);
	if (b->templates)
		cli_printf("  templates: %s\n", b->templates);
	cli_printf("  members: %d, %d voting\n", b->members, b->voting_members);
	cli_printf("  rules: quorum %s, consumers %s, vote window %s, "
	           "quorum at %s",
	           b->quorum_rule, b->consumer_rule,
	           b->vote_end_inclusive ? "[start, end]" : "[start, end)",
	           b->quorum_at);
	if (b->min_meetings > 0)
		cli_printf(", no adoption before %d held meetings",
		           b->min_meetings);
	cli_printf("\n");
	cli_printf("  business days: %s, less %zu holiday%s\n",
	           b->business_days, holidays, holidays == 1 ? "" : "s");
}

static int
body_show(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_body_list *list = NULL;
	struct gv_holiday_list *holidays = NULL;
	const struct gv_body *b = NULL;
	const char *format_opt = NULL;
	enum cli_format format;
	int npos, rc;
	char *pos[1], *json = NULL;
	const struct cli_opt opts[] = {
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (!(b = body_find(&list, c->db, pos[0]))) {
		rc = CLI_FAILED;
		goto out;
	}
	if (format == CLI_JSON) {
		int error = gv_view_body_json(&json, b);

		rc = cli_print_json(error, json);
	} else if (gv_holiday_list(&holidays, c->db, b->code) < 0) {
		rc = cli_fail();
	} else {
		body_print(b, holidays->n);
	}
out:
	gv_holiday_list_free(holidays);
	gv_body_list_free(list);
	return rc;
}

static int
body_list(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	static const char *const heads[] = {"CODE",    "NAME",  "PREFIX",
	                                    "ZONE",    "CALLS", "VOTING",
	                                    "MEMBERS", "LIST"};
	struct gv_body_list *list = NULL;
	enum cli_format format;
	const char *format_opt = NULL;
	struct table *t;
	int npos, rc;
	size_t i;
	char *pos[1];
	const struct cli_opt opts[] = {
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_body_list(&list, c->db) < 0)
		return cli_fail();
	if (format == CLI_JSON) {
		char *json = NULL;
		int error = gv_view_bodies_json(&json, list);

		rc = cli_print_json(error, json);
		gv_body_list_free(list);
		return rc;
	}
	t = table_new(8, heads);
	for (i = 0; i < list->n; i++) {
		const struct gv_body *b = &list->v[i];
		char calls[128], voting[16], members[16];
		const char *row[8];

		body_calls(calls, sizeof(calls), b);
		snprintf(voting, sizeof(voting), "%d", b->voting_members);
		snprintf(members, sizeof(members), "%d", b->members);
		row[0] = b->code, row[1] = b->name, row[2] = b->prefix;
		row[3] = b->tz, row[4] = calls, row[5] = voting;
		row[6] = members, row[7] = b->list_addr;
		table_add(t, row);
	}
	table_print(t, stdout);
	table_free(t);
	gv_body_list_free(list);
	return CLI_OK;
}

/* Reads CODE DATE [--name TEXT] of a holiday command (name NULL: no
 * --name) and opens the store. Returns -1 to go on, else the status to
 * exit with. */
static int
holiday_args(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv,
             char **code, int64_t *day, const char **name)
{
	int npos, rc;
	char *pos[2];
	const struct cli_opt opts[] = {
	        {"name", name, NULL},
	        {NULL, NULL, NULL},
	};

	*code = NULL;
	*day = 0;
	if ((rc = cli_parse(cmd, argc, argv, name ? opts : opts + 1, pos, &npos,
	                    2, 2)) >= 0)
		return rc;
	if (gv_date_parse(day, pos[1]) < 0)
		return cli_fail();
	*code = pos[0];
	return cli_open(c, 0) != CLI_OK ? CLI_FAILED : -1;
}

static int
holiday_add(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *name = NULL;
	char *code = NULL, date[GV_TIME_BUFSZ];
	int64_t day = 0;
	int rc, wd;

	if ((rc = holiday_args(c, cmd, argc, argv, &code, &day, &name)) >= 0)
		return rc;
	if (gv_holiday_add(c->db, code, day, name) < 0)
		return cli_fail();
	gv_time_format(date, day * 86400, GV_TIME_DATE);
	wd = gv_weekday(day);
	/* Kept as asked, though it moves no business-day clock. */
	if (wd == 0 || wd == 6)
		fprintf(stderr,
		        "gavel: note: %s is a %s, not a business day "
		        "anyway\n",
		        date, gv_weekday_name(wd));
	printf("%s\n", date);
	return CLI_OK;
}

static int
holiday_remove(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	char *code = NULL;
	int64_t day = 0;
	int rc;

	if ((rc = holiday_args(c, cmd, argc, argv, &code, &day, NULL)) >= 0)
		return rc;
	return gv_holiday_remove(c->db, code, day) < 0 ? cli_fail() : CLI_OK;
}

static int
holiday_list(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	static const char *const heads[] = {"DATE", "DAY", "NAME"};
	struct gv_holiday_list *list = NULL;
	struct gv_body body;
	const char *format_opt = NULL;
	enum cli_format format;
	struct table *t;
	int npos, rc;
	size_t i;
	char *pos[1], *json = NULL, date[GV_TIME_BUFSZ];
	const struct cli_opt opts[] = {
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_body_get(&body, c->db, pos[0]) < 0 ||
	    gv_holiday_list(&list, c->db, body.code) < 0) {
		gv_body_dispose(&body);
		return cli_fail();
	}
	if (format == CLI_JSON) {
		int error = gv_view_holidays_json(&json, body.code, list);

		rc = cli_print_json(error, json);
	} else {
		t = table_new(3, heads);
		for (i = 0; i < list->n; i++) {
			const char *row[3] = {
			        gv_time_format(date, list->v[i].day * 86400,
			                       GV_TIME_DATE),
			        gv_weekday_name(gv_weekday(list->v[i].day)),
			        list->v[i].name};

			table_add(t, row);
		}
		table_print(t, stdout);
		table_free(t);
	}
	gv_holiday_list_free(list);
	gv_body_dispose(&body);
	return rc;
}

static const struct cli_cmd holiday_subs[] = {
        {"add", holiday_add, "gavel body holiday add CODE DATE [--name TEXT]",
         "make DATE (YYYY-MM-DD) a holiday: no business day", NULL},
        {"list", holiday_list,
         "gavel body holiday list CODE [--format text|json]",
         "the body's holidays, oldest first", NULL},
        {"remove", holiday_remove, "gavel body holiday remove CODE DATE",
         "make DATE a business day again", NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

static const struct cli_cmd body_subs[] = {
        {"add", body_add,
         "gavel body add CODE --name NAME [--prefix P] [--tz ZONE] "
         "[--list ADDR] [--id-width N]",
         "add the Forum or a working group", NULL},
        {"set", body_set,
         "gavel body set CODE [--name NAME] [--tz ZONE] [--list ADDR] "
         "[--templates DIR] [--cadence RULE|none] [--require-signed "
         "--allowed-signers FILE] [--no-require-signed] [--quorum-rule "
         "bylaws|average|half-average] [--consumer-rule "
         "majority|half-plus-one] [--vote-end exclusive|inclusive] "
         "[--quorum-at vote-start|vote-end] [--min-meetings N]",
         "change a body's settings (--templates: its own template folder; "
         "--cadence: its calls, \"every 2 weeks on Wednesday at 11:00 "
         "from 2024-12-04\", the time in its zone; --require-signed: sync "
         "accepts only operations signed with a key of FILE, git's "
         "allowed-signers format; --quorum-rule, --consumer-rule, "
         "--vote-end, --quorum-at, --min-meetings: how its tally reads "
         "what the rules leave open, the practice by default)",
         NULL},
        {"role", body_role, "gavel body role CODE PERSON ROLE [--at TIME]",
         "give PERSON a role: chair, vice-chair, secretary, member, or "
         "none to take it away (the chair's act once the body has roles)",
         NULL},
        {"roles", body_roles, "gavel body roles CODE",
         "who holds which role in the body", NULL},
        {"show", body_show, "gavel body show CODE [--format text|json]",
         "a body's settings: zone, calls, rules, holidays", NULL},
        {"list", body_list, "gavel body list [--format text|json]",
         "list the bodies", NULL},
        {"holiday", cli_dispatch, "gavel body holiday add|list|remove ...",
         "days that are not business days for the body's clocks", holiday_subs},
        {NULL, NULL, NULL, NULL, NULL},
};

const struct cli_cmd cmd_body = {
        "body",
        cli_dispatch,
        "gavel body add|set|role|roles|show|list|holiday ...",
        "the Forum and its working groups",
        body_subs,
};
