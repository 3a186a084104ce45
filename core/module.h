/* SPDX-License-Identifier: MIT */
/*
 * This file declares the parts of gavel built as shared objects of their
 * own and loaded the first time a command needs them: gavel-ical.so
 * (libical: time zones and calendars) and gavel-mail.so (GMime: mail).
 * Every process pays for the libraries it is linked with before main()
 * runs (the dynamic loader binds their symbols: libical brings ICU, GMime
 * brings GLib and GPGME), so gavel itself links neither and a command
 * that reads no zone and no mail never loads them.
 *
 * A program linked with the modules' objects (the tests, benchmarks and
 * fuzzers) uses them as they are; gavel loads the file.
 */
#ifndef GV_CORE_MODULE_H
#define GV_CORE_MODULE_H

#include <stddef.h>
#include <stdint.h>

#include "gavel/calendar.h"
#include "gavel/zone.h"
#include "mail.h"

struct gv__cal;

/* What gavel-ical.so does with libical. A zone is the module's own
 * object, found by its IANA name and valid until exit. */
struct gv__ical_ops {
	const char *version; /* GV_VERSION of its build */
	const void *(*zone_find)(const char *name);
	/* The offset, seconds east of UTC, at the UTC instant t. */
	int (*zone_offset)(const void *zone, int64_t t);
	/* The wall clock at t: out's date, time, utc_offset and abbrev. */
	void (*zone_local)(struct gv_local *out, const void *zone, int64_t t);
	/* The iCalendar text of cal's events (core/calendar_ical.c). */
	int (*cal_write)(char **out, const struct gv__cal *cal,
	                 const struct gv_alarms *alarms);
};

/* What gavel-mail.so does with GMime (core/mail.h says what each does). */
struct gv__mail_ops {
	const char *version;
	int (*write)(char **out, size_t *len, const struct gv__mail_out *m);
	int (*open)(struct gv__mail_reader **out, const char *path);
	void (*open_mem)(struct gv__mail_reader **out, const void *data,
	                 size_t len);
	int (*next)(struct gv__mail *m, struct gv__mail_reader *r);
	void (*close)(struct gv__mail_reader *r);
};

/* Each module's table: defined by its objects (weakly referenced, so a
 * program without them links, and finds them in the loaded file). */
extern const struct gv__ical_ops gv__ical_module;
extern const struct gv__mail_ops gv__mail_module;

/* The modules' tables, loaded on first use. NULL with the error set
 * (GV_ERROR) when the file cannot be loaded. */
const struct gv__ical_ops *gv__ical(void);
const struct gv__mail_ops *gv__mail(void);

#endif
