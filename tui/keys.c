/* SPDX-License-Identifier: MIT */
/*
 * This file implements the keymaps: one static table of {keymap, key,
 * request, what it does there, its word on the status line}, a generic
 * keymap plus one per view. A view's own binding wins over the generic
 * one. The help view, `gavel tui --help`, the status line's hints and the
 * title bar's view keys are all made from this table (issue 20, item 5),
 * so none of them can drift from what the keys do.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "gavel/text.h"
#include "tui.h"

#define CTRL(c) ((c)&0x1f)

struct keybinding {
	const char *keymap; /* "generic" or a view's name */
	int key;
	enum request req;
	/* What it does in this keymap, or NULL: the request's own words
	 * (request.h), or the first binding's of the same request. */
	const char *help;
	/* Its word on the status line ("vote"), or NULL: not shown. A
	 * view's binding that repeats a generic one only to hint it
	 * there is not listed again in the help. */
	const char *hint;
};

static const struct keybinding bindings[] = {
        /* Every view. */
        {"generic", '1', REQ_VIEW_DASHBOARD, NULL, "dash"},
        {"generic", '2', REQ_VIEW_TIMELINE, NULL, "time"},
        {"generic", '3', REQ_VIEW_ISSUES, NULL, "iss"},
        {"generic", '4', REQ_VIEW_BALLOTS, NULL, "bal"},
        {"generic", '5', REQ_VIEW_REDLINE, NULL, "red"},
        {"generic", '6', REQ_VIEW_MEETINGS, NULL, "meet"},
        {"generic", '7', REQ_VIEW_MEMBERS, NULL, "mem"},
        {"generic", 'C', REQ_VIEW_CONFLICTS, NULL, NULL},
        {"generic", 'S', REQ_SYNC, NULL, NULL},
        {"generic", '?', REQ_VIEW_HELP, NULL, "help"},
        {"generic", KEY_F(1), REQ_VIEW_HELP, NULL, NULL},
        {"generic", '\n', REQ_ENTER, NULL, NULL},
        {"generic", '\r', REQ_ENTER, NULL, NULL},
        {"generic", KEY_ENTER, REQ_ENTER, NULL, NULL},
        {"generic", 'q', REQ_BACK, NULL, "back"},
        {"generic", KEY_BACKSPACE, REQ_BACK, NULL, NULL},
        {"generic", 'Q', REQ_QUIT, NULL, NULL},
        {"generic", 'r', REQ_REFRESH, NULL, NULL},
        {"generic", CTRL('L'), REQ_REFRESH, NULL, NULL},
        {"generic", 'k', REQ_MOVE_UP, NULL, NULL},
        {"generic", KEY_UP, REQ_MOVE_UP, NULL, NULL},
        {"generic", 'j', REQ_MOVE_DOWN, NULL, NULL},
        {"generic", KEY_DOWN, REQ_MOVE_DOWN, NULL, NULL},
        {"generic", KEY_PPAGE, REQ_MOVE_PAGE_UP, NULL, NULL},
        {"generic", CTRL('B'), REQ_MOVE_PAGE_UP, NULL, NULL},
        {"generic", KEY_NPAGE, REQ_MOVE_PAGE_DOWN, NULL, NULL},
        {"generic", ' ', REQ_MOVE_PAGE_DOWN, NULL, NULL},
        {"generic", CTRL('F'), REQ_MOVE_PAGE_DOWN, NULL, NULL},
        {"generic", 'g', REQ_MOVE_FIRST, NULL, NULL},
        {"generic", KEY_HOME, REQ_MOVE_FIRST, NULL, NULL},
        {"generic", 'G', REQ_MOVE_LAST, NULL, NULL},
        {"generic", KEY_END, REQ_MOVE_LAST, NULL, NULL},
        {"generic", '/', REQ_SEARCH, NULL, NULL},
        {"generic", 'n', REQ_FIND_NEXT, NULL, NULL},
        {"generic", 'N', REQ_FIND_PREV, NULL, NULL},
        {"generic", ':', REQ_PROMPT, NULL, "command"},

        {"dashboard", '\n', REQ_ENTER,
         "Open the ballot, the meetings or the sync under the cursor", "open"},
        {"dashboard", 'q', REQ_BACK, "Quit (the dashboard is the first view)",
         "quit"},
        {"dashboard", 'S', REQ_SYNC, NULL, "sync"},
        {"dashboard", 'C', REQ_VIEW_CONFLICTS, NULL, "conflicts"},

        {"timeline", 'h', REQ_SCROLL_LEFT, NULL, "earlier"},
        {"timeline", KEY_LEFT, REQ_SCROLL_LEFT, NULL, NULL},
        {"timeline", 'l', REQ_SCROLL_RIGHT, NULL, "later"},
        {"timeline", KEY_RIGHT, REQ_SCROLL_RIGHT, NULL, NULL},
        {"timeline", 'z', REQ_ZOOM, NULL, "zoom"},
        {"timeline", 'x', REQ_EXPORT, NULL, "calendar"},
        {"timeline", '\n', REQ_ENTER, "Open the ballot on the row", "open"},

        {"issues", '\n', REQ_ENTER, "Open the issue's whole story", "open"},
        {"issues", '/', REQ_SEARCH,
         "Search the text of every issue, best match first", "search"},
        {"issues", 'f', REQ_FILTER, NULL, "filter"},
        {"issues", 'a', REQ_ADD, "New issue (asks its title and labels)",
         "new"},

        {"issue", 'c', REQ_NOTE, "Add a note to the issue's timeline", "note"},
        {"issue", '\n', REQ_ENTER, "Open the meeting or ballot on the line",
         "open"},

        {"ballots", '\n', REQ_ENTER, "Open the ballot", "open"},
        {"ballots", 'v', REQ_VOTE, NULL, "vote"},
        {"ballots", 's', REQ_STEP, NULL, "act"},
        {"ballots", 'd', REQ_VIEW_REDLINE, "Redline of the ballot", "redline"},

        {"ballot", 'v', REQ_VOTE, NULL, "vote"},
        {"ballot", 's', REQ_STEP, NULL, "act"},
        {"ballot", 'd', REQ_VIEW_REDLINE, "Redline of the ballot", "redline"},

        {"steps", '\n', REQ_ENTER,
         "Take the step under the cursor (asks first, quoting the command)",
         "take"},

        {"redline", ']', REQ_NEXT_CHANGE, NULL, "next"},
        {"redline", '[', REQ_PREV_CHANGE, NULL, "prev"},
        {"redline", '}', REQ_NEXT_SECTION, NULL, "section"},
        {"redline", '{', REQ_PREV_SECTION, NULL, NULL},
        {"redline", 'c', REQ_NOTE,
         "Review note on the line under the cursor (a deleted line's goes "
         "on the line of the new text that takes its place)",
         "note"},
        {"redline", 'o', REQ_OPEN, NULL, "open"},
        {"redline", '\n', REQ_ENTER, "On the list of files: go to that file",
         NULL},

        {"meetings", '\n', REQ_ENTER,
         "Open the meeting: agenda, roll call, minutes", "open"},
        {"meetings", 'a', REQ_ADD,
         "Schedule a meeting (asks its time, zone and kind)", "new"},
        {"meetings", 'x', REQ_CANCEL,
         "Cancel the meeting under the cursor (asks first)", "cancel"},

        {"meeting", 't', REQ_TOGGLE, NULL, "present/absent"},
        {"meeting", 'x', REQ_CANCEL, "Cancel this meeting (asks first)",
         "cancel"},
};

