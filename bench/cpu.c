/* SPDX-License-Identifier: MIT */
/*
 * This file is the benchmarks' process meter: "cpu-bench RUNS CMD ARG..."
 * runs CMD RUNS times (its output thrown away) and prints, over the runs,
 * the median CPU time (user + system, of the process and whatever it
 * waited for) in seconds, the least and the most, and the median peak
 * memory (maximum resident set) in kilobytes: "median min max kb". CPU
 * time rather than the clock, so that a machine others share still
 * measures what the program does.
 */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child.h"

#define MAX_RUNS 101

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

/* One run: its CPU seconds and peak kilobytes; -1 when it failed. */
static int
run_once(double *cpu, long *kb, char **argv)
{
	struct rusage ru;
	int status, fd;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) >= 0)
			dup2(fd, 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	*cpu = bench_cpu(&ru);
	*kb = ru.ru_maxrss;
	return 0;
}

int
main(int argc, char **argv)
{
	double cpu[MAX_RUNS];
	long kb[MAX_RUNS];
	int runs, i;

	if (argc < 3 || (runs = atoi(argv[1])) < 1 || runs > MAX_RUNS) {
		fprintf(stderr, "usage: cpu-bench RUNS CMD [ARG...]\n");
		return 2;
	}
	for (i = 0; i < runs; i++)
		if (run_once(&cpu[i], &kb[i], argv + 2) < 0) {
			fprintf(stderr, "cpu-bench: %s failed\n", argv[2]);
			return 1;
		}
	qsort(cpu, (size_t)runs, sizeof(*cpu), cmp_double);
	qsort(kb, (size_t)runs, sizeof(*kb), cmp_long);
	printf("%.6f %.6f %.6f %ld\n", cpu[runs / 2], cpu[0], cpu[runs - 1],
	       kb[runs / 2]);
	return 0;
}
