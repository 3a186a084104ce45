/* SPDX-License-Identifier: MIT */
/*
 * This file declares redlines: the word-level difference between two
 * revisions of a guideline kept in git, built from the line diff (libgit2)
 * with changed lines paired and diffed by tokens, each change labelled with
 * the Markdown section it sits in, and written in the formats reviewers and
 * chairs use.
 */
#ifndef GV_REDLINE_H
#define GV_REDLINE_H

#include <stddef.h>
#include <stdint.h>

#include "gavel/progress.h"

enum gv_span_kind {
	GV_SPAN_SAME, /* text both revisions have */
	GV_SPAN_DEL,  /* text only the base has */
	GV_SPAN_INS,  /* text only the head has */
};

struct gv_span {
	enum gv_span_kind kind;
	char *text; /* owned; no newline */
};

enum gv_rline_kind {
	GV_RLINE_CONTEXT, /* unchanged, shown around changes */
	GV_RLINE_DELETED, /* a whole line only the base has */
	GV_RLINE_ADDED,   /* a whole line only the head has */
	GV_RLINE_CHANGED, /* a line edited: spans mark the words */
};

struct gv_rline {
	enum gv_rline_kind kind;
	int old_no;            /* 1-based line in the base, or 0 */
	int new_no;            /* 1-based line in the head, or 0 */
	struct gv_span *spans; /* the line's text, word by word */
	size_t nspans;
	const char *section; /* its heading ("4.2.2.2 Multi-Perspective
	                        ..."), or NULL; borrowed from the file */
};

struct gv_rhunk {
	int old_start, old_lines, new_start, new_lines;
	const char *section; /* the section of its first change (borrowed) */
	struct gv_rline *lines;
	size_t nlines;
};

struct gv_rfile {
	char *old_path; /* or NULL for a new file */
	char *new_path; /* or NULL for a deleted file */
	char status;    /* 'A' added, 'D' deleted, 'M' modified, 'R' renamed */
	int binary;     /* named, not printed */
	int added;      /* lines, as git diff --numstat counts them */
	int deleted;
	char old_blob[41], new_blob[41]; /* hex ids, "" when absent */
	struct gv_rhunk *hunks;
	size_t nhunks;
	char **sections; /* the headings the lines point into (owned) */
	size_t nsections;
};

struct gv_redline {
	char *repo;              /* the repository's folder */
	char base[41], head[41]; /* full commit ids */
	char *range;             /* as given: "Ballot_SMC011..Ballot_SMC012" */
	char *ballot;            /* "SMC011" when it is a ballot's pinned
	                            version (gv_ballot_redline), or NULL */
	int version;             /* then that version's number */
	char *ballot_title;      /* then the ballot's title */
	struct gv_rfile *files;  /* by path */
	size_t nfiles;
};

struct gv_redline_opts {
	const char *repo;        /* a working or bare repository; NULL: "." */
	const char *range;       /* BASE..HEAD, BASE...HEAD (from the merge
	                            base), or a GitHub compare URL */
	const char *path;        /* only this file, or NULL */
	const char *section;     /* only hunks in sections starting with this
	                            ("4.2", "1.3.2 Registration"), or NULL */
	int context;             /* lines of context around changes; 0: 3 */
	gv_progress_fn progress; /* "comparing words", hunk by hunk; or
	                            NULL (gv_ballot_redline: the
	                            connection's, gv_db_set_progress) */
	void *payload;           /* progress's */
};

/*
 * Builds the redline of a range. Errors: GV_ENOTFOUND (not a repository,
 * a revision or commit that is not there: "commit 8150e7a is not in
 * REPO: fetch it, or the branch was rewritten"; a path not in the range),
 * GV_EINVALID (a malformed range or URL), GV_ECONFLICT (no common ancestor
 * for "..."). Caller frees *out with gv_redline_free().
 */
int gv_redline_build(struct gv_redline **out,
                     const struct gv_redline_opts *opts);
void gv_redline_free(struct gv_redline *redline);

enum gv_redline_format {
	GV_REDLINE_ANSI,    /* colours, wrapped to a width, section headers */
	GV_REDLINE_PLAIN,   /* [-old-]{+new+}, as git diff --word-diff=plain */
	GV_REDLINE_HTML,    /* one self-contained page: <del>/<ins>, contents */
	GV_REDLINE_MD,      /* pastes into a ballot e-mail or post */
	GV_REDLINE_NUMSTAT, /* byte for byte git diff --numstat */
	GV_REDLINE_JSON,    /* files, hunks, lines, spans */
};

/* Parses "ansi", "plain", ...; 0 or GV_EINVALID. */
int gv_redline_format_parse(enum gv_redline_format *out, const char *name);

