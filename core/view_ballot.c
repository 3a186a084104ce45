/* SPDX-License-Identifier: MIT */
/*
 * This file implements the ballots' view builders. For now: the status
 * block minutes carry (SCWG minutes group ballots as passed, in voting, in
 * discussion and under IPR review; RULES §7), from each ballot's recorded
 * state and instants.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ballot_internal.h"
#include "db.h"
#include "gavel/ballot.h"
#include "gavel/roster.h"
#include "gavel/time.h"
#include "gavel/deadlines.h"
#include "gavel/redline.h"
#include "gavel/gavel.h"
#include "gavel/view.h"
#include "gavel/zone.h"
#include "view.h"

/* The status block's groups (SCWG minutes' "Ballot Status": RULES §7),
 * with the clock each group waits for. */
static const struct {
	const char *label;
	enum gv_ballot_state state;
	enum gv_clock_kind until;
} groups[] = {
        {"In discussion", GV_BALLOT_DISCUSSION, GV_CLOCK_DISCUSSION_ENDS},
        {"In voting", GV_BALLOT_VOTING, GV_CLOCK_VOTE_CLOSES},
        {"Voting ended, results due", GV_BALLOT_CLOSED, GV_CLOCK_RESULTS_DUE},
        {"Passed, review notice due", GV_BALLOT_PASSED,
         GV_CLOCK_REVIEW_NOTICE_DUE},
        {"Under IPR review", GV_BALLOT_IPR_REVIEW, GV_CLOCK_REVIEW_ENDS},
        {"Adopted", GV_BALLOT_ADOPTED, GV_CLOCK_OUTCOME_NOTICE_DUE},
        {"Failed", GV_BALLOT_FAILED, GV_CLOCK_RESULTS_DUE},
        {"Failed for want of quorum", GV_BALLOT_INVALID, GV_CLOCK_RESULTS_DUE},
        {"Rescinded: exclusion notices", GV_BALLOT_RESCINDED,
         GV_CLOCK_OUTCOME_NOTICE_DUE},
};

#define NGROUPS (sizeof(groups) / sizeof(groups[0]))

/* A ballot's line, or NULL when it has nothing to report at `at`: drafts,
 * and outcomes older than the previous few weeks. */
static json_t *
status_line(struct gv_db *db, struct gv_ballot *b, const char *tz, int64_t at,
            size_t *group)
{
	char when[GV_TIME_BUFSZ], local[GV_LOCAL_BUFSZ], both[GV_BOTH_BUFSZ];
	struct gv_clocks clocks;
	json_t *line;
	size_t i;

	gv__ballot_set_now(b, at);
	for (*group = 0; *group < NGROUPS; (*group)++)
		if (groups[*group].state == b->state)
			break;
	if (*group == NGROUPS || gv_ballot_clocks(&clocks, db, b, at) < 0)
		return NULL;
	for (i = 0; i < clocks.n; i++)
		if (clocks.v[i].kind == groups[*group].until)
			break;
	if (i == clocks.n ||
	    (!clocks.v[i].open && clocks.v[i].at < at - 35 * GV__DAY))
		return NULL;
	line = json_pack("{s:s, s:s, s:s, s:s}", "number", b->number, "title",
	                 b->title, "until_label", clocks.v[i].what, "until",
	                 gv_time_format(when, clocks.v[i].at, GV_TIME_HUMAN));
	json_object_set_new(line, "until_local",
	                    json_string(gv_time_format_local(
	                            local, clocks.v[i].at, tz, GV_LOCAL_FULL)));
	json_object_set_new(
	        line, "until_both",
	        json_string(gv_time_format_both(both, clocks.v[i].at, tz)));
	return line;
}

json_t *
gv__view_ballot_status(struct gv_db *db, const struct gv_body *body, int64_t at)
{
	json_t *lists[NGROUPS], *out = json_array(), *line;
	struct gv_ballot_list *ballots = NULL;
	size_t g, i, total = 0;

	for (g = 0; g < NGROUPS; g++)
		lists[g] = json_array();
	if (gv_ballot_list(&ballots, db, body->code) == 0)
		for (i = 0; i < ballots->n; i++)
			if ((line = status_line(db, ballots->v[i], body->tz, at,
			                        &g))) {
				json_array_append_new(lists[g], line);
				total++;
			}
	gv_ballot_list_free(ballots);
	for (g = 0; g < NGROUPS; g++) {
		if (json_array_size(lists[g]))
			json_array_append_new(out,
			                      json_pack("{s:s, s:o}", "label",
			                                groups[g].label,
			                                "ballots", lists[g]));
		else
			json_decref(lists[g]);
	}
	return json_pack("{s:b, s:o}", "any", total > 0, "groups", out);
}

