/* SPDX-License-Identifier: MIT */
/*
 * This file implements the process-wide set-up of libgit2 (STYLE.md §6:
 * once, by the program, never inside a library call) and the git blob id
 * that identifies a text (ballot versions keep one per RULES §8).
 */
#include <string.h>

#include <git2.h>

#include "gavel/init.h"
#include "git.h"
#include "internal.h"

/*
 * libgit2 starts on first use, not in gv_global_init: Debian's libgit2
 * (built with mbedTLS) parses the system's CA bundle in
 * git_libgit2_init, about 10 ms, which every command that never reads a
 * repository (most of them, and the TUI's first screen) would pay. The
 * program is single-threaded, so "once" is a flag; gv_global_shutdown
 * still ends it, once, in the program (STYLE.md §6).
 */
static int git_started;

int
gv__git_start(void)
{
	if (git_started)
		return 0;
	if (git_libgit2_init() < 0)
		return gv__error_set(GV_ERRCLASS_NONE, GV_ERROR,
		                     "cannot initialise libgit2");
	/* A redline reads each guideline blob twice (the patch, then its
	 * headings); libgit2 caches no blobs unless told to. SBR.md is
	 * about 208 KB; 8 MB covers any guideline. */
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_BLOB,
	                 (size_t)8 << 20);
	git_started = 1;
	return 0;
}

int
gv_global_init(void)
{
	return 0;
}

void
gv_global_shutdown(void)
{
	if (git_started)
		git_libgit2_shutdown();
	git_started = 0;
}

char *
gv__text_hash(const char *text)
{
	char hex[GIT_OID_HEXSZ + 1];
	git_oid oid;

	if (gv__git_start() < 0 ||
	    git_odb_hash(&oid, text, strlen(text), GIT_OBJECT_BLOB) < 0)
		return NULL;
	git_oid_tostr(hex, sizeof(hex), &oid);
	return gv__xstrdup(hex);
}
