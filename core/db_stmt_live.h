/* SPDX-License-Identifier: MIT */
/*
 * This file lists the SQL that finds the ballots whose clocks may still
 * run (core/deadlines.c, the screen's dashboard), a part of
 * core/db_stmt.h's X-macro kept in its own file.
 */
#ifndef GV_CORE_DB_STMT_LIVE_H
#define GV_CORE_DB_STMT_LIVE_H

/* BALLOT_LIST_LIVE's latest version by ?2, else the proposal, else -1
 * (a look-up by the ballot's versions' index, made only for the ballots
 * not settled by ?2); and the end of the IPR review (60 days for a Final
 * Guideline, else 30; IPR 4.1). */
#define GV__BALLOT_LATEST                                                      \
	"ifnull((SELECT max(posted_at) FROM ballot_version"                    \
	" WHERE ballot = bl.id AND posted_at <= ?2),"                          \
	" CASE WHEN bl.proposed_at <= ?2 THEN bl.proposed_at ELSE -1 END)"
#define GV__BALLOT_REVIEW_END                                                  \
	"(bl.review_starts_at + CASE bl.kind WHEN 'fg' THEN 60 ELSE 30 END"    \
	" * 86400)"

#define GV__STMTS_LIVE(X)                                                         \
	/* The ballots that may have a clock running at ?2: all but those         \
	 * whose every clock is over by what is recorded (RULES §4; core/        \
	 * deadlines.c), a sufficient test, never computing a clock. L: the       \
	 * latest version by ?2, else the proposal (core/ballot_acts.c); an       \
	 * act after it belongs to the current round. The test runs only on       \
	 * the ballots not settled by ?2 (settled_at, core/db_schema.c v11),      \
	 * found by its index: a decided ballot's row is never read. A vote       \
	 * opened by ?2 and withdrawn after it is no longer in the row (core/     \
	 * ballot_past.c): a ballot withdrawn after ?2 is never "unvoted". */     \
	X(BALLOT_LIST_LIVE,                                                       \
	  "SELECT bl.id FROM ballot bl JOIN body b ON b.id = bl.body"             \
	  " WHERE (bl.settled_at IS NULL OR bl.settled_at > ?2)"                  \
	  " AND (?1 IS NULL OR bl.body = ?1) AND NOT (" /* cancelled, or          \
	                                                     withdrawn since      \
	                                                     the latest           \
	                                                     version: none        \
	                                                     runs */              \
	  " ifnull(bl.cancelled_at <= ?2, 0) OR ifnull(bl.withdrawn_at <= ?2"     \
	  "  AND bl.withdrawn_at > " GV__BALLOT_LATEST                            \
	  ", 0)" /* expired unvoted: discussion and expiry over (BYL 2.3(3))      \
	          */                                                              \
	  " OR (bl.vote_starts_at IS NULL AND " GV__BALLOT_LATEST " >= 0"         \
	  "  AND " GV__BALLOT_LATEST " + 90 * 86400 <= ?2"                        \
	  "  AND ifnull(bl.proposed_at + 7 * 86400 <= ?2, 1)"                     \
	  "  AND ifnull(bl.discussion_ends_at <= ?2, 1)"                          \
	  "  AND ifnull(bl.withdrawn_at <= ?2, 1))" /* voted and counted          \
	                                                     in this round        \
	                                                     (BYL 2.3(4), 2.3(8)) \
	                                                   */                     \
	  " OR (ifnull(bl.vote_starts_at > " GV__BALLOT_LATEST                    \
	  "  AND bl.vote_starts_at + 7 * 86400 <= ?2"                             \
	  "  AND bl.results_at > " GV__BALLOT_LATEST                              \
	  "  AND bl.results_at <= ?2, 0) AND (bl.kind = 'other'" /* a             \
	                                                            guideline     \
	                                                            ballot        \
	                                                            that did      \
	                                                            not pass,     \
	                                                            never         \
	                                                            reviewed      \
	                                                          */              \
	  "  OR (ifnull(bl.result, '') <> 'passed'"                               \
	  "   AND bl.review_starts_at IS NULL)" /* or whose review, outcome       \
	                                         * and publication are over       \
	                                         * (IPR 4.1; BYL 2.4(8)): 10      \
	                                         * business days after the        \
	                                         * review's end come within K     \
	                                         * days when K's whole weeks,     \
	                                         * 5 weekdays each, less the      \
	                                         * body's holidays in those       \
	                                         * days, make 10 */               \
	  "  OR ifnull(bl.review_starts_at > " GV__BALLOT_LATEST                  \
	  "   AND bl.review_starts_at <= ?2 AND " GV__BALLOT_REVIEW_END           \
	  "   <= ?2 AND (?2 - " GV__BALLOT_REVIEW_END ") / 86400 / 7 * 5 -"       \
	  "   (SELECT count(*) FROM holiday h WHERE h.body = bl.body"             \
	  "    AND h.day > " GV__BALLOT_REVIEW_END " / 86400"                     \
	  "    AND h.day <= ?2 / 86400) >= 10, 0))))"                             \
	  " ORDER BY b.fold, bl.number")

#endif
