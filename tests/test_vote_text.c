/* SPDX-License-Identifier: MIT */
/*
 * This file tests reading votes from a message's words, table by table:
 * the votes a text states and the words that only look like one (BYL
 * 2.3(5): a vote is a clear yes, no or abstain), which lines are the
 * sender's own, the ballot numbers a text names, subjects, and HTML made
 * text. Shapes are those seen on the Forum's lists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "html_text.h"
#include "internal.h"
#include "vote_text.h"
#include "gavel/ballot.h"

/* Each case of a table is checked, so one run names every failing one. */
static void
expect(const char *got, const char *want, const char *input)
{
	if (strcmp(got, want))
		t_fail(__FILE__, __LINE__,
		       "for \"%s\": got \"%s\", want \"%s\"", input, got, want);
}

/* "yes(Sectigo) no()": each vote said, with its who; "tally" for counts. */
static char *
said_text(const char *text)
{
	struct gv__votes_said s;
	struct gv_buf b = GV_BUF_INIT;

	gv__votes_said(&s, text);
	if (s.tally)
		gv__buf_puts(&b, "tally");
	for (size_t i = 0; i < s.n; i++)
		gv__buf_printf(&b, "%s%s(%s)", b.size ? " " : "",
		               gv_vote_value_name(s.v[i].value),
		               s.v[i].who ? s.v[i].who : "");
	gv__votes_said_dispose(&s);
	return t_keep(gv__buf_detach(&b));
}

static void
votes_said(void)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
	        {"Sectigo votes YES on Ballot SMC011.", "yes(Sectigo)"},
	        {"HARICA votes \xe2\x80\x9c"
	         "abstain\xe2\x80\x9d to ballot 194.",
	         "abstain(HARICA)"},
	        {"SwissSign votes \xe2\x80\x98yes\xe2\x80\x99 for ballot "
	         "FORUM-019",
	         "yes(SwissSign)"},
	        {"SSC votes: \"Yes\".", "yes(SSC)"},
	        {"Hi all, we vote to abstain on SMC011", "abstain(we)"},
	        {"Google casts a yes vote.", "yes(Google)"},
	        {"Sectigo is voting *YES* on this one", "yes(Sectigo is)"},
	        {"Mozilla votes in favour of SMC011", "yes(Mozilla)"},
	        {"We vote against it.", "no(We)"},
	        {"HARICA abstains.", "abstain(HARICA)"},
	        {"We will abstain, thanks", "abstain(We will)"},
	        {"YES", "yes()"},
	        {"No.", "no()"},
	        {"  \"Abstain\"  ", "abstain()"},
	        {"DigiCert: Yes", "yes(DigiCert)"},
	        {"Sectigo \xe2\x80\x93 YES", "yes(Sectigo)"},
	        /* Words that are no vote. */
	        {"The vote is no longer open.", ""},
	        {"No objection from us, see you on the call", ""},
	        {"Yes, thanks, I'll join", ""},
	        {"Please vote yes on SMC011", ""},
	        {"I encourage everyone to vote yes.", ""},
	        {"We do not vote yes on this", ""},
	        {"Voting period begins today and ends on Nov 21.", ""},
	        {"A vote to abstain must indicate a clear 'abstain'.", ""},
	        {"Votes to abstain are not counted for this purpose", ""},
	        /* Counts: a results or reminder message. */
	        {"20 Yes votes: Amazon, Buypass", "tally"},
	        {"Yes votes: Sectigo", "tally"},
	        {"22 votes total including abstentions", "tally"},
	        /* Two in one text. */
	        {"Sectigo votes yes.\nCorrection: Sectigo votes no.",
	         "yes(Sectigo) no(Sectigo)"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		expect(said_text(cases[i].text), cases[i].want, cases[i].text);
}

/* "own|forwarded|scrubbed" of a text. */
static char *
own_text(const char *text, int forward)
{
	struct gv__own_text o;
	char *s;

	gv__own_text(&o, text, forward);
	s = gv__xsprintf("%s|%s|%s", o.own, o.forwarded ? o.forwarded : "-",
	                 o.scrubbed ? o.scrubbed : "-");
	gv__own_text_dispose(&o);
	return t_keep(s);
}

