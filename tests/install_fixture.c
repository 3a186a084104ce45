/* SPDX-License-Identifier: MIT */
/*
 * This file implements the install and package tests' fixture
 * (install_fixture.h).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "install_fixture.h"

const char *
t_build_dir(void)
{
	const char *build = getenv("GAVEL_BUILD");

	return build && *build ? build : "build";
}

const char *
t_gavel_bin(void)
{
	const char *bin = getenv("GAVEL_BIN");

	return bin && *bin ? bin : "./gavel";
}

char *
t_make(const char *args)
{
	char cmd[8192], *out, *tail;

	/* The output goes to a file, so a failure can show how it ended. */
	snprintf(cmd, sizeof(cmd),
	         "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s "
	         "--no-print-directory BUILD='%s' BIN='%s' %s >'%s' 2>&1 && "
	         "cat '%s'",
	         t_build_dir(), t_gavel_bin(), args, t_path("make.log"),
	         t_path("make.log"));
	if ((out = t_shell_output(cmd)))
		return out;
	snprintf(cmd, sizeof(cmd), "tail -n 20 '%s'", t_path("make.log"));
	tail = t_shell_output(cmd);
	t_fail(__FILE__, __LINE__, "make %s failed; its output ends:\n%s", args,
	       tail ? tail : "");
	return NULL;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_template(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot && (!strcmp(dot, ".md") || !strcmp(dot, ".html") ||
	               !strcmp(dot, ".txt"));
}

char *
t_installed_files(const char *prefix, const char *zsh_dir,
                  const char *man_suffix, const char *const *extra)
{
	char *names[256], path[1024], *out;
	size_t n = 0, i, len = 1;
	struct dirent *e;
	DIR *d = opendir("templates");

	snprintf(path, sizeof(path), "%s/bin/gavel", prefix);
	names[n++] = strdup(path);
	snprintf(path, sizeof(path), "%s/share/man/man1/gavel.1%s", prefix,
	         man_suffix);
	names[n++] = strdup(path);
	snprintf(path, sizeof(path),
	         "%s/share/bash-completion/completions/gavel", prefix);
	names[n++] = strdup(path);
	snprintf(path, sizeof(path), "%s/_gavel", zsh_dir);
	names[n++] = strdup(path);
	snprintf(path, sizeof(path),
	         "%s/share/fish/vendor_completions.d/gavel.fish", prefix);
	names[n++] = strdup(path);
	/* The modules loaded on demand (core/module.c). */
	snprintf(path, sizeof(path), "%s/lib/gavel/gavel-ical.so", prefix);
	names[n++] = strdup(path);
	snprintf(path, sizeof(path), "%s/lib/gavel/gavel-mail.so", prefix);
	names[n++] = strdup(path);
	while (d && (e = readdir(d)) && n < 256) {
		if (!is_template(e->d_name))
			continue;
		snprintf(path, sizeof(path), "%s/share/gavel/templates/%s",
		         prefix, e->d_name);
		names[n++] = strdup(path);
	}
	if (d)
		closedir(d);
	for (; extra && *extra && n < 256; extra++)
		names[n++] = strdup(*extra);
	qsort(names, n, sizeof(*names), cmp_name);
	for (i = 0; i < n; i++)
		len += strlen(names[i]) + 1;
	out = t_keep(calloc(1, len));
	for (i = 0; i < n; i++) {
		strcat(strcat(out, names[i]), "\n");
		free(names[i]);
	}
	return out;
}

char *
t_files_under(const char *dir)
{
	char cmd[4600];

	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && find . -type f | sed 's|^\\./||' | LC_ALL=C sort",
	         dir);
	return t_shell_output(cmd);
}
