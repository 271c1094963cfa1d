/*
 * test_config.c - keel.conf parsing: every key, every value type, layout
 * (CRLF, tabs, comments, missing newline), and each kind of error with the
 * line and message a person editing over SSH would see.
 */
#include <stdlib.h>

#include "test_config.h"

static const char full[] =
	"# every key, none at its default\n"
	"hostname edge-7\n"
	"trial-timeout 45s\n"
	"\n"
	"[wan]\n"
	"interface wan0\n"
	"mode static\n"
	"address 203.0.113.2/24 2001:db8:1::2/64\n"
	"gateway 203.0.113.1 fe80::1\n"
	"dns 192.0.2.53 2001:db8::53\n"
	"accept-ra off\n"
	"\n"
	"[lan home]\n"
	"interface br0\n"
	"ports eth1 eth2 eth3\n"
	"address 192.168.7.1/24 fd12:3456::1/64\n"
	"\n"
	"[lan guest]\n"
	"interface eth4\n"
	"address 172.16.9.1/25\n"
	"\n"
	"[dhcp home]\n"
	"range 192.168.7.50 192.168.7.60\n"
	"lease-time 2d\n"
	"router 192.168.7.1\n"
	"dns 192.168.7.1 192.168.7.2\n"
	"domain home.example\n"
	"mtu 1492\n"
	"route 10.20.0.0/16 192.168.7.254\n"
	"route 0.0.0.0/0 192.168.7.1\n"
	"static 52:54:00:AB:cd:01 192.168.7.10 nas\n"
	"static 52:54:00:ab:cd:02 192.168.7.11\n"
	"rate-limit 5/s\n"
	"\n"
	"[dhcp guest]\n"
	"range 172.16.9.10 172.16.9.126\n"
	"lease-time 30m\n"
	"rate-limit off\n"
	"\n"
	"[dns]\n"
	"upstream 9.9.9.9 2620:fe::fe\n"
	"domain home.example\n"
	"cache-size 4M\n"
	"negative-ttl-max 60\n"
	"host printer.home.example 192.168.7.20\n"
	"host printer.home.example fd12:3456::20\n"
	"blocklist /etc/keel/blocklist.txt\n"
	"query-log on\n"
	"query-log-rate 50/m\n"
	"client-rate-limit 1000/h\n"
	"rebind-protection off\n"
	"rebind-allow corp.example\n"
	"rebind-allow home.arpa\n"
	"\n"
	"[forward web]\n"
	"proto tcp\n"
	"port 443\n"
	"to 192.168.7.10:8443\n"
	"\n"
	"[forward games]\n"
	"proto both\n"
	"port 27000-27010\n"
	"to 192.168.7.11\n"
	"family ipv4\n"
	"\n"
	"[forward v6]\n"
	"proto udp\n"
	"port 51820\n"
	"to [fd12:3456::10]:51821\n"
	"\n"
	"[services]\n"
	"dnsd on\n"
	"dhcpd on\n"
	"flowd on\n"
	"logd off\n"
	"sshd on\n"
	"\n"
	"[ssh]\n"
	"password on\n"
	"listen all\n"
	"port 2222\n"
	"authorized-key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEx4mple you@laptop\n"
	"authorized-key from=\"10.0.0.0/8\" ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB # comment dropped\n"
	"\n"
	"[log]\n"
	"ring-size 1M\n"
	"remote [2001:db8::514]:6514 tcp\n"
	"\n"
	"[flow]\n"
	"interface wan0 br0\n"
	"collector 192.168.7.5 [fd12:3456::5]:4739\n"
	"version 10\n";

static int addr_is(const struct config_addr *a, const char *text)
{
	char buf[CONFIG_ADDR_STRLEN];

	return strcmp(config_addr_str(a, a->prefix != 0, buf, sizeof(buf)),
		      text) == 0;
}

