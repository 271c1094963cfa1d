/*
 * test_config_wan.c - the [wan] keys beyond dhcp/static: PPPoE account,
 * MTU, VLAN, the derived interface names, and that the password never
 * reaches the public print.
 */
#include "test_config.h"

#define WAN "[wan]\ninterface eth0\n"

static void test_pppoe(void)
{
	char name[CONFIG_IFNAME_MAX + 1];

	if (!PARSE_OK(LAN WAN "mode pppoe\nuser keel@isp.example\npassword s3cr$t!\n"
		      "service internet\n"))
		return;
	CHECK_EQ_INT(cfg.wan.mode, CONFIG_WAN_PPPOE);
	CHECK_STR(cfg.wan.ppp_user, "keel@isp.example");
	CHECK_STR(cfg.wan.ppp_password, "s3cr$t!");
	CHECK_STR(cfg.wan.ppp_service, "internet");
	CHECK_EQ_UINT(config_wan_mtu(&cfg.wan), 1492);
	config_wan_link(&cfg.wan, name);
	CHECK_STR(name, "eth0");
	config_wan_l3(&cfg.wan, name);
	CHECK_STR(name, "ppp0");

	/* FLET'S: MTU 1454 over VLAN-less PPPoE; tagged for other ISPs. */
	if (!PARSE_OK(LAN WAN "mode pppoe\nuser u\nmtu 1454\nvlan 35\n"))
		return;
	CHECK_EQ_UINT(config_wan_mtu(&cfg.wan), 1454);
	config_wan_link(&cfg.wan, name);
	CHECK_STR(name, "eth0.35");
	config_wan_l3(&cfg.wan, name);
	CHECK_STR(name, "ppp0");
	CHECK(cfg.wan.ppp_password[0] == '\0');

	PARSE_ERR(LAN WAN "mode pppoe\n", 4, "mode pppoe needs user");
	PARSE_ERR(LAN WAN "mode pppoe\nuser u\nmtu 1500\n", 4,
		  "mtu 1500 is more than PPPoE carries");
	PARSE_ERR(LAN WAN "mode pppoe\nuser u\naddress 192.0.2.2/24\n", 4,
		  "only for mode static");
	PARSE_ERR(LAN WAN "user u\n", 4, "only for mode pppoe");
	PARSE_ERR(LAN WAN "password p\n", 4, "only for mode pppoe");
	PARSE_ERR(LAN WAN "mode pppoe\nuser a\"b\n", 7, "PPP options cannot carry");
	PARSE_ERR(LAN WAN "mode pppoe\nuser a\\b\n", 7, "PPP options cannot carry");
	PARSE_ERR(LAN WAN "mode pppoe\nuser "
		  "0123456789012345678901234567890123456789012345678901234567890123\n",
		  7, "1-63 characters");
	PARSE_ERR(LAN WAN "mode x\n", 6, "x is not dhcp, static or pppoe");
}

static void test_vlan_mtu(void)
{
	char name[CONFIG_IFNAME_MAX + 1];

	if (!PARSE_OK(LAN WAN "vlan 4094\nmtu 9000\n"))
		return;
	config_wan_link(&cfg.wan, name);
	CHECK_STR(name, "eth0.4094");
	config_wan_l3(&cfg.wan, name);
	CHECK_STR(name, "eth0.4094");
	CHECK_EQ_UINT(config_wan_mtu(&cfg.wan), 9000);
	/* DHCP leaves the link's MTU alone unless asked. */
	if (PARSE_OK(LAN WAN))
		CHECK_EQ_UINT(config_wan_mtu(&cfg.wan), 0);
	PARSE_ERR(LAN WAN "vlan 0\n", 6, "out of range 1-4094");
	PARSE_ERR(LAN WAN "vlan 4095\n", 6, "out of range 1-4094");
	PARSE_ERR(LAN WAN "mtu 1279\n", 6, "out of range 1280-9000");
	/* eth0123456.4094 is 15 bytes: fits; one more does not. */
	PARSE_OK(LAN "[wan]\ninterface eth0123456\nvlan 4094\n");
	PARSE_ERR(LAN "[wan]\ninterface eth01234567\nvlan 4094\n", 4,
		  "longer than 15 bytes");
}

