/*
 * options.h - dhcpd's settings: from keel.conf with -C (from_config.h), or
 * from command-line flags without it (tests and benchmarks run it by hand).
 * Command-line handling is here.
 */
#ifndef DHCPD_OPTIONS_H
#define DHCPD_OPTIONS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dhcp_wire.h"
#include "lease_db.h"
#include "name_policy.h"

struct dhcpd_options {
	const char *ifname;
	uint32_t server_ip;		/* 0: the interface's address */
	uint32_t pool_first, pool_last;
	uint32_t netmask;		/* 0: the interface's netmask */
	uint32_t router;		/* 0: none */
	uint32_t dns[DHCP_DNS_MAX];
	unsigned dns_count;
	char domain[DHCP_DOMAIN_MAX + 1];
	uint16_t mtu;
	struct dhcp_route routes[DHCP_ROUTES_MAX];
	unsigned route_count;
	uint32_t lease_secs;
	struct static_lease statics[LEASE_STATIC_MAX];
	unsigned static_count;
	const char *lease_file;		/* "" : no checkpoints */
	const char *hosts_file;		/* "" : no hosts file */
	/* Counts for keel status (pool_status.h): -W, or with -C the
	 * LAN's DHCPD_STATUS_FMT; "" : none. NULL until one of them. */
	const char *status_file;
	const char *user;
	uint32_t checkpoint_secs;	/* at most one checkpoint per this */
	/* Per client MAC: count packets per per_mac_secs (1, 60, 3600),
	 * as keel.conf writes it (30/m); count 0: no limit. */
	uint32_t per_mac_count, per_mac_secs;
	uint32_t total_rate;		/* packets/s, 0: no limit */
	/* Per pool: new_count addresses taken by clients with no record
	 * per new_secs (1, 60, 3600); 0: no bound. */
	uint32_t new_count, new_secs;
	/* Never published for a client: the router's name, [dns] hosts. */
	struct name_policy names;
	int check_only;
	int verbose;
	const char *config_path;	/* -C: NULL without */
	const char *config_lan;		/* -S: the [dhcp LAN] to serve */
	/* What ifname, lease_file and hosts_file point at when they come
	 * from keel.conf (so they outlive the parsed config). */
	char ifname_store[16];
	char lease_file_store[128];
	char hosts_file_store[128];
	char status_file_store[128];
};

/* Fills cfg from argv (defaults first). With -C only records the file and
 * the LAN: the caller loads it and calls options_from_config(). Returns 0,
 * 1 for -h (usage printed to out), or -1 with one line in err. */
int options_parse(int argc, char *const argv[], struct dhcpd_options *cfg,
		 char *err, size_t errlen, FILE *out);
/* Checks the pool against the server's address and netmask. Returns 0, or
 * -1 with one line in err. */
int options_check(const struct dhcpd_options *cfg, uint32_t server_ip,
		 uint32_t netmask, char *err, size_t errlen);
/* Prints the effective settings, one "key value" a line. */
void options_print(const struct dhcpd_options *cfg, uint32_t server_ip,
		  uint32_t netmask, FILE *out);

#endif /* DHCPD_OPTIONS_H */
