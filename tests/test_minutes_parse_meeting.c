/* SPDX-License-Identifier: MIT */
/*
 * This file tests what the parser of published minutes reads about the
 * meeting (core/minutes_parse.c): the body from the tags, the day and where
 * it comes from, the subcommittee, a face-to-face meeting, the minute-taker.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "minutes_fixture.h"
#include "minutes_parse.h"

/*
 * Body, day, title.
 */

static void
body_from_each_tag(void)
{
	static const struct {
		const char *tag, *code;
	} cases[] = {
	        {"Forum", "FORUM"},
	        {"Server Certificates", "SCWG"},
	        {"S/MIME", "SMCWG"},
	        {"Code Signing", "CSCWG"},
	        {"Network Security", "NETSEC"},
	};
	char text[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct gv_minutes_doc *d;

		snprintf(text, sizeof(text),
		         "---\ntitle: 2024-01-01 X\ntags:\n- Minutes\n- %s\n"
		         "---\n",
		         cases[i].tag);
		d = PARSE("t.md", text);
		T_ASSERT(d != NULL);
		T_EQ_STR(d->body_code, cases[i].code);
		T_EQ_STR(d->body_tag, cases[i].tag);
		T_EQ_INT(d->f2f, 0);
	}
	release();
}

static void
body_minutes_only_is_forum(void)
{
	struct gv_minutes_doc *d;

	d = PARSE("t.md", "---\ntitle: 2013-01-10 Minutes\ntags:\n- Minutes\n"
	                  "---\n");
	T_ASSERT(d != NULL);
	T_EQ_STR(d->body_code, "FORUM");
	T_EQ_STR(d->body_tag, "Minutes");
	T_EQ_INT(d->f2f, 0);
	d = PARSE("t.md", "---\ntitle: 2016-06-21 Minutes\n"
	                  "tags: [Minutes, Face-to-Face]\n---\n");
	T_ASSERT(d != NULL);
	T_EQ_STR(d->body_code, "FORUM");
	T_EQ_INT(d->f2f, 1);
	release();
}

static void
body_two_bodies_warns(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md", "---\ntitle: 2018-09-20 Minutes\n"
	                      "tags: [Minutes, Forum, Server Certificates]\n"
	                      "---\n");

	T_ASSERT(d != NULL);
	T_EQ_STR(d->body_code, "FORUM");
	T_EQ_STR(warning_with(d, "two bodies"),
	         "the tags name two bodies, Forum and Server Certificates "
	         "(the first is used)");
	release();
}

static void
day_sources(void)
{
	struct gv_minutes_doc *d;

	d = PARSE(
	        "2024-02-27-delhi.md",
	        "---\ndate: 2024-04-05 00:00:00\ntags: [Server Certificates]\n"
	        "title: 2024-02-28 Minutes of F2F meeting in Delhi\n---\n");
	T_ASSERT(d != NULL);
	T_EQ_STR(day_of(d), "2024-02-28");
	T_EQ_STR(d->day_from, "title");
	T_EQ_STR(warning_with(d, "differs"),
	         "title date 2024-02-28 differs from the post date "
	         "2024-04-05 (the title's is used)");

	d = PARSE("2021-06-23-minutes-of-smcwg.md",
	          "---\ndate: 2021-06-23 20:51:00\ntags: [S/MIME]\n"
	          "title: Minutes of SMCWG\n---\n");
	T_ASSERT(d != NULL);
	T_EQ_STR(day_of(d), "2021-06-23");
	T_EQ_STR(d->day_from, "date");
	T_EQ_INT(d->nwarnings, 1); /* no attendee list */

	d = PARSE("x-2025-01-09-minutes 2.md",
	          "---\ntags: [Code Signing]\ntitle: Minutes\n---\n");
	T_ASSERT(d != NULL);
	T_EQ_STR(day_of(d), "2025-01-09");
	T_EQ_STR(d->day_from, "file name");
	T_ASSERT(warning_with(d, "file name's 2025-01-09 is used") != NULL);
	release();
}

static void
day_bad_dates_fall_back(void)
{
	struct gv_minutes_doc *d;

	/* 2023 is no leap year: the post date is used, silently */
	d = PARSE("t.md", "---\ndate: 2023-03-01 00:00:00\ntags: [Forum]\n"
	                  "title: 2023-02-29 Minutes\n---\n");
	T_ASSERT(d != NULL);
	T_EQ_STR(day_of(d), "2023-03-01");
	T_EQ_STR(d->day_from, "date");
	T_ASSERT(warning_with(d, "differs") == NULL);

	d = PARSE("t.md", "---\ndate: last Thursday\ntags: [Forum]\n"
	                  "title: 2024-02-29 Minutes\n---\n");
	T_ASSERT(d != NULL);
	T_EQ_STR(day_of(d), "2024-02-29");
	T_EQ_STR(warning_with(d, "post date"),
	         "post date \"last Thursday\" is not YYYY-MM-DD (ignored)");
	release();
}

