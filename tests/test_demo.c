/* SPDX-License-Identifier: MIT */
/*
 * This file tests the demo working group (the SMCWG of 2024-12-18) and
 * that a broken demo document leaves nothing behind.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"

static struct gv_db *
demo_db(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_db *db = NULL;

	if (gv_db_open(&db, t_path("demo.db"), &opts) < 0)
		return NULL;
	if (gv_demo_load(db, NULL, 0) < 0) {
		gv_db_free(db);
		return NULL;
	}
	return db;
}

static void
loads_the_smcwg(void)
{
	struct gv_db *db = demo_db();
	struct gv_org_filter voting = {"SMCWG", -1};
	struct gv_org_list *orgs = NULL;
	struct gv_body body;
	size_t i, issuers = 0, consumers = 0;

	T_ASSERT(db);
	T_EQ_INT(gv_body_get(&body, db, "SMCWG"), 0);
	T_EQ_STR(body.prefix, "SMC");
	T_EQ_STR(body.tz, "America/New_York");
	T_EQ_INT(body.cadence_weeks, 2);
	T_EQ_INT(body.cadence_weekday, 3); /* Wednesday */
	T_EQ_INT(body.cadence_minute, 11 * 60);
	gv_body_dispose(&body);
	T_EQ_INT(gv_org_list(&orgs, db, &voting), 0);
	for (i = 0; i < orgs->n; i++) {
		issuers += orgs->v[i].klass == GV_CLASS_ISSUER;
		consumers += orgs->v[i].klass == GV_CLASS_CONSUMER;
		if (!strcmp(orgs->v[i].name, "CPA Canada/WebTrust"))
			T_EQ_INT(orgs->v[i].klass, GV_CLASS_ASSOCIATE);
		if (!strcmp(orgs->v[i].name, "Vigil Security LLC"))
			T_EQ_INT(orgs->v[i].klass, GV_CLASS_INTERESTED);
	}
	gv_org_list_free(orgs);
	T_EQ_INT(consumers, 4); /* Apple, Google, Microsoft, Mozilla */
	T_EQ_INT(issuers, 18);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM person"), 30);
	gv_db_free(db);
}

static void
meetings_of_december_2024(void)
{
	struct gv_db *db = demo_db();

	T_ASSERT(db);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM meeting"), 4);
	/* 11:00 Eastern is 16:00 UTC in winter. */
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM meeting WHERE starts_at "
	                       "IN (1733328000, 1734537600, 1735747200,"
	                       " 1736956800)"),
	         4);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM attendance a JOIN "
	                       "meeting m ON m.id = a.meeting WHERE "
	                       "m.starts_at = 1734537600"),
	         30);
	/* Attendance records the organisation each person came for. */
	T_EQ_INT(t_sql_int(db, "SELECT count(DISTINCT a.org) FROM attendance "
	                       "a"),
	         26 - 2);
	T_EQ_INT(t_sql_int(db, "SELECT status = 'cancelled' FROM meeting "
	                       "WHERE starts_at = 1735747200"),
	         1);
	gv_db_free(db);
}

static void
issues_and_smc010(void)
{
	struct gv_db *db = demo_db();

	T_ASSERT(db);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM issue WHERE number IN "
	                       "(3, 263) AND state = 'open'"),
	         2);
	T_EQ_INT(t_sql_int(db, "SELECT number FROM ballot WHERE title = "
	                       "'Introduction of Multi-Perspective Issuance "
	                       "Corroboration' AND kind = 'fmg'"),
	         10);
	/* RULES §9 E2: review 2024-11-22 16:00 to 2024-12-22 16:00 UTC. */
	T_EQ_INT(t_sql_int(db, "SELECT review_ends_at - review_starts_at FROM "
	                       "ballot"),
	         30 * 86400);
	T_EQ_INT(t_sql_int(db, "SELECT review_ends_at FROM ballot"),
	         1734883200);
	T_EQ_INT(t_sql_int(db, "SELECT vote_ends_at - vote_starts_at FROM "
	                       "ballot"),
	         7 * 86400);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM endorsement e JOIN org o "
	                       "ON o.id = e.org WHERE o.name IN "
	                       "('GlobalSign', 'Google')"),
	         2);
	gv_db_free(db);
}

static void
broken_document_changes_nothing(void)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	static const char broken[] =
	        "{\"bodies\": [{\"code\": \"SMCWG\", \"name\": \"S/MIME\"}],\n"
	        " \"orgs\": [{\"name\": \"DigiCert\", \"body\": \"SMCWG\",\n"
	        "   \"class\": \"issuer\"},\n";
	static const char bad_class[] =
	        "{\"bodies\": [{\"code\": \"SMCWG\", \"name\": \"S/MIME\"}],"
	        " \"orgs\": [{\"name\": \"DigiCert\", \"body\": \"SMCWG\","
	        " \"class\": \"voter\"}]}";
	struct gv_db *db = NULL;

	T_EQ_INT(gv_db_open(&db, t_path("g.db"), &opts), 0);
	T_EQ_INT(gv_demo_load(db, broken, sizeof(broken) - 1), GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "line 4");
	T_EQ_INT(gv_demo_load(db, bad_class, sizeof(bad_class) - 1),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "voter");
	/* The body of the failed document was rolled back with it. */
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM body"), 0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM op"), 0);
	gv_db_free(db);
}

const struct t_case demo_tests[] = {
        {"loads_the_smcwg", loads_the_smcwg},
        {"meetings_of_december_2024", meetings_of_december_2024},
        {"issues_and_smc010", issues_and_smc010},
        {"broken_document_changes_nothing", broken_document_changes_nothing},
        {NULL, NULL},
};
