/* SPDX-License-Identifier: MIT */
/*
 * This file tests reading a ballot's votes from the list's archive
 * (issue 18, item 2) against RULES §4 and §5.1: messages in every shape
 * mailers send (plain, quoted-printable, base64, HTML only, alternative,
 * signed), replies that quote another member's vote, forwarded votes,
 * changed votes and late ones, the archive formats, what is listed for
 * the chair instead of recorded, and that nothing is recorded twice or
 * from bad input.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ballot_fixture.h"
#include "harness.h"
#include "internal.h"
#include "mail_in_fixture.h"
#include "message.h"

#define SUBJ "Re: [Smcwg-public] Voting Period Begins - Ballot SMC010: To test"

/* Reads paths (NULL-terminated) for SMC010; the result, kept. */
static struct gv_mail_votes *
read_votes(struct gv_db *db, unsigned flags, const char *path, ...)
{
	const char *paths[8] = {path};
	struct gv_mail_votes *v = NULL;
	size_t n = 1;
	va_list ap;

	va_start(ap, path);
	while (n < 8 && (paths[n] = va_arg(ap, const char *)))
		n++;
	va_end(ap);
	if (gv_ballot_votes_from(&v, db, "SMC010", paths, n, flags) < 0) {
		t_fail(__FILE__, __LINE__, "votes-from: %s",
		       gv_error_last()->message);
		return NULL;
	}
	return v;
}

static void
votes_done(struct gv_mail_votes *v)
{
	gv_mail_votes_free(v);
}

/* The counted value of org in the tally: "yes", "no", "abstain" or
 * "none". */
static const char *
counted(struct gv_db *db, const char *org)
{
	struct gv_tally *t = NULL;
	const char *v = "none";

	if (gv_ballot_tally(&t, db, "SMC010") < 0)
		return "error";
	for (size_t i = 0; i < t->nvotes; i++)
		if (!strcmp(t->votes[i].org, org) && t->votes[i].counted)
			v = gv_vote_value_name(t->votes[i].value);
	gv_tally_free(t);
	return v;
}

static void
every_shape_of_message(void)
{
	struct gv_db *db = mail_db("g.db");
	struct gv_mail_votes *v;
	const char *mbox;

	T_ASSERT(db);
	mbox = mail_mbox(
	        "shapes.mbox",
	        mail_msg("Issuer 1 Rep <rep@issuer1.example>", SUBJ,
	                 "15 Nov 2024 10:00:00", "plain@issuer1", NULL,
	                 "Issuer 1 votes yes.\n"),
	        mail_msg("Issuer 2 Rep <rep@issuer2.example>", SUBJ,
	                 "15 Nov 2024 10:05:00", "qp@issuer2",
	                 "MIME-Version: 1.0\nContent-Type: text/plain; "
	                 "charset=utf-8\nContent-Transfer-Encoding: "
	                 "quoted-printable\n",
	                 "Issuer 2 votes =E2=80=9Cno=E2=80=9D on Ballot SMC=\n"
	                 "010.\n"),
	        mail_msg("Issuer 3 Rep <rep@issuer3.example>", SUBJ,
	                 "15 Nov 2024 10:10:00", "b64@issuer3",
	                 "MIME-Version: 1.0\nContent-Type: text/plain\n"
	                 "Content-Transfer-Encoding: base64\n",
	                 "SXNzdWVyIDMgdm90ZXMgdG8gYWJzdGFpbi4NCg==\n"),
	        mail_msg("Issuer 4 Rep <rep@issuer4.example>", SUBJ,
	                 "15 Nov 2024 10:15:00", "html@issuer4",
	                 "MIME-Version: 1.0\nContent-Type: text/html; "
	                 "charset=utf-8\n",
	                 "<html><head><style>p {margin: 0}</style></head>"
	                 "<body><div dir=\"ltr\">YES</div><br><div "
	                 "class=\"gmail_quote\"><blockquote>Issuer 1 votes "
	                 "no</blockquote></div></body></html>\n"),
	        mail_msg("Issuer 5 Rep <rep@issuer5.example>", SUBJ,
	                 "15 Nov 2024 10:20:00", "alt@issuer5",
	                 "MIME-Version: 1.0\nContent-Type: "
	                 "multipart/alternative; boundary=\"b1\"\n",
	                 "--b1\nContent-Type: text/plain; charset=us-ascii\n\n"
	                 "Issuer 5 votes yes\n--b1\nContent-Type: text/html\n\n"
	                 "<p>Issuer 5 votes no</p>\n--b1--\n"),
	        mail_msg("Consumer 1 Rep <rep@consumer1.example>", SUBJ,
	                 "15 Nov 2024 10:25:00", "signed@consumer1",
	                 "MIME-Version: 1.0\nContent-Type: multipart/signed; "
	                 "protocol=\"application/pkcs7-signature\"; "
	                 "micalg=sha-256; boundary=\"s1\"\n",
	                 "--s1\nContent-Type: text/plain\n\nConsumer 1 votes "
	                 "YES\n\n-- \nConsumer 1 Rep, No Such Street 1\n--s1\n"
	                 "Content-Type: application/pkcs7-signature; "
	                 "name=smime.p7s\nContent-Transfer-Encoding: base64\n"
	                 "Content-Disposition: attachment; "
	                 "filename=smime.p7s\n\n"
	                 "bm90IGEgcmVhbCBzaWduYXR1cmUsIG9ubHkgaXRzIHNoYXBl\n"
	                 "--s1--\n"),
	        NULL);
	T_ASSERT((v = read_votes(db, 0, mbox, NULL)));
	T_EQ_INT(v->messages, 6);
	T_EQ_INT(v->in_thread, 6);
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 6);
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_UNMATCHED), 0);
	T_EQ_STR(mail_entry(v, "qp@issuer2")->org, "Issuer 2");
	T_EQ_STR(mail_entry(v, "qp@issuer2")->person, "Issuer 2 Rep");
	T_EQ_INT(mail_entry(v, "qp@issuer2")->date, t_at("2024-11-15 10:05"));
	votes_done(v);
	T_EQ_STR(counted(db, "Issuer 1"), "yes");
	T_EQ_STR(counted(db, "Issuer 2"), "no");
	T_EQ_STR(counted(db, "Issuer 3"), "abstain");
	T_EQ_STR(counted(db, "Issuer 4"), "yes");
	T_EQ_STR(counted(db, "Issuer 5"), "yes");
	T_EQ_STR(counted(db, "Consumer 1"), "yes");
	gv_db_free(db);
}