static json_t *
view_names(char **names, int n)
{
	json_t *a = json_array();
	int i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_string(names[i]));
	return a;
}

/* "A, B, C" (empty when there are none). */
static json_t *
view_joined(char **names, int n)
{
	struct gv_buf b = GV_BUF_INIT;
	char *text;
	json_t *v;
	int i;

	for (i = 0; i < n; i++)
		gv__buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
	text = gv__buf_detach(&b);
	v = json_string(text);
	free(text);
	return v;
}

static json_t *
view_class(const struct gv_class_tally *c)
{
	char percent[32];

	return json_pack(
	        "{s:i, s:i, s:i, s:b, s:o, s:s, s:b, s:o, s:o, s:o,"
	        " s:o, s:o, s:o}",
	        "yes", c->yes, "no", c->no, "abstain", c->abstain,
	        "for_or_against", c->yes + c->no > 0, "percent_yes",
	        c->percent_tenths < 0 ? json_null()
	                              : json_real(c->percent_tenths / 10.0),
	        "percent_text", gv_tally_percent(percent, sizeof(percent), c),
	        "met", c->met, "yes_orgs", view_names(c->yes_orgs, c->yes),
	        "no_orgs", view_names(c->no_orgs, c->no), "abstain_orgs",
	        view_names(c->abstain_orgs, c->abstain), "yes_text",
	        view_joined(c->yes_orgs, c->yes), "no_text",
	        view_joined(c->no_orgs, c->no), "abstain_text",
	        view_joined(c->abstain_orgs, c->abstain));
}

/* Each test with its arithmetic, as a results notice states it. */
static json_t *
view_tests(const struct gv_tally *t)
{
	const struct gv_class_tally *i = &t->issuers, *c = &t->consumers;
	char issuers[96], consumers[96], quorum[96];

	snprintf(issuers, sizeof(issuers), "3 × %d ≥ 2 × (%d + %d)", i->yes,
	         i->yes, i->no);
	if (!strcmp(t->consumer_rule, "half-plus-one"))
		snprintf(consumers, sizeof(consumers), "2 × %d ≥ (%d + %d) + 2",
		         c->yes, c->yes, c->no);
	else
		snprintf(consumers, sizeof(consumers), "2 × %d > %d + %d",
		         c->yes, c->yes, c->no);
	snprintf(quorum, sizeof(quorum), "%d participants ≥ %d",
	         t->participants, t->quorum);
	return json_pack(
	        "[{s:s, s:s, s:b}, {s:s, s:s, s:b}, {s:s, s:s, s:b},"
	        " {s:s, s:s, s:b}, {s:s, s:s, s:b}]",
	        "test", "two-thirds of issuers voting yes or no vote yes",
	        "arithmetic", issuers, "met", i->threshold, "test",
	        !strcmp(t->consumer_rule, "half-plus-one")
	                ? "50% plus one of consumers voting yes or no vote yes"
	                : "more than 50% of consumers voting yes or no vote "
	                  "yes",
	        "arithmetic", consumers, "met", c->threshold, "test",
	        "at least one issuer votes yes", "arithmetic",
	        i->yes >= 1 ? "yes" : "no issuer voted yes", "met", i->yes >= 1,
	        "test", "at least one consumer votes yes", "arithmetic",
	        c->yes >= 1 ? "yes" : "no consumer voted yes", "met",
	        c->yes >= 1, "test", "quorum", "arithmetic", quorum, "met",
	        t->quorum_met);
}

static json_t *
view_ledger(const struct gv_tally *t)
{
	json_t *a = json_array();
	char when[GV_TIME_BUFSZ];
	size_t i;

	for (i = 0; i < t->nvotes; i++) {
		const struct gv_vote *v = &t->votes[i];

		json_array_append_new(
		        a,
		        json_pack("{s:s, s:s, s:s, s:s, s:s?, s:b, s:s?}",
		                  "org", v->org, "class", v->klass, "value",
		                  gv_vote_value_name(v->value), "cast_at",
		                  gv_time_format(when, v->cast_at, GV_TIME_ISO),
		                  "source", v->source, "counted", v->counted,
		                  "invalid", v->reason));
	}
	return a;
}

