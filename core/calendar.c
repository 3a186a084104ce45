/* SPDX-License-Identifier: MIT */
/*
 * This file implements the calendar's entry points: it gathers the events
 * of the ballots and the meetings, keeps those in the window asked for,
 * and has them written as iCalendar, to a string or whole into a file.
 * It also reads the reminders (--alarm).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "calendar_events.h"
#include "db.h"
#include "gavel/calendar.h"
#include "gavel/roster.h"
#include "internal.h"
#include "module.h"

#define DAY INT64_C(86400)

/* The longest reminder: a year before the event. */
#define ALARM_MAX (366 * DAY)

/* ---- Reminders ---- */

static int
alarm_bad(const char *text)
{
	return gv__error_set(GV_ERRCLASS_CALENDAR, GV_EINVALID,
	                     "cannot read the reminder \"%s\": write how long "
	                     "before the event, such as 1d, 2h, 30m or "
	                     "1d12h (at most 366 days; 0 at the start), "
	                     "comma-separated, or none",
	                     text);
}

/* The seconds of a unit: in RFC 5545's form (iso) weeks and days come
 * before its T, hours, minutes and seconds after it; -1 if not a unit. */
static int64_t
alarm_unit(int c, int iso, int after_t)
{
	switch (tolower(c)) {
	case 'w':
		return iso && after_t ? -1 : 7 * DAY;
	case 'd':
		return iso && after_t ? -1 : DAY;
	case 'h':
		return iso && !after_t ? -1 : 3600;
	case 'm':
		return iso && !after_t ? -1 : 60;
	case 's':
		return iso && after_t ? 1 : -1;
	default:
		return -1;
	}
}

/* One duration, s[0..n): "1d12h", "30m", "P1DT12H" or "0"; -1 if not
 * one. */
static int64_t
alarm_one(const char *s, size_t n)
{
	int64_t total = 0, v, unit;
	size_t i = 0;
	int iso = n > 0 && toupper((unsigned char)s[0]) == 'P', after_t = 0;
	int terms = 0;

	/* Nothing before needs no unit: at the event's start. */
	if (n == 1 && s[0] == '0')
		return 0;
	for (i = (size_t)iso; i < n;) {
		if (iso && !after_t && toupper((unsigned char)s[i]) == 'T') {
			after_t = 1, i++;
			continue;
		}
		if (!isdigit((unsigned char)s[i]))
			return -1;
		for (v = 0; i < n && isdigit((unsigned char)s[i]); i++)
			if ((v = v * 10 + (s[i] - '0')) > ALARM_MAX)
				return -1;
		if (i == n || (unit = alarm_unit(s[i++], iso, after_t)) < 0)
			return -1;
		if ((total += v * unit) > ALARM_MAX)
			return -1;
		terms++;
	}
	return terms ? total : -1;
}

int
gv_alarms_parse(struct gv_alarms *out, const char *text)
{
	const char *p = text, *end;
	size_t len;
	int64_t v;

	memset(out, 0, sizeof(*out));
	if (!strcmp(text, "none"))
		return 0;
	for (;;) {
		end = p + strcspn(p, ",");
		while (p < end && *p == ' ')
			p++;
		for (len = (size_t)(end - p); len && p[len - 1] == ' '; len--)
			;
		if ((v = alarm_one(p, len)) < 0)
			return alarm_bad(text);
		if (out->n == GV_ALARMS_MAX)
			return gv__error_set(GV_ERRCLASS_CALENDAR, GV_EINVALID,
			                     "more than %d reminders in \"%s\"",
			                     GV_ALARMS_MAX, text);
		out->before[out->n++] = v;
		if (!*end)
			return 0;
		p = end + 1;
	}
}

/* ---- The calendar ---- */

/* Whether an event belongs in [from, to): by its start; a series when it
 * has begun by then and not ended before (its later calls are its own);
 * with --within, the
 * open clocks already overdue too, as gv_deadlines keeps them. */
