/* SPDX-License-Identifier: MIT */
/*
 * This file declares the parser of published minutes: cabforum.org-style
 * Hugo posts (YAML front matter, then Markdown). It only reads text; the
 * store is changed by core/minutes_import.c from what it returns.
 */
#ifndef GV_CORE_MINUTES_PARSE_H
#define GV_CORE_MINUTES_PARSE_H

#include <stddef.h>
#include <stdint.h>

struct gv_minutes_attendee {
	char *name;  /* "Iñigo Barreira" */
	char *org;   /* "Sectigo", or NULL when the minutes give none */
	size_t line; /* where the post lists them, from 1 */
};

struct gv_minutes_doc {
	/* Front matter, as written (NULL when absent). */
	char *title;
	char *author;
	char *slug;
	char *date; /* "2024-12-18 00:00:00" */
	char **tags;
	size_t ntags;
	char **aliases;
	size_t naliases;

	/* What the parser made of it. */
	int64_t day;          /* meeting day, days since 1970-01-01 */
	const char *day_from; /* "title", "date" or "file name" (static) */
	const char
	        *body_code;   /* FORUM, SCWG, SMCWG, CSCWG or NETSEC (static) */
	const char *body_tag; /* the tag it came from, "S/MIME" (static);
	                         "Minutes" alone means the Forum */
	int f2f;              /* a face-to-face meeting */
	char *subcommittee;   /* "Validation SC" when the title names one */
	struct gv_minutes_attendee *attendees;
	size_t nattendees;
	char *minute_taker; /* as the minutes state it, "Dimitris", or NULL */
	char *text;         /* the Markdown after the front matter, LF ends */
	char **warnings;    /* one line each, for the import report */
	size_t nwarnings;
};

/*
 * Parses one post. file_name (the base name) is used for messages and as
 * the last source of the date. Returns 0 (caller frees *out with
 * gv__minutes_doc_free()), or GV_EINVALID with a one-line message that
 * names the file and, for front matter, the line: an empty file, no or
 * unterminated front matter, a line that is not "key: value" or "- item",
 * no tag that names a body, no date anywhere.
 */
int gv__minutes_parse(struct gv_minutes_doc **out, const char *file_name,
                      const char *data, size_t len);
void gv__minutes_doc_free(struct gv_minutes_doc *doc);

/* One roll call as a secretary pastes it: the entries of its lines. */
struct gv_minutes_line {
	struct gv_minutes_attendee *v; /* the names, in order */
	size_t n;
	char **rejected; /* entries that do not read as a person's name, and
	                    prose after the names */
	size_t nrejected;
};

/*
 * Splits text ("Albert de Ruiter (Logius PKIoverheid), Andrea Holland
 * (VikingCloud), ...", an "Attendees:" label allowed; several lines, or a
 * bulleted list, read the same way) into names and organisations the way
 * an attendee list of minutes is read. Returns 0; dispose of *out with
 * gv__minutes_line_dispose().
 */
int gv__minutes_split_line(struct gv_minutes_line *out, const char *text);
void gv__minutes_line_dispose(struct gv_minutes_line *l);

#endif
