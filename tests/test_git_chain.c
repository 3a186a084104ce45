/* SPDX-License-Identifier: MIT */
/*
 * This file tests the local chains of operation commits (core/git_chain.c,
 * core/git_chain_walk.c): the bare repository, appending with a
 * compare-and-swap on the ref, walking parents first, and refusing refs
 * that hold anything gavel did not write. Garbage is written with
 * libgit2 directly, as another program would.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "chain_fixture.h"
#include "gavel/error.h"
#include "harness.h"

#define REF "refs/gavel/smcwg/ann"

static void
open_creates_bare_repository(void)
{
	struct gv__chain_repo *r = cf_repo("sync/chains.git");
	struct stat st;
	char cmd[4200];

	T_ASSERT(r != NULL);
	gv__chain_free(r);
	/* Bare: the repository's files at the path, no work tree, no .git. */
	T_ASSERT(stat(t_path("sync/chains.git/HEAD"), &st) == 0);
	T_ASSERT(stat(t_path("sync/chains.git/objects"), &st) == 0);
	T_ASSERT(stat(t_path("sync/chains.git/.git"), &st) != 0);
	snprintf(cmd, sizeof(cmd),
	         "git --git-dir='%s' rev-parse --is-bare-repository",
	         t_path("sync/chains.git"));
	T_EQ_STR(t_shell_output(cmd), "true\n");
	/* Opened again, not made again. */
	r = cf_repo("sync/chains.git");
	T_ASSERT(r != NULL);
	gv__chain_free(r);
}

static void
open_refuses_folder_with_files(void)
{
	struct gv__chain_repo *r = NULL;

	T_ASSERT(t_write_file("notes.txt", "mine\n") != NULL);
	T_REFUSED(gv__chain_open(&r, t_tmpdir()), GV_EEXISTS,
	          "holds files but no git repository");
	T_ASSERT(r == NULL);
	T_ASSERT(access(t_path("HEAD"), F_OK) != 0);
}

/* Where each commit of the walk is, to check parents come first. */
struct order {
	char oids[8][GV__OID_HEX];
	size_t n;
	size_t parents[8];
};

static int
record(const struct gv__chain_link *link, void *ctx)
{
	struct order *o = ctx;

	if (o->n < 8) {
		snprintf(o->oids[o->n], GV__OID_HEX, "%s", link->oid);
		o->parents[o->n] = link->parents;
	}
	o->n++;
	return 0;
}

static size_t
position(const struct order *o, const char *oid)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->oids[i], oid) == 0)
			return i;
	return (size_t)-1;
}

static void
append_walk_round_trip(void)
{
	struct gv__chain_repo *r = cf_repo("c.git");
	char a[GV__OID_HEX], b[GV__OID_HEX], c[GV__OID_HEX], tip[GV__OID_HEX];
	char x[GV__OID_HEX], m[GV__OID_HEX];
	struct gv__chain_commit mc = {0};
	struct order o = {0};
	const char *ops;
	int rc;

	T_ASSERT(r != NULL);
	T_OK(cf_add(a, r, REF, "", "op-a"));
	T_OK(cf_add(b, r, REF, a, "op-b"));
	T_OK(cf_add(c, r, REF, b, "op-c"));
	T_OK(gv__chain_tip(tip, r, REF));
	T_EQ_STR(tip, c);
	T_EQ_STR(cf_walk(&rc, r, c, ""), "op-a|op-b|op-c");
	T_EQ_STR(cf_walk(&rc, r, c, NULL), "op-a|op-b|op-c");
	/* stop: what was walked before is not walked again. */
	T_EQ_STR(cf_walk(&rc, r, c, a), "op-b|op-c");
	T_EQ_STR(cf_walk(&rc, r, c, c), "");
	/* A merge: its second parent's chain comes before it, and every
	 * parent before its child, whatever the clock says (x is later
	 * than a, b and c). */
	T_OK(cf_add(x, r, "refs/gavel/smcwg/bob", "", "op-x"));
	mc.ref = REF;
	mc.expect = c;
	mc.merge = x;
	mc.ops = "op-m";
	mc.len = 4;
	mc.name = "Ann Chair";
	mc.email = "";
	mc.when = 1000; /* before all of them */
	mc.message = "merge\n";
	T_OK(gv__chain_append(m, r, &mc));
	T_OK(gv__chain_walk(r, m, "", record, &o));
	T_EQ_INT(o.n, 5);
	T_ASSERT(position(&o, a) < position(&o, b));
	T_ASSERT(position(&o, b) < position(&o, c));
	T_ASSERT(position(&o, c) < position(&o, m));
	T_ASSERT(position(&o, x) < position(&o, m));
	T_EQ_INT(o.parents[position(&o, a)], 0);
	T_EQ_INT(o.parents[position(&o, m)], 2);
	ops = cf_walk(&rc, r, m, c);
	T_EQ_STR(ops, "op-x|op-m");
	gv__chain_free(r);
	/* git reads what was written as ordinary, well-formed objects. */
	T_EQ_INT(cf_sh("git --git-dir='%s' fsck --strict --no-dangling "
	               "2>/dev/null >/dev/null",
	               t_path("c.git")),
	         0);
}

