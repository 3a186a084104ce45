/* SPDX-License-Identifier: MIT */
/*
 * This file implements the second half of the minutes parser: finding the
 * attendee list in its real shapes (headings, numbered or with words
 * before the label, bold pseudo-headings, "Present:" and "Roll Call:"
 * lines; comma-separated, one per paragraph, bulleted), counting each
 * person once, and the minute-taker the minutes state. Reading the entries
 * of a line is core/minutes_entries.c's; gv__minutes_split_line() reads
 * one pasted roll call the same way (gavel meeting attend --line).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gavel/text.h"
#include "minutes_scan.h"
/*
 * Attendees.
 */

/* Words a heading may put before its label ("Forum Session Attendees"). */
#define LABEL_MAX_LEAD 4

/* Skips a list marker: "- ", "* ", "+ ", "•", "1. " or "1) ". */
static const char *
skip_marker(const char *s, int *numbered)
{
	size_t n = strspn(s, "0123456789");

	*numbered = 0;
	if ((*s == '-' || *s == '*' || *s == '+') && gv__ms_space_at(s + 1))
		return gv__ms_skip_space(s + 1);
	if (!strncmp(s, "\xE2\x80\xA2", 3)) /* • */
		return gv__ms_skip_space(s + 3);
	if (n && n <= 3 && (s[n] == '.' || s[n] == ')') &&
	    (!s[n + 1] || gv__ms_space_at(s + n + 1))) {
		*numbered = 1;
		return gv__ms_skip_space(s + n + 1);
	}
	return s;
}

/* Length of a word that labels an attendee list at s, or 0. *colon_only:
 * the word labels a list only when a colon follows ("Roll Call: names";
 * a "Roll Call" heading is an agenda item, usually followed by prose). */
static size_t
label_word(const char *s, int *colon_only)
{
	static const struct {
		const char *word;
		int colon_only;
	} words[] = {
	        {"attendees list", 0},   {"attendee list", 0},
	        {"attendance list", 0},  {"attendees", 0},
	        {"attendance", 0},       {"in attendance", 0},
	        {"present", 0},          {"participants", 0},
	        {"participant list", 0}, {"roll call", 1},
	        {"roll-call", 1},
	};
	size_t n;
	char c;

	for (size_t i = 0; i < NARRAY(words); i++) {
		n = strlen(words[i].word);
		if (strncasecmp(s, words[i].word, n))
			continue;
		c = s[n]; /* only now known to be inside the string */
		*colon_only = words[i].colon_only;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return n;
	}
	return 0;
}

/*
 * A line that opens an attendee list: "## Attendees (in alphabetical
 * order)", "## 11. Attendees", "### Forum Session Attendees",
 * "**Attendees**", "**Present:** names", "1.  Present: names", "Attendees:
 * names". *rest is what follows the label on the line; *item is set when
 * the label is itself a numbered list item ("6.  Attendees").
 */
static int
att_label(const char *line, const char **rest, int *item)
{
	const char *s = gv__ms_skip_space(line), *t;
	int colon = 0, heading = *s == '#', colon_only = 0, numbered;
	size_t n, lead;

	if (heading)
		s = gv__ms_skip_space(s + strspn(s, "#"));
	s = skip_marker(s, &numbered); /* "- ", "6. ", or "## 11. " */
	*item = numbered && !heading;
	heading |= *s == '*' || *s == '_';
	s += strspn(s, "*_");
	s = skip_marker(s, &numbered); /* "**1. Roll Call:**" */
	/* A heading may end with the label after a few capitalised words
	 * ("Forum Session Attendees"; not "Notes on attendance"). */
	for (lead = 0; !(n = label_word(s, &colon_only)); lead++) {
		if (!heading || lead == LABEL_MAX_LEAD ||
		    !gv__ms_upper_start(s))
			return 0;
		s = gv__ms_skip_space(s + gv__ms_word_len(s));
	}
	s = gv__ms_skip_space(s + n);
	if (*s == '(')
		s = gv__ms_skip_space(s + gv__ms_paren_len(s));
	for (t = s; *t && strchr("*_:#", *t); t++)
		colon |= *t == ':';
	*rest = gv__ms_skip_space(t);
	if (colon_only && !colon)
		return 0;
	/* "Present and voting were ..." is a sentence, not a label */
	return lead ? !**rest : colon || !**rest;
}

