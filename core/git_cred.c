/* SPDX-License-Identifier: MIT */
/*
 * This file implements the credentials of a transfer (core/git_cred.h):
 * what libgit2 asks for when a remote wants a user. gavel keeps no
 * secret of its own: ssh keys stay in ssh-agent, and passwords and
 * tokens come from git's credential helpers, so a member who can `git
 * fetch` the group's repository can sync with it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git_cred.h"
#include "internal.h"
#include "subprocess.h"

void
gv__cred_init(struct gv__cred *c)
{
	memset(c, 0, sizeof(*c));
}

static void
forget(struct gv__cred *c)
{
	free(c->user);
	free(c->password);
	c->user = c->password = NULL;
}

static void
forget_url(struct gv__cred *c)
{
	free(c->protocol);
	free(c->host);
	free(c->path);
	c->protocol = c->host = c->path = NULL;
}

/* Splits scheme://[user@]host[:port]/path as git's credential protocol
 * names the parts; 0, or -1 for what it cannot carry. */
static int
split_url(struct gv__cred *c, const char *url)
{
	const char *scheme_end = strstr(url, "://"), *auth, *slash, *at;

	forget_url(c);
	if (!scheme_end || strpbrk(url, "\r\n"))
		return -1;
	auth = scheme_end + 3;
	slash = auth + strcspn(auth, "/");
	for (at = slash; at > auth && at[-1] != '@'; at--)
		;
	c->protocol = gv__xstrndup(url, (size_t)(scheme_end - url));
	c->host = gv__xstrndup(at, (size_t)(slash - at));
	c->path = gv__xstrdup(*slash ? slash + 1 : "");
	return 0;
}

/* Runs `git credential ACTION` with what is known; the run, or -1. */
static int
credential(struct gv__subprocess *run, struct gv__cred *c, const char *action,
           const char *user)
{
	const char *argv[] = {"git", "credential", action, NULL};
	struct gv_buf in = GV_BUF_INIT;
	int error;

	gv__buf_printf(&in, "protocol=%s\nhost=%s\n", c->protocol, c->host);
	if (*c->path)
		gv__buf_printf(&in, "path=%s\n", c->path);
	if (user && *user)
		gv__buf_printf(&in, "username=%s\n", user);
	if (c->password)
		gv__buf_printf(&in, "password=%s\n", c->password);
	gv__buf_putc(&in, '\n');
	error = gv__subprocess_run(run, GV_ERRCLASS_SYNC, "install git", argv,
	                           in.ptr, in.size);
	gv__buf_dispose(&in);
	return error;
}

/* The value of "key=" in a helper's answer (owned), or NULL. */
static char *
answer(const char *out, const char *key)
{
	size_t n = strlen(key);

	for (const char *p = out; *p; p += strcspn(p, "\n"), p += *p == '\n')
		if (strncmp(p, key, n) == 0 && p[n] == '=')
			return gv__xstrndup(p + n + 1,
			                    strcspn(p + n + 1, "\n"));
	return NULL;
}

/* Tells the helpers the credentials they gave did not work. */
static void
reject(struct gv__cred *c)
{
	struct gv__subprocess run;

	if (c->password && credential(&run, c, "reject", c->user) == 0)
		gv__subprocess_dispose(&run);
	forget(c);
}

static int
give_up(struct gv__cred *c, const char *why)
{
	snprintf(c->why, sizeof(c->why), "%s", why);
	git_error_set_str(GIT_ERROR_CALLBACK, c->why);
	return GIT_EUSER;
}

/* A user and password for an http(s) URL, from git's helpers. */
static int
userpass(git_credential **out, struct gv__cred *c, const char *url,
         const char *user)
{
	struct gv__subprocess run;
	char *why, text[sizeof(c->why)];
	int rc;

	/* Asked again: the last ones were turned down. */
	reject(c);
	if (++c->http_tries > GV__CRED_TRIES)
		return give_up(c, "the server turned down each user and "
		                  "password git's credential helper gave: "
		                  "check them (git credential fill)");
	if (split_url(c, url) < 0)
		return give_up(c, "the URL cannot be given to git's credential "
		                  "helper");
	if (credential(&run, c, "fill", user) < 0)
		return give_up(c, gv_error_last()->message);
	c->user = answer(run.out, "username");
	c->password = answer(run.out, "password");
	if (run.status != 0 || !c->user || !c->password) {
		why = gv__subprocess_line(run.err, "it gave none");
		snprintf(text, sizeof(text),
		         "git credential fill: %s: set up a credential helper "
		         "(git config credential.helper) that knows the URL",
		         why);
		free(why);
		forget(c);
		gv__subprocess_dispose(&run);
		return give_up(c, text);
	}
	gv__subprocess_dispose(&run);
	rc = git_credential_userpass_plaintext_new(out, c->user, c->password);
	return rc < 0 ? give_up(c, "out of memory") : 0;
}

/* The keys of ssh-agent, once: the agent offers all it holds. */
static int
agent_key(git_credential **out, struct gv__cred *c, const char *user)
{
	const char *sock = getenv("SSH_AUTH_SOCK");

	if (++c->ssh_tries > 1)
		return give_up(c, "the server turned down every key ssh-agent "
		                  "holds: add yours (ssh-add) or ask for "
		                  "access");
	if (!sock || !*sock)
		return give_up(c, "no ssh-agent is running (SSH_AUTH_SOCK is "
		                  "not set): start one and add your key "
		                  "(ssh-add)");
	if (git_credential_ssh_key_from_agent(out, user) < 0)
		return give_up(c, "cannot ask ssh-agent for a key");
	return 0;
}

int
gv__cred_acquire(git_credential **out, const char *url,
                 const char *username_from_url, unsigned int allowed,
                 void *payload)
{
	struct gv__cred *c = payload;
	const char *user = username_from_url;

	if (!user || !*user)
		user = getenv("USER");
	if (allowed & GIT_CREDENTIAL_SSH_KEY)
		return agent_key(out, c, user ? user : "");
	if (allowed & GIT_CREDENTIAL_USERNAME)
		return git_credential_username_new(out, user ? user : "") < 0
		               ? give_up(c, "out of memory")
		               : 0;
	if (allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT)
		return userpass(out, c, url, username_from_url);
	return give_up(c, "the server asks for a kind of credentials gavel "
	                  "does not give (only ssh-agent keys and git's "
	                  "credential helpers)");
}

void
gv__cred_done(struct gv__cred *c, int worked)
{
	struct gv__subprocess run;

	if (worked && c->password &&
	    credential(&run, c, "approve", c->user) == 0)
		gv__subprocess_dispose(&run);
	forget(c);
	forget_url(c);
}
