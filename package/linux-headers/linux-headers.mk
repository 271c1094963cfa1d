# linux-headers: the kernel's user-space API headers, installed into the
# staging sysroot next to musl's (busybox, dropbear and libpcap need them).
# Uses linux's pristine source tree; nothing is downloaded twice.
LINUX_HEADERS_VERSION = $(LINUX_VERSION)
LINUX_HEADERS_SITE_METHOD = local
LINUX_HEADERS_DEPENDENCIES = linux-patched
LINUX_HEADERS_LICENSE = GPL-2.0 (with Linux-syscall-note)
LINUX_HEADERS_INSTALL_STAGING = YES

define LINUX_HEADERS_INSTALL_STAGING_CMDS
	$(MAKE) -C $(LINUX_DIR) O=$(@D)/obj ARCH=$(BOARD_KERNEL_ARCH) \
		INSTALL_HDR_PATH=$(STAGING_DIR)/usr headers_install
endef

$(eval $(generic-package))
