/* SPDX-License-Identifier: MIT */
/*
 * This file tests the command line as scripts use it: it runs the gavel
 * binary against temporary databases and checks stdout, stderr, the exit
 * status and that refused commands change nothing.
 */
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

/* GAVEL_DB pointing at the test's database, for t_gavel's env. */
static const char *const *
env_db(void)
{
	static char var[4200];
	static const char *env[3];

	snprintf(var, sizeof(var), "GAVEL_DB=%s", t_path("g.db"));
	env[0] = var;
	env[1] = "GAVEL_USER=test";
	env[2] = NULL;
	return env;
}

static int64_t
events(void)
{
	return t_file_int("SELECT count(*) FROM op", 0);
}

/* A database with the demo loaded; 1 on success. */
static int
demo(void)
{
	struct t_run *r = t_gavel(env_db(), "init", "--demo", NULL);

	return r->status == 0 && strstr(r->out, "g.db\n") != NULL;
}

static void
init_demo_lists_the_classes(void)
{
	struct t_run *r;
	json_t *doc, *o;
	json_error_t jerr;
	size_t i;
	int digicert = 0, google = 0;

	T_ASSERT(demo());
	r = t_gavel(env_db(), "org", "list", "--body", "SMCWG", "--format",
	            "json", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->err, "");
	doc = json_loads(r->out, 0, &jerr);
	T_ASSERT(json_is_array(doc));
	json_array_foreach (doc, i, o) {
		const char *name =
		        json_string_value(json_object_get(o, "name"));
		const char *klass =
		        json_string_value(json_object_get(o, "class"));

		if (!strcmp(name, "DigiCert"))
			digicert = !strcmp(klass, "issuer");
		if (!strcmp(name, "Google"))
			google = !strcmp(klass, "consumer");
	}
	json_decref(doc);
	T_ASSERT(digicert);
	T_ASSERT(google);
}

static void
init_demo_people_are_the_attendees(void)
{
	struct t_run *r;
	json_t *doc;
	json_error_t jerr;
	const char *path;
	char *attendees;
	size_t i;

	T_ASSERT(demo());
	r = t_gavel(env_db(), "person", "list", "--format", "json", NULL);
	T_EQ_INT(r->status, 0);
	doc = json_loads(r->out, 0, &jerr);
	T_EQ_INT(json_array_size(doc), 30);
	/* Every attendee of the published minutes, with their organisation. */
	if (!(path = t_testdata_file(
	              "minutes/2024/2024-12-18-minutes-smcwg.md"))) {
		json_decref(doc);
		return;
	}
	attendees = t_read_file(path, NULL);
	for (i = 0; i < json_array_size(doc); i++) {
		json_t *p = json_array_get(doc, i);
		char who[400];

		snprintf(who, sizeof(who), "%s (%s)",
		         json_string_value(json_object_get(p, "name")),
		         json_string_value(json_object_get(p, "org")));
		if (!attendees || !strstr(attendees, who)) {
			json_decref(doc);
			T_CONTAINS(attendees, who);
		}
	}
	json_decref(doc);
}

static void
accents_round_trip(void)
{
	const char *const *env = env_db();
	struct t_run *r;

	T_ASSERT(demo());
	r = t_gavel(env, "person", "add", "Kateryna Aleksieieva", "--org",
	            "asseco data systems sa (certum)", NULL);
	T_EQ_INT(r->status, 1); /* already there, matched without case */
	T_CONTAINS(r->err, "gavel: Kateryna Aleksieieva of");
	r = t_gavel(env, "person", "list", "--org", "Sectigo", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "Iñigo Barreira  ");
	r = t_gavel(env, "person", "list", "--org", "SECTIGO", "--format",
	            "json", NULL);
	T_CONTAINS(r->out, "\"name\": \"Iñigo Barreira\"");
}

