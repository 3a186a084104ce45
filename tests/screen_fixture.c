/* SPDX-License-Identifier: MIT */
/*
 * This file implements what the screen's tests share (screen_fixture.h):
 * a working group built by gavel's own commands, and gavel in tmux.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "screen_fixture.h"

/* One gavel command on the fixture's database, at SCR_NOW as SCR_USER;
 * the arguments after `unused` end with NULL. 0 when it exited 0. */
static int
g(int unused, ...)
{
	struct t_run *r;
	va_list ap;

	va_start(ap, unused);
	r = t_gavel_v(t_env(SCR_NOW, SCR_USER), ap);
	va_end(ap);
	if (r->status != 0)
		t_fail(__FILE__, __LINE__, "fixture: %s", r->err);
	return r->status == 0 ? 0 : -1;
}

#define G(...) g(0, __VA_ARGS__, NULL)

/* The guideline at two commits, each with a fixed author, committer and
 * date, so their ids are the same on every machine. */
static const char guideline_107[] =
        "# 1 Introduction\n\n"
        "These Requirements govern S/MIME certificates issued by a "
        "Certification Authority.\n\n"
        "## 1.2 Revisions\n\n"
        "| Version | Ballot | Date |\n"
        "|---------|--------|------|\n"
        "| 1.0.7   | SMC011 | November 22, 2024 |\n\n"
        "# 3 Identification and Authentication\n\n"
        "## 3.2.2 Validation of mailbox authorization\n\n"
        "The CA SHALL verify that the Applicant controls each Mailbox "
        "Address.\n\n"
        "The CA MAY reuse a validation for 398 days.\n\n"
        "Validation by telephone is permitted.\n";

static const char guideline_smc013[] =
        "# 1 Introduction\n\n"
        "These Requirements govern S/MIME certificates issued by a "
        "Certification Authority.\n\n"
        "## 1.2 Revisions\n\n"
        "| Version | Ballot | Date |\n"
        "|---------|--------|------|\n"
        "| 1.0.7   | SMC011 | November 22, 2024 |\n"
        "| 1.0.8   | SMC013 | (draft) |\n\n"
        "# 3 Identification and Authentication\n\n"
        "## 3.2.2 Validation of mailbox authorization\n\n"
        "The CA SHALL verify that the Applicant controls each Mailbox "
        "Address, before issuance.\n\n"
        "The CA MAY reuse a validation for 100 days.\n\n"
        "# 4 Certificate Life-Cycle\n";

static int
commit(const char *text, const char *date, const char *message, const char *tag)
{
	char cmd[4800];

	if (!t_write_file("guideline/guideline.md", text))
		return -1;
	snprintf(cmd, sizeof(cmd),
	         "cd '%s/guideline' && export GIT_AUTHOR_NAME=Editor "
	         "GIT_AUTHOR_EMAIL=editor@example.org "
	         "GIT_COMMITTER_NAME=Editor "
	         "GIT_COMMITTER_EMAIL=editor@example.org "
	         "GIT_AUTHOR_DATE='%s' GIT_COMMITTER_DATE='%s' "
	         "GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 && "
	         "git add guideline.md && git commit -q -m '%s' && "
	         "git tag %s",
	         t_tmpdir(), date, date, message, tag);
	return t_shell_output(cmd) ? 0 : -1;
}

static int
guideline(void)
{
	char cmd[4400];

	snprintf(cmd, sizeof(cmd),
	         "git -c init.defaultBranch=main init -q '%s/guideline'",
	         t_tmpdir());
	if (!t_shell_output(cmd) ||
	    commit(guideline_107, "2025-01-08T12:00:00Z", "Version 1.0.7",
	           "v1.0.7") < 0 ||
	    commit(guideline_smc013, "2025-01-14T12:00:00Z",
	           "SMC013: shorter reuse, no telephone validation",
	           "smc013") < 0) {
		t_fail(__FILE__, __LINE__, "fixture: git failed");
		return -1;
	}
	return 0;
}

