/* SPDX-License-Identifier: MIT */
/*
 * This file implements reading one line of an attendee list into entries:
 * split at commas, semicolons and "and" outside parentheses, each entry
 * cleaned, split into a name and an organisation ("Name (Org)", "Name -
 * (Org)", "Name – Org", a bare name) and judged a person's name or not.
 * Parentheses that do not balance are closed at the next comma, so that
 * one slip costs no name, and a sentence that starts after the last name
 * ends the list. core/minutes_attendees.c finds the lists.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "minutes_scan.h"

/* The separator of entries at s, outside parentheses: "," or ";". */
static int
is_separator(const char *s)
{
	return *s == ',' || *s == ';';
}

/* Bytes of "(...)" at s, nested ones included; to the end if unclosed. */
size_t
gv__ms_paren_len(const char *s)
{
	int depth = 0;
	size_t i;

	for (i = 0; s[i]; i++) {
		depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
		if (!depth)
			return i + 1;
	}
	return i;
}

/* The first " - ", " – ", " — " or " -- " outside parentheses. */
static const char *
spaced_dash(const char *s, size_t *n)
{
	static const char *const dashes[] = {" -- ", " - ", " \xE2\x80\x93 ",
	                                     " \xE2\x80\x94 "};
	int depth = 0;

	for (; *s; s++) {
		depth += *s == '(' ? 1 : *s == ')' ? -1 : 0;
		for (size_t i = 0; i < NARRAY(dashes) && depth <= 0; i++) {
			*n = strlen(dashes[i]);
			if (!strncmp(s, dashes[i], *n))
				return s;
		}
	}
	return NULL;
}

/* Trims a name: white space and the dash of "Name - (Org)". */
static char *
name_tidy(char *name)
{
	size_t n = strlen(name);
	char *out;

	for (;;) {
		while (n && name[n - 1] == ' ')
			n--;
		if (n && name[n - 1] == '-')
			n--;
		else if (n >= 3 && (!strncmp(name + n - 3, "\xE2\x80\x93", 3) ||
		                    !strncmp(name + n - 3, "\xE2\x80\x94", 3)))
			n -= 3;
		else
			break;
	}
	out = gv__ms_squeeze(name, n);
	free(name);
	return out;
}

/* Splits e->text into a name and an organisation. */
static void
entry_split(struct entry *e)
{
	const char *t = e->text, *dash;
	size_t len = strlen(t), n;
	char *name = NULL, *org = NULL, *inner;

	if (len && t[len - 1] == ')') {
		gv__attendee_split(&name, &org, t);
		/* "Name - Org (Dept)": the dash splits, the rest is the org */
		if (org && (dash = spaced_dash(name, &n)) &&
		    *gv__ms_skip_space(dash + n)) {
			inner = org;
			org = gv__xsprintf("%s (%s)", dash + n, inner);
			name[dash - name] = '\0';
			free(inner);
		}
	} else if ((dash = spaced_dash(t, &n))) {
		name = gv__xstrndup(t, (size_t)(dash - t));
		org = gv__xstrdup(dash + n);
		e->dashed = 1;
	} else {
		name = gv__xstrdup(t);
	}
	e->name = name_tidy(name);
	if (org && !*(e->org = gv__ms_squeeze(org, strlen(org)))) {
		free(e->org);
		e->org = NULL;
	}
	free(org);
}

/* A word of letters only (and the hyphens and apostrophes of names). */
static int
plain_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strchr(".,;:!?()[]{}<>\"*_#=@/\\|&+", s[i]))
			return 0;
	return n > 0;
}

/*
 * Nonzero when s reads as a person's name: at most NAME_MAX_WORDS words,
 * no digits or markup, each word capitalised or a particle ("Paul van
 * Brouwershaven"). lower: words in lower case are accepted too, for an
 * entry whose organisation already says it names a person ("dean coclin
 * (DigiCert)").
 */
static int
name_like(const char *s, int lower)
{
	size_t words = 0, n;

	if (strlen(s) > NAME_MAX_BYTES || strpbrk(s, "0123456789:;[]<>|#=@/\\"))
		return 0;
	if (!gv__ms_upper_start(s) && !lower)
		return 0;
	for (; *(s = gv__ms_skip_space(s)); s += n, words++) {
		n = gv__ms_word_len(s);
		if (gv__ms_upper_start(s) || gv__ms_particle(s, n) ||
		    strchr("(\"'", *s))
			continue;
		if (!lower || !plain_word(s, n) || gv__ms_prose_word(s, n))
			return 0;
	}
	return words > 0 && words <= NAME_MAX_WORDS;
}

static int
org_like(const char *org, int dashed)
{
	size_t words = 0;
	const char *s;

	if (!org)
		return 1;
	for (s = org; *(s = gv__ms_skip_space(s)); s += gv__ms_word_len(s))
		words++;
	return strlen(org) <= ORG_MAX_BYTES && !strstr(org, "://") &&
	       (!dashed || words <= DASH_ORG_MAX_WORDS);
}

