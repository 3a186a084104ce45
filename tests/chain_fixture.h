/* SPDX-License-Identifier: MIT */
/*
 * This file declares the fixtures the sync chain tests share
 * (test_git_chain.c, test_ssh_sign.c, test_git_remote.c): chain
 * repositories in the test's folder, commits with a fixed identity and
 * clock, walks read back as text, throwaway SSH keys and an ssh-agent.
 */
#ifndef GV_TEST_CHAIN_FIXTURE_H
#define GV_TEST_CHAIN_FIXTURE_H

#include "git_chain.h"

/* Whether a program is on PATH; when not, skips the running test,
 * naming it. */
int cf_need(const char *program);

/* The chain repository t_path(name), opened or created (NULL and a
 * failed test on error). The test frees it (gv__chain_free). */
struct gv__chain_repo *cf_repo(const char *name);

/* Puts other bytes in the file of commit's operations (its "ops" blob)
 * in the git repository t_path(repo), under the same name: a forged
 * object. 0, or -1. */
int cf_forge_ops(const char *repo, const char *commit);

/* Runs body on a fresh pair of chain repositories, theirs remote.git and
 * ours local.git, and frees them. */
void cf_with_pair(void (*body)(struct gv__chain_repo *theirs,
                               struct gv__chain_repo *ours));

/* Appends ops to ref on top of expect ("" for a new ref), unsigned,
 * as "Ann Chair" <ann@example.org> at a clock that moves a minute per
 * commit. oid gets the new commit (may be NULL). */
int cf_add(char oid[GV__OID_HEX], struct gv__chain_repo *r, const char *ref,
           const char *expect, const char *ops);

/* The chain's ops from tip after stop, joined by '|' ("" for none;
 * kept by the harness), or NULL with *rc the walk's error. */
char *cf_walk(int *rc, struct gv__chain_repo *r, const char *tip,
              const char *stop);

/* A throwaway ed25519 key, no passphrase, at t_path(name) (its public
 * half at name.pub); the path, or NULL (the test then fails). */
const char *cf_key(const char *name, const char *comment);

/* The public key line of the key at path (path.pub), kept. */
char *cf_pub(const char *key);

/* Runs a shell command; its exit status (-1 when it could not run). */
int cf_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Starts an ssh-agent holding key (for this process: SSH_AUTH_SOCK is
 * set); stopped, and SSH_AUTH_SOCK restored, when the test calls
 * cf_agent_stop. Returns 0, or -1 with the test failed. */
int cf_agent_start(const char *key);
void cf_agent_stop(void);

/*
 * Makes LeakSanitizer ignore what libgit2 allocates from here until
 * called again with 0, where libgit2 1.5.1 (Debian 12) leaks on its own:
 * its ssh transport keeps the known_hosts path and list and libssh2's
 * list of authentication methods for each connection, and a revision
 * walk that meets a missing object keeps its commit list. `make asan`
 * still finds every leak of gavel's own elsewhere.
 */
void cf_library_leaks_ignored(int on);

#endif