json_t *
gv__view_tally(const struct gv_tally *t)
{
	json_t *meetings = json_array();
	size_t i;

	for (i = 0; i < t->nquorum_meetings; i++)
		json_array_append_new(
		        meetings, json_pack("{s:I, s:i}", "meeting",
		                            (json_int_t)t->quorum_meetings[i],
		                            "voting_members_present",
		                            t->quorum_present[i]));
	return json_pack(
	        "{s:s, s:s, s:b, s:o, s:o, s:i, s:o, s:i, s:b, s:s, s:s, s:o,"
	        " s:s, s:b, s:i, s:i, s:o, s:o}",
	        "ballot", t->ballot, "result", t->result, "passed",
	        !strcmp(t->result, "passed"), "issuers",
	        view_class(&t->issuers), "consumers", view_class(&t->consumers),
	        "participants", t->participants, "active_average",
	        strcmp(t->quorum_from, "attendance")
	                ? json_null()
	                : json_real(t->active_average),
	        "quorum", t->quorum, "quorum_met", t->quorum_met, "quorum_from",
	        t->quorum_from, "quorum_rule", t->quorum_rule,
	        "quorum_meetings", meetings, "consumer_rule", t->consumer_rule,
	        "charter_meetings_met", t->charter_meetings_met,
	        "charter_meetings_held", t->charter_meetings_held,
	        "charter_meetings_needed", t->charter_meetings_needed, "tests",
	        view_tests(t), "votes", view_ledger(t));
}

int
gv_view_tally_json(char **out, const struct gv_tally *t)
{
	json_t *doc = gv__view_tally(t);

	return gv__view_dump(out, doc, 0);
}

static const char *
kind_text(const char *kind)
{
	return !strcmp(kind, "fg")    ? "Final Guideline"
	       : !strcmp(kind, "fmg") ? "Final Maintenance Guideline"
	                              : "not a Draft Guideline Ballot";
}

/* How a ballot's dates are written: UTC (the authoritative time, RULES
 * 4), the body's wall clock, or both as notices print them. */
enum dates_style { DATES_UTC, DATES_LOCAL, DATES_BOTH };

static json_t *
view_instant(int64_t t, const char *tz, enum dates_style style)
{
	char when[GV_BOTH_BUFSZ];

	if (t < 0)
		return json_null();
	return json_string(
	        style == DATES_UTC ? gv_time_format(when, t, GV_TIME_HUMAN)
	        : style == DATES_LOCAL
	                ? gv_time_format_local(when, t, tz, GV_LOCAL_FULL)
	                : gv_time_format_both(when, t, tz));
}

static json_t *
view_dates(const struct gv_ballot *b, const char *tz, enum dates_style style)
{
	return json_pack(
	        "{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "discussion_starts",
	        view_instant(b->discussion_start, tz, style), "discussion_ends",
	        view_instant(b->discussion_end, tz, style), "vote_starts",
	        view_instant(b->vote_starts_at, tz, style), "vote_ends",
	        view_instant(b->vote_ends_at, tz, style), "results",
	        view_instant(b->results_at, tz, style), "review_starts",
	        view_instant(b->review_starts_at, tz, style), "review_ends",
	        view_instant(b->review_ends_at, tz, style));
}

/* The body's wall clock beside a UTC field of o: "local" (2025-01-29
 * 11:00 EST), "local_iso" (with its offset) and "both", as notices print
 * it. */
static void
view_local(json_t *o, int64_t t, const char *tz)
{
	char local[GV_LOCAL_BUFSZ], both[GV_BOTH_BUFSZ];

	json_object_set_new(
	        o, "local",
	        json_string(gv_time_format_local(local, t, tz, GV_LOCAL_FULL)));
	json_object_set_new(
	        o, "local_iso",
	        json_string(gv_time_format_local(local, t, tz, GV_LOCAL_ISO)));
	json_object_set_new(o, "both",
	                    json_string(gv_time_format_both(both, t, tz)));
}

