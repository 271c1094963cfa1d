/*
 * config_keys.c - one handler per keel.conf key, and the tables that say
 * which keys each section takes, how many values, and which may repeat.
 * A handler parses p->args into the struct; config.c has done the rest.
 */
#include <stdio.h>
#include <string.h>

#include "config_parser.h"

/* Value i as the (pointer, length) pair the config_val_*() parsers take. */
#define ARG(i) p->args[i].s, p->args[i].n

int conf_get_uint(struct parser *p, const struct tok *t, uint32_t min,
		  uint32_t max, uint32_t *out)
{
	const char *why = config_val_uint(t->s, t->n, min, max, out);

	if (why && strcmp(why, "is out of range") == 0)
		return conf_fail_tok(p, t, "is out of range %u-%u", min, max);
	return conf_check(p, t, why);
}

int conf_get_duration(struct parser *p, const struct tok *t, uint32_t min,
		      uint32_t max, uint32_t *out)
{
	const char *why = config_val_duration(t->s, t->n, min, max, out);
	char lo[16], hi[16];

	if (why && strcmp(why, "is out of range") == 0) {
		config_fmt_duration(min, lo, sizeof(lo));
		config_fmt_duration(max, hi, sizeof(hi));
		return conf_fail_tok(p, t, "is out of range %s-%s", lo, hi);
	}
	return conf_check(p, t, why);
}

int conf_get_size(struct parser *p, const struct tok *t, uint32_t min,
		  uint32_t max, uint32_t *out)
{
	const char *why = config_val_size(t->s, t->n, min, max, out);
	char lo[16], hi[16];

	if (why && strcmp(why, "is out of range") == 0) {
		config_fmt_size(min, lo, sizeof(lo));
		config_fmt_size(max, hi, sizeof(hi));
		return conf_fail_tok(p, t, "is out of range %s-%s bytes", lo,
				     hi);
	}
	return conf_check(p, t, why);
}

/* A list of addresses on one line, at most max. */
int conf_get_addr_list(struct parser *p, int family, bool cidr,
		       struct config_addr *out, uint8_t *n_out, unsigned max,
		       const char *limit_name)
{
	if (p->n_args > max)
		return conf_too_many(p, max, cidr ? "addresses" : "servers",
				     limit_name);
	for (size_t i = 0; i < p->n_args; i++) {
		const struct tok *t = &p->args[i];
		const char *why =
			cidr ? config_val_cidr(t->s, t->n, family, &out[i])
			     : config_val_addr(t->s, t->n, family, &out[i]);

		if (why)
			return conf_fail_tok(p, t, "%s", why);
		for (size_t j = 0; j < i; j++)
			if (config_addr_equal(&out[i], &out[j]))
				return conf_fail_tok(p, t, "is listed twice");
	}
	*n_out = (uint8_t)p->n_args;
	return 0;
}

int conf_get_ifname_list(struct parser *p, char (*out)[CONFIG_IFNAME_MAX + 1],
			 uint8_t *n_out, unsigned max, const char *limit_name)
{
	if (p->n_args > max)
		return conf_too_many(p, max, "interfaces", limit_name);
	for (size_t i = 0; i < p->n_args; i++) {
		if (conf_check(p, &p->args[i],
			       config_val_ifname(ARG(i), out[i])))
			return -1;
		for (size_t j = 0; j < i; j++)
			if (strcmp(out[i], out[j]) == 0)
				return conf_fail_tok(p, &p->args[i],
						     "is listed twice");
	}
	*n_out = (uint8_t)p->n_args;
	return 0;
}

/* A network address: host bits must be zero, so "what it means" is clear. */
int conf_get_network(struct parser *p, const struct tok *t, int family,
		     struct config_addr *out)
{
	struct config_addr host;

	if (conf_check(p, t, config_val_cidr(t->s, t->n, family, out)))
		return -1;
	host = *out;
	host.prefix = out->family == CONFIG_AF_INET ? 32 : 128;
	for (unsigned i = out->prefix; i < host.prefix; i++)
		if (out->bytes[i / 8] & (0x80 >> (i % 8)))
			return conf_fail_tok(p, t,
					     "has host bits set (a network "
					     "is written like 192.168.5.0/24)");
	return 0;
}

/* ---- top level ---- */

static int k_hostname(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_hostname(ARG(0), p->cfg->hostname));
}

/* Shorter than the first health check plus a steady run would reboot
 * every trial boot; an hour is already far past any real boot. */
static int k_trial_timeout(struct parser *p)
{
	return conf_get_duration(p, &p->args[0], 20, 3600, &p->cfg->trial_seconds);
}

/* ---- [wan] ---- */

static int k_wan_interface(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_ifname(ARG(0), p->cfg->wan.interface));
}

