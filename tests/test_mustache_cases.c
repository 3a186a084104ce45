/* SPDX-License-Identifier: MIT */
/*
 * This file tests the Mustache engine on cases written for gavel in the
 * shape of the official specification's, one table per module (comments,
 * delimiters, interpolation, sections, inverted sections, partials, and
 * the optional inheritance and dynamic names), so the engine is checked
 * on a clone without ../shared; the spec files stay the wider net
 * (test_mustache.c). It also runs every case, theirs and these.
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

static int
case_partial(char **text, const char *name, void *payload)
{
	json_t *p = json_object_get(payload, name);

	if (!json_is_string(p))
		return GV_ENOTFOUND;
	*text = gv__xstrdup(json_string_value(p));
	return 0;
}

/* Shows control characters, so a whitespace difference is visible. */
static void
show(const char *label, const char *s)
{
	printf("    %s \"", label);
	for (; s && *s; s++)
		if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\r')
			fputs("\\r", stdout);
		else
			putchar(*s);
	puts("\"");
}

int
mu_case_run(const char *label, const char *name, const char *tmpl, json_t *data,
            json_t *partials, const char *want)
{
	struct gv_mustache_opts opts = {GV_ESCAPE_HTML, case_partial, partials,
	                                1};
	struct mu_template *t = NULL;
	char *got = NULL;
	int error, ok;

	error = gv__mu_parse(&t, "spec", tmpl, strlen(tmpl), NULL, NULL);
	if (error == 0)
		error = gv__mu_render(&got, NULL, t, data, &opts);
	gv__mu_free(t);
	ok = error == 0 && !strcmp(got, want);
	if (!ok) {
		t_fail(__FILE__, __LINE__, "%s: \"%s\"", label, name);
		show("template", tmpl);
		show("got     ", error ? gv_error_last()->message : got);
		show("want    ", want);
	}
	free(got);
	return ok;
}

/* One case: its data and partials as JSON text (NULL: none). */
struct mu_case {
	const char *name, *tmpl, *data, *partials, *want;
};

/* Runs every case of a table; each failure is reported, not only the
 * first, and a table that ran nothing fails. */
static void
run_table(const char *label, const struct mu_case *c, size_t n)
{
	size_t i;

	T_ASSERT(n > 0);
	for (i = 0; i < n; i++) {
		json_error_t jerr;
		json_t *data =
		        json_loads(c[i].data ? c[i].data : "{}", 0, &jerr);
		json_t *partials = c[i].partials
		                           ? json_loads(c[i].partials, 0, &jerr)
		                           : NULL;

		if (!data || (c[i].partials && !partials))
			t_fail(__FILE__, __LINE__, "%s: \"%s\": bad JSON: %s",
			       label, c[i].name, jerr.text);
		else
			mu_case_run(label, c[i].name, c[i].tmpl, data, partials,
			            c[i].want);
		json_decref(data);
		json_decref(partials);
	}
}

#define RUN_TABLE(t) run_table(#t, t, sizeof(t) / sizeof(t[0]))

static void
comments(void)
{
	static const struct mu_case cases[] = {
	        {"inline", "Roll{{! not printed }} call", NULL, NULL,
	         "Roll call"},
	        {"multiline", "a{{!\n  one\n  two\n}}b", NULL, NULL, "ab"},
	        {"standalone", "Agenda\n{{! the chair's note }}\nItem 1\n",
	         NULL, NULL, "Agenda\nItem 1\n"},
	        {"indented standalone", "Agenda\n   {{! note }}\nItem 1\n",
	         NULL, NULL, "Agenda\nItem 1\n"},
	        {"standalone CRLF", "|\r\n{{! note }}\r\n|", NULL, NULL,
	         "|\r\n|"},
	        {"standalone at the end", "Item\n  {{! note }}", NULL, NULL,
	         "Item\n"},
	        {"not standalone", "  1{{! note }}\n", NULL, NULL, "  1\n"},
	        /* A comment ends at the first closing delimiter. */
	        {"ends at the first close", "x{{! {{y}} }}z", NULL, NULL,
	         "x }}z"},
	};

	RUN_TABLE(cases);
}

