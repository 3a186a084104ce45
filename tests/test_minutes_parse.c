/* SPDX-License-Identifier: MIT */
/*
 * This file tests the parser of published minutes (core/minutes_parse.c):
 * front matter and its errors, body, day, subcommittee, attendee lists in
 * each shape the website uses, the minute-taker, and the real samples in
 * the shared test data (read at run time, never copied here).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "gavel/error.h"
#include "gavel/time.h"
#include "minutes_parse.h"

/* A front matter that names the S/MIME WG and a day, for body tests. */
#define HEAD                                                                   \
	"---\n"                                                                \
	"date: 2024-12-18 00:00:00\n"                                          \
	"tags:\n"                                                              \
	"- Minutes\n"                                                          \
	"- S/MIME\n"                                                           \
	"title: 2024-12-18 Minutes of the S/MIME Certificate Working Group\n"  \
	"---\n"

/* The document of the last PARSE, freed by the next one or by RELEASE,
 * so that a failed assertion (which returns) leaks nothing. */
static struct gv_minutes_doc *held;

static struct gv_minutes_doc *
parse_at(const char *file, int line, const char *name, const char *text)
{
	gv__minutes_doc_free(held);
	held = NULL;
	if (gv__minutes_parse(&held, name, text, strlen(text)) < 0)
		t_fail(file, line, "%s: %s", name, gv_error_last()->message);
	return held;
}

#define PARSE(name, text) parse_at(__FILE__, __LINE__, name, text)

static void
release(void)
{
	gv__minutes_doc_free(held);
	held = NULL;
}

/* The message of a parse that must fail with GV_EINVALID. */
static const char *
parse_error(const char *name, const char *text, size_t len)
{
	struct gv_minutes_doc *d = NULL;
	int rc = gv__minutes_parse(&d, name, text, len);

	if (rc == 0) {
		gv__minutes_doc_free(d);
		return "(parsed without error)";
	}
	if (d)
		return "(error, but *out was set)";
	return rc == GV_EINVALID ? gv_error_last()->message : "(not EINVALID)";
}

#define ERR(name, text) parse_error(name, text, strlen(text))

static const char *
day_of(const struct gv_minutes_doc *d)
{
	static char buf[GV_TIME_BUFSZ];

	return gv_time_format(buf, d->day * 86400, GV_TIME_DATE);
}

static const char *
warning_with(const struct gv_minutes_doc *d, const char *needle)
{
	for (size_t i = 0; i < d->nwarnings; i++)
		if (strstr(d->warnings[i], needle))
			return d->warnings[i];
	return NULL;
}

static const struct gv_minutes_attendee *
attendee(const struct gv_minutes_doc *d, const char *name)
{
	for (size_t i = 0; i < d->nattendees; i++)
		if (!strcmp(d->attendees[i].name, name))
			return &d->attendees[i];
	return NULL;
}

/* The attendee named name is there, with organisation org (or NULL). */
#define T_ATTENDEE(doc, who, want_org)                                         \
	do {                                                                   \
		const struct gv_minutes_attendee *a_ = attendee(doc, who);     \
		if (!a_) {                                                     \
			t_fail(__FILE__, __LINE__, "no attendee \"%s\"", who); \
			return;                                                \
		}                                                              \
		T_EQ_STR(a_->org, want_org);                                   \
	} while (0)

/*
 * Front matter.
 */

static void
front_matter_fields(void)
{
	struct gv_minutes_doc *d =
	        PARSE("a.md", "---\n"
	                      "aliases:\n"
	                      "- /2018-09-20-minutes/\n"
	                      "  - /old/url/\n"
	                      "author: '  Jos O''Purvis '\n"
	                      "# a comment\n"
	                      "\n"
	                      "date: \"2018-09-20 15:17:08\"\n"
	                      "params:\n"
	                      "  nested: value\n"
	                      "  - and a list\n"
	                      "slug: minutes-of-the-forum   \n"
	                      "summary:\n"
	                      "tags:\n"
	                      "  - Minutes\n"
	                      "  - Forum\n"
	                      "title: 2018-09-20 Minutes of CA/Browser Forum \n"
	                      "type: post # comment\n"
	                      "---\n"
	                      "Body\n");

	T_ASSERT(d != NULL);
	T_EQ_STR(d->title, "2018-09-20 Minutes of CA/Browser Forum");
	T_EQ_STR(d->author, "Jos O'Purvis");
	T_EQ_STR(d->slug, "minutes-of-the-forum");
	T_EQ_STR(d->date, "2018-09-20 15:17:08");
	T_EQ_INT(d->ntags, 2);
	T_EQ_STR(d->tags[0], "Minutes");
	T_EQ_STR(d->tags[1], "Forum");
	T_EQ_INT(d->naliases, 2);
	T_EQ_STR(d->aliases[0], "/2018-09-20-minutes/");
	T_EQ_STR(d->aliases[1], "/old/url/");
	T_EQ_STR(d->text, "Body\n");
	release();
}

