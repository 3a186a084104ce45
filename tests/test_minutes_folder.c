/* SPDX-License-Identifier: MIT */
/*
 * This file tests the minutes importer on every post of a folder against
 * a hand count in a tsv: each file's parse (meeting day, people listed)
 * and an import of the whole folder into one database, where people met
 * in several files must be found again, not made twice. It runs on the
 * shared data (../shared/data/minutes/ and minutes-attendees.tsv, skipped
 * by name when absent) and on the posts written for these tests
 * (tests/data/minutes/ and its attendees.tsv).
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

/* A folder of posts with its hand count, and one person it shows moving
 * between organisations. */
struct folder {
	const char *root;     /* holds the posts' <year>/ folders */
	struct tsv_row *rows; /* the tsv's rows, header skipped */
	size_t n;
	const char *mover;             /* a person in two posts, for two orgs */
	const char *early, *early_org; /* a post's path prefix, the org */
	const char *late, *late_org;
};

/* Reads the tsv at path into f; 0, or -1 with the test failed: a file
 * that is there but gives no row, or a row without its five fields, must
 * not pass as a folder with nothing to check. */
static int
tsv_load(struct folder *f, const char *path)
{
	static struct tsv_row rows[256];
	char *text, *line, *next, *field[5];
	int lineno = 1;

	f->n = 0;
	f->rows = rows;
	if (!(text = t_read_file(path, NULL))) {
		t_fail(__FILE__, __LINE__, "cannot read %s", path);
		return -1;
	}
	for (line = strchr(text, '\n'); line && *++line; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')))
			*next = '\0';
		if (f->n == 256 || tsv_fields(field, 5, line) != 5) {
			t_fail(__FILE__, __LINE__,
			       "%s:%d: not five fields (or past 256 rows)",
			       path, lineno);
			return -1;
		}
		rows[f->n].path = field[0];
		rows[f->n].date = field[2];
		rows[f->n].attendees = strtol(field[3], NULL, 10);
		f->n++;
		if (!next)
			break;
	}
	if (f->n == 0) {
		t_fail(__FILE__, __LINE__, "%s has no rows", path);
		return -1;
	}
	return 0;
}

/* The shared data's folder; 0, or -1 (skipped by name, or failed). */
static int
shared_folder(struct folder *f)
{
	const char *tsv = t_testdata_file("minutes-attendees.tsv");

	if (!tsv || !(f->root = t_testdata_file("minutes")))
		return -1;
	/* Ben Wilson: DigiCert in 2016, Mozilla from 2020. */
	f->mover = "Ben Wilson";
	f->early = "2016/";
	f->early_org = "Digicert";
	f->late = "2025/2025-03-f2f64-tokyo";
	f->late_org = "Mozilla";
	return tsv_load(f, tsv);
}

/* The posts written for these tests; 0, or -1 (failed). */
static int
fixture_folder(struct folder *f)
{
	const char *tsv = t_fixture("minutes/attendees.tsv");

	if (!tsv || !(f->root = t_fixture("minutes")))
		return -1;
	/* Tomas Novak: Entrust in 2021, Sectigo in 2024. */
	f->mover = "Tomas Novak";
	f->early = "2021/";
	f->early_org = "Entrust";
	f->late = "2024/2024-12-18";
	f->late_org = "Sectigo";
	return tsv_load(f, tsv);
}

static const char *
file_path(const struct folder *f, const struct tsv_row *row)
{
	static char path[4200];

	snprintf(path, sizeof(path), "%s/%s", f->root, row->path);
	return path;
}

/* Each post parses to the meeting day and the number of people the
 * tsv gives; every mismatch is reported, not only the first. */
static void
parse_matches(const struct folder *f)
{
	struct gv_minutes_doc *d = NULL;
	char day[GV_TIME_BUFSZ];
	const struct tsv_row *row;
	const char *base;
	size_t size;
	char *data;

	for (row = f->rows; row < f->rows + f->n; row++) {
		if (!(data = t_read_file(file_path(f, row), &size))) {
			t_fail(__FILE__, __LINE__, "%s: cannot read",
			       row->path);
			continue;
		}
		base = strrchr(row->path, '/') + 1;
		if (gv__minutes_parse(&d, base, data, size) < 0) {
			t_fail(__FILE__, __LINE__, "%s: %s", row->path,
			       gv_error_last()->message);
			continue;
		}
		gv_time_format(day, d->day * 86400, GV_TIME_DATE);
		if ((long)d->nattendees != row->attendees)
			t_fail(__FILE__, __LINE__,
			       "%s: %zu attendees, want %ld", row->path,
			       d->nattendees, row->attendees);
		if (strcmp(day, row->date))
			t_fail(__FILE__, __LINE__, "%s: day %s, want %s",
			       row->path, day, row->date);
		gv__minutes_doc_free(d);
	}
}

static void
parse_matches_hand_count(void)
{
	struct folder f;

	if (shared_folder(&f) == 0)
		parse_matches(&f);
}

static void
fixtures_parse_match_hand_count(void)
{
	struct folder f;

	if (fixture_folder(&f) == 0)
		parse_matches(&f);
}

/* Imports one post into db; its meeting's id, or -1 (reported). */
static int64_t
import_one(struct gv_db *db, const struct folder *f, const struct tsv_row *row)
{
	struct gv_import_report r;
	int64_t id;

	if (gv_minutes_import(&r, db, file_path(f, row)) < 0) {
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
import_matches(const struct folder *f)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_person_filter who = {0};
	struct gv_person_list *list = NULL;
	struct gv_db *db = NULL;
	int64_t ids[256];
	char early[256], late[256];
	const char *in_early, *in_late;
	size_t i;

	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &opts), 0);
	gv_db_set_now(db, t_at("2026-11-27 12:00"));
	for (i = 0; i < f->n; i++)
		if ((ids[i] = import_one(db, f, &f->rows[i])) > 0)
			check_meeting(db, ids[i], &f->rows[i]);
	who.name = f->mover;
	T_EQ_INT(gv_person_list(&list, db, &who), 0);
	T_EQ_INT(list->n, 1);
	T_ASSERT(list->v[0].nhistory >= 2);
	T_EQ_STR(list->v[0].org, f->late_org);
	gv_person_list_free(list);
	in_early = attended_for(early, sizeof(early), db,
	                        meeting_of(f->rows, ids, f->n, f->early),
	                        f->mover);
	in_late =
	        attended_for(late, sizeof(late), db,
	                     meeting_of(f->rows, ids, f->n, f->late), f->mover);
	gv_db_free(db);
	T_EQ_STR(in_early, f->early_org);
	T_EQ_STR(in_late, f->late_org);
}

static void
import_matches_hand_count(void)
{
	struct folder f;

	if (shared_folder(&f) == 0)
		import_matches(&f);
}

static void
fixtures_import_match_hand_count(void)
{
	struct folder f;

	if (fixture_folder(&f) == 0)
		import_matches(&f);
}

const struct t_case minutes_folder_tests[] = {
        {"parse_matches_hand_count", parse_matches_hand_count},
        {"import_matches_hand_count", import_matches_hand_count},
        {"fixtures_parse_match_hand_count", fixtures_parse_match_hand_count},
        {"fixtures_import_match_hand_count", fixtures_import_match_hand_count},
        {NULL, NULL},
};
