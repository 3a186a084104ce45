/* SPDX-License-Identifier: MIT */
/*
 * This file tests the screen as issue 20 asks it to behave (items 4 to
 * 10), on the fixed working group of tests/screen_fixture.c: off a
 * terminal it says so; the help and the status line show every key; a
 * question takes one key and quotes its command, and keys typed around it
 * answer nothing else; redline notes go on any changed line; acting on a
 * ballot offers what its guards allow; colours follow NO_COLOR, the
 * terminal and the theme asked for. Mostly in tmux, as a person uses it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "screen_fixture.h"

static const char *
screen(const char *name)
{
	return t_read_file(t_path(name), NULL);
}

/* The state `ballot show` prints for a ballot ("draft"). */
static const char *
state_of(const char *ballot)
{
	const char *out = t_gavel(t_env(SCR_NOW, SCR_USER), "ballot", "show",
	                          ballot, "--format", "json", NULL)
	                          ->out;
	const char *s = out ? strstr(out, "\"state\": \"") : NULL;
	static char state[32];

	if (!s)
		return "?";
	snprintf(state, sizeof(state), "%.*s", (int)strcspn(s + 10, "\""),
	         s + 10);
	return state;
}

/* ---- Item 4: a terminal, or a clear no ---- */

/* Input that is not a terminal: one line and exit 1, at once (it spun
 * at 100 % CPU forever). */
static void
refuses_input_that_is_not_a_terminal(void)
{
	char cmd[8400];
	const char *out, *err;

	T_ASSERT(scr_group() == 0);
	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && GAVEL_DB=g.db TERM=xterm-256color timeout 10 "
	         "'%s' tui </dev/null >out.txt 2>err.txt; echo $?",
	         t_tmpdir(), getenv("GAVEL_BIN"));
	out = t_shell_output(cmd);
	T_EQ_STR(out, "1\n");
	err = t_read_file(t_path("err.txt"), NULL);
	T_EQ_STR(err, "gavel: the screen needs a terminal, and its input is "
	              "not one: run it from a terminal, or use the commands "
	              "('gavel --help')\n");
	T_EQ_STR(t_read_file(t_path("out.txt"), NULL), "");
}

/* TERM=dumb, and output that is not a terminal, on a real terminal. */
static void
refuses_a_terminal_it_cannot_draw_on(void)
{
	char sock[64];
	const char *out;

	T_ASSERT(scr_group() == 0);
	if (scr_start(sock, sizeof(sock), "dumb", 100, 30, "TERM=dumb", "tui") <
	    0)
		return;
	out = PANE_UNTIL(sock, "gavel-exited-1");
	scr_tmux(sock, "kill-server");
	T_CONTAINS(out, "gavel: the screen cannot be drawn on TERM=dumb: set "
	                "TERM to your terminal's type");
	if (scr_start(sock, sizeof(sock), "piped", 100, 30, NULL,
	              "tui >out.txt") < 0)
		return;
	out = PANE_UNTIL(sock, "gavel-exited-1");
	scr_tmux(sock, "kill-server");
	T_CONTAINS(out, "gavel: the screen needs a terminal, and its output "
	                "is not one");
}

/* `gavel tui --help` (no database needed); bad options are bad usage. */
static void
help_and_usage(void)
{
	const char *const env[] = {"GAVEL_THEME=pink", NULL};
	struct t_run *r = t_gavel(NULL, "tui", "--help", NULL);

	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "usage: gavel tui [--theme THEME]\n");
	T_CONTAINS(r->out, "  --theme THEME  auto (the default)");
	T_CONTAINS(r->out, "  NO_COLOR       not empty: no colours");
	T_CONTAINS(r->out, "\nBallots (4)\n  Enter            Open the "
	                   "ballot\n");
	/* Two columns, the second wrapped under itself at 80. */
	T_CONTAINS(r->out, "\n  s                Act on the ballot: the steps "
	                   "its state allows, and what the\n                "
	                   "   others wait for\n");
	T_CONTAINS(r->out, "\nRedline (5)\n  ]                Next changed "
	                   "line\n");
	T_ASSERT(!strstr(r->out, "view-ballots"));
	r = t_gavel(NULL, "tui", "--frobnicate", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "gavel: unknown option '--frobnicate'\nusage: ");
	r = t_gavel(NULL, "tui", "--theme", "pink", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "unknown theme 'pink': use auto, dark, light or "
	                   "mono");
	r = t_gavel(env, "tui", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "GAVEL_THEME=pink is not a theme");
}

