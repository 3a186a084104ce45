/* SPDX-License-Identifier: MIT */
/*
 * This file declares the check that a JSON text is written exactly as
 * jansson writes what it holds with JSON_COMPACT | JSON_SORT_KEYS (an
 * operation's canonical form, core/op_log.c), read off the text itself
 * instead of writing the parsed tree out again to compare.
 */
#ifndef GV_CORE_JSON_CANON_H
#define GV_CORE_JSON_CANON_H

#include <stddef.h>

/*
 * Whether text, which jansson has parsed (json_loadb with
 * JSON_REJECT_DUPLICATES) into an object holding no real number, is what
 * json_dumps(that object, JSON_COMPACT | JSON_SORT_KEYS) writes, byte for
 * byte: no space outside strings; each object's keys in jansson's order
 * (their bytes compared, a prefix first); each string escaped as jansson
 * escapes (\" \\ \b \f \n \r \t, other control characters \u00XX in
 * capitals, everything else as it is); integers as printf's %lld
 * writes them.
 */
int gv__json_canonical(const char *text, size_t len);

#endif
