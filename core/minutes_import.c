/* SPDX-License-Identifier: MIT */
/*
 * This file implements importing published minutes into the store: the
 * years of meetings held before gavel, whose attendance the Bylaws'
 * quorum is computed from. Parsing is core/minutes_parse.c's; here the
 * parsed post becomes a body, a meeting, its roll call (people found again
 * across files, as of the meeting's day: core/roll_call.c) and its
 * minutes, in one transaction per file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "op_kinds.h"
#include "gavel/meeting.h"
#include "gavel/roster.h"
#include "gavel/text.h"
#include "gavel/zone.h"
#include "minutes_parse.h"
#include "roll_call.h"

/* A post is a few dozen kilobytes; anything this big is not one. */
#define IMPORT_MAX_BYTES (8 << 20)

/* The bodies the website's tags name (RULES §7, §2 for the prefixes). */
static const struct {
	const char *code, *name, *prefix;
} known_bodies[] = {
        {"FORUM", "CA/Browser Forum", "FORUM"},
        {"SCWG", "Server Certificate Working Group", "SC"},
        {"SMCWG", "S/MIME Certificate Working Group", "SMC"},
        {"CSCWG", "Code Signing Certificate Working Group", "CSC"},
        {"NETSEC", "Network Security Working Group", "NS"},
};

/* Adds a warning line (taken) to the report. */
static void
warn(struct gv_import_report *r, char *line)
{
	r->warnings = gv__xrealloc(r->warnings,
	                           (r->nwarnings + 1) * sizeof(*r->warnings));
	r->warnings[r->nwarnings++] = line;
}

/* The body the post's tags name, created the first time it is seen. */
static int
import_body(struct gv_body *body, struct gv_db *db,
            const struct gv_minutes_doc *doc, struct gv_import_report *r)
{
	struct gv_body_spec spec = {0};
	size_t i;
	int error = gv_body_get(body, db, doc->body_code);

	if (error != GV_ENOTFOUND)
		return error;
	for (i = 0; strcmp(known_bodies[i].code, doc->body_code); i++)
		;
	spec.code = known_bodies[i].code;
	spec.name = known_bodies[i].name;
	spec.prefix = known_bodies[i].prefix;
	/* CA/Browser Forum calls are announced in Eastern Time (RULES §4). */
	spec.tz = "America/New_York";
	spec.tag = doc->body_tag;
	if ((error = gv_body_add(NULL, db, &spec)) < 0)
		return error;
	r->new_body = 1;
	return gv_body_get(body, db, doc->body_code);
}

/* The meeting of that body on that local day: found, or made. */
static int
import_meeting(int64_t *id, struct gv_db *db, const struct gv_body *body,
               const struct gv_minutes_doc *doc, struct gv_import_report *r)
{
	struct gv_meeting_spec spec = {0};
	int64_t day_start, day_end;
	sqlite3_stmt *st;
	int error, rc;

	if ((error = gv_zone_to_utc(&day_start, body->tz, doc->day, 0)) < 0 ||
	    (error = gv_zone_to_utc(&day_end, body->tz, doc->day + 1, 0)) < 0)
		return error;
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_ON_DAY)) < 0)
		return error;
	gv__bind_int(st, 1, body->id);
	gv__bind_int(st, 2, day_start);
	gv__bind_int(st, 3, day_end);
	gv__bind_text(st, 4, doc->subcommittee);
	if ((rc = gv__db_step(db, st)) > 0)
		*id = sqlite3_column_int64(st, 0);
	gv__db_reset(st);
	if (rc != 0)
		return rc < 0 ? rc : 0;
	/* The hour is not in the post: the body's usual one, else 11:00. */
	if ((error = gv_zone_to_utc(&spec.starts_at, body->tz, doc->day,
	                            body->cadence_weeks ? body->cadence_minute
	                                                : 11 * 60)) < 0)
		return error;
	spec.body = body->code;
	spec.kind = doc->f2f ? GV_MEETING_F2F : GV_MEETING_CALL;
	spec.title = doc->title;
	spec.subcommittee = doc->subcommittee;
	spec.bare = 1;
	r->new_meeting = 1;
	return gv_meeting_add(id, db, &spec);
}

