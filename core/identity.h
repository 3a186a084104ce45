/* SPDX-License-Identifier: MIT */
/*
 * This file declares what sync reads of this copy's identity
 * (core/identity.c); gavel/sync.h has the rest.
 */
#ifndef GV_CORE_IDENTITY_H
#define GV_CORE_IDENTITY_H

struct gv_db;

/* The SSH key this copy signs with: `gavel config signing-key`, else
 * git's user.signingkey when gpg.format is ssh, else NULL (owned). */
int gv__signing_key(char **out, struct gv_db *db);

/* The roster's spelling of name, or NULL when no one, or more than one
 * person, has it (*count says which). Owned. */
int gv__person_named(char **out, int *count, struct gv_db *db,
                     const char *name);

#endif
