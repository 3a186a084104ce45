/* SPDX-License-Identifier: MIT */
/*
 * This file tests what a fetch from a folder (core/git_copy.c) does
 * beyond moving the chains, which tests/test_git_remote.c covers: the
 * objects it keeps in memory for the walk that follows
 * (core/git_chain_kept.c), within their bound and never past a failed
 * copy; a new commit's tree and operations copied without asking whether
 * this repository has them; a commit's tree and parents followed without
 * parsing the commit whole. And a push into a folder that is a clone
 * with a working tree, which libgit2's own push refuses.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "chain_fixture.h"
#include "gavel/error.h"
#include "harness.h"
#include "git_oid_map.h"

#define ANN "refs/gavel/smcwg/ann"

/* Appends ann-1 ... ann-n to ANN in r; tip gets the last. */
static int
three(struct gv__chain_repo *r, char tip[GV__OID_HEX])
{
	char expect[GV__OID_HEX] = "", ops[16];
	int error;

	for (int i = 1; i <= 3; i++) {
		snprintf(ops, sizeof(ops), "ann-%d", i);
		if ((error = cf_add(tip, r, ANN, expect, ops)) < 0)
			return error;
		memcpy(expect, tip, GV__OID_HEX);
	}
	return 0;
}

/* Whether this process has a pack of the repository name open: libgit2
 * opens one on the first read from it and keeps it open. */
static int
pack_open(const char *name)
{
	char link[300], target[4200], want[4200];
	struct dirent *e;
	DIR *d = opendir("/proc/self/fd");
	ssize_t n;
	int found = 0;

	snprintf(want, sizeof(want), "%s/objects/pack/pack-", t_path(name));
	while (d && !found && (e = readdir(d)) != NULL) {
		snprintf(link, sizeof(link), "/proc/self/fd/%s", e->d_name);
		if ((n = readlink(link, target, sizeof(target) - 1)) <= 0)
			continue;
		target[n] = '\0';
		found = strncmp(target, want, strlen(want)) == 0 && n > 5 &&
		        strcmp(target + n - 5, ".pack") == 0;
	}
	if (d)
		closedir(d);
	return found;
}

/* The walk from tip's error code (0 when it read the chain), the
 * message in gv_error_last(). */
static int
walk_fails(struct gv__chain_repo *r, const char *tip)
{
	const char *ops;
	int rc = 0;

	/* libgit2's walk keeps its list when it meets a missing object. */
	cf_library_leaks_ignored(1);
	ops = cf_walk(&rc, r, tip, "");
	cf_library_leaks_ignored(0);
	return ops ? 0 : rc;
}

static void
kept_for_walk(struct gv__chain_repo *theirs, struct gv__chain_repo *ours)
{
	struct gv__chain_transfer st;
	char tip[GV__OID_HEX];
	size_t kept;
	int rc;

	T_OK(three(theirs, tip));
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	T_EQ_INT(st.objects, 9);
	/* Each object's bytes and 64 for what libgit2 keeps beside. */
	kept = gv__chain_kept(ours);
	T_ASSERT(kept > 9 * 64);
	/* The walk (and the fetch's own checks of the refs it set) read
	 * every object from memory: the new pack was never opened. */
	T_EQ_STR(cf_walk(&rc, ours, tip, ""), "ann-1|ann-2|ann-3");
	T_ASSERT(!pack_open("local.git"));
	/* The three blobs were handed over, the commits and trees kept:
	 * a second walk reads the blobs from the pack. */
	T_EQ_INT(gv__chain_kept(ours), kept - 3 * (strlen("ann-1") + 64));
	T_EQ_STR(cf_walk(&rc, ours, tip, ""), "ann-1|ann-2|ann-3");
	T_ASSERT(pack_open("local.git"));
	/* Dropped: the walk reads the pack. */
	gv__chain_forget(ours);
	T_EQ_INT(gv__chain_kept(ours), 0);
	T_EQ_STR(cf_walk(&rc, ours, tip, ""), "ann-1|ann-2|ann-3");
	T_ASSERT(pack_open("local.git"));
}

