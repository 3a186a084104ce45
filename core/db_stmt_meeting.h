/* SPDX-License-Identifier: MIT */
/*
 * This file lists the SQL of a meeting's record: the meeting already at
 * a start (core/meeting.c), and the issues and ballots it discussed, as
 * its minutes list them (core/view_minutes.c). A part of core/db_stmt.h's
 * X-macro kept in its own file.
 */
#ifndef GV_CORE_DB_STMT_MEETING_H
#define GV_CORE_DB_STMT_MEETING_H

#define GV__STMT_MEETING_RECORD(X)                                             \
	/* The same body (and subcommittee) meeting at the same start. */      \
	X(MEETING_KEY,                                                         \
	  "SELECT b.code, m.starts_at, m.subcommittee FROM meeting m"          \
	  " JOIN body b ON b.id = m.body WHERE m.id = ?1")                     \
	X(MEETING_BY_KEY,                                                      \
	  "SELECT m.id FROM meeting m JOIN body b ON b.id = m.body"            \
	  " WHERE b.fold = ?1 AND m.starts_at = ?2"                            \
	  " AND ifnull(m.subcommittee, '') = ifnull(?3, '')"                   \
	  " ORDER BY m.id LIMIT 1")                                            \
	X(MEETING_AT_START,                                                    \
	  "SELECT id, status FROM meeting WHERE body = ?1 AND starts_at = ?2"  \
	  " AND ifnull(subcommittee, '') = ifnull(?3, '')"                     \
	  " ORDER BY id LIMIT 1")                                              \
	/* Issues linked to an agenda item (placed 0, by position), then to    \
	 * the meeting itself (placed 1: `issue link N --meeting ID`). */      \
	X(MINUTES_ISSUES,                                                      \
	  "SELECT 0, a.pos, min(l.rowid), i.number, i.title, i.url, i.state"   \
	  " FROM agenda_link l JOIN agenda_item a ON a.id = l.item"            \
	  " JOIN issue i ON i.id = l.issue WHERE a.meeting = ?1"               \
	  " GROUP BY a.pos, i.id"                                              \
	  " UNION ALL SELECT 1, NULL, l.id, i.number, i.title, i.url, i.state" \
	  " FROM issue_link l JOIN issue i ON i.id = l.issue"                  \
	  " WHERE l.meeting = ?1 AND l.kind = 'meeting' ORDER BY 1, 2, 3")     \
	/* Ballots linked to an agenda item, by position. */                   \
	X(MINUTES_BALLOTS,                                                     \
	  "SELECT a.pos, l.ballot FROM agenda_link l JOIN agenda_item a"       \
	  " ON a.id = l.item WHERE a.meeting = ?1 AND l.ballot IS NOT NULL"    \
	  " GROUP BY a.pos, l.ballot ORDER BY a.pos, min(l.rowid)")

#endif
