/* SPDX-License-Identifier: MIT */
/*
 * This file implements the year report's two drawings, inline SVG on one
 * time axis (the year in UTC, a column per month): the ballots as bars of
 * their discussion, voting and IPR review, with their results and ends
 * marked, and the meetings with the voting members present and the
 * quorum baseline in force after each. They scale with the page (a
 * viewBox, no fixed size), and every mark carries its figures as a
 * <title>, which a browser shows on hover and a screen reader reads.
 */
#include <stdio.h>
#include <string.h>

#include "gavel/time.h"
#include "mustache.h"
#include "report_write.h"

#define SVG_W    800
#define X0       64.0  /* the axis: the labels' column before it */
#define X1       788.0 /* December 31 ends here */
#define ROW      20    /* a ballot's row */
#define TOP      26    /* the month names above the rows */
#define BAR      12    /* a bar's height */
#define PLOT_TOP 14
#define PLOT_BOT 172 /* the plot's zero */
#define PLOT_H   194
#define DAY      86400

static void
svg_text(struct gv_buf *b, const char *s)
{
	gv__escape_text(b, s, GV_ESCAPE_HTML);
}

/* The x of an instant, kept inside the year. */
static double
svg_x(const struct gv_report *r, int64_t t)
{
	t = t < r->from ? r->from : t > r->to ? r->to : t;
	return X0 +
	       (X1 - X0) * (double)(t - r->from) / (double)(r->to - r->from);
}

static void
svg_open(struct gv_buf *b, const struct gv_report *r, int height,
         const char *id, const char *what)
{
	gv__buf_printf(b,
	               "<svg class=\"chart\" id=\"%s\" viewBox=\"0 0 %d %d\" "
	               "role=\"img\" aria-labelledby=\"%s-title\" "
	               "xmlns=\"http://www.w3.org/2000/svg\">\n"
	               "<title id=\"%s-title\">",
	               id, SVG_W, height, id, id);
	svg_text(b, r->body);
	gv__buf_printf(b, " %s in %d</title>\n", what, r->year);
}

/* A month's line and name, the year's end, and the report's date when it
 * falls in the year. */
static void
svg_months(struct gv_buf *b, const struct gv_report *r, double top,
           double bottom, double label_y)
{
	static const char *const names[] = {"Jan", "Feb", "Mar", "Apr",
	                                    "May", "Jun", "Jul", "Aug",
	                                    "Sep", "Oct", "Nov", "Dec"};
	char when[GV_TIME_BUFSZ];
	double x;
	unsigned m;

	for (m = 0; m < 12; m++) {
		x = svg_x(r, gv_days_from_civil(r->year, m + 1, 1) * DAY);
		gv__buf_printf(b,
		               "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" "
		               "x2=\"%.1f\" y2=\"%.1f\"/>\n"
		               "<text class=\"month\" x=\"%.1f\" y=\"%.1f\">"
		               "%s</text>\n",
		               x, top, x, bottom, x + 3, label_y, names[m]);
	}
	gv__buf_printf(b,
	               "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" "
	               "x2=\"%.1f\" y2=\"%.1f\"/>\n",
	               X1, top, X1, bottom);
	if (r->now >= r->from && r->now < r->to) {
		x = svg_x(r, r->now);
		gv__buf_printf(b,
		               "<line class=\"now\" x1=\"%.1f\" y1=\"%.1f\" "
		               "x2=\"%.1f\" y2=\"%.1f\"><title>as of %s</title>"
		               "</line>\n",
		               x, top, x, bottom,
		               gv_time_format(when, r->now, GV_TIME_HUMAN));
	}
}

/* "SMC010 voting: 2024-11-14 14:00 UTC to 2024-11-21 14:00 UTC" */
static void
svg_period_title(struct gv_buf *b, const struct gv_report_ballot *rb,
                 const struct gv_report_period *p, const char *ahead)
{
	char from[GV_TIME_BUFSZ], to[GV_TIME_BUFSZ];

	gv__buf_puts(b, "<title>");
	svg_text(b, rb->ballot->number);
	gv__buf_printf(b, " %s: %s to %s%s</title>",
	               gv_report_phase_name(p->phase),
	               gv_time_format(from, p->start, GV_TIME_HUMAN),
	               gv_time_format(to, p->end, GV_TIME_HUMAN), ahead);
}

static void
svg_bar(struct gv_buf *b, double x, double end, double y, const char *klass)
{
	/* A period of hours still shows. */
	if (end - x < 2)
		end = x + 2;
	gv__buf_printf(b,
	               "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" "
	               "width=\"%.1f\" height=\"%d\">",
	               klass, x, y, end - x, BAR);
}

/* A period: what has run solid, what is still ahead (by its clock) pale
 * and dashed. */