static int k_wan_mode(struct parser *p)
{
	if (conf_tok_is(&p->args[0], "dhcp"))
		p->cfg->wan.mode = CONFIG_WAN_DHCP;
	else if (conf_tok_is(&p->args[0], "static"))
		p->cfg->wan.mode = CONFIG_WAN_STATIC;
	else if (conf_tok_is(&p->args[0], "pppoe"))
		p->cfg->wan.mode = CONFIG_WAN_PPPOE;
	else
		return conf_fail_tok(p, &p->args[0], "is not dhcp, static or pppoe");
	return 0;
}

static int k_wan_address(struct parser *p)
{
	return conf_get_addr_list(p, 0, true, p->cfg->wan.addrs,
				  &p->cfg->wan.n_addrs, CONFIG_MAX_ADDRS,
				  "CONFIG_MAX_ADDRS");
}

static int k_wan_gateway(struct parser *p)
{
	struct config_wan *wan = &p->cfg->wan;

	if (p->n_args > 2)
		return conf_too_many(p, 2, "gateways (one per family)",
				     "IPv4 + IPv6");
	for (size_t i = 0; i < p->n_args; i++) {
		struct config_addr a, *slot;

		if (conf_check(p, &p->args[i], config_val_addr(ARG(i), 0, &a)))
			return -1;
		slot = a.family == CONFIG_AF_INET ? &wan->gateway4
						  : &wan->gateway6;
		if (slot->family)
			return conf_fail_tok(p, &p->args[i],
					     "is a second gateway "
					     "of the same family");
		*slot = a;
	}
	return 0;
}

static int k_wan_dns(struct parser *p)
{
	return conf_get_addr_list(p, 0, false, p->cfg->wan.dns,
				  &p->cfg->wan.n_dns, CONFIG_MAX_SERVERS,
				  "CONFIG_MAX_SERVERS");
}

static int k_wan_accept_ra(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_bool(ARG(0), &p->cfg->wan.accept_ra));
}

/* 802.1Q: 0 and 4095 are reserved by the standard. */
static int k_wan_vlan(struct parser *p)
{
	uint32_t v;

	if (conf_get_uint(p, &p->args[0], 1, 4094, &v))
		return -1;
	p->cfg->wan.vlan = (uint16_t)v;
	return 0;
}

/* IPv4's minimum link MTU is 68, but below 1280 IPv6 cannot run: the WAN
 * carries both. The PPPoE maximum is checked with the mode (any order). */
static int k_wan_mtu(struct parser *p)
{
	uint32_t v;

	if (conf_get_uint(p, &p->args[0], 1280, 9000, &v))
		return -1;
	p->cfg->wan.mtu = (uint16_t)v;
	return 0;
}

static int k_wan_user(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_ppp_text(ARG(0), p->cfg->wan.ppp_user));
}

static int k_wan_password(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_ppp_text(ARG(0), p->cfg->wan.ppp_password));
}

static int k_wan_service(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_ppp_text(ARG(0), p->cfg->wan.ppp_service));
}

static int k_wan_dhcpv6(struct parser *p)
{
	if (conf_tok_is(&p->args[0], "auto"))
		p->cfg->wan.dhcpv6 = CONFIG_DHCPV6_AUTO;
	else if (conf_tok_is(&p->args[0], "on"))
		p->cfg->wan.dhcpv6 = CONFIG_DHCPV6_ON;
	else if (conf_tok_is(&p->args[0], "off"))
		p->cfg->wan.dhcpv6 = CONFIG_DHCPV6_OFF;
	else
		return conf_fail_tok(p, &p->args[0], "is not auto, on or off");
	return 0;
}

static int k_wan_ipv4(struct parser *p)
{
	if (conf_tok_is(&p->args[0], "native"))
		p->cfg->wan.ipv4 = CONFIG_WAN_IPV4_NATIVE;
	else if (conf_tok_is(&p->args[0], "dslite"))
		p->cfg->wan.ipv4 = CONFIG_WAN_IPV4_DSLITE;
	else
		return conf_fail_tok(p, &p->args[0], "is not native or dslite");
	return 0;
}

/* The AFTR's DNS name: a domain with at least one dot (a bare label would
 * go through no search list) whose last label is not all digits, so
 * 192.0.2.1 is never taken for a name (RFC 3696 section 2). */
static const char *aftr_name(const char *s, size_t n, char *out)
{
	size_t last;

	if (config_val_domain(s, n, out))
		return "is not an IPv6 address or a DNS name (labels of 1-63 "
		       "A-Z a-z 0-9 -, no '-' at either end, dot-separated, "
		       "at most 253 characters)";
	if (!memchr(s, '.', n))
		return "is not an IPv6 address or a DNS name (a name has a "
		       "dot: gw.transix.jp)";
	for (last = n; last > 0 && s[last - 1] != '.'; last--)
		;
	while (last < n && s[last] >= '0' && s[last] <= '9')
		last++;
	if (last == n)
		return "is not an IPv6 address or a DNS name (an IPv4 "
		       "address cannot reach the AFTR, which is over IPv6)";
	return NULL;
}

/* The AFTR by address, or by name: wan6 resolves the name as it would
 * DHCPv6's option 64. An address must be unicast: it is the tunnel's
 * far end. */
