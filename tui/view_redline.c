/* SPDX-License-Identifier: MIT */
/*
 * This file implements the redline view: the word-level redline of a
 * ballot's pinned version, deletions and insertions marked inside wrapped
 * paragraphs, a header per file and per section, jumps to the next change
 * and section, review notes shown under their line, and `c` to add one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "tui.h"

enum { MARK_CHANGE = 1, MARK_SECTION = 2, MARK_FILE_LIST = 3 };

struct redline_data {
	struct gv_redline *r;
	struct gv_review_list *notes; /* or NULL */
	char ballot[32];              /* or the range, when range */
	int range; /* any range, not a ballot's: no review notes */
};

/* A span's text; without colours, deletions and insertions are marked
 * as git's plain word diff marks them (*owned: the copy to free). */
static const char *
marked(const struct gv_span *sp, char **owned)
{
	size_t n;

	*owned = NULL;
	if (display_colour() || sp->kind == GV_SPAN_SAME)
		return sp->text;
	n = strlen(sp->text) + 5;
	if (!(*owned = malloc(n)))
		abort();
	snprintf(*owned, n, sp->kind == GV_SPAN_DEL ? "[-%s-]" : "{+%s+}",
	         sp->text);
	return *owned;
}

/* Without a ballot: the newest one with a pinned version. */
static int
pick_ballot(struct view *v, struct redline_data *d)
{
	struct gv_ballot_list *l = NULL;
	size_t i;
	int error = -1;

	if (gv_ballot_list(&l, v->db, NULL) < 0)
		return -1;
	for (i = l->n; i-- > 0 && error < 0;) {
		if (gv_ballot_redline(&d->r, v->db, l->v[i]->number, 0, NULL) <
		    0)
			continue;
		snprintf(d->ballot, sizeof(d->ballot), "%s", l->v[i]->number);
		error = 0;
	}
	gv_ballot_list_free(l);
	return error;
}

/*
 * What the view shows, from its argument: nothing (the newest pinned
 * ballot), "SMC010" or "SMC010 2" (a version), or "REPO RANGE" (any
 * range of a clone, as `gavel redline --repo REPO RANGE`).
 */
static int
redline_open(struct view *v)
{
	struct redline_data *d = calloc(1, sizeof(*d));
	struct gv_redline_opts o = {0};
	char arg[1024], *space;
	int version = 0;

	if (!d)
		abort();
	v->data = d;
	if (!v->arg) {
		if (pick_ballot(v, d) < 0)
			return -1;
		goto notes;
	}
	snprintf(arg, sizeof(arg), "%s", v->arg);
	space = strchr(arg, ' ');
	if (space)
		*space++ = '\0';
	if (space && (strstr(space, "..") || strstr(space, "/compare/"))) {
		o.repo = arg;
		o.range = space;
		snprintf(d->ballot, sizeof(d->ballot), "%.31s", space);
		d->range = 1;
		return gv_redline_build(&d->r, &o) < 0 ? -1 : 0;
	}
	if (space)
		version = atoi(space);
	if (gv_ballot_redline(&d->r, v->db, arg, version, NULL) < 0)
		return -1;
	snprintf(d->ballot, sizeof(d->ballot), "%.31s", arg);
notes:
	if (gv_review_list(&d->notes, v->db, d->ballot) < 0)
		d->notes = NULL;
	return 0;
}

static void
notes_of(struct view *v, const struct redline_data *d, const char *path,
         int line, size_t cols)
{
	size_t i;

	for (i = 0; d->notes && i < d->notes->n; i++) {
		const struct gv_review_note *n = &d->notes->v[i];
		char who[128];

		if (n->now != line || strcmp(n->path, path))
			continue;
		snprintf(who, sizeof(who), "        note by %s: ",
		         n->author ? n->author : "someone");
		line_wrap(v, NULL, LINE_WARN, who, n->body, cols);
	}
}

