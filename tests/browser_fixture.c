/* SPDX-License-Identifier: MIT */
/*
 * This file implements the browser check of the pages people read: a copy
 * of the page with tests/data/overflow-check.js at its end, opened by
 * headless Chromium at a fixed window width, and the report that script
 * leaves in the DOM Chromium dumps (--dump-dom).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser_fixture.h"
#include "harness.h"

/* The page with the check before its </body> (after it, the parser would
 * put it there anyway). */
static const char *
page_with_check(const char *html, int print)
{
	static int n;
	const char *js = t_fixture("overflow-check.js"), *end, *p;
	char *text, *page, name[64];
	size_t at, size;

	if (!js || !(text = t_read_file(js, NULL)))
		return NULL;
	for (end = NULL, p = html; (p = strstr(p, "</body>")); p++)
		end = p;
	at = end ? (size_t)(end - html) : strlen(html);
	size = strlen(html) + strlen(text) + 64;
	page = t_keep(malloc(size));
	snprintf(page, size, "%.*s<script>var GV_PRINT = %d;\n%s</script>%s",
	         (int)at, html, print, text, html + at);
	snprintf(name, sizeof(name), "browser-page-%d.html", ++n);
	return t_write_file(name, page);
}

/* The report the check left, its element's text unescaped. */
static char *
report_of(const char *dom)
{
	static const char open[] = "<pre id=\"gv-check\">";
	static const struct {
		const char *entity;
		char c;
	} entities[] = {{"&lt;", '<'},   {"&gt;", '>'},   {"&quot;", '"'},
	                {"&#39;", '\''}, {"&nbsp;", ' '}, {"&amp;", '&'}};
	const char *start = NULL, *p, *end;
	char *out, *w;
	size_t i;

	/* The last one: the page's own text may quote the marker. */
	for (p = dom; p && (p = strstr(p, open)); p++)
		start = p;
	if (!start || !(end = strstr(start += sizeof(open) - 1, "</pre>")))
		return NULL;
	out = w = t_keep(calloc(1, (size_t)(end - start) + 1));
	while (start < end) {
		for (i = 0; i < sizeof(entities) / sizeof(entities[0]); i++)
			if (!strncmp(start, entities[i].entity,
			             strlen(entities[i].entity)))
				break;
		if (i < sizeof(entities) / sizeof(entities[0])) {
			*w++ = entities[i].c;
			start += strlen(entities[i].entity);
		} else {
			*w++ = *start++;
		}
	}
	return out;
}

/*
 * One run of Chromium on the page: a profile of the test's own, no
 * sandbox (the tests may run as root, which the sandbox refuses), and a
 * timeout, so a browser that hangs fails the test instead of the run.
 */
static char *
chromium_dump(const char *page, int width, const char *err)
{
	char cmd[2048];

	snprintf(cmd, sizeof(cmd),
	         "timeout -k 5 90 chromium --headless --no-sandbox "
	         "--disable-gpu --hide-scrollbars --no-first-run "
	         "--no-default-browser-check --disable-extensions "
	         "--disable-background-networking --disable-sync "
	         "--mute-audio --user-data-dir='%s' --window-size=%d,900 "
	         "--dump-dom 'file://%s' 2>'%s'",
	         t_path("chromium-profile"), width, page, err);
	return t_shell_output(cmd);
}

static int
chromium_present(void)
{
	return t_shell_output("command -v chromium") != NULL;
}

const char *
browser_overflow(const char *html, int width, int print)
{
	const char *page, *err = t_path("chromium.err");
	char *report = NULL, *log, want[64], *rest;
	int attempt;

	if (!chromium_present()) {
		t_skip("chromium is not installed (Debian: chromium; "
		       "make deps installs it)");
		return NULL;
	}
	if (!(page = page_with_check(html, print))) {
		t_fail(__FILE__, __LINE__, "cannot write the page to check");
		return NULL;
	}
	/* A browser that could not start on a loaded machine gets a second
	 * chance; a page that fails to fit fails every time. */
	for (attempt = 0; attempt < 2 && !report; attempt++)
		report = report_of(chromium_dump(page, width, err));
	if (!report) {
		log = t_read_file(err, NULL);
		t_fail(__FILE__, __LINE__, "chromium gave no report: %s",
		       log ? log : "(no output)");
		return NULL;
	}
	/* The window had the width asked, and the print rules were there. */
	snprintf(want, sizeof(want), "width %d", width);
	if (strncmp(report, want, strlen(want)) ||
	    (print && !strstr(report, " print-rules ")) ||
	    (print && strstr(report, " print-rules 0"))) {
		t_fail(__FILE__, __LINE__,
		       "chromium laid the page out as \"%s\", want %s%s",
		       report, want, print ? " with print rules" : "");
		return NULL;
	}
	rest = strchr(report, '\n');
	return rest ? rest + 1 : "";
}

int
browser_check(const char *what, const char *html)
{
	const char *found;
	int print;

	for (print = 0; print <= 1; print++) {
		found = browser_overflow(
		        html, print ? BROWSER_PRINT : BROWSER_SCREEN, print);
		/* Skipped (no chromium: the first call says so) or failed. */
		if (!found)
			return print == 0 && !chromium_present() ? 1 : -1;
		if (*found) {
			t_fail(__FILE__, __LINE__, "%s does not fit %s:\n%s",
			       what,
			       print ? "a printed A4 page (718 px)"
			             : "a 1200 px window",
			       found);
			return -1;
		}
	}
	return 0;
}