static void
front_matter_absent_keys(void)
{
	struct gv_minutes_doc *d =
	        PARSE("2025-01-09-x.md", "---\n"
	                                 "tags: Code Signing\n"
	                                 "---\n");

	T_ASSERT(d != NULL);
	T_ASSERT(d->title == NULL && d->author == NULL && d->slug == NULL);
	T_ASSERT(d->date == NULL && d->naliases == 0);
	T_EQ_INT(d->ntags, 1);
	T_EQ_STR(d->body_code, "CSCWG");
	T_EQ_STR(d->text, "");
	release();
}

static void
front_matter_flow_and_block(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "b.md", "---\n"
	                "tags: [Minutes, \"Code Signing\", 'Face-to-Face']\n"
	                "title: >-\n"
	                "  2025-01-09 Minutes of the\n"
	                "  Code Signing Certificate Working Group\n"
	                "author: \"Martijn \\\"MK\\\" Katerbarg\"\n"
	                "---\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->ntags, 3);
	T_EQ_STR(d->tags[1], "Code Signing");
	T_EQ_STR(d->tags[2], "Face-to-Face");
	T_EQ_STR(d->title, "2025-01-09 Minutes of the Code Signing "
	                   "Certificate Working Group");
	T_EQ_STR(d->author, "Martijn \"MK\" Katerbarg");
	T_EQ_STR(d->body_code, "CSCWG");
	T_EQ_INT(d->f2f, 1);
	release();
}

static void
front_matter_crlf(void)
{
	struct gv_minutes_doc *d =
	        PARSE("c.md", "\xEF\xBB\xBF---\r\n"
	                      "title: 2024-12-18 Minutes \r\n"
	                      "tags:\r\n"
	                      "- S/MIME\r\n"
	                      "---\r\n"
	                      "\r\n"
	                      "## Attendees\r\n"
	                      "Ben Wilson (Mozilla)\r\n"
	                      "old Mac line\rend");

	T_ASSERT(d != NULL);
	T_EQ_STR(d->title, "2024-12-18 Minutes");
	T_EQ_STR(d->tags[0], "S/MIME");
	T_EQ_STR(d->text, "\n## Attendees\nBen Wilson (Mozilla)\n"
	                  "old Mac line\nend");
	T_EQ_INT(d->nattendees, 1);
	T_ATTENDEE(d, "Ben Wilson", "Mozilla");
	release();
}

static void
error_empty(void)
{
	T_EQ_STR(ERR("empty.md", ""), "empty.md: the file is empty");
	T_EQ_STR(ERR("blank.md", " \r\n\n\t\n"), "blank.md: the file is empty");
	T_EQ_STR(parse_error("null.md", NULL, 0), "null.md: the file is empty");
}

static void
error_no_front_matter(void)
{
	T_EQ_STR(ERR("x.md", "# Minutes\n\nNo front matter.\n"),
	         "x.md: no front matter (a post starts with a \"---\" line)");
	T_EQ_STR(ERR("y.md", "\n---\ntitle: late\n---\n"),
	         "y.md: no front matter (a post starts with a \"---\" line)");
}

static void
error_unterminated(void)
{
	T_EQ_STR(ERR("u.md", "---\ntitle: 2024-12-18 Minutes\n\n# Minutes\n"),
	         "u.md: the front matter has no closing \"---\" line");
	T_EQ_STR(ERR("v.md", "---\n"),
	         "v.md: the front matter has no closing \"---\" line");
}

