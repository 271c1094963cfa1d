# ARMv7 hard-float (Cortex-A7/A9/A15 boards): toolchain and user space only so far
BOARD_ARCH = arm
BOARD_GNU_TARGET = arm-linux-musleabihf
BOARD_CROSS = arm-linux-gnueabihf-
BOARD_KERNEL_ARCH = arm
BOARD_TOOLCHAIN_ONLY = yes
