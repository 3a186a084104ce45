/* SPDX-License-Identifier: MIT */
/*
 * This file implements finding who cast a vote sent to the list: the
 * sender's address names a person (by any of their addresses), who must
 * be a voting representative in the ballot's body (BYL 2.3(2): only a
 * Voting Representative of a Voting Member casts its vote), for the
 * organisation they were with on the day. Nothing is guessed: an address
 * nobody has, or one the list wrote in place of its author's, is said so.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ballot_internal.h"
#include "db.h"
#include "person_email.h"
#include "roll_call.h"
#include "vote_sender.h"
#include "gavel/time.h"

/* One person an address names. */
struct owner {
	int64_t id;
	char *name;
	int rep; /* a voting representative in the body then */
};

struct owners {
	struct owner *v;
	size_t n, alloc;
};

static void
owners_dispose(struct owners *o)
{
	for (size_t i = 0; i < o->n; i++)
		free(o->v[i].name);
	free(o->v);
}

static int
owners_of(struct owners *out, struct gv_db *db, const char *addr, int64_t body,
          int64_t at)
{
	sqlite3_stmt *st;
	char *fold = gv__email_fold(addr);
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = gv__db_stmt(&st, db, GV__STMT_PERSON_SENDER)) < 0)
		goto out;
	gv__bind_text(st, 1, fold);
	gv__bind_int(st, 2, body);
	gv__bind_int(st, 3, at);
	while ((error = gv__db_step(db, st)) > 0) {
		struct owner *o;

		out->v = gv__grow(out->v, &out->alloc, out->n, sizeof(*out->v));
		o = &out->v[out->n++];
		o->id = sqlite3_column_int64(st, 0);
		o->name = gv__col_text(st, 1);
		o->rep = sqlite3_column_int(st, 2);
	}
	gv__db_reset(st);
out:
	free(fold);
	return error < 0 ? error : 0;
}

/* The address the vote's author wrote from. Mailman, to pass DMARC,
 * sends a post "From: Ben Wilson via Public <public@...>" with the
 * author's address in Reply-To; its text archive keeps only the list's.
 * NULL (with *why) when the author's address is not there. */
static const char *
author_address(char **why, const struct gv_body *body,
               const struct gv__from *from, int known)
{
	int list = from->addr && body->list_addr &&
	           !strcasecmp(from->addr, body->list_addr);

	*why = NULL;
	if (!from->addr) {
		*why = gv__xstrdup("it has no From address");
		return NULL;
	}
	/* "X via List": the list's rewrite, unless someone has the
	 * address (a list of another name). */
	if (!list && (known || !from->name || !strstr(from->name, " via ")))
		return from->addr;
	if (from->reply_to &&
	    (!body->list_addr || strcasecmp(from->reply_to, body->list_addr)))
		return from->reply_to;
	*why = gv__xsprintf("the list sent it in its own name (\"%s <%s>\", "
	                    "rewritten for DMARC) without its author's "
	                    "address: find who wrote it in the archive",
	                    from->name ? from->name : "", from->addr);
	return NULL;
}

/* The one organisation the voting representatives among o were with at
 * at; 1 with *why when there is not exactly one. */
static int
sender_org(struct gv__sender *out, char **why, struct gv_db *db,
           const struct owners *o, const struct gv_body *body, int64_t at)
{
	char day[GV_TIME_BUFSZ];
	int64_t org;
	int error, reps = 0;

	for (size_t i = 0; i < o->n; i++) {
		if (!o->v[i].rep)
			continue;
		reps++;
		if ((error = gv__affiliation_at(&org, db, o->v[i].id, at)) < 0)
			return error;
		if (org && out->org && org != out->org) {
			*why = gv__xsprintf("its address is one of people of "
			                    "two organisations (%s, %s)",
			                    out->person, o->v[i].name);
			return 1;
		}
		if (org && !out->org) {
			out->org = org;
			out->person = gv__xstrdup(o->v[i].name);
		}
	}
	if (!reps) {
		*why = gv__xsprintf("%s is not a voting representative in %s: "
		                    "only one casts a member's vote (BYL "
		                    "2.3(2)); if they were then, say so with "
		                    "'gavel person set \"%s\" --rep %s'",
		                    o->v[0].name, body->code, o->v[0].name,
		                    body->code);
		return 1;
	}
	if (!out->org) {
		*why = gv__xsprintf("the organisation %s was with on %s is not "
		                    "known",
		                    o->v[0].name,
		                    gv_time_format(day, at, GV_TIME_DATE));
		return 1;
	}
	return 0;
}

static int
org_name(char **out, struct gv_db *db, int64_t org)
{
	sqlite3_stmt *st;
	int error;

	*out = NULL;
	if ((error = gv__db_stmt(&st, db, GV__STMT_ORG_NAME)) < 0)
		return error;
	gv__bind_int(st, 1, org);
	if ((error = gv__db_step(db, st)) > 0)
		*out = gv__col_text(st, 0);
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

int
gv__vote_sender(struct gv__sender *out, char **why, struct gv_db *db,
                const struct gv_body *body, const struct gv__from *from,
                int64_t at)
{
	struct owners o = {NULL, 0, 0};
	enum gv_class klass = GV_CLASS_UNKNOWN;
	const char *addr, *reason = NULL;
	int error;

	memset(out, 0, sizeof(*out));
	*why = NULL;
	if (from->addr &&
	    (error = owners_of(&o, db, from->addr, body->id, at)) < 0)
		return error;
	if (!(addr = author_address(why, body, from, o.n > 0)))
		goto unmatched;
	if (addr != from->addr) {
		owners_dispose(&o);
		if ((error = owners_of(&o, db, addr, body->id, at)) < 0)
			return error;
	}
	if (!o.n) {
		*why = gv__xsprintf("unknown sender %s: give the address to "
		                    "its person with 'gavel person email NAME "
		                    "%s'",
		                    addr, addr);
		goto unmatched;
	}
	if ((error = sender_org(out, why, db, &o, body, at)) != 0 ||
	    (error = org_name(&out->org_name, db, out->org)) < 0 ||
	    (error = gv__org_votes_at(&reason, &klass, db, out->org, body->id,
	                              at)) < 0)
		goto out;
	/* A class without a vote is the roster's to settle; a suspension is
	 * the ledger's, which keeps the vote with its reason. */
	if (reason && !gv_class_votes(klass)) {
		*why = gv__xsprintf("%s represents %s, which has no vote in %s "
		                    "then: %s",
		                    out->person, out->org_name, body->code,
		                    reason);
		goto unmatched;
	}
	goto out;
unmatched:
	error = 1;
out:
	owners_dispose(&o);
	if (error != 0)
		gv__sender_dispose(out);
	return error;
}

void
gv__sender_dispose(struct gv__sender *s)
{
	free(s->person);
	free(s->org_name);
	memset(s, 0, sizeof(*s));
}
