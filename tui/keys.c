/* SPDX-License-Identifier: MIT */
/*
 * This file implements the keymaps: one static table of {keymap, key,
 * request}, a generic keymap plus one per view. A view's own binding wins
 * over the generic one; the help view is made from this table and the
 * request table, so it cannot drift from what the keys do.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui.h"

#define CTRL(c) ((c)&0x1f)

struct keybinding {
	const char *keymap; /* "generic" or a view's name */
	int key;
	enum request req;
};

static const struct keybinding bindings[] = {
        {"generic", '1', REQ_VIEW_DASHBOARD},
        {"generic", '2', REQ_VIEW_TIMELINE},
        {"generic", '3', REQ_VIEW_ISSUES},
        {"generic", '4', REQ_VIEW_BALLOTS},
        {"generic", '5', REQ_VIEW_REDLINE},
        {"generic", '6', REQ_VIEW_MEETINGS},
        {"generic", '7', REQ_VIEW_MEMBERS},
        {"generic", '?', REQ_VIEW_HELP},
        {"generic", KEY_F(1), REQ_VIEW_HELP},
        {"generic", '\n', REQ_ENTER},
        {"generic", '\r', REQ_ENTER},
        {"generic", KEY_ENTER, REQ_ENTER},
        {"generic", 'q', REQ_BACK},
        {"generic", KEY_BACKSPACE, REQ_BACK},
        {"generic", 'Q', REQ_QUIT},
        {"generic", 'r', REQ_REFRESH},
        {"generic", CTRL('L'), REQ_REFRESH},
        {"generic", 'k', REQ_MOVE_UP},
        {"generic", KEY_UP, REQ_MOVE_UP},
        {"generic", 'j', REQ_MOVE_DOWN},
        {"generic", KEY_DOWN, REQ_MOVE_DOWN},
        {"generic", KEY_PPAGE, REQ_MOVE_PAGE_UP},
        {"generic", CTRL('B'), REQ_MOVE_PAGE_UP},
        {"generic", KEY_NPAGE, REQ_MOVE_PAGE_DOWN},
        {"generic", ' ', REQ_MOVE_PAGE_DOWN},
        {"generic", CTRL('F'), REQ_MOVE_PAGE_DOWN},
        {"generic", 'g', REQ_MOVE_FIRST},
        {"generic", KEY_HOME, REQ_MOVE_FIRST},
        {"generic", 'G', REQ_MOVE_LAST},
        {"generic", KEY_END, REQ_MOVE_LAST},
        {"generic", '/', REQ_SEARCH},
        {"generic", 'n', REQ_FIND_NEXT},
        {"generic", 'N', REQ_FIND_PREV},
        {"generic", ':', REQ_PROMPT},
        {"generic", 'S', REQ_SYNC},
        {"generic", 'C', REQ_VIEW_CONFLICTS},
        {"timeline", 'h', REQ_SCROLL_LEFT},
        {"timeline", KEY_LEFT, REQ_SCROLL_LEFT},
        {"timeline", 'l', REQ_SCROLL_RIGHT},
        {"timeline", KEY_RIGHT, REQ_SCROLL_RIGHT},
        {"timeline", 'z', REQ_ZOOM},
        {"timeline", 'x', REQ_EXPORT},
        {"redline", ']', REQ_NEXT_CHANGE},
        {"redline", '[', REQ_PREV_CHANGE},
        {"redline", '}', REQ_NEXT_SECTION},
        {"redline", '{', REQ_PREV_SECTION},
        {"redline", 'c', REQ_NOTE},
        {"redline", 'o', REQ_OPEN},
        {"issues", 'a', REQ_ADD},
        {"issues", 'f', REQ_FILTER},
        {"issue", 'c', REQ_NOTE},
        {"ballots", 'v', REQ_VOTE},
        {"ballots", 's', REQ_STEP},
        {"ballots", 'd', REQ_VIEW_REDLINE},
        {"ballot", 'v', REQ_VOTE},
        {"ballot", 's', REQ_STEP},
        {"ballot", 'd', REQ_VIEW_REDLINE},
        {"meetings", 'a', REQ_ADD},
        {"meetings", 'x', REQ_CANCEL},
        {"meeting", 't', REQ_TOGGLE},
        {"meeting", 'x', REQ_CANCEL},
};

static const char *const names[] = {NULL,
#define REQ_NAME(id, name, help) name,
                                    REQ_INFO(REQ_SKIP, REQ_NAME)
#undef REQ_NAME
};

enum request
key_request(const char *keymap, int key)
{
	size_t i;

	for (i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++)
		if (bindings[i].key == key &&
		    !strcmp(bindings[i].keymap, keymap))
			return bindings[i].req;
	for (i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++)
		if (bindings[i].key == key &&
		    !strcmp(bindings[i].keymap, "generic"))
			return bindings[i].req;
	return REQ_NONE;
}

const char *
request_name(enum request req)
{
	return req > REQ_NONE && req < REQ_COUNT ? names[req] : "";
}

enum request
request_by_name(const char *name)
{
	int i;

	for (i = REQ_NONE + 1; i < REQ_COUNT; i++)
		if (!strcmp(names[i], name))
			return (enum request)i;
	return REQ_NONE;
}

/* A key as the help writes it. */
static void
key_label(char *buf, size_t n, int key)
{
	if (key == '\n')
		snprintf(buf, n, "Enter");
	else if (key == '\r' || key == KEY_ENTER)
		buf[0] = '\0';
	else if (key == ' ')
		snprintf(buf, n, "Space");
	else if (key > 0 && key < 0x20)
		snprintf(buf, n, "^%c", key + '@');
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, n, "%c", key);
	else if (key == KEY_UP)
		snprintf(buf, n, "Up");
	else if (key == KEY_DOWN)
		snprintf(buf, n, "Down");
	else if (key == KEY_LEFT)
		snprintf(buf, n, "Left");
	else if (key == KEY_RIGHT)
		snprintf(buf, n, "Right");
	else if (key == KEY_PPAGE)
		snprintf(buf, n, "PgUp");
	else if (key == KEY_NPAGE)
		snprintf(buf, n, "PgDn");
	else if (key == KEY_HOME)
		snprintf(buf, n, "Home");
	else if (key == KEY_END)
		snprintf(buf, n, "End");
	else if (key == KEY_BACKSPACE)
		snprintf(buf, n, "Backspace");
	else if (key == KEY_F(1))
		snprintf(buf, n, "F1");
	else
		buf[0] = '\0';
}

void
request_keys(char *buf, size_t n, const char *keymap, enum request req)
{
	size_t i, len = 0;
	char name[16];

	buf[0] = '\0';
	for (i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++) {
		if (bindings[i].req != req ||
		    strcmp(bindings[i].keymap, keymap))
			continue;
		key_label(name, sizeof(name), bindings[i].key);
		if (!name[0] || len >= n)
			continue;
		len += (size_t)snprintf(buf + len, n - len, "%s%s",
		                        len ? ", " : "", name);
	}
}
