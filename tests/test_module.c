/* SPDX-License-Identifier: MIT */
/*
 * This file tests gavel's modules (core/module.h) as the binary uses
 * them: gavel itself is linked with neither libical nor GMime, loads
 * each module from beside itself when a command needs it, and names a
 * module it cannot load, changing nothing. (This runner has the modules
 * linked in, so only ./gavel loads the files.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#if defined(__SANITIZE_ADDRESS__)
#define ASAN_BUILD 1
#else
#define ASAN_BUILD 0
#endif

/* The NEEDED entries of a file (readelf -d), or NULL. */
static const char *
needed(const char *path)
{
	char cmd[4400];

	snprintf(cmd, sizeof(cmd), "readelf -d '%s' | grep NEEDED", path);
	return t_shell_output(cmd);
}

/* The path of file beside $GAVEL_BIN. */
static const char *
beside(const char *file)
{
	const char *bin = getenv("GAVEL_BIN"), *slash = strrchr(bin, '/');
	static char path[4200];

	snprintf(path, sizeof(path), "%.*s%s",
	         slash ? (int)(slash + 1 - bin) : 0, bin, file);
	return path;
}

static void
gavel_links_neither_library(void)
{
	const char *bin = needed(getenv("GAVEL_BIN")), *ical, *mail;

	if (!bin) {
		t_skip("readelf not found");
		return;
	}
	T_ASSERT(!strstr(bin, "libical") && !strstr(bin, "libicu"));
	T_ASSERT(!strstr(bin, "libgmime") && !strstr(bin, "libglib"));
	T_ASSERT(!strstr(bin, "libsqlite3") && !strstr(bin, "libcmark"));
	T_ASSERT((ical = needed(beside("gavel-ical.so"))) != NULL);
	T_CONTAINS(ical, "libical.so");
	T_ASSERT((mail = needed(beside("gavel-mail.so"))) != NULL);
	T_CONTAINS(mail, "libgmime-3.0.so");
}

/*
 * gavel allocates with mimalloc (the Makefile says why): every malloc
 * and free of the process, the C library's own and those of the modules
 * it loads, binds to it, as the loader reports. A build with ASan keeps
 * the sanitizer's allocator, and links no other.
 */
static void
malloc_is_mimalloc(void)
{
	const char *bin = needed(getenv("GAVEL_BIN")), *out, *line, *end;
	char cmd[4400];
	int bindings = 0;

	if (!bin) {
		t_skip("readelf not found");
		return;
	}
	if (ASAN_BUILD) {
		T_ASSERT(!strstr(bin, "libmimalloc"));
		return;
	}
	T_CONTAINS(bin, "libmimalloc.so");
	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && LD_DEBUG=bindings '%s' --db d.db init --demo"
	         " 2>&1 >/dev/null | grep -E \"normal symbol .(malloc|free)'\"",
	         t_tmpdir(), getenv("GAVEL_BIN"));
	T_ASSERT((out = t_shell_output(cmd)) != NULL);
	/* "binding file A [0] to B [0]: normal symbol `malloc'" */
	for (line = out; (end = strchr(line, '\n')); line = end + 1) {
		const char *to = strstr(line, " to "),
		           *lib = to ? strstr(to, "/libmimalloc.so") : NULL;

		T_ASSERT(lib && lib < end && strchr(to, ':') > lib);
		bindings++;
	}
	/* gavel, the C library, and libical's module at least. */
	T_ASSERT(bindings >= 6);
	T_CONTAINS(out, "gavel-ical.so");
}

/*
 * mimalloc asks the kernel for huge pages on gavel's heap (cli/allocator.c
 * says why), as strace sees: madvise(MADV_HUGEPAGE) on its segments,
 * after a MAP_HUGETLB the kernel may refuse. MIMALLOC_LARGE_OS_PAGES=0
 * keeps the small pages, and an ASan build asks for none.
 */
