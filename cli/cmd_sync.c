/* SPDX-License-Identifier: MIT */
/*
 * This file implements working as a group: `gavel config` (who this copy
 * records as, the key it signs with, its clone of each guideline), `gavel
 * remote` (where the group's log is shared) and `gavel sync` (share it, and see
 * what it left to settle).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gavel/gavel.h"

/* `gavel config user [PERSON]`, `gavel config signing-key [FILE]`. */
static int
config_setting(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv,
               const char *key)
{
	char *pos[1], *value = NULL;
	int npos, rc, unset = 0;
	const struct cli_opt opts[] = {
	        {"unset", NULL, &unset},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 1)) >= 0 ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (npos || unset) {
		if (!strcmp(key, "user") && unset)
			return cli_usage_error(cmd, "a copy's user can be "
			                            "changed, not unset");
		if ((!strcmp(key, "user")
		             ? gv_config_user(c->db, pos[0])
		             : gv_config_signing_key(
		                       c->db, unset ? NULL : pos[0])) < 0)
			return cli_fail();
		return CLI_OK;
	}
	if (gv_config_get(&value, c->db, key) < 0)
		return cli_fail();
	if (value)
		cli_printf("%s\n", value);
	else if (!strcmp(key, "user"))
		cli_printf("not set: operations are recorded as %s\n",
		           gv_db_actor(c->db));
	else
		cli_printf("not set\n");
	free(value);
	return CLI_OK;
}

static int
config_user(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	return config_setting(c, cmd, argc, argv, "user");
}

static int
config_signing_key(struct cli *c, const struct cli_cmd *cmd, int argc,
                   char **argv)
{
	return config_setting(c, cmd, argc, argv, "signing-key");
}

/* `gavel config repo CODE [DIR] [--unset]`. */
static int
config_repo(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	char *pos[2], *value = NULL;
	int npos, rc, unset = 0;
	const struct cli_opt opts[] = {
	        {"unset", NULL, &unset},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 2)) >= 0)
		return rc;
	if (unset && npos == 2)
		return cli_usage_error(cmd,
		                       "give a folder or --unset, not both");
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (npos == 2 || unset)
		return gv_config_repo(c->db, pos[0], unset ? NULL : pos[1]) < 0
		               ? cli_fail()
		               : CLI_OK;
	if (gv_config_repo_get(&value, c->db, pos[0]) < 0)
		return cli_fail();
	if (value)
		cli_printf("%s\n", value);
	else
		cli_printf("not set: pinned versions are read where they "
		           "were pinned\n");
	free(value);
	return CLI_OK;
}

static int
remote_add(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	char *pos[2];
	int npos, rc;
	const struct cli_opt opts[] = {{NULL, NULL, NULL}};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 2, 2)) >= 0 ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_remote_add(c->db, pos[0], pos[1]) < 0)
		return cli_fail();
	/* What names it from now on, as body add and org add print. */
	cli_printf("%s\n", pos[0]);
	return CLI_OK;
}

static int
remote_remove(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	char *pos[1];
	int npos, rc;
	const struct cli_opt opts[] = {{NULL, NULL, NULL}};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 1, 1)) >= 0 ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_remote_remove(c->db, pos[0]) < 0)
		return cli_fail();
	return CLI_OK;
}

