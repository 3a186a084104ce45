/* SPDX-License-Identifier: MIT */
/*
 * This file tests people's e-mail addresses (issue 18): a person has
 * several, each address is one person's, and an address given before
 * addresses had a table of their own is kept.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "gavel/gavel.h"
#include "harness.h"

static struct gv_db *
email_db(void)
{
	struct gv_person_spec p = {0};
	struct gv_db *db = t_smcwg_db(t_at("2024-12-18 16:00"));

	if (!db)
		return NULL;
	p.name = "Tim Hollebeek";
	p.org = "DigiCert";
	p.rep_body = "SMCWG";
	p.email = "Tim.Hollebeek@digicert.example";
	if (gv_org_add(NULL, db, "DigiCert", "SMCWG", GV_CLASS_ISSUER, 0) < 0 ||
	    gv_org_add(NULL, db, "Sectigo", "SMCWG", GV_CLASS_ISSUER, 0) < 0 ||
	    gv_person_add(NULL, db, &p) < 0) {
		gv_db_free(db);
		return NULL;
	}
	return db;
}

/* The person's addresses as gv_person_list reads them. */
static char *
addresses_of(struct gv_db *db, const char *name)
{
	struct gv_person_filter f = {NULL, NULL, 0, name};
	struct gv_person_list *list = NULL;
	char *out = NULL;

	if (gv_person_list(&list, db, &f) == 0 && list->n == 1 &&
	    list->v[0].emails)
		out = t_keep(strdup(list->v[0].emails));
	gv_person_list_free(list);
	return out;
}

static void
several_addresses(void)
{
	struct gv_db *db = email_db();

	T_ASSERT(db);
	T_EQ_INT(gv_person_email_add(db, "tim hollebeek", NULL,
	                             "tim@home.example"),
	         0);
	T_EQ_INT(gv_person_email_add(db, "Tim Hollebeek", "DigiCert",
	                             "th@digicert.example"),
	         0);
	T_EQ_STR(addresses_of(db, "Tim Hollebeek"),
	         "Tim.Hollebeek@digicert.example,tim@home.example,"
	         "th@digicert.example");
	/* An address is one person's, in any letter case. */
	T_EQ_INT(gv_person_email_add(db, "Tim Hollebeek", NULL,
	                             "TIM@HOME.EXAMPLE"),
	         GV_EEXISTS);
	T_CONTAINS(gv_error_last()->message, "already Tim Hollebeek's");
	T_EQ_INT(gv_person_add(NULL, db,
	                       &(struct gv_person_spec){
	                               "Martijn Katerbarg", "Sectigo",
	                               "tim.hollebeek@DigiCert.example", NULL}),
	         GV_EEXISTS);
	T_CONTAINS(gv_error_last()->message, "is Tim Hollebeek's address");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM person"), 1);
	T_EQ_INT(gv_person_add(NULL, db,
	                       &(struct gv_person_spec){"Martijn Katerbarg",
	                                                "Sectigo", NULL, NULL}),
	         0);
	T_EQ_INT(gv_person_email_add(db, "Martijn Katerbarg", NULL,
	                             "th@digicert.example"),
	         GV_EEXISTS);
	T_EQ_STR(addresses_of(db, "Martijn Katerbarg"), NULL);
	gv_db_free(db);
}

static void
refusals(void)
{
	struct gv_db *db = email_db();

	T_ASSERT(db);
	T_EQ_INT(gv_person_email_add(db, "Nobody", NULL, "n@example.org"),
	         GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "no person \"Nobody\"");
	T_EQ_INT(gv_person_email_add(db, "Tim Hollebeek", "Sectigo",
	                             "n@example.org"),
	         GV_ENOTFOUND);
	T_EQ_INT(gv_person_email_add(db, "Tim Hollebeek", NULL,
	                             "a@example.org, b@example.org"),
	         GV_EINVALID);
	T_CONTAINS(gv_error_last()->message, "not an e-mail address");
	T_EQ_INT(gv_person_email_add(db, "Tim Hollebeek", NULL,
	                             "tim at example.org"),
	         GV_EINVALID);
	/* Namesakes: the organisation says which. */
	T_EQ_INT(gv_person_add(NULL, db,
	                       &(struct gv_person_spec){"Tim Hollebeek",
	                                                "Sectigo", NULL, NULL}),
	         0);
	T_EQ_INT(gv_person_email_add(db, "Tim Hollebeek", NULL,
	                             "other@sectigo.example"),
	         GV_ECONFLICT);
	T_CONTAINS(gv_error_last()->message, "say which with --org");
	T_EQ_INT(gv_person_email_add(db, "Tim Hollebeek", "sectigo",
	                             "other@sectigo.example"),
	         0);
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM person_email"), 2);
	gv_db_free(db);
}

