/* SPDX-License-Identifier: MIT */
/*
 * This file tests writing redlines, on redlines built by hand: the exact
 * bytes of the plain word diff, numstat (renames, binary files, quoted
 * paths) and Markdown; HTML that escapes the document and lists the
 * changed sections; ANSI that sanitizes, colours and wraps to the width;
 * and JSON that parses back to the same structure.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "gavel/error.h"
#include "gavel/markdown.h"
#include "gavel/redline.h"
#include "gavel/text.h"
#include "harness.h"
#include "internal.h"

#define FX_MAX 16 /* files, hunks, lines, sections, spans: never moved */

static struct gv_redline *
fx_redline(const char *repo, const char *range)
{
	struct gv_redline *r = gv__xcalloc(1, sizeof(*r));

	r->repo = gv__xstrdup(repo);
	r->range = range ? gv__xstrdup(range) : NULL;
	memset(r->base, '1', 40);
	memset(r->head, '2', 40);
	r->files = gv__xcalloc(FX_MAX, sizeof(*r->files));
	return r;
}

static struct gv_rfile *
fx_file(struct gv_redline *r, const char *old_path, const char *new_path,
        char status, int added, int deleted)
{
	struct gv_rfile *f = &r->files[r->nfiles++];

	f->old_path = old_path ? gv__xstrdup(old_path) : NULL;
	f->new_path = new_path ? gv__xstrdup(new_path) : NULL;
	f->status = status;
	f->added = added;
	f->deleted = deleted;
	if (old_path)
		memset(f->old_blob, 'a', 40);
	if (new_path)
		memset(f->new_blob, 'b', 40);
	f->hunks = gv__xcalloc(FX_MAX, sizeof(*f->hunks));
	f->sections = gv__xcalloc(FX_MAX, sizeof(*f->sections));
	return f;
}

/* The file's copy of a heading (lines borrow it), or NULL. */
static const char *
fx_section(struct gv_rfile *f, const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < f->nsections; i++)
		if (strcmp(f->sections[i], name) == 0)
			return f->sections[i];
	f->sections[f->nsections] = gv__xstrdup(name);
	return f->sections[f->nsections++];
}

static struct gv_rhunk *
fx_hunk(struct gv_rfile *f, int old_start, int old_lines, int new_start,
        int new_lines, const char *section)
{
	struct gv_rhunk *h = &f->hunks[f->nhunks++];

	h->old_start = old_start;
	h->old_lines = old_lines;
	h->new_start = new_start;
	h->new_lines = new_lines;
	h->section = fx_section(f, section);
	h->lines = gv__xcalloc(FX_MAX, sizeof(*h->lines));
	return h;
}

/* A line of nspans spans, given as (enum gv_span_kind, text) pairs. */
static void
fx_line(struct gv_rfile *f, enum gv_rline_kind kind, int old_no, int new_no,
        const char *section, int nspans, ...)
{
	struct gv_rhunk *h = &f->hunks[f->nhunks - 1];
	struct gv_rline *l = &h->lines[h->nlines++];
	va_list ap;
	int i;

	l->kind = kind;
	l->old_no = old_no;
	l->new_no = new_no;
	l->section = fx_section(f, section);
	l->spans = gv__xcalloc(FX_MAX, sizeof(*l->spans));
	va_start(ap, nspans);
	for (i = 0; i < nspans; i++) {
		l->spans[i].kind = (enum gv_span_kind)va_arg(ap, int);
		l->spans[i].text = gv__xstrdup(va_arg(ap, const char *));
	}
	va_end(ap);
	l->nspans = (size_t)nspans;
}

static void
fx_free(struct gv_redline *r)
{
	size_t i, j, k, s;

	for (i = 0; r && i < r->nfiles; i++) {
		struct gv_rfile *f = &r->files[i];

		for (j = 0; j < f->nhunks; j++) {
			for (k = 0; k < f->hunks[j].nlines; k++) {
				struct gv_rline *l = &f->hunks[j].lines[k];

				for (s = 0; s < l->nspans; s++)
					free(l->spans[s].text);
				free(l->spans);
			}
			free(f->hunks[j].lines);
		}
		for (j = 0; j < f->nsections; j++)
			free(f->sections[j]);
		free(f->hunks);
		free(f->sections);
		free(f->old_path);
		free(f->new_path);
	}
	if (r) {
		free(r->files);
		free(r->repo);
		free(r->range);
		free(r->ballot);
		free(r->ballot_title);
	}
	free(r);
}

