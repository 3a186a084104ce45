/* SPDX-License-Identifier: MIT */
/*
 * This file implements writing a year report in the format asked: the
 * page and the Markdown (core/report_doc.c), the JSON (core/view_report.c).
 */
#include <stdlib.h>

#include "gavel/report.h"
#include "report_write.h"
#include "view.h"

int
gv_report_write(char **out, size_t *len, const struct gv_report *r,
                enum gv_report_format format)
{
	struct gv_buf b = GV_BUF_INIT;
	char *json = NULL;
	int error;

	*out = NULL;
	if (format == GV_REPORT_JSON) {
		if ((error = gv__view_dump(&json, gv__view_report(r), 0)) < 0)
			return error;
		gv__buf_puts(&b, json);
		gv__buf_putc(&b, '\n');
		free(json);
	} else if (format == GV_REPORT_HTML) {
		gv__report_html(&b, r);
	} else {
		gv__report_md(&b, r);
	}
	if (len)
		*len = b.size;
	*out = gv__buf_detach(&b);
	return 0;
}
