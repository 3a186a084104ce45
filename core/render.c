/* SPDX-License-Identifier: MIT */
/*
 * This file implements rendering a document end to end: find the template,
 * build its data (a JSON file, a view builder, or both), render it with
 * the escaping of its format, and for HTML convert the Markdown and wrap
 * it in page.html. Nothing is returned unless every step succeeded, so a
 * caller never writes half a document.
 */
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "gavel/markdown.h"
#include "gavel/render.h"
#include "gavel/template.h"
#include "gavel/templates.h"
#include "internal.h"
#include "mustache.h"
#include "view.h"

enum kind { KIND_MD, KIND_HTML, KIND_TEXT };

struct partials {
	const char *dir; /* --partials, or NULL */
	const struct gv_templates *path;
};

/* {{>name}}: the --partials folder first (name.md, then name), then the
 * search path. */
static int
find_partial(char **text, const char *name, void *payload)
{
	const struct partials *p = payload;
	char *with_md;
	int error;

	if (!gv_template_name_ok(name))
		return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_EINVALID,
		                     "\"%s\" is not a template name: partials "
		                     "are file names, without '/'",
		                     name);
	if (p->dir) {
		with_md = gv__xsprintf("%s.md", name);
		error = gv__read_in_dir(text, p->dir, with_md);
		free(with_md);
		if (error == GV_ENOTFOUND)
			error = gv__read_in_dir(text, p->dir, name);
		if (error != GV_ENOTFOUND)
			return error;
	}
	return gv_templates_read(text, NULL, p->path, name);
}

static enum kind
kind_of(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (dot && !strcmp(dot, ".html"))
		return KIND_HTML;
	if (dot && !strcmp(dot, ".txt"))
		return KIND_TEXT;
	return KIND_MD;
}

/* Reads a file the user named (any path: they chose it). */
static int
read_user_file(char **text, const char *path)
{
	char *copy = gv__xstrdup(path), *slash = strrchr(copy, '/');
	int error;

	if (slash) {
		*slash = '\0';
		error = gv__read_in_dir(text, *copy ? copy : "/", slash + 1);
	} else {
		error = gv__read_in_dir(text, ".", copy);
	}
	free(copy);
	if (error == GV_ENOTFOUND)
		return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_ENOTFOUND,
		                     "no file %s", path);
	return error;
}

/* The template's text and the name messages use for it. */
static int
load_template(char **text, char **name, const struct gv_templates *path,
              const char *wanted)
{
	const char *base = strrchr(wanted, '/');
	int error;

	/* The name messages use, and whose extension sets the format. */
	*name = base                  ? gv__xstrdup(base + 1)
	        : strchr(wanted, '.') ? gv__xstrdup(wanted)
	                              : gv__xsprintf("%s.md", wanted);
	if (base)
		return read_user_file(text, wanted);
	error = gv_templates_read(text, NULL, path, wanted);
	if (error != GV_ENOTFOUND)
		return error;
	/* Not on the search path: a file of that name, here. */
	if (read_user_file(text, wanted) == 0)
		return 0;
	return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_ENOTFOUND,
	                     "no template \"%s\": see 'gavel templates list', "
	                     "or give a file's path",
	                     wanted);
}

/* The view the spec names: a meeting's, a ballot's, an issue's, a
 * body's roster, or none. */
static int
load_view(json_t **out, struct gv_db *db, const struct gv_render_spec *spec)
{
	*out = NULL;
	if (!spec->body && spec->meeting <= 0 && !spec->ballot &&
	    !spec->issue && !spec->remind)
		return 0;
	if (!db)
		return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_EINVALID,
		                     "the store's data needs a database");
	if (spec->remind)
		return gv__view_remind(out, db, spec->body, spec->within_days);
	if (spec->meeting > 0)
		return gv__view_meeting(out, db, spec->meeting);
	if (spec->ballot)
		return gv__view_ballot(out, db, spec->ballot, 1);
	if (spec->issue)
		return gv__view_issue(out, db, spec->issue);
	return gv__view_roster(out, db, spec->body);
}

static int
load_data(json_t **out, struct gv_db *db, const struct gv_render_spec *spec)
{
	json_error_t jerr;
	json_t *data = NULL, *file;
	int error;

	*out = NULL;
	if ((error = load_view(&data, db, spec)) < 0)
		return error;
	if (spec->data_path) {
		file = json_load_file(spec->data_path, JSON_DECODE_ANY, &jerr);
		if (!file) {
			json_decref(data);
			return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_EINVALID,
			                     "%s, line %d, column %d: %s",
			                     spec->data_path, jerr.line,
			                     jerr.column, jerr.text);
		}
		if (data && json_is_object(file)) {
			json_object_update(data, file);
			json_decref(file);
		} else {
			json_decref(data);
			data = file;
		}
	}
	*out = data ? data : json_object();
	return 0;
}

static int
check_format(enum gv_render_format *format, enum kind kind, const char *name)
{
	static const enum gv_render_format natural[] = {
	        [KIND_MD] = GV_RENDER_MD,
	        [KIND_HTML] = GV_RENDER_HTML,
	        [KIND_TEXT] = GV_RENDER_TEXT,
	};

	if (*format == GV_RENDER_AUTO)
		*format = natural[kind];
	if (*format == natural[kind] ||
	    (kind == KIND_MD && *format == GV_RENDER_HTML))
		return 0;
	return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_EINVALID,
	                     "%s renders only as %s", name,
	                     kind == KIND_MD     ? "md or html"
	                     : kind == KIND_HTML ? "html"
	                                         : "text");
}

/*
 * Where the Markdown proper starts: after a YAML front matter block (a
 * website post's), which is not part of the page. *title is its "title:"
 * value when it has one (caller frees), else NULL.
 */
