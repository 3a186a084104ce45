# SPDX-License-Identifier: MIT
# gavel's build: GNU make + pkg-config, no configure step.
#
# The flags of the libraries come from pkg-config, written once into
# $(BUILD)/config.mk. When pkg-config cannot find them, that rule runs
# `make deps` (apt-get) first, so `make run` and `make check` set up a fresh
# Debian 12 machine by themselves. Make re-reads the generated file and
# restarts, which is why no configure step is needed.

PREFIX  ?= /usr/local
# gavel finds its installed templates as share/gavel and its modules as
# lib/gavel beside the bin/ folder it runs from (core/util.c,
# gv__installed_path), so they go together under PREFIX and nothing is
# compiled for a PREFIX: one build installs anywhere.
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/gavel
MODDIR   = $(PREFIX)/lib/gavel
MANDIR  ?= $(PREFIX)/share/man
# Where each shell looks for completions under PREFIX (Debian's zsh reads
# /usr/local/share/zsh/site-functions; its packages use vendor-completions).
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
BUILD   ?= build
# One spelling of the build folder inside the tree: the tests run make with
# it as a full path, and the dependency files that run writes name each
# object that way only, so a plain `make` after `make check` missed the
# headers its objects depend on and linked stale ones.
override BUILD := $(patsubst $(CURDIR)/%,%,$(abspath $(BUILD)))
BIN     ?= gavel
CC      ?= cc
CFLAGS  ?= -O2 -g
LDFLAGS ?=

# pkg-config name -> Debian package, for `make deps`. zlib and libcrypto
# write the pack of a fetch from a folder (core/git_pack_out.c: each
# object's Adler-32 and CRC32, the pack's and its index's SHA-1).
CORE_PKGS := sqlite3 jansson libical libcmark-gfm libgit2 krb5-gssapi \
	gmime-3.0 zlib libcrypto
TUI_PKGS  := ncursesw
DEB_ncursesw := libncurses-dev
DEB_sqlite3 := libsqlite3-dev
DEB_jansson := libjansson-dev
DEB_libical := libical-dev
DEB_libcmark-gfm := libcmark-gfm-dev libcmark-gfm-extensions-dev
DEB_libgit2 := libgit2-dev
DEB_krb5-gssapi := libkrb5-dev
DEB_zlib := zlib1g-dev
DEB_libcrypto := libssl-dev
DEB_gmime-3.0 := libgmime-3.0-dev
# libgit2 and the libraries it brings (mbedTLS, libssh2 and its
# OpenSSL, PCRE2, zlib) are linked statically, from Debian's own
# archives: only so can --wrap reach the call in git_libgit2_init that
# parses the system's CA bundle (core/git_init.c says why it is
# skipped), and the ~8,000 symbol relocations the shared libraries cost
# every process at start-up become none. Together that is 12 ms of
# each process that reads a repository (bench/redline.sh). libssh2's own
# static list names libgpg-error, which it does not use and which
# libgit2-dev does not bring, so libcrypto is named instead. GSSAPI has
# no static archive and Debian's libgit2.pc leaves it out, hence
# krb5-gssapi above (its header; the library is opened at run time).
# The other wrappers put off git_libgit2_init's set-up of mbedTLS and
# libssh2 to their first use (core/git_init.c), and the GSSAPI library
# libgit2 calls for Negotiate authentication is opened with dlopen when
# first called (core/git_gssapi.c), not linked.
GSS_WRAPS = gss_init_sec_context \
	gss_delete_sec_context gss_display_status gss_indicate_mechs \
	gss_import_name gss_release_name gss_release_buffer \
	gss_release_oid_set
GIT_WRAPS = mbedtls_x509_crt_parse_file git_mbedtls_stream_global_init \
	git_mbedtls_stream_new git_mbedtls_stream_wrap \
	git_mbedtls__set_cert_location libssh2_init $(GSS_WRAPS)