/* Nonzero when s[0..n) has a capital and no lower-case letter (ASCII). */
static int
all_caps(const char *s, size_t n)
{
	int upper = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		upper |= s[i] >= 'A' && s[i] <= 'Z';
	}
	return upper;
}

/*
 * Where the names start after a label that goes on in capitals:
 * "Attendance: IN THE ROOM (FROM SIGN UP SHEET) Ben Wilson (Mozilla), ...".
 * Two or more words (or parenthesised groups) in capitals, then a
 * capitalised word in mixed case before any separator; else s itself
 * ("JP Hamilton (Cisco)" keeps its "JP").
 */
static const char *
caps_qualifier(const char *s)
{
	const char *t = s;
	size_t n, tokens;

	for (tokens = 0;; tokens++) {
		t = gv__ms_skip_space(t);
		n = *t == '(' ? gv__ms_paren_len(t) : gv__ms_word_len(t);
		if (!n || memchr(t, ',', n) || memchr(t, ';', n))
			return s;
		if (!all_caps(t, n))
			break;
		t += n;
	}
	return tokens >= 2 && gv__ms_upper_start(t) ? t : s;
}

static int
word_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The folded words of a name in order: "Fumiaki Ono" and "Ono Fumiaki"
 * (family name first, as Japanese minutes often write it) give one key. */
static char *
name_key(const char *name)
{
	char *fold = gv_text_fold(name), **word = NULL, *s;
	struct gv_buf b = GV_BUF_INIT;
	size_t n = 0, alloc = 0, i;

	for (s = fold; *s;) {
		word = gv__grow(word, &alloc, n, sizeof(*word));
		word[n++] = s;
		s += strcspn(s, " ");
		if (*s)
			*s++ = '\0';
	}
	if (n)
		qsort(word, n, sizeof(*word), word_cmp);
	for (i = 0; i < n; i++) {
		if (i)
			gv__buf_putc(&b, ' ');
		gv__buf_puts(&b, word[i]);
	}
	free(word);
	free(fold);
	s = gv__buf_detach(&b);
	return s ? s : gv__xstrdup("");
}

/* Nonzero when two folded organisations may be one: equal, one not given,
 * or one the first words of the other ("secom", "secom trust systems"). */
static int
orgs_compatible(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	if (!na || !nb)
		return 1;
	if (na > nb)
		return !strncmp(b, a, nb) && a[nb] == ' ';
	return !strncmp(a, b, na) && (b[na] == '\0' || b[na] == ' ');
}

/* The attendee with that name key (the same words, in any order) and an
 * organisation that may be the same one (folded), or -1. */
static long
att_repeat(const struct minutes_scan *p, const char *key, const char *org)
{
	const char *k, *nl;

	for (size_t i = 0; i < p->doc->nattendees; i++) {
		k = p->att_keys[i];
		nl = strchr(k, '\n');
		if (strlen(key) == (size_t)(nl - k) &&
		    !strncmp(k, key, strlen(key)) &&
		    orgs_compatible(nl + 1, org))
			return (long)i;
	}
	return -1;
}

/* Adds one attendee, unless the same person came before: that one counts
 * once, with the first spelling. */
