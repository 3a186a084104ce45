/* SPDX-License-Identifier: MIT */
/*
 * This file tests the curses UI: every view against the demo database,
 * headless (GV_NO_DISPLAY, a script of requests, the screen dumped to
 * text), and end to end in tmux as a person uses it: keys in, the pane
 * captured, the database checked after.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "screen_fixture.h"
#include "sync_fixture.h"

static const char *
screen(const char *name)
{
	return t_read_file(t_path(name), NULL);
}

static void
every_view_on_the_demo(void)
{
	const char *now = "2024-12-18 17:00";
	const char *script = t_write_file(
	        "walk.txt", ":save-display dash.txt\n"
	                    "view-ballots\n:save-display ballots.txt\n"
	                    "enter\n:save-display ballot.txt\n"
	                    "view-redline\n:save-display redline.txt\n"
	                    "next-change\n:save-display change.txt\n"
	                    "view-issues\n:save-display issues.txt\n"
	                    "/registration\n:save-display search.txt\n"
	                    "enter\n:save-display issue.txt\n"
	                    "view-meetings\nmove-down\nmove-down\nenter\n"
	                    "/attendance:\n:save-display meeting.txt\n"
	                    "view-members\n:save-display members.txt\n"
	                    "view-timeline\n:save-display timeline.txt\n"
	                    "view-help\n:save-display help.txt\n"
	                    "/Sync with every remote\n"
	                    ":save-display help-sync.txt\n"
	                    ":resize 50x10\n:save-display small.txt\n"
	                    ":resize 100x30\nquit\n");
	struct t_run *r;

	T_ASSERT(t_gavel(t_env(now, "chair"), "init", "--demo", NULL)->status ==
	         0);
	r = t_gavel(scr_headless(now, "chair", script, "100x30"), NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(screen("dash.txt"),
	           "  SMC010   IPR review ends        2024-12-22 16:00 UTC  "
	           "Sun 11:00 EST  in 3 d 23 h");
	T_CONTAINS(screen("dash.txt"), "next call");
	/* States as people say them, the next deadline in the body's time
	 * (issue 20, item 8). */
	T_CONTAINS(screen("ballots.txt"), "SMC010   IPR review  fmg   "
	                                  "Introduction of Multi-Perspective");
	T_CONTAINS(screen("ballots.txt"), "\n         IPR review ends    "
	                                  "2024-12-22 11:00 EST  in 3 d 23 h");
	T_CONTAINS(screen("ballot.txt"), "  Certificate Issuers (two-thirds)");
	T_CONTAINS(screen("ballot.txt"), "  yes       16 ");
	T_CONTAINS(screen("ballot.txt"), "  test: MET");
	T_CONTAINS(screen("ballot.txt"),
	           "quorum: 20 participants of 11 needed (published) MET");
	T_CONTAINS(screen("redline.txt"), "Redline of SMC010 version 1 ");
	T_CONTAINS(screen("redline.txt"),
	           "     3 subtitle: Version [-1.0.7-]{+1.0.8+}");
	T_CONTAINS(screen("change.txt"), "5/"); /* the subtitle row */
	T_CONTAINS(screen("issues.txt"), "SMCWG#263  open");
	T_CONTAINS(screen("search.txt"), "Issues matching \"registration\"");
	T_CONTAINS(screen("search.txt"), "NTR registration scheme");
	T_CONTAINS(screen("issue.txt"), "discussed at the call (meeting 2)");
	T_CONTAINS(screen("issue.txt"), "draft redline");
	T_CONTAINS(screen("meeting.txt"), "Meeting 2 of SMCWG: held");
	T_CONTAINS(screen("meeting.txt"), "Attendance: 30 present");
	T_CONTAINS(screen("members.txt"), "    DigiCert");
	/* Of the last held meetings: the 12-04 call has no roll call, so it
	 * says nothing about who attended. */
	T_CONTAINS(screen("members.txt"), "attended 1 of the last 1");
	T_CONTAINS(screen("timeline.txt"), "SMC010    ");
	T_CONTAINS(screen("timeline.txt"), "~~~~~~~~|~~~");
	T_CONTAINS(screen("timeline.txt"), "~~~ IPR review");
	/* The view help was opened from first; no request names. */
	T_CONTAINS(screen("help.txt"), "Help: every key, by view");
	T_CONTAINS(screen("help.txt"), "\n\nTimeline (2)\n  h, Left ");
	T_CONTAINS(screen("help.txt"), "  ?, F1            This help");
	T_ASSERT(!strstr(screen("help.txt"), "view-dashboard"));
	T_CONTAINS(screen("help.txt"),
	           "  C                Sync: conflicts and the last sync's");
	T_CONTAINS(screen("help-sync.txt"),
	           "  S                Sync with every remote (gavel sync)");
	T_CONTAINS(screen("small.txt"), "gavel needs 60x15;");
}

