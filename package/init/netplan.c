/*
 * netplan.c - what the config asks of the kernel's network setup, as
 * rtnetlink requests and sysctl writes. No I/O here.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_addr.h>

#include "netplan.h"

void netplan_prefix(const struct config_addr *in, struct rtnl_prefix *out)
{
	memset(out, 0, sizeof(*out));
	out->family = in->family == CONFIG_AF_INET6 ? AF_INET6 : AF_INET;
	out->len = in->prefix;
	memcpy(out->addr, in->bytes, in->family == CONFIG_AF_INET6 ? 16 : 4);
}

static void note(unsigned *count, char names[][CONFIG_IFNAME_MAX + 1],
		 const char *name)
{
	if (*count < NETPLAN_MAX_MISSING)
		snprintf(names[*count], CONFIG_IFNAME_MAX + 1, "%s", name);
	(*count)++;
}

static void note_missing(struct netplan_missing *missing, const char *name)
{
	note(&missing->count, missing->names, name);
}


unsigned netplan_bridges(const struct keel_config *cfg, struct nlbuf *b,
			 uint32_t *seq, netplan_ifindex_fn ifindex, void *ctx)
{
	unsigned n = 0;

	for (unsigned i = 0; i < cfg->n_lans; i++) {
		const struct config_lan *lan = &cfg->lans[i];

		if (lan->n_ports == 0 || ifindex(lan->interface, ctx) > 0)
			continue;
		rtnl_bridge_add(b, (*seq)++, lan->interface);
		n++;
	}
	/* The WAN's 802.1Q link on its port (a missing port is reported by
	 * netplan_links, which looks the VLAN up and finds nothing). */
	if (cfg->wan.present && cfg->wan.vlan) {
		char link[CONFIG_IFNAME_MAX + 1];
		int parent = ifindex(cfg->wan.interface, ctx);

		config_wan_link(&cfg->wan, link);
		if (parent > 0 && ifindex(link, ctx) <= 0) {
			rtnl_vlan_add(b, (*seq)++, link, parent, cfg->wan.vlan);
			n++;
		}
	}
	return n;
}

bool netplan_wants_dslite(const struct keel_config *cfg)
{
	return cfg->wan.present && cfg->wan.ipv4 == CONFIG_WAN_IPV4_DSLITE;
}

/* The tunnel's remote end: aftr's address, else :: until wan6 resolves
 * the AFTR's name (aftr's, else DHCPv6 option 64's) and sets it. */
static const uint8_t *dslite_remote(const struct config_wan *wan)
{
	static const uint8_t unset[16];

	return wan->aftr.family == CONFIG_AF_INET6 ? wan->aftr.bytes : unset;
}

unsigned netplan_tunnels(const struct keel_config *cfg, struct nlbuf *b,
			 uint32_t *seq, netplan_ifindex_fn ifindex, void *ctx)
{
	char l3[CONFIG_IFNAME_MAX + 1];
	int link;

	if (!netplan_wants_dslite(cfg) || ifindex(CONFIG_DSLITE_IFNAME, ctx) > 0)
		return 0;
	config_wan_l3(&cfg->wan, l3);
	link = ifindex(l3, ctx);
	if (link <= 0)
		return 0;
	rtnl_ip6tnl_add(b, (*seq)++, CONFIG_DSLITE_IFNAME, link,
			config_wan_dslite_local(&cfg->wan),
			dslite_remote(&cfg->wan), config_wan_dslite_mtu(&cfg->wan));
	return 1;
}

/* The tunnel up, the B4's address (RFC 6333 5.7: 192.0.0.2/29, the AFTR
 * is .1) and the IPv4 default route on it: a device route, no gateway. */
