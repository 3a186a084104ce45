/* SPDX-License-Identifier: MIT */
/*
 * This file implements building gavel's messages (include/gavel/mail.h):
 * who sends (the acting user, a person of the roster) and to whom (the
 * body's list), the document rendered twice from its template (the
 * Markdown as text/plain, exactly `--format md`; its HTML beside it), and
 * the headers core/message_ids.c gives; core/mail_write.c (GMime) writes
 * the message.
 */
#include <stdlib.h>
#include <string.h>

#include "gavel/ballot.h"
#include "gavel/db.h"
#include "gavel/meeting.h"
#include "gavel/render.h"
#include "gavel/roster.h"
#include "gavel/sync.h"
#include "internal.h"
#include "mail.h"
#include "message.h"
#include "view.h"

/* What a message is made of, before it is written. */
struct parts {
	char *from_name, *from_addr, *to, *domain;
	char *subject, *id;
	struct gv__thread thread;
	char *md, *html;
	size_t md_len, html_len;
	const char *const *extra;
	int version; /* a notice's */
};

static void
parts_dispose(struct parts *p)
{
	free(p->from_name);
	free(p->from_addr);
	free(p->to);
	free(p->domain);
	free(p->subject);
	free(p->id);
	gv__thread_dispose(&p->thread);
	free(p->md);
	free(p->html);
}

/* From: the acting user, a person of the roster with an address. */
static int
message_sender(struct parts *p, struct gv_db *db)
{
	const char *actor = gv_db_actor(db);
	struct gv_person_filter filter = {0};
	struct gv_person_list *people = NULL;
	int error;

	filter.name = actor;
	if ((error = gv_person_list(&people, db, &filter)) < 0)
		return error;
	if (people->n > 1)
		error = gv__error_set(GV_ERRCLASS_MAIL, GV_EINVALID,
		                      "%zu people are named \"%s\", so the "
		                      "message has no From: tell them apart in "
		                      "the roster",
		                      people->n, actor);
	else if (!people->n)
		error = gv__error_set(
		        GV_ERRCLASS_MAIL, GV_EINVALID,
		        "you are \"%s\" to gavel, not a person of "
		        "the roster, so the message has no From: "
		        "choose who you are with 'gavel config "
		        "user NAME'",
		        actor);
	else if (!people->v[0].email)
		error = gv__error_set(GV_ERRCLASS_MAIL, GV_EINVALID,
		                      "%s has no e-mail address for the From "
		                      "line: set it with 'gavel person set "
		                      "\"%s\" --email ADDRESS'",
		                      people->v[0].name, people->v[0].name);
	else if (!gv__mail_addr_ok(people->v[0].email))
		error = gv__error_set(
		        GV_ERRCLASS_MAIL, GV_EINVALID,
		        "the e-mail address of %s, \"%s\", cannot "
		        "be sent from: set it with 'gavel person "
		        "set \"%s\" --email ADDRESS'",
		        people->v[0].name, people->v[0].email,
		        people->v[0].name);
	if (error == 0) {
		p->from_name = gv__xstrdup(people->v[0].name);
		p->from_addr = gv__xstrdup(people->v[0].email);
	}
	gv_person_list_free(people);
	return error;
}

/* To: the address given, else the body's list; the Message-IDs take the
 * list's domain, so they do not change with the recipient. */
static int
message_list(struct parts *p, const struct gv_body *body, const char *to)
{
	const char *list = body->list_addr;

	if (to && !gv__mail_addr_ok(to))
		return gv__error_set(GV_ERRCLASS_MAIL, GV_EINVALID,
		                     "\"%s\" is not an e-mail address: write "
		                     "it as name@example.org",
		                     to);
	if (list && !gv__mail_addr_ok(list))
		return gv__error_set(
		        GV_ERRCLASS_MAIL, GV_EINVALID,
		        "the list address of %s, \"%s\", is not an "
		        "e-mail address: set it with 'gavel body "
		        "set %s --list ADDRESS'",
		        body->code, list, body->code);
	if (!to && !list)
		return gv__error_set(GV_ERRCLASS_MAIL, GV_EINVALID,
		                     "%s has no list address for the To line: "
		                     "set it with 'gavel body set %s --list "
		                     "ADDRESS', or give --to ADDRESS",
		                     body->code, body->code);
	p->to = gv__xstrdup(to ? to : list);
	p->domain = gv__message_domain(list ? list : to);
	return 0;
}

