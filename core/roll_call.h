/* SPDX-License-Identifier: MIT */
/*
 * This file declares what core shares about people over time: their
 * affiliations (core/affiliation.c) and recording a roll call, finding the
 * person each attendee names as of the meeting's day (core/roll_call.c).
 * The meeting commands and the minutes importer use them.
 */
#ifndef GV_CORE_ROLL_CALL_H
#define GV_CORE_ROLL_CALL_H

#include <stddef.h>
#include <stdint.h>

#include "gavel/meeting.h"
#include "gavel/roster.h"

struct gv_db;

/*
 * Adds a person, in the caller's transaction, with an organisation (its
 * id, or 0) from the instant since; from_start: entered by hand, so it may
 * have held before since too. Returns 0 (id in *id_out) or GV_EINVALID
 * (name).
 */
int gv__person_create(int64_t *id_out, struct gv_db *db, const char *name,
                      int64_t org, const char *email, int64_t since,
                      int from_start);

/* The class of org's membership of body now (core/org.c): *member is 0
 * when it has none. */
int gv__membership_class(int *member, enum gv_class *klass, struct gv_db *db,
                         int64_t org, int64_t body);

/* The organisation person had at the instant at: *org is 0 when none is
 * known (before the first meeting that showed them with one). */
int gv__affiliation_at(int64_t *org, struct gv_db *db, int64_t person,
                       int64_t at);

/*
 * Records, in the caller's transaction, that person was with org at the
 * instant at: nothing when the affiliation in force then is org, else a
 * new affiliation from at (a move when at is later than what is known,
 * earlier history when it is not).
 */
int gv__affiliation_seen(struct gv_db *db, int64_t person, int64_t org,
                         int64_t at);

/* A roll call being recorded, in the caller's transaction. */
struct gv__roll {
	struct gv_db *db;
	int64_t meeting;
	int64_t at;                  /* its start: whose affiliations count */
	char *body;                  /* its body's code; new organisations
	                                join it with class "unknown" */
	unsigned flags;              /* enum gv_attend_flags */
	struct gv_roll_call *result; /* the counts, added to */
	int64_t *person, *org;       /* recorded so far, org 0: none */
	size_t n, alloc;
};

/* Starts a roll call of meeting id. Returns 0, GV_ENOTFOUND or
 * GV_ECONFLICT (the meeting was cancelled). Dispose of roll after. */
int gv__roll_open(struct gv__roll *roll, struct gv_db *db, int64_t id,
                  unsigned flags, struct gv_roll_call *result);
void gv__roll_dispose(struct gv__roll *roll);

/*
 * Finds the person name (with org as written, or NULL) names and records
 * their attendance, with the organisation they attended for. Returns 0
 * (the person in *person, may be NULL), GV_ENOTFOUND (nobody of that name,
 * or a new organisation, without GV_ATTEND_CREATE) or GV_ECONFLICT
 * (several people have that name), with a message, recording nothing.
 */
int gv__roll_add(struct gv__roll *roll, int64_t *person, const char *name,
                 const char *org);

/* The person who ("Name (Organisation)" or "Name") names as of meeting
 * id, changing nothing. Returns 0, GV_ENOTFOUND or GV_ECONFLICT. */
int gv__roll_lookup(int64_t *person, struct gv_db *db, int64_t id,
                    const char *who);

#endif
