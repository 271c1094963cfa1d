# libpcap: packet capture for the flow exporter, as a static library in the
# staging sysroot only (it adds nothing to the image until a program links it).
# Linux packet sockets only: no D-Bus, USB, Bluetooth, RDMA, netmap or libnl.
LIBPCAP_VERSION = 1.10.3
LIBPCAP_SOURCE = libpcap_$(LIBPCAP_VERSION).orig.tar.gz
LIBPCAP_SITE_URLS = https://www.tcpdump.org/release/libpcap-$(LIBPCAP_VERSION).tar.gz
LIBPCAP_DEBIAN_SOURCE = libpcap=$(LIBPCAP_VERSION)-1
LIBPCAP_DEPENDENCIES = toolchain
LIBPCAP_INSTALL_STAGING = YES
LIBPCAP_LICENSE = BSD-3-Clause
LIBPCAP_LICENSE_FILES = LICENSE
LIBPCAP_CPE_ID_VENDOR = tcpdump
LIBPCAP_CPE_ID_PRODUCT = libpcap

define LIBPCAP_CONFIGURE_CMDS
	cd $(@D) && CC="$(TARGET_CC)" CFLAGS="-Os -ffile-prefix-map=$(@D)=." \
		./configure --host=$(BOARD_GNU_TARGET) --prefix=/usr --disable-shared \
		--with-pcap=linux --without-libnl --disable-usb --disable-netmap \
		--disable-bluetooth --disable-dbus --disable-rdma --without-dpdk \
		--disable-remote
endef

define LIBPCAP_BUILD_CMDS
	$(MAKE) -C $(@D) -j$(NPROC) libpcap.a
endef

define LIBPCAP_INSTALL_STAGING_CMDS
	$(MAKE) -C $(@D) DESTDIR=$(STAGING_DIR) install
endef

$(eval $(generic-package))
