/* SPDX-License-Identifier: MIT */
/*
 * This file tests the HTML pages people read in a browser or print (a
 * ballot's redline, minutes, the notices) in a real browser: headless
 * Chromium lays each out in a 1200 px window and on an A4 page, and no
 * element may run past the page or its own box. The pages carry what
 * breaks layouts: compare links hundreds of characters long, a word (a
 * hash) longer than a line, a wide table and a long line of code. Skipped
 * by name where chromium is not installed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser_fixture.h"
#include "harness.h"

static const char *const *
env(void)
{
	return t_env("2024-12-18 17:00", "chair");
}

/* Runs a shell command in the test's folder; its exit status. */
static int
sh(const char *cmd)
{
	char line[8400];

	snprintf(line, sizeof(line), "cd '%s' && { %s; } >/dev/null 2>&1",
	         t_tmpdir(), cmd);
	return system(line);
}

/* unit n times (kept until the test ends). */
static const char *
repeat(const char *unit, int n)
{
	size_t len = strlen(unit);
	char *s = t_keep(malloc(len * (size_t)n + 1));
	int i;

	for (i = 0; i < n; i++)
		memcpy(s + len * (size_t)i, unit, len);
	s[len * (size_t)n] = '\0';
	return s;
}

/* Markdown with what breaks a page's width, as minutes notes, a ballot's
 * purpose or a guideline's text carry it (kept until the test ends). */
static const char *
wide_markdown(void)
{
	char *md = t_keep(malloc(8192));

	snprintf(md, 8192,
	         "The draft is at https://github.com/cabforum/smime/compare/"
	         "%s...%s?diff=split&w=1#diff-%s and was discussed.\n\n"
	         "The list's hash is %s, as published.\n\n"
	         "|%s\n|%s\n|%s\n\n"
	         "```\n%s\n```\n",
	         repeat("cd7c998", 6), repeat("8150e7a", 6),
	         repeat("0123456789abcdef", 4), repeat("e3b0c442", 16),
	         repeat(" Column heading |", 12), repeat("---|", 12),
	         repeat(" a cell of text |", 12),
	         repeat("openssl_x509_verify_flags_", 12));
	return md;
}

/* The demo, and SMC011 pinned to a branch of the demo's guideline whose
 * new text holds wide_markdown(), with a purpose that does too. */
static int
ballot_with_wide_text(const char *const *e)
{
	char cmd[8192];

	if (t_gavel(e, "init", "--demo", NULL)->status != 0 ||
	    !t_write_file("wide.md", wide_markdown()))
		return -1;
	snprintf(cmd, sizeof(cmd),
	         "cd g-guideline && git checkout -q -b wide Ballot_SMC010 && "
	         "cat ../wide.md >> guideline.md && "
	         "git -c user.name=t -c user.email=t@t commit -qam wide");
	if (sh(cmd) != 0)
		return -1;
	if (t_gavel(e, "ballot", "new", "SMCWG", "--title",
	            "EUID in OrganizationIdentifier", "--kind", "fmg",
	            "--proposer", "DigiCert", "--purpose", wide_markdown(),
	            "--at", "2024-12-18 10:00", NULL)
	            ->status != 0)
		return -1;
	return t_gavel(e, "ballot", "version", "SMC011", "--repo",
	               t_path("g-guideline"), "--base", "Ballot_SMC010",
	               "--head", "wide", "--at", "2024-12-18 11:00", NULL)
	                               ->status == 0
	               ? 0
	               : -1;
}

/* The text of the first <tag>...</tag> of html (kept). */
static const char *
element(const char *html, const char *tag)
{
	char open[32], close[32];
	const char *start, *end;

	snprintf(open, sizeof(open), "<%s>", tag);
	snprintf(close, sizeof(close), "</%s>", tag);
	if (!(start = strstr(html, open)) ||
	    !(end = strstr(start += strlen(open), close)))
		return "";
	return t_keep(strndup(start, (size_t)(end - start)));
}

/*
 * A ballot's redline page is titled by the ballot and version, not by
 * two commit ids and the folder of the reviewer's clone (which a page
 * posted to a list should not carry), and fits the window and the paper.
 */