static int k_wan_aftr(struct parser *p)
{
	static const uint8_t any[16];
	struct config_wan *wan = &p->cfg->wan;
	struct config_addr a;
	const char *why;

	memset(&wan->aftr, 0, sizeof(wan->aftr));
	wan->aftr_name[0] = '\0';
	if (!memchr(p->args[0].s, ':', p->args[0].n)) {
		why = aftr_name(ARG(0), wan->aftr_name);
		if (why)
			wan->aftr_name[0] = '\0';
		return conf_check(p, &p->args[0], why);
	}
	if (config_val_addr(ARG(0), CONFIG_AF_INET6, &a))
		return conf_fail_tok(p, &p->args[0], "is not an IPv6 address "
				     "or a DNS name (give the AFTR's, or "
				     "leave aftr out to learn it by DHCPv6)");
	if (memcmp(a.bytes, any, 16) == 0 || a.bytes[0] == 0xff ||
	    (memcmp(a.bytes, any, 15) == 0 && a.bytes[15] == 1) ||
	    (a.bytes[0] == 0xfe && (a.bytes[1] & 0xc0) == 0x80))
		return conf_fail_tok(p, &p->args[0], "is not a global unicast "
				     "address");
	wan->aftr = a;
	return 0;
}

/* ---- [lan NAME] ---- */

static int k_lan_interface(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_ifname(ARG(0),
					    p->cfg->lans[p->idx].interface));
}

static int k_lan_ports(struct parser *p)
{
	struct config_lan *lan = &p->cfg->lans[p->idx];

	return conf_get_ifname_list(p, lan->ports, &lan->n_ports,
				    CONFIG_MAX_PORTS, "CONFIG_MAX_PORTS");
}

static int k_lan_address(struct parser *p)
{
	struct config_lan *lan = &p->cfg->lans[p->idx];

	return conf_get_addr_list(p, 0, true, lan->addrs, &lan->n_addrs,
				  CONFIG_MAX_ADDRS, "CONFIG_MAX_ADDRS");
}

/* 16 bits: a /48 holds 65536 /64s. Decimal or 0x hex, as the subnet
 * part of an address is usually written in hex. */
static int k_lan_subnet_id(struct parser *p)
{
	const struct tok *t = &p->args[0];
	uint32_t v = 0;

	if (t->n > 2 && t->s[0] == '0' && (t->s[1] == 'x' || t->s[1] == 'X')) {
		if (t->n > 6)
			return conf_fail_tok(p, t, "is out of range 0-0xffff");
		for (size_t i = 2; i < t->n; i++) {
			char c = t->s[i];
			unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0') :
				c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) :
				c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16;

			if (d > 15)
				return conf_fail_tok(p, t, "is not a number "
						     "(decimal or 0x hex)");
			v = v << 4 | d;
		}
	} else if (conf_get_uint(p, t, 0, 65535, &v)) {
		return -1;
	}
	p->cfg->lans[p->idx].subnet_id = (uint16_t)v;
	return 0;
}

/* ---- [dhcp LAN] ---- */

static struct config_dhcp_pool *pool(struct parser *p)
{
	return &p->cfg->dhcp[p->idx];
}

static int k_dhcp_range(struct parser *p)
{
	struct config_dhcp_pool *dp = pool(p);

	if (conf_check(p, &p->args[0],
		       config_val_addr(ARG(0), CONFIG_AF_INET,
				       &dp->range_start)) ||
	    conf_check(p, &p->args[1],
		       config_val_addr(ARG(1), CONFIG_AF_INET, &dp->range_end)))
		return -1;
	if (config_addr_v4(&dp->range_end) < config_addr_v4(&dp->range_start))
		return conf_fail_tok(p, &p->args[1],
				     "is below the range start");
	return 0;
}

static int k_dhcp_lease_time(struct parser *p)
{
	return conf_get_duration(p, &p->args[0], 120, 30 * 86400,
				 &pool(p)->lease_seconds);
}

static int k_dhcp_router(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_addr(ARG(0), CONFIG_AF_INET,
					  &pool(p)->router));
}

static int k_dhcp_dns(struct parser *p)
{
	return conf_get_addr_list(p, CONFIG_AF_INET, false, pool(p)->dns,
				  &pool(p)->n_dns, CONFIG_MAX_SERVERS,
				  "CONFIG_MAX_SERVERS");
}

static int k_dhcp_domain(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_domain(ARG(0), pool(p)->domain));
}

static int k_dhcp_mtu(struct parser *p)
{
	uint32_t mtu;

	if (conf_get_uint(p, &p->args[0], 576, 9000, &mtu))
		return -1;
	pool(p)->mtu = (uint16_t)mtu;
	return 0;
}

