/* SPDX-License-Identifier: MIT */
/*
 * This file tests the roster's rules: bodies, organisations with their
 * class and status per body over time, people and voting representatives,
 * and the names they accept.
 */
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "harness.h"

static struct gv_db *
roster_db(void)
{
	struct gv_db *db = t_smcwg_db(t_at("2024-12-18 16:00"));

	if (!db)
		return NULL;
	if (gv_org_add(NULL, db, "DigiCert", "SMCWG", GV_CLASS_ISSUER, 0) < 0 ||
	    gv_org_add(NULL, db, "Google", "SMCWG", GV_CLASS_CONSUMER, 0) < 0 ||
	    gv_org_add(NULL, db, "CPA Canada/WebTrust", "SMCWG",
	               GV_CLASS_ASSOCIATE, 0) < 0) {
		gv_db_free(db);
		return NULL;
	}
	return db;
}

static void
body_defaults_and_lookup(void)
{
	struct gv_db *db = roster_db();
	struct gv_body body;

	T_ASSERT(db);
	T_EQ_INT(gv_body_get(&body, db, "smcwg"), 0);
	T_EQ_STR(body.code, "SMCWG");
	T_EQ_STR(body.prefix, "SMC");
	T_EQ_INT(body.id_width, 3);
	T_EQ_STR(body.tz, "America/New_York");
	T_EQ_STR(body.quorum_rule, "bylaws");
	T_EQ_STR(body.consumer_rule, "majority");
	T_EQ_INT(body.vote_end_inclusive, 0);
	gv_body_dispose(&body);
	T_EQ_INT(gv_body_get(&body, db, "SCWG"), GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "known bodies are SMCWG");
	gv_db_free(db);
}

static void
body_add_rejects_bad_input(void)
{
	struct gv_db *db = roster_db();
	struct gv_body_spec spec = {0};
	struct gv_body_change change = {0};
	struct gv_meeting_spec meeting = {0};

	T_ASSERT(db);
	spec.name = "Server Certificate Working Group";
	spec.code = "SC WG";
	T_EQ_INT(gv_body_add(NULL, db, &spec), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "body code");
	spec.code = "smcwg";
	T_EQ_INT(gv_body_add(NULL, db, &spec), GV_EEXISTS);
	spec.code = "SCWG";
	spec.tz = "America/New_Yrok";
	T_EQ_INT(gv_body_add(NULL, db, &spec), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "unknown time zone");
	spec.tz = NULL;
	spec.id_width = 9;
	T_EQ_INT(gv_body_add(NULL, db, &spec), GV_EINVALID);
	spec.id_width = 0;
	spec.name = "  ";
	T_EQ_INT(gv_body_add(NULL, db, &spec), GV_EINVALID);
	spec.name = "Server Certificate Working Group";
	T_EQ_INT(gv_body_add(NULL, db, &spec), 0);
	/* A body's new zone, and a meeting's, are checked as the body's. */
	change.tz = "Mars/Olympus";
	T_EQ_INT(gv_body_set(db, "SCWG", &change), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "unknown time zone");
	meeting.body = "SCWG";
	meeting.starts_at = 1735725600;
	meeting.tz = "Mars/Olympus";
	T_EQ_INT(gv_meeting_add(NULL, db, &meeting), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "unknown time zone");
	gv_db_free(db);
}

static void
class_names(void)
{
	enum gv_class k;

	T_EQ_INT(gv_class_parse(&k, "consumer"), 0);
	T_EQ_INT(k, GV_CLASS_CONSUMER);
	T_EQ_STR(gv_class_name(GV_CLASS_INTERESTED), "interested");
	T_EQ_INT(gv_class_parse(&k, "voter"), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "unknown member class \"voter\"");
	T_ASSERT(gv_class_votes(GV_CLASS_ISSUER));
	T_ASSERT(gv_class_votes(GV_CLASS_CONSUMER));
	T_ASSERT(!gv_class_votes(GV_CLASS_ASSOCIATE));
	T_ASSERT(!gv_class_votes(GV_CLASS_PROBATIONARY));
	T_ASSERT(!gv_class_votes(GV_CLASS_INTERESTED));
	T_ASSERT(!gv_class_votes(GV_CLASS_UNKNOWN));
}