/* The body, its members and their people. */
static int
roster(void)
{
	static const char *const issuers[] = {"DigiCert",   "Sectigo",
	                                      "GlobalSign", "Entrust",
	                                      "SSL.com",    "HARICA"};
	static const char *const consumers[] = {"Google", "Mozilla", "Apple"};
	/* Name, organisation, and whether a voting representative. */
	static const struct {
		const char *name, *org;
		int rep;
	} people[] = {
	        {"Alice Archer", "DigiCert", 1},
	        {"Bram Bakker", "Sectigo", 1},
	        {"Chiara Conti", "GlobalSign", 1},
	        {"Dev Desai", "Entrust", 1},
	        {"Eun-ji Eom", "SSL.com", 0},
	        {"Fotis Frangos", "HARICA", 1},
	        {"Greta Graf", "Google", 1},
	        {"Hugo Hale", "Mozilla", 1},
	        {"Ines Ito", "Apple", 0},
	        {"Jon Jansen", "CPA Canada/WebTrust", 0},
	        {"Kofi Kuma", "Vigil Security", 0},
	};
	size_t i;

	if (G("init") ||
	    G("body", "add", "SMCWG", "--name",
	      "S/MIME Certificate Working Group", "--prefix", "SMC", "--tz",
	      "America/New_York", "--list", "smcwg-public@example.org") ||
	    G("body", "set", "SMCWG", "--cadence",
	      "every 2 weeks on Wednesday at 11:00 from 2024-12-04"))
		return -1;
	for (i = 0; i < sizeof(issuers) / sizeof(issuers[0]); i++)
		if (G("org", "add", issuers[i], "--body", "SMCWG", "--class",
		      "issuer", "--since", "2024-01-01"))
			return -1;
	for (i = 0; i < sizeof(consumers) / sizeof(consumers[0]); i++)
		if (G("org", "add", consumers[i], "--body", "SMCWG", "--class",
		      "consumer", "--since", "2024-01-01"))
			return -1;
	if (G("org", "add", "CPA Canada/WebTrust", "--body", "SMCWG", "--class",
	      "associate", "--since", "2024-01-01") ||
	    G("org", "add", "Vigil Security", "--body", "SMCWG", "--class",
	      "interested", "--since", "2024-01-01"))
		return -1;
	for (i = 0; i < sizeof(people) / sizeof(people[0]); i++)
		if (people[i].rep ? G("person", "add", people[i].name, "--org",
		                      people[i].org, "--rep", "SMCWG")
		                  : G("person", "add", people[i].name, "--org",
		                      people[i].org))
			return -1;
	return 0;
}

/* Five calls: three held, one cancelled, the next one. */
static int
meetings(void)
{
	static const char *const starts[] = {
	        "2024-12-04 11:00", "2024-12-18 11:00", "2025-01-01 11:00",
	        "2025-01-15 11:00", "2025-01-29 11:00"};
	size_t i;

	for (i = 0; i < sizeof(starts) / sizeof(starts[0]); i++)
		if (G("meeting", "add", "SMCWG", starts[i]))
			return -1;
	return G("meeting", "attend", "1", "Alice Archer (DigiCert)",
	         "Bram Bakker (Sectigo)", "Chiara Conti (GlobalSign)",
	         "Fotis Frangos (HARICA)", "Greta Graf (Google)",
	         "Hugo Hale (Mozilla)", "Jon Jansen (CPA Canada/WebTrust)") ||
	       G("meeting", "attend", "2", "Alice Archer (DigiCert)",
	         "Bram Bakker (Sectigo)", "Dev Desai (Entrust)",
	         "Fotis Frangos (HARICA)", "Greta Graf (Google)",
	         "Kofi Kuma (Vigil Security)") ||
	       G("meeting", "cancel", "3", "--reason", "New Year's Day") ||
	       G("meeting", "attend", "4", "Alice Archer (DigiCert)",
	         "Bram Bakker (Sectigo)", "Chiara Conti (GlobalSign)",
	         "Dev Desai (Entrust)", "Eun-ji Eom (SSL.com)",
	         "Hugo Hale (Mozilla)", "Ines Ito (Apple)") ||
	       G("minutes", "draft", "1", "--at", "2024-12-06 12:00") ||
	       G("minutes", "approve", "1", "--at-meeting", "2") ||
	       G("minutes", "draft", "2", "--at", "2024-12-20 12:00") ||
	       G("minutes", "approve", "2", "--at-meeting", "4") ||
	       G("minutes", "draft", "4", "--at", "2025-01-17 12:00");
}

