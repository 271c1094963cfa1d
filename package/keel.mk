# keel.mk - build rules shared by Keel's own C programs and libkeel.
#
# A package Makefile sets one of
#   PROG = init            builds $(O)/init, installed as $(DESTDIR)$(PROG_INSTALL)
#   LIB  = libkeel.a       builds $(O)/libkeel.a, installed with keel/*.h
# plus LDLIBS (e.g. -lkeel) if it links libraries, then includes this file.
#
# Interface (what the Buildroot-style recipes call):
#   make -C package/<p> O=/abs/out CC=/abs/cc all
#   make -C package/<p> O=/abs/out DESTDIR=/abs/dir install
#   make -C package/<p> O=/abs/out/host check   host build + ASan/UBSan unit tests
#   make -C package/<p> O=/abs/out clean
# CFLAGS, CPPFLAGS and LDFLAGS from the command line are appended to Keel's
# own flags (KEEL_*), so they can add to but not silently drop -Werror.
# Sources are every *.c except test_*.c; main.c holds main() and is the one
# file left out of the unit tests. Every build product lands under $(O).

MAKEFLAGS += --no-builtin-rules
.SUFFIXES:
.DELETE_ON_ERROR:

ifeq ($(O),)
$(error O= is required: build output never goes into the source tree)
endif
ifeq ($(filter /%,$(O)),)
$(error O=$(O) must be an absolute path (make -C changes directory))
endif

SRCDIR := $(CURDIR)
TOPDIR := $(abspath $(SRCDIR)/../..)
LIBKEEL_DIR := $(TOPDIR)/package/libkeel

CC ?= cc
AR ?= ar
HOSTCC ?= cc
INSTALL ?= install
KEEL_VERSION ?= dev

SRCS := $(sort $(filter-out test_%.c fuzz_%.c,$(wildcard *.c)))
TESTS := $(sort $(wildcard test_*.c))
OBJS := $(SRCS:%.c=$(O)/%.o)

# -D_POSIX_C_SOURCE keeps -std=c11 from hiding POSIX; files that need Linux
# or BSD extras define _GNU_SOURCE themselves, so the need is visible there.
KEEL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -DKEEL_VERSION='"$(KEEL_VERSION)"'
KEEL_WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
KEEL_CFLAGS = -std=c11 -Os $(KEEL_WARN) -ffunction-sections -fdata-sections \
	-ffile-prefix-map=$(SRCDIR)=. -ffile-prefix-map=$(O)=.
# Header dependencies: editing a header rebuilds what includes it. -MT $@
# keeps the target absolute: ccache (CCACHE_BASEDIR) would make it relative,
# and make would then never match it to the object it builds.
DEPFLAGS = -MMD -MP -MT $@
KEEL_LDFLAGS = -Wl,--gc-sections

# Host unit tests: the host compiler, never $(CC), and never the target's
# CFLAGS (they may carry -mcpu= and friends).
HOST_CHECK_CFLAGS = -std=c11 -O1 -g $(KEEL_WARN) \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer $(HOSTCFLAGS)
HOST_CHECK_CPPFLAGS = $(KEEL_CPPFLAGS) -I$(TOPDIR)/tests/unit \
	-DKEEL_TEST_CONFIG_DIR='"$(TOPDIR)/tests/config"'
HOST_CHECK_LDFLAGS = -fsanitize=address,undefined $(HOSTLDFLAGS)

