/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading a ballot's votes from the list's archive
 * (issue 18): the chair's count of the replies, done by the rules. The
 * archive is read once, as a stream (core/mail_read.c); of each message
 * only what can matter is kept: the ids of the ballot's thread, and the
 * messages that state a vote. Then each vote of the thread is matched to
 * its sender's organisation (core/vote_sender.c) and recorded through
 * gv_ballot_vote, in one transaction: the window, eligibility and "the
 * last vote counts" are the ledger's (RULES §4, §5.1), and a message
 * already in the ledger is not recorded twice.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ballot_internal.h"
#include "db.h"
#include "mail.h"
#include "vote_sender.h"
#include "vote_text.h"
#include "gavel/notice.h"
#include "gavel/text.h"
#include "gavel/time.h"
#include "gavel/vote_mail.h"

/* A message of the archive that may matter. */
struct cand {
	char *id, *subject, *from, *from_name, *reply_to;
	int64_t date;
	char **refs; /* In-Reply-To, References */
	size_t nrefs;
	struct gv__mail_hop *hops; /* its Received headers */
	size_t nhops;
	int subject_names; /* its subject names the ballot */
	int text_names;    /* a vote it states names the ballot */
	int notice;        /* a notice's subject, or counts of votes */
	int forwards;      /* it forwards a vote and states none */
	char *scrubbed;    /* Mailman kept no text of it: the URL */
	struct gv__votes_said said;
};

struct run {
	struct gv_db *db;
	struct gv_ballot *b;
	struct gv_body body;
	struct gv_body_list *bodies; /* their prefixes tell ballot numbers */
	struct gv_org_list *orgs;    /* the body's, for names in votes */
	char **thread; /* ids of the messages whose subject names it */
	size_t nthread, athread;
	size_t untracked; /* of those, without a Message-ID */
	/* The notices gavel sent for it (ballot notice --send): a reply to
	 * one is in the thread whatever its subject says. */
	struct gv_notice_sent_list *sent;
	struct cand *c;
	size_t n, alloc;
	char **sources; /* the ballot's votes' sources, recorded already */
	size_t nsources, asources;
	struct gv_mail_votes *out;
	size_t out_alloc;
};

static void
cand_dispose(struct cand *c)
{
	free(c->id);
	free(c->subject);
	free(c->from);
	free(c->from_name);
	free(c->reply_to);
	for (size_t i = 0; i < c->nrefs; i++)
		free(c->refs[i]);
	free(c->refs);
	for (size_t i = 0; i < c->nhops; i++)
		free(c->hops[i].by);
	free(c->hops);
	free(c->scrubbed);
	gv__votes_said_dispose(&c->said);
}

/* 1: ref is this ballot's number, 2: another ballot's, 0: not a ballot's
 * ("SHA256" has no body's prefix, nor "ballot" before it). */
static int
ref_kind(const struct run *r, const struct gv__ballot_ref *ref)
{
	int known = ref->after_ballot;

	for (size_t i = 0; i < r->bodies->n && !known; i++)
		known = !strcasecmp(r->bodies->v[i].prefix, ref->prefix);
	if (!known)
		return 0;
	return !strcasecmp(ref->prefix, r->body.prefix) &&
	                       ref->number == r->b->seq
	               ? 1
	               : 2;
}

/* The kinds of refs found (bit 1: this ballot, bit 2: another). */
static int
refs_kinds(const struct run *r, const struct gv__ballot_ref *refs, size_t n)
{
	int kinds = 0;

	for (size_t i = 0; i < n; i++)
		kinds |= ref_kind(r, &refs[i]);
	return kinds;
}

static int
said_kinds(const struct run *r, const struct gv__votes_said *s)
{
	int kinds = 0;

	for (size_t i = 0; i < s->n; i++)
		kinds |= refs_kinds(r, s->v[i].refs, s->v[i].nrefs);
	return kinds;
}

/* Moves what a candidate keeps of m into c. */
static void
cand_take(struct cand *c, struct gv__mail *m)
{
	c->id = m->id;
	c->subject = m->subject;
	c->from = m->from;
	c->from_name = m->from_name;
	c->reply_to = m->reply_to;
	c->refs = m->refs;
	c->nrefs = m->nrefs;
	c->date = m->date;
	c->hops = m->hops;
	c->nhops = m->nhops;
	m->id = m->subject = m->from = m->from_name = m->reply_to = NULL;
	m->refs = NULL;
	m->nrefs = 0;
	m->hops = NULL;
	m->nhops = 0;
}

