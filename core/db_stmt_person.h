/* SPDX-License-Identifier: MIT */
/*
 * This file lists the SQL of people, their affiliations over time and the
 * roll call (core/person.c, core/affiliation.c, core/roll_call.c), a part
 * of core/db_stmt.h's X-macro kept in its own file.
 */
#ifndef GV_CORE_DB_STMT_PERSON_H
#define GV_CORE_DB_STMT_PERSON_H

#define GV__STMT_PEOPLE(X)                                                     \
	X(PERSON_LIST,                                                         \
	  GV__SELECT(GV__PERSON_COLUMNS) " FROM person p LEFT JOIN org o ON "  \
	                                 "o.id = p.org"                        \
	                                 " WHERE (?1 IS NULL OR p.org = ?1)"   \
	                                 " AND (?2 IS NULL OR EXISTS (SELECT " \
	                                 "1 FROM membership m"                 \
	                                 "  WHERE m.org = p.org AND m.body = " \
	                                 "?2 AND m.until IS NULL))"            \
	                                 " AND (?3 = 0 OR EXISTS (SELECT 1 "   \
	                                 "FROM rep r"                          \
	                                 "  WHERE r.person = p.id AND "        \
	                                 "r.until IS NULL"                     \
	                                 "  AND (?2 IS NULL OR r.body = ?2)))" \
	                                 " AND (?4 IS NULL OR p.fold = ?4)"    \
	                                 " ORDER BY p.name COLLATE gv_name, "  \
	                                 "o.name COLLATE gv_name, p.id")       \
	/* People of a name, with their organisation now. */                   \
	X(PERSON_NAMED,                                                        \
	  "SELECT p.id, o.name FROM person p LEFT JOIN org o ON o.id = p.org"  \
	  " WHERE p.fold = ?1 ORDER BY p.id")                                  \
	/* Addresses (core/person_email.c): whose an address is. */            \
	X(PERSON_EMAIL_OWNER,                                                  \
	  "SELECT p.id, p.name FROM person_email e JOIN person p"              \
	  " ON p.id = e.person WHERE e.fold = ?1 ORDER BY p.id LIMIT 1")       \
	X(PERSON_EMAIL_INSERT, "INSERT INTO person_email (person, email, "     \
	                       "fold) VALUES (?1, ?2, ?3)")                    \
	X(PERSON_EMAIL_DELETE,                                                 \
	  "DELETE FROM person_email WHERE person = ?1 AND fold = ?2")          \
	X(PERSON_EMAIL_FIRST, "SELECT email FROM person WHERE id = ?1")        \
	/* A sender (core/vote_sender.c): the people of an address, and        \
	 * whether each was a voting representative in body ?2 at ?3: until    \
	 * their term ended; from its start only for a term after an ended     \
	 * one (a first is often entered after the votes it covers).  */       \
	X(PERSON_SENDER,                                                       \
	  "SELECT p.id, p.name, EXISTS (SELECT 1 FROM rep r"                   \
	  "  WHERE r.person = p.id AND r.body = ?2"                            \
	  "  AND (r.until IS NULL OR ?3 < r.until)"                            \
	  "  AND (r.since <= ?3 OR NOT EXISTS (SELECT 1 FROM rep e"            \
	  "   WHERE e.person = r.person AND e.body = r.body"                   \
	  "   AND e.since < r.since AND e.until <= r.since)))"                 \
	  " FROM person_email e JOIN person p ON p.id = e.person"              \
	  " WHERE e.fold = ?1 ORDER BY p.id")                                  \
	/* A person's organisation now (core/person.c). */                     \
	X(PERSON_ORG_OF,                                                       \
	  "SELECT p.org, o.name FROM person p LEFT JOIN org o ON o.id = p.org" \
	  " WHERE p.id = ?1")                                                  \
	/* Person ?1's term in body ?2 now (its start, or NULL), and when      \
	 * their last one ended. */                                            \
	X(REP_SPAN,                                                            \
	  "SELECT (SELECT since FROM rep WHERE person = ?1 AND body = ?2"      \
	  "  AND until IS NULL),"                                              \
	  " (SELECT max(until) FROM rep WHERE person = ?1 AND body = ?2)")     \
	X(REP_END, "UPDATE rep SET until = ?3 WHERE person = ?1 AND body = ?2" \
	           " AND until IS NULL")                                       \
	X(ORG_NAME, "SELECT name FROM org WHERE id = ?1")                      \
	X(PERSON_EMAIL_LEGACY,                                                 \
	  "INSERT INTO person_email (person, email, fold)"                     \
	  " SELECT id, email, lower(email) FROM person"                        \
	  " WHERE email IS NOT NULL ORDER BY id")                              \
	X(PERSON_SET_ORG, "UPDATE person SET org = ?2 WHERE id = ?1")          \
	X(AFFILIATION_LOAD,                                                    \
	  "SELECT org, since, from_start FROM affiliation WHERE person = ?1"   \
	  " ORDER BY since, id")                                               \
	X(AFFILIATION_CLEAR, "DELETE FROM affiliation WHERE person = ?1")      \
	X(AFFILIATION_INSERT,                                                  \
	  "INSERT INTO affiliation (person, org, since, until, from_start)"    \
	  " VALUES (?1, ?2, ?3, ?4, ?5)")                                      \
	/* The people of a name for a roll call (core/roll_call.c): each with  \
	 * their organisation now and whether they were ever with org ?2, in   \
	 * the index's order (the roll call orders them by id). */             \
	X(ROLL_NAMESAKES,                                                      \
	  "SELECT p.id, o.name, EXISTS (SELECT 1 FROM affiliation f"           \
	  " WHERE f.person = p.id AND f.org = ?2) FROM person p"               \
	  " LEFT JOIN org o ON o.id = p.org WHERE p.fold = ?1")                \
	X(AFFILIATION_HISTORY,                                                 \
	  "SELECT o.name, a.since, a.until, a.from_start FROM affiliation a"   \
	  " JOIN org o ON o.id = a.org WHERE a.person = ?1"                    \
	  " ORDER BY a.since, a.id")                                           \
	/* The organisation is the one they attended for, that day. Two        \
	 * statements, not an upsert: SQLite copies every page an upsert       \
	 * writes to a statement journal of its own, 2 % of the instructions   \
	 * of a sync of 10,000 operations with 300 roll calls                  \
	 * (bench/README.md). */                                               \
	X(ATTENDANCE_ADD,                                                      \
	  "INSERT INTO attendance (meeting, person, org) VALUES (?1, ?2, ?3)") \
	X(ATTENDANCE_ORG,                                                      \
	  "UPDATE attendance SET org = ?3 WHERE meeting = ?1 AND person = ?2")

#endif
