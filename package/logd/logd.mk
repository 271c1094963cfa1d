# logd: Keel's system log daemon (syslog and kernel log into a fixed RAM
# ring, a reader socket for logread, RFC 5424 forwarding over UDP or TCP,
# SSH brute-force bans through keel-fw's sets). Sources are in this folder.
LOGD_DEPENDENCIES = libkeel

$(eval $(keel-package))