/* The link's fields, as the walk hands them over. */
static int
check_link(const struct gv__chain_link *link, void *ctx)
{
	int *seen = ctx;

	(*seen)++;
	if (link->len != 5 || memcmp(link->ops, "a\0b\nc", 5) != 0 ||
	    strcmp(link->email, "ann@example.org") != 0 ||
	    link->when != 1734537600 + 7 * 60 || link->signature ||
	    link->signed_data || link->parents != 0)
		return -99;
	return 0;
}

static void
walk_hands_over_link(void)
{
	struct gv__chain_repo *r = cf_repo("c.git");
	struct gv__chain_commit c = {0};
	char id[GV__OID_HEX];
	int seen = 0;

	T_ASSERT(r != NULL);
	c.ref = REF;
	c.expect = "";
	c.ops = "a\0b\nc"; /* bytes, not text */
	c.len = 5;
	c.name = "Ann Chair";
	c.email = "ann@example.org";
	c.when = 1734537600 + 7 * 60;
	c.message = "ops\n";
	T_OK(gv__chain_append(id, r, &c));
	T_EQ_INT(gv__chain_walk(r, id, "", check_link, &seen), 0);
	T_EQ_INT(seen, 1);
	gv__chain_free(r);
}

static int
stop_at_second(const struct gv__chain_link *link, void *ctx)
{
	int *seen = ctx;

	(void)link;
	return ++*seen == 2 ? GV_ECONFLICT : 0;
}

static void
walk_stops_on_callback_error(void)
{
	struct gv__chain_repo *r = cf_repo("c.git");
	char a[GV__OID_HEX], b[GV__OID_HEX], c[GV__OID_HEX];
	int seen = 0;

	T_ASSERT(r != NULL);
	T_OK(cf_add(a, r, REF, "", "1"));
	T_OK(cf_add(b, r, REF, a, "2"));
	T_OK(cf_add(c, r, REF, b, "3"));
	T_EQ_INT(gv__chain_walk(r, c, "", stop_at_second, &seen), GV_ECONFLICT);
	T_EQ_INT(seen, 2);
	gv__chain_free(r);
}

/* The bytes libgit2 holds in its object cache now. */
static ssize_t
cached(void)
{
	ssize_t now = 0, allowed = 0;

	git_libgit2_opts(GIT_OPT_GET_CACHED_MEMORY, &now, &allowed);
	return now;
}

/* The walk reads each blob once: it leaves none in libgit2's cache,
 * which would hold them as long as the repository is open, and the
 * cache keeps blobs again after it (redlines read theirs twice). */
