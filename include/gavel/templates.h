/* SPDX-License-Identifier: MIT */
/*
 * This file declares the template search path: the folders a user names,
 * then a body's own folder, then the installed defaults (share/gavel/templates
 * beside the bin/ folder the program runs from: $(PREFIX)/share/gavel/
 * templates after `make install`), then the copies built into the binary.
 * The first folder that has a name wins. Templates (and their partials)
 * are read only from these folders.
 */
#ifndef GV_TEMPLATES_H
#define GV_TEMPLATES_H

#include <stddef.h>

struct gv_templates;

/*
 * A search path: dirs[0..n) first (NULL entries are skipped), then the
 * installed and built-in defaults. Caller frees with gv_templates_free().
 */
struct gv_templates *gv_templates_new(const char *const *dirs, size_t n);
void gv_templates_free(struct gv_templates *path);

/*
 * Reads the template called name, or name.md when name has no extension.
 * Names are single file names: '/' and a leading '.' are refused, so a
 * template cannot reach outside the search path. *origin (may be NULL) is
 * the folder it came from, or "built-in". Returns 0 (caller frees *text
 * and *origin with free()), GV_ENOTFOUND or GV_EINVALID.
 */
int gv_templates_read(char **text, char **origin,
                      const struct gv_templates *path, const char *name);

struct gv_template_info {
	char *name;   /* file name, e.g. "roster.md" */
	char *origin; /* its folder, or "built-in" */
};

struct gv_template_list {
	struct gv_template_info *v;
	size_t n;
};

/* Every template on the path (.md, .html, .txt), the first of each name.
 * Caller frees with gv_template_list_free(). */
int gv_templates_list(struct gv_template_list **out,
                      const struct gv_templates *path);
void gv_template_list_free(struct gv_template_list *list);

/* Nonzero if name is usable as a template name (see gv_templates_read). */
int gv_template_name_ok(const char *name);

#endif