static void test_every_key(void)
{
	if (!PARSE_OK(full))
		return;
	CHECK_STR(cfg.hostname, "edge-7");
	CHECK_EQ_INT(cfg.trial_seconds, 45);

	CHECK(cfg.wan.present);
	CHECK_STR(cfg.wan.interface, "wan0");
	CHECK_EQ_INT(cfg.wan.mode, CONFIG_WAN_STATIC);
	CHECK_EQ_INT(cfg.wan.n_addrs, 2);
	CHECK(addr_is(&cfg.wan.addrs[0], "203.0.113.2/24"));
	CHECK(addr_is(&cfg.wan.addrs[1], "2001:db8:1::2/64"));
	CHECK(addr_is(&cfg.wan.gateway4, "203.0.113.1"));
	CHECK(addr_is(&cfg.wan.gateway6, "fe80::1"));
	CHECK_EQ_INT(cfg.wan.n_dns, 2);
	CHECK(addr_is(&cfg.wan.dns[1], "2001:db8::53"));
	CHECK(!cfg.wan.accept_ra);

	CHECK_EQ_INT(cfg.n_lans, 2);
	CHECK_STR(cfg.lans[0].name, "home");
	CHECK_STR(cfg.lans[0].interface, "br0");
	CHECK_EQ_INT(cfg.lans[0].n_ports, 3);
	CHECK_STR(cfg.lans[0].ports[2], "eth3");
	CHECK(addr_is(&cfg.lans[0].addrs[1], "fd12:3456::1/64"));
	CHECK_STR(cfg.lans[1].name, "guest");
	CHECK(addr_is(&cfg.lans[1].addrs[0], "172.16.9.1/25"));

	CHECK_EQ_INT(cfg.n_dhcp, 2);
	CHECK_EQ_INT(cfg.dhcp[0].lan_index, 0);
	CHECK(addr_is(&cfg.dhcp[0].range_start, "192.168.7.50"));
	CHECK(addr_is(&cfg.dhcp[0].range_end, "192.168.7.60"));
	CHECK_EQ_UINT(cfg.dhcp[0].lease_seconds, 2 * 86400);
	CHECK(addr_is(&cfg.dhcp[0].router, "192.168.7.1"));
	CHECK_EQ_INT(cfg.dhcp[0].n_dns, 2);
	CHECK_STR(cfg.dhcp[0].domain, "home.example");
	CHECK_EQ_INT(cfg.dhcp[0].mtu, 1492);
	CHECK_EQ_INT(cfg.dhcp[0].n_routes, 2);
	CHECK(addr_is(&cfg.dhcp[0].routes[0].dest, "10.20.0.0/16"));
	CHECK(addr_is(&cfg.dhcp[0].routes[0].gateway, "192.168.7.254"));
	CHECK_EQ_UINT(cfg.dhcp[0].rate_limit.count, 5);
	CHECK_EQ_UINT(cfg.dhcp[0].rate_limit.per_seconds, 1);
	CHECK_EQ_INT(cfg.dhcp[1].lan_index, 1);
	CHECK_EQ_UINT(cfg.dhcp[1].lease_seconds, 1800);
	CHECK_EQ_UINT(cfg.dhcp[1].rate_limit.count, 0);
	/* Defaults that follow other sections. */
	CHECK(addr_is(&cfg.dhcp[1].router, "172.16.9.1"));
	CHECK_EQ_INT(cfg.dhcp[1].n_dns, 1);
	CHECK(addr_is(&cfg.dhcp[1].dns[0], "172.16.9.1"));
	CHECK_STR(cfg.dhcp[1].domain, "home.example");

	CHECK_EQ_INT(cfg.n_dhcp_static, 2);
	CHECK_EQ_INT(cfg.dhcp_static[0].mac[3], 0xab);
	CHECK_EQ_INT(cfg.dhcp_static[0].mac[5], 0x01);
	CHECK_STR(cfg.dhcp_static[0].hostname, "nas");
	CHECK_STR(cfg.dhcp_static[1].hostname, "");
	CHECK(addr_is(&cfg.dhcp_static[1].addr, "192.168.7.11"));

	CHECK_EQ_INT(cfg.dns.n_upstreams, 2);
	CHECK(addr_is(&cfg.dns.upstreams[1], "2620:fe::fe"));
	CHECK_EQ_UINT(cfg.dns.cache_bytes, 4u << 20);
	CHECK_EQ_UINT(cfg.dns.negative_ttl_max, 60);
	CHECK_EQ_INT(cfg.dns.n_hosts, 2);
	CHECK(addr_is(&cfg.dns.hosts[1].addr, "fd12:3456::20"));
	CHECK_STR(cfg.dns.blocklist, "/etc/keel/blocklist.txt");
	CHECK(cfg.dns.query_log);
	CHECK_EQ_UINT(cfg.dns.query_log_rate.per_seconds, 60);
	CHECK_EQ_UINT(cfg.dns.client_rate_limit.count, 1000);
	CHECK_EQ_UINT(cfg.dns.client_rate_limit.per_seconds, 3600);
	CHECK(!cfg.dns.rebind_protection);
	CHECK_EQ_INT(cfg.dns.n_rebind_allow, 2);
	CHECK_STR(cfg.dns.rebind_allow[1], "home.arpa");

	CHECK_EQ_INT(cfg.n_forwards, 3);
	CHECK_EQ_INT(cfg.forwards[0].proto, CONFIG_PROTO_TCP);
	CHECK_EQ_INT(cfg.forwards[0].port_first, 443);
	CHECK_EQ_INT(cfg.forwards[0].port_last, 443);
	CHECK_EQ_INT(cfg.forwards[0].to_port, 8443);
	CHECK_EQ_INT(cfg.forwards[1].proto, CONFIG_PROTO_BOTH);
	CHECK_EQ_INT(cfg.forwards[1].port_last, 27010);
	CHECK_EQ_INT(cfg.forwards[1].to_port, 27000);	/* same as outside */
	CHECK_EQ_INT(cfg.forwards[1].family, CONFIG_AF_INET);
	CHECK_EQ_INT(cfg.forwards[2].family, CONFIG_AF_INET6);
	CHECK_EQ_INT(cfg.forwards[2].to_port, 51821);

	CHECK(cfg.services.dnsd && cfg.services.dhcpd && cfg.services.flowd);
	CHECK(!cfg.services.logd && cfg.services.sshd);

	CHECK(cfg.ssh.password);
	CHECK(!cfg.ssh.lan_only);
	CHECK_EQ_INT(cfg.ssh.port, 2222);
	CHECK_EQ_INT(cfg.ssh.n_keys, 2);
	CHECK_STR(cfg.ssh.keys[0], "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEx4mple you@laptop");
	CHECK_STR(cfg.ssh.keys[1], "from=\"10.0.0.0/8\" ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB");

	CHECK_EQ_UINT(cfg.log.ring_bytes, 1u << 20);
	CHECK(cfg.log.remote_set);
	CHECK(addr_is(&cfg.log.remote.addr, "2001:db8::514"));
	CHECK_EQ_INT(cfg.log.remote.port, 6514);
	CHECK_EQ_INT(cfg.log.remote_proto, CONFIG_PROTO_TCP);

	CHECK(cfg.flow.present);
	CHECK_EQ_INT(cfg.flow.n_interfaces, 2);
	CHECK_EQ_INT(cfg.flow.n_collectors, 2);
	CHECK_EQ_INT(cfg.flow.collectors[0].port, 2055);
	CHECK_EQ_INT(cfg.flow.collectors[1].port, 4739);
	CHECK_EQ_INT(cfg.flow.version, 10);
}

