/* SPDX-License-Identifier: MIT */
/*
 * This file reads a command's usage line, the one its --help prints, as
 * the grammar of its arguments: which options it takes, which of them take
 * a value and what that value is ("--format text|json", "--body CODE"),
 * and its positional arguments in order. So completion follows the
 * command table and never a second list kept by hand.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "complete.h"

/* The next word of a usage line, a quoted "Name (Org)" as one, into
 * word; the rest of the line, or NULL at its end. */
static const char *
next_token(char *word, size_t n, const char *s)
{
	size_t len = 0;
	int quoted = 0;

	while (*s == ' ')
		s++;
	if (!*s)
		return NULL;
	for (; *s && (quoted || *s != ' '); s++) {
		if (*s == '"')
			quoted = !quoted;
		if (len + 1 < n)
			word[len++] = *s;
	}
	word[len] = '\0';
	return s;
}

/* "--body", "-o": a dash and a letter, not "-" (standard input). */
static int
is_option(const char *part)
{
	const char *p = part + (part[0] == '-' && part[1] == '-');

	return part[0] == '-' && p[0] == '-' && isalpha((unsigned char)p[1]);
}

/* token without '[' and ']' ("[--send" -> "--send"). */
static void
strip_brackets(char *out, size_t n, const char *token)
{
	size_t len = 0;

	for (; *token; token++)
		if (*token != '[' && *token != ']' && len + 1 < n)
			out[len++] = *token;
	out[len] = '\0';
}

/* How many leading '|'-separated parts of the token are not options,
 * copied into value ("FILE|--url" -> "FILE", 1). */
static int
value_parts(char *value, size_t n, const char *token)
{
	char clean[USAGE_WORD], *part, *save = NULL;
	int count = 0;

	strip_brackets(clean, sizeof(clean), token);
	value[0] = '\0';
	for (part = strtok_r(clean, "|", &save); part && !is_option(part);
	     part = strtok_r(NULL, "|", &save)) {
		if (count++)
			strncat(value, "|", n - strlen(value) - 1);
		strncat(value, part, n - strlen(value) - 1);
	}
	return count;
}

static void
add_option(struct usage_spec *out, const char *name, const char *value)
{
	size_t i;

	for (i = 0; i < out->nopt; i++)
		if (!strcmp(out->opt[i].name, name))
			return; /* a second form of the command names it again
			         */
	if (out->nopt == USAGE_MAX_OPTS)
		return;
	snprintf(out->opt[out->nopt].name, USAGE_WORD, "%s", name);
	snprintf(out->opt[out->nopt++].value, USAGE_WORD, "%s", value);
}

static void
add_positional(struct usage_spec *out, const char *part)
{
	size_t len = strlen(part);

	if (out->npos == USAGE_MAX_POS || out->repeat)
		return;
	out->repeat = len > 3 && !strcmp(part + len - 3, "...");
	snprintf(out->pos[out->npos++], USAGE_WORD, "%.*s",
	         (int)(out->repeat ? len - 3 : len), part);
}

/*
 * One word of the line. An option takes a value when it ends its word
 * and the next word starts with something else than an option or a '['
 * ("[--send [--again]]": two flags; "--text FILE|--url URL": two
 * values). *skip is how many parts of the next word that value used.
 */
static void
read_token(struct usage_spec *out, const char *token, const char *next,
           int *skip, int positional)
{
	char clean[USAGE_WORD], value[USAGE_WORD], *part, *save = NULL;
	char whole[USAGE_WORD];
	size_t len = strlen(token);
	int i = 0, used = *skip;

	*skip = 0;
	strip_brackets(clean, sizeof(clean), token);
	for (part = strtok_r(clean, "|", &save); part;
	     part = strtok_r(NULL, "|", &save), i++) {
		if (i < used)
			continue;
		if (!is_option(part)) {
			strip_brackets(whole, sizeof(whole), token);
			if (positional && i == used)
				add_positional(out, whole);
			break; /* "yes|no|abstain" is one positional */
		}
		if (!save || *save || token[len - 1] == ']' || !next ||
		    next[0] == '[' || !strcmp(next, "|") ||
		    !(*skip = value_parts(value, sizeof(value), next)))
			add_option(out, part, "");
		else
			add_option(out, part, value);
	}
}

void
usage_parse(struct usage_spec *out, const char *usage, int skip)
{
	char token[USAGE_WORD], next[USAGE_WORD];
	const char *rest = usage, *after;
	int used = 0, positional = 1, has_next;

	memset(out, 0, sizeof(*out));
	while (skip-- > 0 && rest)
		rest = next_token(token, sizeof(token), rest);
	if (!rest || !(rest = next_token(token, sizeof(token), rest)))
		return;
	do {
		after = next_token(next, sizeof(next), rest);
		has_next = after != NULL;
		if (!strcmp(token, "|")) {
			positional = 0; /* another form of the command */
			used = 0;
		} else {
			read_token(out, token, has_next ? next : NULL, &used,
			           positional);
		}
		memcpy(token, next, sizeof(token));
		rest = after;
	} while (has_next);
}

const struct usage_opt *
usage_find_opt(const struct usage_spec *spec, const char *word)
{
	size_t len = strcspn(word, "="), i;

	for (i = 0; i < spec->nopt; i++)
		if (strlen(spec->opt[i].name) == len &&
		    !strncmp(spec->opt[i].name, word, len))
			return &spec->opt[i];
	return NULL;
}