static int k_dhcp_route(struct parser *p)
{
	struct config_dhcp_pool *dp = pool(p);
	struct config_route *r;

	if (dp->n_routes == CONFIG_MAX_DHCP_ROUTES)
		return conf_fail_at(p, p->args[0].s,
				    "%s: more than %u routes "
				    "(CONFIG_MAX_DHCP_ROUTES)",
				    conf_where(p), CONFIG_MAX_DHCP_ROUTES);
	r = &dp->routes[dp->n_routes];
	if (conf_get_network(p, &p->args[0], CONFIG_AF_INET, &r->dest) ||
	    conf_check(p, &p->args[1],
		       config_val_addr(ARG(1), CONFIG_AF_INET, &r->gateway)))
		return -1;
	for (unsigned i = 0; i < dp->n_routes; i++)
		if (config_addr_equal(&dp->routes[i].dest, &r->dest) &&
		    dp->routes[i].dest.prefix == r->dest.prefix)
			return conf_fail_tok(p, &p->args[0], "is routed twice");
	dp->n_routes++;
	return 0;
}

static int k_dhcp_static(struct parser *p)
{
	struct keel_config *cfg = p->cfg;
	struct config_dhcp_static *st;

	if (cfg->n_dhcp_static == CONFIG_MAX_DHCP_STATIC)
		return conf_fail_at(p, p->args[0].s,
				    "%s: more than %u static leases "
				    "(CONFIG_MAX_DHCP_STATIC)",
				    conf_where(p), CONFIG_MAX_DHCP_STATIC);
	st = &cfg->dhcp_static[cfg->n_dhcp_static];
	st->pool = (uint8_t)p->idx;
	if (conf_check(p, &p->args[0], config_val_mac(ARG(0), st->mac)) ||
	    conf_check(p, &p->args[1],
		       config_val_addr(ARG(1), CONFIG_AF_INET, &st->addr)))
		return -1;
	if (p->n_args == 3 &&
	    conf_check(p, &p->args[2],
		       config_val_hostname(ARG(2), st->hostname)))
		return -1;
	cfg->n_dhcp_static++;
	return 0;
}

static int k_dhcp_rate_limit(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_rate(ARG(0), &pool(p)->rate_limit));
}

static int k_dhcp_new_lease_rate(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_rate(ARG(0), &pool(p)->new_lease_rate));
}

/* ---- [dns] ---- */

static int k_dns_upstream(struct parser *p)
{
	return conf_get_addr_list(p, 0, false, p->cfg->dns.upstreams,
				  &p->cfg->dns.n_upstreams, CONFIG_MAX_SERVERS,
				  "CONFIG_MAX_SERVERS");
}

static int k_dns_domain(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_domain(ARG(0), p->cfg->dns.domain));
}

static int k_dns_cache_size(struct parser *p)
{
	return conf_get_size(p, &p->args[0], 0, 256 * 1024 * 1024,
			     &p->cfg->dns.cache_bytes);
}

static int k_dns_negative_ttl_max(struct parser *p)
{
	return conf_get_duration(p, &p->args[0], 0, 86400,
				 &p->cfg->dns.negative_ttl_max);
}

static int k_dns_host(struct parser *p)
{
	struct config_dns *dns = &p->cfg->dns;
	struct config_dns_host *h;

	if (dns->n_hosts == CONFIG_MAX_DNS_HOSTS)
		return conf_fail_at(p, p->args[0].s,
				    "%s: more than %u hosts "
				    "(CONFIG_MAX_DNS_HOSTS)",
				    conf_where(p), CONFIG_MAX_DNS_HOSTS);
	h = &dns->hosts[dns->n_hosts];
	if (conf_check(p, &p->args[0], config_val_domain(ARG(0), h->name)) ||
	    conf_check(p, &p->args[1], config_val_addr(ARG(1), 0, &h->addr)))
		return -1;
	for (unsigned i = 0; i < dns->n_hosts; i++)
		if (strcmp(dns->hosts[i].name, h->name) == 0 &&
		    config_addr_equal(&dns->hosts[i].addr, &h->addr))
			return conf_fail_tok(p, &p->args[1],
					     "is given twice for %s", h->name);
	dns->n_hosts++;
	return 0;
}

static int k_dns_blocklist(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_path(ARG(0), p->cfg->dns.blocklist));
}

static int k_dns_query_log(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_bool(ARG(0), &p->cfg->dns.query_log));
}

static int k_dns_query_log_rate(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_rate(ARG(0), &p->cfg->dns.query_log_rate));
}

static int k_dns_client_rate_limit(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_rate(ARG(0),
					  &p->cfg->dns.client_rate_limit));
}

static int k_dns_rebind_protection(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_bool(ARG(0),
					  &p->cfg->dns.rebind_protection));
}

/* Repeatable, each line adding to the list: 8 long domains do not fit
 * on one line. */
static int k_dns_rebind_allow(struct parser *p)
{
	struct config_dns *dns = &p->cfg->dns;

	if (dns->n_rebind_allow + p->n_args > CONFIG_MAX_REBIND_ALLOW)
		return conf_too_many(p, CONFIG_MAX_REBIND_ALLOW, "domains",
				     "CONFIG_MAX_REBIND_ALLOW");
	for (size_t i = 0; i < p->n_args; i++) {
		char *d = dns->rebind_allow[dns->n_rebind_allow];

		if (conf_check(p, &p->args[i], config_val_domain(ARG(i), d)))
			return -1;
		for (size_t j = 0; j < dns->n_rebind_allow; j++)
			if (strcmp(d, dns->rebind_allow[j]) == 0)
				return conf_fail_tok(p, &p->args[i],
						     "is listed twice");
		dns->n_rebind_allow++;
	}
	return 0;
}

