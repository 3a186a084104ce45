/* SPDX-License-Identifier: MIT */
/*
 * This file tests what `gavel calendar` writes (issue 19): hostile stored
 * text escaped, folded at 75 octets and shown as gavel shows it anywhere,
 * in a file both readers still take; the reminders; the --within window
 * against `deadlines`; -o, whole or nothing; and the timeline's export.
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar_fixture.h"
#include "gavel/gavel.h"
#include "harness.h"
#include "screen_fixture.h"

#define RUN(now, ...) t_gavel(t_env((now), "chair"), __VA_ARGS__, NULL)

#define FROM          t_at("2024-01-01 00:00")
#define TO            t_at("2026-01-01 00:00")

/* SMC010 under IPR review, its outcome and publication ahead. */
#define IN_REVIEW "2024-12-10 12:00"

/* A ballot's title (one line, at most 300 bytes) with every character
 * RFC 5545 escapes. */
static const char ballot_title[] =
        "EUID, OrganizationIdentifier; back\\slash \"quoted\" \xC3\xA9 "
        "\xE9\x9B\xBB";

/* A meeting's title (free text) with line breaks, escapes, C0 and C1
 * controls and a bidi override, and how every output of gavel shows
 * them (README: control characters visible); then a megabyte more. */
static const char hostile_title[] =
        "Agenda; call, \\ \"quoted\"\nsecond line\x1b[31m red\x01\x7f "
        "end\xC2\x85\xE2\x80\xAE";
static const char hostile_title_shown[] =
        "Cancelled: SMCWG Agenda; call, \\ \"quoted\"^Jsecond line^[[31m "
        "red^A^? end\xEF\xBF\xBD\xEF\xBF\xBD";
static const char hostile_reason[] =
        "line one\nline two\r\n\x1b]0;pwned\x07 ;,\\";
static const char hostile_reason_shown[] =
        "Cancelled: line one\nline two \n^[]0;pwned^G ;,\\.";

/* lead, then a megabyte of text RFC 5545 escapes and multi-byte
 * characters, which a fold must not split. */
static char *
huge(const char *lead)
{
	static const char piece[] = " Comma, semi; back\\slash \xC3\xA9 "
	                            "\xE9\x9B\xBB \"quoted\"";
	size_t n = (1 << 20) / (sizeof(piece) - 1) + 1, len = strlen(lead);
	char *t = t_keep(malloc(len + n * (sizeof(piece) - 1) + 1));

	memcpy(t, lead, len);
	for (size_t i = 0; i < n; i++, len += sizeof(piece) - 1)
		memcpy(t + len, piece, sizeof(piece) - 1);
	t[len] = '\0';
	return t;
}

/* The demo, SMC011 in discussion under the title, and a cancelled call
 * with the huge hostile title and reason, through the core's own API. */
static int
hostile_db(struct gv_db **db, const char *meeting_title)
{
	struct gv_db_options opts = {0, 0};
	struct gv_ballot_spec b = {"SMCWG",    ballot_title, "fmg",
	                           "DigiCert", NULL,         0};
	struct gv_meeting_spec m = {0};
	int64_t id = 0, number = 0, at = t_at("2025-01-20 09:00");

	m.body = "SMCWG";
	m.starts_at = t_at("2025-03-05 16:00");
	m.title = meeting_title;
	m.subcommittee = "Sub\ncommittee\x1b[2J";
	if (RUN("2025-01-20 08:00", "init", "--demo")->status != 0 ||
	    gv_db_open(db, t_path("g.db"), &opts) < 0)
		return -1;
	gv_db_set_now(*db, t_at("2025-01-23 00:00"));
	if (gv_ballot_new(&id, &number, *db, &b, at) < 0 ||
	    gv_ballot_endorse(*db, "SMC011", "Sectigo", at) < 0 ||
	    gv_ballot_endorse(*db, "SMC011", "Google", at) < 0 ||
	    gv_ballot_version(*db, "SMC011", NULL, "https://example.org/1", 0,
	                      at) < 0 ||
	    gv_ballot_discuss(*db, "SMC011", t_at("2025-01-22 12:00"), -1) <
	            0 ||
	    gv_meeting_add(&id, *db, &m) < 0)
		return -1;
	return gv_meeting_cancel(*db, id, hostile_reason);
}