static void
creating_prints_the_identifier(void)
{
	const char *const *env = env_db();
	struct t_run *r;

	T_EQ_INT(t_gavel(env, "init", NULL)->status, 0);
	r = t_gavel(env, "body", "add", "SCWG", "--name",
	            "Server Certificate Working Group", "--tz", "UTC", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "SCWG\n");
	r = t_gavel(env, "org", "add", "HARICA", "--body", "scwg", "--class",
	            "issuer", NULL);
	T_EQ_STR(r->out, "HARICA\n");
	r = t_gavel(env, "person", "add", "Dimitris Zacharopoulos", "--org",
	            "HARICA", "--rep", "SCWG", "--email", "dz@example.org",
	            NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_STR(r->out, "Dimitris Zacharopoulos\n");
	r = t_gavel(env, "person", "list", "--reps", "--body", "SCWG",
	            "--format", "json", NULL);
	T_CONTAINS(r->out, "\"representative_of\": [\n      \"SCWG\"");
	r = t_gavel(env, "body", "list", NULL);
	T_CONTAINS(r->out, "SCWG  Server Certificate Working Group  SC ");
}

static void
refused_input_changes_nothing(void)
{
	const char *const *env = env_db();
	struct t_run *r;
	int64_t before;

	T_ASSERT(demo());
	before = events();
	r = t_gavel(env, "org", "add", "Entrust", "--body", "SMCWG", "--class",
	            "voter", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "gavel: unknown member class \"voter\": use "
	                   "issuer, consumer");
	r = t_gavel(env, "org", "add", "DigiCert", "--body", "SMCWG", "--class",
	            "issuer", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "DigiCert is already a member of SMCWG (issuer)");
	r = t_gavel(env, "org", "add", "Entrust", "--body", "SCWG", "--class",
	            "issuer", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no body \"SCWG\": known bodies are SMCWG");
	r = t_gavel(env, "person", "add", "Jos\xE9 P\xE9rez", "--org",
	            "DigiCert", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "not UTF-8");
	r = t_gavel(env, "body", "add", "SCWG", "--name", "SC", "--tz",
	            "Mars/Olympus", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "unknown time zone \"Mars/Olympus\"");
	r = t_gavel(env, "--now", "2024-02-30 10:00", "org", "list", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no such date");
	r = t_gavel(env, "org", "add", "Entrust", "--body", "SMCWG", "--class",
	            "issuer", "--since", "yesterday", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "malformed time \"yesterday\"");
	T_EQ_INT(events(), before);
}

static void
bad_usage_exits_2(void)
{
	const char *const *env = env_db();
	struct t_run *r;

	T_ASSERT(demo());
	r = t_gavel(env, "org", "list", "--colour", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "gavel: unknown option '--colour'\nusage: gavel "
	                   "org list");
	/* gavel's own options typed after the command: where they go. */
	r = t_gavel(env, "issue", "list", "--db", "other.db", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "gavel: '--db' is gavel's own option: give it "
	                   "before the command, as in gavel --db FILE issue "
	                   "list\nusage: gavel issue list");
	r = t_gavel(env, "digest", "--now=2024-01-01", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "as in gavel --now TIME digest\n");
	r = t_gavel(env, "org", "add", "Entrust", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "--body and --class are required");
	r = t_gavel(env, "org", "list", "--format", "yaml", NULL);
	T_EQ_INT(r->status, 2);
	r = t_gavel(env, "org", "frobnicate", NULL);
	T_EQ_INT(r->status, 2);
	r = t_gavel(env, "ballots", NULL);
	T_EQ_INT(r->status, 2);
	T_CONTAINS(r->err, "unknown command 'ballots'");
	r = t_gavel(env, "person", "add", NULL);
	T_EQ_INT(r->status, 2);
	r = t_gavel(env, "body", "list", "extra", NULL);
	T_EQ_INT(r->status, 2);
	T_EQ_STR(r->out, "");
}

static void
help_on_every_command(void)
{
	static const char *const cmds[][2] = {
	        {"init", NULL},    {"body", NULL},     {"body", "add"},
	        {"body", "list"},  {"org", NULL},      {"org", "add"},
	        {"org", "set"},    {"org", "list"},    {"person", NULL},
	        {"person", "add"}, {"person", "list"},
	};
	struct t_run *r;
	size_t i;

	r = t_gavel(NULL, "--help", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "usage: gavel [--db FILE] [--now TIME]");
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		r = cmds[i][1] ? t_gavel(NULL, cmds[i][0], cmds[i][1], "--help",
		                         NULL)
		               : t_gavel(NULL, cmds[i][0], "--help", NULL);
		T_EQ_INT(r->status, 0);
		T_CONTAINS(r->out, "usage: gavel ");
		T_CONTAINS(r->out, cmds[i][0]);
		T_EQ_STR(r->err, "");
	}
}

static void
database_location(void)
{
	static const char *env_xdg[] = {NULL, NULL};
	static char xdg[4200];
	struct stat st;
	struct t_run *r;

	/* The XDG default, folder created on first use. */
	snprintf(xdg, sizeof(xdg), "XDG_DATA_HOME=%s", t_path("xdg"));
	env_xdg[0] = xdg;
	r = t_gavel(env_xdg, "init", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "xdg/gavel/gavel.db");
	T_EQ_INT(stat(t_path("xdg/gavel/gavel.db"), &st), 0);
	/* Without XDG_DATA_HOME: ~/.local/share (HOME is the test folder). */
	r = t_gavel(NULL, "init", NULL);
	T_EQ_INT(r->status, 0);
	T_EQ_INT(stat(t_path(".local/share/gavel/gavel.db"), &st), 0);
	/* --db wins over GAVEL_DB; its folder is not created for it. */
	r = t_gavel(env_db(), "--db", t_path("nowhere/g.db"), "init", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "nowhere does not exist: create it");
	r = t_gavel(NULL, "--db", t_path("absent.db"), "org", "list", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "no database at");
	T_CONTAINS(r->err, "gavel init");
	r = t_gavel(env_db(), "init", NULL);
	T_EQ_INT(r->status, 0);
	r = t_gavel(env_db(), "init", "--demo", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "already exists");
}

static void
not_a_database(void)
{
	const char *path = t_path("minutes.md");
	FILE *f = fopen(path, "w");
	struct t_run *r;
	size_t size;

	fputs("## Minutes of SMCWG\n", f);
	fclose(f);
	r = t_gavel(NULL, "--db", path, "org", "list", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "is not a gavel database");
	T_EQ_STR(t_read_file(path, &size), "## Minutes of SMCWG\n");
	T_EQ_INT(size, 20);
}

static void
locked_database(void)
{
	static const char *busy[] = {NULL, "GAVEL_BUSY_TIMEOUT=150", NULL};
	sqlite3 *other = NULL;
	struct t_run *r;
	int64_t before;

	T_ASSERT(demo());
	busy[0] = env_db()[0];
	before = events();
	sqlite3_open(t_path("g.db"), &other);
	T_EQ_INT(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL),
	         SQLITE_OK);
	r = t_gavel(busy, "org", "add", "Entrust", "--body", "SMCWG", "--class",
	            "issuer", NULL);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "is locked by another writer: try again");
	T_EQ_INT(events(), before);
	/* Readers are not blocked by a writer (WAL). */
	sqlite3_open(t_path("g.db"), &other);
	sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	r = t_gavel(busy, "org", "list", NULL);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "DigiCert");
}