/* ---- [forward NAME] ---- */

static struct config_forward *fwd(struct parser *p)
{
	return &p->cfg->forwards[p->idx];
}

static int k_fwd_proto(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_proto(ARG(0), &fwd(p)->proto));
}

static int k_fwd_port(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_port_range(ARG(0), &fwd(p)->port_first,
						&fwd(p)->port_last));
}

/* "10.0.0.10", "10.0.0.10:80", "fd00::10", "[fd00::10]:80" */
static int k_fwd_to(struct parser *p)
{
	const struct tok *t = &p->args[0];
	struct config_endpoint ep;

	if (!config_val_addr(t->s, t->n, 0, &ep.addr))
		ep.port = 0;
	else if (conf_check(p, t, config_val_endpoint(t->s, t->n, 0, &ep)))
		return -1;
	fwd(p)->to_addr = ep.addr;
	fwd(p)->to_port = ep.port;
	return 0;
}

static int k_fwd_family(struct parser *p)
{
	if (conf_tok_is(&p->args[0], "ipv4"))
		fwd(p)->family = CONFIG_AF_INET;
	else if (conf_tok_is(&p->args[0], "ipv6"))
		fwd(p)->family = CONFIG_AF_INET6;
	else
		return conf_fail_tok(p, &p->args[0], "is not ipv4 or ipv6");
	p->fwd_family_given = true;
	return 0;
}

/* ---- [services] ---- */

static int k_service(struct parser *p, int which)
{
	bool on;

	if (conf_check(p, &p->args[0], config_val_bool(ARG(0), &on)))
		return -1;
	p->svc[which] = on;
	return 0;
}

static int k_svc_dnsd(struct parser *p)
{
	return k_service(p, 0);
}
static int k_svc_dhcpd(struct parser *p)
{
	return k_service(p, 1);
}
static int k_svc_flowd(struct parser *p)
{
	return k_service(p, 2);
}
static int k_svc_logd(struct parser *p)
{
	return k_service(p, 3);
}
static int k_svc_sshd(struct parser *p)
{
	return k_service(p, 4);
}

/* ---- [ssh] ---- */

static int k_ssh_password(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_bool(ARG(0), &p->cfg->ssh.password));
}

static int k_ssh_listen(struct parser *p)
{
	if (conf_tok_is(&p->args[0], "lan"))
		p->cfg->ssh.lan_only = true;
	else if (conf_tok_is(&p->args[0], "all"))
		p->cfg->ssh.lan_only = false;
	else
		return conf_fail_tok(p, &p->args[0], "is not lan or all");
	return 0;
}

static int k_ssh_port(struct parser *p)
{
	uint32_t port;

	if (conf_get_uint(p, &p->args[0], 1, 65535, &port))
		return -1;
	p->cfg->ssh.port = (uint16_t)port;
	return 0;
}

static int k_ssh_ban_after(struct parser *p)
{
	uint32_t n;

	if (conf_get_uint(p, &p->args[0], 0, 1000, &n))
		return -1;
	p->cfg->ssh.ban_after = (uint16_t)n;
	return 0;
}

static int k_ssh_ban_time(struct parser *p)
{
	return conf_get_duration(p, &p->args[0], 1, 86400,
				 &p->cfg->ssh.ban_seconds);
}

static int k_ssh_ban_prefix6(struct parser *p)
{
	uint32_t len;

	if (conf_get_uint(p, &p->args[0], 48, 128, &len))
		return -1;
	p->cfg->ssh.ban_prefix6 = (uint8_t)len;
	return 0;
}

static int k_ssh_probe_limit(struct parser *p)
{
	return conf_check(p, &p->args[0],
			  config_val_rate(ARG(0), &p->cfg->ssh.probe_limit));
}

/* ADDR or ADDR/LEN (a host is its full length); repeatable, all lines
 * together at most CONFIG_MAX_SSH_ALLOW. */
static int k_ssh_ban_allow(struct parser *p)
{
	struct config_ssh *ssh = &p->cfg->ssh;

	for (size_t i = 0; i < p->n_args; i++) {
		const struct tok *t = &p->args[i];
		struct config_addr a;
		const char *why;

		if (ssh->n_ban_allow == CONFIG_MAX_SSH_ALLOW)
			return conf_too_many(p, CONFIG_MAX_SSH_ALLOW,
					     "addresses",
					     "CONFIG_MAX_SSH_ALLOW");
		if (memchr(t->s, '/', t->n)) {
			why = config_val_cidr(t->s, t->n, 0, &a);
		} else {
			why = config_val_addr(t->s, t->n, 0, &a);
			a.prefix = a.family == CONFIG_AF_INET ? 32 : 128;
		}
		if (why)
			return conf_fail_tok(p, t, "%s", why);
		for (size_t j = 0; j < ssh->n_ban_allow; j++)
			if (config_addr_equal(&a, &ssh->ban_allow[j]) &&
			    a.prefix == ssh->ban_allow[j].prefix)
				return conf_fail_tok(p, t, "is listed twice");
		ssh->ban_allow[ssh->n_ban_allow++] = a;
	}
	return 0;
}

