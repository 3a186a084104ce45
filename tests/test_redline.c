/* SPDX-License-Identifier: MIT */
/*
 * This file tests redlines built from git: fixture repositories made here
 * with libgit2 (fixed identity and clock, so ids are stable) and, when the
 * shared data is there, the real cabforum/smime history.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gssapi/gssapi.h>

#include "gavel/gavel.h"
#include "gavel/redline.h"
#include "git.h"
#include "harness.h"
#include "internal.h"

/* A file of a fixture commit; content NULL leaves it out. */
struct fx_file {
	const char *path;
	const char *content;
	size_t len; /* 0: strlen(content) */
};

static git_repository *
fx_repo(const char *name)
{
	git_repository *repo = NULL;

	if (gv__git_init(&repo, t_path(name)) < 0)
		return NULL;
	return repo;
}

/* Commits exactly files (a whole top-level tree) on parent; hex id in out. */
static int
fx_commit(char out[41], git_repository *repo, const char *parent_hex,
          const struct fx_file *files, size_t n, int64_t when)
{
	git_treebuilder *tb = NULL;
	git_signature *who = NULL;
	git_commit *parent = NULL;
	git_tree *tree = NULL;
	git_oid oid, tree_id, commit;
	size_t i;
	int error = -1;

	if (parent_hex && (git_oid_fromstr(&oid, parent_hex) < 0 ||
	                   git_commit_lookup(&parent, repo, &oid) < 0))
		goto done;
	if (git_treebuilder_new(&tb, repo, NULL) < 0)
		goto done;
	for (i = 0; i < n; i++) {
		size_t len =
		        files[i].len ? files[i].len : strlen(files[i].content);

		if (git_blob_create_from_buffer(&oid, repo, files[i].content,
		                                len) < 0 ||
		    git_treebuilder_insert(NULL, tb, files[i].path, &oid,
		                           GIT_FILEMODE_BLOB) < 0)
			goto done;
	}
	if (git_treebuilder_write(&tree_id, tb) < 0 ||
	    git_tree_lookup(&tree, repo, &tree_id) < 0 ||
	    git_signature_new(&who, "fixture", "fixture@gavel.invalid",
	                      (git_time_t)when, 0) < 0 ||
	    git_commit_create(&commit, repo, NULL, who, who, NULL, "fixture",
	                      tree, parent ? 1 : 0,
	                      (const git_commit **)&parent) < 0)
		goto done;
	git_oid_tostr(out, 41, &commit);
	error = 0;
done:
	git_treebuilder_free(tb);
	git_signature_free(who);
	git_commit_free(parent);
	git_tree_free(tree);
	return error;
}

/* The redline of base..head in the fixture "repo", or NULL. */
static struct gv_redline *
fx_redline(const char *base, const char *head, const char *sep)
{
	struct gv_redline *r = NULL;
	char range[100];
	struct gv_redline_opts o = {0};

	snprintf(range, sizeof(range), "%s%s%s", base, sep, head);
	o.repo = t_path("repo");
	o.range = range;
	if (gv_redline_build(&r, &o) < 0)
		return NULL;
	return r;
}

/* Commits files a (na) then b (nb) in the fixture "repo"; the redline
 * between them (NULL on failure), their ids in c1 and c2. */
static struct gv_redline *
fx_two(const struct fx_file *a, size_t na, const struct fx_file *b, size_t nb,
       char c1[41], char c2[41])
{
	git_repository *repo = fx_repo("repo");
	int ok = repo && fx_commit(c1, repo, NULL, a, na, 1700000000) == 0 &&
	         fx_commit(c2, repo, c1, b, nb, 1700000100) == 0;

	git_repository_free(repo);
	return ok ? fx_redline(c1, c2, "..") : NULL;
}

static char *
fx_write(const struct gv_redline *r, enum gv_redline_format f)
{
	char *out = NULL;

	if (gv_redline_write(&out, NULL, r, f, 80) < 0)
		return NULL;
	return out;
}

/* A paragraph of about 1,400 characters: one line, as SBR.md has them. */
static char *
long_paragraph(const char *word_at_100)
{
	struct gv_buf b = GV_BUF_INIT;
	int i;

	for (i = 0; i < 200; i++) {
		if (i)
			gv__buf_puts(&b, " ");
		if (i == 100)
			gv__buf_puts(&b, word_at_100);
		else
			gv__buf_printf(&b, "word%d", i);
	}
	return gv__buf_detach(&b);
}

/* Counts the spans of a kind in a line. */
static size_t
spans_of(const struct gv_rline *l, enum gv_span_kind kind)
{
	size_t i, n = 0;

	for (i = 0; i < l->nspans; i++)
		n += l->spans[i].kind == kind;
	return n;
}

