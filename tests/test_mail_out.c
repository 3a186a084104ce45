/* SPDX-License-Identifier: MIT */
/*
 * This file tests notices, agendas and minutes as messages (issue 18,
 * item 1): each parses back with GMime, its text part is exactly the
 * Markdown `--format md` prints and its HTML part `--format html`, the
 * Message-IDs stay the same and the notices of a ballot thread under its
 * proposal, and no stored text, however hostile, becomes a header.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"
#include "mail.h"
#include "mail_fixture.h"

#define NOW "2025-03-20 12:00"

/* The headers of a notice that answers others, in GMime's order (the
 * Content-Type is its body's). */
#define HEADERS_THREADED                                                       \
	"Date\nFrom\nSubject\nTo\nMessage-Id\nIn-Reply-To\nReferences\n"       \
	"MIME-Version\n"

static const char *const kinds[] = {"proposal", "voting", "results", "review",
                                    "adopted"};

/* Each KIND as a message: the headers, and the two parts equal to what
 * --format md and --format html print. */
static void
every_notice_parses_back(void)
{
	static const char *const subjects[] = {
	        "Discussion Period Begins - Ballot SMC011: EUID in "
	        "OrganizationIdentifier",
	        "Voting Period Begins - Ballot SMC011: EUID in "
	        "OrganizationIdentifier",
	        "Results on Ballot SMC011: EUID in OrganizationIdentifier",
	        "IPR Review Period Begins - Ballot SMC011: EUID in "
	        "OrganizationIdentifier",
	        "IPR Review Outcome - Ballot SMC011: EUID in "
	        "OrganizationIdentifier",
	};
	const struct mail_msg *m;
	char id[200];
	size_t i;

	T_ASSERT(mail_ballot());
	for (i = 0; i < 5; i++) {
		struct t_run *eml = MAIL_RUN(NOW, "ballot", "notice", "SMC011",
		                             kinds[i], "--format", "eml");
		struct t_run *md =
		        MAIL_RUN(NOW, "ballot", "notice", "SMC011", kinds[i]);
		struct t_run *html = MAIL_RUN(NOW, "ballot", "notice", "SMC011",
		                              kinds[i], "--format", "html");

		T_EQ_INT(eml->status, 0);
		T_ASSERT((m = mail_parse(eml->out)) != NULL);
		T_EQ_STR(m->from, MAIL_USER " <" MAIL_FROM ">");
		T_EQ_STR(m->to, MAIL_LIST);
		T_EQ_STR(m->subject, subjects[i]);
		T_EQ_STR(m->date, "Thu, 20 Mar 2025 12:00:00 +0000");
		snprintf(id, sizeof(id),
		         "gavel.SMCWG.SMC011.v1.%s@groups.cabforum.org",
		         kinds[i]);
		T_EQ_STR(m->message_id, id);
		T_EQ_STR(m->type, "multipart/alternative");
		T_EQ_STR(m->plain_type, "text/plain; charset=utf-8");
		T_EQ_STR(m->html_type, "text/html; charset=utf-8");
		T_EQ_STR(m->plain, md->out);
		T_EQ_STR(m->html, html->out);
		/* The proposal is the thread's root; the others answer it. */
		T_EQ_STR(m->headers, i ? HEADERS_THREADED
		                       : "Date\nFrom\nSubject\nTo\nMessage-Id\n"
		                         "MIME-Version\n");
	}
}

/* Built again on another day, a notice keeps its Message-ID (and its
 * thread); only its Date moves. */
static void
ids_stay_the_same(void)
{
	const struct mail_msg *a, *b;

	T_ASSERT(mail_ballot());
	a = mail_parse(MAIL_RUN(NOW, "ballot", "notice", "SMC011", "results",
	                        "--format", "eml")
	                       ->out);
	b = mail_parse(MAIL_RUN("2025-03-21 08:30", "ballot", "notice",
	                        "SMC011", "results", "--format", "eml")
	                       ->out);
	T_ASSERT(a && b);
	T_EQ_STR(a->message_id, b->message_id);
	T_EQ_STR(a->references, b->references);
	T_EQ_STR(b->date, "Fri, 21 Mar 2025 08:30:00 +0000");
}

/* Unsent, the results answer the proposal; sent, each notice answers the
 * last one sent before it, the proposal first in References. */
