/* SPDX-License-Identifier: MIT */
/*
 * This file tests what the core refuses, on the demo's database (the
 * S/MIME WG as of the 2024-12-18 call): each refusal returns its code,
 * says in one line what is wrong (and what to do, where there is
 * something to do), and leaves every table as it was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "harness.h"

/* expr is refused with code, and the message contains needle. */
#define T_REFUSED(expr, code, needle)                                          \
	do {                                                                   \
		T_EQ_INT((expr), (code));                                      \
		T_CONTAINS(gv_error_last()->message, (needle));                \
	} while (0)

/* The demo at the evening of the 12-18 call, and its content then. */
static struct gv_db *
demo(const char **before)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_db *db = NULL;

	if (gv_db_open(&db, t_path("demo.db"), &opts) < 0)
		return NULL;
	gv_db_set_now(db, t_at("2024-12-18 17:00Z"));
	if (gv_demo_load(db, NULL, 0) < 0) {
		gv_db_free(db);
		return NULL;
	}
	*before = t_db_snapshot(db);
	return db;
}

/* A recorded ballot that passes every check: each case spoils one field. */
static void
good_record(struct gv_ballot_record *r, const char *const *endorsers,
            const int64_t *versions)
{
	memset(r, 0, sizeof(*r));
	r->body = "SMCWG";
	r->number = 5;
	r->title = "A recorded ballot";
	r->kind = "fmg";
	r->state = "adopted";
	r->proposer = "DigiCert";
	r->endorsers = endorsers;
	r->n_endorsers = 2;
	r->versions = versions;
	r->n_versions = 2;
	r->discussion_ends_at = t_at("2024-01-10 12:00Z");
	r->vote_starts_at = t_at("2024-01-10 12:00Z");
	r->vote_ends_at = t_at("2024-01-17 12:00Z");
	r->results_at = t_at("2024-01-17 18:00Z");
	r->review_starts_at = t_at("2024-01-18 12:00Z");
	r->review_ends_at = t_at("2024-02-17 12:00Z");
	r->adopted_at = r->review_ends_at;
}

/* A ballot of the past (RULES §9's records) is checked before it is
 * written: its words, its number, the order of its dates, its cast. */
static void
record_refuses_bad_records(void)
{
	const char *const endorsers[] = {"Sectigo", "Google"};
	const char *const strangers[] = {"Sectigo", "Nobody Inc."};
	int64_t versions[] = {t_at("2024-01-03 12:00Z"),
	                      t_at("2024-01-04 12:00Z")};
	struct gv_ballot_record r;
	const char *before;
	struct gv_db *db = demo(&before);

	T_ASSERT(db);
	good_record(&r, endorsers, versions);
	r.kind = "xx";
	T_REFUSED(gv_ballot_record(NULL, db, &r), GV_EINVALID,
	          "unknown ballot kind \"xx\": use fg (Final Guideline), fmg "
	          "(Final Maintenance Guideline) or other");
	good_record(&r, endorsers, versions);
	r.state = "bogus";
	T_REFUSED(gv_ballot_record(NULL, db, &r), GV_EINVALID,
	          "unknown ballot state \"bogus\"");
	good_record(&r, endorsers, versions);
	r.number = 0;
	T_REFUSED(gv_ballot_record(NULL, db, &r), GV_EINVALID,
	          "ballot number 0 is not valid");
	versions[0] = t_at("2024-01-05 12:00Z");
	good_record(&r, endorsers, versions);
	T_REFUSED(gv_ballot_record(NULL, db, &r), GV_EINVALID,
	          "version 2 is dated before version 1");
	versions[0] = t_at("2024-01-03 12:00Z");
	good_record(&r, endorsers, versions);
	r.vote_ends_at = t_at("2024-01-09 12:00Z");
	T_REFUSED(gv_ballot_record(NULL, db, &r), GV_EINVALID,
	          "the end of voting (");
	T_CONTAINS(gv_error_last()->message, ") comes before the start of "
	                                     "voting (");
	good_record(&r, endorsers, versions);
	r.number = 10;
	T_REFUSED(gv_ballot_record(NULL, db, &r), GV_EEXISTS,
	          "ballot SMC010 already exists");
	good_record(&r, strangers, versions);
	T_REFUSED(gv_ballot_record(NULL, db, &r), GV_ENOTFOUND, "Nobody Inc.");
	T_EQ_STR(t_db_snapshot(db), before);
	gv_db_free(db);
}

