/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading the user's own git settings (user.email,
 * user.signingkey) as git reads them: the global and system files, with
 * $HOME and $XDG_CONFIG_HOME as git honours them.
 */
#include <git2.h>

#include "git.h"
#include "git_config.h"
#include "internal.h"

int
gv__git_config_string(char **out, const char *key)
{
	git_config *cfg = NULL, *snap = NULL;
	const char *value = NULL;
	int rc, error = 0;

	*out = NULL;
	if ((error = gv__git_start()) < 0)
		return error;
	/* No git settings at all is not an error: there is simply none. */
	if (git_config_open_default(&cfg) < 0)
		return 0;
	if (git_config_snapshot(&snap, cfg) < 0) {
		error = gv__git_failed("cannot read git's settings");
		goto out;
	}
	rc = git_config_get_string(&value, snap, key);
	if (rc == 0 && value && *value)
		*out = gv__xstrdup(value);
	else if (rc < 0 && rc != GIT_ENOTFOUND)
		error = gv__git_failed("cannot read git's settings");
out:
	git_config_free(snap);
	git_config_free(cfg);
	return error;
}
