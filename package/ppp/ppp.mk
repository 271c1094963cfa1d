# ppp: pppd for a PPPoE WAN uplink, one static program with the rp-pppoe
# plugin linked in (0001-*.patch: a static pppd cannot dlopen). Everything
# a dial-out client does not need is left out: no plugins, PAM, multilink,
# TDB, MS-CHAP/MPPE, EAP-TLS, CBCP, systemd, IPX, pcap filters, crypt().
# See README.md for the Debian patches taken and skipped.
PPP_VERSION = 2.4.9
PPP_DEBIAN_REVISION = 1+1.1
PPP_SOURCE = ppp_$(PPP_VERSION).orig.tar.gz
PPP_SITE_URLS = https://download.samba.org/pub/ppp/ppp-$(PPP_VERSION).tar.gz
PPP_DEBIAN_SOURCE = ppp=$(PPP_VERSION)-$(PPP_DEBIAN_REVISION)
PPP_EXTRA_DOWNLOADS = ppp_$(PPP_VERSION)-$(PPP_DEBIAN_REVISION).debian.tar.xz
# pppoe_noads: no "PPPoE plugin from pppd" line at every start;
# no_crypt_hack: NO_CRYPT_HACK=y below drops crypt() (only for checking a
# peer's PAP password against crypted secrets, which a client never does);
# eap-mschap-v2-namelen.patch: upstream fix (code not built without CHAPMS,
# taken so the tree carries Debian's fixes).
PPP_DEBIAN_PATCHES = pppoe_noads no_crypt_hack eap-mschap-v2-namelen.patch
PPP_DEPENDENCIES = toolchain
PPP_LICENSE = BSD-style with acknowledgement clauses (pppd), GPL-2.0-or-later (rp-pppoe, linked in), RSA-MD (md5.c), public domain (sha1.c)
PPP_LICENSE_FILES = pppd/main.c pppd/md5.c pppd/sha1.c pppd/plugins/pppoe/plugin.c
PPP_CPE_ID_VENDOR = samba
PPP_CPE_ID_PRODUCT = ppp

# Make variables for pppd/Makefile.linux: an empty value turns a feature off
# (it tests them with ifdef). COMPILE_FLAGS drops -DIPX_CHANGE.
PPP_MAKE_OPTS = PPPOE_BUILTIN=y NO_CRYPT_HACK=y HAVE_INET6=y \
	PLUGIN= CHAPMS= MPPE= MSLANMAN= FILTER= HAVE_MULTILINK= USE_TDB= \
	USE_PAM= USE_EAPTLS= USE_SRP= SYSTEMD= CBCP= USE_LIBUTIL= \
	COMPILE_FLAGS="-DHAVE_PATHS_H -DHAVE_MMAP"

# configure only writes the Makefiles from Makefile.linux; flags go to make
# (configure's sed would break on a comma in CFLAGS).
define PPP_CONFIGURE_CMDS
	cd $(@D) && ./configure --prefix=/usr --sysconfdir=/etc
endef

define PPP_BUILD_CMDS
	$(MAKE) -C $(@D)/pppd -j$(NPROC) pppd CC="$(TARGET_CC)" \
		COPTS="-Os -ffunction-sections -fdata-sections -ffile-prefix-map=$(@D)=." \
		LDFLAGS="-Wl,--gc-sections" $(PPP_MAKE_OPTS)
endef

define PPP_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/pppd/pppd $(TARGET_DIR)/usr/sbin/pppd
endef

$(eval $(generic-package))
