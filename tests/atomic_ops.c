/* SPDX-License-Identifier: MIT */
/*
 * This file holds the changes test_atomic.c makes with faults injected:
 * one call of the core API each, on the demo (the S/MIME WG as of the
 * 2024-12-18 call, SMC010 in IPR review), after what prepares it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "gavel/gavel.h"
#include "harness.h"

/* ---- Roster ---- */

static int
org_add(struct gv_db *db)
{
	return gv_org_add(NULL, db, "Example Trust", "SMCWG", GV_CLASS_ISSUER,
	                  t_at("2024-12-01 00:00Z"));
}

static int
org_set(struct gv_db *db)
{
	return gv_org_set(db, "Sectigo", "SMCWG", GV_CLASS_INTERESTED, -1,
	                  t_at("2024-12-18 00:00Z"));
}

static int
person_add(struct gv_db *db)
{
	struct gv_person_spec p = {"Jane Roe", "Sectigo", "jane@example.org",
	                           "SMCWG"};

	return gv_person_add(NULL, db, &p);
}

static int
body_add(struct gv_db *db)
{
	struct gv_body_spec b = {0};

	b.code = "NETSEC";
	b.name = "Network Security Working Group";
	b.tz = "America/New_York";
	return gv_body_add(NULL, db, &b);
}

static int
body_set(struct gv_db *db)
{
	struct gv_body_change c = {0};

	c.name = "S/MIME WG";
	c.cadence = "every 2 weeks on Thursday at 10:00 from 2025-01-09";
	return gv_body_set(db, "SMCWG", &c);
}

static int
holiday_add(struct gv_db *db)
{
	return gv_holiday_add(db, "SMCWG", t_at("2024-12-25 00:00Z") / 86400,
	                      "Christmas Day");
}

static int
holiday_remove(struct gv_db *db)
{
	return gv_holiday_remove(db, "SMCWG",
	                         t_at("2024-12-25 00:00Z") / 86400);
}

const struct op roster_ops[] = {
        {"org add", NULL, org_add},
        {"org set", NULL, org_set},
        {"person add", NULL, person_add},
        {"body add", NULL, body_add},
        {"body set", NULL, body_set},
        {"holiday add", NULL, holiday_add},
        {"holiday remove", holiday_add, holiday_remove},
        {NULL, NULL, NULL},
};

/* ---- Meetings and minutes ---- */

static int
meeting_add(struct gv_db *db)
{
	struct gv_meeting_spec m = {0};

	m.body = "SMCWG";
	m.starts_at = t_at("2025-01-29 16:00Z");
	return gv_meeting_add(NULL, db, &m);
}

/* Meeting 4 (2025-01-15) is the next call; 2 is the 12-18 call. Its
 * roll call is taken once it has begun: the clock moves to that evening. */
static int
attend(struct gv_db *db)
{
	const char *const names[] = {"Stephen Davidson (DigiCert)",
	                             "Jane Roe (Example Trust)"};
	struct gv_roll_call r;
	int rc;

	gv_db_set_now(db, t_at("2025-01-15 17:00Z"));
	rc = gv_meeting_attend(&r, db, 4, names, 2, GV_ATTEND_CREATE);
	gv_roll_call_dispose(&r);
	return rc;
}

static int
attend_line(struct gv_db *db)
{
	struct gv_roll_call r;
	int rc;

	gv_db_set_now(db, t_at("2025-01-15 17:00Z"));
	rc = gv_meeting_attend_line(
	        &r, db, 4,
	        "Attendees: Ben Wilson (Mozilla), Jane Roe (Example Trust)",
	        GV_ATTEND_CREATE);
	gv_roll_call_dispose(&r);
	return rc;
}

static int
unattend(struct gv_db *db)
{
	const char *const names[] = {"Ben Wilson"};

	return gv_meeting_unattend(db, 2, names, 1);
}

static int
meeting_cancel(struct gv_db *db)
{
	return gv_meeting_cancel(db, 4, "no agenda items");
}

