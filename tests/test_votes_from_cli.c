/* SPDX-License-Identifier: MIT */
/*
 * This file tests `gavel ballot votes-from` as a chair runs it: a dry run
 * first, then the votes recorded and the tally they make (`ballot tally
 * --format json`), the messages listed for the chair, a second run that
 * adds nothing, and bad input refused with one line that says what to do.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "mail_in_fixture.h"

#define SUBJ "Re: [Smcwg-public] Voting Period Begins - Ballot SMC010"

static const char *const *
env(void)
{
	return t_env("2025-06-01 00:00", "chair");
}

/* The list's month: three votes, a changed one, a late one, a stranger. */
static const char *
month(void)
{
	return mail_mbox(
	        "2024-11.mbox",
	        mail_msg("Issuer 1 Rep <rep@issuer1.example>",
	                 "[Smcwg-public] Voting Period Begins - Ballot SMC010",
	                 "14 Nov 2024 14:00:00", "vp@issuer1", NULL,
	                 "Voting begins now and ends 2024-11-21 14:00 UTC.\n"),
	        mail_msg("Issuer 1 Rep <rep@issuer1.example>", SUBJ,
	                 "14 Nov 2024 15:00:00", "v1@issuer1",
	                 "In-Reply-To: <vp@issuer1>\n",
	                 "Issuer 1 votes yes.\n"),
	        mail_msg("Issuer 2 Rep <rep@issuer2.example>", SUBJ,
	                 "15 Nov 2024 09:00:00", "v2@issuer2", NULL,
	                 "Issuer 2 votes yes\n"),
	        mail_msg("Issuer 2 Rep <rep@issuer2.example>", SUBJ,
	                 "18 Nov 2024 09:00:00", "v3@issuer2", NULL,
	                 "Having read it again: Issuer 2 votes no.\n\n> "
	                 "Issuer 2 votes yes\n"),
	        mail_msg("Consumer 1 Rep <rep@consumer1.example>", SUBJ,
	                 "19 Nov 2024 09:00:00", "v4@consumer1", NULL,
	                 "Consumer 1 votes yes\n"),
	        mail_msg("Consumer 2 Rep <rep@consumer2.example>", SUBJ,
	                 "21 Nov 2024 14:30:00", "v5@consumer2", NULL,
	                 "Consumer 2 votes yes\n"),
	        mail_msg("Stranger <stranger@example.net>", SUBJ,
	                 "20 Nov 2024 09:00:00", "v6@example", NULL, "Yes\n"),
	        NULL);
}

static json_t *
tally(void)
{
	struct t_run *r = t_gavel(env(), "ballot", "tally", "SMC010",
	                          "--format", "json", NULL);

	return r->status == 0 ? json_loads(r->out, 0, NULL) : NULL;
}

/* The names of a class's votes of one value, "A, B". */
static char *
orgs_of(json_t *doc, const char *klass, const char *value)
{
	json_t *a = json_object_get(json_object_get(doc, klass), value), *o;
	struct {
		char s[256];
	} *buf = t_keep(calloc(1, sizeof(*buf)));
	size_t i;

	json_array_foreach (a, i, o) {
		if (i)
			strcat(buf->s, ", ");
		strncat(buf->s, json_string_value(o),
		        sizeof(buf->s) - strlen(buf->s) - 1);
	}
	return buf->s;
}

