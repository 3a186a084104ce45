/* SPDX-License-Identifier: MIT */
/*
 * This file implements moving chains to and from a remote that is a
 * folder here (a path or file://: a bare repository on a USB stick or a
 * shared drive, or a clone with a working tree) without libgit2's
 * transfer, which builds a new pack with a delta search over every
 * object first: that cost more than the rest of a sync, where git's
 * upload-pack sends what is packed as it is, and libgit2 pushes into no
 * repository with a working tree (git pushes there any ref not checked
 * out, as refs/gavel/... never are).
 *
 * The objects of the refs copied that the other repository lacks are
 * read from one object store and written to the other as one pack.
 * Objects are followed as git's pack-objects follows them: a commit's
 * tree and parents, a tree's entries by their mode (a submodule's commit
 * is not ours to copy), a tag's target; an object the other repository
 * has is taken to come with what it reaches, as every pack written there
 * does, and a commit it lacks to bring a tree and blobs it lacks too.
 * The pack lands whole or not at all, and the refs move after it: a copy
 * interrupted at any point leaves at most objects nothing points to, and
 * the next one copies again what is missing.
 *
 * A fetch (gv__chain_copy) then sets the mirror
 * refs/gavel-remotes/<remote>/... to what the folder holds, as
 * gv__chain_fetch promises, and keeps what it wrote in memory for the
 * walk that reads it next (core/git_chain_kept.c). A push
 * (gv__chain_copy_out) moves each of the folder's refs from the commit
 * it was read at to ours, under the ref's lock.
 */
#include <stdlib.h>
#include <string.h>

#include "chain_locks.h"
#include "git_chain_repo.h"
#include "git_oid_map.h"
#include "git_pack_out.h"
#include "internal.h"

/* An object to copy, and what it was reached as. */
struct wanted {
	git_oid id;
	git_object_t type;   /* GIT_OBJECT_ANY for a ref's target */
	git_odb_object *raw; /* as read to find what it reaches, or NULL */
};

struct copy {
	git_repository *from, *to; /* not owned */
	git_odb *from_odb, *to_odb;
	struct wanted *list; /* in the order reached; also the queue */
	size_t n, alloc;
	struct gv__oid_map seen; /* every object reached, no values */
};

/*
 * Queues id unless it was reached before or, when ask is set, the
 * repository copied into has it. A commit's tree and a tree's entries are not
 * asked about: the commit is new here, and a gavel commit's tree and its
 * operations are its own, so the answer would be no (the rare yes costs
 * a copy of the object in a second pack, which git allows). Each answer
 * cost libgit2 about 2,600 instructions, most of it writing its "not
 * found" message for each pack: 0.05 G of the sync of 10,000 commits.
 */
static void
want(struct copy *c, const git_oid *id, git_object_t type, int ask)
{
	/* Without a refresh: git_odb_exists reads the pack folder again
	 * for every object it does not find, and here most are not. */
	if (git_oid_is_zero(id) || !gv__oid_map_put(&c->seen, id, NULL) ||
	    (ask &&
	     git_odb_exists_ext(c->to_odb, id, GIT_ODB_LOOKUP_NO_REFRESH)))
		return;
	c->list = gv__grow(c->list, &c->alloc, c->n, sizeof(*c->list));
	git_oid_cpy(&c->list[c->n].id, id);
	c->list[c->n].raw = NULL;
	c->list[c->n++].type = type;
}

/*
 * Reads an id off a commit's header line "key HEX\n" at *p, moving past
 * it; 0 when the line there is not one.
 */
static int
header_id(git_oid *id, const char **p, const char *end, const char *key)
{
	size_t k = strlen(key);

	if ((size_t)(end - *p) < k + GIT_OID_HEXSZ + 1 ||
	    memcmp(*p, key, k) != 0 || (*p)[k + GIT_OID_HEXSZ] != '\n' ||
	    git_oid_fromstrn(id, *p + k, GIT_OID_HEXSZ) < 0)
		return 0;
	*p += k + GIT_OID_HEXSZ + 1;
	return 1;
}

/*
 * Queues a commit's tree and parents, read off the head of its text
 * where git writes them ("tree HEX", then a "parent HEX" line each).
 * Parsing it whole for them (its author, committer, dates) cost the
 * copy 58 M instructions of the sync of 10,000 commits; the walk parses
 * each commit whole and refuses one it cannot read.
 */
