/*
 * from_config.h - dhcpd's settings for one pool, from keel.conf: the one
 * source of truth init and dhcpd share (dhcpd -C FILE -S LAN).
 */
#ifndef DHCPD_FROM_CONFIG_H
#define DHCPD_FROM_CONFIG_H

#include <stddef.h>

#include "keel/config.h"

#include "options.h"

/*
 * Fills the settings keel.conf holds for the pool of [dhcp lan]: interface,
 * server address and netmask (the LAN's IPv4 address), range, router, DNS,
 * domain, lease time, MTU, option 121 routes, the pool's static leases,
 * the per-MAC rate limit, the bound on new clients, the names a client may
 * not take (the router's hostname, [dns] hosts under the pool's domain),
 * and the lease and hosts files (keel/paths.h,
 * kept in o's own storage). Leaves the rest of o (user, verbose, -n...)
 * as it is. Pure. Returns 0, or -1 with one line in err: no such pool, or
 * a value that does not fit one of dhcpd's tables (naming the limit;
 * nothing is ever cut).
 */
int options_from_config(struct dhcpd_options *o, const struct keel_config *cfg,
			const char *lan, char *err, size_t errlen);

#endif /* DHCPD_FROM_CONFIG_H */