#define S GV_SPAN_SAME
#define D GV_SPAN_DEL
#define I GV_SPAN_INS

static const char *const S1 = "1 Introduction", *const S2 = "2 Scope";

/*
 * An added file, a binary file, a modified file (two sections: a word
 * changed, an intra-word change, a whole deleted and added line, context,
 * <script>, *stars*, |, ESC and "Iñigo"), a deleted file and a rename.
 */
static struct gv_redline *
fx_ballot(void)
{
	struct gv_redline *r =
	        fx_redline("/srv/servercert", "Ballot_SC081..Ballot_SC082");
	struct gv_rfile *f;

	f = fx_file(r, NULL, "added.md", 'A', 2, 0);
	fx_hunk(f, 0, 0, 1, 2, "Preface");
	fx_line(f, GV_RLINE_ADDED, 0, 1, "Preface", 1, I, "# Preface");
	fx_line(f, GV_RLINE_ADDED, 0, 2, "Preface", 1, I, "Brand new.");

	f = fx_file(r, "bin.dat", "bin.dat", 'M', 0, 0);
	f->binary = 1;

	f = fx_file(r, "docs/bg.md", "docs/bg.md", 'M', 4, 3);
	fx_hunk(f, 1, 5, 1, 4, S1);
	fx_line(f, GV_RLINE_CONTEXT, 1, 1, S1, 1, S, "# 1 Introduction");
	fx_line(f, GV_RLINE_CONTEXT, 2, 2, S1, 0);
	fx_line(f, GV_RLINE_CHANGED, 3, 3, S1, 7, S, "The quick ", D, "brown",
	        I, "red", S, " fox", D, ".", I, "!", S, "");
	fx_line(f, GV_RLINE_CONTEXT, 4, 4, S1, 1, S, "");
	fx_line(f, GV_RLINE_DELETED, 5, 0, S1, 1, D,
	        "Old <script>alert(1)</script> para.");
	fx_hunk(f, 7, 3, 6, 5, S2);
	fx_line(f, GV_RLINE_CONTEXT, 7, 6, S2, 1, S, "# 2 Scope");
	fx_line(f, GV_RLINE_CONTEXT, 8, 7, S2, 1, S, "");
	fx_line(f, GV_RLINE_CHANGED, 9, 8, S2, 4, S, "Keep *stars* | pipes, ",
	        D, "Inigo", I, "I\xC3\xB1igo\x1B[31m", S, " ok.");
	fx_line(f, GV_RLINE_ADDED, 0, 9, S2, 0);
	fx_line(f, GV_RLINE_ADDED, 0, 10, S2, 1, I, "New *para*.");

	f = fx_file(r, "docs/gone.md", NULL, 'D', 0, 1);
	fx_hunk(f, 1, 1, 0, 0, NULL);
	fx_line(f, GV_RLINE_DELETED, 1, 0, NULL, 1, D, "Gone.");

	fx_file(r, "docs/old.md", "docs/new.md", 'R', 0, 0);
	return r;
}

static char *
write_as(const struct gv_redline *r, enum gv_redline_format format, int width)
{
	char *out = NULL;
	size_t len = 0;

	if (gv_redline_write(&out, &len, r, format, width) < 0)
		return NULL;
	if (out && strlen(out) != len) {
		free(out);
		return NULL;
	}
	return out;
}

static void
test_format_parse(void)
{
	static const char *const names[] = {"ansi", "plain",   "html",
	                                    "md",   "numstat", "json"};
	static const enum gv_redline_format want[] = {
	        GV_REDLINE_ANSI, GV_REDLINE_PLAIN,   GV_REDLINE_HTML,
	        GV_REDLINE_MD,   GV_REDLINE_NUMSTAT, GV_REDLINE_JSON};
	enum gv_redline_format f;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		f = GV_REDLINE_JSON;
		T_EQ_INT(gv_redline_format_parse(&f, names[i]), 0);
		T_EQ_INT(f, want[i]);
	}
	T_EQ_INT(gv_redline_format_parse(&f, "pdf"), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "'pdf'");
	T_CONTAINS(gv_error_last()->message,
	           "ansi, plain, html, md, numstat or json");
	T_EQ_INT(gv_redline_format_parse(&f, "HTML"), GV_EINVALID);
	T_EQ_INT(gv_redline_format_parse(&f, ""), GV_EINVALID);
}