static int
expand_commit(struct copy *c, git_odb_object *raw)
{
	const char *p = git_odb_object_data(raw);
	const char *end = p + git_odb_object_size(raw);
	git_oid id;

	if (!header_id(&id, &p, end, "tree ")) {
		git_error_set(GIT_ERROR_OBJECT,
		              "commit %s does not begin with its tree",
		              git_oid_tostr_s(git_odb_object_id(raw)));
		return -1;
	}
	want(c, &id, GIT_OBJECT_TREE, 0);
	while (header_id(&id, &p, end, "parent "))
		want(c, &id, GIT_OBJECT_COMMIT, 1);
	return 0;
}

/* Queues a tree's entries, a tag's target. */
static int
expand_parsed(struct copy *c, const git_oid *id, git_object_t type)
{
	git_object *o = NULL;
	size_t i, n;

	if (git_object_lookup(&o, c->from, id, type) < 0)
		return -1;
	if (type == GIT_OBJECT_TREE) {
		n = git_tree_entrycount((git_tree *)o);
		for (i = 0; i < n; i++) {
			const git_tree_entry *e =
			        git_tree_entry_byindex((git_tree *)o, i);
			git_object_t t = git_tree_entry_type(e);

			if (t == GIT_OBJECT_TREE || t == GIT_OBJECT_BLOB)
				want(c, git_tree_entry_id(e), t, 0);
		}
	} else if (type == GIT_OBJECT_TAG) {
		want(c, git_tag_target_id((git_tag *)o),
		     git_tag_target_type((git_tag *)o), 1);
	}
	git_object_free(o);
	return 0;
}

/*
 * Queues what the object reaches. A blob reaches nothing and is not read
 * here: it is read once, as it is written. Another object is read whole
 * first and kept for the pack: a commit's ids are read off that text; a
 * tree or tag libgit2 parses from its cache of what was just read, and
 * caches the parsed object in its place, so a second read would inflate
 * it again. w is not used once something is queued: the list may move
 * as it grows.
 */
static int
expand(struct copy *c, struct wanted *w)
{
	git_object_t type;

	if (w->type == GIT_OBJECT_BLOB)
		return 0;
	if (git_odb_read(&w->raw, c->from_odb, &w->id) < 0)
		return -1;
	type = git_odb_object_type(w->raw);
	if (w->type != GIT_OBJECT_ANY && type != w->type) {
		git_error_set(GIT_ERROR_INVALID,
		              "object %s is a %s where a %s was expected",
		              git_oid_tostr_s(&w->id),
		              git_object_type2string(type),
		              git_object_type2string(w->type));
		return -1;
	}
	if (type == GIT_OBJECT_COMMIT)
		return expand_commit(c, w->raw);
	if (type == GIT_OBJECT_TREE || type == GIT_OBJECT_TAG)
		return expand_parsed(c, &w->id, type);
	return 0;
}

static int
copy_start(struct copy *c, git_repository *from, git_repository *to)
{
	memset(c, 0, sizeof(*c));
	c->from = from;
	c->to = to;
	if (git_repository_odb(&c->from_odb, from) < 0 ||
	    git_repository_odb(&c->to_odb, to) < 0)
		return -1;
	return 0;
}

/* Queues what the objects queued so far reach: the list grows as it is
 * read. */
static int
copy_reached(struct copy *c)
{
	int rc = 0;

	for (size_t i = 0; i < c->n && rc == 0; i++)
		rc = expand(c, &c->list[i]);
	return rc;
}

static void
copy_done(struct copy *c)
{
	for (size_t i = 0; i < c->n; i++)
		git_odb_object_free(c->list[i].raw);
	free(c->list);
	gv__oid_map_clear(&c->seen);
	git_odb_free(c->to_odb);
	git_odb_free(c->from_odb);
}

/* The repository of the folder at path, its stale ref locks cleared (an
 * interrupted push into it left them: core/chain_locks.c). */
static int
open_folder(git_repository **out, const char *path)
{
	int rc;

	if ((rc = git_repository_open(out, path)) == 0)
		gv__chain_clear_stale_locks(git_repository_path(*out));
	return rc;
}

/*
 * Writes the queued objects into c->to as one pack. A fetch's are
 * stored as they are and kept in memory for the walk that follows
 * (core/git_chain_kept.c); a push's are deflated (core/git_pack_out.c).
 */
static int
write_pack(struct gv__chain_transfer *stats, struct copy *c,
           struct gv__chain_repo *r, int fetch)
{
	const char *phase = fetch ? "receiving objects" : "sending objects";
	struct gv__pack_out *pack = NULL;
	git_odb_object *o;
	size_t i;
	int rc;