#define NBINDINGS (sizeof(bindings) / sizeof(bindings[0]))

static const char *const names[] = {NULL,
#define REQ_NAME(id, name, help) name,
                                    REQ_INFO(REQ_SKIP, REQ_NAME)
#undef REQ_NAME
};

static const char *const helps[] = {NULL,
#define REQ_HELP(id, name, help) help,
                                    REQ_INFO(REQ_SKIP, REQ_HELP)
#undef REQ_HELP
};

/* The keymaps in the order the help lists them, each with the request
 * that opens its view (its key goes in the heading). */
static const struct {
	const char *keymap, *title;
	enum request opens;
} keymaps[] = {
        {"generic", "Every view", REQ_NONE},
        {"dashboard", "Dashboard", REQ_VIEW_DASHBOARD},
        {"timeline", "Timeline", REQ_VIEW_TIMELINE},
        {"issues", "Issues", REQ_VIEW_ISSUES},
        {"issue", "One issue", REQ_NONE},
        {"ballots", "Ballots", REQ_VIEW_BALLOTS},
        {"ballot", "One ballot", REQ_NONE},
        {"steps", "Acting on a ballot", REQ_NONE},
        {"redline", "Redline", REQ_VIEW_REDLINE},
        {"meetings", "Meetings", REQ_VIEW_MEETINGS},
        {"meeting", "One meeting", REQ_NONE},
        {"members", "Members", REQ_VIEW_MEMBERS},
        {"conflicts", "Sync", REQ_VIEW_CONFLICTS},
        {"help", "Help", REQ_VIEW_HELP},
};

