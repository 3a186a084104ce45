/* SPDX-License-Identifier: MIT */
/*
 * This file is gavel-mail.so's table (core/module.h): what gavel reaches
 * of the GMime side of the mail adapter, through core/mail_api.c.
 */
#include "gavel/gavel.h"
#include "mail_gmime.h"
#include "module.h"

const struct gv__mail_ops gv__mail_module = {
        GV_VERSION,         gv__gmime_write, gv__gmime_open,
        gv__gmime_open_mem, gv__gmime_next,  gv__gmime_close,
};
