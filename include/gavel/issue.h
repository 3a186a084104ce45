/* SPDX-License-Identifier: MIT */
/*
 * This file declares a body's issues: its open questions, numbered as
 * upstream (GitHub) numbers them where there is an upstream.
 */
#ifndef GV_ISSUE_H
#define GV_ISSUE_H

#include <stdint.h>

struct gv_db;

struct gv_issue_spec {
	const char *body; /* the body's code */
	int64_t number;   /* > 0 */
	const char *title;
	const char *url;     /* upstream, or NULL */
	const char *body_md; /* or NULL */
	const char *author;  /* or NULL */
	int closed;          /* nonzero: closed at closed_at */
	int64_t created_at;  /* UTC; < 0: now */
	int64_t closed_at;
};

/* Adds an issue. Returns 0 (id in *id_out), GV_EEXISTS, GV_ENOTFOUND
 * (body) or GV_EINVALID. */
int gv_issue_add(int64_t *id_out, struct gv_db *db,
                 const struct gv_issue_spec *spec);

#endif
