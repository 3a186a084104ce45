/* SPDX-License-Identifier: MIT */
/*
 * This file is a build tool: it reads `nm -A` over the core's objects on
 * standard input, draws an edge from each file to every file that defines
 * a symbol it uses, and prints each cycle among them (the strongly
 * connected components of more than one file, with one path around
 * each). It exits 1 when there is one, so `make check` fails on a new
 * cycle: a module then depends on itself through others, and cannot be
 * understood, tested or replaced alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILES 256

struct sym {
	char *name;
	int file;
};

static char *files[MAX_FILES];
static int nfiles;
static struct sym *defs, *uses;
static size_t ndefs, nuses, adefs, auses;
static unsigned char edge[MAX_FILES][MAX_FILES];

static void *
xrealloc(void *p, size_t n)
{
	if (!(p = realloc(p, n))) {
		perror("cycles");
		exit(2);
	}
	return p;
}

static char *
xstrdup(const char *s)
{
	return strcpy(xrealloc(NULL, strlen(s) + 1), s);
}

static int
file_id(const char *name)
{
	for (int i = 0; i < nfiles; i++)
		if (!strcmp(files[i], name))
			return i;
	if (nfiles == MAX_FILES) {
		fprintf(stderr, "cycles: more than %d files\n", MAX_FILES);
		exit(2);
	}
	files[nfiles] = xstrdup(name);
	return nfiles++;
}

static void
add(struct sym **v, size_t *n, size_t *alloc, const char *name, int file)
{
	if (*n == *alloc) {
		*alloc = *alloc ? 2 * *alloc : 1024;
		*v = xrealloc(*v, *alloc * sizeof(**v));
	}
	(*v)[*n].name = xstrdup(name);
	(*v)[(*n)++].file = file;
}

/* "build/core/x.o:0000000000000000 T name" or "...:  U name". */
static void
read_nm(FILE *in)
{
	char line[4096], type, name[2048];

	while (fgets(line, sizeof(line), in)) {
		char *colon = strchr(line, ':'), *rest;

		if (!colon)
			continue;
		*colon = '\0';
		rest = colon + 1;
		rest += strspn(rest, "0123456789abcdef ");
		if (sscanf(rest, "%c %2047s", &type, name) != 2)
			continue;
		if (type == 'U')
			add(&uses, &nuses, &auses, name, file_id(line));
		else if (strchr("TDBRC", type))
			add(&defs, &ndefs, &adefs, name, file_id(line));
	}
}

static void
make_edges(void)
{
	for (size_t u = 0; u < nuses; u++)
		for (size_t d = 0; d < ndefs; d++)
			if (!strcmp(uses[u].name, defs[d].name) &&
			    uses[u].file != defs[d].file)
				edge[uses[u].file][defs[d].file] = 1;
}

/* Tarjan's strongly connected components. */
static int index_of[MAX_FILES], low[MAX_FILES], on_stack[MAX_FILES];
static int stack[MAX_FILES], nstack, next_index = 1, comp[MAX_FILES], ncomps;

static void
strongconnect(int v)
{
	index_of[v] = low[v] = next_index++;
	stack[nstack++] = v;
	on_stack[v] = 1;
	for (int w = 0; w < nfiles; w++) {
		if (!edge[v][w])
			continue;
		if (!index_of[w]) {
			strongconnect(w);
			if (low[w] < low[v])
				low[v] = low[w];
		} else if (on_stack[w] && index_of[w] < low[v]) {
			low[v] = index_of[w];
		}
	}
	if (low[v] == index_of[v]) {
		int w;

		ncomps++;
		do {
			w = stack[--nstack];
			on_stack[w] = 0;
			comp[w] = ncomps;
		} while (w != v);
	}
}

/* A shortest path from a back to a inside its component (breadth first),
 * printed as "a -> b -> ... -> a". */
static void
print_cycle(int a)
{
	int prev[MAX_FILES], queue[MAX_FILES], head = 0, tail = 0,
	                                       path[MAX_FILES], n = 0;

	for (int i = 0; i < nfiles; i++)
		prev[i] = -1;
	for (int w = 0; w < nfiles; w++)
		if (edge[a][w] && comp[w] == comp[a] && prev[w] < 0) {
			prev[w] = a;
			queue[tail++] = w;
		}
	while (head < tail && prev[a] < 0) {
		int v = queue[head++];

		for (int w = 0; w < nfiles; w++)
			if (edge[v][w] && comp[w] == comp[a] && prev[w] < 0) {
				prev[w] = v;
				queue[tail++] = w;
			}
	}
	for (int v = a; n == 0 || v != a; v = prev[v])
		path[n++] = v;
	printf("cycle: %s", files[a]);
	while (n-- > 0)
		printf(" -> %s", files[path[n]]);
	putchar('\n');
}

int
main(void)
{
	int found = 0;

	read_nm(stdin);
	make_edges();
	for (int v = 0; v < nfiles; v++)
		if (!index_of[v])
			strongconnect(v);
	for (int c = 1; c <= ncomps; c++) {
		int first = -1, size = 0;

		for (int v = 0; v < nfiles; v++)
			if (comp[v] == c && size++ == 0)
				first = v;
		if (size > 1) {
			printf("files that depend on each other:");
			for (int v = 0; v < nfiles; v++)
				if (comp[v] == c)
					printf(" %s", files[v]);
			printf("\n  ");
			print_cycle(first);
			found++;
		}
	}
	if (!found)
		printf("cycles: none among %d files\n", nfiles);
	return found ? 1 : 0;
}