static const char plain_want[] =
        "diff --git a/added.md b/added.md\n"
        "--- /dev/null\n"
        "+++ b/added.md\n"
        "@@ -0,0 +1,2 @@ Preface\n"
        "1 {+# Preface+}\n"
        "2 {+Brand new.+}\n"
        "diff --git a/bin.dat b/bin.dat\n"
        "Binary files a/bin.dat and b/bin.dat differ\n"
        "diff --git a/docs/bg.md b/docs/bg.md\n"
        "--- a/docs/bg.md\n"
        "+++ b/docs/bg.md\n"
        "@@ -1,5 +1,4 @@ 1 Introduction\n"
        " 1 # 1 Introduction\n"
        " 2\n"
        " 3 The quick [-brown-]{+red+} fox[-.-]{+!+}\n"
        " 4\n"
        "   [-Old <script>alert(1)</script> para.-]\n"
        "@@ -7,3 +6,5 @@ 2 Scope\n"
        " 6 # 2 Scope\n"
        " 7\n"
        " 8 Keep *stars* | pipes, [-Inigo-]{+I\xC3\xB1igo^[[31m+} ok.\n"
        " 9\n"
        "10 {+New *para*.+}\n"
        "diff --git a/docs/gone.md b/docs/gone.md\n"
        "--- a/docs/gone.md\n"
        "+++ /dev/null\n"
        "@@ -1 +0,0 @@\n"
        "  [-Gone.-]\n"
        "diff --git a/docs/old.md b/docs/new.md\n"
        "rename from docs/old.md\n"
        "rename to docs/new.md\n";

static void
test_plain(void)
{
	struct gv_redline *r = fx_ballot();
	char *out = write_as(r, GV_REDLINE_PLAIN, 0);

	fx_free(r);
	T_EQ_STR(out, plain_want);
	free(out);
}

/* Marks wrap words, as git's do; controls never pass through. */
static void
test_plain_spaces(void)
{
	struct gv_redline *r = fx_redline("repo", "a..b");
	struct gv_rfile *f = fx_file(r, "a.md", "a.md", 'M', 3, 3);
	char *out;

	fx_hunk(f, 1, 3, 1, 3, "1.2 Evil\033]0;x\007");
	fx_line(f, GV_RLINE_CHANGED, 1, 1, NULL, 5, S, "authorisation, ", D,
	        "or ", S, "LEI for a Legal Entity ", I, " EUID, ", S,
	        "Identifier");
	fx_line(f, GV_RLINE_CHANGED, 2, 2, NULL, 3, S, "two", D, "  ", S,
	        "words");
	fx_line(f, GV_RLINE_ADDED, 0, 3, NULL, 1, I,
	        "Evil \033]0;pwned\007 title \033[2J.");
	out = write_as(r, GV_REDLINE_PLAIN, 0);
	fx_free(r);
	T_EQ_STR(out, "diff --git a/a.md b/a.md\n"
	              "--- a/a.md\n"
	              "+++ b/a.md\n"
	              "@@ -1,3 +1,3 @@ 1.2 Evil^[]0;x^G\n"
	              "1 authorisation, [-or-] LEI for a Legal Entity  "
	              "{+EUID,+} Identifier\n"
	              "2 two[-  -]words\n"
	              "3 {+Evil ^[]0;pwned^G title ^[[2J.+}\n");
	free(out);
}

static void
test_numstat(void)
{
	struct gv_redline *r = fx_ballot();
	char *out = write_as(r, GV_REDLINE_NUMSTAT, 0);

	fx_free(r);
	T_EQ_STR(out, "2\t0\tadded.md\n"
	              "-\t-\tbin.dat\n"
	              "4\t3\tdocs/bg.md\n"
	              "0\t1\tdocs/gone.md\n"
	              "0\t0\tdocs/{old.md => new.md}\n");
	free(out);
}

