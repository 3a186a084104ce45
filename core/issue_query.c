/* SPDX-License-Identifier: MIT */
/*
 * This file translates the search a person types into SQLite FTS5 query
 * syntax. FTS5's own syntax rejects ordinary text such as "S/MIME" or
 * "3.2.2", and its messages name SQL; here every word is quoted, so any
 * text is a valid word, and the few operators are checked with messages
 * that say what to fix.
 *
 *   words          all must match (euid registration)
 *   "a phrase"     the words next to each other
 *   regist*        a prefix ("a phr"* too)
 *   a OR b         either
 *   -word, NOT w   leave out issues that have it
 *   title:word     only in that column (title, body, notes)
 */
#include <stdlib.h>
#include <string.h>

#include "gavel/issue.h"
#include "gavel/text.h"
#include "internal.h"

/* More words than this are refused: FTS5's snippet() costs the square of
 * the terms (10,000 words took minutes), and no one searches an issue
 * list with a paragraph. */
#define QUERY_MAX_TERMS 64

/* Messages quote the search up to this many bytes. */
#define QUERY_QUOTED 60

struct query {
	struct gv_buf pos, neg; /* the terms to find, and to leave out */
	int want_term;          /* the last thing in pos was OR (or nothing) */
	size_t terms;           /* to find */
	size_t all;             /* to find and to leave out */
};

static int
bad(const char *query, const char *what)
{
	size_t n = strlen(query);

	if (n <= QUERY_QUOTED)
		return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
		                     "the search \"%s\" %s", query, what);
	/* Cut on a character boundary (query is valid UTF-8). */
	for (n = QUERY_QUOTED; (query[n] & 0xC0) == 0x80; n--)
		;
	while (n && query[n - 1] == ' ')
		n--;
	return gv__error_set(GV_ERRCLASS_ISSUE, GV_EINVALID,
	                     "the search \"%.*s…\" %s", (int)n, query, what);
}

/* Appends one FTS5 string (quotes doubled), with its column and prefix. */
static void
put_term(struct gv_buf *b, const char *column, const char *s, size_t n,
         int prefix)
{
	size_t i;

	if (column)
		gv__buf_printf(b, "%s : ", column);
	gv__buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			gv__buf_putc(b, '"');
		gv__buf_putc(b, s[i]);
	}
	gv__buf_putc(b, '"');
	if (prefix)
		gv__buf_puts(b, " *");
}

/* "title:" and its kin at the start of a word: the column, or NULL. */
static const char *
column_of(const char **s, size_t *n)
{
	static const char *const columns[] = {"title", "body", "notes"};
	size_t i, len;

	for (i = 0; i < sizeof(columns) / sizeof(columns[0]); i++) {
		len = strlen(columns[i]);
		if (*n > len + 1 && !strncmp(*s, columns[i], len) &&
		    (*s)[len] == ':') {
			*s += len + 1;
			*n -= len + 1;
			return columns[i];
		}
	}
	return NULL;
}

/* Adds one word (its '*' still on) or phrase (without its quotes). */
static int
add_term(struct query *q, const char *query, const char *s, size_t n,
         int phrase, int prefix, int negate)
{
	const char *column = phrase ? NULL : column_of(&s, &n);

	if (!phrase && n && s[n - 1] == '*') {
		prefix = 1;
		while (n && s[n - 1] == '*')
			n--;
		if (!n)
			return bad(query, "has a lone '*': put it at the end "
			                  "of a word, as regist*");
	}
	if (!n)
		return bad(query, "has an empty phrase: put words between "
		                  "the quotes");
	if (++q->all > QUERY_MAX_TERMS)
		return bad(query, "has more than 64 words and phrases: keep "
		                  "the ones that matter");
	if (negate) {
		gv__buf_puts(&q->neg, " NOT ");
		put_term(&q->neg, column, s, n, prefix);
		return 0;
	}
	if (q->pos.size)
		gv__buf_puts(&q->pos, q->want_term ? " " : " AND ");
	put_term(&q->pos, column, s, n, prefix);
	q->want_term = 0;
	q->terms++;
	return 0;
}

static int
parse(struct query *q, const char *query)
{
	const char *p = query;
	int negate = 0, error;

	q->want_term = 1;
	while (*p) {
		size_t n;

		if (strchr(" \t\r\n", *p)) {
			p++;
			continue;
		}
		if (*p == '-' && p[1] && !strchr(" \t\r\n", p[1])) {
			negate = 1;
			p++;
		}
		if (*p == '"') {
			const char *end = strchr(p + 1, '"');

			if (!end)
				return bad(query, "has an unclosed quote: end "
				                  "the phrase with \"");
			if ((error = add_term(q, query, p + 1,
			                      (size_t)(end - p - 1), 1,
			                      end[1] == '*', negate)) < 0)
				return error;
			p = end + 1 + (end[1] == '*');
			negate = 0;
			continue;
		}
		n = strcspn(p, " \t\r\n\"");
		if (n == 2 && !strncmp(p, "OR", 2) && !negate) {
			if (q->want_term)
				return bad(query, "has OR without a word "
				                  "before it: write a OR b");
			gv__buf_puts(&q->pos, " OR");
			q->want_term = 1;
		} else if (n == 3 && !strncmp(p, "NOT", 3) && !negate) {
			negate = 1;
			p += n;
			continue;
		} else if (!(n == 3 && !strncmp(p, "AND", 3) && !negate) &&
		           (error = add_term(q, query, p, n, 0, 0, negate)) <
		                   0) {
			return error;
		}
		negate = 0;
		p += n;
	}
	if (negate)
		return bad(query, "ends with NOT: put a word after it");
	if (q->want_term && q->terms)
		return bad(query, "ends with OR: put a word after it");
	if (!q->terms)
		return bad(query, q->neg.size ? "only leaves words out: add a "
		                                "word to find"
		                              : "has no words: give a word "
		                                "to find");
	return 0;
}

int
gv_issue_query(char **out, const char *query)
{
	struct query q = {GV_BUF_INIT, GV_BUF_INIT, 1, 0, 0};
	int error;

	*out = NULL;
	if (!query || !gv_utf8_valid(query, strlen(query)))
		return bad("", "is not UTF-8 text: type it again");
	if ((error = parse(&q, query)) < 0)
		goto out;
	/* FTS5's NOT is binary: (what to find) NOT a NOT b. */
	*out = q.neg.size ? gv__xsprintf("(%s)%s", q.pos.ptr, q.neg.ptr)
	                  : gv__buf_detach(&q.pos);
out:
	gv__buf_dispose(&q.pos);
	gv__buf_dispose(&q.neg);
	return error;
}
