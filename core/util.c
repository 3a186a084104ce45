/* SPDX-License-Identifier: MIT */
/*
 * This file implements core's allocation helpers, the string buffer and the
 * lookup of the files compiled into the binary.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

void *
gv__xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		abort();
	return p;
}

void *
gv__xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		abort();
	return p;
}

void *
gv__xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		abort();
	return q;
}

void *
gv__grow(void *v, size_t *alloc, size_t n, size_t size)
{
	if (n < *alloc)
		return v;
	*alloc = *alloc ? *alloc * 2 : 8;
	return gv__xrealloc(v, *alloc * size);
}

int
gv__write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			/* A write of nothing would be tried for ever. */
			if (n == 0)
				errno = EIO;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

char *
gv__xstrdup(const char *s)
{
	return s ? gv__xstrndup(s, strlen(s)) : NULL;
}

char *
gv__xstrndup(const char *s, size_t n)
{
	char *p = gv__xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void
buf_grow(struct gv_buf *b, size_t extra)
{
	size_t want = b->size + extra + 1;

	if (want <= b->alloc)
		return;
	if (want < b->alloc * 2)
		want = b->alloc * 2;
	if (want < 64)
		want = 64;
	b->ptr = gv__xrealloc(b->ptr, want);
	b->alloc = want;
}

void
gv__buf_put(struct gv_buf *b, const char *data, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->ptr + b->size, data, n);
	b->size += n;
	b->ptr[b->size] = '\0';
}

void
gv__buf_puts(struct gv_buf *b, const char *s)
{
	gv__buf_put(b, s, strlen(s));
}

void
gv__buf_putc(struct gv_buf *b, int c)
{
	char ch = (char)c;

	gv__buf_put(b, &ch, 1);
}

static void GV__PRINTF(2, 0)
        buf_vprintf(struct gv_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	size_t room;
	int n;

	/* Formatted straight into the free space when it fits (most
	 * appends), measured and formatted again when it does not. */
	buf_grow(b, 63);
	room = b->alloc - b->size;
	va_copy(again, ap);
	n = vsnprintf(b->ptr + b->size, room, fmt, again);
	va_end(again);
	if (n < 0)
		abort();
	if ((size_t)n >= room) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->ptr + b->size, (size_t)n + 1, fmt, ap);
	}
	b->size += (size_t)n;
}

void
gv__buf_printf(struct gv_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *
gv__xsprintf(const char *fmt, ...)
{
	struct gv_buf b = GV_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return gv__buf_detach(&b);
}

char *
gv__buf_detach(struct gv_buf *b)
{
	char *p = b->ptr ? b->ptr : gv__xstrdup("");

	b->ptr = NULL;
	b->size = b->alloc = 0;
	return p;
}

void
gv__buf_dispose(struct gv_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->size = b->alloc = 0;
}

const struct gv__embedded *
gv__embedded_find(const char *name)
{
	const struct gv__embedded *e;

	for (e = gv__embedded_files; e->name; e++)
		if (!strcmp(e->name, name))
			return e;
	return NULL;
}

int
gv__read_file(char **data, size_t *len, const char *path, size_t max,
              enum gv_error_class klass, const char *too_big)
{
	struct gv_buf b = GV_BUF_INIT;
	char chunk[65536];
	size_t got;
	int failed;
	FILE *f = fopen(path, "rb");

	if (!f)
		return gv__error_set(klass, GV_ENOTFOUND, "cannot read %s: %s",
		                     path, strerror(errno));
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.size <= max)
		gv__buf_put(&b, chunk, got);
	failed = ferror(f);
	fclose(f);
	if (failed) {
		gv__buf_dispose(&b);
		return gv__error_set(klass, GV_ERROR, "cannot read %s: %s",
		                     path, strerror(errno));
	}
	if (b.size > max) {
		gv__buf_dispose(&b);
		return gv__error_set(klass, GV_EINVALID,
		                     "%s is larger than %zu MB: %s", path,
		                     max >> 20, too_big);
	}
	*len = b.size;
	*data = gv__buf_detach(&b);
	return 0;
}

char *
gv__program_dir(void)
{
	char exe[PATH_MAX], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0 || (size_t)n >= sizeof(exe) - 1)
		return NULL;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return NULL;
	*slash = '\0';
	return gv__xstrdup(exe);
}

char *
gv__installed_path(const char *sub)
{
	char *dir = gv__program_dir(), *slash, *out = NULL;

	if (dir && (slash = strrchr(dir, '/')) && !strcmp(slash + 1, "bin")) {
		*slash = '\0';
		out = gv__xsprintf("%s/%s", dir, sub);
	}
	free(dir);
	return out;
}

char *
gv__path_absolute(const char *path)
{
	const char *home = getenv("HOME");
	char cwd[4096];

	/* A "~" the shell left as it was (quoted) names the home folder
	 * all the same, as git reads "~/" in a path it is given. */
	if (path[0] == '~' && (path[1] == '/' || !path[1]) && home && *home)
		return gv__xsprintf("%s%s", home, path + 1);
	if (path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return gv__xstrdup(path);
	return gv__xsprintf("%s/%s", cwd, path);
}