/* Renames and quoting as git 2.39 prints them (checked against git). */
static void
test_numstat_paths(void)
{
	static const struct {
		const char *old_path, *new_path, *want;
	} cases[] = {
	        {"docs/old.md", "docs/new.md",
	         "0\t0\tdocs/{old.md => new.md}\n"},
	        {"a/x.md", "b/x.md", "0\t0\t{a => b}/x.md\n"},
	        {"old.md", "new.md", "0\t0\told.md => new.md\n"},
	        {"a/b/c.md", "a/c.md", "0\t0\ta/{b => }/c.md\n"},
	        {"docs/I\xC3\xB1igo.md", "docs/I\xC3\xB1igo.md",
	         "0\t0\t\"docs/I\\303\\261igo.md\"\n"},
	        {"docs/I\xC3\xB1igo.md", "docs/x.md",
	         "0\t0\t\"docs/I\\303\\261igo.md\" => docs/x.md\n"},
	        {"tab\there.md", "tab\there.md", "0\t0\t\"tab\\there.md\"\n"},
	};
	struct gv_redline *r;
	char *out;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		r = fx_redline("repo", "a..b");
		fx_file(r, cases[i].old_path, cases[i].new_path,
		        strcmp(cases[i].old_path, cases[i].new_path) ? 'R'
		                                                     : 'M',
		        0, 0);
		out = write_as(r, GV_REDLINE_NUMSTAT, 0);
		fx_free(r);
		if (!out || strcmp(out, cases[i].want) != 0) {
			t_fail(__FILE__, __LINE__, "case %zu: got \"%s\"", i,
			       out ? out : "(null)");
			free(out);
			return;
		}
		free(out);
	}
}

static void
test_plain_quoted_binary(void)
{
	struct gv_redline *r = fx_redline("repo", "a..b");
	struct gv_rfile *f;
	char *out;

	f = fx_file(r, NULL, "img/I\xC3\xB1igo.png", 'A', 0, 0);
	f->binary = 1;
	out = write_as(r, GV_REDLINE_PLAIN, 0);
	T_EQ_STR(out, "diff --git \"a/img/I\\303\\261igo.png\" "
	              "\"b/img/I\\303\\261igo.png\"\n"
	              "Binary files /dev/null and "
	              "\"b/img/I\\303\\261igo.png\" differ\n");
	free(out);
	out = write_as(r, GV_REDLINE_NUMSTAT, 0);
	fx_free(r);
	T_EQ_STR(out, "-\t-\t\"img/I\\303\\261igo.png\"\n");
	free(out);
}

static const char md_want[] =
        "## added.md (new file)\n"
        "\n"
        "### Preface\n"
        "\n"
        "Line 1: **# Preface**\n"
        "\n"
        "Line 2: **Brand new.**\n"
        "\n"
        "## bin.dat\n"
        "\n"
        "Binary file changed.\n"
        "\n"
        "## docs/bg.md\n"
        "\n"
        "### 1 Introduction\n"
        "\n"
        "Line 3: The quick ~~brown~~**red** ~~fox.~~**fox!**\n"
        "\n"
        "~~Old \\<script\\>alert(1)\\</script\\> para.~~\n"
        "\n"
        "### 2 Scope\n"
        "\n"
        "Line 8: Keep \\*stars\\* \\| pipes, "
        "~~Inigo~~**I\xC3\xB1igo^\\[\\[31m** ok.\n"
        "\n"
        "Line 10: **New \\*para\\*.**\n"
        "\n"
        "## docs/gone.md (deleted)\n"
        "\n"
        "~~Gone.~~\n"
        "\n"
        "## docs/old.md \xE2\x86\x92 docs/new.md\n";

static void
test_md(void)
{
	struct gv_redline *r = fx_ballot();
	char *out = write_as(r, GV_REDLINE_MD, 0);

	fx_free(r);
	T_EQ_STR(out, md_want);
	free(out);
}

/* What GitHub's Markdown makes of it: the marks parse, nothing else does. */
static void
test_md_renders(void)
{
	struct gv_redline *r = fx_ballot();
	char *out = write_as(r, GV_REDLINE_MD, 0), *html = NULL;
	int rc;

	fx_free(r);
	T_ASSERT(out != NULL);
	rc = gv_markdown_to_html(&html, out, strlen(out));
	free(out);
	T_EQ_INT(rc, 0);
	T_CONTAINS(html, "<p>Line 3: The quick <del>brown</del><strong>red"
	                 "</strong> <del>fox.</del><strong>fox!</strong></p>");
	T_CONTAINS(html, "<p>Line 1: <strong># Preface</strong></p>");
	T_CONTAINS(html, "<p><del>Old &lt;script&gt;alert(1)&lt;/script&gt; "
	                 "para.</del></p>");
	T_CONTAINS(html, "<p>Line 8: Keep *stars* | pipes, <del>Inigo</del>"
	                 "<strong>I\xC3\xB1igo^[[31m</strong> ok.</p>");
	T_CONTAINS(html, "<p>Line 10: <strong>New *para*.</strong></p>");
	T_ASSERT(!strstr(html, "<script"));
	T_ASSERT(!strstr(html, "<table"));
	T_ASSERT(!strstr(html, "<em>"));
	free(html);
}