static void
walk_caches_no_blob(void)
{
	struct gv__chain_repo *r = cf_repo("c.git");
	char *ops = malloc(200001);
	char id[GV__OID_HEX];
	git_repository *repo = NULL;
	git_object *blob = NULL;
	ssize_t before;
	int rc;

	T_ASSERT(r != NULL && ops != NULL);
	memset(ops, 'x', 200000);
	ops[200000] = '\0';
	T_OK(cf_add(id, r, REF, "", ops));
	before = cached();
	T_ASSERT(cf_walk(&rc, r, id, "") != NULL);
	T_ASSERT(cached() - before < 20000);
	T_OK(git_repository_open(&repo, t_path("c.git")));
	T_OK(git_revparse_single(&blob, repo, REF ":ops"));
	T_ASSERT(cached() - before >= 200000);
	git_object_free(blob);
	git_repository_free(repo);
	free(ops);
	gv__chain_free(r);
}

static void
append_compare_and_swap(void)
{
	struct gv__chain_repo *r = cf_repo("c.git");
	char a[GV__OID_HEX], b[GV__OID_HEX], tip[GV__OID_HEX];
	char lost[GV__OID_HEX];
	int rc;

	T_ASSERT(r != NULL);
	T_OK(cf_add(a, r, REF, "", "one"));
	/* Created only if absent. */
	T_REFUSED(cf_add(lost, r, REF, "", "again"), GV_ECONFLICT, REF);
	T_EQ_STR(lost, "");
	T_OK(cf_add(b, r, REF, a, "two"));
	/* A writer that read a before b was written loses, and says so. */
	T_REFUSED(cf_add(lost, r, REF, a, "stale"), GV_ECONFLICT,
	          "moved while this was written");
	T_CONTAINS(gv_error_last()->message, REF);
	T_OK(gv__chain_tip(tip, r, REF));
	T_EQ_STR(tip, b);
	T_EQ_STR(cf_walk(&rc, r, tip, ""), "one|two");
	/* Expecting a tip of a ref that does not exist. */
	T_REFUSED(cf_add(lost, r, "refs/gavel/smcwg/new", a, "x"), GV_ECONFLICT,
	          "refs/gavel/smcwg/new");
	T_OK(gv__chain_tip(tip, r, "refs/gavel/smcwg/new"));
	T_EQ_STR(tip, "");
	gv__chain_free(r);
}

static void
append_refuses_bad_input(void)
{
	struct gv__chain_repo *r = cf_repo("c.git");
	struct gv__chain_commit c = {0};
	char id[GV__OID_HEX], cmd[4200];

	T_ASSERT(r != NULL);
	T_REFUSED(cf_add(id, r, "refs/heads/main", "", "x"), GV_EINVALID,
	          "refs/gavel/PART/ACTOR");
	T_REFUSED(cf_add(id, r, "refs/gavel/a..b/c", "", "x"), GV_EINVALID,
	          "not a chain's ref");
	T_REFUSED(cf_add(id, r, REF, "abc123", "x"), GV_EINVALID,
	          "not a full commit id");
	T_REFUSED(cf_add(id, r, REF, "0123456789012345678901234567890123456789",
	                 "x"),
	          GV_ENOTFOUND, "not a commit of the sync repository");
	/* Over the cap the walk reads: refused before a byte is read. */
	c.ref = REF;
	c.expect = "";
	c.ops = "x";
	c.len = (size_t)GV__CHAIN_BLOB_MAX + 1;
	c.name = "Ann";
	c.email = "";
	T_REFUSED(gv__chain_append(id, r, &c), GV_EINVALID, "64 MiB");
	/* A line break in a name would write headers of its own. */
	c.len = 1;
	c.name = "Ann\nparent 0123456789012345678901234567890123456789";
	T_REFUSED(gv__chain_append(id, r, &c), GV_EINVALID, "control");
	c.name = "Ann";
	c.email = "ann@example.org>\ngpgsig x";
	T_REFUSED(gv__chain_append(id, r, &c), GV_EINVALID, "control");
	c.name = "";
	c.email = "";
	T_REFUSED(gv__chain_append(id, r, &c), GV_EINVALID, "not empty");
	/* What the name is, git's fussier readers keep: "Jr." stays. */
	c.name = "J. Smith Jr.";
	T_OK(gv__chain_append(id, r, &c));
	snprintf(cmd, sizeof(cmd), "git --git-dir='%s' log -1 --format=%%an %s",
	         t_path("c.git"), id);
	T_EQ_STR(t_shell_output(cmd), "J. Smith Jr.\n");
	gv__chain_free(r);
}

