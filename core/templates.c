/* SPDX-License-Identifier: MIT */
/*
 * This file implements the template search path. A name is one file name
 * (no '/', no leading '.'), and a file found through a symbolic link must
 * still resolve inside its folder, so a template or a partial reference
 * can never read a file outside the path.
 */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gavel/templates.h"
#include "internal.h"

struct gv_templates {
	char **dirs; /* owned; the installed folder last */
	size_t n;
};

struct gv_templates *
gv_templates_new(const char *const *dirs, size_t n)
{
	struct gv_templates *path = gv__xcalloc(1, sizeof(*path));
	size_t i;
	/* The installed defaults last (internal.h says where they are). */
	char *installed = gv__installed_path("share/gavel/templates");

	path->dirs = gv__xcalloc(n + 1, sizeof(*path->dirs));
	for (i = 0; i < n; i++)
		if (dirs[i] && *dirs[i])
			path->dirs[path->n++] = gv__xstrdup(dirs[i]);
	if (installed)
		path->dirs[path->n++] = installed;
	return path;
}

void
gv_templates_free(struct gv_templates *path)
{
	size_t i;

	if (!path)
		return;
	for (i = 0; i < path->n; i++)
		free(path->dirs[i]);
	free(path->dirs);
	free(path);
}

int
gv_template_name_ok(const char *name)
{
	return name && *name && name[0] != '.' && !strchr(name, '/') &&
	       strlen(name) < 200;
}

static int
is_template_file(const char *name)
{
	const char *dot = strrchr(name, '.');

	return gv_template_name_ok(name) && dot &&
	       (!strcmp(dot, ".md") || !strcmp(dot, ".html") ||
	        !strcmp(dot, ".txt"));
}

int
gv__read_in_dir(char **text, const char *dir, const char *name)
{
	char *file = gv__xsprintf("%s/%s", dir, name);
	char real_dir[PATH_MAX], real_file[PATH_MAX];
	struct stat st;
	size_t dlen;
	FILE *f = NULL;
	struct gv_buf b = GV_BUF_INIT;
	char chunk[8192];
	size_t got;
	int error = GV_ENOTFOUND;

	if (!realpath(dir, real_dir) || !realpath(file, real_file) ||
	    stat(real_file, &st) != 0 || !S_ISREG(st.st_mode))
		goto out;
	dlen = strlen(real_dir);
	if (strncmp(real_file, real_dir, dlen) != 0 || real_file[dlen] != '/')
		goto out;
	if (!(f = fopen(real_file, "rb"))) {
		error = gv__error_set(GV_ERRCLASS_TEMPLATE, GV_ERROR,
		                      "cannot read %s: %s", file,
		                      strerror(errno));
		goto out;
	}
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		gv__buf_put(&b, chunk, got);
	if (ferror(f)) {
		error = gv__error_set(GV_ERRCLASS_TEMPLATE, GV_ERROR,
		                      "cannot read %s", file);
		gv__buf_dispose(&b);
		goto out;
	}
	*text = gv__buf_detach(&b);
	error = 0;
out:
	if (f)
		fclose(f);
	free(file);
	return error;
}

/* One name, as given: the folders in order, then the built-in copy. */
static int
find_exact(char **text, char **origin, const struct gv_templates *path,
           const char *name)
{
	const struct gv__embedded *e;
	size_t i;
	int error;

	for (i = 0; i < path->n; i++) {
		error = gv__read_in_dir(text, path->dirs[i], name);
		if (error != GV_ENOTFOUND) {
			if (error == 0 && origin)
				*origin = gv__xstrdup(path->dirs[i]);
			return error;
		}
	}
	if ((e = gv__embedded_find(name)) && is_template_file(name)) {
		*text = gv__xstrndup(e->data, (size_t)e->size);
		if (origin)
			*origin = gv__xstrdup("built-in");
		return 0;
	}
	return GV_ENOTFOUND;
}

int
gv_templates_read(char **text, char **origin, const struct gv_templates *path,
                  const char *name)
{
	char *with_md;
	int error;

	*text = NULL;
	if (origin)
		*origin = NULL;
	if (!gv_template_name_ok(name))
		return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_EINVALID,
		                     "\"%s\" is not a template name: use a "
		                     "file name from 'gavel templates list', "
		                     "without '/'",
		                     name ? name : "");
	if ((error = find_exact(text, origin, path, name)) != GV_ENOTFOUND)
		return error;
	if (!strchr(name, '.')) {
		with_md = gv__xsprintf("%s.md", name);
		error = find_exact(text, origin, path, with_md);
		free(with_md);
		if (error != GV_ENOTFOUND)
			return error;
	}
	return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_ENOTFOUND,
	                     "no template \"%s\": see 'gavel templates list'",
	                     name);
}

static void
list_add(struct gv_template_list *list, size_t *alloc, const char *name,
         const char *origin)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (!strcmp(list->v[i].name, name))
			return; /* an earlier folder has it */
	list->v = gv__grow(list->v, alloc, list->n, sizeof(*list->v));
	list->v[list->n].name = gv__xstrdup(name);
	list->v[list->n++].origin = gv__xstrdup(origin);
}

static int
list_cmp(const void *a, const void *b)
{
	return strcmp(((const struct gv_template_info *)a)->name,
	              ((const struct gv_template_info *)b)->name);
}

int
gv_templates_list(struct gv_template_list **out,
                  const struct gv_templates *path)
{
	struct gv_template_list *list = gv__xcalloc(1, sizeof(*list));
	const struct gv__embedded *e;
	struct dirent *ent;
	size_t alloc = 0, i;
	DIR *d;

	for (i = 0; i < path->n; i++) {
		if (!(d = opendir(path->dirs[i])))
			continue;
		while ((ent = readdir(d)))
			if (is_template_file(ent->d_name))
				list_add(list, &alloc, ent->d_name,
				         path->dirs[i]);
		closedir(d);
	}
	for (e = gv__embedded_files; e->name; e++)
		if (is_template_file(e->name))
			list_add(list, &alloc, e->name, "built-in");
	qsort(list->v, list->n, sizeof(*list->v), list_cmp);
	*out = list;
	return 0;
}

void
gv_template_list_free(struct gv_template_list *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->n; i++) {
		free(list->v[i].name);
		free(list->v[i].origin);
	}
	free(list->v);
	free(list);
}