static void
dry_run_then_record_then_nothing(void)
{
	struct gv_db *db = mail_db("g.db");
	const char *mbox;
	struct t_run *r;
	json_t *doc;
	long ops;

	T_ASSERT(db);
	ops = mail_ops(db);
	gv_db_free(db);
	mbox = month();
	r = t_gavel(env(), "ballot", "votes-from", "smc10", mbox, "--dry-run",
	            NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "Would record (5):\n");
	T_CONTAINS(r->out, "  2024-11-21 14:30 UTC  yes      Consumer 2 "
	                   "(Consumer 2 Rep)  <v5@consumer2>\n"
	                   "      does not count: cast after voting closed\n");
	T_CONTAINS(r->out, "For the chair (1):");
	T_CONTAINS(r->out, "      From: Stranger <stranger@example.net>  "
	                   "<v6@example>\n      unknown sender "
	                   "stranger@example.net");
	T_CONTAINS(r->out, "SMC010: 7 messages read, 7 in its thread");
	T_CONTAINS(r->out, "--dry-run: none recorded");
	T_ASSERT((doc = tally()));
	T_EQ_INT(json_integer_value(json_object_get(doc, "participants")), 0);
	json_decref(doc);

	r = t_gavel(env(), "ballot", "votes-from", "SMC010", mbox, NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "Recorded (5):\n  2024-11-14 15:00 UTC  yes      "
	                   "Issuer 1 (Issuer 1 Rep)  <v1@issuer1>\n");
	T_CONTAINS(r->out, "5 votes recorded, 0 recorded before, 1 for the "
	                   "chair");
	/* RULES §5.1: Issuer 2's last vote counts; Consumer 2's came late. */
	T_ASSERT((doc = tally()));
	T_EQ_STR(orgs_of(doc, "issuers", "yes_orgs"), "Issuer 1");
	T_EQ_STR(orgs_of(doc, "issuers", "no_orgs"), "Issuer 2");
	T_EQ_STR(orgs_of(doc, "consumers", "yes_orgs"), "Consumer 1");
	T_EQ_INT(json_integer_value(json_object_get(doc, "participants")), 3);
	json_decref(doc);

	r = t_gavel(env(), "ballot", "votes-from", "SMC010", mbox, NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "Recorded before (5):\n");
	T_CONTAINS(r->out, "0 votes recorded, 5 recorded before");
	T_ASSERT((db = NULL, gv_db_open(&db, t_path("g.db"), NULL) == 0));
	T_EQ_INT(mail_ops(db), ops + 5);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM vote"), 5);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM vote WHERE source ="
	                       " '<v3@issuer2>' AND value = 'no'"),
	         1);
	gv_db_free(db);
}

/* `person set WHO FLAG SMCWG [--since SINCE]`. */
static struct t_run *
set_rep(const char *who, const char *flag, const char *since)
{
	return since ? t_gavel(env(), "person", "set", who, flag, "SMCWG",
	                       "--since", since, NULL)
	             : t_gavel(env(), "person", "set", who, flag, "SMCWG",
	                       NULL);
}

/* What `votes-from SMC010 MBOX --dry-run` would do. */
static const char *
dry_run(const char *mbox)
{
	return t_gavel(env(), "ballot", "votes-from", "SMC010", mbox,
	               "--dry-run", NULL)
	        ->out;
}

/*
 * The roster changes as members name their representatives: a person
 * entered without --rep is made one (person set --rep), and a term ends
 * (--no-rep --since): what the person sent before it ended counts, what
 * they sent after is for the chair, and a later term does not reach back
 * (BYL 2.3(2)).
 */