/* Reads what matters of one message into r. */
static void
run_read(struct run *r, struct gv__mail *m)
{
	struct gv__own_text own;
	struct gv__votes_said fwd;
	struct gv__ballot_ref *refs = NULL;
	struct cand c;
	char *base, *text;
	int reply, forward, kinds;
	size_t nrefs;

	memset(&c, 0, sizeof(c));
	base = gv__subject_base(m->subject, &reply, &forward);
	/* The whole subject: a tag may be the number ("[SMC-11] ..."). */
	nrefs = gv__ballot_refs(&refs, m->subject ? m->subject : "");
	kinds = refs_kinds(r, refs, nrefs);
	free(refs);
	c.subject_names = (kinds & 1) != 0;
	if (c.subject_names && m->id) {
		r->thread = gv__grow(r->thread, &r->athread, r->nthread,
		                     sizeof(*r->thread));
		r->thread[r->nthread++] = gv__xstrdup(m->id);
	} else if (c.subject_names) {
		r->untracked++;
	}
	gv__own_text(&own, m->text, forward);
	/* A new subject is the sender's own words too ("Sectigo votes YES
	 * on Ballot SMC011"); a reply's repeats the thread's. */
	text = reply ? gv__xstrdup(own.own)
	             : gv__xsprintf("%s\n%s", base, own.own);
	gv__votes_said(&c.said, text);
	gv__votes_said(&fwd, own.forwarded);
	c.notice = (!reply && gv__subject_is_notice(base)) || c.said.tally;
	c.forwards = fwd.n > 0;
	c.scrubbed = own.scrubbed;
	own.scrubbed = NULL;
	c.text_names = (said_kinds(r, &c.said) & 1) != 0;
	gv__votes_said_dispose(&fwd);
	gv__own_text_dispose(&own);
	free(text);
	free(base);
	/* Nothing of a vote; or another ballot's thread, which that
	 * ballot's reading takes. */
	if ((!c.said.n && !c.notice && !c.forwards && !c.scrubbed) ||
	    (kinds == 2 && !c.text_names)) {
		cand_dispose(&c);
		return;
	}
	cand_take(&c, m);
	r->c = gv__grow(r->c, &r->alloc, r->n, sizeof(*r->c));
	r->c[r->n++] = c;
}

static int
run_read_path(struct run *r, const char *path)
{
	struct gv__mail_reader *reader = NULL;
	struct gv__mail m;
	int rc;

	if ((rc = gv__mail_open(&reader, path)) < 0)
		return rc;
	while ((rc = gv__mail_next(&m, reader)) == 1) {
		r->out->messages++;
		run_read(r, &m);
		gv__mail_dispose(&m);
	}
	gv__mail_close(reader);
	return rc;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
str_in(char *const *v, size_t n, const char *s)
{
	return s && n && bsearch(&s, v, n, sizeof(*v), str_cmp) != NULL;
}

/* Candidates by date (then id); a message read twice (an mbox and a
 * maildir of one list) is one. */
static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return strcmp(x->id ? x->id : "", y->id ? y->id : "");
}

static void
run_sort(struct run *r)
{
	size_t k = 0;

	if (r->nthread)
		qsort(r->thread, r->nthread, sizeof(*r->thread), str_cmp);
	for (size_t i = 0; i < r->nthread; i++) {
		if (k && !strcmp(r->thread[i], r->thread[k - 1]))
			free(r->thread[i]);
		else
			r->thread[k++] = r->thread[i];
	}
	r->nthread = k;
	k = 0;
	if (r->n)
		qsort(r->c, r->n, sizeof(*r->c), cand_cmp);
	for (size_t i = 0; i < r->n; i++) {
		if (k && r->c[i].id && r->c[k - 1].id &&
		    !strcmp(r->c[i].id, r->c[k - 1].id)) {
			cand_dispose(&r->c[i]);
			continue;
		}
		r->c[k++] = r->c[i];
	}
	r->n = k;
}

/* Whether a candidate is in the ballot's thread. */
static int
cand_in_thread(const struct run *r, const struct cand *c)
{
	if (c->subject_names || c->text_names)
		return 1;
	for (size_t i = 0; i < c->nrefs; i++) {
		if (str_in(r->thread, r->nthread, c->refs[i]))
			return 1;
		for (size_t k = 0; k < r->sent->n; k++)
			if (!strcmp(r->sent->v[k].message_id, c->refs[i]))
				return 1;
	}
	return 0;
}

