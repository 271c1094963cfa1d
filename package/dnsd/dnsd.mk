# dnsd: Keel's DNS cache and forwarder for the LAN (cache, blocklist, local
# and DHCP-lease names, upstream failover). Sources are in this folder.
DNSD_DEPENDENCIES = libkeel

$(eval $(keel-package))
