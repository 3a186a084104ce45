/* SPDX-License-Identifier: MIT */
/*
 * This file implements ballot identifiers (RULES §2): a body writes its
 * ballots as prefix and padded number ("SMC010"), and people write them
 * loosely ("smc10", "SC-080v3"). Every module that names a ballot finds
 * it here, below the lifecycle, the tally and the meetings.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "gavel/ballot.h"

void
gv_ballot_format_number(char *buf, size_t n, const char *prefix, int width,
                        int64_t number)
{
	snprintf(buf, n, "%s%0*lld", prefix, width, (long long)number);
}

int
gv_ballot_find(int64_t *id_out, struct gv_db *db, const char *ref)
{
	char prefix[32], *code = NULL;
	const char *p = ref ? ref : "";
	size_t n = 0;
	int64_t number = 0;
	sqlite3_stmt *st;
	int error = 0, found = 0, rc;

	while (*p && !isdigit((unsigned char)*p) && *p != '-' && n + 1 < 32)
		prefix[n++] = *p++;
	prefix[n] = '\0';
	if (*p == '-')
		p++;
	while (isdigit((unsigned char)*p) && number < 1000000)
		number = number * 10 + (*p++ - '0');
	/* A version suffix names the same ballot: "SC-080v3", "FORUM-019 v.2"
	 * (RULES §2). */
	while (*p == ' ')
		p++;
	if (*p == 'v' || *p == 'V') {
		for (p++; *p == '.' || *p == ' '; p++)
			;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (!n || !number || *p)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_EINVALID,
		                     "\"%s\" is not a ballot: write it as the "
		                     "body does, such as SMC011",
		                     ref ? ref : "");
	/* One statement finds the body and the ballot: every vote, step and
	 * notice names its ballot this way. */
	if ((error = gv__db_stmt(&st, db, GV__STMT_BALLOT_BY_PREFIX)) < 0)
		return error;
	gv__bind_text(st, 1, prefix);
	gv__bind_int(st, 2, number);
	if ((rc = gv__db_step(db, st)) > 0) {
		code = gv__col_text(st, 0);
		if ((found = sqlite3_column_type(st, 1) != SQLITE_NULL))
			*id_out = sqlite3_column_int64(st, 1);
	}
	gv__db_reset(st);
	if (rc < 0)
		return rc;
	if (!code)
		return gv__error_set(GV_ERRCLASS_BALLOT, GV_ENOTFOUND,
		                     "no body numbers its ballots %s", prefix);
	if (!found)
		error = gv__error_set(GV_ERRCLASS_BALLOT, GV_ENOTFOUND,
		                      "no ballot %s in %s", ref, code);
	free(code);
	return error;
}
