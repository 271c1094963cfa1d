# init: Keel's PID 1. Mounts the system, starts and respawns the console shell,
# reaps orphans and powers off or reboots cleanly. Sources are in this folder.
INIT_VERSION = $(KEEL_VERSION)
INIT_SITE_METHOD = local
INIT_DEPENDENCIES = toolchain libkeel
INIT_LICENSE = MIT
INIT_MAKE = $(MAKE) -C $(INIT_PKGDIR) O=$(@D) CC="$(TARGET_CC)" KEEL_VERSION=$(KEEL_VERSION)

define INIT_BUILD_CMDS
	$(INIT_MAKE) -j$(NPROC) all
endef

define INIT_INSTALL_TARGET_CMDS
	$(INIT_MAKE) DESTDIR=$(TARGET_DIR) install
endef

$(eval $(generic-package))