/* The redline of any range, and of a ballot's version, from `o`. */
static void
redline_of_any_range(void)
{
	const char *now = "2024-12-18 17:00";
	char text[8192];
	const char *script;

	snprintf(text, sizeof(text),
	         "view-redline\nopen %s/g-guideline Ballot_SMC09..draft-263\n"
	         ":save-display range.txt\nback\nopen SMC010 1\n"
	         ":save-display version.txt\nopen %s/g-guideline x..y\n"
	         ":save-display bad.txt\nquit\n",
	         t_tmpdir(), t_tmpdir());
	script = t_write_file("r.txt", text);
	T_ASSERT(t_gavel(t_env(now, "chair"), "init", "--demo", NULL)->status ==
	         0);
	T_EQ_INT(t_gavel(scr_headless(now, "chair", script, "100x30"), NULL)
	                 ->status,
	         0);
	T_CONTAINS(screen("range.txt"),
	           "Redline of Ballot_SMC09..draft-263 in");
	T_CONTAINS(screen("range.txt"), "{+");
	T_CONTAINS(screen("version.txt"), "Redline of SMC010 version 1 ");
	T_CONTAINS(screen("bad.txt"), "no revision \"x\"");
}

/* A review note shows under its line; `t` takes the roll call. */
static void
notes_inline_and_roll_call(void)
{
	const char *now = "2025-01-15 16:10";
	const char *script = t_write_file(
	        "n.txt", ":review add SMC010 --path guideline.md --line 3 "
	                 "\"Should say 1.0.8 in the date too\"\n"
	                 "view-redline\n:save-display noted.txt\n"
	                 "view-meetings\n:save-display list.txt\nenter\n"
	                 "/has no roll call\n:save-display none.txt\n"
	                 "view-meetings\nenter\n"
	                 "/absent  Stephen Davidson\n"
	                 "toggle\nmove-first\n:save-display present.txt\n"
	                 "/present Stephen Davidson\ntoggle\n"
	                 ":save-display absent.txt\nquit\n");

	T_ASSERT(t_gavel(t_env(now, "chair"), "init", "--demo", NULL)->status ==
	         0);
	T_EQ_INT(t_gavel(scr_headless(now, "chair", script, "100x30"), NULL)
	                 ->status,
	         0);
	T_CONTAINS(screen("noted.txt"), "     3 subtitle: Version");
	T_CONTAINS(screen("noted.txt"),
	           "        note by chair: Should say 1.0.8 in the date too");
	/* Started, no roll call yet: the same words as `meeting list`, and
	 * no empty minutes; the first person present makes it held. */
	T_CONTAINS(screen("list.txt"), "call  no roll call");
	T_CONTAINS(screen("none.txt"), "Meeting 4 of SMCWG: no roll call");
	T_CONTAINS(screen("none.txt"), "  meeting 4 has no roll call: record");
	T_CONTAINS(screen("present.txt"), "Meeting 4 of SMCWG: held");
	T_CONTAINS(screen("present.txt"), "Attendance: 1 present");
	T_CONTAINS(screen("present.txt"), "    present Stephen Davidson");
	T_CONTAINS(screen("absent.txt"), "Attendance: 0 present");
	T_CONTAINS(screen("absent.txt"), "Meeting 4 of SMCWG: no roll call");
	T_CONTAINS(
	        t_gavel(t_env(now, "chair"), "meeting", "show", "4", NULL)->out,
	        "Attendance: 0 people, 0 voting members present");
}

/* `t` on a past meeting records the person's organisation of that day,
 * not today's (issue 14: people over time). */
