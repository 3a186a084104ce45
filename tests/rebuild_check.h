/* SPDX-License-Identifier: MIT */
/*
 * This file declares the harness's check that every database a test
 * leaves rebuilds from its operation log to what was written live.
 */
#ifndef GV_TESTS_REBUILD_CHECK_H
#define GV_TESTS_REBUILD_CHECK_H

/* Checks every *.db in dir (the test's folder); fails the running test
 * on the first difference. */
void t_rebuild_check(const char *dir);

/* Prints how many databases and operations were checked (none: nothing). */
void t_rebuild_summary(void);

#endif
