/* SPDX-License-Identifier: MIT */
/*
 * This file tests moving chains between repositories (core/git_remote.c,
 * core/git_cred.c): fetch into refs/gavel-remotes/<remote>/ (forced,
 * pruned) and push that is never forced, by path, file://, ssh (a
 * throwaway sshd and ssh-agent) and http(s) (git http-backend behind
 * basic authentication, credentials from git's credential helper), and
 * the errors a member reads when a remote cannot be reached or will not
 * let them in.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain_fixture.h"
#include "gavel/error.h"
#include "harness.h"
#include "remote_fixture.h"

#define ANN    "refs/gavel/smcwg/ann"
#define BOB    "refs/gavel/smcwg/bob"
#define LOCKED "refs/gavel/smcwg/locked"

/* Appends n ops named prefix-1 ... to ref; tip gets the last. */
static int
chain(struct gv__chain_repo *r, const char *ref, const char *prefix, int n,
      char tip[GV__OID_HEX])
{
	char ops[64], expect[GV__OID_HEX];
	int error;

	if ((error = gv__chain_tip(expect, r, ref)) < 0)
		return error;
	for (int i = 1; i <= n; i++) {
		snprintf(ops, sizeof(ops), "%s-%d", prefix, i);
		if ((error = cf_add(tip, r, ref, expect, ops)) < 0)
			return error;
		memcpy(expect, tip, GV__OID_HEX);
	}
	return 0;
}

/* The tip of ref in r, kept ("" when absent, "?" on error). */
static const char *
tip_of(struct gv__chain_repo *r, const char *ref)
{
	char *tip = t_keep(malloc(GV__OID_HEX));

	if (gv__chain_tip(tip, r, ref) < 0)
		snprintf(tip, GV__OID_HEX, "?");
	return tip;
}

/* The names under prefix, joined by ' ' (kept). */
static const char *
names_under(struct gv__chain_repo *r, const char *prefix)
{
	struct gv__chain_ref *refs = NULL;
	char *text = t_keep(calloc(1, 4096));
	size_t n = 0, len = 0;

	if (gv__chain_refs(&refs, &n, r, prefix) < 0)
		return "?";
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(text + len, 4096 - len, "%s%s",
		                        i ? " " : "", refs[i].name);
	gv__chain_refs_free(refs, n);
	return text;
}

static const char *
file_url(const char *name)
{
	char *url = t_keep(malloc(4200));

	snprintf(url, 4200, "file://%s", t_path(name));
	return url;
}

/* ---- by path and file:// --------------------------------------------- */

static void
fetch_by_path_and_file_url(struct gv__chain_repo *theirs,
                           struct gv__chain_repo *ours)
{
	struct gv__chain_transfer st;
	char ann[GV__OID_HEX], bob[GV__OID_HEX];
	int rc;

	T_OK(chain(theirs, ANN, "ann", 3, ann));
	T_OK(chain(theirs, BOB, "bob", 1, bob));
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	/* Three objects a commit: commit, tree, blob. */
	T_EQ_INT(st.objects, 12);
	T_ASSERT(st.bytes > 0);
	T_EQ_STR(names_under(ours, "refs/gavel-remotes/origin/"),
	         "refs/gavel-remotes/origin/smcwg/ann "
	         "refs/gavel-remotes/origin/smcwg/bob");
	T_EQ_STR(tip_of(ours, "refs/gavel-remotes/origin/smcwg/ann"), ann);
	T_EQ_STR(cf_walk(&rc, ours, ann, ""), "ann-1|ann-2|ann-3");
	/* Fetching writes the mirror only, never our own chains. */
	T_EQ_STR(names_under(ours, "refs/gavel/"), "");
	/* Nothing new: nothing moves. */
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	T_EQ_INT(st.objects, 0);
	T_OK(gv__chain_fetch(&st, ours, "usb", file_url("remote.git")));
	T_EQ_STR(tip_of(ours, "refs/gavel-remotes/usb/smcwg/bob"), bob);
}

static void
fetch_prunes_and_forces(struct gv__chain_repo *theirs,
                        struct gv__chain_repo *ours)
{
	struct gv__chain_transfer st;
	char ann[GV__OID_HEX], bob[GV__OID_HEX], first[GV__OID_HEX];

