/* SPDX-License-Identifier: MIT */
/*
 * This file implements the ballots' view builders. For now: the status
 * block minutes carry (SCWG minutes group ballots as passed, in voting, in
 * discussion and under IPR review; RULES §7), from each ballot's recorded
 * state and instants.
 */
#include <string.h>

#include <jansson.h>

#include "db.h"
#include "gavel/ballot.h"
#include "gavel/roster.h"
#include "gavel/time.h"
#include "view.h"

static const struct {
	const char *state, *label, *until;
} groups[] = {
        {"discussion", "In discussion", "discussion ends"},
        {"voting", "In voting", "voting ends"},
        {"ipr_review", "Under IPR review", "review ends"},
        {"passed", "Passed", NULL},
        {"adopted", "Adopted", NULL},
};

/* The instant a ballot in state waits for: end of discussion, of voting,
 * of review (columns 5, 3, 4 of BALLOT_STATUS). */
static int64_t
status_until(sqlite3_stmt *st, const char *state)
{
	int col = !strcmp(state, "discussion")   ? 5
	          : !strcmp(state, "voting")     ? 3
	          : !strcmp(state, "ipr_review") ? 4
	                                         : -1;

	if (col < 0 || sqlite3_column_type(st, col) == SQLITE_NULL)
		return -1;
	return sqlite3_column_int64(st, col);
}

json_t *
gv__view_ballot_status(struct gv_db *db, const struct gv_body *body)
{
	json_t *lists[sizeof(groups) / sizeof(groups[0])], *out = json_array();
	sqlite3_stmt *st = gv__db_stmt(db, GV__STMT_BALLOT_STATUS);
	char number[32], until[GV_TIME_BUFSZ];
	size_t g, total = 0;

	for (g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
		lists[g] = json_array();
	if (st) {
		gv__bind_int(st, 1, body->id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *state =
			        (const char *)sqlite3_column_text(st, 2);
			int64_t t;

			for (g = 0; strcmp(groups[g].state, state); g++)
				;
			gv_ballot_format_number(number, sizeof(number),
			                        body->prefix, body->id_width,
			                        sqlite3_column_int64(st, 0));
			t = status_until(st, state);
			json_array_append_new(
			        lists[g],
			        json_pack("{s:s, s:s, s:s?, s:s?}", "number",
			                  number, "title",
			                  (const char *)sqlite3_column_text(st,
			                                                    1),
			                  "until_label",
			                  t >= 0 ? groups[g].until : NULL,
			                  "until",
			                  t >= 0 ? gv_time_format(until, t,
			                                          GV_TIME_HUMAN)
			                         : NULL));
			total++;
		}
		gv__db_reset(st);
	}
	for (g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
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
