/* SPDX-License-Identifier: MIT */
/*
 * This file lists the SQL of the digest (core/digest.c), a part of
 * core/db_stmt.h's X-macro kept in its own file: for each derived table,
 * its rows as lines of SQL literals, with every reference to another row
 * written as that row's natural key (a body's code, an organisation's
 * name, a meeting's body and start, a ballot's body and number), never a
 * row id, which differs between copies. ?1 is a body's id, or NULL for
 * all. Private notes are not in it, nor
 * ballot.settled_at: the schema's triggers derive it from the ballot's
 * columns, versions and holidays here (core/db_schema.c v11), as an index
 * for the live ballots' query, not content; a later gavel may bound it
 * more closely without two equal copies' digests differing.
 * Keep it in step with core/db_schema.c: tests/test_digest.c fails when
 * a table or a column is missing here.
 */
#ifndef GV_CORE_DB_STMT_DIGEST_H
#define GV_CORE_DB_STMT_DIGEST_H

#define GV__STMTS_DIGEST(X)                                                    \
	X(DIGEST_BODY,                                                         \
	  "SELECT quote(t.code) || ',' || quote(t.name) || ',' || "            \
	  "quote(t.prefix) || ',' || quote(t.id_width) || ',' || "             \
	  "quote(t.tz) || ',' || quote(t.list_addr) || ',' || "                \
	  "quote(t.cadence_weeks) || ',' || quote(t.cadence_weekday) "         \
	  "|| ',' || quote(t.cadence_minute) || ',' || "                       \
	  "quote(t.cadence_anchor) || ',' || quote(t.quorum_rule) || "         \
	  "',' || quote(t.consumer_rule) || ',' || "                           \
	  "quote(t.vote_end_inclusive) || ',' || "                             \
	  "quote(t.business_days) || ',' || quote(t.created_at) || "           \
	  "',' || quote(t.tag) || ',' || "                                     \
	  "quote(t.quorum_at) || ',' || quote(t.min_meetings) || ',' "         \
	  "|| quote(t.require_signed) || ',' || "                              \
	  "quote(t.allowed_signers) FROM body t WHERE ?1 IS NULL OR "          \
	  "t.id = ?1 ORDER BY 1")                                              \
	X(DIGEST_HOLIDAY,                                                      \
	  "SELECT quote((SELECT k.code FROM body k WHERE k.id = "              \
	  "t.body)) || ',' || quote(t.day) || ',' || quote(t.name) "           \
	  "FROM holiday t WHERE ?1 IS NULL OR t.body = ?1 ORDER BY 1")         \
	X(DIGEST_ORG,                                                          \
	  "SELECT quote(t.name) || ',' || quote(t.url) || ',' || "             \
	  "quote(t.created_at) FROM org t WHERE ?1 IS NULL OR EXISTS "         \
	  "(SELECT 1 FROM membership x WHERE x.org = t.id AND x.body "         \
	  "= ?1) ORDER BY 1")                                                  \
	X(DIGEST_MEMBERSHIP,                                                   \
	  "SELECT quote((SELECT k.name FROM org k WHERE k.id = "               \
	  "t.org)) || ',' || quote((SELECT k.code FROM body k WHERE "          \
	  "k.id = t.body)) || ',' || quote(t.class) || ',' || "                \
	  "quote(t.status) || ',' || quote(t.since) || ',' || "                \
	  "quote(t.until) FROM membership t WHERE ?1 IS NULL OR "              \
	  "t.body = ?1 ORDER BY 1")                                            \
	X(DIGEST_PERSON,                                                       \
	  "SELECT quote(t.name) || ',' || quote((SELECT k.name FROM "          \
	  "org k WHERE k.id = t.org)) || ',' || quote(t.email) || ',' "        \
	  "|| quote(t.created_at) FROM person t WHERE ?1 IS NULL OR "          \
	  "(EXISTS (SELECT 1 FROM membership x WHERE x.org = t.org "           \
	  "AND x.body = ?1) OR EXISTS (SELECT 1 FROM rep x WHERE "             \
	  "x.person = t.id AND x.body = ?1)) ORDER BY 1")                      \
	X(DIGEST_PERSON_EMAIL,                                                 \
	  "SELECT quote((SELECT k.name || ' (' || ifnull((SELECT "             \
	  "o.name FROM org o WHERE o.id = k.org), '') || ')' FROM "            \
	  "person k WHERE k.id = t.person)) || ',' || quote(t.email) "         \
	  "|| ',' || quote(t.fold) FROM person_email t WHERE ?1 IS "           \
	  "NULL OR EXISTS (SELECT 1 FROM person x WHERE x.id = "               \
	  "t.person AND (EXISTS (SELECT 1 FROM membership m WHERE "            \
	  "m.org = x.org AND m.body = ?1) OR EXISTS (SELECT 1 FROM rep "       \
	  "r WHERE r.person = x.id AND r.body = ?1))) ORDER BY 1")             \
	X(DIGEST_REP,                                                          \
	  "SELECT quote((SELECT k.name || ' (' || ifnull((SELECT "             \
	  "o.name FROM org o WHERE o.id = k.org), '') || ')' FROM "            \
	  "person k WHERE k.id = t.person)) || ',' || quote((SELECT "          \
	  "k.code FROM body k WHERE k.id = t.body)) || ',' || "                \
	  "quote(t.since) || ',' || quote(t.until) FROM rep t WHERE "          \
	  "?1 IS NULL OR t.body = ?1 ORDER BY 1")                              \
	X(DIGEST_AFFILIATION,                                                  \
	  "SELECT quote((SELECT k.name || ' (' || ifnull((SELECT "             \
	  "o.name FROM org o WHERE o.id = k.org), '') || ')' FROM "            \
	  "person k WHERE k.id = t.person)) || ',' || quote((SELECT "          \
	  "k.name FROM org k WHERE k.id = t.org)) || ',' || "                  \
	  "quote(t.since) || ',' || quote(t.until) || ',' || "                 \
	  "quote(t.from_start) FROM affiliation t WHERE ?1 IS NULL OR "        \
	  "EXISTS (SELECT 1 FROM membership x WHERE x.org = t.org AND "        \
	  "x.body = ?1) ORDER BY 1")                                           \
	X(DIGEST_ROLE,                                                         \
	  "SELECT quote((SELECT k.code FROM body k WHERE k.id = "              \
	  "t.body)) || ',' || quote((SELECT k.name || ' (' || "                \
	  "ifnull((SELECT o.name FROM org o WHERE o.id = k.org), '') "         \
	  "|| ')' FROM person k WHERE k.id = t.person)) || ',' || "            \
	  "quote(t.role) || ',' || quote(t.since) FROM role t WHERE "          \
	  "?1 IS NULL OR t.body = ?1 ORDER BY 1")                              \
	X(DIGEST_MEETING,                                                      \
	  "SELECT quote((SELECT k.code FROM body k WHERE k.id = "              \
	  "t.body)) || ',' || quote(t.starts_at) || ',' || "                   \
	  "quote(t.tz) || ',' || quote(t.kind) || ',' || "                     \
	  "quote(t.status) || ',' || quote(t.cancel_reason) || ',' || "        \
	  "quote(t.title) || ',' || quote(t.location) || ',' || "              \
	  "quote((SELECT k.name || ' (' || ifnull((SELECT o.name FROM "        \
	  "org o WHERE o.id = k.org), '') || ')' FROM person k WHERE "         \
	  "k.id = t.minute_taker)) || ',' || quote(t.minutes_md) || "          \
	  "',' || quote(t.minutes_state) || ',' || "                           \
	  "quote(t.approved_at) || ',' || quote((SELECT b.code || '@' "        \
	  "|| k.starts_at || '/' || ifnull(k.subcommittee, '') FROM "          \
	  "meeting k JOIN body b ON b.id = k.body WHERE k.id = "               \
	  "t.approved_in)) || ',' || quote(t.source) || ',' || "               \
	  "quote(t.created_at) || ',' || quote(t.subcommittee) || ',' "        \
	  "|| quote(t.drafted_at) FROM meeting t WHERE ?1 IS NULL OR "         \
	  "t.body = ?1 ORDER BY 1")                                            \
	X(DIGEST_ATTENDANCE,                                                   \
	  "SELECT quote((SELECT b.code || '@' || k.starts_at || '/' "          \
	  "|| ifnull(k.subcommittee, '') FROM meeting k JOIN body b "          \
	  "ON b.id = k.body WHERE k.id = t.meeting)) || ',' || "               \
	  "quote((SELECT k.name || ' (' || ifnull((SELECT o.name FROM "        \
	  "org o WHERE o.id = k.org), '') || ')' FROM person k WHERE "         \
	  "k.id = t.person)) || ',' || quote((SELECT k.name FROM org "         \
	  "k WHERE k.id = t.org)) FROM attendance t WHERE ?1 IS NULL "         \
	  "OR (SELECT m.body FROM meeting m WHERE m.id = t.meeting) = "        \
	  "?1 ORDER BY 1")                                                     \
	X(DIGEST_AGENDA_ITEM,                                                  \
	  "SELECT quote((SELECT b.code || '@' || k.starts_at || '/' "          \
	  "|| ifnull(k.subcommittee, '') FROM meeting k JOIN body b "          \
	  "ON b.id = k.body WHERE k.id = t.meeting)) || ',' || "               \
	  "quote(t.pos) || ',' || quote(t.title) || ',' || "                   \
	  "quote(t.notes_md) || ',' || quote(t.role) FROM agenda_item "        \
	  "t WHERE ?1 IS NULL OR (SELECT m.body FROM meeting m WHERE "         \
	  "m.id = t.meeting) = ?1 ORDER BY 1")                                 \
	X(DIGEST_AGENDA_LINK,                                                  \
	  "SELECT quote((SELECT b.code || '@' || m.starts_at || '/' "          \
	  "|| ifnull(m.subcommittee, '') || '#' || k.pos FROM "                \
	  "agenda_item k JOIN meeting m ON m.id = k.meeting JOIN body "        \
	  "b ON b.id = m.body WHERE k.id = t.item)) || ',' || "                \
	  "quote((SELECT b.code || '#' || k.number FROM issue k JOIN "         \
	  "body b ON b.id = k.body WHERE k.id = t.issue)) || ',' || "          \
	  "quote((SELECT b.code || '/' || k.number FROM ballot k JOIN "        \
	  "body b ON b.id = k.body WHERE k.id = t.ballot)) FROM "              \
	  "agenda_link t WHERE ?1 IS NULL OR (SELECT m.body FROM "             \
	  "agenda_item a JOIN meeting m ON m.id = a.meeting WHERE "            \
	  "a.id = t.item) = ?1 ORDER BY 1")                                    \
	X(DIGEST_ISSUE,                                                        \
	  "SELECT quote((SELECT k.code FROM body k WHERE k.id = "              \
	  "t.body)) || ',' || quote(t.number) || ',' || "                      \
	  "quote(t.title) || ',' || quote(t.state) || ',' || "                 \
	  "quote(t.url) || ',' || quote(t.body_md) || ',' || "                 \
	  "quote(t.assignee) || ',' || quote(t.author) || ',' || "             \
	  "quote(t.created_at) || ',' || quote(t.updated_at) || ',' "          \
	  "|| quote(t.closed_at) || ',' || quote(t.imported_at) FROM "         \
	  "issue t WHERE ?1 IS NULL OR t.body = ?1 ORDER BY 1")                \
	X(DIGEST_ISSUE_LABEL,                                                  \
	  "SELECT quote((SELECT b.code || '#' || k.number FROM issue "         \
	  "k JOIN body b ON b.id = k.body WHERE k.id = t.issue)) || "          \
	  "',' || quote(t.label) || ',' || quote(t.source) FROM "              \
	  "issue_label t WHERE ?1 IS NULL OR (SELECT i.body FROM "             \
	  "issue i WHERE i.id = t.issue) = ?1 ORDER BY 1")                     \
	X(DIGEST_ISSUE_STATE,                                                  \
	  "SELECT quote((SELECT b.code || '#' || k.number FROM issue "         \
	  "k JOIN body b ON b.id = k.body WHERE k.id = t.issue)) || "          \
	  "',' || quote(t.at) || ',' || quote(t.reopened) FROM "               \
	  "issue_state t WHERE ?1 IS NULL OR (SELECT i.body FROM "             \
	  "issue i WHERE i.id = t.issue) = ?1 ORDER BY 1")                     \
	X(DIGEST_ISSUE_NOTE,                                                   \
	  "SELECT quote((SELECT b.code || '#' || k.number FROM issue "         \
	  "k JOIN body b ON b.id = k.body WHERE k.id = t.issue)) || "          \
	  "',' || quote((SELECT b.code || '@' || k.starts_at || '/' "          \
	  "|| ifnull(k.subcommittee, '') FROM meeting k JOIN body b "          \
	  "ON b.id = k.body WHERE k.id = t.meeting)) || ',' || "               \
	  "quote(t.at) || ',' || quote(t.author) || ',' || "                   \
	  "quote(t.body_md) || ',' || quote(t.source) || ',' || "              \
	  "quote(t.upstream_id) FROM issue_note t WHERE ?1 IS NULL OR "        \
	  "(SELECT i.body FROM issue i WHERE i.id = t.issue) = ?1 "            \
	  "ORDER BY 1")                                                        \
	X(DIGEST_ISSUE_LINK,                                                   \
	  "SELECT quote((SELECT b.code || '#' || k.number FROM issue "         \
	  "k JOIN body b ON b.id = k.body WHERE k.id = t.issue)) || "          \
	  "',' || quote(t.at) || ',' || quote(t.author) || ',' || "            \
	  "quote(t.kind) || ',' || quote((SELECT b.code || '@' || "            \
	  "k.starts_at || '/' || ifnull(k.subcommittee, '') FROM "             \
	  "meeting k JOIN body b ON b.id = k.body WHERE k.id = "               \
	  "t.meeting)) || ',' || quote((SELECT b.code || '/' || "              \
	  "k.number FROM ballot k JOIN body b ON b.id = k.body WHERE "         \
	  "k.id = t.ballot)) || ',' || quote(t.resolves) || ',' || "           \
	  "quote(t.url) || ',' || quote(t.repo) || ',' || "                    \
	  "quote(t.base) || ',' || quote(t.head) FROM issue_link t "           \
	  "WHERE ?1 IS NULL OR (SELECT i.body FROM issue i WHERE i.id "        \
	  "= t.issue) = ?1 ORDER BY 1")                                        \
	X(DIGEST_BALLOT,                                                       \
	  "SELECT quote((SELECT k.code FROM body k WHERE k.id = "              \
	  "t.body)) || ',' || quote(t.number) || ',' || "                      \
	  "quote(t.title) || ',' || quote(t.kind) || ',' || "                  \
	  "quote(t.state) || ',' || quote((SELECT k.name FROM org k "          \
	  "WHERE k.id = t.proposer)) || ',' || quote((SELECT k.name "          \
	  "|| ' (' || ifnull((SELECT o.name FROM org o WHERE o.id = "          \
	  "k.org), '') || ')' FROM person k WHERE k.id = "                     \
	  "t.proposer_person)) || ',' || quote(t.purpose_md) || ',' "          \
	  "|| quote(t.discussion_ends_at) || ',' || "                          \
	  "quote(t.vote_starts_at) || ',' || quote(t.vote_ends_at) || "        \
	  "',' || quote(t.results_at) || ',' || "                              \
	  "quote(t.review_starts_at) || ',' || "                               \
	  "quote(t.review_ends_at) || ',' || quote(t.adopted_at) || "          \
	  "',' || quote(t.published_at) || ',' || quote(t.created_at) "        \
	  "|| ',' || quote(t.proposed_at) || ',' || "                          \
	  "quote(t.withdrawn_at) || ',' || quote(t.cancelled_at) || "          \
	  "',' || quote(t.result) || ',' || quote(t.quorum_published) "        \
	  "|| ',' || quote(t.quorum_source) FROM ballot t WHERE ?1 IS "        \
	  "NULL OR t.body = ?1 ORDER BY 1")                                    \
	X(DIGEST_BALLOT_VERSION,                                               \
	  "SELECT quote((SELECT b.code || '/' || k.number FROM ballot "        \
	  "k JOIN body b ON b.id = k.body WHERE k.id = t.ballot)) || "         \
	  "',' || quote(t.n) || ',' || quote(t.posted_at) || ',' || "          \
	  "quote(t.repo) || ',' || quote(t.base_oid) || ',' || "               \
	  "quote(t.head_oid) || ',' || quote(t.url) || ',' || "                \
	  "quote(t.text_md) || ',' || quote(t.hash) FROM "                     \
	  "ballot_version t WHERE ?1 IS NULL OR (SELECT l.body FROM "          \
	  "ballot l WHERE l.id = t.ballot) = ?1 ORDER BY 1")                   \
	X(DIGEST_BALLOT_VERSION_FILE,                                          \
	  "SELECT quote((SELECT b.code || '/' || l.number || 'v' || "          \
	  "k.n FROM ballot_version k JOIN ballot l ON l.id = k.ballot "        \
	  "JOIN body b ON b.id = l.body WHERE k.id = t.version)) || "          \
	  "',' || quote(t.path) || ',' || quote(t.base_blob) || ',' "          \
	  "|| quote(t.head_blob) FROM ballot_version_file t WHERE ?1 "         \
	  "IS NULL OR (SELECT l.body FROM ballot_version v JOIN "              \
	  "ballot l ON l.id = v.ballot WHERE v.id = t.version) = ?1 "          \
	  "ORDER BY 1")                                                        \
	X(DIGEST_ENDORSEMENT,                                                  \
	  "SELECT quote((SELECT b.code || '/' || k.number FROM ballot "        \
	  "k JOIN body b ON b.id = k.body WHERE k.id = t.ballot)) || "         \
	  "',' || quote((SELECT k.name FROM org k WHERE k.id = "               \
	  "t.org)) || ',' || quote((SELECT k.name || ' (' || "                 \
	  "ifnull((SELECT o.name FROM org o WHERE o.id = k.org), '') "         \
	  "|| ')' FROM person k WHERE k.id = t.person)) || ',' || "            \
	  "quote(t.at) FROM endorsement t WHERE ?1 IS NULL OR (SELECT "        \
	  "l.body FROM ballot l WHERE l.id = t.ballot) = ?1 ORDER BY "         \
	  "1")                                                                 \
	X(DIGEST_VOTE,                                                         \
	  "SELECT quote((SELECT b.code || '/' || k.number FROM ballot "        \
	  "k JOIN body b ON b.id = k.body WHERE k.id = t.ballot)) || "         \
	  "',' || quote((SELECT k.name FROM org k WHERE k.id = "               \
	  "t.org)) || ',' || quote((SELECT k.name || ' (' || "                 \
	  "ifnull((SELECT o.name FROM org o WHERE o.id = k.org), '') "         \
	  "|| ')' FROM person k WHERE k.id = t.person)) || ',' || "            \
	  "quote(t.value) || ',' || quote(t.cast_at) || ',' || "               \
	  "quote(t.source) || ',' || quote(t.valid) || ',' || "                \
	  "quote(t.reason) || ',' || quote(t.recorded_at) FROM vote t "        \
	  "WHERE ?1 IS NULL OR (SELECT l.body FROM ballot l WHERE "            \
	  "l.id = t.ballot) = ?1 ORDER BY 1")                                  \
	X(DIGEST_EXCLUSION_NOTICE,                                             \
	  "SELECT quote((SELECT b.code || '/' || k.number FROM ballot "        \
	  "k JOIN body b ON b.id = k.body WHERE k.id = t.ballot)) || "         \
	  "',' || quote((SELECT k.name FROM org k WHERE k.id = "               \
	  "t.org)) || ',' || quote(t.received_at) || ',' || "                  \
	  "quote(t.sections) || ',' || quote(t.patents) || ',' || "            \
	  "quote(t.body_md) FROM exclusion_notice t WHERE ?1 IS NULL "         \
	  "OR (SELECT l.body FROM ballot l WHERE l.id = t.ballot) = "          \
	  "?1 ORDER BY 1")                                                     \
	X(DIGEST_BALLOT_NOTICE,                                                \
	  "SELECT quote((SELECT b.code || '/' || k.number FROM ballot "        \
	  "k JOIN body b ON b.id = k.body WHERE k.id = t.ballot)) || "         \
	  "',' || quote(t.kind) || ',' || quote(t.version) || ',' || "         \
	  "quote(t.message_id) || ',' || quote(t.sent_at) || ',' || "          \
	  "quote(t.sent_by) FROM ballot_notice t WHERE ?1 IS NULL OR "         \
	  "(SELECT l.body FROM ballot l WHERE l.id = t.ballot) = ?1 "          \
	  "ORDER BY 1")                                                        \
	X(DIGEST_BALLOT_QUORUM,                                                \
	  "SELECT quote((SELECT b.code || '/' || k.number FROM ballot "        \
	  "k JOIN body b ON b.id = k.body WHERE k.id = t.ballot)) || "         \
	  "',' || quote((SELECT b.code || '@' || k.starts_at || '/' "          \
	  "|| ifnull(k.subcommittee, '') FROM meeting k JOIN body b "          \
	  "ON b.id = k.body WHERE k.id = t.meeting)) || ',' || "               \
	  "quote(t.present) FROM ballot_quorum t WHERE ?1 IS NULL OR "         \
	  "(SELECT l.body FROM ballot l WHERE l.id = t.ballot) = ?1 "          \
	  "ORDER BY 1")                                                        \
	X(DIGEST_REVIEW_NOTE,                                                  \
	  "SELECT quote((SELECT b.code || '/' || l.number || 'v' || "          \
	  "k.n FROM ballot_version k JOIN ballot l ON l.id = k.ballot "        \
	  "JOIN body b ON b.id = l.body WHERE k.id = t.version)) || "          \
	  "',' || quote(t.path) || ',' || quote(t.line) || ',' || "            \
	  "quote(t.line_hash) || ',' || quote(t.author) || ',' || "            \
	  "quote(t.body_md) || ',' || quote(t.created_at) FROM "               \
	  "review_note t WHERE t.private = 0 AND (?1 IS NULL OR "              \
	  "(SELECT l.body FROM ballot_version v JOIN ballot l ON l.id "        \
	  "= v.ballot WHERE v.id = t.version) = ?1) ORDER BY 1")

