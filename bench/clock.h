/* SPDX-License-Identifier: MIT */
/*
 * This file is the benchmark drivers' clock: seconds on the monotonic
 * clock, for differences only.
 */
#ifndef GV_BENCH_CLOCK_H
#define GV_BENCH_CLOCK_H

#include <time.h>

static inline double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif
