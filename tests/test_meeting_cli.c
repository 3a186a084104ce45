/* SPDX-License-Identifier: MIT */
/*
 * This file tests the meeting commands as a secretary uses them: ids on
 * stdout, the JSON list, the next call, the roll call's refusals, minutes
 * and agendas, and the import of every shared minutes file (with bad files
 * skipped, the rest imported) feeding the quorum baseline.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static const char *const *
env(const char *now)
{
	return t_env(now, "secretary");
}

static int
demo(void)
{
	return t_gavel(env("2024-12-18 17:00"), "init", "--demo", NULL)
	               ->status == 0;
}

static void
add_prints_id_and_lists_json(void)
{
	const char *const *e = env("2024-12-18 17:00");
	json_error_t jerr;
	json_t *doc, *m;
	struct t_run *r;

	T_ASSERT(demo());
	r = t_gavel(e, "meeting", "add", "SMCWG", "2025-01-29 11:00", "--tz",
	            "America/New_York", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "5\n");
	r = t_gavel(e, "meeting", "list", "--body", "SMCWG", "--format", "json",
	            NULL);
	T_EQ_INT(r->status, 0);
	doc = json_loads(r->out, 0, &jerr);
	T_EQ_INT(json_array_size(doc), 5);
	m = json_array_get(doc, 4);
	T_EQ_INT(json_integer_value(json_object_get(m, "id")), 5);
	T_EQ_STR(json_string_value(json_object_get(m, "time")),
	         "2025-01-29T16:00:00Z");
	T_EQ_STR(json_string_value(json_object_get(m, "status")), "scheduled");
	m = json_array_get(doc, 1);
	T_EQ_INT(json_integer_value(json_object_get(m, "attendees")), 30);
	T_EQ_STR(json_string_value(json_object_get(m, "status")), "held");
	T_EQ_STR(json_string_value(
	                 json_object_get(json_array_get(doc, 2), "status")),
	         "cancelled");
	json_decref(doc);
	r = t_gavel(e, "meeting", "add", "SMCWG", "2025-13-01 11:00", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no such date");
	/* A date alone is no start (it was taken as midnight). */
	r = t_gavel(e, "meeting", "add", "SMCWG", "2025-03-05", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: \"2025-03-05\" has no time of day: give the "
	                 "meeting's start as YYYY-MM-DD HH:MM (\"2025-03-05 "
	                 "11:00\")\n");
	T_EQ_STR(r->out, "");
	r = t_gavel(e, "meeting", "add", "SMCWG", "2025-01-29 11:00", "--kind",
	            "party", NULL);
	T_EQ_INT(r->status, 2);
}

static void
next_call_seed_case(void)
{
	struct t_run *r;

	T_ASSERT(demo());
	r = t_gavel(env("2024-12-18 16:00"), "meeting", "next", "SMCWG", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "2025-01-15 16:00 UTC  Wednesday, January 15, 2025 "
	                 "at 11:00 am Eastern Time\n");
	/* After that call, the cadence goes on by itself. */
	r = t_gavel(env("2025-01-15 17:00"), "meeting", "next", "smcwg", NULL);
	T_CONTAINS(r->out, "2025-01-29 16:00 UTC");
	T_CONTAINS(r->out, "(from the cadence)");
	r = t_gavel(env("2025-01-15 17:00"), "meeting", "cancel", "3", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "meeting 3 is already cancelled");
}

static void
roll_call_refuses_strangers(void)
{
	const char *const *e;
	struct t_run *r;

	T_ASSERT(demo());
	e = env("2025-01-15 17:00"); /* one static environment: after demo() */
	r = t_gavel(e, "meeting", "attend", "4", "Stephen Davidson (DigiCert)",
	            "Jane Roe (Nowhere Inc.)", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "1 of 2 names match nobody known");
	T_CONTAINS(r->err, "gavel: not matched: Jane Roe (Nowhere Inc.)\n");
	r = t_gavel(e, "meeting", "show", "4", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"attendees\": 0");
	r = t_gavel(e, "meeting", "attend", "4", "STEPHEN DAVIDSON (digicert)",
	            "Jane Roe (Nowhere Inc.)", "--create", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "2 recorded, 1 new person, 1 new organisation\n");
	r = t_gavel(e, "org", "list", "--class", "unknown", NULL);
	T_CONTAINS(r->out, "Nowhere Inc.");
	r = t_gavel(e, "meeting", "attend", "3", "Stephen Davidson", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "was cancelled");
	r = t_gavel(e, "meeting", "attend", "x", "Stephen Davidson", NULL);
	T_EQ_INT(r->status, 2);
}

