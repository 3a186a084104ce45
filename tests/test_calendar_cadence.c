/* SPDX-License-Identifier: MIT */
/*
 * This file tests that a body's calls keep their UIDs when its cadence
 * changes (README, Calendars: "an event's UID never changes"): the calls
 * before the change stay in the series they were published in, which
 * ends (UNTIL) where the new cadence begins, and the new cadence is a
 * series of its own, as libical and Python's icalendar both read it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar_fixture.h"
#include "gavel/gavel.h"
#include "harness.h"

#define RUN(now, ...) t_gavel(t_env((now), "chair"), __VA_ARGS__, NULL)

#define FROM          t_at("2024-01-01 00:00")
#define TO            t_at("2026-01-01 00:00")

#define NOW           "2025-02-18 12:00"

#define OLD           "SMCWG-calls@gavel"
#define NEW           "SMCWG-calls-20250306T150000Z-2w@gavel"

/* Python's icalendar reads an event's start, occurrences and status as
 * libical does. */
static int
alike(const struct cal_event *a, const struct cal_event *b)
{
	return b->start == a->start && b->noccurrences == a->noccurrences &&
	       (!a->noccurrences ||
	        !memcmp(a->occurrences, b->occurrences,
	                a->noccurrences * sizeof(*a->occurrences))) &&
	       !strcmp(b->status, a->status);
}

static int
calendar_at(struct cal_read *r, const char *now, const char *name)
{
	return cal_written(r, now, name, FROM, TO, alike);
}

/* Every call of before that started before t is in after, with the same
 * UID, RECURRENCE-ID and start, and a SEQUENCE no lower. */
static void
past_calls_kept(const struct cal_read *before, const struct cal_read *after,
                int64_t t)
{
	size_t kept = 0;

	for (size_t i = 0; i < before->n; i++) {
		const struct cal_event *b = &before->v[i], *a;

		if (!strstr(b->uid, "-calls") || b->start >= t)
			continue;
		a = cal_find(after, b->uid, b->recurrence);
		T_ASSERT(a);
		if (!a)
			continue;
		T_EQ_INT(a->start, b->start);
		T_ASSERT(a->sequence >= b->sequence);
		/* The series' own past occurrences, not only its
		 * instances. */
		for (size_t k = 0; k < b->noccurrences; k++) {
			int found = 0;

			if (b->occurrences[k] >= t)
				continue;
			for (size_t j = 0; j < a->noccurrences; j++)
				found |= a->occurrences[j] == b->occurrences[k];
			T_ASSERT(found);
		}
		kept++;
	}
	T_ASSERT(kept >= 3);
}

static void
changed_cadence_keeps_past_uids(void)
{
	struct cal_read before, after;
	const struct cal_event *old, *new;

	T_EQ_INT(RUN(NOW, "init", "--demo")->status, 0);
	T_ASSERT(calendar_at(&before, NOW, "before.ics"));
	T_ASSERT(cal_find(&before, OLD, t_at("2024-12-18 16:00")));
	T_EQ_INT(RUN(NOW, "body", "set", "SMCWG", "--cadence",
	             "every 2 weeks on Thursday at 10:00 from 2025-03-06")
	                 ->status,
	         0);
	T_ASSERT(calendar_at(&after, NOW, "after.ics"));
	past_calls_kept(&before, &after, t_at(NOW));
	T_ASSERT(!cal_find(&after, "SMCWG-meeting-20241218T160000Z@gavel", -1));
	/* The old series ends before the new one's first call; its
	 * Wednesday after the change (02-26) stands. */
	T_ASSERT((old = cal_find(&after, OLD, -1)) && old->rrule);
	T_ASSERT((new = cal_find(&after, NEW, -1)) && new->rrule);
	if (!old || !new)
		return;
	T_ASSERT(old->sequence > cal_find(&before, OLD, -1)->sequence);
	T_EQ_INT(old->occurrences[old->noccurrences - 1],
	         t_at("2025-02-26 16:00"));
	T_EQ_INT(new->start, t_at("2025-03-06 15:00"));
	T_EQ_INT(new->occurrences[0], t_at("2025-03-06 15:00"));
	T_EQ_INT(new->occurrences[1], t_at("2025-03-20 14:00")); /* EDT */
	T_EQ_STR(new->status, "CONFIRMED");
	T_CONTAINS(old->description, "The cadence changed: these calls end "
	                             "before 2025-03-06 15:00 UTC");
}

/* A second change ends the second series and leaves the first alone; a
 * meeting at a slot of each is that series' call; "none" ends the last
 * one where it was set. */
