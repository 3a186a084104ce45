/* SPDX-License-Identifier: MIT */
/*
 * This file implements the fixtures of the tests of votes read from the
 * list's archive (mail_in_fixture.h says what each does).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_fixture.h"
#include "harness.h"
#include "internal.h"
#include "mail_in_fixture.h"

/* "Issuer 1" -> "issuer1": the domain of its representative. */
static void
domain_of(char *buf, size_t n, const char *org)
{
	size_t k = 0;

	for (const char *p = org; *p && k + 1 < n; p++)
		if (*p != ' ')
			buf[k++] =
			        (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a'
			                                      : *p);
	buf[k] = '\0';
}

static int
rep_of(struct gv_db *db, const char *org)
{
	char name[64], email[96], domain[32];

	domain_of(domain, sizeof(domain), org);
	snprintf(name, sizeof(name), "%s Rep", org);
	snprintf(email, sizeof(email), "rep@%s.example", domain);
	return gv_person_add(
	        NULL, db, &(struct gv_person_spec){name, org, email, "SMCWG"});
}

struct gv_db *
mail_db(const char *file)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_body_change list = {0};
	struct plan p = usual("SMCWG", "SMC010", 10);
	struct gv_db *db = NULL;
	char org[32];
	int rc = 0;

	if (gv_db_open(&db, t_path(file), &opts) < 0)
		return NULL;
	gv_db_set_now(db, t_at("2024-10-01"));
	list.list_addr = "smcwg-public@example.org";
	if ((rc = body_with(db, "SMCWG", NULL, 6, 3)) < 0 ||
	    (rc = gv_body_set(db, "SMCWG", &list)) < 0)
		goto out;
	for (int i = 1; i <= 9 && rc == 0; i++) {
		snprintf(org, sizeof(org), i <= 6 ? "Issuer %d" : "Consumer %d",
		         i <= 6 ? i : i - 6);
		rc = rep_of(db, org);
	}
	if (rc < 0 ||
	    (rc = gv_person_email_add(db, "Issuer 1 Rep", NULL,
	                              "alice@home.example")) < 0 ||
	    (rc = gv_org_add(NULL, db, "Associate", "SMCWG", GV_CLASS_ISSUER,
	                     t_at(SINCE))) < 0 ||
	    (rc = gv_person_add(NULL, db,
	                        &(struct gv_person_spec){
	                                "Ann Associate", "Associate",
	                                "ann@associate.example", "SMCWG"})) <
	            0 ||
	    (rc = gv_org_set(db, "Associate", "SMCWG", GV_CLASS_ASSOCIATE, -1,
	                     t_at("2024-11-01"))) < 0)
		goto out;
	/* The clock after every vote here, so the tally sees them all. */
	gv_db_set_now(db, t_at("2025-06-01"));
	rc = run_to_vote(db, &p);
out:
	if (rc < 0) {
		t_fail(__FILE__, __LINE__, "mail_db: %s",
		       gv_error_last()->message);
		gv_db_free(db);
		return NULL;
	}
	return db;
}

const char *
mail_msg(const char *from, const char *subject, const char *date,
         const char *id, const char *extra, const char *body)
{
	char *ids = id ? gv__xsprintf("Message-ID: <%s>\n", id)
	               : gv__xstrdup(""),
	     *msg = gv__xsprintf("From: %s\nTo: smcwg-public@example.org\n"
	                         "Subject: %s\nDate: %s +0000\n%s%s\n%s",
	                         from, subject, date, ids, extra ? extra : "",
	                         body);

	free(ids);
	return t_keep(msg);
}

const char *
mail_mbox(const char *name, ...)
{
	struct gv_buf b = GV_BUF_INIT;
	const char *msg, *path;
	va_list ap;

	va_start(ap, name);
	while ((msg = va_arg(ap, const char *))) {
		gv__buf_puts(&b, "From archive  Fri Nov 15 10:00:00 2024\n");
		gv__buf_puts(&b, msg);
		if (b.size && b.ptr[b.size - 1] != '\n')
			gv__buf_putc(&b, '\n');
		gv__buf_putc(&b, '\n');
	}
	va_end(ap);
	path = t_write_file(name, b.ptr ? b.ptr : "");
	gv__buf_dispose(&b);
	return path;
}

size_t
mail_count(const struct gv_mail_votes *v, enum gv_mail_vote_state s)
{
	size_t n = 0;

	for (size_t i = 0; v && i < v->n; i++)
		n += v->v[i].state == s;
	return n;
}

const struct gv_mail_vote *
mail_entry(const struct gv_mail_votes *v, const char *id)
{
	char want[128];

	snprintf(want, sizeof(want), "<%s>", id);
	for (size_t i = 0; v && i < v->n; i++)
		if (v->v[i].message_id && !strcmp(v->v[i].message_id, want))
			return &v->v[i];
	return NULL;
}

long
mail_ops(struct gv_db *db)
{
	return (long)t_sql_int(db, "SELECT count(*) FROM op");
}