static void
redline_page(void)
{
	const char *const *e = env();
	struct t_run *r;
	const char *title, *h1;

	T_EQ_INT(ballot_with_wide_text(e), 0);
	r = t_gavel(e, "redline", "--ballot", "SMC011", "--format", "html",
	            NULL);
	T_EQ_INT(r->status, 0);
	title = element(r->out, "title");
	T_EQ_STR(title, "Ballot SMC011 version 1 \xE2\x80\x94 redline");
	h1 = element(r->out, "h1");
	T_EQ_STR(h1, "Ballot SMC011 version 1: EUID in OrganizationIdentifier");
	T_ASSERT(!strstr(r->out, t_tmpdir()));
	T_CONTAINS(r->out, "Repository <code>g-guideline</code>");
	T_CONTAINS(r->out, "head <code>");
	BROWSER_FITS("the redline of SMC011", r->out);
	/* A range given by hand is titled by the range, and its
	 * repository's name. */
	r = t_gavel(e, "redline", "--repo", t_path("g-guideline"), "--format",
	            "html", "Ballot_SMC010..wide", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(element(r->out, "title"),
	         "Redline Ballot_SMC010..wide \xE2\x80\x94 g-guideline");
	T_ASSERT(!strstr(r->out, t_tmpdir()));
	BROWSER_FITS("the redline of a range", r->out);
}

static void
minutes_page(void)
{
	const char *const *e = env();
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	r = t_gavel(e, "meeting", "note", "2", "discussion", wide_markdown(),
	            NULL);
	T_EQ_INT(r->status, 0);
	r = t_gavel(e, "minutes", "2", "--format", "html", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "<table>");
	T_CONTAINS(r->out, "<pre>");
	BROWSER_FITS("the minutes of 2024-12-18", r->out);
}

/* The roster a chair prints (render roster --format html). */
static void
roster_page(void)
{
	const char *const *e = env();
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	r = t_gavel(e, "render", "roster", "--body", "SMCWG", "--format",
	            "html", NULL);
	T_EQ_INT(r->status, 0);
	BROWSER_FITS("the roster of SMCWG", r->out);
}

/* Every notice a ballot goes out with, as HTML (the message's HTML part
 * too). SMC011 is in draft, with its wide purpose and redline; SMC010
 * has run its whole course. */
static void
notice_pages(void)
{
	static const char *const kinds[] = {"proposal", "voting", "results",
	                                    "review", "adopted"};
	const char *const *e = env();
	struct t_run *r;
	char what[64];
	size_t i;

	T_EQ_INT(ballot_with_wide_text(e), 0);
	r = t_gavel(e, "ballot", "notice", "SMC011", "proposal", "--format",
	            "html", NULL);
	T_EQ_INT(r->status, 0);
	BROWSER_FITS("SMC011's proposal notice", r->out);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		r = t_gavel(e, "ballot", "notice", "SMC010", kinds[i],
		            "--format", "html", NULL);
		T_EQ_INT(r->status, 0);
		snprintf(what, sizeof(what), "SMC010's %s notice", kinds[i]);
		BROWSER_FITS(what, r->out);
	}
}

/* The check itself finds what overflows, on screen and only on paper
 * (a page that fits a window but not A4 is the print check's to find). */
static void
check_finds_overflow(void)
{
	const char *found;

	found = browser_overflow("<!DOCTYPE html><html><body><p>"
	                         "<code style=\"white-space: nowrap\">"
	                         "0123456789abcdef0123456789abcdef0123456789"
	                         "abcdef0123456789abcdef0123456789abcdef"
	                         "0123456789abcdef0123456789abcdef"
	                         "</code></p></body></html>",
	                         BROWSER_PRINT, 0);
	if (!found)
		return;
	T_CONTAINS(found, "code \"0123456789abcdef");
	T_CONTAINS(found, "outside the page");
	found = browser_overflow("<!DOCTYPE html><html><head><style>"
	                         "@media print { p { width: 900px; } }"
	                         "</style></head><body><p>x</p></body></html>",
	                         BROWSER_PRINT, 1);
	T_ASSERT(found);
	T_CONTAINS(found, "p \"x\" outside the page (8..908 of 0..718)");
	T_EQ_STR(browser_overflow("<!DOCTYPE html><html><head><style>"
	                          "@media print { p { width: 900px; } }"
	                          "</style></head><body><p>x</p></body>"
	                          "</html>",
	                          BROWSER_SCREEN, 0),
	         "");
}

const struct t_case pages_tests[] = {
        {"check_finds_overflow", check_finds_overflow},
        {"redline_page", redline_page},
        {"minutes_page", minutes_page},
        {"notice_pages", notice_pages},
        {"roster_page", roster_page},
        {NULL, NULL},
};