/* The first non-context line of the first hunk of the first file. */
static const struct gv_rline *
first_change(const struct gv_redline *r)
{
	size_t i;

	if (!r || r->nfiles < 1 || r->files[0].nhunks < 1)
		return NULL;
	for (i = 0; i < r->files[0].hunks[0].nlines; i++)
		if (r->files[0].hunks[0].lines[i].kind != GV_RLINE_CONTEXT)
			return &r->files[0].hunks[0].lines[i];
	return NULL;
}

static void
test_one_word_in_long_paragraph(void)
{
	char *p1 = long_paragraph("shall"), *p2 = long_paragraph("should");
	char *d1 = gv__xsprintf("# 4 Rules\n\n## 4.2.2.2 Multi-Perspective "
	                        "Issuance Corroboration\n\n%s\n\nEnd.\n",
	                        p1),
	     *d2 = gv__xsprintf("# 4 Rules\n\n## 4.2.2.2 Multi-Perspective "
	                        "Issuance Corroboration\n\n%s\n\nEnd.\n",
	                        p2);
	struct fx_file a = {"SBR.md", d1, 0}, b = {"SBR.md", d2, 0};
	char c1[41], c2[41];
	struct gv_redline *r;
	const struct gv_rline *l;
	char *plain, *numstat;

	r = fx_two(&a, 1, &b, 1, c1, c2);
	T_ASSERT(r);
	T_EQ_INT((int)r->nfiles, 1);
	T_EQ_INT(r->files[0].status, 'M');
	T_EQ_INT(r->files[0].added, 1);
	T_EQ_INT(r->files[0].deleted, 1);
	l = first_change(r);
	T_ASSERT(l);
	T_EQ_INT(l->kind, GV_RLINE_CHANGED);
	T_EQ_INT((int)spans_of(l, GV_SPAN_DEL), 1);
	T_EQ_INT((int)spans_of(l, GV_SPAN_INS), 1);
	T_EQ_STR(l->section,
	         "4.2.2.2 Multi-Perspective Issuance Corroboration");
	plain = fx_write(r, GV_REDLINE_PLAIN);
	T_CONTAINS(plain, "word99 [-shall-]{+should+} word101");
	numstat = fx_write(r, GV_REDLINE_NUMSTAT);
	T_EQ_STR(numstat, "1\t1\tSBR.md\n");
	free(plain);
	free(numstat);
	gv_redline_free(r);
	free(p1);
	free(p2);
	free(d1);
	free(d2);
}

static void
test_one_line_for_quoting(void)
{
	struct gv_span spans[] = {
	        {GV_SPAN_SAME, (char *)"Use *this* "},
	        {GV_SPAN_DEL, (char *)"or "},
	        {GV_SPAN_SAME, (char *)"LEI\033[2J, "},
	        {GV_SPAN_INS, (char *)"or EUID, "},
	        {GV_SPAN_SAME, (char *)"then."},
	};
	struct gv_rline line = {GV_RLINE_CHANGED, 3, 3, spans, 5, NULL};
	char *out = NULL;

	T_EQ_INT(gv_redline_write_line(&out, &line, GV_REDLINE_PLAIN), 0);
	T_EQ_STR(out, "Use *this* [-or-] LEI^[[2J, {+or EUID,+} then.");
	free(out);
	T_EQ_INT(gv_redline_write_line(&out, &line, GV_REDLINE_MD), 0);
	T_EQ_STR(out, "Use \\*this\\* ~~or~~ LEI^\\[\\[2J, **or EUID,** then.");
	free(out);
	T_EQ_INT(gv_redline_write_line(&out, &line, GV_REDLINE_HTML),
	         GV_EINVALID);
	T_ASSERT(out == NULL);
}

static void
test_whole_paragraphs_and_moves(void)
{
	struct fx_file a = {"g.md",
	                    "# 1 One\n\nAlpha beta gamma delta.\n\n# 2 Two\n\n"
	                    "Epsilon zeta eta theta.\n",
	                    0},
	               b = {"g.md",
	                    "# 1 One\n\n# 2 Two\n\nEpsilon zeta eta theta.\n\n"
	                    "A wholly new paragraph about certificate "
	                    "profiles.\n\nAlpha beta gamma delta.\n",
	                    0};
	char c1[41], c2[41];
	struct gv_redline *r;
	size_t h, i, added = 0, deleted = 0, changed = 0;

	r = fx_two(&a, 1, &b, 1, c1, c2);
	T_ASSERT(r);
	T_EQ_INT((int)r->nfiles, 1);
	for (h = 0; h < r->files[0].nhunks; h++)
		for (i = 0; i < r->files[0].hunks[h].nlines; i++) {
			const struct gv_rline *l =
			        &r->files[0].hunks[h].lines[i];

			added += l->kind == GV_RLINE_ADDED;
			deleted += l->kind == GV_RLINE_DELETED;
			changed += l->kind == GV_RLINE_CHANGED;
		}
	/* A moved paragraph is a whole delete and a whole insert, and the new
	 * paragraph stays whole: nothing is paired word by word. */
	T_EQ_INT((int)changed, 0);
	T_ASSERT(added >= 3);
	T_ASSERT(deleted >= 2);
	gv_redline_free(r);
}

