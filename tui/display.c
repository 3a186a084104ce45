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

/*
 * Each line type: its colour on a dark background and on a light one
 * (foreground on the terminal's own background; -1: its own foreground),
 * the attribute added in colour, and the attribute that stands for it
 * without colour (NO_COLOR, a monochrome terminal, the mono theme). On a
 * light background yellow and cyan do not read: blue, magenta and the
 * terminal's own colour take their place.
 */
static const struct {
	short dark, light;
	attr_t colour_attr, mono_attr;
} types[LINE_TYPES] = {
        [LINE_DEFAULT] = {-1, -1, A_NORMAL, A_NORMAL},
        [LINE_TITLE] = {COLOR_CYAN, COLOR_BLUE, A_BOLD, A_BOLD},
        [LINE_HEADER] = {COLOR_YELLOW, COLOR_MAGENTA, A_BOLD, A_UNDERLINE},
        [LINE_DIM] = {COLOR_BLUE, COLOR_BLUE, A_NORMAL, A_DIM},
        [LINE_OK] = {COLOR_GREEN, COLOR_GREEN, A_NORMAL, A_NORMAL},
        [LINE_WARN] = {COLOR_YELLOW, COLOR_MAGENTA, A_NORMAL, A_BOLD},
        [LINE_BAD] = {COLOR_RED, COLOR_RED, A_BOLD, A_BOLD | A_UNDERLINE},
        [LINE_DEL] = {COLOR_RED, COLOR_RED, A_NORMAL, A_DIM | A_UNDERLINE},
        [LINE_INS] = {COLOR_GREEN, COLOR_GREEN, A_UNDERLINE,
                      A_BOLD | A_UNDERLINE},
        [LINE_DISCUSS] = {COLOR_BLUE, COLOR_BLUE, A_REVERSE, A_DIM},
        [LINE_VOTE] = {COLOR_YELLOW, COLOR_MAGENTA, A_REVERSE, A_REVERSE},
        [LINE_REVIEW] = {COLOR_MAGENTA, COLOR_GREEN, A_REVERSE, A_UNDERLINE},
        [LINE_TODAY] = {COLOR_RED, COLOR_RED, A_BOLD, A_BOLD},
        [LINE_BAR] = {COLOR_GREEN, COLOR_GREEN, A_REVERSE, A_REVERSE},
        [LINE_MATCH] = {COLOR_YELLOW, -1, A_REVERSE, A_REVERSE},
        /* Black on cyan, white on blue: the pair sets both. */
        [LINE_BAR_TOP] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE},
};

static const char *const theme_names[] = {
        [THEME_AUTO] = "auto",
        [THEME_DARK] = "dark",
        [THEME_LIGHT] = "light",
        [THEME_MONO] = "mono",
};

int
theme_parse(enum theme *out, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(theme_names) / sizeof(theme_names[0]); i++)
		if (!strcmp(name, theme_names[i])) {
			*out = (enum theme)i;
			return 0;
		}
	return -1;
}

const char *
theme_name(enum theme theme)
{
	return theme_names[theme];
}

/* The background COLORFGBG gives ("15;0", "0;default;15": the last
 * field), as rxvt and its followers set it: 0-6 and 8 are dark colours,
 * 7 and 9-15 light ones. THEME_AUTO when it says nothing usable. */
static enum theme
colorfgbg(void)
{
	const char *v = getenv("COLORFGBG"), *bg;
	char *end;
	long n;

	if (!v || !(bg = strrchr(v, ';')))
		return THEME_AUTO;
	n = strtol(bg + 1, &end, 10);
	if (end == bg + 1 || *end || n < 0 || n > 15)
		return THEME_AUTO;
	return n == 7 || n >= 9 ? THEME_LIGHT : THEME_DARK;
}

enum theme
theme_choose(enum theme asked, const char **why)
{
	const char *env = getenv("GAVEL_THEME"), *no = getenv("NO_COLOR");
	enum theme t;

	/* The most particular word first: the option, gavel's own setting,
	 * then NO_COLOR (set for every program: no-color.org), then what
	 * the terminal says of its background. */
	if (asked != THEME_AUTO) {
		*why = "--theme";
		return asked;
	}
	if (env && *env && theme_parse(&t, env) == 0 && t != THEME_AUTO) {
		*why = "GAVEL_THEME";
		return t;
	}
	if (no && *no) {
		*why = "NO_COLOR";
		return THEME_MONO;
	}
	if ((t = colorfgbg()) != THEME_AUTO) {
		*why = "COLORFGBG";
		return t;
	}
	*why = "the default";
	return THEME_DARK;
}

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

/* Colours from the theme: none when it is mono or the terminal has
 * none (a monochrome terminal). */
