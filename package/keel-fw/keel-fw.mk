# keel-fw: the firewall. Replaces table `inet keel` atomically from a policy
# (zones, port forwards, bans), shows it with counters. Sources are in this
# folder; the kernel needs CONFIG_NF_TABLES_INET, NFT_CT, NFT_NAT, NFT_MASQ,
# NFT_LIMIT and NFT_COUNTER.
KEEL_FW_DEPENDENCIES = libkeel

$(eval $(keel-package))