static bool is_key_type(const struct tok *t)
{
	static const char *const types[] = {
		"ssh-ed25519",
		"ssh-rsa",
		"ecdsa-sha2-nistp256",
		"ecdsa-sha2-nistp384",
		"ecdsa-sha2-nistp521",
		"sk-ssh-ed25519@openssh.com",
		"sk-ecdsa-sha2-nistp256@openssh.com",
	};

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (conf_tok_is(t, types[i]))
			return true;
	return false;
}

static bool is_base64(const struct tok *t);

/* The base64 key blob of an authorized_keys line, which identifies the key
 * whatever its options and comment say. */
static struct tok key_blob(const char *line)
{
	struct tok words[ARGS_MAX];
	const char *overflow;
	size_t n = conf_split(line, strlen(line), words, ARGS_MAX, &overflow);

	for (size_t i = 0; i + 1 < n; i++)
		if (is_key_type(&words[i]) && is_base64(&words[i + 1]))
			return words[i + 1];
	return (struct tok){ line, 0 };
}

static bool is_base64(const struct tok *t)
{
	if (t->n < 16)
		return false;
	for (size_t i = 0; i < t->n; i++) {
		char c = t->s[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '+' || c == '/' ||
		      c == '='))
			return false;
	}
	return true;
}

/* One authorized_keys line, kept as written: [options] type base64 [comment].
 * Checked only for shape, so a pasted fragment is caught here, not at login. */
static int k_ssh_authorized_key(struct parser *p)
{
	struct config_ssh *ssh = &p->cfg->ssh;
	struct tok blob;
	size_t i;

	if (ssh->n_keys == CONFIG_MAX_SSH_KEYS)
		return conf_fail_at(p, p->args[0].s,
				    "%s: more than %u keys "
				    "(CONFIG_MAX_SSH_KEYS)",
				    conf_where(p), CONFIG_MAX_SSH_KEYS);
	if (p->rest.n > CONFIG_SSH_KEY_MAX)
		return conf_fail_at(p, p->rest.s,
				    "%s: longer than %u bytes "
				    "(CONFIG_SSH_KEY_MAX)",
				    conf_where(p), CONFIG_SSH_KEY_MAX);
	for (i = 0; i + 1 < p->n_args; i++)
		if (is_key_type(&p->args[i]) && is_base64(&p->args[i + 1]))
			break;
	if (i + 1 >= p->n_args)
		return conf_fail_at(
			p, p->rest.s,
			"%s: not an authorized_keys line "
			"(want [options] ssh-ed25519 AAAA... [comment])",
			conf_where(p));
	for (i = 0; i < p->rest.n; i++)
		if ((unsigned char)p->rest.s[i] > 0x7e)
			return conf_fail_at(p, p->rest.s + i,
					    "%s: byte outside "
					    "printable ASCII",
					    conf_where(p));
	memcpy(ssh->keys[ssh->n_keys], p->rest.s, p->rest.n);
	ssh->keys[ssh->n_keys][p->rest.n] = '\0';
	blob = key_blob(ssh->keys[ssh->n_keys]);
	for (i = 0; i < ssh->n_keys; i++) {
		struct tok other = key_blob(ssh->keys[i]);

		if (other.n == blob.n && memcmp(other.s, blob.s, blob.n) == 0)
			return conf_fail_at(p, p->rest.s,
					    "%s: key given twice "
					    "(entry %zu)",
					    conf_where(p), i + 1);
	}
	ssh->n_keys++;
	return 0;
}

/* ---- [log] ---- */

static int k_log_ring_size(struct parser *p)
{
	return conf_get_size(p, &p->args[0], 16 * 1024, 16 * 1024 * 1024,
			     &p->cfg->log.ring_bytes);
}

static int k_log_remote(struct parser *p)
{
	struct config_log *log = &p->cfg->log;

	if (conf_check(p, &p->args[0],
		       config_val_endpoint(ARG(0), 514, &log->remote)))
		return -1;
	log->remote_proto = CONFIG_PROTO_UDP;
	if (p->n_args == 2) {
		if (conf_tok_is(&p->args[1], "tcp"))
			log->remote_proto = CONFIG_PROTO_TCP;
		else if (!conf_tok_is(&p->args[1], "udp"))
			return conf_fail_tok(p, &p->args[1],
					     "is not udp or tcp");
	}
	log->remote_set = true;
	return 0;
}

/* ---- [flow] ---- */

