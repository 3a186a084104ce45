/* SPDX-License-Identifier: MIT */
/*
 * This file declares the text helpers both front ends share: UTF-8
 * validation, the matching key for names, making stored text safe for a
 * terminal, and measuring it in terminal columns.
 */
#ifndef GV_TEXT_H
#define GV_TEXT_H

#include <stddef.h>

/* Nonzero when s[0..len) is well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF). */
int gv_utf8_valid(const char *s, size_t len);

/*
 * The matching key of a name: case folded, Latin diacritics removed
 * ("Iñigo" and "INIGO" match), runs of white space collapsed, trimmed.
 * Caller frees with free().
 */
char *gv_text_fold(const char *s);

/*
 * Orders names as people sort them: by their folded keys (case and
 * accents ignored), with runs of digits compared as numbers ("Issuer 2"
 * before "Issuer 10"); names that fold alike are ordered by their bytes.
 * Returns <0, 0 (the same string) or >0. Store queries sort names with it
 * as the collation "gv_name".
 */
int gv_text_collate(const char *a, const char *b);

enum gv_sanitize_flags {
	GV_SANITIZE_KEEP_NEWLINES = 1 << 0, /* keep \n (multi-line text) */
};

/*
 * A copy of s that is safe to write to a terminal as one line: ESC and
 * the other C0 controls, line feeds and tabs included, become caret
 * notation ("^[", "^J"), C1 controls, bidirectional overrides and invalid
 * bytes become U+FFFD. With GV_SANITIZE_KEEP_NEWLINES (multi-line text)
 * line feeds stay and tabs and carriage returns become spaces. Caller
 * frees with free().
 */
char *gv_text_sanitize(const char *s, unsigned flags);

/* A copy of s[0..n) with invalid UTF-8 bytes replaced by U+FFFD and
 * nothing else changed. Caller frees with free(). */
char *gv_utf8_repair(const char *s, size_t n);

/* Columns a sanitized string takes on a terminal (wide CJK counts 2). */
size_t gv_text_width(const char *s);

/*
 * A sanitized copy of s that fits in cols columns, ending in "…" when it
 * was cut. Caller frees with free().
 */
char *gv_text_truncate(const char *s, size_t cols);

#endif
