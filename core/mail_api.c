/* SPDX-License-Identifier: MIT */
/*
 * This file is the mail adapter's side in gavel itself (core/mail.h):
 * the checks and the freeing that need no GMime, and the rest forwarded
 * to gavel-mail.so, which the first message written or read loads
 * (core/module.h).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "mail.h"
#include "module.h"

int
gv__mail_addr_ok(const char *s)
{
	const char *at;

	if (!s || !(at = strchr(s, '@')) || at == s || !at[1] ||
	    strchr(at + 1, '@') || at[strlen(at) - 1] == '.' || at[1] == '.')
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f ||
		    strchr("<>()[]\\\",;:", *s))
			return 0;
	return 1;
}

int
gv__mail_id_ok(const char *s)
{
	const char *at = s ? strchr(s, '@') : NULL;

	if (!at || at == s || !at[1] || strchr(at + 1, '@'))
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || (unsigned char)*s >= 0x7f ||
		    strchr("<>()[]\\\",;:", *s))
			return 0;
	return 1;
}

void
gv__mail_dispose(struct gv__mail *m)
{
	free(m->id);
	free(m->from);
	free(m->from_name);
	free(m->reply_to);
	free(m->subject);
	for (size_t i = 0; i < m->nrefs; i++)
		free(m->refs[i]);
	free(m->refs);
	for (size_t i = 0; i < m->nhops; i++)
		free(m->hops[i].by);
	free(m->hops);
	free(m->text);
	memset(m, 0, sizeof(*m));
}

int
gv__mail_write(char **out, size_t *len, const struct gv__mail_out *m)
{
	const struct gv__mail_ops *mail = gv__mail();

	*out = NULL;
	*len = 0;
	return mail ? mail->write(out, len, m) : GV_ERROR;
}

int
gv__mail_open(struct gv__mail_reader **out, const char *path)
{
	const struct gv__mail_ops *mail = gv__mail();

	*out = NULL;
	return mail ? mail->open(out, path) : GV_ERROR;
}

int
gv__mail_open_mem(struct gv__mail_reader **out, const void *data, size_t len)
{
	const struct gv__mail_ops *mail = gv__mail();

	*out = NULL;
	if (!mail)
		return GV_ERROR;
	mail->open_mem(out, data, len);
	return 0;
}

/* A reader exists only once the module is loaded. */
int
gv__mail_next(struct gv__mail *m, struct gv__mail_reader *r)
{
	return gv__mail()->next(m, r);
}

void
gv__mail_close(struct gv__mail_reader *r)
{
	if (r)
		gv__mail()->close(r);
}