static void
kept_within_bound(struct gv__chain_repo *theirs, struct gv__chain_repo *ours)
{
	struct gv__chain_transfer st;
	char tip[GV__OID_HEX];
	int rc;

	/* Room for a few of the nine objects (a commit is about 250
	 * bytes with its 64, a tree 100, a blob 70). */
	gv__chain_keep_limit(ours, 600);
	T_OK(three(theirs, tip));
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	T_EQ_INT(st.objects, 9);
	T_ASSERT(gv__chain_kept(ours) > 0);
	T_ASSERT(gv__chain_kept(ours) <= 600);
	/* What is not kept is read from the pack. */
	T_EQ_STR(cf_walk(&rc, ours, tip, ""), "ann-1|ann-2|ann-3");
	T_ASSERT(pack_open("local.git"));
	/* The next fetch drops what the last one kept. */
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	T_EQ_INT(st.objects, 0);
	T_EQ_INT(gv__chain_kept(ours), 0);
}

/* What the walk handed over of a signed commit, kept. */
struct signed_link {
	char sig[256], data[512];
	size_t len;
};

static int
take_signed(const struct gv__chain_link *link, void *ctx)
{
	struct signed_link *s = ctx;

	if (!link->signature || link->signed_len >= sizeof(s->data))
		return 1;
	snprintf(s->sig, sizeof(s->sig), "%s", link->signature);
	memcpy(s->data, link->signed_data, link->signed_len);
	s->data[link->signed_len] = '\0';
	s->len = link->signed_len;
	return 0;
}

/*
 * A signed commit read from memory: its signature and the bytes it
 * covers are exactly the commit's (libgit2 reads the commit's text as a
 * C string there; `make asan` checks nothing is read past it).
 */
static void
kept_signed_commit_read(struct gv__chain_repo *theirs,
                        struct gv__chain_repo *ours)
{
	struct gv__chain_transfer st;
	struct signed_link got = {{0}, {0}, 0};
	char plain[GV__OID_HEX], tip[GV__OID_HEX + 1] = "", want[512] = "";
	FILE *f;
	size_t n = 0;

	/* The commit, and what its signature covers: it without the
	 * gpgsig header. */
	T_OK(cf_add(plain, theirs, ANN, "", "ann-1"));
	T_EQ_INT(cf_sh("cd '%s' && export GIT_DIR=. && "
	               "h=\"tree $(git rev-parse %s^{tree})\n"
	               "author A <a@example.org> 0 +0000\n"
	               "committer A <a@example.org> 0 +0000\" && "
	               "printf '%%b\\n\\nops\\n' \"$h\" >../want.txt && "
	               "c=$(printf '%%b\\ngpgsig -----BEGIN SSH SIGNATURE-----"
	               "\\n U1NIU0lH\\n -----END SSH SIGNATURE-----\\n\\n"
	               "ops\\n' \"$h\" | git hash-object -t commit -w --stdin) "
	               "&& git update-ref %s $c && echo $c >../signed.txt",
	               t_path("remote.git"), plain, ANN),
	         0);
	T_ASSERT((f = fopen(t_path("signed.txt"), "r")) != NULL);
	T_ASSERT(fgets(tip, sizeof(tip), f) != NULL);
	fclose(f);
	tip[GV__OID_HEX - 1] = '\0';
	T_ASSERT((f = fopen(t_path("want.txt"), "r")) != NULL);
	n = fread(want, 1, sizeof(want) - 1, f);
	fclose(f);
	T_ASSERT(n > 0);
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	T_OK(gv__chain_walk(ours, tip, "", take_signed, &got));
	T_ASSERT(!pack_open("local.git"));
	T_EQ_STR(got.sig, "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n"
	                  "-----END SSH SIGNATURE-----");
	T_EQ_STR(got.data, want);
	T_EQ_INT(got.len, n);
}

/* A forged object refuses the copy after the commit and tree before it
 * were checked and kept: they go too, so no walk finds them. */
static void
kept_nothing_of_forged(struct gv__chain_repo *theirs,
                       struct gv__chain_repo *ours)
{
	struct gv__chain_transfer st;
	char tip[GV__OID_HEX];