/* Markers stay where CommonMark accepts them: next to spaces or ends. */
static void
test_md_markers(void)
{
	struct gv_redline *r = fx_redline("repo", "a..b");
	struct gv_rfile *f = fx_file(r, "a.md", "a.md", 'M', 3, 3);
	char *out;

	fx_hunk(f, 1, 3, 1, 3, "4.2.2 Multi-Perspective *Issuance*");
	fx_line(f, GV_RLINE_CHANGED, 1, 1, "4.2.2 Multi-Perspective *Issuance*",
	        6, S, "  1. The CA ", D, "SHALL", S, " ", D, "verify ", I,
	        "check", S, " it.  ");
	fx_line(f, GV_RLINE_CHANGED, 2, 2, "4.2.2 Multi-Perspective *Issuance*",
	        3, D, "(a)", I, "(b)", S, " then");
	fx_line(f, GV_RLINE_CHANGED, 3, 3, "4.2.2 Multi-Perspective *Issuance*",
	        4, S, "- item", I, "s", S, " and ", D, " ");
	out = write_as(r, GV_REDLINE_MD, 0);
	fx_free(r);
	T_EQ_STR(out, "## a.md\n"
	              "\n"
	              "### 4.2.2 Multi-Perspective \\*Issuance\\*\n"
	              "\n"
	              "Line 1: 1\\. The CA ~~SHALL verify~~ **check** it.\n"
	              "\n"
	              "Line 2: ~~(a)~~**(b)** then\n"
	              "\n"
	              "Line 3: \\- ~~item~~**items** and\n");
	free(out);
}

static void
test_html(void)
{
	struct gv_redline *r = fx_ballot();
	char *out = write_as(r, GV_REDLINE_HTML, 0), *script;

	fx_free(r);
	T_ASSERT(out != NULL);
	T_ASSERT(strncmp(out, "<!DOCTYPE html>\n", 16) == 0);
	T_CONTAINS(out, "<title>Redline Ballot_SC081..Ballot_SC082 "
	                "\xE2\x80\x94 servercert</title>");
	T_CONTAINS(out, "<style>");
	T_CONTAINS(out, "@media print");
	/* The document's <script> appears only escaped. */
	script = strstr(out, "<script");
	T_ASSERT(script == NULL);
	T_CONTAINS(out, "<p class=\"del\"><del>Old &lt;script&gt;alert(1)"
	                "&lt;/script&gt; para.</del></p>");
	T_CONTAINS(out, "<p class=\"chg\">The quick <del>brown</del>"
	                "<ins>red</ins> fox<del>.</del><ins>!</ins></p>");
	T_CONTAINS(out, "<p class=\"chg\">Keep *stars* | pipes, <del>Inigo"
	                "</del><ins>I\xC3\xB1igo^[[31m</ins> ok.</p>");
	T_CONTAINS(out, "<p class=\"add\"><ins>New *para*.</ins></p>");
	T_CONTAINS(out, "<p class=\"ctx\"># 2 Scope</p>");
	T_ASSERT(!strchr(out, '\x1B'));
	/* The contents: files, then the sections with changes. */
	T_CONTAINS(out, "<li><a href=\"#f3\">docs/bg.md</a> <span "
	                "class=\"stat\">+4 \xE2\x88\x92"
	                "3</span>\n<ul>\n"
	                "<li><a href=\"#f3-s1\">1 Introduction</a></li>\n"
	                "<li><a href=\"#f3-s2\">2 Scope</a></li>\n</ul>\n");
	T_CONTAINS(out, "<a href=\"#f1-s1\">Preface</a>");
	T_CONTAINS(out, "<h3 id=\"f3-s1\">1 Introduction</h3>");
	T_CONTAINS(out, "<h3 id=\"f3-s2\">2 Scope</h3>");
	T_CONTAINS(out, "<section class=\"file\" id=\"f2\">\n<h2>bin.dat</h2>\n"
	                "<p class=\"note\">Binary file");
	T_CONTAINS(out, "<h2>docs/old.md \xE2\x86\x92 docs/new.md</h2>");
	T_CONTAINS(out, "<h2>docs/gone.md <span class=\"note\">(deleted)"
	                "</span></h2>");
	T_ASSERT(strlen(out) > 7 &&
	         strcmp(out + strlen(out) - 8, "</html>\n") == 0);
	free(out);
}

