/* SPDX-License-Identifier: MIT */
/*
 * This file declares what every harness of tests/fuzz/ defines, libFuzzer's
 * entry point, and the little they share. Each fuzz_<name>.c is linked
 * twice: with libFuzzer for `make fuzz` (clang), and with replay.c for
 * `make check` (any compiler), which feeds it its seeds and past crashes.
 */
#ifndef GV_FUZZ_H
#define GV_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs one input; returns 0. A finding aborts (or a sanitizer reports). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of the input, for the parsers of C strings (an
 * embedded NUL ends the string there, as it would in argv). */
static inline char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static inline void
fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: promise broken: %s\n", file, line, what);
	abort();
}

/* A property the code promises did not hold: a finding, like a crash. */
#define FUZZ_CHECK(cond)                                                       \
	do {                                                                   \
		if (!(cond))                                                   \
			fuzz_fail(__FILE__, __LINE__, #cond);                  \
	} while (0)

#endif
