/* SPDX-License-Identifier: MIT */
/*
 * This file implements the sync tests' fixtures (tests/sync_fixture.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain_fixture.h"
#include "sync_fixture.h"

const char *sf_now = "2025-01-20 12:00";

static struct t_run *
run_v(const char *db, va_list ap)
{
	static char dbvar[4200], clock[64];
	const char *env[3] = {dbvar, clock, NULL};

	snprintf(dbvar, sizeof(dbvar), "GAVEL_DB=%s", t_path(db));
	snprintf(clock, sizeof(clock), "GAVEL_NOW=%s", sf_now);
	return t_gavel_v(env, ap);
}

struct t_run *
sf_run(const char *db, ...)
{
	struct t_run *r;
	va_list ap;

	va_start(ap, db);
	r = run_v(db, ap);
	va_end(ap);
	return r;
}

int
sf_ok(const char *db, ...)
{
	struct t_run *r;
	va_list ap;

	va_start(ap, db);
	r = run_v(db, ap);
	va_end(ap);
	if (r->status == 0)
		return 0;
	t_fail(__FILE__, __LINE__, "gavel on %s exited %d: %s", db, r->status,
	       r->err);
	return -1;
}

int
sf_bare(const char *name)
{
	if (cf_sh("git init -q --bare '%s'", t_path(name)) == 0)
		return 0;
	t_fail(__FILE__, __LINE__, "git init --bare %s failed", name);
	return -1;
}

int
sf_copy(const char *db, const char *remote)
{
	if (sf_ok(db, "init", NULL) < 0 ||
	    sf_ok(db, "remote", "add", "origin", t_path(remote), NULL) < 0)
		return -1;
	return 0;
}

int
sf_join(const char *db, const char *remote, const char *user)
{
	if (sf_copy(db, remote) < 0 || sf_ok(db, "sync", NULL) < 0 ||
	    sf_ok(db, "config", "user", user, NULL) < 0)
		return -1;
	return 0;
}

const char *
sf_digest(const char *db)
{
	struct t_run *r = sf_run(db, "digest", NULL);
	char *nl;

	if (r->status != 0)
		return "";
	if ((nl = strchr(r->out, '\n')))
		*nl = '\0';
	return r->out;
}

long
sf_ops(const char *db, const char *status)
{
	char cmd[4400], *out;

	if (status)
		snprintf(cmd, sizeof(cmd),
		         "sqlite3 '%s' \"SELECT count(*) FROM op WHERE status "
		         "= '%s'\"",
		         t_path(db), status);
	else
		snprintf(cmd, sizeof(cmd),
		         "sqlite3 '%s' 'SELECT count(*) FROM op'", t_path(db));
	out = t_shell_output(cmd);
	return out ? strtol(out, NULL, 10) : -1;
}

int
sf_forge(const char *repo, const char *ref, const char *ops, const char *key)
{
	const char *file = t_write_file("forged-ops", ops);
	const char *dir = t_path(repo);
	char sign[4200] = "";

	if (key)
		snprintf(sign, sizeof(sign),
		         "-c gpg.format=ssh -c user.signingkey='%s' ", key);
	if (file &&
	    cf_sh("cd '%s' && b=$(git hash-object -w '%s') && "
	          "t=$(printf '100644 blob %%s\\tops\\n' $b | git mktree) && "
	          "p=$(git rev-parse -q --verify '%s') ; "
	          "c=$(GIT_AUTHOR_NAME=x GIT_AUTHOR_EMAIL=x@example.org "
	          "GIT_COMMITTER_NAME=x GIT_COMMITTER_EMAIL=x@example.org "
	          "git %scommit-tree %s ${p:+-p $p} -m forged $t) && "
	          "git update-ref '%s' $c",
	          dir, file, ref, sign, key ? "-S" : "", ref) == 0)
		return 0;
	t_fail(__FILE__, __LINE__, "could not forge a commit on %s", ref);
	return -1;
}