static void
refs_sorted_under_prefix(void)
{
	static const char *const names[] = {
	        "refs/gavel/smcwg/zoe", "refs/gavel/netsec/ann",
	        "refs/gavel/smcwg/ann", "refs/gavel/smcwg/mia"};
	struct gv__chain_repo *r = cf_repo("c.git");
	struct gv__chain_ref *refs = NULL;
	char ids[4][GV__OID_HEX];
	size_t n = 0;

	T_ASSERT(r != NULL);
	for (size_t i = 0; i < 4; i++)
		T_OK(cf_add(ids[i], r, names[i], "", names[i]));
	T_OK(gv__chain_refs(&refs, &n, r, "refs/gavel/"));
	T_EQ_INT(n, 4);
	T_EQ_STR(refs[0].name, "refs/gavel/netsec/ann");
	T_EQ_STR(refs[0].oid, ids[1]);
	T_EQ_STR(refs[1].name, "refs/gavel/smcwg/ann");
	T_EQ_STR(refs[2].name, "refs/gavel/smcwg/mia");
	T_EQ_STR(refs[3].name, "refs/gavel/smcwg/zoe");
	T_EQ_STR(refs[3].oid, ids[0]);
	gv__chain_refs_free(refs, n);
	T_OK(gv__chain_refs(&refs, &n, r, "refs/gavel/smcwg/"));
	T_EQ_INT(n, 3);
	gv__chain_refs_free(refs, n);
	T_OK(gv__chain_refs(&refs, &n, r, "refs/gavel-remotes/origin/"));
	T_EQ_INT(n, 0);
	T_ASSERT(refs == NULL);
	T_REFUSED(gv__chain_refs(&refs, &n, r, "refs/gavel/*/"), GV_EINVALID,
	          "not a folder of refs");
	gv__chain_free(r);
}

static void
descends_follows_parents(void)
{
	struct gv__chain_repo *r = cf_repo("c.git");
	char a[GV__OID_HEX], b[GV__OID_HEX], x[GV__OID_HEX];
	int yes = -1;

	T_ASSERT(r != NULL);
	T_OK(cf_add(a, r, REF, "", "a"));
	T_OK(cf_add(b, r, REF, a, "b"));
	T_OK(cf_add(x, r, "refs/gavel/smcwg/bob", "", "x"));
	T_OK(gv__chain_descends(&yes, r, b, a));
	T_EQ_INT(yes, 1);
	T_OK(gv__chain_descends(&yes, r, b, b));
	T_EQ_INT(yes, 1);
	T_OK(gv__chain_descends(&yes, r, a, b));
	T_EQ_INT(yes, 0);
	T_OK(gv__chain_descends(&yes, r, b, x));
	T_EQ_INT(yes, 0);
	/* A commit this repository lacks is no ancestor of one it has. */
	T_OK(gv__chain_descends(&yes, r, b,
	                        "0123456789012345678901234567890123456789"));
	T_EQ_INT(yes, 0);
	T_REFUSED(gv__chain_descends(&yes, r,
	                             "0123456789012345678901234567890123456789",
	                             a),
	          GV_ENOTFOUND, "not in the sync repository");
	gv__chain_free(r);
}

/* ---- garbage, as another program would write it ---------------------- */

static git_repository *
raw_open(const char *name)
{
	git_repository *repo = NULL;

	if (git_repository_open_bare(&repo, t_path(name)) < 0)
		return NULL;
	return repo;
}

/* A commit of a tree of the given entries (each a blob of its own name,
 * or a tree when mode is GIT_FILEMODE_TREE), on parent, at ref. */
