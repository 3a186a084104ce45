/* SPDX-License-Identifier: MIT */
/*
 * This file implements the bottom of the screen when it asks something:
 * the prompt line (a `:` command, a search, a form's field), and the
 * questions answered by one key (issue 20, item 6). Keys typed before a
 * question, or with its answer, are dropped, so a key meant for one
 * screen never answers another.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "tui.h"

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

/* Where a row of at most width columns ends in p (up to len bytes): after
 * the last whole word that fits, or inside a word longer than a row. */
static size_t
row_end(const char *p, size_t len, size_t width)
{
	size_t i = 0, used = 0, cut = 0;

	while (i < len) {
		mbstate_t st;
		wchar_t wc;
		size_t n;
		int w;

		memset(&st, 0, sizeof(st));
		n = mbrtowc(&wc, p + i, len - i, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
			n = 1, w = 1;
		else if ((w = wcwidth(wc)) < 0)
			w = 1;
		if (used + (size_t)w > width)
			return cut ? cut : i;
		if (p[i] == ' ')
			cut = i;
		used += (size_t)w;
		i += n;
	}
	return len;
}

/* The question over the bottom rows, wrapped, never cut (it quotes the
 * command it asks about). */
static void
question_draw(const char *question)
{
	const char *rows[8];
	size_t lens[8], n = 0, width = COLS > 1 ? (size_t)COLS - 1 : 1;
	const char *p = question;
	int y;

	while (*p && n < 8) {
		size_t len = strcspn(p, "\n"), cut = row_end(p, len, width);

		rows[n] = p;
		lens[n++] = cut;
		p += cut;
		p += strspn(p, " ");
		if (*p == '\n')
			p++;
	}
	for (y = 0; y < (int)n; y++) {
		move(LINES - (int)n + y, 0);
		attrset(A_REVERSE | A_BOLD);
		hline(' ', COLS);
		addnstr(rows[y], (int)lens[y]);
	}
	attrset(A_NORMAL);
	refresh();
}

int
prompt_yes(const char *question)
{
	int key, errors = 0, yes = -1;

	if (display.headless) {
		/* A script answers as a person would: y, else n. */
		yes = !display.answer || *display.answer == 'y';
		display.answer = NULL;
		return yes;
	}
	flushinp();
	question_draw(question);
	while (yes < 0) {
		key = getch();
		if (key == 'y' || key == 'Y')
			yes = 1;
		else if (key == 'n' || key == 'N' || key == 27 || key == 'q')
			yes = 0;
		else if (key == KEY_RESIZE)
			question_draw(question);
		else if (key == ERR && ++errors > 100)
			yes = 0; /* the input is gone */
		else if (key != ERR)
			beep();
	}
	/* Escape then a key (or Alt-key), "y" and Enter: what came with
	 * the answer answers nothing else. */
	flushinp();
	return yes;
}
