/* SPDX-License-Identifier: MIT */
/*
 * This file implements the candidates of `gavel complete`: the literal
 * choices a usage line spells out ("text|json"), and the names the
 * database holds (body codes, organisations, ballot numbers, meetings,
 * issues, people, remotes, templates), each with a short description the
 * shells that show one (zsh, fish) print beside it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "complete.h"
#include "gavel/gavel.h"

void
complete_add(struct completer *c, const char *value, const char *desc)
{
	char *fold = gv_text_fold(value), *v, *d, **more;
	size_t need;

	if (!fold)
		abort();
	if (strncmp(fold, c->cur_fold, strlen(c->cur_fold)) != 0) {
		free(fold);
		return;
	}
	free(fold);
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? c->alloc * 2 : 32;
		if (!(more = realloc(c->lines, c->alloc * sizeof(*more))))
			abort();
		c->lines = more;
	}
	/* One line each: a tab or a line feed in stored text is shown as
	 * ^I or ^J, never taken as the protocol's. */
	v = gv_text_sanitize(value, 0);
	d = gv_text_sanitize(desc ? desc : "", 0);
	need = strlen(c->prefix) + strlen(v) + strlen(d) + 2;
	if (!(c->lines[c->n] = malloc(need)))
		abort();
	snprintf(c->lines[c->n++], need, "%s%s%s%s", c->prefix, v,
	         *d ? "\t" : "", d);
	free(v);
	free(d);
}

/* The database, opened once; NULL when it cannot be (none yet, locked):
 * completion then offers what needs no database. */
static struct gv_db *
completer_db(struct completer *c)
{
	struct gv_db_options opts = {0, 200};

	if (!c->db && !c->db_failed && c->db_path) {
		if (gv_db_open(&c->db, c->db_path, &opts) < 0)
			c->db_failed = 1;
		else if (c->now >= 0)
			gv_db_set_now(c->db, c->now);
	}
	return c->db;
}

static void
add_bodies(struct completer *c, struct gv_db *db)
{
	struct gv_body_list *list = NULL;
	size_t i;

	if (gv_body_list(&list, db) < 0)
		return;
	for (i = 0; i < list->n; i++)
		complete_add(c, list->v[i].code, list->v[i].name);
	gv_body_list_free(list);
}

/* Each organisation once, described by its first membership. */
static void
add_orgs(struct completer *c, struct gv_db *db)
{
	struct gv_org_filter filter = {NULL, -1};
	struct gv_org_list *list = NULL;
	char desc[160];
	size_t i, j;

	if (gv_org_list(&list, db, &filter) < 0)
		return;
	for (i = 0; i < list->n; i++) {
		const struct gv_org *o = &list->v[i];

		for (j = 0; j < i && strcmp(list->v[j].name, o->name); j++)
			;
		if (j < i)
			continue;
		snprintf(desc, sizeof(desc), "%s%s%s",
		         o->body ? gv_class_name(o->klass) : "no body",
		         o->body ? " in " : "", o->body ? o->body : "");
		complete_add(c, o->name, desc);
	}
	gv_org_list_free(list);
}

static void
add_ballots(struct completer *c, struct gv_db *db)
{
	struct gv_ballot_list *list = NULL;
	char desc[320];
	size_t i;

	if (gv_ballot_list(&list, db, NULL) < 0)
		return;
	for (i = 0; i < list->n; i++) {
		snprintf(desc, sizeof(desc), "%s: %s",
		         gv_ballot_state_name(list->v[i]->state),
		         list->v[i]->title);
		complete_add(c, list->v[i]->number, desc);
	}
	gv_ballot_list_free(list);
}

static void
add_meetings(struct completer *c, struct gv_db *db)
{
	struct gv_meeting_filter filter = {0};
	struct gv_meeting_list *list = NULL;
	char id[32], when[GV_TIME_BUFSZ], desc[320];
	size_t i;

	if (gv_meeting_list(&list, db, &filter) < 0)
		return;
	for (i = 0; i < list->n; i++) {
		const struct gv_meeting *m = &list->v[i];

		snprintf(id, sizeof(id), "%lld", (long long)m->id);
		snprintf(desc, sizeof(desc), "%s %s, %s%s%s", m->body,
		         gv_time_format(when, m->starts_at, GV_TIME_DATE),
		         m->status, m->title ? ": " : "",
		         m->title ? m->title : "");
		complete_add(c, id, desc);
	}
	gv_meeting_list_free(list);
}

