/* SPDX-License-Identifier: MIT */
/*
 * This file is the issue benchmark's driver.
 *
 *   issues-bench generate FILE N   N issues with 5 comments each, as
 *                                  `gh issue list --json ...` writes them
 *   issues-bench queries FILE N    N mixed searches, one per line:
 *                                  STATE TAB LABEL TAB QUERY
 *   issues-bench search DB FILE    runs them in one process through
 *                                  gv_issue_list (20 hits each) and
 *                                  prints p50, p99 and the total, in s
 *   issues-bench sql DB FILE       writes the same searches as SQL for
 *                                  the sqlite3 shell: the statement gavel
 *                                  runs (core/db_stmt_issue.h), its
 *                                  parameters written in as literals
 *   issues-bench listsql           writes the statement of `gavel issue
 *                                  list` (open issues, no limit) so
 *   issues-bench run CMD [ARG...]  runs CMD, its output dropped, and
 *                                  prints its CPU seconds (user + sys)
 *                                  and peak resident set in KB
 *
 * Text comes from a fixed vocabulary and a fixed seed, so every run
 * builds the same file.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../core/db_rows.h"
#include "../core/db_stmt_issue.h"
#include "gavel/gavel.h"
#include "child.h"
#include "clock.h"

static const char *const words[] = {
        "the",        "CA",           "SHALL",        "verify",
        "mailbox",    "address",      "before",       "issuing",
        "subscriber", "certificate",  "record",       "method",
        "validation", "within",       "days",         "request",
        "MAY",        "rely",         "evidence",     "registration",
        "authority",  "organization", "identifier",   "EUID",
        "ETSI",       "NTR",          "scheme",       "attribute",
        "legal",      "entity",       "sponsor",      "individual",
        "strict",     "multipurpose", "legacy",       "profile",
        "extension",  "key",          "usage",        "OCSP",
        "CRL",        "revocation",   "reason",       "audit",
        "WebTrust",   "report",       "period",       "ballot",
        "draft",      "redline",      "section",      "domain",
        "control",    "ACME",         "external",     "account",
        "binding",    "challenge",    "DNS",          "TXT",
        "record",     "email",        "confirmation", "random",
        "value",      "reuse",        "data",         "source",
        "pseudonym",  "given",        "name",         "surname",
        "country",    "locality",     "state",        "province",
        "serial",     "number",       "signature",    "algorithm",
        "RSA",        "ECDSA",        "PQC",          "ML-DSA",
        "transition", "effective",    "date",         "sunset",
        "clarify",    "requirement",  "typo",         "reference",
        "RFC",        "5280",         "8550",         "S/MIME",
        "agreement",  "policy",       "practice",     "statement",
        "incident",   "disclosure",   "delegated",    "third",
        "party",      "enterprise",   "RA",           "lifetime",
        "825",        "months",       "seconds",      "compromise",
        "private",    "generation",   "escrow",       "archive",
        "backup",     "HSM",          "FIPS",         "140",
        "level",      "assurance",    "identity",     "proofing",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

static const char *const labels[] = {
        "enhancement", "clarification", "bug",       "ballot",
        "discussion",  "errata",        "editorial", "needs-ballot",
};
#define NLABELS (sizeof(labels) / sizeof(labels[0]))

static unsigned seed = 20261127u;

static unsigned
next(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

/* Words skewed towards the start of the list (Zipf-like), as real text. */
static const char *
word(void)
{
	return words[next(next(NWORDS) + 1)];
}

static void
sentence(FILE *f, unsigned min, unsigned spread)
{
	unsigned i, n = min + next(spread);

	for (i = 0; i < n; i++)
		fprintf(f, "%s%s", i ? " " : "", word());
}

static void
stamp(FILE *f, int64_t t)
{
	char buf[GV_TIME_BUFSZ];

	fprintf(f, "\"%s\"", gv_time_format(buf, t, GV_TIME_ISO));
}

