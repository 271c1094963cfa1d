/* netplan: the requests and sysctls a config turns into, with a fake set of
 * interfaces standing in for the kernel. */
#include <string.h>
#include <sys/socket.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "check.h"
#include "netplan.h"

/* Fake kernel: lo=1 eth0=2 eth1=3 eth2=4, plus br-lan=9 once "created". */
static int fake_ifindex(const char *name, void *ctx)
{
	const int *bridge_exists = ctx;

	if (strcmp(name, "lo") == 0)
		return 1;
	if (strcmp(name, "eth0") == 0)
		return 2;
	if (strcmp(name, "eth1") == 0)
		return 3;
	if (strcmp(name, "eth2") == 0)
		return 4;
	if (strcmp(name, "br-lan") == 0 && *bridge_exists)
		return 9;
	return 0;
}

static unsigned count_type(const struct nlbuf *b, uint16_t type)
{
	struct nlmsg_view m;
	size_t off = 0;
	unsigned n = 0;

	while (nlmsg_next(b->data, b->len, &off, &m) == 1)
		n += m.hdr.nlmsg_type == type;
	return n;
}

static void parse(const char *text, struct keel_config *cfg)
{
	struct config_error err;

	memset(&err, 0, sizeof(err));
	CHECK_EQ_INT(config_parse(text, strlen(text), cfg, &err), 0);
	if (err.msg[0])
		CHECK_STR(err.msg, "");
}

static void test_default_config(void)
{
	static struct keel_config cfg;
	uint8_t mem[4096];
	struct nlbuf b;
	struct netplan_missing missing;
	uint32_t seq = 1, first;
	int no_bridge = 0, bridge;

	CHECK_EQ_INT(config_safe_default(&cfg), 0);
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_INT(netplan_bridges(&cfg, &b, &seq, fake_ifindex, &no_bridge), 1);
	CHECK_EQ_INT(count_type(&b, RTM_NEWLINK), 1);
	/* lo up, eth1 and eth2 into br-lan and up, br-lan up with its
	 * addresses; eth3 (a 2-port box) only noted; the WAN stays down. */
	bridge = 1;
	first = seq;
	nlb_init(&b, mem, sizeof(mem));
	netplan_links(&cfg, &b, &seq, fake_ifindex, &bridge, &missing);
	CHECK(nlb_ok(&b));
	CHECK_EQ_INT(missing.count, 0);
	CHECK_EQ_INT(missing.absent, 1);
	CHECK_STR(missing.absent_names[0], "eth3");
	CHECK_EQ_INT(count_type(&b, RTM_NEWLINK), 1 + 4 + 1);
	CHECK(count_type(&b, RTM_NEWADDR) >= 1);
	CHECK_EQ_INT(count_type(&b, RTM_NEWROUTE), 0);
	CHECK_EQ_INT(seq, first + count_type(&b, RTM_NEWLINK) + count_type(&b, RTM_NEWADDR));
}

static void test_bridge_and_static_wan(void)
{
	static struct keel_config cfg;
	uint8_t mem[4096];
	struct nlbuf b;
	struct netplan_missing missing;
	uint32_t seq = 10;
	int bridge = 0;

	parse("hostname r1\n"
	      "[wan]\ninterface eth0\nmode static\naddress 192.0.2.2/24\n"
	      "gateway 192.0.2.1\n"
	      "[lan]\ninterface br-lan\nports eth1 eth2 eth7\naddress 10.0.0.1/24 fd00::1/64\n",
	      &cfg);
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_INT(netplan_bridges(&cfg, &b, &seq, fake_ifindex, &bridge), 1);
	CHECK_EQ_INT(count_type(&b, RTM_NEWLINK), 1);
	CHECK_EQ_INT(seq, 11);

	/* The bridge exists now; eth7 does not. */
	bridge = 1;
	nlb_init(&b, mem, sizeof(mem));
	netplan_links(&cfg, &b, &seq, fake_ifindex, &bridge, &missing);
	CHECK(nlb_ok(&b));
	/* eth7 is a port the box lacks: noted, not a failure. */
	CHECK_EQ_INT(missing.count, 0);
	CHECK_EQ_INT(missing.absent, 1);
	CHECK_STR(missing.absent_names[0], "eth7");
	/* lo, 2 ports x (master + up), bridge up, wan up */
	CHECK_EQ_INT(count_type(&b, RTM_NEWLINK), 1 + 4 + 1 + 1);
	CHECK_EQ_INT(count_type(&b, RTM_NEWADDR), 3);
	CHECK_EQ_INT(count_type(&b, RTM_NEWROUTE), 1);
}

