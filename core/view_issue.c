/* SPDX-License-Identifier: MIT */
/*
 * This file builds the documents of issues: the list (with search
 * snippets as spans, so no front end parses markers) and one issue's
 * whole story, which `issue show --format json` prints and
 * templates/issue.md renders.
 */
#include <stdlib.h>
#include <string.h>

#include "gavel/issue.h"
#include "gavel/time.h"
#include "gavel/view.h"
#include "internal.h"
#include "view.h"

/* The snippet as [{"text": ..., "match": bool}, ...]. */
static json_t *
snippet_spans(const char *s)
{
	json_t *spans = json_array();
	int match = 0;

	while (s && *s) {
		size_t n = strcspn(s, GV_ISSUE_MARK_START GV_ISSUE_MARK_END);

		if (n)
			json_array_append_new(spans,
			                      json_pack("{s:s%, s:b}", "text",
			                                s, n, "match", match));
		s += n;
		if (*s)
			match = *s++ == GV_ISSUE_MARK_START[0];
	}
	return spans;
}

static json_t *
issue_json(const struct gv_issue *is)
{
	struct gv_buf text = GV_BUF_INIT;
	json_t *labels = json_array(), *o;
	char ref[64];
	size_t i;

	for (i = 0; i < is->nlabels; i++) {
		json_array_append_new(labels, json_string(is->labels[i]));
		gv__buf_printf(&text, "%s%s", i ? ", " : "", is->labels[i]);
	}
	snprintf(ref, sizeof(ref), "%s#%lld", is->body, (long long)is->number);
	o = json_pack("{s:s, s:s, s:I, s:s, s:s, s:o, s:s?, s:s?, s:s?, s:o,"
	              " s:o, s:o, s:o, s:o, s:I}",
	              "ref", ref, "body", is->body, "number",
	              (json_int_t)is->number, "title", is->title, "state",
	              is->closed ? "closed" : "open", "labels", labels, "url",
	              is->url, "author", is->author, "assignee", is->assignee,
	              "created", gv__view_iso(is->created_at), "updated",
	              gv__view_iso(is->updated_at), "closed",
	              gv__view_iso(is->closed_at), "imported",
	              gv__view_iso(is->imported_at), "activity",
	              gv__view_iso(is->activity), "notes",
	              (json_int_t)is->nnotes);
	json_object_set_new(o, "labels_text",
	                    json_string(text.ptr ? text.ptr : ""));
	gv__buf_dispose(&text);
	if (is->snippet) {
		json_object_set_new(o, "snippet", snippet_spans(is->snippet));
		json_object_set_new(o, "rank", json_real(is->rank));
	}
	return o;
}

int
gv_view_issue_item_json(char **out, const struct gv_issue *is)
{
	struct gv_buf b = GV_BUF_INIT;
	char *one;
	const char *p;
	int error;

	if ((error = gv__view_dump(&one, issue_json(is), JSON_ENSURE_ASCII)) <
	    0)
		return error;
	/* One level in, as inside the list's array: no string of the
	 * dump holds a raw newline. */
	for (p = one; *p;) {
		size_t n = strcspn(p, "\n");

		n += p[n] == '\n';
		gv__buf_put(&b, "  ", 2);
		gv__buf_put(&b, p, n);
		p += n;
	}
	free(one);
	*out = gv__buf_detach(&b);
	return 0;
}

int
gv_view_issues_json(char **out, const struct gv_issue_list *list)
{
	json_t *doc = json_array();
	size_t i;

	for (i = 0; i < list->n; i++)
		json_array_append_new(doc, issue_json(&list->v[i]));
	return gv__view_dump(out, doc, JSON_ENSURE_ASCII);
}

/* What each kind of entry adds to {"kind", "at", "when", "author"}. */
static json_t *
entry_json(const struct gv_issue_entry *e)
{
	static const char *const kinds[] = {"opened",  "meeting", "note",
	                                    "draft",   "ballot",  "closed",
	                                    "reopened"};
	char when[GV_TIME_BUFSZ];
	json_t *meeting = e->meeting ? json_pack("{s:I, s:s?}", "id",
	                                         (json_int_t)e->meeting,
	                                         "title", e->meeting_title)
	                             : json_null();
	json_t *o = json_pack("{s:s, s:o, s:s, s:s?}", "kind", kinds[e->kind],
	                      "at", gv__view_iso(e->at), "when",
	                      gv_time_format(when, e->at, GV_TIME_HUMAN),
	                      "author", e->author);

	switch (e->kind) {
	case GV_ISSUE_NOTE:
		json_object_set_new(o, "note",
		                    json_pack("{s:s, s:b, s:O}", "text",
		                              e->text, "imported", e->imported,
		                              "meeting", meeting));
		break;
	case GV_ISSUE_MEETING:
		json_object_set(o, "meeting", meeting);
		break;
	case GV_ISSUE_BALLOT:
		json_object_set_new(
		        o, "ballot",
		        json_pack("{s:s, s:s, s:s, s:b}", "number", e->ballot,
		                  "title", e->ballot_title, "state",
		                  e->ballot_state, "resolves", e->resolves));
		break;
	case GV_ISSUE_DRAFT:
		json_object_set_new(o, "draft",
		                    json_pack("{s:s, s:s?, s:s, s:s}", "link",
		                              e->url, "repo", e->repo, "base",
		                              e->base, "head", e->head));
		break;
	default: /* opened, closed, reopened */
		json_object_set_new(o, kinds[e->kind], json_true());
		break;
	}
	json_decref(meeting);
	return o;
}

int
gv__view_issue(json_t **out, struct gv_db *db, const char *ref)
{
	struct gv_issue_story s;
	json_t *timeline, *issue;
	size_t i;
	int error;

	*out = NULL;
	if ((error = gv_issue_story(&s, db, NULL, ref)) < 0)
		return error;
	timeline = json_array();
	for (i = 0; i < s.n; i++)
		json_array_append_new(timeline, entry_json(&s.v[i]));
	issue = issue_json(&s.issue);
	json_object_set_new(issue, "text",
	                    s.issue.body_md ? json_string(s.issue.body_md)
	                                    : json_null());
	*out = json_pack("{s:{s:s}, s:o, s:o}", "body", "code", s.issue.body,
	                 "issue", issue, "timeline", timeline);
	gv_issue_story_dispose(&s);
	return *out ? 0 : GV_ERROR;
}

int
gv_view_issue_json(char **out, struct gv_db *db, const char *ref)
{
	json_t *doc;
	int error;

	*out = NULL;
	if ((error = gv__view_issue(&doc, db, ref)) < 0)
		return error;
	return gv__view_dump(out, doc, JSON_ENSURE_ASCII);
}
