/* SPDX-License-Identifier: MIT */
/*
 * This file declares the git side of sync, in plain C types: the chains of
 * operation commits under refs/gavel/<part>/<actor> in a bare repository
 * beside the database, their fetch and push through libgit2, and SSH
 * signatures as git makes them (gpg.format=ssh). What an operation means
 * is not known here: a commit carries one blob, "ops", of bytes the sync
 * engine wrote.
 */
#ifndef GV_CORE_GIT_CHAIN_H
#define GV_CORE_GIT_CHAIN_H

#include <stddef.h>
#include <stdint.h>

#include "gavel/progress.h"
#include "ssh_sign.h"

#define GV__OID_HEX 41 /* 40 hex digits and a NUL */

/* The largest "ops" blob read back (a longer one is refused as corrupt). */
#define GV__CHAIN_BLOB_MAX (64u << 20)

/* A bare repository holding the chains. */
struct gv__chain_repo;

/* Opens the bare repository at path, creating it (and no work tree) when
 * it does not exist. A folder there that holds other files is
 * GV_EEXISTS: nothing is written into it. */
int gv__chain_open(struct gv__chain_repo **out, const char *path);
void gv__chain_free(struct gv__chain_repo *r);

/* A ref's tip, or "" when the ref does not exist. ref is under
 * refs/gavel/ or refs/gavel-remotes/ (GV_EINVALID otherwise). */
int gv__chain_tip(char oid[GV__OID_HEX], struct gv__chain_repo *r,
                  const char *ref);

/* Whether name is a valid full ref name under refs/gavel/ (or, with
 * mirrors, refs/gavel-remotes/ too); GV_EINVALID with a message
 * otherwise. */
int gv__chain_check_ref(const char *name, int mirrors);

struct gv__chain_ref {
	char *name; /* full ref name, owned */
	char oid[GV__OID_HEX];
};

/* The refs under prefix ("refs/gavel/", "refs/gavel-remotes/origin/"),
 * sorted by name. */
int gv__chain_refs(struct gv__chain_ref **out, size_t *n,
                   struct gv__chain_repo *r, const char *prefix);
void gv__chain_refs_free(struct gv__chain_ref *refs, size_t n);

/* What one new commit on a chain holds. */
struct gv__chain_commit {
	const char *ref;    /* refs/gavel/<part>/<actor> */
	const char *expect; /* the tip the caller read ("" = no ref yet) */
	const char *merge;  /* a second parent, or NULL */
	const char *ops;    /* the blob's bytes */
	size_t len;
	const char *name;        /* author and committer, written as
	                          * given; not empty */
	const char *email;       /* may be ""; neither may hold '<', '>'
	                          * or a control character (GV_EINVALID) */
	int64_t when;            /* seconds UTC */
	const char *message;     /* the commit message */
	const char *signing_key; /* ssh key file (private, or public with
	                          * the agent holding it), NULL: unsigned */
};

/*
 * Writes a commit whose tree is the one blob "ops", parent expect (and
 * merge), signed as git signs with gpg.format=ssh when signing_key is set,
 * and moves ref to it only if ref still points at expect (GV_ECONFLICT
 * otherwise; GV_EBUSY while another program holds the ref's lock). oid
 * gets the new commit's id. ops over GV__CHAIN_BLOB_MAX is GV_EINVALID.
 */
int gv__chain_append(char oid[GV__OID_HEX], struct gv__chain_repo *r,
                     const struct gv__chain_commit *c);

/*
 * Moves ref (a chain, or a remote's copy of one) to oid, a commit the
 * repository holds (after a fetch), only
 * if ref is still at expect ("" = no ref yet): GV_ECONFLICT otherwise,
 * as for gv__chain_append.
 */
int gv__chain_move(struct gv__chain_repo *r, const char *ref,
                   const char *expect, const char *oid);

/* One commit of a chain, as the walk hands it over (borrowed). */
struct gv__chain_link {
	const char *oid;
	const char *ops; /* the "ops" blob, not NUL-terminated */
	size_t len;
	const char *signature;   /* armored SSH signature, or NULL */
	const char *signed_data; /* the commit without its signature
	                          * (NULL when unsigned) */
	size_t signed_len;
	const char *email; /* the author's */
	int64_t when;
	size_t parents;
};

