/* SPDX-License-Identifier: MIT */
/*
 * This file implements votes and the tally (RULES §5): who may vote, the
 * voting window, the ledger that keeps every vote (invalid ones with the
 * reason), the last valid vote per organisation, the per-class thresholds
 * and the quorum from the body's attendance.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ballot_internal.h"
#include "db.h"
#include "op_kinds.h"
#include "gavel/meeting.h"
#include "gavel/time.h"

static const char *const vote_values[] = {"yes", "no", "abstain"};

const char *
gv_vote_value_name(enum gv_vote_value v)
{
	return vote_values[v];
}

int
gv_vote_value_parse(enum gv_vote_value *out, const char *text)
{
	int i;

	for (i = 0; i < 3; i++)
		if (text && !strcasecmp(text, vote_values[i])) {
			*out = (enum gv_vote_value)i;
			return 0;
		}
	return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
	                     "\"%s\" is not a vote: use yes, no or abstain "
	                     "(BYL 2.3(5))",
	                     text ? text : "");
}

int
gv__org_votes_at(const char **reason, enum gv_class *klass_out,
                 struct gv_db *db, int64_t org, int64_t body, int64_t t)
{
	int error;
	static const char *const no_vote[] = {
	        [GV_CLASS_PROBATIONARY] = "probationary member: no vote "
	                                  "(BYL 3.3)",
	        [GV_CLASS_ASSOCIATE] = "associate member: no vote (BYL 3.1)",
	        [GV_CLASS_INTERESTED] = "interested party: no vote (BYL 3.2)",
	        [GV_CLASS_UNKNOWN] = "class unknown: classify it with 'gavel "
	                             "org set'",
	};
	sqlite3_stmt *st = NULL;
	enum gv_class klass = GV_CLASS_UNKNOWN;
	int rc, suspended = 0;

	*reason = NULL;
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEMBERSHIP_AT)) < 0)
		return error;
	gv__bind_int(st, 1, org);
	gv__bind_int(st, 2, body);
	gv__bind_int(st, 3, t);
	if ((rc = gv__db_step(db, st)) > 0) {
		gv_class_parse(&klass,
		               (const char *)sqlite3_column_text(st, 0));
		suspended = !strcmp((const char *)sqlite3_column_text(st, 1),
		                    "suspended");
	}
	gv__db_reset(st);
	if (rc < 0)
		return rc;
	if (klass_out)
		*klass_out = klass;
	if (rc == 0)
		*reason = "not a member of the body then";
	else if (!gv_class_votes(klass))
		*reason = no_vote[klass];
	else if (suspended)
		/* SMC-CH 3.2.3: no vote while suspended; votes cast before
		 * the suspension stand (membership is read as of the vote). */
		*reason = "suspended: no vote (SMC-CH 3.2.3)";
	return 0;
}

/* The voting window a vote is checked against (RULES §4). */
struct vote_window {
	int64_t starts, ends, withdrawn; /* -1: none recorded */
	int end_inclusive;               /* the body reads the end so */
};

/* Why a vote cast at t falls outside the window, or NULL (RULES §4:
 * [start, end), the end included when the body reads it so). */
static const char *
window_reason(const struct vote_window *w, int64_t t)
{
	if (w->starts < 0)
		return w->withdrawn >= 0 && t >= w->withdrawn
		               ? "the ballot was withdrawn from voting"
		               : "voting was not open";
	if (t < w->starts)
		return "cast before voting opened";
	if (t > w->ends || (t == w->ends && !w->end_inclusive))
		return "cast after voting closed";
	return NULL;
}

/* What casting a vote reads of its ballot: its row, its number and body
 * (as the log names them) and its window; not the whole ballot. */
struct vote_ballot {
	int64_t id, body_id;
	char number[48];
	char *body; /* code, owned */
	struct vote_window window;
};