#define NKEYMAPS (sizeof(keymaps) / sizeof(keymaps[0]))

enum request
key_request(const char *keymap, int key)
{
	size_t i;

	for (i = 0; i < NBINDINGS; i++)
		if (bindings[i].key == key &&
		    !strcmp(bindings[i].keymap, keymap))
			return bindings[i].req;
	for (i = 0; i < NBINDINGS; i++)
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

void
key_label(char *buf, size_t n, int key)
{
	static const struct {
		int key;
		const char *label;
	} named[] = {
	        {'\n', "Enter"},
	        {' ', "Space"},
	        {KEY_UP, "Up"},
	        {KEY_DOWN, "Down"},
	        {KEY_LEFT, "Left"},
	        {KEY_RIGHT, "Right"},
	        {KEY_PPAGE, "PgUp"},
	        {KEY_NPAGE, "PgDn"},
	        {KEY_HOME, "Home"},
	        {KEY_END, "End"},
	        {KEY_F(1), "F1"},
	        {27, "Esc"},
	        {KEY_BACKSPACE, "Backspace"},
	};
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (named[i].key == key) {
			snprintf(buf, n, "%s", named[i].label);
			return;
		}
	/* Enter's other codes say nothing more. */
	if (key == '\r' || key == KEY_ENTER)
		return;
	if (key > 0 && key < 0x20)
		snprintf(buf, n, "^%c", key + '@');
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, n, "%c", key);
}

/* Whether binding b of a view only repeats a generic one (to hint it). */
static int
repeats_generic(const struct keybinding *b)
{
	size_t i;

	if (b->help)
		return 0;
	for (i = 0; i < NBINDINGS; i++)
		if (!strcmp(bindings[i].keymap, "generic") &&
		    bindings[i].key == b->key && bindings[i].req == b->req)
			return 1;
	return 0;
}

