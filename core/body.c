/* SPDX-License-Identifier: MIT */
/*
 * This file implements bodies: the Forum and its working groups, each with
 * its ballot prefix, meeting zone and cadence, and its rule readings.
 */
#define _XOPEN_SOURCE 700
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "body_key.h"
#include "config.h"
#include "db.h"
#include "gavel/roster.h"
#include "gavel/schedule.h"
#include "gavel/text.h"
#include "gavel/zone.h"
#include "op_kinds.h"

static int
body_check_code(const char *what, const char *code)
{
	const char *p;

	if (!code || !*code || strlen(code) > 16)
		goto bad;
	for (p = code; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-')
			goto bad;
	return 0;
bad:
	return gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
	                     "%s \"%s\" is not valid: use 1 to 16 letters, "
	                     "digits or '-' (like SMCWG)",
	                     what, code ? code : "");
}

/* "SMCWG" -> "SMC", "SCWG" -> "SC"; others as they are, upper case. */
static char *
body_default_prefix(const char *code)
{
	size_t len = strlen(code);
	char *p;

	if (len > 2 && toupper((unsigned char)code[len - 2]) == 'W' &&
	    toupper((unsigned char)code[len - 1]) == 'G')
		len -= 2;
	p = gv__xstrndup(code, len);
	for (len = 0; p[len]; len++)
		p[len] = (char)toupper((unsigned char)p[len]);
	return p;
}

static int
body_add(int64_t *id_out, struct gv_db *db, const struct gv_body_spec *spec)
{
	char *name = NULL, *prefix = NULL, *fold = NULL;
	const char *tz = spec->tz ? spec->tz : "UTC";
	int width = spec->id_width ? spec->id_width : 3;
	sqlite3_stmt *st;
	int64_t id;
	int error;

	if ((error = body_check_code("body code", spec->code)) < 0 ||
	    (error = gv__clean_name(&name, GV_ERRCLASS_ROSTER, "body name",
	                            spec->name)) < 0 ||
	    (error = gv__zone_check_form(tz)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_ROSTER, "list address",
	                            spec->list_addr)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_ROSTER, "tag", spec->tag)) < 0)
		goto out;
	prefix = spec->prefix ? gv__xstrdup(spec->prefix)
	                      : body_default_prefix(spec->code);
	if ((error = body_check_code("ballot prefix", prefix)) < 0)
		goto out;
	if (width < 1 || width > 6) {
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
		                      "ballot number width %d is not valid: "
		                      "use 1 to 6 digits",
		                      width);
		goto out;
	}
	fold = gv_text_fold(spec->code);
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_BODY_BY_FOLD)) < 0)
		goto rollback;
	gv__bind_text(st, 1, fold);
	if ((error = gv__db_has_row(db, st)) != 0) {
		if (error > 0)
			error = gv__error_set(GV_ERRCLASS_ROSTER, GV_EEXISTS,
			                      "body %s already exists",
			                      spec->code);
		goto rollback;
	}
	if ((error = gv__db_stmt(&st, db, GV__STMT_BODY_INSERT)) < 0)
		goto rollback;
	gv__bind_text(st, 1, spec->code);
	gv__bind_text(st, 2, fold);
	gv__bind_text(st, 3, name);
	gv__bind_text(st, 4, prefix);
	gv__bind_int(st, 5, width);
	gv__bind_text(st, 6, tz);
	gv__bind_text(st, 7, spec->list_addr);
	gv__bind_opt(st, 8, spec->cadence_weeks, spec->cadence_weeks > 0);
	gv__bind_opt(st, 9, spec->cadence_weekday, spec->cadence_weeks > 0);
	gv__bind_opt(st, 10, spec->cadence_minute, spec->cadence_weeks > 0);
	gv__bind_opt(st, 11, spec->cadence_anchor, spec->cadence_weeks > 0);
	gv__bind_int(st, 12, gv_db_now(db));
	gv__bind_text(st, 13, spec->tag);
	if ((error = gv__db_run(db, st)) < 0)
		goto rollback;
	id = sqlite3_last_insert_rowid(db->sql);
	if ((error = gv__db_commit(db)) < 0)
		goto rollback;
	if (id_out)
		*id_out = id;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	free(name);
	free(prefix);
	free(fold);
	return error;
}

