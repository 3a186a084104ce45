/* SPDX-License-Identifier: MIT */
/*
 * This file tests the shapes of attendee lists and meeting dates that
 * published minutes use beyond the first samples (issue 14, item 9): lists
 * that end inside a sentence, numbered and worded headings, "Roll Call:",
 * a qualifier in capitals, parentheses that do not balance, names not in
 * title case, one person written two ways, an organisation after a stray
 * comma, datelines and dates in words; and splitting one pasted roll call
 * (item 8).
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "minutes_fixture.h"
#include "minutes_parse.h"

#define HEAD                                                                   \
	"---\n"                                                                \
	"date: 2025-03-27 00:00:00\n"                                          \
	"tags: [Server Certificates]\n"                                        \
	"title: 2025-03-26 Minutes of the SCWG\n"                              \
	"---\n"

/* Lines of HEAD: the text's first line is line 6. */
#define HEAD_LINES 5

/* A list that ends inside a sentence: the names before it count, the
 * prose after it (and the lines below) is no list. */
static void
list_ends_inside_a_sentence(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "Attendees: Ben Wilson (Mozilla), Clint Wilson "
	                     "(Apple), Wayne Thayer (Fastly). The chair opened "
	                     "the meeting, and Dean Coclin noted the agenda.\n"
	                     "Tim Hollebeek (DigiCert)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 3);
	T_ATTENDEE(d, "Wayne Thayer", "Fastly");
	T_ASSERT(attendee(d, "Tim Hollebeek") == NULL);
	T_EQ_STR(warning_with(d, "sentence"),
	         "t.md:6: the attendee list ends where a sentence starts "
	         "(\"The chair opened the meeting, and...\")");

	/* An initial or an abbreviation is no sentence end. */
	d = PARSE("t.md", HEAD "Attendees: Tim H. Smith, Kuo Tsung - Chunghwa "
	                       "Telecom Co. Ltd, Dean Coclin\n");
	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 3);
	T_ATTENDEE(d, "Tim H. Smith", NULL);
	T_ATTENDEE(d, "Kuo Tsung", "Chunghwa Telecom Co. Ltd");
	release();
}

/* "## 11. Attendees" and "6.  Attendees" label lists; the item after a
 * numbered label is its sibling, not a name. */
static void
numbered_section_headings(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "## 11. Attendees\n"
	                     "\n"
	                     "Ben Wilson (Mozilla), Clint Wilson (Apple)\n"
	                     "\n"
	                     "6.  Attendees\n"
	                     "    Dean Coclin (DigiCert)\n"
	                     "7.  Antitrust Statement\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 3);
	T_ATTENDEE(d, "Clint Wilson", "Apple");
	T_ATTENDEE(d, "Dean Coclin", "DigiCert");
	T_ASSERT(attendee(d, "Antitrust Statement") == NULL);
	release();
}

/* A heading that ends with the label, "### Forum Session Attendees ". */
static void
heading_words_before_label(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "### Forum Session Attendees \n"
	                     "\n"
	                     "Aaron Gable - (Let's Encrypt), Adam Jones - "
	                     "(Microsoft)\n"
	                     "\n"
	                     "### Notes on Attendance\n"
	                     "\n"
	                     "Members Are Welcome\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 2);
	T_ATTENDEE(d, "Aaron Gable", "Let's Encrypt");
	release();
}

/* "Roll Call:" with names labels a list; an agenda's "1. Roll Call"
 * item, followed by other items in title case, does not. */
static void
roll_call_label(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md",
	              HEAD "**MINUTES OF CA/BROWSER FORUM**\n"
	                   "\n"
	                   "**1. Roll Call:** Dean Coclin, Eran Messeri, "
	                   "Rick Andrews\n"
	                   "\n"
	                   "**2. Agenda Review:**  Dean reviewed the agenda.\n"
	                   "\n"
	                   "## Agenda\n"
	                   "\n"
	                   "1.\tRoll Call\n"
	                   "2.\tAntitrust Reminder\n"
	                   "3.\tOther Business\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 3);
	T_ATTENDEE(d, "Eran Messeri", NULL);
	T_ASSERT(attendee(d, "Antitrust Reminder") == NULL);
	release();
}