static int
vote_ballot_get(struct vote_ballot *out, struct gv_db *db, const char *ref)
{
	sqlite3_stmt *st;
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = gv_ballot_find(&out->id, db, ref)) < 0 ||
	    (error = gv__db_stmt(&st, db, GV__STMT_VOTE_BALLOT)) < 0)
		return error;
	gv__bind_int(st, 1, out->id);
	if ((error = gv__db_step(db, st)) > 0) {
		out->body = gv__col_text(st, 0);
		gv_ballot_format_number(
		        out->number, sizeof(out->number),
		        (const char *)sqlite3_column_text(st, 1),
		        sqlite3_column_int(st, 2), sqlite3_column_int64(st, 3));
		out->body_id = sqlite3_column_int64(st, 4);
		out->window.starts = gv__col_opt(st, 5);
		out->window.ends = gv__col_opt(st, 6);
		out->window.withdrawn = gv__col_opt(st, 7);
		out->window.end_inclusive = sqlite3_column_int(st, 8);
	}
	gv__db_reset(st);
	if (error == 0)
		error = gv__error_set(GV_ERRCLASS_BALLOT, GV_ENOTFOUND,
		                      "no ballot with id %lld",
		                      (long long)out->id);
	return error < 0 ? error : 0;
}

/*
 * Why a vote cast at `at` outside b's window does not count, as `ballot
 * show` will say it: by the round it was cast in (core/ballot_past.c),
 * which the row's window alone cannot tell once a withdrawal or a new
 * version cleared it (a vote cast in a withdrawn round went with it, BYL
 * 2.3(4)). For the one who records it; the reason the row keeps is the
 * window's, which every copy computes alike.
 */
static char *
round_reason(struct gv_db *db, const struct vote_ballot *b, int64_t at,
             const char *window)
{
	struct gv_ballot *full = NULL;
	struct gv__rounds r = {0};
	char *why = NULL;

	if (gv__ballot_load_ref(&full, db, b->number, gv_db_now(db)) == 0 &&
	    gv__ballot_rounds(&r, db, full, gv_db_now(db)) == 0)
		why = gv__vote_round_reason(&r, full, at,
		                            b->window.end_inclusive);
	gv__rounds_dispose(&r);
	gv_ballot_free(full);
	return why ? why : gv__xstrdup(window);
}

/* Records a vote of org on b at at: valid, or kept with the reason it
 * does not count (RULES §5.1). */
static int
vote_record(char **reason_out, struct gv_db *db, const struct vote_ballot *b,
            int64_t org, enum gv_vote_value value, int64_t at,
            const char *source)
{
	const char *reason = NULL;
	sqlite3_stmt *st;
	int error, outside = 0;

	if (reason_out)
		*reason_out = NULL;
	if ((error = gv__check_text(GV_ERRCLASS_BALLOT, "source", source)) <
	            0 ||
	    (error = gv__org_votes_at(&reason, NULL, db, org, b->body_id, at)) <
	            0)
		return error;
	if (!reason)
		outside = (reason = window_reason(&b->window, at)) != NULL;
	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_VOTE_INSERT)) < 0) {
		gv__db_rollback(db);
		return error;
	}
	gv__bind_int(st, 1, b->id);
	gv__bind_int(st, 2, org);
	gv__bind_text(st, 3, vote_values[value]);
	gv__bind_int(st, 4, at);
	gv__bind_text(st, 5, source);
	gv__bind_int(st, 6, reason == NULL);
	gv__bind_text(st, 7, reason);
	gv__bind_int(st, 8, gv_db_now(db));
	if ((error = gv__db_run(db, st)) < 0 ||
	    (error = gv__db_commit(db)) < 0) {
		gv__db_rollback(db);
		return error;
	}
	if (reason_out && reason)
		*reason_out = outside ? round_reason(db, b, at, reason)
		                      : gv__xstrdup(reason);
	return 0;
}

/* What the ledger holds of an organisation's votes on a ballot: how many
 * rows, the latest value (NULL: none, owned) and whether one came from
 * source already. */
struct seen {
	int count, from_source;
	char *last;
};

