/* SPDX-License-Identifier: MIT */
/*
 * This file tests what every command shares (issue 20, item 3): the
 * version three ways, a --help that lists every word gavel takes as a
 * command (read from the sources, so a new command cannot be left off),
 * and creating commands that print what names what they made.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static void
version_three_ways(void)
{
	static const char *const ways[] = {"--version", "version", "-V"};
	struct t_run *r;
	char *first = NULL;
	size_t i;

	for (i = 0; i < sizeof(ways) / sizeof(ways[0]); i++) {
		r = t_gavel(NULL, ways[i], NULL);
		T_EQ_INT(r->status, 0);
		T_EQ_STR(r->err, "");
		T_ASSERT(!strncmp(r->out, "gavel ", 6));
		T_ASSERT(strchr(r->out, '\n') == r->out + strlen(r->out) - 1);
		if (!first)
			first = r->out;
		T_EQ_STR(r->out, first);
	}
}

/* Whether --help's list has a line for command name. */
static int
listed(const char *help, const char *name)
{
	char line[80];

	snprintf(line, sizeof(line), "\n  %s ", name);
	return strstr(help, line) != NULL;
}

/*
 * Every command name in the sources: the first string of each
 * `const struct cli_cmd cmd_X = {` in cli/, and each word main.c compares
 * argv[i] with (the commands it runs itself). Fails the test for each
 * one --help does not list; *n is how many there are.
 */
static void
command_names(int *n, const char *help)
{
	DIR *d = opendir("cli");
	struct dirent *e;
	char path[512], *text, *p, *q, name[64];

	*n = 0;
	T_ASSERT(d);
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (len < 3 || strcmp(e->d_name + len - 2, ".c"))
			continue;
		snprintf(path, sizeof(path), "cli/%s", e->d_name);
		T_ASSERT((text = t_read_file(path, NULL)));
		for (p = text; (p = strstr(p, "const struct cli_cmd cmd_"));) {
			if (!(p = strchr(p, '"')) || !(q = strchr(p + 1, '"')))
				break;
			snprintf(name, sizeof(name), "%.*s", (int)(q - p - 1),
			         p + 1);
			if (!listed(help, name))
				t_fail(__FILE__, __LINE__,
				       "%s: command %s is not in --help", path,
				       name);
			(*n)++;
			p = q;
		}
		for (p = text; (p = strstr(p, "strcmp(argv[i], \""));) {
			p += strlen("strcmp(argv[i], \"");
			q = strchr(p, '"');
			snprintf(name, sizeof(name), "%.*s", (int)(q - p), p);
			if (!listed(help, name))
				t_fail(__FILE__, __LINE__,
				       "%s: command %s is not in --help", path,
				       name);
			(*n)++;
		}
	}
	closedir(d);
}

static void
help_lists_every_command(void)
{
	struct t_run *r = t_gavel(NULL, "--help", NULL);
	char *help;
	int n;

	T_EQ_INT(r->status, 0);
	help = r->out;
	T_ASSERT(listed(help, "tui"));
	T_ASSERT(listed(help, "version"));
	T_ASSERT(listed(help, "ballot"));
	/* 21 groups and the three main.c runs itself, at least. */
	command_names(&n, help);
	T_ASSERT(n >= 24);
	/* `help` prints the same list. */
	r = t_gavel(NULL, "help", NULL);
	T_EQ_STR(r->out, help);
	r = t_gavel(NULL, "-h", NULL);
	T_EQ_STR(r->out, help);
}

/* Each command main.c runs itself answers --help too, as the groups do,
 * instead of running (the screen on no terminal would never return). */
static void
builtins_answer_help(void)
{
	static const char *const names[] = {"tui", "version", "help"};
	char cmd[4200], want[64], *out;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(cmd, sizeof(cmd),
		         "timeout 10 '%s' %s --help </dev/null 2>&1",
		         getenv("GAVEL_BIN"), names[i]);
		T_ASSERT((out = t_shell_output(cmd)));
		snprintf(want, sizeof(want), "usage: gavel %s", names[i]);
		T_ASSERT(!strncmp(out, want, strlen(want)));
	}
}

/* A demo database at the demo's own clock; 1 on success. */
static int
demo(const char *const *env)
{
	return t_gavel(env, "init", "--demo", NULL)->status == 0;
}

static void
review_add_prints_the_note_id(void)
{
	const char *const *env = t_env("2024-12-18 17:00", "member");
	struct t_run *r;

	T_ASSERT(demo(env));
	r = t_gavel(env, "review", "add", "SMC010", "--path", "guideline.md",
	            "--line", "3", "Is the first line right?", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "1\n");
	r = t_gavel(env, "review", "add", "SMC010", "--path", "guideline.md",
	            "--line", "5", "And this one?", "--private", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "2\n");
	/* The id is the one the list gives. */
	r = t_gavel(env, "review", "list", "SMC010", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"id\": 2,\n      \"version\": 1,\n      \"path\": "
	                   "\"guideline.md\",\n      \"line\": 5");
	/* Refused: nothing printed on stdout. */
	r = t_gavel(env, "review", "add", "SMC010", "--path", "guideline.md",
	            "--line", "9999", "Too far", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->out, "");
}

static void
ballot_version_prints_its_number(void)
{
	const char *const *env = t_env("2025-01-20 08:00", "chair");
	struct t_run *r;

	T_ASSERT(demo(env));
	r = t_gavel(env, "ballot", "new", "SMCWG", "--title", "EUID", "--kind",
	            "fmg", "--proposer", "DigiCert", NULL);
	T_EQ_STR(r->out, "SMC011\n");
	r = t_gavel(env, "ballot", "version", "SMC011", "--url",
	            "https://github.com/cabforum/smime/pull/281", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "1\n");
	r = t_gavel(env, "ballot", "version", "SMC011", "--url",
	            "https://github.com/cabforum/smime/pull/282", NULL);
	T_EQ_STR(r->out, "2\n");
	/* The same text again is refused, and prints nothing. */
	r = t_gavel(env, "ballot", "version", "SMC011", "--url",
	            "https://github.com/cabforum/smime/pull/282", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->out, "");
	r = t_gavel(env, "ballot", "version", "SMC011", "--url",
	            "https://github.com/cabforum/smime/pull/282", "--force",
	            NULL);
	T_EQ_STR(r->out, "3\n");
}

static void
remote_add_prints_its_name(void)
{
	const char *const *env = t_env(NULL, "chair");
	struct t_run *r;

	T_EQ_INT(t_gavel(env, "init", NULL)->status, 0);
	r = t_gavel(env, "remote", "add", "origin", t_path("group.git"), NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "origin\n");
}

const struct t_case commands_tests[] = {
        {"version_three_ways", version_three_ways},
        {"help_lists_every_command", help_lists_every_command},
        {"builtins_answer_help", builtins_answer_help},
        {"review_add_prints_the_note_id", review_add_prints_the_note_id},
        {"ballot_version_prints_its_number", ballot_version_prints_its_number},
        {"remote_add_prints_its_name", remote_add_prints_its_name},
        {NULL, NULL},
};
