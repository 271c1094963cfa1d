/*
 * keel/paths.h - the files init and the daemons agree on. One place, so a
 * daemon that reads its settings from the config snapshot finds the same
 * run-time files init made for it.
 */
#ifndef KEEL_PATHS_H
#define KEEL_PATHS_H

/* The config init booted with, in canonical form: every daemon reads its
 * settings from here (-C), never from argv. */
#define KEEL_RUN_CONFIG		"/run/keel/keel.conf"
/* The saved config on the data partition, and the one awaiting confirm. */
#define KEEL_DATA_CONFIG	"/data/keel.conf"
#define KEEL_DATA_CONFIG_PENDING "/data/keel.conf.pending"
/* DNS servers the WAN learned (udhcpc hook, or init for a static WAN). */
#define KEEL_WAN_DNS		"/run/keel/wan-dns"
/* Per DHCP pool (printf with the LAN's name): leases kept across reboots,
 * and the names dhcpd hands dnsd. */
#define KEEL_DHCPD_LEASES_FMT	"/data/dhcpd/%s.leases"
#define KEEL_DHCPD_HOSTS_FMT	"/run/dhcpd/%s.hosts"
/* What keel status reads: a pool's lease counts, dnsd's counters. */
#define KEEL_DHCPD_STATUS_FMT	"/run/dhcpd/%s.status"
#define KEEL_DNSD_STATS		"/run/dnsd/stats"
/* Environment variable naming the readiness fd (keel/ready.h). */
#define KEEL_READY_ENV		"KEEL_READY_FD"

#endif /* KEEL_PATHS_H */