static int
vote_seen(struct seen *out, struct gv_db *db, int64_t ballot, int64_t org,
          const char *source)
{
	sqlite3_stmt *st;
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = gv__db_stmt(&st, db, GV__STMT_VOTE_SEEN)) < 0)
		return error;
	gv__bind_int(st, 1, ballot);
	gv__bind_int(st, 2, org);
	gv__bind_text(st, 3, source);
	while ((error = gv__db_step(db, st)) > 0) {
		if (!out->count++)
			out->last = gv__col_text(st, 0);
		out->from_source |= sqlite3_column_int(st, 1);
	}
	gv__db_reset(st);
	return error < 0 ? error : 0;
}

/*
 * A vote recorded on a copy that had seen `seen` of the organisation's
 * votes. The same mail recorded twice (same source) is one vote. When
 * another member recorded a vote of the organisation meanwhile, the same
 * value is nothing new, and a different one is a conflict for the chair
 * to settle by recording the vote the organisation cast again (issue 17).
 * The ballot and the organisation are looked up once, for both.
 */
static int
vote_apply(struct gv_db *db, const struct gv__op *op)
{
	const char *ballot, *org, *value, *source = NULL;
	char buf[48];
	enum gv_vote_value v = GV_VOTE_ABSTAIN;
	struct vote_ballot b = {0};
	struct seen now = {0};
	int64_t org_id = 0;
	int expect = -1, error;

	if ((error = gv__op_unpack(op, "{s:s, s:s, s:s, s?s, s?i}", "ballot",
	                           &ballot, "org", &org, "value", &value,
	                           "source", &source, "seen", &expect)) < 0 ||
	    (error = gv__ballot_named(&ballot, buf, db, op)) < 0 ||
	    (error = gv_vote_value_parse(&v, value)) < 0 ||
	    (error = vote_ballot_get(&b, db, ballot)) < 0 ||
	    (error = gv_org_find(&org_id, db, org)) < 0 ||
	    (error = vote_seen(&now, db, b.id, org_id, source)) < 0)
		goto out;
	if (source && now.from_source)
		error = GV__OP_SAME;
	else if (expect >= 0 && now.count != expect)
		error = now.last && !strcmp(now.last, value)
		                ? GV__OP_SAME
		                : gv__error_set(
		                          GV_ERRCLASS_BALLOT, GV_ECONFLICT,
		                          "%s's vote on %s was recorded as %s "
		                          "by another member, which the copy "
		                          "that recorded %s had not seen: "
		                          "record the vote %s cast again",
		                          org, ballot,
		                          now.last ? now.last : "?", value,
		                          org);
	else
		error = vote_record(op->out, db, &b, org_id, v, op->at, source);
out:
	free(now.last);
	free(b.body);
	return error;
}

const struct gv__op_kind gv__op_ballot_vote = {"ballot.vote", GV__MAY_OFFICER,
                                               vote_apply};

int
gv_ballot_vote(char **reason_out, struct gv_db *db, const char *ref,
               const char *name, enum gv_vote_value value, int64_t at,
               const char *source)
{
	struct vote_ballot b = {0};
	json_t *data;
	struct seen seen = {0};
	int64_t org = 0;
	int error;

	if (reason_out)
		*reason_out = NULL;
	if ((error = gv__check_text(GV_ERRCLASS_BALLOT, "source", source)) <
	            0 ||
	    (error = vote_ballot_get(&b, db, ref)) < 0 ||
	    (error = gv_org_find(&org, db, name)) < 0 ||
	    (error = vote_seen(&seen, db, b.id, org, source)) < 0)
		goto out;
	data = json_pack("{s:s, s:s?, s:s, s:s*, s:i}", "ballot", b.number,
	                 "org", name, "value", vote_values[value], "source",
	                 source, "seen", seen.count);
	if ((error = gv__ballot_made_add(data, db, b.id)) < 0) {
		json_decref(data);
		goto out;
	}
	error = gv__op_submit(db, &gv__op_ballot_vote, b.body, at, data, 0,
	                      reason_out);
out:
	free(seen.last);
	free(b.body);
	return error;
}

/* Reads the ledger and decides which votes count: each by the round it
 * was cast in (core/ballot_past.c), as the ballot stands now. */
