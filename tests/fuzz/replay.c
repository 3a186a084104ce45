/* SPDX-License-Identifier: MIT */
/*
 * This file is the main of a fuzz harness when libFuzzer is not there:
 * `make check` links each tests/fuzz/fuzz_<name>.c with it and runs every
 * file of the folders given (its seeds and past crashes) through
 * LLVMFuzzerTestOneInput once, so a fixed crash stays fixed without clang.
 */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

/* The sanitizers' hook, when they are linked in (make asan). */
void __sanitizer_set_death_callback(void (*callback)(void))
        __attribute__((weak));

static char current[4096];

/* Names the input that failed: ASan and UBSan reports do not. */
static void
say_input(void)
{
	static const char what[] = "fuzz replay: failed on ";

	if (write(2, what, sizeof(what) - 1) < 0 ||
	    write(2, current, strlen(current)) < 0 || write(2, "\n", 1) < 0)
		return;
}

static void
on_signal(int sig)
{
	say_input();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Feeds the file's bytes, exactly (libFuzzer's way: a read past the end
 * is a finding here too). */
static void
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	uint8_t *buf;
	size_t n;

	if (!f || fstat(fileno(f), &st) != 0) {
		perror(path);
		exit(1);
	}
	n = (size_t)st.st_size;
	if (!(buf = malloc(n ? n : 1)))
		abort();
	if (fread(buf, 1, n, f) != n) {
		perror(path);
		exit(1);
	}
	fclose(f);
	snprintf(current, sizeof(current), "%s", path);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
}

static int
not_hidden(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Replays path (a file, or each file under a folder); how many. */
static size_t
replay(const char *path)
{
	struct dirent **names;
	struct stat st;
	char file[4096];
	size_t count = 0;
	int n, i;

	if (stat(path, &st) != 0)
		return 0; /* no crashes kept for this harness */
	if (!S_ISDIR(st.st_mode)) {
		replay_file(path);
		return 1;
	}
	if ((n = scandir(path, &names, not_hidden, alphasort)) < 0) {
		perror(path);
		exit(1);
	}
	for (i = 0; i < n; i++) {
		snprintf(file, sizeof(file), "%s/%s", path, names[i]->d_name);
		count += replay(file);
		free(names[i]);
	}
	free(names);
	return count;
}

int
main(int argc, char **argv)
{
	const char *name =
	        strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	size_t inputs = 0;
	int i;

	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(say_input);
	signal(SIGSEGV, on_signal);
	signal(SIGABRT, on_signal);
	signal(SIGBUS, on_signal);
	signal(SIGFPE, on_signal);
	for (i = 1; i < argc; i++)
		inputs += replay(argv[i]);
	printf("%s: %zu inputs replayed\n", name, inputs);
	return 0;
}
