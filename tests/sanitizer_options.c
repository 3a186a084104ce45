/* SPDX-License-Identifier: MIT */
/*
 * This file gives the test runner's own defaults to AddressSanitizer and
 * LeakSanitizer (`make asan`; ignored by other builds). libgit2, linked
 * statically without frame pointers, loses memory on two error paths the
 * tests take on purpose (tests/lsan.supp names them); whether
 * LeakSanitizer sees it depends on stale stack words, so any change of
 * layout can make it appear. Suppressing it needs the whole stack of each
 * allocation, which the fast unwinder cannot walk through libgit2's
 * frames: so this process, where libgit2 runs in the tests, unwinds
 * slowly. The gavel processes the tests start keep the defaults.
 */
const char *__asan_default_options(void);
const char *__lsan_default_options(void);

const char *
__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0";
}

const char *
__lsan_default_options(void)
{
	/* The runner works in the source folder (t_fixture). */
	return "suppressions=tests/lsan.supp:print_suppressions=0";
}
