/* SPDX-License-Identifier: MIT */
/*
 * This file declares what core/issue*.c share: finding an issue by its
 * REF, and keeping its search row and last-change time in step.
 */
#ifndef GV_CORE_ISSUE_INTERNAL_H
#define GV_CORE_ISSUE_INTERNAL_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include <jansson.h>

#include "gavel/issue.h"

struct gv_db;

/* An issue as a REF names it. */
struct gv__issue_ref {
	int64_t id;
	int64_t body; /* the body's id */
	int64_t number;
	char subject[48]; /* "SMCWG#263", for events and messages */
};

/* Finds the issue REF ("263", "#263", "SMCWG#263") names; body (a code,
 * may be NULL) is the body of a bare number. 0, GV_ENOTFOUND or
 * GV_EINVALID, with a message that says what to do. */
int gv__issue_find(struct gv__issue_ref *out, struct gv_db *db,
                   const char *body, const char *ref);

struct gv__op;
struct gv__op_kind;

/*
 * Submits an operation of kind on the issue REF names, found here first
 * (an unknown one is refused as gv__issue_find says): data (taken over)
 * gains "issue": "SMCWG#263", its name here now, and "issue_made": the id of
 * the issue.add that added it, where one did (gv__issue_named).
 */
int gv__issue_submit(struct gv_db *db, const struct gv__op_kind *kind,
                     const char *body, const char *ref, int64_t at,
                     json_t *data, void *out);

/*
 * The issue an operation names, as this copy numbers it now: *subject is
 * its "issue" or, when it names the issue.add that made the issue
 * ("issue_made"), that issue's name here, written into buf. An issue gavel
 * numbered gets its number when its issue.add is applied, so one added
 * offline is renumbered when another member's, added meanwhile, sorts
 * before it; by "issue_made", what was recorded on it follows it and does not
 * land on the issue that took its number. 0, or GV_ENOTFOUND when no
 * issue here was made by that operation (it was not applied: a
 * conflict, which this one then is too).
 */
int gv__issue_named(const char **subject, char buf[48], struct gv_db *db,
                    const struct gv__op *op);

/* The issue an operation names by "issue_made", in *r: 1, 0 when it names
 * none so (r zeroed), or GV_ENOTFOUND as gv__issue_named; then is its
 * name when the operation was recorded, for the message. */
int gv__issue_made(struct gv__issue_ref *r, struct gv_db *db,
                   const struct gv__op *op, const char *then);

/* The id of the operation that added issue id (its row), or NULL in
 * *made (owned). */
int gv__issue_made_of(char **made, struct gv_db *db, int64_t id);

/* Rewrites the issue's full-text row from its title, body and notes
 * (inside the caller's transaction). */
int gv__issue_reindex(struct gv_db *db, int64_t id);

/* From here to the flush, gv__issue_reindex only notes the issue; the
 * flush indexes each noted issue once (and ends the deferral, also after
 * an error). */
void gv__issue_reindex_defer(struct gv_db *db);
int gv__issue_reindex_flush(struct gv_db *db);

/* A title as given (it may hold anything GitHub allows), or
 * GV_EINVALID if it is empty or not UTF-8. */
int gv__issue_check_title(const char *title);

/* gv_issue_import of data[0..len) already in memory (need not end in a
 * NUL; tests/fuzz/fuzz_issue_json.c feeds it); name stands for the file
 * in messages. */
int gv__issue_import_data(struct gv_issue_import_stats *stats, struct gv_db *db,
                          const char *body, const char *name, const char *data,
                          size_t len);

/* GitHub's issue JSON read one issue at a time (core/issue_stream.c):
 * each call gives the next element of the file's top-level arrays in
 * *item (owned; *bytes: its length in the file, when bytes is not
 * NULL) and returns 1, or 0 at the end, or GV_EINVALID with a message
 * naming FILE:LINE:COL (or what stands where an array belongs). */
struct gv__issue_stream;
struct gv__issue_stream *gv__issue_stream_open(FILE *f, const char *name);
int gv__issue_stream_next(json_t **item, struct gv__issue_stream *s,
                          size_t *bytes);
/* Back to the start of the file, to read it again. */
int gv__issue_stream_rewind(struct gv__issue_stream *s);
void gv__issue_stream_free(struct gv__issue_stream *s);

#endif
