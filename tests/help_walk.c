/* SPDX-License-Identifier: MIT */
/*
 * This file implements the walk over the commands the gavel binary lists
 * in its --help (help_walk.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "help_walk.h"

/* What `gavel WORDS --help` prints. A timeout, since a command that took
 * --help for something else (a screen on no terminal) must not hang the
 * suite. */
static char *
help_of(const char *words)
{
	const char *bin = getenv("GAVEL_BIN");
	char cmd[1024];

	snprintf(cmd, sizeof(cmd), "timeout 20 '%s' %s --help </dev/null 2>&1",
	         bin ? bin : "./gavel", words);
	return t_shell_output(cmd);
}

/* The next line of *text into line (without its '\n'); 0 at the end. */
static int
next_line(char *line, size_t n, const char **text)
{
	size_t len = strcspn(*text, "\n");

	if (!**text)
		return 0;
	snprintf(line, n, "%.*s", (int)len, *text);
	*text += len + ((*text)[len] == '\n');
	return 1;
}

static int
walk(const char *words, void (*fn)(const char *, const char *, void *),
     void *arg)
{
	char *help = help_of(words), line[4096], prefix[512], sub[512];
	char seen[4096] = " ";
	const char *p = help;
	size_t plen;
	int n = 1, subs = 0;

	snprintf(prefix, sizeof(prefix), "  gavel %s ", words);
	plen = strlen(prefix);
	while (p && next_line(line, sizeof(line), &p)) {
		size_t len;
		char key[520];

		if (strncmp(line, prefix, plen) != 0 ||
		    !(len = strcspn(line + plen, " ")))
			continue;
		/* seen is " add set list ": each subcommand once */
		snprintf(key, sizeof(key), " %.*s ", (int)len, line + plen);
		if (strstr(seen, key))
			continue;
		strncat(seen, key + 1, sizeof(seen) - strlen(seen) - 1);
		if (!subs++)
			fn(words, NULL, arg);
		snprintf(sub, sizeof(sub), "%s %.*s", words, (int)len,
		         line + plen);
		n += walk(sub, fn, arg);
	}
	if (!subs)
		fn(words,
		   help && !strncmp(help, "usage: ", 7)
		           ? t_keep(strndup(help + 7, strcspn(help + 7, "\n")))
		           : NULL,
		   arg);
	return n;
}

int
t_help_walk(void (*fn)(const char *words, const char *usage, void *arg),
            void *arg)
{
	const char *bin = getenv("GAVEL_BIN");
	char cmd[1024], line[4096], name[128], *help;
	const char *p;
	int n = 0, listing = 0;

	snprintf(cmd, sizeof(cmd), "'%s' --help", bin ? bin : "./gavel");
	p = help = t_shell_output(cmd);
	while (p && next_line(line, sizeof(line), &p)) {
		if (!strcmp(line, "Commands:")) {
			listing = 1;
		} else if (listing && !line[0]) {
			break;
		} else if (listing && sscanf(line, "  %127[a-z-]", name) == 1) {
			n += walk(name, fn, arg);
		}
	}
	if (!n)
		t_fail(__FILE__, __LINE__, "`gavel --help` lists no command");
	return n ? n : -1;
}
