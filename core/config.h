/* SPDX-License-Identifier: MIT */
/*
 * This file declares writing this copy's own settings (core/config.c);
 * gv_config_get in gavel/sync.h reads them.
 */
#ifndef GV_CORE_CONFIG_H
#define GV_CORE_CONFIG_H

struct gv_db;

/* Sets key to value (NULL removes it). */
int gv__config_set(struct gv_db *db, const char *key, const char *value);

#endif
