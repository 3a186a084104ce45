/* SPDX-License-Identifier: MIT */
/*
 * This file lists the SQL of the operation log (core/op*.c), a part of
 * core/db_stmt.h's X-macro kept in its own file. The log's one order is
 * (lamport, actor, id), the op_order index.
 */
#ifndef GV_CORE_DB_STMT_OP_H
#define GV_CORE_DB_STMT_OP_H

#define GV__OP_INSERT_SQL                                                      \
	"INSERT INTO op (id, lamport, actor, part, kind, at, recorded_at,"     \
	" text, status, reason, private, source, chain)"                       \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"

/*
 * A person's highest role, and whether the body (any body: _ANY) has any
 * role, in one row: min() makes SQLite read the bare r.role from the row
 * of the least rank (ORDER BY ... LIMIT 1 built a sorter), and gives a
 * row when there is none. A statement with "b.fold = ?2 OR ?2 IS NULL"
 * read every role of every body for each operation a sync applies.
 */
#define GV__ROLE_OF_SQL(exists, body)                                          \
	"SELECT r.role, min(CASE r.role WHEN 'chair' THEN 0"                   \
	" WHEN 'vice-chair' THEN 1 WHEN 'secretary' THEN 2 ELSE 3 END),"       \
	" EXISTS (SELECT 1 FROM role" exists ")"                               \
	" FROM role r JOIN person p ON p.id = r.person"                        \
	" JOIN body b ON b.id = r.body WHERE p.fold = ?1" body

#define GV__STMTS_OP(X)                                                        \
	X(OP_INSERT, GV__OP_INSERT_SQL)                                        \
	/* An operation from a chain, unless the log has it: its id, found     \
	 * by op_order (core/db_schema.c, v18). */                             \
	X(OP_INSERT_NEW,                                                       \
	  GV__OP_INSERT_SQL " ON CONFLICT (lamport, actor, id) DO NOTHING")    \
	X(OP_LEGACY,                                                           \
	  "SELECT NOT EXISTS (SELECT 1 FROM op) AND EXISTS (SELECT 1 FROM"     \
	  " (SELECT id FROM body UNION ALL SELECT id FROM org"                 \
	  " UNION ALL SELECT id FROM person))")                                \
	X(OP_LAMPORT_MAX, "SELECT ifnull(max(lamport), 0) FROM op")            \
	X(OP_KIND_COUNT, "SELECT count(*) FROM op WHERE part = ?1"             \
	                 " AND kind IN (?2, ?3, ?4)")                          \
	X(OP_BALLOT_ACTS,                                                      \
	  "SELECT part, json_extract(text, '$.data.ballot'), at FROM op"       \
	  " WHERE kind = ?1 AND status = 'applied' AND at <= ?2"               \
	  " ORDER BY at")                                                      \
	/* The cadence and zone each body.add and body.set gave a body,        \
	 * in the log's order (core/calendar_cadences.c). */                   \
	X(OP_BODY_CADENCES,                                                    \
	  "SELECT kind, at, json_extract(text, '$.data.cadence'),"             \
	  " json_extract(text, '$.data.cadence_weeks'),"                       \
	  " json_extract(text, '$.data.cadence_weekday'),"                     \
	  " json_extract(text, '$.data.cadence_minute'),"                      \
	  " json_extract(text, '$.data.cadence_anchor'),"                      \
	  " json_extract(text, '$.data.tz') FROM op"                           \
	  " WHERE part = ?1 AND kind IN (?2, ?3) AND status = 'applied'"       \
	  " ORDER BY lamport, actor, id")                                      \
	X(OP_SET_STATUS,                                                       \
	  "UPDATE op SET status = ?2, reason = ?3 WHERE seq = ?1"              \
	  " AND (status != ?2 OR reason IS NOT ?3)")                           \
	X(OP_IN_ORDER,                                                         \
	  "SELECT seq, text, id FROM op ORDER BY lamport, actor, id")          \
	X(OP_COUNT, "SELECT count(*) FROM op")                                 \
	X(OP_LAST, "SELECT lamport, actor, id FROM op"                         \
	           " ORDER BY lamport DESC, actor DESC, id DESC LIMIT 1")      \
	X(CONFIG_GET, "SELECT value FROM config WHERE key = ?1")               \
	X(CONFIG_SET,                                                          \
	  "INSERT INTO config (key, value) VALUES (?1, ?2)"                    \
	  " ON CONFLICT (key) DO UPDATE SET value = excluded.value")           \
	X(CONFIG_UNSET, "DELETE FROM config WHERE key = ?1")                   \
	X(OP_PART_CODE, "SELECT code FROM body WHERE fold = ?1")               \
	X(ROLE_ANY, "SELECT EXISTS (SELECT 1 FROM role)")                      \
	X(ROLE_ANY_IN,                                                         \
	  "SELECT EXISTS (SELECT 1 FROM role r JOIN body b ON b.id = r.body"   \
	  " WHERE b.fold = ?1)")                                               \
	X(ROLE_OF, GV__ROLE_OF_SQL(" x JOIN body y ON y.id = x.body"           \
	                           " WHERE y.fold = ?2",                       \
	                           " AND b.fold = ?2"))                        \
	X(ROLE_OF_ANY, GV__ROLE_OF_SQL("", ""))

#endif