static void
delimiters(void)
{
	static const struct mu_case cases[] = {
	        {"pair of symbols", "{{=<% %>=}}(<%who%>)",
	         "{\"who\": \"the chair\"}", NULL, "(the chair)"},
	        {"brackets", "({{=[ ]=}}[who])", "{\"who\": \"a member\"}",
	         NULL, "(a member)"},
	        {"in sections",
	         "[\n{{#on}}\n  {{v}}\n  |v|\n{{/on}}\n{{= | | =}}\n|#on|\n"
	         "  {{v}}\n  |v|\n|/on|\n]\n",
	         "{\"on\": true, \"v\": \"x\"}", NULL,
	         "[\n  x\n  |v|\n  {{v}}\n  x\n]\n"},
	        {"partials keep the defaults",
	         "[ {{>p}} ]\n{{= | | =}}\n[ |>p| ]\n", "{\"v\": \"y\"}",
	         "{\"p\": \".{{v}}.\"}", "[ .y. ]\n[ .y. ]\n"},
	        {"standalone", "Begin\n{{=@ @=}}\nEnd @v@\n", "{\"v\": 1}",
	         NULL, "Begin\nEnd 1\n"},
	        {"indented standalone", "Begin\n   {{=@ @=}}\nEnd\n", NULL,
	         NULL, "Begin\nEnd\n"},
	        {"standalone CRLF", "|\r\n{{= @ @ =}}\r\n|", NULL, NULL,
	         "|\r\n|"},
	        {"padding", "|{{= @   @ =}}|", NULL, NULL, "||"},
	        {"back to braces", "{{=<< >>=}}<<v>> <<={{ }}=>>{{v}}",
	         "{\"v\": \"z\"}", NULL, "z z"},
	};

	RUN_TABLE(cases);
}

static void
interpolation(void)
{
	static const struct mu_case cases[] = {
	        {"no tags", "The quorum was met.\n", NULL, NULL,
	         "The quorum was met.\n"},
	        {"a name", "Ballot {{ref}} passed.", "{\"ref\": \"SMC010\"}",
	         NULL, "Ballot SMC010 passed."},
	        {"escaped", "{{t}}", "{\"t\": \"<b> & \\\"q\\\"\"}", NULL,
	         "&lt;b&gt; &amp; &quot;q&quot;"},
	        {"triple", "{{{t}}}", "{\"t\": \"<b> & \\\"q\\\"\"}", NULL,
	         "<b> & \"q\""},
	        {"ampersand", "{{&t}}", "{\"t\": \"<b> &\"}", NULL, "<b> &"},
	        {"integer", "{{n}} votes", "{\"n\": 17}", NULL, "17 votes"},
	        {"decimal", "{{d}} of the members", "{\"d\": 0.5}", NULL,
	         "0.5 of the members"},
	        {"decimal shortest", "{{d}}", "{\"d\": 1.21}", NULL, "1.21"},
	        {"booleans", "{{y}}/{{n}}", "{\"y\": true, \"n\": false}", NULL,
	         "true/false"},
	        {"null", "({{v}})", "{\"v\": null}", NULL, "()"},
	        {"missing", "({{v}}) ({{{v}}}) ({{&v}})", NULL, NULL,
	         "() () ()"},
	        {"object prints nothing", "({{o}})", "{\"o\": {\"a\": 1}}",
	         NULL, "()"},
	        {"dotted", "{{org.name}} = {{#org}}{{name}}{{/org}}",
	         "{\"org\": {\"name\": \"Sectigo\"}}", NULL,
	         "Sectigo = Sectigo"},
	        {"dotted deep", "{{a.b.c.d}}",
	         "{\"a\": {\"b\": {\"c\": {\"d\": \"deep\"}}}}", NULL, "deep"},
	        {"dotted broken chain", "({{a.b.c}})", "{\"a\": {}}", NULL,
	         "()"},
	        {"dotted does not climb", "{{#a}}({{b.c}}){{/a}}",
	         "{\"a\": {\"b\": {}}, \"b\": {\"c\": \"wrong\"}}", NULL, "()"},
	        {"dotted first part climbs", "{{#a}}{{b.c}}{{/a}}",
	         "{\"a\": {\"x\": 1}, \"b\": {\"c\": \"found\"}}", NULL,
	         "found"},
	        {"implicit iterator", "{{#l}}[{{.}}]{{/l}}",
	         "{\"l\": [\"a\", 2, 3.5]}", NULL, "[a][2][3.5]"},
	        {"implicit iterator raw", "{{#l}}{{{.}}}{{/l}}",
	         "{\"l\": [\"<i>\"]}", NULL, "<i>"},
	        {"surrounding whitespace", " | {{v}} | ", "{\"v\": \"x\"}",
	         NULL, " | x | "},
	        {"standalone keeps its line", "  {{v}}\n", "{\"v\": \"x\"}",
	         NULL, "  x\n"},
	        {"padding", "|{{ v }}|{{{ v }}}|{{& v }}|", "{\"v\": \"x\"}",
	         NULL, "|x|x|x|"},
	};

	RUN_TABLE(cases);
}

