/* SPDX-License-Identifier: MIT */
/*
 * This file tests the Debian package: `make deb` builds it with
 * dpkg-buildpackage from a copy of the sources (skipped by name where
 * dpkg-buildpackage or debhelper is missing), lintian finds no error in
 * it where lintian is installed, and it holds what `make install` installs
 * under /usr, with a gavel that runs from where the package put it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "install_fixture.h"

static int
have(const char *tool)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

static void
package_holds_what_make_install_installs(void)
{
	/* what every Debian package carries besides */
	static const char *const docs[] = {
	        "usr/share/doc/gavel/README.md.gz",
	        "usr/share/doc/gavel/changelog.gz",
	        "usr/share/doc/gavel/copyright",
	        NULL,
	};
	const char *deb_dir = t_path("deb");
	char cmd[9000], *want, *out;
	int lint = have("lintian");

	if (!have("dpkg-buildpackage") || !have("dh")) {
		t_skip("dpkg-buildpackage or debhelper is not installed (make "
		       "deps installs them)");
		return;
	}
	/* Two jobs at most, as anything else on a shared machine. */
	snprintf(cmd, sizeof(cmd),
	         "deb DEB_DIR='%s' DEB_BUILD_OPTIONS=parallel=2%s", deb_dir,
	         lint ? "" : " LINTIAN=");
	T_ASSERT(t_make(cmd));
	snprintf(cmd, sizeof(cmd),
	         "dpkg-deb -c '%s'/gavel_*_*.deb | awk '{print $6}' | "
	         "grep -v '/$' | sed 's|^\\./||' | LC_ALL=C sort",
	         deb_dir);
	out = t_shell_output(cmd);
	want = t_installed_files("usr", "usr/share/zsh/vendor-completions",
	                         ".gz", docs);
	T_EQ_STR(out, want);
	/* The packaged gavel reads its templates where the package put
	 * them, wherever that tree is unpacked. */
	snprintf(cmd, sizeof(cmd),
	         "dpkg-deb -x '%s'/gavel_*_*.deb '%s/root' && "
	         "'%s/root/usr/bin/gavel' templates list",
	         deb_dir, t_tmpdir(), t_tmpdir());
	out = t_shell_output(cmd);
	T_ASSERT(out);
	T_CONTAINS(out, "/root/usr/share/gavel/templates\n");
	if (!lint)
		t_skip("lintian is not installed (make deb installs it): the "
		       "package built, but was not linted");
}

const struct t_case deb_tests[] = {
        {"package_holds_what_make_install_installs",
         package_holds_what_make_install_installs},
        {NULL, NULL},
};
