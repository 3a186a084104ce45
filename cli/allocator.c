/* SPDX-License-Identifier: MIT */
/*
 * This file implements how the gavel process asks for its memory: with
 * mimalloc (the Makefile says why), from pages of 2 MiB where the kernel
 * gives them.
 *
 * Every 4 KiB page a process touches first costs a page fault; a sync of
 * 10,000 operations touches 65 MB, and its 16,700 faults were a tenth of
 * its CPU time on a virtual machine, where each fault is dearer. mimalloc
 * asks for transparent huge pages on its segments (madvise MADV_HUGEPAGE;
 * Debian's kernels grant them where asked) when this option is on. CPU
 * time of such syncs, median of five (bench/README.md): 0.515 -> 0.398 s
 * with 9 chains, 0.583 -> 0.435 s with a commit per 10 operations, 0.82
 * -> 0.71 s with a commit per operation; the peak 3 to 6 MB higher, and
 * small commands about 3 MB higher and no slower. A person who wants the
 * small pages back sets MIMALLOC_LARGE_OS_PAGES=0, which mimalloc reads
 * itself and this leaves alone. Builds with a sanitizer keep its
 * allocator, and this does nothing there.
 */
#include <stdlib.h>

#include "cli.h"

#ifdef GV_MIMALLOC
#include <mimalloc.h>
#endif

void
cli_allocator_setup(void)
{
#ifdef GV_MIMALLOC
	if (!getenv("MIMALLOC_LARGE_OS_PAGES"))
		mi_option_enable(mi_option_large_os_pages);
#endif
}
