/* SPDX-License-Identifier: MIT */
/*
 * This file declares how operations name a meeting: by its body, start
 * and subcommittee, which every copy shares, never by its row id, which
 * each copy numbers in the order it learnt of meetings.
 */
#ifndef GV_CORE_MEETING_KEY_H
#define GV_CORE_MEETING_KEY_H

#include <stdint.h>

#include <jansson.h>

struct gv_db;

/*
 * The key of meeting id, {"body": CODE, "starts": T[, "sub": NAME]}, in
 * *out (a new reference) and its body's code in *body (owned). Returns 0
 * or GV_ENOTFOUND ("no meeting N").
 */
int gv__meeting_key(json_t **out, char **body, struct gv_db *db, int64_t id);

/* The meeting a key names: 0, or GV_ENOTFOUND saying which. */
int gv__meeting_by_key(int64_t *id, struct gv_db *db, const json_t *key);

struct gv__op_kind;

/* Submits an operation of kind on meeting id: data (taken over; NULL
 * when packing it failed) gains the meeting's key, the body is its part;
 * out goes to apply. */
int gv__meeting_submit(struct gv_db *db, const struct gv__op_kind *kind,
                       int64_t id, json_t *data, void *out);

#endif
