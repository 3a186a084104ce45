/* SPDX-License-Identifier: MIT */
/*
 * This file declares the check that an operation's actor holds a role
 * that allows it (core/op.h's enum gv__may).
 */
#ifndef GV_CORE_ROLE_CHECK_H
#define GV_CORE_ROLE_CHECK_H

struct gv_db;
struct gv__op;

/*
 * 0 when op's actor may record it: its body has no roles yet (one
 * person's database), or the actor's role there allows the kind. An
 * operation of no body needs the role in any body. GV_EDENIED otherwise,
 * naming the actor, their role and who may.
 */
int gv__role_allows(struct gv_db *db, const struct gv__op *op);

/* Whether part's body (any body for an operation of no body) has any
 * role: a group's, not one person's. */
int gv__roles_in(int *yes, struct gv_db *db, const char *part);

#endif
