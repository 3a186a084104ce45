/* SPDX-License-Identifier: MIT */
/*
 * This file tests sync when things go wrong (issue 17): a sync killed at
 * any moment and run again, a commit written but not marked sent, a
 * remote that disappears, refs holding garbage, operations of a newer
 * gavel; and when someone lies: unsigned or wrongly signed operations in
 * a body that requires signatures, an actor written into another's
 * chain, a member recording a chair's act.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain_fixture.h"
#include "gavel/gavel.h"
#include "harness.h"
#include "internal.h"
#include "sync_fixture.h"

/* A small group: Alice chairs, Bob is a member, Carol too; Alice's copy
 * is shared through remote.git. */
static int
small_group(void)
{
	if (sf_bare("remote.git") < 0 || sf_ok("a.db", "init", NULL) ||
	    sf_ok("a.db", "body", "add", "SMCWG", "--name", "S/MIME WG", "--tz",
	          "America/New_York", NULL) ||
	    sf_ok("a.db", "org", "add", "Sectigo", "--body", "SMCWG", "--class",
	          "issuer", "--since", "2024-01-01", NULL) ||
	    sf_ok("a.db", "person", "add", "Alice Chair", "--org", "Sectigo",
	          "--email", "alice@example.org", NULL) ||
	    sf_ok("a.db", "person", "add", "Bob Member", "--org", "Sectigo",
	          "--email", "bob@example.org", NULL) ||
	    sf_ok("a.db", "person", "add", "Carol Member", "--org", "Sectigo",
	          "--email", "carol@example.org", NULL) ||
	    sf_ok("a.db", "config", "user", "Alice Chair", NULL) ||
	    sf_ok("a.db", "body", "role", "SMCWG", "Alice Chair", "chair",
	          NULL) ||
	    sf_ok("a.db", "body", "role", "SMCWG", "Bob Member", "member",
	          NULL) ||
	    sf_ok("a.db", "remote", "add", "origin", t_path("remote.git"),
	          NULL))
		return -1;
	return 0;
}

/* Adds n issues to db, one operation each. */
static int
issues(const char *db, int n)
{
	char title[64];

	for (int i = 0; i < n; i++) {
		snprintf(title, sizeof(title), "Issue %d", i);
		if (sf_ok(db, "issue", "add", "SMCWG", "--title", title, NULL))
			return -1;
	}
	return 0;
}

/* How many commits ref has in the git repository t_path(repo). */
static long
commits(const char *repo, const char *ref)
{
	char cmd[4400], *out;

	snprintf(cmd, sizeof(cmd), "git -C '%s' rev-list --count '%s'",
	         t_path(repo), ref);
	out = t_shell_output(cmd);
	return out ? strtol(out, NULL, 10) : -1;
}

static void
commit_written_but_not_marked(void)
{
	if (!cf_need("git") || !cf_need("sqlite3") || small_group() < 0 ||
	    issues("a.db", 3) < 0)
		return;
	SF("a.db", "sync");
	T_EQ_INT(commits("remote.git", "refs/gavel/SMCWG/alice-chair"), 1);
	/* As if killed after the commit was written, before the log knew. */
	T_EQ_INT(cf_sh("sqlite3 '%s' 'UPDATE op SET chain = NULL; DELETE FROM "
	               "chain_seen'",
	               t_path("a.db")),
	         0);
	T_CONTAINS(sf_run("a.db", "sync", "--status", NULL)->out,
	           "10 operations not sent yet");
	SF("a.db", "sync");
	/* Read back from the chain, not written again. */
	T_EQ_INT(commits("remote.git", "refs/gavel/SMCWG/alice-chair"), 1);
	T_CONTAINS(sf_run("a.db", "sync", "--status", NULL)->out,
	           "0 operations not sent yet");
}

/*
 * A copy's database made again beside its chains (the file lost, the
 * chains' repository kept): the next sync reads every chain back in one
 * batch, in the log's order, so no chain's acts wait for another's
 * roster as conflicts and the store is not rebuilt once per chain; the
 * copy ends as it was.
 */
static void
database_made_again_beside_its_chains(void)
{
	struct t_run *r;
	const char *want;
	long ops;

	if (!cf_need("git") || small_group() < 0 || issues("a.db", 3) < 0)
		return;
	SF("a.db", "sync");
	if (sf_join("b.db", "remote.git", "Bob Member") < 0 ||
	    issues("b.db", 3) < 0)
		return;
	SF("b.db", "sync");
	SF("a.db", "sync");
	if (issues("a.db", 3) < 0)
		return;
	SF("a.db", "sync");
	if (sf_join("c.db", "remote.git", "Carol Member") < 0)
		return;
	want = sf_digest("a.db");
	ops = sf_ops("a.db", NULL);
	T_EQ_STR(sf_digest("c.db"), want);
	T_EQ_INT(cf_sh("cd '%s' && rm c.db c.db-wal c.db-shm 2>/dev/null; "
	               "test -d c.db.git",
	               t_tmpdir()),
	         0);
	if (sf_copy("c.db", "remote.git") < 0)
		return;
	r = sf_run("c.db", "sync", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "received 0, read back ");
	T_ASSERT(!strstr(r->out, "applied again"));
	T_ASSERT(!strstr(r->out, "not applied"));
	T_EQ_INT(sf_ops("c.db", "applied"), ops);
	T_EQ_STR(sf_digest("c.db"), want);
}

