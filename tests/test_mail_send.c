/* SPDX-License-Identifier: MIT */
/*
 * This file tests sending messages (issue 18, item 1): `--send` pipes the
 * message to $GAVEL_SENDMAIL (a stand-in here, that keeps what it reads)
 * and records a notice's Message-ID on its ballot as an operation; a
 * command that fails records nothing; a notice sent once goes again only
 * as a new message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"
#include "mail_fixture.h"
#include "sync_fixture.h"

#define SENT_AT "2025-02-06 09:30"

/* "'PATH' -t -i": a command line, as GAVEL_SENDMAIL is one (kept). */
static const char *
command(const char *script)
{
	char *cmd = t_keep(malloc(strlen(script) + 16));

	sprintf(cmd, "'%s' -t -i", script);
	return cmd;
}

/* The notices of SMC011 recorded as sent, and the operations that
 * recorded them; -1 when the database cannot be read. */
static int
sent(struct gv_notice_sent_list **list, int *ops)
{
	struct gv_db *db = NULL;
	int error;

	if (gv_db_open(&db, t_path("g.db"), NULL) < 0)
		return -1;
	gv_db_set_now(db, t_at("2025-12-31 00:00"));
	error = gv_notice_sent_list(list, db, "SMC011");
	*ops = (int)t_sql_int(db, "SELECT count(*) FROM op WHERE kind = "
	                          "'ballot.notice-sent'");
	gv_db_free(db);
	return error;
}

static void
send_pipes_and_records(void)
{
	const char *sm = command(mail_standin("sm", 0));
	struct gv_notice_sent_list *list = NULL;
	struct t_run *r, *eml;
	int ops = 0;

	T_ASSERT(mail_ballot());
	eml = MAIL_RUN(SENT_AT, "ballot", "notice", "SMC011", "results",
	               "--format", "eml");
	r = t_gavel(mail_env(SENT_AT, sm), "ballot", "notice", "SMC011",
	            "results", "--send", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out,
	         "<gavel.SMCWG.SMC011.v1.results@groups.cabforum.org>\n");
	/* What sendmail read is the message --format eml writes. */
	T_EQ_STR(t_read_file(t_path("sm.eml"), NULL), eml->out);
	T_EQ_STR(t_read_file(t_path("sm.args"), NULL), "-t -i\n");
	T_EQ_INT(sent(&list, &ops), 0);
	T_EQ_INT(ops, 1);
	T_EQ_INT(list->n, 1);
	T_EQ_INT(list->v[0].kind, GV_NOTICE_RESULTS);
	T_EQ_INT(list->v[0].version, 1);
	T_EQ_INT(list->v[0].sent_at, t_at(SENT_AT));
	T_EQ_STR(list->v[0].sent_by, MAIL_USER);
	T_EQ_STR(list->v[0].message_id,
	         "gavel.SMCWG.SMC011.v1.results@groups.cabforum.org");
	gv_notice_sent_list_free(list);
	T_CONTAINS(MAIL_RUN(SENT_AT, "ballot", "show", "SMC011")->out,
	           "\nNotices sent:\n  2025-02-06 09:30 UTC   results  "
	           "version 1  <gavel.SMCWG.SMC011.v1.results@groups."
	           "cabforum.org>  by Stephen Davidson\nClocks:\n");
	/* As of before it was sent, it was not. */
	T_ASSERT(!strstr(
	        MAIL_RUN("2025-02-06 09:00", "ballot", "show", "SMC011")->out,
	        "Notices sent"));
}

/* A command that exits non-zero (or does not exist): the error says so,
 * and nothing is recorded. */
