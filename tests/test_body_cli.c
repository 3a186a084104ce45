/* SPDX-License-Identifier: MIT */
/*
 * This file tests a body's settings as a secretary keeps them from the
 * command line: holidays moving the business-day clocks, the cadence of
 * calls feeding the next call, and the refusals that change nothing.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/db.h"
#include "harness.h"

static const char *const *
env(const char *now)
{
	return t_env(now, "secretary");
}

/* One number from the test's database (-1 when it cannot be read). */
static int64_t
db_int(const char *sql)
{
	struct gv_db *db = NULL;
	int64_t v = -1;

	if (gv_db_open(&db, t_path("g.db"), NULL) == 0)
		v = t_sql_int(db, sql);
	gv_db_free(db);
	return v;
}

/* The ISO time of the clock `what` in `ballot show REF --format json`. */
static const char *
clock_at(const char *const *e, const char *ref, const char *what)
{
	static char iso[32];
	struct t_run *r =
	        t_gavel(e, "ballot", "show", ref, "--format", "json", NULL);
	json_t *doc = json_loads(r->out, 0, NULL), *clocks;
	size_t i;

	iso[0] = '\0';
	clocks = json_object_get(doc, "clocks");
	for (i = 0; i < json_array_size(clocks); i++) {
		json_t *c = json_array_get(clocks, i);

		if (!strcmp(json_string_value(json_object_get(c, "what")),
		            what))
			snprintf(iso, sizeof(iso), "%s",
			         json_string_value(json_object_get(c, "iso")));
	}
	json_decref(doc);
	return iso;
}

/* SMC010's vote closed Thursday 2024-11-21 14:00 UTC; its results are due
 * 3 business days later (BYL 2.3(8)): Friday, Monday, Tuesday 11-26. A
 * holiday on that Monday moves it to Wednesday, and back when removed. */
static void
holiday_moves_results_due(void)
{
	const char *const *e = env("2024-12-18 16:00Z");
	json_t *doc, *h;
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	T_EQ_STR(clock_at(e, "SMC010", "results due"), "2024-11-26T14:00:00Z");
	r = t_gavel(e, "body", "holiday", "add", "smcwg", "2024-11-25",
	            "--name", "Thanksgiving week", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "2024-11-25\n");
	T_EQ_STR(r->err, "");
	T_EQ_STR(clock_at(e, "SMC010", "results due"), "2024-11-27T14:00:00Z");
	/* A Saturday is kept, with a note: it moves nothing. */
	r = t_gavel(e, "body", "holiday", "add", "SMCWG", "2024-11-23", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->err, "2024-11-23 is a Saturday, not a business day");
	T_EQ_STR(clock_at(e, "SMC010", "results due"), "2024-11-27T14:00:00Z");
	r = t_gavel(e, "body", "holiday", "list", "SMCWG", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "DATE        DAY       NAME\n"
	                 "2024-11-23  Saturday  -\n"
	                 "2024-11-25  Monday    Thanksgiving week\n");
	r = t_gavel(e, "body", "holiday", "list", "SMCWG", "--format", "json",
	            NULL);
	doc = json_loads(r->out, 0, NULL);
	T_EQ_INT(json_array_size(doc), 2);
	h = json_array_get(doc, 1);
	T_EQ_STR(json_string_value(json_object_get(h, "date")), "2024-11-25");
	T_EQ_STR(json_string_value(json_object_get(h, "weekday")), "Monday");
	T_EQ_STR(json_string_value(json_object_get(h, "name")),
	         "Thanksgiving week");
	T_ASSERT(json_is_null(json_object_get(json_array_get(doc, 0), "name")));
	json_decref(doc);
	r = t_gavel(e, "body", "holiday", "remove", "SMCWG", "2024-11-25",
	            NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "");
	T_EQ_STR(clock_at(e, "SMC010", "results due"), "2024-11-26T14:00:00Z");
	T_EQ_INT(db_int("SELECT count(*) FROM op WHERE kind IN"
	                " ('holiday.add', 'holiday.remove')"),
	         3);
	T_EQ_INT(db_int("SELECT count(*) FROM holiday"), 1);
}

