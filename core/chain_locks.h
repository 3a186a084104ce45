/* SPDX-License-Identifier: MIT */
/*
 * This file declares clearing the stale ref locks an interrupted sync
 * left (core/chain_locks.c).
 */
#ifndef GV_CORE_CHAIN_LOCKS_H
#define GV_CORE_CHAIN_LOCKS_H

/* Removes the ref locks (refs/.../NAME.lock, packed-refs.lock) under the
 * git folder gitdir that are older than a few seconds. */
void gv__chain_clear_stale_locks(const char *gitdir);

#endif
