/* SPDX-License-Identifier: MIT */
/*
 * This file implements the year report as JSON, for scripts: the same
 * figures as the page, each meeting and baseline in the shape `meeting
 * list` and `meeting baseline` print them, each tally in the shape of
 * `ballot tally --format json`.
 */
#include <string.h>

#include "gavel/gavel.h"
#include "report_write.h"
#include "view.h"

/* The phases as keys (the states' own words: ipr_review). */
static const char *const phase_keys[] = {
        [GV_PHASE_DISCUSSION] = "discussion",
        [GV_PHASE_VOTING] = "voting",
        [GV_PHASE_REVIEW] = "ipr_review",
};

static json_t *
view_periods(const struct gv_report *r, const struct gv_report_ballot *rb)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < rb->nperiods; i++)
		json_array_append_new(
		        a, json_pack("{s:s, s:o, s:o, s:b}", "phase",
		                     phase_keys[rb->periods[i].phase], "start",
		                     gv__view_iso(rb->periods[i].start), "end",
		                     gv__view_iso(rb->periods[i].end), "ahead",
		                     rb->periods[i].end > r->now));
	return a;
}

static json_t *
view_ballot(const struct gv_report *r, const struct gv_report_ballot *rb)
{
	const struct gv_ballot *b = rb->ballot;

	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:s?, s:o, s:o}",
	                 "number", b->number, "title", b->title, "kind",
	                 b->kind, "state", gv_ballot_state_name(b->state),
	                 "state_text", gv_report_state_text(b->state),
	                 "periods", view_periods(r, rb), "results_at",
	                 gv__view_iso(rb->results_at), "result", b->result,
	                 "ended_at", gv__view_iso(rb->ended_at), "tally",
	                 rb->tally ? gv__view_tally(rb->tally) : json_null());
}

static json_t *
view_meeting(const struct gv_report_meeting *rm)
{
	json_t *o = gv__view_meeting_row(rm->meeting);

	json_object_set_new(o, "baseline_after",
	                    rm->has_baseline ? gv__view_baseline(&rm->baseline)
	                                     : json_null());
	return o;
}

json_t *
gv__view_report(const struct gv_report *r)
{
	json_t *ballots = json_array(), *meetings = json_array();
	char as_of[GV_TIME_BUFSZ];
	size_t i;

	for (i = 0; i < r->nballots; i++)
		json_array_append_new(ballots, view_ballot(r, &r->ballots[i]));
	for (i = 0; i < r->nmeetings; i++)
		json_array_append_new(meetings, view_meeting(&r->meetings[i]));
	return json_pack(
	        "{s:s, s:s, s:{s:s, s:s, s:s}, s:i, s:o, s:o, s:o, s:o, s:o}",
	        "generator", "gavel " GV_VERSION, "as_of",
	        gv_time_format(as_of, r->now, GV_TIME_HUMAN), "body", "code",
	        r->body, "name", r->name, "tz", r->tz, "year", r->year, "from",
	        gv__view_iso(r->from), "to", gv__view_iso(r->to),
	        "baseline_at_start",
	        r->has_start_baseline ? gv__view_baseline(&r->start_baseline)
	                              : json_null(),
	        "ballots", ballots, "meetings", meetings);
}