static void
holiday_refusals_change_nothing(void)
{
	const char *const *e = env("2024-12-18 16:00Z");
	int64_t events;
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	T_EQ_INT(t_gavel(e, "body", "holiday", "add", "SMCWG", "2024-12-25",
	                 "--name", "Christmas Day", NULL)
	                 ->status,
	         0);
	events = db_int("SELECT count(*) FROM op");
	r = t_gavel(e, "body", "holiday", "add", "SMCWG", "2024-12-25", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: 2024-12-25 is already a holiday of SMCWG "
	                 "(Christmas Day): remove it first to rename it\n");
	r = t_gavel(e, "body", "holiday", "add", "SMCWG", "25/12/2024", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: malformed date \"25/12/2024\": write "
	                 "YYYY-MM-DD\n");
	r = t_gavel(e, "body", "holiday", "add", "SMCWG", "2025-02-29", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: no such date: 2025-02-29\n");
	r = t_gavel(e, "body", "holiday", "add", "SMCWG", "2024-12-26 10:00",
	            NULL);
	T_EQ_INT(r->status, 1);
	r = t_gavel(e, "body", "holiday", "add", "NOPE", "2024-12-26", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no body \"NOPE\"");
	r = t_gavel(e, "body", "holiday", "remove", "SMCWG", "2024-12-26",
	            NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: 2024-12-26 is not a holiday of SMCWG: "
	                 "'gavel body holiday list SMCWG' shows them\n");
	r = t_gavel(e, "body", "holiday", "add", "SMCWG", NULL);
	T_EQ_INT(r->status, 2);
	r = t_gavel(e, "body", "holiday", "add", "--help", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "usage: gavel body holiday add CODE DATE "
	                   "[--name TEXT]\n");
	T_EQ_INT(db_int("SELECT count(*) FROM op"), events);
	T_EQ_INT(db_int("SELECT count(*) FROM holiday"), 1);
}

/* The shape every malformed cadence is answered with. */
#define CADENCE_SHAPE                                                          \
	"write it like \"every 2 weeks on Wednesday at 11:00 from "            \
	"2024-12-04\", or \"none\"\n"

static void
cadence_sets_the_next_call(void)
{
	static const char rule[] =
	        "every 2 weeks on Wednesday at 11:00 from 2024-12-04";
	const char *const *e = env("2025-01-01 00:00Z");
	json_t *doc;
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", NULL)->status, 0);
	T_EQ_INT(t_gavel(e, "body", "add", "SCWG", "--name", "Server Certs",
	                 "--tz", "America/New_York", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "meeting", "next", "SCWG", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no meeting scheduled and no cadence");
	r = t_gavel(e, "body", "set", "SCWG", "--cadence", rule, NULL);
	T_EQ_INT(r->status, 0);
	/* 11:00 in the body's zone: 16:00 UTC in winter, 15:00 in summer. */
	r = t_gavel(e, "meeting", "next", "SCWG", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "2025-01-01 16:00 UTC  Wednesday, January 1, 2025 "
	                   "at 11:00 am Eastern Time  (from the cadence)\n");
	r = t_gavel(env("2025-06-01 00:00Z"), "meeting", "next", "SCWG", NULL);
	T_CONTAINS(r->out, "2025-06-04 15:00 UTC");
	e = env("2025-01-01 00:00Z"); /* t_env's buffer was reused */
	r = t_gavel(e, "deadlines", NULL);
	T_CONTAINS(r->out, "2025-01-01 16:00 UTC (11:00 EST)  in 16 h 0 min  "
	                   "next call  SCWG");
	r = t_gavel(e, "body", "show", "SCWG", NULL);
	T_CONTAINS(r->out, "\n  calls: every 2 weeks on Wednesday at 11:00 "
	                   "from 2024-12-04\n");
	r = t_gavel(e, "body", "list", NULL);
	T_CONTAINS(r->out, "  every 2 weeks on Wednesday at 11:00 from "
	                   "2024-12-04  ");
	r = t_gavel(e, "body", "show", "SCWG", "--format", "json", NULL);
	doc = json_loads(r->out, 0, NULL);
	T_EQ_STR(json_string_value(json_object_get(
	                 json_object_get(doc, "cadence"), "text")),
	         rule);
	json_decref(doc);
	/* "none" clears it. */
	T_EQ_INT(t_gavel(e, "body", "set", "SCWG", "--cadence", "none", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "meeting", "next", "SCWG", NULL)->status, 1);
	r = t_gavel(e, "body", "show", "SCWG", NULL);
	T_CONTAINS(r->out, "\n  calls: none\n");
	T_EQ_INT(db_int("SELECT count(*) FROM op WHERE kind = 'body.set'"), 2);
}

static void
malformed_cadence_says_the_shape(void)
{
	static const char *const bad[] = {
	        "every 0 weeks on Wednesday at 11:00 from 2024-12-04",
	        "every 2 weeks on Wednesday at 11:00",
	        "every 2 weeks on Wednesday at 25:00 from 2024-12-04",
	        "fortnightly-ish",
	};
	const char *const *e = env("2025-01-01 00:00Z");
	struct t_run *r;
	size_t i;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		r = t_gavel(e, "body", "set", "SMCWG", "--cadence", bad[i],
		            NULL);
		T_EQ_INT(r->status, 1);
		T_CONTAINS(r->err, "gavel: cannot read the cadence");
		T_CONTAINS(r->err, CADENCE_SHAPE);
	}
	r = t_gavel(e, "body", "set", "SMCWG", "--cadence",
	            "every 2 weeks on Thursday at 11:00 from 2024-12-04", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: the first call, 2024-12-04, is not on a "
	                 "Thursday\n");
	/* The demo's cadence is untouched. */
	r = t_gavel(e, "body", "show", "SMCWG", NULL);
	T_CONTAINS(r->out, "calls: every 2 weeks on Wednesday at 11:00 from "
	                   "2024-12-04\n");
	T_EQ_INT(db_int("SELECT count(*) FROM op WHERE kind = 'body.set'"), 0);
}

/*
 * The readings the rules leave open are settings of each body (RULES §4,
 * §5.2, §5.3): `body set` changes them, `body show` and the tally say
 * which is in force, and a vote cast exactly at the close counts once the
 * window includes its end.
 */
static void
rule_readings_are_settings(void)
{
	const char *const *e = env("2024-12-18 17:00");
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	r = t_gavel(e, "ballot", "vote", "SMC010",
	            "Carillon Information Security Inc.", "yes", "--at",
	            "2024-11-21 14:00", NULL);
	T_CONTAINS(r->err, "cast after voting closed");
	r = t_gavel(e, "ballot", "tally", "SMC010", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"issuers\": {\n    \"yes\": 16,");
	r = t_gavel(e, "body", "set", "SMCWG", "--vote-end", "inclusive",
	            "--consumer-rule", "half-plus-one", "--quorum-rule",
	            "average", "--quorum-at", "vote-end", "--min-meetings", "3",
	            NULL);
	T_EQ_INT(r->status, 0);
	r = t_gavel(e, "ballot", "tally", "SMC010", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"issuers\": {\n    \"yes\": 17,");
	T_CONTAINS(r->out, "\"consumer_rule\": \"half-plus-one\"");
	T_CONTAINS(r->out, "\"quorum_rule\": \"average\"");
	r = t_gavel(e, "body", "show", "SMCWG", NULL);
	T_CONTAINS(r->out, "rules: quorum average, consumers half-plus-one, "
	                   "vote window [start, end], quorum at vote-end, no "
	                   "adoption before 3 held meetings\n");
	r = t_gavel(e, "body", "show", "SMCWG", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"quorum_at\": \"vote-end\",\n    "
	                   "\"min_meetings\": 3");
	/* Back to the practice, and refusals that change nothing. */
	T_EQ_INT(t_gavel(e, "body", "set", "SMCWG", "--vote-end", "exclusive",
	                 "--min-meetings", "0", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "ballot", "tally", "SMC010", "--format", "json", NULL);
	T_CONTAINS(r->out, "\"issuers\": {\n    \"yes\": 16,");
	r = t_gavel(e, "body", "set", "SMCWG", "--quorum-rule", "half", NULL);
	T_EQ_INT(r->status, 1);
	T_EQ_STR(r->err, "gavel: unknown quorum rule \"half\": use bylaws, "
	                 "average or half-average\n");
	r = t_gavel(e, "body", "set", "SMCWG", "--min-meetings", "three",
	            "--consumer-rule", "majority", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "minimum meetings \"three\" is not a number");
	T_EQ_INT(db_int("SELECT count(*) FROM op WHERE kind = 'body.set'"), 2);
	T_EQ_INT(db_int("SELECT consumer_rule = 'half-plus-one' FROM body"), 1);
}

/* The words a command takes (a class, a status, a role, a ballot's kind,
 * a vote) are read in any letter case, as names are, and stored as the
 * Bylaws spell them. */
static void
keywords_in_any_case(void)
{
	const char *const *e = env("2024-12-18 16:00Z");
	struct t_run *r;

	T_EQ_INT(t_gavel(e, "init", "--demo", NULL)->status, 0);
	T_EQ_INT(t_gavel(e, "org", "add", "Entrust", "--body", "SMCWG",
	                 "--class", "Issuer", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "org", "set", "Entrust", "--body", "SMCWG",
	                 "--status", "SUSPENDED", NULL)
	                 ->status,
	         0);
	r = t_gavel(e, "org", "list", "--body", "SMCWG", "--class", "ISSUER",
	            NULL);
	T_CONTAINS(r->out, "issuer  suspended");
	r = t_gavel(e, "ballot", "new", "SMCWG", "--title", "Case", "--kind",
	            "FMG", "--proposer", "Sectigo", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(t_gavel(e, "ballot", "show", "SMC011", NULL)->out,
	           "kind: fmg;");
	/* Recorded as yes (in draft, it does not count). */
	r = t_gavel(e, "ballot", "vote", "SMC011", "Sectigo", "YES", NULL);
	T_CONTAINS(r->err, "recorded, but it does not count");
	T_EQ_INT(db_int("SELECT count(*) FROM vote v JOIN ballot b ON b.id = "
	                "v.ballot WHERE b.number = 11 AND v.value = 'yes'"),
	         1);
	r = t_gavel(e, "ballot", "vote", "SMC011", "Sectigo", "yeah", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "\"yeah\" is not a vote: use yes, no or abstain");
	/* Last: with a role given, the body checks who acts. */
	T_EQ_INT(t_gavel(e, "body", "role", "SMCWG", "Ben Wilson", "Vice-Chair",
	                 NULL)
	                 ->status,
	         0);
	T_CONTAINS(t_gavel(e, "body", "roles", "SMCWG", NULL)->out,
	           "Ben Wilson  vice-chair");
}

const struct t_case body_cli_tests[] = {
        {"rule_readings_are_settings", rule_readings_are_settings},
        {"holiday_moves_results_due", holiday_moves_results_due},
        {"holiday_refusals_change_nothing", holiday_refusals_change_nothing},
        {"cadence_sets_the_next_call", cadence_sets_the_next_call},
        {"malformed_cadence_says_the_shape", malformed_cadence_says_the_shape},
        {"keywords_in_any_case", keywords_in_any_case},
        {NULL, NULL},
};
