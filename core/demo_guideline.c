/* SPDX-License-Identifier: MIT */
/*
 * This file implements the demo's guideline repository: a small git
 * repository beside the demo database (templates/demo-guideline.json:
 * commits standing for SMC09, SMC010 and a draft for issue #263), written
 * with a fixed identity and clock so its ids repeat on every machine, and
 * the pin of the demo ballot to it, so a new user sees a real redline.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ballot_internal.h"
#include "gavel/demo.h"
#include "gavel/time.h"
#include "db.h"
#include "git_out.h"

static int
bad(const char *what)
{
	return gv__error_set(GV_ERRCLASS_DEMO, GV_EINVALID,
	                     "demo guideline: %s", what);
}

/* The text of a commit: its "text" lines, each ending in a newline. */
static char *
commit_text(json_t *lines)
{
	struct gv_buf b = GV_BUF_INIT;
	json_t *line;
	size_t i;

	json_array_foreach (lines, i, line) {
		gv__buf_puts(&b, json_string_value(line)
		                         ? json_string_value(line)
		                         : "");
		gv__buf_putc(&b, '\n');
	}
	return gv__buf_detach(&b);
}

/* The commits written so far, by branch and by tag. */
struct names {
	const char *name[32];
	char id[32][41];
	size_t n;
};

static const char *
names_find(const struct names *t, const char *name)
{
	size_t i;

	for (i = t->n; name && i-- > 0;)
		if (!strcmp(t->name[i], name))
			return t->id[i];
	return NULL;
}

static void
names_set(struct names *t, const char *name, const char *id)
{
	if (name && t->n < sizeof(t->name) / sizeof(t->name[0])) {
		t->name[t->n] = name;
		memcpy(t->id[t->n++], id, 41);
	}
}

/*
 * Writes the commits in order: each on its branch's latest commit of this
 * run, a branch's first on the tag "from" names (or none, a root). Only
 * this run's commits count, so writing again gives the same ids.
 */
static int
write_commits(struct gv__git_out *repo, const char *path, json_t *commits)
{
	struct names seen = {0};
	json_t *c;
	size_t i;
	int error;

	json_array_foreach (commits, i, c) {
		const char *branch =
		        json_string_value(json_object_get(c, "branch"));
		const char *from =
		        json_string_value(json_object_get(c, "from"));
		const char *tag = json_string_value(json_object_get(c, "tag"));
		const char *msg =
		        json_string_value(json_object_get(c, "message"));
		const char *when =
		        json_string_value(json_object_get(c, "when"));
		const char *parent = names_find(&seen, branch);
		char id[41];
		int64_t at;
		char *text;

		if (!branch || !msg || !when || gv_time_parse(&at, when) < 0 ||
		    !json_is_array(json_object_get(c, "text")))
			return bad("a commit needs a branch, a message, a time "
			           "and its text");
		if (!parent && from && !(parent = names_find(&seen, from)))
			return bad("a branch grows from a tag not written yet");
		text = commit_text(json_object_get(c, "text"));
		error = gv__git_out_commit(id, repo, branch, parent, path, text,
		                           strlen(text), msg, at);
		free(text);
		if (error == 0 && tag)
			error = gv__git_out_tag(repo, tag, id);
		if (error < 0)
			return error;
		names_set(&seen, branch, id);
		names_set(&seen, tag, id);
	}
	return 0;
}

int
gv_demo_guideline(struct gv_db *db, const char *dir, int write)
{
	const struct gv__embedded *e = gv__embedded_find("demo-guideline.json");
	struct gv__git_out *repo = NULL;
	json_error_t jerr;
	json_t *doc, *pin;
	int error = 0;

	if (!e)
		return gv__error_set(GV_ERRCLASS_DEMO, GV_ENOTFOUND,
		                     "this gavel was built without its demo "
		                     "guideline");
	if (!(doc = json_loadb(e->data, (size_t)e->size, 0, &jerr)))
		return bad(jerr.text);
	pin = json_object_get(doc, "pin");
	if (write) {
		const char *path =
		        json_string_value(json_object_get(doc, "path"));

		if (!path)
			error = bad("no path for the guideline");
		else if ((error = gv__git_out_init(&repo, dir)) == 0 &&
		         (error = write_commits(
		                  repo, path,
		                  json_object_get(doc, "commits"))) == 0)
			error = gv__git_out_checkout(repo);
		gv__git_out_free(repo);
	}
	if (error == 0)
		error = gv__ballot_pin_latest(
		        db, json_string_value(json_object_get(pin, "ballot")),
		        dir, json_string_value(json_object_get(pin, "base")),
		        json_string_value(json_object_get(pin, "head")),
		        gv_db_now(db));
	json_decref(doc);
	return error;
}
