/* SPDX-License-Identifier: MIT */
/*
 * This file declares what gavel-mail.so defines with GMime
 * (core/mail_init.c, mail_read.c, mail_write.c), reached through its
 * table (core/module.h): core/mail.h's functions of the same names
 * (gv__mail_*) forward to these.
 */
#ifndef GV_CORE_MAIL_GMIME_H
#define GV_CORE_MAIL_GMIME_H

#include <stddef.h>

#include "mail.h"

/* Initialises GMime, once per process: it cannot be initialised again
 * after a shutdown, so it never shuts down. */
void gv__gmime_init(void);

int gv__gmime_write(char **out, size_t *len, const struct gv__mail_out *m);
int gv__gmime_open(struct gv__mail_reader **out, const char *path);
void gv__gmime_open_mem(struct gv__mail_reader **out, const void *data,
                        size_t len);
int gv__gmime_next(struct gv__mail *m, struct gv__mail_reader *r);
void gv__gmime_close(struct gv__mail_reader *r);

#endif
