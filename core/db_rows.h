/* SPDX-License-Identifier: MIT */
/*
 * This file declares the columns of the rows core reads whole (a body, a
 * meeting, a ballot, an issue, an organisation or a person in a list),
 * each as one list C(NAME, "SQL"): the statements select them with
 * GV__SELECT, and an enum names each column's index, so a reader writes
 * GV__BALLOT_TITLE and never counts to 6. A column added to a list is in
 * the SQL and the enum at once.
 */
#ifndef GV_CORE_DB_ROWS_H
#define GV_CORE_DB_ROWS_H

/* "SELECT 0, a, b, ...": the constant first column lets every listed
 * column be written alike (", expr"); the enums start after it. */
#define GV__SQL_COLUMN(name, sql) ", " sql
#define GV__SELECT(COLUMNS)       "SELECT 0" COLUMNS(GV__SQL_COLUMN)

#define GV__BODY_COLUMNS(C)                                                    \
	C(ID, "b.id")                                                          \
	C(CODE, "b.code")                                                      \
	C(NAME, "b.name")                                                      \
	C(PREFIX, "b.prefix")                                                  \
	C(ID_WIDTH, "b.id_width")                                              \
	C(TZ, "b.tz")                                                          \
	C(LIST_ADDR, "b.list_addr")                                            \
	C(CADENCE_WEEKS, "b.cadence_weeks")                                    \
	C(CADENCE_WEEKDAY, "b.cadence_weekday")                                \
	C(CADENCE_MINUTE, "b.cadence_minute")                                  \
	C(CADENCE_ANCHOR, "b.cadence_anchor")                                  \
	C(QUORUM_RULE, "b.quorum_rule")                                        \
	C(CONSUMER_RULE, "b.consumer_rule")                                    \
	C(VOTE_END_INCLUSIVE, "b.vote_end_inclusive")                          \
	C(BUSINESS_DAYS, "b.business_days")                                    \
	C(TEMPLATES, "(SELECT value FROM config"                               \
	             " WHERE key = 'templates ' || b.code)")                   \
	C(TAG, "b.tag")                                                        \
	C(QUORUM_AT, "b.quorum_at")                                            \
	C(MIN_MEETINGS, "b.min_meetings")                                      \
	C(REQUIRE_SIGNED, "b.require_signed")                                  \
	C(ALLOWED_SIGNERS, "b.allowed_signers")

/* The body list shows the members each body counts; one body read by
 * its code (every operation a sync applies reads its body) does not
 * count them: the two counts were 9 % of a sync (bench/README.md). */
#define GV__BODY_LIST_COLUMNS(C)                                               \
	GV__BODY_COLUMNS(C)                                                    \
	C(VOTING_MEMBERS, "(SELECT count(*) FROM membership m"                 \
	                  " WHERE m.body = b.id AND m.until IS NULL"           \
	                  " AND m.status = 'active'"                           \
	                  " AND m.class IN ('issuer', 'consumer'))")           \
	C(MEMBERS, "(SELECT count(*) FROM membership m WHERE m.body = b.id"    \
	           " AND m.until IS NULL)")

/*
 * Voting-member organisations present at meeting m, as of its day: for
 * each attendee's organisation, a voting membership in m's body in force
 * then, sought through membership_since (schema v13), rather than every
 * membership of the body joined against every attendee.
 */
#define GV__VOTING_PRESENT                                                     \
	"(SELECT count(DISTINCT a.org) FROM attendance a"                      \
	" WHERE a.meeting = m.id AND EXISTS (SELECT 1 FROM membership ms"      \
	" WHERE ms.org = a.org AND ms.body = m.body"                           \
	" AND ms.since <= m.starts_at"                                         \
	" AND (ms.until IS NULL OR m.starts_at < ms.until)"                    \
	" AND ms.status = 'active' AND ms.class IN ('issuer', 'consumer')))"

/* ?4 is the clock: a past meeting is "held" once it has a roll call, "no
 * roll call" until then. A meeting after the clock has no roll call yet
 * (one is recorded only from its start, core/roll_call.c), so a view of an
 * earlier day counts nobody present at it. */
