/* SPDX-License-Identifier: MIT */
/*
 * This file fuzzes the Mustache engine (gv_mustache_render): a template, its
 * JSON data and its partials, as a user's templates folder and --data file
 * give them. The input is split into sections at lines that start "--- ":
 *
 *   TEMPLATE
 *   --- data
 *   {"JSON": "data"}
 *   --- NAME
 *   the partial NAME
 *
 * "--- data" renders as the spec does (HTML escaping, a missing partial
 * is empty); "--- data markdown" and "--- data none" as gavel's own
 * templates do (that escaping, a missing partial is an error).
 */
#include "fuzz.h"
#include "gavel/error.h"
#include "gavel/template.h"

#define MAX_PARTIALS 16

struct input {
	char *text; /* the input, NUL-terminated, cut into sections */
	const char *template;
	const char *data; /* NULL: no "--- data" section */
	struct gv_mustache_opts opts;
	const char *name[MAX_PARTIALS], *partial[MAX_PARTIALS];
	size_t npartials;
};

static int
partial_find(char **text, const char *name, void *payload)
{
	const struct input *in = payload;
	size_t i;

	for (i = 0; i < in->npartials; i++)
		if (!strcmp(in->name[i], name)) {
			*text = strdup(in->partial[i]);
			if (!*text)
				abort();
			return 0;
		}
	return GV_ENOTFOUND;
}

/* "data", "data markdown" or "data none" (after "data"): the escaping. */
static int
data_header(struct input *in, const char *rest)
{
	if (!strcmp(rest, " markdown"))
		in->opts.escape = GV_ESCAPE_MARKDOWN;
	else if (!strcmp(rest, " none"))
		in->opts.escape = GV_ESCAPE_NONE;
	else if (*rest)
		return 0; /* a partial named "data..." */
	in->opts.lenient = in->opts.escape == GV_ESCAPE_HTML;
	return 1;
}

static void
input_split(struct input *in, const uint8_t *data, size_t size)
{
	char *s, *next, *header, *nl;

	memset(in, 0, sizeof(*in));
	in->text = fuzz_string(data, size);
	in->template = in->text;
	in->opts.escape = GV_ESCAPE_HTML;
	in->opts.partial = partial_find;
	in->opts.payload = in;
	in->opts.lenient = 1;
	for (s = strstr(in->text, "\n--- "); s; s = next) {
		*s = '\0'; /* ends the section before */
		header = s + 5;
		if (!(nl = strchr(header, '\n')))
			break;
		/* Found before the header is cut: an empty section is
		 * followed at once by the next header. */
		next = strstr(nl, "\n--- ");
		*nl = '\0';
		if (!strncmp(header, "data", 4) && data_header(in, header + 4))
			in->data = next == nl ? nl : nl + 1;
		else if (in->npartials < MAX_PARTIALS) {
			in->name[in->npartials] = header;
			in->partial[in->npartials++] = next == nl ? nl : nl + 1;
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in;
	size_t len = 0;
	char *out = NULL;

	input_split(&in, data, size);
	if (gv_mustache_render(&out, &len, "fuzz.md", in.template, in.data,
	                       &in.opts) == 0)
		FUZZ_CHECK(out && out[len] == '\0');
	else
		FUZZ_CHECK(gv_error_last()->message[0] != '\0');
	free(out);
	free(in.text);
	return 0;
}
