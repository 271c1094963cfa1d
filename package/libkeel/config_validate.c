/*
 * config_validate.c - checks that span sections of keel.conf: what each
 * section means alone is fine, but together it would not route (a DHCP
 * pool outside its LAN, a port used as both WAN and LAN...).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "config_value.h"

/* Room for the addresses one message names. */
struct addr_text {
	char a[CONFIG_ADDR_STRLEN], b[CONFIG_ADDR_STRLEN];
	char c[CONFIG_ADDR_STRLEN];
};

__attribute__((format(printf, 2, 3)))
static int fail(struct config_error *err, const char *fmt, ...)
{
	va_list ap;

	err->line = 0;
	err->column = 0;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/* "10.0.0.1/24" with prefix, "10.0.0.1" without. */
static const char *str(const struct config_addr *addr, bool prefix,
		       char buf[CONFIG_ADDR_STRLEN])
{
	return config_addr_str(addr, prefix, buf, CONFIG_ADDR_STRLEN);
}

/* The subnet of lan that holds addr, or NULL. */
static const struct config_addr *lan_subnet_of(const struct config_lan *lan,
					       const struct config_addr *addr)
{
	for (unsigned i = 0; i < lan->n_addrs; i++)
		if (config_addr_in_subnet(addr, &lan->addrs[i]))
			return &lan->addrs[i];
	return NULL;
}

static bool subnets_overlap(const struct config_addr *x,
			    const struct config_addr *y)
{
	if (x->prefix <= y->prefix)
		return config_addr_in_subnet(y, x);
	return config_addr_in_subnet(x, y);
}

/* Every interface name appears once among WAN, LANs and bridge ports. */
static int check_interfaces(const struct keel_config *cfg,
			    struct config_error *err)
{
	enum { MAX = 1 + CONFIG_MAX_LANS * (1 + CONFIG_MAX_PORTS) };
	const char *names[MAX];
	char owners[MAX][48];
	unsigned n = 0;

	if (cfg->wan.present) {
		names[n] = cfg->wan.interface;
		snprintf(owners[n++], sizeof(owners[0]), "[wan] interface");
	}
	for (unsigned i = 0; i < cfg->n_lans; i++) {
		const struct config_lan *lan = &cfg->lans[i];

		names[n] = lan->interface;
		snprintf(owners[n++], sizeof(owners[0]), "[lan %s] interface",
			 lan->name);
		for (unsigned j = 0; j < lan->n_ports; j++) {
			names[n] = lan->ports[j];
			snprintf(owners[n++], sizeof(owners[0]),
				 "[lan %s] ports", lan->name);
		}
	}
	for (unsigned i = 0; i < n; i++)
		for (unsigned j = 0; j < i; j++)
			if (strcmp(names[i], names[j]) == 0)
				return fail(err, "interface %s is in both %s "
					    "and %s", names[i], owners[j],
					    owners[i]);
	return 0;
}

/* One IPv4 address per LAN (so DHCP knows its subnet), sane prefixes. */
static int check_lan_addrs(const struct config_lan *lan,
			   struct config_error *err)
{
	struct addr_text t;
	bool v4 = false;

	for (unsigned k = 0; k < lan->n_addrs; k++) {
		const struct config_addr *x = &lan->addrs[k];

		if (x->family == CONFIG_AF_INET6) {
			if (x->prefix < 48)
				return fail(err, "[lan %s] address: %s: IPv6 "
					    "prefix must be 48-128", lan->name,
					    str(x, true, t.a));
			continue;
		}
		if (v4)
			return fail(err, "[lan %s] address: more than one "
				    "IPv4 address", lan->name);
		v4 = true;
		if (x->prefix < 8 || x->prefix > 30)
			return fail(err, "[lan %s] address: %s: IPv4 prefix "
				    "must be 8-30", lan->name,
				    str(x, true, t.a));
	}
	return 0;
}

/* No LAN subnet may overlap another LAN's (or itself twice) or the WAN's. */
static int check_overlaps(const struct keel_config *cfg, unsigned i,
			  struct config_error *err)
{
	const struct config_lan *lan = &cfg->lans[i];
	struct addr_text t;

	for (unsigned k = 0; k < lan->n_addrs; k++) {
		const struct config_addr *x = &lan->addrs[k];

		for (unsigned j = 0; j <= i; j++) {
			const struct config_lan *other = &cfg->lans[j];
			unsigned m_end = j == i ? k : other->n_addrs;

			for (unsigned m = 0; m < m_end; m++)
				if (subnets_overlap(x, &other->addrs[m]))
					return fail(err, "[lan %s] %s overlaps "
						    "[lan %s] %s", lan->name,
						    str(x, true, t.a),
						    other->name,
						    str(&other->addrs[m], true,
							t.b));
		}
		for (unsigned m = 0; m < cfg->wan.n_addrs; m++)
			if (subnets_overlap(x, &cfg->wan.addrs[m]))
				return fail(err, "[lan %s] %s overlaps [wan] "
					    "%s", lan->name, str(x, true, t.a),
					    str(&cfg->wan.addrs[m], true, t.b));
	}
	return 0;
}

static int check_lans(const struct keel_config *cfg, struct config_error *err)
{
	if (cfg->n_lans == 0)
		return fail(err, "no [lan] section: the router would have no "
			    "way in");
	for (unsigned i = 0; i < cfg->n_lans; i++)
		if (check_lan_addrs(&cfg->lans[i], err) ||
		    check_overlaps(cfg, i, err))
			return -1;
	/* Two LANs numbered from one /64 of the delegated prefix would
	 * share it. */
	for (unsigned i = 0; i < cfg->n_lans; i++)
		for (unsigned j = 0; j < i; j++)
			if (cfg->lans[i].subnet_id == cfg->lans[j].subnet_id)
				return fail(err, "[lan %s] subnet-id %u: the same "
					    "as [lan %s] (each LAN needs its own)",
					    cfg->lans[i].name,
					    (unsigned)cfg->lans[i].subnet_id,
					    cfg->lans[j].name);
	return 0;
}

static int check_wan(const struct keel_config *cfg, struct config_error *err)
{
	const struct config_wan *wan = &cfg->wan;
	struct addr_text t;

	if (!wan->present || wan->mode != CONFIG_WAN_STATIC)
		return 0;
	if (!wan->gateway4.family && !wan->gateway6.family)
		return fail(err, "[wan] mode static needs a gateway");
	/* An IPv6 gateway is usually link-local: only IPv4 is checked. */
	if (wan->gateway4.family) {
		for (unsigned i = 0; i < wan->n_addrs; i++)
			if (config_addr_in_subnet(&wan->gateway4,
						  &wan->addrs[i]))
				return 0;
		return fail(err, "[wan] gateway %s is not inside any [wan] "
			    "address", str(&wan->gateway4, false, t.a));
	}
	return 0;
}

static bool wan_has_v6_addr(const struct config_wan *wan)
{
	for (unsigned i = 0; i < wan->n_addrs; i++)
		if (wan->addrs[i].family == CONFIG_AF_INET6)
			return true;
	return false;
}

/* [wan] dns counts under mode static only. */
static bool wan_has_v6_dns(const struct config_wan *wan)
{
	if (wan->mode != CONFIG_WAN_STATIC)
		return false;
	for (unsigned i = 0; i < wan->n_dns; i++)
		if (wan->dns[i].family == CONFIG_AF_INET6)
			return true;
	return false;
}

/* DS-Lite: IPv4 only through the tunnel, whose far end something must
 * name, over an IPv6 WAN. */
static int check_wan_dslite(const struct keel_config *cfg,
			    struct config_error *err)
{
	const struct config_wan *wan = &cfg->wan;

	if (!wan->present)
		return 0;
	if (wan->ipv4 != CONFIG_WAN_IPV4_DSLITE) {
		if (wan->aftr.family || wan->aftr_name[0])
			return fail(err, "[wan] aftr is only for ipv4 dslite");
		return 0;
	}
	/* ppp0 exists only once pppd is up: the tunnel would have to be
	 * made then, which init does not do yet. */
	if (wan->mode == CONFIG_WAN_PPPOE)
		return fail(err, "[wan] ipv4 dslite with mode pppoe is not "
			    "supported yet");
	if (wan->mode == CONFIG_WAN_STATIC && !wan_has_v6_addr(wan) &&
	    !wan->accept_ra)
		return fail(err, "[wan] ipv4 dslite with mode static needs an "
			    "IPv6 address or accept-ra on (the tunnel to the "
			    "AFTR runs over IPv6)");
	for (unsigned i = 0; i < wan->n_addrs; i++)
		if (wan->addrs[i].family == CONFIG_AF_INET)
			return fail(err, "[wan] ipv4 dslite: no IPv4 address "
				    "on the WAN (IPv4 runs in the tunnel)");
	if (wan->gateway4.family)
		return fail(err, "[wan] ipv4 dslite: no IPv4 gateway (the "
			    "IPv4 default route is the tunnel)");
	if (wan->dhcpv6 == CONFIG_DHCPV6_OFF && !wan->aftr.family &&
	    !wan->aftr_name[0])
		return fail(err, "[wan] ipv4 dslite with dhcpv6 off needs aftr "
			    "(nothing else could name the AFTR)");
	/* The name's AAAA needs an IPv6 DNS server: DHCPv6's, else a
	 * static WAN's own (IPv4 ones sit behind the tunnel itself). */
	if (wan->dhcpv6 == CONFIG_DHCPV6_OFF && wan->aftr_name[0] &&
	    !wan_has_v6_dns(wan))
		return fail(err, "[wan] aftr %s with dhcpv6 off needs an IPv6 "
			    "dns server (mode static) to resolve it; or give "
			    "the AFTR's IPv6 address", wan->aftr_name);
	/* IPv6 forwards reach the host directly and stay allowed. */
	for (unsigned i = 0; i < cfg->n_forwards; i++)
		if (cfg->forwards[i].family == CONFIG_AF_INET)
			return fail(err, "[forward %s]: an IPv4 port forward "
				    "cannot work with [wan] ipv4 dslite (the "
				    "AFTR owns the public IPv4 address)",
				    cfg->forwards[i].name);
	return 0;
}

static int check_pool(const struct keel_config *cfg,
		      const struct config_dhcp_pool *dp,
		      struct config_error *err)
{
	const struct config_lan *lan = &cfg->lans[dp->lan_index];
	const struct config_addr *net = lan_subnet_of(lan, &dp->range_start);
	uint32_t first, last, own, host_mask;
	struct addr_text t;

	if (!net)
		return fail(err, "[dhcp %s] range start %s is outside every "
			    "[lan %s] subnet", dp->lan,
			    str(&dp->range_start, false, t.a), lan->name);
	if (!config_addr_in_subnet(&dp->range_end, net))
		return fail(err, "[dhcp %s] range end %s is outside [lan %s] "
			    "%s", dp->lan, str(&dp->range_end, false, t.a),
			    lan->name, str(net, true, t.b));
	host_mask = 0xffffffffu >> net->prefix;	/* prefix is 8-30 */
	first = config_addr_v4(&dp->range_start);
	last = config_addr_v4(&dp->range_end);
	own = config_addr_v4(net);
	if ((first & host_mask) == 0 || (last & host_mask) == host_mask)
		return fail(err, "[dhcp %s] range includes the network or "
			    "broadcast address of %s", dp->lan,
			    str(net, true, t.a));
	if (own >= first && own <= last)
		return fail(err, "[dhcp %s] range includes the router's own "
			    "address %s", dp->lan, str(net, false, t.a));
	if (!dp->router.family || !config_addr_in_subnet(&dp->router, net))
		return fail(err, "[dhcp %s] router %s is not inside %s",
			    dp->lan, str(&dp->router, false, t.a),
			    str(net, true, t.b));
	if (!dp->n_dns)
		return fail(err, "[dhcp %s] dns must be set when [services] "
			    "dnsd is off", dp->lan);
	for (unsigned r = 0; r < dp->n_routes; r++) {
		const struct config_route *route = &dp->routes[r];

		if (!config_addr_in_subnet(&route->gateway, net))
			return fail(err, "[dhcp %s] route %s via %s: the "
				    "gateway is not inside %s", dp->lan,
				    str(&route->dest, true, t.a),
				    str(&route->gateway, false, t.b),
				    str(net, true, t.c));
	}
	return 0;
}

static int check_static(const struct keel_config *cfg, unsigned i,
			struct config_error *err)
{
	const struct config_dhcp_static *st = &cfg->dhcp_static[i];
	const struct config_dhcp_pool *dp = &cfg->dhcp[st->pool];
	const struct config_lan *lan = &cfg->lans[dp->lan_index];
	const struct config_addr *net = lan_subnet_of(lan, &st->addr);
	const uint8_t *mac = st->mac;
	struct addr_text t;

	if (!net || !config_addr_in_subnet(&dp->range_start, net))
		return fail(err, "[dhcp %s] static %s is outside the pool's "
			    "subnet", dp->lan, str(&st->addr, false, t.a));
	if (config_addr_equal(&st->addr, &dp->router))
		return fail(err, "[dhcp %s] static %s is the router's address",
			    dp->lan, str(&st->addr, false, t.a));
	for (unsigned j = 0; j < i; j++) {
		const struct config_dhcp_static *other = &cfg->dhcp_static[j];

		if (memcmp(other->mac, mac, 6) == 0)
			return fail(err, "[dhcp] static: MAC "
				    "%02x:%02x:%02x:%02x:%02x:%02x has two "
				    "leases", mac[0], mac[1], mac[2], mac[3],
				    mac[4], mac[5]);
		if (config_addr_equal(&other->addr, &st->addr))
			return fail(err, "[dhcp] static: %s is leased to two "
				    "MACs", str(&st->addr, false, t.a));
	}
	return 0;
}

static int check_dhcp(const struct keel_config *cfg, struct config_error *err)
{
	if (cfg->services.dhcpd && cfg->n_dhcp == 0)
		return fail(err, "[services] dhcpd is on but there is no "
			    "[dhcp] section");
	for (unsigned i = 0; i < cfg->n_dhcp; i++)
		if (check_pool(cfg, &cfg->dhcp[i], err))
			return -1;
	for (unsigned i = 0; i < cfg->n_dhcp_static; i++)
		if (check_static(cfg, i, err))
			return -1;
	return 0;
}

static bool ports_overlap(const struct config_forward *x,
			  const struct config_forward *y)
{
	return (x->proto & y->proto) && x->family == y->family &&
	       x->port_first <= y->port_last && y->port_first <= x->port_last;
}

/* A host on some LAN: inside its subnet, and not the router itself. */
static bool on_a_lan(const struct keel_config *cfg,
		     const struct config_addr *addr)
{
	for (unsigned l = 0; l < cfg->n_lans; l++) {
		const struct config_addr *net =
			lan_subnet_of(&cfg->lans[l], addr);

		if (net && !config_addr_equal(net, addr))
			return true;
	}
	return false;
}

static int check_forwards(const struct keel_config *cfg,
			  struct config_error *err)
{
	const struct config_ssh *ssh = &cfg->ssh;
	struct addr_text t;

	if (cfg->n_forwards && !cfg->wan.present)
		return fail(err, "[forward %s] needs a [wan] to forward from",
			    cfg->forwards[0].name);
	for (unsigned i = 0; i < cfg->n_forwards; i++) {
		const struct config_forward *f = &cfg->forwards[i];

		if (!on_a_lan(cfg, &f->to_addr))
			return fail(err, "[forward %s] to %s is not a host on "
				    "any [lan]", f->name,
				    str(&f->to_addr, false, t.a));
		/* Both would claim the connection; refuse rather than guess. */
		if (cfg->services.sshd && !ssh->lan_only &&
		    (f->proto & CONFIG_PROTO_TCP) &&
		    ssh->port >= f->port_first && ssh->port <= f->port_last)
			return fail(err, "[forward %s] port %u is [ssh] port, "
				    "which listens on all interfaces", f->name,
				    ssh->port);
		for (unsigned j = 0; j < i; j++)
			if (ports_overlap(f, &cfg->forwards[j]))
				return fail(err, "[forward %s] port overlaps "
					    "[forward %s]", f->name,
					    cfg->forwards[j].name);
	}
	return 0;
}

static bool interface_known(const struct keel_config *cfg, const char *name)
{
	if (cfg->wan.present && strcmp(cfg->wan.interface, name) == 0)
		return true;
	for (unsigned i = 0; i < cfg->n_lans; i++) {
		const struct config_lan *lan = &cfg->lans[i];

		if (strcmp(lan->interface, name) == 0)
			return true;
		for (unsigned j = 0; j < lan->n_ports; j++)
			if (strcmp(lan->ports[j], name) == 0)
				return true;
	}
	return false;
}

static int check_flow(const struct keel_config *cfg, struct config_error *err)
{
	const struct config_flow *flow = &cfg->flow;

	if (cfg->services.flowd && !flow->present)
		return fail(err, "[services] flowd is on but there is no "
			    "[flow] section");
	if (!flow->present)
		return 0;
	if (!flow->n_interfaces)
		return fail(err, "[flow] has no interface");
	if (!flow->n_collectors)
		return fail(err, "[flow] has no collector");
	for (unsigned i = 0; i < flow->n_interfaces; i++)
		if (!interface_known(cfg, flow->interfaces[i]))
			return fail(err, "[flow] interface %s is not the WAN, "
				    "a LAN or a bridge port",
				    flow->interfaces[i]);
	return 0;
}

/* [ports] names: a port, never what init makes itself (a LAN's bridge,
 * lo) or a name init's renaming passes through (portnames.h). */
static int check_ports(const struct keel_config *cfg, struct config_error *err)
{
	for (unsigned i = 0; i < cfg->ports.n_names; i++) {
		const char *name = cfg->ports.names[i].name;

		if (strcmp(name, "lo") == 0 || strncmp(name, "keeltmp", 7) == 0)
			return fail(err, "[ports] name %s: reserved (lo, "
				    "keeltmp*)", name);
		for (unsigned l = 0; l < cfg->n_lans; l++)
			if (cfg->lans[l].n_ports &&
			    strcmp(cfg->lans[l].interface, name) == 0)
				return fail(err, "[ports] name %s is [lan %s]'s "
					    "bridge", name, cfg->lans[l].name);
	}
	return 0;
}

int config_validate(const struct keel_config *cfg, struct config_error *err)
{
	memset(err, 0, sizeof(*err));
	if (check_interfaces(cfg, err) || check_lans(cfg, err) ||
	    check_wan_dslite(cfg, err) || check_wan(cfg, err) ||
	    check_dhcp(cfg, err) ||
	    check_forwards(cfg, err) || check_flow(cfg, err) ||
	    check_ports(cfg, err))
		return -1;
	return 0;
}
