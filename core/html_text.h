/* SPDX-License-Identifier: MIT */
/*
 * This file declares reading an HTML mail part as the text its reader
 * sees (core/html_text.c), for messages sent as HTML only.
 */
#ifndef GV_CORE_HTML_TEXT_H
#define GV_CORE_HTML_TEXT_H

#include <stddef.h>

/*
 * The text of len bytes of HTML (UTF-8; invalid bytes become U+FFFD):
 * tags dropped, blocks (<p>, <div>, <br>, <li>, <tr>) on lines of their
 * own, entities decoded, spaces collapsed outside <pre>, and the content
 * of <head>, <style>, <script> and comments left out. Each line inside a
 * <blockquote> starts with "> " per level, as a plain-text reply quotes,
 * so one quote rule serves both. Caller frees.
 */
char *gv__html_text(const char *html, size_t len);

#endif
