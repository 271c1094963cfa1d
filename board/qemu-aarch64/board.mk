# QEMU virt (aarch64 Cortex-A53, virtio on PCI, i6300esb watchdog)
# Comments stay on their own lines: make keeps the blanks before a trailing
# "# comment" in the value.

# musl/toolchain architecture.
BOARD_ARCH = aarch64
BOARD_CROSS = aarch64-linux-gnu-
BOARD_KERNEL_ARCH = arm64
BOARD_KERNEL_IMAGE = arch/arm64/boot/Image
# Read by board/qemu-aarch64/qemu.sh too: keep it on one line.
BOARD_KERNEL_CMDLINE = console=ttyAMA0 root=/dev/vda rootfstype=squashfs ro
BOARD_QEMU = qemu-system-aarch64
# The kernel runs 4 KiB pages: without this, the linker pads every static
# binary's segments to 64 KiB (about 60 KiB of zeros each).
BOARD_TARGET_LDFLAGS = -Wl,-z,max-page-size=4096
# One arm64 kernel for every arm64 board (issue #17): it also carries the
# NanoPi R4S drivers, so the tests boot the kernel the R4S ships. Its
# fragment is merged after this board's; its DTB is built and installed next
# to the Image, and its boot-path drivers are checked (support/dtb-drivers).
BOARD_KERNEL_FRAGMENTS = $(TOPDIR)/board/nanopi-r4s/linux.config
BOARD_DTBS = rockchip/rk3399-nanopi-r4s.dtb
# The disk U-Boot reads boot.scr's slots and boot state from (U-Boot's block
# interface and device number): boot.cmd's @BOOTIF@ and @BOOTDEV@.
BOARD_UBOOT_DISK = virtio 0
