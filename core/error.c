/* SPDX-License-Identifier: MIT */
/*
 * This file implements the thread's last error (STYLE.md §3): set once where
 * a failure starts, read by the front ends through gv_error_last().
 */
#include <stdio.h>

#include "internal.h"

static _Thread_local char error_text[1024];
static _Thread_local struct gv_error error_last;

void
gv__error_vrecord(enum gv_error_class klass, enum gv_error_code code,
                  const char *fmt, va_list ap)
{
	vsnprintf(error_text, sizeof(error_text), fmt, ap);
	error_last.message = error_text;
	error_last.klass = klass;
	error_last.code = code;
}

const struct gv_error *
gv_error_last(void)
{
	if (!error_last.message) {
		error_last.message = "no error";
		error_last.klass = GV_ERRCLASS_NONE;
		error_last.code = GV_OK;
	}
	return &error_last;
}

void
gv_error_clear(void)
{
	error_last.message = NULL;
}
