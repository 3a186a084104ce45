/* SPDX-License-Identifier: MIT */
/*
 * This file declares the credentials a transfer of chains asks for
 * (core/git_remote.c): a key of ssh-agent for ssh, and for http(s) what
 * git's own credential helpers give (`git credential fill`), approved or
 * rejected as git does once the transfer ends.
 */
#ifndef GV_CORE_GIT_CRED_H
#define GV_CORE_GIT_CRED_H

#include <git2.h>

/* How many times the remote may turn credentials down before the
 * transfer gives up (a helper or prompt may offer others each time). */
#define GV__CRED_TRIES 3

/* One transfer's credentials (the libgit2 callback's payload). */
struct gv__cred {
	int ssh_tries, http_tries;
	char *protocol, *host, *path; /* of the http(s) URL asked for */
	char *user, *password;        /* the helper's last answer, or NULL */
	char why[512];                /* why authentication gave up, or "" */
};

void gv__cred_init(struct gv__cred *c);

/* libgit2's credentials callback (git_credential_acquire_cb); payload is
 * a struct gv__cred. */
int gv__cred_acquire(git_credential **out, const char *url,
                     const char *username_from_url, unsigned int allowed,
                     void *payload);

/* Tells git's helpers whether the last credentials they gave worked
 * (`git credential approve` or `reject`), and forgets them. */
void gv__cred_done(struct gv__cred *c, int worked);

#endif