/* The remotes, and what each sync with them did. */
static int
remotes_print(struct cli *c, const char *format_opt, const struct cli_cmd *cmd,
              const char *name)
{
	static const char *const heads[] = {"REMOTE", "URL", "LAST SYNC",
	                                    "IN",     "OUT", "CONFLICTS",
	                                    "PROBLEM"};
	struct gv_sync_state state;
	struct gv_remote *r = NULL;
	enum cli_format format;
	struct table *t;
	size_t n = 0, i;
	int rc;

	if ((rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_remote_list(&r, &n, c->db, name) < 0 ||
	    gv_sync_state(&state, c->db) < 0) {
		gv_remote_list_free(r, n);
		return cli_fail();
	}
	if (format == CLI_JSON) {
		char *json = NULL;
		int error = gv_view_sync_json(&json, &state, r, n);

		gv_remote_list_free(r, n);
		return cli_print_json(error, json);
	}
	t = table_new(7, heads);
	for (i = 0; i < n; i++) {
		char when[GV_TIME_BUFSZ], in[24], out[24], conflicts[24];
		const char *row[7] = {r[i].name,
		                      r[i].url,
		                      when,
		                      in,
		                      out,
		                      conflicts,
		                      r[i].error ? r[i].error : ""};

		if (r[i].synced_at < 0)
			snprintf(when, sizeof(when), "never");
		else
			gv_time_format(when, r[i].synced_at, GV_TIME_HUMAN);
		snprintf(in, sizeof(in), "%lld", (long long)r[i].ops_in);
		snprintf(out, sizeof(out), "%lld", (long long)r[i].ops_out);
		snprintf(conflicts, sizeof(conflicts), "%lld",
		         (long long)r[i].conflicts);
		table_add(t, row);
	}
	if (n)
		table_print(t, stdout);
	else
		cli_printf("no remotes: add one with 'gavel remote add NAME "
		           "URL'\n");
	table_free(t);
	cli_printf("%zu operation%s not sent yet", state.unsent,
	           state.unsent == 1 ? "" : "s");
	if (state.held)
		cli_printf(" (%zu kept here until you choose who you are: "
		           "'gavel config user PERSON')",
		           state.held);
	cli_printf(", %zu not applied%s\n", state.conflicts,
	           state.conflicts ? " (see 'gavel sync --conflicts')" : "");
	gv_remote_list_free(r, n);
	return CLI_OK;
}

static int
remote_list(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	const char *format_opt = NULL;
	char *pos[1];
	int npos, rc;
	const struct cli_opt opts[] = {
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 0)) >= 0)
		return rc;
	return remotes_print(c, format_opt, cmd, NULL);
}

