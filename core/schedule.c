/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading and writing a body's cadence of calls. The
 * Bylaws leave the cadence to each charter (BYL Exhibit C; RULES §7); in
 * practice SMCWG meets every other Wednesday at 11:00 Eastern.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/roster.h"
#include "gavel/schedule.h"
#include "gavel/text.h"
#include "gavel/time.h"
#include "gavel/zone.h"
#include "internal.h"

static const char *const weekdays[] = {"sunday",    "monday",   "tuesday",
                                       "wednesday", "thursday", "friday",
                                       "saturday"};

static int
cadence_bad(const char *text)
{
	return gv__error_set(GV_ERRCLASS_MEETING, GV_EINVALID,
	                     "cannot read the cadence \"%s\": write it like "
	                     "\"every 2 weeks on Wednesday at 11:00 from "
	                     "2024-12-04\", or \"none\"",
	                     text);
}

static int
weekday_of(const char *word)
{
	size_t n = strlen(word);
	int i;

	for (i = 0; i < 7 && n >= 3; i++)
		if (!strncmp(weekdays[i], word, n))
			return i;
	return -1;
}

/* A count of weeks: digits only, so "every 0 weeks" is not read as
 * "every week" followed by a time of 00:00. */
static int
cadence_number(const char *word)
{
	return strlen(word) <= 3 && strspn(word, "0123456789") == strlen(word);
}

/* "11:00", "11:00 am", "4 pm" into minutes of the day; -1 if not. */
static int
clock_of(const char *word, const char *next, int *used_next)
{
	int h = 0, m = 0, n = 0;

	*used_next = 0;
	if (sscanf(word, "%d:%d%n", &h, &m, &n) < 2 &&
	    sscanf(word, "%d%n", &h, &n) < 1)
		return -1;
	if (word[n] || h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	if (next && (!strcmp(next, "am") || !strcmp(next, "pm"))) {
		if (h < 1 || h > 12)
			return -1;
		h = h % 12 + (next[0] == 'p' ? 12 : 0);
		*used_next = 1;
	}
	return h * 60 + m;
}

int
gv_cadence_parse(struct gv_cadence *out, const char *text)
{
	char *fold = gv_text_fold(text ? text : ""), *words[16], *save = NULL;
	size_t n = 0, i;
	int64_t anchor_t;
	int used, error = 0;

	memset(out, 0, sizeof(*out));
	out->weekday = out->minute = -1;
	out->anchor = -1;
	for (char *w = strtok_r(fold, " ,", &save); w && n < 16;
	     w = strtok_r(NULL, " ,", &save))
		words[n++] = w;
	if (n == 1 && !strcmp(words[0], "none")) {
		free(fold);
		return 0;
	}
	for (i = 0; i < n && error == 0; i++) {
		const char *w = words[i],
		           *next = i + 1 < n ? words[i + 1] : NULL;

		if (!strcmp(w, "weekly"))
			out->weeks = 1;
		else if (!strcmp(w, "biweekly") || !strcmp(w, "fortnightly"))
			out->weeks = 2;
		else if (!strcmp(w, "every") && next && !strcmp(next, "other"))
			out->weeks = 2, i++;
		else if (!strcmp(w, "every") && next && cadence_number(next))
			out->weeks = atoi(next), i++; /* 0 is refused below */
		else if (!strcmp(w, "every") && next)
			out->weeks = 1;
		else if (!strcmp(w, "week") || !strcmp(w, "weeks") ||
		         !strcmp(w, "on") || !strcmp(w, "at"))
			continue;
		else if (weekday_of(w) >= 0)
			out->weekday = weekday_of(w);
		else if (!strcmp(w, "from") && next &&
		         gv_time_parse(&anchor_t, next) == 0)
			out->anchor = anchor_t / 86400, i++;
		else if ((out->minute = clock_of(w, next, &used)) >= 0)
			i += (size_t)used;
		else
			error = cadence_bad(text);
	}
	free(fold);
	if (error == 0 &&
	    (out->weeks <= 0 || out->weeks > 52 || out->weekday < 0 ||
	     out->minute < 0 || out->anchor < 0))
		error = cadence_bad(text);
	if (error == 0 && out->weekday >= 0 && out->weekday < 7 &&
	    ((out->anchor % 7) + 7 + 4) % 7 != out->weekday) {
		char day[GV_TIME_BUFSZ];

		gv_time_format(day, out->anchor * 86400, GV_TIME_DATE);
		error = gv__error_set(
		        GV_ERRCLASS_MEETING, GV_EINVALID,
		        "the first call, %s, is not on a %c%s", day,
		        toupper((unsigned char)weekdays[out->weekday][0]),
		        weekdays[out->weekday] + 1);
	}
	return error;
}

void
gv_cadence_format(char *buf, size_t n, const struct gv_cadence *c)
{
	char from[GV_TIME_BUFSZ];

	if (c->weeks <= 0) {
		snprintf(buf, n, "none");
		return;
	}
	gv_time_format(from, c->anchor * 86400, GV_TIME_DATE);
	snprintf(buf, n, "every %d week%s on %c%s at %02d:%02d from %s",
	         c->weeks, c->weeks > 1 ? "s" : "",
	         toupper((unsigned char)weekdays[c->weekday][0]),
	         weekdays[c->weekday] + 1, c->minute / 60, c->minute % 60,
	         from);
}

void
gv_body_cadence(struct gv_cadence *out, const struct gv_body *body)
{
	memset(out, 0, sizeof(*out));
	if (body->cadence_weeks <= 0)
		return;
	out->weeks = body->cadence_weeks;
	out->weekday = body->cadence_weekday;
	out->minute = body->cadence_minute;
	out->anchor = body->cadence_anchor;
}

int
gv_cadence_next(int64_t *out, const struct gv_cadence *c, const char *tz,
                int64_t t)
{
	int64_t day = c->anchor, step = 7 * (int64_t)c->weeks;
	struct gv_local l;
	int error;

	if (t != INT64_MIN) {
		if ((error = gv_zone_from_utc(&l, tz, t)) < 0)
			return error;
		if (l.days > day)
			day += (l.days - day + step - 1) / step * step;
	}
	if ((error = gv_zone_to_utc(out, tz, day, c->minute)) < 0)
		return error;
	/* That day's call was earlier than t: the next one. */
	if (*out < t &&
	    (error = gv_zone_to_utc(out, tz, day + step, c->minute)) < 0)
		return error;
	return 0;
}
