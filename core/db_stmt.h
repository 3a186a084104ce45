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

#include "db_stmt_digest.h"
#include "db_stmt_holiday.h"
#include "db_rows.h"
#include "db_stmt_issue.h"
#include "db_stmt_live.h"
#include "db_stmt_meeting.h"
#include "db_stmt_notice.h"
#include "db_stmt_op.h"
#include "db_stmt_person.h"
#include "db_stmt_sync.h"

#define GV__STMT_LIST(X)                                                       \
	/* A statement's own savepoint (gv__db_begin inside a transaction):    \
	 * prepared once, where sqlite3_exec parsed it 24,000 times a sync. */ \
	X(SAVEPOINT, "SAVEPOINT gv")                                           \
	X(RELEASE, "RELEASE gv")                                               \
	GV__STMT_ISSUE_LIST(X)                                                 \
	GV__STMT_MEETING_RECORD(X)                                             \
	GV__STMT_PEOPLE(X)                                                     \
	GV__STMTS_HOLIDAY(X)                                                   \
	GV__STMTS_NOTICE(X)                                                    \
	GV__STMTS_OP(X)                                                        \
	GV__STMTS_SYNC(X)                                                      \
	GV__STMTS_DIGEST(X)                                                    \
	GV__STMTS_LIVE(X)                                                      \
	X(BODY_INSERT,                                                         \
	  "INSERT INTO body (code, fold, name, prefix, id_width, tz,"          \
	  " list_addr, cadence_weeks, cadence_weekday, cadence_minute,"        \
	  " cadence_anchor, created_at, tag)"                                  \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")  \
	X(BODY_UPDATE,                                                         \
	  "UPDATE body SET name = ifnull(?2, name), tz = ifnull(?3, tz),"      \
	  " list_addr = ifnull(?4, list_addr),"                                \
	  " allowed_signers = ifnull(?5, allowed_signers),"                    \
	  " require_signed = ifnull(?11, require_signed),"                     \
	  " tag = ifnull(?6, tag),"                                            \
	  " cadence_weeks = CASE WHEN ?7 IS NULL THEN cadence_weeks"           \
	  "  WHEN ?7 = 0 THEN NULL ELSE ?7 END,"                               \
	  " cadence_weekday = ifnull(?8, cadence_weekday),"                    \
	  " cadence_minute = ifnull(?9, cadence_minute),"                      \
	  " cadence_anchor = ifnull(?10, cadence_anchor),"                     \
	  " quorum_rule = ifnull(?12, quorum_rule),"                           \
	  " consumer_rule = ifnull(?13, consumer_rule),"                       \
	  " vote_end_inclusive = ifnull(?14, vote_end_inclusive),"             \
	  " quorum_at = ifnull(?15, quorum_at),"                               \
	  " min_meetings = ifnull(?16, min_meetings) WHERE id = ?1")           \
	X(BODY_BY_FOLD,                                                        \
	  GV__SELECT(GV__BODY_COLUMNS) " FROM body b WHERE b.fold = ?1")       \
	X(BODY_KEY, "SELECT id, code FROM body WHERE fold = ?1")               \
	X(BODY_LIST,                                                           \
	  GV__SELECT(GV__BODY_LIST_COLUMNS) " FROM body b ORDER BY b.fold")    \
	X(ORG_BY_FOLD, "SELECT id FROM org WHERE fold = ?1")                   \
	X(ORG_INSERT,                                                          \
	  "INSERT INTO org (name, fold, created_at) VALUES (?1, ?2, ?3)")      \
	X(MEMBERSHIP_CURRENT,                                                  \
	  "SELECT id, class, status, since FROM membership"                    \
	  " WHERE org = ?1 AND body = ?2 AND until IS NULL")                   \
	X(MEMBERSHIP_INSERT,                                                   \
	  "INSERT INTO membership (org, body, class, status, since)"           \
	  " VALUES (?1, ?2, ?3, ?4, ?5)")                                      \
	X(MEMBERSHIP_CLOSE, "UPDATE membership SET until = ?2 WHERE id = ?1")  \
	X(MEMBERSHIP_CLASSIFY,                                                 \
	  "UPDATE membership SET class = ?2 WHERE id = ?1")                    \
	X(ORG_LIST,                                                            \
	  GV__SELECT(GV__ORG_COLUMNS) " FROM org o"                            \
	                              " LEFT JOIN membership m ON m.org = "    \
	                              "o.id AND m.until IS NULL"               \
	                              " LEFT JOIN body b ON b.id = m.body"     \
	                              " WHERE (?1 IS NULL OR m.body = ?1) "    \
	                              "AND (?2 IS NULL OR"                     \
	                              "  ifnull(m.class, 'unknown') = ?2)"     \
	                              " ORDER BY b.fold, CASE "                \
	                              "ifnull(m.class, 'unknown')"             \
	                              "  WHEN 'issuer' THEN 0 WHEN "           \
	                              "'consumer' THEN 1"                      \
	                              "  WHEN 'probationary' THEN 2 WHEN "     \
	                              "'associate' THEN 3"                     \
	                              "  WHEN 'interested' THEN 4 ELSE 5 "     \
	                              "END, o.name COLLATE gv_name")           \
	X(PERSON_FIND,                                                         \
	  "SELECT id FROM person WHERE fold = ?1 AND ifnull(org, 0) = ?2")     \
	X(PERSON_INSERT,                                                       \
	  "INSERT INTO person (name, fold, org, email, created_at)"            \
	  " VALUES (?1, ?2, ?3, ?4, ?5)")                                      \
	X(REP_INSERT,                                                          \
	  "INSERT INTO rep (person, body, since) VALUES (?1, ?2, ?3)")         \
	X(MEETING_INSERT,                                                      \
	  "INSERT INTO meeting (body, starts_at, tz, kind, status,"            \
	  " cancel_reason, title, subcommittee, created_at)"                   \
	  " VALUES (?1, ?2, ?3, ?4, 'scheduled', NULL, ?5, ?6, ?7)")           \
	X(MEETING_STATUS,                                                      \
	  "SELECT body, status, starts_at FROM meeting WHERE id = ?1")         \
	X(MEETING_CANCEL,                                                      \
	  "UPDATE meeting SET status = 'cancelled', cancel_reason = ?2"        \
	  " WHERE id = ?1")                                                    \
	X(MEETING_SET_TAKER,                                                   \
	  "UPDATE meeting SET minute_taker = ?2 WHERE id = ?1")                \
	X(MINUTES_APPROVE,                                                     \
	  "UPDATE meeting SET minutes_state = 'approved', approved_in = ?2,"   \
	  " approved_at = ?3 WHERE id = ?1")                                   \
	X(MINUTES_DRAFTED, "UPDATE meeting SET drafted_at = ?2 WHERE id = ?1") \
	X(MEETING_LIST,                                                        \
	  GV__SELECT(                                                          \
	          GV__MEETING_COLUMNS) " FROM meeting m"                       \
	                               " JOIN body b ON b.id = m.body LEFT "   \
	                               "JOIN person t"                         \
	                               " ON t.id = m.minute_taker"             \
	                               " WHERE (?1 IS NULL OR m.body = ?1)"    \
	                               " AND (?2 IS NULL OR m.id IN (SELECT "  \
	                               "a.meeting FROM agenda_item a"          \
	                               "  JOIN agenda_link l ON l.item = "     \
	                               "a.id JOIN issue i"                     \
	                               "  ON i.id = l.issue WHERE i.number = " \
	                               "?2"                                    \
	                               "  AND (?1 IS NULL OR i.body = ?1)"     \
	                               "  UNION SELECT n.meeting FROM "        \
	                               "issue_note n JOIN issue i"             \
	                               "  ON i.id = n.issue WHERE i.number = " \
	                               "?2"                                    \
	                               "  AND (?1 IS NULL OR i.body = ?1)"     \
	                               "  UNION SELECT l.meeting FROM "        \
	                               "issue_link l JOIN issue i"             \
	                               "  ON i.id = l.issue WHERE i.number = " \
	                               "?2"                                    \
	                               "  AND (?1 IS NULL OR i.body = ?1)))"   \
	                               " AND (?3 IS NULL OR m.id IN (SELECT "  \
	                               "a.meeting FROM agenda_item a"          \
	                               "  JOIN agenda_link l ON l.item = "     \
	                               "a.id WHERE l.ballot = ?3))"            \
	                               " AND (?5 IS NULL OR m.id = ?5)"        \
	                               " ORDER BY m.starts_at, m.id")          \
	/* One meeting by its key (?5; ?4 the clock, as in the list):          \
	 * MEETING_LIST's "?5 IS NULL OR" reads every meeting, for each        \
	 * agenda note a sync applies. */                                      \
	X(MEETING_BY_ID,                                                       \
	  GV__SELECT(GV__MEETING_COLUMNS) " FROM meeting m JOIN body b ON "    \
	                                  "b.id = m.body"                      \
	                                  " LEFT JOIN person t ON t.id = "     \
	                                  "m.minute_taker WHERE m.id = ?5")    \
	X(MEETING_HEAD,                                                        \
	  "SELECT b.code, b.id, m.starts_at, m.status = 'cancelled', m.tz"     \
	  " FROM meeting m JOIN body b ON b.id = m.body WHERE m.id = ?1")      \
	X(MEETING_ATTENDEES,                                                   \
	  "SELECT p.name, o.name, ifnull(ms.class, 'unknown'),"                \
	  " ifnull(ms.status = 'active'"                                       \
	  "  AND ms.class IN ('issuer', 'consumer'), 0)"                       \
	  " FROM attendance a JOIN meeting m ON m.id = a.meeting"              \
	  " JOIN person p ON p.id = a.person LEFT JOIN org o ON o.id = a.org"  \
	  " LEFT JOIN membership ms ON ms.org = a.org AND ms.body = m.body"    \
	  "  AND ms.since <= m.starts_at"                                      \
	  "  AND (ms.until IS NULL OR m.starts_at < ms.until)"                 \
	  " WHERE a.meeting = ?1"                                              \
	  " ORDER BY p.name COLLATE gv_name, o.name COLLATE gv_name")          \
	X(MEETING_APPROVES, "SELECT id FROM meeting WHERE approved_in = ?1 "   \
	                    "AND approved_at <= ?2"                            \
	                    " ORDER BY starts_at")                             \
	X(MEETING_TEXT,                                                        \
	  "SELECT minutes_md, source FROM meeting WHERE id = ?1")              \
	X(MEETING_NEXT_SCHEDULED,                                              \
	  "SELECT id, starts_at FROM meeting WHERE body = ?1"                  \
	  " AND status != 'cancelled' AND subcommittee IS NULL"                \
	  " AND starts_at > ?2 ORDER BY starts_at LIMIT 1")                    \
	X(MEETING_AT_SLOT, "SELECT id, status FROM meeting WHERE body = ?1"    \
	                   " AND subcommittee IS NULL"                         \
	                   " AND starts_at BETWEEN ?2 - 43200 AND ?2 + 43200"  \
	                   " ORDER BY status = 'cancelled' DESC LIMIT 1")      \
	X(BASELINE_MEETINGS,                                                   \
	  "SELECT m.id, m.starts_at, " GV__VOTING_PRESENT ","                  \
	  " (SELECT count(*) FROM attendance a WHERE a.meeting = m.id)"        \
	  " FROM meeting m WHERE m.body = ?1 AND m.status != 'cancelled'"      \
	  " AND m.subcommittee IS NULL AND m.starts_at < ?2"                   \
	  " AND m.starts_at <= ?3 ORDER BY m.starts_at DESC")                  \
	X(MEETING_ON_DAY,                                                      \
	  "SELECT id FROM meeting WHERE body = ?1 AND starts_at >= ?2"         \
	  " AND starts_at < ?3 AND ifnull(subcommittee, '') = ifnull(?4, '')"  \
	  " ORDER BY id LIMIT 1")                                              \
	X(MEETING_SET_TEXT,                                                    \
	  "UPDATE meeting SET minutes_md = ?2, source = ?3, title = ?4,"       \
	  " kind = ?5 WHERE id = ?1")                                          \
	X(ATTENDANCE_CLEAR, "DELETE FROM attendance WHERE meeting = ?1")       \
	X(ATTENDANCE_SEEN,                                                     \
	  "SELECT count(*), ifnull(group_concat(x, char(10)), '') FROM"        \
	  " (SELECT p.fold || ' (' || ifnull(o.fold, '') || ')' AS x"          \
	  " FROM attendance a JOIN person p ON p.id = a.person"                \
	  " LEFT JOIN org o ON o.id = a.org WHERE a.meeting = ?1 ORDER BY x)") \
	X(ATTENDANCE_HAS, "SELECT 1 FROM attendance"                           \
	                  " WHERE meeting = ?1 AND person = ?2")               \
	X(ATTENDANCE_DELETE,                                                   \
	  "DELETE FROM attendance WHERE meeting = ?1 AND person = ?2")         \
	/* Without RETURNING, which makes SQLite build a table for the row:    \
	 * ITEM_POS reads the position when the caller wants it. */            \
	X(ITEM_INSERT,                                                         \
	  "INSERT INTO agenda_item (meeting, pos, title, role)"                \
	  " VALUES (?1, (SELECT ifnull(max(pos), 0) + 1 FROM agenda_item"      \
	  " WHERE meeting = ?1), ?2, ?3)")                                     \
	X(ITEM_POS, "SELECT pos FROM agenda_item WHERE id = ?1")               \
	/* Makes room at position ?2: the items from it move down one, in      \
	 * two steps so that no two share a position meanwhile. */             \
	X(ITEM_SHIFT_OUT, "UPDATE agenda_item SET pos = -pos - 1"              \
	                  " WHERE meeting = ?1 AND pos >= ?2")                 \
	X(ITEM_SHIFT_IN, "UPDATE agenda_item SET pos = -pos"                   \
	                 " WHERE meeting = ?1 AND pos < 0")                    \
	X(ITEM_INSERT_AT,                                                      \
	  "INSERT INTO agenda_item (meeting, pos, title, role)"                \
	  " VALUES (?1, ?2, ?3, ?4)")                                          \
	X(ITEM_LIST,                                                           \
	  "SELECT a.id, a.pos, a.title, a.role, a.notes_md,"                   \
	  " (SELECT group_concat(x, ', ') FROM ("                              \
	  "  SELECT '#' || i.number AS x FROM agenda_link l JOIN issue i"      \
	  "  ON i.id = l.issue WHERE l.item = a.id UNION ALL"                  \
	  "  SELECT b.prefix || printf('%0*d', b.id_width, bl.number)"         \
	  "  FROM agenda_link l JOIN ballot bl ON bl.id = l.ballot"            \
	  "  JOIN body b ON b.id = bl.body WHERE l.item = a.id))"              \
	  " FROM agenda_item a WHERE a.meeting = ?1 ORDER BY a.pos")           \
	X(ITEM_TITLES, "SELECT pos, title, id FROM agenda_item"                \
	               " WHERE meeting = ?1 ORDER BY pos")                     \
	X(ITEM_NOTE,                                                           \
	  "UPDATE agenda_item SET notes_md = CASE WHEN ifnull(notes_md, '')"   \
	  " = '' THEN ?2 ELSE notes_md || char(10) || char(10) || ?2 END"      \
	  " WHERE id = ?1")                                                    \
	X(LINK_INSERT,                                                         \
	  "INSERT INTO agenda_link (item, issue, ballot) VALUES (?1, ?2, ?3)") \
	X(BALLOT_GET,                                                          \
	  GV__SELECT(GV__BALLOT_COLUMNS) " FROM ballot bl"                     \
	                                 " JOIN body b ON b.id = bl.body "     \
	                                 "LEFT JOIN org o ON "                 \
	                                 "o.id = bl.proposer"                  \
	                                 " WHERE bl.id = ?1")                  \
	/* ?2: the exclusion notices received by then are counted. */          \
	X(BALLOT_LIST_ALL,                                                     \
	  "SELECT bl.id FROM ballot bl JOIN body b ON b.id = bl.body"          \
	  " WHERE ?1 IS NULL OR bl.body = ?1 ORDER BY b.fold, bl.number")      \
	X(BALLOT_ENDORSERS,                                                    \
	  "SELECT o.name FROM endorsement e JOIN org o ON o.id = e.org"        \
	  " WHERE e.ballot = ?1 AND e.at <= ?2 ORDER BY e.at, o.fold")         \
	/* The acts of ballot ?2 (its number) of body ?1 by ?3 that its row    \
	 * does not keep once a later act clears them (core/ballot_past.c).    \
	 */                                                                    \
	X(BALLOT_ACTS_LOGGED,                                                  \
	  "SELECT kind, at, json_extract(text, '$.data.until') FROM op"        \
	  " WHERE (kind = 'ballot.open-vote' OR kind = 'ballot.withdraw'"      \
	  " OR kind = 'ballot.discuss') AND status = 'applied' AND at <= ?3"   \
	  " AND part = ?1 COLLATE NOCASE"                                      \
	  " AND json_extract(text, '$.data.ballot') = ?2 ORDER BY at")         \
	X(BALLOT_ENDORSED,                                                     \
	  "SELECT 1 FROM endorsement WHERE ballot = ?1 AND org = ?2")          \
	X(BALLOT_VERSIONS,                                                     \
	  "SELECT n, posted_at, url, hash, repo, base_oid, head_oid,"          \
	  " text_md IS NOT NULL FROM ballot_version WHERE ballot = ?1"         \
	  " ORDER BY n")                                                       \
	X(BALLOT_VERSION_TEXT,                                                 \
	  "SELECT text_md FROM ballot_version WHERE ballot = ?1 AND n = ?2")   \
	X(BALLOT_SET, "UPDATE ballot SET title = ifnull(?2, title),"           \
	              " purpose_md = CASE WHEN ?3 IS NULL THEN purpose_md"     \
	              " ELSE nullif(?3, '') END WHERE id = ?1")                \
	X(BALLOT_NEXT_NUMBER,                                                  \
	  "SELECT ifnull(max(number), 0) + 1 FROM ballot WHERE body = ?1")     \
	X(BALLOT_NEW,                                                          \
	  "INSERT INTO ballot (body, number, title, kind, state, proposer,"    \
	  " created_at, purpose_md, made_by) VALUES (?1, ?2, ?3, ?4, 'draft'," \
	  " ?5, ?6, ?7, ?8)")                                                  \
	/* The ballot an operation made, by its number; and the reverse. */    \
	X(BALLOT_MADE_BY,                                                      \
	  "SELECT b.prefix, b.id_width, l.number FROM ballot l JOIN body b"    \
	  " ON b.id = l.body WHERE l.made_by = ?1")                            \
	X(BALLOT_MADE_OF, "SELECT made_by FROM ballot WHERE id = ?1")          \
	X(BALLOT_VERSION_ADD,                                                  \
	  "INSERT INTO ballot_version (ballot, n, posted_at, url, text_md,"    \
	  " hash) VALUES (?1, (SELECT ifnull(max(n), 0) + 1 FROM"              \
	  " ballot_version WHERE ballot = ?1), ?2, ?3, ?4, ?5)")               \
	X(BALLOT_SAVE,                                                         \
	  "UPDATE ballot SET state = ?2, proposed_at = ?3,"                    \
	  " discussion_ends_at = ?4, vote_starts_at = ?5, vote_ends_at = ?6,"  \
	  " results_at = ?7, review_starts_at = ?8, review_ends_at = ?9,"      \
	  " withdrawn_at = ?10, cancelled_at = ?11, result = ?12,"             \
	  " adopted_at = ?13 WHERE id = ?1")                                   \
	X(BALLOT_SET_QUORUM,                                                   \
	  "UPDATE ballot SET quorum_published = ?2, quorum_source = ?3"        \
	  " WHERE id = ?1")                                                    \
	X(BALLOT_QUORUM_CLEAR, "DELETE FROM ballot_quorum WHERE ballot = ?1")  \
	X(BALLOT_QUORUM_ADD,                                                   \
	  "INSERT INTO ballot_quorum (ballot, meeting, present)"               \
	  " VALUES (?1, ?2, ?3)")                                              \
	X(BALLOT_QUORUM_GET,                                                   \
	  "SELECT q.meeting, q.present FROM ballot_quorum q"                   \
	  " JOIN meeting m ON m.id = q.meeting WHERE q.ballot = ?1"            \
	  " ORDER BY m.starts_at DESC")                                        \
	X(VOTE_INSERT,                                                         \
	  "INSERT INTO vote (ballot, org, value, cast_at, source, valid,"      \
	  " reason, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")     \
	/* What a vote reads of its ballot (core/ballot_tally.c). */           \
	X(VOTE_BALLOT,                                                         \
	  "SELECT b.code, b.prefix, b.id_width, bl.number, bl.body,"           \
	  " bl.vote_starts_at, bl.vote_ends_at, bl.withdrawn_at,"              \
	  " b.vote_end_inclusive FROM ballot bl JOIN body b ON b.id = bl.body" \
	  " WHERE bl.id = ?1")                                                 \
	/* An organisation's votes on a ballot, the latest first (the index    \
	 * holds them so), each with whether it came from source ?3. */        \
	X(VOTE_SEEN,                                                           \
	  "SELECT value, source = ?3 FROM vote WHERE ballot = ?1 AND org = ?2" \
	  " ORDER BY cast_at DESC, id DESC")                                   \
	/* The sources of a ballot's votes: messages recorded already. */      \
	X(VOTE_SOURCES, "SELECT DISTINCT source FROM vote WHERE ballot = ?1"   \
	                " AND source IS NOT NULL")                             \
	X(VOTE_LEDGER,                                                         \
	  "SELECT v.org, o.name, v.value, v.cast_at, v.source FROM vote v"     \
	  " JOIN org o ON o.id = v.org WHERE v.ballot = ?1"                    \
	  " ORDER BY v.cast_at, v.id")                                         \
	/* The row in force at ?3: the latest begun by then and not ended,     \
	 * read backwards off membership_since (schema v13). */                \
	X(MEMBERSHIP_AT,                                                       \
	  "SELECT class, status FROM membership WHERE org = ?1 AND body = ?2"  \
	  " AND since <= ?3 AND (until IS NULL OR ?3 < until)"                 \
	  " ORDER BY since DESC LIMIT 1")                                      \
	X(MEETINGS_HELD_BEFORE,                                                \
	  "SELECT count(*) FROM meeting m WHERE m.body = ?1"                   \
	  " AND m.status != 'cancelled' AND m.subcommittee IS NULL"            \
	  " AND m.starts_at < ?2 AND m.starts_at <= ?3 AND EXISTS"             \
	  " (SELECT 1 FROM attendance a WHERE a.meeting = m.id)")              \
	X(EXCLUSION_INSERT,                                                    \
	  "INSERT INTO exclusion_notice (ballot, org, received_at, body_md)"   \
	  " VALUES (?1, ?2, ?3, ?4)")                                          \
	X(VERSION_PIN,                                                         \
	  "UPDATE ballot_version SET repo = ?2, base_oid = ?3, head_oid = ?4"  \
	  " WHERE ballot = ?1 AND n = ?5 RETURNING id")                        \
	X(VERSION_FILE_ADD,                                                    \
	  "INSERT INTO ballot_version_file (version, path, base_blob,"         \
	  " head_blob) VALUES (?1, ?2, ?3, ?4)")                               \
	X(VERSION_PINNED,                                                      \
	  "SELECT v.id, v.n, v.repo, v.base_oid, v.head_oid FROM"              \
	  " ballot_version v WHERE v.ballot = ?1 AND v.repo IS NOT NULL"       \
	  " AND (?2 = 0 OR v.n = ?2) ORDER BY v.n DESC LIMIT 1")               \
	/* The pinned version at head ?3: number ?2 if it is, else the         \
	 * latest. */                                                          \
	X(VERSION_PINNED_AT,                                                   \
	  "SELECT v.id, v.n, v.repo, v.base_oid, v.head_oid FROM"              \
	  " ballot_version v WHERE v.ballot = ?1 AND v.repo IS NOT NULL"       \
	  " AND v.head_oid = ?3 ORDER BY v.n = ?2 DESC, v.n DESC LIMIT 1")     \
	X(VERSION_FILES,                                                       \
	  "SELECT path, base_blob, head_blob FROM ballot_version_file"         \
	  " WHERE version = ?1 ORDER BY path")                                 \
	X(REVIEW_ADD,                                                          \
	  "INSERT INTO review_note (version, path, line, line_hash, author,"   \
	  " body_md, created_at, private)"                                     \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")                          \
	X(REVIEW_LIST,                                                         \
	  "SELECT r.id, v.n, r.path, r.line, r.line_hash, r.author,"           \
	  " r.body_md, r.created_at FROM review_note r JOIN ballot_version v"  \
	  " ON v.id = r.version WHERE v.ballot = ?1 ORDER BY r.path, r.line")  \
	/* The body whose prefix is ?1; its ballot ?2, or NULL. */             \
	X(BALLOT_BY_PREFIX,                                                    \
	  "SELECT b.code, bl.id FROM body b LEFT JOIN ballot bl"               \
	  " ON bl.body = b.id AND bl.number = ?2"                              \
	  " WHERE upper(b.prefix) = upper(?1)")                                \
	X(BALLOT_EXISTS,                                                       \
	  "SELECT 1 FROM ballot WHERE body = ?1 AND number = ?2")              \
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
	  "INSERT INTO endorsement (ballot, org, at) VALUES (?1, ?2, ?3)")     \
	X(HOLIDAY_ON, "SELECT 1 FROM holiday WHERE body = ?1 AND day = ?2")

#endif