static void
att_add(struct minutes_scan *p, size_t i, struct entry *e)
{
	struct gv_minutes_doc *d = p->doc;
	char *key = name_key(e->name),
	     *org = gv_text_fold(e->org ? e->org : "");
	char *a, *b;
	long k = att_repeat(p, key, org);

	if (k >= 0) {
		a = gv_text_fold(e->name);
		b = gv_text_fold(d->attendees[k].name);
		if (!strcmp(a, b) &&
		    !strcmp(p->att_keys[k] + strlen(key) + 1, org))
			gv__ms_warn_at(p, i,
			               "\"%s\" is in the attendee list twice "
			               "(counted once)",
			               e->text);
		else
			gv__ms_warn_at(
			        p, i,
			        "\"%s\" is taken to be the same person as "
			        "\"%s%s%s%s\" on line %zu (counted once)",
			        e->text, d->attendees[k].name,
			        d->attendees[k].org ? " (" : "",
			        d->attendees[k].org ? d->attendees[k].org : "",
			        d->attendees[k].org ? ")" : "",
			        d->attendees[k].line);
		free(a);
		free(b);
		free(key);
		free(org);
		return;
	}
	p->att_keys = gv__grow(p->att_keys, &p->keys_alloc, d->nattendees,
	                       sizeof(*p->att_keys));
	d->attendees = gv__grow(d->attendees, &p->att_alloc, d->nattendees,
	                        sizeof(*d->attendees));
	p->att_keys[p->nkeys++] = gv__xsprintf("%s\n%s", key, org);
	d->attendees[d->nattendees].name = e->name;
	d->attendees[d->nattendees].org = e->org;
	d->attendees[d->nattendees++].line = i + 1;
	e->name = e->org = NULL;
	free(key);
	free(org);
}

/* Up to the first few words of s, for a message. */
static char *
snippet(const char *s)
{
	size_t n = 0, words = 0;

	while (s[n] && words < 6) {
		n += gv__ms_word_len(s + n);
		words++;
		n = (size_t)(gv__ms_skip_space(s + n) - s);
	}
	while (n && s[n - 1] == ' ')
		n--;
	return gv__xsprintf("%.*s%s", (int)n, s, s[n] ? "..." : "");
}

/* Says what reading the line repaired or left out. */
static void
att_notes(struct minutes_scan *p, size_t i, const struct entry_list *l)
{
	char *s;

	for (size_t k = 0; k < l->nunclosed; k++)
		gv__ms_warn_at(
		        p, i,
		        "\"%s\" has no closing parenthesis (closed at the "
		        "comma)",
		        l->unclosed[k]);
	if (l->sentence) {
		s = snippet(l->sentence);
		gv__ms_warn_at(p, i,
		               "the attendee list ends where a sentence starts "
		               "(\"%s\")",
		               s);
		free(s);
	}
}

/*
 * Reads a line of the list: returns 0, adding nobody, when it reads as
 * prose (most entries are not names, or the first is a sentence or a
 * label such as "Regrets:"); else adds the names and warns of the rest.
 * *ended is set when a sentence starts after the names.
 */
static int
att_line(struct minutes_scan *p, size_t i, const char *s, int *ended)
{
	struct entry_list l = {0};
	size_t good = 0, counted = 0, k;
	int prose;

	gv__ms_entries_read(&l, s);
	for (k = 0; k < l.n; k++) {
		good += (size_t)l.v[k].ok;
		counted += (size_t)!l.v[k].joined;
	}
	prose = !l.n || l.v[0].prose || l.v[0].label || good * 2 < counted;
	*ended = l.sentence != NULL;
	if (!prose)
		att_notes(p, i, &l);
	for (k = 0; k < l.n && !prose; k++) {
		if (l.v[k].ok)
			att_add(p, i, &l.v[k]);
		else if (l.v[k].joined)
			gv__ms_warn_at(
			        p, i,
			        "read \"%s\" as the organisation of \"%s\"",
			        l.v[k].text, l.v[k - 1].text);
		else
			gv__ms_warn_at(
			        p, i,
			        "skipped \"%s\" in the attendee list (it "
			        "does not read as a person's name)",
			        l.v[k].text);
	}
	gv__ms_entries_dispose(&l);
	return !prose;
}

/* A line that ends the list: a heading, a bold pseudo-heading, a rule,
 * a table, a quote, a code fence, or the label of another list. */