static void
hostile_text_is_escaped_and_folded(void)
{
	struct gv_calendar_spec spec = {0};
	struct gv_db *db = NULL;
	struct cal_read lic, py;
	const struct cal_event *e, *p;
	const char *why, *title = huge(hostile_title);
	const char *shown = huge(hostile_title_shown);
	char *text = NULL, want[512];
	size_t n;

	if (hostile_db(&db, title) < 0) {
		t_fail(__FILE__, __LINE__, "setup: %s",
		       gv_error_last()->message);
		gv_db_free(db);
		return;
	}
	T_OK(gv_calendar(&text, &n, db, &spec));
	gv_db_free(db);
	t_keep(text);
	/* The megabyte, escaped and folded. */
	T_ASSERT(strlen(text) > (1 << 20));
	if ((why = cal_lines_check(text)))
		t_fail(__FILE__, __LINE__, "%s", why);
	T_ASSERT(!why);
	T_ASSERT(cal_read_libical(&lic, &why, text, FROM, TO) == 0);
	T_EQ_INT(lic.n, n);
	snprintf(want, sizeof(want), "SMC011 discussion ends: %s",
	         ballot_title);
	T_ASSERT((e = cal_find_summary(&lic, "SMC011 discussion ends: ")));
	T_EQ_STR(e->summary, want);
	snprintf(want, sizeof(want), "SMC011: %s\n", ballot_title);
	T_ASSERT(!strncmp(e->description, want, strlen(want)));
	T_ASSERT((e = cal_find_summary(&lic, "Cancelled: SMCWG Agenda")));
	T_ASSERT(!strcmp(e->summary, shown));
	T_CONTAINS(e->description, hostile_reason_shown);
	T_CONTAINS(e->description, "Sub\ncommittee^[[2J, teleconference");
	T_CONTAINS(e->uid, "SMCWG-meeting-20250305T160000Z-sc");
	T_ASSERT(t_write_file("cal.ics", text));
	if (cal_read_python(&py, &why, t_path("cal.ics"), FROM, TO) > 0)
		return;
	T_ASSERT(!why);
	T_EQ_INT(py.n, lic.n);
	T_ASSERT((p = cal_find(&py, e->uid, -1)));
	T_ASSERT(!strcmp(p->summary, shown));
	T_EQ_STR(p->description, e->description);
	snprintf(want, sizeof(want), "SMC011 discussion ends: %s",
	         ballot_title);
	T_ASSERT((p = cal_find_summary(&py, "SMC011 discussion ends: ")));
	T_EQ_STR(p->summary, want);
}

static void
reminders_parse(void)
{
	static const struct {
		const char *text;
		int64_t first;
		size_t n;
	} ok[] = {
	        {"1d", 86400, 1},
	        {"2h,15m", 7200, 2},
	        {"1d12h", 129600, 1},
	        {"1w", 604800, 1},
	        {"P1DT12H", 129600, 1},
	        {"PT15M", 900, 1},
	        {" 30m , 1h ", 1800, 2},
	        {"0m", 0, 1},
	        {"0", 0, 1},
	        {"1h, 0", 3600, 2},
	        {"none", 0, 0},
	};
	static const char *const bad[] = {
	        "",
	        "1",
	        "00",
	        "1x",
	        "d",
	        "1h,",
	        "P1M",
	        "PT1D",
	        "-1d",
	        "367d",
	        "1h,1h,1h,1h,1h,1h,1h,1h,1h",
	};
	struct gv_alarms a;
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		T_OK(gv_alarms_parse(&a, ok[i].text));
		T_EQ_INT(a.n, ok[i].n);
		if (a.n)
			T_EQ_INT(a.before[0], ok[i].first);
	}
	T_EQ_INT(a.n, 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		T_EQ_INT(gv_alarms_parse(&a, bad[i]), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "more than 8 reminders");
}