static void
read_only_database(void)
{
	struct t_run *r;
	int64_t before;

	T_ASSERT(demo());
	before = events();
	/* Let the unprivileged user in, but not write: a 0444 file in a
	 * 0555 folder, as on a CD or a read-only mount. */
	T_EQ_INT(chmod(t_path("g.db"), 0444), 0);
	T_EQ_INT(chmod(t_tmpdir(), 0555), 0);
	r = t_gavel_as_nobody(env_db(), "org", "add", "Entrust", "--body",
	                      "SMCWG", "--class", "issuer", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "is read-only: check the permissions");
	/* Issue 15: every read still works there. */
	r = t_gavel_as_nobody(env_db(), "org", "list", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "DigiCert");
	r = t_gavel_as_nobody(env_db(), "ballot", "tally", "SMC010", NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "SMC010: passed");
	T_EQ_INT(t_gavel_as_nobody(env_db(), "deadlines", NULL)->status, 0);
	T_EQ_INT(chmod(t_tmpdir(), 0755), 0);
	T_EQ_INT(events(), before);
}

/* A read-only database of an older schema cannot be upgraded: it says
 * so rather than failing on the first write of the upgrade. */
static void
read_only_older_schema(void)
{
	char cmd[8400];
	struct t_run *r;

	snprintf(cmd, sizeof(cmd),
	         "{ cat tests/data/schema-v5.sql; echo 'PRAGMA user_version = "
	         "5; PRAGMA application_id = %d;'; } | sqlite3 '%s'",
	         0x47766C31, t_path("g.db"));
	T_ASSERT(t_shell_output(cmd) != NULL);
	T_EQ_INT(chmod(t_path("g.db"), 0444), 0);
	T_EQ_INT(chmod(t_tmpdir(), 0555), 0);
	r = t_gavel_as_nobody(env_db(), "org", "list", NULL);
	T_EQ_INT(chmod(t_tmpdir(), 0755), 0);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "is read-only and was written by an older gavel "
	                   "(schema 5");
}

