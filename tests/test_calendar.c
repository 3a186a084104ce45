/* SPDX-License-Identifier: MIT */
/*
 * This file tests `gavel calendar` (issue 19) as a member's calendar
 * program would read it: back through libical and, independently,
 * Python's icalendar; every instant against `deadlines` and `ballot
 * show`; UIDs that stay and SEQUENCEs that grow when a vote moves or a
 * holiday moves a due date; cancelled calls as EXDATEs and cancelled
 * events; the series at 11:00 New York time across DST; reminders,
 * windows, the file and the timeline's export.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar_fixture.h"
#include "gavel/gavel.h"
#include "harness.h"

#define RUN(now, ...) t_gavel(t_env((now), "chair"), __VA_ARGS__, NULL)

/* The window the readers expand series in: 2024 and 2025. */
#define FROM t_at("2024-01-01 00:00")
#define TO   t_at("2026-01-01 00:00")

/* The calls are at 16:00 UTC in winter (EST). */
#define CALL_0129 "20250129T160000Z"

/* The demo with SMC011 proposed on 01-22 and in its vote from 01-29
 * (README, Ballots), a call held on 01-29 and one cancelled on 02-12,
 * both at slots of the cadence, and a face-to-face meeting off it. */
static int
smc011_voting(void)
{
	const char *now = "2025-01-20 08:00";

	return RUN(now, "init", "--demo")->status == 0 &&
	       RUN(now, "ballot", "new", "SMCWG", "--title",
	           "EUID in OrganizationIdentifier", "--kind", "fmg",
	           "--proposer", "DigiCert", "--at", "2025-01-20 09:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "endorse", "SMC011", "Sectigo", "--at",
	           "2025-01-20 10:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "endorse", "SMC011", "Google", "--at",
	           "2025-01-20 10:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "version", "SMC011", "--url",
	           "https://github.com/cabforum/smime/pull/281", "--at",
	           "2025-01-21 10:00")
	                       ->status == 0 &&
	       RUN(now, "ballot", "discuss", "SMC011", "--at",
	           "2025-01-22 12:00")
	                       ->status == 0 &&
	       RUN("2025-01-29 12:00", "ballot", "open-vote", "SMC011", "--at",
	           "2025-01-29 12:00")
	                       ->status == 0 &&
	       RUN(now, "meeting", "add", "SMCWG", "2025-01-29 11:00")
	                       ->status == 0 &&
	       RUN(now, "meeting", "add", "SMCWG", "2025-02-12 11:00")
	                       ->status == 0 &&
	       RUN(now, "meeting", "cancel", "6", "--reason",
	           "moved to the face-to-face")
	                       ->status == 0 &&
	       RUN(now, "meeting", "add", "SMCWG", "2025-03-04 09:00", "--kind",
	           "f2f", "--title", "Face-to-face, Berlin")
	                       ->status == 0;
}

/* The calendar as of now, read back by libical (the test fails on any
 * error); NULL after failing. */
static const char *
calendar_read(struct cal_read *r, const char *now, const char *const *extra)
{
	const char *args[12] = {"calendar"}, *why;
	struct t_run *run;
	size_t n = 1;

	while (extra && *extra && n < 11)
		args[n++] = *extra++;
	args[n] = NULL;
	run = t_gavel(t_env(now, "chair"), args[0], args[1], args[2], args[3],
	              args[4], args[5], args[6], args[7], args[8], args[9],
	              args[10], NULL);
	if (run->status != 0) {
		t_fail(__FILE__, __LINE__, "calendar exited %d: %s",
		       run->status, run->err);
		return NULL;
	}
	if ((why = cal_lines_check(run->out)) ||
	    cal_read_libical(r, &why, run->out, FROM, TO) < 0) {
		t_fail(__FILE__, __LINE__, "calendar as of %s: %s", now, why);
		return NULL;
	}
	return run->out;
}

static int
same_instants(const int64_t *a, size_t na, const int64_t *b, size_t nb)
{
	return na == nb && (na == 0 || !memcmp(a, b, na * sizeof(*a)));
}

