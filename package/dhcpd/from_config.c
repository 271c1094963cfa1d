/*
 * from_config.c - one DHCP pool of keel.conf as dhcpd_options: the same
 * mapping init used to spell out as flags, without argv's limits.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "keel/args.h"
#include "keel/paths.h"

#include "from_config.h"
#include "hostnames.h"
#include "pool_status.h"

/* A maximal valid keel.conf must fit dhcpd's tables (the checks below then
 * only guard against a table shrinking later). One route is kept back
 * for the default route the server appends to option 121. */
_Static_assert(DHCP_DNS_MAX >= CONFIG_MAX_SERVERS, "DHCP_DNS_MAX");
_Static_assert(DHCP_ROUTES_MAX - 1 >= CONFIG_MAX_DHCP_ROUTES,
	       "DHCP_ROUTES_MAX");
_Static_assert(DHCP_DOMAIN_MAX >= CONFIG_DOMAIN_MAX, "DHCP_DOMAIN_MAX");
_Static_assert(LEASE_STATIC_MAX >= CONFIG_MAX_DHCP_STATIC, "LEASE_STATIC_MAX");
_Static_assert(LEASE_NAME_MAX >= CONFIG_HOSTNAME_MAX, "LEASE_NAME_MAX");
_Static_assert(NAME_RESERVED_MAX >= CONFIG_MAX_DNS_HOSTS + 1,
	       "NAME_RESERVED_MAX");
_Static_assert(sizeof(((struct dhcpd_options *)0)->ifname_store) >
	       CONFIG_IFNAME_MAX, "ifname_store");

static uint32_t v4(const struct config_addr *a)
{
	return (uint32_t)a->bytes[0] << 24 | (uint32_t)a->bytes[1] << 16 |
	       (uint32_t)a->bytes[2] << 8 | a->bytes[3];
}

static uint32_t prefix_mask(unsigned prefix)
{
	return prefix ? ~0u << (32 - (prefix > 32 ? 32 : prefix)) : 0;
}

static int find_pool(const struct keel_config *cfg, const char *lan)
{
	for (unsigned i = 0; i < cfg->n_dhcp; i++)
		if (strcmp(cfg->dhcp[i].lan, lan) == 0)
			return (int)i;
	return -1;
}

static int map_statics(struct dhcpd_options *o, const struct keel_config *cfg,
		       unsigned pool, const char *lan, char *err,
		       size_t errlen)
{
	for (unsigned i = 0; i < cfg->n_dhcp_static; i++) {
		const struct config_dhcp_static *st = &cfg->dhcp_static[i];
		struct static_lease *s;

		if (st->pool != pool)
			continue;
		if (o->static_count == LEASE_STATIC_MAX)
			return args_fail(err, errlen, "[dhcp %s] static: more "
				    "than %u leases (LEASE_STATIC_MAX)", lan,
				    LEASE_STATIC_MAX);
		s = &o->statics[o->static_count];
		memset(s, 0, sizeof(*s));
		memcpy(s->mac, st->mac, 6);
		s->ip = v4(&st->addr);
		/* The same rule as names clients send (lower case, one
		 * label), so the hosts file never holds two spellings. */
		if (hostname_sanitize(st->hostname, s->name, sizeof(s->name)) !=
		    strlen(st->hostname))
			return args_fail(err, errlen, "[dhcp %s] static: %s is "
				    "not a host name dhcpd can publish (at most "
				    "%u, LEASE_NAME_MAX)", lan, st->hostname,
				    LEASE_NAME_MAX);
		o->static_count++;
	}
	return 0;
}

/* The label of a [dns] host name that dnsd answers under the pool's
 * domain: a bare name, or NAME.<domain>. "" for names elsewhere (they
 * cannot clash with NAME.<domain> of a lease). */
static void host_label(const char *host, const char *domain,
		       char label[LEASE_NAME_MAX + 1])
{
	const char *dot = strchr(host, '.');
	size_t len = dot ? (size_t)(dot - host) : strlen(host);

	label[0] = 0;
	if (len > LEASE_NAME_MAX ||
	    (dot && (!domain[0] || strcasecmp(dot + 1, domain) != 0)))
		return;
	memcpy(label, host, len);
	label[len] = 0;
}

/* Names a client may not take: the router's own, and the [dns] hosts'. */
static int map_reserved(struct dhcpd_options *o,
			const struct keel_config *cfg, const char *lan,
			char *err, size_t errlen)
{
	char label[LEASE_NAME_MAX + 1];

	memset(&o->names, 0, sizeof(o->names));
	if (cfg->hostname[0] && name_policy_reserve(&o->names,
						    cfg->hostname) < 0)
		return args_fail(err, errlen, "[dhcp %s]: hostname %s is not "
			    "a name dhcpd can reserve", lan, cfg->hostname);
	for (unsigned i = 0; i < cfg->dns.n_hosts; i++) {
		host_label(cfg->dns.hosts[i].name, o->domain, label);
		if (label[0] && name_policy_reserve(&o->names, label) < 0)
			return args_fail(err, errlen, "[dns] host %s: more "
				    "than %u reserved names "
				    "(NAME_RESERVED_MAX)",
				    cfg->dns.hosts[i].name,
				    NAME_RESERVED_MAX);
	}
	return 0;
}