/* ---- Item 5: every key, and the ones that matter ---- */

/* The keys a user of each view needs, with what the help says of them:
 * each in its view's section (the section's title first). */
static const struct {
	const char *section, *entry;
} needed[] = {
        {"\nDashboard (1)\n", "  Enter            Open the ballot, the "
                              "meetings or the sync under the cursor"},
        {"\nTimeline (2)\n", "  x                Write what is in view as "
                             "a calendar file (.ics)"},
        {"\nIssues (3)\n", "  f                Show open, closed or all"},
        {"\nOne issue\n", "  c                Add a note to the issue's "
                          "timeline"},
        {"\nBallots (4)\n", "  v                Record a vote (asks the "
                            "organisation, then yes, no or\n"
                            "                   abstain)"},
        {"\nOne ballot\n", "  d                Redline of the ballot"},
        {"\nActing on a ballot\n", "  Enter            Take the step under "
                                   "the cursor (asks first, quoting the"},
        {"\nRedline (5)\n", "  {                Previous section or file"},
        {"\nMeetings (6)\n", "  x                Cancel the meeting under "
                             "the cursor (asks first)"},
        {"\nOne meeting\n", "  t                Mark the person under the "
                            "cursor present or absent"},
        {"\nMembers (7)\n", "  the keys of every view"},
        {"\nEvery view\n", "  PgDn, Space, ^F  Down one screen"},
};

/* Whether the help's rows keep two columns apart: each key's row has
 * its description at column 19, after two blanks, and each row after it
 * starts there too. */
static int
columns_apart(const char *help, int *bad_row)
{
	const char *row = strstr(help, "\nEvery view\n"), *end;
	int n = 0;

	end = strstr(help, "\nPrompts and forms\n");
	for (; row && row < end; row = strchr(row + 1, '\n')) {
		const char *r = row + 1;
		size_t len = strcspn(r, "\n");

		n++;
		if (len < 3 || r[0] != ' ' || r[2] == ' ' ||
		    !strncmp(r, "  the keys of every view", 24))
			continue; /* a title, a blank row, a row after */
		if (len < 20 || r[17] != ' ' || r[18] != ' ' || r[19] == ' ') {
			*bad_row = n;
			return 0;
		}
	}
	return 1;
}

static void
help_lists_every_key_in_columns(void)
{
	const char *script = t_write_file(
	        "h.txt", "view-ballots\nview-help\n:resize 80x300\n"
	                 ":save-display help.txt\nquit\n");
	const char *help, *at;
	char sock[64];
	int bad = 0;
	size_t i;

	T_ASSERT(scr_group() == 0);
	T_EQ_INT(t_gavel(scr_headless(SCR_NOW, SCR_USER, script, "80x24"), NULL)
	                 ->status,
	         0);
	help = screen("help.txt");
	/* The view it was opened from first. */
	T_CONTAINS(help, "Help: every key, by view");
	T_CONTAINS(help, "\n\nBallots (4)\n  Enter ");
	for (i = 0; i < sizeof(needed) / sizeof(needed[0]); i++) {
		T_CONTAINS(help, needed[i].section);
		at = strstr(help, needed[i].section);
		T_CONTAINS(at, needed[i].entry);
		/* In that section, before the next one. */
		T_ASSERT(strstr(at + 1, "\n\n") > strstr(at, needed[i].entry));
	}
	if (!columns_apart(help, &bad))
		t_fail(__FILE__, __LINE__,
		       "row %d runs into the next column:\n%s", bad, help);
	T_ASSERT(!strstr(help, "view-") && !strstr(help, "move-") &&
	         !strstr(help, "next-change") && !strstr(help, "find-"));
	/* At 80x24 it scrolls to its end. */
	if (scr_start(sock, sizeof(sock), "help", 80, 24, NULL, NULL) < 0)
		return;
	PANE_STILL(sock, "Dashboard, as of");
	scr_keys(sock, "? G");
	T_CONTAINS(PANE_STILL(sock, "not. A change another command undoes"),
	           "Help: every key, by view");
	T_ASSERT(scr_quit(sock) == 0);
}