/* A page is titled by the ballot and version it shows, else by the range
 * and the repository's name, never by the folder of a local clone. */
static void
test_html_titles(void)
{
	static const struct {
		const char *repo, *title;
	} ranges[] = {
	        {"/home/me/src/smime/", "Redline A..B \xE2\x80\x94 smime"},
	        {"/home/me/src/smime/.git/", "Redline A..B \xE2\x80\x94 smime"},
	        {"/srv/x.git", "Redline A..B \xE2\x80\x94 x.git"},
	};
	struct gv_redline *r;
	char *out, want[128];
	size_t i;

	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
		r = fx_redline(ranges[i].repo, "A..B");
		out = write_as(r, GV_REDLINE_HTML, 0);
		fx_free(r);
		snprintf(want, sizeof(want), "<title>%s</title>",
		         ranges[i].title);
		T_CONTAINS(t_keep(out), want);
		T_ASSERT(!strstr(out, "/home/me") && !strstr(out, "/srv"));
	}
	r = fx_redline("/home/me/src/smime", NULL);
	r->ballot = gv__xstrdup("SC082");
	r->version = 3;
	r->ballot_title = gv__xstrdup("<b>Bold</b> & \033[2Jplain");
	out = t_keep(write_as(r, GV_REDLINE_HTML, 0));
	fx_free(r);
	T_CONTAINS(out, "<title>Ballot SC082 version 3 \xE2\x80\x94 redline"
	                "</title>");
	T_CONTAINS(out, "<h1>Ballot SC082 version 3: &lt;b&gt;Bold&lt;/b&gt; "
	                "&amp; ^[[2Jplain</h1>");
	T_ASSERT(!strstr(out, "1111111111..") && !strchr(out, '\033'));
}

static const char *const our_sgr[] = {"\033[m",     "\033[1m",    "\033[2m",
                                      "\033[1;36m", "\033[31;9m", "\033[32;4m"};

/* The output without the writer's own colours (the document's would stay). */
static char *
strip_sgr(const char *s)
{
	struct gv_buf b = GV_BUF_INIT;
	size_t i, n;

	while (*s) {
		for (i = 0; i < sizeof(our_sgr) / sizeof(our_sgr[0]); i++) {
			n = strlen(our_sgr[i]);
			if (strncmp(s, our_sgr[i], n) == 0)
				break;
		}
		if (i < sizeof(our_sgr) / sizeof(our_sgr[0])) {
			s += n;
			continue;
		}
		gv__buf_putc(&b, *s++);
	}
	return gv__buf_detach(&b);
}

/* The widest line, or -1 when an ESC other than ours is left. */
static int
widest_line(const char *out)
{
	char *plain = strip_sgr(out), *line, *next;
	size_t w, widest = 0;

	if (strchr(plain, '\x1B')) {
		free(plain);
		return -1;
	}
	for (line = plain; *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		w = gv_text_width(line);
		widest = w > widest ? w : widest;
	}
	free(plain);
	return (int)widest;
}

static void
test_ansi(void)
{
	struct gv_redline *r = fx_ballot();
	char *out = write_as(r, GV_REDLINE_ANSI, 0);

	fx_free(r);
	T_ASSERT(out != NULL);
	T_CONTAINS(out, "\033[1mdocs/bg.md\033[m\n");
	T_CONTAINS(out, "\033[1;36m\xC2\xA7 1 Introduction\033[m\n");
	T_CONTAINS(out, "~ The quick \033[31;9mbrown\033[m\033[32;4mred\033[m"
	                " fox\033[31;9m.\033[m\033[32;4m!\033[m\n");
	T_CONTAINS(out, "- \033[31;9mOld <script>alert(1)</script> para."
	                "\033[m\n");
	T_CONTAINS(out, "\033[32;4mI\xC3\xB1igo^[[31m\033[m");
	T_CONTAINS(out, "\033[2m  binary file differs\033[m\n");
	T_CONTAINS(out, "\033[1mdocs/old.md \xE2\x86\x92 docs/new.md\033[m\n");
	T_ASSERT(!strstr(out, "\x1B[31m"));
	T_EQ_INT(widest_line(out) <= 80, 1);
	T_EQ_INT(widest_line(out) >= 0, 1);
	free(out);
}

