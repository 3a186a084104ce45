/* SPDX-License-Identifier: MIT */
/*
 * This file implements gavel's entry point: the global options (--db,
 * --now), where the database lives, and the table of command groups.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "gavel/gavel.h"

static const struct cli_cmd *const groups[] = {
        &cmd_init,      &cmd_body,      &cmd_org,      &cmd_person,
        &cmd_meeting,   &cmd_minutes,   &cmd_agenda,   &cmd_issue,
        &cmd_ballot,    &cmd_deadlines, &cmd_calendar, &cmd_remind,
        &cmd_report,    &cmd_redline,   &cmd_review,   &cmd_render,
        &cmd_templates, &cmd_digest,    &cmd_rebuild,  &cmd_remote,
        &cmd_sync,      &cmd_config,    NULL,
};

/* The options before a command, and the commands run() answers itself;
 * `gavel complete` offers them with the groups, and --help lists them
 * after the groups, so every word gavel takes as a command is listed. */
static const char global_usage[] =
        "gavel [--db FILE] [--now TIME] [--version] [COMMAND ...]";
static const struct cli_cmd builtins[] = {
        {"tui", NULL, "gavel tui [--theme THEME]",
         "open the screen (the curses UI), even in a pipe; gavel with no "
         "command does so on a terminal",
         NULL},
        {"version", NULL, "gavel version",
         "print gavel's version (also --version, -V)", NULL},
        {"help", NULL, "gavel help", "print this list (also --help, -h)", NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

static void
usage(FILE *f)
{
	const struct cli_cmd *const *g, *b;

	fprintf(f,
	        "usage: %s\n\n"
	        "With no command, gavel opens its screen (the curses UI).\n"
	        "Commands:\n",
	        global_usage);
	for (g = groups; *g; g++)
		fprintf(f, "  %-10s %s\n", (*g)->name, (*g)->summary);
	for (b = builtins; b->name; b++)
		fprintf(f, "  %-10s %s\n", b->name, b->summary);
	/* Not offered by completion, which it serves. */
	fprintf(f, "  %-10s %s\n", "complete",
	        "the words that may come next on a command line (for shell "
	        "completion scripts)");
	fprintf(f,
	        "\n'gavel COMMAND --help' tells more. TIME is YYYY-MM-DD "
	        "HH:MM[:SS], UTC unless it\n"
	        "ends in Z or an offset (-05:00). A meeting's TIME (meeting "
	        "add) is its body's\n"
	        "wall clock instead: in New York 11:00 is 16:00 UTC in winter, "
	        "15:00 in summer,\n"
	        "and a time the clocks skip or repeat there is refused with "
	        "the choices. A\n"
	        "body's meetings and deadlines show its local time beside UTC. "
	        "The database is\n"
	        "--db, else $GAVEL_DB, else $XDG_DATA_HOME/gavel/gavel.db.\n");
}

/* Creates every missing folder above path (mkdir -p of its dirname). */
static int
make_parent_dirs(const char *path)
{
	char *dir = strdup(path), *p;

	if (!dir)
		abort();
	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			fprintf(stderr, "gavel: cannot create folder %s: %s\n",
			        dir, strerror(errno));
			free(dir);
			return CLI_FAILED;
		}
		*p = '/';
	}
	free(dir);
	return CLI_OK;
}

/* --db, else $GAVEL_DB, else $XDG_DATA_HOME (or ~/.local/share). */
static int
resolve_db_path(struct cli *c, const char *opt, char **owned)
{
	const char *env = getenv("GAVEL_DB"), *data, *home;

	*owned = NULL;
	if (opt || (env && *env)) {
		c->db_path = opt ? opt : env;
		return CLI_OK;
	}
	data = getenv("XDG_DATA_HOME");
	home = getenv("HOME");
	if (data && *data == '/') {
		*owned = malloc(strlen(data) + 20);
		if (*owned)
			sprintf(*owned, "%s/gavel/gavel.db", data);
	} else if (home && *home) {
		*owned = malloc(strlen(home) + 40);
		if (*owned)
			sprintf(*owned, "%s/.local/share/gavel/gavel.db", home);
	} else {
		fprintf(stderr, "gavel: no database given: use --db FILE or "
		                "set GAVEL_DB\n");
		return CLI_USAGE;
	}
	if (!*owned)
		abort();
	c->db_path = *owned;
	c->db_is_default = 1;
	return CLI_OK;
}

int
cli_open(struct cli *c, unsigned flags)
{
	struct gv_db_options opts = {flags, 0};
	const char *busy = getenv("GAVEL_BUSY_TIMEOUT");
	const char *actor = getenv("GAVEL_USER");

	if (c->db)
		return CLI_OK;
	if (busy)
		opts.busy_timeout_ms = atoi(busy);
	if (c->db_is_default && make_parent_dirs(c->db_path) != CLI_OK)
		return CLI_FAILED;
	if (gv_db_open(&c->db, c->db_path, &opts) < 0)
		return cli_fail();
	if (c->now >= 0)
		gv_db_set_now(c->db, c->now);
	gv_db_set_progress(c->db, cli_progress, NULL);
	/* GAVEL_USER names who acts for this one command; otherwise the
	 * user set with `gavel config user`, or found from git's
	 * user.email, and $USER only when neither names one. */
	if (actor && *actor)
		gv_db_set_actor(c->db, actor);
	actor = getenv("USER");
	gv_db_set_actor_fallback(c->db, actor && *actor ? actor : "unknown");
	return CLI_OK;
}

