/* Unit tests for from_config.c: the WAN's L3 interface per mode, dhcpv6,
 * each LAN's subnet-id, DS-Lite's AFTR (address, name, option 64) and its
 * resolvers, the -n print and the command line. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "from_config.h"

static struct keel_config cfg;

static int parse(const char *text)
{
	struct config_error err;

	return config_parse(text, strlen(text), &cfg, &err);
}

int main(void)
{
	static char *argv[] = { "wan6", "-C", "/x.conf", "-l", "/tmp/l", NULL };
	struct wan6_options o;
	char err[200], printed[1024];
	FILE *f;

	CHECK_EQ_INT(options_parse(5, argv, &o, err, sizeof(err), stdout), 0);
	CHECK_STR(o.lease_path, "/tmp/l");
	CHECK_STR(o.data_dir, WAN6_DATA_DIR);
	CHECK_STR(o.user, "wan6");
	CHECK_EQ_INT(options_parse(1, argv, &o, err, sizeof(err), stdout), -1);

	CHECK_EQ_INT(parse("[wan]\ninterface eth0\nmode pppoe\nuser u\n"
			   "dhcpv6 on\n[lan]\ninterface br0\naddress 10.0.0.1/24\n"
			   "[lan guest]\ninterface eth2\naddress 10.1.0.1/24\n"
			   "subnet-id 0x10\n"), 0);
	options_parse(5, argv, &o, err, sizeof(err), stdout);
	CHECK_EQ_INT(options_from_config(&o, &cfg, err, sizeof(err)), 0);
	CHECK_STR(o.ifname, "ppp0");
	CHECK_STR(o.link, "eth0");
	CHECK_EQ_INT(o.mode, ENGINE_ON);
	CHECK_EQ_INT(o.n_lans, 2);
	CHECK_EQ_UINT(o.lans[0].subnet_id, 0);
	CHECK_EQ_UINT(o.lans[1].subnet_id, 16);
	f = fmemopen(printed, sizeof(printed), "w");
	options_print(&o, f);
	fclose(f);
	CHECK(strstr(printed, "interface ppp0\n") != NULL);
	CHECK(strstr(printed, "dhcpv6 on\n") != NULL);
	CHECK(strstr(printed, "lan guest interface eth2 subnet-id 16\n") != NULL);

	CHECK_EQ_INT(parse("[wan]\ninterface eth0\nvlan 35\n"
			   "[lan]\ninterface br0\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_INT(options_from_config(&o, &cfg, err, sizeof(err)), 0);
	CHECK_STR(o.ifname, "eth0.35");
	CHECK_EQ_INT(o.mode, ENGINE_AUTO);

	f = fmemopen(printed, sizeof(printed), "w");
	options_print(&o, f);
	fclose(f);
	CHECK(strstr(printed, "ipv4 native\n") != NULL);

	/* DS-Lite: the AFTR from option 64, the local end learnt... */
	CHECK_EQ_INT(parse("[wan]\ninterface eth0\nipv4 dslite\n"
			   "[lan]\ninterface br0\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_INT(options_from_config(&o, &cfg, err, sizeof(err)), 0);
	CHECK(o.dslite.on && !o.dslite.has_remote && !o.dslite.has_local);
	f = fmemopen(printed, sizeof(printed), "w");
	options_print(&o, f);
	fclose(f);
	CHECK(strstr(printed, "ipv4 dslite tunnel dslite0\n") != NULL);
	CHECK(strstr(printed, "dslite-remote from dhcpv6 option 64") != NULL);
	CHECK(strstr(printed, "dslite-local dhcpv6 address, else slaac") != NULL);
	/* ...or both from the config. */
	CHECK_EQ_INT(parse("[wan]\ninterface eth0\nmode static\n"
			   "address 2001:db8:1::2/64\ngateway fe80::1\n"
			   "ipv4 dslite\naftr 2001:db8::1\n"
			   "[lan]\ninterface br0\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_INT(options_from_config(&o, &cfg, err, sizeof(err)), 0);
	CHECK(o.dslite.has_remote && o.dslite.has_local);
	f = fmemopen(printed, sizeof(printed), "w");
	options_print(&o, f);
	fclose(f);
	CHECK(strstr(printed, "dslite-remote 2001:db8::1 (config)\n") != NULL);
	CHECK(strstr(printed, "dslite-local 2001:db8:1::2 (static)\n") != NULL);
	/* The AFTR by name: resolved like option 64's, before it. */
	CHECK_EQ_INT(parse("[wan]\ninterface eth0\nipv4 dslite\n"
			   "aftr gw.transix.jp\n"
			   "[lan]\ninterface br0\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_INT(options_from_config(&o, &cfg, err, sizeof(err)), 0);
	CHECK(!o.dslite.has_remote && o.dslite.n_dns == 0);
	CHECK_STR(o.dslite.name, "gw.transix.jp");
	f = fmemopen(printed, sizeof(printed), "w");
	options_print(&o, f);
	fclose(f);
	CHECK(strstr(printed, "dslite-remote gw.transix.jp (config name, before "
		     "dhcpv6 option 64's), resolved with option 23's "
		     "servers\n") != NULL);
	/* A static WAN's IPv6 dns servers stand in for option 23's (its
	 * IPv4 ones are behind the tunnel). */
	CHECK_EQ_INT(parse("[wan]\ninterface eth0\nmode static\n"
			   "address 2001:db8:1::2/64\ngateway fe80::1\n"
			   "dns 192.0.2.53 2001:db8:1::53 2001:db8:2::53\n"
			   "ipv4 dslite\ndhcpv6 off\naftr gw.transix.jp\n"
			   "[lan]\ninterface br0\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_INT(options_from_config(&o, &cfg, err, sizeof(err)), 0);
	CHECK_EQ_UINT(o.dslite.n_dns, 2);
	CHECK(o.dslite.dns[0][15] == 0x53 && o.dslite.dns[1][5] == 2);
	f = fmemopen(printed, sizeof(printed), "w");
	options_print(&o, f);
	fclose(f);
	CHECK(strstr(printed, "dslite-remote gw.transix.jp (config name, before "
		     "dhcpv6 option 64's), resolved with option 23's servers, "
		     "else [wan] dns 2001:db8:1::53 2001:db8:2::53\n") != NULL);

	CHECK_EQ_INT(parse("[lan]\ninterface br0\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_INT(options_from_config(&o, &cfg, err, sizeof(err)), -1);
	CHECK(strstr(err, "no [wan]") != NULL);
	return check_done();
}