	T_OK(chain(theirs, ANN, "ann", 1, first));
	T_OK(chain(theirs, ANN, "ann-more", 2, ann));
	T_OK(chain(theirs, BOB, "bob", 1, bob));
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	T_OK(gv__chain_fetch(&st, ours, "usb", t_path("remote.git")));
	/* bob's ref is gone; ann's was rewound to its first commit. */
	T_EQ_INT(cf_sh("git --git-dir='%s' update-ref -d %s && "
	               "git --git-dir='%s' update-ref %s %s",
	               t_path("remote.git"), BOB, t_path("remote.git"), ANN,
	               first),
	         0);
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	T_EQ_STR(names_under(ours, "refs/gavel-remotes/origin/"),
	         "refs/gavel-remotes/origin/smcwg/ann");
	T_EQ_STR(tip_of(ours, "refs/gavel-remotes/origin/smcwg/ann"), first);
	/* Another remote's mirror is its own. */
	T_EQ_STR(tip_of(ours, "refs/gavel-remotes/usb/smcwg/bob"), bob);
	/* A remote with no chain left: its mirror empties. */
	T_EQ_INT(cf_sh("git --git-dir='%s' update-ref -d %s",
	               t_path("remote.git"), ANN),
	         0);
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	T_EQ_STR(names_under(ours, "refs/gavel-remotes/origin/"), "");
	T_EQ_STR(tip_of(ours, "refs/gavel-remotes/usb/smcwg/ann"), ann);
}

/*
 * From a folder the objects are copied, not fetched (core/git_copy.c):
 * whatever a ref reaches comes along, as git's fetch brings it (a tag's
 * target, a tree's subtrees, a ref at a blob), so the copy passes git's
 * own connectivity check; and a file:// URL is read as libgit2 reads
 * it, %XX decoded, localhost or no host.
 */
static void
fetch_from_folder_copies_all_reached(struct gv__chain_repo *theirs,
                                     struct gv__chain_repo *ours)
{
	struct gv__chain_transfer st;
	char ann[GV__OID_HEX], url[4400];

	T_OK(chain(theirs, ANN, "ann", 2, ann));
	T_EQ_INT(cf_sh("cd '%s' && export GIT_DIR=. && "
	               "git tag -a -m t t $(echo tagged | "
	               "git hash-object -w --stdin) && "
	               "git update-ref refs/gavel/smcwg/tag refs/tags/t && "
	               "b=$(echo deep | git hash-object -w --stdin) && "
	               "s=$(printf '100644 blob %%s\\tf\\n' $b | git mktree) "
	               "&& t=$(printf '040000 tree %%s\\tdir\\n' $s | "
	               "git mktree) && c=$(git commit-tree -m x $t) && "
	               "git update-ref refs/gavel/smcwg/nested $c && "
	               "git update-ref refs/gavel/smcwg/blob $b && "
	               "git update-ref refs/gavel/smcwg/empty $(git "
	               "hash-object -w --stdin </dev/null) && "
	               "git update-ref refs/gavel/smcwg/large $(seq 40000 | "
	               "git hash-object -w --stdin) && "
	               "cd .. && mv remote.git 'the remote.git'",
	               t_path("remote.git")),
	         0);
	snprintf(url, sizeof(url), "file://localhost%s",
	         t_path("the%20remote.git"));
	T_OK(gv__chain_fetch(&st, ours, "origin", url));
	/* ann's 6, the tag and its blob, nested's commit, two trees and
	 * blob (which the blob's ref is at too: copied once), an empty blob
	 * and one of 228,894 bytes (stored in four blocks). */
	T_EQ_INT(st.objects, 14);
	T_EQ_STR(names_under(ours, "refs/gavel-remotes/origin/"),
	         "refs/gavel-remotes/origin/smcwg/ann "
	         "refs/gavel-remotes/origin/smcwg/blob "
	         "refs/gavel-remotes/origin/smcwg/empty "
	         "refs/gavel-remotes/origin/smcwg/large "
	         "refs/gavel-remotes/origin/smcwg/nested "
	         "refs/gavel-remotes/origin/smcwg/tag");
	/* The pack and the index written for it are git's own: git checks
	 * every object, their ids, the index's CRCs and both checksums. */
	T_EQ_INT(cf_sh("cd '%s' && git --git-dir=. fsck --full >/dev/null "
	               "2>&1 && git verify-pack -v objects/pack/*.idx | "
	               "grep -c '^[0-9a-f]\\{40\\} ' | grep -qx 14 && "
	               "test \"$(stat -c %%a objects/pack/* | sort -u)\" = 444",
	               t_path("local.git")),
	         0);
	snprintf(url, sizeof(url), "file://%s", t_path("the%20remote.git"));
	T_OK(gv__chain_fetch(&st, ours, "usb", url));
	T_EQ_INT(st.objects, 0);
	T_EQ_STR(tip_of(ours, "refs/gavel-remotes/usb/smcwg/ann"), ann);
	snprintf(url, sizeof(url), "file://elsewhere%s",
	         t_path("the%20remote.git"));
	T_ASSERT(gv__chain_fetch(&st, ours, "usb", url) < 0);
	T_CONTAINS(gv_error_last()->message, "file:///PATH");
}