/* A bridge none of whose ports exists has no LAN at all: that fails. */
static void test_bridge_without_ports(void)
{
	static struct keel_config cfg;
	uint8_t mem[4096];
	struct nlbuf b;
	struct netplan_missing missing;
	uint32_t seq = 1;
	int bridge = 1;

	parse("[lan]\ninterface br-lan\nports eth5 eth6\naddress 10.0.0.1/24\n",
	      &cfg);
	nlb_init(&b, mem, sizeof(mem));
	netplan_links(&cfg, &b, &seq, fake_ifindex, &bridge, &missing);
	CHECK(nlb_ok(&b));
	CHECK_EQ_INT(missing.count, 2);
	CHECK_STR(missing.names[0], "eth5");
	CHECK_STR(missing.names[1], "eth6");
	CHECK_EQ_INT(missing.absent, 0);
}

static void test_sysctls(void)
{
	static struct keel_config cfg;
	struct netplan_sysctl s[32];
	size_t n;
	int found_forward = 0, found_ra = 0;

	parse("[wan]\ninterface eth0\nmode dhcp\naccept-ra on\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &cfg);
	n = netplan_sysctls(&cfg, s, 32);
	CHECK(n > 4 && n <= 32);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(s[i].path, "net/ipv4/ip_forward") == 0)
			found_forward = strcmp(s[i].value, "1") == 0;
		if (strcmp(s[i].path, "net/ipv6/conf/eth0/accept_ra") == 0)
			found_ra = strcmp(s[i].value, "2") == 0;
	}
	CHECK(found_forward);
	CHECK(found_ra);
	/* Too small an array: nothing written past it, the need reported. */
	CHECK_EQ_INT(netplan_sysctls(&cfg, s, 2), n);
}

/* A live apply that moves the LAN from 10.0.0.1/24 to 10.5.0.1/24 and
 * drops its IPv6 address removes exactly those two. */
static void test_removals(void)
{
	static struct keel_config old, new;
	static uint8_t mem[4096];
	struct nlbuf b;
	uint32_t seq = 1;
	int bridge = 0;

	parse("[lan]\ninterface eth1\naddress 10.0.0.1/24 fd00::1/64\n", &old);
	parse("[lan]\ninterface eth1\naddress 10.5.0.1/24\n", &new);
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&old, &new, &b, &seq, fake_ifindex, &bridge), 2);
	CHECK_EQ_UINT(count_type(&b, RTM_DELADDR), 2);
	CHECK_EQ_UINT(seq, 3);
	/* Nothing changed: nothing removed. */
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&old, &old, &b, &seq, fake_ifindex, &bridge), 0);
	CHECK_EQ_UINT(b.len, 0);
	/* A LAN moved to another interface: its old addresses go. */
	parse("[lan]\ninterface eth2\naddress 10.0.0.1/24 fd00::1/64\n", &new);
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&old, &new, &b, &seq, fake_ifindex, &bridge), 2);
}

/* eth0 and its VLAN link eth0.35 exist. */
static int vlan_ifindex(const char *name, void *ctx)
{
	(void)ctx;
	if (strcmp(name, "eth0") == 0)
		return 2;
	if (strcmp(name, "eth0.35") == 0)
		return 7;
	return 0;
}

