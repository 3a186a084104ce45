/* SPDX-License-Identifier: MIT */
/*
 * This file implements the command line's output: aligned text tables that
 * fit the terminal, and JSON documents. Every cell goes through
 * gv_text_sanitize, so stored text never reaches the terminal raw.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "gavel/text.h"

/*
 * A table's cells, made safe, are written one after another (each ended
 * by a NUL, which no safe text holds) as rows come, and read back when
 * the table is printed: the widths need every row first. A small table
 * stays in memory; past SPOOL_AFTER bytes the cells go to a temporary
 * file, so a list of 50,000 issues holds no more than a few (issue 21).
 */
#define SPOOL_AFTER ((size_t)1 << 16)

struct table {
	size_t ncols;
	size_t *width;  /* the widest cell of each column */
	FILE *cells;    /* open_memstream's, or a temporary file */
	char *mem;      /* open_memstream's buffer */
	size_t mem_len; /* and its length */
	int spooled;    /* cells is a temporary file */
};

/* Moves the cells from memory to a temporary file; stays in memory when
 * no file can be made. */
static void
table_spool(struct table *t)
{
	FILE *f = tmpfile();

	if (!f || fflush(t->cells) != 0 ||
	    fwrite(t->mem, 1, t->mem_len, f) != t->mem_len) {
		if (f)
			fclose(f);
		return;
	}
	fclose(t->cells);
	free(t->mem);
	t->mem = NULL;
	t->mem_len = 0;
	t->cells = f;
	t->spooled = 1;
}

static void
table_append(struct table *t, const char *const *cells)
{
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		char *safe = gv_text_sanitize(cells[i] ? cells[i] : "-", 0);
		size_t w = gv_text_width(safe);

		if (w > t->width[i])
			t->width[i] = w;
		fputs(safe, t->cells);
		fputc('\0', t->cells);
		free(safe);
	}
	if (!t->spooled && ftell(t->cells) > (long)SPOOL_AFTER)
		table_spool(t);
}