/* The status line: the keys that matter in each view, from the same
 * table, after the last message when it leaves room. */
static void
status_line_shows_the_views_keys(void)
{
	static const struct {
		const char *file, *keys;
	} views[] = {
	        {"dash.txt", "\nEnter open  q quit  S sync  C conflicts  : "
	                     "command  ? help "},
	        {"ballots.txt", "\nEnter open  v vote  s act  d redline  q "
	                        "back  : command  ? help "},
	        {"steps.txt", "\nEnter take  q back  : command  ? help "},
	        {"redline.txt", "\n] next  [ prev  } section  c note  o open  "
	                        "q back  : command  ? help "},
	        {"timeline.txt", "\nh earlier  l later  z zoom  x calendar  "
	                         "Enter open  q back  : command  ? help "},
	        {"meeting.txt", "\nt present/absent  x cancel  q back  : "
	                        "command  ? help "},
	        {"unbound.txt", "\nZ does nothing in this view: ? lists the "
	                        "keys of each view  Enter open  v vote  s act"},
	};
	const char *script = t_write_file(
	        "s.txt", ":save-display dash.txt\nview-ballots\n"
	                 ":save-display ballots.txt\nstep\n"
	                 ":save-display steps.txt\nview-redline\n"
	                 ":save-display redline.txt\nview-timeline\n"
	                 ":save-display timeline.txt\nview-meetings\n"
	                 "enter\n:save-display meeting.txt\nview-ballots\n"
	                 "key Z\n:save-display unbound.txt\nquit\n");
	size_t i;

	T_ASSERT(scr_group() == 0);
	T_EQ_INT(
	        t_gavel(scr_headless(SCR_NOW, SCR_USER, script, "120x40"), NULL)
	                ->status,
	        0);
	for (i = 0; i < sizeof(views) / sizeof(views[0]); i++)
		T_CONTAINS(screen(views[i].file), views[i].keys);
}

/* ---- Item 6: one key, the command quoted, nothing typed ahead ---- */

#define CANCEL_SMC014 "gavel --now '2025-01-20 17:00 UTC' ballot cancel SMC014"

static void
questions_take_one_key(void)
{
	char sock[64];
	const char *out;

	T_ASSERT(scr_group() == 0);
	if (scr_start(sock, sizeof(sock), "ask", 120, 40, NULL, NULL) < 0)
		return;
	PANE_STILL(sock, "Dashboard, as of");
	/* The question quotes the command exactly; n alone answers. */
	scr_keys(sock, ": 'ballot cancel SMC014' Enter");
	out = PANE_STILL(sock, "No command undoes it.  y runs it, n does not");
	T_CONTAINS(out, "\n" CANCEL_SMC014 "\n");
	scr_keys(sock, "n");
	PANE_STILL(sock, "not run: " CANCEL_SMC014);
	T_EQ_STR(state_of("SMC014"), "draft");
	/* A y typed before the question was drawn answers nothing. */
	scr_keys(sock, ": 'ballot cancel SMC014' Enter y");
	PANE_STILL(sock, "No command undoes it.");
	scr_pause(500);
	T_CONTAINS(PANE_STILL(sock, "No command undoes it."), CANCEL_SMC014);
	/* Escape then y at once: Escape (no), not Alt-y, and the y is
	 * dropped with it. */
	scr_keys(sock, "Escape y");
	PANE_STILL(sock, "not run: " CANCEL_SMC014);
	T_EQ_STR(state_of("SMC014"), "draft");
	/* What is quoted reads back in a shell as it was typed; what can
	 * still be done is said. */
	scr_keys(sock, ": 'issue add SMCWG --title \"it'\\''s late\"' Enter");
	out = PANE_STILL(sock, "Then: it can be closed (gavel issue close "
	                       "NUMBER), not removed.");
	T_CONTAINS(out, "gavel --now '2025-01-20 17:00 UTC' issue add SMCWG "
	                "--title 'it'\\''s late'\n");
	scr_keys(sock, "y");
	PANE_STILL(sock, "issue: 5");
	/* A change another command undoes runs at once, saying how. */
	scr_keys(sock, ": 'issue close 5' Enter");
	PANE_STILL(sock, "undo: gavel issue reopen 5");
	T_ASSERT(scr_quit(sock) == 0);
	T_CONTAINS(t_gavel(t_env(SCR_NOW, SCR_USER), "issue", "list", "--state",
	                   "closed", NULL)
	                   ->out,
	           "it's late");
}

