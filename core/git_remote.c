/* SPDX-License-Identifier: MIT */
/*
 * This file implements moving chains between repositories
 * (gv__chain_fetch, gv__chain_push) through libgit2, over a path,
 * file://, ssh or http(s). Remotes are anonymous: nothing about them is
 * written in the repository's config, the sync engine keeps its own
 * list. Fetch is forced and pruned into refs/gavel-remotes/<remote>/,
 * a mirror of what the remote has; push is never forced, since each ref
 * has one writer and a remote ref ours does not contain means someone
 * else wrote it. A fetch from or a push to a folder (a path or file://)
 * copies the objects as they are (core/git_copy.c) instead of libgit2's
 * transfer, which repacks them first and pushes into no repository with
 * a working tree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "git_chain_repo.h"
#include "git_cred.h"
#include "internal.h"

enum url_kind { URL_PATH, URL_FILE, URL_SSH, URL_HTTP, URL_HTTPS };

/* Where Debian's libgit2 looks for the certificate authorities. */
#define CA_BUNDLE "/etc/ssl/certs/ca-certificates.crt"

/* A remote's name becomes one component of refs/gavel-remotes/NAME/. */
static int
check_remote_name(const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		      (name[i] >= 'A' && name[i] <= 'Z') ||
		      (name[i] >= '0' && name[i] <= '9') || name[i] == '-' ||
		      name[i] == '_' || name[i] == '.'))
			n = 0;
	if (n == 0 || name[0] == '.' || name[0] == '-' ||
	    name[strlen(name) - 1] == '.' || strstr(name, "..") ||
	    (strlen(name) >= 5 &&
	     strcmp(name + strlen(name) - 5, ".lock") == 0))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_EINVALID,
		                     "\"%.100s\" cannot name a remote: use "
		                     "letters, digits, '-', '_' and '.', not "
		                     "first",
		                     name);
	return 0;
}

/* What kind of URL gavel was given, as libgit2 will read it. */
static int
url_kind(enum url_kind *kind, const char *url)
{
	static const struct {
		const char *prefix;
		enum url_kind kind;
	} schemes[] = {{"file://", URL_FILE},   {"ssh://", URL_SSH},
	               {"git+ssh://", URL_SSH}, {"ssh+git://", URL_SSH},
	               {"http://", URL_HTTP},   {"https://", URL_HTTPS}};
	const char *colon = strchr(url, ':'), *slash = strchr(url, '/');

	*kind = URL_PATH;
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			return gv__error_set(GV_ERRCLASS_SYNC, GV_EINVALID,
			                     "a remote's URL cannot hold a "
			                     "control character");
	for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (strncmp(url, schemes[i].prefix,
		            strlen(schemes[i].prefix)) == 0) {
			*kind = schemes[i].kind;
			return 0;
		}
	if (!*url || strstr(url, "://"))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_EINVALID,
		                     "\"%.200s\" is not a URL gavel syncs "
		                     "with: give a path, file://, ssh://, "
		                     "user@host:path or https://",
		                     url);
	/* user@host:path, as git reads it: a colon before any slash. */
	*kind = colon && (!slash || colon < slash) ? URL_SSH : URL_PATH;
	return 0;
}

/*
 * The folder a path or file:// URL names, as libgit2 reads the URL:
 * file:///PATH or file://localhost/PATH, %XX decoded. NULL for a
 * file:// URL of another host or none. Owned.
 */
