/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel tui` (and `gavel` alone on a terminal): its
 * options and help, with every key of the screen from the keymap table
 * (tui/keys.c), then the screen itself on the database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tui/tui.h"
#include "gavel/db.h"
#include "cli.h"

static const struct cli_cmd cmd_tui = {"tui", NULL, "gavel tui [--theme THEME]",
                                       "the screen", NULL};

static void
tui_help(void)
{
	printf("usage: %s\n\n", cmd_tui.usage);
	printf("The screen: what is due, ballots, redlines, meetings and "
	       "members, kept open\nduring a call ('gavel' alone on a "
	       "terminal opens it too). It needs a terminal:\ninput and "
	       "output a terminal, TERM its type.\n\n"
	       "Options:\n"
	       "  --theme THEME  auto (the default): light or dark as the "
	       "terminal's\n"
	       "                 background says (COLORFGBG), else dark; "
	       "dark; light;\n"
	       "                 mono: no colours\n\n"
	       "Environment:\n"
	       "  GAVEL_THEME    the theme when --theme is not given\n"
	       "  NO_COLOR       not empty: no colours, unless a theme is "
	       "asked for\n"
	       "  COLORFGBG      the terminal's colours, \"15;0\" (rxvt, "
	       "Konsole, ...): its\n"
	       "                 background picks the light or the dark "
	       "theme\n"
	       "  ESCDELAY       milliseconds Escape waits for a key's "
	       "sequence (25)\n\n"
	       "Keys, by view (? on the screen shows them too):\n");
	keymap_print(stdout, 80);
}

int
cli_tui(struct cli *c, int argc, char **argv)
{
	struct tui_options o = {NULL, -1, THEME_AUTO};
	const char *env = getenv("GAVEL_THEME");
	enum theme t;
	int i, rc;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *value = NULL;

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			tui_help();
			return CLI_OK;
		}
		if (!strncmp(a, "--theme=", 8))
			value = a + 8;
		else if (!strcmp(a, "--theme") && i + 1 < argc)
			value = argv[++i];
		else
			return cli_usage_error(&cmd_tui,
			                       !strcmp(a, "--theme")
			                               ? "option '%s' needs a "
			                                 "value"
			                               : "unknown option '%s'",
			                       a);
		if (theme_parse(&o.theme, value) < 0)
			return cli_usage_error(&cmd_tui,
			                       "unknown theme '%s': use auto, "
			                       "dark, light or mono",
			                       value);
	}
	if (env && *env && theme_parse(&t, env) < 0)
		return cli_usage_error(&cmd_tui,
		                       "GAVEL_THEME=%s is not a theme: use "
		                       "auto, dark, light or mono",
		                       env);
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	/* The screen owns the terminal: no progress line drawn over it. */
	gv_db_set_progress(c->db, NULL, NULL);
	o.db_path = c->db_path;
	o.now = c->now;
	return tui_main(c->db, &o);
}
