/* netplan: the requests and sysctls a config turns into, with a fake set of
 * interfaces standing in for the kernel. */
#include <string.h>
#include <sys/socket.h>
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

int main(void)
{
	test_pppoe_vlan();
	test_removals();
	test_default_config();
	test_bridge_and_static_wan();
	test_bridge_without_ports();
	test_sysctls();
	return check_done();
}