static void
error_bad_lines(void)
{
	T_EQ_STR(ERR("bad.md", "---\ntitle: x\nthis is not yaml\n---\n"),
	         "bad.md: front matter line 3: expected \"key: value\"");
	T_EQ_STR(ERR("bad.md", "---\r\n\r\n- Minutes\r\n---\r\n"),
	         "bad.md: front matter line 3: expected \"key: value\"");
	T_EQ_STR(ERR("bad.md", "---\ntitle:x\n---\n"),
	         "bad.md: front matter line 2: expected \"key: value\"");
	T_EQ_STR(ERR("bad.md", "---\ntitle: x\n- item\n---\n"),
	         "bad.md: front matter line 3: expected \"key: value\"");
	T_EQ_STR(ERR("bad.md", "---\ntags:\n  Minutes\n---\n"),
	         "bad.md: front matter line 3: expected \"key: value\"");
	T_EQ_STR(ERR("bad.md", "---\ntags:\n- S/MIME\ntitle: \"open\n---\n"),
	         "bad.md: front matter line 4: the quoted value has no "
	         "closing quote");
	T_EQ_STR(ERR("bad.md", "---\ntags: [Minutes, Forum\n---\n"),
	         "bad.md: front matter line 2: the list has no closing \"]\"");
}

static void
error_not_utf8(void)
{
	static const char latin1[] = "---\ntitle: I\xF1igo\n---\n";
	static const char nul[] = "---\ntitle: a\0b\n---\n";

	T_EQ_STR(ERR("l.md", latin1),
	         "l.md: not UTF-8 text (save the file as UTF-8)");
	T_EQ_STR(parse_error("n.md", nul, sizeof(nul) - 1),
	         "n.md: not UTF-8 text (save the file as UTF-8)");
}

static void
error_no_body(void)
{
	static const char *const want =
	        "x.md: no tag names a body (Forum, Server Certificates, "
	        "S/MIME, Code Signing, Network Security)";

	T_EQ_STR(ERR("x.md", "---\ntitle: 2024-01-01 X\n"
	                     "tags:\n- Minutes\n- Ballot\n---\n"),
	         want);
	T_EQ_STR(ERR("x.md", "---\ntitle: 2024-01-01 X\n---\n"), want);
	T_EQ_STR(ERR("x.md", "---\ntags: [Face-to-Face]\n---\n"), want);
}

static void
error_no_date(void)
{
	T_EQ_STR(ERR("minutes.md", "---\ntitle: Minutes of SMCWG\n"
	                           "tags: [S/MIME]\n---\n"),
	         "minutes.md: no meeting date (start the title with "
	         "YYYY-MM-DD or set \"date:\")");
	/* a date that does not exist is no date */
	T_EQ_STR(ERR("2024-02-30.md", "---\ntitle: 2023-02-29 X\n"
	                              "tags: [S/MIME]\n---\n"),
	         "2024-02-30.md: no meeting date (start the title with "
	         "YYYY-MM-DD or set \"date:\")");
}

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
 * Attendees.
 */

static void
attendees_heading_paragraph(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md", HEAD
	              "## Minutes of SMCWG\n"
	              "\n"
	              "## Attendees (in alphabetical order) \n"
	              "\n"
	              "Albert de Ruiter (Logius PKIoverheid), Kateryna "
	              "Aleksieieva (Asseco Data Systems SA (Certum)), "
	              "Vijayakumar (Vijay) Manjunatha (eMudhra), I\xC3\xB1igo "
	              "Barreira (Sectigo), Wendy Brown (Federal PKI).\n"
	              "\n"
	              "## 1. Roll Call\n"
	              "\n"
	              "Corey Bonnell (DigiCert), Dean Coclin (DigiCert)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 5);
	T_EQ_STR(d->attendees[0].name, "Albert de Ruiter");
	T_ATTENDEE(d, "Kateryna Aleksieieva",
	           "Asseco Data Systems SA (Certum)");
	T_ATTENDEE(d, "Vijayakumar (Vijay) Manjunatha", "eMudhra");
	T_ATTENDEE(d, "I\xC3\xB1igo Barreira", "Sectigo");
	T_ATTENDEE(d, "Wendy Brown", "Federal PKI");
	T_EQ_INT(d->nwarnings, 0);
	release();
}

