/* SPDX-License-Identifier: MIT */
/*
 * This file is the benchmarks' process meter: "cpu-bench RUNS CMD ARG..."
 * runs CMD RUNS times (its output thrown away) and prints, over the runs,
 * the median CPU time (user + system, of the process and whatever it
 * waited for) in seconds, the least and the most, and the median peak
 * memory (maximum resident set) in kilobytes: "median min max kb". CPU
 * time rather than the clock, so that a machine others share still
 * measures what the program does.
 *
 * "cpu-bench RUNS CMD ARG... --against REF ARG..." runs the two in turn,
 * CMD then REF, RUNS times each, and prints the line of each, CMD's
 * first. Taking turns matters for commands of a few milliseconds: run as
 * two blocks, whatever drifts on the machine between the blocks (another
 * process, the caches, the clock speed) fell on one side only, and
 * moved a ratio by a tenth from run to run where turns hold it within a
 * few hundredths (bench/README.md).
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

/* Sorts a side's runs and prints its line. */
static void
report(double *cpu, long *kb, int runs)
{
	qsort(cpu, (size_t)runs, sizeof(*cpu), cmp_double);
	qsort(kb, (size_t)runs, sizeof(*kb), cmp_long);
	printf("%.6f %.6f %.6f %ld\n", cpu[runs / 2], cpu[0], cpu[runs - 1],
	       kb[runs / 2]);
}

int
main(int argc, char **argv)
{
	double cpu[2][MAX_RUNS];
	long kb[2][MAX_RUNS];
	char **cmd[2] = {argv + 2, NULL};
	int runs, sides = 1, i, k;

	if (argc < 3 || (runs = atoi(argv[1])) < 1 || runs > MAX_RUNS) {
		fprintf(stderr, "usage: cpu-bench RUNS CMD [ARG...] "
		                "[--against REF [ARG...]]\n");
		return 2;
	}
	for (i = 2; i < argc; i++)
		if (!strcmp(argv[i], "--against") && i + 1 < argc) {
			argv[i] = NULL;
			cmd[1] = argv + i + 1;
			sides = 2;
			break;
		}
	for (i = 0; i < runs; i++)
		for (k = 0; k < sides; k++)
			if (run_once(&cpu[k][i], &kb[k][i], cmd[k]) < 0) {
				fprintf(stderr, "cpu-bench: %s failed\n",
				        cmd[k][0]);
				return 1;
			}
	for (k = 0; k < sides; k++)
		report(cpu[k], kb[k], runs);
	return 0;
}
