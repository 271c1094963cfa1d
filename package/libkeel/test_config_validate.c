/*
 * test_config_validate.c - the checks across sections: files whose every
 * line is fine but which together would not route, or would lock the owner
 * out.
 */
#include "test_config.h"

#define WAN "[wan]\ninterface eth0\n"
#define POOL "[dhcp]\nrange 10.0.0.100 10.0.0.200\n"

static void test_interfaces(void)
{
	PARSE_ERR("[wan]\ninterface eth1\n" LAN, 0,
		  "interface eth1 is in both [wan] interface and [lan lan] interface");
	PARSE_ERR(WAN "[lan]\ninterface br0\nports eth1 eth0\naddress 10.0.0.1/24\n",
		  0, "interface eth0 is in both [wan] interface and [lan lan] ports");
	PARSE_ERR(LAN "[lan b]\ninterface eth1\naddress 10.1.0.1/24\n", 0,
		  "interface eth1 is in both [lan lan] interface and [lan b] interface");
	PARSE_ERR("[lan]\ninterface br0\nports br0\naddress 10.0.0.1/24\n", 0,
		  "interface br0 is in both");
	if (PARSE_OK(WAN "[lan]\ninterface br0\nports eth1 eth2\naddress 10.0.0.1/24\n"))
		CHECK_EQ_INT(cfg.lans[0].n_ports, 2);
}

static void test_lans(void)
{
	PARSE_ERR(WAN, 0, "no [lan] section");
	PARSE_ERR(LAN "[lan b]\ninterface eth2\naddress 10.0.0.129/25\n", 0,
		  "[lan b] 10.0.0.129/25 overlaps [lan lan] 10.0.0.1/24");
	PARSE_ERR(LAN "[lan b]\ninterface eth2\naddress fd00::2/48\n", 0,
		  "[lan b] fd00::2/48 overlaps [lan lan] fd00::1/64");
	PARSE_ERR("[lan]\ninterface eth1\naddress 10.0.0.1/24 10.0.1.1/24\n", 0,
		  "more than one IPv4 address");
	PARSE_ERR("[lan]\ninterface eth1\naddress 10.0.0.1/31\n", 0,
		  "IPv4 prefix must be 8-30");
	PARSE_ERR("[lan]\ninterface eth1\naddress fd00::1/32\n", 0,
		  "IPv6 prefix must be 48-128");
	PARSE_ERR("[wan]\ninterface eth0\nmode static\naddress 10.0.0.2/16\n"
		  "gateway 10.0.0.9\n" LAN, 0, "[lan lan] 10.0.0.1/24 overlaps "
		  "[wan] 10.0.0.2/16");
	/* An IPv6-only LAN is fine. */
	PARSE_OK("[lan]\ninterface eth1\naddress fd00::1/64\n");
}

static void test_wan(void)
{
	PARSE_ERR(LAN "[wan]\ninterface eth0\nmode static\n", 4,
		  "[wan] mode static needs an address");
	PARSE_ERR(LAN "[wan]\ninterface eth0\nmode static\naddress 192.0.2.2/24\n",
		  0, "[wan] mode static needs a gateway");
	PARSE_ERR(LAN "[wan]\ninterface eth0\nmode static\naddress 192.0.2.2/24\n"
		  "gateway 198.51.100.1\n", 0, "[wan] gateway 198.51.100.1 is not "
		  "inside any [wan] address");
	PARSE_ERR(LAN "[wan]\ninterface eth0\naddress 192.0.2.2/24\n", 4,
		  "only for mode static");
	PARSE_ERR(LAN "[wan]\ninterface eth0\ndns 192.0.2.53\n", 4,
		  "only for mode static");
	/* IPv6-only static WAN with a link-local gateway. */
	if (PARSE_OK(LAN "[wan]\ninterface eth0\nmode static\naddress "
		     "2001:db8::2/64\ngateway fe80::1\n"))
		CHECK_EQ_INT(cfg.wan.gateway6.family, CONFIG_AF_INET6);
}

