/* SPDX-License-Identifier: MIT */
/*
 * This file runs the README as a new user would: every command of its
 * ```sh blocks, in order, in one shell on a scratch home, with `gavel` on
 * the PATH. Each must succeed, except a line whose comment says it is
 * "refused", which must fail. So the README can never drift from what
 * gavel does. Blocks that show a syntax rather than a command use another
 * fence (```text). The one network command, the clone of cabforum/smime,
 * is pointed through git's insteadOf at the bundle in ../shared/data, or
 * at a stand-in repository built here; `make install PREFIX=~/.local`
 * installs the build under test into the scratch home.
 */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "install_fixture.h"

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

/* Runs the README's commands in a scratch home, with `git clone` of
 * cabforum/smime reading source instead (a bundle or a repository). */
static void
run_tour(const char *source)
{
	const char *bin = getenv("GAVEL_BIN");
	char cmd[16384], src[PATH_MAX], *why, *tail;
	FILE *f;
	int n;

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
	         source);
	T_ASSERT(t_write_file("gitconfig", cmd));
	f = fopen(t_path("tour.sh"), "w");
	T_ASSERT(f);
	/* The README's make commands (make install) run in the source
	 * folder, on the build under test, as make check passes it on. */
	T_ASSERT(realpath(".", src));
	fprintf(f,
	        "set -o pipefail\n"
	        "make() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "
	        "'%s' BUILD='%s' BIN='%s' \"$@\"; }\n"
	        "cd \"$HOME\"\n",
	        src, t_build_dir(), bin);
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

static void
tour(void)
{
	const char *bundle = t_testdata_file("cabforum-smime.bundle");

	if (bundle)
		run_tour(bundle);
}

/*
 * A stand-in for cabforum/smime, in the shape the tour reads: SBR.md of
 * 2,400 lines, with 3.2.2 and line 2252 changed by ballots tagged
 * Ballot_SMC09 to Ballot_SMC012 on main. So the tour runs whole on a
 * clone without ../shared; the bundle stays the wider net.
 */
static const char stand_in[] =
        "set -e\n"
        "git init -q -b main \"$1\"\n"
        "cd \"$1\"\n"
        "gen() {\n"
        "  awk -v v=\"$1\" -v who=\"$2\" -v euid=\"$3\" 'BEGIN {\n"
        "    print \"---\"; print \"title: S/MIME Requirements (stand-in)\"\n"
        "    print \"subtitle: Version \" v; print \"---\"; print \"\"\n"
        "    print \"# 3. Identification\"; print \"\"\n"
        "    print \"## 3.2.2 Validation of organization identity\"\n"
        "    print \"\"\n"
        "    print \"The CA SHALL verify the \" who \" of the applicant.\"\n"
        "    print \"\"; print \"## 7.1.4.2.2 Subject attributes\"\n"
        "    for (i = 13; i <= 2400; i++)\n"
        "      if (i == 2252) print \"An identifier: LEI\" euid \".\"\n"
        "      else if (i % 2) print \"\"\n"
        "      else print \"Paragraph \" i \" of the stand-in text.\"\n"
        "  }' > SBR.md\n"
        "  git add SBR.md\n"
        "  git -c user.name=Fixture -c user.email=fx@gavel.invalid "
        "commit -q -m \"$4\"\n"
        "  git tag \"$4\"\n"
        "}\n"
        "gen 1.0.8 identity '' Ballot_SMC09\n"
        "gen 1.0.9 identity ' or VAT' Ballot_SMC010\n"
        "gen 1.0.10 identity ' or EUID' Ballot_SMC011\n"
        "gen 1.0.11 'identity and address' ' or EUID' Ballot_SMC012\n";

static void
tour_on_a_stand_in(void)
{
	char cmd[8192];

	T_ASSERT(t_write_file("stand-in.sh", stand_in));
	snprintf(cmd, sizeof(cmd),
	         "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null sh '%s' "
	         "'%s' >/dev/null 2>&1",
	         t_path("stand-in.sh"), t_path("smime-stand-in"));
	T_EQ_INT(system(cmd), 0);
	run_tour(t_path("smime-stand-in"));
}

const struct t_case readme_tests[] = {
        {"tour", tour},
        {"tour_on_a_stand_in", tour_on_a_stand_in},
        {NULL, NULL},
};
