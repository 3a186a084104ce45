/* SPDX-License-Identifier: MIT */
/*
 * This file tests the Mustache engine against the official specification
 * (../shared/data/mustache-spec, or $GAVEL_TESTDATA/mustache-spec): every
 * test of every module, the optional ~inheritance and ~dynamic-names
 * included; each file's pass count is printed. Then gavel's own rules:
 * escaping per output format and errors for broken templates.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "harness.h"
#include "internal.h"
#include "mustache.h"
#include "mustache_case.h"

static void
spec_file(const char *file)
{
	char rel[256];
	const char *path;
	json_error_t jerr;
	json_t *doc, *test;
	size_t i, passed = 0, total;

	snprintf(rel, sizeof(rel), "mustache-spec/%s", file);
	if (!(path = t_testdata_file(rel)))
		return;
	doc = json_load_file(path, 0, &jerr);
	T_ASSERT(doc != NULL);
	/* A file with no tests (or renamed keys) must not pass as all
	 * passed. */
	total = json_array_size(json_object_get(doc, "tests"));
	if (total == 0) {
		json_decref(doc);
		T_ASSERT(total > 0);
	}
	json_array_foreach (json_object_get(doc, "tests"), i, test) {
		passed += (size_t)mu_case_run(
		        file, json_string_value(json_object_get(test, "name")),
		        json_string_value(json_object_get(test, "template")),
		        json_object_get(test, "data"),
		        json_object_get(test, "partials"),
		        json_string_value(json_object_get(test, "expected")));
	}
	json_decref(doc);
	printf("  mustache spec %s: %zu/%zu passed\n", file, passed, total);
}

static void
spec_comments(void)
{
	spec_file("comments.json");
}

static void
spec_delimiters(void)
{
	spec_file("delimiters.json");
}

static void
spec_interpolation(void)
{
	spec_file("interpolation.json");
}

static void
spec_inverted(void)
{
	spec_file("inverted.json");
}

static void
spec_partials(void)
{
	spec_file("partials.json");
}

static void
spec_sections(void)
{
	spec_file("sections.json");
}

static void
spec_inheritance(void)
{
	spec_file("~inheritance.json");
}

static void
spec_dynamic_names(void)
{
	spec_file("~dynamic-names.json");
}

/* Renders tmpl with data; partials from a NUL-separated "name\0text\0". */
struct fake_partials {
	const char *name, *text;
};

static int
fake_partial(char **text, const char *name, void *payload)
{
	const struct fake_partials *p;

	for (p = payload; p && p->name; p++)
		if (!strcmp(p->name, name)) {
			*text = gv__xstrdup(p->text);
			return 0;
		}
	return GV_ENOTFOUND;
}

static char *
render(const char *tmpl, const char *data, enum gv_escape escape,
       const struct fake_partials *partials, int *error)
{
	struct gv_mustache_opts opts = {escape, fake_partial, (void *)partials,
	                                0};
	char *out = NULL;

	*error = gv_mustache_render(&out, NULL, "t.md", tmpl, data, &opts);
	return out;
}

static char *
to_html(const char *md)
{
	char *html = NULL;

	if (gv_markdown_to_html(&html, md, strlen(md)) < 0)
		return NULL;
	return html;
}

static int
count(const char *hay, const char *needle)
{
	int n = 0;

	while (hay && (hay = strstr(hay, needle)))
		n++, hay += strlen(needle);
	return n;
}

static void
markdown_escaping_keeps_structure(void)
{
	const char *tmpl = "# {{title}}\n\n| Org | Vote |\n|---|---|\n"
	                   "| {{org}} | yes |\n\n{{start}}\n\n{{list}}\n";
	const char *data = "{\"title\": \"*SMC010* <script>\","
	                   " \"org\": \"A | B_c_ [x](y)\","
	                   " \"start\": \"1. not a list\","
	                   " \"list\": \"# not a heading\\n- nor a list\"}";
	char *md, *html;
	int error;

	md = render(tmpl, data, GV_ESCAPE_MARKDOWN, NULL, &error);
	T_EQ_INT(error, 0);
	T_CONTAINS(md, "# \\*SMC010\\* \\<script\\>\n");
	T_CONTAINS(md, "| A \\| B\\_c\\_ \\[x\\](y) | yes |");
	T_CONTAINS(md, "\n1\\. not a list\n");
	T_CONTAINS(md, "\n\\# not a heading - nor a list\n");
	html = to_html(md);
	free(md);
	T_ASSERT(html);
	T_CONTAINS(html, "<h1>*SMC010* &lt;script&gt;</h1>");
	T_EQ_INT(count(html, "<h1>"), 1);
	T_EQ_INT(count(html, "<td>"), 2); /* the '|' did not add a cell */
	T_CONTAINS(html, "<td>A | B_c_ [x](y)</td>");
	T_CONTAINS(html, "<p>1. not a list</p>");
	T_CONTAINS(html, "<p># not a heading - nor a list</p>");
	T_EQ_INT(count(html, "<em>") + count(html, "<a ") + count(html, "<ol") +
	                 count(html, "<ul") + count(html, "<script"),
	         0);
	free(html);
}