static void
test_table_row_and_heading(void)
{
	struct fx_file a = {"g.md",
	                    "# 1.2 Document Name\n\n| Version | Date |\n"
	                    "|---|---|\n| 1.0.9 | May 14, 2025 |\n",
	                    0},
	               b = {"g.md",
	                    "# 1.2 Document Name and Identification\n\n"
	                    "| Version | Date |\n|---|---|\n"
	                    "| 1.0.10 | July 2, 2025 |\n",
	                    0};
	char c1[41], c2[41];
	struct gv_redline *r;
	char *plain;

	r = fx_two(&a, 1, &b, 1, c1, c2);
	T_ASSERT(r);
	plain = fx_write(r, GV_REDLINE_PLAIN);
	T_CONTAINS(plain, "# 1.2 Document Name {+and Identification+}\n");
	T_CONTAINS(plain,
	           "| [-1.0.9-]{+1.0.10+} | [-May 14-]{+July 2+}, 2025 |");
	free(plain);
	gv_redline_free(r);
}

static void
test_crlf_rename_binary(void)
{
	static const char bin1[] = "GIF89a\0\1\2\3", bin2[] = "GIF89a\0\1\2\4";
	struct fx_file a[] =
	        {
	                {"crlf.md", "# 1 A\r\n\r\nThe CA SHALL log.\r\n", 0},
	                {"logo.gif", bin1, sizeof(bin1)},
	                {"old-name.md",
	                 "# 9 Kept\n\nThis text does not change at "
	                 "all between the two revisions.\n",
	                 0},
	        },
	               b[] = {
	                       {"crlf.md", "# 1 A\r\n\r\nThe CA MUST log.\r\n",
	                        0},
	                       {"logo.gif", bin2, sizeof(bin2)},
	                       {"new-name.md",
	                        "# 9 Kept\n\nThis text does not change at "
	                        "all between the two revisions.\n",
	                        0},
	               };
	char c1[41], c2[41];
	struct gv_redline *r;
	char *plain, *numstat;

	r = fx_two(a, 3, b, 3, c1, c2);
	T_ASSERT(r);
	T_EQ_INT((int)r->nfiles, 3);
	numstat = fx_write(r, GV_REDLINE_NUMSTAT);
	/* As git diff --numstat -M prints them, by path. */
	T_CONTAINS(numstat, "1\t1\tcrlf.md\n");
	T_CONTAINS(numstat, "-\t-\tlogo.gif\n");
	T_CONTAINS(numstat, "0\t0\told-name.md => new-name.md\n");
	plain = fx_write(r, GV_REDLINE_PLAIN);
	T_CONTAINS(plain, "The CA [-SHALL-]{+MUST+} log.");
	T_ASSERT(!strchr(plain, '\r'));
	T_CONTAINS(plain, "logo.gif");
	free(plain);
	free(numstat);
	gv_redline_free(r);
}

static void
test_invalid_utf8_and_empty(void)
{
	struct fx_file a = {"g.md", "Caf\xe9 au lait.\n", 0},
	               b = {"g.md", "Caf\xe9 au lait chaud.\n", 0};
	char c1[41], c2[41];
	struct gv_redline *r;
	char *json;

	r = fx_two(&a, 1, &b, 1, c1, c2);
	T_ASSERT(r);
	json = fx_write(r, GV_REDLINE_JSON);
	T_ASSERT(json);
	T_CONTAINS(json, "chaud");
	free(json);
	gv_redline_free(r);
	/* The same commit on both sides: a redline with no files. */
	r = fx_redline(c2, c2, "..");
	T_ASSERT(r);
	T_EQ_INT((int)r->nfiles, 0);
	gv_redline_free(r);
}

/* Line n (1-based) of text, without its newline; caller frees. */
static char *
nth_line(const char *text, int n)
{
	const char *end;

	while (--n > 0 && text)
		if ((text = strchr(text, '\n')))
			text++;
	if (!text)
		return NULL;
	end = strchr(text, '\n');
	return gv__xstrndup(text, end ? (size_t)(end - text) : strlen(text));
}

/* Whether every whole line of the redline is the line of its revision
 * it says it is. */
