/* SPDX-License-Identifier: MIT */
/*
 * This file declares the Mustache engine's parsed form, shared by its parser
 * (core/mustache_parse.c) and renderer (core/mustache_render.c).
 */
#ifndef GV_CORE_MUSTACHE_H
#define GV_CORE_MUSTACHE_H

#include <stddef.h>

#include <jansson.h>

#include "gavel/template.h"

#define MU_DELIM_MAX 16

/* Sections, partials, parents and blocks nested deeper than this are an
 * error: no real template nests a tenth as deep, and each level is a
 * frame of the parser's and the renderer's recursion. */
#define MU_MAX_DEPTH 100

/* A rendered document larger than this is an error: a section repeated
 * over lists inside lists grows without bound (ten items nested nine
 * deep is a billion copies). */
#define MU_MAX_OUTPUT (64u << 20)

/* And so is one that renders sections more often than this, even with no
 * output: ten empty sections nested over a ten-item list would loop ten
 * billion times. A real document renders a few hundred thousand. */
#define MU_MAX_STEPS (16u << 20)

enum mu_type {
	MU_ROOT,
	MU_TEXT,     /* src[start, end) as is */
	MU_VAR,      /* {{name}}, {{{name}}}, {{&name}} */
	MU_SECTION,  /* {{#name}} */
	MU_INVERTED, /* {{^name}} */
	MU_PARTIAL,  /* {{>name}}, {{>*name}} */
	MU_PARENT,   /* {{<name}}...{{/name}} (~inheritance) */
	MU_BLOCK,    /* {{$name}}...{{/name}} (~inheritance) */
};

struct mu_node {
	enum mu_type type;
	size_t start, end;       /* MU_TEXT: the text; others: the name */
	size_t tag;              /* offset of the tag, for messages */
	unsigned raw : 1;        /* MU_VAR: not escaped */
	unsigned dynamic : 1;    /* MU_PARTIAL, MU_PARENT: name is looked up */
	unsigned standalone : 1; /* MU_PARTIAL, MU_PARENT, MU_BLOCK */
	size_t indent_start,
	        indent_end;          /* standalone: the line's indentation */
	size_t body_start, body_end; /* MU_BLOCK: its content's source */
	char open[MU_DELIM_MAX], close[MU_DELIM_MAX]; /* MU_BLOCK: delimiters
	                                                 of its content */
	struct mu_node *kids;
	size_t nkids;
};

struct mu_template {
	char *name; /* for messages: "roster.md" */
	char *src;  /* owned; NUL-terminated */
	size_t len;
	struct mu_node root;
};

/*
 * Parses src[0..len) with the given starting delimiters (NULL: "{{", "}}").
 * On error returns GV_EINVALID with "name:line:column: what" set.
 */
int gv__mu_parse(struct mu_template **out, const char *name, const char *src,
                 size_t len, const char *open, const char *close);
void gv__mu_free(struct mu_template *t);

/* "name:line:col" of an offset of t's source, into buf. */
void gv__mu_where(char *buf, size_t n, const struct mu_template *t,
                  size_t offset);

/* Renders a parsed template against the JSON context data. */
int gv__mu_render(char **out, size_t *len, const struct mu_template *t,
                  json_t *data, const struct gv_mustache_opts *opts);

/* The escaping of a value for an output format (appends to b). */
struct gv_buf;
void gv__escape(struct gv_buf *b, const char *s, size_t n, enum gv_escape mode);

/* Stored text as a document shows it: control characters made visible
 * and invalid UTF-8 replaced (gv_text_sanitize), then escaped for mode.
 * s may be NULL (nothing is written). */
void gv__escape_text(struct gv_buf *b, const char *s, enum gv_escape mode);

#endif
