# rad: Keel's IPv6 router advertisement daemon (RFC 4861 router side, RFC
# 8106 DNS options): SLAAC prefixes, RDNSS, DNSSL, MTU for one LAN
# interface, and with -D the same DNS options over stateless DHCPv6 (RFC
# 8415 Information-request). Sources are in this folder.
RAD_DEPENDENCIES = libkeel
RAD_LICENSE = MIT

$(eval $(keel-package))
