/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the curses UI's files share: lines made of
 * typed segments, views and their operations (tig's architecture), the
 * display, drawing, keymaps, the prompt and the views themselves.
 *
 * A view loads from core in open(), turns what it loaded into screen
 * lines for a width in layout() (memory only; again on resize), and
 * draw() only writes those lines: it never calls core or allocates.
 */
#ifndef GV_TUI_H
#define GV_TUI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "request.h"

struct gv_db;

/* What a segment of text is; display.c maps each to a colour and a
 * monochrome attribute. */
enum line_type {
	LINE_DEFAULT,
	LINE_TITLE,   /* a view's heading */
	LINE_HEADER,  /* column heads, section headers */
	LINE_DIM,     /* secondary text */
	LINE_OK,      /* MET, passed, open clocks far off */
	LINE_WARN,    /* due soon */
	LINE_BAD,     /* overdue, NOT MET, failed */
	LINE_DEL,     /* redline deletion */
	LINE_INS,     /* redline insertion */
	LINE_DISCUSS, /* timeline: discussion period */
	LINE_VOTE,    /* timeline: voting period */
	LINE_REVIEW,  /* timeline: IPR review */
	LINE_TODAY,   /* timeline: today */
	LINE_BAR,     /* tally bars */
	LINE_MATCH,   /* a search match */
	LINE_BAR_TOP, /* the title and status bars */
	LINE_TYPES
};

struct seg {
	enum line_type type;
	char *text; /* sanitized, fits its row (owned) */
};

/* One screen row. data (borrowed from the view's own data) is what Enter
 * opens; rows of one wrapped item share it. */
struct line {
	struct seg *segs;
	size_t nsegs;
	void *data;
	int mark; /* view-defined: a change, a section start, ... */
};

struct view;

struct view_ops {
	const char *name;               /* "ballots": its keymap and title */
	int (*open)(struct view *view); /* core -> data */
	void (*layout)(struct view *view, size_t cols); /* data -> lines */
	/* A request the generic driver does not handle; 1 if handled. */
	int (*request)(struct view *view, enum request req);
	/* Enter on data: opens the next view, or 0 when nothing to open. */
	int (*select)(struct view *view, void *data);
	void (*done)(struct view *view); /* frees data */
	/* Whether req applies to what the view shows now (NULL: always);
	 * the status line leaves out the key of one that does not. */
	int (*offers)(const struct view *view, enum request req);
};

struct view {
	const struct view_ops *ops;
	struct gv_db *db;
	char *arg;  /* what it shows ("SMC010", "263", a meeting id), owned */
	void *data; /* what open() loaded (the view's own type) */
	struct line *lines;
	size_t nlines, alloc;
	size_t offset; /* the first row drawn */
	size_t cursor; /* the selected row */
	size_t cols;   /* the width lines were laid out for */
	int filter;    /* view-defined, kept across reloads (issues: how
	                  many times f was pressed) */
	char title[160];
	struct view *parent; /* where `back` goes */
};

/* The width of a body's wall clock beside UTC ("Wed 11:00 EST"), so the
 * columns after it stay aligned; a longer one ("Wed 11:00 CEST") pushes
 * its row by a column or two, never into the next column. */
#define TUI_LOCAL_COLS 13

/* ---- view.c ---- */
struct view *view_new(const struct view_ops *ops, struct gv_db *db,
                      const char *arg);
void view_free(struct view *view);
/* Loads and lays out; 0, or -1 with the error reported. */
int view_load(struct view *view, size_t cols);
void view_relayout(struct view *view, size_t cols);
void view_clear(struct view *view);
/* Appends a row; then seg() adds text of a type to it. */
struct line *line_new(struct view *view, void *data);
void seg(struct line *line, enum line_type type, const char *text);
void segf(struct line *line, enum line_type type, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* The columns a row's segments take so far. */
size_t line_cols(const struct line *line);
/* A blank row, and a row of text wrapped to cols with an indent. */
void line_blank(struct view *view);
void line_wrap(struct view *view, void *data, enum line_type type,
               const char *indent, const char *text, size_t cols);
/* text wrapped to cols after lead (of lead_type) on its first row, under
 * it after (a help's key and what it does). */
void line_wrap_hanging(struct view *view, void *data, enum line_type lead_type,
                       const char *lead, enum line_type type, const char *text,
                       size_t cols);
/* Typed pieces of one logical line (a redline line's spans) wrapped to
 * cols: the gutter on the first row, its width in spaces after; mark
 * goes on the first row. */
void line_spans(struct view *view, void *data, int mark, const char *gutter,
                const enum line_type *types, const char *const *texts, size_t n,
                size_t cols);
/* Text cut to cols columns ("…" when cut), padded with spaces to cols
 * when pad; made safe for the terminal. Caller frees. */
char *text_fit(const char *text, size_t cols, int pad);
/* Moves the cursor to row; keeps it on screen of height rows. */
void view_goto(struct view *view, size_t row, size_t height);

/* ---- display.c ---- */
/* The colours: from the background the terminal says it has (auto),
 * dark or light, or none (mono). */
enum theme { THEME_AUTO, THEME_DARK, THEME_LIGHT, THEME_MONO };
/* "dark" -> THEME_DARK; 0, or -1 for no such theme. */
int theme_parse(enum theme *out, const char *name);
const char *theme_name(enum theme theme);
/* The theme asked (THEME_AUTO: none) as the environment settles it,
 * and what settled it (*why: "--theme", "GAVEL_THEME", "NO_COLOR",
 * "COLORFGBG", "the default"). */
enum theme theme_choose(enum theme asked, const char **why);

struct display {
	struct view *view; /* on screen */
	struct gv_db *db;
	const char *db_path;
	char status[1024]; /* the status line's message, made safe */
	int status_error;
	char search[128];   /* the last search, for n/N */
	int headless;       /* GV_NO_DISPLAY: no terminal */
	const char *answer; /* a script's answer to the next prompt */
	int running;
	enum theme theme;      /* asked for with --theme, or THEME_AUTO */
	enum theme theme_used; /* dark, light, or mono: no colours */
	int64_t now;           /* the clock --now fixed, or -1 */
	char why[512];         /* why the screen could not start */
};
extern struct display display;

int display_init(void);
void display_done(void);
/* Drops the keys typed and not read yet (a prompt refused or ended:
 * what followed was for it, never for the view). */
void display_flush_input(void);
void display_draw(void);
int display_rows(void); /* rows for the view */
size_t display_cols(void);
/* Writes the screen as text (the headless tests' dump). */
int display_save(const char *path);
void report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void report_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int display_attr(enum line_type type);
/* Whether colours are in use (not under NO_COLOR or on a monochrome
 * terminal): without them, views mark with text what colour would. */
int display_colour(void);
/* A bar of n cells ("█" in a UTF-8 locale, else '#'), in buf. */
const char *bar_text(char *buf, size_t size, int n, const char *fill);

/* ---- keys.c ---- */
enum request key_request(const char *keymap, int key);
const char *request_name(enum request req);
enum request request_by_name(const char *name);
/* A key as the help writes it ("Enter", "^L", "x"); "" for none. */
void key_label(char *buf, size_t n, int key);
/* The keys bound to req in keymap (not generic), as "j, Down". */
void request_keys(char *buf, size_t n, const char *keymap, enum request req);
/* The keymaps in the help's order: "generic", then each view's. */
size_t keymap_count(void);
const char *keymap_name(size_t i);
/* A keymap's heading, with the key that opens its view: "Ballots (4)". */
void keymap_title(char *buf, size_t n, const char *keymap);
/* What each key of a keymap does, a request's keys together. */
struct key_entry {
	enum request req;
	char keys[48];    /* "j, Down" */
	const char *help; /* what they do there (static) */
};
size_t keymap_entries(struct key_entry *out, size_t max, const char *keymap);
/* The status line's keys for a view ("Enter open  v vote ... ? help"), as
 * many as fit in cols, "? help" always; those of requests the view does
 * not offer now left out. */
void keymap_hints(char *buf, size_t n, const struct view *v, size_t cols);
/* The title bar's view keys: "1 dash  2 time ...". */
void keymap_nav(char *buf, size_t n);
/* Every keymap, for `gavel tui --help`, wrapped at width. */
void keymap_print(FILE *f, size_t width);

/* ---- prompt.c ---- */
/* Reads a line at the bottom after prompt, starting with initial; NULL
 * when cancelled (Escape). The result is static until the next call. */
const char *prompt_input(const char *prompt, const char *initial);
int prompt_yes(const char *question);
/* Runs a gavel command line ("ballot vote SMC011 DigiCert yes") as the
 * CLI runs it; reports its first line. Asks first when the change has no
 * inverse command. 0 when it ran and succeeded. */
int command_run(const char *line);

/* The same for a command already in words (no quoting). */
int command_exec(int argc, char **argv);

/* main.c: runs a command (line or words) and reloads the views when it
 * changed something; 0 when it ran and succeeded. */
void tui_command(const char *line);
int tui_exec(int argc, char **argv);
/* main.c: reloads every view on the stack from the database. */
void tui_reload(void);

/* sync.c: `S`, a sync with every remote, summed up on the status line;
 * the last one's summary and report (NULL before any), kept for the
 * conflicts view until sync_done. */
struct gv_sync_report;
void sync_run(void);
const struct gv_sync_report *sync_last(const char **summary, int64_t *at,
                                       int *failed);
void sync_done(void);

/* form.c: a change's fields, asked one by one on the prompt line. */
struct form_field {
	const char *label;   /* "title" */
	const char *option;  /* "--title", or NULL for a positional word */
	const char *initial; /* offered first, or NULL */
	int optional;        /* may be left empty */
};
/* Asks the fields, then runs base followed by them; 0 when it ran and
 * succeeded, -1 when cancelled or refused. */
int form_run(const char *title, const char *const *base, size_t nbase,
             const struct form_field *fields, size_t n);

/* ---- the views ---- */
extern const struct view_ops dashboard_ops, timeline_ops, issues_ops, issue_ops,
        ballots_ops, ballot_ops, steps_ops, redline_ops, meetings_ops,
        meeting_ops, members_ops, conflicts_ops, help_ops;

/* Opens a view on top of the one on screen (its parent). */
int view_push(const struct view_ops *ops, const char *arg);

/* main.c: the whole UI on an open database; returns the exit status. */
struct tui_options {
	const char *db_path; /* for the commands it runs */
	int64_t now;         /* the clock --now fixed, or -1 */
	enum theme theme;    /* --theme, or THEME_AUTO */
};
int tui_main(struct gv_db *db, const struct tui_options *options);

#endif
