/* SPDX-License-Identifier: MIT */
/*
 * This file tests `gavel remind` (issue 18, item 3): one digest of what is
 * due, from the one deadline function, as text or as a message, with exit
 * status 0 when nothing is overdue and 3 when something is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "mail_fixture.h"

/* SMC012 voted from 2025-01-29 12:00 to 02-05 12:00 and never closed:
 * its results were due 3 business days later, 02-10 12:00. */
static int
unclosed_ballot(void)
{
	static const char *const steps[][10] = {
	        {"ballot", "new", "SMCWG", "--title", "Pseudonyms", "--kind",
	         "fmg", "--proposer", "Sectigo", NULL},
	        {"ballot", "endorse", "SMC012", "DigiCert", NULL},
	        {"ballot", "endorse", "SMC012", "Google", NULL},
	        {"ballot", "version", "SMC012", "--url",
	         "https://github.com/cabforum/smime/compare/a...b", NULL},
	        {"ballot", "discuss", "SMC012", "--at", "2025-01-22 12:00",
	         NULL},
	        {"ballot", "open-vote", "SMC012", "--at", "2025-01-29 12:00",
	         NULL},
	};
	const char *at[] = {"2025-01-20 09:00", "2025-01-20 10:00",
	                    "2025-01-20 10:00", "2025-01-21 10:00",
	                    "2025-02-10 00:00", "2025-02-10 00:00"};
	struct t_run *r;
	size_t i;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		r = t_gavel(mail_env(at[i], NULL), steps[i][0], steps[i][1],
		            steps[i][2], steps[i][3], steps[i][4], steps[i][5],
		            steps[i][6], steps[i][7], steps[i][8], NULL);
		if (r->status != 0) {
			t_fail(__FILE__, __LINE__, "%s %s: %s", steps[i][1],
			       steps[i][2], r->err);
			return 0;
		}
	}
	return 1;
}

/* The meeting the next call is, with its standard agenda; its id
 * (kept), or NULL. */
static const char *
next_call(void)
{
	struct t_run *r = MAIL_RUN("2025-01-20 08:00", "meeting", "add",
	                           "SMCWG", "2025-02-12 11:00");

	if (r->status != 0)
		return NULL;
	r->out[strcspn(r->out, "\n")] = '\0';
	return r->out;
}

static void
nothing_overdue_exits_0(void)
{
	const char *id;
	char want[200];
	struct t_run *r;

	T_ASSERT(mail_ballot());
	T_ASSERT((id = next_call()) != NULL);
	r = MAIL_RUN("2025-02-03 12:00", "remind");
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "# What is due\n\nAs of 2025-02-03 12:00 UTC: "
	                   "nothing overdue, 2 due within 14 days.\n");
	T_CONTAINS(r->out, "## Notices owed\n\n- SMC011 (EUID in "
	                   "OrganizationIdentifier): results due 2025-02-10 "
	                   "12:00 UTC (07:00 EST), in 7 d 0 h (BYL 2.3(8), "
	                   "2.4(4))\n");
	T_CONTAINS(r->out, "## Votes closing\n\n- SMC011 (EUID in "
	                   "OrganizationIdentifier): voting closes 2025-02-05 "
	                   "12:00 UTC (07:00 EST), in 2 d 0 h (BYL 2.3(4))\n");
	snprintf(want, sizeof(want),
	         "## Next call\n\nSMCWG: Wednesday, February 12, 2025 at "
	         "11:00 am Eastern Time (2025-02-12 16:00 UTC), meeting %s.\n"
	         "\n1. Roll Call\n",
	         id);
	T_CONTAINS(r->out, want);
	snprintf(want, sizeof(want), "`gavel agenda %s --send`", id);
	T_CONTAINS(r->out, want);
	T_ASSERT(!strstr(r->out, "Overdue"));
	/* Looking 1 day ahead, the vote is beyond it. */
	r = MAIL_RUN("2025-02-03 12:00", "remind", "--within", "1");
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "nothing overdue, nothing due within 1 day.");
	T_ASSERT(!strstr(r->out, "Votes closing"));
}

