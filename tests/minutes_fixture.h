/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the tests of the minutes parser share
 * (test_minutes_*.c): parsing a text that must parse or must fail, and
 * reading a document's day, warnings and attendees.
 */
#ifndef GV_TEST_MINUTES_FIXTURE_H
#define GV_TEST_MINUTES_FIXTURE_H

#include <stddef.h>
#include <string.h>

#include "minutes_parse.h"

/* A front matter that names the S/MIME WG and a day, for body tests. */
#define SMIME_HEAD                                                             \
	"---\n"                                                                \
	"date: 2024-12-18 00:00:00\n"                                          \
	"tags:\n"                                                              \
	"- Minutes\n"                                                          \
	"- S/MIME\n"                                                           \
	"title: 2024-12-18 Minutes of the S/MIME Certificate Working Group\n"  \
	"---\n"

/*
 * Parses text as file name; a failure fails the running test at file:line
 * and returns NULL. The document is held until the next parse or
 * release(), so that a failed assertion (which returns) leaks nothing.
 */
struct gv_minutes_doc *parse_at(const char *file, int line, const char *name,
                                const char *text);
#define PARSE(name, text) parse_at(__FILE__, __LINE__, name, text)

/* Frees the document of the last PARSE. */
void release(void);

/* The message of a parse that must fail with GV_EINVALID, or a
 * parenthesised note of what happened instead. */
const char *parse_error(const char *name, const char *text, size_t len);
#define ERR(name, text) parse_error(name, text, strlen(text))

/* The document's day, "YYYY-MM-DD" (a static buffer). */
const char *day_of(const struct gv_minutes_doc *d);

/* The first warning that contains needle, or NULL. */
const char *warning_with(const struct gv_minutes_doc *d, const char *needle);

/* The attendee named name, or NULL. */
const struct gv_minutes_attendee *attendee(const struct gv_minutes_doc *d,
                                           const char *name);

/* The attendee named name is there, with organisation org (or NULL). */
#define T_ATTENDEE(doc, who, want_org)                                         \
	do {                                                                   \
		const struct gv_minutes_attendee *a_ = attendee(doc, who);     \
		if (!a_) {                                                     \
			t_fail(__FILE__, __LINE__, "no attendee \"%s\"", who); \
			return;                                                \
		}                                                              \
		T_EQ_STR(a_->org, want_org);                                   \
	} while (0)

/* What a post must parse to, counted by hand from the file. */
struct file_case {
	const char *path; /* under a minutes/ folder */
	const char *body, *tag;
	const char *day, *day_from;
	int f2f;
	const char *subcommittee;
	size_t nattendees;
	const char *taker;
	size_t nwarnings;
	const char *who[5][2]; /* name and organisation (NULL: none) */
};

/* Parses the post at path (its base name as the file name) and checks it
 * against c, failing the running test on the first difference. */
void check_file_at(const char *path, const struct file_case *c);

#endif
