/* SPDX-License-Identifier: MIT */
/*
 * This file implements `gavel ballot ...`: the lifecycle commands (each
 * with --at for the instant of the act), show, list, tally, lint and the
 * notices.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gavel/gavel.h"

/* Opens the store and reads --at (default: the clock). */
static int
ballot_open(struct cli *c, int64_t *at, const char *at_opt)
{
	int rc;

	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	return cli_time(at, at_opt, gv_db_now(c->db));
}

/* The purpose from --purpose TEXT or --purpose-file FILE (- for standard
 * input): *out is NULL, a copy of the text or the file's content. */
static int
purpose_read(char **out, const struct cli_cmd *cmd, const char *text,
             const char *file)
{
	*out = NULL;
	if (text && file)
		return cli_usage_error(cmd, "give --purpose or --purpose-file, "
		                            "not both");
	if (file && !(*out = cli_read_text(file)))
		return CLI_FAILED;
	if (text && !(*out = strdup(text))) {
		cli_eprintf("gavel: out of memory\n");
		return CLI_FAILED;
	}
	return CLI_OK;
}

static int
ballot_new(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *number_opt = NULL, *at_opt = NULL, *purpose_opt = NULL,
	           *purpose_file = NULL;
	struct gv_ballot_spec spec = {0};
	struct gv_body body;
	int64_t at, seq;
	char *pos[1], *end, shown[48], *purpose = NULL;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"title", &spec.title, NULL},
	        {"kind", &spec.kind, NULL},
	        {"proposer", &spec.proposer, NULL},
	        {"number", &number_opt, NULL},
	        {"purpose", &purpose_opt, NULL},
	        {"purpose-file", &purpose_file, NULL},
	        {"at", &at_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0)
		return rc;
	if (!spec.title || !spec.kind || !spec.proposer)
		return cli_usage_error(cmd,
		                       "--title, --kind and --proposer are "
		                       "required");
	if (number_opt &&
	    ((spec.number = strtoll(number_opt, &end, 10)) <= 0 || *end))
		return cli_usage_error(cmd, "--number takes a number");
	if ((rc = purpose_read(&purpose, cmd, purpose_opt, purpose_file)) !=
	            CLI_OK ||
	    (rc = ballot_open(c, &at, at_opt)) != CLI_OK)
		goto out;
	spec.body = pos[0];
	spec.purpose = purpose;
	if (gv_ballot_new(NULL, &seq, c->db, &spec, at) < 0 ||
	    gv_body_get(&body, c->db, pos[0]) < 0) {
		rc = cli_fail();
		goto out;
	}
	gv_ballot_format_number(shown, sizeof(shown), body.prefix,
	                        body.id_width, seq);
	gv_body_dispose(&body);
	printf("%s\n", shown);
out:
	free(purpose);
	return rc;
}

static int
ballot_set(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *purpose_opt = NULL, *purpose_file = NULL;
	struct gv_ballot_edit edit = {0};
	char *pos[1], *purpose = NULL;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"title", &edit.title, NULL},
	        {"purpose", &purpose_opt, NULL},
	        {"purpose-file", &purpose_file, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0)
		return rc;
	if (!edit.title && !purpose_opt && !purpose_file)
		return cli_usage_error(cmd, "give what to change: --title, "
		                            "--purpose or --purpose-file");
	if ((rc = purpose_read(&purpose, cmd, purpose_opt, purpose_file)) ==
	            CLI_OK &&
	    (rc = cli_open(c, 0)) == CLI_OK) {
		edit.purpose = purpose;
		if (gv_ballot_set(c->db, pos[0], &edit) < 0)
			rc = cli_fail();
	}
	free(purpose);
	return rc;
}

/* The steps whose only argument is the ballot: NUMBER [--at TIME]. */
static int
ballot_step(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv,
            int (*step)(struct gv_db *, const char *, int64_t))
{
	const char *at_opt = NULL;
	char *pos[1];
	int64_t at;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"at", &at_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = ballot_open(c, &at, at_opt)) != CLI_OK)
		return rc;
	return step(c->db, pos[0], at) < 0 ? cli_fail() : CLI_OK;
}

static int
ballot_open_vote(struct cli *c, const struct cli_cmd *cmd, int argc,
                 char **argv)
{
	return ballot_step(c, cmd, argc, argv, gv_ballot_open_vote);
}

static int
ballot_close(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	return ballot_step(c, cmd, argc, argv, gv_ballot_close);
}

static int
ballot_review(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	return ballot_step(c, cmd, argc, argv, gv_ballot_review);
}

static int
ballot_withdraw(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	return ballot_step(c, cmd, argc, argv, gv_ballot_withdraw);
}

static int
ballot_cancel(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	return ballot_step(c, cmd, argc, argv, gv_ballot_cancel);
}

static int
ballot_discuss(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *at_opt = NULL, *until_opt = NULL;
	int64_t at, until = -1;
	char *pos[1];
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"at", &at_opt, NULL},
	        {"until", &until_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = ballot_open(c, &at, at_opt)) != CLI_OK ||
	    (rc = cli_time(&until, until_opt, -1)) != CLI_OK)
		return rc;
	return gv_ballot_discuss(c->db, pos[0], at, until) < 0 ? cli_fail()
	                                                       : CLI_OK;
}

