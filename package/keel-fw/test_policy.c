/* Unit tests for policy.c: the policy file, forwards, addresses. */
#include <string.h>
#include <sys/socket.h>

#include "check.h"
#include "policy.h"

static int parse(const char *text, struct fw_policy *p, char *err)
{
	fw_policy_init(p);
	return fw_policy_parse(text, strlen(text), p, err, 200);
}

static void test_file(void)
{
	struct fw_policy p;
	char err[200], out[1024];
	const char *text =
		"# router\n"
		"lan br-lan eth2   # two lan ports\n"
		"wan eth1\n"
		"\n"
		"forward tcp 8080 192.168.1.10:80\n"
		"forward tcp+udp 5000 [fd00::10]:5001\n"
		"forward udp 443 [2001:db8::10]\n"
		"ban-timeout 600\n"
		"wan-mtu 1492\n"
		"icmp-rate 5";

	CHECK_EQ_INT(parse(text, &p, err), 0);
	CHECK_EQ_UINT(p.n_lan, 2);
	CHECK_STR(p.lan[0], "br-lan");
	CHECK_STR(p.lan[1], "eth2");
	CHECK_EQ_UINT(p.n_wan, 1);
	CHECK_STR(p.wan[0], "eth1");
	CHECK_EQ_UINT(p.n_fwd, 3);
	CHECK_EQ_UINT(p.fwd[0].family, AF_INET);
	CHECK_EQ_UINT(p.fwd[0].ext_port, 8080);
	CHECK_EQ_UINT(p.fwd[0].to_port, 80);
	CHECK(p.fwd[0].dnat);
	CHECK(memcmp(p.fwd[0].addr, "\xc0\xa8\x01\x0a", 4) == 0);
	CHECK_EQ_UINT(p.fwd[1].protos, FW_PROTO_TCP | FW_PROTO_UDP);
	CHECK_EQ_UINT(p.fwd[1].family, AF_INET6);
	CHECK(p.fwd[1].dnat);
	CHECK_EQ_UINT(p.fwd[2].family, AF_INET6);
	CHECK(!p.fwd[2].dnat);	/* no port: a plain accept */
	CHECK_EQ_UINT(p.fwd[2].to_port, 443);
	CHECK_EQ_UINT(p.ban_timeout_s, 600);
	CHECK_EQ_UINT(p.icmp_echo_per_s, 5);
	CHECK_EQ_UINT(p.wan_mtu, 1492);
	CHECK_EQ_INT(fw_policy_check(&p, err, sizeof(err)), 0);

	/* What -n prints parses back to the same policy. */
	{
		struct fw_policy q;

		fw_policy_print(&p, out, sizeof(out));
		CHECK_EQ_INT(parse(out, &q, err), 0);
		CHECK(memcmp(&p, &q, sizeof(p)) == 0);
		CHECK(strstr(out, "\nwan-mtu 1492\n") != NULL);
	}
	/* Not given: unknown, and not printed. */
	CHECK_EQ_INT(parse("wan eth1\n", &p, err), 0);
	CHECK_EQ_UINT(p.wan_mtu, 0);
	fw_policy_print(&p, out, sizeof(out));
	CHECK(strstr(out, "wan-mtu") == NULL);
}