	if (!c->n)
		return 0;
	if ((rc = gv__pack_out_start(&pack, c->to, c->n, !fetch)) < 0)
		goto out;
	for (i = 0; i < c->n; i++) {
		if (r->progress)
			r->progress(phase, i, c->n, r->progress_payload);
		if ((o = c->list[i].raw) == NULL &&
		    (rc = git_odb_read(&o, c->from_odb, &c->list[i].id)) < 0)
			goto out;
		c->list[i].raw = NULL;
		rc = gv__pack_out_add(
		        pack, &c->list[i].id, git_odb_object_type(o),
		        git_odb_object_data(o), git_odb_object_size(o));
		/* Checked now: kept for the walk that follows. */
		if (rc == 0 && fetch)
			rc = gv__chain_keep(
			        r, &c->list[i].id, git_odb_object_type(o),
			        git_odb_object_data(o), git_odb_object_size(o));
		git_odb_object_free(o);
		if (rc < 0)
			goto out;
	}
	if ((rc = gv__pack_out_finish(pack, &stats->bytes)) == 0)
		stats->objects = c->n;
out:
	gv__pack_out_free(pack);
	return rc;
}

/* A remote's chain: its name under refs/gavel/ and its tip. */
struct head {
	char *name;
	git_oid id;
};

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct head *)a)->name,
	              ((const struct head *)b)->name);
}

static void
heads_free(struct head *h, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(h[i].name);
	free(h);
}

/* The remote's refs/gavel/..., each at the object it resolves to (a
 * symbolic ref that leads nowhere is left out, as libgit2's fetch did),
 * sorted by name. */
static int
list_heads(struct head **out, size_t *n, git_repository *from)
{
	git_reference_iterator *it = NULL;
	git_reference *ref, *resolved;
	struct head *h = NULL;
	size_t alloc = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = git_reference_iterator_new(&it, from)) < 0)
		return rc;
	while ((rc = git_reference_next(&ref, it)) == 0) {
		if (strncmp(git_reference_name(ref), "refs/gavel/", 11) == 0 &&
		    git_reference_resolve(&resolved, ref) == 0) {
			h = gv__grow(h, &alloc, *n, sizeof(*h));
			h[*n].name = gv__xstrdup(git_reference_name(ref));
			git_oid_cpy(&h[(*n)++].id,
			            git_reference_target(resolved));
			git_reference_free(resolved);
		}
		git_reference_free(ref);
	}
	git_reference_iterator_free(it);
	if (rc != GIT_ITEROVER) {
		heads_free(h, *n);
		*n = 0;
		return rc;
	}
	if (*n)
		qsort(h, *n, sizeof(*h), by_name);
	*out = h;
	return 0;
}

/* Sets refs/gavel-remotes/<remote>/X to each remote chain X, forced. */
static int
set_mirrors(git_repository *to, const char *prefix, const struct head *h,
            size_t n)
{
	git_reference *ref = NULL;
	git_oid now;
	char *name;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		name = gv__xsprintf("%s%s", prefix,
		                    h[i].name + strlen("refs/gavel/"));
		if (git_reference_name_to_id(&now, to, name) != 0 ||
		    !git_oid_equal(&now, &h[i].id)) {
			rc = git_reference_create(&ref, to, name, &h[i].id, 1,
			                          "gavel fetch");
			git_reference_free(ref);
		}
		free(name);
	}
	return rc;
}

/* Removes each mirror ref whose chain the remote no longer has. */
static int
prune_mirrors(git_repository *to, const char *prefix, const struct head *h,
              size_t n)
{
	git_reference_iterator *it = NULL;
	git_reference *ref;
	struct head key = {0};
	char **gone = NULL;
	size_t ngone = 0, alloc = 0, i;
	int rc;

	if ((rc = git_reference_iterator_new(&it, to)) < 0)
		return rc;
	while ((rc = git_reference_next(&ref, it)) == 0) {
		const char *mine = git_reference_name(ref);

		if (strncmp(mine, prefix, strlen(prefix)) == 0) {
			key.name = gv__xsprintf("refs/gavel/%s",
			                        mine + strlen(prefix));
			if (!n || !bsearch(&key, h, n, sizeof(*h), by_name)) {
				gone = gv__grow(gone, &alloc, ngone,
				                sizeof(*gone));
				gone[ngone++] = gv__xstrdup(mine);
			}
			free(key.name);
		}
		git_reference_free(ref);
	}
	git_reference_iterator_free(it);
	rc = rc == GIT_ITEROVER ? 0 : rc;
	for (i = 0; i < ngone; i++) {
		if (rc == 0)
			rc = git_reference_remove(to, gone[i]);
		free(gone[i]);
	}
	free(gone);
	return rc;
}

