/* SPDX-License-Identifier: MIT */
/*
 * This file tests the progress line of long work (issue 20, item 16):
 * an issue import, minutes of several files, a sync and a redline show
 * it when stderr is a terminal (run under script(1), which gives gavel a
 * pseudo-terminal), at most ten times a second, and erase it when done;
 * in a pipe nothing of it appears.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "sync_fixture.h"

#define NOW "2024-12-18 17:00"

static const char *const *
env(void)
{
	return t_env(NOW, "chair");
}

/* What the terminal showed while gavel ran with args (a shell-quoted
 * string) on t_path("g.db"), or NULL; *seconds how long it took. */
static char *
on_a_terminal(const char *args, double *seconds)
{
	struct timespec t0, t1;
	char cmd[8192], *out;

	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && GAVEL_DB=g.db GAVEL_NOW='" NOW "' "
	         "GAVEL_USER=chair script -qec '%s %s' /dev/null",
	         t_tmpdir(), getenv("GAVEL_BIN"), args);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	out = t_shell_output(cmd);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*seconds = (double)(t1.tv_sec - t0.tv_sec) +
	           (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	return out;
}

/* How many times the line "gavel: WHAT: ..." was drawn in out. */
static int
draws(const char *out, const char *what)
{
	char head[128];
	const char *p = out;
	int n = 0;

	snprintf(head, sizeof(head), "\rgavel: %s: ", what);
	while ((p = strstr(p, head))) {
		n++;
		p += strlen(head);
	}
	return n;
}

/*
 * Whether the last line drawn for what was erased (carriage return,
 * blanks at least as long as the line, carriage return) before anything
 * else was written.
 */
static int
erased(const char *out, const char *what)
{
	char head[128];
	const char *p = out, *last = NULL, *end;
	size_t len, blanks;

	snprintf(head, sizeof(head), "\rgavel: %s: ", what);
	while ((p = strstr(p, head)))
		last = p++;
	if (!last)
		return 0;
	end = strchr(last + 1, '\r');
	if (!end)
		return 0;
	len = (size_t)(end - last - 1);
	/* Trailing blanks of a shorter line drawn over a longer one. */
	while (len && last[len] == ' ')
		len--;
	blanks = strspn(end + 1, " ");
	return blanks >= len && end[1 + blanks] == '\r';
}

static void
issue_import(void)
{
	struct t_run *r;
	double seconds;
	char *out;
	int n;

	T_EQ_INT(t_gavel(env(), "init", "--demo", NULL)->status, 0);
	T_ASSERT(t_gh_issues("big.json", 3000, "Item"));
	r = t_gavel(env(), "issue", "import", t_path("big.json"), "--body",
	            "SMCWG", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->err, "");
	/* Again on a terminal: the same 3,000 issues are read through. */
	out = on_a_terminal("issue import big.json --body SMCWG", &seconds);
	T_ASSERT(out);
	n = draws(out, "importing issues");
	T_ASSERT(n >= 1);
	/* Throttled: one draw at once, then at most ten a second. */
	if (n > 2 + (int)(seconds * 10))
		t_fail(__FILE__, __LINE__, "%d draws in %.2f s", n, seconds);
	T_CONTAINS(out, "\rgavel: importing issues: 1 of 3000 (0%)");
	T_ASSERT(erased(out, "importing issues"));
	T_CONTAINS(out, "3000 issues: 0 new, 0 updated, 3000 unchanged");
}

static const char minutes_post[] =
        "---\ntitle: \"%s Minutes of the S/MIME Certificate Working "
        "Group\"\ndate: %s 00:00:00\ntags: [Minutes, S/MIME]\ntype: "
        "post\n---\n## Attendees\n\nStephen Davidson (DigiCert), Ben "
        "Wilson (Mozilla)\n\n## 1. Roll Call\n\nThe chair took the roll "
        "call.\n";

static void
minutes_import(void)
{
	static const char *const days[] = {"2025-01-15", "2025-01-29",
	                                   "2025-02-12"};
	char name[64], text[1024];
	struct t_run *r;
	double seconds;
	char *out;
	size_t i;

	T_EQ_INT(t_gavel(env(), "init", "--demo", NULL)->status, 0);
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "%s-minutes.md", days[i]);
		snprintf(text, sizeof(text), minutes_post, days[i], days[i]);
		T_ASSERT(t_write_file(name, text));
	}
	r = t_gavel(env(), "minutes", "import", t_path("2025-01-15-minutes.md"),
	            t_path("2025-01-29-minutes.md"), NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->err, "");
	out = on_a_terminal("minutes import 2025-01-15-minutes.md "
	                    "2025-01-29-minutes.md 2025-02-12-minutes.md",
	                    &seconds);
	T_ASSERT(out);
	T_CONTAINS(out, "\rgavel: importing minutes: 0 of 3 (0%)");
	T_ASSERT(erased(out, "importing minutes"));
	T_CONTAINS(out, "3 of 3 files imported");
}

static void
sync(void)
{
	struct t_run *r;
	double seconds;
	char *out, url[4200];

	T_ASSERT(sf_bare("group.git") == 0);
	SF("a.db", "init", "--demo");
	SF("a.db", "remote", "add", "origin", t_path("group.git"));
	r = sf_run("a.db", "sync", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->err, "");
	/* A new copy receives the demo's operations on a terminal. */
	T_EQ_INT(t_gavel(env(), "init", NULL)->status, 0);
	snprintf(url, sizeof(url), "remote add origin %s", t_path("group.git"));
	T_ASSERT(on_a_terminal(url, &seconds));
	out = on_a_terminal("sync", &seconds);
	T_ASSERT(out);
	/* The first phase is drawn at once; the operations are applied in
	 * less than the tenth of a second the line waits for. */
	T_CONTAINS(out, "\rgavel: receiving objects: 0 of ");
	T_ASSERT(erased(out, "receiving objects"));
	T_ASSERT(!draws(out, "applying operations") ||
	         erased(out, "applying operations"));
	T_CONTAINS(out, "received ");
}

static void
redline(void)
{
	struct t_run *r;
	double seconds;
	char *out;

	T_EQ_INT(t_gavel(env(), "init", "--demo", NULL)->status, 0);
	r = t_gavel(env(), "redline", "--ballot", "SMC010", NULL);
	T_EQ_INT(r->status, 0);
	T_ASSERT(r->out[0]);
	T_EQ_STR(r->err, "");
	out = on_a_terminal("redline --ballot SMC010 --format plain", &seconds);
	T_ASSERT(out);
	T_CONTAINS(out, "\rgavel: comparing words: 0 of ");
	T_ASSERT(erased(out, "comparing words"));
	T_CONTAINS(out, "{+");
}

const struct t_case progress_tests[] = {
        {"issue_import", issue_import},
        {"minutes_import", minutes_import},
        {"sync", sync},
        {"redline", redline},
        {NULL, NULL},
};