static int
lines_match(const struct gv_redline *r, const char *base, const char *head)
{
	size_t h, i;
	int ok = 1;

	for (h = 0; h < r->files[0].nhunks; h++)
		for (i = 0; i < r->files[0].hunks[h].nlines; i++) {
			const struct gv_rline *l =
			        &r->files[0].hunks[h].lines[i];
			char *want;

			if (l->kind == GV_RLINE_CHANGED)
				continue;
			want = l->kind == GV_RLINE_DELETED
			               ? nth_line(base, l->old_no)
			               : nth_line(head, l->new_no);
			ok = ok && want && l->nspans == 1 &&
			     !strcmp(want, l->spans[0].text);
			free(want);
		}
	return ok;
}

/*
 * The base's blob goes before the lines are built (core/git_redline.c):
 * each whole line is still the line of its revision, where the lines
 * above it shifted it; a deleted line keeps the heading above it, which
 * only the base has; a line's text ends at a NUL, as before.
 */
static void
test_base_released_early(void)
{
	static char base[10100], head[10100];
	struct fx_file a = {"g.md", base, 0}, b = {"g.md", head, 0};
	char c1[41], c2[41];
	struct gv_redline *r;
	size_t h, i;
	int gone = 0;
	char *plain;

	snprintf(base, sizeof(base),
	         "# 1 Gone\n\nThis paragraph goes with its heading.\n\n"
	         "# 2 Kept\n\nline one\nline two\nline three\n%8000s\n"
	         "tail one\ntail two\nlast line\n",
	         "");
	snprintf(head, sizeof(head),
	         "# 2 Kept\n\nnew first line\nline one\nline two\n"
	         "line three\n%8000s\ntail one\ntail two\nlast line now\n",
	         "");
	r = fx_two(&a, 1, &b, 1, c1, c2);
	T_ASSERT(r && r->nfiles == 1);
	T_ASSERT(lines_match(r, base, head));
	for (h = 0; r && h < r->files[0].nhunks; h++)
		for (i = 0; i < r->files[0].hunks[h].nlines; i++) {
			const struct gv_rline *l =
			        &r->files[0].hunks[h].lines[i];

			gone += l->kind == GV_RLINE_DELETED && l->section &&
			        !strcmp(l->section, "1 Gone");
		}
	T_ASSERT(gone >= 1);
	gv_redline_free(r);
	/* A NUL past the part libgit2 checks for binary content. */
	memcpy(strstr(base, "tail one"), "tail\0one", 8);
	memcpy(strstr(head, "tail one"), "tail\0two", 8);
	a.len = strlen(base) + strlen(base + strlen(base) + 1) + 1;
	b.len = strlen(head) + strlen(head + strlen(head) + 1) + 1;
	r = fx_two(&a, 1, &b, 1, c1, c2);
	T_ASSERT(r && r->nfiles == 1);
	plain = r ? fx_write(r, GV_REDLINE_PLAIN) : NULL;
	/* Both lines read "tail": the same text, no change in it (after
	 * its number in the new text). */
	T_CONTAINS(plain ? plain : "", "\n 8 tail\n");
	T_ASSERT(plain && !strstr(plain, "{+two+}"));
	free(plain);
	gv_redline_free(r);
}

static void
test_bad_input(void)
{
	git_repository *repo = fx_repo("repo");
	struct fx_file a = {"g.md", "One.\n", 0}, b = {"g.md", "Two.\n", 0},
	               other = {"h.md", "Unrelated.\n", 0};
	char c1[41], c2[41], lone[41], range[100];
	struct gv_redline *r = NULL;
	struct gv_redline_opts o = {0};

	T_ASSERT(repo);
	T_EQ_INT(fx_commit(c1, repo, NULL, &a, 1, 1700000000), 0);
	T_EQ_INT(fx_commit(c2, repo, c1, &b, 1, 1700000100), 0);
	T_EQ_INT(fx_commit(lone, repo, NULL, &other, 1, 1700000200), 0);
	o.repo = t_path("repo");

	o.range = "8150e7ac0cf4a6f0c2afd7ad9df98b12330c00bc..HEAD";
	T_EQ_INT(gv_redline_build(&r, &o), GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "commit 8150e7a is not in");
	T_CONTAINS(gv_error_last()->message, "fetch it, or the branch was "
	                                     "rewritten");
	o.range = "no-such-tag..HEAD";
	T_EQ_INT(gv_redline_build(&r, &o), GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "no-such-tag");
	o.range = "just-one-revision";
	T_EQ_INT(gv_redline_build(&r, &o), GV_EINVALID);
	snprintf(range, sizeof(range), "%s...%s", c2, lone);
	o.range = range;
	T_EQ_INT(gv_redline_build(&r, &o), GV_ECONFLICT);
	snprintf(range, sizeof(range), "%s..%s", c1, c2);
	o.path = "missing.md";
	T_EQ_INT(gv_redline_build(&r, &o), GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "missing.md");
	o.path = NULL;
	o.repo = t_tmpdir();
	T_EQ_INT(gv_redline_build(&r, &o), GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "not a git repository");
	T_ASSERT(r == NULL);
	git_repository_free(repo);
}