static void
failing_sendmail_records_nothing(void)
{
	const char *sm = command(mail_standin("sm", 1));
	struct gv_notice_sent_list *list = NULL;
	struct t_run *r;
	int ops = 0;

	T_ASSERT(mail_ballot());
	r = t_gavel(mail_env(SENT_AT, sm), "ballot", "notice", "SMC011",
	            "results", "--send", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->out, "");
	T_CONTAINS(r->err, "exited with status 1: relay refused; nothing was "
	                   "recorded: send it again once the command works");
	/* It did read the message: the failure is its own. */
	T_CONTAINS(t_read_file(t_path("sm.eml"), NULL), "Subject: Results");
	r = t_gavel(mail_env(SENT_AT, "/nonexistent/sendmail"), "ballot",
	            "notice", "SMC011", "results", "--send", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "(/nonexistent/sendmail) exited with status 127");
	T_EQ_INT(sent(&list, &ops), 0);
	T_EQ_INT(ops, 0);
	T_EQ_INT(list->n, 0);
	gv_notice_sent_list_free(list);
	/* The next notice still answers the proposal alone. */
	T_CONTAINS(MAIL_RUN(SENT_AT, "ballot", "notice", "SMC011", "review",
	                    "--format", "eml")
	                   ->out,
	           "\nIn-Reply-To: <gavel.SMCWG.SMC011.v1.proposal@");
}

/* Mail systems drop a second message with a Message-ID they have seen:
 * a notice sent goes again only with --again, as a new message. */
static void
sent_twice_needs_again(void)
{
	const char *sm = command(mail_standin("sm", 0));
	struct gv_notice_sent_list *list = NULL;
	const struct mail_msg *m;
	struct t_run *r;
	int ops = 0;

	T_ASSERT(mail_ballot());
	T_EQ_INT(t_gavel(mail_env(SENT_AT, sm), "ballot", "notice", "SMC011",
	                 "results", "--send", NULL)
	                 ->status,
	         0);
	r = t_gavel(mail_env(SENT_AT, sm), "ballot", "notice", "SMC011",
	            "results", "--send", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "the results notice of SMC011 was sent at "
	                   "2025-02-06 09:30 UTC as <gavel.SMCWG.SMC011.v1."
	                   "results@groups.cabforum.org>: mail systems drop a "
	                   "second message with that Message-ID, so give "
	                   "--again to send it as a new one");
	r = t_gavel(mail_env("2025-02-06 10:00", sm), "ballot", "notice",
	            "SMC011", "results", "--send", "--again", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out,
	         "<gavel.SMCWG.SMC011.v1.results.2@groups.cabforum.org>\n");
	/* The second answers the first; built again, it is the second. */
	T_ASSERT((m = mail_parse(t_read_file(t_path("sm.eml"), NULL))));
	T_EQ_STR(m->in_reply_to,
	         "gavel.SMCWG.SMC011.v1.results@groups.cabforum.org");
	T_ASSERT(
	        (m = mail_parse(MAIL_RUN("2025-02-07 00:00", "ballot", "notice",
	                                 "SMC011", "results", "--format", "eml")
	                                ->out)));
	T_EQ_STR(m->message_id,
	         "gavel.SMCWG.SMC011.v1.results.2@groups.cabforum.org");
	T_EQ_INT(sent(&list, &ops), 0);
	T_EQ_INT(ops, 2);
	T_EQ_INT(list->n, 2);
	gv_notice_sent_list_free(list);
}

/* Agendas and minutes are sent the same way; nothing is recorded for
 * them (their ids thread by themselves). */
static void
agenda_is_sent_too(void)
{
	const char *sm = command(mail_standin("sm", 0));
	struct gv_notice_sent_list *list = NULL;
	const struct mail_msg *m;
	struct t_run *r;
	int ops = 0;

	T_ASSERT(mail_ballot());
	r = t_gavel(mail_env(SENT_AT, sm), "agenda", "2", "--send", "--to",
	            "members@example.org", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "<gavel.SMCWG.20241218T1600Z.agenda@groups.cabforum."
	                 "org>\n");
	T_ASSERT((m = mail_parse(t_read_file(t_path("sm.eml"), NULL))));
	T_EQ_STR(m->to, "members@example.org");
	T_EQ_INT(sent(&list, &ops), 0);
	T_EQ_INT(ops, 0);
	gv_notice_sent_list_free(list);
}

/* A member who may not record a notice sends nothing: the role is
 * checked before the command runs. */
