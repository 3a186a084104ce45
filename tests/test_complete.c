/* SPDX-License-Identifier: MIT */
/*
 * This file tests completion: `gavel complete`, the one source of the
 * shells' completions, on a database of the test's own (commands,
 * options and their values, ballot numbers, body codes, organisation
 * names), every option of every usage line the binary prints, and the
 * bash completion sourced in bash, the zsh and fish ones in their shells
 * where those are installed.
 */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"
#include "help_walk.h"
#include "install_fixture.h"

/* A working group of the test's own, in t_path("g.db"): body TWG, two
 * organisations (one named with spaces), a ballot TWG001, a person, a
 * meeting. 1 on success. */
static int
completion_db(void)
{
	const char *const *env = t_env("2025-01-10 12:00", "test");
	struct t_run *r;

	if (t_gavel(env, "init", NULL)->status ||
	    t_gavel(env, "body", "add", "TWG", "--name", "Test Working Group",
	            "--prefix", "TWG", NULL)
	            ->status ||
	    t_gavel(env, "org", "add", "Acme Trust Services", "--body", "TWG",
	            "--class", "issuer", NULL)
	            ->status ||
	    t_gavel(env, "org", "add", "Zeta", "--body", "TWG", "--class",
	            "consumer", NULL)
	            ->status ||
	    t_gavel(env, "person", "add", "Iñigo Example", "--org",
	            "Acme Trust Services", NULL)
	            ->status ||
	    t_gavel(env, "meeting", "add", "TWG", "2025-01-15 11:00", NULL)
	            ->status)
		return 0;
	r = t_gavel(env, "ballot", "new", "TWG", "--title", "A first ballot",
	            "--kind", "fg", "--proposer", "Zeta", NULL);
	return r->status == 0 && !strcmp(r->out, "TWG001\n");
}

/* What `gavel complete -- WORDS` prints on the test's database. */
#define COMPLETE(...)                                                          \
	t_gavel(t_env("2025-01-10 12:00", "test"), "complete", "--",           \
	        __VA_ARGS__, NULL)

static void
names_come_from_the_database(void)
{
	struct t_run *r;

	T_ASSERT(completion_db());
	r = COMPLETE("ballot", "show", "");
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "words\nTWG001\tdraft: A first ballot\n");
	r = COMPLETE("body", "show", "");
	T_EQ_STR(r->out, "words\nTWG\tTest Working Group\n");
	r = COMPLETE("ballot", "vote", "TWG001", "");
	T_EQ_STR(r->out, "words\nAcme Trust Services\tissuer in TWG\n"
	                 "Zeta\tconsumer in TWG\n");
	/* Then the literal choices of "yes|no|abstain". */
	r = COMPLETE("ballot", "vote", "TWG001", "Zeta", "");
	T_EQ_STR(r->out, "words\nyes\nno\nabstain\n");
	/* Case and accents do not matter, as everywhere names match. */
	r = COMPLETE("ballot", "endorse", "TWG001", "acme t");
	T_EQ_STR(r->out, "words\nAcme Trust Services\tissuer in TWG\n");
	r = COMPLETE("person", "show", "inigo");
	T_EQ_STR(r->out, "words\nIñigo Example\tAcme Trust Services\n");
	r = COMPLETE("meeting", "show", "");
	T_CONTAINS(r->out, "\n1\tTWG 2025-01-15, scheduled\n");
	/* An option's value: --ballot takes ballot numbers, --body codes. */
	r = COMPLETE("meeting", "list", "--ballot", "");
	T_EQ_STR(r->out, "words\nTWG001\tdraft: A first ballot\n");
	r = COMPLETE("org", "list", "--body=");
	T_EQ_STR(r->out, "words\n--body=TWG\tTest Working Group\n");
}

