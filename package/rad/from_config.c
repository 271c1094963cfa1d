/*
 * from_config.c - keel.conf's [lan NAME], [dns] domain and [services] dnsd
 * to struct rad_options.
 */
#include <stdio.h>
#include <string.h>

#include "from_config.h"

/* A maximal valid keel.conf must always map: every address of a LAN a
 * prefix and a DNS server, the longest domain. */
_Static_assert(RA_PREFIX_MAX >= CONFIG_MAX_ADDRS,
	       "rad holds fewer prefixes than a LAN has addresses");
_Static_assert(RA_RDNSS_MAX >= CONFIG_MAX_ADDRS,
	       "rad holds fewer DNS servers than a LAN has addresses");
_Static_assert(RA_DOMAIN_MAX >= CONFIG_DOMAIN_MAX,
	       "rad holds a shorter domain than keel.conf");

#define FAIL(...) do { snprintf(err, errlen, __VA_ARGS__); return -1; } \
	while (0)

static int add_prefix(struct rad_options *o, const struct config_lan *lan,
		      const struct config_addr *a, char *err, size_t errlen)
{
	char text[CONFIG_ADDR_STRLEN];
	struct ra_prefix p;
	const char *why;

	memcpy(p.addr, a->bytes, 16);
	memset(p.addr + 8, 0, 8);
	p.len = 64;
	if ((why = prefix_unusable(p.addr)))
		FAIL("[lan %s] address %s: %s", lan->name,
		     config_addr_str(a, true, text, sizeof(text)), why);
	/* fd00::1/120 and fd00::101/120 share one /64: advertised once. */
	for (unsigned i = 0; i < o->ra.prefix_count; i++)
		if (!memcmp(o->ra.prefixes[i].addr, p.addr, 16))
			return 0;
	if (o->ra.prefix_count >= RA_PREFIX_MAX)
		FAIL("[lan %s] address %s: more than %d prefixes "
		     "(RA_PREFIX_MAX)", lan->name,
		     config_addr_str(a, true, text, sizeof(text)),
		     RA_PREFIX_MAX);
	o->ra.prefixes[o->ra.prefix_count++] = p;
	return 0;
}

static int add_rdnss(struct rad_options *o, const struct config_lan *lan,
		     const struct config_addr *a, char *err, size_t errlen)
{
	char text[CONFIG_ADDR_STRLEN];

	config_addr_str(a, false, text, sizeof(text));
	if (bad_unicast(a->bytes))
		FAIL("[lan %s] address %s: not a unicast address for a DNS "
		     "server", lan->name, text);
	if (o->ra.rdnss_count >= RA_RDNSS_MAX)
		FAIL("[lan %s] address %s: more than %d DNS servers "
		     "(RA_RDNSS_MAX)", lan->name, text, RA_RDNSS_MAX);
	memcpy(o->ra.rdnss[o->ra.rdnss_count++], a->bytes, 16);
	return 0;
}

int options_from_config(struct rad_options *o, const struct keel_config *cfg,
			const char *lan, char *err, size_t errlen)
{
	struct rad_options out = *o;
	const struct config_lan *l;
	size_t dlen = strlen(cfg->dns.domain);
	int i = config_lan_find(cfg, lan);

	if (i < 0)
		FAIL("no [lan %s] section", lan);
	l = &cfg->lans[i];
	if (!l->interface[0] || strlen(l->interface) >= 16)
		FAIL("[lan %s] interface %s: not an interface name", l->name,
		     l->interface);
	out.ifname = l->interface;
	out.ra.prefix_count = out.ra.rdnss_count = 0;
	for (unsigned j = 0; j < l->n_addrs; j++) {
		const struct config_addr *a = &l->addrs[j];

		if (a->family != CONFIG_AF_INET6)
			continue;
		if (add_prefix(&out, l, a, err, errlen) < 0)
			return -1;
		/* The router answers DNS on each of its LAN addresses. */
		if (cfg->services.dnsd && add_rdnss(&out, l, a, err, errlen) < 0)
			return -1;
	}
	if (!out.ra.prefix_count)
		FAIL("[lan %s] has no IPv6 address: nothing to advertise",
		     l->name);
	if (dlen > RA_DOMAIN_MAX || (dlen && !domain_ok(cfg->dns.domain)))
		FAIL("[dns] domain: not a name rad can send (at most %d "
		     "characters, RA_DOMAIN_MAX; labels of 63): %s",
		     RA_DOMAIN_MAX, cfg->dns.domain);
	memcpy(out.ra.domain, cfg->dns.domain, dlen + 1);
	/* Stateless DHCPv6 for hosts that follow the O flag, not RDNSS. */
	out.dhcp6 = 1;
	if (!out.user_set)
		out.user = "rad";
	if (options_finish(&out, err, errlen) < 0)
		return -1;
	*o = out;
	return 0;
}