static void
roll_call_uses_the_days_organisation(void)
{
	const char *now = "2025-02-01 12:00";
	const char *const *e = t_env(now, "chair");
	const char *script = t_write_file(
	        "p.txt", "view-meetings\n/2025-01-15 16:00\nenter\n"
	                 ":save-display opened.txt\n"
	                 "/absent  Pat Mover\ntoggle\n"
	                 ":save-display toggled.txt\n"
	                 "back\nenter\n:save-display reopened.txt\n"
	                 "cancel\n:save-display held.txt\nquit\n");
	struct t_run *r;

	T_ASSERT(t_gavel(e, "init", "--demo", NULL)->status == 0);
	/* With DigiCert from the start; seen for Sectigo on 01-29. */
	T_ASSERT(t_gavel(t_env("2025-01-10 12:00", "chair"), "person", "add",
	                 "Pat Mover", "--org", "DigiCert", "--rep", "SMCWG",
	                 NULL)
	                 ->status == 0);
	e = t_env(now, "chair");
	r = t_gavel(e, "meeting", "add", "SMCWG", "2025-01-29 11:00", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "5\n");
	T_ASSERT(t_gavel(e, "meeting", "attend", "5", "Pat Mover (Sectigo)",
	                 NULL)
	                 ->status == 0);
	T_EQ_INT(t_gavel(scr_headless(now, "chair", script, "100x30"), NULL)
	                 ->status,
	         0);
	T_CONTAINS(screen("toggled.txt"), "Meeting 4 of SMCWG: held");
	/* Without a roll call it could be cancelled; held, it cannot: no
	 * key offered, and the key says why at once. */
	T_CONTAINS(screen("opened.txt"), "t present/absent  x cancel  q back");
	T_CONTAINS(screen("reopened.txt"), "Meeting 4 of SMCWG: held");
	T_CONTAINS(screen("reopened.txt"), "t present/absent  q back");
	T_CONTAINS(screen("held.txt"),
	           "meeting 4 has a roll call: it was held, so it cannot be "
	           "cancelled");
	r = t_gavel(e, "meeting", "show", "4", NULL);
	T_CONTAINS(r->out, "  - Pat Mover (DigiCert)");
}

/* `:` runs the CLI's commands; an error stays in the status line. */
static void
command_line_changes_the_store(void)
{
	const char *now = "2024-11-18 12:00";
	char sql[4400];
	const char *script = t_write_file(
	        "vote.txt", "view-dashboard\n"
	                    ":ballot vote SMC010 Apple abstain\n"
	                    "view-ballots\nvote Google|no\nview-dashboard\n"
	                    ":save-display voted.txt\n"
	                    ":ballot vote SMC010 Nobody yes\n"
	                    ":save-display refused.txt\n"
	                    ":issue add SMCWG --title \"\033[31mred\033[0m\"\n"
	                    ":save-display hostile.txt\n"
	                    "view-issues\n:save-display issues.txt\n"
	                    "add Forms are small|clarification,tui\n"
	                    "view-meetings\n"
	                    "add 2025-02-12 11:00|America/New_York|call\n"
	                    ":save-display meetings.txt\n"
	                    "cancel moved to the F2F\n"
	                    ":save-display cancelled.txt\n"
	                    "cancel\n:save-display again.txt\nquit\n");
	struct t_run *r;

	T_ASSERT(t_gavel(t_env(now, "chair"), "init", "--demo", NULL)->status ==
	         0);
	/* A title stored before titles were kept to one line (issue 15). */
	snprintf(sql, sizeof(sql),
	         "sqlite3 '%s' \"UPDATE issue SET title = char(27) || "
	         "'[31mred' || char(27) || '[0m' WHERE number = 3\"",
	         t_path("g.db"));
	t_rebuild_skip();
	T_ASSERT(t_shell_output(sql) != NULL);
	r = t_gavel(scr_headless(now, "chair", script, "100x30"), NULL);
	T_EQ_INT(r->status, 0);
	/* The live tally on the dashboard counts the new vote. */
	T_CONTAINS(screen("voted.txt"), "Ballots in voting, live tally");
	T_CONTAINS(screen("voted.txt"), "consumers 2 yes 1 no 1 abstain");
	T_CONTAINS(screen("refused.txt"), "no organisation");
	/* A title with an escape sequence is refused, the message shown
	 * safely; a stored one is drawn with the escape made visible. */
	T_CONTAINS(screen("hostile.txt"), "control character (byte 0x1B)");
	T_ASSERT(!strchr(screen("hostile.txt"), '\033'));
	T_ASSERT(!strchr(screen("issues.txt"), '\033'));
	T_CONTAINS(screen("issues.txt"), "^[[31mred^[[0m");
	r = t_gavel(t_env(now, "chair"), "ballot", "tally", "SMC010",
	            "--format", "json", NULL);
	T_CONTAINS(r->out, "\"abstain\": 1");
	/* The forms: an issue with its labels, a meeting, its cancelling. */
	r = t_gavel(t_env(now, "chair"), "issue", "list", "--label", "tui",
	            NULL);
	T_CONTAINS(r->out, "Forms are small");
	T_CONTAINS(r->out, "clarification, tui");
	T_CONTAINS(screen("meetings.txt"),
	           "2025-02-12 16:00 UTC  Wed 11:00 EST  call");
	T_CONTAINS(screen("cancelled.txt"), "cancelled");
	/* The cancel key is offered on a meeting to come, not on one
	 * cancelled; pressed there, it says so at once, no reason asked. */
	T_CONTAINS(screen("meetings.txt"), "x cancel");
	T_ASSERT(!strstr(screen("cancelled.txt"), "x cancel"));
	T_CONTAINS(screen("again.txt"), "meeting 5 is already cancelled");
	r = t_gavel(t_env(now, "chair"), "meeting", "show", "5", NULL);
	T_CONTAINS(r->out, "moved to the F2F");
}