/* y with an Enter after it (habit): the Enter answers nothing else. */
static void
keys_after_an_answer_are_dropped(void)
{
	char sock[64];

	T_ASSERT(scr_group() == 0);
	if (scr_start(sock, sizeof(sock), "after", 120, 40, NULL, NULL) < 0)
		return;
	PANE_STILL(sock, "Dashboard, as of");
	scr_keys(sock, "4 s");
	PANE_STILL(sock, "Act on SMC012: voting");
	scr_keys(sock, "Enter");
	PANE_STILL(sock, "Then: a new version reopens the discussion (gavel "
	                 "ballot version SMC012).");
	scr_keys(sock, "y Enter");
	/* The row under the cursor is now cancel, which the Enter would
	 * have asked about. */
	T_CONTAINS(PANE_STILL(sock, "Act on SMC012: withdrawn"),
	           "ballot: done");
	scr_pause(300);
	T_CONTAINS(scr_capture(sock, 0), "ballot: done");
	T_ASSERT(!strstr(scr_capture(sock, 0), "y runs it, n does not"));
	T_ASSERT(scr_quit(sock) == 0);
	T_EQ_STR(state_of("SMC012"), "withdrawn");
}

/* ---- Item 7: the redline ---- */

static void
redline_notes_on_any_changed_line(void)
{
	char sock[64];
	const char *out;

	T_ASSERT(scr_group() == 0);
	if (scr_start(sock, sizeof(sock), "notes", 140, 40, NULL, NULL) < 0)
		return;
	PANE_STILL(sock, "Dashboard, as of");
	scr_keys(sock, "5");
	out = PANE_STILL(sock, "Redline of SMC013 version 1 (");
	/* The numbers of the new text; deletions struck, as ansi does. */
	T_CONTAINS(out, "    18 The CA MAY reuse a validation for "
	                "3\xCC\xB6"
	                "9\xCC\xB6"
	                "8\xCC\xB6"
	                "100 days.\n");
	T_CONTAINS(out, "\n       V\xCC\xB6"
	                "a\xCC\xB6");
	/* ] lands on each change, each can take a note: the fourth is a
	 * deleted line, whose note goes where it stood. */
	scr_keys(sock, "] ] ] ] c");
	PANE_STILL(sock, "note on guideline.md line 20 (where the deleted "
	                 "text stood), note:");
	/* What is typed is the note's text, whatever it looks like. */
	scr_keys(sock, "'--line 3 keep telephone, q' Enter");
	out = PANE_STILL(sock, "y runs it, n does not");
	T_CONTAINS(out, "review add SMC013 --path guideline.md --line 20 -- "
	                "'--line 3 keep telephone, q'");
	scr_keys(sock, "y");
	PANE_STILL(sock, "note by Alice Archer: --line 3 keep telephone, q");
	/* A note refused: what was typed after c never acts as keys. */
	scr_keys(sock, "o 'guideline v1.0.7..smc013' Enter");
	PANE_STILL(sock, "Redline of v1.0.7..smc013 in");
	scr_keys(sock, "] c 'quit' Enter");
	out = PANE_STILL(sock, "review notes belong to a ballot's redline");
	T_CONTAINS(out, "Redline of v1.0.7..smc013 in");
	T_ASSERT(scr_quit(sock) == 0);
	T_CONTAINS(t_gavel(t_env(SCR_NOW, SCR_USER), "review", "list", "SMC013",
	                   NULL)
	                   ->out,
	           "guideline.md:20, 4 Certificate Life-Cycle\n");
}

/* ---- Item 8: lists carry what their users look for ---- */

