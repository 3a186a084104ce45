/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the demo's files share (core/demo.c loads the
 * working group's record, core/demo_clock.c moves its dates,
 * core/demo_today.c places it at the clock's week with ballots in every
 * period): where the demo's dates go.
 */
#ifndef GV_CORE_DEMO_INTERNAL_H
#define GV_CORE_DEMO_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

struct gv_db;

/*
 * Where the demo's dates go. Every instant moves by shift seconds, a
 * whole number of weeks, so weekdays, meetings' wall clocks and business
 * days stay as recorded; a meeting's wall clock moves by as many days.
 * What is dated after until is left out, as not happened yet.
 */
struct gv__demo_clock {
	int64_t shift; /* seconds, a multiple of 7 days */
	int64_t until; /* INT64_MAX: keep everything */
};

/* The instant text names, moved: -1 when text is NULL. */
int gv__demo_time(int64_t *out, const char *text,
                  const struct gv__demo_clock *clk);

/* Days since 1970-01-01, moved. */
int64_t gv__demo_day(int64_t day, const struct gv__demo_clock *clk);

/*
 * text with its dates moved (owned; NULL for NULL): "{{day 2024-12-22}}"
 * is written "December 22", "{{date 2025-01-01}}" "January 1, 2025" and
 * "{{iso 2024-12-18}}" "2024-12-18", each the day moved. An unknown or
 * malformed placeholder is GV_EINVALID, so the document cannot leave one
 * in what it stores.
 */
int gv__demo_text(char **out, const char *text,
                  const struct gv__demo_clock *clk);

/* Loads a demo document (templates/demo.json's shape) with its dates
 * moved, inside the caller's transaction. */
int gv__demo_apply(struct gv_db *db, json_t *doc,
                   const struct gv__demo_clock *clk);

/* The built-in document name, parsed (caller decrefs), or an error. */
int gv__demo_builtin(json_t **out, const char *name);

/* A demo ballot's identifier ("SMC011") from its "body" and "number". */
int gv__demo_ballot_ref(char *ref, size_t n, struct gv_db *db, json_t *ballot);

/* A demo ballot's "votes" ({"org", "value", "at"}), those cast by
 * clk->until. */
int gv__demo_votes(struct gv_db *db, json_t *ballot,
                   const struct gv__demo_clock *clk);

#endif
