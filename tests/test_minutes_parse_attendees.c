/* SPDX-License-Identifier: MIT */
/*
 * This file tests the attendee lists of published minutes in each shape the
 * website uses (core/minutes_parse.c): headings, dashes, bold labels, one
 * name per paragraph, bullets, numbered names, duplicates and odd entries.
 */
#include <string.h>

#include "harness.h"
#include "minutes_fixture.h"
#include "minutes_parse.h"

/*
 * Attendees.
 */

static void
attendees_heading_paragraph(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md", SMIME_HEAD
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
	        PARSE("t.md", SMIME_HEAD
	              "## Attendance\n"
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
	        PARSE("t.md", SMIME_HEAD
	              "**Net Sec WG \xE2\x80\x93 1st Meeting**\n"
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
	struct gv_minutes_doc *d =
	        PARSE("t.md", SMIME_HEAD
	              "## Adjourn\n"
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
	struct gv_minutes_doc *d =
	        PARSE("t.md", SMIME_HEAD
	              "1. **Roll Call**\n"
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
	struct gv_minutes_doc *d =
	        PARSE("t.md", SMIME_HEAD
	              "Notes of meeting\n"
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
	struct gv_minutes_doc *d =
	        PARSE("t.md",
	              SMIME_HEAD "### Attendees:\n"
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
	        PARSE("t.md", SMIME_HEAD "## Attendees\n"
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
	struct gv_minutes_doc *d =
	        PARSE("t.md",
	              SMIME_HEAD "**Attendees:**\xC2\xA0"
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
	struct gv_minutes_doc *d =
	        PARSE("t.md", SMIME_HEAD
	              "**Present:** Adam Jones \xE2\x80\x93 Microsoft, "
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
	struct gv_minutes_doc *d =
	        PARSE("t.md",
	              SMIME_HEAD "## Attendees\n"
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
	struct gv_minutes_doc *d =
	        PARSE("t.md", SMIME_HEAD
	              "Attendees: Ben Wilson (Mozilla)\n"
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

	d = PARSE("t.md",
	          SMIME_HEAD "## Roll Call\n\nThe Roll Call was taken.\n");
	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 0);
	T_EQ_INT(d->nwarnings, 1);
	T_EQ_STR(d->warnings[0], "no attendee list found");

	d = PARSE("t.md",
	          SMIME_HEAD "## Attendees\n\nSee the attached sheet.\n");
	T_ASSERT(d != NULL);
	T_EQ_INT(d->nattendees, 0);
	T_EQ_STR(d->warnings[0], "the attendee list names nobody");
	release();
}

const struct t_case minutes_parse_attendees_tests[] = {
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
        {NULL, NULL},
};
