/* SPDX-License-Identifier: MIT */
/*
 * This file declares a walk over every command the gavel binary lists:
 * the commands of `gavel --help`, the subcommands each group's --help
 * lists, down to each command's usage line. Tests of what documents or
 * completes the commands take their list from here, so a command added
 * to the binary is checked without a test naming it.
 */
#ifndef GV_TEST_HELP_WALK_H
#define GV_TEST_HELP_WALK_H

/*
 * Calls fn for every command: words is "ballot vote" (the words after
 * "gavel"), usage its usage line without "usage: " when its --help
 * prints one, or NULL for a group or a command whose --help does not.
 * Returns how many commands it visited, or -1 when `gavel --help` lists
 * none (the running test has failed then).
 */
int t_help_walk(void (*fn)(const char *words, const char *usage, void *arg),
                void *arg);

#endif