static int
issues(void)
{
	return G("issue", "add", "SMCWG", "--title",
	         "Allow EUID as a registration reference", "--label",
	         "euid,clarification", "--at", "2024-11-02 09:00") ||
	       G("issue", "add", "SMCWG", "--title",
	         "Mailbox validation reuse period", "--label", "validation",
	         "--at", "2024-12-05 10:00") ||
	       G("issue", "add", "SMCWG", "--title",
	         "Retire telephone validation", "--label", "validation", "--at",
	         "2024-12-19 15:00") ||
	       G("issue", "add", "SMCWG", "--title", "Typo in 7.1.2.3", "--at",
	         "2024-10-10 08:00") ||
	       G("issue", "note", "2",
	         "Discussed on the 2025-01-15 call: 100 days.", "--meeting",
	         "4", "--at", "2025-01-15 17:00") ||
	       G("issue", "close", "4", "--at", "2024-10-20 08:00");
}

/* A ballot proposed at `at` by proposer with two endorsers (the second
 * may be NULL), its text at url. */
static int
proposed(const char *number, const char *title, const char *kind,
         const char *proposer, const char *e1, const char *e2, const char *url,
         const char *at)
{
	char seq[8];

	/* SMC011 is the body's ballot 11. */
	snprintf(seq, sizeof(seq), "%d", atoi(number + 3));
	return G("ballot", "new", "SMCWG", "--title", title, "--kind", kind,
	         "--proposer", proposer, "--number", seq, "--at", at) ||
	       G("ballot", "endorse", number, e1, "--at", at) ||
	       (e2 && G("ballot", "endorse", number, e2, "--at", at)) ||
	       (url &&
	        G("ballot", "version", number, "--url", url, "--at", at));
}

static int
ballots(void)
{
	static const char *const smc011_yes[] = {
	        "DigiCert", "Sectigo", "GlobalSign", "Entrust",
	        "HARICA",   "Google",  "Mozilla"};
	size_t i;

	/* SMC011: passed, its IPR review ending tomorrow. */
	if (proposed("SMC011", "Update the audit criteria", "fg", "DigiCert",
	             "Sectigo", "Google",
	             "https://github.com/cabforum/smime/pull/11",
	             "2024-11-01 12:00") ||
	    G("ballot", "discuss", "SMC011", "--at", "2024-11-01 12:00") ||
	    G("ballot", "open-vote", "SMC011", "--at", "2024-11-08 12:00"))
		return -1;
	for (i = 0; i < sizeof(smc011_yes) / sizeof(smc011_yes[0]); i++)
		if (G("ballot", "vote", "SMC011", smc011_yes[i], "yes", "--at",
		      "2024-11-10 12:00"))
			return -1;
	/* Its meetings came before the roll calls were kept: the quorum
	 * as its results notice published it. */
	if (G("ballot", "quorum", "SMC011", "4", "--source",
	      "results notice") ||
	    G("ballot", "close", "SMC011", "--at", "2024-11-19 14:00") ||
	    G("ballot", "review", "SMC011", "--at", "2024-11-22 14:00"))
		return -1;
	/* SMC012: in voting, five votes in. */
	if (proposed("SMC012", "Allow EUID in organizationIdentifier", "fmg",
	             "Sectigo", "DigiCert", "Mozilla",
	             "https://github.com/cabforum/smime/pull/12",
	             "2025-01-06 12:00") ||
	    G("ballot", "discuss", "SMC012", "--at", "2025-01-06 12:00") ||
	    G("ballot", "open-vote", "SMC012", "--at", "2025-01-16 15:00") ||
	    G("ballot", "vote", "SMC012", "Sectigo", "yes", "--at",
	      "2025-01-16 16:00") ||
	    G("ballot", "vote", "SMC012", "DigiCert", "yes", "--at",
	      "2025-01-17 10:00") ||
	    G("ballot", "vote", "SMC012", "GlobalSign", "no", "--at",
	      "2025-01-17 11:00") ||
	    G("ballot", "vote", "SMC012", "Mozilla", "yes", "--at",
	      "2025-01-18 09:00") ||
	    G("ballot", "vote", "SMC012", "Apple", "abstain", "--at",
	      "2025-01-18 10:00"))
		return -1;
	/* SMC013: in discussion, its text the guideline's range, noted. */
	if (proposed("SMC013", "Shorter reuse of mailbox validation", "fmg",
	             "HARICA", "DigiCert", "Google", NULL,
	             "2025-01-14 12:00") ||
	    G("ballot", "version", "SMC013", "--repo", t_path("guideline"),
	      "--base", "v1.0.7", "--head", "smc013", "--at",
	      "2025-01-16 12:00") ||
	    G("ballot", "discuss", "SMC013", "--at", "2025-01-16 12:00") ||
	    G("review", "add", "SMC013", "--path", "guideline.md", "--line",
	      "18", "Say why 100 days", "--author", "Bram Bakker"))
		return -1;
	/* SMC014: a draft with one endorsement. */
	return proposed("SMC014", "Retire telephone validation", "fmg",
	                "Entrust", "HARICA", NULL,
	                "https://github.com/cabforum/smime/pull/14",
	                "2025-01-19 12:00");
}

