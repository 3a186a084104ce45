/* SPDX-License-Identifier: MIT */
/*
 * This file implements telling a message's own words from the words it
 * carries: a vote counts only when its sender cast it, so a reply that
 * quotes "Sectigo votes yes" above its own "no" says no, and a message
 * that forwards another member's vote casts none. Mailers mark what they
 * carry in a handful of ways, all handled here as plain text (an HTML
 * part arrives as text with its <blockquote> lines quoted): "> " lines,
 * "On ... wrote:", Outlook's "From: ... Sent: ... To: ..." block (in the
 * languages members write from), the forwarded and original message
 * markers, a signature, and what Mailman's archive puts in place of a
 * part it kept apart.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "vote_text.h"

/* A line of text without its end (and a '\r' before it). */
struct line {
	const char *s;
	size_t n;
};

/* The line at *p, moving *p past it; 0 at the end. */
static int
line_next(struct line *l, const char **p)
{
	const char *nl;

	if (!**p)
		return 0;
	nl = strchr(*p, '\n');
	l->s = *p;
	l->n = nl ? (size_t)(nl - *p) : strlen(*p);
	*p = nl ? nl + 1 : *p + l->n;
	if (l->n && l->s[l->n - 1] == '\r')
		l->n--;
	return 1;
}

/* The line without the spaces around it. */
static struct line
line_trim(struct line l)
{
	while (l.n && (*l.s == ' ' || *l.s == '\t')) {
		l.s++;
		l.n--;
	}
	while (l.n && (l.s[l.n - 1] == ' ' || l.s[l.n - 1] == '\t'))
		l.n--;
	return l;
}

static int
line_ends_with(struct line l, const char *suffix)
{
	size_t n = strlen(suffix);

	return l.n >= n && !strncasecmp(l.s + l.n - n, suffix, n);
}

static int
line_starts_with(struct line l, const char *prefix)
{
	size_t n = strlen(prefix);

	return l.n >= n && !strncasecmp(l.s, prefix, n);
}

static int
line_is_quote(struct line l)
{
	l = line_trim(l);
	return l.n && l.s[0] == '>';
}

/* "On Mon, 4 Dec 2023, Ben Wilson wrote:", and as other mailers and
 * languages write it. */
static int
line_is_attribution(struct line l)
{
	static const char *const ends[] = {
	        "wrote:",    "writes:",    "wrote :",   "schrieb:",
	        "a écrit :", "a écrit:",   "escribió:", "ha scritto:",
	        "schreef:",  "skrev:",     "napisał:",  "写道：",
	        "写道:",     "kirjoitti:", "escreveu:", NULL};

	l = line_trim(l);
	/* Each ends in a colon, an ASCII or a full-width one. */
	if (!l.n || (l.s[l.n - 1] != ':' && l.s[l.n - 1] != '\x9a'))
		return 0;
	for (const char *const *e = ends; *e; e++)
		if (line_ends_with(l, *e))
			return 1;
	return 0;
}

/* A line of only c, at least min of them. */
static int
line_all(struct line l, char c, size_t min)
{
	l = line_trim(l);
	for (size_t i = 0; i < l.n; i++)
		if (l.s[i] != c)
			return 0;
	return l.n >= min;
}

/* "---------- Forwarded message ---------" and its kin: the words
 * between runs of '-', '_' or '='. 1: a forward, 2: an original message
 * (Outlook quoting what it replies to), 0: neither. */
static int
line_marker(struct line l)
{
	static const char *const forwards[] = {"forwarded message",
	                                       "weitergeleitete nachricht",
	                                       "message transféré",
	                                       "mensaje reenviado",
	                                       "原始邮件转发",
	                                       "forwarded message follows",
	                                       NULL};
	static const char *const originals[] = {"original message",
	                                        "ursprüngliche nachricht",
	                                        "message d'origine",
	                                        "mensaje original",
	                                        "messaggio originale",
	                                        "oorspronkelijk bericht",
	                                        "原始邮件",
	                                        "原始郵件",
	                                        NULL};
	size_t lead = 0, tail = 0;

	l = line_trim(l);
	if (line_starts_with(l, "begin forwarded message"))
		return 1;
	while (lead < l.n && strchr("-_=", l.s[lead]))
		lead++;
	while (tail < l.n - lead && strchr("-_=", l.s[l.n - 1 - tail]))
		tail++;
	if (lead < 2 || tail < 2)
		return 0;
	l.s += lead;
	l.n -= lead + tail;
	l = line_trim(l);
	for (const char *const *w = forwards; *w; w++)
		if (l.n == strlen(*w) && !strncasecmp(l.s, *w, l.n))
			return 1;
	for (const char *const *w = originals; *w; w++)
		if (l.n == strlen(*w) && !strncasecmp(l.s, *w, l.n))
			return 2;
	return 0;
}