/* The same screens on every terminal type the issue names; a wide name
 * keeps its true width; the issue filter cycles. */
static void
terminals_and_widths(void)
{
	static const char *const terms[] = {"screen", "tmux", "linux"};
	const char *now = "2024-12-18 17:00";
	const char *script =
	        t_write_file("t.txt", ":save-display screen.txt\nview-issues\n"
	                              ":save-display issues.txt\nfilter\n"
	                              ":save-display closed.txt\nfilter\n"
	                              ":save-display all.txt\nquit\n");
	char first[8192], term[64];
	const char *vars[14];
	const char *const *base;
	size_t i, n;

	T_ASSERT(t_gavel(t_env(now, "chair"), "init", "--demo", NULL)->status ==
	         0);
	T_EQ_INT(t_gavel(t_env(now, "chair"), "issue", "add", "SMCWG",
	                 "--title", "電子署名の標準化 (wide)", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(t_env(now, "chair"), "issue", "close", "3", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(scr_headless(now, "chair", script, "100x30"), NULL)
	                 ->status,
	         0);
	snprintf(first, sizeof(first), "%s", screen("screen.txt"));
	T_CONTAINS(screen("issues.txt"), "電子署名の標準化 (wide)");
	T_CONTAINS(screen("issues.txt"), "Issues (2, open)");
	T_CONTAINS(screen("closed.txt"), "Issues (1, closed)");
	T_CONTAINS(screen("all.txt"), "Issues (3, all)");
	for (i = 0; i < sizeof(terms) / sizeof(terms[0]); i++) {
		base = scr_headless(now, "chair", script, "100x30");
		for (n = 0; base[n] && n < 12; n++)
			vars[n] = base[n];
		snprintf(term, sizeof(term), "TERM=%s", terms[i]);
		vars[n++] = term;
		vars[n] = NULL;
		T_EQ_INT(t_gavel(vars, NULL)->status, 0);
		T_EQ_STR(screen("screen.txt"), first);
	}
}

/* A body's times show its wall clock beside UTC, and at 80 columns the
 * columns stay apart: what does not fit whole is left out. */
static void
local_time_at_80_columns(void)
{
	const char *now = "2024-12-18 17:00";
	const char *script = t_write_file(
	        "w.txt", "view-ballots\nenter\n:save-display wide.txt\n"
	                 ":resize 80x24\n:save-display ballot.txt\n"
	                 "view-dashboard\n:save-display dash.txt\n"
	                 "view-meetings\n:save-display meetings.txt\n"
	                 "move-down\nmove-down\nenter\n"
	                 ":save-display meeting.txt\n:resize 100x30\n"
	                 ":body set SMCWG --tz Asia/Tokyo\nview-dashboard\n"
	                 ":save-display tokyo.txt\n:resize 60x20\n"
	                 ":save-display narrow.txt\nquit\n");

	T_ASSERT(t_gavel(t_env(now, "chair"), "init", "--demo", NULL)->status ==
	         0);
	T_EQ_INT(t_gavel(scr_headless(now, "chair", script, "100x30"), NULL)
	                 ->status,
	         0);
	T_CONTAINS(screen("wide.txt"), "  IPR review ends    2024-12-22 16:00 "
	                               "UTC  Sun 11:00 EST  in 3 d 23 h   IPR "
	                               "4.1\n");
	T_CONTAINS(screen("ballot.txt"),
	           "  IPR review ends    2024-12-22 16:00 "
	           "UTC  Sun 11:00 EST  in 3 d 23 h\n");
	T_CONTAINS(screen("ballot.txt"), "  outcome notice due 2024-12-25 "
	                                 "16:00 UTC  Wed 11:00 EST  in 6 d "
	                                 "23 h\n");
	T_ASSERT(!strstr(screen("ballot.txt"), "BYL 2."));
	/* At 80 columns the dashboard keeps its dates, in the body's time
	 * (issue 20, item 8); so do the meetings. */
	T_CONTAINS(screen("dash.txt"), "  SMC010   IPR review ends        "
	                               "2024-12-22 11:00 EST  in 3 d 23 h\n");
	T_CONTAINS(screen("meetings.txt"), "   4  SMCWG  2025-01-15 11:00 EST  "
	                                   "call  scheduled\n");
	T_CONTAINS(screen("meeting.txt"),
	           "2024-12-18 16:00 UTC  Wed 11:00 EST  "
	           "call (America/New_York)\n");
	/* In Tokyo the deadline is already Monday: the weekday says so. */
	T_CONTAINS(screen("tokyo.txt"), "  SMC010   IPR review ends        "
	                                "2024-12-22 16:00 UTC  Mon 01:00 JST  "
	                                "in 3 d 23 h");
	/* At 60 the countdown does not fit whole: it is left out, not cut
	 * to "in 3". */
	T_CONTAINS(screen("narrow.txt"), "  SMC010   IPR review ends        "
	                                 "2024-12-23 01:00 JST\n");
}

/* gavel in tmux at 100x30 on the test's g.db, at clock now, acting as
 * user ("": the copy's configured user). */
static int
tmux_start(char *sock, size_t n, const char *name, const char *now,
           const char *user)
{
	char env[256];

	snprintf(env, sizeof(env), "GAVEL_NOW='%s' GAVEL_USER='%s'", now, user);
	return scr_start(sock, n, name, 100, 30, env, NULL);
}

/* A person at a terminal: dashboard, ballots, SMC010, its redline, help,
 * back; a vote through `:`; a resize; quit. */
static void
tmux_walk(void)
{
	const char *now = "2024-11-18 12:00";
	struct t_run *r;
	char sock[64];

	T_ASSERT(t_gavel(t_env(now, "chair"), "init", "--demo", NULL)->status ==
	         0);
	if (tmux_start(sock, sizeof(sock), "walk", now, "chair") < 0)
		return;
	T_CONTAINS(PANE_STILL(sock, "Open clocks"), "Dashboard, as of");
	T_CONTAINS(PANE_STILL(sock, "live tally"), "SMC010");
	scr_keys(sock, "4");
	T_CONTAINS(PANE_STILL(sock, "Ballots (1)"), "SMC010");
	scr_keys(sock, "Enter");
	T_CONTAINS(PANE_STILL(sock, "Ballot SMC010: voting"), "Votes");
	scr_keys(sock, "d");
	T_CONTAINS(PANE_STILL(sock, "Redline of SMC010"), "guideline.md");
	scr_keys(sock, "?");
	T_CONTAINS(PANE_STILL(sock, "Help: every key, by view"),
	           "Redline (5)\n  ]                Next changed line");
	scr_keys(sock, "q");
	T_CONTAINS(PANE_STILL(sock, "Redline of SMC010"), "guideline.md");
	scr_keys(sock, "q");
	T_CONTAINS(PANE_STILL(sock, "Ballot SMC010"), "Tally");
	scr_keys(sock, ":");
	scr_keys(sock, "'ballot vote SMC010 Apple abstain' Enter");
	T_CONTAINS(PANE_STILL(sock, "abstain    1"), "Certificate Consumers");
	/* A change no command undoes is asked about first. */
	scr_keys(sock, ":");
	scr_keys(sock, "'ballot close SMC010' Enter");
	T_CONTAINS(PANE_STILL(sock, "No command undoes it."),
	           "gavel --now '2024-11-18 12:00 UTC' ballot close SMC010");
	scr_keys(sock, "n");
	T_CONTAINS(PANE_STILL(sock, "not run"), "Ballot SMC010: voting");
	scr_tmux(sock, "resize-window -t t -x 70 -y 20");
	/* Redrawn for 70 columns: the title bar has no room for the views'
	 * keys (the screen before the resize has them, and a "1/" too). */
	T_CONTAINS(PANE_STILL(sock, "Ballot SMC010: voting\n"), "1/");
	scr_tmux(sock, "resize-window -t t -x 40 -y 10");
	T_CONTAINS(PANE_STILL(sock, "gavel needs 60x15"), "this is 40x10");
	scr_tmux(sock, "resize-window -t t -x 100 -y 30");
	/* Quit from a screen that shows the ballot, so that what follows
	 * checks it is gone. */
	T_CONTAINS(PANE_STILL(sock, "Ballot SMC010"), "Tally");
	scr_keys(sock, "Q");
	/* The terminal is given back (the alternate screen left): once
	 * gavel has exited, the pane shows the shell's lines, not gavel's.
	 * Waiting for the exit, not for a while, means the check below is
	 * made on the screen after gavel, never on one still being drawn. */
	{
		const char *out = PANE_UNTIL(sock, "gavel-exited-0");

		scr_tmux(sock, "kill-server");
		T_ASSERT(out != NULL);
		T_ASSERT(!strstr(out, "Ballot SMC010"));
	}
	r = t_gavel(t_env(now, "chair"), "ballot", "tally", "SMC010",
	            "--format", "json", NULL);
	T_CONTAINS(r->out, "\"abstain\": 1");
}

/* A signal ends gavel with the terminal given back. */
static void
tmux_signal_restores(void)
{
	const char *now = "2024-12-18 17:00";
	char sock[64], cmd[256];
	const char *out;

	T_ASSERT(t_gavel(t_env(now, "chair"), "init", "--demo", NULL)->status ==
	         0);
	if (tmux_start(sock, sizeof(sock), "signal", now, "chair") < 0)
		return;
	T_CONTAINS(PANE_STILL(sock, "Open clocks"), "Dashboard");
	snprintf(cmd, sizeof(cmd),
	         "pkill -TERM -P $(tmux -L %s list-panes -t t -F "
	         "'#{pane_pid}')",
	         sock);
	T_EQ_INT(system(cmd), 0);
	/* 128 + 15: killed by the signal, after putting the screen back. */
	out = PANE_UNTIL(sock, "gavel-exited-143");
	scr_tmux(sock, "kill-server");
	T_CONTAINS(out, "gavel-exited-143");
	T_ASSERT(!strstr(out, "Open clocks"));
}

#define CHAIR     "Stephen Davidson"
#define SECRETARY "Iñigo Barreira"
#define CARILLON  "Carillon Information Security Inc."

/* Issue 17, item 5: with no remote the dashboard says how to share; a
 * remote added through `:` and `S` sync from the screen, which sums the
 * sync up and shows it on the dashboard at once. */
static void
tmux_sync_key(void)
{
	const char *out, *unsent;
	char sock[64], cmd[4400], want[64], typed[400];
	int n;

	if (sf_bare("group.git") < 0 || sf_ok("g.db", "init", "--demo", NULL) ||
	    sf_ok("g.db", "config", "user", CHAIR, NULL))
		return;
	/* What the sync will send: every operation of the demo. */
	out = sf_run("g.db", "sync", "--status", "--format", "json", NULL)->out;
	T_ASSERT((unsent = strstr(out, "\"unsent\": ")) != NULL);
	T_ASSERT((n = atoi(unsent + 10)) > 1);
	if (tmux_start(sock, sizeof(sock), "sync", sf_now, "") < 0)
		return;
	/* Each wait is for the last of what it checks to be drawn (curses
	 * writes the screen top to bottom, the status line last). */
	T_CONTAINS(PANE_STILL(sock, "  not shared: gavel remote add NAME URL"),
	           "Sync with the group");
	T_CONTAINS(PANE_STILL(sock, "? help"), "S sync  C conflicts");
	scr_keys(sock, ":");
	snprintf(typed, sizeof(typed), "'remote add group %.300s' Enter",
	         t_path("group.git"));
	scr_keys(sock, typed);
	snprintf(want, sizeof(want), "in 0  out 0  not sent %d  ", n);
	T_CONTAINS(PANE_STILL(sock, "never synced (S syncs)"), want);
	scr_keys(sock, "S");
	snprintf(want, sizeof(want), "sent %d operations, received 0", n);
	out = PANE_STILL(sock, want);
	T_CONTAINS(out, "  synced just now (2025-01-20 12:00 UTC)");
	snprintf(want, sizeof(want), "out %d  not sent 0  conflicts 0", n);
	T_CONTAINS(out, want);
	T_ASSERT(scr_quit(sock) == 0);
	/* The chain is in the group's repository. */
	snprintf(cmd, sizeof(cmd),
	         "git --git-dir='%s' for-each-ref refs/gavel/SMCWG",
	         t_path("group.git"));
	T_CONTAINS(t_shell_output(cmd),
	           "commit\trefs/gavel/SMCWG/stephen-davidson");
}

/* A copy that does not know its user, in a body with roles: the sync
 * from the screen keeps back what it recorded, and the status line says
 * why in short (the conflicts view, C, has the note in full). */
static void
tmux_sync_held(void)
{
	const char *out;
	char sock[64], typed[400];

	if (sf_bare("group.git") < 0 || sf_ok("g.db", "init", "--demo", NULL) ||
	    sf_ok("g.db", "body", "role", "SMCWG", CHAIR, "chair", NULL))
		return;
	if (tmux_start(sock, sizeof(sock), "held", sf_now, "visitor") < 0)
		return;
	T_CONTAINS(PANE_STILL(sock, "? help"), "S sync  C conflicts");
	scr_keys(sock, ":");
	snprintf(typed, sizeof(typed), "'remote add group %.300s' Enter",
	         t_path("group.git"));
	scr_keys(sock, typed);
	PANE_STILL(sock, "never synced (S syncs)");
	scr_keys(sock, "S");
	out = PANE_STILL(sock, "held: no user set; C shows the notes");
	T_CONTAINS(out, "sent 0 operations, received 0; ");
	T_CONTAINS(out, " kept here until you choose who you are: gavel "
	                "config user PERSON");
	scr_keys(sock, "C");
	T_CONTAINS(PANE_STILL(sock, "then sync again"),
	           "not sent: recorded as \"");
	T_ASSERT(scr_quit(sock) == 0);
	snprintf(typed, sizeof(typed), "git --git-dir='%.300s' for-each-ref",
	         t_path("group.git"));
	T_EQ_STR(t_shell_output(typed), "");
}

/* Issue 17, item 3: one organisation's vote recorded as no on one copy
 * and yes on another; synced from the screen, the log's order keeps the
 * first, and the conflicts view shows the other with why, and the note
 * the sync made. */
static void
tmux_sync_conflict(void)
{
	const char *out;
	char sock[64];

	if (sf_bare("group.git") < 0 || sf_ok("g.db", "init", "--demo", NULL) ||
	    sf_ok("g.db", "config", "user", CHAIR, NULL) ||
	    sf_ok("g.db", "remote", "add", "origin", t_path("group.git"),
	          NULL) ||
	    sf_ok("g.db", "sync", NULL) ||
	    sf_join("s.db", "group.git", SECRETARY) < 0 ||
	    sf_ok("s.db", "ballot", "vote", "SMC010", CARILLON, "no", "--at",
	          "2024-11-18 13:00", NULL) ||
	    sf_ok("s.db", "sync", NULL) ||
	    sf_ok("g.db", "ballot", "vote", "SMC010", CARILLON, "yes", "--at",
	          "2024-11-18 13:05", NULL))
		return;
	/* Two hours after the last sync, with the vote not sent yet. */
	if (tmux_start(sock, sizeof(sock), "conflict", "2025-01-20 14:00", "") <
	    0)
		return;
	T_CONTAINS(PANE_STILL(sock, "synced 2 h 0 min ago (2025-01-20 12:00 "
	                            "UTC)"),
	           "not sent 1  conflicts 0");
	scr_keys(sock, "S");
	T_CONTAINS(PANE_STILL(sock, "sent 1 operation, received 1 (1 applied, "
	                            "0 in conflict); C shows the notes"),
	           "conflicts 1 (C lists them)");
	scr_keys(sock, "C");
	out = PANE_STILL(sock, "Each is kept in the log. Settle one");
	T_CONTAINS(out, "Sync: 1 operation kept but not applied");
	T_CONTAINS(out, "  sent 1 operation, received 1 (1 applied, 0 in "
	                "conflict)\n");
	T_CONTAINS(out, "    1 operation recorded before is no longer "
	                "applied");
	T_CONTAINS(out, " conflict ballot.vote by Stephen Davidson in SMCWG at "
	                "2024-11-18 13:05 UTC (from local)");
	T_CONTAINS(out, "      " CARILLON "'s vote on SMC010 was recorded as "
	                "no by another member");
	scr_keys(sock, "q");
	T_CONTAINS(PANE_STILL(sock, "Open clocks"), "conflicts 1");
	T_ASSERT(scr_quit(sock) == 0);
	T_CONTAINS(sf_run("g.db", "sync", "--conflicts", NULL)->out,
	           "was recorded as no by another member");
}

/* What a remote or the log says reaches the screen made safe: a C1 CSI
 * in a remote's URL quoted by its error (status line, dashboard, the
 * sync's notes), an escape and a line break in a conflict's reason
 * (written as an older gavel or a hand edit could). */
static void
sync_text_is_made_safe(void)
{
	const char *now = "2024-11-18 12:00";
	const char *script = t_write_file(
	        "s.txt", "sync\n:save-display dash.txt\nview-conflicts\n"
	                 ":save-display conflicts.txt\nquit\n");
	char url[4200], sql[4400];

	T_ASSERT(t_gavel(t_env(now, "chair"), "init", "--demo", NULL)->status ==
	         0);
	snprintf(url, sizeof(url),
	         "%s/gone\xc2\x9b"
	         "31m",
	         t_tmpdir());
	T_EQ_INT(t_gavel(t_env(now, "chair"), "remote", "add", "far", url, NULL)
	                 ->status,
	         0);
	t_rebuild_skip();
	snprintf(sql, sizeof(sql),
	         "sqlite3 '%s' \"UPDATE op SET status = 'conflict', reason = "
	         "'first' || char(27) || '[2J' || char(10) || '  second' "
	         "WHERE seq = (SELECT max(seq) FROM op)\"",
	         t_path("g.db"));
	T_ASSERT(t_shell_output(sql) != NULL);
	T_EQ_INT(t_gavel(scr_headless(now, "chair", script, "100x30"), NULL)
	                 ->status,
	         0);
	T_ASSERT(!strstr(screen("dash.txt"), "\xc2\x9b"));
	T_CONTAINS(screen("dash.txt"), "  ! far: last sync failed: cannot "
	                               "reach ");
	T_CONTAINS(screen("dash.txt"), "\nsync failed: cannot reach ");
	T_CONTAINS(screen("dash.txt"), "/gone\xef\xbf\xbd"
	                               "31m: ");
	T_ASSERT(!strstr(screen("conflicts.txt"), "\xc2\x9b"));
	T_ASSERT(!strchr(screen("conflicts.txt"), '\033'));
	T_CONTAINS(screen("conflicts.txt"), "    far: cannot reach ");
	T_CONTAINS(screen("conflicts.txt"), "      first^[[2J^J  second\n");
}

const struct t_case tui_tests[] = {
        {"roll_call_uses_the_days_organisation",
         roll_call_uses_the_days_organisation},
        {"every_view_on_the_demo", every_view_on_the_demo},
        {"command_line_changes_the_store", command_line_changes_the_store},
        {"terminals_and_widths", terminals_and_widths},
        {"local_time_at_80_columns", local_time_at_80_columns},
        {"redline_of_any_range", redline_of_any_range},
        {"notes_inline_and_roll_call", notes_inline_and_roll_call},
        {"tmux_walk", tmux_walk},
        {"tmux_signal_restores", tmux_signal_restores},
        {"tmux_sync_key", tmux_sync_key},
        {"tmux_sync_held", tmux_sync_held},
        {"tmux_sync_conflict", tmux_sync_conflict},
        {"sync_text_is_made_safe", sync_text_is_made_safe},
        {NULL, NULL},
};
