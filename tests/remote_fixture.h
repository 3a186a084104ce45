/* SPDX-License-Identifier: MIT */
/*
 * This file declares the servers the transfer tests (test_git_remote.c)
 * run in the test's folder, each on a free port of 127.0.0.1 and as the
 * current user: an OpenSSH sshd with its own host key and authorized
 * keys, and git's smart HTTP (tests/git_http_server.py) with basic
 * authentication, plain or over TLS. And the environment they need,
 * restored when the test ends with rf_env_restore.
 */
#ifndef GV_TEST_REMOTE_FIXTURE_H
#define GV_TEST_REMOTE_FIXTURE_H

#include <sys/types.h>

struct rf_server {
	pid_t pid;
	int port;
};

/*
 * Starts sshd allowing the public key of client_key to log in, and
 * writes its host key into $HOME/.ssh/known_hosts (HOME is set to the
 * test's folder). Skips the test by name when sshd is not installed.
 * Returns 0, 1 (skipped) or -1 (the test failed).
 */
int rf_sshd_start(struct rf_server *s, const char *client_key);

/*
 * Starts git's smart HTTP over the repositories in root for user and
 * password; over TLS with cert and key (else NULL). Skips the test by
 * name when python3 is not installed. Returns 0, 1 or -1 as above.
 */
int rf_http_start(struct rf_server *s, const char *root, const char *user,
                  const char *password, const char *cert, const char *key);

/* Stops a server rf_*_start started (by its pid). */
void rf_stop(struct rf_server *s);

/* Sets a variable of this process's environment, its old value kept
 * for rf_env_restore. */
void rf_setenv(const char *name, const char *value);
void rf_env_restore(void);

#endif
