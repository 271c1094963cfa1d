# Keel: small, static, read-only router images.  `make help` lists the targets.
#
# The tree is Buildroot-shaped: board/<board>/ says what hardware, package/<pkg>/
# says how to build one thing, rootfs/ holds the skeleton, and this file only
# wires them together.

BOARD ?= qemu-x86_64
V ?= 0

TOPDIR := $(CURDIR)
BOARD_DIR := $(TOPDIR)/board/$(BOARD)
# A board is a board/ folder with a board.mk; the others (board/nanopi-r4s)
# hold a real board's parts that another board's build uses.
BOARDS := $(sort $(notdir $(patsubst %/board.mk,%,$(wildcard board/*/board.mk))))
ifeq ($(wildcard $(BOARD_DIR)/board.mk),)
$(error unknown BOARD '$(BOARD)': boards are $(BOARDS))
endif

# Caches live outside the clone so a fresh clone (CI) builds warm.
KEEL_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/keel
DL_DIR ?= $(KEEL_CACHE)/dl
export CCACHE_DIR ?= $(KEEL_CACHE)/ccache
export CCACHE_BASEDIR := $(TOPDIR)
CCACHE := $(shell command -v ccache 2>/dev/null)

OUT_DIR := $(TOPDIR)/output/$(BOARD)
BUILD_DIR := $(OUT_DIR)/build
HOST_DIR := $(OUT_DIR)/host
STAGING_DIR := $(OUT_DIR)/staging
TARGET_DIR := $(OUT_DIR)/target
IMAGES_DIR := $(OUT_DIR)/images
PER_PACKAGE_DIR := $(OUT_DIR)/per-package

# Reproducible output: timestamps come from the last commit, never the clock.
SOURCE_DATE_EPOCH ?= $(or $(shell git -C $(TOPDIR) log -1 --format=%ct 2>/dev/null),1700000000)
KEEL_VERSION ?= $(or $(shell git -C $(TOPDIR) describe --always --dirty 2>/dev/null),unknown)
export SOURCE_DATE_EPOCH

# Every recipe is one bash script that stops at the first error.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.ONESHELL:
.DELETE_ON_ERROR:
MAKEFLAGS += --no-print-directory
.SUFFIXES:
# Packages build one at a time, each with -j$(NPROC) inside: stamps never race.
.NOTPARALLEL:
# Our command-line variables (BOARD, V) must not leak into packages' own makes.
MAKEOVERRIDES :=
unexport BOARD V

.DEFAULT_GOAL := all

# The packages that make up the image (a defconfig, in Buildroot's terms).
KEEL_TARGET_PACKAGES = busybox e2fsprogs dropbear ppp init keel-config keel-fw dhcpd dnsd rad wan6 logd logread flowd keel-upgrade
KEEL_STAGING_PACKAGES = libpcap
KEEL_HOST_PACKAGES = host-lwip host-keel-bundle

include $(BOARD_DIR)/board.mk
BOARD_GNU_TARGET ?= $(BOARD_ARCH)-linux-musl
TARGET_CC = $(HOST_DIR)/bin/$(BOARD_GNU_TARGET)-gcc
NPROC := $(shell nproc 2>/dev/null || echo 1)
# host.mk first: package rules name its stamp as a prerequisite, and make
# expands prerequisites when it reads the rule.
include $(TOPDIR)/support/host.mk
include $(TOPDIR)/package/pkg.mk
include $(sort $(wildcard $(TOPDIR)/package/*/*.mk))
include $(TOPDIR)/rootfs/rootfs.mk
include $(TOPDIR)/tests/tests.mk

ifeq ($(BOARD_TOOLCHAIN_ONLY),yes)
all: toolchain
else
all: images $(KEEL_STAGING_PACKAGES) $(KEEL_HOST_PACKAGES)
endif
.PHONY: all images toolchain source clean distclean qemu list-boards help

toolchain: musl linux-headers

source: $(addsuffix -source,$(PACKAGES))

qemu: images
	@exec $(BOARD_DIR)/qemu.sh $(IMAGES_DIR)/$(notdir $(BOARD_KERNEL_IMAGE)) $(IMAGES_DIR)/rootfs.squashfs

list-boards:
	@for b in $(BOARDS); do
		printf '%-16s %s\n' "$$b" "$$(sed -n 's/^# *//p' board/$$b/board.mk | head -1)"
	done

clean:
	rm -rf $(OUT_DIR)

distclean:
	rm -rf $(TOPDIR)/output

help:
	@cat <<-'HELP'
	Keel build targets (BOARD=$(BOARD); see `make list-boards`):
	  make                  build the image for BOARD (default qemu-x86_64)
	  make qemu             build, then boot the image in QEMU on this terminal
	  make test             unit tests, then build and boot-test every QEMU board
	  make soak             the long runs: 10 power cuts per board during live applies, 20 during upgrades
	  make bundle           sign the slot image into an upgrade bundle (KEEL_SIGNING_KEY, else a dev key)
	  make bench            Keel's daemons against dnsmasq, unbound, Kea, softflowd, syslogd
	  make unit-tests       host unit tests of Keel's C code (ASan+UBSan)
	  make fuzz             libFuzzer targets, FUZZ_SECONDS each (default 10)
	  make source           fill the download cache ($(DL_DIR)) for offline builds
	  make size-report      print what each package adds to the image
	  make list-boards      boards this tree knows
	  make <pkg>            build one package (and what it needs)
	  make <pkg>-source     download and hash-check its sources
	  make <pkg>-rebuild    build and install it again
	  make <pkg>-reconfigure  configure, build and install it again
	  make <pkg>-dirclean   remove its build directory
	  make clean            remove output/$(BOARD)
	  make distclean        remove output/
	Variables: BOARD=<board>  V=1 (show build commands)  KEEL_CACHE=<dir> (default ~/.cache/keel)
	Packages: $(sort $(PACKAGES))
	HELP