static void
notices_thread_under_the_proposal(void)
{
	const char *sendmail = mail_standin("sendmail", 0);
	const struct mail_msg *m;
	const char *proposal = "gavel.SMCWG.SMC011.v1.proposal@groups."
	                       "cabforum.org",
	           *voting = "gavel.SMCWG.SMC011.v1.voting@groups.cabforum."
	                     "org";
	char both[200];

	T_ASSERT(mail_ballot());
	m = mail_parse(MAIL_RUN(NOW, "ballot", "notice", "SMC011", "results",
	                        "--format", "eml")
	                       ->out);
	T_ASSERT(m != NULL);
	T_EQ_STR(m->references, proposal);
	T_EQ_STR(m->in_reply_to, proposal);
	T_EQ_INT(t_gavel(mail_env("2025-01-22 12:00", sendmail), "ballot",
	                 "notice", "SMC011", "proposal", "--send", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(mail_env("2025-01-29 12:00", sendmail), "ballot",
	                 "notice", "SMC011", "voting", "--send", NULL)
	                 ->status,
	         0);
	m = mail_parse(MAIL_RUN(NOW, "ballot", "notice", "SMC011", "results",
	                        "--format", "eml")
	                       ->out);
	T_ASSERT(m != NULL);
	snprintf(both, sizeof(both), "%s %s", proposal, voting);
	T_EQ_STR(m->references, both);
	T_EQ_STR(m->in_reply_to, voting);
	/* The voting notice, built again, answers the proposal alone. */
	m = mail_parse(MAIL_RUN(NOW, "ballot", "notice", "SMC011", "voting",
	                        "--format", "eml")
	                       ->out);
	T_ASSERT(m != NULL);
	T_EQ_STR(m->references, proposal);
	/* As of a day before the voting notice went out, it was not sent. */
	m = mail_parse(MAIL_RUN("2025-01-25 00:00", "ballot", "notice",
	                        "SMC011", "results", "--format", "eml")
	                       ->out);
	T_ASSERT(m != NULL);
	T_EQ_STR(m->references, proposal);
}

/* The minutes and the agenda of a meeting: the minutes answer the
 * agenda; the text parts are the documents. */
static void
minutes_and_agenda_parse_back(void)
{
	const struct mail_msg *m;
	struct t_run *r;

	T_ASSERT(mail_ballot());
	r = MAIL_RUN(NOW, "agenda", "2", "--format", "eml");
	T_EQ_INT(r->status, 0);
	T_ASSERT((m = mail_parse(r->out)) != NULL);
	T_EQ_STR(m->subject,
	         "Agenda - SMCWG teleconference of December 18, 2024");
	T_EQ_STR(m->message_id,
	         "gavel.SMCWG.20241218T1600Z.agenda@groups.cabforum.org");
	T_EQ_STR(m->plain, MAIL_RUN(NOW, "agenda", "2")->out);
	T_EQ_STR(m->html,
	         MAIL_RUN(NOW, "agenda", "2", "--format", "html")->out);
	/* A draft until approved or three weeks old (BYL 5.1(1)). */
	r = MAIL_RUN("2024-12-20 00:00", "minutes", "2", "--format", "eml");
	T_EQ_INT(r->status, 0);
	T_ASSERT((m = mail_parse(r->out)) != NULL);
	T_EQ_STR(m->subject,
	         "Draft Minutes - SMCWG teleconference of December 18, 2024");
	T_EQ_STR(m->message_id, "gavel.SMCWG.20241218T1600Z.minutes-draft@"
	                        "groups.cabforum.org");
	T_EQ_STR(m->in_reply_to,
	         "gavel.SMCWG.20241218T1600Z.agenda@groups.cabforum.org");
	T_EQ_STR(m->plain, MAIL_RUN("2024-12-20 00:00", "minutes", "2")->out);
	r = MAIL_RUN(NOW, "minutes", "2", "--format", "eml");
	T_ASSERT((m = mail_parse(r->out)) != NULL);
	T_EQ_STR(m->subject,
	         "Minutes - SMCWG teleconference of December 18, 2024");
	/* A meeting without a roll call has no minutes to send. */
	r = MAIL_RUN(NOW, "meeting", "add", "SMCWG", "2025-03-19 11:00");
	T_EQ_INT(r->status, 0);
	r->out[strcspn(r->out, "\n")] = '\0';
	r = MAIL_RUN(NOW, "minutes", r->out, "--format", "eml");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel meeting attend");
}

/* Opens the test's database for SQL the commands refuse on purpose (a
 * title no command lets in, as another program might write it). */
static void
sql(const char *text)
{
	struct gv_db *db = NULL;

	if (gv_db_open(&db, t_path("g.db"), NULL) == 0) {
		if (sqlite3_exec(db->sql, text, NULL, NULL, NULL) != SQLITE_OK)
			t_fail(__FILE__, __LINE__, "%s",
			       sqlite3_errmsg(db->sql));
		gv_db_free(db);
	}
	t_rebuild_skip();
}

/* A title of 150 words in two scripts, 3,700 bytes (kept). */
static const char *
long_title(void)
{
	char *title = t_keep(calloc(1, 4000));
	size_t i;

	for (i = 0; i < 150; i++)
		strcat(title, i ? " Überlänge 電子署名" : "Überlänge 電子署名");
	return title;
}

/* A title with CR/LF, non-ASCII, very long: GMime encodes it, it starts
 * no header, and it reads back as the one line it was made. */
static void
hostile_titles_never_make_headers(void)
{
	char *want, *q, *end;
	const struct mail_msg *m;
	const char *line, *title;
	struct t_run *r;

	T_ASSERT(mail_ballot());
	sql("UPDATE ballot SET title = 'EUID' || char(13, 10) || "
	    "'Bcc: victim@example.org' || char(10) || char(10) || 'body' "
	    "WHERE number = 11");
	r = MAIL_RUN(NOW, "ballot", "notice", "SMC011", "results", "--format",
	             "eml");
	T_EQ_INT(r->status, 0);
	/* The header block ends at the first empty line. */
	T_ASSERT((end = strstr(r->out, "\n\n")) != NULL);
	*end = '\0';
	T_ASSERT(!strstr(r->out, "\nBcc:") && !strstr(r->out, "\nbody"));
	*end = '\n';
	T_ASSERT((m = mail_parse(r->out)) != NULL);
	T_EQ_STR(m->headers, HEADERS_THREADED);
	T_EQ_STR(m->subject, "Results on Ballot SMC011: EUID  Bcc: "
	                     "victim@example.org  body");
	/* Non-ASCII and very long: encoded words, folded, never split. */
	title = long_title();
	want = t_keep(malloc(strlen(title) + 40));
	sprintf(want, "Results on Ballot SMC011: %s", title);
	q = t_keep(malloc(strlen(title) + 100));
	sprintf(q, "UPDATE ballot SET title = '%s' WHERE number = 11", title);
	sql(q);
	r = MAIL_RUN(NOW, "ballot", "notice", "SMC011", "results", "--format",
	             "eml");
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "\nSubject: Results on Ballot SMC011:\n =?UTF-8?B?");
	/* RFC 5322 2.1.1: no header line over 998 characters. */
	for (line = r->out; *line != '\n'; line += strcspn(line, "\n") + 1)
		T_ASSERT(strcspn(line, "\n") <= 998);
	T_ASSERT((m = mail_parse(r->out)) != NULL);
	T_EQ_STR(m->headers, HEADERS_THREADED);
	/* GMime 3.2's reader joins adjacent base64 words before decoding
	 * them and stops at the first one padded with '=', so it reads the
	 * start alone; each word is whole (RFC 2047 5), as Python reads it
	 * (python_reads_it_too). */
	T_ASSERT(!strncmp(m->subject, want, 60));
}

