/* SPDX-License-Identifier: MIT */
/*
 * This file implements sync's state and conflicts as JSON (`gavel sync
 * --status --format json`, `gavel sync --conflicts --format json`).
 */
#include "gavel/sync.h"
#include "gavel/time.h"
#include "gavel/view.h"
#include "internal.h"
#include "view.h"

int
gv_view_sync_json(char **out, const struct gv_sync_state *state,
                  const struct gv_remote *remotes, size_t n)
{
	json_t *list = json_array();
	size_t i;

	for (i = 0; i < n; i++) {
		const struct gv_remote *r = &remotes[i];

		json_array_append_new(
		        list,
		        json_pack("{s:s, s:s, s:o, s:I, s:I, s:I, s:s?}",
		                  "name", r->name, "url", r->url, "synced_at",
		                  gv__view_iso(r->synced_at), "ops_in",
		                  (json_int_t)r->ops_in, "ops_out",
		                  (json_int_t)r->ops_out, "conflicts",
		                  (json_int_t)r->conflicts, "error", r->error));
	}
	return gv__view_dump(out,
	                     json_pack("{s:o, s:I, s:I, s:I, s:o}", "synced_at",
	                               gv__view_iso(state->synced_at), "unsent",
	                               (json_int_t)state->unsent, "held",
	                               (json_int_t)state->held, "conflicts",
	                               (json_int_t)state->conflicts, "remotes",
	                               list),
	                     0);
}

int
gv_view_conflicts_json(char **out, const struct gv_conflict *c, size_t n)
{
	json_t *list = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(
		        list, json_pack("{s:s, s:I, s:s, s:s, s:s, s:o, s:s, "
		                        "s:s?, s:s}",
		                        "id", c[i].id, "lamport",
		                        (json_int_t)c[i].lamport, "actor",
		                        c[i].actor, "body", c[i].part, "kind",
		                        c[i].kind, "at", gv__view_iso(c[i].at),
		                        "status", c[i].status, "reason",
		                        c[i].reason, "source", c[i].source));
	return gv__view_dump(out, list, 0);
}
