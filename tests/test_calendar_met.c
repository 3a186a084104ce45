/* SPDX-License-Identifier: MIT */
/*
 * This file tests how `gavel calendar` publishes a ballot's clock once it
 * is met: still CONFIRMED (a fact of the ballot's history; RFC 5545 has
 * no "done" for a VEVENT), with no reminder left, a description that
 * says how and when it was met, and a SEQUENCE that grows so subscribed
 * calendars take the change. The Review Notice went out before it was
 * due, so both its clocks are still ahead when they are met.
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

#define UID(slug)     "SMCWG-ballot-11-" slug "@gavel"

/* SMC011, a guideline ballot in its vote from 02-10 (the brief's trial). */
static int
smc011_in_vote(void)
{
	const char *now = "2025-02-18 12:00";

	return RUN(now, "init", "--demo")->status == 0 &&
	       RUN(now, "ballot", "new", "SMCWG", "--title", "Mail votes",
	           "--kind", "fmg", "--proposer", "Sectigo", "--at",
	           "2025-02-01 09:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "endorse", "SMC011", "DigiCert", "--at",
	           "2025-02-01 10:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "endorse", "SMC011", "Apple", "--at",
	           "2025-02-01 10:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "version", "SMC011", "--url",
	           "https://github.com/cabforum/smime/pull/299", "--at",
	           "2025-02-01 11:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "discuss", "SMC011", "--at",
	           "2025-02-01 12:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "open-vote", "SMC011", "--at",
	           "2025-02-10 12:00")
	                       ->status == 0;
}

/* It passes, its results go out at the close, the Review Notice on
 * 02-18: before either Review Notice clock (02-20, 02-24) is due. */
static int
smc011_in_review(const char *now)
{
	static const char *const orgs[] = {"Sectigo", "DigiCert", "GlobalSign",
	                                   "Apple", "Google"};

	for (size_t i = 0; i < sizeof(orgs) / sizeof(orgs[0]); i++)
		if (RUN(now, "ballot", "vote", "SMC011", orgs[i], "yes", "--at",
		        "2025-02-11 10:00")
		            ->status != 0)
			return 0;
	return RUN(now, "ballot", "quorum", "SMC011", "3", "--source", "test")
	                       ->status == 0 &&
	       RUN(now, "ballot", "close", "SMC011", "--at", "2025-02-17 13:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "review", "SMC011", "--at",
	           "2025-02-18 09:00")
	                       ->status == 0;
}

/* Python's icalendar reads an event's reminders, status, description
 * and SEQUENCE as libical does. */
static int
alike(const struct cal_event *a, const struct cal_event *b)
{
	return b->nalarms == a->nalarms && !strcmp(b->status, a->status) &&
	       !strcmp(b->description, a->description) &&
	       b->sequence == a->sequence;
}

static int
calendar_at(struct cal_read *r, const char *now, const char *name)
{
	return cal_written(r, now, name, FROM, TO, alike);
}

/* A met clock: confirmed, no reminder, a description that says how it
 * was met, a SEQUENCE above the one it had while open (before). */
static void
met(const struct cal_read *r, const struct cal_read *before, const char *uid,
    const char *how)
{
	const struct cal_event *e = cal_find(r, uid, -1),
	                       *b = cal_find(before, uid, -1);

	T_ASSERT(e && b);
	if (!e || !b)
		return;
	T_EQ_STR(e->status, "CONFIRMED");
	T_EQ_INT(e->nalarms, 0);
	T_CONTAINS(e->description, how);
	T_EQ_INT(b->nalarms, 1);
	T_ASSERT(e->sequence > b->sequence);
}

