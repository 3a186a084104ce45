/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the screen's tests share: a working group in
 * January 2025 built by commands (ballots in every stage, meetings with
 * minutes, members with representatives, a guideline in git), and gavel
 * run in tmux as a person runs it: keys in, the pane captured.
 */
#ifndef GV_TEST_SCREEN_FIXTURE_H
#define GV_TEST_SCREEN_FIXTURE_H

#include <stddef.h>

/* The fixture's clock and acting member. */
#define SCR_NOW  "2025-01-20 17:00"
#define SCR_USER "Alice Archer"

/*
 * SMCWG (America/New_York, a call every other Wednesday) in the test's
 * g.db as of SCR_NOW: SMC011 under IPR review, SMC012 in voting, SMC013
 * in discussion (its text a range of guideline/, with a review note on
 * line 18), SMC014 a draft with one endorsement; meetings 1, 2 and 4
 * held (minutes approved, approved, draft), 3 cancelled, 5 the next
 * call; four issues. The same on every run (fixed clocks, fixed commit
 * ids). 0, or -1 with the test failed.
 */
int scr_group(void);

/*
 * Starts `gavel ARGS` on the test's g.db (at clock now, acting as user)
 * in a tmux session of cols x rows named t on a server of its own (its
 * name in sock); env is more "NAME=value" words for gavel's environment
 * (TERM=xterm-256color unless env sets it), args what follows gavel.
 * The shell then prints "gavel-exited-STATUS". 0, or -1 with the test
 * skipped (no tmux) or failed.
 */
int scr_start(char *sock, size_t n, const char *name, int cols, int rows,
              const char *env, const char *args);

/* The pane as text (escapes: with its colours and attributes), or NULL. */
const char *scr_capture(const char *sock, int escapes);

/*
 * The pane once it shows want, polled for 5 s; on timeout the test fails
 * (at the caller's line) with what the pane showed, and NULL comes back,
 * so a check that follows cannot pass on a screen that never came.
 */
#define PANE_UNTIL(sock, want) scr_wait(__FILE__, __LINE__, sock, want, 0)
/* The same, once two captures in a row are equal too (drawn whole). */
#define PANE_STILL(sock, want) scr_wait(__FILE__, __LINE__, sock, want, 1)
const char *scr_wait(const char *file, int line, const char *sock,
                     const char *want, int still);

/* The environment of a run without a terminal (GV_NO_DISPLAY): the
 * test's g.db at clock now acting as user, the keys of the file script
 * (GV_SCRIPT), a screen of size ("100x30"), no colours. Valid until the
 * next call. */
const char *const *scr_headless(const char *now, const char *user,
                                const char *script, const char *size);

/* Keys as tmux send-keys takes them ("j", "Enter", "'two words'"). */
void scr_keys(const char *sock, const char *keys);

/* tmux -L sock ARGS; its exit status. */
int scr_tmux(const char *sock, const char *args);

/* Quits gavel with Q and ends the tmux server; 0 once gavel exited 0. */
int scr_quit(const char *sock);

/* Waits ms milliseconds. */
void scr_pause(long ms);

#endif