static char *git_numstat(const char *repo, const char *range);

/* ---- A ballot history of our own (the shape of cabforum/smime) ---- */

/* Points refs/<kind>/<name> at the commit hex. */
static int
fx_ref(git_repository *repo, const char *kind, const char *name,
       const char *hex)
{
	git_reference *ref = NULL;
	char full[200];
	git_oid oid;
	int rc;

	snprintf(full, sizeof(full), "refs/%s/%s", kind, name);
	if (git_oid_fromstr(&oid, hex) < 0)
		return -1;
	rc = git_reference_create(&ref, repo, full, &oid, 1, "fixture");
	git_reference_free(ref);
	return rc < 0 ? -1 : 0;
}

/* A merge of the commits a and b with the tree of a; hex id in out. */
static int
fx_merge(char out[41], git_repository *repo, const char *a, const char *b,
         int64_t when)
{
	git_commit *parents[2] = {NULL, NULL};
	git_signature *who = NULL;
	git_tree *tree = NULL;
	git_oid oid;
	int error = -1;

	if (git_oid_fromstr(&oid, a) < 0 ||
	    git_commit_lookup(&parents[0], repo, &oid) < 0 ||
	    git_oid_fromstr(&oid, b) < 0 ||
	    git_commit_lookup(&parents[1], repo, &oid) < 0 ||
	    git_commit_tree(&tree, parents[0]) < 0 ||
	    git_signature_new(&who, "fixture", "fixture@gavel.invalid",
	                      (git_time_t)when, 0) < 0 ||
	    git_commit_create(&oid, repo, NULL, who, who, NULL, "merge", tree,
	                      2, (const git_commit **)parents) < 0)
		goto done;
	git_oid_tostr(out, 41, &oid);
	error = 0;
done:
	git_commit_free(parents[0]);
	git_commit_free(parents[1]);
	git_signature_free(who);
	git_tree_free(tree);
	return error;
}

/* The guideline at a version: front matter, a table, and 3.2.2 whose
 * one-line paragraph holds word. */
static char *
guideline(const char *version, const char *date, const char *word)
{
	return gv__xsprintf(
	        "---\ntitle: Baseline Requirements for a Test\n"
	        "subtitle: Version %s\ndate: %s, 2025\n---\n\n"
	        "# 1. Introduction\n\n## 1.2.1 Revisions\n\n"
	        "| Version | Ballot | Description |\n|---|---|---|\n"
	        "| %s | SMC0x | The test ballot |\n\n"
	        "# 3. Identification\n\n## 3.2.2 Validation of authority\n\n"
	        "The CA SHALL verify the applicant's %s before issuance, "
	        "using a reliable source, and SHALL keep the evidence for "
	        "seven years.\n\n## 3.2.3 Other\n\nUnchanged text.\n",
	        version, date, version, word);
}

/*
 * Builds a history like cabforum/smime's: SMC01 on main, then
 * Ballot_SMC03; a discussion branch merged into main and fully reverted;
 * then Ballot_SMC04; and a fork's branch "draft" made from SMC03, not
 * merged. Ids in c: SMC01, SMC03, discussion, SMC04, draft, merge.
 */
static int
fx_history(git_repository *repo, char c[6][41])
{
	char *v[4] = {guideline("1.0.0", "May 14", "authority"),
	              guideline("1.0.1", "July 2", "authority"),
	              guideline("1.0.1", "July 2", "mandate"),
	              guideline("1.0.2", "July 30", "authorisation")};
	struct fx_file f[4] = {{"SBR.md", v[0], 0},
	                       {"SBR.md", v[1], 0},
	                       {"SBR.md", v[2], 0},
	                       {"SBR.md", v[3], 0}};
	char merge[41], revert[41];
	int error = -1;

	if (fx_commit(c[0], repo, NULL, &f[0], 1, 1700000000) < 0 ||
	    fx_commit(c[1], repo, c[0], &f[1], 1, 1700000060) < 0 ||
	    fx_commit(c[2], repo, c[1], &f[2], 1, 1700000120) < 0 ||
	    fx_merge(merge, repo, c[2], c[1], 1700000180) < 0 ||
	    fx_commit(revert, repo, merge, &f[1], 1, 1700000240) < 0 ||
	    fx_commit(c[3], repo, revert, &f[3], 1, 1700000300) < 0 ||
	    fx_commit(c[4], repo, c[1], &f[2], 1, 1700000360) < 0 ||
	    fx_ref(repo, "tags", "SMC01", c[0]) < 0 ||
	    fx_ref(repo, "tags", "Ballot_SMC03", c[1]) < 0 ||
	    fx_ref(repo, "tags", "Ballot_SMC04", c[3]) < 0 ||
	    fx_ref(repo, "heads", "main", c[3]) < 0 ||
	    fx_ref(repo, "heads", "draft", c[4]) < 0)
		goto done;
	memcpy(c[5], merge, 41);
	error = 0;
done:
	for (size_t i = 0; i < 4; i++)
		free(v[i]);
	return error;
}

