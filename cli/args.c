/* SPDX-License-Identifier: MIT */
/*
 * This file implements the command line's parsing: options of each
 * command, subcommand dispatch, usage and error messages.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gavel/error.h"
#include "gavel/time.h"

void
cli_print_usage(FILE *f, const struct cli_cmd *cmd)
{
	const struct cli_cmd *s;

	if (!cmd->sub) {
		fprintf(f, "usage: %s\n", cmd->usage);
		return;
	}
	fprintf(f, "usage: %s\n\n", cmd->usage);
	for (s = cmd->sub; s->name; s++)
		fprintf(f, "  %-50s %s\n", s->usage, s->summary);
}

int
cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("gavel: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cmd)
		cli_print_usage(stderr, cmd);
	return CLI_USAGE;
}

int
cli_fail(void)
{
	/* Messages quote what came from outside (a URL, a title, a
	 * remote's answer): one safe line, as every other output. */
	cli_eprintf("gavel: %s\n", gv_error_last()->message);
	return CLI_FAILED;
}

static const struct cli_opt *
opt_find(const struct cli_opt *opts, const char *name, size_t len)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == len &&
		    !strncmp(opts->name, name, len))
			return opts;
	return NULL;
}

/*
 * An option the command does not take. gavel's own options (--db, --now)
 * come before the command, as git's -C does; typed after it, the message
 * shows where they go: "gavel --db FILE issue list".
 */
static int
unknown_option(const struct cli_cmd *cmd, const char *a, size_t len)
{
	const char *words =
	        cmd && !strncmp(cmd->usage, "gavel ", 6) ? cmd->usage + 6 : "";
	size_t n = 0;

	if ((len != 2 || strncmp(a + 2, "db", 2)) &&
	    (len != 3 || strncmp(a + 2, "now", 3)))
		return cli_usage_error(cmd, "unknown option '%.*s'",
		                       (int)len + 2, a);
	/* The command's own words: those of its usage before its first
	 * argument or option ("issue list" of "gavel issue list [--body"). */
	while (words[n] && strchr("abcdefghijklmnopqrstuvwxyz- ", words[n]) &&
	       !(words[n] == '-' && (!n || words[n - 1] == ' ')))
		n++;
	while (n && words[n - 1] == ' ')
		n--;
	return cli_usage_error(cmd,
	                       "'--%s' is gavel's own option: give it before "
	                       "the command, as in gavel --%s %s %.*s",
	                       len == 2 ? "db" : "now", len == 2 ? "db" : "now",
	                       len == 2 ? "FILE" : "TIME", (int)n, words);
}

int
cli_parse(const struct cli_cmd *cmd, int argc, char **argv,
          const struct cli_opt *opts, char **pos, int *npos, int min_pos,
          int max_pos)
{
	const struct cli_opt *o;
	int i, only_pos = 0;

	*npos = 0;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *eq;
		size_t len;

		/* A one-letter option is written -o as well as --o. */
		if (!only_pos && a[0] == '-' && a[1] && a[1] != '-' && !a[2] &&
		    (o = opt_find(opts, a + 1, 1)) && o->value) {
			if (i + 1 >= argc)
				return cli_usage_error(
				        cmd, "option '-%s' needs a value",
				        o->name);
			*o->value = argv[++i];
			continue;
		}
		if (only_pos || a[0] != '-' || a[1] != '-' || !a[2]) {
			if (!only_pos && a[0] == '-' && a[1] && a[1] != '-')
				return cli_usage_error(
				        cmd, "unknown option '%s'", a);
			if (!only_pos && !strcmp(a, "--")) {
				only_pos = 1;
				continue;
			}
			if (*npos >= max_pos)
				return cli_usage_error(
				        cmd, "unexpected argument '%s'", a);
			pos[(*npos)++] = argv[i];
			continue;
		}
		if (!strcmp(a, "--help")) {
			cli_print_usage(stdout, cmd);
			if (!cmd->sub && cmd->summary)
				printf("\n%s.\n", cmd->summary);
			return CLI_OK;
		}
		eq = strchr(a + 2, '=');
		len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
		if (!(o = opt_find(opts, a + 2, len)))
			return unknown_option(cmd, a, len);
		if (!o->value) {
			if (eq)
				return cli_usage_error(
				        cmd, "option '--%s' takes no value",
				        o->name);
			*o->flag = 1;
		} else if (eq) {
			*o->value = eq + 1;
		} else if (i + 1 < argc) {
			*o->value = argv[++i];
		} else {
			return cli_usage_error(
			        cmd, "option '--%s' needs a value", o->name);
		}
	}
	if (*npos < min_pos)
		return cli_usage_error(cmd, "missing argument");
	return -1;
}