static void
met_clocks_have_no_reminder(void)
{
	struct cal_read before, after, later;
	const struct cal_event *e;

	T_ASSERT(smc011_in_vote());
	T_ASSERT(calendar_at(&before, "2025-02-12 12:00", "before.ics"));
	T_ASSERT(smc011_in_review("2025-02-20 12:00"));
	T_ASSERT(calendar_at(&after, "2025-02-20 12:00", "after.ics"));
	met(&after, &before, UID("voting-closes"),
	    "Met: voting closed, 2025-02-17 12:00 UTC");
	met(&after, &before, UID("results-due"),
	    "Met: the results were announced, 2025-02-17 13:00 UTC");
	/* Met early: the title says so, on the day it was due. */
	T_ASSERT((e = cal_find(&after, UID("review-notice-vice-chair"), -1)));
	T_EQ_INT(e->nalarms, 0);
	T_EQ_STR(e->status, "CONFIRMED");
	T_CONTAINS(e->description, "Met: the Review Notice was sent: the IPR "
	                           "review opened, 2025-02-18 09:00 UTC");
	T_CONTAINS(e->summary, "Done: SMC011 review notice due from the Vice");
	T_ASSERT((e = cal_find(&after, UID("review-notice-due"), -1)));
	T_EQ_INT(e->nalarms, 0);
	T_CONTAINS(e->summary, "Done: ");
	/* Still ahead and not met: its reminder stays. */
	T_ASSERT((e = cal_find(&after, UID("review-ends"), -1)));
	T_EQ_INT(e->nalarms, 1);
	T_EQ_STR(e->status, "CONFIRMED");
	T_ASSERT(strstr(e->description, "Met:") == NULL);
	/* Once the review has ended: met in its time, no "Done:". */
	T_ASSERT(calendar_at(&later, "2025-03-21 12:00", "later.ics"));
	met(&later, &after, UID("review-ends"),
	    "Met: the IPR review ended, 2025-03-20 09:00 UTC");
	T_ASSERT((e = cal_find(&later, UID("review-ends"), -1)));
	T_ASSERT(strncmp(e->summary, "Done:", 5) != 0);
	/* The UIDs stay, the later file's SEQUENCEs never go back. */
	for (size_t i = 0; i < after.n; i++) {
		const struct cal_event *a = &after.v[i],
		                       *l = cal_find(&later, a->uid,
		                                     a->recurrence);

		T_ASSERT(l);
		if (l)
			T_ASSERT(l->sequence >= a->sequence);
	}
}

/* The notice clocks met before they are due, read the day before the
 * Vice Chair's: SEQUENCE grew from the open clock's. */
static void
notice_sent_early_bumps_sequence(void)
{
	struct cal_read open, sent;

	T_ASSERT(smc011_in_vote());
	T_ASSERT(smc011_in_review("2025-02-20 12:00"));
	/* As of before the Review Notice: the clocks are open. */
	T_ASSERT(calendar_at(&open, "2025-02-18 08:00", "open.ics"));
	T_ASSERT(calendar_at(&sent, "2025-02-18 10:00", "sent.ics"));
	met(&sent, &open, UID("review-notice-vice-chair"),
	    "Met: the Review Notice was sent");
	met(&sent, &open, UID("review-notice-due"),
	    "Met: the Review Notice was sent");
}

/* A withdrawn ballot's clocks carry none either, as before: what is not
 * going to happen reminds no one. */
static void
withdrawn_clocks_have_no_reminder(void)
{
	struct cal_read r;

	T_ASSERT(smc011_in_vote());
	T_EQ_INT(RUN("2025-02-12 12:00", "ballot", "withdraw", "SMC011", "--at",
	             "2025-02-12 12:00")
	                 ->status,
	         0);
	T_ASSERT(calendar_at(&r, "2025-02-12 13:00", "c.ics"));
	for (size_t i = 0; i < r.n; i++)
		if (!strcmp(r.v[i].status, "CANCELLED"))
			T_EQ_INT(r.v[i].nalarms, 0);
	T_ASSERT(cal_find(&r, UID("voting-closes"), -1));
	T_EQ_STR(cal_find(&r, UID("voting-closes"), -1)->status, "CANCELLED");
}

const struct t_case calendar_met_tests[] = {
        {"met_clocks_have_no_reminder", met_clocks_have_no_reminder},
        {"notice_sent_early_bumps_sequence", notice_sent_early_bumps_sequence},
        {"withdrawn_clocks_have_no_reminder",
         withdrawn_clocks_have_no_reminder},
        {NULL, NULL},
};