static void
commands_and_options_come_from_the_table(void)
{
	struct t_run *r;

	r = t_gavel(NULL, "complete", "--", "", NULL);
	T_EQ_INT(r->status, 0);
	T_ASSERT(!strncmp(r->out, "words\n", 6));
	T_CONTAINS(r->out, "\nballot\tballots: ");
	T_CONTAINS(r->out, "\ntui\t");
	r = t_gavel(NULL, "complete", "--", "ba", NULL);
	T_EQ_STR(r->out, "words\nballot\tballots: lifecycle, votes, tally, "
	                 "notices\n");
	r = t_gavel(NULL, "complete", "--", "body", "holiday", "", NULL);
	T_CONTAINS(r->out, "\nadd\t");
	T_CONTAINS(r->out, "\nremove\t");
	r = t_gavel(NULL, "complete", "--", "org", "list", "--f", NULL);
	T_EQ_STR(r->out, "words\n--format\ttext|json\n");
	r = t_gavel(NULL, "complete", "--", "org", "list", "--format", "",
	            NULL);
	T_EQ_STR(r->out, "words\ntext\njson\n");
	r = t_gavel(NULL, "complete", "--", "--n", NULL);
	T_EQ_STR(r->out, "words\n--now\tTIME\n");
	/* A file, or a folder: the shell lists them. */
	r = t_gavel(NULL, "complete", "--", "minutes", "import", "", NULL);
	T_EQ_STR(r->out, "files\n");
	r = t_gavel(NULL, "complete", "--", "--db", "", NULL);
	T_EQ_STR(r->out, "files\n");
	r = t_gavel(NULL, "complete", "--", "init", "--demo", "--repo", "",
	            NULL);
	T_EQ_STR(r->out, "dirs\n");
}

/* The database the command line names, never created by completing. */
static void
db_is_the_one_the_line_names(void)
{
	const char *other = t_path("other.db");
	struct stat st;
	struct t_run *r;

	T_ASSERT(completion_db());
	r = t_gavel(NULL, "--db", other, "init", NULL);
	T_EQ_INT(r->status, 0);
	r = COMPLETE("--db", other, "body", "show", "");
	T_EQ_STR(r->out, "words\n");
	r = COMPLETE("--db", t_path("g.db"), "body", "show", "");
	T_EQ_STR(r->out, "words\nTWG\tTest Working Group\n");
	r = COMPLETE("--db", t_path("none.db"), "body", "show", "");
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "words\n");
	T_ASSERT(stat(t_path("none.db"), &st) != 0);
}

struct options_check {
	int commands, missing;
};

/* Every option a usage line names is offered after "-". */
static void
check_options(const char *words, const char *usage, void *arg)
{
	struct options_check *o = arg;
	char cmd[2048], option[128], *out;
	const char *p;

	if (!usage)
		return;
	o->commands++;
	snprintf(cmd, sizeof(cmd), "'%s' complete -- %s -", t_gavel_bin(),
	         words);
	if (!(out = t_shell_output(cmd))) {
		t_fail(__FILE__, __LINE__, "gavel complete -- %s - failed",
		       words);
		o->missing++;
		return;
	}
	for (p = usage; (p = strchr(p, '-')); p++) {
		char tab[140], line[140];

		if (p > usage && !strchr(" [|", p[-1]))
			continue;
		if (sscanf(p, "%127[-a-z]", option) != 1 || !option[1] ||
		    (option[1] == '-' && !option[2]))
			continue;
		p += strlen(option) - 1;
		/* "--body\tCODE", or a flag alone on its line */
		snprintf(tab, sizeof(tab), "\n%s\t", option);
		snprintf(line, sizeof(line), "\n%s\n", option);
		if (!strstr(out, tab) && !strstr(out, line)) {
			t_fail(__FILE__, __LINE__,
			       "'gavel %s -' does not offer %s (%s)", words,
			       option, usage);
			o->missing++;
		}
	}
}

static void
every_usage_option_is_offered(void)
{
	struct options_check o = {0, 0};

	T_ASSERT(t_help_walk(check_options, &o) > 60);
	T_ASSERT(o.commands > 60);
	T_EQ_INT(o.missing, 0);
}

/* The source folder, where completions/ is. */
static const char *
source_dir(void)
{
	static char dir[PATH_MAX];

	return realpath(".", dir) ? dir : ".";
}

/* Runs script in a shell, in the test's folder, with the test database
 * and gavel on PATH; what it printed, or NULL. */
static char *
in_shell(const char *shell, const char *script)
{
	char cmd[12000], rel[4096], dir[PATH_MAX];
	const char *bin = t_gavel_bin(), *slash = strrchr(bin, '/');

	snprintf(rel, sizeof(rel), "%.*s", slash ? (int)(slash - bin) : 1,
	         slash ? bin : ".");
	if (!realpath(rel, dir) || !t_write_file("script", script))
		return NULL;
	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && GAVEL_DB='%s' GAVEL_NOW='2025-01-10 12:00' "
	         "PATH='%s':\"$PATH\" HOME='%s' %s script 2>&1",
	         t_tmpdir(), t_path("g.db"), dir, t_tmpdir(), shell);
	return t_shell_output(cmd);
}