static int
meeting_note(struct gv_db *db)
{
	return gv_meeting_note(db, 2, "Discussion", "SMC011 is next.");
}

static int
meeting_add_item(struct gv_db *db)
{
	int pos = 0;

	return gv_meeting_add_item(&pos, db, 4, "Certificate profiles");
}

static int
meeting_link(struct gv_db *db)
{
	return gv_meeting_link(db, 2, "Discussion", 3, NULL);
}

static int
set_taker(struct gv_db *db)
{
	return gv_meeting_set_taker(db, 2, "Ben Wilson");
}

/* The 2025-01-15 call held, the next evening. */
static int
jan15_held(struct gv_db *db)
{
	const char *const names[] = {"Stephen Davidson (DigiCert)"};
	struct gv_roll_call r;
	int rc;

	gv_db_set_now(db, t_at("2025-01-16 12:00Z"));
	rc = gv_meeting_attend(&r, db, 4, names, 1, 0);
	gv_roll_call_dispose(&r);
	return rc;
}

/* The minutes of 12-18, approved at the 01-15 call (BYL 5.1). */
static int
minutes_approve(struct gv_db *db)
{
	return gv_minutes_approve(db, 2, 4, -1);
}

static int
minutes_import(struct gv_db *db)
{
	struct gv_import_report r;
	const char *path =
	        t_fixture("minutes/2024/2024-12-18-minutes-smcwg-call.md");
	int rc;

	if (!path)
		return GV_ERROR;
	rc = gv_minutes_import(&r, db, path);
	if (rc == 0)
		gv_import_report_dispose(&r);
	return rc;
}

const struct op meeting_ops[] = {
        {"meeting add", NULL, meeting_add},
        {"meeting attend", NULL, attend},
        {"meeting attend line", NULL, attend_line},
        {"meeting unattend", NULL, unattend},
        {"meeting cancel", NULL, meeting_cancel},
        {"meeting note", NULL, meeting_note},
        {"meeting add item", NULL, meeting_add_item},
        {"meeting link", NULL, meeting_link},
        {"meeting set taker", NULL, set_taker},
        {"minutes approve", jan15_held, minutes_approve},
        {"minutes import", NULL, minutes_import},
        {NULL, NULL, NULL},
};

/* ---- Issues ---- */

static int
issue_add(struct gv_db *db)
{
	const char *const labels[] = {"bug", "profiles"};
	struct gv_issue_spec s = {0};

	s.body = "SMCWG";
	s.title = "Clarify pseudonym rules";
	s.body_md = "What may a pseudonym contain?";
	s.labels = labels;
	s.nlabels = 2;
	s.created_at = -1;
	return gv_issue_add(NULL, db, &s);
}

static int
issue_edit(struct gv_db *db)
{
	struct gv_issue_edit e = {"EUID in the organizationIdentifier", "",
	                          "New text.", "DigiCert"};

	return gv_issue_edit(db, NULL, "263", &e);
}

static int
issue_label(struct gv_db *db)
{
	const char *const labels[] = {"ballot", "euid"};

	return gv_issue_label(db, NULL, "263", labels, 2, 0);
}

static int
issue_close(struct gv_db *db)
{
	return gv_issue_set_state(db, NULL, "263", 1, -1);
}

static int
issue_note(struct gv_db *db)
{
	struct gv_issue_note_spec n = {"Discussed; a ballot is drafted.", NULL,
	                               2, -1};

	return gv_issue_note(NULL, db, NULL, "3", &n);
}

/* Issue 264, new: the demo's issues are linked already. */
static int
issue_link_meeting(struct gv_db *db)
{
	return gv_issue_link_meeting(db, NULL, "264", 2, -1);
}

static int
issue_link_ballot(struct gv_db *db)
{
	return gv_issue_link_ballot(db, NULL, "264", "SMC010", 1, -1);
}

static int
issue_link_draft(struct gv_db *db)
{
	return gv_issue_link_draft(db, NULL, "264", NULL,
	                           "https://github.com/example/smime/"
	                           "compare/1111111...2222222",
	                           -1);
}