/* Every ballot range of the history: numstat byte for byte git's, by
 * ids and by tags; the merged-and-reverted branch between SMC03 and SMC04
 * changes nothing that range shows. */
static void
test_history_numstat_every_pair(void)
{
	static const char *const tags[] = {"SMC01", "Ballot_SMC03",
	                                   "Ballot_SMC04"};
	git_repository *repo = fx_repo("repo");
	struct gv_redline_opts o = {0};
	struct gv_redline *r = NULL;
	char c[6][41], range[200], *ours, *theirs;
	size_t i;

	T_ASSERT(repo);
	T_EQ_INT(fx_history(repo, c), 0);
	git_repository_free(repo);
	o.repo = t_path("repo");
	o.range = range;
	for (i = 0; i + 1 < 3; i++) {
		snprintf(range, sizeof(range), "%s..%s", tags[i], tags[i + 1]);
		T_EQ_INT(gv_redline_build(&r, &o), 0);
		T_EQ_STR(r->base, c[i == 0 ? 0 : 1]);
		T_EQ_STR(r->head, c[i == 0 ? 1 : 3]);
		ours = fx_write(r, GV_REDLINE_NUMSTAT);
		gv_redline_free(r);
		r = NULL;
		theirs = git_numstat(o.repo, range);
		T_ASSERT(theirs != NULL && *theirs);
		T_EQ_STR(ours, theirs);
		free(ours);
	}
	/* SMC03..SMC04 is the version bump and one word: the reverted
	 * discussion adds nothing. */
	snprintf(range, sizeof(range), "Ballot_SMC03..Ballot_SMC04");
	T_EQ_INT(gv_redline_build(&r, &o), 0);
	ours = fx_write(r, GV_REDLINE_PLAIN);
	gv_redline_free(r);
	T_CONTAINS(ours, "subtitle: Version [-1.0.1-]{+1.0.2+}");
	T_CONTAINS(ours, "date: July [-2-]{+30+}, 2025");
	T_CONTAINS(ours, "applicant's [-authority-]{+authorisation+} before");
	T_ASSERT(!strstr(ours, "mandate"));
	free(ours);
}

/* GitHub compare links: the range of two tags from their merge base, a
 * fork's "owner:branch" read as the local branch, a query dropped, and
 * commits that are not in the clone named as such. */
static void
test_history_compare_links(void)
{
	git_repository *repo = fx_repo("repo");
	struct gv_redline_opts o = {0};
	struct gv_redline *r = NULL;
	char c[6][41], range[300], *plain;

	T_ASSERT(repo);
	T_EQ_INT(fx_history(repo, c), 0);
	git_repository_free(repo);
	o.repo = t_path("repo");
	o.range = "https://github.com/example/guideline/compare/"
	          "SMC01...Ballot_SMC03?expand=1";
	T_EQ_INT(gv_redline_build(&r, &o), 0);
	T_EQ_STR(r->base, c[0]);
	T_EQ_STR(r->head, c[1]);
	gv_redline_free(r);
	r = NULL;
	/* The draft branches off SMC03: "..." starts there, not at SMC04,
	 * so the redline is the draft's own change. */
	o.range = "https://github.com/example/guideline/compare/"
	          "Ballot_SMC04...member:draft";
	T_EQ_INT(gv_redline_build(&r, &o), 0);
	T_EQ_STR(r->base, c[1]);
	T_EQ_STR(r->head, c[4]);
	plain = fx_write(r, GV_REDLINE_PLAIN);
	T_CONTAINS(plain, "applicant's [-authority-]{+mandate+} before");
	T_ASSERT(!strstr(plain, "1.0.2"));
	free(plain);
	gv_redline_free(r);
	r = NULL;
	snprintf(range, sizeof(range),
	         "https://github.com/member/guideline/compare/%s...%s",
	         "cd7c998984050e61fabddda0cbba2e9b02954360",
	         "8150e7ac0cf4a6f0c2afd7ad9df98b12330c00bc");
	o.range = range;
	T_EQ_INT(gv_redline_build(&r, &o), GV_ENOTFOUND);
	T_ASSERT(r == NULL);
	T_CONTAINS(gv_error_last()->message, "commit cd7c998 is not in");
	T_CONTAINS(gv_error_last()->message, "fetch it, or the branch was "
	                                     "rewritten");
	o.range = "https://github.com/member/guideline/compare/SMC01...";
	T_EQ_INT(gv_redline_build(&r, &o), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "is missing a revision");
	o.range = "https://github.com/member/guideline/compare/SMC01";
	T_EQ_INT(gv_redline_build(&r, &o), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "is not a range");
}