/* The document as Markdown (exactly what `--format md` prints) and as
 * HTML (what `--format html` prints). */
static int
message_render(struct parts *p, struct gv_db *db, struct gv_render_spec *spec)
{
	int error;

	spec->format = GV_RENDER_MD;
	if ((error = gv_render(&p->md, &p->md_len, db, spec)) < 0)
		return error;
	spec->format = GV_RENDER_HTML;
	return gv_render(&p->html, &p->html_len, db, spec);
}

static int
message_notice(struct parts *p, struct gv_db *db,
               const struct gv_mail_spec *spec)
{
	struct gv_render_spec render = {0};
	struct gv_notice_sent_list *sent = NULL;
	struct gv_ballot *b = NULL;
	struct gv_body body = {0};
	char *root = NULL;
	int error, version, first, round;

	if ((error = gv_ballot_get(&b, db, spec->ballot)) < 0 ||
	    (error = gv_body_get(&body, db, b->body)) < 0 ||
	    (error = message_list(p, &body, spec->to)) < 0 ||
	    (error = gv_notice_sent_list(&sent, db, b->number)) < 0)
		goto out;
	/* The notice is of the latest version; the thread starts at the
	 * proposal of the first. */
	version = p->version =
	        b->nversions ? b->versions[b->nversions - 1].n : 0;
	first = b->nversions ? b->versions[0].n : 0;
	round = gv__notice_round(sent, spec->notice, version, spec->again);
	p->id = gv__message_id_notice(body.code, b->number, spec->notice,
	                              version, round, p->domain);
	root = gv__message_id_notice(body.code, b->number, GV_NOTICE_PROPOSAL,
	                             first, 1, p->domain);
	gv__thread_notice(&p->thread, sent, p->id, root);
	p->subject =
	        gv__subject_notice(spec->notice, b->number, version, b->title);
	render.template = gv_notice_template(spec->notice);
	render.ballot = b->number;
	render.templates_dir = spec->templates_dir;
	error = message_render(p, db, &render);
out:
	free(root);
	gv_notice_sent_list_free(sent);
	gv_body_dispose(&body);
	gv_ballot_free(b);
	return error;
}

/* An agenda, or minutes (a draft until approved or final: BYL 5.1(1));
 * minutes answer the meeting's agenda. */
static int
message_meeting(struct parts *p, struct gv_db *db,
                const struct gv_mail_spec *spec)
{
	struct gv_render_spec render = {0};
	struct gv_meeting_detail *d = NULL;
	struct gv_body body = {0};
	const struct gv_meeting *m;
	int minutes = spec->kind == GV_MAIL_MINUTES, draft;
	json_t *when = NULL;
	char *agenda = NULL;
	int error;

	if ((minutes && (error = gv_minutes_ready(db, spec->meeting)) < 0) ||
	    (error = gv_meeting_get(&d, db, spec->meeting)) < 0 ||
	    (error = gv_body_get(&body, db, d->meeting.body)) < 0 ||
	    (error = message_list(p, &body, spec->to)) < 0)
		goto out;
	m = &d->meeting;
	draft = minutes && m->minutes == GV_MINUTES_DRAFT;
	when = gv__view_when(m->starts_at, m->tz);
	p->subject = gv__subject_meeting(
	        !minutes ? "Agenda"
	        : draft  ? "Draft Minutes"
	                 : "Minutes",
	        body.code, m->subcommittee,
	        m->kind == GV_MEETING_F2F ? "face-to-face meeting"
	                                  : "teleconference",
	        json_string_value(json_object_get(when, "long_date")));
	p->id = gv__message_id_meeting(body.code, m->subcommittee, m->starts_at,
	                               !minutes ? "agenda"
	                               : draft  ? "minutes-draft"
	                                        : "minutes",
	                               p->domain);
	if (minutes) {
		agenda = gv__message_id_meeting(body.code, m->subcommittee,
		                                m->starts_at, "agenda",
		                                p->domain);
		gv__thread_add(&p->thread, agenda);
	}
	render.template = minutes ? "minutes.md" : "agenda.md";
	render.meeting = spec->meeting;
	render.templates_dir = spec->templates_dir;
	error = message_render(p, db, &render);
out:
	json_decref(when);
	free(agenda);
	gv_body_dispose(&body);
	gv_meeting_detail_free(d);
	return error;
}