static int
tally_ledger(struct gv_tally *t, struct gv_db *db, const struct gv_ballot *b,
             const struct gv_body *body, int64_t now)
{
	sqlite3_stmt *st = NULL;
	struct gv__rounds rounds = {0};
	int64_t *orgs = NULL;
	size_t alloc = 0, oalloc = 0, i, j;
	enum gv_class klass = GV_CLASS_UNKNOWN;
	const char *reason = NULL;
	int rc = 0, error = 0;

	if ((error = gv__ballot_rounds(&rounds, db, b, now)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_VOTE_LEDGER)) < 0) {
		gv__rounds_dispose(&rounds);
		return error;
	}
	gv__bind_int(st, 1, b->id);
	while (error == 0 && (rc = gv__db_step(db, st)) > 0) {
		struct gv_vote *v;
		int64_t at = sqlite3_column_int64(st, 3);

		if (at > now)
			continue; /* not cast yet, as of now */
		t->votes = gv__grow(t->votes, &alloc, t->nvotes,
		                    sizeof(*t->votes));
		orgs = gv__grow(orgs, &oalloc, t->nvotes, sizeof(*orgs));
		v = &t->votes[t->nvotes];
		memset(v, 0, sizeof(*v));
		orgs[t->nvotes++] = sqlite3_column_int64(st, 0);
		v->org = gv__col_text(st, 1);
		gv_vote_value_parse(&v->value,
		                    (const char *)sqlite3_column_text(st, 2));
		v->cast_at = at;
		v->source = gv__col_text(st, 4);
		error = gv__org_votes_at(&reason, &klass, db,
		                         orgs[t->nvotes - 1], b->body_id, at);
		v->klass = gv__xstrdup(gv_class_name(klass));
		v->reason = reason ? gv__xstrdup(reason)
		                   : gv__vote_round_reason(
		                             &rounds, b, at,
		                             body->vote_end_inclusive);
	}
	gv__db_reset(st);
	gv__rounds_dispose(&rounds);
	if (error == 0 && rc < 0)
		error = rc;
	/* RULES §5.1 [INTERP]: an organisation's last valid vote counts. */
	for (i = 0; orgs && i < t->nvotes; i++) {
		t->votes[i].counted = !t->votes[i].reason;
		for (j = i + 1; j < t->nvotes && t->votes[i].counted; j++)
			if (orgs[j] == orgs[i] && !t->votes[j].reason)
				t->votes[i].counted = 0;
	}
	free(orgs);
	return error;
}

static void
class_add(struct gv_class_tally *c, const struct gv_vote *v)
{
	int *n = v->value == GV_VOTE_YES  ? &c->yes
	         : v->value == GV_VOTE_NO ? &c->no
	                                  : &c->abstain;
	char ***names = v->value == GV_VOTE_YES  ? &c->yes_orgs
	                : v->value == GV_VOTE_NO ? &c->no_orgs
	                                         : &c->abstain_orgs;

	*names = gv__xrealloc(*names, (size_t)(*n + 1) * sizeof(**names));
	(*names)[(*n)++] = gv__xstrdup(v->org);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcasecmp(*(char *const *)a, *(char *const *)b);
}

/* Results notices name the organisations in alphabetical order. */
static void
tally_sort(struct gv_class_tally *c)
{
	if (c->yes)
		qsort(c->yes_orgs, (size_t)c->yes, sizeof(char *), name_cmp);
	if (c->no)
		qsort(c->no_orgs, (size_t)c->no, sizeof(char *), name_cmp);
	if (c->abstain)
		qsort(c->abstain_orgs, (size_t)c->abstain, sizeof(char *),
		      name_cmp);
}

/* The quorum's baseline: as published, as fixed at the close, or from
 * the attendance before voting opened (or closed: a body's reading). */