/* A sender's name, a subject and a header with CR/LF, handed to the
 * writer: each line break a space. */
static void
hostile_names_never_make_headers(void)
{
	struct gv__mail_out in = {0};
	const struct mail_msg *m;
	char *out = NULL, *end;
	size_t len;

	in.from_name = "Eve\r\nBcc: victim@example.org";
	in.from_addr = "eve@example.org";
	in.to_addr = "list@example.org";
	in.subject = "Voting\rCc: x@example.org";
	in.message_id = "x@example.org";
	in.extra = (const char *const[]){"Auto-Submitted",
	                                 "no\nBcc: y@example.org", NULL};
	in.text = "t\n";
	in.text_len = 2;
	T_EQ_INT(gv__mail_write(&out, &len, &in), 0);
	t_keep(out);
	/* Not even encoded: a header's text is one line. */
	T_ASSERT((end = strstr(out, "\n\n")) != NULL);
	*end = '\0';
	T_ASSERT(!strstr(out, "=0D") && !strstr(out, "=0A"));
	*end = '\n';
	T_ASSERT((m = mail_parse(out)) != NULL);
	T_EQ_STR(m->headers, "Date\nFrom\nSubject\nTo\nMessage-Id\n"
	                     "Auto-Submitted\nMIME-Version\n");
	T_EQ_STR(m->from, "\"Eve  Bcc: victim@example.org\" "
	                  "<eve@example.org>");
	T_EQ_STR(m->subject, "Voting Cc: x@example.org");
	T_EQ_STR(m->type, "text/plain");
	T_EQ_STR(m->plain, "t\n");
}