static int
raw_commit(git_oid *out, git_repository *repo, const char *ref,
           const char *const *names, const git_filemode_t *modes, size_t n,
           const git_oid *parent)
{
	git_treebuilder *tb = NULL, *sub = NULL;
	git_signature *who = NULL;
	git_commit *p = NULL;
	git_tree *tree = NULL;
	git_oid id, tid, empty;
	int rc = 0;

	rc |= git_treebuilder_new(&sub, repo, NULL);
	rc |= git_treebuilder_write(&empty, sub) < 0;
	rc |= git_treebuilder_new(&tb, repo, NULL);
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (modes[i] == GIT_FILEMODE_TREE)
			id = empty;
		else
			rc |= git_blob_create_from_buffer(&id, repo, names[i],
			                                  strlen(names[i]));
		rc |= git_treebuilder_insert(NULL, tb, names[i], &id, modes[i]);
	}
	rc |= git_treebuilder_write(&tid, tb);
	rc |= git_tree_lookup(&tree, repo, &tid);
	rc |= git_signature_new(&who, "Mallory", "m@example.org", 1000, 0);
	if (parent)
		rc |= git_commit_lookup(&p, repo, parent);
	if (rc == 0)
		rc = git_commit_create(out, repo, ref, who, who, NULL, "junk\n",
		                       tree, p ? 1 : 0,
		                       (const git_commit **)&p);
	git_commit_free(p);
	git_signature_free(who);
	git_tree_free(tree);
	git_treebuilder_free(tb);
	git_treebuilder_free(sub);
	return rc < 0 ? -1 : rc;
}

static int
count(const struct gv__chain_link *link, void *ctx)
{
	(void)link;
	++*(int *)ctx;
	return 0;
}

/* A chain of two good commits under tip's garbage: refused whole, and
 * nothing handed over. */
static void
refused_whole(struct gv__chain_repo *r, const char *tip, const char *needle)
{
	int seen = 0;

	T_REFUSED(gv__chain_walk(r, tip, "", count, &seen), GV_ECORRUPT,
	          needle);
	T_CONTAINS(gv_error_last()->message, "update-ref -d");
	T_EQ_INT(seen, 0);
}

static void
walk_refuses_blob_tip(void)
{
	struct gv__chain_repo *r = cf_repo("c.git");
	git_repository *raw = NULL;
	char hex[GV__OID_HEX];
	git_oid blob;
	int seen = 0;

	T_ASSERT(r != NULL && (raw = raw_open("c.git")) != NULL);
	T_ASSERT(git_blob_create_from_buffer(&blob, raw, "x", 1) == 0);
	git_oid_tostr(hex, sizeof(hex), &blob);
	T_REFUSED(gv__chain_walk(r, hex, "", count, &seen), GV_ECORRUPT,
	          "is a blob, not a commit");
	T_CONTAINS(gv_error_last()->message, hex);
	T_REFUSED(gv__chain_walk(r, "0123456789012345678901234567890123456789",
	                         "", count, &seen),
	          GV_ECORRUPT, "is missing");
	T_EQ_INT(seen, 0);
	git_repository_free(raw);
	gv__chain_free(r);
}