/* The full path of an existing folder, for a body's templates. */
static int
body_folder(char **out, const char *dir)
{
	char real[PATH_MAX];
	struct stat st;

	if (!realpath(dir, real) || stat(real, &st) != 0 ||
	    !S_ISDIR(st.st_mode))
		return gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
		                     "%s is not a folder: create it first",
		                     dir);
	*out = gv__xstrdup(real);
	return 0;
}

/* Whether word is one of the NULL-terminated words; GV_EINVALID naming
 * them otherwise. */
static int
rule_word(const char *what, const char *word, const char *const *words)
{
	struct gv_buf b = GV_BUF_INIT;
	size_t i;
	int error;

	if (!word)
		return 0;
	for (i = 0; words[i]; i++)
		if (!strcmp(word, words[i]))
			return 0;
	for (i = 0; words[i]; i++)
		gv__buf_printf(&b, "%s%s",
		               i ? (words[i + 1] ? ", " : " or ") : "",
		               words[i]);
	error = gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
	                      "unknown %s \"%s\": use %s", what, word, b.ptr);
	gv__buf_dispose(&b);
	return error;
}

/*
 * The readings of a change, checked: *inclusive 1 or 0 for a vote end
 * given (-1: as it is), *min the meetings (-1: as it is).
 */
static int
rules_check(int *inclusive, int *min, const struct gv_body_change *c)
{
	static const char *const quorum[] = {"bylaws", "average",
	                                     "half-average", NULL};
	static const char *const consumer[] = {"majority", "half-plus-one",
	                                       NULL};
	static const char *const end[] = {"exclusive", "inclusive", NULL};
	static const char *const at[] = {"vote-start", "vote-end", NULL};
	char *stop = NULL;
	long n;
	int error;

	*inclusive = c->vote_end ? !strcmp(c->vote_end, "inclusive") : -1;
	*min = -1;
	if ((error = rule_word("quorum rule", c->quorum_rule, quorum)) < 0 ||
	    (error = rule_word("consumer rule", c->consumer_rule, consumer)) <
	            0 ||
	    (error = rule_word("vote end", c->vote_end, end)) < 0 ||
	    (error = rule_word("quorum time", c->quorum_at, at)) < 0)
		return error;
	if (!c->min_meetings)
		return 0;
	n = strtol(c->min_meetings, &stop, 10);
	if (!*c->min_meetings || *stop || n < 0 || n > 99)
		return gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
		                     "minimum meetings \"%s\" is not a number "
		                     "from 0 to 99",
		                     c->min_meetings);
	*min = (int)n;
	return 0;
}

static int
body_set(struct gv_db *db, const char *code, const struct gv_body_change *c)
{
	struct gv_body body = {0};
	struct gv_cadence cadence = {0};
	char *name = NULL, *tag = NULL;
	sqlite3_stmt *st;
	int error, inclusive, min;

	if ((error = rules_check(&inclusive, &min, c)) < 0 ||
	    (c->cadence &&
	     (error = gv_cadence_parse(&cadence, c->cadence)) < 0) ||
	    (c->tag && (error = gv__clean_name(&tag, GV_ERRCLASS_ROSTER, "tag",
	                                       c->tag)) < 0) ||
	    (c->name && (error = gv__clean_name(&name, GV_ERRCLASS_ROSTER,
	                                        "body name", c->name)) < 0) ||
	    (c->tz && (error = gv__zone_check_form(c->tz)) < 0) ||
	    (error = gv__check_text(GV_ERRCLASS_ROSTER, "list address",
	                            c->list_addr)) < 0 ||
	    (error = gv__check_text(GV_ERRCLASS_ROSTER, "allowed signers",
	                            c->allowed_signers)) < 0 ||
	    (error = gv_body_get(&body, db, code)) < 0)
		goto out;
	if (c->require_signed > 0 && !c->allowed_signers &&
	    !body.allowed_signers) {
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
		                      "%s cannot require signed operations "
		                      "without its allowed signers: add "
		                      "--allowed-signers FILE",
		                      body.code);
		goto out;
	}
	if ((error = gv__db_begin(db)) < 0)
		goto out;
	if ((error = gv__db_stmt(&st, db, GV__STMT_BODY_UPDATE)) < 0)
		goto rollback;
	gv__bind_int(st, 1, body.id);
	gv__bind_text(st, 2, name);
	gv__bind_text(st, 3, c->tz);
	gv__bind_text(st, 4, c->list_addr);
	gv__bind_text(st, 5, c->allowed_signers);
	gv__bind_text(st, 6, tag);
	if (c->cadence) {
		gv__bind_int(st, 7, cadence.weeks);
		gv__bind_opt(st, 8, cadence.weekday, cadence.weeks > 0);
		gv__bind_opt(st, 9, cadence.minute, cadence.weeks > 0);
		gv__bind_opt(st, 10, cadence.anchor, cadence.weeks > 0);
	}
	gv__bind_opt(st, 11, c->require_signed > 0, c->require_signed != 0);
	gv__bind_text(st, 12, c->quorum_rule);
	gv__bind_text(st, 13, c->consumer_rule);
	gv__bind_opt(st, 14, inclusive, inclusive >= 0);
	gv__bind_text(st, 15, c->quorum_at);
	gv__bind_opt(st, 16, min, min >= 0);
	if ((error = gv__db_run(db, st)) < 0 || (error = gv__db_commit(db)) < 0)
		goto rollback;
	goto out;
