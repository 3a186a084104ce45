/* SPDX-License-Identifier: MIT */
/*
 * This file implements finding the day a post's meeting was held. In
 * order: a dateline at the top of the text ("January 14, 2026" alone on
 * its line: the minutes' own word, which front matter copied from an older
 * post can contradict), the title ("2024-12-18 Minutes ...", or a date in
 * words: "..., March 26, 27, 2025" gives the first day, "6-8 June 2023 -
 * CSCWG (6 June)" the session's day in parentheses), the front matter's
 * date, and last the file name.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gavel/time.h"
#include "minutes_scan.h"

/* How far into the text a dateline may stand (non-blank lines). */
#define DATELINE_MAX_LINES 6
#define DATE_MAX_TOKENS    64

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* The day of y-m-d when that day exists; returns 1. */
static int
day_of(int64_t *day, unsigned y, unsigned m, unsigned d)
{
	static const unsigned char mdays[] = {31, 29, 31, 30, 31, 30,
	                                      31, 31, 30, 31, 30, 31};

	if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400)))
		return 0;
	*day = gv_days_from_civil(y, m, d);
	return 1;
}

/* The day of the "YYYY-MM-DD" at s when that day exists; returns 1. */
static int
ymd_at(int64_t *day, const char *s)
{
	for (int k = 0; k < 10; k++)
		if (k == 4 || k == 7 ? s[k] != '-' : !is_digit(s[k]))
			return 0;
	if (is_digit(s[10]))
		return 0;
	return day_of(day, (unsigned)atoi(s), (unsigned)atoi(s + 5),
	              (unsigned)atoi(s + 8));
}

/* A date in words, token by token. */
enum tok_kind {
	TOK_NUM,   /* digits */
	TOK_MONTH, /* "March", "Mar", "Sept" */
	TOK_WORD,  /* anything else but a weekday */
};

struct tok {
	enum tok_kind kind;
	unsigned val; /* the number, or the month 1-12 */
	size_t digits;
	int paren; /* inside parentheses */
};

/* The month a capitalised word names (in full, or its first three
 * letters or more): "March", "Mar", "SEPT"; not the verb "march". */
static unsigned
month_word(const char *s, size_t n)
{
	static const char *const months[] = {
	        "january",   "february", "march",    "april",
	        "may",       "june",     "july",     "august",
	        "september", "october",  "november", "december",
	};

	if (*s < 'A' || *s > 'Z')
		return 0;
	for (unsigned m = 0; m < 12; m++)
		if (n >= 3 && n <= strlen(months[m]) &&
		    !strncasecmp(s, months[m], n))
			return m + 1;
	return 0;
}

static int
weekday_word(const char *s, size_t n)
{
	static const char *const days[] = {"monday",   "tuesday", "wednesday",
	                                   "thursday", "friday",  "saturday",
	                                   "sunday"};

	for (size_t i = 0; i < NARRAY(days); i++)
		if (n == strlen(days[i]) && !strncasecmp(s, days[i], n))
			return 1;
	return 0;
}

/* Bytes of the letter or digit at s (UTF-8 letters too, not the
 * punctuation of U+2000-U+2BFF such as dashes), or 0. */
