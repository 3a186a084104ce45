/* SPDX-License-Identifier: MIT */
/*
 * This file implements the Mustache parser in three passes: tokens (with
 * Set Delimiter tags applied as they come), standalone lines (a line that
 * holds only whitespace and one non-interpolating tag, or one of the tag
 * pairs the inheritance module allows, is removed from the output), and the
 * tree of sections, partials, parents and blocks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "mustache.h"

struct tok {
	char kind;         /* 0: text; 'v' variable; else the tag's sigil */
	size_t start, end; /* the text, or the whole tag */
	size_t name, name_end;
	unsigned dynamic : 1;
	unsigned standalone : 1;
	unsigned keep_newline : 1; /* a block pair keeps its line's end */
	size_t indent_start, indent_end;
	size_t match; /* opening tags: index of their closing tag */
	char open[MU_DELIM_MAX], close[MU_DELIM_MAX]; /* delims after it */
};

struct parser {
	const char *name;
	const char *src;
	size_t len;
	struct tok *toks;
	size_t ntoks, alloc;
	struct mu_template *t; /* for messages */
};

void
gv__mu_where(char *buf, size_t n, const struct mu_template *t, size_t offset)
{
	size_t i, line = 1, col = 1;

	for (i = 0; i < offset && i < t->len; i++) {
		if (t->src[i] == '\n')
			line++, col = 1;
		else if (((unsigned char)t->src[i] & 0xC0) != 0x80)
			col++;
	}
	snprintf(buf, n, "%s:%zu:%zu", t->name, line, col);
}

static int
parse_error(struct parser *p, size_t offset, const char *what,
            const char *detail)
{
	char where[512];

	gv__mu_where(where, sizeof(where), p->t, offset);
	return gv__error_set(GV_ERRCLASS_TEMPLATE, GV_EINVALID, "%s: %s%s",
	                     where, what, detail ? detail : "");
}

static struct tok *
tok_push(struct parser *p, char kind, size_t start, size_t end)
{
	struct tok *k;

	p->toks = gv__grow(p->toks, &p->alloc, p->ntoks, sizeof(*p->toks));
	k = &p->toks[p->ntoks++];
	memset(k, 0, sizeof(*k));
	k->kind = kind;
	k->start = start;
	k->end = end;
	return k;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* memmem for our purposes (not in C11). */
static const char *
find(const char *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle), i;

	for (i = 0; m <= n && i <= n - m; i++)
		if (hay[i] == needle[0] && !memcmp(hay + i, needle, m))
			return hay + i;
	return NULL;
}

/* {{=<% %>=}}: the new delimiters, two words without '=' or blanks. */
static int
parse_delims(struct parser *p, size_t at, size_t a, size_t b, char *open,
             char *close)
{
	const char *s = p->src;
	size_t o0, o1, c0, c1;

	for (o0 = a; o0 < b && is_blank(s[o0]); o0++)
		;
	for (o1 = o0; o1 < b && !is_blank(s[o1]) && s[o1] != '='; o1++)
		;
	for (c0 = o1; c0 < b && is_blank(s[c0]); c0++)
		;
	for (c1 = c0; c1 < b && !is_blank(s[c1]) && s[c1] != '='; c1++)
		;
	while (c1 < b && is_blank(s[c1]))
		c1++;
	if (o1 == o0 || c1 == c0 || c1 != b || o1 - o0 >= MU_DELIM_MAX ||
	    c1 - c0 >= MU_DELIM_MAX)
		return parse_error(p, at, "bad Set Delimiter tag", NULL);
	while (c1 > c0 && is_blank(s[c1 - 1]))
		c1--;
	memcpy(open, s + o0, o1 - o0);
	open[o1 - o0] = '\0';
	memcpy(close, s + c0, c1 - c0);
	close[c1 - c0] = '\0';
	return 0;
}