/* Starts `gavel sync` on db and kills it after 0, 3, 6, ... ms: in
 * start-up, the pack, the fetch, the checks, the apply or the push. Then
 * the locks a killed ref write left are made a minute old, as they are
 * when a member runs sync again later: gavel clears those. */
static void
kill_syncs(const char *db, const char *bin)
{
	for (int ms = 0; ms < 60; ms += 3)
		cf_sh("cd '%s' && GAVEL_DB='%s' GAVEL_NOW='%s' '%s' sync "
		      ">/dev/null 2>&1 & p=$!; sleep 0.%03d; kill -9 $p "
		      "2>/dev/null; wait $p 2>/dev/null; true",
		      t_tmpdir(), t_path(db), sf_now, bin, ms);
	cf_sh("cd '%s' && find . -name '*.lock' -exec touch -d '1 minute "
	      "ago' {} +",
	      t_tmpdir());
}

static void
killed_at_any_moment(void)
{
	const char *bin = getenv("GAVEL_BIN");
	const char *want;
	long ops;

	if (!cf_need("git") || small_group() < 0 || issues("a.db", 40) < 0)
		return;
	SF("a.db", "sync");
	want = sf_digest("a.db");
	ops = sf_ops("a.db", NULL);
	if (sf_copy("b.db", "remote.git") < 0)
		return;
	kill_syncs("b.db", bin);
	SF("b.db", "sync");
	T_EQ_STR(sf_digest("b.db"), want);
	/* Nothing recorded twice, nothing lost. */
	T_EQ_INT(sf_ops("b.db", NULL), ops);
	T_EQ_INT(sf_ops("b.db", "applied"), ops);
	/* The same while it packs and pushes what it recorded. */
	if (sf_ok("b.db", "config", "user", "Bob Member", NULL) ||
	    issues("b.db", 30) < 0)
		return;
	kill_syncs("b.db", bin);
	SF("b.db", "sync");
	SF("a.db", "sync");
	T_EQ_STR(sf_digest("a.db"), sf_digest("b.db"));
	T_EQ_INT(sf_ops("a.db", NULL), ops + 30);
	T_EQ_INT(commits("remote.git", "refs/gavel/SMCWG/bob-member"),
	         commits("b.db.git", "refs/gavel/SMCWG/bob-member"));
}

