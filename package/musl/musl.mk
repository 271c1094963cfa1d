# musl: the C library every target program links statically. Built per board
# with Debian's gcc for that architecture; programs compile through the
# $(TARGET_CC) wrapper, which adds musl's specs file and the hardening every
# program gets (static-PIE, stack protector, full RELRO enforced by
# keel_relro.c, non-executable stack: support/make-cc-wrapper).
MUSL_VERSION = 1.2.3
MUSL_SOURCE = musl_$(MUSL_VERSION).orig.tar.gz
MUSL_SITE_URLS = https://musl.libc.org/releases/musl-$(MUSL_VERSION).tar.gz
MUSL_DEBIAN_SOURCE = musl=$(MUSL_VERSION)-1
MUSL_LICENSE = MIT
MUSL_LICENSE_FILES = COPYRIGHT
MUSL_CPE_ID_VENDOR = musl-libc
MUSL_CPE_ID_PRODUCT = musl
MUSL_INSTALL_STAGING = YES

define MUSL_CONFIGURE_CMDS
	cd $(@D) && CC="$(CCACHE) $(BOARD_CROSS)gcc" CFLAGS="-Os -ffile-prefix-map=$(@D)=." \
		./configure --target=$(BOARD_GNU_TARGET) --prefix=$(STAGING_DIR)/usr \
		--syslibdir=$(STAGING_DIR)/lib --disable-shared --enable-wrapper=gcc
endef

# The wrapper carries the board's link flags: a board change rebuilds all.
MUSL_CONFIG_FILES = $(BOARD_DIR)/board.mk

define MUSL_BUILD_CMDS
	$(MAKE) -C $(@D) -j$(NPROC) AR=$(BOARD_CROSS)ar RANLIB=$(BOARD_CROSS)ranlib
endef

define MUSL_INSTALL_STAGING_CMDS
	$(MAKE) -C $(@D) install
	$(BOARD_CROSS)gcc -specs $(STAGING_DIR)/usr/lib/musl-gcc.specs -std=c11 -Os -fPIE \
		-fno-stack-protector -Wall -Wextra -Werror -c $(MUSL_PKGDIR)/keel_relro.c \
		-o $(STAGING_DIR)/usr/lib/keel_relro.o
	$(TOPDIR)/support/make-cc-wrapper $(TARGET_CC) "$(CCACHE)" $(BOARD_CROSS)gcc $(STAGING_DIR)/usr/lib/musl-gcc.specs \
		$(STAGING_DIR)/usr/lib/keel_relro.o "$(BOARD_TARGET_LDFLAGS)"
endef

$(eval $(generic-package))