rollback:
	gv__db_rollback(db);
out:
	gv_body_dispose(&body);
	free(name);
	free(tag);
	return error;
}

static int
body_add_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_body_spec spec = {0};
	json_int_t anchor = 0;
	int error;

	if ((error = gv__op_unpack(
	             op,
	             "{s:s, s?s, s?s, s?i, s?s, s?s, s?i, s?i, s?i, s?I, s?s}",
	             "code", &spec.code, "name", &spec.name, "prefix",
	             &spec.prefix, "id_width", &spec.id_width, "tz", &spec.tz,
	             "list", &spec.list_addr, "cadence_weeks",
	             &spec.cadence_weeks, "cadence_weekday",
	             &spec.cadence_weekday, "cadence_minute",
	             &spec.cadence_minute, "cadence_anchor", &anchor, "tag",
	             &spec.tag)) < 0)
		return error;
	spec.cadence_anchor = anchor;
	return body_add(op->out, db, &spec);
}

static int
body_set_apply(struct gv_db *db, const struct gv__op *op)
{
	struct gv_body_change c = {0};
	const char *code;
	int error;

	if ((error = gv__op_unpack(
	             op,
	             "{s:s, s?s, s?s, s?s, s?s, s?s, s?i, s?s, s?s, s?s, s?s,"
	             " s?s, s?s}",
	             "body", &code, "name", &c.name, "tz", &c.tz, "list",
	             &c.list_addr, "tag", &c.tag, "cadence", &c.cadence,
	             "require_signed", &c.require_signed, "allowed_signers",
	             &c.allowed_signers, "quorum_rule", &c.quorum_rule,
	             "consumer_rule", &c.consumer_rule, "vote_end", &c.vote_end,
	             "quorum_at", &c.quorum_at, "min_meetings",
	             &c.min_meetings)) < 0)
		return error;
	return body_set(db, code, &c);
}

const struct gv__op_kind gv__op_body_add = {"body.add", GV__MAY_ANYONE,
                                            body_add_apply};
const struct gv__op_kind gv__op_body_set = {"body.set", GV__MAY_CHAIR,
                                            body_set_apply};

/* An act names only zones this machine's database knows; an operation
 * applied is held to the name's form (core/zone.c says why). */
int
gv_body_add(int64_t *id_out, struct gv_db *db, const struct gv_body_spec *spec)
{
	json_t *data;
	int error;

	if (spec->tz && (error = gv_zone_check(spec->tz)) < 0)
		return error;
	data = json_pack(
	        "{s:s?, s:s*, s:s*, s:i, s:s*, s:s*, s:i, s:i, s:i, s:I, s:s*}",
	        "code", spec->code, "name", spec->name, "prefix", spec->prefix,
	        "id_width", spec->id_width, "tz", spec->tz, "list",
	        spec->list_addr, "cadence_weeks", spec->cadence_weeks,
	        "cadence_weekday", spec->cadence_weekday, "cadence_minute",
	        spec->cadence_minute, "cadence_anchor",
	        (json_int_t)spec->cadence_anchor, "tag", spec->tag);

	return gv__op_submit(db, &gv__op_body_add, spec->code, -1, data, 0,
	                     id_out);
}

