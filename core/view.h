/* SPDX-License-Identifier: MIT */
/*
 * This file declares the view builders that make template data: one JSON
 * object per kind of store object, the same for every template and for
 * `--format json`.
 */
#ifndef GV_CORE_VIEW_H
#define GV_CORE_VIEW_H

#include <stdint.h>

#include <jansson.h>

struct gv_db;

/*
 * A body's roster: the body, its member organisations by class (with
 * their voting representatives and people) and the counts. Caller releases
 * *out with json_decref(). Returns 0 or the error of the lookup.
 */
int gv__view_roster(json_t **out, struct gv_db *db, const char *body);

/* One meeting as template data (minutes.md, agenda.md). */
int gv__view_meeting(json_t **out, struct gv_db *db, int64_t id);

/* An instant as announcements write it in zone: date, long_date
 * ("December 18, 2024"), weekday, time, spoken, utc, iso. */
json_t *gv__view_when(int64_t t, const char *zone);

/*
 * Adds to a meeting's data (doc, from gv__view_meeting) what its minutes
 * report beyond its own record: the approval item's "approved",
 * "pending", "none_pending" and "cancelled_since", each item's
 * "linked_issues" and "linked_ballots", and "also_discussed". Returns 0
 * or the error of a lookup.
 */
struct gv_meeting_detail;
int gv__view_minutes(json_t *doc, struct gv_db *db,
                     const struct gv_meeting_detail *d);

/* The ballots of a body in discussion, voting, IPR review or recently
 * decided, as of the instant at, for the minutes' ballot-status block. */
struct gv_body;
json_t *gv__view_ballot_status(struct gv_db *db, const struct gv_body *body,
                               int64_t at);

/* A ballot as its notices see it: dates, clocks, tally, the motion (with
 * the Markdown redline of its pinned range when redline is set). */
int gv__view_ballot(json_t **out, struct gv_db *db, const char *ref,
                    int redline);

/* The motion of a ballot's latest version (core/view_motion.c). */
struct gv_ballot;
int gv__view_motion(json_t **out, struct gv_db *db, const struct gv_ballot *b,
                    int redline);

/* What is due as of the db's clock (templates/remind.md's data): the
 * open clocks of body's ballots (NULL: every body's) due within so many
 * days (0: all) and every overdue one, sorted into groups, the minutes
 * awaiting approval and the next calls with their agendas. */
int gv__view_remind(json_t **out, struct gv_db *db, const char *body,
                    int within);

/* An issue and its timeline (templates/issue.md's data). */
int gv__view_issue(json_t **out, struct gv_db *db, const char *ref);

/* Writes doc as a `--format json` document into *out (caller frees) and
 * releases doc. flags: 0 for keys in the order built, else jansson's
 * (JSON_ENSURE_ASCII). Returns 0 or GV_ERROR. */
/* An instant as ISO 8601 UTC, or null when t < 0 (none). */
json_t *gv__view_iso(int64_t t);

int gv__view_dump(char **out, json_t *doc, size_t flags);

/* A meeting as `meeting list --format json` lists it, and a quorum
 * baseline as `meeting baseline --format json` prints it. */
struct gv_meeting;
struct gv_baseline;
json_t *gv__view_meeting_row(const struct gv_meeting *m);
json_t *gv__view_baseline(const struct gv_baseline *b);

/* A tally: the object of DESIGN.md's `ballot tally --format json`. */
struct gv_tally;
json_t *gv__view_tally(const struct gv_tally *t);

#endif
