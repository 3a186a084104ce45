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
	int range;   /* any range, not a ballot's: no review notes */
	int version; /* the ballot's version shown, or 0 */
};

/* The version of ballot a redline of version n (0: the latest pinned)
 * shows, for the title; 0 when it cannot be read. */
static int
version_shown(struct gv_db *db, const char *ballot, int n)
{
	struct gv_ballot *b = NULL;
	size_t i;

	if (n > 0 || gv_ballot_get(&b, db, ballot) < 0)
		return n;
	for (i = b->nversions; i-- > 0 && !n;)
		if (b->versions[i].head)
			n = b->versions[i].n;
	gv_ballot_free(b);
	return n;
}

/* Struck through, as `gavel redline --format ansi` strikes deletions
 * (issue 20, item 7): curses has no such attribute, so each character
 * but a space carries U+0336, the combining long stroke overlay, which a
 * UTF-8 terminal draws over it. Caller frees. */
static char *
struck(const char *text)
{
	size_t n = strlen(text), i, len = 0;
	char *out = malloc(3 * n + 1);

	if (!out)
		abort();
	for (i = 0; i < n;) {
		size_t k = 1;

		while (i + k < n && ((unsigned char)text[i + k] & 0xC0) == 0x80)
			k++;
		memcpy(out + len, text + i, k);
		len += k;
		if (text[i] != ' ') {
			memcpy(out + len, "\xCC\xB6", 2);
			len += 2;
		}
		i += k;
	}
	out[len] = '\0';
	return out;
}

/* A span's text (*owned: the copy to free). Deletions are struck in a
 * UTF-8 locale with colours; without colours (or UTF-8) deletions and
 * insertions are marked as git's plain word diff marks them. */
static const char *
marked(const struct gv_span *sp, char **owned)
{
	size_t n;

	*owned = NULL;
	if (sp->kind == GV_SPAN_SAME)
		return sp->text;
	if (display_colour() && MB_CUR_MAX > 1)
		return sp->kind == GV_SPAN_DEL ? (*owned = struck(sp->text))
		                               : sp->text;
	if (display_colour() && sp->kind == GV_SPAN_INS)
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
	d->version = version_shown(v->db, d->ballot, version);
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

	/* A ballot's version by its name (the commits after it); any other
	 * range as given, with its clone. */
	if (d->range)
		snprintf(v->title, sizeof(v->title), "Redline of %s in %s",
		         d->ballot, r->repo);
	else
		snprintf(v->title, sizeof(v->title),
		         "Redline of %s version %d (%.7s..%.7s)", d->ballot,
		         d->version, r->base, r->head);
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
				/* The line's number in the new text, as
				 * review notes and `gavel redline` give it;
				 * none for a line only the base has. */
				if (rl->new_no)
					snprintf(gutter, sizeof(gutter), "%6d ",
					         rl->new_no);
				else
					snprintf(gutter, sizeof(gutter), "%6s ",
					         "");
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
				/* ] and [ land on the lines a note can
				 * go on: every change of a file the new
				 * text still has. */
				line_spans(v, (void *)rl,
				           rl->kind == GV_RLINE_CONTEXT ||
				                           !file->new_path
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

/* Refuses a note: says why, and drops what was typed after `c` (the
 * note's text was meant for the form, never for the view's keys). */
static void
note_refused(const char *why)
{
	report_error("%s", why);
	display_flush_input();
}

/* The line of the new text a note on rl goes on: its own, or for a line
 * only the base has, the next line of the new text in its hunk (where
 * the deleted text stood), else the one before; 0 when there is none. */
static int
note_line(const struct gv_rhunk *hk, const struct gv_rline *rl)
{
	const struct gv_rline *p;

	if (rl->new_no)
		return rl->new_no;
	for (p = rl; p < hk->lines + hk->nlines; p++)
		if (p->new_no)
			return p->new_no;
	for (p = rl; p-- > hk->lines;)
		if (p->new_no)
			return p->new_no;
	return 0;
}

/* `c`: a review note on the line under the cursor, any line of the
 * redline (issue 20, item 7), asked for in a form. */
static void
note_request(struct view *v, const struct redline_data *d)
{
	/* Rows of a line of text carry it; headers carry files. */
	const struct gv_rline *rl =
	        v->nlines && v->lines[v->cursor].mark < MARK_SECTION
	                ? v->lines[v->cursor].data
	                : NULL;
	static const struct form_field fields[] = {{"note", NULL, NULL, 0}};
	char number[16], title[300];
	size_t f, h;
	int line;

	if (d->range) {
		note_refused("review notes belong to a ballot's redline: o "
		             "opens one (BALLOT [VERSION])");
		return;
	}
	if (!rl) {
		note_refused("move to a line of the redline first (] goes to "
		             "the next change)");
		return;
	}
	for (f = 0; f < d->r->nfiles; f++)
		for (h = 0; h < d->r->files[f].nhunks; h++) {
			const struct gv_rhunk *hk = &d->r->files[f].hunks[h];
			const char *path = d->r->files[f].new_path;

			if (rl < hk->lines || rl >= hk->lines + hk->nlines)
				continue;
			if (!path || !(line = note_line(hk, rl))) {
				note_refused("this file is gone from the new "
				             "text: a note goes on a line of "
				             "it");
				return;
			}
			snprintf(number, sizeof(number), "%d", line);
			snprintf(title, sizeof(title),
			         "note on %.200s line %d%s", path, line,
			         rl->new_no ? ""
			                    : " (where the deleted text "
			                      "stood)");
			{
				const char *base[] = {
				        "review", "add",    d->ballot, "--path",
				        path,     "--line", number};

				form_run(title, base, 7, fields, 1);
			}
			return;
		}
}

static int
redline_request(struct view *v, enum request req)
{
	struct redline_data *d = v->data;
	const char *text;

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
		note_request(v, d);
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