static void test_defaults(void)
{
	if (!PARSE_OK(LAN))
		return;
	CHECK_STR(cfg.hostname, "keel");
	CHECK_EQ_INT(cfg.trial_seconds, 120);
	CHECK(!cfg.wan.present);
	CHECK_STR(cfg.lans[0].name, "lan");
	CHECK_EQ_INT(cfg.n_dhcp, 0);
	CHECK_STR(cfg.dns.domain, "lan");
	CHECK_EQ_UINT(cfg.dns.cache_bytes, 1u << 20);
	CHECK_EQ_UINT(cfg.dns.negative_ttl_max, 300);
	CHECK(!cfg.dns.query_log);
	/* Rebinding protection is on unless turned off. */
	CHECK(cfg.dns.rebind_protection);
	CHECK_EQ_INT(cfg.dns.n_rebind_allow, 0);
	CHECK(cfg.services.dnsd && cfg.services.logd && cfg.services.sshd);
	/* Nothing to serve or export: these default off. */
	CHECK(!cfg.services.dhcpd && !cfg.services.flowd);
	CHECK(!cfg.ssh.password);
	CHECK(cfg.ssh.lan_only);
	CHECK_EQ_INT(cfg.ssh.port, 22);
	CHECK_EQ_UINT(cfg.log.ring_bytes, 256u * 1024);
	CHECK(!cfg.log.remote_set);

	if (PARSE_OK(LAN "[wan]\ninterface eth0\n[dhcp]\nrange 10.0.0.2 10.0.0.9\n")) {
		CHECK_EQ_INT(cfg.wan.mode, CONFIG_WAN_DHCP);
		CHECK(cfg.wan.accept_ra);
		CHECK(cfg.services.dhcpd);
		CHECK_EQ_UINT(cfg.dhcp[0].lease_seconds, 12 * 3600);
		CHECK_EQ_UINT(cfg.dhcp[0].rate_limit.count, 30);
		CHECK_EQ_UINT(cfg.dhcp[0].rate_limit.per_seconds, 60);
		CHECK(addr_is(&cfg.dhcp[0].router, "10.0.0.1"));
		CHECK(addr_is(&cfg.dhcp[0].dns[0], "10.0.0.1"));
		CHECK_STR(cfg.dhcp[0].domain, "lan");
		CHECK_EQ_INT(cfg.dhcp[0].mtu, 0);
	}
	if (PARSE_OK(LAN "[wan]\ninterface eth0\n[flow]\ninterface eth0\n"
		     "collector 10.0.0.9\n")) {
		CHECK(cfg.services.flowd);
		CHECK_EQ_INT(cfg.flow.version, 9);
		CHECK_EQ_INT(cfg.log.remote.port, 0);
	}
	if (PARSE_OK(LAN "[log]\nremote 10.0.0.9\n")) {
		CHECK_EQ_INT(cfg.log.remote.port, 514);
		CHECK_EQ_INT(cfg.log.remote_proto, CONFIG_PROTO_UDP);
	}
}

/* The same file, laid out as different editors and people write it. */
static void test_layout(void)
{
	static const char plain[] =
		"hostname gw\n[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
		"[dhcp]\nrange 10.0.0.10 10.0.0.20\n";
	static const char *const variants[] = {
		"hostname gw\r\n[lan]\r\ninterface eth1\r\naddress 10.0.0.1/24\r\n"
		"[dhcp]\r\nrange 10.0.0.10 10.0.0.20\r\n",
		"\thostname\tgw\t\n  [lan]  \n\tinterface   eth1  \n"
		"address\t10.0.0.1/24 \t \n[dhcp]   # pool\n"
		"  range 10.0.0.10\t\t10.0.0.20   # comment\n",
		"hostname gw\n[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
		"[dhcp]\nrange 10.0.0.10 10.0.0.20",
		"# leading comment\n\n\n#\n   # indented comment\nhostname gw "
		"#trailing\n[lan]\n\ninterface eth1\naddress 10.0.0.1/24\n"
		"[dhcp]\nrange 10.0.0.10 10.0.0.20\n\n\n",
		"hostname gw\r\n[ lan ]\r\ninterface eth1 \r\naddress 10.0.0.1/24\r\n"
		"[dhcp]\r\nrange 10.0.0.10 10.0.0.20",
	};
	struct keel_config want;

	if (!PARSE_OK(plain))
		return;
	want = cfg;
	for (size_t i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
		if (PARSE_OK(variants[i]))
			check_report(memcmp(&cfg, &want, sizeof(cfg)) == 0,
				     __FILE__, __LINE__, "variant %zu differs", i);
	}
	/* A lone CR inside a line is not a line end. */
	PARSE_ERR("hostname gw\rx\n" LAN, 1, "column 12: control character 0x0d");
	PARSE_ERR(LAN "hostname \001x\n", 4, "control character 0x01");
	{
		static const char nul[] = LAN "# a NUL \0 in a comment\n";

		CHECK_EQ_INT(config_parse(nul, sizeof(nul) - 1, &cfg, &err), -1);
		CHECK(strstr(err.msg, "line 4, column 9: control character 0x00"));
	}
}

