/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading the votes a text states, in the shapes
 * members write them on the lists ("Sectigo votes YES on Ballot SMC011",
 * "HARICA votes “abstain”", "we vote to abstain", a line "No."), and the
 * ballot numbers it names. BYL 2.3(5): anything not clearly yes, no or
 * abstain is no vote, so a value counts only beside its verb and at the
 * end of its clause ("the vote is no longer open" says nothing), and a
 * line of counts ("15 Yes votes") marks a results or reminder message.
 * The text is words only: which of them are the sender's own is
 * core/vote_own.c's business, whose sender it is core/vote_mail.c's.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gavel/ballot.h"
#include "internal.h"
#include "vote_text.h"

/* ---- Ballot numbers ---- */

static int
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Whether the word before s (in text) is "ballot". */
static int
after_ballot(const char *text, const char *s)
{
	const char *e = s;

	while (e > text && e[-1] == ' ')
		e--;
	return e - text >= 6 && !strncasecmp(e - 6, "ballot", 6) &&
	       (e - 6 == text || !is_alpha(e[-7]));
}

size_t
gv__ballot_refs(struct gv__ballot_ref **out, const char *text)
{
	size_t n = 0, alloc = 0;

	*out = NULL;
	for (const char *s = text; *s; s++) {
		const char *p = s;
		size_t letters, digits = 0;
		int64_t number = 0;
		int upper = 1, spaced = 0;

		if (!is_alpha(*s) ||
		    (s > text && (is_alpha(s[-1]) || is_digit(s[-1]))))
			continue;
		for (; is_alpha(*p); p++)
			upper = upper && *p >= 'A' && *p <= 'Z';
		letters = (size_t)(p - s);
		if (*p == '-')
			p++;
		/* "Ballot SMC 013", "SMC 13": a space only after a prefix
		 * in capitals or "ballot", and before at most three digits
		 * ("at 10", "SMC 2025" are other words). */
		else if (*p == ' ' && is_digit(p[1]) &&
		         (upper || after_ballot(text, s)))
			spaced = *p++ == ' ';
		while (is_digit(p[digits]) && digits < 7)
			number = number * 10 + (p[digits++] - '0');
		/* A version may follow ("v3", "v.2"); other letters or more
		 * digits make it another word ("SHA256sum"). */
		if (letters > 15 || digits == 0 || digits > (spaced ? 3 : 6) ||
		    (is_alpha(p[digits]) && p[digits] != 'v' &&
		     p[digits] != 'V')) {
			s = p + digits > s ? p + digits - 1 : s;
			continue;
		}
		*out = gv__grow(*out, &alloc, n, sizeof(**out));
		memcpy((*out)[n].prefix, s, letters);
		(*out)[n].prefix[letters] = '\0';
		(*out)[n].number = number;
		(*out)[n].after_ballot = after_ballot(text, s);
		n++;
		s = p + digits - 1;
	}
	return n;
}

/* ---- Words ---- */

struct tok {
	char word[24];     /* lower case (ASCII), cut at 23 bytes; "" for
	                      punctuation */
	char punct;        /* ':', ',', '"', '-', '.', ... or 0 */
	const char *start; /* in the line */
	size_t len;
};

struct toks {
	struct tok *v;
	size_t n, alloc;
};

/* Typographic quotes and dashes as their ASCII kin; NBSP as a space.
 * Returns the ASCII character and sets *len to the bytes it took, or 0. */
static char
tok_fancy(const unsigned char *s, size_t *len)
{
	static const struct {
		const char *utf8;
		char ascii;
	} map[] = {
	        {"\xe2\x80\x98", '"'}, {"\xe2\x80\x99", '"'},
	        {"\xe2\x80\x9c", '"'}, {"\xe2\x80\x9d", '"'},
	        {"\xe2\x80\x9e", '"'}, {"\xc2\xab", '"'},
	        {"\xc2\xbb", '"'},     {"\xe2\x80\x93", '-'},
	        {"\xe2\x80\x94", '-'}, {"\xc2\xa0", ' '},
	        {"\xef\xbc\x9a", ':'},
	};

	/* Their first bytes: most text is ASCII. */
	if (*s != 0xc2 && *s != 0xe2 && *s != 0xef)
		return 0;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		size_t n = strlen(map[i].utf8);

		if (!strncmp((const char *)s, map[i].utf8, n)) {
			*len = n;
			return map[i].ascii;
		}
	}
	return 0;
}

