/* SPDX-License-Identifier: MIT */
/*
 * This file implements running a helper program (core/subprocess.h): with
 * posix_spawnp, so no shell ever reads an argument, its input fed and its
 * two outputs read together, so a full pipe never stalls either side.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"
#include "subprocess.h"

extern char **environ;

/* fd moved to 3 or above, closed on exec, so that dup2 onto 0, 1 and 2
 * in the child always makes a new descriptor even when this process was
 * started with one of those closed. */
static int
fd_high(int fd)
{
	int high;

	if (fd < 0)
		return -1;
	high = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	close(fd);
	return high;
}

static void
fd_close(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* One output stream being read. */
struct sink {
	struct gv_buf b;
	int fd;
};

/* Reads what fd has; closes it at its end. */
static void
sink_read(struct sink *s)
{
	char chunk[4096];
	ssize_t n = read(s->fd, chunk, sizeof(chunk));

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		fd_close(&s->fd);
		return;
	}
	if (s->b.size + (size_t)n <= GV__SUBPROCESS_OUT_MAX)
		gv__buf_put(&s->b, chunk, (size_t)n);
}

/*
 * Feeds input to in (a socket: send with MSG_NOSIGNAL, so a program that
 * exits without reading it all cannot kill us with SIGPIPE) while reading
 * both outputs, until the program closes them.
 */
static void
exchange(int in, struct sink *out, struct sink *err, const char *input,
         size_t len)
{
	size_t sent = 0;

	if (len == 0)
		fd_close(&in);
	while (in >= 0 || out->fd >= 0 || err->fd >= 0) {
		struct pollfd p[3] = {{in, POLLOUT, 0},
		                      {out->fd, POLLIN, 0},
		                      {err->fd, POLLIN, 0}};

		if (poll(p, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (in >= 0 && p[0].revents) {
			ssize_t n = send(in, input + sent, len - sent,
			                 MSG_NOSIGNAL);

			if (n > 0)
				sent += (size_t)n;
			if ((n < 0 && errno != EINTR && errno != EAGAIN) ||
			    sent == len)
				fd_close(&in);
		}
		if (out->fd >= 0 && p[1].revents)
			sink_read(out);
		if (err->fd >= 0 && p[2].revents)
			sink_read(err);
	}
	fd_close(&in);
	fd_close(&out->fd);
	fd_close(&err->fd);
}

/* Starts the program with its three streams; the child's ends are closed
 * here once it has them. */
static int
start(pid_t *pid, const char *const *argv, int child[3])
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t dfl;
	int rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawnattr_init(&attr);
	for (int i = 0; i < 3; i++)
		posix_spawn_file_actions_adddup2(&fa, child[i], i);
	/* The program gets SIGPIPE's default action whatever ours is. */
	sigemptyset(&dfl);
	sigaddset(&dfl, SIGPIPE);
	posix_spawnattr_setsigdefault(&attr, &dfl);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawnp(pid, argv[0], &fa, &attr, (char *const *)argv,
	                  environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	for (int i = 0; i < 3; i++)
		fd_close(&child[i]);
	return rc;
}

int
gv__subprocess_run(struct gv__subprocess *out, enum gv_error_class klass,
                   const char *hint, const char *const *argv, const char *input,
                   size_t len)
{
	struct sink o = {GV_BUF_INIT, -1}, e = {GV_BUF_INIT, -1};
	int sv[2] = {-1, -1}, po[2] = {-1, -1}, pe[2] = {-1, -1};
	int child[3], status = 0, rc;
	pid_t pid;

	memset(out, 0, sizeof(*out));
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0 || pipe(po) < 0 ||
	    pipe(pe) < 0) {
		rc = errno;
		for (int i = 0; i < 2; i++)
			fd_close(&sv[i]), fd_close(&po[i]), fd_close(&pe[i]);
		return gv__error_set(klass, GV_ERROR, "cannot run %s: %s",
		                     argv[0], strerror(rc));
	}
	child[0] = fd_high(sv[1]);
	child[1] = fd_high(po[1]);
	child[2] = fd_high(pe[1]);
	sv[0] = fd_high(sv[0]);
	o.fd = fd_high(po[0]);
	e.fd = fd_high(pe[0]);
	/* Never blocked in send while the program waits for us to read. */
	if (sv[0] >= 0)
		fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
	if (child[0] < 0 || child[1] < 0 || child[2] < 0 || sv[0] < 0 ||
	    o.fd < 0 || e.fd < 0)
		rc = EMFILE;
	else
		rc = start(&pid, argv, child);
	if (rc != 0) {
		for (int i = 0; i < 3; i++)
			fd_close(&child[i]);
		fd_close(&sv[0]), fd_close(&o.fd), fd_close(&e.fd);
		return gv__error_set(klass, GV_ENOTFOUND,
		                     "cannot run %s: %s: %s", argv[0],
		                     strerror(rc), hint);
	}
	exchange(sv[0], &o, &e, input, len);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	out->status = WIFEXITED(status) ? WEXITSTATUS(status)
	                                : 128 + WTERMSIG(status);
	out->out_len = o.b.size;
	out->out = gv__buf_detach(&o.b);
	out->err_len = e.b.size;
	out->err = gv__buf_detach(&e.b);
	return 0;
}

void
gv__subprocess_dispose(struct gv__subprocess *r)
{
	free(r->out);
	free(r->err);
	memset(r, 0, sizeof(*r));
}

char *
gv__subprocess_line(const char *text, const char *fallback)
{
	size_t n = strcspn(text, "\n"), start = 0;
	char *line;

	while (start < n && (text[start] == ' ' || text[start] == '\t'))
		start++;
	while (n > start && (unsigned char)text[n - 1] <= ' ')
		n--;
	if (n - start > 200)
		n = start + 200;
	if (n == start)
		return gv__xstrdup(fallback);
	line = gv__xstrndup(text + start, n - start);
	/* What a helper printed goes into messages that reach a terminal:
	 * nothing there may be a control character. */
	for (char *p = line; *p; p++)
		if ((unsigned char)*p < ' ' || (unsigned char)*p >= 0x7f)
			*p = '?';
	return line;
}
