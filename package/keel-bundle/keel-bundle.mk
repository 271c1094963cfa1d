# keel-bundle: makes, checks and signs update bundles on the build machine
# (docs/bundle.md). A host tool: host compiler, a host build of libkeel,
# Debian's libsodium-dev. Installs $(HOST_DIR)/bin/keel-bundle.
HOST_KEEL_BUNDLE_VERSION = $(KEEL_VERSION)
HOST_KEEL_BUNDLE_SITE_METHOD = local
HOST_KEEL_BUNDLE_LICENSE = MIT
HOST_KEEL_BUNDLE_INSTALL_STAGING = YES
# libkeel's sources are inputs too: a change there rebuilds the tool.
HOST_KEEL_BUNDLE_CONFIG_FILES = $(wildcard $(TOPDIR)/package/libkeel/*.c $(TOPDIR)/package/libkeel/keel/*.h)
HOST_KEEL_BUNDLE_MAKE = $(MAKE) -C $(HOST_KEEL_BUNDLE_PKGDIR) O=$(@D)/obj CC=cc \
	CPPFLAGS=-I$(TOPDIR)/package/libkeel LDFLAGS=-L$(@D)/libkeel KEEL_VERSION=$(KEEL_VERSION)

define HOST_KEEL_BUNDLE_CONFIGURE_CMDS
	rm -rf $(@D)/obj $(@D)/libkeel
endef

define HOST_KEEL_BUNDLE_BUILD_CMDS
	$(MAKE) -C $(TOPDIR)/package/libkeel O=$(@D)/libkeel CC=cc -j$(NPROC) all
	$(HOST_KEEL_BUNDLE_MAKE) -j$(NPROC) all
endef

define HOST_KEEL_BUNDLE_INSTALL_STAGING_CMDS
	$(HOST_KEEL_BUNDLE_MAKE) DESTDIR=$(HOST_DIR) install
endef

$(eval $(host-generic-package))
