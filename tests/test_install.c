/* SPDX-License-Identifier: MIT */
/*
 * This file tests gavel as it is installed: `make install` into a folder
 * of the test's own (DESTDIR) puts every file where it belongs and `make
 * uninstall` takes every one away again; an installed gavel reads the
 * templates installed beside it and a gavel run where it was built never
 * does; and the man page renders without a warning and documents every
 * command the binary lists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "help_walk.h"
#include "install_fixture.h"

static int
same_file(const char *a, const char *b)
{
	char cmd[9000];

	snprintf(cmd, sizeof(cmd), "cmp -s '%s' '%s'", a, b);
	return system(cmd) == 0;
}

static void
round_trip_installs_and_removes_every_file(void)
{
	const char *root = t_path("root"), *prefix = t_path("root/usr/local");
	char args[4400], path[4400], *out, *files;
	struct stat st;

	snprintf(args, sizeof(args), "install DESTDIR='%s'", root);
	T_ASSERT(t_make(args));
	files = t_files_under(root);
	T_EQ_STR(files, t_installed_files("usr/local",
	                                  "usr/local/share/zsh/site-functions",
	                                  "", NULL));
	/* What was built, as it was built. */
	snprintf(path, sizeof(path), "%s/bin/gavel", prefix);
	T_ASSERT(same_file(path, t_gavel_bin()));
	T_EQ_INT(stat(path, &st), 0);
	T_EQ_INT(st.st_mode & 0777, 0755);
	snprintf(args, sizeof(args), "%s/gavel.1", t_build_dir());
	snprintf(path, sizeof(path), "%s/share/man/man1/gavel.1", prefix);
	T_ASSERT(same_file(path, args));
	snprintf(path, sizeof(path), "%s/share/zsh/site-functions/_gavel",
	         prefix);
	T_ASSERT(same_file(path, "completions/gavel.zsh"));
	/* The installed gavel reads the templates installed beside it. */
	snprintf(args, sizeof(args), "'%s/bin/gavel' templates list", prefix);
	out = t_shell_output(args);
	T_ASSERT(out);
	T_CONTAINS(out, "roster.md");
	T_CONTAINS(out, "/root/usr/local/share/gavel/templates\n");
	T_ASSERT(!strstr(out, "built-in"));

	/* A template an administrator added stays, with its folder. */
	snprintf(path, sizeof(path), "%s/share/gavel/templates/ours.md",
	         prefix);
	T_ASSERT(t_write_file("root/usr/local/share/gavel/templates/ours.md",
	                      "ours\n"));
	snprintf(args, sizeof(args), "uninstall DESTDIR='%s'", root);
	T_ASSERT(t_make(args));
	T_EQ_STR(t_files_under(root),
	         "usr/local/share/gavel/templates/ours.md\n");
	T_EQ_INT(unlink(path), 0);
	T_ASSERT(t_make(args));
	T_EQ_STR(t_files_under(root), "");
	snprintf(path, sizeof(path), "%s/share/gavel", prefix);
	T_ASSERT(stat(path, &st) != 0);
}

/*
 * The installed defaults are share/gavel/templates beside the bin/ folder
 * gavel runs from: found wherever the prefix is (a DESTDIR, ~/.local),
 * and never read by a gavel run where it was built, whatever an earlier
 * `make install` left on the machine (that made render/search_path_order
 * depend on the machine). Here the build's shape is tree/gavel with a
 * stale share/gavel beside tree/.
 */
static void
templates_are_found_beside_the_binary(void)
{
	const char *want = t_read_file("templates/roster.md", NULL);
	char cmd[9000], *out;

	T_ASSERT(want);
	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && mkdir -p pfx/bin pfx/share/gavel/templates tree "
	         "share/gavel/templates && cp '%s' pfx/bin/gavel && "
	         "cp '%s' tree/gavel",
	         t_tmpdir(), t_gavel_bin(), t_gavel_bin());
	T_EQ_INT(system(cmd), 0);
	T_ASSERT(t_write_file("pfx/share/gavel/templates/roster.md",
	                      "the installed copy\n"));
	T_ASSERT(t_write_file("share/gavel/templates/roster.md",
	                      "a stale copy\n"));
	snprintf(cmd, sizeof(cmd), "'%s' templates show roster",
	         t_path("pfx/bin/gavel"));
	out = t_shell_output(cmd);
	T_EQ_STR(out, "the installed copy\n");
	snprintf(cmd, sizeof(cmd), "'%s' templates show roster",
	         t_path("tree/gavel"));
	out = t_shell_output(cmd);
	T_EQ_STR(out, want);
}

/* groff's rendering of the built man page as one line, every run of
 * white space one space; NULL after skipping when groff is absent. */
static char *
man_page_text(const char *opts)
{
	char cmd[4600], *text, *w, *r;

	if (system("command -v groff >/dev/null 2>&1") != 0) {
		t_skip("groff is not installed (make deps installs "
		       "groff-base)");
		return NULL;
	}
	snprintf(cmd, sizeof(cmd), "groff -t -man -Tutf8 %s '%s/gavel.1' 2>&1",
	         opts, t_build_dir());
	if (!(text = t_shell_output(cmd))) {
		t_fail(__FILE__, __LINE__, "groff cannot render %s/gavel.1",
		       t_build_dir());
		return NULL;
	}
	for (w = r = text; *r; r++)
		if (!strchr(" \t\n", *r))
			*w++ = *r;
		else if (w > text && w[-1] != ' ')
			*w++ = ' ';
	*w = '\0';
	return text;
}

static void
man_page_renders_without_warnings(void)
{
	char *warnings = man_page_text("-ww -z");

	if (warnings)
		T_EQ_STR(warnings, "");
}

struct man_check {
	const char *text;
	int missing;
};

/* Each command is named in the page, and each usage line is there as
 * the binary prints it: an option added, a command renamed, and the page
 * must follow. */
static void
check_documented(const char *words, const char *usage, void *arg)
{
	struct man_check *m = arg;
	char name[512];

	snprintf(name, sizeof(name), "gavel %s", words);
	if (!strstr(m->text, name)) {
		t_fail(__FILE__, __LINE__, "gavel(1) does not mention '%s'",
		       name);
		m->missing++;
	} else if (usage && !strstr(m->text, usage)) {
		t_fail(__FILE__, __LINE__,
		       "gavel(1) lacks the usage line '%s' of '%s'", usage,
		       name);
		m->missing++;
	}
}

static void
man_page_documents_every_command(void)
{
	struct man_check m = {NULL, 0};

	/* No line breaks, no hyphenation: every line as one. */
	if (!(m.text = man_page_text("-P-cbou -rLL=3000n -rHY=0")))
		return;
	T_ASSERT(t_help_walk(check_documented, &m) > 60);
	T_EQ_INT(m.missing, 0);
	T_CONTAINS(m.text, "gavel tui");
	T_CONTAINS(m.text, "gavel complete");
}

const struct t_case install_tests[] = {
        {"round_trip_installs_and_removes_every_file",
         round_trip_installs_and_removes_every_file},
        {"templates_are_found_beside_the_binary",
         templates_are_found_beside_the_binary},
        {"man_page_renders_without_warnings",
         man_page_renders_without_warnings},
        {"man_page_documents_every_command", man_page_documents_every_command},
        {NULL, NULL},
};