#
# SQLite, jansson and cmark-gfm (and ncurses, TUI_LIBS) are linked
# statically as well, from the archives their -dev packages ship: each
# shared library costs every process the binding of its symbols before
# main(), 1.9 M of the 2.8 M instructions `gavel --version` took with
# them shared (bench/startup.sh). A security fix to one of them reaches
# gavel when it is built again (README, "Make targets"). cmark-gfm's
# extensions use its core, so they come first.
#
# LINK=shared links all of them as shared libraries instead, as the
# Debian package does (debian/rules): there a security update of any of
# them must reach gavel without a rebuild, and Debian refuses copies of
# libssh2, mbedTLS, zlib or SQLite inside a binary. The CA bundle is then
# parsed at start-up again (the wrapper stays, for the call it can still
# reach). Run `make clean` after changing it: the choice is written into
# $(BUILD)/config.mk.
LINK ?= static
ifeq ($(LINK),shared)
# Shared, libgit2's own calls cannot be wrapped: only the CA bundle's
# parse, which mbedTLS exports, is; GV_GIT_SHARED leaves out the rest.
GIT_LIBS = -Wl,--wrap=mbedtls_x509_crt_parse_file \
	$$(pkg-config --libs libgit2 zlib libcrypto) -lmbedx509
GIT_CFLAGS := -DGV_GIT_SHARED
BSTATIC  :=
BDYNAMIC :=
else
GIT_LIBS = $(GIT_WRAPS:%=-Wl,--wrap=%) \
	-Wl,-u,gv__git_gss_loaded -Wl,-Bstatic \
	$$(pkg-config --static --libs-only-l libgit2 libcrypto) -Wl,-Bdynamic
GIT_CFLAGS :=
BSTATIC  := -Wl,-Bstatic
BDYNAMIC := -Wl,-Bdynamic
endif
STATIC_LIBS = $(BSTATIC) $$(pkg-config --libs-only-l sqlite3 jansson) \
	-lcmark-gfm-extensions -lcmark-gfm $(BDYNAMIC) -lm
# libcmark-gfm.pc links the extensions, which come in their own package
# (without a .pc file of their own): checked by their header.
EXTRA_HEADERS := cmark-gfm-core-extensions.h mimalloc.h
# gavel's own binary allocates with mimalloc, which takes the place of the
# C library's malloc for the whole process (it is linked, so its malloc
# and free come first): a sync of 10,000 operations makes and frees some
# 1.5 million small blocks (jansson's values, SQLite's, libgit2's), and
# glibc's free of them, past its per-thread cache, was a tenth of the
# work. CPU time of that sync: 0.389 s -> 0.357 s (9 chains), 0.672 s ->
# 0.599 s (a commit per operation); jemalloc 0.368 and 0.617 s
# (bench/README.md). Debian ships it shared only, and has no .pc file for
# it: checked by its header. Builds with a sanitizer keep the C library's
# malloc, which the sanitizer's own takes the place of.
MALLOC_LIBS = $(if $(findstring -fsanitize,$(LDFLAGS)),,-lmimalloc)
MALLOC_DEFS = $(if $(MALLOC_LIBS),-DGV_MIMALLOC)
DEB_MALLOC := libmimalloc-dev
# Tools the build and the tests use (the test runner drives ./gavel;
# sqlite3 is the reference tool the benchmarks compare against; clang and
# its libFuzzer runtime are only for `make fuzz`). The sync tests sign
# with ssh-keygen and move chains through a throwaway sshd (OpenSSH),
# git's smart HTTP behind python3's server, and https with a
# certificate openssl makes. The calendar tests read gavel's iCalendar
# back with Python's icalendar too, a reader that is not libical (they
# skip by name without it). The pages people read (redlines, minutes,
# notices, reports) are laid out by headless Chromium, which finds what
# runs off a window or a printed page (skipped by name without it).
# scdoc writes the man page (doc/gavel.1.scd), groff renders it for its
# test, man shows it (the README runs `man gavel`); zsh and fish let the
# tests check their completions, debhelper lets them build the Debian
# package, strace lets them see what a sync puts on the disk (each skips
# by name without it).
DEB_TOOLS := build-essential pkg-config sqlite3 tzdata cmark-gfm git tmux \
	bsdutils procps clang libclang-rt-14-dev openssh-client \
	openssh-server python3 openssl python3-icalendar scdoc groff-base \
	man-db zsh fish debhelper chromium strace
# The commands they bring that the tests run, each checked on its own
# (`command -v a b` answers for one name only; sshd is in /usr/sbin,
# which a user's PATH may lack: its tests skip by name without it).
TEST_TOOLS := git sqlite3 cmark-gfm tmux script pkill ssh-keygen ssh-agent \
	python3 openssl scdoc groff man