int
scr_group(void)
{
	return guideline() < 0 || roster() < 0 || meetings() < 0 ||
	                       issues() < 0 || ballots() < 0
	               ? -1
	               : 0;
}

/* ---- tmux ---- */

int
scr_tmux(const char *sock, const char *args)
{
	char cmd[8400];

	snprintf(cmd, sizeof(cmd), "tmux -L %s %s", sock, args);
	return system(cmd);
}

void
scr_pause(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

int
scr_start(char *sock, size_t n, const char *name, int cols, int rows,
          const char *env, const char *args)
{
	const char *bin = getenv("GAVEL_BIN");
	static int started; /* a server of its own each time */
	char start[8192];

	if (system("command -v tmux >/dev/null 2>&1") != 0) {
		t_skip("tmux is not installed");
		return -1;
	}
	if (!bin) {
		t_fail(__FILE__, __LINE__, "no gavel");
		return -1;
	}
	snprintf(sock, n, "gavel-%s-%d-%d", name, (int)getpid(), ++started);
	snprintf(start, sizeof(start),
	         "tmux -L %s -f /dev/null new-session -d -s t -x %d -y %d "
	         "\"cd '%s' && env -u NO_COLOR -u COLORFGBG -u GAVEL_THEME "
	         "-u ESCDELAY TERM=xterm-256color GAVEL_DB='%s' "
	         "GAVEL_NOW='%s' GAVEL_USER='%s' %s '%s' %s; "
	         "echo gavel-exited-\\$?; sleep 30\"",
	         sock, cols, rows, t_tmpdir(), t_path("g.db"), SCR_NOW,
	         SCR_USER, env ? env : "", bin, args ? args : "");
	if (system(start) != 0) {
		t_fail(__FILE__, __LINE__, "tmux did not start");
		return -1;
	}
	return 0;
}

const char *
scr_capture(const char *sock, int escapes)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "tmux -L %s capture-pane -p %s -t t", sock,
	         escapes ? "-e" : "");
	return t_shell_output(cmd);
}

const char *
scr_wait(const char *file, int line, const char *sock, const char *want,
         int still)
{
	const char *out = NULL, *before = NULL;
	int i;

	for (i = 0; i < 50; i++) {
		out = scr_capture(sock, 0);
		if (out && strstr(out, want) &&
		    (!still || (before && !strcmp(before, out))))
			return out;
		before = out && strstr(out, want) ? out : NULL;
		scr_pause(100);
	}
	t_fail(file, line, "waited 5 s for \"%s\"%s; the pane shows:\n%s", want,
	       still ? " and a still screen" : "", out ? out : "(no pane)");
	return NULL;
}

void
scr_keys(const char *sock, const char *k)
{
	char args[4200];

	snprintf(args, sizeof(args), "send-keys -t t -- %s", k);
	scr_tmux(sock, args);
}

int
scr_quit(const char *sock)
{
	const char *out;

	scr_keys(sock, "Q");
	out = PANE_UNTIL(sock, "gavel-exited-0");
	scr_tmux(sock, "kill-server");
	return out ? 0 : -1;
}

const char *const *
scr_headless(const char *now, const char *user, const char *script,
             const char *size)
{
	static char path[4200], dims[32];
	static const char *vars[12];
	const char *const *base = t_env(now, user);
	size_t n = 0;

	while (base[n] && n < 4) {
		vars[n] = base[n];
		n++;
	}
	snprintf(path, sizeof(path), "GV_SCRIPT=%s", script);
	snprintf(dims, sizeof(dims), "GV_SIZE=%s", size);
	vars[n++] = path;
	vars[n++] = "GV_NO_DISPLAY=1";
	vars[n++] = dims;
	vars[n++] = "NO_COLOR=1";
	vars[n++] = "TERM=xterm-256color";
	vars[n] = NULL;
	return vars;
}
