/* SPDX-License-Identifier: MIT */
/*
 * This file declares sync as the front ends see it: who this copy's
 * operations are by, the remotes a working group shares its log through,
 * one sync with them, and what it left to settle.
 *
 * Each member's operations travel as a chain of git commits under
 * refs/gavel/<body>/<actor>, one ref per actor, kept in a bare repository
 * beside the database (<database>.git) and pushed to every remote.
 */
#ifndef GV_SYNC_H
#define GV_SYNC_H

#include <stddef.h>
#include <stdint.h>

struct gv_db;

/*
 * Who this copy's operations are by: name if set (GAVEL_USER), else the
 * user set with gv_config_user, else the roster's person whose email is
 * git's user.email, else fallback ($USER). Copied; resolved when the
 * first operation is recorded.
 */
void gv_db_set_actor_fallback(struct gv_db *db, const char *fallback);

/* The actor the next operation will be recorded as. */
const char *gv_db_actor(struct gv_db *db);

/*
 * Sets this copy's user, a person of the roster (by name, any case), and
 * records as theirs what was recorded here before and not yet sent.
 */
int gv_config_user(struct gv_db *db, const char *name);

/* The SSH key file sync signs with (NULL: git's user.signingkey). */
int gv_config_signing_key(struct gv_db *db, const char *path);

/* A setting of this copy ("user", "signing-key"), or NULL (owned). */
int gv_config_get(char **out, struct gv_db *db, const char *key);

/*
 * Gives person a role in body: "chair", "vice-chair", "secretary",
 * "member", or "none" to take it away. The chair's act once a body has
 * roles; the first role of a body anyone may give.
 */
int gv_body_role(struct gv_db *db, const char *body, const char *person,
                 const char *role, int64_t at);

struct gv_role {
	char *person, *role;
	int64_t since;
};
int gv_body_roles(struct gv_role **out, size_t *n, struct gv_db *db,
                  const char *body);
void gv_roles_free(struct gv_role *roles, size_t n);

/* A remote as gavel sync knows it. */
struct gv_remote {
	char *name;
	char *url;         /* a password in it hidden */
	int64_t added_at;  /* seconds UTC */
	int64_t synced_at; /* -1: never */
	int64_t ops_in, ops_out;
	int64_t conflicts; /* operations from it not applied */
	char *error;       /* why the last sync with it failed, or NULL */
};

/* Adds a remote: a path, file://, ssh:// or user@host:path, https://. */
int gv_remote_add(struct gv_db *db, const char *name, const char *url);
int gv_remote_remove(struct gv_db *db, const char *name);
/* The remotes (name NULL) or one. */
int gv_remote_list(struct gv_remote **out, size_t *n, struct gv_db *db,
                   const char *name);
void gv_remote_list_free(struct gv_remote *r, size_t n);

/* What one sync did. */
struct gv_sync_report {
	size_t packed;            /* this copy's operations put in chains */
	size_t held;              /* this copy's operations kept back: their
	                           * actor is no person of the roster */
	size_t ops_in, ops_out;   /* operations received, sent */
	size_t ops_local;         /* read back from this copy's own chains
	                           * (a database made again beside them) */
	size_t applied, same;     /* of those received or read back */
	size_t conflicts, denied; /* kept, not applied */
	size_t unknown;           /* kept for a newer gavel */
	int replayed;             /* the whole log was applied again */
	char **notes;             /* one line each: what was refused, not
	                           * applied or could not be reached */
	size_t nnotes;
	size_t failed_remotes;
};

/*
 * Syncs with one remote (name) or every one: puts this copy's new
 * operations in its chains, fetches every chain of the remote, applies the
 * operations it had not seen in the log's one order, and pushes. Run
 * again after any interruption: nothing is lost or applied twice. A
 * remote that cannot be reached is a note, and GV_ERROR when no remote
 * could be synced.
 */
int gv_sync(struct gv_sync_report *r, struct gv_db *db, const char *name);
void gv_sync_report_dispose(struct gv_sync_report *r);

/* Sync's state for the dashboard. */
struct gv_sync_state {
	size_t remotes;
	int64_t synced_at; /* the latest of any remote, -1: never */
	int64_t ops_in, ops_out;
	size_t unsent;    /* operations not sent yet */
	size_t held;      /* of those, kept here until the user is chosen */
	size_t conflicts; /* operations kept but not applied */
	int failing;      /* a remote's last sync failed */
};
int gv_sync_state(struct gv_sync_state *s, struct gv_db *db);

/* An operation kept in the log but not applied. */
struct gv_conflict {
	char *id, *actor, *part, *kind;
	char *status; /* "conflict", "denied" or "unknown" */
	char *reason;
	char *source; /* "local" or the remote it came from */
	int64_t lamport, at;
};
int gv_conflicts(struct gv_conflict **out, size_t *n, struct gv_db *db);
void gv_conflicts_free(struct gv_conflict *c, size_t n);

/* The state and the remotes as `gavel sync --status --format json`
 * prints them, and the conflicts as `--conflicts --format json` does. */
int gv_view_sync_json(char **out, const struct gv_sync_state *state,
                      const struct gv_remote *remotes, size_t n);
int gv_view_conflicts_json(char **out, const struct gv_conflict *c, size_t n);

#endif