/* ---- Reading a candidate's vote ---- */

/* Whether name (folded) is a word of text (folded). */
static int
word_in(const char *text, const char *name)
{
	size_t n = strlen(name);

	if (n < 3)
		return 0;
	for (const char *p = strstr(text, name); p; p = strstr(p + 1, name)) {
		int before = p == text ||
		             !(p[-1] & 0x80 || (p[-1] >= 'a' && p[-1] <= 'z') ||
		               (p[-1] >= '0' && p[-1] <= '9'));
		char a = p[n];

		if (before && !(a & 0x80 || (a >= 'a' && a <= 'z') ||
		                (a >= '0' && a <= '9')))
			return 1;
	}
	return 0;
}

/* The organisation of the body a vote's own words name ("Sectigo votes
 * yes", "Certum: Yes"): its index in r->orgs, or -1. */
static long
org_named(const struct run *r, const char *who)
{
	char *fw = who ? gv_text_fold(who) : NULL;
	size_t best_len = 0;
	long best = -1;

	for (size_t i = 0; fw && i < r->orgs->n; i++) {
		char *fo = gv_text_fold(r->orgs->v[i].name);
		size_t len = strlen(fo);

		if ((word_in(fw, fo) || word_in(fo, fw)) && len > best_len) {
			best = (long)i;
			best_len = len;
		}
		free(fo);
	}
	free(fw);
	return best;
}

static void
out_add(struct run *r, struct cand *c, enum gv_mail_vote_state state, int value,
        const struct gv__sender *s, char *reason)
{
	struct gv_mail_votes *o = r->out;
	struct gv_mail_vote *v;

	o->v = gv__grow(o->v, &r->out_alloc, o->n, sizeof(*o->v));
	v = &o->v[o->n++];
	memset(v, 0, sizeof(*v));
	v->state = state;
	v->message_id = c->id ? gv__xsprintf("<%s>", c->id) : NULL;
	v->subject = c->subject ? gv__xstrdup(c->subject) : NULL;
	v->from = c->from ? (c->from_name && *c->from_name
	                             ? gv__xsprintf("%s <%s>", c->from_name,
	                                            c->from)
	                             : gv__xstrdup(c->from))
	                  : NULL;
	v->date = c->date;
	v->value = (enum gv_vote_value)value;
	v->person = s && s->person ? gv__xstrdup(s->person) : NULL;
	v->org = s && s->org_name ? gv__xstrdup(s->org_name) : NULL;
	v->reason = reason;
}

/* Why a candidate that states votes cannot be read as one vote, or NULL;
 * *value is its value. 1 in *list when it lists several organisations'
 * votes (a reminder): none of them is its sender's to cast. */
static char *
cand_problem(const struct run *r, const struct cand *c, int *value, long *named,
             int *list)
{
	const struct gv__votes_said *s = &c->said;
	char other[48] = "";

	*list = 0;
	*named = -1;
	*value = s->v[0].value;
	for (size_t i = 0; i < s->n; i++) {
		long org = org_named(r, s->v[i].who);

		if (org >= 0 && *named >= 0 && org != *named) {
			*list = 1;
			return NULL;
		}
		if (org >= 0)
			*named = org;
	}
	for (size_t i = 1; i < s->n; i++)
		if (s->v[i].value != *value)
			return gv__xsprintf(
			        "it states two votes (%s, then %s): ask which "
			        "stands, and record it with 'gavel ballot "
			        "vote'",
			        gv_vote_value_name(s->v[0].value),
			        gv_vote_value_name(s->v[i].value));
	for (size_t i = 0; i < s->n && !*other; i++)
		for (size_t k = 0; k < s->v[i].nrefs && !*other; k++)
			if (ref_kind(r, &s->v[i].refs[k]) == 2)
				gv_ballot_format_number(other, sizeof(other),
				                        s->v[i].refs[k].prefix,
				                        r->body.id_width,
				                        s->v[i].refs[k].number);
	if (*other)
		return c->text_names
		               ? gv__xsprintf("it names two ballots (%s and "
		                              "%s): which does it vote on?",
		                              r->b->number, other)
		               : gv__xsprintf("a vote for %s, not %s", other,
		                              r->b->number);
	if (c->date < 0)
		return gv__xstrdup("it has no Date, so when it was cast is "
		                   "not known");
	if (!c->id)
		return gv__xstrdup("it has no Message-ID to record it by (a "
		                   "second reading could not tell it was "
		                   "recorded): record it with 'gavel ballot "
		                   "vote'");
	return NULL;
}