/* "From:" (bold as "*From:*" in plain text made from HTML), or a name
 * in names, then a colon (a full-width one too). */
static int
line_is_header(struct line l, const char *const *names)
{
	l = line_trim(l);
	if (l.n && l.s[0] == '*') {
		l.s++;
		l.n--;
	}
	for (const char *const *h = names; *h; h++) {
		size_t n = strlen(*h);
		const char *p = l.s + n;

		if (l.n <= n || strncasecmp(l.s, *h, n))
			continue;
		if (*p == '*')
			p++;
		while (p < l.s + l.n && *p == ' ')
			p++;
		if (p < l.s + l.n &&
		    (*p == ':' ||
		     (l.s + l.n - p >= 3 && !memcmp(p, "\xef\xbc\x9a", 3))))
			return 1;
	}
	return 0;
}

static const char *const from_names[] = {
        "from", "von", "de",     "da",     "van",    "från",      "fra",
        "od",   "от",  "发件人", "寄件者", "差出人", "보낸 사람", NULL};
static const char *const other_names[] = {
        "sent",      "date",    "to",        "subject",   "cc",
        "gesendet",  "datum",   "an",        "betreff",   "envoyé",
        "enviado",   "inviato", "data",      "verzonden", "aan",
        "onderwerp", "skickat", "till",      "ämne",      "objet",
        "asunto",    "oggetto", "para",      "à",         "发送时间",
        "收件人",    "主题",    "日時",      "件名",      "宛先",
        "sendt",     "emne",    "lähetetty", "aihe",      NULL};

/* Whether the "From:" line at l starts a quoted header block: another
 * header on one of the next lines (or later on the same one, as some
 * mailers write the block on one line). */
static int
header_block(struct line l, const char *rest)
{
	struct line next;
	int seen = 0;

	for (size_t i = 0; i + 6 < l.n; i++)
		if (l.s[i] == ' ' &&
		    line_is_header((struct line){l.s + i + 1, l.n - i - 1},
		                   other_names))
			return 1;
	while (seen < 5 && line_next(&next, &rest)) {
		if (!line_trim(next).n)
			continue;
		if (line_is_header(next, other_names))
			return 1;
		seen++;
	}
	return 0;
}

/* After Mailman's "next part" marker: the URL of a scrubbed HTML part,
 * "" when none is given, NULL when the part was not text. */
static char *
scrubbed_url(const char *rest)
{
	struct line l;
	int html = 0;

	for (int i = 0; i < 4 && line_next(&l, &rest); i++) {
		l = line_trim(l);
		if (line_starts_with(l, "An HTML attachment was scrubbed"))
			html = 1;
		else if (html && line_starts_with(l, "URL:")) {
			l.s += 4;
			l.n -= 4;
			l = line_trim(l);
			if (l.n >= 2 && l.s[0] == '<' && l.s[l.n - 1] == '>') {
				l.s++;
				l.n -= 2;
			}
			return gv__xstrndup(l.s, l.n);
		}
	}
	return html ? gv__xstrdup("") : NULL;
}

void
gv__own_text(struct gv__own_text *out, const char *text, int forward)
{
	struct gv_buf own = GV_BUF_INIT;
	const char *p = text ? text : "", *here;
	size_t last = 0; /* where the last own line starts in own */
	struct line l;
	int marker;

	memset(out, 0, sizeof(*out));
	for (here = p; line_next(&l, &p); here = p) {
		if (line_is_quote(l))
			continue;
		if (line_is_attribution(l)) {
			/* "On Mon, 4 Dec 2023 at 16:00, Ben Wilson via
			 * Public <...>" wraps before its "wrote:". */
			if (own.size > last &&
			    !strncmp(own.ptr + last, "On ", 3))
				own.size = last;
			continue;
		}
		if ((marker = line_marker(l)) ||
		    (line_is_header(l, from_names) && header_block(l, p))) {
			/* What an original-message marker or a header
			 * block starts is quoted, unless the subject says
			 * the message forwards it. */
			if (marker == 1 || forward)
				out->forwarded = gv__xstrdup(here);
			break;
		}
		if (line_starts_with(l, "-------------- next part -----")) {
			out->scrubbed = scrubbed_url(p);
			break;
		}
		/* A signature, Outlook's rule above a quoted reply, a
		 * list's footer. */
		if ((l.n == 2 && !strncmp(l.s, "--", 2)) ||
		    (l.n == 3 && !strncmp(l.s, "-- ", 3)) ||
		    line_all(l, '_', 20))
			break;
		last = own.size;
		gv__buf_put(&own, l.s, l.n);
		gv__buf_putc(&own, '\n');
	}
	if (own.ptr)
		own.ptr[own.size] = '\0';
	out->own = gv__buf_detach(&own);
}

