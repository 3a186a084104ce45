/* SPDX-License-Identifier: MIT */
/*
 * This file implements the command line's output: aligned text tables that
 * fit the terminal, and JSON documents. Every cell goes through
 * gv_text_sanitize, so stored text never reaches the terminal raw.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "gavel/text.h"

struct table {
	size_t ncols;
	size_t nrows; /* rows, the header row included */
	size_t alloc;
	char **cells; /* nrows * ncols sanitized strings */
};

static void
table_append(struct table *t, const char *const *cells)
{
	size_t i;

	if (t->nrows == t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 16;
		t->cells = realloc(t->cells,
		                   t->alloc * t->ncols * sizeof(*t->cells));
		if (!t->cells)
			abort();
	}
	for (i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] =
		        gv_text_sanitize(cells[i] ? cells[i] : "-", 0);
	t->nrows++;
}

struct table *
table_new(size_t ncols, const char *const *heads)
{
	struct table *t = calloc(1, sizeof(*t));

	if (!t)
		abort();
	t->ncols = ncols;
	table_append(t, heads);
	return t;
}

void
table_add(struct table *t, const char *const *cells)
{
	table_append(t, cells);
}

/* The terminal's width, or 0 (no limit) when stdout is not a terminal. */
static size_t
terminal_width(FILE *f)
{
	struct winsize ws;

	if (!isatty(fileno(f)))
		return 0;
	if (ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Narrows the widest columns until the row fits in limit columns. */
static void
table_fit(size_t *width, size_t ncols, size_t limit)
{
	size_t total, i, widest;

	for (;;) {
		total = 0;
		widest = 0;
		for (i = 0; i < ncols; i++) {
			total += width[i] + (i + 1 < ncols ? 2 : 0);
			if (width[i] > width[widest])
				widest = i;
		}
		if (total <= limit || width[widest] <= 8)
			return;
		width[widest]--;
	}
}

void
table_print(struct table *t, FILE *f)
{
	size_t *width = calloc(t->ncols, sizeof(*width));
	size_t r, i, limit = terminal_width(f);

	if (!width)
		abort();
	for (r = 0; r < t->nrows; r++)
		for (i = 0; i < t->ncols; i++) {
			size_t w = gv_text_width(t->cells[r * t->ncols + i]);

			if (w > width[i])
				width[i] = w;
		}
	if (limit)
		table_fit(width, t->ncols, limit);
	for (r = 0; r < t->nrows; r++) {
		for (i = 0; i < t->ncols; i++) {
			char *cell = gv_text_truncate(
			        t->cells[r * t->ncols + i], width[i]);

			fputs(cell, f);
			if (i + 1 < t->ncols)
				fprintf(f, "%*s",
				        (int)(width[i] - gv_text_width(cell) +
				              2),
				        "");
			free(cell);
		}
		fputc('\n', f);
	}
	free(width);
}

void
table_free(struct table *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t);
}

int
cli_print_json(int error, char *json)
{
	if (error < 0)
		return cli_fail();
	fputs(json, stdout);
	fputc('\n', stdout);
	free(json);
	return CLI_OK;
}
