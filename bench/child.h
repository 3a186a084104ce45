/* SPDX-License-Identifier: MIT */
/*
 * This file is the benchmark drivers' process meter: a command run as a
 * child, with the CPU time (user + system) and peak resident set that
 * wait4 counts for it, so other load on the machine does not count.
 */
#ifndef GV_BENCH_CHILD_H
#define GV_BENCH_CHILD_H

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs argv with its standard output read from a pipe and dropped, as a
 * reader of it would, and waits for it: 0 with *ru and *status, or -1. */
static inline int
bench_child(char **argv, struct rusage *ru, int *status)
{
	char buf[65536];
	int fds[2];
	pid_t pid;

	if (pipe(fds) < 0)
		return -1;
	if ((pid = fork()) == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	while (read(fds[0], buf, sizeof(buf)) > 0)
		;
	close(fds[0]);
	return pid < 0 || wait4(pid, status, 0, ru) < 0 ? -1 : 0;
}

/* The CPU seconds of a child, user and system. */
static inline double
bench_cpu(const struct rusage *ru)
{
	return (double)ru->ru_utime.tv_sec +
	       (double)ru->ru_utime.tv_usec / 1e6 +
	       (double)ru->ru_stime.tv_sec + (double)ru->ru_stime.tv_usec / 1e6;
}

#endif
