/* SPDX-License-Identifier: MIT */
/*
 * This file loads gavel's modules (core/module.h) with dlopen, as systemd
 * loads its optional libraries: on first use, once per process. The file
 * is looked for next to the running program first (the build tree, where
 * `make` puts gavel and its modules side by side), then in lib/gavel of
 * the prefix it is installed in (gv__installed_path), where `make install`
 * puts them.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gavel/gavel.h"
#include "internal.h"
#include "module.h"

/* Weak: defined only where the modules' objects are linked in. */
#pragma weak gv__ical_module
#pragma weak gv__mail_module

/* Opens file from the running program's folder, else from the installed
 * modules' folder; RTLD_LOCAL, so that only gavel sees what the module
 * defines. NULL when neither has it (dlerror() says why). */
static void *
module_open(const char *file)
{
	const char *const where[] = {NULL, "lib/gavel"};
	void *handle = NULL;

	for (size_t i = 0; i < 2 && !handle; i++) {
		char *dir = i == 0 ? gv__program_dir()
		                   : gv__installed_path(where[i]);
		char *path = dir ? gv__xsprintf("%s/%s", dir, file) : NULL;

		if (path && (access(path, F_OK) == 0 || i == 1))
			handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
		free(path);
		free(dir);
	}
	return handle;
}

/* The table named symbol in file, whose first member is the version of
 * the build it came from: one from another build is refused, since its
 * tables and gavel's structures may differ. */
static const void *
module_load(const char *file, const char *symbol, const char *what)
{
	const char *const *version;
	void *handle = module_open(file);

	if (!handle) {
		const char *why = dlerror();

		gv__error_set(GV_ERRCLASS_OS, GV_ERROR,
		              "cannot load %s, which %s need: %s; reinstall "
		              "gavel (make install)",
		              file, what,
		              why ? why
		                  : "it is neither beside gavel nor in the "
		                    "lib/gavel of its installation");
		return NULL;
	}
	if (!(version = dlsym(handle, symbol)) ||
	    strcmp(*version, GV_VERSION) != 0) {
		dlclose(handle);
		gv__error_set(GV_ERRCLASS_OS, GV_ERROR,
		              "%s is not from this gavel (%s): reinstall gavel "
		              "(make install)",
		              file, GV_VERSION);
		return NULL;
	}
	return version;
}

const struct gv__ical_ops *
gv__ical(void)
{
	static const struct gv__ical_ops *ops;

	if (!ops)
		ops = &gv__ical_module
		              ? &gv__ical_module
		              : module_load("gavel-ical.so", "gv__ical_module",
		                            "time zones and calendars");
	return ops;
}

const struct gv__mail_ops *
gv__mail(void)
{
	static const struct gv__mail_ops *ops;

	if (!ops)
		ops = &gv__mail_module
		              ? &gv__mail_module
		              : module_load("gavel-mail.so", "gv__mail_module",
		                            "mail commands");
	return ops;
}