static int
generate(const char *path, int n)
{
	FILE *f = fopen(path, "w");
	int64_t t = 1577836800; /* 2020-01-01 */
	int i, c;

	if (!f)
		return 1;
	fputs("[\n", f);
	for (i = 1; i <= n; i++) {
		int closed = next(3) == 0;

		t += 600 + next(3600);
		fprintf(f, "%s{\"number\": %d, \"title\": \"",
		        i > 1 ? ",\n" : "", i);
		sentence(f, 4, 7);
		fprintf(f, "\", \"state\": \"%s\", \"labels\": [",
		        closed ? "CLOSED" : "OPEN");
		if (next(2))
			fprintf(f, "{\"name\": \"%s\"}", labels[next(NLABELS)]);
		fputs("], \"body\": \"", f);
		sentence(f, 40, 160);
		fprintf(f,
		        "\", \"url\": \"https://github.com/bench/wg/issues/%d\""
		        ", \"createdAt\": ",
		        i);
		stamp(f, t);
		fputs(", \"closedAt\": ", f);
		if (closed)
			stamp(f, t + 86400);
		else
			fputs("null", f);
		fprintf(f,
		        ", \"author\": {\"login\": \"member%u\"}, "
		        "\"comments\": [",
		        next(60));
		for (c = 0; c < 5; c++) {
			fprintf(f,
			        "%s{\"id\": \"IC_%d_%d\", \"author\": "
			        "{\"login\": \"member%u\"}, \"body\": \"",
			        c ? ", " : "", i, c, next(60));
			sentence(f, 20, 60);
			fputs("\", \"createdAt\": ", f);
			stamp(f, t + 3600 * (c + 1));
			fputc('}', f);
		}
		fputs("]}", f);
	}
	fputs("\n]\n", f);
	return fclose(f) ? 1 : 0;
}

static int
queries(const char *path, int n)
{
	FILE *f = fopen(path, "w");
	int i;

	if (!f)
		return 1;
	for (i = 0; i < n; i++) {
		const char *state = next(4) == 0 ? "open" : "all";
		const char *label = next(8) == 0 ? labels[next(NLABELS)] : "-";
		char w[32];

		fprintf(f, "%s\t%s\t", state, label);
		switch (i % 6) {
		case 0:
			fprintf(f, "%s", word());
			break;
		case 1:
			fprintf(f, "%s %s", word(), word());
			break;
		case 2:
			fprintf(f, "\"%s %s\"", word(), word());
			break;
		case 3:
			snprintf(w, sizeof(w), "%s", words[next(NWORDS)]);
			w[strlen(w) > 4 ? 4 : strlen(w)] = '\0';
			fprintf(f, "%s*", w);
			break;
		case 4:
			fprintf(f, "%s OR %s", word(), word());
			break;
		default:
			fprintf(f, "%s -%s", word(), word());
			break;
		}
		fputc('\n', f);
	}
	return fclose(f) ? 1 : 0;
}

/* One line of the queries file, split in place. */
static int
split(char *line, char **state, char **label, char **query)
{
	line[strcspn(line, "\n")] = '\0';
	*state = line;
	if (!(*label = strchr(line, '\t')))
		return -1;
	*(*label)++ = '\0';
	if (!(*query = strchr(*label, '\t')))
		return -1;
	*(*query)++ = '\0';
	return 0;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
search(const char *db_path, const char *path)
{
	struct gv_db *db = NULL;
	double *t = NULL, total = 0;
	size_t n = 0, alloc = 0;
	char line[512], *state, *label, *query;
	FILE *f = fopen(path, "r");

	if (!f || gv_db_open(&db, db_path, NULL) < 0)
		return 1;
	while (fgets(line, sizeof(line), f)) {
		struct gv_issue_filter filter = {0};
		struct gv_issue_list l;
		double start;

		if (split(line, &state, &label, &query) < 0)
			return 1;
		filter.state = strcmp(state, "open") ? -1 : 0;
		filter.label = strcmp(label, "-") ? label : NULL;
		filter.search = query;
		filter.limit = 20;
		start = bench_now();
		if (gv_issue_list(&l, db, &filter) < 0) {
			fprintf(stderr, "issues-bench: %s\n",
			        gv_error_last()->message);
			return 1;
		}
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 1024;
			if (!(t = realloc(t, alloc * sizeof(*t))))
				abort();
		}
		t[n] = bench_now() - start;
		total += t[n++];
		gv_issue_list_dispose(&l);
	}
	fclose(f);
	gv_db_free(db);
	if (!n)
		return 1;
	qsort(t, n, sizeof(*t), cmp_double);
	printf("%.6f %.6f %.6f\n", t[n / 2], t[n * 99 / 100], total);
	free(t);
	return 0;
}

