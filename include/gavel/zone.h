/* SPDX-License-Identifier: MIT */
/*
 * This file declares gavel's view of time zones (the IANA database, read
 * through libical): meetings keep their local wall-clock time, instants are
 * stored in UTC.
 */
#ifndef GV_ZONE_H
#define GV_ZONE_H

#include <stdint.h>

/* 0 when name is a zone the time-zone database knows ("UTC" included),
 * else GV_EINVALID with a message that says what to write. */
int gv_zone_check(const char *name);

/*
 * The UTC instant of a local wall-clock time in zone: days since
 * 1970-01-01 plus the local minute of the day. Returns 0 or GV_EINVALID.
 */
int gv_zone_to_utc(int64_t *out, const char *zone, int64_t day, int minute);

#endif
