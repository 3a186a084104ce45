/* SPDX-License-Identifier: MIT */
/*
 * This file is the redline benchmark's driver. "redline-bench generate
 * DIR [SCALE]" writes a synthetic guideline of about SCALE MB (1 unless
 * given; numbered sections, one paragraph per line, pipe tables) as
 * DIR/base.md and the same with 500 scattered one-word edits per MB as
 * DIR/head.md. "redline-bench memory REPO
 * RANGE" builds and writes the plain redline of RANGE in REPO and prints
 * the peak resident memory in kilobytes; "redline-bench time REPO RANGE"
 * prints the best of ten in-process builds and writes, in seconds (the
 * redline's own cost, without starting a process and libgit2).
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "gavel/gavel.h"
#include "gavel/redline.h"
#include "clock.h"

#define PARAGRAPHS 2400
#define EDITS      500

static const char *const words[] = {
        "the",        "CA",          "SHALL",      "verify",       "each",
        "Mailbox",    "Address",     "before",     "issuing",      "a",
        "Subscriber", "Certificate", "and",        "record",       "method",
        "used",       "for",         "validation", "within",       "days",
        "of",         "request",     "MAY",        "rely",         "on",
        "evidence",   "obtained",    "from",       "Registration", "Authority",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

/* Writes the document, scale times PARAGRAPHS long; with edits, every
 * (PARAGRAPHS / EDITS)th paragraph has one word changed. */
static int
write_doc(const char *path, int edits, int scale)
{
	FILE *f = fopen(path, "w");
	unsigned seed = 12345;
	int p, w, len;

	if (!f)
		return -1;
	fputs("---\ntitle: Synthetic guideline\n---\n\n", f);
	for (p = 0; p < PARAGRAPHS * scale; p++) {
		if (p % 40 == 0)
			fprintf(f, "## %d.%d Section %d\n\n", p / 400 + 1,
			        p / 40 % 10 + 1, p / 40);
		if (p % 97 == 5) {
			fprintf(f, "| Row %d | value %d | note |\n\n", p,
			        p * 7);
			continue;
		}
		len = 40 + (int)(seed % 120);
		for (w = 0; w < len; w++) {
			seed = seed * 1103515245u + 12345u;
			if (edits && p % (PARAGRAPHS / EDITS) == 0 &&
			    w == len / 2)
				fputs("amended", f);
			else
				fputs(words[(seed >> 16) % NWORDS], f);
			fputc(w + 1 < len ? ' ' : '.', f);
		}
		fputs("\n\n", f);
	}
	return fclose(f);
}

/* Builds and writes one plain redline. */
static int
redline_once(const struct gv_redline_opts *o)
{
	struct gv_redline *r = NULL;
	char *out = NULL;
	int error;

	if ((error = gv_redline_build(&r, o)) == 0)
		error = gv_redline_write(&out, NULL, r, GV_REDLINE_PLAIN, 0);
	free(out);
	gv_redline_free(r);
	return error;
}

int
main(int argc, char **argv)
{
	char path[4096];

	if ((argc == 3 || argc == 4) && !strcmp(argv[1], "generate")) {
		int scale = argc == 4 ? atoi(argv[3]) : 1;

		if (scale < 1)
			return 2;
		snprintf(path, sizeof(path), "%s/base.md", argv[2]);
		if (write_doc(path, 0, scale) < 0)
			return 1;
		snprintf(path, sizeof(path), "%s/head.md", argv[2]);
		return write_doc(path, 1, scale) < 0;
	}
	if (argc == 4 &&
	    (!strcmp(argv[1], "memory") || !strcmp(argv[1], "time"))) {
		struct gv_redline_opts o = {argv[2], argv[3], NULL, NULL, 0};
		double best = 1e9, t;
		struct rusage ru;
		int i, runs = strcmp(argv[1], "time") ? 1 : 10;

		gv_global_init();
		for (i = 0; i < runs; i++) {
			t = bench_now();
			if (redline_once(&o) < 0) {
				fprintf(stderr, "%s\n",
				        gv_error_last()->message);
				return 1;
			}
			if ((t = bench_now() - t) < best)
				best = t;
		}
		gv_global_shutdown();
		getrusage(RUSAGE_SELF, &ru);
		if (runs == 1)
			printf("%ld\n", ru.ru_maxrss);
		else
			printf("%.4f\n", best);
		return 0;
	}
	fprintf(stderr, "usage: redline-bench generate DIR [SCALE] | memory "
	                "REPO RANGE | time REPO RANGE\n");
	return 2;
}
