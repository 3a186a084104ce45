/* SPDX-License-Identifier: MIT */
/*
 * This file implements the display: curses set up for UTF-8 (ncursesw),
 * colours from one line-type table (monochrome under NO_COLOR or on a
 * terminal without colours), the title and status bars, the notice for a
 * terminal too small, the screen dump of the headless tests, and putting
 * the terminal back on exit, error or signal.
 */
#include <curses.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "gavel/text.h"
#include "tui.h"

#define MIN_COLS 60
#define MIN_ROWS 15

struct display display;

static SCREEN *screen;
static FILE *null_dev; /* a headless screen's input and output */
static int use_colour;

/* Each line type: a colour pair (foreground on the default background)
 * and the attribute that stands for it without colour. */
static const struct {
	short fg;
	attr_t colour_attr, mono_attr;
} types[LINE_TYPES] = {
        [LINE_DEFAULT] = {-1, A_NORMAL, A_NORMAL},
        [LINE_TITLE] = {COLOR_CYAN, A_BOLD, A_BOLD},
        [LINE_HEADER] = {COLOR_YELLOW, A_BOLD, A_UNDERLINE},
        [LINE_DIM] = {COLOR_BLUE, A_NORMAL, A_DIM},
        [LINE_OK] = {COLOR_GREEN, A_NORMAL, A_NORMAL},
        [LINE_WARN] = {COLOR_YELLOW, A_NORMAL, A_BOLD},
        [LINE_BAD] = {COLOR_RED, A_BOLD, A_BOLD | A_UNDERLINE},
        [LINE_DEL] = {COLOR_RED, A_NORMAL, A_DIM | A_UNDERLINE},
        [LINE_INS] = {COLOR_GREEN, A_UNDERLINE, A_BOLD | A_UNDERLINE},
        [LINE_DISCUSS] = {COLOR_BLUE, A_REVERSE, A_DIM},
        [LINE_VOTE] = {COLOR_YELLOW, A_REVERSE, A_REVERSE},
        [LINE_REVIEW] = {COLOR_MAGENTA, A_REVERSE, A_UNDERLINE},
        [LINE_TODAY] = {COLOR_RED, A_BOLD, A_BOLD},
        [LINE_BAR] = {COLOR_GREEN, A_REVERSE, A_REVERSE},
        [LINE_MATCH] = {COLOR_YELLOW, A_REVERSE, A_REVERSE},
        [LINE_BAR_TOP] = {COLOR_WHITE, A_REVERSE, A_REVERSE},
};

int
display_colour(void)
{
	return use_colour;
}

int
display_attr(enum line_type type)
{
	if (!use_colour)
		return (int)types[type].mono_attr;
	return (int)(COLOR_PAIR(type + 1) | types[type].colour_attr);
}

/* Puts the terminal back whatever ends the program. */
static void
restore(void)
{
	if (screen && !isendwin())
		endwin();
}