static void
every_cadence_keeps_its_series(void)
{
	struct cal_read r, none;
	const struct cal_event *a, *b, *c;

	T_EQ_INT(RUN(NOW, "init", "--demo")->status, 0);
	T_EQ_INT(RUN(NOW, "body", "set", "SMCWG", "--cadence",
	             "every 2 weeks on Thursday at 10:00 from 2025-03-06")
	                 ->status,
	         0);
	T_EQ_INT(RUN("2025-03-10 12:00", "body", "set", "SMCWG", "--cadence",
	             "every week on Tuesday at 09:00 from 2025-04-01")
	                 ->status,
	         0);
	T_EQ_INT(
	        RUN(NOW, "meeting", "add", "SMCWG", "2025-03-20 10:00")->status,
	        0);
	T_EQ_INT(
	        RUN(NOW, "meeting", "add", "SMCWG", "2025-04-08 09:00")->status,
	        0);
	T_ASSERT(calendar_at(&r, "2025-03-10 12:00", "r.ics"));
	T_ASSERT((a = cal_find(&r, OLD, -1)));
	T_ASSERT((b = cal_find(&r, NEW, -1)));
	T_ASSERT((
	        c = cal_find(&r, "SMCWG-calls-20250401T130000Z-1w@gavel", -1)));
	if (!a || !b || !c)
		return;
	T_EQ_INT(a->occurrences[a->noccurrences - 1], t_at("2025-02-26 16:00"));
	/* 03-06 and 03-20: the Thursdays before 04-01. */
	T_EQ_INT(b->noccurrences, 2);
	T_EQ_INT(b->occurrences[1], t_at("2025-03-20 14:00"));
	T_EQ_INT(c->occurrences[0], t_at("2025-04-01 13:00"));
	T_ASSERT(cal_find(&r, NEW, t_at("2025-03-20 14:00")));
	T_ASSERT(cal_find(&r, "SMCWG-calls-20250401T130000Z-1w@gavel",
	                  t_at("2025-04-08 13:00")));
	T_EQ_INT(RUN("2025-04-10 12:00", "body", "set", "SMCWG", "--cadence",
	             "none")
	                 ->status,
	         0);
	T_ASSERT(calendar_at(&none, "2025-04-10 12:00", "none.ics"));
	T_ASSERT((c = cal_find(&none, "SMCWG-calls-20250401T130000Z-1w@gavel",
	                       -1)));
	if (c)
		T_EQ_INT(c->occurrences[c->noccurrences - 1],
		         t_at("2025-04-08 13:00"));
	T_ASSERT(cal_find(&none, OLD, t_at("2024-12-18 16:00")));
}

/* A cadence replaced before its first call: its series stays, cancelled,
 * for the calendars that took it meanwhile. */
static void
replaced_before_first_call_is_cancelled(void)
{
	struct cal_read r;
	const struct cal_event *e;

	T_EQ_INT(RUN(NOW, "init", "--demo")->status, 0);
	T_EQ_INT(RUN(NOW, "body", "set", "SMCWG", "--cadence",
	             "every 2 weeks on Thursday at 10:00 from 2025-03-06")
	                 ->status,
	         0);
	T_EQ_INT(RUN("2025-02-20 12:00", "body", "set", "SMCWG", "--cadence",
	             "every week on Thursday at 10:00 from 2025-02-20")
	                 ->status,
	         0);
	T_ASSERT(calendar_at(&r, "2025-02-20 12:00", "r.ics"));
	T_ASSERT((e = cal_find(&r, NEW, -1)));
	if (e)
		T_EQ_STR(e->status, "CANCELLED");
	T_ASSERT((
	        e = cal_find(&r, "SMCWG-calls-20250220T150000Z-1w@gavel", -1)));
	if (e)
		T_EQ_STR(e->status, "CONFIRMED");
	/* The Wednesdays end where the new Thursdays begin (02-20), not
	 * where the replaced cadence would have (03-06, after 02-26). */
	T_ASSERT((e = cal_find(&r, OLD, -1)));
	if (e)
		T_EQ_INT(e->occurrences[e->noccurrences - 1],
		         t_at("2025-02-12 16:00"));
}

const struct t_case calendar_cadence_tests[] = {
        {"changed_cadence_keeps_past_uids", changed_cadence_keeps_past_uids},
        {"every_cadence_keeps_its_series", every_cadence_keeps_its_series},
        {"replaced_before_first_call_is_cancelled",
         replaced_before_first_call_is_cancelled},
        {NULL, NULL},
};