/* The last request's type, ifindex and IFLA_MTU (0 when absent). */
static void last_link(const struct nlbuf *b, uint16_t *type, int *index,
		      unsigned *mtu)
{
	struct nla_view tb[IFLA_MAX + 1];
	struct nlmsg_view m, last;
	struct ifinfomsg ifi;
	uint32_t v = 0;
	size_t off = 0;
	int n = 0;

	while (nlmsg_next(b->data, b->len, &off, &m) == 1) {
		last = m;
		n++;
	}
	*type = 0;
	*index = 0;
	*mtu = 0;
	if (!n || last.payload_len < sizeof(ifi))
		return;
	memcpy(&ifi, last.payload, sizeof(ifi));
	*type = last.hdr.nlmsg_type;
	*index = ifi.ifi_index;
	if (nlmsg_parse(&last, sizeof(ifi), tb, IFLA_MAX) == 0 &&
	    nla_get_u32(&tb[IFLA_MTU], &v) == 0)
		*mtu = v;
}

#define LAN "[lan]\ninterface eth1\naddress 10.0.0.1/24\n"

/* A live apply that drops the WAN's vlan deletes its 802.1Q link; one that
 * drops its mtu puts Ethernet's 1500 back; other changes leave both. */
static void test_wan_link_removals(void)
{
	static struct keel_config old, new;
	static uint8_t mem[4096];
	struct nlbuf b;
	uint32_t seq = 1;
	uint16_t type;
	unsigned mtu;
	int index;

	parse(LAN "[wan]\ninterface eth0\nvlan 35\n", &old);
	parse(LAN "[wan]\ninterface eth0\n", &new);
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&old, &new, &b, &seq, vlan_ifindex, NULL), 1);
	last_link(&b, &type, &index, &mtu);
	CHECK_EQ_INT(type, RTM_DELLINK);
	CHECK_EQ_INT(index, 7);
	/* Same tag: nothing. */
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&old, &old, &b, &seq, vlan_ifindex, NULL), 0);
	/* The mtu key dropped on the same link: back to 1500. */
	parse(LAN "[wan]\ninterface eth0\nmtu 1400\n", &old);
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&old, &new, &b, &seq, vlan_ifindex, NULL), 1);
	last_link(&b, &type, &index, &mtu);
	CHECK_EQ_INT(type, RTM_NEWLINK);
	CHECK_EQ_INT(index, 2);
	CHECK_EQ_UINT(mtu, 1500);
	/* ... and when the link goes to PPPoE, whose MTU is ppp0's. */
	parse(LAN "[wan]\ninterface eth0\nmode pppoe\nuser u\npassword p\n", &new);
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&old, &new, &b, &seq, vlan_ifindex, NULL), 1);
	/* A new mtu is netplan_links' to set, not a removal. */
	parse(LAN "[wan]\ninterface eth0\nmtu 1450\n", &new);
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&old, &new, &b, &seq, vlan_ifindex, NULL), 0);
	/* PPPoE's own MTU (ppp0's) never touches the Ethernet link. */
	parse(LAN "[wan]\ninterface eth0\nmode pppoe\nuser u\npassword p\nmtu 1454\n", &old);
	parse(LAN "[wan]\ninterface eth0\n", &new);
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&old, &new, &b, &seq, vlan_ifindex, NULL), 0);
}

/* A tagged PPPoE WAN: the VLAN link is made on eth0, both come up with no
 * address or MTU of their own (pppd owns ppp0), and no accept_ra sysctl
 * names ppp0 before it exists. */
