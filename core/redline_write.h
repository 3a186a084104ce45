/* SPDX-License-Identifier: MIT */
/*
 * This file declares the document formats (HTML, Markdown) that
 * core/redline_html.c implements for core/redline_write.c.
 */
#ifndef GV_CORE_REDLINE_WRITE_H
#define GV_CORE_REDLINE_WRITE_H

#include <stddef.h>

#include "gavel/redline.h"
#include "internal.h"
#include "redline_runs.h"

/* A line as one Markdown paragraph, ~~deleted~~ **inserted**, document
 * text escaped (core/redline_html.c); appends to b, no newline. */
void gv__rl_md_line(struct gv_buf *b, const struct gv_rline *line);

/* The document formats (core/redline_html.c); they append to b. */
void gv__rl_write_html(struct gv_buf *b, const struct gv_redline *r);
void gv__rl_write_md(struct gv_buf *b, const struct gv_redline *r);

#endif
