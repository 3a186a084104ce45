/* SPDX-License-Identifier: MIT */
/*
 * This file tests the front matter of published minutes
 * (core/minutes_parse.c): its fields, flow and block lists, CRLF, where the
 * text begins, and each error it refuses with.
 */
#include <string.h>

#include "harness.h"
#include "minutes_fixture.h"
#include "minutes_parse.h"

/*
 * Front matter.
 */

static void
front_matter_fields(void)
{
	struct gv_minutes_doc *d =
	        PARSE("a.md", "---\n"
	                      "aliases:\n"
	                      "- /2018-09-20-minutes/\n"
	                      "  - /old/url/\n"
	                      "author: '  Jos O''Purvis '\n"
	                      "# a comment\n"
	                      "\n"
	                      "date: \"2018-09-20 15:17:08\"\n"
	                      "params:\n"
	                      "  nested: value\n"
	                      "  - and a list\n"
	                      "slug: minutes-of-the-forum   \n"
	                      "summary:\n"
	                      "tags:\n"
	                      "  - Minutes\n"
	                      "  - Forum\n"
	                      "title: 2018-09-20 Minutes of CA/Browser Forum \n"
	                      "type: post # comment\n"
	                      "---\n"
	                      "Body\n");

	T_ASSERT(d != NULL);
	T_EQ_STR(d->title, "2018-09-20 Minutes of CA/Browser Forum");
	T_EQ_STR(d->author, "Jos O'Purvis");
	T_EQ_STR(d->slug, "minutes-of-the-forum");
	T_EQ_STR(d->date, "2018-09-20 15:17:08");
	T_EQ_INT(d->ntags, 2);
	T_EQ_STR(d->tags[0], "Minutes");
	T_EQ_STR(d->tags[1], "Forum");
	T_EQ_INT(d->naliases, 2);
	T_EQ_STR(d->aliases[0], "/2018-09-20-minutes/");
	T_EQ_STR(d->aliases[1], "/old/url/");
	T_EQ_STR(d->text, "Body\n");
	release();
}

/* A double-quoted value's escapes (YAML 1.2, 5.7): characters by their
 * number as UTF-8, quotes and backslashes as themselves, a line end or
 * another control as a space (a value is one line), an unknown one as
 * written. */
static void
front_matter_escapes(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "a.md", "---\n"
	                "author: \"Iv\\u00e1n \\x41. \\U0001F600\"\n"
	                "date: \"2025-01-15 16:00:00\"\n"
	                "tags: [Minutes, S/MIME]\n"
	                "title: \"2025-01-15 Caf\\u00e9 \\\"quoted\\\" a\\\\b"
	                "\\e[31m\\nNext\\tTab \\q\"\n"
	                "---\n"
	                "Body\n");

	T_ASSERT(d != NULL);
	if (!d)
		return;
	T_EQ_STR(d->title,
	         "2025-01-15 Caf\xC3\xA9 \"quoted\" a\\b [31m Next Tab "
	         "\\q");
	T_EQ_STR(d->author, "Iv\xC3\xA1n A. \xF0\x9F\x98\x80");
	release();
}

static void
front_matter_absent_keys(void)
{
	struct gv_minutes_doc *d =
	        PARSE("2025-01-09-x.md", "---\n"
	                                 "tags: Code Signing\n"
	                                 "---\n");

	T_ASSERT(d != NULL);
	T_ASSERT(d->title == NULL && d->author == NULL && d->slug == NULL);
	T_ASSERT(d->date == NULL && d->naliases == 0);
	T_EQ_INT(d->ntags, 1);
	T_EQ_STR(d->body_code, "CSCWG");
	T_EQ_STR(d->text, "");
	release();
}

static void
front_matter_flow_and_block(void)
{
	struct gv_minutes_doc *d = PARSE(
	        "b.md", "---\n"
	                "tags: [Minutes, \"Code Signing\", 'Face-to-Face']\n"
	                "title: >-\n"
	                "  2025-01-09 Minutes of the\n"
	                "  Code Signing Certificate Working Group\n"
	                "author: \"Martijn \\\"MK\\\" Katerbarg\"\n"
	                "---\n");

	T_ASSERT(d != NULL);
	T_EQ_INT(d->ntags, 3);
	T_EQ_STR(d->tags[1], "Code Signing");
	T_EQ_STR(d->tags[2], "Face-to-Face");
	T_EQ_STR(d->title, "2025-01-09 Minutes of the Code Signing "
	                   "Certificate Working Group");
	T_EQ_STR(d->author, "Martijn \"MK\" Katerbarg");
	T_EQ_STR(d->body_code, "CSCWG");
	T_EQ_INT(d->f2f, 1);
	release();
}

static void
front_matter_crlf(void)
{
	struct gv_minutes_doc *d =
	        PARSE("c.md", "\xEF\xBB\xBF---\r\n"
	                      "title: 2024-12-18 Minutes \r\n"
	                      "tags:\r\n"
	                      "- S/MIME\r\n"
	                      "---\r\n"
	                      "\r\n"
	                      "## Attendees\r\n"
	                      "Ben Wilson (Mozilla)\r\n"
	                      "old Mac line\rend");

	T_ASSERT(d != NULL);
	T_EQ_STR(d->title, "2024-12-18 Minutes");
	T_EQ_STR(d->tags[0], "S/MIME");
	T_EQ_STR(d->text, "\n## Attendees\nBen Wilson (Mozilla)\n"
	                  "old Mac line\nend");
	T_EQ_INT(d->nattendees, 1);
	T_ATTENDEE(d, "Ben Wilson", "Mozilla");
	release();
}

