/* SPDX-License-Identifier: MIT */
/*
 * This file lists every kind of operation, each defined beside the
 * change it applies (gv__op_holiday_add in core/holiday.c, ...). A kind's
 * name is part of every stored operation: never rename one, add a new
 * kind instead.
 */
#ifndef GV_CORE_OP_KINDS_H
#define GV_CORE_OP_KINDS_H

#include "op.h"

#define GV__OP_KINDS(X)                                                        \
	X(body_add)                                                            \
	X(body_set)                                                            \
	X(org_add)                                                             \
	X(org_set)                                                             \
	X(person_add)                                                          \
	X(meeting_add)                                                         \
	X(meeting_cancel)                                                      \
	X(meeting_taker)                                                       \
	X(meeting_unattend)                                                    \
	X(meeting_item)                                                        \
	X(meeting_note)                                                        \
	X(meeting_link)                                                        \
	X(minutes_approve)                                                     \
	X(minutes_draft)                                                       \
	X(meeting_attend)                                                      \
	X(minutes_import)                                                      \
	X(issue_add)                                                           \
	X(issue_edit)                                                          \
	X(issue_state)                                                         \
	X(issue_label)                                                         \
	X(issue_note)                                                          \
	X(issue_link_meeting)                                                  \
	X(issue_link_ballot)                                                   \
	X(issue_link_draft)                                                    \
	X(issue_import)                                                        \
	X(review_add)                                                          \
	X(ballot_pin)                                                          \
	X(ballot_new)                                                          \
	X(ballot_record)                                                       \
	X(ballot_endorse)                                                      \
	X(ballot_set)                                                          \
	X(ballot_version)                                                      \
	X(ballot_discuss)                                                      \
	X(ballot_open_vote)                                                    \
	X(ballot_close)                                                        \
	X(ballot_review)                                                       \
	X(ballot_withdraw)                                                     \
	X(ballot_cancel)                                                       \
	X(ballot_exclusion)                                                    \
	X(ballot_quorum)                                                       \
	X(ballot_vote)                                                         \
	X(store_snapshot)                                                      \
	X(holiday_add)                                                         \
	X(holiday_remove)                                                      \
	X(body_role)                                                           \
	X(ballot_notice_sent)                                                  \
	X(person_email)                                                        \
	X(person_email_add)                                                    \
	X(person_rep)

#define GV__OP_KIND_DECLARE(name) extern const struct gv__op_kind gv__op_##name;
GV__OP_KINDS(GV__OP_KIND_DECLARE)
#undef GV__OP_KIND_DECLARE

/* The kind stored operations name, or NULL: a newer gavel's. */
const struct gv__op_kind *gv__op_kind_find(const char *name);

#endif