static void
sections(void)
{
	static const struct mu_case cases[] = {
	        {"true", "<{{#b}}shown{{/b}}>", "{\"b\": true}", NULL,
	         "<shown>"},
	        {"false", "<{{#b}}shown{{/b}}>", "{\"b\": false}", NULL, "<>"},
	        {"null", "<{{#b}}shown{{/b}}>", "{\"b\": null}", NULL, "<>"},
	        {"missing", "<{{#b}}shown{{/b}}>", NULL, NULL, "<>"},
	        {"object is the context", "{{#m}}{{day}} {{body}}{{/m}}",
	         "{\"m\": {\"day\": \"Thursday\", \"body\": \"SCWG\"}}", NULL,
	         "Thursday SCWG"},
	        {"list", "{{#v}}{{org}};{{/v}}",
	         "{\"v\": [{\"org\": \"A\"}, {\"org\": \"B\"}, {\"org\": "
	         "\"C\"}]}",
	         NULL, "A;B;C;"},
	        {"empty list", "<{{#v}}x{{/v}}>", "{\"v\": []}", NULL, "<>"},
	        {"list of lists", "{{#l}}{{#.}}{{.}}{{/.}}|{{/l}}",
	         "{\"l\": [[1, 2], [3]]}", NULL, "12|3|"},
	        {"parent context",
	         "{{#a}}{{one}}{{#b}}{{one}}{{two}}{{/b}}{{/a}}",
	         "{\"a\": {\"one\": 1}, \"b\": {\"two\": 2}}", NULL, "112"},
	        {"inner shadows outer",
	         "{{#a}}{{n}}{{#b}}{{n}}{{/b}}{{n}}{{/a}}",
	         "{\"a\": {\"n\": 1, \"b\": {\"n\": 2}}}", NULL, "121"},
	        {"number and string are true",
	         "{{#n}}n{{/n}}{{#s}}s{{/s}}{{#z}}z{{/z}}",
	         "{\"n\": 1, \"s\": \"x\", \"z\": 0}", NULL, "nsz"},
	        {"dotted", "{{#a.b}}yes{{/a.b}}{{#a.c}}no{{/a.c}}",
	         "{\"a\": {\"b\": true, \"c\": false}}", NULL, "yes"},
	        {"standalone lines", "|\n| one\n{{#b}}\n|\n{{/b}}\n| two\n",
	         "{\"b\": true}", NULL, "|\n| one\n|\n| two\n"},
	        {"indented standalone lines", "|\n  {{#b}}\n  x\n  {{/b}}\n|\n",
	         "{\"b\": true}", NULL, "|\n  x\n|\n"},
	        {"standalone CRLF", "|\r\n{{#b}}\r\n{{/b}}\r\n|",
	         "{\"b\": true}", NULL, "|\r\n|"},
	        {"not standalone", " {{#b}}x{{/b}} \n", "{\"b\": true}", NULL,
	         " x \n"},
	        {"padding", "|{{# b }}={{/ b }}|", "{\"b\": true}", NULL,
	         "|=|"},
	};

	RUN_TABLE(cases);
}

