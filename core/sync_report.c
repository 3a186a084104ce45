/* SPDX-License-Identifier: MIT */
/*
 * This file implements a sync's report, which every step of a sync adds
 * its notes to.
 */
#include <stdlib.h>
#include <string.h>

#include "gavel/sync.h"
#include "internal.h"
#include "sync.h"

void
gv__sync_note(struct gv_sync_report *r, char *line)
{
	r->notes = gv__xrealloc(r->notes, (r->nnotes + 1) * sizeof(*r->notes));
	r->notes[r->nnotes++] = line;
}

void
gv_sync_report_dispose(struct gv_sync_report *r)
{
	size_t i;

	for (i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	free(r->notes);
	memset(r, 0, sizeof(*r));
}
