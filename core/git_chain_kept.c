/* SPDX-License-Identifier: MIT */
/*
 * This file implements keeping in memory what a copy from a folder has
 * just checked and written (core/git_copy.c), for the walk of the same
 * sync that reads it next (core/git_chain_walk.c). The objects sit in a
 * backend of the repository's object database placed ahead of its packs,
 * so the walk finds them there instead of locating each in the new
 * pack's index and inflating it again. With a commit per operation
 * (bench/sync.sh, 10,000 commits: 30,000 objects) that was a third of
 * the walk's own instructions.
 *
 * The backend is gavel's own, not libgit2's mempack: libgit2 reads a
 * commit's text as a C string where it extracts its signature, and the
 * objects the mempack hands out (libgit2 1.5.1) have no NUL after them,
 * where its packs' do; this one hands out each object as the packs do.
 *
 * A blob is read once, for its operations, so it is handed over, not
 * copied: the buffer libgit2 frees is the one kept (copies of every
 * blob, held to the end of the sync, were memory the kernel had to clear
 * on first touch; bench/README.md, "Memory touched once"). A commit or a
 * tree is copied: libgit2 reads a commit raw (its walk, its signature)
 * after parsing it, and its cache hands a parsed object to neither.
 *
 * Only an object hashed to its id goes in (gv__pack_out_add checked it),
 * and a copy that fails empties the backend: it never holds an object
 * the repository's packs lack. What is kept is bounded by bytes
 * (gv__chain_keep_limit); an object that would pass the bound is left
 * to be read from the pack.
 */
#include <stdlib.h>
#include <string.h>

#include <git2/sys/odb_backend.h>

#include "git_chain_repo.h"
#include "internal.h"
#include "git_oid_map.h"

/* Ahead of libgit2's own backends (loose 1, packed 2). */
#define KEPT_PRIORITY 100

/* What is held for an object besides its bytes (its header here,
 * malloc's own, its slot), about. */
#define KEPT_OVERHEAD 64

/* An object kept: its id is its key in the table (its value NULL once
 * the object was handed over). */
struct object {
	git_object_t type;
	size_t len;
	unsigned char *data; /* len bytes and a NUL, libgit2's to free */
};

struct gv__kept {
	git_odb_backend parent;     /* first: libgit2 hands this back */
	struct gv__oid_map objects; /* id -> struct object */
	size_t bytes;               /* each object's len and KEPT_OVERHEAD */
};

static const struct object *
find(const git_odb_backend *b, const git_oid *id)
{
	const struct gv__oid_slot *s =
	        gv__oid_map_get(&((const struct gv__kept *)b)->objects, id);

	return s ? s->value : NULL;
}

/* The object NUL-terminated, as libgit2's packs hand them out; a blob
 * no longer kept. */
static int
kept_read(void **out, size_t *len, git_object_t *type, git_odb_backend *b,
          const git_oid *id)
{
	struct gv__kept *k = (struct gv__kept *)b;
	struct gv__oid_slot *s = gv__oid_map_get(&k->objects, id);
	struct object *o = s ? s->value : NULL;

	if (!o)
		return GIT_ENOTFOUND;
	*len = o->len;
	*type = o->type;
	if (o->type != GIT_OBJECT_BLOB) {
		if (!(*out = git_odb_backend_data_alloc(b, o->len + 1)))
			return -1;
		memcpy(*out, o->data, o->len + 1);
		return 0;
	}
	*out = o->data;
	k->bytes -= o->len + KEPT_OVERHEAD;
	s->value = NULL;
	free(o);
	return 0;
}

static int
kept_read_header(size_t *len, git_object_t *type, git_odb_backend *b,
                 const git_oid *id)
{
	const struct object *o = find(b, id);

	if (!o)
		return GIT_ENOTFOUND;
	*len = o->len;
	*type = o->type;
	return 0;
}

static int
kept_exists(git_odb_backend *b, const git_oid *id)
{
	return find(b, id) != NULL;
}

static void
kept_clear(struct gv__kept *k)
{
	for (size_t i = 0; i < k->objects.cap; i++) {
		struct object *o = k->objects.slot[i].value;

		if (o)
			git_odb_backend_data_free(&k->parent, o->data);
		free(o);
	}
	gv__oid_map_clear(&k->objects);
	k->bytes = 0;
}

static void
kept_free(git_odb_backend *b)
{
	kept_clear((struct gv__kept *)b);
	free(b);
}

/* r's backend, made and put in its object database on first use. */
static int
kept_of(struct gv__kept **out, struct gv__chain_repo *r)
{
	struct gv__kept *k;
	git_odb *odb = NULL;
	int rc;

	if (r->kept) {
		*out = r->kept;
		return 0;
	}
	k = gv__xcalloc(1, sizeof(*k));
	if ((rc = git_odb_init_backend(&k->parent, GIT_ODB_BACKEND_VERSION)) <
	            0 ||
	    (rc = git_repository_odb(&odb, r->repo)) < 0 ||
	    (rc = git_odb_add_backend(odb, &k->parent, KEPT_PRIORITY)) < 0) {
		git_odb_free(odb);
		free(k); /* not added: still ours */
		return rc;
	}
	git_odb_free(odb); /* the database owns the backend now */
	k->parent.read = kept_read;
	k->parent.read_header = kept_read_header;
	k->parent.exists = kept_exists;
	k->parent.free = kept_free;
	*out = r->kept = k;
	return 0;
}

int
gv__chain_keep(struct gv__chain_repo *r, const git_oid *id, git_object_t type,
               const void *data, size_t len)
{
	struct gv__kept *k;
	struct gv__oid_slot *s;
	struct object *o;
	size_t cost = len + KEPT_OVERHEAD;
	int rc;

	if (cost < len || cost > r->keep_max - gv__chain_kept(r))
		return 0;
	if ((rc = kept_of(&k, r)) < 0)
		return rc;
	if ((s = gv__oid_map_get(&k->objects, id)) && s->value)
		return 0;
	o = gv__xmalloc(sizeof(*o));
	if (!(o->data = git_odb_backend_data_alloc(&k->parent, len + 1))) {
		free(o);
		return -1;
	}
	o->type = type;
	o->len = len;
	memcpy(o->data, data, len);
	o->data[len] = '\0';
	if (s) /* handed over already: kept again */
		s->value = o;
	else
		gv__oid_map_put(&k->objects, id, o);
	k->bytes += cost;
	return 0;
}

void
gv__chain_forget(struct gv__chain_repo *r)
{
	if (r->kept)
		kept_clear(r->kept);
}

size_t
gv__chain_kept(const struct gv__chain_repo *r)
{
	return r->kept ? r->kept->bytes : 0;
}

void
gv__chain_keep_limit(struct gv__chain_repo *r, size_t max)
{
	gv__chain_forget(r);
	r->keep_max = max;
}
