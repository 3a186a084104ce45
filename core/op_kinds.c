/* SPDX-License-Identifier: MIT */
/*
 * This file implements finding an operation's kind by the name it is
 * stored under.
 */
#include <string.h>

#include "op_kinds.h"

#define GV__OP_KIND_REF(name) &gv__op_##name,
static const struct gv__op_kind *const kinds[] = {
        GV__OP_KINDS(GV__OP_KIND_REF)};
#undef GV__OP_KIND_REF

const struct gv__op_kind *
gv__op_kind_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kinds[i]->name, name))
			return kinds[i];
	return NULL;
}