static char *
local_path(enum url_kind kind, const char *url)
{
	const char *p = url + strlen("file://");
	char *out, *o;

	if (kind == URL_PATH)
		return gv__xstrdup(url);
	if (strncmp(p, "localhost/", 10) == 0)
		p += strlen("localhost");
	if (p[0] != '/' || !p[1] || p[1] == '/')
		return NULL;
	o = out = gv__xstrdup(p);
	for (; *p; p++) {
		unsigned hi, lo;

		if (*p == '%' && sscanf(p + 1, "%1x%1x", &hi, &lo) == 2) {
			*o++ = (char)(hi << 4 | lo);
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

int
gv__chain_remote_check(const char *name, const char *url)
{
	enum url_kind kind;
	int error;

	if ((error = check_remote_name(name)) < 0)
		return error;
	return url_kind(&kind, url);
}

int
gv__chain_url_is_path(const char *url)
{
	enum url_kind kind;

	return url_kind(&kind, url) == 0 && kind == URL_PATH;
}

char *
gv__chain_url_shown(const char *url)
{
	const char *auth = strstr(url, "://"), *at, *colon, *end;

	if (!auth)
		return gv__xstrdup(url);
	auth += 3;
	end = auth + strcspn(auth, "/");
	for (at = end; at > auth && at[-1] != '@'; at--)
		;
	colon = memchr(auth, ':', (size_t)(at - auth));
	if (at == auth || !colon)
		return gv__xstrdup(url);
	return gv__xsprintf("%.*s:***%s", (int)(colon - url), url, at - 1);
}

/*
 * The certificate authorities an https transfer trusts: $SSL_CERT_FILE
 * and $SSL_CERT_DIR as OpenSSL reads them, else the system's bundle.
 * core/git_init.c skips libgit2's own load at start (most commands never
 * open a connection); this is the load a transfer needs.
 */
static int
load_authorities(void)
{
	const char *file = getenv("SSL_CERT_FILE"),
	           *dir = getenv("SSL_CERT_DIR");

	file = file && *file ? file : NULL;
	dir = dir && *dir ? dir : NULL;
	if (!file && !dir)
		file = CA_BUNDLE;
	if (git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, dir) < 0)
		return gv__chain_failed(GV_ERROR,
		                        "cannot load the certificate "
		                        "authorities (set SSL_CERT_FILE to a "
		                        "bundle of them)");
	return 0;
}

/* Checks the URL and readies libgit2 for it; the remote, or an error. */
static int
remote_for(git_remote **out, enum url_kind *kind, struct gv__chain_repo *r,
           const char *url)
{
	git_remote_create_options opts;
	int error;

	*out = NULL;
	if ((error = url_kind(kind, url)) < 0 ||
	    (*kind == URL_HTTPS && (error = load_authorities()) < 0))
		return error;
	/*
	 * An anonymous remote, as git_remote_create_anonymous makes, but
	 * without url.<base>.insteadOf: libgit2 1.5 applies it by matching
	 * every setting against a regular expression and leaks PCRE2's
	 * match data for each that does not match (about 20 KB a setting,
	 * every fetch and push: a leak the screen's sync would grow). The
	 * URL is the one the member gave `gavel remote add`.
	 */
	git_remote_create_options_init(&opts,
	                               GIT_REMOTE_CREATE_OPTIONS_VERSION);
	opts.repository = r->repo;
	opts.flags = GIT_REMOTE_CREATE_SKIP_INSTEADOF |
	             GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC;
	if (git_remote_create_with_opts(out, url, &opts) < 0)
		return gv__chain_failed(GV_EINVALID, "cannot use that URL");
	return 0;
}

/* Why a transfer failed, with what to check. */
static int
transfer_failed(const struct gv__cred *cred, const char *url, int rc)
{
	const git_error *e = git_error_last();
	const char *why = e && e->message ? e->message : "unknown error";
	char *shown = gv__chain_url_shown(url);
	int error;

	if (cred->why[0])
		error = gv__error_set(GV_ERRCLASS_SYNC, GV_EDENIED,
		                      "cannot authenticate to %s: %s", shown,
		                      cred->why);
	else if (rc == GIT_ECERTIFICATE)
		error = gv__error_set(
		        GV_ERRCLASS_SYNC, GV_EDENIED,
		        "cannot reach %s: %s: for ssh, add the host's key to "
		        "~/.ssh/known_hosts (connect once with ssh); for "
		        "https, "
		        "trust its certificate (SSL_CERT_FILE)",
		        shown, why);
	else
		error = gv__error_set(
		        GV_ERRCLASS_SYNC,
		        rc == GIT_ENOTFOUND ? GV_ENOTFOUND : GV_ERROR,
		        "cannot reach %s: %s: check the URL, the "
		        "network and that the repository is there",
		        shown, why);
	free(shown);
	return error;
}

static void
init_callbacks(git_remote_callbacks *cb, void *payload)
{
	git_remote_init_callbacks(cb, GIT_REMOTE_CALLBACKS_VERSION);
	cb->credentials = gv__cred_acquire;
	cb->payload = payload;
}

void
gv__chain_set_progress(struct gv__chain_repo *r, gv_progress_fn fn,
                       void *payload)
{
	r->progress = fn;
	r->progress_payload = payload;
}

static void
chain_progress(const struct gv__chain_repo *r, const char *what, size_t done,
               size_t total)
{
	if (r->progress)
		r->progress(what, done, total, r->progress_payload);
}

/* A fetch's callbacks' payload: cred first, as gv__cred_acquire reads
 * the payload as its struct gv__cred. */
struct fetch_state {
	struct gv__cred cred;
	const struct gv__chain_repo *r;
};

static int
fetch_progress(const git_indexer_progress *p, void *payload)
{
	const struct fetch_state *s = payload;

	chain_progress(s->r, "receiving objects", p->received_objects,
	               p->total_objects);
	return 0;
}

/* The folder a path or file:// URL names, or NULL with libgit2's error
 * set. */
static char *
folder_of(enum url_kind kind, const char *url)
{
	char *path = local_path(kind, url);

	if (!path)
		git_error_set_str(GIT_ERROR_NET,
		                  "a file:// URL names a folder of this "
		                  "machine (file:///PATH)");
	return path;
}

/* Whether path is a folder but no git repository (libgit2 says "not
 * found" of an object missing from a repository too). */
static int
not_a_repository(const char *path)
{
	struct stat st;

	return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
	       git_repository_open_ext(NULL, path,
	                               GIT_REPOSITORY_OPEN_NO_SEARCH,
	                               NULL) == GIT_ENOTFOUND;
}

/* Why a transfer with the folder at path failed: it asks for no
 * credentials. */
static int
folder_failed(const char *url, const char *path, int rc)
{
	struct gv__cred none;
	int error;

	gv__cred_init(&none);
	error = transfer_failed(&none, url, rc);
	gv__cred_done(&none, 0);
	/* A folder made for the group's record, without its repository
	 * yet: the step the README's first block starts with. */
	if (rc == GIT_ENOTFOUND && not_a_repository(path))
		error = gv__error_set(GV_ERRCLASS_SYNC, GV_ENOTFOUND,
		                      "%s is a folder but no git repository: "
		                      "make one there with 'git init --bare "
		                      "%s', or give the repository's path",
		                      path, path);
	return error;
}

/* gv__chain_fetch from a folder here: its objects copied as they are
 * (core/git_copy.c), not repacked as libgit2's fetch would. */
static int
fetch_local(struct gv__chain_transfer *stats, struct gv__chain_repo *r,
            const char *remote, const char *url, enum url_kind kind)
{
	char *path = folder_of(kind, url);
	int rc = path ? gv__chain_copy(stats, r, remote, path)
	              : GIT_EINVALIDSPEC,
	    error;

	chain_progress(r, "receiving objects", stats->objects, stats->objects);
	error = rc < 0 ? folder_failed(url, path, rc) : 0;
	free(path);
	return error;
}

int
gv__chain_fetch(struct gv__chain_transfer *stats, struct gv__chain_repo *r,
                const char *remote, const char *url)
{
	git_remote *rem = NULL;
	git_fetch_options opts;
	struct fetch_state fs;
	const git_indexer_progress *p;
	enum url_kind kind;
	char *spec = NULL;
	git_strarray specs = {&spec, 1};
	int error, rc;

	memset(stats, 0, sizeof(*stats));
	if ((error = check_remote_name(remote)) < 0 ||
	    (error = url_kind(&kind, url)) < 0)
		return error;
	if (kind == URL_PATH || kind == URL_FILE)
		return fetch_local(stats, r, remote, url, kind);
	if ((error = remote_for(&rem, &kind, r, url)) < 0)
		return error;
	spec = gv__xsprintf("+refs/gavel/*:refs/gavel-remotes/%s/*", remote);
	gv__cred_init(&fs.cred);
	fs.r = r;
	git_fetch_options_init(&opts, GIT_FETCH_OPTIONS_VERSION);
	init_callbacks(&opts.callbacks, &fs);
	opts.callbacks.transfer_progress = fetch_progress;
	/* A ref the remote no longer has goes here too: the mirror says
	 * what the remote holds now, nothing more. */
	opts.prune = GIT_FETCH_PRUNE;
	opts.update_fetchhead = 0;
	opts.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
	if (kind == URL_HTTP || kind == URL_HTTPS)
		opts.proxy_opts.type = GIT_PROXY_AUTO;
	if ((rc = git_remote_fetch(rem, &specs, &opts, "gavel fetch")) < 0) {
		error = transfer_failed(&fs.cred, url, rc);
	} else {
		p = git_remote_stats(rem);
		stats->objects = p->received_objects;
		stats->bytes = p->received_bytes;
	}
	/* The phase ends, whatever libgit2 reported last. */
	chain_progress(r, "receiving objects", stats->objects, stats->objects);
	gv__cred_done(&fs.cred, error == 0);
	free(spec);
	git_remote_free(rem);
	return error;
}

/* A push's callbacks' payload: cred first, as gv__cred_acquire reads
 * the payload as its struct gv__cred. */
struct push_state {
	struct gv__cred cred;
	struct gv__chain_transfer *stats;
	const struct gv__chain_repo *r;
	char refused[256]; /* the first ref the remote refused, or "" */
	char status[256];  /* and why */
};

static int
push_refused(const char *refname, const char *status, void *payload)
{
	struct push_state *s = payload;

	if (status && !s->refused[0]) {
		snprintf(s->refused, sizeof(s->refused), "%s", refname);
		snprintf(s->status, sizeof(s->status), "%s", status);
	}
	return 0;
}

static int
push_progress(unsigned int current, unsigned int total, size_t bytes,
              void *payload)
{
	struct push_state *s = payload;

	s->stats->objects = total;
	s->stats->bytes = bytes;
	chain_progress(s->r, "sending objects", current, total);
	return 0;
}

/* GV_ECONFLICT for a ref the remote has at a commit ours does not
 * contain (someone else wrote it, or this actor on another machine). */
static int
diverged(const char *url, const char *ref)
{
	char *shown = gv__chain_url_shown(url);
	int error = gv__error_set(
	        GV_ERRCLASS_SYNC, GV_ECONFLICT,
	        "%s at %s holds commits this repository does not have: "
	        "fetch first; if it is still refused, that ref was written "
	        "elsewhere",
	        ref, shown);

	free(shown);
	return error;
}

/*
 * Checks, before anything is sent, that each remote ref we push is an
 * ancestor of ours (never forced: one writer per ref). The remote's
 * answer to the push itself is checked again by push_refused, for a
 * writer that got in between.
 */
static int
check_fast_forward(struct gv__chain_repo *r, git_remote *rem, const char *url,
                   const char *const *refs, char (*tips)[GV__OID_HEX], size_t n)
{
	const git_remote_head **heads = NULL;
	char theirs[GV__OID_HEX];
	size_t nheads = 0;
	int error, yes;

	if (git_remote_ls(&heads, &nheads, rem) < 0)
		return gv__chain_failed(GV_ERROR,
		                        "cannot list the remote's refs");
	for (size_t i = 0; i < n; i++)
		for (size_t h = 0; h < nheads; h++) {
			if (strcmp(heads[h]->name, refs[i]) != 0)
				continue;
			git_oid_tostr(theirs, sizeof(theirs), &heads[h]->oid);
			if ((error = gv__chain_descends(&yes, r, tips[i],
			                                theirs)) < 0)
				return error;
			if (!yes)
				return diverged(url, refs[i]);
		}
	return 0;
}

/* The refspecs "ref:ref" (not forced), and each ref's local tip. */
static int
push_specs(char **specs, char (*tips)[GV__OID_HEX], struct gv__chain_repo *r,
           const char *const *refs, size_t n)
{
	int error;

	for (size_t i = 0; i < n; i++) {
		/* Only our own chains: never a mirror of someone's remote. */
		if ((error = gv__chain_check_ref(refs[i], 0)) < 0 ||
		    (error = gv__chain_tip(tips[i], r, refs[i])) < 0)
			return error;
		if (!tips[i][0])
			return gv__error_set(
			        GV_ERRCLASS_SYNC, GV_ENOTFOUND,
			        "%s is not in the sync repository: "
			        "nothing to push",
			        refs[i]);
		specs[i] = gv__xsprintf("%s:%s", refs[i], refs[i]);
	}
	return 0;
}

/* GV_EBUSY for a ref of a folder being written as we push it. */
static int
busy(const char *url, const char *ref)
{
	char *shown = gv__chain_url_shown(url);
	int error = gv__error_set(GV_ERRCLASS_SYNC, GV_EBUSY,
	                          "%s at %s is being written by another "
	                          "sync or by git: try again once it is done",
	                          ref, shown);

	free(shown);
	return error;
}

/* gv__chain_push to a folder here, bare or with a working tree: the
 * objects it lacks written there as one pack (core/git_copy.c). */
static int
push_local(struct gv__chain_transfer *stats, struct gv__chain_repo *r,
           const char *url, enum url_kind kind, const char *const *refs,
           char (*tips)[GV__OID_HEX], size_t n)
{
	git_oid *ids = gv__xcalloc(n, sizeof(*ids));
	char *path = NULL;
	size_t at = 0;
	int error = 0, rc;

	for (size_t i = 0; i < n && error == 0; i++)
		error = gv__chain_oid(&ids[i], tips[i], refs[i]);
	if (error < 0)
		goto out;
	path = folder_of(kind, url);
	rc = path ? gv__chain_copy_out(stats, r, path, refs, ids, n, &at)
	          : GIT_EINVALIDSPEC;
	if (rc == GIT_ENONFASTFORWARD || rc == GIT_EMODIFIED)
		error = diverged(url, refs[at]);
	else if (rc == GIT_ELOCKED)
		error = busy(url, refs[at]);
	else if (rc < 0)
		error = folder_failed(url, path, rc);
	chain_progress(r, "sending objects", stats->objects, stats->objects);
out:
	free(path);
	free(ids);
	return error;
}

int
gv__chain_push(struct gv__chain_transfer *stats, struct gv__chain_repo *r,
               const char *url, const char *const *refs, size_t n)
{
	struct push_state s;
	git_remote *rem = NULL;
	git_remote_callbacks cb;
	git_push_options opts;
	git_proxy_options proxy;
	enum url_kind kind;
	char **specs = gv__xcalloc(n ? n : 1, sizeof(*specs));
	char(*tips)[GV__OID_HEX] = gv__xcalloc(n ? n : 1, sizeof(*tips));
	git_strarray array = {specs, n};
	int error, rc;

	memset(stats, 0, sizeof(*stats));
	if (n == 0) {
		free(specs);
		free(tips);
		return 0;
	}
	memset(&s, 0, sizeof(s));
	s.stats = stats;
	s.r = r;
	gv__cred_init(&s.cred);
	init_callbacks(&cb, &s);
	cb.push_update_reference = push_refused;
	cb.push_transfer_progress = push_progress;
	git_proxy_options_init(&proxy, GIT_PROXY_OPTIONS_VERSION);
	if ((error = push_specs(specs, tips, r, refs, n)) < 0 ||
	    (error = url_kind(&kind, url)) < 0)
		goto out;
	if (kind == URL_PATH || kind == URL_FILE) {
		error = push_local(stats, r, url, kind, refs, tips, n);
		goto out;
	}
	if ((error = remote_for(&rem, &kind, r, url)) < 0)
		goto out;
	if (kind == URL_HTTP || kind == URL_HTTPS)
		proxy.type = GIT_PROXY_AUTO;
	if ((rc = git_remote_connect(rem, GIT_DIRECTION_PUSH, &cb, &proxy,
	                             NULL)) < 0) {
		error = transfer_failed(&s.cred, url, rc);
		goto out;
	}
	if ((error = check_fast_forward(r, rem, url, refs, tips, n)) < 0)
		goto out;
	git_push_options_init(&opts, GIT_PUSH_OPTIONS_VERSION);
	opts.callbacks = cb;
	opts.proxy_opts = proxy;
	rc = git_remote_upload(rem, &array, &opts);
	if (rc == GIT_ENONFASTFORWARD) /* moved since check_fast_forward */
		error = diverged(url, n == 1 ? refs[0] : "a ref pushed");
	else if (rc < 0)
		error = transfer_failed(&s.cred, url, rc);
	else if (s.refused[0])
		error = gv__error_set(
		        GV_ERRCLASS_SYNC, GV_ECONFLICT,
		        "the remote refused %s (%s): fetch first; "
		        "if it is still refused, that ref was "
		        "written elsewhere",
		        s.refused, s.status);
	chain_progress(r, "sending objects", stats->objects, stats->objects);
out:
	gv__cred_done(&s.cred, error == 0);
	if (rem)
		git_remote_disconnect(rem);
	git_remote_free(rem);
	for (size_t i = 0; i < n; i++)
		free(specs[i]);
	free(specs);
	free(tips);
	return error;
}
