/* SPDX-License-Identifier: MIT */
/*
 * This file implements clearing the locks an interrupted sync left in a
 * git repository on this machine: the chain repository beside the
 * database, or a remote that is a folder (a USB stick). git writes a ref
 * by creating REF.lock and renaming it into place; a process killed in
 * between leaves the .lock, and every later write of that ref fails until
 * someone removes it. A ref's lock is held for microseconds, so one older
 * than a few seconds belongs to no running program.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "chain_locks.h"
#include "internal.h"

/* Older than this, a ref lock is stale (seconds). */
#define STALE_AFTER 5

static time_t now_;

static int
clear_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	size_t n = strlen(path);

	(void)ftw;
	if (type == FTW_F && n > 5 && !strcmp(path + n - 5, ".lock") &&
	    now_ - st->st_mtime >= STALE_AFTER)
		unlink(path);
	return 0;
}

void
gv__chain_clear_stale_locks(const char *gitdir)
{
	char *refs = gv__xsprintf("%s/refs", gitdir),
	     *packed = gv__xsprintf("%s/packed-refs.lock", gitdir);
	struct stat st;

	now_ = time(NULL);
	if (stat(refs, &st) == 0)
		nftw(refs, clear_one, 16, FTW_PHYS);
	if (stat(packed, &st) == 0)
		clear_one(packed, &st, FTW_F, NULL);
	free(refs);
	free(packed);
}
