/* SPDX-License-Identifier: MIT */
/*
 * This file declares a ballot's notices (RULES §5.4, §5.5; BYL 2.3, 2.4):
 * their kinds, the template each is rendered from, and the record of
 * those sent as mail, by Message-ID, which later notices answer.
 */
#ifndef GV_NOTICE_H
#define GV_NOTICE_H

#include <stddef.h>
#include <stdint.h>

struct gv_db;

/* In the order of a ballot's life. */
enum gv_notice {
	GV_NOTICE_PROPOSAL, /* discussion begins (BYL 2.3(3)) */
	GV_NOTICE_VOTING,   /* the voting period begins (BYL 2.3(4)) */
	GV_NOTICE_RESULTS,  /* the results (BYL 2.3(8), 2.4(4)) */
	GV_NOTICE_REVIEW,   /* the IPR Review Notice (BYL 2.4(5), IPR 4.1) */
	GV_NOTICE_ADOPTED,  /* the review's outcome (BYL 2.4(8)) */
};

#define GV_NOTICE_COUNT 5

/* "proposal", ... and back (any case): 0, or GV_EINVALID naming the
 * kinds. */
const char *gv_notice_name(enum gv_notice kind);
int gv_notice_parse(enum gv_notice *out, const char *name);

/* The template a notice is rendered from ("results.md"). */
const char *gv_notice_template(enum gv_notice kind);

/* A notice recorded as sent. */
struct gv_notice_sent {
	enum gv_notice kind;
	int version;      /* the ballot's version it was for */
	char *message_id; /* without angle brackets: "left@right" */
	int64_t sent_at;  /* UTC */
	char *sent_by;    /* who sent it (the operation's actor) */
};

struct gv_notice_sent_list {
	struct gv_notice_sent *v; /* in the order they were sent */
	size_t n;
};

/* The notices of ballot ref sent so far (as of the db's clock). Returns
 * 0 or GV_ENOTFOUND; caller frees *out with gv_notice_sent_list_free(). */
int gv_notice_sent_list(struct gv_notice_sent_list **out, struct gv_db *db,
                        const char *ref);
void gv_notice_sent_list_free(struct gv_notice_sent_list *list);

#endif