/* ---- The real history (skipped by name without ../shared/data) ---- */

/* Clones the bundle into the test's folder; its path, or NULL (skipped). */
static const char *
smime_clone(void)
{
	const char *dest = t_path("smime.git"), *bundle;
	char cmd[9000];

	if (!(bundle = t_testdata_file("cabforum-smime.bundle")))
		return NULL;
	snprintf(cmd, sizeof(cmd),
	         "git clone -q --mirror '%s' '%s' >/dev/null 2>&1", bundle,
	         dest);
	if (system(cmd) != 0) {
		t_fail(__FILE__, __LINE__, "git clone --mirror %s failed",
		       bundle);
		return NULL;
	}
	return dest;
}

/* git's own numstat for a range, run in repo. */
static char *
git_numstat(const char *repo, const char *range)
{
	char cmd[9000];

	snprintf(cmd, sizeof(cmd), "git -C '%s' diff --numstat %s", repo,
	         range);
	return t_shell_output(cmd);
}

static void
test_smime_numstat_every_pair(void)
{
	const char *repo = smime_clone(), *path;
	char *tsv, *line, *save = NULL;
	size_t rows = 0;

	if (!repo || !(path = t_testdata_file("ballot-pairs-smime.tsv")))
		return;
	tsv = t_read_file(path, NULL);
	T_ASSERT(tsv);
	for (line = strtok_r(tsv, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char name[64], base[64], bc[64], head[64], hc[64], range[200];
		int files, ins, del;
		struct gv_redline_opts o = {0};
		struct gv_redline *r = NULL;
		char *ours, *theirs, want[128];

		if (sscanf(line,
		           "%63[^\t]\t%63[^\t]\t%63[^\t]\t%63[^\t]\t%63[^\t]\t"
		           "%d file changed, %d insertions(+), %d deletions(-)",
		           name, base, bc, head, hc, &files, &ins, &del) != 8)
			continue; /* the header */
		snprintf(range, sizeof(range), "%s..%s", bc, hc);
		o.repo = repo;
		o.range = range;
		T_EQ_INT(gv_redline_build(&r, &o), 0);
		ours = fx_write(r, GV_REDLINE_NUMSTAT);
		theirs = git_numstat(repo, range);
		snprintf(want, sizeof(want), "%d\t%d\tSBR.md\n", ins, del);
		T_EQ_STR(ours, want);
		T_EQ_STR(ours, theirs);
		/* Tags name the same range. */
		snprintf(range, sizeof(range), "%s..%s", base, head);
		gv_redline_free(r);
		r = NULL;
		T_EQ_INT(gv_redline_build(&r, &o), 0);
		T_EQ_STR(r->base, bc);
		T_EQ_STR(r->head, hc);
		free(ours);
		gv_redline_free(r);
		rows++;
	}
	T_EQ_INT((int)rows, 7);
	printf("  smime numstat: %zu/7 ranges equal git's\n", rows);
}

static void
test_smime_smc012_words(void)
{
	const char *repo = smime_clone();
	struct gv_redline_opts o = {0};
	struct gv_redline *r = NULL;
	char *plain;

	if (!repo)
		return;
	o.repo = repo;
	o.range = "Ballot_SMC011..Ballot_SMC012";
	T_EQ_INT(gv_redline_build(&r, &o), 0);
	plain = fx_write(r, GV_REDLINE_PLAIN);
	/* The front matter and the version table: the words, not the line. */
	T_CONTAINS(plain, "Version [-1.0.9-]{+1.0.10+}");
	T_CONTAINS(plain, "date: [-May 14-]{+July 2+}, 2025");
	free(plain);
	gv_redline_free(r);

	/* One section only. */
	r = NULL;
	o.section = "(front matter)";
	T_EQ_INT(gv_redline_build(&r, &o), 0);
	T_EQ_INT((int)r->nfiles, 1);
	T_ASSERT(r->files[0].nhunks >= 1);
	T_EQ_STR(r->files[0].hunks[0].section, "(front matter)");
	gv_redline_free(r);
}

/* libgit2 starts without setting up mbedTLS (core/git_init.c): the
 * binary is linked with the wrappers that put it off. Its first use sets
 * it up, without parsing the system's CA bundle. */
static void
test_start_skips_the_ca_bundle(void)
{
	T_EQ_INT(gv__git_start(), 0);
	T_ASSERT(gv__git_tls_pending());
	T_EQ_INT(gv__git_ca_skipped(), 0);
	T_EQ_INT(mkdir(t_path("no-authorities"), 0700), 0);
	T_EQ_INT(git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, NULL,
	                          t_path("no-authorities")),
	         0);
	T_ASSERT(!gv__git_tls_pending());
	if (access("/etc/ssl/certs/ca-certificates.crt", R_OK) != 0) {
		t_skip("no system CA bundle for libgit2 to load");
		return;
	}
	T_EQ_INT(gv__git_ca_skipped(), 1);
}