static void
on_signal(int sig)
{
	restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
colours(void)
{
	int i;

	use_colour = has_colors() && !getenv("NO_COLOR");
	if (!use_colour)
		return;
	start_color();
	use_default_colors();
	for (i = 0; i < LINE_TYPES; i++)
		init_pair((short)(i + 1),
		          i == LINE_BAR_TOP ? COLOR_BLACK : types[i].fg,
		          i == LINE_BAR_TOP ? COLOR_CYAN : -1);
}

int
display_init(void)
{
	const char *size = getenv("GV_SIZE");

	setlocale(LC_ALL, "");
	display.headless = getenv("GV_NO_DISPLAY") != NULL;
	if (display.headless) {
		/* The tests: no terminal, TERM's type (xterm-256color
		 * without one), output nowhere. */
		const char *term = getenv("TERM");

		if (!(null_dev = fopen("/dev/null", "r+")))
			return -1;
		screen = newterm(term && *term ? term : "xterm-256color",
		                 null_dev, null_dev);
	} else {
		screen = newterm(NULL, stdout, stdin);
	}
	if (!screen)
		return -1;
	set_term(screen);
	atexit(restore);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	if (size) {
		int cols = 0, rows = 0;

		if (sscanf(size, "%dx%d", &cols, &rows) == 2 && cols > 0 &&
		    rows > 0)
			resizeterm(rows, cols);
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	set_escdelay(25);
	colours();
	return 0;
}

void
display_done(void)
{
	restore();
	if (screen)
		delscreen(screen);
	screen = NULL;
	if (null_dev)
		fclose(null_dev);
	null_dev = NULL;
}

int
display_rows(void)
{
	return LINES > 2 ? LINES - 2 : 1;
}

size_t
display_cols(void)
{
	return COLS > 0 ? (size_t)COLS : 80;
}

static void
vreport(int error, const char *fmt, va_list ap)
{
	char raw[sizeof(display.status)], *safe;

	/* A message may quote what came from elsewhere (a remote's error,
	 * a name from the store): it is shown, never sent as it is. At
	 * most 4 bytes a column, what is kept fits the status. */
	vsnprintf(raw, sizeof(raw), fmt, ap);
	safe = text_fit(raw, (sizeof(display.status) - 4) / 4, 0);
	snprintf(display.status, sizeof(display.status), "%s", safe);
	free(safe);
	display.status_error = error;
}

void
report(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(0, fmt, ap);
	va_end(ap);
}

void
report_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(1, fmt, ap);
	va_end(ap);
}

/* Writes s (already made safe) at the cursor, as much as fits in cols
 * columns, counting each character's true width; allocates nothing. */
static int
put_fit(const char *s, int cols)
{
	size_t i = 0;
	int used = 0;

	while (s[i] && used < cols) {
		mbstate_t st;
		wchar_t wc;
		size_t n;
		int w;

		memset(&st, 0, sizeof(st));
		n = mbrtowc(&wc, s + i, MB_CUR_MAX, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			n = 1, w = 1;
		else if ((w = wcwidth(wc)) < 0)
			w = 1;
		if (used + w > cols)
			break;
		addnstr(s + i, (int)n);
		used += w;
		i += n;
	}
	return used;
}

static void
draw_bars(const struct view *v)
{
	char pos[64];

	static const char nav[] =
	        " 1 dash 2 time 3 iss 4 bal 5 red 6 meet 7 mem";
	int room = COLS >= 100 ? COLS - (int)sizeof(nav) : COLS;

	move(0, 0);
	attrset(display_attr(LINE_BAR_TOP));
	hline(' ', COLS);
	put_fit(v->title, room);
	/* The views' keys, when the title leaves room for them. */
	if (room < COLS) {
		move(0, room);
		put_fit(nav, COLS - room);
	}
	move(LINES - 1, 0);
	attrset(display_attr(display.status_error ? LINE_BAD : LINE_DIM));
	hline(' ', COLS);
	/* The keys that work from every view, unless the message needs
	 * their room. */
	snprintf(pos, sizeof(pos), "%zu/%zu  S sync  C conflicts  ? help",
	         v->nlines ? v->cursor + 1 : 0, v->nlines);
	if (gv_text_width(display.status) + strlen(pos) + 2 > (size_t)COLS)
		snprintf(pos, sizeof(pos), "%zu/%zu  ? help",
		         v->nlines ? v->cursor + 1 : 0, v->nlines);
	put_fit(display.status, COLS - (int)strlen(pos) - 2);
	move(LINES - 1, COLS - (int)strlen(pos) - 1);
	attrset(display_attr(LINE_DIM));
	addstr(pos);
	attrset(A_NORMAL);
}

void
display_draw(void)
{
	struct view *v = display.view;
	int rows = display_rows(), y;

	erase();
	if (COLS < MIN_COLS || LINES < MIN_ROWS) {
		mvprintw(0, 0, "gavel needs %dx%d;", MIN_COLS, MIN_ROWS);
		mvprintw(1, 0, "this is %dx%d.", COLS, LINES);
		refresh();
		return;
	}
	for (y = 0; v && y < rows && v->offset + (size_t)y < v->nlines; y++) {
		const struct line *l = &v->lines[v->offset + (size_t)y];
		int selected = v->offset + (size_t)y == v->cursor, x;
		size_t i;

		move(y + 1, 0);
		x = 0;
		for (i = 0; i < l->nsegs && x < COLS; i++) {
			attrset(display_attr(l->segs[i].type) |
			        (selected ? A_REVERSE : 0));
			x += put_fit(l->segs[i].text, COLS - x);
		}
		if (selected && x < COLS) {
			attrset(A_REVERSE);
			hline(' ', COLS - x);
		}
		attrset(A_NORMAL);
	}
	if (v)
		draw_bars(v);
	refresh();
}

int
display_save(const char *path)
{
	FILE *f = fopen(path, "w");
	char row[4096];
	int y;

	if (!f)
		return -1;
	for (y = 0; y < LINES; y++) {
		size_t n;

		/* mvinnstr: the row's characters as a multibyte string. */
		if (mvinnstr(y, 0, row, (int)sizeof(row) - 1) == ERR)
			row[0] = '\0';
		n = strlen(row);
		while (n && row[n - 1] == ' ')
			row[--n] = '\0';
		fprintf(f, "%s\n", row);
	}
	return fclose(f) ? -1 : 0;
}