static void
remote_that_disappears(void)
{
	struct t_run *r;

	if (!cf_need("git") || small_group() < 0)
		return;
	SF("a.db", "sync");
	SF("a.db", "issue", "add", "SMCWG", "--title", "written offline");
	T_EQ_INT(cf_sh("mv '%s' '%s'", t_path("remote.git"), t_path("away")),
	         0);
	r = sf_run("a.db", "sync", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: cannot reach");
	r = sf_run("a.db", "sync", "--status", NULL);
	T_CONTAINS(r->out, "cannot reach");
	T_CONTAINS(r->out, "1 operation not sent yet");
	/* Back: the change made while it was gone goes out. */
	T_EQ_INT(cf_sh("mv '%s' '%s'", t_path("away"), t_path("remote.git")),
	         0);
	SF("a.db", "sync");
	r = sf_run("a.db", "sync", "--status", NULL);
	T_CONTAINS(r->out, "0 operations not sent yet");
	T_ASSERT(!strstr(r->out, "cannot reach"));
}

/* Of two remotes, one is gone: the other is synced, and the exit status
 * still says that a remote was missed, so a script run from cron learns
 * it. */
static void
one_remote_of_two_gone(void)
{
	struct t_run *r;

	if (!cf_need("git") || small_group() < 0 || sf_bare("usb.git") < 0 ||
	    sf_ok("a.db", "remote", "add", "stick", t_path("usb.git"), NULL))
		return;
	SF("a.db", "issue", "add", "SMCWG", "--title", "written offline");
	T_EQ_INT(cf_sh("mv '%s' '%s'", t_path("usb.git"), t_path("away")), 0);
	r = sf_run("a.db", "sync", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->out, "stick: cannot reach");
	T_CONTAINS(r->err, "gavel: 1 remote could not be synced");
	T_EQ_INT(commits("remote.git", "refs/gavel/SMCWG/alice-chair"), 1);
	/* Named alone, the reachable one succeeds. */
	r = sf_run("a.db", "sync", "origin", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->err, "");
}

/*
 * A member's copy that does not know who its user is keeps back what it
 * recorded in a group's body: sent, it would be no one's in the record
 * for good. Once the user is chosen it is theirs, and goes.
 */
static void
unnamed_member_holds_back(void)
{
	static char dbvar[4200];
	const char *const env[] = {dbvar, "GAVEL_NOW=2025-01-20 12:00",
	                           "GAVEL_USER=", "USER=visitor", NULL};
	struct t_run *r;

	if (!cf_need("git") || small_group() < 0)
		return;
	SF("a.db", "sync");
	snprintf(dbvar, sizeof(dbvar), "GAVEL_DB=%s", t_path("b.db"));
	if (sf_copy("b.db", "remote.git") < 0 || sf_ok("b.db", "sync", NULL))
		return;
	r = t_gavel(env, "issue", "add", "SMCWG", "--title", "filed unnamed",
	            NULL);
	T_EQ_INT(r->status, 0);
	r = t_gavel(env, "sync", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->out, "1 operation in SMCWG not sent: recorded as "
	                   "\"visitor\", who is no person of the roster: "
	                   "choose who you are with 'gavel config user "
	                   "PERSON'");
	T_CONTAINS(r->err, "gavel: 1 operation of this copy not sent");
	T_ASSERT(cf_sh("git -C '%s' show-ref -q --verify "
	               "refs/gavel/SMCWG/visitor",
	               t_path("remote.git")) != 0);
	r = t_gavel(env, "sync", "--status", NULL);
	T_CONTAINS(r->out, "1 operation not sent yet (1 kept here until you "
	                   "choose who you are: 'gavel config user PERSON')");
	r = t_gavel(env, "sync", "--status", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"held\": 1,");
	/* Chosen, the issue is Bob's and goes out. */
	SF("b.db", "config", "user", "Bob Member");
	r = t_gavel(env, "sync", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "sent 1 operation");
	T_EQ_INT(commits("remote.git", "refs/gavel/SMCWG/bob-member"), 1);
	r = t_gavel(env, "sync", "--status", NULL);
	T_CONTAINS(r->out, "0 operations not sent yet, ");
	SF("a.db", "sync");
	T_EQ_STR(sf_digest("a.db"), sf_digest("b.db"));
	r = sf_run("a.db", "issue", "show", "SMCWG#1", NULL);
	T_CONTAINS(r->out, "filed unnamed");
}

static void
garbage_refs_refused_the_rest_applied(void)
{
	struct t_run *r;

	if (!cf_need("git") || small_group() < 0 || issues("a.db", 2) < 0)
		return;
	SF("a.db", "sync");
	/* A ref at a blob, a commit of another shape, an operation that is
	 * not in canonical form. */
	T_EQ_INT(cf_sh("cd '%s' && b=$(echo junk | git hash-object -w --stdin) "
	               "&& git update-ref refs/gavel/SMCWG/blob $b",
	               t_path("remote.git")),
	         0);
	if (sf_forge("remote.git", "refs/gavel/SMCWG/spaces", "{ \"v\": 1 }\n",
	             NULL) < 0)
		return;
	/* A clock at the top of the range, which would overflow the next. */
	if (sf_forge("remote.git", "refs/gavel/SMCWG/bob-member",
	             "{\"actor\":\"Bob Member\",\"at\":0,\"data\":{},"
	             "\"kind\":\"issue.add\",\"lamport\":"
	             "9223372036854775807,\"part\":\"SMCWG\",\"recorded\":0,"
	             "\"v\":1}\n",
	             NULL) < 0)
		return;
	/* Another spelling of an operation, which would carry another id:
	 * a field the format lacks. */
	if (sf_forge("remote.git", "refs/gavel/SMCWG/carol-member",
	             "{\"actor\":\"Carol Member\",\"at\":0,\"data\":{},"
	             "\"extra\":1,\"kind\":\"issue.add\",\"lamport\":5,"
	             "\"part\":\"SMCWG\",\"private\":false,\"recorded\":0,"
	             "\"v\":1}\n",
	             NULL) < 0)
		return;
	if (sf_copy("b.db", "remote.git") < 0)
		return;
	r = sf_run("b.db", "sync", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "refs/gavel/SMCWG/carol-member refused at commit");
	T_CONTAINS(r->out, "has a field its format does not have");
	T_CONTAINS(r->out, "refs/gavel/SMCWG/bob-member refused at commit");
	T_CONTAINS(r->out, "bad clock");
	T_CONTAINS(r->out, "refs/gavel/SMCWG/blob refused");
	T_CONTAINS(r->out, "refs/gavel/SMCWG/spaces refused at commit");
	T_CONTAINS(r->out, "not in its canonical form");
	T_EQ_STR(sf_digest("b.db"), sf_digest("a.db"));
}

/* An operation as a newer gavel would write it: a kind this one lacks. */
#define NEWER                                                                  \
	"{\"actor\":\"Bob Member\",\"at\":1735689600,\"data\":{\"x\":1},"      \
	"\"kind\":\"ballot.future\",\"lamport\":900,\"part\":\"SMCWG\","       \
	"\"recorded\":1735689600,\"v\":2}\n"

static void
newer_kind_is_kept_and_passed_on(void)
{
	struct t_run *r;
	const char *before;

	if (!cf_need("git") || small_group() < 0)
		return;
	SF("a.db", "sync");
	before = t_keep(strdup(sf_digest("a.db")));
	if (sf_forge("remote.git", "refs/gavel/SMCWG/bob-member", NEWER, NULL) <
	            0 ||
	    sf_bare("second.git") < 0)
		return;
	SF("a.db", "remote", "add", "second", t_path("second.git"));
	r = sf_run("a.db", "sync", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "1 of a newer gavel");
	T_EQ_STR(sf_digest("a.db"), before);
	r = sf_run("a.db", "sync", "--conflicts", NULL);
	T_CONTAINS(r->out, "unknown ballot.future by Bob Member");
	T_CONTAINS(r->out, "newer gavel");
	/* Kept, and passed on to the other remote whole. */
	T_EQ_INT(commits("second.git", "refs/gavel/SMCWG/bob-member"), 1);
	T_EQ_INT(sf_ops("a.db", "unknown"), 1);
}

/* A body added elsewhere, in the zone named: Bob's chain of body B. */
#define BODY_IN(b, tz)                                                         \
	"{\"actor\":\"Bob Member\",\"at\":1735689600,\"data\":{\"code\":"      \
	"\"" b "\",\"name\":\"" b " WG\",\"tz\":\"" tz "\"},\"kind\":"         \
	"\"body.add\",\"lamport\":900,\"part\":\"" b "\",\"recorded\":"        \
	"1735689600,\"v\":1}\n"

/*
 * A zone another member's time-zone database has and this one lacks (a
 * newer tzdata's) is kept as named, not made a conflict of the body and
 * all that follows; a name that is not a zone's is a conflict that says
 * so. Neither is checked against this database, so the sync leaves
 * gavel-ical.so unloaded.
 */
static void
zone_from_elsewhere_kept_by_its_form(void)
{
	struct t_run *r;

	if (!cf_need("git") || small_group() < 0)
		return;
	SF("a.db", "sync");
	if (sf_forge("remote.git", "refs/gavel/MARS/bob-member",
	             BODY_IN("MARS", "Mars/Olympus"), NULL) < 0 ||
	    sf_forge("remote.git", "refs/gavel/DOTS/bob-member",
	             BODY_IN("DOTS", "../../etc/passwd"), NULL) < 0)
		return;
	r = sf_run("a.db", "sync", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "1 in conflict");
	r = sf_run("a.db", "body", "list", NULL);
	T_CONTAINS(r->out, "Mars/Olympus");
	T_ASSERT(!strstr(r->out, "DOTS"));
	r = sf_run("a.db", "sync", "--conflicts", NULL);
	T_CONTAINS(r->out, "\"../../etc/passwd\" is not a time zone's name");
	T_EQ_INT(sf_ops("a.db", "conflict"), 1);
}

/* An issue, then a note on it naming the issue.add that made it by
 * something that is not an operation's id. */
#define NOTE_MADE_BY_NUMBER                                                    \
	"{\"actor\":\"Bob Member\",\"at\":1735689600,\"data\":{\"body\":"      \
	"\"SMCWG\",\"created\":1735689600,\"number\":0,\"title\":"             \
	"\"forged\"},\"kind\":\"issue.add\",\"lamport\":900,\"part\":"         \
	"\"SMCWG\",\"recorded\":1735689600,\"v\":1}\n"                         \
	"{\"actor\":\"Bob Member\",\"at\":1735689600,\"data\":{\"issue\":"     \
	"\"SMCWG#1\",\"issue_made\":5,\"text\":\"a note\"},\"kind\":"          \
	"\"issue.note\",\"lamport\":901,\"part\":\"SMCWG\",\"recorded\":"      \
	"1735689600,\"v\":1}\n"

/* What names the issue an operation was recorded on ("issue_made") must
 * be an operation's id: another shape is a conflict that says so, not a
 * note put on whatever issue has the number. */
static void
made_name_of_another_shape_refused(void)
{
	struct t_run *r;

	if (!cf_need("git") || small_group() < 0)
		return;
	SF("a.db", "sync");
	if (sf_forge("remote.git", "refs/gavel/SMCWG/bob-member",
	             NOTE_MADE_BY_NUMBER, NULL) < 0)
		return;
	r = sf_run("a.db", "sync", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "received 2 (1 applied, 0 same as one before, 1 in "
	                   "conflict,");
	r = sf_run("a.db", "sync", "--conflicts", NULL);
	T_CONTAINS(r->out, "conflict issue.note by Bob Member");
	T_CONTAINS(r->out, "operation issue.note has data of another shape");
	T_ASSERT(!strstr(sf_run("a.db", "issue", "show", "SMCWG#1", NULL)->out,
	                 "a note"));
}

/*
 * What a sync writes in a repository is on the disk before the log
 * records it, so a power cut cannot leave operations marked sent that no
 * chain holds: strace sees the chain's objects and ref synced (libgit2),
 * and the pack copied from a folder, its index and its folder (gavel's
 * own writer).
 */
static void
repository_writes_are_synced(void)
{
	char cmd[8800];
	const char *out;

	if (!cf_need("git") || !cf_need("strace") || small_group() < 0 ||
	    issues("a.db", 1) < 0)
		return;
	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && G='%s' && export GAVEL_NOW='%s' &&"
	         /* LeakSanitizer cannot run under ptrace (make asan). */
	         " t() { ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}"
	         "detect_leaks=0\""
	         " strace -f -y -e trace=fsync,fdatasync -o \"$1\""
	         " \"$G\" --db \"$2\" sync >/dev/null 2>&1; } &&"
	         " t a.trace a.db && $G --db b.db init >/dev/null &&"
	         " $G --db b.db remote add origin remote.git >/dev/null &&"
	         " t b.trace b.db && echo synced && cat a.trace b.trace",
	         t_tmpdir(), getenv("GAVEL_BIN"), sf_now);
	T_ASSERT((out = t_shell_output(cmd)) != NULL);
	T_CONTAINS(out, "synced\n");
	T_CONTAINS(out, "/a.db.git/objects/");
	T_CONTAINS(out, "/a.db.git/refs/gavel/SMCWG/");
	/* The push into the folder: its pack, then the ref. */
	T_CONTAINS(out, "/remote.git/objects/pack/tmp_pack_");
	T_CONTAINS(out, "/remote.git/refs/gavel/SMCWG/");
	T_CONTAINS(out, "/b.db.git/objects/pack/tmp_pack_");
	T_CONTAINS(out, "/b.db.git/objects/pack/tmp_idx_");
	T_CONTAINS(out, "/b.db.git/objects/pack>");
}

