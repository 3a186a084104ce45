/* SPDX-License-Identifier: MIT */
/*
 * This file implements the parsing and formatting of UTC instants, with
 * the civil-date arithmetic of H. Hinnant's "chrono-compatible low-level
 * date algorithms" (public domain), so no libc time zone state is touched.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "gavel/time.h"
#include "internal.h"

int64_t
gv_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
gv_civil_from_days(int64_t *y, unsigned *m, unsigned *d, int64_t z)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static unsigned
days_in_month(int64_t y, unsigned m)
{
	static const unsigned days[] = {31, 28, 31, 30, 31, 30,
	                                31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/* Reads exactly n digits at *p into *out and advances. */
static int
read_digits(const char **p, int n, int *out)
{
	int v = 0;

	while (n--) {
		if (!isdigit((unsigned char)**p))
			return -1;
		v = v * 10 + (*(*p)++ - '0');
	}
	*out = v;
	return 0;
}

/* The zone suffix: none (*zoned 0), Z, UTC, or an offset. */
static int
parse_offset(const char *p, int *seconds, int *zoned)
{
	int sign, hh, mm = 0;

	while (*p == ' ')
		p++;
	*zoned = *p != '\0';
	if (!*p || !strcmp(p, "Z") || !strcmp(p, "UTC")) {
		*seconds = 0;
		return 0;
	}
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p++ == '-' ? -1 : 1;
	if (read_digits(&p, 2, &hh) < 0)
		return -1;
	if (*p == ':')
		p++;
	if (*p && read_digits(&p, 2, &mm) < 0)
		return -1;
	if (*p || hh > 23 || mm > 59)
		return -1;
	*seconds = sign * (hh * 3600 + mm * 60);
	return 0;
}

int
gv_time_parse_zoned(int64_t *out, int *zoned, const char *text)
{
	const char *p = text;
	int y, mo, d, h = 0, mi = 0, s = 0, offset;

	if (read_digits(&p, 4, &y) < 0 || *p++ != '-' ||
	    read_digits(&p, 2, &mo) < 0 || *p++ != '-' ||
	    read_digits(&p, 2, &d) < 0)
		goto bad;
	if ((*p == ' ' || *p == 'T') && isdigit((unsigned char)p[1])) {
		p++;
		if (read_digits(&p, 2, &h) < 0 || *p++ != ':' ||
		    read_digits(&p, 2, &mi) < 0)
			goto bad;
		if (*p == ':' && (p++, read_digits(&p, 2, &s) < 0))
			goto bad;
	}
	if (parse_offset(p, &offset, zoned) < 0)
		goto bad;
	if (mo < 1 || mo > 12 || d < 1 || (unsigned)d > days_in_month(y, mo))
		return gv__error_set(GV_ERRCLASS_TIME, GV_EINVALID,
		                     "no such date in \"%s\"", text);
	if (h > 23 || mi > 59 || s > 59)
		return gv__error_set(GV_ERRCLASS_TIME, GV_EINVALID,
		                     "no such time of day in \"%s\"", text);
	*out = gv_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 +
	       h * 3600 + mi * 60 + s - offset;
	return 0;
bad:
	return gv__error_set(
	        GV_ERRCLASS_TIME, GV_EINVALID,
	        "malformed time \"%s\": write YYYY-MM-DD HH:MM[:SS]"
	        ", in UTC unless it ends in Z or an offset "
	        "such as -05:00",
	        text);
}

int
gv_time_parse(int64_t *out, const char *text)
{
	int zoned;

	return gv_time_parse_zoned(out, &zoned, text);
}

char *
gv_time_format(char *buf, int64_t t, enum gv_time_style style)
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t secs = t - days * 86400, y;
	unsigned m, d, hh = (unsigned)(secs / 3600),
	               mm = (unsigned)(secs / 60 % 60),
	               ss = (unsigned)(secs % 60);

	gv_civil_from_days(&y, &m, &d, days);
	switch (style) {
	case GV_TIME_ISO:
		snprintf(buf, GV_TIME_BUFSZ, "%04lld-%02u-%02uT%02u:%02u:%02uZ",
		         (long long)y, m, d, hh, mm, ss);
		break;
	case GV_TIME_DATE:
		snprintf(buf, GV_TIME_BUFSZ, "%04lld-%02u-%02u", (long long)y,
		         m, d);
		break;
	case GV_TIME_HUMAN:
		if (ss)
			snprintf(buf, GV_TIME_BUFSZ,
			         "%04lld-%02u-%02u %02u:%02u:%02u UTC",
			         (long long)y, m, d, hh, mm, ss);
		else
			snprintf(buf, GV_TIME_BUFSZ,
			         "%04lld-%02u-%02u %02u:%02u UTC", (long long)y,
			         m, d, hh, mm);
		break;
	}
	return buf;
}

char *
gv_duration_format(char *buf, size_t n, int64_t now, int64_t t)
{
	int64_t d = t >= now ? t - now : now - t;
	const char *pre = t >= now ? "in " : "overdue by ";

	if (d >= 86400)
		snprintf(buf, n, "%s%lld d %lld h", pre, (long long)(d / 86400),
		         (long long)(d % 86400 / 3600));
	else if (d >= 3600)
		snprintf(buf, n, "%s%lld h %lld min", pre,
		         (long long)(d / 3600), (long long)(d % 3600 / 60));
	else
		snprintf(buf, n, "%s%lld min", pre, (long long)(d / 60));
	return buf;
}

int
gv_date_parse(int64_t *days_out, const char *text)
{
	const char *p = text;
	int y, m, d;

	if (read_digits(&p, 4, &y) < 0 || *p++ != '-' ||
	    read_digits(&p, 2, &m) < 0 || *p++ != '-' ||
	    read_digits(&p, 2, &d) < 0 || *p)
		return gv__error_set(GV_ERRCLASS_TIME, GV_EINVALID,
		                     "malformed date \"%s\": write YYYY-MM-DD",
		                     text);
	if (m < 1 || m > 12 || d < 1 || (unsigned)d > days_in_month(y, m))
		return gv__error_set(GV_ERRCLASS_TIME, GV_EINVALID,
		                     "no such date: %s", text);
	*days_out = gv_days_from_civil(y, (unsigned)m, (unsigned)d);
	return 0;
}

int
gv_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday. */
	return (int)(((days % 7) + 7 + 4) % 7);
}

const char *
gv_weekday_name(int weekday)
{
	static const char *const names[] = {"Sunday",    "Monday",   "Tuesday",
	                                    "Wednesday", "Thursday", "Friday",
	                                    "Saturday"};

	return names[((weekday % 7) + 7) % 7];
}

const char *
gv__month_name(unsigned month)
{
	static const char *const names[] = {"January", "February", "March",
	                                    "April",   "May",      "June",
	                                    "July",    "August",   "September",
	                                    "October", "November", "December"};

	return month >= 1 && month <= 12 ? names[month - 1] : "?";
}

void
gv__time_format_offset(char *buf, size_t n, int offset)
{
	unsigned a = (unsigned)(offset < 0 ? -offset : offset);

	snprintf(buf, n, "%c%02u:%02u", offset < 0 ? '-' : '+', a / 3600 % 100,
	         a / 60 % 60);
}
