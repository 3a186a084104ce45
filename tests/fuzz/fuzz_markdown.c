/* SPDX-License-Identifier: MIT */
/*
 * This file fuzzes Markdown to HTML (gv_markdown_to_html, cmark-gfm with
 * tables, strikethrough and autolinks): minutes, issue bodies and notes
 * as `gavel minutes --format html` shows them, not NUL-terminated. Raw
 * HTML must come out as text: every tag in the output is one cmark-gfm
 * writes itself.
 */
#include <ctype.h>

#include "fuzz.h"
#include "gavel/markdown.h"

static int
tag_known(const char *s)
{
	static const char *const tags[] = {
	        "a",  "blockquote", "br",    "code", "del",    "em",    "h1",
	        "h2", "h3",         "h4",    "h5",   "h6",     "hr",    "img",
	        "li", "ol",         "p",     "pre",  "strong", "table", "tbody",
	        "td", "th",         "thead", "tr",   "ul",
	};
	size_t n = 0, i;

	if (*s == '/')
		s++;
	while (isalnum((unsigned char)s[n]))
		n++;
	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (strlen(tags[i]) == n && !strncmp(tags[i], s, n))
			return s[n] == '>' || s[n] == ' ';
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *html = NULL;
	const char *s;

	if (gv_markdown_to_html(&html, (const char *)data, size) == 0) {
		FUZZ_CHECK(html != NULL);
		for (s = strchr(html, '<'); s; s = strchr(s + 1, '<'))
			FUZZ_CHECK(tag_known(s + 1));
		FUZZ_CHECK(!strstr(html, "href=\"javascript:"));
	}
	free(html);
	return 0;
}