/* Whether host is domain or one of its hosts, in any letter case. */
static int
host_in(const char *host, const char *domain)
{
	size_t h = strlen(host), d = strlen(domain);

	return h >= d && !strcasecmp(host + h - d, domain) &&
	       (h == d || host[h - d - 1] == '.');
}

/*
 * Why c's Date cannot say when its vote was cast, or NULL: a Received
 * header added by a host of the list's domain puts its arrival at the
 * list on the other side of when voting opened or closed. A vote counts
 * as it reaches the list (BYL 2.3(4)), which the sender's clock may not
 * tell; every such header is compared, as the sender could write one
 * below those the list's server adds, so nothing is guessed either way.
 */
static char *
cand_late(const struct run *r, const struct cand *c)
{
	const char *at =
	        r->body.list_addr ? strrchr(r->body.list_addr, '@') : NULL;
	const int64_t edges[] = {r->b->vote_starts_at, r->b->vote_ends_at};
	char date[GV_TIME_BUFSZ], heard[GV_TIME_BUFSZ], edge[GV_TIME_BUFSZ];

	if (!at || !at[1])
		return NULL;
	for (size_t i = 0; i < c->nhops; i++) {
		const struct gv__mail_hop *h = &c->hops[i];

		if (!h->by || h->at < 0 || !host_in(h->by, at + 1))
			continue;
		for (size_t k = 0; k < 2; k++)
			if (edges[k] >= 0 &&
			    (c->date < edges[k]) != (h->at < edges[k]))
				return gv__xsprintf(
				        "its Date, %s, and the time %s "
				        "received "
				        "it, %s, are on two sides of when "
				        "voting "
				        "%s (%s): a vote counts as it reaches "
				        "the "
				        "list (BYL 2.3(4)); record it with "
				        "'gavel "
				        "ballot vote --at' at the time that "
				        "holds",
				        gv_time_format(date, c->date,
				                       GV_TIME_HUMAN),
				        h->by,
				        gv_time_format(heard, h->at,
				                       GV_TIME_HUMAN),
				        k ? "closed" : "opened",
				        gv_time_format(edge, edges[k],
				                       GV_TIME_HUMAN));
	}
	return NULL;
}

/* Records (or lists) the vote of one candidate of the thread. */
static int
run_vote(struct run *r, struct cand *c)
{
	struct gv__from from = {c->from, c->from_name, c->reply_to};
	struct gv__sender s = {NULL, 0, NULL};
	char *why = NULL, *reason = NULL, *source = NULL;
	long named;
	int value, list, error = 0;

	if ((why = cand_problem(r, c, &value, &named, &list)) || list) {
		if (list)
			r->out->notices++;
		else
			out_add(r, c, GV_MAIL_VOTE_UNMATCHED, value, NULL, why);
		return 0;
	}
	if ((error = gv__vote_sender(&s, &why, r->db, &r->body, &from,
	                             c->date)) != 0) {
		if (error == 1)
			out_add(r, c, GV_MAIL_VOTE_UNMATCHED, value, NULL, why);
		return error < 0 ? error : 0;
	}
	if (named >= 0 && r->orgs->v[named].id != s.org) {
		out_add(r, c, GV_MAIL_VOTE_UNMATCHED, value, &s,
		        gv__xsprintf("it says %s votes, but %s represents %s",
		                     r->orgs->v[named].name, s.person,
		                     s.org_name));
	} else if (str_in(r->sources, r->nsources,
	                  source = gv__xsprintf("<%s>", c->id))) {
		out_add(r, c, GV_MAIL_VOTE_KNOWN, value, &s, NULL);
	} else if ((why = cand_late(r, c))) {
		out_add(r, c, GV_MAIL_VOTE_UNMATCHED, value, &s, why);
	} else if ((error = gv_ballot_vote(
	                    &reason, r->db, r->b->number, s.org_name,
	                    (enum gv_vote_value)value, c->date, source)) == 0) {
		out_add(r, c, GV_MAIL_VOTE_RECORDED, value, &s, reason);
	}
	free(source);
	gv__sender_dispose(&s);
	return error;
}