/* "Attendance: IN THE ROOM (FROM SIGN UP SHEET) Ben Wilson (Mozilla)":
 * the capitals belong to the label; "JP Hamilton" keeps its "JP". */
static void
capitals_qualify_the_label(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md", HEAD
	              "# Attendees\n"
	              "\n"
	              "Attendance: IN THE ROOM (FROM SIGN UP SHEET) Ben "
	              "Wilson (Mozilla), Dean Coclin (DigiCert)\n"
	              "\n"
	              "Present: JP Hamilton (Cisco), JC Jones (Mozilla)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 4);
	T_ATTENDEE(d, "Ben Wilson", "Mozilla");
	T_ATTENDEE(d, "JP Hamilton", "Cisco");
	T_EQ_STR(warning_with(d, "label"),
	         "t.md:8: read \"IN THE ROOM (FROM SIGN UP SHEET)\" as part "
	         "of the label");
	release();
}

/* An unclosed parenthesis is closed at the next comma: no name is lost;
 * when the organisation held a comma, only its rest is. A group that
 * spans people (an unclosed "(" whose ")" is a stray one further on) is
 * read the same way. */
static void
unbalanced_parentheses(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md", HEAD
	              "## Attendance\n"
	              "\n"
	              "Alvin (SHECA), Ben Wilson (Mozilla, Brianca Martin "
	              "(Amazon), Henry Birge-Lee (Henry Birge-Lee (Private "
	              "person)), Zurina Zolkaffly (MSC Trustgate\n"
	              "\n"
	              "## Present\n"
	              "\n"
	              "Arnold Essing (Telekom Security, invited guest, "
	              "Clint Wilson (Apple), Dean Coclin DigiCert), Eva "
	              "Van (GlobalSign)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 9);
	T_ATTENDEE(d, "Alvin", "SHECA");
	T_ATTENDEE(d, "Ben Wilson", "Mozilla");
	T_ATTENDEE(d, "Brianca Martin", "Amazon");
	T_ATTENDEE(d, "Henry Birge-Lee", "Henry Birge-Lee (Private person)");
	T_ATTENDEE(d, "Zurina Zolkaffly", "MSC Trustgate");
	T_ATTENDEE(d, "Arnold Essing", "Telekom Security");
	T_ATTENDEE(d, "Clint Wilson", "Apple");
	T_ATTENDEE(d, "Dean Coclin DigiCert", NULL); /* the stray ")" */
	T_ATTENDEE(d, "Eva Van", "GlobalSign");
	T_EQ_STR(warning_with(d, "Ben Wilson"),
	         "t.md:8: \"Ben Wilson (Mozilla\" has no closing "
	         "parenthesis (closed at the comma)");
	T_CONTAINS(warning_with(d, "invited guest\" in"), "t.md:12: skipped");
	release();
}

/* Names as written, in capitals or lower case, with an organisation. */
static void
names_not_in_title_case(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "## Attendees\n"
	                     "RIch Smith (DigiCert), dean coclin (DigiCert), "
	                     "TIM HOLLEBEEK (DIGICERT), eva van steenberge - "
	                     "GlobalSign, others\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 4);
	T_ATTENDEE(d, "RIch Smith", "DigiCert");
	T_ATTENDEE(d, "dean coclin", "DigiCert");
	T_ATTENDEE(d, "TIM HOLLEBEEK", "DIGICERT");
	T_ATTENDEE(d, "eva van steenberge", "GlobalSign");
	T_CONTAINS(warning_with(d, "others"), "skipped \"others\"");
	release();
}

/* One person listed twice, family name first the second time and with a
 * longer name of the organisation, counts once; a namesake of another
 * organisation is another person. */