/*
 * A folder missing an object its refs reach: the copy fails as a whole,
 * nothing of it lands and no mirror ref moves, so the next sync is
 * simply run again once the folder is whole.
 */
static void
fetch_from_broken_folder_moves_nothing(struct gv__chain_repo *theirs,
                                       struct gv__chain_repo *ours)
{
	struct gv__chain_transfer st;
	char ann[GV__OID_HEX], bob[GV__OID_HEX], old[GV__OID_HEX];

	T_OK(chain(theirs, ANN, "ann", 1, old));
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	T_OK(chain(theirs, ANN, "ann-more", 1, ann));
	T_OK(chain(theirs, BOB, "bob", 1, bob));
	/* The new commit's blob goes missing. */
	T_EQ_INT(cf_sh("cd '%s' && b=$(git --git-dir=. rev-parse %s:ops) && "
	               "mv objects/$(echo $b | cut -c1-2)/$(echo $b | "
	               "cut -c3-) blob.away",
	               t_path("remote.git"), ann),
	         0);
	T_ASSERT(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")) <
	         0);
	T_CONTAINS(gv_error_last()->message, "cannot reach");
	T_EQ_STR(tip_of(ours, "refs/gavel-remotes/origin/smcwg/ann"), old);
	T_EQ_STR(tip_of(ours, "refs/gavel-remotes/origin/smcwg/bob"), "");
	/* One pack, the first fetch's: nothing of the failed one. */
	T_EQ_INT(cf_sh("test $(ls '%s/objects/pack' | wc -l) -eq 2",
	               t_path("local.git")),
	         0);
	T_EQ_INT(cf_sh("cd '%s' && b=$(git --git-dir=. rev-parse %s:ops) && "
	               "mv blob.away objects/$(echo $b | cut -c1-2)/$(echo "
	               "$b | cut -c3-)",
	               t_path("remote.git"), ann),
	         0);
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	T_EQ_INT(st.objects, 6);
	T_EQ_STR(tip_of(ours, "refs/gavel-remotes/origin/smcwg/ann"), ann);
	T_EQ_STR(tip_of(ours, "refs/gavel-remotes/origin/smcwg/bob"), bob);
}

/*
 * A folder whose object is not what its name says (damaged, or forged
 * to slip other operations under a signed commit): the copy hashes each
 * object it writes and refuses the pack, so nothing is stored under a
 * name that is not its hash.
 */
static void
fetch_from_forged_folder_refuses(struct gv__chain_repo *theirs,
                                 struct gv__chain_repo *ours)
{
	struct gv__chain_transfer st;
	char ann[GV__OID_HEX];

	T_OK(chain(theirs, ANN, "ann", 1, ann));
	T_EQ_INT(cf_forge_ops("remote.git", ann), 0);
	T_ASSERT(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")) <
	         0);
	T_CONTAINS(gv_error_last()->message, "is damaged");
	T_EQ_STR(tip_of(ours, "refs/gavel-remotes/origin/smcwg/ann"), "");
	T_EQ_INT(cf_sh("test -z \"$(ls '%s/objects/pack')\"",
	               t_path("local.git")),
	         0);
}

