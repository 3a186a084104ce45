/* SPDX-License-Identifier: MIT */
/*
 * This file implements the progress line of long work (issue 20): an
 * import of many files or issues, a sync, a large redline. It is drawn on
 * stderr only when stderr is a terminal, at most ten times a second, and
 * erased when the work is done, so a pipe, a log file or a cron mail
 * never sees it (git's habit with its "Receiving objects" line).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* One line, redrawn in place with a carriage return. */
static struct {
	int checked, tty;      /* isatty(2), asked once */
	size_t width;          /* columns the line covers now; 0: none */
	struct timespec drawn; /* when it was last drawn */
	int ever;              /* drawn at least once */
} line;

#define PROGRESS_INTERVAL_MS 100 /* at most ten updates a second */

static long
ms_since(const struct timespec *then, const struct timespec *now)
{
	return (long)(now->tv_sec - then->tv_sec) * 1000 +
	       (now->tv_nsec - then->tv_nsec) / 1000000;
}

void
cli_progress_clear(void)
{
	if (!line.width)
		return;
	fprintf(stderr, "\r%*s\r", (int)line.width, "");
	fflush(stderr);
	line.width = 0;
}

void
cli_progress(const char *what, size_t done, size_t total, void *payload)
{
	struct timespec now;
	char text[160];
	size_t n, cols;

	(void)payload;
	if (!line.checked) {
		line.checked = 1;
		line.tty = isatty(STDERR_FILENO);
	}
	if (!line.tty)
		return;
	/* A phase that ends takes its line with it. */
	if (done == total) {
		cli_progress_clear();
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (line.ever && ms_since(&line.drawn, &now) < PROGRESS_INTERVAL_MS)
		return;
	if (total)
		snprintf(text, sizeof(text), "gavel: %s: %zu of %zu (%zu%%)",
		         what, done, total,
		         (size_t)((double)done * 100 / (double)total));
	else
		snprintf(text, sizeof(text), "gavel: %s: %zu", what, done);
	/* Kept to one row: a wrapped line could not be drawn over. */
	cols = cli_terminal_width(stderr);
	n = strlen(text);
	if (cols > 1 && n > cols - 1)
		n = cols - 1;
	fprintf(stderr, "\r%.*s%*s", (int)n, text,
	        (int)(line.width > n ? line.width - n : 0), "");
	fflush(stderr);
	if (n > line.width)
		line.width = n;
	line.drawn = now;
	line.ever = 1;
}
