/* SPDX-License-Identifier: MIT */
/*
 * This file declares the libgit2 helpers core/git*.c share (and the
 * redline builder, which is one of them). No libgit2 type leaves core.
 */
#ifndef GV_CORE_GIT_H
#define GV_CORE_GIT_H

#include <stdint.h>

#include <git2.h>

#include "gavel/ballot.h"
#include "gavel/redline.h"
#include "git_range.h"

/* A range's two commits, and their repository (all owned). */
struct gv__git_range {
	git_repository *repo;
	git_commit *base;
	git_commit *head;
};

/* Starts libgit2 on first use (core/git_init.c says why); every entry
 * into libgit2 goes through gv__git_open, gv__git_init or this. */
int gv__git_start(void);

/* How many CA bundle loads gv__git_start skipped (core/git_init.c says
 * why): 1 once started in a binary linked as the Makefile links it. */
int gv__git_ca_skipped(void);

/* Whether mbedTLS's set-up is still put off to its first use (1 once
 * started, until a TLS stream or certificate load; core/git_init.c). */
int gv__git_tls_pending(void);

/* Whether the GSSAPI library has been opened (on libgit2's first call
 * into it; core/git_gssapi.c). */
int gv__git_gss_loaded(void);

/* Whether libgit2 keeps the blobs it reads in its cache (on once
 * started; core/git_init.c says why). */
void gv__git_cache_blobs(int on);

/* Whether libgit2 re-hashes every object it reads (git does not; off
 * once started). */
void gv__git_verify_hashes(int on);

/* Opens a working or bare repository at (or above) path. */
int gv__git_open(git_repository **out, const char *path);

/* The commit a revspec names, with messages that say what to do. */
int gv__git_commit(git_commit **out, git_repository *repo, const char *spec);

/* Resolves "A..B", "A...B" or a GitHub compare URL in repo_path. */
int gv__git_range(struct gv__git_range *out, const char *repo_path,
                  const char *range);
void gv__git_range_dispose(struct gv__git_range *range);

/* Sets the error "what: libgit2's message" and returns GV_ERROR. */
int gv__git_failed(const char *what);

/* The repository's folder, for messages. */
const char *gv__git_where(git_repository *repo);

/* Creates (or opens) a repository in dir, its first branch "main"
 * (core/git_write.c; the tests' fixtures start here). */
int gv__git_init(git_repository **out, const char *dir);

#endif
