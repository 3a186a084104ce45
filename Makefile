# SPDX-License-Identifier: MIT
# gavel's build: GNU make + pkg-config, no configure step.
#
# The flags of the libraries come from pkg-config, written once into
# $(BUILD)/config.mk. When pkg-config cannot find them, that rule runs
# `make deps` (apt-get) first, so `make run` and `make check` set up a fresh
# Debian 12 machine by themselves. Make re-reads the generated file and
# restarts, which is why no configure step is needed.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/gavel
BUILD   ?= build
BIN     ?= gavel
CC      ?= cc
CFLAGS  ?= -O2 -g
LDFLAGS ?=

# pkg-config name -> Debian package, for `make deps`.
CORE_PKGS := sqlite3 jansson libical libcmark-gfm libgit2 krb5-gssapi \
	gmime-3.0
TUI_PKGS  := ncursesw
DEB_ncursesw := libncurses-dev
DEB_sqlite3 := libsqlite3-dev
DEB_jansson := libjansson-dev
DEB_libical := libical-dev
DEB_libcmark-gfm := libcmark-gfm-dev libcmark-gfm-extensions-dev
DEB_libgit2 := libgit2-dev
DEB_krb5-gssapi := libkrb5-dev
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
# krb5-gssapi above.
GIT_LIBS = -Wl,--wrap=mbedtls_x509_crt_parse_file -Wl,-Bstatic \
	$$(pkg-config --static --libs-only-l libgit2 libcrypto) -Wl,-Bdynamic \
	$$(pkg-config --libs krb5-gssapi)
# libcmark-gfm.pc links the extensions, which come in their own package
# (without a .pc file of their own): checked by their header.
EXTRA_HEADERS := cmark-gfm-core-extensions.h
# Tools the build and the tests use (the test runner drives ./gavel;
# sqlite3 is the reference tool the benchmarks compare against; clang and
# its libFuzzer runtime are only for `make fuzz`). The sync tests sign
# with ssh-keygen and move chains through a throwaway sshd (OpenSSH),
# git's smart HTTP behind python3's server, and https with a
# certificate openssl makes. The calendar tests read gavel's iCalendar
# back with Python's icalendar too, a reader that is not libical (they
# skip by name without it).
DEB_TOOLS := build-essential pkg-config sqlite3 tzdata cmark-gfm git tmux \
	bsdutils procps clang libclang-rt-14-dev openssh-client \
	openssh-server python3 openssl python3-icalendar
# The commands they bring that the tests run, each checked on its own
# (`command -v a b` answers for one name only; sshd is in /usr/sbin,
# which a user's PATH may lack: its tests skip by name without it).
TEST_TOOLS := git sqlite3 cmark-gfm tmux script pkill ssh-keygen ssh-agent \
	python3 openssl
DEB_PKGS  := $(DEB_TOOLS) $(foreach p,$(CORE_PKGS) $(TUI_PKGS),$(DEB_$(p)))

WARNINGS := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla -Wundef
ALL_CFLAGS = -std=c11 $(WARNINGS) $(CFLAGS) -Iinclude -MMD -MP \
	-D_POSIX_C_SOURCE=200809L