static void test_errors(void)
{
	struct fw_policy p;
	char err[200];

	CHECK_EQ_INT(parse("lan eth0\nbogus 1\n", &p, err), -1);
	CHECK_STR(err, "line 2: unknown directive \"bogus\"");
	CHECK_EQ_INT(parse("wan\n", &p, err), -1);
	CHECK_STR(err, "line 1: wan: no interface given");
	CHECK_EQ_INT(parse("wan eth0\nlan eth0\n", &p, err), -1);
	CHECK_STR(err, "line 2: eth0 is already in wan");
	CHECK_EQ_INT(parse("wan averyveryverylongname\n", &p, err), -1);
	CHECK_EQ_INT(parse("wan a/b\n", &p, err), -1);
	CHECK_EQ_INT(parse("forward sctp 1 10.0.0.1\n", &p, err), -1);
	CHECK_EQ_INT(parse("forward tcp 0 10.0.0.1\n", &p, err), -1);
	CHECK_EQ_INT(parse("forward tcp 65536 10.0.0.1\n", &p, err), -1);
	CHECK_EQ_INT(parse("forward tcp 80 10.0.0.1:99999\n", &p, err), -1);
	CHECK_EQ_INT(parse("forward tcp 80 10.0.0.300\n", &p, err), -1);
	CHECK_EQ_INT(parse("forward tcp 80 fd00::1\n", &p, err), -1);
	CHECK_STR(err, "line 1: forward: write IPv6 as [ADDR]");
	CHECK_EQ_INT(parse("forward tcp 80 [10.0.0.1]\n", &p, err), -1);
	CHECK_EQ_INT(parse("forward tcp 80 [fd00::1\n", &p, err), -1);
	CHECK_EQ_INT(parse("forward tcp 80 [fd00::1]x\n", &p, err), -1);
	CHECK_EQ_INT(parse("forward tcp 80 10.0.0.1 extra\n", &p, err), -1);
	CHECK_EQ_INT(parse("forward tcp 80 10.0.0.1\nforward tcp+udp 80 "
			   "10.0.0.2\n", &p, err), -1);
	CHECK_STR(err, "line 2: forward: port 80 is already forwarded");
	CHECK_EQ_INT(parse("ban-timeout 0\n", &p, err), -1);
	CHECK_EQ_INT(parse("ban-timeout 10 20\n", &p, err), -1);
	CHECK_EQ_INT(parse("icmp-rate x\n", &p, err), -1);
	CHECK_EQ_INT(parse("wan-mtu 1279\n", &p, err), -1);
	CHECK_STR(err, "line 1: wan-mtu: not a number in 1280-9000");
	CHECK_EQ_INT(parse("wan-mtu 9001\n", &p, err), -1);
	CHECK_EQ_INT(parse("wan-mtu\n", &p, err), -1);
	CHECK_EQ_INT(parse("wan-mtu 1492 1500\n", &p, err), -1);
	CHECK_EQ_INT(parse("lan eth0\0\n", &p, err), 0);	/* strlen stops */
	{
		const char nul[] = "lan eth0\0x\n";

		fw_policy_init(&p);
		CHECK_EQ_INT(fw_policy_parse(nul, sizeof(nul) - 1, &p, err,
					     sizeof(err)), -1);
	}
	CHECK_EQ_INT(parse("lan eth0\n", &p, err), 0);
	CHECK_EQ_INT(fw_policy_check(&p, err, sizeof(err)), -1);
	CHECK_STR(err, "no wan interface (wan IFNAME)");
}

static void test_addr_and_uint(void)
{
	int family;
	uint8_t a[16];
	uint32_t v;

	CHECK_EQ_INT(fw_addr_parse("203.0.113.5", 11, &family, a), 0);
	CHECK_EQ_INT(family, AF_INET);
	CHECK_EQ_INT(fw_addr_parse("2001:db8::1", 11, &family, a), 0);
	CHECK_EQ_INT(family, AF_INET6);
	CHECK_EQ_UINT(a[15], 1);
	CHECK_EQ_INT(fw_addr_parse("example.com", 11, &family, a), -1);
	CHECK_EQ_INT(fw_addr_parse("", 0, &family, a), -1);
	CHECK_EQ_INT(fw_uint_parse("4294967295", 10, 0, 0xffffffffu, &v), 0);
	CHECK_EQ_UINT(v, 4294967295u);
	CHECK_EQ_INT(fw_uint_parse("4294967296", 10, 0, 0xffffffffu, &v), -1);
	CHECK_EQ_INT(fw_uint_parse("12a", 3, 0, 100, &v), -1);
}

int main(void)
{
	test_file();
	test_errors();
	test_addr_and_uint();
	return check_done();
}
