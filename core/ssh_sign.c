/* SPDX-License-Identifier: MIT */
/*
 * This file implements SSH signatures as git makes them with
 * gpg.format=ssh (core/ssh_sign.h), through OpenSSH's ssh-keygen: the
 * namespace is "git", the signed bytes are the commit without its gpgsig
 * header, so `git verify-commit` accepts what is signed here and this
 * accepts what git signs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "subprocess.h"
#include "ssh_sign.h"

#define INSTALL_HINT "install OpenSSH's client (ssh-keygen)"
#define ARMOR_BEGIN  "-----BEGIN SSH SIGNATURE-----"

/* What ssh-keygen said, without the notice it prints on every run. */
static char *
keygen_reason(const char *err, const char *fallback)
{
	static const char notice[] = "Signing data on standard input\n";

	if (strncmp(err, notice, sizeof(notice) - 1) == 0)
		err += sizeof(notice) - 1;
	return gv__subprocess_line(err, fallback);
}

int
gv__ssh_sign(char **sig, const char *key, const char *data, size_t len)
{
	const char *argv[] = {"ssh-keygen", "-Y", "sign", "-n",
	                      "git",        "-f", key,    NULL};
	struct gv__subprocess run;
	char *why, *shown;
	int error;

	*sig = NULL;
	/* ssh-keygen would read either as something else than a file. */
	if (!*key || key[0] == '-' || strpbrk(key, "\r\n"))
		return gv__error_set(GV_ERRCLASS_SYNC, GV_EINVALID,
		                     "the signing key must be a file path that "
		                     "does not start with '-' or hold a line "
		                     "break");
	if ((error = gv__subprocess_run(&run, GV_ERRCLASS_SYNC, INSTALL_HINT,
	                                argv, data, len)) < 0)
		return error;
	while (run.out_len > 0 && run.out[run.out_len - 1] == '\n')
		run.out[--run.out_len] = '\0';
	if (run.status == 0 &&
	    strncmp(run.out, ARMOR_BEGIN, sizeof(ARMOR_BEGIN) - 1) == 0) {
		*sig = run.out;
		run.out = NULL;
		gv__subprocess_dispose(&run);
		return 0;
	}
	why = keygen_reason(run.err, "ssh-keygen gave no signature");
	shown = gv__subprocess_line(key, "");
	error = gv__error_set(GV_ERRCLASS_SYNC, GV_ERROR,
	                      "cannot sign with %s: %s: give a private key "
	                      "file, or the public one of a key ssh-agent "
	                      "holds (ssh-add)",
	                      shown, why);
	free(shown);
	free(why);
	gv__subprocess_dispose(&run);
	return error;
}

/* Writes text to dir/name, readable by us alone; its path or NULL. */
static char *
private_file(const char *dir, const char *name, const char *text)
{
	char *path = gv__xsprintf("%s/%s", dir, name);
	size_t len = strlen(text);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);

	/* ssh-keygen reads the last line only when it ends. */
	if (fd < 0 || gv__write_all(fd, text, len) < 0 ||
	    (len && text[len - 1] != '\n' && write(fd, "\n", 1) != 1) ||
	    close(fd) < 0) {
		if (fd >= 0)
			unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

/*
 * Why a signature that ssh-keygen did not verify fails, when it did not
 * say: a signature that is sound in itself was made by a key the allowed
 * signers do not list for principal.
 */
static char *
not_listed(const char *sig_path, const char *principal, const char *data,
           size_t len)
{
	const char *argv[] = {"ssh-keygen", "-Y", "check-novalidate", "-n",
	                      "git",        "-s", sig_path,           NULL};
	struct gv__subprocess run;
	const char *key;
	char *who, *why;

	if (gv__subprocess_run(&run, GV_ERRCLASS_SYNC, INSTALL_HINT, argv, data,
	                       len) < 0)
		return gv__xstrdup("the signature does not verify");
	if (run.status != 0) {
		why = keygen_reason(run.err, "the signature does not verify");
	} else {
		key = strstr(run.out, " with ");
		key = key ? key + strlen(" with ") : "its key";
		who = gv__subprocess_line(principal, "(no principal)");
		why = gv__xsprintf("%.*s is not an allowed signer for %s",
		                   (int)strcspn(key, "\n"), key, who);
		free(who);
	}
	gv__subprocess_dispose(&run);
	return why;
}

/* Runs the verification on the two files; *why is set when it fails. */
static int
verify_files(int *ok, char **why, const char *allowed, const char *sig,
             const char *principal, const char *data, size_t len)
{
	const char *argv[] = {"ssh-keygen", "-Y", "verify",  "-f",
	                      allowed,      "-I", principal, "-n",
	                      "git",        "-s", sig,       NULL};
	struct gv__subprocess run;
	int error;

	if ((error = gv__subprocess_run(&run, GV_ERRCLASS_SYNC, INSTALL_HINT,
	                                argv, data, len)) < 0)
		return error;
	*ok = run.status == 0;
	if (!*ok && run.err_len > 0)
		*why = keygen_reason(run.err, "the signature does not verify");
	else if (!*ok)
		*why = not_listed(sig, principal, data, len);
	gv__subprocess_dispose(&run);
	return 0;
}

int
gv__ssh_verify(int *ok, char **why, const char *allowed_signers,
               const char *principal, const char *signature, const char *data,
               size_t len)
{
	const char *base = getenv("TMPDIR");
	char *dir, *allowed = NULL, *sig = NULL;
	int error;

	*ok = 0;
	*why = NULL;
	dir = gv__xsprintf("%s/gavel-verify-XXXXXX",
	                   base && *base ? base : "/tmp");
	/* mkdtemp makes it 0700: no one else reads or swaps the files. */
	if (!mkdtemp(dir)) {
		error = gv__error_set(GV_ERRCLASS_SYNC, GV_ERROR,
		                      "cannot make a temporary folder in %s: "
		                      "%s: set TMPDIR to one you can write",
		                      base && *base ? base : "/tmp",
		                      strerror(errno));
		free(dir);
		return error;
	}
	if (!(allowed =
	              private_file(dir, "allowed_signers", allowed_signers)) ||
	    !(sig = private_file(dir, "signature", signature)))
		error = gv__error_set(GV_ERRCLASS_SYNC, GV_ERROR,
		                      "cannot write in %s: %s", dir,
		                      strerror(errno));
	else
		error = verify_files(ok, why, allowed, sig, principal, data,
		                     len);
	if (allowed)
		unlink(allowed);
	if (sig)
		unlink(sig);
	rmdir(dir);
	free(allowed);
	free(sig);
	free(dir);
	return error;
}