static void
bash_completes_from_the_database(void)
{
	char script[8192], *out;

	T_ASSERT(completion_db());
	snprintf(script, sizeof(script),
	         "source '%s/completions/gavel.bash'\n"
	         "try() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1));\n"
	         "  _gavel; printf '[%%s]' \"${COMPREPLY[@]}\"; echo; }\n"
	         "try gavel ballot show ''\n"
	         "try gavel body show T\n"
	         "try gavel ballot vote TWG001 acme\n"
	         "try gavel org list --format = j\n"
	         "try gavel --db '%s' ballot tally ''\n"
	         "try gavel minutes import script\n"
	         "complete -p gavel\n",
	         source_dir(), t_path("g.db"));
	out = in_shell("bash", script);
	T_EQ_STR(out, "[TWG001]\n"
	              "[TWG]\n"
	              "[Acme Trust Services]\n"
	              "[json]\n"
	              "[TWG001]\n"
	              "[script]\n"
	              "complete -F _gavel gavel\n");
}

static void
zsh_completion(void)
{
	char script[8192], *out;

	if (system("command -v zsh >/dev/null 2>&1") != 0) {
		t_skip("zsh is not installed (make deps installs it)");
		return;
	}
	T_ASSERT(completion_db());
	out = t_shell_output("zsh -n completions/gavel.zsh 2>&1");
	T_EQ_STR(out, "");
	/* Outside a completion widget, with compadd, compset and _files
	 * standing in for zsh's: what _gavel hands them. */
	snprintf(script, sizeof(script),
	         "compadd() { print -r -- \"values: ${(j:|:)values}\"\n"
	         "  print -r -- \"shown: ${(j:|:)shown}\" }\n"
	         "_files() { print -r -- \"_files $*\" }\n"
	         "compset() { return 0 }\n"
	         "try() { words=(\"$@\"); CURRENT=$#; source '%s/"
	         "completions/gavel.zsh'; }\n"
	         "try gavel ballot vote TWG001 ''\n"
	         "try gavel ballot show ''\n"
	         "try gavel org list --format=\n"
	         "try gavel minutes import ''\n",
	         source_dir());
	out = in_shell("zsh -f", script);
	T_EQ_STR(out, "values: Acme Trust Services|Zeta\n"
	              "shown: Acme Trust Services  -- issuer in TWG|Zeta  -- "
	              "consumer in TWG\n"
	              "values: TWG001\n"
	              "shown: TWG001  -- draft: A first ballot\n"
	              "values: text|json\n"
	              "shown: text|json\n"
	              "_files \n");
}

static void
fish_completion(void)
{
	char script[8192], *out;

	if (system("command -v fish >/dev/null 2>&1") != 0) {
		t_skip("fish is not installed (make deps installs it)");
		return;
	}
	T_ASSERT(completion_db());
	out = t_shell_output("fish -n completions/gavel.fish 2>&1");
	T_EQ_STR(out, "");
	snprintf(script, sizeof(script),
	         "source '%s/completions/gavel.fish'\n"
	         "complete -C 'gavel ballot show '\n"
	         "complete -C 'gavel ballot vote TWG001 Ac'\n"
	         "complete -C 'gavel org list --format='\n",
	         source_dir());
	out = in_shell("fish --no-config", script);
	T_EQ_STR(out, "TWG001\tdraft: A first ballot\n"
	              "Acme Trust Services\tissuer in TWG\n"
	              "--format=json\n"
	              "--format=text\n");
}

const struct t_case complete_tests[] = {
        {"names_come_from_the_database", names_come_from_the_database},
        {"commands_and_options_come_from_the_table",
         commands_and_options_come_from_the_table},
        {"db_is_the_one_the_line_names", db_is_the_one_the_line_names},
        {"every_usage_option_is_offered", every_usage_option_is_offered},
        {"bash_completes_from_the_database", bash_completes_from_the_database},
        {"zsh_completion", zsh_completion},
        {"fish_completion", fish_completion},
        {NULL, NULL},
};