/* A first sync of the empty copy b.db from remote.git, in this process,
 * counting the statements that hold n's needles. 0, or -1 with the test
 * failed. */
static int
first_sync_counted(struct gv_sync_report *rep, struct t_runs *n)
{
	struct gv_db_options opts = {0, 0};
	struct gv_db *db = NULL;

	if (sf_copy("b.db", "remote.git") < 0)
		return -1;
	if (gv_db_open(&db, t_path("b.db"), &opts) < 0) {
		t_fail(__FILE__, __LINE__, "open b.db: %s",
		       gv_error_last()->message);
		return -1;
	}
	t_runs_start(db, n);
	if (gv_sync(rep, db, NULL) < 0)
		t_fail(__FILE__, __LINE__, "sync: %s",
		       gv_error_last()->message);
	t_runs_stop(db);
	gv_db_free(db);
	return 0;
}

/*
 * A sync into an empty copy records each operation with one statement and
 * writes its status again only when it was not applied: a look-up by id
 * before each insert, and a status update after each apply, cost a sync
 * of 10,000 operations 3 % of its work (bench/README.md).
 */
static void
each_operation_written_once(void)
{
	struct t_runs n = {{"FROM op WHERE id", "UPDATE op SET status"}, {0}};
	struct gv_sync_report rep;
	long ops;

	if (!cf_need("git") || small_group() < 0 || issues("a.db", 3) < 0)
		return;
	SF("a.db", "sync");
	if (sf_forge("remote.git", "refs/gavel/SMCWG/bob-member", NEWER, NULL) <
	            0 ||
	    first_sync_counted(&rep, &n) < 0)
		return;
	ops = sf_ops("a.db", NULL);
	T_EQ_INT((long)rep.ops_in, ops + 1);
	T_EQ_INT((long)rep.applied, ops);
	T_EQ_INT((long)rep.unknown, 1);
	T_EQ_INT(n.n[0], 0);
	T_EQ_INT(n.n[1], 1); /* the newer gavel's */
	T_EQ_INT(sf_ops("b.db", "applied"), ops);
	T_EQ_INT(sf_ops("b.db", "unknown"), 1);
	/* Nothing is recorded or applied twice. */
	SF("b.db", "sync");
	T_EQ_INT(sf_ops("b.db", NULL), ops + 1);
	gv_sync_report_dispose(&rep);
}