#define GV__MEETING_COLUMNS(C)                                                 \
	C(ID, "m.id")                                                          \
	C(BODY, "b.code")                                                      \
	C(STARTS_AT, "m.starts_at")                                            \
	C(TZ, "m.tz")                                                          \
	C(KIND, "m.kind")                                                      \
	C(STATUS, "CASE WHEN m.status = 'cancelled' THEN 'cancelled'"          \
	          " WHEN m.starts_at > ?4 THEN 'scheduled'"                    \
	          " WHEN EXISTS (SELECT 1 FROM attendance a"                   \
	          "  WHERE a.meeting = m.id)"                                  \
	          " THEN 'held' ELSE 'no roll call' END")                      \
	C(TITLE, "m.title")                                                    \
	C(SUBCOMMITTEE, "m.subcommittee")                                      \
	C(CANCEL_REASON, "m.cancel_reason")                                    \
	C(MINUTE_TAKER, "t.name")                                              \
	C(ATTENDEES, "CASE WHEN m.starts_at > ?4 THEN 0 ELSE"                  \
	             " (SELECT count(*) FROM attendance a"                     \
	             " WHERE a.meeting = m.id) END")                           \
	C(VOTING_ORGS,                                                         \
	  "CASE WHEN m.starts_at > ?4 THEN 0 ELSE " GV__VOTING_PRESENT " END") \
	C(APPROVED_IN, "m.approved_in")                                        \
	C(APPROVED_AT, "m.approved_at")                                        \
	C(DRAFTED_AT, "ifnull(m.drafted_at, m.starts_at)")                     \
	C(NEXT_MEETING,                                                        \
	  "(SELECT min(x.starts_at) FROM meeting x"                            \
	  " WHERE x.body = m.body AND x.status != 'cancelled'"                 \
	  " AND x.subcommittee IS NULL"                                        \
	  " AND x.starts_at > ifnull(m.drafted_at, m.starts_at))")

#define GV__BALLOT_COLUMNS(C)                                                  \
	C(ID, "bl.id")                                                         \
	C(BODY_CODE, "b.code")                                                 \
	C(BODY_ID, "b.id")                                                     \
	C(PREFIX, "b.prefix")                                                  \
	C(ID_WIDTH, "b.id_width")                                              \
	C(NUMBER, "bl.number")                                                 \
	C(TITLE, "bl.title")                                                   \
	C(KIND, "bl.kind")                                                     \
	C(PROPOSER, "o.name")                                                  \
	C(PROPOSED_AT, "bl.proposed_at")                                       \
	C(DISCUSSION_ENDS_AT, "bl.discussion_ends_at")                         \
	C(VOTE_STARTS_AT, "bl.vote_starts_at")                                 \
	C(VOTE_ENDS_AT, "bl.vote_ends_at")                                     \
	C(RESULTS_AT, "bl.results_at")                                         \
	C(REVIEW_STARTS_AT, "bl.review_starts_at")                             \
	C(REVIEW_ENDS_AT, "bl.review_ends_at")                                 \
	C(WITHDRAWN_AT, "bl.withdrawn_at")                                     \
	C(CANCELLED_AT, "bl.cancelled_at")                                     \
	C(RESULT, "bl.result")                                                 \
	C(QUORUM_PUBLISHED, "bl.quorum_published")                             \
	C(QUORUM_SOURCE, "bl.quorum_source")                                   \
	C(EXCLUSIONS, "(SELECT count(*) FROM exclusion_notice x"               \
	              " WHERE x.ballot = bl.id"                                \
	              " AND x.received_at >= bl.review_starts_at"              \
	              " AND x.received_at < bl.review_ends_at"                 \
	              " AND x.received_at <= ?2)")                             \
	C(PURPOSE, "bl.purpose_md")

/* A search hit adds its snippet and rank; a plain list gives NULL and 0
 * (GV__ISSUE_PLAIN). */
#define GV__ISSUE_COLUMNS_OF(C, body_md, snippet, rank)                        \
	C(ID, "i.id")                                                          \
	C(BODY, "b.code")                                                      \
	C(NUMBER, "i.number")                                                  \
	C(TITLE, "i.title")                                                    \
	C(STATE, "i.state")                                                    \
	C(URL, "i.url")                                                        \
	C(BODY_MD, body_md)                                                    \
	C(ASSIGNEE, "i.assignee")                                              \
	C(AUTHOR, "i.author")                                                  \
	C(CREATED_AT, "i.created_at")                                          \
	C(UPDATED_AT, "i.updated_at")                                          \
	C(CLOSED_AT, "i.closed_at")                                            \
	C(IMPORTED_AT, "i.imported_at")                                        \
	C(ACTIVITY, "max(i.updated_at, ifnull((SELECT max(n.at)"               \
	            " FROM issue_note n WHERE n.issue = i.id), 0))")           \
	C(NOTES, "(SELECT count(*) FROM issue_note n WHERE n.issue = i.id)")   \
	C(LABELS, "(SELECT group_concat(label, char(31)) FROM"                 \
	          " (SELECT label FROM issue_label l WHERE l.issue = i.id"     \
	          " ORDER BY label))")                                         \
	C(SNIPPET, snippet)                                                    \
	C(RANK, rank)