static void test_password_not_public(void)
{
	FILE *f;
	long n;

	if (!PARSE_OK(LAN WAN "mode pppoe\nuser u\npassword Hunter2-secret\n"))
		return;
	f = fmemopen(printed, sizeof(printed), "w");
	if (!f)
		return;
	config_print_public(&cfg, f);
	n = ftell(f);
	fclose(f);
	CHECK(n > 0 && strstr(printed, "Hunter2-secret") == NULL);
	CHECK(strstr(printed, "# password: set, not shown") != NULL);
	CHECK(strstr(printed, "user u\n") != NULL);
	/* The public print still parses: the daemons read it. */
	CHECK_EQ_INT(config_parse(printed, (size_t)n, &cfg2, &err), 0);
	CHECK(cfg2.wan.ppp_password[0] == '\0');
}

/* wan6's keys: [wan] dhcpv6 and [lan] subnet-id (default: the index). */
static void test_dhcpv6_subnet_id(void)
{
	if (PARSE_OK(LAN WAN))
		CHECK_EQ_INT(cfg.wan.dhcpv6, CONFIG_DHCPV6_AUTO);
	if (PARSE_OK(LAN WAN "dhcpv6 off\n"))
		CHECK_EQ_INT(cfg.wan.dhcpv6, CONFIG_DHCPV6_OFF);
	if (PARSE_OK(LAN WAN "dhcpv6 on\n"))
		CHECK_EQ_INT(cfg.wan.dhcpv6, CONFIG_DHCPV6_ON);
	PARSE_ERR(LAN WAN "dhcpv6 yes\n", 6, "yes is not auto, on or off");
	if (PARSE_OK(LAN "[lan guest]\ninterface eth2\naddress 10.1.0.1/24\n")) {
		CHECK_EQ_UINT(cfg.lans[0].subnet_id, 0);
		CHECK_EQ_UINT(cfg.lans[1].subnet_id, 1);
	}
	if (PARSE_OK(LAN "subnet-id 0x1f\n[lan guest]\ninterface eth2\n"
		     "address 10.1.0.1/24\nsubnet-id 65535\n")) {
		CHECK_EQ_UINT(cfg.lans[0].subnet_id, 0x1f);
		CHECK_EQ_UINT(cfg.lans[1].subnet_id, 65535);
	}
	PARSE_ERR(LAN "subnet-id 65536\n", 4, "out of range 0-65535");
	PARSE_ERR(LAN "subnet-id 0x10000\n", 4, "out of range 0-0xffff");
	PARSE_ERR(LAN "subnet-id 0xg\n", 4, "is not a number");
	PARSE_ERR(LAN "subnet-id 1\n[lan guest]\ninterface eth2\n"
		  "address 10.1.0.1/24\n", 0, "subnet-id 1: the same as [lan lan]");
}

/* DS-Lite: [wan] ipv4 and aftr, the derived tunnel name and MTU, and the
 * combinations that could not work. */
