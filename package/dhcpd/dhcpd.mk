# dhcpd: Keel's DHCPv4 server (RFC 2131/2132): leases in RAM, checkpointed
# atomically and read back at start, a hosts file for the DNS daemon.
# Sources are in this folder.
DHCPD_DEPENDENCIES = libkeel

$(eval $(keel-package))