static void
walk_refuses_other_trees(void)
{
	static const char *const two[] = {"README", "ops"};
	static const git_filemode_t blobs[] = {GIT_FILEMODE_BLOB,
	                                       GIT_FILEMODE_BLOB};
	static const char *const other[] = {"opz"};
	static const char *const ops[] = {"ops"};
	static const git_filemode_t tree[] = {GIT_FILEMODE_TREE};
	static const git_filemode_t link[] = {GIT_FILEMODE_LINK};
	static const git_filemode_t exe[] = {GIT_FILEMODE_BLOB_EXECUTABLE};
	struct gv__chain_repo *r = cf_repo("c.git");
	git_repository *raw = NULL;
	char a[GV__OID_HEX], b[GV__OID_HEX], hex[GV__OID_HEX];
	git_oid parent, bad;

	T_ASSERT(r != NULL && (raw = raw_open("c.git")) != NULL);
	T_OK(cf_add(a, r, REF, "", "good-1"));
	T_OK(cf_add(b, r, REF, a, "good-2"));
	T_ASSERT(git_oid_fromstr(&parent, b) == 0);
	/* Two files, the one ops among them. */
	T_ASSERT(raw_commit(&bad, raw, NULL, two, blobs, 2, &parent) == 0);
	refused_whole(r, git_oid_tostr(hex, sizeof(hex), &bad),
	              "holds several entries");
	T_CONTAINS(gv_error_last()->message, hex);
	/* One file of another name; "ops" as a folder, a symbolic link,
	 * an executable. */
	T_ASSERT(raw_commit(&bad, raw, NULL, other, blobs, 1, &parent) == 0);
	refused_whole(r, git_oid_tostr(hex, sizeof(hex), &bad),
	              "not a gavel operation commit");
	T_ASSERT(raw_commit(&bad, raw, NULL, ops, tree, 1, &parent) == 0);
	refused_whole(r, git_oid_tostr(hex, sizeof(hex), &bad),
	              "one other entry");
	T_ASSERT(raw_commit(&bad, raw, NULL, ops, link, 1, &parent) == 0);
	refused_whole(r, git_oid_tostr(hex, sizeof(hex), &bad),
	              "one other entry");
	T_ASSERT(raw_commit(&bad, raw, NULL, ops, exe, 1, &parent) == 0);
	refused_whole(r, git_oid_tostr(hex, sizeof(hex), &bad),
	              "one other entry");
	/* The same commit as a root, under good ones: refused too. */
	T_ASSERT(raw_commit(&bad, raw, "refs/gavel/x/y", two, blobs, 2, NULL) ==
	         0);
	git_oid_tostr(hex, sizeof(hex), &bad);
	T_OK(cf_add(a, r, "refs/gavel/x/y", hex, "good-on-bad"));
	refused_whole(r, a, hex);
	git_repository_free(raw);
	gv__chain_free(r);
}

/* A blob of "ops" one byte over the cap, written in pieces. */
static int
huge_blob(git_oid *out, git_repository *raw)
{
	static char chunk[1 << 20];
	git_odb_stream *s = NULL;
	git_odb *odb = NULL;
	size_t left = (size_t)GV__CHAIN_BLOB_MAX + 1;
	int rc;

	memset(chunk, 'o', sizeof(chunk));
	if (git_repository_odb(&odb, raw) < 0 ||
	    git_odb_open_wstream(&s, odb, left, GIT_OBJECT_BLOB) < 0) {
		git_odb_free(odb);
		return -1;
	}
	for (rc = 0; left > 0 && rc == 0;) {
		size_t n = left < sizeof(chunk) ? left : sizeof(chunk);

		rc = git_odb_stream_write(s, chunk, n);
		left -= n;
	}
	if (rc == 0)
		rc = git_odb_stream_finalize_write(out, s);
	git_odb_stream_free(s);
	git_odb_free(odb);
	return rc;
}

static void
walk_refuses_blob_over_cap(void)
{
	struct gv__chain_repo *r = cf_repo("c.git");
	git_repository *raw = NULL;
	git_treebuilder *tb = NULL;
	git_signature *who = NULL;
	git_tree *tree = NULL;
	char hex[GV__OID_HEX];
	git_oid blob, tid, commit;

	T_ASSERT(r != NULL && (raw = raw_open("c.git")) != NULL);
	T_ASSERT(huge_blob(&blob, raw) == 0);
	T_ASSERT(git_treebuilder_new(&tb, raw, NULL) == 0);
	T_ASSERT(git_treebuilder_insert(NULL, tb, "ops", &blob,
	                                GIT_FILEMODE_BLOB) == 0);
	T_ASSERT(git_treebuilder_write(&tid, tb) == 0);
	T_ASSERT(git_tree_lookup(&tree, raw, &tid) == 0);
	T_ASSERT(git_signature_new(&who, "M", "m@example.org", 1000, 0) == 0);
	T_ASSERT(git_commit_create(&commit, raw, NULL, who, who, NULL, "big\n",
	                           tree, 0, NULL) == 0);
	refused_whole(r, git_oid_tostr(hex, sizeof(hex), &commit),
	              "67108865 bytes, over the 64 MiB");
	git_signature_free(who);
	git_tree_free(tree);
	git_treebuilder_free(tb);
	git_repository_free(raw);
	gv__chain_free(r);
}

