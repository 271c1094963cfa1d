#!/bin/bash
# Boot a Keel image on QEMU -M pc under TCG: the one launcher `make qemu` and
# the system tests use. usage: qemu.sh KERNEL ROOTFS [extra qemu args...]
# or qemu.sh --disk DISK [extra qemu args...], or with KEEL_BOOT=disk: then
# SeaBIOS boots GRUB from the A/B disk.
# Devices, console and environment: see support/qemu-boot.
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/../../support/qemu-boot" "$here" "-M pc" "$@"