/* A body's templates folder is this machine's: kept in its own config,
 * not in the shared log (another member's folders are elsewhere). */
static int
body_set_templates(struct gv_db *db, const char *code, const char *dir)
{
	struct gv_body body = {0};
	char *folder = NULL, *key = NULL;
	int error;

	if ((error = body_folder(&folder, dir)) < 0 ||
	    (error = gv_body_get(&body, db, code)) < 0)
		goto out;
	key = gv__xsprintf("templates %s", body.code);
	error = gv__config_set(db, key, folder);
out:
	gv_body_dispose(&body);
	free(folder);
	free(key);
	return error;
}

int
gv_body_set(struct gv_db *db, const char *code, const struct gv_body_change *c)
{
	int shared = c->name || c->tz || c->list_addr || c->tag || c->cadence ||
	             c->require_signed || c->allowed_signers ||
	             c->quorum_rule || c->consumer_rule || c->vote_end ||
	             c->quorum_at || c->min_meetings;
	int error;

	if (!shared && !c->templates)
		return gv__error_set(GV_ERRCLASS_ROSTER, GV_EINVALID,
		                     "nothing to change");
	if (c->tz && (error = gv_zone_check(c->tz)) < 0)
		return error;
	if ((error = gv__db_begin(db)) < 0)
		return error;
	if ((c->templates &&
	     (error = body_set_templates(db, code, c->templates)) < 0) ||
	    (shared &&
	     (error = gv__op_submit(
	              db, &gv__op_body_set, code, -1,
	              json_pack("{s:s, s:s*, s:s*, s:s*, s:s*, s:s*, s:i, s:s*,"
	                        " s:s*, s:s*, s:s*, s:s*, s:s*}",
	                        "body", code, "name", c->name, "tz", c->tz,
	                        "list", c->list_addr, "tag", c->tag, "cadence",
	                        c->cadence, "require_signed", c->require_signed,
	                        "allowed_signers", c->allowed_signers,
	                        "quorum_rule", c->quorum_rule, "consumer_rule",
	                        c->consumer_rule, "vote_end", c->vote_end,
	                        "quorum_at", c->quorum_at, "min_meetings",
	                        c->min_meetings),
	              0, NULL)) < 0)) {
		gv__db_rollback(db);
		return error;
	}
	return gv__db_commit(db);
}

/* Fills body from a row of GV__BODY_COLUMNS. */
static void
body_read(struct gv_body *b, sqlite3_stmt *st)
{
	memset(b, 0, sizeof(*b));
	b->id = sqlite3_column_int64(st, GV__BODY_ID);
	b->code = gv__col_text(st, GV__BODY_CODE);
	b->name = gv__col_text(st, GV__BODY_NAME);
	b->prefix = gv__col_text(st, GV__BODY_PREFIX);
	b->id_width = sqlite3_column_int(st, GV__BODY_ID_WIDTH);
	b->tz = gv__col_text(st, GV__BODY_TZ);
	b->list_addr = gv__col_text(st, GV__BODY_LIST_ADDR);
	if (sqlite3_column_type(st, GV__BODY_CADENCE_WEEKS) != SQLITE_NULL) {
		b->cadence_weeks =
		        sqlite3_column_int(st, GV__BODY_CADENCE_WEEKS);
		b->cadence_weekday =
		        sqlite3_column_int(st, GV__BODY_CADENCE_WEEKDAY);
		b->cadence_minute =
		        sqlite3_column_int(st, GV__BODY_CADENCE_MINUTE);
		b->cadence_anchor =
		        sqlite3_column_int64(st, GV__BODY_CADENCE_ANCHOR);
	}
	b->quorum_rule = gv__col_text(st, GV__BODY_QUORUM_RULE);
	b->consumer_rule = gv__col_text(st, GV__BODY_CONSUMER_RULE);
	b->vote_end_inclusive =
	        sqlite3_column_int(st, GV__BODY_VOTE_END_INCLUSIVE);
	b->business_days = gv__col_text(st, GV__BODY_BUSINESS_DAYS);
	b->templates = gv__col_text(st, GV__BODY_TEMPLATES);
	b->require_signed = sqlite3_column_int(st, GV__BODY_REQUIRE_SIGNED);
	b->allowed_signers = gv__col_text(st, GV__BODY_ALLOWED_SIGNERS);
	b->tag = gv__col_text(st, GV__BODY_TAG);
	b->quorum_at = gv__col_text(st, GV__BODY_QUORUM_AT);
	b->min_meetings = sqlite3_column_int(st, GV__BODY_MIN_MEETINGS);
}