/* What `gavel` alone shows when it is not on a terminal. */
static int
overview(struct cli *c)
{
	struct gv_body_list *bodies = NULL;
	size_t i;
	int rc;

	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_body_list(&bodies, c->db) < 0)
		return cli_fail();
	printf("gavel %s on %s\n\n", GV_VERSION, c->db_path);
	for (i = 0; i < bodies->n; i++) {
		char *name = gv_text_sanitize(bodies->v[i].name, 0);
		char *code = gv_text_sanitize(bodies->v[i].code, 0);

		printf("%-8s %s: %d voting members, %d members\n", code, name,
		       bodies->v[i].voting_members, bodies->v[i].members);
		free(name);
		free(code);
	}
	gv_body_list_free(bodies);
	printf("\nOn a terminal, 'gavel' opens the screen ('gavel tui' "
	       "anywhere). Try 'gavel deadlines',\n'gavel ballot list', "
	       "'gavel issue list', 'gavel redline --ballot NUMBER' or "
	       "'gavel --help'.\n");
	return CLI_OK;
}

/* `gavel version|help --help`: the builtin's usage and what it does, so
 * that every command listed answers --help, never runs instead (`gavel
 * tui --help` is the screen's own, cli/cmd_tui.c, with its keys). */
static int
builtin_help(int argc, char **argv, int i)
{
	const struct cli_cmd *b;

	if (i + 1 >= argc ||
	    (strcmp(argv[i + 1], "--help") && strcmp(argv[i + 1], "-h")))
		return 0;
	for (b = builtins; b->name; b++)
		if (!strcmp(b->name, argv[i]) && strcmp(b->name, "tui")) {
			printf("usage: %s\n\n%s.\n", b->usage, b->summary);
			return 1;
		}
	return 0;
}

static int
run(struct cli *c, int argc, char **argv)
{
	const struct cli_cmd *const *g;
	const char *db_opt = NULL, *now = getenv("GAVEL_NOW");
	char *owned = NULL;
	int i, rc;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return CLI_OK;
		} else if (!strcmp(a, "--version") || !strcmp(a, "-V")) {
			printf("gavel %s\n", GV_VERSION);
			return CLI_OK;
		} else if (!strncmp(a, "--db=", 5)) {
			db_opt = a + 5;
		} else if (!strncmp(a, "--now=", 6)) {
			now = a + 6;
		} else if ((!strcmp(a, "--db") || !strcmp(a, "--now")) &&
		           i + 1 < argc) {
			*(a[2] == 'd' ? &db_opt : &now) = argv[++i];
		} else {
			fprintf(stderr, "gavel: unknown option '%s'\n", a);
			usage(stderr);
			return CLI_USAGE;
		}
	}
	c->now = -1;
	if (now && *now && gv_time_parse(&c->now, now) < 0)
		return cli_fail();
	if ((rc = resolve_db_path(c, db_opt, &owned)) != CLI_OK)
		return rc;
	if (i < argc && builtin_help(argc, argv, i)) {
		rc = CLI_OK;
		goto out;
	}
	if (i < argc && !strcmp(argv[i], "complete")) {
		rc = cli_complete(c, groups, builtins, global_usage, argc - i,
		                  argv + i);
		goto out;
	}
	/* No command: the screen on a terminal (or a headless test's), the
	 * overview in a pipe or a script. */
	if (i == argc || !strcmp(argv[i], "tui")) {
		if (i < argc || (isatty(0) && isatty(1)) ||
		    getenv("GV_NO_DISPLAY"))
			rc = cli_tui(c, argc - i, argv + i);
		else
			rc = overview(c);
		goto out;
	}
	for (g = groups; *g; g++)
		if (!strcmp((*g)->name, argv[i]))
			break;
	if (*g)
		rc = (*g)->run(c, *g, argc - i, argv + i);
	else if (!strcmp(argv[i], "help"))
		usage(stdout), rc = CLI_OK;
	else if (!strcmp(argv[i], "version"))
		printf("gavel %s\n", GV_VERSION), rc = CLI_OK;
	else {
		fprintf(stderr, "gavel: unknown command '%s'\n", argv[i]);
		usage(stderr);
		rc = CLI_USAGE;
	}
out:
	cli_progress_clear();
	gv_db_free(c->db);
	free(owned);
	return rc;
}

int
main(int argc, char **argv)
{
	struct cli c = {0};
	int rc;

	cli_allocator_setup();
	if (gv_global_init() < 0)
		return cli_fail();
	rc = run(&c, argc, argv);
	gv_global_shutdown();

	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "gavel: cannot write the output: %s\n",
		        strerror(errno));
		return CLI_FAILED;
	}
	return rc;
}