/* A failed ballot of the past keeps its result; a quorum given with the
 * record is the published one. */
static void
record_keeps_result_and_quorum(void)
{
	const char *const endorsers[] = {"Sectigo", "Google"};
	const int64_t versions[] = {t_at("2024-01-03 12:00Z"),
	                            t_at("2024-01-04 12:00Z")};
	struct gv_ballot_record r;
	struct gv_ballot *b = NULL;
	struct gv_tally *t = NULL;
	const char *before;
	struct gv_db *db = demo(&before);

	T_ASSERT(db);
	good_record(&r, endorsers, versions);
	r.state = "failed";
	r.review_starts_at = r.review_ends_at = r.adopted_at = -1;
	r.quorum = 7;
	T_EQ_INT(gv_ballot_record(NULL, db, &r), 0);
	T_EQ_INT(gv_ballot_get(&b, db, "SMC005"), 0);
	T_EQ_INT(b->state, GV_BALLOT_FAILED);
	T_EQ_STR(b->result, "failed");
	gv_ballot_free(b);
	T_EQ_INT(gv_ballot_tally(&t, db, "SMC005"), 0);
	T_EQ_INT(t->quorum, 7);
	gv_tally_free(t);
	gv_db_free(db);
}

/* Refusals of the ballot's own steps, each with what to do instead. */
static void
ballot_steps_refused(void)
{
	struct gv_ballot_spec spec = {"SMCWG",    "Add EUID", "fmg",
	                              "DigiCert", NULL,       11};
	struct gv_ballot_edit nothing = {NULL, NULL};
	int64_t id = 0;
	const char *before;
	struct gv_db *db = demo(&before);

	T_ASSERT(db);
	spec.kind = "zz";
	T_REFUSED(
	        gv_ballot_new(NULL, NULL, db, &spec, t_at("2024-12-18 16:00Z")),
	        GV_EINVALID, "unknown ballot kind \"zz\"");
	spec.kind = "fmg";
	spec.number = -1;
	T_REFUSED(
	        gv_ballot_new(NULL, NULL, db, &spec, t_at("2024-12-18 16:00Z")),
	        GV_EINVALID, "ballot number -1 is not valid");
	T_REFUSED(gv_ballot_set(db, "SMC010", &nothing), GV_EINVALID,
	          "nothing to change: give a title or a purpose");
	T_REFUSED(gv_ballot_find(&id, db, "XYZ011"), GV_ENOTFOUND,
	          "no body numbers its ballots XYZ");
	T_REFUSED(gv_ballot_find(&id, db, "SMC"), GV_EINVALID,
	          "\"SMC\" is not a ballot");
	T_EQ_STR(t_db_snapshot(db), before);

	/* A draft with its endorsers but no text has nothing to discuss. */
	spec.number = 11;
	T_EQ_INT(
	        gv_ballot_new(NULL, NULL, db, &spec, t_at("2024-12-18 16:00Z")),
	        0);
	T_EQ_INT(gv_ballot_endorse(db, "SMC011", "Sectigo",
	                           t_at("2024-12-18 16:00Z")),
	         0);
	T_EQ_INT(gv_ballot_endorse(db, "SMC011", "Google",
	                           t_at("2024-12-18 16:00Z")),
	         0);
	before = t_db_snapshot(db);
	T_REFUSED(
	        gv_ballot_discuss(db, "SMC011", t_at("2024-12-18 16:30Z"), -1),
	        GV_ECONFLICT,
	        "SMC011 has no text yet: record a version first ('gavel "
	        "ballot version')");
	T_EQ_INT(gv_ballot_version(db, "SMC011", "Text.", NULL, 0,
	                           t_at("2024-12-18 16:30Z")),
	         0);
	before = t_db_snapshot(db);
	T_REFUSED(gv_ballot_version(db, "SMC011", "Other text.", NULL, 0,
	                            t_at("2024-12-18 16:20Z")),
	          GV_EINVALID,
	          "a new version cannot be dated before the last one");
	T_EQ_STR(t_db_snapshot(db), before);
	gv_db_free(db);
}