static void
attendees_dash_forms(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md",
	              HEAD "## Attendance\n"
	                   "Aaron Poulsen - (Amazon), Adam Jones \xE2\x80\x93 "
	                   "(Microsoft), Ben Wilson \xE2\x80\x93 Mozilla, "
	                   "Trevoli Ponds-White - Amazon Trust Services, "
	                   "Clint Wilson \xE2\x80\x94 Apple, Dean Coclin -- "
	                   "DigiCert, Eva Van - GlobalSign (Belgium)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 7);
	T_ATTENDEE(d, "Aaron Poulsen", "Amazon");
	T_ATTENDEE(d, "Adam Jones", "Microsoft");
	T_ATTENDEE(d, "Ben Wilson", "Mozilla");
	T_ATTENDEE(d, "Trevoli Ponds-White", "Amazon Trust Services");
	T_ATTENDEE(d, "Clint Wilson", "Apple");
	T_ATTENDEE(d, "Dean Coclin", "DigiCert");
	T_ATTENDEE(d, "Eva Van", "GlobalSign (Belgium)");
	release();
}

static void
attendees_bold_present_same_line(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md",
	              HEAD "**Net Sec WG \xE2\x80\x93 1st Meeting**\n"
	                   "\n"
	                   "**Present:**  Ben Wilson \xE2\x80\x93 Mozilla, Don "
	                   "Sheehy \xE2\x80\x93 WebTrust, Samantha Frank "
	                   "\xE2\x80\x93 Let\xE2\x80\x99s Encrypt\n"
	                   "\n"
	                   "Ben \xE2\x80\x93 while Microsoft and Google have "
	                   "not declared participation yet, they should be "
	                   "allowed to listen in as guests.\n"
	                   "\n"
	                   "Tim Hollebeek \xE2\x80\x93 DigiCert\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 3);
	T_ATTENDEE(d, "Samantha Frank", "Let\xE2\x80\x99s Encrypt");
	T_ASSERT(attendee(d, "Ben") == NULL);
	T_ASSERT(attendee(d, "Tim Hollebeek") == NULL); /* after the prose */
	T_EQ_INT(d->nwarnings, 0);
	release();
}

static void
attendees_one_per_paragraph(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "## Adjourn\n"
	                     "\n"
	                     "Dimitris: meeting adjourned. \n"
	                     "\n"
	                     "    **Attendees**\n"
	                     "\n"
	                     "Aaron Gable - (Let's Encrypt)\n"
	                     "\n"
	                     "Jieun Seong - (MOIS (Ministry of Interior and "
	                     "Safety) of the republic of Korea)\n"
	                     "\n"
	                     "S\xC3\xA1ndor Sz\xC5\x91ke - (Microsec)\n"
	                     "\n"
	                     "Wendy Brown - (US Federal PKI Management "
	                     "Authority)");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 4);
	T_ATTENDEE(d, "Aaron Gable", "Let's Encrypt");
	T_ATTENDEE(d, "Jieun Seong",
	           "MOIS (Ministry of Interior and Safety) "
	           "of the republic of Korea");
	T_ATTENDEE(d, "S\xC3\xA1ndor Sz\xC5\x91ke", "Microsec");
	T_ATTENDEE(d, "Wendy Brown", "US Federal PKI Management Authority");
	release();
}

static void
attendees_in_numbered_item(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "1. **Roll Call**\n"
	                     "   Attendees: Arno Fiedler (D-TRUST), Atsushi "
	                     "Inaba (GlobalSign), Wendy Brown (Federal PKI).\n"
	                     "\n"
	                     "1. **Antitrust Statement** read by Kirk.\n"
	                     "\n"
	                     "1. Ben Wilson (DigiCert)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 3);
	T_ATTENDEE(d, "Arno Fiedler", "D-TRUST");
	T_ATTENDEE(d, "Wendy Brown", "Federal PKI");
	release();
}

static void
attendees_bare_names(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "Notes of meeting\n"
	                     "\n"
	                     "1.  Present: Maarten Van Horenbeeck, Stephen "
	                     "McHenry, Tim H., Ryan Sleevi, and Kirk Hall.\n"
	                     "\n"
	                     "2.  Agenda Review: the agenda was reviewed.\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 5);
	T_ATTENDEE(d, "Maarten Van Horenbeeck", NULL);
	T_ATTENDEE(d, "Tim H.", NULL);
	T_ATTENDEE(d, "Kirk Hall", NULL);
	T_EQ_STR(d->attendees[4].name, "Kirk Hall");
	release();
}