int
cli_dispatch(struct cli *c, const struct cli_cmd *group, int argc, char **argv)
{
	const struct cli_cmd *s;

	if (argc < 2)
		return cli_usage_error(group, "'%s' needs a subcommand",
		                       group->name);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		cli_print_usage(stdout, group);
		return CLI_OK;
	}
	for (s = group->sub; s->name; s++)
		if (!strcmp(s->name, argv[1]))
			return s->run(c, s, argc - 1, argv + 1);
	return cli_usage_error(group, "unknown subcommand '%s %s'", group->name,
	                       argv[1]);
}

int
cli_format(enum cli_format *out, const struct cli_cmd *cmd, const char *value)
{
	if (!value || !strcmp(value, "text"))
		*out = CLI_TEXT;
	else if (!strcmp(value, "json"))
		*out = CLI_JSON;
	else
		return cli_usage_error(
		        cmd, "unknown format '%s': use text or json", value);
	return CLI_OK;
}

int
cli_time(int64_t *out, const char *text, int64_t fallback)
{
	if (!text) {
		*out = fallback;
		return CLI_OK;
	}
	return gv_time_parse(out, text) < 0 ? cli_fail() : CLI_OK;
}

int
cli_id(int64_t *out, const struct cli_cmd *cmd, const char *what,
       const char *text)
{
	char *end = NULL;
	long long v = text ? strtoll(text, &end, 10) : 0;

	if (!text || !*text || *end || v <= 0)
		return cli_usage_error(cmd,
		                       "%s \"%s\" is not a number (see "
		                       "'gavel meeting list')",
		                       what, text ? text : "");
	*out = v;
	return CLI_OK;
}

char *
cli_read_text(const char *path)
{
	const char *shown = strcmp(path, "-") ? path : "standard input";
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	size_t n = 0, cap = 0, got;
	char *buf = NULL;
	int failed;

	if (!f) {
		cli_eprintf("gavel: cannot read %s: %s\n", shown,
		            strerror(errno));
		return NULL;
	}
	do {
		if (n + 8192 + 1 > cap) {
			char *more;

			cap = cap ? cap * 2 : 16384;
			if (!(more = realloc(buf, cap)))
				abort();
			buf = more;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	failed = ferror(f);
	if (f != stdin)
		fclose(f);
	buf[n] = '\0';
	if (failed)
		cli_eprintf("gavel: cannot read %s: %s\n", shown,
		            strerror(errno));
	/* A NUL byte would cut the text short without a word: a database,
	 * an image or a PDF given where text was meant. */
	else if (memchr(buf, '\0', n))
		cli_eprintf("gavel: %s is not a text file (it holds a NUL "
		            "byte): give a Markdown or plain-text file\n",
		            shown);
	else
		return buf;
	free(buf);
	return NULL;
}

int
cli_format_doc(enum cli_format *out, const struct cli_cmd *cmd,
               const char *value)
{
	if (value && !strcmp(value, "md")) {
		*out = CLI_MD;
		return CLI_OK;
	}
	if (!value || !strcmp(value, "text") || !strcmp(value, "json"))
		return cli_format(out, cmd, value);
	return cli_usage_error(cmd, "unknown format '%s': use text, md or json",
	                       value);
}
