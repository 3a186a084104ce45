/* SPDX-License-Identifier: MIT */
/*
 * This file is the sync benchmark's driver.
 *
 *   sync-bench make DB REMOTE N PER   a working group's log of N
 *                                     operations in a new DB, written
 *                                     through the API in one process,
 *                                     each member's PER operations in a
 *                                     commit of their chain (0: one
 *                                     commit per chain, at the end),
 *                                     then synced with REMOTE (a bare
 *                                     repository)
 *   sync-bench time CMD [ARG...]      runs CMD (its output to /dev/null)
 *                                     and prints its CPU time (user +
 *                                     system, in s, the processes it
 *                                     waited for included) and its peak
 *                                     memory (KB)
 *
 * The group: one body with 24 organisations, a representative each, a
 * chair, a secretary and six members with roles. Members add issues and
 * notes on them (labels, closes); the chair records ballots from their
 * proposal to their close with the votes of every voting member; the
 * secretary records meetings, their roll calls and notes. Each session
 * is one person's PER operations, put in their chain as sync does before
 * the next person's, so PER=1 gives a commit per operation and PER=10 a
 * commit per ten; the chains are pushed once, at the end. Text
 * comes from a fixed vocabulary and a fixed seed: every run writes the
 * same log.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../core/sync.h"
#include "gavel/gavel.h"

#define ORGS      24
#define ISSUERS   16 /* the first 16 issue certificates; 6 consumers follow */
#define VOTERS    22
#define MEMBERS   6
#define HOUR      3600
#define DAY       (24 * HOUR)
#define BODY      "WG"
#define CHAIR     "Chair 0"
#define SECRETARY "Secretary 1"