/* Issue 15: on a full disk a read said only "disk I/O error", and an init
 * that failed there left its WAL behind. Needs a small tmpfs (root). */
static void
full_disk(void)
{
	char mnt[4200], cmd[16400], var[4300], *left;
	const char *env[3] = {var, "GAVEL_USER=test", NULL};
	struct t_run *init, *read;

	snprintf(mnt, sizeof(mnt), "%s/small", t_tmpdir());
	snprintf(var, sizeof(var), "GAVEL_DB=%s/d.db", mnt);
	snprintf(cmd, sizeof(cmd),
	         "mkdir '%s' && mount -t tmpfs -o size=2m tmpfs '%s' "
	         "2>/dev/null && echo ok",
	         mnt, mnt);
	if (!t_shell_output(cmd)) {
		t_skip("cannot mount a small tmpfs (needs root): the full "
		       "disk is not checked");
		return;
	}
	/* With 100 kB left the demo does not fit: nothing of its database
	 * stays. */
	snprintf(cmd, sizeof(cmd),
	         "dd if=/dev/zero of='%s/fill' bs=1k count=1948 2>/dev/null "
	         "&& echo ok",
	         mnt);
	(void)t_shell_output(cmd);
	init = t_gavel(env, "init", "--demo", NULL);
	snprintf(cmd, sizeof(cmd), "ls -A '%s' | grep d.db; true", mnt);
	left = t_shell_output(cmd);
	/* An empty database, then a disk with no room left. */
	snprintf(cmd, sizeof(cmd),
	         "rm -rf '%s'/* && '%s' --db '%s/d.db' init >/dev/null && "
	         "dd if=/dev/zero of='%s/fill' bs=4k 2>/dev/null; echo ok",
	         mnt, getenv("GAVEL_BIN"), mnt, mnt);
	(void)t_shell_output(cmd);
	read = t_gavel(env, "org", "list", NULL);
	snprintf(cmd, sizeof(cmd), "umount '%s' 2>/dev/null; true", mnt);
	(void)t_shell_output(cmd);
	T_EQ_INT(init->status, 1);
	T_EQ_STR(left, "");
	T_EQ_INT(read->status, 1);
	T_CONTAINS(read->err, "check that its disk has free space");
}

/* Issue 15: an empty file is not turned into a database by a read; init
 * makes one of it. */
static void
empty_file_is_not_a_database(void)
{
	struct t_run *r;
	struct stat st;

	T_ASSERT(t_write_file("g.db", ""));
	r = t_gavel(env_db(), "org", "list", NULL);
	T_EQ_INT(r->status, 1);
	T_CONTAINS(r->err, "is an empty file, not a gavel database: make one "
	                   "there with 'gavel --db ");
	T_EQ_INT(stat(t_path("g.db"), &st), 0);
	T_EQ_INT(st.st_size, 0);
	T_EQ_INT(t_gavel(env_db(), "init", NULL)->status, 0);
	T_EQ_INT(t_gavel(env_db(), "org", "list", NULL)->status, 0);
	/* A file with content is still refused by init. */
	T_EQ_INT(t_gavel(env_db(), "init", NULL)->status, 1);
}