int
gv__chain_copy(struct gv__chain_transfer *stats, struct gv__chain_repo *r,
               const char *remote, const char *path)
{
	git_repository *from = NULL;
	struct copy c = {0};
	struct head *heads = NULL;
	char *prefix = gv__xsprintf("refs/gavel-remotes/%s/", remote);
	size_t n = 0, i;
	int rc;

	memset(stats, 0, sizeof(*stats));
	gv__chain_forget(r);
	if ((rc = open_folder(&from, path)) < 0 ||
	    (rc = copy_start(&c, from, r->repo)) < 0 ||
	    (rc = list_heads(&heads, &n, from)) < 0)
		goto out;
	for (i = 0; i < n; i++)
		want(&c, &heads[i].id, GIT_OBJECT_ANY, 1);
	if ((rc = copy_reached(&c)) < 0 ||
	    (rc = write_pack(stats, &c, r, 1)) < 0 ||
	    (rc = set_mirrors(r->repo, prefix, heads, n)) < 0)
		goto out;
	rc = prune_mirrors(r->repo, prefix, heads, n);
out:
	if (rc < 0)
		gv__chain_forget(r);
	heads_free(heads, n);
	copy_done(&c);
	git_repository_free(from);
	free(prefix);
	return rc;
}

/*
 * Whether the folder's ref at theirs may move to ours: GIT_ENONFASTFORWARD
 * when theirs is not ours nor an ancestor of it (a commit this
 * repository lacks is none: ours is here whole).
 */
static int
fast_forward(git_repository *repo, git_odb *odb, const git_oid *ours,
             const git_oid *theirs, const char *ref)
{
	int rc;

	if (git_oid_equal(ours, theirs))
		return 0;
	rc = git_odb_exists(odb, theirs)
	             ? git_graph_descendant_of(repo, ours, theirs)
	             : 0;
	if (rc < 0)
		return rc;
	if (rc == 0) {
		git_error_set(GIT_ERROR_REFERENCE,
		              "%s there is not behind ours", ref);
		return GIT_ENONFASTFORWARD;
	}
	return 0;
}

/* Moves the folder's ref from theirs (NULL: absent) to ours, if it is
 * still there: libgit2 compares under the ref's lock. */
static int
move_theirs(git_repository *to, const char *ref, const git_oid *ours,
            const git_oid *theirs)
{
	git_reference *out = NULL;
	int rc;

	if (theirs && git_oid_equal(ours, theirs))
		return 0;
	rc = theirs ? git_reference_create_matching(&out, to, ref, ours, 1,
	                                            theirs, "gavel push")
	            : git_reference_create(&out, to, ref, ours, 0,
	                                   "gavel push");
	git_reference_free(out);
	return rc == GIT_EEXISTS ? GIT_EMODIFIED : rc;
}

int
gv__chain_copy_out(struct gv__chain_transfer *stats, struct gv__chain_repo *r,
                   const char *path, const char *const *refs,
                   const git_oid *tips, size_t n, size_t *failed)
{
	git_repository *to = NULL;
	struct copy c = {0};
	git_oid *theirs = gv__xcalloc(n ? n : 1, sizeof(*theirs));
	char *had = gv__xcalloc(n ? n : 1, 1);
	size_t i = 0;
	int rc;

	memset(stats, 0, sizeof(*stats));
	if ((rc = open_folder(&to, path)) < 0 ||
	    (rc = copy_start(&c, r->repo, to)) < 0)
		goto out;
	/* Each ref is read before anything is written, and checked not to
	 * have moved when it is written. */
	for (i = 0; i < n; i++) {
		rc = git_reference_name_to_id(&theirs[i], to, refs[i]);
		if (rc == GIT_ENOTFOUND)
			continue;
		if (rc < 0 || (rc = fast_forward(r->repo, c.from_odb, &tips[i],
		                                 &theirs[i], refs[i])) < 0)
			goto out;
		had[i] = 1;
	}
	for (i = 0; i < n; i++)
		want(&c, &tips[i], GIT_OBJECT_COMMIT, 1);
	if ((rc = copy_reached(&c)) < 0 ||
	    (rc = write_pack(stats, &c, r, 0)) < 0)
		goto out;
	for (i = 0; i < n; i++)
		if ((rc = move_theirs(to, refs[i], &tips[i],
		                      had[i] ? &theirs[i] : NULL)) < 0)
			goto out;
out:
	*failed = i;
	copy_done(&c);
	git_repository_free(to);
	free(theirs);
	free(had);
	return rc;
}
