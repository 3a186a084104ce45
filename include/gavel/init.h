/* SPDX-License-Identifier: MIT */
/*
 * This file declares the process-wide set-up of the core's libraries
 * (libgit2), done once by each program (the command line, the tests).
 */
#ifndef GV_INIT_H
#define GV_INIT_H

/* Initialises the libraries (libgit2 itself starts on first use); 0 or
 * GV_ERROR. Call once, before anything. */
int gv_global_init(void);

/* Releases them; call once, at exit. */
void gv_global_shutdown(void);

#endif
