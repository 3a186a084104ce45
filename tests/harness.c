/* SPDX-License-Identifier: MIT */
/*
 * This file implements the test runner: one binary for every suite. Run it
 * with a substring to filter ("db/", "cli/init"). Its last line is always
 * "N passed, N failed" (", N skipped" when some were), which CI reads.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"
#include "gavel/init.h"
#include "gavel/issue.h"
#include "gavel/log.h"
#include "gavel/meeting.h"
#include "gavel/roster.h"
#include "gavel/time.h"
#include "gavel/zone.h"
#include "harness.h"
#include "internal.h"
#include "op_kinds.h"
#include "op_log.h"
#include "rebuild_check.h"

extern const struct t_case module_tests[];
extern const struct t_case text_tests[], time_tests[], zone_tests[], db_tests[],
        roster_tests[], demo_tests[], cli_tests[], mustache_tests[],
        mustache_cases_tests[], render_tests[];
extern const struct t_case minutes_parse_front_tests[],
        minutes_parse_meeting_tests[], minutes_parse_attendees_tests[],
        minutes_parse_samples_tests[], minutes_parse_fixtures_tests[],
        meeting_tests[], meeting_cli_tests[], ballot_clock_tests[],
        ballot_examples_tests[], ballot_tally_tests[], ballot_vote_tests[],
        ballot_lifecycle_tests[], ballot_lint_tests[], ballot_cli_tests[],
        ballot_rounds_tests[], ballot_notice_tests[], ballot_apply_tests[],
        ballot_asof_tests[], redline_tests[], redline_cli_tests[];
extern const struct t_case meeting_guards_tests[];
extern const struct t_case redline_write_tests[], issue_tests[],
        issue_cli_tests[], issue_golden_tests[], issue_import_tests[],
        deadlines_live_tests[], tui_tests[], readme_tests[], body_cli_tests[];
extern const struct t_case tui_keys_tests[], tui_screens_tests[];
extern const struct t_case minutes_folder_tests[], minutes_shapes_tests[],
        affiliation_tests[], atomic_tests[], refusals_tests[],
        person_email_tests[], votes_from_tests[], vote_text_tests[],
        issue_state_tests[], sync_renumber_tests[], votes_from_cli_tests[];
extern const struct t_case git_chain_tests[], ssh_sign_tests[],
        git_remote_tests[], git_copy_tests[], sync_tests[], sync_faults_tests[],
        json_canon_tests[], op_unpack_tests[];
extern const struct t_case mail_out_tests[], mail_send_tests[], remind_tests[];
extern const struct t_case calendar_tests[], calendar_out_tests[],
        calendar_met_tests[], calendar_zones_tests[], calendar_cadence_tests[];
extern const struct t_case commands_tests[], progress_tests[],
        demo_today_tests[];
extern const struct t_case complete_tests[], install_tests[], deb_tests[];
extern const struct t_case pages_tests[], report_tests[], digest_tests[];

static const struct {
	const char *name;
	const struct t_case *cases;
} suites[] = {
        {"text", text_tests},
        {"time", time_tests},
        {"zone", zone_tests},
        {"module", module_tests},
        {"db", db_tests},
        {"roster", roster_tests},
        {"demo", demo_tests},
        {"demo_today", demo_today_tests},
        {"cli", cli_tests},
        {"commands", commands_tests},
        {"progress", progress_tests},
        {"body_cli", body_cli_tests},
        {"mustache", mustache_tests},
        {"mustache_cases", mustache_cases_tests},
        {"render", render_tests},
        {"meeting", meeting_tests},
        {"meeting_cli", meeting_cli_tests},
        {"meeting_guards", meeting_guards_tests},
        {"minutes_parse_front", minutes_parse_front_tests},
        {"minutes_parse_meeting", minutes_parse_meeting_tests},
        {"minutes_parse_attendees", minutes_parse_attendees_tests},
        {"minutes_parse_samples", minutes_parse_samples_tests},
        {"minutes_parse_fixtures", minutes_parse_fixtures_tests},
        {"minutes_shapes", minutes_shapes_tests},
        {"minutes_folder", minutes_folder_tests},
        {"affiliation", affiliation_tests},
        {"person_email", person_email_tests},
        {"issue_state", issue_state_tests},
        {"sync_renumber", sync_renumber_tests},
        {"ballot_clock", ballot_clock_tests},
        {"ballot_examples", ballot_examples_tests},
        {"ballot_tally", ballot_tally_tests},
        {"ballot_vote", ballot_vote_tests},
        {"ballot_lifecycle", ballot_lifecycle_tests},
        {"ballot_lint", ballot_lint_tests},
        {"ballot_cli", ballot_cli_tests},
        {"ballot_rounds", ballot_rounds_tests},
        {"ballot_notice", ballot_notice_tests},
        {"ballot_apply", ballot_apply_tests},
        {"ballot_asof", ballot_asof_tests},
        {"vote_text", vote_text_tests},
        {"votes_from", votes_from_tests},
        {"votes_from_cli", votes_from_cli_tests},
        {"redline_write", redline_write_tests},
        {"redline", redline_tests},
        {"redline_cli", redline_cli_tests},
        {"issue", issue_tests},
        {"issue_cli", issue_cli_tests},
        {"issue_golden", issue_golden_tests},
        {"issue_import", issue_import_tests},
        {"deadlines_live", deadlines_live_tests},
        {"tui", tui_tests},
        {"tui_keys", tui_keys_tests},
        {"tui_screens", tui_screens_tests},
        {"atomic", atomic_tests},
        {"refusals", refusals_tests},
        {"git_chain", git_chain_tests},
        {"ssh_sign", ssh_sign_tests},
        {"git_remote", git_remote_tests},
        {"git_copy", git_copy_tests},
        {"sync", sync_tests},
        {"sync_faults", sync_faults_tests},
        {"digest", digest_tests},
        {"json_canon", json_canon_tests},
        {"op_unpack", op_unpack_tests},
        {"mail_out", mail_out_tests},
        {"mail_send", mail_send_tests},
        {"remind", remind_tests},
        {"calendar", calendar_tests},
        {"calendar_out", calendar_out_tests},
        {"calendar_met", calendar_met_tests},
        {"calendar_zones", calendar_zones_tests},
        {"calendar_cadence", calendar_cadence_tests},
        {"pages", pages_tests},
        {"report", report_tests},
        {"readme", readme_tests},
        {"complete", complete_tests},
        {"install", install_tests},
        {"deb", deb_tests},
};

static const char *current;
static int failed_now, skipped_now;
static char tmpdir[4096];
static void *garbage[4096];
static size_t ngarbage;

static void *
keep(void *p)
{
	if (ngarbage == sizeof(garbage) / sizeof(garbage[0])) {
		fprintf(stderr, "harness: %s keeps more than %zu buffers\n",
		        current, ngarbage);
		abort();
	}
	garbage[ngarbage++] = p;
	return p;
}

void *
t_keep(void *p)
{
	return keep(p);
}

void
t_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (!failed_now)
		printf("FAIL %s\n", current);
	failed_now = 1;
	printf("  %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void
t_skip(const char *reason)
{
	printf("SKIP %s: %s\n", current, reason);
	skipped_now = 1;
}

const char *
t_tmpdir(void)
{
	const char *base = getenv("TMPDIR");

	if (!tmpdir[0]) {
		snprintf(tmpdir, sizeof(tmpdir), "%s/gavel-test-XXXXXX",
		         base && *base ? base : "/tmp");
		if (!mkdtemp(tmpdir)) {
			perror("mkdtemp");
			exit(1);
		}
	}
	return tmpdir;
}

const char *
t_path(const char *name)
{
	size_t n = strlen(t_tmpdir()) + strlen(name) + 2;
	char *p = malloc(n);

	if (!p)
		abort();
	snprintf(p, n, "%s/%s", t_tmpdir(), name);
	return keep(p);
}

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static void
test_cleanup(void)
{
	size_t i;

	if (tmpdir[0]) {
		chmod(tmpdir, 0700);
		nftw(tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
		tmpdir[0] = '\0';
	}
	for (i = 0; i < ngarbage; i++)
		free(garbage[i]);
	ngarbage = 0;
}

/* Reads a stream to its end (kept by the harness). */
static char *
read_stream(FILE *f, size_t *size)
{
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	do {
		if (n + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			buf = gv__xrealloc(buf, cap);
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	buf[n] = '\0';
	if (size)
		*size = n;
	return keep(buf);
}

const char *
t_write_file(const char *name, const char *text)
{
	const char *path = t_path(name);
	FILE *f = fopen(path, "w");

	if (!f)
		return NULL;
	fputs(text, f);
	return fclose(f) == 0 ? path : NULL;
}

char *
t_read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	if (!f)
		return NULL;
	buf = read_stream(f, size);
	fclose(f);
	return buf;
}

char *
t_shell_output(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	char *out;

	if (!p)
		return NULL;
	out = read_stream(p, NULL);
	if (pclose(p) != 0)
		return NULL;
	return out;
}

/* Reads both pipes to their end without letting either fill up. */
static void
drain(int out_fd, int err_fd, char **out, char **err)
{
	struct pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
	char *bufs[2] = {NULL, NULL};
	size_t lens[2] = {0, 0}, caps[2] = {0, 0};
	int open_fds = 2, i;

	while (open_fds > 0) {
		if (poll(fds, 2, -1) < 0 && errno != EINTR)
			break;
		for (i = 0; i < 2; i++) {
			ssize_t n;

			if (fds[i].fd < 0 || !fds[i].revents)
				continue;
			if (lens[i] + 4097 > caps[i]) {
				caps[i] = caps[i] ? caps[i] * 2 : 8192;
				bufs[i] = gv__xrealloc(bufs[i], caps[i]);
			}
			n = read(fds[i].fd, bufs[i] + lens[i], 4096);
			if (n <= 0) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
			} else {
				lens[i] += (size_t)n;
			}
		}
	}
	for (i = 0; i < 2; i++) {
		if (!bufs[i])
			bufs[i] = gv__xmalloc(1);
		bufs[i][lens[i]] = '\0';
	}
	*out = keep(bufs[0]);
	*err = keep(bufs[1]);
}