/* The list address comes from the body, unchecked as it is stored:
 * one that is no address (or carries a header) is refused, saying how
 * to set it. */
static void
from_and_to_say_how_to_set_them(void)
{
	struct t_run *r;

	T_ASSERT(mail_ballot());
	T_EQ_INT(MAIL_RUN(NOW, "body", "set", "SMCWG", "--list",
	                  "list@example.org\nBcc: victim@example.org")
	                 ->status,
	         0);
	r = MAIL_RUN(NOW, "ballot", "notice", "SMC011", "voting", "--format",
	             "eml");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "is not an e-mail address: set it with 'gavel "
	                   "body set SMCWG --list ADDRESS'");
	T_EQ_STR(r->out, "");
	/* Refused with --to too: the Message-ID takes the list's domain. */
	r = MAIL_RUN(NOW, "ballot", "notice", "SMC011", "voting", "--to",
	             "me@example.net");
	T_EQ_INT(r->status, 1);
	T_EQ_INT(t_gavel(t_env(NOW, "Ben Wilson"), "ballot", "notice", "SMC011",
	                 "voting", "--format", "eml", NULL)
	                 ->status,
	         1);
	T_CONTAINS(t_gavel(t_env(NOW, "Ben Wilson"), "ballot", "notice",
	                   "SMC011", "voting", "--format", "eml", NULL)
	                   ->err,
	           "Ben Wilson has no e-mail address for the From line: set "
	           "it with 'gavel person set \"Ben Wilson\" --email "
	           "ADDRESS'");
	T_CONTAINS(t_gavel(t_env(NOW, "nobody-here"), "agenda", "2", "--format",
	                   "eml", NULL)
	                   ->err,
	           "you are \"nobody-here\" to gavel, not a person of the "
	           "roster, so the message has no From: choose who you are "
	           "with 'gavel config user NAME'");
	r = MAIL_RUN(NOW, "ballot", "notice", "SMC011", "voting", "--format",
	             "md", "--send");
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "use --format eml");
	r = MAIL_RUN(NOW, "ballot", "notice", "SMC011", "ballot", "--format",
	             "eml");
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "unknown notice 'ballot': use proposal, voting, "
	                   "results, review or adopted");
}

/* The list unset: the To line says so. */
static void
no_list_says_how_to_set_it(void)
{
	const struct mail_msg *m;
	struct t_run *r;

	T_ASSERT(mail_ballot());
	sql("UPDATE body SET list_addr = NULL");
	r = MAIL_RUN(NOW, "agenda", "2", "--format", "eml");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "SMCWG has no list address for the To line: set "
	                   "it with 'gavel body set SMCWG --list ADDRESS', "
	                   "or give --to ADDRESS");
	r = MAIL_RUN(NOW, "agenda", "2", "--to", "members@example.org");
	T_EQ_INT(r->status, 0);
	T_ASSERT((m = mail_parse(r->out)) != NULL);
	T_EQ_STR(m->to, "members@example.org");
	T_EQ_STR(m->message_id,
	         "gavel.SMCWG.20241218T1600Z.agenda@example.org");
}

/* The writer itself checks what it is given. */
static void
writer_refuses_what_is_no_address(void)
{
	const char *refs[] = {"a@b", "c d@e"};
	struct gv__mail_out m = {0};
	char *out = NULL;
	size_t len;

	m.from_addr = "a@example.org";
	m.to_addr = "list@example.org";
	m.subject = "s";
	m.message_id = "x@example.org";
	m.text = "t\n";
	m.text_len = 2;
	T_EQ_INT(gv__mail_write(&out, &len, &m), 0);
	free(out);
	m.references = refs;
	m.nreferences = 2;
	T_EQ_INT(gv__mail_write(&out, &len, &m), GV_EINVALID);
	T_ASSERT(out == NULL);
	m.nreferences = 1;
	m.to_addr = "list@example.org, other@example.org";
	T_EQ_INT(gv__mail_write(&out, &len, &m), GV_EINVALID);
	m.to_addr = "list@example.org";
	m.message_id = "<x@example.org>";
	T_EQ_INT(gv__mail_write(&out, &len, &m), GV_EINVALID);
	T_ASSERT(!gv__mail_addr_ok("a@b.org\r\nBcc: c@d.org"));
	T_ASSERT(!gv__mail_addr_ok("@b.org") && !gv__mail_addr_ok("a@"));
	T_ASSERT(gv__mail_addr_ok("smcwg-public@groups.cabforum.org"));
}

/* Python's email package, a second reader, sees the same message: two
 * parts, the subject as one header, no Bcc. */
