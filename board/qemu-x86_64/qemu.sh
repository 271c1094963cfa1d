#!/bin/bash
# Boot a Keel image on QEMU -M pc under TCG.  Used by `make qemu` and the
# system tests alike.
#
# usage: qemu.sh KERNEL ROOTFS [extra qemu args...]
#
# ROOTFS (squashfs) is the first virtio disk, read-only (/dev/vda).
# eth0 is WAN (52:54:00:4b:00:01), eth1 is LAN (52:54:00:4b:00:02): fixed PCI
# slots keep that order.  stdout carries the serial console and nothing else.
# A guest reboot or poweroff ends QEMU with status 0; a guest panic ends it
# with status 1 (pvpanic).
#
# Environment:
#   KEEL_QEMU_MEM     guest RAM in MiB (default 64)
#   KEEL_QEMU_SERIAL  -serial backend (default mon:stdio on a terminal, so
#                     Ctrl-A X quits; plain stdio otherwise, for tests)
#   KEEL_QEMU_APPEND  appended to the kernel command line
#   KEEL_WAN_NETDEV   -netdev backend for WAN, without id (default user,restrict=on)
#   KEEL_LAN_NETDEV   -netdev backend for LAN, without id (default user,restrict=on)
set -euo pipefail

board_dir=$(cd "$(dirname "$0")" && pwd)

if [ "$#" -lt 2 ]; then
	echo "usage: $0 KERNEL ROOTFS [qemu args...]" >&2
	exit 2
fi
kernel=$1
rootfs=$2
shift 2
for f in "$kernel" "$rootfs"; do
	if [ ! -r "$f" ]; then
		echo "qemu.sh: $f: cannot read" >&2
		exit 2
	fi
done

# board.mk is the single source of truth for the command line and emulator.
board_var() {
	sed -n "s/^$1[[:space:]]*=[[:space:]]*//p" "$board_dir/board.mk"
}
cmdline=$(board_var BOARD_KERNEL_CMDLINE)
qemu=$(board_var BOARD_QEMU)
if [ -z "$cmdline" ] || [ -z "$qemu" ]; then
	echo "qemu.sh: $board_dir/board.mk: BOARD_KERNEL_CMDLINE or BOARD_QEMU missing" >&2
	exit 2
fi
cmdline="$cmdline${KEEL_QEMU_APPEND:+ $KEEL_QEMU_APPEND}"

if [ -t 0 ]; then
	serial=${KEEL_QEMU_SERIAL:-mon:stdio}
else
	serial=${KEEL_QEMU_SERIAL:-stdio}
fi

# QEMU splits -drive options at commas; a comma in a path is written twice.
rootfs_opt=${rootfs//,/,,}

# restrict=on: the user-mode network never reaches any outside address.
exec "$qemu" \
	-M pc -accel tcg -m "${KEEL_QEMU_MEM:-64}" \
	-nodefaults -no-user-config -display none -no-reboot \
	-serial "$serial" \
	-kernel "$kernel" -append "$cmdline" \
	-netdev "${KEEL_WAN_NETDEV:-user,restrict=on},id=wan" \
	-device virtio-net-pci,netdev=wan,mac=52:54:00:4b:00:01,addr=0x2 \
	-netdev "${KEEL_LAN_NETDEV:-user,restrict=on},id=lan" \
	-device virtio-net-pci,netdev=lan,mac=52:54:00:4b:00:02,addr=0x3 \
	-drive "file=$rootfs_opt,if=none,id=rootfs,format=raw,readonly=on" \
	-device virtio-blk-pci,drive=rootfs,addr=0x4 \
	-device virtio-rng-pci,addr=0x5 \
	-device i6300esb,addr=0x6 \
	-device pvpanic-pci,addr=0x7 -action panic=exit-failure \
	"$@"