static void
subcommittee_from_title(void)
{
	static const struct {
		const char *title, *want;
	} cases[] = {
	        {"2024-02-28 Minutes of F2F meeting in Delhi - Validation SC",
	         "Validation SC"},
	        {"2020-09-17 Minutes of the Network Security Subcommittee",
	         "Network Security Subcommittee"},
	        {"2019-05-02 Validation Subcommittee Minutes",
	         "Validation Subcommittee"},
	        {"2021-03-04 Minutes (Validation SC)", "Validation SC"},
	        {"2022-01-01 Minutes of the Subcommittee", "Subcommittee"},
	        {"2024-12-18 Minutes of the SCWG", NULL},
	        {"2024-12-18 Minutes of the CSCWG", NULL},
	        {"2024-12-18 SC-080 discussion", NULL},
	};
	char text[256];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct gv_minutes_doc *d;

		snprintf(text, sizeof(text),
		         "---\ntitle: %s\ntags: [Server Certificates]\n---\n",
		         cases[i].title);
		d = PARSE("t.md", text);
		T_ASSERT(d != NULL);
		T_EQ_STR(d->subcommittee, cases[i].want);
	}
	release();
}

static void
f2f_from_title(void)
{
	static const char *const titles[] = {
	        "2024-02-28 Minutes of F2F meeting in Delhi",
	        "2023-06-06 Minutes of the Face-to-Face Meeting 59",
	        "2019-02-26 Minutes of the face to face meeting",
	};
	char text[256];
	struct gv_minutes_doc *d;

	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		snprintf(text, sizeof(text),
		         "---\ntitle: %s\ntags: [Forum]\n---\n", titles[i]);
		d = PARSE("t.md", text);
		T_ASSERT(d != NULL);
		T_EQ_INT(d->f2f, 1);
	}
	d = PARSE("t.md", "---\ntitle: 2026-04-02 Minutes\ntags: [Forum]\n"
	                  "---\nNext steps after the F2F discussion.\n");
	T_ASSERT(d != NULL);
	T_EQ_INT(d->f2f, 0); /* the body's mention does not count */
	release();
}

/*
 * The minute-taker.
 */

static void
minute_taker_stated(void)
{
	static const struct {
		const char *line, *want;
	} cases[] = {
	        {"Minutes were prepared by Stephen Davidson.",
	         "Stephen Davidson"},
	        {"No changes to the agenda were noted. Dimitris took minutes "
	         "for this meeting. Jos will take the minutes for the next "
	         "call.",
	         "Dimitris"},
	        {"Minute taker: Tim Hollebeek (DigiCert)", "Tim Hollebeek"},
	        {"Minute-taker: Wayne", "Wayne"},
	        {"- **Minute taker:** Inigo Barreira", "Inigo Barreira"},
	        {"The minutes taken by Albert de Ruiter were approved.",
	         "Albert de Ruiter"},
	        {"Ben Wilson took the minutes.", "Ben Wilson"},
	        {"Jos will take the minutes for the next call.", NULL},
	        {"The minutes were approved.", NULL},
	        {"Minute taker: the chair", NULL},
	};
	char text[512];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct gv_minutes_doc *d;

		snprintf(text, sizeof(text),
		         SMIME_HEAD "## 3. Review Agenda\n\n%s\n",
		         cases[i].line);
		d = PARSE("t.md", text);
		T_ASSERT(d != NULL);
		T_EQ_STR(d->minute_taker, cases[i].want);
	}
	release();
}

const struct t_case minutes_parse_meeting_tests[] = {
        {"body_from_each_tag", body_from_each_tag},
        {"body_minutes_only_is_forum", body_minutes_only_is_forum},
        {"body_two_bodies_warns", body_two_bodies_warns},
        {"day_sources", day_sources},
        {"day_bad_dates_fall_back", day_bad_dates_fall_back},
        {"subcommittee_from_title", subcommittee_from_title},
        {"f2f_from_title", f2f_from_title},
        {"minute_taker_stated", minute_taker_stated},
        {NULL, NULL},
};