static int
tokenize(struct parser *p, const char *open0, const char *close0)
{
	char open[MU_DELIM_MAX], close[MU_DELIM_MAX];
	const char *s = p->src, *tag, *end;
	size_t pos = 0, at, a, b, after;
	struct tok *k;
	char kind;
	int error;

	snprintf(open, sizeof(open), "%s", open0);
	snprintf(close, sizeof(close), "%s", close0);
	while (pos < p->len) {
		if (!(tag = find(s + pos, p->len - pos, open))) {
			tok_push(p, 0, pos, p->len);
			break;
		}
		at = (size_t)(tag - s);
		if (at > pos)
			tok_push(p, 0, pos, at);
		a = at + strlen(open);
		kind = a < p->len && strchr("{&#^/!>=$<", s[a]) && s[a] ? s[a]
		                                                        : 'v';
		if (kind != 'v')
			a++;
		if (kind == '{' || kind == '=') {
			char closer[MU_DELIM_MAX + 1];

			snprintf(closer, sizeof(closer), "%c%s",
			         kind == '{' ? '}' : '=', close);
			end = find(s + a, p->len - a, closer);
			after = end ? (size_t)(end - s) + strlen(closer) : 0;
		} else {
			end = find(s + a, p->len - a, close);
			after = end ? (size_t)(end - s) + strlen(close) : 0;
		}
		if (!end)
			return parse_error(p, at, "tag is never closed", NULL);
		b = (size_t)(end - s);
		k = tok_push(p, kind, at, after);
		if (kind == '=') {
			if ((error = parse_delims(p, at, a, b, open, close)) <
			    0)
				return error;
		} else if (kind != '!') {
			while (a < b && is_blank(s[a]))
				a++;
			if ((kind == '>' || kind == '<') && a < b &&
			    s[a] == '*') {
				k->dynamic = 1;
				for (a++; a < b && is_blank(s[a]); a++)
					;
			}
			while (b > a && is_blank(s[b - 1]))
				b--;
			if (a == b)
				return parse_error(p, at, "tag has no name",
				                   NULL);
			k->name = a;
			k->name_end = b;
		}
		memcpy(k->open, open, sizeof(open));
		memcpy(k->close, close, sizeof(close));
		pos = after;
	}
	return 0;
}

static int
name_eq(const struct parser *p, const struct tok *a, const struct tok *b)
{
	return a->name_end - a->name == b->name_end - b->name &&
	       !memcmp(p->src + a->name, p->src + b->name,
	               a->name_end - a->name);
}

/* Pairs every opening tag with its closing tag, or reports why not. */
static int
match_sections(struct parser *p)
{
	size_t *stack = gv__xcalloc(p->ntoks + 1, sizeof(*stack));
	size_t depth = 0, i;
	char name[200];
	int error = 0;

	for (i = 0; i < p->ntoks && !error; i++) {
		struct tok *k = &p->toks[i];

		k->match = (size_t)-1;
		if (strchr("#^<$", k->kind) && k->kind) {
			if (depth == MU_MAX_DEPTH)
				error = parse_error(
				        p, k->start,
				        "the template nests sections "
				        "deeper than ",
				        "100 levels: flatten it");
			stack[depth++] = i;
		} else if (k->kind == '/') {
			snprintf(name, sizeof(name), "\"%.*s\"",
			         (int)(k->name_end - k->name),
			         p->src + k->name);
			if (!depth)
				error = parse_error(p, k->start, "closing tag ",
				                    name);
			else if (!name_eq(p, &p->toks[stack[depth - 1]], k)) {
				const struct tok *o =
				        &p->toks[stack[depth - 1]];
				char detail[420];

				snprintf(detail, sizeof(detail),
				         "%s does not match the open section "
				         "\"%.*s\"",
				         name, (int)(o->name_end - o->name),
				         p->src + o->name);
				error = parse_error(p, k->start, "closing tag ",
				                    detail);
			} else
				p->toks[stack[--depth]].match = i;
		}
	}
	if (!error && depth) {
		struct tok *k = &p->toks[stack[depth - 1]];

		snprintf(name, sizeof(name), "\"%.*s\" is never closed",
		         (int)(k->name_end - k->name), p->src + k->name);
		error = parse_error(p, k->start, "section ", name);
	}
	free(stack);
	return error;
}