static void
own_words(void)
{
	static const struct {
		const char *text;
		int forward;
		const char *want;
	} cases[] = {
	        {"Sectigo votes yes\n> DigiCert votes no\nThanks\n", 0,
	         "Sectigo votes yes\nThanks\n|-|-"},
	        /* Gmail wraps its attribution before "wrote:". */
	        {"No\n\nOn Fri, Nov 15, 2024 at 10:00 AM Ben via List <\n"
	         "list@example.org> wrote:\n> Yes\n",
	         0, "No\n\n|-|-"},
	        {"No\r\n\r\nLe ven. 15 nov. 2024, Ben a écrit :\r\n> Yes\r\n",
	         0, "No\n\n|-|-"},
	        /* Outlook's header block, in English, German, Chinese. */
	        {"Yes\n\nFrom: Ben <b@example.org>\nSent: Friday\nTo: list\n"
	         "Subject: SMC011\n\nNo\n",
	         0, "Yes\n\n|-|-"},
	        {"Ja: Yes\n*Von:* Ben\n*Gesendet:* Freitag\n\nNo\n", 0,
	         "Ja: Yes\n|-|-"},
	        {"CFCA votes yes\n-----原始邮件-----\n发件人: Ben\n主题: "
	         "x\nNo\n",
	         0, "CFCA votes yes\n|-|-"},
	        {"From: the chair's side, a note\nYes\n", 0,
	         "From: the chair's side, a note\nYes\n|-|-"},
	        /* Forwarded: by its marker, or a header block when the
	         * subject says Fwd. */
	        {"FYI\n---------- Forwarded message ---------\nFrom: A\n\n"
	         "Yes\n",
	         0,
	         "FYI\n|---------- Forwarded message ---------\nFrom: A\n\n"
	         "Yes\n|-"},
	        {"FYI\nBegin forwarded message:\n\nYes\n", 0,
	         "FYI\n|Begin forwarded message:\n\nYes\n|-"},
	        {"FYI\n\nFrom: A\nSent: today\n\nYes\n", 1,
	         "FYI\n\n|From: A\nSent: today\n\nYes\n|-"},
	        {"-----Original Message-----\nFrom: A\nYes\n", 0, "|-|-"},
	        /* Signatures, footers, Mailman's scrubbed parts. */
	        {"Yes\n-- \nNo Such Street\n", 0, "Yes\n|-|-"},
	        {"Yes\n____________________________________________\nPublic "
	         "mailing list\n",
	         0, "Yes\n|-|-"},
	        {"Yes\n-------------- next part --------------\nAn HTML "
	         "attachment was scrubbed...\nURL: <http://x/1.html>\n",
	         0, "Yes\n|-|http://x/1.html"},
	        {"-------------- next part --------------\nA non-text "
	         "attachment was scrubbed...\n",
	         0, "|-|-"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		expect(own_text(cases[i].text, cases[i].forward), cases[i].want,
		       cases[i].text);
}

static char *
refs_text(const char *text)
{
	struct gv__ballot_ref *refs = NULL;
	struct gv_buf b = GV_BUF_INIT;
	size_t n = gv__ballot_refs(&refs, text);

	for (size_t i = 0; i < n; i++)
		gv__buf_printf(&b, "%s%s/%lld%s", i ? " " : "", refs[i].prefix,
		               (long long)refs[i].number,
		               refs[i].after_ballot ? "b" : "");
	free(refs);
	return t_keep(gv__buf_detach(&b));
}

static void
ballot_numbers(void)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
	        {"Ballot SMC011: EUID", "SMC/11b"},
	        {"[Smcwg-public] Ballot SMC-011 v2", "SMC/11b v/2"},
	        {"SC-080v3 and SC48 v2", "SC/80 SC/48 v/2"},
	        {"Ballot FORUM-019 v.2 - VOTING PERIOD", "FORUM/19b"},
	        {"SMC01v3, SMC010", "SMC/1 SMC/10"},
	        {"CSC-24 is not SC-24", "CSC/24 SC/24"},
	        {"SHA256sum, 2024-11-07, Smcwg-public, x509", "x/509"},
	        {"Ballot SMC 013: EUID", "SMC/13b"},
	        {"[SMC-11] vote, SMC 12", "SMC/11 SMC/12"},
	        {"the SMC 2025 plan at 10 am", ""},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		expect(refs_text(cases[i].text), cases[i].want, cases[i].text);
}

static void
subjects(void)
{
	static const struct {
		const char *subject;
		int forward;
	} replies[] = {
	        {"R: [Smcwg-public] Voting Period Begins - Ballot SMC011", 0},
	        {"Réf. : Voting Period Begins - Ballot SMC011", 0},
	        {"RIF: Voting Period Begins - Ballot SMC011", 0},
	        {"Odp: Voting Period Begins - Ballot SMC011", 0},
	        {"YNT: Voting Period Begins - Ballot SMC011", 0},
	        {"ΑΠ: Voting Period Begins - Ballot SMC011", 0},
	        {"回覆: Voting Period Begins - Ballot SMC011", 0},
	        {"I: R: Voting Period Begins - Ballot SMC011", 1},
	        {"PD: Voting Period Begins - Ballot SMC011", 1},
	        {"Doorst: Voting Period Begins - Ballot SMC011", 1},
	        {"ΠΡΘ: Voting Period Begins - Ballot SMC011", 1},
	};
	int reply, fwd;
	char *s;

	s = t_keep(gv__subject_base("Re: [Smcwg-public] AW: Voting Period "
	                            "Begins - Ballot SMC011",
	                            &reply, &fwd));
	T_EQ_STR(s, "Voting Period Begins - Ballot SMC011");
	T_EQ_INT(reply, 1);
	T_EQ_INT(fwd, 0);
	s = t_keep(gv__subject_base("[cabfpub] FW[2]: Ballot SC-080", &reply,
	                            &fwd));
	T_EQ_STR(s, "Ballot SC-080");
	T_EQ_INT(fwd, 1);
	s = t_keep(gv__subject_base("Sectigo votes YES on Ballot SMC011",
	                            &reply, &fwd));
	T_EQ_INT(reply, 0);
	/* Outlook's prefixes in the members' languages. */
	for (size_t i = 0; i < sizeof(replies) / sizeof(replies[0]); i++) {
		s = t_keep(gv__subject_base(replies[i].subject, &reply, &fwd));
		expect(s, "Voting Period Begins - Ballot SMC011",
		       replies[i].subject);
		T_EQ_INT(reply, 1);
		T_EQ_INT(fwd, replies[i].forward);
	}
	/* A word that only begins like one is the subject's own. */
	s = t_keep(gv__subject_base("Rifle: Ballot SMC011", &reply, &fwd));
	T_EQ_STR(s, "Rifle: Ballot SMC011");
	T_EQ_INT(reply, 0);
	T_ASSERT(gv__subject_is_notice("Voting Period Begins - Ballot SMC011"));
	T_ASSERT(gv__subject_is_notice("Vote Results on Ballot Forum-18v3"));
	T_ASSERT(gv__subject_is_notice("Ballot FORUM-019 v.2 - Amend Server "
	                               "Certificate Working Group Charter - "
	                               "VOTING PERIOD"));
	T_ASSERT(!gv__subject_is_notice("Sectigo votes YES on Ballot SMC011"));
	T_ASSERT(!gv__subject_is_notice("Ballot SMC011: EUID"));
}

static void
html_as_text(void)
{
	static const struct {
		const char *html, *want;
	} cases[] = {
	        {"<html><head><title>x</title><style>p{}</style></head>"
	         "<body><p class=MsoNormal>Telia votes &#8216;Yes&#8217; on "
	         "Ballot<o:p></o:p></p><p>&nbsp;</p><p>//Antti</p></body>"
	         "</html>",
	         "Telia votes \xe2\x80\x98Yes\xe2\x80\x99 on "
	         "Ballot\n//Antti\n"},
	        {"<div>YES<br>Thanks</div><blockquote>DigiCert votes "
	         "no<blockquote>deeper</blockquote></blockquote>after",
	         "YES\nThanks\n> DigiCert votes no\n> > deeper\nafter\n"},
	        {"a &lt; b &amp;&amp; c &bogus; <!-- hidden --> d < e",
	         "a < b && c &bogus; d < e\n"},
	        {"<pre>  two\n  lines</pre><table><tr><td>Sectigo</td><td>"
	         "Yes</td></tr></table>",
	         "  two\n  lines\nSectigo Yes\n"},
	        {"<p>cut <b", "cut\n"},
	        {"\xff<p>\xc3</p>", "\xef\xbf\xbd\n\xef\xbf\xbd\n"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *text =
		        gv__html_text(cases[i].html, strlen(cases[i].html));

		t_keep(text);
		expect(text, cases[i].want, cases[i].html);
	}
}

const struct t_case vote_text_tests[] = {
        {"votes_said", votes_said},         {"own_words", own_words},
        {"ballot_numbers", ballot_numbers}, {"subjects", subjects},
        {"html_as_text", html_as_text},     {NULL, NULL},
};
