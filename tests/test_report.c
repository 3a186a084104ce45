/* SPDX-License-Identifier: MIT */
/*
 * This file tests `gavel report`, a body's year on one page, on the demo
 * database with a year of work added (calls with roll calls, one
 * cancelled, one ahead; a ballot from proposal to IPR review under a
 * hostile title; a ballot cancelled): every figure on the page is the
 * one the command line prints for the same data (`ballot tally`,
 * `meeting list`, `meeting baseline`), stored text is escaped, and the
 * page fits a window and a printed page in Chromium.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "browser_fixture.h"
#include "gavel/time.h"
#include "harness.h"

#define NOW "2030-02-10 12:00"

/* An instant as the page writes it, its date on one line. */
#define WHEN "<span class=\"when\">%.10s</span>%s"

static const char hostile[] = "<script>alert(\"x\")</script> & </svg>"
                              "<b>bold</b> 'q' \xE2\x80\x94 EUID";

static const char *const *
env(void)
{
	return t_env(NOW, "chair");
}

/* Runs gavel; its output when it exits 0, else NULL (the test fails). */
#define RUN(...) run_ok(__FILE__, __LINE__, env(), __VA_ARGS__, NULL)

static const char *
run_ok(const char *file, int line, const char *const *e, ...)
{
	struct t_run *r;
	va_list ap;

	va_start(ap, e);
	r = t_gavel_v(e, ap);
	va_end(ap);
	if (r->status != 0) {
		t_fail(file, line, "gavel exited %d: %s", r->status, r->err);
		return NULL;
	}
	return r->out;
}

/* The identifier a create printed, without its newline (kept). */
static const char *
id_of(const char *out)
{
	return out ? t_keep(strndup(out, strcspn(out, "\n"))) : NULL;
}

static const char *const attendees[2] = {
        "Stephen Davidson (DigiCert), Iñigo Barreira (Sectigo), Ben Wilson "
        "(Mozilla), Andy Warner (Google), Ashish Dhiman (GlobalSign), "
        "Andreas Henschel (D-TRUST), Sandy Balzer (SwissSign), Judith "
        "Spencer (CertiPath)",
        "Stephen Davidson (DigiCert), Iñigo Barreira (Sectigo), Ben Wilson "
        "(Mozilla), Andy Warner (Google), Sandy Balzer (SwissSign)",
};

/* A title with a link longer than any column: it must wrap. */
static const char cancelled[] =
        "A ballot cancelled, see https://github.com/cabforum/smime/compare/"
        "cd7c998984050e61fabddda0cbba2e9b02954360..."
        "8150e7ac0cf4a6f0c2afd7ad9df98b12330c00bc";

static const char *const votes[][3] = {
        {"DigiCert", "yes", "2030-01-30 09:00"},
        {"Sectigo", "yes", "2030-01-30 10:12"},
        {"GlobalSign", "yes", "2030-01-31 08:40"},
        {"SwissSign", "no", "2030-02-03 15:00"},
        {"D-TRUST", "yes", "2030-02-03 16:20"},
        {"Microsoft", "yes", "2030-02-04 09:15"},
        {"Google", "yes", "2030-02-04 17:30"},
        {"Mozilla", "abstain", "2030-02-05 11:00"},
        {"Apple", "yes", "2030-02-05 12:30"}, /* after the close */
};

/* Calls of 2030 (two with a roll call, one cancelled, one ahead). */
static int
year_of_calls(void)
{
	static const char *const starts[] = {
	        "2030-01-09 11:00", "2030-01-23 11:00", "2030-02-06 11:00",
	        "2030-02-20 11:00"};
	const char *id[4];
	size_t i;

	for (i = 0; i < 4; i++)
		if (!(id[i] = id_of(RUN("meeting", "add", "SMCWG", starts[i]))))
			return -1;
	if (!RUN("meeting", "attend", id[0], "--line", attendees[0]) ||
	    !RUN("meeting", "attend", id[1], "--line", attendees[1]) ||
	    !RUN("meeting", "cancel", id[2], "--reason", "holiday"))
		return -1;
	return 0;
}

/* A ballot from proposal to IPR review (its number in *number), and one
 * cancelled before its discussion. */