/* Where the line holding offset at begins. */
static size_t
line_start(const struct parser *p, size_t at)
{
	while (at > 0 && p->src[at - 1] != '\n')
		at--;
	return at;
}

static int
blank_between(const struct parser *p, size_t a, size_t b)
{
	for (; a < b; a++)
		if (!is_blank(p->src[a]))
			return 0;
	return 1;
}

/* If only blanks follow end on its line, the offset after the line's end
 * (its newline included); else 0. */
static size_t
line_rest(const struct parser *p, size_t end)
{
	size_t i = end;

	while (i < p->len && (is_blank(p->src[i]) || p->src[i] == '\r')) {
		if (p->src[i] == '\r' && i + 1 < p->len &&
		    p->src[i + 1] != '\n')
			return 0;
		i++;
	}
	if (i == p->len)
		return i;
	return p->src[i] == '\n' ? i + 1 : 0;
}

/* Drops [a, b) from the text tokens around tag i. */
static void
cut(struct parser *p, size_t i, size_t a, size_t b)
{
	size_t j, lo = i > 2 ? i - 2 : 0, hi = i + 3;

	for (j = lo; j < hi && j < p->ntoks; j++) {
		struct tok *k = &p->toks[j];

		if (k->kind || b <= k->start || a >= k->end)
			continue;
		if (k->start >= a && k->end <= b)
			k->end = k->start;
		else if (k->start < a)
			k->end = a;
		else
			k->start = b;
	}
}

/* Marks tags first..last (one line) standalone and removes the line. */
static void
standalone(struct parser *p, size_t first, size_t last, int keep_newline)
{
	size_t ls = line_start(p, p->toks[first].start);
	size_t rest = line_rest(p, p->toks[last].end);

	p->toks[first].standalone = 1;
	p->toks[first].indent_start = ls;
	p->toks[first].indent_end = p->toks[first].start;
	p->toks[first].keep_newline = keep_newline != 0;
	p->toks[last].standalone = 1;
	cut(p, first, ls, p->toks[first].start);
	if (!keep_newline)
		cut(p, last, p->toks[last].end, rest);
}

/*
 * The inheritance module's pairs that may share a standalone line: a
 * parent and its end, a block and its end, a parent and its first block,
 * a last block's end and its parent's end (~inheritance "Standalone
 * parent", "Standalone block").
 */
static int
pair_standalone(struct parser *p, size_t i)
{
	struct tok *a = &p->toks[i], *b = &p->toks[i + 1];

	if (a->end != b->start)
		return 0;
	if (a->kind == '<' && b->kind == '/' && a->match == i + 1)
		return 1;
	if (a->kind == '$' && b->kind == '/' && a->match == i + 1)
		return 2; /* keeps the newline when the block is empty */
	if (a->kind == '<' && b->kind == '$')
		return 1;
	if (a->kind == '/' && b->kind == '/') {
		size_t j;

		for (j = 0; j < i; j++)
			if (p->toks[j].match == i)
				break;
		if (j < i && p->toks[j].kind == '$') {
			for (j = 0; j < i; j++)
				if (p->toks[j].match == i + 1)
					break;
			return j < i && p->toks[j].kind == '<';
		}
	}
	return 0;
}

static void
find_standalone(struct parser *p)
{
	size_t i, rest, ls;
	int pair;

	for (i = 0; i < p->ntoks; i++) {
		struct tok *k = &p->toks[i];

		if (!k->kind || k->kind == 'v' || k->kind == '{' ||
		    k->kind == '&' || k->standalone)
			continue;
		ls = line_start(p, k->start);
		if (!blank_between(p, ls, k->start))
			continue;
		if (i + 1 < p->ntoks && p->toks[i + 1].kind &&
		    (pair = pair_standalone(p, i)) &&
		    line_rest(p, p->toks[i + 1].end)) {
			standalone(p, i, i + 1, pair == 2);
			i++;
			continue;
		}
		rest = line_rest(p, k->end);
		if (rest)
			standalone(p, i, i, 0);
	}
}