/* Writes s as an SQL string literal. */
static void
put_literal(const char *s)
{
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'')
			putchar('\'');
		putchar(*s);
	}
	putchar('\'');
}

/* The issue statements' text, by name, from core's own list. */
#define BENCH_ENUM(name, text) BENCH_##name,
enum { GV__STMT_ISSUE_LIST(BENCH_ENUM) BENCH_COUNT };
#define BENCH_TEXT(name, text) text,
static const char *const issue_sql[] = {GV__STMT_ISSUE_LIST(BENCH_TEXT)};

static int
sql(const char *path)
{
	const char *search_sql = issue_sql[BENCH_ISSUE_SEARCH];
	char line[512], *state, *label, *query, *fts;
	FILE *f = fopen(path, "r");

	if (!f)
		return 1;
	while (fgets(line, sizeof(line), f)) {
		const char *p;

		if (split(line, &state, &label, &query) < 0 ||
		    gv_issue_query(&fts, query) < 0)
			return 1;
		for (p = search_sql; *p; p++) {
			if (p[0] != '?' || p[1] < '1' || p[1] > '5') {
				putchar(*p);
				continue;
			}
			switch (*++p) {
			case '2':
				if (strcmp(state, "open"))
					fputs("NULL", stdout);
				else
					put_literal("open");
				break;
			case '3':
				if (strcmp(label, "-"))
					put_literal(label);
				else
					fputs("NULL", stdout);
				break;
			case '4':
				fputs("20", stdout);
				break;
			case '5':
				put_literal(fts);
				break;
			default:
				fputs("NULL", stdout);
				break;
			}
		}
		fputs(";\n", stdout);
		free(fts);
	}
	fclose(f);
	return 0;
}

/* Writes the list statement with its parameters: every body, open
 * issues, any label, no limit. */
static int
listsql(void)
{
	const char *p;

	for (p = issue_sql[BENCH_ISSUE_LIST]; *p; p++) {
		if (p[0] != '?' || p[1] < '1' || p[1] > '4') {
			putchar(*p);
			continue;
		}
		switch (*++p) {
		case '2':
			put_literal("open");
			break;
		case '4':
			fputs("-1", stdout);
			break;
		default:
			fputs("NULL", stdout);
			break;
		}
	}
	fputs(";\n", stdout);
	return 0;
}

/* Runs argv, its output read from a pipe and dropped; prints its CPU
 * seconds and peak resident set in KB, as wait4 counts them. */
static int
run(char **argv)
{
	struct rusage ru;
	int status;

	if (bench_child(argv, &ru, &status) < 0)
		return 1;
	printf("%.4f %ld\n", bench_cpu(&ru), ru.ru_maxrss);
	return !WIFEXITED(status) || WEXITSTATUS(status) != 0;
}

int
main(int argc, char **argv)
{
	int rc = 2;

	if (argc >= 3 && !strcmp(argv[1], "run"))
		return run(argv + 2);
	if (gv_global_init() < 0)
		return 1;
	if (argc == 2 && !strcmp(argv[1], "listsql"))
		rc = listsql();
	else if (argc == 4 && !strcmp(argv[1], "generate"))
		rc = generate(argv[2], atoi(argv[3]));
	else if (argc == 4 && !strcmp(argv[1], "queries"))
		rc = queries(argv[2], atoi(argv[3]));
	else if (argc == 4 && !strcmp(argv[1], "search"))
		rc = search(argv[2], argv[3]);
	else if (argc == 4 && !strcmp(argv[1], "sql"))
		rc = sql(argv[3]);
	else
		fprintf(stderr,
		        "usage: issues-bench generate|queries FILE N "
		        "| search|sql DB FILE | listsql | run CMD...\n");
	gv_global_shutdown();
	return rc;
}