static void
add_issues(struct completer *c, struct gv_db *db)
{
	struct gv_issue_filter filter = {NULL, -1, NULL, NULL, 0};
	struct gv_issue_list list = {0};
	char number[32], desc[320];
	size_t i;

	if (gv_issue_list(&list, db, &filter) < 0)
		return;
	for (i = 0; i < list.n; i++) {
		snprintf(number, sizeof(number), "%lld",
		         (long long)list.v[i].number);
		snprintf(desc, sizeof(desc), "%s: %s", list.v[i].body,
		         list.v[i].title);
		complete_add(c, number, desc);
	}
	gv_issue_list_dispose(&list);
}

static void
add_people(struct completer *c, struct gv_db *db)
{
	struct gv_person_filter filter = {0};
	struct gv_person_list *list = NULL;
	size_t i;

	if (gv_person_list(&list, db, &filter) < 0)
		return;
	for (i = 0; i < list->n; i++)
		complete_add(c, list->v[i].name, list->v[i].org);
	gv_person_list_free(list);
}

static void
add_remotes(struct completer *c, struct gv_db *db)
{
	struct gv_remote *r = NULL;
	size_t n = 0, i;

	if (gv_remote_list(&r, &n, db, NULL) < 0)
		return;
	for (i = 0; i < n; i++)
		complete_add(c, r[i].name, r[i].url);
	gv_remote_list_free(r, n);
}

/* The templates on the default path (a body's own folder needs --body,
 * which the command may not have yet); a file path is asked of the
 * shell as well. */
static void
add_templates(struct completer *c)
{
	struct gv_templates *path = gv_templates_new(NULL, 0);
	struct gv_template_list *list = NULL;
	size_t i;

	if (gv_templates_list(&list, path) == 0) {
		for (i = 0; i < list->n; i++)
			complete_add(c, list->v[i].name, list->v[i].origin);
		gv_template_list_free(list);
	}
	gv_templates_free(path);
	c->kind = COMPLETE_FILES;
}

/* Where the names of a placeholder come from. An option's name comes
 * first: `--issue N` names an issue where N alone is any number. */
static const struct {
	const char *key; /* a placeholder, or an option ("--issue") */
	void (*add)(struct completer *c, struct gv_db *db);
} sources[] = {
        {"--issue", add_issues},     {"--ballot", add_ballots},
        {"--meeting", add_meetings}, {"CODE", add_bodies},
        {"ORG", add_orgs},           {"NUMBER", add_ballots},
        {"ID", add_meetings},        {"LATER", add_meetings},
        {"REF", add_issues},         {"PERSON", add_people},
        {"REMOTE", add_remotes},
};

/* "text|json" -> text, json; "RULE|none" -> none: the parts a user
 * types as they are (lower case). */
static void
add_literals(struct completer *c, const char *placeholder)
{
	char part[USAGE_WORD];
	const char *p = placeholder;
	size_t len, i;

	for (; *p; p += len + (p[len] == '|')) {
		len = strcspn(p, "|");
		if (!len || len >= sizeof(part))
			continue;
		memcpy(part, p, len);
		part[len] = '\0';
		for (i = 0; i < len && (islower((unsigned char)part[i]) ||
		                        isdigit((unsigned char)part[i]) ||
		                        (i && part[i] == '-'));
		     i++)
			;
		if (i == len)
			complete_add(c, part, NULL);
	}
}

void
complete_value(struct completer *c, const char *option, const char *placeholder)
{
	size_t len = strcspn(placeholder, "|.,"), i;
	struct gv_db *db;

	for (i = 0; i < sizeof(sources) / sizeof(sources[0]); i++) {
		const char *key = sources[i].key;

		if (key[0] == '-' ? option && !strcmp(key, option)
		                  : strlen(key) == len &&
		                            !strncmp(key, placeholder, len)) {
			if ((db = completer_db(c)))
				sources[i].add(c, db);
			return;
		}
	}
	if (len == 8 && !strncmp(placeholder, "TEMPLATE", len))
		add_templates(c);
	else if (len == 4 && !strncmp(placeholder, "FILE", len))
		c->kind = COMPLETE_FILES;
	else if (len == 3 && !strncmp(placeholder, "DIR", len))
		c->kind = COMPLETE_DIRS;
	else
		add_literals(c, placeholder);
}
