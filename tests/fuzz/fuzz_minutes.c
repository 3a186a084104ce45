/* SPDX-License-Identifier: MIT */
/*
 * This file fuzzes the parser of published minutes (gv__minutes_parse): a
 * cabforum.org post as `gavel minutes import` reads it, front matter and
 * Markdown, not NUL-terminated. It takes only UTF-8, and what it makes of
 * it must be UTF-8 too: names and organisations go into the store.
 */
#include "fuzz.h"
#include "gavel/text.h"
#include "minutes_parse.h"

static int
utf8(const char *s)
{
	return !s || gv_utf8_valid(s, strlen(s));
}

static void
doc_check(const struct gv_minutes_doc *d)
{
	size_t i;

	FUZZ_CHECK(d->body_code && d->day_from && d->text);
	FUZZ_CHECK(utf8(d->title) && utf8(d->author) && utf8(d->slug));
	FUZZ_CHECK(utf8(d->date) && utf8(d->subcommittee));
	FUZZ_CHECK(utf8(d->minute_taker) && utf8(d->text));
	for (i = 0; i < d->nattendees; i++) {
		FUZZ_CHECK(d->attendees[i].name && *d->attendees[i].name);
		FUZZ_CHECK(utf8(d->attendees[i].name));
		FUZZ_CHECK(utf8(d->attendees[i].org));
	}
	for (i = 0; i < d->ntags; i++)
		FUZZ_CHECK(utf8(d->tags[i]));
	for (i = 0; i < d->naliases; i++)
		FUZZ_CHECK(utf8(d->aliases[i]));
	for (i = 0; i < d->nwarnings; i++)
		FUZZ_CHECK(utf8(d->warnings[i]));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gv_minutes_doc *doc = NULL;

	/* A file name without a date, so a post without one is refused. */
	if (gv__minutes_parse(&doc, "minutes.md", (const char *)data, size) ==
	    0) {
		FUZZ_CHECK(doc != NULL);
		doc_check(doc);
	}
	gv__minutes_doc_free(doc);
	return 0;
}