static int
tally_quorum(struct gv_tally *t, struct gv_db *db, const struct gv_ballot *b,
             const struct gv_body *body)
{
	sqlite3_stmt *st = NULL;
	struct gv_baseline base;
	int sum = 0, n, error;

	t->quorum_from = "none";
	if (b->quorum_published > 0) {
		t->quorum = b->quorum_published;
		t->quorum_from = "published";
		return 0;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_QUORUM_GET)) < 0)
		return error;
	gv__bind_int(st, 1, b->id);
	while (t->nquorum_meetings < 3 && (error = gv__db_step(db, st)) > 0) {
		t->quorum_meetings[t->nquorum_meetings] =
		        sqlite3_column_int64(st, 0);
		t->quorum_present[t->nquorum_meetings++] =
		        sqlite3_column_int(st, 1);
	}
	gv__db_reset(st);
	if (error < 0)
		return error;
	if (!t->nquorum_meetings && b->vote_starts_at >= 0) {
		error = gv_meeting_baseline(&base, db, body->code,
		                            !strcmp(body->quorum_at, "vote-end")
		                                    ? b->vote_ends_at
		                                    : b->vote_starts_at);
		if (error == GV_ENOTFOUND)
			return 0;
		if (error < 0)
			return error;
		memcpy(t->quorum_meetings, base.meetings,
		       sizeof(base.meetings));
		memcpy(t->quorum_present, base.present, sizeof(base.present));
		t->nquorum_meetings = base.n;
	}
	if (!t->nquorum_meetings)
		return 0;
	for (n = 0; n < (int)t->nquorum_meetings; n++)
		sum += t->quorum_present[n];
	t->active_average = (double)sum / n;
	/* RULES §5.3: Q = floor(A / 2) + 1 (BYL 2.3(7)); the charters'
	 * other wordings are per-body readings [INTERP]. */
	if (!strcmp(body->quorum_rule, "average"))
		t->quorum = (sum + n - 1) / n; /* ceil(A) */
	else if (!strcmp(body->quorum_rule, "half-average"))
		t->quorum = (sum + 2 * n - 1) / (2 * n); /* ceil(A / 2) */
	else
		t->quorum = sum / (2 * n) + 1;
	t->quorum_from = "attendance";
	return 0;
}

/*
 * The share of yes among yes and no in tenths of a percent, rounded down
 * (RULES §5.4: computed, never copied): so 100% means nobody voted no, and
 * a share just under a threshold never reads as reaching it (FORUM-020 v2's
 * notice printed 100% for 11 yes and 1 no). -1 when nobody voted either.
 */
static void
tally_percent(struct gv_class_tally *c)
{
	int voting = c->yes + c->no;

	c->percent_tenths = voting ? 1000 * c->yes / voting : -1;
}

/* The thresholds of RULES §5.2, each with at least one yes. */
static void
tally_tests(struct gv_tally *t)
{
	struct gv_class_tally *i = &t->issuers, *c = &t->consumers;

	i->threshold = 3 * i->yes >= 2 * (i->yes + i->no);
	if (!strcmp(t->consumer_rule, "half-plus-one"))
		/* The Bylaws' literal "50% plus one": Y >= (Y + N) / 2 + 1. */
		c->threshold = 2 * c->yes >= c->yes + c->no + 2;
	else
		/* Practice: a strict majority, 2 of 3 passes (RULES §5.2). */
		c->threshold = 2 * c->yes > c->yes + c->no;
	/* And at least one yes in each class: zero votes fail (CSC-24). */
	i->met = i->threshold && i->yes >= 1;
	c->met = c->threshold && c->yes >= 1;
	tally_percent(i);
	tally_percent(c);
}

static int
tally_charter(struct gv_tally *t, struct gv_db *db, const struct gv_ballot *b,
              const struct gv_body *body)
{
	int error;
	sqlite3_stmt *st;
	int held = 0;

	t->charter_meetings_met = 1;
	if (body->min_meetings <= 0 || b->vote_starts_at < 0)
		return 0;
	/* A meeting "happened" when its roll call is recorded, as the
	 * quorum's baseline reads it: one past without a roll call may not
	 * have met, and one still to come by the clock has not. */
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETINGS_HELD_BEFORE)) < 0)
		return error;
	gv__bind_int(st, 1, body->id);
	gv__bind_int(st, 2, b->vote_starts_at);
	gv__bind_int(st, 3, gv_db_now(db));
	if ((error = gv__db_step(db, st)) > 0)
		held = sqlite3_column_int(st, 0);
	gv__db_reset(st);
	t->charter_meetings_held = held;
	t->charter_meetings_needed = body->min_meetings;
	t->charter_meetings_met = held >= body->min_meetings;
	return error < 0 ? error : 0;
}

