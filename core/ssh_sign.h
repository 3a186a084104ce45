/* SPDX-License-Identifier: MIT */
/*
 * This file declares SSH signatures as git makes and checks them with
 * gpg.format=ssh: `ssh-keygen -Y sign|verify -n git` over the bytes of a
 * commit without its signature.
 */
#ifndef GV_CORE_SSH_SIGN_H
#define GV_CORE_SSH_SIGN_H

#include <stddef.h>

/*
 * Signs len bytes of data with key (a private key file, or a public one
 * whose private key ssh-agent holds) as `git commit -S` does with
 * gpg.format=ssh. *sig (caller frees) is the armored signature without
 * its final newline. Errors: GV_EINVALID (a key path that starts with
 * '-' or holds a line break), GV_ENOTFOUND (no ssh-keygen), GV_ERROR
 * (ssh-keygen could not sign: its reason).
 */
int gv__ssh_sign(char **sig, const char *key, const char *data, size_t len);

/*
 * Verifies an armored SSH signature over data as `git verify-commit` does
 * with gpg.format=ssh: `ssh-keygen -Y verify -n git` against the
 * allowed-signers text (git's format) for principal. *ok is 1 when it
 * verifies; otherwise *why (owned) says why in one line. Errors are for
 * not being able to run the check at all (no ssh-keygen, no temporary
 * folder).
 */
int gv__ssh_verify(int *ok, char **why, const char *allowed_signers,
                   const char *principal, const char *signature,
                   const char *data, size_t len);

#endif
