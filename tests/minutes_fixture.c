/* SPDX-License-Identifier: MIT */
/*
 * This file implements what the tests of the minutes parser share
 * (minutes_fixture.h says what each does).
 */
#include <string.h>

#include "gavel/error.h"
#include "gavel/time.h"
#include "harness.h"
#include "minutes_fixture.h"

static struct gv_minutes_doc *held;

struct gv_minutes_doc *
parse_at(const char *file, int line, const char *name, const char *text)
{
	gv__minutes_doc_free(held);
	held = NULL;
	if (gv__minutes_parse(&held, name, text, strlen(text)) < 0)
		t_fail(file, line, "%s: %s", name, gv_error_last()->message);
	return held;
}

void
release(void)
{
	gv__minutes_doc_free(held);
	held = NULL;
}

const char *
parse_error(const char *name, const char *text, size_t len)
{
	struct gv_minutes_doc *d = NULL;
	int rc = gv__minutes_parse(&d, name, text, len);

	if (rc == 0) {
		gv__minutes_doc_free(d);
		return "(parsed without error)";
	}
	if (d)
		return "(error, but *out was set)";
	return rc == GV_EINVALID ? gv_error_last()->message : "(not EINVALID)";
}

const char *
day_of(const struct gv_minutes_doc *d)
{
	static char buf[GV_TIME_BUFSZ];

	return gv_time_format(buf, d->day * 86400, GV_TIME_DATE);
}

const char *
warning_with(const struct gv_minutes_doc *d, const char *needle)
{
	for (size_t i = 0; i < d->nwarnings; i++)
		if (strstr(d->warnings[i], needle))
			return d->warnings[i];
	return NULL;
}

const struct gv_minutes_attendee *
attendee(const struct gv_minutes_doc *d, const char *name)
{
	for (size_t i = 0; i < d->nattendees; i++)
		if (!strcmp(d->attendees[i].name, name))
			return &d->attendees[i];
	return NULL;
}

static void
check_file_doc(const struct gv_minutes_doc *d, const struct file_case *c)
{
	T_EQ_STR(d->body_code, c->body);
	T_EQ_STR(d->body_tag, c->tag);
	T_EQ_STR(day_of(d), c->day);
	T_EQ_STR(d->day_from, c->day_from);
	T_EQ_INT(d->f2f, c->f2f);
	T_EQ_STR(d->subcommittee, c->subcommittee);
	T_EQ_INT(d->nattendees, c->nattendees);
	T_EQ_STR(d->minute_taker, c->taker);
	T_EQ_INT(d->nwarnings, c->nwarnings);
	T_ASSERT(strchr(d->text, '\r') == NULL);
	for (size_t i = 0; i < 5 && c->who[i][0]; i++)
		T_ATTENDEE(d, c->who[i][0], c->who[i][1]);
}

void
check_file_at(const char *path, const struct file_case *c)
{
	const char *base = strrchr(path, '/');
	struct gv_minutes_doc *d = NULL;
	size_t size;
	char *data;

	if (!(data = t_read_file(path, &size))) {
		t_fail(__FILE__, __LINE__, "cannot read %s", path);
		return;
	}
	base = base ? base + 1 : path;
	if (gv__minutes_parse(&d, base, data, size) < 0) {
		t_fail(__FILE__, __LINE__, "%s: %s", base,
		       gv_error_last()->message);
		return;
	}
	check_file_doc(d, c);
	gv__minutes_doc_free(d);
}