static int
issue_import(struct gv_db *db)
{
	const char *path = t_write_file(
	        "issues.json",
	        "[{\"number\": 300, \"title\": \"Imported one\", \"state\": "
	        "\"OPEN\", \"url\": \"https://github.com/cabforum/smime/"
	        "issues/300\", \"createdAt\": \"2024-10-01T10:00:00Z\", "
	        "\"labels\": [{\"name\": \"question\"}], \"body\": \"Why?\", "
	        "\"author\": {\"login\": \"member\"}, \"comments\": "
	        "[{\"author\": {\"login\": \"chair\"}, \"body\": \"Noted.\", "
	        "\"createdAt\": \"2024-10-02T10:00:00Z\", \"url\": "
	        "\"https://github.com/cabforum/smime/issues/"
	        "300#issuecomment-1\"}]},"
	        " {\"number\": 263, \"title\": \"EUID in "
	        "OrganizationIdentifier "
	        "attribute\", \"state\": \"CLOSED\", \"closedAt\": "
	        "\"2024-12-20T10:00:00Z\", \"createdAt\": "
	        "\"2024-01-01T00:00:00Z\"}]");
	struct gv_issue_import_stats stats = {0};

	if (!path)
		return GV_ERROR;
	return gv_issue_import(&stats, db, "SMCWG", path);
}

const struct op issue_ops[] = {
        {"issue add", NULL, issue_add},
        {"issue edit", NULL, issue_edit},
        {"issue label", NULL, issue_label},
        {"issue close", NULL, issue_close},
        {"issue note", NULL, issue_note},
        {"issue link meeting", issue_add, issue_link_meeting},
        {"issue link ballot", issue_add, issue_link_ballot},
        {"issue link draft", issue_add, issue_link_draft},
        {"issue import", NULL, issue_import},
        {NULL, NULL, NULL},
};

/* ---- Ballots: SMC011 from its draft to its vote ---- */

#define AT(s) t_at(s)

static int
ballot_new(struct gv_db *db)
{
	struct gv_ballot_spec s = {"SMCWG",    "Add EUID",        "fmg",
	                           "DigiCert", "To let EUID in.", 11};

	return gv_ballot_new(NULL, NULL, db, &s, AT("2024-12-18 16:00Z"));
}

static int
ballot_set(struct gv_db *db)
{
	struct gv_ballot_edit e = {"Add EUID to 7.1.4.2.2", "New purpose."};

	return gv_ballot_set(db, "SMC011", &e);
}

static int
endorse(struct gv_db *db)
{
	return gv_ballot_endorse(db, "SMC011", "Sectigo",
	                         AT("2024-12-18 16:10Z"));
}

static int
endorsed(struct gv_db *db)
{
	int rc;

	if ((rc = ballot_new(db)) < 0 || (rc = endorse(db)) < 0)
		return rc;
	return gv_ballot_endorse(db, "SMC011", "Google",
	                         AT("2024-12-18 16:20Z"));
}

static int
version(struct gv_db *db)
{
	return gv_ballot_version(db, "SMC011", "Add EUID to 7.1.4.2.2.", NULL,
	                         0, AT("2024-12-18 16:30Z"));
}

static int
versioned(struct gv_db *db)
{
	int rc = endorsed(db);

	return rc < 0 ? rc : version(db);
}

static int
discuss(struct gv_db *db)
{
	return gv_ballot_discuss(db, "SMC011", AT("2024-12-18 16:40Z"), -1);
}

static int
discussed(struct gv_db *db)
{
	int rc = versioned(db);

	return rc < 0 ? rc : discuss(db);
}

static int
open_vote(struct gv_db *db)
{
	gv_db_set_now(db, AT("2025-01-06 12:00Z"));
	return gv_ballot_open_vote(db, "SMC011", AT("2025-01-06 12:00Z"));
}