static void
inverted(void)
{
	static const struct mu_case cases[] = {
	        {"false", "<{{^b}}none{{/b}}>", "{\"b\": false}", NULL,
	         "<none>"},
	        {"true", "<{{^b}}none{{/b}}>", "{\"b\": true}", NULL, "<>"},
	        {"null", "<{{^b}}none{{/b}}>", "{\"b\": null}", NULL, "<none>"},
	        {"missing", "<{{^b}}none{{/b}}>", NULL, NULL, "<none>"},
	        {"empty list", "<{{^v}}none{{/v}}>", "{\"v\": []}", NULL,
	         "<none>"},
	        {"list", "<{{^v}}none{{/v}}>", "{\"v\": [1]}", NULL, "<>"},
	        {"object", "<{{^o}}none{{/o}}>", "{\"o\": {}}", NULL, "<>"},
	        {"beside a section", "{{#b}}yes{{/b}}{{^b}}no{{/b}}",
	         "{\"b\": false}", NULL, "no"},
	        {"dotted", "{{^a.b}}none{{/a.b}}", "{\"a\": {\"b\": false}}",
	         NULL, "none"},
	        {"standalone lines", "|\n{{^b}}\n|\n{{/b}}\n|\n",
	         "{\"b\": false}", NULL, "|\n|\n|\n"},
	};

	RUN_TABLE(cases);
}

static void
partials(void)
{
	static const struct mu_case cases[] = {
	        {"basic", "\"{{>p}}\"", NULL, "{\"p\": \"from p\"}",
	         "\"from p\""},
	        {"missing renders empty", "\"{{>p}}\"", NULL, "{}", "\"\""},
	        {"the caller's context", "{{>p}}", "{\"v\": \"ctx\"}",
	         "{\"p\": \"*{{v}}*\"}", "*ctx*"},
	        {"twice", "{{>p}}{{>p}}", "{\"v\": 1}", "{\"p\": \"{{v}}.\"}",
	         "1.1."},
	        {"recursion", "{{>node}}",
	         "{\"t\": \"A\", \"kids\": [{\"t\": \"B\", \"kids\": "
	         "[]}]}",
	         "{\"node\": \"{{t}}<{{#kids}}{{>node}}{{/kids}}>\"}",
	         "A<B<>>"},
	        {"surrounding whitespace", "| {{>p}} |", NULL,
	         "{\"p\": \"\\t|\\t\"}", "| \t|\t |"},
	        {"inline indentation is not applied", "  {{v}}  {{>p}}\n",
	         "{\"v\": \"x\"}", "{\"p\": \">\\n>\"}", "  x  >\n>\n"},
	        {"standalone indentation", "begin\n  {{>box}}\nend\n",
	         "{\"v\": \"a\\nb\"}", "{\"box\": \"[\\n{{{v}}}\\n]\\n\"}",
	         "begin\n  [\n  a\nb\n  ]\nend\n"},
	        {"standalone twice, indented alike", "  {{>p}}\n  {{>p}}\n",
	         NULL, "{\"p\": \"x\\n\"}", "  x\n  x\n"},
	        {"standalone CRLF", "|\r\n{{>p}}\r\n|", NULL, "{\"p\": \">\"}",
	         "|\r\n>|"},
	        {"standalone without a newline", ">\n  {{>p}}", NULL,
	         "{\"p\": \">\\n>\"}", ">\n  >\n  >"},
	        {"padding", "|{{> p }}|", NULL, "{\"p\": \"[]\"}", "|[]|"},
	};

	RUN_TABLE(cases);
}

