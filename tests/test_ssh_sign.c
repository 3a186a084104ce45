/* SPDX-License-Identifier: MIT */
/*
 * This file tests SSH signatures as git makes them (core/ssh_sign.c) and
 * on chain commits (core/git_chain.c): what gavel signs `git
 * verify-commit` accepts, what git signs gavel verifies, and a wrong key,
 * changed bytes or a principal the allowed signers do not list are each
 * refused with their reason. Keys are throwaway ed25519 keys made in the
 * test's folder.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chain_fixture.h"
#include "gavel/error.h"
#include "harness.h"
#include "ssh_sign.h"

#define REF  "refs/gavel/smcwg/ann"
#define DATA "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nhello\n"

/* git's allowed-signers line for a principal and a key. */
static const char *
allowed(const char *principal, const char *key)
{
	static char line[2048];

	snprintf(line, sizeof(line), "%s %s\n", principal, cf_pub(key));
	return line;
}

static void
sign_verify_round_trip(void)
{
	const char *key;
	char *sig = NULL, *why = NULL;
	int ok = -1;

	if (!cf_need("ssh-keygen"))
		return;
	T_ASSERT((key = cf_key("ann", "ann@example.org")) != NULL);
	T_OK(gv__ssh_sign(&sig, key, DATA, strlen(DATA)));
	t_keep(sig);
	T_ASSERT(strncmp(sig, "-----BEGIN SSH SIGNATURE-----\n", 30) == 0);
	/* Without its final newline, as git's gpgsig header wants it. */
	T_ASSERT(sig[strlen(sig) - 1] == '-');
	T_OK(gv__ssh_verify(&ok, &why, allowed("ann@example.org", key),
	                    "ann@example.org", sig, DATA, strlen(DATA)));
	T_EQ_INT(ok, 1);
	T_ASSERT(why == NULL);
}

/* Signs DATA with key and verifies it as principal against the allowed
 * signers; ok and why (kept) come back. */
static int
check(int *ok, char **why, const char *key, const char *signers,
      const char *principal, const char *data)
{
	char *sig = NULL;
	int error;

	if ((error = gv__ssh_sign(&sig, key, DATA, strlen(DATA))) < 0)
		return error;
	error = gv__ssh_verify(ok, why, signers, principal, sig, data,
	                       strlen(data));
	free(sig);
	if (*why)
		t_keep(*why);
	return error;
}

static void
verify_refuses_wrong_key(void)
{
	const char *ann, *eve;
	char *why = NULL;
	int ok = -1;

	if (!cf_need("ssh-keygen"))
		return;
	T_ASSERT((ann = cf_key("ann", "ann")) != NULL);
	T_ASSERT((eve = cf_key("eve", "eve")) != NULL);
	/* Eve signs as Ann; only Ann's key is allowed for Ann. */
	T_OK(check(&ok, &why, eve, allowed("ann@example.org", ann),
	           "ann@example.org", DATA));
	T_EQ_INT(ok, 0);
	T_CONTAINS(why, "is not an allowed signer for ann@example.org");
	T_CONTAINS(why, "ED25519 key SHA256:");
	T_ASSERT(strchr(why, '\n') == NULL);
}

static void
verify_refuses_tampered_data(void)
{
	const char *ann;
	char *why = NULL;
	int ok = -1;

	if (!cf_need("ssh-keygen"))
		return;
	T_ASSERT((ann = cf_key("ann", "ann")) != NULL);
	T_OK(check(&ok, &why, ann, allowed("ann@example.org", ann),
	           "ann@example.org",
	           "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nhellO\n"));
	T_EQ_INT(ok, 0);
	T_CONTAINS(why, "incorrect signature");
}

static void
verify_refuses_unlisted_principal(void)
{
	const char *ann;
	char *why = NULL;
	int ok = -1;

	if (!cf_need("ssh-keygen"))
		return;
	T_ASSERT((ann = cf_key("ann", "ann")) != NULL);
	/* Ann's key, listed for Ann, does not speak for Bob. */
	T_OK(check(&ok, &why, ann, allowed("ann@example.org", ann),
	           "bob@example.org", DATA));
	T_EQ_INT(ok, 0);
	T_CONTAINS(why, "is not an allowed signer for bob@example.org");
}