/* libgit2's GSSAPI calls reach the library, which is not linked but
 * opened on the first of them (core/git_gssapi.c); the name type gavel
 * defines in its stead is the library's. */
static void
test_gssapi_opened_on_first_call(void)
{
	gss_OID_set set = GSS_C_NO_OID_SET;
	gss_OID *theirs;
	OM_uint32 minor = 0;
	void *lib;

	T_EQ_INT((int)gss_indicate_mechs(&minor, &set), (int)GSS_S_COMPLETE);
	T_ASSERT(gv__git_gss_loaded());
	T_ASSERT(set && set->count >= 1);
	T_EQ_INT((int)gss_release_oid_set(&minor, &set), (int)GSS_S_COMPLETE);
	lib = dlopen("libgssapi_krb5.so.2", RTLD_NOW | RTLD_LOCAL);
	theirs = lib ? (gss_OID *)dlsym(lib, "GSS_C_NT_HOSTBASED_SERVICE")
	             : NULL;
	T_ASSERT(theirs && *theirs);
	if (theirs && *theirs) {
		T_ASSERT(*theirs != GSS_C_NT_HOSTBASED_SERVICE);
		T_EQ_INT((int)(*theirs)->length,
		         (int)GSS_C_NT_HOSTBASED_SERVICE->length);
		T_ASSERT(!memcmp((*theirs)->elements,
		                 GSS_C_NT_HOSTBASED_SERVICE->elements,
		                 GSS_C_NT_HOSTBASED_SERVICE->length));
	}
	if (lib)
		dlclose(lib);
}

static void
test_smime_rebased_compare_link(void)
{
	const char *repo = smime_clone();
	struct gv_redline_opts o = {0};
	struct gv_redline *r = NULL;

	if (!repo)
		return;
	o.repo = repo;
	/* From the 2024-12-18 minutes: the head was rebased away. */
	o.range = "https://github.com/srdavidson/smime/compare/"
	          "cd7c998984050e61fabddda0cbba2e9b02954360..."
	          "8150e7ac0cf4a6f0c2afd7ad9df98b12330c00bc";
	T_EQ_INT(gv_redline_build(&r, &o), GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "is not in");
	T_CONTAINS(gv_error_last()->message, "fetch it, or the branch was "
	                                     "rewritten");
	/* The same form with tags that are there works, from the merge
	 * base. */
	o.range = "https://github.com/cabforum/smime/compare/"
	          "Ballot_SMC09...Ballot_SMC010";
	T_EQ_INT(gv_redline_build(&r, &o), 0);
	T_EQ_INT((int)r->nfiles, 1);
	T_EQ_INT(r->files[0].added, 36);
	T_EQ_INT(r->files[0].deleted, 21);
	gv_redline_free(r);
}

const struct t_case redline_tests[] = {
        {"one word in a long paragraph", test_one_word_in_long_paragraph},
        {"one line for quoting", test_one_line_for_quoting},
        {"whole paragraphs and moves", test_whole_paragraphs_and_moves},
        {"table row and heading", test_table_row_and_heading},
        {"crlf rename binary", test_crlf_rename_binary},
        {"invalid utf-8 and empty", test_invalid_utf8_and_empty},
        {"base released early", test_base_released_early},
        {"gssapi opened on first call", test_gssapi_opened_on_first_call},
        {"bad input", test_bad_input},
        {"start skips the CA bundle", test_start_skips_the_ca_bundle},
        {"history numstat every pair", test_history_numstat_every_pair},
        {"history compare links", test_history_compare_links},
        {"smime numstat every pair", test_smime_numstat_every_pair},
        {"smime SMC012 words", test_smime_smc012_words},
        {"smime rebased compare link", test_smime_rebased_compare_link},
        {NULL, NULL},
};