static void
svg_period(struct gv_buf *b, const struct gv_report *r,
           const struct gv_report_ballot *rb, const struct gv_report_period *p,
           double y)
{
	static const char *const classes[] = {"discussion", "voting", "review"};
	int64_t split = p->end < r->now     ? p->end
	                : p->start > r->now ? p->start
	                                    : r->now;
	char klass[32];

	if (p->end < r->from || p->start >= r->to)
		return;
	if (p->start <= r->now) {
		svg_bar(b, svg_x(r, p->start), svg_x(r, split), y,
		        classes[p->phase]);
		svg_period_title(b, rb, p, "");
		gv__buf_puts(b, "</rect>\n");
	}
	if (p->end > r->now) {
		snprintf(klass, sizeof(klass), "%s ahead", classes[p->phase]);
		svg_bar(b, svg_x(r, split), svg_x(r, p->end), y, klass);
		svg_period_title(b, rb, p, " (ahead, by its clock)");
		gv__buf_puts(b, "</rect>\n");
	}
}

/* The results (a diamond) and the end of the ballot's course (a dot when
 * adopted or rescinded, a cross when withdrawn, cancelled or expired). */
static void
svg_marks(struct gv_buf *b, const struct gv_report *r,
          const struct gv_report_ballot *rb, double y)
{
	const struct gv_ballot *ballot = rb->ballot;
	char when[GV_TIME_BUFSZ];
	enum gv_ballot_state s = ballot->state;
	double x, mid = y + BAR / 2.0;

	if (rb->results_at >= r->from && rb->results_at < r->to) {
		x = svg_x(r, rb->results_at);
		gv__buf_printf(b,
		               "<path class=\"result %s\" d=\"M%.1f %.1fl6 "
		               "6-6 6-6-6z\"><title>",
		               ballot->result &&
		                               !strcmp(ballot->result, "passed")
		                       ? "passed"
		                       : "failed",
		               x, mid - 6);
		svg_text(b, ballot->number);
		gv__buf_printf(
		        b, " results, %s: ",
		        gv_time_format(when, rb->results_at, GV_TIME_HUMAN));
		svg_text(b, ballot->result ? ballot->result : "announced");
		gv__buf_puts(b, "</title></path>\n");
	}
	if (rb->ended_at < r->from || rb->ended_at >= r->to)
		return;
	x = svg_x(r, rb->ended_at);
	if (s == GV_BALLOT_ADOPTED || s == GV_BALLOT_RESCINDED)
		gv__buf_printf(b,
		               "<circle class=\"end %s\" cx=\"%.1f\" "
		               "cy=\"%.1f\" r=\"5\"><title>",
		               s == GV_BALLOT_ADOPTED ? "adopted" : "rescinded",
		               x, mid);
	else
		gv__buf_printf(b,
		               "<path class=\"end stopped\" d=\"M%.1f %.1fl8 "
		               "8m0-8-8 8\"><title>",
		               x - 4, mid - 4);
	svg_text(b, ballot->number);
	gv__buf_printf(b, " %s, %s</title></%s>\n", gv_report_state_text(s),
	               gv_time_format(when, rb->ended_at, GV_TIME_HUMAN),
	               s == GV_BALLOT_ADOPTED || s == GV_BALLOT_RESCINDED
	                       ? "circle"
	                       : "path");
}

void
gv__report_svg_timeline(struct gv_buf *b, const struct gv_report *r)
{
	int height = TOP + ROW * (int)r->nballots + 6;
	const struct gv_report_ballot *rb;
	double y;
	size_t i, k;

	svg_open(b, r, height, "timeline", "ballots");
	svg_months(b, r, TOP - 8, height - 2, 14);
	for (i = 0; i < r->nballots; i++) {
		rb = &r->ballots[i];
		y = TOP + ROW * (double)i + (ROW - BAR) / 2.0;
		gv__buf_printf(b, "<text class=\"label\" x=\"4\" y=\"%.1f\">",
		               y + BAR - 2);
		svg_text(b, rb->ballot->number);
		gv__buf_puts(b, "<title>");
		svg_text(b, rb->ballot->title);
		gv__buf_puts(b, "</title></text>\n");
		for (k = 0; k < rb->nperiods; k++)
			svg_period(b, r, rb, &rb->periods[k], y);
		svg_marks(b, r, rb, y);
	}
	gv__buf_puts(b, "</svg>\n");
}

/* The plot's scale: its top value and the step of its lines, 5, 10 or
 * 20 voting members. */
static int
plot_scale(const struct gv_report *r, int *step)
{
	double top = 1;
	size_t i;
	int max;

	if (r->has_start_baseline)
		top = r->start_baseline.average;
	for (i = 0; i < r->nmeetings; i++) {
		if (r->meetings[i].meeting->voting_orgs > top)
			top = r->meetings[i].meeting->voting_orgs;
		if (r->meetings[i].has_baseline &&
		    r->meetings[i].baseline.average > top)
			top = r->meetings[i].baseline.average;
	}
	*step = top <= 30 ? 5 : top <= 60 ? 10 : 20;
	max = ((int)top + *step - 1) / *step * *step;
	return max < *step ? *step : max;
}

