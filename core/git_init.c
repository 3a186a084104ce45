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

static int tls_pending; /* mbedTLS's set-up put off */

/*
 * git_libgit2_init also sets up mbedTLS (seeding its entropy: HAVEGE,
 * 1.4 M instructions) and libssh2 (OpenSSL's engines and error strings,
 * 1.0 M, and 0.4 M more to undo them at exit): 2.4 M of the 17.6 M a
 * one-ballot redline took, which opens no connection (bench/redline.sh).
 * The Makefile wraps the two set-ups too: during git_libgit2_init they
 * are put off, and done before the first TLS stream or certificate load
 * (mbedTLS, with the CA bundle skipped as above) or by libssh2 itself,
 * whose libssh2_session_init_ex initialises it when nothing did. Linked
 * shared (LINK=shared, GV_GIT_SHARED), libgit2's own calls cannot be
 * wrapped, and git_libgit2_init sets both up as it always did.
 */
#ifndef GV_GIT_SHARED
struct git_stream;
int __real_git_mbedtls_stream_global_init(void);           // NOLINT
int __wrap_git_mbedtls_stream_global_init(void);           // NOLINT
int __real_git_mbedtls_stream_new(struct git_stream **out, // NOLINT
                                  const char *host, const char *port);
int __wrap_git_mbedtls_stream_new(struct git_stream **out, // NOLINT
                                  const char *host, const char *port);
int __real_git_mbedtls_stream_wrap(struct git_stream **out, // NOLINT
                                   struct git_stream *in, const char *host);
int __wrap_git_mbedtls_stream_wrap(struct git_stream **out, // NOLINT
                                   struct git_stream *in, const char *host);
int __real_git_mbedtls__set_cert_location(const char *file, // NOLINT
                                          const char *path);
int __wrap_git_mbedtls__set_cert_location(const char *file, // NOLINT
                                          const char *path);
int __real_libssh2_init(int flags); // NOLINT
int __wrap_libssh2_init(int flags); // NOLINT

int
__wrap_git_mbedtls_stream_global_init(void) // NOLINT
{
	if (git_starting) {
		tls_pending = 1;
		return 0;
	}
	return __real_git_mbedtls_stream_global_init();
}

/* mbedTLS set up, once, before its first use. */
static int
tls_ready(void)
{
	int rc;

	if (!tls_pending)
		return 0;
	git_starting = 1; /* the CA bundle skipped, as at start */
	rc = __real_git_mbedtls_stream_global_init();
	git_starting = 0;
	if (rc == 0)
		tls_pending = 0;
	return rc;
}

int
__wrap_git_mbedtls_stream_new(struct git_stream **out, // NOLINT
                              const char *host, const char *port)
{
	return tls_ready() < 0 ? -1
	                       : __real_git_mbedtls_stream_new(out, host, port);
}

int
__wrap_git_mbedtls_stream_wrap(struct git_stream **out, // NOLINT
                               struct git_stream *in, const char *host)
{
	return tls_ready() < 0 ? -1
	                       : __real_git_mbedtls_stream_wrap(out, in, host);
}

int
__wrap_git_mbedtls__set_cert_location(const char *file, // NOLINT
                                      const char *path)
{
	return tls_ready() < 0
	               ? -1
	               : __real_git_mbedtls__set_cert_location(file, path);
}

int
__wrap_libssh2_init(int flags) // NOLINT
{
	return git_starting ? 0 : __real_libssh2_init(flags);
}
#endif

int
gv__git_tls_pending(void)
{
	return tls_pending;
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
	gv__git_cache_blobs(1);
	/* Objects are read as git reads them, without re-hashing each one
	 * (a quarter of a redline's time); gv_ballot_verify turns the check
	 * on for its own reads. */
	gv__git_verify_hashes(0);
	/* What gavel writes in a repository (its chains' commits and refs)
	 * reaches the disk before the log records the operations as sent:
	 * SQLite commits that later, and a commit lost to a power cut after
	 * it would leave operations marked sent that no chain holds. */
	git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
	git_started = 1;
	return 0;
}

void
gv__git_cache_blobs(int on)
{
	/* A redline reads each blob once, for its patch and its headings
	 * (core/git_redline.c); the screen shows the same ranges again, and
	 * libgit2 caches no blobs unless told to. SBR.md is about 208 KB;
	 * 8 MB covers any guideline. */
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_BLOB,
	                 on ? (size_t)8 << 20 : 0);
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

int
gv__text_hash_into(char hex[41], const char *text, size_t len)
{
	git_oid oid;

	if (gv__git_start() < 0 ||
	    git_odb_hash(&oid, text, len, GIT_OBJECT_BLOB) < 0)
		return GV_ERROR;
	git_oid_tostr(hex, GIT_OID_HEXSZ + 1, &oid);
	return 0;
}

char *
gv__text_hash(const char *text)
{
	char hex[GIT_OID_HEXSZ + 1];

	if (gv__text_hash_into(hex, text, strlen(text)) < 0)
		return NULL;
	return gv__xstrdup(hex);
}