CORE_SRCS := $(wildcard core/*.c)
CLI_SRCS  := $(wildcard cli/*.c)
TUI_SRCS  := $(wildcard tui/*.c)
TEST_SRCS := $(wildcard tests/*.c)
TEMPLATES := $(sort $(wildcard templates/*))

CORE_OBJS := $(CORE_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded.o
CLI_OBJS  := $(CLI_SRCS:%.c=$(BUILD)/%.o)
TUI_OBJS  := $(TUI_SRCS:%.c=$(BUILD)/%.o)
TEST_OBJS := $(TEST_SRCS:%.c=$(BUILD)/%.o)
LIB       := $(BUILD)/libgavel.a

CONFIG := $(BUILD)/config.mk
NOCONFIG_GOALS := clean deps format help
ifneq ($(filter-out $(NOCONFIG_GOALS),$(or $(MAKECMDGOALS),all)),)
include $(CONFIG)
endif

.PHONY: all check asan run bench deps format lint install uninstall clean \
	layering headers cycles help golden-screens FORCE
.DEFAULT_GOAL := all

all: $(BIN)

help:
	@echo 'make [all|run|check|asan|fuzz|bench|deps|format|lint|install|clean|golden-screens]'

$(CONFIG): Makefile
	@mkdir -p $(@D)
	@{ $(foreach t,$(TEST_TOOLS),command -v $(t) >/dev/null &&) \
	   pkg-config --exists $(CORE_PKGS) $(TUI_PKGS) && \
	   $(foreach h,$(EXTRA_HEADERS),echo '#include <$(h)>' | \
		$(CC) -E -x c - >/dev/null &&) true; } 2>/dev/null || \
		$(MAKE) --no-print-directory deps
	@pkg-config --exists --print-errors $(CORE_PKGS) $(TUI_PKGS)
	@{ echo "CORE_CFLAGS := $$(pkg-config --cflags $(CORE_PKGS))"; \
	   echo "CORE_LIBS := $$(pkg-config --libs $(filter-out libgit2 krb5-gssapi,$(CORE_PKGS))) $(GIT_LIBS)"; \
	   $(if $(TUI_PKGS),echo "TUI_CFLAGS := $$(pkg-config --cflags $(TUI_PKGS))"; \
	   echo "TUI_LIBS := $$(pkg-config --libs $(TUI_PKGS))";) \
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

# The installed templates' folder is compiled in; a new PREFIX rebuilds it.
$(BUILD)/core/templates.o: ALL_CFLAGS += -DGV_DATADIR='"$(DATADIR)"'
$(BUILD)/core/templates.o: $(BUILD)/datadir.stamp
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
FORCE:

$(BUILD)/cli/%.o: cli/%.c $(CONFIG)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

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

$(LIB): $(CORE_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(CLI_OBJS) $(TUI_OBJS) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJS) $(TUI_OBJS) $(LIB) \
		$(TUI_LIBS) $(CORE_LIBS)

$(BUILD)/run-tests: $(TEST_OBJS) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TEST_OBJS) $(LIB) $(CORE_LIBS)

# T=suite/ filters tests by substring. The CLI tests run $(BIN).
check: $(BUILD)/run-tests $(BIN) layering headers cycles
	GAVEL_BIN=$(abspath $(BIN)) ./$(BUILD)/run-tests $(T)

# The screen's golden screenshots (tests/golden/screens/VIEW-COLSxROWS.txt)
# taken again in tmux from the fixed working group of
# tests/screen_fixture.c: `git diff` shows what changed, to review before
# committing it. `make check` compares them.
golden-screens: $(BUILD)/run-tests $(BIN)
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
asan:
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

DEMO_DB ?= $(BUILD)/demo.db
run: $(BIN)
	@test -f $(DEMO_DB) || ./$(BIN) --db $(DEMO_DB) init --demo >/dev/null
	./$(BIN) --db $(DEMO_DB)

# Benchmark drivers: bench/<name>.c, linked with the core.
$(BUILD)/%-bench: bench/%.c bench/clock.h $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(CORE_LIBS)

BENCH_DRIVERS := $(patsubst bench/%.c,$(BUILD)/%-bench,$(wildcard bench/*.c))
bench: $(BIN) $(BENCH_DRIVERS)
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

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/gavel
	install -m 644 $(TEMPLATES) $(DESTDIR)$(DATADIR)/templates/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gavel
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan gavel

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
# mail messages join as fuzz_mail.c, with its seeds, when that parser
# lands.
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
		$(BUILD)/tests/fuzz/replay.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS)

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

$(BUILD)/fuzz/fuzz-%: $(BUILD)/tests/fuzz/fuzz_%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(CORE_LIBS)

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