static void
run_unvoiced(struct run *r, struct cand *c)
{
	if (c->forwards)
		out_add(r, c, GV_MAIL_VOTE_UNMATCHED, GV_VOTE_YES, NULL,
		        gv__xstrdup("it forwards another message's vote and "
		                    "casts none itself: a vote counts as its "
		                    "representative sent it to the list (BYL "
		                    "2.3(4))"));
	else if (c->scrubbed)
		out_add(r, c, GV_MAIL_VOTE_UNMATCHED, GV_VOTE_YES, NULL,
		        gv__xsprintf("the archive kept no text of it (an HTML "
		                     "attachment was scrubbed)%s%s",
		                     *c->scrubbed ? ": read it at " : "",
		                     c->scrubbed));
}

static int
run_sources(struct run *r)
{
	sqlite3_stmt *st;
	int error;

	if ((error = gv__db_stmt(&st, r->db, GV__STMT_VOTE_SOURCES)) < 0)
		return error;
	gv__bind_int(st, 1, r->b->id);
	while ((error = gv__db_step(r->db, st)) > 0) {
		r->sources = gv__grow(r->sources, &r->asources, r->nsources,
		                      sizeof(*r->sources));
		r->sources[r->nsources++] = gv__col_text(st, 0);
	}
	gv__db_reset(st);
	if (r->nsources)
		qsort(r->sources, r->nsources, sizeof(*r->sources), str_cmp);
	return error < 0 ? error : 0;
}

/* Every vote of the thread, in one transaction (undone for a dry run). */
static int
run_record(struct run *r, unsigned flags)
{
	int error;

	if ((error = run_sources(r)) < 0 || (error = gv__db_begin(r->db)) < 0)
		return error;
	for (size_t i = 0; i < r->n && error == 0; i++) {
		struct cand *c = &r->c[i];

		if (!cand_in_thread(r, c))
			continue;
		if (!c->subject_names)
			r->out->in_thread++;
		if (c->notice)
			r->out->notices++;
		else if (!c->said.n)
			run_unvoiced(r, c);
		else
			error = run_vote(r, c);
	}
	if (error < 0 || (flags & GV_MAIL_DRY_RUN))
		gv__db_rollback(r->db);
	else if ((error = gv__db_commit(r->db)) < 0)
		gv__db_rollback(r->db);
	return error;
}

static void
run_dispose(struct run *r)
{
	for (size_t i = 0; i < r->n; i++)
		cand_dispose(&r->c[i]);
	free(r->c);
	for (size_t i = 0; i < r->nthread; i++)
		free(r->thread[i]);
	free(r->thread);
	for (size_t i = 0; i < r->nsources; i++)
		free(r->sources[i]);
	free(r->sources);
	gv_notice_sent_list_free(r->sent);
	gv_org_list_free(r->orgs);
	gv_body_list_free(r->bodies);
	gv_body_dispose(&r->body);
	gv_ballot_free(r->b);
}

int
gv_ballot_votes_from(struct gv_mail_votes **out, struct gv_db *db,
                     const char *ref, const char *const *paths, size_t npaths,
                     unsigned flags)
{
	struct run r;
	struct gv_org_filter filter = {NULL, -1};
	int error;

	*out = NULL;
	memset(&r, 0, sizeof(r));
	r.db = db;
	r.out = gv__xcalloc(1, sizeof(*r.out));
	if ((error = gv_ballot_get(&r.b, db, ref)) < 0)
		goto out;
	r.out->ballot = gv__xstrdup(r.b->number);
	if ((error = gv_body_get(&r.body, db, r.b->body)) < 0 ||
	    (error = gv_body_list(&r.bodies, db)) < 0)
		goto out;
	filter.body = r.body.code;
	if ((error = gv_org_list(&r.orgs, db, &filter)) < 0 ||
	    (error = gv_notice_sent_list(&r.sent, db, r.b->number)) < 0)
		goto out;
	for (size_t i = 0; i < npaths && error == 0; i++)
		error = run_read_path(&r, paths[i]);
	if (error < 0)
		goto out;
	run_sort(&r);
	r.out->in_thread = r.nthread + r.untracked;
	error = run_record(&r, flags);
out:
	run_dispose(&r);
	if (error < 0) {
		gv_mail_votes_free(r.out);
		return error;
	}
	*out = r.out;
	return 0;
}

void
gv_mail_votes_free(struct gv_mail_votes *votes)
{
	if (!votes)
		return;
	for (size_t i = 0; i < votes->n; i++) {
		free(votes->v[i].message_id);
		free(votes->v[i].subject);
		free(votes->v[i].from);
		free(votes->v[i].person);
		free(votes->v[i].org);
		free(votes->v[i].reason);
	}
	free(votes->v);
	free(votes->ballot);
	free(votes);
}
