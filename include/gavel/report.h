/* SPDX-License-Identifier: MIT */
/*
 * This file declares a body's year in one report, what a chair posts or
 * attaches: its ballots' periods (discussion, voting, IPR review) and
 * results, the attendance and quorum baseline of its meetings, and the
 * tallies. Every figure is read through the functions the other commands
 * use (a ballot's acts and clocks, gv_ballot_tally, gv_meeting_baseline),
 * never computed again; the report is written as one self-contained HTML
 * page with inline SVG drawings, as Markdown or as JSON.
 */
#ifndef GV_REPORT_H
#define GV_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "gavel/ballot.h"
#include "gavel/meeting.h"

struct gv_db;

enum gv_report_phase {
	GV_PHASE_DISCUSSION, /* from the proposal to the vote (or its end) */
	GV_PHASE_VOTING,     /* the 7 days, or until withdrawn */
	GV_PHASE_REVIEW,     /* the IPR review, 60 or 30 days */
};

/* "discussion", "voting", "IPR review" (static). */
const char *gv_report_phase_name(enum gv_report_phase phase);

struct gv_report_period {
	enum gv_report_phase phase;
	int64_t start, end; /* UTC; an end after the report's now is the
	                       clock's date, still ahead */
};

/* One ballot of the year, as of the db's clock. */
struct gv_report_ballot {
	const struct gv_ballot *ballot;     /* borrowed from the report */
	struct gv_report_period periods[3]; /* in time order */
	size_t nperiods;
	int64_t results_at;     /* the results announced, or -1 */
	int64_t ended_at;       /* adopted, rescinded, withdrawn, cancelled or
	                           expired then, or -1 */
	struct gv_tally *tally; /* once voting opened, else NULL (owned) */
};

/* One meeting of the body itself (not a subcommittee's) in the year. */
struct gv_report_meeting {
	const struct gv_meeting *meeting; /* borrowed from the report */
	int has_baseline;                 /* by the clock, with a roll call
	                                     before or at it */
	struct gv_baseline baseline;      /* in force after it: its previous
	                                     three held meetings, it included
	                                     (BYL 2.3(7)) */
};

struct gv_report {
	char *body, *name, *tz; /* code, name, zone */
	int year;
	int64_t from, to; /* [from, to): the year, in UTC */
	int64_t now;      /* the db's clock */
	int has_start_baseline;
	struct gv_baseline start_baseline; /* in force on January 1 */
	struct gv_report_ballot *ballots;  /* by number */
	size_t nballots;
	struct gv_report_meeting *meetings; /* by time */
	size_t nmeetings;
	struct gv_ballot_list *all_ballots;   /* owned */
	struct gv_meeting_list *all_meetings; /* owned */
};

/*
 * The report of body's year (UTC calendar year, 1970 to 9999): each
 * ballot with a proposal, a period, a result or an end in it, each of the
 * body's own meetings in it. Returns 0, GV_ENOTFOUND (body) or
 * GV_EINVALID (year). Caller frees *out with gv_report_free().
 */
int gv_report_build(struct gv_report **out, struct gv_db *db, const char *body,
                    int year);
void gv_report_free(struct gv_report *report);

/* A ballot's state as a sentence says it: "in voting", "IPR review",
 * "failed: no quorum" (static). */
const char *gv_report_state_text(enum gv_ballot_state state);

enum gv_report_format {
	GV_REPORT_HTML, /* one self-contained page, inline SVG, print styles */
	GV_REPORT_MD,   /* tables, for a list post */
	GV_REPORT_JSON, /* the same figures, for scripts */
};

/*
 * Writes the report. Stored text (titles, names) is made safe and
 * escaped for the format. Returns 0 (caller frees *out; *len may be
 * NULL) or GV_ERROR.
 */
int gv_report_write(char **out, size_t *len, const struct gv_report *r,
                    enum gv_report_format format);

#endif