	T_OK(cf_add(tip, theirs, ANN, "", "ann-1"));
	T_EQ_INT(cf_forge_ops("remote.git", tip), 0);
	T_ASSERT(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")) <
	         0);
	T_CONTAINS(gv_error_last()->message, "is damaged");
	T_EQ_INT(gv__chain_kept(ours), 0);
	T_EQ_INT(walk_fails(ours, tip), GV_ECORRUPT);
	T_CONTAINS(gv_error_last()->message, "the chain's tip");
}

/* A merge's parents both come along; a commit whose text does not
 * begin with its tree is refused by name, and nothing of it lands. */
static void
commit_header_followed(struct gv__chain_repo *theirs,
                       struct gv__chain_repo *ours)
{
	struct gv__chain_transfer st;
	char a[GV__OID_HEX], b[GV__OID_HEX];

	T_OK(cf_add(a, theirs, ANN, "", "ann-1"));
	T_OK(cf_add(b, theirs, "refs/gavel/smcwg/bob", "", "bob-1"));
	T_EQ_INT(cf_sh("cd '%s' && export GIT_DIR=. && "
	               "m=$(git commit-tree -m merge -p %s -p %s %s^{tree}) "
	               "&& git update-ref refs/gavel/smcwg/merge $m && "
	               "git update-ref -d refs/gavel/smcwg/bob && "
	               "git update-ref -d %s",
	               t_path("remote.git"), a, b, a, ANN),
	         0);
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	/* The merge (its tree is ann-1's), and each parent's three. */
	T_EQ_INT(st.objects, 7);
	T_EQ_INT(cf_sh("git --git-dir='%s' fsck --full >/dev/null 2>&1",
	               t_path("local.git")),
	         0);
	T_EQ_INT(
	        cf_sh("cd '%s' && export GIT_DIR=. && "
	              "c=$(printf 'author A <a@example.org> 0 +0000\\n\\nx\\n' "
	              "| git hash-object -t commit --literally -w --stdin) && "
	              "echo $c >refs/gavel/smcwg/treeless",
	              t_path("remote.git")),
	        0);
	T_ASSERT(gv__chain_fetch(&st, ours, "usb", t_path("remote.git")) < 0);
	T_CONTAINS(gv_error_last()->message, "does not begin with its tree");
	T_EQ_INT(cf_sh("test -z \"$(git --git-dir='%s' for-each-ref "
	               "refs/gavel-remotes/usb)\"",
	               t_path("local.git")),
	         0);
}

/*
 * A new commit's tree and operations are not asked about (a gavel
 * commit's are its own): when this repository has them already, from a
 * commit of the same operations, the copy holds them a second time,
 * which git allows, and both chains read back.
 */
static void
new_commit_copied_whole(struct gv__chain_repo *theirs,
                        struct gv__chain_repo *ours)
{
	struct gv__chain_transfer st;
	char mine[GV__OID_HEX], tip[GV__OID_HEX];
	int rc;

	T_OK(cf_add(mine, ours, ANN, "", "same"));
	T_OK(cf_add(tip, theirs, ANN, "", "same"));
	T_ASSERT(strcmp(mine, tip) != 0);
	T_OK(gv__chain_fetch(&st, ours, "origin", t_path("remote.git")));
	T_EQ_INT(st.objects, 3);
	T_EQ_INT(cf_sh("git --git-dir='%s' fsck --full >/dev/null 2>&1",
	               t_path("local.git")),
	         0);
	T_EQ_STR(cf_walk(&rc, ours, tip, ""), "same");
	T_EQ_STR(cf_walk(&rc, ours, mine, ""), "same");
}

/*
 * A member's folder remote made with a plain `git init` (a working tree,
 * a branch checked out): the chain goes in as git would push it, the
 * checkout untouched, its objects deflated as git's push packs them, and
 * it is fetched back from there.
 */
static void
pushed_into_working_tree(struct gv__chain_repo *theirs,
                         struct gv__chain_repo *ours)
{
	const char *refs[] = {ANN};
	struct gv__chain_transfer st;
	char tip[GV__OID_HEX], text[4001], cmd[1024], *out;
	int rc;

