/* SPDX-License-Identifier: MIT */
/*
 * This file declares meetings: a body's calls and face-to-face meetings,
 * their schedule, roll call, agenda and notes, the minutes' approval chain
 * (BYL 5.1(1)) and the attendance that quorum is computed from (BYL 2.3(7)).
 */
#ifndef GV_MEETING_H
#define GV_MEETING_H

#include <stddef.h>
#include <stdint.h>

#include "gavel/roster.h"

struct gv_db;

enum gv_meeting_kind {
	GV_MEETING_CALL, /* a teleconference */
	GV_MEETING_F2F,  /* a face-to-face meeting */
};

struct gv_meeting_spec {
	const char *body;  /* the body's code */
	int64_t starts_at; /* UTC */
	const char *tz;    /* the zone its time is announced in; NULL: body's */
	enum gv_meeting_kind kind;
	const char *title;        /* or NULL */
	const char *subcommittee; /* or NULL: a meeting of the body itself */
	int bare;                 /* nonzero: no standard agenda items */
};

/*
 * Adds a scheduled meeting with the body's standard agenda items
 * (agenda-items.txt on the body's template path). Returns 0 (its id in
 * *id_out), GV_ENOTFOUND (body), GV_EINVALID (zone, title) or GV_EEXISTS
 * (the body, or the same subcommittee, already has a meeting at that
 * start, cancelled or not: the message names it).
 */
int gv_meeting_add(int64_t *id_out, struct gv_db *db,
                   const struct gv_meeting_spec *spec);

/* Cancels a meeting; reason (or NULL) is reported by the minutes of the
 * body's next held meeting. Returns 0, GV_ENOTFOUND or GV_ECONFLICT
 * (already cancelled, or it has a roll call: it was held). */
int gv_meeting_cancel(struct gv_db *db, int64_t id, const char *reason);

enum gv_attend_flags {
	GV_ATTEND_CREATE = 1 << 0, /* create unknown people and organisations */
};

/* What a roll call matched and did not. */
struct gv_roll_call {
	int recorded;       /* attendees recorded (new or already there) */
	int already;        /* of them, those already on the roll call */
	int created_people; /* with GV_ATTEND_CREATE */
	int created_orgs;
	char **unmatched; /* names it could not match (owned) */
	size_t nunmatched;
	char **rejected; /* entries of a line that are no name (owned) */
	size_t nrejected;
};

/*
 * Records attendance: each of names[0..n) is written as minutes write it,
 * "Name (Organisation)" or "Name - (Organisation)", and matched without
 * regard to case and accents, as of the meeting's day: "Name
 * (Organisation)" is the person of that name who was ever there, else the
 * only person of that name, who has moved (the new affiliation is
 * recorded); a bare "Name" attends for the organisation the person had
 * that day. Unknown people (and organisations, which join the body with
 * class "unknown") are created only with GV_ATTEND_CREATE; otherwise any
 * unmatched name makes the whole call fail with GV_ENOTFOUND, recording
 * nothing, and *result lists them. A name several people have is
 * GV_ECONFLICT. Caller disposes *result with gv_roll_call_dispose() in
 * every case.
 */
int gv_meeting_attend(struct gv_roll_call *result, struct gv_db *db, int64_t id,
                      const char *const *names, size_t n, unsigned flags);

/*
 * The same for the attendee line as minutes write it and a secretary
 * pastes it: "Albert de Ruiter (Logius PKIoverheid), Andrea Holland
 * (VikingCloud), ..." (an "Attendees:" label may lead), split as the
 * minutes importer splits it. An entry that does not read as a person's
 * name is GV_EINVALID, recording nothing, and *result lists them in
 * rejected.
 */
int gv_meeting_attend_line(struct gv_roll_call *result, struct gv_db *db,
                           int64_t id, const char *line, unsigned flags);
void gv_roll_call_dispose(struct gv_roll_call *result);

/* Removes people from the roll call (the inverse of attend). */
int gv_meeting_unattend(struct gv_db *db, int64_t id, const char *const *names,
                        size_t n);

/* Sets the minute-taker (a known person, "Name (Organisation)"). */
int gv_meeting_set_taker(struct gv_db *db, int64_t id, const char *who);