/* The operations a sync applies share a savepoint by runs of 16 (and
 * their applies' own savepoints are not opened): one each, and one more
 * for every apply's own, cost 2.7 to 4.1 % of a sync. The batch is
 * applied with the larger page cache (gv__db_bulk), set once. */
static void
operations_share_savepoints(void)
{
	struct t_runs n = {{"SAVEPOINT", "cache_size = -32768"}, {0}};
	struct gv_sync_report rep;
	long ops;

	if (!cf_need("git") || small_group() < 0 || issues("a.db", 40) < 0)
		return;
	SF("a.db", "sync");
	if (first_sync_counted(&rep, &n) < 0)
		return;
	ops = sf_ops("a.db", NULL);
	T_EQ_INT((long)rep.applied, ops);
	T_ASSERT(ops > 40);
	T_ASSERT(n.n[0] >= ops / 16);
	T_ASSERT(n.n[0] <= ops / 16 + 4);
	T_EQ_INT(n.n[1], 1);
	T_EQ_STR(sf_digest("a.db"), sf_digest("b.db"));
	gv_sync_report_dispose(&rep);
}

/* The small group with one operation larger than
 * GV__DB_BULK_JOURNAL_BYTES: an import of 600 issues, about 250 KB. */
static int
large_group(void)
{
	struct gv_buf json = GV_BUF_INIT;
	int error;

	gv__buf_puts(&json, "[");
	for (int i = 1; i <= 600; i++)
		gv__buf_printf(&json,
		               "%s{\"number\": %d, \"title\": \"Issue %d\","
		               " \"state\": \"OPEN\", \"body\": \"%0300d\"}",
		               i > 1 ? "," : "", i, i, i);
	gv__buf_puts(&json, "]");
	error = !t_write_file("issues.json", json.ptr) || small_group() < 0 ||
	        sf_ok("a.db", "issue", "import", t_path("issues.json"),
	              "--body", "SMCWG", NULL) ||
	        sf_ok("a.db", "sync", NULL);
	gv__buf_dispose(&json);
	return error ? -1 : 0;
}

/* A copy's journal mode, as the sqlite3 shell reads it. */
static const char *
journal_mode(const char *db)
{
	char cmd[4400], *out, *nl;

	snprintf(cmd, sizeof(cmd), "sqlite3 '%s' 'PRAGMA journal_mode'",
	         t_path(db));
	out = t_shell_output(cmd);
	if (out && (nl = strchr(out, '\n')))
		*nl = '\0';
	return out ? out : "";
}

/* A batch that large is written with a rollback journal in place of the
 * WAL (core/db.c says why), switched once each way; the copy is in WAL
 * mode again after it. */
static void
large_batch_written_once(void)
{
	struct t_runs n = {{"journal_mode = DELETE", "journal_mode = WAL"},
	                   {0}};
	struct gv_sync_report rep;

	if (!cf_need("git") || large_group() < 0 ||
	    first_sync_counted(&rep, &n) < 0)
		return;
	T_EQ_INT(n.n[0], 1);
	T_EQ_INT(n.n[1], 1);
	T_EQ_INT((long)rep.applied, sf_ops("a.db", NULL));
	T_EQ_STR(journal_mode("b.db"), "wal");
	T_EQ_STR(sf_digest("b.db"), sf_digest("a.db"));
	gv_sync_report_dispose(&rep);
}

