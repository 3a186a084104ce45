/* SPDX-License-Identifier: MIT */
/*
 * This file lists the SQL of a meeting's record (core/meeting.c): the
 * meeting already at a start. A part of core/db_stmt.h's X-macro kept in
 * its own file.
 */
#ifndef GV_CORE_DB_STMT_MEETING_H
#define GV_CORE_DB_STMT_MEETING_H

#define GV__STMT_MEETING_RECORD(X)                                             \
	/* The same body (and subcommittee) meeting at the same start. */      \
	X(MEETING_AT_START,                                                    \
	  "SELECT id, status FROM meeting WHERE body = ?1 AND starts_at = ?2"  \
	  " AND ifnull(subcommittee, '') = ifnull(?3, '')"                     \
	  " ORDER BY id LIMIT 1")

#endif