static void
one_person_two_spellings(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md",
	              HEAD "## Attendance\n"
	                   "Fumiaki Ono (SECOM), Hisashi Kamo (SECOM Trust "
	                   "Systems),\n"
	                   "Ono Fumiaki (SECOM Trust Systems), Adam Jones "
	                   "(Microsoft), Adam Jones (Google), Ruben Annemans, "
	                   "Ruben Annemans (Nexus)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 5);
	T_EQ_STR(d->attendees[0].name, "Fumiaki Ono");
	T_EQ_STR(d->attendees[0].org, "SECOM");
	T_EQ_STR(warning_with(d, "Ono Fumiaki"),
	         "t.md:8: \"Ono Fumiaki (SECOM Trust Systems)\" is taken to "
	         "be the same person as \"Fumiaki Ono (SECOM)\" on line 7 "
	         "(counted once)");
	T_ASSERT(warning_with(d, "Ruben Annemans (Nexus)") != NULL);
	release();
}

/* "Sissel Hoel, (Buypass)": the organisation after a stray comma. */
static void
organisation_after_stray_comma(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "t.md", HEAD "Attendees: Kirk Hall (Entrust), Sissel Hoel, "
	                     "(Buypass), Tim Hollebeek (DigiCert)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 3);
	T_ATTENDEE(d, "Sissel Hoel", "Buypass");
	T_EQ_STR(warning_with(d, "Buypass"),
	         "t.md:6: read \"(Buypass)\" as the organisation of \"Sissel "
	         "Hoel\"");
	release();
}

/* Each attendee keeps the line the post lists them on. */
static void
attendees_keep_their_line(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md", HEAD "## Attendees\n"
	                           "\n"
	                           "Aaron Gable - (Let's Encrypt)\n"
	                           "\n"
	                           "Wendy Brown - (Federal PKI)\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 2);
	T_EQ_INT(d->attendees[0].line, HEAD_LINES + 3);
	T_EQ_INT(d->attendees[1].line, HEAD_LINES + 5);
	release();
}

/* A dateline at the top of the text is the minutes' own word: it wins
 * over front matter copied from an older post, with a warning. */
static void
dateline_in_the_text(void)
{
	struct gv_minutes_doc *d;

	d = PARSE("t.md",
	          "---\ndate: 2024-01-14 00:00:00\ntags: [S/MIME]\n"
	          "title: 2024-01-14 Minutes of the SMCWG\n---\n"
	          "## Minutes of SMCWG\n \nJanuary 14, 2026\n \nThese are the "
	          "Minutes.\n");
	T_ASSERT(d != NULL);
	T_EQ_STR(day_of(d), "2026-01-14");
	T_EQ_STR(d->day_from, "text");
	T_EQ_STR(warning_with(d, "dated"),
	         "the text is dated 2026-01-14, the title 2024-01-14 (the "
	         "text's date is used)");

	/* the same day: no warning; a weekday and capitals are fine */
	d = PARSE("t.md",
	          "---\ndate: 2014-01-30 16:28:42\ntags: [Minutes]\n"
	          "title: 2014-01-30 Minutes\n---\n\n**MINUTES OF CA/BROWSER "
	          "FORUM**\n\n**THURSDAY, 30 JANUARY 2014**\n");
	T_ASSERT(d != NULL);
	T_EQ_STR(day_of(d), "2014-01-30");
	T_EQ_STR(d->day_from, "title");
	T_ASSERT(warning_with(d, "dated") == NULL);

	/* a date inside a sentence or a numbered item is no dateline */
	d = PARSE("t.md",
	          "---\ndate: 2024-01-03 00:00:00\ntags: [S/MIME]\n"
	          "title: Minutes\n---\nThe call of January 17, 2024 is "
	          "cancelled.\n\n1. March 5, 2024\n");
	T_ASSERT(d != NULL);
	T_EQ_STR(day_of(d), "2024-01-03");
	release();
}

/* Dates in words in the title: the first day of several, or the
 * session's day in parentheses; the year from the title or the post. */
