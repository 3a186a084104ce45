/* SPDX-License-Identifier: MIT */
/*
 * This file writes the tests of the official Mustache spec (the JSON files
 * of a folder such as ../shared/data/mustache-spec) as seeds for
 * fuzz_mustache.c, one file per test in its input's shape: the template,
 * "--- data" and the data, "--- NAME" and each partial. `make fuzz` runs
 * it into build-fuzz/; the spec is never copied into the tree.
 *
 *   mustache-spec-seeds SPEC_DIR OUT_DIR
 */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

static int
is_spec(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return n > 5 && !strcmp(e->d_name + n - 5, ".json");
}

/* One test as a seed; 0, or -1 when it could not be written. */
static int
seed_write(const char *path, json_t *test)
{
	json_t *partials = json_object_get(test, "partials"), *text;
	const char *name;
	char *data = json_dumps(json_object_get(test, "data"),
	                        JSON_ENCODE_ANY | JSON_COMPACT);
	FILE *f = fopen(path, "wb");
	int error = 0;

	if (!f || !data) {
		free(data);
		if (f)
			fclose(f);
		return -1;
	}
	fprintf(f, "%s\n--- data\n%s",
	        json_string_value(json_object_get(test, "template")), data);
	json_object_foreach (partials, name, text) {
		fprintf(f, "\n--- %s\n%s", name, json_string_value(text));
	}
	free(data);
	if (ferror(f))
		error = -1;
	if (fclose(f) != 0)
		error = -1;
	return error;
}

/* Every test of one spec file; how many, or -1. */
static int
spec_write(const char *dir, const char *file, const char *out)
{
	char path[4096];
	json_error_t e;
	json_t *doc, *test;
	size_t i;
	int n = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if (!(doc = json_load_file(path, 0, &e))) {
		fprintf(stderr, "%s:%d: %s\n", path, e.line, e.text);
		return -1;
	}
	json_array_foreach (json_object_get(doc, "tests"), i, test) {
		if (!json_is_string(json_object_get(test, "template")))
			continue;
		/* "interpolation.json-12": the ~ of optional modules is
		 * dropped, so no shell or make needs it quoted. */
		snprintf(path, sizeof(path), "%s/%s-%zu", out,
		         file + (file[0] == '~'), i);
		if (seed_write(path, test) < 0) {
			perror(path);
			json_decref(doc);
			return -1;
		}
		n++;
	}
	json_decref(doc);
	return n;
}

int
main(int argc, char **argv)
{
	struct dirent **names;
	int n, i, seeds = 0, one;

	if (argc != 3) {
		fprintf(stderr, "usage: %s SPEC_DIR OUT_DIR\n", argv[0]);
		return 2;
	}
	if ((n = scandir(argv[1], &names, is_spec, alphasort)) < 0) {
		perror(argv[1]);
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (seeds >= 0 &&
		    (one = spec_write(argv[1], names[i]->d_name, argv[2])) >= 0)
			seeds += one;
		else
			seeds = -1;
		free(names[i]);
	}
	free(names);
	return seeds < 0;
}
