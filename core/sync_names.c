/* SPDX-License-Identifier: MIT */
/*
 * This file implements the names sync gives things: an actor's ref
 * component, a chain's ref, the chain repository beside the database.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "sync.h"

char *
gv__actor_slug(const char *actor)
{
	size_t n = strlen(actor), i, o = 0;
	char *out = gv__xmalloc(n + 2);

	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)actor[i];

		/* Letters and digits as they are (UTF-8 too: ref names may
		 * hold it), anything else one '-'. */
		if (ch >= 0x80 || isalnum(ch))
			out[o++] = (char)(ch < 0x80 ? tolower(ch) : ch);
		else if (o && out[o - 1] != '-')
			out[o++] = '-';
	}
	while (o && out[o - 1] == '-')
		o--;
	if (!o)
		out[o++] = '_';
	out[o] = '\0';
	return out;
}

char *
gv__chain_ref_of(const char *part, const char *actor)
{
	char *slug = gv__actor_slug(actor),
	     *ref = gv__xsprintf("refs/gavel/%s/%s", part, slug);

	free(slug);
	return ref;
}

char *
gv__sync_repo_path(const struct gv_db *db)
{
	return gv__xsprintf("%s.git", db->path);
}
