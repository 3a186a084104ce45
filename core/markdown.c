/* SPDX-License-Identifier: MIT */
/*
 * This file implements Markdown to HTML with cmark-gfm and its table,
 * strikethrough and autolink extensions. cmark's safe mode would drop raw
 * HTML silently; gavel turns it into text instead, so a reader sees what
 * was written and nothing of it runs.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "gavel/markdown.h"
#include "gavel/text.h"
#include "internal.h"

static const char *const extensions[] = {"table", "strikethrough", "autolink"};

/* Replaces raw HTML nodes by text (inline) or code blocks (blocks). */
static void
markdown_defuse_html(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node **found = NULL, *n;
	size_t nfound = 0, alloc = 0, i;
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE ||
		     cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK)) {
			found = gv__grow(found, &alloc, nfound, sizeof(*found));
			found[nfound++] = n;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < nfound; i++) {
		int inline_html =
		        cmark_node_get_type(found[i]) == CMARK_NODE_HTML_INLINE;
		cmark_node *text = cmark_node_new(
		        inline_html ? CMARK_NODE_TEXT : CMARK_NODE_CODE_BLOCK);

		cmark_node_set_literal(text, cmark_node_get_literal(found[i]));
		cmark_node_replace(found[i], text);
		cmark_node_free(found[i]);
	}
	free(found);
}

int
gv_markdown_to_html(char **out, const char *md, size_t len)
{
	cmark_parser *parser;
	cmark_node *doc;
	char *html;
	size_t i;

	*out = NULL;
	if (!gv_utf8_valid(md, len))
		return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_EINVALID,
		                     "the Markdown is not UTF-8");
	cmark_gfm_core_extensions_ensure_registered();
	parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	for (i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++)
		cmark_parser_attach_syntax_extension(
		        parser, cmark_find_syntax_extension(extensions[i]));
	cmark_parser_feed(parser, md, len);
	doc = cmark_parser_finish(parser);
	/* Raw HTML needs a '<' (every HTML block and every inline HTML
	 * starts with one): without any, there is none to look for. */
	if (memchr(md, '<', len))
		markdown_defuse_html(doc);
	html = cmark_render_html(doc, CMARK_OPT_DEFAULT,
	                         cmark_parser_get_syntax_extensions(parser));
	cmark_node_free(doc);
	cmark_parser_free(parser);
	*out = gv__xstrdup(html);
	cmark_get_default_mem_allocator()->free(html);
	return 0;
}
