/* SPDX-License-Identifier: MIT */
/*
 * This file lists the SQL of the notices sent as mail (core/notice.c), a
 * part of core/db_stmt.h's X-macro kept in its own file.
 */
#ifndef GV_CORE_DB_STMT_NOTICE_H
#define GV_CORE_DB_STMT_NOTICE_H

/* Sent notices in the order they went out; within one second in the
 * order of a ballot's life, then by id, so every copy reads one order
 * whatever its row ids. */
#define GV__STMTS_NOTICE(X)                                                    \
	X(NOTICE_INSERT,                                                       \
	  "INSERT INTO ballot_notice (ballot, kind, version, message_id,"      \
	  " sent_at, sent_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")                \
	X(NOTICE_EXISTS,                                                       \
	  "SELECT 1 FROM ballot_notice WHERE ballot = ?1 AND message_id = ?2") \
	X(NOTICE_LIST,                                                         \
	  "SELECT kind, version, message_id, sent_at, sent_by"                 \
	  " FROM ballot_notice WHERE ballot = ?1"                              \
	  " ORDER BY sent_at, version, CASE kind WHEN 'proposal' THEN 0"       \
	  " WHEN 'voting' THEN 1 WHEN 'results' THEN 2 WHEN 'review' THEN 3"   \
	  " ELSE 4 END, message_id")                                           \
	X(PERSON_SET_EMAIL, "UPDATE person SET email = ?2 WHERE id = ?1")

#endif
