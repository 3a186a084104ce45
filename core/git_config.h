/* SPDX-License-Identifier: MIT */
/*
 * This file declares reading the user's git settings (core/git_config.c).
 */
#ifndef GV_CORE_GIT_CONFIG_H
#define GV_CORE_GIT_CONFIG_H

/* The value of key ("user.email") in the user's git settings, or NULL
 * when it is not set (owned). */
int gv__git_config_string(char **out, const char *key);

#endif
