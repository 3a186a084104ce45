/* SPDX-License-Identifier: MIT */
/*
 * This file declares the writers of a year report (core/report_*.c) that
 * gv_report_write dispatches to, each appending to a buffer.
 */
#ifndef GV_CORE_REPORT_WRITE_H
#define GV_CORE_REPORT_WRITE_H

#include <jansson.h>

#include "gavel/report.h"
#include "internal.h"

/* The drawings, inline SVG that scales to the page's width: the ballots
 * on the year's axis, and attendance with the quorum baseline. */
void gv__report_svg_timeline(struct gv_buf *b, const struct gv_report *r);
void gv__report_svg_attendance(struct gv_buf *b, const struct gv_report *r);

/* The whole page, the Markdown, the JSON document. */
void gv__report_html(struct gv_buf *b, const struct gv_report *r);
void gv__report_md(struct gv_buf *b, const struct gv_report *r);
json_t *gv__view_report(const struct gv_report *r);

#endif