static void test_empty(void)
{
	PARSE_ERR("", 0, "no [lan] section");
	PARSE_ERR("\n\n# only comments\n", 0, "no [lan] section");
	/* The parser must not read past len, NUL or not. */
	CHECK_EQ_INT(config_parse(LAN, 0, &cfg, &err), -1);
	CHECK_EQ_INT(config_parse(LAN "junk", strlen(LAN), &cfg, &err), 0);
}

static void test_long_lines(void)
{
	static char text[8192];
	size_t n;

	/* Exactly CONFIG_LINE_MAX bytes is fine, even with a CR after it. */
	strcpy(text, "#");
	memset(text + 1, 'x', CONFIG_LINE_MAX - 1);
	strcpy(text + CONFIG_LINE_MAX, "\r\nhostname ok\n" LAN);
	if (PARSE_OK(text))
		CHECK_STR(cfg.hostname, "ok");
	strcpy(text, LAN "#");
	n = strlen(text);
	memset(text + n, 'x', CONFIG_LINE_MAX);
	strcpy(text + n + CONFIG_LINE_MAX, "\n");
	PARSE_ERR(text, 4, "longer than 2048 bytes (CONFIG_LINE_MAX)");
	/* A huge file of a single line with no newline at all. */
	memset(text, 'y', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	PARSE_ERR(text, 1, "longer than 2048");
	/* Long values are cut in messages. */
	memset(text, 'a', 300);
	memcpy(text, "hostname ", 9);
	text[300] = '\0';
	PARSE_ERR(text, 1, "hostname: aaaaaaaaaaaaaaaa");
	CHECK(strlen(err.msg) < 200);
}

static void test_sections(void)
{
	PARSE_ERR(LAN "[wlan]\n", 4, "column 2: unknown section [wlan] (known: wan,");
	PARSE_ERR(LAN "[wan\n", 4, "section header without ']'");
	PARSE_ERR(LAN "[]\n", 4, "empty section header");
	PARSE_ERR(LAN "[wan] x\n", 4, "column 7: text after section header");
	PARSE_ERR(LAN "[wan eth0]\n", 4, "column 6: [wan] takes no name");
	PARSE_ERR(LAN "[forward]\n", 4, "[forward] needs a name");
	PARSE_ERR(LAN "[lan a b]\n", 4, "more than a kind and a name");
	PARSE_ERR(LAN "[lan bad.name]\n", 4, "column 6: section header: bad.name is not a section name");
	PARSE_ERR(LAN "[dns]\n[ssh]\n[dns]\n", 6, "[dns] given twice (first on line 4)");
	PARSE_ERR(LAN "[lan]\n", 4, "[lan] given twice");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\n[dhcp lan]\n", 6,
		  "[dhcp lan] given twice (first on line 4)");
	PARSE_ERR(LAN "[wan]\ninterface eth0\n[forward a]\nproto tcp\nport 1\n"
		  "to 10.0.0.2\n[forward a]\n", 10, "[forward a] given twice");
	PARSE_ERR("[lan]\n" "[ssh]\n", 1, "[lan] has no interface");
	PARSE_ERR("[lan]\ninterface eth1\n", 1, "[lan] has no address");
	PARSE_ERR(LAN "[wan]\nmode dhcp\n", 4, "[wan] has no interface");
	PARSE_ERR(LAN "[dhcp]\nlease-time 1h\n", 4, "[dhcp] has no range");
	PARSE_ERR(LAN "[dhcp guest]\nrange 10.0.0.2 10.0.0.3\n", 4,
		  "[dhcp guest] refers to [lan guest], which does not exist");
	PARSE_ERR(LAN "[wan]\ninterface eth0\n[forward x]\nport 80\nto 10.0.0.2\n",
		  6, "[forward x] has no proto");
	PARSE_ERR(LAN "[wan]\ninterface eth0\n[forward x]\nproto tcp\nto 10.0.0.2\n",
		  6, "[forward x] has no port");
	PARSE_ERR(LAN "[wan]\ninterface eth0\n[forward x]\nproto tcp\nport 80\n",
		  6, "[forward x] has no to");
	PARSE_ERR(LAN "[wan]\ninterface eth0\n[forward x]\nproto tcp\nport 80\n"
		  "to 10.0.0.2\nfamily ipv6\n", 6, "family does not match to");
	PARSE_ERR(LAN "[wan]\ninterface eth0\n[forward x]\nproto tcp\n"
		  "port 65000-65535\nto 10.0.0.2:65100\n", 6, "[forward x] "
		  "internal ports run past 65535");
	PARSE_ERR(LAN "[wan]\ninterface eth0\n[forward x]\nproto tcp\nport 1\n"
		  "to 10.0.0.2:1\nfamily ip\n", 10, "ip is not ipv4 or ipv6");
}