static void
title_dates_in_words(void)
{
	static const struct {
		const char *title, *date, *want;
	} cases[] = {
	        {"Minutes of the F2F 64 Meeting in Tokyo, Japan - SCWG, March "
	         "26, 27, 2025",
	         "2025-03-27", "2025-03-26"},
	        {"Minutes of the F2F 59 Meeting in Redmond, WA, USA, 6-8 June "
	         "2023 \xE2\x80\x93 CSCWG (6 June)",
	         "2023-06-06 19:00:40", "2023-06-06"},
	        {"Minutes of the F2F 58 Meeting in Ottawa, Canada, 28 "
	         "Feb-2 March 2023 \xE2\x80\x93 Validation SC (2 March)",
	         "2023-03-02 11:55:47", "2023-03-02"},
	        {"2018-Nov-01 Minutes of CA/Browser Forum", "2018-11-01",
	         "2018-11-01"},
	        {"Minutes of the Sept 5 call", "2019-09-12", "2019-09-05"},
	        {"Minutes of SMCWG", "2021-06-23 20:51:00", "2021-06-23"},
	        {"What we may do 5 times", "2021-06-23", "2021-06-23"},
	};
	char text[512];
	struct gv_minutes_doc *d;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text),
		         "---\ndate: %s\ntags: [Forum]\ntitle: %s\n---\n",
		         cases[i].date, cases[i].title);
		d = PARSE("t.md", text);
		T_ASSERT(d != NULL);
		T_EQ_STR(day_of(d), cases[i].want);
	}
	release();
}

/* One pasted roll call, with or without its label, read as minutes are. */
static void
split_one_pasted_line(void)
{
	struct gv_minutes_line l;

	T_EQ_INT(gv__minutes_split_line(
	                 &l, "Attendees: Albert de Ruiter (Logius "
	                     "PKIoverheid), Andrea Holland (VikingCloud), "
	                     "Kateryna Aleksieieva (Asseco Data Systems SA "
	                     "(Certum)), Sven Rajala -(KeyFactor), Ben Wilson "
	                     "(Mozilla, Tim H. Smith and Dean Coclin"),
	         0);
	T_EQ_INT(l.nrejected, 0);
	T_EQ_INT(l.n, 7);
	T_EQ_STR(l.v[0].name, "Albert de Ruiter");
	T_EQ_STR(l.v[0].org, "Logius PKIoverheid");
	T_EQ_STR(l.v[2].org, "Asseco Data Systems SA (Certum)");
	T_EQ_STR(l.v[3].name, "Sven Rajala");
	T_EQ_STR(l.v[3].org, "KeyFactor");
	T_EQ_STR(l.v[4].org, "Mozilla");
	T_EQ_STR(l.v[6].name, "Dean Coclin");
	T_ASSERT(l.v[6].org == NULL);
	gv__minutes_line_dispose(&l);

	T_EQ_INT(gv__minutes_split_line(&l, "Ben Wilson (Mozilla), see the "
	                                    "list, Clint Wilson (Apple). The "
	                                    "chair was late"),
	         0);
	T_EQ_INT(l.n, 2);
	T_EQ_INT(l.nrejected, 2);
	T_EQ_STR(l.rejected[0], "see the list");
	T_EQ_STR(l.rejected[1], "The chair was late");
	gv__minutes_line_dispose(&l);
}

const struct t_case minutes_shapes_tests[] = {
        {"list_ends_inside_a_sentence", list_ends_inside_a_sentence},
        {"numbered_section_headings", numbered_section_headings},
        {"heading_words_before_label", heading_words_before_label},
        {"roll_call_label", roll_call_label},
        {"capitals_qualify_the_label", capitals_qualify_the_label},
        {"unbalanced_parentheses", unbalanced_parentheses},
        {"names_not_in_title_case", names_not_in_title_case},
        {"one_person_two_spellings", one_person_two_spellings},
        {"organisation_after_stray_comma", organisation_after_stray_comma},
        {"attendees_keep_their_line", attendees_keep_their_line},
        {"dateline_in_the_text", dateline_in_the_text},
        {"title_dates_in_words", title_dates_in_words},
        {"split_one_pasted_line", split_one_pasted_line},
        {NULL, NULL},
};
