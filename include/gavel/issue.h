/* SPDX-License-Identifier: MIT */
/*
 * This file declares a body's issues: its open questions, numbered as
 * upstream (GitHub) numbers them where there is an upstream, each with its
 * whole story (notes, the meetings that discussed it, draft redlines, the
 * ballot that resolved it), searchable, and imported from GitHub.
 *
 * An issue is named by a REF: "263", "#263" or "SMCWG#263". A bare number
 * needs the body when more than one body has an issue of that number.
 */
#ifndef GV_ISSUE_H
#define GV_ISSUE_H

#include <stddef.h>
#include <stdint.h>

struct gv_db;

struct gv_issue_spec {
	const char *body; /* the body's code */
	int64_t number;   /* > 0; 0: the body's next free number */
	const char *title;
	const char *url;      /* upstream, or NULL */
	const char *body_md;  /* or NULL */
	const char *author;   /* or NULL */
	const char *assignee; /* or NULL */
	int closed;           /* nonzero: closed at closed_at */
	int64_t created_at;   /* UTC; < 0: now */
	int64_t closed_at;
	const char *const *labels;
	size_t nlabels;
};

/* Adds an issue. Returns 0 (its number in *number_out), GV_EEXISTS,
 * GV_ENOTFOUND (body) or GV_EINVALID. */
int gv_issue_add(int64_t *number_out, struct gv_db *db,
                 const struct gv_issue_spec *spec);

/* What `issue edit` changes: each non-NULL field; "" clears an optional
 * one (url, body_md, assignee). */
struct gv_issue_edit {
	const char *title;
	const char *url;
	const char *body_md;
	const char *assignee;
};

/* body (may be NULL) is the body's code for a bare REF. Each change is one
 * transaction and one operation. */
int gv_issue_edit(struct gv_db *db, const char *body, const char *ref,
                  const struct gv_issue_edit *edit);
/* Closes (closed nonzero) or reopens an issue at `at` (< 0: now); closing
 * a closed issue, or reopening an open one, is GV_ECONFLICT. */
int gv_issue_set_state(struct gv_db *db, const char *body, const char *ref,
                       int closed, int64_t at);
/* Adds (remove 0) or removes labels; an unknown label to remove is
 * GV_ENOTFOUND, and nothing changes. */
int gv_issue_label(struct gv_db *db, const char *body, const char *ref,
                   const char *const *labels, size_t n, int remove);

/* ---- The timeline ---- */

struct gv_issue_note_spec {
	const char *text;   /* Markdown */
	const char *author; /* or NULL: the database's actor */
	int64_t meeting;    /* a meeting of the issue's body, or 0 */
	int64_t at;         /* < 0: the meeting's start, else now */
};
int gv_issue_note(int64_t *id_out, struct gv_db *db, const char *body,
                  const char *ref, const struct gv_issue_note_spec *spec);

/* Records that a meeting discussed the issue. */
int gv_issue_link_meeting(struct gv_db *db, const char *body, const char *ref,
                          int64_t meeting, int64_t at);
/* Links a ballot; resolves: the ballot settles the issue. */
int gv_issue_link_ballot(struct gv_db *db, const char *body, const char *ref,
                         const char *ballot, int resolves, int64_t at);
/*
 * Records a draft redline: range is BASE..HEAD, BASE...HEAD or a GitHub
 * compare URL. With repo, it is resolved there and the full commit ids
 * are kept (an unknown commit is GV_ENOTFOUND, as `gavel redline` says
 * it); without, it is kept as written (links in minutes often name
 * commits that were later rebased away).
 */
int gv_issue_link_draft(struct gv_db *db, const char *body, const char *ref,
                        const char *repo, const char *range, int64_t at);

/* ---- Reading ---- */

struct gv_issue {
	int64_t id;
	char *body; /* code */
	int64_t number;
	char *title;
	int closed;
	char *url, *assignee, *author; /* or NULL */
	char *body_md; /* or NULL; NULL in a list (see gv_issue_each) */
	int64_t created_at, updated_at;
	int64_t closed_at;   /* or -1 */
	int64_t imported_at; /* last GitHub import, or -1 */
	int64_t activity;    /* the latest of updated_at and its notes */
	char **labels;       /* sorted */
	size_t nlabels;
	size_t nnotes;
	/* Search only: a piece of the matching text, each match between
	 * GV_ISSUE_MARK_START and GV_ISSUE_MARK_END; and the bm25 rank (lower
	 * is better). */
	char *snippet;
	double rank;
};

