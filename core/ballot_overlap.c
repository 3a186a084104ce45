/* SPDX-License-Identifier: MIT */
/*
 * This file implements the check that two pending ballots do not amend the
 * same section unawares: "a Ballot that touches the same section as an
 * earlier Ballot that is not yet final must reference and link to it"
 * (BYL 2.4(10); RULES §2). The sections a ballot changes are those of the
 * changed lines of its latest pinned redline.
 */
#include <stdlib.h>
#include <string.h>

#include "ballot_internal.h"
#include "gavel/redline.h"
#include "internal.h"

/* Not yet final: still open, or passed and awaiting its IPR review. */
static int
pending(enum gv_ballot_state s)
{
	return s == GV_BALLOT_DRAFT || s == GV_BALLOT_DISCUSSION ||
	       s == GV_BALLOT_VOTING || s == GV_BALLOT_CLOSED ||
	       s == GV_BALLOT_PASSED || s == GV_BALLOT_IPR_REVIEW;
}

static const char *
file_path(const struct gv_rfile *f)
{
	return f->new_path ? f->new_path : f->old_path;
}

/* Whether the file's redline changes a line of section. */
static int
file_changes(const struct gv_rfile *f, const char *section)
{
	size_t h, l;

	for (h = 0; h < f->nhunks; h++)
		for (l = 0; l < f->hunks[h].nlines; l++) {
			const struct gv_rline *x = &f->hunks[h].lines[l];

			if (x->kind != GV_RLINE_CONTEXT && x->section &&
			    !strcmp(x->section, section))
				return 1;
		}
	return 0;
}

/* Whether the redline changes a line of section in the file at path. */
static int
changes(const struct gv_redline *r, const char *path, const char *section)
{
	size_t i;

	for (i = 0; i < r->nfiles; i++)
		if (!strcmp(file_path(&r->files[i]), path) &&
		    file_changes(&r->files[i], section))
			return 1;
	return 0;
}

/* Notes each section mine changes that other's redline changes too. */
static void
note_shared(struct gv_verify *v, const struct gv_redline *mine,
            const struct gv_redline *theirs, const struct gv_ballot *other)
{
	size_t i, s;

	for (i = 0; i < mine->nfiles; i++) {
		const struct gv_rfile *f = &mine->files[i];

		/* f->sections lists each heading of the file once. */
		for (s = 0; s < f->nsections; s++)
			if (file_changes(f, f->sections[s]) &&
			    changes(theirs, file_path(f), f->sections[s]))
				gv__verify_add(
				        v, GV_VERIFY_NOTE,
				        gv__xsprintf(
				                "%s, %s: %s (%s) changes it "
				                "too; "
				                "the later ballot must "
				                "reference "
				                "the earlier (BYL 2.4(10))",
				                file_path(f), f->sections[s],
				                other->number,
				                gv_ballot_state_name(
				                        other->state)));
	}
}

int
gv__verify_overlaps(struct gv_verify *v, struct gv_db *db,
                    const struct gv_ballot *b)
{
	struct gv_ballot_list *list = NULL;
	struct gv_redline *mine = NULL;
	size_t i;
	int error;

	if ((error = gv_ballot_redline(&mine, db, b->number, 0, NULL)) < 0 ||
	    (error = gv_ballot_list(&list, db, b->body)) < 0)
		goto out;
	for (i = 0; i < list->n; i++) {
		const struct gv_ballot *o = list->v[i];
		struct gv_redline *theirs = NULL;

		if (o->id == b->id || !pending(o->state))
			continue;
		/* A ballot with no pinned text has nothing to compare. */
		if (gv_ballot_redline(&theirs, db, o->number, 0, NULL) < 0)
			continue;
		note_shared(v, mine, theirs, o);
		gv_redline_free(theirs);
	}
out:
	gv_ballot_list_free(list);
	gv_redline_free(mine);
	return error;
}
