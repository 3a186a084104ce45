/* SPDX-License-Identifier: MIT */
/*
 * This file declares what the command-line front end's files share: the
 * run's settings, the command table type, option parsing, error reporting
 * and output helpers.
 */
#ifndef GV_CLI_H
#define GV_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "gavel/render.h"

struct gv_db;

/* Exit statuses (DESIGN.md: 1 for a failed command, 2 for bad usage). */
enum { CLI_OK = 0, CLI_FAILED = 1, CLI_USAGE = 2 };

struct cli {
	const char *db_path; /* --db, $GAVEL_DB, or the XDG default */
	int db_is_default;   /* create the default's folder when missing */
	int64_t now;         /* --now / $GAVEL_NOW, or -1 */
	struct gv_db *db;    /* opened by cli_open() */
};

struct cli_cmd {
	const char *name;
	int (*run)(struct cli *c, const struct cli_cmd *cmd, int argc,
	           char **argv);
	const char *usage;         /* "gavel org add NAME --body CODE ..." */
	const char *summary;       /* one line for the help */
	const struct cli_cmd *sub; /* subcommands (NULL-terminated), or NULL */
};

/* One option of a command: a flag (value NULL) or one with a value. */
struct cli_opt {
	const char *name;   /* without the leading "--" */
	const char **value; /* set to the argument; NULL for a flag */
	int *flag;          /* set to 1 when a flag is given */
};

/*
 * Parses argv[1..] (argv[0] is the command's name) against opts; options
 * may come before or after the positional arguments, as --name VALUE or
 * --name=VALUE (a one-letter one also as -o VALUE); "--" ends the
 * options. The positional arguments are left
 * in pos[0..*npos). Returns -1 to go on, or the status to exit with after
 * printing the help (--help, 0) or a usage error (2).
 */
int cli_parse(const struct cli_cmd *cmd, int argc, char **argv,
              const struct cli_opt *opts, char **pos, int *npos, int min_pos,
              int max_pos);

/* Runs the subcommand of a group named in argv[1]. */
int cli_dispatch(struct cli *c, const struct cli_cmd *group, int argc,
                 char **argv);

/* Prints the usage of a command (and its subcommands) to f. */
void cli_print_usage(FILE *f, const struct cli_cmd *cmd);

/* Prints "gavel: <fmt>" and the usage line on stderr; returns 2. */
int cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* Prints "gavel: <core's last error>" on stderr; returns 1. */
int cli_fail(void);

/* The allocator's settings, made first thing in main() (allocator.c). */
void cli_allocator_setup(void);

/*
 * Opens the database (once) into c->db, with enum gv_db_flags; the default
 * path's folder is created first. Returns 0, or prints the error and
 * returns 1.
 */
int cli_open(struct cli *c, unsigned flags);

/* --format: text or json; returns 0, or 2 after a usage error. */
enum cli_format { CLI_TEXT, CLI_JSON, CLI_MD };
int cli_format(enum cli_format *out, const struct cli_cmd *cmd,
               const char *value);
/* --format of a show that also pastes into a list post: text, md or
 * json. */
int cli_format_doc(enum cli_format *out, const struct cli_cmd *cmd,
                   const char *value);

/* A whole file's text ("-": standard input), or NULL after printing why
 * it cannot be read or is not text. Caller frees. */
char *cli_read_text(const char *path);

/* Parses TIME (--since, --at) or prints the error; returns 0 or 1. */
int cli_time(int64_t *out, const char *text, int64_t fallback);

/* Reads a positive identifier (a meeting id); a usage error (2) if not. */
int cli_id(int64_t *out, const struct cli_cmd *cmd, const char *what,
           const char *text);

/* --format of a document: md, html or text (none: the template's own);
 * returns 0, or 2 after a usage error. */
int cli_render_format(enum gv_render_format *out, const struct cli_cmd *cmd,
                      const char *value);

/* Writes a document: byte for byte into a file or a pipe; on a terminal
 * line by line, and stored text (a title with an escape sequence) does
 * not reach it raw. */
void cli_write_document(const char *text, size_t len);

/* Fills the template spec names and writes the document byte for byte,
 * opening the database first when needs_db. Returns 0 or 1. */
int cli_render(struct cli *c, const struct gv_render_spec *spec, int needs_db);

/* Whether --format, --send, --again and --to ask for a message: 0 (no:
 * render the document), 1 (yes), or 2 after a usage error (--send with
 * --format md). */
int cli_mail_wanted(const struct cli_cmd *cmd, const char *format, int send,
                    int again, const char *to);

/* Writes the message spec names to stdout, or with send pipes it to
 * $GAVEL_SENDMAIL (else sendmail -t) and prints its Message-ID. Returns
 * 0 or 1. */
