/* SPDX-License-Identifier: MIT */
/*
 * This file tests people over time (issue 14): one person who moves
 * between organisations, with the move recorded when a later roll call
 * shows it; a bare name attending for the organisation of that day; the
 * quorum of each meeting counting the organisation as it was; namesakes;
 * a name written family name first; and the history person lists show.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gavel/gavel.h"
#include "harness.h"

/* The S/MIME WG with two issuers and one consumer, its clock at 2025. */
static struct gv_db *
group(void)
{
	struct gv_db *db = t_smcwg_db(t_at("2019-01-01 00:00"));

	if (!db)
		return NULL;
	if (gv_org_add(NULL, db, "Entrust", "SMCWG", GV_CLASS_ISSUER, 0) < 0 ||
	    gv_org_add(NULL, db, "Sectigo", "SMCWG", GV_CLASS_ISSUER, 0) < 0 ||
	    gv_org_add(NULL, db, "Mozilla", "SMCWG", GV_CLASS_CONSUMER, 0) <
	            0) {
		gv_db_free(db);
		return NULL;
	}
	gv_db_set_now(db, t_at("2026-01-01 00:00"));
	return db;
}

static int64_t
meeting_at(struct gv_db *db, const char *when)
{
	struct gv_meeting_spec spec = {0};
	int64_t id = -1;

	spec.body = "SMCWG";
	spec.starts_at = t_at(when);
	spec.bare = 1;
	return gv_meeting_add(&id, db, &spec) < 0 ? -1 : id;
}

/* Records one attendee as written; returns the gv error code. */
static int
attend(struct gv_db *db, int64_t id, const char *who, unsigned flags)
{
	struct gv_roll_call r;
	const char *names[1] = {who};
	int error = gv_meeting_attend(&r, db, id, names, 1, flags);

	gv_roll_call_dispose(&r);
	return error;
}

/* The organisation name attended meeting id for ("" for none), or NULL
 * when they did not attend it. */
static const char *
attended_for(struct gv_db *db, int64_t id, const char *name)
{
	static char org[256];
	struct gv_meeting_detail *m = NULL;
	const char *got = NULL;

	if (gv_meeting_get(&m, db, id) < 0)
		return NULL;
	for (size_t i = 0; i < m->nattendees; i++) {
		if (strcmp(m->attendees[i].name, name))
			continue;
		snprintf(org, sizeof(org), "%s",
		         m->attendees[i].org ? m->attendees[i].org : "");
		got = org;
	}
	gv_meeting_detail_free(m);
	return got;
}

/* The people of a name, with their histories. */
static struct gv_person_list *
people_named(struct gv_db *db, const char *name)
{
	struct gv_person_filter filter = {0};
	struct gv_person_list *list = NULL;

	filter.name = name;
	return gv_person_list(&list, db, &filter) < 0 ? NULL : list;
}

/* Entrust in 2020, Sectigo from 2024: one person, two affiliations; each
 * meeting keeps the organisation of its day, and so does its quorum. */
static void
move_is_one_person_with_history(void)
{
	struct gv_db *db = group();
	struct gv_person_list *list;
	int64_t m2020, m2024;

	T_ASSERT(db != NULL);
	m2020 = meeting_at(db, "2020-03-04 16:00Z");
	m2024 = meeting_at(db, "2024-03-06 16:00Z");
	T_EQ_INT(attend(db, m2020, "Bruce Morton (Entrust)", GV_ATTEND_CREATE),
	         0);
	T_EQ_INT(attend(db, m2024, "Bruce Morton (Sectigo)", 0), 0);
	list = people_named(db, "bruce morton");
	T_ASSERT(list != NULL);
	T_EQ_INT(list->n, 1);
	T_EQ_STR(list->v[0].org, "Sectigo");
	T_EQ_INT(list->v[0].nhistory, 2);
	T_EQ_STR(list->v[0].history[0].org, "Entrust");
	T_EQ_INT(list->v[0].history[0].since, t_at("2020-03-04 16:00"));
	T_EQ_INT(list->v[0].history[0].until, t_at("2024-03-06 16:00"));
	T_EQ_INT(list->v[0].history[0].from_start, 0);
	T_EQ_STR(list->v[0].history[1].org, "Sectigo");
	T_EQ_INT(list->v[0].history[1].until, -1);
	T_EQ_INT(list->v[0].meetings, 2);
	gv_person_list_free(list);
	T_EQ_STR(attended_for(db, m2020, "Bruce Morton"), "Entrust");
	T_EQ_STR(attended_for(db, m2024, "Bruce Morton"), "Sectigo");
	/* Recording the 2020 roll call again moves nobody back. */
	T_EQ_INT(attend(db, m2020, "Bruce Morton (Entrust)", 0), 0);
	list = people_named(db, "Bruce Morton");
	T_ASSERT(list != NULL);
	T_EQ_STR(list->v[0].org, "Sectigo");
	gv_person_list_free(list);
	gv_db_free(db);
}

/* A bare name attends for the organisation of the meeting's day: none
 * before the first meeting that showed one. */
