/* SPDX-License-Identifier: MIT */
/*
 * This file declares gavel's Mustache engine (held to the official spec,
 * with its optional inheritance and dynamic-names modules) and the
 * escaping it applies for each output format.
 */
#ifndef GV_TEMPLATE_H
#define GV_TEMPLATE_H

#include <stddef.h>

/* How {{name}} values are escaped; {{{name}}} and {{&name}} never are. */
enum gv_escape {
	GV_ESCAPE_HTML,     /* & < > " ' as entities (the spec's default) */
	GV_ESCAPE_MARKDOWN, /* backslash-escapes what would change Markdown's
	                       structure; newlines become spaces */
	GV_ESCAPE_NONE,     /* plain text */
};

/*
 * Finds the text of the partial (or parent) template name. Returns 0 with
 * *text set (caller frees with free()), GV_ENOTFOUND, or another error
 * with its message set.
 */
typedef int (*gv_partial_fn)(char **text, const char *name, void *payload);

struct gv_mustache_opts {
	enum gv_escape escape;
	gv_partial_fn partial; /* NULL: no partials */
	void *payload;
	/* Nonzero: a partial that cannot be found renders as nothing, as the
	 * spec says; zero (gavel's templates): it is an error that names
	 * the template, line and column. */
	int lenient;
};

/*
 * Renders template (called name in messages) with the JSON document
 * data_json as its context (NULL: an empty object). On success *out holds
 * the rendered bytes (NUL-terminated; *len excludes the NUL) and the caller
 * frees it with free(). Errors: GV_EINVALID (bad template, bad JSON: the
 * message gives name:line:column), GV_ENOTFOUND (a partial), GV_ERROR
 * (partials nested too deep).
 */
int gv_mustache_render(char **out, size_t *len, const char *name,
                       const char *template, const char *data_json,
                       const struct gv_mustache_opts *opts);

#endif
