/* from_config: the policy keel.conf describes. */
#include <string.h>
#include <sys/socket.h>

#include "check.h"
#include "from_config.h"

static void parse(const char *text, struct keel_config *cfg)
{
	struct config_error e;

	CHECK_EQ_INT(config_parse(text, strlen(text), cfg, &e), 0);
}

int main(void)
{
	static struct keel_config cfg;
	static struct fw_policy p;
	char err[160];

	parse("[wan]\ninterface eth0\nmode dhcp\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24 fd00::1/64\n"
	      "[forward web]\nproto tcp\nport 8080\nto 10.0.0.10:80\n"
	      "[forward v6]\nproto both\nport 2000-2001\nto [fd00::10]\n", &cfg);
	CHECK_EQ_INT(fw_policy_from_config(&cfg, &p, err, sizeof(err)), 0);
	CHECK_EQ_INT(p.n_wan, 1);
	CHECK_STR(p.wan[0], "eth0");
	CHECK_EQ_INT(p.n_lan, 1);
	CHECK_STR(p.lan[0], "eth1");
	CHECK_EQ_INT(p.n_fwd, 3);
	CHECK_EQ_INT(p.fwd[0].family, AF_INET);
	CHECK_EQ_INT(p.fwd[0].ext_port, 8080);
	CHECK_EQ_INT(p.fwd[0].to_port, 80);
	CHECK_EQ_INT(p.fwd[0].protos, FW_PROTO_TCP);
	CHECK(p.fwd[0].dnat);
	CHECK_EQ_INT(p.fwd[2].family, AF_INET6);
	CHECK_EQ_INT(p.fwd[2].ext_port, 2001);
	CHECK_EQ_INT(p.fwd[2].to_port, 2001);
	CHECK_EQ_INT(p.fwd[2].protos, FW_PROTO_TCP | FW_PROTO_UDP);
	CHECK(!p.fwd[2].dnat);

	CHECK_EQ_UINT(p.wan_mtu, 0);	/* not stated: no fixed clamp */

	/* The wan zone is the interface that carries IP: ppp0 under PPPoE
	 * (never the Ethernet below it), the VLAN interface when tagged. */
	parse("[wan]\ninterface eth0\nmode pppoe\nuser u\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &cfg);
	CHECK_EQ_INT(fw_policy_from_config(&cfg, &p, err, sizeof(err)), 0);
	CHECK_EQ_INT(p.n_wan, 1);
	CHECK_STR(p.wan[0], "ppp0");
	CHECK_EQ_UINT(p.wan_mtu, 1492);	/* PPPoE's default */
	for (unsigned i = 0; i < p.n_lan; i++)
		CHECK(strcmp(p.lan[i], "eth0") != 0);

	parse("[wan]\ninterface eth0\nvlan 35\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &cfg);
	CHECK_EQ_INT(fw_policy_from_config(&cfg, &p, err, sizeof(err)), 0);
	CHECK_EQ_INT(p.n_wan, 1);
	CHECK_STR(p.wan[0], "eth0.35");
	CHECK_EQ_UINT(p.wan_mtu, 0);

	parse("[wan]\ninterface eth0\nmode pppoe\nuser u\nvlan 35\nmtu 1454\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &cfg);
	CHECK_EQ_INT(fw_policy_from_config(&cfg, &p, err, sizeof(err)), 0);
	CHECK_EQ_INT(p.n_wan, 1);
	CHECK_STR(p.wan[0], "ppp0");
	CHECK_EQ_UINT(p.wan_mtu, 1454);

	parse("[wan]\ninterface eth0\nmtu 9000\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &cfg);
	CHECK_EQ_INT(fw_policy_from_config(&cfg, &p, err, sizeof(err)), 0);
	CHECK_STR(p.wan[0], "eth0");
	CHECK_EQ_UINT(p.wan_mtu, 9000);

	/* DS-Lite: IPv4 leaves by dslite0 (its MTU 1460, or the wan's less
	 * 40), IPv6 by the WAN; the AFTR when the config names it. */
	parse("[wan]\ninterface eth0\nipv4 dslite\naftr 2001:db8::1\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &cfg);
	CHECK_EQ_INT(fw_policy_from_config(&cfg, &p, err, sizeof(err)), 0);
	CHECK_EQ_INT(p.n_wan, 1);
	CHECK_STR(p.wan[0], "eth0");
	CHECK_STR(p.dslite, "dslite0");
	CHECK_EQ_UINT(p.dslite_mtu, 1460);
	CHECK(p.has_aftr && p.aftr[0] == 0x20 && p.aftr[15] == 1);
	parse("[wan]\ninterface eth0\nvlan 7\nmtu 1400\nipv4 dslite\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &cfg);
	CHECK_EQ_INT(fw_policy_from_config(&cfg, &p, err, sizeof(err)), 0);
	CHECK_STR(p.wan[0], "eth0.7");
	CHECK_STR(p.dslite, "dslite0");
	CHECK_EQ_UINT(p.dslite_mtu, 1360);
	CHECK(!p.has_aftr);
	/* The AFTR by name, as by option 64: wan6 resolves it, the rule
	 * takes any source. */
	parse("[wan]\ninterface eth0\nipv4 dslite\naftr gw.transix.jp\n"
	      "[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &cfg);
	CHECK_EQ_INT(fw_policy_from_config(&cfg, &p, err, sizeof(err)), 0);
	CHECK_STR(p.dslite, "dslite0");
	CHECK(!p.has_aftr);
	parse("[wan]\ninterface eth0\n[lan]\ninterface eth1\naddress 10.0.0.1/24\n", &cfg);
	CHECK_EQ_INT(fw_policy_from_config(&cfg, &p, err, sizeof(err)), 0);
	CHECK_STR(p.dslite, "");

	/* The safe default keeps WAN down: nothing to firewall, said clearly. */
	CHECK_EQ_INT(config_safe_default(&cfg), 0);
	CHECK_EQ_INT(fw_policy_from_config(&cfg, &p, err, sizeof(err)), -1);
	CHECK(strstr(err, "no [wan]") != NULL);
	return check_done();
}
