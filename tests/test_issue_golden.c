/* SPDX-License-Identifier: MIT */
/*
 * This file holds `gavel issue list` and its search to what they printed
 * before the list was streamed (issue 21): a generated set of imported
 * issues (labels, closed ones, wide and hostile titles, notes, a second
 * page as `gh api --paginate` writes it) listed as text and JSON, with
 * and without a search, a label, a state and a limit; each output is
 * compared byte for byte with tests/golden/issue-list-*.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static const char *const *
env(void)
{
	return t_env("2024-12-18 17:00", "chair");
}

static const char *const golden_words[] = {
        "registration", "authority", "mailbox", "validation", "ETSI",
        "legal",        "entity",    "profile", "strict",     "legacy",
        "revocation",   "OCSP",      "über",    "naïve",      "record",
};
static const char *const golden_labels[] = {"bug", "errata", "ballot",
                                            "editorial"};

/* n issues in two pages, every shape the list prints. */
static const char *
golden_file(int n)
{
	const char *path = t_path("golden.json");
	FILE *f = fopen(path, "w");
	unsigned seed = 7;
	int i, w;

	if (!f)
		return NULL;
	fputs("[", f);
	for (i = 1; i <= n; i++) {
		seed = seed * 1103515245u + 12345u;
		if (i == n / 2 + 1)
			fputs("]\n[", f);
		else if (i > 1)
			fputs(",\n", f);
		fprintf(f, "{\"number\": %d, \"title\": \"", i);
		for (w = 0; w < 2 + (int)((seed >> 8) % (i % 7 ? 5 : 30)); w++)
			fprintf(f, "%s%s", w ? " " : "",
			        golden_words[(seed >> (w % 16)) % 15]);
		if (i % 11 == 0)
			fputs(" \\u001b[31mred\\t", f);
		fprintf(f, "\", \"state\": \"%s\", \"labels\": [",
		        i % 3 ? "OPEN" : "CLOSED");
		if (i % 4)
			fprintf(f, "{\"name\": \"%s\"}%s", golden_labels[i % 4],
			        i % 5 ? "" : ", {\"name\": \"bug\"}");
		fprintf(f,
		        "], \"body\": \"%s %s body\", \"url\": "
		        "\"https://github.com/o/r/issues/%d\", \"createdAt\": "
		        "\"2024-0%d-0%dT10:00:00Z\", \"closedAt\": %s, "
		        "\"author\": {\"login\": \"m%d\"}, \"comments\": [",
		        golden_words[i % 15], golden_words[(i * 7) % 15], i,
		        1 + i % 9, 1 + i % 8,
		        i % 3 ? "null" : "\"2024-10-01T00:00:00Z\"", i % 4);
		for (w = 0; w < i % 3; w++)
			fprintf(f,
			        "%s{\"id\": \"C%d_%d\", \"author\": {\"login\":"
			        " \"m%d\"}, \"body\": \"%s note\", "
			        "\"createdAt\":"
			        " \"2024-11-%02dT00:00:00Z\"}",
			        w ? ", " : "", i, w, w,
			        golden_words[(i + w) % 15], 1 + (i + w) % 28);
		fputs("]}", f);
	}
	fputs("]\n", f);
	fclose(f);
	return path;
}

/* The output of `gavel issue list ARGS...` (at most 8, NULL after the
 * last) against tests/golden/issue-list-NAME. */
static void
list_is(const char *name, const char *const *a)
{
	char golden[256];
	struct t_run *r;
	const char *want;

	r = t_gavel(env(), "issue", "list", a[0], a[1], a[2], a[3], a[4], a[5],
	            a[6], a[7], NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->err, "");
	snprintf(golden, sizeof(golden), "tests/golden/issue-list-%s", name);
	want = t_read_file(golden, NULL);
	T_ASSERT(want != NULL);
	T_EQ_STR(r->out, want);
}

static void
list_and_search_print_what_they_did(void)
{
	const char *open[8] = {NULL};
	const char *all_json[8] = {"--state", "all", "--format", "json", NULL};
	const char *closed_label[8] = {"--state", "closed", "--label", "bug",
	                               NULL};
	const char *limited[8] = {"--limit", "7", NULL};
	const char *search[8] = {"--search", "registration", NULL};
	const char *search_json[8] = {"--search", "legal OR revocation",
	                              "--limit",  "12",
	                              "--format", "json",
	                              NULL};
	const char *search_label[8] = {"--search", "registration -OCSP",
	                               "--state",  "open",
	                               "--label",  "errata",
	                               NULL};

	T_ASSERT(t_gavel(env(), "init", NULL)->status == 0);
	T_ASSERT(
	        t_gavel(env(), "body", "add", "WG", "--name", "Golden WG", NULL)
	                ->status == 0);
	T_EQ_INT(t_gavel(env(), "issue", "import", golden_file(60), "--body",
	                 "WG", NULL)
	                 ->status,
	         0);
	list_is("open.txt", open);
	list_is("all.json", all_json);
	list_is("closed-bug.txt", closed_label);
	list_is("limit.txt", limited);
	list_is("search.txt", search);
	list_is("search.json", search_json);
	list_is("search-label.txt", search_label);
}

const struct t_case issue_golden_tests[] = {
        {"list_and_search_print_what_they_did",
         list_and_search_print_what_they_did},
        {NULL, NULL},
};
