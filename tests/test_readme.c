/* SPDX-License-Identifier: MIT */
/*
 * This file runs the README as a new user would: every command of its
 * ```sh blocks, in order, in one shell on a scratch home, with `gavel` on
 * the PATH. Each must succeed, except a line whose comment says it is
 * "refused", which must fail. So the README can never drift from what
 * gavel does. Blocks that show a syntax rather than a command use another
 * fence (```text). The one network command, the clone of cabforum/smime,
 * is pointed at the bundle in ../shared/data through git's insteadOf.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

/* A shell word-aware search for a trailing "# comment": its start, or
 * NULL. Quotes and backslashes keep a '#' in a word. */
static const char *
comment_of(const char *line)
{
	char quote = 0;

	for (const char *p = line; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			else if (*p == '\\' && quote == '"' && p[1])
				p++;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '#' && (p == line || p[-1] == ' ')) {
			return p;
		}
	}
	return NULL;
}

/* Appends one command of README.md:line to the script, checked. Its
 * first line's comment says whether it is refused. */
static void
emit(FILE *f, const char *cmd, int line)
{
	size_t first = strcspn(cmd, "\n");
	char head[4096];
	const char *c;
	int refused;

	snprintf(head, sizeof(head), "%.*s", (int)first, cmd);
	c = comment_of(head);
	refused = c && strstr(c, "refused") != NULL;

	fprintf(f, "echo '$ README.md:%d' >> \"$LOG\"\n", line);
	if (refused)
		fprintf(f,
		        "if { %s\n} >> \"$LOG\" 2>&1; then echo 'README.md:%d: "
		        "succeeded, but the README says it is refused' > "
		        "\"$WHY\"; exit 1; fi\n",
		        cmd, line);
	else
		fprintf(f,
		        "{ %s\n} >> \"$LOG\" 2>&1 || { echo \"README.md:%d: "
		        "exit $?\" > \"$WHY\"; exit 1; }\n",
		        cmd, line);
}

/* The word a here-document ends with ("EOF" of <<'EOF'), into word; 0 if
 * the command has none. */
static int
heredoc_end(char *word, size_t n, const char *cmd)
{
	const char *p = strstr(cmd, "<<");
	size_t len;

	if (!p)
		return 0;
	for (p += 2; *p == '-' || *p == '\'' || *p == '"'; p++)
		;
	len = strcspn(p, "'\" \n;|&");
	if (!len || len >= n)
		return 0;
	snprintf(word, n, "%.*s", (int)len, p);
	return 1;
}

/* Writes every command of the README's ```sh blocks to f; returns how
 * many, or -1 when README.md cannot be read. */
static int
script_from_readme(FILE *f)
{
	FILE *in = fopen("README.md", "r");
	char line[4096], cmd[16384], end[64] = "";
	int lineno = 0, start = 0, in_block = 0, n = 0;
	size_t used = 0;

	if (!in)
		return -1;
	while (fgets(line, sizeof(line), in)) {
		size_t len = strcspn(line, "\n");

		line[len] = '\0';
		lineno++;
		if (!in_block) {
			in_block = !strcmp(line, "```sh");
			continue;
		}
		if (!strcmp(line, "```") && !end[0]) {
			in_block = 0;
			continue;
		}
		if (!used) {
			const char *s = line + strspn(line, " ");

			if (!*s || *s == '#')
				continue;
			start = lineno;
		}
		/* A line ending in a backslash continues the command. */
		if (used + len + 2 < sizeof(cmd)) {
			memcpy(cmd + used, line, len);
			used += len;
			cmd[used++] = '\n';
			cmd[used] = '\0';
		}
		if (len && line[len - 1] == '\\')
			continue;
		/* A here-document's lines belong to its command. */
		if (end[0] ? strcmp(line, end) != 0
		           : heredoc_end(end, sizeof(end), cmd))
			continue;
		end[0] = '\0';
		cmd[used - 1] = '\0';
		emit(f, cmd, start);
		used = 0;
		n++;
	}
	fclose(in);
	return n;
}

static void
tour(void)
{
	const char *bundle, *bin = getenv("GAVEL_BIN");
	char cmd[16384], *why, *tail;
	FILE *f;
	int n;

	/* The README clones cabforum/smime: from its bundle. */
	if (!(bundle = t_testdata_file("cabforum-smime.bundle")))
		return;
	T_ASSERT(bin);
	snprintf(cmd, sizeof(cmd),
	         "mkdir -p '%s/home' '%s/bin' && ln -s '%s' '%s/bin/gavel'",
	         t_tmpdir(), t_tmpdir(), bin, t_tmpdir());
	T_ASSERT(system(cmd) == 0);
	/* git reads this instead of the user's ~/.gitconfig. */
	snprintf(cmd, sizeof(cmd),
	         "[user]\n\tname = Tour\n\temail = tour@example.org\n"
	         "[url \"%s\"]\n"
	         "\tinsteadOf = https://github.com/cabforum/smime\n",
	         bundle);
	T_ASSERT(t_write_file("gitconfig", cmd));
	f = fopen(t_path("tour.sh"), "w");
	T_ASSERT(f);
	fprintf(f, "set -o pipefail\ncd \"$HOME\"\n");
	n = script_from_readme(f);
	fclose(f);
	T_ASSERT(n > 20);
	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && env -u GAVEL_DB -u GAVEL_NOW -u XDG_DATA_HOME "
	         "-u GAVEL_USER HOME='%s/home' PATH='%s/bin':\"$PATH\" "
	         "GIT_CONFIG_GLOBAL='%s/gitconfig' GIT_CONFIG_NOSYSTEM=1 "
	         "LOG='%s/tour.log' WHY='%s/why' TERM=dumb bash tour.sh "
	         "</dev/null >/dev/null 2>&1",
	         t_tmpdir(), t_tmpdir(), t_tmpdir(), t_tmpdir(), t_tmpdir(),
	         t_tmpdir());
	if (system(cmd) != 0) {
		why = t_read_file(t_path("why"), NULL);
		snprintf(cmd, sizeof(cmd), "tail -n 15 '%s'",
		         t_path("tour.log"));
		tail = t_shell_output(cmd);
		t_fail(__FILE__, __LINE__, "%s; the tour's log ends:\n%s",
		       why ? why : "the tour did not run", tail ? tail : "");
	}
}

const struct t_case readme_tests[] = {
        {"tour", tour},
        {NULL, NULL},
};
