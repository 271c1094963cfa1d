# make test: everything tests/run does (unit tests, then every QEMU board built,
# checked and booted). make unit-tests: just the host unit tests of Keel's C code.
# Keel's own C code: every package folder with a Makefile built on package/keel.mk.
KEEL_OWN_PACKAGES = $(notdir $(patsubst %/Makefile,%,$(wildcard $(TOPDIR)/package/*/Makefile)))

test: host-deps
	@$(TOPDIR)/tests/run

unit-tests:
	@fail=0
	for p in $(KEEL_OWN_PACKAGES); do
		$(MAKE) -C $(TOPDIR)/package/$$p O=$(TOPDIR)/output/host-tests/$$p check || fail=1
	done
	exit $$fail
# libFuzzer targets of every Keel package, FUZZ_SECONDS each (make test uses a
# short budget; run long with e.g. make fuzz FUZZ_SECONDS=3600).
FUZZ_SECONDS ?= 10
fuzz: host-deps
	@fail=0
	for p in $(KEEL_OWN_PACKAGES); do
		ls $(TOPDIR)/package/$$p/fuzz_*.c >/dev/null 2>&1 || continue
		$(MAKE) -C $(TOPDIR)/package/$$p O=$(TOPDIR)/output/host-tests/$$p FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz || fail=1
	done
	exit $$fail

.PHONY: test unit-tests fuzz

# make soak: the long runs that would not fit CI's time (make test runs
# short versions): power cuts during live applies and during upgrades,
# on every QEMU board already built; and the runs make test leaves out
# because another one covers the same code: netsim on x86_64's q35 machine
# (e1000e; make test runs it on pc, and boots and upgrades over e1000e on
# q35), and on aarch64 the board-independent tests make test runs on
# x86_64 only: SSH, data partition, live apply, ISP uplinks. make test
# keeps every board's boot, watchdog, bootloader, upgrade and netsim tests.
# Needs `make test` (or the boards' images) first.
SOAK_BOARDS ?= qemu-x86_64 qemu-aarch64
soak:
	@fail=0
	for b in $(SOAK_BOARDS); do
		KEEL_APPLY_CUTS=10 KEEL_APPLY_TEST_BUDGET=2400 $(TOPDIR)/tests/apply-test $$b || fail=1
		KEEL_POWERCUTS=20 $(TOPDIR)/tests/ab-upgrade-test $$b || fail=1
		if [ $$b = qemu-x86_64 ]; then
			KEEL_QEMU_PROFILE=q35 $(TOPDIR)/tests/netsim-test $$b || fail=1
		else
			$(TOPDIR)/tests/ssh-test $$b || fail=1
			$(TOPDIR)/tests/data-test $$b || fail=1
			$(TOPDIR)/tests/apply-test $$b || fail=1
			$(TOPDIR)/tests/wan-test $$b || fail=1
		fi
	done
	exit $$fail
.PHONY: soak

# make bench: Keel's daemons against their peers, side by side, with ratios.
# Benchmarks, not tests: they print numbers and never gate anything.
BENCH_DEBS = dnsperf dnsmasq-base unbound kea-dhcp4-server softflowd time bc
bench: host-deps
	@$(TOPDIR)/support/host-deps $(BENCH_DEBS)
	$(TOPDIR)/tests/dns/bench
	$(TOPDIR)/tests/dhcp/bench
	$(TOPDIR)/tests/logd/bench
	$(TOPDIR)/tests/flowd/bench
.PHONY: bench