static double
plot_y(double v, int max)
{
	return PLOT_BOT - (PLOT_BOT - PLOT_TOP) * v / max;
}

/* "Meeting 2, 2024-12-18 16:00 UTC" */
static void
plot_meeting_title(struct gv_buf *b, const struct gv_meeting *m)
{
	char when[GV_TIME_BUFSZ];

	gv__buf_printf(b, "<title>Meeting %lld, %s: ", (long long)m->id,
	               gv_time_format(when, m->starts_at, GV_TIME_HUMAN));
}

/* A held meeting's bar (voting members present); a mark for one
 * cancelled (x), without a roll call (?) or still ahead (o). */
static void
plot_meeting(struct gv_buf *b, const struct gv_report *r,
             const struct gv_meeting *m, int max)
{
	double x = svg_x(r, m->starts_at), y;

	if (!strcmp(m->status, "held")) {
		y = plot_y(m->voting_orgs, max);
		gv__buf_printf(b,
		               "<rect class=\"present\" x=\"%.1f\" y=\"%.1f\" "
		               "width=\"8\" height=\"%.1f\">",
		               x - 4, y, PLOT_BOT - y);
		plot_meeting_title(b, m);
		gv__buf_printf(b,
		               "%d voting members present (%d people)</title>"
		               "</rect>\n<text class=\"value\" x=\"%.1f\" "
		               "y=\"%.1f\">%d</text>\n",
		               m->voting_orgs, m->attendees, x, y - 3,
		               m->voting_orgs);
		return;
	}
	gv__buf_printf(b, "<text class=\"mark %s\" x=\"%.1f\" y=\"%d\">%s",
	               !strcmp(m->status, "cancelled")   ? "cancelled"
	               : !strcmp(m->status, "scheduled") ? "scheduled"
	                                                 : "missing",
	               x, PLOT_BOT - 3,
	               !strcmp(m->status, "cancelled")   ? "\xC3\x97"
	               : !strcmp(m->status, "scheduled") ? "\xE2\x97\x8B"
	                                                 : "?");
	plot_meeting_title(b, m);
	svg_text(b, m->status);
	gv__buf_puts(b, "</title></text>\n");
}

/* The baseline (quorum set: the quorum) as a step line: the value in
 * force on January 1, then after each meeting, to the report's date or
 * the year's end. */
static void
plot_steps(struct gv_buf *b, const struct gv_report *r, int max, int quorum)
{
	const struct gv_report_meeting *rm;
	int64_t end = r->now < r->to ? r->now : r->to;
	double y = 0, v;
	int have = r->has_start_baseline;
	size_t i;

	gv__buf_printf(b, "<polyline class=\"%s\" points=\"",
	               quorum ? "quorum" : "baseline");
	if (have) {
		v = quorum ? r->start_baseline.quorum
		           : r->start_baseline.average;
		y = plot_y(v, max);
		gv__buf_printf(b, "%.1f,%.1f", X0, y);
	}
	for (i = 0; i < r->nmeetings; i++) {
		rm = &r->meetings[i];
		if (!rm->has_baseline)
			continue;
		v = quorum ? rm->baseline.quorum : rm->baseline.average;
		if (have)
			gv__buf_printf(b, " %.1f,%.1f",
			               svg_x(r, rm->meeting->starts_at), y);
		y = plot_y(v, max);
		gv__buf_printf(b, "%s%.1f,%.1f", have ? " " : "",
		               svg_x(r, rm->meeting->starts_at), y);
		have = 1;
	}
	if (have)
		gv__buf_printf(b, " %.1f,%.1f", svg_x(r, end), y);
	gv__buf_printf(b, "\"><title>%s</title></polyline>\n",
	               quorum ? "Quorum: floor(A / 2) + 1"
	                      : "Baseline A: the average of voting members "
	                        "present at the previous three held meetings");
}

void
gv__report_svg_attendance(struct gv_buf *b, const struct gv_report *r)
{
	int step, max = plot_scale(r, &step), v;
	size_t i;

	svg_open(b, r, PLOT_H, "attendance", "attendance and quorum");
	for (v = 0; v <= max; v += step)
		gv__buf_printf(
		        b,
		        "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" "
		        "x2=\"%.1f\" y2=\"%.1f\"/>\n<text class=\"axis\" "
		        "x=\"%.1f\" y=\"%.1f\">%d</text>\n",
		        X0, plot_y(v, max), X1, plot_y(v, max), X0 - 6,
		        plot_y(v, max) + 4, v);
	svg_months(b, r, PLOT_TOP, PLOT_BOT, PLOT_H - 6);
	for (i = 0; i < r->nmeetings; i++)
		plot_meeting(b, r, r->meetings[i].meeting, max);
	plot_steps(b, r, max, 0);
	plot_steps(b, r, max, 1);
	gv__buf_puts(b, "</svg>\n");
}