static int
att_stop(const char *s)
{
	const char *rest;
	int item;

	return *s == '#' || !strncmp(s, "**", 2) || !strncmp(s, "__", 2) ||
	       *s == '|' || *s == '>' || !strncmp(s, "```", 3) ||
	       (strspn(s, "-") >= 3 &&
	        !*gv__ms_skip_space(s + strspn(s, "-"))) ||
	       att_label(s, &rest, &item);
}

/* The names after a label, past a qualifier in capitals (warned of). */
static const char *
att_rest(struct minutes_scan *p, size_t i, const char *rest)
{
	const char *names = caps_qualifier(rest);
	size_t n = (size_t)(names - rest);

	while (n && rest[n - 1] == ' ')
		n--;
	if (names != rest)
		gv__ms_warn_at(p, i, "read \"%.*s\" as part of the label",
		               (int)n, rest);
	return names;
}

/* Reads the list whose label is on line i; returns the line after it.
 * item: the label is a numbered item, so the next number is its sibling. */
static size_t
att_list(struct minutes_scan *p, size_t i, const char *rest, int item)
{
	size_t j, taken = 0;
	int numbered = 0, num, ended = 0;
	const char *s;

	if (*rest && (!att_line(p, i, att_rest(p, i, rest), &ended) || ended))
		return i + 1;
	for (j = i + 1; j < p->nlines; j++) {
		s = gv__ms_skip_space(p->line[j]);
		if (!*s)
			continue; /* one name per paragraph is common */
		if (att_stop(s))
			break;
		s = skip_marker(s, &num);
		/* a numbered item ends it, unless the names are numbered */
		if (num && (item || (!numbered && (taken || *rest))))
			break;
		numbered |= num;
		if (!att_line(p, j, s, &ended))
			break;
		taken++;
		if (ended)
			return j + 1;
	}
	return j;
}

void
gv__ms_attendees_find(struct minutes_scan *p)
{
	const char *rest;
	size_t i = p->text_line;
	int found = 0, item;

	while (i < p->nlines) {
		if (!att_label(p->line[i], &rest, &item)) {
			i++;
			continue;
		}
		found = 1;
		i = att_list(p, i, rest, item);
	}
	if (!found)
		gv__ms_warn(p, "no attendee list found");
	else if (!p->doc->nattendees)
		gv__ms_warn(p, "the attendee list names nobody");
}

/* Adds the entries of one pasted line to out. */
static void
split_one_line(struct gv_minutes_line *out, const char *line, size_t no,
               size_t *alloc, size_t *bad_alloc)
{
	struct entry_list l = {0};
	const char *rest, *bad;
	int item;

	line = gv__ms_skip_space(line);
	if (att_label(line, &rest, &item))
		line = rest; /* pasted with its "Attendees:" */
	else
		line = skip_marker(line, &item); /* or as a list */
	gv__ms_entries_read(&l, caps_qualifier(line));
	for (size_t k = 0; k <= l.n; k++) {
		bad = k == l.n ? l.sentence : l.v[k].text;
		if (k < l.n && l.v[k].ok) {
			out->v = gv__grow(out->v, alloc, out->n,
			                  sizeof(*out->v));
			out->v[out->n].name = l.v[k].name;
			out->v[out->n].org = l.v[k].org;
			out->v[out->n++].line = no;
			l.v[k].name = l.v[k].org = NULL;
		} else if (bad && (k == l.n || !l.v[k].joined)) {
			out->rejected = gv__grow(out->rejected, bad_alloc,
			                         out->nrejected,
			                         sizeof(*out->rejected));
			out->rejected[out->nrejected++] = gv__xstrdup(bad);
		}
	}
	gv__ms_entries_dispose(&l);
}

int
gv__minutes_split_line(struct gv_minutes_line *out, const char *text)
{
	size_t alloc = 0, bad_alloc = 0, no = 1, n;
	char *line;

	memset(out, 0, sizeof(*out));
	for (; *text; text += n + (text[n] != '\0'), no++) {
		n = strcspn(text, "\r\n");
		line = gv__xstrndup(text, n);
		split_one_line(out, line, no, &alloc, &bad_alloc);
		free(line);
		if (text[n] == '\r' && text[n + 1] == '\n')
			n++;
	}
	return 0;
}