static int
year_of_ballots(const char **number)
{
	const char *b, *c;
	size_t i;

	if (!(b = id_of(RUN("ballot", "new", "SMCWG", "--title", hostile,
	                    "--kind", "fmg", "--proposer", "DigiCert", "--at",
	                    "2030-01-20 09:00"))) ||
	    !RUN("ballot", "endorse", b, "Sectigo", "--at",
	         "2030-01-20 10:00") ||
	    !RUN("ballot", "endorse", b, "Google", "--at",
	         "2030-01-20 10:00") ||
	    !RUN("ballot", "version", b, "--url",
	         "https://github.com/cabforum/smime/pull/281", "--at",
	         "2030-01-21 10:00") ||
	    !RUN("ballot", "discuss", b, "--at", "2030-01-22 12:00") ||
	    !RUN("ballot", "open-vote", b, "--at", "2030-01-29 12:00"))
		return -1;
	for (i = 0; i < sizeof(votes) / sizeof(votes[0]); i++)
		if (!RUN("ballot", "vote", b, votes[i][0], votes[i][1], "--at",
		         votes[i][2]))
			return -1;
	if (!RUN("ballot", "close", b, "--at", "2030-02-06 09:00") ||
	    !RUN("ballot", "review", b, "--at", "2030-02-07 16:00") ||
	    !(c = id_of(RUN("ballot", "new", "SMCWG", "--title", cancelled,
	                    "--kind", "other", "--proposer", "Sectigo", "--at",
	                    "2030-01-25 09:00"))) ||
	    !RUN("ballot", "cancel", c, "--at", "2030-01-27 09:00"))
		return -1;
	*number = b;
	return 0;
}

static int
demo_and_year(const char **number)
{
	if (!RUN("init", "--demo") || year_of_calls() < 0)
		return -1;
	return year_of_ballots(number);
}

static json_t *
json_of(const char *text)
{
	return text ? json_loads(text, 0, NULL) : NULL;
}

/* page contains the text printf makes. */
#define HAS(page, ...)                                                         \
	do {                                                                   \
		char want_[1024];                                              \
		snprintf(want_, sizeof(want_), __VA_ARGS__);                   \
		T_CONTAINS(page, want_);                                       \
	} while (0)

/* A class's row of the page's tally, from `ballot tally --format json`. */
static int
class_row(char *buf, size_t n, json_t *tally, const char *key, const char *name)
{
	json_t *c = json_object_get(tally, key);

	return snprintf(buf, n,
	                "<tr><td>%s</td><td class=\"num\">%d</td>"
	                "<td class=\"num\">%d</td><td class=\"num\">%d</td>"
	                "<td>%s</td>",
	                name,
	                (int)json_integer_value(json_object_get(c, "yes")),
	                (int)json_integer_value(json_object_get(c, "no")),
	                (int)json_integer_value(json_object_get(c, "abstain")),
	                json_string_value(json_object_get(c, "percent_text")));
}

/* The tally on the page is the one `ballot tally` prints. */
static void
tally_matches(const char *page, const char *number)
{
	json_t *t = json_of(RUN("ballot", "tally", number, "--format", "json"));
	char row[512];

	T_ASSERT(t);
	class_row(row, sizeof(row), t, "issuers", "Certificate Issuers");
	T_CONTAINS(page, row);
	class_row(row, sizeof(row), t, "consumers", "Certificate Consumers");
	T_CONTAINS(page, row);
	HAS(page, "Quorum: %d participants \xE2\x89\xA5 %d",
	    (int)json_integer_value(json_object_get(t, "participants")),
	    (int)json_integer_value(json_object_get(t, "quorum")));
	HAS(page, "voting members, %.2f; bylaws reading): %s.",
	    json_real_value(json_object_get(t, "active_average")),
	    json_is_true(json_object_get(t, "quorum_met")) ? "met" : "not met");
	HAS(page, "): %s</caption>",
	    json_string_value(json_object_get(t, "result")));
	json_decref(t);
}

/* `meeting baseline --before` an instant: "<td ...>A</td><td ...>Q</td>"
 * (or dashes when there is none). */
static void
baseline_cells(char *buf, size_t n, int64_t before)
{
	char when[GV_TIME_BUFSZ];
	const char *out;
	struct t_run *r;
	json_t *b;

	gv_time_format(when, before, GV_TIME_HUMAN);
	when[16] = '\0'; /* "YYYY-MM-DD HH:MM" */
	r = t_gavel(env(), "meeting", "baseline", "SMCWG", "--before", when,
	            "--format", "json", NULL);
	out = r->status == 0 ? r->out : NULL;
	if (!(b = json_of(out))) {
		snprintf(buf, n,
		         "<td class=\"num\">-</td><td class=\"num\">-"
		         "</td></tr>");
		return;
	}
	snprintf(buf, n,
	         "<td class=\"num\">%.2f</td><td class=\"num\">%d</td></tr>",
	         json_real_value(json_object_get(b, "active_average")),
	         (int)json_integer_value(json_object_get(b, "quorum")));
	json_decref(b);
}

