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

/* Imports one post into db; its meeting's id, or -1 (reported). */
static int64_t
import_one(struct gv_db *db, const struct tsv_row *row)
{
	struct gv_import_report r;
	int64_t id;

	if (gv_minutes_import(&r, db, file_path(row)) < 0) {
		t_fail(__FILE__, __LINE__, "%s: %s", row->path,
		       gv_error_last()->message);
		return -1;
	}
	for (size_t i = 0; i < r.nwarnings && r.unresolved; i++)
		t_fail(__FILE__, __LINE__, "%s: %s", row->path, r.warnings[i]);
	id = r.meeting;
	gv_import_report_dispose(&r);
	return id;
}

/* Each imported meeting's roll call against the tsv: its day and how
 * many people attended. Returns the number of mismatches. */
static int
check_meeting(struct gv_db *db, int64_t id, const struct tsv_row *row)
{
	struct gv_meeting_detail *m = NULL;
	char day[GV_TIME_BUFSZ];
	int bad = 0;

	if (gv_meeting_get(&m, db, id) < 0) {
		t_fail(__FILE__, __LINE__, "%s: %s", row->path,
		       gv_error_last()->message);
		return 1;
	}
	gv_time_format(day, m->meeting.starts_at, GV_TIME_DATE);
	if ((long)m->nattendees != row->attendees) {
		t_fail(__FILE__, __LINE__,
		       "%s: meeting %lld has %zu attendees, "
		       "want %ld",
		       row->path, (long long)id, m->nattendees, row->attendees);
		bad++;
	}
	if (strcmp(day, row->date)) {
		t_fail(__FILE__, __LINE__, "%s: meeting %lld on %s, want %s",
		       row->path, (long long)id, day, row->date);
		bad++;
	}
	gv_meeting_detail_free(m);
	return bad;
}

/* The organisation name attended meeting id for ("" for none), in buf,
 * or NULL when they did not attend it. */
static const char *
attended_for(char *buf, size_t size, struct gv_db *db, int64_t id,
             const char *name)
{
	struct gv_meeting_detail *m = NULL;
	const char *got = NULL;

	if (gv_meeting_get(&m, db, id) < 0)
		return NULL;
	for (size_t i = 0; i < m->nattendees; i++) {
		if (strcmp(m->attendees[i].name, name))
			continue;
		snprintf(buf, size, "%s",
		         m->attendees[i].org ? m->attendees[i].org : "");
		got = buf;
	}
	gv_meeting_detail_free(m);
	return got;
}

/* The meeting of the post whose path starts with prefix, or -1. */
static int64_t
meeting_of(const struct tsv_row *rows, const int64_t *ids, size_t n,
           const char *prefix)
{
	for (size_t i = 0; i < n; i++)
		if (!strncmp(rows[i].path, prefix, strlen(prefix)))
			return ids[i];
	return -1;
}

/*
 * The whole folder into one database, in the tsv's order, as a secretary
 * would bring years of minutes in: every meeting's roll call holds the
 * people the tsv counts, no name is left unrecorded, and a person met in
 * several posts is one person, with the organisation of each meeting.
 */
static void
import_matches_hand_count(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_person_filter ben = {0};
	struct gv_person_list *list = NULL;
	struct gv_db *db = NULL;
	int64_t ids[256];
	struct tsv_row *rows;
	char org2016[256], org2025[256];
	const char *in2016, *in2025;
	size_t n, i;

	if (!(rows = tsv_load(&n))) {
		t_skip("../shared/data/minutes-attendees.tsv not found");
		return;
	}
	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &opts), 0);
	gv_db_set_now(db, t_at("2026-11-27 12:00"));
	for (i = 0; i < n; i++)
		if ((ids[i] = import_one(db, &rows[i])) > 0)
			check_meeting(db, ids[i], &rows[i]);
	/* Ben Wilson: DigiCert in 2016, Mozilla from 2020; one person. */
	ben.name = "Ben Wilson";
	T_EQ_INT(gv_person_list(&list, db, &ben), 0);
	T_EQ_INT(list->n, 1);
	T_ASSERT(list->v[0].nhistory >= 2);
	T_EQ_STR(list->v[0].org, "Mozilla");
	gv_person_list_free(list);
	in2016 = attended_for(org2016, sizeof(org2016), db,
	                      meeting_of(rows, ids, n, "2016/"), "Ben Wilson");
	in2025 = attended_for(
	        org2025, sizeof(org2025), db,
	        meeting_of(rows, ids, n, "2025/2025-03-f2f64-tokyo"),
	        "Ben Wilson");
	gv_db_free(db);
	T_EQ_STR(in2016, "Digicert");
	T_EQ_STR(in2025, "Mozilla");
}

const struct t_case minutes_folder_tests[] = {
        {"parse_matches_hand_count", parse_matches_hand_count},
        {"import_matches_hand_count", import_matches_hand_count},
        {NULL, NULL},
};
