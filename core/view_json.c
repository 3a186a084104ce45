/* SPDX-License-Identifier: MIT */
/*
 * This file implements how every `--format json` document is written: one
 * shape (two-space indent, keys in the order the view builds them), and
 * reals to 15 significant digits, so that a share of 66.6 % reads 66.6 and
 * not the binary double's 66.599999999999994; no control character raw.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"
#include "gavel/time.h"
#include "view.h"

/*
 * jansson escapes the C0 controls but writes DEL (0x7F) as it is, and a
 * terminal or a log viewer may act on it. A DEL byte in JSON text can only
 * be inside a string, so each becomes \u007F.
 */
static char *
dump_escape_del(char *text)
{
	struct gv_buf b = GV_BUF_INIT;
	const char *p = text, *del;

	if (!text || !strchr(text, 0x7F))
		return text;
	while ((del = strchr(p, 0x7F))) {
		gv__buf_put(&b, p, (size_t)(del - p));
		gv__buf_puts(&b, "\\u007F");
		p = del + 1;
	}
	gv__buf_puts(&b, p);
	free(text);
	return gv__buf_detach(&b);
}

json_t *
gv__view_iso(int64_t t)
{
	char buf[GV_TIME_BUFSZ];

	return t < 0 ? json_null()
	             : json_string(gv_time_format(buf, t, GV_TIME_ISO));
}

int
gv__view_dump(char **out, json_t *doc, size_t flags)
{
	*out = dump_escape_del(
	        json_dumps(doc, JSON_INDENT(2) | JSON_REAL_PRECISION(15) |
	                                (flags ? flags : JSON_PRESERVE_ORDER)));
	json_decref(doc);
	return *out ? 0
	            : gv__error_set(GV_ERRCLASS_NONE, GV_ERROR,
	                            "cannot write the JSON document");
}
