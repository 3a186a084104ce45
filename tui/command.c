/* SPDX-License-Identifier: MIT */
/*
 * This file implements running a gavel command from the screen: the `:`
 * command line, the forms and the keys that change something all run the
 * very commands of the CLI (the gavel binary itself, on the same
 * database), so a change made here is made by the same core function with
 * the same checks. A change no command undoes is asked about first,
 * quoting the command exactly as it runs; one another command undoes runs
 * at once and the status line says how to undo it (issue 20, item 6).
 */
#include <curses.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gavel/time.h"
#include "tui.h"

#define MAX_ARGS 64

/* Splits a command line into words; "double" and 'single' quotes keep
 * spaces. Returns the count, or -1 for an unclosed quote. */
static int
split_words(char **argv, int max, char *s)
{
	int n = 0;

	while (*s) {
		char *out;

		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		if (n == max)
			return -1;
		argv[n++] = out = s;
		while (*s && *s != ' ' && *s != '\t') {
			if (*s == '"' || *s == '\'') {
				char q = *s++;

				while (*s && *s != q)
					*out++ = *s++;
				if (!*s)
					return -1;
				s++;
				continue;
			}
			*out++ = *s++;
		}
		if (*s)
			s++;
		*out = '\0';
	}
	return n;
}

/*
 * What a command does to the store, for the screen to know whether to ask:
 * READS changes nothing; UNDONE is undone by the command in `undo`, so it
 * runs at once and the status line says how; ASKS is asked about first,
 * with `undo` saying what can still be done (NULL: nothing). The first
 * entry that matches wins: group, then sub (NULL: any), only when the
 * flag `when` is there (NULL: always), and `unless` is not.
 * In `undo`, $N is word N as typed (quoted for a shell) and $N* the
 * words from N on, but `when`.
 */
enum change { READS, UNDONE, ASKS };

static const struct change_kind {
	const char *group, *sub, *when, *unless;
	enum change kind;
	const char *undo;
} changes[] = {
        {"issue", "close", NULL, NULL, UNDONE, "gavel issue reopen $2"},
        {"issue", "reopen", NULL, NULL, UNDONE, "gavel issue close $2"},
        {"issue", "label", "--remove", NULL, UNDONE,
         "gavel issue label $2 $3*"},
        {"issue", "label", NULL, NULL, UNDONE,
         "gavel issue label $2 $3* --remove"},
        {"meeting", "attend", "--line", NULL, UNDONE,
         "gavel meeting absent $2 NAME..."},
        {"meeting", "attend", NULL, NULL, UNDONE,
         "gavel meeting absent $2 $3*"},
        {"meeting", "absent", NULL, NULL, UNDONE,
         "gavel meeting attend $2 $3*"},
        {"ballot", "vote", NULL, NULL, UNDONE,
         "a later vote replaces it: gavel ballot vote $2 $3 yes|no|abstain"},
        {"remote", "add", NULL, NULL, UNDONE, "gavel remote remove $2"},
        {"minutes", "import", NULL, NULL, ASKS, NULL},
        {"minutes", "approve", NULL, NULL, ASKS, NULL},
        {"minutes", "draft", NULL, NULL, ASKS,
         "gavel minutes draft $2 --at TIME records another date"},
        {"minutes", NULL, NULL, "--send", READS, NULL},
        {"agenda", NULL, NULL, "--send", READS, NULL},
        {"remind", NULL, NULL, "--send", READS, NULL},
        {"ballot", "notice", NULL, "--send", READS, NULL},
        {"issue", "show", NULL, NULL, READS, NULL},
        {"issue", "list", NULL, NULL, READS, NULL},
        {"ballot", "show", NULL, NULL, READS, NULL},
        {"ballot", "list", NULL, NULL, READS, NULL},
        {"ballot", "tally", NULL, NULL, READS, NULL},
        {"ballot", "lint", NULL, NULL, READS, NULL},
        {"ballot", "verify", NULL, NULL, READS, NULL},
        {"meeting", "show", NULL, NULL, READS, NULL},
        {"meeting", "list", NULL, NULL, READS, NULL},
        {"meeting", "next", NULL, NULL, READS, NULL},
        {"meeting", "baseline", NULL, NULL, READS, NULL},
        {"org", "list", NULL, NULL, READS, NULL},
        {"person", "list", NULL, NULL, READS, NULL},
        {"person", "show", NULL, NULL, READS, NULL},
        {"body", "show", NULL, NULL, READS, NULL},
        {"body", "list", NULL, NULL, READS, NULL},
        {"body", "roles", NULL, NULL, READS, NULL},
        {"body", "holiday", "list", NULL, READS, NULL},
        {"review", "list", NULL, NULL, READS, NULL},
        {"remote", "list", NULL, NULL, READS, NULL},
        {"templates", NULL, NULL, NULL, READS, NULL},
        {"deadlines", NULL, NULL, NULL, READS, NULL},
        {"redline", NULL, NULL, NULL, READS, NULL},
        {"calendar", NULL, NULL, NULL, READS, NULL},
        {"digest", NULL, NULL, NULL, READS, NULL},
        /* A sync only adds what others did and sends what this copy
         * did: S runs it without asking too. */
        {"sync", NULL, NULL, NULL, READS, NULL},
        {"issue", "edit", NULL, NULL, ASKS,
         "another gavel issue edit $2 changes it back"},
        {"ballot", "set", NULL, NULL, ASKS,
         "another gavel ballot set $2 changes it back"},
        {"body", "set", NULL, NULL, ASKS,
         "another gavel body set $2 changes it back"},
        {"org", "set", NULL, NULL, ASKS,
         "another gavel org set $2 changes it back"},
        {"person", "set", NULL, NULL, ASKS,
         "another gavel person set $2 changes it back"},
        {"issue", "add", NULL, NULL, ASKS,
         "it can be closed (gavel issue close NUMBER), not removed"},
        {"meeting", "add", NULL, NULL, ASKS,
         "it can be cancelled (gavel meeting cancel ID), not removed"},
        {"meeting", "taker", NULL, NULL, ASKS,
         "gavel meeting taker $2 NAME names another"},
        {"ballot", "withdraw", NULL, NULL, ASKS,
         "a new version reopens the discussion (gavel ballot version $2)"},
        {"ballot", "version", NULL, NULL, ASKS,
         "a later version replaces it, and restarts the 7 days of "
         "discussion"},
        {"remote", "remove", NULL, NULL, ASKS,
         "gavel remote add $2 URL adds it again"},
        {"body", "role", NULL, NULL, ASKS,
         "gavel body role $2 $3 ROLE gives another"},
};