static int
ballot_endorse(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *at_opt = NULL;
	char *pos[2];
	int64_t at;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"at", &at_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 2, 2)) >= 0 ||
	    (rc = ballot_open(c, &at, at_opt)) != CLI_OK)
		return rc;
	return gv_ballot_endorse(c->db, pos[0], pos[1], at) < 0 ? cli_fail()
	                                                        : CLI_OK;
}

/*
 * After a version was recorded at `at`: its number on stdout, as every
 * command that makes something prints what names it (`redline --version
 * N`); with --force, on stderr, when voting can open.
 */
static int
version_recorded(struct cli *c, const char *ref, int64_t at, int forced)
{
	struct gv_ballot *b = NULL;
	char when[GV_TIME_BUFSZ];

	/* Read as of the version, which may be dated after the clock. */
	if (at > gv_db_now(c->db))
		gv_db_set_now(c->db, at);
	if (gv_ballot_get(&b, c->db, ref) < 0 || !b->nversions) {
		gv_ballot_free(b);
		return cli_fail();
	}
	printf("%d\n", b->versions[b->nversions - 1].n);
	if (forced && b->discussion_end >= 0)
		cli_eprintf(
		        "gavel: recorded version %d with the text of the "
		        "one before; the 7 days of discussion restart: "
		        "voting can open from %s\n",
		        b->versions[b->nversions - 1].n,
		        gv_time_format(when, b->discussion_end, GV_TIME_HUMAN));
	gv_ballot_free(b);
	return CLI_OK;
}

static int
ballot_version(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *at_opt = NULL, *file = NULL, *url = NULL, *repo = NULL,
	           *base = NULL, *head = NULL;
	char *pos[1], *text = NULL;
	int64_t at;
	int npos, rc, force = 0;
	unsigned flags;
	const struct cli_opt opts[] = {
	        {"text", &file, NULL},   {"url", &url, NULL},
	        {"repo", &repo, NULL},   {"base", &base, NULL},
	        {"head", &head, NULL},   {"at", &at_opt, NULL},
	        {"force", NULL, &force}, {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0)
		return rc;
	if (!base != !head || (repo && !base))
		return cli_usage_error(cmd, "--base and --head go together");
	if (!file && !url && !base)
		return cli_usage_error(cmd,
		                       "give the text (--text FILE), where "
		                       "it is (--url URL) or its range "
		                       "([--repo DIR] --base REV --head REV)");
	if (file && !(text = cli_read_text(file)))
		return CLI_FAILED;
	flags = force ? GV_VERSION_FORCE : 0;
	if ((rc = ballot_open(c, &at, at_opt)) == CLI_OK &&
	    (base ? gv_ballot_pin(c->db, pos[0], repo, base, head, url, flags,
	                          at)
	          : gv_ballot_version(c->db, pos[0], text, url, flags, at)) < 0)
		rc = cli_fail();
	else if (rc == CLI_OK)
		rc = version_recorded(c, pos[0], at, force);
	free(text);
	return rc;
}

static int
ballot_verify(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *merge = NULL;
	struct gv_verify v;
	char *pos[1];
	size_t i;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"merge", &merge, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_ballot_verify(&v, c->db, pos[0], merge) < 0) {
		gv_verify_dispose(&v);
		return cli_fail();
	}
	for (i = 0; i < v.n; i++)
		cli_printf("%-7s %s\n",
		           v.kind[i] == GV_VERIFY_OK     ? "ok"
		           : v.kind[i] == GV_VERIFY_NOTE ? "note"
		                                         : "PROBLEM",
		           v.lines[i]);
	if (v.problems)
		fprintf(stderr, "gavel: %d problem%s in %s\n", v.problems,
		        v.problems == 1 ? "" : "s", pos[0]);
	rc = v.problems ? CLI_FAILED : CLI_OK;
	gv_verify_dispose(&v);
	return rc;
}

static int
ballot_vote(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *at_opt = NULL, *source = NULL;
	enum gv_vote_value value;
	char *pos[3], *reason = NULL;
	int64_t at;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"at", &at_opt, NULL},
	        {"source", &source, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 3, 3)) >= 0)
		return rc;
	if (gv_vote_value_parse(&value, pos[2]) < 0)
		return cli_fail();
	if ((rc = ballot_open(c, &at, at_opt)) != CLI_OK)
		return rc;
	if (gv_ballot_vote(&reason, c->db, pos[0], pos[1], value, at, source) <
	    0)
		return cli_fail();
	/* Kept in the ledger either way; say when it does not count. */
	if (reason)
		cli_eprintf("gavel: recorded, but it does not count: %s\n",
		            reason);
	free(reason);
	return CLI_OK;
}