/* Every width: no line wider, colours closed at each row's end. */
static void
test_ansi_wrap(void)
{
	struct gv_redline *r = fx_ballot();
	struct gv_rfile *f = &r->files[2];
	char *out;
	int width;

	fx_hunk(f, 20, 1, 20, 1, S2);
	fx_line(f, GV_RLINE_CHANGED, 20, 20, S2, 4, S,
	        "A subscriber \xE8\xA8\xBC\xE6\x98\x8E\xE6\x9B\xB8 ", D,
	        "https://example.com/a/very/long/unbroken/address/that/wraps",
	        I, "shall be notified", S, " within 5 days.");
	for (width = 1; width <= 90; width++) {
		int w;

		out = write_as(r, GV_REDLINE_ANSI, width);
		T_ASSERT(out != NULL);
		w = widest_line(out);
		if (w < 0 || w > (width < 4 ? 4 : width)) {
			t_fail(__FILE__, __LINE__, "width %d: widest %d:\n%s",
			       width, w, out);
			free(out);
			fx_free(r);
			return;
		}
		free(out);
	}
	out = write_as(r, GV_REDLINE_ANSI, 6);
	/* Too narrow for the numbers (docs/bg.md's two columns): the text
	 * alone. */
	T_CONTAINS(out, "\n~ The");
	T_ASSERT(!strstr(out, "\033[2m 3 "));
	free(out);
	out = write_as(r, GV_REDLINE_ANSI, 30);
	fx_free(r);
	/* A deleted line wraps, struck on every row, under itself: the
	 * head's line numbers (blank: the head has no such line) stand
	 * alone in their column. */
	T_CONTAINS(out, "\033[2m   \033[m- \033[31;9mOld\033[m\n"
	                "     \033[31;9m<script>alert(1)</script>\033[m\n"
	                "     \033[31;9mpara.\033[m\n");
	/* A word wider than a row is cut; colours change inside a word. */
	T_CONTAINS(out, "\033[2m20 \033[m~ A subscriber "
	                "\xE8\xA8\xBC\xE6\x98\x8E\xE6\x9B\xB8 "
	                "\033[31;9mhttps\033[m\n"
	                "     \033[31;9m://example.com/a/very/lon\033[m\n"
	                "     \033[31;9mg/unbroken/address/that/w\033[m\n"
	                "     \033[31;9mraps\033[m\033[32;4mshall be notified"
	                "\033[m\n"
	                "     within 5 days.\n");
	T_CONTAINS(out, "\033[2m 8 \033[m~ Keep *stars* | pipes,\n"
	                "     \033[31;9mInigo\033[m\033[32;4mI\xC3\xB1igo^[[31m"
	                "\033[m ok.\n");
	T_CONTAINS(out, "\033[2m 2\033[m\n\033[2m 3 \033[m~ The quick ");
	free(out);
}

static json_t *
jpath(json_t *v, const char *path)
{
	char key[64];
	size_t n;

	while (v && *path) {
		n = strcspn(path, ".");
		if (n >= sizeof(key))
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		if (json_is_array(v))
			v = json_array_get(v, (size_t)strtoul(key, NULL, 10));
		else
			v = json_object_get(v, key);
		path += n + (path[n] == '.');
	}
	return v;
}