static int
conflicts_print(struct cli *c, const struct cli_cmd *cmd,
                const char *format_opt)
{
	struct gv_conflict *list = NULL;
	enum cli_format format;
	size_t n = 0, i;
	int rc;

	if ((rc = cli_format(&format, cmd, format_opt)) != CLI_OK ||
	    (rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	if (gv_conflicts(&list, &n, c->db) < 0)
		return cli_fail();
	if (format == CLI_JSON) {
		char *json = NULL;
		int error = gv_view_conflicts_json(&json, list, n);

		gv_conflicts_free(list, n);
		return cli_print_json(error, json);
	}
	if (!n)
		cli_printf("no conflicts: every operation in the log is "
		           "applied\n");
	for (i = 0; i < n; i++) {
		char when[GV_TIME_BUFSZ];

		cli_printf("%.10s %s %s by %s in %s at %s (from %s)\n    %s\n",
		           list[i].id, list[i].status, list[i].kind,
		           list[i].actor, list[i].part,
		           gv_time_format(when, list[i].at, GV_TIME_HUMAN),
		           list[i].source,
		           list[i].reason ? list[i].reason : "");
	}
	if (n)
		cli_printf("Each is kept in the log. Settle one with a new "
		           "change (a vote, a step) if it is still wanted.\n");
	gv_conflicts_free(list, n);
	return CLI_OK;
}

static void
report_print(const struct gv_sync_report *r)
{
	size_t i;

	cli_printf("sent %zu operation%s, received %zu", r->ops_out,
	           r->ops_out == 1 ? "" : "s", r->ops_in);
	if (r->ops_local)
		cli_printf(", read back %zu from this copy's chains",
		           r->ops_local);
	if (r->ops_in || r->ops_local)
		cli_printf(" (%zu applied, %zu same as one before, %zu in "
		           "conflict, %zu denied, %zu of a newer gavel)",
		           r->applied, r->same, r->conflicts, r->denied,
		           r->unknown);
	cli_printf("\n");
	if (r->replayed)
		cli_printf("some came from before what was here: the log "
		           "was applied again, in its order\n");
	for (i = 0; i < r->nnotes; i++)
		cli_printf("  %s\n", r->notes[i]);
}

static int
sync_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv)
{
	struct gv_sync_report r;
	const char *format_opt = NULL;
	char *pos[1];
	size_t failed, held;
	int npos, rc, status = 0, conflicts = 0, error;
	const struct cli_opt opts[] = {
	        {"status", NULL, &status},
	        {"conflicts", NULL, &conflicts},
	        {"format", &format_opt, NULL},
	        {NULL, NULL, NULL},
	};

	if ((rc = cli_parse(cmd, argc, argv, opts, pos, &npos, 0, 1)) >= 0)
		return rc;
	if (status && conflicts)
		return cli_usage_error(cmd, "give --status or --conflicts, "
		                            "not both");
	if (status)
		return remotes_print(c, format_opt, cmd, npos ? pos[0] : NULL);
	if (conflicts)
		return conflicts_print(c, cmd, format_opt);
	if (format_opt)
		return cli_usage_error(cmd, "--format is for --status and "
		                            "--conflicts");
	if ((rc = cli_open(c, 0)) != CLI_OK)
		return rc;
	error = gv_sync(&r, c->db, npos ? pos[0] : NULL);
	if (error < 0 && !r.nnotes) {
		gv_sync_report_dispose(&r);
		return cli_fail();
	}
	report_print(&r);
	failed = r.failed_remotes;
	held = r.held;
	gv_sync_report_dispose(&r);
	if (error < 0)
		return cli_fail();
	if (held) {
		cli_eprintf("gavel: %zu operation%s of this copy not sent "
		            "(see above): choose who you are with 'gavel "
		            "config user PERSON', then sync again\n",
		            held, held == 1 ? "" : "s");
		rc = CLI_FAILED;
	}
	if (failed) {
		/* What the others brought is kept; the exit status still
		 * tells a script that a remote was missed, as git fetch --all
		 * does. */
		cli_eprintf("gavel: %zu remote%s could not be synced (the "
		            "reason is above; the others were): sync again "
		            "once %s reached\n",
		            failed, failed == 1 ? "" : "s",
		            failed == 1 ? "it can be" : "they can be");
		rc = CLI_FAILED;
	}
	return rc;
}

static const struct cli_cmd config_subs[] = {
        {"user", config_user, "gavel config user [PERSON]",
         "who this copy records as: a person of the roster (without PERSON: "
         "show it)",
         NULL},
        {"signing-key", config_signing_key,
         "gavel config signing-key [FILE] [--unset]",
         "the SSH key sync signs this copy's operations with (default: "
         "git's user.signingkey when gpg.format is ssh)",
         NULL},
        {"repo", config_repo, "gavel config repo CODE [DIR] [--unset]",
         "this copy's clone of the body's guideline, which pinned versions "
         "are read from (without DIR: show it)",
         NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

const struct cli_cmd cmd_config = {
        "config",
        cli_dispatch,
        "gavel config user|signing-key|repo ...",
        "this copy's own settings: who it records as, its signing key, "
        "its clones of the guidelines",
        config_subs,
};

static const struct cli_cmd remote_subs[] = {
        {"add", remote_add, "gavel remote add NAME URL",
         "share the log through a git repository: a path (a USB stick), "
         "file://, ssh://, user@host:path or https://",
         NULL},
        {"list", remote_list, "gavel remote list [--format text|json]",
         "the remotes and what each sync with them did", NULL},
        {"remove", remote_remove, "gavel remote remove REMOTE",
         "stop syncing with a remote (nothing in the log changes)", NULL},
        {NULL, NULL, NULL, NULL, NULL},
};

const struct cli_cmd cmd_remote = {
        "remote",
        cli_dispatch,
        "gavel remote add|list|remove ...",
        "the git repositories the group's log is shared through",
        remote_subs,
};

const struct cli_cmd cmd_sync = {
        "sync",
        sync_run,
        "gavel sync [REMOTE] [--status|--conflicts] [--format text|json]",
        "send this copy's changes and receive everyone's, with one remote "
        "or all (--status: last sync, operations in and out; --conflicts: "
        "operations kept but not applied, and why)",
        NULL,
};
