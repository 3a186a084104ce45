/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the sync files share: one sync's state, the
 * names of chains, and its steps (core/sync_pack.c puts this copy's
 * operations in chains, core/sync_ingest.c reads chains into the log,
 * core/sync.c runs them with each remote).
 */
#ifndef GV_CORE_SYNC_H
#define GV_CORE_SYNC_H

#include <stddef.h>

#include "git_chain.h"

struct gv_db;
struct gv_sync_report;

struct gv__sync {
	struct gv_db *db;
	struct gv__chain_repo *repo;
	struct gv_sync_report *report;
	const char *me; /* this copy's actor */
};

/* The issues gavel numbered, by the operation that added each, with
 * the name each has: read before a sync applies the whole log again. */
struct gv__numbers {
	struct {
		char *made, *name, *title; /* its issue.add; "SMCWG#264" */
	} * v;
	size_t n;
};
int gv__numbers_read(struct gv__numbers *o, struct gv_db *db);
/* Adds a note to r for each issue of was whose name changed since. */
int gv__numbers_report(const struct gv__numbers *was, struct gv_db *db,
                       struct gv_sync_report *r);
void gv__numbers_dispose(struct gv__numbers *o);

/* Adds one line to the report (taken over). */
void gv__sync_note(struct gv_sync_report *r, char *line);

/* The ref component that names an actor: lower case, one '-' for any
 * run of other characters (owned). */
char *gv__actor_slug(const char *actor);

/* refs/gavel/<part>/<actor's slug> (owned). */
char *gv__chain_ref_of(const char *part, const char *actor);

/*
 * Whether this copy's operations by actor in part stay here for now: the
 * body has roles (a group's record) and actor is no person of the roster
 * (what a copy records before it knows its user).
 */
int gv__sync_held(int *yes, struct gv_db *db, const char *actor,
                  const char *part);

/* The bare repository beside the database (owned). */
char *gv__sync_repo_path(const struct gv_db *db);

/*
 * Reads into the log what the local chains hold beyond what it has seen
 * (after an interruption, or a database restored from a copy), then puts
 * this copy's unsent operations in its chains, one commit per chain.
 */
int gv__sync_pack(struct gv__sync *s);

/*
 * Reads every chain fetched from remote (refs/gavel-remotes/<remote>/),
 * checks each commit, records and applies the operations the log lacks
 * in one transaction, and moves the local chains forward. *in counts the
 * operations recorded.
 */
int gv__sync_ingest(size_t *in, struct gv__sync *s, const char *remote);

/* Reads what the local chains hold beyond what the log has seen (a
 * commit written before the log marked it, or a database made again
 * beside its chains) into the log, in one batch (source "local"). */
int gv__sync_ingest_local(size_t *in, struct gv__sync *s);

#endif