static void
push_fast_forward(struct gv__chain_repo *theirs, struct gv__chain_repo *ours)
{
	const char *refs[] = {ANN};
	const char *mirror[] = {"refs/gavel-remotes/origin/smcwg/ann"};
	const char *stray[] = {"refs/gavel/smcwg/nobody"};
	struct gv__chain_transfer st;
	char tip[GV__OID_HEX];

	T_OK(chain(ours, ANN, "ann", 2, tip));
	T_OK(gv__chain_push(&st, ours, t_path("remote.git"), refs, 1));
	T_EQ_INT(st.objects, 6);
	T_EQ_STR(tip_of(theirs, ANN), tip);
	T_OK(chain(ours, ANN, "ann-more", 1, tip));
	T_OK(gv__chain_push(&st, ours, file_url("remote.git"), refs, 1));
	T_EQ_INT(st.objects, 3);
	T_EQ_STR(tip_of(theirs, ANN), tip);
	T_OK(gv__chain_push(&st, ours, t_path("remote.git"), refs, 1));
	T_EQ_INT(st.objects, 0);
	T_OK(gv__chain_push(&st, ours, t_path("remote.git"), refs, 0));
	T_REFUSED(gv__chain_push(&st, ours, t_path("remote.git"), stray, 1),
	          GV_ENOTFOUND, "nothing to push");
	T_REFUSED(gv__chain_push(&st, ours, t_path("remote.git"), mirror, 1),
	          GV_EINVALID, "not a chain's ref");
}

static void
push_refuses_non_fast_forward(struct gv__chain_repo *theirs,
                              struct gv__chain_repo *ours)
{
	const char *refs[] = {BOB, ANN};
	struct gv__chain_transfer st;
	char x[GV__OID_HEX], mine[GV__OID_HEX];

	/* Someone else wrote ann's chain at the remote. */
	T_OK(chain(theirs, ANN, "forged", 1, x));
	T_OK(chain(ours, ANN, "ann", 2, mine));
	T_OK(chain(ours, BOB, "bob", 1, mine));
	T_REFUSED(gv__chain_push(&st, ours, t_path("remote.git"), refs, 2),
	          GV_ECONFLICT, ANN);
	T_CONTAINS(gv_error_last()->message, "fetch first");
	T_EQ_STR(tip_of(theirs, ANN), x);
	/* Refused before anything was sent: bob's chain did not go. */
	T_EQ_STR(tip_of(theirs, BOB), "");
	/* Having the remote's commit is not containing it. */
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	T_REFUSED(
	        gv__chain_push(&st, ours, file_url("remote.git"), refs + 1, 1),
	        GV_ECONFLICT, ANN);
	T_EQ_STR(tip_of(theirs, ANN), x);
}

static void
fetch_by_path_and_file(void)
{
	cf_with_pair(fetch_by_path_and_file_url);
}

static void
fetch_prunes_and_forces_mirror(void)
{
	cf_with_pair(fetch_prunes_and_forces);
}

static void
fetch_from_folder_copies_all(void)
{
	cf_with_pair(fetch_from_folder_copies_all_reached);
}

static void
fetch_from_broken_folder(void)
{
	cf_with_pair(fetch_from_broken_folder_moves_nothing);
}

static void
fetch_from_forged_folder(void)
{
	cf_with_pair(fetch_from_forged_folder_refuses);
}

static void
push_fast_forwards_only(void)
{
	cf_with_pair(push_fast_forward);
}

static void
push_refuses_diverged_ref(void)
{
	cf_with_pair(push_refuses_non_fast_forward);
}