/* Both readers saw the same events, field by field. */
static void
readers_agree(const struct cal_read *lic, const struct cal_read *py)
{
	T_EQ_INT(py->n, lic->n);
	for (size_t i = 0; i < lic->n; i++) {
		const struct cal_event *a = &lic->v[i],
		                       *b = cal_find(py, a->uid, a->recurrence);

		T_ASSERT(b);
		T_EQ_INT(b->start, a->start);
		T_EQ_STR(b->status, a->status);
		T_EQ_INT(b->sequence, a->sequence);
		T_EQ_STR(b->summary, a->summary);
		T_EQ_STR(b->description, a->description);
		T_EQ_INT(b->rrule, a->rrule);
		T_ASSERT(same_instants(a->exdates, a->nexdates, b->exdates,
		                       b->nexdates));
		T_ASSERT(same_instants(a->alarms, a->nalarms, b->alarms,
		                       b->nalarms));
		T_ASSERT(same_instants(a->occurrences, a->noccurrences,
		                       b->occurrences, b->noccurrences));
	}
}

static void
reads_back_in_libical_and_python(void)
{
	const char *now = "2025-01-30 00:00", *ics, *why;
	struct cal_read lic, py;
	const struct cal_event *e;

	T_ASSERT(smc011_voting());
	T_ASSERT((ics = calendar_read(&lic, now, NULL)));
	/* Meetings, the series, SMC010's clocks and SMC011's. */
	T_ASSERT(lic.n >= 15);
	T_ASSERT((e = cal_find(&lic, "SMCWG-calls@gavel", -1)) && e->rrule);
	T_ASSERT(cal_find(&lic, "SMCWG-ballot-11-voting-closes@gavel", -1));
	T_ASSERT(cal_find(&lic, "SMCWG-meeting-20250304T140000Z@gavel", -1));
	T_ASSERT(t_write_file("cal.ics", ics));
	if (cal_read_python(&py, &why, t_path("cal.ics"), FROM, TO) > 0)
		return;
	if (why)
		t_fail(__FILE__, __LINE__, "python: %s", why);
	T_ASSERT(!why);
	readers_agree(&lic, &py);
}

/* Every clock `deadlines` lists is an event at its instant; its next
 * call a start of the series (not cancelled) or a meeting's. */
static void
deadlines_are_events(const struct cal_read *r, const char *json)
{
	json_t *doc = json_loads(json, 0, NULL), *d;
	const struct cal_event *series = cal_find(r, "SMCWG-calls@gavel", -1);
	char prefix[128];
	size_t i, seen = 0;

	T_ASSERT(json_array_size(doc) > 0 && series);
	json_array_foreach (doc, i, d) {
		const char *what =
		        json_string_value(json_object_get(d, "what"));
		int64_t at =
		        cal_iso(json_string_value(json_object_get(d, "time")));
		const struct cal_event *e;
		int found = 0;

		if (!strcmp(what, "next call")) {
			for (size_t k = 0; k < series->noccurrences; k++)
				found |= series->occurrences[k] == at;
			for (size_t k = 0; k < series->nexdates; k++)
				found &= series->exdates[k] != at;
			T_ASSERT(found);
			seen++;
			continue;
		}
		snprintf(prefix, sizeof(prefix), "%s %s: ",
		         json_string_value(json_object_get(d, "subject")),
		         what);
		T_ASSERT((e = cal_find_summary(r, prefix)));
		T_EQ_INT(e->start, at);
		T_EQ_STR(e->status, "CONFIRMED");
		seen++;
	}
	T_EQ_INT(seen, json_array_size(doc));
	json_decref(doc);
}

/* Every clock `ballot show` gives (met ones too) is an event at its
 * instant, and the opening of the vote at the recorded one. */