static int
ballot_exclusion(struct cli *c, const struct cli_cmd *cmd, int argc,
                 char **argv)
{
	const char *at_opt = NULL, *text = NULL;
	char *pos[2];
	int64_t at;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"at", &at_opt, NULL},
	        {"text", &text, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 2, 2)) >= 0 ||
	    (rc = ballot_open(c, &at, at_opt)) != CLI_OK)
		return rc;
	return gv_ballot_exclusion(c->db, pos[0], pos[1], at, text) < 0
	               ? cli_fail()
	               : CLI_OK;
}

static int
ballot_quorum(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *source = NULL;
	char *pos[2], *end;
	long q;
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"source", &source, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 2, 2)) >= 0)
		return rc;
	q = strtol(pos[1], &end, 10);
	if (*end || q < 0 || q > 10000)
		return cli_usage_error(cmd, "the quorum is a number");
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	return gv_ballot_set_quorum(c->db, pos[0], (int)q,
	                            source ? source : "the results notice") < 0
	               ? cli_fail()
	               : CLI_OK;
}

static const struct cli_cmd ballot_subs[] = {
        {"new", ballot_new,
         "gavel ballot new CODE --title T --kind fg|fmg|other --proposer ORG "
         "[--purpose TEXT|--purpose-file FILE] [--number N] [--at TIME]",
         "a new draft ballot; prints its number", NULL},
        {"set", ballot_set,
         "gavel ballot set NUMBER [--title T] [--purpose TEXT|--purpose-file "
         "FILE]",
         "change the title, or the purpose the proposal states (\"\" "
         "clears it)",
         NULL},
        {"endorse", ballot_endorse,
         "gavel ballot endorse NUMBER ORG "
         "[--at TIME]",
         "an endorsement (two other voting members)", NULL},
        {"version", ballot_version,
         "gavel ballot version NUMBER --text FILE|--url URL|[--repo DIR] "
         "--base REV --head REV [--at TIME] [--force]",
         "a new version of the text, or its range in git (restarts "
         "discussion; the same text again needs --force); prints its "
         "number",
         NULL},
        {"verify", ballot_verify, "gavel ballot verify NUMBER [--merge REV]",
         "check the pinned range: still there, the text voted on", NULL},
        {"discuss", ballot_discuss,
         "gavel ballot discuss NUMBER [--at TIME] [--until TIME]",
         "the proposal is posted: discussion opens", NULL},
        {"open-vote", ballot_open_vote,
         "gavel ballot open-vote NUMBER "
         "[--at TIME]",
         "voting opens, for 7 days", NULL},
        {"vote", ballot_vote,
         "gavel ballot vote NUMBER ORG yes|no|abstain [--at TIME] "
         "[--source TEXT]",
         "record a vote (kept, with the reason, even when it does not "
         "count)",
         NULL},
        {"votes-from", cmd_ballot_votes_from,
         "gavel ballot votes-from NUMBER FILE|DIR... [--dry-run]",
         "votes read from the list's archive (mbox, maildir, Mailman "
         "archives, .eml); --dry-run: only say what would be recorded",
         NULL},
        {"close", ballot_close, "gavel ballot close NUMBER [--at TIME]",
         "the results are announced: the tally is fixed", NULL},
        {"review", ballot_review, "gavel ballot review NUMBER [--at TIME]",
         "the IPR Review Notice is sent: review opens", NULL},
        {"exclusion", ballot_exclusion,
         "gavel ballot exclusion NUMBER ORG --at TIME [--text TEXT]",
         "an Exclusion Notice during review", NULL},
        {"withdraw", ballot_withdraw,
         "gavel ballot withdraw NUMBER "
         "[--at TIME]",
         "withdrawn during voting", NULL},
        {"cancel", ballot_cancel, "gavel ballot cancel NUMBER [--at TIME]",
         "cancelled before voting", NULL},
        {"quorum", ballot_quorum,
         "gavel ballot quorum NUMBER Q [--source TEXT]",
         "the quorum a results notice published (0: use attendance)", NULL},
        {"show", cmd_ballot_show,
         "gavel ballot show NUMBER "
         "[--format text|json]",
         "one ballot: versions, every clock, votes, tally", NULL},
        {"list", cmd_ballot_list,
         "gavel ballot list [--body CODE] [--state STATE[,STATE]] "
         "[--format text|json]",
         "ballots with their state and next deadline (--state voting,"
         "discussion: only those)",
         NULL},
        {"tally", cmd_ballot_tally,
         "gavel ballot tally NUMBER "
         "[--format text|json]",
         "the tally: each class's test and the quorum", NULL},
        {"lint", cmd_ballot_lint, "gavel ballot lint NUMBER",
         "check the ballot against RULES §8", NULL},
        {"notice", cmd_ballot_notice,
         "gavel ballot notice NUMBER proposal|voting|results|review|adopted "
         "[--format md|html|eml] [--send [--again]] [--to ADDR]",
         "the notice to send, from its template (eml: as a message to the "
         "body's list; --send: through $GAVEL_SENDMAIL, else sendmail -t, "
         "its Message-ID recorded)",
         NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

const struct cli_cmd cmd_ballot = {
        "ballot",
        cli_dispatch,
        "gavel ballot new|set|endorse|version|...",
        "ballots: lifecycle, votes, tally, notices",
        ballot_subs,
};