/* Adds an agenda item at the end; returns its position in *pos_out. */
int gv_meeting_add_item(int *pos_out, struct gv_db *db, int64_t id,
                        const char *title);

/*
 * Adds an agenda item before the item before names (its position, "6",
 * or the start of its title, "any other"), which moves down one with
 * those after it: discussion items go ahead of "Any other business" and
 * "Next call" (RULES §7). NULL before: at the end. Returns 0 (its
 * position in *pos_out), GV_ENOTFOUND (meeting, item) or GV_EINVALID.
 */
int gv_meeting_insert_item(int *pos_out, struct gv_db *db, int64_t id,
                           const char *title, const char *before);

/*
 * Appends Markdown notes to an agenda item. item is its position ("5") or
 * the start of its title, in any case ("discussion"). Returns 0,
 * GV_ENOTFOUND or GV_EINVALID.
 */
int gv_meeting_note(struct gv_db *db, int64_t id, const char *item,
                    const char *notes_md);

/* Links an agenda item to an issue (number, > 0) or a ballot ("SMC011"). */
int gv_meeting_link(struct gv_db *db, int64_t id, const char *item,
                    int64_t issue, const char *ballot);

/*
 * Records that the minutes of meeting id were approved at the later
 * meeting approved_in (both meetings show it), an act of time at (-1: the
 * clock's now). BYL 5.1(1): approved_in is a later meeting of the same
 * body, not cancelled, that had begun by at, which is no later than now;
 * meeting id was not cancelled. Returns 0, GV_ENOTFOUND, GV_EINVALID
 * (any of those, saying which) or GV_ECONFLICT (already approved).
 */
int gv_minutes_approve(struct gv_db *db, int64_t id, int64_t approved_in,
                       int64_t at);

/* Records when draft minutes were circulated (starts the 3-week clock). */
int gv_minutes_drafted(struct gv_db *db, int64_t id, int64_t at);

/* Minutes states (RULES §4, BYL 5.1(1)). */
enum gv_minutes_state {
	GV_MINUTES_DRAFT,
	GV_MINUTES_APPROVED, /* at a later meeting */
	GV_MINUTES_FINAL,    /* 3 weeks after the draft, no meeting in them
	                        (an added one or a call of the cadence) */
	GV_MINUTES_NONE,     /* not held as recorded: scheduled, cancelled,
	                        or no roll call */
};
const char *gv_minutes_state_name(enum gv_minutes_state state);

/*
 * Whether meeting id has minutes to render: a roll call, or minutes
 * imported with it. Returns 0, GV_ENOTFOUND, or GV_EINVALID (cancelled,
 * not yet started, or no roll call: the message says how to record it).
 */
int gv_minutes_ready(struct gv_db *db, int64_t id);

struct gv_meeting {
	int64_t id;
	char *body; /* code */
	int64_t starts_at;
	char *tz;
	enum gv_meeting_kind kind;
	char *status;       /* "scheduled", "held" (its start has passed, by the
	                       clock, and it has a roll call), "no roll call"
	                       (passed, no attendance recorded) or
	                       "cancelled" */
	char *title;        /* or NULL */
	char *subcommittee; /* or NULL */
	char *cancel_reason; /* or NULL */
	char *minute_taker;  /* or NULL */
	int attendees;
	int voting_orgs; /* voting members present, as of that day */
	enum gv_minutes_state minutes;
	int64_t minutes_final_at; /* when draft minutes become final, or -1 */
	int64_t minutes_next_at;  /* a draft's: the start of the meeting
	                             scheduled within 3 weeks of it (added, or
	                             a call of the cadence) that is to approve
	                             it, or -1 */
	int64_t approved_in;      /* meeting id, or -1 */
	int64_t approved_at;      /* its start, or -1 */
};

struct gv_meeting_list {
	struct gv_meeting *v;
	size_t n;
};

struct gv_meeting_filter {
	const char *body; /* a body's code, or NULL */
	int64_t issue;    /* meetings that discussed this issue number, or 0 */
	const char *ballot; /* meetings that discussed this ballot, or NULL */
};

/* Meetings by time. Caller frees *out with gv_meeting_list_free(). */
int gv_meeting_list(struct gv_meeting_list **out, struct gv_db *db,
                    const struct gv_meeting_filter *filter);
void gv_meeting_list_free(struct gv_meeting_list *list);