static void
unreachable_remote_is_named(void)
{
	struct gv__chain_repo *r = cf_repo("local.git");
	const char *refs[] = {ANN};
	struct gv__chain_transfer st;
	char tip[GV__OID_HEX];
	int rc;

	T_ASSERT(r != NULL);
	T_OK(chain(r, ANN, "ann", 1, tip));
	rc = gv__chain_fetch(&st, r, "origin", t_path("gone.git"));
	T_ASSERT(rc < 0);
	T_CONTAINS(gv_error_last()->message, "cannot reach");
	T_CONTAINS(gv_error_last()->message, t_path("gone.git"));
	T_CONTAINS(gv_error_last()->message, "check the URL");
	T_ASSERT(gv__chain_push(&st, r, file_url("gone.git"), refs, 1) < 0);
	T_CONTAINS(gv_error_last()->message, "cannot reach file://");
	/* A folder made for the record, its repository not yet. */
	T_ASSERT(mkdir(t_path("stick"), 0700) == 0);
	T_ASSERT(gv__chain_push(&st, r, t_path("stick"), refs, 1) < 0);
	T_CONTAINS(gv_error_last()->message, "stick is a folder but no git "
	                                     "repository: make one there with "
	                                     "'git init --bare ");
	T_ASSERT(gv__chain_fetch(&st, r, "usb", t_path("stick")) < 0);
	T_CONTAINS(gv_error_last()->message, "is a folder but no git");
	/* Port 1 of this machine: nothing listens. The password given in
	 * the URL is not repeated. */
	T_ASSERT(gv__chain_fetch(&st, r, "origin",
	                         "https://ann:s3cret@127.0.0.1:1/x.git") < 0);
	T_CONTAINS(gv_error_last()->message,
	           "cannot reach https://ann:***@127.0.0.1:1/x.git");
	T_ASSERT(strstr(gv_error_last()->message, "s3cret") == NULL);
	gv__chain_free(r);
}

static void
names_and_urls_refused(void)
{
	static const char *const names[] = {"",    ".x",    "-x", "a/b",
	                                    "a b", "a..b",  "x.", "x.lock",
	                                    "a:b", "ann\n", "é"};
	static const char *const urls[] = {"ftp://host/x.git", "", "/tmp/a\nb"};
	struct gv__chain_repo *r = cf_repo("local.git");
	struct gv__chain_transfer st;

	T_ASSERT(r != NULL);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		T_REFUSED(gv__chain_fetch(&st, r, names[i], t_path("x")),
		          GV_EINVALID, "cannot name a remote");
	for (size_t i = 0; i < sizeof(urls) / sizeof(urls[0]); i++)
		T_EQ_INT(gv__chain_fetch(&st, r, "origin", urls[i]),
		         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "control character");
	/* What is allowed. */
	T_EQ_INT(gv__chain_fetch(&st, r, "Group_1.usb-2", t_path("x")) ==
	                 GV_EINVALID,
	         0);
	gv__chain_free(r);
}

/* ---- ssh --------------------------------------------------------------- */

/* ssh://me@127.0.0.1:PORT/path/remote.git (kept); user NULL: none. */
static const char *
ssh_url(const struct rf_server *s, const char *user)
{
	char *url = t_keep(malloc(4400));

	snprintf(url, 4400, "ssh://%s%s127.0.0.1:%d%s", user ? user : "",
	         user ? "@" : "", s->port, t_path("remote.git"));
	return url;
}

static const char *
me(void)
{
	const struct passwd *pw = getpwuid(geteuid());

	return pw ? pw->pw_name : "root";
}

static void
ssh_body(const struct rf_server *s)
{
	struct gv__chain_repo *theirs = cf_repo("remote.git");
	struct gv__chain_repo *ours = cf_repo("local.git");
	const char *refs[] = {BOB};
	struct gv__chain_transfer st;
	char ann[GV__OID_HEX], bob[GV__OID_HEX];

	if (theirs && ours) {
		T_OK(chain(theirs, ANN, "ann", 2, ann));
		T_OK(gv__chain_fetch(&st, ours, "origin", ssh_url(s, me())));
		T_EQ_INT(st.objects, 6);
		T_EQ_STR(tip_of(ours, "refs/gavel-remotes/origin/smcwg/ann"),
		         ann);
		T_OK(chain(ours, BOB, "bob", 2, bob));
		T_OK(gv__chain_push(&st, ours, ssh_url(s, me()), refs, 1));
		T_EQ_INT(st.objects, 6);
		T_EQ_STR(tip_of(theirs, BOB), bob);
		/* No user in the URL: $USER's. */
		rf_setenv("USER", me());
		T_OK(gv__chain_fetch(&st, ours, "origin", ssh_url(s, NULL)));
		T_EQ_STR(tip_of(ours, "refs/gavel-remotes/origin/smcwg/bob"),
		         bob);
	}
	gv__chain_free(theirs);
	gv__chain_free(ours);
}