static int
cal_keep(const struct gv__cal_event *e, int64_t from, int64_t to, int overdue)
{
	if (e->weeks > 0)
		return e->start < to && (!e->until || e->until >= from);
	if (overdue && e->open && e->start < from)
		return 1;
	return e->start >= from && e->start < to;
}

static void
cal_window(struct gv__cal *cal, const struct gv_calendar_spec *spec)
{
	int64_t from, to;
	size_t i, kept = 0;
	int overdue = 0;

	if (spec->to > spec->from) {
		from = spec->from, to = spec->to;
	} else if (spec->within_days > 0) {
		from = cal->now;
		/* As gv_deadlines: due at most so many days on. */
		to = cal->now + (int64_t)spec->within_days * DAY + 1;
		overdue = 1;
	} else {
		return;
	}
	for (i = 0; i < cal->n; i++) {
		if (cal_keep(&cal->v[i], from, to, overdue))
			cal->v[kept++] = cal->v[i];
		else
			gv__cal_event_dispose(&cal->v[i]);
	}
	cal->n = kept;
}

/* By time, then UID, a series before its instances: the same database
 * gives the same file. */
static int
cal_order(const void *a, const void *b)
{
	const struct gv__cal_event *x = a, *y = b;
	int c;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if ((c = strcmp(x->uid, y->uid)) != 0)
		return c;
	return x->instance - y->instance;
}

int
gv_calendar(char **out, size_t *nevents, struct gv_db *db,
            const struct gv_calendar_spec *spec)
{
	static const struct gv_alarms day_before = {{DAY}, 1};
	const struct gv__ical_ops *ical;
	struct gv__cal cal = {0};
	struct gv_body body = {0};
	int error;

	*out = NULL;
	cal.now = gv_db_now(db);
	cal.name = "gavel";
	if (spec->body) {
		if ((error = gv_body_get(&body, db, spec->body)) < 0)
			return error;
		cal.name = body.name;
	}
	if ((error = gv__cal_meetings(&cal, db, body.code)) < 0 ||
	    (error = gv__cal_ballots(&cal, db, body.code)) < 0)
		goto out;
	cal_window(&cal, spec);
	if (cal.n > 1)
		qsort(cal.v, cal.n, sizeof(*cal.v), cal_order);
	if (!(ical = gv__ical())) {
		error = GV_ERROR;
		goto out;
	}
	if ((error = ical->cal_write(
	             out, &cal, spec->alarms ? spec->alarms : &day_before)) < 0)
		goto out;
	if (nevents)
		*nevents = cal.n;
out:
	gv__cal_dispose(&cal);
	gv_body_dispose(&body);
	return error;
}

static int
save_error(const char *path)
{
	return gv__error_set(GV_ERRCLASS_CALENDAR, GV_ERROR,
	                     "cannot write %s: %s", path, strerror(errno));
}

/* Writes text into a new file beside path, then renames it over path:
 * a reader (a calendar program polling the file) sees the old calendar
 * or the new one, never half of one. */
static int
save_whole(const char *path, const char *text)
{
	char *tmp = gv__xsprintf("%s.XXXXXX", path);
	size_t len = strlen(text);
	mode_t mask = umask(0);
	int fd, error = 0;

	umask(mask);
	if ((fd = mkstemp(tmp)) < 0) {
		error = save_error(path);
		goto out;
	}
	/* mkstemp makes it private; a calendar is for others to read. */
	if (fchmod(fd, 0666 & ~mask) != 0 || gv__write_all(fd, text, len) < 0 ||
	    fsync(fd) != 0) {
		error = save_error(path);
		close(fd);
	} else if (close(fd) != 0 || rename(tmp, path) != 0) {
		error = save_error(path);
	}
	if (error < 0)
		unlink(tmp);
out:
	free(tmp);
	return error;
}

int
gv_calendar_save(size_t *nevents, struct gv_db *db,
                 const struct gv_calendar_spec *spec, const char *path)
{
	char *text = NULL;
	int error;

	if ((error = gv_calendar(&text, nevents, db, spec)) < 0)
		return error;
	error = save_whole(path, text);
	free(text);
	return error;
}