/* A vote is its sender's own words: what a reply quotes, however it
 * quotes, is another member's. */
static void
quoted_votes_are_not_the_senders(void)
{
	struct gv_db *db = mail_db("g.db");
	struct gv_mail_votes *v;
	const char *mbox;

	T_ASSERT(db);
	mbox = mail_mbox(
	        "replies.mbox",
	        mail_msg("Issuer 2 Rep <rep@issuer2.example>", SUBJ,
	                 "15 Nov 2024 11:00:00", "r1@issuer2", NULL,
	                 "Issuer 2 votes no.\n\nOn Fri, 15 Nov 2024 at 10:00, "
	                 "Issuer 1 Rep <\nrep@issuer1.example> wrote:\n"
	                 "> Issuer 1 votes yes.\n>\n> Issuer 1 Rep\n"),
	        mail_msg("Issuer 3 Rep <rep@issuer3.example>", SUBJ,
	                 "15 Nov 2024 11:05:00", "r2@issuer3", NULL,
	                 "No\n\nFrom: Issuer 1 Rep <rep@issuer1.example>\n"
	                 "Sent: Friday, November 15, 2024 10:00 AM\n"
	                 "To: smcwg-public@example.org\n"
	                 "Subject: Re: Ballot SMC010\n\n"
	                 "Issuer 1 votes yes.\n"),
	        mail_msg("Issuer 4 Rep <rep@issuer4.example>", SUBJ,
	                 "15 Nov 2024 11:10:00", "r3@issuer4",
	                 "Content-Type: text/html; charset=utf-8\n",
	                 "<p class=MsoNormal>Issuer 4 votes &#8220;Yes&#8221; "
	                 "for ballot SMC010 v2<o:p></o:p></p><div "
	                 "style='border:none;border-top:solid #E1E1E1 "
	                 "1.0pt'><p><b>Von:</b> Public &lt;public@example.org"
	                 "&gt;<br><b>Gesendet:</b> Freitag, 15. November "
	                 "2024 10:00<br><b>An:</b> smcwg-public@example.org"
	                 "<br><b>Betreff:</b> Ballot SMC010</p></div>"
	                 "<p>Issuer 1 votes no. A vote to abstain must say "
	                 "abstain.</p>\n"),
	        NULL);
	T_ASSERT((v = read_votes(db, 0, mbox, NULL)));
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 3);
	votes_done(v);
	T_EQ_STR(counted(db, "Issuer 1"), "none");
	T_EQ_STR(counted(db, "Issuer 2"), "no");
	T_EQ_STR(counted(db, "Issuer 3"), "no");
	T_EQ_STR(counted(db, "Issuer 4"), "yes");
	gv_db_free(db);
}

/* A reply to a notice gavel sent (ballot notice --send) is in the thread
 * by its In-Reply-To, whatever its subject says; before the notice is
 * recorded, the same reply names no ballot and casts nothing. */