static void test_dhcp(void)
{
	PARSE_ERR("[lan home]\ninterface eth1\naddress 10.0.0.1/24\n" POOL, 4,
		  "[dhcp lan] refers to [lan lan], which does not exist (name "
		  "the LAN: [dhcp NAME])");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.1.100 10.0.1.200\n", 0,
		  "[dhcp lan] range start 10.0.1.100 is outside every [lan lan] subnet");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.100 10.0.1.200\n", 0,
		  "[dhcp lan] range end 10.0.1.200 is outside [lan lan] 10.0.0.1/24");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.0 10.0.0.20\n", 0,
		  "network or broadcast");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.200 10.0.0.255\n", 0,
		  "network or broadcast");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.1 10.0.0.20\n", 0,
		  "range includes the router's own address 10.0.0.1");
	PARSE_ERR(LAN POOL "router 10.9.0.1\n", 0,
		  "[dhcp lan] router 10.9.0.1 is not inside 10.0.0.1/24");
	PARSE_ERR("[lan]\ninterface eth1\naddress fd00::1/64\n" POOL, 0,
		  "outside every [lan lan] subnet");
	PARSE_ERR(LAN POOL "[services]\ndnsd off\n", 0,
		  "[dhcp lan] dns must be set when [services] dnsd is off");
	PARSE_OK(LAN POOL "dns 9.9.9.9\n[services]\ndnsd off\n");
	PARSE_ERR(LAN POOL "route 10.9.0.0/16 192.168.1.1\n", 0,
		  "[dhcp lan] route 10.9.0.0/16 via 192.168.1.1: the gateway is "
		  "not inside 10.0.0.1/24");
	PARSE_ERR(LAN "[services]\ndhcpd on\n", 0,
		  "[services] dhcpd is on but there is no [dhcp] section");
	if (PARSE_OK(LAN POOL "[services]\ndhcpd off\n"))
		CHECK(!cfg.services.dhcpd);
	/* Static leases. */
	PARSE_ERR(LAN POOL "static 52:54:00:00:00:01 10.0.9.5\n", 0,
		  "[dhcp lan] static 10.0.9.5 is outside the pool's subnet");
	PARSE_ERR(LAN POOL "static 52:54:00:00:00:01 10.0.0.1\n", 0,
		  "static 10.0.0.1 is the router's address");
	PARSE_ERR(LAN POOL "static 52:54:00:00:00:01 10.0.0.5\n"
		  "static 52:54:00:00:00:01 10.0.0.6\n", 0,
		  "MAC 52:54:00:00:00:01 has two leases");
	PARSE_ERR(LAN POOL "static 52:54:00:00:00:01 10.0.0.5\n"
		  "static 52:54:00:00:00:02 10.0.0.5\n", 0,
		  "10.0.0.5 is leased to two MACs");
	/* Inside the range is allowed: the server keeps it for that MAC. */
	PARSE_OK(LAN POOL "static 52:54:00:00:00:01 10.0.0.150 tv\n");
	/* Statics belong to their own pool's LAN. */
	PARSE_ERR(LAN "[lan b]\ninterface eth2\naddress 10.1.0.1/24\n" POOL
		  "static 52:54:00:00:00:01 10.1.0.5\n[dhcp b]\n"
		  "range 10.1.0.10 10.1.0.20\n", 0, "static 10.1.0.5 is outside");
	if (PARSE_OK(LAN "[lan b]\ninterface eth2\naddress 10.1.0.1/24\n" POOL
		     "[dhcp b]\nrange 10.1.0.10 10.1.0.20\n"
		     "static 52:54:00:00:00:01 10.1.0.5\n")) {
		CHECK_EQ_INT(cfg.dhcp_static[0].pool, 1);
		CHECK_EQ_INT(cfg.dhcp[1].lan_index, 1);
	}
}

static void test_forwards(void)
{
	PARSE_ERR(LAN "[forward a]\nproto tcp\nport 80\nto 10.0.0.5\n", 0,
		  "[forward a] needs a [wan] to forward from");
	PARSE_ERR(LAN WAN "[forward a]\nproto tcp\nport 80\nto 10.0.1.5\n", 0,
		  "[forward a] to 10.0.1.5 is not a host on any [lan]");
	PARSE_ERR(LAN WAN "[forward a]\nproto tcp\nport 80\nto [fd01::5]:80\n", 0,
		  "to fd01::5 is not a host on any [lan]");
	PARSE_ERR(LAN WAN "[forward a]\nproto tcp\nport 80\nto 10.0.0.1\n", 0,
		  "to 10.0.0.1 is not a host on any [lan]");
	PARSE_ERR(LAN WAN "[forward a]\nproto tcp\nport 80-90\nto 10.0.0.5\n"
		  "[forward b]\nproto both\nport 90\nto 10.0.0.6\n", 0,
		  "[forward b] port overlaps [forward a]");
	/* Different protocols or families do not collide. */
	PARSE_OK(LAN WAN "[forward a]\nproto tcp\nport 80-90\nto 10.0.0.5\n"
		 "[forward b]\nproto udp\nport 90\nto 10.0.0.6\n"
		 "[forward c]\nproto tcp\nport 80\nto fd00::6\n");
	PARSE_ERR(LAN WAN "[ssh]\nlisten all\n[forward a]\nproto tcp\nport 22\n"
		  "to 10.0.0.5\n", 0, "[forward a] port 22 is [ssh] port");
	PARSE_OK(LAN WAN "[ssh]\nlisten lan\n[forward a]\nproto tcp\nport 22\n"
		 "to 10.0.0.5\n");
}

static void test_flow(void)
{
	PARSE_ERR(LAN "[services]\nflowd on\n", 0,
		  "[services] flowd is on but there is no [flow] section");
	PARSE_ERR(LAN "[flow]\ncollector 10.0.0.5\n", 0, "[flow] has no interface");
	PARSE_ERR(LAN "[flow]\ninterface eth1\n", 0, "[flow] has no collector");
	PARSE_ERR(LAN "[flow]\ninterface eth9\ncollector 10.0.0.5\n", 0,
		  "[flow] interface eth9 is not the WAN, a LAN or a bridge port");
	if (PARSE_OK(LAN "[flow]\ninterface eth1\ncollector 10.0.0.5\n"
		     "[services]\nflowd off\n")) {
		CHECK(cfg.flow.present);
		CHECK(!cfg.services.flowd);
	}
}

/* config_validate() is public: a program that edits a struct checks it. */
static void test_validate_direct(void)
{
	if (!PARSE_OK(LAN POOL))
		return;
	CHECK_EQ_INT(config_validate(&cfg, &err), 0);
	cfg.dhcp[0].range_end.bytes[2] = 5;
	CHECK_EQ_INT(config_validate(&cfg, &err), -1);
	CHECK(strstr(err.msg, "range end 10.0.5.200 is outside") != NULL);
	CHECK_EQ_INT(err.line, 0);
}

int main(void)
{
	test_interfaces();
	test_lans();
	test_wan();
	test_dhcp();
	test_forwards();
	test_flow();
	test_validate_direct();
	return check_done();
}
