# libsodium: ed25519 signatures and SHA-512 for keel-upgrade's bundle check, as
# a static library in the staging sysroot only (it adds nothing to the image
# until a program links it). --enable-minimal keeps crypto_sign (ed25519) and
# crypto_hash_sha256/sha512 and drops the rest; no threads are needed.
# -ffunction-sections lets a program's --gc-sections keep only what it calls
# (libsodium's sodium_init() alone would pull in every cipher).
LIBSODIUM_VERSION = 1.0.18
LIBSODIUM_DEBIAN_VERSION = $(LIBSODIUM_VERSION)-1+deb12u1
LIBSODIUM_SOURCE = libsodium_$(LIBSODIUM_VERSION).orig.tar.gz
LIBSODIUM_DEBIAN_SOURCE = libsodium=$(LIBSODIUM_DEBIAN_VERSION)
LIBSODIUM_EXTRA_DOWNLOADS = libsodium_$(LIBSODIUM_DEBIAN_VERSION).dsc \
	libsodium_$(LIBSODIUM_DEBIAN_VERSION).debian.tar.xz
LIBSODIUM_DEBIAN_PATCHES = CVE-2025-69277.patch
LIBSODIUM_DEPENDENCIES = toolchain
LIBSODIUM_INSTALL_STAGING = YES
LIBSODIUM_LICENSE = ISC
LIBSODIUM_LICENSE_FILES = LICENSE
LIBSODIUM_CPE_ID_VENDOR = libsodium_project
LIBSODIUM_CPE_ID_PRODUCT = libsodium

# Debian's orig tarball is a git export without ./configure (Debian's rules
# run dh --with autoreconf), so the build machine needs autoconf, automake
# and libtool.
define LIBSODIUM_CONFIGURE_CMDS
	cd $(@D) && autoreconf -fi >/dev/null
	cd $(@D) && CC="$(TARGET_CC)" CFLAGS="-Os -ffunction-sections -fdata-sections -ffile-prefix-map=$(@D)=." \
		./configure --host=$(BOARD_GNU_TARGET) --prefix=/usr \
		--disable-shared --enable-static --enable-minimal \
		--without-pthreads --disable-pie --disable-dependency-tracking
endef

define LIBSODIUM_BUILD_CMDS
	$(MAKE) -C $(@D)/src/libsodium -j$(NPROC) libsodium.la
endef

define LIBSODIUM_INSTALL_STAGING_CMDS
	$(MAKE) -C $(@D)/src/libsodium DESTDIR=$(STAGING_DIR) install
endef

$(eval $(generic-package))