static void
verify_cleans_reason(void)
{
	const char *ann;
	char *why = NULL;
	int ok = -1;

	if (!cf_need("ssh-keygen"))
		return;
	T_ASSERT((ann = cf_key("ann", "ann")) != NULL);
	/* The reason names the principal, which came from outside: one
	 * clean line, whatever it held. */
	T_OK(check(&ok, &why, ann, allowed("ann@example.org", ann),
	           "ann@example.org\x1b]0;owned\a\n", DATA));
	T_EQ_INT(ok, 0);
	T_CONTAINS(why, "for ann@example.org?]0;owned");
	for (const char *p = why; *p; p++)
		T_ASSERT((unsigned char)*p >= ' ' && (unsigned char)*p < 0x7f);
	/* Not a signature at all: ssh-keygen's own words. */
	T_OK(gv__ssh_verify(&ok, &why, allowed("ann@example.org", ann),
	                    "ann@example.org", "junk", DATA, strlen(DATA)));
	t_keep(why);
	T_EQ_INT(ok, 0);
	T_CONTAINS(why, "signature");
}

static void
verify_without_ssh_keygen(void)
{
	char *old = getenv("PATH") ? t_keep(strdup(getenv("PATH"))) : NULL;
	char *why = NULL;
	int ok = -1, rc;

	setenv("PATH", t_tmpdir(), 1); /* an empty folder */
	rc = gv__ssh_verify(&ok, &why, "", "ann@example.org", "sig", DATA,
	                    strlen(DATA));
	if (old)
		setenv("PATH", old, 1);
	T_EQ_INT(rc, GV_ENOTFOUND);
	T_CONTAINS(gv_error_last()->message, "cannot run ssh-keygen");
	T_CONTAINS(gv_error_last()->message, "install");
	T_EQ_INT(ok, 0);
}

static void
sign_refuses_bad_key_paths(void)
{
	char *sig = NULL;

	T_REFUSED(gv__ssh_sign(&sig, "-oProxyCommand=x", DATA, strlen(DATA)),
	          GV_EINVALID, "does not start with '-'");
	T_REFUSED(gv__ssh_sign(&sig, "key\nfile", DATA, strlen(DATA)),
	          GV_EINVALID, "line break");
	T_ASSERT(sig == NULL);
	if (!cf_need("ssh-keygen"))
		return;
	T_REFUSED(gv__ssh_sign(&sig, t_path("nokey"), DATA, strlen(DATA)),
	          GV_ERROR, "cannot sign with");
	T_CONTAINS(gv_error_last()->message, "No such file");
	T_ASSERT(sig == NULL);
}

/* The signature and signed bytes of the one commit walked. */
struct signed_link {
	char *sig, *data;
	size_t len;
	char email[64];
};

static int
take_signature(const struct gv__chain_link *link, void *ctx)
{
	struct signed_link *s = ctx;

	if (!link->signature)
		return 0;
	s->sig = t_keep(strdup(link->signature));
	s->data = t_keep(malloc(link->signed_len + 1));
	memcpy(s->data, link->signed_data, link->signed_len);
	s->data[link->signed_len] = '\0';
	s->len = link->signed_len;
	snprintf(s->email, sizeof(s->email), "%s", link->email);
	return 0;
}

/* git verify-commit with gpg.format=ssh over commit in repo: its exit
 * status. */
static int
git_verify(const char *repo, const char *signers_file, const char *commit)
{
	return cf_sh("git --git-dir='%s' -c gpg.format=ssh "
	             "-c gpg.ssh.allowedSignersFile='%s' verify-commit %s "
	             ">/dev/null 2>&1",
	             t_path(repo), signers_file, commit);
}

static void
signed_append_git_verifies(void)
{
	struct gv__chain_repo *r = NULL;
	struct gv__chain_commit c = {0};
	struct signed_link s = {0};
	const char *ann, *eve, *signers;
	char id[GV__OID_HEX], *why = NULL;
	int ok = -1;

	if (!cf_need("ssh-keygen") || !cf_need("git"))
		return;
	T_ASSERT((ann = cf_key("ann", "ann")) != NULL);
	T_ASSERT((eve = cf_key("eve", "eve")) != NULL);
	T_ASSERT((r = cf_repo("c.git")) != NULL);
	c.ref = REF;
	c.expect = "";
	c.ops = "op";
	c.len = 2;
	c.name = "Ann Chair";
	c.email = "ann@example.org";
	c.when = 1734537600;
	c.message = "gavel operations\n";
	c.signing_key = ann;
	T_OK(gv__chain_append(id, r, &c));
	T_OK(gv__chain_walk(r, id, "", take_signature, &s));
	gv__chain_free(r);
	T_ASSERT(s.sig != NULL);
	T_EQ_STR(s.email, "ann@example.org");
	/* git accepts it as its own ... */
	signers = t_write_file("allowed", allowed("ann@example.org", ann));
	T_EQ_INT(git_verify("c.git", signers, id), 0);
	/* ... and not against another key. */
	signers = t_write_file("allowed-eve", allowed("ann@example.org", eve));
	T_ASSERT(git_verify("c.git", signers, id) != 0);
	/* gavel reads back the bytes signed and verifies them, and not
	 * once they are changed. */
	T_OK(gv__ssh_verify(&ok, &why, allowed("ann@example.org", ann),
	                    "ann@example.org", s.sig, s.data, s.len));
	T_EQ_INT(ok, 1);
	T_ASSERT(strstr(s.data, "gpgsig") == NULL);
	s.data[s.len - 2] ^= 1;
	T_OK(gv__ssh_verify(&ok, &why, allowed("ann@example.org", ann),
	                    "ann@example.org", s.sig, s.data, s.len));
	t_keep(why);
	T_EQ_INT(ok, 0);
}

