/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel complete`, the one source the bash, zsh and
 * fish completions (completions/) share: given the words of a command line
 * up to the cursor, it prints what the last one may become. Commands and
 * subcommands come from the command table; options, the values they take
 * and the arguments from each command's usage line; names from the
 * database the command line names.
 *
 * Output: a first line saying what else the shell should offer ("words":
 * nothing, "files", "dirs"), then one candidate a line, a tab and a
 * description after it where there is one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "complete.h"
#include "gavel/gavel.h"

/* The word being completed is cur, printed after prefix. */
static void
completer_word(struct completer *c, const char *cur, const char *prefix)
{
	free(c->cur_fold);
	if (!(c->cur_fold = gv_text_fold(cur)))
		abort();
	c->cur = cur;
	c->prefix = prefix;
}

static int
is_option_word(const char *w)
{
	return w[0] == '-' && w[1];
}

/* The options of spec, or the values of the one cur names with '='
 * ("--format=j"). */
static void
complete_options(struct completer *c, const struct usage_spec *spec,
                 const char *cur)
{
	const char *eq = strchr(cur, '=');
	const struct usage_opt *o = usage_find_opt(spec, cur);
	char prefix[USAGE_WORD];
	size_t i;

	if (eq && o && o->value[0]) {
		snprintf(prefix, sizeof(prefix), "%.*s", (int)(eq + 1 - cur),
		         cur);
		completer_word(c, eq + 1, prefix);
		complete_value(c, o->name, o->value);
		return;
	}
	for (i = 0; i < spec->nopt; i++)
		complete_add(c, spec->opt[i].name, spec->opt[i].value);
	complete_add(c, "--help", NULL);
}

/* The arguments after a command's name: w[0..n), the last one being
 * completed. */
static void
complete_args(struct completer *c, const struct usage_spec *spec, char **w,
              int n)
{
	const struct usage_opt *o;
	const char *cur = w[n - 1];
	size_t npos = 0;
	int i, only_pos = 0;

	for (i = 0; i < n - 1; i++) {
		if (!only_pos && !strcmp(w[i], "--")) {
			only_pos = 1;
		} else if (!only_pos && is_option_word(w[i])) {
			o = usage_find_opt(spec, w[i]);
			if (o && o->value[0] && !strchr(w[i], '=') &&
			    ++i == n - 1) {
				complete_value(c, o->name, o->value);
				return;
			}
		} else {
			npos++;
		}
	}
	if (!only_pos && cur[0] == '-')
		complete_options(c, spec, cur);
	else if (npos < spec->npos)
		complete_value(c, NULL, spec->pos[npos]);
	else if (spec->repeat)
		complete_value(c, NULL, spec->pos[spec->npos - 1]);
}

/* A command with subcommands: w[0] is after its name, depth words deep
 * ("gavel body holiday": 2). */
static void
complete_group(struct completer *c, const struct cli_cmd *cmd, int depth,
               char **w, int n)
{
	const struct cli_cmd *s = NULL;
	struct usage_spec spec;
	/* `gavel minutes ID` renders; `gavel minutes import` is a
	 * subcommand: its own usage line as well as the subcommands. */
	int own = cmd->run != cli_dispatch;

	if (own)
		usage_parse(&spec, cmd->usage, depth + 1);
	if (n > 1)
		for (s = cmd->sub; s->name && strcmp(s->name, w[0]); s++)
			;
	if (s && s->name && s->sub) {
		complete_group(c, s, depth + 1, w + 1, n - 1);
	} else if (s && s->name) {
		usage_parse(&spec, s->usage, depth + 2);
		complete_args(c, &spec, w + 1, n - 1);
	} else if (n > 1) {
		if (own)
			complete_args(c, &spec, w, n);
	} else if (w[0][0] == '-') {
		if (own)
			complete_options(c, &spec, w[0]);
		else
			complete_add(c, "--help", NULL);
	} else {
		for (s = cmd->sub; s->name; s++)
			complete_add(c, s->name, s->summary);
		if (own)
			complete_args(c, &spec, w, n);
	}
}

/* "~/x.db" as the shell would have read it. */
static char *
expand_home(const char *path)
{
	const char *home = getenv("HOME");
	char *out;

	if (strncmp(path, "~/", 2) != 0 || !home)
		return strdup(path);
	if ((out = malloc(strlen(home) + strlen(path))))
		sprintf(out, "%s%s", home, path + 1);
	return out;
}

/* The global options before the command: --db and --now name the
 * database and the clock the names come from. Returns how many words
 * they take, or -1 when the word being completed is one's value. */
static int
complete_global(struct completer *c, const struct usage_spec *global, char **w,
                int n, char **db_owned)
{
	const struct usage_opt *o;
	const char *value;
	int i;

	for (i = 0; i < n - 1 && is_option_word(w[i]); i++) {
		if (!(o = usage_find_opt(global, w[i])) || !o->value[0])
			continue;
		if (strchr(w[i], '=')) {
			value = strchr(w[i], '=') + 1;
		} else if (++i == n - 1) {
			complete_value(c, o->name, o->value);
			return -1;
		} else {
			value = w[i];
		}
		if (!strcmp(o->name, "--db")) {
			free(*db_owned);
			if (!(*db_owned = expand_home(value)))
				abort();
			c->db_path = *db_owned;
		} else if (!strcmp(o->name, "--now") &&
		           gv_time_parse(&c->now, value) < 0) {
			c->now = -1;
		}
	}
	return i;
}

int
cli_complete(struct cli *cli, const struct cli_cmd *const *groups,
             const struct cli_cmd *builtins, const char *global_usage, int argc,
             char **argv)
{
	static char blank[] = "";
	static char *empty[] = {blank};
	static const char *const kinds[] = {"words", "files", "dirs"};
	struct completer c = {0};
	struct usage_spec global, spec;
	const struct cli_cmd *const *g;
	const struct cli_cmd *b;
	char **w = argv + 1, *db_owned = NULL;
	int n = argc - 1, i;
	size_t k;

	if (n > 0 && !strcmp(w[0], "--"))
		w++, n--;
	if (n == 0)
		w = empty, n = 1;
	c.db_path = cli->db_path;
	c.now = cli->now;
	completer_word(&c, w[n - 1], "");
	usage_parse(&global, global_usage, 1);
	if ((i = complete_global(&c, &global, w, n, &db_owned)) < 0) {
		/* the value of --db or --now */
	} else if (i == n - 1 && w[i][0] == '-') {
		complete_options(&c, &global, w[i]);
	} else if (i == n - 1) {
		for (g = groups; *g; g++)
			complete_add(&c, (*g)->name, (*g)->summary);
		for (b = builtins; b->name; b++)
			complete_add(&c, b->name, b->summary);
	} else {
		for (g = groups; *g && strcmp((*g)->name, w[i]); g++)
			;
		for (b = builtins; !*g && b->name && strcmp(b->name, w[i]); b++)
			;
		if (*g && (*g)->sub) {
			complete_group(&c, *g, 1, w + i + 1, n - i - 1);
		} else if (*g || b->name) {
			/* A group without subcommands, or a builtin (tui
			 * --theme). */
			usage_parse(&spec, *g ? (*g)->usage : b->usage, 2);
			complete_args(&c, &spec, w + i + 1, n - i - 1);
		}
	}
	printf("%s\n", kinds[c.kind]);
	for (k = 0; k < c.n; k++) {
		printf("%s\n", c.lines[k]);
		free(c.lines[k]);
	}
	free(c.lines);
	free(c.cur_fold);
	free(db_owned);
	gv_db_free(c.db);
	return CLI_OK;
}
