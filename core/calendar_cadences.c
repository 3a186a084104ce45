/* SPDX-License-Identifier: MIT */
/*
 * This file implements the series of a body's calls as the log has kept
 * them: one per cadence it has had (RULES §7), each holding the slots
 * from its first call until the next cadence's first call (or until the
 * body stopped having one).
 *
 * Why a series per cadence, with an UNTIL. A calendar that imported or
 * subscribed to the file knows every call by its UID and, within a
 * series, its RECURRENCE-ID (RFC 5545 3.8.4.7, 3.8.4.4). Rewriting one
 * series' RRULE to the new cadence (3.8.5.3) would move every past call
 * of it: its recorded meetings would point at slots the rule no longer
 * has, and programs show those twice or drop them. Giving every call a
 * UID of its own would need a last call (an RRULE has none) and would
 * change the UIDs of every call already published. Ending the old series
 * with an UNTIL and starting a new one under a UID of its own is what
 * Google, Apple and Outlook do themselves when a user changes "this and
 * following events", so it is what they read best: a past call keeps
 * the UID (and RECURRENCE-ID) it was first published with, whatever the
 * cadence becomes.
 *
 * The UIDs. The body's first cadence keeps the one gavel has always
 * written, CODE-calls@gavel; a later one is named by its first call (UTC)
 * and its interval, CODE-calls-20250306T150000Z-2w@gavel, which the log
 * gives every copy alike. A cadence replaced before its first call keeps
 * its series, cancelled, for calendars that took it meanwhile.
 */
#include <stdlib.h>
#include <string.h>

#include "calendar_events.h"
#include "db.h"
#include "gavel/roster.h"
#include "gavel/schedule.h"
#include "gavel/time.h"
#include "internal.h"

/* A body's cadence and zone at one operation of the log. */
struct setting {
	struct gv_cadence c;
	char *tz;
	int64_t at;
};

static int
setting_same(const struct setting *a, const struct gv_cadence *c,
             const char *tz)
{
	if (a->c.weeks <= 0 && c->weeks <= 0)
		return 1;
	return a->c.weeks == c->weeks && a->c.weekday == c->weekday &&
	       a->c.minute == c->minute && a->c.anchor == c->anchor &&
	       !strcmp(a->tz, tz);
}

/* The setting one row of OP_BODY_CADENCES leaves, from last's. */
static void
setting_read(struct gv_cadence *c, const char **tz, sqlite3_stmt *st)
{
	const char *text = (const char *)sqlite3_column_text(st, 2);
	const char *zone = (const char *)sqlite3_column_text(st, 7);
	struct gv_cadence parsed;

	if (!strcmp((const char *)sqlite3_column_text(st, 0), "body.add")) {
		memset(c, 0, sizeof(*c));
		c->weeks = sqlite3_column_int(st, 3);
		c->weekday = sqlite3_column_int(st, 4);
		c->minute = sqlite3_column_int(st, 5);
		c->anchor = sqlite3_column_int64(st, 6);
		*tz = zone ? zone : "UTC"; /* body.add's default */
		return;
	}
	/* The log holds only what body.set applied: it parses. */
	if (text && gv_cadence_parse(&parsed, text) == 0)
		*c = parsed;
	if (zone)
		*tz = zone;
}

/* Every change of the body's cadence or zone (while it has calls). */
static int
settings_load(struct setting **out, size_t *n, struct gv_db *db,
              const char *body)
{
	struct gv_cadence c = {0};
	size_t alloc = 0;
	sqlite3_stmt *st;
	char *tz = gv__xstrdup("UTC");
	int error;

	*out = NULL, *n = 0;
	if ((error = gv__db_stmt(&st, db, GV__STMT_OP_BODY_CADENCES)) < 0)
		goto out;
	gv__bind_text(st, 1, body);
	gv__bind_text(st, 2, "body.add");
	gv__bind_text(st, 3, "body.set");
	while ((error = gv__db_step(db, st)) > 0) {
		const char *zone = tz;

		setting_read(&c, &zone, st);
		if (zone != tz) { /* the row's: copied before the next */
			char *copy = gv__xstrdup(zone);

			free(tz);
			tz = copy;
		}
		if (*n && setting_same(&(*out)[*n - 1], &c, tz))
			continue;
		if (!*n && c.weeks <= 0)
			continue;
		*out = gv__grow(*out, &alloc, *n, sizeof(**out));
		(*out)[*n] = (struct setting){c, gv__xstrdup(tz),
		                              sqlite3_column_int64(st, 1)};
		(*n)++;
	}
	gv__db_reset(st);
out:
	free(tz);
	return error < 0 ? error : 0;
}

static void
series_push(struct gv__cal_series **v, size_t *n, size_t *alloc,
            const struct gv_body *body, const struct setting *s, int64_t start)
{
	struct gv__cal_series *p;
	char when[GV_TIME_BUFSZ];

	*v = gv__grow(*v, alloc, *n, sizeof(**v));
	p = &(*v)[(*n)++];
	memset(p, 0, sizeof(*p));
	p->cadence = s->c;
	p->tz = gv__xstrdup(s->tz);
	p->start = start;
	p->end = INT64_MAX;
	if (*n == 1) {
		p->uid = gv__xsprintf("%s-calls@gavel", body->code);
		return;
	}
	gv__cal_uid_time(when, start);
	p->uid = gv__xsprintf("%s-calls-%s-%dw@gavel", body->code, when,
	                      s->c.weeks);
}

int
gv__cal_series_load(struct gv__cal_series **out, size_t *n, struct gv_db *db,
                    const struct gv_body *body)
{
	struct setting *s = NULL;
	size_t ns = 0, alloc = 0, i;
	int64_t start;
	int error;

	*out = NULL, *n = 0;
	if ((error = settings_load(&s, &ns, db, body->code)) < 0)
		goto out;
	if (ns == 0) { /* a log without the body's settings: as it is */
		s = gv__xcalloc(1, sizeof(*s));
		gv_body_cadence(&s->c, body);
		s->tz = gv__xstrdup(body->tz);
		ns = 1;
	}
	for (i = 0; i < ns && error == 0; i++) {
		const struct setting *x = &s[i];

		/* No cadence from now on: the calls until now stand. */
		if (x->c.weeks <= 0) {
			if (*n && (*out)[*n - 1].end == INT64_MAX)
				(*out)[*n - 1].end = x->at;
			continue;
		}
		/* A later cadence claims no slot before it was set. */
		if ((error = gv_cadence_next(&start, &x->c, x->tz,
		                             *n ? x->at : INT64_MIN)) < 0)
			break;
		/* The earlier ones end where it begins, even one that
		 * was to begin later still (replaced before its first). */
		for (size_t k = 0; k < *n; k++)
			if ((*out)[k].end > start)
				(*out)[k].end = start;
		series_push(out, n, &alloc, body, x, start);
	}
out:
	for (i = 0; i < ns; i++)
		free(s[i].tz);
	free(s);
	return error;
}

void
gv__cal_series_free(struct gv__cal_series *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].uid);
		free(v[i].tz);
	}
	free(v);
}