/* Meetings: what cannot be cancelled, noted, linked or drafted. */
static void
meeting_refusals(void)
{
	struct gv_meeting_list *list = NULL;
	struct gv_roll_call rc;
	const char *before;
	struct gv_db *db = demo(&before);

	T_ASSERT(db);
	T_REFUSED(gv_meeting_cancel(db, 99, NULL), GV_ENOTFOUND,
	          "no meeting 99: see 'gavel meeting list'");
	T_REFUSED(gv_meeting_cancel(db, 3, NULL), GV_ECONFLICT,
	          "meeting 3 is already cancelled");
	T_REFUSED(gv_meeting_cancel(db, 2, NULL), GV_ECONFLICT,
	          "meeting 2 has a roll call: it was held, so it cannot be "
	          "cancelled");
	/* The same rule, asked before (the screen hints its key by it):
	 * 1 passed without a roll call and 4 is to come, both can be. */
	T_OK(gv_meeting_list(&list, db, NULL));
	for (size_t i = 0; list && i < list->n; i++)
		T_EQ_INT(gv_meeting_cancellable(&list->v[i]),
		         list->v[i].id == 2 || list->v[i].id == 3 ? GV_ECONFLICT
		                                                  : 0);
	T_ASSERT(list && list->n == 4);
	gv_meeting_list_free(list);
	T_REFUSED(gv_meeting_note(db, 2, "Discussion", ""), GV_EINVALID,
	          "the note is empty");
	T_REFUSED(gv_meeting_link(db, 2, "Discussion", 263, "SMC010"),
	          GV_EINVALID, "link an item to one issue or one ballot");
	T_REFUSED(gv_meeting_link(db, 2, "Discussion", 0, NULL), GV_EINVALID,
	          "link an item to one issue or one ballot");
	T_REFUSED(gv_minutes_drafted(db, 2, t_at("2024-12-18 15:00Z")),
	          GV_EINVALID,
	          "draft minutes cannot come before their meeting");
	/* What an act on a meeting reads of it (gv__meeting_head), each
	 * refusal as the whole meeting's read gave it. */
	T_REFUSED(gv_meeting_note(db, 99, "Discussion", "noted"), GV_ENOTFOUND,
	          "no meeting 99: see 'gavel meeting list'");
	T_REFUSED(gv_meeting_note(db, 2, "Nothing such", "noted"), GV_ENOTFOUND,
	          "meeting 2 has no agenda item \"Nothing such\": see "
	          "'gavel meeting show 2'");
	T_REFUSED(gv_meeting_link(db, 2, "Discussion", 99999, NULL),
	          GV_ENOTFOUND,
	          "SMCWG has no issue #99999: add it with 'gavel issue add'");
	T_REFUSED(gv_minutes_drafted(db, 99, t_at("2025-01-18 15:00Z")),
	          GV_ENOTFOUND, "no meeting 99: see 'gavel meeting list'");
	T_REFUSED(gv_meeting_attend_line(&rc, db, 3,
	                                 "Attendees: Dimitris Zacharopoulos "
	                                 "(HARICA)",
	                                 0),
	          GV_ECONFLICT, "meeting 3 was cancelled: nobody attended it");
	gv_roll_call_dispose(&rc);
	T_REFUSED(gv_meeting_attend_line(&rc, db, 2, "Attendees:", 0),
	          GV_EINVALID,
	          "the line names nobody: write it as \"Name "
	          "(Organisation), Name (Organisation), ...\"");
	gv_roll_call_dispose(&rc);
	/* The 01-15 call is four weeks away: no roll call yet. */
	T_REFUSED(gv_meeting_attend_line(&rc, db, 4,
	                                 "Attendees: Ben Wilson (Mozilla)", 0),
	          GV_EINVALID,
	          "meeting 4 has not started yet (it starts 2025-01-15 16:00 "
	          "UTC (11:00 EST)): record its roll call once it has begun");
	gv_roll_call_dispose(&rc);
	T_EQ_STR(t_db_snapshot(db), before);
	gv_db_free(db);
}