#define GV__ISSUE_COLUMNS(C) GV__ISSUE_COLUMNS_OF(C, "i.body_md", "NULL", "0")
/* A list shows no issue's text: it is left out (issue 21: at 50,000
 * issues the texts were most of what a list read). */
#define GV__ISSUE_LIST_COLUMNS(C) GV__ISSUE_COLUMNS_OF(C, "NULL", "NULL", "0")
/* A search's hits, once its LIMIT has chosen them (h: the chosen ids and
 * their ranks, core/db_stmt_issue.h). */
#define GV__ISSUE_HIT_COLUMNS(C)                                               \
	GV__ISSUE_COLUMNS_OF(C, "NULL",                                        \
	                     "snippet(issue_fts, -1, char(2), char(3), '…'," \
	                     " 16)",                                           \
	                     "h.r")

#define GV__ORG_COLUMNS(C)                                                     \
	C(ID, "o.id")                                                          \
	C(NAME, "o.name")                                                      \
	C(BODY, "b.code")                                                      \
	C(CLASS, "ifnull(m.class, 'unknown')")                                 \
	C(STATUS, "ifnull(m.status, 'active')")                                \
	C(SINCE, "m.since")                                                    \
	C(REPS, "(SELECT count(*) FROM rep r JOIN person p"                    \
	        " ON p.id = r.person WHERE p.org = o.id AND r.body = m.body"   \
	        " AND r.until IS NULL)")                                       \
	C(PEOPLE, "(SELECT count(*) FROM person p WHERE p.org = o.id)")

#define GV__PERSON_COLUMNS(C)                                                  \
	C(ID, "p.id")                                                          \
	C(NAME, "p.name")                                                      \
	C(ORG, "o.name")                                                       \
	C(EMAIL, "p.email")                                                    \
	C(EMAILS, "(SELECT group_concat(email, ',') FROM (SELECT e.email"      \
	          " AS email FROM person_email e WHERE e.person = p.id"        \
	          " ORDER BY e.rowid))")                                       \
	C(REPS, "(SELECT group_concat(code, ',') FROM (SELECT b.code AS code"  \
	        " FROM rep r JOIN body b ON b.id = r.body"                     \
	        " WHERE r.person = p.id AND r.until IS NULL"                   \
	        " ORDER BY b.fold))")                                          \
	C(MEETINGS, "(SELECT count(*) FROM attendance a"                       \
	            " WHERE a.person = p.id)")                                 \
	C(LAST_MEETING, "(SELECT max(m.starts_at) FROM attendance a"           \
	                " JOIN meeting m ON m.id = a.meeting"                  \
	                " WHERE a.person = p.id)")

/* The column indexes: GV__BODY_CODE, GV__BALLOT_TITLE, ... */
#define GV__BODY_COL(name, sql)    GV__BODY_##name,
#define GV__MEETING_COL(name, sql) GV__MEETING_##name,
#define GV__BALLOT_COL(name, sql)  GV__BALLOT_##name,
#define GV__ISSUE_COL(name, sql)   GV__ISSUE_##name,
#define GV__ORG_COL(name, sql)     GV__ORG_##name,
#define GV__PERSON_COL(name, sql)  GV__PERSON_##name,
enum { GV__BODY_ROW_, GV__BODY_LIST_COLUMNS(GV__BODY_COL) };
enum { GV__MEETING_ROW_, GV__MEETING_COLUMNS(GV__MEETING_COL) };
enum { GV__BALLOT_ROW_, GV__BALLOT_COLUMNS(GV__BALLOT_COL) };
enum { GV__ISSUE_ROW_, GV__ISSUE_COLUMNS(GV__ISSUE_COL) };
enum { GV__ORG_ROW_, GV__ORG_COLUMNS(GV__ORG_COL) };
enum { GV__PERSON_ROW_, GV__PERSON_COLUMNS(GV__PERSON_COL) };

#endif