/* Each of the year's meetings on the page as `meeting list` and
 * `meeting baseline` print it; how many were checked. */
static int
meetings_match(const char *page, int year)
{
	json_t *list = json_of(RUN("meeting", "list", "--body", "SMCWG",
	                           "--format", "json")),
	       *m;
	char row[1024], cells[256], prefix[8], people[16], voting[16];
	int checked = 0, held;
	int64_t at;
	size_t i;

	snprintf(prefix, sizeof(prefix), "%d-", year);
	json_array_foreach (list, i, m) {
		const char *utc = json_string_value(
		        json_object_get(json_object_get(m, "local"), "utc"));

		if (strncmp(utc, prefix, 5) || gv_time_parse(&at, utc) < 0)
			continue;
		/* A meeting still ahead has no baseline after it yet. */
		held = !strcmp(json_string_value(json_object_get(m, "status")),
		               "held");
		snprintf(people, sizeof(people), "%d",
		         (int)json_integer_value(
		                 json_object_get(m, "attendees")));
		snprintf(voting, sizeof(voting), "%d",
		         (int)json_integer_value(
		                 json_object_get(m, "voting_orgs")));
		if (at > t_at(NOW))
			snprintf(cells, sizeof(cells),
			         "<td class=\"num\">-</td><td class=\"num\">-"
			         "</td></tr>");
		else
			baseline_cells(cells, sizeof(cells), at + 60);
		snprintf(row, sizeof(row),
		         "<tr><td class=\"num\">%d</td><td>" WHEN
		         "</td><td>%s</td>"
		         "<td class=\"num\">%s</td><td class=\"num\">%s</td>%s",
		         (int)json_integer_value(json_object_get(m, "id")), utc,
		         utc + 10,
		         json_string_value(json_object_get(m, "status")),
		         held ? people : "-", held ? voting : "-", cells);
		if (!strstr(page, row)) {
			t_fail(__FILE__, __LINE__, "no row %s in the page",
			       row);
			return -1;
		}
		checked++;
	}
	json_decref(list);
	return checked;
}

static void
figures_are_the_cli_s(void)
{
	const char *number, *page, *show, *vote_ends, *review[2];
	json_t *ballot, *dates;
	char year_start[256];

	T_EQ_INT(demo_and_year(&number), 0);
	page = RUN("report", "SMCWG", "--year", "2030", "--format", "html");
	T_ASSERT(page);
	tally_matches(page, number);
	T_EQ_INT(meetings_match(page, 2030), 4);
	/* The baseline in force on January 1. */
	baseline_cells(year_start, sizeof(year_start),
	               t_at("2030-01-01 00:00"));
	T_ASSERT(strstr(year_start, "20.00"));
	T_CONTAINS(page, "On January 1 the quorum baseline was A = 20.00, so "
	                 "quorum was 11");
	/* The ballot's periods are the dates `ballot show` gives. */
	ballot = json_of(RUN("ballot", "show", number, "--format", "json"));
	T_ASSERT(ballot);
	dates = json_object_get(json_object_get(ballot, "ballot"), "dates");
	show = json_string_value(json_object_get(dates, "vote_starts"));
	vote_ends = json_string_value(json_object_get(dates, "vote_ends"));
	HAS(page, "voting: " WHEN " to " WHEN "<br>", show, show + 10,
	    vote_ends, vote_ends + 10);
	review[0] = json_string_value(json_object_get(dates, "review_starts"));
	review[1] = json_string_value(json_object_get(dates, "review_ends"));
	HAS(page, "IPR review: " WHEN " to " WHEN " (ahead)", review[0],
	    review[0] + 10, review[1], review[1] + 10);
	HAS(page, "<td>in IPR review</td><td>passed, announced <span "
	          "class=\"when\">2030-02-06</span> 09:00 UTC</td>");
	json_decref(ballot);
	/* The drawings: the same periods as bars, the calls as bars. */
	HAS(page, "<rect class=\"voting\"");
	HAS(page, "voting: 2030-01-29 12:00 UTC to 2030-02-05 12:00 UTC"
	          "</title></rect>");
	HAS(page, "<rect class=\"review ahead\"");
	HAS(page, ": 8 voting members present (8 people)</title>");
	HAS(page, "<path class=\"end stopped\"");
	HAS(page, "<text class=\"mark cancelled\"");
	/* The demo's own year, checked the same way. */
	page = RUN("report", "SMCWG", "--year", "2024", "--format", "html");
	T_ASSERT(page);
	T_ASSERT(meetings_match(page, 2024) >= 0);
}