/* Flags e->label and e->prose from the words outside parentheses. */
static void
entry_flags(struct entry *e)
{
	const char *s = e->text;
	int depth = 0;
	size_t n;

	for (; *s; s++) {
		depth += *s == '(' ? 1 : *s == ')' ? -1 : 0;
		if (depth <= 0 && *s == ':')
			e->label = 1;
		if (depth > 0 || (s > e->text && s[-1] != ' ') || *s == ' ')
			continue;
		n = gv__ms_word_len(s);
		e->prose |= gv__ms_prose_word(s, n);
	}
}

/* Removes emphasis, a leading "and " and a final period (but that of
 * an initial, "Tim H."). */
static void
entry_clean(char *t)
{
	size_t n, i, j;
	char *last;

	for (i = j = 0; t[i]; i++)
		if (t[i] != '*')
			t[j++] = t[i];
	t[j] = '\0';
	while (!strncasecmp(t, "and ", 4) || !strncmp(t, "& ", 2))
		memmove(t, t + (*t == '&' ? 2 : 4),
		        strlen(t + (*t == '&' ? 2 : 4)) + 1);
	while ((n = strlen(t)) && strchr(" ;", t[n - 1]))
		t[n - 1] = '\0';
	if (!n || t[n - 1] != '.')
		return;
	last = strrchr(t, ' ');
	last = last ? last + 1 : t;
	if (n >= 2 && t[n - 2] == ')')
		t[n - 1] = '\0';
	else if (!(t + n - last == 2 && gv__ms_upper_start(last)) &&
	         !memchr(last, '.', (size_t)(t + n - 1 - last)))
		t[n - 1] = '\0';
	while ((n = strlen(t)) && t[n - 1] == ' ')
		t[n - 1] = '\0';
}

/* Adds the entry of s[0..n) unless it is empty. */
static void
entry_add(struct entry_list *l, const char *s, size_t n)
{
	struct entry *e;
	char *t = gv__ms_squeeze(s, n);

	entry_clean(t);
	if (!*t) {
		free(t);
		return;
	}
	l->v = gv__grow(l->v, &l->alloc, l->n, sizeof(*l->v));
	e = &l->v[l->n++];
	memset(e, 0, sizeof(*e));
	e->text = t;
	entry_flags(e);
	entry_split(e);
	e->ok = !e->label && !e->prose && name_like(e->name, e->org != NULL) &&
	        org_like(e->org, e->dashed);
}

/* Splits a piece at " and " or " & " outside parentheses ("A and B"),
 * unless it is "Name - Org", whose organisation may hold an "and". */
static void
entry_split_and(struct entry_list *l, const char *s, size_t n)
{
	char *piece = gv__xstrndup(s, n);
	const char *t = piece, *start = piece;
	size_t dash, k;
	int depth = 0;

	if (spaced_dash(piece, &dash))
		t = ""; /* "Name - Org": the org may hold an "and" */
	for (; *t; t++) {
		depth += *t == '(' ? 1 : *t == ')' ? -1 : 0;
		k = !strncasecmp(t, " and ", 5) ? 5
		    : !strncmp(t, " & ", 3)     ? 3
		                                : 0;
		if (depth > 0 || !k)
			continue;
		entry_add(l, start, (size_t)(t - start));
		start = t + k;
		t += k - 1;
	}
	entry_add(l, start, strlen(start));
	free(piece);
}

/*
 * Nonzero when the group "(...)" from o to its ")" at c spans entries: a
 * separator, then another "(" at its own level, as in "Arnold Essing
 * (Telekom Security, Clint Wilson (Apple), Dean Coclin)". An organisation
 * never holds a person with theirs; "(Asseco Data Systems SA (Certum))"
 * and "(BDO, for WebTrust)" do not match.
 */
static int
paren_spans_entries(const char *s, size_t o, size_t c)
{
	int depth = 0, sep = 0;

	for (size_t i = o + 1; i < c; i++) {
		if (s[i] == '(' && depth++ == 0 && sep)
			return 1;
		if (s[i] == ')')
			depth--;
		sep |= depth == 0 && is_separator(s + i);
	}
	return 0;
}

/* Marks in bad[] the parentheses of s that open or close nothing, and
 * those of a group that spans entries (the ")" of one slip closing the
 * "(" of another). */
static void
parens_mark(char *bad, const char *s, size_t n)
{
	size_t *stack = gv__xcalloc(n + 1, sizeof(*stack)), top = 0, i;
	size_t *match = gv__xcalloc(n + 1, sizeof(*match));

	for (i = 0; i < n; i++) {
		if (s[i] == '(') {
			stack[top++] = i;
		} else if (s[i] == ')' && top) {
			match[stack[--top]] = i + 1;
		} else if (s[i] == ')') {
			bad[i] = 1;
		}
	}
	while (top)
		bad[stack[--top]] = 1;
	for (i = 0; i < n; i++)
		if (match[i] && paren_spans_entries(s, i, match[i] - 1))
			bad[i] = bad[match[i] - 1] = 1;
	free(stack);
	free(match);
}

