/* SPDX-License-Identifier: MIT */
/*
 * This file is the driver of the benchmark of votes read from the list's
 * archive (bench/votes_from.sh).
 *
 *   votes-from-bench generate FILE N   an mbox of N messages: the threads
 *                                      of 250 ballots (a voting-period
 *                                      notice, 20 to 29 votes in every
 *                                      shape mailers send, the results)
 *                                      and discussion around them
 *   votes-from-bench setup DB          a working group whose voting
 *                                      representatives wrote those
 *                                      votes, SMC120 open for voting
 *   votes-from-bench run CMD [ARG...]  runs CMD (its output dropped);
 *                                      prints its seconds on the clock
 *                                      and of CPU, and its peak resident
 *                                      memory in KB
 *
 * The text comes from fixed words and a fixed seed: every run writes the
 * same file.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child.h"
#include "clock.h"
#include "gavel/gavel.h"

#define BALLOTS 250
#define ORGS    30 /* Org 01..26 issuers, 27..30 consumers */
#define DAY     86400
/* Ballot k's vote opens at BASE + k weeks, 14:00 UTC (2020-01-01). */
#define BASE (1577836800 + 14 * 3600)

static unsigned long long seed = 42;

static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

static const char *const words[] = {
        "the",          "CA",           "SHALL",      "verify",
        "mailbox",      "address",      "before",     "issuing",
        "certificate",  "profile",      "validation", "within",
        "days",         "request",      "MAY",        "evidence",
        "registration", "organization", "identifier", "legal",
        "entity",       "sponsor",      "individual", "strict",
        "legacy",       "extension",    "key",        "usage",
        "revocation",   "audit",        "report",     "period",
        "draft",        "redline",      "section",    "domain",
        "ACME",         "account",      "email",      "pseudonym",
        "country",      "serial",       "number",     "signature",
        "algorithm",    "transition",   "effective",  "date",
        "clarify",      "requirement",  "reference",  "policy",
        "practice",     "statement",    "disclosure", "enterprise",
        "lifetime",     "months",       "private",
};

static void
sentence(FILE *f, const char *prefix, int n)
{
	fputs(prefix, f);
	for (int i = 0; i < n; i++)
		fprintf(f, "%s%s", i ? " " : "",
		        words[rnd(sizeof(words) / sizeof(words[0]))]);
	fputs(".\n", f);
}

static void
paragraphs(FILE *f, const char *prefix, int lines)
{
	for (int i = 0; i < lines; i++)
		sentence(f, prefix, 8 + (int)rnd(8));
}