static void
lists_carry_states_deadlines_and_people(void)
{
	const char *script = t_write_file(
	        "l.txt", "view-ballots\n:save-display ballots.txt\n"
	                 "view-meetings\n:save-display meetings.txt\n"
	                 "view-members\n:save-display members.txt\n"
	                 ":resize 80x24\nview-dashboard\n"
	                 ":save-display dash.txt\nview-meetings\n"
	                 ":save-display meetings80.txt\nquit\n");

	T_ASSERT(scr_group() == 0);
	T_EQ_INT(
	        t_gavel(scr_headless(SCR_NOW, SCR_USER, script, "120x40"), NULL)
	                ->status,
	        0);
	T_CONTAINS(screen("ballots.txt"),
	           "\nSMC011   IPR review  fg    IPR review ends    2025-01-21 "
	           "09:00 EST  in 21 h 0 min  Update the audit criteria\n");
	T_CONTAINS(screen("ballots.txt"),
	           "\nSMC012   voting      fmg   voting closes      2025-01-23 "
	           "10:00 EST  in 2 d 22 h    Allow EUID");
	T_ASSERT(!strstr(screen("ballots.txt"), "ipr_review"));
	T_CONTAINS(screen("meetings.txt"),
	           "\nNext call of SMCWG: 2025-01-29 "
	           "11:00 EST in 8 d 23 h, meeting 5\n");
	T_CONTAINS(screen("meetings.txt"), "call  held         approved at "
	                                   "meeting 4");
	T_CONTAINS(screen("meetings.txt"), "call  held         draft ");
	T_CONTAINS(screen("members.txt"), "\n    DigiCert      ");
	T_CONTAINS(screen("members.txt"),
	           "\n      voting representatives: Alice Archer\n");
	T_CONTAINS(screen("members.txt"), "\n    Apple    ");
	T_CONTAINS(screen("members.txt"),
	           "\n      no voting representative named\n");
	/* At 80x24: dates in the body's time, not only countdowns. */
	T_CONTAINS(screen("dash.txt"), "\n  SMC012   voting closes          "
	                               "2025-01-23 10:00 EST  in 2 d 22 h\n");
	T_CONTAINS(screen("meetings80.txt"),
	           "\n   2  SMCWG  2024-12-18 11:00 EST  call  held         "
	           "approved at meeting 4\n");
}

/* ---- Item 9: only the steps the state allows ---- */

static void
acting_offers_what_the_guards_allow(void)
{
	const char *script = t_write_file(
	        "a.txt", "view-ballots\n/SMC013\nstep\n"
	                 ":save-display smc013.txt\n/open-vote\nenter\n"
	                 ":save-display refused.txt\nview-ballots\n/SMC014\n"
	                 "step\n:save-display smc014.txt\n/cancel  \nenter\n"
	                 ":save-display taken.txt\nquit\n");
	const char *s;

	T_ASSERT(scr_group() == 0);
	T_EQ_INT(
	        t_gavel(scr_headless(SCR_NOW, SCR_USER, script, "100x30"), NULL)
	                ->status,
	        0);
	s = screen("smc013.txt");
	T_CONTAINS(s, "Act on SMC013: discussion  ");
	T_CONTAINS(s, "\nNow (Enter takes it, after y)\n  cancel     cancel "
	              "it before voting: gavel ballot cancel SMC013\n\n"
	              "Not now\n");
	T_CONTAINS(s, "\n  open-vote  voting can open 2025-01-23 07:00 EST "
	              "(in 2 d 19 h): discussion ends then (BYL 2.3(3))\n");
	T_CONTAINS(s, "\n  discuss    SMC013 is in discussion: its discussion "
	              "is already open\n");
	/* A step that cannot be taken says why, and runs nothing. */
	T_CONTAINS(screen("refused.txt"), "\nopen-vote: voting can open "
	                                  "2025-01-23 07:00 EST");
	T_EQ_STR(state_of("SMC013"), "discussion");
	T_CONTAINS(screen("smc014.txt"),
	           "\n  discuss    SMC014 has 1 endorsement: a proposal needs "
	           "two, from other voting members (BYL 2.3(3))\n");
	T_CONTAINS(screen("taken.txt"), "Act on SMC014: cancelled  ");
	T_EQ_STR(state_of("SMC014"), "cancelled");
}

/* ---- Item 10: colours ---- */