static struct mu_node *
node_add(struct mu_node *parent, enum mu_type type)
{
	struct mu_node *n;

	parent->kids = gv__xrealloc(
	        parent->kids, (parent->nkids + 1) * sizeof(*parent->kids));
	n = &parent->kids[parent->nkids++];
	memset(n, 0, sizeof(*n));
	n->type = type;
	return n;
}

/* Builds the children of parent from tokens [*i, until). */
static void
build(struct parser *p, struct mu_node *parent, size_t *i, size_t until)
{
	static const enum mu_type types[128] = {
	        ['v'] = MU_VAR,     ['{'] = MU_VAR,      ['&'] = MU_VAR,
	        ['#'] = MU_SECTION, ['^'] = MU_INVERTED, ['>'] = MU_PARTIAL,
	        ['<'] = MU_PARENT,  ['$'] = MU_BLOCK,
	};

	while (*i < until) {
		struct tok *k = &p->toks[(*i)++];
		struct mu_node *n;
		size_t close;

		if (!k->kind) {
			if (k->end > k->start) {
				n = node_add(parent, MU_TEXT);
				n->start = k->start;
				n->end = k->end;
			}
			continue;
		}
		if (k->kind == '!' || k->kind == '=' || k->kind == '/')
			continue;
		n = node_add(parent, types[(unsigned char)k->kind]);
		n->start = k->name;
		n->end = k->name_end;
		n->tag = k->start;
		n->raw = k->kind == '{' || k->kind == '&';
		n->dynamic = k->dynamic;
		n->standalone = k->standalone;
		n->indent_start = k->indent_start;
		n->indent_end = k->indent_end;
		if (k->kind == '#' || k->kind == '^' || k->kind == '<' ||
		    k->kind == '$') {
			struct tok *c;

			close = k->match;
			c = &p->toks[close];
			build(p, n, i, close);
			*i = close + 1;
			if (k->kind != '$')
				continue;
			/* A block's content, without the lines its standalone
			 * tags took (read back as text when it is expanded). */
			memcpy(n->open, k->open, sizeof(n->open));
			memcpy(n->close, k->close, sizeof(n->close));
			n->body_start = k->end;
			if (k->standalone && !k->keep_newline)
				n->body_start = line_rest(p, k->end);
			n->body_end = c->start;
			if (c->standalone && !k->keep_newline)
				n->body_end = line_start(p, c->start);
			if (n->body_end < n->body_start)
				n->body_end = n->body_start;
		}
	}
}

int
gv__mu_parse(struct mu_template **out, const char *name, const char *src,
             size_t len, const char *open, const char *close)
{
	struct parser p = {0};
	struct mu_template *t = gv__xcalloc(1, sizeof(*t));
	size_t i = 0;
	int error;

	*out = NULL;
	t->name = gv__xstrdup(name);
	t->src = gv__xstrndup(src, len);
	t->len = len;
	t->root.type = MU_ROOT;
	p.name = name;
	p.src = t->src;
	p.len = len;
	p.t = t;
	if ((error = tokenize(&p, open ? open : "{{", close ? close : "}}")) <
	            0 ||
	    (error = match_sections(&p)) < 0) {
		free(p.toks);
		gv__mu_free(t);
		return error;
	}
	find_standalone(&p);
	build(&p, &t->root, &i, p.ntoks);
	free(p.toks);
	*out = t;
	return 0;
}

static void
node_dispose(struct mu_node *n)
{
	size_t i;

	for (i = 0; i < n->nkids; i++)
		node_dispose(&n->kids[i]);
	free(n->kids);
}

void
gv__mu_free(struct mu_template *t)
{
	if (!t)
		return;
	node_dispose(&t->root);
	free(t->name);
	free(t->src);
	free(t);
}
