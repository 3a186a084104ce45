/* SPDX-License-Identifier: MIT */
/*
 * This file implements the data of the digest of what is due
 * (templates/remind.md, `gavel remind`): every open clock from the one
 * deadline function (gv_deadlines), sorted into what a secretary acts on
 * (notices owed, votes closing, IPR reviews ending, ...), the minutes
 * awaiting approval, and the next call with its agenda. Nothing here
 * computes a date: the clocks are gv_deadlines', the minutes' state
 * gv_meeting_list's.
 */
#include <stdlib.h>
#include <string.h>

#include "gavel/ballot.h"
#include "gavel/deadlines.h"
#include "gavel/gavel.h"
#include "gavel/meeting.h"
#include "gavel/time.h"
#include "gavel/zone.h"
#include "internal.h"
#include "view.h"

/* The digest's groups of ballot clocks, in the order it lists them. */
enum group { OVERDUE, NOTICES, VOTES, REVIEWS, DISCUSSIONS, PUBLICATION };
static const char *const group_keys[] = {
        "overdue", "notices", "votes", "reviews", "discussions", "publication",
};
#define NGROUPS (sizeof(group_keys) / sizeof(group_keys[0]))

static enum group
group_of(const struct gv_deadline *d)
{
	if (d->overdue)
		return OVERDUE;
	switch ((enum gv_clock_kind)d->clock) {
	case GV_CLOCK_RESULTS_DUE:
	case GV_CLOCK_REVIEW_NOTICE_DUE:
	case GV_CLOCK_REVIEW_NOTICE_VICE_CHAIR:
	case GV_CLOCK_OUTCOME_NOTICE_DUE:
		return NOTICES;
	case GV_CLOCK_VOTE_CLOSES:
		return VOTES;
	case GV_CLOCK_REVIEW_ENDS:
		return REVIEWS;
	case GV_CLOCK_PUBLICATION_DUE:
		return PUBLICATION;
	default:
		return DISCUSSIONS;
	}
}

static json_t *
remind_clock(const struct gv_deadline *d, int64_t now)
{
	char both[GV_BOTH_BUFSZ], left[GV_TIME_BUFSZ];

	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "subject",
	                 d->subject, "title", d->title, "what", d->what, "rule",
	                 d->rule, "when",
	                 gv_time_format_both(both, d->at, d->tz), "left",
	                 gv_duration_format(left, sizeof(left), now, d->at),
	                 "overdue", d->overdue);
}

/* A group as {any, items}, so a template shows its heading only when
 * something is in it. */
static json_t *
remind_group(void)
{
	return json_pack("{s:b, s:[]}", "any", 0, "items");
}

static void
remind_group_add(json_t *group, json_t *item)
{
	json_array_append_new(json_object_get(group, "items"), item);
	json_object_set_new(group, "any", json_true());
}

/* The next call of a body, with its agenda when it is scheduled. */
static json_t *
remind_call(struct gv_db *db, const struct gv_deadline *d)
{
	struct gv_meeting_detail *m = NULL;
	json_t *call, *items = json_array();
	char both[GV_BOTH_BUFSZ];
	size_t i;

	call = json_pack("{s:s, s:s, s:o, s:s}", "body", d->subject, "name",
	                 d->title, "when", gv__view_when(d->at, d->tz), "both",
	                 gv_time_format_both(both, d->at, d->tz));
	if (d->meeting > 0 && gv_meeting_get(&m, db, d->meeting) == 0) {
		for (i = 0; i < m->nitems; i++)
			json_array_append_new(
			        items,
			        json_pack("{s:i, s:s}", "n", m->items[i].pos,
			                  "title", m->items[i].title));
		json_object_set_new(call, "meeting",
		                    json_integer((json_int_t)d->meeting));
	}
	json_object_set_new(call, "has_items",
	                    json_boolean(json_array_size(items) > 0));
	json_object_set_new(call, "items", items);
	gv_meeting_detail_free(m);
	return call;
}

/* Minutes still a draft: approved at a later meeting, or final three
 * weeks after the draft when no meeting comes in them (BYL 5.1(1)). */