void
request_keys(char *buf, size_t n, const char *keymap, enum request req)
{
	size_t i, len = 0;
	char name[16];

	buf[0] = '\0';
	for (i = 0; i < NBINDINGS; i++) {
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

size_t
keymap_count(void)
{
	return NKEYMAPS;
}

const char *
keymap_name(size_t i)
{
	return i < NKEYMAPS ? keymaps[i].keymap : NULL;
}

void
keymap_title(char *buf, size_t n, const char *keymap)
{
	char keys[32];
	size_t i;

	for (i = 0; i < NKEYMAPS; i++)
		if (!strcmp(keymaps[i].keymap, keymap))
			break;
	if (i == NKEYMAPS) {
		snprintf(buf, n, "%s", keymap);
		return;
	}
	keys[0] = '\0';
	if (keymaps[i].opens != REQ_NONE)
		request_keys(keys, sizeof(keys), "generic", keymaps[i].opens);
	snprintf(buf, n, keys[0] ? "%s (%s)" : "%s", keymaps[i].title, keys);
}

size_t
keymap_entries(struct key_entry *out, size_t max, const char *keymap)
{
	size_t i, j, n = 0;

	for (i = 0; i < NBINDINGS; i++) {
		const struct keybinding *b = &bindings[i];
		char label[16];
		int seen = 0;

		if (strcmp(b->keymap, keymap) ||
		    (strcmp(keymap, "generic") && repeats_generic(b)))
			continue;
		key_label(label, sizeof(label), b->key);
		/* One entry per request: its keys together. */
		for (j = 0; j < n && !seen; j++)
			seen = out[j].req == b->req;
		if (seen || n == max)
			continue;
		out[n].req = b->req;
		out[n].help = b->help ? b->help : helps[b->req];
		request_keys(out[n].keys, sizeof(out[n].keys), keymap, b->req);
		n++;
	}
	return n;
}

/* Appends "key word" to buf (of n) when it fits in cols columns. */
static int
hint_add(char *buf, size_t n, size_t cols, int key, const char *word)
{
	char label[16], item[64];
	size_t len = strlen(buf);

	key_label(label, sizeof(label), key);
	snprintf(item, sizeof(item), "%s%s %s", len ? "  " : "", label, word);
	if (gv_text_width(buf) + gv_text_width(item) > cols ||
	    len + strlen(item) >= n)
		return -1;
	memcpy(buf + len, item, strlen(item) + 1);
	return 0;
}

void
keymap_hints(char *buf, size_t n, const struct view *v, size_t cols)
{
	const char *keymap = v->ops->name;
	char help[32] = "";
	size_t i, room;
	int own = 0;

	buf[0] = '\0';
	/* "? help" comes last, whatever else fits. */
	for (i = 0; i < NBINDINGS; i++)
		if (bindings[i].req == REQ_VIEW_HELP && bindings[i].hint &&
		    !strcmp(bindings[i].keymap, "generic"))
			hint_add(help, sizeof(help), sizeof(help),
			         bindings[i].key, bindings[i].hint);
	room = cols > gv_text_width(help) + 2 ? cols - gv_text_width(help) - 2
	                                      : 0;
	for (i = 0; i < NBINDINGS; i++) {
		const struct keybinding *b = &bindings[i];

		if (!b->hint || strcmp(b->keymap, keymap))
			continue;
		own |= b->req == REQ_BACK;
		if (v->ops->offers && !v->ops->offers(v, b->req))
			continue;
		if (hint_add(buf, n, room, b->key, b->hint) < 0)
			break;
	}
	/* Then the generic ones a view does not word its own way. */
	for (i = 0; i < NBINDINGS; i++) {
		const struct keybinding *b = &bindings[i];

		if (!b->hint || strcmp(b->keymap, "generic") ||
		    b->req == REQ_VIEW_HELP ||
		    (b->req >= REQ_VIEW_DASHBOARD &&
		     b->req <= REQ_VIEW_MEMBERS) ||
		    (own && b->req == REQ_BACK))
			continue;
		if (hint_add(buf, n, room, b->key, b->hint) < 0)
			break;
	}
	if (help[0] && strlen(buf) + strlen(help) + 3 < n)
		snprintf(buf + strlen(buf), n - strlen(buf), "%s%s",
		         buf[0] ? "  " : "", help);
}

void
keymap_nav(char *buf, size_t n)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < NBINDINGS; i++) {
		const struct keybinding *b = &bindings[i];

		if (!b->hint || strcmp(b->keymap, "generic") ||
		    b->req < REQ_VIEW_DASHBOARD || b->req > REQ_VIEW_MEMBERS)
			continue;
		hint_add(buf, n, n, b->key, b->hint);
	}
}

/* Text wrapped at width for the terminal's help: rows after the first
 * start at indent columns. */
static void
print_wrapped(FILE *f, const char *text, size_t indent, size_t width)
{
	size_t col = indent, len;

	while (*text) {
		len = strcspn(text, " ");
		if (col > indent && col + 1 + len > width) {
			fprintf(f, "\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', f);
			col++;
		}
		fwrite(text, 1, len, f);
		col += len;
		text += len;
		text += strspn(text, " ");
	}
	fputc('\n', f);
}

void
keymap_print(FILE *f, size_t width)
{
	struct key_entry e[64];
	char title[64];
	size_t k, i, n, keyw = 0;

	for (k = 0; k < NKEYMAPS; k++) {
		n = keymap_entries(e, 64, keymaps[k].keymap);
		for (i = 0; i < n; i++)
			if (gv_text_width(e[i].keys) > keyw)
				keyw = gv_text_width(e[i].keys);
	}
	for (k = 0; k < NKEYMAPS; k++) {
		n = keymap_entries(e, 64, keymaps[k].keymap);
		if (!n)
			continue;
		keymap_title(title, sizeof(title), keymaps[k].keymap);
		fprintf(f, "\n%s\n", title);
		for (i = 0; i < n; i++) {
			fprintf(f, "  %-*s  ", (int)keyw, e[i].keys);
			print_wrapped(f, e[i].help, keyw + 4, width);
		}
	}
}