struct gv_mail_spec;
int cli_mail(struct cli *c, const struct gv_mail_spec *spec, int send);

/* Prints a JSON document made by a view builder (and frees it). */
int cli_print_json(int error, char *json);

/* printf to stdout (stderr) with the result made safe for a terminal:
 * stored text never reaches it raw (newlines are kept). */
void cli_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints multi-line stored text, each line after indent, made safe. */
void cli_print_block(const char *text, const char *indent);

/* A count's noun: cli_noun(n, "person", "people"). */
const char *cli_noun(long n, const char *one, const char *many);

/* The terminal's width, or 0 (no limit) when f is not a terminal. */
size_t cli_terminal_width(FILE *f);

/*
 * The progress line of long work (cli/progress.c), a gv_progress_fn: on
 * a terminal's stderr only, at most ten updates a second, erased when a
 * phase ends (done == total). cli_open hands it to the core; commands
 * that print while work goes on call cli_progress_clear first.
 */
void cli_progress(const char *what, size_t done, size_t total, void *payload);

/* Erases the progress line, if one is drawn. */
void cli_progress_clear(void);

/* Aligned text tables that fit the terminal (output.c). */
struct table;
struct table *table_new(size_t ncols, const char *const *heads);
/* Adds a row of ncols cells (NULL prints as "-"); cells are copied and
 * made safe for the terminal. */
void table_add(struct table *t, const char *const *cells);
void table_print(struct table *t, FILE *f);
void table_free(struct table *t);

/*
 * `gavel complete [--] WORD...` (complete.c): what the last word of a
 * command line may become, for the shells' completions. groups is the
 * command table, builtins the commands run() answers itself (name and
 * summary), global_usage the options before a command. Returns 0.
 */
int cli_complete(struct cli *c, const struct cli_cmd *const *groups,
                 const struct cli_cmd *builtins, const char *global_usage,
                 int argc, char **argv);

/* The command groups (cmd_*.c). */
extern const struct cli_cmd cmd_init;
extern const struct cli_cmd cmd_body;
extern const struct cli_cmd cmd_org;
extern const struct cli_cmd cmd_person;
extern const struct cli_cmd cmd_render;
extern const struct cli_cmd cmd_templates;
extern const struct cli_cmd cmd_meeting;
extern const struct cli_cmd cmd_minutes;
extern const struct cli_cmd cmd_agenda;
extern const struct cli_cmd cmd_ballot;
extern const struct cli_cmd cmd_deadlines;
extern const struct cli_cmd cmd_remind;
extern const struct cli_cmd cmd_calendar;
extern const struct cli_cmd cmd_report;

/* Writes the calendar (cmd_calendar.c) of body (NULL: all) to stdout or
 * output, as `calendar` and `deadlines --format ics` do; within and
 * alarm are the options' text, or NULL. Returns the exit status. */
int cli_calendar(struct cli *c, const struct cli_cmd *cmd, const char *body,
                 const char *within, const char *alarm, const char *output);
extern const struct cli_cmd cmd_redline;
extern const struct cli_cmd cmd_review;
extern const struct cli_cmd cmd_issue;
extern const struct cli_cmd cmd_digest;
extern const struct cli_cmd cmd_rebuild;
extern const struct cli_cmd cmd_remote;
extern const struct cli_cmd cmd_sync;
extern const struct cli_cmd cmd_config;

/* `gavel tui [--theme THEME]` and `gavel` alone on a terminal (argv[0]:
 * "tui"; argc 0: no arguments): the screen (cmd_tui.c). */
int cli_tui(struct cli *c, int argc, char **argv);

/* The reading subcommands of `gavel issue` (cmd_issue_show.c). */
int cmd_issue_show(struct cli *c, const struct cli_cmd *cmd, int argc,
                   char **argv);
int cmd_issue_list(struct cli *c, const struct cli_cmd *cmd, int argc,
                   char **argv);

/* The reading subcommands of `gavel ballot` (cmd_ballot_show.c). */
int cmd_ballot_show(struct cli *c, const struct cli_cmd *cmd, int argc,
                    char **argv);
int cmd_ballot_list(struct cli *c, const struct cli_cmd *cmd, int argc,
                    char **argv);
int cmd_ballot_tally(struct cli *c, const struct cli_cmd *cmd, int argc,
                     char **argv);
int cmd_ballot_lint(struct cli *c, const struct cli_cmd *cmd, int argc,
                    char **argv);
int cmd_ballot_notice(struct cli *c, const struct cli_cmd *cmd, int argc,
                      char **argv);

/* `gavel ballot votes-from` (cmd_ballot_mail.c). */
int cmd_ballot_votes_from(struct cli *c, const struct cli_cmd *cmd, int argc,
                          char **argv);

#endif
