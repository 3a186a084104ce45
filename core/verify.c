/* SPDX-License-Identifier: MIT */
/*
 * This file implements the report `ballot verify` writes: its lines, each
 * ok, a note or a problem, added by the checks above it (the pinned text,
 * the other pending ballots).
 */
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "internal.h"

void
gv__verify_add(struct gv_verify *v, enum gv_verify_kind kind, char *line)
{
	v->lines = gv__xrealloc(v->lines, (v->n + 1) * sizeof(*v->lines));
	v->kind = gv__xrealloc(v->kind, (v->n + 1) * sizeof(*v->kind));
	v->lines[v->n] = line;
	v->kind[v->n++] = kind;
	v->problems += kind == GV_VERIFY_PROBLEM;
}

void
gv_verify_dispose(struct gv_verify *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->lines[i]);
	free(v->lines);
	free(v->kind);
	memset(v, 0, sizeof(*v));
}