static void
representatives_named_and_ended(void)
{
	struct gv_db *db = mail_db("g.db");
	const char *mbox, *out;
	struct t_run *r;

	T_ASSERT(db);
	gv_db_free(db);
	T_EQ_INT(t_gavel(env(), "person", "add", "Ina Second", "--org",
	                 "Issuer 3", "--email", "ina@issuer3.example", NULL)
	                 ->status,
	         0);
	mbox = mail_mbox("reps.mbox",
	                 mail_msg("Ina Second <ina@issuer3.example>", SUBJ,
	                          "15 Nov 2024 09:00:00", "i1@issuer3", NULL,
	                          "Issuer 3 votes yes\n"),
	                 mail_msg("Issuer 4 Rep <rep@issuer4.example>", SUBJ,
	                          "15 Nov 2024 10:00:00", "r4@issuer4", NULL,
	                          "Issuer 4 votes yes\n"),
	                 mail_msg("Issuer 5 Rep <rep@issuer5.example>", SUBJ,
	                          "19 Nov 2024 10:00:00", "r5@issuer5", NULL,
	                          "Issuer 5 votes no\n"),
	                 NULL);
	T_CONTAINS(dry_run(mbox), "Would record (2):\n");
	T_CONTAINS(dry_run(mbox),
	           "Ina Second is not a voting representative in "
	           "SMCWG: only one casts a member's vote (BYL "
	           "2.3(2)); if they were then, say so with 'gavel "
	           "person set \"Ina Second\" --rep SMCWG'");
	T_EQ_INT(set_rep("Ina Second", "--rep", NULL)->status, 0);
	T_EQ_INT(
	        set_rep("Issuer 5 Rep", "--no-rep", "2024-11-18 00:00")->status,
	        0);
	out = dry_run(mbox);
	T_CONTAINS(out, "yes      Issuer 3 (Ina Second)  <i1@issuer3>");
	T_CONTAINS(out, "Would record (2):\n");
	T_CONTAINS(out, "For the chair (1): ");
	T_CONTAINS(out, "Issuer 5 Rep is not a voting representative");
	r = t_gavel(env(), "person", "list", "--reps", NULL);
	T_CONTAINS(r->out, "Ina Second");
	T_ASSERT(strstr(r->out, "Issuer 5 Rep") == NULL);
	/* A later term begins after the last ended, and does not reach
	 * back to the vote sent between. */
	r = set_rep("Issuer 5 Rep", "--rep", "2024-11-17 00:00");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: Issuer 5 Rep was a voting representative in "
	                   "SMCWG until 2024-11-18 00:00 UTC: a new term "
	                   "begins then or later (--since)\n");
	T_EQ_INT(set_rep("Issuer 5 Rep", "--rep", "2024-11-20 00:00")->status,
	         0);
	T_CONTAINS(dry_run(mbox), "For the chair (1): ");
	/* What cannot be done says why. */
	r = set_rep("Ina Second", "--rep", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "Ina Second is a voting representative in SMCWG "
	                   "already");
	r = set_rep("Ann Associate", "--rep", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "Associate is associate in SMCWG: only voting "
	                   "members");
	T_EQ_INT(t_gavel(env(), "person", "add", "Tom Staff", "--org",
	                 "Issuer 3", NULL)
	                 ->status,
	         0);
	r = set_rep("Tom Staff", "--no-rep", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: Tom Staff is no voting representative in "
	                   "SMCWG: see 'gavel person list --reps --body "
	                   "SMCWG'\n");
	r = set_rep("Ina Second", "--no-rep", "2030-01-01");
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "is still to come");
	r = t_gavel(env(), "person", "set", "Ina Second", "--rep", "SMCWG",
	            "--email", "x@issuer3.example", NULL);
	T_EQ_INT(r->status, 2);
	/* A first term ends when it did, even before it was entered; what
	 * was sent before still counts. */
	T_EQ_INT(set_rep("Ina Second", "--no-rep", "2024-11-16 00:00")->status,
	         0);
	T_CONTAINS(dry_run(mbox),
	           "yes      Issuer 3 (Ina Second)  <i1@issuer3>");
}

static void
bad_input_is_refused(void)
{
	struct gv_db *db = mail_db("g.db");
	const char *mbox;
	struct t_run *r;
	long ops;

	T_ASSERT(db);
	ops = mail_ops(db);
	gv_db_free(db);
	mbox = month();
	t_write_file("minutes.md", "Title: Minutes of the call\n\n"
	                           "Attendees: ...\n");
	r = t_gavel(env(), "ballot", "votes-from", "SMC010", mbox, "minutes.md",
	            NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: minutes.md is not mail (it has no From "
	                   "header): give an mbox, a maildir, a Mailman "
	                   "archive or .eml files\n");
	T_EQ_STR(r->out, "");
	r = t_gavel(env(), "ballot", "votes-from", "SMC011", mbox, NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: ");
	T_CONTAINS(r->err, "SMC011");
	r = t_gavel(env(), "ballot", "votes-from", "SMC010", NULL);
	T_EQ_INT(r->status, 2);
	T_ASSERT((db = NULL, gv_db_open(&db, t_path("g.db"), NULL) == 0));
	T_EQ_INT(mail_ops(db), ops);
	gv_db_free(db);
}

const struct t_case votes_from_cli_tests[] = {
        {"dry_run_then_record_then_nothing", dry_run_then_record_then_nothing},
        {"representatives_named_and_ended", representatives_named_and_ended},
        {"bad_input_is_refused", bad_input_is_refused},
        {NULL, NULL},
};