static void test_dslite(void)
{
	char name[CONFIG_IFNAME_MAX + 1];
	static const uint8_t aftr[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };

	if (PARSE_OK(LAN WAN)) {
		CHECK_EQ_INT(cfg.wan.ipv4, CONFIG_WAN_IPV4_NATIVE);
		config_wan_l3_v4(&cfg.wan, name);
		CHECK_STR(name, "eth0");
	}
	if (PARSE_OK(LAN WAN "ipv4 dslite\naftr 2001:db8::1\nvlan 7\n")) {
		CHECK_EQ_INT(cfg.wan.ipv4, CONFIG_WAN_IPV4_DSLITE);
		CHECK_EQ_INT(cfg.wan.aftr.family, CONFIG_AF_INET6);
		CHECK(memcmp(cfg.wan.aftr.bytes, aftr, 16) == 0);
		config_wan_l3_v4(&cfg.wan, name);
		CHECK_STR(name, "dslite0");
		/* IPv6 stays on the WAN itself. */
		config_wan_l3(&cfg.wan, name);
		CHECK_STR(name, "eth0.7");
		CHECK_EQ_UINT(config_wan_dslite_mtu(&cfg.wan), 1460);
		print_to_buffer(&cfg);
		CHECK(strstr(printed, "ipv4 dslite\naftr 2001:db8::1\n") != NULL);
	}
	/* The AFTR from DHCPv6 option 64: no aftr, dhcpv6 not off. */
	if (PARSE_OK(LAN WAN "ipv4 dslite\nmtu 1400\n")) {
		CHECK_EQ_INT(cfg.wan.aftr.family, 0);
		CHECK_EQ_UINT(config_wan_dslite_mtu(&cfg.wan), 1360);
	}
	if (PARSE_OK(LAN WAN "ipv4 dslite\nmtu 9000\n"))
		CHECK_EQ_UINT(config_wan_dslite_mtu(&cfg.wan), 1460);
	/* Static over IPv6 alone: its first address is the local end. */
	if (PARSE_OK(LAN WAN "mode static\naddress 2001:db8:9::2/64 "
		     "2001:db8:1::2/64\ngateway fe80::1\n"
		     "ipv4 dslite\naftr 2001:db8::1\n")) {
		static const uint8_t local[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 9,
						   [15] = 2 };
		const uint8_t *l = config_wan_dslite_local(&cfg.wan);

		CHECK(l && memcmp(l, local, 16) == 0);
		CHECK(config_wan_runs_wan6(&cfg.wan));
	}
	/* Otherwise wan6 learns it, so it runs even with dhcpv6 off. */
	if (PARSE_OK(LAN WAN "ipv4 dslite\ndhcpv6 off\naftr 2001:db8::1\n")) {
		CHECK(config_wan_dslite_local(&cfg.wan) == NULL);
		CHECK(config_wan_runs_wan6(&cfg.wan));
	}
	if (PARSE_OK(LAN WAN "dhcpv6 off\n"))
		CHECK(!config_wan_runs_wan6(&cfg.wan));
	/* The AFTR by name (as option 64 would give it, from the config):
	 * kept as written, the address left unset. */
	if (PARSE_OK(LAN WAN "ipv4 dslite\naftr gw.transix.jp\n")) {
		CHECK_EQ_INT(cfg.wan.aftr.family, 0);
		CHECK_STR(cfg.wan.aftr_name, "gw.transix.jp");
		CHECK(config_wan_runs_wan6(&cfg.wan));
		print_to_buffer(&cfg);
		CHECK(strstr(printed, "ipv4 dslite\naftr gw.transix.jp\n") != NULL);
	}
	if (PARSE_OK(LAN WAN "ipv4 dslite\naftr 2001:db8::1\n"))
		CHECK_STR(cfg.wan.aftr_name, "");
	if (PARSE_OK(LAN WAN "ipv4 dslite\naftr DGW.xpass.jp\n"))
		CHECK_STR(cfg.wan.aftr_name, "DGW.xpass.jp");
	if (PARSE_OK(LAN WAN "ipv4 dslite\naftr 4.example\n"))
		CHECK_STR(cfg.wan.aftr_name, "4.example");
	/* With a static local end wan6 still runs, to resolve the name,
	 * here with the WAN's own IPv6 DNS server as dhcpv6 is off. */
	if (PARSE_OK(LAN WAN "mode static\naddress 2001:db8:1::2/64\n"
		     "gateway fe80::1\ndns 192.0.2.53 2001:db8:1::53\n"
		     "ipv4 dslite\ndhcpv6 off\naftr gw.transix.jp\n")) {
		CHECK(config_wan_dslite_local(&cfg.wan) != NULL);
		CHECK(config_wan_runs_wan6(&cfg.wan));
	}
	if (PARSE_OK(LAN WAN "mode static\naddress 2001:db8:1::2/64\n"
		     "gateway fe80::1\nipv4 dslite\ndhcpv6 off\n"
		     "aftr 2001:db8::1\n"))
		CHECK(!config_wan_runs_wan6(&cfg.wan));
	/* IPv6 port forwards do not involve the AFTR. */
	PARSE_OK(LAN WAN "ipv4 dslite\n[forward v6]\nproto tcp\nport 22\n"
		 "to [fd00::10]\n");

	PARSE_ERR(LAN WAN "ipv4 nat64\n", 6, "nat64 is not native or dslite");
	PARSE_ERR(LAN WAN "ipv4 dslite\naftr 2001:db8::g\n", 7,
		  "is not an IPv6 address or a DNS name");
	PARSE_ERR(LAN WAN "ipv4 dslite\naftr 192.0.2.1\n", 7,
		  "is not an IPv6 address or a DNS name (an IPv4");
	PARSE_ERR(LAN WAN "ipv4 dslite\naftr aftr\n", 7,
		  "is not an IPv6 address or a DNS name (a name has a dot");
	PARSE_ERR(LAN WAN "ipv4 dslite\naftr -gw.transix.jp\n", 7,
		  "is not an IPv6 address or a DNS name (labels");
	PARSE_ERR(LAN WAN "ipv4 dslite\naftr gw-.transix.jp\n", 7,
		  "is not an IPv6 address or a DNS name (labels");
	PARSE_ERR(LAN WAN "ipv4 dslite\naftr gw..transix.jp\n", 7,
		  "is not an IPv6 address or a DNS name (labels");
	PARSE_ERR(LAN WAN "ipv4 dslite\naftr gw.transix.jp.\n", 7,
		  "is not an IPv6 address or a DNS name (labels");
	PARSE_ERR(LAN WAN "ipv4 dslite\naftr gw_1.transix.jp\n", 7,
		  "is not an IPv6 address or a DNS name (labels");
	PARSE_ERR(LAN WAN "ipv4 dslite\naftr ::\n", 7, "not a global unicast");
	PARSE_ERR(LAN WAN "ipv4 dslite\naftr ff02::2\n", 7,
		  "not a global unicast");
	PARSE_ERR(LAN WAN "ipv4 dslite\naftr fe80::1\n", 7,
		  "not a global unicast");
	PARSE_ERR(LAN WAN "aftr 2001:db8::1\n", 0, "aftr is only for ipv4 dslite");
	PARSE_ERR(LAN WAN "aftr gw.transix.jp\n", 0,
		  "aftr is only for ipv4 dslite");
	/* A name with dhcpv6 off needs a static WAN's IPv6 DNS server. */
	PARSE_ERR(LAN WAN "ipv4 dslite\ndhcpv6 off\naftr gw.transix.jp\n", 0,
		  "aftr gw.transix.jp with dhcpv6 off needs an IPv6 dns server");
	PARSE_ERR(LAN WAN "mode static\naddress 2001:db8:1::2/64\n"
		  "gateway fe80::1\ndns 192.0.2.53\nipv4 dslite\ndhcpv6 off\n"
		  "aftr gw.transix.jp\n", 0,
		  "aftr gw.transix.jp with dhcpv6 off needs an IPv6 dns server");
	PARSE_ERR(LAN WAN "ipv4 dslite\ndhcpv6 off\n", 0,
		  "dhcpv6 off needs aftr");
	PARSE_OK(LAN WAN "ipv4 dslite\ndhcpv6 off\naftr 2001:db8::1\n");
	PARSE_ERR(LAN WAN "mode pppoe\nuser u\nipv4 dslite\n", 0,
		  "with mode pppoe is not supported yet");
	PARSE_ERR(LAN WAN "mode static\naddress 192.0.2.2/24 2001:db8:1::2/64\n"
		  "gateway fe80::1\nipv4 dslite\n", 0, "no IPv4 address on the WAN");
	PARSE_ERR(LAN WAN "mode static\naddress 2001:db8:1::2/64\n"
		  "gateway 192.0.2.1 fe80::1\nipv4 dslite\n", 0,
		  "no IPv4 gateway");
	PARSE_ERR(LAN WAN "ipv4 dslite\n[forward web]\nproto tcp\nport 443\n"
		  "to 10.0.0.10\n", 0, "the AFTR owns the public IPv4 address");
}

int main(void)
{
	test_dslite();
	test_dhcpv6_subnet_id();
	test_pppoe();
	test_vlan_mtu();
	test_password_not_public();
	return check_done();
}
