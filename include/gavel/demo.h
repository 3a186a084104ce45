/* SPDX-License-Identifier: MIT */
/*
 * This file declares the demo working group: data that `gavel init --demo`
 * loads (templates/demo.json, compiled into the binary), as recorded or
 * placed at the clock's week (`--today`, templates/demo-today.json).
 */
#ifndef GV_DEMO_H
#define GV_DEMO_H

#include <stddef.h>

struct gv_db;

/*
 * Loads a demo document (JSON, as templates/demo.json) into db in one
 * transaction; data NULL loads the built-in demo. Returns 0, or the error
 * of the first entry that failed (nothing is kept then).
 */
int gv_demo_load(struct gv_db *db, const char *data, size_t size);

/*
 * Loads the built-in demo placed at the clock (gv_db_now): every date of
 * demo.json moved by whole weeks so the clock falls in the live week
 * demo-today.json names (weekdays, wall clocks and business days stay as
 * recorded), with demo-today.json's made-up ballots put through the
 * lifecycle, so that whatever the day one ballot is in discussion, one in
 * voting and one in IPR review, a call is ahead and issues are open. What
 * would be dated after the clock is left out. One transaction; returns 0
 * or the error of the first step that failed.
 */
int gv_demo_load_today(struct gv_db *db);

/*
 * Pins the demo ballot (SMC010) to its text in the git repository at dir:
 * the range Ballot_SMC09..Ballot_SMC010. With write, first writes the
 * demo's own guideline repository there (templates/demo-guideline.json,
 * fixed identity and clock); without, dir is a clone of cabforum/smime,
 * whose tags have the same names.
 */
int gv_demo_guideline(struct gv_db *db, const char *dir, int write);

#endif