static void
test_json(void)
{
	struct gv_redline *r = fx_ballot();
	char *out = write_as(r, GV_REDLINE_JSON, 0);
	json_error_t err;
	json_t *doc, *line;

	fx_free(r);
	T_ASSERT(out != NULL);
	T_ASSERT(out[strlen(out) - 1] == '\n');
	T_CONTAINS(out, "{\n  \"repo\": \"/srv/servercert\",\n  \"base\": ");
	doc = json_loads(out, 0, &err);
	free(out);
	T_ASSERT(doc != NULL);
	T_EQ_STR(json_string_value(jpath(doc, "range")),
	         "Ballot_SC081..Ballot_SC082");
	T_EQ_INT(strlen(json_string_value(jpath(doc, "head"))), 40);
	T_EQ_INT(json_array_size(jpath(doc, "files")), 5);
	T_ASSERT(json_is_null(jpath(doc, "files.0.old_path")));
	T_ASSERT(json_is_null(jpath(doc, "files.0.old_blob")));
	T_EQ_STR(json_string_value(jpath(doc, "files.0.status")), "A");
	T_ASSERT(json_is_true(jpath(doc, "files.1.binary")));
	T_ASSERT(json_is_false(jpath(doc, "files.2.binary")));
	T_EQ_INT(json_integer_value(jpath(doc, "files.2.added")), 4);
	T_EQ_INT(json_integer_value(jpath(doc, "files.2.deleted")), 3);
	T_EQ_INT(json_array_size(jpath(doc, "files.2.hunks")), 2);
	T_EQ_INT(json_integer_value(jpath(doc, "files.2.hunks.1.old_start")),
	         7);
	T_EQ_INT(json_integer_value(jpath(doc, "files.2.hunks.1.new_lines")),
	         5);
	T_EQ_STR(json_string_value(jpath(doc, "files.2.hunks.1.section")),
	         "2 Scope");
	line = jpath(doc, "files.2.hunks.0.lines.2");
	T_EQ_STR(json_string_value(jpath(line, "kind")), "changed");
	T_EQ_INT(json_integer_value(jpath(line, "old")), 3);
	T_EQ_STR(json_string_value(jpath(line, "section")), "1 Introduction");
	T_EQ_INT(json_array_size(jpath(line, "spans")), 7);
	T_EQ_STR(json_string_value(jpath(line, "spans.1.kind")), "del");
	T_EQ_STR(json_string_value(jpath(line, "spans.1.text")), "brown");
	T_EQ_STR(json_string_value(jpath(line, "spans.2.kind")), "ins");
	line = jpath(doc, "files.2.hunks.0.lines.4");
	T_EQ_STR(json_string_value(jpath(line, "kind")), "deleted");
	T_ASSERT(json_is_null(jpath(line, "new")));
	T_EQ_STR(json_string_value(jpath(doc, "files.2.hunks.1.lines.2.spans.2"
	                                      ".text")),
	         "I\xC3\xB1igo\x1B[31m");
	T_ASSERT(json_is_null(jpath(doc, "files.3.new_path")));
	T_ASSERT(json_is_null(jpath(doc, "files.3.hunks.0.section")));
	T_EQ_STR(json_string_value(jpath(doc, "files.4.old_path")),
	         "docs/old.md");
	T_EQ_INT(json_array_size(jpath(doc, "files.4.hunks")), 0);
	json_decref(doc);
}

/* jansson takes only UTF-8: a stray byte becomes U+FFFD, not a failure. */
static void
test_json_invalid_utf8(void)
{
	struct gv_redline *r = fx_redline("repo", NULL);
	struct gv_rfile *f = fx_file(r, "a.md", "a.md", 'M', 1, 0);
	char *out;
	json_t *doc;

	fx_hunk(f, 1, 0, 1, 1, NULL);
	fx_line(f, GV_RLINE_ADDED, 0, 1, NULL, 1, I, "caf\xE9!");
	out = write_as(r, GV_REDLINE_JSON, 0);
	fx_free(r);
	T_ASSERT(out != NULL);
	doc = json_loads(out, 0, NULL);
	free(out);
	T_ASSERT(doc != NULL);
	T_ASSERT(json_is_null(json_object_get(doc, "range")));
	T_EQ_STR(json_string_value(
	                 jpath(doc, "files.0.hunks.0.lines.0.spans.0.text")),
	         "caf\xEF\xBF\xBD!");
	json_decref(doc);
}

static void
test_empty(void)
{
	struct gv_redline *r = fx_redline("repo", "a..a");
	char *out;
	size_t len = 99;

	T_EQ_INT(gv_redline_write(&out, &len, r, GV_REDLINE_PLAIN, 0), 0);
	T_EQ_STR(out, "");
	T_EQ_INT(len, 0);
	free(out);
	T_EQ_INT(gv_redline_write(&out, NULL, r, GV_REDLINE_HTML, 0), 0);
	T_CONTAINS(out, "<p>No changes.</p>");
	free(out);
	T_EQ_INT(gv_redline_write(&out, NULL, r, GV_REDLINE_JSON, 0), 0);
	T_CONTAINS(out, "\"files\": []");
	free(out);
	fx_free(r);
}

const struct t_case redline_write_tests[] = {
        {"format_parse", test_format_parse},
        {"plain", test_plain},
        {"plain_spaces", test_plain_spaces},
        {"numstat", test_numstat},
        {"numstat_paths", test_numstat_paths},
        {"plain_quoted_binary", test_plain_quoted_binary},
        {"md", test_md},
        {"md_renders", test_md_renders},
        {"md_markers", test_md_markers},
        {"html", test_html},
        {"html_titles", test_html_titles},
        {"ansi", test_ansi},
        {"ansi_wrap", test_ansi_wrap},
        {"json", test_json},
        {"json_invalid_utf8", test_json_invalid_utf8},
        {"empty", test_empty},
        {NULL, NULL},
};