static json_t *
view_clocks(const struct gv_clocks *c, const char *tz, int64_t now)
{
	json_t *a = json_array(), *o;
	char when[GV_TIME_BUFSZ], iso[GV_TIME_BUFSZ], left[GV_TIME_BUFSZ];
	size_t i;

	for (i = 0; i < c->n; i++) {
		o = json_pack(
		        "{s:s, s:s, s:s, s:s, s:b, s:s, s:b}", "what",
		        c->v[i].what, "at",
		        gv_time_format(when, c->v[i].at, GV_TIME_HUMAN), "iso",
		        gv_time_format(iso, c->v[i].at, GV_TIME_ISO), "rule",
		        c->v[i].rule, "open", c->v[i].open, "countdown",
		        gv_duration_format(left, sizeof(left), now, c->v[i].at),
		        "overdue", c->v[i].open && c->v[i].at < now);
		view_local(o, c->v[i].at, tz);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
view_versions(const struct gv_ballot *b)
{
	json_t *a = json_array();
	char when[GV_TIME_BUFSZ];
	size_t i;

	for (i = 0; i < b->nversions; i++)
		json_array_append_new(
		        a,
		        json_pack("{s:i, s:s, s:s?, s:s?, s:s?, s:s?, s:s?}",
		                  "n", b->versions[i].n, "posted",
		                  gv_time_format(when, b->versions[i].posted_at,
		                                 GV_TIME_HUMAN),
		                  "url", b->versions[i].url, "hash",
		                  b->versions[i].hash, "repo",
		                  b->versions[i].repo, "base",
		                  b->versions[i].base, "head",
		                  b->versions[i].head));
	return a;
}

static json_t *
view_ballot_core(const struct gv_ballot *b, const struct gv_body *body)
{
	json_t *endorsers = json_array();
	struct gv_buf text = GV_BUF_INIT;
	char *joined;
	json_t *o;
	size_t i;

	for (i = 0; i < b->nendorsers; i++) {
		json_array_append_new(
		        endorsers, json_pack("{s:s}", "name", b->endorsers[i]));
		gv__buf_printf(&text, "%s%s", i ? " and " : "",
		               b->endorsers[i]);
	}
	joined = gv__buf_detach(&text);
	o = json_pack("{s:s, s:s, s:s, s:s, s:b, s:b, s:s, s:s?, s:o, s:s,"
	              " s:i, s:o}",
	              "number", b->number, "title", b->title, "kind", b->kind,
	              "kind_text", kind_text(b->kind), "is_fg",
	              !strcmp(b->kind, "fg"), "is_guideline",
	              strcmp(b->kind, "other") != 0, "state",
	              gv_ballot_state_name(b->state), "proposer", b->proposer,
	              "endorsers", endorsers, "endorsers_text", joined,
	              "version",
	              b->nversions ? b->versions[b->nversions - 1].n : 0,
	              "versions", view_versions(b));
	free(joined);
	json_object_set_new(o, "dates", view_dates(b, body->tz, DATES_UTC));
	json_object_set_new(o, "dates_local",
	                    view_dates(b, body->tz, DATES_LOCAL));
	json_object_set_new(o, "dates_both",
	                    view_dates(b, body->tz, DATES_BOTH));
	json_object_set_new(o, "purpose",
	                    b->purpose ? json_string(b->purpose) : json_null());
	json_object_set_new(o, "review_days",
	                    json_integer(!strcmp(b->kind, "fg") ? 60 : 30));
	json_object_set_new(o, "exclusions", json_integer(b->exclusions));
	json_object_set_new(o, "has_exclusions",
	                    json_boolean(b->exclusions > 0));
	return o;
}

int
gv__view_ballot(json_t **out, struct gv_db *db, const char *ref, int redline)
{
	struct gv_ballot *b = NULL;
	struct gv_body body = {0};
	struct gv_tally *t = NULL;
	struct gv_clocks clocks;
	char as_of[GV_TIME_BUFSZ];
	json_t *doc, *motion = NULL;
	int error;

	*out = NULL;
	if ((error = gv_ballot_get(&b, db, ref)) < 0 ||
	    (error = gv_body_get(&body, db, b->body)) < 0 ||
	    (error = gv_ballot_clocks(&clocks, db, b, gv_db_now(db))) < 0 ||
	    (error = gv_ballot_tally(&t, db, ref)) < 0 ||
	    (error = gv__view_motion(&motion, db, b, redline)) < 0)
		goto out;
	/* IPR 4.3: exclusion notices go to the Forum Chair, copied to the
	 * WG Chair and the public list. */
	doc = json_pack(
	        "{s:s, s:s, s:{s:s, s:s, s:s?, s:s}, s:o, s:o, s:o, s:s}",
	        "generator", "gavel " GV_VERSION, "as_of",
	        gv_time_format(as_of, gv_db_now(db), GV_TIME_HUMAN), "body",
	        "code", body.code, "name", body.name, "list", body.list_addr,
	        "tz", body.tz, "ballot", view_ballot_core(b, &body), "clocks",
	        view_clocks(&clocks, body.tz, gv_db_now(db)), "tally",
	        gv__view_tally(t), "exclusion_notices_to",
	        "the CA/Browser Forum Chair, with copies to the Chair of the "
	        "working group and to its public mailing list");
	json_object_set_new(doc, "title",
	                    json_pack("s+++", b->number, ": ", b->title, ""));
	json_object_set_new(doc, "motion", motion);
	*out = doc;
out:
	gv_tally_free(t);
	gv_body_dispose(&body);
	gv_ballot_free(b);
	return error;
}

int
gv_view_ballot_json(char **out, struct gv_db *db, const char *ref)
{
	json_t *doc = NULL;
	int error;

	*out = NULL;
	if ((error = gv__view_ballot(&doc, db, ref, 0)) < 0)
		return error;
	return gv__view_dump(out, doc, 0);
}

static json_t *
view_deadline(const struct gv_deadline *d, int64_t now)
{
	char iso[GV_TIME_BUFSZ], left[GV_TIME_BUFSZ];

	json_t *o = json_pack(
	        "{s:s, s:s, s:s, s:s, s:s, s:s?, s:b, s:s}", "time",
	        gv_time_format(iso, d->at, GV_TIME_ISO), "subject", d->subject,
	        "title", d->title, "what", d->what, "rule", d->rule, "state",
	        d->state, "overdue", d->overdue, "countdown",
	        gv_duration_format(left, sizeof(left), now, d->at));

	json_object_set_new(o, "tz", json_string(d->tz));
	view_local(o, d->at, d->tz);
	return o;
}

int
gv_view_deadlines_json(char **out, const struct gv_deadline_list *l,
                       int64_t now)
{
	json_t *doc = json_array();
	size_t i;

	for (i = 0; i < l->n; i++)
		json_array_append_new(doc, view_deadline(&l->v[i], now));
	return gv__view_dump(out, doc, 0);
}

int
gv_view_ballots_json(char **out, const struct gv_ballot_list *list,
                     const struct gv_deadline_list *deadlines, int64_t now)
{
	json_t *doc = json_array();
	const struct gv_deadline *next;
	size_t i;

	for (i = 0; i < list->n; i++) {
		const struct gv_ballot *b = list->v[i];

		next = gv_deadline_next(deadlines, b->number);
		json_array_append_new(
		        doc,
		        json_pack("{s:s, s:s, s:s, s:s, s:s, s:o}", "ballot",
		                  b->number, "body", b->body, "title", b->title,
		                  "kind", b->kind, "state",
		                  gv_ballot_state_name(b->state), "next",
		                  next ? view_deadline(next, now)
		                       : json_null()));
	}
	return gv__view_dump(out, doc, 0);
}

int
gv_view_review_json(char **out, const struct gv_review_list *l)
{
	json_t *notes = json_array(), *doc;
	size_t i, s;

	for (i = 0; i < l->n; i++) {
		const struct gv_review_note *n = &l->v[i];
		json_t *spans = json_array();

		for (s = 0; s < n->nspans; s++)
			json_array_append_new(
			        spans,
			        json_pack("{s:s, s:s}", "kind",
			                  n->spans[s].kind == GV_SPAN_DEL
			                          ? "del"
			                  : n->spans[s].kind == GV_SPAN_INS
			                          ? "ins"
			                          : "same",
			                  "text", n->spans[s].text));
		json_array_append_new(
		        notes,
		        json_pack("{s:I, s:i, s:s, s:i, s:o, s:b, s:s?, s:s?,"
		                  " s:s, s:s?, s:o}",
		                  "id", (json_int_t)n->id, "version",
		                  n->version, "path", n->path, "line", n->line,
		                  "now",
		                  n->now ? json_integer(n->now) : json_null(),
		                  "orphaned", !n->now, "section", n->section,
		                  "author", n->author, "body", n->body, "text",
		                  n->text, "spans", spans));
	}
	doc = json_pack("{s:s, s:i, s:o}", "ballot", l->ballot, "version",
	                l->version, "notes", notes);
	return gv__view_dump(out, doc, 0);
}