int
gv_ballot_tally(struct gv_tally **out, struct gv_db *db, const char *ref)
{
	struct gv_ballot *b = NULL;
	struct gv_body body = {0};
	struct gv_tally *t = gv__xcalloc(1, sizeof(*t));
	int64_t now = gv_db_now(db);
	size_t i;
	int error;

	*out = NULL;
	if ((error = gv_ballot_get(&b, db, ref)) < 0 ||
	    (error = gv_body_get(&body, db, b->body)) < 0)
		goto out;
	t->ballot = gv__xstrdup(b->number);
	t->consumer_rule = !strcmp(body.consumer_rule, "half-plus-one")
	                           ? "half-plus-one"
	                           : "majority";
	t->quorum_rule = !strcmp(body.quorum_rule, "average") ? "average"
	                 : !strcmp(body.quorum_rule, "half-average")
	                         ? "half-average"
	                         : "bylaws";
	if ((error = tally_ledger(t, db, b, &body, now)) < 0 ||
	    (error = tally_quorum(t, db, b, &body)) < 0 ||
	    (error = tally_charter(t, db, b, &body)) < 0)
		goto out;
	for (i = 0; i < t->nvotes; i++) {
		if (!t->votes[i].counted)
			continue;
		t->participants++; /* abstentions count for quorum */
		class_add(!strcmp(t->votes[i].klass, "issuer") ? &t->issuers
		                                               : &t->consumers,
		          &t->votes[i]);
	}
	tally_sort(&t->issuers);
	tally_sort(&t->consumers);
	tally_tests(t);
	t->quorum_met = t->quorum > 0 && t->participants >= t->quorum &&
	                t->charter_meetings_met;
	/* A ballot that fails its thresholds fails "regardless of quorum"
	 * (RULES §9 E6); one that meets them is valid only with a quorum
	 * (BYL 2.3(7)). */
	if (b->vote_starts_at < 0 || now < b->vote_ends_at)
		t->result = "pending";
	else if (!t->issuers.met || !t->consumers.met)
		t->result = "failed";
	else if (!strcmp(t->quorum_from, "none"))
		t->result = "pending";
	else
		t->result = t->quorum_met ? "passed" : "invalid";
out:
	gv_body_dispose(&body);
	gv_ballot_free(b);
	if (error < 0) {
		gv_tally_free(t);
		return error;
	}
	*out = t;
	return 0;
}

static void
class_dispose(struct gv_class_tally *c)
{
	int i;

	for (i = 0; i < c->yes; i++)
		free(c->yes_orgs[i]);
	for (i = 0; i < c->no; i++)
		free(c->no_orgs[i]);
	for (i = 0; i < c->abstain; i++)
		free(c->abstain_orgs[i]);
	free(c->yes_orgs);
	free(c->no_orgs);
	free(c->abstain_orgs);
}

void
gv_tally_free(struct gv_tally *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nvotes; i++) {
		free(t->votes[i].org);
		free(t->votes[i].klass);
		free(t->votes[i].source);
		free(t->votes[i].reason);
	}
	free(t->votes);
	class_dispose(&t->issuers);
	class_dispose(&t->consumers);
	free(t->ballot);
	free(t);
}

char *
gv_tally_percent(char *buf, size_t n, const struct gv_class_tally *c)
{
	if (c->percent_tenths < 0)
		snprintf(buf, n, "no yes or no votes");
	else if (c->percent_tenths % 10 == 0)
		snprintf(buf, n, "%d%%", c->percent_tenths / 10);
	else
		snprintf(buf, n, "%d.%d%%", c->percent_tenths / 10,
		         c->percent_tenths % 10);
	return buf;
}