/*
 * Kills `gavel sync` of b.db after 0, 1, 2, ... ms, each wait a sixteenth
 * longer than the one before once past 16 ms, until a sync ends by
 * itself: some dozens of runs, whatever this build's speed. The locks a
 * kill left are made a minute old before each, as kill_syncs does. The
 * kills that land while the batch is written leave the rollback journal
 * hot beside the file, and SQLite rolls the batch back when the copy is
 * next opened; at least one must. Then one sync applies every operation
 * once, and the copy is in WAL mode.
 */
static void
killed_while_its_journal_is_hot(void)
{
	const char *bin = getenv("GAVEL_BIN");
	int rc = 137, hot = 0;
	long ops;

	if (!cf_need("git") || large_group() < 0 ||
	    sf_copy("b.db", "remote.git") < 0)
		return;
	ops = sf_ops("a.db", NULL);
	for (int ms = 0; rc == 137 && ms < 60000; ms += 1 + ms / 16) {
		rc = cf_sh(
		        "exec 2>/dev/null; cd '%s' || exit 1; find . -name "
		        "'*.lock' -exec touch -d '1 minute ago' {} +; "
		        "GAVEL_DB='%s' GAVEL_NOW='%s' '%s' sync >/dev/null & "
		        "p=$!; sleep %d.%03d; kill -9 $p; wait $p; s=$?; "
		        "[ $s = 137 ] && [ -e b.db-journal ] && s=138; exit $s",
		        t_tmpdir(), t_path("b.db"), sf_now, bin, ms / 1000,
		        ms % 1000);
		/* Opening it rolls back what the batch had written. */
		if (rc == 138) {
			hot += sf_ops("b.db", NULL) < ops;
			rc = 137;
		}
	}
	T_EQ_INT(rc, 0);
	T_ASSERT(hot > 0);
	SF("b.db", "sync");
	T_EQ_STR(sf_digest("b.db"), sf_digest("a.db"));
	T_EQ_INT(sf_ops("b.db", NULL), ops);
	T_EQ_INT(sf_ops("b.db", "applied"), ops);
	T_EQ_STR(journal_mode("b.db"), "wal");
}

/* Alice's copy requires signed operations: Alice's and Bob's keys are
 * the allowed signers; Eve's is not. */
static int
signed_group(const char **alice, const char **bob, const char **eve)
{
	char *signers;

	if (!cf_need("ssh-keygen") || !cf_need("git") ||
	    !(*alice = cf_key("alice", "alice")) ||
	    !(*bob = cf_key("bob", "bob")) || !(*eve = cf_key("eve", "eve")))
		return -1;
	signers = t_keep(malloc(8192));
	snprintf(signers, 8192, "alice@example.org %s\nbob@example.org %s\n",
	         cf_pub(*alice), cf_pub(*bob));
	if (!t_write_file("signers", signers) || small_group() < 0 ||
	    sf_ok("a.db", "config", "signing-key", *alice, NULL) ||
	    sf_ok("a.db", "body", "set", "SMCWG", "--require-signed",
	          "--allowed-signers", t_path("signers"), NULL) ||
	    sf_ok("a.db", "sync", NULL))
		return -1;
	return 0;
}

static void
signatures_are_gits_and_required(void)
{
	const char *alice, *bob, *eve;
	struct t_run *r;

	if (signed_group(&alice, &bob, &eve) < 0)
		return;
	/* git itself verifies what gavel signed. */
	T_EQ_INT(cf_sh("git -C '%s' -c gpg.ssh.allowedSignersFile='%s' "
	               "verify-commit refs/gavel/SMCWG/alice-chair "
	               ">/dev/null 2>&1",
	               t_path("remote.git"), t_path("signers")),
	         0);
	/* Bob without a key cannot send. */
	if (sf_join("b.db", "remote.git", "Bob Member") < 0)
		return;
	SF("b.db", "issue", "add", "SMCWG", "--title", "from Bob");
	r = sf_run("b.db", "sync", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "SMCWG requires signed operations: give your SSH "
	                   "key with 'gavel config signing-key FILE'");
	SF("b.db", "config", "signing-key", bob);
	SF("b.db", "sync");
	SF("a.db", "sync");
	T_CONTAINS(sf_run("a.db", "issue", "list", NULL)->out, "from Bob");
	T_EQ_STR(sf_digest("a.db"), sf_digest("b.db"));
}

/* An issue of Carol's, Bob's or Alice's, as canonical text. */
static const char *
issue_op(const char *actor, const char *title, int lamport)
{
	char *text = t_keep(malloc(512));

	snprintf(text, 512,
	         "{\"actor\":\"%s\",\"at\":1735689600,\"data\":{\"body\":"
	         "\"SMCWG\",\"created\":1735689600,\"number\":%d,"
	         "\"title\":\"%s\"},\"kind\":"
	         "\"issue.add\",\"lamport\":%d,\"part\":\"SMCWG\","
	         "\"recorded\":1735689600,\"v\":1}\n",
	         actor, lamport, title, lamport);
	return text;
}

