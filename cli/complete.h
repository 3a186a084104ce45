/* SPDX-License-Identifier: MIT */
/*
 * This file declares what `gavel complete` is made of: a command's usage
 * line read as a grammar (complete_usage.c), and the candidates a word can
 * take, from literal choices or from the database (complete_values.c).
 */
#ifndef GV_CLI_COMPLETE_H
#define GV_CLI_COMPLETE_H

#include <stddef.h>

#include "cli.h"

#define USAGE_MAX_OPTS 32
#define USAGE_MAX_POS  8
#define USAGE_WORD     96

/* An option of a usage line: "--body CODE" gives {"--body", "CODE"}. */
struct usage_opt {
	char name[USAGE_WORD];  /* "--body", "-o" */
	char value[USAGE_WORD]; /* "CODE", "text|json"; "" for a flag */
};

/* A usage line ("gavel ballot vote NUMBER ORG yes|no|abstain [--at
 * TIME]") as the words it accepts. */
struct usage_spec {
	struct usage_opt opt[USAGE_MAX_OPTS];
	size_t nopt;
	char pos[USAGE_MAX_POS][USAGE_WORD]; /* "NUMBER", "yes|no|abstain" */
	size_t npos;
	int repeat; /* the last positional takes any number ("NAME...") */
};

/*
 * Reads usage, leaving out its first skip words ("gavel ballot vote"):
 * options with the value each takes, and the positional arguments in
 * order, up to a '|' between two forms of the command.
 */
void usage_parse(struct usage_spec *out, const char *usage, int skip);

/* The option of spec named by word ("--at", "--at=TIME"), or NULL. */
const struct usage_opt *usage_find_opt(const struct usage_spec *spec,
                                       const char *word);

/* How a shell should complete the word, besides the candidates. */
enum complete_kind { COMPLETE_WORDS, COMPLETE_FILES, COMPLETE_DIRS };

/* The state of one completion: the word and where candidates come from. */
struct completer {
	const char *cur;     /* the word being completed, without prefix */
	const char *prefix;  /* printed before each candidate ("--format=") */
	char *cur_fold;      /* cur, case and accents folded */
	const char *db_path; /* the database the command line names */
	int64_t now;         /* --now / $GAVEL_NOW, or -1 */
	struct gv_db *db;    /* opened on first use, or NULL */
	int db_failed;       /* opening failed: no names from it */
	enum complete_kind kind;
	char **lines; /* the candidates, "value\tdescription" */
	size_t n, alloc;
};

/* Adds value (with an optional description) when it starts with the word
 * being completed, ignoring case and accents. */
void complete_add(struct completer *c, const char *value, const char *desc);

/*
 * Adds what a word described by a usage placeholder may be: the literal
 * choices of "text|json", or names from the database for CODE (bodies),
 * ORG, NUMBER (ballots), ID (meetings), REF (issues), PERSON, REMOTE and
 * TEMPLATE; FILE and DIR ask the shell for paths. option is the option
 * the value belongs to ("--issue"), or NULL for a positional argument.
 */
void complete_value(struct completer *c, const char *option,
                    const char *placeholder);

#endif
