/* SPDX-License-Identifier: MIT */
/*
 * This file declares the view builders that make template data: one JSON
 * object per kind of store object, the same for every template and for
 * `--format json`.
 */
#ifndef GV_CORE_VIEW_H
#define GV_CORE_VIEW_H

#include <jansson.h>

struct gv_db;

/*
 * A body's roster: the body, its member organisations by class (with
 * their voting representatives and people) and the counts. Caller releases
 * *out with json_decref(). Returns 0 or the error of the lookup.
 */
int gv__view_roster(json_t **out, struct gv_db *db, const char *body);

#endif