/*
 * A copy of the binary in the test's folder, which an unprivileged user
 * can run wherever the build is (a clone under a 0700 folder, such as
 * mktemp -d makes, keeps them out of the original). NULL on failure.
 */
static const char *
binary_for_nobody(const char *bin)
{
	const char *copy = t_path("gavel-for-nobody");
	size_t size = 0;
	char *data = t_read_file(bin, &size);
	FILE *f;

	if (!data || !(f = fopen(copy, "wb")))
		return NULL;
	if (fwrite(data, 1, size, f) != size || fclose(f) != 0 ||
	    chmod(copy, 0755) < 0)
		return NULL;
	return copy;
}

/* The file the next run reads as its standard input, or NULL. */
static const char *run_stdin;

static struct t_run *
run_gavel(int as_nobody, const char *const *env, va_list ap)
{
	const char *bin = getenv("GAVEL_BIN");
	const char *argv[64];
	struct t_run *r = keep(calloc(1, sizeof(*r)));
	int out[2], err[2], n = 1, status;
	const char *a;
	pid_t pid;

	t_tmpdir(); /* made here, not in the child, so it is removed */
	argv[0] = bin ? bin : "./gavel";
	if (as_nobody && geteuid() == 0 &&
	    !(argv[0] = binary_for_nobody(argv[0]))) {
		perror("copying gavel for an unprivileged user");
		exit(1);
	}
	while ((a = va_arg(ap, const char *)) && n < 63)
		argv[n++] = a;
	argv[n] = NULL;
	if (pipe(out) < 0 || pipe(err) < 0 || (pid = fork()) < 0) {
		perror("spawning gavel");
		exit(1);
	}
	if (pid == 0) {
		dup2(out[1], 1);
		dup2(err[1], 2);
		close(out[0]), close(out[1]), close(err[0]), close(err[1]);
		if (run_stdin) {
			int in = open(run_stdin, O_RDONLY);

			if (in < 0 || dup2(in, 0) < 0)
				_exit(126);
			close(in);
		}
		if (chdir(t_tmpdir()) < 0)
			_exit(126);
		unsetenv("GAVEL_DB");
		unsetenv("GAVEL_NOW");
		unsetenv("XDG_DATA_HOME");
		setenv("HOME", t_tmpdir(), 1);
		for (; env && *env; env++)
			putenv((char *)*env);
		if (as_nobody && geteuid() == 0 &&
		    (setgid(65534) < 0 || setuid(65534) < 0))
			_exit(126);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(out[1]);
	close(err[1]);
	drain(out[0], err[0], &r->out, &r->err);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	r->status = WIFEXITED(status) ? WEXITSTATUS(status)
	                              : 128 + WTERMSIG(status);
	return r;
}

const char *const *
t_env(const char *now, const char *user)
{
	static char db[4200], clock[64], who[64];
	static const char *vars[4];
	size_t n = 0;

	snprintf(db, sizeof(db), "GAVEL_DB=%s", t_path("g.db"));
	snprintf(who, sizeof(who), "GAVEL_USER=%s", user);
	vars[n++] = db;
	vars[n++] = who;
	if (now) {
		snprintf(clock, sizeof(clock), "GAVEL_NOW=%s", now);
		vars[n++] = clock;
	}
	vars[n] = NULL;
	return vars;
}

struct t_run *
t_gavel(const char *const *env, ...)
{
	struct t_run *r;
	va_list ap;

	va_start(ap, env);
	r = run_gavel(0, env, ap);
	va_end(ap);
	return r;
}

struct t_run *
t_gavel_v(const char *const *env, va_list ap)
{
	return run_gavel(0, env, ap);
}

struct t_run *
t_gavel_input(const char *input, const char *const *env, ...)
{
	struct t_run *r;
	va_list ap;

	if (!(run_stdin = t_write_file("stdin.txt", input))) {
		perror("writing a test's standard input");
		exit(1);
	}
	va_start(ap, env);
	r = run_gavel(0, env, ap);
	va_end(ap);
	run_stdin = NULL;
	return r;
}

struct t_run *
t_gavel_as_nobody(const char *const *env, ...)
{
	struct t_run *r;
	va_list ap;

	va_start(ap, env);
	r = run_gavel(1, env, ap);
	va_end(ap);
	return r;
}

const char *
t_testdata(void)
{
	static char path[4096];
	const char *env = getenv("GAVEL_TESTDATA");
	struct stat st;

	/* Absolute, because CLI tests run gavel in their own folder. */
	if (!realpath(env && *env ? env : "../shared/data", path) ||
	    stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return NULL;
	return path;
}

/* dir/rel, kept by the harness. */
static const char *
join_path(const char *dir, const char *rel)
{
	size_t n = strlen(dir) + strlen(rel) + 2;
	char *full = keep(gv__xmalloc(n));

	snprintf(full, n, "%s/%s", dir, rel);
	return full;
}

const char *
t_testdata_file(const char *rel)
{
	char why[512];
	const char *path;

	if (!t_testdata()) {
		snprintf(why, sizeof(why),
		         "../shared/data not found (set GAVEL_TESTDATA): "
		         "needs %s",
		         rel);
		t_skip(why);
		return NULL;
	}
	path = join_path(t_testdata(), rel);
	if (access(path, R_OK) == 0)
		return path;
	snprintf(why, sizeof(why), "%s is not in the shared test data", rel);
	t_skip(why);
	return NULL;
}

const char *
t_fixture(const char *rel)
{
	const char *path;
	char dir[4096];

	/* Absolute, because CLI tests run gavel in their own folder. */
	if (!realpath("tests/data", dir)) {
		t_fail(__FILE__, __LINE__,
		       "tests/data not found: run the tests from the source "
		       "folder");
		return NULL;
	}
	path = join_path(dir, rel);
	if (access(path, R_OK) != 0) {
		t_fail(__FILE__, __LINE__, "tests/data/%s is missing", rel);
		return NULL;
	}
	return path;
}

int
main(int argc, char **argv)
{
	const char *filter = argc > 1 ? argv[1] : NULL;
	int passed = 0, failed = 0, skipped = 0;
	char name[256];
	size_t s;

	signal(SIGPIPE, SIG_IGN);
	gv_global_init();
	for (s = 0; s < sizeof(suites) / sizeof(suites[0]); s++) {
		const struct t_case *c;

		for (c = suites[s].cases; c->name; c++) {
			snprintf(name, sizeof(name), "%s/%s", suites[s].name,
			         c->name);
			if (filter && !strstr(name, filter))
				continue;
			current = name;
			failed_now = skipped_now = 0;
			c->fn();
			if (!failed_now && !skipped_now && tmpdir[0])
				t_rebuild_check(tmpdir);
			test_cleanup();
			if (failed_now)
				failed++;
			else if (skipped_now)
				skipped++;
			else
				passed++;
		}
	}
	gv_global_shutdown();
	t_rebuild_summary();
	if (skipped)
		printf("%d passed, %d failed, %d skipped\n", passed, failed,
		       skipped);
	else
		printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}

int64_t
t_at(const char *text)
{
	int64_t t = -1;

	if (gv_time_parse(&t, text) < 0)
		abort();
	return t;
}

const char *
t_gh_issues(const char *name, int n, const char *title)
{
	const char *path = t_path(name);
	FILE *f = fopen(path, "w");
	int i;

	if (!f)
		return NULL;
	fputc('[', f);
	for (i = 1; i <= n; i++)
		fprintf(f,
		        "%s{\"number\": %d, \"title\": \"%s %d\", \"state\": "
		        "\"OPEN\", \"labels\": [], \"body\": \"text\", "
		        "\"url\": "
		        "\"https://github.com/o/r/issues/%d\", \"createdAt\": "
		        "\"2024-01-01T00:00:00Z\", \"closedAt\": null, "
		        "\"author\": {\"login\": \"a\"}, \"comments\": "
		        "[{\"id\": "
		        "\"C%d\", \"author\": {\"login\": \"b\"}, \"body\": "
		        "\"c\", "
		        "\"createdAt\": \"2024-01-02T00:00:00Z\"}]}",
		        i > 1 ? ", " : "", 1000 + i, title, i, i, i);
	fputs("]\n", f);
	fclose(f);
	return path;
}

int64_t
t_file_int(const char *sql, int64_t arg)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	if (sqlite3_open_v2(t_path("g.db"), &db, SQLITE_OPEN_READONLY, NULL) ==
	            SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    (!sqlite3_bind_parameter_count(st) ||
	     sqlite3_bind_int64(st, 1, arg) == SQLITE_OK) &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

struct gv_db *
t_smcwg_db(int64_t now)
{
	struct gv_db_options opts = {GV_DB_CREATE, 0};
	struct gv_body_spec spec = {0};
	struct gv_db *db = NULL;

	if (gv_db_open(&db, t_path("g.db"), &opts) < 0)
		return NULL;
	gv_db_set_now(db, now);
	gv_db_set_actor(db, "chair");
	spec.code = "SMCWG";
	spec.name = "S/MIME Certificate Working Group";
	spec.tz = "America/New_York";
	if (gv_body_add(NULL, db, &spec) < 0) {
		gv_db_free(db);
		return NULL;
	}
	return db;
}

int64_t
t_smcwg_meeting(struct gv_db *db, const char *when)
{
	struct gv_meeting_spec spec = {0};
	int64_t id = -1;

	spec.body = "SMCWG";
	if (gv_time_parse_in(&spec.starts_at, when, "America/New_York") < 0 ||
	    gv_meeting_add(&id, db, &spec) < 0)
		return -1;
	return id;
}

void
t_sql_file(const char *path, const char *sql)
{
	sqlite3 *db = NULL;

	sqlite3_open(path, &db);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
}

int
t_store_at(const char *path, int version)
{
	char saved[64], pragma[96];
	const char *dump;

	snprintf(saved, sizeof(saved), "tests/data/schema-v%d.sql", version);
	if (!(dump = t_read_file(saved, NULL)))
		return -1;
	snprintf(pragma, sizeof(pragma),
	         "PRAGMA user_version = %d; PRAGMA application_id = %d",
	         version, GV__APPLICATION_ID);
	t_sql_file(path, dump);
	t_sql_file(path, pragma);
	return 0;
}

int
t_snapshot_replay(struct gv_rebuild_report *r, struct gv_db *db,
                  const char *tables)
{
	struct gv__op op = {0};
	json_t *data = json_loads(tables, 0, NULL);
	int error;

	if (!data)
		return -1;
	op.kind = &gv__op_store_snapshot;
	op.data = data;
	op.actor = "tester";
	op.part = GV__OP_NO_PART;
	op.at = op.recorded = 1700000000;
	error = gv__op_record(db, &op, NULL, "applied", NULL);
	json_decref(data);
	return error < 0 ? error : gv_rebuild(r, db);
}

int64_t
t_sql_int(struct gv_db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t v = -1;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

const char *
t_sql_text(struct gv_db *db, const char *sql)
{
	static char out[1024];
	sqlite3_stmt *st = NULL;
	const unsigned char *v;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && (v = sqlite3_column_text(st, 0)))
		snprintf(out, sizeof(out), "%s", (const char *)v);
	sqlite3_finalize(st);
	return out;
}

const char *
t_issues_found(struct gv_db *db, const char *query, int state,
               const char *label)
{
	static char out[128];
	struct gv_issue_filter f = {0};
	struct gv_issue_list l;
	size_t i, n = 0;

	f.search = query;
	f.state = state;
	f.label = label;
	out[0] = '\0';
	if (gv_issue_list(&l, db, &f) < 0)
		return gv_error_last()->message;
	/* Past the buffer's end the list is cut, not written beyond it. */
	for (i = 0; i < l.n && n < sizeof(out); i++)
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%lld",
		                      i ? " " : "", (long long)l.v[i].number);
	gv_issue_list_dispose(&l);
	return out;
}

int
t_voting_orgs(struct gv_db *db, int64_t id)
{
	struct gv_meeting_detail *m = NULL;
	int n = -1;

	if (gv_meeting_get(&m, db, id) == 0)
		n = m->meeting.voting_orgs;
	gv_meeting_detail_free(m);
	return n;
}

static int
count_runs(unsigned type, void *payload, void *stmt, void *x)
{
	struct t_runs *r = payload;
	const char *sql = sqlite3_sql(stmt);

	(void)type;
	(void)x;
	for (size_t i = 0; i < 2; i++)
		if (sql && r->needle[i] && strstr(sql, r->needle[i]))
			r->n[i]++;
	return 0;
}

void
t_runs_start(struct gv_db *db, struct t_runs *runs)
{
	sqlite3_trace_v2(db->sql, SQLITE_TRACE_STMT, count_runs, runs);
}

void
t_runs_stop(struct gv_db *db)
{
	sqlite3_trace_v2(db->sql, 0, NULL, NULL);
}

char *
t_db_snapshot(struct gv_db *db)
{
	struct gv_buf b = GV_BUF_INIT;
	sqlite3_stmt *tables = NULL, *rows = NULL;

	if (sqlite3_prepare_v2(db->sql,
	                       "SELECT name FROM sqlite_schema WHERE type = "
	                       "'table' ORDER BY name",
	                       -1, &tables, NULL) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", name);
		int i, n;

		gv__buf_printf(&b, "[%s]\n", name);
		if (sqlite3_prepare_v2(db->sql, sql, -1, &rows, NULL) !=
		    SQLITE_OK) {
			sqlite3_free(sql);
			continue; /* an FTS table's own view of itself */
		}
		sqlite3_free(sql);
		n = sqlite3_column_count(rows);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			for (i = 0; i < n; i++) {
				const unsigned char *v =
				        sqlite3_column_text(rows, i);

				gv__buf_printf(&b, "%s|",
				               v ? (const char *)v : "NULL");
			}
			gv__buf_puts(&b, "\n");
		}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	return keep(gv__buf_detach(&b));
}