/* The test's ssh set-up: a client key in an agent, sshd letting it in. */
static int
ssh_setup(struct rf_server *s)
{
	const char *client;
	int rc;

	memset(s, 0, sizeof(*s));
	if (!cf_need("ssh-keygen") || !cf_need("ssh-agent") ||
	    !cf_need("ssh-add") || !cf_need("git"))
		return 1;
	if (!(client = cf_key("client", "client")))
		return -1;
	if ((rc = rf_sshd_start(s, client)) != 0)
		return rc;
	return cf_agent_start(client);
}

static void
ssh_teardown(struct rf_server *s)
{
	cf_agent_stop();
	rf_stop(s);
	rf_env_restore();
}

static void
ssh_fetch_and_push(void)
{
	struct rf_server s;

	if (ssh_setup(&s) == 0) {
		cf_library_leaks_ignored(1);
		ssh_body(&s);
		cf_library_leaks_ignored(0);
	}
	ssh_teardown(&s);
}

static void
ssh_refusals_body(const struct rf_server *s)
{
	struct gv__chain_repo *theirs = cf_repo("remote.git");
	struct gv__chain_repo *ours = cf_repo("local.git");
	struct gv__chain_transfer st;
	const char *stranger;

	gv__chain_free(theirs);
	T_ASSERT(ours != NULL && theirs != NULL);
	/* The agent holds a key sshd does not know. */
	T_ASSERT((stranger = cf_key("stranger", "stranger")) != NULL);
	T_EQ_INT(cf_sh("SSH_AUTH_SOCK='%s' ssh-add -D -q 2>/dev/null && "
	               "SSH_AUTH_SOCK='%s' ssh-add -q '%s' 2>/dev/null",
	               getenv("SSH_AUTH_SOCK"), getenv("SSH_AUTH_SOCK"),
	               stranger),
	         0);
	T_REFUSED(gv__chain_fetch(&st, ours, "origin", ssh_url(s, me())),
	          GV_EDENIED, "cannot authenticate to ssh://");
	T_CONTAINS(gv_error_last()->message, "turned down every key");
	/* No agent at all. */
	rf_setenv("SSH_AUTH_SOCK", "");
	T_REFUSED(gv__chain_fetch(&st, ours, "origin", ssh_url(s, me())),
	          GV_EDENIED, "no ssh-agent is running");
	/* A host this user never met. */
	T_ASSERT(t_write_file(".ssh/known_hosts", "") != NULL);
	T_REFUSED(gv__chain_fetch(&st, ours, "origin", ssh_url(s, me())),
	          GV_EDENIED, "known_hosts");
	T_CONTAINS(gv_error_last()->message, "127.0.0.1");
	gv__chain_free(ours);
}

static void
ssh_refusals(void)
{
	struct rf_server s;

	if (ssh_setup(&s) == 0) {
		cf_library_leaks_ignored(1);
		ssh_refusals_body(&s);
		cf_library_leaks_ignored(0);
	}
	ssh_teardown(&s);
}

/* ---- http(s) ----------------------------------------------------------- */

/*
 * git's credentials for this test: its own global config (no system
 * one) and no prompt on a terminal. Two helpers, as a member may have:
 * one that answers with password (none if NULL), then git's "store" over
 * a file that starts with stored.
 */
static int
credentials(const char *password, const char *stored)
{
	char config[8400];

	snprintf(config, sizeof(config),
	         "[credential]\n"
	         "\thelper = \"!f() { test -n '%s' && test $1 = get && "
	         "echo username=ann && echo password=%s; }; f\"\n"
	         "\thelper = store --file=%s\n",
	         password ? password : "", password ? password : "",
	         t_path("git-credentials"));
	if (!t_write_file("gitconfig", config) ||
	    !t_write_file("git-credentials", stored))
		return -1;
	rf_setenv("GIT_CONFIG_GLOBAL", t_path("gitconfig"));
	rf_setenv("GIT_CONFIG_NOSYSTEM", "1");
	rf_setenv("GIT_TERMINAL_PROMPT", "0");
	return 0;
}

