/* SPDX-License-Identifier: MIT */
/*
 * This file declares running a helper program the way sync needs it
 * (ssh-keygen, git credential): no shell, bytes on its standard input,
 * its standard output and error read back whole.
 */
#ifndef GV_CORE_SUBPROCESS_H
#define GV_CORE_SUBPROCESS_H

#include <stddef.h>

#include "gavel/error.h"

/* What a program printed and how it ended. */
struct gv__subprocess {
	char *out; /* standard output, NUL-terminated, owned */
	size_t out_len;
	char *err; /* standard error, NUL-terminated, owned */
	size_t err_len;
	int status; /* exit status, or 128 + the signal that ended it */
};

/*
 * Runs argv[0] (looked up in PATH) with argv, no shell, in this process's
 * environment, with len bytes of input on its standard input, and waits
 * for it. Its output beyond GV__SUBPROCESS_OUT_MAX per stream is dropped.
 * Returns 0 whatever its exit status (read it in out->status);
 * GV_ENOTFOUND when the program cannot be started ("cannot run NAME:
 * why: hint", hint saying what to install). Dispose of out with
 * gv__subprocess_dispose (on success only).
 */
int gv__subprocess_run(struct gv__subprocess *out, enum gv_error_class klass,
                       const char *hint, const char *const *argv,
                       const char *input, size_t len);
void gv__subprocess_dispose(struct gv__subprocess *r);

#define GV__SUBPROCESS_OUT_MAX ((size_t)1 << 20)

/*
 * The first line of text, with control characters (and anything that is
 * not printable ASCII or UTF-8) replaced by '?', trimmed, at most 200
 * bytes; fallback when that leaves nothing. Caller frees.
 */
char *gv__subprocess_line(const char *text, const char *fallback);

#endif
