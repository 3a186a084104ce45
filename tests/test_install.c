/* SPDX-License-Identifier: MIT */
/*
 * This file tests gavel as it is installed: an installed gavel reads the
 * templates installed beside it, and a gavel run where it was built never
 * does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "install_fixture.h"

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

const struct t_case install_tests[] = {
        {"templates_are_found_beside_the_binary",
         templates_are_found_beside_the_binary},
        {NULL, NULL},
};