static size_t
letter_len(const char *s)
{
	unsigned char c = (unsigned char)*s;

	if (is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	if (c >= 0xC3 && c <= 0xDF)
		return 2;
	return c >= 0xE3 && c <= 0xEF ? 3 : 0;
}

/* The tokens of s: numbers, months and other words; punctuation and
 * dashes between them are skipped. Returns how many. */
static size_t
tokens(struct tok *v, const char *s)
{
	size_t n = 0, len, k;
	int depth = 0;

	while (*s && n < DATE_MAX_TOKENS) {
		if (!letter_len(s)) {
			depth += *s == '(' ? 1 : *s == ')' && depth ? -1 : 0;
			s++;
			continue;
		}
		for (len = 0; (k = letter_len(s + len)); len += k)
			;
		for (k = 0; k < len && is_digit(s[k]); k++)
			;
		v[n].paren = depth > 0;
		v[n].digits = k;
		v[n].val = 0;
		if (k == len && k <= 4) {
			v[n].kind = TOK_NUM;
			v[n].val = (unsigned)atoi(s);
		} else if ((v[n].val = month_word(s, len))) {
			v[n].kind = TOK_MONTH;
		} else if (weekday_word(s, len)) {
			s += len;
			continue;
		} else {
			v[n].kind = TOK_WORD;
		}
		n++;
		s += len;
	}
	return n;
}

static int
is_day(const struct tok *t)
{
	return t->kind == TOK_NUM && t->digits <= 2 && t->val >= 1 &&
	       t->val <= 31;
}

static int
is_year(const struct tok *t)
{
	return t->kind == TOK_NUM && t->digits == 4;
}

/* A date in words around the month at v[i]: "6 June", "6-8 June" (the
 * first day), "March 26, 27, 2025" (the first). Its year, or 0. */
static int
date_at(const struct tok *v, size_t n, size_t i, unsigned *d, unsigned *y)
{
	size_t k = i;

	*y = 0;
	if (i && is_day(&v[i - 1])) {
		while (k && is_day(&v[k - 1]))
			k--;
		*d = v[k].val;
		if (i + 1 < n && is_year(&v[i + 1]))
			*y = v[i + 1].val;
		return 1;
	}
	if (i + 1 >= n || !is_day(&v[i + 1]))
		return 0;
	*d = v[i + 1].val;
	for (k = i + 1; k < n && is_day(&v[k]); k++)
		;
	if (k < n && is_year(&v[k]))
		*y = v[k].val;
	else if (i && is_year(&v[i - 1])) /* "2018-Nov-01" */
		*y = v[i - 1].val;
	return 1;
}

/*
 * The date s writes in words: the first in parentheses if any (the
 * session's day of a longer meeting), else the first. A date without a
 * year takes the year of another date of s, else year (0: none). whole:
 * s must hold nothing but the date (a dateline). Returns 1 with *day set.
 */
static int
words_date(int64_t *day, const char *s, unsigned year, int whole)
{
	struct tok v[DATE_MAX_TOKENS];
	size_t n = tokens(v, s), i, pick = n;
	unsigned d[DATE_MAX_TOKENS], y[DATE_MAX_TOKENS], any_year = 0;

	for (i = 0; i < n; i++) {
		if (whole && v[i].kind == TOK_WORD)
			return 0;
		if (v[i].kind != TOK_MONTH || !date_at(v, n, i, &d[i], &y[i]))
			continue;
		if (pick == n || (v[i].paren && !v[pick].paren))
			pick = i;
		if (!any_year)
			any_year = y[i];
	}
	if (pick == n)
		return 0;
	year = y[pick] ? y[pick] : any_year ? any_year : year;
	return year && day_of(day, year, v[pick].val, d[pick]);
}

/* A line near the top of the text that is only a date ("**30 JANUARY
 * 2014**", "## December 7, 2023", "January 14, 2026"). */
static int
dateline(int64_t *day, const struct minutes_scan *p)
{
	size_t i, seen = 0;
	const char *s;

	for (i = p->text_line; i < p->nlines && seen < DATELINE_MAX_LINES;
	     i++) {
		s = gv__ms_skip_space(p->line[i]);
		s += strspn(s, "#*_ ");
		if (!*s)
			continue;
		if (is_digit(*s) && strchr(".)", s[strspn(s, "0123456789")]))
			continue; /* a numbered item, "1. March 5, 2025: ..." */
		seen++;
		if (ymd_at(day, s) &&
		    !*gv__ms_skip_space(s + 10 + strspn(s + 10, "*_")))
			return 1;
		if (words_date(day, s, 0, 1))
			return 1;
	}
	return 0;
}

/* "2024-12-18", for messages; buf has GV_TIME_BUFSZ bytes. */
static const char *
day_text(char *buf, int64_t day)
{
	return gv_time_format(buf, day * 86400, GV_TIME_DATE);
}

static void
day_set(struct gv_minutes_doc *d, int64_t day, const char *from)
{
	d->day = day;
	d->day_from = from;
}

/* The day the front matter gives: the title's, else the post's. */
static int
front_matter_day(struct minutes_scan *p)
{
	struct gv_minutes_doc *d = p->doc;
	const char *title = d->title ? d->title : "";
	const char *date = d->date ? d->date : "";
	char buf[GV_TIME_BUFSZ];
	int64_t tday = 0, dday = 0;
	int has_title = ymd_at(&tday, title), has_date = ymd_at(&dday, date);

	if (*date && !has_date)
		gv__ms_warn(p, "post date \"%s\" is not YYYY-MM-DD (ignored)",
		            date);
	if (!has_title)
		has_title = words_date(&tday, title,
		                       has_date ? (unsigned)atoi(date) : 0, 0);
	if (has_title) {
		day_set(d, tday, "title");
		if (has_date && dday != tday)
			gv__ms_warn(p,
			            "title date %s differs from the post date "
			            "%.10s (the title's is used)",
			            day_text(buf, tday), date);
		return 1;
	}
	if (has_date)
		day_set(d, dday, "date");
	return has_date;
}

int
gv__ms_day_find(struct minutes_scan *p)
{
	struct gv_minutes_doc *d = p->doc;
	char a[GV_TIME_BUFSZ], b[GV_TIME_BUFSZ];
	int64_t text = 0, front;
	const char *s;

	if (front_matter_day(p)) {
		front = d->day;
		if (dateline(&text, p) && text != front) {
			gv__ms_warn(
			        p,
			        "the text is dated %s, the %s %s (the text's "
			        "date is used)",
			        day_text(a, text), d->day_from,
			        day_text(b, front));
			day_set(d, text, "text");
		}
		return 0;
	}
	if (dateline(&text, p)) {
		day_set(d, text, "text");
		return 0;
	}
	for (s = p->file; *s; s++) {
		if ((s == p->file || !is_digit(s[-1])) && ymd_at(&d->day, s)) {
			d->day_from = "file name";
			gv__ms_warn(p,
			            "neither the title nor the post has a date "
			            "(the file name's %.10s is used)",
			            s);
			return 0;
		}
	}
	return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
	                     "%s: no meeting date (start the title with "
	                     "YYYY-MM-DD or set \"date:\")",
	                     p->file);
}
