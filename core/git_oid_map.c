/* SPDX-License-Identifier: MIT */
/*
 * This file implements the map from git object ids to pointers
 * (core/git_oid_map.h): open addressing with linear probing, the table
 * doubled at half full. The ids are hashes already, so their first bytes
 * are the slot.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <git2/oid.h>

#include "internal.h"
#include "git_oid_map.h"

/* Whether slot s is empty (its id zero). memcmp, which the compiler
 * inlines, where libgit2's calls cost a sync with a commit per operation
 * 1 % of its instructions in the walk's look-ups. */
static int
empty(const struct gv__oid_slot *s)
{
	static const unsigned char zero[GIT_OID_RAWSZ];

	return !memcmp(s->id.id, zero, GIT_OID_RAWSZ);
}

/* Where id is, or the empty slot where it would go; cap > 0. */
static struct gv__oid_slot *
probe(const struct gv__oid_map *m, const git_oid *id)
{
	uint64_t h;
	size_t i;

	memcpy(&h, id->id, sizeof(h));
	for (i = (size_t)h & (m->cap - 1); !empty(&m->slot[i]);
	     i = (i + 1) & (m->cap - 1))
		if (!memcmp(m->slot[i].id.id, id->id, GIT_OID_RAWSZ))
			break;
	return &m->slot[i];
}

static void
grow(struct gv__oid_map *m)
{
	struct gv__oid_slot *old = m->slot;
	size_t cap = m->cap, i;

	m->cap = cap ? cap * 2 : 1024;
	m->slot = gv__xcalloc(m->cap, sizeof(*m->slot));
	for (i = 0; i < cap; i++)
		if (!empty(&old[i]))
			*probe(m, &old[i].id) = old[i];
	free(old);
}

int
gv__oid_map_put(struct gv__oid_map *m, const git_oid *id, void *value)
{
	struct gv__oid_slot *s;

	if (2 * (m->n + 1) > m->cap)
		grow(m);
	s = probe(m, id);
	if (!empty(s))
		return 0;
	git_oid_cpy(&s->id, id);
	s->value = value;
	m->n++;
	return 1;
}

struct gv__oid_slot *
gv__oid_map_get(const struct gv__oid_map *m, const git_oid *id)
{
	struct gv__oid_slot *s;

	if (!m->n)
		return NULL;
	s = probe(m, id);
	return empty(s) ? NULL : s;
}

void
gv__oid_map_clear(struct gv__oid_map *m)
{
	free(m->slot);
	memset(m, 0, sizeof(*m));
}