typedef int (*gv__chain_link_fn)(const struct gv__chain_link *link, void *ctx);

/*
 * Calls fn for each commit reachable from tip and not from stop ("" or
 * NULL: from the root), parents before children. A commit that is not a
 * chain commit (its tree is not one blob "ops", the blob is over
 * GV__CHAIN_BLOB_MAX, an object is missing, tip is not a commit) stops
 * the walk with GV_ECORRUPT and a message naming the commit; every
 * commit is checked before fn sees the first, so of a corrupt range fn
 * sees nothing. fn's own error (any non-zero value) stops it too. stop
 * missing from the repository is GV_ENOTFOUND.
 */
int gv__chain_walk(struct gv__chain_repo *r, const char *tip, const char *stop,
                   gv__chain_link_fn fn, void *ctx);

/* Whether ancestor is descendant or one of its ancestors (no, when the
 * repository lacks ancestor; GV_ENOTFOUND when it lacks descendant). */
int gv__chain_descends(int *yes, struct gv__chain_repo *r,
                       const char *descendant, const char *ancestor);

/* Objects and bytes a transfer moved. */
struct gv__chain_transfer {
	size_t objects;
	size_t bytes;
};

/*
 * Fetches every refs/gavel/... of url into refs/gavel-remotes/<remote>/...
 * (forced, and pruned: a ref gone from the remote goes here too). url is a
 * path, file://, ssh:// or scp-like user@host:path, or http(s)://;
 * credentials come from the ssh agent, or for http(s) from git's
 * credential helper (`git credential fill`). A remote that cannot be
 * reached is an error naming it and saying what to check (GV_ERROR,
 * GV_ENOTFOUND); one that will not let us in, or whose host key or
 * certificate is not trusted, is GV_EDENIED; a remote name that is not
 * one ref component of letters, digits, '-', '_' and '.' (not first),
 * or a URL of another kind, is GV_EINVALID. A password in the URL is
 * never repeated in a message.
 */
int gv__chain_fetch(struct gv__chain_transfer *stats, struct gv__chain_repo *r,
                    const char *remote, const char *url);

/*
 * A fetch from a folder keeps the objects it wrote in memory, up to
 * GV__CHAIN_KEEP_MAX bytes, for the walk that reads them next; the
 * next fetch, gv__chain_forget or gv__chain_free drops them. The walk
 * reads the same objects either way. gv__chain_kept: the bytes kept now;
 * gv__chain_keep_limit: drops them and sets the bound (for tests).
 */
#define GV__CHAIN_KEEP_MAX (32u << 20)
void gv__chain_forget(struct gv__chain_repo *r);
size_t gv__chain_kept(const struct gv__chain_repo *r);
void gv__chain_keep_limit(struct gv__chain_repo *r, size_t max);

/* Where fetches and pushes of r report how many objects went ("receiving
 * objects", "sending objects"); fn NULL: nowhere. */
void gv__chain_set_progress(struct gv__chain_repo *r, gv_progress_fn fn,
                            void *payload);

/* Whether name can name a remote and url is one gavel can reach, as
 * gv__chain_fetch would judge them (GV_EINVALID saying why). */
int gv__chain_remote_check(const char *name, const char *url);

/* Whether url is a plain path (not file://, ssh or http(s)). */
int gv__chain_url_is_path(const char *url);

/* url for messages and lists, a password in it hidden (owned). */
char *gv__chain_url_shown(const char *url);

/*
 * Pushes each local ref (refs/gavel/...) to the same name at url, never
 * forced: a remote ref that is not an ancestor of ours is GV_ECONFLICT
 * naming it, found before anything is sent; a ref the remote refuses
 * (its hooks, a writer in between) is GV_ECONFLICT naming it too. A ref
 * we do not have is GV_ENOTFOUND. Errors of reaching the remote as for
 * gv__chain_fetch.
 */
int gv__chain_push(struct gv__chain_transfer *stats, struct gv__chain_repo *r,
                   const char *url, const char *const *refs, size_t n);

/* gv__ssh_verify, which checks a link's signature, is declared in
 * core/ssh_sign.h with the signing it checks. */

#endif