static int
remind_minutes(json_t *doc, struct gv_db *db, const char *body)
{
	struct gv_meeting_filter filter = {body, 0, NULL};
	struct gv_meeting_list *list = NULL;
	json_t *group = remind_group(), *when;
	char both[GV_BOTH_BUFSZ];
	size_t i;
	int error;

	if ((error = gv_meeting_list(&list, db, &filter)) < 0) {
		json_decref(group);
		return error;
	}
	for (i = 0; i < list->n; i++) {
		const struct gv_meeting *m = &list->v[i];
		json_t *item;

		if (m->minutes != GV_MINUTES_DRAFT)
			continue;
		when = gv__view_when(m->starts_at, m->tz);
		item = json_pack("{s:I, s:s, s:s?, s:s, s:O}", "id",
		                 (json_int_t)m->id, "body", m->body,
		                 "subcommittee", m->subcommittee, "kind_word",
		                 m->kind == GV_MEETING_F2F
		                         ? "face-to-face meeting"
		                         : "teleconference",
		                 "when", when);
		json_decref(when);
		if (m->minutes_final_at >= 0)
			json_object_set_new(
			        item, "final_at",
			        json_string(gv_time_format_both(
			                both, m->minutes_final_at, m->tz)));
		remind_group_add(group, item);
	}
	gv_meeting_list_free(list);
	json_object_set_new(doc, "minutes", group);
	return 0;
}

/* The summary line: "1 overdue, 4 due within 14 days". */
static json_t *
remind_summary(int overdue, int due, int within)
{
	struct gv_buf b = GV_BUF_INIT;
	json_t *summary;
	char *text;

	if (overdue)
		gv__buf_printf(&b, "%d overdue, ", overdue);
	else
		gv__buf_puts(&b, "nothing overdue, ");
	if (due)
		gv__buf_printf(&b, "%d due", due);
	else
		gv__buf_puts(&b, "nothing due");
	if (within > 0)
		gv__buf_printf(&b, " within %d day%s", within,
		               within == 1 ? "" : "s");
	text = gv__buf_detach(&b);
	summary = json_string(text);
	free(text);
	return summary;
}

int
gv__view_remind(json_t **out, struct gv_db *db, const char *body, int within)
{
	struct gv_deadline_list *dl = NULL;
	struct gv_body b = {0};
	json_t *doc, *groups[NGROUPS], *calls;
	char now_text[GV_TIME_BUFSZ];
	int64_t now = gv_db_now(db);
	int error, overdue = 0, due = 0;
	size_t i;

	*out = NULL;
	if ((body && (error = gv_body_get(&b, db, body)) < 0) ||
	    (error = gv_deadlines(&dl, db, b.code, within)) < 0) {
		gv_body_dispose(&b);
		return error;
	}
	doc = json_pack("{s:s, s:s, s:i}", "generator", "gavel " GV_VERSION,
	                "as_of", gv_time_format(now_text, now, GV_TIME_HUMAN),
	                "within_days", within > 0 ? within : 0);
	if (body)
		json_object_set_new(doc, "body",
		                    json_pack("{s:s, s:s}", "code", b.code,
		                              "name", b.name));
	for (i = 0; i < NGROUPS; i++)
		groups[i] = remind_group();
	calls = remind_group();
	for (i = 0; i < dl->n; i++) {
		const struct gv_deadline *d = &dl->v[i];

		if (d->clock < 0) {
			remind_group_add(calls, remind_call(db, d));
			continue;
		}
		overdue += d->overdue;
		due += !d->overdue;
		remind_group_add(groups[group_of(d)], remind_clock(d, now));
	}
	for (i = 0; i < NGROUPS; i++)
		json_object_set_new(doc, group_keys[i], groups[i]);
	json_object_set_new(doc, "calls", calls);
	json_object_set_new(doc, "overdue_count", json_integer(overdue));
	json_object_set_new(doc, "summary",
	                    remind_summary(overdue, due, within));
	gv_deadline_list_free(dl);
	gv_body_dispose(&b);
	if ((error = remind_minutes(doc, db, body)) < 0) {
		json_decref(doc);
		return error;
	}
	*out = doc;
	return 0;
}