static size_t
front_matter(const char *md, char **title)
{
	const char *line = md + 4, *end;

	*title = NULL;
	if (strncmp(md, "---\n", 4))
		return 0;
	while (*line) {
		end = strchr(line, '\n');
		if (!end)
			return 0;
		if (!strncmp(line, "---\n", 4))
			return (size_t)(end + 1 - md);
		if (!strncmp(line, "title: ", 7) && !*title)
			*title = gv__xstrndup(line + 7,
			                      (size_t)(end - line - 7));
		line = end + 1;
	}
	free(*title);
	*title = NULL;
	return 0;
}

/* The page's title: the data's "title", the front matter's, else the
 * first "# " heading, else the template's name. */
static char *
page_title(json_t *data, const char *md, char *front_title, const char *name)
{
	const char *line = md, *end;

	if (json_is_string(json_object_get(data, "title"))) {
		free(front_title);
		return gv__xstrdup(
		        json_string_value(json_object_get(data, "title")));
	}
	if (front_title)
		return front_title;
	while (line && *line) {
		if (!strncmp(line, "# ", 2)) {
			end = strchr(line, '\n');
			return gv__xstrndup(line + 2,
			                    end ? (size_t)(end - line - 2)
			                        : strlen(line + 2));
		}
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
	return gv__xstrdup(name);
}

/* Converts rendered Markdown to HTML and wraps it in page.html. */
static int
wrap_page(char **out, size_t *len, const struct gv_templates *path,
          const struct gv_mustache_opts *md_opts, json_t *data, const char *md,
          size_t md_len, const char *name)
{
	struct gv_mustache_opts opts = *md_opts;
	struct mu_template *page = NULL;
	char *html = NULL, *text = NULL, *title, *front;
	size_t skip = front_matter(md, &front);
	json_t *vars;
	int error;

	if ((error = gv_markdown_to_html(&html, md + skip, md_len - skip)) <
	            0 ||
	    (error = gv_templates_read(&text, NULL, path, "page.html")) < 0 ||
	    (error = gv__mu_parse(&page, "page.html", text, strlen(text), NULL,
	                          NULL)) < 0)
		goto out;
	title = page_title(data, md + skip, front, name);
	front = NULL;
	vars = json_pack("{s:s%, s:s}", "title", title, strlen(title),
	                 "generator", "gavel " GV_VERSION);
	free(title);
	/* cmark-gfm writes UTF-8 of UTF-8 (gv_markdown_to_html checks the
	 * Markdown): jansson's check of the whole page again cost a fifth
	 * of rendering a large document. */
	json_object_set_new(vars, "body",
	                    json_stringn_nocheck(html, strlen(html)));
	opts.escape = GV_ESCAPE_HTML;
	error = gv__mu_render(out, len, page, vars, &opts);
	json_decref(vars);
out:
	gv__mu_free(page);
	free(html);
	free(text);
	free(front);
	return error;
}

/* The template text rendered with data. A text without "{{" has no tag
 * (a tag, the delimiter-setting one included, opens with "{{"), so it is
 * its own rendering: a document rendered as it is is not parsed. */
static int
render_template(char **out, size_t *len, struct mu_template **t,
                const char *name, const char *text, json_t *data,
                const struct gv_mustache_opts *opts)
{
	int error;

	if (!strstr(text, "{{")) {
		*len = strlen(text);
		*out = gv__xstrndup(text, *len);
		return 0;
	}
	if ((error = gv__mu_parse(t, name, text, strlen(text), NULL, NULL)) < 0)
		return error;
	return gv__mu_render(out, len, *t, data, opts);
}

int
gv_render(char **out, size_t *len, struct gv_db *db,
          const struct gv_render_spec *spec)
{
	struct gv_body body = {0};
	struct gv_templates *path = NULL;
	struct mu_template *t = NULL;
	enum gv_render_format format = spec->format;
	struct partials partials = {spec->partials_dir, NULL};
	struct gv_mustache_opts opts = {GV_ESCAPE_MARKDOWN, find_partial,
	                                &partials, 0};
	const char *dirs[2], *code;
	char *text = NULL, *name = NULL, *md = NULL;
	json_t *data = NULL;
	size_t md_len;
	enum kind kind;
	int error;

	*out = NULL;
	if ((error = load_data(&data, db, spec)) < 0)
		return error;
	/* The body's own folder joins the search path. */
	code = json_string_value(
	        json_object_get(json_object_get(data, "body"), "code"));
	if ((spec->body || spec->meeting > 0 || spec->ballot || spec->issue ||
	     spec->remind) &&
	    code && (error = gv_body_get(&body, db, code)) < 0)
		goto out;
	dirs[0] = spec->templates_dir;
	dirs[1] = body.templates;
	path = gv_templates_new(dirs, 2);
	partials.path = path;
	if ((error = load_template(&text, &name, path, spec->template)) < 0)
		goto out;
	kind = kind_of(name);
	opts.escape = kind == KIND_HTML   ? GV_ESCAPE_HTML
	              : kind == KIND_TEXT ? GV_ESCAPE_NONE
	                                  : GV_ESCAPE_MARKDOWN;
	if ((error = check_format(&format, kind, name)) < 0 ||
	    (error = render_template(&md, &md_len, &t, name, text, data,
	                             &opts)) < 0)
		goto out;
	if (kind == KIND_MD && format == GV_RENDER_HTML) {
		error = wrap_page(out, len, path, &opts, data, md, md_len,
		                  name);
		goto out;
	}
	*out = md;
	md = NULL;
	if (len)
		*len = md_len;
out:
	gv__mu_free(t);
	json_decref(data);
	gv_templates_free(path);
	gv_body_dispose(&body);
	free(text);
	free(name);
	free(md);
	return error;
}