static const char *const words[] = {
        "the",        "CA",         "SHALL",    "verify",     "mailbox",
        "address",    "before",     "issuing",  "subscriber", "record",
        "method",     "validation", "within",   "days",       "evidence",
        "identifier", "legal",      "entity",   "profile",    "key",
        "usage",      "OCSP",       "CRL",      "revocation", "audit",
        "ballot",     "redline",    "section",  "RFC",        "5280",
        "S/MIME",     "policy",     "incident", "sponsor",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

static unsigned seed = 20250106u;

static unsigned
next(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

/* n words or so, as one line (owned). */
static char *
sentence(unsigned min, unsigned spread)
{
	unsigned i, n = min + next(spread);
	size_t len = 0;
	char *s = malloc(n * 12 + 1);

	if (!s)
		abort();
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(s + len, "%s%s", i ? " " : "",
		                       words[next(next(NWORDS) + 1)]);
	s[len] = '\0';
	return s;
}

struct group {
	struct gv_db *db;
	int64_t clock;
	long ops;    /* written so far */
	int per;     /* operations per commit; 0: one at the end */
	int session; /* operations since the last commit */
	struct gv__chain_repo *repo;
	/* the chair's ballot and its next act (0: a new ballot) */
	char ballot[16];
	int64_t ballot_start;
	int proposer; /* an issuer's index */
	int step;
	/* the secretary's meeting and its next step */
	int64_t meeting;
	int mstep;
	int64_t issues; /* the highest issue number */
};

static void
check(int rc, const char *what)
{
	if (rc < 0) {
		fprintf(stderr, "sync-bench: %s: %s\n", what,
		        gv_error_last()->message);
		exit(1);
	}
}

/* A person's session ends: what they wrote goes into their chain as one
 * commit (what gv_sync does first; the push waits for the end, so a log
 * of 10,000 commits does not cost 10,000 pushes to build). */
static void
session_end(struct group *g)
{
	struct gv_sync_report r = {0};
	struct gv__sync s = {0};
	char *path = gv__sync_repo_path(g->db);

	s.db = g->db;
	s.report = &r;
	s.me = gv_db_actor(g->db);
	if (!g->repo)
		check(gv__chain_open(&g->repo, path), path);
	s.repo = g->repo;
	check(gv__sync_pack(&s), "pack");
	gv_sync_report_dispose(&r);
	free(path);
	g->session = 0;
}

/* One operation written: the clock moves on 20 minutes; after PER of
 * them, the person's session ends. */
static void
done(struct group *g, int rc, const char *what)
{
	check(rc, what);
	g->ops++;
	g->clock += 20 * 60;
	gv_db_set_now(g->db, g->clock);
	if (g->per && ++g->session == g->per)
		session_end(g);
}

static void
org_name(char *buf, size_t n, int i)
{
	snprintf(buf, n, "%s %d", i < ISSUERS ? "Issuer" : "Org", i);
}

/* The body, its organisations, a representative each, the roles. */
static void
setup(struct group *g)
{
	struct gv_body_spec body = {0};
	char org[32], name[32];
	int i;

	gv_db_set_actor(g->db, CHAIR);
	body.code = BODY;
	body.name = "Bench Working Group";
	body.prefix = "BWG";
	done(g, gv_body_add(NULL, g->db, &body), "body add");
	for (i = 0; i < ORGS; i++) {
		org_name(org, sizeof(org), i);
		done(g,
		     gv_org_add(NULL, g->db, org, BODY,
		                i < ISSUERS  ? GV_CLASS_ISSUER
		                : i < VOTERS ? GV_CLASS_CONSUMER
		                             : GV_CLASS_ASSOCIATE,
		                g->clock - 400 * DAY),
		     "org add");
	}
	for (i = 0; i < ORGS; i++) {
		struct gv_person_spec p = {0};
		char email[48];

		org_name(org, sizeof(org), i);
		snprintf(name, sizeof(name), "%s %d",
		         i == 0   ? "Chair"
		         : i == 1 ? "Secretary"
		                  : "Member",
		         i);
		snprintf(email, sizeof(email), "person%d@example.org", i);
		p.name = name;
		p.org = org;
		p.email = email;
		p.rep_body = i < VOTERS ? BODY : NULL;
		done(g, gv_person_add(NULL, g->db, &p), "person add");
	}
	done(g, gv_body_role(g->db, BODY, CHAIR, "chair", -1), "role");
	done(g, gv_body_role(g->db, BODY, SECRETARY, "secretary", -1), "role");
	for (i = 2; i < 2 + MEMBERS; i++) {
		snprintf(name, sizeof(name), "Member %d", i);
		done(g, gv_body_role(g->db, BODY, name, "member", -1), "role");
	}
}

/* A member's next operation: an issue, a note on one, a label, a close
 * or a reopening. */
static void
member_step(struct group *g)
{
	const char *needs = "needs-ballot";
	unsigned what = g->issues < 20 ? 0 : next(100);
	char ref[24], *text = NULL;

	snprintf(ref, sizeof(ref), "%lld",
	         (long long)(g->issues ? 1 + next((unsigned)g->issues) : 0));
	if (what < 35) {
		struct gv_issue_spec s = {0};
		const char *label = next(2) ? "clarification" : "enhancement";
		char *title = sentence(4, 6);

		text = sentence(30, 80);
		s.body = BODY;
		s.title = title;
		s.body_md = text;
		s.created_at = -1;
		s.labels = &label;
		s.nlabels = 1;
		done(g, gv_issue_add(&g->issues, g->db, &s), "issue add");
		free(title);
	} else if (what < 92) {
		struct gv_issue_note_spec n = {0};

		text = sentence(15, 50);
		n.text = text;
		n.at = g->clock;
		done(g, gv_issue_note(NULL, g->db, BODY, ref, &n),
		     "issue note");
	} else if (what < 96 &&
	           gv_issue_label(g->db, BODY, ref, &needs, 1, 0) == 0) {
		/* One labelled already is closed instead. */
		done(g, 0, "issue label");
	} else if (gv_issue_set_state(g->db, BODY, ref, 1, -1) == 0) {
		done(g, 0, "issue close");
	} else {
		done(g, gv_issue_set_state(g->db, BODY, ref, 0, -1),
		     "issue reopen");
	}
	free(text);
}

/* Whether the body held a meeting with a roll call before t. */
static int
held_before(struct group *g, int64_t t)
{
	struct gv_baseline b;

	return gv_meeting_baseline(&b, g->db, BODY, t) == 0;
}

/*
 * The chair's next operation, on the ballot in hand. Its acts are dated
 * back from when the chair records them, as a chair catching up does:
 * the proposal, two endorsements by other issuers, a version, the
 * discussion, voting 7 days after the version, 22 votes, the close 7
 * days after voting opened (BYL 2.3), with the quorum of the results
 * notice when no roll call gives one.
 */
static void
chair_step(struct group *g)
{
	int64_t s = g->ballot_start;
	char org[32];
	int rc;

	if (g->step == 0) {
		struct gv_ballot_spec b = {0};
		char *title = sentence(4, 5);
		int64_t number = 0;

		g->ballot_start = g->clock - 16 * DAY;
		g->proposer = (int)next(ISSUERS);
		org_name(org, sizeof(org), g->proposer);
		b.body = BODY;
		b.title = title;
		b.kind = next(3) ? "fg" : "fmg";
		b.proposer = org;
		rc = gv_ballot_new(NULL, &number, g->db, &b, g->ballot_start);
		snprintf(g->ballot, sizeof(g->ballot), "BWG%03lld",
		         (long long)number);
		free(title);
	} else if (g->step <= 2) {
		org_name(org, sizeof(org), (g->proposer + g->step) % ISSUERS);
		rc = gv_ballot_endorse(g->db, g->ballot, org,
		                       s + g->step * HOUR);
	} else if (g->step == 3) {
		char *text = sentence(200, 200);

		rc = gv_ballot_version(g->db, g->ballot, text, NULL, 0,
		                       s + 3 * HOUR);
		free(text);
	} else if (g->step == 4) {
		rc = gv_ballot_discuss(g->db, g->ballot, s + 4 * HOUR, -1);
	} else if (g->step == 5) {
		rc = gv_ballot_open_vote(g->db, g->ballot,
		                         s + 7 * DAY + 4 * HOUR);
	} else if (g->step < 6 + VOTERS) {
		int i = g->step - 6;
		char source[64];

		org_name(org, sizeof(org), i);
		snprintf(source, sizeof(source), "<vote-%s-%d@example.org>",
		         g->ballot, i);
		rc = gv_ballot_vote(NULL, g->db, g->ballot, org,
		                    next(8) ? GV_VOTE_YES : GV_VOTE_ABSTAIN,
		                    s + 7 * DAY + (5 + i) * HOUR, source);
	} else if (g->step == 6 + VOTERS && !held_before(g, s + 7 * DAY)) {
		/* The first ballots: no roll call yet to take a quorum
		 * from (BYL 2.3(7)), so the results notice's is entered. */
		rc = gv_ballot_set_quorum(g->db, g->ballot, 8,
		                          "the results notice");
	} else {
		rc = gv_ballot_close(g->db, g->ballot, s + 14 * DAY + 6 * HOUR);
		g->step = -1;
	}
	g->step++;
	done(g, rc, "ballot step");
}

/* The secretary's next operation: a meeting held two hours ago, its roll
 * call, a note under Discussion, the draft minutes sent round. */
static void
secretary_step(struct group *g)
{
	struct gv_meeting_spec m = {0};
	struct gv_roll_call roll = {0};
	char names[14][64], org[32], *text;
	const char *list[14];
	int i, rc;

	switch (g->mstep) {
	case 0:
		m.body = BODY;
		m.starts_at = g->clock - 2 * HOUR;
		done(g, gv_meeting_add(&g->meeting, g->db, &m), "meeting add");
		break;
	case 1:
		for (i = 0; i < 14; i++) {
			int who = i < 2 ? i : 2 + (int)next(ORGS - 2);

			org_name(org, sizeof(org), who);
			snprintf(names[i], sizeof(names[i]), "%s %d (%s)",
			         who == 0   ? "Chair"
			         : who == 1 ? "Secretary"
			                    : "Member",
			         who, org);
			list[i] = names[i];
		}
		rc = gv_meeting_attend(&roll, g->db, g->meeting, list, 14, 0);
		gv_roll_call_dispose(&roll);
		done(g, rc, "meeting attend");
		break;
	case 2:
		text = sentence(40, 80);
		done(g, gv_meeting_note(g->db, g->meeting, "discussion", text),
		     "meeting note");
		free(text);
		break;
	default:
		done(g, gv_minutes_drafted(g->db, g->meeting, g->clock),
		     "minutes drafted");
	}
	g->mstep = (g->mstep + 1) % 4;
}

/* Sessions of one person each until want operations are written. */
static int
make(const char *path, const char *remote, long want, int per)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_sync_report r;
	struct group g = {0};
	char member[32];
	int k;

	check(gv_db_open(&g.db, path, &opts), path);
	check(gv_time_parse(&g.clock, "2024-01-08 09:00"), "time");
	gv_db_set_now(g.db, g.clock);
	g.per = per;
	check(gv_remote_add(g.db, "origin", remote), "remote add");
	setup(&g);
	if (g.session)
		session_end(&g);
	while (g.ops < want) {
		unsigned who = next(100);

		if (who < 70) {
			snprintf(member, sizeof(member), "Member %u",
			         2 + next(MEMBERS));
			gv_db_set_actor(g.db, member);
		} else {
			gv_db_set_actor(g.db, who < 88 ? CHAIR : SECRETARY);
		}
		for (k = 0; k < (per ? per : 10) && g.ops < want; k++) {
			if (who < 70)
				member_step(&g);
			else if (who < 88)
				chair_step(&g);
			else
				secretary_step(&g);
		}
	}
	if (g.session)
		session_end(&g);
	check(gv_sync(&r, g.db, "origin"), "sync");
	gv_sync_report_dispose(&r);
	gv__chain_free(g.repo);
	gv_db_free(g.db);
	return 0;
}

/* Runs argv and prints its CPU time and peak memory, as wait4 counts
 * them (the processes it waited for included: git's upload-pack). */
static int
timed(char **argv)
{
	struct rusage ru;
	pid_t pid;
	int status;

	fflush(stdout);
	if ((pid = fork()) < 0)
		return 1;
	if (pid == 0) {
		/* What it prints is not measured. */
		if (!freopen("/dev/null", "w", stdout))
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid)
		return 1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "sync-bench: %s failed\n", argv[0]);
		return 1;
	}
	printf("%.6f %ld\n",
	       (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
	               (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) /
	                       1e6,
	       ru.ru_maxrss);
	return 0;
}

int
main(int argc, char **argv)
{
	int rc;

	if (argc == 6 && !strcmp(argv[1], "make")) {
		if (gv_global_init() < 0)
			return 1;
		rc = make(argv[2], argv[3], atol(argv[4]), atoi(argv[5]));
		gv_global_shutdown();
		return rc;
	}
	if (argc >= 3 && !strcmp(argv[1], "time"))
		return timed(argv + 2);
	fprintf(stderr, "usage: sync-bench make DB REMOTE N PER\n"
	                "       sync-bench time CMD [ARG...]\n");
	return 2;
}
