/* SPDX-License-Identifier: MIT */
/*
 * This file declares what gavel-ical.so defines (core/zone_ical.c,
 * core/calendar_ical.c, core/zone_vtimezone.c), reached through its table
 * (core/module.h): nothing else calls these, since gavel itself is not linked
 * with them.
 */
#ifndef GV_CORE_ICAL_H
#define GV_CORE_ICAL_H

#include <stdint.h>

#include "gavel/calendar.h"
#include "gavel/zone.h"

struct gv__cal;
struct icalcomponent_impl; /* libical's icalcomponent */

const void *gv__ical_zone_find(const char *name);
int gv__ical_zone_offset(const void *zone, int64_t t);
void gv__ical_zone_local(struct gv_local *out, const void *zone, int64_t t);

/* Adds to vcal the VTIMEZONE of the IANA zone name from a day before
 * earliest (core/zone_vtimezone.c). Returns 0 or GV_EINVALID. */
int gv__ical_vtimezone(struct icalcomponent_impl *vcal, const char *name,
                       int64_t earliest);

/* The iCalendar text of cal's events, each with alarms unless cancelled.
 * Caller frees *out. */
int gv__ical_cal_write(char **out, const struct gv__cal *cal,
                       const struct gv_alarms *alarms);

#endif