static void test_keys(void)
{
	PARSE_ERR("lan eth1\n" LAN, 1, "line 1, column 1: lan: unknown key "
		  "(before any [section])");
	PARSE_ERR(LAN "mtu 1500\n", 4, "[lan] mtu: unknown key");
	PARSE_ERR(LAN "[dns]\ndomain a\ndomain b\n", 6,
		  "line 6, column 1: [dns] domain: given twice (first on line 5)");
	PARSE_ERR(LAN "[dns]\ndomain\n", 5, "column 7: [dns] domain: missing value");
	PARSE_ERR(LAN "[dns]\ndomain a b\n", 5, "column 10: [dns] domain: too "
		  "many values (at most 1)");
	PARSE_ERR(LAN "[dns]\nupstream 1.1.1.1 1.1.1.2 1.1.1.3 1.1.1.4 1.1.1.5\n",
		  5, "[dns] upstream: more than 4 servers (CONFIG_MAX_SERVERS)");
	PARSE_ERR(LAN "[dns]\nupstream 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n",
		  5, "more than 16 values");
	PARSE_ERR(LAN "[dns]\nupstream 1.1.1.1 1.1.1.1\n", 5, "1.1.1.1 is listed twice");
	PARSE_ERR("[lan]\ninterface eth1\nports eth2 eth2\n", 3, "eth2 is listed twice");
	/* Repeatable keys repeat. */
	if (PARSE_OK(LAN "[dns]\nhost a 10.0.0.5\nhost b 10.0.0.6\nhost a fd00::5\n"))
		CHECK_EQ_INT(cfg.dns.n_hosts, 3);
	PARSE_ERR(LAN "[dns]\nhost a 10.0.0.5\nhost a 10.0.0.5\n", 6,
		  "10.0.0.5 is given twice for a");
}

static void test_addresses(void)
{
	/* The message from the issue, word for word (with the column). */
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.100 10.0.0.300\n", 5,
		  "line 5, column 18: [dhcp] range: 10.0.0.300 is not an IPv4 address");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.9 10.0.0.2\n", 5, "10.0.0.2 is below the range start");
	PARSE_ERR(LAN "[dhcp]\nrange fd00::2 fd00::9\n", 5, "fd00::2 is not an IPv4 address");
	static const char *const bad_v4[] = {
		"10.0.0", "10.0.0.1.", "10.0.0.01", "10..0.1", "1.2.3.4.5",
		"256.1.1.1", "a.b.c.d", "1.2.3.4/32", "-1.2.3.4", "1.2.3.4x",
		"4294967296.1.1.1",
	};
	for (size_t i = 0; i < sizeof(bad_v4) / sizeof(bad_v4[0]); i++) {
		char text[256];

		snprintf(text, sizeof(text), LAN "[dhcp]\nrouter %s\n", bad_v4[i]);
		PARSE_ERR(text, 5, "is not an IPv4 address");
	}
	PARSE_ERR("[lan]\ninterface eth1\naddress 10.0.0.1\n", 3,
		  "10.0.0.1 has no /prefix");
	PARSE_ERR("[lan]\ninterface eth1\naddress 10.0.0.1/33\n", 3,
		  "10.0.0.1/33 has a bad prefix length (0-32)");
	PARSE_ERR("[lan]\ninterface eth1\naddress fd00::1/129\n", 3,
		  "has a bad prefix length (0-128)");
	PARSE_ERR("[lan]\ninterface eth1\naddress fd00::1/064\n", 3, "bad prefix length");
	PARSE_ERR("[lan]\ninterface eth1\naddress fd00:::1/64\n", 3,
		  "fd00:::1/64 is not an IPv4 or IPv6 address/prefix");
	PARSE_ERR("[lan]\ninterface eth1\naddress fe80::1%eth0/64\n", 3,
		  "is not an IPv4 or IPv6 address/prefix");
	PARSE_ERR("[lan]\ninterface eth1\naddress 10.0.0.1/24 10.0.1.1/24 "
		  "10.0.2.1/24 10.0.3.1/24 10.0.4.1/24\n", 3,
		  "more than 4 addresses (CONFIG_MAX_ADDRS)");
	if (PARSE_OK("[lan]\ninterface eth1\naddress fd00:0:0:0::1/64 ::ffff:10.0.0.1/120\n"))
		CHECK(addr_is(&cfg.lans[0].addrs[0], "fd00::1/64"));
	/* Endpoints. */
	PARSE_ERR(LAN "[log]\nremote fd00::9\n", 5, "without [brackets]");
	PARSE_ERR(LAN "[log]\nremote [fd00::9\n", 5, "has '[' without ']'");
	PARSE_ERR(LAN "[log]\nremote [fd00::9]x\n", 5, "text after ']'");
	PARSE_ERR(LAN "[log]\nremote 10.0.0.9:0\n", 5, "has a bad port");
	PARSE_ERR(LAN "[log]\nremote 10.0.0.9:65536\n", 5, "has a bad port");
	PARSE_ERR(LAN "[log]\nremote 10.0.0.9:\n", 5, "has a bad port");
	PARSE_ERR(LAN "[log]\nremote [10.0.0.9]:514\n", 5, "is not an [IPv6 address]");
	PARSE_ERR(LAN "[log]\nremote logs.example:514\n", 5, "is not an IPv4 address[:port]");
	PARSE_ERR(LAN "[log]\nremote 10.0.0.9 sctp\n", 5, "sctp is not udp or tcp");
	/* Routes are networks. */
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\nroute 10.9.0.1/16 10.0.0.7\n",
		  6, "10.9.0.1/16 has host bits set");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\nroute 10.9.0.0/16 10.0.0.7\n"
		  "route 10.9.0.0/16 10.0.0.8\n", 7, "is routed twice");
}