static void
replies_to_a_sent_notice(void)
{
	struct gv_db *db = mail_db("g.db");
	struct gv_mail_votes *v;
	const char *mbox;

	T_ASSERT(db);
	mbox = mail_mbox("notice.mbox",
	                 mail_msg("Issuer 5 Rep <rep@issuer5.example>",
	                          "Re: [Smcwg-public] Voting Period Begins",
	                          "15 Nov 2024 12:00:00", "r1@issuer5",
	                          "In-Reply-To: "
	                          "<gavel.SMCWG.SMC010.v1.voting@example.org>"
	                          "\n",
	                          "Issuer 5 votes yes.\n"),
	                 NULL);
	T_ASSERT((v = read_votes(db, 0, mbox, NULL)));
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 0);
	votes_done(v);
	T_EQ_STR(counted(db, "Issuer 5"), "none");
	T_EQ_INT(gv__notice_record(db, "SMC010", GV_NOTICE_VOTING, 1,
	                           "gavel.SMCWG.SMC010.v1.voting@example.org"),
	         0);
	T_ASSERT((v = read_votes(db, 0, mbox, NULL)));
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 1);
	votes_done(v);
	T_EQ_STR(counted(db, "Issuer 5"), "yes");
	gv_db_free(db);
}

/* A forwarded vote, inline or attached, is listed: its sender cast
 * none, and the member it names did not send it to the list. */
static void
forwarded_votes_are_listed(void)
{
	struct gv_db *db = mail_db("g.db");
	struct gv_mail_votes *v;
	const char *mbox;
	long ops = mail_ops(db);

	T_ASSERT(db);
	mbox = mail_mbox(
	        "fwd.mbox",
	        mail_msg("Issuer 5 Rep <rep@issuer5.example>",
	                 "Fwd: Ballot SMC010", "16 Nov 2024 09:00:00",
	                 "f1@issuer5", NULL,
	                 "Passing this on, it bounced.\n\n---------- "
	                 "Forwarded message ---------\nFrom: Issuer 6 Rep "
	                 "<rep@issuer6.example>\nDate: Sat, Nov 16, 2024\n"
	                 "Subject: Ballot SMC010\n\nIssuer 6 votes yes\n"),
	        mail_msg("Consumer 2 Rep <rep@consumer2.example>", SUBJ,
	                 "16 Nov 2024 09:30:00", "f2@consumer2",
	                 "MIME-Version: 1.0\nContent-Type: multipart/mixed; "
	                 "boundary=\"m\"\n",
	                 "--m\nContent-Type: text/plain\n\nSee the attached."
	                 "\n--m\nContent-Type: message/rfc822\n\n"
	                 "From: Consumer 3 Rep <rep@consumer3.example>\n"
	                 "Subject: Ballot SMC010\nMessage-ID: <in@c3>\n\n"
	                 "Consumer 3 votes yes\n--m--\n"),
	        NULL);
	T_ASSERT((v = read_votes(db, 0, mbox, NULL)));
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 0);
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_UNMATCHED), 2);
	T_CONTAINS(mail_entry(v, "f1@issuer5")->reason,
	           "forwards another message's vote");
	T_CONTAINS(mail_entry(v, "f2@consumer2")->reason,
	           "forwards another message's vote");
	T_EQ_STR(mail_entry(v, "f2@consumer2")->subject, SUBJ);
	T_EQ_STR(mail_entry(v, "f2@consumer2")->from,
	         "Consumer 2 Rep <rep@consumer2.example>");
	votes_done(v);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM vote"), 0);
	T_EQ_INT(mail_ops(db), ops);
	gv_db_free(db);
}

/* RULES §4, §5.1: a changed vote is kept and the last counts; one cast
 * outside the window is kept with its reason; any address of a person
 * names them, an address nobody has is listed. */
