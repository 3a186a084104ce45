/* SPDX-License-Identifier: MIT */
/*
 * This file lists every SQL statement core runs after the migrations, as
 * one X-macro: X(NAME, SQL). core/db.h turns it into enum gv__stmt and
 * core/db.c into the text array; each statement is prepared once, on first
 * use, and cached for the life of the connection. Parameters are always
 * bound, never formatted in.
 */
#ifndef GV_CORE_DB_STMT_H
#define GV_CORE_DB_STMT_H

/* The columns of a body, in the order core/roster_body.c reads them. */
#define GV__BODY_COLS                                                          \
	"b.id, b.code, b.name, b.prefix, b.id_width, b.tz, b.list_addr,"       \
	" b.cadence_weeks, b.cadence_weekday, b.cadence_minute,"               \
	" b.cadence_anchor, b.quorum_rule, b.consumer_rule,"                   \
	" b.vote_end_inclusive, b.business_days, b.templates"

#define GV__STMT_LIST(X)                                                       \
	X(EVENT_INSERT,                                                        \
	  "INSERT INTO event (at, actor, body, kind, subject, detail)"         \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")                                  \
	X(BODY_INSERT,                                                         \
	  "INSERT INTO body (code, fold, name, prefix, id_width, tz,"          \
	  " list_addr, cadence_weeks, cadence_weekday, cadence_minute,"        \
	  " cadence_anchor, created_at)"                                       \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")       \
	X(BODY_UPDATE,                                                         \
	  "UPDATE body SET name = ifnull(?2, name), tz = ifnull(?3, tz),"      \
	  " list_addr = ifnull(?4, list_addr),"                                \
	  " templates = ifnull(?5, templates) WHERE id = ?1")                  \
	X(BODY_BY_FOLD,                                                        \
	  "SELECT " GV__BODY_COLS " FROM body b WHERE b.fold = ?1")            \
	X(BODY_LIST, "SELECT " GV__BODY_COLS ","                               \
	             " (SELECT count(*) FROM membership m WHERE m.body = b.id" \
	             "  AND m.until IS NULL AND m.status = 'active'"           \
	             "  AND m.class IN ('issuer', 'consumer')),"               \
	             " (SELECT count(*) FROM membership m WHERE m.body = b.id" \
	             "  AND m.until IS NULL)"                                  \
	             " FROM body b ORDER BY b.fold")                           \
	X(ORG_BY_FOLD, "SELECT id, name FROM org WHERE fold = ?1")             \
	X(ORG_INSERT,                                                          \
	  "INSERT INTO org (name, fold, created_at) VALUES (?1, ?2, ?3)")      \
	X(MEMBERSHIP_CURRENT,                                                  \
	  "SELECT id, class, status, since FROM membership"                    \
	  " WHERE org = ?1 AND body = ?2 AND until IS NULL")                   \
	X(MEMBERSHIP_INSERT,                                                   \
	  "INSERT INTO membership (org, body, class, status, since)"           \
	  " VALUES (?1, ?2, ?3, ?4, ?5)")                                      \
	X(MEMBERSHIP_CLOSE, "UPDATE membership SET until = ?2 WHERE id = ?1")  \
	X(ORG_LIST,                                                            \
	  "SELECT o.id, o.name, b.code, ifnull(m.class, 'unknown'),"           \
	  " ifnull(m.status, 'active'), m.since,"                              \
	  " (SELECT count(*) FROM rep r JOIN person p ON p.id = r.person"      \
	  "  WHERE p.org = o.id AND r.body = m.body AND r.until IS NULL),"     \
	  " (SELECT count(*) FROM person p WHERE p.org = o.id)"                \
	  " FROM org o"                                                        \
	  " LEFT JOIN membership m ON m.org = o.id AND m.until IS NULL"        \
	  " LEFT JOIN body b ON b.id = m.body"                                 \
	  " WHERE (?1 IS NULL OR m.body = ?1) AND (?2 IS NULL OR"              \
	  "  ifnull(m.class, 'unknown') = ?2)"                                 \
	  " ORDER BY b.fold, CASE ifnull(m.class, 'unknown')"                  \
	  "  WHEN 'issuer' THEN 0 WHEN 'consumer' THEN 1"                      \
	  "  WHEN 'probationary' THEN 2 WHEN 'associate' THEN 3"               \
	  "  WHEN 'interested' THEN 4 ELSE 5 END, o.fold")                     \
	X(PERSON_FIND,                                                         \
	  "SELECT id FROM person WHERE fold = ?1 AND ifnull(org, 0) = ?2")     \
	X(PERSON_INSERT,                                                       \
	  "INSERT INTO person (name, fold, org, email, created_at)"            \
	  " VALUES (?1, ?2, ?3, ?4, ?5)")                                      \
	X(REP_INSERT,                                                          \
	  "INSERT INTO rep (person, body, since) VALUES (?1, ?2, ?3)")         \
	X(PERSON_LIST,                                                         \
	  "SELECT p.id, p.name, o.name, p.email,"                              \
	  " (SELECT group_concat(code, ',') FROM (SELECT b.code AS code"       \
	  "  FROM rep r JOIN body b ON b.id = r.body"                          \
	  "  WHERE r.person = p.id AND r.until IS NULL ORDER BY b.fold))"      \
	  " FROM person p LEFT JOIN org o ON o.id = p.org"                     \
	  " WHERE (?1 IS NULL OR p.org = ?1)"                                  \
	  " AND (?2 IS NULL OR EXISTS (SELECT 1 FROM membership m"             \
	  "  WHERE m.org = p.org AND m.body = ?2 AND m.until IS NULL))"        \
	  " AND (?3 = 0 OR EXISTS (SELECT 1 FROM rep r"                        \
	  "  WHERE r.person = p.id AND r.until IS NULL"                        \
	  "  AND (?2 IS NULL OR r.body = ?2)))"                                \
	  " ORDER BY p.fold, o.fold")                                          \
	X(MEETING_INSERT,                                                      \
	  "INSERT INTO meeting (body, starts_at, tz, kind, status,"            \
	  " cancel_reason, title, created_at)"                                 \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")                          \
	X(MEETING_STATUS, "SELECT body, status FROM meeting WHERE id = ?1")    \
	X(MEETING_CANCEL,                                                      \
	  "UPDATE meeting SET status = 'cancelled', cancel_reason = ?2"        \
	  " WHERE id = ?1")                                                    \
	X(PERSON_BY_FOLD, "SELECT id FROM person WHERE fold = ?1")             \
	X(ATTENDANCE_INSERT,                                                   \
	  "INSERT OR IGNORE INTO attendance (meeting, person, org)"            \
	  " SELECT ?1, p.id, p.org FROM person p WHERE p.id = ?2")             \
	X(BALLOT_EXISTS,                                                       \
	  "SELECT 1 FROM ballot WHERE body = ?1 AND number = ?2")              \
	X(ISSUE_EXISTS, "SELECT 1 FROM issue WHERE body = ?1 AND number = ?2") \
	X(ISSUE_INSERT,                                                        \
	  "INSERT INTO issue (body, number, title, state, url, body_md,"       \
	  " author, created_at, updated_at, closed_at)"                        \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)")                  \
	X(BALLOT_INSERT,                                                       \
	  "INSERT INTO ballot (body, number, title, kind, state, proposer,"    \
	  " purpose_md, discussion_ends_at, vote_starts_at, vote_ends_at,"     \
	  " results_at, review_starts_at, review_ends_at, adopted_at,"         \
	  " created_at)"                                                       \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"   \
	  " ?14, ?15)")                                                        \
	X(BALLOT_VERSION_INSERT,                                               \
	  "INSERT INTO ballot_version (ballot, n, posted_at, url)"             \
	  " VALUES (?1, ?2, ?3, ?4)")                                          \
	X(ENDORSEMENT_INSERT,                                                  \
	  "INSERT INTO endorsement (ballot, org, at) VALUES (?1, ?2, ?3)")

#endif
