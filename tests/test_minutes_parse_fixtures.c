/* SPDX-License-Identifier: MIT */
/*
 * This file tests the parser of published minutes on the posts in
 * tests/data/minutes: written for these tests in the shapes the website's
 * posts take (see tests/data/README.md), so that the parser is checked on
 * whole files on a clone without ../shared. Every count here was made by
 * hand from the file.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "minutes_fixture.h"
#include "minutes_parse.h"

static const struct file_case fixtures[] = {
        /* Before the working groups: one "Present:" item of bare names
         * with "and", numbered paragraphs, no newline at the end. */
        {"2013/2013-03-14-2013-03-14-minutes.md",
         "FORUM",
         "Minutes",
         "2013-03-14",
         "title",
         0,
         NULL,
         5,
         NULL,
         0,
         {{"Harriet Okafor", NULL}, {"Paulo Ferreira", NULL}}},
        /* Posted a week after the call: the title's day, and a warning.
         * The roll call inside a numbered item; escaped underscores. */
        {"2020/2020-10-08-2020-10-01-minutes-of-the-server-certificate-"
         "working-group.md",
         "SCWG",
         "Server Certificates",
         "2020-10-01",
         "title",
         0,
         NULL,
         6,
         "Ravi",
         1,
         {{"Amira Haddad", "Apple"}, {"Farid Nasser", "Mozilla"}}},
        /* A title without a day: the post's date; a bullet list. */
        {"2021/2021-07-14-minutes-of-smcwg.md",
         "SMCWG",
         "S/MIME",
         "2021-07-14",
         "date",
         0,
         NULL,
         4,
         NULL,
         0,
         {{"Tomas Novak", "Entrust"}, {"Ines Duarte", "HARICA"}}},
        /* Bold pseudo-headings, "Name – Org", one name twice (in
         * capitals): five people and one warning. */
        {"2022/2022-02-01-2022-02-01-minutes-of-the-network-security-"
         "working-group.md",
         "NETSEC",
         "Network Security",
         "2022-02-01",
         "title",
         0,
         NULL,
         5,
         NULL,
         1,
         {{"Hugo Lambert", "Let\xE2\x80\x99s Encrypt"},
          {"Ivana Petrova", "Federal PKI"},
          {"Jonas Weber", "Google"}}},
        /* CRLF, indented tags, a face-to-face meeting of a subcommittee,
         * "•" pseudo-bullets, posted five weeks later. */
        {"2024/2024-03-05-minutes-of-the-F2F-meeting-in-Berlin-"
         "ValidationSC.md",
         "SCWG",
         "Server Certificates",
         "2024-03-06",
         "title",
         1,
         "Validation SC",
         5,
         NULL,
         1,
         {{"Karl Sommer", "D-TRUST"}, {"Lena Vogt", "CPA Canada/WebTrust"}}},
        /* CRLF, a slug, a heading and one paragraph of names. */
        {"2024/2024-12-18-minutes-smcwg-call.md",
         "SMCWG",
         "S/MIME",
         "2024-12-18",
         "title",
         0,
         NULL,
         6,
         "Ines Duarte",
         0,
         {{"Bruno Costa", "DigiCert"},
          {"Tomas Novak", "Sectigo"},
          {"Lena Vogt", "CPA Canada/WebTrust"}}},
        /* A space in the file name, no author, a space after the title,
         * Polish letters, whitespace-only lines, no newline at the end. */
        {"2026/2026-05-07-minutes-cscwg copy.md",
         "CSCWG",
         "Code Signing",
         "2026-05-07",
         "title",
         0,
         NULL,
         4,
         NULL,
         0,
         {{"Zofia Krawczy\xC5\x84ska", "Asseco Data Systems SA (Certum)"},
          {"\xC5\x81ukasz Wi\xC5\x9bniewski",
           "Asseco Data Systems SA (Certum)"},
          {"Mei Tanaka", "GlobalSign"}}},
};

static void
check_fixture(size_t i)
{
	char rel[512];
	const char *path;

	snprintf(rel, sizeof(rel), "minutes/%s", fixtures[i].path);
	if ((path = t_fixture(rel)))
		check_file_at(path, &fixtures[i]);
}

static void
forum_2013(void)
{
	check_fixture(0);
}

static void
scwg_2020_posted_late(void)
{
	check_fixture(1);
}

static void
smcwg_2021_no_day_in_title(void)
{
	check_fixture(2);
}

static void
netsec_2022_bold_headings(void)
{
	check_fixture(3);
}

static void
scwg_2024_f2f_crlf(void)
{
	check_fixture(4);
}

static void
smcwg_2024_crlf(void)
{
	check_fixture(5);
}

static void
cscwg_2026_copy(void)
{
	check_fixture(6);
}

/* What check_file_at does not look at: the trimmed title, the missing
 * author, the text's last character, the date warning's words. */
static void
details(void)
{
	const char *path;
	struct gv_minutes_doc *d;
	size_t size;
	char *data;

	T_ASSERT((path = t_fixture("minutes/2026/2026-05-07-minutes-cscwg "
	                           "copy.md")) != NULL);
	T_ASSERT((data = t_read_file(path, &size)) != NULL);
	d = PARSE("2026-05-07-minutes-cscwg copy.md", data);
	T_ASSERT(d != NULL);
	T_EQ_STR(d->title, "2026-05-07 Minutes of the Code Signing "
	                   "Certificate Working Group");
	T_ASSERT(d->author == NULL);
	T_EQ_INT(d->ntags, 2);
	T_ASSERT(size > 0 && data[size - 1] != '\n');
	T_ASSERT(strlen(d->text) > 0 && d->text[strlen(d->text) - 1] == ')');

	T_ASSERT((path = t_fixture("minutes/2024/2024-03-05-minutes-of-the-"
	                           "F2F-meeting-in-Berlin-ValidationSC.md")) !=
	         NULL);
	T_ASSERT((data = t_read_file(path, &size)) != NULL);
	T_ASSERT(strstr(data, "\r\n") != NULL); /* git kept the CRLF */
	d = PARSE("berlin.md", data);
	T_ASSERT(d != NULL);
	T_EQ_STR(warning_with(d, "differs"),
	         "title date 2024-03-06 differs from the post date "
	         "2024-04-10 (the title's is used)");
	T_EQ_STR(d->slug, NULL);
	release();
}

const struct t_case minutes_parse_fixtures_tests[] = {
        {"forum_2013", forum_2013},
        {"scwg_2020_posted_late", scwg_2020_posted_late},
        {"smcwg_2021_no_day_in_title", smcwg_2021_no_day_in_title},
        {"netsec_2022_bold_headings", netsec_2022_bold_headings},
        {"scwg_2024_f2f_crlf", scwg_2024_f2f_crlf},
        {"smcwg_2024_crlf", smcwg_2024_crlf},
        {"cscwg_2026_copy", cscwg_2026_copy},
        {"details", details},
        {NULL, NULL},
};