static int map_files(struct dhcpd_options *o, const char *lan, char *err,
		     size_t errlen)
{
	int n;

	n = snprintf(o->lease_file_store, sizeof(o->lease_file_store),
		     KEEL_DHCPD_LEASES_FMT, lan);
	if (n < 0 || (size_t)n >= sizeof(o->lease_file_store))
		return args_fail(err, errlen, "[dhcp %s]: lease file name "
			    "longer than %zu", lan,
			    sizeof(o->lease_file_store) - 1);
	n = snprintf(o->hosts_file_store, sizeof(o->hosts_file_store),
		     KEEL_DHCPD_HOSTS_FMT, lan);
	if (n < 0 || (size_t)n >= sizeof(o->hosts_file_store))
		return args_fail(err, errlen, "[dhcp %s]: hosts file name "
			    "longer than %zu", lan,
			    sizeof(o->hosts_file_store) - 1);
	o->lease_file = o->lease_file_store;
	o->hosts_file = o->hosts_file_store;
	/* -W given beside -C wins: a test may point it elsewhere. */
	if (o->status_file)
		return 0;
	n = snprintf(o->status_file_store, sizeof(o->status_file_store),
		     DHCPD_STATUS_FMT, lan);
	if (n < 0 || (size_t)n >= sizeof(o->status_file_store))
		return args_fail(err, errlen, "[dhcp %s]: status file name "
			    "longer than %zu", lan,
			    sizeof(o->status_file_store) - 1);
	o->status_file = o->status_file_store;
	return 0;
}

int options_from_config(struct dhcpd_options *o, const struct keel_config *cfg,
			const char *lan, char *err, size_t errlen)
{
	const struct config_dhcp_pool *dp;
	const struct config_lan *l;
	const struct config_addr *own = NULL;
	int idx = find_pool(cfg, lan);

	if (idx < 0)
		return args_fail(err, errlen, "no [dhcp %s] pool", lan);
	dp = &cfg->dhcp[idx];
	l = &cfg->lans[dp->lan_index];

	/* Everything keel.conf holds starts afresh; the rest stays. */
	o->ifname = NULL;
	o->server_ip = o->netmask = o->router = 0;
	o->dns_count = o->route_count = o->static_count = 0;
	o->domain[0] = 0;
	o->mtu = 0;

	if (strlen(l->interface) >= sizeof(o->ifname_store))
		return args_fail(err, errlen, "[lan %s] interface %s: longer "
			    "than %zu", l->name, l->interface,
			    sizeof(o->ifname_store) - 1);
	strcpy(o->ifname_store, l->interface);
	o->ifname = o->ifname_store;
	for (unsigned i = 0; i < l->n_addrs && !own; i++)
		if (l->addrs[i].family == CONFIG_AF_INET)
			own = &l->addrs[i];
	if (!own)
		return args_fail(err, errlen, "[lan %s] has no IPv4 address "
			    "for [dhcp %s]", l->name, lan);
	o->server_ip = v4(own);
	o->netmask = prefix_mask(own->prefix);

	o->pool_first = v4(&dp->range_start);
	o->pool_last = v4(&dp->range_end);
	if (o->pool_last < o->pool_first ||
	    o->pool_last - o->pool_first >= LEASE_POOL_MAX)
		return args_fail(err, errlen, "[dhcp %s] range: more than %u "
			    "addresses (LEASE_POOL_MAX)", lan, LEASE_POOL_MAX);
	if (dp->router.family == CONFIG_AF_INET)
		o->router = v4(&dp->router);
	if (dp->n_dns > DHCP_DNS_MAX)
		return args_fail(err, errlen, "[dhcp %s] dns: more than %u "
			    "servers (DHCP_DNS_MAX)", lan, DHCP_DNS_MAX);
	for (unsigned i = 0; i < dp->n_dns; i++)
		o->dns[o->dns_count++] = v4(&dp->dns[i]);
	if (strlen(dp->domain) > DHCP_DOMAIN_MAX)
		return args_fail(err, errlen, "[dhcp %s] domain: longer than "
			    "%u (DHCP_DOMAIN_MAX)", lan, DHCP_DOMAIN_MAX);
	strcpy(o->domain, dp->domain);
	o->lease_secs = dp->lease_seconds;
	o->mtu = dp->mtu;
	if (dp->n_routes > DHCP_ROUTES_MAX - 1)
		return args_fail(err, errlen, "[dhcp %s] route: more than %u "
			    "(DHCP_ROUTES_MAX less the default route)", lan,
			    DHCP_ROUTES_MAX - 1);
	for (unsigned i = 0; i < dp->n_routes; i++) {
		struct dhcp_route *r = &o->routes[o->route_count++];

		r->prefix = dp->routes[i].dest.prefix;
		r->dest = v4(&dp->routes[i].dest) & prefix_mask(r->prefix);
		r->gateway = v4(&dp->routes[i].gateway);
	}
	if (map_statics(o, cfg, (unsigned)idx, lan, err, errlen) < 0)
		return -1;
	o->per_mac_count = dp->rate_limit.count;
	o->per_mac_secs = dp->rate_limit.per_seconds ?
			  dp->rate_limit.per_seconds : 1;
	o->new_count = dp->new_lease_rate.count;
	o->new_secs = dp->new_lease_rate.per_seconds ?
		      dp->new_lease_rate.per_seconds : 1;
	if (map_reserved(o, cfg, lan, err, errlen) < 0)
		return -1;
	return map_files(o, lan, err, errlen);
}