static void
heap_asks_for_huge_pages(void)
{
	const char *out;
	char cmd[4400];
	int asked = -1, asked_off = -1;

	snprintf(cmd, sizeof(cmd),
	         "command -v strace >/dev/null || { echo no strace; exit; }; "
	         "cd '%s' && huge() { rm -f d.db; strace -f -e "
	         "trace=madvise,mmap '%s' --db d.db init --demo 2>&1 "
	         ">/dev/null | grep -c -E 'MADV_HUGEPAGE\\) = 0|"
	         "MAP_HUGETLB.*= 0x'; }; huge; MIMALLOC_LARGE_OS_PAGES=0 huge; "
	         "true",
	         t_tmpdir(), getenv("GAVEL_BIN"));
	T_ASSERT((out = t_shell_output(cmd)) != NULL);
	if (!strcmp(out, "no strace\n")) {
		t_skip("strace not found");
		return;
	}
	T_ASSERT(sscanf(out, "%d %d", &asked, &asked_off) == 2);
	T_ASSERT(ASAN_BUILD ? asked == 0 : asked > 0);
	T_ASSERT(asked_off == 0);
}

/*
 * A copy of gavel beside a gavel-ical.so that is no shared object: the
 * demo's body has a zone, so init --demo needs the module, and says
 * which file to put back, leaving no database behind.
 */
static void
broken_module_is_named(void)
{
	char cmd[8800];
	const char *out;

	t_write_file("gavel-ical.so", "not a shared object\n");
	snprintf(
	        cmd, sizeof(cmd),
	        "cp '%s' '%s' && cd '%s' && ./gavel --db d.db init --demo "
	        "2>&1; echo \"status $?\"; if test -e d.db; then echo left; fi",
	        getenv("GAVEL_BIN"), t_path("gavel"), t_tmpdir());
	T_ASSERT((out = t_shell_output(cmd)) != NULL);
	T_CONTAINS(out, "gavel: cannot load gavel-ical.so, which time zones "
	                "and calendars need: ");
	T_CONTAINS(out, "status 1\n");
	T_ASSERT(!strstr(out, "left"));
}

/*
 * A sync by a copy of gavel that cannot load gavel-ical.so: applying
 * another member's operations reads no wall clock (a body's zone is held
 * to its name's form there, core/zone.c), so the record comes whole; a
 * meeting read in the body's zone then needs the module, says so, and
 * records nothing.
 */
static void
sync_needs_no_module(void)
{
	const char *bin = getenv("GAVEL_BIN"), *out;
	char cmd[16384];

	t_write_file("gavel-ical.so", "not a shared object\n");
	snprintf(
	        cmd, sizeof(cmd),
	        "cd '%s' && G='%s' && git init -q --bare r.git &&"
	        " $G --db src.db init >/dev/null &&"
	        " $G --db src.db body add WG --name 'Working Group'"
	        " --tz Europe/Berlin >/dev/null &&"
	        " $G --db src.db remote add origin r.git >/dev/null &&"
	        " $G --db src.db sync >/dev/null && cp \"$G\" gavel &&"
	        " ./gavel --db e.db init >/dev/null &&"
	        " ./gavel --db e.db remote add origin r.git >/dev/null;"
	        " ./gavel --db e.db sync 2>&1; echo \"status $?\";"
	        " test \"$($G --db e.db digest)\" = \"$($G --db src.db "
	        "digest)\" && echo same;"
	        " ./gavel --db e.db meeting add WG '2025-01-29 11:00' 2>&1;"
	        " echo \"status $?\";"
	        " echo \"ops $(sqlite3 e.db 'SELECT count(*) FROM op')\"; true",
	        t_tmpdir(), bin);
	T_ASSERT((out = t_shell_output(cmd)) != NULL);
	T_CONTAINS(out, "received 1 (1 applied, 0 same as one before, 0 in "
	                "conflict,");
	T_CONTAINS(out, "status 0\nsame\n");
	T_CONTAINS(out, "gavel: cannot load gavel-ical.so, which time zones "
	                "and calendars need: ");
	T_CONTAINS(out, "status 1\nops 1\n");
}

const struct t_case module_tests[] = {
        {"gavel_links_neither_library", gavel_links_neither_library},
        {"malloc_is_mimalloc", malloc_is_mimalloc},
        {"heap_asks_for_huge_pages", heap_asks_for_huge_pages},
        {"broken_module_is_named", broken_module_is_named},
        {"sync_needs_no_module", sync_needs_no_module},
        {NULL, NULL},
};