static void
html_and_plain_escaping(void)
{
	const char *data = "{\"x\": \"<a href=\\\"'\\\">&amp;</a>\"}";
	char *out;
	int error;

	out = render("{{x}}|{{{x}}}|{{&x}}", data, GV_ESCAPE_HTML, NULL,
	             &error);
	T_EQ_STR(out, "&lt;a href=&quot;&#39;&quot;&gt;&amp;amp;&lt;/a&gt;|"
	              "<a href=\"'\">&amp;</a>|<a href=\"'\">&amp;</a>");
	free(out);
	out = render("{{x}}", data, GV_ESCAPE_NONE, NULL, &error);
	T_EQ_STR(out, "<a href=\"'\">&amp;</a>");
	free(out);
	/* Dates and numbers stay readable in Markdown. */
	out = render("{{d}} {{n}} {{f}} {{name}}",
	             "{\"d\": \"2024-12-22\", \"n\": 11, \"f\": 20.3,"
	             " \"name\": \"Tsung-Min Kuo\"}",
	             GV_ESCAPE_MARKDOWN, NULL, &error);
	T_EQ_STR(out, "2024-12-22 11 20.3 Tsung-Min Kuo");
	free(out);
}

static void
raw_html_is_shown_not_run(void)
{
	char *html = to_html("Hello <script>alert(1)</script> there\n\n"
	                     "<div onclick=\"steal()\">block</div>\n\n"
	                     "[click](javascript:alert(1))\n");

	T_ASSERT(html);
	T_CONTAINS(html, "Hello &lt;script&gt;alert(1)&lt;/script&gt; there");
	T_CONTAINS(html, "&lt;div onclick=&quot;steal()&quot;&gt;block");
	T_EQ_INT(count(html, "<script") + count(html, "<div") +
	                 count(html, "javascript:"),
	         0);
	free(html);
}

static void
github_extensions(void)
{
	char *html = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n"
	                     "~~old~~ text, see www.example.org\n");

	T_ASSERT(html);
	T_CONTAINS(html, "<table>");
	T_CONTAINS(html, "<td>2</td>");
	T_CONTAINS(html, "<del>old</del>");
	T_CONTAINS(html, "<a href=\"http://www.example.org\">www.example.org"
	                 "</a>");
	free(html);
	T_EQ_INT(gv_markdown_to_html(&html, "\xff", 1), GV_EINVALID);
}

static void
broken_templates_say_where(void)
{
	static const struct fake_partials loop[] = {{"self", "x{{>self}}"},
	                                            {NULL, NULL}};
	static const struct {
		const char *tmpl, *message;
	} cases[] = {
	        {"a\n\n{{#a}}\nnever closed\n",
	         "t.md:3:1: section \"a\" is never closed"},
	        {"{{#a}}{{/b}}",
	         "t.md:1:7: closing tag \"b\" does not match the open section "
	         "\"a\""},
	        {"text {{/a}}", "t.md:1:6: closing tag \"a\""},
	        {"Dear {{name", "t.md:1:6: tag is never closed"},
	        {"x\n  {{}}", "t.md:2:3: tag has no name"},
	        {"{{=<% =}}", "t.md:1:1: bad Set Delimiter tag"},
	        {"Hi\n  {{>nope}}\n",
	         "t.md:2:3: no template \"nope\" for this partial"},
	        {"{{<nope}}{{/nope}}",
	         "t.md:1:1: no template \"nope\" for this parent"},
	        {"{{>self}}",
	         "nests sections and partials deeper than 100 levels"},
	};
	size_t i;
	int error;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = render(cases[i].tmpl, NULL, GV_ESCAPE_NONE, loop,
		                   &error);

		T_ASSERT(error < 0);
		T_ASSERT(out == NULL);
		T_CONTAINS(gv_error_last()->message, cases[i].message);
	}
	T_ASSERT(!render("{{x}}", "{\"x\": ", GV_ESCAPE_NONE, NULL, &error));
	T_CONTAINS(gv_error_last()->message, "data, line 1, column");
}

