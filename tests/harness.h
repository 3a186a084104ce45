/* SPDX-License-Identifier: MIT */
/*
 * This file declares the test runner's API: test tables, assertions that
 * print "file:line: got ..., want ...", per-test temporary folders, and
 * running the gavel binary for command-line tests.
 */
#ifndef GV_TEST_HARNESS_H
#define GV_TEST_HARNESS_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct t_case {
	const char *name;
	void (*fn)(void);
};

/* Marks the running test failed (assertions call it). */
void t_fail(const char *file, int line, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* Marks the running test skipped, with the reason printed by name. */
void t_skip(const char *reason);

#define T_ASSERT(cond)                                                         \
	do {                                                                   \
		if (!(cond)) {                                                 \
			t_fail(__FILE__, __LINE__, "%s", #cond);               \
			return;                                                \
		}                                                              \
	} while (0)

#define T_EQ_INT(got, want)                                                    \
	do {                                                                   \
		long long g_ = (long long)(got), w_ = (long long)(want);       \
		if (g_ != w_) {                                                \
			t_fail(__FILE__, __LINE__, "%s: got %lld, want %lld",  \
			       #got, g_, w_);                                  \
			return;                                                \
		}                                                              \
	} while (0)

#define T_EQ_STR(got, want)                                                    \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0) {             \
			t_fail(__FILE__, __LINE__,                             \
			       "%s: got \"%s\", want \"%s\"", #got,            \
			       g_ ? g_ : "(null)", w_ ? w_ : "(null)");        \
			return;                                                \
		}                                                              \
	} while (0)

/* haystack contains needle. */
#define T_CONTAINS(haystack, needle)                                           \
	do {                                                                   \
		const char *h_ = (haystack), *n_ = (needle);                   \
		if (!h_ || !strstr(h_, n_)) {                                  \
			t_fail(__FILE__, __LINE__,                             \
			       "%s: got \"%s\", want it to contain \"%s\"",    \
			       #haystack, h_ ? h_ : "(null)", n_);             \
			return;                                                \
		}                                                              \
	} while (0)

/* expr returns 0; else the test fails with the core's message (gv_error_last(),
 * from gavel/error.h). */
#define T_OK(expr)                                                             \
	do {                                                                   \
		int rc_ = (expr);                                              \
		if (rc_ < 0) {                                                 \
			t_fail(__FILE__, __LINE__, "%s: got %d (%s), want 0",  \
			       #expr, rc_, gv_error_last()->message);          \
			return;                                                \
		}                                                              \
	} while (0)

/* expr is refused with code, and the message contains needle. */
#define T_REFUSED(expr, code, needle)                                          \
	do {                                                                   \
		T_EQ_INT((expr), (code));                                      \
		T_CONTAINS(gv_error_last()->message, (needle));                \
	} while (0)

/* Keeps p (from malloc) until the running test ends; returns it. */
void *t_keep(void *p);

/* A fresh folder for the running test, removed when it ends. */
const char *t_tmpdir(void);

/* t_tmpdir()/name, valid until the running test ends. */
const char *t_path(const char *name);

/* What a run of ./gavel printed and how it ended. */
struct t_run {
	int status; /* exit status, or 128 + signal */
	char *out;  /* stdout, NUL-terminated (freed by the harness) */
	char *err;  /* stderr */
};

/*
 * Runs $GAVEL_BIN with the NULL-terminated arguments, in the test's
 * folder, with GAVEL_DB, GAVEL_NOW and XDG_DATA_HOME cleared unless env
 * ("NAME=value" strings, NULL-terminated, may be NULL) sets them. The
 * result is valid until the test ends.
 */
struct t_run *t_gavel(const char *const *env, ...);

/*
 * An environment for t_gavel: GAVEL_DB=t_path("g.db"), GAVEL_NOW=now (if
 * not NULL) and GAVEL_USER=user. Valid until the next call.
 */
const char *const *t_env(const char *now, const char *user);

/* t_gavel with the arguments as a va_list (for fixtures that wrap it). */
struct t_run *t_gavel_v(const char *const *env, va_list ap);

/* Like t_gavel, with input as its standard input. */
struct t_run *t_gavel_input(const char *input, const char *const *env, ...);

/* Like t_gavel, run as an unprivileged user when the tests run as root
 * (permissions do not bind root). */
struct t_run *t_gavel_as_nobody(const char *const *env, ...);

/* Writes text to name in the test's folder; its path, or NULL. */
const char *t_write_file(const char *name, const char *text);

/* Writes name in the test's folder: n issues as `gh issue list --json`
 * writes them, numbered from 1001 and titled "TITLE 1".."TITLE n", each
 * with one comment; its path, or NULL. */
const char *t_gh_issues(const char *name, int n, const char *title);

/* Reads a whole file (freed by the harness when the test ends). */
char *t_read_file(const char *path, size_t *size);

/* What a shell command printed on stdout (freed by the harness), or NULL
 * when it could not run or exited non-zero. */
char *t_shell_output(const char *cmd);

/* The folder with the shared test data, or NULL (then skip by name). */
const char *t_testdata(void);

/*
 * The absolute path of rel in the shared test data; when the data or that
 * file is absent, the running test is skipped, naming rel, and NULL comes
 * back (an empty data folder behaves as a clone without ../shared).
 */
const char *t_testdata_file(const char *rel);

/* The absolute path of rel under tests/data/, the fixtures written for
 * these tests; a missing one fails the test (run from the source folder). */
const char *t_fixture(const char *rel);

/* An instant, UTC ("2024-11-07 14:00"); aborts on a typo in the test. */
int64_t t_at(const char *text);

/* One value of SQL through a test's own connection (-1 on error), for
 * what the API does not read back. */
struct gv_db;
int64_t t_sql_int(struct gv_db *db, const char *sql);

/* The first column of the first row sql gives, as text (a static copy,
 * "" for none or NULL). */
const char *t_sql_text(struct gv_db *db, const char *sql);

/* Runs sql on the file at path with SQLite alone, as a store written by
 * another version of gavel would be. */
void t_sql_file(const char *path, const char *sql);

/* An empty store at path as gavel wrote it at schema version (from
 * tests/data/schema-vN.sql): 0, or -1 when that schema is not saved. */
int t_store_at(const char *path, int version);

/* Records a snapshot of the tables JSON holds ({"tables": {...}}) as a
 * store from before the log would have, and rebuilds db from its log. */
struct gv_rebuild_report;
int t_snapshot_replay(struct gv_rebuild_report *r, struct gv_db *db,
                      const char *tables);

/* The numbers of the issues a search finds, in its order ("263 264"),
 * with a state (-1: any) and a label (or NULL); the error's message when
 * the search fails. */
const char *t_issues_found(struct gv_db *db, const char *query, int state,
                           const char *label);

/* The voting members meeting id counted present (its roll call against
 * the memberships of its day), or -1. */
int t_voting_orgs(struct gv_db *db, int64_t id);

/* How many statements whose text holds each needle ran on db between
 * t_runs_start and t_runs_stop (sqlite3_trace_v2): what a path reads. */
struct t_runs {
	const char *needle[2];
	int n[2];
};
void t_runs_start(struct gv_db *db, struct t_runs *runs);
void t_runs_stop(struct gv_db *db);

/* One value of sql on the test's g.db, read through a connection of its
 * own as another program would, with ?1 (if sql has it) bound to arg;
 * -1 on error. */
int64_t t_file_int(const char *sql, int64_t arg);

/* A new database g.db in the test's folder holding the S/MIME Certificate
 * Working Group (SMCWG, America/New_York), its clock at now, acting as
 * "chair"; NULL when that fails. */
struct gv_db *t_smcwg_db(int64_t now);

/* A call of t_smcwg_db's SMCWG at when ("2025-01-15 11:00", New York
 * time); its id, or -1. */
int64_t t_smcwg_meeting(struct gv_db *db, const char *when);

/* Every database a passing test leaves is checked to rebuild from its
 * operation log as it was (tests/rebuild_check.c); a test that writes
 * rows around the log on purpose (as an older gavel or another tool
 * would, or a rule no command sets yet) turns that off. */
void t_rebuild_skip(void);

/* Every row of every table of db as text (kept by the harness): two
 * equal snapshots, two databases with the same content. */
char *t_db_snapshot(struct gv_db *db);

#endif
