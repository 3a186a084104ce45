/* SPDX-License-Identifier: MIT */
/*
 * This file declares the event log's writer for the core modules.
 */
#ifndef GV_CORE_EVENT_H
#define GV_CORE_EVENT_H

#include <stdint.h>

#include <jansson.h>

struct gv_db;

/*
 * Appends an event row inside the caller's transaction. fmt and the
 * arguments are a jansson pack format for the detail object, e.g.
 * gv__eventf(db, body, "org.add", "DigiCert", "{s:s}", "class", "issuer").
 */
int gv__eventf(struct gv_db *db, int64_t body, const char *kind,
               const char *subject, const char *fmt, ...);

#endif
