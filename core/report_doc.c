/* SPDX-License-Identifier: MIT */
/*
 * This file implements the year report as a document, one text in two
 * formats: an HTML page a chair posts or attaches (self-contained: its
 * style and drawings inline, no script, print styles) and Markdown for a
 * list post. The ballots (with a timeline in HTML), the tallies as the
 * results notices state them, the meetings (with a plot of attendance
 * and the quorum baseline in HTML). Stored text is made safe and escaped
 * for the format, so a title never becomes markup.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gavel/gavel.h"
#include "mustache.h"
#include "report_write.h"
#include "view.h"

/* Where the document goes, and in which format. */
struct doc {
	struct gv_buf *b;
	int html; /* else Markdown */
};

/* Text, escaped for the format (stored text is also made safe). Our own
 * figures and times, which nothing in either format reads as markup, go
 * through doc_raw: "20.00" stays "20.00" in a Markdown cell. */
static void
doc_text(struct doc *d, const char *s)
{
	gv__escape_text(d->b, s, d->html ? GV_ESCAPE_HTML : GV_ESCAPE_MARKDOWN);
}

static void doc_raw(struct doc *d, const char *fmt, ...) GV__PRINTF(2, 3);

static void
doc_raw(struct doc *d, const char *fmt, ...)
{
	char text[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	gv__buf_puts(d->b, text);
}

/* An instant in UTC, its date kept on one line in HTML ("2030-01-29"
 * would otherwise break at its hyphens in a narrow column). */
static void
doc_when(struct doc *d, int64_t t)
{
	char when[GV_TIME_BUFSZ];

	gv_time_format(when, t, GV_TIME_HUMAN);
	if (d->html)
		doc_raw(d, "<span class=\"when\">%.10s</span>%s", when,
		        when + 10);
	else
		doc_raw(d, "%s", when);
}

/* A figure, or "-" when there is none. */
static void
doc_number(struct doc *d, int known, int n)
{
	if (known)
		doc_raw(d, "%d", n);
	else
		doc_raw(d, "-");
}

static void
doc_heading(struct doc *d, int level, const char *id, const char *text)
{
	if (d->html) {
		gv__buf_printf(d->b, "<h%d id=\"%s\">", level, id);
		doc_text(d, text);
		gv__buf_printf(d->b, "</h%d>\n", level);
	} else {
		gv__buf_printf(d->b, "%.*s ", level, "###");
		doc_text(d, text);
		gv__buf_puts(d->b, "\n\n");
	}
}

static void
doc_para(struct doc *d, int open)
{
	gv__buf_puts(d->b, d->html ? (open ? "<p>" : "</p>\n")
	                           : (open ? "" : "\n\n"));
}

/* A table's start, after its caption (HTML) or a heading (Markdown),
 * which the caller writes between the two calls. */
static void
doc_caption(struct doc *d, int open)
{
	if (d->html)
		gv__buf_puts(d->b,
		             open ? "<table>\n<caption>" : "</caption>\n");
	else
		gv__buf_puts(d->b, open ? "### " : "\n\n");
}

static void
doc_table(struct doc *d, const char *const *heads, size_t n, int captioned)
{
	size_t i;

	if (d->html)
		gv__buf_puts(d->b, captioned ? "<thead><tr>"
		                             : "<table>\n<thead><tr>");
	for (i = 0; i < n; i++)
		gv__buf_printf(d->b, d->html ? "<th>%s</th>" : "| %s ",
		               heads[i]);
	gv__buf_puts(d->b, d->html ? "</tr></thead>\n<tbody>\n" : "|\n");
	for (i = 0; !d->html && i < n; i++)
		gv__buf_puts(d->b, "|---");
	gv__buf_puts(d->b, d->html ? "" : "|\n");
}

static void
doc_table_end(struct doc *d)
{
	gv__buf_puts(d->b, d->html ? "</tbody>\n</table>\n" : "\n");
}

/* A cell's start: klass "num" (a figure, aligned right), "text" (stored
 * text, which may break anywhere: a title can be one long word) or NULL
 * (our own words, which break between words). */
static void
doc_cell(struct doc *d, int first, const char *klass)
{
	if (!d->html) {
		gv__buf_puts(d->b, first ? "| " : " | ");
		return;
	}
	gv__buf_puts(d->b, first ? "<tr>" : "</td>");
	if (klass)
		gv__buf_printf(d->b, "<td class=\"%s\">", klass);
	else
		gv__buf_puts(d->b, "<td>");
}

static void
doc_row_end(struct doc *d)
{
	gv__buf_puts(d->b, d->html ? "</td></tr>\n" : " |\n");
}

/* ---- The ballots ---- */

/* The periods' cell: "voting: FROM to TO", one a line; "(ahead)" when
 * its end is a clock still to come. */
static void
doc_periods(struct doc *d, const struct gv_report *r,
            const struct gv_report_ballot *rb)
{
	size_t i;

	doc_cell(d, 0, NULL);
	for (i = 0; i < rb->nperiods; i++) {
		doc_raw(d, "%s%s: ",
		        !i        ? ""
		        : d->html ? "<br>"
		                  : "; ",
		        gv_report_phase_name(rb->periods[i].phase));
		doc_when(d, rb->periods[i].start);
		doc_raw(d, " to ");
		doc_when(d, rb->periods[i].end);
		doc_raw(d, rb->periods[i].end > r->now ? " (ahead)" : "");
	}
	if (!rb->nperiods)
		doc_raw(d, "-");
}

static void
doc_ballot_row(struct doc *d, const struct gv_report *r,
               const struct gv_report_ballot *rb)
{
	const struct gv_ballot *ballot = rb->ballot;

	doc_cell(d, 1, NULL);
	doc_text(d, ballot->number);
	doc_cell(d, 0, "text");
	doc_text(d, ballot->title);
	doc_periods(d, r, rb);
	doc_cell(d, 0, NULL);
	doc_text(d, gv_report_state_text(ballot->state));
	doc_cell(d, 0, NULL);
	doc_text(d, rb->tally ? rb->tally->result : "-");
	if (rb->results_at >= 0) {
		doc_raw(d, ", announced ");
		doc_when(d, rb->results_at);
	}
	doc_row_end(d);
}

static const char timeline_key[] =
        "<figcaption><span class=\"key discussion\"></span> discussion, "
        "<span class=\"key voting\"></span> voting, <span class=\"key "
        "review\"></span> IPR review; pale and dashed: still ahead, to the "
        "date its clock gives. A diamond marks the results, a dot the end "
        "of the IPR review (adopted), a cross a ballot withdrawn, "
        "cancelled or expired; the red dashed line is the report's "
        "date.</figcaption>\n";

static void
doc_ballots(struct doc *d, const struct gv_report *r)
{
	static const char *const heads[] = {"Ballot", "Title", "Periods (UTC)",
	                                    "State", "Result"};
	size_t i;

	doc_heading(d, 2, "ballots", "Ballots");
	if (!r->nballots) {
		doc_para(d, 1);
		doc_raw(d, "No ballot ran in %d.", r->year);
		doc_para(d, 0);
		return;
	}
	if (d->html) {
		gv__buf_puts(d->b, "<figure>\n");
		gv__report_svg_timeline(d->b, r);
		gv__buf_printf(d->b, "%s</figure>\n", timeline_key);
	}
	doc_table(d, heads, 5, 0);
	for (i = 0; i < r->nballots; i++)
		doc_ballot_row(d, r, &r->ballots[i]);
	doc_table_end(d);
}

/* ---- The tallies ---- */

/* tests[i] of the tally's JSON (`ballot tally --format json`, the same
 * function): its sentence and its arithmetic. */
static void
doc_test(struct doc *d, json_t *tests, size_t i)
{
	json_t *t = json_array_get(tests, i);

	doc_text(d, json_string_value(json_object_get(t, "test")));
	doc_text(d, ": ");
	doc_text(d, json_string_value(json_object_get(t, "arithmetic")));
}

static void
doc_class_row(struct doc *d, const char *name, const struct gv_class_tally *c,
              json_t *tests, size_t test)
{
	char percent[32];

	doc_cell(d, 1, NULL);
	doc_text(d, name);
	doc_cell(d, 0, "num");
	doc_raw(d, "%d", c->yes);
	doc_cell(d, 0, "num");
	doc_raw(d, "%d", c->no);
	doc_cell(d, 0, "num");
	doc_raw(d, "%d", c->abstain);
	doc_cell(d, 0, NULL);
	doc_text(d, gv_tally_percent(percent, sizeof(percent), c));
	doc_cell(d, 0, NULL);
	doc_test(d, tests, test);
	doc_cell(d, 0, NULL);
	doc_text(d, c->met ? "met" : "not met");
	doc_row_end(d);
}

static void
doc_quorum(struct doc *d, const struct gv_tally *t, json_t *tests)
{
	doc_para(d, 1);
	doc_text(d, "Quorum: ");
	if (!strcmp(t->quorum_from, "none")) {
		doc_text(d, "unknown (no roll call before voting opened).");
		doc_para(d, 0);
		return;
	}
	doc_text(d, json_string_value(json_object_get(json_array_get(tests, 4),
	                                              "arithmetic")));
	if (!strcmp(t->quorum_from, "published")) {
		doc_text(d, " (as the results notice published it)");
	} else {
		doc_raw(d,
		        " (the average of the last %zu meetings' voting "
		        "members, %.2f; ",
		        t->nquorum_meetings, t->active_average);
		doc_text(d, t->quorum_rule);
		doc_text(d, " reading)");
	}
	doc_raw(d, ": %s.", t->quorum_met ? "met" : "not met");
	if (!t->charter_meetings_met)
		doc_raw(d,
		        " The charter's minimum of meetings before a ballot is "
		        "not met: %d held with a roll call before voting "
		        "began, %d needed.",
		        t->charter_meetings_held, t->charter_meetings_needed);
	doc_para(d, 0);
}

static void
doc_tally(struct doc *d, const struct gv_report_ballot *rb)
{
	static const char *const heads[] = {
	        "Class", "Yes",   "No", "Abstain", "Yes of yes and no",
	        "Test",  "Result"};
	const struct gv_tally *t = rb->tally;
	json_t *view = gv__view_tally(t),
	       *tests = json_object_get(view, "tests");

	doc_caption(d, 1);
	doc_text(d, rb->ballot->number);
	doc_text(d, " (");
	doc_text(d, rb->ballot->title);
	doc_text(d, "): ");
	doc_text(d, t->result);
	doc_caption(d, 0);
	doc_table(d, heads, 7, 1);
	doc_class_row(d, "Certificate Issuers", &t->issuers, tests, 0);
	doc_class_row(d, "Certificate Consumers", &t->consumers, tests, 1);
	doc_table_end(d);
	doc_quorum(d, t, tests);
	json_decref(view);
}

static void
doc_tallies(struct doc *d, const struct gv_report *r)
{
	size_t i, n = 0;

	doc_heading(d, 2, "tallies", "Tallies");
	for (i = 0; i < r->nballots; i++)
		if (r->ballots[i].tally) {
			doc_tally(d, &r->ballots[i]);
			n++;
		}
	if (n)
		return;
	doc_para(d, 1);
	doc_raw(d, "No vote opened in %d.", r->year);
	doc_para(d, 0);
}

/* ---- The meetings ---- */

static void
doc_meeting_row(struct doc *d, const struct gv_report_meeting *rm)
{
	const struct gv_meeting *m = rm->meeting;
	int held = !strcmp(m->status, "held");

	doc_cell(d, 1, "num");
	doc_raw(d, "%lld", (long long)m->id);
	doc_cell(d, 0, NULL);
	doc_when(d, m->starts_at);
	doc_cell(d, 0, NULL);
	doc_text(d, m->status);
	/* Who was there, of a meeting held; the baseline after it. */
	doc_cell(d, 0, "num");
	doc_number(d, held, m->attendees);
	doc_cell(d, 0, "num");
	doc_number(d, held, m->voting_orgs);
	doc_cell(d, 0, "num");
	if (rm->has_baseline)
		doc_raw(d, "%.2f", rm->baseline.average);
	else
		doc_raw(d, "-");
	doc_cell(d, 0, "num");
	doc_number(d, rm->has_baseline, rm->baseline.quorum);
	doc_row_end(d);
}

static const char attendance_key[] =
        "<figcaption><span class=\"key present\"></span> voting members "
        "present at a held meeting; <span class=\"key line\"></span> the "
        "quorum baseline A in force after it, the average of the voting "
        "members present at the last three held meetings; <span "
        "class=\"key line quorum\"></span> the quorum, floor(A / 2) + 1 "
        "(BYL 2.3(7)). &#xD7; cancelled, ? no roll call recorded, "
        "&#x25CB; scheduled.</figcaption>\n";

static void
doc_meetings(struct doc *d, const struct gv_report *r)
{
	static const char *const heads[] = {"Meeting",
	                                    "Start",
	                                    "Status",
	                                    "People",
	                                    "Voting members present",
	                                    "Baseline A after it",
	                                    "Quorum after it"};
	size_t i;

	doc_heading(d, 2, "meetings", "Meetings and quorum");
	if (r->has_start_baseline) {
		doc_para(d, 1);
		doc_raw(d,
		        "On January 1 the quorum baseline was A = %.2f, so "
		        "quorum was %d (BYL 2.3(7)).",
		        r->start_baseline.average, r->start_baseline.quorum);
		doc_para(d, 0);
	}
	if (!r->nmeetings) {
		doc_para(d, 1);
		doc_raw(d, "No meeting in %d.", r->year);
		doc_para(d, 0);
		return;
	}
	if (d->html) {
		gv__buf_puts(d->b, "<figure>\n");
		gv__report_svg_attendance(d->b, r);
		gv__buf_printf(d->b, "%s</figure>\n", attendance_key);
	}
	doc_table(d, heads, 7, 0);
	for (i = 0; i < r->nmeetings; i++)
		doc_meeting_row(d, &r->meetings[i]);
	doc_table_end(d);
}

/* ---- The document ---- */

static const char page_style[] =
        "body { font: 16px/1.5 Georgia, \"Times New Roman\", serif; "
        "color: #111;\n"
        "       max-width: 60rem; margin: 2rem auto; padding: 0 1rem;\n"
        "       overflow-wrap: anywhere; }\n"
        "h1, h2, caption { font-family: \"Helvetica Neue\", Arial, "
        "sans-serif;\n"
        "                  line-height: 1.2; }\n"
        ".meta, figcaption { color: #555; }\n"
        "table { border-collapse: collapse; margin: 1rem 0; }\n"
        "th, td { border: 1px solid #999; padding: .2rem .5rem; "
        "text-align: left;\n"
        "         vertical-align: top; }\n"
        "th { background: #eee; }\n"
        "th, td { overflow-wrap: break-word; }\n"
        "th, td.text, caption { overflow-wrap: anywhere; }\n"
        "td.text { min-width: 6em; }\n"
        ".when { white-space: nowrap; }\n"
        "td.num { text-align: right; }\n"
        "caption { text-align: left; font-weight: bold; padding: .2rem 0; "
        "}\n"
        "figure { margin: 1rem 0; }\n"
        "svg.chart { display: block; width: 100%; height: auto;\n"
        "            font: 14px \"Helvetica Neue\", Arial, sans-serif; }\n"
        "svg .grid { stroke: #ddd; }\n"
        "svg .now { stroke: #c00; stroke-dasharray: 4 3; }\n"
        "svg text { fill: #333; }\n"
        "svg .axis { text-anchor: end; }\n"
        "svg .value { font-size: 11px; text-anchor: middle; }\n"
        "svg .mark { text-anchor: middle; fill: #777; }\n"
        "svg .discussion, .key.discussion { fill: #56b4e9; "
        "background: #56b4e9; }\n"
        "svg .voting, .key.voting { fill: #e69f00; background: #e69f00; }\n"
        "svg .review, .key.review { fill: #cc79a7; background: #cc79a7; }\n"
        "svg .ahead { fill-opacity: .3; stroke: #555; "
        "stroke-dasharray: 3 2; }\n"
        "svg .passed, svg .adopted { fill: #009e73; }\n"
        "svg .failed, svg .rescinded { fill: #d55e00; }\n"
        "svg .stopped { stroke: #555; stroke-width: 2; fill: none; }\n"
        "svg .present, .key.present { fill: #0072b2; "
        "background: #0072b2; }\n"
        "svg .baseline { fill: none; stroke: #111; stroke-width: 2; }\n"
        "svg .quorum { fill: none; stroke: #d55e00; stroke-width: 2;\n"
        "              stroke-dasharray: 6 3; }\n"
        ".key { display: inline-block; width: .9em; height: .9em;\n"
        "       vertical-align: -.1em; border: 1px solid #555; }\n"
        ".key.line { height: 0; border-width: 2px 0 0; "
        "border-color: #111; }\n"
        ".key.line.quorum { border-color: #d55e00; "
        "border-top-style: dashed; }\n"
        "@media print {\n"
        "  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; "
        "}\n"
        "  h2 { break-after: avoid; }\n"
        "  table, figure { break-inside: avoid; }\n"
        "  th { background: none; }\n"
        "  svg, .key { print-color-adjust: exact; "
        "-webkit-print-color-adjust: exact; }\n"
        "}\n";

static void
doc_head(struct doc *d, const struct gv_report *r)
{
	char when[GV_TIME_BUFSZ];

	if (d->html) {
		gv__buf_puts(
		        d->b,
		        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		        "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		        "content=\"width=device-width, initial-scale=1\">\n"
		        "<meta name=\"generator\" content=\"gavel " GV_VERSION
		        "\">\n<title>");
		doc_text(d, r->body);
		gv__buf_printf(d->b,
		               " in %d: ballots, meetings and quorum</title>\n"
		               "<style>\n%s</style>\n</head>\n<body>\n<h1>",
		               r->year, page_style);
	} else {
		gv__buf_puts(d->b, "# ");
	}
	doc_text(d, r->name);
	doc_text(d, " (");
	doc_text(d, r->body);
	doc_raw(d, ") in %d", r->year);
	gv__buf_puts(d->b, d->html ? "</h1>\n" : "\n\n");
	doc_para(d, 1);
	doc_raw(d,
	        "Ballots, meetings and quorum as of %s. Times are UTC, the "
	        "authoritative time; the group meets on ",
	        gv_time_format(when, r->now, GV_TIME_HUMAN));
	doc_text(d, r->tz);
	doc_text(d, " time.");
	doc_para(d, 0);
}

static void
doc_write(struct gv_buf *b, const struct gv_report *r, int html)
{
	struct doc d = {b, html};

	doc_head(&d, r);
	doc_ballots(&d, r);
	doc_tallies(&d, r);
	doc_meetings(&d, r);
	if (html)
		gv__buf_puts(b, "</body>\n</html>\n");
}

void
gv__report_html(struct gv_buf *b, const struct gv_report *r)
{
	doc_write(b, r, 1);
}

void
gv__report_md(struct gv_buf *b, const struct gv_report *r)
{
	doc_write(b, r, 0);
}