static void
ledger_as_the_rules_say(void)
{
	struct gv_db *db = mail_db("g.db");
	struct gv_mail_votes *v;
	struct gv_tally *t = NULL;
	const struct gv_vote *l;
	const char *mbox;

	T_ASSERT(db);
	mbox = mail_mbox(
	        "window.mbox",
	        mail_msg("Issuer 3 Rep <rep@issuer3.example>", SUBJ,
	                 "15 Nov 2024 12:00:00", "c1@issuer3", NULL,
	                 "Issuer 3 votes yes\n"),
	        mail_msg("Issuer 3 Rep <rep@issuer3.example>", SUBJ,
	                 "18 Nov 2024 08:00:00", "c2@issuer3", NULL,
	                 "Sorry, a correction: Issuer 3 votes no.\n"),
	        mail_msg("Consumer 1 Rep <rep@consumer1.example>", SUBJ,
	                 "21 Nov 2024 14:00:00", "late@consumer1", NULL,
	                 "Consumer 1 votes yes\n"),
	        mail_msg("Consumer 2 Rep <rep@consumer2.example>", SUBJ,
	                 "14 Nov 2024 13:59:00", "early@consumer2", NULL,
	                 "Consumer 2 votes yes\n"),
	        mail_msg("A Lice <ALICE@Home.Example>", SUBJ,
	                 "19 Nov 2024 09:00:00", "home@issuer1", NULL,
	                 "Yes.\n"),
	        mail_msg("Someone <someone@elsewhere.example>", SUBJ,
	                 "19 Nov 2024 10:00:00", "who@elsewhere", NULL,
	                 "We vote yes.\n"),
	        NULL);
	T_ASSERT((v = read_votes(db, 0, mbox, NULL)));
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 5);
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_UNMATCHED), 1);
	T_EQ_STR(mail_entry(v, "late@consumer1")->reason,
	         "cast after voting closed");
	T_EQ_STR(mail_entry(v, "home@issuer1")->org, "Issuer 1");
	T_CONTAINS(mail_entry(v, "who@elsewhere")->reason,
	           "unknown sender someone@elsewhere.example");
	T_EQ_STR(mail_entry(v, "who@elsewhere")->org, NULL);
	votes_done(v);
	T_OK(gv_ballot_tally(&t, db, "SMC010"));
	T_EQ_INT(t->nvotes, 5);
	T_ASSERT((l = ledger(t, "Issuer 3", t_at("2024-11-15 12:00"))));
	T_EQ_INT(l->counted, 0);
	T_EQ_STR(l->source, "<c1@issuer3>");
	T_ASSERT((l = ledger(t, "Issuer 3", t_at("2024-11-18 08:00"))));
	T_EQ_INT(l->counted, 1);
	T_EQ_INT(l->value, GV_VOTE_NO);
	T_ASSERT((l = ledger(t, "Consumer 1", t_at("2024-11-21 14:00"))));
	T_EQ_INT(l->counted, 0);
	T_EQ_STR(l->reason, "cast after voting closed");
	T_ASSERT((l = ledger(t, "Consumer 2", t_at("2024-11-14 13:59"))));
	T_EQ_STR(l->reason, "cast before voting opened");
	T_EQ_INT(t->issuers.yes, 1);
	T_EQ_INT(t->issuers.no, 1);
	T_EQ_INT(t->consumers.yes, 0);
	T_EQ_INT(t->participants, 2);
	gv_tally_free(t);
	gv_db_free(db);
}

/* What looks like a vote and cannot be matched is listed with why;
 * notices, results and reminders are no one's vote; other threads are
 * other ballots'. */
