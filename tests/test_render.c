/* SPDX-License-Identifier: MIT */
/*
 * This file tests `gavel render` and `gavel templates` as a chair uses
 * them: the default templates on the demo (golden files in tests/golden),
 * the search path and its order, partial folders that cannot be escaped,
 * exact output bytes, and broken templates or data that print nothing but
 * a one-line error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static const char *const *
env_db(void)
{
	static char var[4200];
	static const char *env[3] = {NULL, "GAVEL_NOW=2024-12-18 16:00", NULL};

	snprintf(var, sizeof(var), "GAVEL_DB=%s", t_path("g.db"));
	env[0] = var;
	return env;
}

static int
demo(void)
{
	return t_gavel(env_db(), "init", "--demo", NULL)->status == 0;
}

static void
roster_golden(const char *format, const char *golden)
{
	struct t_run *r;
	const char *want;

	T_ASSERT(demo());
	r = t_gavel(env_db(), "render", "roster", "--body", "SMCWG", "--format",
	            format, NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->err, "");
	want = t_read_file(golden, NULL);
	T_ASSERT(want != NULL);
	T_EQ_STR(r->out, want);
}

static void
roster_md_matches_golden(void)
{
	roster_golden("md", "tests/golden/roster-smcwg.md");
}

static void
roster_html_matches_golden(void)
{
	roster_golden("html", "tests/golden/roster-smcwg.html");
}

static void
data_file_bytes_exactly(void)
{
	struct t_run *r;

	write_file(t_path("notice.md"), "Ballot {{number}}: {{title}}");
	write_file(t_path("data.json"),
	           "{\"number\": \"SMC010\", \"title\": \"MPIC\"}");
	/* No newline is added to a template that has none. */
	r = t_gavel(NULL, "render", t_path("notice.md"), "--data",
	            t_path("data.json"), NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "Ballot SMC010: MPIC");
	/* A name that is not on the search path is read from here. */
	r = t_gavel(NULL, "render", "notice.md", "--data", "data.json", NULL);
	T_EQ_STR(r->out, "Ballot SMC010: MPIC");
	/* --data's keys are laid over a body's view. */
	T_ASSERT(demo());
	write_file(t_path("over.json"), "{\"members\": 99}");
	r = t_gavel(env_db(), "render", "roster", "--body", "smcwg", "--data",
	            t_path("over.json"), NULL);
	T_CONTAINS(r->out, "22 voting members, 99 members in all");
}

static void
partials_folder(void)
{
	struct t_run *r;

	mkdir(t_path("parts"), 0700);
	/* A standalone partial tag's line is replaced by the partial's own
	 * lines, newline included (Mustache spec, partials). */
	write_file(t_path("parts/sig.md"), "-- {{chair}}\n");
	write_file(t_path("parts/footer"), "(footer)\n");
	write_file(t_path("letter.md"), "Dear all,\n{{>sig}}\n{{>footer}}\n");
	write_file(t_path("data.json"), "{\"chair\": \"Stephen Davidson\"}");
	r = t_gavel(NULL, "render", t_path("letter.md"), "--data",
	            t_path("data.json"), "--partials", t_path("parts"), NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "Dear all,\n-- Stephen Davidson\n(footer)\n");
}

static void
partials_stay_in_their_folder(void)
{
	struct t_run *r;

	mkdir(t_path("parts"), 0700);
	write_file(t_path("secret.md"), "the secret");
	T_EQ_INT(symlink(t_path("secret.md"), t_path("parts/link.md")), 0);
	write_file(t_path("up.md"), "{{>../secret}}");
	write_file(t_path("abs.md"), "{{>/etc/passwd}}");
	write_file(t_path("link.md"), "{{>link}}");
	r = t_gavel(NULL, "render", t_path("up.md"), "--partials",
	            t_path("parts"), NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "\"../secret\" is not a template name");
	T_EQ_STR(r->out, "");
	r = t_gavel(NULL, "render", t_path("abs.md"), NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "is not a template name");
	/* A link that leads out of the folder is not followed. */
	r = t_gavel(NULL, "render", t_path("link.md"), "--partials",
	            t_path("parts"), NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "link.md:1:1: no template \"link\" for this "
	                   "partial");
	T_ASSERT(!strstr(r->out, "secret"));
}

