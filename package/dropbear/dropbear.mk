# dropbear: the SSH server (and scp, dbclient, dropbearkey) in one static
# multi-call binary. localoptions.h keeps only modern algorithms; configure's
# hardening (stack protector, noexecstack, ...) stays on.
DROPBEAR_VERSION = 2022.83
DROPBEAR_DEBIAN_REVISION = 1+deb12u3
DROPBEAR_SOURCE = dropbear_$(DROPBEAR_VERSION).orig.tar.bz2
DROPBEAR_SITE_URLS = https://matt.ucc.asn.au/dropbear/releases/dropbear-$(DROPBEAR_VERSION).tar.bz2
DROPBEAR_DEBIAN_SOURCE = dropbear=$(DROPBEAR_VERSION)-$(DROPBEAR_DEBIAN_REVISION)
DROPBEAR_EXTRA_DOWNLOADS = dropbear_$(DROPBEAR_VERSION)-$(DROPBEAR_DEBIAN_REVISION).debian.tar.xz
# Debian's whole series for this version: CVE-2023-48795 (Terrapin),
# CVE-2025-47203 (dbclient multihop command injection) and their prerequisites.
DROPBEAR_DEBIAN_PATCHES = fix-FTBFS-on-hurd-i386.patch support-running-test_aslr-without-venv.patch \
	raise-connection-delay-in-tests.patch CVE-2023-48795.patch fix-noremotetcp-behavior.patch \
	Handle-arbitrary-length-paths-and-commands-in-multihop_pa.patch CVE-2025-47203.patch
DROPBEAR_DEPENDENCIES = toolchain
DROPBEAR_CONFIG_FILES = $(DROPBEAR_PKGDIR)/localoptions.h
DROPBEAR_LICENSE = MIT, BSD-2-Clause, public domain
DROPBEAR_LICENSE_FILES = LICENSE
DROPBEAR_CPE_ID_VENDOR = dropbear_ssh_project
DROPBEAR_CPE_ID_PRODUCT = dropbear_ssh
DROPBEAR_PROGRAMS = dropbear dbclient dropbearkey scp

define DROPBEAR_CONFIGURE_CMDS
	cp $(DROPBEAR_PKGDIR)/localoptions.h $(@D)/localoptions.h
	cd $(@D) && CC="$(TARGET_CC)" CFLAGS="-Os -ffile-prefix-map=$(@D)=." \
		./configure --host=$(BOARD_GNU_TARGET) --prefix=/usr --enable-static \
		--disable-zlib --disable-pam --disable-lastlog --disable-utmp --disable-utmpx \
		--disable-wtmp --disable-wtmpx --disable-loginfunc --disable-pututline \
		--disable-pututxline
endef

define DROPBEAR_BUILD_CMDS
	$(MAKE) -C $(@D) -j$(NPROC) MULTI=1 SCPPROGRESS=0 PROGRAMS="$(DROPBEAR_PROGRAMS)"
endef

define DROPBEAR_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/dropbearmulti $(TARGET_DIR)/usr/sbin/dropbearmulti
	ln -sf dropbearmulti $(TARGET_DIR)/usr/sbin/dropbear
	mkdir -p $(TARGET_DIR)/usr/bin
	for p in dbclient dropbearkey scp; do ln -sf ../sbin/dropbearmulti $(TARGET_DIR)/usr/bin/$$p; done
	ln -sf dbclient $(TARGET_DIR)/usr/bin/ssh
endef

$(eval $(generic-package))
