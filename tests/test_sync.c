/* SPDX-License-Identifier: MIT */
/*
 * This file tests a working group sharing one record (issue 17): three
 * members' copies and a bare remote go through a month like December
 * 2024's, each working offline, and whatever order they sync in they end
 * with one digest; concurrent acts that cannot both hold end as kept
 * conflicts with their reasons; a private note never leaves its copy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "chain_fixture.h"
#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"
#include "op.h"
#include "op_kinds.h"
#include "sync_fixture.h"

#define CHAIR     "Stephen Davidson"
#define SECRETARY "Iñigo Barreira"
#define MEMBER    "Ben Wilson"

/* The chair's copy: the demo group, its roles, a new ballot on the
 * draft, shared through remote.git; then the secretary and a member
 * join from the remote. */
static int
group(void)
{
	if (sf_bare("remote.git") < 0 ||
	    sf_ok("c.db", "init", "--demo", NULL) ||
	    sf_ok("c.db", "config", "user", CHAIR, NULL) ||
	    sf_ok("c.db", "body", "role", "SMCWG", CHAIR, "chair", NULL) ||
	    sf_ok("c.db", "body", "role", "SMCWG", SECRETARY, "secretary",
	          NULL) ||
	    sf_ok("c.db", "body", "role", "SMCWG", MEMBER, "member", NULL) ||
	    sf_ok("c.db", "ballot", "new", "SMCWG", "--title",
	          "EUID in OrganizationIdentifier", "--kind", "fmg",
	          "--proposer", "DigiCert", "--at", "2024-12-18 10:00", NULL) ||
	    sf_ok("c.db", "ballot", "endorse", "SMC011", "Sectigo", "--at",
	          "2024-12-18 10:00", NULL) ||
	    sf_ok("c.db", "ballot", "endorse", "SMC011", "Google", "--at",
	          "2024-12-18 10:00", NULL) ||
	    sf_ok("c.db", "ballot", "version", "SMC011", "--repo",
	          t_path("c-guideline"), "--base", "Ballot_SMC010", "--head",
	          "draft-263", "--at", "2024-12-18 11:00", NULL) ||
	    sf_ok("c.db", "remote", "add", "origin", t_path("remote.git"),
	          NULL) ||
	    sf_ok("c.db", "sync", NULL) ||
	    sf_join("s.db", "remote.git", SECRETARY) < 0 ||
	    sf_join("m.db", "remote.git", MEMBER) < 0)
		return -1;
	return 0;
}

/* What each does offline between two syncs, in the month after the
 * 2024-12-18 call. */
static int
offline_month(void)
{
	struct t_run *r;
	char id[32];

	/* The chair runs the ballot and records the votes. */
	if (sf_ok("c.db", "ballot", "discuss", "SMC011", "--at",
	          "2024-12-19 12:00", NULL) ||
	    sf_ok("c.db", "ballot", "open-vote", "SMC011", "--at",
	          "2024-12-26 12:00", NULL) ||
	    sf_ok("c.db", "ballot", "vote", "SMC011", "DigiCert", "yes", "--at",
	          "2024-12-27 09:00", NULL) ||
	    sf_ok("c.db", "ballot", "vote", "SMC011", "Sectigo", "yes", "--at",
	          "2024-12-27 10:00", NULL) ||
	    sf_ok("c.db", "ballot", "vote", "SMC011", "Mozilla", "abstain",
	          "--at", "2024-12-30 10:00", NULL))
		return -1;
	/* The secretary the roll call of the 15 January call, and a call
	 * added and cancelled. */
	if (sf_ok("s.db", "meeting", "attend", "4", "--line",
	          "Stephen Davidson (DigiCert), Ben Wilson (Mozilla), Iñigo "
	          "Barreira (Sectigo)",
	          NULL))
		return -1;
	r = sf_run("s.db", "meeting", "add", "SMCWG", "2025-01-29 11:00", NULL);
	if (r->status != 0) {
		t_fail(__FILE__, __LINE__, "meeting add: %s", r->err);
		return -1;
	}
	snprintf(id, sizeof(id), "%ld", strtol(r->out, NULL, 10));
	if (sf_ok("s.db", "meeting", "cancel", id, "--reason",
	          "moved to the face-to-face", NULL))
		return -1;
	/* The member reviews the redline on a train. */
	if (sf_ok("m.db", "review", "add", "SMC011", "--path", "guideline.md",
	          "--line", "40", "Should EUID come before LEI?", NULL) ||
	    sf_ok("m.db", "review", "add", "SMC011", "--path", "guideline.md",
	          "--line", "42", "--private", "ask Sectigo first", NULL))
		return -1;
	return 0;
}

/* Copies the three replicas and the remote into folder, pointed at the
 * copy of the remote. */
