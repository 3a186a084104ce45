/* SPDX-License-Identifier: MIT */
/*
 * This file implements the rules of gavel's message headers: Message-IDs
 * that are the same whenever a message is built again (so a notice is
 * one message however often it is rendered, and two members' copies
 * agree on it), Subjects in the shape the Forum's lists use, and how a
 * ballot's notices thread under its proposal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gavel/text.h"
#include "internal.h"
#include "message.h"

/* Notices with more References than this keep the root and the latest:
 * clients thread by the root and the parent. */
#define THREAD_MAX 20

char *
gv__message_domain(const char *addr)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;
	char *d, *p;

	if (!at || !at[1])
		return gv__xstrdup("localhost");
	d = gv__xstrdup(at + 1);
	for (p = d; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
		else if (!((*p >= 'a' && *p <= 'z') ||
		           (*p >= '0' && *p <= '9') || *p == '-' || *p == '.'))
			break;
	}
	if (*p || d[0] == '.' || p[-1] == '.') {
		free(d);
		return gv__xstrdup("localhost");
	}
	return d;
}

/* Appends s as one atom of a Message-ID: letters, digits and '-' kept,
 * anything else a '-'. */
static void
id_atom(struct gv_buf *b, const char *s)
{
	gv__buf_putc(b, '.');
	for (; *s; s++)
		gv__buf_putc(b, (*s >= 'a' && *s <= 'z') ||
		                                (*s >= 'A' && *s <= 'Z') ||
		                                (*s >= '0' && *s <= '9')
		                        ? *s
		                        : '-');
}

char *
gv__message_id_notice(const char *body, const char *number, enum gv_notice kind,
                      int version, int round, const char *domain)
{
	struct gv_buf b = GV_BUF_INIT;

	gv__buf_puts(&b, "gavel");
	id_atom(&b, body);
	id_atom(&b, number);
	gv__buf_printf(&b, ".v%d", version);
	id_atom(&b, gv_notice_name(kind));
	if (round > 1)
		gv__buf_printf(&b, ".%d", round);
	gv__buf_printf(&b, "@%s", domain);
	return gv__buf_detach(&b);
}

/* An instant as one atom: 20250129T1600Z. */
static void
id_instant(struct gv_buf *b, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm)) {
		gv__buf_printf(b, ".%lld", (long long)t);
		return;
	}
	gv__buf_printf(b, ".%04d%02d%02dT%02d%02dZ", tm.tm_year + 1900,
	               tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
}

char *
gv__message_id_meeting(const char *body, const char *subcommittee,
                       int64_t starts_at, const char *what, const char *domain)
{
	struct gv_buf b = GV_BUF_INIT;

	/* A meeting is known by its body (or subcommittee) and start: its
	 * row id is each copy's own. */
	gv__buf_puts(&b, "gavel");
	id_atom(&b, body);
	if (subcommittee)
		id_atom(&b, subcommittee);
	id_instant(&b, starts_at);
	id_atom(&b, what);
	gv__buf_printf(&b, "@%s", domain);
	return gv__buf_detach(&b);
}

char *
gv__message_id_remind(const char *body, int64_t now, const char *domain)
{
	struct gv_buf b = GV_BUF_INIT;

	gv__buf_puts(&b, "gavel.remind");
	id_atom(&b, body ? body : "all");
	id_instant(&b, now);
	gv__buf_printf(&b, "@%s", domain);
	return gv__buf_detach(&b);
}

/* Stored text as one line of valid UTF-8 (a title imported with a line
 * break, or bytes another program wrote). Caller frees. */
static char *
subject_text(const char *s)
{
	char *valid, *line;

	if (!s)
		return gv__xstrdup("");
	valid = gv_utf8_valid(s, strlen(s)) ? gv__xstrdup(s)
	                                    : gv_utf8_repair(s, strlen(s));
	line = gv__line_flatten(valid);
	free(valid);
	return line;
}

char *
gv__subject_notice(enum gv_notice kind, const char *number, int version,
                   const char *title)
{
	/* The Forum's lists: "Voting Period Begins - Ballot SC-080 v3: ...",
	 * "Results on Ballot ...". */
	static const char *const shapes[GV_NOTICE_COUNT] = {
	        [GV_NOTICE_PROPOSAL] = "Discussion Period Begins - Ballot ",
	        [GV_NOTICE_VOTING] = "Voting Period Begins - Ballot ",
	        [GV_NOTICE_RESULTS] = "Results on Ballot ",
	        [GV_NOTICE_REVIEW] = "IPR Review Period Begins - Ballot ",
	        [GV_NOTICE_ADOPTED] = "IPR Review Outcome - Ballot ",
	};
	char *clean = subject_text(title), *s, ver[24] = "";

	if (version > 1)
		snprintf(ver, sizeof(ver), " v%d", version);
	s = gv__xsprintf("%s%s%s: %s", shapes[kind], number, ver, clean);
	free(clean);
	return s;
}

char *
gv__subject_meeting(const char *what, const char *body,
                    const char *subcommittee, const char *kind_word,
                    const char *long_date)
{
	char *sc = subcommittee ? subject_text(subcommittee) : NULL, *s;

	s = gv__xsprintf("%s - %s%s%s %s of %s", what, body, sc ? " " : "",
	                 sc ? sc : "", kind_word, long_date);
	free(sc);
	return s;
}

void
gv__thread_add(struct gv__thread *t, const char *id)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (!strcmp(t->ids[i], id))
			return;
	t->ids = gv__xrealloc(t->ids, (t->n + 1) * sizeof(*t->ids));
	t->ids[t->n++] = gv__xstrdup(id);
}

void
gv__thread_notice(struct gv__thread *out,
                  const struct gv_notice_sent_list *sent, const char *self,
                  const char *root)
{
	size_t i, before = sent ? sent->n : 0, first = 0;
	int proposal = 0;

	memset(out, 0, sizeof(*out));
	/* A notice built again after it was sent answers what it answered
	 * then: only the notices sent before it. */
	for (i = 0; i < before; i++)
		if (!strcmp(sent->v[i].message_id, self))
			before = i;
	for (i = 0; i < before; i++)
		proposal |= sent->v[i].kind == GV_NOTICE_PROPOSAL;
	if (!proposal && strcmp(root, self))
		gv__thread_add(out, root);
	if (before > THREAD_MAX)
		first = before - THREAD_MAX;
	if (first && proposal) {
		/* Keep the thread's root: the first proposal sent. */
		for (i = 0; sent->v[i].kind != GV_NOTICE_PROPOSAL; i++)
			;
		if (i < first)
			gv__thread_add(out, sent->v[i].message_id);
	}
	for (i = first; i < before; i++)
		gv__thread_add(out, sent->v[i].message_id);
}

void
gv__thread_dispose(struct gv__thread *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->ids[i]);
	free(t->ids);
	memset(t, 0, sizeof(*t));
}

int
gv__notice_round(const struct gv_notice_sent_list *sent, enum gv_notice kind,
                 int version, int again)
{
	size_t i;
	int count = 0;

	for (i = 0; sent && i < sent->n; i++)
		count += sent->v[i].kind == kind &&
		         sent->v[i].version == version;
	if (count == 0)
		return 1;
	return again ? count + 1 : count;
}