/* A title is text wherever it appears: the table, the tally's caption,
 * the drawing's tooltips. */
static void
titles_are_escaped(void)
{
	const char *number, *page;

	T_EQ_INT(demo_and_year(&number), 0);
	page = RUN("report", "SMCWG", "--year", "2030", "--format", "html");
	T_ASSERT(page);
	T_ASSERT(!strstr(page, "<script") && !strstr(page, "<b>bold"));
	T_ASSERT(!strstr(page, "</svg><b>"));
	HAS(page, "<td class=\"text\">&lt;script&gt;alert(&quot;x&quot;)"
	          "&lt;/script&gt; &amp; &lt;/svg&gt;&lt;b&gt;bold&lt;/b&gt; "
	          "&#39;q&#39; \xE2\x80\x94 EUID</td>");
	HAS(page, "<caption>%s (&lt;script&gt;", number);
	HAS(page, "<title>&lt;script&gt;alert(");
	page = RUN("report", "SMCWG", "--year", "2030", "--format", "md");
	T_ASSERT(page);
	/* Each < is escaped: Markdown shows it as text. */
	T_CONTAINS(page, "\\<script\\>alert(\"x\")\\</script\\>");
	T_ASSERT(strstr(page, "<script") == strstr(page, "\\<script") + 1);
}

/* The page and the JSON carry the same tally and baselines as the
 * commands that print them alone. */
static void
json_is_the_cli_s(void)
{
	const char *number;
	json_t *report, *ballots, *meetings, *m, *tally, *b;
	size_t i;
	int found = 0;

	T_EQ_INT(demo_and_year(&number), 0);
	report = json_of(
	        RUN("report", "SMCWG", "--year", "2030", "--format", "json"));
	T_ASSERT(report);
	ballots = json_object_get(report, "ballots");
	T_EQ_INT(json_array_size(ballots), 2);
	json_array_foreach (ballots, i, b) {
		if (strcmp(json_string_value(json_object_get(b, "number")),
		           number))
			continue;
		tally = json_of(
		        RUN("ballot", "tally", number, "--format", "json"));
		T_ASSERT(tally);
		T_ASSERT(json_equal(json_object_get(b, "tally"), tally));
		json_decref(tally);
		found = 1;
	}
	T_ASSERT(found);
	meetings = json_object_get(report, "meetings");
	T_EQ_INT(json_array_size(meetings), 4);
	m = json_array_get(meetings, 1);
	b = json_of(RUN("meeting", "baseline", "SMCWG", "--before",
	                "2030-01-23 16:01", "--format", "json"));
	T_ASSERT(b);
	T_ASSERT(json_equal(json_object_get(m, "baseline_after"), b));
	json_decref(b);
	json_decref(report);
}

static void
page_fits(void)
{
	const char *number, *page;

	T_EQ_INT(demo_and_year(&number), 0);
	page = RUN("report", "SMCWG", "--year", "2030", "--format", "html");
	T_ASSERT(page);
	BROWSER_FITS("the report of 2030", page);
	page = RUN("report", "SMCWG", "--year", "2024", "--format", "html");
	T_ASSERT(page);
	BROWSER_FITS("the report of 2024", page);
}

static void
text_and_refusals(void)
{
	const char *number, *out;
	struct t_run *r;

	T_EQ_INT(demo_and_year(&number), 0);
	/* The clock's year by default. */
	out = RUN("report", "SMCWG");
	T_ASSERT(out);
	T_CONTAINS(out, "S/MIME Certificate Working Group (SMCWG) in 2030");
	T_CONTAINS(out,
	           "Certificate Issuers:     4 yes   1 no   0 abstain  80%  "
	           "met\n");
	T_CONTAINS(out, "A ballot cancelled");
	T_CONTAINS(out, "passed  <script>alert(\"x\")</script> & ");
	r = t_gavel(env(), "report", "NOPE", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: ");
	T_EQ_STR(r->out, "");
	r = t_gavel(env(), "report", "SMCWG", "--year", "20x", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "--year takes a year from 1970 to 9999");
	r = t_gavel(env(), "report", "SMCWG", "--format", "pdf", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "use text, md, html or json");
}

const struct t_case report_tests[] = {
        {"figures_are_the_cli_s", figures_are_the_cli_s},
        {"titles_are_escaped", titles_are_escaped},
        {"json_is_the_cli_s", json_is_the_cli_s},
        {"page_fits", page_fits},
        {"text_and_refusals", text_and_refusals},
        {NULL, NULL},
};
