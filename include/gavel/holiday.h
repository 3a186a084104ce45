/* SPDX-License-Identifier: MIT */
/*
 * This file declares a body's holidays: calendar days that are not
 * business days, so the clocks counted in business days (results due,
 * review notice, outcome notice, publication; RULES §4) step over them.
 */
#ifndef GV_HOLIDAY_H
#define GV_HOLIDAY_H

#include <stddef.h>
#include <stdint.h>

struct gv_db;

struct gv_holiday {
	int64_t day; /* days since 1970-01-01, a UTC calendar day */
	char *name;  /* "Christmas Day", or NULL */
};

struct gv_holiday_list {
	struct gv_holiday *v;
	size_t n;
};

/*
 * Makes day a holiday of the body, with an optional name. Returns 0,
 * GV_ENOTFOUND (body), GV_EEXISTS (already a holiday) or GV_EINVALID.
 */
int gv_holiday_add(struct gv_db *db, const char *body, int64_t day,
                   const char *name);

/* Makes day a business day again. Returns 0, GV_ENOTFOUND (the body, or
 * day is not one of its holidays). */
int gv_holiday_remove(struct gv_db *db, const char *body, int64_t day);

/* A body's holidays, oldest first. Caller frees *out with
 * gv_holiday_list_free(). Returns 0 or GV_ENOTFOUND (body). */
int gv_holiday_list(struct gv_holiday_list **out, struct gv_db *db,
                    const char *body);
void gv_holiday_list_free(struct gv_holiday_list *list);

#endif
