/* SPDX-License-Identifier: MIT */
/*
 * This file implements the small forms of the screen: a change's fields
 * asked one after another on the prompt line (Escape cancels the whole
 * change), then run as the CLI command they make, word for word, so no
 * quoting is ever guessed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

#define MAX_WORDS 32

/*
 * The command's words: base, then the fields given with an option, then
 * the others. What was typed is only ever a field's text: an answer that
 * starts with '-' comes after "--", so the command never reads it as an
 * option of its own (issue 20, item 7).
 */
static size_t
form_words(char **argv, const char *const *base, size_t nbase,
           const struct form_field *fields, char *const *values, size_t n)
{
	size_t i, argc = 0;
	int dash = 0;

	for (i = 0; i < nbase; i++)
		argv[argc++] = (char *)base[i];
	for (i = 0; i < n; i++)
		if (values[i] && fields[i].option) {
			argv[argc++] = (char *)fields[i].option;
			argv[argc++] = values[i];
		} else if (values[i]) {
			dash |= values[i][0] == '-';
		}
	if (dash)
		argv[argc++] = (char *)"--";
	for (i = 0; i < n; i++)
		if (values[i] && !fields[i].option)
			argv[argc++] = values[i];
	return argc;
}

int
form_run(const char *title, const char *const *base, size_t nbase,
         const struct form_field *fields, size_t n)
{
	char *argv[MAX_WORDS], *values[MAX_WORDS] = {0};
	char prompt[200];
	size_t i;
	int rc = -1;

	if (nbase + 2 * n + 1 > MAX_WORDS)
		return -1;
	for (i = 0; i < n; i++) {
		const char *answer;

		snprintf(prompt, sizeof(prompt), "%s, %s%s: ", title,
		         fields[i].label,
		         fields[i].optional ? " (Enter: none)" : "");
		answer = prompt_input(prompt, fields[i].initial);
		if (!answer) {
			report("%s: cancelled", title);
			goto out;
		}
		if (!*answer && !fields[i].optional) {
			report_error("%s: %s is needed", title,
			             fields[i].label);
			goto out;
		}
		if (*answer && !(values[i] = strdup(answer)))
			abort();
	}
	rc = tui_exec((int)form_words(argv, base, nbase, fields, values, n),
	              argv);
out:
	for (i = 0; i < n; i++)
		free(values[i]);
	return rc;
}
