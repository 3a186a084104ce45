/* SPDX-License-Identifier: MIT */
/*
 * This file declares the gv__ helpers shared inside core: error setting,
 * allocation that cannot fail, the growable string buffer, the embedded
 * default files and the store's internals used by the domain modules.
 */
#ifndef GV_INTERNAL_H
#define GV_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "gavel/error.h"

#if defined(__GNUC__)
#define GV__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define GV__PRINTF(f, a)
#endif

void gv__error_vrecord(enum gv_error_class klass, enum gv_error_code code,
                       const char *fmt, va_list ap) GV__PRINTF(3, 0);

/*
 * Sets the thread's last error once, at its origin; returns code. Inline,
 * so that checkers see which (negative) code each call returns.
 */
static inline int GV__PRINTF(3, 4)
        gv__error_set(enum gv_error_class klass, enum gv_error_code code,
                      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	gv__error_vrecord(klass, code, fmt, ap);
	va_end(ap);
	return code;
}

/* Allocation that aborts on exhaustion (we cannot test every OOM path). */
void *gv__xmalloc(size_t n);
void *gv__xcalloc(size_t n, size_t size);
void *gv__xrealloc(void *p, size_t n);
char *gv__xstrdup(const char *s);

/* path made absolute against the working folder, a leading "~/" against
 * $HOME (not resolved: it may not exist yet), so a setting keeps meaning
 * the same file wherever gavel runs next. Owned. */
char *gv__path_absolute(const char *path);

/* The folder the running program sits in (from /proc/self/exe), or NULL.
 * Owned. */
char *gv__program_dir(void);

/*
 * sub ("share/gavel/templates", "lib/gavel") under the prefix the running
 * program is installed in: the folder above its bin/ (/usr/bin/gavel
 * reads /usr/share/gavel/templates, ~/.local/bin/gavel
 * ~/.local/share/...), or NULL when it runs from no bin/ folder, as where
 * it was built. Found from the program's own path rather than fixed at
 * build time, so one build installs under any PREFIX or DESTDIR, and a
 * program run where it was built (as the tests run it) never reads what
 * an earlier `make install` left on the machine. Owned.
 */
char *gv__installed_path(const char *sub);
char *gv__xstrndup(const char *s, size_t n);
char *gv__xsprintf(const char *fmt, ...) GV__PRINTF(1, 2);

/*
 * Makes room for one more element in an array of n elements of size bytes
 * that has room for *alloc; returns the (possibly moved) array.
 */
void *gv__grow(void *v, size_t *alloc, size_t n, size_t size);

/* Writes all of data[0..len) to fd, again after a signal or a short
 * write: 0, or -1 with errno saying why. */
int gv__write_all(int fd, const void *data, size_t len);

/* A growable, always NUL-terminated string (cmark's strbuf). */
struct gv_buf {
	char *ptr;    /* owned; NULL until the first append */
	size_t size;  /* bytes used, not counting the NUL */
	size_t alloc; /* bytes allocated */
};

#define GV_BUF_INIT                                                            \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

void gv__buf_put(struct gv_buf *b, const char *data, size_t n);
void gv__buf_puts(struct gv_buf *b, const char *s);
void gv__buf_putc(struct gv_buf *b, int c);

/* Writes U+c as UTF-8 into out (U+FFFD for a surrogate or a value past
 * U+10FFFF); returns its length, 1 to 4 bytes. */
size_t gv__utf8_encode(char out[4], uint32_t c);
void gv__buf_printf(struct gv_buf *b, const char *fmt, ...) GV__PRINTF(2, 3);
/* Gives the string to the caller (never NULL) and resets the buffer. */
char *gv__buf_detach(struct gv_buf *b);
void gv__buf_dispose(struct gv_buf *b);

/* Files compiled into the binary by tools/embed.c (templates/, demo). */
struct gv__embedded {
	const char *name; /* base name, e.g. "demo.json" */
	const char *data; /* NUL-terminated */
	int size;         /* bytes, without the NUL */
};

extern const struct gv__embedded gv__embedded_files[];
const struct gv__embedded *gv__embedded_find(const char *name);

/*
 * Checks a name or title given by a user: well-formed UTF-8, no control
 * characters, not empty once trimmed, at most 300 bytes. On success *out is
 * the trimmed copy (caller frees). what names the field in the message.
 */
int gv__clean_name(char **out, enum gv_error_class klass, const char *what,
                   const char *s);

/*
 * Splits "Name (Organisation)" as minutes write it, at the parenthesis that
 * closes the string, so "Kateryna Aleksieieva (Asseco Data Systems SA
 * (Certum))" keeps the inner parentheses in the organisation. *org is NULL
 * when there is none. Both are the caller's to free.
 */
void gv__attendee_split(char **name, char **org, const char *who);

/*
 * Reads dir/name when it is a regular file that resolves inside dir (no
 * way out through "..", "/" or symbolic links). Returns 0 (caller frees
 * *text), GV_ENOTFOUND or GV_ERROR.
 */
int gv__read_in_dir(char **text, const char *dir, const char *name);

/*
 * Reads a whole file given by a user (an import). More than max bytes is
 * GV_EINVALID: "PATH is larger than N MB: too_big". Returns 0 (caller
 * frees *data; *len its bytes), GV_ENOTFOUND or GV_ERROR.
 */
int gv__read_file(char **data, size_t *len, const char *path, size_t max,
                  enum gv_error_class klass, const char *too_big);

/* The git blob id of a text (40 hex digits; caller frees), as `git
 * hash-object` gives it, or NULL. */
char *gv__text_hash(const char *text);

/* The same, of len bytes, into hex (40 digits and a NUL): 0, or
 * GV_ERROR. */
int gv__text_hash_into(char hex[41], const char *text, size_t len);

/* A UTC offset in seconds as TIME writes it: "-05:00", "+10:30". */
void gv__time_format_offset(char *buf, size_t n, int offset);

/* The English name of a month, 1 = "January". */
const char *gv__month_name(unsigned month);

/* 0 when name is spelled as the IANA database's zone names are, else
 * GV_EINVALID; whether this machine's database has it is gv_zone_check's
 * question (core/zone.c says which asks which). */
int gv__zone_check_form(const char *name);

/* Checks free text (notes, bodies): UTF-8 only; NUL-free by type. */
int gv__check_text(enum gv_error_class klass, const char *what, const char *s);

/* Checks a single-line field (a title, a name, a label): UTF-8 without
 * control characters (C0, DEL, C1). NULL passes. */
int gv__check_line(enum gv_error_class klass, const char *what, const char *s);

/* A copy of valid UTF-8 s with each control character a space: the one
 * line an imported title or label becomes (caller frees). */
char *gv__line_flatten(const char *s);

#endif
