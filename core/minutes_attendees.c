/* SPDX-License-Identifier: MIT */
/*
 * This file implements the second half of the minutes parser: finding the
 * attendee list in its real shapes (headings, bold pseudo-headings,
 * "Present:" lines; comma-separated, one per paragraph, bulleted; "Name
 * (Org)", "Name - (Org)", "Name – Org", bare names) and the minute-taker
 * the minutes state.
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

/* Skips a list marker: "- ", "* ", "+ ", "•", "1. " or "1) ". */
static const char *
skip_marker(const char *s, int *numbered)
{
	size_t n = strspn(s, "0123456789");

	*numbered = 0;
	if ((*s == '-' || *s == '*' || *s == '+') && ms_space_at(s + 1))
		return ms_skip_space(s + 1);
	if (!strncmp(s, "\xE2\x80\xA2", 3)) /* • */
		return ms_skip_space(s + 3);
	if (n && n <= 3 && (s[n] == '.' || s[n] == ')') &&
	    (!s[n + 1] || ms_space_at(s + n + 1))) {
		*numbered = 1;
		return ms_skip_space(s + n + 1);
	}
	return s;
}

/* Bytes of "(...)" at s, nested ones included; to the end if unclosed. */
static size_t
paren_len(const char *s)
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

/* Length of a word that labels an attendee list at s, or 0. */
static size_t
label_word(const char *s)
{
	static const char *const words[] = {
	        "attendees list", "attendee list", "attendance list",
	        "attendees",      "attendance",    "in attendance",
	        "present",        "participants",  "participant list",
	};
	size_t n;
	char c;

	for (size_t i = 0; i < NARRAY(words); i++) {
		n = strlen(words[i]);
		if (strncasecmp(s, words[i], n))
			continue;
		c = s[n]; /* only now known to be inside the string */
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return n;
	}
	return 0;
}

/*
 * A line that opens an attendee list: "## Attendees (in alphabetical
 * order)", "**Attendees**", "**Present:** names", "1.  Present: names",
 * "Attendees: names". *rest is what follows the label on the line.
 */
static int
att_label(const char *line, const char **rest)
{
	const char *s = ms_skip_space(line), *t;
	int colon = 0, numbered;
	size_t n;

	if (*s == '#')
		s = ms_skip_space(s + strspn(s, "#"));
	else
		s = skip_marker(s, &numbered);
	s += strspn(s, "*_");
	if (!(n = label_word(s)))
		return 0;
	s = ms_skip_space(s + n);
	if (*s == '(')
		s = ms_skip_space(s + paren_len(s));
	for (t = s; *t && strchr("*_:#", *t); t++)
		colon |= *t == ':';
	*rest = ms_skip_space(t);
	/* "Present and voting were ..." is a sentence, not a label */
	return colon || !**rest;
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
	out = ms_squeeze(name, n);
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
		    *ms_skip_space(dash + n)) {
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
	if (org && !*(e->org = ms_squeeze(org, strlen(org)))) {
		free(e->org);
		e->org = NULL;
	}
	free(org);
}

/* Nonzero when s reads as a person's name: capitalised words (or
 * particles), no digits or markup, at most NAME_MAX_WORDS of them. */
static int
name_like(const char *s)
{
	size_t words = 0, n;

	if (!ms_upper_start(s) || strlen(s) > NAME_MAX_BYTES ||
	    strpbrk(s, "0123456789:;[]<>|#=@/\\"))
		return 0;
	for (; *(s = ms_skip_space(s)); s += n, words++) {
		n = ms_word_len(s);
		if (!ms_upper_start(s) && !ms_particle(s, n) &&
		    !strchr("(\"'", *s))
			return 0;
	}
	return words <= NAME_MAX_WORDS;
}

static int
org_like(const char *org, int dashed)
{
	size_t words = 0;
	const char *s;

	if (!org)
		return 1;
	for (s = org; *(s = ms_skip_space(s)); s += ms_word_len(s))
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
		n = ms_word_len(s);
		e->prose |= ms_prose_word(s, n);
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
	else if (!(t + n - last == 2 && ms_upper_start(last)) &&
	         !memchr(last, '.', (size_t)(t + n - 1 - last)))
		t[n - 1] = '\0';
	while ((n = strlen(t)) && t[n - 1] == ' ')
		t[n - 1] = '\0';
}

/* Adds the entry of s[0..n) unless it is empty; returns the count. */
static size_t
entry_add(struct entry **v, size_t *alloc, size_t count, const char *s,
          size_t n)
{
	struct entry *e;
	char *t = ms_squeeze(s, n);

	entry_clean(t);
	if (!*t) {
		free(t);
		return count;
	}
	*v = gv__grow(*v, alloc, count, sizeof(**v));
	e = &(*v)[count];
	memset(e, 0, sizeof(*e));
	e->text = t;
	entry_flags(e);
	entry_split(e);
	e->ok = !e->label && !e->prose && name_like(e->name) &&
	        org_like(e->org, e->dashed);
	return count + 1;
}

/* Splits a piece at " and " or " & " outside parentheses ("A and B"),
 * unless it is "Name - Org", whose organisation may hold an "and". */
static size_t
entry_split_and(struct entry **v, size_t *alloc, size_t count, const char *s,
                size_t n)
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
		count = entry_add(v, alloc, count, start, (size_t)(t - start));
		start = t + k;
		t += k - 1;
	}
	count = entry_add(v, alloc, count, start, strlen(start));
	free(piece);
	return count;
}

