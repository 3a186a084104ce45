/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the two halves of the minutes parser share: the
 * scan state, and the text helpers core/minutes_parse.c defines for
 * core/minutes_attendees.c (attendee lists and the minute-taker).
 */
#ifndef GV_CORE_MINUTES_SCAN_H
#define GV_CORE_MINUTES_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "minutes_parse.h"

#define NAME_MAX_WORDS     6 /* more, and it reads as prose */
#define NAME_MAX_BYTES     100
#define ORG_MAX_BYTES      200
#define DASH_ORG_MAX_WORDS 8 /* "Name - Org" without parentheses */
#define NARRAY(a)          (sizeof(a) / sizeof((a)[0]))

enum fm_key {
	KEY_NONE, /* no key seen yet */
	KEY_TITLE,
	KEY_AUTHOR,
	KEY_SLUG,
	KEY_DATE,
	KEY_TAGS,
	KEY_ALIASES,
	KEY_OTHER, /* ignored, with its list items and nested lines */
};

struct minutes_scan {
	struct gv_minutes_doc *doc; /* being filled; freed on error */
	const char *file;           /* base name, for messages */
	char *work;                 /* the file, LF ends made NULs */
	char **line;                /* the lines of work */
	size_t nlines;
	size_t text_line; /* index of the first line after the front matter */
	enum fm_key key;  /* the key that "- item" and indented lines extend */
	int key_scalar;   /* that key had a value on its own line */
	size_t tags_alloc, aliases_alloc, att_alloc, keys_alloc, warn_alloc;
	char **att_keys; /* "name key\nfolded org" per attendee, for repeats */
	size_t nkeys;
};

/* One comma-separated entry of an attendee list. */
struct entry {
	char *text; /* cleaned: one space between words, no emphasis */
	char *name;
	char *org;  /* NULL when none */
	int dashed; /* "Name - Org", without parentheses */
	int label;  /* "Regrets: ...": another list starts */
	int prose;  /* has words such as "is", "said", "the" */
	int ok;     /* reads as a person's name (and organisation) */
	int joined; /* "(Org)" alone, made the organisation of the entry
	               before it */
};

/* The entries of one line (core/minutes_entries.c). */
struct entry_list {
	struct entry *v;
	size_t n, alloc;
	char **unclosed; /* entries whose "(" was closed at the comma */
	size_t nunclosed;
	char *sentence; /* the prose that ended the list mid-line, or NULL */
};

/* Reads line into l (zeroed first by the caller); dispose of l after. */
void gv__ms_entries_read(struct entry_list *l, const char *line);
void gv__ms_entries_dispose(struct entry_list *l);

/* Bytes of "(...)" at s, nested ones included; to the end if unclosed. */
size_t gv__ms_paren_len(const char *s);

/* Adds a warning to the report. */
void gv__ms_warn(struct minutes_scan *p, const char *fmt, ...) GV__PRINTF(2, 3);
/* Adds a warning about line i (0-based), as "FILE:LINE: message". */
void gv__ms_warn_at(struct minutes_scan *p, size_t i, const char *fmt, ...)
        GV__PRINTF(3, 4);

/* Case-insensitive strstr (ASCII), for titles and phrases. */
const char *gv__ms_find_ci(const char *hay, const char *needle);

/* The lower-case words inside names ("Paul van Brouwershaven"). */
int gv__ms_particle(const char *s, size_t n);

/* Words that names and organisations do not hold, but sentences do. */
int gv__ms_prose_word(const char *s, size_t n);

const char *gv__ms_skip_space(const char *s);

/* Bytes of the white space at s: space, tab or a no-break space. */
size_t gv__ms_space_at(const char *s);

/* A copy of s[0..n) with each run of white space made one space, trimmed. */
char *gv__ms_squeeze(const char *s, size_t n);

/* A word that may start a name: a capital, or a non-ASCII letter. */
int gv__ms_upper_start(const char *s);

size_t gv__ms_word_len(const char *s);

/* Sets doc's day and day_from (core/minutes_day.c). Returns 0, or
 * GV_EINVALID when no date is found anywhere. */
int gv__ms_day_find(struct minutes_scan *p);

/* Fills doc's attendees from the attendee list(s) of the text. */
void gv__ms_attendees_find(struct minutes_scan *p);
/* Fills doc's minute-taker when the text states one. */
void gv__ms_taker_find(struct minutes_scan *p);

#endif