/*
 * Writes the redline in a format. width is the terminal's for ANSI
 * (wrapping; 0: 80). Returns 0 (caller frees *out; *len may be NULL).
 */
int gv_redline_write(char **out, size_t *len, const struct gv_redline *r,
                     enum gv_redline_format format, int width);

/*
 * One line as the plain or md format writes it, without a newline, to
 * quote it elsewhere (a review digest). GV_EINVALID for other formats.
 * Caller frees *out.
 */
int gv_redline_write_line(char **out, const struct gv_rline *line,
                          enum gv_redline_format format);

/* ---- Redlines pinned to ballot versions ---- */

struct gv_db;

/*
 * Records a new version of a ballot as a range of a repository (repo;
 * NULL: the clone gv_config_repo named for the ballot's body, else the
 * current folder): the
 * repository's folder, the full commit ids of base and head, and the blob
 * ids of the files the range changes (one transaction). As
 * gv_ballot_version for the lifecycle and its flags (the same range as
 * the latest version's is its own text again). Errors as
 * gv_redline_build's.
 */
int gv_ballot_pin(struct gv_db *db, const char *ref, const char *repo,
                  const char *base, const char *head, const char *url,
                  unsigned flags, int64_t at);

/* The redline of a ballot's pinned version n (0: the latest); extra
 * (may be NULL) gives path, section and context, and a clone to read it
 * from (repo) instead of the one gv_config_repo named or the folder the
 * version was pinned in. */
int gv_ballot_redline(struct gv_redline **out, struct gv_db *db,
                      const char *ref, int n,
                      const struct gv_redline_opts *extra);

/*
 * Names this copy's clone of body's guideline (dir; NULL forgets it): the
 * repository pinned versions are read from here, since the folder a pin
 * records is on the machine of whoever pinned it. A setting of this copy
 * that never travels with the log. GV_ENOTFOUND for an unknown body or a
 * dir that is not a git repository.
 */
int gv_config_repo(struct gv_db *db, const char *body, const char *dir);

/* The clone gv_config_repo named for body, or NULL (owned). */
int gv_config_repo_get(char **out, struct gv_db *db, const char *body);

/* What `ballot verify` found: one line per check. */
enum gv_verify_kind {
	GV_VERIFY_OK,
	GV_VERIFY_NOTE, /* to act on, not a fault of the pinned text */
	GV_VERIFY_PROBLEM,
};

struct gv_verify {
	char **lines;
	enum gv_verify_kind *kind;
	size_t n;
	int problems;
};

/*
 * Checks the latest pinned version: both commits are still in the
 * repository and each file's text at head is the one pinned; with merge
 * (a revision), the merged guideline equals what was voted. Notes each
 * other pending ballot of the body whose pinned redline changes a section
 * this one changes: the later must reference the earlier (BYL 2.4(10)).
 * Caller disposes *out with gv_verify_dispose().
 */
int gv_ballot_verify(struct gv_verify *out, struct gv_db *db, const char *ref,
                     const char *merge);
void gv_verify_dispose(struct gv_verify *v);

/* ---- Offline review notes ---- */

struct gv_review_note {
	int64_t id;
	int version; /* the version it was written on */
	char *path;
	int line;      /* the line it was written on */
	int now;       /* its line in the latest pinned version; 0: orphaned */
	char *author;  /* or NULL */
	char *body;    /* Markdown */
	char *text;    /* the line's text now, or NULL when orphaned */
	char *section; /* the heading above it now, or NULL */
	struct gv_span *spans; /* the words the ballot changes in it, or NULL */
	size_t nspans;
};

struct gv_review_list {
	char *ballot;
	int version; /* the latest pinned version */
	struct gv_review_note *v;
	size_t n;
};

enum gv_review_flags {
	GV_REVIEW_PRIVATE = 1 << 0, /* kept on this copy, never synced */
};

/*
 * Anchors a note to line (1-based) of path in the ballot's latest pinned
 * version, with the hash of the line's text; flags: enum
 * gv_review_flags. *id_out (may be NULL) is the note's id, the "id" of
 * gv_view_review_json (each copy numbers its own notes). Returns 0,
 * GV_ENOTFOUND (no pinned version, no such file or line) or GV_EINVALID.
 */
int gv_review_add(int64_t *id_out, struct gv_db *db, const char *ref,
                  const char *path, int line, const char *text,
                  const char *author, unsigned flags);

/* The notes of a ballot, each found again in the latest pinned version.
 * Caller frees *out with gv_review_list_free(). */
int gv_review_list(struct gv_review_list **out, struct gv_db *db,
                   const char *ref);
void gv_review_list_free(struct gv_review_list *list);

#endif
