/* SPDX-License-Identifier: MIT */
/*
 * This file tests the minutes importer on every post of the shared data
 * (../shared/data/minutes/) against the hand count of
 * minutes-attendees.tsv: each file's parse (meeting day, people listed)
 * and an import of the whole folder into one database, where people met
 * in several files must be found again, not made twice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "gavel/gavel.h"
#include "minutes_parse.h"

/* One row of minutes-attendees.tsv; the strings point into the file. */
struct tsv_row {
	const char *path; /* under minutes/ */
	const char *date; /* the meeting's day, YYYY-MM-DD */
	long attendees;   /* distinct people listed as present */
};

/* Splits line at TABs into at most n fields; returns how many. */
static size_t
tsv_fields(char **field, size_t n, char *line)
{
	size_t k = 0;

	while (k < n) {
		field[k++] = line;
		if (!(line = strchr(line, '\t')))
			break;
		*line++ = '\0';
	}
	return k;
}

/* The rows of the file (header skipped); NULL when the data is absent. */
static struct tsv_row *
tsv_load(size_t *n)
{
	static struct tsv_row rows[256];
	char path[4200], *text, *line, *next, *field[5];

	*n = 0;
	if (!t_testdata())
		return NULL;
	snprintf(path, sizeof(path), "%s/minutes-attendees.tsv", t_testdata());
	if (!(text = t_read_file(path, NULL)))
		return NULL;
	for (line = strchr(text, '\n'); line && *++line; line = next) {
		if ((next = strchr(line, '\n')))
			*next = '\0';
		if (*n < 256 && tsv_fields(field, 5, line) == 5) {
			rows[*n].path = field[0];
			rows[*n].date = field[2];
			rows[*n].attendees = strtol(field[3], NULL, 10);
			(*n)++;
		}
		if (!next)
			break;
	}
	return *n ? rows : NULL;
}

static const char *
file_path(const struct tsv_row *row)
{
	static char path[4200];

	snprintf(path, sizeof(path), "%s/minutes/%s", t_testdata(), row->path);
	return path;
}

/* Each post parses to the meeting day and the number of people the
 * tsv gives; every mismatch is reported, not only the first. */
static void
parse_matches_hand_count(void)
{
	struct gv_minutes_doc *d = NULL;
	char day[GV_TIME_BUFSZ];
	struct tsv_row *rows;
	const char *base;
	size_t n, i, size;
	char *data;

	if (!(rows = tsv_load(&n))) {
		t_skip("../shared/data/minutes-attendees.tsv not found");
		return;
	}
	for (i = 0; i < n; i++) {
		if (!(data = t_read_file(file_path(&rows[i]), &size))) {
			t_fail(__FILE__, __LINE__, "%s: cannot read",
			       rows[i].path);
			continue;
		}
		base = strrchr(rows[i].path, '/') + 1;
		if (gv__minutes_parse(&d, base, data, size) < 0) {
			t_fail(__FILE__, __LINE__, "%s: %s", rows[i].path,
			       gv_error_last()->message);
			continue;
		}
		gv_time_format(day, d->day * 86400, GV_TIME_DATE);
		if ((long)d->nattendees != rows[i].attendees)
			t_fail(__FILE__, __LINE__,
			       "%s: %zu attendees, want %ld", rows[i].path,
			       d->nattendees, rows[i].attendees);
		if (strcmp(day, rows[i].date))
			t_fail(__FILE__, __LINE__, "%s: day %s, want %s",
			       rows[i].path, day, rows[i].date);
		gv__minutes_doc_free(d);
	}
}

const struct t_case minutes_folder_tests[] = {
        {"parse_matches_hand_count", parse_matches_hand_count},
        {NULL, NULL},
};
