/* SPDX-License-Identifier: MIT */
/*
 * This file is the rendering benchmark's driver: 1,000 generated documents
 * of realistic size (a roster of 60 organisations, 40 sections of notes)
 * through gavel's Mustache engine and Markdown to HTML, in one process.
 * "render-bench prepare DIR" writes the rendered Markdown of each document
 * for the reference run (cmark-gfm alone); "render-bench time" prints the
 * seconds gavel takes for the whole pipeline.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gavel/gavel.h"
#include "clock.h"

#define DOCS     1000
#define ORGS     60
#define SECTIONS 40

static const char template[] =
        "# {{title}}\n\n"
        "Minutes of the {{body}} call of {{date}}. Minute-taker: {{taker}}.\n\n"
        "## Attendance\n\n"
        "| Organisation | Class | Representatives |\n"
        "|---|---|---|\n"
        "{{#orgs}}\n| {{name}} | {{class}} | {{reps}} |\n{{/orgs}}\n\n"
        "{{#sections}}\n## {{n}}. "
        "{{heading}}\n\n{{{notes}}}\n\n{{/sections}}\n";

/* The data of document i, as JSON text. */
static char *
make_data(int i)
{
	size_t cap = 1 << 16, len = 0;
	char *s = malloc(cap);
	int o;

#define PUT(...) len += (size_t)snprintf(s + len, cap - len, __VA_ARGS__)
	PUT("{\"title\": \"Minutes of SMCWG, call %d\", \"body\": \"SMCWG\","
	    " \"date\": \"2024-12-%02d\", \"taker\": \"Stephen Davidson\","
	    " \"orgs\": [",
	    i, 1 + i % 28);
	for (o = 0; o < ORGS; o++)
		PUT("%s{\"name\": \"Organisation %d-%d (Trust *Services*)\","
		    " \"class\": \"%s\", \"reps\": \"Person %d, Person %d\"}",
		    o ? ", " : "", i, o, o % 5 ? "issuer" : "consumer", o,
		    o + 1);
	PUT("], \"sections\": [");
	for (o = 0; o < SECTIONS; o++)
		PUT("%s{\"n\": %d, \"heading\": \"Discussion of issue #%d\","
		    " \"notes\": \"The WG discussed **ballot SMC0%d** and the "
		    "draft at https://github.com/cabforum/smime/pull/%d. "
		    "Stephen noted that the _IPR review_ ends on 2024-12-22 "
		    "and that the text of section 3.2.2 would change.\\n\\n"
		    "- Russ Housley asked about ARI.\\n- Ben Wilson agreed "
		    "to review the `EUID` wording.\\n\\n> No claims had been "
		    "received at the time.\"}",
		    o ? ", " : "", o + 1, 200 + o, 10 + o % 5, 250 + o);
	PUT("]}");
#undef PUT
	return s;
}

int
main(int argc, char **argv)
{
	struct gv_mustache_opts opts = {GV_ESCAPE_MARKDOWN, NULL, NULL, 0};
	char *data[DOCS], *md, *html, path[4096];
	size_t len, bytes = 0;
	double t0;
	int i;

	if (argc < 2 || (strcmp(argv[1], "time") &&
	                 (strcmp(argv[1], "prepare") || argc < 3))) {
		fprintf(stderr, "usage: render-bench prepare DIR | time\n");
		return 2;
	}
	for (i = 0; i < DOCS; i++)
		data[i] = make_data(i);
	if (!strcmp(argv[1], "prepare")) {
		for (i = 0; i < DOCS; i++) {
			FILE *f;

			if (gv_mustache_render(&md, &len, "bench.md", template,
			                       data[i], &opts) < 0)
				return 1;
			snprintf(path, sizeof(path), "%s/doc%04d.md", argv[2],
			         i);
			if (!(f = fopen(path, "w")))
				return 1;
			fwrite(md, 1, len, f);
			fclose(f);
			bytes += len;
			free(md);
		}
		printf("%d documents, %zu bytes of Markdown\n", DOCS, bytes);
	} else {
		t0 = bench_now();
		for (i = 0; i < DOCS; i++) {
			if (gv_mustache_render(&md, &len, "bench.md", template,
			                       data[i], &opts) < 0 ||
			    gv_markdown_to_html(&html, md, len) < 0) {
				fprintf(stderr, "%s\n",
				        gv_error_last()->message);
				return 1;
			}
			free(md);
			free(html);
		}
		printf("%.3f\n", bench_now() - t0);
	}
	for (i = 0; i < DOCS; i++)
		free(data[i]);
	return 0;
}
