/* SPDX-License-Identifier: MIT */
/*
 * This file compares the screen with its golden screenshots: each view of
 * the fixed working group (tests/screen_fixture.c) at 120x40 and 80x24,
 * captured from tmux as a person sees it, against
 * tests/golden/screens/VIEW-COLSxROWS.txt. `make golden-screens` takes
 * them again (GV_GOLDEN_UPDATE=1): review the difference before
 * committing it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "screen_fixture.h"

#define GOLDEN_DIR "tests/golden/screens"

/* Each view: the keys that open it from the dashboard, and what it shows
 * once drawn (its title). */
static const struct shot {
	const char *name, *keys, *title;
} shots[] = {
        {"dashboard", NULL, "Dashboard, as of"},
        {"timeline", "2", "Timeline: a day per column"},
        {"issues", "3", "Issues (3, open)"},
        {"issue", "3 j Enter", "Issue SMCWG#2"},
        {"ballots", "4", "Ballots (4)"},
        {"ballot", "4 Enter", "Ballot SMC012: voting"},
        {"steps", "4 s", "Act on SMC012: voting"},
        {"steps-discussion", "4 / SMC013 Enter s", "Act on SMC013: discussion"},
        {"redline", "5", "Redline of SMC013 version 1"},
        {"meetings", "6", "Meetings (5)"},
        {"meeting", "6 j Enter", "Meeting 4 of SMCWG: held"},
        {"members", "7", "Members (11 memberships)"},
        {"conflicts", "C", "Sync: 0 operations kept but not applied"},
        {"help", "?", "Help: every key, by view"},
};

/* The golden file of a view at a size, or NULL when it cannot be read
 * (then the test fails saying how to take it). */
static const char *
golden(const char *name, int cols, int rows, char *path, size_t n)
{
	snprintf(path, n, GOLDEN_DIR "/%s-%dx%d.txt", name, cols, rows);
	return t_read_file(path, NULL);
}

/* One view at the pane's size: taken again, or compared. 0 when equal
 * (or written). */
static int
shoot(const char *sock, const struct shot *s, int cols, int rows)
{
	char path[256], cmd[8600];
	const char *got, *want;
	FILE *f;

	scr_keys(sock, "1");
	PANE_STILL(sock, "Dashboard, as of");
	if (s->keys)
		scr_keys(sock, s->keys);
	if (!(got = PANE_STILL(sock, s->title)))
		return -1;
	want = golden(s->name, cols, rows, path, sizeof(path));
	if (getenv("GV_GOLDEN_UPDATE")) {
		if (!(f = fopen(path, "w")) || fputs(got, f) < 0 || fclose(f)) {
			t_fail(__FILE__, __LINE__, "cannot write %s", path);
			return -1;
		}
		return 0;
	}
	if (want && !strcmp(got, want))
		return 0;
	/* What differs, as diff shows it. */
	t_write_file("got.txt", got);
	snprintf(cmd, sizeof(cmd), "diff -u '%s' '%s' || true", path,
	         t_path("got.txt"));
	t_fail(__FILE__, __LINE__,
	       "%s at %dx%d differs from %s (make golden-screens takes it "
	       "again):\n%s",
	       s->name, cols, rows, path,
	       want ? t_shell_output(cmd) : "(no golden file)");
	return -1;
}

/* Every view at one size; 0 when all are as their golden files. */
static int
every_view(const char *sock, int cols, int rows)
{
	char resize[64];
	size_t i;
	int bad = 0;

	snprintf(resize, sizeof(resize), "resize-window -t t -x %d -y %d", cols,
	         rows);
	scr_tmux(sock, resize);
	for (i = 0; i < sizeof(shots) / sizeof(shots[0]); i++)
		bad |= shoot(sock, &shots[i], cols, rows) < 0;
	return bad ? -1 : 0;
}

/* Issue 20, Tests: each view at 120x40 and 80x24, as its golden file. */
static void
every_view_as_its_golden_file(void)
{
	char sock[64];
	int bad;

	if (scr_group() < 0 ||
	    scr_start(sock, sizeof(sock), "golden", 120, 40, NULL, NULL) < 0)
		return;
	PANE_STILL(sock, "Dashboard, as of");
	bad = every_view(sock, 120, 40) < 0;
	bad |= every_view(sock, 80, 24) < 0;
	T_ASSERT(scr_quit(sock) == 0);
	T_ASSERT(!bad);
}

const struct t_case tui_screens_tests[] = {
        {"every_view_as_its_golden_file", every_view_as_its_golden_file},
        {NULL, NULL},
};