/* Removes an object's loose file, as a partial copy would lack it. */
static int
drop_object(const char *repo, const char *hex)
{
	char path[4200];

	snprintf(path, sizeof(path), "%s/objects/%.2s/%s", t_path(repo), hex,
	         hex + 2);
	return unlink(path);
}

static void
walk_refuses_missing_objects(void)
{
	struct gv__chain_repo *r = cf_repo("c.git");
	git_repository *raw = NULL;
	git_commit *commit = NULL;
	git_tree *tree = NULL;
	char a[GV__OID_HEX], b[GV__OID_HEX], c[GV__OID_HEX];
	char blob[GV__OID_HEX];
	git_oid id;
	int seen = 0;

	T_ASSERT(r != NULL && (raw = raw_open("c.git")) != NULL);
	T_OK(cf_add(a, r, REF, "", "one"));
	T_OK(cf_add(b, r, REF, a, "two"));
	T_OK(cf_add(c, r, REF, b, "three"));
	/* b's operations are gone. */
	T_ASSERT(git_oid_fromstr(&id, b) == 0);
	T_ASSERT(git_commit_lookup(&commit, raw, &id) == 0);
	T_ASSERT(git_commit_tree(&tree, commit) == 0);
	git_oid_tostr(blob, sizeof(blob),
	              git_tree_entry_id(git_tree_entry_byindex(tree, 0)));
	git_tree_free(tree);
	git_commit_free(commit);
	git_repository_free(raw);
	gv__chain_free(r);
	T_EQ_INT(drop_object("c.git", blob), 0);
	T_ASSERT((r = cf_repo("c.git")) != NULL);
	refused_whole(r, c, "are missing");
	T_CONTAINS(gv_error_last()->message, b);
	/* Walking only what follows b needs nothing of b. */
	T_EQ_INT(gv__chain_walk(r, c, b, count, &seen), 0);
	T_EQ_INT(seen, 1);
	gv__chain_free(r);
	/* a, the root, is gone: the chain cannot be read whole. */
	T_EQ_INT(drop_object("c.git", a), 0);
	T_ASSERT((r = cf_repo("c.git")) != NULL);
	/* libgit2's walk keeps a commit list when a root is missing. */
	cf_library_leaks_ignored(1);
	refused_whole(r, c, "the chain at");
	cf_library_leaks_ignored(0);
	T_CONTAINS(gv_error_last()->message, c);
	T_CONTAINS(gv_error_last()->message, a);
	/* Where the last walk ended is gone. */
	T_REFUSED(gv__chain_walk(r, c, a, count, &seen), GV_ENOTFOUND,
	          "where the last walk ended");
	gv__chain_free(r);
}

const struct t_case git_chain_tests[] = {
        {"open_creates_bare_repository", open_creates_bare_repository},
        {"open_refuses_folder_with_files", open_refuses_folder_with_files},
        {"append_walk_round_trip", append_walk_round_trip},
        {"walk_hands_over_link", walk_hands_over_link},
        {"walk_stops_on_callback_error", walk_stops_on_callback_error},
        {"walk_caches_no_blob", walk_caches_no_blob},
        {"append_compare_and_swap", append_compare_and_swap},
        {"append_refuses_bad_input", append_refuses_bad_input},
        {"refs_sorted_under_prefix", refs_sorted_under_prefix},
        {"descends_follows_parents", descends_follows_parents},
        {"walk_refuses_blob_tip", walk_refuses_blob_tip},
        {"walk_refuses_other_trees", walk_refuses_other_trees},
        {"walk_refuses_blob_over_cap", walk_refuses_blob_over_cap},
        {"walk_refuses_missing_objects", walk_refuses_missing_objects},
        {NULL, NULL},
};
