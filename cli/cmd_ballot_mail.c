/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel ballot votes-from`: a ballot's votes read
 * from the list's archive, what was recorded and, for the chair, the
 * messages that look like votes and could not be matched.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "gavel/gavel.h"
#include "gavel/vote_mail.h"

static void
votes_when(char buf[GV_TIME_BUFSZ], int64_t t)
{
	if (t < 0)
		snprintf(buf, GV_TIME_BUFSZ, "(no date)");
	else
		gv_time_format(buf, t, GV_TIME_HUMAN);
}

/* The votes of one state: "  2025-03-04 10:12 UTC  yes  Sectigo
 * (Martijn Katerbarg)  <id>", and why one does not count. */
static void
votes_print(const struct gv_mail_votes *v, enum gv_mail_vote_state state)
{
	char when[GV_TIME_BUFSZ];

	for (size_t i = 0; i < v->n; i++) {
		const struct gv_mail_vote *x = &v->v[i];

		if (x->state != state)
			continue;
		votes_when(when, x->date);
		cli_printf("  %s  %-7s  %s (%s)  %s\n", when,
		           gv_vote_value_name(x->value), x->org, x->person,
		           x->message_id);
		if (x->reason)
			cli_printf("      does not count: %s\n", x->reason);
	}
}

/* A message for the chair: its date and subject, who sent it, why. */
static void
votes_unmatched(const struct gv_mail_votes *v)
{
	char when[GV_TIME_BUFSZ];

	for (size_t i = 0; i < v->n; i++) {
		const struct gv_mail_vote *x = &v->v[i];

		if (x->state != GV_MAIL_VOTE_UNMATCHED)
			continue;
		votes_when(when, x->date);
		cli_printf("  %s  %s\n", when,
		           x->subject ? x->subject : "(no subject)");
		cli_printf("      From: %s  %s\n",
		           x->from ? x->from : "(no sender)",
		           x->message_id ? x->message_id : "(no Message-ID)");
		cli_printf("      %s\n", x->reason);
	}
}

int
cmd_ballot_votes_from(struct cli *c, const struct cli_cmd *cmd, int argc,
                      char **argv)
{
	struct gv_mail_votes *v = NULL;
	size_t counts[3] = {0, 0, 0};
	char *pos[257];
	int npos, rc, dry = 0;
	const struct cli_opt opts[] = {
	        {"dry-run", NULL, &dry},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 2, 257)) >= 0 ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_ballot_votes_from(&v, c->db, pos[0],
	                         (const char *const *)pos + 1, (size_t)npos - 1,
	                         dry ? GV_MAIL_DRY_RUN : 0) < 0)
		return cli_fail();
	for (size_t i = 0; i < v->n; i++)
		counts[v->v[i].state]++;
	if (counts[GV_MAIL_VOTE_RECORDED]) {
		printf("%s (%zu):\n", dry ? "Would record" : "Recorded",
		       counts[GV_MAIL_VOTE_RECORDED]);
		votes_print(v, GV_MAIL_VOTE_RECORDED);
	}
	if (counts[GV_MAIL_VOTE_KNOWN]) {
		printf("Recorded before (%zu):\n", counts[GV_MAIL_VOTE_KNOWN]);
		votes_print(v, GV_MAIL_VOTE_KNOWN);
	}
	if (counts[GV_MAIL_VOTE_UNMATCHED]) {
		printf("For the chair (%zu): they look like votes; nothing of "
		       "them was recorded\n",
		       counts[GV_MAIL_VOTE_UNMATCHED]);
		votes_unmatched(v);
	}
	cli_printf("%s: %zu message%s read, %zu in its thread (notices, "
	           "results, reminders: %zu); %zu vote%s %s, %zu recorded "
	           "before, %zu for the chair\n",
	           v->ballot, v->messages, v->messages == 1 ? "" : "s",
	           v->in_thread, v->notices, counts[0],
	           counts[0] == 1 ? "" : "s",
	           dry ? "to record (--dry-run: none recorded)" : "recorded",
	           counts[1], counts[2]);
	gv_mail_votes_free(v);
	return CLI_OK;
}