/* Whether m, as read, can be cancelled: 0, or GV_ECONFLICT with the
 * reason in gv_error_last() (already cancelled, or it has a roll call:
 * it was held). gv_meeting_cancel refuses by this. */
int gv_meeting_cancellable(const struct gv_meeting *m);

struct gv_attendee {
	char *name;
	char *org;           /* or NULL */
	enum gv_class klass; /* in the body, as of the meeting */
	int voting;          /* an active voting member that day */
};

struct gv_agenda_item {
	int pos;
	char *title;
	char *role;  /* roll-call, antitrust, agenda, approval, discussion,
	                other-business, next-call, or NULL */
	char *notes; /* Markdown, or NULL */
	char *links; /* "#263, SMC011", or NULL */
};

struct gv_meeting_detail {
	struct gv_meeting meeting;
	struct gv_attendee *attendees; /* by name */
	size_t nattendees;
	struct gv_agenda_item *items; /* by position */
	size_t nitems;
	int64_t *approves; /* meetings whose minutes this one approved */
	size_t napproves;
	char *minutes_md; /* imported minutes text, or NULL */
	char *source;     /* the file they came from, or NULL */
};

/* Nonzero when attendee i is the first one listed for their organisation
 * (to list the organisations present once each). */
int gv_attendee_org_first(const struct gv_meeting_detail *d, size_t i);

/* One meeting in full. Caller frees with gv_meeting_detail_free(). */
int gv_meeting_get(struct gv_meeting_detail **out, struct gv_db *db,
                   int64_t id);
void gv_meeting_detail_free(struct gv_meeting_detail *detail);

/*
 * The body's next meeting after the instant after: the earliest scheduled
 * meeting, or the next slot of its cadence that was not cancelled. *id_out
 * is the meeting's id, or -1 for a cadence slot with no meeting yet.
 * Returns 0, GV_ENOTFOUND (no cadence and nothing scheduled).
 */
int gv_meeting_next(int64_t *starts_at, int64_t *id_out, struct gv_db *db,
                    const char *body, int64_t after);

/* The quorum baseline of BYL 2.3(7) (RULES §5.3). */
struct gv_baseline {
	int64_t meetings[3]; /* the previous three held meetings used */
	int64_t starts[3];
	int present[3]; /* voting-member organisations at each */
	size_t n;       /* how many were found (3 unless history ends) */
	double average; /* A */
	int quorum;     /* Q = floor(A / 2) + 1 */
	int skipped;    /* past meetings left out: no roll call recorded */
};

/*
 * The average number of voting-member organisations present at the body's
 * previous three held meetings before the instant before (its own meetings:
 * cancelled ones, subcommittee meetings, meetings with no attendance
 * recorded and meetings still to come by the clock are left out), and the
 * quorum it gives. Returns 0 or
 * GV_ENOTFOUND (no such meeting).
 */
int gv_meeting_baseline(struct gv_baseline *out, struct gv_db *db,
                        const char *body, int64_t before);

/* What importing one file of published minutes did. */
struct gv_import_report {
	char *body;      /* the body's code */
	int64_t meeting; /* its id */
	int64_t day;     /* its day, days since 1970-01-01 */
	int new_meeting; /* created (1) or updated (0) */
	int new_body;
	int attendees;     /* recorded */
	int unresolved;    /* names several people have: in warnings, with
	                      their file and line, not recorded */
	int organisations; /* distinct organisations among them */
	int new_people;
	int new_orgs;
	char *minute_taker; /* as matched, or NULL */
	char **warnings;    /* one line each */
	size_t nwarnings;
};

/*
 * Imports one cabforum.org minutes post (YAML front matter, Markdown) in
 * one transaction: the body (from the tags; created if new), the meeting
 * (from the date in the title or the front matter; the same body and day
 * is updated, never duplicated), its roll call (unknown people and
 * organisations are created, organisations with class "unknown"), the
 * minute-taker when stated, and the minutes text. Returns 0 (caller
 * disposes *report with gv_import_report_dispose()), or GV_EINVALID /
 * GV_ENOTFOUND with a message that names the file; nothing is kept then.
 */
int gv_minutes_import(struct gv_import_report *report, struct gv_db *db,
                      const char *path);
void gv_import_report_dispose(struct gv_import_report *report);

#endif