static void
forged_and_unsigned_chains_refused(void)
{
	const char *alice, *bob, *eve;
	struct t_run *r;
	const char *before;

	if (signed_group(&alice, &bob, &eve) < 0)
		return;
	before = t_keep(strdup(sf_digest("a.db")));
	/* Unsigned; signed with a key not allowed; Alice's act in Bob's
	 * chain; Alice's chain signed by Bob. */
	if (sf_forge("remote.git", "refs/gavel/SMCWG/carol-member",
	             issue_op("Carol Member", "unsigned", 901), NULL) < 0 ||
	    sf_forge("remote.git", "refs/gavel/SMCWG/bob-member",
	             issue_op("Bob Member", "eve signs", 902), eve) < 0 ||
	    sf_forge("remote.git", "refs/gavel/SMCWG/bob-member",
	             issue_op("Alice Chair", "alice in bob", 903), bob) < 0)
		return;
	r = sf_run("a.db", "sync", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "refs/gavel/SMCWG/carol-member refused at commit");
	T_CONTAINS(r->out, "Carol Member's operations are not signed, and "
	                   "SMCWG requires signed operations");
	T_CONTAINS(r->out, "refs/gavel/SMCWG/bob-member refused at commit");
	T_CONTAINS(r->out, "its signature is not Bob Member's");
	T_EQ_STR(sf_digest("a.db"), before);
	r = sf_run("a.db", "issue", "list", NULL);
	T_ASSERT(!strstr(r->out, "unsigned"));
	T_ASSERT(!strstr(r->out, "eve signs"));
	/* Alice's chain, signed by Bob. */
	if (sf_forge("remote.git", "refs/gavel/SMCWG/alice-chair",
	             issue_op("Alice Chair", "bob as alice", 904), bob) < 0)
		return;
	r = sf_run("a.db", "sync", NULL);
	T_CONTAINS(r->out, "its signature is not Alice Chair's");
	T_EQ_STR(sf_digest("a.db"), before);
}

/* Bob, a member, makes himself chair: signed with his own key, so it
 * comes in, and is kept denied. */
#define ROLE_GRAB                                                              \
	"{\"actor\":\"Bob Member\",\"at\":1735689600,\"data\":{\"body\":"      \
	"\"SMCWG\",\"person\":\"Bob Member\",\"role\":\"chair\"},\"kind\":"    \
	"\"body.role\",\"lamport\":950,\"part\":\"SMCWG\",\"recorded\":"       \
	"1735689600,\"v\":1}\n"

/* The same act as an operation of no body, which is checked against his
 * roles in every body. */
#define ROLE_GRAB_BODYLESS                                                     \
	"{\"actor\":\"Bob Member\",\"at\":1735689600,\"data\":{\"body\":"      \
	"\"SMCWG\",\"person\":\"Bob Member\",\"role\":\"chair\"},\"kind\":"    \
	"\"body.role\",\"lamport\":951,\"part\":\"_\",\"recorded\":"           \
	"1735689600,\"v\":1}\n"

/* A roll call from the chair's chain naming someone this copy does not
 * know: its first name is recorded before the second fails. %ld: its
 * clock. */
#define ROLL_CALL_UNKNOWN                                                      \
	"{\"actor\":\"Alice Chair\",\"at\":1737374400,\"data\":{\"create\":"   \
	"false,\"meeting\":{\"body\":\"SMCWG\",\"starts\":1736956800},"        \
	"\"names\":[\"Alice Chair (Sectigo)\",\"Nobody Known (Nowhere)\"],"    \
	"\"seen\":\"e69de29bb2d1d6434b8b29ae775ad8c2e48c5391\"},\"kind\":"     \
	"\"meeting.attend\",\"lamport\":%ld,\"part\":\"SMCWG\",\"recorded\":"  \
	"1737374400,\"v\":1}\n"

/*
 * Operations are applied in runs that share a savepoint (core/replay.c):
 * one that fails half-way is undone whole all the same, alone, and the
 * ones before and after it in its run are kept.
 */
static void
failed_operation_undone_whole_in_its_run(void)
{
	char cmd[4400], ops[1024];
	const char *out;
	struct t_run *r;

	if (!cf_need("git") || !cf_need("sqlite3") || small_group() < 0 ||
	    sf_ok("a.db", "meeting", "add", "SMCWG", "2025-01-15 11:00",
	          NULL) ||
	    issues("a.db", 3) < 0)
		return;
	SF("a.db", "sync");
	/* Its clock is the first issue's: the issues after the meeting
	 * sort around it, in its run. */
	snprintf(cmd, sizeof(cmd),
	         "sqlite3 '%s' \"SELECT lamport + 1 FROM op WHERE kind = "
	         "'meeting.add'\"",
	         t_path("a.db"));
	T_ASSERT((out = t_shell_output(cmd)) != NULL);
	snprintf(ops, sizeof(ops), ROLL_CALL_UNKNOWN,
	         strtol(out ? out : "0", NULL, 10));
	if (sf_forge("remote.git", "refs/gavel/SMCWG/alice-chair", ops, NULL) <
	    0)
		return;
	if (sf_copy("b.db", "remote.git") < 0)
		return;
	r = sf_run("b.db", "sync", NULL);
	T_EQ_INT(r->status, 0);
	/* Every other operation counted as applied, this one not. */
	snprintf(cmd, sizeof(cmd),
	         "(%ld applied, 0 same as one before, 1 in conflict, 0 denied,"
	         " 0 of a newer gavel)",
	         sf_ops("a.db", NULL));
	T_CONTAINS(r->out, cmd);
	T_CONTAINS(r->out, "1 of 2 names match nobody known");
	T_EQ_INT(sf_ops("b.db", "conflict"), 1);
	T_EQ_INT(sf_ops("b.db", "applied"), sf_ops("a.db", NULL));
	snprintf(cmd, sizeof(cmd),
	         "sqlite3 '%s' 'SELECT count(*) FROM attendance'",
	         t_path("b.db"));
	T_EQ_STR(t_shell_output(cmd), "0\n");
	SF("a.db", "sync");
	T_EQ_STR(sf_digest("a.db"), sf_digest("b.db"));
}

