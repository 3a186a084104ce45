/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the redline writers share (core/redline_runs.c):
 * a line's text as runs (consecutive spans of one kind merged), their
 * pieces, and section comparison.
 */
#ifndef GV_CORE_REDLINE_RUNS_H
#define GV_CORE_REDLINE_RUNS_H

#include <stddef.h>

#include "gavel/redline.h"

/* A run of a line: its spans of one kind, merged. */
struct gv__rl_run {
	enum gv_span_kind kind;
	char *text; /* owned */
	size_t len;
};

struct gv__rl_runs {
	struct gv__rl_run *v;
	size_t n;
};

enum gv__rl_runs_flags {
	GV__RL_SANITIZE = 1 << 0, /* gv_text_sanitize each run */
};

/*
 * The runs of a line. A whole deleted, added or context line is one run
 * (DEL, INS or SAME) whatever its spans say; a changed line has one run per
 * change of span kind. Empty runs are left out. Free with
 * gv__rl_runs_dispose().
 */
void gv__rl_runs_init(struct gv__rl_runs *runs, const struct gv_rline *line,
                      unsigned flags);
void gv__rl_runs_dispose(struct gv__rl_runs *runs);

/* A piece of a run: a word, or the spaces between words. */
struct gv__rl_piece {
	enum gv_span_kind kind;
	const char *s; /* borrowed from the runs */
	size_t n;
	int ws; /* spaces or tabs only */
};

/*
 * Cuts runs into pieces at every change between spaces and the rest, so a
 * word that changes colour inside ("fox[-es-]") is several pieces with no
 * space between them. Caller frees *out with free(); the pieces borrow from
 * runs.
 */
void gv__rl_pieces(struct gv__rl_piece **out, size_t *n,
                   const struct gv__rl_runs *runs);

/* The whole text of a line (every span, whatever its kind); caller frees. */
char *gv__rl_line_text(const struct gv_rline *line);

/* Whether two section headings are the same (NULL is its own section). */
int gv__rl_same_section(const char *a, const char *b);

#endif