static unsigned dslite_links(const struct keel_config *cfg, struct nlbuf *b,
			     uint32_t *seq, netplan_ifindex_fn ifindex,
			     void *ctx, struct netplan_missing *missing)
{
	static const struct config_addr b4 = {
		.family = CONFIG_AF_INET, .prefix = 29, .bytes = { 192, 0, 0, 2 },
	};
	struct rtnl_prefix addr, dst;
	int index = ifindex(CONFIG_DSLITE_IFNAME, ctx);

	if (index <= 0) {
		note_missing(missing, CONFIG_DSLITE_IFNAME);
		return 0;
	}
	rtnl_link_set(b, (*seq)++, index, 1, config_wan_dslite_mtu(&cfg->wan));
	netplan_prefix(&b4, &addr);
	rtnl_addr_add(b, (*seq)++, index, &addr);
	memset(&dst, 0, sizeof(dst));
	dst.family = AF_INET;
	rtnl_route_add(b, (*seq)++, &dst, NULL, index);
	return 3;
}

/* flags: IFA_F_NODAD on the LAN, where the router owns the subnet and its
 * daemons (dnsd, dropbear) bind to the address right after boot. */
static unsigned add_addrs(struct nlbuf *b, uint32_t *seq, int index,
			  const struct config_addr *addrs, unsigned count,
			  uint32_t flags)
{
	for (unsigned i = 0; i < count; i++) {
		struct rtnl_prefix p;

		netplan_prefix(&addrs[i], &p);
		rtnl_addr_add_flags(b, (*seq)++, index, &p,
				    p.family == AF_INET6 ? flags : 0);
	}
	return count;
}

/* A default route via gw (family from gw), if gw is set. */
static unsigned add_default(struct nlbuf *b, uint32_t *seq, int index,
			    const struct config_addr *gw)
{
	struct rtnl_prefix dst, via;

	if (gw->family == 0)
		return 0;
	netplan_prefix(gw, &via);
	memset(&dst, 0, sizeof(dst));
	dst.family = via.family;
	rtnl_route_add(b, (*seq)++, &dst, &via, index);
	return 1;
}

unsigned netplan_links(const struct keel_config *cfg, struct nlbuf *b,
		       uint32_t *seq, netplan_ifindex_fn ifindex, void *ctx,
		       struct netplan_missing *missing)
{
	unsigned n = 0;
	int lo = ifindex("lo", ctx);

	memset(missing, 0, sizeof(*missing));
	if (lo > 0) {
		rtnl_link_set(b, (*seq)++, lo, 1, 0);
		n++;
	}
	for (unsigned i = 0; i < cfg->n_lans; i++) {
		const struct config_lan *lan = &cfg->lans[i];
		int index = ifindex(lan->interface, ctx);

		if (index <= 0) {
			note_missing(missing, lan->interface);
			continue;
		}
		int port[CONFIG_MAX_PORTS];
		bool some = false;

		/* Each port looked up once; absent ones are a note as long as
		 * the bridge keeps at least one. */
		for (unsigned p = 0; p < lan->n_ports; p++) {
			port[p] = ifindex(lan->ports[p], ctx);
			some |= port[p] > 0;
		}
		for (unsigned p = 0; p < lan->n_ports; p++) {
			if (port[p] <= 0) {
				if (some)
					note(&missing->absent, missing->absent_names,
					     lan->ports[p]);
				else
					note_missing(missing, lan->ports[p]);
				continue;
			}
			rtnl_link_master(b, (*seq)++, port[p], index);
			rtnl_link_set(b, (*seq)++, port[p], 1, 0);
			n += 2;
		}
		rtnl_link_set(b, (*seq)++, index, 1, 0);
		n += 1 + add_addrs(b, seq, index, lan->addrs, lan->n_addrs, IFA_F_NODAD);
	}
	if (cfg->wan.present) {
		char link[CONFIG_IFNAME_MAX + 1];
		int index;

		config_wan_link(&cfg->wan, link);
		/* A tagged WAN needs its port up under the VLAN link. */
		if (cfg->wan.vlan) {
			int port = ifindex(cfg->wan.interface, ctx);

			if (port > 0) {
				rtnl_link_set(b, (*seq)++, port, 1, 0);
				n++;
			}
		}
		index = ifindex(link, ctx);
		if (index <= 0) {
			note_missing(missing, link);
		} else {
			/* PPPoE's MTU is ppp0's (pppd sets it); the Ethernet
			 * under it keeps its 1500. */
			rtnl_link_set(b, (*seq)++, index, 1,
				      cfg->wan.mode == CONFIG_WAN_PPPOE ? 0 :
				      config_wan_mtu(&cfg->wan));
			n++;
			if (cfg->wan.mode == CONFIG_WAN_STATIC) {
				n += add_addrs(b, seq, index, cfg->wan.addrs,
					       cfg->wan.n_addrs, 0);
				n += add_default(b, seq, index, &cfg->wan.gateway4);
				n += add_default(b, seq, index, &cfg->wan.gateway6);
			}
		}
		if (netplan_wants_dslite(cfg))
			n += dslite_links(cfg, b, seq, ifindex, ctx, missing);
	}
	return n;
}