/* The file name messages use: the path's last part. */
static const char *
base_name(const char *path)
{
	const char *base = strrchr(path, '/');

	return base ? base + 1 : path;
}

/*
 * Records the roll call, each attendee on their own: a name that several
 * people have (and no organisation tells apart) is reported with its file
 * and line and not recorded, never dropped silently. person[i] is the
 * person recorded for attendee i, or 0.
 */
static int
import_roll_call(int64_t *person, struct gv_db *db, int64_t id,
                 const struct gv_minutes_doc *doc, const char *path,
                 struct gv_import_report *r)
{
	sqlite3_stmt *st = NULL;
	struct gv_roll_call rc = {0};
	struct gv__roll roll = {0};
	size_t i, j;
	int error;

	if ((error = gv__db_stmt(&st, db, GV__STMT_ATTENDANCE_CLEAR)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	if ((error = gv__db_run(db, st)) < 0 ||
	    (error = gv__roll_open(&roll, db, id, GV_ATTEND_CREATE, &rc)) < 0)
		goto out;
	for (i = 0; i < doc->nattendees; i++) {
		const struct gv_minutes_attendee *a = &doc->attendees[i];

		error = gv__roll_add(&roll, &person[i], a->name, a->org);
		if (error == GV_ECONFLICT) {
			warn(r, gv__xsprintf("%s:%zu: %s; not recorded",
			                     base_name(path), a->line,
			                     gv_error_last()->message));
			r->unresolved++;
			error = 0;
		} else if (error < 0) {
			goto out;
		}
	}
	/* The organisations present, each once (as of the meeting). */
	for (i = 0; i < roll.n; i++) {
		for (j = 0; j < i && roll.org[j] != roll.org[i]; j++)
			;
		r->organisations += roll.org[i] && j == i;
	}
	r->attendees = rc.recorded;
	r->new_people = rc.created_people;
	r->new_orgs = rc.created_orgs;
out:
	gv__roll_dispose(&roll);
	return error;
}

/* The stated minute-taker, matched to an attendee by full or first name. */
static int
import_taker(struct gv_db *db, int64_t id, const struct gv_minutes_doc *doc,
             const int64_t *person, struct gv_import_report *r)
{
	int error;
	char *want = gv_text_fold(doc->minute_taker), *name;
	size_t i, n = strlen(want), found = 0, match = 0;
	sqlite3_stmt *st;

	for (i = 0; i < doc->nattendees; i++) {
		name = gv_text_fold(doc->attendees[i].name);
		if (!strcmp(name, want) ||
		    (!strncmp(name, want, n) && name[n] == ' '))
			found++, match = i;
		free(name);
	}
	free(want);
	if (found != 1 || !person[match]) {
		warn(r, gv__xsprintf("the minute-taker, \"%s\", is not one "
		                     "attendee",
		                     doc->minute_taker));
		return 0;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_SET_TAKER)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	gv__bind_int(st, 2, person[match]);
	r->minute_taker = gv__xstrdup(doc->attendees[match].name);
	return gv__db_run(db, st);
}

static int
import_text(struct gv_db *db, int64_t id, const struct gv_minutes_doc *doc,
            const char *path)
{
	int error;
	sqlite3_stmt *st = NULL;
	const char *base = strrchr(path, '/');

	if ((error = gv__db_stmt(&st, db, GV__STMT_MEETING_SET_TEXT)) < 0)
		return error;
	gv__bind_int(st, 1, id);
	gv__bind_text(st, 2, doc->text);
	gv__bind_text(st, 3, base ? base + 1 : path);
	gv__bind_text(st, 4, doc->title);
	gv__bind_text(st, 5, doc->f2f ? "f2f" : "call");
	return gv__db_run(db, st);
}

static int
import_doc(struct gv_import_report *r, struct gv_db *db,
           const struct gv_minutes_doc *doc, const char *path)
{
	int64_t *person = gv__xcalloc(doc->nattendees + 1, sizeof(*person));
	struct gv_body body = {0};
	int64_t id = 0;
	size_t i;
	int error;

	if ((error = import_body(&body, db, doc, r)) < 0 ||
	    (error = import_meeting(&id, db, &body, doc, r)) < 0 ||
	    (error = import_roll_call(person, db, id, doc, path, r)) < 0 ||
	    (doc->minute_taker &&
	     (error = import_taker(db, id, doc, person, r)) < 0) ||
	    (error = import_text(db, id, doc, path)) < 0)
		goto out;
	r->body = gv__xstrdup(body.code);
	r->meeting = id;
	for (i = 0; i < doc->nwarnings; i++)
		warn(r, gv__xstrdup(doc->warnings[i]));
out:
	free(person);
	gv_body_dispose(&body);
	return error;
}

/* Imports the post's text: one operation, which every copy parses the
 * same way (the parser is part of the rules it applies). */
static int
minutes_import(struct gv_import_report *r, struct gv_db *db, const char *file,
               const char *text)
{
	struct gv_minutes_doc *doc = NULL;
	int error;

	memset(r, 0, sizeof(*r));
	if ((error = gv__minutes_parse(&doc, file, text, strlen(text))) < 0 ||
	    (error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = import_doc(r, db, doc, file)) < 0 ||
	    (error = gv__db_commit(db)) < 0) {
		gv__db_rollback(db);
		gv_import_report_dispose(r);
		goto out;
	}
	r->day = doc->day;
out:
	gv__minutes_doc_free(doc);
	return error;
}

static int
minutes_import_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_import_report own = {0}, *r = op->out ? op->out : &own;
	const char *file, *text;
	int error;

	if ((error = gv__op_unpack(op, "{s:s, s:s}", "file", &file, "text",
	                           &text)) < 0)
		return error;
	error = minutes_import(r, db, file, text);
	if (r == &own)
		gv_import_report_dispose(&own);
	return error;
}

const struct gv__op_kind gv__op_minutes_import = {
        "minutes.import", GV__MAY_OFFICER, minutes_import_apply};

/* Every message names the file it is about, once. */
static void
name_the_file(int error, const char *path, const char *base)
{
	char *why;

	if (error >= 0 || strstr(gv_error_last()->message, path) ||
	    !strncmp(gv_error_last()->message, base, strlen(base)))
		return;
	why = gv__xstrdup(gv_error_last()->message);
	gv__error_set(GV_ERRCLASS_MEETING, error, "%s: %s", base, why);
	free(why);
}

int
gv_minutes_import(struct gv_import_report *r, struct gv_db *db,
                  const char *path)
{
	struct gv_minutes_doc *doc = NULL;
	const char *slash = strrchr(path, '/'),
	           *base = slash ? slash + 1 : path;
	char *data = NULL, *part = NULL;
	size_t len = 0;
	int error;

	memset(r, 0, sizeof(*r));
	/* Read and parsed here first, so a file that is not a post is
	 * refused with the parser's words and never becomes an operation. */
	if ((error = gv__read_file(&data, &len, path, IMPORT_MAX_BYTES,
	                           GV_ERRCLASS_MEETING, "not a minutes post")) <
	            0 ||
	    (error = gv__minutes_parse(&doc, base, data, len)) < 0)
		goto out;
	part = doc->body_code ? gv__xstrdup(doc->body_code) : NULL;
	error = gv__op_submit(
	        db, &gv__op_minutes_import, part, -1,
	        json_pack("{s:s, s:s}", "file", base, "text", data), 0, r);
	/* Applied but not recorded (the log's write failed): nothing of
	 * it stays, so neither does its report. */
	if (error < 0)
		gv_import_report_dispose(r);
out:
	name_the_file(error, path, base);
	gv__minutes_doc_free(doc);
	free(data);
	free(part);
	return error;
}

void
gv_import_report_dispose(struct gv_import_report *r)
{
	size_t i;

	free(r->body);
	free(r->minute_taker);
	for (i = 0; i < r->nwarnings; i++)
		free(r->warnings[i]);
	free(r->warnings);
	memset(r, 0, sizeof(*r));
}
