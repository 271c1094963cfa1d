# e2fsprogs: mke2fs and e2fsck for the data partition (/data, p4), which
# init checks with e2fsck -p at every boot and makes with mke2fs -t ext4 when
# it is blank or beyond repair. Only these two programs are built, static,
# against the private uuid/blkid libraries e2fsprogs ships (musl has
# neither); no shared libraries, headers, docs or translations go into the
# image, and busybox's own mke2fs is turned off so there is one.
E2FSPROGS_VERSION = 1.47.0
E2FSPROGS_DEBIAN_VERSION = $(E2FSPROGS_VERSION)-2
E2FSPROGS_SOURCE = e2fsprogs_$(E2FSPROGS_VERSION).orig.tar.gz
E2FSPROGS_DEBIAN_SOURCE = e2fsprogs=$(E2FSPROGS_DEBIAN_VERSION)
E2FSPROGS_EXTRA_DOWNLOADS = e2fsprogs_$(E2FSPROGS_DEBIAN_VERSION).dsc \
	e2fsprogs_$(E2FSPROGS_DEBIAN_VERSION).debian.tar.xz
# Debian's one patch: mke2fs leaves metadata_csum_seed and orphan_file off
# by default, so what it makes stays readable by older kernels and tools.
E2FSPROGS_DEBIAN_PATCHES = disable-metadata_csum_seed-and-orphan_file-by-default
E2FSPROGS_DEPENDENCIES = toolchain
E2FSPROGS_LICENSE = GPL-2.0 (e2fsck, mke2fs), LGPL-2.0 (libext2fs, libe2p), BSD-3-Clause (libuuid), MIT (libet)
E2FSPROGS_LICENSE_FILES = NOTICE
E2FSPROGS_CPE_ID_VENDOR = e2fsprogs_project
E2FSPROGS_CPE_ID_PRODUCT = e2fsprogs
E2FSPROGS_PROGRAMS = e2fsck/e2fsck misc/mke2fs
E2FSPROGS_CONFIG_FILES = $(E2FSPROGS_PKGDIR)/e2fsck.conf

# Everything optional is off: no other programs (debugfs, e2image, resize2fs,
# e4defrag, fuse2fs, uuidd, fsck wrapper, e2scrub), no NLS, no threads, no
# backtrace, no MMP (a single-host flash partition), no tdb (undo files).
# BUILD_CC builds the generators (subst, gen_crc32ctable) for this machine.
define E2FSPROGS_CONFIGURE_CMDS
	cd $(@D) && CC="$(TARGET_CC)" BUILD_CC=gcc \
		CFLAGS="-Os -ffunction-sections -fdata-sections -ffile-prefix-map=$(@D)=." \
		LDFLAGS="-static -Wl,--gc-sections" \
		./configure --host=$(BOARD_GNU_TARGET) --prefix=/usr --with-root-prefix= \
		--disable-elf-shlibs --disable-bsd-shlibs --disable-profile \
		--enable-libuuid --enable-libblkid --disable-fsck --disable-e2initrd-helper \
		--disable-debugfs --disable-imager --disable-resizer --disable-defrag \
		--disable-fuse2fs --disable-uuidd --disable-nls --disable-rpath \
		--disable-backtrace --disable-mmp --disable-tdb --disable-bmap-stats \
		--disable-testio-debug --disable-tls --without-pthread \
		--without-udev-rules-dir --without-crond-dir --without-systemd-unit-dir
endef

define E2FSPROGS_BUILD_CMDS
	$(MAKE) -C $(@D) -j$(NPROC) libs
	$(MAKE) -C $(@D)/e2fsck -j$(NPROC) e2fsck
	$(MAKE) -C $(@D)/misc -j$(NPROC) mke2fs
endef

define E2FSPROGS_INSTALL_TARGET_CMDS
	for p in $(E2FSPROGS_PROGRAMS); do install -D -m 0755 $(@D)/$$p $(TARGET_DIR)/sbin/$${p##*/}; done
	install -D -m 0644 $(E2FSPROGS_PKGDIR)/e2fsck.conf $(TARGET_DIR)/etc/e2fsck.conf
endef

$(eval $(generic-package))