static void
terminal_text_is_sanitized(void)
{
	const char *const *env = env_db();
	struct t_run *r;

	T_ASSERT(demo());
	/* A right-to-left override could reorder what the terminal shows. */
	r = t_gavel(env, "org", "add", "Evil\xE2\x80\xAEtrO", "--body", "SMCWG",
	            "--class", "interested", NULL);
	T_EQ_INT(r->status, 0);
	r = t_gavel(env, "org", "list", NULL);
	T_ASSERT(!strstr(r->out, "\xE2\x80\xAE"));
	T_CONTAINS(r->out, "Evil\xEF\xBF\xBDtrO");
	/* JSON keeps the stored text exactly. */
	r = t_gavel(env, "org", "list", "--format", "json", NULL);
	T_CONTAINS(r->out, "Evil\xE2\x80\xAEtrO");
}

static void
now_fixes_the_clock(void)
{
	static const char *env[] = {NULL, "GAVEL_NOW=2024-12-18 16:00", NULL};
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int64_t at = 0;

	env[0] = env_db()[0];
	T_EQ_INT(t_gavel(env, "init", "--demo", NULL)->status, 0);
	sqlite3_open(t_path("g.db"), &db);
	sqlite3_prepare_v2(db,
	                   "SELECT min(recorded_at), max(recorded_at) = "
	                   "min(recorded_at) FROM op",
	                   -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 1))
		at = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	T_EQ_INT(at, 1734537600);
}

static void
overview_without_command(void)
{
	struct t_run *r;

	T_ASSERT(demo());
	r = t_gavel(env_db(), NULL);
	T_EQ_INT(r->status, 0);
	T_CONTAINS(r->out, "SMCWG    S/MIME Certificate Working Group: 22 "
	                   "voting members, 26 members");
}

/* Issue 15: every read command on a database with nothing in it. Under
 * `make asan` an undefined act (qsort of NULL and 0 items in deadlines)
 * aborts, so each must end with status 0. */
static void
reads_on_an_empty_database(void)
{
	static const char *const cmds[][5] = {
	        {"deadlines", NULL},
	        {"deadlines", "--format", "json", NULL},
	        {"ballot", "list", NULL},
	        {"ballot", "list", "--format", "json", NULL},
	        {"body", "list", NULL},
	        {"org", "list", NULL},
	        {"person", "list", NULL},
	        {"meeting", "list", NULL},
	        {"meeting", "list", "--format", "json", NULL},
	        {"issue", "list", NULL},
	        {"issue", "list", "--search", "euid", NULL},
	        {"templates", "list", NULL},
	        {NULL},
	};
	struct t_run *r;

	T_EQ_INT(t_gavel(env_db(), "init", NULL)->status, 0);
	T_EQ_INT(t_gavel(env_db(), NULL)->status, 0);
	for (size_t i = 0; cmds[i][0]; i++) {
		r = t_gavel(env_db(), cmds[i][0], cmds[i][1], cmds[i][2],
		            cmds[i][3], NULL);
		if (r->status != 0)
			t_fail(__FILE__, __LINE__, "gavel %s %s: status %d: %s",
			       cmds[i][0], cmds[i][1] ? cmds[i][1] : "",
			       r->status, r->err);
	}
}

/* Issue 14: organisation and person lists sort as people do, in text
 * and in json. */
