#!/bin/bash
# Boot a Keel image on QEMU -M virt (Cortex-A53) under TCG: the one launcher
# `make qemu` and the system tests use. usage: qemu.sh KERNEL ROOTFS [args...]
# or qemu.sh --disk DISK [args...], or with KEEL_BOOT=disk: then Debian's
# U-Boot is the firmware and runs boot.scr from the A/B disk's boot partition.
# Devices, console and environment: see support/qemu-boot. All virtio devices
# sit on PCI: virt's virtio-mmio slots enumerate in reverse command-line
# order, which would swap WAN and LAN. The watchdog is i6300esb on PCI: QEMU
# 7.2 offers the SBSA watchdog only on sbsa-ref, not on virt.
here=$(cd "$(dirname "$0")" && pwd)
machine="-M virt -cpu cortex-a53"
{ [ "${1:-}" = --disk ] || [ "${KEEL_BOOT:-}" = disk ]; } && machine="$machine -bios /usr/lib/u-boot/qemu_arm64/u-boot.bin"
exec "$here/../../support/qemu-boot" "$here" "$machine" "$@"
