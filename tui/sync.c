/* SPDX-License-Identifier: MIT */
/*
 * This file implements syncing from the screen (issue 17, item 5): `S`
 * runs gavel sync with every remote, says so on the status line before
 * the wait, sums it up as the CLI does and reloads every view. Its notes
 * (what was refused, not applied, or not reached) are kept for the
 * conflicts view.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gavel/gavel.h"
#include "tui.h"

/* The last sync run from this screen. */
static struct {
	int done;   /* a sync ran */
	int failed; /* gv_sync failed, or some remote did */
	int64_t at; /* when, by the database's clock */
	char summary[300];
	struct gv_sync_report report;
} last;

static void addf(char *buf, size_t n, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* Appends to buf, which always stays terminated. */
static void
addf(char *buf, size_t n, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	if (len + 1 >= n)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + len, n - len, fmt, ap);
	va_end(ap);
}

/* "sent 1 operation, received 3 (2 applied, 1 in conflict)": the CLI's
 * line, with the counts that are zero left out but applied and
 * conflicts, which a member reads first. */
static void
summary(char *buf, size_t n, const struct gv_sync_report *r)
{
	buf[0] = '\0';
	addf(buf, n, "sent %zu operation%s, received %zu", r->ops_out,
	     r->ops_out == 1 ? "" : "s", r->ops_in);
	if (r->ops_local)
		addf(buf, n, ", read back %zu", r->ops_local);
	if (r->ops_in || r->ops_local) {
		addf(buf, n, " (%zu applied, %zu in conflict", r->applied,
		     r->conflicts);
		if (r->same)
			addf(buf, n, ", %zu same as one before", r->same);
		if (r->denied)
			addf(buf, n, ", %zu denied", r->denied);
		if (r->unknown)
			addf(buf, n, ", %zu of a newer gavel", r->unknown);
		addf(buf, n, ")");
	}
	if (r->held)
		addf(buf, n, "; %zu held: no user set", r->held);
	if (r->failed_remotes)
		addf(buf, n, "; %zu remote%s failed", r->failed_remotes,
		     r->failed_remotes == 1 ? "" : "s");
}

void
sync_run(void)
{
	const char *hint;
	int error;

	/* A remote across the network can take a while: say why the
	 * screen waits before it does. */
	report("syncing with every remote...");
	display_draw();
	gv_sync_report_dispose(&last.report);
	error = gv_sync(&last.report, display.db, NULL);
	last.done = 1;
	last.at = gv_db_now(display.db);
	last.failed =
	        error < 0 || last.report.failed_remotes || last.report.held;
	if (error < 0)
		snprintf(last.summary, sizeof(last.summary), "sync failed: %s",
		         gv_error_last()->message);
	else
		summary(last.summary, sizeof(last.summary), &last.report);
	/* What came in changes any view, and the dashboard's counts. */
	tui_reload();
	hint = last.report.nnotes ? "; C shows the notes" : "";
	if (last.failed)
		report_error("%s%s", last.summary, hint);
	else
		report("%s%s", last.summary, hint);
}

const struct gv_sync_report *
sync_last(const char **text, int64_t *at, int *failed)
{
	if (!last.done)
		return NULL;
	*text = last.summary;
	*at = last.at;
	*failed = last.failed;
	return &last.report;
}

void
sync_done(void)
{
	gv_sync_report_dispose(&last.report);
	memset(&last, 0, sizeof(last));
}