static int
copy_to(const char *folder)
{
	static const char *const dbs[] = {"c.db", "s.db", "m.db"};
	char path[256], remote[256];
	size_t i;

	if (cf_sh("cd '%s' && mkdir '%s' && cp -a c.db c.db.git s.db s.db.git "
	          "m.db m.db.git remote.git '%s'/",
	          t_tmpdir(), folder, folder) != 0) {
		t_fail(__FILE__, __LINE__, "cannot copy the replicas");
		return -1;
	}
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s", folder, dbs[i]);
		snprintf(remote, sizeof(remote), "%s/remote.git", folder);
		if (sf_ok(path, "remote", "remove", "origin", NULL) ||
		    sf_ok(path, "remote", "add", "origin", t_path(remote),
		          NULL))
			return -1;
	}
	return 0;
}

static void
month_in_every_order_one_digest(void)
{
	static const int orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
	                                 {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
	static const char *const dbs[] = {"c.db", "s.db", "m.db"};
	char folder[32], path[64], first[64] = "";
	struct t_run *r;
	size_t o, i;

	if (!cf_need("git") || group() < 0 || offline_month() < 0)
		return;
	for (o = 0; o < 6; o++) {
		snprintf(folder, sizeof(folder), "order%zu", o);
		if (copy_to(folder) < 0)
			return;
		/* a, b, c, a, b: after it each has what all three did. */
		for (i = 0; i < 5; i++) {
			snprintf(path, sizeof(path), "%s/%s", folder,
			         dbs[orders[o][i % 3]]);
			SF(path, "sync");
		}
		for (i = 0; i < 3; i++) {
			snprintf(path, sizeof(path), "%s/%s", folder, dbs[i]);
			if (!*first)
				snprintf(first, sizeof(first), "%s",
				         sf_digest(path));
			T_EQ_STR(sf_digest(path), first);
		}
	}
	T_EQ_INT(strlen(first), 40);
	/* What each did is in every copy: the votes, the roll call, the
	 * cancelled call, the shared note and not the private one. */
	r = sf_run("order0/m.db", "ballot", "tally", "SMC011", NULL);
	T_CONTAINS(r->out, "DigiCert");
	r = sf_run("order0/c.db", "meeting", "list", "--body", "SMCWG", NULL);
	T_CONTAINS(r->out, "2025-01-29 16:00 UTC");
	T_CONTAINS(r->out, "cancelled");
	r = sf_run("order0/c.db", "meeting", "show", "4", NULL);
	T_CONTAINS(r->out, "Ben Wilson");
	r = sf_run("order0/c.db", "review", "list", "SMC011", NULL);
	T_CONTAINS(r->out, "Should EUID come before LEI?");
	T_ASSERT(!strstr(r->out, "ask Sectigo first"));
	r = sf_run("order0/m.db", "review", "list", "SMC011", NULL);
	T_CONTAINS(r->out, "ask Sectigo first");
	/* Nothing of it is in conflict, and a copy rebuilt from its log is
	 * the same copy. */
	r = sf_run("order3/s.db", "sync", "--conflicts", NULL);
	T_CONTAINS(r->out, "no conflicts");
	SF("order3/s.db", "rebuild");
	T_EQ_STR(sf_digest("order3/s.db"), first);
}

/* The chair's and the secretary's copies, in sync, with SMC011 voting. */
static int
two_officers(void)
{
	if (group() < 0 ||
	    sf_ok("c.db", "ballot", "discuss", "SMC011", "--at",
	          "2024-12-19 12:00", NULL) ||
	    sf_ok("c.db", "ballot", "open-vote", "SMC011", "--at",
	          "2024-12-26 12:00", NULL) ||
	    sf_ok("c.db", "sync", NULL) || sf_ok("s.db", "sync", NULL))
		return -1;
	return 0;
}

static void
concurrent_acts_end_as_conflicts(void)
{
	const char *d;
	struct t_run *r;

	if (!cf_need("git") || two_officers() < 0)
		return;
	/* Both close the ballot; both record DigiCert's vote, differently;
	 * both record the roll call of the 15 January call, differently,
	 * and Sectigo's vote the same, from the same mail. */
	SF("c.db", "ballot", "vote", "SMC011", "DigiCert", "yes", "--at",
	   "2024-12-27 09:00");
	SF("s.db", "ballot", "vote", "SMC011", "DigiCert", "no", "--at",
	   "2024-12-27 09:05");
	SF("c.db", "ballot", "vote", "SMC011", "Sectigo", "yes", "--at",
	   "2024-12-27 10:00", "--source", "<msg-1@lists.example.org>");
	SF("s.db", "ballot", "vote", "SMC011", "Sectigo", "yes", "--at",
	   "2024-12-27 10:00", "--source", "<msg-1@lists.example.org>");
	SF("c.db", "meeting", "attend", "4", "--line",
	   "Stephen Davidson (DigiCert)");
	SF("s.db", "meeting", "attend", "4", "--line", "Ben Wilson (Mozilla)");
	/* Each files an issue offline: both are kept, numbered in the
	 * log's order, on both copies. */
	SF("c.db", "issue", "add", "SMCWG", "--title", "filed by the chair");
	SF("s.db", "issue", "add", "SMCWG", "--title",
	   "filed by the "
	   "secretary");
	SF("c.db", "ballot", "close", "SMC011", "--at", "2025-01-02 12:00");
	SF("s.db", "ballot", "close", "SMC011", "--at", "2025-01-02 12:05");
	SF("c.db", "sync");
	SF("s.db", "sync");
	SF("c.db", "sync");
	d = sf_digest("c.db");
	T_EQ_STR(sf_digest("s.db"), d);
	r = sf_run("c.db", "sync", "--conflicts", NULL);
	/* One of each pair applies; the other is kept with its reason. */
	T_CONTAINS(r->out, "conflict ballot.vote by");
	T_CONTAINS(r->out, "DigiCert's vote on SMC011 was recorded as");
	T_ASSERT(strstr(r->out, "no by another member, which the copy that "
	                        "recorded yes had not seen: record the vote "
	                        "DigiCert cast again") ||
	         strstr(r->out, "yes by another member, which the copy that "
	                        "recorded no had not seen: record the vote "
	                        "DigiCert cast again"));
	T_CONTAINS(r->out, "conflict ballot.close by");
	T_CONTAINS(r->out, "conflict meeting.attend by");
	T_CONTAINS(r->out, "another roll call of this meeting was recorded, "
	                   "which the copy that recorded this one had not "
	                   "seen: record the ");
	T_EQ_INT(sf_ops("c.db", "conflict"), 3);
	/* The search index holds what came in (indexed once per sync). */
	T_CONTAINS(
	        sf_run("c.db", "issue", "list", "--search", "secretary", NULL)
	                ->out,
	        "filed by the secretary");
	T_CONTAINS(
	        sf_run("s.db", "issue", "list", "--search", "chair", NULL)->out,
	        "filed by the chair");
	r = sf_run("s.db", "issue", "list", "--format", "json", NULL);
	T_CONTAINS(r->out, "filed by the chair");
	T_CONTAINS(r->out, "filed by the secretary");
	T_EQ_STR(
	        r->out,
	        sf_run("c.db", "issue", "list", "--format", "json", NULL)->out);
	/* The same mail is one vote: the second is "same", not a
	 * conflict. */
	T_EQ_INT(sf_ops("c.db", "same"), 1);
	r = sf_run("s.db", "ballot", "tally", "SMC011", "--format", "json",
	           NULL);
	T_EQ_INT(r->status, 0);
	/* Settled by a new act: the roll call that lost ("Iñigo" sorts
	 * before "Stephen" at one clock) is recorded again, now seeing the
	 * other; both copies agree. */
	SF("c.db", "meeting", "attend", "4", "--line",
	   "Stephen Davidson (DigiCert)");
	SF("c.db", "sync");
	SF("s.db", "sync");
	T_EQ_STR(sf_digest("s.db"), sf_digest("c.db"));
	r = sf_run("c.db", "meeting", "show", "4", NULL);
	T_CONTAINS(r->out, "Ben Wilson");
	T_CONTAINS(r->out, "Stephen Davidson");
}

/* Checks, on db, that the issue of the two numbered a and b titled
 * "filed by the chair" holds the chair's note and is closed, and the
 * other neither. */
static void
chairs_issue_kept_its_record(const char *db, const char *a, const char *b)
{
	const char *ref[] = {a, b};
	struct t_run *r;
	int chair = 0;

	for (size_t i = 0; i < 2; i++) {
		r = sf_run(db, "issue", "show", ref[i], NULL);
		T_EQ_INT(r->status, 0);
		if (strstr(r->out, "filed by the chair")) {
			chair++;
			T_CONTAINS(r->out, "the chair's note");
			T_CONTAINS(r->out, "state: closed");
		} else {
			T_CONTAINS(r->out, "filed by the secretary");
			T_ASSERT(!strstr(r->out, "the chair's note"));
			T_CONTAINS(r->out, "state: open");
		}
	}
	T_EQ_INT(chair, 1);
}

/*
 * An issue filed offline is numbered when its issue.add is applied, so
 * the chair's and the secretary's, filed at once, take 264 and 265 in
 * the log's order, whichever each copy gave its own. What the chair
 * recorded on theirs (a note, the close) follows it, not the number it
 * had on the chair's copy, and so does the agenda item they linked to
 * it; the sync that renumbered one says so. An issue given its number (--number
 * 900) on both is a conflict for one; what was recorded on the one not applied
 * is a conflict too, and never lands on the other's.
 */
static void
renumbered_issue_keeps_what_was_recorded_on_it(void)
{
	struct t_run *r, *c900, *sync_s, *sync_c;
	const char *s900;

	if (!cf_need("git") || two_officers() < 0)
		return;
	r = sf_run("c.db", "issue", "add", "SMCWG", "--title",
	           "filed by the chair", NULL);
	T_EQ_STR(r->out, "264\n");
	SF("c.db", "issue", "note", "SMCWG#264", "the chair's note");
	SF("c.db", "issue", "close", "SMCWG#264");
	SF("c.db", "meeting", "link", "4", "Discussion", "--issue", "264");
	r = sf_run("s.db", "issue", "add", "SMCWG", "--title",
	           "filed by the secretary", NULL);
	T_EQ_STR(r->out, "264\n");
	SF("c.db", "issue", "add", "SMCWG", "--title", "the chair's 900",
	   "--number", "900");
	SF("c.db", "issue", "note", "SMCWG#900", "the chair's note on 900");
	SF("s.db", "issue", "add", "SMCWG", "--title", "the secretary's 900",
	   "--number", "900");
	SF("c.db", "sync");
	sync_s = sf_run("s.db", "sync", NULL);
	sync_c = sf_run("c.db", "sync", NULL);
	T_EQ_INT(sync_s->status, 0);
	T_EQ_INT(sync_c->status, 0);
	T_EQ_STR(sf_digest("s.db"), sf_digest("c.db"));
	/* The copy whose issue took #265 says so as it syncs; the other,
	 * whose issues kept their numbers, says nothing of it. */
	if (strstr(sf_run("c.db", "issue", "show", "SMCWG#264", NULL)->out,
	           "filed by the chair")) {
		T_CONTAINS(sync_s->out, "SMCWG#264 \"filed by the secretary\" "
		                        "is now SMCWG#265: an issue added "
		                        "elsewhere sorts before it");
		T_ASSERT(!strstr(sync_c->out, "is now"));
	} else {
		T_CONTAINS(sync_c->out, "SMCWG#264 \"filed by the chair\" is "
		                        "now SMCWG#265: an issue added "
		                        "elsewhere sorts before it");
		T_ASSERT(!strstr(sync_s->out, "is now"));
	}
	chairs_issue_kept_its_record("c.db", "SMCWG#264", "SMCWG#265");
	chairs_issue_kept_its_record("s.db", "SMCWG#264", "SMCWG#265");
	/* The agenda item the chair linked to theirs is linked to it. */
	r = sf_run("c.db", "issue", "show", "SMCWG#264", NULL);
	T_CONTAINS(sf_run("s.db", "meeting", "show", "4", NULL)->out,
	           strstr(r->out, "filed by the chair") ? "Discussion  [#264]"
	                                                : "Discussion  [#265]");
	/* #900 is one of the two; the chair's note is on it only if it is
	 * the chair's, else kept as a conflict that says why. */
	c900 = sf_run("c.db", "issue", "show", "SMCWG#900", NULL);
	s900 = sf_run("s.db", "issue", "show", "SMCWG#900", NULL)->out;
	T_EQ_STR(s900, c900->out);
	r = sf_run("c.db", "sync", "--conflicts", NULL);
	if (strstr(s900, "the secretary's 900")) {
		T_ASSERT(!strstr(s900, "the chair's note on 900"));
		T_CONTAINS(r->out, "conflict issue.note by Stephen Davidson");
		T_CONTAINS(r->out, "the issue it was recorded on (SMCWG#900 "
		                   "then) is not here");
		T_EQ_INT(sf_ops("c.db", "conflict"), 2);
	} else {
		T_CONTAINS(s900, "the chair's note on 900");
		T_EQ_INT(sf_ops("c.db", "conflict"), 1);
	}
}

/*
 * Two officers propose a ballot at once, each given the next number
 * (SMC012): one proposal is a conflict, and what its officer recorded on
 * it (an endorsement, an issue and an agenda item linked to it) is a
 * conflict too, saying why, where it would have landed on the other
 * officer's ballot.
 */
static void
concurrent_ballots_keep_their_acts(void)
{
	struct t_run *r;
	const char *show;
	int chair;

	if (!cf_need("git") || two_officers() < 0)
		return;
	r = sf_run("c.db", "ballot", "new", "SMCWG", "--title",
	           "proposed by the chair", "--kind", "fmg", "--proposer",
	           "DigiCert", "--at", "2025-01-06 10:00", NULL);
	T_EQ_STR(r->out, "SMC012\n");
	SF("c.db", "ballot", "endorse", "SMC012", "Sectigo", "--at",
	   "2025-01-06 11:00");
	SF("c.db", "issue", "link", "SMCWG#3", "--ballot", "SMC012");
	SF("c.db", "meeting", "link", "4", "Discussion", "--ballot", "SMC012");
	r = sf_run("s.db", "ballot", "new", "SMCWG", "--title",
	           "proposed by the secretary", "--kind", "fmg", "--proposer",
	           "DigiCert", "--at", "2025-01-06 10:00", NULL);
	T_EQ_STR(r->out, "SMC012\n");
	SF("s.db", "ballot", "endorse", "SMC012", "Google", "--at",
	   "2025-01-06 11:00");
	SF("c.db", "sync");
	SF("s.db", "sync");
	SF("c.db", "sync");
	T_EQ_STR(sf_digest("s.db"), sf_digest("c.db"));
	show = sf_run("c.db", "ballot", "show", "SMC012", NULL)->out;
	T_EQ_STR(sf_run("s.db", "ballot", "show", "SMC012", NULL)->out, show);
	chair = strstr(show, "proposed by the chair") != NULL;
	if (chair) {
		T_CONTAINS(show, "endorsers: Sectigo\n");
	} else {
		T_CONTAINS(show, "proposed by the secretary");
		T_CONTAINS(show, "endorsers: Google\n");
	}
	/* The chair's links to their ballot: there only if it is. */
	T_EQ_INT(strstr(sf_run("s.db", "issue", "show", "SMCWG#3", NULL)->out,
	                "linked to Ballot SMC012") != NULL,
	         chair);
	T_EQ_INT(strstr(sf_run("s.db", "meeting", "show", "4", NULL)->out,
	                "Discussion  [SMC012]") != NULL,
	         chair);
	r = sf_run("c.db", "sync", "--conflicts", NULL);
	T_CONTAINS(r->out, "ballot SMC012 already exists");
	T_CONTAINS(r->out, "the ballot it was recorded on (SMC012 then) is "
	                   "not here: the proposal that made it, ");
	T_EQ_INT(sf_ops("c.db", "conflict"), chair ? 2 : 4);
}

/*
 * Each officer adds an item to the 15 January agenda offline (both take
 * position 8 on their copy); the chair notes theirs by its position, and
 * the secretary adds one before "Any other business", moving it. After
 * the sync, the note is on the chair's item wherever it now stands, and
 * the item the secretary put before "Any other business" is before it.
 * Then the same with a second item titled as one before it.
 */
static void
agenda_items_keep_their_notes(void)
{
	const char *show;
	struct t_run *r;

	if (!cf_need("git") || two_officers() < 0)
		return;
	r = sf_run("c.db", "meeting", "item", "4", "the chair's topic", NULL);
	T_EQ_STR(r->out, "8\n");
	SF("c.db", "meeting", "note", "4", "8", "noted by the chair");
	r = sf_run("s.db", "meeting", "item", "4", "the secretary's topic",
	           NULL);
	T_EQ_STR(r->out, "8\n");
	SF("s.db", "meeting", "item", "4", "placed by the secretary",
	   "--before", "6");
	SF("c.db", "sync");
	SF("s.db", "sync");
	SF("c.db", "sync");
	T_EQ_STR(sf_digest("s.db"), sf_digest("c.db"));
	show = sf_run("c.db", "meeting", "show", "4", NULL)->out;
	T_EQ_STR(sf_run("s.db", "meeting", "show", "4", NULL)->out, show);
	T_CONTAINS(show, "the chair's topic\n     noted by the chair\n");
	T_CONTAINS(show, "placed by the secretary\n  7. Any other business");
	T_EQ_INT(sf_ops("c.db", "conflict"), 0);
	/* A second "Discussion" noted by its position stays the second
	 * when the secretary's new item moves both. */
	r = sf_run("c.db", "meeting", "item", "4", "Discussion", NULL);
	T_EQ_STR(r->out, "11\n");
	SF("c.db", "meeting", "note", "4", "11", "the second slot");
	SF("s.db", "meeting", "item", "4", "early", "--before", "5");
	SF("c.db", "sync");
	SF("s.db", "sync");
	SF("c.db", "sync");
	T_EQ_STR(sf_digest("s.db"), sf_digest("c.db"));
	show = sf_run("s.db", "meeting", "show", "4", NULL)->out;
	T_CONTAINS(show, "  6. Discussion\n  7. placed by the secretary\n");
	T_CONTAINS(show, " 12. Discussion\n     the second slot\n");
	T_EQ_INT(sf_ops("c.db", "conflict"), 0);
}

static void
rebuild_restores_tables_changed_around_the_log(void)
{
	struct t_run *r;
	const char *d;

	SF("g.db", "init", "--demo");
	d = t_keep(strdup(sf_digest("g.db")));
	T_EQ_INT(strlen(d), 40);
	r = sf_run("g.db", "rebuild", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, " applied, 0 conflicts");
	T_ASSERT(!strstr(r->out, "did not match"));
	/* A title changed by hand, not through the log. */
	t_rebuild_skip();
	T_EQ_INT(cf_sh("sqlite3 '%s' \"UPDATE issue SET title = 'edited'\"",
	               t_path("g.db")),
	         0);
	T_ASSERT(strcmp(sf_digest("g.db"), d) != 0);
	r = sf_run("g.db", "rebuild", NULL);
	T_CONTAINS(r->out, "the tables did not match the log");
	T_EQ_STR(sf_digest("g.db"), d);
	/* The search index is built again too, once per issue. */
	r = sf_run("g.db", "issue", "list", "--search",
	           "OrganizationIdentifier", NULL);
	T_CONTAINS(r->out, "SMCWG#263");
	T_ASSERT(!strstr(r->out, "edited"));
	/* One body's digest, and the content it hashes. */
	r = sf_run("g.db", "digest", "--body", "smcwg", "--show", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "SMCWG");
	T_EQ_INT(sf_run("g.db", "digest", "--body", "NOPE", NULL)->status, 1);
}

static void
bad_input_is_refused_with_what_to_do(void)
{
	struct t_run *r;

	SF("g.db", "init", "--demo");
	r = sf_run("g.db", "config", "user", "Nobody Known", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no person \"Nobody Known\" in the roster: add "
	                   "them with 'gavel person add");
	r = sf_run("g.db", "sync", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no remote to sync with: add one with 'gavel "
	                   "remote add NAME URL'");
	r = sf_run("g.db", "remote", "add", "bad/name", "/tmp/x", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "cannot name a remote");
	r = sf_run("g.db", "remote", "add", "origin", "ftp://example.org/x",
	           NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "is not a URL gavel syncs with");
	SF("g.db", "remote", "add", "origin", "https://u:secret@example.org/r");
	r = sf_run("g.db", "remote", "add", "origin", "/elsewhere", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "there is a remote \"origin\" already");
	/* A password in a URL is never shown. */
	r = sf_run("g.db", "remote", "list", NULL);
	T_ASSERT(!strstr(r->out, "secret"));
	T_CONTAINS(r->out, "never");
	r = sf_run("g.db", "remote", "remove", "upstream", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no remote \"upstream\"");
	SF("g.db", "remote", "remove", "origin");
	r = sf_run("g.db", "body", "role", "SMCWG", "Ben Wilson", "boss", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "\"boss\" is not a role");
	r = sf_run("g.db", "body", "roles", "SMCWG", NULL);
	T_CONTAINS(r->out, "SMCWG has no roles");
	r = sf_run("g.db", "config", "signing-key", "/no/such/key", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "cannot read the key /no/such/key");
}

/* How many operations of db are by actor. */
static long
ops_by(const char *db, const char *actor)
{
	char cmd[4400], *out;

	snprintf(cmd, sizeof(cmd),
	         "sqlite3 '%s' \"SELECT count(*) FROM op WHERE actor = '%s'\"",
	         t_path(db), actor);
	out = t_shell_output(cmd);
	return out ? strtol(out, NULL, 10) : -1;
}

static void
config_user_takes_what_was_recorded_before(void)
{
	static const char *const as_stephen[] = {"GAVEL_USER=Stephen Davidson",
	                                         NULL};
	struct t_run *r;
	char *env_db, want[4200], home[4200];
	long all;

	if (!cf_need("sqlite3"))
		return;
	SF("g.db", "init", "--demo");
	/* One change recorded as a person of the roster, by name. */
	env_db = t_keep(malloc(4200));
	snprintf(env_db, 4200, "GAVEL_DB=%s", t_path("g.db"));
	{
		const char *env[] = {env_db, as_stephen[0], NULL};

		T_EQ_INT(t_gavel(env, "issue", "add", "SMCWG", "--title",
		                 "by Stephen", NULL)
		                 ->status,
		         0);
	}
	all = sf_ops("g.db", NULL);
	T_EQ_INT(ops_by("g.db", "Stephen Davidson"), 1);
	r = sf_run("g.db", "config", "user", NULL);
	T_CONTAINS(r->out, "not set: operations are recorded as");
	/* What no person of the roster recorded, and was not sent, becomes
	 * the user's; Stephen's stays his. */
	SF("g.db", "config", "user", "ben wilson");
	T_EQ_STR(sf_run("g.db", "config", "user", NULL)->out, "Ben Wilson\n");
	T_EQ_INT(ops_by("g.db", "Stephen Davidson"), 1);
	T_EQ_INT(ops_by("g.db", "Ben Wilson"), all - 1);
	/* Paths given relative are kept absolute. */
	T_ASSERT(t_write_file("key", "not checked here\n") != NULL);
	SF("g.db", "config", "signing-key", "key");
	snprintf(want, sizeof(want), "%s\n", t_path("key"));
	T_EQ_STR(sf_run("g.db", "config", "signing-key", NULL)->out, want);
	SF("g.db", "config", "signing-key", "--unset");
	T_EQ_STR(sf_run("g.db", "config", "signing-key", NULL)->out,
	         "not set\n");
	SF("g.db", "remote", "add", "usb", "stick/record.git");
	T_CONTAINS(sf_run("g.db", "remote", "list", NULL)->out,
	           t_path("stick/record.git"));
	/* A "~" the shell left (it was quoted) is the home folder. */
	snprintf(home, sizeof(home), "HOME=%s", t_tmpdir());
	{
		const char *env[] = {env_db, home, NULL};

		T_EQ_INT(t_gavel(env, "remote", "add", "home", "~/wg.git", NULL)
		                 ->status,
		         0);
		T_EQ_INT(t_gavel(env, "config", "signing-key", "~/key", NULL)
		                 ->status,
		         0);
	}
	T_CONTAINS(sf_run("g.db", "remote", "list", NULL)->out,
	           t_path("wg.git"));
	T_EQ_STR(sf_run("g.db", "config", "signing-key", NULL)->out, want);
}

/* A pin names the folder it was made in, a path on the chair's machine;
 * a member reads the pinned versions from their own clone, named once. */
static void
pinned_versions_read_from_each_copys_clone(void)
{
	struct t_run *r;
	const char *want, *digest;

	if (sf_bare("remote.git") < 0)
		return;
	SF("c.db", "init", "--demo");
	SF("c.db", "issue", "link", "263", "--repo", t_path("c-guideline"),
	   "--base", "Ballot_SMC010", "--head", "draft-263");
	SF("c.db", "remote", "add", "origin", t_path("remote.git"));
	SF("c.db", "sync");
	if (sf_join("m.db", "remote.git", MEMBER) < 0)
		return;
	r = sf_run("c.db", "redline", "--ballot", "SMC010", "--format", "plain",
	           NULL);
	T_EQ_INT(r->status, 0);
	want = t_keep(strdup(r->out));
	T_CONTAINS(want, "+++ b/guideline.md");
	/* The member's machine has its clone elsewhere. */
	T_EQ_INT(cf_sh("mv '%s' '%s'", t_path("c-guideline"),
	               t_path("ben-clone")),
	         0);
	r = sf_run("m.db", "redline", "--ballot", "SMC010", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "was pinned in ");
	T_CONTAINS(r->err, "'gavel config repo SMCWG DIR'");
	T_EQ_INT(sf_run("m.db", "ballot", "verify", "SMC010", NULL)->status, 1);
	/* For one redline, or from now on. */
	r = sf_run("m.db", "redline", "--ballot", "SMC010", "--repo",
	           t_path("ben-clone"), "--format", "plain", NULL);
	T_EQ_STR(r->out, want);
	r = sf_run("m.db", "config", "repo", "SMCWG", "nowhere", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "nowhere is not a git repository");
	T_EQ_INT(sf_run("m.db", "config", "repo", "NOPE", ".", NULL)->status,
	         1);
	T_EQ_INT(sf_run("m.db", "config", "repo", "SMCWG", ".", "--unset", NULL)
	                 ->status,
	         2);
	T_CONTAINS(sf_run("m.db", "config", "repo", "smcwg", NULL)->out,
	           "not set");
	digest = t_keep(strdup(sf_digest("m.db")));
	SF("m.db", "config", "repo", "smcwg", "ben-clone/");
	/* A setting of this copy, not of the record. */
	T_EQ_STR(sf_digest("m.db"), digest);
	T_CONTAINS(sf_run("m.db", "config", "repo", "SMCWG", NULL)->out,
	           t_path("ben-clone"));
	r = sf_run("m.db", "redline", "--ballot", "SMC010", "--format", "plain",
	           NULL);
	T_EQ_STR(r->out, want);
	T_CONTAINS(sf_run("m.db", "issue", "show", "263", NULL)->out,
	           t_path("ben-clone"));
	r = sf_run("m.db", "ballot", "verify", "SMC010", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out,
	           "guideline.md at the pinned head: the text voted on");
	SF("m.db", "review", "add", "SMC010", "--path", "guideline.md",
	   "--line", "3", "Why 1.0.8?");
	T_CONTAINS(sf_run("m.db", "review", "list", "SMC010", NULL)->out,
	           "Why 1.0.8?");
	/* The member's clone is where a new version is pinned from too. */
	SF("m.db", "ballot", "new", "SMCWG", "--title", "EUID", "--kind", "fmg",
	   "--proposer", "DigiCert", "--at", "2024-12-18 10:00");
	SF("m.db", "ballot", "endorse", "SMC011", "Sectigo", "--at",
	   "2024-12-18 10:00");
	SF("m.db", "ballot", "endorse", "SMC011", "Google", "--at",
	   "2024-12-18 10:00");
	SF("m.db", "ballot", "version", "SMC011", "--base", "Ballot_SMC010",
	   "--head", "draft-263", "--at", "2024-12-18 11:00");
	T_CONTAINS(sf_run("m.db", "ballot", "show", "SMC011", NULL)->out,
	           t_path("ben-clone"));
	SF("m.db", "config", "repo", "SMCWG", "--unset");
	T_EQ_INT(sf_run("m.db", "redline", "--ballot", "SMC010", NULL)->status,
	         1);
}

/* On copy db, whether the note with body text is on version n, the one
 * pinned at head (a commit id). */
static int64_t
note_on(const char *db, const char *text, int n, const char *head)
{
	struct gv_db *d = NULL;
	char sql[512];
	int64_t found;

	if (gv_db_open(&d, t_path(db), NULL) < 0)
		return -1;
	snprintf(sql, sizeof(sql),
	         "SELECT count(*) FROM review_note r JOIN ballot_version v"
	         " ON v.id = r.version WHERE r.body_md = '%s' AND v.n = %d"
	         " AND v.head_oid = '%s'",
	         text, n, head);
	found = t_sql_int(d, sql);
	gv_db_free(d);
	return found;
}

/* A note made on a commit no version of this copy is pinned at (its
 * version's operation not applied here) is a conflict, not a note on
 * another version. */
static void
note_on_no_version(const char *db)
{
	struct gv__op op = {0};
	struct gv_db *d = NULL;
	json_t *data;

	T_OK(gv_db_open(&d, t_path(db), NULL));
	op.kind = &gv__op_review_add;
	op.data = data =
	        json_pack("{s:s, s:i, s:s, s:i, s:s, s:s, s:s}", "ballot",
	                  "SMC011", "version", 2, "path", "guideline.md",
	                  "line", 3, "hash", "0", "text", "Orphan", "head",
	                  "0123456789abcdef0123456789abcdef01234567");
	op.actor = MEMBER;
	op.part = "SMCWG";
	op.at = op.recorded = t_at("2024-12-19 10:00");
	T_REFUSED(gv__op_run(d, &op), GV_ECONFLICT,
	          "SMC011 has no version pinned at 0123456789ab, the commit "
	          "this note was made on");
	T_EQ_INT(t_sql_int(d, "SELECT count(*) FROM review_note"
	                      " WHERE body_md = 'Orphan'"),
	         0);
	json_decref(data);
	gv_db_free(d);
}

/* Two officers pin a new version of SMC011 at once, each on a draft of
 * their own; the log numbers the chair's 2 and the secretary's 3 on
 * every copy. The secretary's review note, made on what was version 2 on
 * her copy, stays on her draft's version: before, it was moved onto the
 * chair's. */
static void
review_note_stays_on_its_version(void)
{
	const char *head, *d;

	if (!cf_need("git") || group() < 0 || sf_ok("s.db", "sync", NULL))
		return;
	T_EQ_INT(
	        cf_sh("cd '%s' && git checkout -q -b chair draft-263 &&"
	              " echo 'Chair wording.' >> guideline.md &&"
	              " git -c user.name=c -c user.email=c@example.org"
	              " commit -qam chair && git checkout -q -b secretary"
	              " draft-263 && echo 'Secretary wording.' >> guideline.md"
	              " && git -c user.name=s -c user.email=s@example.org"
	              " commit -qam secretary && git rev-parse HEAD > ../s.oid",
	              t_path("c-guideline")),
	        0);
	T_ASSERT((head = t_read_file(t_path("s.oid"), NULL)) != NULL);
	head = t_keep(strndup(head, 40));
	/* The secretary's version comes a step later in the log's order. */
	SF("s.db", "issue", "add", "SMCWG", "--title", "Wording");
	SF("c.db", "ballot", "version", "SMC011", "--repo",
	   t_path("c-guideline"), "--base", "Ballot_SMC010", "--head", "chair",
	   "--at", "2024-12-19 09:00");
	SF("s.db", "ballot", "version", "SMC011", "--repo",
	   t_path("c-guideline"), "--base", "Ballot_SMC010", "--head",
	   "secretary", "--at", "2024-12-19 09:05");
	SF("s.db", "review", "add", "SMC011", "--path", "guideline.md",
	   "--line", "3", "On my draft");
	T_EQ_INT(note_on("s.db", "On my draft", 2, head), 1);
	SF("c.db", "sync");
	SF("s.db", "sync");
	SF("c.db", "sync");
	d = sf_digest("c.db");
	T_EQ_STR(sf_digest("s.db"), d);
	T_EQ_INT(sf_ops("c.db", "conflict"), 0);
	T_EQ_INT(note_on("c.db", "On my draft", 3, head), 1);
	T_EQ_INT(note_on("s.db", "On my draft", 3, head), 1);
	SF("s.db", "rebuild");
	T_EQ_STR(sf_digest("s.db"), d);
	note_on_no_version("c.db");
}

const struct t_case sync_tests[] = {
        {"month_in_every_order_one_digest", month_in_every_order_one_digest},
        {"review_note_stays_on_its_version", review_note_stays_on_its_version},
        {"concurrent_acts_end_as_conflicts", concurrent_acts_end_as_conflicts},
        {"renumbered_issue_keeps_what_was_recorded_on_it",
         renumbered_issue_keeps_what_was_recorded_on_it},
        {"concurrent_ballots_keep_their_acts",
         concurrent_ballots_keep_their_acts},
        {"agenda_items_keep_their_notes", agenda_items_keep_their_notes},
        {"rebuild_restores_tables_changed_around_the_log",
         rebuild_restores_tables_changed_around_the_log},
        {"bad_input_is_refused_with_what_to_do",
         bad_input_is_refused_with_what_to_do},
        {"config_user_takes_what_was_recorded_before",
         config_user_takes_what_was_recorded_before},
        {"pinned_versions_read_from_each_copys_clone",
         pinned_versions_read_from_each_copys_clone},
        {NULL, NULL},
};