static void test_macs(void)
{
	static const char *const bad[] = {
		"52:54:00:12:34", "52:54:00:12:34:5", "52-54-00-12-34-56",
		"52:54:00:12:34:567", "52:54:00:12:34:zz", "5254.0012.3456",
	};
	char text[256];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(text, sizeof(text), LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\n"
			 "static %s 10.0.0.20\n", bad[i]);
		PARSE_ERR(text, 6, "is not a MAC address (xx:xx:xx:xx:xx:xx)");
	}
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\nstatic 01:00:5e:00:00:01 "
		  "10.0.0.20\n", 6, "is a multicast MAC address");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\nstatic 52:54:00:12:34:56 "
		  "10.0.0.20 bad_name\n", 6, "bad_name is not a host name");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\nstatic 52:54:00:12:34:56\n",
		  6, "missing value");
}

static void test_numbers(void)
{
	static const struct {
		const char *text;
		uint32_t seconds;
	} good[] = {
		{ "3600", 3600 }, { "120s", 120 }, { "30m", 1800 },
		{ "12h", 43200 }, { "7d", 604800 }, { "30d", 2592000 },
		{ "2m", 120 },
	};
	static const char *const bad[] = {
		"12x", "h", "-1", "1.5h", "012h", "1h30m", "12 h", "12H", "",
		"99999999999999999999",
	};
	char text[256];

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		snprintf(text, sizeof(text), LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\n"
			 "lease-time %s\n", good[i].text);
		if (PARSE_OK(text))
			CHECK_EQ_UINT(cfg.dhcp[0].lease_seconds, good[i].seconds);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(text, sizeof(text), LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\n"
			 "lease-time %s x\n", bad[i]);
		PARSE_ERR(text, 6, "lease-time:");
	}
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\nlease-time 1m\n", 6,
		  "1m is out of range 2m-30d");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\nlease-time 31d\n", 6,
		  "31d is out of range 2m-30d");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\nmtu 100\n", 6,
		  "[dhcp] mtu: 100 is out of range 576-9000");
	PARSE_ERR(LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\nmtu 1500b\n", 6,
		  "1500b is not a number");
	PARSE_ERR("trial-timeout 10s\n" LAN, 1, "10s is out of range 20s-1h");
	PARSE_ERR(LAN "[ssh]\nport 0\n", 5, "0 is out of range 1-65535");
	PARSE_ERR(LAN "[ssh]\nport 65536\n", 5, "out of range 1-65535");
	PARSE_ERR(LAN "[ssh]\nport 022\n", 5, "022 is not a number");
	PARSE_ERR(LAN "[log]\nring-size 1K\n", 5, "1K is out of range 16K-16M bytes");
	PARSE_ERR(LAN "[log]\nring-size 1G\n", 5, "1G is not a size");
	PARSE_ERR(LAN "[dns]\ncache-size 300M\n", 5, "out of range 0-256M bytes");
	PARSE_ERR(LAN "[dns]\nnegative-ttl-max 2d\n", 5, "out of range 0s-1d");
	if (PARSE_OK(LAN "[dns]\ncache-size 0\nnegative-ttl-max 0\n")) {
		CHECK_EQ_UINT(cfg.dns.cache_bytes, 0);
		CHECK_EQ_UINT(cfg.dns.negative_ttl_max, 0);
	}
	if (PARSE_OK(LAN "[dns]\ncache-size 65537\n"))
		CHECK_EQ_UINT(cfg.dns.cache_bytes, 65537);
	if (PARSE_OK(LAN "[log]\nring-size 64k\n"))
		CHECK_EQ_UINT(cfg.log.ring_bytes, 65536);
	PARSE_ERR(LAN "[flow]\nversion 7\n", 5, "7 is not 5, 9 or 10");
	PARSE_ERR(LAN "[flow]\nversion 11\n", 5, "out of range 5-10");
	/* Rates. */
	PARSE_ERR(LAN "[dns]\nclient-rate-limit 10\n", 5, "10 is not a rate");
	PARSE_ERR(LAN "[dns]\nrebind-protection maybe\n", 5,
		  "maybe is not on or off");
	PARSE_ERR(LAN "[dns]\nrebind-allow a.example a.example\n", 5,
		  "is listed twice");
	PARSE_ERR(LAN "[dns]\nrebind-allow a..example\n", 5, "a..example");
	PARSE_ERR(LAN "[dns]\nrebind-allow a.example\nrebind-allow b c "
		  "a.example\n", 6, "is listed twice");
	PARSE_ERR(LAN "[dns]\nrebind-allow a b c d e f g h i\n", 5,
		  "CONFIG_MAX_REBIND_ALLOW");
	PARSE_ERR(LAN "[dns]\nrebind-allow a b c d e\nrebind-allow f g h i\n",
		  6, "CONFIG_MAX_REBIND_ALLOW");
	PARSE_ERR(LAN "[dns]\nclient-rate-limit 10/d\n", 5, "is not a rate");
	PARSE_ERR(LAN "[dns]\nclient-rate-limit 0/s\n", 5, "is not a rate (count");
	PARSE_ERR(LAN "[dns]\nclient-rate-limit /s\n", 5, "is not a rate");
	PARSE_ERR(LAN "[dns]\nclient-rate-limit 10/ss\n", 5, "is not a rate");
	/* Booleans and words. */
	PARSE_ERR(LAN "[services]\ndnsd yes\n", 5, "[services] dnsd: yes is not on or off");
	PARSE_ERR(LAN "[ssh]\nlisten wan\n", 5, "wan is not lan or all");
	PARSE_ERR(LAN "[wan]\ninterface eth0\nmode pppoe\n", 4, "mode pppoe needs user");
	PARSE_ERR(LAN "[wan]\ninterface eth0\n[forward a]\nproto icmp\n", 7,
		  "icmp is not tcp, udp or both");
	PARSE_ERR(LAN "[wan]\ninterface eth0\n[forward a]\nport 80-80\n", 7,
		  "is a range whose end is not above its start");
	PARSE_ERR(LAN "[wan]\ninterface eth0\n[forward a]\nport 0\n", 7,
		  "is not a port (1-65535)");
}