static void
search_path_order(void)
{
	const char *const *env = env_db();
	struct t_run *r;

	T_ASSERT(demo());
	mkdir(t_path("mine"), 0700);
	mkdir(t_path("wg"), 0700);
	write_file(t_path("mine/roster.md"), "mine: {{body.code}}\n");
	write_file(t_path("wg/roster.md"), "wg: {{body.code}}\n");
	write_file(t_path("wg/agenda.md"), "agenda of {{body.code}}\n");
	r = t_gavel(env, "body", "set", "SMCWG", "--templates", t_path("wg"),
	            NULL);
	T_EQ_INT(r->status, 0);
	/* --templates first, then the body's folder, then the defaults. */
	r = t_gavel(env, "render", "roster", "--body", "SMCWG", "--templates",
	            t_path("mine"), NULL);
	T_EQ_STR(r->out, "mine: SMCWG\n");
	r = t_gavel(env, "render", "roster", "--body", "SMCWG", NULL);
	T_EQ_STR(r->out, "wg: SMCWG\n");
	r = t_gavel(env, "render", "agenda.md", "--body", "SMCWG", NULL);
	T_EQ_STR(r->out, "agenda of SMCWG\n");
	r = t_gavel(env, "templates", "list", "--body", "SMCWG", NULL);
	T_CONTAINS(r->out, "agenda.md ");
	T_CONTAINS(r->out, "/wg\n");
	r = t_gavel(env, "templates", "list", "--body", "SMCWG", "--format",
	            "json", NULL);
	T_CONTAINS(r->out, "\"name\": \"page.html\",\n    \"from\": "
	                   "\"built-in\"");
	r = t_gavel(env, "templates", "list", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"name\": \"roster.md\",\n    \"from\": "
	                   "\"built-in\"");
	r = t_gavel(env, "body", "set", "SMCWG", "--templates",
	            t_path("absent"), NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "is not a folder");
}

static void
templates_show_prints_the_default(void)
{
	struct t_run *r = t_gavel(NULL, "templates", "show", "roster", NULL);
	const char *want = t_read_file("templates/roster.md", NULL);

	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, want);
	r = t_gavel(NULL, "templates", "show", "minutes-of-2099", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no template \"minutes-of-2099\"");
}

static void
broken_input_writes_nothing(void)
{
	struct t_run *r;

	write_file(t_path("bad.md"),
	           "# {{title}}\n\n{{#members}}\n- {{name}}\n");
	write_file(t_path("data.json"),
	           "{\"title\": \"x\",\n  \"members\": [}");
	write_file(t_path("good.json"), "{\"title\": \"x\"}");
	r = t_gavel(NULL, "render", t_path("bad.md"), "--data",
	            t_path("good.json"), NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->out, "");
	T_CONTAINS(r->err, "gavel: bad.md:3:1: section \"members\" is never "
	                   "closed\n");
	write_file(t_path("ok.md"), "# {{title}}\n");
	r = t_gavel(NULL, "render", t_path("ok.md"), "--data",
	            t_path("data.json"), NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->out, "");
	T_CONTAINS(r->err, "data.json, line 2, column");
	r = t_gavel(NULL, "render", "page.html", "--format", "md", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "page.html renders only as html");
	r = t_gavel(NULL, "render", "roster", "--format", "pdf", NULL);
	T_EQ_INT(r->status, 2);
}

const struct t_case render_tests[] = {
        {"roster_md_matches_golden", roster_md_matches_golden},
        {"roster_html_matches_golden", roster_html_matches_golden},
        {"data_file_bytes_exactly", data_file_bytes_exactly},
        {"partials_folder", partials_folder},
        {"partials_stay_in_their_folder", partials_stay_in_their_folder},
        {"search_path_order", search_path_order},
        {"templates_show_prints_the_default",
         templates_show_prints_the_default},
        {"broken_input_writes_nothing", broken_input_writes_nothing},
        {NULL, NULL},
};