static void
what_is_listed_and_what_is_not(void)
{
	struct gv_db *db = mail_db("g.db");
	struct gv_mail_votes *v;
	const char *mbox;

	T_ASSERT(db);
	T_OK(gv_person_add(
	        NULL, db,
	        &(struct gv_person_spec){"Issuer 5 Staff", "Issuer 5",
	                                 "staff@issuer5.example", NULL}));
	mbox = mail_mbox(
	        "mixed.mbox",
	        mail_msg("Issuer 1 Rep <rep@issuer1.example>",
	                 "[Smcwg-public] Voting Period Begins - Ballot SMC010",
	                 "14 Nov 2024 14:00:00", "notice@issuer1", NULL,
	                 "Voting begins. Issuer 1 votes yes, as proposer.\n"),
	        mail_msg("Issuer 2 Rep <rep@issuer2.example>", SUBJ,
	                 "15 Nov 2024 10:00:00", "two@issuer2", NULL,
	                 "Issuer 2 votes yes.\n\nOn reflection: we vote no.\n"),
	        mail_msg("Issuer 3 Rep <rep@issuer3.example>", SUBJ,
	                 "15 Nov 2024 10:30:00", "other@issuer3", NULL,
	                 "Issuer 3 votes yes on SMC011\n"),
	        mail_msg("Ann Associate <ann@associate.example>", SUBJ,
	                 "15 Nov 2024 11:00:00", "assoc@associate", NULL,
	                 "Associate votes yes\n"),
	        mail_msg("Issuer 4 Rep via Smcwg-public "
	                 "<smcwg-public@example.org>",
	                 SUBJ, "15 Nov 2024 11:30:00", "dmarc1@issuer4",
	                 "Reply-To: Issuer 4 Rep <rep@issuer4.example>\n",
	                 "Issuer 4 votes yes\n"),
	        mail_msg("Issuer 5 Rep via Smcwg-public "
	                 "<smcwg-public@example.org>",
	                 SUBJ, "15 Nov 2024 12:00:00", "dmarc2@issuer5", NULL,
	                 "Issuer 5 votes yes\n"),
	        mail_msg("Issuer 6 Rep <rep@issuer6.example>", SUBJ,
	                 "15 Nov 2024 12:30:00", "says@issuer6", NULL,
	                 "Issuer 2 votes no\n"),
	        mail_msg("Consumer 1 Rep <rep@consumer1.example>", SUBJ,
	                 "15 Nov 2024 13:00:00", NULL, NULL,
	                 "Consumer 1 votes yes\n"),
	        mail_msg("Issuer 5 Staff <staff@issuer5.example>", SUBJ,
	                 "15 Nov 2024 13:30:00", "staff@issuer5", NULL,
	                 "Issuer 5 votes no\n"),
	        mail_msg("Issuer 1 Rep <rep@issuer1.example>",
	                 "Re: Ballot SMC010 reminder", "20 Nov 2024 09:00:00",
	                 "remind@issuer1", NULL,
	                 "Votes so far:\nIssuer 2 - No\nIssuer 4 - Yes\n"),
	        mail_msg("Issuer 1 Rep <rep@issuer1.example>",
	                 "Results on Ballot SMC010", "22 Nov 2024 09:00:00",
	                 "results@issuer1", NULL,
	                 "3 Yes votes: Issuer 1, Issuer 4, Consumer 1\n"
	                 "1 No votes: Issuer 2\n"),
	        mail_msg("Issuer 6 Rep <rep@issuer6.example>",
	                 "Re: Ballot SMC011", "16 Nov 2024 09:00:00",
	                 "smc11@issuer6", NULL, "Yes\n"),
	        mail_msg("Issuer 6 Rep <rep@issuer6.example>", "Lunch?",
	                 "16 Nov 2024 09:30:00", "lunch@issuer6", NULL,
	                 "Yes\n"),
	        /* In the thread by its own words, or by a subject of its
	         * own. */
	        mail_msg("Issuer 6 Rep <rep@issuer6.example>", "Our vote",
	                 "16 Nov 2024 10:00:00", "text@issuer6", NULL,
	                 "Issuer 6 votes yes on Ballot SMC010\n"),
	        mail_msg("Consumer 3 Rep <rep@consumer3.example>",
	                 "Consumer 3 votes YES on Ballot SMC010",
	                 "16 Nov 2024 10:30:00", "subject@consumer3", NULL,
	                 "\n"),
	        NULL);
	T_ASSERT((v = read_votes(db, 0, mbox, NULL)));
	T_EQ_INT(v->messages, 15);
	T_EQ_INT(v->in_thread, 13);
	T_EQ_INT(v->notices, 3);
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 3);
	T_EQ_STR(mail_entry(v, "dmarc1@issuer4")->org, "Issuer 4");
	T_EQ_STR(mail_entry(v, "text@issuer6")->org, "Issuer 6");
	T_EQ_STR(mail_entry(v, "subject@consumer3")->org, "Consumer 3");
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_UNMATCHED), 7);
	T_EQ_STR(mail_entry(v, "staff@issuer5")->reason,
	         "Issuer 5 Staff is not a voting representative in SMCWG: "
	         "only one casts a member's vote (BYL 2.3(2)); if they were "
	         "then, say so with 'gavel person set \"Issuer 5 Staff\" "
	         "--rep SMCWG'");
	T_CONTAINS(mail_entry(v, "two@issuer2")->reason,
	           "it states two votes (yes, then no)");
	T_EQ_STR(mail_entry(v, "other@issuer3")->reason,
	         "a vote for SMC011, not SMC010");
	T_CONTAINS(mail_entry(v, "assoc@associate")->reason,
	           "Ann Associate represents Associate, which has no vote in "
	           "SMCWG then: associate member");
	T_CONTAINS(mail_entry(v, "dmarc2@issuer5")->reason,
	           "the list sent it in its own name");
	T_EQ_STR(mail_entry(v, "says@issuer6")->reason,
	         "it says Issuer 2 votes, but Issuer 6 Rep represents Issuer "
	         "6");
	T_ASSERT(!mail_entry(v, "smc11@issuer6"));
	T_ASSERT(!mail_entry(v, "lunch@issuer6"));
	T_ASSERT(!mail_entry(v, "notice@issuer1"));
	T_ASSERT(!mail_entry(v, "remind@issuer1"));
	{
		const struct gv_mail_vote *no_id = NULL;

		for (size_t i = 0; i < v->n; i++)
			if (!v->v[i].message_id)
				no_id = &v->v[i];
		T_ASSERT(no_id);
		T_CONTAINS(no_id->reason, "it has no Message-ID");
	}
	votes_done(v);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM vote"), 3);
	gv_db_free(db);
}

static void
write_in(const char *dir, const char *name, const char *text)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	t_write_file(path, text);
}

/* A maildir, a folder of .eml files, one .eml, and Mailman's gzipped
 * monthly text archive with its "user at example.org" addresses. */
