/* SPDX-License-Identifier: MIT */
/*
 * This file declares Markdown to HTML conversion (cmark-gfm, GitHub's
 * flavour: tables, strikethrough, autolinks).
 */
#ifndef GV_MARKDOWN_H
#define GV_MARKDOWN_H

#include <stddef.h>

/*
 * Converts Markdown to an HTML fragment. Safe: raw HTML in the input is
 * shown as text (escaped), never passed through, and links with unsafe
 * schemes (javascript:, ...) are dropped. Returns 0 (caller frees *out with
 * free()) or GV_EINVALID when md is not UTF-8.
 */
int gv_markdown_to_html(char **out, const char *md, size_t len);

#endif