/* Splits a line at commas and semicolons outside parentheses. */
static size_t
entries_split(struct entry **v, const char *s)
{
	size_t count = 0, alloc = 0;
	const char *start = s;
	int depth = 0;

	for (;; s++) {
		depth += *s == '(' ? 1 : *s == ')' ? -1 : 0;
		if (*s && !((*s == ',' || *s == ';') && depth <= 0))
			continue;
		count = entry_split_and(v, &alloc, count, start,
		                        (size_t)(s - start));
		if (!*s)
			return count;
		start = s + 1;
	}
}

static void
entries_free(struct entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].name);
		free(v[i].org);
	}
	free(v);
}

/* Adds one attendee, unless the same name and organisation came before. */
static void
att_add(struct minutes_scan *p, size_t i, struct entry *e)
{
	struct gv_minutes_doc *d = p->doc;
	char *name = gv_text_fold(e->name);
	char *org = gv_text_fold(e->org ? e->org : "");
	char *key = gv__xsprintf("%s\n%s", name, org);

	free(name);
	free(org);
	for (size_t k = 0; k < d->nattendees; k++) {
		if (!strcmp(p->att_keys[k], key)) {
			ms_warn(p,
			        "line %zu: \"%s\" is in the attendee list "
			        "twice "
			        "(counted once)",
			        i + 1, e->text);
			free(key);
			return;
		}
	}
	p->att_keys = gv__grow(p->att_keys, &p->keys_alloc, d->nattendees,
	                       sizeof(*p->att_keys));
	d->attendees = gv__grow(d->attendees, &p->att_alloc, d->nattendees,
	                        sizeof(*d->attendees));
	p->att_keys[p->nkeys++] = key;
	d->attendees[d->nattendees].name = e->name;
	d->attendees[d->nattendees++].org = e->org;
	e->name = e->org = NULL;
}

/*
 * Reads a line of the list: returns 0, adding nobody, when it reads as
 * prose (most entries are not names, or the first is a sentence or a
 * label such as "Regrets:"); else adds the names and warns of the rest.
 */
static int
att_line(struct minutes_scan *p, size_t i, const char *s)
{
	struct entry *v = NULL;
	size_t n = entries_split(&v, s), good = 0, k;
	int prose = !n || v[0].prose || v[0].label;

	for (k = 0; k < n; k++)
		good += (size_t)v[k].ok;
	if (good * 2 < n)
		prose = 1;
	for (k = 0; k < n && !prose; k++) {
		if (v[k].ok)
			att_add(p, i, &v[k]);
		else
			ms_warn(p,
			        "line %zu: skipped \"%s\" in the attendee list "
			        "(it does not read as a person's name)",
			        i + 1, v[k].text);
	}
	entries_free(v, n);
	return !prose;
}

/* A line that ends the list: a heading, a bold pseudo-heading, a rule,
 * a table, a quote, a code fence, or the label of another list. */
static int
att_stop(const char *s)
{
	const char *rest;

	return *s == '#' || !strncmp(s, "**", 2) || !strncmp(s, "__", 2) ||
	       *s == '|' || *s == '>' || !strncmp(s, "```", 3) ||
	       (strspn(s, "-") >= 3 && !*ms_skip_space(s + strspn(s, "-"))) ||
	       att_label(s, &rest);
}

/* Reads the list whose label is on line i; returns the line after it. */
static size_t
att_list(struct minutes_scan *p, size_t i, const char *rest)
{
	size_t j, taken = 0;
	int numbered = 0, num;
	const char *s;

	if (*rest && !att_line(p, i, rest))
		return i + 1;
	for (j = i + 1; j < p->nlines; j++) {
		s = ms_skip_space(p->line[j]);
		if (!*s)
			continue; /* one name per paragraph is common */
		if (att_stop(s))
			break;
		s = skip_marker(s, &num);
		/* a numbered item ends it, unless the names are numbered */
		if (num && !numbered && (taken || *rest))
			break;
		numbered |= num;
		if (!att_line(p, j, s))
			break;
		taken++;
	}
	return j;
}

void
ms_attendees_find(struct minutes_scan *p)
{
	const char *rest;
	size_t i = p->text_line;
	int found = 0;

	while (i < p->nlines) {
		if (!att_label(p->line[i], &rest)) {
			i++;
			continue;
		}
		found = 1;
		i = att_list(p, i, rest);
	}
	if (!found)
		ms_warn(p, "no attendee list found");
	else if (!p->doc->nattendees)
		ms_warn(p, "the attendee list names nobody");
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

	for (s = ms_skip_space(s); *s && words < 5; s = ms_skip_space(s + n)) {
		n = ms_word_len(s);
		for (core = n; core && strchr(".,;:!?)", s[core - 1]); core--)
			;
		if (!core || (!ms_upper_start(s) && !ms_particle(s, core)))
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
		                 !(we - ws == 2 && ms_upper_start(ws))))
			break;
		if (!ms_upper_start(ws) &&
		    !(words && ms_particle(ws, (size_t)(we - ws))))
			break;
		start = we = ws;
		words++;
	}
	return words ? ms_squeeze(start, (size_t)(at - start)) : NULL;
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
		if ((at = ms_find_ci(line, after[k])))
			name = name_after(at + strlen(after[k]));
	for (k = 0; k < NARRAY(before) && !name; k++)
		if ((at = ms_find_ci(line, before[k])))
			name = name_before(line, at);
	return name;
}

void
ms_taker_find(struct minutes_scan *p)
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