DEB_PKGS  := $(DEB_TOOLS) $(foreach p,$(CORE_PKGS) $(TUI_PKGS),$(DEB_$(p))) \
	$(DEB_MALLOC)

WARNINGS := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla -Wundef
ALL_CFLAGS = -std=c11 $(WARNINGS) $(CPPFLAGS) $(CFLAGS) -Iinclude -MMD -MP \
	-D_POSIX_C_SOURCE=200809L

CORE_SRCS := $(wildcard core/*.c)
CLI_SRCS  := $(wildcard cli/*.c)
TUI_SRCS  := $(wildcard tui/*.c)
TEST_SRCS := $(wildcard tests/*.c)
TEMPLATES := $(sort $(wildcard templates/*))

CORE_OBJS := $(CORE_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded.o \
	     $(BUILD)/gen/schema_now.o
# The modules (core/module.h): core files built as shared objects of
# their own, each linked with its library, which gavel loads on first
# use, so that no other command pays for libical's ICU or GMime's GLib
# at start-up. They sit next to $(BIN) and are installed in $(MODDIR).
# The tests, benchmarks and fuzzers link their objects in instead.
ICAL_OBJS := $(BUILD)/core/zone_ical.o $(BUILD)/core/calendar_ical.o \
	$(BUILD)/core/zone_vtimezone.o
MAIL_OBJS := $(patsubst %,$(BUILD)/core/mail_%.o,module init read write)
MOD_OBJS  := $(ICAL_OBJS) $(MAIL_OBJS)
MODS      := $(dir $(BIN))gavel-ical.so $(dir $(BIN))gavel-mail.so
CLI_OBJS  := $(CLI_SRCS:%.c=$(BUILD)/%.o)
TUI_OBJS  := $(TUI_SRCS:%.c=$(BUILD)/%.o)
TEST_OBJS := $(TEST_SRCS:%.c=$(BUILD)/%.o)
LIB       := $(BUILD)/libgavel.a

CONFIG := $(BUILD)/config.mk
NOCONFIG_GOALS := clean deps format help uninstall deb
ifneq ($(filter-out $(NOCONFIG_GOALS),$(or $(MAKECMDGOALS),all)),)
include $(CONFIG)
endif

.PHONY: all check asan run bench deps format lint install uninstall clean \
	layering headers cycles help deb golden-screens
.DEFAULT_GOAL := all

MAN := $(BUILD)/gavel.1
all: $(BIN) $(MODS) $(MAN)

help:
	@echo 'make [all|run|check|asan|fuzz|bench|deps|format|lint|install|uninstall|deb|clean|golden-screens]'

$(CONFIG): Makefile
	@mkdir -p $(@D)
	@{ $(foreach t,$(TEST_TOOLS),command -v $(t) >/dev/null &&) \
	   pkg-config --exists $(CORE_PKGS) $(TUI_PKGS) && \
	   $(foreach h,$(EXTRA_HEADERS),echo '#include <$(h)>' | \
		$(CC) -E -x c - >/dev/null &&) true; } 2>/dev/null || \
		$(MAKE) --no-print-directory deps
	@pkg-config --exists --print-errors $(CORE_PKGS) $(TUI_PKGS)
	@{ echo "CORE_CFLAGS := $$(pkg-config --cflags $(CORE_PKGS)) $(GIT_CFLAGS)"; \
	   echo "CORE_LIBS := $(STATIC_LIBS) $(GIT_LIBS)"; \
	   echo "ICAL_LIBS := $$(pkg-config --libs libical)"; \
	   echo "MAIL_LIBS := $$(pkg-config --libs gmime-3.0)"; \
	   $(if $(TUI_PKGS),echo "TUI_CFLAGS := $$(pkg-config --cflags $(TUI_PKGS))"; \
	   echo "TUI_LIBS := $(BSTATIC) $$(pkg-config --libs $(TUI_PKGS)) $(BDYNAMIC)";) \
	} > $@.tmp && mv $@.tmp $@

deps:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	echo "installing: $(DEB_PKGS)"; \
	$$SUDO apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
		--no-install-recommends $(DEB_PKGS)

# core never gets curses flags; the front ends never get the libraries'.
$(BUILD)/core/%.o: core/%.c $(CONFIG)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CORE_CFLAGS) -Icore -c -o $@ $<

# The modules are position-independent.
$(MOD_OBJS): ALL_CFLAGS += -fPIC

$(BUILD)/cli/%.o: cli/%.c $(CONFIG)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Only cli/allocator.c knows which allocator the binary links.
$(BUILD)/cli/allocator.o: ALL_CFLAGS += $(MALLOC_DEFS)

$(BUILD)/tui/%.o: tui/%.c $(CONFIG)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(TUI_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c $(CONFIG)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CORE_CFLAGS) -Icore -c -o $@ $<

# The default templates (and the demo data) are compiled into the binary,
# so a lone `gavel` still works; tools/embed.c writes them as C arrays.
$(BUILD)/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -o $@ $<

$(BUILD)/gen/embedded.c: $(BUILD)/embed $(TEMPLATES)
	@mkdir -p $(@D)
	$(BUILD)/embed $@ $(TEMPLATES)

$(BUILD)/gen/embedded.o: $(BUILD)/gen/embedded.c
	$(CC) $(ALL_CFLAGS) -Icore -c -o $@ $<

# A new store is made from the schema the migrations leave, written once
# here by tools/schema_now.c (core/db_open.c says why).
$(BUILD)/schema_now: tools/schema_now.c core/db_schema.c core/db.h \
		     core/db_stmt.h $(wildcard core/db_stmt_*.h)
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -Iinclude -Icore -o $@ tools/schema_now.c \
		core/db_schema.c $$(pkg-config --libs sqlite3)

$(BUILD)/gen/schema_now.c: $(BUILD)/schema_now
	@mkdir -p $(@D)
	$(BUILD)/schema_now $@

$(BUILD)/gen/schema_now.o: $(BUILD)/gen/schema_now.c
	$(CC) $(ALL_CFLAGS) -Icore -c -o $@ $<

$(LIB): $(filter-out $(MOD_OBJS),$(CORE_OBJS))
	@rm -f $@
	$(AR) rcs $@ $^

# gavel exports its own gv_ functions (only those) to the modules, and
# keeps each one they call (-u), though it may not call it itself.
MOD_USES = nm $(MOD_OBJS) | awk '$$1 == "U" && $$2 ~ /^gv_/ { u[$$2] } \
	NF == 3 && $$3 ~ /^gv_/ { d[$$3] } \
	END { for (s in u) if (!(s in d)) print "-Wl,-u," s }'
$(BIN): $(CLI_OBJS) $(TUI_OBJS) $(LIB) $(MOD_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -Wl,--export-dynamic-symbol='gv_*' \
		$$($(MOD_USES)) -o $@ $(CLI_OBJS) $(TUI_OBJS) $(LIB) \
		$(TUI_LIBS) $(CORE_LIBS) $(MALLOC_LIBS)

$(dir $(BIN))gavel-ical.so: $(ICAL_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -o $@ $^ $(ICAL_LIBS)
$(dir $(BIN))gavel-mail.so: $(MAIL_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -o $@ $^ $(MAIL_LIBS)

# Programs with the modules linked in (core/module.h).
WITH_MODS = $(MOD_OBJS) $(LIB) $(CORE_LIBS) $(ICAL_LIBS) $(MAIL_LIBS)

$(BUILD)/run-tests: $(TEST_OBJS) $(MOD_OBJS) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TEST_OBJS) $(WITH_MODS)

# T=suite/ filters tests by substring. The CLI tests run $(BIN); the
# install tests read the man page and run `make install` into a folder of
# their own, with the same BUILD and BIN (GAVEL_BUILD).
check: $(BUILD)/run-tests $(BIN) $(MODS) $(MAN) layering headers cycles
	GAVEL_BIN=$(abspath $(BIN)) GAVEL_BUILD=$(abspath $(BUILD)) \
		./$(BUILD)/run-tests $(T)

# The screen's golden screenshots (tests/golden/screens/VIEW-COLSxROWS.txt)
# taken again in tmux from the fixed working group of
# tests/screen_fixture.c: `git diff` shows what changed, to review before
# committing it. `make check` compares them.
golden-screens: $(BUILD)/run-tests $(BIN) $(MODS)
	@mkdir -p tests/golden/screens
	GV_GOLDEN_UPDATE=1 GAVEL_BIN=$(abspath $(BIN)) \
		./$(BUILD)/run-tests tui_screens/

# No two core files depend on each other, through others or directly:
# tools/cycles.c reads which file defines each symbol another uses.
$(BUILD)/cycles: tools/cycles.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -o $@ $<

cycles: $(BUILD)/cycles $(CORE_OBJS)
	@nm -A $(CORE_OBJS) | $(BUILD)/cycles

ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
# intercept_tls_get_addr=0: gcc 12's LeakSanitizer keeps the bounds of
# each dynamic TLS block it sees handed out, and for one that a module
# loaded with dlopen uses (ICU or GLib, under gavel-ical.so and
# gavel-mail.so) it kept garbage and crashed reading it at exit ("Tracer
# caught signal 11", DTLS at 0x47d): `ballot notice --send` in
# test_mail_out, on every run. Not followed, those blocks are not read
# for pointers, so a block only they point to would be reported: it
# hides no leak.
asan:
	ASAN_OPTIONS="$${ASAN_OPTIONS:+$$ASAN_OPTIONS:}intercept_tls_get_addr=0" \
	$(MAKE) --no-print-directory BUILD=build-asan BIN=build-asan/gavel \
		CFLAGS="$(ASAN_FLAGS)" LDFLAGS="$(ASAN_FLAGS)" check

# --- make coverage ----------------------------------------------------------
# Line coverage with gcc's --coverage and plain gcov (nothing to install):
# the tests run on a build in build-cov/, then tools/coverage.sh prints the
# share of lines run per folder (core, cli, tui), the total and the core
# files least covered. Old counts are removed first, so each run measures
# that run alone; the report is printed even when a test failed, and the
# target then fails too.
.PHONY: coverage clean-coverage
COV_FLAGS := -O0 -g --coverage
coverage:
	@mkdir -p build-cov && find build-cov -name '*.gcda' -delete
	@status=0; $(MAKE) --no-print-directory BUILD=build-cov \
		BIN=build-cov/gavel CFLAGS="$(COV_FLAGS)" \
		LDFLAGS="--coverage" check || status=$$?; \
	echo; sh tools/coverage.sh build-cov; exit $$status

# The header check compiles to /dev/null: with --coverage it would leave
# a--.gcno in the source folder.
headers: CFLAGS := $(filter-out --coverage,$(CFLAGS))

clean: clean-coverage
clean-coverage:
	rm -rf build-cov
# --- end of make coverage ---------------------------------------------------

# core never includes curses, prints or exits; the front ends never include
# a third-party library's header (they reach them through include/gavel/).
# Inside core, libgit2 is core/git*'s alone and GMime (with GLib) core/mail*'s,
# thin adapters the rules call, so either can later be loaded on demand.
layering:
	@bad=$$(grep -nE '#[[:space:]]*include[[:space:]]*<(n?curses|ncursesw/|term\.h)' \
		core/*.[ch] include/gavel/*.h); \
	if [ -n "$$bad" ]; then echo "layering: curses in core:"; echo "$$bad"; exit 1; fi; \
	bad=$$(grep -nE "\\b(printf|fprintf|vfprintf|puts|fputs|putchar|perror|exit|_Exit|_exit)[[:space:]]*\\([^']" \
		core/*.[ch]); \
	if [ -n "$$bad" ]; then echo "layering: core prints or exits:"; echo "$$bad"; exit 1; fi; \
	bad=$$(grep -nE '#[[:space:]]*include[[:space:]]*<(sqlite3|git2|cmark|jansson|libical|gmime|glib|gio|gobject|gmodule)' \
		cli/*.[ch] $(wildcard tui/*.[ch]) include/gavel/*.h); \
	if [ -n "$$bad" ]; then echo "layering: front end or public header uses a library:"; \
		echo "$$bad"; exit 1; fi; \
	bad=$$(grep -nE '#[[:space:]]*include[[:space:]]*(<git2|"git\.h"|"git_redline\.h")' \
		$$(ls core/*.[ch] | grep -v '^core/git')); \
	if [ -n "$$bad" ]; then echo "layering: libgit2 outside core/git*:"; \
		echo "$$bad"; exit 1; fi; \
	bad=$$(grep -nE '#[[:space:]]*include[[:space:]]*<(gmime|glib|gio|gobject|gmodule)' \
		$$(ls core/*.[ch] | grep -v '^core/mail')); \
	if [ -n "$$bad" ]; then echo "layering: GMime or GLib outside core/mail*:"; \
		echo "$$bad"; exit 1; fi; \
	echo "layering: ok"

# Each public header compiles on its own (libgit2's headertest).
headers: $(CONFIG)
	@for h in include/gavel/*.h; do \
		printf '#include "%s"\n' "$${h#include/}" | \
		$(CC) $(ALL_CFLAGS) -fsyntax-only -x c - -o /dev/null || exit 1; \
	done; echo "headers: ok"

# A fresh demo at every run, placed at this week (init --demo --today), so
# its clocks run whatever the date; `./gavel --db build/demo.db` reopens it
# as it was left. DEMO_DB may move it, but since it is deleted first, only
# to a file named demo.db: `make run DEMO_DB=~/smcwg.db` must not delete a
# group's record.
DEMO_DB ?= $(BUILD)/demo.db
run: $(BIN)
	@[ "$(notdir $(DEMO_DB))" = demo.db ] || { echo "make run: DEMO_DB \
	must name a file demo.db (it is deleted and made afresh); open a \
	record with ./gavel --db FILE" >&2; exit 2; }
	@rm -rf $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).git \
		$(DEMO_DB:.db=-guideline)
	@$(abspath $(BIN)) --db $(DEMO_DB) init --demo --today >/dev/null
	$(abspath $(BIN)) --db $(DEMO_DB)

# Benchmark drivers: bench/<name>.c, linked with the core.
$(BUILD)/%-bench: bench/%.c bench/clock.h bench/child.h $(MOD_OBJS) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(WITH_MODS)

BENCH_DRIVERS := $(patsubst bench/%.c,$(BUILD)/%-bench,$(wildcard bench/*.c))
bench: $(BIN) $(MODS) $(BENCH_DRIVERS)
	@set -e; for b in bench/*.sh; do \
		GAVEL_BIN=$(abspath $(BIN)) GAVEL_BUILD=$(abspath $(BUILD)) \
			sh "$$b"; \
	done

# Left out: Annex K's *_s advice, and clang 14's valist checker, which
# reports every va_start'ed list passed on to vsnprintf as uninitialised.
TIDY_OFF := -clang-analyzer-security.insecureAPI.DeprecatedOrUnsafeBufferHandling,-clang-analyzer-valist.Uninitialized
FORMAT_SRCS = $(wildcard core/*.[ch] cli/*.[ch] tui/*.[ch] tests/*.[ch] \
	include/gavel/*.h tools/*.c bench/*.c)
format:
	clang-format -i $(FORMAT_SRCS)

lint: $(CONFIG)
	clang-format --dry-run -Werror $(FORMAT_SRCS)
	cppcheck --quiet --error-exitcode=1 --std=c11 -Iinclude -Icore \
		--suppress=missingIncludeSystem core cli tui tests
	clang-tidy --quiet --warnings-as-errors='*' \
		-checks='-*,clang-analyzer-*,$(TIDY_OFF)' \
		$(CORE_SRCS) $(CLI_SRCS) -- -std=c11 -Iinclude -Icore \
		-D_POSIX_C_SOURCE=200809L $(CORE_CFLAGS)
	clang-tidy --quiet --warnings-as-errors='*' \
		-checks='-*,clang-analyzer-*,$(TIDY_OFF)' \
		$(TUI_SRCS) -- -std=c11 -Iinclude -D_POSIX_C_SOURCE=200809L \
		$(TUI_CFLAGS)

# --- make install, make uninstall, make deb -------------------------------
# The man page is built from doc/gavel.1.scd with scdoc (make deps installs
# it), the version taken from include/gavel/gavel.h: one source, nothing
# generated kept in the tree to go stale.
VERSION := $(shell sed -n 's/^\#define GV_VERSION "\(.*\)"/\1/p' \
	include/gavel/gavel.h)
$(MAN): doc/gavel.1.scd include/gavel/gavel.h
	@mkdir -p $(@D)
	@command -v scdoc >/dev/null || $(MAKE) --no-print-directory deps
	sed 's/@VERSION@/$(VERSION)/' doc/gavel.1.scd | scdoc > $@.tmp
	@mv $@.tmp $@

# What `make install` puts where, as pairs source:destination (the
# templates, not the demo's data, which only the built-in copy serves).
INSTALLED := $(BIN):$(BINDIR)/gavel $(MAN):$(MANDIR)/man1/gavel.1 \
	$(foreach m,$(MODS),$(m):$(MODDIR)/$(notdir $(m))) \
	completions/gavel.bash:$(BASHCOMPDIR)/gavel \
	completions/gavel.zsh:$(ZSHCOMPDIR)/_gavel \
	completions/gavel.fish:$(FISHCOMPDIR)/gavel.fish \
	$(foreach t,$(filter %.md %.html %.txt,$(TEMPLATES)), \
		$(t):$(DATADIR)/templates/$(notdir $(t)))

install: all
	@set -e; for pair in $(INSTALLED); do \
		src=$${pair%%:*}; dst=$(DESTDIR)$${pair#*:}; \
		mode=644; [ "$$src" != "$(BIN)" ] || mode=755; \
		echo "install $$dst"; \
		install -D -m $$mode "$$src" "$$dst"; \
	done

# Removes what install wrote, and gavel's own folders once empty (a
# template an administrator added stays, and so does its folder).
uninstall:
	@for pair in $(INSTALLED); do \
		dst=$(DESTDIR)$${pair#*:}; \
		if [ -e "$$dst" ]; then echo "rm $$dst"; rm -f "$$dst"; fi; \
	done
	@rmdir $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR) \
		$(DESTDIR)$(MODDIR) 2>/dev/null || true

# The Debian package, built from a copy of the sources in DEB_DIR, so
# neither debian/'s build products nor the .deb (which dpkg-buildpackage
# writes beside the source folder) land in the tree. The packaging tools
# are installed first when missing; lintian then checks the package and
# fails on an error (LINTIAN= builds without it). Neither MAKEFLAGS nor
# the variables given to this make (which make exports to its commands)
# reach the package's build: it builds with Debian's flags and its own
# folders, not make asan's CFLAGS or another BUILD.
DEB_DIR ?= $(BUILD)/deb
DEB_UNSET := MAKEFLAGS MFLAGS MAKELEVEL BUILD BIN PREFIX MANDIR DESTDIR \
	BASHCOMPDIR ZSHCOMPDIR FISHCOMPDIR LINK TEST_TOOLS CC CFLAGS \
	CPPFLAGS LDFLAGS T
DEB_PACKAGING := dpkg-dev debhelper lintian
LINTIAN ?= lintian --fail-on error
deb:
	@command -v dpkg-buildpackage >/dev/null && command -v dh >/dev/null \
		$(if $(LINTIAN),&& command -v $(firstword $(LINTIAN)) \
		>/dev/null) || \
		$(MAKE) --no-print-directory deps DEB_PKGS="$(DEB_PACKAGING)"
	rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/gavel-$(VERSION)
	tar -c --exclude=./.git --exclude='./build*' --exclude=./gavel \
		--exclude=./debian/gavel --exclude=./debian/.debhelper \
		--exclude=./debian/files --exclude='./debian/*.substvars' \
		--exclude=./debian/debhelper-build-stamp . | \
		tar -x -C $(DEB_DIR)/gavel-$(VERSION)
	cd $(DEB_DIR)/gavel-$(VERSION) && env $(DEB_UNSET:%=-u %) \
		dpkg-buildpackage -us -uc -b
	$(if $(LINTIAN),$(LINTIAN) $(DEB_DIR)/*.changes)
	@ls $(DEB_DIR)/*.deb
# --- end of make install, make uninstall, make deb ------------------------

clean:
	rm -rf build build-asan gavel gavel-ical.so gavel-mail.so

# ---- Fuzzing (issue 15, item 8) ---------------------------------------
# tests/fuzz/fuzz_NAME.c is a libFuzzer harness for one parser of outside
# input, built two ways. `make check` (any compiler, no clang) links it
# with tests/fuzz/replay.c and runs its seeds, tests/fuzz/seeds/NAME/, and
# every past crash, tests/fuzz/crashes/NAME/, once: a fixed crash stays
# fixed, under `make asan` too. `make fuzz` builds the core again with
# clang into $(FUZZ_BUILD)/, instrumented for coverage
# (-fsanitize=fuzzer-no-link) with ASan and UBSan, links each harness with
# libFuzzer and runs it for FUZZ_SECONDS (`make -j2 fuzz` runs two at
# once); tests/fuzz/run.sh prints each one's figures. Its own build
# folder, because every object differs (compiler, instrumentation), and
# clang is needed only here. Sync's operations are fuzz_op.c (one
# operation's text) and fuzz_op_blob.c (a commit's operations, applied);
# mail is fuzz_mail.c (an archive or a message, read for votes).
FUZZ_HARNESSES := $(sort $(patsubst tests/fuzz/fuzz_%.c,%, \
	$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= build-fuzz
FUZZ_DATA    ?= $(or $(GAVEL_TESTDATA),../shared/data)
FUZZ_FLAGS   := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_OBJS    := $(FUZZ_HARNESSES:%=$(BUILD)/tests/fuzz/fuzz_%.o) \
	$(BUILD)/tests/fuzz/replay.o
# Real material each harness starts from too, when ../shared/data is there.
FUZZ_SEEDS_minutes  := $(FUZZ_DATA)/minutes
FUZZ_SEEDS_markdown := $(FUZZ_DATA)/minutes
FUZZ_SEEDS_mustache := $(BUILD)/fuzz/seeds/mustache-spec
FORMAT_SRCS += $(wildcard tests/fuzz/*.[ch])

.PHONY: fuzz fuzz-replay fuzz-run fuzz-clean $(FUZZ_HARNESSES:%=fuzz-run-%)
check: fuzz-replay
clean: fuzz-clean
# Kept between runs (make removes intermediate files otherwise).
.SECONDARY: $(FUZZ_OBJS) $(FUZZ_HARNESSES:%=$(BUILD)/fuzz/fuzz-%)

$(BUILD)/fuzz/replay-%: $(BUILD)/tests/fuzz/fuzz_%.o \
		$(BUILD)/tests/fuzz/replay.o $(MOD_OBJS) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter-out $(MOD_OBJS) $(LIB),$^) \
		$(WITH_MODS)

fuzz-replay: $(FUZZ_HARNESSES:%=$(BUILD)/fuzz/replay-%)
	@for h in $(FUZZ_HARNESSES); do \
		./$(BUILD)/fuzz/replay-$$h tests/fuzz/seeds/$$h \
			tests/fuzz/crashes/$$h || exit 1; \
	done

fuzz:
	@echo 'int LLVMFuzzerTestOneInput(void){return 0;}' | \
		clang -fsanitize=fuzzer -x c -o /dev/null - 2>/dev/null || \
		$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang \
		CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" \
		LDFLAGS="$(FUZZ_FLAGS)" fuzz-run

$(BUILD)/fuzz/fuzz-%: $(BUILD)/tests/fuzz/fuzz_%.o $(MOD_OBJS) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $< $(WITH_MODS)

# The spec's tests as seeds of fuzz_mustache.c (see the file).
$(BUILD)/fuzz/mustache-spec-seeds: tests/fuzz/mustache_spec_seeds.c $(CONFIG)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CORE_CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_LIBS)
$(FUZZ_SEEDS_mustache): $(BUILD)/fuzz/mustache-spec-seeds \
		$(wildcard $(FUZZ_DATA)/mustache-spec/*.json)
	@rm -rf $@ && mkdir -p $@
	@if [ -d $(FUZZ_DATA)/mustache-spec ]; then \
		$< $(FUZZ_DATA)/mustache-spec $@; fi

fuzz-run: $(FUZZ_HARNESSES:%=fuzz-run-%)
fuzz-run-mustache: $(FUZZ_SEEDS_mustache)
$(FUZZ_HARNESSES:%=fuzz-run-%): fuzz-run-%: $(BUILD)/fuzz/fuzz-%
	@sh tests/fuzz/run.sh $* $(FUZZ_SECONDS) $< $(BUILD)/fuzz \
		$(FUZZ_SEEDS_$*)

fuzz-clean:
	rm -rf $(FUZZ_BUILD)

-include $(FUZZ_OBJS:.o=.d)

-include $(CORE_OBJS:.o=.d) $(CLI_OBJS:.o=.d) $(TUI_OBJS:.o=.d) \
	$(TEST_OBJS:.o=.d)