/* The digest of what is due, to the sender unless --to names another;
 * marked as generated (RFC 3834), since cron sends most of them. */
static int
message_remind(struct parts *p, struct gv_db *db,
               const struct gv_mail_spec *spec)
{
	static const char *const extra[] = {"Auto-Submitted", "auto-generated",
	                                    NULL};
	struct gv_render_spec render = {0};
	json_t *doc = NULL;
	int error;

	if (spec->to && !gv__mail_addr_ok(spec->to))
		return gv__error_set(GV_ERRCLASS_MAIL, GV_EINVALID,
		                     "\"%s\" is not an e-mail address: write "
		                     "it as name@example.org",
		                     spec->to);
	if ((error = gv__view_remind(&doc, db, spec->body, spec->within_days)) <
	    0)
		return error;
	p->to = gv__xstrdup(spec->to ? spec->to : p->from_addr);
	p->domain = gv__message_domain(p->to);
	p->id = gv__message_id_remind(
	        json_string_value(
	                json_object_get(json_object_get(doc, "body"), "code")),
	        gv_db_now(db), p->domain);
	p->subject = gv__xsprintf(
	        "What is due%s%s - %s", spec->body ? " in " : "",
	        spec->body ? json_string_value(json_object_get(
	                             json_object_get(doc, "body"), "code"))
	                   : "",
	        json_string_value(json_object_get(doc, "summary")));
	json_decref(doc);
	p->extra = extra;
	render.template = "remind.md";
	render.remind = 1;
	render.body = spec->body;
	render.within_days = spec->within_days;
	render.templates_dir = spec->templates_dir;
	return message_render(p, db, &render);
}

int
gv_mail_render(struct gv_mail *out, struct gv_db *db,
               const struct gv_mail_spec *spec)
{
	struct parts p = {0};
	struct gv__mail_out m = {0};
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = message_sender(&p, db)) < 0)
		goto out;
	switch (spec->kind) {
	case GV_MAIL_NOTICE:
		error = message_notice(&p, db, spec);
		break;
	case GV_MAIL_AGENDA:
	case GV_MAIL_MINUTES:
		error = message_meeting(&p, db, spec);
		break;
	case GV_MAIL_REMIND:
		error = message_remind(&p, db, spec);
		break;
	}
	if (error < 0)
		goto out;
	m.from_name = p.from_name;
	m.from_addr = p.from_addr;
	m.to_addr = p.to;
	m.subject = p.subject;
	m.date = gv_db_now(db);
	m.message_id = p.id;
	m.references = (const char *const *)p.thread.ids;
	m.nreferences = p.thread.n;
	m.in_reply_to = p.thread.n ? p.thread.ids[p.thread.n - 1] : NULL;
	m.extra = p.extra;
	m.text = p.md;
	m.text_len = p.md_len;
	m.html = p.html;
	m.html_len = p.html_len;
	if ((error = gv__mail_write(&out->text, &out->len, &m)) < 0)
		goto out;
	out->message_id = p.id;
	out->to = p.to;
	out->version = p.version;
	p.id = p.to = NULL;
out:
	parts_dispose(&p);
	return error;
}

void
gv_mail_dispose(struct gv_mail *mail)
{
	if (!mail)
		return;
	free(mail->text);
	free(mail->message_id);
	free(mail->to);
	memset(mail, 0, sizeof(*mail));
}
