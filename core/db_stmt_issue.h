/* SPDX-License-Identifier: MIT */
/*
 * This file lists the SQL of the issue list (core/issue*.c), a part of
 * core/db_stmt.h's X-macro kept in its own file.
 */
#ifndef GV_CORE_DB_STMT_ISSUE_H
#define GV_CORE_DB_STMT_ISSUE_H

/* How the timeline names a meeting: its title, or what kind it is. */
#define GV__ISSUE_MEETING_TITLE                                                \
	"ifnull(m.title, CASE m.kind WHEN 'f2f' THEN 'the face-to-face"        \
	" meeting' ELSE 'the call' END)"

/* The filters of a list: ?1 body id, ?2 state, ?3 label, ?4 limit. */
#define GV__ISSUE_FILTER                                                       \
	" (?1 IS NULL OR i.body = ?1) AND (?2 IS NULL OR i.state = ?2) AND"    \
	" (?3 IS NULL OR EXISTS (SELECT 1 FROM issue_label l WHERE"            \
	" l.issue = i.id AND l.label = ?3))"

#define GV__STMT_ISSUE_LIST(X)                                                 \
	X(ISSUE_EXISTS, "SELECT 1 FROM issue WHERE body = ?1 AND number = ?2") \
	X(ISSUE_NEXT_NUMBER,                                                   \
	  "SELECT ifnull(max(number), 0) + 1 FROM issue WHERE body = ?1")      \
	X(ISSUE_INSERT,                                                        \
	  "INSERT INTO issue (body, number, title, state, url, body_md,"       \
	  " author, assignee, created_at, updated_at, closed_at, imported_at," \
	  " made_by)"                                                          \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ifnull(?13, ?9), ?10," \
	  " ?11, ?12)")                                                        \
	/* The issue an operation added, as this copy numbers it. */           \
	X(ISSUE_MADE_BY,                                                       \
	  "SELECT i.id, i.body, b.code, i.number FROM issue i JOIN body b"     \
	  " ON b.id = i.body"                                                  \
	  " WHERE i.made_by = ?1")                                             \
	X(ISSUE_MADE_OF, "SELECT made_by FROM issue WHERE id = ?1")            \
	/* Every issue an operation added, with its name and title. */         \
	X(ISSUE_NUMBERS,                                                       \
	  "SELECT i.made_by, b.code || '#' || i.number, i.title FROM issue i"  \
	  " JOIN body b ON b.id = i.body WHERE i.made_by IS NOT NULL"          \
	  " ORDER BY b.code, i.number")                                        \
	X(ISSUE_BY_NUMBER,                                                     \
	  "SELECT id FROM issue WHERE body = ?1 AND number = ?2")              \
	X(ISSUE_BY_NUMBER_ANY,                                                 \
	  "SELECT i.id, i.body, b.code FROM issue i JOIN body b"               \
	  " ON b.id = i.body WHERE i.number = ?1 ORDER BY b.code")             \
	X(ISSUE_GET, GV__SELECT(GV__ISSUE_COLUMNS) " FROM issue i"             \
	                                           " JOIN body b ON b.id = "   \
	                                           "i.body WHERE i.id = ?1")   \
	X(ISSUE_LIST,                                                          \
	  GV__SELECT(GV__ISSUE_LIST_COLUMNS) " FROM issue i"                   \
	                                     " JOIN body b ON b.id = i.body "  \
	                                     "WHERE" GV__ISSUE_FILTER          \
	                                     " ORDER BY b.code, i.number"      \
	                                     " LIMIT ?4")                      \
	/* The LIMIT first: the inner query ranks the matches (bm25: a match   \
	 * in the title weighs most) and keeps ?4 of them; only those get      \
	 * their columns and snippet, from the same match (issue 21). */       \
	X(ISSUE_SEARCH,                                                        \
	  GV__SELECT(                                                          \
	          GV__ISSUE_HIT_COLUMNS) " FROM (SELECT i.id AS id, i.number " \
	                                 "AS number,"                          \
	                                 " bm25(issue_fts, 5.0, 1.0, 1.0) AS " \
	                                 "r FROM issue_fts JOIN issue i"       \
	                                 " ON i.id = issue_fts.rowid WHERE "   \
	                                 "issue_fts MATCH ?5 "                 \
	                                 "AND" GV__ISSUE_FILTER                \
	                                 " ORDER BY r, i.number LIMIT ?4) h"   \
	                                 " JOIN issue_fts ON issue_fts.rowid " \
	                                 "= h.id JOIN issue i"                 \
	                                 " ON i.id = h.id JOIN body b ON "     \
	                                 "b.id = i.body"                       \
	                                 " WHERE issue_fts MATCH ?5 ORDER BY " \
	                                 "h.r, h.number")                      \
	X(ISSUE_UPDATE,                                                        \
	  "UPDATE issue SET title = ifnull(?2, title),"                        \
	  " url = CASE WHEN ?3 IS NULL THEN url ELSE nullif(?3, '') END,"      \
	  " body_md = CASE WHEN ?4 IS NULL THEN body_md"                       \
	  "  ELSE nullif(?4, '') END,"                                         \
	  " assignee = CASE WHEN ?5 IS NULL THEN assignee"                     \
	  "  ELSE nullif(?5, '') END,"                                         \
	  " updated_at = ?6 WHERE id = ?1")                                    \
	X(ISSUE_SET_STATE,                                                     \
	  "UPDATE issue SET state = ?2, closed_at = ?3, updated_at = ?4"       \
	  " WHERE id = ?1 AND state <> ?2")                                    \
	/* When the issue was opened, and closed if it is. */                  \
	X(ISSUE_TIMES,                                                         \
	  "SELECT created_at, closed_at FROM issue WHERE id = ?1")             \
	X(ISSUE_TOUCH, "UPDATE issue SET updated_at = max(updated_at, ?2)"     \
	               " WHERE id = ?1")                                       \
	X(ISSUE_FTS_DELETE,                                                    \
	  "DELETE FROM issue_fts WHERE rowid BETWEEN ?1 AND ?2")               \
	X(ISSUE_FTS_INSERT,                                                    \
	  "INSERT INTO issue_fts (rowid, title, body, notes)"                  \
	  " SELECT i.id, i.title, ifnull(i.body_md, ''),"                      \
	  " ifnull((SELECT group_concat(n.body_md, char(10)) FROM"             \
	  " issue_note n WHERE n.issue = i.id), '') FROM issue i"              \
	  " WHERE i.id BETWEEN ?1 AND ?2")                                     \
	X(ISSUE_FTS_ALL,                                                       \
	  "INSERT INTO issue_fts (rowid, title, body, notes)"                  \
	  " SELECT i.id, i.title, ifnull(i.body_md, ''),"                      \
	  " ifnull((SELECT group_concat(n.body_md, char(10)) FROM"             \
	  " issue_note n WHERE n.issue = i.id), '') FROM issue i")             \
	X(ISSUE_LABEL_INSERT, "INSERT OR IGNORE INTO issue_label"              \
	                      " (issue, label, source) VALUES (?1, ?2, ?3)")   \
	X(ISSUE_LABEL_UPSTREAM_INSERT,                                         \
	  "INSERT INTO issue_label (issue, label, source)"                     \
	  " VALUES (?1, ?2, 'github') ON CONFLICT DO UPDATE"                   \
	  " SET source = 'github'")                                            \
	X(ISSUE_LABEL_DELETE,                                                  \
	  "DELETE FROM issue_label WHERE issue = ?1 AND label = ?2")           \
	X(ISSUE_LABELS_UPSTREAM,                                               \
	  "SELECT label FROM issue_label WHERE issue = ?1"                     \
	  " AND source = 'github' ORDER BY label")                             \
	X(ISSUE_LABELS_UPSTREAM_CLEAR,                                         \
	  "DELETE FROM issue_label WHERE issue = ?1 AND source = 'github'")    \
	X(ISSUE_NOTE_INSERT,                                                   \
	  "INSERT INTO issue_note (issue, meeting, at, author, body_md,"       \
	  " source, upstream_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")         \
	X(ISSUE_NOTE_UPSTREAM,                                                 \
	  "SELECT id, body_md IS ?3 AND author IS ?4 AND at = ?5"              \
	  " FROM issue_note WHERE issue = ?1 AND upstream_id = ?2")            \
	X(ISSUE_NOTE_UPDATE,                                                   \
	  "UPDATE issue_note SET body_md = ?2, author = ?3, at = ?4"           \
	  " WHERE id = ?1")                                                    \
	X(ISSUE_MEETING_OF,                                                    \
	  "SELECT starts_at FROM meeting WHERE id = ?1 AND body = ?2")         \
	X(ISSUE_LINK_INSERT,                                                   \
	  "INSERT INTO issue_link (issue, at, author, kind, meeting, ballot,"  \
	  " resolves, url, repo, base, head)"                                  \
	  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")            \
	/* Imports: an issue changed only where it differs, so real changes    \
	 * are counted; numbered as ISSUE_INSERT is (?1 the issue, ?2          \
	 * unused), so an import binds both the same way. */                   \
	X(ISSUE_IMPORT_UPDATE,                                                 \
	  "UPDATE issue SET title = ?3, state = ?4, url = ?5, body_md = ?6,"   \
	  " author = ?7, assignee = ?8, created_at = ?9, closed_at = ?10,"     \
	  " updated_at = ?11, imported_at = ?11 WHERE id = ?1 AND"             \
	  " (title IS NOT ?3 OR state IS NOT ?4 OR url IS NOT ?5 OR"           \
	  " body_md IS NOT ?6 OR author IS NOT ?7 OR assignee IS NOT ?8 OR"    \
	  " created_at IS NOT ?9 OR closed_at IS NOT ?10)")                    \
	/* The timeline, one query per kind of entry (core/issue_read.c). */   \
	X(ISSUE_STORY_NOTES,                                                   \
	  "SELECT n.at, n.author, n.body_md, n.source <> 'local', n.meeting,"  \
	  " " GV__ISSUE_MEETING_TITLE " FROM issue_note n"                     \
	  " LEFT JOIN meeting m"                                               \
	  " ON m.id = n.meeting WHERE n.issue = ?1 ORDER BY n.at, n.id")       \
	/* Meetings: linked directly, or through an agenda item. */            \
	X(ISSUE_STORY_MEETINGS,                                                \
	  "SELECT m.starts_at, m.id, " GV__ISSUE_MEETING_TITLE ","             \
	  " (SELECT l.author FROM issue_link l WHERE l.issue = ?1"             \
	  "  AND l.meeting = m.id) FROM meeting m WHERE m.id IN"               \
	  " (SELECT meeting FROM issue_link WHERE issue = ?1 AND"              \
	  "  kind = 'meeting' UNION SELECT a.meeting FROM agenda_link al"      \
	  "  JOIN agenda_item a ON a.id = al.item WHERE al.issue = ?1)"        \
	  " ORDER BY m.starts_at")                                             \
	X(ISSUE_STORY_BALLOTS,                                                 \
	  "SELECT l.at, l.author, b.number, bo.prefix, bo.id_width, b.title,"  \
	  " b.state, l.resolves FROM issue_link l JOIN ballot b"               \
	  " ON b.id = l.ballot JOIN body bo ON bo.id = b.body"                 \
	  " WHERE l.issue = ?1 AND l.kind = 'ballot' ORDER BY l.at, l.id")     \
	X(ISSUE_STORY_DRAFTS,                                                  \
	  "SELECT at, author, url, repo, base, head FROM issue_link"           \
	  " WHERE issue = ?1 AND kind = 'draft' ORDER BY at, id")              \
	/* Each close and reopening of issue ?1, at its act time. */           \
	X(ISSUE_STORY_STATES,                                                  \
	  "SELECT at, reopened FROM issue_state WHERE issue = ?1 ORDER BY id") \
	X(ISSUE_STATE_ADD,                                                     \
	  "INSERT INTO issue_state (issue, at, reopened) VALUES (?1, ?2, ?3)")

#endif