#define GV__DIGEST_TABLES(Y)                                                   \
	Y(BODY, body)                                                          \
	Y(HOLIDAY, holiday)                                                    \
	Y(ORG, org)                                                            \
	Y(MEMBERSHIP, membership)                                              \
	Y(PERSON, person)                                                      \
	Y(PERSON_EMAIL, person_email)                                          \
	Y(REP, rep)                                                            \
	Y(AFFILIATION, affiliation)                                            \
	Y(ROLE, role)                                                          \
	Y(MEETING, meeting)                                                    \
	Y(ATTENDANCE, attendance)                                              \
	Y(AGENDA_ITEM, agenda_item)                                            \
	Y(AGENDA_LINK, agenda_link)                                            \
	Y(ISSUE, issue)                                                        \
	Y(ISSUE_LABEL, issue_label)                                            \
	Y(ISSUE_NOTE, issue_note)                                              \
	Y(ISSUE_STATE, issue_state)                                            \
	Y(ISSUE_LINK, issue_link)                                              \
	Y(BALLOT, ballot)                                                      \
	Y(BALLOT_VERSION, ballot_version)                                      \
	Y(BALLOT_VERSION_FILE, ballot_version_file)                            \
	Y(ENDORSEMENT, endorsement)                                            \
	Y(VOTE, vote)                                                          \
	Y(EXCLUSION_NOTICE, exclusion_notice)                                  \
	Y(BALLOT_QUORUM, ballot_quorum)                                        \
	Y(BALLOT_NOTICE, ballot_notice)                                        \
	Y(REVIEW_NOTE, review_note)

#endif
