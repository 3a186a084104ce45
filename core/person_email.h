/* SPDX-License-Identifier: MIT */
/*
 * This file declares what core shares about people's e-mail addresses
 * (core/person_email.c): checking and folding an address, giving one to
 * a person inside the caller's transaction, and finding a person by name.
 */
#ifndef GV_CORE_PERSON_EMAIL_H
#define GV_CORE_PERSON_EMAIL_H

#include <stdint.h>

struct gv_db;

/* 0, or GV_EINVALID when email is not one address (name@example.org). */
int gv__email_check(const char *email);

/* The address as senders are looked up by: ASCII lower case (the domain
 * is case-blind, and no list treats the local part otherwise). Caller
 * frees. */
char *gv__email_fold(const char *email);

/*
 * Gives person the address email, in the caller's transaction. An address
 * belongs to one person: one already theirs or another's is GV_EEXISTS
 * naming whose. Returns 0, GV_EINVALID or GV_EEXISTS.
 */
int gv__person_email_put(struct gv_db *db, int64_t person, const char *email);

/*
 * The id of the one person named name (with the organisation org now,
 * when not NULL), else GV_ENOTFOUND or GV_ECONFLICT saying how to tell
 * namesakes apart (hint: "--org", or "Name (Organisation)").
 */
int gv__person_find(int64_t *id, struct gv_db *db, const char *name,
                    const char *org, const char *hint);

#endif