static void test_names(void)
{
	char text[512];

	PARSE_ERR("hostname -keel\n" LAN, 1, "-keel is not a host name");
	PARSE_ERR("hostname ke_el\n" LAN, 1, "is not a host name");
	PARSE_ERR("hostname a.b\n" LAN, 1, "is not a host name");
	memset(text, 0, sizeof(text));
	memcpy(text, "hostname ", 9);
	memset(text + 9, 'h', 64);
	strcat(text, "\n" LAN);
	PARSE_ERR(text, 1, "is not a host name");
	text[9 + 63] = '\n';
	if (PARSE_OK(text))
		CHECK_EQ_INT(strlen(cfg.hostname), 63);
	PARSE_ERR(LAN "[dns]\ndomain a..b\n", 5, "is not a domain name");
	PARSE_ERR(LAN "[dns]\ndomain .lan\n", 5, "is not a domain name");
	PARSE_ERR(LAN "[dns]\ndomain lan.\n", 5, "is not a domain name");
	PARSE_ERR("[lan]\ninterface eth1234567890abcd\n", 2,
		  "is not an interface name (1-15 characters)");
	PARSE_ERR("[lan]\ninterface eth/1\n", 2, "is not an interface name");
	PARSE_ERR("[lan]\ninterface ..\n", 2, "is not an interface name");
	PARSE_ERR(LAN "[dns]\nblocklist blocklist.txt\n", 5, "is not an absolute path");
	PARSE_ERR(LAN "[dns]\nblocklist /tmp/\xc3\xa9\n", 5, "outside printable ASCII");
	if (PARSE_OK("[lan]\ninterface eth1.100\naddress 10.0.0.1/24\n"))
		CHECK_STR(cfg.lans[0].interface, "eth1.100");
}

static void test_ssh_keys(void)
{
	PARSE_ERR(LAN "[ssh]\nauthorized-key AAAAC3NzaC1lZDI1NTE5AAAAIEx4\n", 5,
		  "missing value");
	PARSE_ERR(LAN "[ssh]\nauthorized-key ssh-ed25519 short\n", 5,
		  "not an authorized_keys line");
	PARSE_ERR(LAN "[ssh]\nauthorized-key ssh-dss AAAAB3NzaC1kc3MAAACBAP\n", 5,
		  "not an authorized_keys line");
	PARSE_ERR(LAN "[ssh]\nauthorized-key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 "
		  "j\xc3\xb6rg@laptop\n", 5, "byte outside printable ASCII");
	PARSE_ERR(LAN "[ssh]\nauthorized-key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 a\n"
		  "authorized-key  ssh-ed25519 AAAAC3NzaC1lZDI1NTE5   a\n", 6,
		  "key given twice");
	/* A key line with more words than a list may hold is still one key. */
	if (PARSE_OK(LAN "[ssh]\nauthorized-key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 "
		     "a b c d e f g h i j k l m n o p q r s t #c\n"))
		CHECK_STR(cfg.ssh.keys[0], "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 "
			  "a b c d e f g h i j k l m n o p q r s t");
	/* Inner spacing is kept as written: the key is passed on verbatim. */
	if (PARSE_OK(LAN "[ssh]\nauthorized-key ssh-ed25519\tAAAAC3NzaC1lZDI1NTE5  x#y\n"))
		CHECK_STR(cfg.ssh.keys[0], "ssh-ed25519\tAAAAC3NzaC1lZDI1NTE5  x#y");
}