#define GV_ISSUE_MARK_START "\x02"
#define GV_ISSUE_MARK_END   "\x03"

struct gv_issue_list {
	struct gv_issue *v;
	size_t n;
};

struct gv_issue_filter {
	const char *body;   /* code, or NULL: every body */
	int state;          /* 0: open, 1: closed, -1: both */
	const char *label;  /* or NULL */
	const char *search; /* a query (see gv_issue_query), or NULL */
	size_t limit;       /* 0: no limit */
};

/*
 * Issues by body and number, or with search, best match first. A query is
 * words (all must match), "quoted phrases", prefixes (regist*), OR
 * between two terms, and -word or NOT word to leave out; a malformed one
 * is GV_EINVALID with a message that says what to fix.
 */
int gv_issue_list(struct gv_issue_list *out, struct gv_db *db,
                  const struct gv_issue_filter *filter);
void gv_issue_list_dispose(struct gv_issue_list *list);

/*
 * The same issues in the same order, given to fn one at a time and
 * freed after it returns, so a list of any length holds one issue in
 * memory. fn returns 0 to go on; anything else stops the list and is
 * returned. fn must not list issues itself. A listed issue carries no
 * body_md (only gv_issue_story reads the text).
 */
typedef int (*gv_issue_each_fn)(void *ctx, const struct gv_issue *issue);
int gv_issue_each(struct gv_db *db, const struct gv_issue_filter *filter,
                  gv_issue_each_fn fn, void *ctx);

/* Translates a query into SQLite FTS5 syntax (*out: caller frees). */
int gv_issue_query(char **out, const char *query);

/* In the order entries of the same instant are told. */
enum gv_issue_entry_kind {
	GV_ISSUE_OPENED,
	GV_ISSUE_MEETING, /* discussed at a meeting */
	GV_ISSUE_NOTE,
	GV_ISSUE_DRAFT,  /* a draft redline */
	GV_ISSUE_BALLOT, /* a linked ballot */
	GV_ISSUE_CLOSED,
	GV_ISSUE_REOPENED,
};

struct gv_issue_entry {
	enum gv_issue_entry_kind kind;
	int64_t at;
	char *author; /* or NULL */
	char *text;   /* a note's Markdown, or NULL */
	int imported; /* a note that came from GitHub */
	/* GV_ISSUE_MEETING, or a note taken at a meeting: */
	int64_t meeting;     /* or 0 */
	char *meeting_title; /* its title, or "the call" */
	/* GV_ISSUE_BALLOT: */
	char *ballot;       /* "SMC011" */
	char *ballot_title; /* its title */
	char *ballot_state;
	int resolves;
	/* GV_ISSUE_DRAFT: what was given, and what it names */
	char *url;  /* the compare URL or range as written */
	char *repo; /* the clone it was resolved in, or NULL */
	char *base, *head;
};

struct gv_issue_story {
	struct gv_issue issue;
	struct gv_issue_entry *v; /* in time order */
	size_t n;
};

int gv_issue_story(struct gv_issue_story *out, struct gv_db *db,
                   const char *body, const char *ref);
void gv_issue_story_dispose(struct gv_issue_story *story);

/* ---- GitHub import ---- */

struct gv_issue_import_stats {
	size_t issues;      /* issue objects read */
	size_t added;       /* new issues */
	size_t updated;     /* issues that changed upstream */
	size_t pulls;       /* pull requests, skipped */
	size_t comments;    /* comments read */
	size_t notes_added; /* new imported notes */
	size_t notes_updated;
};

/*
 * Imports the issues of a GitHub JSON file into body: the output of
 * `gh issue list --json number,title,state,labels,body,url,createdAt,
 * closedAt,author,comments` or of the REST API's /issues (an array, or
 * several arrays one after another as `gh api --paginate` writes them).
 * An issue already there is updated in place: its upstream labels are
 * replaced, local labels and notes kept; comments become notes marked as
 * imported. One transaction: a file that fails to parse ("FILE:LINE:COL:
 * ...") or has the wrong shape changes nothing. Reports "importing
 * issues" to the connection's progress callback (gv_db_set_progress).
 */
int gv_issue_import(struct gv_issue_import_stats *stats, struct gv_db *db,
                    const char *body, const char *path);

#endif