static void
python_reads_it_too(void)
{
	const char *file, *script;
	char cmd[9000];
	char *out, *q;
	struct t_run *r;

	T_ASSERT(mail_ballot());
	sql("UPDATE ballot SET title = 'Über' || char(13, 10) || "
	    "'Bcc: victim@example.org' WHERE number = 11");
	r = MAIL_RUN(NOW, "ballot", "notice", "SMC011", "results", "--format",
	             "eml");
	T_EQ_INT(r->status, 0);
	T_ASSERT((file = t_write_file("n.eml", r->out)) != NULL);
	script = t_write_file(
	        "read.py",
	        "import sys, email\n"
	        "from email import policy\n"
	        "m = email.message_from_binary_file(open(sys.argv[1], 'rb'),\n"
	        "                                   policy=policy.default)\n"
	        "assert m.defects == [], m.defects\n"
	        "print('|'.join(m.keys()))\n"
	        "print(m['Subject'])\n"
	        "print(m['In-Reply-To'])\n"
	        "plain = m.get_body(('plain',))\n"
	        "html = m.get_body(('html',))\n"
	        "print(plain.get_content_charset(), html.get_content_type())\n"
	        "sys.stdout.write(plain.get_content())\n");
	T_ASSERT(script != NULL);
	snprintf(cmd, sizeof(cmd), "python3 '%s' '%s'", script, file);
	T_ASSERT((out = t_shell_output(cmd)) != NULL);
	T_CONTAINS(out, "Date|From|Subject|To|Message-Id|In-Reply-To|"
	                "References|MIME-Version|Content-Type\n"
	                "Results on Ballot SMC011: Über  Bcc: "
	                "victim@example.org\n"
	                "<gavel.SMCWG.SMC011.v1.proposal@groups.cabforum.org>\n"
	                "utf-8 text/html\n");
	T_CONTAINS(out,
	           MAIL_RUN(NOW, "ballot", "notice", "SMC011", "results")->out);
	/* A very long one reads back whole. */
	q = t_keep(malloc(strlen(long_title()) + 100));
	sprintf(q, "UPDATE ballot SET title = '%s' WHERE number = 11",
	        long_title());
	sql(q);
	r = MAIL_RUN(NOW, "ballot", "notice", "SMC011", "results", "--format",
	             "eml");
	T_ASSERT(t_write_file("n.eml", r->out) != NULL);
	T_ASSERT((out = t_shell_output(cmd)) != NULL);
	q = t_keep(malloc(strlen(long_title()) + 100));
	sprintf(q, "\nResults on Ballot SMC011: %s\n", long_title());
	T_CONTAINS(out, q);
}

/* `person set --email`: the From line's address, changed or cleared. */
static void
person_set_email(void)
{
	struct t_run *r;

	T_ASSERT(mail_ballot());
	T_CONTAINS(MAIL_RUN(NOW, "person", "show", MAIL_USER)->out, MAIL_FROM);
	r = MAIL_RUN(NOW, "person", "set", MAIL_USER, "--email", "not mail");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "\"not mail\" is not an e-mail address");
	r = MAIL_RUN(NOW, "person", "set", "Nobody Known", "--email",
	             "a@example.org");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no person \"Nobody Known\"");
	T_EQ_INT(MAIL_RUN(NOW, "person", "set", MAIL_USER)->status, 2);
	T_EQ_INT(MAIL_RUN(NOW, "person", "set", MAIL_USER " (DigiCert)",
	                  "--email", "")
	                 ->status,
	         0);
	r = MAIL_RUN(NOW, "agenda", "2", "--format", "eml");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "has no e-mail address");
	r = MAIL_RUN(NOW, "person", "set", MAIL_USER " (Sectigo)", "--email",
	             "a@example.org");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no person");
}

const struct t_case mail_out_tests[] = {
        {"every_notice_parses_back", every_notice_parses_back},
        {"ids_stay_the_same", ids_stay_the_same},
        {"notices_thread_under_the_proposal",
         notices_thread_under_the_proposal},
        {"minutes_and_agenda_parse_back", minutes_and_agenda_parse_back},
        {"hostile_titles_never_make_headers",
         hostile_titles_never_make_headers},
        {"hostile_names_never_make_headers", hostile_names_never_make_headers},
        {"from_and_to_say_how_to_set_them", from_and_to_say_how_to_set_them},
        {"no_list_says_how_to_set_it", no_list_says_how_to_set_it},
        {"writer_refuses_what_is_no_address",
         writer_refuses_what_is_no_address},
        {"python_reads_it_too", python_reads_it_too},
        {"person_set_email", person_set_email},
        {NULL, NULL},
};