static void set(struct netplan_sysctl *out, size_t max, size_t *n,
		const char *value, const char *fmt, const char *ifname)
{
	if (*n < max) {
		snprintf(out[*n].path, sizeof(out[*n].path), fmt, ifname);
		snprintf(out[*n].value, sizeof(out[*n].value), "%s", value);
	}
	(*n)++;
}

size_t netplan_sysctls(const struct keel_config *cfg,
		       struct netplan_sysctl *out, size_t max)
{
	static const struct {
		const char *path, *value;
	} fixed[] = {
		{ "net/ipv4/ip_forward", "1" },
		{ "net/ipv6/conf/all/forwarding", "1" },
		{ "net/ipv4/conf/all/rp_filter", "1" },
		{ "net/ipv4/conf/default/rp_filter", "1" },
		{ "net/ipv4/tcp_syncookies", "1" },
		{ "net/ipv4/conf/all/accept_redirects", "0" },
		{ "net/ipv6/conf/all/accept_redirects", "0" },
		{ "net/ipv4/conf/all/send_redirects", "0" },
	};
	size_t n = 0;

	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		set(out, max, &n, fixed[i].value, "%s", fixed[i].path);
	/* ppp0 does not exist yet at boot: /etc/ppp/ipv6-up sets its own. */
	if (cfg->wan.present && cfg->wan.mode != CONFIG_WAN_PPPOE) {
		char link[CONFIG_IFNAME_MAX + 1];

		config_wan_link(&cfg->wan, link);
		set(out, max, &n, cfg->wan.accept_ra ? "2" : "0",
		    "net/ipv6/conf/%s/accept_ra", link);
	}
	return n;
}

bool netplan_sysctl_is_forwarding(const struct netplan_sysctl *s)
{
	return strcmp(s->path, "net/ipv4/ip_forward") == 0 ||
	       strcmp(s->path, "net/ipv6/conf/all/forwarding") == 0;
}

static const char *wan_link(const struct config_wan *wan,
			    char link[CONFIG_IFNAME_MAX + 1])
{
	config_wan_link(wan, link);
	return link;
}

/* Does cfg put addr on ifname? */
static bool cfg_has_addr(const struct keel_config *cfg, const char *ifname,
			 const struct config_addr *addr)
{
	char link[CONFIG_IFNAME_MAX + 1];

	for (unsigned i = 0; i < cfg->n_lans; i++) {
		const struct config_lan *lan = &cfg->lans[i];

		if (strcmp(lan->interface, ifname) != 0)
			continue;
		for (unsigned j = 0; j < lan->n_addrs; j++)
			if (memcmp(&lan->addrs[j], addr, sizeof(*addr)) == 0)
				return true;
	}
	if (cfg->wan.present && cfg->wan.mode == CONFIG_WAN_STATIC &&
	    strcmp(wan_link(&cfg->wan, link), ifname) == 0)
		for (unsigned j = 0; j < cfg->wan.n_addrs; j++)
			if (memcmp(&cfg->wan.addrs[j], addr, sizeof(*addr)) == 0)
				return true;
	return false;
}