static void
redline_layout(struct view *v, size_t cols)
{
	struct redline_data *d = v->data;
	const struct gv_redline *r = d->r;
	size_t f, h, i, s;

	snprintf(v->title, sizeof(v->title), "Redline of %s: %.7s..%.7s in %s",
	         d->ballot, r->base, r->head, r->repo);
	/* The files first: Enter on one goes to it. */
	for (f = 0; r->nfiles > 1 && f < r->nfiles; f++) {
		const struct gv_rfile *file = &r->files[f];
		struct line *l = line_new(v, (void *)file);

		l->mark = MARK_FILE_LIST;
		segf(l, LINE_DEFAULT, "  %-50s",
		     file->new_path ? file->new_path : file->old_path);
		segf(l, LINE_INS, " +%d", file->added);
		segf(l, LINE_DEL, " -%d", file->deleted);
	}
	if (r->nfiles > 1)
		line_blank(v);
	for (f = 0; f < r->nfiles; f++) {
		const struct gv_rfile *file = &r->files[f];
		const char *path =
		        file->new_path ? file->new_path : file->old_path;
		const char *section = NULL;
		struct line *l = line_new(v, (void *)file);

		l->mark = MARK_SECTION;
		segf(l, LINE_TITLE, "%s %s",
		     file->status == 'R'   ? "renamed"
		     : file->status == 'A' ? "new"
		     : file->status == 'D' ? "deleted"
		                           : "file",
		     path);
		segf(l, LINE_DIM, "  +%d -%d", file->added, file->deleted);
		if (file->binary) {
			seg(line_new(v, NULL), LINE_DIM, "  binary: not shown");
			continue;
		}
		for (h = 0; h < file->nhunks; h++) {
			const struct gv_rhunk *hunk = &file->hunks[h];

			for (i = 0; i < hunk->nlines; i++) {
				const struct gv_rline *rl = &hunk->lines[i];
				enum line_type types[512];
				const char *texts[512];
				char *owned[512];
				char gutter[16];

				if (rl->section && rl->section != section) {
					section = rl->section;
					l = line_new(v, NULL);
					l->mark = MARK_SECTION;
					segf(l, LINE_HEADER, "§ %s", section);
				}
				snprintf(gutter, sizeof(gutter), "%6d ",
				         rl->new_no ? rl->new_no : rl->old_no);
				for (s = 0; s < rl->nspans && s < 512; s++) {
					texts[s] = marked(&rl->spans[s],
					                  &owned[s]);
					types[s] =
					        rl->spans[s].kind == GV_SPAN_DEL
					                ? LINE_DEL
					        : rl->spans[s].kind ==
					                        GV_SPAN_INS
					                ? LINE_INS
					        : rl->kind == GV_RLINE_CONTEXT
					                ? LINE_DIM
					                : LINE_DEFAULT;
				}
				line_spans(v, (void *)rl,
				           rl->kind == GV_RLINE_CONTEXT
				                   ? 0
				                   : MARK_CHANGE,
				           gutter, types, texts, s, cols);
				while (s-- > 0)
					free(owned[s]);
				if (rl->new_no)
					notes_of(v, d, path, rl->new_no, cols);
			}
			line_blank(v);
		}
	}
	if (!r->nfiles)
		seg(line_new(v, NULL), LINE_DIM, "no changes in this range");
}

/* The next (dir 1) or previous (-1) row with a mark, from the cursor. */
static void
jump_mark(struct view *v, int mark, int dir)
{
	size_t i = v->cursor;

	while (dir > 0 ? i + 1 < v->nlines : i > 0) {
		i = dir > 0 ? i + 1 : i - 1;
		if (v->lines[i].mark == mark &&
		    (dir < 0 || !i ||
		     v->lines[i - 1].data != v->lines[i].data ||
		     mark == MARK_SECTION)) {
			view_goto(v, i, (size_t)display_rows());
			return;
		}
	}
	report(mark == MARK_CHANGE ? "no more changes" : "no more sections");
}

/* A review note on line of path. */
static void
note_form(const char *ballot, const char *path, const char *line)
{
	const char *base[] = {"review", "add",    ballot, "--path",
	                      path,     "--line", line};
	static const struct form_field fields[] = {{"note", NULL, NULL, 0}};

	form_run("review note", base, 7, fields, 1);
}

static int
redline_request(struct view *v, enum request req)
{
	struct redline_data *d = v->data;
	const struct gv_rline *rl;
	const char *text;
	size_t f, h;
	char cmd[512];

	switch (req) {
	case REQ_NEXT_CHANGE:
	case REQ_PREV_CHANGE:
		jump_mark(v, MARK_CHANGE, req == REQ_NEXT_CHANGE ? 1 : -1);
		return 1;
	case REQ_NEXT_SECTION:
	case REQ_PREV_SECTION:
		jump_mark(v, MARK_SECTION, req == REQ_NEXT_SECTION ? 1 : -1);
		return 1;
	case REQ_OPEN:
		if ((text = prompt_input("redline of (BALLOT [VERSION] or "
		                         "REPO RANGE): ",
		                         "")) &&
		    *text)
			view_push(&redline_ops, text);
		return 1;
	case REQ_NOTE:
		/* Rows of a line of text carry it; headers carry files. */
		rl = v->nlines && v->lines[v->cursor].mark < MARK_SECTION
		             ? v->lines[v->cursor].data
		             : NULL;
		if (d->range) {
			report("review notes belong to a ballot's redline");
			return 1;
		}
		if (!rl || !rl->new_no) {
			report("move to a line of the new text first");
			return 1;
		}
		/* The file the line belongs to. */
		for (f = 0; f < d->r->nfiles; f++)
			for (h = 0; h < d->r->files[f].nhunks; h++) {
				const struct gv_rhunk *hk =
				        &d->r->files[f].hunks[h];

				if (rl >= hk->lines &&
				    rl < hk->lines + hk->nlines) {
					snprintf(cmd, sizeof(cmd), "%d",
					         rl->new_no);
					note_form(d->ballot,
					          d->r->files[f].new_path, cmd);
					return 1;
				}
			}
		return 1;
	default:
		return 0;
	}
}

/* Enter on the file list: that file's header. */
static int
redline_select(struct view *v, void *data)
{
	size_t i;

	if (!data || v->lines[v->cursor].mark != MARK_FILE_LIST)
		return 0;
	for (i = 0; i < v->nlines; i++)
		if (v->lines[i].data == data &&
		    v->lines[i].mark == MARK_SECTION) {
			view_goto(v, i, (size_t)display_rows());
			return 1;
		}
	return 0;
}

static void
redline_done(struct view *v)
{
	struct redline_data *d = v->data;

	if (!d)
		return;
	gv_redline_free(d->r);
	gv_review_list_free(d->notes);
	free(d);
	v->data = NULL;
}

const struct view_ops redline_ops = {
        .name = "redline",
        .open = redline_open,
        .layout = redline_layout,
        .request = redline_request,
        .select = redline_select,
        .done = redline_done,
};