static void
attendees_bullets(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "### Attendees:\n"
	                     "- Ben Wilson (Mozilla)\n"
	                     "* Corey Bonnell (DigiCert)\n"
	                     "+ Dean Coclin (DigiCert)\n"
	                     "\xE2\x80\xA2        Eva Vansteenberge "
	                     "\xE2\x80\x93 GlobalSign\n"
	                     "  - Steve Roylance and Kirk Hall\n"
	                     "\n"
	                     "Corey reviewed the agenda and the minutes.\n"
	                     "- Not A Name (Nowhere)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 6);
	T_ATTENDEE(d, "Dean Coclin", "DigiCert");
	T_ATTENDEE(d, "Eva Vansteenberge", "GlobalSign");
	T_ATTENDEE(d, "Steve Roylance", NULL);
	T_ATTENDEE(d, "Kirk Hall", NULL);
	release();
}

static void
attendees_numbered_names(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md", HEAD "## Attendees\n"
	                           "\n"
	                           "1. Ben Wilson (Mozilla)\n"
	                           "2. Clint Wilson (Apple)\n"
	                           "\n"
	                           "## 1. Roll Call\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 2);
	T_ATTENDEE(d, "Clint Wilson", "Apple");
	release();
}

static void
attendees_nbsp_and_tabs(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "**Attendees:**\xC2\xA0"
	                     "Ben\xC2\xA0\xC2\xA0Wilson\t(Mozilla),\tClint "
	                     "Wilson\xC2\xA0(Apple\xC2\xA0Inc.)\xC2\xA0\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 2);
	T_ATTENDEE(d, "Ben Wilson", "Mozilla");
	T_ATTENDEE(d, "Clint Wilson", "Apple Inc.");
	release();
}

static void
attendees_duplicates_dropped(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "**Present:** Adam Jones \xE2\x80\x93 Microsoft, "
	                     "Israel Ventura - Federal PKI, ADAM JONES "
	                     "\xE2\x80\x93 Microsoft, Adam Jones (Google), "
	                     "I\xC3\xB1igo Barreira (Sectigo), Inigo Barreira "
	                     "(Sectigo)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 4);
	T_EQ_STR(d->attendees[0].name, "Adam Jones");
	T_EQ_STR(d->attendees[2].org, "Google");
	T_EQ_STR(d->attendees[3].name, "I\xC3\xB1igo Barreira");
	T_EQ_INT(d->nwarnings, 2);
	T_EQ_STR(d->warnings[0],
	         "t.md:8: \"ADAM JONES \xE2\x80\x93 Microsoft\" "
	         "is in the attendee list twice (counted "
	         "once)");
	release();
}

static void
attendees_odd_entries_skipped(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "## Attendees\n"
	                     "Ben Wilson (Mozilla), Alpha Beta Gamma Delta "
	                     "Epsilon Zeta Eta (Greek), (WebTrust), Clint "
	                     "Wilson (Apple), , Dean Coclin (DigiCert)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 3);
	T_EQ_INT(d->nwarnings, 2);
	T_EQ_STR(d->warnings[0], "t.md:9: skipped \"Alpha Beta Gamma Delta "
	                         "Epsilon Zeta Eta (Greek)\" in the attendee "
	                         "list (it does not read as a person's name)");
	T_CONTAINS(d->warnings[1], "skipped \"(WebTrust)\"");
	release();
}

static void
attendees_stop_at_other_lists(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "Attendees: Ben Wilson (Mozilla)\n"
	                     "Clint Wilson (Apple)\n"
	                     "Regrets: Dean Coclin (DigiCert)\n"
	                     "Eva Van (GlobalSign)\n"
	                     "\n"
	                     "---\n"
	                     "\n"
	                     "Present: Tim Hollebeek (DigiCert)\n"
	                     "## Presentations\n"
	                     "Present and voting were Kirk Hall (Entrust)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 3);
	T_ASSERT(attendee(d, "Dean Coclin") == NULL);
	T_ASSERT(attendee(d, "Eva Van") == NULL);
	T_ATTENDEE(d, "Tim Hollebeek", "DigiCert"); /* a second list */
	T_ASSERT(attendee(d, "Kirk Hall") == NULL);
	release();
}

