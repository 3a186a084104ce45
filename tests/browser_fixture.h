/* SPDX-License-Identifier: MIT */
/*
 * This file declares the browser check of the pages people read: a page
 * laid out by headless Chromium (Debian's chromium) on a wide screen and
 * at the width of a printed page, and every element that does not fit.
 */
#ifndef GV_TEST_BROWSER_FIXTURE_H
#define GV_TEST_BROWSER_FIXTURE_H

/* A desktop browser window, and an A4 page as Chromium prints it: 210 mm
 * less its default margins of 1 cm each side, at 96 px to the inch. */
#define BROWSER_SCREEN 1200
#define BROWSER_PRINT  718

/*
 * What Chromium found laying out html at width CSS pixels, with the
 * page's @media print rules in force when print is set
 * (tests/data/overflow-check.js): "" when everything fits, else one line
 * per element that does not. NULL when chromium is not installed (the
 * running test is then marked skipped, naming the package) or when it
 * gave no answer in time, twice (the test is then failed with its error
 * output). Kept until the test ends.
 */
const char *browser_overflow(const char *html, int width, int print);

/*
 * Checks html (what names it in messages) at BROWSER_SCREEN and, as
 * printed, at BROWSER_PRINT: 0 when it fits both, 1 when skipped, -1
 * after failing the running test with what overflows.
 */
int browser_check(const char *what, const char *html);

/* Ends the running test unless html fits (skipped or failed as above). */
#define BROWSER_FITS(what, html)                                               \
	do {                                                                   \
		if (browser_check((what), (html)) != 0)                        \
			return;                                                \
	} while (0)

#endif
