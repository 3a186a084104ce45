/* SPDX-License-Identifier: MIT */
/*
 * This file declares how the core tells the program that long work is
 * under way: a callback the program sets, which the core calls as often
 * as it likes. The core never prints; what to show, where and how often
 * is the program's choice (the command line shows a line on a terminal's
 * stderr, at most ten times a second, and nothing in a pipe).
 */
#ifndef GV_PROGRESS_H
#define GV_PROGRESS_H

#include <stddef.h>

/*
 * what says what is being done, as a phrase ("importing issues",
 * "receiving objects"): a constant, valid during the call only. done of
 * total units are finished; total is 0 when it is not known yet. A phase
 * ends with done == total.
 */
typedef void (*gv_progress_fn)(const char *what, size_t done, size_t total,
                               void *payload);

#endif
