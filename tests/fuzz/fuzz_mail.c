/* SPDX-License-Identifier: MIT */
/*
 * This file fuzzes reading votes from mail, the parsers of outside input
 * `gavel ballot votes-from` runs: GMime's reading of an mbox or a message
 * into plain C (core/mail_read.c), HTML made text (core/html_text.c), the
 * sender's own lines (core/vote_own.c), and the votes and ballot numbers
 * they state (core/vote_text.c). Whatever the input, what comes out goes
 * into the store and onto a terminal: it must be UTF-8, and each vote one
 * of yes, no, abstain.
 */
#include "fuzz.h"
#include "html_text.h"
#include "mail.h"
#include "vote_text.h"
#include "gavel/text.h"

static int
utf8(const char *s)
{
	return !s || gv_utf8_valid(s, strlen(s));
}

static void
words_check(const char *text, int forward)
{
	struct gv__own_text own;
	struct gv__votes_said said;

	gv__own_text(&own, text, forward);
	FUZZ_CHECK(own.own && utf8(own.own) && utf8(own.forwarded) &&
	           utf8(own.scrubbed));
	FUZZ_CHECK(strlen(own.own) <= strlen(text) + 1);
	gv__votes_said(&said, own.own);
	for (size_t i = 0; i < said.n; i++) {
		FUZZ_CHECK(said.v[i].value >= 0 && said.v[i].value <= 2);
		FUZZ_CHECK(utf8(said.v[i].who));
		for (size_t k = 0; k < said.v[i].nrefs; k++)
			FUZZ_CHECK(said.v[i].refs[k].prefix[0] != '\0');
	}
	gv__votes_said_dispose(&said);
	gv__own_text_dispose(&own);
}

static void
mail_check(const struct gv__mail *m)
{
	int reply = 0, forward = 0;
	char *base;

	FUZZ_CHECK(m->text && utf8(m->text));
	FUZZ_CHECK(utf8(m->id) && utf8(m->from) && utf8(m->from_name));
	FUZZ_CHECK(utf8(m->reply_to) && utf8(m->subject));
	for (size_t i = 0; i < m->nrefs; i++)
		FUZZ_CHECK(m->refs[i] && utf8(m->refs[i]));
	for (size_t i = 0; i < m->nhops; i++)
		FUZZ_CHECK(utf8(m->hops[i].by) && m->hops[i].at >= -1);
	base = gv__subject_base(m->subject, &reply, &forward);
	FUZZ_CHECK(utf8(base));
	(void)gv__subject_is_notice(base);
	free(base);
	words_check(m->text, forward);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gv__mail_reader *r = NULL;
	struct gv__mail m;
	char *html, *text;

	/* The input as an archive (an mbox, or one message). */
	FUZZ_CHECK(gv__mail_open_mem(&r, data, size) == 0);
	while (gv__mail_next(&m, r) == 1) {
		mail_check(&m);
		gv__mail_dispose(&m);
	}
	gv__mail_close(r);
	/* The input as an HTML part, and as a part's text. */
	html = gv__html_text((const char *)data, size);
	FUZZ_CHECK(html && utf8(html));
	free(html);
	text = fuzz_string(data, size);
	if (gv_utf8_valid(text, strlen(text)))
		words_check(text, size && data[0] & 1);
	free(text);
	return 0;
}
