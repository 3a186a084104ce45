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

struct gv__op_kind;

/*
 * Submits an operation of kind on the issue REF names, found here first
 * (an unknown one is refused as gv__issue_find says): data (taken over)
 * gains "issue": "SMCWG#263", the issue's name on every copy.
 */
int gv__issue_submit(struct gv_db *db, const struct gv__op_kind *kind,
                     const char *body, const char *ref, int64_t at,
                     json_t *data, void *out);

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
 * in messages and in the event. */
int gv__issue_import_data(struct gv_issue_import_stats *stats, struct gv_db *db,
                          const char *body, const char *name, const char *data,
                          size_t len, gv_issue_progress_fn progress, void *ctx);

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