static int
voting(struct gv_db *db)
{
	int rc = discussed(db);

	return rc < 0 ? rc : open_vote(db);
}

static int
vote(struct gv_db *db)
{
	char *reason = NULL;
	int rc;

	gv_db_set_now(db, AT("2025-01-07 12:00Z"));
	rc = gv_ballot_vote(&reason, db, "SMC011", "DigiCert", GV_VOTE_YES,
	                    AT("2025-01-07 12:00Z"), "list msg 1");
	free(reason);
	return rc;
}

/* DigiCert (an issuer) and Google (a consumer) vote yes. */
static int
voted(struct gv_db *db)
{
	char *reason = NULL;
	int rc = voting(db);

	if (rc == 0)
		rc = vote(db);
	if (rc == 0)
		rc = gv_ballot_vote(&reason, db, "SMC011", "Google",
		                    GV_VOTE_YES, AT("2025-01-07 13:00Z"), NULL);
	free(reason);
	return rc;
}

static int
set_quorum(struct gv_db *db)
{
	return gv_ballot_set_quorum(db, "SMC011", 1, "the 12-18 roll call");
}

static int
close_vote(struct gv_db *db)
{
	gv_db_set_now(db, AT("2025-01-14 12:00Z"));
	return gv_ballot_close(db, "SMC011", AT("2025-01-14 12:00Z"));
}

static int
closed(struct gv_db *db)
{
	int rc = voted(db);

	if (rc == 0)
		rc = set_quorum(db);
	return rc < 0 ? rc : close_vote(db);
}

static int
review(struct gv_db *db)
{
	gv_db_set_now(db, AT("2025-01-15 12:00Z"));
	return gv_ballot_review(db, "SMC011", AT("2025-01-15 12:00Z"));
}

static int
withdraw(struct gv_db *db)
{
	return gv_ballot_withdraw(db, "SMC011", AT("2025-01-08 12:00Z"));
}

static int
cancel(struct gv_db *db)
{
	return gv_ballot_cancel(db, "SMC011", AT("2024-12-20 12:00Z"));
}

static int
record(struct gv_db *db)
{
	const char *const endorsers[] = {"Sectigo", "Google"};
	const int64_t versions[] = {AT("2024-01-03 12:00Z")};
	struct gv_ballot_record r = {0};

	r.body = "SMCWG";
	r.number = 5;
	r.title = "A recorded ballot";
	r.kind = "fmg";
	r.state = "adopted";
	r.proposer = "DigiCert";
	r.endorsers = endorsers;
	r.n_endorsers = 2;
	r.versions = versions;
	r.n_versions = 1;
	r.discussion_ends_at = AT("2024-01-10 12:00Z");
	r.vote_starts_at = AT("2024-01-10 12:00Z");
	r.vote_ends_at = AT("2024-01-17 12:00Z");
	r.results_at = AT("2024-01-17 18:00Z");
	r.review_starts_at = AT("2024-01-18 12:00Z");
	r.review_ends_at = AT("2024-02-17 12:00Z");
	r.adopted_at = r.review_ends_at;
	r.purpose = "To record.";
	return gv_ballot_record(NULL, db, &r);
}

const struct op ballot_ops[] = {
        {"ballot new", NULL, ballot_new},
        {"ballot set", ballot_new, ballot_set},
        {"ballot endorse", ballot_new, endorse},
        {"ballot version", endorsed, version},
        {"ballot discuss", versioned, discuss},
        {"ballot open vote", discussed, open_vote},
        {"ballot vote", voting, vote},
        {"ballot set quorum", voted, set_quorum},
        {"ballot close", voted, close_vote},
        {"ballot review", closed, review},
        {"ballot withdraw", voting, withdraw},
        {"ballot cancel", ballot_new, cancel},
        {"ballot record", NULL, record},
        {NULL, NULL, NULL},
};

/* ---- The demo ---- */

static int
demo_load(struct gv_db *db)
{
	return gv_demo_load(db, NULL, 0);
}

const struct op demo_load_op = {"demo load", NULL, demo_load};