static void
error_empty(void)
{
	T_EQ_STR(ERR("empty.md", ""), "empty.md: the file is empty");
	T_EQ_STR(ERR("blank.md", " \r\n\n\t\n"), "blank.md: the file is empty");
	T_EQ_STR(parse_error("null.md", NULL, 0), "null.md: the file is empty");
}

static void
error_no_front_matter(void)
{
	T_EQ_STR(ERR("x.md", "# Minutes\n\nNo front matter.\n"),
	         "x.md: no front matter (a post starts with a \"---\" line)");
	T_EQ_STR(ERR("y.md", "\n---\ntitle: late\n---\n"),
	         "y.md: no front matter (a post starts with a \"---\" line)");
}

static void
error_unterminated(void)
{
	T_EQ_STR(ERR("u.md", "---\ntitle: 2024-12-18 Minutes\n\n# Minutes\n"),
	         "u.md: the front matter has no closing \"---\" line");
	T_EQ_STR(ERR("v.md", "---\n"),
	         "v.md: the front matter has no closing \"---\" line");
}

static void
error_bad_lines(void)
{
	T_EQ_STR(ERR("bad.md", "---\ntitle: x\nthis is not yaml\n---\n"),
	         "bad.md: front matter line 3: expected \"key: value\"");
	T_EQ_STR(ERR("bad.md", "---\r\n\r\n- Minutes\r\n---\r\n"),
	         "bad.md: front matter line 3: expected \"key: value\"");
	T_EQ_STR(ERR("bad.md", "---\ntitle:x\n---\n"),
	         "bad.md: front matter line 2: expected \"key: value\"");
	T_EQ_STR(ERR("bad.md", "---\ntitle: x\n- item\n---\n"),
	         "bad.md: front matter line 3: expected \"key: value\"");
	T_EQ_STR(ERR("bad.md", "---\ntags:\n  Minutes\n---\n"),
	         "bad.md: front matter line 3: expected \"key: value\"");
	T_EQ_STR(ERR("bad.md", "---\ntags:\n- S/MIME\ntitle: \"open\n---\n"),
	         "bad.md: front matter line 4: the quoted value has no "
	         "closing quote");
	T_EQ_STR(ERR("bad.md", "---\ntags: [Minutes, Forum\n---\n"),
	         "bad.md: front matter line 2: the list has no closing \"]\"");
}

static void
error_not_utf8(void)
{
	static const char latin1[] = "---\ntitle: I\xF1igo\n---\n";
	static const char nul[] = "---\ntitle: a\0b\n---\n";

	T_EQ_STR(ERR("l.md", latin1),
	         "l.md: not UTF-8 text (save the file as UTF-8)");
	T_EQ_STR(parse_error("n.md", nul, sizeof(nul) - 1),
	         "n.md: not UTF-8 text (save the file as UTF-8)");
}

static void
error_no_body(void)
{
	static const char *const want =
	        "x.md: no tag names a body (Forum, Server Certificates, "
	        "S/MIME, Code Signing, Network Security)";

	T_EQ_STR(ERR("x.md", "---\ntitle: 2024-01-01 X\n"
	                     "tags:\n- Minutes\n- Ballot\n---\n"),
	         want);
	T_EQ_STR(ERR("x.md", "---\ntitle: 2024-01-01 X\n---\n"), want);
	T_EQ_STR(ERR("x.md", "---\ntags: [Face-to-Face]\n---\n"), want);
}

static void
error_no_date(void)
{
	T_EQ_STR(ERR("minutes.md", "---\ntitle: Minutes of SMCWG\n"
	                           "tags: [S/MIME]\n---\n"),
	         "minutes.md: no meeting date (start the title with "
	         "YYYY-MM-DD or set \"date:\")");
	/* a date that does not exist is no date */
	T_EQ_STR(ERR("2024-02-30.md", "---\ntitle: 2023-02-29 X\n"
	                              "tags: [S/MIME]\n---\n"),
	         "2024-02-30.md: no meeting date (start the title with "
	         "YYYY-MM-DD or set \"date:\")");
}

static void
text_after_front_matter(void)
{
	struct gv_minutes_doc *d =
	        PARSE("t.md", "---\r\ntags: [Forum]\r\ntitle: 2024-01-01 X\r\n"
	                      "---   \r\n\r\n# Minutes\r\n\r\n---\r\nend");

	T_ASSERT(d != NULL);
	T_EQ_STR(d->text, "\n# Minutes\n\n---\nend");
	release();
}

const struct t_case minutes_parse_front_tests[] = {
        {"front_matter_fields", front_matter_fields},
        {"front_matter_escapes", front_matter_escapes},
        {"front_matter_absent_keys", front_matter_absent_keys},
        {"front_matter_flow_and_block", front_matter_flow_and_block},
        {"front_matter_crlf", front_matter_crlf},
        {"error_empty", error_empty},
        {"error_no_front_matter", error_no_front_matter},
        {"error_unterminated", error_unterminated},
        {"error_bad_lines", error_bad_lines},
        {"error_not_utf8", error_not_utf8},
        {"error_no_body", error_no_body},
        {"error_no_date", error_no_date},
        {"text_after_front_matter", text_after_front_matter},
        {NULL, NULL},
};