static void
org_names_match_without_case_or_accents(void)
{
	struct gv_db *db = roster_db();
	int64_t a = 0, b = 0;

	T_ASSERT(db);
	T_EQ_INT(gv_org_add(&a, db, "Asseco Data Systems SA (Certum)", "SMCWG",
	                    GV_CLASS_ISSUER, 0),
	         0);
	T_EQ_INT(gv_org_find(&b, db, "ASSECO data systems sa (certum)"), 0);
	T_EQ_INT(a, b);
	T_EQ_INT(gv_org_add(NULL, db, "Chunghwa Télécom", "SMCWG",
	                    GV_CLASS_ISSUER, 0),
	         0);
	T_EQ_INT(gv_org_find(&b, db, "chunghwa telecom"), 0);
	T_EQ_INT(gv_org_add(NULL, db, "DIGICERT", "SMCWG", GV_CLASS_ISSUER, 0),
	         GV_EEXISTS);
	T_CONTAINS(gv_error_last()->message, "already a member of SMCWG");
	T_EQ_INT(gv_org_find(&b, db, "Entrust"), GV_ENOTFOUND);
	gv_db_free(db);
}

static void
org_in_two_bodies(void)
{
	struct gv_db *db = roster_db();
	struct gv_body_spec spec = {0};
	struct gv_org_list *list = NULL;
	struct gv_org_filter all = {NULL, -1}, scwg = {"SCWG", -1};

	T_ASSERT(db);
	spec.code = "SCWG";
	spec.name = "Server Certificate Working Group";
	T_EQ_INT(gv_body_add(NULL, db, &spec), 0);
	T_EQ_INT(gv_org_add(NULL, db, "DigiCert", "SCWG", GV_CLASS_ISSUER, 0),
	         0);
	T_EQ_INT(gv_org_list(&list, db, &scwg), 0);
	T_EQ_INT(list->n, 1);
	T_EQ_STR(list->v[0].name, "DigiCert");
	T_EQ_STR(list->v[0].body, "SCWG");
	gv_org_list_free(list);
	T_EQ_INT(gv_org_list(&list, db, &all), 0);
	T_EQ_INT(list->n, 4);
	gv_org_list_free(list);
	gv_db_free(db);
}

static void
org_list_orders_and_filters(void)
{
	struct gv_db *db = roster_db();
	struct gv_org_list *list = NULL;
	struct gv_org_filter f = {"SMCWG", -1};

	T_ASSERT(db);
	T_EQ_INT(gv_org_list(&list, db, &f), 0);
	T_EQ_INT(list->n, 3);
	T_EQ_STR(list->v[0].name, "DigiCert");
	T_EQ_INT(list->v[0].klass, GV_CLASS_ISSUER);
	T_EQ_STR(list->v[1].name, "Google");
	T_EQ_INT(list->v[1].klass, GV_CLASS_CONSUMER);
	T_EQ_STR(list->v[2].name, "CPA Canada/WebTrust");
	T_EQ_INT(list->v[2].klass, GV_CLASS_ASSOCIATE);
	gv_org_list_free(list);
	f.klass = GV_CLASS_CONSUMER;
	T_EQ_INT(gv_org_list(&list, db, &f), 0);
	T_EQ_INT(list->n, 1);
	T_EQ_STR(list->v[0].name, "Google");
	gv_org_list_free(list);
	f.body = "NETSEC";
	T_EQ_INT(gv_org_list(&list, db, &f), GV_ENOTFOUND);
	T_ASSERT(list == NULL);
	gv_db_free(db);
}

static void
org_set_keeps_history(void)
{
	struct gv_db *db = roster_db();
	struct gv_org_list *list = NULL;
	struct gv_org_filter f = {"SMCWG", GV_CLASS_ISSUER};

	T_ASSERT(db);
	/* Suspended from 2025-01-01; class unchanged (SMC-CH 3.2.3). */
	T_EQ_INT(gv_org_set(db, "DigiCert", "SMCWG", -1, GV_STATUS_SUSPENDED,
	                    1735689600),
	         0);
	T_EQ_INT(gv_org_list(&list, db, &f), 0);
	T_EQ_INT(list->n, 1);
	T_EQ_INT(list->v[0].status, GV_STATUS_SUSPENDED);
	T_EQ_INT(list->v[0].since, 1735689600);
	gv_org_list_free(list);
	T_EQ_INT(gv_org_set(db, "DigiCert", "SMCWG", -1, GV_STATUS_SUSPENDED,
	                    1735689600),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "already issuer and suspended");
	/* A change cannot start before the membership now in force. */
	T_EQ_INT(gv_org_set(db, "DigiCert", "SMCWG", GV_CLASS_CONSUMER, -1, 0),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "cannot start before");
	T_EQ_INT(gv_org_set(db, "Entrust", "SMCWG", GV_CLASS_ISSUER, -1,
	                    1735689600),
	         GV_ENOTFOUND);
	gv_db_free(db);
}