struct table *
table_new(size_t ncols, const char *const *heads)
{
	struct table *t = calloc(1, sizeof(*t));

	if (!t || !(t->width = calloc(ncols, sizeof(*t->width))) ||
	    !(t->cells = open_memstream(&t->mem, &t->mem_len)))
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

size_t
cli_terminal_width(FILE *f)
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

/* The cells as written, for reading back from the first. */
static FILE *
table_cells(struct table *t)
{
	if (fflush(t->cells) != 0)
		abort();
	if (t->spooled) {
		rewind(t->cells);
		return t->cells;
	}
	/* fmemopen refuses a buffer of size 0; a table has its heads. */
	return fmemopen(t->mem, t->mem_len, "r");
}

void
table_print(struct table *t, FILE *f)
{
	size_t i, limit = cli_terminal_width(f), cap = 0;
	FILE *in = table_cells(t);
	char *cell = NULL;

	if (!in)
		abort();
	if (limit)
		table_fit(t->width, t->ncols, limit);
	for (i = 0; getdelim(&cell, &cap, '\0', in) > 0;
	     i = (i + 1) % t->ncols) {
		size_t w = gv_text_width(cell);
		char *fit = NULL;

		/* Most cells fit: only a wider one is cut. */
		if (w > t->width[i]) {
			fit = gv_text_truncate(cell, t->width[i]);
			w = gv_text_width(fit);
		}
		fputs(fit ? fit : cell, f);
		if (i + 1 < t->ncols)
			fprintf(f, "%*s", (int)(t->width[i] - w + 2), "");
		else
			fputc('\n', f);
		free(fit);
	}
	free(cell);
	if (in != t->cells)
		fclose(in);
}

void
table_free(struct table *t)
{
	if (!t)
		return;
	fclose(t->cells);
	free(t->mem);
	free(t->width);
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

/* The specs below come from the format strings of cli_printf's callers,
 * which the compiler checks there (format attribute in cli.h). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* Appends the one conversion spec (with any '*' already replaced by its
 * number) to out, taking its argument from ap; %s as one safe line. */
static void
format_one(FILE *out, const char *spec, size_t n, va_list *ap)
{
	char conv = spec[n - 1], *safe;
	const char *len = spec + strcspn(spec, "hljzt");

	if (conv == 's') {
		const char *v = va_arg(*ap, const char *);

		safe = gv_text_sanitize(v ? v : "(null)", 0);
		fprintf(out, spec, safe);
		free(safe);
	} else if (strchr("diouxXc", conv)) {
		int is_signed = strchr("dic", conv) != NULL;

		if (!strncmp(len, "ll", 2))
			is_signed ? fprintf(out, spec, va_arg(*ap, long long))
			          : fprintf(out, spec,
			                    va_arg(*ap, unsigned long long));
		else if (*len == 'l')
			is_signed ? fprintf(out, spec, va_arg(*ap, long))
			          : fprintf(out, spec,
			                    va_arg(*ap, unsigned long));
		else if (*len == 'z' || *len == 'j' || *len == 't')
			fprintf(out, spec, va_arg(*ap, size_t));
		else
			fprintf(out, spec, va_arg(*ap, int));
	} else if (strchr("fFeEgGaA", conv)) {
		fprintf(out, spec, va_arg(*ap, double));
	} else if (conv == 'p') {
		fprintf(out, spec, va_arg(*ap, void *));
	} else {
		fputs(spec, out); /* %% */
	}
}

#pragma GCC diagnostic pop

/*
 * vsnprintf, but each %s argument is made safe as one line first
 * (gv_text_sanitize: a line feed in a title shows as ^J and cannot start
 * a row of its own, an escape sequence as ^[); the format's own newlines
 * stay. Caller frees.
 */
static char *
format_safe(const char *fmt, va_list ap)
{
	char *text = NULL, spec[64];
	size_t size = 0, n;
	FILE *out = open_memstream(&text, &size);
	va_list args;

	if (!out)
		abort();
	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			fputc(*fmt++, out);
			continue;
		}
		/* %[flags][width][.precision][length]conversion */
		for (n = 0, spec[n++] = *fmt++; *fmt && n < sizeof(spec) - 24;
		     fmt++) {
			if (*fmt == '*') {
				n += (size_t)snprintf(spec + n,
				                      sizeof(spec) - n, "%d",
				                      va_arg(args, int));
				continue;
			}
			spec[n++] = *fmt;
			if (strchr("diouxXcspfFeEgGaA%", *fmt)) {
				fmt++;
				break;
			}
		}
		spec[n] = '\0';
		format_one(out, spec, n, &args);
	}
	va_end(args);
	if (fclose(out) != 0)
		abort();
	return text;
}

static void
print_safe(FILE *f, const char *fmt, va_list ap)
{
	char *raw = format_safe(fmt, ap);
	char *safe = gv_text_sanitize(raw, GV_SANITIZE_KEEP_NEWLINES);

	fputs(safe, f);
	free(safe);
	free(raw);
}

void
cli_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_safe(stdout, fmt, ap);
	va_end(ap);
}

void
cli_eprintf(const char *fmt, ...)
{
	va_list ap;

	cli_progress_clear();
	va_start(ap, fmt);
	print_safe(stderr, fmt, ap);
	va_end(ap);
}

void
cli_print_block(const char *text, const char *indent)
{
	char *safe = gv_text_sanitize(text, GV_SANITIZE_KEEP_NEWLINES);
	const char *line = safe, *nl;

	while (*line) {
		nl = strchr(line, '\n');
		printf("%s%.*s\n", indent,
		       (int)(nl ? (size_t)(nl - line) : strlen(line)), line);
		line = nl ? nl + 1 : line + strlen(line);
	}
	free(safe);
}

const char *
cli_noun(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}
