# libkeel: the one C library every Keel program links (logging, clock, event
# loop). A static library in the staging sysroot; adds nothing to the image
# by itself.
LIBKEEL_VERSION = $(KEEL_VERSION)
LIBKEEL_SITE_METHOD = local
LIBKEEL_DEPENDENCIES = toolchain
LIBKEEL_INSTALL_STAGING = YES
LIBKEEL_LICENSE = MIT
LIBKEEL_MAKE = $(MAKE) -C $(LIBKEEL_PKGDIR) O=$(@D) CC="$(TARGET_CC)" KEEL_VERSION=$(KEEL_VERSION)

define LIBKEEL_BUILD_CMDS
	$(LIBKEEL_MAKE) -j$(NPROC) all
endef

define LIBKEEL_INSTALL_STAGING_CMDS
	$(LIBKEEL_MAKE) DESTDIR=$(STAGING_DIR) install
endef

$(eval $(generic-package))