static void
ballot_clocks_are_events(const struct cal_read *r, const char *json)
{
	json_t *doc = json_loads(json, 0, NULL), *c;
	const char *number = json_string_value(
	        json_object_get(json_object_get(doc, "ballot"), "number"));
	const char *opens = json_string_value(json_object_get(
	        json_object_get(json_object_get(doc, "ballot"), "dates"),
	        "vote_starts"));
	const struct cal_event *e;
	char prefix[128];
	int64_t t;
	size_t i;

	T_ASSERT(number && json_array_size(json_object_get(doc, "clocks")));
	json_array_foreach (json_object_get(doc, "clocks"), i, c) {
		snprintf(prefix, sizeof(prefix), "%s %s: ", number,
		         json_string_value(json_object_get(c, "what")));
		T_ASSERT((e = cal_find_summary(r, prefix)));
		T_EQ_INT(e->start,
		         cal_iso(json_string_value(json_object_get(c, "iso"))));
		T_EQ_STR(e->status, "CONFIRMED");
	}
	snprintf(prefix, sizeof(prefix), "%s voting opens: ", number);
	T_ASSERT(opens && gv_time_parse(&t, opens) == 0);
	T_ASSERT((e = cal_find_summary(r, prefix)));
	T_EQ_INT(e->start, t);
	json_decref(doc);
}

static void
instants_are_those_of_deadlines(void)
{
	const char *now = "2025-01-30 00:00";
	struct cal_read r;
	struct t_run *run;

	T_ASSERT(smc011_voting());
	T_ASSERT(calendar_read(&r, now, NULL));
	run = RUN(now, "deadlines", "--format", "json");
	T_EQ_INT(run->status, 0);
	/* Voting closes, results due, expiry (still open: voting may be
	 * withdrawn) and the next call, at least. */
	T_CONTAINS(run->out, "\"what\": \"voting closes\"");
	deadlines_are_events(&r, run->out);
	run = RUN(now, "ballot", "show", "SMC011", "--format", "json");
	ballot_clocks_are_events(&r, run->out);
	run = RUN(now, "ballot", "show", "SMC010", "--format", "json");
	ballot_clocks_are_events(&r, run->out);
}

static void
same_uids_on_a_second_run(void)
{
	const char *now = "2025-01-30 00:00", *first;
	struct cal_read a, b;
	struct t_run *run;

	T_ASSERT(smc011_voting());
	T_ASSERT((first = calendar_read(&a, now, NULL)));
	T_EQ_STR(RUN(now, "calendar")->out, first);
	/* An hour on, nothing changed: the same events, only DTSTAMP. */
	T_ASSERT(calendar_read(&b, "2025-01-30 01:00", NULL));
	T_EQ_INT(b.n, a.n);
	for (size_t i = 0; i < a.n; i++) {
		const struct cal_event *e =
		        cal_find(&b, a.v[i].uid, a.v[i].recurrence);

		T_ASSERT(e);
		T_EQ_INT(e->sequence, a.v[i].sequence);
		T_EQ_INT(e->start, a.v[i].start);
	}
	/* deadlines --format ics is the same calendar. */
	run = RUN(now, "deadlines", "--format", "ics");
	T_EQ_INT(run->status, 0);
	T_EQ_STR(run->out, first);
	run = RUN(now, "deadlines", "--format", "ics", "--within", "9",
	          "--body", "SMCWG");
	T_EQ_STR(run->out,
	         RUN(now, "calendar", "--within", "9", "--body", "SMCWG")->out);
	run = RUN(now, "deadlines", "--format", "xml");
	T_EQ_INT(run->status, 2);
	T_CONTAINS(run->err, "use text, json or ics");
}

/* The event of SMC011's clock slug as of now. */
static const struct cal_event *
clock_as_of(struct cal_read *r, const char *now, const char *slug)
{
	char uid[128];

	if (!calendar_read(r, now, NULL))
		return NULL;
	snprintf(uid, sizeof(uid), "SMCWG-ballot-11-%s@gavel", slug);
	return cal_find(r, uid, -1);
}