static int k_flow_interface(struct parser *p)
{
	return conf_get_ifname_list(p, p->cfg->flow.interfaces,
				    &p->cfg->flow.n_interfaces,
				    CONFIG_MAX_FLOW_IFACES,
				    "CONFIG_MAX_FLOW_IFACES");
}

static int k_flow_collector(struct parser *p)
{
	struct config_flow *flow = &p->cfg->flow;

	if (p->n_args > CONFIG_MAX_COLLECTORS)
		return conf_too_many(p, CONFIG_MAX_COLLECTORS, "collectors",
				     "CONFIG_MAX_COLLECTORS");
	for (size_t i = 0; i < p->n_args; i++) {
		struct config_endpoint *ep = &flow->collectors[i];

		if (conf_check(p, &p->args[i],
			       config_val_endpoint(ARG(i), 2055, ep)))
			return -1;
		for (size_t j = 0; j < i; j++)
			if (config_addr_equal(&flow->collectors[j].addr,
					      &ep->addr) &&
			    flow->collectors[j].port == ep->port)
				return conf_fail_tok(p, &p->args[i],
						     "is listed twice");
	}
	flow->n_collectors = (uint8_t)p->n_args;
	return 0;
}

static int k_flow_version(struct parser *p)
{
	uint32_t v;

	if (conf_get_uint(p, &p->args[0], 5, 10, &v))
		return -1;
	if (v != 5 && v != 9 && v != 10)
		return conf_fail_tok(p, &p->args[0],
				     "is not 5, 9 or 10 (IPFIX)");
	p->cfg->flow.version = (uint8_t)v;
	return 0;
}

/* ---- [ports] ---- */

/* "name IFNAME MAC", one port a line; the rest are numbered ethN. */
static int k_ports_name(struct parser *p)
{
	struct config_ports *ports = &p->cfg->ports;
	struct config_port_name *e;

	if (ports->n_names == CONFIG_MAX_PORT_NAMES)
		return conf_fail_at(p, p->args[0].s,
				    "%s: more than %u names "
				    "(CONFIG_MAX_PORT_NAMES)",
				    conf_where(p), CONFIG_MAX_PORT_NAMES);
	e = &ports->names[ports->n_names];
	if (conf_check(p, &p->args[0], config_val_ifname(ARG(0), e->name)) ||
	    conf_check(p, &p->args[1], config_val_mac(ARG(1), e->mac)))
		return -1;
	for (unsigned i = 0; i < ports->n_names; i++) {
		if (strcmp(ports->names[i].name, e->name) == 0)
			return conf_fail_tok(p, &p->args[0],
					     "names two ports");
		if (memcmp(ports->names[i].mac, e->mac, 6) == 0)
			return conf_fail_tok(p, &p->args[1],
					     "is named twice (%s and %s)",
					     ports->names[i].name, e->name);
	}
	ports->n_names++;
	return 0;
}

/* ---- tables ---- */

