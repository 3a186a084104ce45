/* SPDX-License-Identifier: MIT */
/*
 * This file implements the help view, made from the request table and the
 * keymaps: every request with its keys in the view help was opened from,
 * so it cannot drift from what the keys do.
 */
#include <stdio.h>
#include <string.h>

#include "tui.h"

static int
help_open(struct view *v)
{
	(void)v;
	return 0;
}

static void
help_layout(struct view *v, size_t cols)
{
	const char *keymap = v->arg ? v->arg : "generic";
	char keys[64], generic[64];
	struct line *l;

	(void)cols;
	snprintf(v->title, sizeof(v->title), "Help: the keys of the %s view",
	         keymap);
#define HELP_GROUP(name)                                                       \
	line_blank(v);                                                         \
	seg(line_new(v, NULL), LINE_HEADER, name);
#define HELP_REQ(id, name, help)                                               \
	request_keys(keys, sizeof(keys), keymap, REQ_##id);                    \
	request_keys(generic, sizeof(generic), "generic", REQ_##id);           \
	l = line_new(v, NULL);                                                 \
	segf(l, LINE_TITLE, "  %-16s", keys[0] ? keys : generic);              \
	segf(l, LINE_DEFAULT, "%-45s", help);                                  \
	seg(l, LINE_DIM, name);
	REQ_INFO(HELP_GROUP, HELP_REQ)
#undef HELP_GROUP
#undef HELP_REQ
	line_blank(v);
	seg(line_new(v, NULL), LINE_DIM,
	    "  `:` runs any gavel command on this database; a change that no "
	    "command undoes asks first.");
}

const struct view_ops help_ops = {
        .name = "help",
        .open = help_open,
        .layout = help_layout,
};