static void
attendees_none(void)
{
	struct gv_minutes_doc *d;

	d = PARSE("t.md", HEAD "## Roll Call\n\nThe Roll Call was taken.\n");
	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 0);
	T_EQ_INT(d->nwarnings, 1);
	T_EQ_STR(d->warnings[0], "no attendee list found");

	d = PARSE("t.md", HEAD "## Attendees\n\nSee the attached sheet.\n");
	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 0);
	T_EQ_STR(d->warnings[0], "the attendee list names nobody");
	release();
}

/*
 * Minute-taker and text.
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

		snprintf(text, sizeof(text), HEAD "## 3. Review Agenda\n\n%s\n",
		         cases[i].line);
		d = PARSE("t.md", text);
		T_ASSERT(d != NULL);
		T_EQ_STR(d->minute_taker, cases[i].want);
	}
	release();
}

static void
text_after_front_matter(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md", "---\r\ntags: [Forum]\r\ntitle: 2024-01-01 X\r\n"
	                      "---   \r\n\r\n# Minutes\r\n\r\n---\r\nend");

	T_ASSERT(d != NULL);
	T_EQ_STR(d->text, "\n# Minutes\n\n---\nend");
	release();
}

/*
 * The real samples in ../shared/data/minutes (see the README there). The
 * attendee counts were made by hand from each file: 2022-01-18 names 35
 * entries of which two are repeats (Adam Jones, Israel Ventura).
 */

struct file_case {
	const char *path;
	const char *body, *tag;
	const char *day, *day_from;
	int f2f;
	const char *subcommittee;
	size_t nattendees;
	const char *taker;
	size_t nwarnings;
	const char *who[5][2]; /* name and organisation (NULL: none) */
};

static void
check_file_doc(const struct gv_minutes_doc *d, const struct file_case *c)
{
	T_EQ_STR(d->body_code, c->body);
	T_EQ_STR(d->body_tag, c->tag);
	T_EQ_STR(day_of(d), c->day);
	T_EQ_STR(d->day_from, c->day_from);
	T_EQ_INT(d->f2f, c->f2f);
	T_EQ_STR(d->subcommittee, c->subcommittee);
	T_EQ_INT(d->nattendees, c->nattendees);
	T_EQ_STR(d->minute_taker, c->taker);
	T_EQ_INT(d->nwarnings, c->nwarnings);
	T_ASSERT(strchr(d->text, '\r') == NULL);
	for (size_t i = 0; i < 5 && c->who[i][0]; i++)
		T_ATTENDEE(d, c->who[i][0], c->who[i][1]);
}

static void
check_file(const struct file_case *c)
{
	char path[4200];
	const char *base;
	struct gv_minutes_doc *d;
	size_t size;
	char *data;

	if (!t_testdata()) {
		t_skip("../shared/data not found (set GAVEL_TESTDATA)");
		return;
	}
	snprintf(path, sizeof(path), "%s/minutes/%s", t_testdata(), c->path);
	if (!(data = t_read_file(path, &size))) {
		t_skip("a minutes sample is missing from the shared data");
		return;
	}
	base = strrchr(c->path, '/') + 1;
	if (gv__minutes_parse(&d, base, data, size) < 0) {
		t_fail(__FILE__, __LINE__, "%s: %s", base,
		       gv_error_last()->message);
		return;
	}
	check_file_doc(d, c);
	gv__minutes_doc_free(d);
}