/* n copies of open, then n of close. */
static char *
nested(const char *open, const char *close, size_t n)
{
	size_t lo = strlen(open), lc = strlen(close);
	char *s = malloc(n * (lo + lc) + 1), *p = s;

	if (!s)
		abort();
	for (size_t i = 0; i < n; i++, p += lo)
		memcpy(p, open, lo);
	for (size_t i = 0; i < n; i++, p += lc)
		memcpy(p, close, lc);
	*p = '\0';
	return s;
}

/* Issue 15: nesting that overflowed the stack (50,000 inverted sections),
 * took seconds (30,000 true ones) or memory without bound (lists inside
 * lists) is refused with a message, quickly. */
static void
template_limits(void)
{
	static const struct fake_partials deep[] = {
	        {"p", "{{#t}}{{#t}}{{>p}}{{/t}}{{/t}}"}, {NULL, NULL}};
	char *tmpl, *out;
	int error;

	tmpl = nested("{{^x}}", "{{/x}}", 50000);
	out = render(tmpl, NULL, GV_ESCAPE_NONE, NULL, &error);
	free(tmpl);
	T_ASSERT(error < 0 && !out);
	T_CONTAINS(gv_error_last()->message,
	           "t.md:1:601: the template nests sections deeper than 100 "
	           "levels");
	tmpl = nested("{{#t}}", "{{/t}}", 30000);
	out = render(tmpl, "{\"t\": true}", GV_ESCAPE_NONE, NULL, &error);
	free(tmpl);
	T_ASSERT(error < 0 && !out);
	/* 100 levels are fine. */
	tmpl = nested("{{#t}}", "{{/t}}", 100);
	out = render(tmpl, "{\"t\": true}", GV_ESCAPE_NONE, NULL, &error);
	free(tmpl);
	T_EQ_INT(error, 0);
	free(out);
	/* Sections inside a partial that includes itself share the depth. */
	out = render("{{>p}}", "{\"t\": true}", GV_ESCAPE_NONE, deep, &error);
	T_ASSERT(error < 0 && !out);
	T_CONTAINS(gv_error_last()->message,
	           "nests sections and partials deeper than 100 levels");
	/* Nine sections over a ten-item list: a billion copies. */
	tmpl = nested("{{#l}}", "xxxxxxxxxxxxxxxx{{/l}}", 9);
	out = render(tmpl, "{\"l\": [1,2,3,4,5,6,7,8,9,10]}", GV_ESCAPE_NONE,
	             NULL, &error);
	free(tmpl);
	T_ASSERT(error < 0 && !out);
	T_CONTAINS(gv_error_last()->message, "output is over 64 MB");
	/* The same with nothing to write: ten billion empty loops. */
	tmpl = nested("{{#l}}", "{{/l}}", 10);
	out = render(tmpl, "{\"l\": [1,2,3,4,5,6,7,8,9,10]}", GV_ESCAPE_NONE,
	             NULL, &error);
	free(tmpl);
	T_ASSERT(error < 0 && !out);
	T_CONTAINS(gv_error_last()->message,
	           "renders sections more than 16 million times");
}

static void
gavel_truthiness(void)
{
	char *out;
	int error;

	/* An empty string is false, as for a missing e-mail address. */
	out = render("{{#e}}<{{e}}>{{/e}}{{^e}}none{{/e}} {{#z}}{{z}}{{/z}}",
	             "{\"e\": \"\", \"z\": 0}", GV_ESCAPE_NONE, NULL, &error);
	T_EQ_STR(out, "none 0");
	free(out);
}

const struct t_case mustache_tests[] = {
        {"spec_comments", spec_comments},
        {"spec_delimiters", spec_delimiters},
        {"spec_interpolation", spec_interpolation},
        {"spec_inverted", spec_inverted},
        {"spec_partials", spec_partials},
        {"spec_sections", spec_sections},
        {"spec_inheritance", spec_inheritance},
        {"spec_dynamic_names", spec_dynamic_names},
        {"template_limits", template_limits},
        {"markdown_escaping_keeps_structure",
         markdown_escaping_keeps_structure},
        {"html_and_plain_escaping", html_and_plain_escaping},
        {"raw_html_is_shown_not_run", raw_html_is_shown_not_run},
        {"github_extensions", github_extensions},
        {"broken_templates_say_where", broken_templates_say_where},
        {"gavel_truthiness", gavel_truthiness},
        {NULL, NULL},
};