/* Each fixed table rejects one entry past its maximum, naming the limit. */
static void test_limits(void)
{
	static char text[64 * 1024];
	size_t n;

	n = (size_t)snprintf(text, sizeof(text), LAN);
	for (int i = 0; i < CONFIG_MAX_LANS; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "[lan l%d]\ninterface e%d\naddress 10.%d.0.1/24\n",
				      i, i, i + 1);
	PARSE_ERR(text, 3 * (CONFIG_MAX_LANS - 1) + 4,
		  "more than 4 [lan] sections (CONFIG_MAX_LANS)");
	n -= strlen("[lan l3]\ninterface e3\naddress 10.4.0.1/24\n");
	text[n] = '\0';
	if (PARSE_OK(text))
		CHECK_EQ_INT(cfg.n_lans, CONFIG_MAX_LANS);

	n = (size_t)snprintf(text, sizeof(text), "[lan]\ninterface eth1\n"
			     "address 10.0.0.1/16\n[dhcp]\nrange 10.0.0.2 10.0.0.3\n");
	for (int i = 0; i < CONFIG_MAX_DHCP_STATIC; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "static 52:54:00:00:00:%02x 10.0.1.%d\n",
				      i, i + 1);
	if (PARSE_OK(text))
		CHECK_EQ_INT(cfg.n_dhcp_static, CONFIG_MAX_DHCP_STATIC);
	snprintf(text + n, sizeof(text) - n, "static 52:54:00:00:01:00 10.0.2.1\n");
	PARSE_ERR(text, 6 + CONFIG_MAX_DHCP_STATIC,
		  "more than 64 static leases (CONFIG_MAX_DHCP_STATIC)");

	n = (size_t)snprintf(text, sizeof(text), LAN "[wan]\ninterface eth0\n");
	for (int i = 0; i < CONFIG_MAX_FORWARDS; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "[forward f%d]\nproto tcp\nport %d\n"
				      "to 10.0.0.%d\n", i, 1000 + i, i + 2);
	if (PARSE_OK(text))
		CHECK_EQ_INT(cfg.n_forwards, CONFIG_MAX_FORWARDS);
	snprintf(text + n, sizeof(text) - n, "[forward over]\n");
	PARSE_ERR(text, 6 + 4 * CONFIG_MAX_FORWARDS,
		  "more than 32 [forward] sections (CONFIG_MAX_FORWARDS)");

	n = (size_t)snprintf(text, sizeof(text), LAN "[dns]\n");
	for (int i = 0; i < CONFIG_MAX_DNS_HOSTS; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "host h%d.lan 10.0.0.%d\n", i, i + 2);
	if (PARSE_OK(text))
		CHECK_EQ_INT(cfg.dns.n_hosts, CONFIG_MAX_DNS_HOSTS);
	snprintf(text + n, sizeof(text) - n, "host over 10.0.0.200\n");
	PARSE_ERR(text, 5 + CONFIG_MAX_DNS_HOSTS,
		  "more than 64 hosts (CONFIG_MAX_DNS_HOSTS)");

	n = (size_t)snprintf(text, sizeof(text), LAN "[ssh]\n");
	for (int i = 0; i < CONFIG_MAX_SSH_KEYS; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "authorized-key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5%d\n", i);
	if (PARSE_OK(text))
		CHECK_EQ_INT(cfg.ssh.n_keys, CONFIG_MAX_SSH_KEYS);
	snprintf(text + n, sizeof(text) - n,
		 "authorized-key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5x\n");
	PARSE_ERR(text, 5 + CONFIG_MAX_SSH_KEYS,
		  "more than 8 keys (CONFIG_MAX_SSH_KEYS)");
	/* One key line of 1024 bytes is one too many. */
	n = (size_t)snprintf(text, sizeof(text), LAN "[ssh]\nauthorized-key "
			     "ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB");
	memset(text + n, 'Q', 1000);
	strcpy(text + n + 1000, "\n");
	PARSE_ERR(text, 5, "longer than 1023 bytes (CONFIG_SSH_KEY_MAX)");

	n = (size_t)snprintf(text, sizeof(text), LAN "[dhcp]\nrange 10.0.0.2 10.0.0.3\n");
	for (int i = 0; i <= CONFIG_MAX_DHCP_ROUTES; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "route 10.%d.0.0/16 10.0.0.9\n", 100 + i);
	PARSE_ERR(text, 6 + CONFIG_MAX_DHCP_ROUTES,
		  "more than 8 routes (CONFIG_MAX_DHCP_ROUTES)");
	PARSE_ERR("[lan]\ninterface br0\nports a b c d e f g h i\n", 3,
		  "more than 8 interfaces (CONFIG_MAX_PORTS)");
	PARSE_ERR(LAN "[flow]\ninterface a b c d e\n", 5,
		  "more than 4 interfaces (CONFIG_MAX_FLOW_IFACES)");
	PARSE_ERR(LAN "[flow]\ncollector 10.0.0.2 10.0.0.3 10.0.0.4 10.0.0.5 "
		  "10.0.0.6\n", 5, "more than 4 collectors (CONFIG_MAX_COLLECTORS)");
	PARSE_ERR(LAN "[flow]\ncollector 10.0.0.2:2055 10.0.0.2\n", 5,
		  "10.0.0.2 is listed twice");
	PARSE_ERR(LAN "[wan]\ninterface eth0\nmode static\naddress 192.0.2.2/24\n"
		  "gateway 192.0.2.1 192.0.2.3\n", 8, "second gateway of the same family");
}

/* A large file of comments stays within budget and parses. */
static void test_big_file(void)
{
	static char text[CONFIG_FILE_MAX];
	size_t n = (size_t)snprintf(text, sizeof(text), LAN);

	while (n + 100 < sizeof(text))
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "# %096d\n", 0);
	parse_ok_len(__FILE__, __LINE__, text, n);
}

int main(void)
{
	test_every_key();
	test_defaults();
	test_layout();
	test_empty();
	test_long_lines();
	test_sections();
	test_keys();
	test_addresses();
	test_macs();
	test_numbers();
	test_names();
	test_ssh_keys();
	test_limits();
	test_big_file();
	return check_done();
}
