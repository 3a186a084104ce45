/* SPDX-License-Identifier: MIT */
/*
 * This file implements the fixtures the sync chain tests share (see
 * chain_fixture.h).
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "chain_fixture.h"
#include "gavel/error.h"
#include "harness.h"
#include "internal.h"

int
cf_need(const char *program)
{
	char cmd[256], why[300];

	snprintf(cmd, sizeof(cmd), "command -v %s", program);
	if (t_shell_output(cmd))
		return 1;
	snprintf(why, sizeof(why), "%s is not installed", program);
	t_skip(why);
	return 0;
}

struct gv__chain_repo *
cf_repo(const char *name)
{
	struct gv__chain_repo *r = NULL;

	if (gv__chain_open(&r, t_path(name)) < 0)
		t_fail(__FILE__, __LINE__, "cannot open %s: %s", name,
		       gv_error_last()->message);
	return r;
}

int
cf_forge_ops(const char *repo, const char *commit)
{
	return cf_sh("cd '%s' && export GIT_DIR=. && "
	             "f=$(echo forged | git hash-object -w --stdin) && "
	             "b=$(git rev-parse %s:ops) && "
	             "o() { echo objects/$(echo $1 | cut -c1-2)/$(echo $1 | "
	             "cut -c3-); } && mv -f $(o $f) $(o $b)",
	             t_path(repo), commit) == 0
	               ? 0
	               : -1;
}

void
cf_with_pair(void (*body)(struct gv__chain_repo *theirs,
                          struct gv__chain_repo *ours))
{
	struct gv__chain_repo *theirs = cf_repo("remote.git");
	struct gv__chain_repo *ours = cf_repo("local.git");

	if (theirs && ours)
		body(theirs, ours);
	gv__chain_free(theirs);
	gv__chain_free(ours);
}

int
cf_add(char oid[GV__OID_HEX], struct gv__chain_repo *r, const char *ref,
       const char *expect, const char *ops)
{
	static int64_t clock = 1734537600; /* 2024-12-18 16:00Z */
	struct gv__chain_commit c = {0};
	char id[GV__OID_HEX];

	c.ref = ref;
	c.expect = expect;
	c.ops = ops;
	c.len = strlen(ops);
	c.name = "Ann Chair";
	c.email = "ann@example.org";
	c.when = clock += 60;
	c.message = "gavel operations\n";
	return gv__chain_append(oid ? oid : id, r, &c);
}

struct walked {
	struct gv_buf ops;
	size_t n;
};

static int
collect(const struct gv__chain_link *link, void *ctx)
{
	struct walked *w = ctx;

	if (w->n++)
		gv__buf_putc(&w->ops, '|');
	gv__buf_put(&w->ops, link->ops, link->len);
	return 0;
}

char *
cf_walk(int *rc, struct gv__chain_repo *r, const char *tip, const char *stop)
{
	struct walked w = {GV_BUF_INIT, 0};

	if ((*rc = gv__chain_walk(r, tip, stop, collect, &w)) < 0) {
		gv__buf_dispose(&w.ops);
		return NULL;
	}
	return t_keep(gv__buf_detach(&w.ops));
}

int
cf_sh(const char *fmt, ...)
{
	char cmd[8192];
	va_list ap;
	int status;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	status = system(cmd);
	if (status == -1)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

const char *
cf_key(const char *name, const char *comment)
{
	const char *path = t_path(name);

	if (cf_sh("ssh-keygen -q -t ed25519 -N '' -C '%s' -f '%s' "
	          "</dev/null >/dev/null",
	          comment, path) != 0) {
		t_fail(__FILE__, __LINE__, "ssh-keygen could not make %s",
		       name);
		return NULL;
	}
	return path;
}

char *
cf_pub(const char *key)
{
	char pub[4200];
	char *text;

	snprintf(pub, sizeof(pub), "%s.pub", key);
	text = t_read_file(pub, NULL);
	if (text)
		text[strcspn(text, "\n")] = '\0';
	return text;
}

static pid_t agent_pid;
static char *agent_old_sock;

int
cf_agent_start(const char *key)
{
	const char *sock = t_path("agent.sock");
	char cmd[4400];
	const char *out, *pid;

	snprintf(cmd, sizeof(cmd), "ssh-agent -a '%s' -s", sock);
	if (!(out = t_shell_output(cmd)) ||
	    !(pid = strstr(out, "SSH_AGENT_PID="))) {
		t_fail(__FILE__, __LINE__, "ssh-agent did not start");
		return -1;
	}
	agent_pid = (pid_t)atol(pid + strlen("SSH_AGENT_PID="));
	agent_old_sock = getenv("SSH_AUTH_SOCK")
	                         ? gv__xstrdup(getenv("SSH_AUTH_SOCK"))
	                         : NULL;
	setenv("SSH_AUTH_SOCK", sock, 1);
	if (cf_sh("ssh-add -q '%s' </dev/null 2>/dev/null", key) != 0) {
		t_fail(__FILE__, __LINE__, "ssh-add could not add %s", key);
		cf_agent_stop();
		return -1;
	}
	return 0;
}

void
cf_agent_stop(void)
{
	if (agent_pid > 0)
		kill(agent_pid, SIGTERM);
	agent_pid = 0;
	if (agent_old_sock)
		setenv("SSH_AUTH_SOCK", agent_old_sock, 1);
	else
		unsetenv("SSH_AUTH_SOCK");
	free(agent_old_sock);
	agent_old_sock = NULL;
}

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>

void
cf_library_leaks_ignored(int on)
{
	if (on)
		__lsan_disable();
	else
		__lsan_enable();
}
#else
void
cf_library_leaks_ignored(int on)
{
	(void)on;
}
#endif