static const struct file_case files[] = {
        {"2013/2013-01-10-2013-01-10-minutes.md",
         "FORUM",
         "Minutes",
         "2013-01-10",
         "title",
         0,
         NULL,
         18,
         NULL,
         0,
         {{"Maarten Van Horenbeeck", NULL},
          {"Steve Roylance", NULL},
          {"Kirk Hall", NULL}}},
        {"2018/2018-09-20-2018-09-20-minutes-of-ca-browser-forum.md",
         "FORUM",
         "Forum",
         "2018-09-20",
         "title",
         0,
         NULL,
         32,
         NULL,
         0,
         {{"Arno Fiedler", "D-TRUST"},
          {"Phillip Hallam-Baker", "Comodo Security Services"},
          {"Wendy Brown", "Federal PKI"}}},
        {"2020/2020-10-01-2020-09-17-minutes-of-the-server-certificate-"
         "working-group.md",
         "SCWG",
         "Server Certificates",
         "2020-09-17",
         "title",
         0,
         NULL,
         42,
         "Dimitris",
         1,
         {{"Amanda Mendieta", "Apple"},
          {"Vijayakumar (Vijay) Manjunatha", "eMudhra"},
          {"Wendy Brown", "US Federal PKI Management Authority"}}},
        {"2021/2021-06-23-minutes-of-smcwg.md",
         "SMCWG",
         "S/MIME",
         "2021-06-23",
         "date",
         0,
         NULL,
         36,
         NULL,
         0,
         {{"Inigo Barreira", "Sectigo"},
          {"Matthias Wiedenhorst", "ACAB\xE2\x80\x99"
                                   "c"},
          {"Paul van Brouwershaven", "Entrust"},
          {"Wendy Brown", "Federal PKI"}}},
        {"2022/2022-01-18-2022-01-18-minutes-of-the-network-security-"
         "working-group.md",
         "NETSEC",
         "Network Security",
         "2022-01-18",
         "title",
         0,
         NULL,
         33,
         NULL,
         2,
         {{"Ben Wilson", "Mozilla"},
          {"Samantha Frank", "Let\xE2\x80\x99s Encrypt"},
          {"Trevoli Ponds-White", "Amazon Trust Services"},
          {"Adam Jones", "Microsoft"},
          {"David Kluge", "Google"}}},
        {"2024/2024-02-27-minutes-of-the-F2F-meeting-in-Delhi-"
         "ValidationSC.md",
         "SCWG",
         "Server Certificates",
         "2024-02-28",
         "title",
         1,
         "Validation SC",
         61,
         NULL,
         1,
         {{"Aaron Poulsen", "Amazon"},
          {"Kateryna Aleksieieva", "Asseco Data Systems SA (Certum)"},
          {"Dave Chin", "CPA Canada/WebTrust"},
          {"Vijayakumar (Vijay) Manjunatha", "eMudhra"}}},
        {"2024/2024-12-18-minutes-smcwg.md",
         "SMCWG",
         "S/MIME",
         "2024-12-18",
         "title",
         0,
         NULL,
         30,
         "Stephen Davidson",
         0,
         {{"Albert de Ruiter", "Logius PKIoverheid"},
          {"I\xC3\xB1igo Barreira", "Sectigo"},
          {"Kateryna Aleksieieva", "Asseco Data Systems SA (Certum)"},
          {"Guillaume Amringer", "Carillon Information Security Inc."},
          {"Tsung-Min Kuo", "Chunghwa Telecom"}}},
        {"2025/2025-01-09-minutes-cscwg.md",
         "CSCWG",
         "Code Signing",
         "2025-01-09",
         "title",
         0,
         NULL,
         18,
         NULL,
         0,
         {{"Brianca Martin", "Amazon"},
          {"I\xC3\xB1igo Barreira", "Sectigo"},
          {"Kateryna Aleksieieva", "Asseco Data Systems SA (Certum)"},
          {"Trevoli Ponds-White", "Amazon"}}},
        {"2026/2026-01-15-minutes-of-the-server-certificate-working-"
         "group.md",
         "SCWG",
         "Server Certificates",
         "2026-01-15",
         "title",
         0,
         NULL,
         64,
         NULL,
         0,
         {{"Aaron Gable", "Let's Encrypt"},
          {"S\xC3\xA1ndor Sz\xC5\x91ke", "Microsec"},
          {"Jieun Seong", "MOIS (Ministry of Interior and Safety) of the "
                          "republic of Korea"},
          {"Josselin Allemandou", "Certigna (DHIMYOTIS)"},
          {"Wendy Brown", "US Federal PKI Management Authority"}}},
        {"2026/2026-04-02-minutes-cscwg copy.md",
         "CSCWG",
         "Code Signing",
         "2026-04-02",
         "title",
         0,
         NULL,
         11,
         NULL,
         0,
         {{"Karolina Ruszczy\xC5\x84ska", "Asseco Data Systems SA (Certum)"},
          {"Wiktoria Wi\xC4\x99"
           "ckowska",
           "Asseco Data Systems SA (Certum)"},
          {"Adriano Santoni", "Actalis S.p.A."},
          {"Inaba Atsushi", "GlobalSign"}}},
};

static void
file_2013_forum(void)
{
	check_file(&files[0]);
}

static void
file_2018_forum(void)
{
	check_file(&files[1]);
}

static void
file_2020_scwg(void)
{
	check_file(&files[2]);
}

static void
file_2021_smcwg(void)
{
	check_file(&files[3]);
}

