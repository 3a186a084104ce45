/* SPDX-License-Identifier: MIT */
/*
 * This file lists the SQL of sync (core/sync*.c, core/remote.c,
 * core/identity.c, core/body_role.c), a part of core/db_stmt.h's X-macro
 * kept in its own file.
 */
#ifndef GV_CORE_DB_STMT_SYNC_H
#define GV_CORE_DB_STMT_SYNC_H

#define GV__STMTS_SYNC(X)                                                      \
	/* What this copy recorded and has not put in a chain yet. */          \
	X(OP_UNSENT,                                                           \
	  "SELECT seq, actor, part, text FROM op WHERE chain IS NULL"          \
	  " AND source = 'local' AND private = 0"                              \
	  " ORDER BY part, actor, lamport, id")                                \
	/* The same, counted by chain. */                                      \
	X(OP_UNSENT_CHAINS,                                                    \
	  "SELECT actor, part, count(*) FROM op WHERE chain IS NULL"           \
	  " AND source = 'local' AND private = 0 GROUP BY actor, part")        \
	/* The chain that holds an operation: one of this copy's, sent         \
	 * (by its row), or one read from a chain (by op_order's key). */      \
	X(OP_SENT,                                                             \
	  "UPDATE op SET chain = ?2 WHERE seq = ?1 AND chain IS NULL")         \
	X(OP_SET_CHAIN, "UPDATE op SET chain = ?2 WHERE lamport = ?3"          \
	                " AND actor = ?4 AND id = ?1 AND chain IS NULL")       \
	X(OP_SEQ_MAX, "SELECT ifnull(max(seq), 0) FROM op")                    \
	X(OP_NEW_IN_ORDER, "SELECT seq, text, id FROM op WHERE seq > ?1"       \
	                   " ORDER BY lamport, actor, id")                     \
	/* Operations recorded here before the user was set: theirs. */        \
	X(OP_UNSTAMPED,                                                        \
	  "SELECT seq, text FROM op WHERE chain IS NULL AND source = 'local'"  \
	  " AND actor != ?1 ORDER BY seq")                                     \
	X(OP_RESTAMP,                                                          \
	  "UPDATE op SET actor = ?2, id = ?3, text = ?4 WHERE seq = ?1")       \
	/* Those not applied as they are, by op_trouble (core/db_schema.c,     \
	 * v14): each WHERE names its condition, and "+lamport" keeps the      \
	 * planner off op_order, which reads the whole log in order. */        \
	X(OP_NEW_STATUS, "SELECT status, count(*) FROM op WHERE seq > ?1"      \
	                 " AND status != 'applied' GROUP BY status")           \
	X(OP_NEW_TROUBLE,                                                      \
	  "SELECT actor, kind, source, reason FROM op WHERE seq > ?1"          \
	  " AND status != 'applied'"                                           \
	  " AND status IN ('conflict', 'denied', 'unknown')"                   \
	  " ORDER BY +lamport, actor, id")                                     \
	X(OP_OLD_TROUBLE, "SELECT count(*) FROM op WHERE seq <= ?1"            \
	                  " AND status != 'applied'"                           \
	                  " AND status IN ('conflict', 'denied', 'unknown')")  \
	X(OP_TROUBLE,                                                          \
	  "SELECT id, lamport, actor, part, kind, at, status, reason, source"  \
	  " FROM op WHERE status != 'applied'"                                 \
	  " AND status IN ('conflict', 'denied', 'unknown')"                   \
	  " ORDER BY +lamport, actor, id")                                     \
	X(OP_TALLY, "SELECT (SELECT count(*) FROM op WHERE chain IS NULL"      \
	            " AND source = 'local' AND private = 0),"                  \
	            " (SELECT count(*) FROM op WHERE status != 'applied'"      \
	            " AND status IN ('conflict', 'denied', 'unknown'))")       \
	X(CHAIN_SEEN_GET, "SELECT oid FROM chain_seen WHERE ref = ?1")         \
	X(CHAIN_SEEN_SET,                                                      \
	  "INSERT INTO chain_seen (ref, oid) VALUES (?1, ?2)"                  \
	  " ON CONFLICT (ref) DO UPDATE SET oid = excluded.oid")               \
	X(REMOTE_INSERT, "INSERT INTO remote (name, url, added_at)"            \
	                 " VALUES (?1, ?2, ?3)")                               \
	X(REMOTE_URL, "SELECT url FROM remote WHERE name = ?1")                \
	X(REMOTE_DELETE, "DELETE FROM remote WHERE name = ?1")                 \
	X(REMOTE_LIST,                                                         \
	  "SELECT name, url, added_at, synced_at, ops_in, ops_out, error,"     \
	  " (SELECT count(*) FROM op WHERE op.source = remote.name"            \
	  "  AND op.status != 'applied'"                                       \
	  "  AND op.status IN ('conflict', 'denied', 'unknown'))"              \
	  " FROM remote WHERE ?1 IS NULL OR name = ?1 ORDER BY name")          \
	X(REMOTE_SYNCED,                                                       \
	  "UPDATE remote SET synced_at = ?2, ops_in = ops_in + ?3,"            \
	  " ops_out = ops_out + ?4, error = NULL WHERE name = ?1")             \
	X(REMOTE_FAILED, "UPDATE remote SET error = ?2 WHERE name = ?1")       \
	X(PERSON_EMAIL_OF, "SELECT email FROM person WHERE fold = ?1"          \
	                   " ORDER BY id LIMIT 1")                             \
	X(PERSON_CANONICAL, "SELECT name FROM person WHERE fold = ?1"          \
	                    " ORDER BY id LIMIT 2")                            \
	X(PERSON_BY_EMAIL,                                                     \
	  "SELECT p.name FROM person_email e JOIN person p ON p.id = e.person" \
	  " WHERE e.fold = lower(?1) ORDER BY p.id LIMIT 2")                   \
	X(ROLE_PUT,                                                            \
	  "INSERT INTO role (body, person, role, since) VALUES (?1, ?2, ?3,"   \
	  " ?4) ON CONFLICT (body, person) DO UPDATE SET role = "              \
	  "excluded.role,"                                                     \
	  " since = excluded.since")                                           \
	X(ROLE_DROP, "DELETE FROM role WHERE body = ?1 AND person = ?2")       \
	X(ROLE_LIST,                                                           \
	  "SELECT p.name, r.role, r.since FROM role r"                         \
	  " JOIN person p ON p.id = r.person WHERE r.body = ?1"                \
	  " ORDER BY CASE r.role WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1" \
	  " WHEN 'secretary' THEN 2 ELSE 3 END, p.name COLLATE gv_name")

#endif
