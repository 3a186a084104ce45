/* SPDX-License-Identifier: MIT */
/*
 * This file tests the parser of published minutes on the real samples in the
 * shared test data (read at run time, never copied here); each skips by
 * name when the data is absent.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "minutes_fixture.h"
#include "minutes_parse.h"

/*
 * The real samples in ../shared/data/minutes (see the README there). The
 * attendee counts were made by hand from each file: 2022-01-18 names 35
 * entries of which two are repeats (Adam Jones, Israel Ventura).
 */

/* The sample at minutes/<c->path> of the shared data, if there. */
static void
check_file(const struct file_case *c)
{
	char rel[512];
	const char *path;

	snprintf(rel, sizeof(rel), "minutes/%s", c->path);
	if ((path = t_testdata_file(rel)))
		check_file_at(path, c);
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
	const char *path;
	struct gv_minutes_doc *d;
	size_t size;
	char *data;

	if (!(path = t_testdata_file("minutes/2026/2026-04-02-minutes-cscwg "
	                             "copy.md")))
		return;
	T_ASSERT((data = t_read_file(path, &size)) != NULL);
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

const struct t_case minutes_parse_samples_tests[] = {
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
