/* SPDX-License-Identifier: MIT */
/*
 * This file implements the servers of the transfer tests (see
 * remote_fixture.h).
 */
#define _XOPEN_SOURCE 700
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "chain_fixture.h"
#include "harness.h"
#include "internal.h"
#include "remote_fixture.h"

#define SSHD "/usr/sbin/sshd"

/* A port of 127.0.0.1 nothing listens on now. */
static int
free_port(void)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0), port = -1;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
	    getsockname(fd, (struct sockaddr *)&a, &len) == 0)
		port = ntohs(a.sin_port);
	if (fd >= 0)
		close(fd);
	return port;
}

/* Whether something accepts connections on the port (tried for 10 s
 * while the process lives). */
static int
wait_listening(pid_t pid, int port)
{
	struct sockaddr_in a;
	struct timespec pause = {0, 50 * 1000 * 1000};

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons((unsigned short)port);
	for (int i = 0; i < 200; i++) {
		int fd = socket(AF_INET, SOCK_STREAM, 0), ok;

		ok = fd >= 0 &&
		     connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0;
		if (fd >= 0)
			close(fd);
		if (ok)
			return 0;
		if (waitpid(pid, NULL, WNOHANG) == pid)
			return -1;
		nanosleep(&pause, NULL);
	}
	return -1;
}

/* Runs argv with its output in log, in the background; its pid. */
static pid_t
start(const char *const *argv, const char *log)
{
	pid_t pid = fork();

	if (pid == 0) {
		int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
		int null = open("/dev/null", O_RDONLY);

		if (fd < 0 || null < 0 || dup2(null, 0) < 0 ||
		    dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
			_exit(126);
		signal(SIGPIPE, SIG_DFL);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	return pid;
}

static int
started(struct rf_server *s, pid_t pid, const char *what, const char *log)
{
	s->pid = pid;
	if (pid > 0 && wait_listening(pid, s->port) == 0)
		return 0;
	t_fail(__FILE__, __LINE__, "%s did not start: %s", what,
	       t_read_file(log, NULL) ? t_read_file(log, NULL) : "no log");
	rf_stop(s);
	return -1;
}

void
rf_stop(struct rf_server *s)
{
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	s->pid = 0;
}

/* sshd's configuration: this folder's keys only, no other way in. */
static const char *
sshd_config(int port, const char *host_key, const char *authorized)
{
	char text[8192];

	snprintf(text, sizeof(text),
	         "Port %d\nListenAddress 127.0.0.1\nHostKey %s\n"
	         "AuthorizedKeysFile %s\nPidFile none\nStrictModes no\n"
	         "PasswordAuthentication no\nKbdInteractiveAuthentication "
	         "no\nUsePAM no\nPermitRootLogin prohibit-password\n"
	         "PubkeyAuthentication yes\nLogLevel VERBOSE\n",
	         port, host_key, authorized);
	return t_write_file("sshd_config", text);
}

int
rf_sshd_start(struct rf_server *s, const char *client_key)
{
	const char *host, *config, *argv[6];
	char known[8192], authorized[4096];
	struct stat st;

	memset(s, 0, sizeof(*s));
	if (access(SSHD, X_OK) != 0) {
		t_skip("sshd is not installed (" SSHD ": openssh-server)");
		return 1;
	}
	/* As root, sshd wants its privilege separation folder, which the
	 * service makes at boot. */
	if (geteuid() == 0 && stat("/run/sshd", &st) != 0 &&
	    mkdir("/run/sshd", 0755) != 0) {
		t_skip("sshd needs /run/sshd, which cannot be made");
		return 1;
	}
	snprintf(authorized, sizeof(authorized), "%s\n", cf_pub(client_key));
	if (!(host = cf_key("host_key", "host")) ||
	    !t_write_file("authorized_keys", authorized) ||
	    (s->port = free_port()) < 0 ||
	    !(config = sshd_config(s->port, host, t_path("authorized_keys"))))
		return -1;
	/* libgit2 checks the host against $HOME/.ssh/known_hosts. */
	rf_setenv("HOME", t_tmpdir());
	snprintf(known, sizeof(known), "[127.0.0.1]:%d %s\n", s->port,
	         cf_pub(host));
	if (mkdir(t_path(".ssh"), 0700) != 0 ||
	    !t_write_file(".ssh/known_hosts", known))
		return -1;
	argv[0] = SSHD;
	argv[1] = "-D";
	argv[2] = "-e";
	argv[3] = "-f";
	argv[4] = config;
	argv[5] = NULL;
	return started(s, start(argv, t_path("sshd.log")), "sshd",
	               t_path("sshd.log"));
}

int
rf_http_start(struct rf_server *s, const char *root, const char *user,
              const char *password, const char *cert, const char *key)
{
	char port[16], cred[256], script[4096];
	const char *argv[8];

	memset(s, 0, sizeof(*s));
	if (access("/usr/bin/python3", X_OK) != 0) {
		t_skip("python3 is not installed (/usr/bin/python3)");
		return 1;
	}
	if (!realpath("tests/git_http_server.py", script)) {
		t_fail(__FILE__, __LINE__,
		       "run the tests from the source "
		       "folder (tests/git_http_server.py)");
		return -1;
	}
	if ((s->port = free_port()) < 0)
		return -1;
	snprintf(port, sizeof(port), "%d", s->port);
	snprintf(cred, sizeof(cred), "%s:%s", user, password);
	argv[0] = "/usr/bin/python3";
	argv[1] = script;
	argv[2] = port;
	argv[3] = root;
	argv[4] = cred;
	argv[5] = cert;
	argv[6] = cert ? key : NULL;
	argv[7] = NULL;
	return started(s, start(argv, t_path("http.log")), "the http server",
	               t_path("http.log"));
}

/* Variables set by rf_setenv, with what they were. */
static struct {
	char *name, *old;
} saved[16];
static size_t nsaved;

void
rf_setenv(const char *name, const char *value)
{
	const char *old = getenv(name);

	if (nsaved < sizeof(saved) / sizeof(saved[0])) {
		saved[nsaved].name = gv__xstrdup(name);
		saved[nsaved++].old = old ? gv__xstrdup(old) : NULL;
	}
	setenv(name, value, 1);
}

void
rf_env_restore(void)
{
	while (nsaved > 0) {
		nsaved--;
		if (saved[nsaved].old)
			setenv(saved[nsaved].name, saved[nsaved].old, 1);
		else
			unsetenv(saved[nsaved].name);
		free(saved[nsaved].name);
		free(saved[nsaved].old);
	}
}