static void
lists_sort_naturally(void)
{
	static const char *const orgs[] = {"Issuer 10",
	                                   "Zeta CA",
	                                   "issuer 2",
	                                   "\xC3\x89"
	                                   "clair",
	                                   "Issuer 1",
	                                   "Eclat"};
	const char *const *e = env_db();
	struct t_run *r;
	json_t *doc;
	size_t i;

	T_EQ_INT(t_gavel(e, "init", NULL)->status, 0);
	T_EQ_INT(t_gavel(e, "body", "add", "SMCWG", "--name", "S/MIME", NULL)
	                 ->status,
	         0);
	for (i = 0; i < sizeof(orgs) / sizeof(orgs[0]); i++)
		T_EQ_INT(t_gavel(e, "org", "add", orgs[i], "--body", "SMCWG",
		                 "--class", "issuer", NULL)
		                 ->status,
		         0);
	T_EQ_INT(
	        t_gavel(e, "person", "add", "Rep 10", "--org", "Issuer 2", NULL)
	                ->status,
	        0);
	T_EQ_INT(t_gavel(e, "person", "add", "\xC3\x81lvaro", "--org",
	                 "Issuer 10", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "person", "add", "Rep 9", "--org", "Issuer 2", NULL)
	                 ->status,
	         0);
	T_EQ_INT(t_gavel(e, "person", "add", "alice", NULL)->status, 0);
	r = t_gavel(e, "org", "list", NULL);
	/* Byte order would put É after Z; folded, it is an E. */
	T_ASSERT(strstr(r->out, "\n\xC3\x89"
	                        "clair ") < strstr(r->out, "\nEclat "));
	T_ASSERT(strstr(r->out, "Eclat") < strstr(r->out, "Issuer 1 "));
	T_ASSERT(strstr(r->out, "Issuer 1 ") < strstr(r->out, "issuer 2"));
	T_ASSERT(strstr(r->out, "issuer 2") < strstr(r->out, "Issuer 10"));
	T_ASSERT(strstr(r->out, "Issuer 10") < strstr(r->out, "Zeta CA"));
	r = t_gavel(e, "org", "list", "--format", "json", NULL);
	doc = json_loads(r->out, 0, NULL);
	T_EQ_INT(json_array_size(doc), 6);
	T_EQ_STR(json_string_value(
	                 json_object_get(json_array_get(doc, 3), "name")),
	         "issuer 2");
	T_EQ_STR(json_string_value(
	                 json_object_get(json_array_get(doc, 4), "name")),
	         "Issuer 10");
	json_decref(doc);
	r = t_gavel(e, "person", "list", NULL);
	T_ASSERT(strstr(r->out, "alice") < strstr(r->out, "\xC3\x81lvaro"));
	T_ASSERT(strstr(r->out, "\xC3\x81lvaro") < strstr(r->out, "Rep 9"));
	T_ASSERT(strstr(r->out, "Rep 9") < strstr(r->out, "Rep 10"));
	r = t_gavel(e, "person", "list", "--format", "json", NULL);
	doc = json_loads(r->out, 0, NULL);
	T_EQ_INT(json_array_size(doc), 4);
	T_EQ_STR(json_string_value(
	                 json_object_get(json_array_get(doc, 2), "name")),
	         "Rep 9");
	T_EQ_STR(json_string_value(
	                 json_object_get(json_array_get(doc, 3), "name")),
	         "Rep 10");
	json_decref(doc);
}

const struct t_case cli_tests[] = {
        {"reads_on_an_empty_database", reads_on_an_empty_database},
        {"lists_sort_naturally", lists_sort_naturally},
        {"init_demo_lists_the_classes", init_demo_lists_the_classes},
        {"init_demo_people_are_the_attendees",
         init_demo_people_are_the_attendees},
        {"accents_round_trip", accents_round_trip},
        {"creating_prints_the_identifier", creating_prints_the_identifier},
        {"refused_input_changes_nothing", refused_input_changes_nothing},
        {"bad_usage_exits_2", bad_usage_exits_2},
        {"help_on_every_command", help_on_every_command},
        {"database_location", database_location},
        {"not_a_database", not_a_database},
        {"locked_database", locked_database},
        {"read_only_database", read_only_database},
        {"empty_file_is_not_a_database", empty_file_is_not_a_database},
        {"read_only_older_schema", read_only_older_schema},
        {"full_disk", full_disk},
        {"terminal_text_is_sanitized", terminal_text_is_sanitized},
        {"now_fixes_the_clock", now_fixes_the_clock},
        {"overview_without_command", overview_without_command},
        {NULL, NULL},
};