static const char *
http_url(const char *scheme, const char *host, const struct rf_server *s)
{
	char *url = t_keep(malloc(256));

	snprintf(url, 256, "%s://%s:%d/remote.git", scheme, host, s->port);
	return url;
}

/* What the store helper's file says for url, with a password. */
static const char *
stored(const char *scheme, const char *host, const struct rf_server *s,
       const char *password)
{
	char *line = t_keep(malloc(256));

	snprintf(line, 256, "%s://ann:%s@%s:%d\n", scheme, password, host,
	         s->port);
	return line;
}

/* An update hook at the remote refusing one ref, as a server's policy
 * would. */
static int
refuse_locked(void)
{
	const char *hook = t_write_file(
	        "srv/remote.git/hooks/update",
	        "#!/bin/sh\ncase \"$1\" in refs/gavel/smcwg/locked) "
	        "echo 'locked by policy' >&2; exit 1;; esac\n");

	return hook ? chmod(hook, 0755) : -1;
}

static void
http_body(const struct rf_server *s)
{
	struct gv__chain_repo *theirs = cf_repo("srv/remote.git");
	struct gv__chain_repo *ours = cf_repo("local.git");
	const char *refs[] = {BOB}, *locked[] = {LOCKED};
	struct gv__chain_transfer st;
	char ann[GV__OID_HEX], bob[GV__OID_HEX];
	const char *url = http_url("http", "127.0.0.1", s);

	if (theirs && ours) {
		T_ASSERT(credentials("s3cret", "") == 0);
		T_OK(chain(theirs, ANN, "ann", 2, ann));
		T_OK(gv__chain_fetch(&st, ours, "origin", url));
		T_EQ_INT(st.objects, 6);
		/* What worked was approved: the store helper keeps it. */
		T_CONTAINS(t_read_file(t_path("git-credentials"), NULL),
		           "http://ann:s3cret@127.0.0.1");
		T_EQ_STR(tip_of(ours, "refs/gavel-remotes/origin/smcwg/ann"),
		         ann);
		T_OK(chain(ours, BOB, "bob", 1, bob));
		T_OK(gv__chain_push(&st, ours, url, refs, 1));
		T_EQ_STR(tip_of(theirs, BOB), bob);
		/* A ref the server's policy refuses, named. */
		T_ASSERT(refuse_locked() == 0);
		T_OK(chain(ours, locked[0], "l", 1, bob));
		T_REFUSED(gv__chain_push(&st, ours, url, locked, 1),
		          GV_ECONFLICT, "the remote refused " LOCKED);
		T_EQ_STR(tip_of(theirs, locked[0]), "");
	}
	gv__chain_free(theirs);
	gv__chain_free(ours);
}

static int
http_setup(struct rf_server *s, const char *cert, const char *key)
{
	memset(s, 0, sizeof(*s));
	if (!cf_need("git"))
		return 1;
	if (mkdir(t_path("srv"), 0700) != 0)
		return -1;
	return rf_http_start(s, t_path("srv"), "ann", "s3cret", cert, key);
}

static void
http_fetch_and_push(void)
{
	struct rf_server s;

	if (http_setup(&s, NULL, NULL) == 0)
		http_body(&s);
	rf_stop(&s);
	rf_env_restore();
}

static void
http_wrong_password_body(const struct rf_server *s)
{
	struct gv__chain_repo *theirs = cf_repo("srv/remote.git");
	struct gv__chain_repo *ours = cf_repo("local.git");
	struct gv__chain_transfer st;
	const char *url = http_url("http", "127.0.0.1", s);

	gv__chain_free(theirs);
	T_ASSERT(theirs && ours);
	T_ASSERT(credentials(NULL, stored("http", "127.0.0.1", s, "wrong")) ==
	         0);
	T_REFUSED(gv__chain_fetch(&st, ours, "origin", url), GV_EDENIED,
	          "cannot authenticate to http://127.0.0.1:");
	T_CONTAINS(gv_error_last()->message, "git credential fill");
	/* The password the server turned down was rejected: the store
	 * helper forgot it. */
	T_ASSERT(strstr(t_read_file(t_path("git-credentials"), NULL),
	                "wrong") == NULL);
	/* No helper knows the URL, and no terminal may be asked. */
	T_REFUSED(gv__chain_fetch(&st, ours, "origin", url), GV_EDENIED,
	          "cannot authenticate to http://127.0.0.1:");
	T_CONTAINS(gv_error_last()->message, "credential.helper");
	gv__chain_free(ours);
}

