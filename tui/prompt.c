/* SPDX-License-Identifier: MIT */
/*
 * This file implements the prompt line at the bottom of the screen, and
 * the `:` command line, which runs the very commands of the CLI (the
 * gavel binary itself, on the same database), so a change made here is
 * made by the same core function with the same checks. A change that no
 * command undoes is confirmed before it runs.
 */
#include <curses.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "tui.h"

#define MAX_ARGS 64

const char *
prompt_input(const char *prompt, const char *initial)
{
	static char buf[512];
	size_t len;

	snprintf(buf, sizeof(buf), "%s", initial ? initial : "");
	len = strlen(buf);
	if (display.headless) {
		/* A script answers with the rest of its line, one field
		 * of a form after another between '|'. */
		const char *bar;

		if (!display.answer)
			return NULL;
		/* An empty answer takes what the field offers. */
		bar = strchr(display.answer, '|');
		if (bar ? bar > display.answer : *display.answer != '\0')
			snprintf(buf, sizeof(buf), "%.*s",
			         bar ? (int)(bar - display.answer)
			             : (int)strlen(display.answer),
			         display.answer);
		display.answer = bar ? bar + 1 : NULL;
		return buf;
	}
	curs_set(1);
	for (;;) {
		wint_t ch;
		int rc;

		move(LINES - 1, 0);
		attrset(A_NORMAL);
		clrtoeol();
		addstr(prompt);
		addstr(buf);
		refresh();
		rc = get_wch(&ch);
		if (rc == ERR)
			continue;
		if (rc == KEY_CODE_YES) {
			if (ch == KEY_BACKSPACE && len) {
				/* Back over one UTF-8 character. */
				do
					len--;
				while (len && ((unsigned char)buf[len] &
				               0xC0) == 0x80);
				buf[len] = '\0';
			} else if (ch == KEY_ENTER) {
				break;
			}
			continue;
		}
		if (ch == 27) { /* Escape */
			curs_set(0);
			return NULL;
		}
		if (ch == '\r' || ch == '\n')
			break;
		if (ch == 127 || ch == 8) {
			while (len &&
			       ((unsigned char)buf[--len] & 0xC0) == 0x80)
				;
			buf[len] = '\0';
			continue;
		}
		if (ch >= 0x20) {
			char mb[8];
			mbstate_t st;
			size_t n;

			memset(&st, 0, sizeof(st));
			n = wcrtomb(mb, (wchar_t)ch, &st);
			if (n != (size_t)-1 && len + n < sizeof(buf)) {
				memcpy(buf + len, mb, n);
				len += n;
				buf[len] = '\0';
			}
		}
	}
	curs_set(0);
	return buf;
}

int
prompt_yes(const char *question)
{
	const char *answer;
	char prompt[300];

	if (display.headless)
		return 1; /* a script says what it means */
	snprintf(prompt, sizeof(prompt), "%s (y/N) ", question);
	answer = prompt_input(prompt, "");
	return answer && (answer[0] == 'y' || answer[0] == 'Y');
}

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

/* Commands that change nothing, or whose change another command undoes
 * (close and reopen, a later vote, attend and unattend, labels, a remote
 * added and removed). */
static int
undoable(int argc, char **argv)
{
	static const char *const pairs[][2] = {
	        {"issue", "close"},    {"issue", "reopen"},
	        {"issue", "label"},    {"issue", "edit"},
	        {"issue", "show"},     {"issue", "list"},
	        {"ballot", "vote"},    {"ballot", "show"},
	        {"ballot", "list"},    {"ballot", "tally"},
	        {"ballot", "lint"},    {"ballot", "verify"},
	        {"meeting", "attend"}, {"meeting", "absent"},
	        {"meeting", "show"},   {"meeting", "list"},
	        {"org", "list"},       {"person", "list"},
	        {"review", "list"},    {"deadlines", NULL},
	        {"redline", NULL},     {"body", "list"},
	        {"remote", "add"},     {"remote", "list"},
	        {"sync", "--status"},  {"sync", "--conflicts"},
	};
	size_t i;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (argc >= 1 && !strcmp(argv[0], pairs[i][0]) &&
		    (!pairs[i][1] ||
		     (argc >= 2 && !strcmp(argv[1], pairs[i][1]))))
			return 1;
	return 0;
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

int
command_exec(int argc, char **words)
{
	char *argv[MAX_ARGS + 4], out[4096], self[4096], msg[600];
	char name[] = "gavel", db_opt[] = "--db", line[400];
	int status = 0, pipefd[2], i;
	size_t got = 0, len = 0;
	ssize_t n;
	pid_t pid;

	if (argc >= 1 && !strcmp(words[0], "gavel"))
		words++, argc--;
	if (argc <= 0 || argc > MAX_ARGS)
		return -1;
	for (i = 0; i < argc && len < sizeof(line); i++)
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%s",
		                        i ? " " : "", words[i]);
	if (!undoable(argc, words)) {
		snprintf(msg, sizeof(msg),
		         "Run 'gavel %s'? No command undoes it.", line);
		if (!prompt_yes(msg)) {
			report("not run");
			return -1;
		}
	}
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0 || pipe(pipefd) < 0) {
		report_error("cannot run gavel");
		return -1;
	}
	self[n] = '\0';
	argv[0] = name;
	argv[1] = db_opt;
	argv[2] = (char *)display.db_path;
	for (i = 0; i < argc; i++)
		argv[3 + i] = words[i];
	argv[3 + argc] = NULL;
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
	while (pid > 0 &&
	       (n = read(pipefd[0], out + got, sizeof(out) - 1 - got)) > 0)
		got += (size_t)n;
	out[got] = '\0';
	close(pipefd[0]);
	if (pid < 0 || waitpid(pid, &status, 0) < 0) {
		report_error("cannot run gavel");
		return -1;
	}
	first_line(msg, sizeof(msg),
	           strncmp(out, "gavel: ", 7) ? out : out + 7);
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		report_error("%s", msg[0] ? msg : "the command failed");
		return -1;
	}
	report("%s: %s", words[0], msg[0] ? msg : "done");
	return 0;
}