static void
date_header(FILE *f, long long t)
{
	char buf[64];
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(buf, sizeof(buf), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	fprintf(f, "Date: %s\n", buf);
}

static void
head(FILE *f, int org, const char *subject, long long t, const char *id,
     const char *reply_to)
{
	fprintf(f,
	        "From bench  Mon Jan  1 00:00:00 2024\n"
	        "From: Rep %02d <rep@org%02d.example>\n"
	        "To: smcwg-public@example.org\nSubject: %s\n",
	        org, org, subject);
	date_header(f, t);
	fprintf(f, "Message-ID: <%s@bench.example>\n", id);
	if (reply_to)
		fprintf(f,
		        "In-Reply-To: <%s@bench.example>\n"
		        "References: <%s@bench.example>\n",
		        reply_to, reply_to);
}

/* One vote, in one of the shapes members send. */
static void
vote(FILE *f, int k, int org, int n, long long t)
{
	static const char *const values[] = {"yes", "yes", "yes", "no",
	                                     "abstain"};
	const char *v = values[rnd(5)];
	char subject[96], id[48], notice[48];

	snprintf(subject, sizeof(subject),
	         "Re: [Smcwg-public] Voting Period Begins - Ballot SMC%03d", k);
	snprintf(id, sizeof(id), "v%d.%d", k, n);
	snprintf(notice, sizeof(notice), "vp%d", k);
	head(f, org, subject, t, id, notice);
	switch (rnd(3)) {
	case 0: /* plain, quoting the notice */
		fprintf(f,
		        "\nOrg %02d votes %s on Ballot SMC%03d.\n\n"
		        "On Mon, Rep 01 wrote:\n",
		        org, v, k);
		paragraphs(f, "> ", 12);
		break;
	case 1: /* HTML only, the notice in a blockquote */
		fprintf(f,
		        "Content-Type: text/html; charset=utf-8\n\n"
		        "<html><head><style>p {margin: 0}</style></head>"
		        "<body><p>Org %02d votes &#8220;%s&#8221;</p>"
		        "<blockquote>",
		        org, v);
		paragraphs(f, "<p>", 12);
		fputs("</blockquote></body></html>\n", f);
		break;
	default: /* multipart/alternative */
		fprintf(f,
		        "MIME-Version: 1.0\nContent-Type: "
		        "multipart/alternative; boundary=\"b%s\"\n\n"
		        "--b%s\nContent-Type: text/plain\n\n%s\n\n",
		        id, id, v);
		paragraphs(f, "> ", 6);
		fprintf(f,
		        "--b%s\nContent-Type: text/html\n\n<p>%s</p>\n"
		        "--b%s--\n",
		        id, v, id);
	}
	fputc('\n', f);
}

static void
discussion(FILE *f, int n, long long t)
{
	char subject[64], id[32], parent[32];

	snprintf(subject, sizeof(subject),
	         "Re: [Smcwg-public] Draft ballot on %s %s", words[n % 60],
	         words[(n / 60) % 60]);
	snprintf(id, sizeof(id), "d%d", n);
	snprintf(parent, sizeof(parent), "d%d", n > 0 ? n - 1 : 0);
	head(f, 1 + (int)rnd(ORGS), subject, t, id, parent);
	fputc('\n', f);
	paragraphs(f, "", 6 + (int)rnd(20));
	fputs("\nOn Tue, someone wrote:\n", f);
	paragraphs(f, "> ", 10 + (int)rnd(20));
	fputc('\n', f);
}

static int
generate(const char *path, long n)
{
	FILE *f = fopen(path, "w");
	long written = 0;

	if (!f)
		return 1;
	for (int k = 1; k <= BALLOTS && written < n; k++) {
		long long start = BASE + (long long)k * 7 * DAY;
		int votes = 20 + (int)rnd(10);
		char subject[96], id[32];

		snprintf(
		        subject, sizeof(subject),
		        "[Smcwg-public] Voting Period Begins - Ballot SMC%03d: "
		        "Bench",
		        k);
		snprintf(id, sizeof(id), "vp%d", k);
		head(f, 1, subject, start, id, NULL);
		fputc('\n', f);
		paragraphs(f, "", 12);
		fputc('\n', f);
		written++;
		for (int i = 0; i < votes && written < n; i++, written++)
			vote(f, k, 1 + (i * 7 + k) % ORGS, i,
			     start + (long long)(i + 1) * 6 * 3600);
		/* Discussion up to an even share of the rest. */
		for (long d = 0; d < (n - 7000) / BALLOTS && written < n;
		     d++, written++)
			discussion(f, (int)written, start + DAY);
	}
	while (written < n) {
		discussion(f, (int)written, BASE);
		written++;
	}
	return fclose(f) != 0;
}

static int
setup(const char *path)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_body_spec body = {0};
	struct gv_db *db = NULL;
	long long start = BASE + 120LL * 7 * DAY;
	char org[16], person[16], email[32];
	int rc;

	if (gv_db_open(&db, path, &opts) < 0)
		return 1;
	gv_db_set_now(db, BASE);
	body.code = "SMCWG";
	body.name = "Bench WG";
	rc = gv_body_add(NULL, db, &body);
	for (int i = 1; i <= ORGS && rc == 0; i++) {
		snprintf(org, sizeof(org), "Org %02d", i);
		snprintf(person, sizeof(person), "Rep %02d", i);
		snprintf(email, sizeof(email), "rep@org%02d.example", i);
		if ((rc = gv_org_add(NULL, db, org, "SMCWG",
		                     i <= 26 ? GV_CLASS_ISSUER
		                             : GV_CLASS_CONSUMER,
		                     BASE)) == 0)
			rc = gv_person_add(NULL, db,
			                   &(struct gv_person_spec){person, org,
			                                            email,
			                                            "SMCWG"});
	}
	gv_db_set_now(db, start + 30 * DAY);
	if (rc == 0)
		rc = gv_ballot_new(NULL, NULL, db,
		                   &(struct gv_ballot_spec){"SMCWG", "Bench",
		                                            "fmg", "Org 01",
		                                            NULL, 120},
		                   start - 8 * DAY);
	if (rc == 0 &&
	    (rc = gv_ballot_endorse(db, "SMC120", "Org 02", start - 8 * DAY)) ==
	            0 &&
	    (rc = gv_ballot_endorse(db, "SMC120", "Org 27", start - 8 * DAY)) ==
	            0 &&
	    (rc = gv_ballot_version(db, "SMC120", "text", NULL, 0,
	                            start - 8 * DAY)) == 0 &&
	    (rc = gv_ballot_discuss(db, "SMC120", start - 8 * DAY, -1)) == 0)
		rc = gv_ballot_open_vote(db, "SMC120", start);
	if (rc < 0)
		fprintf(stderr, "votes-from-bench: %s\n",
		        gv_error_last()->message);
	gv_db_free(db);
	return rc < 0;
}

/* Runs argv; prints its seconds on the clock and of CPU, and the peak
 * resident set of its process in KB. Its output goes through a pipe and
 * is dropped: GNU grep given /dev/null stops at its first match. */
static int
run(char **argv)
{
	struct rusage ru;
	double start = bench_now();
	int status;

	if (bench_child(argv, &ru, &status) < 0)
		return 1;
	printf("%.4f %.4f %ld\n", bench_now() - start, bench_cpu(&ru),
	       ru.ru_maxrss);
	return !WIFEXITED(status) || WEXITSTATUS(status) != 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "generate"))
		return generate(argv[2], atol(argv[3]));
	if (argc == 3 && !strcmp(argv[1], "setup"))
		return setup(argv[2]);
	if (argc >= 3 && !strcmp(argv[1], "run"))
		return run(argv + 2);
	fprintf(stderr, "usage: votes-from-bench generate FILE N | setup DB | "
	                "run CMD [ARG...]\n");
	return 2;
}