static void
archive_formats(void)
{
	static const char pipermail[] =
	        "From rep at issuer2.example  Fri Nov 15 10:00:00 2024\n"
	        "From: rep at issuer2.example (Issuer 2 Rep)\n"
	        "Date: Fri, 15 Nov 2024 10:00:00 +0000\n"
	        "Subject: [Smcwg-public] Ballot SMC010\n"
	        "Message-ID: <pm1@issuer2>\n\n"
	        "Issuer 2 votes yes\n"
	        "-------------- next part --------------\n"
	        "An HTML attachment was scrubbed...\n"
	        "URL: <http://lists.example.org/pipermail/attachments/1.html>\n"
	        "\n"
	        "From rep at issuer3.example  Fri Nov 15 11:00:00 2024\n"
	        "From: rep at issuer3.example (Issuer 3 Rep)\n"
	        "Date: Fri, 15 Nov 2024 11:00:00 +0000\n"
	        "Subject: [Smcwg-public] Ballot SMC010\n"
	        "Message-ID: <pm2@issuer3>\n\n"
	        "-------------- next part --------------\n"
	        "An HTML attachment was scrubbed...\n"
	        "URL: "
	        "<http://lists.example.org/pipermail/attachments/2.html>\n";
	struct gv_db *db = mail_db("g.db");
	struct gv_mail_votes *v;
	char *gz;

	T_ASSERT(db);
	T_ASSERT(mkdir(t_path("md"), 0700) == 0 &&
	         mkdir(t_path("md/cur"), 0700) == 0 &&
	         mkdir(t_path("md/new"), 0700) == 0 &&
	         mkdir(t_path("md/tmp"), 0700) == 0 &&
	         mkdir(t_path("eml"), 0700) == 0);
	write_in("md/cur", "1731664800.1.host:2,S",
	         mail_msg("Issuer 4 Rep <rep@issuer4.example>", SUBJ,
	                  "15 Nov 2024 12:00:00", "md1@issuer4", NULL,
	                  "Issuer 4 votes yes\n"));
	write_in("md/new", "1731668400.2.host",
	         mail_msg("Issuer 5 Rep <rep@issuer5.example>", SUBJ,
	                  "15 Nov 2024 13:00:00", "md2@issuer5", NULL,
	                  "abstain\n"));
	write_in("eml", "a.eml",
	         mail_msg("Consumer 1 Rep <rep@consumer1.example>", SUBJ,
	                  "15 Nov 2024 14:00:00", "eml1@consumer1", NULL,
	                  "Consumer 1 votes yes\n"));
	write_in("eml", "b.eml",
	         mail_msg("Consumer 2 Rep <rep@consumer2.example>", SUBJ,
	                  "15 Nov 2024 15:00:00", "eml2@consumer2", NULL,
	                  "Consumer 2 votes no\n"));
	t_write_file("one.eml",
	             mail_msg("Issuer 6 Rep <rep@issuer6.example>", SUBJ,
	                      "15 Nov 2024 16:00:00", "eml3@issuer6", NULL,
	                      "Issuer 6 votes yes\n"));
	t_write_file("2024-November.txt", pipermail);
	gz = t_keep(gv__xsprintf("gzip -n '%s'", t_path("2024-November.txt")));
	T_ASSERT(t_shell_output(gz));
	T_ASSERT((v = read_votes(db, 0, t_path("md"), t_path("eml"),
	                         t_path("one.eml"),
	                         t_path("2024-November.txt.gz"), NULL)));
	T_EQ_INT(v->messages, 7);
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 6);
	T_EQ_STR(mail_entry(v, "pm1@issuer2")->org, "Issuer 2");
	T_EQ_STR(mail_entry(v, "pm1@issuer2")->from,
	         "Issuer 2 Rep <rep@issuer2.example>");
	T_EQ_INT(mail_entry(v, "pm2@issuer3")->state, GV_MAIL_VOTE_UNMATCHED);
	T_CONTAINS(mail_entry(v, "pm2@issuer3")->reason,
	           "the archive kept no text of it (an HTML attachment was "
	           "scrubbed): read it at http://lists.example.org/pipermail/"
	           "attachments/2.html");
	votes_done(v);
	T_EQ_STR(counted(db, "Issuer 2"), "yes");
	T_EQ_STR(counted(db, "Issuer 4"), "yes");
	T_EQ_STR(counted(db, "Issuer 5"), "abstain");
	T_EQ_STR(counted(db, "Issuer 6"), "yes");
	T_EQ_STR(counted(db, "Consumer 1"), "yes");
	T_EQ_STR(counted(db, "Consumer 2"), "no");
	gv_db_free(db);
}

/*
 * An mbox writer escapes a body line that begins "From " as ">From "
 * (Mailman's archiver, Python's mailbox): in an mbox that line is the
 * sender's again, not a quote; in a message file it is a quote. A
 * base64 body's lines were never escaped.
 */