void
gv__own_text_dispose(struct gv__own_text *t)
{
	free(t->own);
	free(t->forwarded);
	free(t->scrubbed);
	memset(t, 0, sizeof(*t));
}

/* ---- Subjects ---- */

/*
 * The length of a reply or forward prefix at s ("Re:", "AW: ", "Fwd[2]:",
 * "Réf. :", "回复："), 0 if none; *fwd set for a forward one. The words
 * are those the mailers of members' languages write: Outlook's in
 * Italian ("R:", "I:"), French ("Réf. :", "TR:"), German ("AW:", "WG:"),
 * Dutch ("Antw:", "Doorst:"), the Nordic languages ("SV:", "VS:", "VL:"),
 * Polish ("Odp:", "PD:"), Turkish ("YNT:", "İLT:"), Greek ("ΑΠ:", "ΠΡΘ:"),
 * Spanish and Portuguese ("RV:", "ENC:"), Chinese.
 */
static size_t
subject_prefix(const char *s, int *fwd)
{
	static const struct {
		const char *word;
		int forward;
	} prefixes[] = {
	        {"re", 0},   {"aw", 0},     {"sv", 0},   {"antw", 0},
	        {"vs", 0},   {"ref", 0},    {"réf", 0},  {"rif", 0},
	        {"r", 0},    {"odp", 0},    {"ynt", 0},  {"ΑΠ", 0},
	        {"fwd", 1},  {"fw", 1},     {"wg", 1},   {"tr", 1},
	        {"rv", 1},   {"enc", 1},    {"i", 1},    {"pd", 1},
	        {"vl", 1},   {"doorst", 1}, {"İlt", 1},  {"ΠΡΘ", 1},
	        {"回复", 0}, {"答复", 0},   {"回覆", 0}, {"转发", 1},
	        {"轉寄", 1},
	};
	const char *p;

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t n = strlen(prefixes[i].word);

		if (strncasecmp(s, prefixes[i].word, n))
			continue;
		p = s + n;
		if (*p == '.') /* "Réf." */
			p++;
		if (*p == '[' || *p == '(') {
			p++;
			while (*p >= '0' && *p <= '9')
				p++;
			if (*p != ']' && *p != ')')
				continue;
			p++;
		}
		while (*p == ' ')
			p++;
		if (*p == ':' || !strncmp(p, "\xef\xbc\x9a", 3)) {
			*fwd = *fwd || prefixes[i].forward;
			return (size_t)(p - s) + (*p == ':' ? 1 : 3);
		}
	}
	return 0;
}

char *
gv__subject_base(const char *subject, int *reply, int *forward)
{
	const char *s = subject ? subject : "", *close;
	size_t n;
	int fwd = 0;

	*reply = 0;
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '[' && (close = strchr(s, ']'))) {
			s = close + 1;
		} else if ((n = subject_prefix(s, &fwd))) {
			s += n;
			*reply = 1;
		} else {
			break;
		}
	}
	if (forward)
		*forward = fwd;
	return gv__xstrdup(s);
}

int
gv__subject_is_notice(const char *base)
{
	static const char *const words[] = {
	        "voting period",     "discussion period",
	        "review period",     "vote results",
	        "results on ballot", "results of ballot",
	        "ballot results",    "reminder",
	        "review notice",     "ipr review",
	        "voting begins",     "voting starts",
	        "voting ends",       "voting closes",
	        "results:",          NULL};
	char *fold = gv__xstrdup(base);
	int found = 0;

	for (char *p = fold; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	for (const char *const *w = words; *w && !found; w++)
		found = strstr(fold, *w) != NULL;
	/* "Results - Ballot SC-080" */
	found = found || !strncmp(fold, "results", 7);
	free(fold);
	return found;
}
