/* SPDX-License-Identifier: MIT */
/*
 * This file fuzzes the reading of revision ranges (gv__git_range_split):
 * "BASE..HEAD", "BASE...HEAD" and GitHub compare URLs, as `gavel redline`,
 * `ballot version` and `issue draft` take them, before any repository is
 * opened. A range that is not a URL must come back whole: BASE, the dots,
 * HEAD.
 */
#include "fuzz.h"
#include "git_range.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size), *base = NULL, *head = NULL;
	int three = -1;

	if (gv__git_range_split(&base, &head, &three, text) == 0) {
		FUZZ_CHECK(base && *base && head && *head);
		FUZZ_CHECK(three == 0 || three == 1);
		if (!strstr(text, "/compare/") && !strpbrk(text, "?#"))
			FUZZ_CHECK(strlen(base) + (three ? 3 : 2) +
			                   strlen(head) ==
			           strlen(text));
	} else {
		FUZZ_CHECK(!base && !head);
	}
	free(base);
	free(head);
	free(text);
	return 0;
}