/* Issue 19: a new version during the vote withdraws it (RULES §3
 * [INTERP]): the close is cancelled, then moved when voting opens again;
 * each change a higher SEQUENCE under the same UID. */
static void
new_version_moves_the_vote(void)
{
	struct cal_read r1, r2, r3, r4;
	const struct cal_event *v1, *v2, *v3, *x1, *x2, *d1, *d2;

	T_ASSERT(smc011_voting());
	T_ASSERT((v1 = clock_as_of(&r1, "2025-01-30 00:00", "voting-closes")));
	T_EQ_STR(v1->status, "CONFIRMED");
	T_EQ_INT(v1->start, t_at("2025-02-05 12:00"));
	/* Voting opened: the ballot no longer expires. */
	T_ASSERT((x1 = cal_find(&r1, "SMCWG-ballot-11-expires@gavel", -1)));
	T_EQ_STR(x1->status, "CANCELLED");
	T_CONTAINS(x1->description, "no longer expires");
	T_ASSERT((d1 = cal_find(&r1, "SMCWG-ballot-11-discussion-ends@gavel",
	                        -1)));

	T_EQ_INT(RUN("2025-02-01 10:00", "ballot", "version", "SMC011", "--url",
	             "https://github.com/cabforum/smime/pull/282", "--at",
	             "2025-02-01 10:00")
	                 ->status,
	         0);
	T_ASSERT((v2 = clock_as_of(&r2, "2025-02-02 00:00", "voting-closes")));
	T_EQ_STR(v2->status, "CANCELLED");
	T_ASSERT(v2->sequence > v1->sequence);
	T_EQ_INT(v2->nalarms, 0);
	T_CONTAINS(v2->summary, "Cancelled: SMC011 voting closes");
	T_ASSERT((d2 = cal_find(&r2, "SMCWG-ballot-11-discussion-ends@gavel",
	                        -1)));
	T_EQ_INT(d2->start, t_at("2025-02-08 10:00"));
	T_ASSERT(d2->sequence > d1->sequence);
	T_ASSERT((x2 = cal_find(&r2, "SMCWG-ballot-11-expires@gavel", -1)));
	T_EQ_STR(x2->status, "CONFIRMED");
	T_ASSERT(x2->sequence > x1->sequence);

	T_EQ_INT(RUN("2025-02-08 12:00", "ballot", "open-vote", "SMC011",
	             "--at", "2025-02-08 12:00")
	                 ->status,
	         0);
	T_ASSERT((v3 = clock_as_of(&r3, "2025-02-09 00:00", "voting-closes")));
	T_EQ_STR(v3->status, "CONFIRMED");
	T_EQ_INT(v3->start, t_at("2025-02-15 12:00"));
	T_ASSERT(v3->sequence > v2->sequence);
	T_EQ_INT(r3.n, r2.n);

	/* Withdrawn: the vote did open (kept), its close is cancelled. */
	T_EQ_INT(RUN("2025-02-10 12:00", "ballot", "withdraw", "SMC011", "--at",
	             "2025-02-10 12:00")
	                 ->status,
	         0);
	T_ASSERT((v1 = clock_as_of(&r4, "2025-02-11 00:00", "voting-closes")));
	T_EQ_STR(v1->status, "CANCELLED");
	T_ASSERT(v1->sequence > v3->sequence);
	T_CONTAINS(v1->description, "withdrawn");
	T_ASSERT(
	        (v1 = cal_find(&r4, "SMCWG-ballot-11-voting-opens@gavel", -1)));
	T_EQ_STR(v1->status, "CONFIRMED");
	T_EQ_INT(v1->start, t_at("2025-02-08 12:00"));
}