static void
member_cannot_do_a_chairs_act(void)
{
	const char *alice, *bob, *eve;
	struct t_run *r;

	if (signed_group(&alice, &bob, &eve) < 0)
		return;
	/* His own gavel refuses it outright. */
	if (sf_join("b.db", "remote.git", "Bob Member") < 0)
		return;
	r = sf_run("b.db", "body", "role", "SMCWG", "Bob Member", "chair",
	           NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "Bob Member is a member of SMCWG: body.role is for "
	                   "its chair or vice-chair (see 'gavel body roles "
	                   "SMCWG')");
	/* Written by another program, it is kept and denied. */
	if (sf_forge("remote.git", "refs/gavel/SMCWG/bob-member", ROLE_GRAB,
	             bob) < 0 ||
	    sf_forge("remote.git", "refs/gavel/_/bob-member",
	             ROLE_GRAB_BODYLESS, bob) < 0)
		return;
	r = sf_run("a.db", "sync", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "2 denied");
	T_CONTAINS(r->out, "Bob Member's body.role not applied: Bob Member is "
	                   "a member of SMCWG");
	T_CONTAINS(r->out, "Bob Member is a member of any body: body.role is "
	                   "for its chair or vice-chair");
	r = sf_run("a.db", "body", "roles", "SMCWG", NULL);
	T_CONTAINS(r->out, "Bob Member   member");
	T_EQ_INT(sf_ops("a.db", "denied"), 2);
}

static void
stale_lock_cleared_fresh_lock_kept(void)
{
	struct t_run *r;

	if (!cf_need("git") || small_group() < 0)
		return;
	SF("a.db", "sync");
	SF("a.db", "issue", "add", "SMCWG", "--title", "after the crash");
	/* A lock just taken may be another program's: it stays, and the
	 * push says so. */
	T_ASSERT(t_write_file("remote.git/refs/gavel/SMCWG/alice-chair.lock",
	                      "") != NULL);
	r = sf_run("a.db", "sync", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "refs/gavel/SMCWG/alice-chair at ");
	T_CONTAINS(r->err, "is being written by another sync or by git: try "
	                   "again once it is done");
	/* One a killed push left a minute ago is nobody's. */
	T_EQ_INT(cf_sh("touch -d '1 minute ago' '%s'",
	               t_path("remote.git/refs/gavel/SMCWG/alice-chair.lock")),
	         0);
	SF("a.db", "sync");
	T_CONTAINS(sf_run("a.db", "sync", "--status", NULL)->out,
	           "0 operations not sent yet");
	/* The same in the copy's own repository, where the other program
	 * is another sync of it, or git. */
	SF("a.db", "issue", "add", "SMCWG", "--title", "while locked");
	T_ASSERT(t_write_file("a.db.git/refs/gavel/SMCWG/alice-chair.lock",
	                      "") != NULL);
	r = sf_run("a.db", "sync", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: refs/gavel/SMCWG/alice-chair is being "
	                   "written by another sync of this copy, or by git: "
	                   "try again once it is done");
}

const struct t_case sync_faults_tests[] = {
        {"commit_written_but_not_marked", commit_written_but_not_marked},
        {"killed_at_any_moment", killed_at_any_moment},
        {"remote_that_disappears", remote_that_disappears},
        {"one_remote_of_two_gone", one_remote_of_two_gone},
        {"unnamed_member_holds_back", unnamed_member_holds_back},
        {"stale_lock_cleared_fresh_lock_kept",
         stale_lock_cleared_fresh_lock_kept},
        {"garbage_refs_refused_the_rest_applied",
         garbage_refs_refused_the_rest_applied},
        {"newer_kind_is_kept_and_passed_on", newer_kind_is_kept_and_passed_on},
        {"zone_from_elsewhere_kept_by_its_form",
         zone_from_elsewhere_kept_by_its_form},
        {"made_name_of_another_shape_refused",
         made_name_of_another_shape_refused},
        {"each_operation_written_once", each_operation_written_once},
        {"operations_share_savepoints", operations_share_savepoints},
        {"large_batch_written_once", large_batch_written_once},
        {"killed_while_its_journal_is_hot", killed_while_its_journal_is_hot},
        {"database_made_again_beside_its_chains",
         database_made_again_beside_its_chains},
        {"repository_writes_are_synced", repository_writes_are_synced},
        {"signatures_are_gits_and_required", signatures_are_gits_and_required},
        {"forged_and_unsigned_chains_refused",
         forged_and_unsigned_chains_refused},
        {"member_cannot_do_a_chairs_act", member_cannot_do_a_chairs_act},
        {"failed_operation_undone_whole_in_its_run",
         failed_operation_undone_whole_in_its_run},
        {NULL, NULL},
};