static void
minutes_and_agenda(void)
{
	const char *const *e = env("2024-12-18 17:00");
	struct t_run *r;

	T_ASSERT(demo());
	r = t_gavel(e, "minutes", "2", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "---\nauthor: Stephen Davidson\ndate: 2024-12-18 "
	                   "00:00:00\ntags:\n- Minutes\n- S/MIME\n");
	T_CONTAINS(r->out, "## 5. Discussion\n");
	r = t_gavel(e, "minutes", "2", "--format", "html", NULL);
	T_CONTAINS(r->out, "<h2>5. Discussion</h2>");
	T_CONTAINS(r->out, "<title>2024-12-18 Minutes of the S/MIME");
	r = t_gavel(e, "agenda", "4", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "Wednesday, January 15, 2025 at 11:00 am Eastern "
	                   "Time (2025-01-15 16:00 UTC)");
	T_CONTAINS(r->out, "5. Discussion\n");
	r = t_gavel(e, "meeting", "note", "4", "discussion",
	            "Review **SMC011**.", NULL);
	T_EQ_INT(r->status, 0);
	r = t_gavel(e, "meeting", "link", "4", "Discussion", "--issue", "#263",
	            NULL);
	T_EQ_INT(r->status, 0);
	r = t_gavel(e, "agenda", "4", NULL);
	T_CONTAINS(r->out, "5. Discussion (#263)\n");
	r = t_gavel(e, "meeting", "list", "--issue", "263", "--format", "json",
	            NULL);
	T_CONTAINS(r->out, "\"id\": 2,");
	T_CONTAINS(r->out, "\"id\": 4,");
	r = t_gavel(e, "minutes", "2", "--format", "pdf", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "unknown format 'pdf'");
	r = t_gavel(e, "minutes", "99", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no meeting 99");
	r = t_gavel(e, "minutes", "approve", "2", "--at-meeting", "1", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "later meeting");
}

/* Issue 14.10: a second meeting at the same start is refused, by `meeting
 * add` and whatever the import made; importing the day updates it. */
static void
same_start_refused(void)
{
	const char *const *e, *path;
	struct t_run *r;

	T_ASSERT(demo());
	e = env("2025-01-15 17:00"); /* after demo(), which reuses its buffer */
	r = t_gavel(e, "meeting", "add", "SMCWG", "2025-01-15 16:00Z", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->out, "");
	T_EQ_STR(r->err, "gavel: SMCWG already has meeting 4 at 2025-01-15 "
	                 "16:00 UTC: see 'gavel meeting show 4'\n");
	r = t_gavel(e, "meeting", "add", "SMCWG", "2025-01-01 11:00", "--tz",
	            "America/New_York", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "meeting 3 at 2025-01-01 16:00 UTC (cancelled)");
	r = t_gavel(e, "meeting", "list", "--format", "json", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "\"id\": 4,");
	T_ASSERT(!strstr(r->out, "\"id\": 5,"));
	/* Minutes of that day, as the website posts them. */
	T_ASSERT((path = t_fixture("minutes/2024/2024-12-18-minutes-smcwg-"
	                           "call.md")) != NULL);
	r = t_gavel(e, "minutes", "import", path, NULL);
	T_CONTAINS(r->out, "SMCWG meeting 2 of 2024-12-18 (updated)");
	r = t_gavel(e, "meeting", "add", "SMCWG", "2024-12-18 16:00Z", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "SMCWG already has meeting 2 at");
	r = t_gavel(e, "minutes", "import", path, NULL);
	T_CONTAINS(r->out, "SMCWG meeting 2 of 2024-12-18 (updated)");
	r = t_gavel(e, "meeting", "list", "--format", "json", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "\"id\": 4,");
	T_ASSERT(!strstr(r->out, "\"id\": 5,"));
}

/* The JSON list's meeting id (1-based position). */
static json_t *
listed(json_t *doc, size_t id)
{
	return json_array_get(doc, id - 1);
}

/* Issue 14.10: a past meeting with no roll call reads "no roll call" in
 * the list, its JSON and `show`; it has no minutes to render. */
static void
no_roll_call_everywhere(void)
{
	const char *const *e;
	json_error_t jerr;
	struct t_run *r;
	json_t *doc;

	T_ASSERT(demo());
	e = env("2025-01-15 17:00"); /* after demo(), which reuses its buffer */
	r = t_gavel(e, "meeting", "list", NULL);
	T_CONTAINS(r->out, "11:00 EST  call  no roll call  0       0  "
	                   "     -         -\n");
	T_CONTAINS(r->out, "11:00 EST  call  no roll call  0       0  "
	                   "     approved  -\n");
	r = t_gavel(e, "meeting", "list", "--format", "json", NULL);
	doc = json_loads(r->out, 0, &jerr);
	T_ASSERT(doc);
	T_EQ_STR(json_string_value(json_object_get(listed(doc, 4), "status")),
	         "no roll call");
	T_ASSERT(json_is_null(json_object_get(listed(doc, 4), "minutes")));
	T_ASSERT(json_is_null(json_object_get(listed(doc, 3), "minutes")));
	/* The 12-04 call has no roll call, but its approval stands. */
	T_EQ_STR(json_string_value(json_object_get(listed(doc, 1), "status")),
	         "no roll call");
	T_EQ_STR(json_string_value(json_object_get(listed(doc, 1), "minutes")),
	         "approved");
	json_decref(doc);
	r = t_gavel(e, "meeting", "show", "4", NULL);
	T_CONTAINS(r->out, "Status: no roll call\nRoll call: none recorded");
	r = t_gavel(e, "minutes", "4", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->out, "");
	T_EQ_STR(r->err, "gavel: meeting 4 has no roll call: record it with "
	                 "'gavel meeting attend 4 \"Name (Organisation)\"...', "
	                 "or 'gavel meeting cancel 4' if it did not take "
	                 "place\n");
	r = t_gavel(e, "minutes", "3", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "meeting 3 was cancelled: it has no minutes");
	T_EQ_INT(t_gavel(e, "meeting", "attend", "4",
	                 "Stephen Davidson (DigiCert)", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "meeting", "show", "4", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"status\": \"held\"");
	T_CONTAINS(r->out, "\"minutes\": \"draft\"");
	r = t_gavel(e, "minutes", "4", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "## 1. Roll Call\n\n1 person attended, for 1 "
	                   "voting member.");
}

/* Issue 14.10: the next minutes report the calls cancelled since the last
 * held one, with the reason; linked issues and ballots (in their state at
 * the meeting) appear under their item. */
static void
minutes_report_cancelled_and_linked(void)
{
	const char *const *e;
	struct t_run *r;

	T_ASSERT(demo());
	e = env("2025-01-15 17:00"); /* after demo(), which reuses its buffer */
	T_EQ_INT(t_gavel(e, "meeting", "attend", "4",
	                 "Stephen Davidson (DigiCert)", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "meeting", "link", "4", "Discussion", "--ballot",
	                 "SMC010", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "issue", "link", "263", "--meeting", "4", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "minutes", "4", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "## 4. Approval of minutes from last teleconference"
	                   "\n\nNo minutes were pending approval.\n\nThe "
	                   "teleconference of January 1, 2025 was cancelled "
	                   "(announced at the 2024-12-18 call).\n\n");
	T_CONTAINS(r->out, "## 5. Discussion\n\nDiscussed:\n\n- Issue #263 "
	                   "(EUID in OrganizationIdentifier attribute) "
	                   "https://github.com/cabforum/smime/issues/263\n"
	                   "- Ballot SMC010 (Introduction of Multi-Perspective "
	                   "Issuance Corroboration): adopted\n\n");
	/* At the 12-18 call SMC010 was under review, whatever it is now. */
	r = t_gavel(e, "minutes", "2", NULL);
	T_CONTAINS(r->out, "- Ballot SMC010 (Introduction of Multi-Perspective "
	                   "Issuance Corroboration): under IPR review\n");
	T_ASSERT(!strstr(r->out, "was cancelled"));
	/* `meeting cancel --reason`: reported once, by the next minutes. */
	e = env("2025-02-12 17:00");
	T_EQ_STR(
	        t_gavel(e, "meeting", "add", "SMCWG", "2025-01-29 16:00Z", NULL)
	                ->out,
	        "5\n");
	T_EQ_INT(t_gavel(e, "meeting", "cancel", "5", "--reason",
	                 "no agenda items", NULL)
	                 ->status,
	         0);
	T_CONTAINS(t_gavel(e, "agenda", "5", NULL)->out,
	           "\n**This meeting is cancelled**: no agenda items.\n");
	T_EQ_STR(
	        t_gavel(e, "meeting", "add", "SMCWG", "2025-02-12 16:00Z", NULL)
	                ->out,
	        "6\n");
	T_EQ_INT(t_gavel(e, "meeting", "attend", "6",
	                 "Stephen Davidson (DigiCert)", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "minutes", "6", NULL);
	T_CONTAINS(r->out, "The teleconference of January 29, 2025 was "
	                   "cancelled (no agenda items).\n");
	T_ASSERT(!strstr(r->out, "January 1, 2025"));
}

/* The shared minutes files, as arguments, in a fixed order. */
static const char *const shared_files[] = {
        "2013/2013-01-10-2013-01-10-minutes.md",
        "2018/2018-09-20-2018-09-20-minutes-of-ca-browser-forum.md",
        "2020/2020-10-01-2020-09-17-minutes-of-the-server-certificate-"
        "working-group.md",
        "2021/2021-06-23-minutes-of-smcwg.md",
        "2022/2022-01-18-2022-01-18-minutes-of-the-network-security-"
        "working-group.md",
        "2024/2024-02-27-minutes-of-the-F2F-meeting-in-Delhi-ValidationSC.md",
        "2024/2024-12-18-minutes-smcwg.md",
        "2025/2025-01-09-minutes-cscwg.md",
        "2026/2026-01-15-minutes-of-the-server-certificate-working-group.md",
        "2026/2026-04-02-minutes-cscwg copy.md",
};

/* Imports the ten shared posts; NULL (the test skipped, naming the
 * file) when one is absent. */
static struct t_run *
import_shared(void)
{
	const char *const *e = env("2026-11-27 12:00");
	const char *paths[10];
	char rel[512];
	size_t i;

	for (i = 0; i < 10; i++) {
		snprintf(rel, sizeof(rel), "minutes/%s", shared_files[i]);
		if (!(paths[i] = t_testdata_file(rel)))
			return NULL;
	}
	return t_gavel(e, "minutes", "import", paths[0], paths[1], paths[2],
	               paths[3], paths[4], paths[5], paths[6], paths[7],
	               paths[8], paths[9], NULL);
}

/* The posts written for the tests (tests/data/minutes), oldest first. */
static const char *const fixture_files[] = {
        "2013/2013-03-14-2013-03-14-minutes.md",
        "2020/2020-10-08-2020-10-01-minutes-of-the-server-certificate-"
        "working-group.md",
        "2021/2021-07-14-minutes-of-smcwg.md",
        "2022/2022-02-01-2022-02-01-minutes-of-the-network-security-"
        "working-group.md",
        "2024/2024-03-05-minutes-of-the-F2F-meeting-in-Berlin-"
        "ValidationSC.md",
        "2024/2024-12-18-minutes-smcwg-call.md",
        "2026/2026-05-07-minutes-cscwg copy.md",
};

/* tests/data/minutes/<fixture_files[i]>, or NULL (the test failed). */
static const char *
fixture_file(size_t i)
{
	char rel[512];

	snprintf(rel, sizeof(rel), "minutes/%s", fixture_files[i]);
	return t_fixture(rel);
}

static struct t_run *
import_fixtures(void)
{
	const char *const *e = env("2026-11-27 12:00");
	const char *paths[7];
	size_t i;

	for (i = 0; i < 7; i++)
		if (!(paths[i] = fixture_file(i)))
			return NULL;
	return t_gavel(e, "minutes", "import", paths[0], paths[1], paths[2],
	               paths[3], paths[4], paths[5], paths[6], NULL);
}

/* Every shape of post, into an empty database, twice: the second import
 * updates each meeting in place. */
static void
import_every_fixture(void)
{
	const char *const *e = env("2026-11-27 12:00");
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", NULL)->status, 0);
	T_ASSERT((r = import_fixtures()) != NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "7 of 7 files imported\n");
	T_CONTAINS(r->out, "2024-12-18-minutes-smcwg-call.md: SMCWG meeting 6 "
	                   "of 2024-12-18 (new): 6 attendees, 5 "
	                   "organisations");
	T_CONTAINS(r->out, "  minute-taker: Ines Duarte\n");
	T_CONTAINS(r->out, "SCWG meeting 2 of 2020-10-01 (new)");
	/* A first name alone is no attendee's whole name: said, not
	 * guessed. */
	T_CONTAINS(r->out, "  warning: the minute-taker, \"Ravi\", is not "
	                   "one attendee\n");
	T_CONTAINS(r->out, "CSCWG meeting 7 of 2026-05-07 (new): 4 attendees");
	T_ASSERT((r = import_fixtures()) != NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "SMCWG meeting 6 of 2024-12-18 (updated): 6 "
	                   "attendees, 5 organisations; new: 0 people, 0 "
	                   "organisations");
	r = t_gavel(e, "meeting", "list", "--format", "json", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "\"id\": 7,");
	T_ASSERT(!strstr(r->out, "\"id\": 8,"));
	/* The Berlin meeting was the Validation Subcommittee's, face to
	 * face. */
	r = t_gavel(e, "meeting", "show", "5", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "Meeting 5 of SCWG, Validation SC:");
}

static void
import_every_shared_file(void)
{
	const char *const *e = env("2026-11-27 12:00");
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", NULL)->status, 0);
	if (!(r = import_shared()))
		return;
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "10 of 10 files imported\n");
	T_CONTAINS(r->out, "2024-12-18-minutes-smcwg.md: SMCWG meeting 7 of "
	                   "2024-12-18 (new): 30 attendees, 24 organisations");
	T_CONTAINS(r->out, "  minute-taker: Stephen Davidson\n");
	T_CONTAINS(r->out, "SCWG meeting 3 of 2020-09-17 (new)");
	T_CONTAINS(r->out, "  minute-taker: Dimitris Zacharopoulos\n");
	T_CONTAINS(r->out, "SCWG meeting 6 of 2024-02-28 (new)");
	/* Importing again updates in place: no second meeting. */
	r = import_shared();
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "SMCWG meeting 7 of 2024-12-18 (updated): 30 "
	                   "attendees, 24 organisations; new: 0 people, 0 "
	                   "organisations");
	r = t_gavel(e, "meeting", "list", "--format", "json", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "\"id\": 10,");
	T_ASSERT(!strstr(r->out, "\"id\": 11,"));
	/* The Delhi meeting was the Validation Subcommittee's, face to face. */
	r = t_gavel(e, "meeting", "show", "6", NULL);
	T_CONTAINS(r->out, "Meeting 6 of SCWG, Validation SC:");
}

static void
import_skips_bad_files(void)
{
	const char *const *e = env("2026-11-27 12:00");
	const char *good;
	struct t_run *r;
	FILE *f;

	T_ASSERT((good = fixture_file(5)) != NULL);
	T_EQ_INT(t_gavel(e, "init", NULL)->status, 0);
	f = fopen(t_path("empty.md"), "w");
	fclose(f);
	f = fopen(t_path("broken.md"), "w");
	fputs("---\ntitle: 2024-12-04 Minutes\nthis is not yaml\n---\n", f);
	fclose(f);
	r = t_gavel(e, "minutes", "import", t_path("empty.md"),
	            t_path("broken.md"), good, t_path("absent.md"),
	            "posts/*.md", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: empty.md: the file is empty\n");
	T_CONTAINS(r->err, "gavel: broken.md: front matter line 3");
	/* Issue 15: each names its file once, and says what to do. */
	T_CONTAINS(r->err, "gavel: cannot read ");
	T_CONTAINS(r->err, "/absent.md: No such file or directory\n");
	T_CONTAINS(r->err, "gavel: no file matches posts/*.md: check the "
	                   "folder and the pattern\n");
	T_CONTAINS(r->out, "6 attendees");
	T_CONTAINS(r->out, "1 of 5 files imported\n");
	r = t_gavel(e, "meeting", "list", "--format", "json", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "\"id\": 1,");
	T_ASSERT(!strstr(r->out, "\"id\": 2,"));
}

/* A new database holding two SMCWG calls imported from their minutes:
 * DigiCert and Sectigo in 2021; with Google in 2024. 1, or 0 with the
 * test failed. */
static int
two_calls_imported(const char *const *e)
{
	const char *a = fixture_file(2), *b = fixture_file(5);

	if (!a || !b || t_gavel(e, "init", NULL)->status != 0 ||
	    t_gavel(e, "minutes", "import", a, b, NULL)->status != 0) {
		t_fail(__FILE__, __LINE__, "the two calls were not imported");
		return 0;
	}
	return 1;
}

/* `org set ORG --body SMCWG --class KLASS [--since SINCE]`: its status. */
static int
classify(const char *const *e, const char *org, const char *klass,
         const char *since)
{
	return (since ? t_gavel(e, "org", "set", org, "--body", "SMCWG",
	                        "--class", klass, "--since", since, NULL)
	              : t_gavel(e, "org", "set", org, "--body", "SMCWG",
	                        "--class", klass, NULL))
	        ->status;
}

/* SMCWG's quorum baseline before 2025 as JSON; the test fails when it
 * cannot be had. */
static struct t_run *
baseline_2024(const char *const *e)
{
	struct t_run *r = t_gavel(e, "meeting", "baseline", "SMCWG", "--before",
	                          "2025-01-01", "--format", "json", NULL);

	if (r->status != 0)
		t_fail(__FILE__, __LINE__, "meeting baseline: %s", r->err);
	return r;
}

static void
baseline_from_imported_attendance(void)
{
	const char *const *e = env("2026-11-27 12:00");
	struct t_run *r;

	if (!two_calls_imported(e))
		return;
	/* Imported organisations have no class: no quorum counts them. */
	r = t_gavel(e, "meeting", "baseline", "SMCWG", "--before", "2025-01-01",
	            NULL);
	T_CONTAINS(r->out, "Average 0.00; quorum floor(0.00 / 2) + 1 = 1");
	/* Classifying corrects the record for the meetings already held. */
	T_EQ_INT(classify(e, "DigiCert", "issuer", NULL), 0);
	T_EQ_INT(classify(e, "Sectigo", "issuer", NULL), 0);
	T_EQ_INT(classify(e, "Google", "consumer", NULL), 0);
	r = baseline_2024(e);
	T_CONTAINS(r->out, "\"voting_members_present\": 3");
	T_CONTAINS(r->out, "\"voting_members_present\": 2");
	T_CONTAINS(r->out, "\"active_average\": 2.5");
	T_CONTAINS(r->out, "\"quorum\": 2");
}

/* A class given a date (--since) holds from it: before, the organisation
 * met in the minutes is still of no known class and counts for no
 * quorum; one given no date corrects the record from the start. */
static void
dated_class_holds_from_its_date(void)
{
	const char *const *e = env("2026-11-27 12:00");
	struct t_run *r;

	if (!two_calls_imported(e))
		return;
	T_EQ_INT(classify(e, "DigiCert", "issuer", "2022-01-01"), 0);
	T_EQ_INT(classify(e, "Sectigo", "issuer", NULL), 0);
	r = baseline_2024(e);
	T_CONTAINS(r->out, "\"voting_members_present\": 1");
	T_CONTAINS(r->out, "\"voting_members_present\": 2");
	T_CONTAINS(r->out, "\"active_average\": 1.5");
}

/* The attendee line as minutes write it (issue 14, item 8): on the
 * command line or from standard input, read as `minutes import` reads it;
 * unknown names are listed and nothing is recorded, unless --create. */
static void
roll_call_from_a_pasted_line(void)
{
	const char *const *e;
	struct t_run *r;

	T_ASSERT(demo());
	e = env("2025-01-15 17:00"); /* one static environment: after demo() */
	r = t_gavel(e, "meeting", "attend", "4", "--line",
	            "Attendees: Stephen Davidson (DigiCert), I\xC3\xB1igo "
	            "Barreira - (Sectigo), Jane Roe (Nowhere Inc.)",
	            NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: 1 of 3 names match nobody known");
	T_CONTAINS(r->err, "gavel: not matched: Jane Roe (Nowhere Inc.)\n");
	r = t_gavel(e, "meeting", "show", "4", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"attendees\": 0");
	r = t_gavel_input("Stephen Davidson (DigiCert), I\xC3\xB1igo "
	                  "Barreira - (Sectigo),\nJane Roe (Nowhere Inc.)\n",
	                  e, "meeting", "attend", "4", "--line", "-",
	                  "--create", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "3 recorded, 1 new person, 1 new organisation\n");
	r = t_gavel(e, "meeting", "show", "4", NULL);
	T_CONTAINS(r->out, "  - Jane Roe (Nowhere Inc.)\n");
	T_CONTAINS(r->out, "  - I\xC3\xB1igo Barreira (Sectigo)\n");
	/* An entry that reads as no name: nothing recorded, each listed. */
	r = t_gavel(e, "meeting", "attend", "2", "--line",
	            "Ben Wilson (Mozilla), see the sign-up sheet", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: not a name: see the sign-up sheet\n");
	r = t_gavel(e, "meeting", "attend", "4", "Ben Wilson (Mozilla)",
	            "--line", "Ben Wilson (Mozilla)", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "not both");
}

/* A person who moves is one person: the move shows in person show and
 * list, and each meeting keeps the organisation of its day. */
static void
person_moves_between_organisations(void)
{
	const char *const *e;
	struct t_run *r;

	T_ASSERT(demo());
	e = env("2025-01-15 17:00"); /* one static environment: after demo() */
	T_EQ_INT(t_gavel(e, "org", "add", "Entrust", "--body", "SMCWG",
	                 "--class", "issuer", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "person", "add", "Bruce Morton", "--org", "Entrust",
	                 NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "meeting", "add", "SMCWG", "2025-01-29 16:00Z", NULL);
	T_EQ_STR(r->out, "5\n");
	e = env("2025-01-29 17:00"); /* the roll call once the call began */
	r = t_gavel(e, "meeting", "attend", "5", "Bruce Morton (Sectigo)",
	            NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "1 recorded\n");
	r = t_gavel(e, "person", "show", "bruce morton", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "  organisation: Sectigo, from 2025-01-29\n"
	                   "  earlier:      Entrust, from 2025-01-15 or "
	                   "earlier to 2025-01-29\n");
	T_CONTAINS(r->out, "  meetings:     1 attended, the last on "
	                   "2025-01-29\n");
	r = t_gavel(e, "person", "list", "--org", "Sectigo", NULL);
	T_CONTAINS(r->out, "EARLIER");
	T_CONTAINS(r->out, "Bruce Morton");
	T_CONTAINS(r->out, "Entrust");
	/* The meeting of the day before the move: Entrust. */
	T_EQ_INT(t_gavel(e, "meeting", "attend", "4", "Bruce Morton", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "meeting", "show", "4", NULL);
	T_CONTAINS(r->out, "  - Bruce Morton (Entrust)\n");
	r = t_gavel(e, "person", "show", "Nobody Known", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: no person \"Nobody Known\"");
}

/* A name the import cannot tell apart is listed in its report with the
 * file and line, and not recorded; the rest of the roll call is. */
static void
import_reports_unresolved_names(void)
{
	const char *const *e = env("2026-11-27 12:00");
	const char *post;
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", NULL)->status, 0);
	post = t_write_file("2024-03-06-minutes.md",
	                    "---\ndate: 2024-03-06\ntags: [S/MIME]\n"
	                    "title: 2024-03-06 Minutes\n---\n## Attendees\n"
	                    "Adam Jones (Entrust), Adam Jones (Mozilla)\n");
	T_ASSERT(post != NULL);
	T_EQ_INT(t_gavel(e, "minutes", "import", post, NULL)->status, 0);
	post = t_write_file("2024-03-20-minutes.md",
	                    "---\ndate: 2024-03-20\ntags: [S/MIME]\n"
	                    "title: 2024-03-20 Minutes\n---\n\n## Attendees\n"
	                    "\nAdam Jones, Ben Wilson (Mozilla)\n");
	r = t_gavel(e, "minutes", "import", post, NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, ": 1 attendee, 1 organisation, 1 not recorded; "
	                   "new: 1 person");
	T_CONTAINS(r->out, "  warning: 2024-03-20-minutes.md:9: \"Adam "
	                   "Jones\" names 2 people (Entrust; Mozilla): write "
	                   "it as Name (Organisation); not recorded\n");
}

/* The minutes' line in each state, as the trial read it (BYL 5.1(1)). */
static void
minutes_line_reads_each_state(void)
{
	const char *const *e;
	struct t_run *r;

	T_ASSERT(demo());
	e = env("2025-01-29 18:00"); /* one static environment: after demo() */
	T_EQ_INT(t_gavel(e, "body", "set", "SMCWG", "--cadence",
	                 "every 2 weeks on Wednesday at 11:00 from 2024-12-04",
	                 NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "meeting", "add", "SMCWG", "2025-01-29 11:00", NULL);
	T_EQ_STR(r->out, "5\n");
	T_EQ_INT(t_gavel(e, "meeting", "attend", "5", "Ben Wilson (Mozilla)",
	                 NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "--now", "2025-02-20 12:00", "meeting", "show", "5",
	            NULL);
	T_CONTAINS(r->out, "\nMinutes: draft, until a later meeting approves "
	                   "them (the meeting of 2025-02-12 is within 3 weeks "
	                   "of the draft)\n");
	r = t_gavel(e, "meeting", "show", "2", NULL);
	T_CONTAINS(r->out, "\nMinutes: final since 2025-01-08 (no meeting "
	                   "within 3 weeks of the draft)\n");
	r = t_gavel(e, "meeting", "show", "1", NULL);
	T_CONTAINS(r->out, "\nMinutes: approved at meeting 2 (2024-12-18)\n");
	T_EQ_INT(t_gavel(e, "body", "set", "SMCWG", "--cadence", "none", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "meeting", "show", "5", NULL);
	T_CONTAINS(r->out, "\nMinutes: draft, final on 2025-02-19 unless a "
	                   "meeting approves them sooner\n");
}

/* What a roll call and a baseline print, in the singular where it is
 * one, and a second roll call of someone present is no new attendee. */
static void
roll_call_and_baseline_wording(void)
{
	const char *const *e;
	struct t_run *r;

	T_ASSERT(demo());
	e = env("2025-01-29 18:00"); /* one static environment: after demo() */
	r = t_gavel(e, "meeting", "attend", "4", "Ben Wilson (Mozilla)", NULL);
	T_EQ_STR(r->out, "1 recorded\n");
	r = t_gavel(e, "meeting", "attend", "4", "Ben Wilson (Mozilla)",
	            "Stephen Davidson (DigiCert)", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "1 recorded, 1 already present\n");
	r = t_gavel(e, "meeting", "show", "4", NULL);
	T_CONTAINS(r->out,
	           "\nAttendance: 2 people, 2 voting members present\n");
	T_EQ_INT(t_gavel(e, "meeting", "absent", "4", "Stephen Davidson", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "meeting", "show", "4", NULL);
	T_CONTAINS(r->out, "\nAttendance: 1 person, 1 voting member present\n");
	r = t_gavel(e, "meeting", "baseline", "SMCWG", NULL);
	T_CONTAINS(r->out, "the previous 2 held meetings before");
	T_CONTAINS(r->out,
	           "  meeting 4     2025-01-15  1 voting member present\n");
	T_CONTAINS(r->out, "  (1 past meeting with no roll call left out)\n");
	r = t_gavel(e, "meeting", "baseline", "SMCWG", "--before", "2025-01-01",
	            NULL);
	T_CONTAINS(r->out, "the previous held meeting before 2025-01-01 00:00 "
	                   "UTC\n");
}

const struct t_case meeting_cli_tests[] = {
        {"add_prints_id_and_lists_json", add_prints_id_and_lists_json},
        {"minutes_line_reads_each_state", minutes_line_reads_each_state},
        {"roll_call_and_baseline_wording", roll_call_and_baseline_wording},
        {"next_call_seed_case", next_call_seed_case},
        {"roll_call_refuses_strangers", roll_call_refuses_strangers},
        {"minutes_and_agenda", minutes_and_agenda},
        {"same_start_refused", same_start_refused},
        {"no_roll_call_everywhere", no_roll_call_everywhere},
        {"minutes_report_cancelled_and_linked",
         minutes_report_cancelled_and_linked},
        {"import_every_shared_file", import_every_shared_file},
        {"import_every_fixture", import_every_fixture},
        {"import_skips_bad_files", import_skips_bad_files},
        {"roll_call_from_a_pasted_line", roll_call_from_a_pasted_line},
        {"person_moves_between_organisations",
         person_moves_between_organisations},
        {"import_reports_unresolved_names", import_reports_unresolved_names},
        {"baseline_from_imported_attendance",
         baseline_from_imported_attendance},
        {"dated_class_holds_from_its_date", dated_class_holds_from_its_date},
        {NULL, NULL},
};