	memset(text, 'a', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	T_ASSERT(cf_sh("cd '%s' && git init -q -b main work && cd work && "
	               "echo draft > SBR.md && git add SBR.md && "
	               "git -c user.name=A -c user.email=a@x commit -qm one",
	               t_tmpdir()) == 0);
	T_OK(cf_add(tip, ours, ANN, "", text));
	T_OK(gv__chain_push(&st, ours, t_path("work"), refs, 1));
	T_EQ_INT(st.objects, 3);
	/* 4,000 bytes of operations, deflated. */
	T_ASSERT(st.bytes < 400);
	snprintf(cmd, sizeof(cmd),
	         "cd '%s/work' && git rev-parse %s && git symbolic-ref HEAD "
	         "&& git status --porcelain && git fsck --full 2>&1 && "
	         "echo checked",
	         t_tmpdir(), ANN);
	out = t_shell_output(cmd);
	T_ASSERT(out != NULL);
	T_ASSERT(strncmp(out, tip, GV__OID_HEX - 1) == 0);
	T_CONTAINS(out, "\nrefs/heads/main\nchecked\n");
	/* A second member fetches it from there. */
	T_OK(gv__chain_fetch(&st, theirs, "usb", t_path("work")));
	T_EQ_INT(st.objects, 3);
	T_EQ_STR(cf_walk(&rc, theirs, tip, ""), text);
}

static void
push_into_working_tree(void)
{
	if (cf_need("git"))
		cf_with_pair(pushed_into_working_tree);
}

static void
walk_reads_kept_objects(void)
{
	cf_with_pair(kept_for_walk);
}

static void
kept_objects_bounded(void)
{
	cf_with_pair(kept_within_bound);
}

static void
signed_commit_read_from_memory(void)
{
	cf_with_pair(kept_signed_commit_read);
}

static void
failed_copy_keeps_nothing(void)
{
	cf_with_pair(kept_nothing_of_forged);
}

static void
commit_tree_and_parents_followed(void)
{
	cf_with_pair(commit_header_followed);
}

static void
new_commit_tree_not_asked(void)
{
	cf_with_pair(new_commit_copied_whole);
}

/* The map of ids the copy and the kept objects use: every id put is
 * found with its value through the table's growth, once only. */
static void
oid_map_holds_every_id(void)
{
	struct gv__oid_map m = {0};
	git_oid id;
	char hex[GIT_OID_HEXSZ + 1];
	int i, found = 0, again = 0;

	for (i = 1; i <= 5000; i++) {
		snprintf(hex, sizeof(hex), "%040x", i * 2654435761u);
		T_OK(git_oid_fromstr(&id, hex));
		T_EQ_INT(gv__oid_map_put(&m, &id, (void *)(size_t)i), 1);
	}
	T_EQ_INT((int)m.n, 5000);
	for (i = 1; i <= 5000; i++) {
		const struct gv__oid_slot *s;

		snprintf(hex, sizeof(hex), "%040x", i * 2654435761u);
		T_OK(git_oid_fromstr(&id, hex));
		s = gv__oid_map_get(&m, &id);
		found += s && s->value == (void *)(size_t)i;
		again += gv__oid_map_put(&m, &id, NULL);
	}
	T_EQ_INT(found, 5000);
	T_EQ_INT(again, 0);
	T_OK(git_oid_fromstr(&id, "ffffffffffffffffffffffffffffffffffffffff"));
	T_ASSERT(gv__oid_map_get(&m, &id) == NULL);
	gv__oid_map_clear(&m);
	T_ASSERT(gv__oid_map_get(&m, &id) == NULL);
}

const struct t_case git_copy_tests[] = {
        {"oid_map_holds_every_id", oid_map_holds_every_id},
        {"walk_reads_kept_objects", walk_reads_kept_objects},
        {"kept_objects_bounded", kept_objects_bounded},
        {"signed_commit_read_from_memory", signed_commit_read_from_memory},
        {"failed_copy_keeps_nothing", failed_copy_keeps_nothing},
        {"commit_tree_and_parents_followed", commit_tree_and_parents_followed},
        {"new_commit_tree_not_asked", new_commit_tree_not_asked},
        {"push_into_working_tree", push_into_working_tree},
        {NULL, NULL},
};
