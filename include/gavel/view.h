/* SPDX-License-Identifier: MIT */
/*
 * This file declares the view builders: the one place where store objects
 * become documents, for `--format json` now and as template data later.
 * Each returns a JSON text (UTF-8; control characters escaped).
 */
#ifndef GV_VIEW_H
#define GV_VIEW_H

#include <stdint.h>

struct gv_body_list;
struct gv_org_list;
struct gv_person_list;
struct gv_template_list;
struct gv_meeting_list;
struct gv_baseline;
struct gv_tally;
struct gv_db;
struct gv_deadline_list;
struct gv_review_list;
struct gv_holiday_list;

/* Each writes a JSON array into *out (caller frees with free()); 0 or
 * GV_ERROR. */
int gv_view_bodies_json(char **out, const struct gv_body_list *list);
/* One body, as an object of gv_view_bodies_json's array. */
struct gv_body;
int gv_view_body_json(char **out, const struct gv_body *body);
int gv_view_orgs_json(char **out, const struct gv_org_list *list);
int gv_view_people_json(char **out, const struct gv_person_list *list);
int gv_view_templates_json(char **out, const struct gv_template_list *list);
int gv_view_meetings_json(char **out, const struct gv_meeting_list *list);
int gv_view_baseline_json(char **out, const struct gv_baseline *baseline);
int gv_view_tally_json(char **out, const struct gv_tally *tally);
int gv_view_deadlines_json(char **out, const struct gv_deadline_list *list,
                           int64_t now);
/* Ballots as `ballot list` shows them: state and the next deadline
 * (gv_deadline_next of deadlines), or null. */
struct gv_ballot_list;
int gv_view_ballots_json(char **out, const struct gv_ballot_list *list,
                         const struct gv_deadline_list *deadlines, int64_t now);
int gv_view_review_json(char **out, const struct gv_review_list *list);
/* A body's holidays: date, weekday and name of each. */
int gv_view_holidays_json(char **out, const char *body,
                          const struct gv_holiday_list *list);
/* A ballot in full: versions, clocks, tally (the notices' data). */
int gv_view_ballot_json(char **out, struct gv_db *db, const char *ref);
/* One meeting as its templates see it (the data of minutes.md). */
int gv_view_meeting_json(char **out, struct gv_db *db, int64_t id);
/* Issues as listed or found (search hits carry snippet spans), and one
 * issue's whole story (REF as gv_issue_story takes it, with its body). */
struct gv_issue;
struct gv_issue_list;
int gv_view_issues_json(char **out, const struct gv_issue_list *list);
/* One issue of a list as gv_view_issues_json writes it inside its array
 * (indented one level, no comma), for a list printed as it is read. */
int gv_view_issue_item_json(char **out, const struct gv_issue *issue);
int gv_view_issue_json(char **out, struct gv_db *db, const char *ref);
/* The next meeting of body (meeting -1: a cadence slot). */
int gv_view_next_json(char **out, const char *body, const char *tz,
                      int64_t when, int64_t meeting);

#endif