static void
mbox_from_lines_are_the_senders(void)
{
	static const char b64[] = "Content-Type: text/plain\n"
	                          "Content-Transfer-Encoding: base64\n";
	struct gv_db *db = mail_db("g.db");
	struct gv_mail_votes *v;
	const char *box;

	T_ASSERT(db);
	box = mail_mbox("list.mbox",
	                mail_msg("Issuer 2 Rep <rep@issuer2.example>", SUBJ,
	                         "15 Nov 2024 10:00:00", "esc@issuer2", NULL,
	                         ">From Issuer 2: we vote yes on SMC010.\n"),
	                mail_msg("Issuer 3 Rep <rep@issuer3.example>", SUBJ,
	                         "15 Nov 2024 11:00:00", "b64@issuer3", b64,
	                         /* ">From Issuer 3: we vote yes\n" */
	                         "PkZyb20gSXNzdWVyIDM6IHdlIHZvdGUgeWVzCg==\n"),
	                NULL);
	t_write_file("quote.eml",
	             mail_msg("Issuer 4 Rep <rep@issuer4.example>", SUBJ,
	                      "15 Nov 2024 12:00:00", "q@issuer4", NULL,
	                      ">From Issuer 4: we vote no\n"));
	T_ASSERT((v = read_votes(db, 0, box, t_path("quote.eml"), NULL)));
	T_EQ_INT(v->messages, 3);
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 1);
	T_ASSERT(mail_entry(v, "esc@issuer2") != NULL);
	votes_done(v);
	T_EQ_STR(counted(db, "Issuer 2"), "yes");
	T_EQ_STR(counted(db, "Issuer 3"), "none");
	T_EQ_STR(counted(db, "Issuer 4"), "none");
	gv_db_free(db);
}

/*
 * A vote counts as it reaches the list (BYL 2.3(4)): when the time the
 * list's server received a message (a Received header by a host of the
 * list's domain) and its Date are on two sides of the close, it is for
 * the chair. A server of another domain, or one named in a comment, says
 * nothing of the list.
 */
static void
list_receipt_against_date(void)
{
	static const char *const hops[] = {
	        "Received: from mx.issuer2.example by example.org;"
	        " Thu, 21 Nov 2024 14:30:00 +0000\n",
	        "Received: from mx.issuer3.example (mx.issuer3.example"
	        " [192.0.2.1])\n\tby lists.example.org (Postfix) with ESMTPS"
	        " id 1;\n\tThu, 21 Nov 2024 13:05:00 +0000\n",
	        "Received: from mx.issuer4.example by mx.other.example;"
	        " Thu, 21 Nov 2024 15:00:00 +0000\n",
	        "Received: from a (authenticated by example.org) by"
	        " mail.other.example; Thu, 21 Nov 2024 15:00:00 +0000\n",
	};
	struct gv_db *db = mail_db("g.db");
	struct gv_mail_votes *v;
	const char *box;

	T_ASSERT(db);
	box = mail_mbox("late.mbox",
	                mail_msg("Issuer 2 Rep <rep@issuer2.example>", SUBJ,
	                         "21 Nov 2024 13:00:00", "late@issuer2",
	                         hops[0], "Issuer 2 votes yes\n"),
	                mail_msg("Issuer 3 Rep <rep@issuer3.example>", SUBJ,
	                         "21 Nov 2024 13:00:00", "ok@issuer3", hops[1],
	                         "Issuer 3 votes yes\n"),
	                mail_msg("Issuer 4 Rep <rep@issuer4.example>", SUBJ,
	                         "21 Nov 2024 13:00:00", "other@issuer4",
	                         hops[2], "Issuer 4 votes yes\n"),
	                mail_msg("Issuer 5 Rep <rep@issuer5.example>", SUBJ,
	                         "21 Nov 2024 13:00:00", "comment@issuer5",
	                         hops[3], "Issuer 5 votes yes\n"),
	                NULL);
	T_ASSERT((v = read_votes(db, 0, box, NULL)));
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 3);
	T_ASSERT(mail_entry(v, "late@issuer2") != NULL);
	T_EQ_INT(mail_entry(v, "late@issuer2")->state, GV_MAIL_VOTE_UNMATCHED);
	T_EQ_STR(mail_entry(v, "late@issuer2")->reason,
	         "its Date, 2024-11-21 13:00 UTC, and the time example.org "
	         "received it, 2024-11-21 14:30 UTC, are on two sides of "
	         "when voting closed (2024-11-21 14:00 UTC): a vote counts "
	         "as it reaches the list (BYL 2.3(4)); record it with 'gavel "
	         "ballot vote --at' at the time that holds");
	votes_done(v);
	T_EQ_STR(counted(db, "Issuer 2"), "none");
	T_EQ_STR(counted(db, "Issuer 3"), "yes");
	T_EQ_STR(counted(db, "Issuer 5"), "yes");
	gv_db_free(db);
}