static int
tok_wordch(const unsigned char *s)
{
	size_t len;

	return is_alpha((char)*s) || is_digit((char)*s) ||
	       (*s >= 0x80 && !tok_fancy(s, &len)) || *s == '+';
}

static void
tok_add(struct toks *t, const char *start, size_t len, char punct)
{
	struct tok *k;
	size_t n = len < sizeof(k->word) - 1 ? len : sizeof(k->word) - 1;

	t->v = gv__grow(t->v, &t->alloc, t->n, sizeof(*t->v));
	k = &t->v[t->n++];
	memset(k, 0, sizeof(*k));
	k->start = start;
	k->len = len;
	k->punct = punct;
	if (punct)
		return;
	for (size_t i = 0; i < n; i++)
		k->word[i] = start[i] >= 'A' && start[i] <= 'Z'
		                     ? (char)(start[i] - 'A' + 'a')
		                     : start[i];
}

/* The words and punctuation of one line; '*' and '_' (emphasis in text
 * made from HTML) are neither. */
static void
tok_line(struct toks *t, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s,
	                    *end = (const unsigned char *)s + n;
	size_t len;
	char c;

	t->n = 0;
	while (p < end) {
		if (tok_wordch(p)) {
			const unsigned char *w = p;

			/* '.', '-' and '\'' join letters: "SSL.com",
			 * "D-TRUST", "don't", "v.2". */
			while (p < end && (tok_wordch(p) ||
			                   (strchr(".-'", (char)*p) && *p &&
			                    p + 1 < end && tok_wordch(p + 1))))
				p++;
			tok_add(t, (const char *)w, (size_t)(p - w), 0);
		} else if ((c = tok_fancy(p, &len))) {
			if (c != ' ')
				tok_add(t, (const char *)p, len, c);
			p += len;
		} else {
			if (!strchr(" \t*_", (char)*p))
				tok_add(t, (const char *)p, 1, (char)*p);
			p++;
		}
	}
}

static int
tok_is(const struct tok *k, const char *const *set)
{
	if (k->punct)
		return 0;
	for (; *set; set++)
		if (**set == k->word[0] && !strcmp(k->word, *set))
			return 1;
	return 0;
}

static int
tok_is_ref(const struct tok *k)
{
	size_t i = 0;

	while (is_alpha(k->word[i]))
		i++;
	if (k->word[i] == '-')
		i++;
	return i > 0 && is_digit(k->word[i]);
}

/* The value at t->v[i] (and how many words it takes), or -1. */
static int
tok_value(const struct toks *t, size_t i, size_t *used, int plain_only)
{
	static const char *const abstain[] = {"abstain", "abstains",
	                                      "abstention", "abstaining", NULL};
	const struct tok *k = &t->v[i];

	*used = 1;
	if (!strcmp(k->word, "yes"))
		return GV_VOTE_YES;
	if (!strcmp(k->word, "no"))
		return GV_VOTE_NO;
	if (tok_is(k, abstain))
		return GV_VOTE_ABSTAIN;
	if (plain_only)
		return -1;
	if (!strcmp(k->word, "against"))
		return GV_VOTE_NO;
	if (!strcmp(k->word, "in") && i + 1 < t->n &&
	    tok_is(&t->v[i + 1],
	           (const char *const[]){"favor", "favour", NULL})) {
		*used = 2;
		return GV_VOTE_YES;
	}
	return -1;
}

