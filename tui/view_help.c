/* SPDX-License-Identifier: MIT */
/*
 * This file implements the help view: every key of every view with what
 * it does there, grouped by view (the one help was opened from first), in
 * two columns that wrap rather than run into each other. It is made from
 * the keymap table (tui/keys.c), so it cannot drift from what the keys do.
 */
#include <stdio.h>
#include <string.h>

#include "gavel/text.h"
#include "tui.h"

#define MAX_ENTRIES 64

static int
help_open(struct view *v)
{
	(void)v;
	return 0;
}

/* The widest keys of any keymap: one key column for the whole help. */
static size_t
keys_width(void)
{
	struct key_entry e[MAX_ENTRIES];
	size_t k, i, n, w = 0;

	for (k = 0; k < keymap_count(); k++) {
		n = keymap_entries(e, MAX_ENTRIES, keymap_name(k));
		for (i = 0; i < n; i++)
			if (gv_text_width(e[i].keys) > w)
				w = gv_text_width(e[i].keys);
	}
	return w;
}

static void
section(struct view *v, const char *keymap, size_t keyw, size_t cols)
{
	struct key_entry e[MAX_ENTRIES];
	char title[64], lead[64];
	size_t i, n = keymap_entries(e, MAX_ENTRIES, keymap);

	line_blank(v);
	keymap_title(title, sizeof(title), keymap);
	seg(line_new(v, NULL), LINE_HEADER, title);
	if (!n)
		seg(line_new(v, NULL), LINE_DIM, "  the keys of every view");
	for (i = 0; i < n; i++) {
		snprintf(lead, sizeof(lead), "  %-*s  ", (int)keyw, e[i].keys);
		line_wrap_hanging(v, NULL, LINE_TITLE, lead, LINE_DEFAULT,
		                  e[i].help, cols);
	}
}

static void
help_layout(struct view *v, size_t cols)
{
	const char *first = v->arg ? v->arg : "generic";
	size_t k, keyw = keys_width();

	snprintf(v->title, sizeof(v->title), "Help: every key, by view");
	section(v, first, keyw, cols);
	for (k = 0; k < keymap_count(); k++)
		if (strcmp(keymap_name(k), first))
			section(v, keymap_name(k), keyw, cols);
	line_blank(v);
	seg(line_new(v, NULL), LINE_HEADER, "Prompts and forms");
	line_wrap(v, NULL, LINE_DEFAULT, "  ",
	          "A form asks its fields one after another on the bottom "
	          "line; Enter takes a field, Escape cancels the whole "
	          "change. What you type is only ever the field's text.",
	          cols);
	line_wrap(v, NULL, LINE_DEFAULT, "  ",
	          "A change that no command undoes asks first, quoting the "
	          "gavel command it will run: y runs it, n or Escape does "
	          "not. A change another command undoes runs at once and the "
	          "status line says how to undo it.",
	          cols);
}

const struct view_ops help_ops = {
        .name = "help",
        .open = help_open,
        .layout = help_layout,
};
