# lwip: a user-space TCP/IP stack, built for the build machine only. The tests'
# simulated LAN and WAN hosts are lwIP netifs inside one process, talking to
# QEMU over socket netdevs. Debian's source has no contrib/ports, so Keel's own
# small NO_SYS port lives in port/.
HOST_LWIP_VERSION = 2.1.3
HOST_LWIP_SOURCE = lwip_$(HOST_LWIP_VERSION)+dfsg1.orig.tar.xz
HOST_LWIP_DEBIAN_SOURCE = lwip=$(HOST_LWIP_VERSION)+dfsg1-2
HOST_LWIP_LICENSE = BSD-3-Clause
HOST_LWIP_LICENSE_FILES = COPYING
HOST_LWIP_CPE_ID_VENDOR = lwip_project
HOST_LWIP_CPE_ID_PRODUCT = lwip
HOST_LWIP_INSTALL_STAGING = YES
HOST_LWIP_CONFIG_FILES = $(wildcard $(HOST_LWIP_PKGDIR)/port/* $(HOST_LWIP_PKGDIR)/port/include/* $(HOST_LWIP_PKGDIR)/port/include/*/*)
HOST_LWIP_PORT_MAKE = $(MAKE) -C $(HOST_LWIP_PKGDIR)/port LWIPDIR=$(@D)/src O=$(@D)/keel-port

define HOST_LWIP_BUILD_CMDS
	$(HOST_LWIP_PORT_MAKE) -j$(NPROC)
endef

# Host packages install into $(HOST_DIR): the library plus lwIP's and the port's headers.
define HOST_LWIP_INSTALL_STAGING_CMDS
	$(HOST_LWIP_PORT_MAKE) DESTDIR=$(HOST_DIR) install
endef

$(eval $(host-generic-package))