static void
inheritance(void)
{
	static const struct mu_case cases[] = {
	        {"default", "{{$title}}Minutes{{/title}}", NULL, NULL,
	         "Minutes"},
	        {"variable in a default", "{{$t}}{{v}}{{/t}}", "{\"v\": \"x\"}",
	         NULL, "x"},
	        {"parent alone", "{{<base}}{{/base}}", NULL,
	         "{\"base\": \"<{{$b}}default{{/b}}>\"}", "<default>"},
	        {"override", "{{<base}}{{$b}}mine{{/b}}{{/base}}", NULL,
	         "{\"base\": \"<{{$b}}default{{/b}}>\"}", "<mine>"},
	        {"data in the override", "{{<base}}{{$b}}{{v}}{{/b}}{{/base}}",
	         "{\"v\": \"y\"}", "{\"base\": \"<{{$b}}default{{/b}}>\"}",
	         "<y>"},
	        {"override twice in the parent",
	         "{{<base}}{{$b}}o{{/b}}{{/base}}", NULL,
	         "{\"base\": \"{{$b}}d{{/b}}-{{$b}}d{{/b}}\"}", "o-o"},
	        {"only the named block", "{{<base}}{{$a}}A{{/a}}{{/base}}",
	         NULL, "{\"base\": \"{{$a}}a{{/a}}{{$b}}b{{/b}}\"}", "Ab"},
	        {"text beside blocks is ignored",
	         "{{<base}}ignored{{$b}}o{{/b}}{{/base}}", NULL,
	         "{\"base\": \"{{$b}}d{{/b}}\"}", "o"},
	        {"the outermost override wins",
	         "{{<child}}{{$b}}top{{/b}}{{/child}}", NULL,
	         "{\"child\": \"{{<base}}{{$b}}child{{/b}}{{/base}}\", "
	         "\"base\": \"<{{$b}}base{{/b}}>\"}",
	         "<top>"},
	        {"two levels, no override", "{{<child}}{{/child}}", NULL,
	         "{\"child\": \"{{<base}}{{$b}}child{{/b}}{{/base}}\", "
	         "\"base\": \"<{{$b}}base{{/b}}>\"}",
	         "<child>"},
	        {"a parent twice",
	         "{{<p}}{{$b}}1{{/b}}{{/p}}{{<p}}{{$b}}2{{/b}}{{/p}}", NULL,
	         "{\"p\": \"[{{$b}}{{/b}}]\"}", "[1][2]"},
	        {"missing parent", "({{<none}}{{$b}}x{{/b}}{{/none}})", NULL,
	         "{}", "()"},
	        {"standalone block indentation",
	         "{{<parent}}\n{{$body}}\none\ntwo\n{{/body}}\n{{/parent}}\n",
	         NULL, "{\"parent\": \"<\\n  {{$body}}\\n  {{/body}}\\n>\\n\"}",
	         "<\n  one\n  two\n>\n"},
	        {"standalone parent indentation", "  {{<parent}}{{/parent}}\n",
	         NULL, "{\"parent\": \"a\\nb\\n\"}", "  a\n  b\n"},
	};

	RUN_TABLE(cases);
}

static void
dynamic_names(void)
{
	static const struct mu_case cases[] = {
	        {"a partial by name", "\"{{>*which}}\"", "{\"which\": \"p\"}",
	         "{\"p\": \"hello\"}", "\"hello\""},
	        {"the name is not the partial", "\"{{>*which}}\"",
	         "{\"which\": \"p\"}", "{\"which\": \"wrong\"}", "\"\""},
	        {"name missing", "\"{{>*which}}\"", NULL, "{\"p\": \"x\"}",
	         "\"\""},
	        {"name not a string", "\"{{>*which}}\"", "{\"which\": 3}",
	         "{\"3\": \"x\"}", "\"\""},
	        {"dotted name", "{{>*a.b}}", "{\"a\": {\"b\": \"p\"}}",
	         "{\"p\": \"found\"}", "found"},
	        {"dotted broken", "({{>*a.b}})", "{\"a\": {}}",
	         "{\"p\": \"x\"}", "()"},
	        {"inside a section", "{{#s}}{{>*n}}{{/s}}",
	         "{\"s\": {\"n\": \"p\", \"v\": \"in\"}}", "{\"p\": \"{{v}}\"}",
	         "in"},
	        {"standalone indentation", "|\n  {{>*n}}\n|\n",
	         "{\"n\": \"p\"}", "{\"p\": \"a\\nb\\n\"}", "|\n  a\n  b\n|\n"},
	        {"padding", "|{{> * n }}|", "{\"n\": \"p\"}", "{\"p\": \"x\"}",
	         "|x|"},
	};

	RUN_TABLE(cases);
}

const struct t_case mustache_cases_tests[] = {
        {"comments", comments},
        {"delimiters", delimiters},
        {"interpolation", interpolation},
        {"sections", sections},
        {"inverted", inverted},
        {"partials", partials},
        {"inheritance", inheritance},
        {"dynamic_names", dynamic_names},
        {NULL, NULL},
};