/* The redline's pane with its escapes, gavel started with env and args;
 * its text alone in pane_text. */
static const char *pane_text;

static const char *
painted(const char *env, const char *args)
{
	char sock[64];
	const char *out = NULL;

	if (scr_start(sock, sizeof(sock), "theme", 100, 30, env, args) < 0)
		return NULL;
	scr_keys(sock, "5");
	if ((pane_text = PANE_STILL(sock, "Redline of SMC013")))
		out = scr_capture(sock, 1);
	if (scr_quit(sock) < 0)
		return NULL;
	return out;
}

/* Whether text sets a foreground or background colour (SGR 30-37 or
 * 40-47, alone or among others). */
static int
has_colour(const char *text)
{
	const char *p;

	for (p = text; p && (p = strstr(p, "\033[")); p += 2) {
		const char *q = p + 2;

		while (*q && *q != 'm') {
			if ((*q == '3' || *q == '4') && q[1] >= '0' &&
			    q[1] <= '7' && (q[2] == 'm' || q[2] == ';') &&
			    (q == p + 2 || q[-1] == ';'))
				return 1;
			q++;
		}
	}
	return 0;
}

static void
colours_follow_the_terminal_and_the_theme(void)
{
	const char *out;

	T_ASSERT(scr_group() == 0);
	/* The background COLORFGBG gives: light, then dark. */
	T_ASSERT((out = painted("COLORFGBG='0;15'", NULL)) != NULL);
	T_CONTAINS(out, "\033[44m");
	T_ASSERT((out = painted("COLORFGBG='15;default;0'", NULL)) != NULL);
	T_CONTAINS(out, "\033[46m");
	/* Asked for: the option, then GAVEL_THEME, over the terminal. */
	T_ASSERT((out = painted("COLORFGBG='15;0'", "tui --theme light")) !=
	         NULL);
	T_CONTAINS(out, "\033[44m");
	T_ASSERT((out = painted("COLORFGBG='15;0' GAVEL_THEME=light", NULL)) !=
	         NULL);
	T_CONTAINS(out, "\033[44m");
	/* NO_COLOR (not empty), the mono theme and a monochrome terminal:
	 * no colour at all, the redline marked in text. */
	T_ASSERT((out = painted("NO_COLOR=1", NULL)) != NULL);
	T_ASSERT(!has_colour(out));
	T_CONTAINS(pane_text, "reuse a validation for [-398-]{+100+} days.");
	T_ASSERT((out = painted("GAVEL_THEME=mono", NULL)) != NULL);
	T_ASSERT(!has_colour(out));
	T_ASSERT((out = painted("TERM=vt100", NULL)) != NULL);
	T_ASSERT(!has_colour(out));
	T_CONTAINS(pane_text, "reuse a validation for [-398-]{+100+} days.");
	/* An empty NO_COLOR is not set; a theme asked for overrides it. */
	T_ASSERT((out = painted("NO_COLOR=", NULL)) != NULL);
	T_ASSERT(has_colour(out));
	T_ASSERT((out = painted("NO_COLOR=1", "tui --theme dark")) != NULL);
	T_CONTAINS(out, "\033[46m");
}

const struct t_case tui_keys_tests[] = {
        {"refuses_input_that_is_not_a_terminal",
         refuses_input_that_is_not_a_terminal},
        {"refuses_a_terminal_it_cannot_draw_on",
         refuses_a_terminal_it_cannot_draw_on},
        {"help_and_usage", help_and_usage},
        {"help_lists_every_key_in_columns", help_lists_every_key_in_columns},
        {"status_line_shows_the_views_keys", status_line_shows_the_views_keys},
        {"questions_take_one_key", questions_take_one_key},
        {"keys_after_an_answer_are_dropped", keys_after_an_answer_are_dropped},
        {"redline_notes_on_any_changed_line",
         redline_notes_on_any_changed_line},
        {"lists_carry_states_deadlines_and_people",
         lists_carry_states_deadlines_and_people},
        {"acting_offers_what_the_guards_allow",
         acting_offers_what_the_guards_allow},
        {"colours_follow_the_terminal_and_the_theme",
         colours_follow_the_terminal_and_the_theme},
        {NULL, NULL},
};