static const struct key_spec top_keys[] = {
	{ "hostname", k_hostname, 1, 1, false, false },
	{ "trial-timeout", k_trial_timeout, 1, 1, false, false },
	{ NULL, NULL, 0, 0, false, false },
};
static const struct key_spec wan_keys[] = {
	{ "interface", k_wan_interface, 1, 1, false, false },
	{ "mode", k_wan_mode, 1, 1, false, false },
	{ "address", k_wan_address, 1, LIST, false, false },
	{ "gateway", k_wan_gateway, 1, LIST, false, false },
	{ "dns", k_wan_dns, 1, LIST, false, false },
	{ "accept-ra", k_wan_accept_ra, 1, 1, false, false },
	{ "vlan", k_wan_vlan, 1, 1, false, false },
	{ "mtu", k_wan_mtu, 1, 1, false, false },
	{ "user", k_wan_user, 1, 1, false, false },
	{ "password", k_wan_password, 1, 1, false, false },
	{ "service", k_wan_service, 1, 1, false, false },
	{ "dhcpv6", k_wan_dhcpv6, 1, 1, false, false },
	{ "ipv4", k_wan_ipv4, 1, 1, false, false },
	{ "aftr", k_wan_aftr, 1, 1, false, false },
	{ NULL, NULL, 0, 0, false, false },
};
static const struct key_spec lan_keys[] = {
	{ "interface", k_lan_interface, 1, 1, false, false },
	{ "ports", k_lan_ports, 1, LIST, false, false },
	{ "address", k_lan_address, 1, LIST, false, false },
	{ "subnet-id", k_lan_subnet_id, 1, 1, false, false },
	{ NULL, NULL, 0, 0, false, false },
};
static const struct key_spec dhcp_keys[] = {
	{ "range", k_dhcp_range, 2, 2, false, false },
	{ "lease-time", k_dhcp_lease_time, 1, 1, false, false },
	{ "router", k_dhcp_router, 1, 1, false, false },
	{ "dns", k_dhcp_dns, 1, LIST, false, false },
	{ "domain", k_dhcp_domain, 1, 1, false, false },
	{ "mtu", k_dhcp_mtu, 1, 1, false, false },
	{ "route", k_dhcp_route, 2, 2, true, false },
	{ "static", k_dhcp_static, 2, 3, true, false },
	{ "rate-limit", k_dhcp_rate_limit, 1, 1, false, false },
	{ "new-lease-rate", k_dhcp_new_lease_rate, 1, 1, false, false },
	{ NULL, NULL, 0, 0, false, false },
};
static const struct key_spec dns_keys[] = {
	{ "upstream", k_dns_upstream, 1, LIST, false, false },
	{ "domain", k_dns_domain, 1, 1, false, false },
	{ "cache-size", k_dns_cache_size, 1, 1, false, false },
	{ "negative-ttl-max", k_dns_negative_ttl_max, 1, 1, false, false },
	{ "host", k_dns_host, 2, 2, true, false },
	{ "blocklist", k_dns_blocklist, 1, 1, false, false },
	{ "query-log", k_dns_query_log, 1, 1, false, false },
	{ "query-log-rate", k_dns_query_log_rate, 1, 1, false, false },
	{ "client-rate-limit", k_dns_client_rate_limit, 1, 1, false, false },
	{ "rebind-protection", k_dns_rebind_protection, 1, 1, false, false },
	{ "rebind-allow", k_dns_rebind_allow, 1, LIST, true, false },
	{ NULL, NULL, 0, 0, false, false },
};
static const struct key_spec forward_keys[] = {
	{ "proto", k_fwd_proto, 1, 1, false, false },
	{ "port", k_fwd_port, 1, 1, false, false },
	{ "to", k_fwd_to, 1, 1, false, false },
	{ "family", k_fwd_family, 1, 1, false, false },
	{ NULL, NULL, 0, 0, false, false },
};
static const struct key_spec services_keys[] = {
	{ "dnsd", k_svc_dnsd, 1, 1, false, false },
	{ "dhcpd", k_svc_dhcpd, 1, 1, false, false },
	{ "flowd", k_svc_flowd, 1, 1, false, false },
	{ "logd", k_svc_logd, 1, 1, false, false },
	{ "sshd", k_svc_sshd, 1, 1, false, false },
	{ NULL, NULL, 0, 0, false, false },
};
static const struct key_spec ssh_keys[] = {
	{ "password", k_ssh_password, 1, 1, false, false },
	{ "listen", k_ssh_listen, 1, 1, false, false },
	{ "port", k_ssh_port, 1, 1, false, false },
	{ "ban-after", k_ssh_ban_after, 1, 1, false, false },
	{ "ban-time", k_ssh_ban_time, 1, 1, false, false },
	{ "ban-prefix6", k_ssh_ban_prefix6, 1, 1, false, false },
	{ "probe-limit", k_ssh_probe_limit, 1, 1, false, false },
	{ "ban-allow", k_ssh_ban_allow, 1, LIST, true, false },
	{ "authorized-key", k_ssh_authorized_key, 2, LIST, true, true },
	{ NULL, NULL, 0, 0, false, false },
};
static const struct key_spec log_keys[] = {
	{ "ring-size", k_log_ring_size, 1, 1, false, false },
	{ "remote", k_log_remote, 1, 2, false, false },
	{ NULL, NULL, 0, 0, false, false },
};
static const struct key_spec flow_keys[] = {
	{ "interface", k_flow_interface, 1, LIST, false, false },
	{ "collector", k_flow_collector, 1, LIST, false, false },
	{ "version", k_flow_version, 1, 1, false, false },
	{ NULL, NULL, 0, 0, false, false },
};
static const struct key_spec ports_keys[] = {
	{ "name", k_ports_name, 2, 2, true, false },
	{ NULL, NULL, 0, 0, false, false },
};

const struct section_spec conf_sections[SEC_COUNT] = {
	[SEC_TOP] = { "", NAME_NONE, top_keys },
	[SEC_WAN] = { "wan", NAME_NONE, wan_keys },
	[SEC_LAN] = { "lan", NAME_OPTIONAL, lan_keys },
	[SEC_DHCP] = { "dhcp", NAME_OPTIONAL, dhcp_keys },
	[SEC_DNS] = { "dns", NAME_NONE, dns_keys },
	[SEC_FORWARD] = { "forward", NAME_REQUIRED, forward_keys },
	[SEC_SERVICES] = { "services", NAME_NONE, services_keys },
	[SEC_SSH] = { "ssh", NAME_NONE, ssh_keys },
	[SEC_LOG] = { "log", NAME_NONE, log_keys },
	[SEC_FLOW] = { "flow", NAME_NONE, flow_keys },
	[SEC_PORTS] = { "ports", NAME_NONE, ports_keys },
};

void config_each_key(void (*cb)(const char *section, const char *key, void *ctx),
		     void *ctx)
{
	for (unsigned sec = 0; sec < SEC_COUNT; sec++)
		for (const struct key_spec *k = conf_sections[sec].keys; k->name; k++)
			cb(conf_sections[sec].name, k->name, ctx);
}