static void
colours(void)
{
	const char *why;
	enum theme theme = theme_choose(display.theme, &why);
	int i;

	use_colour = has_colors() && theme != THEME_MONO;
	display.theme_used = use_colour ? theme : THEME_MONO;
	if (!use_colour)
		return;
	start_color();
	use_default_colors();
	for (i = 0; i < LINE_TYPES; i++) {
		short fg =
		        theme == THEME_LIGHT ? types[i].light : types[i].dark;

		if (i == LINE_BAR_TOP)
			init_pair((short)(i + 1), fg,
			          theme == THEME_LIGHT ? COLOR_BLUE
			                               : COLOR_CYAN);
		else
			init_pair((short)(i + 1), fg, -1);
	}
}

static int refuse(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Why the screen cannot start, into display.why; -1. */
static int
refuse(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(display.why, sizeof(display.why), fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * A real terminal, or a clear refusal (issue 20, item 4): input that is
 * not a terminal would read end of file forever, and a terminal that
 * cannot move the cursor (TERM=dumb) cannot draw a screen.
 */
static int
open_terminal(void)
{
	const char *term = getenv("TERM");
	const char *cup;

	if (!isatty(0))
		return refuse("the screen needs a terminal, and its input is "
		              "not one: run it from a terminal, or use the "
		              "commands ('gavel --help')");
	if (!isatty(1))
		return refuse("the screen needs a terminal, and its output is "
		              "not one: run it from a terminal, or use the "
		              "commands ('gavel --help')");
	if (!term || !*term || !strcmp(term, "dumb"))
		return refuse("the screen cannot be drawn on TERM=%s: set TERM "
		              "to your terminal's type (xterm-256color, "
		              "screen, tmux, linux), or use the commands "
		              "('gavel --help')",
		              term ? term : "");
	if (!(screen = newterm(NULL, stdout, stdin)))
		return refuse("TERM=%s is not a terminal type this machine "
		              "knows (no terminfo entry): set TERM to your "
		              "terminal's type, or use the commands ('gavel "
		              "--help')",
		              term);
	set_term(screen);
	cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		endwin();
		delscreen(screen);
		screen = NULL;
		return refuse(
		        "the screen cannot be drawn on TERM=%s: it cannot "
		        "move the cursor; set TERM to your terminal's "
		        "type, or use the commands ('gavel --help')",
		        term);
	}
	return 0;
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

		if (!(null_dev = fopen("/dev/null", "r+")) ||
		    !(screen = newterm(term && *term ? term : "xterm-256color",
		                       null_dev, null_dev)))
			return refuse("cannot start a headless screen");
		set_term(screen);
	} else if (open_terminal() < 0) {
		return -1;
	}
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
	/* Escape alone must read as Escape, soon, and never join the key
	 * after it as Alt-key (tig's way): a short wait for the rest of a
	 * key's sequence, unless ESCDELAY says how long. */
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	colours();
	return 0;
}

void
display_flush_input(void)
{
	if (!display.headless)
		flushinp();
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

/*
 * The title bar (the view's title, then the keys of the views when they
 * fit after it) and the status line: the last message, then the keys that
 * matter in this view as many as fit (issue 20, item 5: tig's and mutt's
 * way), and the cursor's row of the view's rows at the right.
 */
static void
draw_bars(const struct view *v)
{
	char pos[64], nav[128], hints[256];
	size_t title = gv_text_width(v->title), used, room;

	move(0, 0);
	attrset(display_attr(LINE_BAR_TOP));
	hline(' ', COLS);
	put_fit(v->title, COLS);
	keymap_nav(nav, sizeof(nav));
	if (title + 2 + gv_text_width(nav) <= (size_t)COLS) {
		move(0, COLS - (int)gv_text_width(nav));
		put_fit(nav, (int)gv_text_width(nav));
	}
	snprintf(pos, sizeof(pos), "%zu/%zu", v->nlines ? v->cursor + 1 : 0,
	         v->nlines);
	room = (size_t)COLS > strlen(pos) + 2 ? (size_t)COLS - strlen(pos) - 2
	                                      : 0;
	move(LINES - 1, 0);
	attrset(display_attr(display.status_error ? LINE_BAD : LINE_DIM));
	hline(' ', COLS);
	used = (size_t)put_fit(display.status, (int)room);
	/* The keys after the message, when a few still fit. */
	if (used)
		used += 2;
	if (room > used + 10) {
		keymap_hints(hints, sizeof(hints), v, room - used);
		move(LINES - 1, (int)used);
		attrset(display_attr(LINE_DIM));
		put_fit(hints, (int)(room - used));
	}
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