static void
role_is_checked_before_sending(void)
{
	const char *sm = command(mail_standin("sm", 0));
	struct t_run *r;

	T_ASSERT(mail_ballot());
	T_EQ_INT(MAIL_RUN(SENT_AT, "body", "role", "SMCWG", "Ben Wilson",
	                  "chair")
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(t_env(SENT_AT, "Ben Wilson"), "body", "role", "SMCWG",
	                 MAIL_USER, "member", NULL)
	                 ->status,
	         0);
	r = t_gavel(mail_env(SENT_AT, sm), "ballot", "notice", "SMC011",
	            "results", "--send", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "member");
	T_ASSERT(access(t_path("sm.eml"), F_OK) != 0);
}

/* Without GAVEL_SENDMAIL, `sendmail -t -i` from PATH (only where the
 * system has none in /usr/sbin or /usr/lib: the test must not mail). */
static void
default_is_sendmail_t(void)
{
	char path[4400], *script;
	const char *env[6];
	struct t_run *r;

	if (access("/usr/sbin/sendmail", F_OK) == 0 ||
	    access("/usr/lib/sendmail", F_OK) == 0) {
		t_skip("this system has a sendmail the test would use");
		return;
	}
	T_ASSERT(mail_ballot());
	T_ASSERT((script = (char *)mail_standin("sm", 0)) != NULL);
	T_EQ_INT(rename(script, t_path("sendmail")), 0);
	snprintf(path, sizeof(path), "PATH=%s:%s", t_tmpdir(),
	         getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	memcpy(env, mail_env(SENT_AT, ""), 4 * sizeof(*env));
	env[4] = path;
	env[5] = NULL;
	r = t_gavel(env, "agenda", "2", "--send", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(t_read_file(t_path("sm.args"), NULL), "-t -i\n");
}

/* The record of a notice sent travels with sync: another member's next
 * notice answers it. */
static void
sent_notices_sync(void)
{
	char cmd[4200];
	const struct mail_msg *m;
	struct t_run *r;

	snprintf(cmd, sizeof(cmd), "'%s'", mail_standin("sm", 0));
	T_ASSERT(sf_bare("origin.git") == 0);
	SF("a.db", "init", "--demo");
	SF("a.db", "remote", "add", "origin", t_path("origin.git"));
	SF("a.db", "config", "user", MAIL_USER);
	SF("a.db", "person", "set", MAIL_USER, "--email", MAIL_FROM);
	SF("a.db", "sync");
	T_ASSERT(sf_join("b.db", "origin.git", "Ben Wilson") == 0);
	SF("b.db", "person", "set", "Ben Wilson", "--email", "ben@example.org");
	setenv("GAVEL_SENDMAIL", cmd, 1);
	r = sf_run("a.db", "ballot", "notice", "SMC010", "voting", "--send",
	           NULL);
	unsetenv("GAVEL_SENDMAIL");
	T_EQ_INT(r->status, 0);
	SF("a.db", "sync");
	SF("b.db", "sync");
	SF("a.db", "sync");
	T_CONTAINS(sf_run("b.db", "ballot", "show", "SMC010", NULL)->out,
	           "Notices sent:\n  2025-01-20 12:00 UTC   voting   version "
	           "1  <gavel.SMCWG.SMC010.v1.voting@groups.cabforum.org>  by "
	           "Stephen Davidson\n");
	m = mail_parse(sf_run("b.db", "ballot", "notice", "SMC010", "results",
	                      "--format", "eml", NULL)
	                       ->out);
	T_ASSERT(m != NULL);
	T_EQ_STR(m->from, "Ben Wilson <ben@example.org>");
	T_EQ_STR(m->in_reply_to,
	         "gavel.SMCWG.SMC010.v1.voting@groups.cabforum.org");
	T_EQ_STR(sf_digest("a.db"), sf_digest("b.db"));
}

const struct t_case mail_send_tests[] = {
        {"send_pipes_and_records", send_pipes_and_records},
        {"failing_sendmail_records_nothing", failing_sendmail_records_nothing},
        {"sent_twice_needs_again", sent_twice_needs_again},
        {"agenda_is_sent_too", agenda_is_sent_too},
        {"role_is_checked_before_sending", role_is_checked_before_sending},
        {"default_is_sendmail_t", default_is_sendmail_t},
        {"sent_notices_sync", sent_notices_sync},
        {NULL, NULL},
};