static void
person_and_representative_rules(void)
{
	struct gv_db *db = roster_db();
	struct gv_person_spec p = {0};
	struct gv_person_list *list = NULL;
	struct gv_person_filter reps = {NULL, "SMCWG", 1, NULL};

	T_ASSERT(db);
	p.name = "Stephen Davidson";
	p.org = "DigiCert";
	p.rep_body = "SMCWG";
	p.email = "stephen@example.org";
	T_EQ_INT(gv_person_add(NULL, db, &p), 0);
	/* BYL 2.3(2): an associate member has no voting representative. */
	p.name = "Tim Crawford";
	p.org = "CPA Canada/WebTrust";
	p.email = NULL;
	T_EQ_INT(gv_person_add(NULL, db, &p), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "is associate in SMCWG");
	p.rep_body = NULL;
	T_EQ_INT(gv_person_add(NULL, db, &p), 0);
	T_EQ_INT(gv_person_add(NULL, db, &p), GV_EEXISTS);
	p.name = "Someone";
	p.email = "not an address";
	T_EQ_INT(gv_person_add(NULL, db, &p), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "is not an e-mail address");
	p.email = NULL;
	p.org = "Nowhere Inc.";
	T_EQ_INT(gv_person_add(NULL, db, &p), GV_ENOTFOUND);
	T_EQ_INT(gv_person_list(&list, db, &reps), 0);
	T_EQ_INT(list->n, 1);
	T_EQ_STR(list->v[0].name, "Stephen Davidson");
	T_EQ_STR(list->v[0].reps, "SMCWG");
	T_EQ_STR(list->v[0].email, "stephen@example.org");
	gv_person_list_free(list);
	gv_db_free(db);
}

static void
names_must_be_clean_utf8(void)
{
	struct gv_db *db = roster_db();
	struct gv_person_spec p = {0};
	struct gv_person_list *list = NULL;

	T_ASSERT(db);
	p.name = "I\xF1igo Barreira"; /* Latin-1, not UTF-8 */
	T_EQ_INT(gv_person_add(NULL, db, &p), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "not UTF-8");
	p.name = "Evil\x1b]0;owned\x07";
	T_EQ_INT(gv_person_add(NULL, db, &p), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "control character");
	T_EQ_INT(gv_org_add(NULL, db, "Bad\x1b[2JOrg", "SMCWG", GV_CLASS_ISSUER,
	                    0),
	         GV_EINVALID);
	p.name = "  Iñigo Barreira  ";
	T_EQ_INT(gv_person_add(NULL, db, &p), 0);
	p.name = "Kateryna Aleksieieva";
	T_EQ_INT(gv_person_add(NULL, db, &p), 0);
	T_EQ_INT(gv_person_list(&list, db, NULL), 0);
	T_EQ_INT(list->n, 2);
	T_EQ_STR(list->v[0].name, "Iñigo Barreira");
	T_EQ_STR(list->v[1].name, "Kateryna Aleksieieva");
	gv_person_list_free(list);
	gv_db_free(db);
}

const struct t_case roster_tests[] = {
        {"body_defaults_and_lookup", body_defaults_and_lookup},
        {"body_add_rejects_bad_input", body_add_rejects_bad_input},
        {"class_names", class_names},
        {"org_names_match_without_case_or_accents",
         org_names_match_without_case_or_accents},
        {"org_in_two_bodies", org_in_two_bodies},
        {"org_list_orders_and_filters", org_list_orders_and_filters},
        {"org_set_keeps_history", org_set_keeps_history},
        {"person_and_representative_rules", person_and_representative_rules},
        {"names_must_be_clean_utf8", names_must_be_clean_utf8},
        {NULL, NULL},
};