static unsigned remove_gone(const struct keel_config *new, const char *ifname,
			    const struct config_addr *addrs, unsigned n,
			    struct nlbuf *b, uint32_t *seq,
			    netplan_ifindex_fn ifindex, void *ctx)
{
	int index = ifindex(ifname, ctx);
	unsigned count = 0;

	if (index <= 0)
		return 0;
	for (unsigned j = 0; j < n; j++) {
		struct rtnl_prefix p;

		if (cfg_has_addr(new, ifname, &addrs[j]))
			continue;
		netplan_prefix(&addrs[j], &p);
		rtnl_addr_del(b, (*seq)++, index, &p);
		count++;
	}
	return count;
}

/* Would new's tunnel be old's? (Its MTU, address and route are set
 * anew by every network step.) */
static bool same_dslite(const struct keel_config *old,
			const struct keel_config *new)
{
	char a[CONFIG_IFNAME_MAX + 1], b[CONFIG_IFNAME_MAX + 1];
	const uint8_t *la = config_wan_dslite_local(&old->wan);
	const uint8_t *lb = config_wan_dslite_local(&new->wan);

	if (!netplan_wants_dslite(new))
		return false;
	config_wan_l3(&old->wan, a);
	config_wan_l3(&new->wan, b);
	return strcmp(a, b) == 0 &&
	       memcmp(dslite_remote(&old->wan), dslite_remote(&new->wan), 16) == 0 &&
	       (la && lb ? memcmp(la, lb, 16) == 0 : la == lb);
}

/* The old WAN's 802.1Q link when the new config no longer uses it (no
 * vlan, another tag or port), and the old link's MTU back to Ethernet's
 * 1500 when the new config stops setting one on that same link (netplan_links
 * leaves a link's MTU alone when no `mtu` is set, and PPPoE sets ppp0's). */
static unsigned remove_wan_link(const struct keel_config *old,
				const struct keel_config *new, struct nlbuf *b,
				uint32_t *seq, netplan_ifindex_fn ifindex, void *ctx)
{
	char olink[CONFIG_IFNAME_MAX + 1], nlink[CONFIG_IFNAME_MAX + 1];
	bool same_link;
	int index;

	if (!old->wan.present)
		return 0;
	nlink[0] = '\0';
	if (new->wan.present)
		wan_link(&new->wan, nlink);
	same_link = strcmp(wan_link(&old->wan, olink), nlink) == 0;
	index = ifindex(olink, ctx);
	if (index <= 0)
		return 0;
	if (old->wan.vlan && !same_link) {
		rtnl_link_del(b, (*seq)++, index);
		return 1;
	}
	if (same_link && old->wan.mode != CONFIG_WAN_PPPOE &&
	    config_wan_mtu(&old->wan) &&
	    (new->wan.mode == CONFIG_WAN_PPPOE || !config_wan_mtu(&new->wan))) {
		rtnl_link_set(b, (*seq)++, index, 1, 1500);
		return 1;
	}
	return 0;
}

unsigned netplan_removals(const struct keel_config *old,
			  const struct keel_config *new, struct nlbuf *b,
			  uint32_t *seq, netplan_ifindex_fn ifindex, void *ctx)
{
	char link[CONFIG_IFNAME_MAX + 1];
	unsigned count = 0;

	for (unsigned i = 0; i < old->n_lans; i++)
		count += remove_gone(new, old->lans[i].interface, old->lans[i].addrs,
				     old->lans[i].n_addrs, b, seq, ifindex, ctx);
	if (old->wan.present && old->wan.mode == CONFIG_WAN_STATIC)
		count += remove_gone(new, wan_link(&old->wan, link), old->wan.addrs,
				     old->wan.n_addrs, b, seq, ifindex, ctx);
	if (netplan_wants_dslite(old) && !same_dslite(old, new)) {
		int index = ifindex(CONFIG_DSLITE_IFNAME, ctx);

		if (index > 0) {
			rtnl_link_del(b, (*seq)++, index);
			count++;
		}
	}
	count += remove_wan_link(old, new, b, seq, ifindex, ctx);
	return count;
}