/* What may follow a value: the end of its clause, or words that go on
 * about the vote ("yes on SMC011", "yes, thanks"); anything else makes
 * the word something else ("no longer", "no objection"). */
static int
tok_ends_value(const struct toks *t, size_t i)
{
	static const char *const go_on[] = {
	        "on",    "for",    "to",   "in",   "at",      "vote",
	        "votes", "ballot", "from", "and",  "but",     "thanks",
	        "thank", "please", "as",   "with", "regards", "again",
	        "here",  "of",     "it",   "this", "the",     NULL};

	if (i >= t->n || t->v[i].punct)
		return 1;
	return tok_is(&t->v[i], go_on) || tok_is_ref(&t->v[i]);
}

/* ---- Statements ---- */

static const char *const verbs[] = {"vote", "votes", "voted",   "voting",
                                    "cast", "casts", "casting", NULL};
/* Words between a verb and its value: "votes to abstain", "casts its
 * vote: yes", "votes on Ballot SMC011: Yes". */
static const char *const fillers[] = {"to",   "with", "a",   "an",     "as",
                                      "is",   "its",  "our", "my",     "their",
                                      "vote", "on",   "for", "ballot", NULL};
static const char *const negations[] = {"not",    "never", "don't",  "doesn't",
                                        "didn't", "won't", "cannot", "can't",
                                        "please", NULL};
/* "encourage everyone to vote yes" casts nothing. */
static const char *const others[] = {
        "encourage", "encourages", "ask",     "asks",   "urge",
        "urges",     "invite",     "invites", "remind", "reminds",
        "everyone",  "members",    "all",     "others", "you",
        "please",    "whether",    "how",     "if",     NULL};

/* The start of the clause that holds token i: after the last ',', ';',
 * ':' or end of sentence before it. */
static size_t
clause_start(const struct toks *t, size_t i)
{
	while (i > 0 &&
	       !strchr(",;:.!?", t->v[i - 1].punct ? t->v[i - 1].punct : 'x'))
		i--;
	return i;
}

/* Whether a word in [from, to) is in set. */
static int
tok_any(const struct toks *t, size_t from, size_t to, const char *const *set)
{
	for (size_t i = from; i < to; i++)
		if (tok_is(&t->v[i], set))
			return 1;
	return 0;
}

/* A verb's value: "votes yes", "voted to abstain"; -1 if none. *end is
 * the index of the value's last word. */
static int
said_after_verb(const struct toks *t, size_t i, size_t *end)
{
	size_t j = i + 1, used, fill = 0;
	int v;

	if (tok_any(t, i > 2 ? i - 2 : 0, i, negations))
		return -1;
	if (i > 0 && !strcmp(t->v[i - 1].word, "to") &&
	    tok_any(t, clause_start(t, i), i, others))
		return -1;
	while (j < t->n && fill < 6 &&
	       (tok_is(&t->v[j], fillers) || tok_is_ref(&t->v[j]) ||
	        (t->v[j].punct && strchr(":\"'=-", t->v[j].punct)))) {
		j++;
		fill++;
	}
	if (j >= t->n || (v = tok_value(t, j, &used, 0)) < 0)
		return -1;
	*end = j + used - 1;
	return tok_ends_value(t, j + used) ? v : -1;
}

/* "Sectigo abstains", "we abstain", "HARICA would like to abstain". */
static int
said_abstain(const struct toks *t, size_t i)
{
	static const char *const before[] = {"we",    "i",    "will",
	                                     "shall", "to",   "would",
	                                     "we'll", "i'll", NULL};

	if (strcmp(t->v[i].word, "abstains") &&
	    (strcmp(t->v[i].word, "abstain") || i == 0 ||
	     !tok_is(&t->v[i - 1], before)))
		return 0;
	if (tok_any(t, i > 2 ? i - 2 : 0, i, negations))
		return 0;
	return tok_ends_value(t, i + 1);
}

/* A line that is only a value ("YES", "No.", "\"Abstain\""), or a name
 * and one ("DigiCert: Yes", "Sectigo - YES"): the value, its index in
 * *at, or -1. */