ifeq ($(LIB),libkeel.a)
# libkeel builds against its own headers; everything else finds them in the
# sysroot (cross) or in package/libkeel (host tests).
KEEL_CPPFLAGS += -I$(SRCDIR)
CHECK_LIBKEEL_OBJS :=
else
HOST_CHECK_CPPFLAGS += -I$(LIBKEEL_DIR)
LIBKEEL_SRCS := $(notdir $(filter-out $(LIBKEEL_DIR)/test_%.c $(LIBKEEL_DIR)/fuzz_%.c,\
	$(wildcard $(LIBKEEL_DIR)/*.c)))
CHECK_LIBKEEL_OBJS := $(LIBKEEL_SRCS:%.c=$(O)/libkeel/%.o)
endif

CHECK_OBJS := $(filter-out $(O)/check/main.o,$(SRCS:%.c=$(O)/check/%.o))
TEST_BINS := $(TESTS:%.c=$(O)/check/%)

.PHONY: all install check fuzz clean
all:

ifneq ($(PROG),)
all: $(O)/$(PROG)

$(O)/$(PROG): $(OBJS)
	$(CC) $(KEEL_CFLAGS) $(CFLAGS) $(KEEL_LDFLAGS) $(LDFLAGS) \
		-o $@ $(OBJS) $(LDLIBS)

install: $(O)/$(PROG)
	$(INSTALL) -D -m 0755 $(O)/$(PROG) $(DESTDIR)$(PROG_INSTALL)
endif

ifneq ($(LIB),)
HEADERS := $(sort $(wildcard keel/*.h))

all: $(O)/$(LIB)

$(O)/$(LIB): $(OBJS)
	rm -f $@
	$(AR) rcsD $@ $(OBJS)

install: $(O)/$(LIB)
	$(INSTALL) -D -m 0644 $(O)/$(LIB) $(DESTDIR)/usr/lib/$(LIB)
	$(INSTALL) -d $(DESTDIR)/usr/include/keel
	$(INSTALL) -m 0644 $(HEADERS) $(DESTDIR)/usr/include/keel/
endif

$(O)/%.o: %.c | $(O)
	$(CC) $(KEEL_CPPFLAGS) $(CPPFLAGS) $(KEEL_CFLAGS) $(CFLAGS) $(DEPFLAGS) \
		-c -o $@ $<

$(O)/check/%.o: %.c | $(O)/check
	$(HOSTCC) $(HOST_CHECK_CPPFLAGS) $(HOST_CHECK_CFLAGS) $(DEPFLAGS) \
		-c -o $@ $<

$(O)/libkeel/%.o: $(LIBKEEL_DIR)/%.c | $(O)/libkeel
	$(HOSTCC) $(HOST_CHECK_CPPFLAGS) $(HOST_CHECK_CFLAGS) $(DEPFLAGS) \
		-ffile-prefix-map=$(LIBKEEL_DIR)=libkeel -c -o $@ $<

$(O)/check/test_%: $(O)/check/test_%.o $(CHECK_OBJS) $(CHECK_LIBKEEL_OBJS)
	$(HOSTCC) $(HOST_CHECK_LDFLAGS) -o $@ $^

# Keep test objects after linking, so a rerun rebuilds only what changed.
.SECONDARY: $(CHECK_OBJS) $(CHECK_LIBKEEL_OBJS) $(TEST_BINS:%=%.o)

$(O) $(O)/check $(O)/libkeel:
	mkdir -p $@

# libFuzzer targets: fuzz_<name>.c defines LLVMFuzzerTestOneInput and links
# the package's sources (less main.c) and libkeel, built with clang and
# ASan/UBSan. `make fuzz` runs each for FUZZ_SECONDS, starting from the seeds
# in corpus/<name>/ when there are any; a crash fails the run and leaves the
# input in $(O)/fuzz/. For long runs: make fuzz FUZZ_SECONDS=3600.
FUZZERS := $(sort $(wildcard fuzz_*.c))
FUZZ_BINS := $(FUZZERS:%.c=$(O)/fuzz/%)
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 10
FUZZ_CFLAGS = -std=c11 -O1 -g $(KEEL_WARN) -fno-omit-frame-pointer \
	-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_OBJS := $(filter-out $(O)/fuzz/main.o,$(SRCS:%.c=$(O)/fuzz/%.o)) \
	$(CHECK_LIBKEEL_OBJS:$(O)/libkeel/%=$(O)/fuzz/libkeel/%)

$(O)/fuzz/%.o: %.c | $(O)/fuzz
	$(FUZZ_CC) $(HOST_CHECK_CPPFLAGS) $(FUZZ_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(O)/fuzz/libkeel/%.o: $(LIBKEEL_DIR)/%.c | $(O)/fuzz/libkeel
	$(FUZZ_CC) $(HOST_CHECK_CPPFLAGS) $(FUZZ_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(O)/fuzz/fuzz_%: $(O)/fuzz/fuzz_%.o $(FUZZ_OBJS)
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $@ $^

$(O)/fuzz $(O)/fuzz/libkeel:
	mkdir -p $@

.SECONDARY: $(FUZZ_OBJS) $(FUZZ_BINS:%=%.o)

fuzz: $(FUZZ_BINS)
	@failed=0; \
	for f in $(FUZZ_BINS); do \
		name=$${f##*/fuzz_}; corpus=$(O)/fuzz/corpus-$$name; log=$(O)/fuzz/$$name.log; \
		mkdir -p $$corpus; seeds=; [ -d corpus/$$name ] && seeds=$(SRCDIR)/corpus/$$name; \
		if (cd $(O)/fuzz && $$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
				$$corpus $$seeds) > $$log 2>&1; then \
			echo "fuzz_$$name: $$(sed -n 's/^stat::number_of_executed_units: *//p' $$log) inputs in $(FUZZ_SECONDS) s, no failure"; \
		else \
			echo "FAIL: fuzz_$$name (log $$log)"; tail -n 30 $$log; failed=1; \
		fi; \
	done; \
	exit $$failed

# Run every test even after a failure, so one run shows all of them.
check: $(TEST_BINS)
	@failed=0; \
	for t in $(TEST_BINS); do \
		echo "== $${t##*/}"; \
		"$$t" || { echo "FAIL: $${t##*/}"; failed=1; }; \
	done; \
	exit $$failed

clean:
	rm -rf $(O)

-include $(wildcard $(O)/*.d $(O)/check/*.d $(O)/libkeel/*.d $(O)/fuzz/*.d $(O)/fuzz/libkeel/*.d)
