/* SPDX-License-Identifier: MIT */
/*
 * This file declares a map from git object ids to pointers
 * (core/git_oid_map.c), for the sets of objects a copy from a folder reaches
 * and keeps. The zero id is not a key.
 */
#ifndef GV_CORE_GIT_OID_MAP_H
#define GV_CORE_GIT_OID_MAP_H

#include <stddef.h>

#include <git2/oid.h>

struct gv__oid_slot {
	git_oid id; /* zero: empty */
	void *value;
};

struct gv__oid_map {
	struct gv__oid_slot *slot; /* open addressing, cap a power of two */
	size_t n, cap;
};

/* Adds id with value; 1 when added, 0 when id was there (its value
 * unchanged). */
int gv__oid_map_put(struct gv__oid_map *m, const git_oid *id, void *value);

/* id's slot, or NULL. */
struct gv__oid_slot *gv__oid_map_get(const struct gv__oid_map *m,
                                     const git_oid *id);

/* Empties m and frees its table (not the values). */
void gv__oid_map_clear(struct gv__oid_map *m);

#endif