static void test_pppoe_vlan(void)
{
	static struct keel_config cfg;
	static struct netplan_sysctl s[16];
	uint8_t mem[4096];
	struct nlbuf b;
	struct netplan_missing missing;
	uint32_t seq = 1;
	int no_bridge = 0;
	size_t n;

	parse("[wan]\ninterface eth0\nmode pppoe\nuser u\npassword p\nvlan 35\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &cfg);
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_INT(netplan_bridges(&cfg, &b, &seq, fake_ifindex, &no_bridge), 1);
	CHECK_EQ_INT(count_type(&b, RTM_NEWLINK), 1);
	/* eth0.35 is not in the fake kernel: reported missing, eth0 still up. */
	nlb_init(&b, mem, sizeof(mem));
	netplan_links(&cfg, &b, &seq, fake_ifindex, &no_bridge, &missing);
	CHECK_EQ_INT(missing.count, 1);
	CHECK_STR(missing.names[0], "eth0.35");
	CHECK_EQ_INT(count_type(&b, RTM_NEWADDR), 1);	/* the LAN's only */
	CHECK_EQ_INT(count_type(&b, RTM_NEWROUTE), 0);
	n = netplan_sysctls(&cfg, s, 16);
	for (size_t i = 0; i < n && i < 16; i++)
		CHECK(strstr(s[i].path, "accept_ra") == NULL);
	/* Untagged DHCP with a VLAN: accept_ra goes on the tagged link. */
	parse("[wan]\ninterface eth0\nvlan 7\n[lan]\ninterface eth1\n"
	      "address 10.0.0.1/24\n", &cfg);
	n = netplan_sysctls(&cfg, s, 16);
	CHECK(n <= 16 && strcmp(s[n - 1].path, "net/ipv6/conf/eth0.7/accept_ra") == 0);
}

/* Fake kernel for DS-Lite: lo=1 eth0=2 eth1=3, dslite0=11 when it exists. */
static int dslite_ifindex(const char *name, void *ctx)
{
	const int *tunnel_exists = ctx;
	int no_bridge = 0;

	if (strcmp(name, "dslite0") == 0)
		return *tunnel_exists ? 11 : 0;
	return fake_ifindex(name, &no_bridge);
}

/* The first message of type in b, or 0. */
static int first_of(const struct nlbuf *b, uint16_t type, struct nlmsg_view *m)
{
	size_t off = 0;

	while (nlmsg_next(b->data, b->len, &off, m) == 1)
		if (m->hdr.nlmsg_type == type)
			return 1;
	return 0;
}

/* ipv4 dslite: the tunnel to the AFTR over eth0, then up with the B4
 * address and the IPv4 default route on it; a live apply that drops it or
 * changes the AFTR removes it (to be made anew). */
static void test_dslite(void)
{
	static struct keel_config cfg, other, named;
	static const uint8_t aftr[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	static const uint8_t wan6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 1, [15] = 2 };
	static const uint8_t unset[16];
	uint8_t mem[4096];
	struct nlbuf b;
	struct nlmsg_view m;
	struct nla_view tb[IFLA_MAX + 1], info[IFLA_INFO_MAX + 1];
	struct nla_view data[RTNL_IPTUN_PROTO + 1];
	struct netplan_missing missing;
	struct rtmsg rtm;
	struct ifaddrmsg ifa;
	uint32_t seq = 1, v;
	int tunnel = 0;

	parse("[wan]\ninterface eth0\nipv4 dslite\naftr 2001:db8::1\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &cfg);
	CHECK(netplan_wants_dslite(&cfg));
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_tunnels(&cfg, &b, &seq, dslite_ifindex, &tunnel), 1);
	CHECK(first_of(&b, RTM_NEWLINK, &m));
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(struct ifinfomsg), tb, IFLA_MAX), 0);
	CHECK_EQ_INT(nla_get_u32(&tb[IFLA_MTU], &v), 0);
	CHECK_EQ_UINT(v, 1460);
	CHECK(tb[IFLA_LINKINFO].data &&
	      nla_parse(tb[IFLA_LINKINFO].data, tb[IFLA_LINKINFO].len, info,
			IFLA_INFO_MAX) == 0 && info[IFLA_INFO_DATA].data &&
	      nla_parse(info[IFLA_INFO_DATA].data, info[IFLA_INFO_DATA].len,
			data, RTNL_IPTUN_PROTO) == 0);
	CHECK_EQ_INT(nla_get_u32(&data[RTNL_IPTUN_LINK], &v), 0);
	CHECK_EQ_UINT(v, 2);	/* eth0 */
	CHECK(data[RTNL_IPTUN_REMOTE].len == 16 &&
	      memcmp(data[RTNL_IPTUN_REMOTE].data, aftr, 16) == 0);
	CHECK(data[RTNL_IPTUN_LOCAL].data == NULL);	/* SLAAC/DHCPv6 */
	/* Not before it exists... */
	nlb_init(&b, mem, sizeof(mem));
	netplan_links(&cfg, &b, &seq, dslite_ifindex, &tunnel, &missing);
	CHECK_EQ_INT(missing.count, 1);
	CHECK_STR(missing.names[0], "dslite0");
	/* ...then up, 192.0.0.2/29 and default dev dslite0. */
	tunnel = 1;
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_tunnels(&cfg, &b, &seq, dslite_ifindex, &tunnel), 0);
	netplan_links(&cfg, &b, &seq, dslite_ifindex, &tunnel, &missing);
	CHECK_EQ_INT(missing.count, 0);
	CHECK_EQ_INT(count_type(&b, RTM_NEWADDR), 2);	/* LAN, B4 */
	CHECK_EQ_INT(count_type(&b, RTM_NEWROUTE), 1);
	if (first_of(&b, RTM_NEWROUTE, &m)) {
		memcpy(&rtm, m.payload, sizeof(rtm));
		CHECK_EQ_INT(rtm.rtm_family, AF_INET);
		CHECK_EQ_INT(rtm.rtm_dst_len, 0);
		CHECK_EQ_INT(nlmsg_parse(&m, sizeof(rtm), tb, RTA_MAX), 0);
		CHECK(tb[RTA_GATEWAY].data == NULL);
		CHECK_EQ_INT(nla_get_u32(&tb[RTA_OIF], &v), 0);
		CHECK_EQ_UINT(v, 11);
	}
	{
		size_t off = 0;
		unsigned b4 = 0;

		while (nlmsg_next(b.data, b.len, &off, &m) == 1) {
			if (m.hdr.nlmsg_type != RTM_NEWADDR)
				continue;
			memcpy(&ifa, m.payload, sizeof(ifa));
			b4 += ifa.ifa_index == 11 && ifa.ifa_prefixlen == 29;
		}
		CHECK_EQ_UINT(b4, 1);
	}

	/* Live apply: the same tunnel stays; another AFTR, or none, or
	 * native IPv4 removes it. */
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&cfg, &cfg, &b, &seq, dslite_ifindex, &tunnel), 0);
	parse("[wan]\ninterface eth0\nipv4 dslite\naftr 2001:db8::2\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &other);
	CHECK_EQ_UINT(netplan_removals(&cfg, &other, &b, &seq, dslite_ifindex, &tunnel), 1);
	CHECK_EQ_UINT(count_type(&b, RTM_DELLINK), 1);
	parse("[wan]\ninterface eth0\n[lan]\ninterface eth1\n"
	      "address 10.0.0.1/24\n", &other);
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&cfg, &other, &b, &seq, dslite_ifindex, &tunnel), 1);
	CHECK(first_of(&b, RTM_DELLINK, &m));
	{
		struct ifinfomsg ifi;

		memcpy(&ifi, m.payload, sizeof(ifi));
		CHECK_EQ_INT(ifi.ifi_index, 11);
	}
	/* Switching it on: no removal, the tunnels phase makes it. */
	tunnel = 0;
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&other, &cfg, &b, &seq, dslite_ifindex, &tunnel), 0);
	CHECK_EQ_UINT(netplan_tunnels(&cfg, &b, &seq, dslite_ifindex, &tunnel), 1);

	/* A static IPv6 WAN: the tunnel's local end is its address. */
	parse("[wan]\ninterface eth0\nmode static\naddress 2001:db8:1::2/64\n"
	      "gateway fe80::1\nipv4 dslite\naftr 2001:db8::1\nmtu 1400\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &other);
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_tunnels(&other, &b, &seq, dslite_ifindex, &tunnel), 1);
	CHECK(first_of(&b, RTM_NEWLINK, &m) &&
	      nlmsg_parse(&m, sizeof(struct ifinfomsg), tb, IFLA_MAX) == 0 &&
	      nla_parse(tb[IFLA_LINKINFO].data, tb[IFLA_LINKINFO].len, info,
			IFLA_INFO_MAX) == 0 &&
	      nla_parse(info[IFLA_INFO_DATA].data, info[IFLA_INFO_DATA].len,
			data, RTNL_IPTUN_PROTO) == 0);
	CHECK(data[RTNL_IPTUN_LOCAL].len == 16 &&
	      memcmp(data[RTNL_IPTUN_LOCAL].data, wan6, 16) == 0);
	CHECK_EQ_INT(nla_get_u32(&tb[IFLA_MTU], &v), 0);
	CHECK_EQ_UINT(v, 1360);
	/* Its local end changed: made anew. */
	tunnel = 1;
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&cfg, &other, &b, &seq, dslite_ifindex, &tunnel), 1);

	/* The AFTR from DHCPv6 (no aftr): the tunnel all the same, remote
	 * :: until wan6 resolves option 64's name and sets it. */
	parse("[wan]\ninterface eth0\nipv4 dslite\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &other);
	CHECK(netplan_wants_dslite(&other));
	tunnel = 0;
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_tunnels(&other, &b, &seq, dslite_ifindex, &tunnel), 1);
	CHECK(first_of(&b, RTM_NEWLINK, &m) &&
	      nlmsg_parse(&m, sizeof(struct ifinfomsg), tb, IFLA_MAX) == 0 &&
	      nla_parse(tb[IFLA_LINKINFO].data, tb[IFLA_LINKINFO].len, info,
			IFLA_INFO_MAX) == 0 &&
	      nla_parse(info[IFLA_INFO_DATA].data, info[IFLA_INFO_DATA].len,
			data, RTNL_IPTUN_PROTO) == 0);
	CHECK(data[RTNL_IPTUN_REMOTE].len == 16 &&
	      memcmp(data[RTNL_IPTUN_REMOTE].data, unset, 16) == 0);
	CHECK(data[RTNL_IPTUN_LOCAL].data == NULL);
	tunnel = 1;
	nlb_init(&b, mem, sizeof(mem));
	netplan_links(&other, &b, &seq, dslite_ifindex, &tunnel, &missing);
	CHECK_EQ_INT(missing.count, 0);
	CHECK_EQ_INT(count_type(&b, RTM_NEWROUTE), 1);
	/* A live apply that keeps it keeps what wan6 set; giving aftr
	 * makes it anew with that remote. */
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&other, &other, &b, &seq, dslite_ifindex,
				       &tunnel), 0);
	CHECK_EQ_UINT(netplan_removals(&other, &cfg, &b, &seq, dslite_ifindex,
				       &tunnel), 1);

	/* The AFTR by name: as with option 64, remote :: until wan6 has
	 * resolved it; a name for option 64 (or another name) keeps the
	 * tunnel and what wan6 set, an address instead remakes it. */
	parse("[wan]\ninterface eth0\nipv4 dslite\naftr gw.transix.jp\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &named);
	CHECK(netplan_wants_dslite(&named));
	tunnel = 0;
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_tunnels(&named, &b, &seq, dslite_ifindex, &tunnel), 1);
	CHECK(first_of(&b, RTM_NEWLINK, &m) &&
	      nlmsg_parse(&m, sizeof(struct ifinfomsg), tb, IFLA_MAX) == 0 &&
	      nla_parse(tb[IFLA_LINKINFO].data, tb[IFLA_LINKINFO].len, info,
			IFLA_INFO_MAX) == 0 &&
	      nla_parse(info[IFLA_INFO_DATA].data, info[IFLA_INFO_DATA].len,
			data, RTNL_IPTUN_PROTO) == 0);
	CHECK(data[RTNL_IPTUN_REMOTE].len == 16 &&
	      memcmp(data[RTNL_IPTUN_REMOTE].data, unset, 16) == 0);
	tunnel = 1;
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_UINT(netplan_removals(&other, &named, &b, &seq, dslite_ifindex,
				       &tunnel), 0);
	CHECK_EQ_UINT(netplan_removals(&named, &cfg, &b, &seq, dslite_ifindex,
				       &tunnel), 1);
}

int main(void)
{
	test_dslite();
	test_pppoe_vlan();
	test_removals();
	test_wan_link_removals();
	test_default_config();
	test_bridge_and_static_wan();
	test_bridge_without_ports();
	test_sysctls();
	return check_done();
}