static int
has_word(int argc, char **argv, const char *word)
{
	int i;

	for (i = 0; i < argc; i++)
		if (argv[i] && !strcmp(argv[i], word))
			return 1;
	return 0;
}

/* The entry that says what argv does; NULL: a change to ask about, that
 * no command undoes. */
static const struct change_kind *
change_of(int argc, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof(changes) / sizeof(changes[0]); i++) {
		const struct change_kind *c = &changes[i];

		if (argc < 1 || !argv[0] || strcmp(argv[0], c->group) ||
		    (c->sub &&
		     (argc < 2 || !argv[1] || strcmp(argv[1], c->sub))) ||
		    (c->when && !has_word(argc, argv, c->when)) ||
		    (c->unless && has_word(argc, argv, c->unless)))
			continue;
		return c;
	}
	return NULL;
}

/* Appends text to buf (of n), which stays terminated. */
static void
append(char *buf, size_t n, const char *text)
{
	size_t len = strlen(buf);

	if (len + 1 < n)
		snprintf(buf + len, n - len, "%s", text);
}

/* Appends word to buf (of n) as a shell reads it back: as it is when it
 * has nothing a shell would take for its own, else in single quotes. */
static void
quote_word(char *buf, size_t n, const char *word)
{
	size_t len = strlen(buf);
	const char *p;

	if (len + 1 >= n)
		return;
	if (*word &&
	    word[strspn(word, "abcdefghijklmnopqrstuvwxyz"
	                      "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                      "0123456789@%+=:,./_-#")] == '\0' &&
	    *word != '#') {
		snprintf(buf + len, n - len, "%s", word);
		return;
	}
	buf[len++] = '\'';
	for (p = word; *p && len + 5 < n; p++) {
		if (*p == '\'') {
			memcpy(buf + len, "'\\''", 4);
			len += 4;
		} else {
			buf[len++] = *p;
		}
	}
	buf[len++] = '\'';
	buf[len] = '\0';
}

/* The words as one command line a shell would run the same. */
static void
quote_words(char *buf, size_t n, int argc, char **argv)
{
	int i;

	buf[0] = '\0';
	for (i = 0; i < argc; i++) {
		if (i)
			append(buf, n, " ");
		quote_word(buf, n, argv[i]);
	}
}

/* c->undo with its $N and $N* filled from argv. */
static void
undo_text(char *buf, size_t n, const struct change_kind *c, int argc,
          char **argv)
{
	const char *p = c->undo;
	size_t len;

	buf[0] = '\0';
	while (*p && (len = strlen(buf)) + 1 < n) {
		int k;

		if (*p != '$' || p[1] < '0' || p[1] > '9') {
			buf[len++] = *p++;
			buf[len] = '\0';
			continue;
		}
		k = p[1] - '0';
		p += 2;
		if (*p != '*') {
			if (k < argc)
				quote_word(buf, n, argv[k]);
			continue;
		}
		p++;
		for (; k < argc; k++) {
			if (c->when && !strcmp(argv[k], c->when))
				continue;
			quote_word(buf, n, argv[k]);
			if (k + 1 < argc)
				append(buf, n, " ");
		}
		len = strlen(buf);
		if (len && buf[len - 1] == ' ')
			buf[len - 1] = '\0';
	}
}

/* The first line of text, without its newline. */
static void
first_line(char *dst, size_t n, const char *text)
{
	size_t len = strcspn(text, "\n");

	if (len >= n)
		len = n - 1;
	memcpy(dst, text, len);
	dst[len] = '\0';
}

int
command_run(const char *line)
{
	char copy[512], *words[MAX_ARGS];
	int argc;

	snprintf(copy, sizeof(copy), "%s", line);
	argc = split_words(words, MAX_ARGS, copy);
	if (argc < 0) {
		report_error("unclosed quote in the command");
		return -1;
	}
	return command_exec(argc, words);
}

/* gavel --db FILE [--now TIME] words...: the command the screen runs,
 * into argv (of at least argc + 6) with --now's text in now (of
 * GV_TIME_BUFSZ). */
static void
command_argv(char **argv, char *now, int argc, char **words)
{
	static char name[] = "gavel", db_opt[] = "--db", now_opt[] = "--now";
	int i, k = 0;

	argv[k++] = name;
	argv[k++] = db_opt;
	argv[k++] = (char *)display.db_path;
	/* The screen's clock, fixed as of a day: the command acts then
	 * too, as its own screen shows. */
	if (display.now >= 0) {
		gv_time_format(now, display.now, GV_TIME_HUMAN);
		argv[k++] = now_opt;
		argv[k++] = now;
	}
	for (i = 0; i < argc; i++)
		argv[k++] = words[i];
	argv[k] = NULL;
}

/* Runs argv with the output's first line in out (of n); the exit
 * status, or -1 when it could not run. */
static int
command_spawn(char *out, size_t n, char **argv)
{
	char self[4096];
	int status = 0, pipefd[2];
	size_t got = 0;
	ssize_t r;
	pid_t pid;

	r = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (r <= 0 || pipe(pipefd) < 0)
		return -1;
	self[r] = '\0';
	if ((pid = fork()) == 0) {
		int devnull = open("/dev/null", O_RDONLY);

		dup2(devnull, 0);
		dup2(pipefd[1], 1);
		dup2(pipefd[1], 2);
		close(pipefd[0]);
		execv(self, argv);
		_exit(127);
	}
	close(pipefd[1]);
	while (pid > 0 && (r = read(pipefd[0], out + got, n - 1 - got)) > 0)
		got += (size_t)r;
	out[got] = '\0';
	close(pipefd[0]);
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

int
command_exec(int argc, char **words)
{
	char *argv[MAX_ARGS + 8], *seen[MAX_ARGS + 8], out[4096];
	char now[GV_TIME_BUFSZ], shown[1024], undo[512], question[1700];
	char msg[600];
	const struct change_kind *c;
	int status, i, n = 0;

	if (argc >= 1 && !strcmp(words[0], "gavel"))
		words++, argc--;
	if (argc <= 0 || argc > MAX_ARGS)
		return -1;
	command_argv(argv, now, argc, words);
	/* The command exactly as it runs, but for the database: this one. */
	seen[n++] = argv[0];
	for (i = 3; argv[i]; i++)
		seen[n++] = argv[i];
	quote_words(shown, sizeof(shown), n, seen);
	c = change_of(argc, words);
	undo[0] = '\0';
	if (c && c->undo)
		undo_text(undo, sizeof(undo), c, argc, words);
	if (!c || c->kind == ASKS) {
		snprintf(question, sizeof(question),
		         "%s\n%s%s%s  y runs it, n does not", shown,
		         undo[0] ? "Then: " : "No command undoes it.", undo,
		         undo[0] ? "." : "");
		if (!prompt_yes(question)) {
			report("not run: %s", shown);
			return -1;
		}
	}
	if ((status = command_spawn(out, sizeof(out), argv)) < 0) {
		report_error("cannot run gavel");
		return -1;
	}
	first_line(msg, sizeof(msg),
	           strncmp(out, "gavel: ", 7) ? out : out + 7);
	if (status) {
		report_error("%s", msg[0] ? msg : "the command failed");
		return -1;
	}
	if (c && c->kind == UNDONE && undo[0])
		report("%s: %s; undo: %s", words[0], msg[0] ? msg : "done",
		       undo);
	else
		report("%s: %s", words[0], msg[0] ? msg : "done");
	return 0;
}