void
gv__minutes_line_dispose(struct gv_minutes_line *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].org);
	}
	free(l->v);
	for (i = 0; i < l->nrejected; i++)
		free(l->rejected[i]);
	free(l->rejected);
	memset(l, 0, sizeof(*l));
}

/*
 * The minute-taker.
 */

/* The capitalised words at s: "Stephen Davidson." gives "Stephen
 * Davidson"; NULL when there are none. */
static char *
name_after(const char *s)
{
	struct gv_buf b = GV_BUF_INIT;
	size_t n, core, words = 0;

	for (s = gv__ms_skip_space(s); *s && words < 5;
	     s = gv__ms_skip_space(s + n)) {
		n = gv__ms_word_len(s);
		for (core = n; core && strchr(".,;:!?)", s[core - 1]); core--)
			;
		if (!core ||
		    (!gv__ms_upper_start(s) && !gv__ms_particle(s, core)))
			break;
		if (core == 1 && s[1] == '.')
			core = 2; /* an initial: "Tim H." */
		if (b.size)
			gv__buf_putc(&b, ' ');
		gv__buf_put(&b, s, core);
		words++;
		if (core < n && !(core == 2 && s[1] == '.'))
			break;
	}
	if (!b.size)
		return NULL;
	return gv__buf_detach(&b);
}

/* The capitalised words that end just before at, back to a sentence end. */
static char *
name_before(const char *line, const char *at)
{
	const char *start = at, *ws, *we = at;
	size_t words = 0;

	while (words < 4) {
		while (we > line && we[-1] == ' ')
			we--;
		for (ws = we; ws > line && ws[-1] != ' '; ws--)
			;
		if (ws == we || (strchr(".,;:!?", we[-1]) &&
		                 !(we - ws == 2 && gv__ms_upper_start(ws))))
			break;
		if (!gv__ms_upper_start(ws) &&
		    !(words && gv__ms_particle(ws, (size_t)(we - ws))))
			break;
		start = we = ws;
		words++;
	}
	return words ? gv__ms_squeeze(start, (size_t)(at - start)) : NULL;
}

/* The minute-taker a line states, as in "Minutes were prepared by X" or
 * "X took minutes for this meeting"; not "X will take the minutes". */
static char *
taker_in(const char *line)
{
	static const char *const after[] = {
	        "minutes were prepared by",
	        "minutes prepared by",
	        "minutes were taken by",
	        "minutes taken by",
	        "minutes were recorded by",
	        "minutes recorded by",
	        "notes were taken by",
	        "notes taken by",
	        "minute taker:",
	        "minute-taker:",
	        "minutes taker:",
	        "minute taker was",
	        "minute-taker was",
	        "note taker:",
	        "note-taker:",
	        "scribe:",
	};
	static const char *const before[] = {
	        " took minutes",         " took the minutes",
	        " took notes",           " took the notes",
	        " is taking minutes",    " is taking the minutes",
	        " was the minute taker", " was the minute-taker",
	};
	const char *at;
	char *name = NULL;
	size_t k;

	for (k = 0; k < NARRAY(after) && !name; k++)
		if ((at = gv__ms_find_ci(line, after[k])))
			name = name_after(at + strlen(after[k]));
	for (k = 0; k < NARRAY(before) && !name; k++)
		if ((at = gv__ms_find_ci(line, before[k])))
			name = name_before(line, at);
	return name;
}

void
gv__ms_taker_find(struct minutes_scan *p)
{
	char *plain;
	size_t i, j, k;

	for (i = p->text_line; i < p->nlines && !p->doc->minute_taker; i++) {
		/* without emphasis: "**Minute taker:** X" */
		plain = gv__xstrdup(p->line[i]);
		for (j = k = 0; plain[j]; j++)
			if (plain[j] != '*' && plain[j] != '_')
				plain[k++] = plain[j];
		plain[k] = '\0';
		p->doc->minute_taker = taker_in(plain);
		free(plain);
	}
}