/* Every event's reminders as the calendar run with args gives them. */
static void
reminders_are(const char *alarm, const int64_t *want, size_t nwant)
{
	struct t_run *run = alarm ? RUN(IN_REVIEW, "calendar", "--alarm", alarm)
	                          : RUN(IN_REVIEW, "calendar");
	struct cal_read r;
	const char *why;

	T_EQ_INT(run->status, 0);
	T_ASSERT(cal_read_libical(&r, &why, run->out, FROM, TO) == 0);
	T_ASSERT(r.n > 5);
	for (size_t i = 0; i < r.n; i++) {
		const struct cal_event *e = &r.v[i];

		/* What will not happen, and a clock already met (the vote
		 * that opened, a Review Notice sent), remind no one. */
		if (!strcmp(e->status, "CANCELLED") ||
		    strstr(e->description, "\nMet: ") ||
		    strstr(e->uid, "-voting-opens@")) {
			T_EQ_INT(e->nalarms, 0);
			continue;
		}
		T_EQ_INT(e->nalarms, nwant);
		for (size_t k = 0; k < nwant; k++)
			T_EQ_INT(e->alarms[k], want[k]);
	}
}

static void
reminders_default_to_a_day_before(void)
{
	static const int64_t day[] = {86400}, two[] = {7200, 900};
	struct t_run *run;

	T_EQ_INT(RUN(IN_REVIEW, "init", "--demo")->status, 0);
	reminders_are(NULL, day, 1);
	reminders_are("2h,15m", two, 2);
	reminders_are("none", NULL, 0);
	run = RUN(IN_REVIEW, "calendar", "--alarm", "1x");
	T_EQ_INT(run->status, 2);
	T_CONTAINS(run->err, "gavel: cannot read the reminder \"1x\"");
	T_EQ_STR(run->out, "");
}

/* --within keeps what falls in the days ahead, the open clocks overdue
 * and the series, as `deadlines --within` keeps its clocks. */
static void
within_keeps_the_days_ahead(void)
{
	struct t_run *run;
	struct cal_read r, all;
	const char *why;
	json_t *doc, *d;
	int64_t now = t_at(IN_REVIEW), end = now + 14 * 86400;
	char prefix[128];
	size_t i;

	T_EQ_INT(RUN(IN_REVIEW, "init", "--demo")->status, 0);
	run = RUN(IN_REVIEW, "calendar");
	T_ASSERT(cal_read_libical(&all, &why, run->out, FROM, TO) == 0);
	run = RUN(IN_REVIEW, "calendar", "--within", "14");
	T_EQ_INT(run->status, 0);
	T_ASSERT(cal_read_libical(&r, &why, run->out, FROM, TO) == 0);
	T_ASSERT(r.n > 0 && r.n < all.n);
	for (i = 0; i < r.n; i++)
		T_ASSERT(r.v[i].rrule ||
		         (r.v[i].start >= now && r.v[i].start <= end));
	/* The 12-18 call and IPR review's end (12-22) are in it. */
	T_ASSERT(cal_find(&r, "SMCWG-calls@gavel", t_at("2024-12-18 16:00")));
	T_ASSERT(cal_find(&r, "SMCWG-ballot-10-review-ends@gavel", -1));
	T_ASSERT(!cal_find(&r, "SMCWG-calls@gavel", t_at("2024-12-04 16:00")));
	run = RUN(IN_REVIEW, "deadlines", "--within", "14", "--format", "json");
	doc = json_loads(run->out, 0, NULL);
	T_ASSERT(json_array_size(doc) > 1);
	json_array_foreach (doc, i, d) {
		const char *what =
		        json_string_value(json_object_get(d, "what"));

		if (!strcmp(what, "next call"))
			continue;
		snprintf(prefix, sizeof(prefix), "%s %s: ",
		         json_string_value(json_object_get(d, "subject")),
		         what);
		T_ASSERT(cal_find_summary(&r, prefix));
	}
	json_decref(doc);
	run = RUN(IN_REVIEW, "calendar", "--within", "0");
	T_EQ_INT(run->status, 2);
	run = RUN(IN_REVIEW, "calendar", "--body", "NOPE");
	T_EQ_INT(run->status, 1);
	T_CONTAINS(run->err, "gavel: ");
}