static void
file_2022_netsec(void)
{
	check_file(&files[4]);
}

static void
file_2024_delhi_validation_sc(void)
{
	check_file(&files[5]);
}

static void
file_2024_smcwg(void)
{
	check_file(&files[6]);
}

static void
file_2025_cscwg(void)
{
	check_file(&files[7]);
}

static void
file_2026_scwg(void)
{
	check_file(&files[8]);
}

static void
file_2026_cscwg_copy(void)
{
	check_file(&files[9]);
}

/* The title's trailing space is trimmed; the file ends without "\n". */
static void
file_2026_cscwg_copy_details(void)
{
	char path[4200];
	struct gv_minutes_doc *d;
	size_t size;
	char *data;

	if (!t_testdata()) {
		t_skip("../shared/data not found (set GAVEL_TESTDATA)");
		return;
	}
	snprintf(path, sizeof(path), "%s/minutes/%s", t_testdata(),
	         files[9].path);
	if (!(data = t_read_file(path, &size))) {
		t_skip("a minutes sample is missing from the shared data");
		return;
	}
	d = PARSE("2026-04-02-minutes-cscwg copy.md", data);
	T_ASSERT(d != NULL);
	T_EQ_STR(d->title, "2026-04-02 Minutes of the Code Signing "
	                   "Certificate Working Group");
	T_ASSERT(d->author == NULL);
	T_EQ_INT(d->ntags, 2);
	T_ASSERT(size > 0 && data[size - 1] != '\n');
	T_ASSERT(strlen(d->text) > 0 && d->text[strlen(d->text) - 1] == ')');
	release();
}

const struct t_case minutes_parse_tests[] = {
        {"front_matter_fields", front_matter_fields},
        {"front_matter_absent_keys", front_matter_absent_keys},
        {"front_matter_flow_and_block", front_matter_flow_and_block},
        {"front_matter_crlf", front_matter_crlf},
        {"error_empty", error_empty},
        {"error_no_front_matter", error_no_front_matter},
        {"error_unterminated", error_unterminated},
        {"error_bad_lines", error_bad_lines},
        {"error_not_utf8", error_not_utf8},
        {"error_no_body", error_no_body},
        {"error_no_date", error_no_date},
        {"body_from_each_tag", body_from_each_tag},
        {"body_minutes_only_is_forum", body_minutes_only_is_forum},
        {"body_two_bodies_warns", body_two_bodies_warns},
        {"day_sources", day_sources},
        {"day_bad_dates_fall_back", day_bad_dates_fall_back},
        {"subcommittee_from_title", subcommittee_from_title},
        {"f2f_from_title", f2f_from_title},
        {"attendees_heading_paragraph", attendees_heading_paragraph},
        {"attendees_dash_forms", attendees_dash_forms},
        {"attendees_bold_present_same_line", attendees_bold_present_same_line},
        {"attendees_one_per_paragraph", attendees_one_per_paragraph},
        {"attendees_in_numbered_item", attendees_in_numbered_item},
        {"attendees_bare_names", attendees_bare_names},
        {"attendees_bullets", attendees_bullets},
        {"attendees_numbered_names", attendees_numbered_names},
        {"attendees_nbsp_and_tabs", attendees_nbsp_and_tabs},
        {"attendees_duplicates_dropped", attendees_duplicates_dropped},
        {"attendees_odd_entries_skipped", attendees_odd_entries_skipped},
        {"attendees_stop_at_other_lists", attendees_stop_at_other_lists},
        {"attendees_none", attendees_none},
        {"minute_taker_stated", minute_taker_stated},
        {"text_after_front_matter", text_after_front_matter},
        {"file_2013_forum", file_2013_forum},
        {"file_2018_forum", file_2018_forum},
        {"file_2020_scwg", file_2020_scwg},
        {"file_2021_smcwg", file_2021_smcwg},
        {"file_2022_netsec", file_2022_netsec},
        {"file_2024_delhi_validation_sc", file_2024_delhi_validation_sc},
        {"file_2024_smcwg", file_2024_smcwg},
        {"file_2025_cscwg", file_2025_cscwg},
        {"file_2026_scwg", file_2026_scwg},
        {"file_2026_cscwg_copy", file_2026_cscwg_copy},
        {"file_2026_cscwg_copy_details", file_2026_cscwg_copy_details},
        {NULL, NULL},
};
