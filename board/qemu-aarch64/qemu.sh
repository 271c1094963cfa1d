#!/bin/bash
# Boot a Keel image on QEMU -M virt (Cortex-A53) under TCG: the one launcher
# `make qemu` and the system tests use. usage: qemu.sh KERNEL ROOTFS [args...]
# or qemu.sh --disk DISK [args...], or with KEEL_BOOT=disk: then Debian's
# U-Boot is the firmware and runs boot.scr from the A/B disk's boot partition.
# Devices, console and environment: see support/qemu-boot. All virtio devices
# sit on PCI: virt's virtio-mmio slots enumerate in reverse command-line
# order, which would swap WAN and LAN. The watchdog is i6300esb on PCI: QEMU
# 7.2 offers the SBSA watchdog only on sbsa-ref, not on virt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
machine="-M virt -cpu cortex-a53"
if [ "${1:-}" = --disk ] || [ "${KEEL_BOOT:-}" = disk ]; then
	# U-Boot's environment lives in virt's second flash bank (64 MiB, env at
	# 0, 256 KiB). u-boot-env.txt replaces the default one, whose 2 s
	# autoboot delay and scan of every boot device cost 2.3 s per boot:
	# run boot.scr from the first virtio disk's first partition at once.
	env=${TMPDIR:-/tmp}/keel-u-boot-env-$(md5sum < "$here/u-boot-env.txt" | cut -c1-12).img
	if [ ! -e "$env" ]; then
		mkenvimage -s 0x40000 -o "$env.$$" "$here/u-boot-env.txt"
		truncate -s 64M "$env.$$"
		mv "$env.$$" "$env"
	fi
	machine="$machine -bios /usr/lib/u-boot/qemu_arm64/u-boot.bin"
	machine="$machine -drive if=pflash,unit=1,format=raw,readonly=on,file=$env"
fi
exec "$here/../../support/qemu-boot" "$here" "$machine" "$@"