static void
bare_name_takes_the_day_s_organisation(void)
{
	struct gv_db *db = group();
	int64_t m2019, m2020, m2022, m2024, m2025;

	T_ASSERT(db != NULL);
	m2019 = meeting_at(db, "2019-06-05 16:00Z");
	m2020 = meeting_at(db, "2020-03-04 16:00Z");
	m2022 = meeting_at(db, "2022-05-04 16:00Z");
	m2024 = meeting_at(db, "2024-03-06 16:00Z");
	m2025 = meeting_at(db, "2025-01-08 16:00Z");
	T_EQ_INT(attend(db, m2020, "Bruce Morton (Entrust)", GV_ATTEND_CREATE),
	         0);
	T_EQ_INT(attend(db, m2024, "Bruce Morton (Sectigo)", 0), 0);
	T_EQ_INT(attend(db, m2022, "bruce morton", 0), 0);
	T_EQ_INT(attend(db, m2025, "Bruce Morton", 0), 0);
	T_EQ_INT(attend(db, m2019, "Bruce Morton", 0), 0);
	T_EQ_STR(attended_for(db, m2022, "Bruce Morton"), "Entrust");
	T_EQ_STR(attended_for(db, m2025, "Bruce Morton"), "Sectigo");
	T_EQ_STR(attended_for(db, m2019, "Bruce Morton"), "");
	/* Quorum counts each meeting's organisation (BYL 2.3(7)). */
	T_EQ_INT(t_voting_orgs(db, m2022), 1);
	T_EQ_INT(t_voting_orgs(db, m2019), 0);
	gv_db_free(db);
}

/* A person entered by hand holds their organisation from the start: a
 * roll call of an earlier meeting, recorded afterwards, finds it; one
 * that shows another organisation then is earlier history, not a move. */
static void
entered_by_hand_holds_from_the_start(void)
{
	struct gv_person_spec spec = {0};
	struct gv_person_list *list;
	struct gv_db *db = group();
	int64_t m2023, m2025;

	T_ASSERT(db != NULL);
	m2023 = meeting_at(db, "2023-05-10 16:00Z");
	m2025 = meeting_at(db, "2025-12-03 16:00Z");
	spec.name = "Ben Wilson";
	spec.org = "Mozilla";
	T_EQ_INT(gv_person_add(NULL, db, &spec), 0); /* on 2026-01-01 */
	T_EQ_INT(attend(db, m2025, "Ben Wilson", 0), 0);
	T_EQ_STR(attended_for(db, m2025, "Ben Wilson"), "Mozilla");
	T_EQ_INT(attend(db, m2023, "Ben Wilson (Entrust)", 0), 0);
	list = people_named(db, "Ben Wilson");
	T_ASSERT(list != NULL);
	T_EQ_INT(list->n, 1);
	T_EQ_STR(list->v[0].org, "Mozilla");
	T_EQ_INT(list->v[0].nhistory, 2);
	T_EQ_STR(list->v[0].history[0].org, "Entrust");
	T_EQ_INT(list->v[0].history[1].from_start, 0);
	gv_person_list_free(list);
	T_EQ_STR(attended_for(db, m2025, "Ben Wilson"), "Mozilla");
	gv_db_free(db);
}

/* Two people of one name at one meeting are two people; a bare name
 * then matches both and is refused with their organisations named. */
static void
namesakes_stay_apart(void)
{
	const char *names[2] = {"Adam Jones (Entrust)", "Adam Jones (Mozilla)"};
	struct gv_db *db = group();
	struct gv_person_list *list;
	struct gv_roll_call r;
	int64_t m1, m2;

	T_ASSERT(db != NULL);
	m1 = meeting_at(db, "2024-03-06 16:00Z");
	m2 = meeting_at(db, "2024-03-20 16:00Z");
	T_EQ_INT(gv_meeting_attend(&r, db, m1, names, 2, GV_ATTEND_CREATE), 0);
	T_EQ_INT(r.created_people, 2);
	gv_roll_call_dispose(&r);
	list = people_named(db, "Adam Jones");
	T_ASSERT(list != NULL);
	T_EQ_INT(list->n, 2);
	gv_person_list_free(list);
	T_EQ_INT(t_voting_orgs(db, m1), 2);
	T_EQ_INT(attend(db, m2, "Adam Jones", 0), GV_ECONFLICT);
	T_EQ_STR(gv_error_last()->message,
	         "\"Adam Jones\" names 2 people (Entrust; Mozilla): write it "
	         "as Name (Organisation)");
	T_EQ_INT(attend(db, m2, "Adam Jones (Mozilla)", 0), 0);
	T_EQ_STR(attended_for(db, m2, "Adam Jones"), "Mozilla");
	gv_db_free(db);
}

/* "Ono Fumiaki" finds "Fumiaki Ono" when nobody is written that way. */
static void
family_name_first(void)
{
	struct gv_db *db = group();
	struct gv_person_list *list;
	int64_t m1, m2;

	T_ASSERT(db != NULL);
	m1 = meeting_at(db, "2024-03-06 16:00Z");
	m2 = meeting_at(db, "2025-03-26 16:00Z");
	T_EQ_INT(attend(db, m1, "Fumiaki Ono (Sectigo)", GV_ATTEND_CREATE), 0);
	T_EQ_INT(attend(db, m2, "Ono Fumiaki (Sectigo)", 0), 0);
	list = people_named(db, "Fumiaki Ono");
	T_ASSERT(list != NULL);
	T_EQ_INT(list->n, 1);
	T_EQ_INT(list->v[0].meetings, 2);
	gv_person_list_free(list);
	gv_db_free(db);
}

const struct t_case affiliation_tests[] = {
        {"move_is_one_person_with_history", move_is_one_person_with_history},
        {"bare_name_takes_the_day_s_organisation",
         bare_name_takes_the_day_s_organisation},
        {"entered_by_hand_holds_from_the_start",
         entered_by_hand_holds_from_the_start},
        {"namesakes_stay_apart", namesakes_stay_apart},
        {"family_name_first", family_name_first},
        {NULL, NULL},
};
