/* SPDX-License-Identifier: MIT */
/*
 * This file declares rendering a document: a template from the search path
 * (or a file), filled with data from a JSON file or from the store's view
 * builders, escaped for its output format, and for HTML converted from
 * Markdown and wrapped in the page template (page.html).
 */
#ifndef GV_RENDER_H
#define GV_RENDER_H

#include <stddef.h>
#include <stdint.h>

struct gv_db;

enum gv_render_format {
	GV_RENDER_AUTO, /* what the template is: .md, .html or .txt */
	GV_RENDER_MD,   /* Markdown, values Markdown-escaped */
	GV_RENDER_HTML, /* .md converted and wrapped in page.html, or .html */
	GV_RENDER_TEXT, /* .txt, values as they are */
};

struct gv_render_spec {
	const char *template;  /* a name on the search path, or a file path */
	const char *data_path; /* a JSON file: the context, or NULL */
	const char *body;      /* a body's code: its roster is the context
	                          (under --data's keys) and its folder joins
	                          the search path; needs db */
	int64_t meeting;       /* > 0: a meeting's data (minutes, agenda),
	                          and its body's folder; needs db */
	const char *ballot;    /* a ballot's data (the notices); needs db */
	const char *issue;     /* an issue's story ("SMCWG#263"); needs db */
	int remind;      /* nonzero: what is due (remind.md's data), of body
	                    (its roster is not loaded) or of all bodies;
	                    needs db */
	int within_days; /* with remind: due within so many days (0: all) */
	const char *templates_dir; /* searched first, or NULL */
	const char *partials_dir;  /* {{>name}}: DIR/name.md, DIR/name */
	enum gv_render_format format;
};

/*
 * Renders a document. On success *out holds exactly the rendered bytes
 * (NUL-terminated; *len excludes the NUL; caller frees with free()).
 * Errors name the template, line and column (GV_EINVALID for a broken
 * template or data file, GV_ENOTFOUND for a missing template or partial).
 * db may be NULL when spec->body is.
 */
int gv_render(char **out, size_t *len, struct gv_db *db,
              const struct gv_render_spec *spec);

#endif