/* Files in the test's folder whose name starts with prefix. */
static int
files_named(const char *prefix)
{
	DIR *d = opendir(t_tmpdir());
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)))
		n += !strncmp(e->d_name, prefix, strlen(prefix));
	if (d)
		closedir(d);
	return n;
}

static void
output_file_whole_or_nothing(void)
{
	struct t_run *run;
	const char *out;

	T_EQ_INT(RUN(IN_REVIEW, "init", "--demo")->status, 0);
	out = RUN(IN_REVIEW, "calendar")->out;
	run = RUN(IN_REVIEW, "calendar", "-o", "cal.ics");
	T_EQ_INT(run->status, 0);
	T_EQ_STR(run->out, "");
	T_EQ_STR(t_read_file(t_path("cal.ics"), NULL), out);
	/* Again over it: replaced, no temporary file left beside it. */
	T_EQ_INT(RUN(IN_REVIEW, "calendar", "--output", "cal.ics", "--alarm",
	             "none")
	                 ->status,
	         0);
	T_ASSERT(!strstr(t_read_file(t_path("cal.ics"), NULL), "VALARM"));
	T_EQ_INT(files_named("cal.ics"), 1);
	run = RUN(IN_REVIEW, "calendar", "-o", "no/such/folder/cal.ics");
	T_EQ_INT(run->status, 1);
	T_CONTAINS(run->err, "gavel: cannot write no/such/folder/cal.ics: ");
	run = RUN(IN_REVIEW, "calendar", "-o");
	T_EQ_INT(run->status, 2);
}

/* x on the timeline: the clocks and meetings of the dates in view. */
static void
timeline_exports_what_it_shows(void)
{
	const char *const *env;
	const char *screen, *status, *why;
	const char *script =
	        t_write_file("s.txt", "view-timeline\nexport tl.ics\n"
	                              ":save-display screen.txt\nquit\n");
	char from[16], to[16];
	struct cal_read r;
	size_t i;
	int events;

	T_EQ_INT(RUN(IN_REVIEW, "init", "--demo")->status, 0);
	env = scr_headless(IN_REVIEW, "chair", script, "100x30");
	T_EQ_INT(t_gavel(env, NULL)->status, 0);
	T_ASSERT((screen = t_read_file(t_path("screen.txt"), NULL)));
	T_ASSERT((status = strstr(screen, " events from ")));
	T_ASSERT(sscanf(status, " events from %10s to %10s", from, to) == 2);
	for (; status > screen && status[-1] != '\n'; status--)
		;
	T_ASSERT(sscanf(status, "%d", &events) == 1 && events > 3);
	T_CONTAINS(screen, "written to tl.ics");
	T_ASSERT(cal_read_libical(&r, &why, t_read_file(t_path("tl.ics"), NULL),
	                          FROM, TO) == 0);
	T_EQ_INT(r.n, events);
	T_ASSERT(cal_find(&r, "SMCWG-ballot-10-review-ends@gavel", -1));
	T_ASSERT(cal_find(&r, "SMCWG-calls@gavel", t_at("2024-12-18 16:00")));
	for (i = 0; i < r.n; i++) {
		char day[GV_TIME_BUFSZ];

		if (r.v[i].rrule)
			continue;
		gv_time_format(day, r.v[i].start, GV_TIME_DATE);
		T_ASSERT(strcmp(day, from) >= 0 && strcmp(day, to) <= 0);
	}
}

const struct t_case calendar_out_tests[] = {
        {"hostile_text_is_escaped_and_folded",
         hostile_text_is_escaped_and_folded},
        {"reminders_parse", reminders_parse},
        {"reminders_default_to_a_day_before",
         reminders_default_to_a_day_before},
        {"within_keeps_the_days_ahead", within_keeps_the_days_ahead},
        {"output_file_whole_or_nothing", output_file_whole_or_nothing},
        {"timeline_exports_what_it_shows", timeline_exports_what_it_shows},
        {NULL, NULL},
};
