/* SPDX-License-Identifier: MIT */
/*
 * This file implements how every `--format json` document is written: one
 * shape (two-space indent, keys in the order the view builds them), and
 * reals to 15 significant digits, so that a share of 66.6 % reads 66.6 and
 * not the binary double's 66.599999999999994.
 */
#include <jansson.h>

#include "internal.h"
#include "view.h"

int
gv__view_dump(char **out, json_t *doc, size_t flags)
{
	*out = json_dumps(doc, JSON_INDENT(2) | JSON_REAL_PRECISION(15) |
	                               (flags ? flags : JSON_PRESERVE_ORDER));
	json_decref(doc);
	return *out ? 0
	            : gv__error_set(GV_ERRCLASS_NONE, GV_ERROR,
	                            "cannot write the JSON document");
}
