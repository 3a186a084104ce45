/* SPDX-License-Identifier: MIT */
/*
 * This file implements the curses UI's main loop and view driver: keys
 * (or a headless script) become requests, the generic ones move, search,
 * switch and stack views, and the rest go to the view on screen.
 */
#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <time.h>

#include "gavel/error.h"
#include "tui.h"

/* GV_BENCH: timings on stderr for bench/tui.sh, from the process start
 * (as near as a constructor gets) to the first drawn screen, and of
 * each script line to its drawn screen; the peak memory at exit. */
static struct timespec started;

static void __attribute__((constructor)) note_start(void)
{
	clock_gettime(CLOCK_MONOTONIC, &started);
}

static double
since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) +
	       (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

int
view_push(const struct view_ops *ops, const char *arg)
{
	struct view *v = view_new(ops, display.db, arg);

	if (view_load(v, display_cols()) < 0) {
		report_error("%s", gv_error_last()->message);
		view_free(v);
		return -1;
	}
	v->parent = display.view;
	display.view = v;
	display.status[0] = '\0';
	display.status_error = 0;
	return 0;
}

/* Back to the dashboard at the bottom of the stack. */
static void
pop_to_root(void)
{
	while (display.view && display.view->parent) {
		struct view *v = display.view;

		display.view = v->parent;
		view_free(v);
	}
}

static void
pop(void)
{
	struct view *v = display.view;

	if (!v->parent) {
		display.running = 0;
		return;
	}
	display.view = v->parent;
	view_free(v);
}

void
tui_reload(void)
{
	struct view *v;

	for (v = display.view; v; v = v->parent)
		if (view_load(v, display_cols()) < 0)
			report_error("%s", gv_error_last()->message);
}

static void
relayout_all(void)
{
	struct view *v;

	for (v = display.view; v; v = v->parent)
		view_relayout(v, display_cols());
}

/* Whether row i of v contains text (case-insensitive), across its
 * segments as the row shows them. */
static int
row_matches(const struct view *v, size_t i, const char *text)
{
	const struct line *l = &v->lines[i];
	size_t j, len = 0, n = strlen(text);
	char row[2048];
	const char *s;

	for (j = 0; j < l->nsegs && len + 1 < sizeof(row); j++) {
		size_t k = strlen(l->segs[j].text);

		if (k > sizeof(row) - 1 - len)
			k = sizeof(row) - 1 - len;
		memcpy(row + len, l->segs[j].text, k);
		len += k;
	}
	row[len] = '\0';
	for (s = row; *s; s++)
		if (!strncasecmp(s, text, n))
			return 1;
	return 0;
}

static void
find(int backward)
{
	struct view *v = display.view;
	size_t i, n = v->nlines;

	if (!display.search[0] || !n) {
		report("no search yet: press /");
		return;
	}
	for (i = 1; i <= n; i++) {
		size_t row = backward ? (v->cursor + n - i) % n
		                      : (v->cursor + i) % n;

		if (row_matches(v, row, display.search)) {
			view_goto(v, row, (size_t)display_rows());
			report("/%s", display.search);
			return;
		}
	}
	report_error("no line has \"%s\"", display.search);
}

static void
search(const char *text)
{
	if (!text || !*text)
		return;
	snprintf(display.search, sizeof(display.search), "%s", text);
	/* Views with a search of their own (issues: full text) take it. */
	if (display.view->ops->request &&
	    display.view->ops->request(display.view, REQ_SEARCH))
		return;
	find(0);
}

static void
jump(const struct view_ops *ops)
{
	pop_to_root();
	if (ops != &dashboard_ops)
		view_push(ops, NULL);
}

/* The requests every view shares; the rest go to the view. */
static void
drive(enum request req)
{
	struct view *v = display.view;
	size_t page = (size_t)display_rows();
	const char *text;

	if (!v) /* the dashboard is always at the bottom of the stack */
		return;
	switch (req) {
	case REQ_VIEW_DASHBOARD:
		jump(&dashboard_ops);
		break;
	case REQ_VIEW_TIMELINE:
		jump(&timeline_ops);
		break;
	case REQ_VIEW_ISSUES:
		jump(&issues_ops);
		break;
	case REQ_VIEW_BALLOTS:
		jump(&ballots_ops);
		break;
	case REQ_VIEW_REDLINE:
		/* The ballot in view's redline, else the newest pinned. */
		if (!v->ops->request || !v->ops->request(v, req))
			jump(&redline_ops);
		break;
	case REQ_VIEW_MEETINGS:
		jump(&meetings_ops);
		break;
	case REQ_VIEW_MEMBERS:
		jump(&members_ops);
		break;
	case REQ_VIEW_HELP:
		if (v->ops != &help_ops)
			view_push(&help_ops, v->ops->name);
		break;
	case REQ_VIEW_CONFLICTS:
		if (v->ops != &conflicts_ops)
			view_push(&conflicts_ops, NULL);
		break;
	case REQ_SYNC:
		sync_run();
		break;
	case REQ_BACK:
		pop();
		break;
	case REQ_QUIT:
		display.running = 0;
		break;
	case REQ_REFRESH:
		tui_reload();
		report("reloaded");
		break;
	case REQ_MOVE_UP:
		if (v->cursor)
			view_goto(v, v->cursor - 1, page);
		break;
	case REQ_MOVE_DOWN:
		view_goto(v, v->cursor + 1, page);
		break;
	case REQ_MOVE_PAGE_UP:
		v->offset = v->offset > page ? v->offset - page : 0;
		view_goto(v, v->cursor > page ? v->cursor - page : 0, page);
		break;
	case REQ_MOVE_PAGE_DOWN:
		if (v->offset + page < v->nlines)
			v->offset += page;
		view_goto(v, v->cursor + page, page);
		break;
	case REQ_MOVE_FIRST:
		view_goto(v, 0, page);
		break;
	case REQ_MOVE_LAST:
		view_goto(v, v->nlines ? v->nlines - 1 : 0, page);
		break;
	case REQ_SEARCH:
		search(prompt_input("/", ""));
		break;
	case REQ_FIND_NEXT:
		find(0);
		break;
	case REQ_FIND_PREV:
		find(1);
		break;
	case REQ_PROMPT:
		if ((text = prompt_input(":", "")) && command_run(text) == 0)
			tui_reload();
		break;
	case REQ_ENTER:
		if (v->nlines && v->ops->select &&
		    v->ops->select(v, v->lines[v->cursor].data))
			break;
		if (v->ops->request && v->ops->request(v, req))
			break;
		break;
	default:
		if (!v->ops->request || !v->ops->request(v, req))
			report("nothing to %s in this view: ? lists the keys "
			       "of each view",
			       request_name(req));
		break;
	}
}

void
tui_command(const char *line)
{
	if (command_run(line) == 0)
		tui_reload();
}

int
tui_exec(int argc, char **argv)
{
	if (command_exec(argc, argv) < 0)
		return -1;
	tui_reload();
	return 0;
}

/* The request of a key in the view on screen; a key no keymap binds
 * says so rather than doing nothing (REQ_NONE). */
static enum request
key_to_request(int key)
{
	enum request req = key_request(display.view->ops->name, key);
	char label[16];

	if (req != REQ_NONE)
		return req;
	key_label(label, sizeof(label), key);
	if (label[0])
		report("%s does nothing in this view: ? lists the keys of each "
		       "view",
		       label);
	return REQ_NONE;
}

/* One line of a headless script: a request name, "key X", "/text",
 * ":save-display FILE", ":resize COLSxROWS" or ":a gavel command". */
static void
script_line(char *line)
{
	int cols, rows;

	line[strcspn(line, "\r\n")] = '\0';
	if (!line[0] || line[0] == '#' || !display.view)
		return;
	if (!strncmp(line, ":save-display ", 14)) {
		if (display_save(line + 14) < 0)
			report_error("cannot write %s", line + 14);
	} else if (sscanf(line, ":resize %dx%d", &cols, &rows) == 2) {
		resizeterm(rows, cols);
		relayout_all();
	} else if (line[0] == ':') {
		tui_command(line + 1);
	} else if (line[0] == '/') {
		search(line + 1);
	} else if (!strncmp(line, "key ", 4)) {
		enum request req = key_to_request((unsigned char)line[4]);

		if (req != REQ_NONE)
			drive(req);
	} else if (request_by_name(line) != REQ_NONE) {
		drive(request_by_name(line));
	} else if (strchr(line, ' ')) {
		/* "REQUEST ANSWER": the answer to the prompt it opens. */
		char *rest = strchr(line, ' ');

		*rest++ = '\0';
		if (request_by_name(line) == REQ_NONE) {
			report_error("script: unknown request \"%s\"", line);
			return;
		}
		display.answer = rest;
		drive(request_by_name(line));
		display.answer = NULL;
	} else {
		report_error("script: unknown request \"%s\"", line);
	}
}

/*
 * The next key as a request (REQ_NONE: none). Input that keeps failing (the
 * terminal gone, a closed input) ends the screen instead of spinning (issue 20,
 * item 4).
 */
static enum request
read_request(void)
{
	int errors = 0;

	for (;;) {
		int key = getch();
		MEVENT ev;

		if (key == ERR) {
			if (++errors >= 100) {
				display.running = 0;
				return REQ_NONE;
			}
			continue;
		}
		errors = 0;
		if (key == KEY_RESIZE) {
			relayout_all();
			display_draw();
			continue;
		}
		if (key == KEY_MOUSE) {
			if (getmouse(&ev) != OK)
				continue;
			if (ev.bstate & BUTTON4_PRESSED)
				return REQ_MOVE_UP;
			if (ev.bstate & BUTTON5_PRESSED)
				return REQ_MOVE_DOWN;
			continue;
		}
		if (!display.view)
			continue;
		return key_to_request(key);
	}
}

int
tui_main(struct gv_db *db, const struct tui_options *o)
{
	const char *script_path = getenv("GV_SCRIPT");
	int bench = getenv("GV_BENCH") != NULL;
	struct rusage usage;
	FILE *script = NULL;
	char line[1024];

	display.db = db;
	display.db_path = o->db_path;
	display.now = o->now;
	display.theme = o->theme;
	if (script_path && !(script = fopen(script_path, "r"))) {
		fprintf(stderr, "gavel: cannot read the script %s\n",
		        script_path);
		return 1;
	}
	if (display_init() < 0) {
		fprintf(stderr, "gavel: %s\n", display.why);
		display_done();
		if (script)
			fclose(script);
		return 1;
	}
	if (view_push(&dashboard_ops, NULL) < 0) {
		display_done();
		fprintf(stderr, "gavel: %s\n", display.status);
		if (script)
			fclose(script);
		return 1;
	}
	display.running = 1;
	display_draw();
	if (bench)
		fprintf(stderr, "gavel-bench first-screen %.4f\n",
		        since(&started));
	while (display.running) {
		struct timespec t0;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (script) {
			if (!fgets(line, sizeof(line), script))
				break;
			script_line(line);
		} else {
			enum request req = read_request();

			if (req != REQ_NONE)
				drive(req);
		}
		if (display.view)
			display_draw();
		if (bench && script)
			fprintf(stderr, "gavel-bench %.*s %.4f\n",
			        (int)strcspn(line, "\r\n"), line, since(&t0));
	}
	while (display.view) {
		struct view *v = display.view;

		display.view = v->parent;
		view_free(v);
	}
	sync_done();
	display_done();
	if (script)
		fclose(script);
	if (bench && getrusage(RUSAGE_SELF, &usage) == 0)
		fprintf(stderr, "gavel-bench maxrss-kb %ld\n", usage.ru_maxrss);
	return 0;
}
