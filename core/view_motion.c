/* SPDX-License-Identifier: MIT */
/*
 * This file implements the motion a proposal states (RULES §5.5; BYL
 * 2.3(3), 2.4(1)): the purpose, the latest version's text as recorded,
 * its compare URL, its pinned range and, for a notice, the Markdown
 * redline of that range, so that no notice goes out with a blank where
 * the text belongs. It also names each blank that would remain, for lint.
 */
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "db.h"
#include "gavel/redline.h"
#include "view.h"

/* The text of version n as recorded into *out (NULL when none). */
static int
motion_text(char **out, struct gv_db *db, const struct gv_ballot *b, int n)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*out = NULL;
	if ((rc = gv__db_stmt(&st, db, GV__STMT_BALLOT_VERSION_TEXT)) < 0)
		return rc;
	gv__bind_int(st, 1, b->id);
	gv__bind_int(st, 2, n);
	if ((rc = gv__db_step(db, st)) > 0)
		*out = gv__col_text(st, 0);
	gv__db_reset(st);
	return rc < 0 ? rc : 0;
}

/* The Markdown redline of the latest version's pinned range; on failure
 * (a clone moved away) the reason, so the notice says what is missing. */
static void
motion_redline(json_t *m, struct gv_db *db, const struct gv_ballot *b)
{
	struct gv_redline *r = NULL;
	char *md = NULL;

	if (gv_ballot_redline(&r, db, b->number, 0, NULL) < 0 ||
	    gv_redline_write(&md, NULL, r, GV_REDLINE_MD, 0) < 0)
		json_object_set_new(m, "redline_error",
		                    json_string(gv_error_last()->message));
	else
		json_object_set_new(m, "redline", json_string(md));
	free(md);
	gv_redline_free(r);
}

int
gv__view_motion(json_t **out, struct gv_db *db, const struct gv_ballot *b,
                int redline)
{
	const struct gv_ballot_version *v =
	        b->nversions ? &b->versions[b->nversions - 1] : NULL;
	json_t *m = json_object();
	char *text = NULL;
	int error;

	*out = m;
	json_object_set_new(m, "any",
	                    json_boolean(gv__motion_blank(b) == NULL));
	if (!v)
		return 0;
	if (v->has_text) {
		if ((error = motion_text(&text, db, b, v->n)) < 0) {
			json_decref(m);
			*out = NULL;
			return error;
		}
		if (text)
			json_object_set_new(m, "text", json_string(text));
		free(text);
	}
	if (v->url)
		json_object_set_new(m, "url", json_string(v->url));
	if (v->base)
		json_object_set_new(m, "pin",
		                    json_pack("{s:s, s:s, s:s}", "repo",
		                              v->repo, "base", v->base, "head",
		                              v->head));
	/* A recorded compare URL is what real proposals link; the redline
	 * goes inline only when there is none. */
	if (redline && v->base && !v->url)
		motion_redline(m, db, b);
	return 0;
}

const char *
gv__purpose_blank(const struct gv_ballot *b)
{
	return b->purpose ? NULL : "the purpose of the ballot";
}

const char *
gv__motion_blank(const struct gv_ballot *b)
{
	const struct gv_ballot_version *v =
	        b->nversions ? &b->versions[b->nversions - 1] : NULL;

	return v && (v->has_text || v->url || v->base)
	               ? NULL
	               : "the text of the motion";
}