/*
 * A copy of s whose parentheses balance: a "(" never closed is closed at
 * the next separator outside the parentheses after it (or the end), and a
 * ")" never opened is left out. "Ben Wilson (Mozilla, Brianca Martin
 * (Amazon)" reads as two people, not one long entry. Adds the entries it
 * closed to l->unclosed.
 */
static char *
parens_balance(struct entry_list *l, const char *s)
{
	size_t n = strlen(s), i, alloc = 0;
	char *bad = gv__xcalloc(n + 1, 1), *out;
	struct gv_buf b = GV_BUF_INIT;
	size_t depth = 0, waiting = 0, from = 0;

	parens_mark(bad, s, n);
	for (i = 0; i <= n; i++) {
		if (waiting && depth == 0 && (!s[i] || is_separator(s + i))) {
			l->unclosed =
			        gv__grow(l->unclosed, &alloc, l->nunclosed,
			                 sizeof(*l->unclosed));
			l->unclosed[l->nunclosed++] =
			        gv__ms_squeeze(s + from, i - from);
			for (; waiting; waiting--)
				gv__buf_putc(&b, ')');
		}
		if (!s[i])
			break;
		if (bad[i] && s[i] == ')')
			continue;
		if (bad[i]) { /* its entry starts after the last separator */
			for (from = i; from && !is_separator(s + from - 1);
			     from--)
				;
			waiting++;
		} else if (s[i] == '(') {
			depth++;
		} else if (s[i] == ')') {
			depth--;
		}
		gv__buf_putc(&b, s[i]);
	}
	free(bad);
	out = gv__buf_detach(&b);
	return out ? out : gv__xstrdup("");
}

/* At s, a ". " that ends a sentence which the next words continue in
 * prose ("..., Wayne Thayer (Fastly). The chair opened the meeting"):
 * not an initial's ("Tim H. Smith") nor an abbreviation's ("Co. Ltd"). */
static int
sentence_end(const char *s)
{
	struct entry e = {0};
	const char *t = gv__ms_skip_space(s + 1), *end;
	int depth = 0;

	if (*s != '.' || t == s + 1 || !gv__ms_upper_start(t))
		return 0;
	for (end = t; *end && !(depth <= 0 && is_separator(end)); end++)
		depth += *end == '(' ? 1 : *end == ')' ? -1 : 0;
	e.text = gv__xstrndup(t, (size_t)(end - t));
	entry_flags(&e);
	free(e.text);
	return e.prose || e.label;
}

/* An entry that is only "(Org)" right after a name without one is that
 * name's organisation, written after a stray comma ("Sissel Hoel,
 * (Buypass)"). */
static void
entries_join_orgs(struct entry_list *l)
{
	struct entry *e, *prev;
	size_t k;

	for (k = 1; k < l->n; k++) {
		e = &l->v[k];
		prev = &l->v[k - 1];
		if (e->text[0] != '(' ||
		    gv__ms_paren_len(e->text) != strlen(e->text) || !prev->ok ||
		    prev->org)
			continue;
		prev->org = gv__ms_squeeze(e->text + 1, strlen(e->text) - 2);
		e->joined = 1;
	}
}

void
gv__ms_entries_read(struct entry_list *l, const char *line)
{
	char *s = parens_balance(l, line);
	const char *p, *start = s;
	int depth = 0;

	for (p = s;; p++) {
		depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
		if (*p && depth == 0 && sentence_end(p)) {
			l->sentence = gv__ms_squeeze(p + 1, strlen(p + 1));
			entry_split_and(l, start, (size_t)(p - start));
			break;
		}
		if (*p && !(is_separator(p) && depth <= 0))
			continue;
		entry_split_and(l, start, (size_t)(p - start));
		if (!*p)
			break;
		start = p + 1;
	}
	free(s);
	entries_join_orgs(l);
}

void
gv__ms_entries_dispose(struct entry_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].text);
		free(l->v[i].name);
		free(l->v[i].org);
	}
	free(l->v);
	for (i = 0; i < l->nunclosed; i++)
		free(l->unclosed[i]);
	free(l->unclosed);
	free(l->sentence);
	memset(l, 0, sizeof(*l));
}

void
gv__attendee_split(char **name, char **org, const char *who)
{
	size_t len = strlen(who), i;
	int depth = 0;

	while (len && isspace((unsigned char)who[len - 1]))
		len--;
	*org = NULL;
	if (len && who[len - 1] == ')') {
		for (i = len; i-- > 0;) {
			depth += who[i] == ')' ? 1 : who[i] == '(' ? -1 : 0;
			if (depth == 0) {
				*org = gv__xstrndup(who + i + 1, len - i - 2);
				len = i;
				break;
			}
		}
	}
	/* "Name - (Org)" and "Name – (Org)" as several minutes write it. */
	while (len &&
	       (isspace((unsigned char)who[len - 1]) || who[len - 1] == '-'))
		len--;
	if (len >= 3 && !memcmp(who + len - 3, "\xE2\x80\x93", 3))
		len -= 3;
	while (len && isspace((unsigned char)who[len - 1]))
		len--;
	while (len && isspace((unsigned char)*who))
		who++, len--;
	*name = gv__xstrndup(who, len);
}
