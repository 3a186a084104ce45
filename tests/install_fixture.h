/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the install and package tests share: running
 * make in the source folder on the build under test, and the list of
 * files an installation of gavel must hold.
 */
#ifndef GV_TEST_INSTALL_FIXTURE_H
#define GV_TEST_INSTALL_FIXTURE_H

/* The build folder (make's BUILD) and program (BIN) under test:
 * $GAVEL_BUILD and $GAVEL_BIN, which make check sets. */
const char *t_build_dir(void);
const char *t_gavel_bin(void);

/*
 * Runs `make ARGS` in the source folder on the build under test, without
 * the MAKEFLAGS of a make that runs the tests (its -j, make asan's
 * CFLAGS). Its output, or NULL after failing the test.
 */
char *t_make(const char *args);

/*
 * The files an installation under prefix ("usr/local") must hold, sorted
 * as C sorts, one path a line: the program, its man page (man_suffix:
 * ".gz" once Debian compressed it), the completions for bash, for zsh in
 * zsh_dir, for fish, every template of templates/, and the paths of extra
 * (NULL-terminated, may be NULL). Kept until the test ends.
 */
char *t_installed_files(const char *prefix, const char *zsh_dir,
                        const char *man_suffix, const char *const *extra);

/* Every file under dir, relative, sorted as C sorts. */
char *t_files_under(const char *dir);

#endif