static int
said_alone(const struct toks *t, size_t *at)
{
	size_t words = 0, last = 0, used;
	int v;

	for (size_t i = 0; i < t->n; i++)
		if (!t->v[i].punct) {
			words++;
			last = i;
		}
	if (!words || (v = tok_value(t, last, &used, 1)) < 0)
		return -1;
	*at = last;
	if (words == 1)
		return v;
	/* The name's separator, then the value, then punctuation only. */
	return last > 0 && strchr(":-", t->v[last - 1].punct
	                                        ? t->v[last - 1].punct
	                                        : 'x')
	               ? v
	               : -1;
}

/* "15 Yes votes", "0 Abstain", "Yes votes:", "votes total". */
static int
line_tally(const struct toks *t)
{
	size_t used;

	for (size_t i = 0; i + 1 < t->n; i++) {
		const struct tok *a = &t->v[i], *b = &t->v[i + 1];
		const char *votes[] = {"votes", "vote", NULL};

		if (is_digit(a->word[0]) &&
		    a->word[strspn(a->word, "0123456789")] == '\0' &&
		    tok_value(t, i + 1, &used, 1) >= 0)
			return 1;
		if (tok_value(t, i, &used, 1) >= 0 && tok_is(b, votes) &&
		    i + 2 < t->n && t->v[i + 2].punct == ':')
			return 1;
		if (tok_is(a, votes) && !strcmp(b->word, "total"))
			return 1;
	}
	return 0;
}

static void
said_add(struct gv__votes_said *out, size_t *alloc, const struct toks *t,
         size_t verb, int value, const char *line, size_t n, size_t lineno)
{
	struct gv__vote_said *s;
	size_t from = clause_start(t, verb);
	char *text;

	out->v = gv__grow(out->v, alloc, out->n, sizeof(*out->v));
	s = &out->v[out->n++];
	memset(s, 0, sizeof(*s));
	s->value = value;
	s->line = lineno;
	if (from < verb) {
		const char *a = t->v[from].start,
		           *b = t->v[verb - 1].start + t->v[verb - 1].len;

		s->who = gv__xstrndup(a, (size_t)(b - a));
	}
	text = gv__xstrndup(line, n);
	s->nrefs = gv__ballot_refs(&s->refs, text);
	free(text);
}

/* The statements of one line into out. */
static void
said_line(struct gv__votes_said *out, size_t *alloc, struct toks *t,
          const char *line, size_t n, size_t lineno)
{
	size_t at;
	int v;

	tok_line(t, line, n);
	if (!t->n || !t->v)
		return;
	if (line_tally(t)) {
		out->tally = 1;
		return;
	}
	if ((v = said_alone(t, &at)) >= 0) {
		said_add(out, alloc, t, at > 0 ? at - 1 : 0, v, line, n,
		         lineno);
		return;
	}
	for (size_t i = 0, end; i < t->n; i++) {
		if (tok_is(&t->v[i], verbs) &&
		    (v = said_after_verb(t, i, &end)) >= 0) {
			said_add(out, alloc, t, i, v, line, n, lineno);
			i = end; /* "vote to abstain" is one vote */
		} else if (said_abstain(t, i))
			said_add(out, alloc, t, i, GV_VOTE_ABSTAIN, line, n,
			         lineno);
	}
}

void
gv__votes_said(struct gv__votes_said *out, const char *text)
{
	struct toks t = {NULL, 0, 0};
	size_t alloc = 0, lineno = 0;
	const char *p = text ? text : "";

	memset(out, 0, sizeof(*out));
	while (*p) {
		size_t n = strcspn(p, "\n");

		said_line(out, &alloc, &t, p, n, ++lineno);
		p += n + (p[n] == '\n');
	}
	free(t.v);
}

void
gv__votes_said_dispose(struct gv__votes_said *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].who);
		free(s->v[i].refs);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}