static void
git_signed_commit_verifies(void)
{
	struct gv__chain_repo *r = NULL;
	struct signed_link s = {0};
	const char *ann;
	char cmd[8192], id[GV__OID_HEX], *out, *why = NULL;
	int ok = -1;

	if (!cf_need("ssh-keygen") || !cf_need("git"))
		return;
	T_ASSERT((ann = cf_key("ann", "ann")) != NULL);
	T_ASSERT((r = cf_repo("c.git")) != NULL);
	/* A chain commit made by git itself, signed as `git commit -S`
	 * signs with gpg.format=ssh. */
	snprintf(cmd, sizeof(cmd),
	         "cd '%s' && blob=$(printf op | git --git-dir=c.git "
	         "hash-object -w --stdin) && tree=$(printf '100644 blob "
	         "%%s\\tops\\n' $blob | git --git-dir=c.git mktree) && "
	         "GIT_AUTHOR_NAME=Ann GIT_AUTHOR_EMAIL=ann@example.org "
	         "GIT_COMMITTER_NAME=Ann GIT_COMMITTER_EMAIL=ann@example.org "
	         "git --git-dir=c.git -c gpg.format=ssh -c "
	         "user.signingkey='%s' commit-tree -S -m ops $tree",
	         t_tmpdir(), ann);
	T_ASSERT((out = t_shell_output(cmd)) != NULL);
	snprintf(id, sizeof(id), "%.40s", out);
	T_OK(gv__chain_walk(r, id, "", take_signature, &s));
	gv__chain_free(r);
	T_ASSERT(s.sig != NULL);
	T_OK(gv__ssh_verify(&ok, &why, allowed("ann@example.org", ann),
	                    "ann@example.org", s.sig, s.data, s.len));
	T_EQ_INT(ok, 1);
}

static void
sign_with_agent(void)
{
	struct gv__chain_repo *r = NULL;
	struct gv__chain_commit c = {0};
	const char *ann, *signers;
	char id[GV__OID_HEX], pub[4200], hidden[4200];
	int rc;

	if (!cf_need("ssh-keygen") || !cf_need("ssh-agent") ||
	    !cf_need("ssh-add") || !cf_need("git"))
		return;
	T_ASSERT((ann = cf_key("ann", "ann")) != NULL);
	if (cf_agent_start(ann) < 0)
		return;
	/* Only the public half is on disk: the agent signs. */
	snprintf(pub, sizeof(pub), "%s.pub", ann);
	snprintf(hidden, sizeof(hidden), "%s/elsewhere", t_tmpdir());
	c.ref = REF;
	c.expect = "";
	c.ops = "op";
	c.len = 2;
	c.name = "Ann Chair";
	c.email = "ann@example.org";
	c.when = 1734537600;
	c.message = "gavel operations\n";
	c.signing_key = pub;
	if (rename(ann, hidden) < 0 || !(r = cf_repo("c.git")))
		rc = -1;
	else
		rc = gv__chain_append(id, r, &c);
	gv__chain_free(r);
	cf_agent_stop();
	T_OK(rc);
	signers = t_write_file("allowed", allowed("ann@example.org", ann));
	T_EQ_INT(git_verify("c.git", signers, id), 0);
}

const struct t_case ssh_sign_tests[] = {
        {"sign_verify_round_trip", sign_verify_round_trip},
        {"verify_refuses_wrong_key", verify_refuses_wrong_key},
        {"verify_refuses_tampered_data", verify_refuses_tampered_data},
        {"verify_refuses_unlisted_principal",
         verify_refuses_unlisted_principal},
        {"verify_cleans_reason", verify_cleans_reason},
        {"verify_without_ssh_keygen", verify_without_ssh_keygen},
        {"sign_refuses_bad_key_paths", sign_refuses_bad_key_paths},
        {"signed_append_git_verifies", signed_append_git_verifies},
        {"git_signed_commit_verifies", git_signed_commit_verifies},
        {"sign_with_agent", sign_with_agent},
        {NULL, NULL},
};