/* A holiday that moves a business-day clock raises its SEQUENCE. */
static void
holiday_moves_a_due_date(void)
{
	struct cal_read r1, r2, r3;
	const struct cal_event *a, *b, *c;
	const char *now = "2025-01-30 00:00";

	T_ASSERT(smc011_voting());
	/* Voting closes Wed 02-05: results due 3 business days on, Mon. */
	T_ASSERT((a = clock_as_of(&r1, now, "results-due")));
	T_EQ_INT(a->start, t_at("2025-02-10 12:00"));
	T_EQ_INT(RUN(now, "body", "holiday", "add", "SMCWG", "2025-02-07")
	                 ->status,
	         0);
	T_ASSERT((b = clock_as_of(&r2, now, "results-due")));
	T_EQ_INT(b->start, t_at("2025-02-11 12:00"));
	T_ASSERT(b->sequence > a->sequence);
	T_EQ_INT(RUN(now, "body", "holiday", "remove", "SMCWG", "2025-02-07")
	                 ->status,
	         0);
	T_ASSERT((c = clock_as_of(&r3, now, "results-due")));
	T_EQ_INT(c->start, a->start);
	T_ASSERT(c->sequence > b->sequence);
}

static void
cancelled_call_is_an_exdate(void)
{
	const char *now = "2025-01-30 00:00", *why;
	struct cal_read a, b, py;
	const struct cal_event *s1, *s2, *call, *f2f;
	int64_t call_at = t_at("2025-01-29 16:00");
	size_t i;

	T_ASSERT(smc011_voting());
	T_ASSERT(calendar_read(&a, now, NULL));
	T_ASSERT((s1 = cal_find(&a, "SMCWG-calls@gavel", -1)));
	T_ASSERT((call = cal_find(&a, "SMCWG-calls@gavel", call_at)));
	T_EQ_STR(call->status, "CONFIRMED");
	T_EQ_INT(call->start, call_at);
	T_CONTAINS(call->description, "Agenda\n1. Roll Call");
	/* The demo's 2025-01-01 and the 02-12 cancelled in the fixture. */
	T_EQ_INT(s1->nexdates, 2);
	T_EQ_INT(s1->exdates[1], t_at("2025-02-12 16:00"));
	T_ASSERT((call = cal_find(&a, "SMCWG-calls@gavel",
	                          t_at("2025-02-12 16:00"))));
	T_EQ_STR(call->status, "CANCELLED");
	T_CONTAINS(call->description, "Cancelled: moved to the face-to-face.");

	T_EQ_INT(RUN(now, "meeting", "cancel", "5", "--reason", "no quorum")
	                 ->status,
	         0);
	T_EQ_INT(RUN(now, "meeting", "cancel", "7")->status, 0);
	T_ASSERT(calendar_read(&b, now, NULL));
	T_ASSERT((s2 = cal_find(&b, "SMCWG-calls@gavel", -1)));
	T_EQ_INT(s2->nexdates, 3);
	for (i = 0; i < s2->nexdates && s2->exdates[i] != call_at; i++)
		;
	T_ASSERT(i < s2->nexdates);
	T_ASSERT(s2->sequence > s1->sequence);
	T_ASSERT((call = cal_find(&b, "SMCWG-calls@gavel", call_at)));
	T_EQ_STR(call->status, "CANCELLED");
	T_EQ_INT(call->sequence, s2->sequence);
	T_EQ_INT(call->nalarms, 0);
	T_CONTAINS(call->summary, "Cancelled: SMCWG call");
	/* A meeting off the cadence: an event of its own, now cancelled. */
	T_ASSERT((f2f = cal_find(&b, "SMCWG-meeting-20250304T140000Z@gavel",
	                         -1)));
	T_EQ_STR(f2f->status, "CANCELLED");
	T_EQ_INT(f2f->sequence, 1);
	T_CONTAINS(f2f->summary, "Cancelled: SMCWG Face-to-face, Berlin");
	/* Python reads the same exceptions. */
	T_ASSERT(t_write_file("cal.ics", RUN(now, "calendar")->out));
	if (cal_read_python(&py, &why, t_path("cal.ics"), FROM, TO) > 0)
		return;
	T_ASSERT(!why);
	readers_agree(&b, &py);
}