/* A snapshot written before v9 holds no person_email: replaying it gives
 * each person the address person.email kept, as the migration did. */
static void
snapshot_from_v8_keeps_addresses(void)
{
	static const char tables[] =
	        "{\"tables\": {"
	        "\"body\": {\"columns\": [\"id\", \"code\", \"fold\", "
	        "\"name\", \"prefix\", \"id_width\", \"tz\", \"created_at\"], "
	        "\"rows\": [[1, \"SMCWG\", \"smcwg\", \"S/MIME\", \"SMC\", 3, "
	        "\"UTC\", 0]]},"
	        "\"org\": {\"columns\": [\"id\", \"name\", \"fold\", "
	        "\"created_at\"], \"rows\": [[1, \"Sectigo\", \"sectigo\", "
	        "0]]},"
	        "\"person\": {\"columns\": [\"id\", \"name\", \"fold\", "
	        "\"org\", \"email\", \"created_at\"], \"rows\": [[1, \"Tim "
	        "Callan\", \"tim callan\", 1, \"tim@sectigo.example\", 0]]}}}";
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_rebuild_report r;
	struct gv_db *db = NULL;

	T_EQ_INT(gv_db_open(&db, t_path("v8.db"), &opts), 0);
	T_OK(t_snapshot_replay(&r, db, tables));
	T_EQ_STR(addresses_of(db, "Tim Callan"), "tim@sectigo.example");
	gv_db_free(db);
}

/* person set --email changes the first address: votes from the list are
 * matched by the new one, no longer by the old, and the others stay. */
static void
first_address_replaced(void)
{
	struct gv_db *db = email_db();

	T_ASSERT(db);
	T_EQ_INT(gv_person_email_add(db, "Tim Hollebeek", NULL,
	                             "tim@home.example"),
	         0);
	T_EQ_INT(gv_person_set_email(db, "Tim Hollebeek (DigiCert)",
	                             "tim@digicert.example"),
	         0);
	T_EQ_STR(addresses_of(db, "Tim Hollebeek"),
	         "tim@home.example,tim@digicert.example");
	T_EQ_INT(t_sql_int(db, "SELECT count(*) FROM person_email WHERE fold ="
	                       " 'tim.hollebeek@digicert.example'"),
	         0);
	/* The old address is free again; another's is refused whole. */
	T_EQ_INT(gv_person_add(NULL, db,
	                       &(struct gv_person_spec){
	                               "Martijn Katerbarg", "Sectigo",
	                               "tim.hollebeek@digicert.example", NULL}),
	         0);
	T_EQ_INT(gv_person_set_email(db, "Tim Hollebeek",
	                             "Tim.Hollebeek@DigiCert.example"),
	         GV_EEXISTS);
	T_EQ_STR(addresses_of(db, "Tim Hollebeek"),
	         "tim@home.example,tim@digicert.example");
	T_EQ_INT(gv_person_set_email(db, "Tim Hollebeek", ""), 0);
	T_EQ_STR(addresses_of(db, "Tim Hollebeek"), "tim@home.example");
	gv_db_free(db);
}

const struct t_case person_email_tests[] = {
        {"several_addresses", several_addresses},
        {"first_address_replaced", first_address_replaced},
        {"refusals", refusals},
        {"snapshot_from_v8_keeps_addresses", snapshot_from_v8_keeps_addresses},
        {NULL, NULL},
};