/* The roster: names, memberships and representatives. */
static void
roster_refusals(void)
{
	struct gv_person_spec rep = {"Jane Roe", NULL, NULL, "SMCWG"};
	struct gv_body_change nothing = {0};
	enum gv_status status;
	char long_name[400];
	const char *before;
	struct gv_db *db = demo(&before);

	T_ASSERT(db);
	T_REFUSED(gv_org_add(NULL, db, "DigiCert", NULL, GV_CLASS_ISSUER,
	                     t_at("2024-01-01 00:00Z")),
	          GV_EEXISTS, "organisation DigiCert already exists");
	T_REFUSED(gv_org_add(NULL, db, "   ", "SMCWG", GV_CLASS_ISSUER,
	                     t_at("2024-01-01 00:00Z")),
	          GV_EINVALID, "is empty");
	memset(long_name, 'x', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	T_REFUSED(gv_org_add(NULL, db, long_name, "SMCWG", GV_CLASS_ISSUER,
	                     t_at("2024-01-01 00:00Z")),
	          GV_EINVALID, "is longer than");
	T_REFUSED(gv_person_add(NULL, db, &rep), GV_EINVALID,
	          "a voting representative needs an organisation (--org)");
	T_REFUSED(gv_status_parse(&status, "gone"), GV_EINVALID,
	          "unknown status \"gone\": use active or suspended");
	T_REFUSED(gv_body_set(db, "SMCWG", &nothing), GV_EINVALID,
	          "nothing to change");
	T_EQ_STR(t_db_snapshot(db), before);

	/* An organisation of no body has no membership to change, and no
	 * representatives. */
	T_EQ_INT(gv_org_add(NULL, db, "Loner Trust", NULL, GV_CLASS_ISSUER,
	                    t_at("2024-01-01 00:00Z")),
	         0);
	before = t_db_snapshot(db);
	T_REFUSED(gv_org_set(db, "Loner Trust", "SMCWG", GV_CLASS_CONSUMER, -1,
	                     t_at("2024-12-01 00:00Z")),
	          GV_ENOTFOUND,
	          "Loner Trust is not a member of SMCWG: add it with 'gavel "
	          "org add'");
	rep.org = "Loner Trust";
	T_REFUSED(gv_person_add(NULL, db, &rep), GV_EINVALID,
	          "Loner Trust is not a member of SMCWG, so it has no voting "
	          "representatives there");
	T_EQ_STR(t_db_snapshot(db), before);

	/* A member that does not vote has none either. */
	T_EQ_INT(gv_org_add(NULL, db, "Watching Ltd", "SMCWG",
	                    GV_CLASS_ASSOCIATE, t_at("2024-01-01 00:00Z")),
	         0);
	before = t_db_snapshot(db);
	rep.org = "Watching Ltd";
	T_REFUSED(gv_person_add(NULL, db, &rep), GV_EINVALID,
	          "Watching Ltd is associate in SMCWG: only voting members "
	          "(issuer, consumer) have voting representatives");
	T_EQ_STR(t_db_snapshot(db), before);
	gv_db_free(db);
}

/* Issues: titles, numbers, edits, labels and notes. */
static void
issue_refusals(void)
{
	struct gv_issue_spec spec = {0};
	struct gv_issue_edit nothing = {NULL, NULL, NULL, NULL};
	struct gv_issue_note_spec blank = {" \n\t", NULL, 0, -1};
	const char *before;
	struct gv_db *db = demo(&before);

	T_ASSERT(db);
	spec.body = "SMCWG";
	spec.created_at = -1;
	spec.title = "Caf\xE9 latin-1";
	T_REFUSED(gv_issue_add(NULL, db, &spec), GV_EINVALID,
	          "the issue title is not UTF-8 text: re-enter it in UTF-8");
	spec.title = "A title";
	spec.number = -5;
	T_REFUSED(gv_issue_add(NULL, db, &spec), GV_EINVALID,
	          "issue number -5 is not valid: use a number above 0");
	T_REFUSED(gv_issue_edit(db, NULL, "263", &nothing), GV_EINVALID,
	          "nothing to change: give --title, --url, --text or "
	          "--assignee");
	T_REFUSED(gv_issue_label(db, NULL, "263", NULL, 0, 0), GV_EINVALID,
	          "give at least one label");
	T_REFUSED(gv_issue_note(NULL, db, NULL, "263", &blank), GV_EINVALID,
	          "the note is empty: give its text");
	T_REFUSED(gv_review_add(NULL, db, "SMC010", "SBR.md", 1, "", NULL, 0),
	          GV_EINVALID, "the note is empty");
	T_EQ_STR(t_db_snapshot(db), before);
	gv_db_free(db);
}

/* Templates and rendering: names, missing files, the database. */
static void
render_refusals(void)
{
	struct gv_templates *path = gv_templates_new(NULL, 0);
	struct gv_render_spec spec = {0};
	char *text = NULL, *out = NULL;
	int rc = gv_templates_read(&text, NULL, path, "../roster.md");

	gv_templates_free(path);
	T_REFUSED(rc, GV_EINVALID,
	          "\"../roster.md\" is not a template name: use a file name "
	          "from 'gavel templates list', without '/'");
	T_ASSERT(text == NULL);
	spec.template = "roster";
	spec.body = "SMCWG";
	T_REFUSED(gv_render(&out, NULL, NULL, &spec), GV_EINVALID,
	          "the store's data needs a database");
	spec.body = NULL;
	spec.template = "no-such-template";
	T_REFUSED(gv_render(&out, NULL, NULL, &spec), GV_ENOTFOUND,
	          "no template \"no-such-template\": see 'gavel templates "
	          "list', or give a file's path");
	spec.template = t_path("missing.md");
	T_REFUSED(gv_render(&out, NULL, NULL, &spec), GV_ENOTFOUND,
	          "missing.md");
	T_ASSERT(out == NULL);
}

/* Before any error, or after clearing, the last error says so. */
static void
error_last_without_error(void)
{
	const struct gv_error *e;

	gv_error_clear();
	e = gv_error_last();
	T_EQ_STR(e->message, "no error");
	T_EQ_INT(e->code, GV_OK);
	T_EQ_INT(e->klass, GV_ERRCLASS_NONE);
}

const struct t_case refusals_tests[] = {
        {"record_refuses_bad_records", record_refuses_bad_records},
        {"record_keeps_result_and_quorum", record_keeps_result_and_quorum},
        {"ballot_steps_refused", ballot_steps_refused},
        {"meeting_refusals", meeting_refusals},
        {"roster_refusals", roster_refusals},
        {"issue_refusals", issue_refusals},
        {"render_refusals", render_refusals},
        {"error_last_without_error", error_last_without_error},
        {NULL, NULL},
};