/* The Message-ID is each vote's source: a second reading records
 * nothing, and a dry run says what the real one does and records
 * nothing. The same message in two inputs is one vote. */
static void
second_run_and_dry_run_record_nothing(void)
{
	struct gv_db *db = mail_db("g.db");
	struct gv_mail_votes *v;
	const char *a, *b, *mbox;
	long ops;

	T_ASSERT(db);
	a = mail_msg("Issuer 1 Rep <rep@issuer1.example>", SUBJ,
	             "15 Nov 2024 10:00:00", "once@issuer1", NULL,
	             "Issuer 1 votes yes\n");
	b = mail_msg("Consumer 1 Rep <rep@consumer1.example>", SUBJ,
	             "22 Nov 2024 10:00:00", "late@consumer1", NULL, "No\n");
	mbox = mail_mbox("twice.mbox", a, b, a, NULL);
	ops = mail_ops(db);
	T_ASSERT((v = read_votes(db, GV_MAIL_DRY_RUN, mbox, NULL)));
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 2);
	T_EQ_STR(mail_entry(v, "late@consumer1")->reason,
	         "cast after voting closed");
	votes_done(v);
	T_EQ_INT(mail_ops(db), ops);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM vote"), 0);
	T_ASSERT((v = read_votes(db, 0, mbox, mbox, NULL)));
	T_EQ_INT(v->messages, 6);
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 2);
	votes_done(v);
	T_EQ_INT(mail_ops(db), ops + 2);
	T_ASSERT((v = read_votes(db, 0, mbox, NULL)));
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_RECORDED), 0);
	T_EQ_INT(mail_count(v, GV_MAIL_VOTE_KNOWN), 2);
	votes_done(v);
	T_EQ_INT(mail_ops(db), ops + 2);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM vote"), 2);
	gv_db_free(db);
}

/* Bad input is refused saying what it is, and nothing is recorded, not
 * even the good votes of the other files. */
static void
bad_input_records_nothing(void)
{
	struct gv_db *db = mail_db("g.db");
	struct gv_mail_votes *v = NULL;
	const char *good, *paths[2];
	long ops;

	T_ASSERT(db);
	good = mail_mbox("good.mbox",
	                 mail_msg("Issuer 1 Rep <rep@issuer1.example>", SUBJ,
	                          "15 Nov 2024 10:00:00", "g@issuer1", NULL,
	                          "Issuer 1 votes yes\n"),
	                 NULL);
	t_write_file("notes.txt", "Agenda for the call:\n1. Ballots\n");
	t_write_file("cut.mbox", "From archive  Fri Nov 15 10:00:00 2024\n"
	                         "From: Issuer 2 Rep <rep@issuer2.example>\n"
	                         "Subject: Re: Ballot SMC010\n\nIssuer 2 votes "
	                         "yes\n\nFrom archive  Fri Nov 15 11:00:00 "
	                         "2024\nFrom: Issuer 3 Rep <rep@issu");
	ops = mail_ops(db);
	paths[0] = good;
	paths[1] = t_path("notes.txt");
	T_EQ_INT(gv_ballot_votes_from(&v, db, "SMC010", paths, 2, 0),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "notes.txt is not mail");
	paths[1] = t_path("cut.mbox");
	T_EQ_INT(gv_ballot_votes_from(&v, db, "SMC010", paths, 2, 0),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message,
	           "cut.mbox ends inside its message 2: the file was cut "
	           "short");
	paths[1] = t_path("nowhere.mbox");
	T_EQ_INT(gv_ballot_votes_from(&v, db, "SMC010", paths, 2, 0),
	         GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "nowhere.mbox");
	T_EQ_INT(gv_ballot_votes_from(&v, db, "SMC099", paths, 1, 0),
	         GV_ENOTFOUND);
	T_ASSERT(v == NULL);
	T_EQ_INT(mail_ops(db), ops);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM vote"), 0);
	gv_db_free(db);
}

const struct t_case votes_from_tests[] = {
        {"every_shape_of_message", every_shape_of_message},
        {"quoted_votes_are_not_the_senders", quoted_votes_are_not_the_senders},
        {"forwarded_votes_are_listed", forwarded_votes_are_listed},
        {"replies_to_a_sent_notice", replies_to_a_sent_notice},
        {"ledger_as_the_rules_say", ledger_as_the_rules_say},
        {"what_is_listed_and_what_is_not", what_is_listed_and_what_is_not},
        {"archive_formats", archive_formats},
        {"mbox_from_lines_are_the_senders", mbox_from_lines_are_the_senders},
        {"list_receipt_against_date", list_receipt_against_date},
        {"second_run_and_dry_run_record_nothing",
         second_run_and_dry_run_record_nothing},
        {"bad_input_records_nothing", bad_input_records_nothing},
        {NULL, NULL},
};
