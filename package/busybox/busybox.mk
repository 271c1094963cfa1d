# busybox: the shell and the handful of tools an appliance needs on its console.
# busybox.config lists only the applets Keel uses, applied on top of
# allnoconfig so nothing else creeps in (busybox's kconfig ignores
# KCONFIG_ALLCONFIG, hence kconfig-apply + oldconfig).
BUSYBOX_VERSION = 1.35.0
BUSYBOX_DEBIAN_REVISION = 4+deb12u1
BUSYBOX_SOURCE = busybox_$(BUSYBOX_VERSION).orig.tar.bz2
BUSYBOX_SITE_URLS = https://busybox.net/downloads/busybox-$(BUSYBOX_VERSION).tar.bz2
BUSYBOX_DEBIAN_SOURCE = busybox=1:$(BUSYBOX_VERSION)-$(BUSYBOX_DEBIAN_REVISION)
BUSYBOX_EXTRA_DOWNLOADS = busybox_$(BUSYBOX_VERSION)-$(BUSYBOX_DEBIAN_REVISION).debian.tar.xz
# Debian's fixes for the CVEs published against 1.35.0 (ash, awk, tar).
BUSYBOX_DEBIAN_PATCHES = CVE-2022-48174.patch CVE-2023-42364-part1.patch \
	CVE-2023-42364-part2.patch CVE-2023-42363.patch
BUSYBOX_DEPENDENCIES = toolchain
BUSYBOX_CONFIG_FILES = $(BUSYBOX_PKGDIR)/busybox.config
BUSYBOX_LICENSE = GPL-2.0
BUSYBOX_LICENSE_FILES = LICENSE
BUSYBOX_CPE_ID_VENDOR = busybox
BUSYBOX_CPE_ID_PRODUCT = busybox
BUSYBOX_MAKE = $(MAKE) -C $(@D) CC="$(TARGET_CC)" CROSS_COMPILE=$(BOARD_CROSS) \
	HOSTCC=gcc KBUILD_VERBOSE=0 SKIP_STRIP=y \
	EXTRA_CFLAGS="-ffile-prefix-map=$(@D)=." KCONFIG_NOTIMESTAMP=1

define BUSYBOX_CONFIGURE_CMDS
	$(BUSYBOX_MAKE) allnoconfig
	$(TOPDIR)/support/kconfig-apply $(@D)/.config $(BUSYBOX_PKGDIR)/busybox.config
	(yes '' || true) | $(BUSYBOX_MAKE) oldconfig
	$(TOPDIR)/support/kconfig-check $(@D)/.config $(BUSYBOX_PKGDIR)/busybox.config
endef

define BUSYBOX_BUILD_CMDS
	$(BUSYBOX_MAKE) -j$(NPROC) busybox
endef

define BUSYBOX_INSTALL_TARGET_CMDS
	$(BUSYBOX_MAKE) CONFIG_PREFIX=$(TARGET_DIR) install
endef

$(eval $(generic-package))