static void
something_overdue_exits_3(void)
{
	const struct mail_msg *m;
	struct t_run *r, *text;

	T_ASSERT(mail_ballot());
	T_ASSERT(unclosed_ballot());
	text = MAIL_RUN("2025-02-12 12:00", "remind", "--body", "smcwg",
	                "--within", "30");
	T_EQ_INT(text->status, 3);
	T_CONTAINS(text->out, "# What is due in SMCWG\n\nAs of 2025-02-12 "
	                      "12:00 UTC: 1 overdue, 2 due within 30 days.\n");
	T_CONTAINS(text->out, "## Overdue\n\n- SMC012 (Pseudonyms): results "
	                      "due, 2025-02-10 12:00 UTC (07:00 EST), overdue "
	                      "by 2 d 0 h (BYL 2.3(8), 2.4(4))\n");
	T_CONTAINS(text->out, "## IPR reviews ending\n\n- SMC011 (EUID in "
	                      "OrganizationIdentifier): IPR review ends "
	                      "2025-03-09 16:00 UTC (12:00 EDT)");
	/* As a message to the sender, for cron; the same exit status. */
	r = MAIL_RUN("2025-02-12 12:00", "remind", "--body", "SMCWG",
	             "--within", "30", "--format", "eml");
	T_EQ_INT(r->status, 3);
	T_ASSERT((m = mail_parse(r->out)) != NULL);
	T_EQ_STR(m->to, MAIL_FROM);
	T_EQ_STR(m->from, MAIL_USER " <" MAIL_FROM ">");
	T_EQ_STR(m->subject, "What is due in SMCWG - 1 overdue, 2 due within "
	                     "30 days");
	T_EQ_STR(m->message_id, "gavel.remind.SMCWG.20250212T1200Z@example."
	                        "org");
	T_CONTAINS(m->headers, "\nAuto-Submitted\n");
	T_EQ_STR(m->plain, text->out);
	/* Once the results are out, nothing is overdue. */
	T_EQ_INT(MAIL_RUN("2025-02-12 12:00", "ballot", "close", "SMC012",
	                  "--at", "2025-02-12 11:00")
	                 ->status,
	         0);
	T_EQ_INT(MAIL_RUN("2025-02-12 12:00", "remind")->status, 0);
}

/* --send mails the digest; a failing command wins over "overdue". */
static void
remind_is_sent(void)
{
	char cmd[4200];
	struct t_run *r;

	T_ASSERT(mail_ballot());
	T_ASSERT(unclosed_ballot());
	snprintf(cmd, sizeof(cmd), "'%s'", mail_standin("sm", 0));
	r = t_gavel(mail_env("2025-02-12 12:00", cmd), "remind", "--send",
	            "--to", "officers@example.org", NULL);
	T_EQ_INT(r->status, 3);
	T_EQ_STR(r->out, "<gavel.remind.all.20250212T1200Z@example.org>\n");
	T_CONTAINS(t_read_file(t_path("sm.eml"), NULL),
	           "\nTo: officers@example.org\n");
	snprintf(cmd, sizeof(cmd), "'%s'", mail_standin("bad", 1));
	r = t_gavel(mail_env("2025-02-12 12:00", cmd), "remind", "--send",
	            NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "relay refused");
}

/* Draft minutes are listed until a later meeting approves them or three
 * weeks pass (BYL 5.1(1)); bad input is refused. */
static void
minutes_and_bad_input(void)
{
	struct t_run *r;

	T_ASSERT(mail_ballot());
	r = MAIL_RUN("2024-12-20 00:00", "remind");
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "## Minutes awaiting approval\n\n- SMCWG "
	                   "teleconference of December 18, 2024 (meeting 2): "
	                   "a draft until a later meeting approves it "
	                   "(`gavel minutes approve 2 --at-meeting ID`), or "
	                   "final on 2025-01-08 16:00 UTC (11:00 EST) without "
	                   "one (BYL 5.1(1))\n");
	T_ASSERT(!strstr(MAIL_RUN("2025-01-20 00:00", "remind")->out,
	                 "Minutes awaiting"));
	T_EQ_INT(MAIL_RUN(NULL, "remind", "--within", "0")->status, 2);
	T_EQ_INT(MAIL_RUN(NULL, "remind", "--within", "2x")->status, 2);
	T_EQ_INT(MAIL_RUN(NULL, "remind", "--format", "json")->status, 2);
	T_EQ_INT(MAIL_RUN(NULL, "remind", "--format", "text", "--send")->status,
	         2);
	r = MAIL_RUN(NULL, "remind", "--body", "NOPE");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no body \"NOPE\"");
	r = MAIL_RUN(NULL, "remind", "--help");
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "Exit status: 0 nothing is overdue, 3 something is "
	                   "overdue (for cron)");
}

const struct t_case remind_tests[] = {
        {"nothing_overdue_exits_0", nothing_overdue_exits_0},
        {"something_overdue_exits_3", something_overdue_exits_3},
        {"remind_is_sent", remind_is_sent},
        {"minutes_and_bad_input", minutes_and_bad_input},
        {NULL, NULL},
};