/* RULES §4: a call keeps its wall clock, 11:00 in New York, so its UTC
 * hour moves with DST; the series' own VTIMEZONE says so to libical, the
 * IANA name to Python (pytz's own copy of the database). */
static void
series_keeps_eleven_across_dst(void)
{
	const char *now = "2025-01-01 00:00", *ics, *why;
	struct cal_read r, py;
	const struct cal_event *s, *inst;
	int jan = 0, apr = 0;

	T_EQ_INT(RUN(now, "init")->status, 0);
	T_EQ_INT(RUN(now, "body", "add", "NYWG", "--name", "New York WG",
	             "--tz", "America/New_York")
	                 ->status,
	         0);
	T_EQ_INT(RUN(now, "body", "set", "NYWG", "--cadence",
	             "every 2 weeks on Wednesday at 11:00 from 2025-01-08")
	                 ->status,
	         0);
	T_EQ_INT(RUN(now, "meeting", "add", "NYWG", "2025-04-16 11:00")->status,
	         0);
	/* Both 01:30 of the night clocks go back: RFC 5545 3.3.5 reads the
	 * wall clock as the first, libical and pytz as the second, so they
	 * are written in UTC. */
	T_EQ_INT(RUN(now, "meeting", "add", "NYWG", "2025-11-02 01:30-05:00")
	                 ->status,
	         0);
	T_EQ_INT(RUN(now, "meeting", "add", "NYWG", "2025-11-02 01:30-04:00")
	                 ->status,
	         0);
	T_ASSERT((ics = calendar_read(&r, now, NULL)));
	T_CONTAINS(ics, "DTSTART;TZID=America/New_York:20250108T110000\r\n");
	T_CONTAINS(ics, "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE\r\n");
	T_CONTAINS(ics, "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n");
	T_ASSERT((s = cal_find(&r, "NYWG-calls@gavel", -1)));
	T_EQ_INT(s->noccurrences, 26);
	for (size_t i = 0; i < s->noccurrences; i++) {
		int64_t t = s->occurrences[i], hour = t % 86400 / 3600;

		/* EDT from 03-09 to 11-02 (2025): 15:00 UTC, else 16:00. */
		if (t > t_at("2025-03-09 07:00") &&
		    t < t_at("2025-11-02 06:00"))
			T_EQ_INT(hour, 15);
		else
			T_EQ_INT(hour, 16);
		jan += t == t_at("2025-01-22 16:00");
		apr += t == t_at("2025-04-16 15:00");
	}
	T_ASSERT(jan == 1 && apr == 1);
	/* The meeting at the April slot is that instance of the series. */
	T_ASSERT((inst = cal_find(&r, "NYWG-calls@gavel",
	                          t_at("2025-04-16 15:00"))));
	T_EQ_INT(inst->start, t_at("2025-04-16 15:00"));
	T_ASSERT((inst = cal_find(&r, "NYWG-meeting-20251102T063000Z@gavel",
	                          -1)));
	T_EQ_INT(inst->start, t_at("2025-11-02 06:30"));
	T_CONTAINS(ics, "DTSTART:20251102T063000Z\r\n");
	T_CONTAINS(ics, "DTSTART:20251102T053000Z\r\n");
	T_ASSERT(t_write_file("cal.ics", ics));
	if (cal_read_python(&py, &why, t_path("cal.ics"), FROM, TO) > 0)
		return;
	T_ASSERT(!why);
	readers_agree(&r, &py);
}

const struct t_case calendar_tests[] = {
        {"reads_back_in_libical_and_python", reads_back_in_libical_and_python},
        {"instants_are_those_of_deadlines", instants_are_those_of_deadlines},
        {"same_uids_on_a_second_run", same_uids_on_a_second_run},
        {"new_version_moves_the_vote", new_version_moves_the_vote},
        {"holiday_moves_a_due_date", holiday_moves_a_due_date},
        {"cancelled_call_is_an_exdate", cancelled_call_is_an_exdate},
        {"series_keeps_eleven_across_dst", series_keeps_eleven_across_dst},
        {NULL, NULL},
};