void
gv_body_dispose(struct gv_body *b)
{
	if (!b)
		return;
	free(b->code);
	free(b->name);
	free(b->prefix);
	free(b->tz);
	free(b->list_addr);
	free(b->quorum_rule);
	free(b->consumer_rule);
	free(b->business_days);
	free(b->templates);
	free(b->allowed_signers);
	free(b->tag);
	free(b->quorum_at);
	memset(b, 0, sizeof(*b));
}

/* Builds "no body X: known bodies are A, B" (or "... use gavel body add"). */
static int
body_not_found(struct gv_db *db, const char *code)
{
	struct gv_body_list *list = NULL;
	struct gv_buf known = GV_BUF_INIT;
	size_t i;
	int error;

	if (gv_body_list(&list, db) == 0 && list)
		for (i = 0; i < list->n; i++)
			gv__buf_printf(&known, "%s%s", i ? ", " : "",
			               list->v[i].code);
	gv_body_list_free(list);
	if (known.size)
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_ENOTFOUND,
		                      "no body \"%s\": known bodies are %s",
		                      code, known.ptr);
	else
		error = gv__error_set(GV_ERRCLASS_ROSTER, GV_ENOTFOUND,
		                      "no body \"%s\": add it with 'gavel "
		                      "body add'",
		                      code);
	gv__buf_dispose(&known);
	return error;
}

/*
 * Steps which, a statement of one body by its fold, for code: > 0 with
 * the row to read and then reset, else an error (the known bodies named
 * when there is no such body).
 */
static int
body_row(sqlite3_stmt **st, struct gv_db *db, enum gv__stmt which,
         const char *code)
{
	char *fold;
	int rc;

	if ((rc = gv__db_stmt(st, db, which)) < 0)
		return rc;
	fold = gv_text_fold(code ? code : "");
	gv__bind_text(*st, 1, fold);
	rc = gv__db_step(db, *st);
	free(fold);
	if (rc > 0)
		return rc;
	gv__db_reset(*st);
	return rc < 0 ? rc : body_not_found(db, code ? code : "");
}

int
gv_body_get(struct gv_body *out, struct gv_db *db, const char *code)
{
	sqlite3_stmt *st = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = body_row(&st, db, GV__STMT_BODY_BY_FOLD, code)) < 0)
		return rc;
	body_read(out, st);
	gv__db_reset(st);
	return 0;
}

int
gv__body_key(struct gv__body_key *out, struct gv_db *db, const char *code)
{
	sqlite3_stmt *st = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = body_row(&st, db, GV__STMT_BODY_KEY, code)) < 0)
		return rc;
	out->id = sqlite3_column_int64(st, 0);
	out->code = gv__col_text(st, 1);
	gv__db_reset(st);
	return 0;
}

void
gv__body_key_dispose(struct gv__body_key *key)
{
	free(key->code);
	key->code = NULL;
}

int
gv_body_list(struct gv_body_list **out, struct gv_db *db)
{
	int error;
	sqlite3_stmt *st = NULL;
	struct gv_body_list *list;
	size_t alloc = 0;
	int rc;

	*out = NULL;
	if ((error = gv__db_stmt(&st, db, GV__STMT_BODY_LIST)) < 0)
		return error;
	list = gv__xcalloc(1, sizeof(*list));
	while ((rc = gv__db_step(db, st)) > 0) {
		list->v = gv__grow(list->v, &alloc, list->n, sizeof(*list->v));
		body_read(&list->v[list->n], st);
		list->v[list->n].voting_members =
		        sqlite3_column_int(st, GV__BODY_VOTING_MEMBERS);
		list->v[list->n].members =
		        sqlite3_column_int(st, GV__BODY_MEMBERS);
		list->n++;
	}
	if (rc < 0) {
		gv__db_reset(st);
		gv_body_list_free(list);
		return rc;
	}
	gv__db_reset(st);
	*out = list;
	return 0;
}

void
gv_body_list_free(struct gv_body_list *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->n; i++)
		gv_body_dispose(&list->v[i]);
	free(list->v);
	free(list);
}
