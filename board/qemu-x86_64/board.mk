# QEMU pc (x86_64, virtio, i6300esb watchdog) and generic x86_64 router boxes
# Comments stay on their own lines: make keeps the blanks before a trailing
# "# comment" in the value.

# musl/toolchain architecture.
BOARD_ARCH = x86_64
# Debian's native gcc is x86_64-linux-gnu-gcc, so the same prefix works on an
# x86_64 host and with a cross toolchain on any other host.
BOARD_CROSS = x86_64-linux-gnu-
BOARD_KERNEL_ARCH = x86
BOARD_KERNEL_IMAGE = arch/x86/boot/bzImage
# Read by board/qemu-x86_64/qemu.sh too: keep it on one line. Kernel
# messages go to the screen (tty0: VGA text or the EFI framebuffer, for
# boxes without a serial port) and to ttyS0, which, named last, is
# /dev/console: the console shell and the tests' serial line.
BOARD_KERNEL_CMDLINE = console=tty0 console=ttyS0 root=/dev/vda rootfstype=squashfs ro
BOARD_QEMU = qemu-system-x86_64
