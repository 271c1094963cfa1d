# wan6: Keel's DHCPv6 client on the WAN (RFC 8415 with IA_NA and IA_PD,
# RFC 7084 WPD-1..6 and L-13): watches Router Advertisements for M/O,
# holds a delegated prefix, numbers each LAN from it and writes the lease
# for rad to advertise. Sources are in this folder.
WAN6_DEPENDENCIES = libkeel
WAN6_LICENSE = MIT

$(eval $(keel-package))
