/* SPDX-License-Identifier: MIT */
/*
 * This file declares gavel's one error convention: fallible core functions
 * return 0 or a negative enum gv_error_code, and the message that explains
 * it is read back with gv_error_last().
 */
#ifndef GV_ERROR_H
#define GV_ERROR_H

enum gv_error_code {
	GV_OK = 0,
	GV_ERROR = -1,     /* anything without a code of its own */
	GV_ENOTFOUND = -2, /* a name, number or file that does not exist */
	GV_EEXISTS = -3,   /* it exists already */
	GV_EINVALID = -4,  /* malformed input: a time, a class, bad UTF-8 */
	GV_ECONFLICT = -5, /* the store's state forbids the change */
	GV_EBUSY = -6,     /* another writer held the database too long */
	GV_EREADONLY = -7, /* the database cannot be written */
	GV_ENOTDB = -8,    /* the file is not a gavel database */
	GV_EVERSION = -9,  /* the database is newer than this program */
	GV_ECORRUPT = -10, /* a ref, object or operation gavel did not write */
	GV_EDENIED = -11,  /* the actor's role or signature does not allow it */
};

enum gv_error_class {
	GV_ERRCLASS_NONE,
	GV_ERRCLASS_OS,
	GV_ERRCLASS_DB,
	GV_ERRCLASS_TIME,
	GV_ERRCLASS_ROSTER,
	GV_ERRCLASS_MEETING,
	GV_ERRCLASS_ISSUE,
	GV_ERRCLASS_BALLOT,
	GV_ERRCLASS_DEMO,
	GV_ERRCLASS_TEMPLATE,
	GV_ERRCLASS_REDLINE,
	GV_ERRCLASS_SYNC,
	GV_ERRCLASS_MAIL,
	GV_ERRCLASS_CALENDAR,
};

struct gv_error {
	const char *message; /* one line, lower case, no final period */
	enum gv_error_class klass;
	enum gv_error_code code;
};

/*
 * The last error set on this thread. Never NULL: when nothing failed the
 * message is "no error". Borrowed until the next failing call.
 */
const struct gv_error *gv_error_last(void);

/* Forget the last error. */
void gv_error_clear(void);

#endif
