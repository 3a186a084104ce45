/* SPDX-License-Identifier: MIT */
/*
 * This file declares finding a body by its code for the parts of the
 * core that need only which body it is, not its settings.
 */
#ifndef GV_CORE_BODY_KEY_H
#define GV_CORE_BODY_KEY_H

#include <stdint.h>

#include "gavel/db.h"

/* A body as a row of another table refers to it. */
struct gv__body_key {
	int64_t id;
	char *code; /* owned: as the body was added, whatever case was given */
};

/*
 * Finds the body called code (any case), as gv_body_get does and with its
 * error when there is none, reading its id and code alone: gv_body_get
 * reads every setting, which every issue and note a sync applies paid
 * for (19 K instructions against 5 K).
 */
int gv__body_key(struct gv__body_key *out, struct gv_db *db, const char *code);

void gv__body_key_dispose(struct gv__body_key *key);

#endif
