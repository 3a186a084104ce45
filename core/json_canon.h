/* SPDX-License-Identifier: MIT */
/*
 * This file declares the reader of a JSON text that must be written
 * exactly as jansson writes what it holds with JSON_COMPACT |
 * JSON_SORT_KEYS (an operation's canonical form, core/op_log.c): one
 * pass that checks the form and builds the value, where json_loadb and a
 * check afterwards read the text twice.
 */
#ifndef GV_CORE_JSON_CANON_H
#define GV_CORE_JSON_CANON_H

#include <jansson.h>
#include <stddef.h>

/*
 * The object text holds, as json_loadb(text, len, JSON_REJECT_DUPLICATES)
 * would read it, when text is what json_dumps(that object, JSON_COMPACT |
 * JSON_SORT_KEYS) writes, byte for byte, and holds no real number: no
 * space outside strings; each object's keys in jansson's order (their
 * bytes compared, a prefix first); each string valid UTF-8, escaped as
 * jansson escapes (\" \\ \b \f \n \r \t, other control characters \u00XX
 * in capitals, everything else as it is); integers as printf's %lld
 * writes them; no deeper than json_loadb reads. NULL for any other text.
 */
json_t *gv__json_load_canonical(const char *text, size_t len);

#endif