static void
http_wrong_password(void)
{
	struct rf_server s;

	if (http_setup(&s, NULL, NULL) == 0)
		http_wrong_password_body(&s);
	rf_stop(&s);
	rf_env_restore();
}

static void
https_body(const struct rf_server *s, const char *cert)
{
	struct gv__chain_repo *theirs = cf_repo("srv/remote.git");
	struct gv__chain_repo *ours = cf_repo("local.git");
	const char *refs[] = {BOB};
	struct gv__chain_transfer st;
	char ann[GV__OID_HEX], bob[GV__OID_HEX];
	const char *url = http_url("https", "localhost", s);

	if (theirs && ours) {
		T_ASSERT(credentials(NULL, stored("https", "localhost", s,
		                                  "s3cret")) == 0);
		T_OK(chain(theirs, ANN, "ann", 2, ann));
		/* The system's authorities do not know this server. */
		rf_setenv("SSL_CERT_FILE", "");
		T_REFUSED(gv__chain_fetch(&st, ours, "origin", url), GV_EDENIED,
		          "cannot reach https://localhost:");
		T_CONTAINS(gv_error_last()->message, "certificate");
		rf_setenv("SSL_CERT_FILE", cert);
		T_OK(gv__chain_fetch(&st, ours, "origin", url));
		T_EQ_STR(tip_of(ours, "refs/gavel-remotes/origin/smcwg/ann"),
		         ann);
		T_OK(chain(ours, BOB, "bob", 1, bob));
		T_OK(gv__chain_push(&st, ours, url, refs, 1));
		T_EQ_STR(tip_of(theirs, BOB), bob);
	}
	gv__chain_free(theirs);
	gv__chain_free(ours);
}

static void
https_fetch_and_push(void)
{
	struct rf_server s;
	const char *cert = t_path("cert.pem"), *key = t_path("key.pem");

	memset(&s, 0, sizeof(s));
	if (!cf_need("openssl"))
		return;
	/* A throwaway certificate for localhost, its own authority. */
	if (cf_sh("openssl req -x509 -newkey ec -pkeyopt "
	          "ec_paramgen_curve:P-256 -nodes -keyout '%s' -out '%s' "
	          "-days 2 -subj /CN=localhost -addext "
	          "subjectAltName=DNS:localhost >/dev/null 2>&1",
	          key, cert) != 0) {
		t_fail(__FILE__, __LINE__,
		       "openssl could not make a certificate");
		return;
	}
	if (http_setup(&s, cert, key) == 0)
		https_body(&s, cert);
	rf_stop(&s);
	rf_env_restore();
}

const struct t_case git_remote_tests[] = {
        {"fetch_by_path_and_file", fetch_by_path_and_file},
        {"fetch_prunes_and_forces_mirror", fetch_prunes_and_forces_mirror},
        {"fetch_from_folder_copies_all", fetch_from_folder_copies_all},
        {"fetch_from_broken_folder", fetch_from_broken_folder},
        {"fetch_from_forged_folder", fetch_from_forged_folder},
        {"push_fast_forwards_only", push_fast_forwards_only},
        {"push_refuses_diverged_ref", push_refuses_diverged_ref},
        {"unreachable_remote_is_named", unreachable_remote_is_named},
        {"names_and_urls_refused", names_and_urls_refused},
        {"ssh_fetch_and_push", ssh_fetch_and_push},
        {"ssh_refusals", ssh_refusals},
        {"http_fetch_and_push", http_fetch_and_push},
        {"http_wrong_password", http_wrong_password},
        {"https_fetch_and_push", https_fetch_and_push},
        {NULL, NULL},
};
