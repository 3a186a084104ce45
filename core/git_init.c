/* SPDX-License-Identifier: MIT */
/*
 * This file implements the process-wide set-up of libgit2 (STYLE.md §6:
 * once, by the program, never inside a library call) and the git blob id
 * that identifies a text (ballot versions keep one per RULES §8).
 */
#include <string.h>

#include <git2.h>

#include "gavel/init.h"
#include "git.h"
#include "internal.h"

/*
 * libgit2 starts on first use, not in gv_global_init, so the commands
 * that never read a repository (most of them, and the TUI's first
 * screen) do not pay for it. The program is single-threaded, so "once"
 * is a flag; gv_global_shutdown still ends it, once, in the program
 * (STYLE.md §6).
 */
static int git_started;
static int git_starting;
static int git_ca_skipped;

/*
 * Debian's libgit2 is built with mbedTLS and GIT_DEFAULT_CERT_LOCATION,
 * so git_libgit2_init parses the whole system CA bundle, about 10 ms of
 * every process that reads a repository, and no option turns it off.
 * gavel only reads local repositories and never opens a TLS connection,
 * so the Makefile links libgit2 statically with
 * --wrap=mbedtls_x509_crt_parse_file, and this wrapper skips the one
 * load git_libgit2_init makes. Any later load (an explicit
 * GIT_OPT_SET_SSL_CERT_LOCATIONS) goes through unchanged, and a TLS
 * connection without it fails its certificate check: it fails closed.
 */
struct mbedtls_x509_crt;
int __real_mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain,
                                       const char *path); // NOLINT
int __wrap_mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain,
                                       const char *path); // NOLINT

int
__wrap_mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain, // NOLINT
                                   const char *path)
{
	if (git_starting) {
		git_ca_skipped++;
		return 0;
	}
	return __real_mbedtls_x509_crt_parse_file(chain, path);
}

int
gv__git_ca_skipped(void)
{
	return git_ca_skipped;
}

int
gv__git_start(void)
{
	int rc;

	if (git_started)
		return 0;
	git_starting = 1;
	rc = git_libgit2_init();
	git_starting = 0;
	if (rc < 0)
		return gv__error_set(GV_ERRCLASS_NONE, GV_ERROR,
		                     "cannot initialise libgit2");
	/* A redline reads each blob once, for its patch and its headings
	 * (core/git_redline.c); the screen shows the same ranges again, and
	 * libgit2 caches no blobs unless told to. SBR.md is about 208 KB;
	 * 8 MB covers any guideline. */
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_BLOB,
	                 (size_t)8 << 20);
	/* Objects are read as git reads them, without re-hashing each one
	 * (a quarter of a redline's time); gv_ballot_verify turns the check
	 * on for its own reads. */
	gv__git_verify_hashes(0);
	git_started = 1;
	return 0;
}

void
gv__git_verify_hashes(int on)
{
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, on);
}

int
gv_global_init(void)
{
	return 0;
}

void
gv_global_shutdown(void)
{
	if (git_started)
		git_libgit2_shutdown();
	git_started = 0;
}

char *
gv__text_hash(const char *text)
{
	char hex[GIT_OID_HEXSZ + 1];
	git_oid oid;

	if (gv__git_start() < 0 ||
	    git_odb_hash(&oid, text, strlen(text), GIT_OBJECT_BLOB) < 0)
		return NULL;
	git_oid_tostr(hex, sizeof(hex), &oid);
	return gv__xstrdup(hex);
}
